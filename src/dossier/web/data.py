"""What the web pages and the API show, shaped from the service's reads (no SQL, no spaCy here).

Every read goes through a :class:`dossier.store.Store` opened by :func:`dossier.service.open_store`.
This module filters, groups and pages those reads for the HTTP layer: one place, so that the
JSON API and the HTML pages always agree on what a filter means.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from typing import Any

from .. import service
from ..confidence import DEFAULT_MIN_CONFIDENCE
from ..store import Store

# Strongest first: a tie reported both as asserted and as speculative counts as asserted.
STATUS_ORDER: tuple[str, ...] = (
    "asserted", "attributed", "reported", "hedged", "speculative", "hypothetical", "unknown", "negated",
)
# Ties hidden by the "firm ties only" toggle: nobody claims them as fact.
WEAK_STATUSES = frozenset({"speculative", "hypothetical", "unknown"})
LOW_CONFIDENCE = DEFAULT_MIN_CONFIDENCE  # the threshold below which dossier hides a fact by default
# Statuses a path walks through by default: someone states the tie as fact (the service's default).
PATH_STATUSES = ("asserted", "attributed")

STATUS_WORDS: dict[str, str] = {
    "asserted": "The article states this as fact, in its own voice.",
    "attributed": "The article reports that a named source said this; it does not vouch for it itself.",
    "reported": "The article passes this on from other reports (\"reportedly\", \"according to reports\").",
    "hedged": "The article qualifies this (\"appears to\", \"may have\", \"is believed to\"): likely but not certain.",
    "speculative": "This is guesswork or a rumour in the article (\"could\", \"might\", \"speculation that\").",
    "hypothetical": "This is imagined, not claimed: a what-if, a supposition, fiction or satire.",
    "negated": "The article says this is NOT the case.",
    "unknown": "The article raises this without saying whether it is true (a question, a refusal to say).",
}


def status_rank(status: str | None) -> int:
    """Position of a status in :data:`STATUS_ORDER` (unknown statuses sort last)."""
    try:
        return STATUS_ORDER.index(status or "")
    except ValueError:
        return len(STATUS_ORDER)


@dataclass(frozen=True)
class Filters:
    """The filters every read accepts. Dates are compared on the report (publication) date.

    Merged ties are filtered by the service (:meth:`graph`); ``min_sources`` and a tie's combined
    confidence apply to ties only. Single facts (quotes, roles, claims) are filtered here by date,
    status, outlet and their own confidence.
    """

    since: str | None = None
    until: str | None = None
    statuses: frozenset[str] | None = None
    outlet: str | None = None
    min_sources: int = 1
    min_confidence: float | None = None
    show_all: bool = False  # ties: count hypothetical and low-confidence sources too (the service hides them)

    def keep(self, fact: dict[str, Any]) -> bool:
        """Whether one fact (with ``published``, ``status``, ``outlet``, maybe ``confidence``) passes."""
        published = fact.get("published") or ""
        if self.since and (not published or published[: len(self.since)] < self.since):
            return False
        if self.until and (not published or published[: len(self.until)] > self.until):
            return False
        if self.statuses is not None and fact.get("status") not in self.statuses:
            return False
        if self.outlet and (fact.get("outlet") or "").casefold() != self.outlet.casefold():
            return False
        if self.min_confidence is not None:
            confidence = fact.get("confidence")
            if confidence is not None and confidence < self.min_confidence:
                return False
        return True

    def graph(self) -> Any:
        """The same filters for the service's graph queries."""
        outlets = [self.outlet] if self.outlet else []
        return service.filters(self.since, self.until, sorted(self.statuses or ()), outlets, self.min_sources,
                               self.min_confidence or 0.0, show_all=self.show_all)

    def apply(self, facts: Iterable[dict[str, Any]]) -> list[dict[str, Any]]:
        """The facts that pass, in their order."""
        return [f for f in facts if self.keep(f)]

    def query(self) -> dict[str, Any]:
        """The filters as query parameters (for links that keep them)."""
        out: dict[str, Any] = {}
        for key in ("since", "until", "outlet", "min_confidence"):
            if getattr(self, key) is not None:
                out[key] = getattr(self, key)
        if self.statuses is not None:
            out["status"] = sorted(self.statuses, key=status_rank)
        if self.min_sources > 1:
            out["min_sources"] = self.min_sources
        if self.show_all:
            out["all"] = "true"
        return out


@dataclass
class Page:
    """One page of a longer list."""

    items: list[Any]
    total: int
    offset: int
    limit: int

    @property
    def next_offset(self) -> int | None:
        end = self.offset + self.limit
        return end if end < self.total else None

    def to_dict(self) -> dict[str, Any]:
        return {
            "items": self.items, "total": self.total, "offset": self.offset, "limit": self.limit,
            "next_offset": self.next_offset,
        }


def page(items: list[Any], offset: int, limit: int) -> Page:
    """Slice a list into a :class:`Page`."""
    return Page(items[offset: offset + limit], len(items), offset, limit)


# --- ties --------------------------------------------------------------------------------


def ref(entity_id: int) -> str:
    """The service's way of naming an entity by id."""
    return f"#{entity_id}"


def evidence_of(src: dict[str, Any]) -> dict[str, Any]:
    """One source of a merged edge, in the flat shape the pages link from (article, span, status)."""
    ev = src.get("evidence") or {}
    return {
        "article_id": src.get("article"), "article_title": src.get("article_title"), "outlet": src.get("outlet"),
        "published": src.get("published"), "url": src.get("url"), "status": src.get("status"),
        "confidence": src.get("confidence"), "sentence": src.get("sentence"), "start": ev.get("start"),
        "end": ev.get("end"), "in_title": ev.get("in") == "title", "source": src.get("source_entity_name"),
        "date": src.get("start") or src.get("when"),
    }


def is_weak(edge: dict[str, Any]) -> bool:
    """A tie nobody states as fact (speculative, hypothetical, unknown) or one of low combined confidence.

    A negated tie is not weak: that it does not hold is itself reported, and it is drawn as negated.
    """
    if edge["status"] in WEAK_STATUSES:
        return True
    return edge["status"] != "negated" and edge["confidence"] < LOW_CONFIDENCE


def tie_view(edge: dict[str, Any], me: int) -> dict[str, Any]:
    """A merged edge seen from one of its ends: the other party, the direction, support and evidence."""
    outgoing = edge["source"] == me
    support = edge["support"]
    return {
        "id": edge.get("id"), "type": edge["type"],
        "direction": "both" if edge.get("symmetric") else ("out" if outgoing else "in"),
        "other": edge["target_name"] if outgoing else edge["source_name"],
        "other_id": edge["target"] if outgoing else edge["source"],
        "source": edge["source"], "target": edge["target"],
        "source_name": edge["source_name"], "target_name": edge["target_name"],
        "start": edge["start"], "end": edge["end"], "status": edge["status"], "confidence": edge["confidence"],
        "statuses": dict(sorted(support["statuses"].items(), key=lambda kv: status_rank(kv[0]))),
        "articles": support["articles"], "outlets": support["outlets"],
        "first_reported": support["earliest"], "last_reported": support["latest"],
        "contradictions": edge["contradictions"], "weak": is_weak(edge),
        "sources": [evidence_of(s) for s in edge["sources"]],
    }


def ties_by_type(ties: list[dict[str, Any]]) -> list[tuple[str, list[dict[str, Any]]]]:
    """Ties grouped under the family of their type ("family", "political", ...), largest group first."""
    groups: dict[str, list[dict[str, Any]]] = {}
    for tie in ties:
        groups.setdefault(tie["type"].split(".", 1)[0], []).append(tie)
    return sorted(groups.items(), key=lambda kv: (-len(kv[1]), kv[0]))


def _order(ties: list[dict[str, Any]]) -> list[dict[str, Any]]:
    return sorted(ties, key=lambda t: (status_rank(t["status"]), -t["articles"], t["type"], t["other"] or ""))


# --- reads -------------------------------------------------------------------------------


def suggest(store: Store, text: str, limit: int = 10) -> list[dict[str, Any]]:
    """Entities whose name or alias starts with the text or has a word starting with it (typeahead)."""
    return service.suggest_names(store, text, limit)


def search(store: Store, text: str, filters: Filters, offset: int, limit: int) -> dict[str, Any]:
    """Entities named like the text, and evidence sentences and quotes holding every word of it."""
    hits = service.search(store, text, filters.graph(), offset, limit)
    return {"query": text, "entities": suggest(store, text, 20), "evidence": {
        "items": [{**h, "article_id": h["article"], "start": (h.get("evidence") or {}).get("start"),
                   "end": (h.get("evidence") or {}).get("end")} for h in hits["hits"]],
        "total": hits["total"], "offset": offset, "limit": limit,
        "next_offset": offset + limit if offset + limit < hits["total"] else None}}


# A profile lists at most this many of each kind of fact (``totals`` says how many there are), and
# each tie at most PROFILE_SOURCES of its sources: a person in thousands of articles stays one page.
PROFILE_LIST = 50
PROFILE_SOURCES = 5


def profile(store: Store, person_id: int, filters: Filters, limit: int = PROFILE_LIST) -> dict[str, Any]:
    """A person's profile from the service's paged read: the first ``limit`` of each list, filtered.

    ``totals`` has the full counts (``/api/people/{id}/lists/{kind}`` pages on); a tie keeps its first
    :data:`PROFILE_SOURCES` sources and ``sources_total`` (all of them are in :func:`ties_between`).
    """
    raw = service.profile_page(store, ref(person_id), filters.graph(), limit)
    ties = []
    for e in raw["ties"]:
        tie = tie_view(e, raw["id"])
        tie["sources_total"] = e["sources_total"]
        ties.append(tie)
    totals = dict(raw["totals"])
    return {
        "id": raw["id"], "name": raw["name"], "type": raw["type"], "gender": raw["gender"],
        "mentions": raw["mentions"], "aliases": [a for a in raw["aliases"] if a != raw["name"]],
        "articles": raw["articles"],
        "roles": sorted(raw["roles"], key=lambda r: (r.get("start") or r.get("when") or r.get("published") or "")),
        "ties": _order(ties), "quotes": raw["quotes"], "events": raw["events"], "claims": raw["claims"],
        "totals": {k: totals[k] for k in ("articles", "roles", "ties", "quotes", "events", "claims")},
    }


def profile_list(store: Store, person_id: int, kind: str, filters: Filters, offset: int, limit: int
                 ) -> dict[str, Any]:
    """One page of one list of a profile (ties seen from the person), with total and ``next_offset``."""
    raw = service.profile_list(store, ref(person_id), kind, filters.graph(), offset, limit)
    if kind == "ties":
        raw["items"] = [{**tie_view(e, raw["entity"]["id"]), "sources_total": e["sources_total"]}
                        for e in raw["items"]]
    return raw


def ties_between(store: Store, a: int, b: int, filters: Filters) -> dict[str, Any]:
    """Every merged tie between two entities, and each of their sources on a timeline by date."""
    raw = service.ties(store, ref(a), ref(b), filters.graph())
    me = raw["a"]["id"]
    ties = _order([tie_view(e, me) for e in raw["edges"]])
    timeline = sorted(
        ({**s, "type": t["type"], "direction": t["direction"], "tie": t, "date": s["date"] or s["published"]}
         for t in ties for s in t["sources"]),
        key=lambda s: (s["date"] or "9999", s["published"] or "", s["start"] or 0),
    )
    return {"a": raw["a"], "b": raw["b"], "ties": ties, "timeline": timeline, "events": filters.apply(raw["events"])}


def network(store: Store, person_id: int, filters: Filters, offset: int = 0, limit: int = 50) -> dict[str, Any]:
    """One page of an entity's ties (best supported first) and the people at their other ends.

    A person with 500 neighbours comes in pages of ``limit`` ties; ``next_offset`` asks for the next one.
    Expanding a neighbour in the view asks for that neighbour's page, which brings the ties between them.
    """
    raw = service.ties_page(store, ref(person_id), filters.graph(), offset, limit, order="support")
    centre = raw["entity"]
    edges = []
    ends: dict[int, str] = {}
    for e in raw["edges"]:
        tie = tie_view(e, centre["id"])
        tie["evidence"] = tie.pop("sources")[:PROFILE_SOURCES]
        edges.append(tie)
        ends[tie["other_id"]] = tie["other"]
    total = raw["total"]
    return {
        "center": {"id": centre["id"], "name": centre["name"], "type": centre["type"]},
        "nodes": [{"id": i, "name": n} for i, n in ends.items()], "edges": edges, "total": total,
        "neighbours": raw["neighbours"], "offset": offset, "limit": limit,
        "next_offset": offset + limit if offset + limit < total else None,
        "weak_edges": sum(1 for e in edges if e["weak"]),
    }


def path(store: Store, a: int, b: int, filters: Filters, max_depth: int = 4) -> dict[str, Any]:
    """Shortest chains of ties from ``a`` to ``b`` (the service's breadth-first search), each hop with evidence.

    Only ties stated as fact (:data:`PATH_STATUSES`) are walked unless a status filter says otherwise.
    """
    statuses = tuple(sorted(filters.statuses, key=status_rank)) if filters.statuses else PATH_STATUSES
    loose = Filters(filters.since, filters.until, None, filters.outlet, filters.min_sources, filters.min_confidence,
                    filters.show_all)
    if a == b:
        one = service.lookup(store, ref(a))
        ends = {"id": one["id"], "name": one["name"]}
        return {"a": ends, "b": ends, "found": True, "paths": [], "hops": [], "statuses": list(statuses)}
    raw = service.path(store, ref(a), ref(b), loose.graph(), statuses, max_depth, limit=3)
    paths = []
    for p in raw["paths"]:
        hops = []
        for hop in p["hops"]:
            ties = [tie_view(e, hop["from"]["id"]) for e in hop["edges"]]
            hops.append({"from": hop["from"], "to": hop["to"], "ties": _order(ties)})
        paths.append(hops)
    return {"a": raw["a"], "b": raw["b"], "found": bool(paths), "paths": paths, "hops": paths[0] if paths else [],
            "statuses": raw["statuses"], "visited": raw["visited"], "truncated": raw["truncated"],
            "max_depth": max_depth}


def _paged(raw: dict[str, Any], offset: int, limit: int) -> dict[str, Any]:
    return Page(raw["items"], raw["total"], offset, limit).to_dict()


def people(store: Store, offset: int, limit: int) -> dict[str, Any]:
    """A page of the people, most mentioned first, with the total."""
    return _paged(service.people_page(store, offset, limit), offset, limit)


def timeline(store: Store, person_id: int, filters: Filters, offset: int, limit: int) -> dict[str, Any]:
    """A page of a person's dated facts in order (undated after), filtered, each with its evidence."""
    raw = service.timeline_page(store, ref(person_id), filters.graph(), offset, limit)
    items = [{k: v for k, v in item.items() if k != "fact"} | {"confidence": item.get("fact", {}).get("confidence")}
             for item in raw["items"]]
    return Page(items, raw["total"], offset, limit).to_dict()


def quotes(store: Store, person_id: int, filters: Filters, offset: int, limit: int) -> dict[str, Any]:
    """A page of what someone said, newest report first, filtered."""
    raw = service.profile_list(store, ref(person_id), "quotes", filters.graph(), offset, limit)
    return _paged(raw, offset, limit)


def articles(store: Store, filters: Filters, offset: int, limit: int) -> dict[str, Any]:
    """A page of the stored articles, newest first, filtered by report date and outlet (status does not apply)."""
    where = Filters(filters.since, filters.until, None, filters.outlet).graph()
    return _paged(service.articles_page(store, where, offset, limit), offset, limit)


def article(store: Store, article_id: str) -> dict[str, Any]:
    """An article and everything extracted from it (the contract's article graph)."""
    return store.graph(article_id).to_dict()


def highlight(text: str, start: int | None, end: int | None) -> tuple[str, str, str]:
    """``text`` cut into (before, highlighted, after) at a valid span; all before when the span is not."""
    if start is None or end is None or not (0 <= start < end <= len(text)):
        return text, "", ""
    return text[:start], text[start:end], text[end:]
