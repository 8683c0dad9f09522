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
* for roles stated by a verb, a modal auxiliary: "would be the first woman president";
* a condition or its consequence: "if Ortiz wins, she will appoint Lane";
* for events, an irrealis verb: a modal or ``going to`` on the trigger, on the verb it is
  coordinated with or on the verb whose complement it is ("he should resign", "could win
  California and still lose the nomination", "an agreement that would see him endorse her"),
  or a supposition ("in case Trump wins", "let's assume she gets elected");
* for events, a trigger still to come ("before she bows out", "on the condition that Acme
  contribute"), a habit ("often visits Rome"), a gerund weighed or talked about ("is considering
  dropping out"), one that "nearly" happened, and an event noun predicted or supposed ("her
  endorsement is a matter of time", "his resignation would be a blow").
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
    return any(_infinitive(t) or _asked_for(t) or _gerund(t) for t in toks)


MODALS = frozenset({"would", "could", "should", "might", "may", "must", "can", "will", "'d", "shall", "wo", "ca",
                    "'ll", "’ll", "’d"})


def modal(verb: Token) -> bool:
    """``would be the first woman president``, ``shouldn't be president``: a possible or wished state."""
    return any(c.dep_ == "aux" and c.lower_ in MODALS for c in verb.children)


SUPPOSING = frozenset({"assume", "suppose", "imagine", "pretend"})
# Heads whose complement clause is reported, not wished: a modal on them does not reach the clause.
_REPORTING = frozenset({"say", "tell", "report", "announce", "confirm", "reveal", "note", "show", "find"})


def irrealis(verb: Token, _pieces: bool = True) -> bool:
    """A trigger verb stated as a possibility, a call or a supposition rather than as done.

    ``should resign``, ``will likely win``, ``is going to endorse``, ``could win X and still lose
    Y`` (the conjunct shares the modal), ``would see him endorse her`` (a modal on the verb the
    trigger complements), ``in case he wins``, ``let's assume she gets elected``.
    """
    whole = whole_word(verb)
    if _pieces and whole is not verb and irrealis(whole, _pieces=False):
        return True  # "could re-nominate him": the parse hangs the modal on "re"
    if _pending(verb) or _subjunctive(verb):
        return True
    tok, hops = verb, 0
    while hops < 4:
        if (modal(tok) and not _announced(tok)) or _going_to(tok) or _supposed(tok):
            return True
        if tok.dep_ == "conj" and tok.head.i != tok.i:
            tok = tok.head  # "could win California and still lose": the modal is the first conjunct's
        elif tok.dep_ in {"xcomp", "ccomp"} and tok.head.pos_ in {"VERB", "AUX"} and \
                tok.head.lemma_.lower() not in _REPORTING:
            tok = tok.head
        elif tok.dep_ == "advcl" and tok.tag_ == "VB" and any(c.dep_ == "mark" and c.lower_ == "than"
                                                               for c in tok.children):
            tok = tok.head  # "would rather retire than endorse Lane": the choice shares the modal
        else:
            return False
        hops += 1
    return False


def whole_word(verb: Token) -> Token:
    """The first piece of a hyphenated word the tokenizer split ("re-nominate" -> "re"), which the parse
    often makes the head of the clause; the token itself otherwise."""
    doc, i = verb.doc, verb.i
    while i >= 2 and doc[i - 1].text in {"-", "‐"} and not doc[i - 1].whitespace_ and not doc[i - 2].whitespace_:
        i -= 2
    return doc[i]


# Marks of a clause that, in the present tense, tells of what has not happened yet ("before she bows out",
# "until he drops out", "once she wins"): a present-tense "after" is left alone (headlines narrate in it).
PENDING_MARKS = frozenset({"before", "until", "till", "once", "unless", "whenever"})
SIMPLE_PRESENT = frozenset({"VBZ", "VBP"})
# Nouns whose "that" clause is asked for or set as a condition ("on the condition that Acme contribute").
CONDITION_NOUNS = frozenset({"condition", "demand", "request", "insistence", "requirement", "proviso", "hope",
                             "wish", "expectation", "proposal", "call", "plea"})


# Adverbs of frequency that make a present-tense verb a habit: "she often visits Rome".
FREQUENCY = frozenset({"often", "usually", "always", "sometimes", "regularly", "frequently", "routinely",
                       "typically", "generally", "rarely", "seldom", "normally", "occasionally", "habitually",
                       "whenever"})


def habitual(verb: Token) -> bool:
    """A present-tense trigger stating a habit or a rule, not an event: a frequency adverb ("often
    visits"), an "every"/"each" time ("visits Rome every summer"), or a "whenever" clause. The past
    ("often visited") still tells of visits made, and a present verb alone is a headline's event."""
    if verb.tag_ not in SIMPLE_PRESENT or any(c.dep_ == "aux" for c in verb.children):
        return False
    for c in verb.children:
        if c.dep_ in {"advmod", "mark"} and c.lower_ in FREQUENCY:
            return True
        if c.dep_ in {"npadvmod", "advmod", "prep", "pobj"} and any(
                g.dep_ == "det" and g.lower_ in {"every", "each"} for t in c.subtree for g in t.children):
            return True
    return False


def _pending(verb: Token) -> bool:
    """A trigger in the present tense under ``before`` / ``until`` / ``once`` ("talks go on before she
    bows out"), or in a ``that`` clause set as a condition or demand ("on the condition that Acme
    contribute $5 million"): an event still to come, if ever."""
    first = verb
    while first.dep_ == "conj" and first.head.i != first.i and first.head.pos_ in {"VERB", "AUX"}:
        first = first.head  # "before she throws her support or formally bows out"
    for v in (verb, first):
        if v.tag_ in SIMPLE_PRESENT and not any(c.dep_ == "aux" for c in v.children) and \
                any(c.dep_ == "mark" and c.lower_ in PENDING_MARKS for c in v.children):
            return True
        if v.dep_ in {"acl", "ccomp"} and v.head.pos_ == "NOUN" and v.head.lemma_.lower() in CONDITION_NOUNS and \
                v.tag_ not in {"VBD", "VBN"} and any(c.dep_ == "mark" and c.lower_ == "that" for c in v.children):
            return True
    return False


SINGULAR_PRONOUNS = frozenset({"he", "she", "it"})
# Verbs whose bare-form complement is asked for, even without "that" ("insisted Lane resign").
MANDATIVE = frozenset({"move", "insist", "demand", "ask", "propose", "suggest", "recommend", "urge", "require",
                       "request", "order", "prefer", "advise", "command", "stipulate", "mandate"})


def _subjunctive(verb: Token) -> bool:
    """A mandative clause: a base-form verb with a subject of its own under a verb of asking or
    proposing ("moved that Lane be nominated", "insisted that Lane resign"): what is asked, not done.
    Only a passive or copular ``be`` (any subject) or a third-person singular subject tell the base
    form from the present tense."""
    if verb.dep_ not in {"ccomp", "advcl", "acl"} or any(
            c.dep_ == "aux" and (c.lower_ in MODALS or c.lower_ == "to" or c.lemma_.lower() == "do")
            for c in verb.children):
        return False
    subj = next((c for c in verb.children if c.dep_ in {"nsubj", "nsubjpass"}), None)
    if subj is None:
        return False
    if not (any(c.dep_ == "mark" and c.lower_ == "that" for c in verb.children) or
            verb.head.lemma_.lower() in MANDATIVE):
        return False  # "helped Lane win", "watched Lane resign": a bare infinitive that did happen
    if any(c.dep_ in {"auxpass", "aux"} and c.lower_ == "be" and c.tag_ == "VB" for c in verb.children):
        return True
    if verb.tag_ != "VB":
        return False
    return subj.tag_ in {"NN", "NNP"} or subj.lower_ in SINGULAR_PRONOUNS


_ANNOUNCING = frozenset({"announce", "confirm", "declare"})


def _announced(verb: Token) -> bool:
    """``announced she will resign``: a future the person announces is reported, not a possibility."""
    mods = {c.lower_ for c in verb.children if c.dep_ == "aux" and c.lower_ in MODALS}
    return bool(mods) and mods <= {"will", "'ll", "’ll"} and verb.dep_ == "ccomp" and \
        verb.head.lemma_.lower() in _ANNOUNCING


def _going_to(verb: Token) -> bool:
    """``is going to win``: the trigger is the infinitive of a progressive ``go``."""
    head = verb.head
    return _has_to(verb) and head.lemma_.lower() == "go" and head.tag_ == "VBG"


def _supposed(verb: Token) -> bool:
    """``in case he wins`` (a mark or prepositional ``case``), ``let's assume she gets elected``."""
    doc = verb.doc
    for c in verb.children:
        if c.dep_ == "mark" and c.lower_ == "case" and c.i > 0 and doc[c.i - 1].lower_ == "in":
            return True
        if c.dep_ == "prep" and c.lower_ == "in" and c.i < verb.i and any(p.lower_ == "case" for p in c.children):
            return True
    if verb.dep_ in {"acl", "relcl"} and verb.head.lower_ == "case" and verb.head.i > 0 and \
            doc[verb.head.i - 1].lower_ == "in":
        return True
    edge = verb.left_edge.i  # "in case Trump wins", the "case" parsed apart from the clause
    if edge >= 2 and doc[edge - 1].lower_ == "case" and doc[edge - 2].lower_ == "in":
        return True
    sent = verb.sent
    for t in doc[sent.start : verb.i]:
        if t.lemma_.lower() in SUPPOSING and t.tag_ in {"VB", "VBP"}:
            lead = [w.lower_ for w in doc[sent.start : t.i] if not (w.is_punct or w.is_space)]
            if lead in ([], ["let", "'s"], ["let", "’s"], ["let", "us"], ["so", "let", "'s"], ["so", "let", "’s"],
                        ["now", "let", "'s"], ["but", "let", "'s"], ["so"], ["now"], ["just"]):
                return True  # "Let's assume she gets elected ...": the sentence is a supposition
    return False


CONDITIONS = frozenset({"if", "unless"})


def conditional(tok: Token, _pieces: bool = True) -> bool:
    """``If Ortiz wins, she will appoint Lane`` / ``If Ortiz defeats Lane, ...``: the trigger's clause is a
    condition, or the consequence of one: neither states that it happened."""
    verb, hops = tok, 0
    while hops < 4 and verb.pos_ not in {"VERB", "AUX"} and verb.head.i != verb.i:
        verb, hops = verb.head, hops + 1
    whole = whole_word(verb)
    if _pieces and whole is not verb and conditional(whole, _pieces=False):
        return True  # "if she wins, she could re-nominate him": the parse hangs the clause on "re"
    for _ in range(3):
        if any(_condition_mark(c) for c in verb.children):
            return True  # the condition itself
        if any(c.dep_ == "advcl" and any(_condition_mark(m) for m in c.children) for c in verb.children):
            return True  # its consequence
        if verb.dep_ in {"conj", "xcomp"} and verb.head.i != verb.i:
            verb = verb.head
        else:
            break
    return False


def _condition_mark(tok: Token) -> bool:
    """``if`` / ``unless`` opening a condition (not the concessive "even if" or the manner "as if")."""
    if tok.dep_ != "mark" or tok.lower_ not in CONDITIONS:
        return False
    return not (tok.i > 0 and tok.doc[tok.i - 1].lower_ in {"even", "as"})


NEGATIONS = frozenset({"not", "n't", "n’t", "never"})


def negated_by_word(verb: Token) -> bool:
    """``isn’t running``: a negation the parser attached as an adverb rather than as ``neg``, on the verb
    or on its auxiliary ("is" <- "n’t")."""
    return any(c.lower_ in NEGATIONS for c in verb.children) or any(
        g.lower_ in NEGATIONS for c in verb.children if c.dep_ in {"aux", "auxpass"} for g in c.children)


# "hardly visited the state": so little that the sentence all but denies it ("barely won" is a narrow win)
NEAR_NEGATIONS = frozenset({"hardly", "scarcely", "barely"})
NARROW = frozenset({"barely"})


def near_negated(verb: Token, contest: bool = False) -> bool:
    """``barely visited``, ``hardly campaigned``: an act all but denied (for a ``contest``, "barely" is narrowly)."""
    words = NEAR_NEGATIONS - NARROW if contest else NEAR_NEGATIONS
    return any(c.dep_ == "advmod" and c.lower_ in words for c in verb.children)


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


# Heads of a gerund that leave it a possibility: "is considering dropping out", "talked about endorsing".
GERUND_HEADS = frozenset({"consider", "contemplate", "weigh", "mull", "discuss", "debate", "explore", "propose",
                          "suggest", "recommend", "urge", "advocate", "avoid", "resist", "oppose", "risk", "fear",
                          "imagine", "envision", "deny", "refuse", "reject", "delay", "postpone", "threaten",
                          "think", "talk", "speak", "dream", "hint", "rule", "entertain", "float"})
# Adverbs that say an event did not quite happen: "nearly won", "almost resigned".
SHORT_OF = frozenset({"nearly", "almost"})


def _gerund(tok: Token) -> bool:
    """A trigger gerund under a verb of weighing or talking ("is considering dropping out", "thought
    about endorsing her"), or one that "nearly"/"almost" happened: no event (yet)."""
    if tok.pos_ not in {"VERB", "AUX"}:
        return False
    if any(c.dep_ == "advmod" and c.lower_ in SHORT_OF for c in tok.children):
        return True
    if tok.tag_ != "VBG":
        return False
    while tok.dep_ == "conj" and tok.head.tag_ == "VBG" and tok.head.i != tok.i:
        tok = tok.head  # "discussed burying guns and shooting agents": the list's first gerund decides
    head = tok.head
    if tok.dep_ == "pcomp" and head.dep_ == "prep":
        head = head.head
    elif tok.dep_ == "advcl" and not any(c.dep_ in {"xcomp", "dobj", "ccomp"} and c.tag_ == "VBG" and c.i < tok.i
                                         for c in head.children):
        return False  # "spoke at the rally, endorsing Lane": a clause of its own, unless the parse split a
        # list of gerunds talked about ("discusses burying guns, dying a free man and ...")
    elif tok.dep_ not in {"xcomp", "dobj", "ccomp", "advcl"}:
        return False
    return head.i != tok.i and head.lemma_.lower() in GERUND_HEADS


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


# What an event noun as a subject can be said to be when it has not happened: "her endorsement is only
# a matter of time", "his resignation is likely", "an arrest seemed imminent".
PREDICTED = frozenset({"likely", "unlikely", "expected", "inevitable", "imminent", "certain", "possible",
                       "probable", "matter", "question", "doubtful", "uncertain", "unclear", "near", "possibility",
                       "prospect", "inevitability", "foregone", "assured", "guaranteed", "sure"})
SUPPOSING_MODALS = frozenset({"would", "could", "might", "may", "'d", "’d"})
# With a perfect ("would have been a blow") only these say it did not happen; "may have", "could have"
# guess at a past that did.
COUNTERFACTUAL_MODALS = frozenset({"would", "'d", "’d"})
TIME_MATTERS = frozenset({"time", "when", "days", "weeks", "months", "hours", "years"})


def predicted(tok: Token) -> bool:
    """An event noun that is the subject of a prediction ("Obi's endorsement of Lane is a matter of time")
    or of a supposition ("her resignation would be a blow"). Only for event nouns: "his opponent would
    support X" still names an opponent."""
    if tok.pos_ not in {"NOUN", "PROPN"} or tok.dep_ not in {"nsubj", "nsubjpass"}:
        return False
    head = tok.head
    perfect = any(c.dep_ == "aux" and c.lemma_.lower() == "have" for c in head.children)
    if any(c.dep_ == "aux" and c.lower_ in (COUNTERFACTUAL_MODALS if perfect else SUPPOSING_MODALS)
           for c in head.children):
        return True  # "may have helped Lane" guesses at what a done endorsement did; "would have" did not happen
    if head.lemma_.lower() in {"expect", "anticipate", "predict", "rumor", "rumour", "assure", "guarantee"} and \
            tok.dep_ == "nsubjpass":
        return True
    if head.lemma_.lower() not in {"be", "seem", "appear", "look", "remain", "become"}:
        return False
    return any(c.dep_ in {"attr", "acomp", "oprd"} and (c.lemma_.lower() in PREDICTED or c.lower_ in PREDICTED)
               and (c.lemma_.lower() != "matter" or _matter_of_time(c)) for c in head.children)


def _matter_of_time(matter: Token) -> bool:
    """``a matter of time`` / ``of when``, not ``a matter of record`` or ``of public concern``."""
    return any(p.lower_ in TIME_MATTERS for c in matter.children if c.dep_ == "prep" and c.lower_ == "of"
               for p in c.children)


def _asked_for(tok: Token) -> bool:
    if tok.pos_ not in {"NOUN", "PROPN"}:
        return False
    words = lexicons.load("facts/unrealised_nouns")
    if any(c.dep_ == "amod" and c.lower_ in words for c in tok.children):
        return True
    head = tok.head
    if tok.dep_ == "pobj" and head.dep_ == "prep" and head.lower_ in {"for", "of"}:
        if head.lower_ == "for" and head.head.lemma_.lower() in lexicons.load("facts/sought_for_heads"):
            return True  # "campaigned for her reelection"
        head = head.head  # "calls for her resignation", "hopes of a win"
    elif tok.dep_ not in {"dobj", "nsubjpass"}:
        return False
    return head.i != tok.i and head.lemma_.lower() in words
