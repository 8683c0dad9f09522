"""Extraction throughput and per-component cost, as ratios to bare spaCy measured in the same run.

Usage: python benchmarks/bench_extract.py [--model md] [--repeat 3] [--polnear 30] [--corpus FILE.jsonl]
                                          [--compare-models]

Corpus: ``--corpus`` (any input dossier reads, e.g. a JSONL of news), else the team's
examples/ and up to --polnear PolNeAR dev articles when ../shared/datasets is present.
Baseline: the statistical spaCy pipeline alone (``nlp.pipe`` with dossier's components
disabled) on the same texts, same batch size, timed alternately with the full run so
that load from other processes hits both alike; the best of ``--repeat`` runs counts.
"""

from __future__ import annotations

import argparse
import json
import time
from collections import defaultdict
from pathlib import Path
from typing import Any

from dossier import nlp as nlp_mod
from dossier.extraction import doc_text, doc_to_graph, pipe_docs, prepare_doc
from dossier.graph import Article
from dossier.read import read_all

REPO = Path(__file__).resolve().parents[1]
SHARED = REPO.parent / "shared"
BATCH = 16


def corpus(polnear: int, path: str | None = None) -> list[Article]:
    if path:
        return list(read_all([path]).articles)
    articles = list(read_all([REPO / "examples"]).articles)
    dev = SHARED / "datasets" / "polnear" / "dev" / "text"
    if polnear and dev.is_dir():
        for file in sorted(dev.glob("*.txt"))[:polnear]:
            body = file.read_text(encoding="utf-8")
            articles.append(Article(id=file.stem, title="", body=body, published=None))
    return articles


def bench(model: str, articles: list[Article], repeat: int) -> dict[str, Any]:
    nlp = nlp_mod.load(model)
    ours = [name for name in nlp.pipe_names if name.startswith("dossier_")]
    texts = [doc_text(a) for a in articles]

    # Warm up (lazy lexicon loads, caches) outside the timed runs.
    for article in articles[:2]:
        doc_to_graph(nlp(prepare_doc(article, nlp)), article)

    base_times, full_times = [], []
    for _ in range(repeat):
        with nlp.select_pipes(disable=ours):
            t = time.perf_counter()
            for _doc in nlp.pipe(texts, batch_size=BATCH):
                pass
            base_times.append(time.perf_counter() - t)
        t = time.perf_counter()
        for article, doc in pipe_docs(articles, nlp, batch_size=BATCH):
            doc_to_graph(doc, article)
        full_times.append(time.perf_counter() - t)
    base, full = min(base_times), min(full_times)
    return {
        "model": model,
        "articles": len(articles),
        "chars": sum(map(len, texts)),
        "bare_spacy_s": round(base, 3),
        "extract_s": round(full, 3),
        "articles_per_s": round(len(articles) / full, 2),
        "bare_articles_per_s": round(len(articles) / base, 2),
        # throughput of full extraction as a share of bare spaCy's (the target: >= 0.75)
        "throughput_vs_bare": round(base / full, 3),
        "component_share": component_shares(nlp, articles),
    }


def component_shares(nlp: Any, articles: list[Article]) -> dict[str, float]:
    """Each component's share of one article-by-article pass (spaCy's own components included)."""
    per: dict[str, float] = defaultdict(float)
    for article in articles:
        doc = prepare_doc(article, nlp)
        for name, proc in nlp.pipeline:
            c = time.perf_counter()
            doc = proc(doc)
            per[name] += time.perf_counter() - c
        c = time.perf_counter()
        doc_to_graph(doc, article)
        per["doc_to_graph"] += time.perf_counter() - c
    total = sum(per.values())
    return {k: round(v / total, 3) for k, v in sorted(per.items(), key=lambda kv: -kv[1])}


def _entity_counts(report: dict) -> dict[str, object]:
    ents = report["sections"]["entities"]
    return {
        "must": f"{ents['must']['found']}/{ents['must']['total']}",
        "all": f"{ents['all']['found']}/{ents['all']['total']}",
        "precision": ents["precision"],
        "errors": [i["message"] for i in ents["issues"] if i["kind"] != "miss"],
    }


def compare_models() -> list[dict[str, object]]:
    """sm vs md: entity scores on the reference article and on examples/, and time per article."""
    from dossier.evaluate import load_gold, score
    from dossier.extraction import extract

    golds = (REPO / "examples").glob("*.gold.json")
    pairs = sorted((g, g.with_name(g.name.replace(".gold.json", ".txt"))) for g in golds)
    seed = SHARED / "seed" / "000_4ed56cca851698d7"
    if seed.with_suffix(".txt").is_file():
        pairs.insert(0, (seed.with_suffix(".gold.json"), seed.with_suffix(".txt")))
    rows = []
    for model in ("sm", "md"):
        nlp_mod.load(model)
        found = total = all_found = all_total = pred = ok = 0
        seconds = 0.0
        seed_row: dict[str, object] = {}
        for gold_path, text_path in pairs:
            (article,) = read_all([text_path]).articles
            t = time.perf_counter()
            graph = extract(article, model=model)
            seconds += time.perf_counter() - t
            report = score(load_gold(gold_path), graph).to_dict()
            ents = report["sections"]["entities"]
            if text_path.parent.name == "seed":
                seed_row = _entity_counts(report)
                continue
            found += ents["must"]["found"]
            total += ents["must"]["total"]
            all_found += ents["all"]["found"]
            all_total += ents["all"]["total"]
            pred += ents["predicted"]
            ok += ents["predicted_ok"]
        rows.append({
            "model": model,
            "seconds_per_article": round(seconds / len(pairs), 3),
            "seed_entities": seed_row,
            "examples_entities": {
                "must": f"{found}/{total}", "all": f"{all_found}/{all_total}",
                "precision": round(ok / pred, 3) if pred else None,
            },
        })
    return rows


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--model", default=None)
    parser.add_argument("--repeat", type=int, default=3)
    parser.add_argument("--polnear", type=int, default=30)
    parser.add_argument("--corpus", default=None, help="read the articles from this input instead")
    parser.add_argument("--compare-models", action="store_true")
    args = parser.parse_args()
    result = bench(nlp_mod.model_name(args.model), corpus(args.polnear, args.corpus), args.repeat)
    print(json.dumps(result, indent=2))
    if args.compare_models:
        print(json.dumps(compare_models(), indent=2))


if __name__ == "__main__":
    main()
