"""Word lists kept as data, and the only code that reads them.

A list is named by its path under this folder without the extension: the few lists
several packages share sit here (``reporting_verbs``), the rest in their owner's
folder (``status/modals``, ``times/months``, ``facts/relation_verbs``). A ``.txt`` list
has one entry a line, ``#`` starts a comment; a ``.json`` list is a table. Every list
is read on first use and cached.
"""

from __future__ import annotations

import json as _json
from functools import cache
from importlib import resources
from typing import Any


def _read(name: str, ext: str) -> str:
    return resources.files(__name__).joinpath(f"{name}.{ext}").read_text(encoding="utf-8")


@cache
def lines(name: str) -> tuple[str, ...]:
    """The entries of list ``name`` in file order (comments and blank lines dropped)."""
    out = []
    for raw in _read(name, "txt").splitlines():
        entry = raw.split("#", 1)[0].strip()
        if entry:
            out.append(entry)
    return tuple(out)


@cache
def load(name: str, lower: bool = True) -> frozenset[str]:
    """The entries of list ``name`` as a set (lower-cased unless ``lower=False``)."""
    return frozenset(e.lower() if lower else e for e in lines(name))


@cache
def pairs(name: str) -> dict[str, str]:
    """A ``<key words> <value>`` list as a table: everything before the last word (lower-cased) -> that word."""
    out = {}
    for line in lines(name):
        key, _, val = line.rpartition(" ")
        out[key.lower()] = val
    return out


@cache
def table(name: str, keys: int = 1) -> dict[Any, frozenset[str]]:
    """A ``<key> <values...>`` list as a table: the first ``keys`` words (a word, or a tuple of
    words when ``keys > 1``), lower-cased -> the set of words after them."""
    out: dict[Any, frozenset[str]] = {}
    for line in lines(name):
        words = line.lower().split()
        key = words[0] if keys == 1 else tuple(words[:keys])
        out[key] = frozenset(words[keys:])
    return out


@cache
def json(name: str) -> Any:
    """A JSON list ``<name>.json`` (read once; callers must not mutate it)."""
    return _json.loads(_read(name, "json"))


@cache
def title_words() -> frozenset[str]:
    """Every word of every person title and title abbreviation (``sen.``, ``sen``, ``governor``, ...),
    lower-cased, with and without a trailing period: the one title list for scoring and the store."""
    words: set[str] = set()
    for entry in lines("person_titles") + lines("coref/title_abbreviations"):
        for word in entry.lower().split():
            words.update({word, word.rstrip(".")})
    words.discard("")
    return frozenset(words)
