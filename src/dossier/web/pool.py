"""The server's store connections: a pool of read-only readers and one writer behind a lock.

SQLite in WAL mode lets many readers run beside a writer, each on its own connection. A request
checks a reader out for its whole length and reads in one transaction, so every part of a
profile comes from the same snapshot; the next request's transaction sees every write committed
before it began. Writes (``--allow-writes``) go through the one read-write Store, one at a time.
"""

from __future__ import annotations

import sqlite3
import threading
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field

from .. import service
from ..errors import StoreError
from ..store import Store

READERS = 16  # worker threads, and idle readers kept open: one each, so the two agree


@dataclass
class Stores:
    """Readers checked out one per request (never used by two requests at once), and the writer.

    ``generation`` grows whenever a reader finds that another connection (the writer, or another
    process such as ``dossier ingest``) committed since that reader last looked: a response cached
    under an older generation may be stale.
    """

    db: str
    max_idle: int = READERS
    generation: int = 0
    opened: int = 0  # readers opened so far (a test reads it)
    _idle: list[tuple[Store, int]] = field(default_factory=list)  # a reader and its last data_version
    _open: set[Store] = field(default_factory=set)
    _writer: Store | None = None
    _lock: threading.Lock = field(default_factory=threading.Lock)
    _write_lock: threading.Lock = field(default_factory=threading.Lock)

    @contextmanager
    def reader(self) -> Iterator[Store]:
        """A read-only Store, inside one read transaction, for the length of a ``with`` block."""
        store, seen = self._checkout()
        version: int | None = None
        try:
            version = self._data_version(store)
            if version != seen:
                with self._lock:
                    self.generation += 1
            store.conn.execute("BEGIN")
            try:
                yield store
            finally:
                if store.conn.in_transaction:
                    store.conn.execute("COMMIT")
        except (sqlite3.Error, StoreError):
            version = None  # a damaged or vanished file: don't hand this connection out again
            raise
        finally:
            self._checkin(store, version)

    def fill(self) -> None:
        """Open the idle readers now, before any request, so none is opened (and the cache dropped) later.

        Each one's data_version is its baseline: a commit after this is seen at its next checkout.
        A reader opened later, when more requests are in flight than the pool holds, has no
        baseline, so its first checkout counts as a change.
        """
        opened = []
        for _ in range(self.max_idle - len(self._idle)):
            store = service.open_store(self.db, readonly=True)
            opened.append((store, self._data_version(store)))
        with self._lock:
            self._open.update(store for store, _ in opened)
            self._idle.extend(opened)
            self.opened += len(opened)

    def _checkout(self) -> tuple[Store, int | None]:
        with self._lock:
            if self._idle:
                return self._idle.pop()
        store = service.open_store(self.db, readonly=True)
        with self._lock:
            self._open.add(store)
            self.opened += 1
        return store, None

    def _checkin(self, store: Store, version: int | None) -> None:
        with self._lock:
            if version is not None and len(self._idle) < self.max_idle and store in self._open:
                self._idle.append((store, version))
                return
            self._open.discard(store)
        store.close()

    @staticmethod
    def _data_version(store: Store) -> int:
        # Changes when any other connection commits to the file (SQLite's PRAGMA data_version).
        return int(store.conn.execute("PRAGMA data_version").fetchone()[0])

    @contextmanager
    def writer(self) -> Iterator[Store]:
        """The one read-write Store (opened on first use), held by one writer at a time."""
        with self._write_lock:
            if self._writer is None:
                self._writer = service.open_store(self.db, readonly=False)
            yield self._writer

    def close(self) -> None:
        """Close every connection opened so far."""
        with self._lock:
            stores = list(self._open)
            self._open.clear()
            self._idle.clear()
        for store in stores:
            store.close()
        with self._write_lock:
            if self._writer is not None:
                self._writer.close()
                self._writer = None
