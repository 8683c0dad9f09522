"""Round 8 ties and events on invented sentences: each error fixed beside a near case that must keep working."""

from __future__ import annotations

import pytest

from dossier.pipeline.facts.relations import SYMMETRIC

pytestmark = pytest.mark.slow

SHOWN = 0.6


def _graph(text: str, published: str = "2024-05-01"):  # type: ignore[no-untyped-def]
    from dossier.extraction import extract

    return extract(text, published=published)


def _ties(text: str, typ: str, a: str, b: str, published: str = "2024-05-01"):  # type: ignore[no-untyped-def]
    out = []
    for r in _graph(text, published).relations:
        ends = (r.subject, r.object)
        if r.type == typ and (ends == (a, b) or (typ in SYMMETRIC and ends == (b, a))):
            out.append(r)
    return out


def _events(text: str, typ: str, who: str, published: str = "2024-05-01"):  # type: ignore[no-untyped-def]
    return [e for e in _graph(text, published).events
            if e.type == typ and who in [p.entity for p in e.participants if p.role == "agent"]]


# --- "X, his wife, Y, and Z": a list, the pronoun is X --------------------------------------------


@pytest.mark.parametrize(("text", "owner"), [
    ("Those not on the Lane slate included Gov. Cy Vance, his wife, Betsy Vance, and the endorsed candidate "
     "for governor, Dan Reyes.", "cy_vance"),
    ("Cy Vance was at home on Monday. Betsy Vance, his wife, said he was ill.", "cy_vance"),
])
def test_a_pronoun_kin_phrase_listed_after_a_name_is_that_name(nlp, text: str, owner: str) -> None:
    ties = [r for r in _graph(text).relations if r.type == "family.spouse" and "betsy_vance" in (r.subject, r.object)]
    assert ties and all(owner in (r.subject, r.object) for r in ties), ties


def test_a_listed_kin_phrase_gives_no_tie_to_a_slate_name(nlp) -> None:
    text = ("Those not on the Lane slate included Gov. Cy Vance, his wife, Betsy Vance, and the endorsed "
            "candidate for governor, Dan Reyes.")
    assert not [r for r in _graph(text).relations if "lane" in (r.subject, r.object)]


# --- "challenged X on/about Y": a point argued, no race --------------------------------------------


@pytest.mark.parametrize(("text", "race"), [
    ("Ada Ortiz challenged Bo Lane about this line of attack.", False),
    ("When Ada Ortiz challenges Bo Lane on the Obi legacy, she is making a play for black voters.", False),
    ("Ada Ortiz challenged Bo Lane on Tuesday in the Vale primary.", True),
    ("Ada Ortiz is challenging Bo Lane for the Senate seat.", True),
])
def test_challenging_someone_on_a_point_is_no_race(nlp, text: str, race: bool) -> None:
    assert bool(_ties(text, "contest.ran_against", "ada_ortiz", "bo_lane")) is race
