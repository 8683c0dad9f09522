"""Kinship as encyclopedic prose writes it: lists of children and siblings, marriage, birth.

* lists: ``his children included A, B and C`` / ``they have four children: A, B`` /
  ``X's siblings A and B`` / ``the five brothers: A, B, C``  ->  parent(owner, A) ...,
  sibling(owner, A) ..., and every two people of one list are siblings;
* ``X had a son, Y`` / ``with whom he had a daughter, Y``: the owner is the subject of "have"
  (and the person "whom" stands for);
* ``X is married to Y`` (and to several, coordinated);
* ``Y was born to X and Z`` / ``born of X``  ->  parent(X, Y).

Only explicit kin words make a tie; who the owner is comes from the parse (a pronoun owner
rests on coreference, so its prior is lower). Status and time come from the caller.
"""

from __future__ import annotations

from functools import lru_cache
from itertools import combinations
from typing import Any

from spacy.tokens import Token

from ...graph import Relation
from .. import lexicons
from .index import PEOPLE, Facts, fact_subject
from .relations import Hit, conjunct_owner, hyphenated_kin, unnamed_conjunct

NAMED = 0.85  # the owner is a name, or the relation needs no owner
PRONOUN = 0.7  # the owner is a pronoun (coreference)
PAIR = 0.8  # "they" for the two people just named ("X married Y. They have two sons, A and B")
AMONG = 0.8  # siblings because they are listed as one set
UNREAL_MODALS = frozenset({"would", "could", "should", "might", "may", "'d", "’d"})
TYPES = {"parent": "family.parent", "child": "family.parent", "sibling": "family.sibling", "spouse": "family.spouse"}


@lru_cache(maxsize=1)
def _spec() -> dict[str, Any]:
    return lexicons.json("facts/kinship")


def _word_types(section: str) -> dict[str, str]:
    return {w: t for t, ws in _spec()[section].items() for w in ws}


def find_kinship(facts: Facts) -> list[Hit]:
    """Every kinship hit of the doc (before status, time and de-duplication)."""
    return _lists(facts) + _had_single(facts) + _married_to(facts) + _marriage_noun(facts) + _born_to(facts)


# --- helpers ---------------------------------------------------------------------------------------


def _people(facts: Facts, tok: Token) -> list[str]:
    """The one person ``tok`` names (no coordination, no guessing)."""
    keys = [k for k in facts.denote(tok, conj=False) if facts.is_a(k, PEOPLE)]
    return keys[:1] if len(keys) == 1 else []


def figurative_kin(tok: Token) -> bool:
    """``native sons``, ``a favorite son``: a kin noun as a figure of speech, no family tie."""
    return any(c.dep_ == "amod" and c.lower_ in _spec()["figurative"] for c in tok.children)


def _chain(tok: Token, appos: bool = False) -> list[Token]:
    """``A, B and C``: the head and every conjunct under it, in order (with ``appos``, also the
    items a list after a colon hangs on each other as appositions)."""
    out = [tok]
    for c in tok.children:
        if c.dep_ == "conj" or (appos and c.dep_ == "appos"):
            if c.pos_ != "PROPN" or any(d.dep_ == "det" for d in c.children):
                continue  # "A, a lawyer, and the party B": not one more name of the list
            out += _chain(c, appos)
    return sorted(out, key=lambda t: t.i)


def _members(facts: Facts, noun: Token) -> list[tuple[str, Token]]:
    """The people a plural kin noun lists: its apposition (``four children: A, B``), or what it is
    (``his children were A and B``, ``his children included A and B``)."""
    heads = [c for c in noun.children if c.dep_ == "appos"]
    if not heads and noun.dep_ in {"nsubj", "nsubjpass"} and noun.head.lemma_.lower() in _spec()["list_verbs"]:
        heads = [c for c in noun.head.children if c.dep_ in {"dobj", "attr"}]
    if not heads and noun.dep_ == "attr" and noun.head.lemma_.lower() == "be" and \
            any(c.dep_ == "prep" and c.lower_ == "of" for c in noun.children):
        heads = [c for c in noun.head.children if c.dep_ == "nsubj"]  # "A and B were the children of X"
    if not heads:
        heads = _after_colon(facts, noun)
    out: list[tuple[str, Token]] = []
    for h in heads:
        for t in _chain(h, appos=True):
            for k in _people(facts, t):
                if k not in [o for o, _ in out]:
                    out.append((k, t))
    return out


def _after_colon(facts: Facts, noun: Token) -> list[Token]:
    """``the five Rockefeller brothers: A, B and C`` where the parser hung the list elsewhere: the name
    right after the colon heads it."""
    doc = facts.doc
    i = noun.i + 1
    if i + 1 >= len(doc) or doc[i].text != ":" or not facts.key(i + 1):
        return []
    key, tok = facts.key(i + 1), doc[i + 1]
    while tok.head.i != tok.i and facts.key(tok.head.i) == key and tok.head.i > tok.i:
        tok = tok.head  # "John D. Rockefeller III": the name's last word carries the list
    return [tok] if facts.type(key) == "PERSON" else []


def _owners(facts: Facts, noun: Token) -> tuple[list[str], bool]:
    """Whose the kin noun is, and whether that rests on a pronoun: the possessor (``X's sons``,
    ``his sons``, ``the sons of X``), or the subject of "have" (``X and Y had three sons``)."""
    owners: list[str] = []
    weak = False
    for c in noun.children:
        if c.dep_ == "poss":
            if unnamed_conjunct(facts, noun, c):
                continue  # "the battle's victor and his sons A and B": "his" is no one named
            bound = conjunct_owner(facts, noun, c)  # "A and his two brothers B and C": A's brothers
            owners += bound or [k for k in facts.denote(c) if facts.is_a(k, PEOPLE)]
            weak = weak or (c.pos_ == "PRON" and not bound)
        elif c.dep_ == "prep" and c.lower_ == "of":
            owners += [k for p in c.children if p.dep_ == "pobj" for k in facts.denote(p) if facts.is_a(k, PEOPLE)]
    verb = noun.head
    if not owners and noun.dep_ == "dobj" and verb.lemma_.lower() in _spec()["have_verbs"]:
        subj = fact_subject(verb)
        if subj is not None:
            owners = [k for k in facts.denote(subj) if facts.is_a(k, PEOPLE)]
            weak = subj.pos_ == "PRON" and facts.pair(subj) is None
        for c in verb.children:  # "with whom he had two sons": the person "whom" stands for
            if c.dep_ == "prep" and c.lower_ == "with":
                whom = any(p.dep_ == "pobj" and p.tag_ == "WP" for p in c.children)
                if whom and verb.dep_ == "relcl":
                    owners += [k for k in _people(facts, verb.head) if k not in owners]
    return list(dict.fromkeys(owners)), weak


def _named_pair(facts: Facts, noun: Token) -> bool:
    """The two owners are named in the clause itself ("X and Y had two sons")."""
    verb = noun.head
    subj = fact_subject(verb) if noun.dep_ == "dobj" else None
    return subj is not None and facts.pair(subj) is None and subj.pos_ != "PRON"


# --- lists -----------------------------------------------------------------------------------------


def _lists(facts: Facts) -> list[Hit]:
    hits: list[Hit] = []
    nouns = _word_types("list_nouns")
    for tok in facts.doc:
        typ = nouns.get(tok.lower_)
        if typ is None or tok.tag_ not in {"NNS", "NN"} or (tok.text != tok.lower_ and not tok.is_sent_start):
            continue  # "the Ritz Brothers": a name, not a family
        if hyphenated_kin(tok) is not None:
            continue  # "step - children", "grand - sons": not the owner's children
        if figurative_kin(tok):
            continue  # "native sons A and B": of a state, not of a family
        members = _in_family(facts, tok, _members(facts, tok))
        if not members:
            continue
        owners, weak = _owners(facts, tok)
        members = [(k, t) for k, t in members if k not in owners]  # a child named after the parent
        keys = [k for k, _ in members]
        if typ == "sibling" and not owners and len(keys) < 2:
            continue
        prior = PRONOUN if weak else PAIR if len(owners) == 2 and not _named_pair(facts, tok) else NAMED
        for o in owners:
            for k, t in members:
                subj, obj = (o, k) if typ == "parent" else (k, o)  # "child": the listed are the parents
                hits.append(Hit(TYPES[typ], subj, obj, [tok, t], prior, timed=False, identifying=True))
        if typ != "child" and len(keys) <= 12:  # beyond that a "list" is more likely a misparse than one family
            for (a, ta), (b, tb) in combinations(members, 2):
                hits.append(Hit("family.sibling", a, b, [tok, ta, tb], AMONG, timed=False, identifying=True))
    return hits


def _in_family(facts: Facts, noun: Token, members: list[tuple[str, Token]]) -> list[tuple[str, Token]]:
    """``the Koch brothers, David and Charles``: a member the article resolved to someone without
    the family name is someone else (a bare first name linked to the wrong person)."""
    family = {c.lower_ for c in noun.children if c.dep_ == "compound" and c.pos_ == "PROPN"}
    if not family:
        return members
    out = []
    for k, t in members:
        name = str((facts.records.get(k) or {}).get("name", "")).lower().split()
        if family & set(name) or len(name) < 2:  # "David" resolved to "David Friedman": not a Koch
            out.append((k, t))
    return out


def _had_single(facts: Facts) -> list[Hit]:
    """``X had a son, Y`` / ``they have a daughter, Y``: the subject of "have" owns the kin noun."""
    hits: list[Hit] = []
    nouns = _word_types("single_nouns")
    for tok in facts.doc:
        typ = nouns.get(tok.lower_)
        if typ is None or tok.dep_ != "dobj" or tok.head.lemma_.lower() not in _spec()["have_verbs"]:
            continue
        if hyphenated_kin(tok) is not None:
            continue
        if any(c.dep_ == "poss" for c in tok.children):
            continue  # "X's son" is the relational nouns' case
        owners, weak = _owners(facts, tok)
        fillers = [k for c in tok.children if c.dep_ == "appos" for k in _people(facts, c)]
        if len(fillers) != 1:
            continue
        for o in owners:
            subj, obj = (o, fillers[0]) if typ == "parent" else (fillers[0], o)
            hits.append(Hit(TYPES[typ], subj, obj, [tok.head, tok], PRONOUN if weak else NAMED, timed=False))
    return hits


# --- marriage and birth ----------------------------------------------------------------------------


def _married_to(facts: Facts) -> list[Hit]:
    """``X is married to Y`` / ``X was married to A, B and C`` / ``X, married to Y,``."""
    hits: list[Hit] = []
    verbs = set(_spec()["marriage_verbs"])
    for tok in facts.doc:
        if tok.lemma_.lower() not in verbs and tok.lower_ not in {"married", "wed"}:
            continue
        spouses = [t for c in tok.children if c.dep_ == "prep" and c.lower_ == "to"
                   for p in c.children if p.dep_ == "pobj" for t in _chain(p)]
        if not spouses:
            continue
        subj = _subject_of_state(tok)
        if subj is None:
            continue
        weak = subj.pos_ == "PRON"
        verb = tok.head if tok.dep_ in {"acomp", "attr"} else tok  # "is not married to": the copula's "not"
        if any(c.dep_ == "aux" and c.tag_ == "MD" and c.lower_ in UNREAL_MODALS
               for c in (*tok.children, *verb.children)):
            continue  # "would be married to Y by now": a marriage imagined or wished ("she'd been married": had)
        neg = any(c.dep_ == "neg" for c in (*tok.children, *verb.children))
        for s in _people(facts, subj):
            for t in spouses:
                for k in _people(facts, t):
                    hits.append(Hit("family.spouse", s, k, [tok, t], PRONOUN if weak else NAMED, negated=neg))
    return hits


def _marriage_noun(facts: Facts) -> list[Hit]:
    """``his marriage to Y`` / ``X's marriage to Y`` (not a planned or proposed one)."""
    hits: list[Hit] = []
    spec = _spec()
    for tok in facts.doc:
        if tok.lemma_.lower() not in spec["marriage_nouns"] or tok.tag_ != "NN":
            continue
        if any(c.dep_ == "amod" and c.lower_ in spec["unrealised_marriage"] for c in tok.children):
            continue
        owners = [c for c in tok.children if c.dep_ == "poss"]
        spouses = [t for c in tok.children if c.dep_ == "prep" and c.lower_ in {"to", "with"}
                   for p in c.children if p.dep_ == "pobj" for t in _chain(p)]
        if len(owners) != 1 or not spouses or _alternative(spouses):
            continue
        for o in _people(facts, owners[0]):
            for t in spouses:
                for k in _people(facts, t):
                    hits.append(Hit("family.spouse", o, k, [tok, t], PRONOUN if owners[0].pos_ == "PRON" else NAMED,
                                    timed=False, identifying=True))
    return hits


def _alternative(toks: list[Token]) -> bool:
    return any(c.dep_ == "cc" and c.lower_ in {"or", "nor"} for t in toks for c in t.children)


def _subject_of_state(tok: Token) -> Token | None:
    """Who is "married": the copula's subject, the passive subject, or the noun an ``acl`` hangs on."""
    if tok.dep_ in {"acomp", "attr"}:  # "is married to"; "... and was married to": the first verb's subject
        return fact_subject(tok.head)
    if tok.dep_ == "acl":
        return tok.head
    return fact_subject(tok)


def _born_to(facts: Facts) -> list[Hit]:
    """``Y was born to X and Z`` / ``Y, born of X,``  ->  parent(X, Y), parent(Z, Y)."""
    hits: list[Hit] = []
    for tok in facts.doc:
        if tok.lower_ != "born":
            continue
        parents = [t for c in tok.children if c.dep_ == "prep" and c.lower_ in _spec()["birth_preps"]
                   for p in c.children if p.dep_ == "pobj" for t in _chain(p)]
        if not parents:
            continue
        subj = tok.head if tok.dep_ == "acl" else fact_subject(tok)
        if subj is None and tok.dep_ == "conj":
            subj = fact_subject(tok.head)
        if subj is None:
            continue
        for c in _people(facts, subj):
            for t in parents:
                for p in _people(facts, t):
                    hits.append(Hit("family.parent", p, c, [tok, t], PRONOUN if subj.pos_ == "PRON" else NAMED,
                                    timed=False))
    return hits


# --- what two stated ties imply --------------------------------------------------------------------

SHARED_PARENT = 0.9  # siblings through a shared parent: as sure as the weaker of the two ties, a little less


def shared_parents(relations: list[Relation]) -> list[Relation]:
    """Two people the article gives the same parent are siblings (half-siblings too, as
    "sibling" is meant): ``A is the son of P`` + ``B, P's daughter`` -> sibling(A, B)."""
    children: dict[str, list[Relation]] = {}
    for r in relations:
        if r.type == "family.parent" and r.status == "asserted" and r.subject and r.object:
            children.setdefault(r.subject, []).append(r)
    out: list[Relation] = []
    for rels in children.values():
        for a, b in combinations(rels, 2):
            if a.object == b.object:
                continue
            conf = min(a.confidence or 0.0, b.confidence or 0.0) * SHARED_PARENT
            out.append(Relation("family.sibling", a.object, b.object, b.evidence, "asserted", confidence=conf))
    return out
