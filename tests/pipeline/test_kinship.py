"""Kinship as encyclopedic prose and news write it, on invented sentences: what makes a family tie
(lists of children and siblings, marriage, birth, "X and his wife Y") and what does not (an in-law,
a step-relative, a wish to marry, alternatives, a name list after one "brother", advice, forecasts)."""

from __future__ import annotations

import pytest

from dossier.pipeline.facts.relations import SYMMETRIC

pytestmark = pytest.mark.slow


def _rels(nlp, text: str):  # type: ignore[no-untyped-def]
    from dossier.extraction import extract

    return extract(text, published="2024-05-01").relations


def _has(rels, typ: str, a: str, b: str, status: str = "asserted") -> bool:  # type: ignore[no-untyped-def]
    for r in rels:
        ends = (r.subject, r.object)
        if r.type == typ and r.status == status and (ends == (a, b) or (typ in SYMMETRIC and ends == (b, a))):
            return True
    return False


def _show(rels) -> list[tuple[str, str | None, str | None, str]]:  # type: ignore[no-untyped-def]
    return [(r.type, r.subject, r.object, r.status) for r in rels]


# (text, ties it must state): each construction, one per line
TIES = [
    ("Tom Berg and his wife, Lena Hart, moved to Tellford in 1990.",
     [("family.spouse", "lena_hart", "tom_berg")]),
    ("Peter Vance is married to Anna Reed, a lawyer.",
     [("family.spouse", "peter_vance", "anna_reed")]),
    ("Peter Vance was married to Anna Reed and Lena Hart at different times.",
     [("family.spouse", "peter_vance", "anna_reed"), ("family.spouse", "peter_vance", "lena_hart")]),
    ("Peter Vance and Anna Reed had a son, Karl Vance.",
     [("family.parent", "peter_vance", "karl_vance"), ("family.parent", "anna_reed", "karl_vance")]),
    ("Peter Vance married Anna Reed in 1990. They have three children: Karl Vance, Maria Vance and Paul Vance.",
     [("family.parent", "peter_vance", "karl_vance"), ("family.parent", "anna_reed", "maria_vance"),
      ("family.sibling", "karl_vance", "paul_vance"), ("family.sibling", "maria_vance", "paul_vance")]),
    ("Peter Vance is a painter. His children include Karl Vance and Maria Vance.",
     [("family.parent", "peter_vance", "karl_vance"), ("family.sibling", "karl_vance", "maria_vance")]),
    ("Tom Berg's siblings Lena Berg and Omar Berg also race.",
     [("family.sibling", "lena_berg", "tom_berg"), ("family.sibling", "lena_berg", "omar_berg")]),
    ("Karl Vance was born to Peter Vance and Anna Reed in Tellford.",
     [("family.parent", "peter_vance", "karl_vance"), ("family.parent", "anna_reed", "karl_vance")]),
    ("Karl Vance was born in Tellford, Ohio, the son of Peter Vance and Anna Reed.",
     [("family.parent", "peter_vance", "karl_vance"), ("family.parent", "anna_reed", "karl_vance")]),
    ("Tom Berg's father was Karl Berg.", [("family.parent", "karl_berg", "tom_berg")]),
    ("Lena Hart spoke first. Her husband, Karl Berg, did not attend the meeting.",
     [("family.spouse", "karl_berg", "lena_hart")]),  # the clause's "not" is not the tie's
    ("Tom Berg is a chef. His parents are Karl Berg and Lena Hart.",
     [("family.parent", "karl_berg", "tom_berg"), ("family.parent", "lena_hart", "tom_berg")]),
    ("Karl Vance is the son of Peter Vance. Maria Vance, Peter Vance's daughter, is a nurse.",
     [("family.sibling", "karl_vance", "maria_vance")]),
    ("Tom Berg's stepson, Karl Holm, died in 2020.", [("family.relative", "karl_holm", "tom_berg")]),
    ("Peter Vance praised his son-in-law, Karl Holm, on Monday.", [("family.relative", "karl_holm", "peter_vance")]),
    ("Peter Vance is best known for his films and his marriage to Anna Reed.",
     [("family.spouse", "peter_vance", "anna_reed")]),
    ("Ruth Calder will be challenging Tomas Ferrer in November.",
     [("contest.ran_against", "ruth_calder", "tomas_ferrer")]),
]

# (text, ties it must NOT state as so, whatever the status: only "negated" or no tie at all)
NOT_TIES = [
    ("Peter Vance praised his son-in-law, Karl Holm, on Monday.", [("family.parent", "peter_vance", "karl_holm")]),
    ("Tom Berg's stepson, Karl Holm, died in 2020.", [("family.parent", "tom_berg", "karl_holm")]),
    ("Peter Vance wanted to marry Anna Reed.", [("family.spouse", "peter_vance", "anna_reed")]),
    ("Peter Vance is not married to Anna Reed.", [("family.spouse", "peter_vance", "anna_reed")]),
    ("Peter Vance spoke of his planned marriage to Anna Reed.", [("family.spouse", "peter_vance", "anna_reed")]),
    ("Anna Reed is the daughter of Lena Hart and Omar Reyes or Karl Berg.",
     [("family.parent", "lena_hart", "anna_reed"), ("family.parent", "karl_berg", "anna_reed")]),
    ("Peter Vance and his brother Omar Vance, Lena Hart and Anna Reed founded the club.",
     [("family.sibling", "lena_hart", "peter_vance"), ("family.sibling", "anna_reed", "peter_vance")]),
    ("Karl Holm spoke first. The Berg brothers, Karl and Tom, spoke next.",
     [("family.sibling", "karl_holm", "tom")]),
    ("The fund paid the Ritz Brothers, Karl Holm, Lena Hart and Anna Reed.",
     [("family.sibling", "karl_holm", "lena_hart"), ("family.sibling", "lena_hart", "anna_reed")]),
    ("Anna Reed's accuser, Karl Holm, spoke to reporters.", [("family.spouse", "karl_holm", "anna_reed")]),
    ("Anna Reed and Karl Holm appeared together at the rally.", [("family.spouse", "anna_reed", "karl_holm")]),
    ("Ruth Calder should endorse Tomas Ferrer, the editorial said.",
     [("political.endorsed", "ruth_calder", "tomas_ferrer")]),
    ("Ruth Calder could defeat Tomas Ferrer in November.", [("contest.defeated", "ruth_calder", "tomas_ferrer")]),
]


@pytest.mark.parametrize(("text", "ties"), TIES)
def test_kinship_ties(nlp, text: str, ties: list[tuple[str, str, str]]) -> None:
    rels = _rels(nlp, text)
    for typ, a, b in ties:
        assert _has(rels, typ, a, b), (typ, a, b, _show(rels))


@pytest.mark.parametrize(("text", "ties"), NOT_TIES)
def test_no_tie_without_explicit_kinship(nlp, text: str, ties: list[tuple[str, str, str]]) -> None:
    rels = _rels(nlp, text)
    for typ, a, b in ties:
        for status in ("asserted", "attributed", "reported", "hedged", "speculative"):  # shown as so
            assert not _has(rels, typ, a, b, status), (typ, a, b, _show(rels))


def test_negated_marriage_is_negated(nlp) -> None:
    rels = _rels(nlp, "Peter Vance is not married to Anna Reed.")
    assert _has(rels, "family.spouse", "peter_vance", "anna_reed", "negated"), _show(rels)


def test_married_pronoun_owner_is_less_sure_than_a_name(nlp) -> None:
    named = _rels(nlp, "Peter Vance and Anna Reed had a son, Karl Vance.")
    pronoun = _rels(nlp, "Peter Vance is a painter. He had a son, Karl Vance.")
    conf = lambda rels: max(r.confidence or 0 for r in rels if r.type == "family.parent")  # noqa: E731
    assert conf(pronoun) < conf(named)


def test_a_marriage_under_a_modal_is_imagined(nlp) -> None:
    rels = _rels(nlp, "Peter Vance would be married to Anna Reed by now if not for the war.")
    assert not any(r.type == "family.spouse" for r in rels), _show(rels)
    rels = _rels(nlp, "Peter Vance was married to Anna Reed until 2010.")
    assert _has(rels, "family.spouse", "peter_vance", "anna_reed", "asserted"), _show(rels)
    # "'d" before a participle is "had", no modal
    rels = _rels(nlp, "Anna Reed spoke on Monday. She'd been married to Peter Vance for 30 years.")
    assert _has(rels, "family.spouse", "anna_reed", "peter_vance", "asserted"), _show(rels)
