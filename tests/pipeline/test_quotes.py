"""Quotes and attribution (component ``dossier_quotes``), on the team's own invented sentences."""

from __future__ import annotations

import pytest

from dossier.graph import ArticleGraph, Quote
from dossier.pipeline.text import find_marked

# ---------------------------------------------------------------- quotation marks (no model)

MARK_CASES = [
    ('"We won," she said, "and we will win again."', ["We won,", "and we will win again."]),
    ("“Curly works too,” he said.", ["Curly works too,"]),
    ("Ortega' speech and the '90s don't count.", []),
    ("The Mendels' house isn't quoted; 'this is' quoted.", ["this is"]),
    ('"Outer \'inner\' still one quote," he said.', ["Outer 'inner' still one quote,"]),
    ('“Outer with a straight "nested" one,” she said.', ['Outer with a straight "nested" one,']),
    ("''Two apostrophes,'' he said, ''make one mark.''", ["Two apostrophes,", "make one mark."]),
    ('"They left," he said.\u00a0"Nobody stayed."', ["They left,", "Nobody stayed."]),
]


@pytest.mark.parametrize(("text", "expected"), MARK_CASES)
def test_quote_marks(text: str, expected: list[str]) -> None:
    assert [text[m.start : m.end] for m in find_marked(text)] == expected


def test_multi_paragraph_quote_is_one_passage() -> None:
    text = 'Dale Pruitt said:\n"The first part ends here.\n"The second part closes it."\nAfter.'
    (m,) = find_marked(text)
    assert text[m.start : m.end] == 'The first part ends here.\n"The second part closes it.'
    assert m.paragraphs == 2


def test_unbalanced_mark_recovers_at_paragraph_end() -> None:
    text = '"This one never closes.\nLater, "a clean quote" follows.'
    marked = find_marked(text)
    assert [text[m.start : m.end] for m in marked] == ["This one never closes.", "a clean quote"]
    assert marked[0].close_mark is None and marked[1].close_mark is not None


# ---------------------------------------------------------------- attribution (model)


def _graph(nlp, body: str, published: str = "2023-06-01") -> ArticleGraph:  # type: ignore[no-untyped-def]
    from dossier.extraction import article_doc, doc_to_graph
    from dossier.graph import Article

    article = Article(id="t", title="", body=body, published=published)
    return doc_to_graph(article_doc(article, nlp), article)


def _quote(graph: ArticleGraph, fragment: str) -> Quote:
    found = [q for q in graph.quotes if fragment in (q.text or "")]
    assert found, f"no quote containing {fragment!r} in {[q.text for q in graph.quotes]}"
    return found[0]


def _name(graph: ArticleGraph, key: str | None) -> str | None:
    ent = graph.entity(key)
    return ent.name if ent else None


@pytest.mark.slow
def test_split_quote_is_one_quote_with_its_pieces(nlp) -> None:  # type: ignore[no-untyped-def]
    g = _graph(nlp, '"The bridge is safe," Marta Velkov said, "and it will open in May."')
    assert len(g.quotes) == 1
    q = g.quotes[0]
    assert q.kind == "direct"
    assert q.span.text == 'The bridge is safe," Marta Velkov said, "and it will open in May.'
    assert q.pieces is not None and [p.text for p in q.pieces] == ["The bridge is safe,", "and it will open in May."]
    assert q.text == "The bridge is safe, and it will open in May."
    assert _name(g, q.speaker) == "Marta Velkov"
    assert q.cue is not None and q.cue.text == "said"


@pytest.mark.slow
@pytest.mark.parametrize(
    ("body", "speakers"),
    [  # two speakers' quotations joined by ", and": each passage is its own speaker's
        ('Ada Holt and Bo Reyes spoke on Monday. "We won the vote," Holt said, and "we will win the next one too,"'
         ' Reyes added.', {"We won the vote,": "Ada Holt", "we will win the next one too,": "Bo Reyes"}),
        # one speaker's quotation going on after the conjunction stays one quote
        ('Ada Holt spoke on Monday. "We won the vote," Holt said, but "the next one will be harder."',
         {"We won the vote, the next one will be harder.": "Ada Holt"}),
    ],
)
def test_second_speakers_quotation_after_and(nlp, body: str, speakers: dict[str, str]) -> None:  # type: ignore[no-untyped-def]
    g = _graph(nlp, body)
    shown = {q.text: _name(g, q.speaker) for q in g.quotes if q.kind == "direct"}
    assert shown == speakers
    assert all(q.kind == "direct" for q in g.quotes)


@pytest.mark.slow
@pytest.mark.parametrize(
    ("body", "pieces"),
    [  # a quotation going on after its cue and a conjunction is one quote of both passages
        ('"I like Ada," said Mayor Bo Lane, but "she has a history of siding with the shippers."',
         ["I like Ada,", "she has a history of siding with the shippers."]),
        ('"I like Ada," Mayor Bo Lane said, and still "she sides with the shippers."',
         ["I like Ada,", "she sides with the shippers."]),
        # another clause between them is another statement
        ('"I like Ada," Mayor Bo Lane said, but he did not say "what she wants."', None),
    ],
)
def test_quotation_going_on_after_cue_and_conjunction(nlp, body: str, pieces: list[str] | None) -> None:  # type: ignore[no-untyped-def]
    g = _graph(nlp, body)
    q = _quote(g, "I like Ada")
    assert q.kind == "direct"
    assert ([p.text for p in q.pieces] if q.pieces else None) == pieces


@pytest.mark.slow
@pytest.mark.parametrize(
    ("body", "content"),
    [  # the writer's gloss on a named person after the reported clause is left out
        ("Senator Ada Quill said she met with Mayor Bo Lane, who is 70.", "she met with Mayor Bo Lane"),
        # a relative clause on a thing, and one on a name inside the clause, stay
        ("Senator Ada Quill said the council passed the rules, which the court has put on hold.",
         "the council passed the rules, which the court has put on hold"),
        ("Senator Ada Quill said Mayor Bo Lane, who is 70, will run again.",
         "Mayor Bo Lane, who is 70, will run again"),
    ],
)
def test_gloss_on_a_named_person_is_left_out(nlp, body: str, content: str) -> None:  # type: ignore[no-untyped-def]
    g = _graph(nlp, body)
    assert content in [q.span.text for q in g.quotes]


@pytest.mark.slow
@pytest.mark.parametrize(
    ("body", "content"),
    [  # the writer's appositive on a name at the end of the reported clause is left out
        ("Senator Ada Quill said she did not support Bo Lane, the longtime harbor boss.",
         "she did not support Bo Lane"),
        # an indefinite noun phrase after a lone dash is the writer's aside; a clause, a definite
        # noun phrase (mostly the speaker's list of what she meant) or a count goes on
        ("Senator Ada Quill said the ferry was late — a surprise to the new crew.", "the ferry was late"),
        ("Senator Ada Quill said her plan would ease the town's worst problems — the high rents and the old pier.",
         "her plan would ease the town's worst problems — the high rents and the old pier"),
        ("Senator Ada Quill said the council would vote next week — and that it would pass.",
         "the council would vote next week — and that it would pass"),
        ("Senator Ada Quill said the vote was close — 5 to 4.", "the vote was close — 5 to 4"),
        ("Senator Ada Quill said the council — and the mayor — would back the plan.",
         "the council — and the mayor — would back the plan"),
        # a dateline opening the paragraph is no part of the clause; a subject in capitals is
        ("KELBY ― Bo Lane’s long feud with the harbor board is an insult to every sailor, union leaders "
         "said Friday.", "Bo Lane’s long feud with the harbor board is an insult to every sailor"),
        ("KELBY ― Bo Lane’s feud with the board, union leaders said Friday, is an insult to every sailor.",
         "Bo Lane’s feud with the board, union leaders said Friday, is an insult to every sailor"),
        ("NATO ― the alliance ― is weak, Senator Ada Quill said.", "NATO ― the alliance ― is weak"),
        ("KELBY ― Bo Lane’s feud with the harbor board is a long-running insult to every sailor, union leaders "
         "said Friday.", "Bo Lane’s feud with the harbor board is a long-running insult to every sailor"),
        # the speaker's participle after quoted words whose comma sits inside the marks
        ('Mayor Bo Lane said the talks “should be wrapped up by Kelby,” referring to the town’s June fair.',
         'the talks “should be wrapped up by Kelby,'),
        # the occasion after the quoted words of an object-and-predicate report is the writer's setting
        ('Mayor Bo Lane described the harbor plan as "a waste of money" at a town hall on Monday.',
         'the harbor plan as "a waste of money"'),
        ('Mayor Bo Lane called the plan "a mess" in every way.', 'the plan "a mess" in every way'),
        # a trailing phrase telling of someone else: another sayer's report, a reaction, a summing noun
        ("Almost all said they wanted a mayor from outside the council, compared with four in 10 who said they "
         "preferred someone with experience.", "they wanted a mayor from outside the council"),
        ("Ada Obi said she met voters in Dover, including several who told her they were angry.",
         "she met voters in Dover, including several who told her they were angry"),
        ("Many voters said they want a new pier, but six in 10 said they want the old one kept.",
         "they want a new pier"),
        ("Ada Obi said that the voters were angry, and that Bo Lane had said nothing.",
         "that the voters were angry, and that Bo Lane had said nothing"),
        ("Ada Obi said what upset her was a question at a town hall, when a voter asked her why she ran.",
         "what upset her was a question at a town hall, when a voter asked her why she ran"),
        ("Bo Lane said the mayor would ''walk all over us,'' as Ada Obi put it in her memoir.",
         "the mayor would ''walk all over us,"),
        ("Bo Lane said the mayor would ''walk all over us,'' as he had feared.",
         "the mayor would ''walk all over us,'' as he had feared"),
        ('Ada Obi said experts had found her plan strong, to which Bo Lane replied: "Not true."',
         "experts had found her plan strong"),
        ("Ada Obi said her car was stopped by a fence, something that Bo Lane mocked.",
         "her car was stopped by a fence"),
        ("Ada Obi said her car was stopped by a fence, which had been built that week.",
         "her car was stopped by a fence, which had been built that week"),
        # a cue in an aside set off by two dashes says only what the aside holds
        ("At least seven of the 44 delegates have signed on – names she said would be released soon – to the "
         "effort.", "names she said would be released soon"),
        ("Ada Obi said the plan – a costly one – would fail.", "the plan – a costly one – would fail"),
        # ... and a content outside it stops before an aside that is a report of its own
        ("Ada Obi praised her brother's ''deep faith'' - ''faith that shows in good works,'' she said - and "
         "argued for a new pier.", "her brother's ''deep faith''"),
    ],
)
def test_writers_tail_is_left_out(nlp, body: str, content: str) -> None:  # type: ignore[no-untyped-def]
    g = _graph(nlp, body)
    assert content in [q.span.text for q in g.quotes]


@pytest.mark.slow
@pytest.mark.parametrize(
    ("body", "content"),
    [  # the phrase opening the sentence before a cue set off by commas opens the statement
        ("Back in Kelby, Mayor Bo Lane said, he decided to build the pier.",
         "Back in Kelby, Mayor Bo Lane said, he decided to build the pier"),
        ("Soon after, Mayor Bo Lane said, the pier would open.", "Soon after, Mayor Bo Lane said, the pier would open"),
        # a cue not set off keeps its own time; the speaker's act before the cue is no part of it
        ("On Monday, Mayor Bo Lane said the plan would pass.", "the plan would pass"),
        ("Asked about the pier, Mayor Bo Lane said, he would build it.", "he would build it"),
    ],
)
def test_opening_phrase_before_a_set_off_cue(nlp, body: str, content: str) -> None:  # type: ignore[no-untyped-def]
    g = _graph(nlp, body)
    assert content in [q.span.text for q in g.quotes]


@pytest.mark.slow
def test_quotation_split_by_a_cue_found_after_it_is_one_quote(nlp) -> None:  # type: ignore[no-untyped-def]
    # the first passage holds a question, so its cue is only found after the direct pass
    g = _graph(nlp, '"Are we ready? Probably not," Mayor Bo Lane said. "Will we be ready? Absolutely."')
    (q,) = [q for q in g.quotes if q.kind == "direct"]
    assert [p.text for p in q.pieces or []] == ["Are we ready? Probably not,", "Will we be ready? Absolutely."]


@pytest.mark.slow
@pytest.mark.parametrize(
    ("body", "content"),
    [  # a clause joined to the cue by ", and" that reads as reported is the statement's second half
        ("The Ledger said it will have ten reporters at the debate, and it will all be done live.",
         "it will have ten reporters at the debate, and it will all be done live"),
        ('Mayor Bo Lane said it was too early to tell, and there was "no evidence" of a leak.',
         'it was too early to tell, and there was "no evidence" of a leak'),
        # two clauses the parse hung on the cue, joined by "and", are one statement
        ("Mayor Bo Lane said Holt has “enormous respect” for the harbor and his levy comment was a joke.",
         "Holt has “enormous respect” for the harbor and his levy comment was a joke"),
        # the writer's next event is not, nor a second clause after ", and" that reads as narration
        ("Mayor Bo Lane said the port would close, and the council agreed.", "the port would close"),
        ("Mayor Bo Lane said Holt has respect for the harbor, and his levy comment was a joke.",
         "Holt has respect for the harbor"),
        # no conjunction is left dangling at the clause's end; one inside it stays
        ("Mayor Bo Lane said it is too early to discuss a run but he is ready.", "it is too early to discuss a run"),
        ("Mayor Bo Lane said the port and the mill would close.", "the port and the mill would close"),
        ("Mayor Bo Lane said the port would close, and he left the hall.", "the port would close"),
        # the relative clause that opens someone else's quotation after a colon is the writer's way into it
        ('A reporter, Bo Lane, wrote this week that he had obtained a video of Obi at a dinner in Dover on May 2, '
         'in which Obi said: "The harbor deal is dead."',
         "that he had obtained a video of Obi at a dinner in Dover on May 2"),
        ('Mayor Bo Lane said the port would close in May: "It is done."', "the port would close in May"),
        # a time the parse joined to the reported verb opens the writer's next sentence; a noun joined to it stays
        ("On May 2, the Ledger revealed that Obi used a private phone as mayor, and the following day, the council "
         "asked for records to be kept.", "that Obi used a private phone as mayor"),
        ("Mayor Ada Obi spoke on Monday. Obi said she visited the harbor, and the mill.",
         "she visited the harbor, and the mill"),
    ],
)
def test_reported_second_clause_after_and(nlp, body: str, content: str) -> None:  # type: ignore[no-untyped-def]
    g = _graph(nlp, body)
    assert content in [q.span.text for q in g.quotes]


@pytest.mark.slow
@pytest.mark.parametrize(
    ("second", "continued"),
    [  # a quoted term the writer's next sentence is about does not go on with the last quote
        ('"Containment" has been the city\'s policy for years.', None),
        ('"We will keep the port open for the ferries."', "We will keep the port open for the ferries."),
    ],
)
def test_quoted_term_opening_the_writers_sentence(nlp, second: str, continued: str | None) -> None:  # type: ignore[no-untyped-def]
    g = _graph(nlp, 'Mayor Bo Lane: "The aim is to end the levy, not to cut it."\n\n' + second)
    later = [q.text for q in g.quotes if "levy" not in (q.text or "")]
    assert later == ([continued] if continued else [])


@pytest.mark.slow
def test_multi_paragraph_quote(nlp) -> None:  # type: ignore[no-untyped-def]
    body = (
        'Osric Banfield, the harbour master, spoke at length.\n"We lost two boats in March.\n'
        '"Nobody was hurt," Banfield said.'
    )
    g = _graph(nlp, body)
    q = _quote(g, "two boats")
    assert "Nobody was hurt" in (q.text or "")
    assert _name(g, q.speaker) == "Osric Banfield"


@pytest.mark.slow
def test_colon_speaker_from_previous_sentence(nlp) -> None:  # type: ignore[no-untyped-def]
    g = _graph(nlp, 'Hugo Tennant, a paediatrician, said:\n"Children need more sleep than adults think."')
    q = _quote(g, "Children need")
    assert _name(g, q.speaker) == "Hugo Tennant"
    assert q.cue is not None and q.cue.text == "said"


@pytest.mark.slow
def test_apostrophe_possessive_is_not_a_quote(nlp) -> None:  # type: ignore[no-untyped-def]
    g = _graph(nlp, "Lorna Haddis' budget passed in the '90s and wasn't changed. Haddis said, \"It held up.\"")
    assert [q.text for q in g.quotes if q.kind == "direct"] == ["It held up."]


@pytest.mark.slow
def test_unbalanced_mark_does_not_derail_the_rest(nlp) -> None:  # type: ignore[no-untyped-def]
    body = 'The mayor walked out. "This sentence has a stray mark.\nPetra Lunn said, "The vote is final."'
    g = _graph(nlp, body)
    q = _quote(g, "vote is final")
    assert q.span.text == "The vote is final."
    assert _name(g, q.speaker) == "Petra Lunn"


@pytest.mark.slow
def test_participial_adding_cue(nlp) -> None:  # type: ignore[no-untyped-def]
    g = _graph(nlp, 'Ines Marlow seems to respect Tobias Crane, adding, "He is a careful, honest colleague."')
    q = _quote(g, "careful, honest")
    assert q.cue is not None and q.cue.text == "adding"
    assert _name(g, q.speaker) == "Ines Marlow"


@pytest.mark.slow
def test_indirect_said_that(nlp) -> None:  # type: ignore[no-untyped-def]
    g = _graph(nlp, "Raymond Okafor said that the clinic would close in June.")
    q = _quote(g, "clinic would close")
    assert q.kind == "indirect"
    assert q.span.text == "that the clinic would close in June"
    assert _name(g, q.speaker) == "Raymond Okafor"
    assert q.status == "attributed" and q.source == q.speaker


@pytest.mark.slow
def test_hinted_that_is_hedged(nlp) -> None:  # type: ignore[no-untyped-def]
    g = _graph(nlp, "Delia Frost hinted that she may run for governor next year.")
    q = _quote(g, "may run")
    assert q.kind == "indirect" and q.status == "hedged"
    assert q.cue is not None and q.cue.text == "hinted"
    assert _name(g, q.speaker) == "Delia Frost"


@pytest.mark.slow
@pytest.mark.parametrize(
    "body",
    [
        "According to The Harbor Ledger, the factory will hire 300 workers.",
        "The factory will hire 300 workers, according to The Harbor Ledger.",
    ],
)
def test_according_to_front_and_end(nlp, body: str) -> None:  # type: ignore[no-untyped-def]
    g = _graph(nlp, body)
    (q,) = [q for q in g.quotes if q.kind == "according_to"]
    assert q.span.text.lower() == "the factory will hire 300 workers"
    assert _name(g, q.speaker) == "The Harbor Ledger"
    assert q.cue is not None and q.cue.text.lower() == "according to"


@pytest.mark.slow
def test_pronoun_speaker_resolves_to_the_named_person(nlp) -> None:  # type: ignore[no-untyped-def]
    body = 'Greta Lindqvist opened the new library on Monday. "Books are for everyone," she said.'
    g = _graph(nlp, body)
    q = _quote(g, "Books are")
    assert _name(g, q.speaker) == "Greta Lindqvist"
    assert q.speaker_span is not None and q.speaker_span.text == "she"


@pytest.mark.slow
def test_telling_the_outlet_and_time_inherited(nlp) -> None:  # type: ignore[no-untyped-def]
    body = (
        '"The merger was rushed," Colin Ashby told The Daily Courier in March 2023. '
        'Wendy Strand, his former deputy, agreed, telling the outlet, "We needed another year."'
    )
    g = _graph(nlp, body)
    first, second = _quote(g, "merger was rushed"), _quote(g, "another year")
    assert _name(g, first.speaker) == "Colin Ashby"
    assert _name(g, first.addressee) == "The Daily Courier"
    assert first.when == "2023-03"
    assert _name(g, second.speaker) == "Wendy Strand"
    assert second.addressee == first.addressee
    assert second.when == "2023-03"


@pytest.mark.slow
def test_told_outlet_in_month_year(nlp) -> None:  # type: ignore[no-untyped-def]
    g = _graph(nlp, '"I never planned to stay," Nadia Perrin told The Valley Gazette in March 2023.')
    q = _quote(g, "never planned")
    assert q.when == "2023-03"
    assert _name(g, q.addressee) == "The Valley Gazette"


@pytest.mark.slow
@pytest.mark.parametrize(("body", "fragment", "when"), [
    # a participle or subjectless conjunct cue shares the time of the verb it hangs on
    ("On Tuesday, Ada Obi wrote to donors, telling them that the race was close.", "race was close", "2023-05-30"),
    ("Ada Obi wrote to donors, telling them that the race was close.", "race was close", None),
    ("Ada Obi attacked Bo Lane on Wednesday, calling his plan a disgrace.", "a disgrace", "2023-05-31"),
    ("Ada Obi attacked Bo Lane, calling his plan a disgrace.", "a disgrace", None),
    ("Ada Obi attacked Bo Lane on Wednesday, later admitting that she was wrong.", "she was wrong", None),
    ("Ada Obi told the Courier on Monday that the plan was dead, and predicted that it would fail.",
     "it would fail", "2023-05-29"),
    ("Bo Lane said on Monday that Ada Obi lied, and Cy Dunn replied that she had not.", "she had not", None),
    # a fronted bare participle dates the cue; one with its own subordinator does not
    ("Addressing the county board Thursday, Ada Obi said the budget was short.", "budget was short", "2023-06-01"),
    ("After meeting the board Tuesday, Ada Obi said the budget was short.", "budget was short", None),
    # ... nor a perfect participle, which tells what came before
    ("Having left the board in 2019, Ada Obi said the budget was short.", "budget was short", None),
    ("Ada Obi attacked Bo Lane on Wednesday, having called his plan a disgrace.", "a disgrace", None),
    ("When she took office in 2019, Ada Obi said that the budget was a mess.", "a mess", "2019"),
    ("Before she took office in 2019, Ada Obi said that the budget was a mess.", "a mess", None),
    # the occasion the cue names carries the time
    ("Bo Lane, a spokesman for Obi, said in an interview Sunday that they would win.", "would win", "2023-05-28"),
    ("Ada Obi said in a 2019 interview that taxes would rise.", "would rise", "2019"),
    ("In a statement on the 2019 budget, Ada Obi said taxes would rise.", "would rise", None),
    # a duration dates nothing
    ("Months after he lost to her, Bo Lane tells the Courier that he has moved on.", "moved on", None),
    # a participle parsed on the speaker's own reported clause, or on an infinitive, is still the main verb's
    ("Ada Obi announced on Tuesday that she had filed the papers, saying it set a record.", "set a record",
     "2023-05-30"),
    ("Ada Obi announced on Tuesday that she had filed the papers, later saying it set a record.", "set a record",
     None),
    ("Bo Lane went after Ada Obi on Wednesday over her refusal to release her taxes, calling it a scandal.",
     "a scandal", "2023-05-31"),
    ("Bo Lane went after Ada Obi on Wednesday over her refusal to release her taxes, later calling it a scandal.",
     "a scandal", None),
    # the occasion a relative cue opens on ("a speech in January in which ...") dates it
    ("Bo Lane cited a speech in January in which Ada Obi said that taxes would rise.", "would rise", "2023-01"),
    ("Bo Lane cited a speech in January, and Ada Obi said that taxes would rise.", "would rise", None),
    # a time right after the closing mark, ending the sentence, dates the quotation's cue
    ('Ada Obi tweeted, "Thank you, Dover!" on Friday afternoon.', "Thank you", "2023-05-26"),
    ('Ada Obi tweeted, "Thank you Dover! #Obi2024" on Friday afternoon.', "Thank you", "2023-05-26"),
    ('Ada Obi tweeted, "Thank you, Dover!" She left on Friday.', "Thank you", None),
])
def test_the_time_a_cue_shares(nlp, body: str, fragment: str, when: str | None) -> None:  # type: ignore[no-untyped-def]
    g = _graph(nlp, body)
    assert _quote(g, fragment).when == when


@pytest.mark.slow
def test_unnamed_sources_are_reported(nlp) -> None:  # type: ignore[no-untyped-def]
    g = _graph(nlp, "Officials said that the bridge would stay closed through the winter.")
    q = _quote(g, "bridge would stay closed")
    assert q.status == "reported"
    assert q.speaker is None


@pytest.mark.slow
def test_person_talked_about_is_not_the_speaker(nlp) -> None:  # type: ignore[no-untyped-def]
    body = 'Tomas Reyes praised Alma Quist. "Alma is the hardest worker I know," Reyes said.'
    g = _graph(nlp, body)
    q = _quote(g, "hardest worker")
    assert _name(g, q.speaker) == "Tomas Reyes"


@pytest.mark.slow
def test_pronoun_inside_the_quote_is_not_the_speaker(nlp) -> None:  # type: ignore[no-untyped-def]
    body = 'Boris Kell met Hanna Dorr in 2019. "She is just a very kind person," Kell said.'
    g = _graph(nlp, body)
    q = _quote(g, "very kind person")
    assert _name(g, q.speaker) == "Boris Kell"
    assert q.speaker_span is not None and q.speaker_span.text == "Kell"


# ---------------------------------------------------------------- widened sources, new cue frames

# (body, fragment of the content, kind, cue, content, speaker name, speaker span)
CUE_CASES = [
    ("Republican nominee Dana Holt said that the port would reopen in May.", "port would reopen",
     "indirect", "said", "that the port would reopen in May", "Dana Holt", "Republican nominee Dana Holt"),
    ("Wendell Ames, a campaign spokesman, said that the rally was cancelled.", "rally was cancelled",
     "indirect", "said", "that the rally was cancelled", "Wendell Ames", "Wendell Ames, a campaign spokesman"),
    ("Corinne Baptiste believes that the levy will pass.", "levy will pass",
     "indirect", "believes", "that the levy will pass", "Corinne Baptiste", "Corinne Baptiste"),
    ("Corinne Baptiste vowed to rebuild the ferry terminal.", "rebuild the ferry",
     "indirect", "vowed", "to rebuild the ferry terminal", "Corinne Baptiste", "Corinne Baptiste"),
    ("Mayor Ilse Varga told the council to delay the vote.", "delay the vote",
     "indirect", "told", "to delay the vote", "Ilse Varga", "Mayor Ilse Varga"),
    ("Ilse Varga called the plan a disaster.", "plan a disaster",
     "indirect", "called", "the plan a disaster", "Ilse Varga", "Ilse Varga"),
    ("Ilse Varga criticized Tomas Brill's remarks on Monday.", "remarks",
     "indirect", "criticized", "Tomas Brill's remarks", "Ilse Varga", "Ilse Varga"),
    ("Ilse Varga called for a recount.", "recount",
     "indirect", "called for", "a recount", "Ilse Varga", "Ilse Varga"),
    ("Ilse Varga has also said that the budget is too thin.", "budget is too thin",
     "indirect", "has also said", "that the budget is too thin", "Ilse Varga", "Ilse Varga"),
    ("Ilse Varga says outrageous things.", "outrageous",
     "indirect", "says", "outrageous things", "Ilse Varga", "Ilse Varga"),
    ("Tomas Brill asked the council to delay the vote.", "delay the vote",
     "indirect", "asked", "the council to delay the vote", "Tomas Brill", "Tomas Brill"),
    ("Tomas Brill asked the mayor if the ferry would run.", "ferry would run",
     "indirect", "asked", "if the ferry would run", "Tomas Brill", "Tomas Brill"),
]


@pytest.mark.slow
@pytest.mark.parametrize(("body", "fragment", "kind", "cue", "content", "name", "source"), CUE_CASES)
def test_cue_frames_and_source_phrase(  # type: ignore[no-untyped-def]
    nlp, body: str, fragment: str, kind: str, cue: str, content: str, name: str, source: str
) -> None:
    g = _graph(nlp, body)
    q = _quote(g, fragment)
    assert (q.kind, q.span.text) == (kind, content)
    assert q.cue is not None and q.cue.text == cue
    assert _name(g, q.speaker) == name
    assert q.speaker_span is not None and q.speaker_span.text == source
    assert q.status == "attributed"


@pytest.mark.slow
@pytest.mark.parametrize(
    "body",
    ["The river seems to rise every spring.", "The new schedule called for two extra buses."],
)
def test_no_quote_without_a_speaking_subject(nlp, body: str) -> None:  # type: ignore[no-untyped-def]
    assert _graph(nlp, body).quotes == []


@pytest.mark.slow
def test_relative_pronoun_is_the_source_span(nlp) -> None:  # type: ignore[no-untyped-def]
    g = _graph(nlp, "Perla Voss, who argued that the tax was unfair, lost the vote.")
    q = _quote(g, "tax was unfair")
    assert _name(g, q.speaker) == "Perla Voss"
    assert q.speaker_span is not None and q.speaker_span.text == "who"


@pytest.mark.slow
def test_said_nothing_in_the_next_sentence_does_not_take_the_quote(nlp) -> None:  # type: ignore[no-untyped-def]
    body = (
        'Mara Quill runs the theatre. "I don\'t do sequels," she said. "I barely have time for this one." '
        "Her agent, Rufus Penn, sat beside her and said nothing."
    )
    g = _graph(nlp, body)
    first, second = _quote(g, "do sequels"), _quote(g, "barely have time")
    assert _name(g, first.speaker) == _name(g, second.speaker) == "Mara Quill"


@pytest.mark.slow
def test_double_apostrophe_quote_continues(nlp) -> None:  # type: ignore[no-untyped-def]
    g = _graph(nlp, "''We lost the vote,'' Dana Holt said. ''We will try again.''")
    assert [(q.kind, _name(g, q.speaker), q.text) for q in g.quotes] == [
        ("direct", "Dana Holt", "We lost the vote, We will try again.")]


@pytest.mark.slow
def test_scare_quote_without_cue_is_no_quote(nlp) -> None:  # type: ignore[no-untyped-def]
    g = _graph(nlp, 'The council called the plan a "rescue" of the old pier.')
    assert [q for q in g.quotes if q.kind == "direct"] == []


@pytest.mark.slow
@pytest.mark.shared
def test_reference_article_must_quotes(nlp, seed) -> None:  # type: ignore[no-untyped-def]
    """The gold's `must` quotes of the reference article (read at run time, never copied)."""
    import json

    from dossier.extraction import article_doc, doc_to_graph
    from dossier.graph import Article

    first, body = seed.read_text(encoding="utf-8").split("\n", 1)
    _, published, title = first.strip().split(" ", 2)
    article = Article(id="seed", title=title, body=body, published=published)
    g = doc_to_graph(article_doc(article, nlp), article)
    gold = json.loads(seed.with_name(seed.name.replace(".txt", ".gold.json")).read_text(encoding="utf-8"))
    names = {e["id"]: e["name"] for e in gold["entities"]}
    for item in gold["quotes"]:
        if not item.get("must"):
            continue
        fragment = item["text"].strip(" ,.")[:40]
        q = _quote(g, fragment)
        assert q.kind == item["kind"]
        assert _name(g, q.speaker) == names[item.get("speaker") or item.get("source")]
        if item["kind"] == "direct":
            assert _name(g, q.addressee) == names.get(item.get("told"))
            assert q.when == item.get("when")


@pytest.mark.slow
def test_concession_after_the_reported_clause_is_left_out(nlp) -> None:  # type: ignore[no-untyped-def]
    g = _graph(nlp, "Sources said the ferry had been sold, though the owner would not confirm it.")
    q = _quote(g, "ferry had been sold")
    assert q.span.text == "the ferry had been sold"
    assert q.status == "reported"


@pytest.mark.slow
@pytest.mark.parametrize(
    ("body", "content"),
    [  # a concession set off by a dash, or hung on a verb deep in the clause, is the writer's
        ("Councilman Ted Rook said he is confident that the audit will clear the office, even though "
         "several aides left the office in March.", "he is confident that the audit will clear the office"),
        ("Over the years, she said, the choir has kept Ada Quill busy – although at the mention of the choir "
         "she laughed.", "the choir has kept Ada Quill busy"),
        # a concession that is not at the clause's end is part of it
        ("Councilman Ted Rook said that although the audit was late, it would clear the office.",
         "although the audit was late, it would clear the office"),
    ],
)
def test_trailing_concession_is_left_out(nlp, body: str, content: str) -> None:  # type: ignore[no-untyped-def]
    g = _graph(nlp, body)
    q = _quote(g, content)
    assert q.span.text.endswith(content)
    assert q.text.endswith(content)


@pytest.mark.slow
@pytest.mark.parametrize(
    ("body", "content"),
    [  # "according to" inside a reported clause covers that clause, not the words before it
        ("Dana Pell, a member of the board, said Monday that according to the tally, the union has won most "
         "of the seats.", "the union has won most of the seats"),
        ("According to the tally, the union has won most of the seats.", "the union has won most of the seats"),
    ],
)
def test_according_to_inside_a_reported_clause(nlp, body: str, content: str) -> None:  # type: ignore[no-untyped-def]
    g = _graph(nlp, body)
    (q,) = [q for q in g.quotes if q.kind == "according_to"]
    assert q.span.text == content


@pytest.mark.slow
@pytest.mark.parametrize(
    ("body", "content"),
    [  # a clause hung on a preposition's object is the verb's own after a medium ("in a statement") only
        ("Mayor Bo Lane said in a statement that the bridge would reopen.", "the bridge would reopen"),
        ("Mayor Bo Lane responded on Friday to reports that the bridge would close.", None),
    ],
)
def test_clause_of_a_medium_or_of_what_was_answered(nlp, body: str, content: str | None) -> None:  # type: ignore[no-untyped-def]
    g = _graph(nlp, body)
    said = [q.text for q in g.quotes if q.speaker is not None and q.text == "the bridge would close"]
    if content is None:
        assert not said
    else:
        assert content in [q.text for q in g.quotes]


@pytest.mark.slow
def test_a_body_can_speak(nlp) -> None:  # type: ignore[no-untyped-def]
    g = _graph(nlp, "The union told the Harbour Post that a strike could begin in June.")
    q = _quote(g, "strike could begin")
    assert q.kind == "indirect" and q.cue is not None and q.cue.text == "told"
    assert q.speaker_span is not None and q.speaker_span.text == "The union"


@pytest.mark.slow
@pytest.mark.parametrize(
    "body",
    [
        "Odile Marsh did not say whether she would run again.",
        "Odile Marsh declined to say whether she would run again.",
        "Odile Marsh endorsed him in May.",
        "Odile Marsh said it.",
    ],
)
def test_no_statement_reported(nlp, body: str) -> None:  # type: ignore[no-untyped-def]
    assert _graph(nlp, body).quotes == []


@pytest.mark.slow
def test_cue_inside_its_clause_gives_one_quote_of_both_sides(nlp) -> None:  # type: ignore[no-untyped-def]
    """A fronted adverbial is no quote of its own: one quote, its pieces either side of the cue."""
    g = _graph(nlp, "In the long run, Tomas Brill said, the levy will pay for itself.")
    parts = [q for q in g.quotes if q.cue is not None and q.cue.text == "said"]
    assert len(parts) == 1
    q = parts[0]
    assert q.pieces is not None and [p.text for p in q.pieces] == ["In the long run", "the levy will pay for itself"]
    assert q.span.text == "In the long run, Tomas Brill said, the levy will pay for itself"
    assert _name(g, q.speaker) == "Tomas Brill"


@pytest.mark.slow
def test_as_the_outlet_reported(nlp) -> None:  # type: ignore[no-untyped-def]
    g = _graph(nlp, "As the Harbour Post reported, ferry fares will double next year.")
    q = _quote(g, "fares will double")
    assert q.span.text == "ferry fares will double next year"
    assert q.speaker_span is not None and q.speaker_span.text == "the Harbour Post"


@pytest.mark.slow
def test_split_quote_continues_past_abbreviations(nlp) -> None:  # type: ignore[no-untyped-def]
    body = '"We lost the vote," said Dana Holt Jr., a former mayor of St. Ives. "We will try again in May."'
    g = _graph(nlp, body)
    first, second = _quote(g, "lost the vote"), _quote(g, "try again")
    assert second.cue is not None and first.cue is not None and second.cue.start == first.cue.start
    assert second.speaker_span is not None and second.speaker_span.text == first.speaker_span.text  # type: ignore[union-attr]


@pytest.mark.slow
def test_split_quote_after_a_no_break_space(nlp) -> None:  # type: ignore[no-untyped-def]
    g = _graph(nlp, "“The pier is unsafe,” Wanda Orloff said Monday.\u00a0“Nobody should fish there.”")
    q = _quote(g, "Nobody should fish")
    assert _name(g, q.speaker) == "Wanda Orloff"


@pytest.mark.slow
def test_thought_inside_a_statement_is_not_a_second_quote(nlp) -> None:  # type: ignore[no-untyped-def]
    g = _graph(nlp, "Imre Solberg said he hopes the council will reopen the ferry line.")
    assert [(q.cue.text if q.cue else None, q.span.text) for q in g.quotes] == [
        ("said", "he hopes the council will reopen the ferry line")]


@pytest.mark.slow
def test_when_asked_the_one_asked_is_not_the_speaker(nlp) -> None:  # type: ignore[no-untyped-def]
    g = _graph(nlp, "When asked whether she would run again, Odette Vance smiled and said nothing.")
    q = _quote(g, "would run again")
    assert q.cue is not None and q.cue.text == "asked"
    assert q.speaker is None and q.speaker_span is None


@pytest.mark.slow
@pytest.mark.parametrize(
    ("body", "content"),
    [
        ("Mirela Dobos says she will vote against the levy and calls it a tax on families.",
         "she will vote against the levy"),
        ("Mirela Dobos said the ferry would run until May, adding that repairs could wait.",
         "the ferry would run until May"),
        ("Mirela Dobos said the ferry would run until May, citing a new survey of the harbor.",
         "the ferry would run until May"),
        # a participle that is part of what was said stays
        ("Mirela Dobos said the ferry would run until May, carrying more cars than ever.",
         "the ferry would run until May, carrying more cars than ever"),
    ],
)
def test_speakers_next_act_is_not_part_of_the_clause(nlp, body: str, content: str) -> None:  # type: ignore[no-untyped-def]
    g = _graph(nlp, body)
    q = _quote(g, content)
    assert q.span.text == content


@pytest.mark.slow
def test_quote_continues_a_mixed_quote(nlp) -> None:  # type: ignore[no-untyped-def]
    body = 'Sales at the mill are "down a third," Bruno Kessler said. "We lost a whole year of orders."'
    g = _graph(nlp, body)
    q = _quote(g, "whole year")
    assert _name(g, q.speaker) == "Bruno Kessler"


@pytest.mark.slow
def test_standalone_quote_paragraph_continues_the_reported_clause(nlp) -> None:  # type: ignore[no-untyped-def]
    body = 'Greta Holm praised the rescue crews on Monday.\n\n"They worked through the night without a break."'
    g = _graph(nlp, body)
    q = _quote(g, "worked through the night")
    assert _name(g, q.speaker) == "Greta Holm"


@pytest.mark.slow
@pytest.mark.parametrize(
    ("body", "source"),
    [
        ("A third of the voters said the levy was too high.", "A third of the voters"),
        ("Nearly 40 percent said the levy was too high.", "Nearly 40 percent"),
    ],
)
def test_quantity_of_people_speaks(nlp, body: str, source: str) -> None:  # type: ignore[no-untyped-def]
    q = _quote(_graph(nlp, body), "levy was too high")
    assert q.speaker_span is not None and q.speaker_span.text == source


@pytest.mark.slow
@pytest.mark.parametrize(
    ("body", "source"),
    [
        ("OSLO, May 3 (Wire) - The harbor union said that the port would reopen in May.", "The harbor union"),
        ("Ilse Varga, clearly frustrated, said that the port would reopen in May.", "Ilse Varga"),
        ("Ilse Varga and Tomas Brill both said that the port would reopen in May.", "Ilse Varga and Tomas Brill"),
    ],
)
def test_source_phrase_leaves_out_dateline_and_manner(nlp, body: str, source: str) -> None:  # type: ignore[no-untyped-def]
    q = _quote(_graph(nlp, body), "port would reopen")
    assert q.speaker_span is not None and q.speaker_span.text == source


@pytest.mark.slow
def test_asked_participle_has_no_speaker(nlp) -> None:  # type: ignore[no-untyped-def]
    g = _graph(nlp, "Asked whether she would run again, Odile Marsh said she had not decided.")
    asked = _quote(g, "run again")
    assert asked.speaker is None and asked.speaker_span is None
    assert _name(g, _quote(g, "not decided").speaker) == "Odile Marsh"


@pytest.mark.slow
@pytest.mark.parametrize("body", ["Prices rose sharply as Dana Holt spoke.", "One could say the river is wide."])
def test_no_statement_around_the_verb(nlp, body: str) -> None:  # type: ignore[no-untyped-def]
    assert _graph(nlp, body).quotes == []


@pytest.mark.slow
@pytest.mark.parametrize(
    ("body", "fragment", "cue", "source"),
    [
        ("A new Harbour Post poll shows that Tamsin Vale leads the mayoral race.", "Vale leads", "shows",
         "A new Harbour Post poll"),
        ("The survey found Tamsin Vale trailing by six points.", "Vale trailing", "found", "The survey"),
        ("Records show the council spent twice its budget.", "council spent", "show", "Records"),
    ],
)
def test_documents_and_polls_speak(nlp, body: str, fragment: str, cue: str, source: str) -> None:  # type: ignore[no-untyped-def]
    q = _quote(_graph(nlp, body), fragment)
    assert q.cue is not None and q.cue.text == cue
    assert q.speaker_span is not None and q.speaker_span.text == source
    assert q.speaker is None


@pytest.mark.slow
def test_a_person_showing_something_is_no_quote(nlp) -> None:  # type: ignore[no-untyped-def]
    assert _graph(nlp, "Odile Marsh showed the visitors the new harbour.").quotes == []


@pytest.mark.slow
def test_headline_colon_names_the_source(nlp) -> None:  # type: ignore[no-untyped-def]
    g = _graph(nlp, "Odile Marsh: Ferry Tolls Will Double by Spring\n\nOdile Marsh spoke on Monday.")
    q = _quote(g, "Ferry Tolls")
    assert q.cue is not None and q.cue.text == ":"
    assert q.speaker_span is not None and q.speaker_span.text == "Odile Marsh"
    assert q.text == "Ferry Tolls Will Double by Spring"


@pytest.mark.slow
@pytest.mark.parametrize("body", ["WATCH: The Ferry Leaves the Harbour\n\nIt left.",
                                  "Follow Odile Marsh on Twitter: @odilemarsh\n"])
def test_colon_labels_are_not_sources(nlp, body: str) -> None:  # type: ignore[no-untyped-def]
    assert [q for q in _graph(nlp, body).quotes if q.cue is not None and q.cue.text == ":"] == []


@pytest.mark.slow
def test_call_for_with_an_infinitive(nlp) -> None:  # type: ignore[no-untyped-def]
    g = _graph(nlp, "Odile Marsh is calling for the council to reopen the ferry line.")
    q = _quote(g, "reopen the ferry")
    assert q.cue is not None and q.cue.text == "is calling for"
    assert q.text == "the council to reopen the ferry line"


@pytest.mark.slow
def test_stance_adjective_with_a_clause(nlp) -> None:  # type: ignore[no-untyped-def]
    g = _graph(nlp, "Odile Marsh is confident that the ferry line will reopen in May.")
    q = _quote(g, "ferry line will reopen")
    assert q.cue is not None and q.cue.text == "is confident"
    assert _name(g, q.speaker) == "Odile Marsh"
    assert [q.text for q in _graph(nlp, "Odile Marsh was worried about the ferry.").quotes] == []


@pytest.mark.slow
@pytest.mark.parametrize(
    ("body", "fragment", "cue"),
    [
        ("Odile Marsh's claim that the ferry was sold angered the harbour board.", "the ferry was sold", "claim"),
        ("Odile Marsh's call for a new audit went unanswered.", "a new audit", "call for"),
        ("A proposal by Odile Marsh to close the harbour drew crowds.", "to close the harbour", "proposal"),
    ],
)
def test_statement_nouns_with_a_holder(nlp, body: str, fragment: str, cue: str) -> None:  # type: ignore[no-untyped-def]
    g = _graph(nlp, body)
    q = _quote(g, fragment)
    assert q.cue is not None and q.cue.text == cue
    assert _name(g, q.speaker) == "Odile Marsh"


@pytest.mark.slow
@pytest.mark.parametrize("body", ["The claim that he made was false.",
                                  "The board heard a claim that the ferry was sold."])
def test_statement_nouns_without_content_or_holder(nlp, body: str) -> None:  # type: ignore[no-untyped-def]
    assert _graph(nlp, body).quotes == []


@pytest.mark.slow
@pytest.mark.parametrize(
    ("body", "fragment", "source"),
    [
        ("Ada Moss began by saying that the port needed money.", "port needed money", "Ada Moss"),
        ("After saying that the port needed money, Ada Moss left the hall.", "port needed money", "Ada Moss"),
        ("Local voters are more likely to say that the port needs money.", "port needs money", "Local voters"),
        ("The hall was packed with residents saying the port needs money.", "port needs money", "residents"),
    ],
)
def test_subject_reached_through_the_clause(nlp, body: str, fragment: str, source: str) -> None:  # type: ignore[no-untyped-def]
    q = _quote(_graph(nlp, body), fragment)
    assert q.speaker_span is not None and q.speaker_span.text == source


@pytest.mark.slow
def test_praised_for_saying_is_not_the_praiser_saying(nlp) -> None:  # type: ignore[no-untyped-def]
    g = _graph(nlp, "Ada Moss praised Tomas Brill for saying that the port needed money.")
    assert not [q for q in g.quotes if q.cue is not None and q.cue.text == "saying" and q.speaker == "ada_moss"]


@pytest.mark.slow
def test_reported_clause_quoted_whole(nlp) -> None:  # type: ignore[no-untyped-def]
    g = _graph(nlp, 'Ada Moss warned that "the port will close by winter."')
    q = _quote(g, "port will close")
    assert q.cue is not None and q.cue.text == "warned"
    assert _name(g, q.speaker) == "Ada Moss"


@pytest.mark.slow
def test_asked_in_the_passive_has_no_speaker(nlp) -> None:  # type: ignore[no-untyped-def]
    g = _graph(nlp, "Odile Marsh was asked whether the ferry would run in winter.")
    q = _quote(g, "ferry would run")
    assert q.speaker is None and q.speaker_span is None
    assert _graph(nlp, "Odile Marsh was declared the winner.").quotes == []


@pytest.mark.slow
def test_cue_after_its_clause_with_a_comma(nlp) -> None:  # type: ignore[no-untyped-def]
    g = _graph(nlp, "Ada Moss won the Harbour primary, the Gazette declared on Thursday.")
    q = _quote(g, "won the Harbour primary")
    assert q.span.text == "Ada Moss won the Harbour primary"
    assert q.speaker_span is not None and q.speaker_span.text == "the Gazette"


@pytest.mark.slow
def test_things_said_about(nlp) -> None:  # type: ignore[no-untyped-def]
    g = _graph(nlp, "Voters remember the harsh things Tomas Brill has said about farmers.")
    parts = [q for q in g.quotes if q.cue is not None and q.cue.text == "has said"]
    assert [q.span.text for q in parts] == ["the harsh things", "farmers"]
    assert _name(g, parts[0].speaker) == "Tomas Brill"


@pytest.mark.slow
def test_a_view_with_its_predicate(nlp) -> None:  # type: ignore[no-untyped-def]
    g = _graph(nlp, "Odile Marsh sees the tariff as a mistake.")
    q = _quote(g, "the tariff as a mistake")
    assert q.cue is not None and q.cue.text == "sees"
    assert [q.text for q in _graph(nlp, "Odile Marsh saw the harbour.").quotes] == []


@pytest.mark.slow
@pytest.mark.parametrize(
    ("body", "fragment", "text"),
    [
        ("Hedda Lind backed the levy, which she said would fund three schools.", "fund three schools",
         "the levy would fund three schools"),
        ("The depot, which Hedda Lind said was unsafe, will close.", "was unsafe", "The depot was unsafe"),
        # no relative pronoun: the noun still stands for the clause's subject (PolNeAR marks both parts)
        ("Hedda Lind backed the levy she said would fund three schools.", "fund three schools",
         "the levy would fund three schools"),
        # the pronoun is the object of what was said: no noun stands in
        ("Hedda Lind gave the reasons that Bo Reyes refuses to release his tax returns.", "release his tax",
         "to release his tax returns"),
    ],
)
def test_relative_pronoun_before_the_cue_stands_for_its_noun(nlp, body: str, fragment: str, text: str) -> None:  # type: ignore[no-untyped-def]
    """``the levy, which she said would ...``: the content is the noun and the clause after the cue."""
    q = _quote(_graph(nlp, body), fragment)
    assert q.text == text


@pytest.mark.slow
def test_object_content_keeps_its_phrase_but_not_the_time(nlp) -> None:  # type: ignore[no-untyped-def]
    g = _graph(nlp, "Ilse Varga criticized the levy on fishing boats on Monday.")
    q = _quote(g, "levy")
    assert q.span.text == "the levy on fishing boats"


@pytest.mark.slow
def test_asked_with_the_addressee_as_object_takes_the_quote(nlp) -> None:  # type: ignore[no-untyped-def]
    g = _graph(nlp, '"Why is the pier still closed?" Nadia Perrin asked the council members.')
    q = _quote(g, "pier still closed")
    assert _name(g, q.speaker) == "Nadia Perrin"


@pytest.mark.slow
def test_name_before_a_colon_is_the_speaker(nlp) -> None:  # type: ignore[no-untyped-def]
    body = 'The vote was close. Pollster Wilma Achterberg: "Turnout decided it, not the message."'
    g = _graph(nlp, body)
    q = _quote(g, "Turnout decided it")
    assert _name(g, q.speaker) == "Wilma Achterberg"
    assert q.cue is not None and q.cue.text == ":"


@pytest.mark.slow
def test_quote_ending_in_a_comma_takes_the_cue_after_it(nlp) -> None:  # type: ignore[no-untyped-def]
    body = '"We will tax every import," Dana Holt said in March of the plant, whose owner moved 300 jobs abroad.'
    g = _graph(nlp, body)
    q = _quote(g, "tax every import")
    assert _name(g, q.speaker) == "Dana Holt"


@pytest.mark.slow
@pytest.mark.parametrize(
    ("body", "fragment", "cue"),
    [
        ("Odile Marsh made clear that the ferry line would close.", "the ferry line would close", "made clear"),
        ("Odile Marsh made it clear that the ferry line would close.", "the ferry line would close", "made it clear"),
        ("Odile Marsh made the case that the ferry line should close.", "the ferry line should close", "made the case"),
        ("Odile Marsh made the case for a new ferry line.", "a new ferry line", "made the case for"),
        ("Odile Marsh made a pledge to reopen the ferry line.", "to reopen the ferry line", "made a pledge"),
        ("Odile Marsh took issue with the plan to close the ferry line.", "the plan to close the ferry line",
         "took issue with"),
        ("Odile Marsh weighed in on the ferry dispute.", "the ferry dispute", "weighed in on"),
        ("Odile Marsh was clear that the ferry line would close.", "the ferry line would close", "was clear"),
    ],
)
def test_statements_made_with_a_light_verb(nlp, body: str, fragment: str, cue: str) -> None:  # type: ignore[no-untyped-def]
    g = _graph(nlp, body)
    q = _quote(g, fragment)
    assert q.text == fragment and q.span.text.endswith(fragment)
    assert q.cue is not None and q.cue.text == cue
    assert _name(g, q.speaker) == "Odile Marsh"


@pytest.mark.slow
@pytest.mark.parametrize("body", ["Odile Marsh made no mention of the ferry line.",
                                  "Odile Marsh did not make clear whether the ferry line would close.",
                                  "It was clear that the ferry line would close."])
def test_light_verbs_negated_or_without_a_speaker(nlp, body: str) -> None:  # type: ignore[no-untyped-def]
    assert _graph(nlp, body).quotes == []


@pytest.mark.slow
@pytest.mark.parametrize(
    ("body", "fragment", "source"),
    [
        ("Most believe that the ferry line will close.", "the ferry line will close", "Most"),
        ("Others call the ferry line a relic.", "the ferry line a relic", "Others"),
        ("The harbour board heard from fishers who think the ferry line will close.", "the ferry line will close",
         "who"),
        ("Odile Marsh merely wanted the council to reopen the ferry line.", "the council to reopen the ferry line",
         "Odile Marsh"),
        ("Odile Marsh learned that the ferry line would close.", "the ferry line would close", "Odile Marsh"),
    ],
)
def test_belief_and_intent_subjects_and_frames(nlp, body: str, fragment: str, source: str) -> None:  # type: ignore[no-untyped-def]
    q = _quote(_graph(nlp, body), fragment)
    assert q.text == fragment and q.span.text.endswith(fragment)
    assert q.speaker_span is not None and q.speaker_span.text == source


@pytest.mark.slow
def test_reported_clause_runs_on_with_the_quote_it_opens(nlp) -> None:  # type: ignore[no-untyped-def]
    g = _graph(nlp, 'Ada Moss said she would talk to Tomas Brill about the "leaks that began in May, which '
                    'I think nobody has fixed, and I doubt anyone will."')
    q = _quote(g, "she would talk")
    assert q.kind == "mixed" and q.span.text.endswith("anyone will.")
    assert _name(g, q.speaker) == "Ada Moss"


@pytest.mark.slow
@pytest.mark.parametrize("body", ["Odile Marsh's response was that the ferry cost too much.",
                                  "Her position is that the ferry cost too much."])
def test_statement_noun_joined_to_its_clause_by_a_copula(nlp, body: str) -> None:  # type: ignore[no-untyped-def]
    q = _quote(_graph(nlp, body), "the ferry cost too much")
    assert q.span.text == "that the ferry cost too much"
    assert q.cue is not None and q.cue.text in ("response was", "position is")
    assert _graph(nlp, "The idea is that the ferry cost too much.").quotes == []


SLOT_CASES = [
    ('"Sit down and let me finish," Orla Brennick barked.', "Sit down", "Orla Brennick", "barked"),
    ('"The ferry runs on time now," boasted Tamsin Okafor.', "ferry runs", "Tamsin Okafor", "boasted"),
    ('Asked about the audit, Piet Vandersloot shot back, "Read the report first."', "Read the report",
     "Piet Vandersloot", "shot"),
    ("Corwin Ashby gloated: ''The count was never close.''", "count was never close", "Corwin Ashby", "gloated"),
    ('As Greta Lindqvist put it, "The harbour pays for the town."', "harbour pays", "Greta Lindqvist", "put"),
    ('"The pier will stay shut," reads a Tuesday editorial in the Harbor City Ledger.', "pier will stay",
     "Harbor City Ledger", "reads"),
    ('Ivo Marchetti spoke for an hour.\n\nContinued Marchetti: "We will rebuild the north dock first."',
     "north dock", "Ivo Marchetti", "Continued"),
]


@pytest.mark.slow
@pytest.mark.parametrize(("body", "fragment", "speaker", "cue"), SLOT_CASES)
def test_verb_next_to_a_quote_is_its_cue(nlp, body: str, fragment: str, speaker: str, cue: str) -> None:  # type: ignore[no-untyped-def]
    g = _graph(nlp, body)
    q = _quote(g, fragment)
    assert _name(g, q.speaker) == speaker or (q.speaker_span is not None and speaker in q.speaker_span.text)
    assert q.cue is not None and q.cue.text.startswith(cue)


@pytest.mark.slow
def test_verb_after_a_quote_with_its_own_clause_is_no_cue(nlp) -> None:  # type: ignore[no-untyped-def]
    g = _graph(nlp, 'After "The Long Shore," Bram Okoye described how the mill closed in 1990.')
    assert not [q for q in g.quotes if q.kind == "direct" and q.speaker is not None]


@pytest.mark.slow
def test_speaker_with_an_appositive_before_the_cue(nlp) -> None:  # type: ignore[no-untyped-def]
    body = ('But in a call with reporters on Monday, Col. Ada Reyes, a military spokeswoman in Harbor City, '
            'said, "The convoy left on schedule."')
    g = _graph(nlp, body)
    q = _quote(g, "convoy left")
    assert _name(g, q.speaker) == "Ada Reyes"


@pytest.mark.slow
def test_question_introduced_by_its_cue_keeps_it(nlp) -> None:  # type: ignore[no-untyped-def]
    body = 'Lena Morrow was asked, "Would you run again?" She answered, "Not this year."'
    g = _graph(nlp, body)
    assert _quote(g, "run again").cue.text == "was asked"  # type: ignore[union-attr]
    assert _quote(g, "Not this year").cue.text == "answered"  # type: ignore[union-attr]


@pytest.mark.slow
def test_speaker_with_a_long_appositive_after_the_quote(nlp) -> None:  # type: ignore[no-untyped-def]
    body = ('"The numbers show real growth in the harbour towns," Hedda Solberg, a former director of the '
            'regional port authority and adviser to the council, wrote after the report came out.')
    g = _graph(nlp, body)
    q = _quote(g, "real growth")
    assert _name(g, q.speaker) == "Hedda Solberg"
    assert q.cue is not None and q.cue.text == "wrote"


@pytest.mark.slow
def test_transcript_speaker_in_capitals(nlp) -> None:  # type: ignore[no-untyped-def]
    body = ("Governor Nell Ashworth spoke with the host on Sunday.\n\n"
            "HOST: Will you run again next year?\n\n"
            "ASHWORTH: I think the state needs a steady hand, and I will decide after the session.")
    g = _graph(nlp, body)
    q = _quote(g, "steady hand")
    assert _name(g, q.speaker) == "Nell Ashworth"


@pytest.mark.slow
def test_saying_nothing_is_no_quote(nlp) -> None:  # type: ignore[no-untyped-def]
    assert _graph(nlp, "Dana Holt said nothing about the port on Monday.").quotes == []


@pytest.mark.slow
def test_dateline_is_not_the_speaker(nlp) -> None:  # type: ignore[no-untyped-def]
    body = "PARIS, Aug 31 (Reuters) - Harbor party leader Ada Reyes said the ferry would run again."
    g = _graph(nlp, body)
    q = _quote(g, "ferry would run")
    assert _name(g, q.speaker) == "Ada Reyes"


@pytest.mark.slow
def test_clause_after_in_a_statement(nlp) -> None:  # type: ignore[no-untyped-def]
    body = "Senator Bo Lindqvist says in a statement that the new port rules are certain to be challenged in court."
    g = _graph(nlp, body)
    q = _quote(g, "port rules are certain")
    assert _name(g, q.speaker) == "Bo Lindqvist"


@pytest.mark.slow
def test_cue_inside_a_partly_quoted_clause(nlp) -> None:  # type: ignore[no-untyped-def]
    body = ("Greta Holm runs the harbour market. The fish trade, she said, is \"doing much better than "
            "it has in years.\"")
    g = _graph(nlp, body)
    q = _quote(g, "fish trade")
    assert _name(g, q.speaker) == "Greta Holm"


# ---------------------------------------------------------------- content boundaries (PolNeAR's marking)

COMPLEMENTISER_CASES = [
    ("Tamsin Ruel said that the depot would close.", "depot would close", "that the depot would close"),
    ("Tamsin Ruel said the depot would close.", "depot would close", "the depot would close"),
    ("Tamsin Ruel argued that, in the end, the depot would close.", "depot would close",
     "that, in the end, the depot would close"),
    # a quotation the complementiser introduces: PolNeAR's content opens with "that" (12 of 12 on dev);
    # the words said are the passage (the quote's text)
    ('Tamsin Ruel said that "the depot is finished."', "depot is finished", 'that "the depot is finished.'),
    ('Tamsin Ruel said that, "the depot is finished."', "depot is finished", 'that, "the depot is finished.'),
    ('Tamsin Ruel said that "the depot is finished" in the city.', "depot is finished",
     'that "the depot is finished" in the city'),
]


@pytest.mark.slow
@pytest.mark.parametrize(("body", "fragment", "content"), COMPLEMENTISER_CASES)
def test_reported_clause_keeps_its_complementiser(nlp, body: str, fragment: str, content: str) -> None:  # type: ignore[no-untyped-def]
    """``that`` opens what was said; a quotation it introduces stays the direct quote it is."""
    q = _quote(_graph(nlp, body), fragment)
    assert q.span.text == content
    assert q.text.lstrip('"') == content.removeprefix("that").lstrip(', "')  # the words said, without "that"
    assert q.pieces is None


SPLIT_CASES = [
    # (body, number of quotes, the pieces of the first quote or None)
    ('"The depot is old," Tamsin Ruel said. "It will close in June."', 1,
     ["The depot is old,", "It will close in June."]),
    ('"The depot is old," Tamsin Ruel said, "and it will close."', 1, ["The depot is old,", "and it will close."]),
    ('"The depot is old," Tamsin Ruel said.\n\n"It will close in June."', 2, None),
    ('"The depot is old," Tamsin Ruel said. "It will close," Piet Anker replied.', 2, None),
    ('"It is late," said Tamsin Ruel, who ran the depot for years. "We must hurry."', 1,
     ["It is late,", "We must hurry."]),
    ('"I was only joking." To which Tamsin Ruel said, "Good, because I was worried."', 2, None),
    ('"Keep your heads up," Tamsin Ruel sang before asking the crowd, "Where do we go now?"', 2, None),
]


@pytest.mark.slow
@pytest.mark.parametrize(("body", "n", "pieces"), SPLIT_CASES)
def test_quotation_split_by_its_attribution(nlp, body: str, n: int, pieces: list[str] | None) -> None:  # type: ignore[no-untyped-def]
    """One quote for passages its cue splits in one paragraph; a new paragraph or a new cue starts another."""
    g = _graph(nlp, body)
    assert len(g.quotes) == n
    first = g.quotes[0]
    assert ([p.text for p in first.pieces] if first.pieces else None) == pieces
    if pieces:
        assert first.span.start == first.pieces[0].start and first.span.end == first.pieces[-1].end
        assert first.to_dict()["pieces"][1]["text"] == pieces[1]
    else:
        assert "pieces" not in first.to_dict()


AROUND_CASES = [
    # (body, the quote's text): the clause either side of a cue set inside it, not the speaker's acts
    ("The depot, Tamsin Ruel said, will close in June.", "The depot will close in June"),
    ("Sales were slow, Tamsin Ruel said, wiping her brow.", "Sales were slow"),
    ('Holding up a map, Tamsin Ruel said, "This is the route."', "This is the route."),
    ("Ada Lane criticized Bo Reyes, who works for the port and, Ms. Lane said, has recently backed the mayor.",
     "has recently backed the mayor"),
    ("The latest test, the ministry said, was its biggest yet, although it may take days to confirm.",
     "The latest test was its biggest yet"),
]


@pytest.mark.slow
@pytest.mark.parametrize(("body", "text"), AROUND_CASES)
def test_cue_inside_its_clause_leaves_the_speakers_acts_out(nlp, body: str, text: str) -> None:  # type: ignore[no-untyped-def]
    g = _graph(nlp, body)
    assert [q.text for q in g.quotes if q.cue is not None and q.cue.text == "said"] == [text]


# ---------------------------------------------------------------- content boundaries (round 4)

# (body, a fragment of the quote, its expected text); None: no quote holds the fragment
BOUNDARY_CASES = [
    # a clause before its cue, set apart by a semicolon or a connective, is the writer's
    ("Ada Hill was not part of the deal; Bo Lund insists he does not know her.", "part of the deal", None),
    ("The deal is dead, Bo Lund insists.", "deal is dead", "The deal is dead"),
    ("Her permit was still valid, so Nia Osei continued to renew it.", "still valid", None),
    # a that-clause of a statement noun inside the cue's phrase is the noun's; a medium noun's is the cue's
    ("Mara Vint responded to a question about a recent claim, first made by a blog, that she had sold the farm.",
     "sold the farm", None),
    ("Mara Vint said in a statement that she had sold the farm.", "sold the farm", "she had sold the farm"),
    # a second predicate under the clause's modal is the clause's; a past-tense one is the speaker's act
    ("Tova Reel said the levy would cut revenue at first, but would add millions later.", "cut revenue",
     "the levy would cut revenue at first, but would add millions later"),
    ("Tova Reel said the levy would cut revenue, but voted for it anyway.", "cut revenue",
     "the levy would cut revenue"),
    # a relative clause with no pronoun: the noun is the subject of what was said
    ("Critics attacked the ruling -- a ruling they say allowed fraud to spread.", "allowed fraud",
     "a ruling allowed fraud to spread"),
    # a second clause of the cue without a subject goes on with the first
    ("Ada Hill said the plans were sound and, above all, would not raise taxes.", "raise taxes",
     "the plans were sound and, above all, would not raise taxes"),
    # a noun phrase the parse hung on the cue is the subject of the clause after it
    ("The trouble now, Ines Karr told me, is that nobody pays.", "nobody pays", "The trouble now is that nobody pays"),
    # a preposition's noun that is no statement noun leaves the clause to the cue; a quotation a colon
    # opens after the clause is a statement of its own
    ('Ada Hill said she recalls the clerk being "confused" - at one point even telling the client: "Ask her."',
     "recalls the clerk", 'she recalls the clerk being "confused" - at one point even telling the client'),
    # a clause another finite verb parts from the cue belongs to that verb; a relative clause is none
    ("Ada Hill told the crowd and the voters at home who could easily guess the rival she had in mind.",
     "she had in mind", None),
    ("Ada Hill told reporters who had gathered outside that the port would close.", "port would close",
     "the port would close"),
    # a sentence-opening "But" or "And" joins the writer's sentences
    ("But the depot, Ines Karr said, will close.", "will close", "the depot will close"),
    ("And costs will rise, according to the county report.", "costs will rise", "costs will rise"),
]


@pytest.mark.slow
@pytest.mark.parametrize(("body", "fragment", "text"), BOUNDARY_CASES)
def test_content_boundaries(nlp, body: str, fragment: str, text: str | None) -> None:  # type: ignore[no-untyped-def]
    quotes = [q for q in _graph(nlp, body).quotes if fragment in (q.text or "")]
    if text is None:
        assert not quotes, [q.text for q in quotes]
    else:
        assert quotes and quotes[0].text == text


@pytest.mark.slow
@pytest.mark.parametrize(
    ("body", "fragment", "shown"),
    [
        # the subject went to another phrase in the parse: half a clause, hidden by default
        ("He had a rally that night - and the permit, his aide said, had been hard to get.", "hard to get", False),
        ("The permit, Ola Brandt said, had been hard to get.", "hard to get", True),
        # a clause around its cue: the subject and the predicate are pieces of one statement
        ("The depot, which Hedda Lind said was unsafe, will close.", "was unsafe", True),
        ("Hedda Lind backed the levy she said would fund three schools.", "fund three schools", True),
    ],
)
def test_half_clause_is_doubted(nlp, body: str, fragment: str, shown: bool) -> None:  # type: ignore[no-untyped-def]
    from dossier.confidence import DEFAULT_MIN_CONFIDENCE

    q = _quote(_graph(nlp, body), fragment)
    assert ((q.confidence or 0.0) >= DEFAULT_MIN_CONFIDENCE) is shown


@pytest.mark.slow
@pytest.mark.parametrize(
    ("body", "pieces"),
    [
        # the speaker's participle between the pieces leaves one statement
        ('"We were glad," said Ada Hill, summing up the talks. "People are tired."', 2),
        # another cue between them is another act
        ('"We were glad," said Ada Hill, before asking, "Who is tired?"', 1),
    ],
)
def test_split_quote_across_the_speakers_participle(nlp, body: str, pieces: int) -> None:  # type: ignore[no-untyped-def]
    q = _quote(_graph(nlp, body), "We were glad")
    assert len(q.pieces or [q.span]) == pieces


@pytest.mark.slow
def test_a_cue_with_its_own_quote_after_it_is_not_the_earlier_quotes(nlp) -> None:  # type: ignore[no-untyped-def]
    g = _graph(nlp, '"We were glad," said Ada Hill. "People are tired." Bo Lund said that, "we will sail."')
    assert _name(g, _quote(g, "People are tired").speaker) == "Ada Hill"
    assert _name(g, _quote(g, "we will sail").speaker) == "Bo Lund"


@pytest.mark.slow
@pytest.mark.parametrize("body", [
    '"They have a global strategy," Ada Hill said of the rebel group, adding the county must be equally global'
    ' to match it.',
    '"They have a plan," Ada Hill said of the rebels, adding the county must be ready to match it.',
])
def test_a_second_cue_is_no_part_of_the_words(nlp, body: str) -> None:  # type: ignore[no-untyped-def]
    """``..., adding the county must ...``: the words after "adding" are what was added, never "adding ..."."""
    g = _graph(nlp, body)
    assert not any((q.text or "").startswith("adding") for q in g.quotes)
    for q in g.quotes:
        if "county must" in (q.text or ""):
            assert q.cue is not None and q.cue.text == "adding" and _name(g, q.speaker) == "Ada Hill"


@pytest.mark.slow
def test_a_quote_left_open_keeps_the_cue_after_it(nlp) -> None:  # type: ignore[no-untyped-def]
    """'"...," Hill said, adding later, "..."': the comma hands the first quote to "said"."""
    g = _graph(nlp, '"We cannot afford this anymore," Ada Hill said, adding later, "The fund is costing us a fortune."')
    first = _quote(g, "cannot afford")
    assert first.cue is not None and first.cue.text == "said"
    assert _name(g, first.speaker) == "Ada Hill"


@pytest.mark.slow
@pytest.mark.parametrize(("body", "shown"), [
    # the clause goes on past the marks: two words in them are a fragment, hidden by default
    ('The oversight community has concluded that "top secret" files were included in 22 letters.', False),
    ('The oversight community has concluded that "top secret files were included in 22 letters."', True),
])
def test_marks_inside_a_clause_after_that_are_a_fragment(nlp, body: str, shown: bool) -> None:  # type: ignore[no-untyped-def]
    from dossier.pipeline.quotes.finder import _Finder

    found = [f for f in _Finder(nlp(body))._direct([]) if "top secret" in body[f.start : f.end]]
    assert found and found[0].doubtful is not shown


# ---------------------------------------------------------------- cues that report nothing (hand parses)


def _hand_quotes(words: list[str], heads: list[int], deps: list[str], pos: list[str], tags: list[str],
                 lemmas: list[str], ents: list[str], spaces: list[bool]) -> list[tuple[str, str | None]]:
    from dossier.pipeline import doc_state
    from dossier.pipeline.entities import annotate_entities
    from dossier.pipeline.quotes import find_quotes

    from ..conftest import parsed

    doc = parsed(words, heads=heads, deps=deps, pos=pos, tags=tags, lemmas=lemmas, ents=ents, spaces=spaces)
    doc_state.set_article(doc, "2024-03-07", 0)
    return [(q.kind, q.text) for q in find_quotes(annotate_entities(doc))]


def test_a_clause_after_a_quotation_and_its_cue_is_the_writers() -> None:
    # '"We won," Obi told the crowd, her voice drowned out.': the quotation is what was told
    words = ['"', "We", "won", ",", '"', "Obi", "told", "the", "crowd", ",", "her", "voice", "drowned", "out", "."]
    found = _hand_quotes(
        words,
        heads=[2, 2, 6, 6, 6, 6, 6, 8, 6, 12, 11, 12, 6, 12, 6],
        deps=["punct", "nsubj", "ccomp", "punct", "punct", "nsubj", "ROOT", "det", "dobj", "punct", "poss", "nsubj",
              "ccomp", "prt", "punct"],
        pos=["PUNCT", "PRON", "VERB", "PUNCT", "PUNCT", "PROPN", "VERB", "DET", "NOUN", "PUNCT", "PRON", "NOUN",
             "VERB", "ADP", "PUNCT"],
        tags=["``", "PRP", "VBD", ",", "''", "NNP", "VBD", "DT", "NN", ",", "PRP$", "NN", "VBD", "RP", "."],
        lemmas=['"', "we", "win", ",", '"', "Obi", "tell", "the", "crowd", ",", "her", "voice", "drown", "out", "."],
        ents=["O"] * 5 + ["B-PERSON"] + ["O"] * 9,
        spaces=[False, True, False, False, True, True, True, True, False, True, True, True, True, False, False],
    )
    assert ("direct", "We won,") in found
    assert not any("voice" in text for _, text in found), found
    # without a quotation before the cue, the clause after it is what was told
    found = _hand_quotes(
        ["Obi", "told", "the", "crowd", "her", "plan", "won", "."],
        heads=[1, 1, 3, 1, 5, 6, 1, 1],
        deps=["nsubj", "ROOT", "det", "dobj", "poss", "nsubj", "ccomp", "punct"],
        pos=["PROPN", "VERB", "DET", "NOUN", "PRON", "NOUN", "VERB", "PUNCT"],
        tags=["NNP", "VBD", "DT", "NN", "PRP$", "NN", "VBD", "."],
        lemmas=["Obi", "tell", "the", "crowd", "her", "plan", "win", "."],
        ents=["B-PERSON"] + ["O"] * 7,
        spaces=[True] * 6 + [False, False],
    )
    assert ("indirect", "her plan won") in found


@pytest.mark.parametrize(("first", "lemma", "tag", "reported"), [("All", "all", "DT", False),
                                                                  ("Obi", "Obi", "NNP", True)])
def test_all_told_is_a_sum_not_a_cue(first: str, lemma: str, tag: str, reported: bool) -> None:
    # "All told, the fund raised money." beside "Obi told, the fund raised money." (a parse of a cue with its
    # clause after a comma)
    found = _hand_quotes(
        [first, "told", ",", "the", "fund", "raised", "money", "."],
        heads=[1, 1, 5, 4, 5, 1, 5, 1],
        deps=["nsubj", "ROOT", "punct", "det", "nsubj", "ccomp", "dobj", "punct"],
        pos=["DET" if tag == "DT" else "PROPN", "VERB", "PUNCT", "DET", "NOUN", "VERB", "NOUN", "PUNCT"],
        tags=[tag, "VBD", ",", "DT", "NN", "VBD", "NN", "."],
        lemmas=[lemma, "tell", ",", "the", "fund", "raise", "money", "."],
        ents=["O" if tag == "DT" else "B-PERSON"] + ["O"] * 7,
        spaces=[False, False, True, True, True, True, False, False],
    )
    assert any(text == "the fund raised money" for _, text in found) is reported, found


def test_a_participle_hung_on_a_name_inside_a_quoted_claim_has_no_speaker() -> None:
    # 'Obi blamed Lane's claim that Reyes "sold it," saying they lied.' parsed with "saying" on the claim and
    # Reyes as its subject: Reyes, inside the claim, does not say it
    from dossier.pipeline import doc_state
    from dossier.pipeline.entities import annotate_entities
    from dossier.pipeline.quotes import find_quotes

    from ..conftest import parsed

    doc = parsed(
        ["Obi", "blamed", "Lane", "'s", "claim", "that", "Reyes", '"', "sold", "it", ",", '"', "saying", "they",
         "lied", "."],
        heads=[1, 1, 4, 2, 1, 12, 12, 8, 6, 8, 6, 6, 4, 14, 12, 1],
        deps=["nsubj", "ROOT", "poss", "case", "dobj", "mark", "nsubj", "punct", "acl", "dobj", "punct", "punct",
              "acl", "nsubj", "ccomp", "punct"],
        pos=["PROPN", "VERB", "PROPN", "PART", "NOUN", "SCONJ", "PROPN", "PUNCT", "VERB", "PRON", "PUNCT", "PUNCT",
             "VERB", "PRON", "VERB", "PUNCT"],
        tags=["NNP", "VBD", "NNP", "POS", "NN", "IN", "NNP", "``", "VBD", "PRP", ",", "''", "VBG", "PRP", "VBD", "."],
        lemmas=["Obi", "blame", "Lane", "'s", "claim", "that", "Reyes", '"', "sell", "it", ",", '"', "say", "they",
                "lie", "."],
        ents=["B-PERSON", "O", "B-PERSON"] + ["O"] * 3 + ["B-PERSON"] + ["O"] * 9,
        spaces=[True, True, False, True, True, True, True, False, True, False, False, True, True, True, False,
                False],
    )
    doc_state.set_article(doc, "2024-03-07", 0)
    quotes = find_quotes(annotate_entities(doc))
    assert not any(q.text == "they lied" and q.speaker == "reyes" for q in quotes), [
        (q.text, q.speaker) for q in quotes]
    # the participle of the sentence's own subject is that subject's
    doc = parsed(
        ["Obi", "blamed", "Lane", ",", "saying", "they", "lied", "."],
        heads=[1, 1, 1, 4, 1, 6, 4, 1],
        deps=["nsubj", "ROOT", "dobj", "punct", "advcl", "nsubj", "ccomp", "punct"],
        pos=["PROPN", "VERB", "PROPN", "PUNCT", "VERB", "PRON", "VERB", "PUNCT"],
        tags=["NNP", "VBD", "NNP", ",", "VBG", "PRP", "VBD", "."],
        lemmas=["Obi", "blame", "Lane", ",", "say", "they", "lie", "."],
        ents=["B-PERSON", "O", "B-PERSON", "O", "O", "O", "O", "O"],
        spaces=[True, True, False, True, True, True, False, False],
    )
    doc_state.set_article(doc, "2024-03-07", 0)
    assert [(q.text, q.speaker) for q in find_quotes(annotate_entities(doc))] == [("they lied", "obi")]


@pytest.mark.slow
def test_word_of_the_source_misparsed_into_the_quote_leaves_a_direct_quote(nlp) -> None:  # type: ignore[no-untyped-def]
    # "super" parsed as a modifier of the quoted clause: the words are still the direct quote alone
    g = _graph(nlp, '"There is some worry the plan has changed too much," super PAC aide Ada Obi said. "It is thin."')
    (q,) = g.quotes
    assert q.kind == "direct"
    assert [p.text for p in q.pieces or []] == ["There is some worry the plan has changed too much,", "It is thin."]


@pytest.mark.slow
def test_dateline_check_takes_an_empty_content_at_the_end(nlp) -> None:  # type: ignore[no-untyped-def]
    # a relative content whose cue is the document's last word leaves nothing after the cue
    from dossier.pipeline.quotes.finder import _Finder

    doc = nlp("KELBY ― Bo Lane said")
    finder = _Finder(doc)
    assert finder._after_dateline(len(doc), len(doc)) == len(doc)
    assert finder._after_dateline(0, len(doc)) == 2


@pytest.mark.slow
@pytest.mark.parametrize(("body", "second", "speaker"), [
    # someone else who speaks after the cue takes the next quotation; the speaker's own next act does not
    ('“Tell her I promised you a photo,” Ada Obi said, and her husband cut in. “Don’t forget her husband Tom.”',
     "Don’t forget", None),
    ('“Tell her I promised you a photo,” Ada Obi said, and laughed. “Don’t forget her husband Tom.”',
     "Don’t forget", "Ada Obi"),
])
def test_another_speaker_after_the_cue_ends_the_continuation(nlp, body: str, second: str,
                                                             speaker: str | None) -> None:  # type: ignore[no-untyped-def]
    g = _graph(nlp, body)
    q = _quote(g, second)
    assert not q.text.startswith("Tell her")
    assert _name(g, q.speaker) == speaker


@pytest.mark.slow
@pytest.mark.parametrize(("body", "words", "present"), [
    # a clause before a quotation that stands right before the cue is the writer's way in, not what was said
    ("Bo Lane weighed in as well, telling the Ledger on Monday, “But gosh, they’re both qualified,” he said.",
     "Bo Lane weighed in as well", False),
    ("Bo Lane said the plan would fail, and he left early.", "the plan would fail", True),
])
def test_clause_before_the_cues_quotation_is_not_said(nlp, body: str, words: str,
                                                      present: bool) -> None:  # type: ignore[no-untyped-def]
    g = _graph(nlp, body)
    assert any(words in q.text for q in g.quotes) is present


@pytest.mark.slow
@pytest.mark.parametrize(("body", "content"), [
    # set off right after a subordinator, "according to" attributes the clause the subordinator opens ...
    ("Bo Lane left the town after, according to the Ledger, the board cut his pay.", "the board cut his pay"),
    ("Bo Lane left the town after the board cut his pay, according to the Ledger.",
     "Bo Lane left the town after the board cut his pay"),
    # ... and after a fronted subordinate clause, both clauses
    ("Because the mill closed, according to the Ledger, the town lost 300 jobs.",
     "Because the mill closed the town lost 300 jobs"),
])
def test_according_to_beside_a_subordinate_clause(nlp, body: str, content: str) -> None:  # type: ignore[no-untyped-def]
    g = _graph(nlp, body)
    (q,) = [q for q in g.quotes if q.kind == "according_to"]
    assert q.text == content
