"""What the quote passes share: the document's marked passages, token lookups and the
speaker, status, addressee and time of a found quote (:class:`FinderBase`)."""

from __future__ import annotations

from bisect import bisect_right
from dataclasses import dataclass

from spacy.tokens import Doc, Token

from ...graph import QuoteKind, Status
from .. import lexicons
from ..syntax import SUBJECTS
from ..text import ParagraphIndex, find_marked
from . import attribution as attr


@dataclass
class Found:
    """A quote before it becomes a :class:`Quote`: token-level attribution kept alongside."""

    kind: QuoteKind
    start: int
    end: int
    cue: Token | None
    speaker: attr.Speaker
    passage: int | None = None  # index into the doc's marked passages (direct quotes)
    addressee: str | None = None
    addressee_backref: bool = False
    when: str | None = None
    status: Status = "attributed"
    cue_end: int | None = None  # token end of the cue when it runs past the verb ("called for")
    # Character spans of the words said when not the whole span: the parts of a quote split by its
    # attribution, or a reported clause without its complementiser ("that"); they make the quote's text.
    pieces: list[tuple[int, int]] | None = None


class FinderBase:
    """State of one document's quote search; :mod:`.clauses` and :mod:`.direct` add the passes."""

    def __init__(self, doc: Doc) -> None:
        self.doc = doc
        self.text = doc.text  # spaCy rebuilds Doc.text on every access: read it once
        self.marked = find_marked(self.text)
        self.mentions = attr.MentionIndex(doc)
        self.starts = [t.idx for t in doc]
        self.paras = ParagraphIndex(self.text)
        self.quoted: set[int] = set()  # tokens inside a passage, marks included
        self.passage_of: dict[int, int] = {}
        for k, m in enumerate(self.marked):
            if m.single:
                continue
            for i in range(self._tok(m.open_mark), self._tok(m.outer_end - 1) + 1):
                self.quoted.add(i)
                self.passage_of[i] = k
        self.consumed: set[int] = set()

    def _tok(self, char: int) -> int:
        return max(0, bisect_right(self.starts, char) - 1)

    def _para(self, char: int) -> int:
        return self.paras.of(char)

    def _speaker(self, cue: Token) -> attr.Speaker:
        name = self._colon_name(cue)
        if name is not None:
            speaker = attr.resolve_speaker(name, self.mentions, self.quoted)
            if speaker.span is not None:  # a quote in single marks is not cut by source_phrase
                speaker.span = self.doc[speaker.span.start : min(speaker.span.end, cue.i)]
            return speaker
        subj = attr.cue_subject(cue)
        if subj is None or self._passive(cue):
            return attr.Speaker(None, None)
        return attr.resolve_speaker(self._unquoted_subject(subj), self.mentions, self.quoted, cue)

    def _unquoted_subject(self, subj: Token) -> Token:
        """The parser may take the quote's own subject for the cue's (``"Business is bad," Hill said``):
        a second subject of the same verb outside the quote is the speaker."""
        if subj.i not in self.quoted:
            return subj
        others = [c for c in subj.head.children if c.dep_ in SUBJECTS and c.i not in self.quoted]
        return others[0] if others else subj

    def _status(self, cue: Token | None, speaker: attr.Speaker) -> Status:
        if cue is not None and cue.lower_ in lexicons.load("quotes/hedge_cues"):
            return "hedged"
        if speaker.unnamed or (cue is not None and self._second_hand(cue)):
            return "reported"
        return "attributed"

    def _second_hand(self, cue: Token) -> bool:
        adverbs = lexicons.load("quotes/unnamed_adverbs")
        scope = [cue, cue.head] if cue.dep_ in attr.BORROWS_SUBJECT else [cue]
        return any(c.lower_ in adverbs for v in scope for c in v.children)

    def _found(self, kind: QuoteKind, start: int, end: int, cue: Token | None, passage: int | None = None,
               speaker: attr.Speaker | None = None) -> Found:
        if speaker is None:
            speaker = self._speaker(cue) if cue is not None else attr.Speaker(None, None)
        found = Found(kind, start, end, cue, speaker, passage, status=self._status(cue, speaker))
        if cue is not None:
            found.addressee, found.addressee_backref = attr.addressee_of(cue, self.mentions)
            found.when = attr.time_of(cue, (start, end), self.mentions)
        return found

    @staticmethod
    def _passive(verb: Token) -> bool:
        """A passive cue with no ``by`` agent (``when asked if ...``, ``she is expected to argue``):
        its subject, or the subject it borrows, is the one spoken to or of, not the speaker."""
        deps = {c.dep_ for c in verb.children}
        if "agent" in deps:
            return False
        return bool(deps & {"auxpass", "nsubjpass"}) or (
            verb.tag_ == "VBN" and verb.dep_ in ("advcl", "acl") and not deps & set(SUBJECTS))

    def _only_punct(self, a: int, b: int) -> bool:
        return all(not c.isalnum() for c in self.text[a:b])

    def _end(self, hi: int) -> int:
        last = self.doc[hi - 1]
        return last.idx + len(last.text)

    def _trim(self, lo: int, hi: int) -> tuple[int, int]:
        """Drop a leading complementiser (``that``) and punctuation or spaces at both edges."""
        doc = self.doc
        def complementiser(tok: Token) -> bool:
            return tok.dep_ == "mark" and tok.lower_ == "that"

        while lo < hi and (doc[lo].is_punct or doc[lo].is_space or complementiser(doc[lo])):
            if doc[lo].is_quote and lo in self.quoted:
                break
            lo += 1
        while hi > lo and (doc[hi - 1].is_space or (doc[hi - 1].is_punct and not doc[hi - 1].is_quote)):
            hi -= 1
        return lo, hi

    def _colon_name(self, colon: Token) -> Token | None:
        """The name right before a colon that opens a quote (``Pollster Ada Hill: "..."``): the speaker."""
        if colon.text != ":" or colon.i == 0:
            return None
        last = self.doc[colon.i - 1]
        while last.dep_ in ("compound", "flat") and last.head.i > last.i:
            last = last.head
        if last.i in self.quoted or last.i != colon.i - 1 or last.pos_ != "PROPN":
            return None
        if last.ent_type_ in ("GPE", "LOC", "FAC") or (
                self.mentions.at(last.i) is None and last.ent_type_ not in attr.SPEAKER_TYPES):
            return None  # "In San Bernardino: ..." introduces a place
        name = last
        while name.dep_ == "conj" and name.head.i < name.i:  # "Ada Hill and Bo Lund:"
            name = name.head
        return name
