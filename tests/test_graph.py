"""The cross-article graph: resolution, corrections, look-up, merged edges, queries and exports.

Hand-built article graphs about invented people; no spaCy model needed.
"""

from __future__ import annotations

import csv
import json
from pathlib import Path

import pytest

from dossier import service
from dossier.errors import Ambiguous, DossierError, NotFound
from dossier.graph import Article, ArticleGraph, Entity, Mention, Relation, Role, Span
from dossier.resolve.names import compatible, parse
from dossier.store import Store
from dossier.store.edges import Filters

# --- building articles ------------------------------------------------------------------------


def article(aid: str, published: str, outlet: str, people: list[tuple[str, str | None]],
            ties: list[tuple[str, int, int, str]] = (), extra: str = "", orgs: list[str] = (),
            roles: list[tuple[int, str, int]] = (), starts: dict[int, str] | None = None) -> ArticleGraph:
    """An article naming ``people`` (name, gender) once each, then one sentence per tie (type, i, j, status)."""
    parts, entities, relations = [], [], []
    offset = 0

    def say(text: str) -> Span:
        nonlocal offset
        span = Span(offset, offset + len(text))
        parts.append(text)
        offset += len(text) + 1
        return span

    for i, (name, gender) in enumerate(people):
        s = say(f"{name} spoke.")
        entities.append(Entity(f"e{i}", name, "PERSON", [Mention(s.start, s.start + len(name), kind="name")], gender))
    for k, name in enumerate(orgs):
        s = say(f"{name} met.")
        entities.append(Entity(f"o{k}", name, "ORG", [Mention(s.start, s.start + len(name))]))
    for n, (kind, i, j, status) in enumerate(ties):
        ev = say(f"Tie {n} between {people[i][0]} and {people[j][0]}{extra}.")
        relations.append(Relation(kind, f"e{i}", f"e{j}", ev, status, start=(starts or {}).get(n)))
    role_list = [Role(f"e{i}", title, "asserted", org=f"o{k}", evidence=Span(0, 5)) for i, title, k in roles]
    body = " ".join(parts)
    art = Article(aid, f"Report {aid}", body, published, outlet, f"https://news.example/{aid}")
    return ArticleGraph(art, entities=entities, relations=relations, roles=role_list)


def store_of(*graphs: ArticleGraph) -> Store:
    s = Store(":memory:")
    for g in graphs:
        assert s.ingest(g)
    return s


def entity_of(s: Store, article_id: str, name: str) -> int:
    row = s.conn.execute("SELECT entity_id FROM article_entities WHERE article_id = ? AND name = ?",
                         (article_id, name)).fetchone()
    return int(row[0])


# --- names -----------------------------------------------------------------------------------

@pytest.mark.parametrize(("a", "b", "same"), [
    ("Donald Trump", "Donald J. Trump", True),
    ("Donald J. Trump", "Donald John Trump", True),
    ("Bill Ostby", "William Ostby", True),  # nickname
    ("Hillary Rodham Quell", "Hillary Quell", True),  # a middle (maiden) name
    ("Sen. Ada Brandt", "Ada Brandt", True),  # title dropped
    ("J. Brandt", "Jorun Brandt", True),  # initial
    ("Joe Varga", "Jill Varga", False),  # same surname, different first names
    ("Ada Brandt", "Alma Brandt", False),
    ("Donald A. Trump", "Donald B. Trump", False),  # conflicting middle initials
    ("George W. Bush", "George H.W. Bush", False),  # an initial is the first middle name
    ("George Herbert Walker Bush", "George H. W. Bush", True),
    ("Robert Kane Jr.", "Robert Kane", False),  # son and father
    ("Robert Kane Jr.", "Robert Kane Sr.", False),
    ("Ada Brandt", "Ada Brandtner", False),
])
def test_name_compatibility(a: str, b: str, same: bool) -> None:
    pa, pb = parse(a), parse(b)
    assert pa is not None and pb is not None
    assert (compatible(pa, pb) is not None) is same


def test_a_maiden_name_given_as_a_middle_name_links_the_earlier_articles(tmp_path: Path) -> None:
    graphs = [
        article("m1", "2009-01-01", "L", [("Margit Stoll", "female")]),
        article("m2", "2009-02-01", "L", [("Stoll", "female"), ("Ivo Penn", "male")]),
        article("m3", "2012-01-01", "C", [("Margit Stoll Arden", "female")]),
        article("m4", "2015-01-01", "C", [("Margit Arden", "female")]),
        article("m5", "2015-02-01", "C", [("Jon Stoll", "male")]),  # another Stoll: not her
        article("m6", "2015-03-01", "C", [("Margit Stoll", "female")]),
        article("m7", "2016-03-01", "C", [("Margit Arden", "female")]),
    ]
    s = store_of(*graphs)
    her = {entity_of(s, a, n) for a, n in (("m1", "Margit Stoll"), ("m3", "Margit Stoll Arden"),
                                           ("m4", "Margit Arden"), ("m2", "Stoll"))}
    assert len(her) == 1 and entity_of(s, "m5", "Jon Stoll") not in her
    assert s.lookup("Margit Stoll")["name"] in ("Margit Arden", "Margit Stoll Arden")
    assert export_lines(s, tmp_path / "a") == export_lines(store_of(*reversed(graphs)), tmp_path / "b")
    rules = {f["evidence"]["rule"] for f in s.why("Margit Arden")["forms"]}
    assert "maiden name" in rules


def test_a_headline_fragment_does_not_absorb_a_person_by_maiden_rule() -> None:
    s = store_of(*[article(f"h{i}", "2016-01-01", "L", [("Lise Graham", "female")]) for i in range(3)],
                 article("h9", "2016-01-02", "L", [("Lise Graham Endorsement", "female")]))
    assert entity_of(s, "h0", "Lise Graham") != entity_of(s, "h9", "Lise Graham Endorsement")


def test_a_bare_surname_needs_a_person_named_in_full_often_enough() -> None:
    # "Kelly" alone in three articles; the only Kelly named in full appears once: not her.
    s = store_of(
        article("k1", "2020-01-01", "L", [("Jane Kelly", "female")]),
        article("k2", "2020-01-02", "L", [("Jane Kelly", "female")]),
        *[article(f"k{i}", "2020-02-01", "L", [("Kelly", None)]) for i in range(3, 8)],
    )
    assert entity_of(s, "k3", "Kelly") != entity_of(s, "k1", "Jane Kelly")
    assert s.why("Jane Kelly")["surnames"] == []


def test_a_lone_word_that_is_also_a_first_name_joins_nobody() -> None:
    # "Martin" alone: Tavi Martin is named in full twice, but Martin Oakes (first name Martin) five times.
    s = store_of(*[article(f"f{i}", "2016-01-01", "L", [("Tavi Martin", "male")]) for i in range(2)],
                 *[article(f"g{i}", "2016-01-01", "L", [("Martin Oakes", "male")]) for i in range(5)],
                 article("x1", "2016-02-01", "L", [("Martin", "male")]))
    assert entity_of(s, "x1", "Martin") != entity_of(s, "f0", "Tavi Martin")


def test_the_display_name_is_the_most_used_writing(tmp_path: Path) -> None:
    graphs = [article(f"w{i}", "2016-01-01", "L", [(n, "female")])
              for i, n in enumerate(["ADA BRANDT", "Ada Brandt", "Ada Brandt", "@Ada Brandt"])]
    s = store_of(*graphs)
    assert s.lookup("Ada Brandt")["name"] == "Ada Brandt"
    assert export_lines(s, tmp_path / "a") == export_lines(store_of(*reversed(graphs)), tmp_path / "b")


def test_parse_splits_titles_and_suffixes() -> None:
    p = parse("then-Gov. Robert Q. Kane Jr.")
    assert p is not None and (p.first, p.middles, p.surname, p.suffix) == ("robert", ("q",), "kane", "jr")
    bare = parse("Mr. Kane's")
    assert bare is not None and (bare.first, bare.surname) == (None, "kane")


# --- resolution ------------------------------------------------------------------------------

def trump_articles() -> list[ArticleGraph]:
    return [
        article("t1", "2016-05-01", "Ledger", [("Donald Trump", "male"), ("Hana Quell", "female")],
                [("contest.defeated", 0, 1, "asserted")]),
        article("t2", "2016-06-01", "Courier", [("Donald J. Trump", "male"), ("Hana Quell", "female")],
                [("contest.defeated", 0, 1, "attributed")]),
        article("t3", "2016-07-01", "Ledger", [("Trump", "male"), ("Quell", "female")],
                [("contest.defeated", 1, 0, "asserted")]),
        article("t4", "2016-08-01", "Post", [("Hana Quell", "female"), ("Bill Quell", "male")],
                [("family.spouse", 0, 1, "asserted")]),
    ]


def test_name_forms_and_bare_surnames_resolve_to_one_person() -> None:
    s = store_of(*trump_articles())
    donald = {entity_of(s, "t1", "Donald Trump"), entity_of(s, "t2", "Donald J. Trump"), entity_of(s, "t3", "Trump")}
    assert len(donald) == 1
    hana = {entity_of(s, a, "Hana Quell") for a in ("t1", "t2", "t4")}
    assert len(hana) == 1
    assert entity_of(s, "t4", "Bill Quell") not in hana  # same surname, different first name
    # "Quell" alone: Hana is in 3 articles, Bill in 1 (and the article calls its Quell "she"), so she is dominant.
    assert entity_of(s, "t3", "Quell") in hana


def test_a_bare_surname_stays_apart_when_no_one_is_dominant_or_the_article_conflicts() -> None:
    even = store_of(
        article("a1", "2020-01-01", "L", [("Joe Varga", "male")]),
        article("a2", "2020-01-02", "L", [("Jill Varga", "female")]),
        article("a3", "2020-01-03", "L", [("Varga", None)]),
    )
    varga = {entity_of(even, "a1", "Joe Varga"), entity_of(even, "a2", "Jill Varga")}
    assert entity_of(even, "a3", "Varga") not in varga
    # Gender decides: a "she" Varga can only be Jill, and Jill is the only woman of the name.
    gendered = store_of(
        article("a1", "2020-01-01", "L", [("Joe Varga", "male")]),
        article("a4", "2020-01-04", "L", [("Joe Varga", "male")]),
        article("a3", "2020-01-03", "L", [("Varga", "female")]),
    )
    assert entity_of(gendered, "a3", "Varga") != entity_of(gendered, "a1", "Joe Varga")
    # Another Varga with a first name in the same article: the bare one could be either, so it joins nobody.
    conflict = store_of(
        article("a1", "2020-01-01", "L", [("Joe Varga", "male")]),
        article("a4", "2020-01-04", "L", [("Joe Varga", "male")]),
        article("a5", "2020-01-05", "L", [("Jill Varga", "female"), ("Varga", None)]),
    )
    assert entity_of(conflict, "a5", "Varga") not in {
        entity_of(conflict, "a1", "Joe Varga"), entity_of(conflict, "a5", "Jill Varga")}


def test_an_ambiguous_short_form_joins_nobody_unless_one_is_dominant() -> None:
    s = store_of(
        article("b1", "2020-01-01", "L", [("Ada M. Brandt", "female")]),
        article("b2", "2020-01-02", "L", [("Ada K. Brandt", "female")]),
        article("b3", "2020-01-03", "L", [("Ada Brandt", "female")]),
    )
    ids = {entity_of(s, a, n) for a, n in (("b1", "Ada M. Brandt"), ("b2", "Ada K. Brandt"), ("b3", "Ada Brandt"))}
    assert len(ids) == 3


def export_lines(s: Store, tmp: Path) -> tuple[list[str], list[str]]:
    service.export(s, "jsonl", tmp)
    return ((tmp / "nodes.jsonl").read_text().splitlines(), (tmp / "edges.jsonl").read_text().splitlines())


def test_two_ingest_orders_give_the_same_graph(tmp_path: Path) -> None:
    graphs = [
        *trump_articles(),
        article("t5", "2017-01-01", "Post", [("Trump", "male"), ("Bill Quell", "male")],
                [("social.friendship", 0, 1, "negated")]),
        article("t6", "2017-02-01", "Ledger", [("Donald Trump", "male"), ("William Quell", "male")],
                [("social.friendship", 1, 0, "asserted")]),
    ]
    one = export_lines(store_of(*graphs), tmp_path / "one")
    two = export_lines(store_of(*reversed(graphs)), tmp_path / "two")
    three = export_lines(store_of(*graphs[2:], *graphs[:2]), tmp_path / "three")
    assert one == two == three
    assert len(one[0]) == 3  # Donald Trump, Hana Quell (t3's bare Quell joined her), Bill (William) Quell


def test_resolution_is_incremental_and_replacing_an_article_undoes_its_counts() -> None:
    s = store_of(*trump_articles())
    before = s.conn.execute("SELECT n FROM forms WHERE form = 'hana||quell|'").fetchone()[0]
    changed = trump_articles()[3]
    changed.entities[0].name = "Hanna Quell"  # a re-extraction spells her differently
    changed.extractor_version = "9.9"
    assert s.ingest(changed)
    after = s.conn.execute("SELECT n FROM forms WHERE form = 'hana||quell|'").fetchone()[0]
    assert after == before - 1


# --- corrections -----------------------------------------------------------------------------

def test_corrections_survive_reingest_and_a_new_order() -> None:
    graphs = trump_articles()
    s = store_of(*graphs)
    s.correct("distinct", "Hana Quell", "Quell")  # t3's bare Quell is someone else after all
    s.correct("merge", "Bill Quell", "Hana Quell")  # (deliberately wrong, to see it stick)
    assert entity_of(s, "t1", "Hana Quell") == entity_of(s, "t4", "Bill Quell")
    s.correct("split", "Bill Quell", ["t4"])
    assert entity_of(s, "t4", "Hana Quell") != entity_of(s, "t1", "Hana Quell")
    s.correct("alias", "Donald Trump", "The Donald")
    snapshot = {(a, n): entity_of(s, a, n) for a, n in (("t1", "Hana Quell"), ("t2", "Hana Quell"),
                                                       ("t4", "Bill Quell"), ("t4", "Hana Quell"), ("t3", "Quell"))}
    assert len(partition(snapshot)) == 3  # t1+t2 (Hana, merged with Bill's name), t4 split off, t3 apart
    # Re-ingest every article (a new extractor version replaces the rows): the decisions still hold.
    for g in graphs:
        g.extractor_version = "2.0"
        assert s.ingest(g)
    again = {(a, n): entity_of(s, a, n) for a, n in snapshot}
    assert partition(again) == partition(snapshot)
    assert again[("t1", "Hana Quell")] != again[("t4", "Bill Quell")]  # t4 was split off
    assert again[("t3", "Quell")] != again[("t1", "Hana Quell")]  # distinct
    assert s.lookup("The Donald")["name"] == "Donald Trump"
    assert [d["kind"] for d in s.decisions()] == ["distinct", "merge", "split", "alias"]
    s.reresolve()
    assert {(a, n): entity_of(s, a, n) for a, n in snapshot} == again
    # The same decisions replayed on a fresh store that ingests the articles in another order.
    fresh = store_of(*reversed(graphs))
    for d in s.decisions():
        fresh.conn.execute("INSERT INTO decisions (kind, key, name, type, forms, others, alias, label, created_at)"
                           " VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)",
                           (d["kind"], d["key"], d["name"], d["type"], json.dumps(d["forms"]),
                            json.dumps(d["others"]), d["alias"], d["label"], d["created_at"]))
        did = fresh.conn.execute("SELECT max(id) FROM decisions").fetchone()[0]
        for (block,) in s.conn.execute("SELECT block FROM decision_blocks WHERE decision_id = ?", (d["id"],)):
            fresh.conn.execute("INSERT INTO decision_blocks VALUES (?, ?)", (did, block))
    fresh.reresolve()
    assert partition({k: entity_of(fresh, *k) for k in snapshot}) == partition(snapshot)


def partition(ids: dict[tuple[str, str], int]) -> set[frozenset[tuple[str, str]]]:
    groups: dict[int, set[tuple[str, str]]] = {}
    for k, v in ids.items():
        groups.setdefault(v, set()).add(k)
    return {frozenset(g) for g in groups.values()}


def test_corrections_are_explained_and_errors_are_clear() -> None:
    s = store_of(*trump_articles())
    with pytest.raises(DossierError, match="already one entity"):
        s.correct("merge", "Donald Trump", "Donald J. Trump")
    with pytest.raises(DossierError, match="not in article"):
        s.correct("split", "Donald Trump", ["t4"])
    why = s.why("Donald Trump")
    forms = {f["name"]: f for f in why["forms"]}
    assert set(forms) == {"Donald Trump", "Donald J. Trump"}
    joined = [f for f in forms.values() if f["evidence"]["rule"] == "compatible names"]
    assert joined and joined[0]["score"] > 0.5 and any("middle names" in r for r in joined[0]["evidence"]["reasons"])
    assert why["surnames"][0]["evidence"]["rule"] == "bare surname joins the dominant person"


# --- look-up ---------------------------------------------------------------------------------

def test_lookup_never_matches_substrings_and_suggests_names() -> None:
    s = store_of(*trump_articles())
    with pytest.raises(NotFound) as missing:
        s.lookup("x")
    assert missing.value.suggestions == []
    with pytest.raises(NotFound) as typo:
        s.lookup("Hana Quel")
    assert "Hana Quell" in typo.value.suggestions
    with pytest.raises(NotFound):
        s.lookup("Trum")  # a prefix is not a name


def test_lookup_lists_several_matches_and_picks_only_a_dominant_one() -> None:
    s = store_of(*trump_articles(), article("t7", "2018-01-01", "L", [("Bill Quell", "male")]))
    with pytest.raises(Ambiguous) as many:
        s.lookup("Quell")  # Hana: 3 articles and t3's bare Quell; Bill: 2 articles
    assert {m["name"] for m in many.value.matches} == {"Hana Quell", "Bill Quell"}
    assert all({"id", "type", "articles", "best_alias"} <= set(m) for m in many.value.matches)
    solo = store_of(*trump_articles())
    picked = solo.lookup("Quell")
    assert picked["name"] == "Hana Quell" and "picked Hana Quell" in picked["note"]
    assert solo.lookup("Donald John Trump")["name"] == "Donald Trump"  # a compatible fuller name
    with pytest.raises(DossierError, match="same entity"):
        solo.ties("Trump", "Donald Trump")


# --- merged edges ----------------------------------------------------------------------------

def test_a_tie_from_several_articles_is_one_edge_with_every_source() -> None:
    s = store_of(*trump_articles())
    t = s.ties("Donald Trump", "Hana Quell")
    defeated = [e for e in t["edges"] if e["type"] == "contest.defeated"]
    donald = s.lookup("Trump")["id"]
    forward = next(e for e in defeated if e["source"] == donald)
    assert [x["article"] for x in forward["sources"]] == ["t1", "t2"]
    assert forward["status"] == "asserted"
    assert forward["support"] == {
        "articles": 2, "supporting_articles": 2, "outlets": 2, "strongest": "asserted",
        "statuses": {"asserted": 1, "attributed": 1}, "earliest": "2016-05-01", "latest": "2016-06-01"}
    # "Quell defeated Trump" in t3 is kept as its own edge, and both are marked as contradicting each other.
    backward = next(e for e in defeated if e["source"] != donald)
    assert {c["kind"] for c in forward["contradictions"]} == {"direction"}
    assert backward["contradictions"][0]["reverse_articles"] == ["t1", "t2"]
    # Confidence: the status default where the fact has none, combined over independent outlets.
    assert forward["sources"][0]["confidence_from"] == "status default"
    assert forward["confidence"] == pytest.approx(1 - (1 - 0.9) * (1 - 0.8))


def test_negated_sources_never_make_an_edge_asserted_and_contradictions_are_kept() -> None:
    s = store_of(
        article("f1", "2019-01-01", "L", [("Ada Brandt", "female"), ("Tove Lind", "female")],
                [("social.friendship", 0, 1, "negated")]),
        article("f2", "2019-02-01", "C", [("Tove Lind", "female"), ("Ada Brandt", "female")],
                [("social.friendship", 0, 1, "hedged")], starts={0: "2012"}),
        article("f3", "2019-03-01", "C", [("Ada Brandt", "female"), ("Tove Lind", "female")],
                [("social.friendship", 0, 1, "hypothetical")]),
        article("f4", "2019-04-01", "P", [("Ada Brandt", "female"), ("Tove Lind", "female")],
                [("social.friendship", 0, 1, "asserted")], starts={0: "2014"}),
    )
    (edge,) = s.ties("Ada Brandt", "Tove Lind")["edges"]
    assert edge["status"] == "asserted"
    assert [x["status"] for x in edge["sources"]] == ["negated", "hedged", "hypothetical", "asserted"]
    kinds = {c["kind"]: c for c in edge["contradictions"]}
    assert kinds["status"]["negating"] == ["f1"]
    assert kinds["start"]["values"] == ["2012", "2014"]
    # Without the asserted source the edge is only hedged; with only the negated one, negated.
    assert s.ties("Ada Brandt", "Tove Lind", Filters(until="2019-03"))["edges"][0]["status"] == "hedged"
    only_no = s.ties("Ada Brandt", "Tove Lind", Filters(status=("negated",)))["edges"][0]
    assert (only_no["status"], only_no["confidence"]) == ("negated", 0.0)


def test_dates_combine_into_the_tightest_consistent_interval() -> None:
    s = store_of(
        article("d1", "2019-01-01", "L", [("Ada Brandt", "female"), ("Tove Lind", "female")],
                [("social.friendship", 0, 1, "asserted")], starts={0: "2016"}),
        article("d2", "2019-02-01", "C", [("Ada Brandt", "female"), ("Tove Lind", "female")],
                [("social.friendship", 0, 1, "asserted")], starts={0: "2016-05"}),
    )
    (edge,) = s.ties("Ada Brandt", "Tove Lind")["edges"]
    assert (edge["start"], edge["contradictions"]) == ("2016-05", [])


def test_filters_on_sources_and_edges() -> None:
    s = store_of(*trump_articles())
    everything = s.ties("Donald Trump", "Hana Quell")["edges"]
    assert len(everything) == 2
    assert s.ties("Donald Trump", "Hana Quell", Filters(min_sources=2))["edges"][0]["support"]["articles"] == 2
    ledger = s.ties("Donald Trump", "Hana Quell", Filters(outlet=("ledger",)))["edges"]
    assert {x["outlet"] for e in ledger for x in e["sources"]} == {"Ledger"}
    late = s.ties("Donald Trump", "Hana Quell", Filters(since="2016-06-15"))["edges"]
    assert [x["article"] for e in late for x in e["sources"]] == ["t3"]
    assert s.ties("Donald Trump", "Hana Quell", Filters(min_confidence=0.99))["edges"] == []
    with pytest.raises(ValueError, match="unknown status"):
        service.filters(status=["sure"])


def test_the_default_view_leaves_out_hypothetical_and_unsure_sources() -> None:
    graphs = [
        article("v1", "2019-01-01", "L", [("Ada Brandt", "female"), ("Tove Lind", "female")],
                [("social.friendship", 0, 1, "asserted")]),
        article("v2", "2019-02-01", "C", [("Ada Brandt", "female"), ("Tove Lind", "female")],
                [("social.friendship", 0, 1, "hypothetical")]),
        article("v3", "2019-03-01", "P", [("Ada Brandt", "female"), ("Tove Lind", "female")],
                [("contact.met", 0, 1, "asserted")]),
    ]
    graphs[0].relations[0].confidence = 0.9
    graphs[1].relations[0].confidence = 0.7  # confident, but imagined: never shown by default
    graphs[2].relations[0].confidence = 0.4  # under the default threshold
    s = store_of(*graphs)
    shown = s.ties("Ada Brandt", "Tove Lind", service.filters())["edges"]
    assert [(e["type"], [x["article"] for x in e["sources"]]) for e in shown] == [("social.friendship", ["v1"])]
    everything = s.ties("Ada Brandt", "Tove Lind", service.filters(show_all=True))["edges"]
    assert sorted((e["type"], len(e["sources"])) for e in everything) == [("contact.met", 1), ("social.friendship", 2)]


# --- path, network, search -------------------------------------------------------------------

def chain() -> list[ArticleGraph]:
    return [
        article("c1", "2021-01-01", "L", [("Ada Brandt", "female"), ("Tove Lind", "female")],
                [("professional.worked_with", 0, 1, "asserted")]),
        article("c2", "2021-01-02", "C", [("Tove Lind", "female"), ("Omar Sayed", "male")],
                [("social.friendship", 0, 1, "attributed")]),
        article("c3", "2021-01-03", "C", [("Omar Sayed", "male"), ("Rhea Voss", "female")],
                [("contact.met", 0, 1, "asserted")], extra=" at the harbour gala"),
        article("c4", "2021-01-04", "P", [("Ada Brandt", "female"), ("Rhea Voss", "female")],
                [("social.friendship", 0, 1, "speculative")]),
    ]


def test_path_walks_asserted_and_attributed_ties_with_evidence() -> None:
    s = store_of(*chain())
    result = s.shortest_paths("Ada Brandt", "Rhea Voss")
    (best,) = result["paths"]
    assert [n["name"] for n in best["nodes"]] == ["Ada Brandt", "Tove Lind", "Omar Sayed", "Rhea Voss"]
    assert best["hops"][2]["edges"][0]["sources"][0]["sentence"].endswith("at the harbour gala.")
    # The speculative direct tie counts only when asked for.
    loose = s.shortest_paths("Ada Brandt", "Rhea Voss", statuses=("asserted", "attributed", "speculative"))
    assert loose["paths"][0]["length"] == 1
    assert s.shortest_paths("Ada Brandt", "Rhea Voss", max_depth=2)["paths"] == []


def test_network_is_capped_and_paged() -> None:
    s = store_of(*chain())
    net = s.network("Ada Brandt", depth=2)
    assert {n["name"] for n in net["nodes"]} == {"Ada Brandt", "Tove Lind", "Rhea Voss", "Omar Sayed"}
    assert net["tie_pairs"] == 4 and net["truncated"] is None
    page = s.network("Ada Brandt", depth=2, offset=1, limit=2)
    assert len(page["edges"]) == 2
    small = s.network("Ada Brandt", depth=2, max_nodes=2)
    assert small["truncated"] == "nodes" and len(small["nodes"]) == 2


def test_search_finds_evidence_sentences() -> None:
    s = store_of(*chain())
    hits = s.search("harbour GALA")["hits"]
    assert [(h["article"], h["kind"], h["status"]) for h in hits] == [("c3", "relation", "asserted")]
    assert s.search("gala", Filters(outlet=("P",)))["hits"] == []
    assert s.search("   ")["hits"] == []
    # Replacing the article replaces its search rows.
    g = chain()[2]
    g.extractor_version = "2.0"
    s.ingest(g)
    assert len(s.search("gala")["hits"]) == 1


# --- exports ---------------------------------------------------------------------------------

CONTRACT_STATUSES = ("asserted", "attributed", "reported", "hedged", "speculative", "hypothetical", "negated",
                     "unknown")


def exported(tmp_path: Path, fmt: str) -> tuple[Store, Path]:
    s = store_of(*trump_articles(), *chain(),
                 article("r1", "2022-01-01", "L", [("Ada Brandt", "female")], orgs=["Harbor Board"],
                         roles=[(0, "chair", 0)]))
    s.correct("alias", "Ada Brandt", "Ada Brandt-Lind")
    service.export(s, fmt, tmp_path)
    return s, tmp_path


def test_jsonl_export_keeps_to_the_contract(tmp_path: Path) -> None:
    s, out = exported(tmp_path, "jsonl")
    nodes = [json.loads(line) for line in (out / "nodes.jsonl").read_text().splitlines()]
    edges = [json.loads(line) for line in (out / "edges.jsonl").read_text().splitlines()]
    ids = {n["id"] for n in nodes}
    assert len(ids) == len(nodes)
    bodies = {a: s.graph(a).article for a in {m["article"] for n in nodes for m in n["mentions"]}}
    for n in nodes:
        assert list(n)[:6] == ["id", "name", "type", "aliases", "articles", "mentions"]
        assert isinstance(n["id"], str) and n["type"] in ("PERSON", "ORG")
        assert all(isinstance(a, str) for a in n["aliases"]) and n["articles"] == sorted(set(n["articles"]))
        for m in n["mentions"]:
            assert set(m) <= {"article", "start", "end", "in"} and m["article"] in n["articles"]
            text = bodies[m["article"]].title if m.get("in") == "title" else bodies[m["article"]].body
            assert 0 <= m["start"] < m["end"] <= len(text)
    # Every article entity is a node: all mentions stored are exported once.
    assert sum(len(n["mentions"]) for n in nodes) == s.counts()["mentions"]
    order = ("asserted", "attributed", "reported", "hedged", "speculative")
    for e in edges:
        assert list(e)[:9] == ["id", "type", "source", "target", "start", "end", "status", "confidence", "sources"]
        assert e["id"].startswith("r:") and e["source"] in ids and e["target"] in ids
        assert "." in e["type"] and isinstance(e["confidence"], float)
        statuses = [x["status"] for x in e["sources"]]
        supporting = [st for st in statuses if st in order]
        expected = min(supporting, key=order.index) if supporting else next(
            st for st in ("negated", "unknown", "hypothetical") if st in statuses)
        assert e["status"] == expected
        for x in e["sources"]:
            assert list(x)[:6] == ["article", "outlet", "published", "evidence", "status", "source_entity"]
            assert x["status"] in CONTRACT_STATUSES and {"start", "end"} <= set(x["evidence"])
    role = next(e for e in edges if e["type"] == "role.chair")
    assert role["source"] == "p:ada-brandt" and role["target"] == "org:harbor-board"
    decisions = [json.loads(line) for line in (out / "decisions.jsonl").read_text().splitlines()]
    assert [(d["kind"], d["alias"]) for d in decisions] == [("alias", "Ada Brandt-Lind")]


def test_graphml_and_gexf_load_back_with_networkx(tmp_path: Path) -> None:
    nx = pytest.importorskip("networkx")
    s, out = exported(tmp_path / "g", "graphml")
    data = s.graph_data()
    g = nx.read_graphml(out / "graph.graphml")
    assert g.number_of_nodes() == len(data["nodes"]) and g.number_of_edges() == len(data["edges"])
    assert g.nodes["p:ada-brandt"]["label"] == "Ada Brandt"
    service.export(s, "gexf", tmp_path / "x")
    x = nx.read_gexf(tmp_path / "x" / "graph.gexf")
    assert x.number_of_edges() == len(data["edges"])
    dated = [d for _, _, d in x.edges(data=True) if d.get("earliest")]
    assert dated and all(len(d["earliest"]) == 10 for d in dated)


def test_neo4j_and_csv_exports(tmp_path: Path) -> None:
    s, out = exported(tmp_path, "neo4j")
    data = s.graph_data()
    with (out / "neo4j_nodes.csv").open() as f:
        nodes = list(csv.reader(f))
    with (out / "neo4j_relationships.csv").open() as f:
        rels = list(csv.reader(f))
    assert nodes[0][0] == "id:ID" and ":LABEL" in nodes[0]
    assert rels[0][:3] == [":START_ID", ":END_ID", ":TYPE"]
    assert len(nodes) - 1 == len(data["nodes"]) and len(rels) - 1 == len(data["edges"])
    assert {r[2] for r in rels[1:]} >= {"CONTEST_DEFEATED", "ROLE_CHAIR"}
    assert {r[0] for r in rels[1:]} | {r[1] for r in rels[1:]} <= {n[0] for n in nodes[1:]}
    service.export(s, "csv", tmp_path / "csv")
    with (tmp_path / "csv" / "sources.csv").open() as f:
        sources = list(csv.DictReader(f))
    assert len(sources) == sum(len(e["sources"]) for e in data["edges"])


def test_followthemoney_export(tmp_path: Path) -> None:
    _, out = exported(tmp_path, "ftm")
    ents = [json.loads(line) for line in (out / "entities.ftm.json").read_text().splitlines()]
    schemas = {e["schema"] for e in ents}
    assert {"Person", "Organization", "Family", "Associate", "Occupancy", "Position"} <= schemas
    spouse = next(e for e in ents if e["schema"] == "Family")
    assert spouse["properties"]["sourceUrl"] == ["https://news.example/t4"]
    by_id = {e["id"]: e for e in ents}
    try:
        from followthemoney import model
    except ImportError:  # the package is optional: check the references and required properties ourselves
        required = {"Family": ("person", "relative"), "Associate": ("person", "associate"),
                    "Occupancy": ("holder", "post"), "Membership": ("member", "organization"),
                    "UnknownLink": ("subject", "object")}
        for e in ents:
            for prop in required.get(e["schema"], ()):
                assert all(ref in by_id for ref in e["properties"][prop])
        return
    for e in ents:
        proxy = model.get_proxy(e)
        assert proxy.schema.name == e["schema"]
        for prop in proxy.schema.required:
            assert proxy.get(prop), (e["schema"], prop)
        for prop in proxy.schema.properties.values():
            if prop.type.name == "entity":
                assert all(ref in by_id for ref in proxy.get(prop))
