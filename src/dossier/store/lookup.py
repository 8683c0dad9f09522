"""Finding the entity a user means by a name, without guessing silently.

Matches are exact (on the entity's name, a name some article used for it, a
user alias, a compatible fuller or shorter form of a person's name, or a bare
surname), never substrings. One match, or one clearly dominant match, is chosen
and the choice is said; otherwise the matches are listed. No match suggests the
nearest names.
"""

from __future__ import annotations

import difflib
import json
import sqlite3
from typing import Any

from ..errors import Ambiguous, NotFound
from ..resolve.names import compatible, parse
from . import resolution
from .text import norm

# The top match is picked over the others when it has this many times their articles together.
DOMINANT = 3.0
_RANK = {"id": 0, "name": 1, "alias": 1, "user alias": 1, "surname": 1, "compatible": 2}


def _stats(conn: sqlite3.Connection, ids: list[int]) -> dict[int, dict[str, Any]]:
    if not ids:
        return {}
    marks = ",".join("?" * len(ids))
    rows = conn.execute(
        f"SELECT e.id, e.name, e.type, e.gender, e.norm_name AS key,"
        f" (SELECT count(*) FROM article_entities ae WHERE ae.entity_id = e.id) AS articles,"
        f" (SELECT count(*) FROM mentions m WHERE m.entity_id = e.id) AS mentions"
        f" FROM entities e WHERE e.id IN ({marks})", ids).fetchall()
    out = {}
    for r in rows:
        best = conn.execute(
            "SELECT alias FROM entity_aliases WHERE entity_id = ? AND alias != ? GROUP BY alias"
            " ORDER BY count(*) DESC, alias LIMIT 1", (r["id"], r["name"])).fetchone()
        out[r["id"]] = {**dict(r), "best_alias": best[0] if best else None}
    return out


def matches(conn: sqlite3.Connection, name: str) -> list[dict[str, Any]]:
    """Every entity a name can mean, best first: kind of match, then most articles."""
    key = norm(name)
    if not key:
        return []
    found: dict[int, str] = {}

    def add(eid: int, how: str) -> None:
        if eid not in found or _RANK[how] < _RANK[found[eid]]:
            found[eid] = how

    for (eid,) in conn.execute("SELECT id FROM entities WHERE lower(name) = lower(?)", (name.strip(),)):
        add(eid, "name")
    for (eid,) in conn.execute("SELECT DISTINCT entity_id FROM entity_aliases WHERE norm_alias = ?", (key,)):
        add(eid, "alias")
    for d in conn.execute("SELECT key, type FROM decisions WHERE kind = 'alias' AND alias IS NOT NULL"
                          " AND lower(alias) = lower(?)", (name.strip(),)):
        row = conn.execute("SELECT id FROM entities WHERE norm_name = ? AND type = ?", (d[0], d[1])).fetchone()
        if row:
            add(row[0], "user alias")
    # A user's alias is taken as written: "Captain Quill" means the entity it was given to, not every Quill.
    parts = None if "user alias" in found.values() else parse(name)
    if parts is not None and parts.full:
        for _form, eid, display in conn.execute(
                "SELECT form, entity_id, display FROM forms WHERE block = ? AND type = 'PERSON'"
                " AND entity_id IS NOT NULL", (parts.surname,)):
            other = parse(display)
            if other is not None and compatible(parts, other) is not None:
                add(eid, "compatible")
    elif parts is not None:
        for (eid,) in conn.execute("SELECT id FROM entities WHERE surname = ? AND type = 'PERSON'", (parts.surname,)):
            add(eid, "surname")
    stats = _stats(conn, list(found))
    out = [{**stats[eid], "match": how} for eid, how in found.items() if eid in stats]
    out.sort(key=lambda e: (_RANK[e["match"]], -e["articles"], -e["mentions"], e["name"], e["id"]))
    return out


def suggest(conn: sqlite3.Connection, name: str, n: int = 5) -> list[str]:
    """The nearest names in the store (spelling), for a name that matched nothing."""
    key = norm(name)
    if not key:
        return []
    initials = {w[0] for w in key.split()}
    names: dict[str, str] = {}
    for alias, norm_alias in conn.execute(
            "SELECT DISTINCT e.name, ea.norm_alias FROM entity_aliases ea JOIN entities e ON e.id = ea.entity_id"
            " LIMIT 20000"):
        if initials & {w[0] for w in norm_alias.split() if w}:
            names.setdefault(norm_alias, alias)
    close = difflib.get_close_matches(key, list(names), n=n * 3, cutoff=0.6)
    return list(dict.fromkeys(names[c] for c in close))[:n]


def choose(conn: sqlite3.Connection, name: str | int) -> dict[str, Any]:
    """The entity meant by a name (or ``#id``): picked when alone or clearly dominant, saying why.

    Raises NotFound (with suggestions) or Ambiguous (with the matches listed).
    """
    if isinstance(name, int) or (isinstance(name, str) and name.startswith("#") and name[1:].isdigit()):
        eid = int(name[1:]) if isinstance(name, str) else name
        stats = _stats(conn, [eid])
        if not stats:
            raise NotFound(f"no entity with id {eid}")
        return {**stats[eid], "match": "id", "others": [], "note": None}
    found = matches(conn, name)
    if not found:
        near = suggest(conn, name)
        hint = f"; did you mean {', '.join(repr(s) for s in near)}?" if near else ""
        raise NotFound(f"nobody called {name!r} in the store{hint}", near)
    best, rest = found[0], found[1:]
    others = [_brief(e) for e in rest]
    if not rest:
        return {**best, "others": [], "note": None}
    same_rank = [e for e in rest if _RANK[e["match"]] == _RANK[best["match"]]]
    rivals = sum(e["articles"] for e in same_rank)
    if not same_rank or (best["articles"] >= DOMINANT * max(rivals, 1) and best["articles"] > rivals):
        plural = "s" if len(rest) > 1 else ""
        if same_rank:
            note = (f"{name!r} also matches {len(rest)} other{plural}; picked {best['name']}, the clearly dominant"
                    f" one ({best['articles']} articles vs {rivals})")
        else:
            kinds = ", ".join(sorted({e["match"] for e in rest}))
            note = (f"{name!r} also matches {len(rest)} other{plural} (by {kinds}); picked {best['name']},"
                    f" matched by {best['match']}")
        return {**best, "others": others, "note": note}
    listed = [_brief(e) for e in found]
    raise Ambiguous(f"{name!r} matches {len(found)} entities: "
                    + "; ".join(_describe(e) for e in listed) + ". Use a fuller name or #id.", listed)


def _brief(e: dict[str, Any]) -> dict[str, Any]:
    return {k: e[k] for k in ("id", "name", "type", "articles", "best_alias", "match")}


def _describe(e: dict[str, Any]) -> str:
    alias = f", also {e['best_alias']!r}" if e.get("best_alias") else ""
    return f"#{e['id']} {e['name']} ({e['type']}, {e['articles']} articles{alias})"


def user_aliases(conn: sqlite3.Connection, key: str) -> list[str]:
    """Aliases a user added for the entity with this key."""
    return [r[0] for r in conn.execute(
        "SELECT alias FROM decisions WHERE kind = 'alias' AND key = ? AND alias IS NOT NULL ORDER BY id", (key,))]


def decisions(conn: sqlite3.Connection) -> list[dict[str, Any]]:
    """Every stored correction, oldest first."""
    out = []
    for r in conn.execute("SELECT * FROM decisions ORDER BY id"):
        d = dict(r)
        d["forms"] = json.loads(d["forms"])
        d["others"] = json.loads(d["others"])
        out.append(d)
    return out


def why(conn: sqlite3.Connection, name: str | int) -> dict[str, Any]:
    """How an entity was formed: each name form and bare-surname group it took in, with evidence and score."""
    ent = choose(conn, name)
    eid = ent["id"]
    forms = []
    for r in conn.execute("SELECT form, display, n, female, male, score, evidence FROM forms WHERE entity_id = ?"
                          " ORDER BY n DESC, form", (eid,)):
        arts = [a[0] for a in conn.execute(
            "SELECT DISTINCT article_id FROM article_entities WHERE entity_id = ? AND form = ? AND signature IS NULL"
            " ORDER BY article_id LIMIT 50", (eid, r["form"]))]
        forms.append({"form": r["form"], "name": r["display"], "articles": r["n"], "article_ids": arts,
                      "score": r["score"], "evidence": json.loads(r["evidence"]) if r["evidence"] else None})
    surnames = []
    for r in conn.execute("SELECT signature, n, score, evidence FROM signatures WHERE entity_id = ? ORDER BY signature",
                          (eid,)):
        arts = [a[0] for a in conn.execute(
            "SELECT DISTINCT article_id FROM article_entities WHERE signature = ? AND entity_id = ?"
            " ORDER BY article_id LIMIT 50", (r["signature"], eid))]
        surname_, gender, _conflict, titles = r["signature"].split("|")[:4]
        surnames.append({"surname": surname_, "gender": gender or None, "titles": [t for t in titles.split(",") if t],
                         "articles": r["n"], "article_ids": arts, "score": r["score"],
                         "evidence": json.loads(r["evidence"]) if r["evidence"] else None})
    pinned = [dict(r) for r in conn.execute(
        "SELECT ae.article_id, ae.name, ae.form FROM article_entities ae WHERE ae.entity_id = ?"
        " AND ae.form NOT IN (SELECT form FROM forms WHERE entity_id = ?) AND ae.signature IS NULL"
        " ORDER BY ae.article_id", (eid, eid))]
    namesakes = resolution.namesakes(conn, eid)
    apart = {n["form"] for n in namesakes if n["kept_apart"]}
    pinned = [r for r in pinned if r["form"] not in apart]  # placed by their context, not by a decision
    key = conn.execute("SELECT norm_name FROM entities WHERE id = ?", (eid,)).fetchone()[0]
    used = [d for d in decisions(conn) if d["key"] == key or any(
        p in {f["form"] for f in forms} for p in d["forms"] + d["others"])]
    return {"entity": {k: ent[k] for k in ("id", "name", "type", "articles", "mentions")}, "note": ent.get("note"),
            "forms": forms, "surnames": surnames, "single_articles": pinned, "decisions": used,
            "user_aliases": user_aliases(conn, key), "namesakes": namesakes}
