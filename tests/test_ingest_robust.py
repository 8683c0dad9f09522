"""Whole ingests over hostile inputs (a blank pipeline stands in for the model): the rest is always stored."""

from __future__ import annotations

import json
import os
from pathlib import Path

import pytest
from typer.testing import CliRunner

from dossier import service
from dossier.cli import app
from dossier.store import Store
from tests import stress


@pytest.fixture(autouse=True)
def blank_pipeline(monkeypatch: pytest.MonkeyPatch) -> None:
    for obj, name, value in stress.blank_pipeline_patches():
        monkeypatch.setattr(obj, name, value)


def stored_sources(db: Path) -> list[str]:
    with Store(db, readonly=True) as store:
        return sorted(row[0] for row in store.conn.execute("SELECT source FROM articles"))


def test_a_surrogate_line_with_an_id_is_one_failure_and_the_rest_is_stored(tmp_path: Path) -> None:
    feed = tmp_path / "feed.jsonl"
    lines = stress.corpus_lines(3)
    lines[1] = json.dumps({"id": "bad", "body": "Mara Quell said \ud800 there."})  # json writes the \ud800 escape
    feed.write_text("\n".join(lines) + "\n")
    other = tmp_path / "other.txt"
    other.write_text("date 2024-05-03 Other\nTobin Ash met Ines Varga.\n")
    summary = service.ingest([feed, other], db=tmp_path / "s.db")
    assert summary.stored == 3
    assert [(p.where, p.kind) for p in summary.failed] == [(f"{feed}:2", "encoding")]


def test_an_article_from_a_file_with_an_undecodable_name_is_stored(tmp_path: Path) -> None:
    folder = tmp_path / "in"
    folder.mkdir()
    with open(os.fsencode(folder) + b"/r\xe9sum\xe9.txt", "wb") as stream:
        stream.write(b"date 2024-05-01 Resume\nIlse Moran met Cato Brenn at the harbor.\n")
    summary = service.ingest([folder], db=tmp_path / "s.db")
    assert (summary.stored, summary.failed) == (1, [])
    assert stored_sources(tmp_path / "s.db") == [f"{folder}/r\\xe9sum\\xe9.txt"]


def test_a_fifo_is_named_in_the_summary_not_counted_as_a_file_type(tmp_path: Path) -> None:
    folder = tmp_path / "in"
    folder.mkdir()
    os.mkfifo(folder / "pipe.txt")
    (folder / "a.txt").write_text("date 2024-05-01 A\nIlse Moran met Cato Brenn.\n")
    result = CliRunner().invoke(app, ["ingest", str(folder), "--db", str(tmp_path / "s.db")])
    assert result.exit_code == 0, result.output
    flat = " ".join(result.output.split())
    assert "a FIFO, not a regular file" in flat
    assert "(.txt ×1)" not in flat
    assert "stored 1" in flat and "skipped 1" in flat


def test_links_out_of_the_tree_are_skipped_and_followed_on_request(tmp_path: Path) -> None:
    outside = tmp_path / "outside.txt"
    outside.write_text("date 2024-05-01 Outside\nOren Tall kept notes.\n")
    folder = tmp_path / "in"
    folder.mkdir()
    (folder / "a.txt").write_text("date 2024-05-01 A\nIlse Moran met Cato Brenn.\n")
    (folder / "link.txt").symlink_to(outside)
    db = tmp_path / "s.db"
    result = CliRunner().invoke(app, ["ingest", str(folder), "--db", str(db), "--json"])
    assert result.exit_code == 0, result.output
    report = json.loads(result.stdout)
    assert (report["stored"], report["skipped"]) == (1, 1)
    assert report["problems"][0]["kind"] == "link"
    result = CliRunner().invoke(app, ["ingest", str(folder), "--db", str(db), "--follow-links", "--json"])
    assert json.loads(result.stdout)["stored"] == 1  # the linked article, now
    assert len(stored_sources(db)) == 2


def test_a_symlink_loop_does_not_stop_the_ingest(tmp_path: Path) -> None:
    folder = tmp_path / "in"
    folder.mkdir()
    (folder / "a.txt").write_text("date 2024-05-01 A\nIlse Moran met Cato Brenn.\n")
    (folder / "x.txt").symlink_to(folder / "y.txt")
    (folder / "y.txt").symlink_to(folder / "x.txt")
    summary = service.ingest([folder], db=tmp_path / "s.db")
    assert summary.stored == 1
    assert sorted(p.where for p in summary.failed) == [str(folder / "x.txt"), str(folder / "y.txt")]


def test_a_jsonl_over_the_article_limit_is_read_when_each_record_is_under_it(tmp_path: Path) -> None:
    from dossier.read import DEFAULT_MAX_BYTES, iter_articles

    line = stress.corpus_lines(1)[0]
    count = DEFAULT_MAX_BYTES // len(line) + 500
    feed = tmp_path / "many.jsonl"
    with feed.open("w") as stream:
        for n in range(count):
            stream.write(line.replace('"art-0"', f'"art-{n}"') + "\n")
    assert feed.stat().st_size > DEFAULT_MAX_BYTES
    read = sum(1 for item in iter_articles([feed]) if not hasattr(item, "kind"))
    assert read == count
