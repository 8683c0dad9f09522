"""Score every example article against its gold reading and print one line per article plus totals.

Usage: python scripts/eval_examples.py [--model md] [--json] [--all] [FOLDER]

It scores what a user is shown (the default confidence threshold); --all scores every fact.
"""

from __future__ import annotations

import argparse
import json
from collections import Counter
from pathlib import Path

from dossier.evaluate import load_gold, score
from dossier.extraction import extract
from dossier.read import read_all
from dossier.service import shown_graph

REPO = Path(__file__).resolve().parents[1]


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("folder", nargs="?", default=str(REPO / "examples"))
    parser.add_argument("--model", default=None)
    parser.add_argument("--json", action="store_true")
    parser.add_argument("--all", action="store_true", help="score every fact, not only those shown by default")
    args = parser.parse_args()
    totals: Counter[str] = Counter()
    rows = []
    for gold_path in sorted(Path(args.folder).glob("*.gold.json")):
        text_path = gold_path.with_name(gold_path.name.replace(".gold.json", ".txt"))
        result = read_all([text_path])
        if not result.articles:
            print(f"{text_path}: {result.summary()}")
            continue
        graph = extract(result.articles[0], model=args.model)
        report = score(load_gold(gold_path), graph if args.all else shown_graph(graph))
        data = report.to_dict()
        rows.append({"article": text_path.name, "summary": report.summary_line(), "sections": data["sections"]})
        for name, sec in data["sections"].items():
            totals[f"{name}.must_found"] += sec["must"]["found"]
            totals[f"{name}.must_total"] += sec["must"]["total"]
            totals[f"{name}.all_found"] += sec["all"]["found"]
            totals[f"{name}.all_total"] += sec["all"]["total"]
            totals[f"{name}.pred"] += sec.get("predicted") or 0
            totals[f"{name}.pred_ok"] += sec.get("predicted_ok") or 0
        totals["violations"] += len(data.get("violations", []))
    if args.json:
        print(json.dumps({"articles": rows, "totals": dict(totals)}, indent=2))
        return
    for row in rows:
        print(f"{row['article']:<40} {row['summary']}")
    print()
    sections = sorted({k.split(".")[0] for k in totals if "." in k})
    print(f"{'section':<10} {'must':>9} {'all':>9} {'precision':>10}")
    for name in sections:
        mf, mt = totals[f"{name}.must_found"], totals[f"{name}.must_total"]
        af, at = totals[f"{name}.all_found"], totals[f"{name}.all_total"]
        pred, ok = totals[f"{name}.pred"], totals[f"{name}.pred_ok"]
        prec = f"{ok / pred:.2f}" if pred else "-"
        print(f"{name:<10} {mf:>4}/{mt:<4} {af:>4}/{at:<4} {prec:>10}")
    print(f"must_not violations: {totals['violations']}")


if __name__ == "__main__":
    main()
