"""Every value dossier keeps on a Doc, with typed accessors: nothing else touches ``doc.user_data``.

Results are kept as plain, picklable values (never a ``Span`` in ``doc._``,
which breaks multiprocessing and Spark):

* ``doc.spans[MENTIONS]``: every mention of an entity. ``span.label_`` is the
  entity type (PERSON, ORG, OUTLET, GPE, LOC, NORP, GROUP, ...), ``span.kb_id_``
  the entity key it belongs to (``""`` while unresolved) and ``span.id_`` the
  mention kind (name, alias, descriptor, pronoun, possessive).
* ``ENTITIES``: ``{key: {"name", "type", "gender", "subtype"}}``.
* ``MENTION_CONFIDENCE``: ``{(start_char, end_char): float}`` for mentions coref resolved.
* ``APPOSITIONS``: ``[{"entity", "start", "end", "text"}]``, the appositions coref read
  (``Kim Osk, the mayor``), for roles.
* ``PUBLISHED`` and ``TITLE_LEN``: the article's date and title length, set before the pipeline runs.
* ``STATUS_FRAMES``: the status component's frames and per-token index (plain values).
* ``QUOTE_STATUS``: ``{quote id: status}``, the status component's reading of a quote where it
  differs from the quote component's own (an imagined cue, a hedged indirect quote).
* ``TIMES``, ``QUOTES``, ``ROLES``, ``RELATIONS``, ``EVENTS``, ``CLAIMS``: lists of the
  contract dataclasses of :mod:`dossier.graph` whose spans are character offsets into
  ``doc.text`` and whose entity references are entity keys. :mod:`dossier.extraction`
  maps both to the article's coordinates.
* ``FAILURES``: ``[{"component", "error"}]``, one per component that raised on this Doc.

Each component's annotation is also a read-only extension (``doc._.dossier_quotes``, ...), the
names its ``requires``/``assigns`` declare, so ``nlp.analyze_pipes()`` checks their order.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from spacy.tokens import Doc, Span

if TYPE_CHECKING:
    from ..graph import Quote

MENTIONS = "dossier_mentions"
ENTITIES = "dossier.entities"
MENTION_CONFIDENCE = "dossier.mention_confidence"
APPOSITIONS = "dossier.appositions"
PUBLISHED = "dossier.published"
TITLE_LEN = "dossier.title_len"
STATUS_FRAMES = "dossier.status"
QUOTE_STATUS = "dossier.quote_status"
FAILURES = "dossier.failures"
TIMES = "dossier.times"
QUOTES = "dossier.quotes"
ROLES = "dossier.roles"
RELATIONS = "dossier.relations"
EVENTS = "dossier.events"
CLAIMS = "dossier.claims"
SECTIONS = (TIMES, QUOTES, ROLES, RELATIONS, EVENTS, CLAIMS)


# --------------------------------------------------------------------------- the article


def set_article(doc: Doc, published: str | None, title_len: int) -> None:
    """Record the article's publication date (ISO text) and title length before the pipeline runs."""
    doc.user_data[PUBLISHED] = published
    doc.user_data[TITLE_LEN] = title_len


def published(doc: Doc) -> str | None:
    """The publication date as given (ISO text), or None."""
    raw = doc.user_data.get(PUBLISHED)
    return str(raw) if raw else None


def title_len(doc: Doc) -> int:
    """Characters of ``doc.text`` that belong to the title (0 when there is none)."""
    return int(doc.user_data.get(TITLE_LEN, 0) or 0)


# --------------------------------------------------------------------------- mentions and entities


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
    records: dict[str, dict[str, Any]] = doc.user_data.setdefault(ENTITIES, {})
    return records


def mention_index(doc: Doc) -> dict[int, Span]:
    """Token index -> the first resolved mention covering it; build once per component, then look up."""
    index: dict[int, Span] = {}
    for span in mentions(doc):
        if span.kb_id_:
            for i in range(span.start, span.end):
                index.setdefault(i, span)
    return index


def mention_confidence(doc: Doc) -> dict[tuple[int, int], float]:
    """Confidence of each resolved mention by its character offsets (created empty if missing)."""
    confidence: dict[tuple[int, int], float] = doc.user_data.setdefault(MENTION_CONFIDENCE, {})
    return confidence


def appositions(doc: Doc) -> list[dict[str, Any]]:
    """The appositions coref read: ``{"entity", "start", "end", "text"}`` (empty before coref)."""
    return list(doc.user_data.get(APPOSITIONS) or [])


def set_appositions(doc: Doc, records: list[dict[str, Any]]) -> None:
    """Replace the apposition records."""
    doc.user_data[APPOSITIONS] = records


# --------------------------------------------------------------------------- status frames


def status_frames(doc: Doc) -> dict[str, Any] | None:
    """The cached status frames (``{"n", "frames", "by_token"}``), or None before status ran."""
    cached: dict[str, Any] | None = doc.user_data.get(STATUS_FRAMES)
    return cached


def set_status_frames(doc: Doc, cached: dict[str, Any] | None) -> None:
    """Cache the status frames (None drops the cache)."""
    if cached is None:
        doc.user_data.pop(STATUS_FRAMES, None)
    else:
        doc.user_data[STATUS_FRAMES] = cached


def quote_status(doc: Doc, quote: Quote) -> str:
    """The status of ``quote``: the status component's reading if it gave one, else the quote's own."""
    refined: dict[str, str] = doc.user_data.get(QUOTE_STATUS) or {}
    return refined.get(quote.id, quote.status)


def set_quote_status(doc: Doc, refined: dict[str, str]) -> None:
    """Record the status component's reading of the quotes whose status it changes (by quote id)."""
    doc.user_data[QUOTE_STATUS] = refined


# --------------------------------------------------------------------------- result sections


def section(doc: Doc, key: str) -> list[Any]:
    """A result list (TIMES, QUOTES, ...) of the doc, created empty if missing."""
    items: list[Any] = doc.user_data.setdefault(key, [])
    return items


# --------------------------------------------------------------------------- failures


def add_failure(doc: Doc, component: str, error: BaseException) -> None:
    """Record that ``component`` raised ``error`` on this Doc."""
    doc.user_data.setdefault(FAILURES, []).append(
        {"component": component, "error": f"{type(error).__name__}: {error}"}
    )


def failures(doc: Doc) -> list[dict[str, str]]:
    """The components that raised on this Doc: ``{"component", "error": "TypeName: message"}``."""
    return list(doc.user_data.get(FAILURES) or [])


def failed(doc: Doc, *components: str) -> bool:
    """Whether any of ``components`` (any component at all when none are named) raised on this Doc."""
    names = {f["component"] for f in failures(doc)}
    return bool(names & set(components)) if components else bool(names)


# --------------------------------------------------------------------------- annotations as extensions

# The attribute each component assigns (and later ones require), and what it shows.
ANNOTATIONS: dict[str, tuple[str, ...]] = {
    "dossier_entities": (ENTITIES,),
    "dossier_coref": (MENTION_CONFIDENCE, APPOSITIONS),
    "dossier_times": (TIMES,),
    "dossier_quotes": (QUOTES,),
    "dossier_status": (CLAIMS, QUOTE_STATUS),
    "dossier_facts": (ROLES, RELATIONS, EVENTS),
}


def attr(annotation: str) -> str:
    """The ``requires``/``assigns`` name of an annotation (``doc._.dossier_quotes``)."""
    return f"doc._.{annotation}"


def register_extensions() -> None:
    """Make each annotation readable as ``doc._.<name>`` (a dict of its keys; nothing is stored twice)."""
    for name, keys in ANNOTATIONS.items():
        if not Doc.has_extension(name):
            Doc.set_extension(name, getter=_getter(keys))


def _getter(keys: tuple[str, ...]) -> Any:
    def get(doc: Doc) -> dict[str, Any]:
        return {key: doc.user_data[key] for key in keys if key in doc.user_data}

    return get
