"""The reliability harness with small budgets: kills, racing writers, reads during an ingest, fuzzed readers.

``make stress`` runs the same code with large budgets (see tests/stress.py).
"""

from __future__ import annotations

from pathlib import Path

import pytest

from tests import stress


def test_two_processes_opening_a_fresh_store_at_once_both_succeed(tmp_path: Path) -> None:
    result = stress.migration_race(6, tmp_path)
    assert result["failures"] == 0, result["problems"]


def test_sigkill_during_ingest_leaves_a_sound_store_and_resume_equals_one_run(tmp_path: Path) -> None:
    # one kill aimed inside a write transaction, one at a random point (seed 3 draws both)
    result = stress.kill_loop(2, tmp_path, articles=200, rounds=1, seed=3)
    assert result["kills"] == 2
    assert result["problems"] == []
    assert result["corrupt_stores"] == result["partial_articles"] == 0
    assert result["resume_mismatches"] == result["lost_articles"] == result["duplicated_articles"] == 0


def test_two_ingests_at_once_into_a_fresh_store_store_each_article_once(tmp_path: Path) -> None:
    result = stress.two_writers(1, tmp_path, articles=40)
    assert result["failed_writers"] == 0, result["problems"]
    assert result["mismatches"] == 0, result["problems"]


def test_queries_during_an_ingest_never_fail(tmp_path: Path) -> None:
    result = stress.reads_during_ingest(tmp_path, articles=150)
    assert result["stored"] == 150
    assert result["reads"] > 0
    assert result["read_errors"] == 0, result["problems"]


def test_check_store_finds_a_partial_article(tmp_path: Path) -> None:
    """The kill loop's check can fail: an article missing some of its rows is reported."""
    import sqlite3

    db = tmp_path / "s.db"
    stress.ingest_here(db, [stress.write_corpus(tmp_path / "c.jsonl", 3)])
    reference = stress.snapshot(db)
    conn = sqlite3.connect(db)
    conn.execute("PRAGMA foreign_keys = ON")
    conn.execute("DELETE FROM article_entities WHERE rowid = (SELECT min(rowid) FROM article_entities)")
    conn.commit()
    conn.close()
    assert any("in part" in p for p in stress.check_store(db, reference))


def test_fuzzed_reader_input_gives_articles_or_errors_and_never_loses_a_later_record() -> None:
    result = stress.fuzz_with_hypothesis(120)
    assert result["inputs"] >= 120
    assert result["crashes"] == 0, result["problems"]


@pytest.mark.parametrize("name", ["jsonl", "text", "detected", "html"])
def test_the_hostile_seeds_pass_every_reader(name: str) -> None:
    target = stress.fuzz_targets()[name]
    for seed in stress.seeds():
        target(seed)


@pytest.mark.slow
def test_fuzzed_articles_through_extract_give_one_sound_outcome_each(nlp) -> None:
    result = stress.fuzz_extract(12)
    assert result["inputs"] >= 12
    assert result["crashes"] == 0, result["problems"]
