"""Ingest orchestration: a failure inside extraction loses one article, never the batch."""

from __future__ import annotations

from pathlib import Path

import pytest

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
