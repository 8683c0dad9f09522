"""Readers: turn input paths into ``Article`` objects, never losing a batch to one bad input.

Formats
-------
Plain text (``.txt``)
    First line ``date YYYY-MM-DD <title>`` (leading white space allowed), then the body,
    one paragraph a line. The body is kept exactly as in the file after the first line's
    newline, except that ``\\r\\n``/``\\r`` become ``\\n`` and trailing newlines are dropped,
    so character offsets into the body match the file. A file with no date line is read
    with its first line as the title and ``published`` None. A date line with a bad date
    (``date 2024-13-45 ...``) is an error at ``file:1``.
JSON Lines (``.jsonl``, ``.ndjson``)
    One object a line: ``id, published, title, body, outlet, url`` (``text`` is accepted
    for ``body``, ``date`` for ``published``; a full ISO datetime keeps its date). Read
    a line at a time (a file of any size); lines end at ``\\n``, ``\\r\\n`` or ``\\r``.
    Blank lines are skipped; each bad line (not JSON, not UTF-8, NUL bytes, a lone
    surrogate escape such as ``"\\ud800"``, an integer over 4,300 digits, nesting too
    deep, over the size limit) is an error at ``file:line`` and the others go on. A file
    with no records (e.g. only a BOM) is an ``empty`` error.
HTML (``.html``, ``.htm``)
    Main text, title, date and site name (as outlet) via trafilatura, offline; a line a
    paragraph.
WARC (``.warc``, ``.warc.gz``)
    Each ``text/html`` response record, read as HTML; the target URI is the url and the
    WARC-Date the fallback date; ``source`` is ``file@offset``.
Folders are read recursively in sorted order, a file at a time (hidden entries ignored;
other files are reported with kind ``unsupported``; FIFOs, sockets and devices with kind
``special``; folders that can't be listed with kind ``unreadable``). A symlink in a folder
that leads outside it is reported with kind ``link`` and not followed unless
``follow_links`` (``--follow-links``); a symlink loop is an error. ``-`` reads stdin, as
JSONL when it starts with ``{``, else as the text form. A file named explicitly with
another extension is read by content in the same way (``<`` means HTML).

Dates must be ``YYYY-MM-DD`` in ASCII digits with a year from ``MIN_YEAR`` (1800) to
``MAX_YEAR`` (2200); other dates are an error of kind ``date`` naming file and line.

Errors are ``ReadError(where, reason, kind)`` with ``where`` = ``file`` or ``file:line``
and ``kind`` one of: binary, empty, encoding, json, date, too_large, missing,
unsupported, special, link, unreadable, invalid (``SKIPPED_KINDS`` are the ones passed
over on purpose). Text must be UTF-8 (a BOM is fine; HTML may declare a charset).
One article over ``max_bytes`` (default 10 MB: a text or HTML file, a JSONL line, a WARC
record) or with more than ``MAX_ARTICLE_CHARS`` (200,000) characters of title and body is
refused (kind ``too_large``); the file around it is not. File names with bytes that are not
UTF-8 are kept with those bytes written ``\\xNN``.

Ids: the given ``id`` (JSONL), else ``Article.content_id(title, body, published)``.
``Article.source`` holds where the article was read from.
"""

from dossier.read.batch import SKIPPED_KINDS, ReadResult, iter_articles, parse_detected, read_all
from dossier.read.common import DEFAULT_MAX_BYTES, MAX_ARTICLE_CHARS, MAX_YEAR, MIN_YEAR
from dossier.read.html import parse_html, read_html
from dossier.read.jsonl import parse_jsonl, parse_jsonl_bytes, read_jsonl
from dossier.read.text import parse_text, read_text
from dossier.read.warc import read_warc

__all__ = [
    "DEFAULT_MAX_BYTES",
    "MAX_ARTICLE_CHARS",
    "MAX_YEAR",
    "MIN_YEAR",
    "SKIPPED_KINDS",
    "ReadResult",
    "iter_articles",
    "parse_detected",
    "parse_html",
    "parse_jsonl",
    "parse_jsonl_bytes",
    "parse_text",
    "read_all",
    "read_html",
    "read_jsonl",
    "read_text",
    "read_warc",
]
