"""Streaming ingest: killed half-way and run again, it ends with the same store as an uninterrupted run."""

from __future__ import annotations

import json
import os
import signal
import sqlite3
import subprocess
import sys
import time
from pathlib import Path

import pytest

from dossier import service
from dossier.graph import Article
from dossier.progress import Meter
from dossier.sources import estimate_total, is_graph_file
from dossier.synthetic_articles import article, write_jsonl

VOLATILE = {"ingested_at", "applied_at"}  # when a row was written, not what it says


def dump(db: Path) -> dict[str, list[tuple]]:
    """Every table's rows, sorted, without the columns that record when they were written."""
    conn = sqlite3.connect(db)
    sql = "SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%'"
    tables = [r[0] for r in conn.execute(sql)]
    out = {}
    for table in sorted(tables):
        cols = [r[1] for r in conn.execute(f"PRAGMA table_info({table})") if r[1] not in VOLATILE]
        rows = conn.execute(f"SELECT {', '.join(cols)} FROM {table}").fetchall()
        out[table] = sorted(rows, key=repr)
    conn.close()
    return out


def stored(db: Path) -> int:
    if not db.exists():
        return 0
    try:
        with sqlite3.connect(f"file:{db}?mode=ro", uri=True) as conn:
            return conn.execute("SELECT count(*) FROM articles").fetchone()[0]
    except sqlite3.Error:
        return 0


def ingest_cmd(corpus: Path, db: Path, jobs: int) -> list[str]:
    # One article a batch, so that a stop after a few leaves most of the corpus to the resumed run.
    return [sys.executable, "-m", "dossier.cli", "ingest", str(corpus), "--db", str(db), "--jobs", str(jobs),
            "--batch-size", "1", "--json"]


def interrupted_run(corpus: Path, db: Path, sig: signal.Signals, after: int) -> subprocess.CompletedProcess:
    """Start an ingest with 2 jobs, send ``sig`` once ``after`` articles are stored, and wait for it."""
    proc = subprocess.Popen(ingest_cmd(corpus, db, 2), stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)
    deadline = time.monotonic() + 600
    while stored(db) < after and proc.poll() is None and time.monotonic() < deadline:
        time.sleep(0.2)
    proc.send_signal(sig)
    out, err = proc.communicate(timeout=600)
    return subprocess.CompletedProcess(proc.args, proc.returncode, out, err)


@pytest.mark.slow
def test_killed_and_resumed_ingest_equals_an_uninterrupted_one(tmp_path: Path, nlp) -> None:
    n = 24
    corpus = write_jsonl(tmp_path / "corpus.jsonl", n)
    whole = tmp_path / "whole.db"
    summary = service.ingest([corpus], db=whole, jobs=1)
    assert (summary.stored, summary.ok) == (n, True)

    for sig, code in [(signal.SIGTERM, 130), (signal.SIGKILL, -signal.SIGKILL)]:
        db = tmp_path / f"{sig.name}.db"
        first = interrupted_run(corpus, db, sig, after=4)
        assert first.returncode == code, first.stderr
        half = stored(db)
        assert 0 < half < n, f"{sig.name} came too late to test a resume ({half} of {n} stored)"
        if sig == signal.SIGTERM:
            report = json.loads(first.stdout)
            assert report["interrupted"] is True and report["stored"] == half
        again = subprocess.run(ingest_cmd(corpus, db, 2), capture_output=True, text=True, timeout=600)
        assert again.returncode == 0, again.stderr
        report = json.loads(again.stdout)
        assert (report["unchanged"], report["stored"]) == (half, n - half)  # nothing redone, nothing lost
        assert dump(db) == dump(whole)


@pytest.mark.slow
def test_parallel_ingest_keeps_input_order_and_reports_failures(tmp_path: Path, nlp) -> None:
    corpus = write_jsonl(tmp_path / "corpus.jsonl", 6)
    with corpus.open("a", encoding="utf-8") as f:
        f.write("{not json\n")
    one, two = tmp_path / "one.db", tmp_path / "two.db"
    s1 = service.ingest([corpus], db=one, jobs=1)
    s2 = service.ingest([corpus], db=two, jobs=2)
    assert (s1.stored, s2.stored) == (6, 6)
    assert [p.kind for p in s2.failed] == ["json"]
    assert dump(one) == dump(two)


@pytest.mark.slow
def test_graph_files_are_stored_without_extracting(tmp_path: Path, nlp, monkeypatch) -> None:
    corpus = write_jsonl(tmp_path / "corpus.jsonl", 3)
    graphs = tmp_path / "graphs.jsonl"
    with graphs.open("w", encoding="utf-8") as f:
        for outcome in service.extract_paths([corpus]):
            assert outcome.graph is not None
            f.write(json.dumps(outcome.graph.to_dict()) + "\n")
    assert is_graph_file(graphs) and not is_graph_file(corpus)

    def no_extraction(*_args, **_kwargs):
        raise AssertionError("graph files must not be extracted again")

    monkeypatch.setattr(service, "_extract_chunk", no_extraction)
    from_graphs, from_articles = tmp_path / "g.db", tmp_path / "a.db"
    summary = service.ingest([graphs], db=from_graphs, jobs=1)
    assert (summary.stored, summary.ok) == (3, True)
    monkeypatch.undo()
    service.ingest([corpus], db=from_articles, jobs=1)
    a, g = dump(from_articles), dump(from_graphs)
    assert a.pop("articles") != g.pop("articles")  # only the source column differs: file:line of each
    assert a == g


def test_a_bad_line_in_a_graph_file_is_reported_and_the_rest_stored(tmp_path: Path) -> None:
    from dossier.sources import iter_inputs

    graph = {"article": {"id": "g1", "title": "T", "published": None, "body": "Body."}, "entities": []}
    path = tmp_path / "graphs.jsonl"
    path.write_text(json.dumps(graph) + "\n{oops\n" + json.dumps({**graph, "article": {"id": "g2"}}) + "\n")
    items = list(iter_inputs([path]))
    assert [type(i).__name__ for i in items] == ["ArticleGraph", "ReadError", "ReadError"]
    assert items[1].where == f"{path}:2" and items[1].kind == "json"
    assert items[2].where == f"{path}:3" and items[2].kind == "invalid"


def test_estimate_total_counts_articles_cheaply(tmp_path: Path) -> None:
    write_jsonl(tmp_path / "a.jsonl", 5)
    (tmp_path / "b.txt").write_text("date 2024-01-01 T\nBody.", encoding="utf-8")
    (tmp_path / ".hidden.txt").write_text("x", encoding="utf-8")
    assert estimate_total([tmp_path]) == 6
    assert estimate_total(["-"]) is None


def test_meter_rate_counts_only_extracted_articles() -> None:
    now = [100.0]
    meter = Meter(total=10, clock=lambda: now[0])
    for _ in range(4):  # already stored: instant
        meter.add(service.Outcome("x", stored=False))
    now[0] += 2.0
    graph = service.ArticleGraph(article=Article(id="a", title="", body="b"))
    meter.add(service.Outcome("y", graph=graph, stored=True))
    meter.add(service.Outcome("z", graph=graph, stored=True))
    assert meter.rate == pytest.approx(1.0)
    assert meter.eta == pytest.approx(4.0)  # 4 left at 1 article/s
    assert meter.line() == "6/10 (60%) · 1.00 articles/s · ETA 0:00:04 · stored 2 · failed 0"


def test_invented_articles_differ_and_are_stable() -> None:
    assert article(5) == article(5)
    assert len({article(i)["body"] for i in range(200)}) == 200


@pytest.mark.skipif(not hasattr(os, "sched_getaffinity"), reason="Linux only")
def test_default_jobs_is_the_usable_cores() -> None:
    assert service.default_jobs() == len(os.sched_getaffinity(0))
