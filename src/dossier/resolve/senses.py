"""Namesakes: when one full name form is more than one person, from what its mentions are seen with.

The entities of a form are grouped by title head ("judge", "captain"; see
``units.title_heads``); groups that share a title in one article or any of their top
co-mentioned people and organisations are one profile. The untitled entities are a profile of
their own only when they share no co-mention with any titled one. The biggest profile is the
form's main person. Another profile stays a person of its own only when the main one is well
attested and nothing ties them: no shared co-mentions (checked against the full counts, not
just the top few), different titles or, when one side has none, outlets that never overlap,
and either two articles of its own or, with conflicting titles, an outlet the main person is
never reported in (a score of at least ``MIN_SCORE``). Everything else joins the main person:
a name is split only on clear evidence. A pure function of the groups' counts, so any ingest
order gives the same senses.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field
from typing import Any

# The main profile must have this many titled articles before a namesake is kept apart from it.
MIN_MAIN = 3
# A namesake with fewer articles than this needs an outlet the main profile is never reported in.
MIN_OWN = 2
# Evidence weights (see _why_apart): titles 0.4 (0.2 when one side has none), co-mentions 0.3,
# outlets 0.2, years 0.1. Without titles on both sides, disjoint outlets are needed to reach this.
MIN_SCORE = 0.7
UNTITLED = "untitled"


@dataclass(frozen=True)
class Group:
    """The counted contexts of one title head of a form (top features only)."""

    tkey: str
    n: int
    links: frozenset[str] = frozenset()  # other title heads held in the same article
    comentions: frozenset[str] = frozenset()  # top ``p:``/``o:`` features
    outlets: frozenset[str] = frozenset()
    years: frozenset[str] = frozenset()


@dataclass
class Sense:
    """One person behind a form: the title heads of its profile and why it is apart (None: the main one)."""

    tkeys: list[str]
    n: int
    outlets: set[str] = field(default_factory=set)
    years: set[str] = field(default_factory=set)
    comentions: set[str] = field(default_factory=set)
    score: float = 1.0
    evidence: dict[str, Any] | None = None

    @property
    def key_suffix(self) -> str:
        return self.tkeys[0] or UNTITLED


def _profiles(groups: list[Group]) -> list[Sense]:
    parent = {g.tkey: g.tkey for g in groups}

    def root(k: str) -> str:
        while parent[k] != k:
            parent[k] = parent[parent[k]]
            k = parent[k]
        return k

    def join(a: str, b: str) -> None:
        ra, rb = root(a), root(b)
        if ra != rb:
            parent[max(ra, rb)] = min(ra, rb)

    by_key = {g.tkey: g for g in groups}
    for g in groups:
        for head in g.links:
            if head in by_key:
                join(g.tkey, head)
    ordered = sorted(groups, key=lambda g: g.tkey)
    for i, g in enumerate(ordered):
        for other in ordered[i + 1:]:
            if g.comentions & other.comentions:
                join(g.tkey, other.tkey)
    out: dict[str, Sense] = {}
    for g in ordered:
        s = out.setdefault(root(g.tkey), Sense([], 0))
        s.tkeys.append(g.tkey)
        s.n += g.n
        s.outlets |= g.outlets
        s.years |= g.years
        s.comentions |= g.comentions
    return sorted(out.values(), key=lambda s: (-s.n, s.tkeys[0]))


def senses(groups: list[Group], shared: Callable[[list[str], list[str]], list[str]]) -> list[Sense]:
    """The persons behind a form, its main one first; one sense when nothing clearly tells them apart.

    ``groups`` are the title groups (``""``: the untitled entities); ``shared(a, b)`` gives the
    co-mentions that the title heads ``a`` and ``b`` have in common over all their counts (the groups
    only carry the top few).
    """
    profiles = _profiles([g for g in groups if g.tkey])
    untitled = next((g for g in groups if not g.tkey), None)
    if untitled is not None:
        alone = _profiles([untitled])[0]
        if not any(alone.comentions & p.comentions or shared(p.tkeys, alone.tkeys) for p in profiles):
            # Untitled mentions that share nothing with any titled profile are a profile of their own;
            # otherwise each is placed by its own context (see dossier.store.resolution).
            profiles = sorted([*profiles, alone], key=lambda s: (-s.n, s.tkeys[0]))
    if len(profiles) < 2 or profiles[0].n < MIN_MAIN:
        return profiles[:1]
    main, kept = profiles[0], [profiles[0]]
    for p in profiles[1:]:
        common = shared(main.tkeys, p.tkeys)
        new_outlets = p.outlets - main.outlets
        titled = all(any(x.tkeys) for x in (main, p))
        # One article from an outlet of its own is enough only against conflicting titles.
        if common or (p.n < MIN_OWN and not (new_outlets and titled)):
            _absorb(main, p)
            continue
        twin = next((k for k in kept[1:] if shared(k.tkeys, p.tkeys)), None)
        if twin is not None:
            _absorb(twin, p)
            continue
        p.score, p.evidence = _why_apart(main, p)
        if p.score < MIN_SCORE:
            _absorb(main, p)
            continue
        kept.append(p)
    for k in kept[1:]:
        k.tkeys.sort()
    return kept


def _absorb(into: Sense, p: Sense) -> None:
    into.tkeys = sorted([*into.tkeys, *p.tkeys], key=lambda t: (t not in into.tkeys, t))
    into.n += p.n
    into.outlets |= p.outlets
    into.years |= p.years
    into.comentions |= p.comentions


def _years_apart(a: set[str], b: set[str]) -> int:
    if not a or not b:
        return 0
    ya, yb = sorted(int(y) for y in a), sorted(int(y) for y in b)
    return max(0, yb[0] - ya[-1], ya[0] - yb[-1])


def _why_apart(main: Sense, p: Sense) -> tuple[float, dict[str, Any]]:
    """How sure, and why, a profile is another person than the main one (weights sum to 1)."""
    def titles(s: Sense) -> str:
        return ", ".join(t for t in s.tkeys if t) or "none"

    both = all(any(s.tkeys) for s in (main, p))
    reasons = [f"titles {titles(p)} vs {titles(main)}" + (": none shared" if both else ""),
               "no co-mentioned person or organisation in common"]
    score = (0.4 if both else 0.2) + 0.3
    if not p.outlets & main.outlets:
        score += 0.2
        reasons.append("reported by other outlets")
    gap = _years_apart(p.years, main.years)
    if gap:
        score += 0.1
        reasons.append(f"{gap} year{'s' if gap > 1 else ''} apart")
    return round(score, 3), {
        "rule": "namesake kept apart", "reasons": reasons, "articles": p.n, "main_articles": main.n,
        "titles": [t for t in p.tkeys if t], "main_titles": [t for t in main.tkeys if t], "outlets": sorted(p.outlets),
        "main_outlets": sorted(main.outlets), "years": sorted(p.years), "main_years": sorted(main.years),
        "comentions": sorted(c[2:] for c in p.comentions)[:8],
        "main_comentions": sorted(c[2:] for c in main.comentions)[:8],
    }
