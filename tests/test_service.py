"""Ingest orchestration: a failure inside extraction loses one article, never the batch."""

from __future__ import annotations

from pathlib import Path

import pytest
import spacy
from spacy.language import Language
from spacy.pipeline import Pipe
from spacy.tokens import Doc

from dossier import service
from dossier.graph import Article
from dossier.store import Store

ARTICLES = [
    "date 2024-02-01 Ferry Fares\nCaptain Ines Morrow said fares would rise in March.",
    "date 2024-02-02 Ferry Strike\nEXPLODE Deckhands led by Rui Salgado walked out on Friday.",
    "date 2024-02-03 Ferry Deal\nMorrow and Salgado signed a deal at the harbor office.",
]


@pytest.mark.slow
def test_a_failing_article_is_reported_and_the_rest_are_stored(tmp_path: Path, monkeypatch) -> None:
    for i, text in enumerate(ARTICLES):
        (tmp_path / f"{i}.txt").write_text(text, encoding="utf-8")
    real = service.doc_to_graph

    def flaky(doc, article: Article):
        if "EXPLODE" in article.body:
            raise RuntimeError("component blew up")
        return real(doc, article)

    monkeypatch.setattr(service, "doc_to_graph", flaky)
    db = tmp_path / "d.db"
    summary = service.ingest([tmp_path], db=db)
    assert summary.stored == 2
    assert [(p.kind, Path(p.where).name) for p in summary.failed] == [("extract", "1.txt")]
    assert "component blew up" in summary.failed[0].reason
    with Store(db) as store:
        assert store.counts()["articles"] == 2

    monkeypatch.setattr(service, "doc_to_graph", real)
    again = service.ingest([tmp_path], db=db)
    assert (again.stored, again.unchanged, again.ok) == (1, 2, True)


def test_default_db_follows_the_environment(monkeypatch) -> None:
    monkeypatch.setenv("DOSSIER_DB", "/tmp/elsewhere.db")
    assert service.default_db() == "/tmp/elsewhere.db"
    monkeypatch.delenv("DOSSIER_DB")
    assert service.default_db() == "dossier.db"


# --- a component failure stays with its article (blank pipeline, no model) ------------------------------

CALLS: list[str] = []  # the body of every document a test component saw, in order


class FlakyPipe(Pipe):
    """Raises on a document holding BOOM, through the handler the pipeline gives it (as spaCy's own pipes do)."""

    def __init__(self, nlp: Language, name: str) -> None:
        self.name = name

    def __call__(self, doc: Doc) -> Doc:
        handler = self.get_error_handler()
        CALLS.append(doc.text)
        try:
            if "BOOM" in doc.text:
                raise ValueError("cannot read this one")
        except Exception as exc:
            handler(self.name, self, [doc], exc)
        return doc


@Language.factory("test_flaky_pipe")
def make_flaky_pipe(nlp: Language, name: str) -> FlakyPipe:
    return FlakyPipe(nlp, name)


@Language.component("test_flaky_function")
def flaky_function(doc: Doc) -> Doc:
    """A plain function component that raises: spaCy drops its Doc from ``nlp.pipe``."""
    CALLS.append(doc.text)
    if "BANG" in doc.text:
        raise RuntimeError("function component broke")
    return doc


def _blank(component: str) -> Language:
    nlp = spacy.blank("en")
    nlp.add_pipe(component)
    return nlp


def _articles(bodies: list[str]) -> list[Article]:
    return [Article(id=f"a{i}", title="", body=b, source=f"batch.jsonl:{i + 1}") for i, b in enumerate(bodies)]


@pytest.mark.parametrize(("component", "mark", "reason"), [
    ("test_flaky_pipe", "BOOM", "ValueError: cannot read this one"),
    ("test_flaky_function", "BANG", "RuntimeError: function component broke"),
])
@pytest.mark.parametrize("batch_size", [1, 2, 8])
def test_a_failing_component_loses_only_its_article(
    monkeypatch, component: str, mark: str, reason: str, batch_size: int
) -> None:
    nlp = _blank(component)
    monkeypatch.setattr(service.pipeline, "load", lambda model=None: nlp)
    bodies = ["Ada Quill rowed home.", f"{mark} Bo Tran sang.", "Cy Marsh left early.", f"Dee {mark} wrote.",
              "Eli Penn stayed."]
    CALLS.clear()
    outcomes = list(service.extract_articles(_articles(bodies), batch_size=batch_size))
    assert [o.where for o in outcomes] == [f"batch.jsonl:{i}" for i in range(1, 6)]
    problems = {o.where: o.problem for o in outcomes if o.problem}
    assert sorted(problems) == ["batch.jsonl:2", "batch.jsonl:4"]
    assert {(p.kind, p.reason) for p in problems.values()} == {(f"component:{component}", reason)}
    assert all(o.graph is None for o in outcomes if o.problem)
    assert [o.graph.article.body for o in outcomes if o.graph] == [bodies[0], bodies[2], bodies[4]]
    assert sorted(CALLS) == sorted(bodies)  # every article went through the component exactly once


# With jobs > 1 each worker process runs the same _extract_chunk as above (spawned, so a monkeypatch does
# not reach it); that a worker's failure or crash loses only its own batch is tested in test_workers.py.


def test_extract_raises_a_coded_error_when_a_component_failed(monkeypatch) -> None:
    from dossier.errors import ExtractError
    from dossier.extraction import extract

    nlp = _blank("test_flaky_pipe")
    nlp.set_error_handler(service.record_failure)
    monkeypatch.setattr("dossier.extraction.pipeline.load", lambda model=None: nlp)
    assert extract("A calm day.").article.body == "A calm day."
    with pytest.raises(ExtractError, match=r"\[D500\] .*component test_flaky_pipe failed: ValueError"):
        extract("BOOM went the day.")


@pytest.mark.slow
def test_a_component_failing_in_the_real_pipeline_is_reported_by_name(tmp_path: Path, monkeypatch, nlp) -> None:
    component = nlp.get_pipe("dossier_relations")
    real = component.match
    seen: list[str] = []

    def flaky(doc: Doc) -> object:
        seen.append(doc.text)
        if "EXPLODE" in doc.text:
            raise RuntimeError("relations blew up")
        return real(doc)

    monkeypatch.setattr(component, "match", flaky)
    monkeypatch.setattr(service.pipeline, "load", lambda model=None: nlp)  # the session's pipeline, patched
    for i, text in enumerate(ARTICLES):
        (tmp_path / f"{i}.txt").write_text(text, encoding="utf-8")
    outcomes = list(service.extract_paths(sorted(tmp_path.iterdir())))
    assert [Path(o.where).name for o in outcomes] == ["0.txt", "1.txt", "2.txt"]
    bad = outcomes[1].problem
    assert bad is not None and outcomes[1].graph is None
    assert (bad.kind, bad.reason) == ("component:dossier_relations", "RuntimeError: relations blew up")
    assert all(o.graph is not None and o.problem is None for o in (outcomes[0], outcomes[2]))
    assert any(e.name == "Ines Morrow" for e in outcomes[0].graph.entities)
    assert len(seen) == 3
