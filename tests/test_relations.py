"""Relations on invented sentences: one case per type family, and the traps (quote, imagined, negated)."""

from __future__ import annotations

import pytest

from dossier.pipeline.relations import SYMMETRIC, dedupe

pytestmark = pytest.mark.slow


def _rels(nlp, text: str, published: str = "2024-05-01"):  # type: ignore[no-untyped-def]
    from dossier.extraction import extract

    return extract(text, published=published).relations


def _has(rels, typ: str, a: str, b: str, status: str | None = None) -> bool:  # type: ignore[no-untyped-def]
    for r in rels:
        ends = (r.subject, r.object)
        same = ends == (a, b) or (typ in SYMMETRIC and ends == (b, a))
        if r.type == typ and same and (status is None or r.status == status):
            return True
    return False


CASES = [
    ("Nadia Orlov's brother, Pavel Orlov, runs a bakery in Tellford.", "family.sibling", "pavel_orlov", "nadia_orlov"),
    ("Greta Lind, Oskar Brandt's wife, opened the gallery in 2019.", "family.spouse", "greta_lind", "oskar_brandt"),
    ("Tom Berg's father, Karl Berg, died in 2020.", "family.parent", "karl_berg", "tom_berg"),
    ("Marta Quinn and Elena Voss are friends.", "social.friendship", "marta_quinn", "elena_voss"),
    ("Tom Berg's brother, Karl Berg, resigned, and Tom Berg criticized Maria Lopez.",
     "political.criticized", "tom_berg", "maria_lopez"),
    ("Senator Ruth Calder endorsed Tomas Ferrer for mayor on Monday.",
     "political.endorsed", "ruth_calder", "tomas_ferrer"),
    ("Ivo Kessel lost to Dana Marsh in the 2022 primary.", "contest.defeated", "dana_marsh", "ivo_kessel"),
    ("Sam Reed studied at Calder University last year.", "education.studied_at", "sam_reed", "calder_university"),
    ("Maria Lopez joined the Vale Democratic Party in 1999.",
     "membership.member_of", "maria_lopez", "vale_democratic_party"),
    ("Sam Reed worked for Maria Lopez from 2015 to 2017.", "professional.worked_for", "sam_reed", "maria_lopez"),
]


@pytest.mark.parametrize(("text", "typ", "a", "b"), CASES)
def test_relation_types(nlp, text: str, typ: str, a: str, b: str) -> None:
    rels = _rels(nlp, text)
    assert _has(rels, typ, a, b, "asserted"), [(r.type, r.subject, r.object, r.status) for r in rels]


def test_endorsing_statement_takes_subject_of_release(nlp) -> None:
    rels = _rels(nlp, "The Calders released a statement endorsing Tomas Ferrer on Monday.")
    assert _has(rels, "political.endorsed", "the_calders", "tomas_ferrer")


def test_both_lost_to_the_same_opponent_gives_two_defeats(nlp) -> None:
    rels = _rels(nlp, "Ivo Kessel and Petra Lund both lost their bids to the same opponent, Dana Marsh.")
    assert _has(rels, "contest.defeated", "dana_marsh", "ivo_kessel")
    assert _has(rels, "contest.defeated", "dana_marsh", "petra_lund")


def test_two_relations_in_one_sentence(nlp) -> None:
    rels = _rels(nlp, "Tom Berg's brother, Karl Berg, resigned, and Tom Berg criticized Maria Lopez.")
    assert _has(rels, "family.sibling", "karl_berg", "tom_berg")
    assert _has(rels, "political.criticized", "tom_berg", "maria_lopez")


def test_time_of_the_clause(nlp) -> None:
    rels = _rels(nlp, "Ivo Kessel lost to Dana Marsh in the 2022 primary.")
    assert any(r.type == "contest.defeated" and r.when == "2022" for r in rels)


def test_relation_in_quote_is_attributed_to_speaker(nlp) -> None:
    rels = _rels(nlp, '"Maria Lopez and Tom Berg are close friends," said Mara Feld.')
    friends = [r for r in rels if r.type == "social.friendship"]
    assert friends, rels
    assert all(r.status == "attributed" and r.source == "mara_feld" for r in friends)


def test_negated_friendship(nlp) -> None:
    rels = _rels(nlp, "Marta Quinn and Elena Voss met in 2010. They were never friends.")
    friends = [r for r in rels if r.type == "social.friendship"]
    assert friends and all(r.status == "negated" for r in friends)


@pytest.mark.parametrize("text", [
    "A comedy sketch that imagined Maria Lopez marrying Tom Berg drew millions of views.",
    "What if Maria Lopez had endorsed Tom Berg? She would have won the race.",
    "A parody video imagined Maria Lopez and Tom Berg giggling like close friends.",
])
def test_imagined_scenes_give_no_fact(nlp, text: str) -> None:
    rels = _rels(nlp, text)
    assert not [r for r in rels if r.status != "hypothetical"], rels


def test_no_relation_with_oneself_or_a_place(nlp) -> None:
    rels = _rels(nlp, "Maria Lopez's sister, Maria Lopez, visited Tellford.")
    assert not [r for r in rels if r.subject == r.object]


def test_dedupe_merges_symmetric_duplicates() -> None:
    from dossier.graph import Relation, Span

    ev = Span(0, 5, "x")
    rels = [Relation("social.friendship", "a", "b", ev), Relation("social.friendship", "b", "a", ev, when="2020")]
    out = dedupe(rels)
    assert len(out) == 1 and out[0].when == "2020"
