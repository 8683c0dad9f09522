"""Times relative to a publication date at the calendar's edge: an unknown value, never an exception."""

from __future__ import annotations

from datetime import date

import pytest

from dossier.graph import Article
from dossier.pipeline.times.timex import Expr, Point, resolve

EDGES = [date(1, 1, 1), date(1, 1, 3), date(9999, 12, 31), date(9999, 12, 27)]
EXPRESSIONS = {
    "yesterday": Expr(0, 1, kind="shift", rel="dct", unit="D", offset=-1),
    "tomorrow": Expr(0, 1, kind="shift", rel="dct", unit="D", offset=1),
    "next year": Expr(0, 2, kind="shift", rel="dct", unit="Y", offset=1),
    "last year": Expr(0, 2, kind="shift", rel="dct", unit="Y", offset=-1),
    "last century": Expr(0, 2, kind="shift", rel="dct", unit="C", offset=-1),
    "next month": Expr(0, 2, kind="shift", rel="dct", unit="M", offset=1),
    "on Friday": Expr(0, 2, kind="weekday", rel="dct", weekday=5),
    "next Friday": Expr(0, 2, kind="weekday", rel="dct", weekday=5, direction="future"),
    "in March": Expr(0, 2, kind="calendar", rel="dct", month=3),
    "on December 31": Expr(0, 3, kind="calendar", rel="dct", month=12, day=31, direction="future"),
    "next spring": Expr(0, 2, kind="season", rel="dct", season="SP", offset=1),
    "next quarter": Expr(0, 2, kind="quarter", rel="dct", unit="Q", day=1, offset=1),
}


@pytest.mark.parametrize("day", EDGES, ids=str)
@pytest.mark.parametrize("name", sorted(EXPRESSIONS))
def test_relative_times_at_the_edge_of_the_calendar_never_raise(day: date, name: str) -> None:
    value = resolve(EXPRESSIONS[name], Point(day, "D"), None)
    assert isinstance(value, str) and value
    year = value[:4]
    assert year.startswith("X") or "0001" <= year <= "9999" or len(year) < 4 or not year.isdigit()


@pytest.mark.parametrize(("name", "day", "expected"), [
    ("next year", date(9999, 12, 31), "XXXX"),
    ("last century", date(1, 1, 1), "XX"),
    ("yesterday", date(1, 1, 1), "XXXX-XX-XX"),
    ("tomorrow", date(9999, 12, 31), "XXXX-XX-XX"),
])
def test_times_past_the_calendar_are_unknown(name: str, day: date, expected: str) -> None:
    assert resolve(EXPRESSIONS[name], Point(day, "D"), None) == expected


def test_times_inside_the_calendar_still_resolve() -> None:
    assert resolve(EXPRESSIONS["yesterday"], Point(date(9999, 12, 31), "D"), None) == "9999-12-30"
    assert resolve(EXPRESSIONS["next year"], Point(date(2024, 5, 1), "D"), None) == "2025"


BODY = (
    "Mara Quell said yesterday that the council would vote next year. On Friday she met Tobin Ash, "
    "who was named director last century. The last quarter was weak; a year ago it was strong. "
    "She will speak this weekend, at Easter and in the spring, and again in 3 days."
)


@pytest.mark.slow
@pytest.mark.parametrize("published", ["0001-01-01", "0001-01-03", "9999-12-31", "9999-12-27"])
def test_extraction_of_an_article_dated_at_the_calendar_edge(nlp, published: str) -> None:
    from dossier.extraction import doc_to_graph, pipe_docs

    article = Article(id="edge", title="Edge", body=BODY, published=published)
    ((_, doc),) = pipe_docs([article], nlp, batch_size=1)
    graph = doc_to_graph(doc, article)
    values = [t.value for t in graph.times]
    assert values  # the times are found, and those past the calendar are unknown
    assert any(v.startswith("X") for v in values)
