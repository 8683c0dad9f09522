"""One error shape: RFC 9457 problem details (``application/problem+json``), or the same as an HTML page.

Every failure, whether a dossier error, a bad parameter, a missing route or a bug, becomes a
problem with ``type``, ``title``, ``status`` and ``detail``; API paths get JSON, pages get HTML.
"""

from __future__ import annotations

import logging
from http import HTTPStatus
from typing import Any

from fastapi import FastAPI, Request
from fastapi.exceptions import RequestValidationError
from fastapi.responses import JSONResponse, Response
from starlette.exceptions import HTTPException as StarletteHTTPException

from ..errors import Ambiguous, DossierError, NotFound, ReadError, StoreError
from .security import SECURITY_HEADERS

log = logging.getLogger("dossier.web")

PROBLEM_JSON = "application/problem+json"


class Problem(Exception):
    """An error to answer with a problem document (raised by the web layer itself)."""

    def __init__(self, status: int, detail: str, slug: str | None = None, **extra: Any) -> None:
        super().__init__(detail)
        self.status = status
        self.detail = detail
        self.slug = slug
        self.extra = extra


def problem(status: int, detail: str, slug: str | None = None, **extra: Any) -> dict[str, Any]:
    """The problem document for a status: ``type`` is ``/problems/<slug>`` or ``about:blank``."""
    title = HTTPStatus(status).phrase
    body: dict[str, Any] = {
        "type": f"/problems/{slug}" if slug else "about:blank",
        "title": title,
        "status": status,
        "detail": detail,
    }
    body.update(extra)
    return body


def _from_dossier(exc: DossierError) -> dict[str, Any]:
    if isinstance(exc, NotFound):
        return problem(404, exc.message, "not-found", code=exc.code, suggestions=exc.suggestions)
    if isinstance(exc, Ambiguous):
        return problem(409, exc.message, "ambiguous-name", code=exc.code, matches=exc.matches)
    if isinstance(exc, ReadError):
        return problem(422, exc.message, "unreadable-article", code=exc.code, where=exc.where, kind=exc.kind)
    if isinstance(exc, StoreError):
        log.error("store error: %s", exc.message)
        return problem(503, exc.message, "store-unavailable", code=exc.code)
    return problem(400, exc.message, "dossier-error", code=exc.code)


def _validation(exc: RequestValidationError) -> dict[str, Any]:
    errors = [
        {"where": ".".join(str(p) for p in err.get("loc", ())), "message": str(err.get("msg", ""))}
        for err in exc.errors()
    ]
    summary = "; ".join(f"{e['where']}: {e['message']}" for e in errors[:5]) or "invalid request"
    return problem(422, summary, "invalid-parameter", errors=errors)


def _http(exc: StarletteHTTPException) -> dict[str, Any]:
    status = exc.status_code if exc.status_code in HTTPStatus._value2member_map_ else 500
    detail = exc.detail if isinstance(exc.detail, str) else HTTPStatus(status).description
    return problem(status, detail)


def wants_html(request: Request) -> bool:
    """Pages answer in HTML; the API, static files and the schema answer in JSON."""
    path = request.url.path
    return not (path == "/api" or path == "/openapi.json" or path.startswith(("/api/", "/static/")))


def render(request: Request, body: dict[str, Any]) -> Response:
    """The problem as JSON or, for a page, as the error page."""
    headers = dict(SECURITY_HEADERS)
    if body["status"] == 401:
        headers["WWW-Authenticate"] = "Bearer"
    if wants_html(request):
        from .pages import error_page

        return error_page(request, body, headers=headers)
    return JSONResponse(body, status_code=body["status"], media_type=PROBLEM_JSON, headers=headers)


def install(app: FastAPI) -> None:
    """Route every kind of failure to :func:`render`."""

    @app.exception_handler(Problem)
    async def _problem(request: Request, exc: Problem) -> Response:
        return render(request, problem(exc.status, exc.detail, exc.slug, **exc.extra))

    @app.exception_handler(DossierError)
    async def _dossier(request: Request, exc: DossierError) -> Response:
        return render(request, _from_dossier(exc))

    @app.exception_handler(RequestValidationError)
    async def _invalid(request: Request, exc: RequestValidationError) -> Response:
        return render(request, _validation(exc))

    @app.exception_handler(StarletteHTTPException)
    async def _http_error(request: Request, exc: StarletteHTTPException) -> Response:
        return render(request, _http(exc))

    @app.exception_handler(Exception)
    async def _bug(request: Request, exc: Exception) -> Response:
        log.exception("unhandled error on %s", request.url.path)
        return render(request, problem(500, "the server failed on this request; the error is in its log"))
