"""The plain-text article form: ``date YYYY-MM-DD <title>`` then the body, one paragraph a line."""

from __future__ import annotations

import re
from pathlib import Path

from dossier.graph import Article
from dossier.read.common import (
    DEFAULT_MAX_BYTES,
    decode,
    display,
    make_article,
    normalise_newlines,
    parse_date,
    read_bytes,
)

# A first line "date <token> <title>" whose token starts with a digit is a date line and
# must hold a valid date; "Date night in Paris" is simply a title.
_DATE_LINE = re.compile(r"^\s*date[ \t]+(\d\S*)(?:[ \t]+(.*))?$", re.IGNORECASE)


def parse_text(text: str, where: str) -> Article:
    """One article from text in the plain form.

    With a date line, ``published`` is that date and the title is the rest of the line.
    Without one, the first line is the title and ``published`` is None. The body is
    everything after the first newline, byte for byte, except that newlines are
    normalised to ``\\n`` and trailing newlines at the end of the file are dropped.
    """
    text = normalise_newlines(text)
    first, _, body = text.partition("\n")
    body = body.rstrip("\n")
    match = _DATE_LINE.match(first)
    if match:
        published: str | None = parse_date(match.group(1), f"{where}:1")
        title = (match.group(2) or "").strip()
    else:
        published, title = None, first.strip()
    return make_article(title=title, body=body, published=published, where=where)


def read_text(path: str | Path, max_bytes: int = DEFAULT_MAX_BYTES) -> Article:
    """Read one plain-text article file; raises ``ReadError`` when it can't be read."""
    path = Path(path)
    raw = read_bytes(path, max_bytes)
    where = display(path)
    return parse_text(decode(raw, where), where)

