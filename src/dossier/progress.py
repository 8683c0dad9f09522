"""Progress of a long ingest: articles done, extraction rate and time left, as one line of text."""

from __future__ import annotations

import time
from collections.abc import Callable
from dataclasses import dataclass, field
from typing import Protocol


class _Outcome(Protocol):
    graph: object | None
    stored: bool | None

    @property
    def problem(self) -> object | None: ...


@dataclass
class Meter:
    """Counts outcomes as they come; the rate counts only articles that went through extraction.

    Articles found already stored cost nothing, so counting them in the rate would make
    a resumed run's ETA far too hopeful.
    """

    total: int | None = None
    clock: Callable[[], float] = time.monotonic
    started: float = field(default=0.0)
    done: int = 0
    worked: int = 0  # extracted (or loaded from a graph file) and written
    stored: int = 0
    failed: int = 0

    def __post_init__(self) -> None:
        self.started = self.started or self.clock()

    def add(self, outcome: _Outcome) -> None:
        self.done += 1
        failed = _extraction_failed(outcome)
        if outcome.graph is not None or failed:
            self.worked += 1
        if outcome.stored:
            self.stored += 1
        if failed:
            self.failed += 1

    @property
    def elapsed(self) -> float:
        return max(self.clock() - self.started, 1e-9)

    @property
    def rate(self) -> float:
        """Articles extracted per second so far."""
        return self.worked / self.elapsed

    @property
    def eta(self) -> float | None:
        """Seconds left, when the total is known and a rate has been measured."""
        if self.total is None or self.worked == 0:
            return None
        return max(self.total - self.done, 0) / self.rate

    def line(self) -> str:
        """E.g. ``1,200/20,000 (6%) · 3.1 articles/s · ETA 1:31:24 · stored 1,150 · failed 2``."""
        if self.total:
            count = f"{self.done:,}/{self.total:,} ({min(self.done / self.total, 1):.0%})"
        else:
            count = f"{self.done:,}"
        eta = self.eta
        parts = [count, f"{self.rate:.2f} articles/s", f"ETA {clock(eta)}" if eta is not None else "ETA ?"]
        parts += [f"stored {self.stored:,}", f"failed {self.failed:,}"]
        return " · ".join(parts)


def _extraction_failed(outcome: _Outcome) -> bool:
    """Whether the article went through extraction (or storing) and failed there, not in reading."""
    kind = str(getattr(outcome.problem, "kind", ""))
    return kind in {"extract", "store", "pipeline"} or kind.startswith("component:")


def clock(seconds: float) -> str:
    """Seconds as ``H:MM:SS``."""
    s = round(seconds)
    return f"{s // 3600}:{s // 60 % 60:02d}:{s % 60:02d}"
