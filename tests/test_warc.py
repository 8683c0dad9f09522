"""WARC news crawls: English HTML pages become articles; other records are skipped and counted, or reported."""

from __future__ import annotations

from pathlib import Path

import pytest

from dossier import service
from dossier.errors import ReadError
from dossier.graph import Article
from dossier.read import read_all, read_warc
from dossier.read.warc import SKIP_KINDS, outlet_of

from .warc_pages import CRAWL_DATE, news_warc, write_warc


@pytest.mark.parametrize("name", ["crawl.warc", "crawl.warc.gz"])
def test_pages_become_articles_with_url_outlet_language_and_date(tmp_path: Path, name: str) -> None:
    result = read_all([news_warc(tmp_path / name)])
    first, second, third = result.articles
    assert first.url == "https://www.harbor-ledger.example/2024/01_council_budget_vote"
    assert first.outlet == "harbor-ledger.example"  # the host, without www.
    assert second.outlet == "news.aster-courier.example"
    assert {a.language for a in result.articles} == {"en"}
    assert first.published == "2023-03-16"  # the page's own date wins over the crawl date
    assert third.published == CRAWL_DATE[:10]  # an undated page takes the WARC-Date
    assert first.title == "Port Almera Council Passes Budget After Mayor's Late Compromise"
    assert first.body.startswith("The Port Almera City Council approved")
    assert "Contact the newsroom" not in first.body and "Home" not in first.body.split("\n")[0]
    assert all(a.source and a.source.startswith(f"{tmp_path / name}@") for a in result.articles)


def test_each_kind_of_non_article_is_skipped_with_its_own_kind(tmp_path: Path) -> None:
    errors = read_all([news_warc(tmp_path / "crawl.warc.gz")]).errors
    kinds = [e.kind for e in errors]
    assert kinds == ["not_html", "invalid", "not_ok", "not_english", "boilerplate"]
    assert set(kinds) - {"invalid"} <= SKIP_KINDS
    assert "fr" in errors[3].reason


def test_a_record_without_target_uri_is_an_error_and_later_records_are_read(tmp_path: Path) -> None:
    items = list(read_warc(news_warc(tmp_path / "crawl.warc")))
    bad = [i for i in items if isinstance(i, ReadError) and i.kind == "invalid"]
    assert len(bad) == 1 and "WARC-Target-URI" in bad[0].reason and "@" in bad[0].where
    after = items[items.index(bad[0]) + 1 :]
    assert sum(isinstance(i, Article) for i in after) == 2


def test_archive_without_responses_and_junk_are_reported(tmp_path: Path) -> None:
    empty = write_warc(tmp_path / "none.warc", [])
    (err,) = read_all([empty]).errors
    assert err.kind == "empty"
    junk = tmp_path / "junk.warc"
    junk.write_text("this is not a web archive at all\n", encoding="utf-8")
    (err,) = read_all([junk]).errors
    assert err.kind == "invalid"


def test_a_record_over_the_size_limit_is_refused_alone(tmp_path: Path) -> None:
    result = read_all([news_warc(tmp_path / "crawl.warc")], max_bytes=2100)
    assert "too_large" in [e.kind for e in result.errors]
    assert result.articles  # the smaller pages are still read


@pytest.mark.parametrize(
    ("url", "outlet"),
    [("https://www.ledger.example/a", "ledger.example"), ("http://News.Courier.example:8080/x", "news.courier.example"),
     ("not a url", None)],
)
def test_outlet_of(url: str, outlet: str | None) -> None:
    assert outlet_of(url) == outlet


def test_skipped_records_are_counted_not_failed() -> None:
    summary = service.IngestSummary()
    for kind in ["not_html", "not_html", "not_english", "invalid", "unsupported"]:
        summary.count_problem(service.Problem("x.warc@1", kind, "why"))
    assert summary.skipped_records == {"not_html": 2, "not_english": 1}
    assert [p.kind for p in summary.failed] == ["invalid"]
    assert summary.skipped == 1
    assert summary.to_dict()["skipped_records"] == {"not_english": 1, "not_html": 2}


@pytest.mark.slow
def test_ingest_of_a_crawl_reports_skips_in_its_summary(tmp_path: Path, nlp) -> None:
    summary = service.ingest([news_warc(tmp_path / "crawl.warc.gz", count=2)], db=tmp_path / "d.db")
    assert summary.stored == 2
    assert dict(summary.skipped_records) == {"not_html": 1, "not_ok": 1, "not_english": 1, "boilerplate": 1}
    assert [p.kind for p in summary.failed] == ["invalid"]
