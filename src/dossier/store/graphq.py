"""Graph queries over merged ties: an entity's edges, ties between two, shortest paths, networks, search."""

from __future__ import annotations

import itertools
import re
import sqlite3
import time
from typing import Any

from ..errors import DossierError
from . import edges as E
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


def _entity(ent: dict[str, Any]) -> dict[str, Any]:
    return {k: ent.get(k) for k in ("id", "name", "type", "articles", "match", "note")}


def ties(conn: sqlite3.Connection, a: str | int, b: str | int, filters: E.Filters = E.NO_FILTERS) -> dict[str, Any]:
    """Merged edges between two entities (either direction), each with all its sources."""
    first, second = choose(conn, a), choose(conn, b)
    if first["id"] == second["id"]:
        raise DossierError(f"{a!r} and {b!r} are the same entity ({first['name']}); name two different ones")
    found = _label(conn, E.merge(E.rows_between(conn, first["id"], second["id"]), filters))
    return {"a": _entity(first), "b": _entity(second), "edges": found}


def _neighbours(conn: sqlite3.Connection, eid: int, filters: E.Filters, statuses: tuple[str, ...],
                cache: dict[int, list[dict[str, Any]]]) -> list[dict[str, Any]]:
    if eid not in cache:
        cache[eid] = [e for e in E.merge(E.rows_of(conn, eid), filters) if e["status"] in statuses]
    return cache[eid]


def path(conn: sqlite3.Connection, a: str | int, b: str | int, filters: E.Filters = E.NO_FILTERS,
         statuses: tuple[str, ...] = PATH_STATUSES, max_depth: int = 4, limit: int = 5) -> dict[str, Any]:
    """Shortest paths from a to b through ties whose status is in ``statuses``; each hop with its evidence.

    Breadth-first from both ends, capped at ``max_depth`` hops, ``MAX_NODES`` visited and ``TIME_BUDGET_S``.
    """
    first, second = choose(conn, a), choose(conn, b)
    if first["id"] == second["id"]:
        raise DossierError(f"{a!r} and {b!r} are the same entity ({first['name']})")
    max_depth = min(max_depth, MAX_PATH_DEPTH)
    cache: dict[int, list[dict[str, Any]]] = {}
    start, goal = first["id"], second["id"]
    parents: dict[int, set[int]] = {start: set()}
    frontier = [start]
    found = False
    truncated = None
    began = time.monotonic()
    for _ in range(max_depth):
        nxt: dict[int, set[int]] = {}
        for node in frontier:
            for e in _neighbours(conn, node, filters, statuses, cache):
                other = e["target"] if e["source"] == node else e["source"]
                if other in parents:
                    continue
                nxt.setdefault(other, set()).add(node)
            if time.monotonic() - began > TIME_BUDGET_S:
                truncated = "time"
                break
        for k, v in nxt.items():
            parents[k] = v
        if goal in nxt:
            found = True
            break
        if truncated or not nxt:
            break
        if len(parents) > MAX_NODES:
            truncated = "nodes"
            break
        frontier = sorted(nxt)
    paths: list[list[int]] = []
    if found:
        def walk(node: int, tail: list[int]) -> None:
            if len(paths) >= limit:
                return
            if node == start:
                paths.append([start, *tail])
                return
            for p in sorted(parents[node]):
                walk(p, [node, *tail])
        walk(goal, [])
    who = names(conn, {n for p in paths for n in p})
    out = []
    for p in paths:
        hops = []
        for x, y in itertools.pairwise(p):
            hop_edges = [e for e in cache.get(x, []) if {e["source"], e["target"]} == {x, y}]
            hops.append({"from": who[x], "to": who[y], "edges": _label(conn, hop_edges)})
        out.append({"length": len(p) - 1, "nodes": [who[n] for n in p], "hops": hops})
    return {"a": _entity(first), "b": _entity(second), "statuses": list(statuses), "paths": out,
            "visited": len(parents), "truncated": truncated}


def network(conn: sqlite3.Connection, name: str | int, depth: int = 2, filters: E.Filters = E.NO_FILTERS,
            offset: int = 0, limit: int = 100, max_nodes: int = 500) -> dict[str, Any]:
    """The entity's neighbourhood up to ``depth`` hops: nodes and merged edges, edges paged by offset/limit.

    Stops growing at ``max_nodes`` nodes or ``TIME_BUDGET_S`` and says so in ``truncated``.
    """
    centre = choose(conn, name)
    depth = max(1, min(depth, 3))
    seen = {centre["id"]: 0}
    frontier = [centre["id"]]
    all_edges: dict[tuple[str, int, int], dict[str, Any]] = {}
    truncated = None
    began = time.monotonic()
    for level in range(1, depth + 1):
        nxt = []
        for node in frontier:
            for e in E.merge(E.rows_of(conn, node), filters):
                other = e["target"] if e["source"] == node else e["source"]
                if other not in seen:
                    if len(seen) >= max_nodes:
                        truncated = "nodes"
                        continue
                    seen[other] = level
                    nxt.append(other)
                all_edges.setdefault((e["type"], e["source"], e["target"]), e)
            if time.monotonic() - began > TIME_BUDGET_S:
                truncated = "time"
                break
        if truncated == "time":
            break
        frontier = nxt
    kept = [e for e in all_edges.values() if e["source"] in seen and e["target"] in seen]
    kept.sort(key=lambda e: (min(seen[e["source"]], seen[e["target"]]), -e["support"]["articles"], e["type"],
                             e["source"], e["target"]))
    page = _label(conn, kept[offset: offset + limit])
    for e in page:
        e["sources"] = e["sources"][:3]  # the full list is one `ties` away
    who = names(conn, set(seen))
    nodes = [{**who[n], "depth": d} for n, d in sorted(seen.items(), key=lambda x: (x[1], x[0])) if n in who]
    return {"centre": _entity(centre), "depth": depth, "nodes": nodes, "edges": page, "total_edges": len(kept),
            "offset": offset, "limit": limit, "truncated": truncated}


_FTS_WORD = re.compile(r"\w+", re.UNICODE)
_TABLES = {"quote": "quotes", "relation": "relations", "role": "roles", "claim": "claims", "event": "events"}


def search(conn: sqlite3.Connection, text: str, filters: E.Filters = E.NO_FILTERS, offset: int = 0,
           limit: int = 20) -> dict[str, Any]:
    """Evidence sentences and quotes containing every word of ``text`` (FTS5), best match first."""
    words = _FTS_WORD.findall(text)
    if not words:
        return {"query": text, "hits": [], "total": 0}
    match = " ".join(f'"{w}"' for w in words)
    rows = conn.execute(
        "SELECT f.text, f.kind, f.fact_id, f.article_id, a.title, a.outlet, a.published, a.url,"
        " bm25(evidence_fts) AS rank"
        " FROM evidence_fts f JOIN articles a ON a.id = f.article_id WHERE evidence_fts MATCH ? ORDER BY rank",
        (match,)).fetchall()
    hits = []
    for r in rows:
        fact = conn.execute(f"SELECT status, ev_start, ev_end FROM {_TABLES[r['kind']]} WHERE id = ?",
                            (r["fact_id"],)).fetchone()
        hit = {"text": r["text"], "kind": r["kind"], "article": r["article_id"], "article_title": r["title"],
               "outlet": r["outlet"], "published": r["published"], "url": r["url"],
               "status": fact["status"] if fact else None,
               "evidence": {"start": fact["ev_start"], "end": fact["ev_end"]} if fact else None}
        if hit["status"] is not None and filters.keeps(hit):
            hits.append(hit)
    return {"query": text, "total": len(hits), "offset": offset, "limit": limit, "hits": hits[offset: offset + limit]}
