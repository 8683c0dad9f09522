"""Cross-article resolution in the store: keep per-form counts, re-cluster touched blocks, re-point entities.

At ingest an article's units are counted into ``forms`` and ``signatures`` and
every block it touches is clustered again from those counts
(:func:`dossier.resolve.cluster.cluster_block`). Only units whose entity changes
are re-pointed, so the cost of an ingest depends on the blocks it touches, not on
the size of the store. Runs inside the caller's transaction.
"""

from __future__ import annotations

import json
import sqlite3
from collections.abc import Iterable
from functools import partial
from typing import Any

from ..graph import ArticleGraph
from ..resolve.cluster import Bridge, Decision, Form, Signature, cluster_block
from ..resolve.names import fold, parse
from ..resolve.senses import MIN_MAIN, Group, senses
from ..resolve.units import Unit, title_heads, units
from .text import norm, surname

# (table, global id column, local id column): every place an article entity's global id is copied to.
_POINTERS = (
    ("article_entities", "entity_id", "local_id"),
    ("mentions", "entity_id", "local_id"),
    ("entity_aliases", "entity_id", "local_id"),
    ("quotes", "speaker_id", "speaker_local"),
    ("quotes", "addressee_id", "addressee_local"),
    ("quotes", "source_id", "source_local"),
    ("roles", "person_id", "person_local"),
    ("roles", "org_id", "org_local"),
    ("roles", "place_id", "place_local"),
    ("roles", "source_id", "source_local"),
    ("relations", "subject_id", "subject_local"),
    ("relations", "object_id", "object_local"),
    ("relations", "source_id", "source_local"),
    ("events", "source_id", "source_local"),
    ("event_participants", "entity_id", "local_id"),
    ("claims", "source_id", "source_local"),
    ("claim_entities", "entity_id", "local_id"),
)


def own_key(article_id: str, local_id: str) -> str:
    """The key of an entity that stands for one article's entity only (an unplaced bare surname)."""
    return f"@{article_id}/{local_id}"


def entity_for(conn: sqlite3.Connection, key: str, type_: str, name: str, gender: str | None = None) -> int:
    """The global entity with this cluster key, created if missing."""
    row = conn.execute("SELECT id FROM entities WHERE norm_name = ? AND type = ?", (key, type_)).fetchone()
    if row is not None:
        return int(row[0])
    last = surname(name) if type_ == "PERSON" else None
    cur = conn.execute(
        "INSERT INTO entities (name, type, gender, norm_name, surname) VALUES (?, ?, ?, ?, ?)",
        (name, type_, gender, key, last if last else (norm(name) if type_ == "PERSON" else None)),
    )
    return int(cur.lastrowid)  # type: ignore[arg-type]


def provisional(conn: sqlite3.Connection, article_id: str, unit: Unit) -> int:
    """The entity a new unit starts in (its form's or signature's current one); refresh() settles it."""
    if unit.signature is not None:
        row = conn.execute("SELECT entity_id FROM signatures WHERE signature = ?", (unit.signature,)).fetchone()
        if row is not None and row[0] is not None:
            return int(row[0])
        return entity_for(conn, own_key(article_id, unit.local_id), unit.type, unit.display, unit.gender)
    row = conn.execute("SELECT entity_id FROM forms WHERE form = ?", (unit.form,)).fetchone()
    if row is not None and row[0] is not None:
        return int(row[0])
    return entity_for(conn, unit.form, unit.type, unit.display, unit.gender)


def count(conn: sqlite3.Connection, unit: Unit, delta: int) -> None:
    """Add (1) or remove (-1) a unit from the per-form and per-signature counts."""
    female = delta if unit.gender == "female" else 0
    male = delta if unit.gender == "male" else 0
    if unit.signature is not None:
        conn.execute(
            "INSERT INTO signatures (signature, block, n) VALUES (?, ?, ?)"
            " ON CONFLICT (signature) DO UPDATE SET n = n + excluded.n",
            (unit.signature, unit.block, delta),
        )
        return
    p = unit.parts
    conn.execute(
        "INSERT INTO forms (form, type, block, display, first, middles, surname, suffix, maiden, n, female, male)"
        " VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)"
        " ON CONFLICT (form) DO UPDATE SET n = n + excluded.n, female = female + excluded.female,"
        " male = male + excluded.male, display = CASE"
        # The written form kept is the same whatever the order: mixed case before capitals, then the smallest.
        " WHEN (excluded.display = upper(excluded.display)) < (display = upper(display)) THEN excluded.display"
        " WHEN (excluded.display = upper(excluded.display)) > (display = upper(display)) THEN display"
        " ELSE min(display, excluded.display) END",
        (unit.form, unit.type, unit.block, unit.display, p.first if p else None, " ".join(p.middles) if p else None,
         p.surname if p else None, p.suffix if p else None,
         p.middles[-1] if p and p.middles and len(p.middles[-1]) > 1 else None, delta, female, male),
    )
    conn.execute(
        "INSERT INTO form_names (form, name, n) VALUES (?, ?, ?)"
        " ON CONFLICT (form, name) DO UPDATE SET n = n + excluded.n", (unit.form, unit.display, delta))
    for title in unit.titles:
        conn.execute(
            "INSERT INTO form_titles (form, title, n) VALUES (?, ?, ?)"
            " ON CONFLICT (form, title) DO UPDATE SET n = n + excluded.n",
            (unit.form, title, delta),
        )
    if unit.type == "PERSON" and p is not None and p.full:
        _count_context(conn, unit, delta)


def _count_context(conn: sqlite3.Connection, unit: Unit, delta: int) -> None:
    heads = title_heads(unit.titles) or ("",)
    rows = []
    for g in heads:
        rows.append((unit.form, g, "#", "", delta))
        rows += [(unit.form, g, "t", h, delta) for h in heads if h != g]
        rows += [(unit.form, g, f[0], f[2:], delta) for f in unit.context]
    # One statement for all of a unit's rows (a real article's people add a hundred or more).
    conn.execute(
        "INSERT INTO form_context (form, tkey, kind, feature, n) SELECT ?, json_extract(j.value, '$[0]'),"
        " json_extract(j.value, '$[1]'), json_extract(j.value, '$[2]'), ? FROM json_each(?) j WHERE true"
        " ON CONFLICT (form, tkey, kind, feature) DO UPDATE SET n = n + excluded.n",
        (unit.form, delta, json.dumps([r[1:4] for r in rows], ensure_ascii=False)))
    if delta < 0:
        conn.execute("DELETE FROM form_context WHERE form = ? AND n <= 0", (unit.form,))


def forget(conn: sqlite3.Connection, article_id: str) -> tuple[set[str], set[str]]:
    """Take a stored article's units out of the counts (before it is replaced); return its blocks and forms."""
    rows = conn.execute(
        "SELECT local_id, type, form, block, signature, gender, titles, name FROM article_entities"
        " WHERE article_id = ? AND form IS NOT NULL", (article_id,)).fetchall()
    blocks = set()
    contexts: dict[str, tuple[str, ...]] = {}
    if rows:
        graph = conn.execute("SELECT graph_json FROM articles WHERE id = ?", (article_id,)).fetchone()
        if graph is not None and graph[0]:
            contexts = {u.local_id: u.context for u in units(ArticleGraph.from_dict(json.loads(graph[0])))}
    for r in rows:
        parts = parse(r["name"]) if r["type"] == "PERSON" else None
        unit = Unit(r["local_id"], r["type"], r["form"], r["block"], r["name"], parts, r["gender"],
                    tuple(json.loads(r["titles"])), r["signature"], contexts.get(r["local_id"], ()))
        count(conn, unit, -1)
        blocks.add(r["block"])
    return blocks, {r["form"] for r in rows}


# --- re-clustering ----------------------------------------------------------------------


def _decisions(conn: sqlite3.Connection, block: str) -> list[dict[str, Any]]:
    return [dict(r) for r in conn.execute(
        "SELECT d.* FROM decisions d JOIN decision_blocks b ON b.decision_id = d.id WHERE b.block = ?"
        " ORDER BY d.id", (block,))]


def _form_stats(conn: sqlite3.Connection, block: str) -> list[tuple[Form, str, int | None, tuple[Any, Any]]]:
    rows = conn.execute("SELECT * FROM forms WHERE block = ? AND n > 0", (block,)).fetchall()
    titles: dict[str, set[str]] = {}
    if rows:
        for t in conn.execute(
            "SELECT t.form, t.title FROM form_titles t JOIN forms f ON f.form = t.form"
            " WHERE f.block = ? AND t.n > 0", (block,)):
            titles.setdefault(t[0], set()).add(t[1])
    written: dict[str, list[tuple[str, int]]] = {}
    if rows:
        for form, name, n in conn.execute(
                "SELECT t.form, t.name, t.n FROM form_names t JOIN forms f ON f.form = t.form"
                " WHERE f.block = ? AND t.n > 0", (block,)):
            written.setdefault(form, []).append((name, n))
    out = []
    for r in rows:
        names = written.get(r["form"])
        if names:
            # Most used; then mixed case before capitals; then the smallest: the same in any ingest order.
            best = min(names, key=lambda x: (-x[1], x[0] == x[0].upper(), x[0]))[0]
            if best != r["display"]:
                conn.execute("UPDATE forms SET display = ? WHERE form = ?", (best, r["form"]))
                r = {**dict(r), "display": best}
        parts = parse(r["display"]) if r["type"] == "PERSON" else None
        out.append((Form(r["form"], r["type"], parts, r["n"], r["female"], r["male"],
                         frozenset(titles.get(r["form"], ()))), r["display"], r["entity_id"],
                    (r["score"], r["evidence"])))
    return out


def _bridges(conn: sqlite3.Connection, block: str) -> list[Bridge]:
    """Forms elsewhere whose last middle name is this block's surname, with their entity's key."""
    out = []
    for r in conn.execute(
            "SELECT f.form, f.display, f.n, f.female, f.male, e.norm_name, e.name,"
            " (SELECT sum(g.n) FROM forms g WHERE g.entity_id = e.id AND g.block != f.maiden) FROM forms f"
            " JOIN entities e ON e.id = f.entity_id WHERE f.maiden = ? AND f.block != ? AND f.n > 0"
            " AND f.type = 'PERSON' AND f.display != upper(f.display)", (block, block)):
        out.append(Bridge(Form(r[0], "PERSON", parse(r[1]), r[2], r[3], r[4]), r[5], r[6], r[7] or 0))
    return out


def _signature_stats(conn: sqlite3.Connection, block: str) -> list[Signature]:
    out = []
    for r in conn.execute("SELECT signature, n FROM signatures WHERE block = ? AND n > 0", (block,)):
        surname_, gender, conflict, titles, suffix = [*r[0].split("|"), ""][:5]
        out.append(Signature(r[0], surname_, gender or None, conflict or None,
                             frozenset(t for t in titles.split(",") if t), r[1], suffix or None))
    return out


def refresh(conn: sqlite3.Connection, blocks: Iterable[str], forms: set[str] | None = None) -> None:
    """Cluster each block again and re-point the entities whose cluster changed.

    ``forms``: the name forms whose counts changed since the last refresh (None: any may have); the
    namesakes of the others are as they were, unless their entity changes.
    """
    conn.execute("CREATE TEMP TABLE IF NOT EXISTS _touched (id INTEGER PRIMARY KEY)")
    todo = sorted(set(blocks))
    for block in todo:
        _refresh_block(conn, block, forms)
    # Blocks of the maiden names used here read these blocks' results: settle them after.
    linked = set()
    for i in range(0, len(todo), 400):
        chunk = todo[i:i + 400]
        linked |= {r[0] for r in conn.execute(
            f"SELECT DISTINCT f.maiden FROM forms f WHERE f.block IN ({','.join('?' * len(chunk))})"
            " AND f.maiden IS NOT NULL AND f.n > 0 AND EXISTS (SELECT 1 FROM forms g WHERE g.block = f.maiden)",
            chunk)}
    for block in sorted(linked):
        _refresh_block(conn, block, forms)
    touched = [int(r[0]) for r in conn.execute("SELECT id FROM _touched")]
    if touched:
        delete_orphans(conn, touched)
        conn.execute("DELETE FROM _touched")
    conn.execute("DELETE FROM forms WHERE n <= 0")
    conn.execute("DELETE FROM signatures WHERE n <= 0")
    conn.execute("DELETE FROM form_titles WHERE n <= 0")
    conn.execute("DELETE FROM form_names WHERE n <= 0")


def _refresh_block(conn: sqlite3.Connection, block: str, touched: set[str] | None = None) -> None:
    stats = _form_stats(conn, block)
    display = {f.form: name for f, name, _, _ in stats}
    current = {f.form: eid for f, _, eid, _ in stats}
    said = {f.form: ev for f, _, _, ev in stats}
    decisions = _decisions(conn, block)
    seen = [Decision(d["id"], d["kind"], d["key"], d["name"], tuple(p for p in json.loads(d["forms"]) if p[0] != "@"),
                     tuple(json.loads(d["others"]))) for d in decisions if d["kind"] != "split"]
    signatures = _signature_stats(conn, block)
    first_use = {block: conn.execute("SELECT coalesce(sum(n), 0) FROM forms WHERE first = ? AND type = 'PERSON'",
                                     (block,)).fetchone()[0]} if signatures else {}
    result = cluster_block([f for f, _, _, _ in stats], signatures, seen, _bridges(conn, block), first_use)
    ids: dict[str, int] = {}
    keys = {c.key for c in result.clusters}
    held = {v for v in current.values() if v is not None}
    known = {r[0]: (r[1], r[2], r[3]) for r in conn.execute(
        f"SELECT id, norm_name, name, gender FROM entities WHERE id IN ({','.join('?' * len(held))})",
        tuple(held))} if held else {}
    for c in sorted(result.clusters, key=lambda c: (-c.n, c.key)):
        name = result.names.get(c.key or "") or display[c.canonical().form]
        mine = [current[f.form] for f in c.forms if current.get(f.form)]
        same = [e for e in mine if known.get(e, ("",))[0] == c.key]
        eid = same[0] if same else _rekey(conn, c.key, mine, keys, ids)  # type: ignore[arg-type]
        if eid is None:
            eid = entity_for(conn, c.key, c.forms[0].type, name, c.gender)  # type: ignore[arg-type]
        if c.key in result.bridged:
            pass  # named in its married-name block; leave its name there
        elif known.get(eid, (None, None, None))[1:] != (name, c.gender):
            # The gender is the cluster's now, whatever an earlier state gave it: the same in any ingest order.
            conn.execute("UPDATE entities SET name = ?, gender = ? WHERE id = ?",
                         (name, c.gender, eid))
        ids[c.key] = eid  # type: ignore[index]
    split_units = _unit_pins(conn, decisions)
    moved = {form for form, a in result.forms.items() if current.get(form) != ids[a.key]}
    sense_units, sense_forms = _namesakes(conn, [f for f, _, _, _ in stats if touched is None or f.form in touched
                                                 or f.form in moved], display)
    # Invariant: every unit of a form (or placed signature) points at the form's entity, so units are
    # re-pointed only when that entity changes; new units start there (provisional()).
    before = {r[0]: (r[1], r[2], r[3]) for r in conn.execute(
        "SELECT signature, entity_id, score, evidence FROM signatures WHERE block = ?", (block,))}
    for form, a in result.forms.items():
        eid = ids[a.key]
        evidence = json.dumps(a.evidence, ensure_ascii=False)
        if current.get(form) == eid and said.get(form) == (a.score, evidence):
            continue
        _assign(conn, "forms", "form", form, eid, a.score, evidence)
        if current.get(form) == eid:
            continue
        for art, local in conn.execute(
            "SELECT article_id, local_id FROM article_entities WHERE form = ? AND signature IS NULL"
            " AND entity_id != ?", (form, eid)).fetchall():
            if (art, local) not in split_units and (art, local) not in sense_units:
                repoint(conn, art, local, eid)
    for sig, placed in result.signatures.items():
        if placed is not None:
            eid = ids.get(placed.key) or _pinned_entity(conn, placed.key, "PERSON", block)
            evidence = json.dumps(placed.evidence, ensure_ascii=False)
            old = before.get(sig, (None, None, None))
            if old != (eid, placed.score, evidence):
                _assign(conn, "signatures", "signature", sig, eid, placed.score, evidence)
            if old[0] == eid:
                continue
            for art, local in conn.execute(
                "SELECT article_id, local_id FROM article_entities WHERE signature = ? AND entity_id != ?",
                (sig, eid)).fetchall():
                if (art, local) not in split_units:
                    repoint(conn, art, local, eid)
        else:
            left = json.dumps({"rule": "bare surname left alone: no clearly dominant person"})
            old = before.get(sig, (None, None, None))
            if old != (None, None, left):
                conn.execute("UPDATE signatures SET entity_id = NULL, score = NULL, evidence = ? WHERE signature = ?",
                             (left, sig))
            if old[0] is None:
                continue
            for art, local, name, gender, current in conn.execute(
                "SELECT ae.article_id, ae.local_id, ae.name, ae.gender, e.norm_name FROM article_entities ae"
                " JOIN entities e ON e.id = ae.entity_id WHERE ae.signature = ?", (sig,)).fetchall():
                key = own_key(art, local)
                if current != key and (art, local) not in split_units:
                    # Its own entity has its article's gender, as when it was never placed (provisional()).
                    repoint(conn, art, local, entity_for(conn, key, "PERSON", name, gender))
    for form in sense_forms:
        eid = ids[result.forms[form].key]
        for art, local, held in conn.execute(
                "SELECT article_id, local_id, entity_id FROM article_entities WHERE form = ? AND signature IS NULL",
                (form,)).fetchall():
            want = sense_units.get((art, local), eid)
            if held != want and (art, local) not in split_units:
                repoint(conn, art, local, want)
    for (art, local), d in split_units.items():
        eid = entity_for(conn, d["key"], d["type"], d["name"])
        if conn.execute("SELECT entity_id FROM article_entities WHERE article_id = ? AND local_id = ?",
                        (art, local)).fetchone()[0] != eid:
            repoint(conn, art, local, eid)


# --- namesakes ---------------------------------------------------------------------------

# Top co-mentions per title group read for the profiles; shared ones beyond these are found by _shared().
TOP_COMENTIONS = 10
_MANY = 50


def _groups(conn: sqlite3.Connection, form: str) -> list[Group]:
    out = []
    for tkey, n in conn.execute(
            "SELECT tkey, n FROM form_context WHERE form = ? AND kind = '#' AND n > 0 ORDER BY tkey",
            (form,)).fetchall():
        def top(kind: str, limit: int, tkey: str = tkey) -> frozenset[str]:
            return frozenset(f"{kind}:{r[0]}" if kind in "po" else r[0] for r in conn.execute(
                "SELECT feature FROM form_context WHERE form = ? AND tkey = ? AND kind = ? AND n > 0"
                " ORDER BY n DESC, feature LIMIT ?", (form, tkey, kind, limit)))
        out.append(Group(tkey, n, top("t", _MANY), top("p", TOP_COMENTIONS) | top("o", TOP_COMENTIONS),
                         top("s", _MANY), top("y", _MANY)))
    return out


def _shared(conn: sqlite3.Connection, form: str, a: list[str], b: list[str]) -> list[str]:
    """Co-mentions that title groups ``b`` share with ``a`` over all counts (driven by ``b``, the smaller)."""
    qa, qb = ",".join("?" * len(a)), ",".join("?" * len(b))
    return [f"{r[0]}:{r[1]}" for r in conn.execute(
        f"SELECT y.kind, y.feature FROM form_context y WHERE y.form = ? AND y.tkey IN ({qb})"
        " AND y.kind IN ('p', 'o') AND y.n > 0 AND EXISTS (SELECT 1 FROM form_context x WHERE x.form = y.form"
        f" AND x.kind = y.kind AND x.feature = y.feature AND x.tkey IN ({qa}) AND x.n > 0) LIMIT 5",
        (form, *b, *a))]


def sense_key(form: str, suffix: str) -> str:
    """The entity key of a namesake kept apart from the form's main person."""
    return f"{form}#{suffix}"


def _namesakes(conn: sqlite3.Connection, forms: list[Form],
               display: dict[str, str]) -> tuple[dict[tuple[str, str], int], list[str]]:
    """Article entities of namesakes (unit -> its entity), and the forms whose units need checking."""
    before = {r[0] for r in conn.execute(
        f"SELECT DISTINCT form FROM form_senses WHERE form IN ({','.join('?' * len(forms))})",
        [f.form for f in forms])} if forms else set()
    placed: dict[tuple[str, str], int] = {}
    checked = []
    for f in forms:
        heads = {t.split()[-1] for t in f.titles if t.split()}
        if f.form not in before and (f.parts is None or not f.parts.full or not heads or f.n < 4):
            continue  # the cheap common case: nothing to tell apart
        groups = _groups(conn, f.form)
        found = senses(groups, partial(_shared, conn, f.form))
        conn.execute("DELETE FROM form_senses WHERE form = ?", (f.form,))
        if len(found) > 1:
            for s in found[1:]:
                conn.execute("INSERT INTO form_senses (form, key, tkeys, score, evidence) VALUES (?, ?, ?, ?, ?)",
                             (f.form, sense_key(f.form, s.key_suffix), json.dumps(s.tkeys), s.score,
                              json.dumps(s.evidence, ensure_ascii=False)))
            mine = _place_units(conn, f, found, display[f.form])
        else:
            mine = {}
        mine |= _strangers(conn, f, found[0] if found else None, groups, display[f.form])
        placed |= mine
        if mine or f.form in before:
            # Otherwise every unit of the form is where it was, at the form's entity: nothing to read.
            checked.append(f.form)
    return placed, checked


def _strangers(conn: sqlite3.Connection, f: Form, main: Any, groups: list[Group],
               name: str) -> dict[tuple[str, str], int]:
    """One-article namesakes of a well-attested person: an untitled article entity of the form, in an
    outlet no other entity of the form is reported in, seen with people and organisations none of the
    others is ever seen with, in an article where nobody holds a title (another field than the main
    person's offices). Each is kept apart as a person of its own; they are few, so only those are read."""
    if main is None:
        return {}
    titled = sum(g.n for g in groups if g.tkey and g.tkey in main.tkeys)
    if titled < MIN_MAIN:
        return {}
    lone = {r[0] for r in conn.execute(
        "SELECT feature FROM form_context WHERE form = ? AND kind = 's' GROUP BY feature"
        " HAVING sum(n) = 1 AND max(tkey) = ''", (f.form,))}
    if not lone:
        return {}
    out: dict[tuple[str, str], int] = {}
    for art, local, outlet in conn.execute(
            "SELECT ae.article_id, ae.local_id, a.outlet FROM article_entities ae"
            " JOIN articles a ON a.id = ae.article_id WHERE ae.form = ? AND ae.signature IS NULL"
            " AND ae.titles = '[]' ORDER BY 1, 2", (f.form,)).fetchall():
        if not outlet or fold(outlet) not in lone or conn.execute(
                "SELECT 1 FROM article_entities WHERE article_id = ? AND type = 'PERSON' AND titles != '[]' LIMIT 1",
                (art,)).fetchone():
            continue
        graph = conn.execute("SELECT graph_json FROM articles WHERE id = ?", (art,)).fetchone()[0]
        found = units(ArticleGraph.from_dict(json.loads(graph)))
        mine = next((u for u in found if u.local_id == local), None)
        if mine is None or any(u.titles for u in found if u.type == "PERSON"):
            continue
        seen_with = [c for c in mine.context if c[0] in "po"]
        if not seen_with:
            continue  # nothing to tell it apart by
        marks = ",".join("?" * len(seen_with))
        common = conn.execute(
            f"SELECT 1 FROM form_context WHERE form = ? AND kind || ':' || feature IN ({marks})"
            " GROUP BY kind, feature HAVING sum(n) > 1 OR max(tkey) != '' LIMIT 1", (f.form, *seen_with)).fetchone()
        if common is not None:
            continue
        key = sense_key(f.form, f"{art}/{local}")
        evidence = {
            "rule": "one-article namesake kept apart",
            "reasons": [f"titles none vs {', '.join(t for t in main.tkeys if t)}",
                        "no co-mentioned person or organisation in common", "reported by another outlet",
                        "nobody in its article holds a title"],
            "articles": 1, "main_articles": main.n, "titles": [], "main_titles": [t for t in main.tkeys if t],
            "outlets": [fold(outlet)], "main_outlets": sorted(main.outlets),
            "comentions": sorted(c[2:] for c in seen_with)[:8],
            "main_comentions": sorted(c[2:] for c in main.comentions)[:8],
        }
        conn.execute("INSERT INTO form_senses (form, key, tkeys, score, evidence) VALUES (?, ?, ?, ?, ?)",
                     (f.form, key, "[]", 0.7, json.dumps(evidence, ensure_ascii=False)))
        out[(art, local)] = entity_for(conn, key, "PERSON", name, mine.gender)
    return out


def _place_units(conn: sqlite3.Connection, f: Form, found: list[Any], name: str) -> dict[tuple[str, str], int]:
    """Which namesake each article entity of the form is: by its titles, else by what it is seen with
    (co-mentions, then outlet); the main person when nothing says otherwise."""
    of_head = {t: i for i, s in enumerate(found) for t in s.tkeys}
    ids = {i: entity_for(conn, sense_key(f.form, s.key_suffix), "PERSON", name, f.gender)
           for i, s in enumerate(found) if i}
    out = {}
    for art, local, titles in conn.execute(
            "SELECT article_id, local_id, titles FROM article_entities WHERE form = ? AND signature IS NULL"
            " ORDER BY article_id, local_id", (f.form,)).fetchall():
        heads = title_heads(json.loads(titles))
        which = sorted({of_head[h] for h in heads or ("",) if h in of_head})
        i = which[0] if which else _by_context(conn, f.form, art, local, found)
        if i:
            out[(art, local)] = ids[i]
    return out


def _by_context(conn: sqlite3.Connection, form: str, art: str, local: str, found: list[Any]) -> int:
    others = [("p:" if t == "PERSON" else "o:") + fm for t, fm in conn.execute(
        "SELECT type, form FROM article_entities WHERE article_id = ? AND local_id != ? AND form IS NOT NULL"
        " AND type IN ('PERSON', 'ORG') AND signature IS NULL", (art, local))]
    hits = []
    for s in found:
        tk = ",".join("?" * len(s.tkeys))
        n = conn.execute(
            f"SELECT count(DISTINCT kind || ':' || feature) FROM form_context WHERE form = ? AND tkey IN ({tk})"
            f" AND kind IN ('p', 'o') AND n > 0 AND kind || ':' || feature IN ({','.join('?' * len(others))})",
            (form, *s.tkeys, *others)).fetchone()[0] if others else 0
        hits.append(n)
    best = max(hits)
    if best and hits.count(best) == 1:
        return hits.index(best)
    row = conn.execute("SELECT outlet FROM articles WHERE id = ?", (art,)).fetchone()
    outlet = fold(row[0]) if row and row[0] else None
    with_outlet = [i for i, s in enumerate(found) if outlet and outlet in s.outlets]
    return with_outlet[0] if len(with_outlet) == 1 else 0


def _rekey(
    conn: sqlite3.Connection, key: str, held: list[int], keys: set[str | None], used: dict[str, int]
) -> int | None:
    """Reuse an entity the cluster's forms already point at, renaming its key, so that a new canonical
    form does not re-point every article; None when the key exists or no held entity is free."""
    row = conn.execute("SELECT id FROM entities WHERE norm_name = ? AND type != ''", (key,)).fetchone()
    if row is not None:
        return None
    taken = set(used.values())
    for eid in sorted(set(held), key=lambda e: (-held.count(e), e)):
        r = conn.execute("SELECT norm_name FROM entities WHERE id = ?", (eid,)).fetchone()
        if r is not None and eid not in taken and r[0] not in keys:
            conn.execute("UPDATE entities SET norm_name = ? WHERE id = ?", (key, eid))
            return eid
    return None


def _pinned_entity(conn: sqlite3.Connection, key: str, type_: str, block: str) -> int:
    row = conn.execute("SELECT name FROM decisions WHERE key = ? ORDER BY id DESC LIMIT 1", (key,)).fetchone()
    return entity_for(conn, key, type_, row[0] if row else block)


def _unit_pins(conn: sqlite3.Connection, decisions: Iterable[dict[str, Any]]) -> dict[tuple[str, str], dict[str, Any]]:
    """Article entities a decision pins one by one (``@article|form``): split off, or merged by hand."""
    out = {}
    for d in decisions:
        if d["kind"] not in ("split", "merge"):
            continue
        for pin in json.loads(d["forms"]):
            if not pin.startswith("@"):
                continue
            art, form = pin[1:].split("|", 1)
            for (local,) in conn.execute(
                "SELECT local_id FROM article_entities WHERE article_id = ? AND form = ?", (art, form)):
                out[(art, local)] = d
    return out


def _assign(conn: sqlite3.Connection, table: str, col: str, key: str, eid: int, score: float, evidence: str) -> None:
    conn.execute(f"UPDATE {table} SET entity_id = ?, score = ?, evidence = ? WHERE {col} = ?",
                 (eid, score, evidence, key))


def repoint(conn: sqlite3.Connection, article_id: str, local_id: str, entity_id: int) -> None:
    """Point one article entity, and every fact naming it, at another global entity (inside refresh())."""
    conn.execute("INSERT OR IGNORE INTO _touched (id) SELECT entity_id FROM article_entities"
                 " WHERE article_id = ? AND local_id = ?", (article_id, local_id))
    for table, id_col, local_col in _POINTERS:
        conn.execute(f"UPDATE {table} SET {id_col} = ? WHERE article_id = ? AND {local_col} = ?",
                     (entity_id, article_id, local_id))


def delete_orphans(conn: sqlite3.Connection, candidates: Iterable[int]) -> int:
    """Delete those of the candidate entities that nothing points at any more."""
    gone = 0
    for eid in candidates:
        if conn.execute("SELECT 1 FROM article_entities WHERE entity_id = ? LIMIT 1", (eid,)).fetchone():
            continue
        conn.execute("UPDATE forms SET entity_id = NULL WHERE entity_id = ?", (eid,))
        conn.execute("UPDATE signatures SET entity_id = NULL WHERE entity_id = ?", (eid,))
        gone += conn.execute("DELETE FROM entities WHERE id = ?", (eid,)).rowcount
    return gone


def namesakes(conn: sqlite3.Connection, eid: int) -> list[dict[str, Any]]:
    """For ``dossier why``: the namesakes this entity was kept apart from, or (for a namesake) from whom."""
    key = conn.execute("SELECT norm_name FROM entities WHERE id = ?", (eid,)).fetchone()[0]
    rows = conn.execute(
        "SELECT s.form, s.key, s.score, s.evidence, s.key = ? AS mine FROM form_senses s WHERE s.key = ?"
        " OR s.form IN (SELECT form FROM forms WHERE entity_id = ?) ORDER BY s.form, s.key", (key, key, eid)).fetchall()
    out = []
    for form, skey, score, evidence, mine in rows:
        other = conn.execute("SELECT id, name FROM entities WHERE norm_name = ? AND type = 'PERSON'",
                             (skey,)).fetchone() if not mine else conn.execute(
            "SELECT e.id, e.name FROM forms f JOIN entities e ON e.id = f.entity_id WHERE f.form = ?",
            (form,)).fetchone()
        ev = json.loads(evidence)
        for side in ("comentions", "main_comentions"):
            ev[side] = [_shown(conn, f) for f in ev.get(side, [])]
        out.append({"form": form, "kept_apart": bool(mine),
                    "other": {"id": other[0], "name": other[1]} if other else None,
                    "score": score, "evidence": ev})
    return out


def _shown(conn: sqlite3.Connection, form: str) -> str:
    row = conn.execute("SELECT display FROM forms WHERE form = ?", (form,)).fetchone()
    return str(row[0]) if row else form.split("|", 1)[-1]


def labels(conn: sqlite3.Connection, ids: Iterable[int]) -> dict[int, str]:
    """A short label telling entities that share a name apart: the title each holds most often, else the
    person or organisation it is most often named with, else its commonest outlet."""
    out: dict[int, str] = {}
    for eid in sorted(set(ids)):
        row = conn.execute(
            "SELECT lower(title), count(DISTINCT article_id) AS n FROM roles WHERE person_id = ?"
            " AND status NOT IN ('negated', 'hypothetical') GROUP BY 1 ORDER BY n DESC, 1 LIMIT 1", (eid,)).fetchone()
        if row is not None:
            out[eid] = str(row[0])
            continue
        row = conn.execute(
            "SELECT e.name, count(DISTINCT o.article_id) AS n FROM article_entities ae"
            " JOIN article_entities o ON o.article_id = ae.article_id AND o.entity_id != ae.entity_id"
            " JOIN entities e ON e.id = o.entity_id WHERE ae.entity_id = ? AND o.type IN ('PERSON', 'ORG')"
            " GROUP BY o.entity_id ORDER BY n DESC, e.name LIMIT 1", (eid,)).fetchone()
        if row is not None:
            out[eid] = f"with {row[0]}"
            continue
        row = conn.execute(
            "SELECT a.outlet, count(*) AS n FROM article_entities ae JOIN articles a ON a.id = ae.article_id"
            " WHERE ae.entity_id = ? AND a.outlet IS NOT NULL GROUP BY 1 ORDER BY n DESC, 1 LIMIT 1", (eid,)).fetchone()
        if row is not None:
            out[eid] = f"in {row[0]}"
    return out
