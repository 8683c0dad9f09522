"""The discourse model coreference reads: who has been mentioned where, how prominently, and who speaks.

Salience follows Lappin & Leass (1994): each mention earns points for its
grammatical role (subject 80, object 50, indirect object 40, oblique 30), for
being the head of its noun phrase (80) and for not sitting in a fronted
adverbial (50), plus 100 for being in the sentence at hand. An entity's score
at a point of the text sums, per sentence, its best mention there, halved for
every sentence and cut further for every paragraph between. Mentions inside a
quotation count half outside it: they are spoken of, not the report's topic.

A :class:`Discourse` is built once per Doc; resolvers add the mentions they
resolve (``add``) so that later pronouns can chain on them.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

from spacy.tokens import Doc, Span, Token

from .. import doc_state
from ..syntax import SUBJECTS, VERBAL, direct_subject, heads_above, subject_of
from ..text import ParagraphIndex, find_marked

SPEAKER_BORROW = frozenset({"advcl", "xcomp", "conj", "ccomp", "relcl"})
ARGUMENT_DEPS = SUBJECTS | {"dobj", "dative", "iobj", "attr", "oprd", "agent"}
# Dependencies that keep a token inside the noun phrase of its head.
NOMINAL_DEPS = {"poss", "compound", "amod", "nmod", "appos", "conj", "cc", "prep", "pobj", "det", "case", "nummod"}
SENTENCE_DECAY = 0.5
PARAGRAPH_DECAY = 0.6
QUOTE_FACTOR = 0.5
MAX_SENTENCES_BACK = 8


@dataclass
class Entry:
    """One mention in the discourse model; ``key`` is None for someone the article does not name."""

    tok: int  # head token
    start: int
    end: int
    key: str | None
    weight: float
    subject: bool
    plural: bool = False
    gender: str | None = None  # for unnamed people ("a woman")
    kind: str = "name"


@dataclass
class Discourse:
    """Indices over one Doc shared by the coreference resolvers."""

    doc: Doc
    records: dict[str, dict[str, Any]]
    spans: list[Span]
    sent_of: list[int] = field(default_factory=list)
    para_of: list[int] = field(default_factory=list)
    quote_of: list[int | None] = field(default_factory=list)
    quotes: list[tuple[int, int]] = field(default_factory=list)
    speaker_tok: dict[int, int | None] = field(default_factory=dict)
    mention_at: dict[int, Span] = field(default_factory=dict)
    entries: list[Entry] = field(default_factory=list)
    resolved: dict[int, tuple[str, float] | None] = field(default_factory=dict)
    genders: dict[str, str | None] = field(default_factory=dict)
    gender_evidence: dict[str, dict[str, float]] = field(default_factory=dict)
    fronted: set[int] = field(default_factory=set)

    @classmethod
    def build(cls, doc: Doc) -> Discourse:
        spans = doc_state.mentions(doc)
        d = cls(doc=doc, records=doc_state.entities(doc), spans=spans)
        d._index()
        d._quotes()
        d._fronted()
        for span in spans:
            if span.kb_id_ and span.id_ != "descriptor":
                d.add(span.root.i, span.start, span.end, span.kb_id_, span.id_)
            elif span.kb_id_:
                d.add(span.root.i, span.start, span.end, span.kb_id_, "descriptor")
        d.genders = {k: r.get("gender") for k, r in d.records.items()}
        d.gender_evidence = {k: dict(r.get("gender_evidence") or {}) for k, r in d.records.items()}
        return d

    # --- indices ---------------------------------------------------------------------------------

    def _index(self) -> None:
        doc = self.doc
        self.sent_of = [0] * len(doc)
        for si, sent in enumerate(doc.sents):
            for t in sent:
                self.sent_of[t.i] = si
        self.text = doc.text  # Doc.text joins every token: once per Doc
        paras = ParagraphIndex(self.text)
        self.para_of = [paras.of(t.idx) for t in doc]
        for span in self.spans:
            for i in range(span.start, span.end):
                self.mention_at[i] = span

    def _quotes(self) -> None:
        doc = self.doc
        self.quote_of = [None] * len(doc)
        for marked in find_marked(self.text):
            span = doc.char_span(marked.start, marked.end, alignment_mode="expand")
            if span is None or not len(span):
                continue
            qi = len(self.quotes)
            self.quotes.append((span.start, span.end))
            for i in range(span.start, span.end):
                if self.quote_of[i] is None:
                    self.quote_of[i] = qi
        for qi in range(len(self.quotes)):
            self.speaker_tok[qi] = self._find_speaker(qi)
        for qi in range(1, len(self.quotes)):
            # A quotation with no cue of its own continues the one before it ("..." said Obi. "...").
            prev = self.speaker_tok[qi - 1]
            near = self.para_of[self.quotes[qi][0]] - self.para_of[self.quotes[qi - 1][0]] <= 1
            if self.speaker_tok[qi] is None and prev is not None and near:
                self.speaker_tok[qi] = prev

    def _find_speaker(self, qi: int) -> int | None:
        """The subject of the verb that governs the quotation (``"...," Obi told``, ``adding, "..."``)."""
        doc = self.doc
        start, end = self.quotes[qi]
        adjacent = self._cue_after(end)
        if adjacent is not None:
            return adjacent
        heads = [t.head for t in doc[start:end] if not (start <= t.head.i < end) and not t.is_punct]
        if not heads:
            # The quotation is its own sentence: the cue sits just after it or just before it.
            heads = [t for t in doc[end : min(len(doc), end + 8)] if t.pos_ in {"VERB", "AUX"}][:1]
            if not heads and start > 1:
                heads = [t for t in doc[max(0, start - 8) : start] if t.pos_ in {"VERB", "AUX"}][-1:]
        for head in heads[:2]:
            # the quotation's own words are never its speaker; a relative clause climbs to its head's clause
            subj = subject_of(head, borrow=SPEAKER_BORROW, steps=4, deps=SUBJECTS, relcl_head=False,
                              skip=range(start, end))
            if subj is not None:
                return subj.i
        return None

    def _cue_after(self, end: int) -> int | None:
        """``"...," Obi said`` / ``"...," said Obi`` / ``"...," she told``: the speaker right after the quote."""
        doc = self.doc
        i = end
        while i < len(doc) and i < end + 3 and (doc[i].is_punct or doc[i].is_space):
            i += 1
        if i >= len(doc) or i == end:
            return None

        def speaker_at(j: int) -> int | None:
            span = self.mention_at.get(j)
            if span is not None and span.label_ == "PERSON":
                return span.root.i
            if doc[j].tag_ == "PRP" and doc[j].lower_ in {"he", "she", "they"}:
                return j
            return None

        who = speaker_at(i)
        if who is not None:
            after = self.mention_at[i].end if i in self.mention_at else i + 1
            if any(t.pos_ == "VERB" for t in doc[after : min(len(doc), after + 8)] if not t.is_punct):
                return who
            return None
        if doc[i].pos_ == "VERB" and i + 1 < len(doc):
            return speaker_at(i + 1)
        return None

    def _fronted(self) -> None:
        """Tokens in an adverbial that precedes its clause's subject ("According to X, ...")."""
        for sent in self.doc.sents:
            root = sent.root
            subj = direct_subject(root)
            if subj is None:
                continue
            for child in root.children:
                if child.i < subj.i and child.dep_ in {"prep", "advcl", "npadvmod", "advmod"}:
                    self.fronted.update(t.i for t in child.subtree)

    # --- entries ---------------------------------------------------------------------------------

    def add(self, tok: int, start: int, end: int, key: str | None, kind: str = "name", **extra: Any) -> Entry:
        """Record a mention of ``key`` (None: an unnamed person) headed by token ``tok``."""
        weight, subject = self.weight(self.doc[tok])
        entry = Entry(tok, start, end, key, weight, subject, kind=kind, **extra)
        self.entries.append(entry)
        return entry

    def weight(self, tok: Token) -> tuple[float, bool]:
        """Lappin & Leass salience of a mention headed by ``tok`` and whether it is a subject."""
        t = tok
        while t.dep_ in {"conj", "appos"} and t.head.i != t.i:
            t = t.head
        dep = t.dep_
        w = 100.0
        subject = dep in SUBJECTS
        if subject:
            w += 80
        elif dep in {"dobj", "attr", "oprd"}:
            w += 50
        elif dep in {"dative", "iobj"}:
            w += 40
        elif dep in {"pobj", "agent"}:
            w += 30
        embedded = dep in {"poss", "compound", "nmod"} or (
            dep == "pobj" and t.head.head.pos_ in {"NOUN", "PROPN", "PRON"}
        )
        if not embedded:
            w += 80
        if tok.i not in self.fronted:
            w += 50
        return w, subject

    def key_at(self, i: int) -> str | None:
        """Entity key of token ``i``: a named mention, or a pronoun/descriptor resolved so far."""
        span = self.mention_at.get(i)
        if span is not None and span.kb_id_:
            return span.kb_id_
        res = self.resolved.get(i)
        return res[0] if res else None

    # --- scoring ---------------------------------------------------------------------------------

    def scores(self, target: Token, cataphora: bool = False) -> dict[str, tuple[float, Entry]]:
        """Salience of every discourse referent at ``target``: ``{key: (score, latest entry)}``.

        Unnamed people get keys ``"#<token>"``. Only mentions before ``target`` count, except
        the main subject of the same sentence when ``cataphora`` ("After her loss, Obi ...").
        """
        doc = self.doc
        ti = target.i
        s_now = self.sent_of[ti]
        p_now = self.para_of[ti]
        q_now = self.quote_of[ti]
        best: dict[tuple[str, int], tuple[float, Entry]] = {}
        for e in self.entries:
            main_subject = self.sent_of[e.tok] == s_now and e.subject and doc[e.tok].head.dep_ == "ROOT"
            if e.tok >= ti and not (cataphora and main_subject):
                continue
            s = self.sent_of[e.tok]
            if s_now - s > MAX_SENTENCES_BACK:
                continue
            w = e.weight
            q = self.quote_of[e.tok]
            if q is not None and q != q_now:
                w *= QUOTE_FACTOR
            key = e.key if e.key is not None else f"#{e.tok}"
            cur = best.get((key, s))
            if cur is None or w > cur[0] or (w == cur[0] and e.tok > cur[1].tok):
                best[(key, s)] = (w, e)
        out: dict[str, tuple[float, Entry]] = {}
        for (key, s), (w, e) in best.items():
            decay = SENTENCE_DECAY ** (s_now - s) * PARAGRAPH_DECAY ** (p_now - self.para_of[e.tok])
            total, latest = out.get(key, (0.0, e))
            if e.tok > latest.tok:
                latest = e
            out[key] = (total + w * decay, latest)
        return out

    def prominence(self, key: str, before: int) -> float:
        """How much ``key`` is the article's subject so far: its names before ``before``, and the title."""
        names = [e for e in self.entries if e.key == key and e.kind != "pronoun" and e.tok < before]
        title_len = doc_state.title_len(self.doc)
        in_title = any(self.doc[e.tok].idx < title_len for e in names)
        return min(len(names), 5) * 10.0 + (30.0 if in_title else 0.0)

    # --- syntax ----------------------------------------------------------------------------------

    def predicate_of(self, tok: Token) -> Token | None:
        """The verb ``tok`` is an argument of (directly or through a preposition)."""
        t = tok
        while t.dep_ in {"conj", "appos"} and t.head.i != t.i:
            t = t.head
        if t.dep_ in ARGUMENT_DEPS:
            return t.head
        if t.dep_ == "pobj" and t.head.dep_ in {"prep", "agent", "dative"} and t.head.head.pos_ in {"VERB", "AUX"}:
            return t.head.head
        return None

    def containing_heads(self, tok: Token) -> set[int]:
        """Heads of the noun phrases ``tok`` lies inside (up to its clause): i-within-i."""
        out: set[int] = set()
        t = tok
        while t.head.i != t.i and t.dep_ in NOMINAL_DEPS and t.head.pos_ not in {"VERB", "AUX"}:
            if t.dep_ in {"conj", "cc"}:
                break  # "Obi and her staff": a coordinated phrase does not contain its sibling
            t = t.head
            out.add(t.i)
        return out

    def excluded_by_syntax(self, tok: Token, possessive: bool) -> set[str]:
        """Entities ``tok`` cannot refer to: co-arguments of its verb and the phrases it lies in."""
        out: set[str] = set()
        for i in self.containing_heads(tok):
            key = self.key_at(i)
            if key:
                out.add(key)
        if possessive:
            return out
        pred = self.predicate_of(tok)
        if pred is None:
            return out
        for e in self.entries:
            if e.key and self.sent_of[e.tok] == self.sent_of[tok.i] and e.tok != tok.i:
                other = self.predicate_of(self.doc[e.tok])
                if other is not None and other.i == pred.i:
                    out.add(e.key)
        return out

    def clause_subject(self, tok: Token) -> Token | None:
        """The subject of the nearest clause above ``tok`` (for reflexives)."""
        for head in heads_above(tok, 6):
            subj = direct_subject(head, skip=(tok.i,))
            if head.pos_ in VERBAL and subj is not None:
                return subj
        return None

    def named_in_own_quotes(self, tok: Token) -> set[str]:
        """People named in the quotations ``tok`` is the speaker of: a speaker says "I", not her name."""
        out: set[str] = set()
        for qi, (qs, qe) in enumerate(self.quotes):
            if self.speaker_tok.get(qi) == tok.i and not self._in_noun_phrase(qs, qe):
                out.update(e.key for e in self.entries if e.key and qs <= e.tok < qe and e.kind != "pronoun")
        return out

    def _in_noun_phrase(self, start: int, end: int) -> bool:
        """Whether the passage ``start:end`` hangs off a preposition or noun ("chants of "Go, Obi!"",
        "a sign reading ..." aside): words heard or seen, not the cue subject's own."""
        doc = self.doc
        before = start - 1
        while before >= 0 and doc[before].is_quote:
            before -= 1
        if before >= 0 and doc[before].pos_ == "ADP":
            return True
        heads = {t.head for t in doc[start:end] if not (start <= t.head.i < end) and not t.is_punct}
        return bool(heads) and all(h.pos_ in {"ADP", "NOUN", "PROPN"} for h in heads)

    def speaker_of(self, tok: Token) -> int | None:
        """Token of the speaker of the quotation ``tok`` lies in, if known."""
        q = self.quote_of[tok.i]
        return None if q is None else self.speaker_tok.get(q)
