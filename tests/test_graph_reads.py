"""Bounded graph reads: networks by fan-out, source filters answered from the summary and the pair indexes, and
profile pages read in index order; every answer compared with merging the facts.

Invented people and outlets (``dossier.synthetic``); no spaCy model needed.
"""

from __future__ import annotations

import dataclasses
import random

import pytest

from dossier import service
from dossier.store import Store, graphq
from dossier.store import edges as E
from dossier.store.edges import Filters
from dossier.synthetic import synthetic_graphs


@pytest.fixture(scope="module")
def store() -> Store:
    """400 synthetic articles; every 9th undated and every 7th with its outlet in capitals (the outlet filter
    compares casefolded)."""
    s = Store(":memory:")
    graphs = list(synthetic_graphs(400, seed=11, n_people=50))
    for i, g in enumerate(graphs):
        if i % 9 == 4:
            g.article = dataclasses.replace(g.article, published=None)
        elif i % 7 == 3:
            g.article = dataclasses.replace(g.article, outlet=(g.article.outlet or "").upper())
    for i in range(0, len(graphs), 100):
        assert all(r is True for r in s.ingest_batch(graphs[i:i + 100]))
    return s


def centres(s: Store, n: int = 6) -> list[int]:
    hubs = [r[0] for r in s.conn.execute(
        "SELECT entity_id FROM article_entities GROUP BY entity_id ORDER BY count(*) DESC LIMIT 3")]
    people = [r[0] for r in s.conn.execute(
        "SELECT DISTINCT subject_id FROM relations WHERE subject_id IS NOT NULL ORDER BY 1")]
    return hubs + random.Random(5).sample(people, n - len(hubs))


FILTERS = {
    "default": service.filters(),
    "all sources": service.filters(show_all=True),
    "two sources": service.filters(min_sources=2),
    "since": service.filters(since="2019"),
    "until": service.filters(until="2017-06"),
    "range, two sources": service.filters(since="2016", until="2021", min_sources=2),
    "status": service.filters(status=["attributed", "negated"]),
    "outlet": service.filters(outlet=["northgate post", "Estmark Daily"]),
    "since, all sources": service.filters(since="2020", show_all=True),
    "since, confident": service.filters(since="2018", min_confidence=0.85),
    "stricter facts": Filters(since="2018", fact_min_confidence=0.75),
}


def _same_edge(fast: dict, slow: dict, sources: int = 3) -> None:
    for k in ("type", "source", "target", "status", "confidence", "support", "start", "end", "contradictions"):
        assert fast[k] == slow[k], k
    assert fast["sources"] == slow["sources"][:sources]


@pytest.mark.parametrize("name", list(FILTERS))
def test_network_equals_the_one_merged_from_every_fact(store: Store, monkeypatch, name) -> None:
    where = FILTERS[name]
    fast = [store.network(c, 2, where, limit=40, fanout=6) for c in centres(store)]
    monkeypatch.setattr(graphq, "_top_edges", graphq._top_edges_from_facts)
    slow = [store.network(c, 2, where, limit=40, fanout=6) for c in centres(store)]
    assert [n["nodes"] for n in fast] == [n["nodes"] for n in slow]
    assert [n["edges_total"] for n in fast] == [n["edges_total"] for n in slow]
    assert any(len(n["nodes"]) > 7 for n in fast)  # the fan-out reached past the centre's own ties
    for net in fast:
        assert all(len(n["nodes"]) <= 1 + 6 + 6 * 6 for n in fast)
        for e in net["edges"]:
            merged = [m for m in store.ties(e["source"], e["target"], where)["edges"]
                      if (m["type"], m["source"], m["target"]) == (e["type"], e["source"], e["target"])]
            assert len(merged) == 1, e["id"]
            _same_edge(e, merged[0])
            assert e["sources_total"] == len(merged[0]["sources"])


def test_fanout_takes_the_strongest_ties_first(store: Store) -> None:
    hub = centres(store)[0]
    where = service.filters()
    net = store.network(hub, 1, where, limit=500, fanout=5)
    page = store.edges_page(hub, where, "strength", 0, 5)
    assert [(e["source"], e["target"], e["type"]) for e in net["edges"]] == [
        (e["source"], e["target"], e["type"]) for e in page["edges"]]
    wide = store.network(hub, 1, where, limit=500, fanout=500)
    assert wide["edges_total"] == store.edges_page(hub, where)["total"]
    assert len(wide["nodes"]) == 1 + store.edges_page(hub, where)["neighbours"]


@pytest.mark.parametrize("name", ["since", "until", "status", "outlet", "range, two sources"])
def test_a_filtered_edge_is_what_merging_its_pair_gives(store: Store, name) -> None:
    where = FILTERS[name]
    pairs = store.conn.execute("SELECT DISTINCT min(subject_id, object_id), max(subject_id, object_id)"
                               " FROM relations WHERE subject_id != object_id ORDER BY 1, 2 LIMIT 150").fetchall()
    seen = 0
    for a, b in pairs:
        for e in store.ties(a, b, where)["edges"]:
            key = (e["source"], e["target"], e["type"])
            got = graphq.filtered_edge(store.conn, key, where, sources=2)
            assert got is not None
            got = graphq._label(store.conn, [got])[0]
            _same_edge(got, e, sources=2)
            seen += 1
    assert seen > 10


def test_rows_carry_their_articles_date_and_outlet_through_replacement_and_corrections() -> None:
    s = Store(":memory:")
    graphs = list(synthetic_graphs(60, seed=4, n_people=20))
    s.ingest_batch(graphs)
    g = graphs[5]
    g.article = dataclasses.replace(g.article, published="2031-02-03", outlet="Lisle Chronicle")
    g.extractor_version = "9.9"
    assert s.ingest(g)  # a new version replaces the article and its rows
    people = [r[0] for r in s.conn.execute("SELECT id FROM entities WHERE type = 'PERSON' ORDER BY id LIMIT 2")]
    s.correct("merge", people[0], people[1])
    for table, cols in (("article_entities", ("published", "outlet")), ("relations", ("published", "outlet")),
                        ("roles", ("published", "outlet")), ("quotes", ("published",))):
        differ = " OR ".join(f"t.{c} IS NOT a.{c}" for c in cols)
        bad = s.conn.execute(
            f"SELECT count(*) FROM {table} t JOIN articles a ON a.id = t.article_id WHERE {differ}").fetchone()[0]
        assert bad == 0, table
    assert s.conn.execute("SELECT count(*) FROM article_entities WHERE published = '2031-02-03'").fetchone()[0] > 0


def test_profile_pages_and_edge_pages_do_not_sort_what_the_entity_has(store: Store) -> None:
    """The page queries of the long lists read their order from an index: no sort over the entity's rows
    (what is left: a sort of the page itself, after the LIMIT, and of an alias list's distinct names)."""
    hub = centres(store)[0]
    statements: list[str] = []
    store.conn.set_trace_callback(statements.append)
    try:
        for where in (service.filters(), service.filters(since="2018")):
            for kind in ("articles", "roles", "quotes", "ties"):
                store.profile_list(hub, kind, where, 0, 5)
            store.edges_page(hub, service.filters(), "support", 0, 5)
    finally:
        store.conn.set_trace_callback(None)
    pages = [s for s in statements if s.lstrip().startswith("SELECT") and " LIMIT " in s and "count(" not in s]
    assert len(pages) > 10
    for sql in pages:
        plan = [r[3] for r in store.conn.execute(f"EXPLAIN QUERY PLAN {sql}")]
        if any(p.startswith("MATERIALIZE") for p in plan):  # the page, read in order, then joined and sorted
            plan = plan[:plan.index(next(p for p in plan if p.startswith("SCAN ")))]
        assert not [p for p in plan if p == "USE TEMP B-TREE FOR ORDER BY"], f"{sql}\n-> {plan}"


def test_the_network_command_takes_a_fanout(tmp_path) -> None:
    from typer.testing import CliRunner

    from dossier.cli import app

    db = tmp_path / "s.db"
    with Store(db) as s:
        s.ingest_batch(list(synthetic_graphs(120, seed=2, n_people=30)))
        hub = s.conn.execute(
            "SELECT entity_id FROM article_entities GROUP BY entity_id ORDER BY count(*) DESC LIMIT 1").fetchone()[0]
    import json

    out = CliRunner().invoke(app, ["network", f"#{hub}", "--db", str(db), "--depth", "1", "--fanout", "3",
                                   "--json"])
    assert out.exit_code == 0, out.output
    body = json.loads(out.output)
    assert body["fanout"] == 3 and len(body["nodes"]) <= 4 and body["edges_total"] == 3
    text = CliRunner().invoke(app, ["network", f"#{hub}", "--db", str(db), "--fanout", "2", "--since", "2018"])
    assert text.exit_code == 0, text.output
    assert "tied pairs" in text.output


@pytest.mark.parametrize("name", ["since", "until", "status", "outlet", "range, two sources", "stricter facts"])
def test_a_page_of_ties_under_source_filters_is_the_merge_of_all_the_facts(store: Store, name) -> None:
    where = FILTERS[name]
    for hub in centres(store)[:3]:
        page = store.edges_page(hub, where, "strength", 0, 500, sources=500)
        merged = graphq._label(store.conn, E.merge(E.rows_of(store.conn, hub), where))
        by_key = {(m["type"], m["source"], m["target"]): m for m in merged}
        assert page["total"] == len(merged) > 0
        for e in page["edges"]:
            m = by_key[(e["type"], e["source"], e["target"])]
            _same_edge(e, m, sources=500)
