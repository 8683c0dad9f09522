"""Text helpers for the store: name normalisation, evidence text, and the parse's sentence around a span."""

from __future__ import annotations

import re
import unicodedata
from bisect import bisect_right
from collections.abc import Iterable
from itertools import takewhile

from ..graph import Article, Span

_POSSESSIVE = re.compile(r"['’]s?$")
_NON_WORD = re.compile(r"[^\w\s-]")
_SPACES = re.compile(r"[\s-]+")


def norm(name: str) -> str:
    """A name folded for matching: no accents, no punctuation, lower case, single spaces.

    >>> norm("  Ana-María  O'Neill ")
    'ana maria oneill'
    """
    decomposed = unicodedata.normalize("NFKD", name)
    plain = "".join(c for c in decomposed if not unicodedata.combining(c))
    plain = _POSSESSIVE.sub("", plain.strip()) if len(plain.strip()) > 3 else plain
    plain = _NON_WORD.sub("", plain.casefold())
    return _SPACES.sub(" ", plain).strip()


def surname(name: str) -> str | None:
    """The normalised last word of a person's name (None for a one-word name)."""
    words = norm(name).split()
    return words[-1] if len(words) > 1 else None


def _source_text(article: Article, span: Span) -> str:
    return article.title if span.in_ == "title" else article.body


def span_text(article: Article, span: Span | None) -> str | None:
    """The text a span covers: its own ``text`` if given, else the slice of title or body."""
    if span is None:
        return None
    if span.text is not None:
        return span.text
    text = _source_text(article, span)
    if 0 <= span.start <= span.end <= len(text):
        return text[span.start : span.end]
    return None


class Sentences:
    """The parse's sentences of one article (``ArticleGraph.sentences``), to find the one around a span.

    A graph without sentences (JSON written before they were kept) gives each span's own
    text as its sentence: the store never re-splits the article itself.
    """

    def __init__(self, article: Article, spans: Iterable[Span]) -> None:
        self.article = article
        self._by_part: dict[str, list[Span]] = {}
        for s in sorted(spans, key=lambda s: (s.in_, s.start, s.end)):
            self._by_part.setdefault(s.in_, []).append(s)
        self._ends = {part: [s.end for s in spans] for part, spans in self._by_part.items()}

    def around(self, span: Span | None) -> str | None:
        """The sentence (or run of sentences) holding ``span``; its own text when no sentence holds it."""
        if span is None:
            return None
        part = self._by_part.get(span.in_, [])
        first = bisect_right(self._ends.get(span.in_, []), span.start)
        holding = list(takewhile(lambda s: s.start < max(span.end, span.start + 1), part[first:]))
        text = _source_text(self.article, span)
        if not holding or holding[-1].end > len(text):
            return span_text(self.article, span)
        return text[holding[0].start : holding[-1].end]


def sentence(article: Article, span: Span | None, sentences: Iterable[Span] = ()) -> str | None:
    """The sentence holding ``span`` among the parse's ``sentences`` (see :class:`Sentences`)."""
    return Sentences(article, sentences).around(span)
