"""Corrections by a user (merge, distinct, alias, split): stored as decisions and replayed by every resolution.

A decision names name forms (and, for single articles, ``@article|form``), not
row ids, so it still applies after the articles are ingested again or in
another order.
"""

from __future__ import annotations

import json
import sqlite3
from datetime import UTC, datetime
from typing import Any

from ..errors import DossierError
from ..graph import ArticleGraph
from ..resolve.names import fold, parse
from ..resolve.units import other_form, person_form, units
from . import edgesum, resolution
from .lookup import choose


def _now() -> str:
    return datetime.now(UTC).isoformat(timespec="seconds")


def _pins_of(conn: sqlite3.Connection, eid: int) -> tuple[list[str], set[str]]:
    """Pins that stand for everything in an entity: its forms and its one-article units; and their blocks."""
    pins, blocks = [], set()
    for form, block in conn.execute("SELECT form, block FROM forms WHERE entity_id = ? ORDER BY form", (eid,)):
        pins.append(form)
        blocks.add(block)
    for art, form, block, sig in conn.execute(
            "SELECT article_id, form, block, signature FROM article_entities WHERE entity_id = ?"
            " ORDER BY article_id, form", (eid,)):
        blocks.add(block)
        if sig is not None or form not in pins:
            pins.append(f"@{art}|{form}")
    return list(dict.fromkeys(pins)), blocks


def _store(conn: sqlite3.Connection, kind: str, key: str, type_: str, name: str, pins: list[str],
           blocks: set[str], label: str, others: list[str] | None = None, alias: str | None = None) -> int:
    cur = conn.execute(
        "INSERT INTO decisions (kind, key, name, type, forms, others, alias, label, created_at)"
        " VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)",
        (kind, key, name, type_, json.dumps(pins, ensure_ascii=False), json.dumps(others or [], ensure_ascii=False),
         alias, label, _now()))
    did = int(cur.lastrowid)  # type: ignore[arg-type]
    conn.executemany("INSERT OR IGNORE INTO decision_blocks (decision_id, block) VALUES (?, ?)",
                     [(did, b) for b in sorted(blocks)])
    resolution.refresh(conn, blocks)
    edgesum.settle(conn)
    return did


def _key(conn: sqlite3.Connection, eid: int) -> str:
    return str(conn.execute("SELECT norm_name FROM entities WHERE id = ?", (eid,)).fetchone()[0])


def merge(conn: sqlite3.Connection, a: str | int, b: str | int) -> dict[str, Any]:
    """B becomes part of A, for good."""
    ea, eb = choose(conn, a), choose(conn, b)
    if ea["id"] == eb["id"]:
        raise DossierError(f"{a!r} and {b!r} are already one entity ({ea['name']})")
    if ea["type"] != eb["type"]:
        raise DossierError(f"cannot merge a {ea['type']} ({ea['name']}) with a {eb['type']} ({eb['name']})")
    pa, ba = _pins_of(conn, ea["id"])
    pb, bb = _pins_of(conn, eb["id"])
    key = _key(conn, ea["id"])
    did = _store(conn, "merge", key, ea["type"], ea["name"], pa + pb, ba | bb, f"merge {a} {b}")
    return {"decision": did, "kind": "merge", "into": ea["name"], "merged": eb["name"]}


def _forms_named(conn: sqlite3.Connection, eid: int, name: str) -> list[str]:
    """The entity's name forms written as ``name`` (``~surname`` for its bare surnames)."""
    want = fold(name)
    parts = parse(name)
    if parts is not None and not parts.full and conn.execute(
            "SELECT 1 FROM signatures WHERE entity_id = ? AND block = ?", (eid, parts.surname)).fetchone():
        return [f"~{parts.surname}"]
    out = []
    for form, display in conn.execute("SELECT form, display FROM forms WHERE entity_id = ?", (eid,)):
        if fold(display) == want:
            out.append(form)
    return out


def distinct(conn: sqlite3.Connection, a: str | int, b: str | int) -> dict[str, Any]:
    """A and B are different entities: never merged again (split now if they were)."""
    ea, eb = choose(conn, a), choose(conn, b)
    if ea["id"] == eb["id"]:
        pa, pb = _forms_named(conn, ea["id"], str(a)), _forms_named(conn, eb["id"], str(b))
        if not pa or not pb:
            raise DossierError(f"{a!r} and {b!r} name one entity ({ea['name']}) and no name form tells them apart;"
                               " use `dossier split` with the articles of one of them")
        blocks = {r[0] for r in conn.execute("SELECT block FROM forms WHERE entity_id = ?", (ea["id"],))}
    else:
        pa, ba = _pins_of(conn, ea["id"])
        pb, bb = _pins_of(conn, eb["id"])
        pa, pb = [p for p in pa if p[0] != "@"], [p for p in pb if p[0] != "@"]
        blocks = ba | bb
    did = _store(conn, "distinct", "", ea["type"], ea["name"], pa, blocks, f"distinct {a} {b}", others=pb)
    return {"decision": did, "kind": "distinct", "a": ea["name"], "b": eb["name"]}


def alias(conn: sqlite3.Connection, name: str | int, alias_text: str) -> dict[str, Any]:
    """ALIAS names the entity NAME: articles that use it resolve to that entity."""
    ent = choose(conn, name)
    if not fold(alias_text):
        raise DossierError("an alias needs at least one letter or digit")
    if ent["type"] == "PERSON" and (parts := parse(alias_text, literal=True)) is not None:
        # Taken as written ("Captain Quill" stays that name); the title is dropped only for the block.
        stripped = parse(alias_text)
        pin, block = person_form(parts), (stripped or parts).surname
    else:
        pin = block = other_form(ent["type"], alias_text)
    did = _store(conn, "alias", _key(conn, ent["id"]), ent["type"], ent["name"], [pin], {block},
                 f"alias add {name} {alias_text}", alias=alias_text.strip())
    return {"decision": did, "kind": "alias", "entity": ent["name"], "alias": alias_text.strip()}


def split(conn: sqlite3.Connection, name: str | int, articles: list[str]) -> dict[str, Any]:
    """The entity's mentions in these articles are someone else: one new entity for them, for good."""
    ent = choose(conn, name)
    if not articles:
        raise DossierError("name at least one article to split off (--article ID)")
    rows = conn.execute(
        f"SELECT article_id, form, block, name FROM article_entities WHERE entity_id = ?"
        f" AND article_id IN ({','.join('?' * len(articles))}) ORDER BY article_id, form",
        (ent["id"], *articles)).fetchall()
    missing = sorted(set(articles) - {r[0] for r in rows})
    if missing:
        raise DossierError(f"{ent['name']} is not in article(s) {', '.join(missing)}")
    total = conn.execute("SELECT count(DISTINCT article_id) FROM article_entities WHERE entity_id = ?",
                         (ent["id"],)).fetchone()[0]
    if total == len({r[0] for r in rows}):
        raise DossierError(f"those are all of {ent['name']}'s articles: nothing would be left to split from")
    pins = [f"@{r[0]}|{r[1]}" for r in rows]
    key = "split|" + "+".join(sorted(set(articles))) + "|" + rows[0][1]
    did = _store(conn, "split", key, ent["type"], rows[0][3], pins, {r[2] for r in rows},
                 f"split {name} --article {' --article '.join(articles)}")
    return {"decision": did, "kind": "split", "entity": ent["name"], "articles": sorted(set(articles))}


def reresolve(conn: sqlite3.Connection) -> dict[str, int]:
    """Resolve the whole store again (after an upgrade, or to check): fills forms of older rows, replays decisions."""
    filled = 0
    for (art, graph_json) in conn.execute(
            "SELECT id, graph_json FROM articles WHERE id IN"
            " (SELECT DISTINCT article_id FROM article_entities WHERE form IS NULL)").fetchall():
        graph = ArticleGraph.from_dict(json.loads(graph_json))
        for unit in units(graph):
            conn.execute("UPDATE article_entities SET form = ?, block = ?, signature = ?, titles = ?"
                         " WHERE article_id = ? AND local_id = ?",
                         (unit.form, unit.block, unit.signature, json.dumps(list(unit.titles)), art, unit.local_id))
            resolution.count(conn, unit, 1)
        filled += 1
    blocks = [r[0] for r in conn.execute("SELECT DISTINCT block FROM article_entities WHERE block IS NOT NULL")]
    resolution.refresh(conn, blocks)
    edgesum.settle(conn)
    return {"articles_filled": filled, "blocks": len(blocks)}
