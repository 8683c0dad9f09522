"""Shared checks for every reader: size, bytes to text, dates, newlines, article ids."""

from __future__ import annotations

import re
from datetime import date
from pathlib import Path

from dossier.errors import ReadError
from dossier.graph import Article

DEFAULT_MAX_BYTES = 10 * 1024 * 1024

_ISO_DATE = re.compile(r"(\d{4})-(\d{1,2})-(\d{1,2})(?=$|[T ])")
_META_CHARSET = re.compile(rb"""<meta[^>]+charset\s*=\s*["']?([A-Za-z0-9_.:-]+)""", re.IGNORECASE)


def read_bytes(path: Path, max_bytes: int = DEFAULT_MAX_BYTES) -> bytes:
    """The raw content of ``path``, refusing missing, non-regular and oversized files."""
    where = str(path)
    if not path.exists():
        raise ReadError(where, "no such file or folder", "missing")
    if not path.is_file():
        raise ReadError(where, "not a regular file", "unsupported")
    size = path.stat().st_size
    if size > max_bytes:
        raise ReadError(where, f"file is {size} bytes, over the limit of {max_bytes}", "too_large")
    try:
        return path.read_bytes()
    except OSError as err:
        raise ReadError(where, f"cannot read: {err.strerror or err}", "invalid") from err


def decode(raw: bytes, where: str, html: bool = False) -> str:
    """Bytes to text: UTF-8 (a BOM is dropped), or the page's declared charset for HTML.

    Raises ``ReadError`` for empty input, binary content (NUL bytes) and bytes that
    are not valid in the encoding, rather than guessing and mangling names.
    """
    if not raw.strip():
        raise ReadError(where, "input is empty", "empty")
    if b"\x00" in raw:
        raise ReadError(where, "binary content (NUL bytes); expected text", "binary")
    try:
        return raw.decode("utf-8-sig")
    except UnicodeDecodeError as err:
        utf8_error = err
    if html:
        declared = _META_CHARSET.search(raw[:4096])
        if declared:
            try:
                return raw.decode(declared.group(1).decode("ascii"))
            except (LookupError, UnicodeDecodeError):
                pass
    raise ReadError(
        where, f"not valid UTF-8 (bad byte at offset {utf8_error.start}); re-save the file as UTF-8", "encoding"
    )


def normalise_newlines(text: str) -> str:
    """``\\r\\n`` and lone ``\\r`` become ``\\n`` so offsets agree across platforms."""
    return text.replace("\r\n", "\n").replace("\r", "\n")


def parse_date(value: str, where: str) -> str:
    """The ``YYYY-MM-DD`` date at the start of ``value`` (a full ISO datetime is cut to its date)."""
    match = _ISO_DATE.match(value.strip())
    if match:
        try:
            return date(*(int(g) for g in match.groups())).isoformat()
        except ValueError:
            pass
    raise ReadError(where, f"{value!r} is not a valid date (expected YYYY-MM-DD)", "date")


def make_article(
    *,
    title: str,
    body: str,
    where: str,
    published: str | None = None,
    outlet: str | None = None,
    url: str | None = None,
    article_id: str | None = None,
) -> Article:
    """An ``Article`` with a content id unless one is given; an empty body is an error."""
    if not body.strip():
        raise ReadError(where, "article has no body text", "empty")
    return Article(
        id=article_id or Article.content_id(title, body, published),
        title=title,
        body=body,
        published=published,
        outlet=outlet or None,
        url=url or None,
        source=where,
    )
