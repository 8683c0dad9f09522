"""The FastAPI application: the JSON API, the pages and their static files (one app per server process)."""

from __future__ import annotations

import json
import os
from collections.abc import AsyncIterator
from contextlib import asynccontextmanager
from dataclasses import asdict
from importlib import resources

import anyio.to_thread
from fastapi import FastAPI
from fastapi.staticfiles import StaticFiles

from .. import __version__
from . import api, errors, pages
from .cache import ResponseCache
from .pool import READERS, Stores
from .security import BodyLimit, SecurityHeaders
from .settings import Settings

DESCRIPTION = """\
Read the dossier graph: people, their roles, ties (each with every source, status and confidence),
quotes, timelines, paths between two people and the articles behind every fact.

Every list takes the same filters (`since`, `until`, `status`, `outlet`, `min_sources`,
`min_confidence`) and pages with `offset`/`limit`. Every error is an RFC 9457 problem document
(`application/problem+json` with `type`, `title`, `status`, `detail`).
Writes (`POST /api/articles`) need `--allow-writes` and `Authorization: Bearer TOKEN`.
"""


def create_app(settings: Settings) -> FastAPI:
    """The app over the store in ``settings.db`` (which must exist)."""
    stores = Stores(settings.db, max_idle=READERS)

    @asynccontextmanager
    async def lifespan(_app: FastAPI) -> AsyncIterator[None]:
        # Sync routes run in anyio's worker threads: as many as the pool keeps readers, so each
        # thread finds an idle reader rather than opening (and then closing) one of its own.
        anyio.to_thread.current_default_thread_limiter().total_tokens = READERS
        await anyio.to_thread.run_sync(stores.fill)
        yield
        stores.close()

    app = FastAPI(
        title="dossier", version=__version__, description=DESCRIPTION, lifespan=lifespan,
        docs_url=None, redoc_url=None,  # their pages load scripts from a CDN and run inline script
    )
    app.state.settings = settings
    app.state.stores = stores
    app.state.cache = ResponseCache(settings.cache_mb * 2**20)
    errors.install(app)
    app.include_router(api.router)
    app.include_router(api.writes)
    app.include_router(pages.router)
    static = resources.files(__package__).joinpath("static")
    app.mount("/static", StaticFiles(directory=str(static)), name="static")
    app.add_middleware(BodyLimit, max_bytes=settings.max_body)
    app.add_middleware(SecurityHeaders)
    return app


SETTINGS_ENV = "DOSSIER_SERVE_SETTINGS"


def settings_env(settings: Settings) -> str:
    """The settings as the environment value a worker process reads back (:func:`app_from_env`)."""
    return json.dumps(asdict(settings))


def app_from_env() -> FastAPI:
    """The app of one worker of ``dossier serve --workers N``, from the settings the command left in
    ``$DOSSIER_SERVE_SETTINGS`` (uvicorn imports this factory in each worker process)."""
    return create_app(Settings(**json.loads(os.environ[SETTINGS_ENV])))
