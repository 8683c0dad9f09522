"""Quotes without quotation marks, found from their cue: reported clauses (``X said that ...``,
``The plan, she said, will fail``), ``according to X``, and statement nouns (``X's claim that ...``)."""

from __future__ import annotations

from spacy.tokens import Token

from ...graph import QuoteKind
from .. import lexicons
from ..syntax import SUBJECTS, has_subject
from . import attribution as attr
from .base import FinderBase, Found

TAIL_DEPS = ("prep",)
FINITE = ("VBD", "VBZ", "VBP")
# "responded to reports that ...", "asked about claims that ...": the clause is what the verb answers
ANSWERED_PREPS = frozenset({"to", "about", "of", "against", "for"})
RELATIVE_PRONOUNS = frozenset({"who", "whom", "whose"})
SET_OFF = (",", "—", "–", "--")
FRONTED_CONNECTIVES = frozenset({"so", "then", "thus", "therefore", "and", "but", "yet"})
NOMINAL_SKIP = ("dobj",)  # statement nouns in these roles are left to their verb
# prepositions that open the occasion of the saying, not its words ("... as a 'mess' during a rally")
OCCASION_PREPS = frozenset({"during", "amid", "after", "before", "following", "at"})
DATELINE_TOKENS = 8  # most tokens of a dateline before its dash ("WASHINGTON (AP) —", "KELBY, Ore. —")
TIME_NOUNS = frozenset({"day", "week", "month", "year", "night", "morning", "afternoon", "evening", "weekend"})
TOPIC_PREPOSITIONS = frozenset({"of", "about", "on", "regarding", "concerning"})
NEGATING_CONJUNCTIONS = frozenset({"nor", "neither"})
# Words that open an adverbial clause ("after", "because"): "according to X" set off after one
# attributes the clause it opens
SUBORDINATORS = frozenset({"after", "because", "since", "before", "while", "although", "though", "when", "until",
                           "unless", "whereas"})
# Words that set another group's answer beside the clause ("..., compared with four in 10 who said ...")
COMPARISONS = frozenset({"compare", "compared", "unlike", "versus", "vs.", "against"})
# "may conclude", "could argue", "might say": a possibility, not something said ("would", "will" also
# narrate a past habit or a scheduled statement and are left alone)
POSSIBILITY_MODALS = frozenset({"may", "might", "could", "can", "should", "must"})
# ... except in the speaker's own voice: "I must say", "I can tell you", "I should say", "we might add" assert.
PERFORMATIVE_MODALS = frozenset({"must", "can", "should", "might"})
ONLY_MODALS = frozenset({"could", "can"})  # "could only say that": said, and no more


def _others_statement(noun: Token) -> bool:
    """A statement noun that is no medium (``reports``, ``claims``; not ``a statement``): its clause
    is what that statement said."""
    lemma = noun.lemma_.lower()
    said = "that" in attr.noun_frames(noun) or lemma in lexicons.load("quotes/reporting_nouns")
    return said and lemma not in lexicons.load("quotes/medium_nouns")


class ClausePasses(FinderBase):
    """Indirect, mixed and according-to quotes."""

    def _reported_clauses(self) -> list[Found]:
        """Indirect quotes (``X said that ...``, ``X vowed to ...``, ``X called the plan a mess``,
        ``X called for ...``) and mixed ones (a reported clause holding a quoted fragment)."""
        out = []
        self.parts: dict[tuple[int, int], list[tuple[int, int]]] = {}
        for tok in self.doc:
            if tok.i in self.quoted:
                continue
            frames = attr.frames_of(tok)
            if not frames or self._not_a_statement(tok):
                continue
            subj = attr.cue_subject(tok)
            if subj is None and not attr.unnamed_speaker(tok):
                continue
            if subj is not None and not attr.can_speak(subj, self.mentions):
                continue  # "the behaviour signaled that ...": no one speaks
            if subj is not None and self._subject_across_quotation(subj, tok):
                continue
            if subj is not None:
                frames |= attr.document_frames(tok, subj)
            contents = self._contents(tok, frames)
            quote_before = any(hi <= tok.i and lo in self.quoted and hi - 1 in self.quoted for lo, hi, _ in contents
                               ) or self._quotation_before(tok)
            for lo, hi, cue_end in contents:
                if quote_before and lo > tok.i:
                    continue  # '"...," said Hill, after hearing Ames speak': the quote is what was said
                if hi <= tok.i and self._quotation_between(lo, hi, tok):
                    continue  # 'Lane weighed in, telling the Ledger, "...," he said': the quotation was said
                parts = self.parts.get((lo, hi))
                if parts is None and lo <= tok.i < hi:
                    parts = self._relative_parts(tok, lo, hi)
                    lo = tok.i + 1  # "the plan, which he said would fail": the cue stays out
                elif parts is None and lo > tok.i:
                    parts = self._zero_relative(tok, lo, hi)
                first = lo = self._after_dateline(lo, hi)
                lo, hi = self._no_dangling(*self._past_conjunction(*self._trim(lo, self._before_colon_quote(lo, hi))))
                aside = self._dash_pair(tok)
                if aside is not None and not aside[0] <= tok.i < aside[1] and lo < aside[0] <= hi and any(
                        attr.is_cue_verb(t) for t in self.doc[aside[0] : aside[1]]):
                    # 'praised his "faith" - "faith that shows," he said - and argued': the aside is another
                    # report of its own
                    lo, hi = self._trim(lo, aside[0] - 1)
                    parts = [(a, min(b, aside[0] - 1)) for a, b in parts or [] if a < aside[0] - 1] or None
                dashed = aside if aside is not None and aside[0] <= tok.i < aside[1] else None
                if dashed is not None and (lo < dashed[0] or hi > dashed[1]) and lo < dashed[1] and hi > dashed[0]:
                    # "... – names he said would be released soon – to the effort": an aside's cue says
                    # only what the aside holds
                    first = lo = max(lo, dashed[0])
                    lo, hi = self._trim(lo, min(hi, dashed[1]))
                    parts = [(max(a, dashed[0]), min(b, dashed[1])) for a, b in parts or []
                             if b > dashed[0] and a < dashed[1]] or None
                cue = tok
                if lo > tok.i and lo < hi and self.doc[lo].tag_ == "VBG" and attr.is_cue_verb(self.doc[lo]):
                    # "..., he said of the group, adding the U.S. must act" parsed as one clause: the
                    # words after "adding" are what was added
                    cue, first = self.doc[lo], lo + 1
                    lo, hi = self._trim(lo + 1, hi)
                if hi <= lo:
                    continue
                words = [i for i in range(lo, hi) if not self.doc[i].is_punct]
                inside = {self.passage_of[i] for i in words if i in self.quoted}
                outside = [i for i in words if i not in self.quoted]
                if not outside:
                    continue  # the clause is the direct quote itself
                if len(inside) == 1 and hi <= tok.i and self._only_source_words(min(inside), outside, tok):
                    continue  # '"...," super PAC aide Ada Obi said': a direct quote, a word of its source misparsed
                kind: QuoteKind = "indirect"
                start, end = self.doc[self._opening(first, lo)].idx, self._end(hi)
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
                pieces = self._pieces(parts) if parts else None
                if pieces is not None and len(pieces) > 1:
                    start, end = pieces[0][0], max(end, pieces[-1][1])
                    pieces[-1] = (pieces[-1][0], end)
                elif start < self.doc[lo].idx:
                    pieces = [(self.doc[lo].idx, end)]  # the words said, without the complementiser
                else:
                    pieces = None
                found = self._found(kind, start, end, cue, max(inside, default=None),
                                    self._speaker(tok) if cue is not tok else None)
                found.cue_end = cue_end
                found.pieces = pieces
                found.doubtful = not parts and self._subjectless(lo, hi)
                out.append(found)
        return out

    def _dash_pair(self, cue: Token) -> tuple[int, int] | None:
        """The tokens of an aside set off by the only two dashes of the cue's sentence (``– names he
        said would be released –``), outside quotation marks."""
        dashes = [t.i for t in cue.sent if attr.word_dash(t) and t.i not in self.quoted]
        return (dashes[0] + 1, dashes[1]) if len(dashes) == 2 and dashes[1] > dashes[0] + 1 else None

    def _only_source_words(self, passage: int, outside: list[int], cue: Token) -> bool:
        """Whether the words of a clause outside passage ``passage`` all stand between its closing mark
        and the cue, next to the cue's subject: the start of the source phrase, not words of the clause."""
        subj = attr.cue_subject(cue)
        close = self._tok(self.marked[passage].outer_end - 1)
        return subj is not None and all(close < i < subj.left_edge.i for i in outside) and (
            max(outside) + 1 == subj.left_edge.i)

    def _pieces(self, parts: list[tuple[int, int]]) -> list[tuple[int, int]]:
        """Character spans of token ranges, each trimmed of edge punctuation; empty ones dropped."""
        out = []
        for lo, hi in parts:
            lo, hi = self._no_dangling(*self._past_conjunction(*self._trim(self._after_dateline(lo, hi), hi)))
            if hi > lo:
                out.append((self.doc[lo].idx, self._end(hi)))
        return out

    def _relative_parts(self, verb: Token, lo: int, hi: int) -> list[tuple[int, int]] | None:
        """``the plan, which he said would fail``: what was said is the noun the relative pronoun stands
        for and the clause after the cue (``the plan`` + ``would fail``), not ``would fail`` alone."""
        pronoun = self.doc[lo]
        head = verb.head
        if pronoun.tag_ not in ("WDT", "WP") or verb.dep_ != "relcl" or head.pos_ not in ("NOUN", "PROPN"):
            return None
        if pronoun.dep_ not in SUBJECTS or pronoun.head.dep_ != "ccomp":
            return None  # "the reasons that she refuses to give": the pronoun is no subject of what was said
        if any(i in self.quoted for i in range(head.left_edge.i, head.i + 1)):
            return None
        return [(head.left_edge.i, head.i + 1), (verb.i + 1, hi)] if verb.i + 1 < hi else None

    def _before_colon_quote(self, lo: int, hi: int) -> int:
        """Where a reported clause ends before a colon that opens a quotation (``... telling the
        client: "Ask her."``): the quotation is a statement of its own, not the clause's end."""
        for i in range(lo + 1, hi - 1):
            if self.doc[i].text == ":" and i not in self.quoted and i + 1 in self.quoted:
                cue = self.doc[i - 1]
                if attr.is_cue_verb(cue) and lo < cue.left_edge.i and (
                        cue.dep_ == "relcl" or (cue.dep_ == "conj" and has_subject(cue))):
                    # '... a video, in which Lane said: "..."': the clause that opens Lane's quotation
                    # is the writer's way into it, not part of the reported clause
                    return cue.left_edge.i
                return i
        return hi

    def _zero_relative(self, verb: Token, lo: int, hi: int) -> list[tuple[int, int]] | None:
        """``the plan he said would fail``: a cue in a relative clause with no pronoun, whose clause
        lacks a subject; the noun and the clause are what was said (``the plan`` + ``would fail``)."""
        head = verb.head
        if verb.dep_ != "relcl" or head.pos_ not in ("NOUN", "PROPN") or head.i > verb.i:
            return None
        root = self.doc[lo:hi].root
        if root.dep_ != "ccomp" or has_subject(root) or any(t.tag_ in ("WDT", "WP") for t in self.doc[head.i : verb.i]):
            return None
        if any(i in self.quoted for i in range(head.left_edge.i, head.i + 1)):
            return None
        return [(head.left_edge.i, head.i + 1), (lo, hi)]

    def _no_dangling(self, lo: int, hi: int) -> tuple[int, int]:
        """Trimmed edges without a conjunction left at the end (``... was escorted by the police, but``):
        the parse gave the clause the word that opens the writer's next one."""
        lo, hi = self._trim(lo, hi)
        while hi > lo and self.doc[hi - 1].dep_ == "cc" and hi - 1 not in self.quoted:
            lo, hi = self._trim(lo, hi - 1)
        return lo, hi

    def _past_conjunction(self, lo: int, hi: int) -> tuple[int, int]:
        """A sentence-opening ``But`` or ``And`` joins the sentence to the writer's last one: it is
        not part of what was said (``But the plan, she said, will fail``)."""
        tok = self.doc[lo] if lo < hi else None
        if tok is not None and tok.i == tok.sent.start and tok.dep_ == "cc" and tok.i not in self.quoted:
            return lo + 1, hi
        return lo, hi

    def _subjectless(self, lo: int, hi: int) -> bool:
        """Whether tokens ``lo:hi`` are a finite predicate without its subject (``had been hard to
        get`` for ``the permit, his campaign said, had been hard to get`` parsed apart): half a
        clause, not the statement."""
        root = self.doc[lo:hi].root
        if root.pos_ not in ("VERB", "AUX") or has_subject(root) or root.dep_ in ("xcomp", "acl"):
            return False
        finite = root.tag_ in FINITE or any(c.dep_ in ("aux", "auxpass") and c.tag_ in (*FINITE, "MD")
                                            for c in root.children)
        # only the verb's own auxiliaries before it: a word that could be the subject, however the parse
        # hangs it ("too much is made of ..."), leaves the clause whole
        opening = [t for t in self.doc[lo : root.i] if not (t.is_punct or t.dep_ in ("aux", "auxpass", "neg", "mark"))]
        return finite and not opening

    def _after_dateline(self, lo: int, hi: int) -> int:
        """Start of a content that opens its sentence after a dateline (``KELBY, Ore. ― The plan``):
        past the dash that ends a run of words in capitals; else ``lo``."""
        doc = self.doc
        if lo >= hi or lo != doc[lo].sent.start or (doc[lo].idx > 0 and self.text[doc[lo].idx - 1] != "\n"):
            return lo  # a dateline opens a paragraph
        for d in range(lo + 1, min(hi, lo + DATELINE_TOKENS)):
            if attr.spaced_dash(doc[d]):
                words = [t for t in doc[lo:d] if t.is_alpha]
                # "NATO ― the alliance ― is weak"; not the hyphen of "long-running"
                paired = any(attr.word_dash(t) for t in doc[d + 1 : hi])
                if (words and words[0].is_upper and len(words[0]) > 1 and not paired
                        and not any(t.text[0].islower() for t in words)):
                    return d + 1
                return lo
        return lo

    def _opening(self, first: int, lo: int) -> int:
        """Where a reported clause's content starts: its complementiser belongs to it (``said that
        the plan failed``: ``that the plan failed`` is what was said, as PolNeAR marks it), also
        before a quotation mark (``said that "race still matters" in the city``)."""
        k = lo - 1
        while k >= first and (self.doc[k].is_space or self.doc[k].is_punct) and not self.doc[k].is_quote:
            k -= 1
        if k >= first and self.doc[k].dep_ == "mark" and self.doc[k].lower_ == "that":
            return k
        return lo

    @staticmethod
    def _unnested(found: list[Found]) -> list[Found]:
        """Drop a thought or intent reported inside another statement (``X said she hopes ...``,
        ``X told reporters he plans to ...``): it is part of that statement, not one of its own."""
        def nested(f: Found) -> bool:
            return f.cue is not None and not attr.is_cue_verb(f.cue) and any(
                g is not f and g.start <= f.cue.idx < g.end for g in found)
        return [f for f in found if not nested(f)]

    def _not_a_statement(self, verb: Token) -> bool:
        """A negated cue (``did not say whether``, ``..., nor did she report that``), one inside another
        cue's infinitive (``declined to comment on``, ``refused to say``) or an attempt's (``trying to
        tell voters that``), a possibility (``voters may
        conclude that``, ``may listen and conclude that``), a ``for X to say`` (``it is easy for Holt to
        say that``) or the idiom ``all told`` reports nothing said."""
        if any(c.dep_ == "neg" for c in verb.children) or self._after_nor(verb):
            return True
        if self._possible(verb) or self._for_to(verb) or self._all_told(verb):
            return True
        if verb.dep_ != "xcomp" or verb.head.i == verb.i:
            return False
        head = verb.head.lemma_.lower()
        return bool(attr.frames_of(verb.head)) or head in lexicons.load("quotes/refusal_verbs") or (
            head in lexicons.load("quotes/attempt_verbs"))

    def _subject_across_quotation(self, subj: Token, verb: Token) -> bool:
        """A participle cue whose "subject" stands before a quotation and the participle after it
        (``Holt's claim that Lane "sold the port," saying they ...``): the parse joined the participle of
        the sentence's speaker to a name inside the claim; who says it is not that name."""
        return verb.tag_ == "VBG" and subj.head.i == verb.i and subj.i < verb.i and not any(
            c.dep_ in ("aux", "auxpass") for c in verb.children) and any(
            self.doc[i].is_quote and i in self.quoted for i in range(subj.i + 1, verb.i))

    def _quotation_between(self, lo: int, hi: int, cue: Token) -> bool:
        """Whether a quotation of its own stands between a clause ``lo:hi`` and its cue, its closing
        mark followed only by punctuation and the cue's subject: what the cue reports is the quotation."""
        own = {self.passage_of[i] for i in range(lo, hi) if i in self.quoted}
        inside = [i for i in range(hi, cue.i) if i in self.quoted and self.passage_of[i] not in own]
        if not inside:
            return False
        subj = attr.cue_subject(cue)
        start = subj.left_edge.i if subj is not None and subj.i < cue.i else cue.i
        return all(self.doc[i].is_punct or self.doc[i].is_space for i in range(inside[-1] + 1, start))

    def _quotation_before(self, verb: Token) -> bool:
        """Whether a clause the parse hung on ``verb`` before it is a quotation (``"We won," Holt told the
        crowd, her voice drowned out``): the quotation is what was said, a clause after the cue is the
        writer's."""
        return any(c.i < verb.i and c.dep_ in ("ccomp", "parataxis") and all(
            i in self.quoted for i in range(c.left_edge.i, c.right_edge.i + 1) if not self.doc[i].is_punct)
            for c in verb.children)

    @staticmethod
    def _after_nor(verb: Token) -> bool:
        """``declined to name them, nor did he report that ...``: the second verb is negated too.
        A "nor" the parse hung on the first verb after it negates the next verb, not this one ("said
        the port would close, nor would she rule out a tax": said); one before it ("Nor did she say",
        "neither confirmed nor denied") negates it."""
        if any(c.dep_ in ("cc", "preconj") and c.lower_ in NEGATING_CONJUNCTIONS and c.i < verb.i
               for c in verb.children):
            return True
        head = verb.head
        return verb.dep_ == "conj" and any(
            c.dep_ == "cc" and c.lower_ in NEGATING_CONJUNCTIONS and head.i < c.i < verb.i for c in head.children)

    @staticmethod
    def _possible(verb: Token) -> bool:
        """A cue under a modal of possibility, its own or that of the verb it is joined to with the same
        subject (``may listen and conclude``): what someone might say, not what was said. "could only
        say that" / "can only say that" is what was said, and all of it: no possibility."""
        scope = [verb]
        if verb.dep_ == "conj" and not has_subject(verb) and verb.head.i != verb.i:
            scope.append(verb.head)
        first_person = any(c.dep_ in SUBJECTS and c.lower_ in {"i", "we"} for v in scope for c in v.children)
        modals = {c.lower_ for v in scope for c in v.children if c.dep_ == "aux"} & POSSIBILITY_MODALS
        if first_person:
            modals -= PERFORMATIVE_MODALS
        doc = verb.doc
        if modals <= ONLY_MODALS and (any(c.dep_ == "advmod" and c.lower_ == "only" for c in verb.children)
                                      or (verb.i + 1 < len(doc) and doc[verb.i + 1].lower_ == "only")):
            return False
        return bool(modals)

    @staticmethod
    def _for_to(verb: Token) -> bool:
        """An infinitive cue with its subject in a ``for`` phrase (``awkward for Holt to say that``):
        a judgement of saying, not a report of it."""
        kids = list(verb.children)
        return any(c.dep_ == "aux" and c.lower_ == "to" for c in kids) and any(
            c.dep_ == "mark" and c.lower_ == "for" for c in kids)

    def _all_told(self, verb: Token) -> bool:
        """``All told, the group raised $4 million``: a sum, no one told anything."""
        if verb.lemma_.lower() != "tell" or verb.i == 0 or verb.i + 1 >= len(self.doc):
            return False
        before, after = self.doc[verb.i - 1], self.doc[verb.i + 1]
        return before.lower_ == "all" and (before.i == verb.sent.start or self.doc[before.i - 1].is_punct) and (
            after.text == "," and not any(c.dep_ in ("dobj", "dative") for c in verb.children))

    def _bare_entity(self, lo: int, hi: int) -> bool:
        """Whether tokens ``lo:hi`` are only a name, a pronoun or a date (``endorsed him``, ``on Monday``),
        or say that nothing was said (``said nothing about the port``)."""
        toks = [t for t in self.doc[lo:hi] if not t.is_punct]
        if all(t.pos_ == "PRON" for t in toks) or (
                hi > lo and self.doc[lo:hi].root.lower_ in ("nothing", "none", "little", "less")):
            return True
        if all(t.ent_type_ in ("DATE", "TIME") for t in toks):
            return True
        mention = self.mentions.at(toks[0].i) if toks else None
        return mention is not None and mention.start <= lo and mention.end >= hi

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
        clauses = [c for c, f in comps if ((f in ("that", "if") and f in frames) or self._clause_as_to(c, f, frames))
                   and not self._fronted_apart(c, verb) and not self._relative_misparsed(c, verb)
                   and not self._quoted_report(c, verb)]
        if any(self._nouns_clause(c, verb) for c in clauses):
            return []  # "responded to a question about a claim that ...": the cue reports no words of its own
        if not clauses and "that" in frames:
            clauses = self._medium_clause(verb)
        if clauses:
            cue_end = adj.i + 1 if adj is not None else None
            spans: list[tuple[int, int, int | None]] = []
            for c in clauses:
                hi = self._reported_conj_end(verb, self._modal_conj_end(c, verb, self._clause_end(c, verb)))
                hi = self._writers_tail(c.left_edge.i, hi)
                # "and" with no comma before it: ", and as the race turns, ..." is the writer going on
                joined = spans and c.left_edge.i > 1 and self.doc[c.left_edge.i - 1].dep_ == "cc" and (
                    spans[-1][1] >= c.left_edge.i - 1) and self.doc[c.left_edge.i - 2].text != ","
                if spans and c.i > verb.i and spans[-1][0] > verb.i and (joined or not has_subject(c)) and (
                        not attr.is_cue_verb(c)):
                    # "said X was fine and, above all, would not ...", "said X has respect for Y and Z was
                    # a joke" (both clauses hung on the cue): one statement
                    spans[-1] = (spans[-1][0], hi, cue_end)
                else:
                    spans.append((c.left_edge.i, hi, cue_end))
            fronted = self._fronted_subject(verb, clauses, spans)
            if fronted is None:
                fronted = self._fronted_adjunct(verb, clauses, spans)
            return fronted if fronted is not None else spans
        after = [(c, f) for c, f in comps if c.i > verb.i and f is not None and self._fills(f, frames)]
        core = [c for c, f in after if f in ("np", "np2", "to")]
        if core:
            if any(attr.frame_of(c) in ("np", "np2") for c in core):
                core += [c for c in verb.children if c.i > verb.i and (
                    c.dep_ in ("oprd", "xcomp") or (c.dep_ == "prep" and c.lower_ in ("of", "for", "as")))]
            lo, hi = min(c.left_edge.i for c in core), max(c.right_edge.i for c in core) + 1
            cue_end = adj.i + 1 if adj is not None and adj.i < lo else None
            hi = self._writers_tail(lo, self._before_relative(lo, self._verb_tail(verb, hi)))
            hi = self._before_occasion(lo, hi)
            return [] if self._bare_entity(lo, hi) else [(lo, hi, cue_end)]
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

    def _fronted_subject(self, verb: Token, clauses: list[Token], spans: list[tuple[int, int, int | None]]
                         ) -> list[tuple[int, int, int | None]] | None:
        """``The difference now, he told me, is that ...`` parsed with the noun phrase hung on the cue
        and the clause after it left without a subject: the noun phrase and the clause are one
        statement around the cue (PolNeAR marks the hull)."""
        if len(clauses) != 1 or clauses[0].i < verb.i or has_subject(clauses[0]):
            return None
        subject = attr.cue_subject(verb)
        for n in verb.children:
            after = n.right_edge.i + 1
            if (n.i < verb.i and n.dep_ in ("npadvmod", "dep") and n.pos_ in ("NOUN", "PROPN")
                    and (subject is None or n.i != subject.i) and after < verb.i and self.doc[after].text == ","
                    and not any(i in self.quoted for i in range(n.left_edge.i, after))):
                lo, hi, cue_end = spans[0]
                whole = (n.left_edge.i, hi)
                self.parts[whole] = [(n.left_edge.i, after), (lo, hi)]
                return [(*whole, cue_end)]
        return None

    def _fronted_adjunct(self, verb: Token, clauses: list[Token], spans: list[tuple[int, int, int | None]]
                         ) -> list[tuple[int, int, int | None]] | None:
        """``Back home, she said, he built the pier`` with the opening phrase hung on the cue and the
        clause after it: the phrase opens the statement (:meth:`_opening_phrase`)."""
        if len(clauses) != 1 or clauses[0].i < verb.i or len(spans) != 1 or self.doc[spans[0][0] - 1].text != ",":
            return None
        n = self._opening_phrase(verb)
        if n is None:
            return None
        lo, hi, cue_end = spans[0]
        whole = (n.left_edge.i, hi)
        self.parts[whole] = [(n.left_edge.i, n.right_edge.i + 1), (lo, hi)]
        return [(*whole, cue_end)]

    def _opening_phrase(self, verb: Token) -> Token | None:
        """The phrase that opens the sentence, hung on a cue set off by commas before its subject
        (``Back in Kelby, Lane said, ...``): the writer would have put it after the cue, so it is the
        statement's; not the medium (``In a statement, ...``) nor the speaker's act (``Asked about it, ...``)."""
        subject = attr.cue_subject(verb)
        if subject is None or subject.i > verb.i:
            return None
        media = lexicons.load("quotes/medium_nouns")
        for n in verb.children:
            after = n.right_edge.i + 1
            if (n.i < subject.i and n.dep_ in ("advmod", "advcl", "prep", "npadvmod")
                    and n.left_edge.i == verb.sent.start and after + 1 == subject.left_edge.i
                    and self.doc[after].text == "," and not (n.dep_ == "advcl" and n.tag_ in ("VBN", "VBG"))
                    and not attr.is_cue_verb(n) and not any(t.lemma_.lower() in media for t in n.subtree)
                    and not any(i in self.quoted for i in range(n.left_edge.i, after))):
                return n
        return None

    def _quoted_report(self, clause: Token, verb: Token) -> bool:
        """``"We won," Holt said, and "we will win," Reyes added`` parsed with Holt's cue hung on
        Reyes's: a clause before the cue that is itself a cue with its own subject after its own
        quotation is a second speaker's attribution, not what this cue reports."""
        if clause.i > verb.i or not attr.is_cue_verb(clause):
            return False
        subject = attr.cue_subject(clause)
        return subject is not None and any(i in self.quoted for i in range(clause.left_edge.i, subject.i))

    def _relative_misparsed(self, clause: Token, verb: Token) -> bool:
        """A clause after the cue that opens with a relative pronoun right after a noun (``told the
        crowd and millions at home who could guess ...``), or that another finite verb parts from the
        cue: a relative clause of that noun or of that verb, not what was said."""
        if clause.i < verb.i:
            return False
        first = self.doc[clause.left_edge.i]
        before = self.doc[first.i - 1] if first.i > 0 else None
        if first.lower_ in ("who", "which") and before is not None and before.pos_ in ("NOUN", "PROPN") and \
                before.i > verb.i:
            return True
        # "told the crowd, who could guess the name he had in mind": another finite verb stands
        # between the cue and the clause the parse gave it; not the cue's own first clause joined to
        # this one by "and" ("said X has respect for Y and Z was a joke")
        prior = [c for c in verb.children if c.dep_ == "ccomp" and verb.i < c.i < clause.i]
        joined = before is not None and before.dep_ == "cc" and bool(prior) and self.doc[before.i - 1].text != ","
        own = {t.i for c in prior for t in c.subtree} if joined else set()
        return any(((t.tag_ in FINITE and t.dep_ not in ("aux", "auxpass")) or t.tag_ == "MD")
                   and t.i not in self.quoted and t.i not in own for t in self.doc[verb.i + 1 : first.i])

    def _fronted_apart(self, clause: Token, verb: Token) -> bool:
        """A clause before its cue that the writer set apart from it: across a semicolon or a
        connective (``X was not part of the deal; Iran insists ...``, ``X was still valid, so she
        continued ...``), or before a cue that has its own complement after it: the cue reports
        something else."""
        if clause.i > verb.i:
            return False
        if any(c.i > verb.i and c.dep_ in ("ccomp", "xcomp") for c in verb.children):
            return True
        subject = {t.i for c in verb.children if c.dep_ in SUBJECTS for t in c.subtree}
        between = [t for t in self.doc[clause.right_edge.i + 1 : verb.i] if t.i not in subject]
        return any(t.text in (";", ":") or t.lower_ in FRONTED_CONNECTIVES for t in between)

    def _nouns_clause(self, clause: Token, verb: Token) -> bool:
        """A ``that`` clause the parser hung on the cue across a statement noun of the cue's own
        phrase (``responded to a question about a claim, first made by X, that ...``): what the
        noun says, not what the speaker said; a medium noun (``said in a statement that``) excepted."""
        if clause.i < verb.i:
            return False
        media = lexicons.load("quotes/medium_nouns")
        return any(t.pos_ == "NOUN" and "that" in attr.noun_frames(t) and t.lemma_.lower() not in media
                   and self._in_prep_of(t, verb) for t in self.doc[verb.i + 1 : clause.left_edge.i])

    @staticmethod
    def _in_prep_of(tok: Token, verb: Token) -> bool:
        """Whether ``tok`` is the object of a preposition of ``verb``, through prepositions only
        (``responded to a question about a claim``)."""
        for _ in range(6):
            if tok.dep_ not in ("pobj", "prep"):
                return False
            if tok.head.i == verb.i:
                return tok.dep_ == "prep"
            tok = tok.head
        return False

    def _modal_conj_end(self, clause: Token, verb: Token, hi: int) -> int:
        """``said it would cut costs, but would add jobs``: a predicate the parser joined to the cue
        that shares the clause's modal and has no subject is the clause's second half."""
        modal = [a.lower_ for a in clause.children if a.dep_ == "aux" and a.tag_ == "MD"]
        if not modal or any(a.tag_ == "MD" for a in verb.children):
            return hi
        for conj in verb.children:
            if conj.dep_ != "conj" or conj.i < hi or conj.left_edge.i > hi + 2 or any(
                    c.dep_ in SUBJECTS for c in conj.children):
                continue
            if any(a.dep_ == "aux" and a.tag_ == "MD" for a in conj.children):
                hi = conj.right_edge.i + 1
        return hi

    def _reported_conj_end(self, verb: Token, hi: int) -> int:
        """``said it was too early to tell, and there was "no evidence" yet``: a clause the parser joined
        to the cue after ``, and`` that reads as reported (a modal, a past perfect, a present tense
        after a past cue, words in quotation marks), not as the writer's next event (``..., and the
        council agreed``), is the statement's second half (PolNeAR marks both)."""
        for conj in verb.children:
            if conj.dep_ != "conj" or conj.pos_ not in ("VERB", "AUX") or not hi <= conj.left_edge.i <= hi + 2:
                continue
            between = [t.lower_ for t in self.doc[hi : conj.left_edge.i]]
            kids = list(conj.children)
            if between not in ([",", "and"], ["and"]) or attr.is_cue_verb(conj) or not any(
                    c.dep_ in SUBJECTS or c.dep_ == "expl" for c in kids):
                continue
            auxes = [c for c in kids if c.dep_ in ("aux", "auxpass")]
            modal = any(a.tag_ == "MD" for a in auxes)
            perfect = any(a.lower_ == "had" for a in auxes) and conj.tag_ == "VBN"
            present = verb.tag_ == "VBD" and any(t.tag_ in ("VBZ", "VBP") for t in [conj, *auxes])
            quoted = any(t.i in self.quoted for t in conj.subtree)
            if modal or perfect or present or quoted:
                hi = conj.right_edge.i + 1
                while hi > conj.i + 1 and self.doc[hi - 1].is_punct and not self.doc[hi - 1].is_quote:
                    hi -= 1
        return hi

    @staticmethod
    def _medium_clause(verb: Token) -> list[Token]:
        """``says in a statement that ...``: a ``that`` clause the parser hung on the object of the
        verb's preposition is the verb's own clause; not the clause of what the verb answers
        (``responded to reports that ...``, ``commented on claims that ...``: those said it)."""
        return [c for prep in verb.children if prep.dep_ == "prep" and prep.i > verb.i
                and prep.lower_ not in ANSWERED_PREPS
                for obj in prep.children if obj.dep_ == "pobj" and (prep.lower_ == "in" or not _others_statement(obj))
                for c in obj.children if c.dep_ in ("acl", "relcl", "ccomp") and c.i > obj.i
                and any(m.dep_ == "mark" and m.lower_ == "that" for m in c.children)]

    @staticmethod
    def _clause_as_to(comp: Token, frame: str | None, frames: frozenset[str]) -> bool:
        """A clause with its own subject that the parser hung on an infinitive (``says the new rules to
        curb sales are useless``): for a cue that takes a clause but no infinitive, it is the clause."""
        return (frame == "to" and comp.dep_ == "ccomp" and "that" in frames and "to" not in frames
                and any(c.dep_ in SUBJECTS for c in comp.children))

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
        said = next((c for c in head.children if c.i == verb.right_edge.i + 1 and c.pos_ in ("VERB", "AUX")
                     and not has_subject(c)), None)
        if said is not None:  # "a decision they say allowed X to grow": the noun is the said clause's subject
            whole = (head.left_edge.i, said.right_edge.i + 1)
            self.parts[whole] = [(head.left_edge.i, head.i + 1), (said.left_edge.i, said.right_edge.i + 1)]
            return [(*whole, None)]
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
                return not (c.tag_ == "PRP" or attr.can_speak(c, self.mentions))  # "she told me"
            return c.dep_ in ("ccomp", "xcomp", "dobj", "attr")

        if any(own_content(c) for c in verb.children):
            return []
        head = verb.head
        if head.i == verb.i or attr.passive_participle(verb) or (
                head.i in self.quoted and all(i in self.quoted for i in range(head.left_edge.i, verb.left_edge.i))):
            return []  # a direct quote around the cue is the direct pass's; "as mentioned above" is the writer's
        marks = [c.lower_ for c in verb.children if c.dep_ in ("mark", "cc")]
        if verb.dep_ in ("advcl", "conj", "ccomp") and verb.tag_ != "VBG" and self._set_off(verb):
            # "As the Gazette reported, ...", "Costs rose, the Gazette reported."
            inverted = not marks and verb.i > head.i and any(c.dep_ == "nsubj" for c in verb.children)
            if marks != ["as"] and not (inverted and not self._joined(head, verb)):
                return []
        elif verb.dep_ != "parataxis":
            return []
        if head.dep_ in SUBJECTS and head.pos_ in ("NOUN", "PROPN") and head.head.pos_ in ("VERB", "AUX"):
            head = head.head  # "The trouble now, she said, is ...": the cue hung on the clause's subject
        opening = self._opening_phrase(verb)
        before = (head.left_edge.i, verb.left_edge.i)
        if opening is not None and head.left_edge.i == opening.left_edge.i:
            before = (opening.left_edge.i, opening.right_edge.i + 1)  # "Back home, she said, ..."
        sides = [before, (verb.right_edge.i + 1, self._clause_end(head, verb))]
        parts = [(lo, hi) for lo, hi in sides if self._says_something(lo, hi) and not self._speakers_act(lo, hi)
                 and not self._only_a_cue(head, lo, hi)]
        if len(parts) == 2 and self._topic_phrase(*parts[0]) and self._all_quoted(*parts[1]):
            return []  # 'Of the audit, she said, "It is a mess."': the topic of a direct quote, no words of hers
        if len(parts) < 2:
            return [(lo, hi, None) for lo, hi in parts]
        # One statement around its cue (PolNeAR marks the hull): a fronted "In the end," is no quote of its own.
        whole = (parts[0][0], parts[-1][1])
        self.parts[whole] = parts
        return [(*whole, None)]

    def _speakers_act(self, lo: int, hi: int) -> bool:
        """Whether tokens ``lo:hi`` beside a cue are a participle phrase with no subject of its own
        (``Holding up a book, Hill said, ...``, ``..., she said, wiping her brow``): what the speaker
        did, not what was said."""
        roots = [t for t in self.doc[lo:hi] if not lo <= t.head.i < hi or t.head.i == t.i]
        words = [t for t in roots if not (t.is_punct or t.is_space or t.dep_ == "cc")]
        return len(words) == 1 and words[0].tag_ in ("VBG", "VBN") and not any(
            c.dep_ in SUBJECTS or c.dep_ in ("aux", "auxpass") for c in words[0].children)

    def _topic_phrase(self, lo: int, hi: int) -> bool:
        """Whether tokens ``lo:hi`` are one prepositional phrase naming a topic (``Of the audit,``)."""
        roots = [t for t in self.doc[lo:hi] if not lo <= t.head.i < hi or t.head.i == t.i]
        words = [t for t in roots if not (t.is_punct or t.is_space)]
        return len(words) == 1 and words[0].dep_ == "prep" and words[0].lower_ in TOPIC_PREPOSITIONS

    def _all_quoted(self, lo: int, hi: int) -> bool:
        words = [t.i for t in self.doc[lo:hi] if not (t.is_punct or t.is_space)]
        return bool(words) and all(i in self.quoted for i in words)

    def _only_a_cue(self, head: Token, lo: int, hi: int) -> bool:
        """Whether tokens ``lo:hi`` beside a cue are only another cue, its subject and a quotation ('"...,"
        she said, as recalled by Hill'): the words are the quotation's, a direct quote, no clause of Hill's."""
        if not attr.is_cue_verb(head) or not lo <= head.i < hi:
            return False
        frame = {head.i} | {t.i for c in head.children if c.dep_ in SUBJECTS for t in c.subtree}
        return all(t.i in frame or t.i in self.quoted for t in self.doc[lo:hi] if not (t.is_punct or t.is_space))

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
        for child in clause.subtree:  # a concession may hang on a verb deep in the clause
            if child.i <= clause.i or child.dep_ != "advcl":
                continue
            marks = [c.lower_ for c in child.children if c.dep_ == "mark"]
            before = self.doc[child.left_edge.i - 1] if child.left_edge.i > 0 else None
            if (before is not None and before.text in SET_OFF and self._ends_clause(child, hi)
                    and set(marks) & {"though", "although", "whereas"}):
                hi = min(hi, before.i)
        for child in clause.children:
            if child.i < clause.i:
                continue
            before = self.doc[child.left_edge.i - 1] if child.left_edge.i > 0 else None
            closing = before is not None and before.is_quote and before.i in self.quoted and before.i > 0 and (
                self.doc[before.i - 1].text in SET_OFF)  # 'said it "was over," adding ...': the comma inside
            if (child.dep_ == "advcl" and child.tag_ == "VBG" and self._speakers_participle(child)
                    and before is not None and (before.text in SET_OFF or closing) and self._ends_clause(child, hi)):
                # "..., adding that ...", "..., citing a poll": the speaker's next act
                hi = min(hi, before.i)
            elif self._speakers_predicate(child, clause, verb):
                ccs = [c.i for c in clause.children if c.dep_ == "cc" and clause.i < c.i < child.i]
                hi = min(hi, max(ccs, default=child.left_edge.i))
            elif (child.dep_ == "conj" and clause.pos_ in ("VERB", "AUX") and (
                    child.ent_type_ in ("DATE", "TIME") or child.lemma_.lower() in TIME_NOUNS)
                  and self._ends_clause(child, hi) and before is not None and before.dep_ == "cc"
                  and child.left_edge.i >= 2 and self.doc[child.left_edge.i - 2].text == ","):
                # "said X used the account, and the following day, the panel asked ...": a time joined
                # to the reported verb opens the writer's next sentence, misparsed
                hi = min(hi, child.left_edge.i - 2)
        return self._before_relative(clause.i, self._before_others(clause, hi))

    def _before_others(self, clause: Token, hi: int) -> int:
        """End of a reported clause before a trailing phrase set off by a comma that tells of someone
        else, in the writer's words: another sayer's report (``..., compared with four in 10 who said
        ...``, ``..., but six in 10 said ...``), a reaction opened by a preposition and a relative
        (``..., to which Lane replied``) or a noun summing up the clause with its own relative clause
        (``..., something that Lane mocked``)."""
        for tok in clause.subtree:
            if tok.i <= clause.i or tok.i >= hi or tok.head.i >= tok.i or not self._ends_clause(tok, hi):
                continue
            first = tok.left_edge.i
            comma = first - 1
            while comma > clause.i and (self.doc[comma].dep_ == "cc" or self.doc[comma].is_quote):
                comma -= 1  # 'would "walk all over us," as Obi put it': the comma inside the marks
            if comma <= clause.i or self.doc[comma].text not in SET_OFF or any(
                    i in self.quoted for i in range(first, tok.i + 1)):
                continue
            if self._others_phrase(tok):
                return comma
        return hi

    @staticmethod
    def _others_phrase(tok: Token) -> bool:
        """Whether the phrase of ``tok`` tells of someone else: a verb of saying with its own subject
        heading it or in a relative clause of it, an ``as X put it`` clause, a clause opened by a
        preposition and ``which``, or a summing noun with a relative clause that has its own subject."""
        def sayer(t: Token) -> bool:
            return attr.is_cue_verb(t) and any(c.dep_ in SUBJECTS for c in t.children)

        if sayer(tok) and not any(c.dep_ == "mark" or (c.dep_ == "advmod" and c.tag_ == "WRB") for c in tok.children):
            # "..., but six in 10 said ...", not "..., and that Lane had said nothing" nor the occasion in
            # the speaker's words ("a question at a town hall, when a voter asked her why ...")
            return True
        if any(c.dep_ == "mark" and c.lower_ == "as" for c in tok.children) and any(
                c.dep_ in SUBJECTS for c in tok.children) and (attr.is_cue_verb(tok) or (
                tok.lemma_.lower() == "put" and any(c.dep_ == "dobj" and c.lower_ == "it" for c in tok.children))):
            return True  # '..., as Obi put it in her memoir', '..., as Obi wrote': the words are credited to her
        if tok.lemma_.lower() in COMPARISONS and any(sayer(t) and t.dep_ == "relcl" for t in tok.subtree):
            return True  # "..., compared with four in 10 who said ..."
        if tok.pos_ == "VERB" and any(c.dep_ in SUBJECTS for c in tok.children) and any(
                c.dep_ == "prep" and c.i < tok.i and any(o.lower_ == "which" for o in c.children)
                for c in tok.children):
            return True
        return tok.dep_ in ("npadvmod", "appos") and tok.head.pos_ in ("VERB", "AUX") and tok.pos_ in (
            "NOUN", "PRON") and any(c.dep_ == "relcl" and any(g.dep_ in SUBJECTS and g.tag_ not in ("WDT", "WP")
                                                              for g in c.children) for c in tok.children)

    def _before_relative(self, lo: int, hi: int) -> int:
        """End of a content before a relative clause on a name, set off by a comma at its end
        (``... met Mayor Lane, who is 70``): the writer's gloss on the person, not what was said
        (PolNeAR leaves it out; a ``which`` clause on a thing it mostly keeps)."""
        for t in self.doc[lo:hi]:
            first = t.left_edge
            if (t.dep_ == "relcl" and lo <= t.head.i < first.i and t.head.pos_ == "PROPN"
                    and first.lower_ in RELATIVE_PRONOUNS
                    and first.i > lo and self.doc[first.i - 1].text == "," and self._ends_clause(t, hi)
                    and not any(i in self.quoted for i in range(first.i, t.right_edge.i + 1))):
                return first.i - 1
        return hi

    def _writers_tail(self, lo: int, hi: int) -> int:
        """End of a content before what the writer adds at its end: an appositive on a name set off by
        a comma (``said she backed Bo Lane, the harbor boss``) or an indefinite noun phrase after a lone
        dash (``said the vote would pass — a surprise to many``); not words in quotation marks."""
        if any(i in self.quoted for i in range(lo, hi)) and hi - 1 in self.quoted:
            return hi
        for t in self.doc[lo:hi]:
            first = t.left_edge
            if (t.dep_ == "appos" and t.pos_ == "NOUN" and t.head.pos_ == "PROPN" and lo <= t.head.i < first.i
                    and first.i > lo and self.doc[first.i - 1].text == "," and self._ends_clause(t, hi)
                    and not any(i in self.quoted for i in range(first.i, hi))):
                return first.i - 1
        dashes = [t.i for t in self.doc[lo:hi] if attr.word_dash(t) and t.i not in self.quoted]
        if len(dashes) != 1 or dashes[0] < lo + 3 or dashes[0] + 1 >= hi:
            return hi
        tail = self.doc[dashes[0] + 1 : hi]
        if tail[0].lower_ not in ("a", "an") or tail.root.pos_ not in ("NOUN", "PROPN") or any(
                t.i in self.quoted or t.is_quote for t in tail):
            return hi  # "— and that it would pass", "— the high cost of rent and food": the statement goes on
        return dashes[0]

    def _before_occasion(self, lo: int, hi: int) -> int:
        """End of an object-and-predicate content before a phrase on the occasion of the saying that
        follows its quoted words (``called the plan "a mess" during a rally``): the writer's setting."""
        for t in self.doc[lo:hi]:
            if (t.dep_ == "prep" and t.lower_ in OCCASION_PREPS and t.i > lo and self.doc[t.i - 1].is_quote
                    and t.i - 1 in self.quoted and not any(i in self.quoted for i in range(t.i, hi))):
                return t.i
        return hi

    def _ends_clause(self, child: Token, hi: int) -> bool:
        """Whether only punctuation follows ``child``'s phrase before token ``hi``."""
        return all(t.is_punct or t.is_space for t in self.doc[child.right_edge.i + 1 : hi])

    @staticmethod
    def _speakers_participle(verb: Token) -> bool:
        """A participle of saying or of pointing at a source (``adding``, ``citing``, ``referring to``)."""
        return attr.is_cue_verb(verb) or verb.lower_ in lexicons.load("quotes/reference_participles")

    @staticmethod
    def _speakers_predicate(conj: Token, clause: Token, verb: Token) -> bool:
        """A verb coordinated with the clause's but in the cue's form, not the clause's, with no
        subject of its own (``says he will run and calls it a duty``): the speaker's next act."""
        if conj.dep_ != "conj" or conj.pos_ != "VERB" or conj.tag_ != verb.tag_:
            return False
        if any(c.dep_ in SUBJECTS for c in conj.children):
            return False
        auxes = [c for c in clause.children if c.dep_ in ("aux", "auxpass") and c.i < clause.i]
        if auxes and auxes[0].tag_ == "MD":  # "would cut costs, but voted for it": no modal takes a past form
            return conj.tag_ in FINITE
        if auxes:  # "has not held ... and never called": the auxiliary may cover both
            return (conj.tag_ not in ("VBD", "VBN") and conj.tag_ != auxes[0].tag_) or (
                attr.next_saying(conj) is not None)
        return conj.tag_ != clause.tag_

    @staticmethod
    def _fills(frame: str | None, frames: frozenset[str]) -> bool:
        """An object with a predicate fills an ``np`` slot too; a bare object never fills ``np2``."""
        return frame in frames or (frame == "np2" and "np" in frames)

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
            # The clause is the side of the sentence the phrase is not on, up to the other phrase boundary;
            # inside a reported clause ("said that, according to its count, the party won") only that clause.
            first, last = sent.start, sent.end
            clause = tok.head
            if clause.dep_ == "ccomp" and clause.left_edge.i <= tok.i and attr.is_cue_verb(clause.head):
                first, last = clause.left_edge.i, clause.right_edge.i + 1
                rest = [i for i in rest if first <= i < last]
            before = [i for i in rest if i < tok.i and not (self.doc[i].is_punct or self.doc[i].dep_ == "mark")]
            after = [i for i in rest if i > max(pp) and not self.doc[i].is_punct]
            pieces = None
            if tok.i == first or not before or (after and self._subordinator_before(tok)):
                # "... after, according to him, the network censured his report": the clause it opens
                lo, hi = max(pp) + 1, last
            elif after and self.doc[first].lower_ in SUBORDINATORS:
                # "While most were cleared, according to an official, two were not": both clauses
                lo, hi = first, last
                pieces = [self._trim(first, tok.i), self._trim(max(pp) + 1, last)]
            else:
                lo, hi = first, tok.i
            lo, hi = self._no_dangling(*self._past_conjunction(*self._trim(lo, hi)))
            if hi <= lo:
                continue
            found = self._found("according_to", self.doc[lo].idx, self._end(hi), tok)
            if pieces is not None and all(b > a for a, b in pieces):
                found.pieces = [(self.doc[a].idx, self._end(b)) for a, b in pieces]
            out.append(found)
        return out

    def _subordinator_before(self, tok: Token) -> bool:
        """Whether ``according to`` is set off right after a subordinator whose clause follows it
        (``left after, according to aides, the board cut his pay``)."""
        i = tok.i - 1
        while i >= 0 and self.doc[i].is_punct and not self.doc[i].is_quote:
            i -= 1
        return i >= 0 and i < tok.i - 1 and self.doc[i].lower_ in SUBORDINATORS

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
            for first, hi, cue_end in self._noun_contents(tok, frames):
                lo, hi = self._trim(first, hi)
                if hi <= lo or all(i in self.quoted for i in range(lo, hi) if not self.doc[i].is_punct):
                    continue
                speaker = attr.resolve_speaker(holder, self.mentions, self.quoted)
                start, said = self.doc[self._opening(first, lo)].idx, self.doc[lo].idx
                found = Found("indirect", start, self._end(hi), tok, speaker, status=self._status(None, speaker),
                              cue_end=cue_end, pieces=[(said, self._end(hi))] if start < said else None)
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
