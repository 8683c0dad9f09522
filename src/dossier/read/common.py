"""Shared checks for every reader: size, bytes to text, dates, newlines, article ids."""

from __future__ import annotations

import errno
import os
import re
import stat
from collections.abc import Iterable, Iterator
from datetime import date
from pathlib import Path

from dossier.errors import ReadError
from dossier.graph import Article

DEFAULT_MAX_BYTES = 10 * 1024 * 1024
# Publication dates outside this range are typing mistakes or placeholders, and
# relative times computed from them ("next year" from 9999-12-31) would overflow.
MIN_YEAR, MAX_YEAR = 1800, 2200
CHUNK = 1 << 16
# One article's text, well below spaCy's 1,000,000-character limit (and its memory at that size);
# a news article is rarely a tenth of it.
MAX_ARTICLE_CHARS = 200_000

_ISO_DATE = re.compile(r"([0-9]{4})-([0-9]{1,2})-([0-9]{1,2})(?=$|[T ])", re.ASCII)
_SURROGATE = re.compile("[\ud800-\udfff]")
_META_CHARSET = re.compile(rb"""<meta[^>]+charset\s*=\s*["']?([A-Za-z0-9_.:-]+)""", re.IGNORECASE)


def display(path: str | Path) -> str:
    """A path as text that can be stored and printed: undecodable bytes become ``\\xNN``."""
    name = os.fspath(path)
    if not _SURROGATE.search(name):
        return name
    try:
        raw = name.encode("utf-8", "surrogateescape")  # the file name's own bytes
    except UnicodeEncodeError:
        raw = name.encode("utf-8", "backslashreplace")
    return raw.decode("utf-8", "backslashreplace")


def file_kind(mode: int) -> str:
    """A plain word for a non-regular file's type (FIFO, socket, device...)."""
    for test, word in ((stat.S_ISFIFO, "a FIFO"), (stat.S_ISSOCK, "a socket"), (stat.S_ISCHR, "a character device"),
                       (stat.S_ISBLK, "a block device"), (stat.S_ISDIR, "a folder")):
        if test(mode):
            return word
    return "not a regular file"


def check_regular(path: Path) -> None:
    """Raise ``ReadError`` unless ``path`` is a regular file (following links), without opening it."""
    where = display(path)
    try:
        mode = path.stat().st_mode
    except FileNotFoundError as err:
        reason = "broken symlink" if path.is_symlink() else "no such file or folder"
        raise ReadError(where, reason, "missing") from err
    except OSError as err:
        reason = "symlink loop; not read" if err.errno == errno.ELOOP else f"cannot read: {err.strerror or err}"
        raise ReadError(where, reason, "invalid") from err
    if not stat.S_ISREG(mode):
        raise ReadError(where, f"{file_kind(mode)}, not a regular file; not read", "special")


def open_file(path: Path) -> int:
    """An open descriptor of the regular file ``path``; opening a FIFO never blocks."""
    check_regular(path)
    try:
        fd = os.open(path, os.O_RDONLY | getattr(os, "O_NONBLOCK", 0))
    except OSError as err:
        raise ReadError(display(path), f"cannot read: {err.strerror or err}", "invalid") from err
    if not stat.S_ISREG(os.fstat(fd).st_mode):  # replaced between the check and the open
        os.close(fd)
        raise ReadError(display(path), "not a regular file; not read", "special")
    if hasattr(os, "set_blocking"):
        os.set_blocking(fd, True)
    return fd


def read_bytes(path: Path, max_bytes: int = DEFAULT_MAX_BYTES) -> bytes:
    """The raw content of ``path``, refusing missing, non-regular and oversized files."""
    fd = open_file(path)
    where = display(path)
    try:
        with os.fdopen(fd, "rb") as stream:
            raw = stream.read(max_bytes + 1)
    except OSError as err:
        raise ReadError(where, f"cannot read: {err.strerror or err}", "invalid") from err
    if len(raw) > max_bytes:
        raise ReadError(where, f"file is over the limit of {max_bytes} bytes for one article", "too_large")
    return raw


def file_chunks(path: Path) -> Iterator[bytes]:
    """The bytes of ``path`` in chunks; the file is checked and opened before the first chunk is asked for."""
    stream = os.fdopen(open_file(path), "rb")

    def chunks() -> Iterator[bytes]:
        with stream:
            while chunk := stream.read(CHUNK):
                yield chunk

    return chunks()


def split_lines(chunks: Iterable[bytes], max_bytes: int) -> Iterator[tuple[int, bytes | None]]:
    """``(line number, bytes)`` for each line of a byte stream, holding one line at a time.

    Lines end at ``\n``, ``\r\n`` or a lone ``\r`` (raw CR can't occur inside a JSON
    string, so this is safe for JSON Lines). A line over ``max_bytes`` comes out as
    ``(number, None)`` and is skipped without being kept in memory.
    """
    number = 0
    buffer = bytearray()
    too_long = False
    for chunk in chunks:
        start = 0
        while True:
            end = chunk.find(b"\n", start)
            if end < 0:
                if not too_long:
                    buffer += chunk[start:]
                    if len(buffer) > max_bytes + 1:
                        too_long = True
                        buffer.clear()
                break
            if too_long:
                number += 1
                yield number, None
                too_long = False
            else:
                buffer += chunk[start:end]
                for piece in _cr_split(bytes(buffer), max_bytes):
                    number += 1
                    yield number, piece
            buffer.clear()
            start = end + 1
    if too_long:
        yield number + 1, None
    elif buffer:
        for piece in _cr_split(bytes(buffer), max_bytes):
            number += 1
            yield number, piece


def _cr_split(line: bytes, max_bytes: int) -> list[bytes | None]:
    if line.endswith(b"\r"):
        line = line[:-1]
    pieces = line.split(b"\r") if b"\r" in line else [line]
    return [None if len(p) > max_bytes else p for p in pieces]


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
    """The ``YYYY-MM-DD`` date at the start of ``value`` (a full ISO datetime is cut to its date).

    Digits must be ASCII and the year within ``MIN_YEAR``..``MAX_YEAR``; anything else
    raises ``ReadError`` (kind ``date``) naming ``where``.
    """
    text = value.strip()
    head = text[:10]
    if any(ch.isdigit() and not ch.isascii() for ch in head):
        raise ReadError(where, f"{_shown(value)} is not a valid date: use ASCII digits (YYYY-MM-DD)", "date")
    match = _ISO_DATE.match(text)
    if match:
        try:
            day = date(*(int(g) for g in match.groups()))
        except ValueError:
            pass
        else:
            if not MIN_YEAR <= day.year <= MAX_YEAR:
                raise ReadError(
                    where, f"{_shown(value)} is outside the accepted years {MIN_YEAR}-{MAX_YEAR}", "date"
                )
            return day.isoformat()
    raise ReadError(where, f"{_shown(value)} is not a valid date (expected YYYY-MM-DD)", "date")


def _shown(value: str, limit: int = 40) -> str:
    return repr(value if len(value) <= limit else value[:limit] + "…")


def check_text(value: str, field: str, where: str) -> str:
    """``value`` unless it holds a lone surrogate (from a ``\\udXXX`` escape), which can't be stored."""
    bad = _SURROGATE.search(value)
    if bad:
        raise ReadError(
            where, f"field {field!r} holds a lone surrogate escape (\\u{ord(bad.group()):04x}); not valid text",
            "encoding",
        )
    return value


def check_length(title: str, body: str, where: str) -> None:
    """Raise ``ReadError`` (kind ``too_large``) for an article over ``MAX_ARTICLE_CHARS``."""
    size = len(title) + len(body)
    if size > MAX_ARTICLE_CHARS:
        raise ReadError(
            display(where),
            f"article is {size:,} characters, over the limit of {MAX_ARTICLE_CHARS:,} for one article; split it",
            "too_large",
        )


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
    check_length(title, body, where)
    return Article(
        id=article_id or Article.content_id(title, body, published),
        title=title,
        body=body,
        published=published,
        outlet=outlet or None,
        url=url or None,
        source=display(where),
    )
