#!/usr/bin/env python3
"""Cross-article resolution on the team's multi-article set (tests/data/graph): pairwise precision/recall
of merges across articles, entities per person, edge merging, and ingest-order independence.

Usage: python scripts/eval_resolve.py [--data tests/data/graph] [--graphs CACHE.jsonl] [--json]

Each article entity is mapped to a gold person when the names it uses (its name, aliases and name
mentions) are names the gold lists for that article and all point at one person; pairs are taken
between mapped entities of different articles. Extraction (spaCy) runs once; ``--graphs`` keeps the
extracted graphs so later runs only re-resolve.
"""

from __future__ import annotations

import argparse
import json
import sys
import tempfile
from collections import Counter, defaultdict
from dataclasses import replace
from itertools import combinations
from pathlib import Path

from dossier import service
from dossier.graph import ArticleGraph
from dossier.read import read_all
from dossier.store import Store
from dossier.store.edges import SYMMETRIC

REPO = Path(__file__).resolve().parents[1]


def graphs_for(data: Path, gold: dict, cache: Path | None) -> list[ArticleGraph]:
    if cache and cache.is_file():
        return [ArticleGraph.from_dict(json.loads(line)) for line in cache.read_text(encoding="utf-8").splitlines()]
    articles = []
    for a in read_all([data]).articles:
        name = Path(a.source or a.id).name.split(":")[0].removesuffix(".txt")
        meta = gold["articles"][name]
        articles.append(replace(a, id=name, outlet=meta["outlet"], url=meta["url"]))
    out = [o.graph for o in service.extract_articles(articles) if o.graph is not None]
    if cache:
        cache.write_text("".join(json.dumps(g.to_dict(), ensure_ascii=False) + "\n" for g in out), encoding="utf-8")
    return out


def gold_units(graphs: list[ArticleGraph], gold: dict) -> tuple[dict[tuple[str, str], str], Counter]:
    """(article, local id) -> gold person, for article entities whose names all point at one person."""
    units: dict[tuple[str, str], str] = {}
    misses: Counter = Counter()
    for g in graphs:
        names = gold["articles"][g.article.id]["mentions"]
        for e in g.entities:
            if e.type != "PERSON":
                continue
            used = {e.name, *e.aliases}
            for m in e.mentions:
                if m.kind in ("name", "alias"):
                    text = g.article.title[m.start:m.end] if m.in_ == "title" else g.article.body[m.start:m.end]
                    used.add(text)
            people = {names[n] for n in used if n in names}
            if len(people) == 1:
                units[(g.article.id, e.id)] = people.pop()
            elif len(people) > 1:
                misses["one article entity, several gold people"] += 1
            else:
                misses["no gold name"] += 1
    return units, misses


def pairwise(store: Store, units: dict[tuple[str, str], str]) -> dict[str, float | int]:
    entity = {(r[0], r[1]): r[2] for r in store.conn.execute(
        "SELECT article_id, local_id, entity_id FROM article_entities")}
    tp = fp = fn = 0
    wrong: Counter = Counter()
    for (ka, pa), (kb, pb) in combinations(sorted(units.items()), 2):
        if ka[0] == kb[0]:
            continue  # within one article: coreference's job, not resolution's
        same_pred, same_gold = entity[ka] == entity[kb], pa == pb
        tp += same_pred and same_gold
        fp += same_pred and not same_gold
        fn += same_gold and not same_pred
        if same_pred and not same_gold:
            wrong[tuple(sorted((pa, pb)))] += 1
    p = tp / (tp + fp) if tp + fp else 1.0
    r = tp / (tp + fn) if tp + fn else 1.0
    return {"precision": round(p, 4), "recall": round(r, 4), "true_pairs": tp, "false_merges": fp,
            "missed_pairs": fn, "wrong": {"+".join(k): v for k, v in wrong.items()}}


def per_person(store: Store, units: dict[tuple[str, str], str]) -> dict[str, list[str]]:
    entity = {(r[0], r[1]): r[2] for r in store.conn.execute(
        "SELECT article_id, local_id, entity_id FROM article_entities")}
    names = {r[0]: r[1] for r in store.conn.execute("SELECT id, name FROM entities")}
    out: dict[str, set[str]] = defaultdict(set)
    for k, pid in units.items():
        out[pid].add(f"{names[entity[k]]}#{entity[k]}")
    return {pid: sorted(v) for pid, v in sorted(out.items())}


def edges(store: Store, units: dict[tuple[str, str], str], gold: dict) -> list[dict]:
    """For each gold tie: in which of its articles it was extracted, and into how many merged edges."""
    rows = store.conn.execute(
        "SELECT article_id, type, subject_local, object_local, subject_id, object_id FROM relations").fetchall()
    out = []
    for t in gold["ties"]:
        found, merged = set(), set()
        for art, typ, sl, ol, sid, oid in rows:
            if typ != t["type"] or art not in t["articles"]:
                continue
            ps, po = units.get((art, sl)), units.get((art, ol))
            if (ps, po) == (t["a"], t["b"]) or (typ in SYMMETRIC and (po, ps) == (t["a"], t["b"])):
                found.add(art)
                merged.add((sid, oid) if typ not in SYMMETRIC else tuple(sorted((sid, oid))))
        out.append({"type": t["type"], "a": t["a"], "b": t["b"], "articles": len(t["articles"]),
                    "extracted_in": len(found), "merged_edges": len(merged),
                    "correct": len(merged) <= 1})
    return out


def export_of(graphs: list[ArticleGraph]) -> tuple[str, str]:
    with tempfile.TemporaryDirectory() as tmp, Store(":memory:") as s:
        for g in graphs:
            s.ingest(g)
        service.export(s, "jsonl", tmp)
        return (Path(tmp, "nodes.jsonl").read_text(), Path(tmp, "edges.jsonl").read_text())


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--data", type=Path, default=REPO / "tests" / "data" / "graph")
    ap.add_argument("--graphs", type=Path, help="cache of the extracted graphs (JSONL), written on first run")
    ap.add_argument("--json", action="store_true")
    args = ap.parse_args()
    gold = json.loads((args.data / "gold.json").read_text(encoding="utf-8"))
    graphs = graphs_for(args.data, gold, args.graphs)
    units, misses = gold_units(graphs, gold)
    with Store(":memory:") as store:
        for g in sorted(graphs, key=lambda g: g.article.id):
            store.ingest(g)
        report = {
            "articles": len(graphs), "mapped_entities": len(units), "unmapped": dict(misses),
            "pairwise": pairwise(store, units), "entities_per_person": per_person(store, units),
            "edges": edges(store, units, gold),
        }
    report["same_graph_in_reverse_order"] = export_of(graphs) == export_of(list(reversed(graphs)))
    if args.json:
        json.dump(report, sys.stdout, indent=2)
        return 0
    pw = report["pairwise"]
    print(f"{report['articles']} articles, {report['mapped_entities']} person entities mapped to gold"
          f" (unmapped: {report['unmapped']})")
    print(f"pairwise across articles: precision {pw['precision']:.4f} recall {pw['recall']:.4f}"
          f" (true {pw['true_pairs']}, false merges {pw['false_merges']}, missed {pw['missed_pairs']})")
    if pw["wrong"]:
        print("  wrong merges:", pw["wrong"])
    split = {p: e for p, e in report["entities_per_person"].items() if len(e) > 1}
    print(f"people in one entity: {len(report['entities_per_person']) - len(split)}"
          f" of {len(report['entities_per_person'])}")
    for p, e in split.items():
        print(f"  {p}: {', '.join(e)}")
    ok = [e for e in report["edges"] if e["extracted_in"]]
    multi = [e for e in ok if e["extracted_in"] > 1]
    print(f"gold ties extracted in at least one article: {len(ok)} of {len(report['edges'])};"
          f" stated in several articles and extracted in 2+: {len(multi)}, merged into one edge:"
          f" {sum(e['correct'] for e in multi)}")
    for e in report["edges"]:
        print(f"  {e['type']} {e['a']} -> {e['b']}: extracted in {e['extracted_in']}/{e['articles']},"
              f" {e['merged_edges']} edge(s)")
    print("same graph when ingested in reverse order:", report["same_graph_in_reverse_order"])
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
