"""WARC archives (news crawls such as CC-NEWS): each English HTML response record becomes an article.

A record is read with the HTML reader (trafilatura). The record's target URI is the
url, its host (without ``www.``) the outlet, the page's own date the date (else the
WARC-Date), and the language is identified from the extracted text. Records that are
not articles are passed over on purpose and come out as ``ReadError``s of a skip kind
(``SKIP_KINDS``), which a batch counts rather than reports as failures:

``not_html``     a response that is not an HTML page (images, PDF, robots.txt, ...)
``not_ok``       an HTTP status other than 2xx (redirects, errors)
``not_english``  the page's text is identified as another language
``boilerplate``  too little main text once navigation and boilerplate are stripped

Requests, metadata and warcinfo records are not responses and are not counted.
"""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import replace
from pathlib import Path
from typing import Any
from urllib.parse import urlsplit

from warcio.archiveiterator import ArchiveIterator
from warcio.exceptions import ArchiveLoadFailed
from warcio.recordloader import ArcWarcRecordLoader

from dossier.errors import ReadError
from dossier.graph import Article
from dossier.read.common import DEFAULT_MAX_BYTES
from dossier.read.html import parse_html

SKIP_KINDS = frozenset({"not_html", "not_ok", "not_english", "boilerplate"})
MIN_TEXT_CHARS = 200  # below this a page is navigation, a teaser or a paywall stub, not an article
LANGUAGE = "en"


class _Loader(ArcWarcRecordLoader):
    """warcio's record loader, except that a response without a target URI does not end the archive."""

    def load_http_headers(self, rec_type: str, uri: str | None, stream: Any, length: int | None) -> Any:
        # warcio calls uri.startswith(); with "" it leaves the HTTP headers unparsed and we report the record.
        return super().load_http_headers(rec_type, uri or "", stream, length)


def read_warc(path: str | Path, max_bytes: int = DEFAULT_MAX_BYTES) -> Iterator[Article | ReadError]:
    """Articles (and skipped or bad records) from a ``.warc``/``.warc.gz`` file, streamed record by record.

    ``source`` is ``path@offset`` (the record's byte offset in the file). ``max_bytes``
    limits each record, not the archive. A response without ``WARC-Target-URI`` or that
    cannot be parsed is a ``ReadError`` for that record and the later records are read.
    """
    path = Path(path)
    if not path.is_file():
        raise ReadError(str(path), "no such file", "missing")
    return _records(path, max_bytes)


def _records(path: Path, max_bytes: int) -> Iterator[Article | ReadError]:
    responses = 0
    with path.open("rb") as stream:
        records = ArchiveIterator(stream)
        records.loader = _Loader(verify_http=False, arc2warc=False)
        try:
            for record in records:
                if record.format != "warc":
                    # warcio reads any text as a legacy ARC header; a real archive here is WARC.
                    raise ValueError(f"{record.format} record, expected WARC")
                if record.rec_type != "response":
                    continue
                responses += 1
                content = record.content_stream().read(max_bytes + 1)
                # get_record_offset reads to the record's end, so only after the content.
                where = f"{path}@{records.get_record_offset()}"
                yield _article(record, content, where, max_bytes)
        except (ArchiveLoadFailed, OSError, EOFError, ValueError) as err:
            yield ReadError(str(path), f"not a readable WARC archive: {err}", "invalid")
            return
    if not responses:
        yield ReadError(str(path), "no response records in the archive", "empty")


def _article(record: Any, content: bytes, where: str, max_bytes: int) -> Article | ReadError:
    uri = record.rec_headers.get_header("WARC-Target-URI")
    if not uri:
        return ReadError(where, "response record has no WARC-Target-URI header", "invalid")
    http = record.http_headers
    if http is None:
        return ReadError(where, f"no HTTP response for {uri}", "not_html")
    status = http.get_statuscode() or ""
    if not status.startswith("2"):
        return ReadError(where, f"HTTP status {status} for {uri}", "not_ok")
    ctype = (http.get_header("Content-Type") or "").lower()
    if "html" not in ctype:
        return ReadError(where, f"{ctype or 'no content type'} at {uri}", "not_html")
    if len(content) > max_bytes:
        return ReadError(where, f"record is over the limit of {max_bytes} bytes", "too_large")
    try:
        # trafilatura detects the page's encoding from the bytes and its <meta>.
        article = parse_html(content, where, url=uri, fallback_date=record.rec_headers.get_header("WARC-Date"))
    except ReadError as err:
        if err.kind == "empty":
            return ReadError(where, f"no article text at {uri}", "boilerplate")
        return err
    text = f"{article.title}\n{article.body}"
    if len(article.body) < MIN_TEXT_CHARS:
        return ReadError(where, f"only {len(article.body)} characters of main text at {uri}", "boilerplate")
    language = identify_language(text)
    if language != LANGUAGE:
        return ReadError(where, f"language {language} at {uri}", "not_english")
    return replace(article, outlet=outlet_of(uri), language=language)


def outlet_of(url: str) -> str | None:
    """The outlet a URL belongs to: its host, without a leading ``www.``."""
    host = (urlsplit(url).hostname or "").lower()
    return host.removeprefix("www.") or None


def identify_language(text: str) -> str:
    """The ISO 639-1 code of the language ``text`` is written in (py3langid)."""
    import py3langid  # loads its model on first use only

    code, _score = py3langid.classify(text)
    return str(code)
