"""JSON Lines: one article object a line, ``{id, published, title, body, outlet, url}``."""

from __future__ import annotations

import json
from collections.abc import Iterable, Iterator
from pathlib import Path
from typing import Any

from dossier.errors import ReadError
from dossier.graph import Article
from dossier.read.common import (
    DEFAULT_MAX_BYTES,
    check_text,
    display,
    file_chunks,
    make_article,
    normalise_newlines,
    parse_date,
    split_lines,
)

# Accepted spellings of each field, first match wins.
_ALIASES: dict[str, tuple[str, ...]] = {
    "id": ("id",),
    "title": ("title",),
    "body": ("body", "text"),
    "published": ("published", "date"),
    "outlet": ("outlet",),
    "url": ("url",),
}


def _field(obj: dict[str, Any], name: str, where: str) -> str | None:
    for key in _ALIASES[name]:
        value = obj.get(key)
        if value is None:
            continue
        if name == "id" and isinstance(value, int) and not isinstance(value, bool):
            return str(value)
        if not isinstance(value, str):
            raise ReadError(where, f"field {key!r} must be a string, not {type(value).__name__}", "invalid")
        return check_text(value, key, where)
    return None


def parse_record(obj: Any, where: str) -> Article:
    """One article from a decoded JSON value; raises ``ReadError`` naming ``where``."""
    if not isinstance(obj, dict):
        raise ReadError(where, f"expected a JSON object, got {type(obj).__name__}", "invalid")
    body = _field(obj, "body", where)
    if body is None:
        raise ReadError(where, "missing 'body' (or 'text')", "invalid")
    published = _field(obj, "published", where)
    return make_article(
        title=(_field(obj, "title", where) or "").strip(),
        body=normalise_newlines(body),
        published=parse_date(published, where) if published else None,
        outlet=_field(obj, "outlet", where),
        url=_field(obj, "url", where),
        article_id=_field(obj, "id", where),
        where=where,
    )


def parse_jsonl(lines: Iterable[str], where: str) -> Iterator[Article | ReadError]:
    """Articles from JSON lines; a bad line yields a ``ReadError`` at ``where:line`` and the rest go on."""
    for number, line in enumerate(lines, start=1):
        if number == 1:
            line = line.removeprefix("\ufeff")
        if line.strip():
            yield _parse_line(line, f"{where}:{number}")


def parse_jsonl_bytes(
    chunks: Iterable[bytes], where: str, max_bytes: int = DEFAULT_MAX_BYTES
) -> Iterator[Article | ReadError]:
    """Articles from a stream of JSON Lines bytes, one line in memory at a time.

    Each line is decoded on its own (UTF-8, a BOM allowed on the first), so a bad byte,
    a NUL or an over-long line is an error for that line only. A stream with no
    records at all is one ``empty`` error.
    """
    records = 0
    for number, raw in split_lines(chunks, max_bytes):
        at = f"{where}:{number}"
        if raw is None:
            records += 1
            yield ReadError(at, f"line is over the limit of {max_bytes} bytes for one article", "too_large")
            continue
        if number == 1:
            raw = raw.removeprefix(b"\xef\xbb\xbf")
        if not raw.strip():
            continue
        records += 1
        if b"\x00" in raw:
            yield ReadError(at, "binary content (NUL bytes); expected text", "binary")
            continue
        try:
            line = raw.decode("utf-8")
        except UnicodeDecodeError as err:
            yield ReadError(at, f"not valid UTF-8 (bad byte at column {err.start + 1})", "encoding")
            continue
        yield _parse_line(line, at)
    if not records:
        yield ReadError(where, "input is empty (no JSON lines)", "empty")


def _parse_line(line: str, at: str) -> Article | ReadError:
    try:
        try:
            obj = json.loads(line)
        except json.JSONDecodeError as err:
            raise ReadError(at, f"not JSON ({err.msg} at column {err.colno})", "json") from err
        except RecursionError as err:
            raise ReadError(at, "not read: JSON nested too deeply", "json") from err
        except ValueError as err:  # e.g. an integer literal over Python's 4,300-digit limit
            raise ReadError(at, f"not read: {err}", "json") from err
        return parse_record(obj, at)
    except ReadError as err:
        return err


def read_jsonl(path: str | Path, max_bytes: int = DEFAULT_MAX_BYTES) -> Iterator[Article | ReadError]:
    """Read a ``.jsonl`` file line by line: a file that can't be opened raises ``ReadError`` now; bad lines are yielded.

    ``max_bytes`` limits each line (one article), not the file.
    """
    path = Path(path)
    return parse_jsonl_bytes(file_chunks(path), display(path), max_bytes)
