"""Events: election wins and losses, candidacies, endorsements, appointments, resignations, ...

Triggers are data (``lexicons/event_triggers.json``): verbs, with an optional
condition on their object ("lost *her bid*", "won *the race*") or the passive
("was elected"), and nouns whose possessor is the participant ("her 2024 loss",
"the governor's second inauguration" -> ``ordinal`` 2). Participants carry roles:
``agent`` (who), ``target`` (endorsed person, appointing body), ``opponent``.
Status and time come from the status and times APIs; nothing in an imagined
or hypothetical frame becomes an event. A passive participle's ``by`` object is the
doer ("the firm founded by Ada Obi"); a trigger's object must fit it ("lost support to",
"endorsed Obi's approach", "ran for cover" are no events), and a pronoun agent or possessor
the sentence gives to someone else than coreference chose hides the event.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass, field
from functools import lru_cache

from spacy.tokens import Span, Token

from ...graph import Event, Participant
from .. import doc_state, lexicons, syntax
from . import modality
from .index import AGENTS, APART_PREPS, PEOPLE, Facts, carried, duration, fact_subject
from .relations import cut_org

YEAR_LEN = 4
TALLIES = frozenset({"vote", "delegate", "ballot", "percent", "point"})
PHONE_WORDS = frozenset({"phone", "telephone", "phoned", "cellphone", "voicemail", "call", "line", "dial",
                         "congratulate", "concede", "condolence"})
# What money goes to when it is not a named person or organisation: "donated $500 to her campaign".
DONEES = frozenset({"campaign", "fund", "foundation", "charity", "pac", "committee", "party", "cause", "effort",
                    "bid", "candidacy", "reelection", "re-election", "organization", "organisation", "group",
                    "super-pac", "superpac", "charities"})
# Objects of a giving verb that are no gift of money: "gave rise to", "donated his services", "his time".
NOT_MONEY = frozenset({"birth", "rise", "way", "credence", "voice", "thought", "service", "services", "time",
                       "expertise", "talent", "talents", "labor", "labour", "skill", "skills", "energy", "blood"})
# Nouns of a person chosen for a post: "X's nomination of Y" names Y as the one chosen.
CHOICES = frozenset({"nomination", "appointment", "selection", "choice", "pick", "confirmation"})
# Who can do an event: not a nationality or religion ("four Americans were killed", "Democrats win").
DOERS = AGENTS - {"NORP"}
NOT_PERSON_DOERS = DOERS - PEOPLE
CALL_WITHOUT_CUE = 0.55
STEP_ASIDE = 0.55
PRONOUN_AGENT = 0.55


@dataclass
class Trigger:
    type: str
    lemma: str
    passive: bool = False
    middle: tuple[str, ...] = ()
    prep: str | None = None
    objects: frozenset[str] = frozenset()
    person_object: bool = False
    target_object: bool = False  # "obj:@target": the object must be an entity ("called Ada", not "called it off")
    optional: bool = False  # "obj?:": an object, when there is one, must be one of ``objects`` ("conceded (the race)")


@dataclass
class Hit:
    type: str
    agents: list[str]
    toks: list[Token]
    others: list[tuple[str, str]] = field(default_factory=list)  # (role, entity)
    when: str | None = None
    ordinal: int | None = None
    timed: bool = True
    confidence: float = 0.85  # a verb states an event; a noun ("her 2024 loss") only refers to one (0.7)
    identifying: bool = False  # stated in a description of a noun ("the school founded by Ada Obi")


PREPS = {"to", "of", "from", "for", "into", "in"}
# Modifiers of an event noun that make it a habit ("his frequent visits"), as frequency adverbs do a verb.
HABIT_ADJECTIVES = frozenset({"frequent", "regular", "repeated", "occasional", "periodic", "routine", "habitual",
                              "annual", "yearly", "weekly", "monthly", "daily", "customary", "recurring", "constant"})
NEGATORS = frozenset({"not", "n't", "never"})
PARTICLES = frozenset({"out", "away", "down", "up", "off", "in", "into"})
POSTS = frozenset({"post", "position", "job", "seat", "cabinet", "bench", "court", "ticket", "nominee"})


@lru_cache(maxsize=1)
def _triggers() -> tuple[dict[str, list[Trigger]], dict[str, tuple[str, bool]]]:
    data = lexicons.json("facts/event_triggers")
    verbs: dict[str, list[Trigger]] = {}
    nouns: dict[str, tuple[str, bool]] = {}
    for typ, spec in data.items():
        if not isinstance(spec, dict) or "verbs" not in spec:
            continue
        for entry in spec["verbs"]:
            cond, optional = "", " obj?:" in entry
            if " obj:" in entry or optional:
                entry, cond = entry.split(" obj?:" if optional else " obj:")
            words = entry.split()
            passive = words[0] == "be" and len(words) > 1
            if passive:
                words = words[1:]
            prep = words[-1] if len(words) > 1 and words[-1] in PREPS else None
            middle = tuple(words[1:-1] if prep else words[1:])
            objects = frozenset(c for c in cond.split(",") if c and not c.startswith("@"))
            trig = Trigger(typ, words[0], passive, middle, prep, objects, cond == "@person", cond == "@target",
                           optional)
            verbs.setdefault(words[0], []).append(trig)
        needs = set(spec.get("noun_needs_context", []))
        for noun in spec.get("nouns", []):
            nouns[noun] = (typ, noun in needs)
    return verbs, nouns


def _lemma_of(tok: Token) -> str:
    """spaCy lemmatises a passive participle to the verb ("elected" -> "elect")."""
    return tok.lemma_.lower()


def _is_passive(verb: Token) -> bool:
    return any(c.dep_ in {"auxpass", "nsubjpass"} for c in verb.children)


def _preps(verb: Token, prep: str) -> list[Token]:
    """The ``prep`` attached to the verb, or to its particle ("dropped out of": "of" under "out")."""
    near = [c for c in verb.children if c.dep_ == "prep" and c.lower_ == prep]
    return near or [g for c in verb.children if c.dep_ in {"prt", "prep"} and c.lower_ in PARTICLES
                    for g in c.children if g.dep_ == "prep" and g.lower_ == prep]


def _objects(verb: Token, prep: str | None) -> list[Token]:
    if prep:
        return [p for c in _preps(verb, prep) for p in c.children if p.dep_ == "pobj"]
    return [c for c in verb.children if c.dep_ in {"dobj", "attr"}] or [
        c for c in verb.children if c.dep_ == "oprd" and c.pos_ == "PROPN"]  # "named Ada Obi as its chief"


def _middle_ok(verb: Token, trig: Trigger) -> bool:
    if not trig.middle:
        return True
    kids = {c.lower_ for c in verb.children if c.dep_ in {"prt", "advmod", "prep", "dobj"}}
    after = [t.lower_ for t in verb.doc[verb.i + 1 : verb.i + 3]]
    if any(w in NEGATORS for w in after) or any(c.dep_ == "neg" for c in verb.children):
        return False  # "pleaded not guilty": a plea, the opposite of the trigger's words
    return all(m in kids or m in after for m in trig.middle)


def _verb_events(facts: Facts) -> list[Hit]:
    verbs, _ = _triggers()
    hits: list[Hit] = []
    for verb in facts.doc:
        if verb.pos_ not in {"VERB", "AUX"}:
            continue
        # Passive triggers are written as participles ("be arrested"): match those on the word.
        cands = verbs.get(_lemma_of(verb), []) + [t for t in verbs.get(verb.lower_, []) if t.passive]
        by_agent = _passive_use(verb) and not any(t.passive for t in cands)
        for trig in cands:
            if by_agent and not trig.passive:
                hit = _by_agent_hit(facts, verb, trig)
                if hit is None:
                    continue  # "the award won by Obi": not the election trigger's object, the award one's
                hits.append(hit)
                break
            if trig.passive != _is_passive(verb) or (not trig.passive and _passive_use(verb)):
                continue
            if not _middle_ok(verb, trig):
                continue
            if trig.prep is None and any(t.prep and t.middle == trig.middle and _has_prep(verb, t.prep)
                                         for t in cands if t is not trig):
                continue  # "dropped out of the public eye": the "drop out of" trigger decides, on its object
            objs = _objects(verb, trig.prep)
            if trig.prep and not objs and trig.prep not in {"of"}:
                continue
            if trig.objects and (objs or not trig.optional) and \
                    not any(o.lemma_.lower() in trig.objects or o.lower_ in trig.objects for o in objs):
                continue
            hit = _verb_hit(facts, verb, trig, objs)
            if hit is not None:
                hits.append(hit)
            break
    return hits


def _passive_use(verb: Token) -> bool:
    """A participle read passively: ``the charity founded by Ada Obi``, ``Acme was founded by Obi``,
    ``Reed, hired in 2021, ...`` (not the perfect ``has founded``)."""
    if verb.tag_ != "VBN":
        return False
    if _is_passive(verb):
        return True  # "was founded by", and the perfect "has been endorsed by"
    if any(c.dep_ == "aux" and c.lemma_.lower() == "have" for c in verb.children):
        return False
    if any(c.dep_ == "agent" for c in verb.children):
        return True
    # "the firm founded in 2010" is passive; "Acme, the firm, named Ada Obi as its chief" is a misparsed
    # active verb: a name or a direct object follows it.
    return verb.dep_ == "acl" and not any(c.dep_ == "dobj" or (c.dep_ in {"oprd", "attr"} and c.pos_ == "PROPN")
                                          for c in verb.children)


def _by_agent_hit(facts: Facts, verb: Token, trig: Trigger) -> Hit | None:
    """The passive use of an active trigger: the ``by`` object does the act, the passive subject (or the
    noun the participle modifies) undergoes it ("the charity founded by Ada Obi": Obi founded it). With
    no ``by`` object the doer is unsaid and there is no event."""
    doers = [p for c in verb.children if c.dep_ == "agent" for p in c.children if p.dep_ == "pobj"]
    if not doers or (trig.prep and not _has_prep(verb, trig.prep)) or not _middle_ok(verb, trig):
        return None  # "the support lost by Obi" is no "lose to", "the point conceded by Obi" no "concede to"
    undergoer = verb.head if verb.dep_ == "acl" else next(
        (c for c in verb.children if c.dep_ == "nsubjpass"), None)
    objs = [undergoer] if undergoer is not None else []
    if trig.target_object and not any(facts.is_a(k, PEOPLE) for o in objs for k in facts.denote(o)):
        return None  # "the referendum was called by the party", "the meeting called by Obi": no one was phoned
    if trig.objects and not any(o.lemma_.lower() in trig.objects or o.lower_ in trig.objects for o in objs):
        return None
    hit = _verb_hit(facts, verb, trig, objs, subj=doers[0])
    if hit is not None:
        hit.toks = [verb, doers[0]]  # its status and time are the participle's, not the modified noun's clause
        hit.identifying = verb.dep_ == "acl"
    return hit


def _has_prep(verb: Token, prep: str) -> bool:
    return bool(_preps(verb, prep))


# Modifiers of "vote" that still name a contest ("lost the popular vote"); any other names a group of voters.
CONTEST_VOTES = frozenset({"popular", "general", "primary", "electoral", "final", "presidential", "runoff",
                           "national", "statewide", "leadership", "confidence", "recall"})


def _bloc(objs: list[Token]) -> bool:
    """``the black vote``, ``the women's vote``: a bloc of voters won or lost, not an election."""
    return any(o.lemma_.lower() == "vote" and any(
        c.dep_ in {"amod", "compound", "poss", "nmod"} and c.lower_ not in CONTEST_VOTES and not c.like_num
        and c.ent_type_ != "GPE" for c in o.children) for o in objs)  # "won the Iowa vote": a contest


def _counted(objs: list[Token]) -> bool:
    """``won 15.6 million votes``, ``won 40 delegates``: a tally, not a contest won or lost."""
    return any(o.lemma_.lower() in TALLIES and (o.tag_ == "NNS" or any(c.dep_ in {"nummod", "quantmod"}
               for c in o.children)) for o in objs)


def _figurative_call(verb: Token, objs: list[Token]) -> bool:
    """``called Ada Obi a liar``, ``calling Obi "my partner"``, ``called Obi, a former aide, a true
    friend``: a name given, not a telephone call."""
    doc = verb.doc
    for o in objs:
        apps = [c for c in o.children if c.dep_ == "appos"]
        if any(doc[a.left_edge.i - 1].text not in {",", "—", "–", "-", "("} for a in apps if a.left_edge.i > 0):
            return True  # "called him a liar" parsed as an apposition without its comma
        if any(c.dep_ == "appos" for a in apps for c in a.children) or len(apps) > 1:
            return True  # a second description after the apposition is what he was called
        nxt = o.right_edge.i + 1
        if nxt < len(doc) and (doc[nxt].is_quote or (doc[nxt].pos_ in {"DET", "ADJ", "NOUN"} and
                                                      doc[nxt].head.i != verb.i) or doc[nxt].tag_ == "PRP$"):
            return True  # the words he was called follow the object
    return False


def _call_cue(verb: Token) -> bool:
    """A telephone call said as such: a phone word, a purpose ("called her to concede"), a time or ``back``."""
    sent = verb.sent
    if any(t.lemma_.lower() in PHONE_WORDS and t.i != verb.i and (t.pos_ == "NOUN" or t.lemma_.lower() != "call")
           for t in sent):
        return True
    for c in verb.children:
        if c.dep_ == "prt" and c.lower_ == "back":
            return True
        if c.dep_ in {"advcl", "xcomp"} and any(a.dep_ == "aux" and a.lower_ == "to" for a in c.children):
            return True
        if c.dep_ == "npadvmod" or (c.dep_ == "prep" and c.lower_ in {"on", "after", "before", "during"} and
                                    any(p.ent_type_ in {"DATE", "TIME"} for p in c.subtree)):
            return True
    return False


def _targets(facts: Facts, verb: Token, objs: list[Token], owned_people: bool = True) -> list[str]:
    """Who or what an event is aimed at: its object, the owner of its object ("toured the museum's vaults",
    "the flagship store of Acme"), or a ``to`` object of the verb ("donated $500 to X's campaign")."""
    out: list[str] = []
    for o in objs:
        keys = facts.denote(o)
        if not keys:
            ref = facts.org_ref(o)
            keys = [ref] if ref else []
        chosen = [k for c in o.children if c.dep_ == "prep" and c.lower_ == "of" for p in c.children
                  if p.dep_ == "pobj" for k in facts.denote(p) if facts.is_a(k, PEOPLE)]
        if not keys and o.lemma_.lower() in CHOICES and chosen:
            keys = chosen  # "endorsed Obi's nomination of Lane to the court": Lane is endorsed
        if not keys:
            for c in o.children:
                inner = [c] if c.dep_ == "poss" else [p for p in c.children if p.dep_ == "pobj"] \
                    if c.dep_ == "prep" and c.lower_ in {"of", "to"} else []
                for p in inner:
                    keys += [k for k in facts.denote(p) if owned_people or not facts.is_a(k, PEOPLE)] or [
                        k for k in [facts.org_ref(p)] if k]
        out += [k for k in keys if k not in out]
    if not out:
        for c in verb.children:
            if c.dep_ in {"prep", "dative"} and c.lower_ == "to":
                out += [k for p in c.children if p.dep_ == "pobj" for k in facts.denote(p)]
    return [k for k in out if facts.is_a(k, DOERS)]


def _verb_hit(facts: Facts, verb: Token, trig: Trigger, objs: list[Token], subj: Token | None = None) -> Hit | None:
    """The event a trigger verb states with these objects; ``subj`` when the doer is not the verb's subject
    (a passive's ``by`` object)."""
    subj = subj if subj is not None else fact_subject(verb)
    subj_keys = facts.denote(subj) if subj is not None and not carried(facts, subj) else []
    obj_keys = [k for o in objs for k in facts.denote(o)]
    others: list[tuple[str, str]] = []
    if trig.target_object and (not obj_keys or any(c.dep_ in {"oprd", "ccomp"} or (
            c.dep_ == "xcomp" and not any(a.lower_ == "to" for a in c.children)) for c in verb.children)):
        return None  # "called it off", "called her a liar": no call to anyone
    if trig.type == "death" and _live_or_die(verb):
        return None  # "lives or dies by his bets": an idiom of success and failure
    if trig.type == "contact.phone_call" and _lemma_of(verb) == "call" and (
            _figurative_call(verb, objs) or any(c.dep_ == "prt" and c.lower_ == "out" for c in verb.children)):
        return None  # "called him a liar", "called Lane out": words, not a telephone call
    if trig.type == "appointment" and any(c.dep_ in {"prep", "dative"} and c.lower_ == "for" and any(
            _award(p) for p in c.children if p.dep_ == "pobj") for c in verb.children):
        return None  # "nominated Lane for the award", "for the Golden Globe": a prize, not a post
    if trig.type.startswith("election") and _counted(objs):
        return None  # "won 470,000 votes": a tally
    if trig.type.startswith("election") and _bloc(objs):
        return None  # "was losing the black vote", "won the evangelical vote": a group of voters, no contest
    if trig.type.startswith("election") and trig.prep and not _contest_object(facts, verb):
        return None  # "lost support to Obi", "lost ground to Obi": no contest lost
    if trig.type == "candidacy.launch" and trig.prep == "for" and not any(_office(o) for o in objs):
        return None  # "ran for cover", "ran for the exit": no office sought
    if trig.type == "legal.indictment" and _charged_with_a_task(verb):
        return None  # "was charged with overseeing the transition": a duty, not a criminal charge
    if trig.type.startswith("election") and any(o.lemma_.lower() == "vote" and any(
            c.dep_ == "prep" and c.lower_ in {"on", "over"} for c in o.children) for o in objs):
        return None  # "won the vote on the budget bill": a bill passed, no election
    if trig.type == "organization.founding" and any(c.dep_ == "prep" and c.lower_ in {"on", "upon"} and any(
            p.lemma_.lower() in BASES for p in c.children) for c in verb.children) and not _org_object(facts, objs):
        return None  # "founded her argument on facts": a basis, not an organisation
    if trig.type == "retirement" and (objs or any(c.dep_ == "dobj" for c in verb.children)):
        return None  # "retired the debt", "the jersey retired by Obi": something retired, not a person
    if trig.type == "election.loss" and _lemma_of(verb) in {"oust", "unseat"} and not _election_words(verb):
        return None  # "was ousted as campaign manager": a dismissal, not a lost election
    if trig.type == "concession" and any(c.dep_ in {"ccomp", "parataxis"} for c in verb.children):
        return None  # '"We know how it will go," he conceded': a point conceded in words
    if trig.type == "appointment" and not trig.passive and _lemma_of(verb) == "name" and \
            not _named_to_post(verb, active=True):
        return None  # "an academic named Ada Obi", "Trump named Cruz when asked": a name, not a post
    if trig.type == "appointment" and trig.passive and _lemma_of(verb) == "name" and not _named_to_post(verb):
        return None  # "were named in the lawsuit", "was named after her aunt": no post
    if trig.type == "appointment" and trig.passive and _lemma_of(verb) == "confirm" and not _confirmed_to_post(
            facts, verb):
        return None  # "was confirmed as one of the passengers", "was confirmed dead": no post
    if trig.type.startswith("donation") and _lemma_of(verb) == "give":
        from .relations import _money

        if not _money(verb):
            return None  # "gave an interview to ITV", "gave it to Lane": no money
    if trig.type == "candidacy.launch" and _other_campaign(objs):
        return None  # "launched a petition campaign", "an ad campaign": no candidacy
    if trig.type == "appointment" and _lemma_of(verb) == "nominate" and _party_nomination(facts, verb, subj):
        return None  # "the primaries that nominated Obi": a party's candidate, not a post
    if trig.person_object:  # "named X as its chief": X is appointed, the subject appoints
        agents = [k for k in obj_keys if facts.is_a(k, PEOPLE)]
        others = [("target", k) for k in subj_keys if facts.is_a(k, DOERS)]
    else:
        agents = [k for k in subj_keys if facts.is_a(k, DOERS)]
        data = lexicons.json("facts/event_triggers")
        if trig.type in set(data["target_types"]):
            # "visited the grave of X", "X's hometown": a place visited, not the person
            targets = _targets(facts, verb, objs, owned_people=trig.type != "contact.visit")
            if trig.type in {"endorsement", "political.campaigning"} and _owned_thing(facts, objs):
                return None  # "endorsed Obi's approach", "campaigned for Obi's plan": a thing, not Obi
            others = [("target", k) for k in targets if k not in agents]
            if trig.type in set(data["named_target_types"]) and not _named_target(facts, trig, objs, targets):
                return None  # "endorsed the compromise", "contributed to this story", "visited NBC's Today"
        elif trig.prep == "to" and trig.type.startswith("election"):
            others = [("opponent", k) for k in obj_keys if facts.is_a(k, PEOPLE)]
    if trig.type == "appointment" and not trig.person_object:
        # "was named chief executive of Acme": the body appointing is the role's org
        others += [("target", k) for o in objs for c in o.children if c.dep_ == "prep"
                   for p in c.children if p.dep_ == "pobj" for k in facts.denote(p)
                   if facts.is_a(k, {"ORG", "OUTLET", "GPE"})]
    if trig.type in _person_types():  # "the Whigs died": a plural name is a group, whatever its type
        plural = subj is not None and subj.tag_ in {"NNS", "NNPS"}
        agents = [k for k in agents if facts.is_a(k, PEOPLE) and not (plural and facts.key(subj.i) == k)]  # type: ignore[union-attr]
    if not agents:
        return None
    conf = 0.85
    if trig.type == "resignation" and trig.middle == ("aside",) and not any(
            c.dep_ == "prep" and c.lower_ in {"as", "from"} for c in verb.children):
        conf = STEP_ASIDE  # "stepped aside to let Lane speak": as often making room as leaving a post
    if trig.type == "contact.phone_call" and _lemma_of(verb) == "call" and not _call_cue(verb):
        conf = CALL_WITHOUT_CUE  # "Obi called Lane": as often a name given or a visit as a telephone call
    elif subj is not None and subj.tag_ == "PRP" and not trig.person_object and _doubtful_pronoun(facts, subj):
        conf = PRONOUN_AGENT  # "after he won the primary, Sanders declared": "he" is Sanders, whoever coref chose
    return Hit(trig.type, agents, [verb, *objs], others, timed=subj is None or facts.pair(subj) is None,
               confidence=conf)


AWARDS = frozenset({"award", "prize", "medal", "honor", "honour", "oscar", "emmy", "grammy", "tony", "trophy",
                    "title", "golden", "pulitzer", "nobel", "fellowship", "scholarship", "best"})
BASES = frozenset({"principle", "idea", "belief", "premise", "notion", "fact", "value", "assumption", "lie",
                   "basis", "foundation", "theory", "argument", "claim", "promise", "myth", "faith", "rock"})
TASKS = frozenset({"task", "responsibility", "duty", "job", "mission", "role", "oversight", "care", "charge"})
# Gerunds after "charged with" that give a duty ("charged with leading the effort"); any other gerund is
# the offence itself ("charged with murdering", "with obstructing justice", "with stealing a car"). Left out:
# verbs as often an offence ("writing bad checks", "handling stolen goods", "planning an attack").
TASK_VERBS = frozenset({"lead", "oversee", "manage", "head", "coordinate", "supervise", "direct", "steer",
                        "organize", "organise", "draft", "develop", "design", "implement", "review", "investigate",
                        "examine", "study", "find", "ensure", "monitor", "protect", "shepherd", "guide", "craft",
                        "negotiate", "recruit", "defend", "represent", "enforce", "reform", "improve"})


def _live_or_die(verb: Token) -> bool:
    """``lives or dies by``, ``live or die``: "die" offered with "live" as an alternative is no death
    ("lived in Vale and died there" is one)."""
    first = verb.head if verb.dep_ == "conj" else verb
    pair = [first, *(c for c in first.children if c.dep_ == "conj")]
    return any(c.dep_ == "cc" and c.lower_ == "or" for c in first.children) and any(
        _lemma_of(p) == "live" or p.lower_ in {"lives", "live"} for p in pair if p is not verb)


def _award(tok: Token) -> bool:
    """A prize, by its head or a word before it ("the award", "the Golden Globe", "best actress")."""
    return any(w.lemma_.lower() in AWARDS or w.lower_ in AWARDS for w in [tok, *tok.lefts]
               if w is tok or w.dep_ in {"compound", "amod"})


def _org_object(facts: Facts, objs: list[Token]) -> bool:
    """An object that names an organisation or a kind of one ("Acme", "the party", "a charity")."""
    kinds = {o for t in _triggers()[0].get("establish", []) for o in t.objects}
    return any(facts.denote(o) or facts.org_ref(o) or o.lemma_.lower() in kinds for o in objs)


def _charged_with_a_task(verb: Token) -> bool:
    """``charged with leading the effort`` / ``with the task of``: a duty given, not an offence
    (``charged with murdering``, ``with fraud``)."""
    for c in verb.children:
        if c.dep_ == "prep" and c.lower_ == "with":
            for p in c.children:
                if ((p.dep_ == "pcomp" or p.tag_ == "VBG") and p.lemma_.lower() in TASK_VERBS) or \
                        (p.pos_ in {"NOUN", "PROPN"} and p.lemma_.lower() in TASKS):
                    return True
    return False


def _office(tok: Token) -> bool:
    """What one runs for: an office ("mayor", "the Senate", "a second term", "reelection", "office")."""
    from .roles import is_title

    lemma = tok.lemma_.lower()
    if tok.pos_ == "PROPN" or lemma in CANDIDACY_NOUNS or lemma in OFFICE_WORDS:
        return True
    words = " ".join(t.text for t in tok.subtree if t.i <= tok.i and (t.i == tok.i or t.dep_ in {"compound", "amod"}))
    return is_title(words) or is_title(lemma)


OFFICE_WORDS = frozenset({"office", "term", "nomination", "governorship", "mayoralty", "legislature", "assembly",
                          "parliament", "board", "post", "position", "judge", "reelection", "re-election", "it"})


def _election_words(tok: Token) -> bool:
    """The sentence speaks of a vote ("ousted in the primary", "unseated by voters"); a "campaign" may
    be the one that fired its manager."""
    return any(t.lower_ in VOTE_WORDS or t.lemma_.lower() in VOTE_WORDS for t in tok.sent)


VOTE_WORDS = frozenset({"election", "elections", "primary", "primaries", "vote", "votes", "voter", "voters", "ballot",
                        "runoff", "reelection", "re-election", "caucus", "caucuses", "polls", "electorate", "race",
                        "recall", "electoral"})


def _contest_object(facts: Facts, verb: Token) -> bool:
    """A prepositional contest trigger ("lost to Obi") with no direct object, or one that is a contest
    ("lost the race to Obi") or a place won or lost in one ("lost Ohio to Obi", "the county");
    "lost support to Obi" names none."""
    contests = set(lexicons.json("facts/event_triggers")["contest_nouns"])
    objs = [c for c in verb.children if c.dep_ == "dobj"]
    return all(o.lemma_.lower() in contests or o.lower_ in contests or facts.type(facts.key(o.i)) == "GPE"
               for o in objs)


# Modifiers of "endorsement" that make its possessor the one endorsed: "his first congressional endorsement".
RECEIVED = frozenset({"celebrity", "congressional", "union", "newspaper", "editorial", "labor", "labour",
                      "gubernatorial", "senatorial", "mayoral", "establishment", "first", "latest", "newest",
                      "biggest", "another", "major", "key", "big", "high-profile", "coveted", "prized"})
# What a campaign launched can be for when a noun names it: an office or an election ("her Senate
# campaign", "his reelection campaign"); any other noun makes it a drive ("a petition campaign").
CANDIDACY_NOUNS = frozenset({"reelection", "re-election", "election", "presidency", "primary", "write-in", "senate",
                             "house", "congress", "mayor", "governor", "president", "presidential", "leadership",
                             "council", "seat", "bid"})


def _other_campaign(objs: list[Token]) -> bool:
    """``launched a petition campaign`` / ``an ad campaign``: a campaign whose noun modifier is no office."""
    for o in objs:
        if o.lemma_.lower() != "campaign":
            continue
        mods = [c for c in o.children if c.dep_ == "compound" and c.pos_ == "NOUN"]
        if any(m.lemma_.lower() not in CANDIDACY_NOUNS for m in mods):
            return True
    return False


# What a party nominates a candidate for: an office won in an election, never one appointed to.
ELECTIVE = frozenset({"president", "presidency", "governor", "governorship", "mayor", "senate", "senator",
                      "congress", "reelection", "re-election", "vice", "office"})
ELECTORATE = frozenset({"primary", "primaries", "caucus", "caucuses", "convention", "delegate", "delegates", "voter",
                        "voters", "party", "electorate", "republicans", "democrats"})


def _party_nomination(facts: Facts, verb: Token, subj: Token | None) -> bool:
    """``the primaries that nominated Obi``, ``Democrats nominated Obi for president``: a candidacy,
    not an appointment (which a person or a body appointing to a post makes)."""
    if verb.dep_ == "relcl" and verb.head.lemma_.lower() in ELECTORATE:
        return True
    holders = [verb, *(c for c in verb.children if c.dep_ == "dobj")]
    if any(c.dep_ == "prep" and c.lower_ == "for" and any(p.lemma_.lower() in ELECTIVE for p in c.children)
           for h in holders for c in h.children):
        return True  # "nominating Obi for president": a party's candidate for an elected office
    if subj is None:
        return False
    return subj.lemma_.lower() in ELECTORATE or subj.lower_ in ELECTORATE or \
        any(facts.is_a(k, {"NORP"}) for k in facts.denote(subj))


def _confirmed_to_post(facts: Facts, verb: Token) -> bool:
    """``was confirmed as secretary of state`` / ``confirmed by the Senate``: a post, or a body that confirms."""
    from .roles import is_title

    def post(p: Token) -> bool:  # "its chief executive" -> "chief executive"
        words = " ".join(t.text for t in p.subtree if t.i <= p.i and (t.i == p.i or t.dep_ in {"compound", "amod"}))
        return is_title(words) or is_title(p.lemma_.lower()) or p.lemma_.lower() in POSTS

    for c in verb.children:
        if c.dep_ == "prep" and c.lower_ in {"as", "to"} and any(p.dep_ == "pobj" and post(p) for p in c.children):
            return True
        if c.dep_ == "agent" and any(facts.is_a(k, {"ORG", "GPE"}) for p in c.children if p.dep_ == "pobj"
                                     for k in facts.denote(p)):
            return True
        if c.dep_ in {"attr", "oprd", "xcomp"} and post(c):
            return True
    return False


def _doubtful_pronoun(facts: Facts, pron: Token, possessor: bool = False) -> bool:
    """A pronoun agent whose sentence points to someone else than coreference chose (people of the
    pronoun's gender only): the subject of the saying verb whose clause it opens ("Bush, who announced
    he is suspending"), for a ``possessor`` the object of the verb its phrase hangs from ("Rubio
    congratulated Trump for his victory"), the nearest person before it (a subject first) is another
    one ("supporters of Mr. Sanders, helping him win"), or, with no one before it, the subject of the
    clause it leads into is ("after he won ..., Sanders declared")."""
    key = facts.key(pron.i)
    if key is None:
        return False
    sent = pron.sent
    if pron.dep_ in {"nsubj", "nsubjpass"} and pron.head.dep_ == "ccomp" and pron.head.head.pos_ in {"VERB", "AUX"}:
        said = next((c for c in pron.head.head.children if c.dep_ in {"nsubj", "nsubjpass"}), None)
        speakers = [k for k in facts.denote(said) if facts.is_a(k, PEOPLE) and _fits(facts, k, pron)] if said else []
        if speakers and key not in speakers:
            return True
    if possessor and _object_owns(facts, pron, key):
        return True
    if not possessor and _object_before(facts, pron, key):
        return True
    before = [t for t in facts.doc[sent.start : pron.i] if facts.key(t.i) and facts.is_a(facts.key(t.i), PEOPLE)
              and _fits(facts, facts.key(t.i), pron)]
    subjects = [t for t in before if t.dep_ in {"nsubj", "nsubjpass"} or t.head.dep_ in {"nsubj", "nsubjpass"}]
    nearest = (subjects or before)[-1:] if before else []
    if nearest:
        return facts.key(nearest[0].i) != key
    head = pron.head
    while head.dep_ not in {"ROOT"} and head.head.i != head.i:
        head = head.head
    main = [c for c in head.children if c.dep_ in {"nsubj", "nsubjpass"} and c.i > pron.i]
    if any(facts.key(c.i) and facts.is_a(facts.key(c.i), PEOPLE) and facts.key(c.i) != key and
           _fits(facts, facts.key(c.i), pron) for c in main):
        return True  # "after he won ..., Sanders declared" (not "after he won ..., Ada Obi declared")
    # "When she ran in 2010, Ada Obi attacked Rita Holt": the pronoun leads into a clause naming two
    # people, and either can be "she" (coreference chose one of them, or someone from before).
    clause = pron.head
    while clause.dep_ not in {"advcl", "ROOT"} and clause.head.i != clause.i:
        clause = clause.head
    if clause.dep_ != "advcl" or clause.head.i < pron.i:
        return False
    named = {facts.key(t.i) for t in sent if t.i > clause.right_edge.i and t.pos_ == "PROPN" and facts.key(t.i) and
             facts.is_a(facts.key(t.i), PEOPLE) and _fits(facts, facts.key(t.i), pron)}
    return len(named) >= 2


def _object_before(facts: Facts, pron: Token, key: str) -> bool:
    """``worked for Lane before he dropped out``, ``hired Lane after he lost``: the subject of a time clause
    may be the person object of the verb the clause hangs from as well as its subject; coreference's
    choice of the subject is doubtful when the object is another person of the pronoun's gender."""
    clause = pron.head
    if pron.dep_ not in {"nsubj", "nsubjpass"} or clause.dep_ != "advcl" or not any(
            c.dep_ == "mark" and c.lower_ in {"before", "after", "when", "until", "once", "since"}
            for c in clause.children):
        return False
    verb = clause.head
    objs = [c for c in verb.children if c.dep_ == "dobj"] + [
        p for c in verb.children if c.dep_ == "prep" for p in c.children if p.dep_ == "pobj"]
    people = [k for o in objs if o.i < pron.i for k in facts.denote(o)
              if facts.is_a(k, PEOPLE) and _fits(facts, k, pron)]
    return bool(people) and key not in people


def _object_owns(facts: Facts, pron: Token, key: str) -> bool:
    """``congratulated Trump for his victory``, ``praised Lane on her win``: the possessor in a ``for`` /
    ``on`` phrase of a verb with a person object is that object; another choice is doubtful."""
    noun = pron.head
    while noun.dep_ == "compound" and noun.head.i != noun.i:
        noun = noun.head
    prep = noun.head
    if noun.dep_ != "pobj" or prep.lower_ not in {"for", "on"}:
        return False
    if prep.head.dep_ == "dobj" and prep.head.head.pos_ in {"VERB", "AUX"}:
        owners = [prep.head]  # "congratulating Trump for his victory", the phrase hung from the object
    elif prep.head.pos_ in {"VERB", "AUX"}:
        owners = [c for c in prep.head.children if c.dep_ == "dobj"]
    else:
        return False
    objs = [k for c in owners for k in facts.denote(c) if facts.is_a(k, PEOPLE) and _fits(facts, k, pron)]
    return bool(objs) and key not in objs


def _fits(facts: Facts, key: str | None, pron: Token) -> bool:
    """Whether a person of ``key`` can be the pronoun's referent by gender (unknown fits either)."""
    gender = (facts.records.get(key or "") or {}).get("gender")
    low = pron.lower_
    want = "female" if low in lexicons.load("coref/pronouns_female") else \
        "male" if low in lexicons.load("coref/pronouns_male") else None
    return not (gender and want) or gender == want


def _person_types() -> frozenset[str]:
    """Event types only a person undergoes (a death, a marriage, an arrest): "the Whigs died" is no death."""
    return frozenset(lexicons.json("facts/event_triggers")["person_types"])


def _named_target(facts: Facts, trig: Trigger, objs: list[Token], targets: list[str]) -> bool:
    """Whether an endorsement, visit, campaign or donation is aimed at someone: an object that names no
    one ("endorsed the compromise", "campaigned for paid leave", "contributed to this story") or names an
    outlet ("visited NBC's Today") is not such an event; no object at all leaves the target unsaid."""
    if not objs:
        return True
    if trig.type == "contact.visit" and any(facts.is_a(k, {"OUTLET", "WORK"}) for k in targets):
        return False
    if trig.type.startswith("donation"):
        if any(o.lemma_.lower() in NOT_MONEY for o in objs):
            return False  # "gave rise to", "donated his services as chairman": no money given
        if trig.prep:  # "contributed to Clinton's win": the owner of a win got no money
            return any(facts.denote(o) or o.lemma_.lower() in DONEES for o in objs)
        return True  # "donated $500": the money is the object
    return bool(targets) or any(_person_noun(o) for o in objs)  # "knocked on doors for a candidate"


def _owned_thing(facts: Facts, objs: list[Token]) -> bool:
    """An object that is a person's thing rather than the person or their run for office: "Obi's
    approach", "the plan of Obi" (but "Obi's candidacy", "the re-election of Obi" stand for Obi)."""
    runs = set(lexicons.json("facts/event_triggers")["candidacy_nouns"])
    for o in objs:
        if facts.key(o.i) or o.pos_ not in {"NOUN"} or _person_noun(o) or o.lemma_.lower() in runs:
            continue
        owners = [c for c in o.children if c.dep_ == "poss"] + [
            p for c in o.children if c.dep_ == "prep" and c.lower_ == "of" for p in c.children if p.dep_ == "pobj"]
        if any(facts.denote(w) for w in owners):
            return True
    return False


def _person_noun(tok: Token) -> bool:
    """A common noun for a person ("a candidate", "her son", "the senator"): someone is the target."""
    from .roles import is_title

    lemma = tok.lemma_.lower()
    return lemma in lexicons.load("person_nouns") or lemma in set(
        lexicons.json("facts/event_triggers")["person_objects"]) or is_title(lemma)


def _named_to_post(verb: Token, active: bool = False) -> bool:
    """``was named chair``, ``named to the board``, ``named as its chief``: a post follows the verb.

    Active ``named X`` needs the post itself ("named Obi as its chief", "named her to the board"):
    "named Cleveland as the most dangerous city" and a bare "Trump named Cruz" name no post.
    """
    if not active:
        return any(c.dep_ in {"oprd", "attr", "xcomp", "dobj"} or (c.dep_ == "prep" and c.lower_ in {"as", "to"})
                   for c in verb.children)
    from .roles import is_title

    posts: list[Token] = [c for c in verb.children if c.dep_ in {"oprd", "attr", "xcomp"}]
    posts += [p for c in verb.children if c.dep_ == "prep" and c.lower_ in {"as", "to"} for p in c.children
              if p.dep_ == "pobj"]
    posts += [p for o in verb.children if o.dep_ == "dobj" for c in o.children
              if c.dep_ == "prep" and c.lower_ in {"as", "to"} for p in c.children if p.dep_ == "pobj"]
    bodies = set(lexicons.json("facts/org_references")["bodies"])
    def words(p: Token) -> str:  # "its chief executive" -> "chief executive"
        return " ".join(t.text for t in p.subtree if t.i <= p.i and (t.i == p.i or t.dep_ in {"compound", "amod"}))

    return any(is_title(words(p)) or p.lemma_.lower() in bodies or p.lemma_.lower() in POSTS for p in posts)


def _left_dead(facts: Facts) -> list[Hit]:
    """``the attack that left Ambassador Ada Obi and three others dead``: a death."""
    hits: list[Hit] = []
    for verb in facts.doc:
        if verb.lemma_.lower() != "leave" or verb.pos_ != "VERB":
            continue
        objs = [c for c in verb.children if c.dep_ == "dobj"]
        dead = [c for c in verb.children if c.lower_ == "dead" and
                c.dep_ in {"oprd", "acomp", "ccomp", "xcomp", "advmod"}]
        dead += [t for o in objs for t in o.subtree if t.lower_ == "dead" and t.i > o.i]
        if not dead:
            continue
        stop = min(t.i for t in dead)  # the dead are named before "dead": "left X and two aides dead"
        people = [k for o in objs for t in o.subtree if t.i < stop and t.dep_ in {"dobj", "conj"}
                  for k in facts.denote(t, conj=False) if facts.is_a(k, PEOPLE)]
        people = list(dict.fromkeys(people))
        if people:
            hits.append(Hit("death", people, [verb, *objs], timed=True))
    return hits


def _noun_events(facts: Facts) -> list[Hit]:
    _, nouns = _triggers()
    data = lexicons.json("facts/event_triggers")
    context = set(data["election_context"])
    ordinals = data["ordinals"]
    hits: list[Hit] = []
    for tok in facts.doc:
        if tok.pos_ != "NOUN" and not (tok.pos_ == "PROPN" and tok.lower_ in nouns):
            continue
        mod = next((c.lower_ for c in tok.children if c.dep_ == "compound" and c.i == tok.i - 1), "")
        spec = nouns.get(f"{mod} {tok.lower_}") or nouns.get(tok.lower_) or nouns.get(tok.lemma_.lower())
        if spec is None:
            continue
        typ, needs = spec
        if tok.dep_ == "compound" and tok.head.lemma_.lower() not in set(data["compound_heads"]):
            continue  # "her nomination battle", "a death threat", "his retirement plan": no event
        if typ == "appointment" and tok.tag_ == "NNS":
            continue  # "her discretionary appointments": the possessor made them
        if any(c.dep_ == "amod" and c.lower_ in HABIT_ADJECTIVES for c in tok.children):
            continue  # "his frequent visits to the front", "her annual visit": a habit, not one event
        # A received endorsement unless it names whom it is of: "her first endorsement of Lane" is given.
        if typ == "endorsement" and any(c.dep_ in {"compound", "amod", "nmod"} and c.lower_ in RECEIVED
                                        for c in tok.children) and not any(
                c.dep_ == "prep" and c.lower_ in {"of", "for"} and _someone_in(facts, c) for c in tok.children):
            continue  # "his latest celebrity endorsement", "her first union endorsement": one she received
        owned = any(c.dep_ == "poss" for c in tok.children)
        of_phrases = [c for c in tok.children if c.dep_ == "prep" and c.lower_ == "of"]
        # An arrest, a death or a defeat is the possessor's act only on a person: "his death of cancer" and
        # "her loss of the nomination" are still hers.
        if owned and of_phrases and (typ in {"legal.indictment", "legal.conviction"} or (
                typ in {"legal.arrest", "death", "election.loss"} and any(_someone_in(facts, c) for c in of_phrases))):
            continue  # "her indictment of Lane", "her arrest of the suspect", "her defeat of Lane": she did it
        if typ in {"legal.conviction", "concession"} and any(
                _content_clause(c) or (typ == "concession" and c.dep_ == "prep" and
                                              c.lower_ in {"on", "over", "to"} and not _people_in(facts, c))
                for c in tok.children):
            continue  # "her conviction that taxes are too high", "her concession on taxes": a belief, a give
        holder = tok.head if tok.dep_ == "compound" else tok  # "her concession speech"
        agents = [k for c in holder.children if c.dep_ == "poss" for k in facts.denote(c)]
        if typ == "endorsement" and any(c.dep_ == "agent" or (c.dep_ == "prep" and c.lower_ == "by")
                                        for c in tok.children) and not (owned and any(_someone_in(facts, c)
                                                                                      for c in of_phrases)):
            continue  # "her endorsement by the union": one she received ("her endorsement of Lane by video": hers)
        of_people = [k for c in tok.children if c.dep_ == "prep" and c.lower_ == "of"
                     for p in c.children if p.dep_ == "pobj" for k in facts.denote(p) if facts.is_a(k, PEOPLE)]
        if typ == "appointment" and agents and of_people:
            agents = of_people  # "Obi's appointment of Lane": Lane is appointed (Obi appoints)
        elif not (agents and typ in set(data["target_types"])):  # "her endorsement of X": X is the target
            agents += [k for c in tok.children if c.dep_ == "prep" and c.lower_ == "of"
                       for p in c.children if p.dep_ == "pobj" for k in facts.denote(p)]
        agents = [k for k in agents if facts.is_a(k, PEOPLE if typ in _person_types() else DOERS)]
        if not agents or (typ == "endorsement" and _endorses_nobody(facts, tok, agents)):
            continue
        phrase = list(holder.subtree)
        year = _year_in(phrase)
        if needs:
            words = {t.lower_ for t in phrase} | {t.lower_ for t in tok.sent}
            own = set(data.get("noun_context", {}).get(typ, [])) or context
            if not (words & own or (year and own is context)):
                continue
        ordinal = next((ordinals[c.lower_] for c in holder.children if c.lower_ in ordinals), None)
        preps = {"of", "for"} if typ == "endorsement" else {"to", "with", "of"}
        others = [("target", k) for c in tok.children if c.dep_ == "prep" and c.lower_ in preps
                  for p in c.children if p.dep_ == "pobj" for k in _denoted(facts, p)
                  if k and k not in agents and typ in set(data["target_types"])]
        times = [t for t in facts.times_in(min(t.idx for t in phrase), max(t.idx + len(t) for t in phrase))
                 if not duration(t.value)]  # "his first visit in more than a year": a gap, not its date
        when = times[0].value if times else year
        if times and _coming(facts, tok, times[0].value):
            continue  # "Obi's visit Monday will draw crowds" on that Monday: a visit still to come
        prior = data["noun_priors"].get(tok.lemma_.lower(), 0.7)
        owner = next((c for c in holder.children if c.dep_ == "poss" and c.tag_ == "PRP$"), None)
        if owner is not None and _doubtful_pronoun(facts, owner, possessor=True):
            prior = min(prior, PRONOUN_AGENT)  # "an interview with Lane after his victory": "his" may be Lane's
        if any(c.dep_ == "poss" and _doubtful_whose(facts, c) for c in holder.children):
            prior = min(prior, PRONOUN_AGENT)
        hits.append(Hit(typ, agents[:1] if typ != "marriage" else agents, [tok], others, when=when,
                        ordinal=ordinal, timed=when is None, confidence=prior))
    return hits


def _doubtful_whose(facts: Facts, whose: Token) -> bool:
    """``Ada Obi, the daughter of Bo Obi, whose death ...``: a "whose" right after another person's name
    than the one the parse gives it may be either's."""
    if whose.tag_ != "WP$":
        return False
    i = whose.i - 1
    while i >= 0 and facts.doc[i].is_punct:
        i -= 1
    before = facts.key(i)
    return before is not None and facts.is_a(before, PEOPLE) and before not in facts.denote(whose)


def _coming(facts: Facts, noun: Token, when: str) -> bool:
    """An event noun dated no earlier than the publication day, subject of a verb in the future
    ("her visit Monday will include a rally"): announced, not done."""
    head = noun.head
    if noun.dep_ not in {"nsubj", "nsubjpass"} or not any(
            c.dep_ == "aux" and c.lower_ in {"will", "'ll", "’ll"} for c in head.children):
        return False
    published = doc_state.published(facts.doc)
    return bool(published) and when[:10] >= published[: len(when[:10])]  # type: ignore[index]


def _content_clause(tok: Token) -> bool:
    """A clause stating what a noun holds ("her conviction that taxes are too high"): a finite clause, with
    a "that" or a subject; a participle ("his conviction, upheld on appeal") only describes the noun."""
    return tok.dep_ in {"acl", "ccomp"} and any(
        c.dep_ in {"nsubj", "nsubjpass", "expl"} or (c.dep_ == "mark" and c.lower_ == "that") for c in tok.children)


def _someone_in(facts: Facts, prep: Token) -> bool:
    """A prepositional phrase whose object is a person, named or not ("of Lane", "of the suspect")."""
    return _people_in(facts, prep) or any(p.dep_ == "pobj" and _person_noun(p) for p in prep.children)


def _people_in(facts: Facts, prep: Token) -> bool:
    """A prepositional phrase that names a person ("her concession to Lane")."""
    return any(facts.is_a(k, PEOPLE) for p in prep.children if p.dep_ == "pobj" for k in facts.denote(p))


def _endorses_nobody(facts: Facts, noun: Token, agents: list[str]) -> bool:
    """``his endorsement of his leadership team``: what is endorsed is named, and it is no one else."""
    objs = [p for c in noun.children if c.dep_ == "prep" and c.lower_ in {"of", "for"} for p in c.children
            if p.dep_ == "pobj"]
    named = {k for p in objs for k in [*facts.denote(p), facts.org_ref(p)] if k}
    return bool(objs) and not named - set(agents)


def _group_of(facts: Facts, agents: list[str]) -> list[str]:
    """``the couple`` / ``Ada and Ben Lang``: the family group ("the Langs") of people sharing its surname."""
    people = [a for a in agents if facts.is_a(a, PEOPLE)]
    if len(people) < 2:
        return []
    surnames = {((facts.records.get(p) or {}).get("name") or "").split()[-1:][0].lower() for p in people
                if (facts.records.get(p) or {}).get("name")}
    if len(surnames) != 1:
        return []
    surname = surnames.pop()
    out = []
    for key, rec in facts.records.items():
        last = (rec.get("name") or "").split()[-1:]
        if rec.get("type") == "GROUP" and last and last[0].lower().rstrip("'").removesuffix("s") in {
                surname, surname.removesuffix("s")} and key not in agents:
            out.append(key)
    return out[:1]


def find_events(facts: Facts) -> list[Event]:
    """The events of the doc with participants, time, status and evidence (one per type, agents and time)."""
    rank = {"asserted": 0, "attributed": 1, "reported": 2, "hedged": 3, "speculative": 4, "unknown": 5}
    best: dict[tuple[str, tuple[str, ...], str | None], Event] = {}
    for h in _verb_events(facts) + _left_dead(facts) + _noun_events(facts):
        if facts.imagined(h.toks) or modality.unrealised(h.toks[:1]) or modality.poll_standing(h.toks[0]) or \
                modality.predicted(h.toks[0]):
            continue
        if _quoted_clause(facts, h):
            continue  # "blames media for Lane's 'Obi founded Acme' flap": someone's words, not Lane's act
        if h.toks[0].pos_ in {"VERB", "AUX"} and modality.conditional(h.toks[0]):
            continue  # "if Ortiz wins the primary, ...": a condition, not a win
        if h.toks[0].pos_ in {"VERB", "AUX"} and modality.negated_by_word(h.toks[0]):
            continue  # an event said not to happen is no event
        if h.toks[0].pos_ in {"VERB", "AUX"} and modality.habitual(h.toks[0]):
            continue  # "she often visits Rome", "visits Rome every summer": a habit, not one event
        if h.toks[0].pos_ in {"VERB", "AUX"} and modality.irrealis(h.toks[0]):
            continue  # "he should resign", "will likely win", "in case Trump wins": not (yet) an event
        lo, hi = min(t.i for t in h.toks), max(t.i for t in h.toks) + 1
        st = facts.aside_status(facts.status(lo, hi), h.toks, climb=True)  # the same asides as for ties
        if h.identifying or _topic(h.toks[0]):  # "praised Acme, the firm founded by Obi", "asked about
            st = facts.identifying_status(st, h.toks, marks_only=True)  # her win": the writer's reference
        # An event said not to happen ("she may not retire") is no event; an imagined one neither.
        if st.status in {"hypothetical", "negated"} or st.negative:
            continue
        when = h.when
        if when is None and h.timed and not _set_apart(h.toks[0]):
            when = facts.clause_time(h.toks) or _shared_time(facts, h.toks[0])
            if when and h.type == "candidacy.launch" and (
                    _names_the_race(facts, h.toks, when) or _running_now(h.toks[0])):
                when = None  # "entered the 2016 presidential race": the race's year, not the day she entered
        if _announced_future(h):
            h.confidence = min(h.confidence, ANNOUNCED_FUTURE)
        if h.toks[0].pos_ in {"VERB", "AUX"} and modality.near_negated(h.toks[0], h.type.startswith("election")):
            h.confidence = min(h.confidence, NEAR_DENIED)
        parts = [Participant("agent", a) for a in h.agents + _group_of(facts, h.agents)]
        parts += [Participant(r, e) for r, e in h.others if not cut_org(facts, e)]  # "a super PAC": which?
        ev = Event(h.type, parts, facts.evidence(h.toks[0], h.toks), st.status, when=when, source=st.source,  # type: ignore[arg-type]
                   confidence=h.confidence)
        if h.ordinal is not None:
            ev.ordinal = h.ordinal
        key = (h.type, tuple(h.agents), when)
        old = best.get(key)
        if old is None or rank.get(ev.status, 9) < rank.get(old.status, 9):
            if old is not None:
                known = {(p.role, p.entity) for p in ev.participants}
                ev.participants += [p for p in old.participants if (p.role, p.entity) not in known]
            best[key] = ev
    return list(best.values())


def _running_now(verb: Token) -> bool:
    """``who is running for reelection this year``, ``runs for mayor in 2024``: a race under way, dated by
    the race's time; it does not say when the candidate entered it."""
    if verb.tag_ in {"VBZ", "VBP"}:
        return True
    return verb.tag_ == "VBG" and any(c.dep_ == "aux" and c.lower_ in PRESENT_BE for c in verb.children)


def _set_apart(tok: Token) -> bool:
    """``Before his death, Obi rebuked Lane in December``: an event noun after "before", "after",
    "since" ... is another time than its clause's act, so the clause's date is not its own."""
    return tok.pos_ in {"NOUN", "PROPN"} and tok.dep_ == "pobj" and tok.head.lower_ in APART_PREPS


def _topic(tok: Token) -> bool:
    """An event noun that is the topic of what someone said or thought ("asked what voters thought about
    Obi's win", "spoke about her victory"): the event is the writer's to refer to, not the speaker's claim."""
    return tok.pos_ == "NOUN" and tok.dep_ == "pobj" and tok.head.lower_ in {"about", "over", "regarding"} and \
        tok.head.head.pos_ in {"VERB", "AUX"}


ANNOUNCED_FUTURE = 0.55
NEAR_DENIED = 0.5  # "barely visited the state": next to nothing happened (hidden by default)
ENDINGS = frozenset({"retirement", "resignation", "candidacy.withdrawal"})
FUTURE_WORDS = frozenset({"next", "upcoming", "later", "soon", "end", "coming"})
PRESENT_BE = frozenset({"is", "are", "am", "'s", "’s", "'re", "’re", "'m", "’m"})
# "is retiring", and in reported speech "said he was retiring at the end of the year".
PROGRESSIVE_BE = frozenset({"is", "are", "am", "'s", "’s", "'re", "’re", "'m", "’m", "was", "were"})


def _announced_future(h: Hit) -> bool:
    """``is retiring at the end of his term``, ``is stepping down next month``: a departure announced
    for later, not one that happened (hidden by default)."""
    verb = h.toks[0]
    if h.type not in ENDINGS or verb.tag_ != "VBG" or not any(
            c.dep_ == "aux" and c.lower_ in PROGRESSIVE_BE for c in verb.children):
        return False
    # The phrase's own words: "from the board, which he joined at the end of 2019" dates the joining.
    return any(verb.doc[i].lower_ in FUTURE_WORDS for c in verb.children if c.dep_ in {"prep", "npadvmod", "advmod"}
               for i in syntax.governed(c, keep_relcl=False))


def _names_the_race(facts: Facts, toks: list[Token], when: str) -> bool:
    """The time found is inside the object that names the contest ("the 2016 race", "the 2020 primary")."""
    for o in toks[1:]:
        lo, hi = o.left_edge.idx, o.idx + len(o)
        if any(t.value == when for t in facts.times_in(lo, hi)):
            return True
    return False


def _year_in(toks: Iterable[Token]) -> str | None:
    """The first bare year among ``toks`` ("her 2022 loss", "the 2000 nominee")."""
    return next((t.text for t in toks if t.like_num and len(t.text) == YEAR_LEN and t.text[:2] in {"19", "20"}),
                None)


def _shared_time(facts: Facts, verb: Token) -> str | None:
    """A date the trigger's clause shares: the year of the noun a relative clause describes ("the 2000
    nominee who lost to Lane"), or a date fronted before the subject of the clause a subjectless
    conjunct continues ("On Sunday, Obi stood at the lectern and endorsed Lane")."""
    if verb.pos_ not in {"VERB", "AUX"}:
        return None
    if verb.dep_ == "relcl" and verb.head.pos_ in {"NOUN", "PROPN"}:
        year = _year_in(t for left in verb.head.lefts for t in left.subtree)
        if year:
            return year
    first = verb
    while first.dep_ == "conj" and first.head.i != first.i and not any(
            c.dep_ in {"nsubj", "nsubjpass"} for c in first.children):
        first = first.head
    subj = next((c for c in first.children if c.dep_ in {"nsubj", "nsubjpass"}), None)
    if first is verb or subj is None:
        return None
    lo, hi = first.sent.start_char, subj.left_edge.idx
    times = [t for t in facts.times_in(lo, hi) if not duration(t.value)]
    return times[0].value if len(times) == 1 else None


def _quoted_clause(facts: Facts, h: Hit) -> bool:
    """A trigger inside quotation marks that states no event: the quoted clause modifies a noun ("Lane's
    'Obi founded Acme' remark"), or names someone before the trigger while the agent is named outside
    the marks (the quoted clause has its own subject the parse lost). A quoted predicate of the agent
    ('Lane said she "endorsed Obi gladly"') is still the agent's event."""
    trig = h.toks[0]
    if trig.pos_ not in {"VERB", "AUX"}:
        return False
    sent = trig.sent
    marks = _quote_marks(sent)
    before = [i for i in marks if i < trig.i]
    after = [i for i in marks if i > trig.i]
    if len(before) % 2 == 0 or not after:
        return False
    lo, hi = before[-1], after[0]
    doc = facts.doc
    if lo > 0 and hi + 1 < len(doc) and doc[hi + 1].pos_ == "NOUN" and \
            doc[lo - 1].tag_ in {"DT", "PRP$", "POS"}:
        return True  # "his 'Obi founded Acme' remark": the quoted clause names a remark, it states nothing
    inside = {facts.key(i) for i in range(lo + 1, hi) if facts.key(i)}
    named_before = any(facts.key(i) for i in range(lo + 1, trig.i))
    return named_before and not inside & set(h.agents)


def _quote_marks(sent: Span) -> list[int]:
    """The quotation marks of a sentence, not its apostrophes: "’s" and a plural possessive ("the Reyes’
    farm": a single mark glued to a word in -s while no single quotation is open)."""
    marks: list[int] = []
    single_open = False
    for t in sent:
        if not t.is_quote or t.text in {"'s", "’s"}:
            continue
        if t.text in {"'", "’"} and not single_open and t.i > sent.start and \
                not t.doc[t.i - 1].whitespace_ and t.doc[t.i - 1].text[-1:] in {"s", "S"}:
            continue
        if t.text in {"'", "’", "‘"}:
            single_open = not single_open
        marks.append(t.i)
    return marks


def _denoted(facts: Facts, tok: Token) -> list[str]:
    """The entities ``tok`` stands for, else the organisation it refers to (``the committee``)."""
    org = facts.org_ref(tok)
    return facts.denote(tok) or ([org] if org else [])
