"""Readers: each input form, each kind of bad input, and batches that go on past failures."""

from __future__ import annotations

import io
import json
import sys
from pathlib import Path

import pytest

from dossier.errors import ReadError
from dossier.graph import Article
from dossier.read import (
    iter_articles,
    parse_text,
    read_all,
    read_html,
    read_jsonl,
    read_text,
)

DATA = Path(__file__).parent / "data" / "read"
SEED = Path(__file__).resolve().parents[1].parent / "shared" / "seed" / "000_4ed56cca851698d7.txt"


def write(tmp_path: Path, name: str, content: str | bytes) -> Path:
    path = tmp_path / name
    path.parent.mkdir(parents=True, exist_ok=True)
    if isinstance(content, bytes):
        path.write_bytes(content)
    else:
        path.write_text(content, encoding="utf-8", newline="")
    return path


def error_of(path: Path, **kwargs: int) -> ReadError:
    """The single ReadError reading ``path`` in a batch gives."""
    result = read_all([path], **kwargs)
    assert result.articles == []
    assert len(result.errors) == 1
    return result.errors[0]


# --- plain text ---------------------------------------------------------------------------


def test_text_form_title_date_and_exact_body() -> None:
    article = read_text(DATA / "fenwick.txt")
    raw = (DATA / "fenwick.txt").read_text(encoding="utf-8")
    assert article.title == "Mayor Orla Fenwick Opens the Tidewater Bridge"
    assert article.published == "2023-04-17"
    assert article.body == raw.split("\n", 1)[1].rstrip("\n")
    assert article.body.split("\n")[1] == "A new crossing"
    assert article.source == str(DATA / "fenwick.txt")
    assert article.id == Article.content_id(article.title, article.body, "2023-04-17")


def test_text_body_offsets_match_the_file() -> None:
    article = read_text(DATA / "fenwick.txt")
    raw = (DATA / "fenwick.txt").read_text(encoding="utf-8")
    header_len = raw.index("\n") + 1
    quote = '"This bridge joins two halves of one town,"'
    start = article.body.index(quote)
    assert raw[header_len + start : header_len + start + len(quote)] == quote


@pytest.mark.parametrize(
    ("text", "title", "published", "body"),
    [
        ("date 2022-11-05 Ostrow Wins\nBram Ostrow won.\n", "Ostrow Wins", "2022-11-05", "Bram Ostrow won."),
        ("   date 2022-11-05   Spaced Title  \nBody.", "Spaced Title", "2022-11-05", "Body."),
        ("date 2022-11-05 CRLF\r\nOne.\r\nTwo.\r\n\r\n", "CRLF", "2022-11-05", "One.\nTwo."),
        ("Ida Marsh Retires\nShe left the board.\n", "Ida Marsh Retires", None, "She left the board."),
        ("Date night in Port Aster\nThe pier was busy.", "Date night in Port Aster", None, "The pier was busy."),
        ("date 2022-11-05 Inner blank\nOne.\n\nTwo.", "Inner blank", "2022-11-05", "One.\n\nTwo."),
    ],
)
def test_text_form_variants(text: str, title: str, published: str | None, body: str) -> None:
    article = parse_text(text, "x.txt")
    assert (article.title, article.published, article.body) == (title, published, body)


def test_text_invalid_date_names_file_and_line_one(tmp_path: Path) -> None:
    path = write(tmp_path, "bad.txt", "date 2024-13-45 Impossible Day\nBody text.\n")
    with pytest.raises(ReadError) as info:
        read_text(path)
    assert info.value.where == f"{path}:1"
    assert info.value.kind == "date"
    assert "2024-13-45" in info.value.reason


def test_text_with_date_line_but_no_body_is_empty(tmp_path: Path) -> None:
    err = error_of(write(tmp_path, "title_only.txt", "date 2023-01-02 Only A Title\n\n"))
    assert err.kind == "empty"


def test_text_utf8_bom_is_dropped(tmp_path: Path) -> None:
    path = write(tmp_path, "bom.txt", "\ufeffdate 2023-03-03 Café Opens\nOrla Fenwick cut the ribbon.".encode())
    article = read_text(path)
    assert article.published == "2023-03-03"
    assert article.title == "Café Opens"


def test_ids_are_stable_and_content_based(tmp_path: Path) -> None:
    a = read_text(DATA / "fenwick.txt")
    b = read_text(write(tmp_path, "copy.txt", (DATA / "fenwick.txt").read_bytes()))
    c = parse_text("date 2023-04-18 Mayor Orla Fenwick Opens the Tidewater Bridge\n" + a.body, "c")
    assert a.id == b.id
    assert a.source != b.source
    assert c.id != a.id  # same text, another day: another article


# --- JSONL --------------------------------------------------------------------------------


def test_jsonl_reads_good_lines_and_reports_bad_ones() -> None:
    path = DATA / "articles.jsonl"
    items = list(read_jsonl(path))
    articles = [i for i in items if isinstance(i, Article)]
    errors = [i for i in items if isinstance(i, ReadError)]
    assert [a.source for a in articles] == [f"{path}:1", f"{path}:3", f"{path}:8"]
    first, second, third = articles
    assert (first.id, third.id) == ("ledger-001", "ledger-007")
    assert first.published == "2023-05-02"  # datetime cut to its date
    assert first.outlet == "Harbour Ledger"
    assert first.url == "https://ledger.example/ostrow"
    assert first.body == "Councillor Bram Ostrow joined the Harbour Board on Tuesday.\nHe replaces Ida Marsh."
    assert second.published == "2023-05-03"  # "date" alias
    assert second.body.startswith("Ida Marsh retired")  # "text" alias
    assert second.id == Article.content_id(second.title, second.body, second.published)
    assert third.published is None
    assert [(e.where, e.kind) for e in errors] == [
        (f"{path}:4", "json"),
        (f"{path}:5", "invalid"),
        (f"{path}:6", "invalid"),
        (f"{path}:7", "date"),
    ]


@pytest.mark.parametrize(
    ("line", "kind"),
    [
        ('{"title": "T", "body": ""}', "empty"),
        ('{"title": "T", "body": "   "}', "empty"),
        ('{"title": "T", "body": 42}', "invalid"),
        ('{"title": "T", "body": "B", "published": "yesterday"}', "date"),
        ('"just a string"', "invalid"),
        ('{"title": "T", "body": "B"', "json"),
    ],
)
def test_jsonl_bad_lines(tmp_path: Path, line: str, kind: str) -> None:
    path = write(tmp_path, "one.jsonl", line + "\n")
    err = error_of(path)
    assert (err.where, err.kind) == (f"{path}:1", kind)


def test_jsonl_numeric_id_and_crlf(tmp_path: Path) -> None:
    path = write(tmp_path, "crlf.jsonl", '{"id": 7, "title": "T", "body": "a\\r\\nb"}\r\n\r\n')
    (article,) = list(read_jsonl(path))
    assert isinstance(article, Article)
    assert article.id == "7"
    assert article.body == "a\nb"


# --- HTML ---------------------------------------------------------------------------------


def test_html_metadata_and_paragraphs() -> None:
    article = read_html(DATA / "bridge.html")
    assert article.title == "Tidewater Bridge Opens"
    assert article.published == "2023-04-17"
    assert article.outlet == "Harbour Ledger"
    assert article.url == "https://ledger.example/bridge"
    lines = article.body.split("\n")
    assert len(lines) == 3
    assert lines[0].startswith("Mayor Orla Fenwick of Port Aster")
    assert lines[1].startswith('"This bridge joins two halves of one town," Fenwick told')
    assert "Home" not in article.body and "Copyright" not in article.body


def test_short_html_keeps_paragraphs_apart(tmp_path: Path) -> None:
    page = (
        "<html><head><title>Marsh Speaks</title></head><body><article><h1>Marsh Speaks</h1>"
        "<p>Ida Marsh spoke at the harbour on Friday evening.</p>"
        "<p>She thanked the board for twenty years.</p></article></body></html>"
    )
    article = read_html(write(tmp_path, "short.htm", page))
    assert article.title == "Marsh Speaks"
    assert article.body == "Ida Marsh spoke at the harbour on Friday evening.\nShe thanked the board for twenty years."
    assert article.published is None


def test_html_without_text_is_empty(tmp_path: Path) -> None:
    err = error_of(write(tmp_path, "blank.html", "<html><head><title>Nothing</title></head><body></body></html>"))
    assert err.kind == "empty"


def test_html_declared_charset(tmp_path: Path) -> None:
    page = (
        '<html><head><meta charset="iso-8859-1"><title>Café Fenwick</title></head><body>'
        "<p>Orla Fenwick opened a café on the quay near the new bridge in Port Aster.</p>"
        "<p>The café serves soup to the bridge builders every day at noon.</p></body></html>"
    )
    article = read_html(write(tmp_path, "latin.html", page.encode("latin-1")))
    assert "café" in article.body


# WARC archives are tested in test_warc.py.


# --- bad files ----------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("name", "content", "kind"),
    [
        ("nul.txt", b"date 2023-01-01 T\nbody\x00\x01\x02", "binary"),
        ("zero.txt", b"", "empty"),
        ("blank.txt", b"  \n\n \n", "empty"),
        ("latin.txt", "date 2023-01-01 Café\nCafé Marsh".encode("latin-1"), "encoding"),
        ("zero.jsonl", b"", "empty"),
        ("nul.html", b"<html>\x00</html>", "binary"),
    ],
)
def test_bad_files(tmp_path: Path, name: str, content: bytes, kind: str) -> None:
    path = write(tmp_path, name, content)
    err = error_of(path)
    assert (err.where, err.kind) == (str(path), kind)
    assert err.reason


def test_too_large(tmp_path: Path) -> None:
    path = write(tmp_path, "big.txt", "date 2023-01-01 Big\n" + "Ida Marsh spoke.\n" * 100)
    err = error_of(path, max_bytes=200)
    assert err.kind == "too_large"
    assert "200" in err.reason
    assert read_all([path]).read == 1  # the default limit is far above


def test_missing_path(tmp_path: Path) -> None:
    err = error_of(tmp_path / "nowhere.txt")
    assert err.kind == "missing"
    assert err.where == str(tmp_path / "nowhere.txt")


# --- batches, folders, stdin --------------------------------------------------------------


def test_batch_goes_on_past_bad_files(tmp_path: Path) -> None:
    bad = write(tmp_path, "bad.txt", b"\x00\x00")
    good = write(tmp_path, "good.txt", "date 2023-06-01 Good\nBram Ostrow spoke.")
    items = list(iter_articles([bad, tmp_path / "gone.txt", good, DATA / "fenwick.txt"]))
    assert [type(i).__name__ for i in items] == ["ReadError", "ReadError", "Article", "Article"]
    assert items[2].source == str(good)  # type: ignore[union-attr]


def test_folder_is_recursive_sorted_and_skips_hidden(tmp_path: Path) -> None:
    write(tmp_path, "b.txt", "date 2023-01-02 B\nBody b.")
    write(tmp_path, "sub/a.jsonl", '{"id": "a1", "title": "A", "body": "Body a."}\n')
    write(tmp_path, "a.html", "<html><body><p>Body of the page about Ida Marsh and the harbour.</p></body></html>")
    write(tmp_path, "notes.md", "not an article")
    write(tmp_path, ".secret.txt", "date 2023-01-01 Hidden\nnever read")
    write(tmp_path, ".cache/c.txt", "date 2023-01-01 Hidden\nnever read")
    result = read_all([tmp_path])
    assert [a.source for a in result.articles] == [
        str(tmp_path / "a.html"),
        str(tmp_path / "b.txt"),
        f"{tmp_path / 'sub' / 'a.jsonl'}:1",
    ]
    assert [(e.where, e.kind) for e in result.errors] == [(str(tmp_path / "notes.md"), "unsupported")]
    assert (result.read, result.skipped, result.failed) == (3, 1, 0)


def test_file_reached_twice_is_read_once(tmp_path: Path) -> None:
    path = write(tmp_path, "one.txt", "date 2023-01-02 One\nBody.")
    assert read_all([path, tmp_path, path]).read == 1


def test_explicit_file_with_other_extension_is_read_by_content(tmp_path: Path) -> None:
    text = write(tmp_path, "story.md", "date 2023-07-07 Marked Down\nIda Marsh wrote it.")
    lines = write(tmp_path, "dump.json", '{"id": "j1", "title": "J", "body": "Line body."}\n')
    first, second = read_all([text, lines]).articles
    assert (first.title, first.published) == ("Marked Down", "2023-07-07")
    assert (second.title, second.id) == ("J", "j1")


def test_summary_counts_and_reasons(tmp_path: Path) -> None:
    write(tmp_path, "a.txt", "date 2023-01-02 A\nBody.")
    write(tmp_path, "b.txt", b"")
    write(tmp_path, "c.jsonl", 'nope\n{"title": "T", "body": "B", "date": "2023-99-01"}\n')
    write(tmp_path, "d.csv", "x,y")
    result = read_all([tmp_path])
    articles, errors = result  # unpacks like a pair
    assert len(articles) == 1 and len(errors) == 4
    assert result.summary() == "read 1, skipped 1, failed 3 (date 1, empty 1, json 1)"
    assert sorted(result.by_kind()) == ["date", "empty", "json", "unsupported"]
    assert result.by_kind()["json"][0].startswith(f"{tmp_path / 'c.jsonl'}:1: not JSON")


def test_stdin_text_form(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(sys, "stdin", io.StringIO("date 2023-08-08 From Stdin\nOrla Fenwick spoke.\n"))
    (article,) = list(iter_articles(["-"]))
    assert isinstance(article, Article)
    assert (article.title, article.published, article.body) == ("From Stdin", "2023-08-08", "Orla Fenwick spoke.")
    assert article.source == "<stdin>"


def test_stdin_jsonl(monkeypatch: pytest.MonkeyPatch) -> None:
    lines = '\n  {"id": "s1", "title": "S", "body": "One."}\nbroken\n{"id": "s2", "title": "S2", "body": "Two."}\n'
    monkeypatch.setattr(sys, "stdin", io.StringIO(lines))
    items = list(iter_articles(["-"]))
    assert [getattr(i, "id", None) for i in items] == ["s1", None, "s2"]
    assert isinstance(items[1], ReadError) and items[1].where == "<stdin>:3"


def test_stdin_bytes_are_checked(monkeypatch: pytest.MonkeyPatch) -> None:
    class BinaryStdin(io.StringIO):
        buffer = io.BytesIO(b"date 2023-01-01 T\n\xff\xfe body")

    monkeypatch.setattr(sys, "stdin", BinaryStdin())
    (err,) = list(iter_articles(["-"]))
    assert isinstance(err, ReadError) and err.kind == "encoding" and err.where == "<stdin>"


# --- the real seed article ----------------------------------------------------------------


@pytest.mark.shared
@pytest.mark.skipif(not SEED.exists(), reason="../shared/seed is not present")
def test_seed_article() -> None:
    article = read_text(SEED)
    gold = json.loads(SEED.with_name(SEED.stem + ".gold.json").read_text(encoding="utf-8"))["article"]
    assert article.published == gold["published"]
    assert article.title == gold["title"]
    assert not article.title.startswith(" ")
    paragraphs = article.body.split("\n")
    assert len(paragraphs) >= 6
    assert all(p.strip() for p in paragraphs)
    assert not article.body.endswith("\n")
    assert read_text(SEED).id == article.id
