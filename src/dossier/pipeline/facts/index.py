"""Shared plumbing for roles, relations and events: who a phrase denotes, status, time, evidence.

One :class:`Facts` object is built per Doc. It indexes the entity mentions
(names, and the pronouns/descriptors coref resolved), and wraps the status and
time APIs of the other components, importing them lazily so that this module
works (with the fallback "asserted" / no time) before they exist.

Plural references ("they", "the two", "both", "the sisters") are resolved to a
*pair* of people only when the text makes the pair clear: exactly two people
named earlier in the same sentence, or in the main clause of one of the few
sentences before it (see :meth:`Facts.pair`); otherwise we abstain.
"""

from __future__ import annotations

import logging
from collections.abc import Iterable
from typing import Any

from spacy.tokens import Doc, Token

from ...graph import Span, Time
from .. import doc_state, lexicons, syntax
from ..status import StatusInfo, fiction_word, imagined_scene, imagining_word, statement_status
from ..times import governing_time

log = logging.getLogger(__name__)

PEOPLE = frozenset({"PERSON"})
# Clause statuses an identifying phrase ("the former district attorney") does not take on.
IDENTIFIED = frozenset({"attributed", "reported", "hedged", "speculative", "unknown"})
AGENTS = frozenset({"PERSON", "ORG", "GROUP", "OUTLET", "GPE", "NORP"})
ORGS = frozenset({"ORG", "OUTLET", "GPE", "GROUP"})
PLURAL_PRONOUNS = frozenset({"they", "them", "their", "theirs", "themselves"})
PAIR_NOUNS = frozenset({"two", "pair", "couple", "duo", "sisters", "brothers", "siblings", "spouses", "women", "men"})
QUOTE_MARKS = frozenset('"“”')
PAIR_LOOKBACK = 3  # sentences searched back for the two people "they" refers to
# Nouns that stand for their possessor as an argument ("donated to Whitlock's campaign").
# "opposed her plan" / "criticized his proposal": opposing someone's plan is opposing them.
CARRIERS = frozenset({"campaign", "bid", "candidacy", "administration", "team", "office", "camp", "family",
                      "plan", "proposal", "policy", "policies", "agenda", "bill"})


class Facts:
    """Per-Doc index used by the role, relation and event extractors."""

    def __init__(self, doc: Doc) -> None:
        self.doc = doc
        self.text = doc.text  # spaCy rebuilds Doc.text on every access: read it once
        self.records = doc_state.entities(doc)
        n = len(doc)
        self._key: list[str | None] = [None] * n
        self._kind: list[str | None] = [None] * n
        self.mention_spans: list[tuple[int, int, str, str]] = []  # (start, end, key, kind)
        for span in doc_state.mentions(doc):
            if span.kb_id_:
                self.mention_spans.append((span.start, span.end, span.kb_id_, span.id_))
        for i, span in doc_state.mention_index(doc).items():
            self._key[i], self._kind[i] = span.kb_id_, span.id_
        self._times = doc_state.section(doc, doc_state.TIMES)

    # --- entities ------------------------------------------------------------------------------

    def key(self, i: int) -> str | None:
        """The entity key of the mention covering token ``i``."""
        return self._key[i] if 0 <= i < len(self._key) else None

    def kind(self, i: int) -> str | None:
        return self._kind[i] if 0 <= i < len(self._kind) else None

    def type(self, key: str | None) -> str | None:
        rec = self.records.get(key or "")
        return rec.get("type") if rec else None

    def is_a(self, key: str | None, types: Iterable[str]) -> bool:
        return self.type(key) in set(types)

    def denote(self, tok: Token, conj: bool = True) -> list[str]:
        """The entities a noun phrase headed by ``tok`` stands for (coordination gives several)."""
        out = self._denote_one(tok)
        if conj:
            for c in tok.children:
                if c.dep_ == "conj" and c.pos_ in {"PROPN", "PRON", "NOUN"}:
                    out += [k for k in self._denote_one(c) if k not in out]
        return out

    def _denote_one(self, tok: Token) -> list[str]:
        k = self.key(tok.i)
        if k:
            return [k]
        if tok.tag_ == "WP$" and tok.head.head.dep_ == "relcl":  # "X, whose daughter ...": X
            return self._denote_one(tok.head.head.head)
        if tok.tag_ == "WP$" and tok.head.dep_ == "appos":  # the same, parsed as an apposition
            return self._denote_one(tok.head.head)
        if tok.tag_ in {"WP", "WDT"} and tok.head.dep_ == "relcl":
            head = tok.head.head
            if tok.lower_ == "who" and head.dep_ == "appos" and self.type(self.key(head.head.i)) == "PERSON":
                # "X and his son Y, the former mayor, who ...": the description follows Y, the nearest name,
                # though the parse hangs it on the first conjunct
                later = [self.key(c.i) for c in head.head.subtree if head.head.i < c.i < head.left_edge.i and
                         c.dep_ in {"conj", "appos"} and self.type(self.key(c.i)) == "PERSON"]
                if later and any(c.dep_ == "conj" and c.i < head.i for c in head.head.children):
                    return [later[-1]]  # type: ignore[list-item]
                return [self.key(head.head.i)]  # type: ignore[list-item]  # "X, a Republican who ...": X
            near = [c for c in head.children if c.dep_ == "appos" and c.i < tok.i and c.right_edge.i >= tok.i - 2
                    and self.type(self.key(c.i)) == "PERSON" and self.key(c.i) != self.key(head.i)]
            if tok.lower_ == "who" and near:  # "Of Lane, Bo Reyes, who ...": the name just before "who"
                return [self.key(near[-1].i)]  # type: ignore[list-item]
            return self._denote_one(head)
        pair = self.pair(tok)
        if pair:
            return list(pair)
        if tok.pos_ in {"NOUN", "PROPN"}:
            for c in tok.children:
                if c.dep_ == "appos" and self.key(c.i):
                    return [self.key(c.i)]  # type: ignore[list-item]
            if tok.dep_ == "appos" and self.key(tok.head.i):
                return [self.key(tok.head.i)]  # type: ignore[list-item]
            if tok.dep_ == "appos" and tok.head.pos_ == "NOUN":  # "his son Bo Reyes, the former mayor": Bo Reyes
                named = [c for c in tok.head.children if c.dep_ == "appos" and c.i < tok.i and self.key(c.i)]
                if named:
                    return [self.key(named[-1].i)]  # type: ignore[list-item]
            if tok.lemma_.lower() in CARRIERS:
                for c in tok.children:
                    if c.dep_ == "poss" and self.key(c.i):
                        return [self.key(c.i)]  # type: ignore[list-item]
        return []

    def first(self, tok: Token | None, types: Iterable[str] = AGENTS) -> str | None:
        """The one entity of the wanted types ``tok`` denotes, if exactly one."""
        if tok is None:
            return None
        keys = [k for k in self.denote(tok, conj=False) if self.is_a(k, types)]
        return keys[0] if len(keys) == 1 else None

    def persons_in(self, start: int, end: int, skip: Iterable[int] = ()) -> list[str]:
        """Distinct PERSON keys with a mention in tokens [start, end), in order of appearance."""
        skipped = set(skip)
        out: list[str] = []
        for s, _e, k, _kind in self.mention_spans:
            if start <= s < end and s not in skipped and self.type(k) == "PERSON" and k not in out:
                out.append(k)
        return out

    # --- organisations named earlier: "its", "the museum", "the board" -------------------------

    def org_ref(self, tok: Token, types: Iterable[str] = ORGS, bare: bool = False) -> str | None:
        """The organisation (or place) a possessive ``its`` or a definite noun phrase refers back to.

        ``its chair`` -> the organisation the clause is about; ``the museum`` -> the nearest
        earlier entity whose name holds a word of the noun's class (``lexicons/org_references``);
        ``the board`` -> the organisation an earlier ``X's board`` named. None when unclear.
        """
        wanted = set(types)
        k = self.key(tok.i)
        if k:
            return k if self.type(k) in wanted else None
        if tok.lower_ == "its" and tok.tag_ == "PRP$":
            return self._its(tok, wanted)
        if bare:  # a title word before a name ("Hospital chief executive Ada Obi")
            if tok.lower_ not in lexicons.json("facts/org_references")["nouns"]:
                return None
        elif tok.pos_ != "NOUN" or tok.dep_ in {"compound", "amod"} or any(c.dep_ == "appos" for c in tok.children):
            return None
        elif any(c.dep_ == "compound" and c.pos_ == "PROPN" for c in tok.children):
            return None  # "the Teamsters union": a name of its own the entity step missed, not an earlier union
        data = lexicons.json("facts/org_references")
        noun = tok.lower_ if bare else tok.lemma_.lower()
        if noun in data["bodies"] and not bare:
            return self._body_owner(tok, wanted, data)
        if not bare and not any(c.lower_ in {"the", "this", "that"} for c in tok.children):
            return None
        if noun in data["place_nouns"]:
            return self._nearest(tok, {"GPE"} & wanted or {"GPE"}, None, data["lookback"])
        words = data["nouns"].get(noun)
        if words is None:
            return None
        if words == ["*"]:
            kinds = set(data["program_types"]) if noun in {"program", "programme", "show"} else {"ORG"}
            return self._nearest(tok, kinds, None, data["lookback"])
        return self._nearest(tok, wanted | {"ORG", "OUTLET"}, set(words), len(self.doc))  # a name match: any distance

    def _nearest(self, tok: Token, types: set[str], words: set[str] | None, lookback: int) -> str | None:
        """The nearest entity of ``types`` mentioned before ``tok`` (within ``lookback`` sentences)."""
        sents = list(self.doc.sents)
        idx = next((n for n, s in enumerate(sents) if s.start <= tok.i < s.end), 0)
        lo = sents[max(0, idx - lookback)].start
        for s, _e, key, _kind in sorted(self.mention_spans, key=lambda m: -m[0]):
            if s >= tok.i or s < lo or self.type(key) not in types:
                continue
            if words is None or set((self.records.get(key) or {}).get("name", "").lower().split()) & words:
                return key
        return None

    def _body_owner(self, tok: Token, wanted: set[str], data: dict[str, Any]) -> str | None:
        """``the board`` -> the organisation of this or an earlier ``X's board`` / ``board of X``."""
        own = self._owner_of(tok, wanted)
        if own:
            return own
        if not any(c.lower_ in {"the", "its"} for c in tok.children):
            return None
        sents = list(self.doc.sents)
        idx = next((n for n, s in enumerate(sents) if s.start <= tok.i < s.end), 0)
        lo = sents[max(0, idx - data["lookback"])].start
        for t in reversed(self.doc[lo : tok.i]):
            if t.lemma_.lower() == tok.lemma_.lower():
                own = self._owner_of(t, wanted)
                if own:
                    return own
        return None

    def _owner_of(self, body: Token, wanted: set[str]) -> str | None:
        for c in body.children:
            if c.dep_ in {"poss", "compound"} and c.i < body.i:
                k = self.org_ref(c, wanted) if c.dep_ == "poss" else self.key(c.i)
                if k and self.type(k) in wanted:
                    return k
            if c.dep_ == "prep" and c.lower_ == "of":
                for p in c.children:
                    k = self.org_ref(p, wanted) if p.dep_ == "pobj" else None
                    if k:
                        return k
        return None

    def _its(self, tok: Token, wanted: set[str]) -> str | None:
        """``its``: the organisation subject of the clause, else the nearest one before (this or the last sentence)."""
        verb = tok
        while verb.pos_ not in {"VERB", "AUX"} and verb.head.i != verb.i:
            verb = verb.head
        subj = fact_subject(verb) if verb.pos_ in {"VERB", "AUX"} else None
        if subj is not None and not subj.left_edge.i <= tok.i <= subj.i:
            k = self.org_ref(subj, wanted) if subj.lower_ != "its" else None
            if k:
                return k
        sent = tok.sent
        for t in reversed(self.doc[sent.start : tok.i]):
            if t.lower_ == "its":
                continue
            k = self.org_ref(t, wanted) if (self.key(t.i) or t.pos_ == "NOUN") else None
            if k and self.type(k) in wanted:
                return k
        if sent.start == 0:
            return None
        prev = self.doc[sent.start - 1].sent
        root = prev.root
        subj = next((c for c in root.children if c.dep_ in {"nsubj", "nsubjpass"}), None)
        if subj is not None:
            for t in [subj, *(c for c in subj.children if c.dep_ == "poss")]:
                k = self.org_ref(t, wanted)
                if k:
                    return k
        return None

    # --- plural references ---------------------------------------------------------------------

    def is_plural_ref(self, tok: Token) -> bool:
        low = tok.lower_
        if low in PLURAL_PRONOUNS:
            return True
        if low == "both" and tok.dep_ in {*syntax.SUBJECTS, "appos"}:
            return True
        return low in PAIR_NOUNS and any(c.lower_ in {"the", "these", "those"} for c in tok.children)

    def pair(self, tok: Token) -> tuple[str, str] | None:
        """The two people a plural reference (``they``, ``the two``) denotes, or None when unclear."""
        if not self.is_plural_ref(tok) or self.key(tok.i):
            return None
        sent = tok.sent
        before = self.persons_in(sent.start, tok.i)
        if any(t.dep_ == "nsubj" and t.tag_ == "NNS" and not self.key(t.i) and t.lower_ not in PAIR_NOUNS and
               not any(c.lower_ in {"both", "two"} for c in t.children) and
               not {t.head.lemma_.lower(), t.head.lower_} & lexicons.load("reporting_verbs")
               for t in self.doc[sent.start : tok.i]):
            return None  # "some 90 students met at Obi's home, where they founded ...": the students
        if len(before) == 2:
            return before[0], before[1]
        if before:
            return None
        sents = list(self.doc.sents)
        idx = next((n for n, s in enumerate(sents) if s.start == sent.start), 0)
        for back in range(1, PAIR_LOOKBACK + 1):
            if idx - back < 0:
                break
            prev = sents[idx - back]
            people = self._main_clause_people(prev)
            if len(people) == 2:
                return people[0], people[1]
            if people or self.persons_in(prev.start, prev.end):
                return None
        return None

    def _main_clause_people(self, sent: Any) -> list[str]:
        """People named in a sentence outside its subordinate clauses (``While X ..., Y found Z``)."""
        sub: set[int] = set()
        for t in sent:
            if t.dep_ in {"advcl", "relcl", "ccomp"} and t.head.i != t.i:
                sub.update(x.i for x in t.subtree)
        people = self.persons_in(sent.start, sent.end, skip=sub)
        if not people:
            people = self.persons_in(sent.start, sent.end)
        return people

    # --- status, time, evidence ----------------------------------------------------------------

    def status(self, start: int, end: int) -> StatusInfo:
        """Status and source of the statement over tokens [start, end) (the status API's reading;
        if it raises, the component fails on this Doc and no fact is written)."""
        return statement_status(self.doc, start, end)

    def identifying_status(self, st: StatusInfo, toks: list[Token], marks_only: bool = False) -> StatusInfo:
        """Status of an identifying phrase ("Obi's brother, Tomas", "Reyes, her deputy").

        Such a phrase is the writer's own description even inside reported speech ("she noted
        that Obi's brother, Tomas, ..."), so attributed/reported become asserted, except
        within a direct quotation, where the words are the speaker's. It is not the clause's
        hedge or speculation either ("It's possible that the former district attorney may
        have called"): the clause's status belongs to the clause, not to the description.
        With ``marks_only``, only words inside quotation marks are the speaker's (a mixed quote's
        unquoted part, "said Ada Obi, the mother of Tomas Obi, is 'wrong'", is the writer's), and a
        negation is the clause's even inside them ("Don't forget Ada's husband Tomas").
        """
        quoted = self.in_quote_marks if marks_only else self.in_direct_quote
        if st.status == "negated" and marks_only and any(quoted(t) for t in toks):
            return StatusInfo("attributed", st.source)  # '"Don't forget Ada's husband Bo," she said': hers, not denied
        if st.status == "negated" and not any(quoted(t) for t in toks):
            return StatusInfo("asserted")  # "X, the anchor of Y, had never ...": the negation is the clause's
        if st.status not in IDENTIFIED or any(quoted(t) for t in toks):
            return st
        return StatusInfo("asserted", None, (), st.negative)

    def in_quote_marks(self, tok: Token) -> bool:
        """``tok`` is inside quotation marks: a direct quote, or a quoted piece of a mixed one."""
        for q in doc_state.section(self.doc, doc_state.QUOTES):
            kind = getattr(q, "kind", "")
            if kind not in {"direct", "mixed"} or not q.span.start <= tok.idx < q.span.end:
                continue
            if kind == "direct":
                return True
            marks = sum(ch in QUOTE_MARKS for ch in self.text[q.span.start : tok.idx])
            if marks % 2 == 1:
                return True
        return False

    def aside_status(self, st: StatusInfo, toks: list[Token], climb: bool = False) -> StatusInfo:
        """A fact stated in the writer's aside about a named person inside reported speech ("Clinton
        said Ada Obi, who died in 2012, ..."; "told the Post he backs Ryan, who will face Bo Lane"):
        a non-restrictive relative clause on a name is the writer's, so it is asserted, not attributed.
        Words inside quotation marks stay the speaker's. With ``climb`` (ties), an adverbial or
        coordinated clause inside the aside is the aside's ("his daughter Mia, who moved when she
        married Y"), and so is a relative clause on a name's apposition ("Lane, the senator who is
        running against Y", the apposition itself set off)."""
        if st.status not in {"attributed", "reported"} or any(self.in_quote_marks(t) for t in toks):
            return st
        verb = syntax.clause_head(syntax.highest(toks))
        while climb and verb.dep_ in {"advcl", "conj"} and verb.head.pos_ in syntax.VERBAL:
            verb = verb.head
        if _speaker_description(verb):
            return StatusInfo("asserted", None, (), st.negative)
        if climb and verb.dep_ == "relcl" and verb.head.dep_ == "appos" and self.key(verb.head.head.i) \
                and any(c.tag_ in {"WP", "WP$"} for c in verb.children):
            return StatusInfo("asserted", None, (), st.negative)
        if verb.dep_ != "relcl" or not (self.key(verb.head.i) or (climb and any(
                c.dep_ == "appos" and self.key(c.i) for c in verb.head.children))):
            return st
        rel = next((c for c in verb.children if c.tag_ in {"WP", "WP$"} or
                    any(g.tag_ == "WP$" for g in c.children)), None)
        edge = verb.left_edge.i
        if rel is None or edge == 0 or self.doc[edge - 1].text not in {",", "(", "—", "–"}:
            return st
        return StatusInfo("asserted", None, (), st.negative)

    def in_direct_quote(self, tok: Token) -> bool:
        for q in doc_state.section(self.doc, doc_state.QUOTES):
            if getattr(q, "kind", "") in {"direct", "mixed"} and q.span.start <= tok.idx < q.span.end:
                return True
        return False

    def imagined(self, toks: Iterable[Token]) -> bool:
        """True when a fact sits in an imagined scene (:func:`..status.imagined_scene`)."""
        return imagined_scene(toks)

    def time(self, start_char: int, end_char: int) -> str | None:
        """The value of the time governing chars [start_char, end_char), if any."""
        t = self.time_obj(start_char, end_char)
        return t.value if t is not None else None

    def time_obj(self, start_char: int, end_char: int) -> Time | None:
        """The time governing chars [start_char, end_char) (:func:`..times.governing_time`)."""
        return governing_time(self.doc, start_char, end_char)

    def clause_time(self, toks: list[Token]) -> str | None:
        """The time of the clause that states a fact over ``toks`` (never one from another clause).

        The times API picks the governing time (clause, then sentence); a sentence-level pick
        from a sibling clause ("... told the Courier in May 2021") is not this fact's time.
        """
        clause = syntax.clause_tokens(toks)
        if not clause:
            return None
        lo = min(t.idx for t in toks)
        hi = max(t.idx + len(t) for t in toks)
        got = self.time_obj(lo, hi)
        if got is not None and unanchored(got):
            got = None
        if got is not None and not duration(got.value) and any(t.idx <= got.start < t.idx + len(t) for t in clause) \
                and not self._dates_other_noun(got, toks):
            return got.value
        for tm in self._times:
            if not duration(tm.value) and not unanchored(tm) and any(t.idx == tm.start for t in clause) and \
                    not self._dates_other_noun(tm, toks):
                return tm.value
        head = syntax.clause_head(syntax.highest(toks))
        while head.dep_ == "conj" and head.head.i != head.i and not syntax.has_subject(head):
            head = head.head  # "when she had won and was visiting X": the "when" is on the first verb
        if head.dep_ in {"advcl", "relcl"} and any(c.lower_ in {"when", "as", "after", "once"} and c.dep_ != "prep"
                                                   for c in head.children):
            return self.clause_time([head.head])  # "in 2020, when she became ...": the main clause's date
        return None

    def _dates_other_noun(self, tm: Time, toks: list[Token]) -> bool:
        """A year or date that modifies a noun set apart from the fact: a noun after "after", "before",
        "since" ... ("resigned after the 2012 election"), or one inside a gerund ("criticized Obi for
        supporting the 1994 bill"). It dates that noun, not the fact; the fact's own object ("won the
        2016 primary") or place in time ("in the 2016 primary") keeps it."""
        span = self.doc.char_span(tm.start, tm.end, alignment_mode="expand")
        if span is None:
            return False
        root, noun = span.root, span.root.head
        if root.dep_ not in NOUN_MODIFIERS or noun.pos_ not in {"NOUN", "PROPN"} or noun in toks or noun.ent_type_ in \
                {"DATE", "TIME"}:
            return False
        if noun.dep_ == "pobj" and noun.head.lower_ in APART_PREPS:
            return True
        head = syntax.clause_head(syntax.highest(toks))
        tok = noun.head
        for _ in range(6):
            if tok is head or tok.head is tok:
                return False
            if tok.pos_ in {"VERB", "AUX"} and tok not in toks:
                return tok.tag_ == "VBG" and tok.dep_ in {"pcomp", "advcl", "xcomp", "csubj"}  # "for supporting"
            tok = tok.head
        return False

    def times_in(self, start_char: int, end_char: int) -> list[Any]:
        """Time expressions (from the times component) inside chars [start_char, end_char)."""
        return [t for t in self._times if start_char <= t.start and t.end <= end_char and not unanchored(t)]

    def evidence(self, tok: Token, toks: list[Token] | None = None) -> Span:
        """The sentence of ``tok`` as a span of ``doc.text``.

        When the sentence also holds an imagined scene that does not cover the fact
        ("After the vote, a comedian posted a clip that imagined ..."), the evidence is
        narrowed to the fact's own phrase so that a reader never takes the scene as its source.
        """
        sent = tok.sent
        start, end = sent.start_char, sent.end_char
        if toks and self._has_imagined(sent):
            top = syntax.clause_head(syntax.highest(toks)) if any(t.pos_ in {"VERB", "AUX"} for t in toks) else min(
                toks, key=lambda t: len(list(t.ancestors)))
            if top.pos_ not in {"VERB", "AUX"}:
                while top.dep_ in {"compound", "poss", "amod"} and top.head.i != top.i:
                    top = top.head
            lo = min([top.left_edge.i, *(t.i for t in toks)])
            hi = max([top.right_edge.i, *(t.i for t in toks)])
            start, end = self.doc[lo].idx, self.doc[hi].idx + len(self.doc[hi])
        text = self.text
        while end > start and text[end - 1].isspace():
            end -= 1
        return Span(start, end, text[start:end])

    def _has_imagined(self, sent: Any) -> bool:
        return any(imagining_word(t) or fiction_word(t, lemma=False) for t in sent)


def _speaker_description(verb: Token) -> bool:
    """``"...," said Ada Obi, who served as mayor yet endorsed Lane``, the parse making the speaker the
    subject of a complement of the subjectless saying verb before it: the clause is the writer's
    description of the speaker (its relative clause shows it), not what was said."""
    head = verb.head
    if verb.dep_ != "ccomp" or head.i > verb.i or syntax.has_subject(head):
        return False
    subj = next((c for c in verb.children if c.dep_ in {"nsubj", "nsubjpass"}), None)
    return subj is not None and head.i < subj.i and any(
        c.dep_ == "relcl" and c.i < verb.i and any(w.tag_ in {"WP", "WP$"} for w in c.children)
        for c in subj.children)


def carried(facts: Facts, tok: Token) -> bool:
    """``Ada Obi's campaign attacked Lane``: the subject is a body that stands for its owner (a campaign,
    an office, a plan). What it does is its own act, not the owner's; as an object ("donated to Obi's
    campaign") it still reaches the owner."""
    return not facts.key(tok.i) and tok.lemma_.lower() in CARRIERS and any(c.dep_ == "poss" for c in tok.children)


SHIFT_WORDS = frozenset({"later", "earlier"})


def unanchored(tm: Time) -> bool:
    """``By the time Obi entered the race two weeks later``: a shift counted from an earlier time that the
    times step could not find, so counted from the publication date instead: no date of a fact."""
    words = (tm.text or "").lower().split()
    return tm.anchor == "published" and len(words) > 1 and words[-1] in SHIFT_WORDS


def duration(value: str | None) -> bool:
    """A TIMEX duration ("P1Y": "in more than a year") measures a stretch; it dates no fact."""
    if not value or len(value) < 2 or value[0] != "P":
        return False
    return value[1].isdigit() or value[1] in "TX_"


# Dependencies of a time that modifies a noun ("the 1994 bill", "her 2004 campaign").
NOUN_MODIFIERS = frozenset({"nummod", "compound", "amod", "poss", "nmod"})
# Prepositions that set their object apart in time from the fact ("resigned after the 2012 election").
APART_PREPS = frozenset({"after", "before", "following", "since", "until", "till", "ahead", "prior"})


# How facts read a verb's subject: through coordination, participles, adverbial clauses,
# object control ("urged X to run") and the object a participle modifies.
FACT_BORROW = frozenset({"conj", "xcomp", "advcl"})


def fact_subject(tok: Token) -> Token | None:
    """The subject of a verb for roles, relations and events (:func:`..syntax.subject_of`); a participle
    describing a person noun ("as a woman running for office") has that unnamed person as its subject."""
    if tok.dep_ == "acl" and tok.head.pos_ == "NOUN" and tok.head.lemma_.lower() in lexicons.load("person_nouns"):
        return tok.head  # "Obi, a lawyer running for mayor": through the apposition, Obi; unnamed, no one
    return syntax.subject_of(tok, borrow=FACT_BORROW, steps=6, control=True, through_objects=True)


def negated(tok: Token) -> bool:
    """``tok`` (a verb or predicate) carries a negation ("never", "not")."""
    heads = [tok]
    if tok.dep_ in {"attr", "acomp"}:
        heads.append(tok.head)
    return any(c.dep_ == "neg" for h in heads for c in h.children)
