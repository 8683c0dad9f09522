"""A bounded cache of JSON read responses, dropped as soon as the store changes.

A hub's profile costs tens of milliseconds of queries and is asked for far more often than the
store changes. Each body is kept under the store generation it was read in (see
:class:`dossier.web.pool.Stores`); a body from an older generation is never served.
"""

from __future__ import annotations

import threading
from collections import OrderedDict
from collections.abc import Callable
from urllib.parse import urlencode

from starlette.requests import Request

DEFAULT_MB = 64


class ResponseCache:
    """Least-recently-used bodies, at most ``max_bytes`` in all (0: cache nothing)."""

    def __init__(self, max_bytes: int) -> None:
        self.max_bytes = max(0, max_bytes)
        self.size = 0
        self.hits = 0
        self.misses = 0
        self._items: OrderedDict[str, tuple[int, bytes]] = OrderedDict()
        self._lock = threading.Lock()

    def get(self, key: str, generation: int) -> bytes | None:
        """The body kept for ``key`` in this generation, or None."""
        if not self.max_bytes:
            return None
        with self._lock:
            found = self._items.get(key)
            if found is None or found[0] != generation:
                if found is not None:
                    self._drop(key)
                self.misses += 1
                return None
            self._items.move_to_end(key)
            self.hits += 1
            return found[1]

    def put(self, key: str, generation: int, body: bytes) -> None:
        """Keep a body read in ``generation`` (a body over a quarter of the cache is not kept)."""
        if len(body) > self.max_bytes // 4:
            return
        with self._lock:
            if key in self._items:
                self._drop(key)
            self._items[key] = (generation, body)
            self.size += len(body)
            while self.size > self.max_bytes:
                self._drop(next(iter(self._items)))

    def _drop(self, key: str) -> None:
        _, body = self._items.pop(key)
        self.size -= len(body)

    def stats(self) -> dict[str, int]:
        """Entries, bytes, hits and misses so far."""
        with self._lock:
            return {"entries": len(self._items), "bytes": self.size, "hits": self.hits, "misses": self.misses}


def cached(request: Request, make: Callable[[], bytes]) -> tuple[bytes, str]:
    """The body for this GET (path and query, in any order), kept or made by ``make()``; and "hit" or "miss".

    The store generation is the one the request's reader began in (:func:`dossier.web.params.reader`).
    """
    cache: ResponseCache = request.app.state.cache
    key = request.url.path + "?" + urlencode(sorted(request.query_params.multi_items()))
    generation: int = request.state.generation
    body = cache.get(key, generation)
    if body is not None:
        return body, "hit"
    body = make()
    cache.put(key, generation, body)
    return body, "miss"
