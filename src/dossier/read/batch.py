"""Many inputs at once: files, folders and stdin, in order, one bad input never stopping the rest."""

from __future__ import annotations

import os
import sys
from collections import Counter
from collections.abc import Callable, Iterable, Iterator
from pathlib import Path
from typing import NamedTuple

from dossier.errors import ReadError
from dossier.graph import Article
from dossier.read.common import DEFAULT_MAX_BYTES, decode, read_bytes
from dossier.read.html import parse_html, read_html
from dossier.read.jsonl import parse_jsonl, read_jsonl
from dossier.read.text import parse_text, read_text
from dossier.read.warc import read_warc

STDIN = "-"
STDIN_NAME = "<stdin>"

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
        """Files passed over because their type isn't one dossier reads."""
        return sum(err.kind == "unsupported" for err in self.errors)

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
        kinds = Counter(err.kind for err in self.errors if err.kind != "unsupported")
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


def parse_detected(text: str, where: str) -> Iterator[Article | ReadError]:
    """Articles from text of unknown form: JSONL if it starts with ``{``, HTML with ``<``, else the text form."""
    head = text.lstrip("\ufeff \t\r\n")[:1]
    try:
        if head == "{":
            yield from parse_jsonl(text.split("\n"), where)
        elif head == "<":
            yield parse_html(text, where)
        else:
            yield parse_text(text, where)
    except ReadError as err:
        yield err


def iter_articles(
    paths: Iterable[str | Path], max_bytes: int = DEFAULT_MAX_BYTES
) -> Iterator[Article | ReadError]:
    """Read each path in order, yielding an ``Article`` or a ``ReadError`` for every input.

    A folder is read recursively in sorted order; hidden files and folders are ignored and
    files of other types are reported with kind ``unsupported``. A file named explicitly
    with an unknown extension is read by content (see ``parse_detected``), ``-`` reads
    stdin the same way. A file reached twice is read once.
    """
    seen: set[Path] = set()
    for given in paths:
        if str(given) == STDIN:
            yield from _read_stdin(max_bytes)
            continue
        path = Path(given)
        files: list[tuple[Path, Reader | None]]
        if path.is_dir():
            files = [(f, reader_for(f)) for f in _walk(path)]
        elif path.exists():
            files = [(path, reader_for(path) or _read_detected)]
        else:
            yield ReadError(str(path), "no such file or folder", "missing")
            continue
        for file, reader in files:
            key = file.resolve()
            if key in seen:
                continue
            seen.add(key)
            if reader is None:
                kind = file.suffix or "(no extension)"
                yield ReadError(str(file), f"unsupported file type {kind!r}", "unsupported")
                continue
            yield from _read_one(file, reader, max_bytes)


def read_all(paths: Iterable[str | Path], max_bytes: int = DEFAULT_MAX_BYTES) -> ReadResult:
    """Read every path; articles and errors (with counts and reasons) in one ``ReadResult``."""
    result = ReadResult([], [])
    for item in iter_articles(paths, max_bytes):
        if isinstance(item, ReadError):
            result.errors.append(item)
        else:
            result.articles.append(item)
    return result


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
        yield ReadError(str(file), f"unexpected {type(err).__name__}: {err}", "invalid")


def _read_detected(path: Path, max_bytes: int) -> Iterator[Article | ReadError]:
    raw = read_bytes(path, max_bytes)
    return parse_detected(decode(raw, str(path), html=raw.lstrip()[:1] == b"<"), str(path))


def _read_stdin(max_bytes: int) -> Iterator[Article | ReadError]:
    stream = sys.stdin
    # Prefer the byte stream so encoding and NUL checks see what was really sent.
    buffer = getattr(stream, "buffer", None)
    raw = buffer.read(max_bytes + 1) if buffer is not None else stream.read(max_bytes + 1).encode("utf-8", "replace")
    if len(raw) > max_bytes:
        yield ReadError(STDIN_NAME, f"input is over the limit of {max_bytes} bytes", "too_large")
        return
    try:
        text = decode(raw, STDIN_NAME)
    except ReadError as err:
        yield err
        return
    yield from parse_detected(text, STDIN_NAME)


def _walk(root: Path) -> list[Path]:
    found: list[Path] = []
    for folder, dirs, names in os.walk(root):
        dirs[:] = [d for d in dirs if not d.startswith(".")]
        found.extend(Path(folder, name) for name in names if not name.startswith("."))
    return sorted(found, key=lambda f: f.relative_to(root).parts)
