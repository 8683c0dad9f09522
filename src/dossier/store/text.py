"""Text helpers for the store: name normalisation, evidence text and the sentence around a span."""

from __future__ import annotations

import re
import unicodedata

from ..graph import Article, Span

_POSSESSIVE = re.compile(r"['’]s?$")
_NON_WORD = re.compile(r"[^\w\s-]")
_SPACES = re.compile(r"[\s-]+")
# A sentence ends at . ! ? (with any closing quotes or brackets) before a space, or at a line break.
_BOUNDARY = re.compile(r"[.!?]+[\"'”’)\]]*(?=\s|$)|\n")
_ABBREVIATIONS = frozenset({
    "mr", "mrs", "ms", "dr", "st", "jr", "sr", "sen", "rep", "gov", "gen", "lt", "col", "capt", "prof", "rev",
    "hon", "mt", "ft", "vs", "inc", "corp", "ltd", "u.s", "a.m", "p.m",
})


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


def sentence(article: Article, span: Span | None) -> str | None:
    """The sentence (or sentences) holding a span; the span's text when the offsets don't fit the article."""
    if span is None:
        return None
    text = _source_text(article, span)
    if not 0 <= span.start <= span.end <= len(text):
        return span_text(article, span)
    if span.in_ == "title":
        return text.strip()
    begin = 0
    for match in _BOUNDARY.finditer(text, 0, span.start):
        if not _is_abbreviation(text, match.start()):
            begin = match.end()
    finish = len(text)
    for match in _BOUNDARY.finditer(text, max(span.start, span.end - 1)):
        if not _is_abbreviation(text, match.start()):
            finish = match.end()
            break
    return text[begin:finish].strip() or span_text(article, span)


def _is_abbreviation(text: str, dot: int) -> bool:
    if text[dot] != ".":
        return False
    word = re.search(r"[\w.]+$", text[max(0, dot - 8) : dot])
    if not word:
        return False
    token = word.group(0).casefold()
    # A single capital ("J. Smith") is an initial, not a sentence end.
    return token in _ABBREVIATIONS or (len(token) == 1 and text[dot - 1].isupper())
