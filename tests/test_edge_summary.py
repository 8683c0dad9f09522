"""The edge summary stays what merging the facts gives; queries read it or fall back; paged profiles; bulk ingest.

Invented people and outlets; no spaCy model needed.
"""

from __future__ import annotations

import re

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from dossier import service
from dossier.errors import DossierError
from dossier.graph import Article, ArticleGraph, Entity, Mention, Relation, Role, Span
from dossier.store import Store, edgesum
from dossier.synthetic import synthetic_graphs

# A small world where resolution has work to do: a shared surname, a middle initial, a bare surname.
NAMES = [("Mara Voss", "female"), ("Mara J. Voss", "female"), ("Voss", None), ("Tomas Voss", "male"),
         ("Ilse Brandt", "female"), ("Brandt", None), ("Oskar Lind", "male"), ("O. Lind", "male")]
ORGS = ["Harbor Council", "Northgate Union"]
TYPES = ["social.friendship", "political.endorsed", "contest.defeated", "professional.worked_with"]
STATUSES = ["asserted", "attributed", "hedged", "negated", "hypothetical"]
OUTLETS = ["Calloway Courier", "Estmark Daily", None]


def article(aid: str, version: int, cast: list[int], ties: list[tuple[int, int, int, int, int]],
            roles: list[tuple[int, int]]) -> ArticleGraph:
    """Article ``aid`` naming NAMES[cast...]; ties (type, i, j, status, confidence%) between cast positions."""
    parts: list[str] = []
    offset = 0

    def say(text: str) -> Span:
        nonlocal offset
        span = Span(offset, offset + len(text))
        parts.append(text)
        offset += len(text) + 1
        return span

    entities = []
    for i, k in enumerate(cast):
        name, gender = NAMES[k]
        s = say(f"{name} spoke.")
        entities.append(Entity(f"e{i}", name, "PERSON", [Mention(s.start, s.start + len(name), kind="name")], gender))
    for k, org in enumerate(ORGS):
        s = say(f"The {org} met.")
        entities.append(Entity(f"o{k}", org, "ORG", [Mention(s.start + 4, s.start + 4 + len(org))]))
    relations = []
    for n, (t, i, j, status, conf) in enumerate(ties):
        i, j = i % len(cast), j % len(cast)
        if i == j:
            continue
        ev = say(f"Tie {n} of version {version}.")
        relations.append(Relation(TYPES[t % len(TYPES)], f"e{i}", f"e{j}", ev, STATUSES[status % len(STATUSES)],
                                  start=str(2000 + n) if n % 3 == 0 else None, confidence=conf / 100))
    role_list = [Role(f"e{i % len(cast)}", "director", "asserted", org=f"o{k % len(ORGS)}", evidence=Span(0, 5))
                 for i, k in roles]
    day = 1 + (sum(cast) + version) % 27
    art = Article(aid, f"Report {aid} v{version}", " ".join(parts), f"2019-03-{day:02d}",
                  OUTLETS[(len(aid) + version) % len(OUTLETS)], f"https://news.example/{aid}")
    return ArticleGraph(art, entities=entities, relations=relations, roles=role_list)


def assert_summary_fresh(store: Store) -> None:
    assert edgesum.stored(store.conn) == edgesum.from_scratch(store.conn)
    assert edgesum.stored_tallies(store.conn) == edgesum.tallies_from_scratch(store.conn)
    for table in ("edge_dirty", "edge_added"):
        assert store.conn.execute(f"SELECT count(*) FROM {table}").fetchone()[0] == 0


tie = st.tuples(st.integers(0, 3), st.integers(0, 4), st.integers(0, 4), st.integers(0, 4), st.integers(20, 99))
ingest_op = st.tuples(st.just("ingest"), st.integers(0, 5), st.integers(0, 3),
                      st.lists(st.integers(0, len(NAMES) - 1), min_size=2, max_size=5, unique=True),
                      st.lists(tie, max_size=4), st.lists(st.tuples(st.integers(0, 4), st.integers(0, 1)), max_size=2))
correct_op = st.tuples(st.sampled_from(["merge", "distinct", "alias", "split", "reresolve"]),
                       st.integers(0, 30), st.integers(0, 30))


@settings(max_examples=25, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(st.lists(st.one_of(ingest_op, correct_op), min_size=1, max_size=12))
def test_summary_equals_a_recomputation_after_any_ingests_and_corrections(ops) -> None:
    store = Store(":memory:")
    for op in ops:
        if op[0] == "ingest":
            _, aid, version, cast, ties, roles = op
            # The same id again with another version replaces the article (its old facts go).
            store.ingest(article(f"a{aid}", version, cast, ties, roles))
        elif op[0] == "reresolve":
            store.reresolve()
        else:
            kind, x, y = op
            people = [r[0] for r in store.conn.execute("SELECT id FROM entities WHERE type = 'PERSON' ORDER BY id")]
            if len(people) < 2:
                continue
            a, b = people[x % len(people)], people[y % len(people)]
            try:
                if kind == "alias":
                    store.correct("alias", a, NAMES[y % len(NAMES)][0])
                elif kind == "split":
                    arts = [r[0] for r in store.conn.execute(
                        "SELECT DISTINCT article_id FROM article_entities WHERE entity_id = ? ORDER BY 1", (a,))]
                    store.correct("split", a, arts[: max(1, y % 3)])
                else:
                    store.correct(kind, a, b)
            except DossierError:
                pass  # a correction that does not apply (same entity, nothing left to split) changes nothing
        assert_summary_fresh(store)


def test_triggers_mark_pairs_on_cascading_deletes_and_repointing() -> None:
    store = Store(":memory:")
    store.ingest(article("a1", 0, [0, 4], [(0, 0, 1, 0, 90)], []))
    store.ingest(article("a2", 0, [3, 4], [(0, 0, 1, 0, 90)], []))
    assert store.conn.execute("SELECT count(*) FROM edge_summary WHERE view = 0").fetchone()[0] == 2
    store.ingest(article("a1", 1, [0, 6], [(1, 0, 1, 0, 90)], []))  # replaced: Mara Voss now endorses Oskar Lind
    assert_summary_fresh(store)
    types = {r[0] for r in store.conn.execute("SELECT type FROM edge_summary WHERE view = 0")}
    assert types == {"social.friendship", "political.endorsed"}
    mara, tomas = store.lookup("Mara Voss")["id"], store.lookup("Tomas Voss")["id"]
    store.correct("merge", mara, tomas)  # re-points a2's facts: its pair changes
    assert_summary_fresh(store)
    page = store.edges_page(mara)
    others = {e["target_name"] if e["source"] == mara else e["source_name"] for e in page["edges"]}
    assert others == {"Oskar Lind", "Ilse Brandt"}


def test_shown_view_drops_hypothetical_and_low_confidence_sources() -> None:
    store = Store(":memory:")
    store.ingest(article("a1", 0, [0, 4], [(0, 0, 1, 4, 95)], []))  # hypothetical
    store.ingest(article("a2", 0, [0, 4], [(0, 0, 1, 0, 30)], []))  # asserted, low confidence
    store.ingest(article("a3", 0, [0, 6], [(0, 0, 1, 0, 90)], []))
    mara = store.lookup("Mara Voss")["id"]
    shown = store.edges_page(mara, service.filters())
    everything = store.edges_page(mara, service.filters(show_all=True))
    assert shown["total"] == 1 and everything["total"] == 2
    assert {e["target_name"] if e["source"] == mara else e["source_name"] for e in everything["edges"]} == {
        "Ilse Brandt", "Oskar Lind"}


@pytest.fixture(scope="module")
def synthetic() -> Store:
    store = Store(":memory:")
    graphs = list(synthetic_graphs(400, seed=3, n_people=60))
    for i in range(0, len(graphs), 100):
        assert all(r is True for r in store.ingest_batch(graphs[i:i + 100]))
    return store


def test_bulk_ingest_builds_the_same_graph_as_one_article_at_a_time(synthetic: Store) -> None:
    one_by_one = Store(":memory:")
    for g in synthetic_graphs(400, seed=3, n_people=60):
        one_by_one.ingest(g)
    bulk, single = synthetic.graph_data(), one_by_one.graph_data()
    assert bulk["edges"] == single["edges"] and bulk["decisions"] == single["decisions"]
    # Every field, genders too: a bare surname left as its own entity keeps its article's gender however
    # often resolution placed it and took it back.
    assert bulk["nodes"] == single["nodes"]
    assert_summary_fresh(synthetic)
    assert_summary_fresh(one_by_one)


def test_a_bad_article_in_a_batch_is_reported_and_the_rest_stored() -> None:
    store = Store(":memory:")
    good = list(synthetic_graphs(3, seed=5))
    bad = article("dup", 0, [0, 4], [], [])
    bad.entities.append(bad.entities[0])  # two entities with one id: the store refuses it
    result = store.ingest_batch([good[0], bad, good[1], good[1]])
    assert result[0] is True and result[2] is True and result[3] is False
    assert isinstance(result[1], DossierError) and "two entities" in str(result[1])
    assert store.counts()["articles"] == 2
    assert_summary_fresh(store)


def _without_summary(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(edgesum, "view_for", lambda _filters: None)


@pytest.mark.parametrize("show_all", [False, True])
@pytest.mark.parametrize("order", ["strength", "support"])
def test_edge_pages_from_the_summary_equal_those_merged_from_facts(synthetic: Store, monkeypatch, show_all,
                                                                   order) -> None:
    where = service.filters(show_all=show_all, min_sources=2)
    hubs = [r[0] for r in synthetic.conn.execute(
        "SELECT entity_id FROM article_entities GROUP BY entity_id ORDER BY count(*) DESC LIMIT 5")]
    fast = [synthetic.edges_page(h, where, order, offset=1, limit=7, sources=2) for h in hubs]
    _without_summary(monkeypatch)
    slow = [synthetic.edges_page(h, where, order, offset=1, limit=7, sources=2) for h in hubs]
    assert fast == slow
    assert any(p["edges"] for p in fast)


def test_network_edges_from_the_summary_are_the_merged_ties(synthetic: Store) -> None:
    where = service.filters()
    hub = synthetic.conn.execute(
        "SELECT entity_id FROM article_entities GROUP BY entity_id ORDER BY count(*) DESC LIMIT 1").fetchone()[0]
    net = synthetic.network(hub, 2, where, limit=30)
    assert net["edges"]
    for e in net["edges"]:
        merged = [m for m in synthetic.ties(e["source"], e["target"], where)["edges"]
                  if (m["type"], m["source"], m["target"]) == (e["type"], e["source"], e["target"])]
        assert len(merged) == 1
        m = merged[0]
        assert (m["status"], m["confidence"], m["support"], m["start"], m["end"]) == (
            e["status"], e["confidence"], e["support"], e["start"], e["end"])
        assert e["sources"] == m["sources"][:3]


def test_a_date_filter_is_answered_from_the_facts(synthetic: Store) -> None:
    hub = synthetic.conn.execute(
        "SELECT entity_id FROM article_entities GROUP BY entity_id ORDER BY count(*) DESC LIMIT 1").fetchone()[0]
    where = service.filters(since="2021")
    assert edgesum.view_for(where) is None
    page = synthetic.edges_page(hub, where, limit=500, sources=500)
    assert page["edges"]
    assert all(s["published"] >= "2021" for e in page["edges"] for s in e["sources"])


def test_paths_walk_the_summary(synthetic: Store) -> None:
    where = service.filters()
    a, b = synthetic.conn.execute(
        "SELECT subject_id, object_id FROM relations WHERE status = 'asserted' AND confidence >= 0.6 LIMIT 1"
    ).fetchone()
    found = service.path(synthetic, f"#{a}", f"#{b}", where)
    assert found["paths"] and found["paths"][0]["length"] == 1


# --- paged profiles ------------------------------------------------------------------------


def test_a_profile_is_counts_plus_a_first_page_and_pages_on(synthetic: Store) -> None:
    hub = synthetic.conn.execute(
        "SELECT entity_id FROM article_entities GROUP BY entity_id ORDER BY count(*) DESC LIMIT 1").fetchone()[0]
    where = service.filters(show_all=True)
    p = synthetic.profile(hub, where, limit=5)
    n_articles = synthetic.conn.execute(
        "SELECT count(DISTINCT article_id) FROM article_entities WHERE entity_id = ?", (hub,)).fetchone()[0]
    assert p["totals"]["articles"] == n_articles > 5 and len(p["articles"]) == 5
    assert p["totals"]["ties"] == synthetic.edges_page(hub, where)["total"] > 5 and len(p["ties"]) == 5
    ranks = [edgesum._RANK[t["status"]] for t in p["ties"]]
    assert ranks == sorted(ranks)  # strongest first
    seen = []
    offset: int | None = 0
    while offset is not None:
        page = synthetic.profile_list(hub, "articles", where, offset, 7)
        seen += [a["id"] for a in page["items"]]
        offset = page["next_offset"]
    assert len(seen) == len(set(seen)) == n_articles
    dates = [a["published"] for a in synthetic.profile_list(hub, "articles", where, 0, 500)["items"]]
    assert dates == sorted(dates, reverse=True)
    roles = synthetic.profile_list(hub, "roles", service.filters(since="2020"), 0, 500)
    assert roles["items"] and all(r["published"] >= "2020" for r in roles["items"])
    with pytest.raises(ValueError):
        synthetic.profile_list(hub, "gossip")


_SCAN = re.compile(r"\bSCAN (\w+)(?! USING (?:COVERING )?INDEX)")
_SMALL = {"json_each", "decisions"}


def test_every_profile_query_uses_an_index(synthetic: Store) -> None:
    hub = synthetic.conn.execute(
        "SELECT entity_id FROM article_entities GROUP BY entity_id ORDER BY count(*) DESC LIMIT 1").fetchone()[0]
    statements: list[str] = []
    synthetic.conn.set_trace_callback(statements.append)
    try:
        for where in (service.filters(), service.filters(since="2018", status=["asserted"])):
            synthetic.profile(hub, where)
            synthetic.profile_list(hub, "claims", where)
    finally:
        synthetic.conn.set_trace_callback(None)
    reads = [s for s in statements if s.lstrip().upper().startswith("SELECT")]
    assert len(reads) > 10
    for sql in reads:
        plan = " | ".join(r[3] for r in synthetic.conn.execute(f"EXPLAIN QUERY PLAN {sql}"))
        subqueries = set(re.findall(r"\b(?:CO-ROUTINE|MATERIALIZE) (\w+)", plan))  # not tables
        full = [t for t in _SCAN.findall(plan) if t not in _SMALL | subqueries]
        assert not full, f"{sql}\n-> {plan}"


def test_the_show_command_prints_totals_and_a_first_page(tmp_path) -> None:
    from typer.testing import CliRunner

    from dossier.cli import app

    db = tmp_path / "s.db"
    with Store(db) as store:
        store.ingest_batch(list(synthetic_graphs(200, seed=3, n_people=50)))
        hub = store.conn.execute(
            "SELECT entity_id FROM article_entities GROUP BY entity_id ORDER BY count(*) DESC LIMIT 1").fetchone()[0]
    result = CliRunner().invoke(app, ["show", f"#{hub}", "--db", str(db), "--limit", "3"])
    assert result.exit_code == 0, result.output
    assert re.search(r"articles \(first 3 of \d+\)", result.output)
    js = CliRunner().invoke(app, ["show", f"#{hub}", "--db", str(db), "--limit", "3", "--json"])
    import json

    body = json.loads(js.output)
    assert len(body["articles"]) == 3 and body["totals"]["articles"] > 3


def test_a_store_from_before_the_summary_is_filled_when_opened(tmp_path) -> None:
    from dossier.store import db as store_db

    path = tmp_path / "old.db"
    with Store(path) as store:
        store.ingest_batch(list(synthetic_graphs(60, seed=4, n_people=20)))
        expected = edgesum.stored(store.conn)
        expected_tallies = edgesum.stored_tallies(store.conn)
        # Undo migrations 007 and 004 as if the store were written before them: tables, triggers and indexes go.
        for name in ("007_summary_tally", "004_edge_summary"):
            sql = next(m.sql for m in store_db.migrations() if m.name == name)
            for kind, what in re.findall(r"CREATE (TABLE|TRIGGER|INDEX) (\w+)", sql):
                store.conn.execute(f"DROP {kind} IF EXISTS {what}")
            store.conn.execute("DELETE FROM migrations WHERE name = ?", (name,))
    with Store(path) as store:
        assert {"004_edge_summary", "007_summary_tally"} <= set(store.migrated)
        assert expected and edgesum.stored(store.conn) == expected
        assert expected_tallies and edgesum.stored_tallies(store.conn) == expected_tallies
        assert {r[0] for r in store.conn.execute("SELECT name FROM sqlite_master WHERE type = 'trigger'"
                                                 " AND name LIKE 'relations_edge_%'")} == {
            "relations_edge_insert", "relations_edge_delete", "relations_edge_move", "relations_edge_change"}
