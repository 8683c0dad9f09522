"""Word lists kept as data: one ``<name>.txt`` per list, one entry a line, ``#`` starts a comment."""

from __future__ import annotations

from functools import cache
from importlib import resources


@cache
def lines(name: str) -> tuple[str, ...]:
    """The entries of list ``name`` in file order (comments and blank lines dropped)."""
    text = resources.files(__name__).joinpath(f"{name}.txt").read_text(encoding="utf-8")
    out = []
    for raw in text.splitlines():
        entry = raw.split("#", 1)[0].strip()
        if entry:
            out.append(entry)
    return tuple(out)


@cache
def load(name: str, lower: bool = True) -> frozenset[str]:
    """The entries of list ``name`` as a set (lower-cased unless ``lower=False``)."""
    return frozenset(e.lower() if lower else e for e in lines(name))
