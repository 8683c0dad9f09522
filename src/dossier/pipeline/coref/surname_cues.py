"""Cues for a bare surname that two people of the article share ("Clinton" for Bill or Hillary).

The shared-surname pass of :mod:`.resolver` asks these in order, after an honorific or a
title before the name: the gender of the pronoun that continues the name in its sentence
("Clinton said her plan ..."), then who of them the paragraph has named so far. When both
were named in the paragraph and nothing else decides, :func:`paragraph_bearers` says so and
the surname goes to no one rather than to a guess.
"""

from __future__ import annotations

from spacy.tokens import Span

from .. import lexicons
from .discourse import Discourse


def pronoun_gender(d: Discourse, span: Span) -> str | None:
    """The gender of the first he/she-type pronoun after ``span`` in its sentence, when no one else is named there.

    "Sanders's victory, which Clinton conceded, confirmed his appeal": "his" may be anyone's
    the sentence names, so only a sentence naming no other person gives the cue.
    """
    doc = d.doc
    female, male = lexicons.load("coref/pronouns_female"), lexicons.load("coref/pronouns_male")
    sent = span.sent
    for i in range(sent.start, sent.end):
        other = d.mention_at.get(i)
        if other is not None and other.label_ == "PERSON" and not (span.start <= i < span.end) and (
                len(other) > 1 or other.text.lower() != span.text.lower()):
            return None
    for tok in doc[span.end : sent.end]:
        if tok.lower_ in female:
            return "female"
        if tok.lower_ in male:
            return "male"
    return None


def paragraph_bearers(d: Discourse, keys: list[str], full: dict[str, list[Span]], span: Span) -> list[str]:
    """Which of ``keys`` the paragraph of ``span`` has named in full before it."""
    para = d.para_of[span.start]
    return [k for k in keys if any(d.para_of[s.start] == para and s.start < span.start for s in full.get(k, []))]
