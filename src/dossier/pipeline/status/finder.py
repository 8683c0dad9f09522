"""The status of every statement: asserted, attributed, reported, hedged, speculative,
hypothetical, negated or unknown (see ``shared/contract``).

The component ``dossier_status`` finds every *frame* of a document once: a cue (a hedge,
a negation, "according to X", a quote, "a parody video that imagined ...") and the tokens it
governs. Frames are cached on the Doc as plain values (``doc_state.status_frames``); :func:`statement_status`
then answers for any token range by looking at the frames that cover its highest token.
Every frame that leaves a statement less than plainly asserted also becomes a
:class:`~dossier.graph.Claim` in ``doc_state.section(doc, doc_state.CLAIMS)``.

Precedence when several frames cover a statement (strongest first)::

    hypothetical > negated > unknown > speculative > hedged > reported > attributed > asserted

Refinements (each tested in ``tests/test_status.py``):

* An attributed or reported statement with a hedge ("X said she may run") takes the stronger
  status (hedged) and keeps the source (X); the attribution verb is among the cues.
* A negation governed by a hedge on the same predicate ("she may not run", "appears to have
  played no part") is hedged, not negated; ``StatusInfo.negated`` still says the polarity is
  negative. A hedge higher up ("could suggest they aren't friendly") does not weaken the
  negation: the statement stays negated, the hedge is in the cues.
* "not just/only" ("didn't just start") is not a negation of the statement.
* A negation that is part of an unknown frame ("it is not clear whether", "did not say
  whether") makes the embedded question unknown, not negated.
* The source is the one of the innermost frame that names one ("According to A, B said C":
  B for C).
* Claims differ from facts in one place: a claim's text includes its negation word, so for
  claims negation ranks just above asserted ("The two did not speak, Owen said" is an
  attributed claim), while :func:`statement_status` (asked about the positive fact "spoke")
  says negated with source Owen.
* "I don't think X" (think, believe, expect, ...): X is attributed to the speaker and the fact
  in X is negated; "did not say whether/that X", "Don't write that X": X is unknown.
* Imperatives ("Don't play", "Write that ...") make no negated or attributed statement.
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator
from dataclasses import dataclass, field
from functools import cache
from itertools import pairwise
from typing import Any

from spacy.language import Language
from spacy.tokens import Doc, Token

from ...graph import Claim, Span
from .. import doc_state, lexicons
from ..component import DossierComponent
from ..syntax import anchor, clause_head, depth, edges, governed, has_subject, sentence_ids, subject_of

PRECEDENCE: tuple[str, ...] = (
    "hypothetical", "negated", "unknown", "speculative", "hedged", "reported", "attributed", "asserted",
)
RANK = {s: i for i, s in enumerate(PRECEDENCE)}
# A claim is a statement *with* its negation ("The two did not speak, Owen said"): how the article
# presents it (attributed) outranks its polarity, which only wins in the article's own voice.
CLAIM_PRECEDENCE: tuple[str, ...] = (
    "hypothetical", "unknown", "speculative", "hedged", "reported", "attributed", "negated", "asserted",
)
CLAIM_RANK = {s: i for i, s in enumerate(CLAIM_PRECEDENCE)}
ASSERTED = "asserted"
# Claims need some content: a fiction noun alone ("earlier parodies") is not a statement.
MIN_CLAIM_TOKENS = 5
# A participle or subordinate verb takes the subject of the clause it hangs from ("..., adding").
STATUS_BORROW = frozenset({"advcl", "xcomp", "conj", "pcomp", "acl"})
CONTENT_DEPS = frozenset({"ccomp", "xcomp", "csubj", "csubjpass"})
QUESTION_DEPS = frozenset({"ccomp", "xcomp", "csubj", "csubjpass", "advcl", "dobj", "pcomp", "acomp"})
MODAL_PRECEDERS = frozenset({"in", "of", "on", "since", "until", "by", "from", "through", "early", "late", "mid",
                             "last", "next", "this", "that", "before", "after", "during"})


@dataclass(frozen=True)
class StatusInfo:
    """The status governing a statement, who it is attributed to, and the cues that decided it."""

    status: str = ASSERTED
    source: str | None = None
    cues: tuple[str, ...] = ()
    negated: bool = False  # the statement's own polarity is negative (even when hedged)

    @property
    def negative(self) -> bool:
        """Denied, or negative in its own polarity under another status (``may not have met``)."""
        return self.negated or self.status == "negated"


@dataclass
class Frame:
    """One cue and the tokens it governs (``scope``); ``span`` is the claim's token range."""

    status: str
    cues: list[str]
    cue_i: list[int]
    scope: list[int]
    span: tuple[int, int] | None
    source: str | None = None
    negation: bool = False
    claim: bool = True
    quote: bool = False
    extra: dict[str, Any] = field(default_factory=dict)

    def plain(self) -> dict[str, Any]:
        return {
            "status": self.status, "cues": list(self.cues), "cue_i": list(self.cue_i), "scope": list(self.scope),
            "span": list(self.span) if self.span else None, "source": self.source, "negation": self.negation,
            "claim": self.claim, "quote": self.quote,
        }


# --------------------------------------------------------------------------- lexicons


@cache
def _words(name: str) -> frozenset[str]:
    return lexicons.load(f"status/{name}")


@cache
def _phrases(name: str) -> tuple[tuple[str, ...], ...]:
    return tuple(tuple(p.lower().split()) for p in lexicons.lines(f"status/{name}"))


@cache
def _attribution_verbs() -> dict[str, str]:
    out: dict[str, str] = {}
    for line in lexicons.lines("status/attribution_verbs"):
        parts = line.lower().split()
        out[parts[0]] = parts[1] if len(parts) > 1 else "attributed"
    return out


def _lemma(tok: Token) -> str:
    return tok.lemma_.lower()


# --------------------------------------------------------------------------- imagined scenes

SUPPOSITION = "suppose"  # a supposition verb, kept apart from the imagination verbs (see hypothetical())


def imagining_word(tok: Token) -> bool:
    """An imagination verb (``imagine``, ``pretend``, ...; ``status/scene_verbs``) or ``suppose``, in any form."""
    words = _words("imagination_verbs") | _words("scene_verbs") | {SUPPOSITION}
    return tok.lower_ in words or _lemma(tok) in words


def fiction_word(tok: Token, lemma: bool = True) -> bool:
    """A fiction word (``parody``, ``sketch``, ``deepfake``, ...; ``status/scene_nouns``): by its lemma,
    else as written."""
    return (_lemma(tok) if lemma else tok.lower_) in _words("fiction_words") | _words("scene_nouns")


def imagined_scene(toks: Iterable[Token]) -> bool:
    """True when a fact sits in an imagined scene: under an imagination verb, in a clause about a
    fiction (``a sketch that ...``), under ``if``, in a ``what if`` sentence or a ``would have``.

    The facts' guard beside :func:`statement_status`: the worst error is a parody turned into a fact.
    """
    for tok in toks:
        words = [t.lower_ for t in tok.sent]
        if any(a == "what" and b == "if" for a, b in pairwise(words)):
            return True
        for anc in tok.ancestors:
            if imagining_word(anc):
                return True
            if anc.dep_ in {"relcl", "acl"} and fiction_word(anc.head):
                return True
            if anc.dep_ == "advcl" and any(c.lower_ == "if" for c in anc.children):
                return True
        if any(c.lower_ == "would" for c in tok.head.children) and any(c.lower_ == "have" for c in tok.head.children):
            return True  # "would have ...": counterfactual
    return False


def _match(doc: Doc, i: int, phrase: tuple[str, ...]) -> bool:
    return i + len(phrase) <= len(doc) and all(doc[i + k].lower_ == w for k, w in enumerate(phrase))


def _title_forms(word: str) -> set[str]:
    """Crude inflections of a lower-cased headline word (headline parses are unreliable)."""
    forms = {word}
    for suffix in ("s", "es", "ed", "d", "ing"):
        if word.endswith(suffix) and len(word) > len(suffix) + 2:
            forms.add(word[: -len(suffix)])
    if word.endswith("ied"):
        forms.add(word[:-3] + "y")
    return forms


# --------------------------------------------------------------------------- frame finding


class _Finder:
    """Finds the frames of one document (the ``match`` half of the component)."""

    def __init__(self, doc: Doc) -> None:
        self.doc = doc
        title_len = doc_state.title_len(doc)
        self.title_end = 0
        if title_len:
            self.title_end = next((t.i for t in doc if t.idx >= title_len), len(doc))
        self.keys: dict[int, str] = {i: span.kb_id_ for i, span in doc_state.mention_index(doc).items()}
        # A name the entity component missed ("Okoro hinted") still finds its entity by its words.
        self.names: dict[str, str | None] = {}
        for span in doc_state.mentions(doc):
            if span.kb_id_ and span.label_ in ("PERSON", "ORG", "OUTLET", "GROUP", "GPE", "NORP"):
                for text in {span.text.lower(), span[-1].text.lower()}:
                    known = self.names.get(text, span.kb_id_)
                    self.names[text] = span.kb_id_ if known == span.kb_id_ else None
        self.frames: list[Frame] = []
        self.used_neg: set[int] = set()

    # -- helpers

    def add(self, status: str, cues: list[Token], scope: list[int], span_ids: list[int] | None = None,
            **kw: Any) -> Frame:
        span = edges(self.doc, span_ids if span_ids is not None else scope)
        frame = Frame(status, _cue_texts(cues), [t.i for t in cues], scope, span, **kw)
        self.frames.append(frame)
        return frame

    def source_of(self, tok: Token | None) -> tuple[str | None, bool]:
        """(entity key, unnamed?) of a subject or ``according to`` object."""
        if tok is None:
            return None, False
        if tok.i in self.keys:
            return self.keys[tok.i], False
        for child in tok.children:
            if child.dep_ == "appos" and child.i in self.keys:  # "A spokeswoman, Lorna Beaumont, said"
                return self.keys[child.i], False
        if tok.text[:1].isupper() and self.names.get(tok.lower_):
            return self.names[tok.lower_], False
        return None, _lemma(tok) in _words("unnamed_sources")

    def subject(self, verb: Token) -> Token | None:
        """The subject of a verb, borrowed from the governing clause for participles ("..., adding")."""
        return subject_of(verb, borrow=STATUS_BORROW, steps=4)

    def in_title(self, tok: Token) -> bool:
        return tok.i < self.title_end

    # -- the whole document

    def run(self) -> list[Frame]:
        doc = self.doc
        if self.title_end:
            self.title()
        for tok in doc[self.title_end:]:
            self.unknown(tok)
        for sent in doc[self.title_end:].sents:  # type: ignore[attr-defined]  # in spaCy, not in its stubs
            self.question(sent)
        for tok in doc[self.title_end:]:
            self.hypothetical(tok)
            self.speculative(tok)
            self.hedged(tok)
            self.reported(tok)
            self.attributed(tok)
            self.negated(tok)
        self.quotes()
        return self.frames

    # -- title: headline parses are unreliable, so a cue covers the whole headline

    def title(self) -> None:
        doc = self.doc
        toks = [t for t in doc[: self.title_end] if not t.is_space]
        if not toks:
            return
        words = [t.lower_ for t in toks]
        found: list[tuple[str, Token]] = []
        for k, t in enumerate(toks):
            forms = _title_forms(t.lower_)
            nxt = words[k + 1] if k + 1 < len(words) else ""
            prev = words[k - 1] if k else ""
            if any(tuple(words[k:k + len(p)]) == p for p in _phrases("title_hypothetical")):
                found.append(("hypothetical", t))
            elif forms & _words("unknown_words"):
                found.append(("unknown", t))
            elif forms & (_words("speculation") - {"possible", "conceivable", "plausible"}):
                found.append(("speculative", t))
            elif t.lower_ in _words("negations") and t.lower_ not in ("no", "neither", "nor", "none"):
                found.append(("negated", t))
            elif (t.lower_ in lexicons.load("status/modals") and prev not in MODAL_PRECEDERS
                  and not nxt.isdigit()) or forms & _words("hedges"):
                found.append(("hedged", t))
            elif forms & _words("reported_words"):
                found.append(("reported", t))
        if not found:
            return
        status = min((s for s, _ in found), key=RANK.__getitem__)
        ids = list(range(toks[0].i, toks[-1].i + 1))
        self.add(status, [t for _, t in found], ids, negation=status == "negated")

    # -- unknown: "it is unclear whether", "remains to be seen", "did not say whether"

    def unknown(self, tok: Token) -> None:
        lemma = _lemma(tok)
        if lemma in _words("unknown_words") and (tok.dep_ in ("acomp", "attr", "oprd", "ROOT", "conj")
                                                 or any(c.dep_ in CONTENT_DEPS for c in tok.children)):
            top = tok.head if tok.dep_ in ("acomp", "attr", "oprd") else tok
            ids = governed(top)
            first = self.doc[tok.sent.start]
            if first.lower_ == "whether":  # "Whether X still holds it is unclear; ..."
                stop = next((t.i for t in self.doc[first.i:tok.i] if t.text == ";"), None)
                if stop is None:
                    ids = sorted(set(ids) | set(range(first.i, tok.i + 1)))
            self.add("unknown", [tok], ids)
            return
        if lemma == "see" and _lemma(tok.head) == "remain" and any(c.lower_ == "to" for c in tok.children):
            self.add("unknown", [tok.head, tok], governed(tok.head))
            return
        if tok.dep_ == "neg" or (tok.dep_ in ("nsubj", "nsubjpass") and _negative_word(tok)):
            pred = tok.head
            target = pred
            for child in pred.children:
                if child.dep_ in ("acomp", "attr") and _lemma(child) in _words("unknown_negated"):
                    target = child
            if _lemma(target) not in _words("unknown_negated"):
                return
            if target is pred and _lemma(pred) not in ("know", "clear") and not _asks(pred):
                return
            expl = any(c.dep_ == "expl" for c in pred.children)
            if (_lemma(target) == "clear" or _asks(pred) or _asks(target)
                    or (_lemma(target) in ("known", "know") and expl)):
                self.used_neg.add(tok.i)
                self.add("unknown", [tok, target], governed(pred))

    def question(self, sent: Any) -> None:
        """A sentence the writer asks (``Has Holt called for a recount?``) asserts nothing: unknown.
        A question inside quotation marks (the mark is the last token) is the speaker's: left to the quote."""
        toks = [t for t in sent if not t.is_space]
        if len(toks) < 3 or toks[-1].text != "?":
            return
        if sent.root.is_punct:
            return
        self.add("unknown", [toks[-1]], governed(sent.root, keep_advcl=True))

    # -- hypothetical: fiction words, imagined worlds, "what if", counterfactuals

    def hypothetical(self, tok: Token) -> None:
        doc = self.doc
        lemma, low = _lemma(tok), tok.lower_
        if (lemma in _words("fiction_words") or low in _words("fiction_words")) and (
            tok.pos_ != "VERB" or tok.dep_ == "amod"
        ):
            if tok.dep_ in ("amod", "compound", "nmod") and tok.head.pos_ in ("NOUN", "PROPN"):
                noun = tok.head
            elif tok.pos_ in ("NOUN", "PROPN"):
                noun = tok
            else:
                noun = clause_head(tok)
            if noun.dep_ == "pobj" and noun.head.lower_ == "in":
                # "In a parody video, X says ...": the fiction is the setting of the whole clause
                self.add("hypothetical", [tok], self._setting_ids(noun.head))
                return
            ids = [t.i for t in noun.subtree] if noun.pos_ in ("NOUN", "PROPN") else governed(noun, keep_advcl=True)
            self.add("hypothetical", [tok], ids, claim=_contentful(doc, ids))
            return
        if self._imagined_opening(tok):
            # "Imagine X saying ...", "Say the port closed ...", "Let's say ...": the sentence is a supposition
            self.add("hypothetical", [tok], [t.i for t in tok.sent if t.i >= tok.i])
            return
        if lemma in _words("imagination_verbs") and tok.pos_ == "VERB":
            if any(c.dep_ == "xcomp" and any(g.lower_ == "to" for g in c.children) for c in tok.children):
                return  # "dreamed to" / planning senses
            ids = [t.i for c in tok.children if c.dep_ in ("ccomp", "xcomp", "dobj", "attr", "oprd", "prep")
                   for t in c.subtree]
            if ids:
                self.add("hypothetical", [tok], ids, span_ids=[tok.i, *ids])
            return
        if lemma == SUPPOSITION and tok.pos_ == "VERB" and not any(
                c.dep_ in ("auxpass", "xcomp") for c in tok.children):
            subj = [c for c in tok.children if c.dep_ == "nsubj"]
            if not subj or subj[0].lower_ in ("we", "let", "'s", "us"):
                ids = [t.i for c in tok.children if c.dep_ == "ccomp" for t in c.subtree]
                if ids:
                    self.add("hypothetical", [tok], ids, span_ids=[tok.i, *ids])
            return
        if low == "what" and tok.i + 1 < len(doc) and doc[tok.i + 1].lower_ == "if":
            end = tok.sent.end
            self.add("hypothetical", [tok, doc[tok.i + 1]], list(range(tok.i, end)))
            return
        if low == "in":
            for phrase in _phrases("fiction_frames"):
                if _match(doc, tok.i, phrase):
                    self.add("hypothetical", list(doc[tok.i:tok.i + len(phrase)]), self._setting_ids(tok))
                    return
        if low in ("if", "unless") and tok.dep_ == "mark" and tok.head.dep_ == "advcl":
            if tok.i > 0 and doc[tok.i - 1].lower_ == "what":
                return
            self.conditional(tok, tok.head)
            return
        if low in ("would", "'d") and tok.dep_ == "aux":
            verb = tok.head
            if verb.tag_ == "VBN" and any(c.lower_ in ("have", "'ve") and c.dep_ == "aux" for c in verb.children):
                self.add("hypothetical", [tok, *[c for c in verb.children if c.lower_ in ("have", "'ve")]],
                         governed(verb, keep_advcl=True))

    def _setting_ids(self, prep: Token) -> list[int]:
        """What an imagined setting (``in the sketch``) covers: the whole sentence when it is fronted
        ("In the sketch, A ..., then B ..."), else the clause it hangs on."""
        host = clause_head(prep.head) if prep.head.i != prep.i else prep
        fronted = all(t.is_punct or t.is_space for t in self.doc[prep.sent.start:prep.i])
        return sentence_ids(prep) if fronted or host.i == prep.i else governed(host, keep_advcl=True)

    @staticmethod
    def _imagined_opening(tok: Token) -> bool:
        """A sentence opening with a bare imagination verb or ``say``: ``Imagine ...``, ``Picture ...``,
        ``Say the port closed ...``, ``Let's say ...`` (not "Say, Holt said" or "Imagine!"); a bare
        ``Suppose`` is handled with its other uses."""
        word = tok.lower_
        if tok.tag_ not in ("VB", "VBP") or not (word in _words("imagination_verbs") or word in ("picture", "say")):
            return False
        sent = tok.sent
        if tok.i + 1 >= sent.end or tok.i - sent.start > 4 or tok.doc[tok.i + 1].is_punct:
            return False
        lead = [t.lower_ for t in tok.doc[sent.start : tok.i] if not (t.is_punct or t.is_space)]
        if lead not in ([], ["let", "'s"], ["let", "’s"], ["let", "us"], ["but"], ["now"], ["just"]):
            return False
        return word != "say" or bool(lead) or any(c.dep_ == "ccomp" for c in tok.children)

    def conditional(self, mark: Token, antecedent: Token) -> None:
        """An if-clause is not asserted; an irrealis consequent ("would", "had won ...") is hypothetical."""
        self.add("hypothetical", [mark], [t.i for t in antecedent.subtree])
        past_perfect = any(c.lower_ == "had" and c.dep_ == "aux" for c in antecedent.children)
        subjunctive = any(c.lower_ == "were" for c in antecedent.children) or antecedent.lower_ == "were"
        past = antecedent.tag_ in ("VBD", "VBN") or past_perfect
        main = antecedent.head
        consequents = [main]
        source = None
        if _lemma(main) in _attribution_verbs():
            consequents = [c for c in main.children if c.dep_ == "ccomp"] or [main]
            source, _ = self.source_of(self.subject(main))
        self.frames[-1].source = source
        for cons in consequents:
            modals = [c for c in cons.children if c.dep_ == "aux" and c.lower_ in ("would", "'d", "could", "might")]
            would = [m for m in modals if m.lower_ in ("would", "'d")]
            if would or (modals and (past or subjunctive)) or past_perfect:
                self.add("hypothetical", [mark, *modals], governed(cons, keep_advcl=True), source=source)

    # -- speculative: "it's possible that", "supporters speculate", "perhaps", rumours

    def speculative(self, tok: Token) -> None:
        lemma = _lemma(tok)
        if lemma not in _words("speculation") or tok.dep_ == "neg":
            return
        if tok.pos_ == "VERB":
            subj, _ = self.source_of(self.subject(tok))
            self.add("speculative", [tok], governed(tok), source=subj)
        elif tok.pos_ in ("NOUN", "PROPN"):
            ids = [t.i for t in tok.subtree]
            self.add("speculative", [tok], ids, claim=_contentful(self.doc, ids))
        elif tok.pos_ == "ADJ":
            if tok.dep_ in ("acomp", "attr", "oprd"):
                self.add("speculative", [tok], governed(tok.head))
            elif tok.dep_ == "amod":
                ids = [t.i for t in tok.head.subtree]
                self.add("speculative", [tok], ids, claim=_contentful(self.doc, ids))
        elif tok.pos_ == "ADV":
            self.adverb("speculative", tok)

    # -- hedged: "may have", "appears to", "seems", "likely", "apparently"

    def hedged(self, tok: Token) -> None:
        if tok.dep_ == "aux" and tok.lower_ in lexicons.load("status/modals"):
            verb = tok.head
            if _in_question(verb):
                return  # "deciding what information could be useful": a question, not a hedge
            if tok.lower_ == "could" and (
                any(c.dep_ == "neg" for c in verb.children)
                or (verb.dep_ == "advcl" and any(c.dep_ == "mark" or c.pos_ == "SCONJ" or c.tag_ == "WRB"
                                                 for c in verb.children))
            ):
                return  # "could not attend", "whenever we could": ability, not a hedge
            self.add("hedged", [tok], governed(verb))
            return
        lemma = _lemma(tok)
        if lemma not in _words("hedges"):
            return
        if tok.pos_ in ("VERB", "AUX"):
            if any(c.dep_ in ("xcomp", "ccomp", "acomp", "attr", "oprd") and c.i > tok.i for c in tok.children):
                # content follows "appears"/"seems"; a clause before it is the parser's mistake
                left = [c.i for c in tok.children if c.dep_ in ("ccomp", "advcl") and c.i < tok.i]
                self.add("hedged", [tok], governed(tok, skip=left))
        elif tok.pos_ == "ADV":
            self.adverb("hedged", tok)
        elif tok.pos_ == "ADJ" and tok.dep_ in ("acomp", "attr", "oprd", "ROOT"):
            self.add("hedged", [tok], governed(tok.head if tok.dep_ != "ROOT" else tok))

    def adverb(self, status: str, tok: Token) -> None:
        """A sentence adverb governs its clause; one that modifies a phrase ("seemingly 27 plans") only that."""
        head = tok.head
        if head.pos_ in ("VERB", "AUX") or head.i == tok.i:
            self.add(status, [tok], governed(clause_head(head)))
        else:
            ids = [t.i for t in head.subtree]
            self.add(status, [tok], ids, claim=False)

    # -- reported: "reportedly", "is said to", unnamed sources

    def reported(self, tok: Token) -> None:
        lemma = _lemma(tok)
        if lemma in _words("reported_words") or tok.lower_ in _words("reported_words"):
            self.add("reported", [tok], governed(clause_head(tok.head), keep_advcl=True))
            return
        if lemma in _words("reported_passives") and tok.pos_ == "VERB":
            passive = any(c.dep_ == "auxpass" for c in tok.children)
            if not passive:
                return
            status = "speculative" if lemma in ("rumor", "rumour") else "reported"
            if any(c.dep_ == "xcomp" for c in tok.children):
                self.add(status, [tok], governed(tok, keep_advcl=True))
            elif any(c.dep_ == "expl" for c in tok.children):
                ids = [t.i for c in tok.children if c.dep_ in ("ccomp", "csubjpass") for t in c.subtree]
                if ids:
                    self.add(status, [tok], ids)

    # -- attributed: "X said (that) ...", "..., X said", "according to X"

    def attributed(self, tok: Token) -> None:
        doc = self.doc
        if tok.lower_ == "according" and tok.i + 1 < len(doc) and doc[tok.i + 1].lower_ == "to":
            to = doc[tok.i + 1]
            obj = next((c for c in to.children if c.dep_ == "pobj"), None)
            key, unnamed = self.source_of(obj)
            host = clause_head(tok.head) if tok.head.i != tok.i else None
            skip = [tok.i] if host is not None else []
            ids = governed(host, keep_advcl=True, skip=skip) if host is not None else sentence_ids(tok)
            ids = [i for i in ids if not tok.left_edge.i <= i <= tok.right_edge.i]
            status = "reported" if unnamed else "attributed"
            self.add(status, [tok, to], ids, source=key)
            return
        if tok.pos_ != "VERB":
            return
        kinds = _attribution_verbs()
        lemma = _lemma(tok)
        if lemma not in kinds:
            return
        content = [c for c in tok.children if c.dep_ == "ccomp"]
        denied = any(c.dep_ == "neg" for c in tok.children) or (
            tok.dep_ == "xcomp" and _lemma(tok.head) in _words("negative_verbs"))
        if denied and lemma in _words("neg_raising") and content:
            # "I don't think X": the speaker holds not-X (attributed; the fact itself is negated)
            key, _ = self.source_of(self.subject(tok))
            neg = [c for c in tok.children if c.dep_ == "neg"]
            for c in content:
                self.add("negated", neg, _negation_scope(c), negation=True, claim=False)
            self.add("attributed", [tok], sorted(t.i for c in content for t in c.subtree), source=key)
            return
        if denied:
            # "did not say that X", "Don't write that X": nobody asserts X
            ids = sorted(t.i for c in content for t in c.subtree)
            if ids and not _asks(tok):
                self.add("unknown", [tok], ids)
            return
        if content and _imperative(tok):
            return  # an imperative ("Write that we are sisters") attributes nothing
        if content:
            ids = sorted(t.i for c in content for t in c.subtree)
            if not any(has_subject(c) for c in content):
                # "The professor, she told the Lantern, was Achterberg": the fronted subject belongs in
                ids = sorted(ids + [t.i for c in tok.children if c.dep_ in ("npadvmod", "dep") and c.i < tok.i
                                    for t in c.subtree])
        elif tok.i > tok.head.i and tok.dep_ in ("parataxis", "ccomp", "conj") and _inverted(tok):
            host = tok.head
            ids = [i for i in governed(host, keep_advcl=True) if not tok.left_edge.i <= i <= tok.right_edge.i]
        else:
            return
        if not ids:
            return
        key, unnamed = self.source_of(self.subject(tok))
        status = kinds[lemma]
        if status == "attributed" and unnamed:
            status = "reported"
        self.add(status, [tok], ids, source=key)

    # -- negated: "never", "did not endorse", "no part", "declined to", "denied that"

    def negated(self, tok: Token) -> None:
        if tok.i in self.used_neg:
            return
        pred: Token | None = None
        cue = [tok]
        low = tok.lower_
        if tok.dep_ == "neg":
            pred = tok.head
            if pred.pos_ in ("NOUN", "PRON", "DET", "NUM", "PROPN", "ADV"):
                return  # "not everyone", "not only", "not yet": the clause itself is not denied
            if not has_subject(pred) and not any(c.dep_ in ("aux", "auxpass") for c in pred.children) \
                    and pred.dep_ in ("appos", "npadvmod", "conj", "dep", "attr", "dobj", "pobj", "nsubj"):
                return  # contrastive "staffing, not pay, was ..."
            nxt = self.doc[tok.i + 1] if tok.i + 1 < len(self.doc) else None
            if nxt is not None and nxt.lower_ in _words("not_only_words"):
                return
            if _lemma(pred) in _words("neg_raising") and any(c.dep_ == "ccomp" for c in pred.children):
                return  # moved into the complement by the attribution frame
        elif low in _words("negations") and tok.dep_ == "det" and tok.head.dep_ in (
            "dobj", "attr", "nsubj", "nsubjpass", "oprd",
        ):
            if _lemma(tok.head) in _words("negation_idioms"):
                return
            pred = tok.head.head
        elif _negative_word(tok) and tok.dep_ in ("nsubj", "nsubjpass", "dobj", "attr"):
            pred = tok.head
        elif _lemma(tok) in _words("negative_verbs") and tok.pos_ == "VERB":
            comps = [c for c in tok.children if c.dep_ in ("xcomp", "ccomp", "pcomp")]
            if not comps:
                return
            for comp in comps:
                if _lemma(comp) in _words("unknown_negated") and _asks(comp):
                    self.add("unknown", [tok, comp], governed(tok))
                    continue
                source = None
                if _lemma(tok) == "deny":
                    source, _ = self.source_of(self.subject(tok))
                hedge = _hedged_predicate(comp)
                self.add("hedged" if hedge else "negated", [tok], _negation_scope(comp),
                         span_ids=governed(tok), source=source, negation=True)
            return
        if pred is None or pred.pos_ not in ("VERB", "AUX", "ADJ"):
            return
        if _imperative(pred):
            return  # "Don't play": an instruction, not a statement
        status = "hedged" if _hedged_predicate(pred) else "negated"
        before = [c.i for c in pred.children if c.dep_ in ("ccomp", "parataxis") and c.i < pred.i]
        self.add(status, cue, _negation_scope(pred), span_ids=governed(pred, skip=before), negation=True)

    # -- quotes written by the quotes component

    def quotes(self) -> None:
        doc = self.doc
        text = doc.text  # rebuilt by spaCy on each access: once per pass, not once per quote
        for q in doc_state.section(doc, doc_state.QUOTES):
            # A split quote's hull also covers its cue and speaker ("..., said Ada Ortiz, the mayor, ..."):
            # only its pieces are the speaker's words, so the writer's description of her stays asserted.
            ids: list[int] = []
            for piece in q.pieces or [q.span]:
                cs = doc.char_span(piece.start, piece.end, alignment_mode="expand")
                if cs is not None:
                    ids.extend(range(cs.start, cs.end))
            if not ids:
                continue
            cue_span = q.cue
            cue_text = text[cue_span.start:cue_span.end] if cue_span else "quote"
            status = "reported" if q.status == "reported" else "attributed"
            speaker = q.speaker or q.source
            self.frames.append(Frame(status, [cue_text], [], ids, edges(doc, ids), source=speaker, quote=True))


def _cue_texts(cues: list[Token]) -> list[str]:
    """Cue words as written, adjacent ones joined into one phrase ("According to")."""
    out: list[str] = []
    last = -2
    for tok in sorted(cues, key=lambda t: t.i):
        if tok.i == last + 1 and out:
            out[-1] = out[-1] + tok.doc[tok.i - 1].whitespace_ + tok.text
        else:
            out.append(tok.text)
        last = tok.i
    return out


def _negative_word(tok: Token) -> bool:
    """'nobody', 'nothing', 'none', 'neither', 'no one' as an argument."""
    low = tok.lower_
    if low in ("nobody", "nothing", "none", "neither"):
        return True
    return low == "one" and any(c.lower_ == "no" for c in tok.children)


def _asks(tok: Token) -> bool:
    """The token governs an embedded question ("whether he will run", "what she advised")."""
    words = _words("question_words")
    return any(child.dep_ in QUESTION_DEPS and child.left_edge.lower_ in words for child in tok.children)


def _imperative(verb: Token) -> bool:
    """A bare verb without subject that opens its clause: "Don't play", "Write that ..."."""
    if verb.tag_ != "VB" or has_subject(verb) or verb.dep_ not in ("ROOT", "conj"):
        return False
    return not any(c.dep_ == "aux" and c.lower_ not in ("do", "don", "'t", "n't") for c in verb.children)


def _in_question(verb: Token) -> bool:
    """The verb heads an embedded question ("what information could be useful")."""
    return verb.dep_ in ("ccomp", "csubj", "pcomp", "xcomp") and verb.left_edge.lower_ in _words("question_words") \
        and verb.left_edge.lower_ not in ("if", "whether")


def _inverted(verb: Token) -> bool:
    """"..., the Journal reported.": the attribution follows its content, after a comma, and ends the sentence."""
    if not any(c.dep_ in ("nsubj", "nsubjpass") for c in verb.children):
        return False
    if any(c.dep_ in ("ccomp", "dobj", "mark", "xcomp") for c in verb.children):
        return False
    doc = verb.doc
    before = verb.left_edge.i - 1
    if before < 0 or doc[before].text not in (",", '"', "\u201d", "'"):
        return False
    rest = doc[verb.right_edge.i + 1:verb.sent.end]
    return all(t.is_punct or t.is_space for t in rest)


def _hedged_predicate(pred: Token) -> bool:
    """The negated predicate carries its own hedge: "may not run", "appears to have played no part"."""
    modals = lexicons.load("status/modals") - {"could"}
    if any(c.dep_ == "aux" and c.lower_ in modals for c in pred.children):
        return True
    return pred.dep_ == "xcomp" and _lemma(pred.head) in _words("hedges")


def _negation_scope(pred: Token) -> list[int]:
    """A negation denies its predicate and complements, not the subject or embedded clauses."""
    skip = [c.i for c in pred.children if c.dep_ in ("ccomp", "csubj", "relcl")]
    return governed(pred, keep_subject=False, keep_relcl=False, skip=skip)


def _contentful(doc: Doc, ids: list[int]) -> bool:
    """Enough of a statement to list as a claim (a verb inside, or several words)."""
    return len(ids) >= MIN_CLAIM_TOKENS or any(doc[i].pos_ == "VERB" for i in ids)


# --------------------------------------------------------------------------- cache and API


def frames(doc: Doc) -> dict[str, Any]:
    """The document's frames and per-token index, computed once and cached as plain values."""
    cached = doc_state.status_frames(doc)
    if cached is not None and cached.get("n") == len(doc):
        return cached
    found = _Finder(doc).run()
    by_token: list[list[int]] = [[] for _ in range(len(doc))]
    for fid, frame in enumerate(found):
        for i in frame.scope:
            if 0 <= i < len(doc):
                by_token[i].append(fid)
    cached = {"n": len(doc), "frames": [f.plain() for f in found], "by_token": by_token}
    doc_state.set_status_frames(doc, cached)
    return cached


def _combine(plain: list[dict[str, Any]], rank: dict[str, int] = RANK) -> StatusInfo:
    if not plain:
        return StatusInfo()
    status = min((f["status"] for f in plain), key=rank.__getitem__)
    with_source = [f for f in plain if f["source"]]
    source = None
    if with_source:
        best = min(with_source, key=lambda f: (len(f["scope"]), not f["quote"]))
        source = best["source"]
    cues: list[str] = []
    for f in sorted(plain, key=lambda f: f["cue_i"][0] if f["cue_i"] else -1):
        for c in f["cues"]:
            if c not in cues:
                cues.append(c)
    negated = any(f["negation"] for f in plain)
    return StatusInfo(status, source, tuple(cues), negated)


def statement_status(doc: Doc, start_tok: int, end_tok: int) -> StatusInfo:
    """The status governing the statement in tokens ``[start_tok, end_tok)``.

    Looks at the frames covering the range's highest token (its head in the parse): pass
    the tokens of the fact's predicate (and, if you like, its arguments), not the whole
    sentence, so that a hedge in a sibling clause does not leak in.
    """
    if not len(doc):
        return StatusInfo()
    start_tok = max(0, min(start_tok, len(doc) - 1))
    end_tok = max(start_tok + 1, min(end_tok, len(doc)))
    cached = frames(doc)
    top = anchor(doc, start_tok, end_tok)
    return _combine([cached["frames"][fid] for fid in cached["by_token"][top.i]])


def char_status(doc: Doc, start_char: int, end_char: int) -> StatusInfo:
    """:func:`statement_status` for a character range of ``doc.text``."""
    span = doc.char_span(start_char, end_char, alignment_mode="expand")
    if span is None or not len(span):
        return StatusInfo()
    return statement_status(doc, span.start, span.end)


# --------------------------------------------------------------------------- claims


def find_claims(doc: Doc, asserted: bool = True) -> list[Claim]:
    """Every statement the document does not plainly assert, one claim per governing frame.

    With ``asserted``, each sentence's main clause that no frame touches is listed too, as asserted.
    """
    cached = frames(doc)
    table = cached["frames"]
    found: list[tuple[int, int, StatusInfo]] = []
    for frame in table:
        if not frame["claim"] or not frame["span"] or not frame["scope"]:
            continue
        s, e = frame["span"]
        words = [doc[i] for i in frame["scope"] if not doc[i].is_punct] or [doc[i] for i in frame["scope"]]
        top = min(words, key=lambda t: (depth(t), t.i))
        info = _combine([table[fid] for fid in cached["by_token"][top.i]], CLAIM_RANK)
        if info.status != ASSERTED:
            found.append((s, e, info))
    kept = _adjacent(doc, _nested(found))
    if asserted:
        kept += _asserted(doc, cached)
    claims = []
    for s, e, info in sorted(kept, key=lambda x: (x[0], x[1])):
        span = doc[s:e]
        claims.append(Claim(Span(span.start_char, span.end_char, span.text), info.status,  # type: ignore[arg-type]
                            list(info.cues), info.source))
    return claims


Found = list[tuple[int, int, StatusInfo]]


def _merge(a: StatusInfo, b: StatusInfo) -> StatusInfo:
    return StatusInfo(a.status, a.source, tuple(dict.fromkeys(a.cues + b.cues)), a.negated or b.negated)


def _nested(found: Found) -> Found:
    """A claim inside a longer one with the same status and source is folded into it (cues kept)."""
    kept: Found = []
    for s, e, info in sorted(found, key=lambda x: (x[0] - x[1], x[0])):
        k = next((n for n, o in enumerate(kept) if o[0] <= s and e <= o[1] and o[2].status == info.status
                  and o[2].source == info.source), None)
        if k is None:
            kept.append((s, e, info))
        else:
            kept[k] = (kept[k][0], kept[k][1], _merge(kept[k][2], info))
    return kept


def _adjacent(doc: Doc, found: Found) -> Found:
    """Coordinated clauses with one status ("A would have ..., and B would have ...") make one claim."""
    out: Found = []
    for s, e, info in sorted(found, key=lambda x: (x[0], x[1])):
        if out:
            ps, pe, pinfo = out[-1]
            gap = doc[pe:s]
            if (pinfo.status == info.status and pinfo.source == info.source and s >= pe
                    and doc[ps].sent.start == doc[s].sent.start
                    and all(t.is_punct or t.is_space or t.dep_ == "cc" for t in gap) and gap.text.strip(" ") != ";"):
                out[-1] = (ps, max(pe, e), _merge(pinfo, info))
                continue
        out.append((s, e, info))
    return out


def _asserted(doc: Doc, cached: dict[str, Any]) -> Found:
    """The main clauses (sentence roots and coordinated clauses) that no frame covers."""
    out: Found = []
    for sent in doc.sents:
        root = sent.root
        heads = [root, *[c for c in root.children if c.dep_ == "conj" and has_subject(c)]]
        for head in heads:
            if cached["by_token"][head.i]:
                continue
            if head.pos_ in ("VERB", "AUX"):
                span = edges(doc, governed(head, keep_advcl=True))
            elif head is root and any(t.pos_ == "VERB" for t in sent):  # a misparsed root ("Freight ... named")
                span = edges(doc, list(range(sent.start, sent.end)))
            else:
                continue
            if span:
                out.append((span[0], span[1], StatusInfo()))
    return out


def quote_statuses(doc: Doc) -> dict[str, str]:
    """Quote id -> status, for the quotes whose status the frames change: a quote whose cue is
    imagined or asked about (``In the sketch, Holt says ...``, ``Did Holt say ...?``) takes that
    status, whatever its kind; an indirect quote whose content is hedged, speculative, ... takes
    that status too (source kept)."""
    out: dict[str, str] = {}
    for q in doc_state.section(doc, doc_state.QUOTES):
        found = []
        if q.cue is not None:
            found.append(char_status(doc, q.cue.start, q.cue.end).status)
            found = [s for s in found if s in ("hypothetical", "unknown")]
        if q.kind in ("indirect", "according_to"):
            content = char_status(doc, q.span.start, q.span.end).status
            if content in ("hypothetical", "unknown", "speculative", "hedged"):
                found.append(content)
        if found:
            out[q.id] = min(found, key=RANK.__getitem__)
    return out


@dataclass(frozen=True)
class StatusFound:
    """What the status component writes: the claims and the quotes whose status it changes."""

    claims: list[Claim]
    quote_status: dict[str, str]


class StatusFinder(DossierComponent[StatusFound]):
    """``dossier_status``: frames (cached on the Doc for :func:`statement_status`), claims, quote status."""

    reads = ("dossier_entities", "dossier_coref", "dossier_times", "dossier_quotes")

    def __init__(self, nlp: Language, name: str, refine_quotes: bool = True, asserted_claims: bool = True) -> None:
        super().__init__(nlp, name)
        self.refine_quotes = refine_quotes
        self.asserted_claims = asserted_claims

    def match(self, doc: Doc) -> StatusFound:
        return find_status(doc, self.refine_quotes, self.asserted_claims)

    def set_annotations(self, doc: Doc, found: StatusFound) -> None:
        _write(doc, found)


def find_status(doc: Doc, refine_quotes: bool = True, asserted_claims: bool = True) -> StatusFound:
    """Find the frames afresh (and cache them), then the claims and the quotes' statuses."""
    doc_state.set_status_frames(doc, None)
    frames(doc)
    claims = find_claims(doc, asserted=asserted_claims)
    return StatusFound(claims, quote_statuses(doc) if refine_quotes else {})


def annotate_status(doc: Doc, refine_quotes: bool = True, asserted_claims: bool = True) -> Doc:
    """Find and write the status annotations of ``doc`` (the component's two steps, for tests and scripts)."""
    _write(doc, find_status(doc, refine_quotes, asserted_claims))
    return doc


def _write(doc: Doc, found: StatusFound) -> None:
    doc_state.section(doc, doc_state.CLAIMS)[:] = found.claims
    doc_state.set_quote_status(doc, found.quote_status)


def iter_frames(doc: Doc) -> Iterator[dict[str, Any]]:
    """The cached frames of ``doc`` (plain dicts), for debugging and evaluation."""
    yield from frames(doc)["frames"]


__all__ = [
    "PRECEDENCE",
    "StatusFinder",
    "StatusInfo",
    "annotate_status",
    "char_status",
    "fiction_word",
    "find_claims",
    "find_status",
    "frames",
    "imagined_scene",
    "imagining_word",
    "iter_frames",
    "quote_statuses",
    "statement_status",
]
