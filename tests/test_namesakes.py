"""Namesakes across articles: one full name, two people, told apart by what they are seen with.

Hand-built article graphs about invented people; no spaCy model needed.
"""

from __future__ import annotations

from itertools import permutations
from pathlib import Path

from dossier.resolve.senses import Group, senses
from dossier.store import Store

from .test_graph import article, entity_of, export_lines, store_of


def _keeper(aid: str, year: str, title: str | None = None, teammate: bool = True) -> object:
    people = [("Tomas Varga", "male"), *([("Odile Brenn", "female")] if teammate else [])]
    return article(aid, f"{year}-05-01", "Pitchside Weekly", people, orgs=["Harbor Wanderers"],
                   roles=[(0, title, 0)] if title else ())


def _magistrate(aid: str, year: str, outlet: str = "Lowland Courier", title: str = "magistrate") -> object:
    return article(aid, f"{year}-09-01", outlet, [("Tomas Varga", "male"), ("Irma Kohl", "female")],
                   orgs=["Dunmore Crown Court"], roles=[(0, title, 0)])


def namesake_articles() -> list:
    return [
        _keeper("k1", "2018", "goalkeeper"), _keeper("k2", "2019", "goalkeeper"), _keeper("k3", "2019", "captain"),
        _keeper("k4", "2020"),  # untitled: placed by its co-mentions
        _magistrate("j1", "2019"), _magistrate("j2", "2020", "Evening Lantern"),
        _magistrate("j3", "2021", title="district magistrate"),
    ]


def test_namesakes_with_nothing_in_common_stay_two_people() -> None:
    s = store_of(*namesake_articles())
    keeper = {entity_of(s, a, "Tomas Varga") for a in ("k1", "k2", "k3", "k4")}
    judge = {entity_of(s, a, "Tomas Varga") for a in ("j1", "j2", "j3")}
    assert len(keeper) == 1 and len(judge) == 1 and keeper != judge
    # Both are listed for the name, not one picked silently.
    hits = {r["id"] for r in s.conn.execute("SELECT id FROM entities WHERE name = 'Tomas Varga'")}
    assert hits == keeper | judge


def test_the_split_is_the_same_in_any_ingest_order(tmp_path: Path) -> None:
    graphs = namesake_articles()
    first = export_lines(store_of(*graphs), tmp_path / "first")
    for i, order in enumerate(list(permutations(range(len(graphs))))[::997]):
        assert export_lines(store_of(*[graphs[k] for k in order]), tmp_path / f"o{i}") == first


def test_why_explains_a_namesake_with_its_evidence_and_score() -> None:
    s = store_of(*namesake_articles())
    judge = entity_of(s, "j1", "Tomas Varga")
    apart = s.why(judge)["namesakes"]
    assert len(apart) == 1 and apart[0]["kept_apart"] is True
    ev = apart[0]["evidence"]
    assert ev["titles"] == ["magistrate"] and ev["main_titles"] == ["captain", "goalkeeper"]
    assert ev["main_outlets"] == ["pitchside weekly"] and 0.7 <= apart[0]["score"] <= 1.0
    keeper = entity_of(s, "k1", "Tomas Varga")
    assert [n["kept_apart"] for n in s.why(keeper)["namesakes"]] == [False]


def test_a_new_job_with_the_same_people_around_is_the_same_person() -> None:
    # Same name, titles change (goalkeeper, then coach), but the co-mentioned teammate is shared.
    graphs = [_keeper(f"k{i}", "2018", "goalkeeper") for i in range(3)]
    graphs += [article(f"c{i}", "2023-01-01", "Lowland Courier", [("Tomas Varga", "male"), ("Odile Brenn", "female")],
                       orgs=["Fenwick Town"], roles=[(0, "coach", 0)]) for i in range(2)]
    s = store_of(*graphs)
    assert len({entity_of(s, g.article.id, "Tomas Varga") for g in graphs}) == 1


def test_one_article_with_another_title_in_the_same_outlet_is_not_enough() -> None:
    graphs = [_keeper(f"k{i}", "2018", "goalkeeper") for i in range(3)]
    graphs.append(article("x1", "2018-06-01", "Pitchside Weekly", [("Tomas Varga", "male")], orgs=["Gala Night"],
                          roles=[(0, "host", 0)]))
    s = store_of(*graphs)
    assert len({entity_of(s, g.article.id, "Tomas Varga") for g in graphs}) == 1


def test_a_namesake_needs_a_well_attested_main_person() -> None:
    # Two articles each: nobody is well attested yet, so nothing is split on titles alone.
    graphs = [_keeper("k1", "2018", "goalkeeper"), _keeper("k2", "2018", "goalkeeper"),
              _magistrate("j1", "2019"), _magistrate("j2", "2019", "Evening Lantern")]
    s = store_of(*graphs)
    assert len({entity_of(s, g.article.id, "Tomas Varga") for g in graphs}) == 1


def test_taking_the_evidence_away_merges_them_back() -> None:
    s = Store(":memory:")
    graphs = namesake_articles()
    for g in graphs:
        s.ingest(g)
    assert entity_of(s, "j1", "Tomas Varga") != entity_of(s, "k1", "Tomas Varga")
    for aid in ("j1", "j2", "j3"):  # re-extracted: the magistrate articles now name him with no title
        g = next(g for g in graphs if g.article.id == aid)
        g.roles = []
        g.extractor_version = "9.9"
        assert s.ingest(g)
    assert len({entity_of(s, g.article.id, "Tomas Varga") for g in graphs}) == 1
    assert s.conn.execute("SELECT count(*) FROM form_senses").fetchone()[0] == 0
    assert s.conn.execute("SELECT count(*) FROM form_context WHERE tkey = 'magistrate'").fetchone()[0] == 0


def test_profiles_from_counts_alone() -> None:
    main = [Group("goalkeeper", 3, comentions=frozenset({"p:odile||brenn|"}), outlets=frozenset({"a"})),
            Group("captain", 1, comentions=frozenset({"p:odile||brenn|"}), outlets=frozenset({"a"}))]
    other = Group("magistrate", 2, comentions=frozenset({"p:irma||kohl|"}), outlets=frozenset({"b"}),
                  years=frozenset({"2030"}))
    found = senses([*main, other], lambda a, b: [])
    assert [s.tkeys for s in found] == [["captain", "goalkeeper"], ["magistrate"]]
    assert "years apart" not in " ".join(found[1].evidence["reasons"])  # type: ignore[index]
    # A co-mention shared beyond the top few (found by the full look-up) merges them.
    assert len(senses([*main, other], lambda a, b: ["p:someone"])) == 1


def test_one_untitled_article_from_a_new_outlet_is_not_a_namesake() -> None:
    # A newsletter names a well-known congressman once, with no title and no one he is usually seen with.
    main = [Group("congressman", 4, comentions=frozenset({"p:huma||abedin|"}), outlets=frozenset({"a", "b"}))]
    lone = Group("", 1, comentions=frozenset({"o:ORG|journalism school"}), outlets=frozenset({"c"}))
    assert len(senses([*main, lone], lambda a, b: [])) == 1
    # Against a conflicting title, one article from an outlet of its own is enough.
    other = Group("head", 1, comentions=frozenset({"o:ORG|a retailer"}), outlets=frozenset({"c"}))
    assert [s.tkeys for s in senses([*main, other], lambda a, b: [])] == [["congressman"], ["head"]]
    # Two untitled articles from outlets of their own, sharing nothing: kept apart, with a lower score.
    twice = Group("", 2, comentions=frozenset({"o:ORG|journalism school"}), outlets=frozenset({"c"}))
    found = senses([*main, twice], lambda a, b: [])
    assert len(found) == 2 and found[1].key_suffix == "untitled" and found[1].score == 0.7


def _mayor(aid: str, year: str, outlet: str = "Lowland Courier") -> object:
    return article(aid, f"{year}-03-01", outlet, [("Piet Arvane", "male"), ("Irma Kohl", "female")],
                   orgs=["Dunmore Council"], roles=[(0, "mayor", 0)])


def _lone(aid: str, outlet: str, people: list[tuple[str, str]], roles: list = ()) -> object:
    return article(aid, "2021-07-01", outlet, [("Piet Arvane", "male"), *people], roles=roles)


def test_a_one_article_namesake_in_another_field_is_kept_apart(tmp_path: Path) -> None:
    # A well-attested mayor, and one untitled article from an outlet he is never in, about a namesake seen only
    # with people the mayor never is, where nobody holds an office: two people.
    graphs = [_mayor("m1", "2019"), _mayor("m2", "2020"), _mayor("m3", "2021", "Evening Lantern"),
              _lone("d1", "Fenwick Runners", [("Saskia Arvane", "female")])]
    s = store_of(*graphs)
    mayor = {entity_of(s, a, "Piet Arvane") for a in ("m1", "m2", "m3")}
    runner = entity_of(s, "d1", "Piet Arvane")
    assert len(mayor) == 1 and runner not in mayor
    apart = s.why(runner)["namesakes"]
    assert len(apart) == 1 and apart[0]["kept_apart"]
    assert apart[0]["evidence"]["rule"] == "one-article namesake kept apart"
    first = export_lines(s, tmp_path / "first")
    for i, order in enumerate(([3, 0, 1, 2], [1, 3, 2, 0])):
        assert export_lines(store_of(*[graphs[k] for k in order]), tmp_path / f"o{i}") == first


def test_a_one_article_mention_with_anything_in_common_stays_the_person() -> None:
    base = [_mayor("m1", "2019"), _mayor("m2", "2020"), _mayor("m3", "2021", "Evening Lantern")]
    cases = [
        _lone("x1", "Fenwick Runners", [("Irma Kohl", "female")]),  # seen with someone the mayor is seen with
        _lone("x2", "Lowland Courier", [("Saskia Arvane", "female")]),  # in an outlet that reports the mayor
        _lone("x3", "Fenwick Runners", [("Saskia Arvane", "female")], roles=[(1, "governor", 0)]),  # officials
        _lone("x4", "Fenwick Runners", []),  # nothing to tell him apart by
    ]
    for case in cases:
        s = store_of(*base, case)
        assert entity_of(s, case.article.id, "Piet Arvane") == entity_of(s, "m1", "Piet Arvane"), case.article.id
    # Before the mayor is well attested, nothing is split.
    s = store_of(*base[:2], _lone("y1", "Fenwick Runners", [("Saskia Arvane", "female")]))
    assert entity_of(s, "y1", "Piet Arvane") == entity_of(s, "m1", "Piet Arvane")


def test_namesakes_are_labelled_apart_in_people_and_suggestions() -> None:
    from dossier import service

    s = store_of(*namesake_articles())
    twins = [p for p in service.people(s) if p["name"] == "Tomas Varga"]
    assert len(twins) == 2 and {p["label"] for p in twins} == {"goalkeeper", "magistrate"}
    assert "label" not in next(p for p in service.people(s) if p["name"] == "Irma Kohl")
    offered = [x for x in service.suggest_names(s, "Tomas") if x["name"] == "Tomas Varga"]
    assert {x["label"] for x in offered} == {"goalkeeper", "magistrate"}
