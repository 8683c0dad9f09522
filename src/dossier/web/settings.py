"""The web server's configuration and its pool of read-only store connections."""

from __future__ import annotations

import hmac
import threading
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field
from pathlib import Path

from .. import service
from ..store import Store

MAX_BODY_BYTES = 2_000_000  # a posted batch of articles; larger requests get 413
MAX_POSTED_ARTICLES = 50


@dataclass
class Settings:
    """What ``dossier serve`` was started with."""

    db: str
    allow_writes: bool = False
    token: str | None = None
    model: str | None = None
    max_body: int = MAX_BODY_BYTES

    def token_ok(self, given: str | None) -> bool:
        """Constant-time comparison of a presented token with the configured one."""
        if not self.token or not given:
            return False
        return hmac.compare_digest(given.encode(), self.token.encode())


@dataclass
class Stores:
    """A pool of read-only Stores: each request checks one out, so concurrent reads never share a connection."""

    db: str
    _idle: list[Store] = field(default_factory=list)
    _all: list[Store] = field(default_factory=list)
    _lock: threading.Lock = field(default_factory=threading.Lock)

    @contextmanager
    def reader(self) -> Iterator[Store]:
        """A read-only Store for the length of a ``with`` block."""
        with self._lock:
            store = self._idle.pop() if self._idle else None
        if store is None:
            store = service.open_store(self.db, readonly=True)
            with self._lock:
                self._all.append(store)
        try:
            yield store
        finally:
            with self._lock:
                self._idle.append(store)

    def close(self) -> None:
        """Close every Store opened so far."""
        with self._lock:
            for store in self._all:
                store.close()
            self._all.clear()
            self._idle.clear()


def check_store(db: str | Path) -> None:
    """Raise StoreError now, at start-up, if the store cannot be opened for reading."""
    service.open_store(db, readonly=True).close()
