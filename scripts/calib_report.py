"""Precision against the confidence threshold on the held-out calibration sample (issue 11).

    .venv/bin/python scripts/calib_report.py [--out /tmp/calib] [--judgements FILE ...] [--todo FILE]
        [--sample scripts/data/measure6_sample.json --judgements scripts/data/measure6_judgements.jsonl]

The calibration sample is PolNeAR train positions 400-429 of the blind sample's seeded order
(``scripts/blind_sample.py``), read by no rule writer. A reviewer who wrote no rules judged every fact
that ``dossier extract --all`` gave on it (``scripts/data/calib_judgements.jsonl``: key, kind, verdict,
class, reason; no article text). This re-extracts the sample with the current code (``--all``, so
hidden facts keep their confidence), matches facts to the verdicts by key, and prints, per kind, strict
precision (``half`` counts as wrong) and the number of facts shown at each threshold: the figure the
default threshold is chosen on. Facts whose key changed since the judging are counted as unjudged.
``--sample`` reports another sample list the same way (the round-6 measure sample, whose reviewer judged
only the facts shown by default, and of its quotes a seeded 110: the columns under 0.6 undercount).
"""

from __future__ import annotations

import argparse
import json
import subprocess
import sys
from collections import Counter, defaultdict
from pathlib import Path
from typing import Any

sys.path.insert(0, str(Path(__file__).resolve().parent))
import blind_sample  # a sibling script, not a package

DATA = Path(__file__).resolve().parent / "data"
POSITIONS = (400, 430)
KINDS = {"quote": "quotes", "role": "roles", "tie": "relations", "event": "events"}
SECTIONS = (("quote", "quotes"), ("role", "roles"), ("tie", "relations"), ("event", "events"))
THRESHOLDS = (0.0, 0.4, 0.5, 0.6, 0.65, 0.7, 0.75, 0.8, 0.85, 0.9)


def sample_ids() -> list[str]:
    """The calibration articles, in the seeded order."""
    return blind_sample.seeded_order()[POSITIONS[0] : POSITIONS[1]]


def facts_with_confidence(out_jsonl: Path) -> list[dict[str, Any]]:
    """Every fact of an ``--all`` extraction, as judging-sheet lines with ``confidence`` and ``status``."""
    rows: list[dict[str, Any]] = []
    with open(out_jsonl, encoding="utf-8") as f:
        for line in f:
            if not line.strip():
                continue
            graph = json.loads(line)
            facts = list(blind_sample.facts(graph))
            raw = [x for _, section in SECTIONS for x in graph.get(section, [])]
            for fact, x in zip(facts, raw, strict=True):
                rows.append({**fact, "confidence": x.get("confidence") or 0.0})
    return rows


def table(rows: list[dict[str, Any]], verdicts: dict[str, str]) -> dict[str, Any]:
    """Strict precision and facts shown per kind at each threshold (hypothetical facts never shown)."""
    out: dict[str, Any] = {"unjudged": dict(Counter(KINDS[r["kind"]] for r in rows if r["key"] not in verdicts))}
    by_kind: dict[str, list[tuple[float, str]]] = defaultdict(list)
    for r in rows:
        if r["key"] in verdicts and r.get("status") != "hypothetical":
            by_kind[KINDS[r["kind"]]].append((r["confidence"], verdicts[r["key"]]))
    for kind in KINDS.values():
        cells = []
        for t in THRESHOLDS:
            shown = [v for c, v in by_kind[kind] if c >= t]
            right = sum(v == "correct" for v in shown)
            cells.append({"threshold": t, "shown": len(shown),
                          "strict": round(right / len(shown), 3) if shown else None})
        out[kind] = cells
    return out


def render(report: dict[str, Any]) -> str:
    lines = ["strict precision / facts shown, by confidence threshold (hypothetical facts never shown)",
             "kind       " + " ".join(f"{t:>10}" for t in THRESHOLDS)]
    for kind in KINDS.values():
        cells = [f"{c['strict']:.2f}/{c['shown']}" if c["strict"] is not None else "-" for c in report[kind]]
        lines.append(f"{kind:10} " + " ".join(f"{c:>10}" for c in cells))
    lines.append(f"facts not judged (key changed since the judging): {report['unjudged'] or 'none'}")
    return "\n".join(lines)


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--out", type=Path, default=Path("/tmp/calib"), help="output stem outside the repo")
    ap.add_argument("--judgements", type=Path, action="append",
                    help="verdict files (repeat for later rounds; default: scripts/data/calib_judgements.jsonl)")
    ap.add_argument("--sample", type=Path,
                    help="a sample list (scripts/data/*_sample.json) to report instead of the calibration sample")
    ap.add_argument("--todo", type=Path, help="write the facts not judged yet here (a judging sheet, no confidence)")
    ap.add_argument("--json", action="store_true", help="print the report as JSON")
    args = ap.parse_args(argv)
    if not blind_sample.POLNEAR.is_dir():
        print(f"PolNeAR not found at {blind_sample.POLNEAR}", file=sys.stderr)
        return 2
    inp, out = args.out.with_suffix(".jsonl"), args.out.with_suffix(".all.jsonl")
    ids = sample_ids() if args.sample is None else [a["id"] for a in json.loads(args.sample.read_text())["articles"]]
    blind_sample.write_jsonl(inp, blind_sample.articles(ids, blind_sample.metadata()))
    exe = Path(sys.executable).parent / "dossier"
    with open(out, "w", encoding="utf-8") as f:
        subprocess.run([str(exe), "extract", "--format", "jsonl", "--all", str(inp)], stdout=f, check=True)
    files = args.judgements or [DATA / "calib_judgements.jsonl"]
    verdicts = {j["key"]: j["verdict"] for path in files for j in blind_sample_read(path)}
    rows = facts_with_confidence(out)
    report = table(rows, verdicts)
    if args.todo:  # the reviewer judges by the evidence alone: no confidence on the sheet
        blind_sample.write_jsonl(args.todo, ({k: v for k, v in r.items() if k != "confidence"}
                                             for r in rows if r["key"] not in verdicts))
    print(json.dumps(report, indent=1) if args.json else render(report))
    return 0


def blind_sample_read(path: Path) -> list[dict[str, Any]]:
    with open(path, encoding="utf-8") as f:
        return [json.loads(line) for line in f if line.strip()]


if __name__ == "__main__":
    raise SystemExit(main())
