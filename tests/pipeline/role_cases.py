"""Shared helpers of the role test modules: one extraction, and its roles by (holder, title)."""

from __future__ import annotations

PUBLISHED = "2016-10-12"


def graph(text: str):  # type: ignore[no-untyped-def]
    """The article graph of ``text``, published on PUBLISHED."""
    from dossier.extraction import extract

    return extract(text, published=PUBLISHED)


def roles_by_holder(text: str) -> dict[tuple[str | None, str], object]:
    """(person, title) -> the role (the last one when a title repeats), with its org and place as names."""
    g = graph(text)
    names = {e.id: e.name for e in g.entities}
    out: dict[tuple[str | None, str], object] = {}
    for r in g.roles:
        r.org_name, r.place_name = names.get(r.org), names.get(r.place)  # type: ignore[attr-defined]
        out[(names.get(r.person), r.title)] = r
    return out
