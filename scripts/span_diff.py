"""Compare quote content and cue spans with PolNeAR dev gold, attribution by attribution.

Usage: python scripts/span_diff.py GOLD_INPUTS.jsonl SYSTEM_OUTPUT.jsonl [--role content|cue] [--show N]

For each gold attribution (every annotator), the system quote whose content overlaps its content most
(half of the system span inside the gold hull, as the shared scorer matches) is compared with it after the
scorer's edge trimming. Mismatches are grouped by the kind of boundary difference (extra or missing words
at the start or end, with the first words of the difference); the commonest kinds are printed with
examples. Development data only: never run this on the blind sample.
"""

from __future__ import annotations

import argparse
import json
import re
from collections import Counter, defaultdict

WS = " \t\r\n\u00a0\u200b"
QUOTES = "\"'`\u201c\u201d\u2018\u2019\u00ab\u00bb\u201e\u201f"
EDGE = WS + QUOTES + ",.;:!?\u2026\u2014\u2013-"


def trim(text: str, sp: tuple[int, int] | None) -> tuple[int, int] | None:
    if sp is None:
        return None
    s, e = sp
    while s < e and text[s] in EDGE:
        s += 1
    while e > s and text[e - 1] in EDGE:
        e -= 1
    return (s, e) if e > s else None


def hull(spans: list[list[int]]) -> tuple[int, int] | None:
    return (min(s[0] for s in spans), max(s[1] for s in spans)) if spans else None


def overlap(a: tuple[int, int], b: tuple[int, int]) -> int:
    return max(0, min(a[1], b[1]) - max(a[0], b[0]))


def words(s: str, n: int = 2) -> str:
    w = re.findall(r"\w+|[^\w\s]", s)
    return " ".join(w[:n]).lower()


def last_words(s: str, n: int = 2) -> str:
    w = re.findall(r"\w+|[^\w\s]", s)
    return " ".join(w[-n:]).lower()


def kind_of(body: str, sys_sp: tuple[int, int], gold_sp: tuple[int, int]) -> list[str]:
    out = []
    if sys_sp[0] < gold_sp[0]:
        out.append("start+ " + words(body[sys_sp[0]:gold_sp[0]]))
    elif sys_sp[0] > gold_sp[0]:
        out.append("start- " + words(body[gold_sp[0]:sys_sp[0]]))
    if sys_sp[1] > gold_sp[1]:
        out.append("end+ " + words(body[gold_sp[1]:sys_sp[1]]))
    elif sys_sp[1] < gold_sp[1]:
        out.append("end- " + words(body[sys_sp[1]:gold_sp[1]]))
    return out


def _show(body: str, sp: tuple[int, int] | None) -> str:
    return "-" if sp is None else body[sp[0]:sp[1]].replace("\n", " ")[:300]


def span_of(q: dict, key: str) -> tuple[int, int] | None:
    s = q.get(key)
    if not isinstance(s, dict) or s.get("in", "body") != "body":
        return None
    return (s["start"], s["end"])


def main() -> None:
    ap = argparse.ArgumentParser()
    ap.add_argument("gold")
    ap.add_argument("system")
    ap.add_argument("--role", default="content", choices=("content", "cue"))
    ap.add_argument("--show", type=int, default=3)
    ap.add_argument("--top", type=int, default=25)
    args = ap.parse_args()
    gold_path = args.gold if args.gold.endswith(".gold.jsonl") else re.sub(r"\.jsonl$", "", args.gold) + ".gold.jsonl"
    with open(gold_path, encoding="utf-8") as f:
        golds = [json.loads(x) for x in f]
    with open(args.system, encoding="utf-8") as f:
        systems = {g["article"]["id"]: g for g in map(json.loads, f)}
    kinds: Counter[str] = Counter()
    sides: Counter[str] = Counter()
    examples: dict[str, list[str]] = defaultdict(list)
    n_exact = n_matched = n_gold = 0
    for g in golds:
        body = g["body"]
        quotes = systems.get(g["id"], {}).get("quotes", [])
        for atts in g["gold"]["annotators"].values():
            for a in atts:
                if not a["content"]:
                    continue
                n_gold += 1
                ch = hull(a["content"])
                best, best_ov = None, 0
                for q in quotes:
                    sp = trim(body, span_of(q, "span"))
                    if sp is None:
                        continue
                    ov = sum(overlap(sp, tuple(p)) for p in a["content"])
                    if ov > best_ov and overlap(sp, ch) * 2 >= sp[1] - sp[0]:
                        best, best_ov = q, ov
                if best is None:
                    continue
                n_matched += 1
                if args.role == "content":
                    sys_sp, gold_sp = trim(body, span_of(best, "span")), trim(body, ch)
                else:
                    sys_sp = trim(body, span_of(best, "cue"))
                    gold_sp = trim(body, hull(a["cue"])) if a["cue"] else None
                if sys_sp == gold_sp:
                    n_exact += 1
                    continue
                if sys_sp is None or gold_sp is None:
                    ks = ["no system span" if sys_sp is None else "no gold span"]
                else:
                    ks = kind_of(body, sys_sp, gold_sp)
                for k in ks:
                    sides[k.split()[0]] += 1
                key = " & ".join(ks) if len(ks) == 1 else "both: " + ks[0].split()[0] + "/" + ks[1].split()[0]
                for k in ks:
                    kinds[k] += 1
                    if len(examples[k]) < args.show:
                        examples[k].append(f"    sys [{best.get('kind')}]: {_show(body, sys_sp)}\n"
                                           f"    gold: {_show(body, gold_sp)}")
                kinds["(" + key.split(":")[0] + ")"] += 0
    print(f"gold {n_gold}, matched {n_matched}, exact {n_exact}")
    print("sides:", dict(sides))
    for k, n in kinds.most_common(args.top):
        if n:
            print(f"{n:5d}  {k}")
            for e in examples[k]:
                print(e)


if __name__ == "__main__":
    main()
