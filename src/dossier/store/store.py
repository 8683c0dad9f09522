"""The ``Store``: one SQLite file holding article graphs and the facts drawn from them."""

from __future__ import annotations

import sqlite3
import threading
from collections.abc import Iterable, Iterator
from contextlib import contextmanager
from pathlib import Path
from types import TracebackType
from typing import Any

from ..errors import StoreError
from ..graph import ArticleGraph
from . import db, query, write


class Store:
    """A dossier store in one SQLite file (``":memory:"`` for a throwaway one).

    Opening applies pending named migrations; a store written by a newer dossier
    raises StoreError. ``readonly=True`` opens the file for reading only (it must
    exist and be up to date). Calls are serialised by a lock, so one Store may be
    shared between threads; writes happen one article per transaction.
    """

    def __init__(self, path: str | Path = ":memory:", readonly: bool = False) -> None:
        self.path = str(path)
        self.readonly = readonly
        if readonly and self.path != ":memory:" and not Path(self.path).is_file():
            raise StoreError(f"no store at {self.path}")
        self._lock = threading.RLock()
        self.conn: sqlite3.Connection = db.connect(self.path, readonly=readonly)
        try:
            self.migrated = db.migrate(self.conn, readonly=readonly, where=self.path)
        except BaseException:
            self.conn.close()
            raise

    # --- lifecycle ---------------------------------------------------------------

    def close(self) -> None:
        """Close the connection (idempotent)."""
        with self._lock:
            self.conn.close()

    def __enter__(self) -> Store:
        return self

    def __exit__(
        self, exc_type: type[BaseException] | None, exc: BaseException | None, tb: TracebackType | None
    ) -> None:
        self.close()

    def __repr__(self) -> str:
        return f"Store({self.path!r})"

    @property
    def migrations(self) -> list[dict[str, str]]:
        """The migrations recorded in the store: name and applied_at, in order."""
        with self._lock:
            return [dict(r) for r in self.conn.execute("SELECT name, applied_at FROM migrations ORDER BY rowid")]

    # --- writes ------------------------------------------------------------------

    def ingest(self, graph: ArticleGraph) -> bool:
        """Store one article graph in one transaction; False if it was already stored unchanged.

        Same content hash and extractor version: nothing changes. Same article id (or
        content) with a new hash or extractor version: the old rows are replaced.
        """
        self._writable()
        with self._lock:
            return write.ingest(self.conn, graph)

    def is_stored(self, content_hash: str, extractor_version: str) -> bool:
        """Whether an article with this content is stored by this extractor version (ingest would be a no-op)."""
        with self._lock:
            row = self.conn.execute(
                "SELECT 1 FROM articles WHERE content_hash = ? AND extractor_version = ?",
                (content_hash, extractor_version),
            ).fetchone()
        return row is not None

    def ingest_many(self, graphs: Iterable[ArticleGraph]) -> int:
        """Ingest graphs one transaction each; return how many were new or replaced."""
        return sum(self.ingest(g) for g in graphs)

    @contextmanager
    def _reading(self) -> Iterator[None]:
        """Hold the lock; a damaged file met mid-query is a StoreError, not a raw SQLite one."""
        with self._lock:
            try:
                yield
            except sqlite3.DatabaseError as exc:
                raise StoreError(f"cannot read store {self.path}: {db.explain(exc)}") from exc

    def _writable(self) -> None:
        if self.readonly:
            raise StoreError(f"store {self.path} is open read-only")

    # --- reads -------------------------------------------------------------------

    def people(self, limit: int | None = None) -> list[dict[str, Any]]:
        """PERSON entities (id, name, type, gender, mentions, articles), most mentioned first."""
        with self._reading():
            return query.people(self.conn, limit)

    def find(self, name: str) -> list[dict[str, Any]]:
        """Global entities matching a name, alias or surname (case-insensitive), best first."""
        with self._reading():
            return query.find(self.conn, name)

    def person(self, name: str | int) -> dict[str, Any]:
        """Profile of the best match for a name (or global id); raises NotFound."""
        with self._reading():
            return query.person(self.conn, name)

    def ties(self, a: str | int, b: str | int) -> dict[str, Any]:
        """Relations between two entities, with evidence, and the events they share; raises NotFound."""
        with self._reading():
            return query.ties(self.conn, a, b)

    def quotes(self, name: str | int) -> list[dict[str, Any]]:
        """Quotes said by someone, newest first, with outlet, date and article; raises NotFound."""
        with self._reading():
            return query.quotes(self.conn, name)

    def timeline(self, name: str | int) -> list[dict[str, Any]]:
        """Dated facts about someone in order, undated after; raises NotFound."""
        with self._reading():
            return query.timeline(self.conn, name)

    def articles(self, limit: int | None = None) -> list[dict[str, Any]]:
        """Stored articles, newest first."""
        with self._reading():
            return query.articles(self.conn, limit)

    def counts(self) -> dict[str, int]:
        """Rows per table."""
        with self._reading():
            return query.counts(self.conn)

    def graph(self, article_id: str) -> ArticleGraph:
        """The article graph of a stored article, as ingested; raises NotFound."""
        with self._reading():
            return query.graph(self.conn, article_id)
