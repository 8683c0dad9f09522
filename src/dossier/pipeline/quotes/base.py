"""What the quote passes share: the document's marked passages, token lookups and the
speaker, status, addressee and time of a found quote (:class:`FinderBase`)."""

from __future__ import annotations

from bisect import bisect_right
from dataclasses import dataclass

from spacy.tokens import Doc, Token

from ...graph import QuoteKind, Status
from .. import lexicons
from ..syntax import SUBJECTS
from ..text import Marked, ParagraphIndex, find_marked, paragraphs
from . import attribution as attr

SIGNATURE_WORDS = 6  # most tokens of a dash and the name signing a quote on its line
TRANSCRIPT_LABEL_WORDS = 3  # most words of a transcript label ("SEN. HOLT:" is two)
TRANSCRIPT_OPENERS = "\"“'‘"  # marks that open a transcript paragraph inside a passage


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
    doubtful: bool = False  # the span builder knows the words are not the whole statement (half a clause)


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

    def _transcript_turns(self, m: Marked) -> list[Found]:
        """Quoted transcript turns (``"HOLT: We will win."``): a passage opening with a capitalised
        label and a colon is the labelled person's, not that of a cue outside the marks ("A partial
        transcript follows:"); a passage running over several paragraphs gives one turn for each
        paragraph that opens with a label of its own. Empty when the passage has no label."""
        out: list[Found] = []
        for start, end in paragraphs(self.text):
            lo, hi = max(start, m.start), min(end, m.end)
            if hi <= lo:
                continue
            while lo < hi and self.text[lo] in TRANSCRIPT_OPENERS:
                lo += 1
            turn = self._turn(lo, hi)
            if turn is None and not out:
                return []  # the passage does not open with a label: an ordinary quote
            if turn is not None:
                out.append(turn)
        return out

    def _turn(self, lo: int, hi: int) -> Found | None:
        """The turn of characters ``lo:hi`` when they open with a transcript label."""
        first = self._tok(lo)
        if self.doc[first].idx != lo:
            return None
        label: list[Token] = []
        for tok in self.doc[first : first + TRANSCRIPT_LABEL_WORDS + 1]:
            if tok.text == ":" and label:
                break
            if not (tok.is_alpha and tok.is_upper and len(tok.text) > 1):
                return None
            label.append(tok)
        else:
            return None
        colon = label[-1].nbor(1)
        begin = colon.idx + 1
        while begin < hi and self.text[begin].isspace():
            begin += 1
        end = hi
        while end > begin and (self.text[end - 1].isspace() or self.text[end - 1] in TRANSCRIPT_OPENERS):
            end -= 1
        if end - begin < 2:
            return None
        key = attr.label_key(label[-1], self.mentions)
        speaker = attr.Speaker(key, self.doc[label[0].i : label[-1].i + 1])
        return Found("direct", begin, end, colon, speaker, status=self._status(None, speaker))

    def _signature(self, close_tok: int) -> tuple[Token, Token] | None:
        """A quote signed on its own line (``"We will win." ― Dana Holt``): the dash and the name
        after the closing mark, with nothing else before the paragraph ends; else ``None``."""
        doc = self.doc
        words: list[Token] = []
        for tok in doc[close_tok + 1 : close_tok + 2 + SIGNATURE_WORDS]:
            if tok.i in self.quoted or "\n" in tok.text:
                break
            if not tok.is_space:
                words.append(tok)
            if "\n" in tok.whitespace_:
                break
        else:
            if close_tok + 2 + SIGNATURE_WORDS <= len(doc):
                return None  # the line goes on: the dash opens an aside, not a signature
        if len(words) < 2 or words[0].text not in attr.DASHES:
            return None
        name = words[1:]
        while len(name) > 1 and name[-1].is_punct:
            name = name[:-1]  # '"..." ― Ada Hill.': the full stop closes the line, not the name
        mention = self.mentions.at(name[0].i)
        if mention is None or mention.end < name[-1].i + 1 or mention.start < words[0].i:
            return None  # "― and then he left": only a name, whole, signs a quote
        kind = self.mentions.info(mention.kb_id_).get("type", "PERSON")
        return (words[0], mention.root) if kind in attr.LEAD_TYPES else None

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
        # The name is all that comes before the colon in its sentence ("Pollster Ada Hill:"); one that
        # ends a clause ("had harsh words for Tom Baird:", "turned to her rival, Tom Baird:") is
        # spoken to or about, not speaking.
        subtree = {t.i for t in name.subtree}
        if any(not (t.is_punct or t.is_space) and t.i not in subtree for t in self.doc[colon.sent.start : colon.i]):
            return None
        if self._other_person_before(name, colon):
            return None
        return name

    def _other_person_before(self, name: Token, colon: Token) -> bool:
        """Whether a headline names another person before the one at its colon ("Ada Obi Praises Aide
        Bo Lane: ..."): a title-case clause whose verb the parser took for a name, the colon's words
        most often the first person's; a possessive ("Obi's aide Bo Lane:") is part of the label."""
        own = self.mentions.at(name.i)
        for tok in self.doc[colon.sent.start : colon.i]:
            other = self.mentions.at(tok.i)
            if other is None or other is own or (own is not None and other.kb_id_ == own.kb_id_):
                continue
            if self.mentions.info(other.kb_id_).get("type", "PERSON") != "PERSON" or other.end > name.i:
                continue
            if not any(t.tag_ == "POS" or t.dep_ == "poss" for t in (self.doc[other.end - 1], self.doc[other.end])):
                return True
        return False
