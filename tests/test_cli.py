"""The command line, run as a user would (Typer's runner, real files, a real store)."""

from __future__ import annotations

import json
import shutil
import sqlite3
from pathlib import Path

import pytest
from typer.testing import CliRunner

from dossier.cli import app

from .conftest import EXAMPLES

runner = CliRunner()
COMMANDS = ["extract", "ingest", "people", "show", "quotes", "ties", "timeline", "eval", "path", "network", "search",
            "why", "merge", "distinct", "split", "resolve", "export", "spark"]

ARTICLE = """date 2024-04-11 Harbor Board Names New Chair
Nadia Ferreira was named chair of the Port Aster harbor board on Wednesday.
"We have a lot of dredging to do," Ferreira told the Aster Courier.
"""

BROKEN_JSONL = (
    '{"id": "a1", "published": "2024-04-12", "title": "Pier", "body": "Omar Lindqvist opened the pier."}\n'
    "[1, 2]\n"
)


def run(*args: str) -> object:
    return runner.invoke(app, list(args), catch_exceptions=False)


@pytest.mark.parametrize("command", COMMANDS)
def test_every_command_has_help_and_is_documented(command: str) -> None:
    result = run(command, "--help")
    assert result.exit_code == 0
    assert "Usage" in result.output
    readme = (EXAMPLES.parent / "README.md").read_text(encoding="utf-8")
    assert f"dossier {command}" in readme


@pytest.mark.slow
def test_extract_prints_the_contract(tmp_path: Path) -> None:
    path = tmp_path / "harbor.txt"
    path.write_text(ARTICLE, encoding="utf-8")
    result = run("extract", str(path))
    assert result.exit_code == 0
    graph = json.loads(result.stdout)
    assert set(graph) >= {"article", "entities", "times", "quotes", "roles", "relations", "events", "claims"}
    body = graph["article"]["body"]
    ferreira = next(e for e in graph["entities"] if e["name"] == "Nadia Ferreira")
    assert ferreira["type"] == "PERSON"
    for mention in ferreira["mentions"]:
        assert body[mention["start"] : mention["end"]] == mention["text"]


HEDGED = """date 2024-04-11 Harbor Board Names New Chair
Nadia Ferreira was named chair of the Port Aster harbor board on Wednesday.
In the skit, Ferreira is the queen of the harbor.
"""


@pytest.mark.slow
def test_extract_shows_what_users_see_and_all_shows_everything(tmp_path: Path) -> None:
    path = tmp_path / "harbor.txt"
    path.write_text(HEDGED, encoding="utf-8")
    shown = json.loads(run("extract", str(path)).stdout)
    everything = json.loads(run("extract", "--all", str(path)).stdout)
    none = json.loads(run("extract", "--min-confidence", "1", str(path)).stdout)
    for kind in ("quotes", "roles", "relations", "events"):
        assert all(0 <= f["confidence"] <= 1 for f in everything[kind])
        assert all(f["status"] != "hypothetical" for f in shown[kind])
        assert len(shown[kind]) <= len(everything[kind])
        assert all(f["confidence"] >= 1 for f in none[kind])
    assert any(r["title"] == "chair" for r in shown["roles"])
    assert shown["entities"] == everything["entities"]


@pytest.mark.slow
def test_extract_jsonl_and_a_bad_line(tmp_path: Path) -> None:
    path = tmp_path / "batch.jsonl"
    path.write_text(BROKEN_JSONL, encoding="utf-8")
    result = runner.invoke(app, ["extract", "--format", "jsonl", str(path)])
    assert result.exit_code == 1  # one line failed
    lines = [json.loads(line) for line in result.stdout.splitlines() if line.strip()]
    assert [g["article"]["id"] for g in lines] == ["a1"]
    assert f"{path}:2" in result.stderr


@pytest.mark.slow
def test_ingest_is_idempotent_and_survives_a_broken_file(tmp_path: Path) -> None:
    folder = tmp_path / "batch"
    folder.mkdir()
    for i, src in enumerate(sorted(EXAMPLES.glob("*.txt"))[:3]):
        shutil.copy(src, folder / f"{i}_{src.name}")
        if i == 0:
            (folder / "1a_broken.txt").write_bytes(b"date 2024-01-01 Broken\n\x00\x01\x02binary")
    db = tmp_path / "d.db"
    first = runner.invoke(app, ["ingest", str(folder), "--db", str(db), "--json"])
    assert first.exit_code == 1
    summary = json.loads(first.stdout)
    assert summary["stored"] == 3 and summary["failed"] == 1
    assert any("1a_broken.txt" in p["where"] and p["kind"] == "binary" for p in summary["problems"])

    def counts() -> dict[str, int]:
        with sqlite3.connect(db) as conn:
            tables = [r[0] for r in conn.execute("SELECT name FROM sqlite_master WHERE type='table'")]
            return {t: conn.execute(f"SELECT count(*) FROM {t}").fetchone()[0] for t in tables}

    before = counts()
    second = runner.invoke(app, ["ingest", str(folder), "--db", str(db), "--json"])
    assert json.loads(second.stdout)["unchanged"] == 3
    assert counts() == before
    assert before["articles"] == 3


@pytest.mark.slow
def test_people_show_and_not_found(tmp_path: Path) -> None:
    path = tmp_path / "harbor.txt"
    path.write_text(ARTICLE, encoding="utf-8")
    db = str(tmp_path / "d.db")
    assert run("ingest", str(path), "--db", db).exit_code == 0
    people = json.loads(run("people", "--db", db, "--json").stdout)
    assert people[0]["name"] == "Nadia Ferreira" and people[0]["articles"] == 1
    profile = json.loads(run("show", "Ferreira", "--db", db, "--json").stdout)
    assert profile["name"] == "Nadia Ferreira"
    assert "Ferreira" in profile["aliases"]
    assert profile["articles"][0]["published"] == "2024-04-11"
    table = run("show", "Nadia Ferreira", "--db", db)
    assert "Nadia Ferreira" in table.stdout
    quotes = run("quotes", "Nadia Ferreira", "--db", db, "--json")
    assert [(q["cue"], q["text"]) for q in json.loads(quotes.stdout)] == [("told", "We have a lot of dredging to do,")]
    assert "told" in run("quotes", "Nadia Ferreira", "--db", db).stdout  # the cue is a column of the table
    missing = runner.invoke(app, ["show", "Nobody Atall", "--db", db])
    assert missing.exit_code == 1
    assert "error" in missing.stderr.lower()


def test_query_without_a_store_is_a_clear_error(tmp_path: Path) -> None:
    result = runner.invoke(app, ["people", "--db", str(tmp_path / "none.db")])
    assert result.exit_code == 1
    assert "dossier ingest" in result.stderr


def test_bad_format_is_a_usage_error(tmp_path: Path) -> None:
    result = runner.invoke(app, ["extract", "--format", "xml", str(tmp_path)])
    assert result.exit_code == 2
