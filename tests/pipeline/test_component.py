"""The component protocol: failures stay with their article, order is checked, status keeps to its own keys."""

from __future__ import annotations

import pickle

import pytest
import spacy
from spacy.language import Language

from dossier.errors import ModelError
from dossier.pipeline import check_order, doc_state, factories, lexicons, load, record_failure
from dossier.pipeline.times import TimeFinder

TEXTS = ["Ada Obi spoke on Monday.", "BOOM on Tuesday.", "Kim Osk left on Friday."]


def blank_pipeline() -> Language:
    """All dossier components on a tokenizer and sentencizer: no model, no parse, nothing to find."""
    assert factories.ParagraphMarker  # the module registers the factories
    nlp = spacy.blank("en")
    nlp.add_pipe("sentencizer")
    for name in ("dossier_paragraphs", "dossier_entities", "dossier_coref", "dossier_times", "dossier_quotes",
                 "dossier_status", "dossier_relations"):
        nlp.add_pipe(name)
    return nlp


def test_a_failing_component_is_recorded_and_the_batch_goes_on(monkeypatch: pytest.MonkeyPatch) -> None:
    calls: list[str] = []
    real = TimeFinder.match

    def flaky(self, doc):  # type: ignore[no-untyped-def]
        calls.append(doc.text)
        if "BOOM" in doc.text:
            raise RuntimeError("no clock")
        return real(self, doc)

    monkeypatch.setattr(TimeFinder, "match", flaky)
    nlp = blank_pipeline()
    nlp.set_error_handler(record_failure)
    docs = list(nlp.pipe(TEXTS))
    assert [d.text for d in docs] == TEXTS and calls == TEXTS  # every article once, in order
    assert doc_state.failures(docs[1]) == [{"component": "dossier_times", "error": "RuntimeError: no clock"}]
    assert doc_state.failures(docs[0]) == doc_state.failures(docs[2]) == []
    # the components after it that read times wrote nothing on the failed article, and ran on the others
    assert doc_state.QUOTES not in docs[1].user_data and doc_state.CLAIMS not in docs[1].user_data
    assert doc_state.RELATIONS not in docs[1].user_data
    assert doc_state.RELATIONS in docs[0].user_data and doc_state.TIMES in docs[2].user_data
    # nlp(doc) behaves the same
    assert doc_state.failures(nlp("BOOM again."))[0]["component"] == "dossier_times"


def test_without_the_handler_a_failure_raises(monkeypatch: pytest.MonkeyPatch) -> None:
    def broken(self, doc):  # type: ignore[no-untyped-def]
        raise RuntimeError("no clock")

    monkeypatch.setattr(TimeFinder, "match", broken)
    with pytest.raises(RuntimeError, match="no clock"):
        blank_pipeline()("Ada Obi spoke.")


def test_the_handler_pickles() -> None:
    assert pickle.loads(pickle.dumps(record_failure)) is record_failure


def test_a_failure_with_no_doc_is_raised_again() -> None:
    # spaCy calls the handler with no Doc when a worker process fails outside a component
    with pytest.raises(ValueError, match="worker died"):
        record_failure(None, None, None, ValueError("worker died"))


def test_a_wrong_order_fails_loudly() -> None:
    nlp = spacy.blank("en")
    nlp.add_pipe("dossier_quotes")
    nlp.add_pipe("dossier_times")
    with pytest.raises(ModelError, match=r"dossier_quotes requires doc\._\.dossier_times"):
        check_order(nlp)
    check_order(blank_pipeline())  # the real order passes


def test_an_unknown_component_is_an_error() -> None:
    with pytest.raises(ModelError, match="dossier_nope"):
        load(components=("dossier_times", "dossier_nope"))


def test_annotations_are_readable_as_extensions() -> None:
    doc = blank_pipeline()("Kim Osk left on Friday.")
    assert doc._.dossier_times[doc_state.TIMES] == doc_state.section(doc, doc_state.TIMES)
    assert set(doc._.dossier_facts) == {doc_state.ROLES, doc_state.RELATIONS, doc_state.EVENTS}


@pytest.mark.slow
def test_status_refines_a_quote_without_rewriting_it(nlp) -> None:
    doc = nlp("Ada Obi said the plan might possibly fail.")
    (quote,) = doc_state.section(doc, doc_state.QUOTES)
    assert quote.status == "attributed"  # the quote component's own reading, untouched
    assert doc_state.quote_status(doc, quote) == "speculative"


def test_one_title_list() -> None:
    words = lexicons.title_words()
    assert {"sen", "sen.", "senator", "governor", "gov", "mr"} <= words
    assert "" not in words and all(w == w.lower() for w in words)


def test_lexicons_load_from_owner_folders() -> None:
    assert {"not", "never"} <= lexicons.load("status/negations")
    assert lexicons.pairs("times/seasons")
    assert "nouns" in lexicons.json("facts/org_references")
    assert "say" in lexicons.table("quotes/cue_frames")
