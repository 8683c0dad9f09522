"""Paged long lists (timeline, articles, people) give, page by page, exactly what the whole-list reads give."""

from __future__ import annotations

from collections.abc import Iterator
from typing import Any

import pytest

from dossier.store import Store
from dossier.store.edges import Filters
from dossier.synthetic import synthetic_graphs

from .test_store import courier_graph, gazette_graph, ledger_graph, timeline_graph


@pytest.fixture(scope="module")
def store() -> Iterator[Store]:
    with Store(":memory:") as s:
        for g in (ledger_graph(), courier_graph(), gazette_graph(), timeline_graph()):
            s.ingest(g)
        s.ingest_batch(list(synthetic_graphs(120, seed=3)))
        yield s


def pages(read: Any, size: int) -> tuple[list[int], list[dict[str, Any]]]:
    """Every page of ``read(offset, limit)``: the totals each page said, and the items in order."""
    totals, items, offset = [], [], 0
    while True:
        page = read(offset, size)
        totals.append(page["total"])
        items += page["items"]
        if not page["items"]:
            return totals, items
        offset += size


def without_fact(items: list[dict[str, Any]]) -> list[dict[str, Any]]:
    return [{k: v for k, v in i.items() if k != "fact"} for i in items]


def test_timeline_pages_are_the_whole_timeline_cut_up(store: Store) -> None:
    people = [p["id"] for p in store.people()]
    assert len(people) > 20
    kinds = set()
    for eid in people:
        whole = store.timeline(eid)
        totals, paged = pages(lambda o, n, eid=eid: store.timeline_page(eid, Filters(), o, n), 3)
        assert set(totals) == {len(whole)}
        assert without_fact(paged) == without_fact(whole)
        kinds |= {i["kind"] for i in whole}
    assert kinds == {"quote", "role", "relation", "event", "claim"}


def test_timeline_page_filters_like_the_whole_timeline(store: Store) -> None:
    okafor = store.lookup("Dana Okafor")["id"]
    whole = store.timeline(okafor)
    since = store.timeline_page(okafor, Filters(since="2024"), 0, 100)
    assert since["items"] and without_fact(since["items"]) == without_fact(
        [i for i in whole if (i["published"] or "") >= "2024"])
    hedged = store.timeline_page(okafor, Filters(status=("asserted",)), 0, 100)
    assert without_fact(hedged["items"]) == without_fact([i for i in whole if i["status"] == "asserted"])
    assert store.timeline_page(okafor, Filters(), 1000, 10) == {
        "entity": {"id": okafor, "name": "Dana Okafor", "type": "PERSON"}, "items": [], "total": len(whole)}


def test_article_pages_are_every_article_newest_first(store: Store) -> None:
    whole = store.articles()
    totals, paged = pages(lambda o, n: store.articles_page(Filters(), o, n), 7)
    assert set(totals) == {len(whole)} and paged == whole
    outlet = whole[0]["outlet"]
    one = store.articles_page(Filters(outlet=(outlet.upper(),)), 0, 500)
    assert one["items"] == [a for a in whole if a["outlet"] == outlet] and one["total"] == len(one["items"])


def test_people_pages_are_the_people_most_mentioned_first(store: Store) -> None:
    whole = store.people()
    totals, paged = pages(lambda o, n: store.people_page(o, n), 9)
    assert set(totals) == {len(whole)} and paged == whole


def test_count_only_counts_known_tables(store: Store) -> None:
    assert store.count("articles", "quotes") == {k: v for k, v in store.counts().items() if k in ("articles", "quotes")}
    with pytest.raises(ValueError):
        store.count("articles; DROP TABLE articles")
