"""Possibilities that read like facts: infinitives, asked-for events and poll standings.

A trigger in any of these shapes states no fact about the world, whatever the status
component says of its clause, so roles, relations and events are not emitted from them:

* an infinitive whose head does not imply it happened: "wanted Lane to step aside",
  "suited to defeat Diaz", "needed to speak to her", "calls for Lane to drop out"
  (but "went on to win", "managed to beat", "the first woman to win" did happen);
* an event noun that is asked for, hoped, feared or qualified as possible: "calls for
  her resignation", "her prospective nomination";
* a contest verb in the present tense beside a poll word or a score: "a poll shows
  Ortiz beating Lane", "Ortiz tops Lane 41-40";
* for roles stated by a verb, a modal auxiliary: "would be the first woman president".
"""

from __future__ import annotations

import re
from collections.abc import Iterable

from spacy.tokens import Token

from .. import lexicons

STANDING_LEMMAS = frozenset({"beat", "defeat", "top", "lead", "edge", "trail", "best", "outpace"})
RESULT_LEMMAS = frozenset({"win", "lose"})  # a standing only beside a poll word: "wins 64-33" is a result
PRESENT = frozenset({"VBZ", "VBP", "VBG"})
_SCORE = re.compile(r"\b\d{1,2}\s*(?:-|–|to)\s*\d{1,2}\b")


def unrealised(toks: Iterable[Token]) -> bool:
    """True when a fact's trigger (verb or noun) is a possibility rather than something that happened."""
    return any(_infinitive(t) or _asked_for(t) for t in toks)


MODALS = frozenset({"would", "could", "should", "might", "may", "must", "can", "will", "'d", "shall", "wo", "ca"})


def modal(verb: Token) -> bool:
    """``would be the first woman president``, ``shouldn't be president``: a possible or wished state."""
    return any(c.dep_ == "aux" and c.lower_ in MODALS for c in verb.children)


NEGATIONS = frozenset({"not", "n't", "n’t", "never"})


def negated_by_word(verb: Token) -> bool:
    """``isn’t running``: a negation the parser attached as an adverb rather than as ``neg``."""
    return any(c.lower_ in NEGATIONS for c in verb.children)


def poll_standing(verb: Token) -> bool:
    """A contest verb stating a survey standing ("is beating Lane, a poll shows"), not a result."""
    lemma = verb.lemma_.lower()
    if lemma not in STANDING_LEMMAS | RESULT_LEMMAS or verb.tag_ not in PRESENT:
        return False
    sent = verb.sent
    words = lexicons.load("facts/poll_words")
    if any(t.lower_ in words or t.lemma_.lower() in words for t in sent):
        return True
    return lemma in STANDING_LEMMAS and bool(_SCORE.search(sent.text))


def _infinitive(tok: Token) -> bool:
    verb = tok
    while verb.dep_ == "conj" and verb.head.i != verb.i and not _has_to(verb):
        verb = verb.head  # "to step aside and endorse X": the infinitive marker sits on the first verb
    if verb.pos_ not in {"VERB", "AUX"} or not _has_to(verb):
        return False
    head = verb.head
    if head.i == verb.i:
        return True
    if head.lemma_.lower() in lexicons.load("facts/implicatives"):
        return False
    if head.lemma_.lower() == "go" and any(c.dep_ == "prt" and c.lower_ == "on" for c in head.children):
        return False  # "went on to win"
    ordinals = lexicons.load("facts/ordinals")
    return not (head.lower_ in ordinals or any(c.lower_ in ordinals for c in head.children))


def _has_to(verb: Token) -> bool:
    return any(c.dep_ == "aux" and c.lower_ == "to" for c in verb.children)


def _asked_for(tok: Token) -> bool:
    if tok.pos_ not in {"NOUN", "PROPN"}:
        return False
    words = lexicons.load("facts/unrealised_nouns")
    if any(c.dep_ == "amod" and c.lower_ in words for c in tok.children):
        return True
    head = tok.head
    if tok.dep_ == "pobj" and head.dep_ == "prep" and head.lower_ in {"for", "of"}:
        head = head.head  # "calls for her resignation", "hopes of a win"
    elif tok.dep_ not in {"dobj", "nsubjpass"}:
        return False
    return head.i != tok.i and head.lemma_.lower() in words
