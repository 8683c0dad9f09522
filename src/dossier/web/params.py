"""Validated query parameters shared by the API and the pages: filters, paging, ids."""

from __future__ import annotations

from collections.abc import Iterator
from typing import Annotated, Literal

from fastapi import Depends, Path, Query, Request

from ..store import Store
from .data import Filters

DATE = r"^\d{4}(-(0[1-9]|1[0-2])(-(0[1-9]|[12]\d|3[01]))?)?$"
ARTICLE_ID = r"^[A-Za-z0-9][A-Za-z0-9._:-]{0,127}$"
MAX_ID = 2**53  # ids stay exact in JavaScript

StatusName = Literal[
    "asserted", "attributed", "reported", "hedged", "speculative", "hypothetical", "negated", "unknown"
]


def filters(
    since: Annotated[str | None, Query(pattern=DATE, description="Reported on or after (YYYY[-MM[-DD]]).")] = None,
    until: Annotated[str | None, Query(pattern=DATE, description="Reported on or before (YYYY[-MM[-DD]]).")] = None,
    status: Annotated[list[StatusName] | None, Query(max_length=8, description="Keep only these statuses.")] = None,
    outlet: Annotated[str | None, Query(min_length=1, max_length=200, description="Reported by this outlet.")] = None,
    min_sources: Annotated[int, Query(ge=1, le=1000, description="Ties stated in at least N articles.")] = 1,
    min_confidence: Annotated[float | None, Query(ge=0, le=1, description="Drop facts below this confidence.")] = None,
    all: Annotated[bool, Query(description="Ties: count hypothetical and low-confidence sources too.")] = False,
) -> Filters:
    """The filters every read takes, as query parameters."""
    return Filters(since, until, frozenset(status) if status else None, outlet, min_sources, min_confidence, all)


FiltersDep = Annotated[Filters, Depends(filters)]
Offset = Annotated[int, Query(ge=0, le=1_000_000, description="Items to skip.")]
Limit = Annotated[int, Query(ge=1, le=200, description="Items per page.")]
PersonId = Annotated[int, Path(ge=1, le=MAX_ID, description="A global entity id (from search).")]
ArticleId = Annotated[str, Path(pattern=ARTICLE_ID, description="An article id.")]
EntityRef = Annotated[int, Query(ge=1, le=MAX_ID, description="A global entity id.")]
SearchText = Annotated[str, Query(min_length=1, max_length=100, description="A name or part of one.")]


def reader(request: Request) -> Iterator[Store]:
    """A read-only store checked out of the pool for this request."""
    stores = request.app.state.stores
    with stores.reader() as store:
        request.state.generation = stores.generation  # read before the first query: see web.cache
        yield store


StoreDep = Annotated[Store, Depends(reader)]
