"""Quote speakers and the confidence of quote constructions, on the team's own invented sentences."""

from __future__ import annotations

import pytest

from dossier.confidence import DEFAULT_MIN_CONFIDENCE
from dossier.graph import ArticleGraph, Quote


def _graph(nlp, body: str) -> ArticleGraph:  # type: ignore[no-untyped-def]
    from dossier.extraction import article_doc, doc_to_graph
    from dossier.graph import Article

    article = Article(id="t", title="", body=body, published="2023-06-01")
    return doc_to_graph(article_doc(article, nlp), article)


def _quote(graph: ArticleGraph, fragment: str) -> Quote:
    found = [q for q in graph.quotes if fragment in (q.text or "")]
    assert found, f"no quote containing {fragment!r} in {[q.text for q in graph.quotes]}"
    return found[0]


def _name(graph: ArticleGraph, key: str | None) -> str | None:
    return next((e.name for e in graph.entities if e.id == key), None)


def _shown(q: Quote) -> bool:
    return q.status != "hypothetical" and (q.confidence or 0.0) >= DEFAULT_MIN_CONFIDENCE


# (text, a fragment of the quote, shown by default): constructions outside the verbs of saying that
# are as sure as those are shown; stance, intent, belief and calls without their content are not.
PRIOR_CASES = [
    ("Holt: Tariff Plan Is a Disaster for Farmers", "Disaster for Farmers", True),
    ("A new poll shows Dana Holt leading in every county.", "leading in every county", True),
    ("The audit found that the agency had lost track of millions.", "lost track of millions", True),
    # a call's object is what is called for, not a statement (kept in --all: PolNeAR marks it an attribution)
    ("Mayor Ada Reyes called for a recount of the ballots.", "recount of the ballots", False),
    ('Mayor Ada Reyes described the budget as "a gift to the ferry lobby."', "gift to the ferry", True),
    ('"Get out of my harbor," Ada Reyes barked at the reporters.', "Get out of my harbor", True),
    ("Mayor Ada Reyes called on the council to reject the plan.", "the council", False),
    ('"Would you cut the ferry budget?" Ada Hill pressed.', "cut the ferry budget", False),
    ('Mayor Ada Reyes rails against its "wall of harbor fees."', "wall of harbor fees", False),
    ("Mayor Ada Reyes called Tom Baird to congratulate him.", "congratulate", False),
    ('Mayor Ada Reyes criticized the council for its "reckless" vote.', "reckless", False),
    ("Mayor Ada Reyes praised the crew for its work on the pier.", "work on the pier", False),
    ("Mayor Ada Reyes hopes the council will act soon.", "council will act", False),
    ("Mayor Ada Reyes sought to delay the vote on the pier.", "delay the vote", False),
    # a verb of saying whose content is a clause is shown; a topic, an intent or a fragment without
    # a subject is not
    ("Mayor Ada Reyes said the ferry would run on time.", "ferry would run", True),
    ("Mayor Ada Reyes says too much is made of the ferry budget.", "too much is made", True),
    ('Mayor Ada Reyes said she will continue to be "a champion for the harbor."', "champion for the harbor", True),
    ("Mayor Ada Reyes urged the council to approve the ferry budget.", "approve the ferry budget", False),
    ("Mayor Ada Reyes acknowledged her narrow victory on Tuesday.", "narrow victory", False),
    ("The permit, a campaign spokesman said, had been hard to get.", "hard to get", True),
    ('The Latest: Reyes declares "victory," thanks voters.', "victory", False),
    ('"We will win the harbor vote," Ada Reyes said.', "win the harbor vote", True),
]


@pytest.mark.slow
@pytest.mark.parametrize(("body", "fragment", "shown"), PRIOR_CASES)
def test_construction_prior_decides_the_default_view(nlp, body: str, fragment: str, shown: bool) -> None:  # type: ignore[no-untyped-def]
    assert _shown(_quote(_graph(nlp, body), fragment)) is shown


# (text, fragment, speaker entity, speaker span): an unnamed source is never the person named beside it.
UNNAMED_CASES = [
    ("Senator Dana Holt toured the plant on Monday. A spokesman for Holt said the senator would not attend.",
     "would not attend", None, "A spokesman for Holt"),
    ("Mayor Ada Reyes spoke on Tuesday. Reyes advisers said a shakeup of the staff was imminent.",
     "shakeup", None, "Reyes advisers"),
    ("Mayor Ada Reyes spoke on Tuesday. A person familiar with her plans said she would run again.",
     "run again", None, "A person familiar with her plans"),
    ("Senator Dana Holt toured the plant on Monday. Holt's campaign said the ad was false.",
     "ad was false", None, "Holt's campaign"),
    ("Tony Marsh runs the firm. One former Marsh employee said the firm had hidden its fees.",
     "hidden its fees", None, "One former Marsh employee"),
    ("Senator Dana Holt toured the plant. The Holt campaign said the plant would stay open.",
     "stay open", None, "The Holt campaign"),
    # the place modifies the descriptor, which coreference takes to the one senator named
    ("Senator Dana Holt toured the plant. The independent Ohio senator told reporters the plant would stay open.",
     "stay open", "Dana Holt", "The independent Ohio senator"),
    ("White House spokesman Josh Earnest said the plant would stay open.",
     "stay open", "Josh Earnest", "White House spokesman Josh Earnest"),
    ("Senator Dana Holt's campaign manager, Bo Lund, said the race was close.",
     "race was close", "Bo Lund", "Senator Dana Holt's campaign manager, Bo Lund"),
    ("Mayor Ada Reyes spoke on Tuesday. Mayor Ada Reyes said the ferry would run.",
     "ferry would run", "Ada Reyes", "Mayor Ada Reyes"),
    # a relative clause set off by a comma on a thing inside the source is the writer's gloss on it;
    # one on the speaker, or one that restricts the noun, is part of the source
    ('"The pier is late," said Bo Lane, a spokesman for the Kelby Harbor Board, which runs the ferry.',
     "pier is late", "Bo Lane", "Bo Lane, a spokesman for the Kelby Harbor Board"),
    ("Ada Obi, who chairs the harbor panel, said the pier would open.", "pier would open", "Ada Obi",
     "Ada Obi, who chairs the harbor panel"),
    ("Voters who left the party said the plan was bad.", "plan was bad", None, "Voters who left the party"),
]


@pytest.mark.slow
@pytest.mark.parametrize(("body", "fragment", "speaker", "span"), UNNAMED_CASES)
def test_unnamed_source_is_not_the_person_beside_it(  # type: ignore[no-untyped-def]
    nlp, body: str, fragment: str, speaker: str | None, span: str
) -> None:
    g = _graph(nlp, body)
    q = _quote(g, fragment)
    assert _name(g, q.speaker) == speaker
    assert q.speaker_span is not None and q.speaker_span.text == span


@pytest.mark.slow
def test_cueless_quote_after_another_speaker_has_no_speaker(nlp) -> None:  # type: ignore[no-untyped-def]
    body = ('Mayor Ada Reyes addressed the crowd. "We will build the bridge," Reyes said.\n'
            "Her rival, Tom Baird, disagreed.\n"
            '"The bridge will never be built and she knows it well."')
    g = _graph(nlp, body)
    assert _name(g, _quote(g, "build the bridge").speaker) == "Ada Reyes"
    assert _quote(g, "never be built").speaker is None


@pytest.mark.slow
@pytest.mark.parametrize(
    ("body", "span"),
    [
        ("Rep. Ada Obi (D-Ore.) said the bill would pass.", "Rep. Ada Obi (D-Ore.)"),
        ("Sen. Tom Baird (R-Texas), the committee chair, said the bill would pass.",
         "Sen. Tom Baird (R-Texas), the committee chair"),
        ("The harbor union said that the bill would pass.", "The harbor union"),
        ("Both Ada Obi and Tom Baird said the bill would pass.", "Ada Obi and Tom Baird"),
        ("Even the harbor union said the bill would pass.", "the harbor union"),
    ],
)
def test_source_span_keeps_a_closing_bracket(nlp, body: str, span: str) -> None:  # type: ignore[no-untyped-def]
    q = _quote(_graph(nlp, body), "bill would pass")
    assert q.speaker_span is not None and q.speaker_span.text == span


@pytest.mark.slow
def test_quote_signed_after_a_dash(nlp) -> None:  # type: ignore[no-untyped-def]
    body = ("We asked readers what they made of the debate.\n"
            "“He never answered a single question about the harbor.” ― Dana Holt\n"
            "“The mayor was calm and clear. She won the night.” ― Tomas Brill")
    g = _graph(nlp, body)
    first, second = _quote(g, "single question"), _quote(g, "won the night")
    assert first.speaker_span is not None and first.speaker_span.text == "Dana Holt"
    assert second.speaker_span is not None and second.speaker_span.text == "Tomas Brill"
    assert first.cue is not None and first.cue.text == "―"
    assert _shown(first)


@pytest.mark.slow
@pytest.mark.parametrize(
    "body",
    [
        "The lesson of the week: “Never trust a quiet harbor at night.” ― and nobody disagreed.",
        "Dana Holt spoke last. “Never trust a quiet harbor at night.” ― Dana Holt's grandfather, a fisherman.",
    ],
)
def test_dash_without_a_name_signs_nothing(nlp, body: str) -> None:  # type: ignore[no-untyped-def]
    q = _quote(_graph(nlp, body), "quiet harbor")
    assert q.speaker is None and q.speaker_span is None


@pytest.mark.slow
@pytest.mark.parametrize(
    ("body", "speaker"),
    [
        ('Pollster Ada Hill: "The race is tied in every county we measured."', "Ada Hill"),
        ('The mayor\'s reply came quickly. Ada Hill: "The race is tied in every county we measured."', "Ada Hill"),
        ('Senator Dana Holt had harsh words for Tom Baird: "He has never built anything in this town."', None),
        ('Senator Dana Holt sent a message to Tom Baird: "You have never built anything in this town."',
         "Dana Holt"),
    ],
)
def test_name_before_a_colon_speaks_only_when_it_is_all_the_clause(  # type: ignore[no-untyped-def]
    nlp, body: str, speaker: str | None
) -> None:
    g = _graph(nlp, body)
    q = _quote(g, "town" if "town" in body else "race is tied")
    assert _name(g, q.speaker) == speaker


@pytest.mark.slow
@pytest.mark.parametrize("closing", ['?"', "?"])  # each turn closed, or one passage over both paragraphs
def test_quoted_transcript_turns_take_their_labels(nlp, closing: str) -> None:  # type: ignore[no-untyped-def]
    body = ("Senator Dana Holt spoke with the host on Sunday. A partial transcript follows:\n\n"
            f'"HOST: Will you run again next year{closing}\n\n'
            '"HOLT: I think the state needs a steady hand, and I will decide after the session."')
    g = _graph(nlp, body)
    host, holt = _quote(g, "run again"), _quote(g, "steady hand")
    assert host.speaker_span is not None and host.speaker_span.text == "HOST"
    assert not _shown(host)  # a question, not a statement
    assert _name(g, holt.speaker) == "Dana Holt" and holt.text is not None and not holt.text.startswith("HOLT")
    assert "transcript" not in " ".join(q.speaker_span.text for q in g.quotes if q.speaker_span)


@pytest.mark.slow
@pytest.mark.parametrize(
    ("body", "quotes"),
    [
        ('Senator Dana Holt avoided the charged term, "harbor tax," in her speech.', 0),
        ('"We will win the harbor vote," Dana Holt said.', 1),
    ],
)
def test_participle_describing_a_noun_is_no_cue(nlp, body: str, quotes: int) -> None:  # type: ignore[no-untyped-def]
    assert len(_graph(nlp, body).quotes) == quotes


# (text, fragment, speaker): a name set off by a comma at the head of a long source phrase is the
# speaker however the parse hangs the phrase; a name that modifies the head is not.
LEADING_NAME_CASES = [
    ('"The harbor needs us," said Ada Hill, an aide to the mayor during her failed 2008 run and now '
     "director of the Tavi Institute of Harbor Studies.", "harbor needs us", "Ada Hill"),
    ("Ada Hill, a pollster who worked for the mayor, said the race was close.", "race was close", "Ada Hill"),
    ("A former Ada Hill aide, who worked for the mayor, said the race was close.", "race was close", None),
    ("Ada Hill's campaign, a lean operation, said the race was close.", "race was close", None),
]


@pytest.mark.slow
@pytest.mark.parametrize(("body", "fragment", "speaker"), LEADING_NAME_CASES)
def test_a_name_opening_the_source_phrase_speaks(nlp, body: str, fragment: str, speaker: str | None) -> None:  # type: ignore[no-untyped-def]
    g = _graph(nlp, body)
    assert _name(g, _quote(g, fragment).speaker) == speaker


# (text, fragment, shown): a speaker the article names but the quote leaves unresolved (a descriptor
# of one person, a relative pronoun, no speaker at all) is hidden; an unnamed source is a speaker of
# its own and shown.
UNRESOLVED_CASES = [
    ("Mayor Ada Reyes and Senator Dana Holt toured the pier. The harbor businessman said the ferry would run.",
     "ferry would run", False),
    ("Mayor Ada Reyes and Senator Dana Holt toured the pier. A harbor businessman said the ferry would run.",
     "ferry would run", True),
    ("Mayor Ada Reyes and Senator Dana Holt toured the pier. The official said the ferry would run.",
     "ferry would run", True),
    ("Mayor Ada Reyes toured the pier.\nThe crowd waited in the rain for an hour.\n"
     '"We will build the bridge and the road and the tunnel before the winter comes."', "build the bridge", False),
    ('Mayor Ada Reyes toured the pier. "We will build the bridge," Reyes said.\n'
     '"We will build the road and the tunnel before the winter comes."', "build the road", True),
    ("Mayor Bo Lund and his brother, Tom Lund, toured the pier. Lund said the ferry would run.",
     "ferry would run", False),
    ("Mayor Bo Lund and his wife, Ada Lund, toured the pier. Mrs. Lund said the ferry would run.",
     "ferry would run", True),
]


# (text, fragment, speaker): a surname two people share goes where an honorific or a death decides.
SHARED_SURNAME_CASES = [
    ("Mayor Bo Lund and his wife, Ada Lund, toured the pier. Mrs. Lund said the ferry would run.",
     "ferry would run", "Ada Lund"),
    ("Mayor Bo Lund and his wife, Ada Lund, toured the pier. Mr. Lund said the ferry would run.",
     "ferry would run", "Bo Lund"),
    ("Omar Rahal spoke at the convention. His son, Army Capt. Samir Rahal, was killed in Iraq in 2004. "
     "Rahal said the nominee had sacrificed nothing.", "sacrificed nothing", "Omar Rahal"),
    ("Mayor Bo Lund and his brother, Tom Lund, toured the pier. Lund said the ferry would run.",
     "ferry would run", None),
]


@pytest.mark.slow
@pytest.mark.parametrize(("body", "fragment", "speaker"), SHARED_SURNAME_CASES)
def test_shared_surname_speaker(nlp, body: str, fragment: str, speaker: str | None) -> None:  # type: ignore[no-untyped-def]
    g = _graph(nlp, body)
    assert _name(g, _quote(g, fragment).speaker) == speaker


@pytest.mark.slow
@pytest.mark.parametrize(("body", "fragment", "shown"), UNRESOLVED_CASES)
def test_unresolved_speaker_is_hidden_unnamed_source_is_not(nlp, body: str, fragment: str, shown: bool) -> None:  # type: ignore[no-untyped-def]
    assert _shown(_quote(_graph(nlp, body), fragment)) is shown


@pytest.mark.slow
def test_mrs_surname_is_not_her_husband(nlp) -> None:  # type: ignore[no-untyped-def]
    body = ("A year later, Mayor Bo Lund called Naghmeh Tavi. Her husband, Karim Tavi, was free and would "
            "soon be home, the mayor told her. \"I could see his compassion today,\" Mrs. Tavi wrote on Sunday.")
    g = _graph(nlp, body)
    assert _name(g, _quote(g, "his compassion").speaker) != "Karim Tavi"


@pytest.mark.slow
@pytest.mark.parametrize("source", ["a Harbor official who was not authorized to speak", "a Tavi aide"])
def test_according_to_an_unnamed_person_makes_no_entity(nlp, source: str) -> None:  # type: ignore[no-untyped-def]
    g = _graph(nlp, f"The Tavi Harbor Fund is buying ads for the spring, according to {source}.")
    assert not [e.name for e in g.entities if e.name.lower().endswith(("official", "aide"))]
    assert _quote(g, "buying ads").speaker is None


@pytest.mark.slow
@pytest.mark.parametrize(("body", "person"), [
    ("Follow Ada Reyes on Twitter @AdaReyes.", "Ada Reyes"),
    ("The mayor's @AdaReyes Twitter feed is a direct line to her mind.", None),
])
def test_a_handle_is_not_a_person(nlp, body: str, person: str | None) -> None:  # type: ignore[no-untyped-def]
    people = [e.name for e in _graph(nlp, body).entities if e.type == "PERSON"]
    assert not [p for p in people if "@" in p]
    assert (person in people) if person else not people


@pytest.mark.slow
def test_a_signed_quote_ending_in_a_full_stop_is_the_signer_s(nlp) -> None:  # type: ignore[no-untyped-def]
    body = ("\u201cThe harbor must stay open.\u201d \u2015 Ada Reyes.\n\n"
            "\u201cWe need the ferry.\u201d \u2015 Tom Baird.")
    g = _graph(nlp, body)
    assert _name(g, _quote(g, "harbor must stay").speaker) == "Ada Reyes"
    assert _name(g, _quote(g, "need the ferry").speaker) == "Tom Baird"
    assert all(not e.name.startswith("\u2015") for e in g.entities)


# (text, fragment, speaker): a place inside a descriptor modifies it ("the Ohio mayor"); a person
# named inside it is someone else ("the Baird aide").
DESCRIPTOR_MODIFIER_CASES = [
    ("Mayor Ada Reyes of Harbor City spoke on Friday.\n\nReyes says the ferry budget is too small.\n\n"
     "The Ohio mayor said the council was to blame.", "council was to blame", "Ada Reyes"),
    ("Mayor Ada Reyes of Harbor City met Tom Baird on Friday.\n\nThe Baird aide said the council was to blame.",
     "council was to blame", None),
]


@pytest.mark.slow
@pytest.mark.parametrize(("body", "fragment", "speaker"), DESCRIPTOR_MODIFIER_CASES)
def test_a_place_inside_a_descriptor_modifies_it(nlp, body: str, fragment: str, speaker: str | None) -> None:  # type: ignore[no-untyped-def]
    g = _graph(nlp, body)
    assert _name(g, _quote(g, fragment).speaker) == speaker


# (text, fragment, speaker): round 5 speaker classes, each with its near miss.
SPEAKER_CASES = [
    # the one described speaks, not the person the description hangs on, however the parse went
    ("Senator Dana Holt is on the road. Holt senior communications adviser Bo Lund said in a statement "
     "that the tour was working.", "tour was working", "Bo Lund"),
    ("Dana Holt is running. Holt campaign manager Bo Lund said the race was close.", "race was close", "Bo Lund"),
    ("Mayor Ada Reyes spoke. A friend of Ada Reyes said the mayor was tired.", "mayor was tired", None),
    # a statement or document speaks for its author when the sentence names one
    ("Tom Baird was on the ferry, according to an interview his sister Ada Baird gave to a radio station.",
     "was on the ferry", "Ada Baird"),
    ("Dana Holt leads with 41 percent, according to a recent poll by Harbor Research Group.",
     "leads with 41 percent", "Harbor Research Group"),
    ("Dana Holt leads with 41 percent, according to a recent poll.", "leads with 41 percent", None),
    # an outlet's edition named after a place is not the place speaking
    ("HARBORWATCH Ohio reported this month that Governor Ada Reyes had cut the ferry budget.",
     "had cut the ferry budget", "HARBORWATCH"),
    ("The Harbor Ledger Ohio reported this month that Governor Ada Reyes had cut the ferry budget.",
     "had cut the ferry budget", None),
    ("Ohio said this month that the ferry budget would be cut.", "ferry budget would be cut", "Ohio"),
]


@pytest.mark.slow
@pytest.mark.parametrize(("body", "fragment", "speaker"), SPEAKER_CASES)
def test_round5_speakers(nlp, body: str, fragment: str, speaker: str | None) -> None:  # type: ignore[no-untyped-def]
    g = _graph(nlp, body)
    assert _name(g, _quote(g, fragment).speaker) == speaker


@pytest.mark.slow
def test_words_told_according_to_a_witness_are_the_teller_s(nlp) -> None:  # type: ignore[no-untyped-def]
    body = ('Mayor Ada Reyes met the crew at dawn. "We can still win this," she told aides afterward, '
            "according to Tom Baird, a former adviser to the mayor.")
    g = _graph(nlp, body)
    direct = next(q for q in g.quotes if q.kind == "direct")
    assert direct.cue is not None and direct.cue.text == "told"
    assert _name(g, direct.speaker) != "Tom Baird"
    witness = [q for q in g.quotes if q.kind == "according_to"]
    assert all(not _shown(q) for q in witness)  # the teller's words with the narration around them
    plain = _graph(nlp, "The mayor will resign next week, according to Tom Baird, a former adviser.")
    q = _quote(plain, "will resign")
    assert _name(plain, q.speaker) == "Tom Baird" and _shown(q)


# (text, fragment, shown): a source naming no one is hidden; a source of its own is not.
NAMELESS_CASES = [
    ("A statement posted on the company website said the listings were generated by users.",
     "listings were generated", False),
    ("A statement from a campaign spokesman said the ad was false.", "ad was false", True),
    ("Multiple reports reveal that the claim is untrue.", "claim is untrue", True),
    ('The ferry board met.\n\n"VIDEO: They told me the ferry was safe when they knew it was not."', "ferry was safe",
     False),
    ("Poll: Holt Leads Reyes in Ohio by Six Points", "Leads Reyes", True),
]


@pytest.mark.slow
@pytest.mark.parametrize(("body", "fragment", "shown"), NAMELESS_CASES)
def test_a_source_naming_no_one_is_hidden(nlp, body: str, fragment: str, shown: bool) -> None:  # type: ignore[no-untyped-def]
    assert _shown(_quote(_graph(nlp, body), fragment)) is shown


# (headline, fragment, speaker or None when no quote): a label names its speaker and nothing else;
# a headline clause in title case before a colon names none.
HEADLINE_CASES = [
    ("Book Cash Debunks Reyes: Only 'One or Two' Gifts Slipped Through", "Slipped Through", None),
    ("Ohio Gov. Ada Reyes: The Ferry Plan Is Dead", "Ferry Plan Is Dead", "Ada Reyes"),
    ("Dana Holt: Ferry Plan 'Dead On Arrival' In The Senate", "Dead On Arrival", "Dana Holt"),
    # another person before the name: a title-case clause ("Praises"), the words not the name's
    ("Ada Obi Praises Harbor Ledger Editor Bo Lane: 'Very Good Reporter'", "Very Good Reporter", None),
    ("Harbor Ledger Editor Bo Lane: 'Very Good Reporter'", "Very Good Reporter", "Bo Lane"),
]


@pytest.mark.slow
@pytest.mark.parametrize(("body", "fragment", "speaker"), HEADLINE_CASES)
def test_headline_label_before_a_colon(nlp, body: str, fragment: str, speaker: str | None) -> None:  # type: ignore[no-untyped-def]
    g = _graph(nlp, body)
    found = [q for q in g.quotes if fragment in (q.text or "") and q.cue is not None and q.cue.text == ":"]
    if speaker is None:
        assert not found
        return
    assert found and _name(g, found[0].speaker) == speaker
    assert _shown(found[0])  # a headline drops its verbs: no "topic" doubt for a person's title-case words


@pytest.mark.slow
def test_a_label_before_several_sentences_is_no_headline(nlp) -> None:  # type: ignore[no-untyped-def]
    body = ("Where the candidates stand.\n\nDana Holt: Student loans. Some big ideas do come to pass. "
            "The ferry did, after all.")
    g = _graph(nlp, body)
    assert not any(_shown(q) for q in g.quotes if q.cue is not None and q.cue.text == ":")


@pytest.mark.slow
def test_a_capitalised_label_is_the_named_person(nlp) -> None:  # type: ignore[no-untyped-def]
    body = ("Senator Dana Holt spoke with the host on Sunday. A partial transcript follows:\n\n"
            '"HOLT: I think the state needs a steady hand, and I will decide after the session."')
    g = _graph(nlp, body)
    assert _name(g, _quote(g, "steady hand").speaker) == "Dana Holt"


@pytest.mark.slow
def test_a_long_source_phrase_after_the_quote_still_gives_its_cue(nlp) -> None:  # type: ignore[no-untyped-def]
    body = ("The council met on Monday.\n\n"
            '"Subpoenas are not optional," harbor panel chairman Rep. Ada Obi (D-Ore.) said after Bo Lund '
            'failed to appear at the second hearing he was formally called to in the past two weeks. '
            '"Mr. Lund is a crucial witness in this inquiry."')
    g = _graph(nlp, body)
    for fragment in ("not optional", "crucial witness"):
        q = _quote(g, fragment)
        assert _name(g, q.speaker) == "Ada Obi" and q.cue is not None and q.cue.text == "said"
    # a quote that ends its sentence is not handed to a verb of the next clause
    g = _graph(nlp, 'The council met. "Subpoenas are not optional." Ada Obi said nothing else.')
    assert _quote(g, "not optional").speaker is None


@pytest.mark.slow
@pytest.mark.parametrize(
    ("body", "shown"),
    [
        ("Where they stand.\n\nAda Holt: Ferry Plan Is Dead. Some big ideas do come to pass. The ferry did.", False),
        ("Senator Dana Holt debated the mayor.\n\nHOLT: Honestly, I believe this is the most important job. "
         "It is the toughest.", True),
        ("The week in brief.\n\nUN: PEACEKEEPERS PAID FOR SILENCE. The United Nations has been grappling with "
         "allegations. Its chief spoke.", False),
        ("Reyes: Endorsements prove Holt 'candidate of the establishment.'", True),
    ],
)
def test_a_colon_label_before_several_sentences(nlp, body: str, shown: bool) -> None:  # type: ignore[no-untyped-def]
    g = _graph(nlp, body)
    leads = [q for q in g.quotes if q.cue is not None and q.cue.text == ":"]
    assert leads and _shown(leads[0]) is shown


# (text, fragment, shown): short statements, numbered unnamed sources, a source's words "according to".
SHOWN_CASES = [
    ('Ada Reyes, its acting chairman, told the harbor radio simply, "We lost."', "We lost", True),
    ('Ada Reyes declared "revolution" on Monday.', "revolution", False),
    ("“We are shocked, he was a friend to us,” one Kelby plant employee told a television station.",
     "friend to us", True),
    ("According to the Harbor Ledger, “Holt also met Reyes to plan the vote.”", "plan the vote", True),
    ("His criticism, according to an interview with the Harbor Ledger at the time, was the choice: "
     "“It was the wrong ferry, a terrible choice.”", "terrible choice", False),
]


@pytest.mark.slow
@pytest.mark.parametrize(("body", "fragment", "shown"), SHOWN_CASES)
def test_short_statements_and_numbered_sources(nlp, body: str, fragment: str, shown: bool) -> None:  # type: ignore[no-untyped-def]
    assert _shown(_quote(_graph(nlp, body), fragment)) is shown


@pytest.mark.slow
def test_people_of_a_party_are_not_the_party(nlp) -> None:  # type: ignore[no-untyped-def]
    g = _graph(nlp, "Even with fewer people in the race, some Harbor Party figures declared that Holt was unstoppable.")
    assert _quote(g, "unstoppable").speaker is None


@pytest.mark.slow
@pytest.mark.parametrize(("subject", "unnamed"), [("Harbor Insider", False), ("Insiders", True)])
def test_a_name_ending_in_a_source_noun_is_no_unnamed_source(nlp, subject: str, unnamed: bool) -> None:  # type: ignore[no-untyped-def]
    from dossier.pipeline.quotes import attribution as attr

    doc = nlp(f"{subject} acknowledged that the ferry had no formal contract.")
    verb = next(t for t in doc if t.text == "acknowledged")
    subj = attr.cue_subject(verb)
    assert subj is not None
    assert attr.resolve_speaker(subj, attr.MentionIndex(doc), set(), verb).unnamed is unnamed


@pytest.mark.slow
@pytest.mark.parametrize(
    ("body", "fragment", "speaker", "content"),
    [  # a verb of saying in the cue's past form after a clause in the perfect is the speaker's next act
        ("Ada Obi said Bo Lane had served the town well and warned that the pier was old.",
         "pier was old", "Ada Obi", "Bo Lane had served the town well"),
        # a second predicate the perfect covers is still what was said
        ("Ada Obi said Bo Lane has served the town well and has earned a second term.",
         "second term", "Ada Obi", "Bo Lane has served the town well and has earned a second term"),
    ],
)
def test_next_act_of_the_speaker_after_a_perfect_clause(  # type: ignore[no-untyped-def]
    nlp, body: str, fragment: str, speaker: str, content: str
) -> None:
    g = _graph(nlp, body)
    assert _name(g, _quote(g, fragment).speaker) == speaker
    assert content in [q.span.text for q in g.quotes]
