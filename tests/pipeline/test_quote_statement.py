"""Words that look like a quote but are no one's statement are kept, hidden from the default view."""

from __future__ import annotations

import pytest

from dossier.confidence import DEFAULT_MIN_CONFIDENCE
from dossier.graph import Article
from dossier.pipeline.quotes.finder import NOT_A_STATEMENT
from dossier.service import extract_articles

pytestmark = pytest.mark.slow

# (text, words of the quote, shown by default), a statement and a look-alike side by side
CASES = [
    ("Senator Ada Quill said the budget plan would cut taxes for families.",
     "the budget plan would cut taxes for families", True),
    ("Senator Ada Quill praised the new budget plan on Tuesday.", "the new budget plan", False),
    ("Mayor Bo Lane said he would not resign before the audit.", "he would not resign before the audit", True),
    ("Mayor Bo Lane refused to answer questions about the audit.", "to answer questions about the audit", False),
    ('"We will carry this state," Quill said.', "We will carry this state,", True),
    ('"Who is the real liar here?" Quill said.', "Who is the real liar here?", False),
    ("A spokesman for the county said the mayor had no plans to resign.", "the mayor had no plans to resign", True),
    ("The county agency said it would release more files next week.", "it would release more files next week",
     False),
    ("The emails reveal that the aide ran the schedule.", "the aide ran the schedule", False),
    # a named holder's institution left unlinked is a speaker the user cannot see; the holder's campaign or
    # aides are an unnamed source of their own
    ("Mayor Bo Lane spoke in Dover on Monday. Dover's central bank said the audit was flawed.",
     "the audit was flawed", False),
    ("Mayor Bo Lane spoke in Dover on Monday. Lane's campaign said the audit was flawed.", "the audit was flawed",
     True),
    ("Mayor Bo Lane spoke on Monday. Lane's aides said the audit was flawed.", "the audit was flawed", True),
    # a verb in a relative clause on the object is no clause of what was said
    ("Senator Ada Quill confirmed several of the claims, which are listed in the report.",
     "several of the claims, which are listed in the report", False),
    ("Senator Ada Quill confirmed that several of the claims are listed in the report.",
     "several of the claims are listed in the report", True),
    # a bare infinitive with its own subject is still an act; a promise made in words is a statement
    ("The Pell Bank refuses to let Mayor Bo Lane sell the old mill.", "to let Mayor Bo Lane sell the old mill",
     False),
    ("Mayor Bo Lane vowed to sell the old mill before the vote.", "to sell the old mill before the vote", True),
    # a report whose words are elsewhere ("recalled the governor telling him") is a fragment (UNSAID below)
    ("Judge Omar Pell recalled that the governor had promised a new bridge.",
     "the governor had promised a new bridge", True),
    # an "according to" over someone else's quoted words and cue is no statement of the account
    ('"The port will close," Mayor Bo Lane said, according to a Ledger account.',
     '"The port will close," Mayor Bo Lane said', False),
    ("The port will close in May, according to a Ledger account.", "The port will close in May", True),
    # an indirect question is the topic of the talk; a free relative subject or a fronted "when" clause is not
    ("Bo Lane took his daughter there on Sunday to explain to her who Ada Obi was.", "who Ada Obi was", False),
    ("Ada Obi explained why the harbor plan had failed.", "why the harbor plan had failed", False),
    ("Ada Obi said what she wanted was a new pier.", "what she wanted was a new pier", True),
    ("Ada Obi said when she took office the budget was a mess.", "when she took office the budget was a mess",
     True),
    # a request or an act in infinitive form with quoted words is what was asked, not said; a quoted vow stays
    ('Mayor Bo Lane urged voters not to "choose the road to ruin."', 'voters not to "choose the road to ruin.',
     False),
    ('Mayor Bo Lane vowed to "fight the ruling to the end."', 'to "fight the ruling to the end.', True),
    ('Mayor Bo Lane told voters the plan would "choose the road to ruin."', 'the plan would "choose the road to ruin.',
     True),
    # a bare poll share as the sayer is a result whose poll goes unnamed; a group speaks for itself
    ("Almost half said they wanted a mayor from outside the council.", "they wanted a mayor from outside the council",
     False),
    ("About three in 10 said they prefer a new harbor plan.", "they prefer a new harbor plan", False),
    ("Many said they wanted a mayor from outside the council.", "they wanted a mayor from outside the council", True),
    ("Half of the senators said they would vote against the harbor plan.", "they would vote against the harbor plan",
     True),
]

# (text, words, passes the statement gate): what the speaker called someone is a characterisation (its
# stance-verb prior still decides whether it is shown); praise of someone for something is a topic
CHARACTERISATIONS = [
    ("Senator Ada Quill called the judge a friend of crime.", "the judge a friend of crime", True),
    ("Senator Ada Quill attacked the judge as a friend of crime.", "the judge as a friend of crime", True),
    ("Senator Ada Quill praised the judge for his ruling.", "the judge for his ruling", False),
]


@pytest.mark.parametrize(("text", "words", "passes"), CHARACTERISATIONS)
def test_a_characterisation_passes_the_statement_gate(nlp, text: str, words: str, passes: bool) -> None:
    graph = next(iter(extract_articles([Article(id="t", title="", body=text, published="2024-05-01")]))).graph
    assert graph is not None
    (quote,) = [q for q in graph.quotes if q.text == words]
    assert (quote.confidence > NOT_A_STATEMENT) is passes


# (headline, words of the quote, shown by default): a label that is a name, and a clause, side by side
HEADLINES = [
    ("Ada Quill: Harbor Deal ‘Dead’ in the Senate", "Harbor Deal ‘Dead’ in the Senate", True),
    ("Clinic Files Rebut Ada Quill: Only ‘Two Cases’ Went Unpaid", "Only ‘Two Cases’ Went Unpaid", False),
]


@pytest.mark.parametrize(("title", "words", "shown"), HEADLINES)
def test_a_headline_label_names_its_speaker_only_when_it_is_a_name(nlp, title: str, words: str,
                                                                   shown: bool) -> None:
    graph = next(iter(extract_articles([Article(id="t", title=title, body="Ada Quill spoke in the Senate today.",
                                                published="2024-05-01")]))).graph
    assert graph is not None
    quotes = [q for q in graph.quotes if q.text == words]
    assert quotes or not shown, [q.text for q in graph.quotes]
    assert all((q.confidence >= DEFAULT_MIN_CONFIDENCE) is shown for q in quotes)


@pytest.mark.parametrize(("text", "words", "shown"), CASES)
def test_a_quote_is_shown_only_when_it_is_a_statement(nlp, text: str, words: str, shown: bool) -> None:
    graph = next(iter(extract_articles([Article(id="t", title="", body=text, published="2024-05-01")]))).graph
    assert graph is not None
    quotes = [q for q in graph.quotes if q.text == words]
    assert len(quotes) == 1, [q.text for q in graph.quotes]
    assert (quotes[0].confidence >= DEFAULT_MIN_CONFIDENCE) is shown


# (text, words of the quote, the organisation it is given to), a description that fits one named
# organisation and one that fits none side by side
DESCRIPTIONS = [
    ("The Kelby Nurses Union voted on Monday. The union said a strike could begin in May.",
     "a strike could begin in May", "Kelby Nurses Union"),
    ("The Harbor Trust and the Pine Fund met on Friday. The agency said talks would go on.",
     "talks would go on", None),
]


@pytest.mark.parametrize(("text", "words", "speaker"), DESCRIPTIONS)
def test_a_description_of_a_named_organisation_speaks_for_it(nlp, text: str, words: str,
                                                             speaker: str | None) -> None:
    graph = next(iter(extract_articles([Article(id="t", title="", body=text, published="2024-05-01")]))).graph
    assert graph is not None
    names = {e.id: e.name for e in graph.entities}
    quote = next(q for q in graph.quotes if q.text == words)
    assert (names.get(quote.speaker) if quote.speaker else None) == speaker
    assert (quote.confidence >= DEFAULT_MIN_CONFIDENCE) is (speaker is not None)


# (text, words, shown by default): a cue that reports nothing said, beside one that does. A cue negated by
# "nor", under a modal of possibility (its own or its conjunct's), in a "for X to say", and a content of
# stand-in words only ("That's according to ...", "promises to do") give no shown quote.
UNSAID = [
    ("Mayor Ada Obi spoke on Monday. Obi declined to name the aides, nor did she report that any of them had "
     "been fired.", "any of them had been fired", False),
    ("Mayor Ada Obi spoke on Monday. Obi declined to name the aides, and she reported that two of them had "
     "been fired.", "two of them had been fired", True),
    # a "nor" after the first cue negates the verb after it, not the cue
    ("Mayor Ada Obi spoke on Monday. Obi said the port would close in May, nor would she rule out a new tax.",
     "the port would close in May", True),
    ("Mayor Ada Obi spoke on Monday. Nor did Obi say that the port would close.", "the port would close", False),
    ("Mayor Ada Obi spoke on Monday. Voters may listen to her and conclude that the plan failed.",
     "the plan failed", False),
    ("Mayor Ada Obi spoke on Monday. Voters may conclude that her plans must not have done much good.",
     "her plans must not have done much good", False),
    ("Mayor Ada Obi spoke on Monday. Obi concluded that the plan failed.", "the plan failed", True),
    # in the speaker's own voice a modal before the cue asserts ("I must say", "I can tell you")
    ("Mayor Ada Obi spoke on Monday. Lest readers doubt her, I must say that the plan failed.",
     "the plan failed", True),
    ("Mayor Ada Obi spoke on Monday. Lest readers doubt her, we can tell you that the bridge will reopen.",
     "the bridge will reopen", True),
    ("Mayor Ada Obi spoke on Monday. Lest readers doubt her, critics could say that the bridge will reopen.",
     "the bridge will reopen", False),
    # "could only say that": what was said, and all of it
    ("Mayor Ada Obi spoke on Monday. Obi could only say that the port would close.", "the port would close", True),
    ("Mayor Ada Obi spoke on Monday. It is easy for Obi to say that the plan is sound.", "the plan is sound",
     False),
    ("Mayor Ada Obi spoke on Monday. Obi was quick to say that the plan is sound.", "the plan is sound", True),
    ("Mayor Ada Obi spoke on Monday. That's according to members of the city council.", "That's", False),
    ("Mayor Ada Obi spoke on Monday. The bridge will close, according to members of the city council.",
     "The bridge will close", True),
    ("Mayor Ada Obi spoke on Monday. Voters know that Obi simply can't do what she promises to do.", "to do",
     False),
    ("Mayor Ada Obi spoke on Monday. Obi vowed to resign.", "to resign", True),
    # a topic phrase fronted before a direct quote's cue is not part of the words; "continue" with an
    # object is no cue ("talked about continuing the progress")
    ('Mayor Ada Obi spoke on Monday. Of the audit of the harbor fund, she said, "It is a little much."',
     "It is a little much.", True),
    ('Mayor Ada Obi spoke on Monday. Of the audit of the harbor fund, she said, "It is a little much."',
     'Of the audit of the harbor fund It is a little much."', False),
    ("Mayor Ada Obi spoke on Monday. In the end, she said, the fund was a little much.",
     "In the end the fund was a little much", True),
    ('Mayor Ada Obi spoke on Monday. She talked about continuing the "progress we made under Mayor Lane" and '
     'her pledge "to keep the harbor open."', 'the "progress we made under Mayor Lane" and her pledge "to keep the '
     'harbor open.', False),
    ("Mayor Ada Obi spoke on Monday. She continued that the harbor would stay open.", "the harbor would stay open",
     True),
    # a reported clause cut from its subject around the cue ("Whatever progress X has made, aides said,
    # could be undone") is a fragment; a whole one stays
    ("Mayor Ada Obi spoke on Monday. Whatever progress Mayor Obi has made, officials said, could easily be undone "
     "by a new storm or a strike - which has until recently been avoided - or by a flood.",
     "could easily be undone by a new storm or a strike - which has until recently been avoided - or by a flood",
     False),
    ("Mayor Ada Obi spoke on Monday. The harbor plan, aides said, could easily be undone by the storm.",
     "The harbor plan could easily be undone by the storm", True),
    # a cue in an attempt's infinitive is an effort, not words reported
    ("Mayor Ada Obi spoke on Monday. Obi and her aides have spent the week trying to tell voters that there is "
     "nothing to see here.", "there is nothing to see here", False),
    ("Mayor Ada Obi spoke on Monday. Obi and her aides have spent the week telling voters that there is nothing "
     "to see here.", "there is nothing to see here", True),
    # a report whose words are the quotation before its cue is no clause of its own
    ('"I will fix the bridge," Judge Omar Pell recalled the governor telling him.', "the governor telling him",
     False),
    # '"...," she said, as recalled by Lane': the words and the cue are hers, a direct quote; Lane's
    # account adds no clause of its own
    ('Mayor Ada Obi spoke on Monday. "It is over," she said, as recalled by Bo Lane, her former aide, in his '
     'memoir "Harbor Days."', '"It is over," she said', False),
    ('Mayor Ada Obi spoke on Monday. "It is over," she said, as recalled by Bo Lane, her former aide, in his '
     'memoir "Harbor Days."', "It is over,", True),
]


@pytest.mark.parametrize(("text", "words", "shown"), UNSAID)
def test_a_cue_that_reports_nothing_said_shows_no_quote(nlp, text: str, words: str, shown: bool) -> None:
    graph = next(iter(extract_articles([Article(id="t", title="", body=text, published="2024-05-01")]))).graph
    assert graph is not None
    quotes = [q for q in graph.quotes if q.text == words and q.confidence >= DEFAULT_MIN_CONFIDENCE]
    assert bool(quotes) is shown, [(q.text, q.confidence) for q in graph.quotes]
