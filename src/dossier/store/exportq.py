"""The whole store as one graph for exports: nodes with every mention, merged edges, decisions."""

from __future__ import annotations

import hashlib
import re
import sqlite3
from typing import Any

from . import edges as E
from .lookup import decisions

_PREFIX = {"PERSON": "p"}
_SLUG = re.compile(r"[^a-z0-9]+")


def _slug(text: str) -> str:
    from ..resolve.names import fold

    return _SLUG.sub("-", fold(text)).strip("-") or "x"


def node_ids(conn: sqlite3.Connection) -> dict[int, str]:
    """Stable node ids: ``p:hillary-clinton``; a slug two entities share gets a short hash of each key."""
    rows = conn.execute("SELECT id, name, type, norm_name FROM entities ORDER BY norm_name, type").fetchall()
    base = {r[0]: f"{_PREFIX.get(r[2], r[2].lower())}:{_slug(r[1])}" for r in rows}
    taken: dict[str, int] = {}
    for b in base.values():
        taken[b] = taken.get(b, 0) + 1
    out = {}
    for r in rows:
        b = base[r[0]]
        out[r[0]] = b if taken[b] == 1 else f"{b}-{hashlib.sha1(f'{r[2]}|{r[3]}'.encode()).hexdigest()[:6]}"
    return out


def graph_data(conn: sqlite3.Connection, filters: E.Filters = E.NO_FILTERS) -> dict[str, Any]:
    """Nodes, edges and decisions of the whole store, in a stable order."""
    ids = node_ids(conn)
    ents = {r[0]: dict(r) for r in conn.execute("SELECT id, name, type, gender, norm_name FROM entities")}
    aliases: dict[int, list[str]] = {}
    for eid, alias in conn.execute("SELECT entity_id, alias FROM entity_aliases GROUP BY entity_id, alias"
                                   " ORDER BY entity_id, count(*) DESC, alias"):
        aliases.setdefault(eid, []).append(alias)
    mentions: dict[int, list[dict[str, Any]]] = {}
    for r in conn.execute("SELECT entity_id, article_id, start, end, in_title FROM mentions"
                          " ORDER BY entity_id, article_id, in_title DESC, start, end"):
        m = {"article": r[1], "start": r[2], "end": r[3]}
        if r[4]:
            m["in"] = "title"
        mentions.setdefault(r[0], []).append(m)
    articles: dict[int, list[str]] = {}
    for eid, art in conn.execute("SELECT DISTINCT entity_id, article_id FROM article_entities ORDER BY entity_id,"
                                 " article_id"):
        articles.setdefault(eid, []).append(art)
    urls = {r[0]: r[1] for r in conn.execute("SELECT id, url FROM articles")}
    nodes = []
    for eid, e in ents.items():
        names = [a for a in aliases.get(eid, []) if a != e["name"]]
        nodes.append({
            "id": ids[eid], "name": e["name"], "type": e["type"], "gender": e["gender"], "aliases": names,
            "articles": articles.get(eid, []), "mentions": mentions.get(eid, []), "key": e["norm_name"],
            "urls": sorted({urls[a] for a in articles.get(eid, []) if urls.get(a)}),
        })
    nodes.sort(key=lambda n: n["id"])
    edges = []
    for e in E.merge(E.all_rows(conn), filters):
        src, tgt = ents[e["source"]], ents[e["target"]]
        e["id"] = E.edge_id(e["type"], src["norm_name"], tgt["norm_name"])
        e["source"], e["target"] = ids[e["source"]], ids[e["target"]]
        if e["symmetric"] and e["source"] > e["target"]:  # by stable ids, not by row numbers
            e["source"], e["target"] = e["target"], e["source"]
        for s in e["sources"]:
            s["source_entity"] = ids.get(s["source_entity"]) if s["source_entity"] else None
            s["subject"] = ids.get(s["subject"])
            del s["fact_id"]  # a row number: not stable across stores
        edges.append(e)
    edges.sort(key=lambda e: e["id"])
    return {"nodes": nodes, "edges": edges, "decisions": decisions(conn)}
