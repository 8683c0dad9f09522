"""How sure dossier is of each fact (0-1), and the threshold below which users do not see it.

A fact's confidence is the product of three things the extraction knows:

* the construction that produced it: the rule sets a prior on the fact (a title before a
  name, "Sen. Ada Obi", is surer than a role read off a copula; a quote whose cue verb sits
  next to it surer than one attributed by proximity); facts whose rule set none get the
  default of their kind below;
* the statement's status, which is part of what the fact says ("may have met" is shown as a
  hedged meeting): it lowers confidence a little where statuses are less sure (speculative,
  unknown) and much for an imagined, hypothetical fact;
* coreference: each person the fact names is reached through a mention inside its
  evidence; a name counts in full, a pronoun or descriptor by the resolver's
  measured accuracy (lower when the resolver was unsure), an entity with no mention in the
  evidence less, and a bare surname that two people of the article share (Bill and Hillary
  Clinton's "Clinton") by the cues coreference found for it, least when it found none.

``DEFAULT_MIN_CONFIDENCE`` was chosen on hand-judged precision (see the README's
"How good is it"); ``dossier extract`` and the query commands hide facts below it, and
hypothetical facts, unless asked for everything (``--all``).
"""

from __future__ import annotations

from collections.abc import Iterable

from .graph import ArticleGraph, Entity, Mention, Span

DEFAULT_MIN_CONFIDENCE = 0.6

# A status is part of what a fact says ("may have met" is a hedged meeting, shown as such), so it
# lowers confidence only where the status itself is shaky or the fact imagined.
STATUS_WEIGHT = {
    "asserted": 1.0,
    "attributed": 1.0,
    "reported": 0.95,
    "negated": 0.95,
    "hedged": 0.9,
    "speculative": 0.85,
    "unknown": 0.8,
    "hypothetical": 0.3,
}
KIND_PRIOR = {"quote": 0.85, "role": 0.8, "relation": 0.8, "event": 0.8, "claim": 0.9}
QUOTE_PRIOR = {"direct": 0.9, "mixed": 0.85, "indirect": 0.8, "according_to": 0.85}
NO_CUE = 0.8  # a quote attributed without a cue of its own (a speaker found by proximity)
# ... and with no speaker either: words in quotation marks with no one to credit them to are of
# little use and often not a statement (a scare quote, a title, a question to the reader): hidden.
NO_CUE_NO_SPEAKER = 0.6
# A resolved pronoun or descriptor is as sure as the resolver is on average (93.5% and 81.0% of those
# it attempts on hand-annotated PolNeAR articles, README); its own confidence counts only when lower
# than WEAK, a resolution it was unsure of.
MENTION_WEIGHT = {"name": 1.0, "alias": 1.0, "possessive": 0.95, "descriptor": 0.81, "pronoun": 0.93}
WEAK = 0.5
FAR = 0.85  # the entity has no mention inside the fact's evidence (reached through "their", a pair, a clause)
SHARED_SURNAME = 0.8  # a bare surname two people of the article share, with no cue weighed by coreference


def score(graph: ArticleGraph) -> ArticleGraph:
    """Set ``confidence`` on every quote, role, relation, event and claim of ``graph`` (in place)."""
    people = _Mentions(graph)
    for q in graph.quotes:
        prior = q.confidence or QUOTE_PRIOR.get(q.kind, KIND_PRIOR["quote"])
        if q.cue is None:
            prior *= NO_CUE if q.speaker is not None else NO_CUE * NO_CUE_NO_SPEAKER
        where = q.speaker_span or q.span
        q.confidence = _combine(prior, q.status, people.certainty([q.speaker], where))
    for r in graph.roles:
        r.confidence = _combine(r.confidence or KIND_PRIOR["role"], r.status, people.certainty([r.person], r.evidence))
    for rel in graph.relations:
        refs = [rel.subject, rel.object]
        rel.confidence = _combine(rel.confidence or KIND_PRIOR["relation"], rel.status,
                                  people.certainty(refs, rel.evidence))
    for ev in graph.events:
        refs = [p.entity for p in ev.participants]
        ev.confidence = _combine(ev.confidence or KIND_PRIOR["event"], ev.status, people.certainty(refs, ev.evidence))
    for c in graph.claims:  # a claim records a status: its own status is no doubt about it
        c.confidence = c.confidence or KIND_PRIOR["claim"]
    return graph


def _combine(prior: float, status: str, certainty: float) -> float:
    return round(max(0.0, min(1.0, prior * STATUS_WEIGHT.get(status, 0.5) * certainty)), 3)


class _Mentions:
    """The mentions of each entity, and which bare surnames several people share."""

    def __init__(self, graph: ArticleGraph) -> None:
        self.by_id: dict[str, Entity] = {e.id: e for e in graph.entities}
        surnames: dict[str, set[str]] = {}
        for e in graph.entities:
            parts = e.name.split()
            if e.type == "PERSON" and len(parts) > 1:
                surnames.setdefault(parts[-1].casefold(), set()).add(e.id)
        self.shared = {s for s, ids in surnames.items() if len(ids) > 1}

    def certainty(self, refs: Iterable[str | None], where: Span | None) -> float:
        """The weakest link among the entities a fact names (1.0 when it names none)."""
        out = 1.0
        for ref in refs:
            ent = self.by_id.get(ref) if ref else None
            if ent is None:
                continue
            out = min(out, self._one(ent, where))
        return out

    def _one(self, ent: Entity, where: Span | None) -> float:
        inside = [m for m in ent.mentions if where is not None and _within(m, where)]
        if not inside:
            return FAR
        return max(self._mention(ent, m) for m in inside)

    def _mention(self, ent: Entity, m: Mention) -> float:
        weight = MENTION_WEIGHT.get(m.kind, 0.8)
        if m.kind in {"pronoun", "descriptor"} and m.confidence is not None and m.confidence < WEAK:
            weight = m.confidence
        text = _bare((m.text or "").strip())
        if ent.type == "PERSON" and text and len(text.split()) == 1 and text.casefold() in self.shared:
            # coreference weighed the cues for this surname (its confidence); unweighed, it is a guess
            weight = min(weight, m.confidence if m.confidence is not None else SHARED_SURNAME)
        return weight


def _bare(text: str) -> str:
    """A name without its possessive ending ("Clinton's" -> "Clinton")."""
    for end in ("'s", "’s", "'", "’"):
        if text.endswith(end):
            return text[: -len(end)]
    return text


def _within(m: Mention, where: Span) -> bool:
    return m.in_ == where.in_ and where.start <= m.start and m.end <= where.end


__all__ = ["DEFAULT_MIN_CONFIDENCE", "STATUS_WEIGHT", "score"]
