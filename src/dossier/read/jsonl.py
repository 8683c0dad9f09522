"""JSON Lines: one article object a line, ``{id, published, title, body, outlet, url}``."""

from __future__ import annotations

import json
from collections.abc import Iterable, Iterator
from pathlib import Path
from typing import Any

from dossier.errors import ReadError
from dossier.graph import Article
from dossier.read.common import DEFAULT_MAX_BYTES, decode, make_article, normalise_newlines, parse_date, read_bytes

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
        return value
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
        if not line.strip():
            continue
        at = f"{where}:{number}"
        try:
            try:
                obj = json.loads(line)
            except json.JSONDecodeError as err:
                raise ReadError(at, f"not JSON ({err.msg} at column {err.colno})", "json") from err
            yield parse_record(obj, at)
        except ReadError as err:
            yield err


def read_jsonl(path: str | Path, max_bytes: int = DEFAULT_MAX_BYTES) -> Iterator[Article | ReadError]:
    """Read a ``.jsonl`` file: problems with the file raise ``ReadError`` now; bad lines are yielded."""
    path = Path(path)
    text = decode(read_bytes(path, max_bytes), str(path))
    # split on "\n" only: str.splitlines would also break on U+2028, which JSON strings may hold raw.
    return parse_jsonl(text.split("\n"), str(path))
