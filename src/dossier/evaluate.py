"""Score an extracted article graph against a hand-made gold reading (the seed-gold form).

Matching is lenient, section by section:

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
- relations: type + ends (either order for symmetric types; ``also_accept_a``); then status/source/when.
- events: type (``x.y`` ~ ``y``; a bare category ``x`` takes any ``x.*``) + ``who`` (or one of
  ``also_accept_who``) among the participants; then target/when/status.
- claims: >= 50% of the gold claim's words covered by a predicted claim span, and equal status.

Attributes are checked only where the gold gives a non-null value. An item is *found* when it
matches; it is *exact* when every checked attribute is right too (claims need the status to be found).
"""

from __future__ import annotations

import json
import re
from collections import Counter
from collections.abc import Iterable
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING, Any

from .errors import GoldError
from .graph import ArticleGraph

if TYPE_CHECKING:
    from rich.console import Console

SECTIONS: tuple[str, ...] = ("entities", "times", "quotes", "roles", "relations", "events", "claims")
SCORED_TYPES = frozenset({"PERSON", "ORG", "OUTLET", "GPE", "LOC", "GROUP", "NORP"})
OUTLET_SUBTYPES = frozenset({"news_outlet", "platform"})
SYMMETRIC = frozenset({
    "family.sibling", "family.spouse", "social.friendship", "professional.worked_with", "social.tension",
    "social.romance", "contest.ran_against", "contact.met", "contact.spoke_with",
})
TITLES = frozenset({
    "president", "vice", "sen", "sen.", "senator", "rep", "rep.", "representative", "gov", "gov.", "governor",
    "mr", "mr.", "mrs", "mrs.", "ms", "ms.", "dr", "dr.", "prof", "prof.", "professor", "judge", "justice",
    "secretary", "mayor", "gen", "gen.", "general", "rev", "rev.", "sir", "dame", "lord", "lady", "former",
    "first", "speaker", "chancellor", "minister", "prime",
})
HYPOTHETICAL_WORDS = ("hypothetical", "imagined", "imaginary", "fictional", "parody", "counterfactual")
QUOTE_MATCH = 0.8
CLAIM_COVER = 0.5

_QUOTE_CHARS = str.maketrans({"\u2018": "'", "\u2019": "'", "\u201c": '"', "\u201d": '"'})
_OUTER = " \t\n\"'`.,;:!?()[]{}-\u2014\u2013"
_WORD = re.compile(r"\w+")
_POSSESSIVE = re.compile(r"\w(?:'s|')(?=\s|$)")
_DESCRIPTOR = re.compile(r"^[Tt]he [a-z]")
_TIMEX = re.compile(r"\d{4}(?:-\d{2}(?:-\d{2})?)?|P\w+")


# --------------------------------------------------------------------------- results


@dataclass
class Issue:
    """One miss, error or violation, with a short human reason."""

    kind: str  # miss, type, split, merged, dirty_name, false_positive, not_entity, speaker, ...
    message: str
    must: bool = False

    def to_dict(self) -> dict[str, Any]:
        return {"kind": self.kind, "message": self.message, "must": self.must}


@dataclass
class SectionScore:
    """Counts and issues of one section. ``exact``: found with every checked attribute right."""

    name: str
    must_total: int = 0
    must_found: int = 0
    must_exact: int = 0
    all_total: int = 0
    all_found: int = 0
    all_exact: int = 0
    predicted: int | None = None  # precision denominator; None where precision is not meaningful
    predicted_ok: int = 0
    issues: list[Issue] = field(default_factory=list)

    @property
    def precision(self) -> float | None:
        """Share of the scored predictions that match gold (None when nothing was scored)."""
        if not self.predicted:
            return None
        return self.predicted_ok / self.predicted

    @property
    def errors(self) -> list[Issue]:
        """Issues other than plain misses."""
        return [i for i in self.issues if i.kind != "miss"]

    def add(self, must: bool, found: bool, exact: bool) -> None:
        """Count one gold item."""
        self.all_total += 1
        self.all_found += found
        self.all_exact += found and exact
        if must:
            self.must_total += 1
            self.must_found += found
            self.must_exact += found and exact

    def issue(self, kind: str, message: str, must: bool = False) -> None:
        self.issues.append(Issue(kind, message, must))

    def to_dict(self) -> dict[str, Any]:
        p = self.precision
        return {
            "must": {"found": self.must_found, "exact": self.must_exact, "total": self.must_total},
            "all": {"found": self.all_found, "exact": self.all_exact, "total": self.all_total},
            "precision": None if p is None else round(p, 4),
            "predicted": self.predicted,
            "predicted_ok": self.predicted_ok,
            "errors": len(self.errors),
            "issues": [i.to_dict() for i in self.issues],
        }


@dataclass
class Report:
    """The score of one article graph against one gold file."""

    sections: dict[str, SectionScore]
    entity_map: dict[str, str | None]  # gold entity id -> predicted entity id
    violations: list[Issue] = field(default_factory=list)
    unchecked: list[str] = field(default_factory=list)  # must_not items no mechanical check covers
    article: str | None = None

    def _sum(self, attr: str) -> int:
        return sum(getattr(s, attr) for s in self.sections.values())

    @property
    def must_found(self) -> int:
        return self._sum("must_found")

    @property
    def must_total(self) -> int:
        return self._sum("must_total")

    @property
    def all_found(self) -> int:
        return self._sum("all_found")

    @property
    def all_total(self) -> int:
        return self._sum("all_total")

    @property
    def error_count(self) -> int:
        return sum(len(s.errors) for s in self.sections.values())

    def summary_line(self) -> str:
        """One line: must and all recall, entity precision, errors and must_not violations."""
        pct = f" ({100 * self.must_found / self.must_total:.0f}%)" if self.must_total else ""
        p = self.sections["entities"].precision
        ent_p = "n/a" if p is None else f"{p:.2f}"
        return (
            f"must {self.must_found}/{self.must_total}{pct} · all {self.all_found}/{self.all_total}"
            f" · entities P {ent_p} · errors {self.error_count} · violations {len(self.violations)}"
        )

    def to_dict(self) -> dict[str, Any]:
        return {
            "article": self.article,
            "summary": self.summary_line(),
            "must": {"found": self.must_found, "total": self.must_total},
            "all": {"found": self.all_found, "total": self.all_total},
            "sections": {name: s.to_dict() for name, s in self.sections.items()},
            "entity_map": dict(self.entity_map),
            "violations": [v.to_dict() for v in self.violations],
            "unchecked_must_not": list(self.unchecked),
        }


def render(report: Report, console: Console) -> None:
    """Print the report as a Rich table (one row per section) followed by the list of issues."""
    from rich.markup import escape
    from rich.table import Table

    table = Table(title=f"dossier eval {report.article or ''}".strip())
    for col in ("section", "must", "must exact", "all", "precision", "errors"):
        table.add_column(col, justify="left" if col == "section" else "right")
    for s in report.sections.values():
        p = s.precision
        table.add_row(
            s.name,
            f"{s.must_found}/{s.must_total}",
            f"{s.must_exact}/{s.must_total}",
            f"{s.all_found}/{s.all_total}",
            "-" if p is None else f"{p:.2f} ({s.predicted_ok}/{s.predicted})",
            str(len(s.errors)),
        )
    style = "bold red" if report.violations else ""
    table.add_row("must_not", "", "", "", "", str(len(report.violations)), style=style)
    console.print(table)
    console.print(report.summary_line(), highlight=False)
    for s in report.sections.values():
        for i in s.issues:
            mark = "[bold]must[/bold] " if i.must else ""
            console.print(f"  [cyan]{s.name}[/cyan] [yellow]{i.kind}[/yellow] {mark}{escape(i.message)}",
                          highlight=False)
    for v in report.violations:
        console.print(f"  [bold red]violation[/bold red] {escape(v.message)}", highlight=False)
    for text in report.unchecked:
        console.print(f"  [dim]must_not not checked automatically: {escape(text)}[/dim]", highlight=False)


# --------------------------------------------------------------------------- gold loading

_REF_KEYS: dict[str, tuple[str, ...]] = {
    "quotes": ("speaker", "told", "source"),
    "roles": ("person", "place", "employer", "org"),
    "relations": ("a", "b", "source"),
    "events": ("who", "target"),
    "claims": ("source",),
}


def load_gold(path: str | Path) -> dict[str, Any]:
    """Read and check a gold file; raise :class:`GoldError` naming the file when it is malformed."""
    p = Path(path)
    try:
        gold = json.loads(p.read_text(encoding="utf-8"))
    except OSError as exc:
        raise GoldError(f"{p.name}: cannot read: {exc.strerror or exc}") from exc
    except UnicodeDecodeError as exc:
        raise GoldError(f"{p.name}: not UTF-8 text") from exc
    except json.JSONDecodeError as exc:
        raise GoldError(f"{p.name}: invalid JSON at line {exc.lineno}: {exc.msg}") from exc
    validate_gold(gold, where=p.name)
    return gold


def validate_gold(gold: Any, where: str = "gold") -> None:
    """Check the shape of a gold dict: sections are lists of objects, ids are known."""
    if not isinstance(gold, dict):
        raise GoldError(f"{where}: top level must be an object, got {type(gold).__name__}")
    for key in (*SECTIONS, "not_entities", "must_not"):
        if key in gold and not isinstance(gold[key], list):
            raise GoldError(f"{where}: '{key}' must be a list")
    ids: set[str] = set()
    for n, ent in enumerate(gold.get("entities", [])):
        if not isinstance(ent, dict) or not isinstance(ent.get("id"), str) or not isinstance(ent.get("type"), str):
            raise GoldError(f"{where}: entities[{n}] needs a string 'id' and 'type'")
        if ent["id"] in ids:
            raise GoldError(f"{where}: duplicate entity id '{ent['id']}'")
        aliases = ent.get("aliases", [])
        if not isinstance(aliases, list) or not all(isinstance(a, str) for a in aliases):
            raise GoldError(f"{where}: entities[{n}] ('{ent['id']}'): 'aliases' must be a list of strings")
        if not aliases and not isinstance(ent.get("name"), str):
            raise GoldError(f"{where}: entities[{n}] ('{ent['id']}') has neither a name nor aliases")
        ids.add(ent["id"])
    required = {"times": "value", "quotes": "text", "roles": "title", "relations": "type", "events": "type",
                "claims": "text"}
    for section, key in required.items():
        for n, item in enumerate(gold.get(section, [])):
            if not isinstance(item, dict) or not isinstance(item.get(key), str):
                raise GoldError(f"{where}: {section}[{n}] needs a string '{key}'")
            for ref in _REF_KEYS.get(section, ()):
                val = item.get(ref)
                if val is not None and val not in ids:
                    raise GoldError(f"{where}: {section}[{n}].{ref} = '{val}' is not a gold entity id")
            for extra in ("also_accept_a", "also_accept_b"):
                vals = item.get(extra, [])
                if not isinstance(vals, list):
                    raise GoldError(f"{where}: {section}[{n}].{extra} must be a list")
                for val in vals:
                    if val not in ids:
                        raise GoldError(f"{where}: {section}[{n}].{extra} '{val}' is not a gold entity id")


# --------------------------------------------------------------------------- text helpers


def norm_name(s: str) -> str:
    """Fold case and white space, strip outer punctuation and a final possessive ('s or ')."""
    s = " ".join(s.translate(_QUOTE_CHARS).casefold().split())
    s = s.strip(_OUTER.replace("'", "") + " ")
    if s.endswith("'s"):
        s = s[:-2]
    return s.strip(_OUTER)


def norm_text(s: str) -> str:
    """Fold case and white space, strip outer punctuation and quote marks."""
    return " ".join(s.translate(_QUOTE_CHARS).casefold().split()).strip(_OUTER)


def _tokens(s: str) -> Counter[str]:
    return Counter(_WORD.findall(s.translate(_QUOTE_CHARS).casefold()))


def text_overlap(a: str, b: str) -> float:
    """Shared words over the word count of the longer text (1.0 when the normalised texts are equal)."""
    if norm_text(a) == norm_text(b):
        return 1.0
    ta, tb = _tokens(a), _tokens(b)
    longer = max(sum(ta.values()), sum(tb.values()))
    return sum((ta & tb).values()) / longer if longer else 0.0


def coverage(gold: str, pred: str) -> float:
    """Share of the gold text's words found in the predicted text."""
    tg, tp = _tokens(gold), _tokens(pred)
    total = sum(tg.values())
    return sum((tg & tp).values()) / total if total else 0.0


def is_descriptor(alias: str) -> bool:
    """'the former mayor' / 'The senator' describe; 'the Obis', 'The Lantern' name."""
    return bool(_DESCRIPTOR.match(alias.strip()))


def dirty_name(name: str, typ: str) -> str | None:
    """Why a predicted entity name is unclean (possessive, or a title on a person), or None."""
    s = name.translate(_QUOTE_CHARS).strip()
    if _POSSESSIVE.search(s):
        return "possessive"
    words = s.split()
    if typ == "PERSON" and len(words) > 1 and words[0][:1].isupper() and words[0].casefold() in TITLES:
        return f"title '{words[0]}'"
    return None


def _short(text: str, n: int = 28) -> str:
    text = " ".join(text.split())
    if len(text) <= n:
        return f'"{text}"'
    cut = text[:n]
    if text[n].isalnum() and cut[-1].isalnum() and " " in cut:  # do not end in the middle of a word
        cut = cut.rsplit(" ", 1)[0]
    return f'"{cut.rstrip(" ,;:")}..."'


def when_ok(want: str, got: Iterable[str | None]) -> bool:
    """A gold time against predicted values: equal, or 'after X'/'before X' bounds on the value."""
    values = [g.strip() for g in got if g]
    want = want.strip()
    if want in values:
        return True
    m = re.fullmatch(r"(after|since|before|until|by)\s+(\S+)", want, re.IGNORECASE)
    if not m:
        return False
    op, base = m.group(1).lower(), m.group(2)
    for v in values:
        if not _TIMEX.fullmatch(v):
            continue
        if op in ("after", "since") and (v >= base):
            return True
        if op in ("before", "until", "by") and (v <= base or v.startswith(base)):
            return True
    return False


def _greedy(pairs: list[tuple[tuple[Any, ...], int, int]]) -> dict[int, int]:
    """One-to-one assignment, best score first: returns gold index -> predicted index."""
    out: dict[int, int] = {}
    used: set[int] = set()
    for _score, gi, pi in sorted(pairs, key=lambda t: (t[0], -t[1], -t[2]), reverse=True):
        if gi not in out and pi not in used:
            out[gi] = pi
            used.add(pi)
    return out


# --------------------------------------------------------------------------- scoring


class _Ctx:
    """The predicted graph as dicts, plus the entity pairing shared by all sections."""

    def __init__(self, gold: dict[str, Any], graph: dict[str, Any]) -> None:
        self.gold = gold
        self.graph = graph
        art = graph.get("article") or {}
        self.body: str = art.get("body") or ""
        self.title: str = art.get("title") or ""
        self.pred_entities: list[dict[str, Any]] = list(graph.get("entities") or [])
        self.gold_entities: list[dict[str, Any]] = list(gold.get("entities") or [])
        self.g2p: dict[str, str | None] = {}
        self.p2g: dict[str, str] = {}
        self.pred_names = {e["id"]: e.get("name", "") for e in self.pred_entities}

    def span_text(self, span: dict[str, Any] | None) -> str:
        if not span:
            return ""
        if span.get("text") is not None:
            return str(span["text"])
        src = self.title if span.get("in") == "title" else self.body
        return src[span.get("start", 0):span.get("end", 0)]

    def gid(self, pred_id: str | None) -> str | None:
        """The gold id a predicted entity id maps to (None for None)."""
        return None if pred_id is None else self.p2g.get(pred_id)

    def show(self, pred_id: str | None) -> str:
        """A predicted id as the gold id it maps to, or as 'pred:<id> (<name>)'."""
        if pred_id is None:
            return "None"
        g = self.p2g.get(pred_id)
        return g if g else f"pred:{pred_id} ({self.pred_names.get(pred_id, '?')})"

    def strings(self, ent: dict[str, Any]) -> set[str]:
        out = {norm_name(ent.get("name", ""))} | {norm_name(a) for a in ent.get("aliases") or []}
        for m in ent.get("mentions") or []:
            if m.get("kind") != "pronoun":
                out.add(norm_name(self.span_text(m)))
        out.discard("")
        return out


def _gold_aliases(ent: dict[str, Any]) -> list[str]:
    names = list(ent.get("aliases") or [])
    if ent.get("name"):
        names.append(ent["name"])
    return names


def _type_ok(gold: dict[str, Any], pred_type: str) -> bool:
    gtype = gold.get("type")
    if gtype == pred_type:
        return True
    if gtype == "OUTLET" or (gtype == "ORG" and gold.get("subtype") in OUTLET_SUBTYPES):
        return pred_type in ("OUTLET", "ORG")
    return False


def _score_entities(ctx: _Ctx) -> SectionScore:
    sec = SectionScore("entities")
    golds, preds = ctx.gold_entities, ctx.pred_entities
    pstrings = [ctx.strings(p) for p in preds]
    galias = [{norm_name(a) for a in _gold_aliases(g)} - {""} for g in golds]
    alias_owner: Counter[str] = Counter(a for s in galias for a in s)
    pairs = []
    for gi, g in enumerate(golds):
        for pi, p in enumerate(preds):
            hits = len(galias[gi] & pstrings[pi])
            if hits:
                exact_name = norm_name(p.get("name", "")) in galias[gi]
                pairs.append(((_type_ok(g, p.get("type", "")), exact_name, hits), gi, pi))
    assigned = _greedy(pairs)
    for gi, pi in assigned.items():
        ctx.g2p[golds[gi]["id"]] = preds[pi]["id"]
        ctx.p2g[preds[pi]["id"]] = golds[gi]["id"]
    for gi, g in enumerate(golds):
        gid, must = g["id"], bool(g.get("must", False))
        pi = assigned.get(gi)
        if pi is None:
            ctx.g2p[gid] = None
            taken = sorted((sc, pj) for (sc, gj, pj) in pairs if gj == gi)
            if taken:
                p = preds[taken[-1][1]]
                sec.issue("merged", f"entity {gid}: its aliases are in {p['id']} ({p.get('name')}), "
                          f"which is paired with {ctx.p2g.get(p['id'])}", must)
            else:
                sec.issue("miss", f"entity {gid} ({g.get('name')}) not found", must)
            sec.add(must, False, False)
            continue
        p = preds[pi]
        type_ok = _type_ok(g, p.get("type", ""))
        if not type_ok:
            sec.issue("type", f"entity {gid}: got {p.get('type')}, want {g.get('type')}"
                      + (f"/{g['subtype']}" if g.get("subtype") else ""), must)
        # one entity: every name alias the graph knows must live in one predicted entity
        names = {norm_name(a) for a in _gold_aliases(g) if not is_descriptor(a)} - {""}
        names = {a for a in names if alias_owner[a] == 1}
        holders = [preds[j] for j in range(len(preds)) if names & pstrings[j]]
        if len(holders) > 1:
            where = ", ".join(f"{h['id']} ({h.get('name')})" for h in holders)
            sec.issue("split", f"entity {gid} split across {len(holders)} entities: {where}", must)
        sec.add(must, type_ok, len(holders) <= 1)
    # precision, not_entities and dirty names
    all_aliases = set().union(*galias) if galias else set()
    not_entities = {norm_name(s) for s in ctx.gold.get("not_entities") or []}
    gold_names = {" ".join(str(g.get("name", "")).casefold().split()) for g in golds}
    predicted = ok = 0
    for p in preds:
        name, typ = p.get("name", ""), p.get("type", "")
        if typ in SCORED_TYPES:
            predicted += 1
            n = norm_name(name)
            if n in not_entities:
                sec.issue("not_entity", f"predicted {p['id']} '{name}' ({typ}) is listed in not_entities")
            elif p["id"] in ctx.p2g or n in all_aliases:
                ok += 1
            else:
                sec.issue("false_positive", f"predicted {p['id']} '{name}' ({typ}) matches no gold entity")
        why = dirty_name(name, typ)
        if why and " ".join(name.casefold().split()) not in gold_names:
            sec.issue("dirty_name", f"predicted {p['id']} name '{name}' has a {why}")
    sec.predicted, sec.predicted_ok = predicted, ok
    return sec


def _score_times(ctx: _Ctx) -> SectionScore:
    sec = SectionScore("times")
    golds = list(ctx.gold.get("times") or [])
    preds = list(ctx.graph.get("times") or [])
    ptext = [norm_text(ctx.span_text(p)) for p in preds]
    pairs = []
    for gi, g in enumerate(golds):
        gt = norm_text(g.get("text") or "")
        for pi, p in enumerate(preds):
            if p.get("value") == g["value"]:
                overlap = bool(gt) and bool(ptext[pi]) and (gt in ptext[pi] or ptext[pi] in gt)
                pairs.append(((overlap, gt == ptext[pi]), gi, pi))
    assigned = _greedy(pairs)
    for gi, g in enumerate(golds):
        must = bool(g.get("must", False))
        found = gi in assigned
        if not found:
            gt = norm_text(g.get("text") or "")
            same_text = [p for pi, p in enumerate(preds) if gt and ptext[pi] == gt]
            label = f"time {_short(g.get('text') or '')}={g['value']}"
            if same_text:
                sec.issue("value", f"{label}: got {same_text[0].get('value')}", must)
            else:
                sec.issue("miss", f"{label} not found", must)
        sec.add(must, found, True)
    values = {g["value"] for g in golds}
    sec.predicted = len(preds)
    sec.predicted_ok = sum(p.get("value") in values for p in preds)
    return sec


def _check(sec: SectionScore, label: str, what: str, got: Any, want: Any, must: bool) -> bool:
    if got == want:
        return True
    sec.issue(what, f"{label} {what}: got {got}, want {want}", must)
    return False


def _quote_text(ctx: _Ctx, q: dict[str, Any]) -> str:
    return q.get("text") or ctx.span_text(q.get("span"))


def _score_quotes(ctx: _Ctx) -> SectionScore:
    sec = SectionScore("quotes")
    golds = list(ctx.gold.get("quotes") or [])
    preds = list(ctx.graph.get("quotes") or [])
    ptexts = [_quote_text(ctx, q) for q in preds]
    pairs = []
    for gi, g in enumerate(golds):
        for pi, t in enumerate(ptexts):
            ov = text_overlap(g["text"], t)
            if ov >= QUOTE_MATCH:
                pairs.append(((ov,), gi, pi))
    assigned = _greedy(pairs)
    for gi, g in enumerate(golds):
        must = bool(g.get("must", False))
        label = f"quote {_short(g['text'])}"
        pi = assigned.get(gi)
        if pi is None:
            sec.issue("miss", f"{label} not found", must)
            sec.add(must, False, False)
            continue
        q = preds[pi]
        exact = True
        want_speaker = g.get("speaker") or g.get("source")
        if want_speaker is not None:
            pred_speaker = q.get("speaker") or q.get("source")
            got = ctx.gid(pred_speaker)
            if got != want_speaker:
                exact = False
                sec.issue("speaker", f"{label} speaker: got {ctx.show(pred_speaker)}, want {want_speaker}", must)
        if g.get("told") is not None and ctx.gid(q.get("addressee")) != g["told"]:
            exact = False
            sec.issue("addressee", f"{label} told: got {ctx.show(q.get('addressee'))}, want {g['told']}", must)
        if g.get("when") is not None and not when_ok(g["when"], [q.get("when")]):
            exact = False
            sec.issue("when", f"{label} when: got {q.get('when')}, want {g['when']}", must)
        if g.get("status") is not None:
            exact &= _check(sec, label, "status", q.get("status"), g["status"], must)
        sec.add(must, True, exact)
    sec.predicted = len(preds)
    sec.predicted_ok = sum(any(text_overlap(g["text"], t) >= QUOTE_MATCH for g in golds) for t in ptexts)
    return sec


def _title_match(want: str, got: str) -> bool:
    a, b = norm_text(want), norm_text(got)
    return bool(a) and bool(b) and (a in b or b in a)


def _score_roles(ctx: _Ctx) -> SectionScore:
    sec = SectionScore("roles")
    golds = list(ctx.gold.get("roles") or [])
    preds = list(ctx.graph.get("roles") or [])
    pairs = []
    for gi, g in enumerate(golds):
        for pi, r in enumerate(preds):
            if ctx.gid(r.get("person")) == g.get("person") and _title_match(g["title"], r.get("title") or ""):
                pairs.append(((norm_text(g["title"]) == norm_text(r.get("title") or ""),), gi, pi))
    assigned = _greedy(pairs)
    for gi, g in enumerate(golds):
        must = bool(g.get("must", False))
        label = f"role {g.get('person')} \"{g['title']}\""
        pi = assigned.get(gi)
        if pi is None:
            sec.issue("miss", f"{label} not found", must)
            sec.add(must, False, False)
            continue
        r = preds[pi]
        exact = True
        if g.get("current") is not None:
            exact &= _check(sec, label, "current", r.get("current"), g["current"], must)
        for key in ("start", "end"):
            if g.get(key) is not None and not when_ok(g[key], [r.get(key)]):
                exact = False
                sec.issue(key, f"{label} {key}: got {r.get(key)}, want {g[key]}", must)
        if g.get("when") is not None and not when_ok(g["when"], [r.get("when"), r.get("start")]):
            exact = False
            sec.issue("when", f"{label} when: got {r.get('when') or r.get('start')}, want {g['when']}", must)
        if g.get("place") is not None and ctx.gid(r.get("place")) != g["place"]:
            exact = False
            sec.issue("place", f"{label} place: got {ctx.show(r.get('place'))}, want {g['place']}", must)
        employer = g.get("employer") or g.get("org")
        if employer is not None and ctx.gid(r.get("org")) != employer:
            exact = False
            sec.issue("employer", f"{label} employer: got {ctx.show(r.get('org'))}, want {employer}", must)
        if g.get("status") is not None:
            exact &= _check(sec, label, "status", r.get("status"), g["status"], must)
        sec.add(must, True, exact)
    scored = [r for r in preds if ctx.gid(r.get("person"))]
    sec.predicted = len(scored)
    sec.predicted_ok = sum(
        any(ctx.gid(r.get("person")) == g.get("person") and _title_match(g["title"], r.get("title") or "")
            for g in golds)
        for r in scored
    )
    return sec


def _relation_ends(g: dict[str, Any]) -> tuple[set[str], set[str]]:
    a = {g.get("a") or g.get("subject"), *g.get("also_accept_a", [])}
    b = {g.get("b") or g.get("object"), *g.get("also_accept_b", [])}
    return a - {None}, b - {None}


def _relation_match(ctx: _Ctx, g: dict[str, Any], r: dict[str, Any]) -> int:
    """0: no match; 2: in the gold order; 1: reversed (symmetric types only)."""
    if r.get("type") != g["type"]:
        return 0
    a, b = _relation_ends(g)
    s, o = ctx.gid(r.get("subject")), ctx.gid(r.get("object"))
    if s in a and o in b:
        return 2
    if g["type"] in SYMMETRIC and o in a and s in b:
        return 1
    return 0


def _score_relations(ctx: _Ctx) -> SectionScore:
    sec = SectionScore("relations")
    golds = list(ctx.gold.get("relations") or [])
    preds = list(ctx.graph.get("relations") or [])
    pairs = []
    for gi, g in enumerate(golds):
        for pi, r in enumerate(preds):
            m = _relation_match(ctx, g, r)
            if m:
                pairs.append(((m, r.get("status") == g.get("status")), gi, pi))
    assigned = _greedy(pairs)
    for gi, g in enumerate(golds):
        must = bool(g.get("must", False))
        a, b = g.get("a") or g.get("subject"), g.get("b") or g.get("object")
        label = f"relation {g['type']}({a}, {b})"
        pi = assigned.get(gi)
        if pi is None:
            sec.issue("miss", f"{label} not found{_relation_hint(ctx, g, preds)}", must)
            sec.add(must, False, False)
            continue
        r = preds[pi]
        exact = True
        if g.get("status") is not None:
            exact &= _check(sec, label, "status", r.get("status"), g["status"], must)
        if g.get("source") is not None and ctx.gid(r.get("source")) != g["source"]:
            exact = False
            sec.issue("source", f"{label} source: got {ctx.show(r.get('source'))}, want {g['source']}", must)
        if g.get("when") is not None and not when_ok(g["when"], [r.get("when"), r.get("start")]):
            exact = False
            sec.issue("when", f"{label} when: got {r.get('when') or r.get('start')}, want {g['when']}", must)
        sec.add(must, True, exact)
    scored = [r for r in preds if ctx.gid(r.get("subject")) and ctx.gid(r.get("object"))]
    sec.predicted = len(scored)
    sec.predicted_ok = sum(any(_relation_match(ctx, g, r) for g in golds) for r in scored)
    return sec


def _relation_hint(ctx: _Ctx, g: dict[str, Any], preds: list[dict[str, Any]]) -> str:
    """Why a gold relation was missed, when the same pair of entities was related otherwise."""
    a, b = _relation_ends(g)
    other: str | None = None
    for r in preds:
        s, o = ctx.gid(r.get("subject")), ctx.gid(r.get("object"))
        if s in b and o in a and r.get("type") == g["type"]:
            return " (direction reversed)"
        if other is None and {s, o} & a and {s, o} & b and s != o:
            other = r.get("type")
    return f" (same pair as {other})" if other else ""


def _event_who(ctx: _Ctx, e: dict[str, Any]) -> list[str | None]:
    return [ctx.gid(p.get("entity")) for p in e.get("participants") or []]


def _event_type_ok(want: str, got: str | None) -> bool:
    a, b = want.casefold(), (got or "").casefold()
    # "political.endorsement" ~ "endorsement"; a bare category ("election") takes its subtypes ("election.win").
    if not b:
        return False
    return a == b or a.endswith("." + b) or b.endswith("." + a) or ("." not in a and b.startswith(a + "."))


def _event_match(ctx: _Ctx, g: dict[str, Any], e: dict[str, Any]) -> int:
    """0: no match; 2: ``who`` is the first participant; 1: ``who`` is another participant."""
    if not _event_type_ok(g["type"], e.get("type")):
        return 0
    who = _event_who(ctx, e)
    if g.get("who") is None:
        return 1
    wanted = {g["who"], *g.get("also_accept_who", [])}
    if who and who[0] in wanted:
        return 2
    return 1 if wanted & set(who) else 0


def _score_events(ctx: _Ctx) -> SectionScore:
    sec = SectionScore("events")
    golds = list(ctx.gold.get("events") or [])
    preds = list(ctx.graph.get("events") or [])
    pairs = []
    for gi, g in enumerate(golds):
        for pi, e in enumerate(preds):
            m = _event_match(ctx, g, e)
            if m:
                pairs.append(((m, when_ok(g.get("when") or "", [e.get("when")])), gi, pi))
    assigned = _greedy(pairs)
    for gi, g in enumerate(golds):
        must = bool(g.get("must", False))
        label = f"event {g['type']}({g.get('who')})"
        pi = assigned.get(gi)
        if pi is None:
            sec.issue("miss", f"{label} not found", must)
            sec.add(must, False, False)
            continue
        e = preds[pi]
        exact = True
        if g.get("target") is not None and g["target"] not in _event_who(ctx, e):
            exact = False
            sec.issue("target", f"{label} target: {g['target']} is not a participant", must)
        if g.get("when") is not None and not when_ok(g["when"], [e.get("when")]):
            exact = False
            sec.issue("when", f"{label} when: got {e.get('when')}, want {g['when']}", must)
        if g.get("status") is not None:
            exact &= _check(sec, label, "status", e.get("status"), g["status"], must)
        sec.add(must, True, exact)
    sec.predicted = len(preds)
    sec.predicted_ok = sum(any(_event_match(ctx, g, e) for g in golds) for e in preds)
    return sec


def _score_claims(ctx: _Ctx) -> SectionScore:
    """A claim is found when a predicted span covers half its words with the same status (spans may be shared)."""
    sec = SectionScore("claims")
    golds = list(ctx.gold.get("claims") or [])
    preds = list(ctx.graph.get("claims") or [])
    ptexts = [ctx.span_text(c.get("span")) for c in preds]
    for g in golds:
        must = bool(g.get("must", False))
        label = f"claim {_short(g['text'])}"
        covering = [(coverage(g["text"], t), c) for t, c in zip(ptexts, preds, strict=True)]
        covering = [(cov, c) for cov, c in covering if cov >= CLAIM_COVER]
        found = any(c.get("status") == g["status"] for _, c in covering)
        if found:
            src = g.get("source")
            match = [c for _, c in covering if c.get("status") == g["status"]]
            exact = src is None or any(ctx.gid(c.get("source")) == src for c in match)
            if not exact:
                sec.issue("source", f"{label} source: got {ctx.show(match[0].get('source'))}, want {src}", must)
        elif covering:
            best = max(covering, key=lambda t: t[0])[1]
            sec.issue("status", f"{label} status: got {best.get('status')}, want {g['status']}", must)
            exact = False
        else:
            sec.issue("miss", f"{label} not found", must)
            exact = False
        sec.add(must, found, exact)
    # precision only over hedged/attributed/... claims: gold files do not list plain assertions
    scored = [(t, c) for t, c in zip(ptexts, preds, strict=True) if c.get("status") != "asserted"]
    sec.predicted = len(scored)
    sec.predicted_ok = sum(
        any(coverage(g["text"], t) >= CLAIM_COVER and c.get("status") == g["status"] for g in golds)
        for t, c in scored
    )
    return sec


# --------------------------------------------------------------------------- must_not


def _locate(ctx: _Ctx, text: str) -> tuple[str, int, int] | None:
    """Where a gold text lies in the article: ('body'|'title', start, end), or None."""
    words = _WORD.findall(text)
    if not words:
        return None
    pattern = re.compile(r"\W+".join(re.escape(w) for w in words), re.IGNORECASE)
    for where, src in (("body", ctx.body), ("title", ctx.title)):
        m = pattern.search(src)
        if m:
            return where, m.start(), m.end()
    return None


def _inside(span: dict[str, Any] | None, where: tuple[str, int, int]) -> bool:
    """The span lies inside the located text, or holds at least half of it (a sentence containing it)."""
    if not span:
        return False
    if (span.get("in") or "body") != where[0]:
        return False
    s, e = span.get("start", 0), span.get("end", 0)
    inter = min(e, where[2]) - max(s, where[1])
    if inter <= 0:
        return False
    return inter >= min(e - s, where[2] - where[1]) * 0.5


def _check_must_not(ctx: _Ctx) -> tuple[list[Issue], list[str]]:
    violations: list[Issue] = []
    covered: set[int] = set()
    must_not = [s for s in ctx.gold.get("must_not") or [] if isinstance(s, str)]
    # (a) an entity who speaks no gold quote, named in a must_not item about speakers
    speakers = {q.get("speaker") or q.get("source") for q in ctx.gold.get("quotes") or []}
    for n, text in enumerate(must_not):
        if "speaker" not in text.casefold():
            continue
        for g in ctx.gold_entities:
            if g["id"] in speakers:
                continue
            names = [a for a in _gold_aliases(g) if not is_descriptor(a) and len(a) > 2]
            if not any(re.search(rf"\b{re.escape(a)}\b", text, re.IGNORECASE) for a in names):
                continue
            covered.add(n)
            for q in ctx.graph.get("quotes") or []:
                if ctx.gid(q.get("speaker")) == g["id"]:
                    violations.append(Issue(
                        "violation", f"{text}: quote {_short(_quote_text(ctx, q))} has speaker {g['id']}", True))
    # (b) a non-hypothetical relation/event/role whose evidence lies in a hypothetical gold claim
    hypo = [c for c in ctx.gold.get("claims") or [] if c.get("status") == "hypothetical"]
    if hypo:
        covered |= {n for n, t in enumerate(must_not) if any(w in t.casefold() for w in HYPOTHETICAL_WORDS)}
    for c in hypo:
        where = _locate(ctx, c["text"])
        if where is None:
            continue
        for kind, items in (("relation", "relations"), ("event", "events"), ("role", "roles")):
            for item in ctx.graph.get(items) or []:
                if item.get("status") == "hypothetical" or not _inside(item.get("evidence"), where):
                    continue
                if kind == "relation":
                    ends = f"{ctx.show(item.get('subject'))}, {ctx.show(item.get('object'))}"
                    what = f"relation {item.get('type')}({ends})"
                elif kind == "event":
                    who = ", ".join(ctx.show(p.get("entity")) for p in item.get("participants") or [])
                    what = f"event {item.get('type')}({who})"
                else:
                    what = f"role {ctx.show(item.get('person'))} \"{item.get('title')}\""
                violations.append(Issue(
                    "violation",
                    f"{what} is {item.get('status')} but lies in hypothetical claim {_short(c['text'], 40)}",
                    True,
                ))
    unchecked = [t for n, t in enumerate(must_not) if n not in covered]
    return violations, unchecked


# --------------------------------------------------------------------------- entry point


def score(gold: dict[str, Any], graph: ArticleGraph | dict[str, Any]) -> Report:
    """Score one extracted article graph against one gold dict (pure: nothing is read or written)."""
    validate_gold(gold)
    data = graph.to_dict() if isinstance(graph, ArticleGraph) else graph
    ctx = _Ctx(gold, data)
    sections = {"entities": _score_entities(ctx)}  # first: the pairing feeds every other section
    sections["times"] = _score_times(ctx)
    sections["quotes"] = _score_quotes(ctx)
    sections["roles"] = _score_roles(ctx)
    sections["relations"] = _score_relations(ctx)
    sections["events"] = _score_events(ctx)
    sections["claims"] = _score_claims(ctx)
    violations, unchecked = _check_must_not(ctx)
    article = (gold.get("article") or {}).get("file") if isinstance(gold.get("article"), dict) else None
    return Report(sections, dict(ctx.g2p), violations, unchecked, article)


__all__ = ["Issue", "Report", "SectionScore", "load_gold", "render", "score", "validate_gold"]
