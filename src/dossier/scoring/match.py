"""Normalisation and pairing shared by every section: text folding, time bounds, one-to-one pairing,
the predicted graph with its entity pairing, and the one gold-item loop every paired section runs."""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Callable, Iterable, Sequence
from typing import Any

from ..pipeline import lexicons
from .report import SectionScore

_QUOTE_CHARS = str.maketrans({"\u2018": "'", "\u2019": "'", "\u201c": '"', "\u201d": '"'})
_OUTER = " \t\n\"'`.,;:!?()[]{}-\u2014\u2013"
WORD = re.compile(r"\w+")
_POSSESSIVE = re.compile(r"\w(?:'s|')(?=\s|$)")
_DESCRIPTOR = re.compile(r"^[Tt]he [a-z]")
_TIMEX = re.compile(r"\d{4}(?:-\d{2}(?:-\d{2})?)?|P\w+")

Item = dict[str, Any]
Key = tuple[Any, ...]


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
    return Counter(WORD.findall(s.translate(_QUOTE_CHARS).casefold()))


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
    if typ == "PERSON" and len(words) > 1 and words[0][:1].isupper() and words[0].casefold() in lexicons.title_words():
        return f"title '{words[0]}'"
    return None


def short(text: str, n: int = 28) -> str:
    """A text quoted and cut to about ``n`` characters, at a word boundary."""
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


def greedy(pairs: list[tuple[Key, int, int]]) -> dict[int, int]:
    """One-to-one assignment, best score first: returns gold index -> predicted index."""
    out: dict[int, int] = {}
    used: set[int] = set()
    for _score, gi, pi in sorted(pairs, key=lambda t: (t[0], -t[1], -t[2]), reverse=True):
        if gi not in out and pi not in used:
            out[gi] = pi
            used.add(pi)
    return out


class Context:
    """The predicted graph as dicts, plus the entity pairing shared by all sections."""

    def __init__(self, gold: Item, graph: Item) -> None:
        self.gold = gold
        self.graph = graph
        art = graph.get("article") or {}
        self.body: str = art.get("body") or ""
        self.title: str = art.get("title") or ""
        self.pred_entities: list[Item] = list(graph.get("entities") or [])
        self.gold_entities: list[Item] = list(gold.get("entities") or [])
        self.g2p: dict[str, str | None] = {}
        self.p2g: dict[str, str] = {}
        self.pred_names = {e["id"]: e.get("name", "") for e in self.pred_entities}

    def span_text(self, span: Item | None) -> str:
        """The text of a predicted span (its own ``text``, else the slice of title or body)."""
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

    def strings(self, ent: Item) -> set[str]:
        """Every normalised name of a predicted entity: name, aliases and non-pronoun mention texts."""
        out = {norm_name(ent.get("name", ""))} | {norm_name(a) for a in ent.get("aliases") or []}
        for m in ent.get("mentions") or []:
            if m.get("kind") != "pronoun":
                out.add(norm_name(self.span_text(m)))
        out.discard("")
        return out


class Checks:
    """The attribute checks of one paired gold item: each failed one is an issue and makes it inexact."""

    def __init__(self, ctx: Context, sec: SectionScore, label: str, must: bool) -> None:
        self.ctx, self.sec, self.label, self.must = ctx, sec, label, must
        self.exact = True

    def fail(self, kind: str, detail: str) -> None:
        self.exact = False
        self.sec.issue(kind, f"{self.label} {detail}", self.must)

    def equal(self, what: str, got: Any, want: Any) -> None:
        """A plain value (status, current), checked when the gold gives one."""
        if want is not None and got != want:
            self.fail(what, f"{what}: got {got}, want {want}")

    def entity(self, kind: str, what: str, got: str | None, want: str | None) -> None:
        """A predicted entity reference against a gold entity id."""
        if want is not None and self.ctx.gid(got) != want:
            self.fail(kind, f"{what}: got {self.ctx.show(got)}, want {want}")

    def when(self, what: str, want: str | None, values: Sequence[str | None]) -> None:
        """A time: the first predicted value shown, any of them accepted (see :func:`when_ok`)."""
        if want is not None and not when_ok(want, values):
            shown = next((v for v in values if v), values[-1] if values else None)  # as `a or b` shows
            self.fail(what, f"{what}: got {shown}, want {want}")


def score_paired(
    ctx: Context,
    sec: SectionScore,
    golds: list[Item],
    preds: list[Item],
    key: Callable[[Item, Item], Key | None],
    label: Callable[[Item], str],
    check: Callable[[Checks, Item, Item], None] | None = None,
    miss: Callable[[Item, str], tuple[str, str]] | None = None,
) -> dict[int, int]:
    """Pair gold with predicted items one-to-one (best ``key`` first; None: no match) and count each gold item.

    An unpaired item is a miss (``miss`` may name another kind and message); a paired one is
    found, and exact when ``check`` raised no issue. Returns the pairing.
    """
    pairs = [(k, gi, pi) for gi, g in enumerate(golds) for pi, p in enumerate(preds) if (k := key(g, p)) is not None]
    assigned = greedy(pairs)
    for gi, g in enumerate(golds):
        must = bool(g.get("must", False))
        name = label(g)
        pi = assigned.get(gi)
        if pi is None:
            kind, message = miss(g, name) if miss else ("miss", f"{name} not found")
            sec.issue(kind, message, must)
            sec.add(must, False, False)
            continue
        checks = Checks(ctx, sec, name, must)
        if check is not None:
            check(checks, g, preds[pi])
        sec.add(must, True, checks.exact)
    return assigned


def matched(preds: Iterable[Item], golds: list[Item], match: Callable[[Item, Item], Any]) -> int:
    """How many predicted items match at least one gold item (the precision numerator)."""
    return sum(any(match(g, p) for g in golds) for p in preds)
