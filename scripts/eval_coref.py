"""Antecedent accuracy of ``dossier_coref`` for pronouns and for descriptors, and its share of extract time.

Two gold sets:

* the team's own invented passages, ``tests/data/coref/cases.json``;
* hand annotations of 20 PolNeAR dev articles, ``scripts/data/coref_polnear_dev.json``
  (offsets and antecedent names only; the texts are read from
  ``../shared/datasets/polnear/dev/text`` and this part is skipped when absent).

For each gold pronoun or descriptor the resolver either attempts (adds a mention
with an entity) or abstains. Accuracy is over attempted items; an attempt on an
item whose gold antecedent is null (no named entity) counts as wrong.

    .venv/bin/python scripts/eval_coref.py [--verbose] [--no-bench]
"""

from __future__ import annotations

import argparse
import json
import time
from collections import Counter
from pathlib import Path
from typing import Any

from spacy.tokens import Doc

from dossier import nlp as nlp_mod
from dossier.extraction import article_doc, prepare_doc
from dossier.graph import Article
from dossier.pipeline import doc_state
from dossier.pipeline.coref.resolver import annotate_coref

REPO = Path(__file__).resolve().parents[1]
CASES = REPO / "tests" / "data" / "coref" / "cases.json"
POLNEAR_GOLD = REPO / "scripts" / "data" / "coref_polnear_dev.json"
POLNEAR_TEXT = REPO.parent / "shared" / "datasets" / "polnear" / "dev" / "text"


def _norm(name: str) -> str:
    return " ".join(name.replace("’", "'").lower().split())


def name_matches(gold: str, record: dict[str, Any]) -> bool:
    """Whether the entity ``record`` is the person the annotator named ``gold``."""
    g = _norm(gold)
    names = {_norm(record["name"]), *(_norm(a) for a in record.get("aliases", []))}
    if g in names:
        return True
    gw, nw = g.split(), _norm(record["name"]).split()
    # "Obama" (gold) is "Barack Obama" (entity) and vice versa; "Bill Clinton" is not "Hillary Clinton".
    return bool(gw and nw) and gw[-1] == nw[-1] and (len(gw) == 1 or len(nw) == 1 or gw[0] == nw[0])


def make_doc(nlp: Any, text: str, title: str = "") -> Doc:
    return article_doc(Article(id="eval", title=title, body=text), nlp)


def score(doc: Doc, start: int, end: int, gold: str | None) -> str:
    """Return "abstain", "right" or "wrong" for the gold item at doc-text chars ``start:end``."""
    records = doc_state.entities(doc)
    for span in doc_state.mentions(doc):
        if span.start_char < end and start < span.end_char and span.id_ in {"pronoun", "descriptor"}:
            rec = records.get(span.kb_id_)
            if rec is None:
                continue
            return "right" if gold is not None and name_matches(gold, rec) else "wrong"
    return "abstain"


def _report(label: str, results: list[tuple[str, str]]) -> None:
    for kind in ("pronoun", "descriptor"):
        c = Counter(r for k, r in results if k == kind)
        n = sum(c.values())
        attempted = c["right"] + c["wrong"]
        acc = c["right"] / attempted if attempted else 0.0
        abst = c["abstain"] / n if n else 0.0
        print(
            f"{label:10} {kind:10} n={n:4}  attempted={attempted:4}  right={c['right']:4}  "
            f"accuracy={acc:6.1%}  abstention={abst:6.1%}"
        )


def eval_cases(nlp: Any, verbose: bool) -> list[tuple[str, str]]:
    results = []
    for case in json.loads(CASES.read_text(encoding="utf-8")):
        doc = make_doc(nlp, case["text"], case.get("title", ""))
        for item in case["items"]:
            start = _nth(doc.text, item["mention"], item.get("occurrence", 1))
            res = score(doc, start, start + len(item["mention"]), item["antecedent"])
            results.append((item["kind"], res))
            if verbose and res != "right":
                print(f"  [{res}] {item['mention']!r} #{item.get('occurrence', 1)} -> {item['antecedent']}")
    return results


def _nth(text: str, word: str, n: int) -> int:
    """Char offset of the n-th whole-word occurrence of ``word``."""
    import re

    hits = [m.start() for m in re.finditer(rf"(?<!\w){re.escape(word)}(?!\w)", text)]
    return hits[n - 1]


def polnear_docs(nlp: Any) -> list[tuple[str, Doc]]:
    gold = json.loads(POLNEAR_GOLD.read_text(encoding="utf-8"))["items"]
    out = []
    for name in dict.fromkeys(item["file"] for item in gold):
        raw = (POLNEAR_TEXT / name).read_text(encoding="utf-8")
        title, _, body = raw.partition("\n\n")
        out.append((name, make_doc(nlp, body, title)))
    return out


def eval_polnear(docs: list[tuple[str, Doc]], verbose: bool) -> list[tuple[str, str]]:
    gold = json.loads(POLNEAR_GOLD.read_text(encoding="utf-8"))["items"]
    by_file = dict(docs)
    results = []
    for item in gold:
        doc = by_file[item["file"]]
        res = score(doc, item["start"], item["end"], item["antecedent_name"])
        results.append((item["kind"], res))
        if verbose and res != "right":
            got = [
                doc_state.entities(doc).get(s.kb_id_, {}).get("name")
                for s in doc_state.mentions(doc)
                if s.start_char < item["end"] and item["start"] < s.end_char
            ]
            ctx = doc.text[max(0, item["start"] - 60) : item["end"] + 20].replace("\n", " ")
            print(f"  [{res}] {item['file'][:30]} @{item['start']} gold={item['antecedent_name']} got={got} | {ctx}")
    return results


def bench(texts: list[tuple[str, str]]) -> None:
    """Coreference time as a share of the full extraction time on the same texts."""
    full = nlp_mod.load()
    upto = [n for n in full.pipe_names if n != "dossier_coref"]
    upto = upto[: upto.index("dossier_entities") + 1]
    for title, body in texts[:2]:
        make_doc(full, body, title)  # warm up
    t_full = t_coref = 0.0
    for title, body in texts:
        t0 = time.perf_counter()
        make_doc(full, body, title)
        t_full += time.perf_counter() - t0
        doc = prepare_doc(Article(id="eval", title=title, body=body), full)
        for name in upto:
            doc = full.get_pipe(name)(doc)
        t0 = time.perf_counter()
        annotate_coref(doc)
        t_coref += time.perf_counter() - t0
    print(
        f"bench: {len(texts)} texts, full extract {t_full:.2f}s, coreference {t_coref:.3f}s "
        f"= {t_coref / t_full:.1%} of extract time (pipes: {', '.join(full.pipe_names)})"
    )


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("--verbose", action="store_true", help="print every item not resolved right")
    ap.add_argument("--no-bench", action="store_true", help="skip the timing benchmark")
    args = ap.parse_args()
    nlp = nlp_mod.load(components=("dossier_entities", "dossier_coref"))
    _report("own", eval_cases(nlp, args.verbose))
    if not POLNEAR_TEXT.is_dir():
        print("polnear: ../shared/datasets/polnear is absent; skipped")
        return
    docs = polnear_docs(nlp)
    _report("polnear", eval_polnear(docs, args.verbose))
    if not args.no_bench:
        texts = []
        for name, _ in docs:
            raw = (POLNEAR_TEXT / name).read_text(encoding="utf-8")
            title, _, body = raw.partition("\n\n")
            texts.append((title, body))
        bench(texts)


if __name__ == "__main__":
    main()
