"""Who said it, to whom and when: cues, speakers, addressees and times of quotes.

Pure functions over a parsed ``Doc`` and the entity mentions of
:mod:`dossier.pipeline.doc_state`; :mod:`dossier.pipeline.quotes` strings them together.
"""

from __future__ import annotations

from bisect import bisect_right
from dataclasses import dataclass
from functools import lru_cache

from spacy.tokens import Doc, Span, Token

from .. import doc_state, lexicons
from ..coref.descriptors import role_nouns
from ..syntax import ACTIVE_SUBJECTS, SUBJECTS
from ..times import governing_time

# Dependents right before a cue verb that belong to the cue ("has also said", "did not say").
CUE_LEFT = ("aux", "auxpass", "neg", "advmod")
# Dependents through which a participial or coordinated cue borrows its clause's subject.
BORROWS_SUBJECT = ("advcl", "xcomp", "conj", "pcomp", "acl")
DASHES = ("-", "–", "—", "―", "--")
SOURCE_FOCUS = frozenset({"even", "both", "only", "also", "either"})  # focus words before a source
SPEAKER_TYPES = ("PERSON", "ORG", "OUTLET", "GROUP", "GPE", "NORP")
ADDRESSEE_TYPES = ("PERSON", "ORG", "OUTLET", "GROUP")
LEAD_TYPES = ("PERSON", "ORG", "OUTLET", "GROUP")  # sources a headline names before a colon


def reporting_verbs() -> frozenset[str]:
    return lexicons.load("reporting_verbs")


def is_cue_verb(tok: Token) -> bool:
    """A reporting verb used as a verb (``said``, ``telling``; not the noun ``post``, nor a participle
    describing a noun: ``the charged term``, ``its stated goal``; nor ``continue`` with an object:
    ``talked about continuing the progress``)."""
    return tok.lower_ in reporting_verbs() and (tok.pos_ in ("VERB", "AUX") or tok.tag_.startswith("VB")) and not (
        tok.dep_ == "amod" and tok.head.pos_ == "NOUN") and not (
        tok.lemma_.lower() == "continue" and any(c.dep_ in ("dobj", "xcomp") for c in tok.children))


def is_belief_verb(tok: Token) -> bool:
    """A verb of thought or belief (``believes``, ``showed``): a cue only for a reported clause."""
    return tok.lower_ in lexicons.load("quotes/belief_verbs") and tok.tag_.startswith("VB")


def cue_frames() -> dict[str, frozenset[str]]:
    """Lemma -> the complements that make it a cue (lexicon ``cue_frames``)."""
    return lexicons.table("quotes/cue_frames")


def frames_of(tok: Token) -> frozenset[str]:
    """The complements through which verb ``tok`` attributes something: a finite clause for every
    reporting and belief verb, and the frames of ``cue_frames`` (``to``, ``np``, ``prep:P``)."""
    if not (tok.pos_ == "VERB" or tok.tag_.startswith("VB")):
        return frozenset()
    frames = cue_frames().get(tok.lemma_.lower(), frozenset())
    if is_cue_verb(tok) or is_belief_verb(tok) or stance_adjective(tok) is not None:
        frames = frames | {"that"}
    word = light_word(tok)
    if word is not None:
        frames = frames | _light_cues()[tok.lemma_.lower(), word.lemma_.lower()]
    return frames


def joined_word(tok: Token) -> Token | None:
    """The word that joins verb ``tok`` in the cue and may carry its complement: a stance
    adjective (``is confident that``) or the word of a light verb (``made the case for``)."""
    adj = stance_adjective(tok)
    return adj if adj is not None else light_word(tok)


def _light_cues() -> dict[tuple[str, str], frozenset[str]]:
    """(verb lemma, word lemma) -> frames (lexicon ``light_cues``)."""
    return lexicons.table("quotes/light_cues", keys=2)


@lru_cache(maxsize=1)
def _light_verbs() -> frozenset[str]:
    return frozenset(verb for verb, _ in _light_cues())


def light_word(tok: Token) -> Token | None:
    """The object, complement or particle that makes light verb ``tok`` a cue (``made clear``,
    ``made the case``, ``took issue``, ``weighed in``); ``None`` for ``made no mention``."""
    if tok.lemma_.lower() not in _light_verbs():
        return None
    for child in tok.children:
        if child.i > tok.i and child.dep_ in ("dobj", "ccomp", "acomp", "oprd", "prt") and (
                tok.lemma_.lower(), child.lemma_.lower()) in _light_cues():
            negated = any(c.dep_ == "det" and c.lower_ == "no" for c in child.children)
            return None if negated else child
    return None


def stance_adjective(tok: Token) -> Token | None:
    """The stance adjective a copula joins to a clause (``is confident that ...``), which
    joins the copula in the cue; ``None`` elsewhere (``is confident``, ``is worried about``)."""
    if tok.lemma_ != "be":
        return None
    adjs = [c for c in tok.children if c.dep_ == "acomp" and c.lower_ in lexicons.load("quotes/stance_adjectives")]
    if not adjs or any(c.lower_ in ("so", "enough", "too") for c in adjs[0].children):
        return None  # "concerned enough that ...": a result, not a belief
    clauses = [c for c in [*tok.children, *adjs[0].children] if c.dep_ == "ccomp" and c.i > adjs[0].i]
    return adjs[0] if clauses else None


def _document_frames() -> dict[str, frozenset[str]]:
    return lexicons.table("quotes/document_frames")


def is_document(subj: Token) -> bool:
    """Whether a subject is a document, poll or body of data (``the survey``, ``records``)."""
    return subj.pos_ in ("NOUN", "PROPN") and subj.lemma_.lower() in lexicons.load("quotes/document_sources")


def document_frames(verb: Token, subj: Token) -> frozenset[str]:
    """Extra frames of ``verb`` when a document is its subject (``the poll showed a tight race``)."""
    if not is_document(antecedent(subj)):
        return frozenset()
    return _document_frames().get(verb.lemma_.lower(), frozenset())


def frame_of(comp: Token) -> str | None:
    """The frame a dependent of a verb fills: ``that``, ``if``, ``to``, ``np`` or ``prep:P``."""
    if comp.dep_ == "ccomp":
        # "wants voters to decide" parsed as one clause: an object with its infinitive
        return "to" if any(c.dep_ == "aux" and c.lower_ == "to" for c in comp.children) else "that"
    if comp.dep_ == "advcl" and any(c.dep_ == "mark" and c.lower_ in ("if", "whether") for c in comp.children):
        return "if"  # "asked the mayor if ...": an indirect question
    if comp.dep_ == "xcomp" and any(c.dep_ == "aux" and c.lower_ == "to" for c in comp.children):
        return "to"
    if comp.dep_ == "dobj":
        return "np2" if _predicated(comp) else "np"
    if comp.dep_ == "prep":
        return "prep:" + comp.lower_
    mark = for_mark(comp)
    if mark is not None:
        return "prep:for"  # "called for Congress to act", parsed as a clause with "for" as its mark
    return None


def _noun_frames() -> dict[str, frozenset[str]]:
    return lexicons.table("quotes/statement_nouns")


def noun_frames(noun: Token) -> frozenset[str]:
    """The complements through which a statement noun carries a statement (lexicon ``statement_nouns``)."""
    return _noun_frames().get(noun.lemma_.lower(), frozenset())


def noun_frame_of(comp: Token) -> str | None:
    """The frame a dependent of a statement noun fills: a ``that`` clause (not a relative clause:
    ``the claim that he made``), a ``to`` infinitive or ``prep:P``."""
    if comp.dep_ == "prep":
        return "prep:" + comp.lower_
    if comp.dep_ not in ("acl", "relcl", "ccomp", "advcl"):
        return None
    if for_mark(comp, adjacent=False) is not None:
        return "prep:for"
    if comp.dep_ == "relcl":
        return None
    if any(c.dep_ == "aux" and c.lower_ == "to" for c in comp.children):
        return "to"
    subject = any(c.dep_ in SUBJECTS or c.dep_ == "expl" for c in comp.children)
    own = any(c.dep_ in ("dobj", "ccomp", "xcomp", "attr", "acomp", "oprd", "dative") for c in comp.children)
    if not subject or (not own and comp.lemma_.lower() in lexicons.load("quotes/statement_handling_verbs")):
        return None
    return "that"


def holder_of(noun: Token) -> Token | None:
    """Who a statement noun belongs to: its possessor (``Holt's claim``), the object of ``by`` or
    ``from`` (``a demand by the union``) or a name before it (``the Reyes proposal``)."""
    for child in noun.children:
        if child.dep_ == "poss":
            return child
    for child in noun.children:
        if child.dep_ == "prep" and child.lower_ in ("by", "from") and child.i > noun.i:
            objs = [c for c in child.children if c.dep_ == "pobj"]
            if objs:
                return objs[0]
    for child in noun.children:
        if child.dep_ == "compound" and child.ent_type_ in ("PERSON", "ORG", "NORP", "GPE"):
            return child
    return None


def for_mark(comp: Token, adjacent: bool = True) -> Token | None:
    """The ``for`` opening a for-infinitive after its verb or noun (``calls for X to act``)."""
    if comp.dep_ not in ("advcl", "relcl", "acl") or comp.i < comp.head.i:
        return None
    marks = [c for c in comp.children if c.dep_ == "mark" and c.lower_ == "for"]
    to = any(c.dep_ == "aux" and c.lower_ == "to" for c in comp.children)
    if not marks or not to:
        return None
    return marks[0] if not adjacent or marks[0].i == comp.head.i + 1 else None


def _predicated(obj: Token) -> bool:
    """Whether a verb's object comes with a predicate (``called the plan a disaster``, ``... as weak``)."""
    return any(
        c.i > obj.i and (c.dep_ in ("oprd", "ccomp", "xcomp") or (c.dep_ == "prep" and c.lower_ == "as"))
        for c in obj.head.children
    )


def is_according_to(tok: Token) -> bool:
    """``according`` in ``according to``."""
    nxt = tok.nbor(1) if tok.i + 1 < len(tok.doc) else None
    return tok.lower_ == "according" and nxt is not None and nxt.lower_ == "to"


def cue_span(tok: Token) -> Span:
    """The cue words: the verb with the auxiliaries, negation and adverbs right before it
    (``has also said``, ``did not deny``), its particle and a following ``of`` (``said of``);
    or ``according to``."""
    doc = tok.doc
    if is_according_to(tok):
        return doc[tok.i : tok.i + 2]
    start = tok.i
    def joins(t: Token) -> bool:
        # not the "to" of "to say", nor the "when" of "when asked"
        return t.head.i == tok.i and t.dep_ in CUE_LEFT and t.tag_ not in ("TO", "WRB")

    while start > 0 and joins(doc[start - 1]):
        start -= 1
    end = tok.i + 1
    if end < len(doc) and doc[end].head.i == tok.i and (
        doc[end].dep_ == "prt" or (doc[end].dep_ == "prep" and doc[end].lower_ == "of" and is_cue_verb(tok))
    ):
        end += 1
    return doc[start:end]


# ---------------------------------------------------------------- mentions


class MentionIndex:
    """Entity mentions of a doc by token, built once."""

    def __init__(self, doc: Doc) -> None:
        self.doc = doc
        self.spans = doc_state.mentions(doc)
        self.by_token = doc_state.mention_index(doc)
        self.starts = [s.start for s in self.spans]
        self.entities = doc_state.entities(doc)

    def at(self, i: int) -> Span | None:
        return self.by_token.get(i)

    def info(self, key: str | None) -> dict:
        return self.entities.get(key or "", {})

    def before(self, i: int) -> list[Span]:
        """Mentions starting before token ``i``, nearest first."""
        return self.spans[: bisect_right(self.starts, i - 1)][::-1]


# ---------------------------------------------------------------- speakers


def cue_subject(cue: Token) -> Token | None:
    """The speaker phrase of a cue verb: its subject, the ``according to`` object or the passive agent,
    climbing from participles (``..., adding, "..."``) to their clause.

    Not :func:`..syntax.subject_of`: a speaker is also the agent of a passive (``was told by X``),
    a dateline is not one, and a passive participle has an unnamed one (``Asked about it, ...``)."""
    if is_according_to(cue):
        to = cue.nbor(1)
        objs = [c for c in to.children if c.dep_ == "pobj"]
        return objs[0] if objs else None
    verb = cue
    for _ in range(4):
        subjects = [c for c in verb.children if c.dep_ in ACTIVE_SUBJECTS]
        if len(subjects) > 1:  # "WASHINGTON (AP) - Ann Holt said": a dateline taken for a second subject
            before = [c for c in subjects if c.i < verb.i]
            return before[-1] if before else subjects[0]
        for child in verb.children:
            if child.dep_ in ACTIVE_SUBJECTS:
                return child  # may be a relative pronoun: see antecedent()
            if child.dep_ == "agent":
                objs = [c for c in child.children if c.dep_ == "pobj"]
                if objs:
                    return objs[0]
        if verb.dep_ == "relcl" and (verb.tag_ == "VBG" or (verb.tag_ == "VBN" and not any(
                c.dep_ == "auxpass" for c in verb.children))):
            return verb.head  # "the aide quoted by", not "which is expected to"
        if verb.dep_ == "acl" and verb.tag_ == "VBG" and is_cue_verb(verb):
            # "voters saying they ...", not "a speech saying": the document is no speaker here
            return None if verb.head.lemma_.lower() in lexicons.load("quotes/reporting_nouns") else verb.head
        if passive_participle(verb):
            return None  # "Asked about it, Smith said ...": Smith was asked, the asker is unnamed
        if verb.dep_ == "pcomp" and verb.head.dep_ == "prep":
            clause = _through_preposition(verb)
            if clause is None:
                return None
            verb = clause
            continue
        said = next_saying(verb)
        if said is not None:
            verb = said  # "said X has not run and suggested ...": the one who said it suggested it
            continue
        if (verb.dep_ in BORROWS_SUBJECT or (verb.dep_ == "acomp" and verb.pos_ == "ADJ")) and verb.head.i != verb.i:
            verb = verb.head  # "more likely to say": the subject of "are likely"; not "is expected to"
            continue
        return None
    return None


def _through_preposition(verb: Token) -> Token | None:
    """The clause a gerund hangs from through a preposition (``began by saying``, ``after saying``,
    ``in addition to stating``); not ``for`` (``X blamed Y for saying``: Y said it)."""
    if verb.head.lower_ not in lexicons.load("quotes/gerund_preps"):
        return None
    tok = verb.head
    while tok.dep_ in ("prep", "pobj") and tok.head.i != tok.i:
        tok = tok.head
        if tok.pos_ in ("VERB", "AUX"):
            return tok
    return None


def passive_participle(verb: Token) -> bool:
    """A participle clause whose subject is the one spoken to (``Asked about it, Smith said``)."""
    return verb.dep_ == "advcl" and verb.tag_ == "VBN" and not any(
        c.dep_.startswith("aux") or c.dep_ == "agent" for c in verb.children)


def unnamed_speaker(verb: Token) -> bool:
    """A reporting verb whose speaker the sentence leaves out: a participle clause (:func:`passive_participle`)
    or the passive of a verb of address with no ``by`` phrase (``she was asked whether ...``)."""
    if passive_participle(verb):
        return True
    deps = {c.dep_ for c in verb.children}
    passive = verb.lemma_.lower() in lexicons.load("quotes/addressee_passives")
    return passive and "auxpass" in deps and "agent" not in deps


def antecedent(tok: Token) -> Token:
    """The noun a relative pronoun stands for (``Smith, who said ...`` -> ``Smith``); else ``tok``."""
    if tok.tag_ in ("WP", "WDT") and tok.head.dep_ == "relcl" and tok.head.head.i != tok.head.i:
        return tok.head.head
    return tok


def next_saying(conj: Token) -> Token | None:
    """The cue whose speaker goes on to ``conj``: a verb of saying with no subject, in the cue's past
    form, joined to a reported clause in the perfect (``said Lane has not run and suggested that
    ...``: a past form shares no ``has``/``had``, so it shares the cue's subject); else None."""
    clause = conj.head
    cue = clause.head
    if (conj.dep_ != "conj" or conj.tag_ != "VBD" or clause.dep_ != "ccomp" or clause.tag_ != "VBN"
            or cue.tag_ != "VBD" or not is_cue_verb(conj) or not is_cue_verb(cue)
            or any(c.dep_ in SUBJECTS or c.dep_ in ("aux", "auxpass") for c in conj.children)):
        return None
    if not any(a.dep_ == "aux" and a.lower_ in ("has", "have", "had") for a in clause.children):
        return None
    return cue


def source_phrase(subj: Token, quoted: set[int], cue: Token | None = None) -> Span:
    """The source as a reader underlines it: the subject's whole noun phrase (determiner, titles,
    appositive, restrictive relative clause: ``Republican nominee Dana Holt``, ``voters who left``),
    cut where a quotation or the cue (``voters saying``) starts or a gloss set off by a comma
    (:func:`_gloss`) begins, and trimmed of edge punctuation; a pronoun stays one word."""
    doc = subj.doc
    if subj.pos_ == "PRON" or subj.tag_ in ("WP", "WDT"):
        return doc[subj.i : subj.i + 1]
    lo, hi = max(subj.left_edge.i, subj.sent.start), subj.right_edge.i + 1
    lo = max([lo] + [i + 1 for i in range(lo, subj.i) if i in quoted])
    lo = max([lo] + [c.right_edge.i + 1 for c in subj.children if c.dep_ == "prep" and c.i < subj.i])
    lo = _after_dateline(doc, lo, subj.i)
    hi = min([hi] + [i for i in range(subj.i + 1, hi) if i in quoted])
    if cue is not None and subj.i < cue.left_edge.i < hi:
        hi = cue.left_edge.i
    hi = min([hi] + [t.left_edge.i - 1 for t in doc[subj.i + 1 : hi] if _aside(t) or _gloss(t, subj)])
    while hi > subj.i + 1 and (doc[hi - 1].is_punct or doc[hi - 1].is_space
                               or doc[hi - 1].lower_ in ("and", "or", "both", "all", "each")):
        if _closes_bracket(doc, lo, hi - 1):
            break  # "Rep. Ada Obi (D-Ore.)": the party label is part of the name
        hi -= 1
    while lo < subj.i and (doc[lo].is_punct or doc[lo].is_space or _focus(doc[lo])):
        lo += 1  # "Even China", "Both Ada Obi and Bo Lund": the focus word is not the source
    return doc[lo:hi]


def _focus(tok: Token) -> bool:
    """A focus word before a source (``Even China``; ``Both`` of a pair, not of ``Both candidates``)."""
    if tok.lower_ not in SOURCE_FOCUS:
        return False
    if tok.dep_ == "det":
        return tok.lower_ in ("both", "either") and any(c.dep_ == "conj" for c in tok.head.children)
    return tok.dep_ in ("advmod", "preconj", "predet")


def _closes_bracket(doc: Doc, lo: int, i: int) -> bool:
    """Whether token ``i`` is a closing bracket whose opening one lies in ``lo:i``."""
    return doc[i].text == ")" and doc[lo:i].text.count("(") > doc[lo:i].text.count(")")


def _aside(tok: Token) -> bool:
    """A participle or adjective set off by a comma or dash after the source (``Dana Holt, clad in
    red,``, ``the mayor, clearly frustrated,``): how the speaker looked, not who the speaker is."""
    before = tok.doc[tok.left_edge.i - 1] if tok.left_edge.i > 0 else None
    if before is None or not (before.text == "," or spaced_dash(before)) or tok.head.i > before.i:
        return False
    return tok.dep_ in ("acl", "amod", "advmod") and tok.tag_ in ("VBN", "VBD", "VBG", "JJ", "RB")


def _gloss(tok: Token, subj: Token) -> bool:
    """A relative clause set off by a comma on a thing inside the source phrase (``the president of
    the Kelby Union, which represents nurses``, ``a study by Ada Obi, whose figures ...``): the
    writer's gloss on that thing, not who speaks. One on the speaker (``Dana Holt, who chairs the
    panel``) is how the writer introduces the speaker, part of the source (PolNeAR marks it)."""
    first = tok.left_edge
    return (tok.dep_ == "relcl" and first.i > 0 and tok.doc[first.i - 1].text == ","
            and first.lower_ in ("which", "whose") and subj.i < tok.head.i < first.i)


def spaced_dash(tok: Token) -> bool:
    """A dash with a space on each side (``Paris - The``), not a hyphen inside a word (``Holtz-Eakin``)."""
    return tok.text in DASHES and bool(tok.whitespace_) and tok.i > 0 and bool(tok.doc[tok.i - 1].whitespace_)


def word_dash(tok: Token) -> bool:
    """A dash between words: any long dash, and a hyphen only when spaced (not ``long-running``)."""
    return tok.text in DASHES and (tok.text != "-" or spaced_dash(tok))


def _after_dateline(doc: Doc, lo: int, head: int) -> int:
    """Start of the source after a dateline (``PARIS (Reuters) - The minister``): the last dash before
    the head when no lowercase word comes before it."""
    dashes = [i for i in range(lo, head) if spaced_dash(doc[i])]
    if dashes and not any(t.is_alpha and t.text[0].islower() for t in doc[lo : dashes[-1]]):
        return dashes[-1] + 1
    return lo


def can_speak(subj: Token, mentions: MentionIndex) -> bool:
    """Whether a subject can be the source of a statement: a named entity, a personal pronoun,
    an unnamed source, a person's title or a document that speaks (``the statement said``,
    ``a new poll shows``)."""
    verb = subj.head
    if subj.lower_ == "who" and antecedent(subj).i != subj.i:
        return True  # "voters who think ...": the relative pronoun says its antecedent is a person
    subj = antecedent(subj)
    parts = [subj] + [c for c in subj.children if c.dep_ in ("appos", "compound")]
    if any(mentions.at(t.i) is not None for t in parts):
        return True
    if known_surname(subj, mentions) is not None:
        return True
    if subj.lower_ in lexicons.load("quotes/quantity_heads") or (subj.like_num and (subj.lower_ != "one" or any(
            c.dep_ == "prep" for c in subj.children))):  # not the generic "one could say"
        return _quantity_speaks(subj, verb, mentions)
    if subj.pos_ == "PRON":
        # "it said": a company or a report speaks; "it seems" is taken care of by the cue lists;
        # a possessive holds a statement noun ("her claim that ...")
        personal = subj.lower_ in ("i", "we", "you", "he", "she", "they", "my", "our", "his", "her", "their")
        return personal or (subj.lower_ == "it" and is_cue_verb(subj.head))
    word = subj.lemma_.lower()
    return (
        subj.ent_type_ in ("PERSON", "ORG", "NORP", "GPE")
        or subj.tag_ in ("NNP", "NNPS")
        or word in lexicons.load("quotes/unnamed_sources")
        or subj.lower_ in lexicons.load("quotes/unnamed_sources")
        or word in lexicons.load("quotes/reporting_nouns")
        or word in lexicons.load("person_titles")
        or word in lexicons.load("quotes/speaker_nouns")
        or word in lexicons.load("person_nouns")
        or word in role_nouns()
        or is_document(subj)
    )


def _quantity_speaks(subj: Token, verb: Token, mentions: MentionIndex) -> bool:
    """A quantity speaks through its ``of`` phrase (``a third of voters``, not ``half of the money``);
    a bare one (``many``, ``six in 10``, ``9 percent``) only as the subject of a verb of saying,
    belief or view (``most believe``, ``64 percent call him honest``)."""
    for prep in subj.children:
        if prep.dep_ == "prep" and prep.lower_ == "of":
            objs = [c for c in prep.children if c.dep_ == "pobj"]
            return bool(objs) and can_speak(objs[0], mentions)
    return is_cue_verb(verb) or is_belief_verb(verb) or "np2" in cue_frames().get(verb.lemma_.lower(), ())


def can_lead(span: Span, mentions: MentionIndex) -> bool:
    """Whether the words before a headline colon name a source: a person, organisation or outlet
    mention covering the phrase's head, a poll or survey, or a speaker noun (``Clinton camp``)."""
    head = span.root
    mention = mentions.at(head.i)
    if mention is not None and mention.kb_id_:
        return mentions.info(mention.kb_id_).get("type", "PERSON") in LEAD_TYPES and _only_describes(
            span, mention, mentions)
    if known_surname(head, mentions) is not None:
        return True
    word = head.lemma_.lower()
    return head.ent_type_ in ("PERSON", "ORG") or word in lexicons.load("quotes/lead_sources")


def _only_describes(span: Span, mention: Span, mentions: MentionIndex) -> bool:
    """Whether every word of a headline's source phrase outside the name describes the name
    (``Ohio Gov. Ada Reyes``, ``Former aide Bo Lund``), as a label does; a headline clause
    in title case (``Book Debunks Reyes:``, ``Holt Cash Sinks Reyes:``) does not name a speaker."""
    kinds = ("ORG", "GPE", "NORP", "OUTLET", "GROUP")
    words = lexicons.load("person_titles") | lexicons.load("person_nouns") | lexicons.load("quotes/lead_sources") \
        | lexicons.load("quotes/unnamed_sources")
    name = str(mentions.info(mention.kb_id_).get("name", "")).split()
    for tok in span:
        if mention.start <= tok.i < mention.end or tok.is_punct or tok.pos_ in ("ADJ", "DET", "NUM"):
            continue
        if tok.tag_ == "POS" or tok.text in name:
            continue  # "Ada Reyes:" with only "Reyes" marked: a part of the same name
        word = tok.lower_
        if word in words or word + "." in words or tok.lemma_.lower() in words or tok.lemma_.lower() in role_nouns():
            continue
        other = mentions.at(tok.i)
        if other is not None and other.kb_id_ and mentions.info(other.kb_id_).get("type") in kinds:
            continue  # "GOP Sen. Holt", "Ohio Gov. Reyes"
        return False
    return True


def lead_speaker(span: Span, mentions: MentionIndex) -> Speaker:
    """The speaker of a headline colon's source phrase (:func:`can_lead`)."""
    head = span.root
    mention = mentions.at(head.i)
    if mention is not None and mention.kb_id_:
        return Speaker(mention.kb_id_, span)
    return Speaker(known_surname(head, mentions), span)


def known_surname(tok: Token, mentions: MentionIndex) -> str | None:
    """The key of the one named person whose last name ``tok`` is, when the entity reader left the
    word unmarked (a bare surname at the start of a sentence, a transcript's ``HOLT:``)."""
    if not tok.text[:1].isupper() or mentions.at(tok.i) is not None:
        return None
    word = tok.text.title() if tok.text.isupper() and len(tok.text) > 2 else tok.text
    people = [(k, info) for k, info in mentions.entities.items() if info.get("type") == "PERSON"]
    bearers = [k for k, info in people if str(info.get("name", "")).split()[-1:] == [word]]
    if len(bearers) > 1:
        return None  # two people share the surname: coreference decides, or no one does
    keys = [k for k, info in people if word in info.get("aliases", ())]  # "Trump" is one person's alias
    return keys[0] if len(keys) == 1 else (bearers[0] if bearers else None)


def label_key(tok: Token, mentions: MentionIndex) -> str | None:
    """The person a capitalised transcript label names (``HOLT:``): the label's own entity, unless
    that entity is only the label in capitals while one named person bears the surname (the entity
    reader made "HOLT" a person of its own beside "Dana Holt")."""
    mention = mentions.at(tok.i)
    if mention is None or not mention.kb_id_:
        return known_surname(tok, mentions)
    name = str(mentions.info(mention.kb_id_).get("name", ""))
    if not (name.isupper() and tok.text.isupper() and len(tok.text) > 2):
        return mention.kb_id_
    word = tok.text.title()
    bearers = [k for k, info in mentions.entities.items() if k != mention.kb_id_ and info.get("type") == "PERSON"
               and str(info.get("name", "")).split()[-1:] == [word]]
    return bearers[0] if len(bearers) == 1 else mention.kb_id_


def leading_name(phrase: Span, mentions: MentionIndex) -> str | None:
    """The key of a name that opens a source phrase and is set off by a comma from the rest
    (``Ada Hill, an aide during her 2008 run and now ..., said``), when the parse hung the phrase
    on another noun; not a name modifying a noun (``Hill advisers``, ``Hill's campaign``)."""
    if not len(phrase):
        return None
    doc = phrase.doc
    titles = lexicons.load("person_titles")
    for mention in mentions.spans[bisect_right(mentions.starts, phrase.start - 1):]:
        if mention.start >= phrase.end:
            return None
        before = doc[phrase.start : mention.start]
        if any(not (t.is_punct or t.lower_ in titles or t.lower_ + "." in titles) for t in before):
            return None  # something other than a title comes before the name
        after = doc[mention.end] if mention.end < len(doc) else None
        kind = mentions.info(mention.kb_id_).get("type", "PERSON")
        if not (mention.kb_id_ and kind in SPEAKER_TYPES and after is not None and after.text == ","
                and mention.end + 1 < phrase.end):
            return None
        nxt = doc[mention.end + 1]
        listed = mentions.at(nxt.i)
        if listed is not None and not _possessed(listed):
            return None  # "Ada Hill, Bo Lund and ...": a list of names, not a name and its description
        return mention.kb_id_
    return None


def _possessed(mention: Span) -> bool:
    """Whether a possessive ending follows a mention (``Hill's``)."""
    doc = mention.doc
    return (mention.end < len(doc) and doc[mention.end].tag_ == "POS") or mention[-1].text.endswith(("'s", "’s"))


@dataclass
class Speaker:
    key: str | None
    span: Span | None
    unnamed: bool = False


def resolve_speaker(subj: Token, mentions: MentionIndex, quoted: set[int], cue: Token | None = None) -> Speaker:
    """Map a subject token to an entity key and the phrase a reader would underline (:func:`source_phrase`)."""
    if subj.i in quoted:
        return Speaker(None, None)
    phrase = source_phrase(subj, quoted, cue)
    subj = antecedent(subj)
    # "Sen. Ada Obi": a name's own compound parts; "Carson advisers", "a former Holt employee", "the
    # Vermont senator", "the Reyes campaign": a name modifying a common noun is not the one speaking
    trailing = trailing_name(phrase, mentions)
    if trailing is not None:
        return Speaker(trailing, phrase)
    edition = _edition_of(subj, mentions)
    if edition is not None:
        return Speaker(edition or None, phrase)
    key = _entity_of(subj, mentions)
    if key is not None:
        return Speaker(key, phrase)
    if subj.pos_ == "PRON":
        # Coreference resolved the pronoun above if it could; where it abstained, so do we.
        return Speaker(None, phrase)
    named = leading_name(phrase, mentions)
    if named is not None:
        return Speaker(named, phrase)
    surname = known_surname(subj, mentions)
    if surname is not None:
        return Speaker(surname, phrase)
    author = author_of(subj)
    if author is not None and not (cue is not None and cue.lemma_.lower() in _document_frames()):
        # "an email from Holt reveals": what the writer reads in a message is not its author's statement
        key = _entity_of(author, mentions) or known_surname(author, mentions)
        if key is not None:
            return Speaker(key, phrase)
    sources = lexicons.load("quotes/unnamed_sources")
    # "Business Insider", "Source Media": a name whose last word is a source noun is a name
    proper = subj.pos_ == "PROPN" and any(c.dep_ == "compound" and c.pos_ == "PROPN" for c in subj.children)
    unnamed = (subj.lemma_.lower() in sources or subj.lower_ in sources) and not proper
    return Speaker(None, phrase, unnamed=unnamed)


def _entity_of(subj: Token, mentions: MentionIndex) -> str | None:
    """The entity a subject names: its own mention, an appositive's or, for a name, a compound part's.

    "Sen. Ada Obi": a name's own compound parts; "Carson advisers", "a former Holt employee", "the
    Vermont senator", "the Reyes campaign": a name modifying a common noun is not the one speaking."""
    candidates = [subj] + [c for c in subj.children if c.dep_ == "appos" or (
        c.dep_ == "compound" and subj.pos_ == "PROPN")]
    for tok in candidates:
        mention = mentions.at(tok.i)
        kind = mentions.info(mention.kb_id_).get("type", "PERSON") if mention is not None else None
        if mention is not None and mention.kb_id_ and kind in SPEAKER_TYPES:
            return mention.kb_id_
    return None


def trailing_name(phrase: Span, mentions: MentionIndex) -> str | None:
    """The person named last in a source phrase right after a role noun, when someone else is named
    before (``Holt senior communications adviser Dana Reyes``, ``Obi's wife Ada``): the one
    described speaks, not the one the description hangs on, whatever the parse made the head;
    not a name after a preposition (``a friend of Ada Obi``) or a list (``Holt and Reyes``)."""
    if len(phrase) < 3:
        return None
    doc = phrase.doc
    last = mentions.at(phrase.end - 1)
    if last is None or not last.kb_id_ or last.end != phrase.end or last.start <= phrase.start:
        return None
    if mentions.info(last.kb_id_).get("type", "PERSON") != "PERSON":
        return None
    before = doc[last.start - 1]
    word = before.lemma_.lower()
    if before.pos_ != "NOUN" or not (word in role_nouns() or word in lexicons.load("person_nouns")
                                     or word in lexicons.load("quotes/unnamed_sources")):
        return None
    earlier = {_key_at(t, mentions) for t in doc[phrase.start : before.i]} - {None, last.kb_id_}
    if not earlier:
        return None  # "campaign adviser Dana Reyes": the ordinary parse finds her
    if any((t.pos_ in ("ADP", "CCONJ", "VERB", "AUX") and _key_at(t, mentions) is None) or t.text in (",", ";")
           or spaced_dash(t) for t in doc[phrase.start : last.start]):
        return None
    return last.kb_id_


def _key_at(tok: Token, mentions: MentionIndex) -> str | None:
    mention = mentions.at(tok.i)
    return mention.kb_id_ or None if mention is not None else known_surname(tok, mentions)


def _edition_of(subj: Token, mentions: MentionIndex) -> str | None:
    """A place named after an outlet or an unrecognised proper noun (``POLITICO Florida``, ``NBC
    Chicago``): the outlet's edition speaks, not the place. The organisation's key ("" when the
    name before the place is no entity); None when the subject is no such phrase."""
    mention = mentions.at(subj.i)
    if mention is None or mentions.info(mention.kb_id_).get("type") not in ("GPE", "LOC"):
        return None
    for c in subj.children:
        if c.dep_ != "compound" or c.pos_ != "PROPN" or c.i >= mention.start:
            continue
        before = mentions.at(c.i)
        if before is None:
            return ""
        if before.kb_id_ and mentions.info(before.kb_id_).get("type") in ("ORG", "OUTLET"):
            return before.kb_id_
    return None


def author_of(noun: Token) -> Token | None:
    """Who made a statement or document that is a quote's source (``according to a poll by Gallup``,
    ``an interview her brother gave to the station``, ``Holt's letter``): its holder
    (:func:`holder_of`) or the subject of a relative clause on it; None for other words."""
    word = noun.lemma_.lower()
    if noun.pos_ not in ("NOUN", "PROPN") or not (
            word in lexicons.load("quotes/reporting_nouns") or word in lexicons.load("quotes/document_sources")):
        return None
    holder = holder_of(noun)
    if holder is not None and holder.dep_ == "compound" and (noun.tag_ in ("NNS", "NNPS") or any(
            c.dep_ == "compound" and c.i != holder.i for c in noun.children)):
        # "the CNN/ORC poll": a name the entity reader cut, the poll speaks for itself; "some GOP
        # figures": people of the party, not the party
        return None
    if holder is not None:
        return holder
    for clause in noun.children:
        if clause.dep_ == "relcl" and clause.i > noun.i:
            subjects = [c for c in clause.children if c.dep_ in ACTIVE_SUBJECTS and c.tag_ not in ("WP", "WDT")]
            if subjects:
                return subjects[0]
    return None


# ---------------------------------------------------------------- addressees


def addressee_of(cue: Token, mentions: MentionIndex) -> tuple[str | None, bool]:
    """The entity spoken to (``told The Valley Gazette``, ``telling the outlet``, ``in an interview with X``).

    Returns the key and whether it was found through a back-reference (``the outlet``).
    """
    objs: list[Token] = []
    if cue.lemma_ in lexicons.load("tell_verbs"):
        objs = [c for c in cue.children if c.dep_ in ("dobj", "dative")]
    for prep in cue.children:
        if prep.dep_ == "prep" and prep.lower_ == "in":
            for noun in prep.children:
                if noun.lemma_ in lexicons.load("quotes/reporting_nouns"):
                    objs += [g for p in noun.children if p.lower_ == "with" for g in p.children if g.dep_ == "pobj"]
    for obj in objs:
        mention = mentions.at(obj.i)
        if mention is not None and mention.kb_id_ and mentions.info(mention.kb_id_).get("type") in ADDRESSEE_TYPES:
            return mention.kb_id_, mention.id_ == "descriptor"
        if obj.lemma_.lower() in lexicons.load("outlet_nouns"):
            return last_outlet(obj.i, mentions), True
    return None, False


def last_outlet(i: int, mentions: MentionIndex) -> str | None:
    """The last named news outlet mentioned before token ``i``."""
    for span in mentions.before(i):
        info = mentions.info(span.kb_id_)
        if span.id_ != "descriptor" and (
            info.get("type") == "OUTLET" or (info.get("type") == "ORG" and info.get("subtype") == "news_outlet")
        ):
            return span.kb_id_
    return None


# ---------------------------------------------------------------- times


def time_of(cue: Token, content: tuple[int, int], mentions: MentionIndex) -> str | None:
    """The TIMEX3 value of the time attached to the cue (``told X in March 2023``), outside the content.

    The times component's :func:`..times.governing_time` is asked first, then every time it
    found; a time is kept only when it hangs off the cue itself (directly, through a
    preposition, or through the occasion the cue names: ``said in an interview airing Sunday``)
    and is not part of a name (``Channel 2 News``). A cue that is a participle or subjectless
    conjunct of another verb, or a ``when`` clause of it, shares that verb's time (``attacked Lane on
    Wednesday, calling it``); so does a cue after a fronted bare participle or ``when`` clause
    (``Addressing the board Thursday, Obi said``, ``When she took office in 2019, Obi said``).
    A duration (``Months after ...``) dates nothing.
    """
    doc = cue.doc
    # a duration ("Months after ..., Trump tells") or a set says how long or how often, not when
    times = [t for t in doc_state.section(doc, doc_state.TIMES) if t.in_ == "body" and t.type in ("DATE", "TIME")]
    found = governing_time(doc, cue.idx, cue.idx + len(cue.text))
    # a time attached to the cue is in the cue's sentence: checking only those keeps long articles linear
    sent = cue.sent
    end = _quotation_sentence_end(doc, sent.end_char, content) if content[1] >= sent.end_char - 2 else sent.end_char
    near = [t for t in times if sent.start_char <= t.start < end]
    cands = [t for t in ([found] if found is not None else []) + near if t.type in ("DATE", "TIME")]
    for verb in _time_carriers(cue, mentions):
        for t in cands:
            # the occasion a relative cue opens on may be the time itself ("in January, in which she said")
            occasion_is_time = verb.pos_ not in ("VERB", "AUX") and t.start <= verb.idx < t.end
            if occasion_is_time or _attached(doc, t.start, t.end, verb, content, mentions) or _after_quotation(
                    doc, t.start, t.end, cue, content):
                return t.value
    return None


def _quotation_sentence_end(doc: Doc, end: int, content: tuple[int, int]) -> int:
    """The end of the cue's sentence, or of the one the word after its quotation's closing mark is in:
    an ``!`` or ``?`` inside the quotation may have split the sentence (``tweeted, "Thanks!" on Friday.``)."""
    after = doc.char_span(content[1], min(len(doc.text), content[1] + 3), alignment_mode="expand")
    if after is None or not len(after) or not after[0].is_quote or after.end >= len(doc):
        return end
    return max(end, doc[after[0].i + 1].sent.end_char)


def _after_quotation(doc: Doc, start: int, end: int, cue: Token, content: tuple[int, int]) -> bool:
    """A time right after the closing mark of the words the cue introduces, ending the sentence
    (``tweeted, "Thank you, Ohio!" on Friday.``): the parse hangs it inside the quotation (or past a
    sentence break the quotation's ``!`` made), but it dates the saying."""
    if cue.idx >= content[0] or start < content[1]:
        return False
    between = doc.char_span(content[1], start, alignment_mode="expand")
    tspan = doc.char_span(start, end, alignment_mode="expand")
    if between is None or tspan is None or not any(t.is_quote for t in between):
        return False
    if not all(t.is_punct or t.is_space or (t.tag_ == "IN" and t.i == tspan.start - 1) for t in between):
        return False
    return tspan.end < len(doc) and doc[tspan.end].text in (".", "!", "?")


# Occasions a statement is made at, besides its media: "said at a rally Tuesday", "in a debate in May".
OCCASIONS = frozenset({"appearance", "rally", "debate", "hearing", "conference", "briefing", "address",
                       "meeting", "session", "event", "forum", "gala", "luncheon", "dinner", "hall"})
SAME_TIME_MARKS = frozenset({"when", "as", "while"})
# Adverbs that move a participle off its verb's time ("..., later admitting she was wrong").
OWN_TIME_ADVERBS = frozenset({"later", "then", "afterward", "afterwards", "subsequently", "eventually", "since",
                              "earlier", "previously", "now"})


def _bare_participle(tok: Token) -> bool:
    """A participle clause with no subject, subordinator or time adverb of its own (``..., telling them``),
    nor a perfect one, which tells what came before (``Having left office in 2019, Obi said``)."""
    return tok.tag_ in ("VBG", "VBN") and not any(
        c.dep_ in SUBJECTS or c.dep_ == "mark" or (
            c.dep_ == "advmod" and (c.lower_ in SAME_TIME_MARKS or c.lower_ in OWN_TIME_ADVERBS))
        or (c.dep_ in ("aux", "auxpass") and c.lower_ == "having")
        for c in tok.children)


def _time_carriers(cue: Token, mentions: MentionIndex) -> list[Token]:
    """The cue, then the verbs whose time it shares (nearest first)."""
    out = [cue]
    out += [c for c in cue.children if c.dep_ == "advcl" and c.i < cue.i and (_bare_participle(c) or any(
        g.lower_ in ("when", "while") and g.dep_ in ("advmod", "mark") for g in c.children))]
    occasion = _relative_occasion(cue)
    if occasion is not None:
        out.append(occasion)  # "one of his remarks in January in which he said": the remark's time
    tok = cue
    participle = False
    for _ in range(4):
        head = tok.head
        if head is tok or head.pos_ not in ("VERB", "AUX"):
            break
        own_subject = any(c.dep_ in SUBJECTS for c in tok.children)
        same_time = any(c.lower_ in SAME_TIME_MARKS and c.dep_ in ("advmod", "mark") for c in tok.children)
        if tok.dep_ == "conj" and not own_subject:
            pass  # "told X on Monday ..., and predicted"
        elif tok.dep_ in ("advcl", "xcomp") and _bare_participle(tok):
            participle = True  # "attacked Lane on Wednesday, calling it"
        elif tok.dep_ == "advcl" and same_time:
            pass  # "was talking about taxes in April when she told the host"
        elif participle and tok.dep_ in ("advcl", "xcomp") and _bare_infinitive(tok):
            pass  # "went after Lane on Monday over his refusal to release it, calling it": parsed on the infinitive
        elif participle and tok.dep_ == "ccomp" and is_cue_verb(head) and _same_subject(tok, head, mentions):
            pass  # "announced on Tuesday that she had filed it, saying": the participle is the announcer's
        else:
            break
        out.append(head)
        tok = head
    return out


def _bare_infinitive(tok: Token) -> bool:
    """A ``to`` infinitive with no subject of its own (``to release his taxes``)."""
    return tok.tag_ == "VB" and any(c.dep_ == "aux" and c.lower_ == "to" for c in tok.children) and not any(
        c.dep_ in SUBJECTS for c in tok.children)


def _same_subject(clause: Token, cue: Token, mentions: MentionIndex) -> bool:
    """Whether a reported clause's subject is the cue's own speaker (``Obi announced that she ...``)."""
    inner = [c for c in clause.children if c.dep_ in SUBJECTS]
    outer = cue_subject(cue)
    if not inner or outer is None:
        return False
    a, b = mentions.at(inner[0].i), mentions.at(outer.i)
    return a is not None and b is not None and bool(a.kb_id_) and a.kb_id_ == b.kb_id_


def _relative_occasion(cue: Token) -> Token | None:
    """The noun a cue's relative clause opens on with a preposition (``an interview Sunday in which she
    said``, ``one of his remarks, in January, during which he said``): the occasion of the saying."""
    if cue.dep_ != "relcl" or cue.head.pos_ not in ("NOUN", "PROPN", "PRON", "NUM"):
        return None
    opened = any(c.dep_ == "prep" and c.i < cue.i and any(
        o.dep_ == "pobj" and o.tag_ in ("WDT", "WP") for o in c.children) for c in cue.children)
    return cue.head if opened else None


def _attached(doc: Doc, start: int, end: int, cue: Token, content: tuple[int, int], mentions: MentionIndex) -> bool:
    if start < content[1] and content[0] < end:
        return False
    tspan = doc.char_span(start, end, alignment_mode="expand")
    if tspan is None or any(mentions.at(t.i) is not None for t in tspan):
        return False
    root = tspan.root
    if root.head.i == cue.i or (root.head.dep_ == "prep" and root.head.head.i == cue.i):
        return True
    occasion = _occasion(root)
    return occasion is not None and occasion.head.dep_ == "prep" and occasion.head.head.i == cue.i


def _occasion(root: Token) -> Token | None:
    """The occasion noun a time dates (``an interview Sunday``, ``an interview in April``, ``an interview
    airing Sunday``, ``a statement released Thursday``), when it is the object of a preposition."""
    noun = root.head
    if noun.dep_ == "prep":
        noun = noun.head
    if noun.dep_ == "acl" and noun.tag_ in ("VBG", "VBN"):
        noun = noun.head
    if noun.dep_ != "pobj" or noun.pos_ != "NOUN":
        return None
    lemma = noun.lemma_.lower()
    if lemma in OCCASIONS or lemma in lexicons.load("quotes/medium_nouns") or lemma in lexicons.load(
            "quotes/reporting_nouns"):
        return noun
    return None
