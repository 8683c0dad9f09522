"""Which person a definite descriptor or pronoun that speaks ("the former mayor said") is, on invented sentences."""

from __future__ import annotations

import pytest

from dossier.graph import ArticleGraph


def _speaker(nlp, body: str, fragment: str) -> str | None:  # type: ignore[no-untyped-def]
    from dossier.extraction import article_doc, doc_to_graph
    from dossier.graph import Article

    article = Article(id="t", title="", body=body, published="2023-06-01")
    graph: ArticleGraph = doc_to_graph(article_doc(article, nlp), article)
    found = [q for q in graph.quotes if fragment in (q.text or "")]
    assert found, f"no quote containing {fragment!r}"
    return next((e.name for e in graph.entities if e.id == found[0].speaker), None)


DEBATE = "Bo Lane and Ada Ortiz debated in Harbor City on Monday. {who} attacked {whom} over the pier.\n\n"

OWN_QUOTE_CASES = [
    # the speaker of a quotation is not the person it names in the third person
    (DEBATE.format(who="Ortiz", whom="Lane") + '"So Bo, you know, is great at slogans, but he is no leader," '
     "the former mayor said.", "great at slogans", "Ada Ortiz"),
    (DEBATE.format(who="Lane", whom="Ortiz") + '"Ada Ortiz is great at slogans, but she is no leader," '
     "the former mayor said.", "great at slogans", "Bo Lane"),
]


@pytest.mark.slow
@pytest.mark.parametrize(("body", "fragment", "speaker"), OWN_QUOTE_CASES)
def test_a_descriptor_speaker_is_not_the_person_its_quotation_names(  # type: ignore[no-untyped-def]
    nlp, body: str, fragment: str, speaker: str
) -> None:
    assert _speaker(nlp, body, fragment) == speaker


@pytest.mark.slow
@pytest.mark.parametrize(
    ("text", "named"),
    [
        ('Ada Ortiz met Bo Lane. "Ada Ortiz is wrong," the former mayor said.', {"Ada Ortiz"}),
        # words heard, not spoken ("greeted with ...", "chants of ..."), rule no one out
        ('Ada Ortiz met Bo Lane. Greeted with "Ada! Ada!," the former mayor said the pier was old.', set()),
    ],
)
def test_people_named_in_the_speaker_s_own_quotations(nlp, text: str, named: set[str]) -> None:  # type: ignore[no-untyped-def]
    from dossier.pipeline.coref.discourse import Discourse

    doc = nlp(text)
    d = Discourse.build(doc)
    mayor = next(t for t in doc if t.text == "mayor")
    assert {d.records[k]["name"] for k in d.named_in_own_quotes(mayor)} == named


SENATORS = "Sen. Ada Ortiz toured the ferry yard on Monday. Sen. Cy Dunn stayed in the capital.\n\n"

RIVAL_CASES = [
    # two people tied to the title, and someone tied to none far more salient: no one
    (SENATORS + "On Tuesday, Bo Lane stopped by his office in Harbor City. Lane told volunteers the race was "
     'tight. Walking into the office, the senator said his campaign was "closing really strong."',
     "closing really strong", None),
    # the more salient of the two tied stays the senator
    (SENATORS + "On Tuesday, Dunn stopped by his office in Harbor City. Dunn told volunteers the race was "
     'tight. Walking into the office, the senator said his campaign was "closing really strong."',
     "closing really strong", "Cy Dunn"),
]


@pytest.mark.slow
@pytest.mark.parametrize(("body", "fragment", "speaker"), RIVAL_CASES)
def test_several_tied_lose_to_a_far_more_salient_untied_person(  # type: ignore[no-untyped-def]
    nlp, body: str, fragment: str, speaker: str | None
) -> None:
    assert _speaker(nlp, body, fragment) == speaker


NEW_DAD = ("Tom Reyes was on the ferry, according to his brother. Tom Reyes worked as a geologist in Reno. "
           "He and his wife had just welcomed a baby girl, {who} added. \"He's a new dad,\" he said.")


@pytest.mark.slow
@pytest.mark.parametrize(
    ("who", "speaker"),
    [
        # the speaker before is someone unnamed: "he" continues him, not the man he speaks of
        ("his brother", None),
        # a named speaker before: "he" continues him
        ("Bo Lane", "Bo Lane"),
        # a definite descriptor speaks of someone the article names: no unnamed speaker to continue
        ("the geologist", "Tom Reyes"),
    ],
)
def test_a_pronoun_speaker_continues_an_unnamed_speaker(nlp, who: str, speaker: str | None) -> None:  # type: ignore[no-untyped-def]
    assert _speaker(nlp, NEW_DAD.format(who=who), "new dad") == speaker


@pytest.mark.slow
@pytest.mark.parametrize(
    "body",
    [
        # the writer's "and I quote" is no cue: the words are the one who said them
        'No wonder Bo Lane said, and I quote, "We love the ferry riders."',
        'No wonder Bo Lane said, "We love the ferry riders."',
    ],
)
def test_the_writer_s_i_quote_is_no_cue(nlp, body: str) -> None:  # type: ignore[no-untyped-def]
    assert _speaker(nlp, body, "ferry riders") == "Bo Lane"
