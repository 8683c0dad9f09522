"""Paged long lists: the store's articles and a person's timeline, ordered and cut in SQL.

A hub's timeline holds tens of thousands of facts and the store a hundred thousand articles;
these reads sort and count in SQLite and build full rows for one page only.
"""

from __future__ import annotations

import sqlite3
from typing import Any

from ..confidence import DEFAULT_MIN_CONFIDENCE
from . import profileq, query
from .edges import NO_FILTERS, Filters


def articles_page(conn: sqlite3.Connection, filters: Filters = NO_FILTERS, offset: int = 0, limit: int = 50
                  ) -> tuple[int, list[dict[str, Any]]]:
    """Stored articles passing the date and outlet filters, newest first: their total and one page."""
    cond, params = profileq.fact_filter(filters, None)
    where = f"WHERE 1{cond}"
    total = conn.execute(f"SELECT count(*) FROM articles a {where}", params).fetchone()[0]
    rows = conn.execute(
        "SELECT a.id, a.title, a.published, a.outlet, a.url, a.source, a.extractor_version, a.ingested_at"
        f" FROM articles a {where} ORDER BY a.published DESC, a.id LIMIT ? OFFSET ?", [*params, limit, offset])
    return int(total), [dict(r) for r in rows]


def people_page(conn: sqlite3.Connection, offset: int = 0, limit: int = 50) -> tuple[int, list[dict[str, Any]]]:
    """PERSON entities, most mentioned first (as :func:`dossier.store.query.people`): the total and one page.

    Mentions and articles are counted per entity off their covering indexes, once for all, instead
    of joining every mention to its article entity.
    """
    rows = conn.execute(
        "SELECT e.id, e.name, e.type, e.gender, coalesce(m.n, 0) AS mentions, a.n AS articles,"
        " count(*) OVER () AS total"
        " FROM (SELECT entity_id, count(DISTINCT article_id) AS n FROM article_entities GROUP BY entity_id) a"
        " JOIN entities e ON e.id = a.entity_id"
        " LEFT JOIN (SELECT entity_id, count(*) AS n FROM mentions GROUP BY entity_id) m ON m.entity_id = e.id"
        " WHERE e.type = 'PERSON' ORDER BY mentions DESC, articles DESC, e.name LIMIT ? OFFSET ?",
        (limit, offset)).fetchall()
    if rows:
        items = [dict(r) for r in rows]
        for item in items:
            del item["total"]
        return int(rows[0]["total"]), items
    total = conn.execute("SELECT count(*) FROM entities e WHERE e.type = 'PERSON' AND EXISTS"
                         " (SELECT 1 FROM article_entities ae WHERE ae.entity_id = e.id)").fetchone()[0]
    return int(total), []


COUNTED = frozenset({"articles", "entities", "relations", "quotes", "roles", "events", "claims"})


def counts(conn: sqlite3.Connection, tables: tuple[str, ...]) -> dict[str, int]:
    """Rows in each of these tables (of :data:`COUNTED`)."""
    unknown = set(tables) - COUNTED
    if unknown:
        raise ValueError(f"cannot count {sorted(unknown)}; use {sorted(COUNTED)}")
    return {t: int(conn.execute(f'SELECT count(*) FROM "{t}"').fetchone()[0]) for t in tables}


# The calendar part of a TIMEX value (as :func:`dossier.store.query.date_of`), else the report date:
# the date a timeline orders a fact by.
def _date_sql(value: str) -> str:
    return (f"nullif(CASE WHEN {value} = 'PRESENT_REF' THEN a.published"
            f" WHEN {value} GLOB '[0-9][0-9][0-9][0-9]-[0-9][0-9]-[0-9][0-9]*' THEN substr({value}, 1, 10)"
            f" WHEN {value} GLOB '[0-9][0-9][0-9][0-9]-[0-9][0-9]*' THEN substr({value}, 1, 7)"
            f" WHEN {value} GLOB '[0-9][0-9][0-9][0-9]*' THEN substr({value}, 1, 4)"
            " ELSE a.published END, '')")


def _value(*columns: str) -> str:
    return f"coalesce({', '.join(f'nullif({c}, {chr(39) * 2})' for c in columns)})"


# kind, row id, the fact's TIMEX value, FROM ... WHERE (the entity is ?) for each kind of timeline fact.
_KINDS: tuple[tuple[str, str, str, str, bool], ...] = (
    ("quote", "f.id", "f.when_value", "quotes f JOIN articles a ON a.id = f.article_id WHERE f.speaker_id = ?",
     True),
    ("role", "f.id", _value("f.start_value", "f.when_value", "f.end_value"),
     "roles f JOIN articles a ON a.id = f.article_id WHERE f.person_id = ?", True),
    ("relation", "f.id", _value("f.start_value", "f.when_value"),
     "relations f JOIN articles a ON a.id = f.article_id WHERE (f.subject_id = ? OR f.object_id = ?)", True),
    ("event", "ep.rowid", "f.when_value", "event_participants ep JOIN events f ON f.id = ep.event_id"
     " JOIN articles a ON a.id = f.article_id WHERE ep.entity_id = ?", True),
    ("claim", "f.id", "NULL", "claims f JOIN articles a ON a.id = f.article_id"
     " WHERE f.id IN (SELECT claim_id FROM claim_entities WHERE entity_id = ?)", False),
)


def timeline_page(conn: sqlite3.Connection, eid: int, filters: Filters = NO_FILTERS, offset: int = 0,
                  limit: int = 100, min_confidence: float = DEFAULT_MIN_CONFIDENCE
                  ) -> tuple[int, list[dict[str, Any]]]:
    """One page of :func:`dossier.store.query.timeline` (dated facts in order, undated after), filtered.

    As there, hypothetical facts (but claims) and facts under ``min_confidence`` are left out; the
    filters' date, outlet, status and ``min_confidence`` apply to each fact. Returns the total and
    the page, each item as the full timeline row.
    """
    cond, params = profileq.fact_filter(filters, "f")
    parts, args = [], []
    for rank, (_kind, row, value, source, drop_hypothetical) in enumerate(_KINDS):
        shown = " AND f.status != 'hypothetical'" if drop_hypothetical else ""
        parts.append(
            f"SELECT {rank} AS kind, {row} AS row, {_date_sql(value)} AS date, coalesce(a.published, '') AS pub,"
            f" coalesce(f.ev_start, 0) AS pos, f.article_id AS article FROM {source}{shown}"
            f" AND (f.confidence IS NULL OR f.confidence >= ?){cond}")
        args += [eid] * source.count("?") + [min_confidence, *params]
    union = " UNION ALL ".join(parts)
    keys = conn.execute(
        f"SELECT kind, row, count(*) OVER () AS total FROM ({union})"
        " ORDER BY date IS NULL, date, pub, pos, kind, article, row LIMIT ? OFFSET ?",
        [*args, limit, offset]).fetchall()
    # One pass gives the page and the total; past the end there is no row to carry it.
    total = keys[0]["total"] if keys else conn.execute(f"SELECT count(*) FROM ({union})", args).fetchone()[0]
    wanted: dict[int, list[int]] = {}
    for k in keys:
        wanted.setdefault(k["kind"], []).append(k["row"])
    built: dict[tuple[int, int], dict[str, Any]] = {}
    for rank, rows in wanted.items():
        for item in _items(conn, _KINDS[rank][0], eid, rows):
            built[(rank, item["fact"]["row"])] = item
    page = []
    for k in keys:
        item = built[(k["kind"], k["row"])]
        item["fact"].pop("row", None)
        page.append(item)
    return int(total), page


def _items(conn: sqlite3.Connection, kind: str, eid: int, rows: list[int]) -> list[dict[str, Any]]:
    """Full timeline rows (as :func:`dossier.store.query.timeline` makes them) for these rows of one kind."""
    if kind == "quote":
        return [query._item("quote", q, q["when"], f"“{q['text']}”" if q["text"] else "")
                for q in query._quotes_by(conn, eid, rows)]
    if kind == "role":
        return [query._item("role", r, r["start"] or r["when"] or r["end"],
                            r["title"] + (f", {r['org']}" if r["org"] else ""))
                for r in query._roles_of(conn, eid, ids=rows)]
    if kind == "relation":
        return [query._item("relation", r, r["start"] or r["when"], f"{r['type']} {r['other'] or '?'}")
                for r in query._relations_of(conn, eid, ids=rows)]
    if kind == "event":
        return [query._item("event", e, e["when"], f"{e['type']} ({e['role']})")
                for e in query._events_of(conn, eid, ids=rows)]
    return [query._item("claim", c, None, c["text"] or "") for c in query._claims_about(conn, eid, rows)]
