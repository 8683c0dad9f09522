"""The ``dossier_quotes`` component: direct, mixed, indirect and according-to quotes.

Choices (see also :mod:`.quote_marks` and :mod:`.attribution`):

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

from bisect import bisect_right
from dataclasses import dataclass

from spacy.language import Language
from spacy.pipeline import Pipe
from spacy.tokens import Doc, Token
from spacy.tokens import Span as Words

from ..graph import Quote, QuoteKind, Span, Status
from . import attribution as attr
from . import lexicons, state
from .quote_marks import Marked, find_marked, paragraphs

FRAME_AFTER = 15  # tokens searched for a cue after a closing mark
FRAME_BEFORE = 30  # ... and before an opening mark
SENTENCE_END = (".", "?", "!")
LEAD_IN = (",", ":", "—", "–", "-", ";")
MIN_UNCUED_TOKENS = 5  # a cue-less quote shorter than this is a scare quote
TAIL_DEPS = ("prep",)
NOMINAL_SKIP = ("dobj",)  # statement nouns in these roles are left to their verb
COLON_LEAD_CHARS = 60  # a headline colon comes within this many characters of the paragraph start
COLON_LEAD_TOKENS = 8  # ... after at most this many tokens
MIN_LEAD_WORDS = 3  # ... and is followed by at least this many words
SLOT_SUBJECT = 12  # most words of a speaker phrase between a quote and its verb ('"...," Jim Hill, 57, told')
SLOT_APPOSITIVE = 24  # ... and of a name with its appositive ('"...," Ada Hill, a former director of ..., wrote')
SLOT_LIGHT_VERBS = frozenset({"be", "have", "do"})  # never a cue by position alone


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


class QuoteFinder(Pipe):
    """Finds quotes and attributes them; appends :class:`Quote` objects to ``state.QUOTES``."""

    def __init__(self, nlp: Language, name: str = "dossier_quotes") -> None:
        self.name = name

    def __call__(self, doc: Doc) -> Doc:
        error_handler = self.get_error_handler()
        try:
            state.section(doc, state.QUOTES).extend(find_quotes(doc))
        except Exception as err:  # one bad document must not stop a batch
            error_handler(self.name, self, [doc], err)
        return doc


def find_quotes(doc: Doc) -> list[Quote]:
    """Every quote of ``doc``, attributed, in document order."""
    return _Finder(doc).run()


class _Finder:
    def __init__(self, doc: Doc) -> None:
        self.doc = doc
        self.text = doc.text
        self.marked = find_marked(doc.text)
        self.mentions = attr.MentionIndex(doc)
        self.starts = [t.idx for t in doc]
        self.para_starts = [s for s, _ in paragraphs(doc.text)]
        self.quoted: set[int] = set()  # tokens inside a passage, marks included
        self.passage_of: dict[int, int] = {}
        for k, m in enumerate(self.marked):
            if m.single:
                continue
            for i in range(self._tok(m.open_mark), self._tok(m.outer_end - 1) + 1):
                self.quoted.add(i)
                self.passage_of[i] = k
        self.consumed: set[int] = set()

    # -------------------------------------------------------------- helpers

    def _tok(self, char: int) -> int:
        return max(0, bisect_right(self.starts, char) - 1)

    def _para(self, char: int) -> int:
        return bisect_right(self.para_starts, char) - 1

    def _speaker(self, cue: Token) -> attr.Speaker:
        name = self._colon_name(cue)
        if name is not None:
            speaker = attr.resolve_speaker(name, self.mentions, self.quoted)
            if speaker.span is not None:  # a quote in single marks is not cut by source_phrase
                speaker.span = self.doc[speaker.span.start : min(speaker.span.end, cue.i)]
            return speaker
        subj = attr.subject_of(cue)
        if subj is None or self._passive(cue):
            return attr.Speaker(None, None)
        return attr.resolve_speaker(self._unquoted_subject(subj), self.mentions, self.quoted, cue)

    def _unquoted_subject(self, subj: Token) -> Token:
        """The parser may take the quote's own subject for the cue's (``"Business is bad," Hill said``):
        a second subject of the same verb outside the quote is the speaker."""
        if subj.i not in self.quoted:
            return subj
        others = [c for c in subj.head.children if c.dep_ in attr.SUBJECTS and c.i not in self.quoted]
        return others[0] if others else subj

    def _status(self, cue: Token | None, speaker: attr.Speaker) -> Status:
        if cue is not None and cue.lower_ in lexicons.load("hedge_cues"):
            return "hedged"
        if speaker.unnamed or (cue is not None and self._second_hand(cue)):
            return "reported"
        return "attributed"

    def _second_hand(self, cue: Token) -> bool:
        adverbs = lexicons.load("unnamed_adverbs")
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

    # -------------------------------------------------------------- passes

    def run(self) -> list[Quote]:
        found = self._unnested(self._reported_clauses()) + self._according_to() + self._colon_leads() + self._nominal()
        found += self._direct(found)
        found.sort(key=lambda f: (f.start, f.end))
        self._inherit(found)
        return [self._quote(n, f) for n, f in enumerate(found, 1)]

    def _reported_clauses(self) -> list[Found]:
        """Indirect quotes (``X said that ...``, ``X vowed to ...``, ``X called the plan a mess``,
        ``X called for ...``) and mixed ones (a reported clause holding a quoted fragment)."""
        out = []
        for tok in self.doc:
            if tok.i in self.quoted:
                continue
            frames = attr.frames_of(tok)
            if not frames or self._not_a_statement(tok):
                continue
            subj = attr.subject_of(tok)
            if subj is None and not attr.unnamed_speaker(tok):
                continue
            if subj is not None and not attr.can_speak(subj, self.mentions):
                continue  # "the behaviour signaled that ...": no one speaks
            if subj is not None:
                frames |= attr.document_frames(tok, subj)
            contents = self._contents(tok, frames)
            quote_before = any(hi <= tok.i and lo in self.quoted and hi - 1 in self.quoted for lo, hi, _ in contents)
            for lo, hi, cue_end in contents:
                if quote_before and lo > tok.i:
                    continue  # '"...," said Hill, after hearing Ames speak': the quote is what was said
                if lo <= tok.i < hi:
                    lo = tok.i + 1  # "the plan, which he said would fail": the relative pronoun stays out
                lo, hi = self._trim(lo, hi)
                if hi <= lo:
                    continue
                words = [i for i in range(lo, hi) if not self.doc[i].is_punct]
                inside = {self.passage_of[i] for i in words if i in self.quoted}
                outside = [i for i in words if i not in self.quoted]
                if not outside:
                    continue  # the clause is the direct quote itself
                kind: QuoteKind = "indirect"
                start, end = self.doc[lo].idx, self._end(hi)
                if inside:
                    # A closing mark after the clause's last word ('is "unfit."') still belongs to it.
                    end = max([end] + [self.marked[k].end for k in inside if self._only_punct(end, self.marked[k].end)])
                    if any(self.marked[k].start < start for k in inside):
                        continue  # the clause only touches a quote opened before it
                    # 'said he would act on the "threats ... to them."': the quote the clause opens
                    # runs on past the parse's clause and is part of what was said
                    end = max([end] + [self.marked[k].end for k in inside])
                    kind = "mixed"
                    self.consumed |= inside
                found = self._found(kind, start, end, tok, max(inside, default=None))
                found.cue_end = cue_end
                out.append(found)
        return out

    @staticmethod
    def _unnested(found: list[Found]) -> list[Found]:
        """Drop a thought or intent reported inside another statement (``X said she hopes ...``,
        ``X told reporters he plans to ...``): it is part of that statement, not one of its own."""
        def nested(f: Found) -> bool:
            return f.cue is not None and not attr.is_cue_verb(f.cue) and any(
                g is not f and g.start <= f.cue.idx < g.end for g in found)
        return [f for f in found if not nested(f)]

    def _not_a_statement(self, verb: Token) -> bool:
        """A negated cue (``did not say whether``) or one inside another cue's infinitive
        (``declined to comment on``, ``refused to say``) reports nothing said."""
        if any(c.dep_ == "neg" for c in verb.children):
            return True
        if verb.dep_ != "xcomp" or verb.head.i == verb.i:
            return False
        return bool(attr.frames_of(verb.head)) or verb.head.lemma_.lower() in lexicons.load("refusal_verbs")

    @staticmethod
    def _passive(verb: Token) -> bool:
        """A passive cue with no ``by`` agent (``when asked if ...``, ``she is expected to argue``):
        its subject, or the subject it borrows, is the one spoken to or of, not the speaker."""
        deps = {c.dep_ for c in verb.children}
        if "agent" in deps:
            return False
        return bool(deps & {"auxpass", "nsubjpass"}) or (
            verb.tag_ == "VBN" and verb.dep_ in ("advcl", "acl") and not deps & set(attr.SUBJECTS))

    def _bare_entity(self, lo: int, hi: int) -> bool:
        """Whether tokens ``lo:hi`` are only a name, a pronoun or a date (``endorsed him``, ``on Monday``)."""
        toks = [t for t in self.doc[lo:hi] if not t.is_punct]
        if all(t.pos_ == "PRON" for t in toks):
            return True
        if all(t.ent_type_ in ("DATE", "TIME") for t in toks):
            return True
        mention = self.mentions.at(toks[0].i) if toks else None
        return mention is not None and mention.start <= lo and mention.end >= hi

    def _one_passage(self, lo: int, hi: int) -> bool:
        return self.passage_of.get(lo) == self.passage_of.get(hi - 1)

    def _contents(self, verb: Token, frames: frozenset[str]) -> list[tuple[int, int, int | None]]:
        """Token ranges ``(lo, hi, cue_end)`` of what ``verb`` attributes, by the frames it takes.

        A clause is the content on its own (either side of the verb: ``..., she said``); else the
        object with its predicate or infinitive (``the plan a mess``, ``Congress to act``,
        ``Y of lying``); else a preposition's object, the preposition joining the cue.
        """
        comps = [(c, attr.frame_of(c)) for c in verb.children]
        adj = attr.joined_word(verb)
        if adj is not None:  # "is confident that ...", "made the case for": the content hangs off either word
            comps = [(c, f) for c, f in comps + [(c, self._word_frame(c)) for c in adj.children] if c.i > adj.i]
        clauses = [c for c, f in comps if f in ("that", "if") and f in frames]
        if clauses:
            cue_end = adj.i + 1 if adj is not None else None
            return [(c.left_edge.i, self._clause_end(c, verb), cue_end) for c in clauses]
        after = [(c, f) for c, f in comps if c.i > verb.i and f is not None and self._fills(f, frames)]
        core = [c for c, f in after if f in ("np", "np2", "to")]
        if core:
            if any(attr.frame_of(c) in ("np", "np2") for c in core):
                core += [c for c in verb.children if c.i > verb.i and (
                    c.dep_ in ("oprd", "xcomp") or (c.dep_ == "prep" and c.lower_ in ("of", "for", "as")))]
            lo, hi = min(c.left_edge.i for c in core), max(c.right_edge.i for c in core) + 1
            cue_end = adj.i + 1 if adj is not None and adj.i < lo else None
            return [] if self._bare_entity(lo, hi) else [(lo, self._verb_tail(verb, hi), cue_end)]
        for prep, _ in after:
            mark = attr.for_mark(prep)
            if mark is not None:
                return [(mark.i + 1, prep.right_edge.i + 1, mark.i + 1)]
            objs = [c for c in prep.children if c.dep_ in ("pobj", "pcomp")]
            if objs:
                lo, hi = objs[0].left_edge.i, max(o.right_edge.i for o in objs) + 1
                return [] if self._bare_entity(lo, hi) else [(lo, hi, prep.i + 1)]
        gap = self._relative_object(verb, frames)
        if gap:
            return gap
        return self._around(verb) if "that" in frames else []

    @staticmethod
    def _word_frame(comp: Token) -> str | None:
        """The frame a dependent of a cue's joined word fills: a noun's complement (``the case
        that ...``) or a clause, also one opened by ``that`` that the parser hung as an adverbial
        (``made it clear that ...``)."""
        if comp.head.pos_ == "NOUN":
            return attr.noun_frame_of(comp)
        if comp.dep_ == "advcl" and any(c.dep_ == "mark" and c.lower_ == "that" for c in comp.children):
            return "that"
        return attr.frame_of(comp)

    def _relative_object(self, verb: Token, frames: frozenset[str]) -> list[tuple[int, int, int | None]]:
        """``the things Tull has said about farmers``: a relative clause whose missing object is the
        noun it describes; the noun phrase, and the ``about`` object, are what was said."""
        head = verb.head
        if verb.dep_ != "relcl" or head.pos_ != "NOUN" or "np" not in frames or not attr.is_cue_verb(verb):
            return []
        if any(c.dep_ in ("dobj", "ccomp", "xcomp", "nsubjpass") or c.tag_ in ("WP", "WDT") for c in verb.children):
            return []
        parts = [(head.left_edge.i, head.i + 1)]
        for prep in verb.children:
            objs = [c for c in prep.children if c.dep_ == "pobj"]
            if prep.dep_ == "prep" and prep.lower_ in ("about", "of") and objs:
                parts.append((objs[0].left_edge.i, objs[0].right_edge.i + 1))
        return [(lo, hi, None) for lo, hi in parts]

    def _around(self, verb: Token) -> list[tuple[int, int, int | None]]:
        """A cue set inside the clause it reports (``The plan, she said, will fail.``, ``As the
        Gazette reported, costs rose``): the clause on either side of the cue, as two parts."""
        def own_content(c: Token) -> bool:  # the object of "told reporters" is whom it was said to
            if c.dep_ == "dobj" and verb.lemma_ in lexicons.load("tell_verbs"):
                return not attr.can_speak(c, self.mentions)
            return c.dep_ in ("ccomp", "xcomp", "dobj", "attr")

        if any(own_content(c) for c in verb.children):
            return []
        head = verb.head
        if head.i == verb.i or head.i in self.quoted or attr.passive_participle(verb):
            return []  # a direct quote around the cue is the direct pass's; "as mentioned above" is the writer's
        marks = [c.lower_ for c in verb.children if c.dep_ in ("mark", "cc")]
        if verb.dep_ in ("advcl", "conj", "ccomp") and verb.tag_ != "VBG" and self._set_off(verb):
            # "As the Gazette reported, ...", "Costs rose, the Gazette reported."
            inverted = not marks and verb.i > head.i and any(c.dep_ == "nsubj" for c in verb.children)
            if marks != ["as"] and not (inverted and not self._joined(head, verb)):
                return []
        elif verb.dep_ != "parataxis":
            return []
        parts = [(head.left_edge.i, verb.left_edge.i), (verb.right_edge.i + 1, head.right_edge.i + 1)]
        return [(lo, hi, None) for lo, hi in parts if self._says_something(lo, hi)]

    def _joined(self, head: Token, verb: Token) -> bool:
        """Whether a conjunction of ``head`` stands right before ``verb``'s clause (``..., and she said``)."""
        return any(c.dep_ in ("cc", "mark") and verb.left_edge.i - 3 < c.i < verb.left_edge.i for c in head.children)

    def _set_off(self, verb: Token) -> bool:
        """Whether the subtree of ``verb`` is set off from its clause by a comma or a dash on either side."""
        doc, sent = self.doc, verb.sent
        lo, hi = verb.left_edge.i, verb.right_edge.i
        left = lo == sent.start or doc[lo].is_punct or doc[lo - 1].is_punct
        right = hi + 1 >= sent.end or doc[hi].is_punct or doc[hi + 1].is_punct
        return left and right

    def _says_something(self, lo: int, hi: int) -> bool:
        """Whether tokens ``lo:hi`` hold more than punctuation and a conjunction (``But, she said, ...``)."""
        return any(not (t.is_punct or t.is_space or t.dep_ == "cc") for t in self.doc[lo:hi])

    def _verb_tail(self, verb: Token, hi: int) -> int:
        """End of an object or infinitive content, taking in a phrase the parser hung on the verb right
        after it (``vowed to cut taxes on imports``, ``urged voters to act in support of X``); not a time."""
        for c in verb.children:
            if c.i == hi and c.dep_ in TAIL_DEPS and not any(t.ent_type_ in ("DATE", "TIME") for t in c.subtree):
                hi = c.right_edge.i + 1
        return hi

    def _clause_end(self, clause: Token, verb: Token) -> int:
        """End of a reported clause, leaving out what the parse hung on it but the writer added:
        a trailing concession set off by a comma (``..., though the agency would not confirm it``)
        and a second predicate of the speaker (``says she will vote no and calls him a liar``)."""
        hi = clause.right_edge.i + 1
        for child in clause.children:
            if child.i < clause.i:
                continue
            marks = [c.lower_ for c in child.children if c.dep_ == "mark"]
            before = self.doc[child.left_edge.i - 1] if child.left_edge.i > 0 else None
            if (child.dep_ == "advcl" and before is not None and before.text == ","
                    and set(marks) & {"though", "although", "whereas"}):
                hi = min(hi, before.i)
            elif (child.dep_ == "advcl" and child.tag_ == "VBG" and attr.is_cue_verb(child) and before is not None
                    and before.text in (",", "—", "–", "--") and child.right_edge.i + 1 >= hi):
                hi = min(hi, before.i)  # "..., adding that ...": the speaker's next words
            elif self._speakers_predicate(child, clause, verb):
                ccs = [c.i for c in clause.children if c.dep_ == "cc" and clause.i < c.i < child.i]
                hi = min(hi, max(ccs, default=child.left_edge.i))
        return hi

    @staticmethod
    def _speakers_predicate(conj: Token, clause: Token, verb: Token) -> bool:
        """A verb coordinated with the clause's but in the cue's form, not the clause's, with no
        subject of its own (``says he will run and calls it a duty``): the speaker's next act."""
        if conj.dep_ != "conj" or conj.pos_ != "VERB" or conj.tag_ != verb.tag_:
            return False
        if any(c.dep_ in attr.SUBJECTS for c in conj.children):
            return False
        auxes = [c for c in clause.children if c.dep_ in ("aux", "auxpass") and c.i < clause.i]
        if auxes:  # "has not held ... and never called": the auxiliary may cover both
            return conj.tag_ not in ("VBD", "VBN") and conj.tag_ != auxes[0].tag_
        return conj.tag_ != clause.tag_

    @staticmethod
    def _fills(frame: str | None, frames: frozenset[str]) -> bool:
        """An object with a predicate fills an ``np`` slot too; a bare object never fills ``np2``."""
        return frame in frames or (frame == "np2" and "np" in frames)

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

    def _according_to(self) -> list[Found]:
        """``According to X, ...`` and ``..., according to X``: the rest of the clause is the content."""
        out = []
        for tok in self.doc:
            if tok.i in self.quoted or not attr.is_according_to(tok):
                continue
            sent = tok.sent
            pp = {t.i for t in tok.subtree} | {tok.i, tok.i + 1}
            rest = [t.i for t in sent if t.i not in pp and not t.is_space]
            if not rest:
                continue
            # The clause is the side of the sentence the phrase is not on, up to the other phrase boundary.
            if tok.i == sent.start or all(i > max(pp) for i in rest):
                lo, hi = max(pp) + 1, sent.end
            else:
                lo, hi = sent.start, tok.i
            lo, hi = self._trim(lo, hi)
            if hi <= lo:
                continue
            out.append(self._found("according_to", self.doc[lo].idx, self._end(hi), tok))
        return out

    def _nominal(self) -> list[Found]:
        """Statements named by a noun with a holder: ``Holt's claim that ...``, ``the union's call
        for a new audit``, ``a proposal by Reyes to close the harbour``. The noun is the cue.
        A noun that is another verb's object (``the court rejected Holt's claim that ...``) is left
        to that verb: the report is usually the reaction, not the claim."""
        out = []
        for tok in self.doc:
            if tok.i in self.quoted or tok.pos_ != "NOUN" or tok.dep_ in NOMINAL_SKIP:
                continue
            frames = attr.noun_frames(tok)
            holder = attr.holder_of(tok) if frames else None
            if holder is None or not attr.can_speak(holder, self.mentions):
                continue
            for lo, hi, cue_end in self._noun_contents(tok, frames):
                lo, hi = self._trim(lo, hi)
                if hi <= lo or all(i in self.quoted for i in range(lo, hi) if not self.doc[i].is_punct):
                    continue
                speaker = attr.resolve_speaker(holder, self.mentions, self.quoted)
                found = Found("indirect", self.doc[lo].idx, self._end(hi), tok, speaker,
                              status=self._status(None, speaker), cue_end=cue_end)
                out.append(found)
        return out

    def _noun_contents(self, noun: Token, frames: frozenset[str]) -> list[tuple[int, int, int | None]]:
        """What a statement noun carries: its ``that`` clause, its infinitive or the object of
        its preposition (``call for``, which joins the cue); or, as the subject of a copula, the
        clause the copula joins it to (``Holt's response was that ...``, the copula joining the cue)."""
        copula = noun.head
        if noun.dep_ == "nsubj" and copula.lemma_ == "be" and "that" in frames:
            clauses = [c for c in copula.children if c.i > copula.i and c.dep_ == "ccomp"
                       and any(m.dep_ == "mark" and m.lower_ == "that" for m in c.children)]
            if clauses:
                return [(clauses[0].left_edge.i, self._clause_end(clauses[0], copula), copula.i + 1)]
        for child in noun.children:
            if child.i < noun.i:
                continue
            frame = attr.noun_frame_of(child)
            if frame is None or frame not in frames:
                continue
            mark = attr.for_mark(child) if child.dep_ != "prep" else None
            if frame.startswith("prep:"):
                if mark is not None:
                    return [(mark.i + 1, child.right_edge.i + 1, mark.i + 1)]
                objs = [c for c in child.children if c.dep_ in ("pobj", "pcomp")]
                if objs and not self._bare_entity(objs[0].left_edge.i, objs[0].right_edge.i + 1):
                    return [(objs[0].left_edge.i, objs[0].right_edge.i + 1, child.i + 1)]
                continue
            return [(child.left_edge.i, self._clause_end(child, noun), None)]
        return []

    def _colon_leads(self) -> list[Found]:
        """Headline and transcript style: a paragraph opening with a source and a colon
        (``Holt: Tariff Plan Is 'a Disaster'``, ``Poll: Holt Leads in Ohio``); the rest of the
        paragraph is the content. A place or a label before the colon is not a source."""
        out = []
        for start, end in paragraphs(self.text):
            colon = self.text.find(":", start, min(end, start + COLON_LEAD_CHARS))
            if colon < 0:
                continue
            lead = [t for t in self.doc[self._tok(start) : self._tok(colon)] if not t.is_space]
            source = self._lead_source(lead)
            lo, hi = self._tok(colon) + 1, self._tok(end - 1) + 1
            lo, hi = self._trim(lo, hi)
            if source is None or sum(not t.is_punct for t in self.doc[lo:hi]) < MIN_LEAD_WORDS:
                continue
            if any(t.like_url or t.like_email or t.text.startswith("@") for t in self.doc[lo:hi]):
                continue  # "Follow Holt on Twitter: @holt": a handle, not a statement
            kind: QuoteKind = "indirect"
            passage = self.passage_of.get(lo)
            if passage is not None and self.passage_of.get(hi - 1) == passage:
                kind = "direct"
                self.consumed.add(passage)
            cue = self.doc[self._tok(colon)]
            speaker = attr.lead_speaker(source, self.mentions)
            out.append(Found(kind, self.doc[lo].idx, self._end(hi), cue, speaker, passage,
                             status=self._status(None, speaker)))
        return out

    def _lead_source(self, lead: list[Token]) -> Words | None:
        """The source named before a headline colon: a name, an organisation or a poll, up to a
        preposition (``Holt on the tariff:``, ``Holt to voters:``); no verb, no place, and one
        source only (``Holt and Reyes: a rivalry`` names a topic)."""
        if not lead or len(lead) > COLON_LEAD_TOKENS or lead[0].i in self.quoted:
            return None
        cut = next((k for k, t in enumerate(lead) if t.pos_ == "ADP" and k > 0), len(lead))
        head = lead[:cut]
        if any(t.pos_ in ("VERB", "AUX", "CCONJ") or t.i in self.quoted for t in head):
            return None
        span = self.doc[head[0].i : head[-1].i + 1]
        return span if attr.can_lead(span, self.mentions) else None

    def _direct(self, earlier: list[Found]) -> list[Found]:
        out: list[Found] = []
        for k, m in enumerate(self.marked):
            if k in self.consumed or m.end <= m.start:
                continue
            open_tok = self._tok(m.open_mark)
            close_tok = self._tok(m.outer_end - 1)
            before = self._frame(open_tok - 1, -1, FRAME_BEFORE)
            after = self._frame(close_tok + 1, 1, FRAME_AFTER)
            embedded = bool(before) and not (
                self.doc[before[0]].text in LEAD_IN or attr.is_cue_verb(self.doc[before[0]])
                or self._complementiser(self.doc[before[0]])
            )
            if embedded:
                continue  # a fragment inside someone's sentence: a scare quote unless a clause claimed it
            cue, subj = self._direct_cue(m, before, after)
            if cue is None:
                prev = self._previous(out, earlier, m, not before and not after)
                if m.single or not self._continues(prev, m):
                    if m.single or self._n_tokens(m) < MIN_UNCUED_TOKENS:
                        continue
                    out.append(Found("direct", m.start, m.end, None, attr.Speaker(None, None), k, status="attributed"))
                    continue
                assert prev is not None
                # The same report goes on: same cue, speaker, addressee and time.
                cont = Found("direct", m.start, m.end, prev.cue, prev.speaker, k, prev.addressee,
                             prev.addressee_backref, prev.when, prev.status)
                out.append(cont)
                continue
            speaker = attr.resolve_speaker(subj, self.mentions, self.quoted, cue) if subj is not None else None
            found = self._found("direct", m.start, m.end, cue, k, speaker)
            if found.speaker.span is None:
                subj = self._slot_subject(cue, open_tok, close_tok)
                if subj is not None:
                    found.speaker = attr.resolve_speaker(subj, self.mentions, self.quoted, cue)
                    found.status = self._status(cue, found.speaker)
            span = found.speaker.span
            if span is not None and span.start <= cue.i < span.end - 1:  # 'Continued Holt:': the cue is no part
                found.speaker.span = self.doc[cue.i + 1 : span.end]
            out.append(found)
        return out

    # -------------------------------------------------------------- speech slots

    def _slot_after(self, close_tok: int) -> tuple[Token, Token] | None:
        """``"...," Holt barked.`` and ``"...," barked Holt.``: the verb right after a quote left open
        by its comma, next to a subject that can speak, is the cue even if no reporting verb."""
        after = self._frame(close_tok + 1, 1, SLOT_APPOSITIVE + 1)
        verb = next((self.doc[i] for i in after if self._verb_like(self.doc[i])), None)
        if verb is None or not self._slot_verb(verb) or not self._slot_ends(verb) or not self._open_for(verb):
            return None
        subj = self._slot_subject(verb, None, close_tok)
        return (verb, subj) if subj is not None else None

    def _slot_before(self, open_tok: int) -> tuple[Token, Token] | None:
        """``Holt shot back, "..."`` and ``Holt gloated: "..."``: the verb right before the comma or
        colon that opens a quote, with a subject that can speak."""
        verb = self._verb_before(open_tok)
        if verb is None or not self._slot_verb(verb) or (self._described(verb) and not self._named_subject(verb)):
            return None
        subj = self._slot_subject(verb, open_tok, None)
        return (verb, subj) if subj is not None else None

    def _verb_before(self, open_tok: int) -> Token | None:
        """The word before the comma or colon that opens a quote, past a particle or adverb of the
        verb (``shot back,``) and the ``it`` of ``put it``."""
        doc = self.doc
        j = open_tok - 1
        if j < 1 or doc[j].text not in (",", ":"):
            return None
        j -= 1
        while j > 0 and doc[j].head.i < j and (doc[j].dep_ in ("prt", "advmod") or (
                doc[j].lower_ == "it" and doc[j].head.lemma_ == "put")):
            j -= 1
        return None if j in self.quoted else doc[j]

    def _slot_subject(self, verb: Token, open_tok: int | None, close_tok: int | None) -> Token | None:
        """The speaker next to a cue that stands right before or after a quote: the verb's own
        subject, or the noun phrase between the quote and the verb (``"...," Jim Hill, 57, told``)
        or right after an inverted verb (``"...," said Col. Ada Reyes, a spokeswoman``)."""
        subj = attr.subject_of(verb)
        if close_tok is not None and verb.i > close_tok:
            if subj is not None and close_tok < subj.i and self._speaks(subj, verb) and (
                    subj.i < verb.i or self._only_punct(self.doc[close_tok].idx + 1, verb.idx)):
                return subj
            if not self._only_punct(self.doc[close_tok].idx + len(self.doc[close_tok].text), verb.idx):
                root = self._segment_root(close_tok + 1, verb.i) or self._name_before(verb, close_tok + 1)
            else:
                root = self._phrase_after(verb)
            return root if root is not None and self._speaks(root, verb) else None
        if open_tok is not None and verb.i < open_tok:
            if subj is not None and subj.i < verb.i and subj.i not in self.quoted and self._speaks(subj, verb):
                return subj
            inverted = self._phrase_after(verb)  # 'Continued Holt: "..."'
            if inverted is not None and inverted.i < open_tok and self._only_punct(
                    inverted.idx + len(inverted.text), self.doc[open_tok].idx):
                return inverted if self._speaks(inverted, verb) else None
            if not self._slot_verb(verb):
                return None  # "..., saying:": a participle speaks for its clause's subject
            start = verb.sent.start
            stops = [t.i for t in self.doc[start : verb.i] if t.text in (";", ":") or t.i in self.quoted]
            lo = max(stops, default=start - 1) + 1
            root = self._segment_root(lo, verb.i) or self._name_before(verb, lo)
            return root if root is not None and self._speaks(root, verb) else None
        return None

    def _name_before(self, verb: Token, lo: int) -> Token | None:
        """The name right before a verb, or before an appositive set off by commas
        (``Col. Ada Reyes, a spokeswoman in Harbor City, said``); from token ``lo`` on."""
        for mention in self.mentions.before(verb.i):
            if mention.start < lo:
                return None
            gap = self.doc[mention.end : verb.i]
            if self.mentions.info(mention.kb_id_).get("type", "PERSON") not in attr.LEAD_TYPES:
                continue
            if not gap or (gap[0].text == "," and gap[-1].text == "," and not any(
                    t.pos_ in ("VERB", "AUX") or t.i in self.quoted for t in gap)):
                return mention.root
            return None
        return None

    def _segment_root(self, lo: int, hi: int) -> Token | None:
        """The one noun or pronoun of tokens ``lo:hi`` that heads them all (a speaker phrase)."""
        words = [t for t in self.doc[lo:hi] if not t.is_punct and not t.is_space]
        if not words or len(words) > SLOT_SUBJECT:
            return None
        roots = [t for t in words if not lo <= t.head.i < hi or t.head.i == t.i]
        if len(roots) != 1 or roots[0].pos_ not in ("NOUN", "PROPN", "PRON"):
            return None
        if any(t.pos_ in ("VERB", "AUX") and not self._described(t) for t in words):
            return None  # a clause of its own, not a speaker phrase
        return roots[0]

    def _named_subject(self, verb: Token) -> bool:
        """Whether a verb has a named subject of its own right before it (``..., Ada Hill cracked, "..."``,
        which the parse may take for a relative clause)."""
        subj = next((c for c in verb.children if c.dep_ == "nsubj" and c.i < verb.i), None)
        return subj is not None and subj.tag_ not in ("WP", "WDT") and self.mentions.at(subj.i) is not None

    @staticmethod
    def _described(verb: Token) -> bool:
        """A verb inside a noun phrase (``Ada Hill, who served ...,``): it describes, it does not speak."""
        tok = verb
        for _ in range(6):
            if tok.dep_ in ("relcl", "acl") or any(c.tag_ in ("WDT", "WP", "WRB") for c in tok.children):
                return True
            if tok.head.i == tok.i or tok.head.pos_ not in ("VERB", "AUX"):
                return False
            tok = tok.head
        return False

    def _phrase_after(self, verb: Token) -> Token | None:
        """The head of the noun phrase right after an inverted cue (``said Col. Ada Reyes``)."""
        i = verb.i + 1
        if i >= len(self.doc) or i in self.quoted:
            return None
        tok = self.doc[i]
        while tok.dep_ in ("compound", "det", "amod", "nmod", "poss", "nummod", "flat") and tok.head.i > tok.i:
            tok = tok.head
        return tok if tok.pos_ in ("NOUN", "PROPN") else None

    def _speaks(self, tok: Token, verb: Token | None = None) -> bool:
        """Whether ``tok`` can be the speaker of a quote; any noun for a verb of text (``the sign read``)."""
        if tok.pos_ not in ("NOUN", "PROPN", "PRON"):
            return False
        if verb is not None and verb.lemma_.lower() in lexicons.load("text_verbs") and (
                tok.pos_ != "PRON" or tok.lower_ == "it"):
            return True
        return attr.can_speak(tok, self.mentions)

    def _verb_like(self, tok: Token) -> bool:
        """A verb of the clause after a quote (not an auxiliary, not one inside a noun phrase)."""
        if tok.dep_ in ("aux", "auxpass") or self._described(tok):
            return False
        return tok.pos_ in ("VERB", "AUX") or self._slot_verb(tok)

    @staticmethod
    def _slot_verb(tok: Token) -> bool:
        """A finite verb that may carry a quote by its position (not ``be``, ``have``, ``do``);
        a reporting verb the tagger took for a noun (``Hill notes.``) too."""
        if tok.lemma_.lower() in SLOT_LIGHT_VERBS or tok.dep_ in ("aux", "auxpass"):
            return False
        return tok.tag_ in ("VBD", "VBZ", "VBP") or (
            tok.lower_ in attr.reporting_verbs() and tok.tag_ in ("NNS", "NN"))

    def _slot_ends(self, verb: Token) -> bool:
        """Whether a verb after a quote says nothing of its own: no object follows it, unless it is
        a reporting verb (``she told reporters``) or the words after it are its subject."""
        if attr.is_cue_verb(verb) or any(c.dep_ == "nsubj" and c.i > verb.i for c in verb.children):
            return True  # a reporting verb, or an inverted one: '"...," reads the editorial'
        j = verb.i + 1
        while j < len(self.doc) and self.doc[j].head.i == verb.i and self.doc[j].dep_ in ("prt", "advmod"):
            j += 1
        if j >= len(self.doc):
            return True
        nxt = self.doc[j]
        if nxt.dep_ == "dobj" and nxt.tag_ == "PRP":  # "he urged them": the party spoken to
            return True
        return nxt.is_punct or nxt.is_space or nxt.pos_ in ("ADP", "SCONJ", "CCONJ", "ADV")

    def _direct_cue(self, m: Marked, before: list[int], after: list[int]) -> tuple[Token | None, Token | None]:
        """The cue of a direct quote, and its speaker when found by position (:meth:`_slot_before`)."""
        open_tok, close_tok = self._tok(m.open_mark), self._tok(m.outer_end - 1)
        content = self.text[m.start : m.end].rstrip()
        cue_before = next((self.doc[i] for i in before if self._is_cue(i)), None)
        cue_after = next((self.doc[i] for i in after if self._is_cue(i) and self._open_for(self.doc[i])), None)
        slot = self._slot_before(open_tok) if cue_before is not None else None
        if slot is not None and slot[0].i != cue_before.i:  # type: ignore[union-attr]
            return slot  # 'Asked about it, Hill shot back, "..."': the verb next to the quote, not a cue further back
        if cue_before is not None and self.doc[before[0]].text in (",", ":") and (
                content[-1:] in "?!" or self._verb_before(open_tok) == cue_before):
            # 'Hill was asked, "Why?" Ames answered, ...': the question is Hill's; 'Hill said, "...," but
            # Ames denied it': a quote its cue opens keeps it
            return cue_before, None
        # '"...," Hill said, angered that ...': a quote left open by its comma is the cue's, whatever
        # else the parse hangs on the verb.
        handed = next((self.doc[i] for i in after[:4] if self._is_cue(i) and not self._negated(self.doc[i])), None)
        if content[-1:] in ",?!—–-" and (cue_after or handed) is not None:
            return cue_after or handed, None
        cue = cue_before or cue_after or self._colon_cue(m.open_mark, slot=False)
        if cue is not None:
            return cue, None
        slot = self._slot_after(close_tok) if content[-1:] in ",?!—–-" else None
        slot = slot or self._slot_before(open_tok)
        return slot if slot is not None else (self._colon_cue(m.open_mark), None)

    @staticmethod
    def _complementiser(tok: Token) -> bool:
        """The ``that`` of a reported clause quoted whole (``she said that "..."``)."""
        return tok.lower_ == "that" and tok.dep_ == "mark" and bool(attr.frames_of(tok.head.head))

    def _previous(self, out: list[Found], earlier: list[Found], m: Marked, alone: bool) -> Found | None:
        """The attribution right before passage ``m``: the last direct quote, or a reported clause
        ending later, when it holds a quote (``Sales are "down," Hill said. "We lost a year."``) or
        ends the paragraph before a passage standing ``alone`` (``Hill praised the crew.⏎"They never
        gave up."``): the passage goes on with it."""
        candidates = ([out[-1]] if out else []) + [f for f in earlier if self._reach(f) <= m.open_mark and (
            f.passage is not None or (alone and self._para(f.end) < self._para(m.open_mark)))]
        return max(candidates, key=self._reach, default=None)

    def _reach(self, f: Found) -> int:
        """Where a quote ends: the closing mark of its last passage, or its sentence's end."""
        if f.passage is not None:
            return max(f.end, self.marked[f.passage].outer_end)
        return self._end(self.doc[self._tok(f.end - 1)].sent.end)

    def _open_for(self, cue: Token) -> bool:
        """Whether a cue after a quote can take the quote as what was said: not negated and with
        no content of its own (``X said nothing``, ``X did not say``, ``X said he would``); the
        object of a telling verb is the addressee (``..., she told reporters``)."""
        if attr.is_according_to(cue):
            return True
        own = ("ccomp", "xcomp", "attr")
        if cue.lemma_ not in lexicons.load("tell_verbs") | lexicons.load("addressed_verbs"):
            own += ("dobj",)
        for child in cue.children:
            if child.dep_ == "neg" or (child.dep_ in own and child.i not in self.quoted):
                return False
        return True

    @staticmethod
    def _negated(cue: Token) -> bool:
        return any(c.dep_ == "neg" for c in cue.children)

    def _n_tokens(self, m: Marked) -> int:
        return self._tok(m.end - 1) - self._tok(m.start) + 1

    def _is_cue(self, i: int) -> bool:
        tok = self.doc[i]
        return attr.is_cue_verb(tok) or attr.is_according_to(tok)

    def _frame(self, i: int, step: int, limit: int) -> list[int]:
        """Tokens outside quotes from ``i`` in direction ``step``, within the sentence and paragraph."""
        out: list[int] = []
        while 0 <= i < len(self.doc) and len(out) < limit:
            tok = self.doc[i]
            if i in self.quoted or "\n" in tok.text or (step < 0 and "\n" in tok.whitespace_):
                break
            if tok.text in SENTENCE_END:
                break
            if not tok.is_space:
                out.append(i)
            if step > 0 and "\n" in tok.whitespace_:
                break
            i += step
        return out

    def _colon_cue(self, open_mark: int, slot: bool = True) -> Token | None:
        """``Hugh Hill, a doctor, said:`` then the quote (same or next paragraph)."""
        j = open_mark - 1
        while j >= 0 and (self.text[j].isspace() or self.text[j] == "'"):  # the first of two apostrophes
            j -= 1
        if j < 0 or self.text[j] != ":":
            return None
        colon = self.doc[self._tok(j)]
        if self._colon_name(colon) is not None:
            return colon
        sent = colon.sent
        cues = [t for t in sent if t.i < colon.i and t.i not in self.quoted and self._is_cue(t.i)]
        if cues:
            return cues[-1]
        if not slot:
            return None
        return sent.root if sent.root.pos_ in ("VERB", "AUX") and sent.root.i not in self.quoted else None

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

    def _continues(self, prev: Found | None, m: Marked) -> bool:
        if prev is None or (prev.speaker.key is None and prev.speaker.span is None):
            return False
        reach = self._reach(prev)
        if self._para(m.open_mark) - self._para(reach - 1) > 1:
            return False
        gap = self.text[reach : m.open_mark].strip(" \n,.'")
        if not gap:
            return True
        # '"A," Smith said. "B."': the gap may be the previous quote's own attribution sentence.
        # Abbreviations (``Mr.``, ``Jr.``) are single tokens: only a token of its own ends a sentence.
        cue = prev.cue
        if cue is None or not reach <= cue.idx < m.open_mark:
            return False
        between = self.doc[self._tok(reach) : self._tok(m.open_mark)]
        stops = [t for t in between if t.text in (*SENTENCE_END, ":", ";")]
        return all(self._only_punct(t.idx + 1, m.open_mark) for t in stops)

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

