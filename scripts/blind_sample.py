"""Build the blind real-news sample of issue 11 and a judging sheet of every fact shown to users.

    .venv/bin/python scripts/blind_sample.py [--n 40] [--out /tmp/blind] [--sample-only]

Picks articles from PolNeAR train with a fixed seed (``random.Random(20261203)``
shuffling the sorted file list): the first ``--n`` of that order are the blind
sample, the last 40 the disjoint "fix" sample for the rule writers. Only ids go
into ``scripts/data/blind_sample.json`` and ``fix_sample.json``; article text stays
outside the repo. Writes ``OUT.jsonl`` (the articles: id, published, title, body,
outlet), runs ``dossier extract`` on it (so the output is what a user is shown)
into ``OUT.out.jsonl``, and writes the judging sheet ``OUT_facts.jsonl``: one line
per quote, role, tie (relation) and event, with its fields, evidence sentence and
offsets, and a stable ``key`` (article id + kind + evidence offsets + field hash)
that ``blind_report.py --after`` uses to match later runs to earlier judgements.
"""

from __future__ import annotations

import argparse
import csv
import hashlib
import json
import random
import re
import subprocess
import sys
from collections import Counter
from collections.abc import Iterable, Iterator
from pathlib import Path
from typing import Any

SEED = 20261203
FIX_SIZE = 40
ROOT = Path(__file__).resolve().parent.parent
POLNEAR = ROOT.parent / "shared" / "datasets" / "polnear"
DATA = Path(__file__).resolve().parent / "data"
KINDS = ("quote", "role", "tie", "event")

# A sentence ends at . ! ? (optionally followed by closing quotes/brackets) before white space, or at a newline.
_SENT_END = re.compile(r"[.!?][\"'”’)\]]*(?=\s)|\n")


def seeded_order() -> list[str]:
    """Every PolNeAR train article id, in the fixed seeded order."""
    files = sorted(p.stem for p in (POLNEAR / "train" / "text").glob("*.txt"))
    order = list(files)
    random.Random(SEED).shuffle(order)
    return order


def split(order: list[str], n: int) -> tuple[list[str], list[str]]:
    """The blind sample (the first ``n``) and the fix sample (the last 40), never overlapping."""
    if n + FIX_SIZE > len(order):
        raise SystemExit(f"only {len(order)} articles: cannot take {n} blind and {FIX_SIZE} fix")
    return order[:n], order[-FIX_SIZE:]


def metadata() -> dict[str, dict[str, str]]:
    """PolNeAR metadata rows by article id."""
    with open(POLNEAR / "metadata.tsv", encoding="utf-8", newline="") as f:
        return {row["filename"]: row for row in csv.DictReader(f, delimiter="\t")}


def articles(ids: Iterable[str], meta: dict[str, dict[str, str]]) -> Iterator[dict[str, Any]]:
    """The input records, shaped as ``shared/eval/make_inputs.py`` shapes PolNeAR (body = the file)."""
    for art in ids:
        m = meta.get(art, {})
        body = (POLNEAR / "train" / "text" / f"{art}.txt").read_text(encoding="utf-8")
        yield {"id": art, "published": m.get("publication_date"), "title": m.get("title", ""),
               "body": body, "outlet": m.get("publisher")}


def write_sample_lists(
    blind: list[str], fix: list[str], meta: dict[str, dict[str, str]], base: int, added_kinds: list[str]
) -> None:
    """Record both samples (ids, dates, outlets; no text) under scripts/data/."""
    def rows(ids: list[str]) -> list[dict[str, Any]]:
        return [{"id": i, "published": meta.get(i, {}).get("publication_date"),
                 "outlet": meta.get(i, {}).get("publisher")} for i in ids]

    common = {"source": "PolNeAR train", "seed": SEED,
              "order": "random.Random(seed).shuffle(sorted train file stems)"}
    blind_doc = {**common, "take": f"first {len(blind)} of the order", "base": base,
                 "added": len(blind) - base, "added_kinds": added_kinds if len(blind) > base else [],
                 "articles": rows(blind)}
    fix_doc = {**common, "take": f"last {len(fix)} of the order", "articles": rows(fix)}
    DATA.mkdir(exist_ok=True)
    (DATA / "blind_sample.json").write_text(json.dumps(blind_doc, indent=1) + "\n", encoding="utf-8")
    (DATA / "fix_sample.json").write_text(json.dumps(fix_doc, indent=1) + "\n", encoding="utf-8")


def run_extract(inp: Path, out: Path) -> None:
    """Run ``dossier extract --format jsonl`` (what a user is shown) with this checkout's venv."""
    exe = Path(sys.executable).parent / "dossier"
    with open(out, "w", encoding="utf-8") as f:
        subprocess.run([str(exe), "extract", "--format", "jsonl", str(inp)], stdout=f, check=True)


def sentence(text: str, start: int, end: int) -> tuple[int, int]:
    """Offsets of the sentence(s) of ``text`` covering ``start:end``."""
    s = 0
    for m in _SENT_END.finditer(text, 0, start):
        s = m.end()
    m = _SENT_END.search(text, max(end - 1, s))
    e = m.end() if m else len(text)
    while s < e and text[s].isspace():
        s += 1
    return s, e


def _key(article: str, kind: str, ev: dict[str, Any], fields: dict[str, Any]) -> str:
    digest = hashlib.sha1(json.dumps(fields, sort_keys=True).encode()).hexdigest()[:10]
    return f"{article}|{kind}|{ev.get('in', 'body')}:{ev['start']}-{ev['end']}|{digest}"


def _fact(art: dict[str, Any], kind: str, fields: dict[str, Any], ev: dict[str, Any]) -> dict[str, Any]:
    text = art["title"] if ev.get("in") == "title" else art["body"]
    s, e = sentence(text, ev["start"], ev["end"])
    evidence = {"in": ev.get("in", "body"), "start": ev["start"], "end": ev["end"],
                "sentence_start": s, "sentence_end": e, "sentence": text[s:e]}
    return {"key": _key(art["id"], kind, ev, fields), "article": art["id"], "published": art["published"],
            "kind": kind, **fields, "evidence": evidence}


def facts(graph: dict[str, Any]) -> Iterator[dict[str, Any]]:
    """Every quote, role, tie and event of one article graph, as judging-sheet lines."""
    art = graph["article"]
    names = {e["id"]: e["name"] for e in graph.get("entities", [])}

    def name(eid: str | None) -> str | None:
        return names.get(eid, eid) if eid else None

    for q in graph.get("quotes", []):
        parts = [p for p in (q.get("span"), q.get("speaker_span"), q.get("cue")) if p]
        where = {p.get("in", "body") for p in parts}
        parts = [p for p in parts if p.get("in", "body") == q["span"].get("in", "body")] if len(where) > 1 else parts
        ev = {"in": q["span"].get("in", "body"), "start": min(p["start"] for p in parts),
              "end": max(p["end"] for p in parts)}
        fields = {"speaker": name(q.get("speaker")), "cue": (q.get("cue") or {}).get("text"),
                  "content": q.get("text"), "status": q.get("status"), "quote_kind": q.get("kind"),
                  "when": q.get("when")}
        yield _fact(art, "quote", fields, ev)
    for r in graph.get("roles", []):
        fields = {"person": name(r.get("person")), "title": r.get("title"), "org": name(r.get("org")),
                  "place": name(r.get("place")), "current": r.get("current"), "status": r.get("status"),
                  "when": r.get("when"), "start": r.get("start"), "end": r.get("end"),
                  "source": name(r.get("source"))}
        yield _fact(art, "role", fields, r["evidence"])
    for t in graph.get("relations", []):
        fields = {"type": t.get("type"), "subject": name(t.get("subject")), "object": name(t.get("object")),
                  "status": t.get("status"), "when": t.get("when"), "start": t.get("start"),
                  "end": t.get("end"), "source": name(t.get("source"))}
        yield _fact(art, "tie", fields, t["evidence"])
    for v in graph.get("events", []):
        fields = {"type": v.get("type"),
                  "participants": [[p.get("role"), name(p.get("entity"))] for p in v.get("participants", [])],
                  "status": v.get("status"), "when": v.get("when"), "source": name(v.get("source"))}
        yield _fact(art, "event", fields, v["evidence"])


def sheet(out_jsonl: Path) -> list[dict[str, Any]]:
    """All facts of an extract output, in article order."""
    rows: list[dict[str, Any]] = []
    with open(out_jsonl, encoding="utf-8") as f:
        for line in f:
            if line.strip():
                rows.extend(facts(json.loads(line)))
    return rows


def write_jsonl(path: Path, rows: Iterable[dict[str, Any]]) -> None:
    with open(path, "w", encoding="utf-8") as f:
        for r in rows:
            f.write(json.dumps(r, ensure_ascii=False) + "\n")


def in_sheet(rows: list[dict[str, Any]], blind: list[str], base: int, added_kinds: list[str]) -> list[dict[str, Any]]:
    """Every fact of the first ``base`` articles; of the added ones, only the kinds they were added for."""
    first = set(blind[:base])
    return [r for r in rows if r["article"] in first or r["kind"] in added_kinds]


def build(n: int, base: int, added_kinds: list[str], out: Path, sample_only: bool = False) -> list[dict[str, Any]]:
    """Sample, record, extract and write the sheet; returns the facts."""
    order = seeded_order()
    blind, fix = split(order, n)
    meta = metadata()
    write_sample_lists(blind, fix, meta, base, added_kinds)
    if sample_only:
        return []
    inp = out.with_suffix(".jsonl")
    write_jsonl(inp, articles(blind, meta))
    extracted = out.with_suffix(".out.jsonl")
    run_extract(inp, extracted)
    rows = in_sheet(sheet(extracted), blind, base, added_kinds)
    write_jsonl(out.parent / f"{out.name}_facts.jsonl", rows)
    return rows


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--n", type=int, default=56,
                    help="blind articles: 40, plus 16 in the seeded order to reach 60 events")
    ap.add_argument("--base", type=int, default=40, help="the planned sample size (the rest are 'added')")
    ap.add_argument("--added-kinds", default="event",
                    help="comma-separated kinds judged in the added articles (those short of 60 in the base)")
    ap.add_argument("--out", type=Path, default=Path("/tmp/blind"), help="output stem outside the repo")
    ap.add_argument("--sample-only", action="store_true", help="only (re)write the two id lists")
    args = ap.parse_args(argv)
    if not POLNEAR.is_dir():
        print(f"PolNeAR not found at {POLNEAR}", file=sys.stderr)
        return 2
    added = [k for k in args.added_kinds.split(",") if k]
    rows = build(args.n, args.base, added, args.out, args.sample_only)
    if rows:
        counts = Counter(r["kind"] for r in rows)
        print(json.dumps({k: counts.get(k, 0) for k in KINDS}))
        print(f"sheet: {args.out.parent / (args.out.name + '_facts.jsonl')}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
