"""Long articles: extraction time from 10k to 200k characters, as ratios to bare spaCy in the same run.

Usage: python benchmarks/bench_long_text.py [--model md] [--sizes 10000,25000,50000,100000,200000]

The body is built from the team's examples/ (their paragraphs in turn, cut to the size).
For each size it reports the seconds of the full pipeline, of bare spaCy (dossier's
components disabled), their ratio, and seconds per 10k characters. Linear scaling
shows as a flat ratio and a flat per-10k time; the summary gives the growth of the
per-10k time from the smallest size to the largest (1.0 = exactly linear).
"""

from __future__ import annotations

import argparse
import json
import time
from pathlib import Path

from dossier import nlp as nlp_mod
from dossier.extraction import doc_to_graph, prepare_doc
from dossier.graph import Article
from dossier.read import read_all

REPO = Path(__file__).resolve().parents[1]


def long_body(size: int) -> str:
    """``size`` characters of news prose: the examples' paragraphs in turn."""
    paragraphs = [p for a in read_all([REPO / "examples"]).articles for p in a.body.split("\n") if p.strip()]
    out: list[str] = []
    length = 0
    while length < size:
        for p in paragraphs:
            out.append(p)
            length += len(p) + 1
            if length >= size:
                break
    return "\n".join(out)[:size].rsplit(" ", 1)[0]


def timed(nlp: object, article: Article, disable: list[str]) -> float:
    started = time.perf_counter()
    with nlp.select_pipes(disable=disable):  # type: ignore[attr-defined]
        doc = nlp(prepare_doc(article, nlp))  # type: ignore[arg-type, operator]
        if not disable:
            doc_to_graph(doc, article)
    return time.perf_counter() - started


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--model", default=None)
    parser.add_argument("--sizes", default="10000,25000,50000,100000,200000")
    args = parser.parse_args()
    nlp = nlp_mod.load(args.model)
    ours = [name for name in nlp.pipe_names if name.startswith("dossier_")]
    rows = []
    for size in (int(s) for s in args.sizes.split(",")):
        # the title counts towards the article limit, so the body leaves room for it
        article = Article(id=f"long-{size}", title="Long", body=long_body(size - 10), published="2024-05-01")
        bare = timed(nlp, article, ours)
        full = timed(nlp, article, [])
        rows.append({
            "chars": len(article.body), "bare_s": round(bare, 2), "dossier_s": round(full, 2),
            "ratio_to_bare": round(full / bare, 2), "dossier_s_per_10k": round(full / len(article.body) * 1e4, 3),
        })
        print(json.dumps(rows[-1]), flush=True)
    first, last = rows[0], rows[-1]
    print(json.dumps({
        "growth_per_10k": round(last["dossier_s_per_10k"] / first["dossier_s_per_10k"], 2),
        "ratio_to_bare_growth": round(last["ratio_to_bare"] / first["ratio_to_bare"], 2),
        "chars": [first["chars"], last["chars"]],
    }))


if __name__ == "__main__":
    main()
