"""Doc -> article graph: the only place where spaCy spans become contract data."""

from __future__ import annotations

from collections.abc import Callable, Iterable, Iterator
from dataclasses import replace
from typing import Any, cast, overload

from spacy.language import Language
from spacy.tokens import Doc, Token

from . import confidence as confidence_mod
from . import pipeline
from .errors import ExtractError
from .graph import Article, ArticleGraph, Entity, Mention, MentionKind, Quote, Span, Time
from .pipeline import doc_state, record_failure
from .read.common import check_length

ErrorHandler = Callable[[str, Any, list[Doc], Exception], object]

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

    @overload
    def remap(self, span: Span) -> Span: ...
    @overload
    def remap(self, span: None) -> None: ...
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


def set_error_handler(nlp: Language, handler: ErrorHandler) -> None:
    """``nlp.set_error_handler`` that also works on spaCy's compiled components.

    The parser and NER are Cython classes that cannot hold a handler (setting it raises
    AttributeError), so ``Language.set_error_handler`` stops at the first of them. Here the
    pipeline's default (used for function components) and every component that accepts
    one get ``handler``; the compiled ones keep raising, and the service reports that.
    """
    nlp.default_error_handler = handler
    for _name, proc in nlp.pipeline:
        setter = getattr(proc, "set_error_handler", None)
        if setter is None:
            continue
        try:
            setter(handler)
        except AttributeError:
            continue


def pipe_docs(
    articles: Iterable[Article], nlp: Language, batch_size: int = 16, n_process: int = 1
) -> Iterator[tuple[Article, Doc]]:
    """Run the pipeline over many articles with ``nlp.pipe``, yielding (article, doc) pairs in order.

    Every article comes out exactly once. When a component raises and the error handler
    does not re-raise, spaCy drops that Doc from the stream; it is then yielded as the Doc
    that went in, with the failure the handler recorded on it (``doc_state.failures``), or
    with one recorded here when the handler ran in another process.
    """
    pending: dict[int, tuple[Doc, Article]] = {}

    def docs() -> Iterator[tuple[Doc, int]]:
        for i, article in enumerate(articles):
            doc = prepare_doc(article, nlp)
            pending[i] = (doc, article)
            yield doc, i

    for doc, i in nlp.pipe(docs(), as_tuples=True, batch_size=batch_size, n_process=n_process):
        yield from _dropped(pending, before=i)
        yield pending.pop(i)[1], doc
    yield from _dropped(pending, before=None)


def _dropped(pending: dict[int, tuple[Doc, Article]], before: int | None) -> Iterator[tuple[Article, Doc]]:
    """The pending articles the pipeline skipped (all of them when ``before`` is None), as failed Docs."""
    for i in sorted(k for k in pending if before is None or k < before):
        doc, article = pending.pop(i)
        if not doc_state.failures(doc):
            lost = RuntimeError("no document came back from the pipeline (a component failed in a worker process)")
            record_failure("unknown", None, [doc], lost)
        yield article, doc


# Closing marks the parser sometimes starts the next sentence with ('... president." He said').
_CLOSERS = frozenset({'"', "\u201d", "'", "\u2019", ")", "]"})
# Opening marks it sometimes ends the previous sentence with ('He left. "We won."').
_OPENERS = frozenset({'"', "\u201c", "'", "\u2018", "(", "["})


def _glued(doc: Doc, i: int) -> bool:
    """Token ``i`` follows a word with no space or line break between them."""
    return i > 0 and not doc[i - 1].text.isspace() and not doc[i - 1].whitespace_


def _opens(doc: Doc, token: Token) -> bool:
    """An opening mark: glued to the word after it, not to the word before it."""
    return token.text in _OPENERS and not token.whitespace_ and not _glued(doc, token.i)


def sentences(doc: Doc, off: Offsets) -> list[Span]:
    """The parse's sentences in article coordinates, without edge white space; none without a parse.

    A closing mark glued to the end of a sentence (no space before it) stays with that sentence
    even when the parser starts the next one with it, and an opening mark goes with the sentence
    it opens even when the parser ends the previous one with it; a sentence running from the title into
    the body is cut in two at the separator.
    """
    if not doc.has_annotation("SENT_START"):
        return []
    runs: list[list[Token]] = []
    for sent in doc.sents:
        words = [t for t in sent if not t.text.isspace()]
        while runs and words and words[0].text in _CLOSERS and _glued(doc, words[0].i):
            runs[-1].append(words.pop(0))
        if runs and words and len(runs[-1]) > 1 and _opens(doc, runs[-1][-1]):
            words.insert(0, runs[-1].pop())
        if words:
            runs.append(words)
    out: list[Span] = []
    for words in runs:
        start, end = words[0].idx, words[-1].idx + len(words[-1].text)
        pieces = [(start, end)]
        if start < off.body_start < end:
            pieces = [(start, len(off.article.title)), (off.body_start, end)]
        for s, e in pieces:
            span = off.span(s, e)
            text = span.text or ""
            lead = len(text) - len(text.lstrip())
            trail = len(text) - len(text.rstrip())
            if span.end - trail > span.start + lead:
                out.append(Span(span.start + lead, span.end - trail, None, span.in_))
    return out


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
        kind = cast(MentionKind, span.id_ or "name")  # the entities component writes only MentionKind values
        ent.mentions.append(Mention(s.start, s.end, s.text, s.in_, kind, conf))
    graph.entities = [e for e in by_key.values() if e.mentions]
    graph.times = [_remap_time(t, off) for t in doc_state.section(doc, doc_state.TIMES)]
    graph.quotes = [
        _remap_quote(q, off, doc_state.quote_status(doc, q)) for q in doc_state.section(doc, doc_state.QUOTES)
    ]
    graph.roles = [replace(r, evidence=off.remap(r.evidence)) for r in doc_state.section(doc, doc_state.ROLES)]
    graph.relations = [replace(r, evidence=off.remap(r.evidence)) for r in doc_state.section(doc, doc_state.RELATIONS)]
    graph.events = [replace(e, evidence=off.remap(e.evidence)) for e in doc_state.section(doc, doc_state.EVENTS)]
    graph.claims = [replace(c, span=off.remap(c.span)) for c in doc_state.section(doc, doc_state.CLAIMS)]
    graph.sentences = sentences(doc, off)
    return confidence_mod.score(graph)


def _remap_time(t: Time, off: Offsets) -> Time:
    s = off.span(t.start, t.end)
    return replace(t, start=s.start, end=s.end, text=s.text, in_=s.in_)


def _remap_quote(q: Quote, off: Offsets, status: str) -> Quote:
    return replace(
        q,
        status=status,  # type: ignore[arg-type]  # a status from the status component is a graph Status
        span=off.remap(q.span),
        speaker_span=off.remap(q.speaker_span),
        cue=off.remap(q.cue),
        pieces=[off.remap(p) for p in q.pieces] if q.pieces else None,
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
    doc = article_doc(article, nlp)
    _check(doc, article)
    return doc_to_graph(doc, article)


def _check(doc: Doc, article: Article) -> None:
    """Raise :class:`ExtractError` when a component failed on ``doc`` (under a non-raising error handler)."""
    failed = doc_state.failures(doc)
    if failed:
        where = article.source or article.id
        raise ExtractError(where, failed[0]["component"], failed[0]["error"])


def extract_many(
    articles: Iterable[Article], model: str | None = None, batch_size: int = 16
) -> Iterator[ArticleGraph]:
    """Extract graphs for many articles, batching through spaCy (raises on the first failed article;
    :func:`dossier.service.extract_articles` reports failures and goes on)."""
    nlp = pipeline.load(model)
    for article, doc in pipe_docs(articles, nlp, batch_size=batch_size):
        _check(doc, article)
        yield doc_to_graph(doc, article)


__all__ = ["article_doc", "doc_to_graph", "extract", "extract_many", "pipe_docs", "prepare_doc", "sentences",
           "set_error_handler"]
