"""What the web pages and the API show, shaped from the service's reads (no SQL, no spaCy here).

Every read goes through a :class:`dossier.store.Store` opened by :func:`dossier.service.open_store`.
This module filters, groups and pages those reads for the HTTP layer: one place, so that the
JSON API and the HTML pages always agree on what a filter means.
"""

from __future__ import annotations

from collections import deque
from collections.abc import Iterable
from dataclasses import dataclass, field
from typing import Any

from ..store import Store

# Strongest first: a tie reported both as asserted and as speculative counts as asserted.
STATUS_ORDER: tuple[str, ...] = (
    "asserted", "attributed", "reported", "hedged", "speculative", "hypothetical", "unknown", "negated",
)
# Ties hidden by the "firm ties only" toggle: nobody claims them as fact.
WEAK_STATUSES = frozenset({"speculative", "hypothetical", "unknown"})
LOW_CONFIDENCE = 0.5
# Statuses a path may walk through by default: someone states the tie as fact.
PATH_STATUSES = frozenset({"asserted", "attributed", "reported"})

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

    ``min_sources`` counts distinct articles behind a grouped tie; it does not apply to single facts.
    """

    since: str | None = None
    until: str | None = None
    statuses: frozenset[str] | None = None
    outlet: str | None = None
    min_sources: int = 1
    min_confidence: float | None = None

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


def source_of(fact: dict[str, Any]) -> dict[str, Any]:
    """The evidence of one fact: article, outlet, date, sentence, span, status, confidence."""
    start = fact.get("span_start", fact.get("start"))
    end = fact.get("span_end", fact.get("end"))
    return {
        "article_id": fact.get("article_id"),
        "article_title": fact.get("article_title"),
        "outlet": fact.get("outlet"),
        "published": fact.get("published"),
        "url": fact.get("url"),
        "status": fact.get("status"),
        "confidence": fact.get("confidence"),
        "sentence": fact.get("sentence"),
        "evidence": fact.get("evidence"),
        "start": start if isinstance(start, int) else None,
        "end": end if isinstance(end, int) else None,
        "in_title": bool(fact.get("in_title")),
        "source": fact.get("source"),
    }


def group_ties(relations: list[dict[str, Any]], filters: Filters) -> list[dict[str, Any]]:
    """One tie per (type, other party, direction), with every source, best status and support.

    ``weak`` marks a tie nobody states as fact (only speculative/hypothetical/unknown sources) or
    whose best confidence is below :data:`LOW_CONFIDENCE`.
    """
    groups: dict[tuple[Any, ...], dict[str, Any]] = {}
    for r in filters.apply(relations):
        key = (r["type"], r["other_id"], r["other"] if r["other_id"] is None else None, r["direction"])
        tie = groups.setdefault(key, {
            "type": r["type"], "other": r["other"], "other_id": r["other_id"], "direction": r["direction"],
            "start": None, "end": None, "sources": [],
        })
        tie["sources"].append(source_of(r))
        for bound, pick in (("start", min), ("end", max)):
            value = r.get(bound) or (r.get("when") if bound == "start" else None)
            if value:
                tie[bound] = pick(filter(None, (tie[bound], value)))
    out = []
    for tie in groups.values():
        sources = tie["sources"]
        statuses: dict[str, int] = {}
        for s in sources:
            statuses[s["status"]] = statuses.get(s["status"], 0) + 1
        confidences = [s["confidence"] for s in sources if s["confidence"] is not None]
        dates = sorted(s["published"] for s in sources if s["published"])
        tie.update({
            "statuses": dict(sorted(statuses.items(), key=lambda kv: status_rank(kv[0]))),
            "status": min(statuses, key=status_rank),
            "articles": len({s["article_id"] for s in sources}),
            "outlets": len({s["outlet"] for s in sources if s["outlet"]}),
            "confidence": max(confidences) if confidences else None,
            "first_reported": dates[0] if dates else None,
            "last_reported": dates[-1] if dates else None,
        })
        tie["weak"] = tie["status"] in WEAK_STATUSES or (
            tie["confidence"] is not None and tie["confidence"] < LOW_CONFIDENCE)
        if tie["articles"] >= filters.min_sources:
            out.append(tie)
    out.sort(key=lambda t: (status_rank(t["status"]), -t["articles"], t["type"], t["other"] or ""))
    return out


def ties_by_type(ties: list[dict[str, Any]]) -> list[tuple[str, list[dict[str, Any]]]]:
    """Ties grouped under the family of their type ("family", "political", ...), largest group first."""
    groups: dict[str, list[dict[str, Any]]] = {}
    for tie in ties:
        groups.setdefault(tie["type"].split(".", 1)[0], []).append(tie)
    return sorted(groups.items(), key=lambda kv: (-len(kv[1]), kv[0]))


# --- reads -------------------------------------------------------------------------------


def suggest(store: Store, text: str, limit: int = 10) -> list[dict[str, Any]]:
    """Entities whose name or alias matches the text (exact matches first, else partial ones)."""
    found = store.find(text)
    return [{"id": e["id"], "name": e["name"], "type": e["type"], "match": e["match"],
             "mentions": e["mentions"], "articles": e["articles"]} for e in found[:limit]]


def profile(store: Store, person_id: int, filters: Filters) -> dict[str, Any]:
    """A person's profile with every fact list filtered and the ties grouped."""
    raw = store.person(person_id)
    relations = filters.apply(raw["relations"])
    ties = group_ties(raw["relations"], filters)
    roles = filters.apply(raw["roles"])
    return {
        "id": raw["id"], "name": raw["name"], "type": raw["type"], "gender": raw["gender"],
        "mentions": raw["mentions"], "aliases": [a for a in raw["aliases"] if a != raw["name"]],
        "articles": filters.apply(raw["articles"]),
        "roles": sorted(roles, key=lambda r: (r.get("start") or r.get("when") or r.get("published") or "")),
        "ties": ties,
        "relations": relations,
        "quotes": filters.apply(raw["quotes"]),
        "quotes_about": [c for c in filters.apply(raw["claims"]) if c.get("source")],
        "events": filters.apply(raw["events"]),
        "claims": filters.apply(raw["claims"]),
    }


def ties_between(store: Store, a: int, b: int, filters: Filters) -> dict[str, Any]:
    """Every tie between two entities, grouped, and each source on a timeline by date."""
    raw = store.ties(a, b)
    relations = raw["relations"]
    ties = group_ties(relations, filters)
    timeline = sorted(
        ({**source_of(r), "type": r["type"], "direction": r["direction"],
          "date": r.get("start") or r.get("when") or r.get("published")} for r in filters.apply(relations)),
        key=lambda s: (s["date"] or "9999", s["published"] or ""),
    )
    events = filters.apply(raw["events"])
    return {"a": raw["a"], "b": raw["b"], "ties": ties, "timeline": timeline, "events": events}


@dataclass
class Neighbourhood:
    """A page of one entity's neighbours with the ties to each."""

    center: dict[str, Any]
    nodes: list[dict[str, Any]]
    edges: list[dict[str, Any]]
    total: int
    offset: int
    limit: int
    weak_edges: int = 0
    unlinked: list[dict[str, Any]] = field(default_factory=list)

    def to_dict(self) -> dict[str, Any]:
        end = self.offset + self.limit
        return {
            "center": self.center, "nodes": self.nodes, "edges": self.edges, "total": self.total,
            "offset": self.offset, "limit": self.limit, "next_offset": end if end < self.total else None,
            "weak_edges": self.weak_edges,
        }


def network(store: Store, person_id: int, filters: Filters, offset: int = 0, limit: int = 50,
            include_weak: bool = True) -> Neighbourhood:
    """One page of an entity's neighbours (strongest ties first) and the edges to them."""
    raw = store.person(person_id)
    ties = [t for t in group_ties(raw["relations"], filters) if t["other_id"] is not None]
    if not include_weak:
        ties = [t for t in ties if not t["weak"]]
    by_other: dict[int, list[dict[str, Any]]] = {}
    names: dict[int, str] = {}
    for tie in ties:
        by_other.setdefault(tie["other_id"], []).append(tie)
        names[tie["other_id"]] = tie["other"]

    def strength(other: int) -> tuple[Any, ...]:
        best = by_other[other]
        return (min(status_rank(t["status"]) for t in best), -sum(t["articles"] for t in best), names[other])

    order = sorted(by_other, key=strength)
    chosen = order[offset: offset + limit]
    center = {"id": raw["id"], "name": raw["name"], "type": raw["type"]}
    nodes = [{"id": other, "name": names[other], "ties": len(by_other[other])} for other in chosen]
    edges = []
    for other in chosen:
        for tie in by_other[other]:
            source, target = (raw["id"], other) if tie["direction"] == "out" else (other, raw["id"])
            edges.append({
                "id": f"{source}-{tie['type']}-{target}", "source": source, "target": target, "type": tie["type"],
                "status": tie["status"], "statuses": tie["statuses"], "weak": tie["weak"],
                "articles": tie["articles"], "confidence": tie["confidence"], "start": tie["start"],
                "end": tie["end"], "evidence": tie["sources"][:5],
            })
    weak = sum(1 for e in edges if e["weak"])
    return Neighbourhood(center, nodes, edges, len(order), offset, limit, weak)


def path(store: Store, a: int, b: int, filters: Filters, max_depth: int = 4,
         max_expansions: int = 500) -> dict[str, Any]:
    """A shortest chain of ties from ``a`` to ``b`` (breadth first, bounded), each hop with its evidence.

    By default (no status filter) only ties someone states as fact are walked (:data:`PATH_STATUSES`).
    """
    walk = filters if filters.statuses is not None else Filters(
        filters.since, filters.until, PATH_STATUSES, filters.outlet, filters.min_sources, filters.min_confidence)
    start, goal = store.person(a), store.person(b)
    ends = {"a": {"id": start["id"], "name": start["name"]}, "b": {"id": goal["id"], "name": goal["name"]}}
    if start["id"] == goal["id"]:
        return {**ends, "found": True, "hops": [], "searched": 0}
    came: dict[int, tuple[int, dict[str, Any]] | None] = {start["id"]: None}
    queue: deque[tuple[int, int]] = deque([(start["id"], 0)])
    expanded = 0
    while queue and expanded < max_expansions:
        node, depth = queue.popleft()
        if depth >= max_depth:
            continue
        profile_ = start if node == start["id"] else store.person(node)
        expanded += 1
        for tie in group_ties(profile_["relations"], walk):
            other = tie["other_id"]
            if other is None or other in came:
                continue
            came[other] = (node, {**tie, "from": node, "from_name": profile_["name"]})
            if other == goal["id"]:
                hops = []
                step = came[other]
                while step is not None:
                    hops.append(step[1])
                    step = came[step[0]]
                return {**ends, "found": True, "hops": hops[::-1], "searched": expanded}
            queue.append((other, depth + 1))
    return {**ends, "found": False, "hops": [], "searched": expanded, "max_depth": max_depth}


def timeline(store: Store, person_id: int, filters: Filters) -> list[dict[str, Any]]:
    """A person's dated facts in order, filtered (each item keeps its evidence)."""
    out = []
    for item in store.timeline(person_id):
        fact = {**item, "confidence": item.get("fact", {}).get("confidence")}
        if filters.keep(fact):
            out.append({k: v for k, v in item.items() if k != "fact"} | {"confidence": fact["confidence"]})
    return out


def quotes(store: Store, person_id: int, filters: Filters) -> list[dict[str, Any]]:
    """What someone said, newest first, filtered."""
    return filters.apply(store.quotes(person_id))


def articles(store: Store, filters: Filters) -> list[dict[str, Any]]:
    """Stored articles, newest first, filtered by report date and outlet (status does not apply)."""
    return Filters(filters.since, filters.until, None, filters.outlet).apply(store.articles())


def article(store: Store, article_id: str) -> dict[str, Any]:
    """An article and everything extracted from it (the contract's article graph)."""
    return store.graph(article_id).to_dict()


def highlight(text: str, start: int | None, end: int | None) -> tuple[str, str, str]:
    """``text`` cut into (before, highlighted, after) at a valid span; all before when the span is not."""
    if start is None or end is None or not (0 <= start < end <= len(text)):
        return text, "", ""
    return text[:start], text[start:end], text[end:]
