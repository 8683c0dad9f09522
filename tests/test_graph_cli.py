"""The graph commands end to end: a store of hand-built graphs (fast), and examples/ plus the reference
article through the real pipeline (slow)."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from typer.testing import CliRunner

from dossier.cli import app
from dossier.store import Store

from .conftest import EXAMPLES
from .test_graph import chain, trump_articles

runner = CliRunner()


def run(*args: str) -> object:
    return runner.invoke(app, list(args), catch_exceptions=False)


@pytest.fixture
def db(tmp_path: Path) -> str:
    path = tmp_path / "g.db"
    with Store(path) as s:
        for g in (*trump_articles(), *chain()):
            s.ingest(g)
    return str(path)


def test_queries_print_json(db: str) -> None:
    ties = json.loads(run("ties", "Trump", "Hana Quell", "--db", db, "--json").stdout)
    assert {e["type"] for e in ties["edges"]} == {"contest.defeated"}
    assert "picked" not in (ties["a"]["note"] or "")
    path = json.loads(run("path", "Ada Brandt", "Rhea Voss", "--db", db, "--json").stdout)
    assert path["paths"][0]["length"] == 3
    net = json.loads(run("network", "Tove Lind", "--depth", "1", "--db", db, "--json").stdout)
    assert {n["name"] for n in net["nodes"]} == {"Tove Lind", "Ada Brandt", "Omar Sayed"}
    hits = json.loads(run("search", "harbour gala", "--db", db, "--json").stdout)
    assert hits["total"] == 1
    why = json.loads(run("why", "Donald Trump", "--db", db, "--json").stdout)
    assert len(why["forms"]) == 2
    assert run("show", "Hana Quell", "--db", db, "--status", "asserted").exit_code == 0
    assert run("show", "Hana Quell", "--db", db, "--status", "sure").exit_code == 2


def test_lookup_errors_list_matches_or_suggest(db: str) -> None:
    missing = run("show", "x", "--db", db, "--json")
    assert missing.exit_code == 1 and json.loads(missing.stderr)["error"]["code"] == "D404"
    typo = json.loads(run("show", "Omar Sayid", "--db", db, "--json").stderr)["error"]
    assert "did you mean 'Omar Sayed'" in typo["message"]
    same = run("ties", "Trump", "Donald Trump", "--db", db)
    assert same.exit_code == 1 and "same entity" in same.stderr


def test_ambiguous_name_lists_the_candidates(db: str) -> None:
    with Store(db) as s:
        from .test_graph import article

        s.ingest(article("t9", "2018-01-01", "L", [("Bill Quell", "male")]))
    out = run("show", "Quell", "--db", db, "--json")
    assert out.exit_code == 1
    shape = json.loads(out.stderr)["error"]
    assert shape["code"] == "D409" and "Hana Quell" in shape["message"] and "Bill Quell" in shape["message"]
    text = run("show", "Quell", "--db", db)
    assert "Bill Quell" in text.stderr and "#" in text.stderr


def test_corrections_and_export_from_the_command_line(db: str, tmp_path: Path) -> None:
    assert json.loads(run("merge", "Ada Brandt", "Tove Lind", "--db", db, "--json").stdout)["kind"] == "merge"
    assert run("alias", "add", "Ada Brandt", "Ada B. Lind", "--db", db).exit_code == 0
    assert run("distinct", "Omar Sayed", "Rhea Voss", "--db", db).exit_code == 0
    assert run("split", "Ada Brandt", "--article", "c2", "--db", db).exit_code == 0
    assert run("resolve", "--db", db).exit_code == 0
    out = tmp_path / "out"
    result = json.loads(run("export", "--format", "jsonl", "--out", str(out), "--db", db, "--json").stdout)
    assert [Path(f).name for f in result["files"]] == ["nodes.jsonl", "edges.jsonl", "decisions.jsonl"]
    kinds = [json.loads(line)["kind"] for line in (out / "decisions.jsonl").read_text().splitlines()]
    assert kinds == ["merge", "alias", "distinct", "split"]
    assert run("export", "--format", "pdf", "--out", str(out), "--db", db).exit_code == 2


@pytest.mark.slow
def test_examples_and_the_reference_article(nlp, seed: Path, tmp_path: Path) -> None:
    db = str(tmp_path / "ex.db")
    assert run("ingest", str(EXAMPLES), str(seed), "--db", db).exit_code == 0
    people = json.loads(run("people", "--db", db, "--limit", "500", "--json").stdout)
    assert [p["name"] for p in people if p["name"].endswith("Harris") and p["name"].startswith("Kamala")] == [
        "Kamala Harris"]
    assert [p["name"] for p in people if p["name"] in ("Hillary Clinton", "Clinton")] == ["Hillary Clinton"]
    ties = json.loads(run("ties", "Kamala Harris", "Hillary Clinton", "--db", db, "--json").stdout)
    friendship = next(e for e in ties["edges"] if e["type"] == "social.friendship")
    assert friendship["status"] == "asserted" and friendship["sources"]
    assert all(s["status"] and s["sentence"] for s in friendship["sources"])
    out = tmp_path / "export"
    assert run("export", "--format", "jsonl", "--out", str(out), "--db", db).exit_code == 0
    edges = [json.loads(line) for line in (out / "edges.jsonl").read_text().splitlines()]
    endorsed = [e for e in edges if e["type"] == "political.endorsed" and e["target"] == "p:kamala-harris"]
    assert any(e["source"] == "group:the-clintons" and e["start"] == "2024-07-21" for e in endorsed)
