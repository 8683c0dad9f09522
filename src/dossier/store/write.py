"""Writing article graphs into the store: one transaction per article, idempotent by content hash."""

from __future__ import annotations

import json
import sqlite3
from datetime import UTC, datetime
from typing import Any

from ..errors import StoreError
from ..graph import ArticleGraph, Entity, Span
from ..resolve.units import Unit, units
from . import edgesum, resolution
from .text import Sentences, norm, span_text, surname

_NAME_KINDS = ("name", "alias")


def ingest(conn: sqlite3.Connection, graph: ArticleGraph) -> bool:
    """Store one article graph; return False when it is already stored unchanged.

    "Unchanged" means the same content hash and extractor version. An article whose
    id (or content) is stored with another hash or extractor version is replaced:
    its old rows are deleted (cascading to every fact) before the new ones go in.
    """
    return ingest_batch(conn, [graph])[0] is True


def ingest_batch(conn: sqlite3.Connection, graphs: list[ArticleGraph]) -> list[bool | StoreError]:
    """Store article graphs in one transaction: per graph True (stored), False (unchanged) or the error
    that kept it out (its rows are rolled back, the rest of the batch goes in).

    Each graph is written exactly as :func:`ingest` writes it; resolution and the edge summary are
    settled once for the batch, over every block and entity pair it touched.
    """
    out: list[bool | StoreError] = []
    blocks: set[str] = set()
    forms: set[str] = set()
    fresh: set[str] = set()
    try:
        conn.execute("BEGIN IMMEDIATE")
        for graph in graphs:
            conn.execute("SAVEPOINT article")
            try:
                stored, touched, counted = _put(conn, graph)
            except (sqlite3.Error, StoreError) as exc:
                conn.execute("ROLLBACK TO article")
                conn.execute("RELEASE article")
                if len(graphs) == 1:
                    raise
                out.append(exc if isinstance(exc, StoreError) else
                           StoreError(f"cannot store article {graph.article.id}: {exc}"))
                continue
            conn.execute("RELEASE article")
            out.append(stored)
            blocks |= touched
            forms |= counted
            if stored:
                fresh.add(graph.article.id)
        resolution.refresh(conn, blocks, forms)
        edgesum.settle(conn, fresh)
        conn.execute("COMMIT")
    except sqlite3.Error as exc:
        if conn.in_transaction:
            conn.execute("ROLLBACK")
        where = graphs[0].article.id if len(graphs) == 1 else f"batch of {len(graphs)} articles"
        raise StoreError(f"cannot store article {where}: {exc}") from exc
    except BaseException:
        if conn.in_transaction:
            conn.execute("ROLLBACK")
        raise
    return out


def _put(conn: sqlite3.Connection, graph: ArticleGraph) -> tuple[bool, set[str], set[str]]:
    """Write (or replace) one article inside a transaction; whether it was stored, and the blocks and name
    forms whose counts it changed."""
    article = graph.article
    content_hash = article.content_hash
    same = conn.execute(
        "SELECT id FROM articles WHERE content_hash = ? AND extractor_version = ?",
        (content_hash, graph.extractor_version),
    ).fetchone()
    if same is not None:
        return False, set(), set()
    blocks: set[str] = set()
    forms: set[str] = set()
    for (old_id,) in conn.execute(
        "SELECT id FROM articles WHERE id = ? OR content_hash = ?", (article.id, content_hash)).fetchall():
        old_blocks, old_forms = resolution.forget(conn, old_id)
        blocks |= old_blocks
        forms |= old_forms
        conn.execute("DELETE FROM evidence_fts WHERE article_id = ?", (old_id,))
    old = conn.execute("DELETE FROM articles WHERE id = ? OR content_hash = ?", (article.id, content_hash)).rowcount
    if old:
        delete_orphan_entities(conn)
    written = _write(conn, graph, content_hash)
    return True, blocks | {u.block for u in written}, forms | {u.form for u in written}


def delete_orphan_entities(conn: sqlite3.Connection) -> int:
    """Delete global entities no article refers to any more; return how many."""
    for table in ("forms", "signatures"):
        conn.execute(f"UPDATE {table} SET entity_id = NULL WHERE entity_id IS NOT NULL AND entity_id NOT IN"
                     " (SELECT DISTINCT entity_id FROM article_entities)")
    return conn.execute(
        "DELETE FROM entities WHERE id NOT IN (SELECT DISTINCT entity_id FROM article_entities)"
    ).rowcount


def lookup_entity(conn: sqlite3.Connection, entity: Entity) -> int:
    """The global id of an entity, created if missing (merge key: normalised name and type)."""
    key = norm(entity.name) or entity.name.strip().casefold()
    row = conn.execute(
        "SELECT id, gender FROM entities WHERE norm_name = ? AND type = ?", (key, entity.type)
    ).fetchone()
    if row is None:
        last = surname(entity.name) if entity.type == "PERSON" else None
        cur = conn.execute(
            "INSERT INTO entities (name, type, gender, norm_name, surname) VALUES (?, ?, ?, ?, ?)",
            (entity.name, entity.type, entity.gender, key, last),
        )
        return _rowid(cur)
    if row["gender"] is None and entity.gender is not None:
        conn.execute("UPDATE entities SET gender = ? WHERE id = ?", (entity.gender, row["id"]))
    return int(row["id"])


def _rowid(cur: sqlite3.Cursor) -> int:
    """The id of the row an INSERT just wrote."""
    if cur.lastrowid is None:  # only after a statement that inserted nothing
        raise StoreError("an INSERT wrote no row")
    return cur.lastrowid


class _Writer:
    """Rows of one article graph; ``ids`` maps the graph's entity ids to global ids."""

    def __init__(self, conn: sqlite3.Connection, graph: ArticleGraph) -> None:
        self.conn = conn
        self.graph = graph
        self.article = graph.article
        self.ids: dict[str, int] = {}
        self.sentences = Sentences(graph.article, graph.sentences)

    def gid(self, local: str | None) -> int | None:
        return self.ids.get(local) if local is not None else None

    def evidence(self, span: Span | None) -> tuple[Any, ...]:
        """ev_start, ev_end, ev_in_title, ev_text, sentence, extractor_version."""
        if span is None:
            return (None, None, 0, None, None, self.graph.extractor_version)
        return (
            span.start,
            span.end,
            int(span.in_ == "title"),
            span_text(self.article, span),
            self.sentences.around(span),
            self.graph.extractor_version,
        )

    def insert(self, table: str, values: dict[str, Any], span: Span | None) -> int:
        cols = [*values, "ev_start", "ev_end", "ev_in_title", "ev_text", "sentence", "extractor_version"]
        params = (*values.values(), *self.evidence(span))
        sql = f"INSERT INTO {table} ({', '.join(cols)}) VALUES ({', '.join('?' * len(cols))})"
        return _rowid(self.conn.execute(sql, params))


def _write(conn: sqlite3.Connection, graph: ArticleGraph, content_hash: str) -> list[Unit]:
    """Write the article's rows; return its units (as resolution sees its entities)."""
    article = graph.article
    conn.execute(
        "INSERT INTO articles (id, content_hash, title, published, outlet, url, body, source, extractor_version,"
        " ingested_at, graph_json) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
        (
            article.id, content_hash, article.title, article.published, article.outlet, article.url, article.body,
            article.source, graph.extractor_version, datetime.now(UTC).isoformat(timespec="seconds"),
            json.dumps(graph.to_dict(), ensure_ascii=False),
        ),
    )
    w = _Writer(conn, graph)
    found = units(graph)
    for entity, unit in zip(graph.entities, found, strict=True):
        _write_entity(w, entity, unit)
    _write_times(w)
    _write_quotes(w)
    _write_roles(w)
    _write_relations(w)
    _write_events(w)
    _write_claims(w)
    _write_search(w)
    return found


def _write_entity(w: _Writer, entity: Entity, unit: Unit) -> None:
    if entity.id in w.ids:
        raise StoreError(f"article {w.article.id} has two entities with id {entity.id!r}")
    entity_id = resolution.provisional(w.conn, w.article.id, unit)
    resolution.count(w.conn, unit, 1)
    w.ids[entity.id] = entity_id
    w.conn.execute(
        "INSERT INTO article_entities (article_id, local_id, entity_id, name, type, subtype, gender, aliases,"
        " form, block, signature, titles) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
        (w.article.id, entity.id, entity_id, entity.name, entity.type, entity.subtype, entity.gender,
         json.dumps(entity.aliases, ensure_ascii=False), unit.form, unit.block, unit.signature,
         json.dumps(list(unit.titles))),
    )
    names = [entity.name, *entity.aliases]
    for mention in entity.mentions:
        text = span_text(w.article, mention)
        w.conn.execute(
            "INSERT INTO mentions (article_id, local_id, entity_id, start, end, in_title, text, kind, confidence)"
            " VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)",
            (w.article.id, entity.id, entity_id, mention.start, mention.end, int(mention.in_ == "title"), text,
             mention.kind, mention.confidence),
        )
        if text and mention.kind in _NAME_KINDS:
            names.append(text)
    for alias in dict.fromkeys(n.strip() for n in names):
        if norm(alias):
            w.conn.execute(
                "INSERT OR IGNORE INTO entity_aliases (article_id, local_id, entity_id, alias, norm_alias)"
                " VALUES (?, ?, ?, ?, ?)",
                (w.article.id, entity.id, entity_id, alias, norm(alias)),
            )


def _write_times(w: _Writer) -> None:
    for t in w.graph.times:
        w.conn.execute(
            "INSERT INTO times (article_id, start, end, in_title, text, sentence, type, value, anchor, mod,"
            " extractor_version) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
            (w.article.id, t.start, t.end, int(t.in_ == "title"), span_text(w.article, t), w.sentences.around(t),
             t.type, t.value, t.anchor, t.mod, w.graph.extractor_version),
        )


def _write_quotes(w: _Writer) -> None:
    for q in w.graph.quotes:
        w.insert("quotes", {
            "article_id": w.article.id, "local_id": q.id, "kind": q.kind,
            "text": q.text if q.text is not None else span_text(w.article, q.span),
            "speaker_local": q.speaker, "speaker_id": w.gid(q.speaker),
            "addressee_local": q.addressee, "addressee_id": w.gid(q.addressee),
            "cue": span_text(w.article, q.cue), "when_value": q.when, "status": q.status,
            "source_local": q.source, "source_id": w.gid(q.source), "confidence": q.confidence,
        }, q.span)


def _write_roles(w: _Writer) -> None:
    for r in w.graph.roles:
        w.insert("roles", {
            "article_id": w.article.id, "person_local": r.person, "person_id": w.gid(r.person), "title": r.title,
            "org_local": r.org, "org_id": w.gid(r.org), "place_local": r.place, "place_id": w.gid(r.place),
            "start_value": r.start, "end_value": r.end, "when_value": r.when,
            "current": None if r.current is None else int(r.current), "status": r.status,
            "source_local": r.source, "source_id": w.gid(r.source), "confidence": r.confidence,
        }, r.evidence)


def _write_relations(w: _Writer) -> None:
    for r in w.graph.relations:
        w.insert("relations", {
            "article_id": w.article.id, "type": r.type,
            "subject_local": r.subject, "subject_id": w.gid(r.subject),
            "object_local": r.object, "object_id": w.gid(r.object),
            "start_value": r.start, "end_value": r.end, "when_value": r.when, "status": r.status,
            "source_local": r.source, "source_id": w.gid(r.source), "confidence": r.confidence,
        }, r.evidence)


def _write_events(w: _Writer) -> None:
    for e in w.graph.events:
        event_id = w.insert("events", {
            "article_id": w.article.id, "type": e.type, "when_value": e.when, "status": e.status,
            "source_local": e.source, "source_id": w.gid(e.source), "confidence": e.confidence,
        }, e.evidence)
        for p in e.participants:
            w.conn.execute(
                "INSERT INTO event_participants (event_id, article_id, role, local_id, entity_id)"
                " VALUES (?, ?, ?, ?, ?)",
                (event_id, w.article.id, p.role, p.entity, w.gid(p.entity)),
            )


def _write_claims(w: _Writer) -> None:
    for c in w.graph.claims:
        claim_id = w.insert("claims", {
            "article_id": w.article.id, "status": c.status, "cues": json.dumps(c.cues, ensure_ascii=False),
            "source_local": c.source, "source_id": w.gid(c.source), "confidence": c.confidence,
        }, c.span)
        # A claim is about the entities mentioned inside it (pronouns included: coreference resolved them).
        about = {
            e.id
            for e in w.graph.entities
            for m in e.mentions
            if m.in_ == c.span.in_ and c.span.start <= m.start and m.end <= c.span.end
        }
        for local in sorted(about):
            w.conn.execute(
                "INSERT INTO claim_entities (claim_id, article_id, local_id, entity_id) VALUES (?, ?, ?, ?)",
                (claim_id, w.article.id, local, w.ids[local]),
            )


def _write_search(w: _Writer) -> None:
    """Fill the full-text index with the evidence sentences and quotes of the article."""
    rows: list[tuple[Any, ...]] = []
    for table, kind in (("quotes", "quote"), ("relations", "relation"), ("roles", "role"), ("claims", "claim"),
                        ("events", "event")):
        text_col = "coalesce(text, sentence)" if table == "quotes" else "coalesce(sentence, ev_text)"
        for fact_id, text, status, start, end in w.conn.execute(
                f"SELECT id, {text_col}, status, ev_start, ev_end FROM {table} WHERE article_id = ?",
                (w.article.id,)):
            if text:
                rows.append((text, kind, fact_id, w.article.id, status, start, end))
    w.conn.executemany("INSERT INTO evidence_fts (text, kind, fact_id, article_id, status, ev_start, ev_end)"
                       " VALUES (?, ?, ?, ?, ?, ?, ?)", rows)
