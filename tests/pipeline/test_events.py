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


# --- event types added for the team's examples (invented sentences) -----------------------------------

NEW_CASES = [
    ("Lena Hart visited the Calder Museum on Friday.", "contact.visit", "lena_hart", "calder_museum"),
    ("Lena Hart and Omar Reyes founded Brisk Lane Coffee in 2011.", "organization.founding", "lena_hart",
     "brisk_lane_coffee"),
    ("Pavel Orlov donated $2,000 to Maria Lopez's campaign in March.", "donation", "pavel_orlov", "maria_lopez"),
    ("Lena Hart and Omar Hart have pledged $5 million to the Calder Museum.", "donation.pledge", "lena_hart",
     "calder_museum"),
    ("Mayor Dana Marsh hired Sam Reed in 2021.", "employment.hiring", "dana_marsh", "sam_reed"),
    ("Nina Orlov called Tom Berg on Sunday.", "contact.phone_call", "nina_orlov", "tom_berg"),
    ("Maria Lopez campaigned for Tomas Ferrer in the river wards.", "political.campaigning", "maria_lopez",
     "tomas_ferrer"),
]


@pytest.mark.parametrize(("text", "typ", "who", "target"), NEW_CASES)
def test_new_event_types(nlp, text: str, typ: str, who: str, target: str) -> None:
    evs = [e for e in _events(text) if e.type == typ]
    assert evs, [(e.type, _who(e)) for e in _events(text)]
    assert who in _who(evs[0])
    assert target in [p.entity for p in evs[0].participants if p.role == "target"]


def test_couple_visit_includes_the_family_group(nlp) -> None:
    evs = _events("The Harts gave the museum a painting. Lena Hart and her husband, Omar Hart, toured "
                  "the Calder Museum on Friday.")
    visit = [e for e in evs if e.type == "contact.visit"]
    assert visit and {"lena_hart", "omar_hart"} <= set(_who(visit[0]))


@pytest.mark.parametrize("text", [
    "Nina Orlov called the vote a disgrace.",  # "called X Y": no phone call
    "Nina Orlov called off the strike.",
    "If Lena Hart had visited the Calder Museum, she would have loved it.",
    "Lena Hart did not visit the Calder Museum.",
])
def test_no_call_or_visit_event(nlp, text: str) -> None:
    evs = _events(text)
    assert not any(e.type in {"contact.phone_call", "contact.visit"} for e in evs), [(e.type, _who(e)) for e in evs]
