"""How dossier's spaCy components share results on a Doc.

Results are kept as plain, picklable values (never a ``Span`` in ``doc._``,
which breaks multiprocessing and Spark):

* ``doc.spans[MENTIONS]``: every mention of an entity. ``span.label_`` is the
  entity type (PERSON, ORG, OUTLET, GPE, LOC, NORP, GROUP, ...), ``span.kb_id_``
  the entity key it belongs to (``""`` while unresolved) and ``span.id_`` the
  mention kind (name, alias, descriptor, pronoun, possessive).
* ``doc.user_data[ENTITIES]``: ``{key: EntityInfo-as-dict}`` with name, type,
  gender, subtype.
* ``doc.user_data[<section>]`` for TIMES, QUOTES, ROLES, RELATIONS, EVENTS,
  CLAIMS: lists of the contract dataclasses of :mod:`dossier.graph` whose spans
  are character offsets into ``doc.text`` and whose entity references are
  entity keys. :mod:`dossier.extraction` maps both to the article's coordinates.

Use the helpers below rather than the raw keys.
"""

from __future__ import annotations

from typing import Any

from spacy.tokens import Doc, Span

MENTIONS = "dossier_mentions"
ENTITIES = "dossier.entities"
MENTION_CONFIDENCE = "dossier.mention_confidence"  # {(start_char, end_char): float} for resolved mentions
TIMES = "dossier.times"
QUOTES = "dossier.quotes"
ROLES = "dossier.roles"
RELATIONS = "dossier.relations"
EVENTS = "dossier.events"
CLAIMS = "dossier.claims"
SECTIONS = (TIMES, QUOTES, ROLES, RELATIONS, EVENTS, CLAIMS)


def mentions(doc: Doc) -> list[Span]:
    """All entity mentions, in document order."""
    if MENTIONS not in doc.spans:
        return []
    return sorted(doc.spans[MENTIONS], key=lambda s: (s.start, s.end))


def set_mentions(doc: Doc, spans: list[Span]) -> None:
    """Replace the mention group (spans carry label, kb_id and id as described above)."""
    doc.spans[MENTIONS] = sorted(spans, key=lambda s: (s.start, s.end))


def add_mention(doc: Doc, start: int, end: int, label: str, key: str, kind: str) -> Span:
    """Add one mention (token offsets) to the mention group and return it."""
    span = Span(doc, start, end, label=label, kb_id=key, span_id=kind)
    group = doc.spans.get(MENTIONS, None)
    if group is None:
        doc.spans[MENTIONS] = [span]
    else:
        group.append(span)
    return span


def entities(doc: Doc) -> dict[str, dict[str, Any]]:
    """Entity records by key: ``{"name", "type", "gender", "subtype"}``."""
    return doc.user_data.setdefault(ENTITIES, {})


def mention_index(doc: Doc) -> dict[int, Span]:
    """Token index -> the first resolved mention covering it; build once per component, then look up."""
    index: dict[int, Span] = {}
    for span in mentions(doc):
        if span.kb_id_:
            for i in range(span.start, span.end):
                index.setdefault(i, span)
    return index


def section(doc: Doc, key: str) -> list[Any]:
    """A result list (TIMES, QUOTES, ...) of the doc, created empty if missing."""
    return doc.user_data.setdefault(key, [])
