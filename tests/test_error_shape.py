"""One error shape for the command line: with ``--json`` an error is exactly
``{"error": {"code", "message", "where"}}`` on stderr and a non-zero exit; without it, a coded line."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import pytest
from typer.testing import CliRunner

from dossier.cli import app
from dossier.graph import Article, ArticleGraph, Entity, Mention
from dossier.store import Store

runner = CliRunner()


def run(*args: str) -> Any:
    return runner.invoke(app, list(args), catch_exceptions=False)


def error_of(result: Any) -> dict[str, Any]:
    """The one JSON error on stderr, checked for its exact shape."""
    assert result.exit_code != 0
    assert result.stdout == ""
    data = json.loads(result.stderr)
    assert list(data) == ["error"]
    assert set(data["error"]) == {"code", "message", "where"}
    assert isinstance(data["error"]["message"], str) and data["error"]["message"]
    return data["error"]


@pytest.fixture
def db(tmp_path: Path) -> Path:
    """A store holding one hand-built article about an invented person."""
    path = tmp_path / "one.db"
    article = Article(id="a1", title="", body="Wren Halvorsen opened the ferry.", published="2024-05-01")
    who = Entity("e1", "Wren Halvorsen", "PERSON", mentions=[Mention(0, 14, "Wren Halvorsen")])
    with Store(path) as store:
        store.ingest(ArticleGraph(article=article, entities=[who]))
    return path


@pytest.mark.parametrize("args", [
    ["people"], ["show", "Wren Halvorsen"], ["quotes", "Wren Halvorsen"], ["ties", "A", "B"],
    ["timeline", "Wren Halvorsen"],
])
def test_a_missing_store_is_a_json_error(tmp_path: Path, args: list[str]) -> None:
    missing = tmp_path / "missing.db"
    error = error_of(run(*args, "--db", str(missing), "--json"))
    assert error["code"] == "D300"
    assert error["where"] == str(missing)
    assert "dossier ingest" in error["message"]
    assert not missing.exists()


@pytest.mark.parametrize("args", [["show", "Nobody Known"], ["quotes", "Nobody Known"], ["timeline", "Nobody"],
                                  ["ties", "Wren Halvorsen", "Nobody Known"]])
def test_someone_not_in_the_store_is_a_json_error(db: Path, args: list[str]) -> None:
    error = error_of(run(*args, "--db", str(db), "--json"))
    assert error["code"] == "D404"
    assert "Nobody" in error["message"]


def test_a_store_in_a_missing_folder_is_a_json_error_of_ingest(tmp_path: Path) -> None:
    article = tmp_path / "a.txt"
    article.write_text("date 2024-05-01 Ferry\nWren Halvorsen opened the ferry.", encoding="utf-8")
    target = tmp_path / "no" / "such" / "x.db"
    error = error_of(run("ingest", str(article), "--db", str(target), "--json"))
    assert error["code"] == "D300"
    assert error["where"] == str(target)


def test_a_bad_gold_file_is_a_json_error_of_eval(tmp_path: Path) -> None:
    article = tmp_path / "a.txt"
    article.write_text("date 2024-05-01 Ferry\nWren Halvorsen opened the ferry.", encoding="utf-8")
    gold = tmp_path / "a.gold.json"
    gold.write_text('{"entities": [\n  {"id": 1}\n', encoding="utf-8")
    error = error_of(run("eval", str(gold), str(article), "--json"))
    assert error["code"] == "D400"
    assert error["where"].startswith(str(gold) + ":")
    gold.write_text('{"entities": "none"}', encoding="utf-8")
    error = error_of(run("eval", str(gold), str(article), "--json"))
    assert (error["code"], error["where"]) == ("D400", str(gold))
    assert "'entities' must be a list" in error["message"]


def test_without_json_the_error_is_one_coded_line(tmp_path: Path) -> None:
    result = run("people", "--db", str(tmp_path / "missing.db"))
    assert result.exit_code == 1
    assert result.stdout == ""
    assert result.stderr.startswith("error: [D300] no store at ")
    with pytest.raises(json.JSONDecodeError):
        json.loads(result.stderr)


def test_a_bad_option_value_is_a_coded_usage_error(tmp_path: Path) -> None:
    result = run("extract", str(tmp_path / "a.txt"), "--format", "xml")
    assert result.exit_code == 2
    assert result.stderr.startswith("error: [D001] --format must be json or jsonl")
