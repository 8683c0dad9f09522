"""Run the shared scorer (../shared/eval) on the three development splits and print one table.

Usage: ``.venv/bin/python scripts/eval_dev.py [--splits polnear-dev,timebank,redocred-dev]
[--cache .cache/eval-dev] [--reuse] [--before FILE] [--json]``

For each split: ``make_inputs.py SPLIT`` writes the inputs and the gold sidecar under the
cache folder, ``dossier extract --format jsonl`` reads them (``--reuse`` keeps an existing
output), and ``score.py SPLIT ... --json`` scores them. The table shows PolNeAR exact
source/cue/content and attribution F1, TimeBank value F1 and relaxed F1 in the TempEval-3
convention (any overlap, one-to-one) beside ours (half the system span inside the gold one),
and Re-DocRED family (spouse, sibling, parent) precision and recall. ``--json`` prints the
rows as JSON instead; ``--before FILE`` (an earlier ``--json`` output) adds a before column.
Corpora come from ``$DOSSIER_DATASETS`` (default ``../shared/datasets``); without the shared
scorer or the corpora it says so and exits 0.
"""

from __future__ import annotations

import argparse
import json
import os
import subprocess
import sys
from pathlib import Path

REPO = Path(__file__).resolve().parents[1]
SHARED = Path(os.environ.get("DOSSIER_SHARED", REPO.parent / "shared"))
SPLITS = ("polnear-dev", "timebank", "redocred-dev")
SHORT = {"polnear-dev": "pd", "timebank": "tb", "redocred-dev": "rd"}
FAMILY = ("spouse", "sibling", "parent")  # the scorer's family ties (its employer/member/educated are not family)


def run(cmd: list[str], out: Path | None = None) -> str:
    """Run ``cmd`` (stdout to ``out`` when given, else returned); exit with its stderr on failure."""
    env = dict(os.environ, DOSSIER_DATASETS=str(datasets_root()))
    if out is None:
        done = subprocess.run(cmd, capture_output=True, text=True, env=env)
    else:
        with out.open("w", encoding="utf-8") as fh:
            done = subprocess.run(cmd, stdout=fh, stderr=subprocess.PIPE, text=True, env=env)
    if done.returncode:
        sys.exit(f"{' '.join(cmd)} failed ({done.returncode}):\n{done.stderr[-2000:]}")
    return done.stdout or ""


def datasets_root() -> Path:
    return Path(os.environ.get("DOSSIER_DATASETS", SHARED / "datasets"))


def score_split(split: str, cache: Path, reuse: bool) -> dict:
    """make_inputs, extract and score one split; the scorer's metrics (its ``--json`` line)."""
    name = SHORT[split]
    inputs, output = cache / f"{name}.jsonl", cache / f"{name}.out.jsonl"
    evaluator = SHARED / "eval"
    if not (reuse and inputs.exists()):
        run([sys.executable, str(evaluator / "make_inputs.py"), split, str(inputs)])
    if not (reuse and output.exists()):
        dossier = Path(sys.executable).with_name("dossier")
        run([str(dossier) if dossier.exists() else "dossier", "extract", str(inputs), "--format", "jsonl"], output)
    text = run([sys.executable, str(evaluator / "score.py"), split, str(inputs), str(output), "--json"])
    return json.loads(text.strip().splitlines()[-1])


def pooled(m: dict, families: tuple[str, ...]) -> tuple[float, float]:
    """Precision and recall over several of the scorer's families (its counts rebuilt from P, R, sizes)."""
    sys_n = sum(m[f]["sys"] for f in families)
    gold_n = sum(m[f]["gold"] for f in families)
    right = sum(m[f]["P"] * m[f]["sys"] / 100 for f in families)
    found = sum(m[f]["R"] * m[f]["gold"] / 100 for f in families)
    return (round(100 * right / sys_n, 1) if sys_n else 0.0), (round(100 * found / gold_n, 1) if gold_n else 0.0)


def rows_of(split: str, m: dict) -> list[tuple[str, str, float]]:
    """(split, measure, value) rows of one split's metrics."""
    if split == "polnear-dev":
        return [(split, f"{k} F1", m[k]["F1"]) for k in ("exact_source", "exact_cue", "exact_content", "attribution")]
    if split == "timebank":
        return [(split, "value F1 (TE3: any overlap)", m["te3_original_value_F1"]),
                (split, "relaxed F1 (TE3: any overlap)", m["te3_original_relaxed"]["F1"]),
                (split, "value F1 (ours: >= half inside)", m["value_F1"]),
                (split, "relaxed F1 (ours)", m["relaxed"]["F1"]),
                (split, "strict F1", m["strict"]["F1"])]
    p, r = pooled(m, FAMILY)
    out = [(split, "family precision", p), (split, "family recall", r)]
    for f in FAMILY:
        out += [(split, f"{f} precision", m[f]["P"]), (split, f"{f} recall", m[f]["R"])]
    return out


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--splits", default=",".join(SPLITS))
    parser.add_argument("--cache", default=str(REPO / ".cache" / "eval-dev"))
    parser.add_argument("--reuse", action="store_true", help="keep inputs and outputs already in the cache")
    parser.add_argument("--before", help="an earlier --json output, shown as a before column")
    parser.add_argument("--json", action="store_true")
    args = parser.parse_args()
    splits = [s for s in args.splits.split(",") if s]
    unknown = [s for s in splits if s not in SPLITS]
    if unknown:
        sys.exit(f"unknown split(s) {', '.join(unknown)}; choose from {', '.join(SPLITS)}")
    if not (SHARED / "eval" / "score.py").exists() or not datasets_root().is_dir():
        print(f"eval-dev: skipped, no shared scorer at {SHARED / 'eval'} or no corpora at {datasets_root()}")
        return
    cache = Path(args.cache)
    cache.mkdir(parents=True, exist_ok=True)
    rows = [row for split in splits for row in rows_of(split, score_split(split, cache, args.reuse))]
    if args.json:
        print(json.dumps([{"split": s, "measure": k, "value": v} for s, k, v in rows]))
        return
    before = {}
    if args.before:
        before = {(r["split"], r["measure"]): r["value"] for r in json.loads(Path(args.before).read_text())}
    head = f"{'split':<14} {'measure':<34} {'value':>7}" + (f" {'before':>7} {'change':>7}" if before else "")
    print(head)
    print("-" * len(head))
    for split, measure, value in rows:
        line = f"{split:<14} {measure:<34} {value:>7.1f}"
        if before:
            old = before.get((split, measure))
            line += f" {old:>7.1f} {value - old:>+7.1f}" if old is not None else f" {'-':>7} {'':>7}"
        print(line)


if __name__ == "__main__":
    main()
