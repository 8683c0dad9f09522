"""The SQLite store: schema, migrations, idempotent ingest and queries, on invented articles."""

from __future__ import annotations

import sqlite3
from dataclasses import replace
from pathlib import Path

import pytest

from dossier.errors import NotFound, StoreError
from dossier.graph import (
    Article,
    ArticleGraph,
    Claim,
    Entity,
    Event,
    Mention,
    Participant,
    Quote,
    Relation,
    Role,
    Span,
    Time,
)
from dossier.store import Store
from dossier.store.db import migrations
from dossier.store.text import norm, sentence

# --- invented articles ----------------------------------------------------------------


def find_span(text: str, part: str, nth: int = 0) -> tuple[int, int]:
    start = -1
    for _ in range(nth + 1):
        start = text.index(part, start + 1)
    return start, start + len(part)


def span(article: Article, part: str, nth: int = 0, title: bool = False) -> Span:
    start, end = find_span(article.title if title else article.body, part, nth)
    return Span(start, end, part, "title" if title else "body")


def mention(article: Article, part: str, kind: str = "name", nth: int = 0, title: bool = False) -> Mention:
    s = span(article, part, nth, title)
    return Mention(s.start, s.end, s.text, s.in_, kind)  # type: ignore[arg-type]


def parsed(article: Article, *sentences: str) -> list[Span]:
    """The sentence spans a parse would give, written out by hand (the title is one sentence)."""
    return [Span(0, len(article.title), None, "title"), *(span(article, s) for s in sentences)]


def ledger_graph() -> ArticleGraph:
    a = Article(
        id="ledger-1",
        title="Mayor Okafor names new harbor chief",
        body=(
            "Mayor Dana Okafor on Monday named Priya Castellanos as director of the Port Authority of Bellmere. "
            '"Priya has run ships for twenty years," Okafor told the Harbor Ledger. '
            "Castellanos worked for Okafor at City Hall from 2016 to 2019. "
            "The two met at a budget hearing in 2015. "
            "Okafor is reportedly weighing a run for governor."
        ),
        published="2024-03-12",
        outlet="Harbor Ledger",
        url="https://ledger.example/harbor-chief",
        source="ledger.jsonl:1",
    )
    okafor = Entity("e1", "Dana Okafor", "PERSON", gender="female", mentions=[
        mention(a, "Okafor", title=True),
        mention(a, "Dana Okafor"),
        mention(a, "Okafor", "alias", nth=1),
        mention(a, "Okafor", "alias", nth=2),
        mention(a, "Okafor", "alias", nth=3),
    ])
    castellanos = Entity("e2", "Priya Castellanos", "PERSON", gender="female", aliases=["Priya"], mentions=[
        mention(a, "Priya Castellanos"),
        mention(a, "Castellanos", "alias", nth=1),
        mention(a, "The two", "pronoun"),
    ])
    port = Entity("e3", "Port Authority of Bellmere", "ORG", mentions=[mention(a, "Port Authority of Bellmere")])
    ledger = Entity("e4", "Harbor Ledger", "OUTLET", subtype="news_outlet", mentions=[mention(a, "Harbor Ledger")])
    first = span(a, a.body[: a.body.index("Bellmere.") + len("Bellmere.")])
    worked = span(a, "Castellanos worked for Okafor at City Hall from 2016 to 2019.")
    met = span(a, "The two met at a budget hearing in 2015.")
    return ArticleGraph(
        article=a,
        entities=[okafor, castellanos, port, ledger],
        times=[
            Time(*find_span(a.body, "Monday"), "Monday", type="DATE", value="2024-03-11", anchor="published"),
            Time(*find_span(a.body, "2016"), "2016", type="DATE", value="2016"),
            Time(*find_span(a.body, "2015"), "2015", type="DATE", value="2015"),
        ],
        quotes=[Quote(
            id="q1", kind="direct", span=span(a, "Priya has run ships for twenty years,"), speaker="e1",
            status="attributed", speaker_span=span(a, "Okafor", nth=1), cue=span(a, "told"), addressee="e4",
            when="2024-03-11", source="e1",
        )],
        roles=[Role(person="e2", title="director", org="e3", start="2024-03-11", current=True, evidence=first)],
        relations=[
            Relation("professional.worked_for", "e2", "e1", worked, start="2016", end="2019"),
            Relation("contact.met", "e1", "e2", met, when="2015"),
        ],
        events=[Event("appointment", [Participant("appointer", "e1"), Participant("appointee", "e2")], first,
                      when="2024-03-11")],
        claims=[Claim(span(a, "Okafor is reportedly weighing a run for governor."), "reported", ["reportedly"])],
        sentences=parsed(a, first.text, '"Priya has run ships for twenty years," Okafor told the Harbor Ledger.',
                         worked.text, met.text, "Okafor is reportedly weighing a run for governor."),
    )


def courier_graph(body_extra: str = "") -> ArticleGraph:
    a = Article(
        id="courier-7",
        title="Budget fight at the harbor",
        body=(
            'Dana Okafor defended the port budget. "We kept every promise," she said at a town hall on Tuesday. '
            "Council member Tomás Reyes criticized Okafor's plan." + body_extra
        ),
        published="2024-05-02",
        outlet="Bellmere Courier",
    )
    okafor = Entity("c1", "Dana Okafor", "PERSON", mentions=[
        mention(a, "Dana Okafor"), mention(a, "she", "pronoun"), mention(a, "Okafor's", "possessive"),
    ])
    reyes = Entity("c2", "Tomás Reyes", "PERSON", gender="male", mentions=[mention(a, "Tomás Reyes")])
    return ArticleGraph(
        article=a,
        entities=[okafor, reyes],
        times=[Time(*find_span(a.body, "Tuesday"), "Tuesday", type="DATE", value="2024-04-30", anchor="published")],
        quotes=[Quote(id="q1", kind="direct", span=span(a, "We kept every promise,"), speaker="c1",
                      speaker_span=span(a, "she"), cue=span(a, "said"), when="2024-04-30")],
        roles=[Role(person="c2", title="council member", evidence=span(
            a, "Council member Tomás Reyes criticized Okafor's plan."))],
        relations=[Relation("political.criticized", "c2", "c1",
                            span(a, "Council member Tomás Reyes criticized Okafor's plan."))],
        sentences=parsed(a, "Dana Okafor defended the port budget.",
                         '"We kept every promise," she said at a town hall on Tuesday.',
                         "Council member Tomás Reyes criticized Okafor's plan."),
    )


def gazette_graph() -> ArticleGraph:
    """An older article: an undated indirect quote, and only a surname for the speaker."""
    a = Article(
        id="gazette-3",
        title="Ferry to return",
        body="Okafor, then a council member, said the ferry would run again by summer.",
        published="2023-11-20",
        outlet="North Shore Gazette",
    )
    okafor = Entity("g1", "Okafor", "PERSON", mentions=[mention(a, "Okafor")])
    return ArticleGraph(
        article=a,
        entities=[okafor],
        quotes=[Quote(id="q1", kind="indirect", span=span(a, "the ferry would run again by summer"), speaker="g1",
                      cue=span(a, "said"))],
        roles=[Role(person="g1", title="council member", current=False,
                    evidence=span(a, "Okafor, then a council member, said the ferry would run again by summer."))],
        sentences=parsed(a, a.body),
    )


@pytest.fixture
def store() -> Store:
    with Store(":memory:") as s:
        for g in (ledger_graph(), courier_graph(), gazette_graph()):
            assert s.ingest(g) is True
        yield s


# --- ingest ------------------------------------------------------------------------------


def test_ingest_writes_one_row_per_fact(store: Store) -> None:
    c = store.counts()
    assert c["articles"] == 3
    # Dana Okafor merges across the two articles that give her full name, and the older article's bare
    # "Okafor" joins her: she is the only Okafor in the store and nothing in that article conflicts.
    assert c["entities"] == 5
    assert c["article_entities"] == 7
    assert c["mentions"] == 5 + 3 + 1 + 1 + 3 + 1 + 1
    assert (c["quotes"], c["roles"], c["relations"], c["events"], c["claims"]) == (3, 3, 3, 1, 1)
    assert c["event_participants"] == 2
    assert c["times"] == 4
    assert c["migrations"] == len(migrations())


def test_fact_rows_carry_article_span_sentence_and_version(store: Store) -> None:
    row = store.conn.execute("SELECT * FROM quotes WHERE article_id = 'ledger-1'").fetchone()
    assert row["ev_text"] == "Priya has run ships for twenty years,"
    assert row["sentence"] == '"Priya has run ships for twenty years," Okafor told the Harbor Ledger.'
    assert row["cue"] == "told"
    assert row["extractor_version"] == "0.1.0"
    assert row["speaker_local"] == "e1"
    dana = store.find("Dana Okafor")[0]["id"]
    assert row["speaker_id"] == dana
    rel = store.conn.execute("SELECT * FROM relations WHERE type = 'political.criticized'").fetchone()
    assert (rel["subject_local"], rel["object_id"]) == ("c2", dana)
    assert rel["sentence"] == "Council member Tomás Reyes criticized Okafor's plan."


def test_ingest_again_changes_nothing(store: Store) -> None:
    before = store.counts()
    stamps = store.conn.execute("SELECT id, ingested_at FROM articles ORDER BY id").fetchall()
    assert store.ingest(ledger_graph()) is False
    assert store.ingest_many([courier_graph(), gazette_graph()]) == 0
    assert store.counts() == before
    assert store.conn.execute("SELECT id, ingested_at FROM articles ORDER BY id").fetchall() == stamps


def test_changed_article_replaces_old_rows(store: Store) -> None:
    before = store.counts()
    changed = courier_graph(" The vote is set for June.")
    changed.relations = []
    changed.roles = []
    changed.entities = changed.entities[:1]  # Reyes is no longer in the article
    assert store.ingest(changed) is True
    after = store.counts()
    assert after["articles"] == before["articles"]
    assert after["relations"] == before["relations"] - 1
    assert after["roles"] == before["roles"] - 1
    assert after["entities"] == before["entities"] - 1  # the orphaned global entity goes too
    assert store.find("Tomás Reyes") == []
    body = store.conn.execute("SELECT body FROM articles WHERE id = 'courier-7'").fetchone()[0]
    assert body.endswith("The vote is set for June.")


def test_new_extractor_version_replaces(store: Store) -> None:
    newer = ledger_graph()
    newer.extractor_version = "0.2.0"
    newer.claims = []
    assert store.ingest(newer) is True
    assert store.counts()["claims"] == 0
    versions = {r[0] for r in store.conn.execute("SELECT extractor_version FROM quotes WHERE article_id = 'ledger-1'")}
    assert versions == {"0.2.0"}
    assert store.ingest(newer) is False


def test_bad_graph_rolls_back_whole_article() -> None:
    bad = courier_graph()
    bad.entities.append(Entity("c1", "Someone Else", "PERSON"))
    with Store() as s:
        with pytest.raises(StoreError, match="two entities with id 'c1'"):
            s.ingest(bad)
        assert all(n == 0 for t, n in s.counts().items() if t != "migrations")


def test_foreign_keys_enforced(store: Store) -> None:
    with pytest.raises(sqlite3.IntegrityError):
        store.conn.execute(
            "INSERT INTO mentions (article_id, local_id, entity_id, start, end, kind)"
            " VALUES ('nope', 'x', 1, 0, 1, 'name')"
        )
    with pytest.raises(sqlite3.IntegrityError):
        store.conn.execute("DELETE FROM entities")  # still referenced by article rows
    store.conn.execute("DELETE FROM articles WHERE id = 'ledger-1'")
    c = store.counts()
    assert (c["quotes"], c["events"], c["event_participants"], c["claims"], c["claim_entities"]) == (2, 0, 0, 0, 0)
    assert store.conn.execute("SELECT count(*) FROM mentions WHERE article_id = 'ledger-1'").fetchone()[0] == 0


# --- connection and migrations ---------------------------------------------------------

SHIPPED = [m.name for m in migrations()]


def test_file_store_uses_wal_and_records_migrations(tmp_path: Path) -> None:
    path = tmp_path / "dossier.db"
    with Store(path) as s:
        assert s.migrated == SHIPPED
        assert s.conn.execute("PRAGMA journal_mode").fetchone()[0] == "wal"
        assert s.conn.execute("PRAGMA foreign_keys").fetchone()[0] == 1
        assert s.conn.execute("PRAGMA busy_timeout").fetchone()[0] > 0
        s.ingest(ledger_graph())
    with Store(path) as s:
        assert s.migrated == []
        assert [m["name"] for m in s.migrations] == SHIPPED
        assert s.conn.execute("PRAGMA user_version").fetchone()[0] == migrations()[-1].number
        assert s.counts()["articles"] == 1


def test_store_newer_than_code_is_refused(tmp_path: Path) -> None:
    path = tmp_path / "dossier.db"
    with Store(path) as s:
        s.conn.execute("INSERT INTO migrations (name, applied_at) VALUES ('999_from_the_future', 'now')")
    with pytest.raises(StoreError, match="newer than this dossier"):
        Store(path)


def test_foreign_or_broken_files_are_refused(tmp_path: Path) -> None:
    other = tmp_path / "other.db"
    conn = sqlite3.connect(other)
    conn.execute("CREATE TABLE recipes (name TEXT)")
    conn.close()
    with pytest.raises(StoreError, match="not a dossier store"):
        Store(other)
    junk = tmp_path / "junk.db"
    junk.write_bytes(b"this is not sqlite at all" * 100)
    with pytest.raises(StoreError):
        Store(junk)
    with pytest.raises(StoreError, match="does not exist"):
        Store(tmp_path / "missing" / "dossier.db")


def test_readonly_store_reads_but_refuses_writes(tmp_path: Path) -> None:
    path = tmp_path / "dossier.db"
    with Store(path) as s:
        s.ingest(ledger_graph())
    with Store(path, readonly=True) as ro:
        assert ro.person("Castellanos")["name"] == "Priya Castellanos"
        with pytest.raises(StoreError, match="read-only"):
            ro.ingest(courier_graph())
    with pytest.raises(StoreError, match="no store"):
        Store(tmp_path / "absent.db", readonly=True)


# --- queries -------------------------------------------------------------------------------


def test_people_most_mentioned_first(store: Store) -> None:
    ranked = store.people()
    assert [p["name"] for p in ranked] == ["Dana Okafor", "Priya Castellanos", "Tomás Reyes"]
    assert (ranked[0]["mentions"], ranked[0]["articles"]) == (9, 3)
    assert all(p["type"] == "PERSON" for p in ranked)
    assert len(store.people(limit=2)) == 2


def test_find_by_name_alias_and_surname(store: Store) -> None:
    assert [e["name"] for e in store.find("dana okafor")] == ["Dana Okafor"]
    by_surname = store.find("OKAFOR")
    # The bare surname of the older article joined Dana Okafor, so the surname is one of her aliases.
    assert [(e["name"], e["match"]) for e in by_surname] == [("Dana Okafor", "alias")]
    assert [e["name"] for e in store.find("Priya")] == ["Priya Castellanos"]  # an alias
    assert [e["name"] for e in store.find("Tomas Reyes")] == ["Tomás Reyes"]  # accent-blind
    assert [e["name"] for e in store.find("reyes")] == ["Tomás Reyes"]  # surname
    assert store.find("Bellmere") == []  # never a substring ("Port Authority of Bellmere")
    assert store.find("Zebulon") == []
    assert store.find("  ") == []


def test_person_profile(store: Store) -> None:
    p = store.person("Dana Okafor")
    assert (p["name"], p["type"], p["gender"]) == ("Dana Okafor", "PERSON", "female")
    assert set(p["aliases"]) == {"Okafor", "Dana Okafor"}  # pronouns and possessives left out
    assert [a["id"] for a in p["articles"]] == ["courier-7", "ledger-1", "gazette-3"]
    assert p["articles"][1] == {"id": "ledger-1", "title": "Mayor Okafor names new harbor chief",
                                "published": "2024-03-12", "outlet": "Harbor Ledger",
                                "url": "https://ledger.example/harbor-chief"}
    assert [q["text"] for q in p["quotes"]] == [
        "We kept every promise,", "Priya has run ships for twenty years,", "the ferry would run again by summer"]
    assert p["quotes"][1]["addressee"] == "Harbor Ledger"
    rels = {(r["type"], r["direction"], r["other"]) for r in p["relations"]}
    assert rels == {
        ("professional.worked_for", "in", "Priya Castellanos"),
        ("contact.met", "out", "Priya Castellanos"),
        ("political.criticized", "in", "Tomás Reyes"),
    }
    assert [(e["type"], e["role"]) for e in p["events"]] == [("appointment", "appointer")]
    assert [n["name"] for n in p["events"][0]["participants"]] == ["Dana Okafor", "Priya Castellanos"]
    assert [(c["text"], c["status"], c["cues"]) for c in p["claims"]] == [
        ("Okafor is reportedly weighing a run for governor.", "reported", ["reportedly"])
    ]
    assert [(r["title"], r["article_id"]) for r in p["roles"]] == [("council member", "gazette-3")]
    assert p["others"] == []
    bare = store.person("okafor")
    assert (bare["name"], bare["others"]) == ("Dana Okafor", [])


def test_person_roles_and_lookup_by_id(store: Store) -> None:
    pid = store.find("Priya Castellanos")[0]["id"]
    p = store.person(pid)
    assert p["name"] == "Priya Castellanos"
    [role] = p["roles"]
    assert (role["title"], role["org"], role["start"], role["current"]) == (
        "director", "Port Authority of Bellmere", "2024-03-11", True)
    assert role["evidence"].startswith("Mayor Dana Okafor on Monday named")
    assert p["claims"] == []


def test_not_found(store: Store) -> None:
    for call in (
        lambda: store.person("Zebulon Quill"),
        lambda: store.person(9999),
        lambda: store.quotes("Zebulon Quill"),
        lambda: store.timeline("Zebulon Quill"),
        lambda: store.ties("Dana Okafor", "Zebulon Quill"),
        lambda: store.graph("no-such-article"),
    ):
        with pytest.raises(NotFound):
            call()


def test_ties_in_either_order(store: Store) -> None:
    t = store.ties("Castellanos", "Dana Okafor")
    assert (t["a"]["name"], t["b"]["name"]) == ("Priya Castellanos", "Dana Okafor")
    assert [(r["type"], r["subject"], r["object"]) for r in t["relations"]] == [
        ("professional.worked_for", "Priya Castellanos", "Dana Okafor"),
        ("contact.met", "Dana Okafor", "Priya Castellanos"),
    ]
    assert t["relations"][0]["evidence"] == "Castellanos worked for Okafor at City Hall from 2016 to 2019."
    assert (t["relations"][0]["start"], t["relations"][0]["end"]) == ("2016", "2019")
    assert [e["type"] for e in t["events"]] == ["appointment"]
    assert store.ties("Dana Okafor", "Castellanos")["relations"][0]["type"] == "professional.worked_for"
    assert store.ties("Priya Castellanos", "Tomás Reyes")["relations"] == []


def test_quotes_newest_first_with_outlet_and_date(store: Store) -> None:
    said = store.quotes("Dana Okafor")
    assert [(q["date"], q["outlet"], q["article_id"]) for q in said] == [
        ("2024-04-30", "Bellmere Courier", "courier-7"),
        ("2024-03-11", "Harbor Ledger", "ledger-1"),
        ("2023-11-20", "North Shore Gazette", "gazette-3"),
    ]
    undated = said[-1]  # the older article's quote has no date of its own
    assert (undated["date"], undated["date_from"], undated["kind"]) == ("2023-11-20", "published", "indirect")


def test_timeline_dates_every_fact_by_its_own_time_or_its_report(store: Store) -> None:
    line = store.timeline("Dana Okafor")
    assert [(i["date"], i["date_from"], i["kind"]) for i in line] == [
        ("2015", "fact", "relation"),
        ("2016", "fact", "relation"),
        ("2023-11-20", "reported", "role"),  # the older article's bare "Okafor", dated by its publication
        ("2023-11-20", "reported", "quote"),
        ("2024-03-11", "fact", "event"),  # same day: in the order the article tells them
        ("2024-03-11", "fact", "quote"),
        ("2024-03-12", "reported", "claim"),  # no date of its own: the article's publication date
        ("2024-04-30", "fact", "quote"),
        ("2024-05-02", "reported", "relation"),
    ]
    words = {(i["kind"], i["date_text"]) for i in line}
    assert ("claim", "reported 2024-03-12") in words
    assert ("quote", "30 April 2024") in words
    assert all(i["reported"] == i["published"] for i in line)


def timeline_graph() -> ArticleGraph:
    """An article whose facts carry TIMEX codes, a hypothetical role and a low-confidence tie."""
    a = Article(
        id="lantern-9",
        title="Quill looks back",
        body=("Zara Quill joined the Tidewater Choir in the fall of 2015. She has led it for some days now. "
              "In the sketch, Quill is queen of the harbor. Quill may know Ivo Brandt."),
        published="2016-10-12",
    )
    quill = Entity("z1", "Zara Quill", "PERSON", mentions=[mention(a, "Zara Quill"), mention(a, "Quill", nth=1)])
    brandt = Entity("z2", "Ivo Brandt", "PERSON", mentions=[mention(a, "Ivo Brandt")])
    choir = Entity("z3", "Tidewater Choir", "ORG", mentions=[mention(a, "Tidewater Choir")])
    first = span(a, "Zara Quill joined the Tidewater Choir in the fall of 2015.")
    led = span(a, "She has led it for some days now.")
    return ArticleGraph(
        article=a,
        entities=[quill, brandt, choir],
        roles=[
            Role(person="z1", title="member", org="z3", start="2015-FA", evidence=first, confidence=0.9),
            Role(person="z1", title="leader", org="z3", when="PRESENT_REF", evidence=led, confidence=0.8),
            Role(person="z1", title="choir director", org="z3", when="P_D", evidence=led, confidence=0.8),
            Role(person="z1", title="queen", status="hypothetical", confidence=0.3,
                 evidence=span(a, "In the sketch, Quill is queen of the harbor.")),
        ],
        relations=[Relation("social.friendship", "z1", "z2", span(a, "Quill may know Ivo Brandt."), status="hedged",
                            confidence=0.4)],
    )


def test_timeline_in_words_hides_hypothetical_and_unsure_facts_unless_all() -> None:
    with Store(":memory:") as s:
        s.ingest(timeline_graph())
        shown = s.timeline("Zara Quill")
        assert [(i["text"], i["date_text"]) for i in shown] == [
            ("member, Tidewater Choir", "fall 2015"),
            ("leader, Tidewater Choir", "now (2016-10-12)"),
            ("choir director, Tidewater Choir", "for some days, reported 2016-10-12"),
        ]
        assert [i["when"] for i in shown] == ["2015-FA", "PRESENT_REF", "P_D"]  # --json keeps the TIMEX values
        everything = s.timeline("Zara Quill", show_all=True)
        assert {i["status"] for i in everything} == {"asserted", "hypothetical", "hedged"}
        assert len(everything) == 5
        assert len(s.timeline("Zara Quill", min_confidence=0.35)) == 4  # the hedged tie at 0.4; never the sketch


def test_graph_round_trip(store: Store) -> None:
    for original in (ledger_graph(), courier_graph(), gazette_graph()):
        back = store.graph(original.article.id)
        assert back.to_dict() == original.to_dict()
    assert store.graph("ledger-1").article.source == "ledger.jsonl:1"


def test_articles_listing(store: Store) -> None:
    assert [a["id"] for a in store.articles()] == ["courier-7", "ledger-1", "gazette-3"]
    assert len(store.articles(limit=1)) == 1


# --- text helpers ------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("name", "expected"),
    [
        ("Dana Okafor", "dana okafor"),
        ("  TOMÁS   Reyes ", "tomas reyes"),
        ("Okafor's", "okafor"),
        ("Harris'", "harris"),
        ("Jean-Luc O'Neill", "jean luc oneill"),
        ("...", ""),
    ],
)
def test_norm(name: str, expected: str) -> None:
    assert norm(name) == expected


@pytest.mark.parametrize(
    ("body", "cuts", "part", "expected"),
    [
        ("First one. Mr. Vale spoke at noon. Last.", ["First one.", "Mr. Vale spoke at noon.", "Last."], "spoke",
         "Mr. Vale spoke at noon."),
        ('He left. "It is over," she said. Then rain.', ["He left.", '"It is over," she said.', "Then rain."],
         "It is over,", '"It is over," she said.'),
        ("One line\nSecond line here", ["One line", "Second line here"], "Second", "Second line here"),
        ("No boundary at all", ["No boundary at all"], "boundary", "No boundary at all"),
        ("Ann ran. Bo hid. Cy sat.", ["Ann ran.", "Bo hid.", "Cy sat."], "ran. Bo", "Ann ran. Bo hid."),
        ("Ann ran.  Bo hid.", ["Ann ran.", "Bo hid."], "  ", "  "),  # between sentences: the span itself
    ],
)
def test_sentence_around_span(body: str, cuts: list[str], part: str, expected: str) -> None:
    article = Article(id="t", title="T", body=body)
    sentences = [Span(*find_span(body, cut)) for cut in cuts]
    start, end = find_span(body, part)
    assert sentence(article, Span(start, end), sentences) == expected


def test_a_graph_without_sentences_stores_the_evidence_as_its_sentence() -> None:
    """Graphs written before sentences were kept still ingest; nothing re-splits the article."""
    old = ledger_graph().to_dict()
    del old["sentences"]
    with Store(":memory:") as s:
        assert s.ingest(ArticleGraph.from_dict(old)) is True
        row = s.conn.execute("SELECT ev_text, sentence FROM quotes").fetchone()
        assert row["sentence"] == row["ev_text"] == "Priya has run ships for twenty years,"
        rel = s.conn.execute("SELECT sentence FROM relations WHERE type = 'contact.met'").fetchone()
        assert rel["sentence"] == "The two met at a budget hearing in 2015."


def test_sentences_round_trip_through_json() -> None:
    graph = ledger_graph()
    again = ArticleGraph.from_dict(graph.to_dict())
    assert again.sentences == graph.sentences
    assert graph.to_dict()["sentences"][0] == {"start": 0, "end": len(graph.article.title), "in": "title"}


def test_sentence_of_bad_offsets_falls_back_to_span_text() -> None:
    article = Article(id="t", title="T", body="Short.")
    assert sentence(article, Span(40, 50, "elsewhere")) == "elsewhere"
    assert sentence(article, Span(40, 50, "elsewhere"), [Span(0, 60)]) == "elsewhere"
    assert sentence(article, replace(Span(0, 1), in_="title"), [Span(0, 1, None, "title")]) == "T"


def test_ties_summary_counts_sources_and_keeps_the_widest_dates() -> None:
    from dossier.store.query import ties_summary

    rows = [
        {"type": "social.friendship", "other": "B", "other_id": 2, "direction": "out", "article_id": "a1",
         "status": "asserted", "start": "2019", "end": None, "when": None, "sentence": "A and B are friends."},
        {"type": "social.friendship", "other": "B", "other_id": 2, "direction": "out", "article_id": "a2",
         "status": "attributed", "start": "2017", "end": "2021", "when": None, "sentence": "..."},
        {"type": "social.friendship", "other": "B", "other_id": 2, "direction": "out", "article_id": "a2",
         "status": "asserted", "start": None, "end": None, "when": None, "sentence": "..."},
        {"type": "family.sibling", "other": "C", "other_id": 3, "direction": "in", "article_id": "a1",
         "status": "asserted", "start": None, "end": None, "when": None, "sentence": "C, A's sister."},
    ]
    friend, sibling = ties_summary(rows)
    assert (friend["type"], friend["sources"]) == ("social.friendship", 2)
    assert (friend["start"], friend["end"]) == ("2017", "2021")
    assert friend["statuses"] == {"asserted": 2, "attributed": 1}
    assert (sibling["other"], sibling["sources"], sibling["direction"]) == ("C", 1, "in")


@pytest.mark.slow
def test_stored_sentences_are_the_parse_sentences(nlp) -> None:
    from dossier.extraction import extract

    body = 'Mr. Quill met Dr. Ana Petrov in Lisbon on Monday. "We agreed," Petrov said.\nThey spoke for an hour.'
    graph = extract(body, published="2024-01-10", title="Quill meets Petrov")
    texts = [(graph.article.title if s.in_ == "title" else body)[s.start : s.end] for s in graph.sentences]
    assert texts == ["Quill meets Petrov", "Mr. Quill met Dr. Ana Petrov in Lisbon on Monday.",
                     '"We agreed," Petrov said.', "They spoke for an hour."]
    with Store(":memory:") as s:
        s.ingest(graph)
        quote = s.conn.execute("SELECT ev_text, sentence FROM quotes").fetchone()
        assert (quote["ev_text"], quote["sentence"]) == ("We agreed,", '"We agreed," Petrov said.')
        stored = {r["sentence"] for t in ("times", "quotes", "roles", "relations", "events", "claims")
                  for r in s.conn.execute(f"SELECT sentence FROM {t}")}
        assert stored and stored <= set(texts)
