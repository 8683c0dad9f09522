"""The ``Store``: one SQLite file holding article graphs and the facts drawn from them."""

from __future__ import annotations

import sqlite3
import threading
from collections.abc import Callable, Iterable, Iterator
from contextlib import contextmanager
from pathlib import Path
from types import TracebackType
from typing import Any

from ..errors import StoreError
from ..graph import ArticleGraph
from . import corrections, db, edgesum, exportq, graphq, listq, lookup, profileq, query, resolution, suggest, write
from .edges import NO_FILTERS, Filters


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
            if "002_resolution" in self.migrated and self.conn.execute("SELECT 1 FROM articles LIMIT 1").fetchone():
                self.reresolve()  # a store from before cross-article resolution: resolve what it holds
            summary = {"004_edge_summary", "007_summary_tally"} & set(self.migrated)
            if summary and self.conn.execute("SELECT 1 FROM articles LIMIT 1").fetchone():
                self._transaction(lambda: edgesum.rebuild(self.conn))  # a store from before the summary
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

    def ingest_batch(self, graphs: Iterable[ArticleGraph]) -> list[bool | StoreError]:
        """Ingest graphs in one transaction (the bulk path: same writes as :meth:`ingest`, resolution and
        the edge summary settled once); per graph True, False (unchanged) or the StoreError that kept it out."""
        self._writable()
        with self._lock:
            return write.ingest_batch(self.conn, list(graphs))

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

    def labels(self, ids: Iterable[int]) -> dict[int, str]:
        """Labels telling apart entities that share a name (their commonest title or co-mention)."""
        with self._reading():
            return resolution.labels(self.conn, ids)

    def find(self, name: str) -> list[dict[str, Any]]:
        """Global entities matching a name, alias or surname (case-insensitive), best first."""
        with self._reading():
            return query.find(self.conn, name)

    def person(self, name: str | int, filters: Filters = NO_FILTERS) -> dict[str, Any]:
        """Profile of the entity a name (or ``#id``) means, with its merged edges; NotFound or Ambiguous."""
        with self._reading():
            return query.person(self.conn, name, filters)

    def profile(self, name: str | int, filters: Filters = NO_FILTERS, limit: int = profileq.PAGE) -> dict[str, Any]:
        """A bounded profile: who the entity is, the total of each list and its first ``limit`` items (aliases,
        articles, ties strongest first, roles, quotes, events, claims); :meth:`profile_list` pages on."""
        with self._reading():
            return profileq.profile(self.conn, name, filters, limit)

    def profile_list(self, name: str | int, kind: str, filters: Filters = NO_FILTERS, offset: int = 0,
                     limit: int = profileq.PAGE) -> dict[str, Any]:
        """One page of one list of a profile (``kind``: one of ``profileq.LISTS``), with its total."""
        with self._reading():
            return profileq.profile_list(self.conn, name, kind, filters, offset, limit)

    def edges_page(self, name: str | int, filters: Filters = NO_FILTERS, order: str = "support", offset: int = 0,
                   limit: int = 50, sources: int = 5) -> dict[str, Any]:
        """The entity and one page of its merged edges (``order``: "support" or "strength"), with the totals of
        edges and of neighbours."""
        with self._reading():
            ent = lookup.choose(self.conn, name)
            total, others, page = graphq.entity_edges_page(self.conn, ent["id"], filters, order, offset, limit,
                                                           sources)
            return {"entity": {k: ent.get(k) for k in ("id", "name", "type", "articles", "match", "note")},
                    "edges": page, "total": total, "neighbours": others, "offset": offset, "limit": limit}

    def ties(self, a: str | int, b: str | int, filters: Filters = NO_FILTERS) -> dict[str, Any]:
        """Merged edges between two entities with every source, the raw relations and shared events."""
        with self._reading():
            return query.ties(self.conn, a, b, filters)

    def lookup(self, name: str | int) -> dict[str, Any]:
        """The entity a name means (with a note when others match too); NotFound (with suggestions) or Ambiguous."""
        with self._reading():
            return lookup.choose(self.conn, name)

    def edges(self, name: str | int, filters: Filters = NO_FILTERS) -> dict[str, Any]:
        """The entity a name means and every merged edge at it (one pass; no other profile parts)."""
        with self._lock:
            ent = lookup.choose(self.conn, name)
            return {"entity": {k: ent.get(k) for k in ("id", "name", "type", "articles", "match", "note")},
                    "edges": graphq.entity_edges(self.conn, ent["id"], filters)}

    def suggest(self, text: str, limit: int = 10) -> list[dict[str, Any]]:
        """Entities for a typeahead: exact matches, then names with a word starting with ``text``."""
        with self._lock:
            return suggest.suggest(self.conn, text, limit)

    def shortest_paths(self, a: str | int, b: str | int, filters: Filters = NO_FILTERS,
             statuses: tuple[str, ...] = graphq.PATH_STATUSES, max_depth: int = 4, limit: int = 5) -> dict[str, Any]:
        """Shortest paths between two entities through ties of the given statuses, each hop with evidence."""
        with self._reading():
            return graphq.path(self.conn, a, b, filters, statuses, max_depth, limit)

    def network(self, name: str | int, depth: int = 2, filters: Filters = NO_FILTERS, offset: int = 0,
                limit: int = 100, max_nodes: int = 500, fanout: int = graphq.FANOUT) -> dict[str, Any]:
        """An entity's neighbourhood up to ``depth`` hops, ``fanout`` strongest edges from each node (capped),
        edges paged."""
        with self._reading():
            return graphq.network(self.conn, name, depth, filters, offset, limit, max_nodes, fanout)

    def search(self, text: str, filters: Filters = NO_FILTERS, offset: int = 0, limit: int = 20) -> dict[str, Any]:
        """Evidence sentences and quotes containing every word of ``text`` (full-text), paged."""
        with self._reading():
            return graphq.search(self.conn, text, filters, offset, limit)

    def why(self, name: str | int) -> dict[str, Any]:
        """How the entity was formed: merged name forms and bare surnames with evidence and scores."""
        with self._reading():
            return lookup.why(self.conn, name)

    def decisions(self) -> list[dict[str, Any]]:
        """The stored corrections, oldest first."""
        with self._reading():
            return lookup.decisions(self.conn)

    def graph_data(self, filters: Filters = NO_FILTERS) -> dict[str, Any]:
        """The whole store as one graph (nodes, merged edges, decisions) for exports."""
        with self._reading():
            return exportq.graph_data(self.conn, filters)

    # --- corrections (each one transaction; replayed on every later resolution) ------------

    def correct(self, kind: str, *args: Any) -> dict[str, Any]:
        """Store a correction: ``merge A B``, ``distinct A B``, ``alias NAME ALIAS``, ``split NAME [articles]``."""
        self._writable()
        kinds: dict[str, Callable[..., dict[str, Any]]] = {
            "merge": corrections.merge, "distinct": corrections.distinct, "alias": corrections.alias,
            "split": corrections.split}
        fn = kinds[kind]
        return self._transaction(lambda: fn(self.conn, *args))

    def reresolve(self) -> dict[str, int]:
        """Resolve every block again from the stored counts and decisions (one transaction)."""
        self._writable()
        return self._transaction(lambda: corrections.reresolve(self.conn))

    def _transaction(self, work: Any) -> Any:
        with self._lock:
            self.conn.execute("BEGIN IMMEDIATE")
            try:
                result = work()
            except BaseException:
                self.conn.execute("ROLLBACK")
                raise
            self.conn.execute("COMMIT")
            return result

    def quotes(self, name: str | int) -> list[dict[str, Any]]:
        """Quotes said by someone, newest first, with outlet, date and article; raises NotFound."""
        with self._reading():
            return query.quotes(self.conn, name)

    def timeline(
        self, name: str | int, min_confidence: float | None = None, show_all: bool = False
    ) -> list[dict[str, Any]]:
        """Facts about someone in date order (their own date, else the report's); raises NotFound.

        Hypothetical facts and facts under ``min_confidence`` (default: the shown threshold) are left out
        unless ``show_all``.
        """
        with self._reading():
            if min_confidence is None:
                return query.timeline(self.conn, name, show_all=show_all)
            return query.timeline(self.conn, name, min_confidence, show_all)

    def timeline_page(self, name: str | int, filters: Filters = NO_FILTERS, offset: int = 0, limit: int = 100
                      ) -> dict[str, Any]:
        """One page of :meth:`timeline` (default visibility), filtered, sorted and cut in SQL, with its total."""
        with self._reading():
            ent = lookup.choose(self.conn, name)
            total, items = listq.timeline_page(self.conn, ent["id"], filters, offset, limit)
            return {"entity": {k: ent.get(k) for k in ("id", "name", "type")}, "items": items, "total": total}

    def people_page(self, offset: int = 0, limit: int = 50) -> dict[str, Any]:
        """One page of :meth:`people` (most mentioned first) and the number of people."""
        with self._reading():
            total, items = listq.people_page(self.conn, offset, limit)
            return {"items": items, "total": total}

    def count(self, *tables: str) -> dict[str, int]:
        """Rows in these tables (articles, entities, relations, quotes, roles, events, claims)."""
        with self._reading():
            return listq.counts(self.conn, tables)

    def articles_page(self, filters: Filters = NO_FILTERS, offset: int = 0, limit: int = 50) -> dict[str, Any]:
        """Stored articles passing the date and outlet filters, newest first: one page and the total."""
        with self._reading():
            total, items = listq.articles_page(self.conn, filters, offset, limit)
            return {"items": items, "total": total}

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
