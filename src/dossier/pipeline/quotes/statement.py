"""Whether a found quote reports a statement someone made, or only looks like one.

A cue and a clause after it are not enough for a user to be shown "X said Y". On real news
the commonest false quotes are:

* a topic, not a statement: a speech or stance verb whose object is a noun phrase
  ("praised the plan", "announced a concert", "denied the claims"), or an act or intent in
  an infinitive or gerund ("refused to intervene", "responded by easing sanctions");
* a reported clause cut before its subject ("said he ... would be released" read as
  "would be released"), which is a fragment, not what was said;
* a question ("Who is the real con man here?", a moderator's "Did you lie to them?");
* words whose sayer the article names but the resolver left unlinked ("it said", "the agency
  said" where no named organisation fits, a cue-less quote with no speaker at all): the user
  would see a quote by no one that belongs to someone (an unnamed source, "a spokesman",
  "officials", is a speaker of its own and stays);
* what a message or record shows ("the emails reveal", "messages showed"): the writer's
  reading of evidence, not a person's words;
* a headline clause before a colon ("Book Debunks Senator: ...") taken for a source label.

:func:`doubt` names the first of these that holds; the quote keeps its place in the graph
(``--all``) with a confidence below the default threshold.
"""

from __future__ import annotations

from spacy.tokens import Doc, Token
from spacy.tokens import Span as DocSpan

from .. import lexicons
from ..syntax import SUBJECTS
from . import attribution as attr
from .base import Found

FINITE_TAGS = frozenset({"VBD", "VBZ", "VBP", "MD"})
# Pronouns and relatives that stand for someone named elsewhere ("it said", "the site, which said").
REFERRING = frozenset({"he", "she", "it", "they", "him", "her", "them", "that", "which", "who", "this"})
# Written messages whose contents the writer reads out ("the emails reveal"); polls and reports that
# find something are sources of their own (attribution's ``document_sources``).
MESSAGES = frozenset({"email", "e-mail", "message", "memo", "text", "letter", "document", "record", "file",
                      "cable", "note"})


def doubt(doc: Doc, f: Found) -> str | None:
    """Why the words of ``f`` are not a statement its speaker made, or None when they are."""
    content = _content(doc, f)
    if content is None or not len(content):
        return None
    if _question(doc, f):
        return "question"
    if f.kind in ("indirect", "according_to") and not any(_finite(t) or _small_clause(t, content) for t in content):
        return "act" if _verbal(content) else "topic"
    if f.kind == "indirect" and _subjectless(content):
        return "fragment"
    if f.speaker.key is None and not f.speaker.unnamed and _unlinked(f.speaker.span):
        return "unlinked speaker"
    if f.speaker.key is None and _message_shows(f.speaker.span):
        return "message read out"
    if f.cue is not None and f.cue.text == ":" and _headline_clause(f.speaker.span):
        return "headline clause"
    return None


def _content(doc: Doc, f: Found) -> DocSpan | None:
    # a quotation split by its cue is judged by its first passage; a reported clause split around
    # its cue ("The permit, his campaign said, had been hard to get") by the whole of it
    start, end = f.pieces[0] if f.pieces and f.kind == "direct" else (f.start, f.end)
    return doc.char_span(start, end, alignment_mode="expand")


def _question(doc: Doc, f: Found) -> bool:
    end = f.pieces[-1][1] if f.pieces else f.end
    return doc.text[f.start : end].rstrip("”’\"' )").endswith("?")


def _finite(tok: Token) -> bool:
    return tok.pos_ in ("VERB", "AUX") and ("Fin" in tok.morph.get("VerbForm", []) or tok.tag_ in FINITE_TAGS)


def _small_clause(tok: Token, content: DocSpan) -> bool:
    """A participle with its own subject ("shows Dana Holt leading in every county"): a clause."""
    return tok.pos_ in ("VERB", "AUX") and any(
        c.dep_ in SUBJECTS and content.start <= c.i < content.end for c in tok.children)


def _verbal(content: DocSpan) -> bool:
    """An infinitive or gerund complement ("to intervene", "easing sanctions"): an act or an intent."""
    first = content[0]
    return first.lower_ == "to" or first.tag_ in ("VB", "VBG") or content.root.tag_ in ("VB", "VBG")


def _subjectless(content: DocSpan) -> bool:
    """A reported clause whose main verb has lost its subject ("would be publicly released soon")."""
    root = content.root
    if not _finite(root) or (root.i == content.start and root.tag_ == "VB"):
        return False
    kids = [c for c in root.children if content.start <= c.i < content.end]
    return not any(c.dep_ in SUBJECTS or c.dep_ == "expl" for c in kids) and not any(
        c.dep_ == "aux" and c.lower_ in {"to"} for c in kids)


def _unlinked(span: DocSpan | None) -> bool:
    """No speaker span at all, or one that stands for someone named: a pronoun, a relative, a name,
    or a definite description ("the agency", "its statement") left unresolved."""
    if span is None or not len(span):
        return True
    root = attr.antecedent(span.root)
    if attr.is_document(root):  # "the audit found": a record is a source of its own
        return False
    if root.lower_ in REFERRING or root.pos_ == "PROPN" or span.root.tag_ in ("WP", "WDT"):
        return True
    return any(c.dep_ in ("det", "poss") and c.lower_ in {"the", "this", "its", "his", "her", "their"}
               for c in root.children)


def _message_shows(span: DocSpan | None) -> bool:
    if span is None or not len(span):
        return False
    root = attr.antecedent(span.root)
    return root.lemma_.lower() in MESSAGES and root.lemma_.lower() not in lexicons.load("quotes/statement_nouns")


def _headline_clause(span: DocSpan | None) -> bool:
    """A speaker "label" before a colon that is itself a clause with a verb ("Book Debunks Senator")."""
    return span is not None and any(t.pos_ == "VERB" and _finite(t) for t in span)
