"""Doc -> article graph: the only place where spaCy spans become contract data."""

from __future__ import annotations

from collections.abc import Iterable, Iterator
from dataclasses import replace
from typing import Any

from spacy.language import Language
from spacy.tokens import Doc

from . import pipeline
from .graph import Article, ArticleGraph, Entity, Mention, Quote, Span, Time
from .pipeline import doc_state
from .read.common import check_length

# Title and body share one Doc so that mentions in the title join the body's entities.
SEPARATOR = "\n\n"


def doc_text(article: Article) -> str:
    """The text the pipeline reads: the title, a blank line, then the body."""
    return article.title + SEPARATOR + article.body if article.title else article.body


class Offsets:
    """Maps character offsets of the Doc text to article coordinates (title or body)."""

    def __init__(self, article: Article) -> None:
        self.article = article
        self.body_start = len(article.title) + len(SEPARATOR) if article.title else 0

    def span(self, start: int, end: int) -> Span:
        a = self.article
        if start < self.body_start:
            end = min(end, len(a.title))
            return Span(start, end, a.title[start:end], "title")
        s, e = start - self.body_start, end - self.body_start
        return Span(s, e, a.body[s:e])

    def remap(self, span: Span | None) -> Span | None:
        if span is None:
            return None
        return self.span(span.start, span.end)


def article_doc(article: Article, nlp: Language) -> Doc:
    """Run the pipeline on an article."""
    return nlp(prepare_doc(article, nlp))


def prepare_doc(article: Article, nlp: Language) -> Doc:
    """The article's unprocessed Doc, with the publication date and title length in ``doc.user_data``.

    Raises ``ReadError`` (kind ``too_large``) naming the article when it is over ``MAX_ARTICLE_CHARS``.
    """
    check_length(article.title, article.body, article.source or article.id)
    doc = nlp.make_doc(doc_text(article))
    doc_state.set_article(doc, article.published, len(article.title))
    return doc


def pipe_docs(
    articles: Iterable[Article], nlp: Language, batch_size: int = 16, n_process: int = 1
) -> Iterator[tuple[Article, Doc]]:
    """Run the pipeline over many articles with ``nlp.pipe``, yielding (article, doc) pairs in order."""

    def docs() -> Iterator[tuple[Doc, Article]]:
        for article in articles:
            yield prepare_doc(article, nlp), article

    for doc, article in nlp.pipe(docs(), as_tuples=True, batch_size=batch_size, n_process=n_process):
        yield article, doc


def doc_to_graph(doc: Doc, article: Article) -> ArticleGraph:
    """Convert the components' results on ``doc`` into the article graph of the contract."""
    off = Offsets(article)
    graph = ArticleGraph(article=article)
    infos = doc_state.entities(doc)
    by_key: dict[str, Entity] = {}
    for key, info in infos.items():
        by_key[key] = Entity(
            id=key,
            name=info["name"],
            type=info["type"],
            gender=info.get("gender"),
            subtype=info.get("subtype"),
            aliases=list(info.get("aliases", [])),
        )
    confidence = doc_state.mention_confidence(doc)
    for span in doc_state.mentions(doc):
        ent = by_key.get(span.kb_id_)
        if ent is None:
            continue
        s = off.span(span.start_char, span.end_char)
        conf = confidence.get((span.start_char, span.end_char))
        ent.mentions.append(Mention(s.start, s.end, s.text, s.in_, span.id_ or "name", conf))
    graph.entities = [e for e in by_key.values() if e.mentions]
    graph.times = [_remap_time(t, off) for t in doc_state.section(doc, doc_state.TIMES)]
    graph.quotes = [_remap_quote(q, off) for q in doc_state.section(doc, doc_state.QUOTES)]
    graph.roles = [replace(r, evidence=off.remap(r.evidence)) for r in doc_state.section(doc, doc_state.ROLES)]
    graph.relations = [replace(r, evidence=off.remap(r.evidence)) for r in doc_state.section(doc, doc_state.RELATIONS)]
    graph.events = [replace(e, evidence=off.remap(e.evidence)) for e in doc_state.section(doc, doc_state.EVENTS)]
    graph.claims = [replace(c, span=off.remap(c.span)) for c in doc_state.section(doc, doc_state.CLAIMS)]
    return graph


def _remap_time(t: Time, off: Offsets) -> Time:
    s = off.span(t.start, t.end)
    return replace(t, start=s.start, end=s.end, text=s.text, in_=s.in_)


def _remap_quote(q: Quote, off: Offsets) -> Quote:
    return replace(
        q,
        span=off.remap(q.span),
        speaker_span=off.remap(q.speaker_span),
        cue=off.remap(q.cue),
    )


def extract(
    text: str | Article,
    published: str | None = None,
    title: str = "",
    model: str | None = None,
    **meta: Any,
) -> ArticleGraph:
    """Extract the article graph of one article (an :class:`Article` or its body text)."""
    if isinstance(text, Article):
        article = text
    else:
        article = Article(
            id=meta.pop("id", None) or Article.content_id(title, text, published),
            title=title,
            body=text,
            published=published,
            **meta,
        )
    nlp = pipeline.load(model)
    return doc_to_graph(article_doc(article, nlp), article)


def extract_many(
    articles: Iterable[Article], model: str | None = None, batch_size: int = 16
) -> Iterator[ArticleGraph]:
    """Extract graphs for many articles, batching through spaCy."""
    nlp = pipeline.load(model)
    for article, doc in pipe_docs(articles, nlp, batch_size=batch_size):
        yield doc_to_graph(doc, article)


__all__ = ["article_doc", "doc_to_graph", "extract", "extract_many", "pipe_docs", "prepare_doc"]
