"""Ingest and query orchestration: the CLI (and later the API and Spark job) call only this."""

from __future__ import annotations

import os
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING, Any

from . import pipeline
from .confidence import DEFAULT_MIN_CONFIDENCE
from .errors import ReadError
from .extraction import doc_to_graph, pipe_docs, set_error_handler
from .graph import EXTRACTOR_VERSION, STATUSES, Article, ArticleGraph
from .pipeline import doc_state, record_failure
from .read import SKIPPED_KINDS, iter_articles
from .scoring import Report, load_gold, score
from .store import Store
from .store.edges import NO_FILTERS, Filters

if TYPE_CHECKING:
    from spacy.tokens import Doc

DEFAULT_DB = "dossier.db"


def default_db() -> str:
    """The store path: ``$DOSSIER_DB`` or ``dossier.db`` in the working directory."""
    return os.environ.get("DOSSIER_DB") or DEFAULT_DB


@dataclass
class Problem:
    """An input or article that could not be processed; the batch went on without it."""

    where: str
    kind: str
    reason: str

    def to_dict(self) -> dict[str, str]:
        return {"where": self.where, "kind": self.kind, "reason": self.reason}


@dataclass
class IngestSummary:
    """What an ingest run did."""

    read: int = 0
    stored: int = 0
    unchanged: int = 0
    skipped: int = 0  # inputs passed over: types dossier does not read, FIFOs, links not followed
    failed: list[Problem] = field(default_factory=list)
    skipped_inputs: list[Problem] = field(default_factory=list)

    @property
    def ok(self) -> bool:
        return not self.failed

    def to_dict(self) -> dict[str, Any]:
        return {
            "read": self.read,
            "stored": self.stored,
            "unchanged": self.unchanged,
            "skipped": self.skipped,
            "failed": len(self.failed),
            "problems": [p.to_dict() for p in self.failed + self.skipped_inputs],
        }


@dataclass
class Outcome:
    """One item of a batch: a graph, or a problem."""

    where: str
    graph: ArticleGraph | None = None
    problem: Problem | None = None
    stored: bool | None = None


def _problem(err: ReadError) -> Problem:
    return Problem(err.where, err.kind, err.reason)


def extract_paths(
    paths: Iterable[str | Path], model: str | None = None, jobs: int = 1, batch_size: int = 8,
    follow_links: bool = False,
) -> Iterator[Outcome]:
    """Read inputs and extract a graph per article; bad inputs come out as problems, in order."""
    articles: list[Article] = []
    pending: list[Outcome] = []
    for item in iter_articles(paths, follow_links=follow_links):
        if isinstance(item, ReadError):
            pending.append(Outcome(item.where, problem=_problem(item)))
        else:
            articles.append(item)
    yield from pending
    yield from extract_articles(articles, model=model, jobs=jobs, batch_size=batch_size)


def extract_articles(
    articles: list[Article], model: str | None = None, jobs: int = 1, batch_size: int = 8
) -> Iterator[Outcome]:
    """Extract graphs for articles, each exactly once, in order.

    A component that raises on an article makes that article a problem of kind
    ``component:<name>`` (the pipeline's error handler records it on the Doc); the
    rest of the batch goes on and nothing is run twice.
    """
    if not articles:
        return
    nlp = pipeline.load(model)
    set_error_handler(nlp, record_failure)
    done = 0
    try:
        for article, doc in pipe_docs(articles, nlp, batch_size=batch_size, n_process=jobs):
            done += 1
            yield _outcome(article, doc)
    except Exception as exc:
        # Only spaCy's compiled components (parser, NER) still raise; which article broke them is
        # unknown, so the articles not yet extracted are reported, and none is run again.
        reason = f"{type(exc).__name__}: {exc}"
        for article in articles[done:]:
            where = article.source or article.id
            yield Outcome(where, problem=Problem(where, "pipeline", reason))


def _outcome(article: Article, doc: Doc) -> Outcome:
    """The graph of a processed Doc, or the problem that kept it from one."""
    where = article.source or article.id
    failed = doc_state.failures(doc)
    if failed:
        first = failed[0]
        return Outcome(where, problem=Problem(where, f"component:{first['component']}", first["error"]))
    try:
        return Outcome(where, graph=doc_to_graph(doc, article))
    except Exception as exc:  # a conversion bug loses this article only
        return Outcome(where, problem=Problem(where, "extract", f"{type(exc).__name__}: {exc}"))


def ingest(
    paths: Iterable[str | Path],
    db: str | Path | None = None,
    model: str | None = None,
    jobs: int = 1,
    on_total: Callable[[int], None] | None = None,
    on_item: Callable[[Outcome], None] | None = None,
    follow_links: bool = False,
) -> IngestSummary:
    """Read, extract and store articles; already-stored articles are not extracted again."""
    summary = IngestSummary()
    todo: list[Article] = []
    with Store(db or default_db()) as store:
        for item in iter_articles(paths, follow_links=follow_links):
            if isinstance(item, ReadError):
                problem = _problem(item)
                if item.kind in SKIPPED_KINDS:
                    summary.skipped += 1
                    summary.skipped_inputs.append(problem)
                else:
                    summary.failed.append(problem)
                continue
            summary.read += 1
            if store.is_stored(item.content_hash, EXTRACTOR_VERSION):
                summary.unchanged += 1
            else:
                todo.append(item)
        if on_total:
            on_total(len(todo))
        for outcome in extract_articles(todo, model=model, jobs=jobs):
            if outcome.graph is not None:
                try:
                    outcome.stored = store.ingest(outcome.graph)
                except Exception as exc:  # one bad article must not stop the batch
                    outcome.problem = Problem(outcome.where, "store", str(exc))
            if outcome.problem is not None:
                summary.failed.append(outcome.problem)
            elif outcome.stored:
                summary.stored += 1
            else:
                summary.unchanged += 1
            if on_item:
                on_item(outcome)
    return summary


def shown_graph(graph: ArticleGraph, min_confidence: float | None = None) -> ArticleGraph:
    """What a user is shown of an article graph: no hypothetical facts, none under the threshold."""
    return graph.shown(DEFAULT_MIN_CONFIDENCE if min_confidence is None else min_confidence)


def ingest_articles(articles: list[Article], db: str | Path | None = None, model: str | None = None) -> IngestSummary:
    """Extract and store articles given in memory (e.g. posted to the web API); one bad article is reported."""
    summary = IngestSummary(read=len(articles))
    with Store(db or default_db()) as store:
        todo = [a for a in articles if not store.is_stored(a.content_hash, EXTRACTOR_VERSION)]
        summary.unchanged = len(articles) - len(todo)
        for outcome in extract_articles(todo, model=model):
            if outcome.graph is not None:
                try:
                    outcome.stored = store.ingest(outcome.graph)
                except Exception as exc:  # one bad article must not stop the batch
                    outcome.problem = Problem(outcome.where, "store", str(exc))
            if outcome.problem is not None:
                summary.failed.append(outcome.problem)
            elif outcome.stored:
                summary.stored += 1
            else:
                summary.unchanged += 1
    return summary


def open_store(db: str | Path | None = None, readonly: bool = True) -> Store:
    """Open the store for queries (read-only by default)."""
    path = Path(db or default_db())
    if readonly and not path.exists():
        from .errors import StoreError

        raise StoreError(f"no store at {path}: run `dossier ingest FILES --db {path}` first")
    return Store(path, readonly=readonly)


def evaluate(
    gold_path: str | Path, article_path: str | Path, model: str | None = None, show_all: bool = False,
    min_confidence: float | None = None,
) -> Report:
    """Extract one article and score what a user is shown of it (everything with ``show_all``) against a gold
    reading."""
    gold = load_gold(gold_path)
    outcomes = list(extract_paths([article_path], model=model))
    problems = [o.problem for o in outcomes if o.problem]
    graphs = [o.graph for o in outcomes if o.graph]
    if problems or not graphs:
        reason = problems[0].reason if problems else "no article read"
        raise ReadError(str(article_path), reason, problems[0].kind if problems else "empty")
    return score(gold, graphs[0] if show_all else shown_graph(graphs[0], min_confidence))


# --- the cross-article graph: queries, corrections, exports ------------------------------------
# Front ends (CLI, web) call these with a Store from open_store(); every query takes Filters.

def filters(
    since: str | None = None, until: str | None = None, status: Iterable[str] = (), outlet: Iterable[str] = (),
    min_sources: int = 1, min_confidence: float = 0.0, show_all: bool = False,
) -> Filters:
    """Query filters: sources published in [since, until], of these statuses and outlets; edges with at least
    ``min_sources`` articles and ``min_confidence``. Unless ``show_all``, a source is only a fact a user is
    shown by default (not hypothetical, confidence at least ``DEFAULT_MIN_CONFIDENCE``), as ``extract`` shows
    an article. Raises ValueError on an unknown status."""
    statuses = tuple(status)
    unknown = [s for s in statuses if s not in STATUSES]
    if unknown:
        raise ValueError(f"unknown status {', '.join(unknown)}; use {', '.join(STATUSES)}")
    return Filters(since or None, until or None, statuses, tuple(outlet), max(1, min_sources), min_confidence,
                   fact_min_confidence=None if show_all else DEFAULT_MIN_CONFIDENCE)


def lookup(store: Store, name: str) -> dict[str, Any]:
    """The entity a name means; NotFound (with suggestions) or Ambiguous (with the matches)."""
    return store.lookup(name)


def suggest_names(store: Store, text: str, limit: int = 10) -> list[dict[str, Any]]:
    """Names to offer as someone types (exact matches first, then word prefixes); never a silent pick."""
    return store.suggest(text, limit)


def entity_ties(store: Store, name: str, where: Filters = NO_FILTERS) -> dict[str, Any]:
    """An entity and its merged edges only (cheaper than ``profile`` when only the ties are shown)."""
    return store.edges(name, where)


def profile(store: Store, name: str, where: Filters = NO_FILTERS) -> dict[str, Any]:
    """Everything about an entity: names, articles, roles, merged edges, quotes, events, claims."""
    return store.person(name, where)


def ties(store: Store, a: str, b: str, where: Filters = NO_FILTERS) -> dict[str, Any]:
    """Merged edges between two entities, each with all its sources, support and contradictions."""
    return store.ties(a, b, where)


def path(store: Store, a: str, b: str, where: Filters = NO_FILTERS,
         statuses: tuple[str, ...] = ("asserted", "attributed"), max_depth: int = 4, limit: int = 5) -> dict[str, Any]:
    """Shortest paths between two entities through ties of these statuses, each hop with its evidence."""
    return store.shortest_paths(a, b, where, statuses, max_depth, limit)


def network(store: Store, name: str, depth: int = 2, where: Filters = NO_FILTERS, offset: int = 0,
            limit: int = 100, max_nodes: int = 500) -> dict[str, Any]:
    """An entity's neighbourhood (nodes and merged edges) up to ``depth`` hops, capped and paged."""
    return store.network(name, depth, where, offset, limit, max_nodes)


def search(store: Store, text: str, where: Filters = NO_FILTERS, offset: int = 0, limit: int = 20) -> dict[str, Any]:
    """Evidence sentences and quotes with every word of ``text``."""
    return store.search(text, where, offset, limit)


def why(store: Store, name: str) -> dict[str, Any]:
    """The evidence and score for each name form and bare surname merged into an entity."""
    return store.why(name)


def correct(kind: str, *args: Any, db: str | Path | None = None) -> dict[str, Any]:
    """Store a correction (merge A B, distinct A B, alias NAME ALIAS, split NAME [article ids]) and apply it."""
    with Store(db or default_db()) as store:
        return store.correct(kind, *args)


def reresolve(db: str | Path | None = None) -> dict[str, int]:
    """Resolve the whole store again from its counts and decisions."""
    with Store(db or default_db()) as store:
        return store.reresolve()


def export(store: Store, fmt: str, out_dir: str | Path, where: Filters = NO_FILTERS) -> list[Path]:
    """Write the store's graph in one of ``EXPORT_FORMATS`` into ``out_dir``; return the files."""
    from .export import write

    return write(store.graph_data(where), fmt, out_dir)


EXPORT_FORMATS = ("jsonl", "graphml", "gexf", "neo4j", "csv", "ftm")
