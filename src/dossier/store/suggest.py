"""Name suggestions as someone types: entities whose name starts with the text or has a word that does.

Suggestions are offered, never picked silently: the user chooses one. Exact look-ups stay in ``lookup``.
"""

from __future__ import annotations

import sqlite3
from typing import Any

from . import lookup


def suggest(conn: sqlite3.Connection, text: str, limit: int = 10) -> list[dict[str, Any]]:
    """Exact matches first (as ``lookup.matches`` ranks them), then names with a word starting with ``text``."""
    typed = " ".join(text.split()).lower()
    if not typed:
        return []
    out: dict[int, dict[str, Any]] = {}
    for m in lookup.matches(conn, text)[:limit]:
        out[m["id"]] = {k: m[k] for k in ("id", "name", "type", "articles", "mentions", "match")}
    escaped = typed.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_")
    rows = conn.execute(
        "SELECT e.id, e.name, e.type,"
        " (SELECT count(*) FROM article_entities ae WHERE ae.entity_id = e.id) AS articles,"
        " (SELECT count(*) FROM mentions m WHERE m.entity_id = e.id) AS mentions"
        " FROM entities e WHERE lower(e.name) LIKE :start ESCAPE '\\' OR lower(e.name) LIKE :word ESCAPE '\\'"
        " OR lower(e.name) LIKE :hyphen ESCAPE '\\'"
        " ORDER BY articles DESC, mentions DESC, e.name LIMIT :n",
        {"start": escaped + "%", "word": "% " + escaped + "%", "hyphen": "%-" + escaped + "%", "n": limit},
    ).fetchall()
    for r in rows:
        out.setdefault(r["id"], {**dict(r), "match": "prefix"})
    return list(out.values())[:limit]
