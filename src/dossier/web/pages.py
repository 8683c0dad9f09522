"""The HTML pages: Jinja2 templates (autoescaped) over :mod:`dossier.web.data`."""

from __future__ import annotations

from collections.abc import Callable
from typing import Annotated, Any
from urllib.parse import urlencode, urlsplit

from fastapi import APIRouter, Query, Request
from fastapi.responses import HTMLResponse, Response
from fastapi.templating import Jinja2Templates
from jinja2 import Environment, PackageLoader

from .. import service
from ..errors import Ambiguous, NotFound
from . import data
from .cache import cached
from .params import ArticleId, FiltersDep, Offset, PersonId, StatusName, StoreDep

router = APIRouter(include_in_schema=False)

env = Environment(loader=PackageLoader("dossier.web", "templates"), autoescape=True, trim_blocks=True,
                  lstrip_blocks=True)
templates = Jinja2Templates(env=env)

NAME_TEXT = Annotated[str, Query(max_length=100)]


def safe_url(url: str | None) -> str | None:
    """The URL if it is plain http(s), else None (so ``javascript:`` and ``data:`` links never render)."""
    if not url:
        return None
    try:
        parts = urlsplit(url.strip())
    except ValueError:
        return None
    return url.strip() if parts.scheme in ("http", "https") and parts.netloc else None


def evidence_link(source: dict[str, Any], label: str | None = None) -> str | None:
    """The evidence view of one source: its article with the supporting span highlighted."""
    if not source.get("article_id"):
        return None
    query: dict[str, Any] = {}
    if source.get("start") is not None and source.get("end") is not None:
        query.update(start=source["start"], end=source["end"])
        if source.get("in_title"):
            query["in"] = "title"
    if source.get("status"):
        query["status"] = source["status"]
    if label:
        query["fact"] = label[:200]
    return f"/articles/{source['article_id']}?{urlencode(query)}#hl"


def tie_label(tie: dict[str, Any]) -> str:
    """ "A family.sibling B" in reading order (the subject first)."""
    return f"{tie.get('source_name') or '?'} {tie['type']} {tie.get('target_name') or '?'}"


ARROWS = {"out": "→", "in": "←", "both": "↔"}


env.filters["safe_url"] = safe_url
env.globals.update(evidence_link=evidence_link, tie_label=tie_label, ARROWS=ARROWS, STATUS_WORDS=data.STATUS_WORDS,
                   STATUSES=data.STATUS_ORDER, urlencode=lambda q: urlencode(q, doseq=True))


def _render(request: Request, name: str, build: Callable[[], dict[str, Any]]) -> HTMLResponse:
    """The page ``name`` over the context ``build()`` reads, or the body kept while the store has not changed."""
    settings = request.app.state.settings

    def make() -> bytes:
        return env.get_template(name).render({"allow_writes": settings.allow_writes, **build()}).encode()

    body, state = cached(request, make)
    return HTMLResponse(body, headers={"X-Dossier-Cache": state})


def error_page(request: Request, problem: dict[str, Any], headers: dict[str, str] | None = None) -> Response:
    """The HTML rendering of a problem document (same fields as the JSON one)."""
    response = templates.TemplateResponse(
        request, "error.html", {"problem": problem, "allow_writes": False}, status_code=problem["status"])
    if headers:
        response.headers.update(headers)
    return response


@router.get("/", response_class=HTMLResponse)
def home(request: Request, store: StoreDep) -> HTMLResponse:
    return _render(request, "home.html", lambda: {
        "people": data.people(store, 0, 30)["items"], "counts": store.count("articles", "relations", "quotes")})


@router.get("/search", response_class=HTMLResponse)
def search(request: Request, store: StoreDep, filters: FiltersDep, q: NAME_TEXT = "",
           offset: Offset = 0) -> HTMLResponse:
    return _render(request, "search.html", lambda: {
        "q": q, "found": data.search(store, q, filters, offset, 20) if q.strip() else None, "filters": filters,
        "query": filters.query()})


@router.get("/people/{person_id}", response_class=HTMLResponse)
def person(request: Request, store: StoreDep, person_id: PersonId, filters: FiltersDep) -> HTMLResponse:
    def build() -> dict[str, Any]:
        profile = data.profile(store, person_id, filters)
        return {"p": profile, "groups": data.ties_by_type(profile["ties"]), "filters": filters,
                "query": filters.query()}

    return _render(request, "person.html", build)


@router.get("/people/{person_id}/network", response_class=HTMLResponse)
def network(request: Request, store: StoreDep, person_id: PersonId, filters: FiltersDep) -> HTMLResponse:
    return _render(request, "network.html", lambda: {
        "p": service.lookup(store, data.ref(person_id)), "filters": filters, "query": filters.query()})


@router.get("/ties", response_class=HTMLResponse)
def ties(request: Request, store: StoreDep, a: Annotated[int, Query(ge=1, le=2**53)],
         b: Annotated[int, Query(ge=1, le=2**53)], filters: FiltersDep) -> HTMLResponse:
    return _render(request, "ties.html", lambda: {
        "t": data.ties_between(store, a, b, filters), "filters": filters, "query": filters.query()})


@router.get("/connect", response_class=HTMLResponse)
def connect(request: Request, store: StoreDep, filters: FiltersDep, a: NAME_TEXT = "",
            b: NAME_TEXT = "") -> HTMLResponse:
    def build() -> dict[str, Any]:
        result = None
        problems: list[dict[str, Any]] = []
        if a.strip() and b.strip():
            ends = []
            for name in (a, b):
                try:
                    ends.append(service.lookup(store, name)["id"])
                except (NotFound, Ambiguous) as exc:
                    matches = exc.matches if isinstance(exc, Ambiguous) else []
                    near = exc.suggestions if isinstance(exc, NotFound) else []
                    problems.append({"message": exc.message, "matches": matches, "suggestions": near})
            if not problems:
                result = data.path(store, ends[0], ends[1], filters)
        return {"a": a, "b": b, "result": result, "problems": problems, "filters": filters,
                "query": filters.query()}

    return _render(request, "connect.html", build)


@router.get("/articles", response_class=HTMLResponse)
def articles(request: Request, store: StoreDep, filters: FiltersDep, offset: Offset = 0) -> HTMLResponse:
    def build() -> dict[str, Any]:
        found = data.articles(store, filters, offset, 50)
        return {"listing": data.Page(found["items"], found["total"], offset, 50), "filters": filters,
                "query": filters.query()}

    return _render(request, "articles.html", build)


@router.get("/articles/{article_id}", response_class=HTMLResponse)
def article(
    request: Request, store: StoreDep, article_id: ArticleId,
    start: Annotated[int | None, Query(ge=0, le=10_000_000)] = None,
    end: Annotated[int | None, Query(ge=0, le=10_000_000)] = None,
    in_: Annotated[str, Query(alias="in", pattern="^(body|title)$")] = "body",
    status: StatusName | None = None,
    fact: Annotated[str | None, Query(max_length=200)] = None,
) -> HTMLResponse:
    def build() -> dict[str, Any]:
        graph = data.article(store, article_id)
        art = graph["article"]
        text = art["title"] if in_ == "title" else art["body"]
        before, marked, after = data.highlight(text, start, end)
        if start is not None and not marked:
            raise NotFound(f"article {article_id} has no span {start}-{end} in its {in_}")
        names = {e["id"]: e["name"] for e in graph["entities"]}
        return {"g": graph, "a": art, "names": names, "in_": in_, "before": before, "marked": marked,
                "after": after, "status": status, "fact": fact}

    return _render(request, "article.html", build)
