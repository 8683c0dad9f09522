"""Evaluate ``dossier_status``: the claims it lists and the status it gives them.

    .venv/bin/python scripts/eval_status.py                 # seed + examples
    .venv/bin/python scripts/eval_status.py --sample 100    # + a PolNeAR dev sample to judge by hand
    .venv/bin/python scripts/eval_status.py --sample 100 --tsv /tmp/sample.tsv

(a) the reference article ``../shared/seed/*.gold.json`` and (b) the team's
``examples/*.gold.json``: each gold claim is found when a predicted claim covers at
least half its words with the same status (the project scorer, ``dossier.evaluate``);
the source is checked where the gold names one. Misses and wrong statuses are listed.

(c) ``--sample N`` prints N non-asserted claims from PolNeAR dev articles (a fixed,
seeded draw) with their sentence, so that a person can judge precision; ``--tsv``
writes them as offsets (file, start, end, status) plus a blank ``ok`` column to fill in.
Nothing from ``../shared`` is copied into the repository.
"""

from __future__ import annotations

import argparse
import csv
import random
import sys
from collections import Counter
from pathlib import Path

REPO = Path(__file__).resolve().parents[1]
SHARED = REPO.parent / "shared"


def _score_file(txt: Path, gold_path: Path, nlp, show: bool) -> tuple[Counter, Counter]:  # type: ignore[no-untyped-def]
    from dossier.evaluate import coverage, load_gold, score
    from dossier.extraction import article_doc, doc_to_graph
    from dossier.read.text import read_text

    article = read_text(txt)
    graph = doc_to_graph(article_doc(article, nlp), article)
    gold = load_gold(gold_path)
    sec = score(gold, graph).sections["claims"]
    counts: Counter = Counter(
        must=sec.must_total, must_found=sec.must_found, all=sec.all_total, all_found=sec.all_found,
        exact=sec.all_exact, predicted=sec.predicted or 0, predicted_ok=sec.predicted_ok,
    )
    by_status: Counter = Counter()
    for g in gold.get("claims") or []:
        by_status[(g["status"], "total")] += 1
        by_status[(g["status"], "found")] += any(
            coverage(g["text"], c.span.text or "") >= 0.5 and c.status == g["status"] for c in graph.claims
        )
    print(f"{txt.name}: must {sec.must_found}/{sec.must_total}  all {sec.all_found}/{sec.all_total}  "
          f"exact {sec.all_exact}  precision {sec.predicted_ok}/{sec.predicted}")
    if show:
        for issue in sec.issues:
            print(f"    {'MUST ' if issue.must else ''}{issue.kind}: {issue.message}")
        golds = gold.get("claims") or []
        for c in graph.claims:
            if c.status == "asserted":
                continue
            ok = any(coverage(g["text"], c.span.text or "") >= 0.5 and g["status"] == c.status for g in golds)
            if not ok:
                print(f"    extra [{c.status}{'/' + c.source if c.source else ''}] {c.span.text}")
    return counts, by_status


def gold_eval(nlp, show: bool) -> None:  # type: ignore[no-untyped-def]
    """(a) the seed article and (b) the team's examples."""
    pairs: list[tuple[Path, Path]] = []
    seed = SHARED / "seed"
    if seed.is_dir():
        pairs += [(p.with_suffix("").with_suffix(".txt"), p) for p in sorted(seed.glob("*.gold.json"))]
    else:
        print("(../shared/seed absent: seed skipped)")
    pairs += [(p.with_name(p.name.replace(".gold.json", ".txt")), p)
              for p in sorted((REPO / "examples").glob("*.gold.json"))]
    total: Counter = Counter()
    statuses: Counter = Counter()
    for txt, gold in pairs:
        if txt.is_file():
            counts, by_status = _score_file(txt, gold, nlp, show)
            total.update(counts)
            statuses.update(by_status)
    if not pairs:
        return
    print(f"\nALL: must {total['must_found']}/{total['must']}  all {total['all_found']}/{total['all']}  "
          f"exact(source ok) {total['exact']}/{total['all']}  "
          f"precision {total['predicted_ok']}/{total['predicted']} (non-asserted predictions covering a gold claim)")
    for status in sorted({s for s, _ in statuses}):
        print(f"  {status:12} {statuses[(status, 'found')]}/{statuses[(status, 'total')]}")


def sample(nlp, n: int, seed: int, tsv: Path | None) -> None:  # type: ignore[no-untyped-def]
    """(c) N non-asserted claims from PolNeAR dev, with their sentences, for hand judgement."""
    from dossier.pipeline import doc_state

    folder = SHARED / "datasets" / "polnear" / "dev" / "text"
    if not folder.is_dir():
        print("(PolNeAR dev absent: sample skipped)")
        return
    rows = []
    for path in sorted(folder.glob("*.txt")):
        text = path.read_text(encoding="utf-8")
        doc = nlp(text)  # the file is the body, title line included, as in eval_quotes.py
        for c in doc_state.section(doc, doc_state.CLAIMS):
            if c.status == "asserted":
                continue
            sent = doc.char_span(c.span.start, c.span.end, alignment_mode="expand")
            sentence = sent.sent.text if sent is not None else ""
            rows.append((path.name, c.span.start, c.span.end, c.status, c.source, c.cues, c.span.text, sentence))
    counts = Counter(r[3] for r in rows)
    print(f"\nPolNeAR dev: {len(rows)} non-asserted claims; by status: {dict(counts)}")
    rng = random.Random(seed)
    picked = rng.sample(rows, min(n, len(rows)))
    for k, (name, s, e, status, source, cues, text, sentence) in enumerate(picked, 1):
        print(f"\n#{k} {name} [{s}:{e}] {status.upper()}{' / ' + source if source else ''}  cues={cues}")
        print(f"   claim:    {' '.join(text.split())}")
        print(f"   sentence: {' '.join(sentence.split())}")
    if tsv:
        with tsv.open("w", newline="", encoding="utf-8") as fh:
            w = csv.writer(fh, delimiter="\t")
            w.writerow(["n", "file", "start", "end", "status", "ok"])
            for k, (name, s, e, status, *_rest) in enumerate(picked, 1):
                w.writerow([k, name, s, e, status, ""])
        print(f"\nwrote {tsv}")


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--sample", type=int, default=0, help="print N PolNeAR dev claims to judge by hand")
    ap.add_argument("--seed", type=int, default=7)
    ap.add_argument("--tsv", type=Path, default=None, help="write the sample as offsets to this file")
    ap.add_argument("--quiet", action="store_true", help="no per-claim misses and extras")
    ap.add_argument("--model", default=None)
    args = ap.parse_args(argv)
    from dossier import nlp as nlp_mod

    nlp = nlp_mod.load(args.model)
    gold_eval(nlp, show=not args.quiet)
    if args.sample:
        sample(nlp, args.sample, args.seed, args.tsv)
    return 0


if __name__ == "__main__":
    sys.exit(main())
