"""Read queries over the store: people, look-ups, profiles, ties, quotes, timelines."""

from __future__ import annotations

import json
import re
import sqlite3
from dataclasses import replace
from typing import Any

from ..confidence import DEFAULT_MIN_CONFIDENCE
from ..errors import NotFound
from ..graph import ArticleGraph
from . import graphq, lookup
from .edges import NO_FILTERS, Filters
from .timewords import in_words

_DATE = re.compile(r"^(\d{4})(?:-(\d{2}))?(?:-(\d{2}))?")


def date_of(value: str | None) -> str | None:
    """The calendar part of a TIMEX3 value ("2016", "2016-05", "2016-05-03"); None if it has none."""
    if not value:
        return None
    match = _DATE.match(value)
    if not match:
        return None
    return "-".join(g for g in match.groups() if g)


def people(conn: sqlite3.Connection, limit: int | None = None) -> list[dict[str, Any]]:
    """PERSON entities with mention and article counts, most mentioned first."""
    rows = conn.execute(
        "SELECT e.id, e.name, e.type, e.gender, count(m.id) AS mentions, count(DISTINCT ae.article_id) AS articles"
        " FROM entities e JOIN article_entities ae ON ae.entity_id = e.id"
        " LEFT JOIN mentions m ON m.article_id = ae.article_id AND m.local_id = ae.local_id"
        " WHERE e.type = 'PERSON' GROUP BY e.id ORDER BY mentions DESC, articles DESC, e.name LIMIT ?",
        (-1 if limit is None else limit,),
    )
    return [dict(r) for r in rows]


def find(conn: sqlite3.Connection, name: str, prefer_person: bool = False) -> list[dict[str, Any]]:
    """Global entities a name can mean (exact name, alias, compatible person name or bare surname; never a
    substring), best first; people first with ``prefer_person``."""
    found = lookup.matches(conn, name)
    if prefer_person:
        found.sort(key=lambda e: e["type"] != "PERSON")
    return found


def resolve(conn: sqlite3.Connection, name: str | int) -> dict[str, Any]:
    """The entity meant by a name or id: alone or clearly dominant (``note`` says so); NotFound/Ambiguous else."""
    return lookup.choose(conn, name)


def person(conn: sqlite3.Connection, name: str | int, filters: Filters = NO_FILTERS) -> dict[str, Any]:
    """A profile: names, articles, quotes, roles, relations, events and claims about the entity."""
    ent = resolve(conn, name)
    eid = ent["id"]
    aliases = [r[0] for r in conn.execute(
        "SELECT text FROM mentions WHERE entity_id = ? AND kind IN ('name', 'alias') AND text IS NOT NULL"
        " GROUP BY text ORDER BY count(*) DESC, text", (eid,))]
    articles = [dict(r) for r in conn.execute(
        "SELECT a.id, a.title, a.published, a.outlet, a.url FROM articles a"
        " WHERE a.id IN (SELECT article_id FROM article_entities WHERE entity_id = ?)"
        " ORDER BY a.published DESC, a.id", (eid,))]
    return {
        "id": eid,
        "name": ent["name"],
        "type": ent["type"],
        "gender": ent["gender"],
        "mentions": ent["mentions"],
        "aliases": aliases,
        "articles": articles,
        "quotes": _quotes_by(conn, eid),
        "roles": _roles_of(conn, eid),
        "relations": (relations := _relations_of(conn, eid)),
        "ties": ties_summary(relations),
        "events": _events_of(conn, eid),
        "claims": _claims_about(conn, eid),
        "others": ent["others"],
        "note": ent.get("note"),
        "edges": graphq.entity_edges(conn, eid, filters),
    }


def quotes(conn: sqlite3.Connection, name: str | int) -> list[dict[str, Any]]:
    """What someone said, newest first, with outlet, date and article."""
    return _quotes_by(conn, resolve(conn, name)["id"])


def ties(conn: sqlite3.Connection, a: str | int, b: str | int, filters: Filters = NO_FILTERS) -> dict[str, Any]:
    """Merged edges between two entities (each with every source), plus the raw relations and shared events."""
    merged = graphq.ties(conn, a, b, filters)
    ids = (merged["a"]["id"], merged["b"]["id"])
    relations = _relations_of(conn, ids[0], other=ids[1])
    shared = _events_of(conn, ids[0], shared_with=ids[1])
    return {**merged, "relations": relations, "events": shared}


def timeline(
    conn: sqlite3.Connection, name: str | int, min_confidence: float = DEFAULT_MIN_CONFIDENCE, show_all: bool = False
) -> list[dict[str, Any]]:
    """Facts about someone in date order, each dated by its own TIMEX value or else by its report.

    A fact's own date is a role's start (or ``when``, or end), a relation's start or
    ``when``, an event's or quote's ``when``; a fact without one is dated by its
    article's publication date (``date_from`` "reported"). ``date_text`` says it in
    words ("fall 2015", "for some days, reported 2016-10-12"); ``when`` keeps the TIMEX
    value. Hypothetical facts and facts under ``min_confidence`` are left out unless
    ``show_all``.
    """
    eid = resolve(conn, name)["id"]
    items: list[dict[str, Any]] = []
    for q in _quotes_by(conn, eid):
        items.append(_item("quote", q, q["when"], f"“{q['text']}”" if q["text"] else ""))
    for r in _roles_of(conn, eid):
        value = r["start"] or r["when"] or r["end"]
        items.append(_item("role", r, value, r["title"] + (f", {r['org']}" if r["org"] else "")))
    for r in _relations_of(conn, eid):
        items.append(_item("relation", r, r["start"] or r["when"], f"{r['type']} {r['other'] or '?'}"))
    for e in _events_of(conn, eid):
        items.append(_item("event", e, e["when"], f"{e['type']} ({e['role']})"))
    for c in _claims_about(conn, eid):
        items.append(_item("claim", c, None, c["text"] or ""))
    if not show_all:
        items = [i for i in items if _visible(i, min_confidence)]
    dated = sorted((i for i in items if i["date"]), key=lambda i: (i["date"], i["published"] or "", i["start"] or 0))
    undated = [i for i in items if not i["date"]]  # only when the article has no publication date
    return dated + undated


def _visible(item: dict[str, Any], min_confidence: float) -> bool:
    if item["status"] == "hypothetical" and item["kind"] != "claim":
        return False
    return item["confidence"] is None or item["confidence"] >= min_confidence


def counts(conn: sqlite3.Connection) -> dict[str, int]:
    """Rows per table."""
    tables = [r[0] for r in conn.execute(
        "SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%'"
        " AND name NOT LIKE 'evidence_fts_%' ORDER BY name")]  # FTS5's own shadow tables are not ours
    return {t: conn.execute(f'SELECT count(*) FROM "{t}"').fetchone()[0] for t in tables}


def articles(conn: sqlite3.Connection, limit: int | None = None) -> list[dict[str, Any]]:
    """Stored articles, newest first (without body and graph)."""
    rows = conn.execute(
        "SELECT id, title, published, outlet, url, source, extractor_version, ingested_at FROM articles"
        " ORDER BY published DESC, id LIMIT ?", (-1 if limit is None else limit,))
    return [dict(r) for r in rows]


def graph(conn: sqlite3.Connection, article_id: str) -> ArticleGraph:
    """The article graph exactly as ingested."""
    row = conn.execute("SELECT graph_json, source FROM articles WHERE id = ?", (article_id,)).fetchone()
    if row is None:
        raise NotFound(f"no article with id {article_id!r}")
    result = ArticleGraph.from_dict(json.loads(row["graph_json"]))
    if row["source"] is not None:
        # ``source`` is not part of the contract JSON; it lives in its own column.
        result.article = replace(result.article, source=row["source"])
    return result


# --- facts of one entity -------------------------------------------------------------

_ARTICLE_COLS = "a.title AS article_title, a.published, a.outlet, a.url"


def _evidence(row: sqlite3.Row) -> dict[str, Any]:
    return {
        "article_id": row["article_id"],
        "article_title": row["article_title"],
        "published": row["published"],
        "outlet": row["outlet"],
        "url": row["url"],
        "start": row["ev_start"],
        "end": row["ev_end"],
        "in_title": bool(row["ev_in_title"]),
        "evidence": row["ev_text"],
        "sentence": row["sentence"],
        "extractor_version": row["extractor_version"],
    }


def _item(kind: str, fact: dict[str, Any], value: str | None, text: str) -> dict[str, Any]:
    """A timeline row: the fact's own date when its TIMEX value has one, else its report date."""
    published = fact.get("published")
    own = published if value == "PRESENT_REF" else date_of(value)
    words = in_words(value, published)
    date_from: str | None
    if own:
        date, date_from, date_text = own, "fact", words or own
    else:
        date, date_from = published, "reported" if published else None
        reported = f"reported {published}" if published else "undated"
        date_text = f"{words}, {reported}" if words else reported
    keep = ("status", "source", "confidence", "article_id", "article_title", "published", "outlet", "start", "end",
            "sentence")
    item: dict[str, Any] = {"kind": kind, "date": date, "date_from": date_from, "date_text": date_text,
                            "when": value, "reported": published, "text": text}
    item.update({k: fact.get(k) for k in keep})
    if kind in ("role", "relation"):
        # Their own "start"/"end" are TIMEX values; the span offsets sit under "span".
        item["start"], item["end"] = fact.get("span_start"), fact.get("span_end")
    item["fact"] = fact
    return item


def _only(column: str, ids: list[int] | None) -> str:
    """A condition keeping only these row ids (None: every row); ids are integers, so inlined."""
    return "" if ids is None else f" AND {column} IN ({','.join(str(int(i)) for i in ids) or 'NULL'})"


def _row(row_id: int, ids: list[int] | None) -> dict[str, int]:
    """The row id under "row", only for a read restricted to ``ids`` (it matches rows to a page)."""
    return {} if ids is None else {"row": row_id}


def _quotes_by(conn: sqlite3.Connection, eid: int, ids: list[int] | None = None) -> list[dict[str, Any]]:
    rows = conn.execute(
        f"SELECT q.*, {_ARTICLE_COLS}, ad.name AS addressee, src.name AS source FROM quotes q"
        " JOIN articles a ON a.id = q.article_id"
        " LEFT JOIN entities ad ON ad.id = q.addressee_id LEFT JOIN entities src ON src.id = q.source_id"
        f" WHERE q.speaker_id = ?{_only('q.id', ids)}", (eid,))
    out = []
    for r in rows:
        own = date_of(r["when_value"])
        out.append({
            **_row(r["id"], ids), "id": r["local_id"], "text": r["text"], "kind": r["kind"], "cue": r["cue"],
            "when": r["when_value"],
            "date": own or r["published"], "date_from": "fact" if own else ("published" if r["published"] else None),
            "status": r["status"], "addressee": r["addressee"], "source": r["source"],
            "confidence": r["confidence"], **_evidence(r),
        })
    out.sort(key=lambda q: (q["date"] or "", q["published"] or "", -(q["start"] or 0)), reverse=True)
    return out


def _roles_of(conn: sqlite3.Connection, eid: int, ids: list[int] | None = None) -> list[dict[str, Any]]:
    rows = conn.execute(
        f"SELECT r.*, {_ARTICLE_COLS}, o.name AS org, p.name AS place, src.name AS source FROM roles r"
        " JOIN articles a ON a.id = r.article_id LEFT JOIN entities o ON o.id = r.org_id"
        " LEFT JOIN entities p ON p.id = r.place_id LEFT JOIN entities src ON src.id = r.source_id"
        f" WHERE r.person_id = ?{_only('r.id', ids)} ORDER BY a.published, r.article_id, r.ev_start", (eid,))
    out = []
    for r in rows:
        ev = _evidence(r)
        ev["span_start"], ev["span_end"] = ev.pop("start"), ev.pop("end")
        out.append({
            **_row(r["id"], ids), "title": r["title"], "org": r["org"], "org_id": r["org_id"], "place": r["place"],
            "place_id": r["place_id"], "start": r["start_value"], "end": r["end_value"], "when": r["when_value"],
            "current": None if r["current"] is None else bool(r["current"]), "status": r["status"],
            "source": r["source"], "confidence": r["confidence"], **ev,
        })
    return out


def _relations_of(conn: sqlite3.Connection, eid: int, other: int | None = None, ids: list[int] | None = None
                  ) -> list[dict[str, Any]]:
    """Relations naming the entity (only those with ``other`` at the other end, when given)."""
    where = ("(r.subject_id = :e OR r.object_id = :e)" if other is None else
             "((r.subject_id = :e AND r.object_id = :o) OR (r.subject_id = :o AND r.object_id = :e))")
    rows = conn.execute(
        f"SELECT r.*, {_ARTICLE_COLS}, s.name AS subject, o.name AS object, src.name AS source FROM relations r"
        " JOIN articles a ON a.id = r.article_id LEFT JOIN entities s ON s.id = r.subject_id"
        " LEFT JOIN entities o ON o.id = r.object_id LEFT JOIN entities src ON src.id = r.source_id"
        f" WHERE {where}{_only('r.id', ids)} ORDER BY a.published, r.article_id, r.ev_start", {"e": eid, "o": other})
    out = []
    for r in rows:
        outgoing = r["subject_id"] == eid
        ev = _evidence(r)
        ev["span_start"], ev["span_end"] = ev.pop("start"), ev.pop("end")
        out.append({
            **_row(r["id"], ids), "type": r["type"], "direction": "out" if outgoing else "in",
            "subject": r["subject"], "subject_id": r["subject_id"], "object": r["object"], "object_id": r["object_id"],
            "other": r["object"] if outgoing else r["subject"],
            "other_id": r["object_id"] if outgoing else r["subject_id"],
            "start": r["start_value"], "end": r["end_value"], "when": r["when_value"], "status": r["status"],
            "source": r["source"], "confidence": r["confidence"], **ev,
        })
    return out


def ties_summary(relations: list[dict[str, Any]]) -> list[dict[str, Any]]:
    """One row per (type, other party): dates, statuses and how many articles state it."""
    groups: dict[tuple[Any, ...], dict[str, Any]] = {}
    for r in relations:
        key = (r["type"], r["other_id"], r["direction"])
        tie = groups.setdefault(key, {
            "type": r["type"], "other": r["other"], "other_id": r["other_id"], "direction": r["direction"],
            "start": None, "end": None, "statuses": {}, "articles": set(), "sentence": r.get("sentence"),
        })
        tie["articles"].add(r["article_id"])
        tie["statuses"][r["status"]] = tie["statuses"].get(r["status"], 0) + 1
        for bound, pick in (("start", min), ("end", max)):
            value = r.get(bound) or (r.get("when") if bound == "start" else None)
            if value:
                tie[bound] = pick(filter(None, (tie[bound], value)))
    out = []
    for tie in groups.values():
        tie["sources"] = len(tie.pop("articles"))
        out.append(tie)
    out.sort(key=lambda t: (-t["sources"], t["type"], t["other"] or ""))
    return out


def _events_of(conn: sqlite3.Connection, eid: int, shared_with: int | None = None, ids: list[int] | None = None
               ) -> list[dict[str, Any]]:
    """Events the entity takes part in (only those ``shared_with`` takes part in too, when given)."""
    shared = ("" if shared_with is None else
              " AND ev.id IN (SELECT event_id FROM event_participants WHERE entity_id = ?)")
    rows = conn.execute(
        f"SELECT ev.*, {_ARTICLE_COLS}, src.name AS source, ep.role AS role, ep.rowid AS ep_row FROM events ev"
        " JOIN event_participants ep ON ep.event_id = ev.id JOIN articles a ON a.id = ev.article_id"
        " LEFT JOIN entities src ON src.id = ev.source_id"
        f" WHERE ep.entity_id = ?{shared}{_only('ep.rowid', ids)} ORDER BY a.published, ev.article_id, ev.ev_start",
        (eid,) if shared_with is None else (eid, shared_with)).fetchall()
    out = []
    for r in rows:
        participants = [dict(p) for p in conn.execute(
            "SELECT ep.role, ep.entity_id, e.name FROM event_participants ep"
            " LEFT JOIN entities e ON e.id = ep.entity_id WHERE ep.event_id = ? ORDER BY ep.rowid", (r["id"],))]
        out.append({
            **_row(r["ep_row"], ids), "type": r["type"], "role": r["role"], "when": r["when_value"],
            "status": r["status"], "source": r["source"], "confidence": r["confidence"], "participants": participants,
            **_evidence(r),
        })
    return out


def _claims_about(conn: sqlite3.Connection, eid: int, ids: list[int] | None = None) -> list[dict[str, Any]]:
    rows = conn.execute(
        f"SELECT c.*, {_ARTICLE_COLS}, src.name AS source FROM claims c JOIN articles a ON a.id = c.article_id"
        " LEFT JOIN entities src ON src.id = c.source_id"
        f" WHERE c.id IN (SELECT claim_id FROM claim_entities WHERE entity_id = ?){_only('c.id', ids)}"
        " ORDER BY a.published, c.article_id, c.ev_start", (eid,))
    return [{
        **_row(r["id"], ids), "text": r["ev_text"], "status": r["status"], "cues": json.loads(r["cues"]),
        "source": r["source"], "confidence": r["confidence"], **_evidence(r),
    } for r in rows]
