"""SQLite store: schema and named migrations, idempotent writes, queries."""

from __future__ import annotations

from .store import Store

__all__ = ["Store"]
