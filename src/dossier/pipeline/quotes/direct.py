"""Quotes in quotation marks and the cue and speaker each takes: next to the quote
(``"...," Holt said``), before a colon (``Holt said: "..."``, ``Holt on the tariff: ...``),
or carried over from the quote it continues."""

from __future__ import annotations

from spacy.tokens import Span as Words
from spacy.tokens import Token

from ...graph import QuoteKind
from .. import lexicons
from ..syntax import SUBJECTS
from ..text import Marked, paragraphs
from . import attribution as attr
from .base import FinderBase, Found

FRAME_AFTER = 15  # tokens searched for a cue after a closing mark
FRAME_BEFORE = 30  # ... and before an opening mark
SENTENCE_END = (".", "?", "!")
LEAD_IN = (",", ":", "—", "–", "-", ";")
MIN_UNCUED_TOKENS = 5  # a cue-less quote shorter than this is a scare quote
COLON_LEAD_CHARS = 60  # a headline colon comes within this many characters of the paragraph start
COLON_LEAD_TOKENS = 8  # ... after at most this many tokens
MIN_LEAD_WORDS = 3  # ... and is followed by at least this many words
SLOT_SUBJECT = 12  # most words of a speaker phrase between a quote and its verb ('"...," Jim Hill, 57, told')
SLOT_APPOSITIVE = 24  # ... and of a name with its appositive ('"...," Ada Hill, a former director of ..., wrote')
SLOT_LIGHT_VERBS = frozenset({"be", "have", "do"})  # never a cue by position alone


class DirectPasses(FinderBase):
    """Direct quotes, headline colons and their continuations."""

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
            own_cue = any(attr.is_cue_verb(self.doc[i]) for i in after)  # '..., and "B," Reyes added': B is Reyes's
            embedded = bool(before) and not (
                self.doc[before[0]].text in LEAD_IN or attr.is_cue_verb(self.doc[before[0]])
                or self._complementiser(self.doc[before[0]]) or (own_cue and self._after_comma_and(before[0]))
            )
            if embedded and not own_cue and self._goes_on_after_cue(out, m):
                # '"A," he said, but "B."': the quotation goes on after its cue and a conjunction
                last = out[-1]
                out.append(Found("direct", m.start, m.end, last.cue, last.speaker, k, last.addressee,
                                 last.addressee_backref, last.when, last.status))
                continue
            if embedded:
                continue  # a fragment inside someone's sentence: a scare quote unless a clause claimed it
            turns = self._transcript_turns(m)
            if turns:
                out += turns
                continue
            cue, subj = self._direct_cue(m, before, after)
            if cue is None and not before:
                cue, subj = self._signature(close_tok) or (None, None)
            if cue is None and self._subject_of_writer(m, after):
                continue  # '"Containment" has been U.S. policy': the quoted words are a term in the writer's sentence
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
            that = self._that_before(before)
            if that is not None and cue.i < that.i:
                # 'said that "..."': PolNeAR's content opens with the complementiser; the words are the passage
                found.pieces, found.start = [(found.start, found.end)], that.idx
                # 'concluded that "top secret" data was ...': the clause goes on past the marks, which hold a fragment
                found.doubtful = self._clause_goes_on(close_tok)
            out.append(found)
        return self._split_joined(out)

    def _subject_of_writer(self, m: Marked, after: list[int]) -> bool:
        """Whether a short passage with no cue is the subject of the unquoted verb right after it
        (``"Containment" has been the policy``): a term the writer names, not words said."""
        if not after or self._n_tokens(m) >= MIN_UNCUED_TOKENS:
            return False
        verb = self.doc[after[0]]
        right_after = after[0] == self._tok(m.outer_end - 1) + 1
        return right_after and verb.pos_ in ("VERB", "AUX") and not attr.is_cue_verb(verb)

    def _after_comma_and(self, i: int) -> bool:
        """Token ``i`` is a conjunction after a comma (``..., and "B," Reyes added``): a new sentence part."""
        return i > 0 and self.doc[i].dep_ == "cc" and self.doc[i - 1].text == ","

    def _goes_on_after_cue(self, out: list[Found], m: Marked) -> bool:
        """Whether passage ``m`` follows the last direct quote's cue and a conjunction only
        (``"A," he said, but "B."``, ``"A," Hill said, and still "B."``): the same quotation goes on."""
        prev = out[-1] if out else None
        if prev is None or prev.kind != "direct" or prev.cue is None or prev.passage is None:
            return False
        reach = self.marked[prev.passage].outer_end
        if not reach <= prev.cue.idx < m.open_mark or self._para(reach) != self._para(m.open_mark):
            return False
        after_cue = self.doc[self._tok(prev.cue.idx) + 1 : self._tok(m.open_mark)]
        words = [t for t in after_cue if not (t.is_punct or t.is_space)]
        speaker = prev.speaker.span
        words = [t for t in words if speaker is None or not speaker.start <= t.i < speaker.end]
        return (bool(words) and words[0].dep_ == "cc" and words[0].lower_ in ("but", "and") and len(words) <= 2
                and all(t.pos_ in ("CCONJ", "ADV") for t in words)
                and any(t.text == "," for t in after_cue[: words[0].i - after_cue.start]))

    def _split_joined(self, found: list[Found], after_question: bool = True) -> list[Found]:
        """One quote for a quotation its attribution splits in the same paragraph (``"A," she said, "B."``
        and ``"A," she said. "B."``): two passages with the same cue, the cue between them, make one
        quote whose span covers both and whose ``pieces`` are the passages; with ``after_question``
        false, not a passage that ends in a question (``"Is it over?" she asked. "Nobody knows."``)."""
        out: list[Found] = []
        for g in found:
            f = out[-1] if out else None
            if f is None or not self._splits(f, g) or (
                    not after_question and self.text[f.start : f.end].rstrip().endswith("?")):
                out.append(g)
                continue
            pieces = (f.pieces or [(f.start, f.end)]) + (g.pieces or [(g.start, g.end)])
            speaker = f.speaker if f.speaker.span is not None or f.speaker.key is not None else g.speaker
            out[-1] = Found("direct", f.start, g.end, f.cue, speaker, f.passage, f.addressee or g.addressee,
                            f.addressee_backref, f.when or g.when, f.status, f.cue_end, pieces)
        return out

    def _splits(self, f: Found, g: Found) -> bool:
        """Whether direct quotes ``f`` and ``g`` are two parts of one quotation split by their cue."""
        if f.kind != "direct" or g.kind != "direct" or f.passage is None or g.passage is None:
            return False
        if f.cue is None or g.cue is None or f.cue.i != g.cue.i or not f.end <= f.cue.idx < g.start:
            return False
        if self.text[f.start : f.end].rstrip().endswith("."):
            return False  # '"... kidding." To which she said, "..."': a closed sentence, then another's words
        between = self.doc[self._tok(self.marked[f.passage].outer_end) : self._tok(self.marked[g.passage].open_mark)]
        cue = f.cue
        if any(t.pos_ == "VERB" and t.i != cue.i and (self._acts_with(t, cue) or self._acts_with(cue, t))
               and (attr.is_cue_verb(t) or t.tag_ not in ("VBG", "VBN")) for t in between):
            # '"...," she sings before asking, "..."': another act between the two; a participle of the
            # speaker's ('"...," said Hill, summing up the talks. "..."') leaves one statement
            return False
        return self._para(f.start) == self._para(g.start)

    @staticmethod
    def _acts_with(verb: Token, cue: Token) -> bool:
        """Whether ``verb`` hangs on ``cue`` through verbs and prepositions only, not inside a noun phrase
        (``Ada Hill, who runs ...``)."""
        tok = verb
        for _ in range(8):
            if tok.head.i == tok.i:
                return False
            tok = tok.head
            if tok.i == cue.i:
                return True
            if tok.pos_ in ("NOUN", "PROPN", "PRON"):
                return False
        return False

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
        if verb is None or self._writer_aside(verb) or not self._slot_verb(verb) or (
                self._described(verb) and not self._named_subject(verb)):
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
        subj = attr.cue_subject(verb)
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
        if verb is not None and verb.lemma_.lower() in lexicons.load("quotes/text_verbs") and (
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
        cue_before = next((self.doc[i] for i in before if self._is_cue(i) and not self._writer_aside(self.doc[i])),
                          None)
        closed = content[-1:] not in ",?!—–-"  # '"We won." Hill said that, "..."': a cue after may report another quote
        cue_after = next((self.doc[i] for i in after if self._is_cue(i) and self._open_for(self.doc[i])
                          and not (closed and self._says_later(self.doc[i], close_tok))), None)
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
    def _writer_aside(tok: Token) -> bool:
        """'Holt said, and I quote, "..."': the writer's own "I quote" vouches for the words, the cue
        before it says who spoke them."""
        return tok.lemma_.lower() == "quote" and any(
            c.dep_ == "nsubj" and c.lower_ in {"i", "we"} for c in tok.children)

    def _clause_goes_on(self, close_tok: int) -> bool:
        """Whether a word of the same sentence follows a closing mark (no punctuation between)."""
        nxt = close_tok + 1
        while nxt < len(self.doc) and self.doc[nxt].is_space:
            nxt += 1
        return nxt < len(self.doc) and self.doc[nxt].is_alpha and nxt not in self.quoted and not self._is_cue(nxt) \
            and self.doc[nxt].sent.start <= close_tok

    def _says_later(self, cue: Token, close_tok: int) -> bool:
        """Whether a cue after a quote has a quote of its own after it as its clause
        (``"We won." Hill said that, "..."``): it reports that one, not the quote before it."""
        return any(c.dep_ in ("ccomp", "xcomp") and c.i > cue.i > close_tok and c.i in self.quoted
                   for c in cue.children)

    def _that_before(self, before: list[int]) -> Token | None:
        """The complementiser right before a quote's opening mark, past a comma (``said that, "..."``)."""
        words = [self.doc[i] for i in before[:2]]
        if words and words[0].text == "," and len(words) > 1:
            words = words[1:]
        return words[0] if words and self._complementiser(words[0]) else None

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
        own: tuple[str, ...] = ("ccomp", "xcomp", "attr")
        if cue.lemma_ not in lexicons.load("tell_verbs") | lexicons.load("quotes/addressed_verbs"):
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
        if any(t.i > cue.i and t.pos_ in ("VERB", "AUX") and t.dep_ in ("conj", "ROOT", "parataxis") and any(
                c.dep_ in SUBJECTS for c in t.children) for t in between):
            return False  # '"...," Ebeling said, and her husband cut in. "...": someone else speaks next'
        stops = [t for t in between if t.text in (*SENTENCE_END, ":", ";")]
        return all(self._only_punct(t.idx + 1, m.open_mark) for t in stops)
