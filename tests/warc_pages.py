"""A small news-crawl WARC built from the team's own example articles, for the WARC and Spark tests."""

from __future__ import annotations

import html
import io
from pathlib import Path

from warcio.statusandheaders import StatusAndHeaders
from warcio.warcwriter import WARCWriter

EXAMPLES = Path(__file__).resolve().parents[1] / "examples"
CRAWL_DATE = "2024-05-20T06:00:00Z"

# Our own invented text: a French news item, and a page that is only navigation.
FRENCH = (
    "Le conseil municipal de Port Almera a adopté mardi un budget de 412 millions, "
    "mettant fin à un blocage qui retardait la réparation des routes depuis janvier. "
    "La maire Delphine Agyeman a négocié l'accord final tard lundi soir avec les élus."
)
NAV_ONLY = (
    "<html><body><nav><a href='/'>Home</a> | <a href='/news'>News</a></nav><footer>© Ledger</footer></body></html>"
)


def example_page(txt: Path, dated: bool = True) -> bytes:
    """An HTML news page holding an example article (its date in the page's metadata when ``dated``)."""
    first, *paragraphs = txt.read_text(encoding="utf-8").splitlines()
    _, day, title = first.split(" ", 2)
    meta = f'<meta property="article:published_time" content="{day}T09:00:00Z">' if dated else ""
    body = "\n".join(f"<p>{html.escape(p)}</p>" for p in paragraphs if p.strip())
    page = (
        f'<!DOCTYPE html><html lang="en"><head><meta charset="utf-8"><title>{html.escape(title)}</title>{meta}'
        f'</head><body><nav><a href="/">Home</a></nav><article><h1>{html.escape(title)}</h1>{body}</article>'
        "<footer>Contact the newsroom</footer></body></html>"
    )
    return page.encode("utf-8")


def write_warc(path: Path, records: list[tuple[str | None, str, str, bytes]]) -> Path:
    """Write ``(uri, status, content type, body)`` response records (gzipped when the name ends in .gz)."""
    with path.open("wb") as out:
        writer = WARCWriter(out, gzip=path.name.endswith(".gz"))
        writer.write_record(writer.create_warcinfo_record(path.name, {"software": "dossier tests"}))
        for uri, status, ctype, body in records:
            headers = StatusAndHeaders(status, [("Content-Type", ctype)], protocol="HTTP/1.1")
            record = writer.create_warc_record(
                uri, "response", payload=io.BytesIO(body), http_headers=headers,
                warc_headers_dict={"WARC-Date": CRAWL_DATE},
            )
            writer.write_record(record)
    return path


def news_warc(path: Path, count: int = 3) -> Path:
    """``count`` example articles (the last one undated) among one record of each kind that is skipped."""
    texts = sorted(EXAMPLES.glob("*.txt"))[:count]
    records: list[tuple[str | None, str, str, bytes]] = []
    for i, txt in enumerate(texts):
        host = "www.harbor-ledger.example" if i % 2 == 0 else "news.aster-courier.example"
        page = example_page(txt, dated=i < count - 1)
        records.append((f"https://{host}/2024/{txt.stem}", "200 OK", "text/html; charset=utf-8", page))
        if i == 0:
            records += [
                ("https://www.harbor-ledger.example/logo.png", "200 OK", "image/png", b"\x89PNG\r\n\x1a\n"),
                (None, "200 OK", "text/html", example_page(txt)),
                ("https://www.harbor-ledger.example/old", "301 Moved Permanently", "text/html", b"<html></html>"),
                ("https://journal.example/fr/budget", "200 OK", "text/html",
                 f'<html lang="fr"><body><article><h1>Budget adopté</h1><p>{FRENCH}</p></article></body></html>'
                 .encode()),
                ("https://www.harbor-ledger.example/menu", "200 OK", "text/html", NAV_ONLY.encode()),
            ]
    return write_warc(path, records)
