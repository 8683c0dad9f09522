"""The name parser's titles come from the pipeline's one title lexicon; a user's alias is taken as written."""

from __future__ import annotations

from dossier.resolve import names
from dossier.resolve.names import parse
from dossier.store.lookup import matches

from .test_graph import article, entity_of, store_of


def test_every_title_of_the_lexicon_is_dropped_in_front_of_a_name() -> None:
    lex = names._lexicons()
    for entry in lex.lines("person_titles"):
        p = parse(f"{entry} Ada Brandt")
        assert p is not None and (p.first, p.surname) == ("ada", "brandt"), entry
    for honorific in lex.pairs("honorifics"):
        p = parse(f"{honorific} Ada Brandt")
        assert p is not None and (p.first, p.surname) == ("ada", "brandt"), honorific


def test_the_parser_holds_no_title_list_of_its_own() -> None:
    assert not hasattr(names, "HONORIFICS")
    assert {names.fold(w) for w in names._lexicons().title_words()} <= names.titles()


def test_a_literal_parse_keeps_the_title() -> None:
    p = parse("Captain Quill", literal=True)
    assert p is not None and (p.first, p.surname) == ("captain", "quill")
    assert parse("Captain Quill") == parse("Quill")


def test_a_users_alias_with_a_title_names_that_entity_only() -> None:
    s = store_of(article("q1", "2024-01-01", "L", [("Ada Quill", "female"), ("Bram Quill", "male")]),
                 article("q2", "2024-01-02", "L", [("Ada Quill", "female"), ("Bram Quill", "male")]))
    ada = entity_of(s, "q1", "Ada Quill")
    s.correct("alias", "Ada Quill", "Captain Quill")
    assert [m["id"] for m in matches(s.conn, "Captain Quill")] == [ada]
    assert s.lookup("Captain Quill")["id"] == ada  # not every Quill: the alias is taken as written
    decision = s.conn.execute("SELECT forms FROM decisions WHERE kind = 'alias'").fetchone()[0]
    assert decision == '["captain||quill|"]'
    blocks = [r[0] for r in s.conn.execute("SELECT block FROM decision_blocks")]
    assert blocks == ["quill"]  # the title is dropped for the blocking key
