"""The shared parse helpers (:mod:`dossier.pipeline.syntax`) on hand-built parses."""

from __future__ import annotations

from dossier.pipeline import syntax

from ..conftest import parsed

FACTS = {"borrow": frozenset({"conj", "xcomp", "advcl"}), "steps": 6}


def urged():  # type: ignore[no-untyped-def]
    # "Ada Obi urged Kim Osk to run ."
    return parsed(
        ["Ada", "Obi", "urged", "Kim", "Osk", "to", "run", "."],
        heads=[1, 2, 2, 4, 2, 6, 2, 2],
        deps=["compound", "nsubj", "ROOT", "compound", "dobj", "aux", "xcomp", "punct"],
        pos=["PROPN", "PROPN", "VERB", "PROPN", "PROPN", "PART", "VERB", "PUNCT"],
        lemmas=["Ada", "Obi", "urge", "Kim", "Osk", "to", "run", "."],
    )


def test_object_control_is_a_parameter() -> None:
    doc = urged()
    assert syntax.subject_of(doc[6], **FACTS, control=True).text == "Osk"
    assert syntax.subject_of(doc[6], **FACTS).text == "Obi"  # without control: the borrowed subject


def test_subject_control_verbs_keep_their_own_subject() -> None:
    # "Ada Obi promised Kim Osk to run ."
    doc = urged()
    promised = parsed([t.text for t in doc], heads=[t.head.i for t in doc], deps=[t.dep_ for t in doc],
                      pos=[t.pos_ for t in doc], lemmas=["Ada", "Obi", "promise", "Kim", "Osk", "to", "run", "."])
    assert syntax.subject_of(promised[6], **FACTS, control=True).text == "Obi"


def test_relative_clause_subject_is_its_head_or_the_head_clause() -> None:
    # "Obi met the aide who resigned ."
    doc = parsed(
        ["Obi", "met", "the", "aide", "who", "resigned", "."],
        heads=[1, 1, 3, 1, 5, 3, 1],
        deps=["nsubj", "ROOT", "det", "dobj", "nsubj", "relcl", "punct"],
        pos=["PROPN", "VERB", "DET", "NOUN", "PRON", "VERB", "PUNCT"],
    )
    # "who" is the verb's own subject; without it the relative clause climbs or stops as asked
    assert syntax.subject_of(doc[5], borrow=(), steps=4).text == "who"
    assert syntax.subject_of(doc[5], borrow=(), steps=4, skip=(4,)).text == "aide"
    # without relcl_head the clause climbs to the noun, which has no subject of its own
    assert syntax.subject_of(doc[5], borrow={"relcl"}, steps=4, relcl_head=False, skip=(4,)) is None


def test_steps_limit_the_climb() -> None:
    # "Obi left and resigned ." -- the conjunct borrows the subject one step up
    doc = parsed(
        ["Obi", "left", "and", "resigned", "."],
        heads=[1, 1, 1, 1, 1],
        deps=["nsubj", "ROOT", "cc", "conj", "punct"],
        pos=["PROPN", "VERB", "CCONJ", "VERB", "PUNCT"],
    )
    assert syntax.subject_of(doc[3], borrow={"conj"}, steps=2).text == "Obi"
    assert syntax.subject_of(doc[3], borrow={"conj"}, steps=1) is None
    assert syntax.subject_of(doc[3], borrow=(), steps=4) is None


def test_expl_counts_for_an_own_clause_not_for_the_subject() -> None:
    # "There is a plan ."
    doc = parsed(["There", "is", "a", "plan", "."], heads=[1, 1, 3, 1, 1],
                 deps=["expl", "ROOT", "det", "attr", "punct"], pos=["PRON", "VERB", "DET", "NOUN", "PUNCT"])
    assert syntax.has_subject(doc[1])
    assert syntax.direct_subject(doc[1]) is None
    assert syntax.direct_subject(doc[1], syntax.CLAUSE_SUBJECTS).text == "There"


def test_clause_head_and_clause_tokens() -> None:
    doc = urged()
    assert syntax.clause_head(doc[4]).text == "urged"
    assert syntax.clause_head(doc[3], steps=1).text == "Osk"  # stopped after one step
    assert syntax.highest([doc[3], doc[4], doc[6]]).text == "Osk"
    assert [t.text for t in syntax.clause_tokens([doc[4]])] == [t.text for t in doc]  # xcomp is no break
    assert [t.text for t in syntax.heads_above(doc[3], 5)] == ["Osk", "urged"]
