"""Events on invented sentences, with the imagined-scene and negation traps."""

from __future__ import annotations

import pytest

pytestmark = pytest.mark.slow


def _events(text: str):  # type: ignore[no-untyped-def]
    from dossier.extraction import extract

    return extract(text, published="2024-05-01").events


def _who(e) -> list[str | None]:  # type: ignore[no-untyped-def]
    return [p.entity for p in e.participants if p.role == "agent"]


CASES = [
    ("Tom Berg dropped out of the race on March 3, 2023.", "candidacy.withdrawal", "tom_berg", "2023-03-03"),
    ("Maria Lopez won the election in November 2022.", "election.win", "maria_lopez", "2022-11"),
    ("Ivo Kessel lost to Dana Marsh in the 2022 primary.", "election.loss", "ivo_kessel", "2022"),
    ("Tom Berg was arrested in Port Vale on Tuesday.", "legal.arrest", "tom_berg", "2024-04-30"),
    ("Karl Berg died in 2020.", "death", "karl_berg", "2020"),
    ("Lena Hart resigned on Friday.", "resignation", "lena_hart", None),
    ("Senator Ruth Calder endorsed Tomas Ferrer for mayor on Monday.", "endorsement", "ruth_calder", None),
]


@pytest.mark.parametrize(("text", "typ", "who", "when"), CASES)
def test_event_types(nlp, text: str, typ: str, who: str, when: str | None) -> None:
    evs = [e for e in _events(text) if e.type == typ and who in _who(e)]
    assert evs, _events(text)
    assert evs[0].status == "asserted"
    if when:
        assert evs[0].when == when


def test_nominal_loss_and_ordinal_inauguration(nlp) -> None:
    evs = _events("After Governor Tom Berg's second inauguration, Maria Lopez mourned her 2022 election loss.")
    inaug = [e for e in evs if e.type == "inauguration"]
    assert inaug and _who(inaug[0]) == ["tom_berg"]
    if hasattr(inaug[0], "ordinal"):
        assert inaug[0].ordinal == 2
    loss = [e for e in evs if e.type == "election.loss"]
    assert loss and loss[0].when == "2022"


def test_endorsement_target(nlp) -> None:
    evs = _events("Senator Ruth Calder endorsed Tomas Ferrer on Monday.")
    e = next(e for e in evs if e.type == "endorsement")
    assert ("target", "tomas_ferrer") in [(p.role, p.entity) for p in e.participants]


@pytest.mark.parametrize("text", [
    "A comedy sketch that imagined Tom Berg resigning drew millions of views.",
    "What if Maria Lopez had won the race? She would have resigned within a year.",
    "Maria Lopez hinted that she may not resign.",
])
def test_imagined_or_negated_events_are_not_emitted(nlp, text: str) -> None:
    assert not [e for e in _events(text) if e.status != "hypothetical"], _events(text)
