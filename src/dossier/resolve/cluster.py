"""Clustering one block: which name forms are one entity, and where bare surnames go.

A pure function of the block's forms (with their counts), its surname-only
signatures and the user's decisions, so the same stored articles give the same
clusters whatever order they came in. No SQL here; ``dossier.store.resolution``
reads the block and writes the result.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from functools import lru_cache
from typing import Any

from .names import NameParts, compatible, first_names, middle_names

# Clustering a block compares every pair of its forms at each ingest that touches it: the same pairs again.
_compatible = lru_cache(maxsize=1 << 16)(compatible)

# A bare surname joins the block's biggest matching person only when it is this many times the next one,
# is named in full in at least MIN_FULL articles, and in at least BARE_SHARE times as many articles as the
# surname appears alone (a bare "Kelly" in 13 articles is not the Jane Kelly named in full in 2).
DOMINANCE = 2.0
MIN_FULL = 2
BARE_SHARE = 0.5
# A full name that fits several clusters joins the biggest only when it is this many times all the others.
AMBIGUOUS_DOMINANCE = 3.0


@dataclass(frozen=True)
class Form:
    """A name form of the block with its counts over the store."""

    form: str
    type: str
    parts: NameParts | None  # None for non-person forms
    n: int
    female: int = 0
    male: int = 0
    titles: frozenset[str] = frozenset()

    @property
    def gender(self) -> str | None:
        if self.female > 2 * self.male:
            return "female"
        if self.male > 2 * self.female:
            return "male"
        return None


@dataclass(frozen=True)
class Signature:
    """Surname-only person entities that share what their decision depends on."""

    signature: str
    surname: str
    gender: str | None
    conflict: str | None  # a same-surname person with a first name in the same article
    titles: frozenset[str]
    n: int
    suffix: str | None = None  # "Thackeray Jr." is not Thackeray the father


@dataclass(frozen=True)
class Decision:
    """A user's correction as the clustering sees it (pins are forms or ``~surname``)."""

    id: int
    kind: str  # merge, alias, distinct
    key: str
    name: str
    pins: tuple[str, ...]
    others: tuple[str, ...] = ()


@dataclass
class Assignment:
    """Where a form or signature goes: the cluster key, a score in [0, 1] and the evidence."""

    key: str
    score: float
    evidence: dict[str, Any]


@dataclass
class Cluster:
    key: str | None  # set by a decision; else the canonical form's key
    forms: list[Form] = field(default_factory=list)
    name: str | None = None
    n: int = 0
    female: int = 0
    male: int = 0
    titles: frozenset[str] = frozenset()

    def add(self, f: Form) -> None:
        self.forms.append(f)
        self.n += f.n
        self.female += f.female
        self.male += f.male
        if f.titles:
            self.titles = self.titles | f.titles

    @property
    def gender(self) -> str | None:
        if self.female > 2 * self.male:
            return "female"
        if self.male > 2 * self.female:
            return "male"
        return None

    def canonical(self) -> Form:
        return max(self.forms, key=lambda f: (f.n, -len(f.form), f.form))  # most used, then plainest


@dataclass
class BlockResult:
    forms: dict[str, Assignment]
    signatures: dict[str, Assignment | None]
    clusters: list[Cluster]
    names: dict[str, str | None]  # cluster key -> display name from a decision (None: from its forms)
    bridged: set[str] = field(default_factory=set)  # keys of entities named in another block (maiden names)


def _gender_conflict(a: str | None, b: str | None) -> bool:
    return a is not None and b is not None and a != b


def _specificity(f: Form) -> tuple[Any, ...]:
    p = f.parts
    initial = p is not None and p.first is not None and len(p.first) == 1
    return (-(len(p.middles) if p else 0), initial, -f.n, f.form)


@dataclass(frozen=True)
class Bridge:
    """A form of another block whose last middle name is this block's surname (a maiden name), and the
    key of the entity it belongs to there: "Margaret Stoll Albright" for the block "stoll"."""

    form: Form
    key: str
    name: str
    entity_n: int = 1  # article entities of that entity across its forms


def maiden_match(local: Form, married: Form) -> bool:
    """Whether ``local`` (Margaret Stoll) can be ``married`` (Margaret Stoll Albright) before marriage."""
    a, b = local.parts, married.parts
    if a is None or b is None or not (a.full and b.full) or a.suffix or not b.middles:
        return False
    if b.middles[-1] != a.surname or "male" in (local.gender, married.gender):
        return False  # married names taken at marriage: in English news overwhelmingly women's
    return first_names(a.first, b.first) is not None and middle_names(a.middles, b.middles[:-1]) is not None  # type: ignore[arg-type]


def cluster_block(forms: list[Form], signatures: list[Signature], decisions: list[Decision],
                  bridges: list[Bridge] = (), first_use: dict[str, int] | None = None) -> BlockResult:  # type: ignore[assignment]
    """Cluster a block's forms, then place its bare surnames; decisions are replayed in order.

    ``first_use`` counts, per surname, the article entities that use the word as a first name: a lone
    "Martin" is as likely Martin O'Malley as Trayvon Martin.
    """
    pinned: dict[str, Decision] = {}
    for d in sorted(decisions, key=lambda d: d.id):
        if d.kind in ("merge", "alias"):
            for pin in d.pins:
                pinned[pin] = d
    apart: list[tuple[frozenset[str], frozenset[str]]] = [
        (frozenset(d.pins), frozenset(d.others)) for d in decisions if d.kind == "distinct"
    ]

    clusters: list[Cluster] = []
    by_key: dict[str, Cluster] = {}
    result: dict[str, Assignment] = {}
    for f in sorted(forms, key=lambda f: f.form):
        if f.form not in pinned:
            continue
        d = pinned[f.form]
        c = by_key.get(d.key)
        if c is None:
            c = by_key[d.key] = Cluster(d.key, name=d.name)
            clusters.append(c)
        c.add(f)
        result[f.form] = Assignment(d.key, 1.0, {"rule": f"user {d.kind} (decision {d.id})", "decision": d.id})

    def kept_apart(f: Form, c: Cluster) -> bool:
        names = {g.form for g in c.forms}
        return any((f.form in a and names & b) or (f.form in b and names & a) for a, b in apart)

    def fits(f: Form, c: Cluster) -> tuple[float, list[str]] | None:
        if kept_apart(f, c) or _gender_conflict(f.gender, c.gender):
            return None
        if f.parts is None:
            return None  # non-person forms join only by decision
        worst: tuple[float, list[str]] | None = None
        for g in c.forms:
            if g.parts is None:
                return None
            match = _compatible(f.parts, g.parts)
            if match is None:
                return None
            if worst is None or match[0] < worst[0]:
                worst = (match[0], [*match[1], f"against {g.form}"])
        return worst

    for f in sorted((f for f in forms if f.form not in pinned), key=_specificity):
        options = [(c, m) for c in clusters if (m := fits(f, c)) is not None]
        chosen: tuple[Cluster, tuple[float, list[str]]] | None = None
        note = ""
        if len(options) == 1:
            chosen = options[0]
        elif len(options) > 1:
            options.sort(key=lambda o: (-o[0].n, o[0].canonical().form))
            rest = sum(o[0].n for o in options[1:])
            if options[0][0].n >= AMBIGUOUS_DOMINANCE * rest:
                chosen = options[0]
                note = f"fits {len(options)} people; the biggest has {options[0][0].n} vs {rest} articles"
        if chosen is None:
            c = Cluster(None)
            c.add(f)
            clusters.append(c)
            why = "a name of its own" if not options else f"ambiguous: fits {len(options)} people, none dominant"
            result[f.form] = Assignment("", 1.0 if not options else 0.0, {"rule": why})
        else:
            c, (score, reasons) = chosen
            c.add(f)
            evidence: dict[str, Any] = {"rule": "compatible names", "reasons": reasons}
            if f.gender and c.gender:
                evidence["gender"] = f.gender
            shared = sorted(f.titles & c.titles)
            if shared:
                evidence["shared_titles"] = shared
                score = min(1.0, score + 0.05)
            if note:
                evidence["note"] = note
            result[f.form] = Assignment("", round(score, 3), evidence)

    bridged: set[str] = set()
    for c in clusters:
        if c.key is not None:
            continue
        # The earlier name must be the rarer one: a headline fragment ("Ada Brandt Show") never absorbs Ada Brandt.
        via = {(b.key, b.name) for f in c.forms for b in bridges if c.n < b.entity_n and maiden_match(f, b.form)}
        if len(via) == 1:
            ((c.key, c.name),) = via
            bridged.add(c.key)
            for f in c.forms:
                result[f.form].evidence = {
                    "rule": "maiden name", "married_name": c.name,
                    "reasons": [f"{c.name} gives {f.parts.surname if f.parts else '?'} as a middle name"],
                    "before": result[f.form].evidence.get("rule")}
        else:
            c.key = c.canonical().form
    for c in clusters:
        for f in c.forms:
            result[f.form].key = c.key  # type: ignore[assignment]
            if f.form == c.canonical().form and result[f.form].evidence.get("rule") == "compatible names":
                result[f.form].evidence["canonical"] = True

    sigs: dict[str, Assignment | None] = {}
    bare: dict[tuple[str, str | None], int] = {}
    for s in signatures:
        bare[(s.surname, s.suffix)] = bare.get((s.surname, s.suffix), 0) + s.n
    for s in sorted(signatures, key=lambda s: s.signature):
        sigs[s.signature] = _place_surname(s, clusters, pinned, apart, bare[(s.surname, s.suffix)],
                                           (first_use or {}).get(s.surname, 0))
    return BlockResult(result, sigs, clusters, {c.key: c.name for c in clusters if c.key}, bridged)


def _place_surname(s: Signature, clusters: list[Cluster], pinned: dict[str, Decision],
                   apart: list[tuple[frozenset[str], frozenset[str]]], bare_total: int,
                   as_first: int = 0) -> Assignment | None:
    pin = f"~{s.surname}"
    d = pinned.get(pin)
    if d is not None:
        return Assignment(d.key, 1.0, {"rule": f"user {d.kind} (decision {d.id})", "decision": d.id})
    if s.conflict:
        return None

    def allowed(c: Cluster) -> bool:
        names = {f.form for f in c.forms}
        return not any((pin in a and names & b) or (pin in b and names & a) for a, b in apart)

    people = [c for c in clusters if allowed(c)
              and any(f.parts and f.parts.full and f.parts.surname == s.surname and f.parts.suffix == s.suffix
                      for f in c.forms)]
    fitting = [c for c in people if not _gender_conflict(s.gender, c.gender)
               and not (s.titles and c.titles and not s.titles & c.titles)]
    if not fitting:
        return None
    fitting.sort(key=lambda c: (-c.n, c.key))
    top = fitting[0]
    second = fitting[1].n if len(fitting) > 1 else 0
    if top.n < DOMINANCE * second or top.n < MIN_FULL or top.n < BARE_SHARE * bare_total:
        return None
    if as_first * DOMINANCE > top.n:
        return None  # the word is (also) a common first name in the store
    evidence: dict[str, Any] = {
        "rule": "bare surname joins the dominant person",
        "articles": top.n,
        "next": second,
        "excluded": len(people) - len(fitting),
        "bare_articles": bare_total,
    }
    if s.gender:
        evidence["gender"] = s.gender
    if s.titles & top.titles:
        evidence["shared_titles"] = sorted(s.titles & top.titles)
    score = round(1.0 - second / top.n / 2, 3) if top.n else 0.0
    return Assignment(top.key, score, evidence)  # type: ignore[arg-type]
