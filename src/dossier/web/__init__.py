"""The HTTP API and web interface (``dossier serve``): FastAPI over :mod:`dossier.service`."""

from __future__ import annotations

from .app import create_app
from .settings import Settings

__all__ = ["Settings", "create_app"]
