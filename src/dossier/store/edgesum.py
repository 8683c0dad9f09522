"""The edge summary: one row per merged edge, kept in step with the facts, read by the graph queries.

Triggers (migration 004) mark in ``edge_dirty`` every entity pair whose relation or role rows
change, whichever write changed them (ingest, replacement, re-pointing by resolution or a
correction); :func:`settle` recomputes those pairs with :func:`dossier.store.edges.merge` before
the writer commits. So a summary row is always what merging the pair's facts gives, for two
views: every source (``ALL``) and the sources a user is shown by default (``SHOWN``).

A query whose filters only cut whole edges (``min_sources``, ``min_confidence``) reads the
summary; filters on the sources themselves (dates, statuses, outlets, another fact threshold)
change the edges, so those queries merge the facts instead (:func:`view_for` says which).
"""

from __future__ import annotations

import json
import sqlite3
from collections.abc import Iterable
from typing import Any

from ..confidence import DEFAULT_MIN_CONFIDENCE
from . import edges as E

ALL, SHOWN = 0, 1
_VIEW_FILTERS = {ALL: E.NO_FILTERS, SHOWN: E.Filters(fact_min_confidence=DEFAULT_MIN_CONFIDENCE)}
_RANK = {s: i for i, s in enumerate((*E.STATUS_ORDER, *E.NON_SUPPORTING))}
COLUMNS = ("view", "type", "source", "target", "status", "status_rank", "facts", "articles", "supporting", "outlets",
           "earliest", "latest", "confidence", "max_confidence", "contradicted", "start", "end", "detail")


def view_for(filters: E.Filters) -> int | None:
    """The summary view that answers these filters, or None when only the facts can."""
    if filters.since or filters.until or filters.status or filters.outlet:
        return None
    if filters.fact_min_confidence is None:
        return ALL
    return SHOWN if filters.fact_min_confidence == DEFAULT_MIN_CONFIDENCE else None


# --- maintenance ---------------------------------------------------------------------------


def _row(view: int, e: dict[str, Any]) -> tuple[Any, ...]:
    sup = e["support"]
    best = max((s["confidence"] for s in e["sources"] if s["status"] in E.STATUS_ORDER), default=0.0)
    detail = json.dumps({"statuses": sup["statuses"], "contradictions": e["contradictions"]},
                        ensure_ascii=False, sort_keys=True)
    return (view, e["type"], e["source"], e["target"], e["status"], _RANK.get(e["status"], len(_RANK)),
            len(e["sources"]), sup["articles"], sup["supporting_articles"], sup["outlets"], sup["earliest"],
            sup["latest"],
            e["confidence"], best, int(bool(e["contradictions"])), e["start"], e["end"], detail)


def _first_key(src: dict[str, Any]) -> list[Any]:
    """Where a source falls in a merged edge's order of sources (report date, article, offset)."""
    return [src["published"] or "", src["article"], src["evidence"]["start"] or 0]


def _dated(value: str | None) -> bool:
    return bool(value) and E._YEAR.match(value) is not None  # type: ignore[arg-type]


def _tally(view: int, e: dict[str, Any]) -> tuple[Any, ...]:
    """The tally row of a merged edge: what adding a source to it needs beyond its summary row."""
    outlets: dict[str, list[Any]] = {}
    start: dict[str, int] = {}
    end: dict[str, int] = {}
    for s in e["sources"]:
        _count_source(s, outlets, start, end)
    return (view, e["type"], e["source"], e["target"], _state_json(outlets, start, end))


def _count_source(s: dict[str, Any], outlets: dict[str, list[Any]], start: dict[str, int],
                  end: dict[str, int]) -> None:
    if s["status"] not in E.STATUS_ORDER:
        return
    key = s["outlet"] or s["article"]
    first = _first_key(s)
    seen = outlets.get(key)
    if seen is None:
        outlets[key] = [*first, s["confidence"], bool(s["outlet"])]
    else:
        if first < seen[:3]:
            seen[:3] = first
        seen[3] = max(seen[3], s["confidence"])
        seen[4] = seen[4] or bool(s["outlet"])
    for value, votes in ((s["start"] or s["when"], start), (s["end"], end)):
        if _dated(value):
            votes[value] = votes.get(value, 0) + 1


def _state_json(outlets: dict[str, list[Any]], start: dict[str, int], end: dict[str, int]) -> str:
    return json.dumps({"outlets": outlets, "start": start, "end": end}, ensure_ascii=False, sort_keys=True)


def _edges(rows: list[sqlite3.Row]) -> list[tuple[int, dict[str, Any]]]:
    return [(view, e) for view, filters in _VIEW_FILTERS.items() for e in E.merge(rows, filters)]


def pair_rows(rows: list[sqlite3.Row]) -> list[tuple[Any, ...]]:
    """Summary rows (both views) of one entity pair's fact rows."""
    return [_row(view, e) for view, e in _edges(rows)]


def pair_tallies(rows: list[sqlite3.Row]) -> list[tuple[Any, ...]]:
    """Tally rows (both views) of one entity pair's fact rows."""
    return [_tally(view, e) for view, e in _edges(rows)]


_INSERT = f"INSERT INTO edge_summary ({', '.join(COLUMNS)}) VALUES ({', '.join('?' * len(COLUMNS))})"
_INSERT_TALLY = "INSERT INTO edge_tally (view, type, source, target, state) VALUES (?, ?, ?, ?, ?)"


def _clear(conn: sqlite3.Connection, a: int, b: int) -> None:
    for table in ("edge_summary", "edge_tally"):
        conn.execute(f"DELETE FROM {table} WHERE view IN (0, 1) AND source = ? AND target = ?", (a, b))
        conn.execute(f"DELETE FROM {table} WHERE view IN (0, 1) AND source = ? AND target = ?", (b, a))


def _write_pair(conn: sqlite3.Connection, edges: list[tuple[int, dict[str, Any]]]) -> None:
    conn.executemany(_INSERT, [_row(view, e) for view, e in edges])
    conn.executemany(_INSERT_TALLY, [_tally(view, e) for view, e in edges])


def _replace(conn: sqlite3.Connection, pairs: Iterable[tuple[int, int]]) -> int:
    n = 0
    for a, b in pairs:
        _clear(conn, a, b)
        if a != b:
            _write_pair(conn, _edges(E.lean_rows_between(conn, a, b)))
        n += 1
    return n


def settle(conn: sqlite3.Connection, fresh: Iterable[str] = ()) -> int:
    """Bring the summary rows up to date with the facts changed since the last settle (inside the caller's
    transaction); return how many pairs were touched.

    A pair that lost or changed a fact is merged again from its facts; facts only added (new, or moved
    there by re-pointing) are added to their pair's rows. ``fresh``: articles first stored in this
    transaction, whose facts are all new (so none of them is counted in a summary yet).
    """
    dirty = {(int(a), int(b)) for a, b in conn.execute("SELECT a, b FROM edge_dirty")}
    added = _added_rows(conn)
    by_pair: dict[tuple[int, int], list[sqlite3.Row]] = {}
    for r in added:
        pair = (min(r["s"], r["o"]), max(r["s"], r["o"]))
        if pair not in dirty and pair[0] != pair[1]:
            by_pair.setdefault(pair, []).append(r)
    fresh = set(fresh)
    for pair in sorted(by_pair):
        if not _add(conn, pair, by_pair[pair], fresh):
            dirty.add(pair)
    if dirty:
        _replace(conn, sorted(dirty))
        conn.execute("DELETE FROM edge_dirty")
    if added or dirty:
        conn.execute("DELETE FROM edge_added")
    return len(dirty | set(by_pair))


def _lean(sql: str) -> str:
    for col, blank in E.LEAN.items():
        sql = sql.replace(col, blank)
    return sql


_LEAN_REL, _LEAN_ROLE = _lean(E.REL_SQL), _lean(E.ROLE_SQL)


def _added_rows(conn: sqlite3.Connection) -> list[sqlite3.Row]:
    """The fact rows listed in ``edge_added``, as they are now (with both ends)."""
    out: list[sqlite3.Row] = []
    for kind, sql, ends in (("relation", _LEAN_REL, "r.subject_id IS NOT NULL AND r.object_id IS NOT NULL"),
                            ("role", _LEAN_ROLE, "r.person_id IS NOT NULL AND r.org_id IS NOT NULL")):
        out += conn.execute(f"{sql} WHERE r.id IN (SELECT id FROM edge_added WHERE kind = ?) AND {ends}",
                            (kind,)).fetchall()
    return out


def _counted(conn: sqlite3.Connection, pair: tuple[int, int], article: str, new_ids: set[tuple[bool, int]]
             ) -> list[sqlite3.Row]:
    """The facts of one article on a pair that its summary already counts (those not just added)."""
    a, b = pair
    # Unary + keeps SQLite on the article index: a busy pair has far more facts than an article.
    rel = conn.execute(f"{_LEAN_REL} WHERE r.article_id = ? AND ((+r.subject_id = ? AND +r.object_id = ?)"
                       " OR (+r.subject_id = ? AND +r.object_id = ?))", (article, a, b, b, a)).fetchall()
    role = conn.execute(f"{_LEAN_ROLE} WHERE r.article_id = ? AND ((+r.person_id = ? AND +r.org_id = ?)"
                        " OR (+r.person_id = ? AND +r.org_id = ?))", (article, a, b, b, a)).fetchall()
    return [r for r in (*rel, *role) if (r["type"].startswith("role."), r["id"]) not in new_ids]


def _key(r: sqlite3.Row) -> tuple[str, int, int]:
    s, o = r["s"], r["o"]
    if r["type"] in E.SYMMETRIC and s > o:
        s, o = o, s
    return (r["type"], s, o)


def _add(conn: sqlite3.Connection, pair: tuple[int, int], rows: list[sqlite3.Row], fresh: set[str]) -> bool:
    """Add new facts to a pair's summary rows; False when that needs the pair's facts (merge it again)."""
    a, b = pair
    new_ids = {(r["type"].startswith("role."), r["id"]) for r in rows}
    counted: list[sqlite3.Row] = []
    for article in sorted({r["article_id"] for r in rows} - fresh):
        counted += _counted(conn, pair, article, new_ids)
    # One lookup per direction: an OR over both would not use the primary key past the view.
    have: dict[tuple[int, str, int, int], dict[str, Any]] = {}
    tallies: dict[tuple[int, str, int, int], dict[str, Any]] = {}
    for s, o in ((a, b), (b, a)):
        for r in conn.execute("SELECT * FROM edge_summary WHERE view IN (0, 1) AND source = ? AND target = ?", (s, o)):
            have[(r["view"], r["type"], r["source"], r["target"])] = dict(r)
        for r in conn.execute("SELECT view, type, source, target, state FROM edge_tally WHERE view IN (0, 1)"
                              " AND source = ? AND target = ?", (s, o)):
            tallies[(r[0], r[1], r[2], r[3])] = json.loads(r[4])
    writes: list[tuple[Any, ...]] = []
    tally_writes: list[tuple[Any, ...]] = []
    for view, filters in _VIEW_FILTERS.items():
        new: dict[tuple[str, int, int], list[dict[str, Any]]] = {}
        for r in rows:
            src = E.source(r)
            if filters.keeps(src):
                new.setdefault(_key(r), []).append(src)
        if not new:
            continue
        old: dict[tuple[str, int, int], list[dict[str, Any]]] = {}
        for r in counted:
            src = E.source(r)
            if filters.keeps(src):
                old.setdefault(_key(r), []).append(src)
        for key, sources in sorted(new.items()):
            type_, s, o = key
            reverse = (view, type_, o, s)
            if type_ in E.EXCLUSIVE and (reverse in have or any(k == (type_, o, s) for k in new)):
                return False  # a direction contradiction lists the other edge's articles: merge the pair
            row = have.get((view, *key))
            if row is None:
                edge = E.merge([r for r in rows if _key(r) == key and filters.keeps(E.source(r))], filters)[0]
                writes.append(_row(view, edge))
                tally_writes.append(_tally(view, edge))
                continue
            grown = _grow(row, tallies[(view, *key)], sources, old.get(key, []))
            if grown is None:
                return False
            writes.append(grown[0])
            tally_writes.append((view, *key, grown[1]))
    conn.executemany(f"INSERT OR REPLACE INTO edge_summary ({', '.join(COLUMNS)})"
                     f" VALUES ({', '.join('?' * len(COLUMNS))})", writes)
    conn.executemany("INSERT OR REPLACE INTO edge_tally (view, type, source, target, state) VALUES (?, ?, ?, ?, ?)",
                     tally_writes)
    return True


def _from_votes(votes: dict[str, int]) -> tuple[str | None, list[str]]:
    """What :func:`dossier.store.edges._interval_end` gives for values counted this way."""
    dated = sorted(votes)
    if not dated:
        return None, []
    if all(x.startswith(y) or y.startswith(x) for x in dated for y in dated):
        return max(dated, key=len), []
    return max(dated, key=lambda v: (votes[v], -dated.index(v))), dated


def _grow(row: dict[str, Any], state: dict[str, Any], new: list[dict[str, Any]], counted: list[dict[str, Any]]
          ) -> tuple[tuple[Any, ...], str] | None:
    """A summary row and its tally with new sources added (``counted``: the edge's sources already in it
    from the same articles); None when the result needs sources the row does not keep."""
    detail = json.loads(row["detail"])
    statuses: dict[str, int] = detail["statuses"]
    outlets, start, end = state["outlets"], state["start"], state["end"]
    supporting = [s for s in new if s["status"] in E.STATUS_ORDER]
    seen = {s["article"] for s in counted}
    seen_supporting = {s["article"] for s in counted if s["status"] in E.STATUS_ORDER}
    new_articles = {s["article"] for s in new} - seen
    new_supporting = {s["article"] for s in supporting} - seen_supporting
    for s in new:
        statuses[s["status"]] = statuses.get(s["status"], 0) + 1
        _count_source(s, outlets, start, end)
    n_supporting = row["supporting"] + len(new_supporting)
    contradictions = [c for c in detail["contradictions"] if c["kind"] == "direction"]
    status_c = next((c for c in detail["contradictions"] if c["kind"] == "status"), None)
    if n_supporting and statuses.get("negated"):
        if status_c is None:
            return None  # a contradiction arises: it lists every supporting and negating article
        status_c = {"kind": "status",
                    "supporting": sorted(set(status_c["supporting"]) | new_supporting),
                    "negating": sorted(set(status_c["negating"]) | {s["article"] for s in new
                                                                     if s["status"] == "negated"})}
        contradictions.insert(0, status_c)
    first, start_conflict = _from_votes(start)
    last, end_conflict = _from_votes(end)
    at = 1 if contradictions and contradictions[0]["kind"] == "status" else 0
    if end_conflict:
        contradictions.insert(at, {"kind": "end", "values": end_conflict})
    if start_conflict:
        contradictions.insert(at, {"kind": "start", "values": start_conflict})
    miss = 1.0
    for *_, best, _named in sorted(outlets.values()):
        miss *= 1.0 - min(best, 0.99)
    published = [p for p in (row["earliest"], row["latest"], *(s["published"] for s in new)) if p]
    status = E.strongest(statuses)
    detail_json = json.dumps({"statuses": statuses, "contradictions": contradictions}, ensure_ascii=False,
                             sort_keys=True)
    out = (row["view"], row["type"], row["source"], row["target"], status, _RANK.get(status, len(_RANK)),
           row["facts"] + len(new), row["articles"] + len(new_articles), n_supporting,
           sum(1 for v in outlets.values() if v[4]), min(published) if published else None,
           max(published) if published else None, round(1.0 - miss, 3) if outlets else 0.0,
           max([row["max_confidence"], *(s["confidence"] for s in supporting)]), int(bool(contradictions)),
           first, last, detail_json)
    return out, _state_json(outlets, start, end)


def all_pairs(conn: sqlite3.Connection) -> list[tuple[int, int]]:
    """Every entity pair with a relation or role row, smaller id first."""
    return [(int(a), int(b)) for a, b in conn.execute(
        "SELECT min(subject_id, object_id), max(subject_id, object_id) FROM relations"
        " WHERE subject_id IS NOT NULL AND object_id IS NOT NULL"
        " UNION SELECT min(person_id, org_id), max(person_id, org_id) FROM roles"
        " WHERE person_id IS NOT NULL AND org_id IS NOT NULL ORDER BY 1, 2")]


def rebuild(conn: sqlite3.Connection) -> int:
    """Compute the whole summary from the facts (a store upgraded to migration 004 or 007); return the pairs."""
    for table in ("edge_summary", "edge_tally", "edge_dirty", "edge_added"):
        conn.execute(f"DELETE FROM {table}")
    pairs = all_pairs(conn)
    for a, b in pairs:
        if a != b:
            _write_pair(conn, _edges(E.lean_rows_between(conn, a, b)))
    return len(pairs)


def stored(conn: sqlite3.Connection) -> list[tuple[Any, ...]]:
    """The summary table, sorted (to compare with :func:`from_scratch`)."""
    return sorted(tuple(r) for r in conn.execute(f"SELECT {', '.join(COLUMNS)} FROM edge_summary"))


def from_scratch(conn: sqlite3.Connection) -> list[tuple[Any, ...]]:
    """What the summary table should hold, merged from every fact now (slow: for tests and checks)."""
    by_pair: dict[tuple[int, int], list[sqlite3.Row]] = {}
    for r in E.all_rows(conn):
        by_pair.setdefault((min(r["s"], r["o"]), max(r["s"], r["o"])), []).append(r)
    return sorted(row for rows in by_pair.values() for row in pair_rows(rows))


def stored_tallies(conn: sqlite3.Connection) -> list[tuple[Any, ...]]:
    """The tally table, sorted (to compare with :func:`tallies_from_scratch`)."""
    return sorted(tuple(r) for r in conn.execute("SELECT view, type, source, target, state FROM edge_tally"))


def tallies_from_scratch(conn: sqlite3.Connection) -> list[tuple[Any, ...]]:
    """What the tally table should hold, from every fact now (slow: for tests and checks)."""
    by_pair: dict[tuple[int, int], list[sqlite3.Row]] = {}
    for r in E.all_rows(conn):
        by_pair.setdefault((min(r["s"], r["o"]), max(r["s"], r["o"])), []).append(r)
    return sorted(row for rows in by_pair.values() for row in pair_tallies(rows))


# --- reads ---------------------------------------------------------------------------------


def edge(row: sqlite3.Row) -> dict[str, Any]:
    """A summary row in the shape of :func:`dossier.store.edges.merge`'s edges, without its sources."""
    detail = json.loads(row["detail"])
    return {
        "type": row["type"], "source": row["source"], "target": row["target"],
        "symmetric": row["type"] in E.SYMMETRIC, "start": row["start"], "end": row["end"],
        "status": row["status"], "confidence": row["confidence"],
        "support": {
            "articles": row["articles"], "supporting_articles": row["supporting"], "outlets": row["outlets"],
            "strongest": row["status"], "statuses": detail["statuses"], "earliest": row["earliest"],
            "latest": row["latest"],
        },
        "contradictions": detail["contradictions"], "sources": [], "sources_total": row["facts"],
    }


def _edge_cond(filters: E.Filters, statuses: tuple[str, ...] | None = None) -> tuple[str, list[Any]]:
    cond = "s.articles >= ? AND s.confidence >= ?"
    params: list[Any] = [filters.min_sources, filters.min_confidence]
    if statuses is not None:  # as ranks: the strength indexes hold the rank, not the status
        cond += f" AND s.status_rank IN ({','.join('?' * len(statuses))})"
        params += [_RANK.get(st, len(_RANK)) for st in statuses]
    return cond, params


ORDERS = {
    # strongest status first, then the best supported (the edge_summary_*_strength indexes' order)
    "strength": "status_rank, articles DESC, confidence DESC, type, other, source",
    # the best supported first (a network's page; the edge_summary_*_support indexes' order)
    "support": "articles DESC, status_rank, type, other, source",
}


def _both_ends(filters: E.Filters, extra: str = "", where: str = "", order: str = "strength"
               ) -> tuple[str, list[Any]]:
    """The edges at an entity from either end as one compound SELECT (its parameters: view, entity, the
    conditions, twice), each row with ``other``, the entity at its other end; ``where``: more conditions on ``s``
    whose parameters come after the edge conditions'. Each end reads the index of ``order`` (named: the
    planner would otherwise take a range on ``articles`` and sort)."""
    cond, params = _edge_cond(filters)
    if where:
        cond += f" AND {where}"
    cols = f"s.source, s.target, s.type, s.status_rank, s.articles, s.confidence{extra}"
    sql = (f"SELECT {cols}, s.target AS other FROM edge_summary s INDEXED BY edge_summary_from_{order}"
           f" WHERE s.view = ? AND s.source = ? AND {cond}"
           f" UNION ALL SELECT {cols}, s.source AS other FROM edge_summary s INDEXED BY edge_summary_to_{order}"
           f" WHERE s.view = ? AND s.target = ? AND {cond}")
    return sql, params


def ordered_keys(conn: sqlite3.Connection, eid: int, view: int, filters: E.Filters, order: str = "strength",
                 offset: int = 0, limit: int | None = None, extra: str = "", where: str = "",
                 where_params: tuple[Any, ...] = ()) -> list[sqlite3.Row]:
    """The summary rows (key columns, ``other`` and the ``extra`` columns) of an entity's edges in ``order``:
    each end read in that order from its index and the two merged, so only ``offset + limit`` index entries
    are read. ``where``: more conditions on ``s`` (parameters ``where_params``)."""
    sql, params = _both_ends(filters, extra, where, order)
    args = [view, eid, *params, *where_params] * 2
    return conn.execute(f"{sql} ORDER BY {ORDERS[order]} LIMIT ? OFFSET ?",
                        [*args, -1 if limit is None else limit, offset]).fetchall()


def edges_at(conn: sqlite3.Connection, eid: int, view: int, filters: E.Filters, order: str = "strength",
             offset: int = 0, limit: int | None = None) -> tuple[int, int, list[dict[str, Any]]]:
    """How many edges an entity has that pass the edge filters, with how many other entities, and one page of
    them in ``order`` (read in order from the covering indexes; only the page's rows are read in full)."""
    both, params = _both_ends(filters)
    args = [view, eid, *params] * 2
    total, others = conn.execute(f"SELECT count(*), count(DISTINCT other) FROM ({both})", args).fetchone()
    keys = ordered_keys(conn, eid, view, filters, order, offset, limit)
    return int(total), int(others), edges_by_key(conn, view, [(k[0], k[1], k[2]) for k in keys])


def neighbours(conn: sqlite3.Connection, nodes: list[int], view: int, filters: E.Filters,
               statuses: tuple[str, ...] | None = None, within: bool = False) -> dict[int, set[int]]:
    """node -> the entities it has an edge with (passing the edge filters, of these statuses), one query a chunk.

    ``within``: only edges to entities in the temporary table ``_within``.
    """
    cond, params = _edge_cond(filters, statuses)
    out: dict[int, set[int]] = {}
    for i in range(0, len(nodes), 400):
        chunk = nodes[i:i + 400]
        marks = ",".join("?" * len(chunk))
        inside = " AND s.{} IN (SELECT id FROM _within)" if within else ""
        sql = (f"SELECT s.source, s.target FROM edge_summary s WHERE s.view = ? AND s.source IN ({marks})"
               f" AND {cond}{inside.format('target')}"
               f" UNION ALL SELECT s.target, s.source FROM edge_summary s WHERE s.view = ? AND s.target IN ({marks})"
               f" AND {cond}{inside.format('source')}")
        for a, b in conn.execute(sql, [view, *chunk, *params, view, *chunk, *params]):
            out.setdefault(a, set()).add(b)
    return out


def fill_within(conn: sqlite3.Connection, ids: Iterable[int]) -> None:
    """Put ``ids`` in the temporary table ``_within`` (this connection only; temp tables live in memory)."""
    conn.execute("CREATE TEMP TABLE IF NOT EXISTS _within (id INTEGER PRIMARY KEY)")
    conn.execute("DELETE FROM _within")
    conn.executemany("INSERT INTO _within (id) VALUES (?)", [(i,) for i in ids])


def pairs_within(conn: sqlite3.Connection, ids: list[int], view: int, filters: E.Filters
                 ) -> list[tuple[int, int, str, int]]:
    """(source, target, type, articles) of every summary edge (passing the edge filters) among ``ids``."""
    cond, params = _edge_cond(filters)
    fill_within(conn, ids)
    return [(int(r[0]), int(r[1]), str(r[2]), int(r[3])) for r in conn.execute(
        f"SELECT s.source, s.target, s.type, s.articles FROM _within w JOIN edge_summary s"
        f" ON s.view = ? AND s.source = w.id WHERE s.target IN (SELECT id FROM _within) AND {cond}",
        [view, *params])]


def edges_by_key(conn: sqlite3.Connection, view: int, keys: list[tuple[int, int, str]]) -> list[dict[str, Any]]:
    """The summary edges of these (source, target, type) keys, in that order."""
    out = []
    for source, target, type_ in keys:
        row = conn.execute("SELECT * FROM edge_summary WHERE view = ? AND source = ? AND target = ? AND type = ?",
                           (view, source, target, type_)).fetchone()
        if row is not None:
            out.append(edge(row))
    return out


def with_sources(conn: sqlite3.Connection, found: list[dict[str, Any]], filters: E.Filters,
                 limit: int | None = None) -> list[dict[str, Any]]:
    """Fill the sources of summary edges from their facts: the first ``limit`` of each, in merge order, under
    the filters' fact threshold (the summary's view: no other source filter applies here)."""
    for e in found:
        rows = _source_rows(conn, e, filters.fact_min_confidence, limit)
        e["sources"] = [E.source(r) for r in rows]
    return found


def _source_rows(conn: sqlite3.Connection, e: dict[str, Any], threshold: float | None,
                 limit: int | None) -> list[sqlite3.Row]:
    """One edge's first fact rows, sorted as merge sorts its sources (report date, article, offset): read in
    that order from the pair's index (the rows' own copy of the report date), each direction of a symmetric
    edge apart and merged, so a tie stated in thousands of articles costs its first ``limit`` rows."""
    a, b = e["source"], e["target"]
    order = " ORDER BY r.published, r.article_id, r.ev_start, r.id LIMIT ?"
    lim = -1 if limit is None else limit
    if e["type"].startswith("role."):
        cond = " AND r.status != 'hypothetical'" if threshold is not None else ""
        sql = (f"{_own_date(E.ROLE_SQL)} WHERE r.person_id = ? AND r.org_id = ? AND 'role.' || lower(r.title) = ?"
               f"{cond}")
        return conn.execute(f"{sql}{order}", [a, b, e["type"], lim]).fetchall()
    cond, params = "", []
    if threshold is not None:
        cond = " AND r.status != 'hypothetical' AND (r.confidence IS NULL OR r.confidence >= ?)"
        params = [threshold]
    sql = f"{_own_date(E.REL_SQL)} WHERE r.subject_id = ? AND r.object_id = ? AND r.type = ?{cond}"
    if not e["symmetric"]:
        return conn.execute(f"{sql}{order}", [a, b, e["type"], *params, lim]).fetchall()
    return conn.execute(f"{sql} UNION ALL {sql} ORDER BY published, article_id, ev_start, id LIMIT ?",
                        [a, b, e["type"], *params, b, a, e["type"], *params, lim]).fetchall()


def _own_date(sql: str) -> str:
    """A fact query reading the row's copy of its report date (indexed with the pair) for the article's."""
    return sql.replace("a.published", "r.published AS published", 1).replace("SELECT r.id,", "SELECT r.id AS id,", 1)
