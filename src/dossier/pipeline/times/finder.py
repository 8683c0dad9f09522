"""The ``dossier_times`` component: time expressions, normalised (TIMEX3) and anchored.

Detection and the shape of each value come from the token grammar of
:mod:`.grammar` (its docstring lists the patterns); the calendar
arithmetic from :mod:`.timex`. This module supplies the context a value needs:

* the publication date (:func:`..doc_state.published`) for deictic
  expressions ("yesterday", "last month", "Friday"): ``anchor="published"``;
  without one they stay unresolved ("XXXX-XX-XX"), never today's date;
* for anaphoric ones ("that same day", "the following year", "six years
  before") the nearest preceding date in the same paragraph:
  ``anchor`` is that expression's text (the publication date when there is none);
* the tense of the governing verb: a bare weekday or month is the latest past
  one unless the verb is future ("will", "is scheduled to", "is to", "as soon
  as Monday"); a time inside a noun phrase ("Tuesday's vote") is not made
  future by a present-tense verb; a verbless clause ("worth $5 in October")
  has no tense, a participle clause ("…, rising to $40 in March") its main
  verb's; a past verb puts a month two or more months ahead back a year; "since" points back, "effective" and a deadline
  moved "until" or "through" a day ("postponed until Tuesday") point ahead, and a past-perfect
  plan ("had been scheduled to expire Friday") is past; a bare participle of planning ("a vigil
  planned for Saturday was cancelled") and a bare infinitive ("let the march begin Saturday")
  take the tense of the clause they hang from, and so does a bare gerund ("quit before
  announcing her run in April"); an event noun with a present "is" ("the vote is
  Thursday") is ahead, and so is a day "ahead of" or "in the run-up to" it (unless a past verb
  says otherwise: "sent emails in the hours leading up to Monday's vote"), "come November" and
  a passive infinitive ("a speech to be delivered Wednesday"); a plain present schedules a
  weekday ahead ("meets Monday") but not a month ("the rent it pays in July"); a clock time on a
  line of its own (a live blog's "9:34 p.m." header) is on the publication day;
* business context: "the latest quarter/period" is the quarter under
  discussion (a quarter over by publication, or one "ended" on a date, before a
  forecast one), and "a year ago" beside it or beside "the quarter" that quarter
  a year back, while a plain "last year" stays the calendar year; beside "the (first) nine
  months" a year back is last year itself, and after a period already a year back
  ("the 1988 period. The year-ago results") it is that same period;
* the preposition before a date: since/from -> mod ON_OR_AFTER, until/through
  -> ON_OR_BEFORE, before -> BEFORE, after -> AFTER (TIMEX3 mods).

Absolute expressions ("July 21, 2024") get ``anchor=None``. Results are
:class:`dossier.graph.Time` objects with character offsets into ``doc.text``
in ``doc_state.section(doc, doc_state.TIMES)``. :func:`governing_time` gives other
components the time that governs a fact at given offsets.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, replace
from datetime import date

from spacy.tokens import Doc, Span, Token

from ...graph import Time
from .. import doc_state, lexicons
from ..component import DossierComponent
from ..syntax import clause_head
from ..text import ParagraphIndex
from .grammar import scan
from .timex import Expr, Point, parse_point, resolve, shift

FUTURE_AUX = {"will", "'ll", "shall", "wo", "’ll"}
PAST_AUX = {"had", "did", "was", "were", "'d"}
BARE_INFINITIVE_HEADS = {"let", "make", "help", "see", "watch", "hear", "have"}
MODALS = {"would", "could", "might", "may", "should", "can", "must"}
MONTHS_SPAN = re.compile(r"P\d+M")
PREP_MODS = {"since": "ON_OR_AFTER", "from": "ON_OR_AFTER", "until": "ON_OR_BEFORE", "till": "ON_OR_BEFORE",
             "through": "ON_OR_BEFORE", "before": "BEFORE", "after": "AFTER", "by": "ON_OR_BEFORE"}


def published_point(doc: Doc) -> Point | None:
    """The publication date of ``doc`` as a day point, or None."""
    raw = doc_state.published(doc)
    if not raw:
        return None
    try:
        return Point(date.fromisoformat(raw[:10]), "D")
    except ValueError:
        return None


AHEAD_OF = re.compile(r"\b(?:ahead of|(?:lead|leading|run)[- ]up to)(?: (?:the|voting|polling))?\s+$", re.I)


def _alone_on_line(doc: Doc, start: int, end: int) -> bool:
    """Whether the characters ``start:end`` make up a line of their own (a time-stamp header)."""
    text = doc.text
    line_start = text.rfind("\n", 0, start) + 1
    line_end = text.find("\n", end)
    line_end = len(text) if line_end < 0 else line_end
    return not text[line_start:start].strip() and not text[end:line_end].strip(" .:\t")


def tense(doc: Doc, e: Expr) -> str | None:
    """"past", "future" or None for the verb governing the expression ``e``."""
    span = doc[e.start:e.end]
    if e.start >= 3 and doc[e.start - 3:e.start].text.lower() == "as soon as":
        return "future"  # "as soon as Tuesday"
    before = doc[e.start - 1].lower_ if e.start else ""
    if before == "effective":
        return "future"  # "effective Feb. 1": a change that takes effect
    if before == "come" and doc[e.start - 1].tag_ in ("VB", "VBP", "VBN") and not any(
            c.dep_ in ("aux", "auxpass") for c in doc[e.start - 1].children):
        # "the votes she will need come November": when November comes; not a perfect
        # ("the ruling had come Tuesday")
        return "future"
    if e.start and AHEAD_OF.search(doc.text[max(0, span.start_char - 30):span.start_char]):
        # "(in the) lead-up to Tuesday's primary": still to come, unless a past verb tells it
        # ("sent emails in the minutes leading up to Monday's caucuses")
        told = _clause_tense(doc, e, span, before)
        root = span.root.sent.root
        if told is None and root.pos_ in ("VERB", "AUX"):
            told = _verb_tense(root)  # "leading up to": a participle takes the main clause's time
        return "past" if told == "past" else "future"
    return _clause_tense(doc, e, span, before)


def _clause_tense(doc: Doc, e: Expr, span: Span, before: str) -> str | None:
    """The tense of the verb that governs ``span`` (up the dependency tree)."""
    tok: Token = span.root
    # a time inside a noun phrase ("Tuesday's ruling") takes no tense from a present verb
    attributive = tok.dep_ in ("poss", "compound", "nmod")
    for _ in range(8):
        if tok.pos_ == "ADJ" and tok.dep_ in ("ccomp", "advcl", "xcomp"):
            return None  # a verbless clause ("her shares, worth $5 in October, ...") says no tense
        if tok.pos_ in ("VERB", "AUX") and tok.dep_ not in ("amod",):
            if before in ("until", "till", "through") and tok.lemma_.lower() in lexicons.load("times/deferral_verbs"):
                return "future"  # "postponed until Tuesday": a new date ahead
            # a month alone recurs ("pays in July"); a dated day does not ("meets Feb. 3")
            return _verb_tense(tok, attributive, habitual=e.kind == "calendar" and e.day is None)
        if tok.lower_ == "since" and tok.dep_ in ("prep", "mark", "advmod"):
            return "past"  # "since (shortly after) the Oct. 23 slaying"
        if tok.head is tok:
            return None
        tok = tok.head
    return None


def _past_perfect(tok: Token) -> bool:
    """Whether ``tok`` (or the copula of an adjective: "had been due") has a past-perfect "had"."""
    heads = [tok, tok.head] if tok.dep_ == "acomp" else [tok]
    return any(c.dep_ in ("aux", "auxpass") and c.lower_ in ("had", "'d") for h in heads for c in h.children)


def _negative_subject(verb: Token) -> bool:
    """Whether the subject of ``verb`` is negative ("neither ... nor", "no one", "nobody")."""
    for subj in (c for c in verb.children if c.dep_ in ("nsubj", "nsubjpass")):
        words = {w.lower_ for w in subj.subtree}
        if words & {"neither", "nobody", "none"} or ("no" in words and "one" in words):
            return True
    return False


def _verb_tense(verb: Token, attributive: bool = False, habitual: bool = False) -> str | None:
    """The tense a verb gives a time it governs; ``habitual`` for a month, which a plain present
    ("the rent it pays in July") does not schedule ahead as it does a weekday ("meets Monday")."""
    auxes = [c for c in verb.children if c.dep_ in ("aux", "auxpass")]
    lowers = {a.lower_ for a in auxes}
    if lowers & FUTURE_AUX:
        return "future"
    head = verb.head
    if not auxes and head is not verb:
        if verb.dep_ in ("ccomp", "xcomp") and head.lemma_.lower() in BARE_INFINITIVE_HEADS and \
                verb.tag_ in ("VB", "VBP"):
            return _verb_tense(head, habitual=habitual)  # "Lund let the strike begin Saturday": "let"'s tense
        if verb.tag_ == "VBN" and verb.dep_ in ("acl", "advcl") and \
                verb.lemma_.lower() in lexicons.load("times/future_verbs"):
            # a bare participle of planning ("as planned Saturday", "a rally planned for Saturday
            # was cancelled") is neither past nor ahead by itself: the clause it hangs from says
            clause = head
            for _ in range(4):
                if clause.pos_ in ("VERB", "AUX") or clause.head is clause:
                    break
                clause = clause.head
            if clause.pos_ in ("VERB", "AUX") and clause is not verb:
                return _verb_tense(clause, habitual=habitual)
    if {"to", "be"} <= lowers and verb.tag_ == "VBN" and verb.dep_ in ("acl", "relcl") and not attributive:
        return "future"  # "an address to be delivered Wednesday": a thing still to happen
    if "to" in lowers and verb.head is not verb and verb.dep_ in ("xcomp", "ccomp", "advcl"):
        head = verb.head
        if _past_perfect(head):
            return "past"  # "had been scheduled to expire Friday": the plan, and its date, are past
        if head.lemma_.lower() in lexicons.load("times/future_verbs") or head.lower_ == "going":
            return "future"
        if head.lemma_ == "be" and head.tag_ in ("VBZ", "VBP"):
            return "future"  # "is to resume trading Tuesday"
        return _verb_tense(head, habitual=habitual) if head.pos_ in ("VERB", "AUX") else None
    if "could" in lowers and (any(c.dep_ == "neg" for c in verb.children) or _negative_subject(verb)):
        return "past"  # "could not be reached Tuesday", "neither he nor his aides could be reached Tuesday"
    if verb.lemma_.lower() in lexicons.load("times/future_verbs") and verb.tag_ != "VBD" and not lowers & PAST_AUX:
        return "future"
    scheduled = not attributive  # "Tuesday's ruling" is not scheduled by a present verb
    if scheduled and verb.tag_ == "VBG" and lowers & {"is", "are", "'s", "'re", "am"}:
        return "future"  # "is meeting Friday"
    modal = lowers & MODALS and not lowers & {"have", "'ve"}
    if scheduled and (modal or (verb.tag_ in ("VBZ", "VBP") and verb.lemma_ not in ("be", "say") and not habitual)):
        return "future"  # "could come Tuesday", "meet separately Monday": scheduled
    if scheduled and verb.lemma_ == "be" and verb.tag_ in ("VBZ", "VBP") and not auxes and any(
            c.dep_ == "nsubj" and c.lemma_.lower() in lexicons.load("times/dated_nouns") for c in verb.children):
        return "future"  # "the vote is Thursday": an event in the present tense is on the calendar
    if verb.tag_ == "VBD" or lowers & PAST_AUX or (verb.tag_ == "VBN" and lowers & {"has", "have", "'ve"}):
        return "past"
    if verb.tag_ == "VBN" and not auxes:
        return "past"
    if verb.tag_ == "VBG" and not auxes and verb.dep_ == "advcl" and verb.head.pos_ in ("VERB", "AUX"):
        return _verb_tense(verb.head, habitual=habitual)  # "has fluctuated, rising to $40 in March"
    if verb.tag_ == "VBG" and not auxes and verb.dep_ in ("pcomp", "xcomp"):
        clause = verb.head
        for _ in range(3):  # "quit before announcing her run in April": the time of "quit"
            if clause.pos_ in ("VERB", "AUX") or clause.head is clause:
                break
            clause = clause.head
        if clause.pos_ in ("VERB", "AUX") and clause is not verb:
            return _verb_tense(clause, habitual=habitual)
    return None


def _prep_mod(doc: Doc, e: Expr) -> str | None:
    if e.start == 0 or e.type not in ("DATE", "TIME"):
        return None
    return PREP_MODS.get(doc[e.start - 1].lower_)


@dataclass
class _Seen:
    para: int
    sent: int
    point: Point
    text: str
    primary: bool  # named in its own right, not computed from another expression
    closed: bool = False  # "the fourth quarter ended Sept. 30": reported, whatever the calendar says
    current: bool = False  # "the quarter", "the latest period": the quarter under discussion itself
    backdated: bool = False  # "last year", "the 1988 period": already the year before the one discussed


def _reported(quarters: list[_Seen], dct: Point | None) -> list[_Seen]:
    """The quarters that were over by publication, when there are any (else all of them).

    Reported results are of a past quarter; a quarter still ahead ("expects a fourth-quarter
    loss") is a forecast, not the one under discussion, unless no other is named (a fiscal
    fourth quarter can end in September). A quarter "ended Sept. 30" is over whatever its number says.
    """
    ended = [q for q in quarters if dct is None or q.closed or shift(q.point.day, "Q", 1) <= dct.day]
    return ended or quarters


def _reference(e: Expr, doc: Doc, seen: list[_Seen], para: int, sent: int,
               dct: Point | None) -> tuple[Point | None, str | None, Expr]:
    """The point ``e`` is relative to, the anchor to report, and ``e`` adjusted to it."""
    if e.rel == "quarter":
        # the quarter under discussion, else the last quarter ended before publication
        quarters = _reported([s for s in seen if s.point.gran == "Q" and s.primary], dct)
        if quarters:
            # the latest reported quarter: an earlier one named since ("after a flat second
            # quarter") is a comparison, not the period the figures are for
            latest = max(reversed(quarters), key=lambda q: q.point.day)
            if e.month is not None:  # "the quarter ended Sept. 29" after "its fiscal first quarter"
                return latest.point, latest.text, replace(e, kind="shift", offset=0, day=None, month=None)
            return latest.point, latest.text, e
        if e.month is not None:
            return dct, "published", e  # "the quarter ended July 31": May to July, mostly the second
        if e.kind == "quarter":
            return None, None, e  # "the 1988 period" with no quarter in sight: the year
        if dct is None:
            return None, "published", e
        return Point(shift(dct.day, "Q", -1), "Q"), "published", e
    calendar_year = doc[e.start].lower_ == "last" and doc[e.end - 1].lower_ == "year" and \
        (e.end >= len(doc) or doc[e.end].lower_ not in ("'s", "’s"))
    if e.kind == "shift" and e.unit == "Y" and e.offset == -1 and e.type == "DATE" and not calendar_year:
        # "a year ago", "last year's" beside a quarter mean that quarter a year back;
        # plain "last year" is the calendar year
        near = [s for s in seen if para - 1 <= s.para <= para]
        quarters = _reported([s for s in near if s.point.gran == "Q" and (s.primary or s.current)], dct)
        # "a year earlier" right after "Sept. 30" is that day a year back, not the quarter's
        latest_first = e.rel != "anaphor" or (near and near[-1].point.gran == "Q")
        if quarters and latest_first:
            return quarters[-1].point, quarters[-1].text, replace(e, keep_gran=True)
    if e.rel == "anaphor":
        # this paragraph first, then the one before (news paragraphs are short)
        near = [s for s in seen if s.para in (para, para - 1)]
        if (e.type == "TIME" and e.unit == "D") or e.kind == "weekday":
            near = [s for s in near if s.point.gran == "D"]  # "at midday", "that Friday" need a day, not "last year"
        elif e.unit == "D":
            # "later in the day", "the next day": the day last named, not a quarter named after it
            near = [s for s in near if s.point.gran == "D"] or near
        if e.unit == "Q":
            near = [s for s in near if s.point.gran == "Q"]  # "that quarter": the last quarter named
            if not near:
                return _reference(replace(e, rel="quarter"), doc, seen, para, sent, dct)
        prior = [s for s in near if s.para == para] or [s for s in near if s.para == para - 1]
        if prior:
            if _year_back(e) and prior[-1].backdated:
                # "... in the 1988 period. The year-ago results ...": the same year-back period
                return prior[-1].point, prior[-1].text, replace(e, offset=0)
            return prior[-1].point, prior[-1].text, e
        if e.kind == "weekday" and not e.strict:
            return dct, "published", replace(e, direction=None)  # "that Friday" with no day before it: the tense's
        return dct, "published", replace(e, keep_gran=False)
    if e.rel == "dct":
        return dct, "published", e
    if e.rel == "weekend":
        # "ahead of/before/until the weekend" is the coming one
        ahead = (e.start >= 1 and doc[e.start - 1].lower_ in ("before", "until", "till")) or \
            (e.start >= 2 and doc[e.start - 2:e.start].text.lower() == "ahead of")
        if dct is not None and dct.day.isoweekday() <= 3 and not ahead:
            return dct, "published", replace(e, offset=-1)
        return dct, "published", e
    return None, None, e


def _year_back(e: Expr) -> bool:
    """Whether ``e`` is a year back from another time ("a year earlier", "year-ago")."""
    return e.kind == "shift" and e.unit == "Y" and e.offset == -1 and e.type == "DATE"


def _backdated(e: Expr, point: Point, dct: Point | None) -> bool:
    """Whether ``e`` names a time a year back from the one under discussion, computed rather than named.

    "last year", "a year ago" and "the 1988 period" (a quarter borrowed in the year before
    publication) are; a named date ("March 1988") is not.
    """
    if _year_back(e):
        return True
    return e.rel == "quarter" and e.year is not None and dct is not None and point.day.year < dct.day.year


def _year_back_in_span(e: Expr, dct: Point) -> str | None:
    """The year of a year-back time beside "the (first) nine months", or None.

    "For the nine months, net rose from $5 million a year earlier": the span under discussion
    is this year's first months, so its year-back twin is last year's, written as that year
    (neither a quarter nor a day fits it).
    """
    if _year_back(e) and e.rel == "anaphor":
        return f"{dct.day.year - 1:04d}"
    if e.kind == "quarter" and e.rel == "quarter" and e.day is None and e.year is not None:
        return f"{e.year:04d}"  # "in the 1988 period"
    return None


def find_times(doc: Doc) -> list[Time]:
    """Detect, normalise and anchor the time expressions of ``doc`` (character offsets into ``doc.text``)."""
    dct = published_point(doc)
    paras = ParagraphIndex(doc.text)
    out: list[Time] = []
    seen: list[_Seen] = []  # resolved dates so far, for anaphors
    month_spans: set[int] = set()  # sentences that name a stretch of months ("the first nine months")
    for e in scan(doc):
        span = doc[e.start:e.end]
        para = paras.of(span.start_char)
        sent = span[0].sent.start if doc.has_annotation("SENT_START") else 0
        if e.type == "TIME" and e.rel == "anaphor" and _alone_on_line(doc, span.start_char, span.end_char):
            e = replace(e, rel="dct")  # a live blog's "9:34 p.m." header: the day of publication
        try:
            ref, anchor, e = _reference(e, doc, seen, para, sent, dct)
        except (OverflowError, ValueError):  # "last quarter" before year 1: no reference
            ref, anchor = None, None
        if e.type == "TIME" and e.end - e.start == 2 and doc[e.start].lower_ == "the" and \
                doc[e.start + 1].lower_ in ("morning", "afternoon", "evening") and anchor in ("published", None):
            continue  # "in the afternoon" with no day named before it: which day is not said
        value = resolve(e, ref, tense(doc, e))
        if sent in month_spans and dct is not None:
            value = _year_back_in_span(e, dct) or value
        if e.type == "DURATION" and doc[e.start].lower_ == "the" and MONTHS_SPAN.fullmatch(value):
            month_spans.add(sent)
        mod = e.mod or _prep_mod(doc, e)
        time = Time(span.start_char, span.end_char, span.text, "body", e.type, value, anchor, mod)  # type: ignore[arg-type]
        out.append(time)
        point = parse_point(value) if e.type in ("DATE", "TIME") else None
        if point is not None:
            computed = e.kind == "shift" and not (e.rel == "dct" and e.unit != "Y")
            # "the 1988 period" borrows its quarter; "the quarter ended July 31" names its own
            primary = not computed and (e.rel != "quarter" or e.month is not None)
            closed = e.end < len(doc) and doc[e.end].lower_ in ("ended", "ending")
            current = e.rel == "quarter" and e.kind == "shift" and e.offset == 0
            seen.append(_Seen(para, sent, point, span.text, primary, closed, current, _backdated(e, point, dct)))
            if e.rel is None or e.rel == "dct":
                month_spans.discard(sent)  # "the six months ended Aug. 12": a year back is from that day
    return out


class TimeFinder(DossierComponent[list[Time]]):
    """``dossier_times``: the article's time expressions, normalised."""

    def match(self, doc: Doc) -> list[Time]:
        return find_times(doc)

    def set_annotations(self, doc: Doc, found: list[Time]) -> None:
        doc_state.section(doc, doc_state.TIMES).extend(found)


def governing_time(doc: Doc, start_char: int, end_char: int) -> Time | None:
    """The time expression that governs the fact at ``start_char:end_char`` of ``doc.text``.

    Looks first for a time attached to the clause of the fact (its head verb or
    the verb's subtree), then anywhere in the same sentence (the nearest one).
    Only dates and clock times (PRESENT_REF-style references among them) answer "when": a
    duration ("over five years", "months after ...") or a set ("every week") is no time of
    the fact. Pass the cue or verb of a quote, the evidence of a relation; times inside a
    direct quotation's content speak about its content, not when it was said.
    """
    times = [t for t in doc_state.section(doc, doc_state.TIMES) if t.in_ == "body" and t.type in ("DATE", "TIME")]
    if not times:
        return None
    span = doc.char_span(start_char, end_char, alignment_mode="expand")
    if span is None or len(span) == 0:
        return None
    sent = span[0].sent
    head = clause_head(span.root, steps=8)
    in_sent = [t for t in times if sent.start_char <= t.start < sent.end_char]
    if not in_sent:
        return None

    def rank(t: Time) -> tuple[int, int]:
        tspan = doc.char_span(t.start, t.end, alignment_mode="expand")
        level = 2
        if tspan is not None:
            root = tspan.root
            if _attached_to(root, head):
                level = 0
            elif head.left_edge.i <= root.i <= head.right_edge.i:
                level = 1
        distance = min(abs(t.start - end_char), abs(start_char - t.end))
        return (level, distance)

    return min(in_sent, key=rank)


def _attached_to(tok: Token, verb: Token) -> bool:
    """Whether ``tok`` hangs from ``verb`` without another verb between them."""
    for _ in range(6):
        if tok is verb:
            return True
        if tok.head is tok:
            return False
        tok = tok.head
        if tok is not verb and tok.pos_ in ("VERB", "AUX") and tok.dep_ not in ("aux", "auxpass"):
            return False
    return False
