"""Score ``dossier_quotes`` against PolNeAR attributions (exact-match P/R/F1 and attribution F1).

    .venv/bin/python scripts/eval_quotes.py [--split dev] [--limit N] [--errors 10] [--cache DIR]

``--cache DIR`` keeps the parsed Docs (every component but quotes) in DIR, keyed by
the split, limit, model and the source of everything outside the quote modules,
so a change to quotes alone is re-scored in seconds instead of re-parsing.

Reads ``../shared/datasets/polnear/<split>/text/*.txt`` and ``attributions/*.ann``
(BRAT standoff; one annotator per article: the first ``.ann`` in sorted order).
The .ann offsets index the .txt file as a Python string, title line included, so
each file is read as the article body with an empty title: the Doc text is the file.

PolNeAR conventions and how they are matched here:

* Content of a direct quote includes its quotation marks; ours excludes them.
  Content of an indirect quote includes a leading ``that``; ours (like the team's
  gold) excludes it. Spans are therefore compared as sets of character
  positions with white space, quotation marks, edge punctuation and a leading
  ``that`` dropped; discontinuous spans are unions of their fragments.
* A split quote (``"A," she said, "B."``) is one discontinuous Content; our
  quotes sharing a cue are joined the same way.
* Source is the whole noun phrase (determiner, titles, appositive), as is our
  ``speaker_span``; ``source(np)`` widens it once more to its head's subtree in
  the parse (kept to compare with earlier runs; now almost always the same).
"""

from __future__ import annotations

import argparse
import csv
import hashlib
import pickle
import re
import sys
import time
from collections import Counter
from dataclasses import dataclass, field
from pathlib import Path

REPO = Path(__file__).resolve().parents[1]
POLNEAR = REPO.parent / "shared" / "datasets" / "polnear"
MARKS = set("\"“”‘’'`«»„")
EDGE_PUNCT = set(",.;:!?—–-()[]…")

Frags = tuple[tuple[int, int], ...]


@dataclass
class Gold:
    source: Frags | None
    cue: Frags | None
    content: Frags | None


@dataclass
class Article:
    name: str
    text: str
    published: str | None
    gold: list[Gold] = field(default_factory=list)


def parse_ann(path: Path) -> list[Gold]:
    """Attributions of one BRAT file: E-lines tie Source, Cue and Content T-lines together."""
    spans: dict[str, Frags] = {}
    events: list[dict[str, str]] = []
    for line in path.read_text(encoding="utf-8").splitlines():
        parts = line.split("\t")
        if re.fullmatch(r"T\d+", parts[0]) and len(parts) >= 2:
            _, ranges = parts[1].split(" ", 1)
            spans[parts[0]] = tuple(tuple(int(x) for x in r.split()) for r in ranges.split(";"))  # type: ignore[misc]
        elif re.fullmatch(r"E\d+", parts[0]) and len(parts) >= 2:
            events.append(dict(arg.split(":", 1) for arg in parts[1].split()[1:]))
    return [
        Gold(spans.get(e.get("Source", "")), spans.get(e.get("Cue", "")), spans.get(e.get("Content", "")))
        for e in events
    ]


def load(split: str, limit: int | None) -> list[Article]:
    dates: dict[str, str] = {}
    with (POLNEAR / "metadata.tsv").open(encoding="utf-8") as fh:
        for row in csv.DictReader(fh, delimiter="\t"):
            dates[row["filename"]] = row["publication_date"]
    base = POLNEAR / split
    out = []
    for txt in sorted((base / "text").glob("*.txt")):
        anns = sorted((base / "attributions").glob(f"{txt.stem}_*.ann"))
        if not anns:
            continue
        out.append(Article(txt.stem, txt.read_text(encoding="utf-8"), dates.get(txt.stem), parse_ann(anns[0])))
        if limit and len(out) >= limit:
            break
    return out


def norm(text: str, frags: Frags | None, content: bool = False) -> frozenset[int]:
    """Character positions of a (discontinuous) span, compared modulo marks, spaces and edge punctuation."""
    if not frags:
        return frozenset()
    pos = sorted({i for a, b in frags for i in range(a, b) if not text[i].isspace() and text[i] not in MARKS})
    while pos and text[pos[0]] in EDGE_PUNCT:
        pos.pop(0)
    while pos and text[pos[-1]] in EDGE_PUNCT:
        pos.pop()
    is_that = content and len(pos) > 4 and "".join(text[i] for i in pos[:4]).lower() == "that"
    if is_that and (pos[4] - pos[3] > 1 or not text[pos[4]].isalpha()):  # "that" as a word
        pos = pos[4:]
        while pos and text[pos[0]] in EDGE_PUNCT:
            pos.pop(0)
    return frozenset(pos)


@dataclass
class Pred:
    kind: str
    source: Frags | None
    source_np: Frags | None
    cue: Frags | None
    content: Frags


def predictions(doc, quotes) -> list[Pred]:  # type: ignore[no-untyped-def]
    """Our quotes in PolNeAR's shape: quotes sharing a cue joined into one discontinuous content."""
    groups: dict[object, list] = {}
    for q in quotes:
        key = (q.cue.start, q.cue.end) if q.cue is not None else ("q", q.id)
        groups.setdefault(key, []).append(q)
    out = []
    for qs in groups.values():
        q = qs[0]
        src = ((q.speaker_span.start, q.speaker_span.end),) if q.speaker_span else None
        out.append(Pred(
            q.kind,
            src,
            _np(doc, q.speaker_span) if q.speaker_span else None,
            ((q.cue.start, q.cue.end),) if q.cue else None,
            tuple((x.span.start, x.span.end) for x in qs),
        ))
    return out


def _np(doc, span) -> Frags:  # type: ignore[no-untyped-def]
    """The mention widened to the whole noun phrase of its head (PolNeAR's Source convention)."""
    char = doc.char_span(span.start, span.end, alignment_mode="expand")
    if char is None:
        return ((span.start, span.end),)
    head = char.root
    while head.dep_ in ("compound", "flat") and head.head.i != head.i:
        head = head.head
    lo, hi = head.left_edge.i, head.right_edge.i + 1
    while hi > lo + 1 and (doc[hi - 1].is_punct or doc[hi - 1].is_space):
        hi -= 1
    return ((doc[lo].idx, doc[hi - 1].idx + len(doc[hi - 1].text)),)


class Score:
    def __init__(self) -> None:
        self.tp = self.n_pred = self.n_gold = 0

    def add(self, pred: set, gold: set) -> None:
        self.tp += len(pred & gold)
        self.n_pred += len(pred)
        self.n_gold += len(gold)

    def prf(self) -> tuple[float, float, float]:
        p = self.tp / self.n_pred if self.n_pred else 0.0
        r = self.tp / self.n_gold if self.n_gold else 0.0
        return p, r, (2 * p * r / (p + r) if p + r else 0.0)


# The quote code (its package and the quotation-mark module), left out of the parse cache key.
QUOTE_CODE = ("src/dossier/pipeline/quotes/", "src/dossier/pipeline/text.py")


def cache_key(split: str, limit: int | None, model: str | None) -> str:
    """What the cached parses depend on: the articles chosen, the model and all code but the quote modules."""
    digest = hashlib.sha256(f"{split}|{limit}|{model}".encode())
    for path in sorted((REPO / "src" / "dossier").rglob("*")):
        rel = path.relative_to(REPO).as_posix()
        if path.is_file() and path.suffix in (".py", ".txt", ".json") and not rel.startswith(QUOTE_CODE):
            digest.update(str(path.relative_to(REPO)).encode())
            digest.update(path.read_bytes())
    return digest.hexdigest()[:16]


def parse(articles: list[Article], nlp, cache: Path | None, key: str) -> tuple[float, list]:  # type: ignore[no-untyped-def]
    """Bare spaCy time on the texts, and the Docs with every component but quotes (from ``cache`` if there)."""
    from dossier.extraction import prepare_doc
    from dossier.graph import Article as DArticle

    path = cache / f"polnear-{key}.pkl" if cache is not None else None
    if path is not None and path.exists():
        with path.open("rb") as fh:
            return pickle.load(fh)  # our own cache file
    dossier_pipes = [n for n in nlp.pipe_names if n.startswith("dossier_") and n != "dossier_paragraphs"]
    t0 = time.perf_counter()
    with nlp.select_pipes(disable=dossier_pipes):
        for _ in nlp.pipe([a.text for a in articles], batch_size=16):
            pass
    t_spacy = time.perf_counter() - t0
    with nlp.select_pipes(disable=["dossier_quotes"]):
        docs = [
            prepare_doc(DArticle(id=a.name, title="", body=a.text, published=a.published), nlp) for a in articles
        ]
        processed = list(nlp.pipe(docs, batch_size=16))
    if path is not None:
        path.parent.mkdir(parents=True, exist_ok=True)
        with path.open("wb") as fh:
            pickle.dump((t_spacy, processed), fh)
    return t_spacy, processed


def evaluate(
    articles: list[Article], model: str | None, n_errors: int = 10, cache: Path | None = None, key: str = ""
) -> None:
    from dossier import nlp as nlp_mod
    from dossier.pipeline.quotes.attribution import reporting_verbs
    from dossier.pipeline.quotes.finder import find_quotes

    nlp = nlp_mod.load(model)
    t_spacy, processed = parse(articles, nlp, cache, key)
    scores = {k: Score() for k in ("source", "source(np)", "cue", "content", "attribution")}
    errors: Counter[str] = Counter()
    kinds: Counter[str] = Counter()
    t_quotes = 0.0
    cue_words = reporting_verbs()
    by_cue: dict[bool, list[bool]] = {True: [], False: []}
    for art, doc in zip(articles, processed, strict=True):
        t0 = time.perf_counter()
        quotes = find_quotes(doc)
        t_quotes += time.perf_counter() - t0
        preds = predictions(doc, quotes)
        text = art.text
        for p in preds:
            kinds[p.kind] += 1
        gold_sources = {norm(text, g.source) for g in art.gold if g.source}
        pred_sources = {norm(text, p.source) for p in preds if p.source}
        scores["source"].add(pred_sources, gold_sources)
        for g in art.gold:
            if g.source:
                by_cue[speech_cue(text, g, cue_words)].append(norm(text, g.source) in pred_sources)
        scores["source(np)"].add({norm(text, p.source_np) for p in preds if p.source_np}, gold_sources)
        scores["cue"].add({norm(text, p.cue) for p in preds if p.cue}, {norm(text, g.cue) for g in art.gold if g.cue})
        scores["content"].add(
            {norm(text, p.content, True) for p in preds}, {norm(text, g.content, True) for g in art.gold if g.content}
        )
        _attributions(text, preds, art.gold, scores["attribution"], errors, cue_words)

    print(f"PolNeAR {len(articles)} articles, {sum(len(a.gold) for a in articles)} gold attributions, "
          f"{sum(kinds.values())} predicted ({dict(kinds)})")
    print(f"{'':<12} {'P':>6} {'R':>6} {'F1':>6}")
    for name, score in scores.items():
        p, r, f = score.prf()
        print(f"{name:<12} {100 * p:6.1f} {100 * r:6.1f} {100 * f:6.1f}")
    labels = {True: "speech cues (say, tell, according to, ...)", False: "other cues (think, show, support, ...)"}
    for speech, label in labels.items():
        hits = by_cue[speech]
        print(f"source recall, {label}: {100 * sum(hits) / max(len(hits), 1):.1f} of {len(hits)}")
    cached = " (spaCy time from the cached run)" if cache is not None else ""
    print(f"time: spaCy pipeline {t_spacy:.2f}s, quotes {t_quotes:.2f}s, ratio {t_quotes / t_spacy:.3f}{cached}")
    print("most common errors:")
    for kind, count in errors.most_common(n_errors):
        print(f"{count:6d}  {kind}")


def speech_cue(text: str, gold: Gold, cue_words: frozenset[str]) -> bool:
    """Whether a gold attribution's cue is a verb of saying or ``according to`` (not belief, stance or evidence)."""
    cue = " ".join(text[a:b] for a, b in gold.cue or ()).lower()
    return cue.startswith("according") or any(w in cue_words for w in re.findall(r"[a-z]+", cue))


def _attributions(text: str, preds: list[Pred], gold: list[Gold], score: Score, errors: Counter[str],
                  cue_words: frozenset[str]) -> None:
    """Attribution F1: content overlaps and the (widened) speaker overlaps the source; plus error kinds."""
    used: set[int] = set()
    matched = 0
    for g in gold:
        gc, gs = norm(text, g.content, True), norm(text, g.source)
        cue = " ".join(text[a:b] for a, b in g.cue or ()).lower()
        direct = bool(g.content) and text[g.content[0][0]] in MARKS
        hit = None
        for n, p in enumerate(preds):
            if n in used or not (norm(text, p.content, True) & gc):
                continue
            if hit is None:
                hit = n
            ps = norm(text, p.source_np)
            if (gs and ps & gs) or (not gs and not ps):
                hit = n
                break
        if hit is None:
            if cue.startswith("according"):
                errors["missed: according to"] += 1
            elif direct:
                errors["missed: direct quote"] += 1
            elif not any(w in cue_words for w in re.findall(r"[a-z]+", cue)):
                errors["missed: cue not a reporting verb (think, show, call, ...)"] += 1
            else:
                errors["missed: clause with a reporting-verb cue"] += 1
            continue
        used.add(hit)
        p = preds[hit]
        ps = norm(text, p.source_np)
        if gs and not ps:
            errors["wrong source: none predicted"] += 1
        elif gs and not (ps & gs):
            errors["wrong source: another span"] += 1
        elif not gs and ps:
            errors["wrong source: gold has none"] += 1
        else:
            matched += 1
            if ps != gs:
                errors["source boundary (matched attribution)"] += 1
        pc = norm(text, p.content, True)
        if pc != gc:
            errors["content boundary: " + ("too long" if pc > gc else "too short" if pc < gc else "shifted")] += 1
    for n, p in enumerate(preds):
        if n not in used:
            errors[f"spurious {p.kind}"] += 1
    score.tp += matched
    score.n_pred += len(preds)
    score.n_gold += len(gold)


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--split", default="dev", choices=["dev", "train"])
    parser.add_argument("--limit", type=int, default=None)
    parser.add_argument("--model", default=None)
    parser.add_argument("--errors", type=int, default=10)
    parser.add_argument("--cache", type=Path, default=None, help="keep parsed Docs here between runs")
    args = parser.parse_args()
    if not POLNEAR.is_dir():
        print(f"PolNeAR not found at {POLNEAR}", file=sys.stderr)
        return 2
    key = cache_key(args.split, args.limit, args.model)
    evaluate(load(args.split, args.limit), args.model, args.errors, args.cache, key)
    return 0


if __name__ == "__main__":
    sys.exit(main())
