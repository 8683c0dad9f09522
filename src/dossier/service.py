"""Ingest and query orchestration: the CLI, the API and the Spark job call only this."""

from __future__ import annotations

import functools
import os
from collections import Counter
from collections.abc import Callable, Iterable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING, Any

from . import pipeline, workers
from .confidence import DEFAULT_MIN_CONFIDENCE
from .errors import ModelError, ReadError
from .extraction import doc_to_graph, pipe_docs, set_error_handler
from .graph import EXTRACTOR_VERSION, STATUSES, Article, ArticleGraph
from .pipeline import doc_state, record_failure
from .read import SKIPPED_KINDS, iter_articles
from .read.warc import SKIP_KINDS
from .scoring import Report, load_gold, score
from .sources import estimate_total, iter_inputs
from .store import Store
from .store.edges import NO_FILTERS, Filters
from .workers import Stop, default_jobs

if TYPE_CHECKING:
    from spacy.tokens import Doc

DEFAULT_DB = "dossier.db"

__all__ = [
    "IngestSummary", "Outcome", "Problem", "Stop", "default_db", "default_jobs", "evaluate", "extract_articles",
    "extract_paths", "ingest", "open_store", "shown_graph", "stream",
]


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
    skipped_records: Counter[str] = field(default_factory=Counter)  # e.g. WARC records that are not English news
    interrupted: bool = False  # stopped before the end of the input; running again resumes

    @property
    def ok(self) -> bool:
        return not self.failed and not self.interrupted

    def count_problem(self, problem: Problem) -> None:
        """File a problem as a failure, a skipped file or a skipped record."""
        if problem.kind in SKIPPED_KINDS:
            self.skipped += 1
            self.skipped_inputs.append(problem)
        elif problem.kind in SKIP_KINDS:
            self.skipped_records[problem.kind] += 1
        else:
            self.failed.append(problem)

    def to_dict(self) -> dict[str, Any]:
        return {
            "read": self.read,
            "stored": self.stored,
            "unchanged": self.unchanged,
            "skipped": self.skipped,
            "skipped_records": dict(sorted(self.skipped_records.items())),
            "failed": len(self.failed),
            "interrupted": self.interrupted,
            "problems": [p.to_dict() for p in self.failed + self.skipped_inputs],
        }


@dataclass
class Outcome:
    """One item of a batch: a graph, or a problem."""

    where: str
    graph: ArticleGraph | None = None
    problem: Problem | None = None
    stored: bool | None = None

    @property
    def skipped(self) -> bool:
        """An input passed over on purpose (a WARC record that is not an English article), not a failure."""
        return self.problem is not None and self.problem.kind in SKIP_KINDS


def _problem(err: ReadError) -> Problem:
    return Problem(err.where, err.kind, err.reason)


def _load_model(model: str | None) -> None:
    pipeline.load(model)


def _extract_chunk(articles: list[Article], model: str | None = None, batch_size: int = 8) -> list[Outcome]:
    """Outcomes for a few articles in this process, each extracted exactly once.

    A component that raises on an article makes that article a problem of kind
    ``component:<name>`` (the pipeline's error handler records it on the Doc); the
    rest of the batch goes on and nothing is run twice.
    """
    nlp = pipeline.load(model)
    set_error_handler(nlp, record_failure)
    out: list[Outcome] = []
    try:
        for article, doc in pipe_docs(articles, nlp, batch_size=batch_size):
            out.append(_outcome(article, doc))
    except Exception as exc:
        # Only spaCy's compiled components (parser, NER) still raise; which article broke them is
        # unknown, so the articles not yet extracted are reported, and none is run again.
        reason = f"{type(exc).__name__}: {exc}"
        for article in articles[len(out):]:
            where = article.source or article.id
            out.append(Outcome(where, problem=Problem(where, "pipeline", reason)))
    return out


def _lost(articles: list[Article], reason: str) -> list[Outcome]:
    return [
        Outcome(a.source or a.id, problem=Problem(a.source or a.id, "extract", f"worker: {reason}")) for a in articles
    ]


def _skip_empty(articles: list[Article]) -> list[Outcome] | None:
    return [] if not articles else None


Item = Article | Outcome  # an article to extract, or an outcome that passes through in its place

MAX_BATCH_ITEMS = 1000  # pass-through outcomes (e.g. skipped WARC records) a batch may carry


def _batches(items: Iterable[Item], size: int) -> Iterator[tuple[list[Item], list[Article]]]:
    batch: list[Item] = []
    articles: list[Article] = []
    for item in items:
        batch.append(item)
        if isinstance(item, Article):
            articles.append(item)
        if len(articles) >= size or len(batch) >= MAX_BATCH_ITEMS:
            yield batch, articles
            batch, articles = [], []
    if batch:
        yield batch, articles


def stream(
    items: Iterable[Item],
    model: str | None = None,
    jobs: int = 1,
    batch_size: int = 8,
    stop: Callable[[], bool] | None = None,
) -> Iterator[Outcome]:
    """Outcomes in input order: articles are extracted (in ``jobs`` worker processes), outcomes pass through.

    Input is read lazily, a few batches ahead of the oldest unfinished one, so memory
    does not grow with the input. When ``stop()`` turns true no more input is read and
    the batches in flight are finished.
    """
    work = functools.partial(_extract_chunk, model=model, batch_size=batch_size)
    try:
        for batch, outcomes in workers.ordered_map(
            work, _batches(items, batch_size), jobs,
            lost=_lost, skip=_skip_empty, initializer=_load_model, initargs=(model,), stop=stop,
        ):
            done = iter(outcomes)
            for item in batch:
                yield next(done) if isinstance(item, Article) else item
    except workers.WorkerFailed as exc:
        raise ModelError(f"a worker process could not start: {exc}") from exc


def extract_paths(
    paths: Iterable[str | Path], model: str | None = None, jobs: int = 1, batch_size: int = 8,
    follow_links: bool = False,
) -> Iterator[Outcome]:
    """Read inputs and extract a graph per article; bad inputs come out as problems, in order."""
    items = (
        Outcome(item.where, problem=_problem(item)) if isinstance(item, ReadError) else item
        for item in iter_articles(paths, follow_links=follow_links)
    )
    yield from stream(items, model=model, jobs=jobs, batch_size=batch_size)


def extract_articles(
    articles: Iterable[Article], model: str | None = None, jobs: int = 1, batch_size: int = 8
) -> Iterator[Outcome]:
    """Extract graphs for articles, in order; an article that fails is reported and the rest go on."""
    yield from stream(articles, model=model, jobs=jobs, batch_size=batch_size)


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
    jobs: int | None = 1,
    on_total: Callable[[int | None], None] | None = None,
    on_item: Callable[[Outcome], None] | None = None,
    stop: Callable[[], bool] | None = None,
    batch_size: int = 8,
    follow_links: bool = False,
) -> IngestSummary:
    """Read, extract and store articles, streaming; already-stored articles are not extracted again.

    ``jobs`` worker processes extract (None: one per core) while this process reads and
    is the only writer to the store, one article per transaction, in input order. So a run
    stopped half-way (``stop()`` turning true, or the process killed) keeps what it
    finished, and running it again skips what is stored and does the rest. Article-graph
    files (see :mod:`dossier.sources`) are stored without extracting.
    """
    paths = list(paths)
    summary = IngestSummary()
    if on_total:
        on_total(estimate_total(paths))
    with Store(db or default_db()) as store:

        def todo() -> Iterator[Item]:
            for item in iter_inputs(paths, follow_links=follow_links):
                if stop and stop():
                    return
                if isinstance(item, ReadError):
                    problem = _problem(item)
                    summary.count_problem(problem)
                    if on_item:
                        on_item(Outcome(item.where, problem=problem))
                    continue
                summary.read += 1
                if isinstance(item, ArticleGraph):
                    yield Outcome(item.article.source or item.article.id, graph=item)
                elif store.is_stored(item.content_hash, EXTRACTOR_VERSION):
                    summary.unchanged += 1
                    if on_item:
                        on_item(Outcome(item.source or item.id, stored=False))
                else:
                    yield item

        for outcome in stream(todo(), model=model, jobs=jobs or default_jobs(), batch_size=batch_size,
                              stop=stop):
            if outcome.graph is not None:
                try:
                    outcome.stored = store.ingest(outcome.graph)
                except Exception as exc:  # one bad article must not stop the batch
                    outcome.problem = Problem(outcome.where, "store", str(exc))
            if outcome.problem is not None:
                summary.count_problem(outcome.problem)
            elif outcome.stored:
                summary.stored += 1
            else:
                summary.unchanged += 1
            if on_item:
                on_item(outcome)
    summary.interrupted = bool(stop and stop())
    return summary


def shown_graph(graph: ArticleGraph, min_confidence: float | None = None) -> ArticleGraph:
    """What a user is shown of an article graph: no hypothetical facts, none under the threshold."""
    return graph.shown(DEFAULT_MIN_CONFIDENCE if min_confidence is None else min_confidence)


def ingest_articles(articles: list[Article], db: str | Path | None = None, model: str | None = None,
                    store: Store | None = None) -> IngestSummary:
    """Extract and store articles given in memory (e.g. posted to the web API); one bad article is reported.

    ``store``: an open read-write Store to write into (the web server's one writer), instead of ``db``."""
    summary = IngestSummary(read=len(articles))
    with _writing(db, store) as store:
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
    """Names to offer as someone types (exact matches first, then word prefixes); never a silent pick.
    Entities that share a name carry a ``label`` telling them apart."""
    return _labelled(store, store.suggest(text, limit))


def people(store: Store, limit: int = 50) -> list[dict[str, Any]]:
    """The most mentioned people, with their article counts; namesakes carry a ``label`` telling them apart."""
    return _labelled(store, store.people(limit=limit))


def _labelled(store: Store, rows: list[dict[str, Any]]) -> list[dict[str, Any]]:
    """Add a ``label`` to the rows whose name another row of the list also has."""
    names = Counter((r["name"], r.get("type", "PERSON")) for r in rows)
    twins = [r["id"] for r in rows if names[(r["name"], r.get("type", "PERSON"))] > 1]
    if not twins:
        return rows
    found = store.labels(twins)
    return [{**r, "label": found[r["id"]]} if r["id"] in found else r for r in rows]


def people_page(store: Store, offset: int = 0, limit: int = 50) -> dict[str, Any]:
    """One page of the people (most mentioned first), with the total."""
    return store.people_page(offset, limit)


def quotes(store: Store, name: str) -> list[dict[str, Any]]:
    """Everything a person is quoted as saying, with its evidence."""
    return store.quotes(name)


def timeline(
    store: Store, name: str, min_confidence: float | None = None, show_all: bool = False
) -> list[dict[str, Any]]:
    """A person's facts in date order, each with its own date or the date it was reported."""
    return store.timeline(name, min_confidence=min_confidence, show_all=show_all)


def timeline_page(store: Store, name: str, where: Filters = NO_FILTERS, offset: int = 0, limit: int = 100
                  ) -> dict[str, Any]:
    """One page of a person's timeline (the default view: no hypothetical facts, none under the threshold),
    filtered, with its total."""
    return store.timeline_page(name, where, offset, limit)


def articles_page(store: Store, where: Filters = NO_FILTERS, offset: int = 0, limit: int = 50) -> dict[str, Any]:
    """One page of the stored articles (newest first) passing the date and outlet filters, with the total."""
    return store.articles_page(where, offset, limit)


def entity_ties(store: Store, name: str, where: Filters = NO_FILTERS) -> dict[str, Any]:
    """An entity and its merged edges only (cheaper than ``profile`` when only the ties are shown)."""
    return store.edges(name, where)


def profile(store: Store, name: str, where: Filters = NO_FILTERS) -> dict[str, Any]:
    """Everything about an entity: names, articles, roles, merged edges, quotes, events, claims (unbounded:
    prefer :func:`profile_page` for a front end)."""
    return store.person(name, where)


def profile_page(store: Store, name: str, where: Filters = NO_FILTERS, limit: int = 20) -> dict[str, Any]:
    """A bounded profile: the total of each list (aliases, articles, ties, roles, quotes, events, claims) and
    its first ``limit`` items, ties strongest first; :func:`profile_list` gives the next pages."""
    return store.profile(name, where, limit)


def profile_list(store: Store, name: str, kind: str, where: Filters = NO_FILTERS, offset: int = 0,
                 limit: int = 20) -> dict[str, Any]:
    """One page of one list of a profile, with its total and ``next_offset``."""
    return store.profile_list(name, kind, where, offset, limit)


def ties_page(store: Store, name: str, where: Filters = NO_FILTERS, offset: int = 0, limit: int = 50,
              order: str = "support") -> dict[str, Any]:
    """An entity and one page of its merged edges (best supported first by default), with the total."""
    return store.edges_page(name, where, order, offset, limit)


def ties(store: Store, a: str, b: str, where: Filters = NO_FILTERS) -> dict[str, Any]:
    """Merged edges between two entities, each with all its sources, support and contradictions."""
    return store.ties(a, b, where)


def path(store: Store, a: str, b: str, where: Filters = NO_FILTERS,
         statuses: tuple[str, ...] = ("asserted", "attributed"), max_depth: int = 4, limit: int = 5) -> dict[str, Any]:
    """Shortest paths between two entities through ties of these statuses, each hop with its evidence."""
    return store.shortest_paths(a, b, where, statuses, max_depth, limit)


def network(store: Store, name: str, depth: int = 2, where: Filters = NO_FILTERS, offset: int = 0,
            limit: int = 100, max_nodes: int = 500, fanout: int = 20) -> dict[str, Any]:
    """An entity's neighbourhood (nodes and merged edges) up to ``depth`` hops, following the ``fanout``
    strongest edges (passing the filters) from each node; capped at ``max_nodes``, edges paged."""
    return store.network(name, depth, where, offset, limit, max_nodes, fanout)


def search(store: Store, text: str, where: Filters = NO_FILTERS, offset: int = 0, limit: int = 20) -> dict[str, Any]:
    """Evidence sentences and quotes with every word of ``text``."""
    return store.search(text, where, offset, limit)


def why(store: Store, name: str) -> dict[str, Any]:
    """The evidence and score for each name form and bare surname merged into an entity."""
    return store.why(name)


def correct(kind: str, *args: Any, db: str | Path | None = None, store: Store | None = None) -> dict[str, Any]:
    """Store a correction (merge A B, distinct A B, alias NAME ALIAS, split NAME [article ids]) and apply it,
    in ``db`` or in an open read-write ``store``."""
    with _writing(db, store) as opened:
        return opened.correct(kind, *args)


@contextmanager
def _writing(db: str | Path | None, store: Store | None) -> Iterator[Store]:
    """The Store given (left open), or the one at ``db`` opened read-write for the block."""
    if store is not None:
        yield store
        return
    with Store(db or default_db()) as opened:
        yield opened


def reresolve(db: str | Path | None = None) -> dict[str, int]:
    """Resolve the whole store again from its counts and decisions."""
    with Store(db or default_db()) as store:
        return store.reresolve()


def export(store: Store, fmt: str, out_dir: str | Path, where: Filters = NO_FILTERS) -> list[Path]:
    """Write the store's graph in one of ``EXPORT_FORMATS`` into ``out_dir``; return the files."""
    from .export import write

    return write(store.graph_data(where), fmt, out_dir)


EXPORT_FORMATS = ("jsonl", "graphml", "gexf", "neo4j", "csv", "ftm")
