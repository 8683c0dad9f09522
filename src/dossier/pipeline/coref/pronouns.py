"""Third-person pronouns resolved to the people (and family groups) of the article.

Candidates come from the salience model of :mod:`dossier.pipeline.discourse`
and are filtered by hard constraints before the most salient wins:

* gender and number: he/she need a person whose gender (first name,
  honorific, kin noun, or the article's own earlier pronouns) is not the other
  one; they/them need a group;
* binding: a non-reflexive pronoun is not a co-argument of its own verb
  (``Obi praised her``) nor inside the phrase it would refer to (``Reyes, her
  chief of staff``); a reflexive takes its clause's subject;
* quotations: inside a quotation a third-person pronoun is not the speaker.

The subject of a reporting verb first tries centering (:func:`_continued_speaker`):
it continues the last sentence's main-clause subject when everyone else fitting
there is only an object or inside reported content or quotations.

Someone the article does not name ("a campaign aide") competes like a named
person; when they win, or two candidates are too close, the pronoun is left
unresolved.
"""

from __future__ import annotations

from dataclasses import dataclass

from spacy.tokens import Token

from .. import lexicons
from ..syntax import NOMINAL_SUBJECTS, SUBJECTS, VERBAL, direct_subject, heads_above
from .descriptors import kin_nouns, role_nouns
from .discourse import Discourse, Entry

MIN_SCORE = 10.0
CONFIDENT_SCORE = 60.0  # below it, only a person whose gender is known and fits
MARGIN = 1.2  # the winner must beat the runner-up by this factor
UNKNOWN_GENDER_FACTOR = 0.75
HOST_SUBJECT_BONUS = 80.0
CONTINUED_SPEAKER_CONFIDENCE = 0.7
CONTINUATION_SENTENCES = 4  # how many sentences back the continued subject may be
CONTINUATION_PARAGRAPHS = 2
MAIN_CLAUSE_DEPS = {"ROOT", "parataxis"}
# Set to a list to collect every decision's candidates (evaluation and debugging only).
TRACE: list[dict[str, object]] | None = None


@dataclass(frozen=True)
class Features:
    """What a pronoun says about its referent."""

    gender: str | None  # "female", "male" or None (plural)
    plural: bool
    reflexive: bool
    possessive: bool


def features(tok: Token) -> Features | None:
    """Features of a third-person pronoun token, or None if ``tok`` is not one we resolve."""
    word = tok.lower_
    if tok.pos_ not in {"PRON", "DET"} and tok.tag_ not in {"PRP", "PRP$"}:
        return None
    if word in lexicons.load("coref/pronouns_female"):
        gender: str | None = "female"
    elif word in lexicons.load("coref/pronouns_male"):
        gender = "male"
    elif word in lexicons.load("coref/pronouns_plural"):
        gender = None
    else:
        return None
    possessive = tok.tag_ == "PRP$" or tok.dep_ == "poss" or word in {"his", "their", "theirs", "hers"}
    if word == "his" and tok.dep_ not in {"poss"} and tok.head.pos_ not in {"NOUN", "PROPN"}:
        possessive = True
    return Features(gender, gender is None, word.endswith("self") or word.endswith("selves"), possessive)


def resolve_at(d: Discourse, i: int) -> tuple[str, float] | None:
    """Resolve the pronoun at token ``i`` once (memoised in ``d.resolved``)."""
    if i in d.resolved:
        return d.resolved[i]
    d.resolved[i] = None  # guards against cycles through quotation speakers
    tok = d.doc[i]
    feats = features(tok)
    result = _resolve(d, tok, feats) if feats is not None else None
    d.resolved[i] = result
    if feats is None:
        return None
    if result is not None:
        d.add(i, i, i + 1, result[0], "pronoun")
        key = result[0]
        if feats.gender and d.genders.get(key) is None and result[1] >= 0.7 and not d.gender_evidence.get(key):
            d.genders[key] = feats.gender  # the article's own "she" decides, when nothing else spoke
    return result


def _resolve(d: Discourse, tok: Token, f: Features) -> tuple[str, float] | None:
    if f.reflexive:
        subj = d.clause_subject(tok)
        if subj is None:
            return None
        if subj.i not in d.mention_at:
            resolve_at(d, subj.i)
        key = d.key_at(subj.i)
        if key and _compatible(d, key, f):
            return key, 0.95
        return None
    excluded = d.excluded_by_syntax(tok, f.possessive)
    speaker = d.speaker_of(tok)
    if speaker is not None:
        if speaker not in d.mention_at and features(d.doc[speaker]) is not None:
            resolve_at(d, speaker)
        key = d.key_at(speaker)
        if key:
            excluded.add(key)
    excluded |= d.named_in_own_quotes(tok)  # the speaker is not someone her quotation names
    scores = d.scores(tok, cataphora=tok.i in d.fronted)
    host = _host_subject(d, tok, excluded)
    cands: list[tuple[float, str]] = []
    for key, (score, entry) in scores.items():
        if key.startswith("#"):
            if entry.plural == f.plural and (f.plural or _gender_fits(entry.gender, f.gender)):
                cands.append((score, key))
            continue
        if key in excluded or not _compatible(d, key, f):
            continue
        if not f.plural and d.genders.get(key) is None:
            score *= UNKNOWN_GENDER_FACTOR
        if key == host:
            score += HOST_SUBJECT_BONUS
        cands.append((score, key))
    cands.sort(reverse=True)
    if TRACE is not None:
        TRACE.append({"tok": tok.i, "char": tok.idx, "excluded": sorted(excluded), "cands": cands[:4]})
    continued = _continued_speaker(d, tok, f, {k for _, k in cands})
    if continued is not None:
        return continued, CONTINUED_SPEAKER_CONFIDENCE
    if _after_unnamed_speaker(d, tok, f):
        _unnamed(d, tok, f)
        return None
    if not cands:
        _unnamed(d, tok, f)
        return None
    top, key = cands[0]
    if key.startswith("#"):
        _unnamed(d, tok, f)
        return None
    if top < MIN_SCORE or (top < CONFIDENT_SCORE and not f.plural and d.genders.get(key) != f.gender):
        return None
    second = cands[1][0] if len(cands) > 1 else 0.0
    if top < MARGIN * second:
        return None
    return key, round(0.5 + 0.45 * (1 - second / top), 2)


def _host_subject(d: Discourse, tok: Token, excluded: set[str]) -> str | None:
    """The subject of the nearest clause around ``tok`` that it may refer to.

    "Obi hinted that she ...", "Obi left after her loss": in news, a pronoun in a
    clause or phrase hanging off a verb most often continues that verb's subject.
    """
    for head in heads_above(tok, 8):
        if head.pos_ in VERBAL:
            subj = direct_subject(head, NOMINAL_SUBJECTS, skip=(tok.i,))
            if subj is not None and subj.i < tok.i:
                if subj.lower_ in {"who", "that"} and head.dep_ == "relcl":
                    subj = head.head  # "Obi, who says he ...": the relative pronoun's antecedent
                key = d.key_at(subj.i)
                if key is not None and key not in excluded:
                    return key
    return None


def _continued_speaker(d: Discourse, tok: Token, f: Features, candidates: set[str]) -> str | None:
    """The person a reporting verb's pronoun subject continues, by centering, or None.

    "Reyes said the mayor would veto it. She said ...": in news the subject of a
    reporting verb continues the main-clause subject of the nearest earlier
    sentence with a fitting person as one (sentences wholly inside quotations
    are passed over). People only in objects, reported clauses or quotations do
    not compete there; a second fitting main-clause subject, an unnamed one,
    anyone fitting earlier in the pronoun's own sentence, or a sentence passed
    over that names anyone fitting or has another speaker break the chain (an
    unnamed person there in an object, "to name a candidate", does not).
    """
    if f.plural or f.reflexive or not _speech_subject(d, tok):
        return None
    doc = d.doc
    sent = tok.sent
    if any(sent.start <= e.tok < tok.i and d.quote_of[e.tok] is None and _fits(d, e, f) for e in d.entries):
        return None
    for _ in range(CONTINUATION_SENTENCES):
        if sent.start == 0:
            return None
        sent = doc[sent.start - 1].sent
        if d.para_of[tok.i] - d.para_of[sent.start] > CONTINUATION_PARAGRAPHS:
            return None
        if all(d.quote_of[t.i] is not None for t in sent if not (t.is_punct or t.is_space)):
            continue
        fitting = [
            e for e in d.entries if sent.start <= e.tok < sent.end and d.quote_of[e.tok] is None and _fits(d, e, f)
        ]
        people = {e.key for e in fitting if _main_subject(doc[e.tok])}
        if people:
            key = people.pop()
            return key if not people and key in candidates else None
        if any(e.key for e in fitting) or sent.root.lower_ in lexicons.load("reporting_verbs"):
            return None  # someone fitting is named, or someone else speaks, in between
    return None


def _after_unnamed_speaker(d: Discourse, tok: Token, f: Features) -> bool:
    """'..., his brother added. "...," he said': the pronoun subject of a reporting verb continues the
    speaker of the sentence before, here someone the article does not name (a person noun no one was
    resolved to), not the most salient named person (sentences wholly inside quotations are passed over)."""
    if f.plural or f.reflexive or not _speech_subject(d, tok):
        return False
    doc = d.doc
    sent = tok.sent
    if any(sent.start <= e.tok < tok.i and d.quote_of[e.tok] is None and e.key and _fits(d, e, f) for e in d.entries):
        return False
    while sent.start > 0:
        sent = doc[sent.start - 1].sent
        if not all(d.quote_of[t.i] is not None for t in sent if not (t.is_punct or t.is_space)):
            break
    else:
        return False
    if d.para_of[tok.i] - d.para_of[sent.start] > 1 or sent.root.lower_ not in lexicons.load("reporting_verbs"):
        return False
    subj = direct_subject(sent.root, NOMINAL_SUBJECTS)
    if subj is None or subj.pos_ != "NOUN" or subj.i in d.mention_at or d.key_at(subj.i) is not None:
        return False
    if any(c.dep_ == "det" and c.lower_ in {"the", "this", "that"} for c in subj.children):
        return False  # "the candidate said": a definite descriptor, most often of someone named
    return _gender_fits(_person_noun_gender(subj.lower_), f.gender) and _person_noun_gender(subj.lower_) != "-"


def _person_noun_gender(word: str) -> str | None:
    """The gender a person noun states (None: either), or "-" when ``word`` names no person."""
    if word in kin_nouns():
        return kin_nouns()[word][0]
    if word in role_nouns():
        return role_nouns()[word]
    return None if word in lexicons.load("person_nouns") else "-"


def _speech_subject(d: Discourse, tok: Token) -> bool:
    """Whether ``tok`` is the subject of a main-clause reporting verb or the cue subject of a quotation."""
    if tok.i in d.speaker_tok.values():
        return True
    head = tok.head
    return (
        tok.dep_ == "nsubj"
        and head.lower_ in lexicons.load("reporting_verbs")
        and (head.dep_ in MAIN_CLAUSE_DEPS or (head.dep_ == "conj" and head.head.dep_ == "ROOT"))
    )


def _main_subject(tok: Token) -> bool:
    """Whether ``tok`` is (part of) the subject of its sentence's main clause."""
    t = tok
    while t.dep_ in {"conj", "appos"} and t.head.i != t.i:
        t = t.head
    head = t.head
    return t.dep_ in SUBJECTS and (head.dep_ == "ROOT" or (head.dep_ == "conj" and head.head.dep_ == "ROOT"))


def _apposed(tok: Token) -> bool:
    """``Reyes, a lawyer and spokeswoman``: whether ``tok`` is (coordinated in) an apposition."""
    t = tok
    while t.dep_ in {"conj", "appos"} and t.head.i != t.i:
        if t.dep_ == "appos":
            return True
        t = t.head
    return False


def _fits(d: Discourse, e: Entry, f: Features) -> bool:
    """Whether the mention ``e`` could be who the he/she pronoun ``f`` means (not a noun describing another)."""
    if e.key is None:
        return not e.plural and _gender_fits(e.gender, f.gender) and not _apposed(d.doc[e.tok])
    return _compatible(d, e.key, f)


def _unnamed(d: Discourse, tok: Token, f: Features) -> None:
    """An unresolved pronoun still introduces someone later pronouns may continue."""
    d.add(tok.i, tok.i, tok.i + 1, None, "pronoun", plural=f.plural, gender=f.gender)


def _compatible(d: Discourse, key: str, f: Features) -> bool:
    rec = d.records.get(key, {})
    if f.plural:
        return rec.get("type") == "GROUP"
    return rec.get("type") == "PERSON" and _gender_fits(d.genders.get(key), f.gender)


def _gender_fits(have: str | None, want: str | None) -> bool:
    return want is None or have is None or have == want
