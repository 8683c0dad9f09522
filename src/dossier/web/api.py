"""The JSON API (``/api/...``): thin routes over :mod:`dossier.web.data`, which reads through the service."""

from __future__ import annotations

import io
import json
import re
import tempfile
import zipfile
from collections.abc import Callable
from pathlib import Path
from typing import Annotated, Any, Literal

import orjson
from fastapi import APIRouter, Header, Query, Request
from fastapi.responses import Response
from pydantic import BaseModel, Field

from .. import service
from ..graph import Article
from . import data
from .cache import cached
from .errors import Problem
from .params import ARTICLE_ID, ArticleId, EntityRef, FiltersDep, Limit, Offset, PersonId, SearchText, StoreDep
from .settings import MAX_POSTED_ARTICLES, Settings

router = APIRouter(prefix="/api", tags=["read"])
writes = APIRouter(prefix="/api", tags=["write"])

PROBLEM = {"description": "A problem document (RFC 9457)", "content": {"application/problem+json": {}}}
READ_ERRORS: dict[int | str, dict[str, Any]] = {404: PROBLEM, 422: PROBLEM}


@router.get("/suggest", summary="Names that match what is typed", responses=READ_ERRORS)
def suggest(request: Request, store: StoreDep, q: SearchText, limit: Limit = 10) -> Response:
    """Entities whose name, alias or surname matches ``q`` (exactly, or else as a part of it)."""
    return _answer(request, lambda: data.suggest(store, q, min(limit, 25)))


@router.get("/search", summary="Search names, evidence sentences and quotes", responses=READ_ERRORS)
def search(request: Request, store: StoreDep, q: SearchText, filters: FiltersDep, offset: Offset = 0,
           limit: Limit = 20) -> Response:
    """Entities named like ``q``, and a page of evidence sentences and quotes holding every word of it (FTS5)."""
    return _answer(request, lambda: data.search(store, q, filters, offset, limit))


@router.get("/people", summary="People, most mentioned first", responses=READ_ERRORS)
def people(request: Request, store: StoreDep, offset: Offset = 0, limit: Limit = 50) -> Response:
    """A page of the PERSON entities in the store (``items``, ``total``, ``next_offset``)."""
    return _answer(request, lambda: data.people(store, offset, limit))


@router.get("/people/{person_id}", summary="A person's profile", responses=READ_ERRORS)
def person(request: Request, store: StoreDep, person_id: PersonId, filters: FiltersDep) -> Response:
    """Names, roles, ties (merged, first sources of each), quotes, statements about them, events, articles.

    Each list holds at most 50 items (``totals`` has the counts; ``/api/people/{id}/lists/{kind}`` pages
    on); ``/api/ties`` gives a tie's every source.
    """
    return _answer(request, lambda: data.profile(store, person_id, filters))


@router.get("/people/{person_id}/lists/{kind}", summary="A page of one list of a profile", responses=READ_ERRORS)
def profile_list(
    request: Request, store: StoreDep, person_id: PersonId, filters: FiltersDep,
    kind: Literal["aliases", "articles", "ties", "roles", "quotes", "events", "claims"],
    offset: Offset = 0, limit: Limit = 50,
) -> Response:
    """A page of the person's aliases, articles, ties (strongest first), roles, quotes, events or claims."""
    return _answer(request, lambda: data.profile_list(store, person_id, kind, filters, offset, limit))


@router.get("/people/{person_id}/network", summary="A page of a person's neighbours", responses=READ_ERRORS)
def network(request: Request, store: StoreDep, person_id: PersonId, filters: FiltersDep, offset: Offset = 0,
            limit: Limit = 50) -> Response:
    """A page of ties (best supported first) and the people at their ends; ``next_offset`` gives the next page.

    Each tie says whether it is ``weak`` (speculative, hypothetical, unknown or of low confidence).
    """
    return _answer(request, lambda: data.network(store, person_id, filters, offset, limit))


@router.get("/people/{person_id}/timeline", summary="A person's facts in date order", responses=READ_ERRORS)
def timeline(request: Request, store: StoreDep, person_id: PersonId, filters: FiltersDep, offset: Offset = 0,
             limit: Limit = 100) -> Response:
    """A page of dated facts (roles, ties, quotes, events, claims) in order, undated ones after, with the total."""
    return _answer(request, lambda: data.timeline(store, person_id, filters, offset, limit))


@router.get("/people/{person_id}/quotes", summary="What a person said", responses=READ_ERRORS)
def quotes(request: Request, store: StoreDep, person_id: PersonId, filters: FiltersDep, offset: Offset = 0,
           limit: Limit = 50) -> Response:
    """A page of quotes by the person, newest report first, with outlet, date, status and article."""
    return _answer(request, lambda: data.quotes(store, person_id, filters, offset, limit))


@router.get("/ties", summary="Every tie between two entities", responses=READ_ERRORS)
def ties(request: Request, store: StoreDep, a: EntityRef, b: EntityRef, filters: FiltersDep) -> Response:
    """Ties between ``a`` and ``b`` merged with all their sources, and each source on a timeline."""
    return _answer(request, lambda: data.ties_between(store, a, b, filters))


@router.get("/path", summary="How two entities are connected", responses=READ_ERRORS)
def path(
    request: Request, store: StoreDep, a: EntityRef, b: EntityRef, filters: FiltersDep,
    max_depth: Annotated[int, Query(ge=1, le=6, description="Longest chain looked for, in hops.")] = 4,
) -> Response:
    """Shortest chains of ties (by default only asserted or attributed ones), each hop with its evidence."""
    return _answer(request, lambda: data.path(store, a, b, filters, max_depth=max_depth))


@router.get("/articles", summary="Stored articles, newest first", responses=READ_ERRORS)
def articles(request: Request, store: StoreDep, filters: FiltersDep, offset: Offset = 0, limit: Limit = 50
             ) -> Response:
    """A page of articles (title, date, outlet, url), filtered by date and outlet, with the total."""
    return _answer(request, lambda: data.articles(store, filters, offset, limit))


@router.get("/articles/{article_id}", summary="An article and its extracted facts", responses=READ_ERRORS)
def article(request: Request, store: StoreDep, article_id: ArticleId) -> Response:
    """The article graph of the contract: entities, times, quotes, roles, relations, events, claims."""
    return _answer(request, lambda: data.article(store, article_id))


@router.get("/export", summary="Download the whole graph in one format", responses=READ_ERRORS,
            response_class=Response)
def export(
    store: StoreDep, filters: FiltersDep,
    format: Annotated[Literal["jsonl", "graphml", "gexf", "neo4j", "csv", "ftm"], Query(
        description="jsonl (the export contract), graphml, gexf, neo4j (admin-import CSVs), csv or ftm.")] = "jsonl",
) -> Response:
    """Every entity and merged tie (with its sources and status) and the corrections, as a zip of the files."""
    with tempfile.TemporaryDirectory(prefix="dossier-export-") as tmp:
        files = service.export(store, format, tmp, filters.graph())
        buffer = io.BytesIO()
        with zipfile.ZipFile(buffer, "w", zipfile.ZIP_DEFLATED) as archive:
            for path in files:
                archive.write(path, arcname=Path(path).relative_to(tmp).as_posix())
    return Response(buffer.getvalue(), media_type="application/zip",
                    headers={"Content-Disposition": f'attachment; filename="dossier-{format}.zip"'})


def _answer(request: Request, read: Callable[[], Any]) -> Response:
    """``read()`` as JSON, or the body kept for the same request while the store has not changed.

    Bodies are made with orjson rather than FastAPI's per-value encoder, which costs more than the
    queries on a large profile (and ``json.dumps``, 3-5 times slower on a hub's 250 kB profile).
    ``X-Dossier-Cache`` says whether the body was kept.
    """
    body, state = cached(request, lambda: orjson.dumps(read(), option=orjson.OPT_NON_STR_KEYS))
    return Response(body, media_type="application/json", headers={"X-Dossier-Cache": state})


def _download(body: Any, filename: str) -> Response:
    return Response(
        json.dumps(body, ensure_ascii=False, indent=2), media_type="application/json",
        headers={"Content-Disposition": f'attachment; filename="{filename}"'},
    )


@router.get("/export/articles/{article_id}.json", summary="Download an article graph", responses=READ_ERRORS)
def export_article(store: StoreDep, article_id: ArticleId) -> Response:
    """The article graph as a JSON file (the contract shape)."""
    return _download(data.article(store, article_id), f"article-{article_id}.json")


@router.get("/export/people/{person_id}.json", summary="Download a profile", responses=READ_ERRORS)
def export_person(store: StoreDep, person_id: PersonId, filters: FiltersDep) -> Response:
    """The filtered profile, ties with every source, as a JSON file."""
    return _download(data.profile(store, person_id, filters), f"person-{person_id}.json")


# --- writes (only with --allow-writes and the token) ---------------------------------------


class PostedArticle(BaseModel):
    """One article to ingest."""

    title: str = Field(min_length=1, max_length=1000)
    body: str = Field(min_length=1, max_length=1_000_000)
    published: str | None = Field(default=None, pattern=r"^\d{4}-\d{2}-\d{2}$")
    outlet: str | None = Field(default=None, max_length=200)
    url: str | None = Field(default=None, max_length=2000)
    id: str | None = Field(default=None, pattern=r"^[A-Za-z0-9][A-Za-z0-9._:-]{0,127}$")


class PostedArticles(BaseModel):
    articles: list[PostedArticle] = Field(min_length=1, max_length=MAX_POSTED_ARTICLES)


def require_writer(request: Request, authorization: str | None) -> Settings:
    """The settings, if writes are on and the bearer token matches; a 403/401 problem otherwise."""
    settings: Settings = request.app.state.settings
    if not settings.allow_writes:
        raise Problem(403, "this server is read-only (start it with --allow-writes and a token)", "read-only")
    scheme, _, token = (authorization or "").partition(" ")
    if scheme.lower() != "bearer" or not settings.token_ok(token.strip()):
        raise Problem(401, "a valid token is needed: send 'Authorization: Bearer TOKEN'", "unauthorized")
    return settings


@writes.post("/articles", summary="Ingest posted articles", status_code=200,
             responses={401: PROBLEM, 403: PROBLEM, 413: PROBLEM, 422: PROBLEM})
def post_articles(
    request: Request, batch: PostedArticles, authorization: Annotated[str | None, Header()] = None,
) -> dict[str, Any]:
    """Extract and store up to 50 articles (JSON, at most 2 MB); each bad one is reported, the rest go on."""
    settings = require_writer(request, authorization)
    articles_ = [
        Article(id=a.id or Article.content_id(a.title, a.body, a.published), title=a.title, body=a.body,
                published=a.published, outlet=a.outlet, url=a.url, source=f"POST /api/articles #{i}")
        for i, a in enumerate(batch.articles)
    ]
    with request.app.state.stores.writer() as store:
        return service.ingest_articles(articles_, model=settings.model, store=store).to_dict()


class Correction(BaseModel):
    """A correction of who is who, by entity ids: kept and replayed on every later ingest."""

    kind: Literal["merge", "distinct", "alias", "split"]
    entity: int = Field(ge=1, le=2**53, description="The entity corrected (merge: the one that stays).")
    other: int | None = Field(default=None, ge=1, le=2**53, description="merge, distinct: the other entity.")
    alias: str | None = Field(default=None, min_length=1, max_length=200, description="alias: the new name.")
    articles: list[str] = Field(default_factory=list, max_length=1000,
                                description="split: the articles whose mentions are someone else.")


@writes.post("/corrections", summary="Merge, keep apart, add an alias or split", status_code=200,
             responses={401: PROBLEM, 403: PROBLEM, 404: PROBLEM, 413: PROBLEM, 422: PROBLEM})
def post_correction(
    request: Request, correction: Correction, authorization: Annotated[str | None, Header()] = None,
) -> dict[str, Any]:
    """Store one correction and apply it (``merge``/``distinct`` need ``other``, ``alias`` an alias,
    ``split`` article ids)."""
    require_writer(request, authorization)
    c = correction
    if c.kind in ("merge", "distinct"):
        if c.other is None or c.other == c.entity:
            raise Problem(422, f"{c.kind} needs 'other', a second entity id", "invalid-parameter")
        args: tuple[Any, ...] = (data.ref(c.entity), data.ref(c.other))
    elif c.kind == "alias":
        if not c.alias or not c.alias.strip():
            raise Problem(422, "alias needs 'alias', the name to add", "invalid-parameter")
        args = (data.ref(c.entity), c.alias.strip())
    else:
        bad = [a for a in c.articles if not re.fullmatch(ARTICLE_ID, a)]
        if not c.articles or bad:
            raise Problem(422, "split needs 'articles', a list of article ids", "invalid-parameter")
        args = (data.ref(c.entity), list(c.articles))
    with request.app.state.stores.writer() as store:
        return service.correct(c.kind, *args, store=store)
