"""Measure roles, relations and events (issue 6).

    .venv/bin/python scripts/eval_relations.py [seed|examples|docred|polnear|bench|all] [--limit N]

* seed / examples: ``dossier.evaluate.score`` on the reference article and on
  ``examples/*.gold.json`` (roles, relations, events sections).
* docred: Re-DocRED dev (``../shared/datasets/re-docred``): precision and recall of our
  relations mapped to Wikidata properties (spouse, sibling, parent/child, employer,
  member of, party, educated at); entities matched by any mention of a vertex.
* polnear: prints relations from PolNeAR dev articles for hand-checking (judgements are
  kept outside the repository).
* bench: the time ``dossier_relations`` adds as a share of the whole extract time.

Reads ``../shared`` at run time only; nothing from it is copied into the repository.
"""

from __future__ import annotations

import argparse
import json
import re
import sys
import time
from collections import Counter, defaultdict
from pathlib import Path

REPO = Path(__file__).resolve().parents[1]
SHARED = REPO.parent / "shared"
SECTIONS = ("roles", "relations", "events")

# Our relation types -> Re-DocRED properties, as (property, reversed): reversed means the
# property's head is our object. Wikidata: P22/P25 (head's father/mother is tail), P40 (head's
# child is tail), P108 (head's employer is tail), P463/P102 (head member of tail), P69 (educated at).
DOCRED_MAP: dict[str, list[tuple[str, bool]]] = {
    "family.spouse": [("P26", False), ("P26", True)],
    "family.sibling": [("P3373", False), ("P3373", True)],
    "family.parent": [("P40", False), ("P22", True), ("P25", True)],  # subject is the object's parent
    "family.child": [("P22", False), ("P25", False), ("P40", True)],  # subject is the object's child
    "professional.worked_for": [("P108", False)],
    "membership.member_of": [("P463", False), ("P102", False)],
    "education.studied_at": [("P69", False)],
}
FAMILY = {"P26", "P3373", "P22", "P25", "P40"}
PROPS = ("P26", "P3373", "P22", "P25", "P40", "P108", "P463", "P102", "P69")


def _graph(path: Path):  # type: ignore[no-untyped-def]
    from dossier.extraction import extract
    from dossier.read.text import read_text

    return extract(read_text(path))


def eval_gold(pairs: list[tuple[Path, Path]]) -> None:
    from dossier.evaluate import load_gold, score

    totals: dict[str, Counter[str]] = {s: Counter() for s in SECTIONS}
    kinds: Counter[str] = Counter()
    for text, gold_path in pairs:
        report = score(load_gold(gold_path), _graph(text))
        line = [text.name[:34].ljust(34)]
        for s in SECTIONS:
            sec = report.sections[s]
            t = totals[s]
            t["found"] += sec.all_found
            t["exact"] += sec.all_exact
            t["total"] += sec.all_total
            t["must_found"] += sec.must_found
            t["must_total"] += sec.must_total
            t["predicted"] += sec.predicted or 0
            t["ok"] += sec.predicted_ok
            line.append(f"{s} {sec.all_found}/{sec.all_total} p={sec.predicted_ok}/{sec.predicted or 0}")
            for issue in sec.issues:
                kinds[f"{s}:{issue.kind}"] += 1
                print(f"    {s}: {issue.kind}: {issue.message}")
        print("  " + " | ".join(line))
        for v in report.violations:
            print(f"    MUST_NOT violated: {v.message}")
    print("totals:")
    for s in SECTIONS:
        t = totals[s]
        rec = t["found"] / t["total"] if t["total"] else 0.0
        prec = t["ok"] / t["predicted"] if t["predicted"] else 0.0
        print(f"  {s:9} recall {t['found']}/{t['total']} = {rec:.2f} (must {t['must_found']}/{t['must_total']}, "
              f"exact {t['exact']}) precision {t['ok']}/{t['predicted']} = {prec:.2f}")
    print("issue kinds:", dict(kinds.most_common(12)))


def seed() -> None:
    text = SHARED / "seed" / "000_4ed56cca851698d7.txt"
    print("== seed article")
    eval_gold([(text, text.with_suffix(".gold.json"))])


def examples() -> None:
    print("== team examples")
    pairs = []
    for gold in sorted((REPO / "examples").glob("*.gold.json")):
        text = gold.with_name(gold.name.replace(".gold.json", ".txt"))
        if text.is_file():
            pairs.append((text, gold))
    eval_gold(pairs)


# --- Re-DocRED ---------------------------------------------------------------------------------------

_NO_SPACE_BEFORE = {",", ".", ";", ":", "!", "?", "%", ")", "]", "'s", "'", "n't", "’s"}
_NO_SPACE_AFTER = {"(", "[", "$", "``"}


def detokenise(sents: list[list[str]]) -> tuple[str, list[list[int]]]:
    """Text of a tokenised document and the char offset of every token."""
    out: list[str] = []
    offsets: list[list[int]] = []
    pos = 0
    prev = ""
    for sent in sents:
        offs = []
        for n, tok in enumerate(sent):
            tok = {"``": '"', "''": '"', "-LRB-": "(", "-RRB-": ")"}.get(tok, tok)
            space = bool(out) and tok not in _NO_SPACE_BEFORE and prev not in _NO_SPACE_AFTER
            if n == 0 and out:
                space = True
            if space:
                out.append(" ")
                pos += 1
            offs.append(pos)
            out.append(tok)
            pos += len(tok)
            prev = tok
        offsets.append(offs)
    return "".join(out), offsets


def docred(limit: int | None = None) -> None:
    from dossier.extraction import extract_many
    from dossier.graph import Article

    base = SHARED / "datasets" / "re-docred"
    docs = json.loads((base / "dev_revised.json").read_text())
    if limit:
        docs = docs[:limit]
    articles, metas = [], []
    for n, d in enumerate(docs):
        text, offsets = detokenise(d["sents"])
        spans = []
        for vertex in d["vertexSet"]:
            vs = []
            for m in vertex:
                s = offsets[m["sent_id"]][m["pos"][0]]
                last = m["pos"][1] - 1
                e = offsets[m["sent_id"]][last] + len(d["sents"][m["sent_id"]][last])
                vs.append((s, e, m["name"]))
            spans.append(vs)
        articles.append(Article(id=f"docred{n}", title="", body=text))
        metas.append((d, spans))
    tp: Counter[str] = Counter()
    fp: Counter[str] = Counter()
    fn: Counter[str] = Counter()
    errors: list[str] = []
    for (d, spans), graph in zip(metas, extract_many(articles), strict=True):
        gold = {(lab["h"], lab["t"], lab["r"]) for lab in d["labels"] if lab["r"] in PROPS}
        ent_vertex = _match_vertices(graph, spans, d)
        predicted: set[tuple[int, int, str]] = set()
        for rel in graph.relations:
            if rel.status in {"negated", "hypothetical"} or rel.type not in DOCRED_MAP:
                continue
            hs, ts = ent_vertex.get(rel.subject or "", set()), ent_vertex.get(rel.object or "", set())
            if not hs or not ts:
                continue
            options = [(t, h, p) if rev else (h, t, p) for p, rev in DOCRED_MAP[rel.type] for h in hs for t in ts]
            hit = [o for o in options if o in gold]
            if hit:
                predicted.update(hit)
            else:
                prop = DOCRED_MAP[rel.type][0][0]
                fp[prop] += 1
                errors.append(f"FP {rel.type} {rel.subject} -> {rel.object} :: {(rel.evidence.text or '')[:140]}")
        for g in gold:
            if g in predicted:
                tp[g[2]] += 1
            else:
                fn[g[2]] += 1
    print("== Re-DocRED dev:", len(docs), "documents")
    groups = {"family": FAMILY, "employer P108": {"P108"}, "member P463+P102": {"P463", "P102"},
              "educated P69": {"P69"}}
    for p in PROPS:
        _line(p, tp[p], fp[p], fn[p])
    for name, props in groups.items():
        _line(name, sum(tp[p] for p in props), sum(fp[p] for p in props), sum(fn[p] for p in props))
    _line("all", sum(tp.values()), sum(fp.values()), sum(fn.values()))
    print("sample false positives:")
    for e in sorted(errors, key=lambda x: not x.startswith("FP family"))[:40]:
        print("  ", e)


def _line(name: str, tp: int, fp: int, fn: int) -> None:
    p = tp / (tp + fp) if tp + fp else float("nan")
    r = tp / (tp + fn) if tp + fn else float("nan")
    print(f"  {name:18} tp {tp:4} fp {fp:4} fn {fn:4}  precision {p:.2f}  recall {r:.2f}")


def _norm(s: str) -> str:
    return re.sub(r"\W+", " ", s.lower()).strip()


def _match_vertices(graph, spans, d) -> dict[str, set[int]]:  # type: ignore[no-untyped-def]
    """Our entity -> DocRED vertices: a mention overlapping a vertex mention, or an equal name."""
    names: dict[str, set[int]] = defaultdict(set)
    for v, vs in enumerate(spans):
        for _s, _e, name in vs:
            names[_norm(name)].add(v)
    out: dict[str, set[int]] = defaultdict(set)
    for ent in graph.entities:
        for m in ent.mentions:
            for v, vs in enumerate(spans):
                if any(s < m.end and m.start < e for s, e, _n in vs) and m.kind in {"name", "alias", "possessive"}:
                    out[ent.id].add(v)
        for alias in [ent.name, *ent.aliases]:
            out[ent.id] |= names.get(_norm(alias), set())
    return out


# --- PolNeAR sample and benchmark --------------------------------------------------------------------


def polnear(n_articles: int = 30, sample: int = 100, offset: int = 0) -> None:
    from dossier.extraction import extract_many
    from dossier.graph import Article

    base = SHARED / "datasets" / "polnear" / "dev" / "text"
    files = sorted(base.glob("*.txt"))[offset : offset + n_articles]
    articles = [Article(id=f.stem, title="", body=f.read_text()) for f in files]
    shown = 0
    print(f"== PolNeAR dev: relations from {len(files)} articles (hand-check these)")
    for graph in extract_many(articles):
        names = {e.id: e.name for e in graph.entities}
        for r in graph.relations:
            if shown >= sample:
                return
            shown += 1
            ev = (r.evidence.text or "").replace("\n", " ")
            print(f"[{shown}] {graph.article.id} {r.type}({names.get(r.subject)}, {names.get(r.object)}) "
                  f"{r.status} src={names.get(r.source or '')} when={r.when or r.start} @{r.evidence.start}")
            print(f"      {ev[:220]}")


def bench(n_articles: int = 30) -> None:
    """Share of extract time spent in ``dossier_relations`` (profiled per component on the same texts)."""
    from dossier import nlp as nlp_mod
    from dossier.extraction import prepare_doc
    from dossier.graph import Article

    base = SHARED / "datasets" / "polnear" / "dev" / "text"
    files = sorted(base.glob("*.txt"))[:n_articles]
    nlp = nlp_mod.load()
    per: Counter[str] = Counter()
    total = 0.0
    for f in files:
        art = Article(id=f.stem, title="", body=f.read_text())
        t0 = time.perf_counter()
        doc = prepare_doc(art, nlp)
        for name, proc in nlp.pipeline:
            t = time.perf_counter()
            doc = proc(doc)
            per[name] += time.perf_counter() - t
        total += time.perf_counter() - t0
    print(f"== benchmark on {len(files)} PolNeAR dev articles: total {total:.2f}s")
    for name, secs in per.most_common():
        print(f"  {name:20} {secs:7.3f}s  {secs / total:6.1%}")
    print(f"  dossier_relations share: {per['dossier_relations'] / total:.1%}  "
          f"(with dossier_status: {(per['dossier_relations'] + per['dossier_status']) / total:.1%})")


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("what", nargs="?", default="all", choices=["seed", "examples", "docred", "polnear", "bench", "all"])
    ap.add_argument("--limit", type=int, default=None, help="Re-DocRED documents to read (default: all 500)")
    ap.add_argument("--offset", type=int, default=0, help="PolNeAR: first article of the sample (a fresh sample)")
    args = ap.parse_args()
    if not SHARED.is_dir() and args.what != "examples":
        print(f"{SHARED} is not present", file=sys.stderr)
        return 1
    if args.what in {"seed", "all"}:
        seed()
    if args.what in {"examples", "all"}:
        examples()
    if args.what in {"docred", "all"}:
        docred(args.limit)
    if args.what in {"polnear", "all"}:
        polnear(offset=args.offset)
    if args.what in {"bench", "all"}:
        bench()
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
