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

from spacy.tokens import Doc, Token
from spacy.tokens import Span as DocSpan

from ...graph import Quote, Span
from .. import doc_state, lexicons
from ..component import DossierComponent
from ..coref.descriptors import role_nouns
from ..syntax import ACTIVE_SUBJECTS, SUBJECTS
from ..text import Marked
from . import attribution as attr
from .base import Found
from .clauses import ClausePasses
from .cues import cue_words
from .descriptions import named_organisation
from .direct import DirectPasses
from .statement import doubt


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
        for f in found:
            self._teller_speaks(f)
        found.sort(key=lambda f: (f.start, f.end))
        self._late_cues(found)
        found = self._split_joined(found, after_question=False)  # split by a cue found late: one quote too
        self._inherit(found)
        return [self._quote(n, f) for n, f in enumerate(found, 1)]

    def _doubt(self, f: Found) -> str | None:
        """Why the words are no statement (:func:`.statement.doubt`), except the "topic" of a
        headline a named person speaks before a colon: headline words in title case parse as names
        ("Holt: Ferry Plan 'Dead On Arrival'" has no verb left), and a headline drops its verbs."""
        reason = doubt(self.doc, f)
        if reason == "topic" and self._headline_lead(f):
            return None
        return reason

    def _headline_lead(self, f: Found) -> bool:
        """A person's words in title case after a colon (``Holt: Ferry Plan 'Dead On Arrival'``)."""
        if f.cue is None or f.cue.text != ":" or f.speaker.key is None:
            return False
        if self.mentions.info(f.speaker.key).get("type", "PERSON") != "PERSON":
            return False
        words = [w for w in self.text[f.start : f.end].split() if w[:1].isalpha()]
        return len(words) >= MIN_QUOTED_WORDS and sum(w[0].isupper() for w in words) >= HEADLINE_CAPITALS * len(words)

    def _late_cues(self, found: list[Found]) -> None:
        """A direct quote left without a cue whose sentence goes on with a source phrase and its verb of
        saying, however long the phrase ('"...," panel chairman Rep. Ada Obi (D-Ore.) said after the
        vote'): the verb is its cue, even where the parse gave the verb a clause of its own; a quote
        left without a cue right after it then continues it (same paragraph or the next)."""
        prev: Found | None = None
        for f in found:
            if f.kind != "direct":
                continue
            if f.cue is None and f.passage is not None and not f.pieces:
                m = self.marked[f.passage]
                cue = self._cue_after(m)
                if cue is not None:
                    f.cue = cue
                    f.speaker = self._speaker(cue)
                    f.status = self._status(cue, f.speaker)
                    f.addressee, f.addressee_backref = attr.addressee_of(cue, self.mentions)
                    f.when = attr.time_of(cue, (f.start, f.end), self.mentions)
                elif prev is not None and prev.cue is not None and prev.passage is not None and \
                        self._continues(prev, m):
                    f.cue, f.speaker, f.status = prev.cue, prev.speaker, prev.status
                    f.addressee, f.addressee_backref, f.when = prev.addressee, prev.addressee_backref, prev.when
            prev = f

    def _cue_after(self, m: Marked) -> Token | None:
        """The verb of saying of the source phrase that opens right after a quote's closing mark in
        the same sentence (the quote ends in a comma, question or exclamation mark, or dash)."""
        if self.text[m.start : m.end].rstrip()[-1:] not in ",?!—–-":
            return None
        close = self._tok(m.outer_end - 1)
        first = close + 1
        while first < len(self.doc) and self.doc[first].is_space:
            first += 1
        if first >= len(self.doc) or first in self.quoted or "\n" in self.text[m.outer_end : self.doc[first].idx]:
            return None
        for tok in self.doc[first : min(len(self.doc), first + LATE_CUE_TOKENS)]:
            if tok.sent.start > close or "\n" in tok.text or tok.text in (".", ";"):
                return None
            if tok.i in self.quoted or not attr.is_cue_verb(tok):
                continue
            subj = attr.cue_subject(tok)
            if subj is None or subj.i in self.quoted or subj.i > tok.i:
                return None
            return tok if subj.left_edge.i == first else None
        return None

    def _teller_speaks(self, f: Found) -> None:
        """A direct quote whose cue is the ``according to`` of a report around it (``"We won," he told
        aides, according to Tom Baird``) was said by the one who told, not by the witness: the verb
        ``according to`` hangs on becomes the cue, its subject the speaker."""
        if f.kind != "direct" or f.cue is None or not attr.is_according_to(f.cue):
            return
        verb = nested_report(f.cue)
        if verb is None or verb.i < self._tok(f.end - 1):
            return
        f.cue, f.cue_end = verb, None
        f.speaker = self._speaker(verb)
        f.status = self._status(verb, f.speaker)
        f.addressee, f.addressee_backref = attr.addressee_of(verb, self.mentions)

    def _inherit(self, found: list[Found]) -> None:
        """A back-referred addressee (``telling the outlet``) takes the time of that addressee's last quote."""
        for n, f in enumerate(found):
            if f.addressee_backref and f.addressee and f.when is None:
                f.when = next((p.when for p in reversed(found[:n]) if p.addressee == f.addressee and p.when), None)

    def _quoted_words(self, f: Found) -> int:
        """How many words of the quote stand in quotation marks (its passage's)."""
        if f.passage is None:
            return 0
        m = self.marked[f.passage]
        return len(self.text[m.start : m.end].split())

    def _quote(self, n: int, f: Found) -> Quote:
        doc = self.doc
        if f.speaker.key is None and not f.speaker.unnamed:
            f.speaker.key = named_organisation(f.speaker.span, self.mentions)  # "the union said"
        cue = cue_words(f.cue) if f.cue is not None else None
        if cue is not None and f.cue_end is not None:
            cue = doc[cue.start : max(cue.end, f.cue_end)]
        sp = f.speaker.span
        return Quote(
            id=f"q{n}",
            kind=f.kind,
            span=Span(f.start, f.end, self.text[f.start : f.end]),
            speaker=f.speaker.key,
            status=f.status,
            speaker_span=Span(sp.start_char, sp.end_char, sp.text) if sp is not None else None,
            cue=Span(cue.start_char, cue.end_char, cue.text) if cue is not None else None,
            addressee=f.addressee,
            when=f.when,
            source=f.speaker.key,
            text=" ".join(self.text[s:e] for s, e in f.pieces) if f.pieces else self.text[f.start : f.end],
            confidence=NOT_A_STATEMENT if f.doubtful or self._doubt(f) else cue_prior(f, self._quoted_words(f)),
            pieces=[Span(s, e, self.text[s:e]) for s, e in f.pieces] if f.pieces and len(f.pieces) > 1 else None,
        )


# How surely a quote reports someone's words (the construction part of its confidence). By the cue:
# verbs of saying and "according to" report a statement; belief verbs ("hopes", "fears", "knows")
# an opinion the writer infers, mostly no statement; the other cue frames (stance and intent:
# "sought to", "refused to", "praised the plan") often no statement at all; a question is none.
# Some constructions outside the verbs of saying are as sure as those on PolNeAR dev gold and the
# fix sample: a source named before a colon ("Holt: ...") or signing a quote after a dash (10/10
# on dev), a poll or report that shows or finds something (22/26), a call for something (20/20
# "called for a recount"; "called on X" leaves the content to its object), and a stance cue whose
# content holds the speaker's own words in quotation marks ('called the plan "a disaster"',
# '"...," Holt barked': 36/39). By the speaker: words left without one while someone the article
# names says them (an unresolved "he") are of little use; an unnamed source ("officials said")
# is a speaker of its own.
SAYING, LEAD, DOCUMENT, CALL, QUOTED, BELIEF, STANCE, SELF = 0.9, 0.85, 0.85, 0.8, 0.8, 0.55, 0.55, 0.4
NO_SPEAKER = 0.6
FRAGMENT = 0.6
MIN_DIRECT_WORDS = 3  # fewer words in quotation marks are a fragment ("revolution", "top secret")
# words :func:`.statement.doubt` finds are no one's statement, or whose span its builder doubts
# (``Found.doubtful``: half a clause): kept, hidden by default
NOT_A_STATEMENT = 0.4
MIN_QUOTED_WORDS = 2
LATE_CUE_TOKENS = 40  # most tokens from a closing mark to the verb of the source phrase after it
HEADLINE_CAPITALS = 0.6  # share of a headline's words that open with a capital (title case)
NEXT_TO_QUOTE = 4  # most tokens from a cue verb to the quote it opens (verb, particle, comma, mark)
SINGULAR = frozenset({"he", "she", "it", "him", "her"})
INDEFINITE = frozenset({"a", "an", "one", "another", "some", "any"})
PERSON_SUFFIXES = ("man", "woman", "ist")  # "businessman", "columnist": one person
QUESTIONS = frozenset({"ask", "wonder", "question", "query", "inquire"})


def cue_prior(f: Found, quoted_words: int = 0) -> float | None:
    """The construction prior of a found quote, ``quoted_words`` of it in quotation marks;
    None (the kind's default) without a cue."""
    cue = f.cue
    if cue is None:
        return None
    if f.kind == "according_to" and nested_report(cue) is not None and _holds_quotation(f):
        # '"We won," he told aides, according to Tom Baird': the words are the teller's, a direct quote
        # of their own; the witness's copy repeats them with the narration around them
        return NOT_A_STATEMENT
    if cue.lemma_.lower() in QUESTIONS:
        prior = STANCE  # "asked Bennett about Carson's comments": a question, not a statement
    elif f.kind == "according_to" or attr.is_according_to(cue) or cue.lower_ in lexicons.load("reporting_verbs") or \
            cue.lemma_.lower() in lexicons.load("quotes/statement_nouns"):
        # "acknowledged his victory", "said it had been hard to get", a headline's 'declares
        # "revolution"': a verb of saying whose content is no clause reports a topic or a fragment
        prior = SAYING * (FRAGMENT if _fragment(f) else 1.0)
    elif (cue.text == ":" or cue.text in attr.DASHES) and not _question(f):
        # "Holt: Tariff Plan Is a Disaster", "Pollster Ada Hill: ...", '"..." ― Ada Hill'; a label
        # before a paragraph of several sentences outside quotation marks heads a section ("Ada Holt:
        # Student loans. Some big ideas ...") or runs into the next speaker's words: no headline
        prior = LEAD * (FRAGMENT if f.kind != "direct" and _several_sentences(f) and not _transcript_turn(f) else 1.0)
    elif _document_speaks(f):
        prior = DOCUMENT
    elif _call_for(cue, f):
        prior = CALL
    elif _reflexive(cue, f):
        prior = SELF  # "found himself playing defense": no one is quoted
    elif cue.lower_ in lexicons.load("quotes/belief_verbs"):
        prior = BELIEF  # "see Holt as "reckless"": an opinion, quoted or not
    elif _quoted_statement(cue, f, quoted_words):
        prior = QUOTED
    else:
        prior = STANCE
    if f.speaker.key is None and (_unresolved_person(f.speaker.span) or _authorless(f.speaker.span)
                                  or (prior == LEAD and not _lead_noun(f.speaker.span))
                                  or (f.kind == "direct" and attr.is_according_to(cue))):
        # "he joked", "the senator said": someone the article names, left unresolved; "a statement
        # said": a message whose author the sentence does not give; "VIDEO:": a label naming no one;
        # words in quotation marks "according to an interview": someone's, whom the quote does not name
        prior *= NO_SPEAKER
    return prior


def _several_sentences(f: Found) -> bool:
    """Words of more than one sentence (the content of a colon lead that is no headline)."""
    assert f.cue is not None
    content = f.cue.doc.char_span(f.start, f.end, alignment_mode="expand")
    return content is not None and len({t.sent.start for t in content if t.is_alpha}) > 1


def _transcript_turn(f: Found) -> bool:
    """A person's label in capitals (``HOLT:``): a transcript turn runs over several sentences;
    an organisation's (``UN: PEACEKEEPERS ...``) heads a news item."""
    span = f.speaker.span
    if span is None or not all(t.is_upper or not t.is_alpha for t in span):
        return False
    return f.speaker.key is not None and \
        doc_state.entities(span.doc).get(f.speaker.key, {}).get("type", "PERSON") == "PERSON"


def _authorless(span: DocSpan | None) -> bool:
    """A statement, letter or post as the source with no author found for it (``A statement posted
    online said``, ``the letter added``): the words are someone's whom the quote does not name."""
    if span is None or not len(span):
        return False
    root = attr.antecedent(span.root)
    if root.pos_ not in ("NOUN", "PROPN") or root.lemma_.lower() not in lexicons.load("quotes/authored_messages"):
        return False
    author = attr.author_of(root)
    sources = lexicons.load("quotes/unnamed_sources")
    return author is None or not (author.lemma_.lower() in sources or author.lower_ in sources)


def _lead_noun(span: DocSpan | None) -> bool:
    """A headline's source before a colon that names no entity but is a source of its own
    (``Poll:``, ``Campaign aide:``, ``Survey:``)."""
    if span is None or not len(span):
        return False
    word = span.root.lemma_.lower()
    return word in lexicons.load("quotes/lead_sources") or word in lexicons.load("quotes/unnamed_sources") or \
        attr.is_document(span.root)


def nested_report(according: Token) -> Token | None:
    """The verb of saying that an ``according to`` hangs on when that verb has a speaker of its own
    (``he told aides, according to Tom Baird``): the witness reports someone else's words."""
    verb = according.head
    if verb.i == according.i or not attr.is_cue_verb(verb):
        return None
    return verb if any(c.dep_ in ACTIVE_SUBJECTS for c in verb.children) else None


def _holds_quotation(f: Found) -> bool:
    """Whether the words of a quote hold a passage in quotation marks."""
    assert f.cue is not None
    return any(mark in f.cue.doc.text[f.start : f.end] for mark in ('"', "“", "”", "''"))


def _fragment(f: Found) -> bool:
    """Whether the words of a quote are no statement of their own: a reported clause (or mixed
    quote) with neither a subject nor an infinitive inside it ("his victory", "had been hard to
    get"; not "urged voters to wait"), or a direct quote of one or two words."""
    assert f.cue is not None
    content = f.cue.doc.char_span(f.start, f.end, alignment_mode="expand")
    if content is None or not len(content):
        return True
    if f.kind == "direct":  # "We lost." is a statement; "revolution", "Perpetual motion!" are not
        return sum(t.is_alpha for t in content) < MIN_DIRECT_WORDS and not any(
            t.dep_ in SUBJECTS and t.head.i in range(content.start, content.end) and t.head.pos_ in ("VERB", "AUX")
            for t in content)
    if f.kind not in ("indirect", "mixed"):
        return False
    inside = range(content.start, content.end)
    # an infinitive heading the content ("urged voters to wait"), not one inside a bare predicate
    # ("will continue to be 'a champion'")
    infinitive = any(t.dep_ == "aux" and t.lower_ == "to" and t.head.i in inside and t.head.head.i not in inside
                     for t in content)
    # a clause complement whose subject the parse missed ("says too much is made of it"), not a bare
    # predicate ("said had been hard to get")
    clause = content[0].pos_ not in ("AUX", "VERB") and any(
        t.dep_ == "ccomp" and t.head.i not in inside for t in content)
    subject = any(t.dep_ in (*SUBJECTS, "expl") and t.head.i in inside for t in content)
    return not (infinitive or clause or subject)


def _quoted_statement(cue: Token, f: Found, quoted_words: int) -> bool:
    """Words in quotation marks that a stance cue reports as said: a direct quote next to its verb
    ('"...," Holt barked', 'Holt shot back: "..."'), not a question, not one a colon hangs on a verb
    further back ('Holt has adopted the stance common among ...: "..."'); or a mixed quote whose cue
    takes a clause or an object with its predicate ('described the plan as "a gift to the lobby"'),
    not an intent or a call ('encouraged voters to "turn away"') and not one word in marks, which
    may be the writer's ('criticized its "reckless" vote')."""
    doc = cue.doc
    content = doc.char_span(f.start, f.end, alignment_mode="expand")
    if content is None or not len(content) or _question(f):
        return False
    if f.kind == "direct":
        return cue.i > content.start or content.start - cue.i <= NEXT_TO_QUOTE
    if f.kind != "mixed" or quoted_words < MIN_QUOTED_WORDS:
        return False
    frames = {attr.frame_of(c) for c in cue.children if c.i > cue.i}
    infinitive = any(c.dep_ in ("xcomp", "ccomp") and any(a.dep_ == "aux" and a.lower_ == "to" for a in c.children)
                     for c in cue.children)
    return bool(frames & {"that", "np2"}) and not infinitive


def _question(f: Found) -> bool:
    """Whether the words end in a question mark ("HOST: Will you run again?"): a question, not a statement."""
    assert f.cue is not None
    return f.cue.doc.text[f.start : f.end].rstrip("”’\"' ").endswith("?")


def _document_speaks(f: Found) -> bool:
    """A poll, report or record as the source ("a new poll shows", "the audit found that ...")."""
    span = f.speaker.span
    return span is not None and len(span) > 0 and attr.is_document(attr.antecedent(span.root))


def _call_for(cue: Token, f: Found) -> bool:
    """``called for`` with its object as the content (the ``for`` joins the cue)."""
    end = f.cue_end
    return cue.lemma_.lower() == "call" and end is not None and end > cue.i and cue.doc[end - 1].lower_ == "for"


def _unresolved_person(span: DocSpan | None) -> bool:
    """A speaker phrase that stands for someone the article names or the sentence leaves out: none
    at all (``saying:`` with no subject found), "he", a relative pronoun whose antecedent is no
    entity ("who said"), or one person by a descriptor ("the senator", "the New York businessman",
    a headline's "Former party chairman:"); not an unnamed source ("the official", "a spokesman")."""
    if span is None or not len(span):
        return True
    root = span.root
    if root.lower_ in SINGULAR or (len(span) == 1 and root.tag_ in {"WP", "WDT"}):
        return True
    if _shared_surname(span):
        return True  # "Lund said" with Bo and Tom Lund in the article, and nothing to decide between them
    word = root.lemma_.lower()
    if root.tag_ not in {"NN", "NNP"} or word in lexicons.load("quotes/unnamed_sources"):
        return False
    if not (word in role_nouns() or word in lexicons.load("person_nouns") or word.endswith(PERSON_SUFFIXES)):
        return False
    dets = {c.lower_ for c in root.children if c.dep_ in ("det", "poss", "nummod")}
    return not dets & INDEFINITE  # "a friend", "one aide": an unnamed source of its own


def _shared_surname(span: DocSpan) -> bool:
    """A speaker phrase that is only a surname (or ``Mr. Lund``) two people of the article bear."""
    words = [t.text for t in span if not t.is_punct and t.lower_ not in lexicons.load("person_titles")]
    if len(words) != 1:
        return False
    people = [info for info in doc_state.entities(span.doc).values() if info.get("type") == "PERSON"]
    return sum(str(info.get("name", "")).split()[-1:] == words for info in people) > 1


def _reflexive(cue: Token, f: Found) -> bool:
    first = cue.doc.char_span(f.start, f.end, alignment_mode="expand")
    return any(c.dep_ == "dobj" and c.lower_.endswith(("self", "selves")) for c in cue.children) or (
        first is not None and len(first) > 0 and first[0].lower_.endswith(("self", "selves")))
