"""dossier: a sourced, time-aware graph of public figures, built from dated news articles.

>>> import dossier
>>> graph = dossier.extract("Jane Roe, the mayor, said ...", published="2024-05-01")
>>> store = dossier.Store("dossier.db")
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from .graph import Article, ArticleGraph

__version__ = "0.1.0"

if TYPE_CHECKING:
    from .store import Store


def extract(text: str | Article, published: str | None = None, **kwargs: Any) -> ArticleGraph:
    """Extract the article graph of one article: text (with ``published=``) or an :class:`Article`."""
    from .extraction import extract as _extract

    return _extract(text, published=published, **kwargs)


def __getattr__(name: str) -> Any:
    if name == "Store":
        from .store import Store

        return Store
    raise AttributeError(name)


__all__ = ["Article", "ArticleGraph", "Store", "__version__", "extract"]
