"""The ordered process map behind ingest: order kept, reading bounded, a dead worker loses one batch only."""

from __future__ import annotations

import os
import time

import pytest

from dossier.workers import Stop, WorkerFailed, ordered_map


def slow_square(batch: list[int]) -> list[int]:
    time.sleep(0.01 * (batch[0] % 3))  # batches finish out of order
    return [x * x for x in batch]


def square_or_die(batch: list[int]) -> list[int]:
    if 13 in batch:
        os._exit(3)  # a crash in native code: the process is gone
    return [x * x for x in batch]


def square_or_raise(batch: list[int]) -> list[int]:
    if 7 in batch:
        raise ValueError("seven is not allowed")
    return [x * x for x in batch]


def cannot_start() -> None:
    raise OSError("no model here")


def lost(batch: list[int], reason: str) -> list[str]:
    return [f"lost {x}: {reason}" for x in batch]


def batches(n: int, size: int = 2) -> list[tuple[int, list[int]]]:
    return [(i, list(range(i * size, (i + 1) * size))) for i in range(n)]


@pytest.mark.parametrize("jobs", [1, 2])
def test_results_come_in_input_order(jobs: int) -> None:
    out = list(ordered_map(slow_square, batches(12), jobs, lost=lost))
    assert [k for k, _ in out] == list(range(12))
    assert [v for _, r in out for v in r] == [x * x for x in range(24)]


def test_input_is_read_only_a_window_ahead() -> None:
    pulled = consumed = 0
    ahead: list[int] = []

    def tasks():
        nonlocal pulled
        for item in batches(40):
            pulled += 1
            ahead.append(pulled - consumed)
            yield item

    for _ in ordered_map(slow_square, tasks(), 2, lost=lost, window=4):
        consumed += 1
    assert consumed == 40
    assert max(ahead) <= 5  # the window of 4, plus the one being read


def test_a_dead_worker_loses_only_its_batch_and_is_replaced() -> None:
    out = dict(ordered_map(square_or_die, batches(10), 2, lost=lost))
    assert out[6] == ["lost 12: worker process died (exit code 3)", "lost 13: worker process died (exit code 3)"]
    assert all(out[k] == [x * x for x in range(2 * k, 2 * k + 2)] for k in out if k != 6)
    assert sorted(out) == list(range(10))


def test_an_exception_in_a_batch_is_reported_through_lost() -> None:
    out = dict(ordered_map(square_or_raise, batches(6), 2, lost=lost))
    assert out[3] == ["lost 6: ValueError: seven is not allowed", "lost 7: ValueError: seven is not allowed"]
    assert out[4] == [64, 81]


def test_stop_finishes_what_is_in_flight_and_reads_no_more() -> None:
    stop = Stop()
    pulled = []

    def tasks():
        for item in batches(50):
            pulled.append(item[0])
            yield item

    got = []
    for key, _ in ordered_map(slow_square, tasks(), 2, lost=lost, stop=stop, window=4):
        got.append(key)
        if key == 3:
            stop.request("SIGTERM")
    assert got == list(range(len(got)))  # nothing skipped, nothing out of order
    assert got == pulled  # every batch read was finished and handed back
    assert len(got) < 50 and stop.signal_name == "SIGTERM"


def test_stop_in_this_process_with_one_job() -> None:
    stop = Stop()
    got = []
    for key, _ in ordered_map(slow_square, batches(50), 1, lost=lost, stop=stop):
        got.append(key)
        if key == 2:
            stop.request()
    assert got == [0, 1, 2]


def test_a_worker_that_cannot_start_raises() -> None:
    with pytest.raises(WorkerFailed, match="no model here"):
        list(ordered_map(slow_square, batches(4), 2, lost=lost, initializer=cannot_start))


def test_skip_stands_in_for_empty_batches_without_a_worker() -> None:
    tasks = [(0, [1]), (1, []), (2, [3])]
    out = list(ordered_map(slow_square, tasks, 2, lost=lost, skip=lambda b: [] if not b else None))
    assert out == [(0, [1]), (1, []), (2, [9])]
