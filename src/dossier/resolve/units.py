"""What resolution needs to know about each entity of one article graph."""

from __future__ import annotations

from dataclasses import dataclass

from ..graph import ArticleGraph, Entity
from .names import NameParts, clean, fold, parse


@dataclass(frozen=True)
class Unit:
    """One article entity as resolution sees it.

    ``form`` keys the name form; ``block`` is what it is compared within (a
    person's surname); ``signature`` is set for persons named by surname only.
    """

    local_id: str
    type: str
    form: str
    block: str
    display: str
    parts: NameParts | None
    gender: str | None
    titles: tuple[str, ...]
    signature: str | None = None
    context: tuple[str, ...] = ()  # full person names only: see context_features()


def other_form(entity_type: str, name: str) -> str:
    """The form key of a non-person entity."""
    return f"{entity_type}|{fold(name) or name.strip().casefold()}"


def person_form(parts: NameParts) -> str:
    return parts.form if parts.full else f"~{parts.surname}" + (f" {parts.suffix}" if parts.suffix else "")


def units(graph: ArticleGraph) -> list[Unit]:
    """The units of an article graph, in entity order."""
    titles: dict[str, set[str]] = {}
    for role in graph.roles:
        if role.person and role.status not in ("negated", "hypothetical"):
            titles.setdefault(role.person, set()).add(fold(role.title))
    parsed: dict[str, NameParts | None] = {
        e.id: parse(e.name) for e in graph.entities if e.type == "PERSON"
    }
    forms = {e.id: (other_form(e.type, e.name) if e.type != "PERSON" or parsed[e.id] is None
                    else person_form(parsed[e.id])) for e in graph.entities}  # type: ignore[arg-type]
    weight = {e.id: len(e.mentions) for e in graph.entities}
    out = []
    for e in graph.entities:
        parts = parsed.get(e.id)
        mine = tuple(sorted(titles.get(e.id, ())))
        if e.type != "PERSON" or parts is None:
            form = other_form(e.type, e.name)
            out.append(Unit(e.id, e.type, form, form, clean(e.name) or e.name.strip(), None, e.gender, mine))
            continue
        signature = None
        if not parts.full:
            conflict = _conflict(e, parts, graph, parsed)
            signature = f"{parts.surname}|{e.gender or ''}|{conflict or ''}|{','.join(mine)}|{parts.suffix or ''}"
        context: tuple[str, ...] = ()
        if parts.full:
            others: list[tuple[int, str, str]] = [
                (weight[o.id], forms[o.id], o.type) for o in graph.entities if o.id != e.id]
            context = context_features(others, forms[e.id], graph.article.outlet, graph.article.published)
        out.append(Unit(e.id, "PERSON", person_form(parts), parts.surname, clean(e.name) or e.name.strip(), parts,
                        e.gender, mine, signature, context))
    return out


# Co-mentions kept per entity: the most mentioned, so that a long article adds a bounded number of rows.
MAX_COMENTIONS = 12


def context_features(others: list[tuple[int, str, str]], own: str, outlet: str | None,
                     published: str | None) -> tuple[str, ...]:
    """What a full-named person is seen with in one article, as ``kind:feature`` strings: the most
    mentioned co-mentioned people (full names) and organisations (``p:``/``o:`` their forms), the
    outlet (``s:``) and the year (``y:``). ``others`` holds (mentions, form, type) of the other entities."""
    seen: dict[str, int] = {}
    for weight, form, type_ in others:
        if form == own or (type_ == "PERSON" and (form.startswith("~") or "|" not in form)):
            continue
        if type_ in ("PERSON", "ORG"):
            key = ("p:" if type_ == "PERSON" else "o:") + form
            seen[key] = max(seen.get(key, 0), weight)
    top = sorted(seen, key=lambda k: (-seen[k], k))[:MAX_COMENTIONS]
    out = sorted(top)
    if outlet and fold(outlet):
        out.append(f"s:{fold(outlet)}")
    if published and published[:4].isdigit():
        out.append(f"y:{published[:4]}")
    return tuple(out)


def title_heads(titles: tuple[str, ...] | list[str]) -> tuple[str, ...]:
    """The head word of each title ("circuit judge" -> "judge"): the groups a context is counted in."""
    return tuple(sorted({t.split()[-1] for t in titles if t.split()}))


def _conflict(e: Entity, parts: NameParts, graph: ArticleGraph, parsed: dict[str, NameParts | None]) -> str | None:
    """Another person in the article with this surname and a first name: a bare surname could be either."""
    for other in graph.entities:
        p = parsed.get(other.id)
        if other.id != e.id and p is not None and p.full and p.surname == parts.surname:
            return p.first
    return None
