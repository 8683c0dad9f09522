"""Cues for a bare surname that two people of the article share ("Clinton" for Bill or Hillary).

The shared-surname pass of :mod:`.resolver` asks these in order, after an honorific or a
title before the name: the gender of the pronoun that continues the name in its sentence
("Clinton said her plan ..."), whether a bearer the article says is dead could be the one who speaks
or acts now (:func:`living_speakers`), then who of them the paragraph has named so far. When both
were named in the paragraph and nothing else decides, :func:`paragraph_bearers` says so and
the surname goes to no one rather than to a guess.
"""

from __future__ import annotations

from spacy.tokens import Span, Token

from .. import lexicons
from .descriptors import UNREAL, kin_nouns, role_nouns, title_matches
from .discourse import Discourse


def pronoun_gender(d: Discourse, span: Span) -> str | None:
    """The gender of the first he/she-type pronoun after ``span`` in its sentence that can only mean it.

    A pronoun another person named (or a pronoun used) earlier in the sentence could also mean
    is passed over ("Sanders's victory, which Clinton conceded, confirmed his appeal": "his"
    may be Sanders's), as is one on the other side of a quotation mark from ``span``; a person
    named after ``span`` ends the search.
    """
    doc = d.doc
    female, male = lexicons.load("coref/pronouns_female"), lexicons.load("coref/pronouns_male")
    if _modifies_a_person(span):
        return None  # "Obi advisers say ... him", "Obi's spokesman said he": the pronoun may be the head's
    sent = span.sent
    word = span.text.lower()
    before = [
        m for m in d.spans
        if m.label_ == "PERSON" and sent.start <= m.start < span.start and m.text.lower() != word
    ]
    # "He endorsed Obi, but said he ...": a pronoun before the name already means someone else.
    meant = {"female" if t.lower_ in female else "male" for t in doc[sent.start : span.start]
             if t.lower_ in female or t.lower_ in male}
    quote = d.quote_of[span.start]
    anchor = _clause_anchor(span)
    for tok in doc[span.end : sent.end]:
        other = d.mention_at.get(tok.i)
        if other is not None and other.label_ == "PERSON" and (len(other) > 1 or other.text.lower() != word):
            return None
        if d.quote_of[tok.i] != quote:
            continue  # a quoted name and the pronoun of the words around the quote are different voices
        gender = "female" if tok.lower_ in female else "male" if tok.lower_ in male else None
        if gender is None:
            continue
        if gender in meant or any(d.genders.get(m.kb_id_) in {gender, None} for m in before):
            continue
        if anchor is not None and anchor not in tok.ancestors:
            continue  # "... a county that Obi won, providing her a stage": another clause's "her"
        return gender
    return None


def _modifies_a_person(span: Span) -> bool:
    """``Obi aides``, ``Obi's spokeswoman``: ``span`` modifies a noun that names a person or people."""
    root = span.root
    if root.dep_ not in {"compound", "poss"} or root.head.pos_ not in {"NOUN", "PROPN"}:
        return False
    head = root.head
    people = lexicons.load("person_nouns")
    return head.lemma_.lower() in people or head.lower_ in people or head.lemma_.lower() in role_nouns()


def _clause_anchor(span: Span) -> Token | None:
    """The verb ``span`` belongs to (through possessives, prepositions, coordination), if any."""
    t = span.root
    for _ in range(6):
        if t.pos_ in {"VERB", "AUX"}:
            return t
        if t.head.i == t.i:
            return None
        t = t.head
    return None


def names_a_group(d: Discourse, span: Span) -> bool:
    """``the Obi brothers``, ``the Obi family``: a bare surname before a plural kin or group noun is both."""
    doc = d.doc
    nxt = doc[span.end] if span.end < len(doc) else None
    return nxt is not None and nxt.lower_ in lexicons.load("coref/family_group_nouns")


def living_speakers(d: Discourse, keys: list[str], span: Span) -> list[str]:
    """``keys`` without the dead, when ``span`` speaks or acts now.

    "Khan says ...", "Khan said ...", "Khan is ...", "Khan will ...": a person the article says has died
    neither speaks nor acts in the present tense, so a living namesake is meant.
    """
    root = span.root
    if root.dep_ not in {"nsubj", "nsubjpass"}:
        return keys
    verb = root.head
    speaks = verb.lemma_.lower() in lexicons.load("reporting_verbs")
    now = verb.tag_ in {"VBZ", "VBP"} or any(c.dep_ == "aux" and c.tag_ in {"VBZ", "VBP", "MD"} for c in verb.children)
    if not (speaks or now) or verb.lemma_.lower() in lexicons.load("coref/death_verbs"):
        return keys
    return [k for k in keys if not dead(d, k)]


def dead(d: Discourse, key: str) -> bool:
    """Whether the article says ``key`` has died.

    "the late Obi", "the late Sen. Obi", "Obi, who died in 2004", "Obi was killed", "Obi's death",
    "the death of Obi", "in memory of Obi", "the fallen Obi", "Obi was posthumously awarded".
    """
    deaths = lexicons.load("coref/death_verbs")
    death_nouns = lexicons.load("coref/death_nouns")
    for m in d.spans:
        if m.kb_id_ != key or m.label_ != "PERSON":
            continue
        if _after_late(d, m.start):
            return True
        root = m.root
        if m.id_ != "possessive" and any(
            c.dep_ in {"relcl", "acl"} and c.lemma_.lower() in deaths and _relative_subject(c) for c in root.children
        ):
            return True  # "Obi, who died in 2004"; not "Obi, whose son was killed", "a friend of Obi's who died"
        while root.dep_ == "appos" and root.head.i != root.i and root.head.i not in d.mention_at:
            root = root.head  # "whose son, Idris Obi, was killed": the noun the name stands beside
        if root.dep_ in {"nsubjpass"} and any(c.lower_ == "posthumously" for c in root.head.children):
            return True
        if root.dep_ in {"nsubj", "nsubjpass"} and root.head.lemma_.lower() in deaths:
            return True
        if root.dep_ == "poss" and root.head.lemma_.lower() in death_nouns and not any(
            c.lower_ == "of" for c in root.head.children
        ):
            return True  # "Obi's death"; not "Obi's killing of a guard"
        if root.dep_ == "pobj" and root.head.lower_ == "of" and root.head.head.lemma_.lower() in death_nouns:
            return True  # "the death of Obi", "in memory of Obi"
    return False


def _relative_subject(verb: Token) -> bool:
    """Whether the relative clause ``verb`` heads is about its antecedent ("who died"), not "whose son died"."""
    subj = next((c for c in verb.children if c.dep_ in {"nsubj", "nsubjpass"}), None)
    return subj is None or subj.lower_ in {"who", "that", "which"}


def _after_late(d: Discourse, start: int) -> bool:
    """"the late Obi", "the late Sen. Obi", "the fallen Capt. Obi": "late" or "fallen" before the name's titles."""
    doc = d.doc
    titles = lexicons.load("person_titles")
    i = start - 1
    while i >= 0 and start - i <= 4:
        word = doc[i].lower_
        if word in {"late", "fallen"}:
            return True
        if word not in titles and word.rstrip(".") not in titles and word + "." not in titles:
            return False
        i -= 1
    return False


def paragraph_bearers(d: Discourse, keys: list[str], full: dict[str, list[Span]], span: Span) -> list[str]:
    """Which of ``keys`` the paragraph of ``span`` has named in full before it."""
    para = d.para_of[span.start]
    return [k for k in keys if any(d.para_of[s.start] == para and s.start < span.start for s in full.get(k, []))]


def described_kin(d: Discourse) -> dict[str, set[str]]:
    """``{key: kin nouns}``: who the article introduces as someone's relative by full name.

    "his son, Sam Obi", "Ada Obi, her daughter,", "daughter Chelsea Obi", "whose son, Capt. Bo Obi,".
    """
    kin = kin_nouns()
    out: dict[str, set[str]] = {}
    for tok in d.doc:
        if tok.lower_ not in kin:
            continue
        named = [c for c in tok.children if c.dep_ == "appos" and c.i > tok.i]
        if any(c.dep_ == "poss" and c.lower_ == "whose" for c in tok.children):
            # "Tom Obi, whose son, Capt. Bo Obi,": the relative is the name after the noun, not its head
            named = _name_after(d, tok)
        elif tok.dep_ in {"appos", "compound"}:
            named.append(tok.head)
        for n in named:
            span = d.mention_at.get(n.i)
            if span is not None and span.label_ == "PERSON" and span.kb_id_ and len(span) >= 2:
                out.setdefault(span.kb_id_, set()).add(tok.lower_)
    return out


def _name_after(d: Discourse, noun: Token) -> list[Token]:
    """The name that stands right after ``noun``, past punctuation and title words ("son, Army Capt. Bo
    Obi"); not a name further on in the clause ("whose son met Kai Obi": the one he met)."""
    titles = lexicons.load("person_titles") | set(role_nouns()) | lexicons.load("coref/title_modifiers")
    for t in d.doc[noun.i + 1 : noun.i + 6]:
        if t.i in d.mention_at:
            return [t]
        if not (t.is_punct or t.pos_ == "PROPN" or t.lower_ in titles or t.lower_.rstrip(".") in titles):
            break
    return []


def kin_speaker(d: Discourse, span: Span, keys: list[str], kin: dict[str, set[str]]) -> str | None:
    """The bearer ``span`` is when it speaks of its kin: "'My mother ...,' Obi said".

    The one the article introduced as a son or daughter says "my mother"; the one it introduced
    as the mother does not. None when the quotes ``span`` speaks say no such thing, or nothing decides.
    """
    return _other_side(keys, kin, _kin_said(d, span))


def kin_owner(d: Discourse, span: Span, keys: list[str], kin: dict[str, set[str]]) -> str | None:
    """The bearer ``span`` is when it owns a kin noun: "Obi's daughter" is not the Obi introduced as a daughter."""
    doc = d.doc
    i = span.end
    if i < len(doc) and doc[i].text in {"'s", "’s", "'", "’"}:
        i += 1
    elif span.id_ != "possessive":
        return None
    nouns = kin_nouns()
    inverse = {line.split()[0] for line in lexicons.lines("coref/kin_inverse")}
    for tok in doc[i : min(len(doc), i + 2)]:
        if tok.lower_ in nouns and tok.lower_ in inverse:
            return _other_side(keys, kin, {tok.lower_})
        if tok.pos_ != "ADJ":
            break
    return None


YOUNGER = frozenset({"son", "daughter", "grandson", "granddaughter"})
ELDER = frozenset({"father", "dad", "mother", "mom", "grandfather", "grandmother"})


def kin_by_age(d: Discourse, span: Span, keys: list[str], kin: dict[str, set[str]]) -> str | None:
    """"the younger Obi" is the one introduced as the son or daughter; "the elder Obi" the parent."""
    word = age_word(d, span)
    if word is None:
        return None
    side, other = (YOUNGER, ELDER) if word.startswith("young") else (ELDER, YOUNGER)
    fits = [k for k in keys if kin.get(k, set()) & side]
    if not fits:
        fits = [k for k in keys if not kin.get(k, set()) & other]  # "the elder Obi": not the one called a son
        if len(fits) == len(keys):
            return None
    return fits[0] if len(fits) == 1 else None


def age_word(d: Discourse, span: Span) -> str | None:
    """"younger" of "the younger Obi" (also "elder", "older", "youngest", "eldest"), else None."""
    if span.start < 2 or d.doc[span.start - 2].lower_ != "the":
        return None
    word = d.doc[span.start - 1].lower_
    return word if word in {"younger", "youngest", "elder", "older", "eldest"} else None


def _other_side(keys: list[str], kin: dict[str, set[str]], said: set[str]) -> str | None:
    """The one of ``keys`` on the other side of the kin nouns ``said`` (see :func:`kin_speaker`)."""
    if not said:
        return None
    inverse = {line.split()[0]: set(line.split()[1:]) for line in lexicons.lines("coref/kin_inverse")}
    left = [k for k in keys if not kin.get(k, set()) & said]
    other_side = set().union(*(inverse.get(n, set()) for n in said))
    preferred = [k for k in left if kin.get(k, set()) & other_side]
    if len(preferred) == 1:
        return preferred[0]
    if len(left) == 1 and len(left) < len(keys):
        return left[0]
    return None


def _kin_said(d: Discourse, span: Span) -> set[str]:
    """Kin nouns after "my" ("my late father") in the quotations ``span`` is the speaker of."""
    doc = d.doc
    kin = kin_nouns()
    inverse = {line.split()[0] for line in lexicons.lines("coref/kin_inverse")}
    out: set[str] = set()
    for qi, (start, end) in enumerate(d.quotes):
        tok = d.speaker_tok.get(qi)
        if tok is None or not span.start <= tok < span.end:
            continue
        for t in doc[start:end]:
            if t.lower_ != "my":
                continue
            for nxt in doc[t.i + 1 : min(end, t.i + 3)]:
                if nxt.lower_ in kin and nxt.lower_ in inverse:
                    out.add(nxt.lower_)
                    break
                if nxt.pos_ != "ADJ":
                    break
    return out


def presidency(d: Discourse, span: Span, keys: list[str], ties: dict[str, dict[str, int]]) -> str | bool | None:
    """"the Obi administration", "the Obi White House": the bearer tied to "president".

    False when ``span`` names no term served ("a future Obi administration" is a candidate's); None
    when it does but no one bearer is tied to the title (a president the article never calls so).
    """
    doc = d.doc
    words = lexicons.load("coref/presidency_nouns")
    after = [t.lower_ for t in doc[span.end : min(len(doc), span.end + 2)]]
    if not after or not (after[0] in words or " ".join(after) in words):
        return False
    if span.start == 0 or doc[span.start - 1].lower_ not in {"the", "former"}:
        return False  # "a potential Obi presidency", "an Obi administration": a term not yet served
    # "would be president" ties an unreal title, no term served; "vice president" is another office
    tied = [k for k in keys if any(k in who for t, who in ties.items()
                                   if not t.startswith(UNREAL) and title_matches("president", t))]
    return tied[0] if len(tied) == 1 else None
