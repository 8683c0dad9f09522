"""Issue 11 on invented sentences: possibilities are not facts, figurative triggers are not events.

Each table sets sentences that state a fact beside look-alikes that do not (polls, calls,
wishes, predictions, nominal and figurative triggers); the look-alikes must give no fact
of that kind, or one whose status says it is not asserted.
"""

from __future__ import annotations

import pytest

pytestmark = pytest.mark.slow


def _graph(text: str):  # type: ignore[no-untyped-def]
    from dossier.extraction import extract

    return extract(text, published="2016-10-12")


def _names(g) -> dict[str, str]:  # type: ignore[no-untyped-def]
    return {e.id: e.name for e in g.entities}


def _asserted_relations(text: str, typ: str) -> list[tuple[str | None, str | None]]:
    g = _graph(text)
    n = _names(g)
    return [(n.get(r.subject), n.get(r.object)) for r in g.relations if r.type == typ and r.status == "asserted"]


def _asserted_events(text: str, typ: str) -> list[str | None]:
    g = _graph(text)
    n = _names(g)
    return [n.get(p.entity) for e in g.events if e.type == typ and e.status == "asserted"
            for p in e.participants if p.role == "agent"]


# class 2: polls, calls, wishes, predictions ------------------------------------------------------

DEFEATS = [
    ("Ada Ortiz beat Bo Lane in the Vermont primary.", [("Ada Ortiz", "Bo Lane")]),
    ("Ada Ortiz went on to defeat Bo Lane in the runoff.", [("Ada Ortiz", "Bo Lane")]),
    ("Ada Ortiz is beating Bo Lane in every age group, a new poll shows.", []),
    ("The survey shows Ada Ortiz beating Bo Lane 45 to 40 percent.", []),
    ("In the head-to-head matchup, Ada Ortiz tops Bo Lane 41-40.", []),
    ("Ada Ortiz presented Carl Diaz as singularly suited to defeat Bo Lane.", []),
    ("Ada Ortiz hopes to defeat Bo Lane in November.", []),
]


@pytest.mark.parametrize(("text", "expected"), DEFEATS)
def test_a_poll_or_a_hope_is_no_defeat(nlp, text: str, expected: list[tuple[str, str]]) -> None:
    assert _asserted_relations(text, "contest.defeated") == expected


EVENTS = [
    ("Bo Lane dropped out of the race on Monday.", "candidacy.withdrawal", ["Bo Lane"]),
    ("Activists renewed calls for Bo Lane to drop out of the race.", "candidacy.withdrawal", []),
    ("Bo Lane resigned on Monday.", "resignation", ["Bo Lane"]),
    ("Ada Ortiz wanted Bo Lane to step aside.", "resignation", []),
    ("Activists called for Bo Lane's resignation.", "resignation", []),
    ("Ada Ortiz was nominated by the party in July.", "appointment", ["Ada Ortiz"]),
    ("Some view Ada Ortiz's prospective nomination as a hostile takeover.", "appointment", []),
    ("Ada Ortiz established the Harbor Foundation in 2001.", "organization.founding", ["Ada Ortiz"]),
    ("Ada Ortiz wants to establish a safe zone for civilians.", "organization.founding", []),
    ("Ada Ortiz was awarded the Medal of Honor in 2012.", "honor.award", ["Ada Ortiz"]),
    ("Ada Ortiz will be awarded delegates proportionally.", "honor.award", []),
]


@pytest.mark.parametrize(("text", "typ", "agents"), EVENTS)
def test_a_call_or_a_wish_is_no_event(nlp, text: str, typ: str, agents: list[str]) -> None:
    assert _asserted_events(text, typ) == agents


def test_a_need_to_speak_is_no_conversation(nlp) -> None:
    assert _asserted_relations("Bo Lane spoke to Ada Ortiz on Friday.", "contact.spoke_with")
    text = "The campaign manager, Bo Lane, said he needed to speak to Ada Ortiz first."
    assert not [r for r in _graph(text).relations if r.type == "contact.spoke_with"]


# class 3: nominal and figurative triggers ---------------------------------------------------------

FIGURES = [
    ("Bo Lane announced his candidacy for governor on Monday.", "candidacy.launch", ["Bo Lane"]),
    ("~ So looks like “Bachelor” star Bo Lane isn’t running for office after all.", "candidacy.launch", []),
    ("Super PACs raised $38 million to boost Bo Lane's candidacy.", "candidacy.launch", []),
    ("The overshadowing of Ada Ortiz's candidacy is a striking change.", "candidacy.launch", []),
    ("Ada Ortiz pledged $5 million to the Harbor Fund.", "donation.pledge", ["Ada Ortiz"]),
    ("Ada Ortiz pledged to cut taxes.", "donation.pledge", []),
    ("Police arrested Bo Lane on Friday.", "legal.arrest", ["Bo Lane"]),
    ("His administration swapped ten agents arrested in Boston for four prisoners.", "legal.arrest", []),
    ("Ada Ortiz's endorsement of Bo Lane came late.", "endorsement", ["Ada Ortiz"]),
    ("Carl Diaz's renewed endorsement of his leadership team came with caveats.", "endorsement", []),
    ("Four Americans were killed in the attack.", "death", []),
]


@pytest.mark.parametrize(("text", "typ", "agents"), FIGURES)
def test_nominal_and_figurative_triggers(nlp, text: str, typ: str, agents: list[str]) -> None:
    assert _asserted_events(text, typ) == agents


def test_every_fact_has_a_confidence_and_possibilities_are_never_asserted(nlp) -> None:
    g = _graph("Ada Ortiz could lose the nomination to Bo Lane. Ada Ortiz beat Carl Diaz in 2012.")
    facts = [*g.quotes, *g.roles, *g.relations, *g.events]
    assert facts and all(0 < (f.confidence or 0) <= 1 for f in facts)
    def said_in(f: object) -> str:
        return (getattr(f, "evidence", None) or f.span).text  # type: ignore[attr-defined]

    # The possibility gives no fact, or one that is not asserted; the fact beside it is asserted.
    assert all(f.status != "asserted" for f in facts if "could" in said_in(f))
    assert any(f.status == "asserted" for f in facts if "beat" in said_in(f))
