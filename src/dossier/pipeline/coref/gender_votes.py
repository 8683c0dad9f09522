"""The article's own pronouns as gender evidence, counted before any pronoun is resolved.

"Tam Okafor said he ...": a he/she pronoun that follows a person's name in its
sentence, outside quotations, with no other person named or meant (a pronoun) earlier
in the sentence or between them, and not barred by syntax
(``Okafor praised her`` is not Okafor), is one vote for that person's gender.
The votes join the name's evidence (:mod:`..entities.gender`), so a list that
leans the wrong way on a first name gives in to the article, while one stray
pronoun does not flip a gender the honorifics and the first name attest.
"""

from __future__ import annotations

from spacy.tokens import Span

from ..entities import gender as gender_mod
from .discourse import Discourse
from .pronouns import features


def count(d: Discourse) -> None:
    """Add pronoun votes to each person's gender evidence and decide their genders again."""
    shared = _shared_words(d)
    for span in d.spans:
        if span.label_ != "PERSON" or not span.kb_id_ or span.id_ in {"pronoun", "descriptor"}:
            continue
        if len(span) == 1 and span.text.lower() in shared:
            continue  # "Obi" for one of two Obis: whose vote it is is not known yet
        vote = _vote(d, span)
        if vote is not None:
            gender_mod.add(d.gender_evidence.setdefault(span.kb_id_, {}), vote, gender_mod.PRONOUN)
    for key, evidence in d.gender_evidence.items():
        if evidence and d.records.get(key, {}).get("type") == "PERSON":
            d.genders[key] = gender_mod.decide(evidence)


def _shared_words(d: Discourse) -> set[str]:
    """One-word names that fit two people of the article (a shared surname or first name)."""
    seen: dict[str, set[str]] = {}
    for key, rec in d.records.items():
        words = str(rec.get("name", "")).lower().split()
        if rec.get("type") == "PERSON" and len(words) >= 2:
            for w in (words[0], words[-1]):
                seen.setdefault(w, set()).add(key)
    return {w for w, keys in seen.items() if len(keys) > 1}


def _vote(d: Discourse, span: Span) -> str | None:
    doc = d.doc
    if d.quote_of[span.start] is not None or span.id_ == "possessive":
        return None  # "Obi's aide said he ...": the pronoun may be the aide's
    sent = span.sent
    for tok in doc[sent.start : span.start]:
        other = d.mention_at.get(tok.i)
        if (other is not None and other.label_ == "PERSON" and other.kb_id_ != span.kb_id_) or (
            other is None and (f := features(tok)) is not None and not f.plural
        ):
            return None  # someone named or meant earlier in the sentence may be whom the pronoun means
    for tok in doc[span.end : sent.end]:
        other = d.mention_at.get(tok.i)
        if other is not None:
            if other.label_ == "PERSON" and other.kb_id_ != span.kb_id_:
                return None  # someone else named in between
            continue
        if d.quote_of[tok.i] is not None:
            continue
        f = features(tok)
        if f is None or f.plural:
            continue
        if span.kb_id_ in d.excluded_by_syntax(tok, f.possessive):
            return None
        return f.gender
    return None
