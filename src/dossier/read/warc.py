"""WARC archives: each HTML response record is read as a page by the HTML reader."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

from warcio.archiveiterator import ArchiveIterator
from warcio.exceptions import ArchiveLoadFailed

from dossier.errors import ReadError
from dossier.graph import Article
from dossier.read.common import DEFAULT_MAX_BYTES
from dossier.read.html import parse_html


def read_warc(path: str | Path, max_bytes: int = DEFAULT_MAX_BYTES) -> Iterator[Article | ReadError]:
    """Articles from the ``text/html`` response records of a ``.warc``/``.warc.gz`` file.

    The record's target URI is the url and its WARC-Date the fallback date; ``source``
    is ``path@offset`` (the record's byte offset in the file). ``max_bytes`` limits each
    record, not the archive. A bad record yields a ``ReadError`` and the rest go on.
    """
    path = Path(path)
    if not path.is_file():
        raise ReadError(str(path), "no such file", "missing")
    return _records(path, max_bytes)


def _records(path: Path, max_bytes: int) -> Iterator[Article | ReadError]:
    pages = 0
    with path.open("rb") as stream:
        records = ArchiveIterator(stream)
        try:
            for record in records:
                if record.format != "warc":
                    # warcio reads any text as a legacy ARC header; a real archive here is WARC.
                    raise ValueError(f"{record.format} record, expected WARC")
                if record.rec_type != "response" or record.http_headers is None:
                    continue
                ctype = (record.http_headers.get_header("Content-Type") or "").lower()
                if "html" not in ctype:
                    continue
                pages += 1
                content = record.content_stream().read(max_bytes + 1)
                # get_record_offset reads to the record's end, so only after the content.
                where = f"{path}@{records.get_record_offset()}"
                if len(content) > max_bytes:
                    yield ReadError(where, f"record is over the limit of {max_bytes} bytes", "too_large")
                    continue
                try:
                    # trafilatura detects the page's encoding from the bytes and its <meta>.
                    yield parse_html(
                        content,
                        where,
                        url=record.rec_headers.get_header("WARC-Target-URI"),
                        fallback_date=record.rec_headers.get_header("WARC-Date"),
                    )
                except ReadError as err:
                    yield err
        except (ArchiveLoadFailed, OSError, EOFError, ValueError) as err:
            yield ReadError(str(path), f"not a readable WARC archive: {err}", "invalid")
            return
    if not pages:
        yield ReadError(str(path), "no HTML response records in the archive", "empty")
