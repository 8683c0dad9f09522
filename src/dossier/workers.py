"""Work in worker processes: an ordered map over a bounded window of batches, and clean stops.

The parent hands one batch at a time to each worker (so it always knows which batch a
worker holds), keeps at most ``window`` batches between the oldest unfinished one and
the newest handed out (so memory stays flat however long the input), and yields results
in input order. A worker that dies takes only its own batch with it: the batch comes out
through ``lost`` and a new worker takes its place.
"""

from __future__ import annotations

import multiprocessing as mp
import multiprocessing.connection as mp_connection
import os
import queue
import signal
import threading
import traceback
from collections.abc import Callable, Iterable, Iterator
from contextlib import contextmanager, suppress
from dataclasses import dataclass, field
from types import FrameType
from typing import Any, Generic, TypeVar

K = TypeVar("K")
T = TypeVar("T")
R = TypeVar("R")

POLL_S = 0.5  # how often the parent checks on workers while it waits for a result
JOIN_S = 10.0  # how long a worker gets to finish after it is told to stop


def default_jobs() -> int:
    """The cores this process may run on."""
    try:
        return len(os.sched_getaffinity(0))
    except AttributeError:  # not on Linux
        return os.cpu_count() or 1


class WorkerFailed(RuntimeError):
    """A worker could not start (its initializer raised); every worker would fail the same way."""


@dataclass
class Stop:
    """A stop request: the first SIGINT/SIGTERM sets it (in-flight work finishes), a second interrupts.

    Call it to ask whether a stop was requested; ``request()`` sets it from code.
    """

    requested: bool = False
    signal_name: str | None = None

    def __call__(self) -> bool:
        return self.requested

    def request(self, signal_name: str | None = None) -> None:
        self.requested = True
        self.signal_name = self.signal_name or signal_name

    @contextmanager
    def on_signals(self) -> Iterator[Stop]:
        """Within the block, SIGINT and SIGTERM request a stop instead of killing the process."""
        if threading.current_thread() is not threading.main_thread():
            yield self  # signal handlers can only be set from the main thread
            return
        signums = (signal.SIGINT, signal.SIGTERM)
        previous: dict[int, Any] = {int(s): signal.getsignal(s) for s in signums}

        def handler(signum: int, _frame: FrameType | None) -> None:
            if self.requested:  # a second signal: stop now
                signal.signal(signum, previous[signum] or signal.SIG_DFL)
                raise KeyboardInterrupt
            self.request(signal.Signals(signum).name)

        for s in signums:
            signal.signal(s, handler)
        try:
            yield self
        finally:
            for num, old in previous.items():
                signal.signal(num, old)


def _worker(
    wid: int,
    fn: Callable[[Any], Any],
    tasks: Any,
    results: Any,
    initializer: Callable[..., None] | None,
    initargs: tuple[Any, ...],
    parent: int,
) -> None:
    # The parent decides when to stop (after in-flight work); a Ctrl-C sent to the whole
    # process group must not kill a worker in the middle of a batch.
    signal.signal(signal.SIGINT, signal.SIG_IGN)
    signal.signal(signal.SIGTERM, signal.SIG_IGN)
    try:
        if initializer is not None:
            initializer(*initargs)
    except BaseException as exc:
        results.send(("fatal", wid, None, f"{type(exc).__name__}: {getattr(exc, 'message', exc)}"))
        return
    results.send(("ready", wid, None, None))
    while True:
        try:
            task = tasks.get(timeout=POLL_S)
        except queue.Empty:
            if os.getppid() != parent:  # the parent was killed: nobody will read our results
                return
            continue
        if task is None:
            return
        seq, payload = task
        try:
            message = ("done", wid, seq, fn(payload))
        except BaseException:
            message = ("error", wid, seq, traceback.format_exc(limit=8))
        # A pipe of its own, written synchronously: a worker that dies can never leave a lock
        # held that the other workers' results would wait on.
        results.send(message)


@dataclass
class _Slot:
    process: Any
    tasks: Any
    results: Any  # this process's end of the worker's result pipe
    seq: int | None = None  # the batch it holds


@dataclass
class _Window(Generic[K, T, R]):
    keys: dict[int, K] = field(default_factory=dict)
    payloads: dict[int, T] = field(default_factory=dict)
    done: dict[int, R] = field(default_factory=dict)
    next_in: int = 0  # seq of the next batch read from the input
    next_out: int = 0  # seq of the next result to yield


def ordered_map(
    fn: Callable[[T], R],
    tasks: Iterable[tuple[K, T]],
    jobs: int,
    *,
    lost: Callable[[T, str], R],
    skip: Callable[[T], R | None] | None = None,
    initializer: Callable[..., None] | None = None,
    initargs: tuple[Any, ...] = (),
    window: int | None = None,
    stop: Callable[[], bool] | None = None,
) -> Iterator[tuple[K, R]]:
    """``(key, fn(payload))`` for each ``(key, payload)`` of ``tasks``, in order, computed by ``jobs`` processes.

    Keys stay in this process; payloads and results are pickled. ``skip(payload)``, when
    it returns a result, stands for ``fn`` without a worker (e.g. an empty batch).
    ``lost(payload, reason)`` stands for the result of a batch whose worker died or raised.
    When ``stop()`` turns true no more tasks are read; batches already handed out are
    finished and yielded. ``jobs <= 1`` runs everything here, with no processes.
    """
    stop = stop or (lambda: False)
    if jobs <= 1:
        if initializer is not None:
            initializer(*initargs)
        for key, payload in tasks:
            ready = skip(payload) if skip else None
            yield key, fn(payload) if ready is None else ready
            if stop():
                return
        return
    pool: _Pool[K, T, R] = _Pool(fn, jobs, lost, skip, initializer, initargs, window or 4 * jobs, stop)
    yield from pool.run(iter(tasks))


class _Pool(Generic[K, T, R]):
    def __init__(
        self,
        fn: Callable[[T], R],
        jobs: int,
        lost: Callable[[T, str], R],
        skip: Callable[[T], R | None] | None,
        initializer: Callable[..., None] | None,
        initargs: tuple[Any, ...],
        window: int,
        stop: Callable[[], bool],
    ) -> None:
        self.fn, self.jobs, self.lost, self.skip = fn, jobs, lost, skip
        self.initializer, self.initargs = initializer, initargs
        self.window, self.stop = max(window, jobs), stop
        self.ctx = mp.get_context("spawn")  # fork would copy the parent's threads and open store
        self.slots: dict[int, _Slot] = {}
        self.next_wid = 0
        self.w: _Window[K, T, R] = _Window()

    def _spawn(self) -> None:
        wid, self.next_wid = self.next_wid, self.next_wid + 1
        tasks = self.ctx.Queue()
        reader, writer = self.ctx.Pipe(duplex=False)
        args = (wid, self.fn, tasks, writer, self.initializer, self.initargs, os.getpid())
        process = self.ctx.Process(target=_worker, args=args, daemon=True, name=f"dossier-worker-{wid}")
        process.start()
        writer.close()  # the worker holds the only writing end: its death reads as EOF here
        self.slots[wid] = _Slot(process, tasks, reader)

    def run(self, tasks: Iterator[tuple[K, T]]) -> Iterator[tuple[K, R]]:
        w = self.w
        exhausted = clean = False
        try:
            for _ in range(self.jobs):
                self._spawn()
            while True:
                if self.stop():
                    exhausted = True
                # Hand out work to idle workers while the window allows.
                for slot in self.slots.values():
                    while slot.seq is None and not exhausted and w.next_in - w.next_out < self.window:
                        item = next(tasks, None)
                        if item is None:
                            exhausted = True
                            break
                        seq, w.next_in = w.next_in, w.next_in + 1
                        w.keys[seq] = item[0]
                        ready = self.skip(item[1]) if self.skip else None
                        if ready is not None:
                            w.done[seq] = ready
                            continue
                        w.payloads[seq] = item[1]
                        slot.seq = seq
                        slot.tasks.put((seq, item[1]))
                while w.next_out in w.done:
                    seq = w.next_out
                    w.next_out += 1
                    w.payloads.pop(seq, None)
                    yield w.keys.pop(seq), w.done.pop(seq)
                if exhausted and w.next_out == w.next_in:
                    clean = True
                    return
                self._collect()
        finally:
            self._shutdown(wait=clean)

    def _collect(self) -> None:
        by_conn = {id(slot.results): wid for wid, slot in self.slots.items()}
        ready = mp_connection.wait([slot.results for slot in self.slots.values()], timeout=POLL_S)
        for conn in ready:
            wid = by_conn[id(conn)]
            try:
                message = self.slots[wid].results.recv()
            except (EOFError, OSError):
                self._replace(wid)  # it died: its pipe closed
                continue
            self._handle(*message)
        if not ready:
            for wid, slot in list(self.slots.items()):
                if slot.process.exitcode is not None:
                    self._replace(wid)

    def _handle(self, kind: str, wid: int, seq: int | None, value: Any) -> None:
        if kind == "fatal":
            raise WorkerFailed(value)
        slot = self.slots.get(wid)
        if slot is not None and seq is not None and slot.seq == seq:
            slot.seq = None
        if kind not in {"done", "error"} or seq is None or seq in self.w.done or seq not in self.w.payloads:
            return
        if kind == "done":
            self.w.done[seq] = value
        else:
            self.w.done[seq] = self.lost(self.w.payloads[seq], str(value).strip().splitlines()[-1])

    def _replace(self, wid: int) -> None:
        """Give up the batch of a worker that died and start another in its place."""
        slot = self.slots.pop(wid)
        slot.process.join(JOIN_S)
        code = slot.process.exitcode
        slot.results.close()
        if slot.seq is not None and slot.seq not in self.w.done:
            self.w.done[slot.seq] = self.lost(self.w.payloads[slot.seq], f"worker process died (exit code {code})")
        self._spawn()

    def _shutdown(self, wait: bool) -> None:
        for slot in self.slots.values():
            with suppress(OSError, ValueError):
                slot.tasks.put(None)
        for slot in self.slots.values():
            slot.process.join(JOIN_S if wait else 0.1)
            if slot.process.is_alive():
                slot.process.terminate()
                slot.process.join(1)
        for slot in self.slots.values():
            slot.results.close()
