"""Judge extracted facts by hand and measure precision per kind (and per confidence threshold).

    python scripts/judge_facts.py dump OUT.jsonl [--judged FILE] [--kind quotes] [--sample N]
    python scripts/judge_facts.py score OUT.jsonl FILE [--threshold T] [--all]

``OUT.jsonl`` is ``dossier extract --format jsonl --all`` output. ``dump`` prints, for every
fact not yet in FILE, a stable key, the fact in words and its evidence sentence, for a person
to judge. A judgement is one JSON line ``{"key", "kind", "verdict": "correct"|"half"|"wrong",
"reason"}`` (no article text: the key locates the evidence). ``score`` matches the
facts of OUT.jsonl to the judgements by key and reports strict precision (correct / judged)
per kind for the facts shown by default (or all with ``--all``), and how precision and the
number of facts shown move with the confidence threshold.
"""

from __future__ import annotations

import argparse
import hashlib
import json
import random
import sys
from collections import Counter, defaultdict
from collections.abc import Iterator
from typing import Any

KINDS = ("quotes", "roles", "relations", "events")
THRESHOLDS = (0.0, 0.3, 0.4, 0.5, 0.55, 0.6, 0.65, 0.7, 0.75, 0.8, 0.85, 0.9)


def _name(graph: dict[str, Any], ref: str | None) -> str:
    for ent in graph["entities"]:
        if ent["id"] == ref:
            return ent["name"]
    return "-" if ref is None else f"?{ref}"


def _evidence(graph: dict[str, Any], span: dict[str, Any] | None) -> str:
    if not span:
        return ""
    text = graph["article"]["title"] if span.get("in") == "title" else graph["article"]["body"]
    return " ".join(text[span["start"]:span["end"]].split())


def describe(graph: dict[str, Any], kind: str, fact: dict[str, Any]) -> tuple[str, str]:
    """The fact in words, and the text it stands on."""
    n = lambda ref: _name(graph, ref)  # noqa: E731
    if kind == "quotes":
        cue = _evidence(graph, fact.get("cue"))
        what = f"{n(fact['speaker'])} [{cue}] {fact['kind']}: {_evidence(graph, fact['span'])[:160]}"
        return what, _evidence(graph, fact.get("speaker_span")) + " | " + cue
    if kind == "roles":
        org = f" of {n(fact['org'])}" if fact.get("org") else ""
        return f"{n(fact['person'])} = {fact['title']}{org} current={fact.get('current')}", \
            _evidence(graph, fact.get("evidence"))
    if kind == "relations":
        return f"{n(fact['subject'])} {fact['type']} {n(fact['object'])}", _evidence(graph, fact["evidence"])
    parts = ", ".join(f"{p['role']}={n(p['entity'])}" for p in fact["participants"])
    return f"{fact['type']}({parts})", _evidence(graph, fact["evidence"])


def key_of(graph: dict[str, Any], kind: str, fact: dict[str, Any]) -> str:
    """A key that stays the same while the fact's content stays the same (not its position)."""
    what, _ = describe(graph, kind, fact)
    span = fact.get("span") or fact.get("evidence") or {}
    raw = f"{graph['article']['id']}|{kind}|{span.get('start')}|{what}|{fact.get('status')}"
    return f"{graph['article']['id'][:24]}:{kind[0]}:{hashlib.sha1(raw.encode()).hexdigest()[:10]}"


def facts(path: str) -> Iterator[tuple[dict[str, Any], str, dict[str, Any]]]:
    with open(path, encoding="utf-8") as lines:
        for line in lines:
            graph = json.loads(line)
            for kind in KINDS:
                for fact in graph[kind]:
                    yield graph, kind, fact


def load_judged(path: str | None) -> dict[str, dict[str, Any]]:
    if not path:
        return {}
    try:
        with open(path, encoding="utf-8") as lines:
            return {j["key"]: j for j in map(json.loads, lines) if j}
    except FileNotFoundError:
        return {}


def dump(args: argparse.Namespace) -> None:
    judged = load_judged(args.judged)
    rows = [(g, k, f) for g, k, f in facts(args.out) if (not args.kind or k == args.kind)]
    if args.sample:
        by_kind: dict[str, list[Any]] = defaultdict(list)
        for row in rows:
            by_kind[row[1]].append(row)
        rows = []
        for kind, items in by_kind.items():
            rows += random.Random(kind).sample(items, min(args.sample, len(items)))
    for graph, kind, fact in rows:
        key = key_of(graph, kind, fact)
        if key in judged:
            continue
        what, ev = describe(graph, kind, fact)
        sent = _sentence(graph, fact)
        print(json.dumps({"key": key, "status": fact.get("status"), "conf": fact.get("confidence"),
                          "what": what, "on": ev[:200], "sent": sent[:400]}, ensure_ascii=False))


def _sentence(graph: dict[str, Any], fact: dict[str, Any]) -> str:
    span = fact.get("span") or fact.get("evidence")
    if not span:
        return ""
    text = graph["article"]["title"] if span.get("in") == "title" else graph["article"]["body"]
    lo = max(text.rfind("\n", 0, span["start"]), text.rfind(". ", 0, max(0, span["start"] - 120)))
    hi = text.find("\n", span["end"])
    return " ".join(text[lo + 1: hi if hi >= 0 else len(text)].split())


def shown(fact: dict[str, Any], threshold: float) -> bool:
    """Whether a user sees the fact by default at this threshold (hypothetical facts never)."""
    return fact.get("status") != "hypothetical" and (fact.get("confidence") or 0.0) >= threshold


def score(args: argparse.Namespace) -> None:
    judged = load_judged(args.judged)
    seen: dict[str, list[tuple[float, str]]] = defaultdict(list)
    total: Counter[str] = Counter()
    for graph, kind, fact in facts(args.out):
        total[kind] += 1
        j = judged.get(key_of(graph, kind, fact))
        if j is None:
            continue
        if fact.get("status") == "hypothetical" and not args.all:
            continue
        seen[kind].append((fact.get("confidence") or 0.0, j["verdict"]))
    report: dict[str, Any] = {}
    for kind in KINDS:
        rows = seen[kind]
        curve = {}
        for t in THRESHOLDS:
            kept = [v for c, v in rows if c >= t]
            curve[str(t)] = {"n": len(kept), "strict": _p(kept, "correct"),
                             "lenient": _p(kept, "correct", "half")}
        report[kind] = {"facts": total[kind], "judged": len(rows), "by_threshold": curve}
    if args.threshold is not None:
        report["at"] = {k: report[k]["by_threshold"].get(str(args.threshold)) for k in KINDS}
    json.dump(report, sys.stdout, indent=1)
    sys.stdout.write("\n")


def _p(verdicts: list[str], *good: str) -> float | None:
    if not verdicts:
        return None
    return round(sum(v in good for v in verdicts) / len(verdicts), 3)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    sub = parser.add_subparsers(dest="cmd", required=True)
    d = sub.add_parser("dump")
    d.add_argument("out")
    d.add_argument("--judged")
    d.add_argument("--kind", choices=KINDS)
    d.add_argument("--sample", type=int)
    s = sub.add_parser("score")
    s.add_argument("out")
    s.add_argument("judged")
    s.add_argument("--threshold", type=float)
    s.add_argument("--all", action="store_true")
    args = parser.parse_args()
    dump(args) if args.cmd == "dump" else score(args)


if __name__ == "__main__":
    main()
