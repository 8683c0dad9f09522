"""Roles: the positions people hold or held ("district attorney", "the mayor's budget director").

Sources, all general news patterns:

* a title before a name: ``Vice President Ada Obi``, ``former Gov. Ned Vale``,
  ``Port Vale District Attorney Ada Obi`` (an entity in the run is the place or org);
* an apposition: ``Tom Reyes, Mayor Obi's 2019 campaign manager and later her chief of
  staff`` (two roles; the first ends when the "later" one starts) and the reverse
  ``the board's chair, Irene Cole``; coref's apposition records are read too;
* a predicate: ``she was district attorney in Port Vale`` (past: ``current`` false),
  ``became``, ``was elected``, ``served as``, ``was named ... as``, ``joined as``;
* a descriptor coref tied to a person: ``the former attorney general``.

A role held *for* someone (a possessor or ``to``/``for`` object that is a person or an
organisation) also yields ``professional.worked_for``, unless the title is a public office
(``Harlow's mayor``); a membership title (``board member``, ``trustee``) yields
``membership.member_of`` instead.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache
from typing import Any

from spacy.tokens import Token

from ...graph import Event, Relation, Role, Span
from .. import doc_state, lexicons, syntax
from ..entities.finder import first_name_known
from ..status import StatusInfo
from . import modality
from .index import PEOPLE, Facts, duration, fact_subject

ROLE_PREPS = {"of", "at", "for", "to", "with", "in", "on"}
PLACES = frozenset({"GPE", "LOC", "NORP"})
YEAR_LEN = 4
START_PREPS = {"since", "from"}
END_PREPS = {"until", "till", "to", "through", "thru"}
TITLE_DEPS = {"compound", "amod", "nmod"}
STARTING_VERBS = {"become", "elect", "reelect", "appoint", "name", "nominate", "promote", "hire", "confirm",
                  "tap", "choose", "select", "join", "swear", "install", "make"}
SERVING_VERBS = {"serve", "work", "act", "remain", "continue"}
FOUNDING_VERBS = {"found", "co-found", "cofound", "establish"}


@dataclass
class Found:
    """A role before merging, with what it implies about employment."""

    role: Role
    anchor: int  # a token of the holder's phrase (for status and evidence)
    for_type: str | None = None  # entity type of ``role.org`` when the role is held for someone
    confidence: float = 0.8
    lo: int | None = None  # first token of the fact's phrase (default: the anchor)
    hi: int | None = None  # last token of the fact's phrase (default: the anchor)
    verb: int | None = None  # the predicate that states it ("was named chief"), if any
    appos: bool = False  # stated by an apposition ("Obi, the mayor")
    dated: bool = False  # "later her chief of staff", "his 2019 campaign manager": not known to be current
    future: bool = False  # "our next president", "the incoming ambassador": not (yet) held
    premod: bool = False  # "President Ada Obi", "its chair": the title says whose it is without an org
    tense_past: bool = False  # not current only because its copula is past ("Once he was president, ...")
    named: bool = False  # a title before a name ("President Ada Obi"): held as of publication unless qualified
    later: bool = False  # "... and later her chief of staff": a post after the one the clause dates
    descriptor: bool = False  # a definite description coreference resolved ("the former governor")


@lru_cache(maxsize=1)
def _mods() -> dict[str, Any]:
    return lexicons.json("facts/role_modifiers")


def _titles() -> frozenset[str]:
    return lexicons.load("facts/role_titles")


@lru_cache(maxsize=1)
def _title_tails() -> frozenset[str]:
    """The known titles and their last words ("chief operating officer", "operating officer", "officer")."""
    return frozenset(" ".join(w[i:]) for t in _titles() for w in [t.split()] for i in range(len(w)))


def normalise(title: str) -> str:
    """Lower case, abbreviations spelled out (``Lt. Gov.`` -> ``lieutenant governor``)."""
    abbr: dict[str, str] = _mods()["abbreviations"]
    t = " ".join(title.lower().replace("–", "-").split())
    if t in abbr:
        return abbr[t]
    words = [abbr.get(w, w) for w in t.split()]
    return " ".join(words)


def is_title(title: str) -> bool:
    """A known title, or a lower-case extension of one ("campaign manager", "finance chief")."""
    t = normalise(title)
    if not t:
        return False
    titles = _titles()
    return t in titles or t.split()[-1] in titles


def _no_post(norm: str) -> bool:
    """A title-like phrase that names no post: a form of address ("Mr. President" said to someone) or a
    part in an event ("a featured speaker at the convention")."""
    words = norm.split()
    return bool(words) and (words[0] in _mods()["honorifics"] or any(
        " ".join(words[i:]) in _mods()["not_titles"] for i in range(len(words))))


def _mod_class(word: str) -> str | None:
    w = word.lower().rstrip("-")
    for cls in ("past", "current", "future", "ignore"):
        if w in _mods()[cls] or w + "-" in _mods()[cls]:
            return cls
    return None


@dataclass
class Title:
    text: str
    start: int
    end: int
    head: Token
    current: bool | None = None
    later: bool = False
    future: bool = False


def title_at(facts: Facts, head: Token) -> Title | None:
    """The title a noun phrase headed by ``head`` names ("2019 campaign manager" -> "campaign manager")."""
    if head.pos_ not in {"NOUN", "PROPN"} or head.tag_ in {"NNS", "NNPS"} or facts.key(head.i):
        return None
    doc = head.doc
    words = [head]
    current: bool | None = None
    future = False  # "the incoming ambassador": not (yet) current
    i = head.i - 1
    inside = {head.i}
    while i >= 0:
        t = doc[i]
        if facts.key(i) and _run_into(facts, i, inside):
            j = i  # the run of names inside the title: "a former Clinton White House pollster"
            while j > 0 and facts.key(j - 1):
                j -= 1
            k = _modifier_before(doc, j)
            if k is not None:
                if _mod_class(doc[k].text) == "past":
                    current = False  # (said of the title however it is parsed: "a Republican and former Ohio governor")
                inside.update(range(j, i + 1))
                i = k  # "a former U.S. congressman", "a former two-term Ohio governor": the modifier counts
                continue
        if t.dep_ not in TITLE_DEPS or t.head.i not in inside or facts.key(i) or t.like_num:
            break
        cls = _mod_class(t.text)
        if cls == "ignore" and normalise(" ".join([t.text, *(w.text for w in words)])) in _titles():
            cls = None  # "senior vice president": the rank is part of a title of its own
        if cls or t.tag_ == "JJS":  # (a superlative describes the holder: "the youngest mayor")
            current = False if cls == "past" else (True if cls == "current" else current)
            future = future or cls == "future"
            inside.add(i)
            i -= 1
            continue
        if t.text in {"-", "–"}:
            if len(words) > 1 and words[0].i == i + 1:
                words.pop(0)  # "two-term city councilwoman": "term" belongs to "two-"
            k = _modifier_before(doc, i + 2)
            if _hyphen_mod(doc, i + 1) == "past" or (k is not None and _mod_class(doc[k].text) == "past"):
                current = False  # "a one-time aide", "a former two-term governor"
            break
        if not t.is_alpha and "-" not in t.text and "." not in t.text:
            break
        if t.pos_ == "PROPN" and t.text[:1].isupper() and not is_title(t.text) and \
                normalise(" ".join([t.text, *(w.text for w in words)])) not in _title_tails():
            break  # "an Obi delegate": a name we did not link is no part of the title (not "Attorney General",
            # not "Operating" of "Chief Operating Officer")
        words.insert(0, t)
        inside.add(i)
        i -= 1
    if len(words) > 1 and words[0].i > 0 and doc[words[0].i - 1].text in {"-", "–"}:
        k = _modifier_before(doc, words[0].i + 1)
        if _hyphen_mod(doc, words[0].i) == "past" or (k is not None and _mod_class(doc[k].text) == "past"):
            current = False  # "a one-time aide", "a former two-term governor"
        words.pop(0)  # "two-term city councilwoman": "term" belongs to "two-"
    first = words[0].i
    if first >= 2 and doc[first - 1].text in {"-", "–"} and _mod_class(doc[first - 2].text + "-") == "past":
        current = False  # "the ex-president", split in three tokens the parser left apart
    # Drop leading words that are not part of a title ("two-term city councilwoman" keeps "city councilwoman").
    text = " ".join(w.text for w in words)
    end = head.i + 1
    if head.i + 2 < len(doc) and doc[head.i + 1].lower_ == "of":
        longer = f"{normalise(text)} of {doc[head.i + 2].lower_}"
        if longer in _titles() or normalise(longer) in _titles():
            text, end = f"{text} of {doc[head.i + 2].text}", head.i + 3
    norm = normalise(text)
    if _no_post(norm):
        return None
    while norm and norm not in _titles() and len(norm.split()) > 1 and not is_title(norm):
        norm = " ".join(norm.split()[1:])
    if not is_title(norm):
        return None
    if norm in {"member", "partner", "head", "owner"} and not _has_of(head):
        return None  # too generic without "of"/"at" an organisation
    if any(c.dep_ == "amod" and c.i < head.i and c.lower_ in _mods()["evaluative"] for c in head.children):
        return None  # "the best mayor the city has had", "the real mayor of the city": praise, not a post
    if norm.split()[-1] in PORTFOLIO_TITLES and end == head.i + 1:
        portfolio = _portfolio(head)
        if portfolio:
            norm, end = f"{norm} of {' '.join(w.lower_ for w in portfolio)}", portfolio[-1].i + 1
    if norm.split()[-1] in PORTFOLIO_TITLES or norm == "secretary of state":
        brief = _portfolio_for(doc, end)
        if brief:  # "secretary of state for the elderly", "minister for higher education"
            norm, end = f"{norm} for {' '.join(w.lower_ for w in brief)}", brief[-1].i + 1
    if norm in REMIT_TITLES and end == head.i + 1:
        remit = _remit(head)
        if remit:  # "head of retail at Harbor Bank": the title is the head of that unit, not of the bank
            norm, end = f"{norm} of {' '.join(w.lower_ for w in remit)}", remit[-1].i + 1
    if _at_the_time(head):
        current = False  # "the minister of finance at the time the tax was introduced"
    for c in head.children:
        if c.dep_ == "advmod" or (c.dep_ == "compound" and c.pos_ == "ADV"):
            low = c.lower_
            if low in {"then", "formerly", "once"}:
                current = False
            elif low in {"now", "currently"}:
                current = True
    later = any(c.lower_ in {"later", "subsequently", "eventually", "then"} and c.i < head.i and c.i >= head.left_edge.i
                for c in head.subtree if c.pos_ == "ADV" and c.head.i in {head.i, *[x.i for x in head.children]})
    if head.dep_ == "conj" and later:
        current = None
    elif later and current is False:
        later = False  # "then a councilwoman" is past, not later
    return Title(norm, words[0].i, end, head, current, later and head.dep_ == "conj", future)


PORTFOLIO_TITLES = frozenset({"secretary", "minister", "commissioner", "undersecretary"})
# titles that name no post without the unit they head ("head of retail", "vice president of sales")
REMIT_TITLES = frozenset({"head", "chief", "director", "vice president", "senior vice president",
                          "executive vice president", "manager", "general manager"})
LOWER_ONLY_MODIFIERS = frozenset({"fellow"})  # before a name in lower case, a word of kinship or peerage
# one-word "organisations" that only name a department's portfolio ("Labor Secretary"): kept as the org
PORTFOLIO_WORDS = frozenset({"defense", "labor", "justice", "energy", "commerce", "interior", "agriculture",
                             "education", "transportation", "homeland", "veterans", "health"})


def _portfolio(head: Token) -> list[Token]:
    """The bare portfolio after "of" that completes a minister's title ("secretary of labor", "minister of
    homeland security"); not a body with an article or a name ("secretary of the club")."""
    prep = next((c for c in head.children if c.dep_ == "prep" and c.lower_ == "of" and c.i == head.i + 1), None)
    if prep is None:
        return []
    obj = next((p for p in prep.children if p.dep_ == "pobj"), None)
    if obj is None or obj.pos_ != "NOUN" or obj.tag_ == "NNS":
        return []
    words = list(head.doc[prep.i + 1 : obj.i + 1])
    if not all(t.is_alpha and t.is_lower and (t.i == obj.i or (t.dep_ in {"compound", "amod"} and t.head.i == obj.i))
               for t in words):
        return []
    return words


def _portfolio_for(doc: Any, at: int) -> list[Token]:
    """The brief after "for" at ``at`` that completes a minister's title: a few lower-case words ending on a
    noun ("for the elderly", "for higher education"); not a person or body ("for Ada Obi", "for the firm's
    clients" ends on a plural with a possessive)."""
    if at >= len(doc) or doc[at].lower_ != "for":
        return []
    words: list[Token] = []
    for t in doc[at + 1 : at + 1 + PORTFOLIO_FOR_WORDS]:
        if not (t.is_alpha and t.is_lower):
            break
        words.append(t)
    while words and words[-1].pos_ not in {"NOUN", "ADJ"}:
        words.pop()
    bodies = (set(_mods()["member_bodies"]) | set(_mods()["org_heads"]) | lexicons.load("facts/generic_org_words")) \
        - PORTFOLIO_WORDS
    if not words or words[-1].lemma_.lower() in bodies or words[-1].lower_ in {"firm", "club", "city", "state"}:
        return []  # "secretary for the club": the body the post is in, not its brief
    if words[0].lower_ == "the" and len(words) > 1:
        return words
    return words if words and words[0].pos_ in {"NOUN", "ADJ"} and words[-1].pos_ == "NOUN" else []


PORTFOLIO_FOR_WORDS = 4


def _remit(head: Token) -> list[Token]:
    """The unit after "of" that a generic title heads ("head of retail", "vice president of human resources"):
    lower-case words with no article or name (not "head of the fund", "director of Harbor Bank")."""
    prep = next((c for c in head.children if c.dep_ == "prep" and c.lower_ == "of" and c.i == head.i + 1), None)
    obj = next((p for p in prep.children if p.dep_ == "pobj"), None) if prep is not None else None
    if obj is None or obj.pos_ != "NOUN":
        return []
    words = list(head.doc[head.i + 2 : obj.i + 1])
    if not all(t.is_alpha and t.is_lower and (t.i == obj.i or (t.dep_ in {"compound", "amod"} and t.head.i == obj.i))
               for t in words):
        return []
    return words


def _at_the_time(head: Token) -> bool:
    """The title is dated "at the time" ("the minister of finance at the time"): held then, not now."""
    for c in head.children:
        if c.dep_ == "prep" and c.lower_ == "at":
            obj = next((p for p in c.children if p.dep_ == "pobj"), None)
            if obj is not None and obj.lower_ == "time" and any(d.lower_ in {"the", "that"} for d in obj.children):
                return True
    return False


def _of_common_noun(head: Token) -> bool:
    """``chair of the harbor board``: the title says of what in words (a name we failed to link,
    "president of Wealth-X", says nothing once the name is left out)."""
    return any(c.dep_ == "prep" and c.lower_ in {"of", "at"} and p.dep_ == "pobj" and p.pos_ == "NOUN"
               for c in head.children for p in c.children)


RANKS = frozenset({"senior", "executive", "assistant", "associate", "regional", "deputy", "group"})


def _ranked(head: Token) -> bool:
    """A firm's rank or remit on the title ("senior vice president for sustainability"): not an office of
    state, whatever its words."""
    return any((c.dep_ in {"amod", "compound"} and c.lower_ in RANKS) or (c.dep_ == "prep" and c.lower_ == "for")
               for c in head.children)


def _has_of(head: Token) -> bool:
    return any(c.dep_ == "prep" and c.lower_ in {"of", "at"} for c in head.children)


def _year_in(facts: Facts, head: Token) -> str | None:
    """A time inside the title's own phrase ("Obi's 2019 campaign manager")."""
    sub = [t for t in head.subtree if not (t.dep_ == "conj" and t.head.i == head.i)]
    own = [t for t in sub if t.head.i == head.i or t.i == head.i]
    lo, hi = min(t.idx for t in own), max(t.idx + len(t) for t in own)
    # (not a time of a clause on the title: "the release his adviser, X, issued last week")
    clausal = {t.i for c in head.children if c.dep_ in {"relcl", "acl", "advcl", "appos"} for t in c.subtree}
    starts = {t.idx for t in sub if t.i not in clausal}
    times = [tm for tm in facts.times_in(lo, hi) if tm.start in starts]
    if times:
        return times[0].value
    for t in own:
        if t.like_num and len(t.text) == YEAR_LEN and t.text[:2] in {"19", "20"}:
            return t.text
    return None


def _past_year_in(facts: Facts, head: Token) -> str | None:
    """A year before publication in a phrase the title governs ("chief strategist in his 2012
    campaign", "director of surrogates for Obama's 2008 campaign"): the post was held then."""
    pub = _pub_year(facts)
    if pub is None:
        return None
    for c in head.children:
        if c.dep_ != "prep" or c.lower_ not in {"in", "for", "of", "during", "on", "with", "to"}:
            continue
        clausal = {t.i for d in c.subtree if d.dep_ in {"relcl", "acl", "advcl"} for t in d.subtree}
        for t in c.subtree:
            if t.like_num and len(t.text) == YEAR_LEN and t.text[:2] in {"19", "20"} and t.text.isdigit() and \
                    int(t.text) < pub and t.doc[t.i - 1].lower_ not in START_PREPS and t.i not in clausal:
                return t.text  # (not "chair of Harbor Bank, who died in 2014": the clause's time, not the post's)
    return None


RACES = frozenset({"campaign", "race", "bid", "candidacy", "run", "primary", "election", "convention", "transition"})


def _past_race(head: Token, year: str) -> bool:
    """The past year dates a campaign or race the title is held in ("X's 2008 campaign"): a race
    run before the year of publication is over, and so is a post in it."""
    return any(t.text == year and (t.head.lemma_.lower() in RACES or t.head.head.lemma_.lower() in RACES)
               for c in head.children if c.dep_ == "prep" for t in c.subtree)


def _race_post(head: Token) -> bool:
    """The title is held in a campaign or race ("treasurer for Ada Obi's campaign", "manager of her run")."""
    return any(p.dep_ == "pobj" and p.lemma_.lower() in RACES for c in head.children if c.dep_ == "prep"
               for p in c.children)


def _old_sentence(facts: Facts, head: Token) -> bool:
    """The title's sentence sets its scene, before the title, at a date two or more years before publication
    ("at the convention in 1976, in what X, treasurer for Y's campaign, called ..."; not "X, Y's spokeswoman,
    said Y lost in 2012")."""
    pub = _pub_year(facts)
    sent = head.sent
    return pub is not None and any(_old_value(tm.value, pub) and tm.type not in {"DURATION", "SET"}
                                   for tm in facts.times_in(sent.start_char, head.left_edge.idx))


def _pub_year(facts: Facts) -> int | None:
    raw = doc_state.published(facts.doc) or ""
    return int(raw[:YEAR_LEN]) if raw[:YEAR_LEN].isdigit() else None


def _long_ago(facts: Facts, toks: list[Token]) -> bool:
    """The clause stating a title is set two or more years before publication ("In 1964, Gov. X ...")."""
    pub = _pub_year(facts)
    if pub is None:
        return False
    value = facts.clause_time(toks) or _story_time(facts, toks[0])
    return _old_value(value, pub) or _old_opening(facts, toks[0], pub)


def _old_opening(facts: Facts, tok: Token, pub: int) -> bool:
    """The sentence opens on a time set off by a comma ("In 1999, a year after ..., Rep. X lined up"): the
    fronted time sets every clause after it, however the parser attached it."""
    sent = tok.sent
    if sent[0].lower_ not in {"in", "during", "by", "back", "before", "until", "between"} or tok.i <= sent.start:
        return False
    comma = next((t for t in sent if t.text == "," and t.i < tok.i), None)
    if comma is None or comma.i - sent.start > 6:  # "In late December 1999," at most
        return False
    return any(_old_value(tm.value, pub) for tm in facts.times_in(sent[0].idx, comma.idx))


def _old_value(value: str | None, pub: int) -> bool:
    """A TIMEX value two or more years before ``pub`` ("1964", "199X" for the 1990s, "19XX")."""
    head = (value or "")[:YEAR_LEN]
    if len(head) < YEAR_LEN or not head[:2].isdigit():
        return False
    digits = head.rstrip("X")
    if not digits.isdigit() or "X" in digits:
        return False
    year = int(digits + "9" * (YEAR_LEN - len(digits)))  # the last year of a decade or century
    return year <= pub - 2


def _history(facts: Facts, lo: int, hi: int) -> bool:
    """The phrase or its clause is set in the past: a long-ago time in a relative clause of the title ("the
    counsel who pursued X across the 1990s"), a named war ("a World War II general", "during the Korean War,
    when Gen. X ..."), or another title of the sentence marked as held then ("Mrs. Obi, then the secretary of
    state", "then-Gov. Lane")."""
    doc = facts.doc
    pub = _pub_year(facts)
    head = doc[hi]
    if pub is not None:
        for rel in (c for c in head.children if c.dep_ == "relcl"):
            lo_c, hi_c = rel.left_edge, rel.right_edge
            # "X's manager, who ran Y's 2012 race": a clause set off by a comma is about the person
            if doc[lo_c.i - 1].text == "," or any(facts.type(facts.key(i)) == "PERSON"
                                                  for i in range(head.i + 1, lo_c.i)):
                continue
            if any(_old_value(t.value, pub) for t in facts.times_in(lo_c.idx, hi_c.idx + len(hi_c))):
                return True
    sent = doc[lo].sent
    for tm in facts.times_in(sent.start_char, sent.end_char):
        if _years(tm.value) < 2:
            continue  # "Thirteen years after President X embarked on ...": X's clause is set that long ago
        after = next((t for t in sent if t.idx >= tm.end and not t.is_space), None)
        if after is None or after.lower_ not in {"after", "since"} or after.idx - tm.end > 1:
            continue
        scope = after.head if after.dep_ == "mark" else after
        if any(t.i == lo for t in scope.subtree):
            return True
    clause = syntax.clause_tokens([doc[lo], head])
    own = {t.i for t in clause} | set(range(lo, hi + 1))
    top = syntax.highest(clause) if clause else head
    wars = set(_mods()["history_nouns"])
    for e in doc.ents:
        if e.label_ == "EVENT" and any(w.lower_ in wars and w.text[:1].isupper() for w in e) and (
                any(w.i in own for w in e) or top.head.i in {a.i for w in e for a in (w, w.head, w.head.head)}):
            return True
    for t in doc[lo].sent:
        if lo <= t.i <= hi:
            continue
        if _then_title(doc, t):
            return True
    return False


def _years(value: str | None) -> float:
    """The years a TIMEX duration spans ("P13Y" 13, "P2DE" 20; 0 for anything else)."""
    m = re.fullmatch(r"P(\d+)(Y|DE|CE|C)", value or "")
    if m is None:
        return 0
    return int(m.group(1)) * {"Y": 1, "DE": 10, "CE": 100, "C": 100}[m.group(2)]


def _then_title(doc: Any, t: Token) -> bool:
    """``t`` marks a title as held then: "then-Gov.", "then - senator", "Mrs. Obi, then the secretary"."""
    low = t.lower_
    nxt = [w.text for w in doc[t.i + 1 : t.i + 3]]
    if low.startswith("then-") and len(low) > len("then-"):
        return is_title(low[len("then-"):])
    if low in {"then-", "then"} and nxt[:1] == ["-"] and len(nxt) > 1:
        return is_title(nxt[1])
    if low == "then-" and nxt:
        return is_title(nxt[0])
    return low == "then" and t.dep_ == "advmod" and t.head.pos_ in {"NOUN", "PROPN"} and is_title(t.head.text)


def _story_time(facts: Facts, tok: Token) -> str | None:
    """The time a past-tense sentence inherits from the sentence before it in the same paragraph
    ("In 1980, the party chose X. (X also benefited from President Y's ...)")."""
    sent = tok.sent
    if sent.root.tag_ != "VBD" or sent.start == 0:
        return None
    prev = facts.doc[sent.start - 1].sent
    if "\n" in facts.doc[prev.start:sent.start + 1].text.strip():
        return None  # a new paragraph starts a new story
    return facts.clause_time([prev.root])


def _truncated_org(facts: Facts, tok: Token, key: str) -> bool:
    """An organisation whose mention lost the words of its name: "Caucus" out of "the Congressional
    Black Caucus", "Association" out of "the Cleveland Police Patrolmen's Association"."""
    if facts.type(key) not in {"ORG", "GROUP", "OUTLET"}:
        return False  # a person's name is resolved by coreference, with its honorific outside the mention
    spans = [(a, b) for a, b, k, _ in facts.mention_spans if k == key and a <= tok.i < b]
    if not spans:
        return False
    start, end = spans[0]
    if end - start > 1:
        return False
    head = facts.doc[start]
    return any(c.i < head.i and c.dep_ in {"compound", "amod", "poss", "nmod"} and c.text[:1].isupper()
               and facts.key(c.i) != key and c.pos_ in {"PROPN", "ADJ"} for c in head.children)


FUNCTION_WORDS = frozenset({"of", "for", "and", "the", "to", "on", "in", "at", "&"})


def _broken_org(facts: Facts, key: str) -> bool:
    """An organisation name cut short: it ends in a function word ("Conference of Presidents of") or is one
    generic noun alone ("College", "Council": the rest of its name was lost)."""
    words = (facts.records.get(key) or {}).get("name", "").split()
    if not words or facts.type(key) not in {"ORG", "GROUP", "OUTLET"}:
        return False
    if words[-1].lower() in FUNCTION_WORDS or (words[0].isalpha() and words[0].islower()):
        return True  # (a name that opens on a common word is a unit phrase: "advocacy for the Harbor Union")
    refs = lexicons.json("facts/org_references")
    return len(words) == 1 and (words[0].lower() in refs["nouns"] or words[0].lower() in refs["bodies"])


def _unit_of(facts: Facts, p: Token, key: str) -> bool:
    """``key`` only modifies a unit the title is held in ("the House education committee": not the House)."""
    if facts.key(p.i) or p.pos_ != "NOUN":
        return False
    mods = [c for c in p.children if c.dep_ in {"compound", "amod"} and c.i < p.i]
    named = [c for c in mods if facts.key(c.i) == key]
    return bool(named) and any(c.is_lower and c.i > named[0].i and not facts.key(c.i) for c in mods)


def _named_body(facts: Facts, noun: Token) -> str | None:
    """The organisation a name before a common noun links ("a member of the Teamsters union")."""
    if noun.pos_ != "NOUN" or facts.key(noun.i):
        return None
    names = [facts.key(c.i) for c in noun.children if c.dep_ == "compound" and c.i < noun.i]
    keys = [k for k in names if k and facts.type(k) in {"ORG", "GROUP", "OUTLET"}]
    return keys[-1] if len(keys) == 1 else None


def _own_name(facts: Facts, noun: Token) -> bool:
    """A common noun with a capitalised name of its own that is not linked to a body ("the Teamsters union"):
    it names its own body, not one named earlier."""
    return noun.pos_ == "NOUN" and any(
        c.dep_ in {"compound", "amod", "nmod"} and c.i < noun.i and c.text[:1].isupper() and c.pos_ == "PROPN"
        and facts.type(facts.key(c.i)) not in {"ORG", "OUTLET", "GROUP", "GPE", "LOC"} for c in noun.children)


def _place_or_org(facts: Facts, key: str) -> str | None:
    """The entity's type, an organisation for a "place" whose name ends in a word that names a body
    ("the Brennan Center for Justice", "the South Carolina Republican Party" typed as places), a person for
    a "place" named as a person of the article is."""
    typ = facts.type(key)
    if typ in {"GPE", "LOC"}:
        name = (facts.records.get(key) or {}).get("name", "").lower().split()
        heads = set(_mods()["org_heads"])
        if len(name) > 1 and (name[-1] in heads or (any(w in heads for w in name[1:-1]) and "for" in name)):
            return "ORG"
        if name and any(k != key and r.get("type") == "PERSON" and r.get("name", "").lower().split() == name
                        for k, r in facts.records.items()):
            return "PERSON"  # "Obama's secretary of state" with one "Obama" typed a place: the person's name
    return typ


def _holder_of(facts: Facts, head: Token, person: str) -> tuple[str | None, str | None, str | None]:
    """(org, place, type of org) from a possessor or a prepositional object of the title."""
    org = place = org_type = None
    for c in head.children:
        cands: list[Token] = []
        if c.dep_ == "poss":
            cands = [c]
        elif c.dep_ == "prep" and c.lower_ in ROLE_PREPS:
            cands = [p for p in c.children if p.dep_ == "pobj"]
            # "director of the company's Paris office": the possessor is the organisation
            cands += [q for p in cands if p.pos_ == "NOUN" and not facts.key(p.i) for q in p.children
                      if q.dep_ == "poss" and facts.type(facts.key(q.i)) in {"ORG", "OUTLET", "GROUP"}]
        for p in cands:
            key = facts.first(p, {"PERSON", "ORG", "OUTLET", "GPE", "LOC", "GROUP"}) or _named_body(facts, p)
            if key is None and not _own_name(facts, p):
                key = facts.org_ref(p, {"ORG", "OUTLET", "GPE", "GROUP", "WORK"})
            if key is None or key == person or (facts.key(p.i) == key and _truncated_org(facts, p, key)) or \
                    _unit_of(facts, p, key):
                continue  # a truncated name is dropped rather than shown as the organisation
            typ = _place_or_org(facts, key)
            if typ in {"GPE", "LOC"} and c.lower_ == "on":
                continue  # "an adviser on Syria": the place is the post's subject, not where it is held
            if typ in {"GPE", "LOC"} and place is None:
                place = key
            elif typ not in {"GPE", "LOC"} and org is None:
                org, org_type = key, "ORG" if typ == "WORK" else typ
    return org, place, org_type


def _time_range(facts: Facts, verb: Token) -> dict[str, str]:
    """start/end/when from the time expressions of a verb's own clause ("from 2018 until last month")."""
    toks = syntax.clause_tokens([verb])
    own = {t.i for t in toks}
    lo = min(t.idx for t in toks)
    hi = max(t.idx + len(t) for t in toks)
    out: dict[str, str] = {}
    for tm in facts.times_in(lo, hi):
        if tm.type in {"DURATION", "SET"} or duration(tm.value):
            continue  # "for 36 years", "every two years": how long or how often, not when
        tok = next((t for t in toks if t.idx <= tm.start < t.idx + len(t)), None)
        if tok is None or tok.i not in own:
            continue
        prev = tok.doc[tok.i - 1].lower_ if tok.i else ""
        slot = "start" if prev in START_PREPS else "end" if prev in END_PREPS else "when"
        out.setdefault(slot, tm.value)
    if not out:
        value = facts.clause_time([verb])
        if value and not duration(value):
            out["when"] = value
    return out


# --- the four sources --------------------------------------------------------------------------


def _in_title_run(facts: Facts, t: Token) -> bool:
    """A token that may precede a name as part of its title: a title word, a modifier, a place or org."""
    if t.text == "." and t.i > 0 and not t.doc[t.i - 1].whitespace_ and \
            f"{t.doc[t.i - 1].lower_}." in _mods()["abbreviations"]:
        return True  # "Lt. Gov. X" split as "Lt", ".", "Gov.": the point belongs to the abbreviation
    if t.is_space:
        return "\n" not in t.text  # "former\u00a0Georgia Gov. X": a no-break space; a line break ends the run
    key = facts.key(t.i)
    if key:
        # "former Obama adviser Ada Obi", "former Ada Obi speechwriter": a person named inside the title run
        # only with a modifier before the whole name
        if facts.type(key) != "PERSON":
            return True
        first = min((a for a, b, k, _ in facts.mention_spans if k == key and a <= t.i < b), default=t.i)
        return first > 0 and _mod_class(t.doc[first - 1].text) == "past"
    if not (t.text in {"-", "–"} or t.is_alpha or t.text.endswith(".")):
        return False
    if t.text in {"-", "–"}:  # "then-Gov. Ada Obi": the hyphen joins a modifier to the title
        return t.i > 0 and _mod_class(t.doc[t.i - 1].text) is not None
    return bool(t.text[:1].isupper() or _mod_class(t.text) or is_title(t.text))


def _in_scare_quotes(doc: Any, start: int, end: int) -> bool:
    """The title and name alone inside quotation marks: ``cheer for "President Ada Obi."``."""
    if start == 0 or not doc[start - 1].is_quote:
        return False
    after = doc[end : end + 2]
    return any(t.is_quote for t in after) and all(t.is_quote or t.is_punct for t in after[:1])


OPENING_QUOTES = frozenset({"“", "``"})
CLOSING_QUOTES = frozenset({"”"})
COURTESY_QUOTED = 0.55  # "President Carter", "Secretary Obi" in someone's words: a form of address, kept after leaving
PARAGRAPH_REACH = 400  # tokens: far longer than a news paragraph


def in_quotation(doc: Any, i: int) -> bool:
    """Token ``i`` lies between quotation marks of its paragraph (curly marks pair; straight ones toggle)."""
    j = i - 1
    inside = False
    floor = max(-1, i - PARAGRAPH_REACH)  # a body with no line breaks is not one paragraph to walk per role
    while j > floor and "\n" not in doc[j].text:
        j -= 1
    for t in doc[j + 1 : i]:
        if not t.is_quote or t.text in {"'", "’", "‘"}:
            continue  # single marks are apostrophes as often as quotation marks
        if t.text in OPENING_QUOTES:
            inside = True
        elif t.text in CLOSING_QUOTES:
            inside = False
        else:
            inside = not inside
    return inside


def _premodifier(facts: Facts) -> list[Found]:
    """``Vice President Ada Obi``, ``former Gov. Ned Vale``, ``Calloway Courier editor Paul Ngata``."""
    doc = facts.doc
    out: list[Found] = []
    seen: set[str | None] = set()
    for start, _end, key, kind in facts.mention_spans:
        if facts.type(key) != "PERSON" or kind not in {"name", "alias", "possessive"} or start == 0:
            continue
        j = start - 1
        run: list[Token] = []
        while j >= 0:
            t = doc[j]
            if _in_title_run(facts, t) or (run and t.is_lower and normalise(f"{t.text} {run[0].text}") in _titles()) \
                    or (run and _lower_title_word(t, run)):
                run.insert(0, t)  # the lower-case half of "White House press secretary Josh Earnest"
            else:
                break
            j -= 1
        lost = False
        while run and run[0].lemma_.lower() in _mods()["dismissal_verbs"] and run[0].i > 0 and \
                doc[run[0].i - 1].lower_ == "to":
            run.pop(0)  # "the decision to fire campaign manager X": the verb, parsed into the title
            lost = True
        if not run or _in_scare_quotes(doc, run[0].i, _end):
            continue  # cheering for "President Ada Obi": a wish or a slogan, not a post held
        name = doc[_end - 1]
        if name.dep_ in {"nsubj", "nsubjpass"} and name.head.dep_ == "relcl" and \
                name.head.head.i in {t.i for t in run}:
            continue  # "the federal judge Obi was referring to": Obi is the subject of a clause about the judge
        lost = lost or _lost_post(doc, run[0].i) or _former_conjunct(facts, run[0].i)
        words = [t for t in run if facts.key(t.i) is None and t.text not in {"-", "–"} and not t.is_space]
        title = None
        for n in range(len(words)):
            if words[n].text == ".":
                continue
            cand = _join(words[n:])
            if normalise(cand) in _titles() or normalise(cand) in _mods()["abbreviations"]:
                title = normalise(cand)
                lead = words[:n]
                break
        if title is None or title in _mods()["honorifics"]:
            continue
        if title in LOWER_ONLY_MODIFIERS and words[-1].is_lower:
            continue  # "his fellow Oromos", "a fellow senator": a peer, not a fellowship held
        elected = lexicons.load("facts/role_titles_elected")
        while lead and lead[-1].is_lower and lead[-1].tag_ == "NN" and lead[-1].dep_ == "compound" and \
                _mod_class(lead[-1].text) is None and title not in elected:
            title = f"{lead[-1].lower_} {title}"  # "campaign manager", "radio host" (not "convention senator")
            lead = lead[:-1]
        current: bool | None = not lost
        if _hyphen_mod(doc, run[0].i - 1) == "past":
            current = False  # "One-time Gov. Ada Obi": the modifier split in three tokens
        guessed = _would_be(doc, run[0].i)
        for w in lead:
            cls = _mod_class(w.text)
            if cls == "past":
                current = False
            elif cls == "future":
                current = None
            guessed = guessed or w.lower_ in _mods()["speculative"]
        # "would-be Gov. X"; "a President Ada Obi would ...": an article before a title and name supposes one
        article = run[0] if run[0].lower_ in {"a", "an"} else doc[run[0].i - 1] if run[0].i > 0 else None
        guessed = guessed or (
            article is not None and article.lower_ in {"a", "an"} and current is True and
            any(w.text[:1].isupper() for w in run if w is not article) and
            not (name.dep_ in {"compound", "poss"} and name.head.i >= _end))  # (not "a Sen. Obi ally")
        if guessed:
            current = None
        org = place = org_type = None
        for t in reversed(run):
            k = facts.key(t.i)
            if k is not None and facts.type(k) in {"ORG", "OUTLET", "GROUP"} and _split_name(facts, t, k, run):
                continue  # "Log Cabin Republicans president X": one name split in two
            if k is None and t in lead:
                k = facts.org_ref(t, bare=True)  # "Union president Ada Obi": the union named earlier
            if k is None:
                continue
            typ = _place_or_org(facts, k)
            if typ in {"GPE", "LOC"}:
                place = place or k
            elif typ in {"ORG", "OUTLET", "GROUP"}:
                org, org_type = org or k, org_type or typ
        first = run[0].i
        if org is None and place is None and first >= 2 and doc[first - 1].tag_ == "POS":
            k = facts.key(first - 2)  # "Planned Parenthood's president Ada Obi": the possessor is the employer
            typ = facts.type(k) if k else None
            if typ in {"ORG", "OUTLET", "GROUP"}:
                org, org_type = k, typ
            elif typ in {"GPE", "LOC"}:
                place = k
        sig = f"{key}|{title}|{org}|{place}"
        if sig in seen:
            continue
        seen.add(sig)
        role = Role(person=key, title=title, org=org, place=place, current=current)
        # "President Ada Obi" (a head of state or government), not "led by president Ada Obi"
        # (not "Harbor Bridge President Ada Obi": a name we did not link is the organisation, lost)
        capital = words[len(lead)].text[:1].isupper() and title in _mods()["head_titles"] and not any(
            w.tag_ in {"NNP", "NNPS"} and _mod_class(w.text) is None and w.is_alpha for w in lead)
        prior = 0.85
        if org is None and place is None and title in _mods()["courtesy_titles"] and in_quotation(doc, start):
            role.current, prior = None, COURTESY_QUOTED
        if role.current is True and _patron_of_past_post(facts, name):
            role.current, prior = None, PAST_PATRON
        out.append(Found(role, start, org_type, confidence=prior, lo=run[0].i, premod=capital, named=True,
                         future=guessed))
    return out


def _patron_of_past_post(facts: Facts, name: Token) -> bool:
    """The titled name is whom a past post was held under or for ("the former director under President Ada
    Obi", "a onetime adviser to Gov. Bo Lane", "served under Mayor Obi"): the title is dated by that post,
    so whether it is held today is not said."""
    tok = name
    while tok.dep_ in {"conj", "appos"} and tok.head.i != tok.i:
        tok = tok.head  # "... under President A and President B"
    prep = tok.head
    if tok.dep_ != "pobj" or prep.lower_ not in PATRON_PREPS:
        return False
    post = prep.head
    if post.pos_ == "VERB" or post.pos_ == "AUX":
        return post.lemma_.lower() in SERVING_VERBS and post.tag_ in {"VBD", "VBN"} and prep.lower_ == "under"
    return title_at(facts, post) is not None and any(
        _mod_class(c.text) == "past" for c in post.children if c.dep_ in {"amod", "advmod", "compound"})


def _run_into(facts: Facts, i: int, inside: set[int]) -> bool:
    """The run of names ending at ``i`` hangs on the title ("Office of Management and Budget director": only
    "Office" is the title's dependant)."""
    key = facts.key(i)
    j = i
    while j >= 0 and facts.key(j) == key:
        if facts.doc[j].head.i in inside:
            return True
        j -= 1
    return False


def _modifier_before(doc: Any, first: int) -> int | None:
    """The modifier of the title class ("former", "incoming") before the words starting at ``first``, past the
    hyphenated words and rank-free adjectives between ("a former two-term", "a former longtime")."""
    k = first - 1
    while k >= 0:
        if k >= 2 and doc[k - 1].text in {"-", "–"} and doc[k].is_alpha and _mod_class(doc[k].text) is None:
            k -= 3  # "two - term"
        elif _mod_class(doc[k].text) == "ignore":
            k -= 1
        else:
            break
    return k if k >= 0 and _mod_class(doc[k].text) not in {None, "ignore"} else None


def _hyphen_mod(doc: Any, last: int) -> str | None:
    """The class of a hyphenated modifier split in three tokens and ending at ``last`` ("one - time")."""
    if last < 2 or last >= len(doc) or doc[last - 1].text not in {"-", "–"}:
        return None
    return _mod_class(f"{doc[last - 2].lower_}-{doc[last].lower_}")


def _would_be(doc: Any, first: int) -> bool:
    """The title run follows "would-be" (one token or three): a post someone hopes for, not one held."""
    prev = [t.lower_ for t in doc[max(0, first - 3) : first]]
    return prev[-1:] == ["would-be"] or prev[-3:] == ["would", "-", "be"]


def _split_name(facts: Facts, tok: Token, key: str, run: list[Token]) -> bool:
    """The organisation's mention runs straight into another capitalised name of the title run ("Log Cabin" +
    "Republicans"): one name split in two, so neither part is the organisation."""
    ends = [b for a, b, k, _ in facts.mention_spans if k == key and a <= tok.i < b]
    nxt = ends[0] if ends else tok.i + 1
    inside = {t.i for t in run}
    if nxt not in inside:
        return False
    t = facts.doc[nxt]
    other = facts.key(nxt)
    return t.text[:1].isupper() and other is not None and other != key and facts.type(other) == "NORP"


def _former_conjunct(facts: Facts, first: int) -> bool:
    """The run follows "and" after a title that "former" governs: "Former prosecutor and New York City Mayor X",
    "former Pennsylvania Gov. and party Chairman X": "former" is said of both titles (not "former Gov. A and
    Mayor B", where it is A's)."""
    doc = facts.doc
    if first < 2 or doc[first - 1].lower_ != "and":
        return False
    for t in reversed(doc[max(0, first - 8) : first - 1]):
        if facts.type(facts.key(t.i)) == "PERSON":
            return False
        if _mod_class(t.text) == "past":
            return True
        if (t.is_punct and t.text != ".") or not (t.text[:1].isupper() or is_title(t.text) or t.text == "."):
            return False
    return False


def _join(words: list[Token]) -> str:
    """The words of a title run as text, a split-off point rejoined to its abbreviation ("Lt" "." -> "Lt.")."""
    text = ""
    for w in words:
        text = text + "." if w.text == "." and text else f"{text} {w.text}".strip()
    return text


def _lost_post(doc: Any, first: int) -> bool:
    """The phrase starting at ``first`` names someone who no longer holds the post: the object of a dismissal
    ("fired campaign manager X") or named after a death or ouster ("the suicide of deputy counsel X")."""
    if first == 0:
        return False
    prev = doc[first - 1]
    if prev.lemma_.lower() in _mods()["dismissal_verbs"] and (
            prev.tag_ in {"VBD", "VBN"} or (first >= 3 and doc[first - 2].lower_ == "to"
                                            and doc[first - 3].lemma_.lower() in {"decision", "move", "vote"})):
        return True  # "fired X", "the decision to fire X" (not "will fire X", "threatened to fire X")
    nouns = set(_mods()["death_nouns"]) | set(_mods()["loss_nouns"])
    return prev.lower_ == "of" and first >= 2 and doc[first - 2].lemma_.lower() in nouns and \
        not modality.unrealised([doc[first - 2]])  # (not "called for the resignation of X": asked for, not done)


def _lower_title_word(t: Token, run: list[Token]) -> bool:
    """A lower-case word modifying the title run that follows it: "campaign" in "Trump campaign manager
    Ada Obi", "homeland" in "former homeland security secretary Ada Obi"."""
    return t.is_lower and t.is_alpha and t.tag_ in {"NN", "JJ"} and t.dep_ in {"compound", "amod"} and \
        t.head.i in {r.i for r in run} and _mod_class(t.text) not in {"past", "future"} and \
        is_title(run[-1].text)


def _from_np(facts: Facts, head: Token, person: str, anchor: int, base: float = 0.8) -> list[Found]:
    """Roles named by a noun phrase about ``person`` (and by its "and later ..." conjuncts)."""
    out: list[Found] = []
    chain = [head] + [c for c in head.children if c.dep_ == "conj"]
    for n, h in enumerate(chain):
        t = title_at(facts, h)
        if t is None:
            continue
        org, place, org_type = _holder_of(facts, h, person)
        if org is None and place is None:
            place = _compound_place(facts, h)  # "a Washington state delegate"
        bare = t.text.split(" of ")[0]  # "head of global human resources" is a "head" of the firm named in it
        if org is None and (bare in _mods()["bare_titles"] or t.text in PORTFOLIO_TITLES):
            org, org_type = _compound_org(facts, h, person)  # "a former IBM vice president of sales"
        title = t.text
        if org is None and place is None and t.text in _mods()["bare_titles"] and t.end == h.i + 1:
            unit = _unit_phrase(facts, h)
            if unit:  # "chair of the party's platform committee": the body in words, no name to link
                title = f"{t.text} of {unit}"
        when = _year_in(facts, h)
        past_year = _past_year_in(facts, h)
        when = when or past_year
        current = t.current
        if n == 0 and len(chain) > 1 and any(title_at(facts, c) and title_at(facts, c).later for c in chain[1:]):  # type: ignore[union-attr]
            current = False if current is None else current
        if n > 0 and current is None and not t.later and _shares_past(facts, chain[0], h) and \
                not any(c.dep_ == "det" for c in h.children):  # "a retired executive and a fellow": two phrases
            current = False  # "a former governor and two-term mayor": "former" is said of both
        if past_year and current is True:
            current = None  # "now ... in the 2012 campaign" is not said of today
        if past_year and current is None and _past_race(h, past_year):
            current = False  # "spokeswoman for X's 2000 presidential campaign": that race is over
        if current is not False and _past_org(h):
            current = False  # "a top adviser to Ada Obi's former campaign": the campaign is over
        prior = base
        if current is not False and not past_year and _race_post(h) and _old_sentence(facts, h):
            current, prior = None, min(base, LONG_AGO)  # "in 1976, ..., treasurer for X's campaign": over? unsaid
        if current is not False and _died_clause(facts, h):
            current = False  # "the chairman of Harbor Bank, who died in 2014": no post is held after death
        end = _ended_until(facts, h)
        if current is not False and end:
            current = False  # "X's chief of staff until last year": the post ended before the article
        role = Role(person=person, title=title, org=org, place=place, when=when, current=current, end=end)
        dated = False
        if t.later or t.future or (current is None and when) or prior < base:
            dated = True  # "later her chief of staff", "his 2019 campaign manager": not known to be current
        # "its chair", "the board's chair": said of whom; "became vice president": an office of state
        # (a possessive pronoun we could not link, "its acting chairman", says no more than no possessor:
        # reviewers judge the organisation lost; "the board's chair" at least names the body in words)
        said_whose = any(c.dep_ == "poss" and c.pos_ != "PRON" for c in h.children) or _of_common_noun(h)
        owned = (t.text != "member" and said_whose) or (t.text in _mods()["head_titles"] and not _has_of(h)
                                                        and not _ranked(h))
        out.append(Found(role, anchor, org_type, confidence=prior, lo=h.left_edge.i, hi=h.i, dated=dated,
                         future=t.future, premod=owned, later=t.later))
    return out


def _died_clause(facts: Facts, head: Token) -> bool:
    """A relative clause on the title's phrase tells the holder's death ("the chairman of X, who died in 2014");
    not one on another person named in it ("the chair of the fund named for Bo Lane, who died in 2010")."""
    return any(t.dep_ == "relcl" and t.lemma_.lower() == "die" and t.tag_ in {"VBD", "VBN"} and
               facts.type(facts.key(t.head.i)) != "PERSON" and
               any(c.dep_ == "nsubj" and c.lower_ == "who" for c in t.children) for t in head.subtree)


def _unit_phrase(facts: Facts, head: Token) -> str | None:
    """The unnamed body after "of" that a bare title heads, in the article's words ("chair of the party's
    platform drafting committee", "chief of the division's voting section"); None for a name, a body
    named earlier ("the company"), a plural or a long phrase."""
    prep = next((c for c in head.children if c.dep_ == "prep" and c.lower_ == "of" and c.i == head.i + 1), None)
    obj = next((p for p in prep.children if p.dep_ == "pobj"), None) if prep is not None else None
    if obj is None or obj.pos_ != "NOUN" or obj.tag_ == "NNS" or facts.org_ref(obj) is not None:
        return None
    words = list(head.doc[head.i + 2 : obj.i + 1])
    if len(words) > UNIT_WORDS or any(facts.key(w.i) for w in words) or not all(
            (w.is_alpha and w.is_lower) or w.tag_ == "POS" for w in words):
        return None
    if words[0].lower_ not in {"the", "its", "their", "his", "her"} or len(words) < UNIT_MIN_WORDS:
        return None  # (no article: "head of retail" is a remit, kept by title_at; "the department": one named before)
    return "".join(w.text_with_ws for w in words).strip()


UNIT_WORDS = 7
UNIT_MIN_WORDS = 3  # an article, a word that says which, the body


def _ended_until(facts: Facts, head: Token) -> str | None:
    """The value of a time before publication that an "until"/"till" phrase of the title ends it at
    ("chief of staff until last year", "a member of the board until 2012"); None if it ends later or never."""
    pub = doc_state.published(facts.doc) or ""
    if not pub:
        return None
    for c in head.children:
        if c.dep_ != "prep" or c.lower_ not in {"until", "till"}:
            continue
        lo, hi = c.idx, c.right_edge.idx + len(c.right_edge)
        for tm in facts.times_in(lo, hi):
            value = tm.value or ""
            if tm.type in {"DURATION", "SET"} or not value[:YEAR_LEN].isdigit():
                continue
            if value < pub[: len(value)]:
                return value
    return None


def _compound_place(facts: Facts, head: Token) -> str | None:
    """A place named inside the title's own phrase ("a Washington state delegate", "a Vale County judge")."""
    for c in head.children:
        if c.dep_ == "compound" and c.i < head.i:
            key = facts.key(c.i)
            name = (facts.records.get(key or "") or {}).get("name", "").lower().split()
            if key and _place_or_org(facts, key) == "GPE" and name and name[-1] not in _mods()["member_bodies"]:
                return key  # (not "the Senate" typed as a place)
    return None


def _compound_org(facts: Facts, head: Token, person: str) -> tuple[str | None, str | None]:
    """An organisation named inside a generic title's own phrase ("a former IBM head of sales"): the
    title says nothing without it."""
    for c in head.children:
        key = facts.key(c.i)
        if c.dep_ in {"compound", "nmod"} and c.i < head.i and key and key != person:
            typ = _place_or_org(facts, key)
            if typ in {"ORG", "OUTLET"} and not _truncated_org(facts, c, key):
                return key, typ
    return None, None


ENDED_BODIES = frozenset({"campaign", "administration", "presidency", "government", "bid", "tenure", "term"})


def _past_org(head: Token) -> bool:
    """The organisation or campaign the title is held in is said to be over ("adviser to X's former campaign")."""
    past = set(_mods()["past_org_modifiers"])
    for c in head.children:
        if c.dep_ != "prep" or c.lower_ not in {"to", "for", "of", "in", "on", "with"}:
            continue
        for p in c.children:
            if p.dep_ == "pobj" and any(m.dep_ == "amod" and m.lower_ in past for m in p.children) and (
                    p.lemma_.lower() in ENDED_BODIES or not any(m.dep_ == "poss" for m in p.children)):
                return True  # (not "a pollster with X's former party": the party is X's former one, and still exists)
    return False


def _shares_past(facts: Facts, first: Token, conj: Token) -> bool:
    """``first`` carries a past modifier ("former") and ``conj`` none of its own."""
    t = title_at(facts, first)
    own = title_at(facts, conj)
    if t is None or own is None or t.current is not False or own.current is not None:
        return False
    return not any(c.lower_ in {"now", "currently", "later", "then"} for c in conj.subtree if c.i < conj.i)


def _appositions(facts: Facts) -> list[Found]:
    """``Tom Reyes, Mayor Obi's campaign manager``, ``the board's chair, Irene Cole`` (and coref's records)."""
    doc = facts.doc
    out: list[Found] = []
    done: set[tuple[str, int]] = set()
    for tok in doc:
        person = facts.key(tok.i)
        if person and facts.type(person) == "PERSON":
            for c in tok.children:
                if c.dep_ == "appos" and any(k.dep_ == "conj" and tok.i < k.i < c.i for k in tok.children):
                    continue  # "Ada Obi and Bo Lane, the club's manager": the description is Lane's
                if c.dep_ == "appos" and _names_another(facts, c, person):
                    continue  # "A, ambassador for women's issues B; ...": a list of titled names, the title is B's
                if c.dep_ == "appos" and not facts.key(c.i) and (person, c.i) not in done:
                    done.add((person, c.i))
                    got = _from_np(facts, c, person, tok.i)
                    if any(k.dep_ == "advmod" and k.lower_ in {"then", "formerly", "once"} and tok.i < k.i < c.i
                           for k in tok.children):
                        for f in got[:1]:
                            f.role.current = False  # "Ada Obi, then the mayor, ...": "then" parsed onto the name
                    out += _present(got)
        elif tok.pos_ in {"NOUN", "PROPN"} and not facts.key(tok.i):
            if tok.dep_ == "appos" and tok.head.pos_ in {"NOUN", "PROPN"} and not facts.key(tok.head.i):
                continue  # "the president, the vice president, Ada Obi": a list, not a description of Obi
            for c in tok.children:
                p = facts.key(c.i)
                if c.dep_ == "appos" and p and facts.type(p) == "PERSON" and (p, tok.i) not in done:
                    done.add((p, tok.i))
                    out += _present(_from_np(facts, tok, p, c.i))
    for rec in doc_state.appositions(doc):
        span = doc.char_span(rec.get("start", 0), rec.get("end", 0), alignment_mode="expand")
        person = rec.get("entity")
        if span is None or not person or facts.type(person) != "PERSON":
            continue
        root = span.root
        if (person, root.i) in done or _after_other_person(facts, span.start, person) or \
                _names_another(facts, root, person) or (
                root.dep_ == "appos" and root.head.pos_ in {"NOUN", "PROPN"} and not facts.key(root.head.i)):
            continue  # coref's record of a list ("the president, the vice president, Ada Obi") is no description
        done.add((person, root.i))
        out += _from_np(facts, root, person, root.i)
    return out


def _names_another(facts: Facts, appos: Token, person: str) -> bool:
    """Another person's name inside the apposition is itself described by it ("Ada Obi, ambassador for global
    issues Bo Lane": the title premodifies Lane), unlike "Ada Obi, adviser to Bo Lane" (a prepositional object)."""
    for t in appos.subtree:
        other = facts.key(t.i)
        if other is None or other == person or facts.type(other) != "PERSON" or t.i <= appos.i:
            continue
        if facts.key(t.head.i) != other and t.dep_ in {"appos", "compound"} and t.head.pos_ == "NOUN" and \
                not any(d.dep_ == "det" for d in t.head.children):  # ("the company Theranos" names the company)
            return True
    return False


def _after_other_person(facts: Facts, start: int, person: str) -> bool:
    """The apposition follows another person's name ("Ada Obi and Bo Lane, the manager"): it is theirs."""
    i = start - 1
    while i >= 0 and facts.doc[i].is_punct:
        i -= 1
    other = facts.key(i) if i >= 0 else None
    return other is not None and other != person and facts.type(other) == "PERSON"


def _present(found: list[Found]) -> list[Found]:
    """An identifying apposition without "former"/"then" describes the holder as of publication."""
    for f in found:
        f.appos = True
        if f.role.current is None and not f.dated:
            f.role.current = True
    return found


def _predicates(facts: Facts) -> list[Found]:
    """``she was district attorney``, ``became``, ``was elected``, ``served as``, ``named X as its chief``."""
    out: list[Found] = []
    for verb in facts.doc:
        lemma = verb.lemma_.lower()
        if verb.pos_ not in {"VERB", "AUX"}:
            continue
        subj = next((c for c in verb.children if c.dep_ in {"nsubj", "nsubjpass"}), None)
        if subj is None and verb.dep_ in {"acl", "relcl", "conj"}:
            subj = fact_subject(verb)
        dobj = next((c for c in verb.children if c.dep_ == "dobj"), None)
        if dobj is None and lemma in STARTING_VERBS:  # "named Ada Obi as its chief" parsed with Obi as oprd
            dobj = next((c for c in verb.children if c.dep_ == "oprd" and facts.first(c, PEOPLE)), None)
        passive = any(c.dep_ in {"auxpass", "nsubjpass"} for c in verb.children)
        preds: list[Token] = [c for c in verb.children if c.dep_ in {"attr", "oprd"} and c is not dobj]
        preds += [p for c in verb.children if c.dep_ == "prep" and c.lower_ == "as" for p in c.children
                  if p.dep_ == "pobj"]
        holder: Token | None
        if lemma == "be" and preds and subj is not None:
            holder = subj
        elif lemma in STARTING_VERBS | SERVING_VERBS and preds:
            holder = dobj if (dobj is not None and not passive and lemma in STARTING_VERBS - {"become", "join"}) \
                else subj
        else:
            continue
        if holder is None or modality.modal(verb) or modality.unrealised([verb]):
            continue  # "would be the first woman president", "wants to be mayor": no role held
        if holder.pos_ == "PRON" and facts.in_direct_quote(holder):
            continue  # "he's a U.S. senator" in someone's words: who "he" is stays the speaker's
        person = facts.first(holder, PEOPLE)
        if person is None:
            continue
        times = _time_range(facts, verb)
        for pred in preds:
            for f in _from_np(facts, pred, person, holder.i, base=0.8):
                if f.future and lemma == "be":
                    continue  # "is our next president": a prediction, no post held ("named as its next provost" is)
                r = f.role
                if lemma in STARTING_VERBS:
                    r.start = r.start or times.get("start") or times.get("when")
                    r.when = r.when or None
                else:
                    r.start = r.start or times.get("start")
                    r.end = r.end or times.get("end")
                    if not (r.start or r.end):
                        r.when = r.when or times.get("when")
                if r.current is None:
                    r.current = _tense_current(verb, lemma, times)
                    f.tense_past = r.current is False and "end" not in times
                if r.org is None and verb.dep_ == "relcl" and any(c.lower_ == "where" for c in verb.children):
                    org = facts.first(verb.head, {"ORG", "OUTLET", "GROUP"})  # "at Acme, where she served as"
                    if org:
                        r.org, f.for_type = org, facts.type(org)
                if r.org is None and lemma in STARTING_VERBS and subj is not None and holder is not subj:
                    org = facts.first(subj, {"ORG", "OUTLET", "GPE", "GROUP"}) or facts.org_ref(subj)
                    if org:
                        r.org, f.for_type = org, facts.type(org)
                f.verb = verb.i
                out.append(f)
    return out


def _tense_current(verb: Token, lemma: str, times: dict[str, str]) -> bool | None:
    aux = [c for c in verb.children if c.dep_ in {"aux", "auxpass"}]
    tags = {verb.tag_, *(a.tag_ for a in aux)}
    if "end" in times:
        return False
    if lemma in STARTING_VERBS:
        return None
    if tags & {"VBZ", "VBP"} or any(a.lower_ in {"has", "have"} for a in aux):
        return True
    if "VBD" in tags:
        return False
    return None


POSSESSOR_DESCRIPTOR = 0.55
SPECULATIVE = 0.55  # "the next president", "would-be Mayor Ada Obi": a post guessed at, not held or named to
PAST_PATRON = 0.55  # "the former director under President Ada Obi": the title as of that post, held now? unsaid
PATRON_PREPS = frozenset({"under", "to", "for"})
LONG_AGO = 0.55  # a title in a clause set years before publication ("In 1964, Gov. Ada Obi ...")
UNCORROBORATED = 0.55  # a descriptor's post, after a name given other posts in its sentence: someone else's
FIRST_NAME_ONLY = 0.55  # a holder named by a first name alone ("Enrique"): which person? unsaid
BARE_PRIOR = 0.55  # a generic title with no organisation or place ("Ada Obi, president of a firm we did not link")
POSTS = frozenset({"position", "job", "post", "slot", "seat", "spot", "role", "office", "nomination", "chair"})


def _descriptors(facts: Facts) -> list[Found]:
    """``the former attorney general`` resolved by coref to a person."""
    doc = facts.doc
    out: list[Found] = []
    for start, end, key, kind in facts.mention_spans:
        if kind != "descriptor" or facts.type(key) != "PERSON":
            continue
        span = doc[start:end]
        if facts.in_direct_quote(span[0]):
            continue  # "that's what the judge said," he said: a speaker's descriptor is not resolved safely
        if span.root.dep_ == "poss" and span.root.head.lemma_.lower() in POSTS:
            continue  # "a contender for the vice president's position": the post, not a person holding it
        t = title_at_span(facts, span)
        if t is None:
            continue
        current = t.current
        if any(c.i < start and c.dep_ in {"amod", "compound", "advmod"} and _mod_class(c.text) == "past"
               for c in span.root.children):
            current = False  # "the former Florida governor" with "former" left out of the mention
        role = Role(person=key, title=t.text, current=current)
        # a possessor ("the president's housing secretary") is where coreference most often picks the
        # person the paragraph is about rather than the holder: hidden by default
        prior = POSSESSOR_DESCRIPTOR if span.root.dep_ == "poss" else 0.7
        out.append(Found(role, start, None, confidence=prior, lo=start, hi=end - 1, descriptor=True))
    return out


def _taken_descriptors(facts: Facts, found: list[Found]) -> list[Found]:
    """Drop a descriptor coreference gave to one person while the same title names another person of its
    sentence ("Gov. Bo Lane ... which the governor has shown little inclination to do": Lane's title)."""
    doc = facts.doc
    named: dict[int, list[Found]] = {}
    for f in found:
        if not f.descriptor:
            named.setdefault(doc[f.anchor].sent.start, []).append(f)
    return [f for f in found if not f.descriptor or not any(
        g.role.person != f.role.person and g.role.title == f.role.title
        for g in named.get(doc[f.anchor].sent.start, []))]


def title_at_span(facts: Facts, span: object) -> Title | None:
    """Like :func:`title_at` for a descriptor mention (its tokens carry the entity key)."""
    words = [t for t in span if t.is_alpha or "-" in t.text or "." in t.text]  # type: ignore[attr-defined]
    current: bool | None = None
    kept: list[str] = []
    for w in words:
        if w.lower_ in {"the", "a", "an", "this", "that"} or w.tag_ in {"PRP$", "POS"}:
            continue
        cls = _mod_class(w.text)
        if cls == "past":
            current = False
        elif cls is None:
            kept.append(w.text)
    if not kept:
        return None
    text = normalise(" ".join(kept))
    if _no_post(text):
        return None
    while len(text.split()) > 1 and text not in _titles():
        text = " ".join(text.split()[1:])
    if not is_title(text) or text in {"member", "partner", "head", "owner", "chief"}:
        return None
    root = span.root  # type: ignore[attr-defined]
    return Title(text, span.start, span.end, root, current)  # type: ignore[attr-defined]


def _seats(facts: Facts) -> list[Found]:
    """``sits on the county school board``, ``joined the board in 2019``: a membership role in the body."""
    bodies = set(lexicons.json("facts/org_references")["bodies"])
    seat_verbs = set(_mods()["seat_verbs"])
    out: list[Found] = []
    for verb in facts.doc:
        lemma = verb.lemma_.lower()
        if verb.pos_ not in {"VERB", "AUX"} or lemma not in seat_verbs | {"join", "elect"}:
            continue
        if lemma == "join":
            if any(c.dep_ == "prep" and c.lower_ == "for" for c in verb.children):
                continue  # "joined the committee for a lunch": company, not a seat
            objs = [c for c in verb.children if c.dep_ == "dobj"]
        elif lemma == "elect":
            objs = [p for c in verb.children if c.dep_ == "prep" and c.lower_ == "to" for p in c.children
                    if p.dep_ == "pobj"]
        else:
            objs = [p for c in verb.children if c.dep_ == "prep" and c.lower_ == "on" for p in c.children
                    if p.dep_ == "pobj"]
        subj = fact_subject(verb)
        person = facts.first(subj, PEOPLE) if subj is not None else None
        if person is None or any(c.dep_ == "neg" for c in verb.children):
            continue
        for body in objs:
            if body.lemma_.lower() not in bodies or body.tag_ == "NNS":
                continue
            org = facts.key(body.i) or facts.org_ref(body, {"ORG", "GROUP", "GPE"})
            mods = [c.lower_ for c in body.children if c.dep_ in {"compound", "amod"} and c.i < body.i
                    and not facts.key(c.i) and c.is_lower and c.is_alpha and c.lower_ not in SIZE_NOUNS]
            title = " ".join([*mods[-1:], body.lower_, "member"])
            times = _time_range(facts, verb)
            start = times.get("start") or (times.get("when") if lemma in {"join", "elect"} else None)
            current = _tense_current(verb, lemma if lemma == "join" else "serve", times)
            if current is None and "end" not in times and _this_year(facts, start):
                current = True  # "joined the board last week": a seat taken lately, not said to be left
            role = Role(person=person, title=title, org=org if org != person else None, start=start,
                        current=current)
            typ = facts.type(role.org) if role.org else None
            out.append(Found(role, subj.i, typ if typ in {"ORG", "GROUP"} else None, confidence=0.75,  # type: ignore[union-attr]
                             lo=subj.i, hi=body.i, verb=verb.i))  # type: ignore[union-attr]
    return out


def _this_year(facts: Facts, value: str | None) -> bool:
    """``value`` (a time's value: "2016-W40", "2016-03") falls in the publication's year."""
    pub = doc_state.published(facts.doc) or ""
    return bool(value and pub and value[:YEAR_LEN] == pub[:YEAR_LEN] and value[:YEAR_LEN].isdigit())


SIZE_NOUNS = frozenset({"member", "seat", "person", "strong"})  # "the seven member council": its size


def _founders(facts: Facts) -> list[Found]:
    """``The sisters founded the company in 1998`` -> each a co-founder of it (a founder when alone)."""
    out: list[Found] = []
    for verb in facts.doc:
        lemma = verb.lemma_.lower()
        if verb.pos_ != "VERB" or lemma not in FOUNDING_VERBS or any(c.dep_ == "neg" for c in verb.children):
            continue
        subj = fact_subject(verb)
        people = [k for k in facts.denote(subj) if facts.is_a(k, PEOPLE)] if subj is not None else []
        objs = [c for c in verb.children if c.dep_ in {"dobj", "nsubjpass"}]
        orgs = [k for o in objs for k in [facts.key(o.i) or facts.org_ref(o, {"ORG", "OUTLET", "GROUP"})] if k]
        if not people or len(orgs) != 1 or facts.type(orgs[0]) == "PERSON":
            continue
        joint = len(people) > 1 or lemma.startswith("co") or any(
            c.lower_ in {"together", "jointly"} for c in verb.children)
        times = _time_range(facts, verb)
        for p in people:
            role = Role(person=p, title="co-founder" if joint else "founder", org=orgs[0],
                        start=times.get("start") or times.get("when"))
            out.append(Found(role, subj.i, None, confidence=0.75,  # type: ignore[union-attr]
                             lo=subj.i, hi=objs[0].i, verb=verb.i))  # type: ignore[union-attr]
    return out


def _departures(facts: Facts, roles: dict[tuple[str, str], Role]) -> None:
    """``X retired in February``, ``who left in 2021``: the one open role of X ends then."""
    departing = [tuple(d.split()) for d in _mods()["departing"]]
    by_person: dict[str, list[Role]] = {}
    for r in roles.values():
        by_person.setdefault(r.person or "", []).append(r)
    for verb in facts.doc:
        if verb.pos_ != "VERB":
            continue
        words = (verb.lemma_.lower(), *(c.lower_ for c in verb.children if c.dep_ == "prt"))
        passive = {c.lower_ for c in verb.children if c.dep_ == "auxpass"}
        dismissed = bool(passive & {"was", "were"}) and words[0] in _mods()["dismissal_verbs"] and \
            not _physical_sense(facts, verb)
        if not dismissed and not any(words[: len(d)] == d for d in departing):
            continue  # (a departure, or "was fired in June": dismissed from the post)
        subj = fact_subject(verb)
        person = facts.first(subj, PEOPLE) if subj is not None else None
        if person is None or any(c.dep_ == "neg" for c in verb.children) or facts.imagined([verb]) or \
                _future_clause(verb):
            continue
        st = facts.status(verb.i, verb.i + 1)
        if st.status not in {"asserted", "attributed", "reported"} or st.negative:
            continue
        objs = [p for c in verb.children if c.dep_ in {"dobj", "prep"} for p in [c, *c.children]
                if p.dep_ in {"dobj", "pobj"}]
        left = [k for p in objs for k in [facts.org_ref(p)] if k]
        bodies = set(_mods()["member_bodies"]) | set(_mods()["org_heads"])
        left += [k for p in objs if p.pos_ == "NOUN" and p.lemma_.lower() in bodies for c in p.children
                 if c.dep_ == "compound" for k in [facts.key(c.i)] if k and facts.type(k) in {"ORG", "GROUP", "OUTLET"}]
        if not left and any(p.pos_ == "NOUN" and p.lemma_.lower() not in POSTS and not is_title(p.text)
                            for p in objs):
            continue  # "left the board", "left the stage": some body or place unnamed, not a known post
        open_roles = [r for r in by_person.get(person, []) if r.end is None and r.current is not False
                      and (not left or r.org in left or _seat_in(facts, r, left))]
        if not open_roles:
            open_roles = [r for r in by_person.get(person, []) if r.end is None and (
                not left or r.org in left or _seat_in(facts, r, left))]
        if len(open_roles) != 1:
            continue
        role = open_roles[0]
        role.end = facts.clause_time([verb]) or role.end
        aux = [c for c in verb.children if c.dep_ == "aux"]
        pub = doc_state.published(facts.doc) or ""
        perfect = verb.tag_ == "VBN" and any(a.lower_ in {"has", "have", "had"} for a in aux)
        if verb.tag_ == "VBD" or dismissed or perfect or _past_gerund(verb) or (
                role.end and pub and role.end[:1].isdigit() and role.end < pub[: len(role.end)]):
            role.current = False  # "resigned", or "forced X to resign Sunday" with Sunday before publication


def _seat_in(facts: Facts, r: Role, left: list[str]) -> bool:
    """A legislator's seat with no body named is in the legislature left ("Rep. Ada Obi left Congress")."""
    if r.org is not None or r.title not in LEGISLATOR_TITLES:
        return False
    return any((facts.records.get(k) or {}).get("name", "").lower().split()[-1:] in ([w] for w in LEGISLATURES)
               for k in left)


# offices held in a polity, never for a person ("Obama's secretary of state" is held for one)
HEAD_OF_POLITY = frozenset({"president", "vice president", "prime minister", "governor", "lieutenant governor",
                            "mayor", "deputy mayor", "president-elect"})
LEGISLATOR_TITLES = frozenset({"representative", "senator", "state senator", "state representative", "congressman",
                               "congresswoman", "lawmaker", "legislator", "assemblyman", "assemblywoman"})
LEGISLATURES = frozenset({"congress", "senate", "house", "parliament", "assembly", "legislature"})
SHOT_AT = frozenset({"at", "upon", "on", "toward", "towards"})


def _physical_sense(facts: Facts, verb: Token) -> bool:
    """A dismissal verb in its physical sense: "was fired upon by a gunman" (not "was fired on Monday"),
    "was removed from the stage" (not "from office", "from the board", "from the company")."""
    for c in verb.children:
        if c.dep_ != "prep":
            continue
        objs = [p for p in c.children if p.dep_ == "pobj"]
        if verb.lemma_.lower() == "fire" and c.lower_ in SHOT_AT and (
                not objs or not any(facts.times_in(p.idx, p.idx + len(p)) for p in objs)):
            return True
        if c.lower_ == "from" and objs and not any(
                p.lemma_.lower() in POSTS or p.lemma_.lower() in _mods()["member_bodies"] or facts.org_ref(p)
                or facts.first(p, {"ORG", "OUTLET", "GROUP", "GPE"}) for p in objs):
            return True
    return False


def _said_now(doc: Any, lo: int, hi: int) -> bool:
    """The phrase says its post is held today ("Bo Lane, now the city's chief of staff", "who is now its
    chief"), whatever the time of the sentence around it."""
    return any(t.lower_ in {"now", "currently", "still"} and t.dep_ == "advmod" for t in doc[max(0, lo - 2) : hi + 1])


def _speculative(doc: Any, lo: int, hi: int, anchor: int) -> bool:
    """The phrase names its post with a word of guessing ("next", "future", "would-be"), not of appointment
    ("incoming", "designate")."""
    spec = set(_mods()["speculative"])
    return any(t.lower_ in spec for t in doc[min(lo, anchor) : max(hi, anchor) + 1]) or _would_be(doc, lo)


def _past_gerund(verb: Token) -> bool:
    """A departure told as a gerund after "before"/"after" in a past clause ("told him last year, before
    leaving Congress"): it has happened."""
    if verb.tag_ != "VBG" or verb.dep_ != "pcomp" or verb.head.lower_ not in {"before", "after"}:
        return False
    tok, hops = verb.head.head, 0
    while tok.tag_ in {"VBG", "VBN"} and tok.dep_ in {"advcl", "xcomp", "conj", "pcomp", "prep"} and hops < 4:
        tok, hops = tok.head, hops + 1
    return tok.tag_ == "VBD"


TIME_MARKS = frozenset({"when", "once", "after", "until", "till", "before", "if", "unless"})


def _future_clause(verb: Token) -> bool:
    """A departure in a temporal or conditional clause told in the present ("change will come only when X
    has left office", "once she retires"): an event still to come, unlike "when she resigned in 2010"."""
    if verb.dep_ not in {"advcl", "ccomp", "conj"} and not any(c.dep_ == "mark" for c in verb.children):
        return False
    if not any(c.dep_ in {"mark", "advmod"} and c.lower_ in TIME_MARKS for c in verb.children):
        return False
    aux = {c.lower_ for c in verb.children if c.dep_ == "aux"}
    return verb.tag_ in {"VBZ", "VBP"} or (verb.tag_ == "VBN" and bool(aux & {"has", "have"}))


# --- public --------------------------------------------------------------------------------------


def find_roles(facts: Facts) -> tuple[list[Role], list[Relation]]:
    """The roles of the doc (merged per person and title) and the ties they imply."""
    found = _premodifier(facts) + _appositions(facts) + _predicates(facts) + _seats(facts) + _founders(facts)
    found = _taken_descriptors(facts, found + _descriptors(facts))
    roles: dict[tuple[str, str], Role] = {}
    premod: set[tuple[str, str]] = set()
    weak: set[tuple[str, str]] = set()  # roles not current only by a past copula, so far
    named: set[tuple[str, str]] = set()  # roles a current title before a name states
    described: set[tuple[str, str]] = set()  # roles a descriptor gives after its person's name in one sentence
    stated: set[tuple[str, str]] = set()  # roles a name's own title, apposition or predicate gives
    ties: list[Relation] = []
    elected = lexicons.load("facts/role_titles_elected")
    members = lexicons.load("facts/role_titles_member")
    peers = frozenset(_mods()["peer_titles"])
    presiding = frozenset(_mods()["presiding_titles"])
    doc = facts.doc
    for f in found:
        r = f.role
        if _not_a_person(facts, r.person):
            continue
        lo = f.anchor if f.lo is None else f.lo
        hi = f.anchor if f.hi is None else f.hi
        toks = [doc[min(lo, f.anchor)], doc[max(hi, f.anchor)]]
        if f.verb is not None:
            toks.append(doc[f.verb])
        if facts.imagined(toks) or (f.verb is not None and _hoped_for(doc[f.verb])):
            continue
        # a title said as of a time long past, or "his future secretary of state" in such a clause
        ago = f.verb is None and not f.later and (r.current is True or (r.current is None and f.future)) and (
            not _said_now(doc, min(lo, f.anchor), max(hi, f.anchor))) and (
            _long_ago(facts, toks) or _history(facts, lo, max(hi, lo)))
        if f.verb is None and r.current is True and (ago or facts.in_direct_quote(doc[f.anchor])):
            # "In 1964, Gov. Ada Obi ...": the title as of then; '"I've seen Secretary Obi ...," he said': a
            # speaker's form of address, kept by courtesy after a post is left; neither says it is held today
            r.current = None
        st = facts.status(min(t.i for t in toks), max(t.i for t in toks) + 1)
        narrow = st.status == "hypothetical" and f.verb is None and f.appos
        if narrow:
            st = StatusInfo("asserted")  # "In that world, X, Y's chief of staff, might ...": the apposition is real
        if st.status == "hypothetical" or (f.verb is not None and (st.status == "negated" or st.negative)):
            continue
        if f.verb is None:  # a title or apposition identifies; a predicate states
            st = facts.identifying_status(st, toks)
            if st.status in {"negated", "attributed", "reported", "hedged"} and \
                    not any(in_quotation(doc, t.i) for t in toks):
                # "would not continue President Obi's policy", "as Mrs. Obi, then the secretary, put it": the
                # clause's negation or source is not the description's, which is the writer's own words
                st = StatusInfo("asserted")
            elif st.status == "negated":
                st = StatusInfo("attributed", st.source)
        elif _aside(facts, doc[f.verb]):
            st = facts.identifying_status(st, toks)  # "said X, who served as ...": the writer's aside on X
        r.status, r.source = st.status, st.source  # type: ignore[assignment]
        r.evidence = facts.evidence(doc[f.anchor], toks)
        r.confidence = f.confidence  # the construction's prior; dossier.confidence adds status and coreference
        if ago:
            r.confidence = min(r.confidence, LONG_AGO)  # a post in a story of the past: held now? unsaid
        if f.future and f.verb is None and (f.named or _speculative(doc, lo, max(hi, lo), f.anchor)):
            r.confidence = min(r.confidence, SPECULATIVE)  # "the next president", "would-be Gov. X": a guess
        if narrow:  # point at the identifying phrase only, never at the imagined clause around it
            a, b = doc[min(t.i for t in toks)], doc[max(t.i for t in toks)]
            r.evidence = Span(a.idx, b.idx + len(b), facts.text[a.idx : b.idx + len(b)])
        held_for = r.org  # the tie keeps the organisation: the tie rules weigh (and hide) a cut name themselves
        if r.org and _broken_org(facts, r.org):
            r.org = None  # "Conference of Presidents of", "College": a name cut short is no part of the role
        if r.org:
            _generic_org(facts, r)
        key = (r.person or "", r.title)
        if not f.descriptor:
            stated.add(key)
        elif _named_before(facts, r.person or "", lo):
            described.add(key)
        if f.premod:
            premod.add(key)
        if f.named and r.current is True:
            named.add(key)
        if key in roles:
            prev = roles[key]
            if f.tense_past and prev.current is True and key in named:
                r.current = True  # "President Obi ... Once she was president, ...": a past copula says no one left
            elif key in weak and r.current is True and f.named:
                prev.current = True
            weak.discard(key)
            _merge(prev, r)
        else:
            roles[key] = r
            if f.tense_past:
                weak.add(key)
        if held_for and held_for != r.person and f.for_type in {"PERSON", "ORG", "OUTLET", "GPE", "GROUP"}:
            ev = r.evidence
            when = r.when or r.start
            if r.title in members or r.title.split()[-1] in members or (
                    _member_body(facts, held_for) and r.title in presiding):
                if f.for_type in {"ORG", "GROUP"}:
                    ties.append(Relation("membership.member_of", r.person, held_for, ev, r.status, start=r.start,
                                         end=r.end, when=when, source=r.source, confidence=f.confidence))
            elif r.title not in elected and r.title.split()[-1] not in elected and r.title not in peers:
                ties.append(Relation("professional.worked_for", r.person, held_for, ev, r.status, start=r.start,
                                     end=r.end, when=when, source=r.source, confidence=f.confidence))
    _departures(facts, roles)
    _courtesy_titles(roles)
    _bare_titles(roles, premod)
    _first_name_holders(facts, roles)
    _uncorroborated_descriptors(roles, described, stated)
    return list(roles.values()), ties


def _named_before(facts: Facts, person: str, at: int) -> bool:
    """``person`` is named earlier in the sentence of token ``at``."""
    first = facts.doc[at].sent.start
    return any(k == person and first <= a < at and kind not in {"pronoun", "descriptor"}
               for a, _b, k, kind in facts.mention_spans)


def _uncorroborated_descriptors(roles: dict[tuple[str, str], Role], described: set[tuple[str, str]],
                                stated: set[tuple[str, str]]) -> None:
    """A description ("the former secretary of state") after a name in its sentence, where a writer would say
    "she" of the one named: when the article gives that person other posts ("X, a top adviser, ... against the
    former secretary of state"), none of them this one, the description is of someone else (coreference chose
    the name nearby), so the role is kept, hidden by default. (Far from the name, a description may tell a
    career: "Vice President X ... the former district attorney".)"""
    held = {(p, _head_word(t)) for p, t in stated}
    titled = {p for p, _ in stated}
    for key in described - stated:
        person, title = key
        if person in titled and (person, _head_word(title)) not in held and key in roles:
            r = roles[key]
            r.confidence = min(r.confidence or UNCORROBORATED, UNCORROBORATED)


def _hoped_for(verb: Token) -> bool:
    """A gerund after a noun of hope, fear or demand ("the prospect of X becoming president", "calls for X
    stepping in as chair"): a post imagined, not taken."""
    head = verb.head
    return verb.tag_ == "VBG" and verb.dep_ in {"pcomp", "pobj"} and head.lower_ in {"of", "for"} and \
        head.head.lemma_.lower() in lexicons.load("facts/unrealised_nouns")


def _aside(facts: Facts, verb: Token) -> bool:
    """``verb`` heads a relative clause set off by a comma about a named person ("said Ada Obi, who served as
    ..."): a description in the writer's words, like an apposition, not part of what the speaker says."""
    while verb.dep_ == "conj" and verb.head.i != verb.i:
        verb = verb.head
    if verb.dep_ != "relcl" or facts.type(facts.key(verb.head.i)) != "PERSON":
        return False
    first = verb.left_edge.i
    return first > 0 and facts.doc[first - 1].text == ","


def _generic_org(facts: Facts, r: Role) -> None:
    """Drop an organisation no reader can tell apart: one generic word ("super PAC spokeswoman" -> "PAC";
    "State Sen." -> "State", which makes the title "state senator"), or a person as what an elected office
    is held in ("the ousted president and ally of Ada Obi": Obi is the ally's, not the presidency's)."""
    rec = facts.records.get(r.org or "") or {}
    words = rec.get("name", "").lower().split()
    if facts.type(r.org) == "PERSON":
        if r.title in HEAD_OF_POLITY or r.title in LEGISLATOR_TITLES:
            r.org = None
        return
    if len(words) != 1 or words[0] not in lexicons.load("facts/generic_org_words") or words[0] in PORTFOLIO_WORDS:
        return
    if words[0] == "state" and f"state {r.title}" in lexicons.load("facts/role_titles_elected"):
        r.title = f"state {r.title}"
    r.org = None


def _not_a_person(facts: Facts, key: str | None) -> bool:
    """A "person" whose name is an organisation's ("the Harbor Policy Center") or an acronym ("HP", "RNC"):
    an entity typed wrongly holds no post."""
    name = (facts.records.get(key or "") or {}).get("name", "").split()
    if not name:
        return False
    if len(name) == 1 and name[0].isalpha() and name[0].isupper() and len(name[0]) > 1:
        return True
    return len(name) > 1 and name[-1].lower() in _mods()["org_heads"]


def _bare_titles(roles: dict[tuple[str, str], Role], premod: set[tuple[str, str]]) -> None:
    """A title that says nothing without its organisation ("president", "executive director" of
    something the article names but we did not link) is kept, hidden by default. "President Ada Obi"
    before a name is a head of state or government and stays shown."""
    bare = set(_mods()["bare_titles"])
    for key, r in roles.items():
        if r.org or r.place or r.title not in bare or key in premod:
            continue
        r.confidence = min(r.confidence or BARE_PRIOR, BARE_PRIOR)


def _head_word(title: str) -> str:
    """The head noun of a title ("secretary" of "secretary of state", "governor" of "former Ohio governor")."""
    return title.split(" of ")[0].split(" for ")[0].split()[-1]


def _first_name_holders(facts: Facts, roles: dict[tuple[str, str], Role]) -> None:
    """A holder the article names by a first name alone is a name cut short ("Gov. Martin" + an unread
    surname, "Megyn" left off "Kelly") or someone named the way kin are ("his wife, Kathryn,"): no reader can
    tell who holds the post, so the role is kept, hidden by default. A one-word name after a title ("Gov.
    Lane") is a surname, and stays shown unless the text shows it cut."""
    for r in roles.values():
        name = (facts.records.get(r.person or "") or {}).get("name", "").split()
        if len(name) != 1 or first_name_known(name[0]) is None:
            continue
        spans = [(a, b) for a, b, k, kind in facts.mention_spans
                 if k == r.person and kind not in {"pronoun", "descriptor"}]
        if any(_cut_name(facts, a, b) for a, b in spans) or not any(_titled(facts.doc, a) for a, _ in spans):
            r.confidence = min(r.confidence or FIRST_NAME_ONLY, FIRST_NAME_ONLY)


def _cut_name(facts: Facts, start: int, end: int) -> bool:
    """The name at [start, end) runs on into a capitalised word left out of it ("Martin O’Malley" read as
    "Martin", "Tom) DeLay") or follows one that is no title ("Megyn Kelly" read as "Kelly")."""
    doc = facts.doc
    nxt = end + 1 if end < len(doc) and doc[end].text == ")" else end
    if nxt < len(doc) and doc[nxt].text[:1].isupper() and not doc[nxt].is_sent_start:
        return True
    if start == 0:
        return False
    prev = doc[start - 1]
    return prev.text[:1].isupper() and prev.is_alpha and not prev.is_sent_start and facts.key(prev.i) is None and \
        not _titled(doc, start) and _mod_class(prev.text) is None


def _titled(doc: Any, start: int) -> bool:
    """A title or honorific stands right before the name at ``start`` ("Gov. Lane", "Mr. Lane")."""
    if start == 0:
        return False
    prev = doc[start - 1]
    word = prev.lower_.rstrip(".")
    return is_title(prev.text) or word in lexicons.load("person_titles") or f"{word}." in lexicons.load(
        "person_titles") or word in {h.split()[0] for h in lexicons.load("honorifics")}


def _courtesy_titles(roles: dict[tuple[str, str], Role]) -> None:
    """``Secretary Clinton`` of someone the article calls "the former secretary of state": a title kept
    by courtesy after leaving the post is not shown as current."""
    past: dict[str, list[list[str]]] = {}
    for (person, title), r in roles.items():
        if r.current is False:
            past.setdefault(person, []).append(title.split())
    for (person, title), r in roles.items():
        words = title.split()
        if r.current is not False and r.evidence and any(
                p is not r and p.person == person and p.current is False and p.title.split()[-len(words):] == words
                and p.evidence and p.evidence.start == r.evidence.start for p in roles.values()):
            r.current = False  # "former state party chair X" read twice in one sentence, once without "former"
        elif r.current is True and any(w[: len(words)] == words or w[-len(words):] == words
                                     for w in past.get(person, [])):
            r.current = None


def settle_with_events(roles: list[Role], events: list[Event]) -> None:
    """A person the article reports dead holds no post now: their roles are former (``current`` false)."""
    dead = {p.entity for e in events if e.type == "death" and e.status not in {"hypothetical", "negated"}
            for p in e.participants if p.role == "agent"}  # "the attack that left X dead?": presupposed
    for r in roles:
        if r.person in dead and r.current is not False:
            r.current = False


def _member_body(facts: Facts, org: str) -> bool:
    """A legislature, board, union or party: its office-holders are members, not employees."""
    name = (facts.records.get(org) or {}).get("name", "").lower().split()
    if " ".join(name[-2:]) in _mods()["not_member_bodies"]:
        return False
    return bool(name) and name[-1] in _mods()["member_bodies"]


def _merge(into: Role, other: Role) -> None:
    """Fill what ``into`` lacks from ``other``; a later asserted reading wins over a weaker one."""
    for name in ("org", "place", "start", "end", "when"):
        if getattr(into, name) is None and getattr(other, name) is not None:
            setattr(into, name, getattr(other, name))
    if into.current is None or (into.current is True and other.current is False):
        into.current = other.current
    if into.status != "asserted" and other.status == "asserted":
        into.status, into.source, into.evidence = other.status, other.source, other.evidence
        into.confidence = other.confidence
