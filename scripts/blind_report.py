"""Precision of the blind real-news sample (issue 11), from the reviewer's judgements.

    .venv/bin/python scripts/blind_report.py [--judgements FILE] [--json]
    .venv/bin/python scripts/blind_report.py --after [--out /tmp/blind_after] [--new-judgements FILE ...]

Without ``--after`` it reports the judgements as they are: strict precision per kind
(correct / all; ``half`` counts as wrong) and lenient (``half`` = 0.5), the facts stored
``asserted`` that the sentence presents as a possibility, wish, poll, call, prediction or
question (class ``possibility-as-fact``), same-surname misattributions, and the ten
commonest error classes with an example each.

With ``--after`` it re-extracts the same articles (ids from ``scripts/data/blind_sample.json``)
with the current code through ``scripts/blind_sample.py``, matches every fact to the earlier
judgements by its key, writes the facts nobody has judged yet to ``OUT_todo.jsonl`` (so the
re-judgement reads only new or changed facts), and reports precision over the facts the
current code shows: the matched ones keep their verdicts; new ones count once judged in
``--new-judgements`` (same line format as the judgements file) and are listed as pending
otherwise. Facts judged before that are no longer produced are counted by verdict (a dropped
``wrong`` is a fix, a dropped ``correct`` is lost recall).
"""

from __future__ import annotations

import argparse
import json
import sys
from collections import Counter, defaultdict
from collections.abc import Iterable
from pathlib import Path
from typing import Any

sys.path.insert(0, str(Path(__file__).resolve().parent))
import blind_sample  # a sibling script, not a package

DATA = Path(__file__).resolve().parent / "data"
BEFORE = DATA / "blind_judgements_before.jsonl"
VERDICTS = ("correct", "half", "wrong")
POSSIBILITY = "possibility-as-fact"
SAME_SURNAME = "same-surname"


def read_jsonl(path: Path) -> list[dict[str, Any]]:
    """The records of a JSONL file; a bad line is reported with its line number."""
    rows = []
    with open(path, encoding="utf-8") as f:
        for n, line in enumerate(f, 1):
            if not line.strip():
                continue
            try:
                rows.append(json.loads(line))
            except json.JSONDecodeError as exc:
                raise SystemExit(f"{path}:{n}: not JSON ({exc.msg})") from exc
    return rows


def precision(judged: Iterable[dict[str, Any]]) -> dict[str, dict[str, Any]]:
    """Counts and strict/lenient precision per kind (and ``all``)."""
    counts: dict[str, Counter[str]] = defaultdict(Counter)
    for j in judged:
        counts[j["kind"]][j["verdict"]] += 1
        counts["all"][j["verdict"]] += 1
    out = {}
    for kind in (*blind_sample.KINDS, "all"):
        c = counts.get(kind, Counter())
        n = sum(c.values())
        out[kind] = {
            "facts": n,
            **{v: c[v] for v in VERDICTS},
            "strict": round(c["correct"] / n, 3) if n else None,
            "lenient": round((c["correct"] + 0.5 * c["half"]) / n, 3) if n else None,
        }
    return out


def summary(judged: list[dict[str, Any]], top: int = 10) -> dict[str, Any]:
    """Precision, the target counts and the commonest error classes of a set of judgements."""
    errors = [j for j in judged if j["verdict"] != "correct"]
    classes = Counter(j["class"] or "other" for j in errors)
    examples: dict[str, dict[str, Any]] = {}
    for j in errors:
        cls = j["class"] or "other"
        # Prefer a 'wrong' example: it shows the class at its clearest.
        if cls not in examples or (examples[cls]["verdict"] == "half" and j["verdict"] == "wrong"):
            examples[cls] = j
    return {
        "precision": precision(judged),
        "possibility_asserted": sum(
            1 for j in errors if j["class"] == POSSIBILITY and j.get("status") == "asserted"
        ),
        "possibility_any_status": sum(1 for j in errors if j["class"] == POSSIBILITY),
        "same_surname": sum(1 for j in errors if j["class"] == SAME_SURNAME),
        "classes": [
            {"class": cls, "count": n,
             "by_kind": dict(Counter(j["kind"] for j in errors if (j["class"] or "other") == cls)),
             "example": {k: examples[cls][k] for k in ("kind", "verdict", "reason", "key") if k in examples[cls]}}
            for cls, n in classes.most_common(top)
        ],
    }


def after(out: Path, before: list[dict[str, Any]], new_judgements: list[Path] | None) -> dict[str, Any]:
    """Re-extract the sample, match facts to earlier judgements, and list what still needs judging."""
    sample = json.loads((DATA / "blind_sample.json").read_text(encoding="utf-8"))
    ids = [a["id"] for a in sample["articles"]]
    base, added_kinds = sample.get("base", len(ids)), sample.get("added_kinds", [])
    meta = blind_sample.metadata()
    inp = out.with_suffix(".jsonl")
    blind_sample.write_jsonl(inp, blind_sample.articles(ids, meta))
    extracted = out.with_suffix(".out.jsonl")
    blind_sample.run_extract(inp, extracted)
    facts = blind_sample.in_sheet(blind_sample.sheet(extracted), ids, base, added_kinds)
    blind_sample.write_jsonl(out.parent / f"{out.name}_facts.jsonl", facts)

    known = {j["key"]: j for j in before}
    for path in new_judgements or []:  # later rounds, in order: a later verdict on a key wins
        if path.exists():
            known.update({j["key"]: j for j in read_jsonl(path)})
    keys = {f["key"] for f in facts}
    judged = [{**known[f["key"]], "status": f["status"]} for f in facts if f["key"] in known]
    todo = [f for f in facts if f["key"] not in known]
    blind_sample.write_jsonl(out.parent / f"{out.name}_todo.jsonl", todo)
    dropped = Counter((j["kind"], j["verdict"]) for j in before if j["key"] not in keys)
    return {
        "facts_now": dict(Counter(f["kind"] for f in facts)),
        "matched": len(judged),
        "to_judge": dict(Counter(f["kind"] for f in todo)),
        "todo_file": str(out.parent / f"{out.name}_todo.jsonl"),
        "dropped": {kind: {v: dropped[(kind, v)] for v in VERDICTS} for kind in blind_sample.KINDS},
        **summary(judged),
    }


def render(report: dict[str, Any]) -> str:
    """The report as plain text."""
    lines = []
    if "facts_now" in report:
        lines.append(f"facts now: {report['facts_now']}  matched to judgements: {report['matched']}  "
                     f"still to judge: {report['to_judge']} ({report['todo_file']})")
        lines.append(f"dropped since the judging (by verdict): {report['dropped']}")
        lines.append("precision below counts judged facts only")
    lines.append(f"{'kind':6} {'facts':>5} {'correct':>7} {'half':>5} {'wrong':>5} {'strict':>7} {'lenient':>7}")
    for kind, p in report["precision"].items():
        lines.append(f"{kind:6} {p['facts']:5} {p['correct']:7} {p['half']:5} {p['wrong']:5} "
                     f"{p['strict'] if p['strict'] is not None else '-':>7} "
                     f"{p['lenient'] if p['lenient'] is not None else '-':>7}")
    lines.append(f"possibility/wish/poll/call/prediction/question stored asserted: {report['possibility_asserted']} "
                 f"(any status: {report['possibility_any_status']})")
    lines.append(f"same-surname misattributions: {report['same_surname']}")
    lines.append("commonest error classes:")
    for c in report["classes"]:
        ex = c["example"]
        lines.append(f"  {c['count']:4}  {c['class']:20} {c['by_kind']}")
        lines.append(f"        e.g. {ex['kind']} ({ex['verdict']}): {ex['reason']} ({ex.get('key', '')})")
    return "\n".join(lines)


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--judgements", type=Path, default=BEFORE, help="judgements to report (or to match)")
    ap.add_argument("--after", action="store_true", help="re-extract with the current code and match by key")
    ap.add_argument("--out", type=Path, default=Path("/tmp/blind_after"), help="output stem outside the repo")
    ap.add_argument("--new-judgements", type=Path, action="append",
                    help="judgements of the facts new since the first run (repeat for later rounds, in order)")
    ap.add_argument("--json", action="store_true", help="print the report as JSON")
    args = ap.parse_args(argv)
    before = read_jsonl(args.judgements)
    if args.after:
        if not blind_sample.POLNEAR.is_dir():
            print(f"PolNeAR not found at {blind_sample.POLNEAR}", file=sys.stderr)
            return 2
        report = after(args.out, before, args.new_judgements)
    else:
        report = summary(before)
    print(json.dumps(report, indent=1, ensure_ascii=False) if args.json else render(report))
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
