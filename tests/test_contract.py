"""Real extraction output against the shared JSON Schema and the span rules of the contract."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

import dossier
from dossier.graph import ArticleGraph
from dossier.read import read_all

from .conftest import EXAMPLES


def _spans(graph: dict) -> list[dict]:
    out = []
    for ent in graph["entities"]:
        out.extend(ent["mentions"])
    out.extend(graph["times"])
    for q in graph["quotes"]:
        out.extend(s for s in (q["span"], q.get("speaker_span"), q.get("cue")) if s)
    for fact in graph["roles"] + graph["relations"] + graph["events"]:
        if fact.get("evidence"):
            out.append(fact["evidence"])
    out.extend(c["span"] for c in graph["claims"])
    return out


@pytest.fixture(scope="module")
def graphs() -> list[dict]:
    articles = read_all([EXAMPLES]).articles
    assert len(articles) >= 8
    return [dossier.extract(a).to_dict() for a in articles]


@pytest.mark.slow
def test_every_span_matches_its_text(graphs: list[dict]) -> None:
    for graph in graphs:
        art = graph["article"]
        for span in _spans(graph):
            source = art["title"] if span.get("in") == "title" else art["body"]
            assert 0 <= span["start"] <= span["end"] <= len(source)
            if "text" in span:
                assert source[span["start"] : span["end"]] == span["text"]


@pytest.mark.slow
def test_entity_references_resolve(graphs: list[dict]) -> None:
    for graph in graphs:
        ids = {e["id"] for e in graph["entities"]}
        assert len(ids) == len(graph["entities"])
        refs = [q["speaker"] for q in graph["quotes"]] + [q.get("addressee") for q in graph["quotes"]]
        refs += [r["subject"] for r in graph["relations"]] + [r["object"] for r in graph["relations"]]
        refs += [r["person"] for r in graph["roles"]]
        refs += [p["entity"] for e in graph["events"] for p in e["participants"]]
        assert {r for r in refs if r is not None} <= ids


@pytest.mark.slow
def test_round_trip(graphs: list[dict]) -> None:
    for graph in graphs:
        assert ArticleGraph.from_dict(graph).to_dict() == graph


@pytest.mark.slow
@pytest.mark.shared
def test_output_validates_against_the_shared_schema(graphs: list[dict], shared: Path) -> None:
    jsonschema = pytest.importorskip("jsonschema")
    schema = json.loads((shared / "contract" / "article-graph.schema.json").read_text(encoding="utf-8"))
    validator = jsonschema.Draft202012Validator(schema)
    for graph in graphs:
        errors = sorted(validator.iter_errors(graph), key=lambda e: list(e.path))
        assert not errors, [f"{list(e.path)}: {e.message}" for e in errors[:5]]


@pytest.mark.slow
@pytest.mark.shared
def test_reference_article_validates_and_finds_its_people(seed: Path, shared: Path) -> None:
    jsonschema = pytest.importorskip("jsonschema")
    schema = json.loads((shared / "contract" / "article-graph.schema.json").read_text(encoding="utf-8"))
    (article,) = read_all([seed]).articles
    graph = dossier.extract(article).to_dict()
    jsonschema.validate(graph, schema)
    gold = json.loads(seed.with_suffix("").with_suffix(".gold.json").read_text(encoding="utf-8"))
    from dossier.evaluate import score

    report = score(gold, graph).to_dict()
    ents = report["sections"]["entities"]
    assert ents["must"]["found"] == ents["must"]["total"]
    assert ents["precision"] >= 0.9
    assert not [i for i in ents["issues"] if i["kind"] in {"dirty_name", "split", "type"}]
