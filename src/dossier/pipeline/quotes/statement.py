"""Whether a found quote reports a statement someone made, or only looks like one.

A cue and a clause after it are not enough for a user to be shown "X said Y". On real news
the commonest false quotes are:

* a topic, not a statement: a speech or stance verb whose object is a noun phrase
  ("praised the plan", "announced a concert", "denied the claims"), or an act or intent in
  an infinitive or gerund ("refused to intervene", "responded by easing sanctions");
* an indirect question ("explained why the plan failed"): the topic of the talk, not its words;
* a reported clause cut before its subject ("said he ... would be released" read as
  "would be released"), which is a fragment, not what was said;
* a question ("Who is the real con man here?", a moderator's "Did you lie to them?");
* words whose sayer the article names but the resolver left unlinked ("it said", "the agency
  said" where no named organisation fits, a cue-less quote with no speaker at all): the user
  would see a quote by no one that belongs to someone (an unnamed source, "a spokesman",
  "officials", is a speaker of its own and stays);
* a bare poll share as the sayer ("14 percent said ..."), a result whose poll is not named;
* what a message or record shows ("the emails reveal", "messages showed"): the writer's
  reading of evidence, not a person's words;
* a headline clause before a colon ("Book Debunks Senator: ...") taken for a source label.

:func:`doubt` names the first of these that holds; the quote keeps its place in the graph
(``--all``) with a confidence below the default threshold.
"""

from __future__ import annotations

from spacy.tokens import Doc, Token
from spacy.tokens import Span as DocSpan

from .. import lexicons
from ..syntax import SUBJECTS
from . import attribution as attr
from .base import Found

FINITE_TAGS = frozenset({"VBD", "VBZ", "VBP", "MD"})
# Pronouns and relatives that stand for someone named elsewhere ("it said", "the site, which said").
REFERRING = frozenset({"he", "she", "it", "they", "him", "her", "them", "that", "which", "who", "this"})
# Written messages whose contents the writer reads out ("the emails reveal"); polls and reports that
# find something are sources of their own (attribution's ``document_sources``).
STAND_IN_WORDS = frozenset({"to", "'s", "’s", "so"})  # "That's according to ...", "promised to do so"
# Wh-words opening an indirect question ("why", "how"); "whether" and "if" are left to the status (unknown).
WH_TOPICS = frozenset({"why", "how", "who", "what", "where", "when", "which"})
MESSAGES = frozenset({"email", "e-mail", "message", "memo", "text", "letter", "document", "record", "file",
                      "cable", "note"})


def doubt(doc: Doc, f: Found) -> str | None:
    """Why the words of ``f`` are not a statement its speaker made, or None when they are."""
    content = _content(doc, f)
    if content is None or not len(content):
        return None
    if _question(doc, f):
        return "question"
    if f.kind in ("indirect", "according_to") and not any(
            (_finite(t) or _small_clause(t, content)) and not _in_relative(t, content) for t in content) and not (
            _predicated(f, content) or _named_headline(doc, f) or _commitment(f, content)):
        return "act" if _verbal(content) else "topic"
    if f.kind == "mixed" and _infinitive_request(f, content):
        return "act"
    if f.kind in ("indirect", "mixed") and _indirect_question(content):
        return "topic"
    if f.kind in ("indirect", "mixed") and _bare_report(content):
        return "fragment"
    if f.kind in ("indirect", "according_to") and _empty_words(content):
        return "fragment"
    if f.kind == "according_to" and _nested_report(doc, content):
        return "nested report"
    if f.kind == "indirect" and _subjectless(content) and not _around(f):
        return "fragment"
    if f.speaker.key is None and not f.speaker.unnamed and _unlinked(f.speaker.span):
        return "unlinked speaker"
    if f.speaker.key is None and _poll_share(f.speaker.span):
        return "poll share"
    if f.speaker.key is None and _message_shows(f.speaker.span):
        return "message read out"
    if f.cue is not None and f.cue.text == ":" and (_headline_clause(f.speaker.span) or _headline_clause(
            _label(doc, f))):
        return "headline clause"
    return None


def _content(doc: Doc, f: Found) -> DocSpan | None:
    # A clause around its cue ("The depot, she said, will close"): the last piece holds the predicate,
    # the first its subject
    start, end = f.pieces[-1 if _around(f) else 0] if f.pieces else (f.start, f.end)
    return doc.char_span(start, end, alignment_mode="expand")


def _around(f: Found) -> bool:
    """A reported clause in several pieces: its subject and its predicate on either side of the cue."""
    return f.kind != "direct" and f.pieces is not None and len(f.pieces) > 1


def _question(doc: Doc, f: Found) -> bool:
    end = f.pieces[-1][1] if f.pieces else f.end
    return doc.text[f.start : end].rstrip("”’\"' )").endswith("?")


def _finite(tok: Token) -> bool:
    return tok.pos_ in ("VERB", "AUX") and ("Fin" in tok.morph.get("VerbForm", []) or tok.tag_ in FINITE_TAGS)


def _small_clause(tok: Token, content: DocSpan) -> bool:
    """A participle with its own subject ("shows Dana Holt leading in every county"): a clause; a bare
    infinitive with one ("refuses to let Holt sell the mill") is still an act."""
    return tok.pos_ in ("VERB", "AUX") and (tok.tag_ in ("VBG", "VBN") or _subjunctive(tok, content)) and any(
        c.dep_ in SUBJECTS and content.start <= c.i < content.end for c in tok.children)


def _infinitive_request(f: Found, content: DocSpan) -> bool:
    """A mixed quote that is a request or an act in infinitive form ("urged voters not to 'choose the
    road to ruin'", "agreed to keep the 'firewall'"): what someone was asked or agreed to do, with no
    clause of what was said; a promise made in words stays (:func:`_commitment`)."""
    if _commitment(f, content) or any(_finite(t) and not _in_relative(t, content) for t in content):
        return False
    return content[0].lower_ == "to" or (f.cue is not None and any(
        t.head.i == f.cue.i and t.dep_ in ("xcomp", "ccomp") and t.tag_ == "VB" and any(
            c.dep_ == "aux" and c.lower_ == "to" for c in t.children) for t in content))


def _commitment(f: Found, content: DocSpan) -> bool:
    """A promise or threat made in words ("vowed to fight the ruling"): the infinitive is what was
    pledged, a statement of its own."""
    return (f.cue is not None and content[0].lower_ == "to"
            and f.cue.lemma_.lower() in lexicons.load("quotes/commitment_verbs"))


def _predicated(f: Found, content: DocSpan) -> bool:
    """An object with what the speaker called it ("called the judge a liar", "attacked her as
    unreliable", "cited the closure as a blow"): a characterisation, a statement of its own."""
    if f.cue is None:
        return False
    kids = [c for c in f.cue.children if content.start <= c.i < content.end]
    return any(c.dep_ == "dobj" for c in kids) and any(
        c.dep_ == "oprd" or (c.dep_ == "prep" and c.lower_ == "as" and any(o.dep_ == "pobj" for o in c.children))
        for c in kids)


def _named_headline(doc: Doc, f: Found) -> bool:
    """A headline's ``Name: words`` whose label is only the named speaker ("Mayor Lane: Budget
    Deal 'Dead' in the House"): a headline's verbless clause is still what the named person said."""
    label = _label(doc, f)
    return (f.cue is not None and f.cue.text == ":" and f.speaker.key is not None and label is not None
            and _only_a_name(label) and _headline_words(doc, f))


def _only_a_name(label: DocSpan) -> bool:
    """Whether a label is one person's name with titles at most ("Sen. Ada Quill"; not "Clinic
    Report Debunks Quill", however a headline's capitals are tagged)."""
    words = [t for t in label if not (t.is_punct or t.is_space)]
    begins = [t for t in words if t.ent_type_ == "PERSON" and t.ent_iob_ == "B"]
    return len(begins) == 1 and all(
        t.ent_type_ == "PERSON" or t.lower_ in lexicons.title_words() for t in words)


def _headline_words(doc: Doc, f: Found) -> bool:
    """A headline clause, however it is tagged: a verb, or words set in quotation marks
    ("Harbor Deal 'Dead' in the Senate"), not a bare title ("The Untold Story of a Senator")."""
    content = doc.char_span(f.start, f.end, alignment_mode="expand")
    return content is not None and any(t.pos_ in ("VERB", "AUX") or t.is_quote for t in content)


def _subjunctive(tok: Token, content: DocSpan) -> bool:
    """A bare verb heading the content ("insisted the aide go home"): a mandative clause; one under
    another verb of the content ("to let Holt sell the mill") is that verb's complement."""
    return tok.tag_ == "VB" and tok.i == content.root.i and content[0].lower_ != "to"


def _in_relative(tok: Token, content: DocSpan) -> bool:
    """Whether ``tok`` sits in a relative clause or a clause modifying a noun of the content
    ("confirmed her claims, which are listed in the report"): the verb describes the topic, it is
    no clause of what was said."""
    while content.start <= tok.i < content.end and tok.head.i != tok.i:
        if (tok.dep_ in ("relcl", "acl") and tok.head.pos_ in ("NOUN", "PROPN", "PRON")
                and content.start <= tok.head.i < content.end and not _misparsed_that(
                tok, content)):
            return True
        tok = tok.head
    return False


def _misparsed_that(verb: Token, content: DocSpan) -> bool:
    """``said that mothers that catch it should not ...`` parsed as a noun and its relative clause:
    a content opened by ``that`` whose "relative" verb has a subject of its own, no relative
    pronoun, is the reported clause."""
    return content[0].lower_ == "that" and any(
        c.dep_ in SUBJECTS and c.tag_ not in ("WDT", "WP") for c in verb.children)


def _bare_report(content: DocSpan) -> bool:
    """A content that is itself a report with nothing reported ("recalled the governor telling
    him"): the words said are elsewhere (a quotation beside it), the clause is a fragment."""
    root = content.root
    kids = [c for c in root.children if content.start <= c.i < content.end]
    # a participle with no auxiliary ("the governor telling him"; not "talks are continuing")
    return attr.is_cue_verb(root) and root.tag_ == "VBG" and not any(
        c.dep_ in ("ccomp", "xcomp", "parataxis", "aux", "auxpass") or (c.dep_ == "dobj" and c.pos_ != "PRON")
        for c in kids)


def _indirect_question(content: DocSpan) -> bool:
    """A content that is a wh-clause ("explained why the plan failed", "to explain who Ali was"): what
    the talk was about, not what was said; a free relative as a subject ("said what she wanted was a
    pier") is a clause of its own."""
    first = content[0]
    root = content.root
    return first.tag_ in ("WRB", "WP") and first.lower_ in WH_TOPICS and first.head.i == root.i and (
        not any(c.dep_ in ("csubj", "csubjpass") for c in root.children))


def _empty_words(content: DocSpan) -> bool:
    """A content of stand-in words only ("That's according to the caucus", "cannot do what he
    promises to do"): what was said is in the sentence before or a relative outside the content."""
    words = [t for t in content if not (t.is_punct or t.is_space)]
    return bool(words) and all(
        t.pos_ in ("PRON", "AUX", "PART", "DET") or t.lower_ in STAND_IN_WORDS or t.lemma_.lower() == "be"
        or (t.lemma_.lower() == "do" and t.pos_ == "VERB") for t in words)


def _nested_report(doc: Doc, content: DocSpan) -> bool:
    """An ``according to`` whose clause is someone else's quotation with its cue after it
    ("'The port will close,' Holt said, according to a Ledger account"): the quotation is that
    speaker's; the account is a source of the report, not of one more statement."""
    return any(attr.is_cue_verb(t) and t.dep_ in ("ROOT", "parataxis") and any(c.dep_ in SUBJECTS for c in t.children)
               and any(q.is_quote for q in content[: t.i - content.start]) for t in content)


def _label(doc: Doc, f: Found) -> DocSpan | None:
    """The words of the line before a label colon ("Report Debunks Mayor Lane:"), back to the
    line's start or an earlier sentence end or quotation mark (a headline may be parsed as two
    sentences)."""
    if f.cue is None:
        return None
    lo = f.cue.i
    while lo > 0 and not (doc[lo - 1].is_space or doc[lo - 1].is_quote
                                         or doc[lo - 1].text in (".", "!", "?")):
        lo -= 1
    return doc[lo : f.cue.i]


def _verbal(content: DocSpan) -> bool:
    """An infinitive or gerund complement ("to intervene", "easing sanctions"): an act or an intent."""
    first = content[0]
    return first.lower_ == "to" or first.tag_ in ("VB", "VBG") or content.root.tag_ in ("VB", "VBG")


def _subjectless(content: DocSpan) -> bool:
    """A reported clause whose main verb has lost its subject ("would be publicly released soon")."""
    root = content.root
    kids = [c for c in root.children if content.start <= c.i < content.end]
    # "could easily be undone", "would be released": the finite word is the modal
    finite = _finite(root) or any(c.dep_ == "aux" and c.tag_ == "MD" and c.i == content.start for c in kids)
    if not finite or (root.i == content.start and root.tag_ == "VB"):
        return False
    return not any(c.dep_ in SUBJECTS or c.dep_ == "expl" for c in kids) and not any(
        c.dep_ == "aux" and c.lower_ in {"to"} for c in kids)


def _unlinked(span: DocSpan | None) -> bool:
    """No speaker span at all, or one that stands for someone named: a pronoun, a relative, a name,
    a definite description ("the agency", "its statement") or a named holder's institution ("Japan's
    central bank") left unresolved."""
    if span is None or not len(span):
        return True
    root = attr.antecedent(span.root)
    if attr.is_document(root):  # "the audit found": a record is a source of its own
        return False
    if root.lower_ in REFERRING or root.pos_ == "PROPN" or span.root.tag_ in ("WP", "WDT"):
        return True
    if root.lemma_.lower() in lexicons.load("quotes/organisation_nouns") and any(
            c.dep_ in ("poss", "compound") and c.pos_ == "PROPN" for c in root.children):
        return True  # "Japan's central bank", "the Pell government": a named organisation, left unlinked
    return any(c.dep_ in ("det", "poss") and c.lower_ in {"the", "this", "its", "his", "her", "their"}
               for c in root.children)


def _poll_share(span: DocSpan | None) -> bool:
    """A bare share of a poll's respondents as the sayer ("14 percent said", "almost half say",
    "three in 10 said"): a poll result whose poll is not named, not anyone's statement. A share of a
    named group ("half of the senators") is left to that group."""
    if span is None or not len(span):
        return False
    root = span.root
    if any(c.dep_ == "prep" and c.lower_ == "of" for c in root.children):
        return False
    if root.lemma_.lower() in lexicons.load("quotes/poll_shares") or root.lower_ in lexicons.load("quotes/poll_shares"):
        return True
    # "three in 10", parsed either way: "in" a preposition of the first number or a quantifier of the second
    return root.pos_ == "NUM" and any((c.dep_ == "prep" and c.lower_ == "in" and any(
        o.pos_ == "NUM" for o in c.children)) or (c.dep_ == "quantmod" and c.lower_ == "in") for c in root.children)


def _message_shows(span: DocSpan | None) -> bool:
    if span is None or not len(span):
        return False
    root = attr.antecedent(span.root)
    return root.lemma_.lower() in MESSAGES and root.lemma_.lower() not in lexicons.load("quotes/statement_nouns")


def _headline_clause(span: DocSpan | None) -> bool:
    """A speaker "label" before a colon that is itself a clause with a verb ("Book Debunks Senator")."""
    return span is not None and any(t.pos_ == "VERB" and _finite(t) for t in span)
