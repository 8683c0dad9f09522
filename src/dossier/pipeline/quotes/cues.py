"""The words of a quote's cue as PolNeAR marks them: the verb with its auxiliaries, adverbs and
particle (``has also said``, ``pointed out``), the medium it was said in (``said in an interview``,
``wrote in a statement``), but not the ``of`` that names the topic (``said of the plan``)."""

from __future__ import annotations

from spacy.tokens import Span, Token

from .. import lexicons
from . import attribution as attr

MEDIUM_WORDS = 4  # most words from "in" to the medium noun ("in a recent phone interview")


def cue_words(tok: Token) -> Span:
    """The cue span of cue word ``tok``."""
    span = attr.cue_span(tok)
    doc = tok.doc
    start, end = span.start, span.end
    if end - start > 1 and doc[end - 1].lower_ == "of" and doc[end - 1].dep_ == "prep":
        end -= 1  # "said of the plan": the topic, not the cue
    medium = _medium_end(tok, end)
    return doc[start : medium or end]


def _medium_end(verb: Token, end: int) -> int | None:
    """The token end of ``in a statement`` right after the cue words, or None."""
    doc = verb.doc
    if end >= len(doc) or doc[end].lower_ != "in" or doc[end].head.i != verb.i or doc[end].dep_ != "prep":
        return None
    nouns = lexicons.load("quotes/medium_nouns")
    for obj in doc[end].children:
        if obj.dep_ == "pobj" and obj.lemma_.lower() in nouns and obj.i - end <= MEDIUM_WORDS and all(
                t.head.i == obj.i or t.head.head.i == obj.i for t in doc[end + 1 : obj.i]):
            return obj.i + 1
    return None
