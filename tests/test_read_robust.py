"""Readers under hostile input: every bad record is one ReadError naming file and line, and the rest go on."""

from __future__ import annotations

import json
import os
from pathlib import Path

import pytest

from dossier.errors import ReadError
from dossier.graph import Article
from dossier.read import MAX_YEAR, MIN_YEAR, iter_articles, read_all
from dossier.read.common import parse_date

GOOD = {"title": "Harbor vote", "body": "Councillor Ines Varga voted for the harbor plan.", "published": "2024-05-01"}


def good(n: int) -> str:
    return json.dumps({**GOOD, "id": f"a{n}", "body": f"{GOOD['body']} Item {n}."})


def write_lines(path: Path, *lines: str | bytes, end: bytes = b"\n") -> Path:
    parts = [line if isinstance(line, bytes) else line.encode("utf-8") for line in lines]
    path.write_bytes(end.join(parts) + end)
    return path


def ids(items: list) -> list[str]:
    return [item.id for item in items if isinstance(item, Article)]


def errors(items: list) -> list[ReadError]:
    return [item for item in items if isinstance(item, ReadError)]


# --- JSONL: one bad line never loses the others -------------------------------------------------

BAD_LINES = {
    "lone surrogate in the body": ('{"id": "s", "body": "Mara said \\ud800 then."}', "encoding"),
    "lone surrogate in the id": ('{"id": "\\udfff", "body": "Mara spoke."}', "encoding"),
    "integer over 4,300 digits": ('{"id": "n", "body": "x", "count": ' + "9" * 5000 + "}", "json"),
    "1,000 levels of nesting": ('{"id": "d", "body": "x", "deep": ' + "[" * 1000 + "]" * 1000 + "}", "json"),
    "100,000 levels of nesting": ('{"body": "x", "deep": ' + "[" * 100_000 + "]" * 100_000 + "}", "json"),
    "NUL byte": (b'{"id": "z", "body": "a\x00b"}', "binary"),
    "bad UTF-8": (b'{"id": "u", "body": "caf\xe9"}', "encoding"),
    "date in another script's digits": ('{"body": "x", "published": "\u0662\u0660\u0662\u0664-01-05"}', "date"),
    "year 9999": ('{"body": "x", "published": "9999-12-31"}', "date"),
    "year 0001": ('{"body": "x", "published": "0001-01-01"}', "date"),
}


@pytest.mark.parametrize("case", sorted(BAD_LINES))
def test_a_bad_jsonl_line_is_one_error_at_its_line_and_later_lines_are_read(tmp_path: Path, case: str) -> None:
    line, kind = BAD_LINES[case]
    path = write_lines(tmp_path / "feed.jsonl", good(1), line, good(3), good(4))
    items = list(iter_articles([path]))
    assert ids(items) == ["a1", "a3", "a4"]
    (err,) = errors(items)
    assert err.where == f"{path}:2"
    assert err.kind == kind


def test_bad_lines_do_not_abort_the_rest_of_the_batch(tmp_path: Path) -> None:
    feed = write_lines(tmp_path / "a.jsonl", '{"id": "s", "body": "\\ud800"}', good(2))
    other = tmp_path / "b.txt"
    other.write_text("date 2024-05-02 Other\nPell Auden spoke.\n")
    result = read_all([feed, other])
    assert [a.title for a in result.articles] == ["Harbor vote", "Other"]
    assert result.failed == 1


def test_a_bom_only_jsonl_is_an_empty_error(tmp_path: Path) -> None:
    path = tmp_path / "bom.jsonl"
    path.write_bytes(b"\xef\xbb\xbf")
    (err,) = list(iter_articles([path]))
    assert isinstance(err, ReadError)
    assert (err.where, err.kind) == (str(path), "empty")


def test_a_bom_before_the_first_record_is_fine(tmp_path: Path) -> None:
    path = tmp_path / "bom.jsonl"
    path.write_bytes(b"\xef\xbb\xbf" + good(1).encode() + b"\n")
    assert ids(list(iter_articles([path]))) == ["a1"]


@pytest.mark.parametrize("end", [b"\n", b"\r\n", b"\r"])
def test_line_endings_of_every_kind_count_lines_the_same(tmp_path: Path, end: bytes) -> None:
    path = write_lines(tmp_path / "feed.jsonl", good(1), "not json", good(3), end=end)
    items = list(iter_articles([path]))
    assert ids(items) == ["a1", "a3"]
    assert errors(items)[0].where == f"{path}:2"


def test_mixed_line_endings_in_one_file(tmp_path: Path) -> None:
    path = tmp_path / "mixed.jsonl"
    path.write_bytes(f"{good(1)}\r\n{good(2)}\r{good(3)}\n\n{good(5)}".encode())
    items = list(iter_articles([path]))
    assert ids(items) == ["a1", "a2", "a3", "a5"]
    assert not errors(items)


def test_an_enormous_line_is_refused_alone(tmp_path: Path) -> None:
    path = write_lines(tmp_path / "feed.jsonl", good(1), json.dumps({"body": "y" * 5000}), good(3))
    items = list(iter_articles([path], max_bytes=1000))
    assert ids(items) == ["a1", "a3"]
    (err,) = errors(items)
    assert (err.where, err.kind) == (f"{path}:2", "too_large")


def test_the_size_limit_is_per_record_not_per_file(tmp_path: Path) -> None:
    path = write_lines(tmp_path / "big.jsonl", *(good(n) for n in range(2000)))
    assert path.stat().st_size > 100_000
    items = list(iter_articles([path], max_bytes=1000))
    assert len(ids(items)) == 2000
    assert not errors(items)


def test_jsonl_is_read_lazily_one_line_at_a_time(tmp_path: Path) -> None:
    path = write_lines(tmp_path / "feed.jsonl", good(1), good(2))
    items = iter_articles([path])
    first = next(items)
    assert isinstance(first, Article)
    # the file is still open and can be appended to: later lines are read as they are reached
    with path.open("ab") as stream:
        stream.write(good(3).encode() + b"\n")
    assert ids(list(items)) == ["a2", "a3"]


# --- dates ----------------------------------------------------------------------------------------


@pytest.mark.parametrize("value", [f"{MIN_YEAR}-01-01", f"{MAX_YEAR}-12-31", "2024-02-29T10:00:00Z"])
def test_dates_in_the_accepted_range(value: str) -> None:
    assert parse_date(value, "f:1") == value[:10]


@pytest.mark.parametrize(
    ("value", "says"),
    [
        (f"{MIN_YEAR - 1}-12-31", "outside the accepted years"),
        (f"{MAX_YEAR + 1}-01-01", "outside the accepted years"),
        ("\u0662\u0660\u0662\u0664-01-05", "ASCII digits"),
        ("２０２４-01-05", "ASCII digits"),
        ("2024-13-01", "not a valid date"),
    ],
)
def test_dates_outside_the_range_or_in_other_digits_are_clear_errors(value: str, says: str) -> None:
    with pytest.raises(ReadError) as info:
        parse_date(value, "feed.jsonl:7")
    assert info.value.where == "feed.jsonl:7"
    assert info.value.kind == "date"
    assert says in info.value.reason


def test_a_text_file_dated_in_other_digits_names_its_first_line(tmp_path: Path) -> None:
    path = tmp_path / "a.txt"
    path.write_text("date \u0662\u0660\u0662\u0664-01-05 Title\nBody text.\n")
    (err,) = list(iter_articles([path]))
    assert isinstance(err, ReadError)
    assert (err.where, err.kind) == (f"{path}:1", "date")


# --- paths ----------------------------------------------------------------------------------------


def article_file(path: Path, text: str = "Ines Varga spoke.") -> Path:
    path.write_text(f"date 2024-05-01 {path.stem}\n{text}\n")
    return path


def test_a_symlink_loop_is_reported_and_the_folder_goes_on(tmp_path: Path) -> None:
    folder = tmp_path / "in"
    folder.mkdir()
    article_file(folder / "a.txt")
    (folder / "loop1.txt").symlink_to(folder / "loop2.txt")
    (folder / "loop2.txt").symlink_to(folder / "loop1.txt")
    article_file(folder / "z.txt")
    result = read_all([folder])
    assert [a.title for a in result.articles] == ["a", "z"]
    assert {e.where for e in result.errors} == {str(folder / "loop1.txt"), str(folder / "loop2.txt")}
    assert all("loop" in e.reason for e in result.errors)


def test_an_explicit_symlink_loop_is_an_error_not_a_crash(tmp_path: Path) -> None:
    (tmp_path / "x.txt").symlink_to(tmp_path / "y.txt")
    (tmp_path / "y.txt").symlink_to(tmp_path / "x.txt")
    (err,) = list(iter_articles([tmp_path / "x.txt"]))
    assert isinstance(err, ReadError)
    assert "loop" in err.reason


def test_an_unreadable_subfolder_is_reported(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    folder = tmp_path / "in"
    (folder / "locked").mkdir(parents=True)
    article_file(folder / "locked" / "hidden.txt")
    article_file(folder / "open.txt")
    real_scandir = os.scandir

    def scandir(path):  # tests run as root, where chmod 000 does not stop reading: refuse as the OS would
        if Path(path).name == "locked":
            raise PermissionError(13, "Permission denied", str(path))
        return real_scandir(path)

    monkeypatch.setattr(os, "scandir", scandir)
    result = read_all([folder])
    assert [a.title for a in result.articles] == ["open"]
    (err,) = result.errors
    assert (err.where, err.kind) == (str(folder / "locked"), "unreadable")
    assert "Permission denied" in err.reason
    assert result.failed == 1


def test_a_fifo_is_reported_as_such_without_blocking(tmp_path: Path) -> None:
    folder = tmp_path / "in"
    folder.mkdir()
    os.mkfifo(folder / "pipe.txt")
    article_file(folder / "a.txt")
    result = read_all([folder, folder / "pipe.txt"])
    assert [a.title for a in result.articles] == ["a"]
    assert [e.kind for e in result.errors] == ["special", "special"]
    assert "FIFO" in result.errors[0].reason
    assert result.skipped == 2
    assert "unsupported" not in result.by_kind()


def test_links_leaving_the_tree_are_not_followed_unless_asked(tmp_path: Path) -> None:
    outside = tmp_path / "outside"
    outside.mkdir()
    secret = article_file(outside / "secret.txt", "Private notes of Oren Tall.")
    (outside / "more").mkdir()
    article_file(outside / "more" / "deep.txt")
    folder = tmp_path / "in"
    folder.mkdir()
    article_file(folder / "a.txt")
    (folder / "leak.txt").symlink_to(secret)
    (folder / "linked").symlink_to(outside / "more")
    (folder / "inside.txt").symlink_to(folder / "a.txt")  # inside the tree: read once, under its real name

    default = read_all([folder])
    assert [a.title for a in default.articles] == ["a"]
    assert sorted(e.where for e in default.errors) == [str(folder / "leak.txt"), str(folder / "linked")]
    assert {e.kind for e in default.errors} == {"link"}
    assert all("--follow-links" in e.reason for e in default.errors)
    assert default.skipped == 2 and default.failed == 0

    followed = read_all([folder], follow_links=True)
    assert sorted(a.title for a in followed.articles) == ["a", "deep", "secret"]
    assert not followed.errors


def test_followed_folder_links_in_a_cycle_end(tmp_path: Path) -> None:
    folder = tmp_path / "in"
    (folder / "sub").mkdir(parents=True)
    article_file(folder / "sub" / "a.txt")
    (folder / "sub" / "up").symlink_to(folder)
    result = read_all([folder], follow_links=True)
    assert [a.title for a in result.articles] == ["a"]


def test_an_explicitly_named_link_is_read(tmp_path: Path) -> None:
    target = article_file(tmp_path / "real.txt")
    (tmp_path / "named.txt").symlink_to(target)
    assert [a.title for a in read_all([tmp_path / "named.txt"]).articles] == ["real"]


def test_an_undecodable_file_name_is_kept_printable(tmp_path: Path) -> None:
    folder = tmp_path / "in"
    folder.mkdir()
    raw = os.fsencode(folder) + b"/caf\xe9.txt"
    with open(raw, "wb") as stream:
        stream.write(b"date 2024-05-01 Cafe\nIlse Moran opened a cafe.\n")
    (article,) = read_all([folder]).articles
    assert article.source == f"{folder}/caf\\xe9.txt"
    article.source.encode("utf-8")  # storable and printable


# --- article length -------------------------------------------------------------------------------


def test_an_article_over_the_character_limit_is_refused_naming_its_line(tmp_path: Path) -> None:
    from dossier.read import MAX_ARTICLE_CHARS

    long = json.dumps({"body": "Ines Varga spoke. " * (MAX_ARTICLE_CHARS // 18 + 10)})
    path = write_lines(tmp_path / "feed.jsonl", good(1), long, good(3))
    items = list(iter_articles([path], max_bytes=10 * MAX_ARTICLE_CHARS))
    assert ids(items) == ["a1", "a3"]
    (err,) = errors(items)
    assert (err.where, err.kind) == (f"{path}:2", "too_large")
    assert "characters" in err.reason and "split it" in err.reason


def test_extraction_refuses_an_article_over_the_limit_before_parsing() -> None:
    from dossier.extraction import prepare_doc
    from dossier.read import MAX_ARTICLE_CHARS

    class NoModel:  # make_doc must not be reached
        def make_doc(self, text: str) -> None:
            raise AssertionError("tokenised an over-long article")

    article = Article(id="huge-1", title="Huge", body="x " * MAX_ARTICLE_CHARS)
    with pytest.raises(ReadError) as info:
        prepare_doc(article, NoModel())  # type: ignore[arg-type]
    assert info.value.where == "huge-1"
    assert info.value.kind == "too_large"


def test_stdin_jsonl_is_streamed_with_per_line_errors(monkeypatch: pytest.MonkeyPatch) -> None:
    import io
    import sys

    data = (good(1) + "\n" + '{"id": "s", "body": "\\ud800"}' + "\r\n" + good(3) + "\n").encode()
    monkeypatch.setattr(sys, "stdin", io.TextIOWrapper(io.BytesIO(data)))
    items = list(iter_articles(["-"]))
    assert ids(items) == ["a1", "a3"]
    assert [e.where for e in errors(items)] == ["<stdin>:2"]


def test_stdin_text_over_the_limit_is_refused(monkeypatch: pytest.MonkeyPatch) -> None:
    import io
    import sys

    monkeypatch.setattr(sys, "stdin", io.TextIOWrapper(io.BytesIO(b"Title\n" + b"word " * 1000)))
    (err,) = list(iter_articles(["-"], max_bytes=1000))
    assert isinstance(err, ReadError)
    assert err.kind == "too_large"
