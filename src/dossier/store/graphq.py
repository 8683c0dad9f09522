"""Graph queries over merged ties: an entity's edges, ties between two, shortest paths, networks, search."""

from __future__ import annotations

import itertools
import re
import sqlite3
import time
from typing import Any

from ..confidence import DEFAULT_MIN_CONFIDENCE
from ..errors import DossierError
from . import edges as E
from . import edgesum
from .lookup import choose

PATH_STATUSES = ("asserted", "attributed")
MAX_PATH_DEPTH = 6
MAX_NODES = 5000
TIME_BUDGET_S = 2.0


def names(conn: sqlite3.Connection, ids: set[int]) -> dict[int, dict[str, Any]]:
    """id -> {id, name, type, key} for entities."""
    out: dict[int, dict[str, Any]] = {}
    ids_list = [i for i in ids if i is not None]
    for i in range(0, len(ids_list), 500):
        chunk = ids_list[i:i + 500]
        marks = ",".join("?" * len(chunk))
        for r in conn.execute(f"SELECT id, name, type, norm_name FROM entities WHERE id IN ({marks})", chunk):
            out[r[0]] = {"id": r[0], "name": r[1], "type": r[2], "key": r[3]}
    return out


def _label(conn: sqlite3.Connection, edges: list[dict[str, Any]]) -> list[dict[str, Any]]:
    ids = {e["source"] for e in edges} | {e["target"] for e in edges}
    ids |= {s["source_entity"] for e in edges for s in e["sources"] if s["source_entity"]}
    who = names(conn, ids)
    for e in edges:
        src, tgt = who.get(e["source"], {}), who.get(e["target"], {})
        e["source_name"], e["target_name"] = src.get("name"), tgt.get("name")
        e["id"] = E.edge_id(e["type"], src.get("key", str(e["source"])), tgt.get("key", str(e["target"])))
        for s in e["sources"]:
            s["source_entity_name"] = who.get(s["source_entity"], {}).get("name") if s["source_entity"] else None
    return edges


def entity_edges(conn: sqlite3.Connection, eid: int, filters: E.Filters = E.NO_FILTERS) -> list[dict[str, Any]]:
    """Every merged edge at an entity."""
    return _label(conn, E.merge(E.rows_of(conn, eid), filters))


def _other(e: dict[str, Any], eid: int) -> int:
    return int(e["target"] if e["source"] == eid else e["source"])


def entity_edges_page(conn: sqlite3.Connection, eid: int, filters: E.Filters = E.NO_FILTERS,
                      order: str = "strength", offset: int = 0, limit: int | None = 20,
                      sources: int | None = 5) -> tuple[int, int, list[dict[str, Any]]]:
    """How many merged edges an entity has, with how many other entities, and one page of them (``order``: see
    ``edgesum.ORDERS``), each with its first ``sources`` sources and ``sources_total``.

    Read from the edge summary when the filters allow (then only the page's evidence is fetched), else
    merged from the entity's facts.
    """
    view = edgesum.view_for(filters)
    if view is not None:
        total, others, page = edgesum.edges_at(conn, eid, view, filters, order, offset, limit)
        return total, others, _label(conn, edgesum.with_sources(conn, page, filters, sources))
    found = E.merge(_lean_rows_of(conn, eid, filters), filters)
    rank = {st: i for i, st in enumerate((*E.STATUS_ORDER, *E.NON_SUPPORTING))}
    if order == "strength":
        found.sort(key=lambda e: (rank.get(e["status"], 99), -e["support"]["articles"], -e["confidence"],
                                  e["type"], _other(e, eid), e["source"]))
    else:
        found.sort(key=lambda e: (-e["support"]["articles"], rank.get(e["status"], 99), e["type"],
                                  _other(e, eid), e["source"]))
    total, others = len(found), len({_other(e, eid) for e in found})
    page = found[offset:None if limit is None else offset + limit]
    for e in page:
        e["sources_total"] = len(e["sources"])
        del e["sources"][sources:]
        _with_texts(conn, e)
    return total, others, _label(conn, page)


def _lean_rows_of(conn: sqlite3.Connection, eid: int, filters: E.Filters) -> list[sqlite3.Row]:
    """The entity's relation and role rows (either end) whose sources pass the source filters, without their
    texts and without reading the articles (the rows' own copies of date and outlet)."""
    _casefold(conn)
    out: list[sqlite3.Row] = []
    for table, sql, s_col, o_col, role in (("relations", E.REL_SQL, "subject_id", "object_id", False),
                                           ("roles", E.ROLE_SQL, "person_id", "org_id", True)):
        extra, params = _source_conditions(filters, role)
        out += conn.execute(f"{_lean_sql(sql, table)} WHERE (r.{s_col} = ? OR r.{o_col} = ?)"
                            f" AND r.{s_col} IS NOT NULL AND r.{o_col} IS NOT NULL{extra}",
                            [eid, eid, *params]).fetchall()
    return out


def _lean_sql(sql: str, table: str) -> str:
    """A fact query (``REL_SQL``/``ROLE_SQL``) without texts, reading its date and outlet from the fact row."""
    for col, blank in {**E.LEAN, "a.outlet": "r.outlet AS outlet", "a.published": "r.published AS published"}.items():
        sql = sql.replace(col, blank)
    return sql.split(" FROM ", 1)[0] + f" FROM {table} r"


def _entity(ent: dict[str, Any]) -> dict[str, Any]:
    return {k: ent.get(k) for k in ("id", "name", "type", "articles", "match", "note")}


def ties(conn: sqlite3.Connection, a: str | int, b: str | int, filters: E.Filters = E.NO_FILTERS) -> dict[str, Any]:
    """Merged edges between two entities (either direction), each with all its sources."""
    first, second = choose(conn, a), choose(conn, b)
    if first["id"] == second["id"]:
        raise DossierError(f"{a!r} and {b!r} are the same entity ({first['name']}); name two different ones")
    found = _label(conn, E.merge(E.rows_between(conn, first["id"], second["id"]), filters))
    return {"a": _entity(first), "b": _entity(second), "edges": found}


def article_conditions(filters: E.Filters, published: str = "a.published", outlet: str = "a.outlet"
                       ) -> tuple[list[str], list[Any]]:
    """SQL conditions (and their parameters) for the date and outlet filters, on the article ``a`` of a source
    (or on the columns named: rows that carry a copy of their article's date and outlet)."""
    where: list[str] = []
    params: list[Any] = []
    if filters.since:
        where.append(f"{published} >= ?")
        params.append(filters.since)
    if filters.until:
        where.append(f"substr({published}, 1, ?) <= ?")
        params += [len(filters.until), filters.until]
    if filters.outlet:
        where.append(f"lower({outlet}) IN ({','.join('?' * len(filters.outlet))})")
        params += [o.casefold() for o in filters.outlet]
    return where, params


def _source_filter(filters: E.Filters, statuses: tuple[str, ...] | None) -> tuple[str, list[Any]]:
    """SQL conditions on a fact row ``r`` joined to its article ``a`` for the source filters."""
    where, params = article_conditions(filters)
    wanted = [s for s in (statuses or E.STATUS_ORDER + E.NON_SUPPORTING)
              if not filters.status or s in filters.status]
    where.append(f"r.status IN ({','.join('?' * len(wanted))})")
    params += wanted
    return " AND ".join(where), params


def neighbours(conn: sqlite3.Connection, nodes: list[int], filters: E.Filters = E.NO_FILTERS,
               statuses: tuple[str, ...] | None = None, within: set[int] | None = None) -> dict[int, set[int]]:
    """node -> entities it has a tie with (a relation or role row passing the filters), in one query a chunk.

    An edge's status is its strongest source's, so "an edge of these statuses" is "a source of these
    statuses" for the usual prefixes of the order (asserted, attributed, ...).
    """
    if within is not None:  # only ties among these entities (a temp table: the set may be large)
        edgesum.fill_within(conn, within)
    view = edgesum.view_for(filters)
    if view is not None:
        return edgesum.neighbours(conn, nodes, view, filters, statuses, within is not None)
    cond, params = _source_filter(filters, statuses)
    out: dict[int, set[int]] = {}
    for i in range(0, len(nodes), 400):
        chunk = nodes[i:i + 400]
        marks = ",".join("?" * len(chunk))
        sql = []
        for table, s_col, o_col in (("relations", "subject_id", "object_id"), ("roles", "person_id", "org_id")):
            for me, other in ((s_col, o_col), (o_col, s_col)):
                sql.append(f"SELECT r.{me}, r.{other}, count(DISTINCT r.article_id) FROM {table} r"
                           f" JOIN articles a ON a.id = r.article_id WHERE r.{me} IN ({marks})"
                           f" AND r.{other} IS NOT NULL AND r.{other} != r.{me} AND {cond}"
                           + (f" AND r.{other} IN (SELECT id FROM _within)" if within is not None else "")
                           + " GROUP BY 1, 2")
        rows = conn.execute(" UNION ALL ".join(sql), [*chunk, *params] * 4).fetchall()
        counts: dict[tuple[int, int], int] = {}
        for a, b, n in rows:
            counts[(a, b)] = max(counts.get((a, b), 0), n)
        for (a, b), n in counts.items():
            if n >= filters.min_sources:
                out.setdefault(a, set()).add(b)
    return out


def path(conn: sqlite3.Connection, a: str | int, b: str | int, filters: E.Filters = E.NO_FILTERS,
         statuses: tuple[str, ...] = PATH_STATUSES, max_depth: int = 4, limit: int = 5) -> dict[str, Any]:
    """Shortest paths from a to b through ties whose status is in ``statuses``; each hop with its evidence.

    Breadth-first from both ends, capped at ``max_depth`` hops, ``MAX_NODES`` visited and ``TIME_BUDGET_S``.
    """
    first, second = choose(conn, a), choose(conn, b)
    if first["id"] == second["id"]:
        raise DossierError(f"{a!r} and {b!r} are the same entity ({first['name']})")
    max_depth = min(max_depth, MAX_PATH_DEPTH)
    start, goal = first["id"], second["id"]
    # Breadth-first from both ends, always growing the smaller side, until the two meet.
    parents: dict[int, set[int]] = {start: set()}  # towards start
    children: dict[int, set[int]] = {goal: set()}  # towards goal
    side_a, side_b = [start], [goal]
    meet: set[int] = set()
    truncated = None
    began = time.monotonic()
    for _ in range(max_depth):
        grow_a = len(side_a) <= len(side_b)
        frontier, seen, other_seen = (side_a, parents, children) if grow_a else (side_b, children, parents)
        nxt: dict[int, set[int]] = {}
        for node, others in neighbours(conn, frontier, filters, statuses).items():
            for other in others:
                if other not in seen:
                    nxt.setdefault(other, set()).add(node)
        seen.update(nxt)
        meet = {n for n in nxt if n in other_seen}
        if meet or not nxt:
            break
        if len(parents) + len(children) > MAX_NODES:
            truncated = "nodes"
            break
        if time.monotonic() - began > TIME_BUDGET_S:
            truncated = "time"
            break
        if grow_a:
            side_a = sorted(nxt)
        else:
            side_b = sorted(nxt)
    found = bool(meet)
    paths: list[list[int]] = []
    if found:
        def back(node: int) -> list[list[int]]:  # node ... start, reversed later
            if node == start:
                return [[start]]
            return [[*p, node] for q in sorted(parents[node]) for p in back(q)][:limit]

        def forth(node: int) -> list[list[int]]:  # node ... goal
            if node == goal:
                return [[goal]]
            return [[node, *p] for q in sorted(children[node]) for p in forth(q)][:limit]

        for m in sorted(meet):
            for head in back(m):
                for tail in forth(m):
                    if len(paths) < limit:
                        paths.append([*head, *tail[1:]])
    who = names(conn, {n for p in paths for n in p})
    out = []
    for p in paths:
        hops = []
        for x, y in itertools.pairwise(p):
            hop_edges = [e for e in E.merge(E.rows_between(conn, x, y), filters) if e["status"] in statuses
                         and e["confidence"] >= filters.min_confidence]
            hops.append({"from": who[x], "to": who[y], "edges": _label(conn, hop_edges)})
        if all(h["edges"] for h in hops):
            out.append({"length": len(p) - 1, "nodes": [who[n] for n in p], "hops": hops})
    return {"a": _entity(first), "b": _entity(second), "statuses": list(statuses), "paths": out,
            "visited": len(parents) + len(children), "truncated": truncated}


FANOUT = 20  # default neighbours followed from each node of a network
MAX_FANOUT = 500
_CHECK_BATCH = 50  # candidate edges checked against their facts at a time (source filters)


def _base_view(filters: E.Filters) -> int:
    """The summary view whose edges include every edge these filters can give (their sources are a subset)."""
    view = edgesum.view_for(filters)
    if view is not None:
        return view
    threshold = filters.fact_min_confidence
    return edgesum.SHOWN if threshold is not None and threshold >= DEFAULT_MIN_CONFIDENCE else edgesum.ALL


Key = tuple[int, int, str]  # an edge: source, target, type


def _date_prune(filters: E.Filters) -> tuple[str, list[Any]]:
    """Conditions on a summary row's first and last report that every edge with a source passing the date
    filters meets (an edge with no dated source passes no date filter)."""
    where: list[str] = []
    params: list[Any] = []
    if filters.since:
        where.append("s.latest >= ?")
        params.append(filters.since)
    if filters.until:
        where.append("substr(s.earliest, 1, ?) <= ?")
        params += [len(filters.until), filters.until]
    return " AND ".join(where), params


def _top_edges(conn: sqlite3.Connection, node: int, filters: E.Filters, k: int) -> list[Key]:
    """The node's first ``k`` edges passing the filters, in the order of its summary edges by strength.

    Filters the summary answers: one read of the strength indexes, ``LIMIT k``. Source filters (dates,
    statuses, outlets, another fact threshold): candidates in the same order, those whose first and last
    report cannot meet the dates skipped inside the index, the rest checked against their facts (on the
    pair's index by report date) a batch at a time until ``k`` pass.
    """
    view = edgesum.view_for(filters)
    if view is not None:
        return [(int(r[0]), int(r[1]), str(r[2]))
                for r in edgesum.ordered_keys(conn, node, view, filters, "strength", 0, k)]
    _casefold(conn)
    base = _base_view(filters)
    loose = E.Filters(fact_min_confidence=filters.fact_min_confidence)  # edge filters apply to the filtered edge
    where, params = _date_prune(filters)
    # Only dates cut the sources, and any one source is enough: an edge whose every dated report falls in the
    # range passes on its summary alone.
    dates_only = (not (filters.status or filters.outlet) and filters.min_sources == 1 and not filters.min_confidence
                  and filters.fact_min_confidence == _VIEW_THRESHOLD[base])
    out: list[Key] = []
    offset, batch = 0, k
    while len(out) < k:
        rows = edgesum.ordered_keys(conn, node, base, loose, "strength", offset, batch, extra=", s.earliest, s.latest",
                                    where=where, where_params=tuple(params))
        for r in rows:
            key = (int(r[0]), int(r[1]), str(r[2]))
            if len(out) < k and ((dates_only and _inside(r["earliest"], r["latest"], filters))
                                 or _passes(conn, key, filters)):
                out.append(key)
        if len(rows) < batch:
            break
        offset += batch
        batch = min(batch * 2, 500)
    return out


_VIEW_THRESHOLD = {edgesum.ALL: None, edgesum.SHOWN: DEFAULT_MIN_CONFIDENCE}


def _inside(earliest: str | None, latest: str | None, filters: E.Filters) -> bool:
    """Whether every dated report between these two falls within the filters' dates."""
    if not earliest or not latest:
        return False
    if filters.since and earliest < filters.since:
        return False
    return not (filters.until and latest[: len(filters.until)] > filters.until)


def _source_conditions(filters: E.Filters, role: bool) -> tuple[str, list[Any]]:
    """SQL conditions on a fact row ``r`` (its copies of the report date and outlet) that are exactly
    :meth:`Filters.keeps` (the outlet compared casefolded, as Python does)."""
    cond: list[str] = []
    params: list[Any] = []
    if filters.since:
        cond.append("r.published >= ?")
        params.append(filters.since)
    if filters.until:
        cond.append("r.published != '' AND substr(r.published, 1, ?) <= ?")
        params += [len(filters.until), filters.until]
    if filters.status:
        cond.append(f"r.status IN ({','.join('?' * len(filters.status))})")
        params += list(filters.status)
    if filters.outlet:
        cond.append(f"dossier_casefold(r.outlet) IN ({','.join('?' * len(filters.outlet))})")
        params += [o.casefold() for o in filters.outlet]
    if filters.fact_min_confidence is not None:
        cond.append("r.status != 'hypothetical'")
        if not role:
            cond.append("(r.confidence IS NULL OR r.confidence >= ?)")
            params.append(filters.fact_min_confidence)
    return "".join(f" AND {c}" for c in cond), params


def _casefold(conn: sqlite3.Connection) -> None:
    conn.create_function("dossier_casefold", 1, lambda v: (v or "").casefold(), deterministic=True)


def _key_sql(key: Key, filters: E.Filters, select: str | None, lean: bool = False) -> tuple[str, list[Any]]:
    """A query of the fact rows of an edge's type between its two ends (either direction for a relation:
    merging needs the reverse of a directed type for its contradictions) that pass the source filters, on the
    pair's index by report date. ``select``: the columns (default: the full fact rows); ``lean``: full rows
    without their texts, read from the fact table alone."""
    a, b, type_ = key
    role = type_.startswith("role.")
    extra, params = _source_conditions(filters, role)
    table = "roles" if role else "relations"
    sql = _lean_sql(E.ROLE_SQL if role else E.REL_SQL, table) if lean else E.ROLE_SQL if role else E.REL_SQL
    if select is not None:
        sql = f"SELECT {select} FROM {table} r"
    if role:
        return (f"{sql} WHERE r.person_id = ? AND r.org_id = ? AND 'role.' || lower(r.title) = ?{extra}",
                [a, b, type_, *params])
    where = f"r.subject_id = ? AND r.object_id = ? AND r.type = ?{extra}"
    return f"{sql} WHERE {where} UNION ALL {sql} WHERE {where}", [a, b, type_, *params, b, a, type_, *params]


def _passes(conn: sqlite3.Connection, key: Key, filters: E.Filters) -> bool:
    """Whether the edge of this key, from its sources passing the source filters, passes the edge filters: its
    first ``min_sources`` articles read (a confidence threshold needs the whole merge)."""
    if filters.min_confidence > 0:
        return filtered_edge(conn, key, filters) is not None
    if key[2] not in E.SYMMETRIC and not key[2].startswith("role."):
        key_sql, params = _key_sql(key, filters, "r.article_id")
        key_sql = key_sql.split(" UNION ALL ")[0]  # a directed edge's own sources: this direction only
        params = params[: len(params) // 2]
    else:
        key_sql, params = _key_sql(key, filters, "r.article_id")
    n = conn.execute(f"SELECT count(*) FROM (SELECT DISTINCT article_id FROM ({key_sql}) LIMIT ?)",
                     [*params, filters.min_sources]).fetchone()[0]
    return int(n) >= filters.min_sources


def filtered_edge(conn: sqlite3.Connection, key: Key, filters: E.Filters, sources: int | None = None
                  ) -> dict[str, Any] | None:
    """The edge of this key merged from its sources that pass the filters (exactly as merging the pair's
    facts gives it), or None when it has none or fails the edge filters. ``sources``: keep only the first
    that many sources (with their texts; the merge reads the rows without them)."""
    _casefold(conn)
    sql, params = _key_sql(key, filters, None, lean=sources is not None)
    for e in E.merge(conn.execute(sql, params).fetchall(), filters):
        if (e["source"], e["target"], e["type"]) == key:
            if sources is not None:
                e["sources_total"] = len(e["sources"])
                del e["sources"][sources:]
                _with_texts(conn, e)
            return e
    return None


def _with_texts(conn: sqlite3.Connection, e: dict[str, Any]) -> None:
    """Fill in the sentence, article title and url of an edge's sources merged without them."""
    table = "roles" if e["type"].startswith("role.") else "relations"
    ids = [s["fact_id"] for s in e["sources"]]
    if not ids:
        return
    texts = {r[0]: r[1:] for r in conn.execute(
        f"SELECT r.id, r.sentence, a.title, a.url FROM {table} r JOIN articles a ON a.id = r.article_id"
        f" WHERE r.id IN ({','.join('?' * len(ids))})", ids)}
    for s in e["sources"]:
        s["sentence"], s["article_title"], s["url"] = texts[s["fact_id"]]


def _top_edges_from_facts(conn: sqlite3.Connection, node: int, filters: E.Filters, k: int) -> list[Key]:
    """What :func:`_top_edges` gives, merged from every fact of the node (slow: the reference for tests)."""
    rows = E.rows_of(conn, node)
    base = E.merge(rows, E.Filters(fact_min_confidence=_VIEW_THRESHOLD[_base_view(filters)]))
    rank = {st: i for i, st in enumerate((*E.STATUS_ORDER, *E.NON_SUPPORTING))}
    base.sort(key=lambda e: (rank.get(e["status"], 99), -e["support"]["articles"], -e["confidence"], e["type"],
                             _other(e, node), e["source"]))
    passing = {(e["source"], e["target"], e["type"]) for e in E.merge(rows, filters)}
    return [key for key in ((e["source"], e["target"], e["type"]) for e in base) if key in passing][:k]


def network(conn: sqlite3.Connection, name: str | int, depth: int = 2, filters: E.Filters = E.NO_FILTERS,
            offset: int = 0, limit: int = 100, max_nodes: int = 500, fanout: int = FANOUT) -> dict[str, Any]:
    """The entity's neighbourhood up to ``depth`` hops: from each node reached, its ``fanout`` strongest edges
    (passing the filters); nodes and those edges, the edges paged by offset/limit (nearest first, then in the
    order found). Each hop reads ``fanout`` index entries per node; only the page's edges get their evidence.

    Stops growing at ``max_nodes`` nodes or ``TIME_BUDGET_S`` and says so in ``truncated``.
    """
    centre = choose(conn, name)
    depth = max(1, min(depth, 3))
    fanout = max(1, min(fanout, MAX_FANOUT))
    seen = {centre["id"]: 0}
    found: dict[Key, None] = {}  # in the order found
    frontier = [centre["id"]]
    truncated = None
    began = time.monotonic()
    for level in range(1, depth + 1):
        nxt = []
        for node in frontier:
            for key in _top_edges(conn, node, filters, fanout):
                other = key[1] if key[0] == node else key[0]
                if other not in seen:
                    if len(seen) >= max_nodes:
                        truncated = "nodes"
                        continue
                    seen[other] = level
                    nxt.append(other)
                found.setdefault(key, None)
            if time.monotonic() - began > TIME_BUDGET_S:
                truncated = truncated or "time"
                break
        if truncated == "time":
            break
        frontier = nxt
    keys = sorted(found, key=lambda k: (min(seen[k[0]], seen[k[1]]), max(seen[k[0]], seen[k[1]])))
    shown = keys[offset: offset + limit]
    view = edgesum.view_for(filters)
    if view is not None:
        page = _label(conn, edgesum.with_sources(conn, edgesum.edges_by_key(conn, view, shown), filters, 3))
    else:
        page = []
        for k in shown:
            e = filtered_edge(conn, k, filters, sources=3)  # the full list is one `ties` away
            if e is not None:  # it passed when found
                page.append(e)
        page = _label(conn, page)
    who = names(conn, set(seen))
    nodes = [{**who[n], "depth": d} for n, d in sorted(seen.items(), key=lambda x: (x[1], x[0])) if n in who]
    pairs = {(min(k[0], k[1]), max(k[0], k[1])) for k in keys}
    return {"centre": _entity(centre), "depth": depth, "fanout": fanout, "nodes": nodes, "edges": page,
            "edges_total": len(keys), "tie_pairs": len(pairs), "offset": offset, "limit": limit,
            "truncated": truncated}


_FTS_WORD = re.compile(r"\w+", re.UNICODE)


def search(conn: sqlite3.Connection, text: str, filters: E.Filters = E.NO_FILTERS, offset: int = 0,
           limit: int = 20) -> dict[str, Any]:
    """Evidence sentences and quotes containing every word of ``text`` (FTS5), best match first."""
    words = _FTS_WORD.findall(text)
    if not words:
        return {"query": text, "hits": [], "total": 0}
    match = " ".join(f'"{w}"' for w in words)
    cond, params = _source_filter(filters, None)
    cond = cond.replace("r.status", "f.status")
    total = conn.execute(
        f"SELECT count(*) FROM evidence_fts f JOIN articles a ON a.id = f.article_id"
        f" WHERE evidence_fts MATCH ? AND {cond}", (match, *params)).fetchone()[0]
    rows = conn.execute(
        "SELECT f.text, f.kind, f.fact_id, f.article_id, f.status, f.ev_start, f.ev_end, a.title, a.outlet,"
        " a.published, a.url FROM evidence_fts f JOIN articles a ON a.id = f.article_id"
        f" WHERE evidence_fts MATCH ? AND {cond} ORDER BY bm25(evidence_fts), f.article_id LIMIT ? OFFSET ?",
        (match, *params, limit, offset)).fetchall()
    hits = [{"text": r["text"], "kind": r["kind"], "article": r["article_id"], "article_title": r["title"],
             "outlet": r["outlet"], "published": r["published"], "url": r["url"], "status": r["status"],
             "evidence": {"start": r["ev_start"], "end": r["ev_end"]}} for r in rows]
    return {"query": text, "total": total, "offset": offset, "limit": limit, "hits": hits}
