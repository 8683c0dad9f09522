"""Score ``dossier_times`` on TimeBank + AQUAINT (TempEval-3 training data) with TempEval-3 measures.

Usage: ``.venv/bin/python scripts/eval_time.py [--limit N] [--model md] [--errors 15] [--corpus TimeBank]``

Reads ``../shared/datasets/timebank/{TimeBank,AQUAINT}/*.tml`` (relative to the
repo root; exits 0 with a message when absent), takes each document's DCT as its
publication date, strips the tags of ``<TEXT>`` to recover the text and the gold
TIMEX3 spans (character offsets into the stripped text) and runs the pipeline
with only the times component. Prints strict and relaxed extent P/R/F1, type
and value accuracy (over relaxed matches), value F1 (= relaxed F1 x value
accuracy), the commonest errors, and the time per document of the spaCy pipeline and of
the component.

Notation: the contract writes an unknown amount with ``_`` ("P_Y"), TimeBank
with ``X`` ("PXY"); values are compared after mapping ``_`` to ``X``.
"""

from __future__ import annotations

import argparse
import html
import re
import sys
import time
from collections import Counter
from dataclasses import dataclass
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
DATA = ROOT.parent / "shared" / "datasets" / "timebank"
TOKEN = re.compile(r"<[^>]+>|&[#\w]+;|[^<&]+")
ATTR = re.compile(r'(\w+)="([^"]*)"')


@dataclass
class Gold:
    start: int
    end: int
    text: str
    type: str
    value: str


@dataclass
class Document:
    name: str
    dct: str
    text: str
    gold: list[Gold]


def read_tml(path: Path) -> Document:
    """The stripped ``<TEXT>`` of a .tml file, its DCT and its gold TIMEX3 spans."""
    raw = path.read_text(encoding="utf-8")
    dct_m = re.search(r"<DCT>\s*<TIMEX3[^>]*value=\"([^\"]+)\"", raw)
    dct = dct_m.group(1)[:10] if dct_m else ""
    body = raw[raw.index("<TEXT>") + len("<TEXT>"): raw.index("</TEXT>")]
    out: list[str] = []
    length = 0
    gold: list[Gold] = []
    open_timex: tuple[int, dict[str, str]] | None = None
    for m in TOKEN.finditer(body):
        piece = m.group(0)
        if piece.startswith("<"):
            if piece.startswith("<TIMEX3"):
                open_timex = (length, dict(ATTR.findall(piece)))
            elif piece.startswith("</TIMEX3") and open_timex is not None:
                start, attrs = open_timex
                text = "".join(out)[start:length]
                gold.append(Gold(start, length, text, attrs.get("type", ""), attrs.get("value", "")))
                open_timex = None
            continue
        piece = html.unescape(piece) if piece.startswith("&") else piece
        out.append(piece)
        length += len(piece)
    return Document(path.stem, dct, "".join(out), gold)


def prf(tp: int, n_pred: int, n_gold: int) -> tuple[float, float, float]:
    p = tp / n_pred if n_pred else 0.0
    r = tp / n_gold if n_gold else 0.0
    return p, r, (2 * p * r / (p + r) if p + r else 0.0)


def norm_value(value: str) -> str:
    """The contract's unknown amount "P_Y" in TimeBank's notation "PXY"."""
    return re.sub(r"^P(T?)_", r"P\1X", value)


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--limit", type=int, default=None, help="score only the first N documents")
    ap.add_argument("--model", default=None, help='spaCy pipeline ("md", "sm" or a path)')
    ap.add_argument("--errors", type=int, default=15, help="how many error kinds to list")
    ap.add_argument("--corpus", default=None, help="only TimeBank or AQUAINT")
    ap.add_argument("--examples", type=int, default=2, help="examples per error kind")
    args = ap.parse_args(argv)

    if not DATA.is_dir():
        print(f"TimeBank not found at {DATA}: nothing to score.")
        return 0
    paths = sorted(p for sub in ("TimeBank", "AQUAINT") if args.corpus in (None, sub)
                   for p in (DATA / sub).glob("*.tml"))[: args.limit]
    docs = [read_tml(p) for p in paths]

    from dossier import nlp as nlp_mod
    from dossier.extraction import prepare_doc
    from dossier.graph import Article
    from dossier.pipeline import doc_state

    nlp = nlp_mod.load(args.model, components=("dossier_times",))
    stats = Counter()
    errors: Counter[str] = Counter()
    examples: dict[str, list[str]] = {}

    def note(kind: str, example: str) -> None:
        errors[kind] += 1
        examples.setdefault(kind, [])
        if len(examples[kind]) < args.examples:
            examples[kind].append(example)

    for d in docs:
        doc = prepare_doc(Article(id=d.name, title="", body=d.text, published=d.dct), nlp)
        doc = nlp(doc)
        pred = doc_state.section(doc, doc_state.TIMES)
        stats["gold"] += len(d.gold)
        stats["pred"] += len(pred)
        matched_pred: set[int] = set()
        for g in d.gold:
            strict = [i for i, p in enumerate(pred) if p.start == g.start and p.end == g.end]
            relaxed = strict or [i for i, p in enumerate(pred) if p.start < g.end and g.start < p.end]
            if strict:
                stats["strict_gold"] += 1
            if not relaxed:
                note(f"missed: {g.text.lower()}", f"{d.name}: {g.text!r} {g.type} {g.value}")
                continue
            stats["relaxed_gold"] += 1
            p = pred[relaxed[0]]
            if p.type == g.type:
                stats["type_ok"] += 1
            if norm_value(p.value) == g.value:
                stats["value_ok"] += 1
            else:
                shape = re.sub(r"\d", "9", g.value)
                note(f"value: {p.text.lower()!r} gold {shape}",
                     f"{d.name} (dct {d.dct}): {p.text!r} -> {p.value} gold {g.text!r} {g.value}")
        for i, p in enumerate(pred):
            if any(p.start == g.start and p.end == g.end for g in d.gold):
                stats["strict_pred"] += 1
            if any(p.start < g.end and g.start < p.end for g in d.gold):
                stats["relaxed_pred"] += 1
                matched_pred.add(i)
            else:
                note(f"spurious: {p.text.lower()}", f"{d.name}: {p.text!r} -> {p.value}")

    # timing: the statistical pipeline alone, then the times component alone on its output
    from dossier.pipeline.times.finder import find_times

    t_bare = t_times = 0.0
    with nlp.select_pipes(disable=["dossier_times"]):
        for d in docs:
            doc = prepare_doc(Article(id=d.name, title="", body=d.text, published=d.dct), nlp)
            t0 = time.perf_counter()
            doc = nlp(doc)
            t1 = time.perf_counter()
            find_times(doc)
            t_bare += t1 - t0
            t_times += time.perf_counter() - t1

    sp, sr, sf = prf(stats["strict_pred"], stats["pred"], stats["gold"])
    rp, rr, rf = prf(stats["relaxed_pred"], stats["pred"], stats["gold"])
    rg = stats["relaxed_gold"] or 1
    type_acc = stats["type_ok"] / rg
    value_acc = stats["value_ok"] / rg
    print(f"documents {len(docs)}  gold {stats['gold']}  predicted {stats['pred']}  (model {nlp.meta.get('name')})")
    print(f"strict  extent  P {100 * sp:.2f}  R {100 * sr:.2f}  F1 {100 * sf:.2f}")
    print(f"relaxed extent  P {100 * rp:.2f}  R {100 * rr:.2f}  F1 {100 * rf:.2f}")
    print(f"type accuracy {100 * type_acc:.2f}   value accuracy {100 * value_acc:.2f}")
    print(f"type F1 {100 * rf * type_acc:.2f}   value F1 {100 * rf * value_acc:.2f}"
          "   (published, TempEval-3 test: HeidelTime 77.61, SUTime 67.38)")
    n = max(len(docs), 1)
    print(f"time per document: spaCy pipeline {1000 * t_bare / n:.1f} ms, times component {1000 * t_times / n:.1f} ms"
          f" (component / spaCy = {t_times / t_bare if t_bare else float('nan'):.3f})")
    print(f"\n{args.errors} commonest errors:")
    for kind, count in errors.most_common(args.errors):
        print(f"{count:4d}  {kind}")
        for ex in examples[kind]:
            print(f"        {ex}")
    return 0


if __name__ == "__main__":
    sys.path.insert(0, str(ROOT / "src"))
    raise SystemExit(main())
