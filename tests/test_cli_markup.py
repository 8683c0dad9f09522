"""Rich markup in article text is printed as text by every renderer, never read as markup."""

from __future__ import annotations

import json
import re
from pathlib import Path

import pytest
from typer.testing import CliRunner

from dossier.cli import app
from dossier.graph import Article, ArticleGraph, Entity, Event, Mention, Participant, Quote, Relation, Role, Span, Time
from dossier.store import Store

runner = CliRunner()

VERA = "Vera [/i] Lund"
OTTO = "Otto [bold]Sand"
TITLE = "[/] Harbor news [link=x]"
OUTLET = "[/red]Gazette"
QUOTE = "We close the [/] pier [b]tomorrow"
ROLE = "[/]director"


def at(body: str, part: str) -> Span:
    start = body.index(part)
    return Span(start, start + len(part), part)


def mention(body: str, part: str) -> Mention:
    s = at(body, part)
    return Mention(s.start, s.end, part, "body", "name")


def markup_graph() -> ArticleGraph:
    body = (
        f"{VERA} named {OTTO} as {ROLE} of the harbor on Monday. "
        f'"{QUOTE}," {VERA} said. {OTTO} worked for {VERA} from 2016.'
    )
    article = Article(id="m1", title=TITLE, body=body, published="2024-03-12", outlet=OUTLET)
    vera = Entity("e1", VERA, "PERSON", aliases=["V. [/] Lund"], mentions=[mention(body, VERA)])
    otto = Entity("e2", OTTO, "PERSON", mentions=[mention(body, OTTO)])
    first = at(body, body[: body.index("Monday.") + len("Monday.")])
    worked = at(body, f"{OTTO} worked for {VERA} from 2016.")
    quote_at = at(body, QUOTE)
    said = at(body, "said")
    return ArticleGraph(
        article=article,
        entities=[vera, otto],
        times=[Time(at(body, "Monday").start, at(body, "Monday").end, "Monday", type="DATE", value="2024-03-11",
                    anchor="published")],
        quotes=[Quote(id="q1", kind="direct", span=quote_at, speaker="e1", cue=said, when="2024-03-11")],
        roles=[Role(person="e2", title=ROLE, start="2024-03-11", evidence=first)],
        relations=[Relation("professional.worked_for", "e2", "e1", worked, start="2016")],
        events=[Event("appointment", [Participant("appointer", "e1"), Participant("appointee", "e2")], first,
                      when="2024-03-11")],
    )


@pytest.fixture
def db(tmp_path: Path) -> str:
    path = tmp_path / "markup.db"
    with Store(path) as store:
        store.ingest(markup_graph())
    return str(path)


def squeeze(text: str) -> str:
    """Text without white space and box drawing, so that words wrapped across table lines still match."""
    return re.sub(r"[\s\u2500-\u257f]", "", text)


def run(*args: str):
    return runner.invoke(app, list(args), catch_exceptions=False)


def stored_names(db: str) -> dict[str, str]:
    """The names the store gives the two people (it may normalise the brackets away)."""
    people = json.loads(run("people", "--db", db, "--json").output)
    return {("vera" if "Vera" in p["name"] else "otto"): p["name"] for p in people}


@pytest.mark.parametrize(
    ("args", "shown"),
    [
        (["people"], ["{vera}", "{otto}"]),
        (["show", "{vera}"], ["{vera}", TITLE, OUTLET, ROLE, "We close the [/]", "[b]tomorrow"]),
        (["quotes", "{vera}"], ["We close the [/]", "[b]tomorrow", "[link=x]"]),
        (["timeline", "{otto}"], [ROLE]),
        (["ties", "{vera}", "{otto}"], ["{vera}", "{otto}"]),
    ],
)
def test_markup_in_names_titles_and_quotes_is_printed_as_text(db: str, args: list[str], shown: list[str]) -> None:
    names = stored_names(db)
    result = run(*(a.format(**names) for a in args), "--db", db)
    assert result.exit_code == 0, result.output
    flat = squeeze(result.output)
    for text in shown:
        assert squeeze(text.format(**names) if text.startswith("{") else text) in flat, text


def test_markup_in_a_name_asked_for_is_printed_as_text(db: str) -> None:
    result = runner.invoke(app, ["show", "[/x] nobody", "--db", db])
    assert result.exit_code == 1
    assert "[/x] nobody" in result.output


def test_markup_in_file_names_and_bad_values_in_the_ingest_summary(tmp_path: Path) -> None:
    bad = tmp_path / "[bold]feed[red].jsonl"  # a closing tag can't be in a file name: its "/" is a folder
    bad.write_text('{"body": "x", "published": "[/]2024"}\n[1]\n')
    folder = tmp_path / "in"
    folder.mkdir()
    (folder / "x.[b]").write_text("hello")
    result = run("ingest", str(bad), str(folder), "--db", str(tmp_path / "s.db"))
    assert result.exit_code == 1
    flat = squeeze(result.output)
    assert squeeze(f"{bad}:1") in flat and squeeze(f"{bad}:2") in flat
    assert "'[/]2024'" in flat
    assert ".[b]×1" in flat


def test_markup_in_extract_problems(tmp_path: Path) -> None:
    bad = tmp_path / "[i]x.jsonl"
    bad.write_text('{"body": "x", "published": "[red]"}\n')
    result = run("extract", str(bad))
    assert result.exit_code == 1
    assert squeeze(f"{bad}:1") in squeeze(result.output)


def test_json_output_keeps_the_text_as_is(db: str) -> None:
    result = run("quotes", stored_names(db)["vera"], "--db", db, "--json")
    assert [q["text"] for q in json.loads(result.stdout)] == [QUOTE]
