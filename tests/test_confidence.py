"""Per-fact confidence, the shown graph, and TIMEX values in words (no model needed)."""

from __future__ import annotations

import pytest

from dossier.confidence import DEFAULT_MIN_CONFIDENCE, score
from dossier.graph import Article, ArticleGraph, Entity, Mention, Quote, Relation, Role, Span
from dossier.store.timewords import in_words

BODY = ("Sen. Ada Lane met Bo Lane in May. She praised him. Lane said the port would reopen. "
        "Carl Ortiz may know Ada Lane.")


def _span(part: str, nth: int = 0) -> Span:
    start = -1
    for _ in range(nth + 1):
        start = BODY.index(part, start + 1)
    return Span(start, start + len(part), part)


def _mention(part: str, kind: str = "name", nth: int = 0, confidence: float | None = None) -> Mention:
    s = _span(part, nth)
    return Mention(s.start, s.end, s.text, "body", kind, confidence)  # type: ignore[arg-type]


def _graph() -> ArticleGraph:
    ada = Entity("a", "Ada Lane", "PERSON", mentions=[
        _mention("Ada Lane"), _mention("She", "pronoun", confidence=0.4), _mention("Ada Lane", nth=1)])
    bo = Entity("b", "Bo Lane", "PERSON", mentions=[_mention("Bo Lane"), _mention("him", "pronoun", confidence=0.9),
                                                     _mention("Lane", "alias", nth=2)])
    carl = Entity("c", "Carl Ortiz", "PERSON", mentions=[_mention("Carl Ortiz")])
    return ArticleGraph(
        article=Article("t", "", BODY, "2016-10-12"),
        entities=[ada, bo, carl],
        quotes=[Quote("q1", "indirect", _span("the port would reopen"), "b", speaker_span=_span("Lane", 2),
                      cue=_span("said"))],
        roles=[Role("a", "senator", evidence=_span("Sen. Ada Lane met Bo Lane in May."), confidence=0.85)],
        relations=[
            Relation("contact.met", "a", "b", _span("Sen. Ada Lane met Bo Lane in May."), confidence=0.8),
            Relation("political.supported", "a", "b", _span("She praised him."), confidence=0.8),
            Relation("social.friendship", "c", "a", _span("Carl Ortiz may know Ada Lane."), "hedged", confidence=0.8),
        ],
    )


def test_confidence_multiplies_construction_status_and_coreference() -> None:
    g = score(_graph())
    by_type = {r.type: r.confidence for r in g.relations}
    assert g.roles[0].confidence == pytest.approx(0.85)  # a title before a full name, asserted
    assert by_type["contact.met"] == pytest.approx(0.8)  # both named in the evidence
    assert by_type["political.supported"] == pytest.approx(0.8 * 0.4)  # "She", resolved unsurely: its own certainty
    assert by_type["social.friendship"] == pytest.approx(0.8 * 0.9)  # hedged: a little less sure
    assert all(0 <= f.confidence <= 1 for f in [*g.quotes, *g.roles, *g.relations])  # type: ignore[operator]


def test_a_surely_resolved_pronoun_counts_at_the_resolvers_measured_accuracy() -> None:
    g = _graph()
    g.entities[0].mentions[1].confidence = 0.7  # "She", resolved with some certainty
    supported = next(r for r in score(g).relations if r.type == "political.supported")
    assert supported.confidence == pytest.approx(0.8 * 0.93)


def test_a_bare_surname_two_people_share_is_least_sure() -> None:
    g = score(_graph())
    shared = g.quotes[0].confidence
    alone = _graph()
    alone.entities = [e for e in alone.entities if e.id != "a"]  # now only Bo Lane is called Lane
    assert shared == pytest.approx(0.8 * 0.8)
    assert score(alone).quotes[0].confidence == pytest.approx(0.8)


def test_shown_graph_leaves_out_hypothetical_and_unsure_facts() -> None:
    g = score(_graph())
    g.roles.append(Role("a", "queen", "hypothetical", evidence=_span("She praised him."), confidence=0.99))
    shown = g.shown(0.5)
    assert [r.title for r in shown.roles] == ["senator"]
    assert {r.type for r in shown.relations} == {"contact.met", "social.friendship"}
    assert len(g.roles) == 2 and len(g.relations) == 3  # the full graph is untouched
    assert 0 < DEFAULT_MIN_CONFIDENCE < 1


def test_every_fact_serialises_its_confidence() -> None:
    d = score(_graph()).to_dict()
    for kind in ("quotes", "roles", "relations"):
        assert all(isinstance(f["confidence"], float) for f in d[kind])
    assert ArticleGraph.from_dict(d).to_dict() == d


@pytest.mark.parametrize(("value", "words"), [
    ("P_D", "for some days"),
    ("P3Y", "for 3 years"),
    ("PT1H", "for an hour"),
    ("2015-FA", "fall 2015"),
    ("PRESENT_REF", "now (2016-10-12)"),
    ("PAST_REF", "in the past"),
    ("2016", "2016"),
    ("2016-05", "May 2016"),
    ("2016-05-03", "3 May 2016"),
    ("2016-05-03TMO", "3 May 2016, morning"),
    ("2016-Q1", "the first quarter of 2016"),
    ("2016-W23-WE", "the weekend of week 23 of 2016"),
    ("199X", "the 1990s"),
    ("199", "the 1990s"),
    ("XXXX-XX-XX", "an unknown date"),
    ("not a timex", None),
    (None, None),
])
def test_timex_values_in_words(value: str | None, words: str | None) -> None:
    assert in_words(value, "2016-10-12") == words
