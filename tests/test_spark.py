"""The Spark job in local mode: its output equals single-process extraction, record for record."""

from __future__ import annotations

import importlib.util
import os
import shutil
from pathlib import Path

import pytest

from dossier import service
from dossier.synthetic_articles import write_jsonl

from .warc_pages import news_warc


def _spark_missing() -> str | None:
    if importlib.util.find_spec("pyspark") is None:
        return "pyspark is not installed (pip install 'dossier[spark]')"
    if not (shutil.which("java") or os.environ.get("JAVA_HOME")):
        return "no Java runtime (java on PATH or JAVA_HOME)"
    return None


@pytest.fixture(scope="module")
def spark_ready() -> None:
    missing = _spark_missing()
    if missing and os.environ.get("CI"):
        pytest.fail(f"CI must run the Spark test: {missing}")  # .ci/run installs both
    if missing:
        pytest.skip(missing)


@pytest.mark.slow
def test_spark_local_output_equals_single_process_and_ingests(tmp_path: Path, nlp, spark_ready, monkeypatch) -> None:
    from dossier.spark.job import expand_inputs, record, run

    monkeypatch.setenv("SPARK_LOCAL_IP", "127.0.0.1")
    inputs = tmp_path / "in"
    inputs.mkdir()
    write_jsonl(inputs / "a.jsonl", 5)
    with (inputs / "a.jsonl").open("a", encoding="utf-8") as f:
        f.write("{broken\n")
    news_warc(inputs / "crawl.warc.gz", count=2)
    (inputs / "notes.md").write_text("not an input", encoding="utf-8")
    files = expand_inputs([str(inputs)])
    assert [Path(f).name for f in files] == ["a.jsonl", "crawl.warc.gz"]

    out = tmp_path / "graphs"
    result = run([str(inputs)], str(out), master="local[2]", conf={"spark.ui.enabled": "false"})
    assert result["partitions"] == 2
    assert (out / "_SUCCESS").is_file()
    lines = [line for part in sorted(out.glob("part-*")) for line in part.read_text(encoding="utf-8").splitlines()]
    expected = [record(o) for o in service.extract_paths(files)]
    assert len(expected) == 5 + 1 + 2 + 5  # graphs, the bad line, WARC pages, WARC records passed over
    assert lines == expected

    summary = service.ingest([out], db=tmp_path / "d.db", jobs=1)
    assert summary.stored == 7
    assert dict(summary.skipped_records) == {"not_html": 1, "not_ok": 1, "not_english": 1, "boilerplate": 1}
    assert sorted(p.kind for p in summary.failed) == ["invalid", "json"]


def test_inputs_expand_from_folders_and_listings(tmp_path: Path) -> None:
    import gzip

    from dossier.spark.job import expand_inputs

    (tmp_path / "crawl").mkdir()
    for name in ["b.warc.gz", "a.warc.gz", ".hidden.warc", "notes.md"]:
        (tmp_path / "crawl" / name).write_bytes(b"")
    with gzip.open(tmp_path / "warc.paths.gz", "wt", encoding="utf-8") as f:
        f.write("crawl/a.warc.gz\n\n/abs/c.warc.gz\n")
    assert expand_inputs([str(tmp_path / "crawl")]) == [str(tmp_path / "crawl" / n) for n in ["a.warc.gz", "b.warc.gz"]]
    assert expand_inputs([str(tmp_path / "warc.paths.gz")]) == [str(tmp_path / "crawl" / "a.warc.gz"), "/abs/c.warc.gz"]


def test_record_lines_are_graphs_or_problems() -> None:
    import json

    from dossier.spark.job import record

    line = record(service.Outcome("x.jsonl:3", problem=service.Problem("x.jsonl:3", "json", "not JSON")))
    assert json.loads(line) == {"problem": {"where": "x.jsonl:3", "kind": "json", "reason": "not JSON"}}
