"""A definite description of an organisation the article has named, as a quote's speaker.

News names an organisation once and then speaks of it by its kind: "the Kelby Nurses Union ...
the union said", "The Wall Street Journal ... the newspaper wrote". Such a speaker is the
organisation, not an unnamed source. The description is linked only when one organisation
named before it fits: its name holds the description's head noun ("the union" -> "... Nurses
Union"), or, for an outlet noun ("the paper", "the newspaper"), it is the only outlet named so far.
Otherwise the speaker stays unlinked (and :mod:`.statement` keeps the quote from the default view).
"""

from __future__ import annotations

from spacy.tokens import Span

from .. import lexicons
from . import attribution as attr

ORGANISATIONS = frozenset({"ORG", "OUTLET"})
DEFINITE = frozenset({"the", "this", "that"})


def named_organisation(span: Span | None, mentions: attr.MentionIndex) -> str | None:
    """The key of the one organisation named before ``span`` that the description ``span`` stands for."""
    if span is None or not len(span):
        return None
    head = attr.antecedent(span.root)
    if head.pos_ != "NOUN" or head.tag_ in {"NNS", "NNPS"} or not any(
            c.dep_ == "det" and c.lower_ in DEFINITE for c in head.children):
        return None
    noun = head.lemma_.lower()
    outlet_noun = noun in lexicons.load("outlet_nouns")
    fits: set[str] = set()
    outlets: set[str] = set()
    for m in mentions.before(span.start):
        key = m.kb_id_
        kind = mentions.info(key).get("type")
        if not key or kind not in ORGANISATIONS:
            continue
        if kind == "OUTLET":
            outlets.add(key)
        if noun in {w.lower_ for w in m} or noun in str(mentions.info(key).get("name", "")).lower().split():
            fits.add(key)
    if len(fits) == 1:
        return next(iter(fits))
    if not fits and outlet_noun and len(outlets) == 1:
        return next(iter(outlets))
    return None
