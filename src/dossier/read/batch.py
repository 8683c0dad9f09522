"""Many inputs at once: files, folders and stdin, in order, one bad input never stopping the rest."""

from __future__ import annotations

import errno
import os
import sys
from collections import Counter
from collections.abc import Callable, Iterable, Iterator
from itertools import chain
from pathlib import Path
from typing import NamedTuple

from dossier.errors import ReadError
from dossier.graph import Article
from dossier.read.common import CHUNK, DEFAULT_MAX_BYTES, check_regular, decode, display, file_chunks
from dossier.read.html import parse_html, read_html
from dossier.read.jsonl import parse_jsonl_bytes, read_jsonl
from dossier.read.text import parse_text, read_text
from dossier.read.warc import read_warc

STDIN = "-"
STDIN_NAME = "<stdin>"
# Kinds of error that mean "passed over on purpose" rather than "could not be read".
SKIPPED_KINDS = frozenset({"unsupported", "special", "link"})
Reader = Callable[[Path, int], "Article | Iterator[Article | ReadError]"]
READERS: dict[str, Reader] = {
    ".txt": read_text,
    ".jsonl": read_jsonl,
    ".ndjson": read_jsonl,
    ".html": read_html,
    ".htm": read_html,
    ".warc": read_warc,
    ".warc.gz": read_warc,
}


class ReadResult(NamedTuple):
    """Everything read from a batch; unpacks as ``articles, errors = read_all(paths)``."""

    articles: list[Article]
    errors: list[ReadError]

    @property
    def read(self) -> int:
        """Articles read."""
        return len(self.articles)

    @property
    def skipped(self) -> int:
        """Inputs passed over: files of types dossier doesn't read, FIFOs and devices, links not followed."""
        return sum(err.kind in SKIPPED_KINDS for err in self.errors)

    @property
    def failed(self) -> int:
        """Inputs (files, lines or records) that could not be read."""
        return len(self.errors) - self.skipped

    def by_kind(self) -> dict[str, list[str]]:
        """Error messages (``where: reason``) grouped by kind."""
        out: dict[str, list[str]] = {}
        for err in self.errors:
            out.setdefault(err.kind, []).append(f"{err.where}: {err.reason}")
        return out

    def summary(self) -> str:
        """One line for people, e.g. ``read 3, skipped 1, failed 2 (empty 1, json 1)``."""
        line = f"read {self.read}, skipped {self.skipped}, failed {self.failed}"
        kinds = Counter(err.kind for err in self.errors if err.kind not in SKIPPED_KINDS)
        if kinds:
            line += " (" + ", ".join(f"{kind} {n}" for kind, n in sorted(kinds.items())) + ")"
        return line


def reader_for(path: Path) -> Reader | None:
    """The reader for a file name's extension, or None."""
    name = path.name.lower()
    for suffix in sorted(READERS, key=len, reverse=True):
        if name.endswith(suffix):
            return READERS[suffix]
    return None


def parse_detected(text: str, where: str, max_bytes: int = DEFAULT_MAX_BYTES) -> Iterator[Article | ReadError]:
    """Articles from text of unknown form: JSONL if it starts with ``{``, HTML with ``<``, else the text form."""
    head = text.lstrip("\ufeff \t\r\n")[:1]
    try:
        if head == "{":
            yield from parse_jsonl_bytes([text.encode("utf-8", "surrogatepass")], where, max_bytes)
        elif head == "<":
            yield parse_html(text, where)
        else:
            yield parse_text(text, where)
    except ReadError as err:
        yield err


def iter_articles(
    paths: Iterable[str | Path], max_bytes: int = DEFAULT_MAX_BYTES, follow_links: bool = False
) -> Iterator[Article | ReadError]:
    """Read each path in order, yielding an ``Article`` or a ``ReadError`` for every input.

    A folder is read recursively in sorted order, one file at a time; hidden files and
    folders are ignored, files of other types are reported with kind ``unsupported``,
    FIFOs, sockets and devices with kind ``special``, and unreadable folders with kind
    ``unreadable``. Symlinks inside a folder that lead out of it are reported with kind
    ``link`` and not followed unless ``follow_links`` (which also follows linked
    folders). A file named explicitly is always read, by content when its extension is
    unknown (see ``parse_detected``); ``-`` reads stdin the same way. A file reached
    twice is read once. ``max_bytes`` limits one article (a JSONL line, a WARC record).
    """
    seen: set[Path] = set()
    for given in paths:
        if str(given) == STDIN:
            yield from _read_stdin(max_bytes)
            continue
        path = Path(given)
        if path.is_dir():
            files: Iterable[Path | ReadError] = _walk(path, follow_links)
            detect = False
        elif path.exists() or path.is_symlink():
            files, detect = [path], True
        else:
            yield ReadError(display(path), "no such file or folder", "missing")
            continue
        for file in files:
            if isinstance(file, ReadError):
                yield file
                continue
            try:
                check_regular(file)
                key = _resolved(file)
            except ReadError as err:
                yield err
                continue
            if key in seen:
                continue
            seen.add(key)
            reader = reader_for(file) or (_read_detected if detect else None)
            if reader is None:
                kind = file.suffix or "(no extension)"
                yield ReadError(display(file), f"unsupported file type {display(kind)!r}", "unsupported")
                continue
            yield from _read_one(file, reader, max_bytes)


def read_all(
    paths: Iterable[str | Path], max_bytes: int = DEFAULT_MAX_BYTES, follow_links: bool = False
) -> ReadResult:
    """Read every path; articles and errors (with counts and reasons) in one ``ReadResult``."""
    result = ReadResult([], [])
    for item in iter_articles(paths, max_bytes, follow_links):
        if isinstance(item, ReadError):
            result.errors.append(item)
        else:
            result.articles.append(item)
    return result


def _resolved(path: Path) -> Path:
    try:
        return path.resolve(strict=True)
    except RuntimeError as err:  # Python 3.11 reports a symlink loop this way
        raise ReadError(display(path), "symlink loop; not read", "invalid") from err
    except OSError as err:
        reason = "symlink loop; not read" if err.errno == errno.ELOOP else f"cannot read: {err.strerror or err}"
        raise ReadError(display(path), reason, "invalid") from err


def _read_one(file: Path, reader: Reader, max_bytes: int) -> Iterator[Article | ReadError]:
    try:
        out = reader(file, max_bytes)
        if isinstance(out, Article):
            yield out
        else:
            yield from out
    except ReadError as err:
        yield err
    except Exception as err:  # a bug or a library failure in one file must not end the batch
        yield ReadError(display(file), f"unexpected {type(err).__name__}: {err}", "invalid")


def _read_detected(path: Path, max_bytes: int) -> Iterator[Article | ReadError]:
    return _detect_stream(file_chunks(path), display(path), max_bytes)


def _read_stdin(max_bytes: int) -> Iterator[Article | ReadError]:
    stream = sys.stdin
    # Prefer the byte stream so encoding and NUL checks see what was really sent.
    buffer = getattr(stream, "buffer", None)
    if buffer is not None:
        chunks: Iterator[bytes] = iter(lambda: buffer.read(CHUNK), b"")
    else:
        chunks = (text.encode("utf-8", "replace") for text in iter(lambda: stream.read(CHUNK), ""))
    yield from _detect_stream(chunks, STDIN_NAME, max_bytes)


def _detect_stream(chunks: Iterator[bytes], where: str, max_bytes: int) -> Iterator[Article | ReadError]:
    """JSONL (first character ``{``) is streamed a line at a time; other forms are one article, read whole."""
    head = b""
    for chunk in chunks:
        head += chunk
        if head.lstrip(b"\xef\xbb\xbf \t\r\n") or len(head) > max_bytes:
            break
    if head.lstrip(b"\xef\xbb\xbf \t\r\n")[:1] == b"{":
        yield from parse_jsonl_bytes(chain([head], chunks), where, max_bytes)
        return
    raw = bytearray(head)
    for chunk in chunks:
        if len(raw) > max_bytes:
            break
        raw += chunk
    if len(raw) > max_bytes:
        yield ReadError(where, f"input is over the limit of {max_bytes} bytes for one article", "too_large")
        return
    try:
        text = decode(bytes(raw), where, html=raw.lstrip()[:1] == b"<")
    except ReadError as err:
        yield err
        return
    yield from parse_detected(text, where, max_bytes)


def _walk(folder: Path, follow_links: bool, root: Path | None = None,
          entered: set[Path] | None = None) -> Iterator[Path | ReadError]:
    """Files under ``folder`` in sorted order, one folder listing in memory at a time."""
    if root is None:
        root = folder.resolve()
        entered = {root}
    assert entered is not None
    try:
        with os.scandir(folder) as listing:
            entries = sorted(listing, key=lambda e: e.name)
    except OSError as err:
        yield ReadError(display(folder), f"folder not read: {err.strerror or err}", "unreadable")
        return
    for entry in entries:
        if entry.name.startswith("."):
            continue
        path = Path(entry.path)
        if not entry.is_symlink():
            if entry.is_dir(follow_symlinks=False):
                yield from _walk(path, follow_links, root, entered)
            else:
                yield path
            continue
        try:
            target = _resolved(path)
        except ReadError as err:
            if os.path.lexists(path) and not os.path.exists(path) and "loop" not in err.reason:
                err = ReadError(err.where, "broken symlink", "missing")
            yield err
            continue
        inside = target == root or root in target.parents
        if not inside and not follow_links:
            yield ReadError(
                display(path),
                f"symlink to {display(target)}, outside {display(root)}; not followed (use --follow-links)",
                "link",
            )
        elif target.is_dir():
            # a linked folder inside the tree is read where it is; outside it, only when asked
            if follow_links and target not in entered:
                entered.add(target)
                yield from _walk(path, follow_links, root, entered)
        else:
            yield path
