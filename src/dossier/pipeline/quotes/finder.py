"""The ``dossier_quotes`` component: direct, mixed, indirect and according-to quotes.

Choices (see also :mod:`..text` and :mod:`.attribution`):

* A direct quote split by its attribution (``"A," she said, "B."``) gives two
  quotes with the same cue and speaker; a quote running across paragraphs gives
  one quote whose span runs from the first opening to the last closing mark.
* A quoted fragment inside a reported clause (``said the plan was "a mess"``)
  makes the clause one ``mixed`` quote; a fragment with no cue is a scare quote
  and no quote at all.
* A quote with no cue of its own right after another quote (same or next
  paragraph) continues it: speaker, addressee and time are carried over.
* A quote whose addressee is a back-reference (``telling the outlet``) and that
  has no time of its own takes the time of the last quote told to that addressee.
  No other quote inherits anything.
"""

from __future__ import annotations

from spacy.tokens import Doc

from ...graph import Quote, Span
from .. import doc_state
from ..component import DossierComponent
from . import attribution as attr
from .base import Found
from .clauses import ClausePasses
from .direct import DirectPasses


class QuoteFinder(DossierComponent[list[Quote]]):
    """``dossier_quotes``: finds quotes and attributes them; appends them to ``doc_state.QUOTES``."""

    reads = ("dossier_entities", "dossier_coref", "dossier_times")

    def match(self, doc: Doc) -> list[Quote]:
        return find_quotes(doc)

    def set_annotations(self, doc: Doc, found: list[Quote]) -> None:
        doc_state.section(doc, doc_state.QUOTES).extend(found)


def find_quotes(doc: Doc) -> list[Quote]:
    """Every quote of ``doc``, attributed, in document order."""
    return _Finder(doc).run()


class _Finder(ClausePasses, DirectPasses):
    """All passes over one document, merged into quotes in document order."""

    def run(self) -> list[Quote]:
        found = self._unnested(self._reported_clauses()) + self._according_to() + self._colon_leads() + self._nominal()
        found += self._direct(found)
        found.sort(key=lambda f: (f.start, f.end))
        self._inherit(found)
        return [self._quote(n, f) for n, f in enumerate(found, 1)]

    def _inherit(self, found: list[Found]) -> None:
        """A back-referred addressee (``telling the outlet``) takes the time of that addressee's last quote."""
        for n, f in enumerate(found):
            if f.addressee_backref and f.addressee and f.when is None:
                f.when = next((p.when for p in reversed(found[:n]) if p.addressee == f.addressee and p.when), None)

    def _quote(self, n: int, f: Found) -> Quote:
        doc = self.doc
        cue = attr.cue_span(f.cue) if f.cue is not None else None
        if cue is not None and f.cue_end is not None:
            cue = doc[cue.start : max(cue.end, f.cue_end)]
        sp = f.speaker.span
        return Quote(
            id=f"q{n}",
            kind=f.kind,
            span=Span(f.start, f.end, doc.text[f.start : f.end]),
            speaker=f.speaker.key,
            status=f.status,
            speaker_span=Span(sp.start_char, sp.end_char, sp.text) if sp is not None else None,
            cue=Span(cue.start_char, cue.end_char, cue.text) if cue is not None else None,
            addressee=f.addressee,
            when=f.when,
            source=f.speaker.key,
            text=doc.text[f.start : f.end],
        )
