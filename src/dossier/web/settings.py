"""The web server's configuration (what ``dossier serve`` was started with)."""

from __future__ import annotations

import hmac
from dataclasses import dataclass
from pathlib import Path

from .. import service
from .cache import DEFAULT_MB

MAX_BODY_BYTES = 2_000_000  # a posted batch of articles; larger requests get 413
MAX_POSTED_ARTICLES = 50


@dataclass
class Settings:
    """What ``dossier serve`` was started with."""

    db: str
    allow_writes: bool = False
    token: str | None = None
    model: str | None = None
    max_body: int = MAX_BODY_BYTES
    cache_mb: int = DEFAULT_MB  # JSON read responses kept until the store changes (0: none)

    def token_ok(self, given: str | None) -> bool:
        """Constant-time comparison of a presented token with the configured one."""
        if not self.token or not given:
            return False
        return hmac.compare_digest(given.encode(), self.token.encode())


def check_store(db: str | Path) -> None:
    """Raise StoreError now, at start-up, if the store cannot be opened for reading."""
    service.open_store(db, readonly=True).close()
