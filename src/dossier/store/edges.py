"""Merged ties: one edge per (type, entity pair) with every source, a support summary and its contradictions.

An edge's status is the strongest status among its sources (``STATUS_ORDER``);
negated, unknown and hypothetical sources are listed but never make an edge
asserted, attributed, ... (an edge stated only by them takes the first of them in
``NON_SUPPORTING``). Confidence of a source is the fact's own ``confidence`` or,
where the fact has none, ``DEFAULT_CONFIDENCE[status]``; an edge's confidence
combines its supporting sources' best confidence per outlet as a noisy-or
(independent outlets add up, repeats in one outlet don't).
"""

from __future__ import annotations

import hashlib
import re
import sqlite3
from collections.abc import Iterable
from dataclasses import dataclass, field
from typing import Any

STATUS_ORDER = ("asserted", "attributed", "reported", "hedged", "speculative")
NON_SUPPORTING = ("negated", "unknown", "hypothetical")
DEFAULT_CONFIDENCE = {
    "asserted": 0.9, "attributed": 0.8, "reported": 0.6, "hedged": 0.5, "speculative": 0.3,
    "negated": 0.0, "unknown": 0.0, "hypothetical": 0.0,
}
SYMMETRIC = frozenset({
    "family.sibling", "family.spouse", "family.relative", "social.friendship", "social.romance", "social.tension",
    "professional.worked_with", "contest.ran_against", "contact.met", "contact.spoke_with",
})
# Directed types whose reverse contradicts them ("A defeated B" vs "B defeated A").
EXCLUSIVE = frozenset({"contest.defeated", "family.parent", "family.child", "professional.mentor"})
_YEAR = re.compile(r"^(\d{4})")


@dataclass(frozen=True)
class Filters:
    """Filters every graph query takes; a source must pass all of them, an edge needs ``min_sources``."""

    since: str | None = None  # published on or after (YYYY, YYYY-MM or YYYY-MM-DD)
    until: str | None = None  # published on or before
    status: tuple[str, ...] = ()
    outlet: tuple[str, ...] = ()
    min_sources: int = 1
    min_confidence: float = 0.0
    # The default view: a source counts only when the user would be shown the fact itself
    # (not hypothetical, its own confidence at least this); None keeps every source.
    fact_min_confidence: float | None = None

    def keeps(self, src: dict[str, Any]) -> bool:
        if self.fact_min_confidence is not None and (
            src["status"] == "hypothetical"
            or (src.get("confidence_from") == "fact" and src["confidence"] < self.fact_min_confidence)
        ):
            return False
        published = src.get("published") or ""
        if self.since and (not published or published < self.since):
            return False
        if self.until and (not published or published[: len(self.until)] > self.until):
            return False
        if self.status and src["status"] not in self.status:
            return False
        return not (self.outlet and (src.get("outlet") or "").casefold() not in {o.casefold() for o in self.outlet})


NO_FILTERS = Filters()


def edge_id(type_: str, source_key: str, target_key: str) -> str:
    """A stable edge id from its type and its ends' cluster keys (in either order for a symmetric type)."""
    if type_ in SYMMETRIC and source_key > target_key:
        source_key, target_key = target_key, source_key
    digest = hashlib.sha1(f"{type_}\n{source_key}\n{target_key}".encode()).hexdigest()[:12]
    return f"r:{digest}"


REL_SQL = (
    "SELECT r.id, r.type, r.subject_id AS s, r.object_id AS o, r.start_value, r.end_value, r.when_value, r.status,"
    " r.confidence, r.source_id, r.ev_start, r.ev_end, r.ev_in_title, r.sentence, r.article_id,"
    " a.outlet, a.published, a.url, a.title AS article_title FROM relations r JOIN articles a ON a.id = r.article_id"
)
ROLE_SQL = (
    "SELECT r.id, 'role.' || lower(r.title) AS type, r.person_id AS s, r.org_id AS o, r.start_value, r.end_value,"
    " r.when_value, r.status, NULL AS confidence, r.source_id, r.ev_start, r.ev_end, r.ev_in_title, r.sentence,"
    " r.article_id, a.outlet, a.published, a.url, a.title AS article_title"
    " FROM roles r JOIN articles a ON a.id = r.article_id"
)


def _rows(conn: sqlite3.Connection, where: str, params: tuple[Any, ...], roles: bool = True) -> list[sqlite3.Row]:
    rows = conn.execute(f"{REL_SQL} WHERE r.subject_id IS NOT NULL AND r.object_id IS NOT NULL AND {where}",
                        params).fetchall()
    if roles:
        rwhere = where.replace("r.subject_id", "r.person_id").replace("r.object_id", "r.org_id")
        rows += conn.execute(f"{ROLE_SQL} WHERE r.person_id IS NOT NULL AND r.org_id IS NOT NULL AND {rwhere}",
                             params).fetchall()
    return rows


def rows_of(conn: sqlite3.Connection, eid: int) -> list[sqlite3.Row]:
    """Relation and role rows naming an entity at either end."""
    return _rows(conn, "(r.subject_id = ? OR r.object_id = ?)", (eid, eid))


def rows_between(conn: sqlite3.Connection, a: int, b: int) -> list[sqlite3.Row]:
    return _rows(conn, "((r.subject_id = ? AND r.object_id = ?) OR (r.subject_id = ? AND r.object_id = ?))",
                 (a, b, b, a))


# What merging needs to summarise an edge, without the text of its sources (sentence, title, url).
LEAN = {"r.sentence": "NULL AS sentence", "a.url": "NULL AS url", "a.title AS article_title": "NULL AS article_title"}


def lean_rows_between(conn: sqlite3.Connection, a: int, b: int) -> list[sqlite3.Row]:
    """The fact rows between two entities with only what an edge's summary depends on (no texts)."""
    where = "((r.subject_id = ? AND r.object_id = ?) OR (r.subject_id = ? AND r.object_id = ?))"
    rel, role = REL_SQL, ROLE_SQL
    for col, blank in LEAN.items():
        rel, role = rel.replace(col, blank), role.replace(col, blank)
    rows = conn.execute(f"{rel} WHERE r.subject_id IS NOT NULL AND r.object_id IS NOT NULL AND {where}",
                        (a, b, b, a)).fetchall()
    rwhere = where.replace("r.subject_id", "r.person_id").replace("r.object_id", "r.org_id")
    rows += conn.execute(f"{role} WHERE r.person_id IS NOT NULL AND r.org_id IS NOT NULL AND {rwhere}",
                         (a, b, b, a)).fetchall()
    return rows


def all_rows(conn: sqlite3.Connection) -> Iterable[sqlite3.Row]:
    """Every relation and role row with both ends (for exports)."""
    return _rows(conn, "1", ())


@dataclass
class _Edge:
    type: str
    source: int
    target: int
    sources: list[dict[str, Any]] = field(default_factory=list)


def source(r: sqlite3.Row) -> dict[str, Any]:
    """One fact row (of ``REL_SQL`` or ``ROLE_SQL``) as a source of an edge."""
    conf = r["confidence"] if r["confidence"] is not None else DEFAULT_CONFIDENCE.get(r["status"], 0.0)
    return {
        "article": r["article_id"], "article_title": r["article_title"], "outlet": r["outlet"],
        "published": r["published"], "url": r["url"],
        "evidence": {"start": r["ev_start"], "end": r["ev_end"], **({"in": "title"} if r["ev_in_title"] else {})},
        "sentence": r["sentence"], "status": r["status"], "confidence": round(float(conf), 3),
        "confidence_from": "fact" if r["confidence"] is not None else "status default",
        "source_entity": r["source_id"], "subject": r["s"], "start": r["start_value"], "end": r["end_value"],
        "when": r["when_value"], "fact_id": r["id"],
    }


def merge(rows: Iterable[sqlite3.Row], filters: Filters = NO_FILTERS) -> list[dict[str, Any]]:
    """Group fact rows into edges, keeping only sources and edges that pass the filters."""
    groups: dict[tuple[str, int, int], _Edge] = {}
    for r in rows:
        src = source(r)
        if not filters.keeps(src):
            continue
        s, o = r["s"], r["o"]
        if s == o:
            continue
        if r["type"] in SYMMETRIC and s > o:
            s, o = o, s
        key = (r["type"], s, o)
        group = groups.get(key)
        if group is None:
            group = groups[key] = _Edge(r["type"], s, o)
        group.sources.append(src)
    edges = [_summarise(e) for e in groups.values()]
    _mark_reversals(edges)
    out = [e for e in edges if e["support"]["articles"] >= filters.min_sources
           and e["confidence"] >= filters.min_confidence]
    out.sort(key=lambda e: (-e["support"]["articles"], e["type"], e["source"], e["target"]))
    return out


def strongest(statuses: Iterable[str]) -> str:
    """The edge status from its sources' statuses (see the module docstring)."""
    seen = set(statuses)
    for s in (*STATUS_ORDER, *NON_SUPPORTING):
        if s in seen:
            return s
    return "unknown"


def _summarise(e: _Edge) -> dict[str, Any]:
    e.sources.sort(key=lambda s: (s["published"] or "", s["article"], s["evidence"]["start"] or 0))
    supporting = [s for s in e.sources if s["status"] in STATUS_ORDER]
    best_per_outlet: dict[str, float] = {}
    for s in supporting:
        outlet = s["outlet"] or s["article"]
        best_per_outlet[outlet] = max(best_per_outlet.get(outlet, 0.0), s["confidence"])
    miss = 1.0
    for c in best_per_outlet.values():
        miss *= 1.0 - min(c, 0.99)
    published = [s["published"] for s in e.sources if s["published"]]
    start, start_conflict = _interval_end([s["start"] or s["when"] for s in supporting])
    end, end_conflict = _interval_end([s["end"] for s in supporting])
    contradictions: list[dict[str, Any]] = []
    negating = [s for s in e.sources if s["status"] == "negated"]
    if supporting and negating:
        contradictions.append({"kind": "status", "supporting": sorted({s["article"] for s in supporting}),
                               "negating": sorted({s["article"] for s in negating})})
    if start_conflict:
        contradictions.append({"kind": "start", "values": start_conflict})
    if end_conflict:
        contradictions.append({"kind": "end", "values": end_conflict})
    return {
        "type": e.type, "source": e.source, "target": e.target, "symmetric": e.type in SYMMETRIC,
        "start": start, "end": end, "status": strongest(s["status"] for s in e.sources),
        "confidence": round(1.0 - miss, 3) if supporting else 0.0,
        "support": {
            "articles": len({s["article"] for s in e.sources}),
            "supporting_articles": len({s["article"] for s in supporting}),
            "outlets": len({s["outlet"] for s in supporting if s["outlet"]}),
            "strongest": strongest(s["status"] for s in e.sources),
            "statuses": {st: sum(1 for s in e.sources if s["status"] == st)
                         for st in dict.fromkeys(s["status"] for s in e.sources)},
            "earliest": min(published) if published else None,
            "latest": max(published) if published else None,
        },
        "contradictions": contradictions,
        "sources": e.sources,
    }


def _interval_end(values: list[str | None]) -> tuple[str | None, list[str]]:
    """The tightest value consistent with all (the most precise when they nest: 2016 and 2016-05 -> 2016-05);
    when they disagree, the best supported (earliest on a tie) and the conflicting values."""
    dated = sorted({v for v in values if v and _YEAR.match(v)})
    if not dated:
        return None, []
    nested = all(a.startswith(b) or b.startswith(a) for a in dated for b in dated)
    if nested:
        return max(dated, key=len), []
    votes = {v: sum(1 for x in values if x == v) for v in dated}
    best = max(dated, key=lambda v: (votes[v], -dated.index(v)))
    return best, dated


def _mark_reversals(edges: list[dict[str, Any]]) -> None:
    index = {(e["type"], e["source"], e["target"]): e for e in edges}
    for e in edges:
        if e["type"] in EXCLUSIVE:
            other = index.get((e["type"], e["target"], e["source"]))
            if other is not None:
                e["contradictions"].append({
                    "kind": "direction", "reverse_articles": sorted({s["article"] for s in other["sources"]})})
