"""Relations between entities (component ``dossier_relations``, which also runs roles and events).

Patterns over the dependency parse, triggers kept as data
(``lexicons/relation_nouns.json``, ``relation_verbs.json``, ``relation_states.json``):

* relational nouns: ``X's sister, Y`` / ``Y, X's sister`` / ``Y is X's sister`` /
  ``Y, a longtime friend of X's`` / ``X's sister Y``  ->  sibling(Y, X) ...;
  a plural ``the sisters`` / ``X and Y are friends`` relates the pair;
* verbs: ``X endorsed Y``, ``a statement endorsing Y`` (subject of "released"),
  ``X worked for Y``, ``Y lost to X`` (defeated(X, Y)), ``they both lost ... to X``;
  reciprocal verbs with a pair subject (``the two did not speak``);
* pair predicates: ``the two have been close``, ``they were at odds``;
* bond nouns: ``X and Y's friendship``, ``sisterhood with Y``, ``X's open hostility toward Y``,
  ``their partnership soured`` (tension).

Every relation takes ``status``/``source`` from the status API over the clause that
states it; a relation in an imagined or hypothetical frame is not emitted at all.
"""

from __future__ import annotations

import logging
from dataclasses import dataclass
from functools import lru_cache

from spacy.tokens import Doc, Token

from ...graph import Event, Relation, Role
from .. import doc_state, lexicons, syntax
from ..component import DossierComponent
from ..status import StatusInfo
from . import modality
from .index import AGENTS, PEOPLE, Facts, carried, fact_subject

log = logging.getLogger(__name__)

SYMMETRIC = frozenset({
    "family.sibling", "family.spouse", "family.relative", "social.friendship", "social.romance",
    "social.tension", "professional.worked_with", "contest.ran_against", "contact.met", "contact.spoke_with",
})
# Ties that hold over time: a sentence's date is not their date (only "since X" is).
STATES = frozenset({"family.sibling", "family.spouse", "family.child", "family.parent", "family.relative"})
COPULAS = frozenset({"be", "become", "remain", "stay"})
# Relations whose object may be an organisation named earlier ("the board", "the union").
ORG_OBJECT_TYPES = frozenset({
    "membership.member_of", "professional.worked_for", "education.studied_at", "financial.donated_to",
    "political.criticized", "political.endorsed", "political.supported", "political.opposed",
})
LOCATIVE_PREPS = frozenset({"in", "at", "near", "from", "outside", "into", "across"})
PAIR_TYPES_NEED_PEOPLE = (
    "family.", "social.", "contact.", "contest.", "professional.mentor", "professional.worked_with",
)


@dataclass
class Hit:
    """A relation before status, time and de-duplication."""

    type: str
    subject: str
    object: str
    toks: list[Token]  # trigger and argument tokens (status scope, imagined-frame guard)
    confidence: float
    timed: bool = True  # take the clause's time as ``when``
    negated: bool = False
    identifying: bool = False  # stated by an apposition or possessive phrase, not by a clause
    presupposed: bool = False  # "their rivalry": the clause's hedge is not on the bond (its attribution is)


@lru_cache(maxsize=1)
def _noun_types() -> dict[str, str]:
    data = lexicons.json("facts/relation_nouns")
    out = {}
    for typ, words in data.items():
        if typ.startswith("_") or not isinstance(words, list):
            continue
        for w in words:
            out[w] = typ
    return out


@lru_cache(maxsize=1)
def _inverse_nouns() -> dict[str, str]:
    return {w: typ for typ, words in lexicons.json("facts/relation_nouns")["inverse"].items() for w in words}


@lru_cache(maxsize=1)
def _noun_words() -> frozenset[str]:
    """Every relational noun, direct or inverse (built once: the union is asked for at every noun)."""
    return frozenset(_noun_types()) | frozenset(_inverse_nouns())


@lru_cache(maxsize=1)
def _plural_nouns() -> dict[str, str]:
    return {w: typ for typ, words in lexicons.json("facts/relation_nouns")["plural_pairs"].items() for w in words}


@lru_cache(maxsize=1)
def _verb_entries() -> list[tuple[str, str, tuple[str, ...], str | None]]:
    """(type, lemma, middle words, preposition) for every verb trigger."""
    data = lexicons.json("facts/relation_verbs")
    preps = {"for", "to", "with", "against", "from", "at", "in", "on", "under", "alongside", "behind", "into", "of"}
    out = []
    for typ, entries in data.items():
        if "." not in typ or not isinstance(entries, list):
            continue
        for entry in entries:
            words = entry.split()
            prep = words[-1] if len(words) > 1 and words[-1] in preps else None
            middle = tuple(words[1:-1] if prep else words[1:])
            out.append((typ, words[0], middle, prep))
    return out


def _types_for(kind: str, typ: str) -> frozenset[str]:
    table = lexicons.json("facts/relation_verbs").get(kind, {})
    return frozenset(table.get(typ, ["PERSON"]))


def _needs_people(typ: str) -> bool:
    return typ.startswith(PAIR_TYPES_NEED_PEOPLE)


# --- relational nouns ------------------------------------------------------------------------------


def _noun_word(tok: Token) -> str | None:
    """The lexicon word a noun token heads ("best friend", "business partner", "sister"); a word
    the tokenizer split ("son - in - law", "step - brother") is read whole."""
    words = _noun_words()
    whole = hyphenated_kin(tok)
    if whole is not None:
        return whole if whole in words else None
    # Only the token just before can be the modifier, so look at it rather than walk the children.
    prev = tok.doc[tok.i - 1] if tok.i > 0 else None
    if prev is not None and prev.head.i == tok.i and prev.dep_ in {"compound", "amod"}:
        two = f"{prev.lower_} {tok.lower_}"
        if two in words:
            return two
    return tok.lower_ if tok.lower_ in words else None


def hyphenated_kin(tok: Token) -> str | None:
    """``son-in-law`` / ``step-brother`` when ``tok`` is the kin word of such a split compound
    (the tokenizer gives "son", "-", "in", "-", "law"): never the bare "son" or "brother"."""
    doc = tok.doc
    after = [t.lower_ for t in doc[tok.i + 1 : tok.i + 5]]
    if after == ["-", "in", "-", "law"]:
        return f"{tok.lower_}-in-law"
    before = [t.lower_ for t in doc[max(0, tok.i - 2) : tok.i]]
    if len(before) == 2 and before[1] == "-" and before[0] in {"step", "half", "ex", "grand", "great"}:
        return f"{before[0]}{'-' if before[0] in {'half', 'ex', 'great'} else ''}{tok.lower_}"
    return None


def _possessors(facts: Facts, noun: Token) -> list[str]:
    out: list[str] = []
    for c in noun.children:
        if c.dep_ == "poss":
            if unnamed_conjunct(facts, noun, c):
                continue  # "the film's star and his wife Y": "his" is the unnamed one, not coreference's pick
            out += conjunct_owner(facts, noun, c) or _bound_owner(facts, noun, c) or facts.denote(c)
        elif c.dep_ == "prep" and c.lower_ in {"of", "to"}:
            for p in c.children:
                if p.dep_ == "pobj" and not _alternatives(p):
                    out += facts.denote(p)
    return out


def _alternatives(tok: Token) -> bool:
    """``the daughter of A and B or C``: owners offered as alternatives are no stated tie."""
    return any(t.dep_ == "cc" and t.lower_ in {"or", "nor"} for t in tok.subtree if t.head.i >= tok.i)


def conjunct_owner(facts: Facts, noun: Token, poss: Token) -> list[str]:
    """``X and his wife Y``, ``X, as well as his son Y``: the pronoun is the person the kin phrase is
    coordinated with, whatever coreference said (the nearest antecedent, not the article's subject)."""
    if poss.pos_ == "PRON" and listed_kin(facts, noun):
        return [k for k in facts.denote(noun.head, conj=False) if facts.type(k) == "PERSON"][:1]
    if poss.pos_ != "PRON" or noun.dep_ != "conj":
        return []
    head = noun.head
    while head.dep_ == "appos" and head.head.i != head.i:  # "X, count of Y, and his wife Z": X
        head = head.head
    keys = [k for k in facts.denote(head, conj=False) if facts.type(k) == "PERSON"]
    return keys[:1]


def listed_kin(facts: Facts, noun: Token) -> bool:
    """``included Gov. X, his wife, Y, and Z``: a pronoun's kin phrase apposed to a person and naming a
    person of its own is the next item of a list, the pronoun is the person just named (a list of
    people, not "X is his wife")."""
    def person(tok: Token) -> bool:
        return any(facts.type(k) == "PERSON" for k in facts.denote(tok, conj=False))

    if noun.dep_ != "appos" or not person(noun.head):
        return False
    return any(c.dep_ == "appos" and c.i > noun.i and person(c) for c in noun.children)


BINDING = {"his": "he", "her": "she", "their": "they"}


def _bound_owner(facts: Facts, noun: Token, poss: Token) -> list[str]:
    """``He was succeeded by his son Y``: a possessive pronoun matching its clause's pronoun subject
    is that subject, whoever coreference found nearer."""
    subj_form = BINDING.get(poss.lower_)
    verb = noun.head
    while verb.pos_ not in {"VERB", "AUX"} and verb.head.i != verb.i:
        verb = verb.head
    subj = next((c for c in verb.children if c.dep_ in {"nsubj", "nsubjpass"}), None)
    if subj_form is None or subj is None or subj.lower_ != subj_form or subj.i > noun.i:
        return []
    return [k for k in facts.denote(subj) if facts.type(k) == "PERSON"][:1]


def _alias_of_owner(facts: Facts, filler: Token, owners: list[str]) -> bool:
    """``the son of Yakub ( Jacob )``: a name in brackets right after an owner is the owner's other name."""
    i = filler.left_edge.i - 1
    brackets = False
    while i >= 0 and facts.doc[i].is_punct:
        brackets = brackets or facts.doc[i].text in {"(", "["}
        i -= 1
    return brackets and i >= 0 and facts.key(i) in owners


def unnamed_conjunct(facts: Facts, noun: Token, poss: Token) -> bool:
    """``X and his wife Y`` where X names no person of the article: the owner is X, whoever it is."""
    if poss.pos_ != "PRON" or noun.dep_ != "conj" or noun.head.i == noun.i:
        return False
    return not conjunct_owner(facts, noun, poss)


def _fillers(facts: Facts, noun: Token) -> list[Token]:
    """Who the relational noun describes: its apposition, the noun it is in apposition to, the subject."""
    out = [c for c in noun.children if c.dep_ == "appos"][:1]  # "his brother A, B, C and D": A only
    if noun.dep_ == "appos" and not (out and listed_kin(facts, noun)):
        out.append(noun.head)
        born = _born_in(noun.head)
        if born is not None:
            out.append(born)
    if noun.dep_ in {"attr", "oprd"} and noun.head.lemma_.lower() in COPULAS:
        subj = next((c for c in noun.head.children if c.dep_ in {"nsubj", "nsubjpass"}), None)
        if subj is not None:
            out.append(subj)
    if noun.dep_ == "nsubj" and noun.head.lemma_.lower() == "be":  # "His father was Y"
        out += [c for c in noun.head.children if c.dep_ == "attr"]
    if noun.dep_ == "compound" and facts.key(noun.head.i):
        out.append(noun.head)
    return out


def _relational_nouns(facts: Facts) -> list[Hit]:
    hits: list[Hit] = []
    nouns, inverse = _noun_types(), _inverse_nouns()
    for tok in facts.doc:
        if tok.pos_ not in {"NOUN", "PROPN"} or (facts.key(tok.i) and facts.kind(tok.i) != "descriptor"):
            continue
        word = _noun_word(tok)
        if word is None or tok.tag_ in {"NNS", "NNPS"}:
            continue
        owners = _possessors(facts, tok)
        if not owners or _modal_copula(tok):
            continue
        typ = inverse.get(word) or nouns[word]
        prior = None
        if word in RIVALS:
            typ, prior = _rivals(tok)
        for filler in _fillers(facts, tok):
            if _misattached(filler) or _alias_of_owner(facts, filler, owners) or _org_in_phrase(facts, filler):
                continue
            fills = facts.denote(filler, conj=False)  # one noun, one filler: "A (father of X) and B"
            if not fills and not _needs_people(typ):
                ref = facts.org_ref(filler)  # "the union, a member of X"
                fills = [ref] if ref else []
            if set(fills) & set(owners):
                continue  # "the son of X and Y": the filler is not one of the owners
            weak = any(c.dep_ == "poss" and c.pos_ == "PRON" and not conjunct_owner(facts, tok, c)
                       for c in tok.children)  # "his wife": rests on coref ("X and his wife": on the parse)
            former = typ.startswith(PAST_TIES) and any(c.dep_ == "amod" and c.lower_ in FORMER for c in tok.children)
            for f in fills:
                for o in owners:
                    subj, obj = (o, f) if word in inverse else (f, o)
                    conf = prior or (0.65 if weak else 0.85)
                    if former:
                        conf = min(conf, FORMER_TIE)  # "a former backer of X": a tie that ended, shown as holding
                    # a rival is named, not dated: the clause's time is not the race's
                    hits.append(Hit(typ, subj, obj, [tok, filler], conf, timed=typ not in STATES and prior is None,
                                    negated=_stated_not(tok),
                                    identifying=tok.dep_ != "attr"))
    return hits


RIVALS = frozenset({"rival", "archrival", "rivals", "rivalry"})
ELECTORAL = frozenset({"democratic", "republican", "gop", "democrat", "libertarian", "independent", "primary",
                       "presidential", "mayoral", "gubernatorial", "senate", "congressional", "election", "race",
                       "campaign", "nomination", "nominee", "candidate", "candidates", "ballot", "reelection",
                       "re-election", "caucus", "caucuses", "runoff", "electoral", "contest", "debate", "polls",
                       "vote", "votes", "delegates", "convention", "incumbent", "challenger"})
RIVAL_TENSION = 0.5  # a rival outside an election: a competitor as often as a foe (hidden by default)


def _rivals(tok: Token) -> tuple[str, float]:
    """``her Republican rival``: in an election a rival is an opponent in the race (ran_against);
    elsewhere the word says too little of any tension between the two to be shown."""
    if any(t.lower_ in ELECTORAL for t in tok.sent):
        return "contest.ran_against", 0.75
    return "social.tension", RIVAL_TENSION


FORMER = frozenset({"former", "onetime", "one-time", "erstwhile", "ex"})
# "a former backer of X": a stand given up (he backs someone else now), shown it reads as current; a
# "former business partner" still worked with X, and stays shown
FORMER_TIE = 0.5
PAST_TIES = ("political.",)


def _born_in(place: Token) -> Token | None:
    """``X was born in Kent, Ohio, the son of Y``: the kin noun in apposition to the birthplace
    describes the one born (X)."""
    while place.dep_ in {"appos", "conj"} and place.head.i != place.i:
        place = place.head
    prep = place.head
    if place.dep_ != "pobj" or prep.lower_ != "in" or prep.head.lower_ != "born":
        return None
    return fact_subject(prep.head)


def _misattached(filler: Token) -> bool:
    """A filler the parse hung on the noun wrongly: a coordinated name ("son of X and Y") read as an
    apposition, or a place ("born in Kent, Ohio, the son of X") that the noun is in apposition to."""
    doc = filler.doc
    if filler.dep_ == "appos" and filler.left_edge.i > 0 and doc[filler.left_edge.i - 1].lower_ in {"and", "or"}:
        return True
    f = filler
    while f.dep_ == "appos" and f.head.i != f.i:
        f = f.head
    return f.dep_ == "pobj" and f.head.lower_ in LOCATIVE_PREPS


def _modal_copula(noun: Token) -> bool:
    """``Obi would be Lane's running mate``: the copula's modal makes the tie a possibility or a wish."""
    if noun.dep_ not in {"attr", "oprd"}:
        return False
    modals = {c.lower_ for c in noun.head.children if c.dep_ == "aux" and c.tag_ == "MD"}
    return bool(modals & (DEONTIC | CONDITIONAL | ABILITY | {"may", "might"}))


def _org_in_phrase(facts: Facts, filler: Token) -> bool:
    """``the 2014 candidate for U.S. Senate, a longtime supporter of X``: a person noun the parse put in
    apposition to an organisation inside a prepositional phrase describes the phrase's head (a person),
    not the organisation."""
    from .events import _person_noun

    if filler.dep_ != "pobj":
        return False
    keys = facts.denote(filler, conj=False)
    if not keys or any(facts.is_a(k, PEOPLE) for k in keys):
        return False
    # the phrase hangs on a person ("candidate for U.S. Senate"), not on an act or a thing ("the
    # backing of the Vale Teachers Union, a longtime ally of X": the union is the ally)
    holder = filler.head.head
    return _person_noun(holder) or any(facts.is_a(k, PEOPLE) for k in facts.denote(holder, conj=False))


def _stated_not(noun: Token) -> bool:
    """``Y is not X's sister`` / ``His father was not Y``: the copula that states the tie is negated
    (not a clause the kin phrase merely sits in: "Her husband, Y, did not attend")."""
    copula = noun.head
    if noun.dep_ == "attr" or (noun.dep_ == "nsubj" and copula.lemma_.lower() == "be"
                               and any(c.dep_ == "attr" for c in copula.children)):
        return _neg(copula)  # not "X's partner, Y, is not on board": the copula there says no tie
    return False


def _neg(tok: Token) -> bool:
    return any(c.dep_ == "neg" for c in tok.children)


# --- pairs: "X and Y are friends", "the two have been close", "the sisters" --------------------------


def _pair_of(facts: Facts, tok: Token) -> list[str]:
    keys = [k for k in facts.denote(tok) if facts.type(k) == "PERSON"]
    return keys if len(keys) == 2 else []


def _pair_states(facts: Facts) -> list[Hit]:
    hits: list[Hit] = []
    states = lexicons.json("facts/relation_states")
    adjectives = {w: t for t, ws in states["adjectives"].items() for w in ws}
    phrases = {tuple(p.split()): t for t, ps in states["phrases"].items() for p in ps}
    plurals = _plural_nouns()
    for verb in facts.doc:
        if verb.lemma_.lower() not in COPULAS:
            continue
        subj = next((c for c in verb.children if c.dep_ in {"nsubj", "nsubjpass"}), None)
        if subj is None:
            continue
        for pred in verb.children:
            typ = None
            other: list[str] = []
            if pred.dep_ == "attr":
                words = f"{pred.left_edge.lower_} {pred.lower_}" if pred.left_edge.i < pred.i else pred.lower_
                typ = plurals.get(words.split(" ", 1)[-1]) or plurals.get(pred.lower_)
            elif pred.dep_ == "acomp" and pred.lower_ in adjectives:
                if any(c.dep_ == "prep" and c.lower_ in {"in", "on", "at", "by"} for c in pred.children):
                    continue  # "they are close in age", "close on policy", "cool at the table": no bond
                typ = adjectives[pred.lower_]
                other = [k for p in pred.children if p.dep_ == "prep" and p.lower_ in {"to", "with"}
                         for q in p.children if q.dep_ == "pobj" for k in facts.denote(q)]
            elif pred.dep_ == "prep":
                for phrase, t in phrases.items():
                    toks = facts.doc[pred.i : pred.i + len(phrase)]
                    if tuple(x.lower_ for x in toks) == phrase:
                        typ = t
                        other = [k for x in toks.root.subtree if x.dep_ == "pobj" and x.head.lower_ == "with"
                                 for k in facts.denote(x)]
            if typ is None:
                continue
            neg = _neg(verb) or _neg(pred)
            ends = _pair_of(facts, subj)
            if not ends and other:
                s = facts.first(subj, PEOPLE)
                ends = [s, other[0]] if s else []
            prior = 0.75
            if pred.lower_ in RIVALS:
                typ, prior = _rivals(pred)
            if len(ends) == 2 and ends[0] != ends[1]:
                hits.append(Hit(typ, ends[0], ends[1], [verb, subj, pred], prior, timed=False, negated=neg))
    for tok in facts.doc:  # "The sisters founded ...": the pair is the relation
        if tok.tag_ in {"NNS", "NNPS"} and tok.lower_ in plurals and any(c.lower_ == "the" for c in tok.children):
            if tok.dep_ not in {"nsubj", "nsubjpass"} or any(c.dep_ == "compound" for c in tok.children):
                continue  # "the third of the Pandora brothers": a named family, not the pair before it
            pair = facts.pair(tok)
            if pair:
                typ, prior = _rivals(tok) if tok.lower_ in RIVALS else (plurals[tok.lower_], 0.7)
                hits.append(Hit(typ, pair[0], pair[1], [tok], prior, timed=False))
    return hits


# --- bond nouns: "X and Y's friendship", "sisterhood with Y", "hostility toward Y" ---------------------

# "an unlikely political alliance between X and Y": a bond of convenience, not a friendship (hidden)
WEAK_BONDS = {"alliance": 0.5}


def _bond_nouns(facts: Facts) -> list[Hit]:
    hits: list[Hit] = []
    states = lexicons.json("facts/relation_states")
    bonds = {w: t for t, ws in states["bond_nouns"].items() for w in ws}
    toward = {w: t for t, ws in states["toward_nouns"].items() for w in ws}
    tension_adj = set(states["adjectives"]["social.tension"])
    doc = facts.doc
    for tok in doc:
        if tok.pos_ != "NOUN":
            continue
        low = tok.lower_
        mods = {c.lower_ for c in tok.children if c.dep_ == "amod"}
        if low in bonds or f"{next(iter(mods), '')} {low}" in bonds:
            typ = bonds.get(low) or bonds[f"{next(iter(mods))} {low}"]
            prior = WEAK_BONDS.get(low, 0.7)
            if low in RIVALS:
                typ, prior = _rivals(tok)
            people = _bond_people(facts, tok)
            if len(people) == 2:  # "their rivalry might decide it": the possessive presupposes the bond
                hits.append(Hit(typ, people[0], people[1], [tok], prior, timed=False,
                                presupposed=any(c.dep_ == "poss" for c in tok.children)))
            continue
        if low in toward:
            typ = toward[low]
            if typ == "social.tension" and low in {"behavior", "behaviour"} and not mods & tension_adj:
                continue
            agent = [k for c in tok.children if c.dep_ == "poss" for k in facts.denote(c)]
            prior = 0.7
            owner = next((c for c in tok.children if c.dep_ == "poss" and c.tag_ == "PRP$"), None)
            if owner is not None and agent:
                from .events import _doubtful_pronoun

                if _doubtful_pronoun(facts, owner):
                    prior = DOUBTFUL_OWNER  # "he said Lane must tone down his attacks on Y": "his" is Lane's
            if not agent and tok.dep_ in {"dobj"} and tok.head.lemma_.lower() in set(states["agent_verbs"]):
                s = fact_subject(tok.head)  # "X voiced criticism of Y" (not "X cited criticism of Y")
                agent = facts.denote(s) if s is not None else []
            preps = {"toward", "towards", "for", "to", "against", "on"}
            if typ not in {"political.supported", "political.endorsed"}:
                preps.add("of")  # "the backing of Y" names the backer, not the one backed
            targets = [k for c in tok.children if c.dep_ == "prep" and c.lower_ in preps
                       for p in c.children if p.dep_ == "pobj" and not (typ in BACKING and _policy(facts, p))
                       for k in facts.denote(p)]
            if typ in BACKING:  # "his support for Israel": a stand on a country, no backing of a person or group
                targets = [t for t in targets if facts.is_a(t, _types_for("object_types", typ))]
            if tok.dep_ == "dobj" and tok.head.lemma_.lower() in WITHDRAWN:
                continue  # "withdrew her support for Y": the tie ended
            for a in agent[:1]:
                for t in targets:
                    hits.append(Hit(typ, a, t, [tok], prior, timed=True))
    return hits


DOUBTFUL_OWNER = 0.55  # a possessive pronoun the sentence gives to someone else than coreference chose
WITHDRAWN = frozenset({"withdraw", "pull", "rescind", "revoke", "retract", "drop", "end", "abandon", "lose",
                       "forfeit", "suspend"})


def _turning_nouns(facts: Facts) -> list[Hit]:
    """``their relationship soured``: tension between the pair from the moment the tie went bad."""
    spec = lexicons.json("facts/relation_states")["turning_nouns"]
    nouns, verbs = set(spec["nouns"]), set(spec["verbs"])
    hits: list[Hit] = []
    for tok in facts.doc:
        if tok.lemma_.lower() not in nouns or tok.dep_ not in {"nsubj", "nsubjpass"}:
            continue
        verb = tok.head
        if verb.lemma_.lower() not in verbs:
            continue
        people = _bond_people(facts, tok)
        if len(people) == 2:
            hits.append(Hit("social.tension", people[0], people[1], [tok, verb], 0.7, negated=_neg(verb)))
    return hits


def _bond_people(facts: Facts, noun: Token) -> list[str]:
    """The two people of a bond noun: possessors (with "X and Y's"), "between X and Y", "with Y" + holder."""
    doc = facts.doc
    people: list[str] = []
    for c in noun.children:
        if c.dep_ == "poss":
            people += facts.denote(c)
            start = c.left_edge.i
            mention = next((m for m in facts.mention_spans if m[0] <= c.i < m[1]), None)
            if mention:
                start = mention[0]
            if start >= 2 and doc[start - 1].lower_ == "and":
                prev = facts.key(start - 2)
                if prev and prev not in people:
                    people.insert(0, prev)
        elif c.dep_ == "prep" and c.lower_ in {"between", "with"}:
            for p in c.children:
                if p.dep_ == "pobj":
                    people += facts.denote(p)
    if len(people) == 1 and noun.dep_ in {"dobj", "pobj"}:
        head = noun.head if noun.dep_ == "dobj" else noun.head.head
        s = fact_subject(head)
        if s is not None:
            people = [k for k in facts.denote(s)][:1] + people
    people = [p for p in dict.fromkeys(people) if facts.type(p) == "PERSON"]
    return people


# --- verbs -----------------------------------------------------------------------------------------


def _prep_objects(facts: Facts, verb: Token, prep: str) -> list[Token]:
    out = []
    scope = [verb] + [c for c in verb.children if c.dep_ in {"dobj", "prt"}]
    scope += [p for c in verb.children if c.dep_ == "prep" and c.lower_ == "with" for p in c.children
              if p.dep_ == "pobj"]  # "studied with X at Y": the parse hangs "at Y" on X
    for h in scope:
        for c in h.children:
            if c.dep_ in {"prep", "dative", "agent"} and c.lower_ == prep:
                out += [p for p in c.children if p.dep_ == "pobj"]
    return out


def _middle_ok(verb: Token, middle: tuple[str, ...]) -> bool:
    if not middle:
        return True
    after = [t.lower_ for t in verb.doc[verb.i + 1 : verb.i + 1 + len(middle) + 2]]
    return all(m in after for m in middle)


def _verbs(facts: Facts) -> list[Hit]:
    hits: list[Hit] = []
    data = lexicons.json("facts/relation_verbs")
    reciprocal = {lem: t for t, lems in data["reciprocal"].items() for lem in lems}
    school_words = set(data["school_words"])
    entries = _verb_entries()
    by_lemma: dict[str, list[tuple[str, tuple[str, ...], str | None]]] = {}
    for typ, lemma, middle, prep in entries:
        by_lemma.setdefault(lemma, []).append((typ, middle, prep))
    for verb in facts.doc:
        if verb.pos_ not in {"VERB", "AUX"}:
            continue
        lemma = verb.lemma_.lower()
        passive = any(c.dep_ in {"nsubjpass", "auxpass"} for c in verb.children)
        matched = False
        for typ, middle, prep in by_lemma.get(lemma, []):
            if not _middle_ok(verb, middle):
                continue
            if prep:
                objs = _prep_objects(facts, verb, prep)
            elif passive:
                objs = [c for c in verb.children if c.dep_ == "nsubjpass"]
            else:
                objs = [c for c in verb.children if c.dep_ == "dobj"]
            if not objs:
                continue
            if passive and not prep:
                agent = _prep_objects(facts, verb, "by")
                subj_keys = [k for a in agent for k in facts.denote(a)]
            else:
                s = fact_subject(verb)
                subj_keys = facts.denote(s) if s is not None and not carried(facts, s) else []
                if s is not None and (_speaker_bound(facts, s, verb) or _unnamed_doer(facts, verb)):
                    subj_keys = []  # "67 percent say they will vote for Y": "they" are the share, not coref's pair
                if s is not None and facts.pair(s) and typ in {"contest.lost_to"}:
                    subj_keys = list(facts.pair(s) or ())
            if _not_this_tie(typ, verb, objs):
                continue
            if typ.startswith("contact."):  # "met with Lane's campaign": its staff, not Lane
                objs = [o for o in objs if not carried(facts, o)]
            obj_keys = [k for o in objs if not (typ in BACKING and _policy(facts, o)) for k in facts.denote(o)]
            taken = {k for c in _objects_taken_as_subjects(verb) + [o for o in objs if _not_but(o)]
                     for k in facts.denote(c, conj=False)}
            obj_keys = [k for k in obj_keys if k not in taken]
            if not obj_keys and typ in ORG_OBJECT_TYPES:  # "served on the board", "joined the union"
                obj_keys = [k for o in objs if not (typ.startswith("political.") and _policy(facts, o))
                            for k in [facts.org_ref(o, {"ORG", "GROUP", "OUTLET"})] if k]
            if typ == "education.studied_at":
                obj_keys = [k for k in obj_keys if lemma != "attend" or _school(facts, k, school_words)]
            obj_keys += _carried_orgs(facts, objs, data)
            if not subj_keys or not obj_keys:
                continue
            fellows = [k for p in _prep_objects(facts, verb, "with") for k in facts.denote(p)
                       if facts.is_a(k, PEOPLE)] if typ == "education.studied_at" else []
            if fellows and set(fellows) >= set(subj_keys):
                outer = _outer_person(facts, verb, set(fellows))  # "X, a friend of Y's who studied with her"
                subj_keys = [outer] if outer else []
            subj_keys += [k for k in fellows if k not in subj_keys]
            matched = True
            doubt = not (passive and not prep) and _doubtful_subject(facts, verb)
            for s_key in subj_keys:
                for o_key in obj_keys:
                    for h in _verb_hit(facts, typ, s_key, o_key, verb, objs):
                        if doubt and h.subject == s_key:
                            h.confidence = min(h.confidence, DOUBTFUL_OWNER)
                        hits.append(h)
        if not matched and lemma in reciprocal:
            s = fact_subject(verb)
            if s is not None and not any(c.dep_ in {"dobj", "prep"} and c.lower_ not in {"in", "on", "at", "for",
                                         "since", "during", "after", "before", "until", "by", "over"}
                                         for c in verb.children):
                pair = _pair_of(facts, s)
                if len(pair) == 2 and not _unstated(reciprocal[lemma], verb) and not _addressed(verb):
                    prior = 0.7 if lemma != "speak" or _conversation(verb) else UNCUED_SPEAKING
                    hits.append(Hit(reciprocal[lemma], pair[0], pair[1], [verb, s], prior, negated=_neg(verb)))
        if lemma == "lose" and not matched:
            hits += _lost_after_running(facts, verb)
    return hits


def _doubtful_subject(facts: Facts, verb: Token) -> bool:
    """A pronoun subject the sentence gives to someone else than coreference chose ("He said Obi could
    lose because he backs Lane": the second "he" is Obi)."""
    from .events import _doubtful_pronoun

    s = fact_subject(verb)
    if s is None or s.tag_ != "PRP" or not _doubtful_pronoun(facts, s):
        return False
    root = s.sent.root
    main = [c for c in root.children if c.dep_ in {"nsubj", "nsubjpass"} and c.i > s.i]
    return not any(facts.key(c.i) == facts.key(s.i) for c in main)  # "While he backs Y, Obi ...": Obi's


def _speaker_bound(facts: Facts, subj: Token, verb: Token) -> bool:
    """``67 percent say they will vote for Y``, ``most voters said they back Y``: "they" in what a
    plural speaker says is that speaker. When the speaker names no person of the article (a share of
    a poll, a crowd), the clause is no tie of whoever coreference linked "they" to."""
    if subj.lower_ != "they" or subj.i < verb.sent.start:
        return False
    clause = verb
    while clause.dep_ in {"conj", "xcomp"} and clause.head.i != clause.i:
        clause = clause.head
    if clause.dep_ != "ccomp" or (subj.head.i != clause.i and subj.head.i != verb.i):
        return False
    speaker = syntax.direct_subject(clause.head, syntax.NOMINAL_SUBJECTS)
    if speaker is None or speaker.pos_ == "PRON" or facts.key(speaker.i) or facts.pair(speaker):
        return False
    share = speaker.lower_ in SHARES or speaker.lemma_.lower() in SHARES
    if not share and any(c.lower_ in PAIR_WORDS for c in speaker.children):
        return False  # "both women said they ...": the pair named before
    plural = share or speaker.tag_ in {"NNS", "NNPS"} or any(c.dep_ == "nummod" for c in speaker.children)
    return plural and not any(facts.is_a(k, PEOPLE) for k in facts.denote(speaker))


def _unnamed_doer(facts: Facts, verb: Token) -> bool:
    """``to persuade the voters now backing him``: a participle on a people noun ("voters", "supporters")
    is what those unnamed people do, not the main clause's subject (a statement "endorsing X" is its
    issuer's)."""
    head = verb.head
    if verb.dep_ == "xcomp" and verb.tag_ == "VBG":  # the parse's other reading: "persuade [voters] [backing him]"
        head = next((c for c in head.children if c.dep_ == "dobj" and c.i < verb.i), head)
    elif verb.dep_ != "acl" or head.dep_ not in {"dobj", "pobj"}:
        return False
    if (head.i == verb.head.i and verb.dep_ == "xcomp") or facts.key(head.i):
        return False
    return head.lemma_.lower() in lexicons.load("person_nouns") or head.lower_ in lexicons.load("person_nouns")


PAIR_WORDS = frozenset({"both", "two", "three", "pair"})
SHARES = frozenset({"percent", "%", "majority", "minority", "plurality", "most", "half", "many", "some", "few",
                    "third", "quarter", "fifth", "tenth"})


# "Obi and Lane will speak there", "both spoke at the convention": each addressed an audience
PODIUM_PREPS = frozenset({"at", "before", "to"})
PODIUM_ADVERBS = frozenset({"there", "here", "onstage", "first", "next", "later", "tonight"})


# "Obi and Lane spoke" with nothing more: each may have spoken (to a crowd) as well as the two together
UNCUED_SPEAKING = 0.5
TALK_ADVERBS = frozenset({"privately", "briefly", "regularly", "often", "frequently", "again", "daily", "weekly",
                          "recently", "twice", "personally", "directly"})
TALK_NOUNS = frozenset({"phone", "telephone", "length", "minute", "minutes", "hour", "hours", "video", "zoom"})


def _conversation(verb: Token) -> bool:
    """``X and Y spoke by phone / privately / for an hour``: a word that makes "spoke" a talk between them."""
    for c in verb.children:
        if c.dep_ == "advmod" and c.lower_ in TALK_ADVERBS:
            return True
        if c.dep_ == "npadvmod" and c.lower_ in {"twice", "daily", "weekly"}:
            return True
        if c.dep_ == "prep" and any(t.lemma_.lower() in TALK_NOUNS or t.lower_ in TALK_NOUNS for t in c.subtree):
            return True
    return False


def _addressed(verb: Token) -> bool:
    """``X and Y spoke at the rally``: two speakers at an event, not a conversation between them
    ("X and Y spoke by phone", "talked at length" are one, and so are "spoke at length", where "at"
    names no place, and "spoke privately at the convention": a private talk outweighs the place)."""
    if verb.lemma_.lower() != "speak":
        return False
    if any((c.dep_ == "advmod" and c.lower_ in PRIVATE_TALK) or (c.dep_ == "prep" and any(
            p.dep_ == "pobj" and p.lemma_.lower() in TALK_MEDIA for p in c.children)) for c in verb.children):
        return False
    return any((c.dep_ == "prep" and c.lower_ in PODIUM_PREPS and not any(
        p.dep_ == "pobj" and p.lower_ == "length" for p in c.children))
        or (c.dep_ == "advmod" and c.lower_ in PODIUM_ADVERBS) for c in verb.children)


PRIVATE_TALK = frozenset({"privately", "personally", "directly"})
TALK_MEDIA = frozenset({"phone", "telephone", "video", "zoom"})


def _not_but(obj: Token) -> bool:
    """``endorsed not Lane but Reyes``: the first conjunct is the one denied ("not only X but also Y"
    keeps both: there "not" is no negation of X)."""
    return any(c.dep_ == "neg" and c.lower_ == "not" for c in obj.children) and any(
        c.dep_ == "cc" and c.lower_ == "but" for c in obj.children)


VERB_LINKERS = frozenset({"then", "later", "also", "soon", "eventually", "afterward", "afterwards", "subsequently"})


def _objects_taken_as_subjects(verb: Token) -> list[Token]:
    """``Lane supported it and Obi, as she has before, opposed the bill``: a name coordinated with the
    object, followed by a coordinated verb with no subject and no "and" of its own, is that verb's
    subject the parser hung on the object ("endorsed Obi and Holt, and campaigned for them" keeps Holt)."""
    out: list[Token] = []
    doc = verb.doc
    later = [v for v in verb.children if v.dep_ == "conj"]
    if verb.dep_ == "ccomp" and verb.head.i > verb.i:
        later.append(verb.head)  # the parse may make the first clause the second verb's complement
    for v in later:
        if v.pos_ not in syntax.VERBAL or syntax.direct_subject(v) is not None:
            continue
        if any(c.dep_ == "advmod" and c.i < v.i and c.lower_ in VERB_LINKERS for c in v.children):
            continue  # "endorsed Obi and Holt, then campaigned for them"
        if any(c.dep_ == "cc" and c.i > v.i for c in v.children):
            continue  # "endorsed Obi and Holt, thanked the crowd and left": a series of the subject's acts
        for o in verb.children:
            if o.dep_ != "dobj":
                continue
            for c in o.subtree:
                if c.dep_ != "conj" or c.i > v.i or c.pos_ != "PROPN":
                    continue
                between = doc[c.i + 1 : v.i]
                if not any(t.dep_ in {"cc", "preconj"} and t.head.i in {verb.i, v.i} for t in between):
                    out.append(c)
    return out


MONEY_WORDS = frozenset({"money", "cash", "dollar", "million", "billion", "thousand", "donation", "contribution",
                         "sum", "amount", "check", "cheque", "gift", "fund", "funds", "grant", "loan", "$"})
# What one loses to a rival without losing the race: "lost ground to Y", "is losing votes to Y" ("lost
# the popular vote to Y" is a defeat: "votes" only in the plural)
LOST_GROUND = frozenset({"ground", "support", "momentum", "steam", "traction", "share", "voter", "votes", "backer",
                         "supporter", "donor", "endorsement", "point", "lead", "edge", "favor", "favour", "market"})
# "joined the committee for a lunch", "joined Obi at a rally", "joined her on stage": company kept, no membership
JOIN_COMPANY = frozenset({"for", "at", "on", "in"})


def _not_this_tie(typ: str, verb: Token, objs: list[Token]) -> bool:
    """A verb trigger used in another sense: "gave an interview to X" (no money), "joined X at a
    rally" (company, not membership), "named Cleveland as the most dangerous city" (no post)."""
    lemma = verb.lemma_.lower()
    if typ.startswith("contact.") and _after_inverted_subject(verb, objs):
        return True  # '"...," wrote Obi, runner-up to Lane': the "to" is the description's, no letter to Lane
    if typ == "financial.donated_to" and lemma == "give":
        return not _money(verb)
    if typ == "membership.member_of" and lemma == "join":
        return any(c.dep_ == "prep" and c.lower_ in JOIN_COMPANY and not _dated(c) for c in verb.children)
    if typ == "contest.lost_to" and lemma == "lose":  # "losing support to Y": ground given up, no defeat
        return any(c.dep_ == "dobj" and (c.lemma_.lower() in LOST_GROUND or c.lower_ in LOST_GROUND)
                   for c in verb.children)
    if typ == "contact.spoke_with" and lemma in {"speak", "talk"}:  # "speaking to her with one voice": a message
        return any(c.dep_ == "prep" and c.lower_ == "with" and any(p.lemma_.lower() == "voice" for p in c.children)
                   for c in verb.children)
    if typ == "contest.ran_against" and lemma == "challenge":  # "challenged him to a debate / to act": a dare
        return any((c.dep_ in {"prep", "dative"} and c.lower_ == "to") or c.dep_ in {"xcomp", "ccomp"}
                   for c in verb.children) or _disputed_point(verb, objs)
    if typ == "professional.hired" and lemma == "name":
        from .events import _named_to_post

        return not _named_to_post(verb, active=True)
    return False


# "challenged him on his record", "about this line of attack": the topic of an argument, no race
POINT_PREPS = frozenset({"on", "about", "over", "regarding"})


def _disputed_point(verb: Token, objs: list[Token]) -> bool:
    """``challenged X on/about/over Y``: a point put to X (not a date: "challenged X on Tuesday")."""
    return any(c.dep_ == "prep" and c.lower_ in POINT_PREPS and not _dated(c)
               for h in (verb, *objs) for c in h.children)


def _after_inverted_subject(verb: Token, objs: list[Token]) -> bool:
    """A verb before its subject (a quotation's "wrote Obi") whose prepositional object follows that
    subject: the parse hung the subject's apposition's phrase ("Obi, runner-up to Lane") on the verb."""
    subj = next((c for c in verb.children if c.dep_ == "nsubj" and c.i > verb.i), None)
    return subj is not None and any(o.dep_ == "pobj" and o.head.i > subj.i for o in objs)


def _money(verb: Token) -> bool:
    """The verb's direct object is money ("gave $500", "gave millions", "gave a donation")."""
    for o in verb.children:
        if o.dep_ != "dobj":
            continue
        if o.like_num:  # the object itself a number; a count of something else ("three interviews") is no money
            return True
        if any(t.ent_type_ == "MONEY" or t.lower_ in MONEY_WORDS or t.lemma_.lower() in MONEY_WORDS
               for t in (o, *o.children)):
            return True
    return False


def _dated(prep: Token) -> bool:
    """``joined the board in 2010``: the preposition only dates the joining."""
    return any(t.ent_type_ in {"DATE", "TIME"} for t in prep.subtree)


POLICIES = frozenset({"plan", "proposal", "policy", "agenda", "bill", "program", "programme", "rule", "law",
                      "measure", "initiative", "idea", "ideas", "stance", "position", "message", "remarks",
                      "comments", "comment", "record", "approach", "strategy"})


# Backing someone's plan is no backing of them ("backed the president's plan" while running against
# him); opposing or attacking a plan stays a stand against its owner.
BACKING = frozenset({"political.supported", "political.endorsed"})


def _policy(facts: Facts, tok: Token) -> bool:
    """``backed the president's plan``, ``attacked the program``: a stand on a policy is no support of
    its owner (nor a stand on the organisation a bare "the program" would be taken for)."""
    return not facts.key(tok.i) and tok.lemma_.lower() in POLICIES


def _outer_person(facts: Facts, verb: Token, skip: set[str]) -> str | None:
    """The person a relative clause really describes when its nearest head cannot be its subject."""
    if verb.dep_ != "relcl":
        return None
    for anc in verb.head.ancestors:
        k = facts.key(anc.i)
        if k and k not in skip and facts.is_a(k, PEOPLE):
            return k
        if anc.dep_ == "appos":
            k = facts.key(anc.head.i)
            if k and k not in skip and facts.is_a(k, PEOPLE):
                return k
    return None


def _school(facts: Facts, key: str, school_words: set[str]) -> bool:
    name = (facts.records.get(key) or {}).get("name", "").lower()
    return any(w in name.split() for w in school_words)


def _carried_orgs(facts: Facts, objs: list[Token], data: dict) -> list[str]:
    """``sits on the museum's board`` -> the museum: an org body named through its owner."""
    out = []
    carriers = set(data["org_carriers"])
    for o in objs:
        if o.lemma_.lower() in carriers and not facts.key(o.i):
            for c in o.children:
                if c.dep_ in {"poss", "compound"}:
                    k = facts.key(c.i)
                    if k and facts.type(k) in {"ORG", "GPE"}:
                        out.append(k)
    return out


DEONTIC = frozenset({"should", "ought", "must", "shall"})  # "X should endorse Y": advice, not a tie
CONDITIONAL = frozenset({"would", "could", "'d", "’d"})  # "said they would vote for Y": a prediction or intention
FUTURE = frozenset({"will", "'ll", "’ll", "wo"})  # "will meet Y later this month": a contact planned, not made
ABILITY = frozenset({"can", "ca"})
REPORTED = frozenset({"attributed", "reported"})


def _unstated(typ: str, verb: Token) -> bool:
    """A modal makes the tie advice (``should endorse``) or, for a contest's outcome, a forecast
    (``could defeat``, ``will beat``): neither is a fact about who did what. ("She will be
    challenging X" is a race under way, and keeps the status the sentence gives it.)"""
    modals = {c.lower_ for c in verb.children if c.dep_ == "aux" and c.tag_ == "MD"}
    if verb.dep_ in {"xcomp", "conj"}:
        modals |= {c.lower_ for c in verb.head.children if c.dep_ == "aux" and c.tag_ == "MD"}
    if verb.dep_ == "ccomp" and verb.head.lemma_.lower() in {"see", "have", "let", "make"}:
        # "an agreement that would see him endorse her": the modal of the verb that brings it about
        modals |= {c.lower_ for c in verb.head.children if c.dep_ == "aux" and c.tag_ == "MD"} & CONDITIONAL
    if modals & ABILITY and not _neg(verb):
        return True  # "Obi can challenge Lane": a possibility ("can't support him" is a refusal, kept)
    return bool(modals & (DEONTIC | CONDITIONAL)) or (typ.startswith("contact.") and bool(modals & FUTURE)) or (
        typ in {"contest.defeated", "contest.lost_to"} and bool(modals))


def _no_longer(verb: Token) -> bool:
    """``no longer supports Y``, ``not any more``: the tie is said to hold no more."""
    return any(c.dep_ == "advmod" and c.lower_ == "longer" and any(g.lower_ == "no" for g in c.children)
               for c in verb.children)


def _verb_hit(facts: Facts, typ: str, s_key: str, o_key: str, verb: Token, objs: list[Token]) -> list[Hit]:
    toks = [verb, *objs]
    neg = _neg(verb) or _negated_frame(verb) or _no_longer(verb)
    if _unstated(typ, verb):
        return []
    if typ == "contest.lost_to":
        if facts.is_a(s_key, PEOPLE) and facts.is_a(o_key, PEOPLE):
            conf = POLL_MATCHUP if _poll_matchup(verb) or _among_bloc(verb) else 0.8
            return [Hit("contest.defeated", o_key, s_key, toks, conf, timed=_single(facts, verb), negated=neg)]
        return []
    s_ok = facts.is_a(s_key, _types_for("subject_types", typ))
    if not s_ok or not facts.is_a(o_key, _types_for("object_types", typ)):
        return []
    if typ == "contact.spoke_with" and any(c.dep_ in {"oprd", "xcomp", "ccomp"} for c in verb.children):
        return []  # "called her a disgrace": naming, not a call
    prior = 0.8
    if typ == "contact.spoke_with" and verb.lemma_.lower() == "call":
        from .events import CALL_WITHOUT_CUE, _call_cue, _figurative_call

        if _figurative_call(verb, objs):
            return []  # "called Obi, a former aide, an outstanding leader": a name given, not a call
        if not _call_cue(verb):
            prior = CALL_WITHOUT_CUE  # no phone word, purpose or time: as likely a name given as a call
    if typ == "contest.defeated" and (_poll_matchup(verb) or _among_bloc(verb)):
        prior = POLL_MATCHUP
    if _possible(verb):
        prior = min(prior, POSSIBLE)
    out = [Hit(typ, s_key, o_key, toks, prior, timed=_single(facts, verb), negated=neg)]
    if typ == "professional.hired" and facts.is_a(o_key, PEOPLE) and not _as_peer(verb):
        out.append(Hit("professional.worked_for", o_key, s_key, toks, 0.75, negated=neg))
    return out


POLL_MATCHUP = 0.5  # a share of a poll's respondents, not a vote (hidden by default)
POSSIBLE = 0.5  # "may endorse Lane", "might meet her next week": a possibility (hidden by default)


def _possible(verb: Token) -> bool:
    """``Obi may endorse Lane``: "may"/"might" before a bare verb is a possibility; with a perfect
    ("may have met her") it is a hedged fact, shown as such."""
    aux = {c.lower_ for c in verb.children if c.dep_ == "aux"}
    return bool(aux & {"may", "might"}) and "have" not in aux and verb.tag_ == "VB"
SHARE_WORDS = frozenset({"percent", "%"})


def _poll_matchup(verb: Token) -> bool:
    """``Obi beat out Lane by one point, with 47 percent to 46 percent`` after a paragraph on a poll's
    match-ups: a standing among respondents in whatever tense, no election won. The score and a poll
    word in the sentence or the two before it (an election night's "polls closed" aside)."""
    sent = verb.sent
    if not any(t.lower_ in SHARE_WORDS for t in sent):
        return False
    words = lexicons.load("facts/poll_words") - SHARE_WORDS - {"polls"}
    sents = list(verb.doc.sents)
    at = next(n for n, x in enumerate(sents) if x.start == sent.start)
    return any(t.lower_ != "polls" and (t.lower_ in words or t.lemma_.lower() in words)
               for x in sents[max(0, at - 2) : at + 1] for t in x)


def _among_bloc(verb: Token) -> bool:
    """``has beaten Lane handily among non-white voters``: a lead within a group of voters, no contest won."""
    return any(c.dep_ == "prep" and c.lower_ == "among" and any(
        p.dep_ == "pobj" and p.tag_ in {"NNS", "NNPS"} for p in c.children) for c in verb.children)


def _negated_frame(verb: Token) -> bool:
    """``was "not quite there yet" on supporting Lane``, ``has no plans for endorsing her``: a gerund
    under a preposition whose predicate is negated is a tie said not to hold (yet)."""
    if verb.dep_ != "pcomp" or verb.head.dep_ != "prep":
        return False
    frame = verb.head.head
    return any(c.dep_ == "neg" or c.lower_ in {"no", "never"} for c in frame.children) or any(
        c.dep_ == "neg" for a in frame.children if a.dep_ in {"advmod", "acomp", "attr", "dobj"} for c in a.children)


def _as_peer(verb: Token) -> bool:
    """``tapped X as her running mate``: chosen as a peer, not hired as staff."""
    peers = set(lexicons.json("facts/role_modifiers")["peer_titles"])
    for c in verb.children:
        if c.dep_ == "prep" and c.lower_ == "as":
            for p in c.children:
                words = [t.lower_ for t in p.subtree if t.dep_ in {"compound", "amod"} or t.i == p.i]
                if p.lower_ in peers or " ".join(words[-2:]) in peers:
                    return True
    return False


def _unrealised(toks: list[Token]) -> bool:
    """A verb in an infinitive under a noun ("pressure to back X", "a plan to hire Y"): not a fact."""
    return any(t.pos_ == "VERB" and t.dep_ == "acl" and t.head.pos_ == "NOUN"
               and any(c.dep_ == "aux" and c.lower_ == "to" for c in t.children) for t in toks)


def _single(facts: Facts, verb: Token) -> bool:
    """A clause about a pair ("they both lost ...") gets no single date: it may differ per person."""
    s = fact_subject(verb)
    return s is None or facts.pair(s) is None


def _lost_after_running(facts: Facts, verb: Token) -> list[Hit]:
    """``X ran against Y ... and lost`` -> defeated(Y, X)."""
    if verb.dep_ != "conj" or verb.head.lemma_.lower() not in {"run", "compete"}:
        return []
    head = verb.head
    s = fact_subject(head)
    rivals = [p for c in head.children if c.dep_ == "prep" and c.lower_ == "against" for p in c.children
              if p.dep_ == "pobj"]
    subj = facts.first(s, PEOPLE)
    out = []
    for r in rivals:
        for k in facts.denote(r):
            if subj and facts.is_a(k, PEOPLE) and k != subj:
                out.append(Hit("contest.defeated", k, subj, [verb, head, r], 0.7, negated=_neg(verb)))
    return out


# --- assembling ------------------------------------------------------------------------------------


def find_relations(facts: Facts) -> list[Relation]:
    """All relations of the doc, with status, source, time and evidence."""
    from .kinship import find_kinship, shared_parents

    hits = _relational_nouns(facts) + _pair_states(facts) + _bond_nouns(facts) + _turning_nouns(facts) + _verbs(facts)
    hits += find_kinship(facts)
    out: list[Relation] = []
    for h in hits:
        if h.type == "family.child":  # one direction for parenthood: family.parent(parent, child)
            h = Hit("family.parent", h.object, h.subject, h.toks, h.confidence, h.timed, h.negated, h.identifying)
        rel = _to_relation(facts, h)
        if rel is None:
            continue
        out.append(rel)
        # an election defeat: the two ran ("has not managed to defeat Y" denies the win, not the race)
        if rel.type == "contest.defeated" and rel.status != "negated" and _electoral(h.toks):
            conf = rel.confidence
            if h.toks[0].pos_ in {"VERB", "AUX"} and _among_bloc(h.toks[0]) and not _poll_matchup(h.toks[0]):
                conf = 0.8  # "beat Lane among women": no win shown, but the two are in one race
            out.append(Relation("contest.ran_against", rel.subject, rel.object, rel.evidence, rel.status,
                                start=rel.start, when=rel.when, source=rel.source, confidence=conf))
    return out + shared_parents(out)


DISPUTING = frozenset({"deny", "dispute", "challenge", "reject", "refute", "rebut", "dismiss", "contest", "question",
                       "doubt", "deride", "debunk"})
CLAIM_NOUNS = frozenset({"assertion", "claim", "allegation", "suggestion", "notion", "idea", "report", "rumor",
                         "rumour", "charge", "accusation", "speculation", "story", "theory", "impression",
                         "contention", "characterization", "premise"})


def _disputed(trigger: Token) -> bool:
    """``challenged the assertion that X had ever attacked Y``, ``rejected reports that she met Y``,
    ``disputed that X attacked Y``: a claim put only to be disputed states no tie. ("denied that she
    had endorsed Y" is the status step's denial, left to it.)"""
    clause = syntax.clause_head(trigger)
    while clause.dep_ == "conj" and clause.head.i != clause.i:
        clause = clause.head
    if clause.dep_ == "ccomp":
        return clause.head.lemma_.lower() in DISPUTING - {"deny"}
    if clause.dep_ != "acl" or clause.head.lemma_.lower() not in CLAIM_NOUNS:
        return False
    noun = clause.head
    frame = noun.head.head if noun.dep_ == "pobj" else noun.head
    return noun.dep_ in {"dobj", "pobj", "nsubjpass"} and frame.lemma_.lower() in DISPUTING


# Heads whose clause is a wish, a call or a forecast: "hopes Lane will endorse her", "predicted that Lane
# would back Holt", "insisted that Lane meet her" (lemmas)
WISHING = frozenset({"hope", "wish", "want", "pray", "expect", "predict", "anticipate", "forecast", "bet",
                     "envision", "urge", "demand", "insist", "ask", "propose", "recommend", "request"})
# Heads of a gerund that is weighed, not done: "is considering endorsing Lane", "resisted backing her"
WEIGHING = frozenset({"consider", "weigh", "mull", "contemplate", "discuss", "debate", "explore", "resist", "avoid",
                      "delay", "postpone", "rule", "eye", "entertain"})
THINK_ABOUT = frozenset({"think", "talk", "dream"})


def _wished(trigger: Token) -> bool:
    """``Obi hopes Lane will endorse her``, ``predicted that Lane will back Holt``: a wish, a call or a
    forecast, not a tie (the status step reads the head as an attribution). Verb triggers only: a
    kin noun's copula is a parse's guess under a parenthetical "he hopes"."""
    if trigger.pos_ not in syntax.VERBAL:
        return False
    clause = syntax.clause_head(trigger)
    while clause.dep_ == "conj" and clause.head.i != clause.i:
        clause = clause.head
    head = clause.head
    return clause.dep_ == "ccomp" and (head.lemma_.lower() in WISHING or head.lower_ in HOPE_FORMS)


HOPE_FORMS = frozenset({"hopes", "hoped", "hoping"})  # the tagger's lemma for "hopes" is at times "hop"


def _weighed(trigger: Token) -> bool:
    """``is considering endorsing Lane``, ``has talked about backing her``: a gerund under a verb of
    weighing is a tie thought of, not made."""
    if trigger.tag_ != "VBG" or trigger.head.i == trigger.i:
        return False
    head = trigger.head
    if trigger.dep_ == "xcomp":  # "stopped backing Y": a tie that ended, not one that holds
        return head.lemma_.lower() in WEIGHING | {"stop", "quit", "cease"}
    if trigger.dep_ == "pcomp" and head.lower_ in {"about", "of", "out"}:
        return head.head.lemma_.lower() in THINK_ABOUT | WEIGHING
    return False


NOT_ELECTIONS = frozenset({"war", "battle", "army", "troops", "military", "soldier", "invasion", "game", "match",
                           "tournament", "championship", "chess", "trial", "lawsuit", "fight", "bout"})


def _electoral(toks: list[Token]) -> bool:
    """A defeat that is no race: "the general who beat Hitler" (a war), "beat her at chess" (a game)."""
    return not any(t.lemma_.lower() in NOT_ELECTIONS for t in toks[0].sent)


def _to_relation(facts: Facts, h: Hit) -> Relation | None:
    if h.subject == h.object or not h.subject or not h.object:
        return None
    if h.type == "membership.member_of" and facts.is_a(h.object, PEOPLE):
        h.type = "professional.worked_for"  # "a member of Obi's campaign team": one works for a person
    if _needs_people(h.type) and not (facts.is_a(h.subject, PEOPLE) and facts.is_a(h.object, PEOPLE)):
        return None
    if not facts.is_a(h.subject, AGENTS) or not facts.is_a(h.object, AGENTS):
        return None
    if not (facts.is_a(h.subject, PEOPLE) or facts.is_a(h.object, PEOPLE)):
        return None  # "the Kurds are a key ally of the United States": a tie is between people (or one and a body)
    if facts.imagined(h.toks) or _unrealised(h.toks) or modality.unrealised(h.toks[:1]):
        return None
    if not h.identifying and modality.conditional(h.toks[0]):
        return None  # "if she wins, she will appoint Lane": a consequence imagined, not a tie
    # an identifying phrase inside a disputed claim is not what is disputed ("denied reports that her
    # brother, Y, had left": Y is still her brother)
    if any(modality.poll_standing(t) for t in h.toks) or (_disputed(h.toks[0]) and not h.identifying) \
            or _wished(h.toks[0]) or _weighed(h.toks[0]):
        return None
    lo, hi = min(t.i for t in h.toks), max(t.i for t in h.toks) + 1
    st = facts.status(lo, hi)
    if st.status == "hypothetical":
        return None
    # an identifying phrase or a writer's aside is the writer's, even in reported speech
    if h.identifying:
        st = facts.identifying_status(st, h.toks, marks_only=True)
    else:
        st = facts.aside_status(st, h.toks, climb=True)
    if h.presupposed and st.status in {"hedged", "speculative"}:
        st = StatusInfo("asserted", None, (), st.negative)
    # a negation the tie's own words carry holds in reported speech too ("said she was not there yet on backing Y")
    # an identifying phrase is not denied by its clause's negation ("X's partner, Y, is not on board")
    clause_neg = st.negative and not h.identifying
    negated = ((h.negated or clause_neg) and st.status == "asserted") or (h.negated and st.status in REPORTED)
    status = "negated" if negated else st.status
    anchor = min(h.toks, key=lambda t: t.i)
    when = start = None
    if h.timed:
        when = _gapped_time(facts, h, facts.clause_time(h.toks))
        if when and h.type == "political.criticized" and _dates_the_reason(facts, h.toks[0], when):
            when = None
    else:
        since = _since(facts, h.toks)
        start = since
    end = _left_at(facts, h) if h.type in LEFT_TIES else None
    return Relation(h.type, h.subject, h.object, facts.evidence(anchor, h.toks), status,  # type: ignore[arg-type]
                    start=start, end=end, when=when, source=st.source, confidence=h.confidence)


LEFT_TIES = frozenset({"professional.worked_for", "membership.member_of"})
LEAVING = frozenset({"leave", "quit", "resign", "depart", "retire"})


def _left_at(facts: Facts, h: Hit) -> str | None:
    """``worked for X, although she left in 2014``, ``joined X and quit in 2014``: a leaving verb of the
    same subject coordinated with or hanging from the tie's verb, without an object of its own (or
    with the tie's object), dates the tie's end."""
    verb = h.toks[0]
    if verb.pos_ not in {"VERB", "AUX"}:
        return None
    for c in verb.children:
        if c.dep_ not in {"advcl", "conj"} or c.lemma_.lower() not in LEAVING:
            continue
        subj = fact_subject(c)
        if subj is None or h.subject not in facts.denote(subj):
            continue
        objs = [o for o in c.children if o.dep_ == "dobj"]
        if objs and not any(h.object in facts.denote(o) or facts.org_ref(o) == h.object for o in objs):
            continue  # "worked for X and left the city in 2014": something else left
        return facts.clause_time([c])
    return None


def _dates_the_reason(facts: Facts, verb: Token, when: str) -> bool:
    """``criticizing him for repeated votes against the bill in the 1990s``: a date after the reason a
    criticism gives ("for" and a noun) dates what is criticized, not the criticism."""
    reasons = [c for c in verb.children if c.dep_ == "prep" and c.lower_ == "for" and any(
        p.dep_ == "pobj" and p.pos_ in {"NOUN", "PROPN"} for p in c.children)]
    if not reasons or verb.pos_ not in {"VERB", "AUX"}:
        return False
    after = reasons[0].right_edge.idx
    return any(tm.value == when and tm.start >= after for tm in facts.times_in(after, verb.sent.end_char))


def _gapped_time(facts: Facts, h: Hit, when: str | None) -> str | None:
    """``met X last week, and this week with Y``: a verb with two dates for two coordinated parts (the
    verb left out of the second) gives each object the date of its own part, or none when unclear."""
    verb = h.toks[0]
    ccs = [c.i for c in verb.children if c.dep_ == "cc"]
    if when is None or verb.pos_ not in {"VERB", "AUX"} or not ccs:
        return when
    dated = []
    for tm in facts.times_in(verb.sent.start_char, verb.sent.end_char):
        span = facts.doc.char_span(tm.start, tm.end, alignment_mode="expand")
        root = span.root if span is not None else None
        if root is not None and (root.head == verb or (root.head.dep_ == "prep" and root.head.head == verb)):
            dated.append((root.i, tm.value))
    if len({v for _, v in dated}) < 2:
        return when
    obj = next((t for t in h.toks[1:] if facts.key(t.i) == h.object), h.toks[1] if len(h.toks) > 1 else None)
    if obj is None:
        return None
    lo = max((c for c in ccs if c < obj.i), default=-1)
    hi = min((c for c in ccs if c > obj.i), default=len(facts.doc))
    own = {v for i, v in dated if lo < i < hi}
    return own.pop() if len(own) == 1 else None


def _since(facts: Facts, toks: list[Token]) -> str | None:
    """``friends since 2019``: a time after "since" in the clause is the start of a lasting tie. A tie
    noun in apposition (``Y, a daughter of X, has been a host since 2009``) has only its own phrase."""
    root = toks[0]
    while root.dep_ not in {"ROOT", "ccomp", "conj", "advcl", "relcl", "appos"} and root.head.i != root.i:
        root = root.head
    for t in root.subtree:
        if t.lower_ == "since" and t.i + 1 < len(t.doc):
            tm = facts.times_in(t.idx, t.sent.end_char)
            if tm:
                return tm[0].value
    return None


def dedupe(relations: list[Relation]) -> list[Relation]:
    """One relation per type, ends (either order for symmetric types) and status; times merged."""
    seen: dict[tuple[str, str, str, str], Relation] = {}
    out = []
    for r in relations:
        a, b = r.subject or "", r.object or ""
        if r.type in SYMMETRIC and b < a:
            a, b = b, a
        key = (r.type, a, b, r.status)
        if key in seen:
            old = seen[key]
            old.when = old.when or r.when
            old.start = old.start or r.start
            old.end = old.end or r.end
            old.confidence = max(old.confidence or 0, r.confidence or 0)
            continue
        seen[key] = r
        out.append(r)
    return out


@dataclass(frozen=True)
class FactsFound:
    """What the facts component writes."""

    roles: list[Role]
    relations: list[Relation]
    events: list[Event]


class FactFinder(DossierComponent[FactsFound]):
    """``dossier_relations``: roles, the relations they imply, relations between people, events.

    If any of the three raises (or the status or time API under them), the component fails
    on this Doc and writes none of them: no fact is written without its status.
    """

    reads = ("dossier_entities", "dossier_coref", "dossier_times", "dossier_quotes", "dossier_status")

    def match(self, doc: Doc) -> FactsFound:
        return find_facts(doc)

    def set_annotations(self, doc: Doc, found: FactsFound) -> None:
        _write(doc, found)


def find_facts(doc: Doc) -> FactsFound:
    """Roles, relations and events of ``doc`` (nothing written)."""
    from .events import find_events
    from .roles import find_roles, settle_with_events

    facts = Facts(doc)
    roles, ties = find_roles(facts)
    rels = _cut_orgs(facts, _beats(facts, _no_company_joins(facts, ties)) + find_relations(facts))
    events = find_events(facts)
    settle_with_events(roles, events)
    return FactsFound(roles, dedupe(rels), events)


def _no_company_joins(facts: Facts, ties: list[Relation]) -> list[Relation]:
    """Drop a membership the role step read off "joined X for a lunch" / "joined X at a rally"."""
    out = []
    for r in ties:
        if r.type == "membership.member_of" and r.evidence is not None:
            lo, hi = r.evidence.start, r.evidence.end
            joins = [t for t in facts.doc if lo <= t.idx < hi and t.lemma_.lower() == "join" and t.pos_ == "VERB"
                     and any(c.dep_ == "dobj" and r.object in facts.denote(c) for c in t.children)]
            if joins and all(_not_this_tie(r.type, t, []) for t in joins):
                continue
        out.append(r)
    return out


BEATS = frozenset({"correspondent", "reporter", "columnist"})
# Places and bodies reporters cover: "White House correspondent" names a beat, "NPR correspondent" an employer.
BEAT_VENUES = frozenset({"white house", "pentagon", "capitol", "capitol hill", "congress", "senate", "house",
                         "supreme court", "state department", "justice department", "kremlin", "city hall"})


def _beats(facts: Facts, ties: list[Relation]) -> list[Relation]:
    """``White House correspondent Ada Obi``: a reporter's beat, not her employer. Hidden by default."""
    for r in ties:
        name = ((facts.records.get(r.object or "") or {}).get("name") or "").lower().removeprefix("the ")
        if r.type != "professional.worked_for" or name not in BEAT_VENUES or r.evidence is None:
            continue
        for s, _e, k, kind in facts.mention_spans:
            if k == r.subject and kind == "name" and s > 0 and r.evidence.start <= facts.doc[s].idx < r.evidence.end \
                    and facts.doc[s - 1].lower_ in BEATS:
                r.confidence = min(r.confidence or CUT_ORG, CUT_ORG)
    return ties


CUT_ORG = 0.45  # a tie to an organisation whose name the entity step cut short ("Defense", "Conference of")


def _cut_orgs(facts: Facts, rels: list[Relation]) -> list[Relation]:
    """Hide ties to a truncated organisation: a name that is one generic word ("Defense Secretary Ash
    Carter" -> "Defense", "Council Speaker" -> "Council") or that ends on a function word. Such an
    end names no organisation a reader can tell apart; the tie stays in ``--all``."""
    for r in rels:
        if any(cut_org(facts, ref) for ref in (r.object, r.subject)):
            r.confidence = min(r.confidence or CUT_ORG, CUT_ORG)
    return rels


def cut_org(facts: Facts, ref: str | None) -> bool:
    """An organisation whose name is one generic word ("Defense", "PAC") or ends on a function word."""
    name = ((facts.records.get(ref or "") or {}).get("name") or "").split()
    if not name or facts.type(ref) == "PERSON":
        return False
    return (len(name) == 1 and name[0].lower() in lexicons.load("facts/generic_org_words")) or \
        name[-1].lower() in CUT_ENDS


CUT_ENDS = frozenset({"of", "and", "for", "the", "at", "on", "in", "&"})


def annotate_relations(doc: Doc) -> Doc:
    """Find and write the roles, relations and events of ``doc`` (the component's two steps)."""
    _write(doc, find_facts(doc))
    return doc


def _write(doc: Doc, found: FactsFound) -> None:
    doc_state.section(doc, doc_state.ROLES).extend(found.roles)
    doc_state.section(doc, doc_state.RELATIONS).extend(found.relations)
    doc_state.section(doc, doc_state.EVENTS).extend(found.events)
