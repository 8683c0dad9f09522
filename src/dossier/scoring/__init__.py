"""Scoring an extracted article graph against a hand-made gold reading (the seed-gold form),
behind ``dossier eval`` (as spaCy's ``scorer.py`` is behind ``spacy evaluate``). Nothing here prints.

Matching is lenient, section by section (:mod:`.sections`):

- entities: a gold entity matches a predicted one when any gold alias equals the predicted
  name, alias or a mention text (case-insensitive, whitespace folded, possessive ``'s``/``'``
  stripped on both sides) and the types agree (gold ORG with subtype news_outlet/platform
  also accepts OUTLET). Gold and predicted entities are paired one-to-one, best match first;
  the pairing (gold id -> predicted id) is what every later section uses to compare ids.
- times: by TIMEX value, text overlap breaking ties when several share a value.
- quotes: by text (case and whitespace folded, outer punctuation and quote marks stripped);
  otherwise a bag-of-words overlap of at least 0.8 of the longer text (so containment with
  >= 80% overlap matches). Speaker, addressee, time and status are then checked.
- roles: person + title (either title contains the other); then current/start/end/when/place/employer.
- relations: type + ends (either order for the pipeline's symmetric types; ``also_accept_a``);
  then status/source/when.
- events: type (``x.y`` ~ ``y``; a bare category ``x`` takes any ``x.*``) + ``who`` (or one of
  ``also_accept_who``) among the participants; then target/when/status.
- claims: >= 50% of the gold claim's words covered by a predicted claim span, and equal status.

Attributes are checked only where the gold gives a non-null value. An item is *found* when it
matches; it is *exact* when every checked attribute is right too (claims need the status to be found).
"""

from __future__ import annotations

from typing import Any

from ..graph import ArticleGraph
from .gold import SECTIONS, load_gold, validate_gold
from .match import Context, coverage, dirty_name, is_descriptor, norm_name, norm_text, text_overlap, when_ok
from .report import Issue, Report, SectionScore
from .sections import (
    check_must_not,
    score_claims,
    score_entities,
    score_events,
    score_quotes,
    score_relations,
    score_roles,
    score_times,
)


def score(gold: dict[str, Any], graph: ArticleGraph | dict[str, Any]) -> Report:
    """Score one extracted article graph against one gold dict (pure: nothing is read or written)."""
    validate_gold(gold)
    data = graph.to_dict() if isinstance(graph, ArticleGraph) else graph
    ctx = Context(gold, data)
    sections = {"entities": score_entities(ctx)}  # first: the pairing feeds every other section
    for name, scorer in (("times", score_times), ("quotes", score_quotes), ("roles", score_roles),
                         ("relations", score_relations), ("events", score_events), ("claims", score_claims)):
        sections[name] = scorer(ctx)
    violations, unchecked = check_must_not(ctx)
    article = (gold.get("article") or {}).get("file") if isinstance(gold.get("article"), dict) else None
    return Report(sections, dict(ctx.g2p), violations, unchecked, article)


__all__ = [
    "SECTIONS",
    "Issue",
    "Report",
    "SectionScore",
    "coverage",
    "dirty_name",
    "is_descriptor",
    "load_gold",
    "norm_name",
    "norm_text",
    "score",
    "text_overlap",
    "validate_gold",
    "when_ok",
]
