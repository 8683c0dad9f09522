"""Paged, capped profile reads: counts plus one page of each list, so a hub's profile is a bounded set of queries.

Every list is read with ``LIMIT/OFFSET`` on an index of the entity that already holds the list's order
(migration 006), so a page stops after its rows however many the entity has (``EXPLAIN QUERY PLAN`` in
the tests checks that no list sorts); its total is one ``count`` over that index. Facts pass the source
filters (report date, outlet, status) and ``min_confidence`` on their own confidence (a fact without one
passes); ties are merged edges (:func:`dossier.store.graphq.entity_edges_page`).
"""

from __future__ import annotations

import json
import sqlite3
from collections.abc import Callable
from typing import Any

from . import graphq
from .edges import NO_FILTERS, Filters
from .lookup import choose

PAGE = 20  # default page of every list
MAX_PAGE = 500
_ARTICLE_COLS = "a.title AS article_title, a.published, a.outlet, a.url"


def fact_filter(filters: Filters, fact: str | None, published: str = "a.published", outlet: str = "a.outlet"
                 ) -> tuple[str, list[Any]]:
    """SQL conditions on the report date and outlet columns given (the article's by default), and on the fact
    table aliased ``fact``, when given."""
    where, params = graphq.article_conditions(filters, published, outlet)
    if fact is not None and filters.status:
        where.append(f"{fact}.status IN ({','.join('?' * len(filters.status))})")
        params += list(filters.status)
    if fact is not None and filters.min_confidence:
        where.append(f"({fact}.confidence IS NULL OR {fact}.confidence >= ?)")
        params.append(filters.min_confidence)
    return "".join(f" AND {w}" for w in where), params


def _evidence(r: sqlite3.Row) -> dict[str, Any]:
    return {
        "article_id": r["article_id"], "article_title": r["article_title"], "published": r["published"],
        "outlet": r["outlet"], "url": r["url"], "start": r["ev_start"], "end": r["ev_end"],
        "in_title": bool(r["ev_in_title"]), "evidence": r["ev_text"], "sentence": r["sentence"],
        "extractor_version": r["extractor_version"],
    }


def _count(conn: sqlite3.Connection, sql: str, params: list[Any]) -> int:
    return int(conn.execute(f"SELECT count(*) FROM ({sql})", params).fetchone()[0])


def _lean(frm: str, filters: Filters) -> str:
    """A fact list's FROM for counting: without the article unless an outlet filter needs it (the fact row
    holds its report date)."""
    return frm if filters.outlet else frm.split(" JOIN ")[0]


def articles(conn: sqlite3.Connection, eid: int, filters: Filters, offset: int, limit: int
             ) -> tuple[int, list[dict[str, Any]]]:
    """The entity's articles, newest first (its article entities carry the report date and outlet)."""
    cond, params = fact_filter(filters, None, "ae.published", "ae.outlet")
    inner = f"FROM article_entities ae WHERE ae.entity_id = ?{cond}"
    rows = conn.execute(
        "SELECT a.id, a.title, a.published, a.outlet, a.url FROM"
        f" (SELECT ae.published, ae.article_id {inner} GROUP BY ae.published, ae.article_id"
        " ORDER BY ae.published DESC, ae.article_id LIMIT ? OFFSET ?) x JOIN articles a ON a.id = x.article_id"
        " ORDER BY x.published DESC, x.article_id",
        [eid, *params, limit, offset]).fetchall()
    total = conn.execute(f"SELECT count(DISTINCT ae.article_id) {inner}", [eid, *params]).fetchone()[0]
    return int(total), [dict(r) for r in rows]


def quotes(conn: sqlite3.Connection, eid: int, filters: Filters, offset: int, limit: int
           ) -> tuple[int, list[dict[str, Any]]]:
    """Quotes the entity said, newest report first."""
    cond, params = fact_filter(filters, "q", "q.published")
    frm, where = "FROM quotes q JOIN articles a ON a.id = q.article_id", f"WHERE q.speaker_id = ?{cond}"
    rows = conn.execute(
        f"SELECT q.*, {_ARTICLE_COLS}, ad.name AS addressee, src.name AS source {frm}"
        f" LEFT JOIN entities ad ON ad.id = q.addressee_id LEFT JOIN entities src ON src.id = q.source_id {where}"
        " ORDER BY q.published DESC, q.article_id, q.ev_start LIMIT ? OFFSET ?", [eid, *params, limit, offset])
    items = [{
        "id": r["local_id"], "text": r["text"], "kind": r["kind"], "cue": r["cue"], "when": r["when_value"],
        "status": r["status"], "addressee": r["addressee"], "source": r["source"], "confidence": r["confidence"],
        **_evidence(r)} for r in rows]
    return _count(conn, f"SELECT q.id {_lean(frm, filters)} {where}", [eid, *params]), items


def roles(conn: sqlite3.Connection, eid: int, filters: Filters, offset: int, limit: int
          ) -> tuple[int, list[dict[str, Any]]]:
    """The entity's roles, in report order."""
    cond, params = fact_filter(filters, "r", "r.published")
    frm, where = "FROM roles r JOIN articles a ON a.id = r.article_id", f"WHERE r.person_id = ?{cond}"
    rows = conn.execute(
        f"SELECT r.*, {_ARTICLE_COLS}, o.name AS org, p.name AS place, src.name AS source {frm}"
        " LEFT JOIN entities o ON o.id = r.org_id LEFT JOIN entities p ON p.id = r.place_id"
        f" LEFT JOIN entities src ON src.id = r.source_id {where}"
        " ORDER BY r.published, r.article_id, r.ev_start LIMIT ? OFFSET ?", [eid, *params, limit, offset])
    items = []
    for r in rows:
        ev = _evidence(r)
        ev["span_start"], ev["span_end"] = ev.pop("start"), ev.pop("end")
        items.append({
            "title": r["title"], "org": r["org"], "org_id": r["org_id"], "place": r["place"],
            "place_id": r["place_id"], "start": r["start_value"], "end": r["end_value"], "when": r["when_value"],
            "current": None if r["current"] is None else bool(r["current"]), "status": r["status"],
            "source": r["source"], "confidence": r["confidence"], **ev})
    return _count(conn, f"SELECT r.id {_lean(frm, filters)} {where}", [eid, *params]), items


def events(conn: sqlite3.Connection, eid: int, filters: Filters, offset: int, limit: int
           ) -> tuple[int, list[dict[str, Any]]]:
    """Events the entity took part in, in report order, each with its participants."""
    cond, params = fact_filter(filters, "ev")
    frm = "FROM event_participants ep JOIN events ev ON ev.id = ep.event_id JOIN articles a ON a.id = ev.article_id"
    where = f"WHERE ep.entity_id = ?{cond}"
    rows = conn.execute(
        f"SELECT ev.*, {_ARTICLE_COLS}, src.name AS source, ep.role AS role {frm}"
        f" LEFT JOIN entities src ON src.id = ev.source_id {where}"
        " ORDER BY a.published, ev.article_id, ev.ev_start LIMIT ? OFFSET ?", [eid, *params, limit, offset]).fetchall()
    items = []
    for r in rows:
        participants = [dict(p) for p in conn.execute(
            "SELECT ep.role, ep.entity_id, e.name FROM event_participants ep"
            " LEFT JOIN entities e ON e.id = ep.entity_id WHERE ep.event_id = ? ORDER BY ep.rowid", (r["id"],))]
        items.append({"type": r["type"], "role": r["role"], "when": r["when_value"], "status": r["status"],
                      "source": r["source"], "confidence": r["confidence"], "participants": participants,
                      **_evidence(r)})
    return _count(conn, f"SELECT ev.id {frm} {where}", [eid, *params]), items


def claims(conn: sqlite3.Connection, eid: int, filters: Filters, offset: int, limit: int
           ) -> tuple[int, list[dict[str, Any]]]:
    """Statements about the entity, in report order."""
    cond, params = fact_filter(filters, "c")
    frm = "FROM claim_entities ce JOIN claims c ON c.id = ce.claim_id JOIN articles a ON a.id = c.article_id"
    where = f"WHERE ce.entity_id = ?{cond}"
    rows = conn.execute(
        f"SELECT DISTINCT c.*, {_ARTICLE_COLS}, src.name AS source {frm}"
        f" LEFT JOIN entities src ON src.id = c.source_id {where}"
        " ORDER BY a.published, c.article_id, c.ev_start LIMIT ? OFFSET ?", [eid, *params, limit, offset])
    items = [{"text": r["ev_text"], "status": r["status"], "cues": json.loads(r["cues"]), "source": r["source"],
              "confidence": r["confidence"], **_evidence(r)} for r in rows]
    return _count(conn, f"SELECT DISTINCT c.id {frm} {where}", [eid, *params]), items


def ties(conn: sqlite3.Connection, eid: int, filters: Filters, offset: int, limit: int
         ) -> tuple[int, list[dict[str, Any]]]:
    """Merged edges at the entity, strongest first, each with its first sources."""
    total, _others, page = graphq.entity_edges_page(conn, eid, filters, "strength", offset, limit, sources=5)
    return total, page


def aliases(conn: sqlite3.Connection, eid: int, filters: Filters, offset: int, limit: int
            ) -> tuple[int, list[str]]:
    """Names articles use for the entity, most used first."""
    base = ("SELECT text FROM mentions WHERE entity_id = ? AND kind IN ('name', 'alias') AND text IS NOT NULL"
            " GROUP BY text")
    rows = conn.execute(f"{base} ORDER BY count(*) DESC, text LIMIT ? OFFSET ?", (eid, limit, offset))
    return _count(conn, base, [eid]), [r[0] for r in rows]


LISTS: dict[str, Callable[[sqlite3.Connection, int, Filters, int, int], tuple[int, list[Any]]]] = {
    "aliases": aliases, "articles": articles, "ties": ties, "roles": roles, "quotes": quotes, "events": events,
    "claims": claims,
}


def profile(conn: sqlite3.Connection, name: str | int, filters: Filters = NO_FILTERS, limit: int = PAGE
            ) -> dict[str, Any]:
    """Who the entity is, the total of each list and its first ``limit`` items (see :data:`LISTS`)."""
    ent = choose(conn, name)
    limit = max(1, min(limit, MAX_PAGE))
    out: dict[str, Any] = {k: ent.get(k) for k in ("id", "name", "type", "gender", "mentions", "note", "others")}
    out["articles_total"] = ent["articles"]
    totals: dict[str, int] = {}
    for kind, read in LISTS.items():
        totals[kind], out[kind] = read(conn, ent["id"], filters, 0, limit)
    out["totals"] = totals
    out["limit"] = limit
    return out


def profile_list(conn: sqlite3.Connection, name: str | int, kind: str, filters: Filters = NO_FILTERS,
                 offset: int = 0, limit: int = PAGE) -> dict[str, Any]:
    """One page of one list of a profile: items, total, offset, limit and next_offset (None at the end)."""
    if kind not in LISTS:
        raise ValueError(f"unknown profile list {kind!r}; use {', '.join(LISTS)}")
    ent = choose(conn, name)
    limit = max(1, min(limit, MAX_PAGE))
    offset = max(0, offset)
    total, items = LISTS[kind](conn, ent["id"], filters, offset, limit)
    return {"entity": {k: ent.get(k) for k in ("id", "name", "type")}, "kind": kind, "items": items,
            "total": total, "offset": offset, "limit": limit,
            "next_offset": offset + limit if offset + limit < total else None}
