"""HTML pages: main text and metadata via trafilatura, offline."""

from __future__ import annotations

from datetime import date
from pathlib import Path

import trafilatura
from trafilatura.settings import Document

from dossier.errors import ReadError
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


def _date_params() -> dict[str, object]:
    # No extensive search: a date guessed from running text is worse than none.
    return {"original_date": True, "extensive_search": False, "max_date": date.today().isoformat()}


def _extract(html: str | bytes, url: str | None, favor_precision: bool = False) -> Document | None:
    doc = trafilatura.bare_extraction(
        html,
        url=url,
        with_metadata=True,
        include_comments=False,
        favor_precision=favor_precision,
        date_extraction_params=_date_params(),
    )
    return doc if isinstance(doc, Document) or doc is None else None


def parse_html(
    html: str | bytes, where: str, url: str | None = None, fallback_date: str | None = None
) -> Article:
    """One article from an HTML page: title, date, main text (a line a paragraph), site name as outlet.

    ``url`` (e.g. a WARC record's target) wins over a canonical link in the page;
    ``fallback_date`` is used when the page carries no date of its own.
    """
    try:
        doc = _extract(html, url)
        if doc is not None and "\n" not in (doc.text or "").strip():
            # On short pages trafilatura falls back to a baseline that runs all paragraphs
            # together; the precise pass keeps them apart, so prefer it when it finds more.
            precise = _extract(html, url, favor_precision=True)
            if precise is not None and "\n" in (precise.text or "").strip():
                doc = precise
    except Exception as err:  # trafilatura and lxml raise assorted types on malformed pages
        raise ReadError(where, f"HTML could not be parsed: {err}", "invalid") from err
    if doc is None or not (doc.text or "").strip():
        raise ReadError(where, "no article text found in the HTML page", "empty")
    title = " ".join((doc.title or "").split())
    lines = [" ".join(line.split()) for line in normalise_newlines(doc.text or "").split("\n")]
    lines = [line for line in lines if line]
    # trafilatura keeps the page's <h1> as the first line; the title is kept apart, as in the text form.
    if lines and title and lines[0] == title:
        lines = lines[1:]
    published = None
    for candidate in (doc.date, fallback_date):
        if candidate:
            try:
                published = parse_date(candidate, where)
                break
            except ReadError:
                continue
    return make_article(
        title=title,
        body="\n".join(lines),
        published=published,
        outlet=doc.sitename,
        url=url or doc.url,
        where=where,
    )


def read_html(path: str | Path, max_bytes: int = DEFAULT_MAX_BYTES) -> Article:
    """Read one ``.html``/``.htm`` file; raises ``ReadError`` when no article can be read from it."""
    path = Path(path)
    where = display(path)
    text = decode(read_bytes(path, max_bytes), where, html=True)
    return parse_html(text, where)
