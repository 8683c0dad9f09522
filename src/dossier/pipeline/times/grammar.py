"""A token grammar for English time expressions in news (detection; values via :mod:`.timex`).

Every rule reads the spaCy tokens at one position and returns an :class:`Expr`
(extent, type and how to compute the value); :func:`scan` keeps the longest
match at each position, left to right. :func:`rules_at` indexes the rules by the
lower-cased words that can start them (worked out once per distinct word), so a
token that starts no time expression costs one lookup. Word lists live in
``lexicons/times/*.txt``.

Patterns (``N`` a number or number word, ``U`` a unit: day, week, month,
quarter, year, decade, century, hour, minute, second, weekend):

* Calendar dates: "July 21, 2024", "Aug. 7", "21 July 2024", "the 21st of July",
  "Friday, July 21", "2024-07-21", "7/21/2024" -> "2024-07-21" (a missing year
  comes from the publication date: "XXXX-07-21" without one); "August 2024",
  "July of 2024" -> "2024-08"; "April 24 and 25" -> two dates; "the March vote" (an ambiguous
  month before an event noun of ``dated_nouns``) -> "YYYY-03"; "June last year", "March 3 this year" -> that year's
  ("2024-06"); "last Oct. 23" -> the latest past one; a month alone ("in May") -> "YYYY-05"; holidays,
  fixed or movable ("Christmas 2023" -> "2023-12-25", "last Thanksgiving",
  "Easter week" -> an ISO week); a year may be in words ("January nineteen
  ninety-seven").
* Years: a four-digit number 1000-2099 that is a year by its context ("in 2019",
  "since 2019", "fiscal 2024", "her 2024 loss", "the 2028 Olympics", spaCy's DATE) -> "2024"; decades
  "the 1990s", "the '90s", "the nineties" -> "199X" (HeidelTime's notation); "the 20th
  century" -> "19"; "mid-1990s",
  "early 2024", "the end of 2024" add mod MID/START/END; "pre-1990"/"post-1990"
  add BEFORE/AFTER; years in words "nineteen ninety-six", "the year two
  thousand" ("two thousand" alone is a count).
* Business news: "for the year", "the full/fiscal/current year" -> the
  publication's year ("the latest fiscal year" the one before); "the year
  ended June 30" -> "P1Y"; "by year-end" -> the year, mod END; "the latest
  period", "the 1988 period/quarter", "the same period last year" -> the
  quarter under discussion (its year moved); "the quarter a year ago", "the
  year-earlier third quarter" -> a year back; "this year's third quarter"; "the quarter
  ended July 31" -> the calendar quarter most of its months lie in ("2024-Q2") when no
  quarter was named before it.
* Deictic words (publication date): "yesterday", "today", "tomorrow" (not "today's youth",
  "the leaders of tomorrow": the age, nouns of ``generic_nouns``),
  "tonight" (TNI), "this morning" (TMO), "last night"; "last/this/next/coming/
  past" + U, weekday, month or season ("last month" -> "2025-01", "next week"
  -> "2025-W07", "last summer" -> "2024-SU"); weekdays alone ("Friday": the
  latest past one, or the coming one under a future verb); "N U ago" ->
  "2016"; "N U from now"; "earlier this year"; quarters/halves "the third
  quarter (of 1989)" -> "1989-Q3", "the first half of 2024" -> "2024-H1", "the first
  quarter of next year", "Q3 (2024)"; "late Tuesday", "the end of the decade" (mod END);
  "the second half of July" -> that month (mod END).
* Anaphoric (the nearest preceding time): "that (very) (same) day", "that quarter" (the last
  quarter named), "in the morning" (that day's, TMO), "the
  same week", "the next/following/previous day|year", "the day before/after",
  "earlier/later that year", "N U earlier/later/before/prior/after/on",
  "that Friday" (the first from the referent),
  "year-earlier" -> value of the referent moved ("six years before" a
  2024 event -> "2018"); "an hour later" (sub-day units) is the gap, "PT1H".
* References: "now", "currently", "current" before a noun ("her current post";
  not "current account") -> PRESENT_REF; "recently", "the past" -> PAST_REF;
  "the future", "the near future", "the short term" -> FUTURE_REF; "now that ..." is now;
  "recent years", "recent weeks and months" -> PAST_REF and "(the) coming months", "future
  quarters" -> FUTURE_REF (HeidelTime's date rules for "recent U" and "coming U").
* Durations: "N U" -> "P3Y", "PT5H" (decades in years: "two decades" ->
  "P20Y"); "N-U" ("two-year") ; "the past/next/first N U"; vague amounts
  "several years", "for years", "over the years", "the months ahead" -> "P_Y", "P_W", "P_M";
  "will/hopes one day" -> FUTURE_REF; "(will close) in five years" -> "2030";
  "a couple of years" -> "P2Y"; "2 1/2 years" -> "P2Y6M";
  "two to three weeks" -> "P2W" (the lower bound); "the first two quarters (of 2024)" -> "2024-H1";
  "a five year plan" (a unit modifying a noun); quantity mods "more than" (MORE_THAN),
  "about" (APPROX), "at least" (EQUAL_OR_MORE), ...
* Sets: "every week", "each year" -> "P1W", "P1Y"; "daily" -> "P1D"; "every
  Monday", "on Mondays" -> "XXXX-WXX-1"; "$5 a year" -> "P1Y".
* Clock times (TIME): "10:35 a.m.", "5 p.m. EDT", "4 in the morning", "11 at night", "noon",
  "midnight", "mid-afternoon (yesterday)" (TAF, mod MID), joined
  with a following day ("10 p.m. Wednesday", "10:35 a.m. (0735 GMT) Friday") ->
  "...T22:00"; "high noon" and a capitalised "Noon" are not times. "Friday evening"
  -> "...TEV" (TimeBank writes "Friday morning/night" mostly as the day alone). "the week of
  March 6" -> its ISO week; a capitalised unit mid-sentence ("This Week") is a title.
* Left-overs: a spaCy DATE/TIME entity no rule read is kept when a unit noun
  gives it a value: "weeks" -> "P_W", "an additional year" -> "P1Y", "the week"
  -> "1989-WXX" (the publication's year), "in 2008, the year she left" -> "2008"; ages, bare numbers, "the days ...",
  "the day", a possessive's stretch ("her years as mayor") and "a no-quarter fight" are dropped.
  "a quarter-century" is 25 years.

Conventions follow the TimeML annotation guidelines for TIMEX3 values (ISO 8601
dates and weeks, the PRESENT_REF/PAST_REF/FUTURE_REF references, parts of the
day such as TNI, sets such as "XXXX-WXX-2TNI") and the news strategy described
for HeidelTime (Strötgen and Gertz, SemEval 2010 and LRE 2012): relative
expressions resolve against the publication date, the tense of the sentence
choosing between a past and a coming occurrence. The rules are our own.

Ambiguous words are dates only in date context: "May"/"March"/"June"/"April"/
"August" need a day or year beside them or a temporal word before them and
must not be a modal, a verb or part of a name; months and weekdays must be
capitalised and outside PERSON/ORG/WORK_OF_ART names; "fall" is a season only
beside a year or "last/this/next/early/late"; bare numbers ("12 votes") and
ordinals ("the 19th", "a second term") are never times; four-digit numbers
counting a plural noun ("2000 troops") or money are not years.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterable
from datetime import date
from functools import lru_cache

from spacy.tokens import Doc, Token

from .. import lexicons
from .timex import Expr, Point, duration, fmt

VAGUE = -1.0  # an unknown number of units


@lru_cache(maxsize=1)
def _lex() -> dict[str, dict[str, str]]:
    months = {m: str(i + 1) for i, m in enumerate(lexicons.lines("times/months"))}
    abbrevs = {a: next(v for m, v in months.items() if m.startswith(a)) for a in lexicons.lines("times/month_abbrevs")}
    return {
        "months": months,
        "abbrevs": abbrevs,
        "weekdays": {w: str(i + 1) for i, w in enumerate(lexicons.lines("times/weekdays"))},
        "seasons": lexicons.pairs("times/seasons"),
        "units": lexicons.pairs("times/units"),
        "numbers": lexicons.pairs("times/numbers"),
        "ordinals": lexicons.pairs("times/ordinals"),
        "refs": lexicons.pairs("times/refs"),
        "parts": lexicons.pairs("times/day_parts"),
        "days": lexicons.pairs("times/day_words"),
        "freq": lexicons.pairs("times/frequencies"),
        "mods": lexicons.pairs("times/mods"),
        "holidays": lexicons.pairs("times/holidays"),
        "decades": lexicons.pairs("times/decade_words"),
    }


QUOTE_OPENERS = {"``", "`", '"', "“", "‘"}
QUOTE_CLOSERS = {"''", "'", '"', "”", "’"}
NAME_ENTS = {"PERSON", "ORG", "WORK_OF_ART", "FAC", "PRODUCT", "GPE", "LOC", "NORP", "LAW"}
NOT_YEAR_ENTS = {"MONEY", "PERCENT", "QUANTITY"}
POSITION_MODS = {"START", "MID", "END"}
RELATIVE = {"last": -1, "past": -1, "previous": -1, "prior": -1, "this": 0, "current": 0,
            "next": 1, "coming": 1, "following": 1}
BACKWARD = {"earlier", "before", "prior", "previously", "back"}
FORWARD = {"later", "after", "afterwards", "afterward", "on", "hence"}
YEAR_RE = re.compile(r"^(1[0-9]\d\d|20\d\d)$")
DECADE_RE = re.compile(r"^(?:(1[0-9]\d|20\d)0|'(\d)0)s$")  # "in her 30s" is an age
ISO_DATE_RE = re.compile(r"^(\d{4})-(\d\d)-(\d\d)$")
QUARTER_RE = re.compile(r"^Q([1-4])$")
ISO_DAY_RE = re.compile(r"^\d{4}-\d\d-\d\d$")
SLASH_DATE_RE = re.compile(r"^(\d{1,2})/(\d{1,2})/(\d{2}|\d{4})$")
DAY_RE = re.compile(r"^(\d{1,2})(?:st|nd|rd|th)?$")
CLOCK_RE = re.compile(r"^(\d{1,2})(?::(\d\d))?(a\.?m\.?|p\.?m\.?)?$")
ORD_NUM_RE = re.compile(r"^(\d{1,2})(?:st|nd|rd|th)$")

TEMPERATURE_WORDS = {"degrees", "temperature", "temperatures", "highs", "lows", "fahrenheit", "celsius"}
FRACTIONS = {"1/2": 0.5, "1/4": 0.25, "3/4": 0.75, "½": 0.5}

Rule = Callable[["_Toks", int], "Expr | None"]


class _Toks:
    """Light accessors over a Doc (lower-cased text, bounds-checked)."""

    def __init__(self, doc: Doc) -> None:
        self.doc = doc
        self.low = [t.lower_ for t in doc]
        self.n = len(doc)

    def at(self, i: int) -> str:
        return self.low[i] if 0 <= i < self.n else ""

    def tok(self, i: int) -> Token | None:
        return self.doc[i] if 0 <= i < self.n else None


# ---------------------------------------------------------------- pieces


def _month(t: _Toks, i: int) -> tuple[int, int] | None:
    """(month, end) for a month name or abbreviation at ``i``."""
    tok = t.tok(i)
    if tok is None or not tok.text[:1].isupper():
        return None
    lex = _lex()
    word = t.low[i]
    if word in lex["months"]:
        return int(lex["months"][word]), i + 1
    bare = word.rstrip(".")
    if bare in lex["abbrevs"]:
        if word.endswith("."):
            return int(lex["abbrevs"][bare]), i + 1
        if t.at(i + 1) == "." and _day(t, i + 2):
            return int(lex["abbrevs"][bare]), i + 2
        if _day(t, i + 1) or _year_tok(t, i + 1):
            return int(lex["abbrevs"][bare]), i + 1
    return None


def _day(t: _Toks, i: int) -> int | None:
    m = DAY_RE.match(t.at(i))
    if m and 1 <= int(m[1]) <= 31:
        return int(m[1])
    return None


def _year_tok(t: _Toks, i: int) -> int | None:
    m = YEAR_RE.match(t.at(i))
    return int(m[1]) if m else None


CENTURY_WORDS = {"eighteen": 1800, "nineteen": 1900, "twenty": 2000}


def _spelled_year(t: _Toks, i: int, thousand_ok: bool = False) -> tuple[int, int] | None:
    """(year, end) of a year in words: "nineteen ninety-six", "nineteen oh five",
    "two thousand (and) eight" (the last only where ``thousand_ok``: it is also a count)."""
    nums = _lex()["numbers"]
    word = t.at(i)
    if word in CENTURY_WORDS and not (word == "twenty" and t.at(i + 1) in ("-", "one", "two", "three")):
        base = CENTURY_WORDS[word]
        nxt = t.at(i + 1)
        if nxt == "hundred" and base < 2000:
            return base, i + 2
        if nxt == "oh" and t.at(i + 2) in nums and float(nums[t.at(i + 2)]) < 10:
            return base + int(float(nums[t.at(i + 2)])), i + 3
        if nxt in nums and nxt.endswith("ty"):
            tens = int(float(nums[nxt]))
            j = i + 2
            k = j + 1 if t.at(j) == "-" else j
            if t.at(k) in nums and float(nums[t.at(k)]) < 10 and t.at(k) not in ("a", "an"):
                return base + tens + int(float(nums[t.at(k)])), k + 1
            return base + tens, j
        return None
    if thousand_ok and word == "two" and t.at(i + 1) == "thousand":
        j = i + 3 if t.at(i + 2) == "and" else i + 2
        if t.at(j) in nums and float(nums[t.at(j)]) < 20 and t.at(j) not in ("a", "an", "half", "hundred"):
            return 2000 + int(float(nums[t.at(j)])), j + 1
        return 2000, i + 2
    return None


def _year_span(t: _Toks, i: int) -> tuple[int, int] | None:
    """(year, end) of a year in digits or words where the context already says "year"."""
    year = _year_tok(t, i)
    if year:
        return year, i + 1
    return _spelled_year(t, i, thousand_ok=True)


def _weekday(t: _Toks, i: int) -> int | None:
    tok = t.tok(i)
    if tok is None or not tok.text[:1].isupper() or tok.ent_type_ in NAME_ENTS:
        return None
    word = t.low[i].rstrip(".")
    wd = _lex()["weekdays"].get(word)
    return int(wd) if wd else None


def _number(t: _Toks, i: int) -> tuple[float, int] | None:
    """(value, end) of a number at ``i``: digits, number words, "a", vague amounts (VAGUE)."""
    word = t.at(i)
    lex = _lex()["numbers"]
    if word in ("a", "an"):
        if t.at(i + 1) == "few":
            end = i + 3 if t.at(i + 2) == "of" else i + 2
            return VAGUE, end
        if t.at(i + 1) == "dozen":
            return 12.0, i + 2
        if t.at(i + 1) == "couple":  # "a couple of years": two, as TimeML reads it
            return 2.0, i + 3 if t.at(i + 2) == "of" else i + 2
        return 1.0, i + 1
    if word == "couple" and t.at(i + 1) == "of" and t.at(i - 1) in ("next", "past", "last", "first"):
        return 2.0, i + 2  # "the next couple of years"
    if word in lexicons.load("times/vague_amounts"):
        return VAGUE, i + 1
    if re.fullmatch(r"\d+(\.\d+)?", word):
        frac = FRACTIONS.get(t.at(i + 1))
        if frac:  # "2 1/2"
            return float(word) + frac, i + 2
        return float(word), i + 1
    if word in lex and word not in ("half",):
        value = float(lex[word])
        if t.at(i + 1) == "-" and t.at(i + 2) in lex:  # twenty-five
            return value + float(lex[t.at(i + 2)]), i + 3
        if t.at(i + 1) in lex and float(lex[t.at(i + 1)]) < 10 <= value:  # twenty five
            return value + float(lex[t.at(i + 1)]), i + 2
        if t.at(i + 1) == "hundred":
            return value * 100, i + 2
        return value, i + 1
    return None


def _unit(t: _Toks, i: int) -> tuple[str, bool, int] | None:
    """(unit code, plural, end) of a time unit word at ``i``."""
    word = t.at(i)
    units = _lex()["units"]
    qc = _quarter_century(t, i)
    if qc is not None:
        return "25Y", t.at(qc - 1) == "centuries", qc
    if word in units:
        return units[word], word == "centuries", i + 1
    if word.endswith("s") and word[:-1] in units:
        return units[word[:-1]], True, i + 1
    return None


def _quarter_century(t: _Toks, i: int) -> int | None:
    """The end of "quarter-century"/"quarter century" at ``i`` (25 years), or None."""
    if t.at(i) != "quarter":
        return None
    j = i + 2 if t.at(i + 1) == "-" else i + 1
    return j + 1 if t.at(j) in ("century", "centuries") else None


def _mod_phrase(t: _Toks, i: int) -> tuple[str, int] | None:
    """(mod, end) of the longest modifier phrase at ``i`` ("more than", "early")."""
    mods = _lex()["mods"]
    for size in (3, 2, 1):
        phrase = " ".join(t.at(j) for j in range(i, i + size))
        if phrase in mods:
            return mods[phrase], i + size
    return None


def _gran(unit: str) -> str | None:
    """Granularity of a unit code for shifting (None for clock units and weekends)."""
    return {"Y": "Y", "M": "M", "W": "W", "D": "D", "Q": "Q", "10Y": "DE", "100Y": "C", "2W": "W", "25Y": "Y"}.get(unit)


def _shift_amount(unit: str, n: float) -> tuple[str, int]:
    """A shift of ``n`` units as (granularity, count): "a decade ago" moves ten years."""
    if unit == "2W":
        return "W", int(2 * n)
    if unit in ("10Y", "100Y", "25Y"):
        return "Y", int(n * int(unit[:-1]))
    return _gran(unit) or "D", int(n)


# ---------------------------------------------------------------- rules


def _explicit_date(t: _Toks, i: int) -> Expr | None:
    """Calendar dates with a month name, ISO and slash dates."""
    word = t.at(i)
    m = ISO_DATE_RE.match(word)
    if m and 1 <= int(m[2]) <= 12 and 1 <= int(m[3]) <= 31:
        return Expr(i, i + 1, value=word)
    m = SLASH_DATE_RE.match(word)
    if m and 1 <= int(m[1]) <= 12 and 1 <= int(m[2]) <= 31:
        year = int(m[3]) if len(m[3]) == 4 else (2000 + int(m[3]) if int(m[3]) < 50 else 1900 + int(m[3]))
        return Expr(i, i + 1, value=f"{year:04d}-{int(m[1]):02d}-{int(m[2]):02d}")
    start = i
    # "Friday, July 21": the weekday is part of the date
    if _weekday(t, i) and (_month(t, i + 1) or (t.at(i + 1) == "," and _month(t, i + 2))):
        i = i + 2 if t.at(i + 1) == "," else i + 1
    # "the 21st of July"
    if t.at(i) == "the" and ORD_NUM_RE.match(t.at(i + 1)) and t.at(i + 2) == "of" and _month(t, i + 3):
        ordinal = int(ORD_NUM_RE.match(t.at(i + 1))[1])  # type: ignore[index]
        month, end = _month(t, i + 3)  # type: ignore[misc]
        return _with_year(t, start, end, month, ordinal)
    # "April 24 and 25": the second day of a pair shares the first one's month
    day = _day(t, i)
    if day and t.at(i - 1) in ("and", "or", "&") and _day(t, i - 2) and _month(t, i - 3) \
            and _month(t, i - 3)[1] == i - 2 and not _unit(t, i + 1):  # type: ignore[index]
        nxt = t.tok(i + 1)
        if nxt is None or nxt.is_punct or nxt.pos_ not in ("NOUN", "PROPN", "NUM", "ADJ"):
            return _with_year(t, i, i + 1, _month(t, i - 3)[0], day)  # type: ignore[index]
    # "21 July (2024)"
    if day and _month(t, i + 1) and not _year_tok(t, i):
        month, end = _month(t, i + 1)  # type: ignore[misc]
        return _with_year(t, start, end, month, day)
    mm = _month(t, i)
    if not mm:
        return None
    month, end = mm
    day = _day(t, end)
    if day and not ((t.at(end + 1) in (":", "-") and t.at(end + 2)[:1].isdigit()) or _unit(t, end + 1)):
        return _with_year(t, start, end + 1, month, day)
    # "August 2024", "July of 2024", "August, 2024"
    j = end + 1 if t.at(end) in ("of", ",") else end
    ys = _year_span(t, j)
    if ys:
        return Expr(start, ys[1], value=f"{ys[0]:04d}-{month:02d}")
    rel_year = _relative_year(t, end)
    if rel_year and not _in_name(t, i):
        return Expr(start, rel_year[1], kind="calendar", rel="dct", month=month, direction="same", offset=rel_year[0])
    if start != i:
        return None
    if not _month_alone_ok(t, i, month):
        return None
    return Expr(i, end, kind="calendar", rel="dct", month=month)


def _week_of(t: _Toks, i: int) -> Expr | None:
    """"the week of March 6": the ISO week holding that day."""
    if not (t.at(i) == "the" and t.at(i + 1) == "week" and t.at(i + 2) == "of"):
        return None
    day = _explicit_date(t, i + 3)
    if day is None or not ((day.kind == "calendar" and day.day is not None) or ISO_DAY_RE.match(day.value)):
        return None
    if day.kind == "fixed":
        return Expr(i, day.end, value=fmt(Point(date.fromisoformat(day.value), "W")))
    day.start, day.unit = i, "W"
    return day


def _with_year(t: _Toks, start: int, end: int, month: int, day: int) -> Expr:
    j = end + 1 if t.at(end) == "," else end
    ys = _year_span(t, j)
    if ys:
        return Expr(start, ys[1], value=f"{ys[0]:04d}-{month:02d}-{day:02d}")
    rel_year = _relative_year(t, end)
    if rel_year:
        return Expr(start, rel_year[1], kind="calendar", rel="dct", month=month, day=day, direction="same",
                    offset=rel_year[0])
    return Expr(start, end, kind="calendar", rel="dct", month=month, day=day)


def _relative_year(t: _Toks, i: int) -> tuple[int, int] | None:
    """(year offset, end) of "this year", "last year", "next year" (or "of last year") after a month or
    day: "June last year" is June of the year before publication, whatever the tense."""
    j = i + 1 if t.at(i) == "of" else i
    if t.at(j) in ("this", "last", "next") and t.at(j + 1) == "year" and t.at(j + 2) not in ("'s", "’s"):
        return {"this": 0, "last": -1, "next": 1}[t.at(j)], j + 2
    return None


def _month_alone_ok(t: _Toks, i: int, month: int) -> bool:
    """A month name with no day or year beside it: a month only in date context."""
    tok = t.doc[i]
    if tok.ent_type_ in NAME_ENTS:
        return False
    prev = t.at(i - 1)
    temporal_before = (
        prev in lexicons.load("times/year_preps")
        or prev in RELATIVE
        or prev in ("early", "late", "mid", "until", "and", "or")
    )
    if t.low[i] not in lexicons.load("times/months_ambiguous") and not t.low[i].endswith("."):
        return True
    if tok.tag_ == "MD" or tok.pos_ in ("VERB", "AUX"):
        return False
    nxt = t.tok(i + 1)
    if nxt is not None and nxt.pos_ == "PROPN" and nxt.text[:1].isupper():
        return False  # "June Alvarez"
    if prev in ("the", "a", "an") and nxt is not None and nxt.lower_ in lexicons.load("times/dated_nouns") \
            and tok.head.i == i + 1 and tok.text[:1].isupper():
        return True  # "the March vote", "a June agreement": the month the event happened in
    return temporal_before


def _year(t: _Toks, i: int) -> Expr | None:
    """Years, decades, centuries, fiscal years and mid-/pre-/post- forms."""
    word = t.at(i)
    start = i
    # years in words: "nineteen ninety-six", "the year two thousand"
    k = i + 2 if word == "the" and t.at(i + 1) == "year" else i + 1 if word == "year" else i
    spelled = _spelled_year(t, k, thousand_ok=k > i) or (k > i and _year_span(t, k)) or None
    if spelled and t.doc[k].ent_type_ not in NOT_YEAR_ENTS:
        nxt = t.tok(spelled[1])
        if k > i or nxt is None or nxt.tag_ not in ("NNS", "NNPS"):
            return Expr(start, spelled[1], value=f"{spelled[0]:04d}")
    prefix_mod = None
    m = re.match(r"^(mid|pre|post)-(.+)$", word)
    if m:
        prefix_mod = {"mid": "MID", "pre": "BEFORE", "post": "AFTER"}[m[1]]
        word = m[2]
    if t.at(i) == "the" or (t.at(i) == "fiscal" and _year_tok(t, i + 1)):
        i += 1
        word = t.at(i)
    # decades: "the 1990s", "the '90s", "the early 1990s"
    inner = i
    mod = prefix_mod
    if t.at(i) in ("early", "late", "mid") and not prefix_mod:
        mod = {"early": "START", "late": "END", "mid": "MID"}[t.at(i)]
        inner = i + 1
        word = t.at(inner)
        if t.at(inner) == "-":
            inner += 1
            word = t.at(inner)
    elif t.at(i).startswith("mid-") and not prefix_mod:
        mod = "MID"
        word = t.at(i)[4:]
    if word == "'" and re.fullmatch(r"\d0s", t.at(inner + 1)):
        inner += 1
        word = "'" + t.at(inner)
    dm = DECADE_RE.match(word)
    if dm:
        # two-digit decades: the '30s to '90s are the 1900s, the '00s and '20s the 2000s;
        # written "199X" as HeidelTime's date rules do (TimeBank also has "199")
        value = f"{dm[1]}X" if dm[1] else f"{'19' if int(dm[2]) >= 3 else '20'}{dm[2]}X"
        return Expr(start, inner + 1, value=value, mod=mod)
    decade = _lex()["decades"].get(word) if t.at(start) == "the" else None
    if decade and not _about_temperature(t, inner):  # "the nineties", "the early seventies"
        return Expr(start, inner + 1, value=f"19{decade}X", mod=mod)
    # centuries: "the 20th century"
    om = ORD_NUM_RE.match(t.at(i))
    if om and t.at(i + 1) == "century":
        return Expr(start, i + 2, value=f"{int(om[1]) - 1:02d}")
    year = _year_tok(t, inner) if not YEAR_RE.match(word) else int(word)
    if not year:
        return None
    if prefix_mod or mod or t.at(start) in ("fiscal",) or _is_year(t, inner):
        return Expr(start if t.at(start) != "the" else start + 1, inner + 1, value=f"{year:04d}", mod=mod)
    return None


def _about_temperature(t: _Toks, i: int) -> bool:
    """Whether the sentence of token ``i`` speaks of temperatures ("highs in the nineties")."""
    words = t.doc[i].sent if t.doc.has_annotation("SENT_START") else t.doc
    return any(w.lower_ in TEMPERATURE_WORDS for w in words)


def _is_year(t: _Toks, i: int) -> bool:
    """Whether the four-digit number at ``i`` is a year (context, not the digits alone)."""
    tok = t.doc[i]
    prev, nxt = t.at(i - 1), t.at(i + 1)
    if tok.ent_type_ in NOT_YEAR_ENTS or prev in ("$", "#", "no.", "number", "№") or nxt in ("%", "percent"):
        return False
    if prev and re.fullmatch(r"[\d.,]+", prev) and prev not in (",",):
        return False
    if nxt in ("-", "–", "to") and re.fullmatch(r"\d{1,3}", t.at(i + 2)):
        return False  # a score or a count range
    head = tok.head
    if prev == "the" and head.i == i + 1 and head.tag_ == "NNPS" and head.text[:1].isupper():
        return True  # "the 2000 Olympics": that year's (a count is not capitalised: "2000 troops")
    if head is not tok and head.tag_ in ("NNS", "NNPS") and tok.dep_ in ("nummod", "compound", "amod") \
            and head.i == i + 1:
        return False  # "2000 troops"
    if tok.ent_type_ == "DATE" or prev in lexicons.load("times/year_preps") or nxt in ("'s", "’s"):
        return True
    if prev == "(" and nxt == ")":
        return True
    if tok.dep_ in ("nummod", "compound", "amod", "poss", "npadvmod") and head.pos_ in ("NOUN", "PROPN"):
        return head.tag_ not in ("NNS", "NNPS") or head.i != i + 1
    return tok.dep_ in ("pobj", "npadvmod") and tok.ent_type_ not in ("CARDINAL",)


def _deictic_day(t: _Toks, i: int) -> Expr | None:
    """yesterday/today/tomorrow/tonight (+ part of day), this morning, last night."""
    lex = _lex()
    start = i
    word = t.at(i)
    mod = None
    if word in ("earlier", "later", "early", "late") and (t.at(i + 1) in lex["days"] or _weekday(t, i + 1)):
        mod = {"early": "START", "late": "END"}.get(word)
        i += 1
        word = t.at(i)
    if word in lex["days"] and not _in_name(t, i) and not _generic_day(t, i):
        offset = int(lex["days"][word])
        part = lex["parts"].get(t.at(i + 1))
        if word == "tonight":
            return Expr(start, i + 1, type="TIME", kind="shift", rel="dct", unit="D", offset=0, suffix="TNI", mod=mod)
        if part:
            return Expr(start, i + 2, type="TIME", kind="shift", rel="dct", unit="D", offset=offset,
                        suffix="T" + part, mod=mod)
        return Expr(start, i + 1, kind="shift", rel="dct", unit="D", offset=offset, mod=mod)
    if word in ("this", "last") and t.at(i + 1) in lex["parts"]:
        offset = -1 if word == "last" and t.at(i + 1) == "night" else 0
        if word == "last" and t.at(i + 1) != "night":
            return None
        return Expr(i, i + 2, type="TIME", kind="shift", rel="dct", unit="D", offset=offset,
                    suffix="T" + lex["parts"][t.at(i + 1)])
    if word == "overnight":
        return Expr(i, i + 1, type="TIME", kind="shift", rel="dct", unit="D", suffix="TNI")
    return _mid_part(t, i)


def _generic_day(t: _Toks, i: int) -> bool:
    """"today's youth", "in today's world", "the leaders of tomorrow": the present age or the
    future in general, not a day."""
    generic = lexicons.load("times/generic_nouns")
    if t.at(i) in ("today", "tomorrow") and t.at(i + 1) in ("'s", "’s"):
        j = i + 2
        while j < t.n and j < i + 6 and (t.doc[j].pos_ in ("ADJ", "ADV") or t.doc[j].tag_ in ("VBG", "HYPH")):
            j += 1
        return t.at(j) in generic
    return t.at(i) == "tomorrow" and t.at(i - 1) == "of" and i >= 2 and t.doc[i - 2].tag_ == "NNS"


def _mid_part(t: _Toks, i: int) -> Expr | None:
    """"mid-afternoon", "midmorning (yesterday)": the middle of a part of a day.

    The day is the deictic word after it, else the nearest day before it in the text (the
    publication day when there is none), as for "at midday".
    """
    lex = _lex()
    word = t.at(i)
    if word.startswith("mid") and word[3:] in ("morning", "afternoon"):
        part, end = lex["parts"][word[3:]], i + 1
    elif word == "mid":
        j = i + 2 if t.at(i + 1) == "-" else i + 1
        if t.at(j) not in ("morning", "afternoon", "evening"):
            return None
        part, end = lex["parts"][t.at(j)], j + 1
    else:
        return None
    day = t.at(end)
    if day in lex["days"] and day != "tonight":
        return Expr(i, end + 1, type="TIME", kind="shift", rel="dct", unit="D", offset=int(lex["days"][day]),
                    suffix="T" + part, mod="MID")
    return Expr(i, end, type="TIME", kind="shift", rel="anaphor", unit="D", suffix="T" + part, mod="MID")


def _in_name(t: _Toks, i: int) -> bool:
    """Whether the word at ``i`` is part of a name ("USA TODAY", an ORG entity)."""
    tok = t.doc[i]
    prev = t.tok(i - 1)
    if tok.ent_type_ in NAME_ENTS:
        # a quotation opening on "Today," is not a title, whatever the entity recogniser says
        alone = tok.ent_iob_ == "B" and (i + 1 >= t.n or t.doc[i + 1].ent_iob_ != "I")
        title = any(t.at(k) in QUOTE_CLOSERS for k in (i + 1, i + 2))  # '``Today,'' a song'
        return not (alone and not title and tok.ent_type_ == "WORK_OF_ART" and prev is not None
                    and prev.text in QUOTE_OPENERS)
    return tok.text.isupper() and prev is not None and prev.text.isupper() and prev.is_alpha


def _reference(t: _Toks, i: int) -> Expr | None:
    """now, currently, recently, the past, the future, soon."""
    refs = _lex()["refs"]
    for size in (3, 2, 1):
        phrase = " ".join(t.at(j) for j in range(i, i + size))
        if phrase in refs:
            start = i + 1 if t.at(i) == "in" else i
            if phrase == "now" and t.at(i + 1) == "on" and t.at(i - 1) == "from":
                return None  # "from now on" ("now that ..." is now: TimeBank marks it)
            if phrase.endswith(("past", "future")) and (_number(t, i + size) or _unit(t, i + size)):
                return None  # "the past three months" is a duration
            return Expr(start, i + size, value=refs[phrase])
    tok = t.doc[i]
    if t.at(i) == "current" and tok.pos_ == "ADJ" and tok.dep_ == "amod" and not _unit(t, i + 1) \
            and not (t.at(i + 1) in ("fiscal", "calendar") and _unit(t, i + 2)) \
            and t.at(i + 1) not in lexicons.load("times/not_current") and t.at(i - 1) != "then":
        return Expr(i, i + 1, value="PRESENT_REF")  # "her current post", "current conditions"
    if t.at(i) in ("recent", "future"):
        return _vague_stretch(t, i, i + 1, "PAST_REF" if t.at(i) == "recent" else "FUTURE_REF")
    return None


def _vague_stretch(t: _Toks, start: int, i: int, value: str) -> Expr | None:
    """"recent years", "future quarters", "coming weeks (and months)": a reference, not a count.

    HeidelTime's English date rules read "recent U" as PAST_REF and "coming U" as FUTURE_REF;
    a plural unit with no number names a vague stretch before or after the article, not a duration
    (TimeBank writes "in recent years" either way, PXY and PAST_REF about equally often).
    """
    unit = _unit(t, i)
    if unit is None or not unit[1] or unit[0] == "WE":
        return None
    end = unit[2]
    other = _unit(t, end + 1) if t.at(end) in ("and", "or") else None
    if other is not None and other[1] and other[0] != "WE":
        end = other[2]  # "recent weeks and months"
    return Expr(start, end, value=value)


def _relative(t: _Toks, i: int) -> Expr | None:
    """last/this/next + unit, weekday, month or season; anaphoric "that day", "the next day"."""
    lex = _lex()
    start = i
    word = t.at(i)
    mod = None
    if word in ("early", "late", "earlier", "later", "mid") and t.at(i + 1) in ("this", "next", "last", "that"):
        mod = {"early": "START", "late": "END", "mid": "MID"}.get(word)
        i += 1
        word = t.at(i)
    if word == "this" and t.at(i + 1) == "past":  # "this past spring"
        i += 1
        word = "last"
    anaphoric = False
    if word == "the" and t.at(i + 1) in ("next", "following", "previous", "prior", "same", "preceding"):
        anaphoric = True
        i += 1
        word = t.at(i)
    elif word == "that":
        j = i + 1
        while t.at(j) in ("very", "same"):
            j += 1
        nxt = t.at(j)
        if nxt == "quarter":  # "that quarter": the quarter under discussion
            return Expr(start, j + 1, kind="shift", rel="anaphor", unit="Q", mod=mod)
        wd = _weekday(t, j)
        if wd and t.at(j - 1) == "that":  # "by that Friday": the first one on or after the day last named
            return Expr(start, j + 1, kind="weekday", rel="anaphor", weekday=wd, direction="future", mod=mod)
        if nxt in ("day", "week", "month", "year", "weekend", "morning", "afternoon", "evening", "night") or \
                nxt in lex["seasons"]:
            anaphoric = True
            word = "same"
            i = j - 1
        else:
            return None
    if word == "same":
        offset = 0
    elif word == "preceding":
        offset = -1
    elif word in RELATIVE:
        offset = RELATIVE[word]
    else:
        return None
    if word in ("previous", "prior", "following") and not anaphoric:
        return None
    rel = "anaphor" if anaphoric else "dct"
    nxt_i = i + 1
    nxt = t.at(nxt_i)
    if nxt in lex["parts"] and (anaphoric or word == "same"):
        return Expr(start, nxt_i + 1, type="TIME", kind="shift", rel=rel, unit="D", offset=offset,
                    suffix="T" + lex["parts"][nxt], mod=mod)
    unit = _unit(t, nxt_i)
    if unit and t.doc[nxt_i].text[:1].isupper() and not t.doc[nxt_i].text.isupper() and not t.doc[start].is_sent_start:
        return None  # 'ABC's "This Week"': a title
    if unit and not unit[1]:
        code = unit[0]
        if code == "WE":
            return Expr(start, nxt_i + 1, kind="shift", rel=rel, unit="W", offset=offset, mod=mod, suffix="-WE")
        gran = _gran(code)
        if gran is None:
            return None
        if gran == "Q" and nxt_i + 1 < t.n and t.at(nxt_i + 1) == "century":
            return None
        return Expr(start, nxt_i + 1, kind="shift", rel=rel, unit=gran, offset=offset, mod=mod)
    wd = _weekday(t, nxt_i)
    if wd:
        direction = {-1: "past", 1: "future", 0: "future"}[offset] if offset or word == "this" else None
        return Expr(start, nxt_i + 1, kind="weekday", rel=rel, weekday=wd, direction=direction,
                    strict=offset != 0, mod=mod)
    mm = _month(t, nxt_i)
    if mm and not anaphoric:
        direction = {-1: "past", 1: "future", 0: "same"}[offset]
        day = _day(t, mm[1]) if offset else None  # "last Oct. 23": the latest past one
        if day and not _unit(t, mm[1] + 1):
            return Expr(start, mm[1] + 1, kind="calendar", rel="dct", month=mm[0], day=day, direction=direction,
                        mod=mod)
        return Expr(start, mm[1], kind="calendar", rel="dct", month=mm[0], direction=direction,
                    strict=offset != 0, mod=mod)
    if nxt in lex["seasons"]:
        if anaphoric:
            return Expr(start, nxt_i + 1, kind="shift", rel="anaphor", unit="SE", offset=offset, mod=mod)
        return Expr(start, nxt_i + 1, kind="season", rel="dct", season=lex["seasons"][nxt], offset=offset, mod=mod)
    return None


def _weekend(t: _Toks, i: int) -> Expr | None:
    """"the weekend": the one just past early in the week, the coming one later in it."""
    if t.at(i) == "the" and t.at(i + 1) == "weekend":
        return Expr(i, i + 2, kind="shift", rel="weekend", unit="W", suffix="-WE")
    return None


def _unit_before_after(t: _Toks, i: int) -> Expr | None:
    """"the day before", "the year after" (adverbial, no object): anaphoric."""
    if t.at(i) != "the":
        return None
    unit = _unit(t, i + 1)
    if not unit or unit[1] or _gran(unit[0]) is None:
        return None
    adv = t.at(i + 2)
    if adv not in ("before", "after") or not _adverbial(t, i + 2):
        return None
    return Expr(i, i + 3, kind="shift", rel="anaphor", unit=_gran(unit[0]),  # type: ignore[arg-type]
                offset=-1 if adv == "before" else 1)


def _adverbial(t: _Toks, i: int) -> bool:
    """Whether "before"/"after"/"prior" at ``i`` stands alone (no object follows)."""
    word = t.at(i)
    nxt = t.tok(i + 1)
    if word == "prior" and t.at(i + 1) == "to":
        return False
    if word in ("before", "after") and nxt is not None and nxt.tag_ == "VBG":
        return False  # "a decade after exchanging ...", "30 days before closing": a stretch up to an event
    if nxt is None or nxt.is_punct or nxt.pos_ in ("CCONJ", "SCONJ", "VERB", "AUX", "PART") or nxt.is_space:
        return True
    tok = t.doc[i]
    if word == "on" and nxt.pos_ in ("DET", "PRON", "PROPN", "NOUN", "NUM", "ADJ"):
        return False  # "two days on an inner tube": a preposition, not "two days later"
    if word in ("before", "after"):
        has_object = any(c.dep_ in ("pobj", "pcomp") for c in tok.children)
        return not has_object and nxt.pos_ not in ("DET", "PRON", "PROPN", "NOUN", "NUM", "ADJ")
    return True


def _amount(t: _Toks, i: int) -> Expr | None:
    """Durations, "N U ago/earlier/later", sets with "every", hyphenated "two-year"."""
    start = i
    mod = None
    mp = _mod_phrase(t, i)
    if mp and mp[0] not in POSITION_MODS and _number(t, mp[1]):
        mod, i = mp
    lead = None
    if t.at(i) == "the" and t.at(i + 1) in ("past", "last", "next", "first", "previous", "coming", "final",
                                            "initial", "latest", "following", "preceding"):
        lead = t.at(i + 1)
        i += 2
    elif t.at(i) in ("the", "each") and t.at(i + 1) == "of":
        return None
    elif t.at(i) == "the" and _number(t, i + 1) and t.at(i + 1) not in ("a", "an"):
        i += 1
    num = _number(t, i)
    if num is None:
        unit = _unit(t, i)
        if lead in ("past", "last", "next", "coming", "latest") and unit is not None and not unit[1] \
                and unit[0] in ("TH", "TM", "TS"):
            return Expr(start, i + 1, type="DURATION", value=duration(1, unit[0]), mod=mod)
        return None
    n, j = num
    if t.at(i) in ("a", "an") and n == 1.0 and lead is None and mod is None and not _a_unit_ok(t, i):
        return None
    upper = _number(t, j + 1) if t.at(j) in ("to", "or") and n != VAGUE and t.at(i) not in ("a", "an") else None
    if upper is not None and upper[0] > n and _unit(t, upper[1]):
        j = upper[1]  # "two to three weeks": the lower bound, as HeidelTime's range rule reads it
    if t.at(j) in ("more", "additional", "further", "extra") and n != VAGUE and _unit(t, j + 1) \
            and _unit(t, j + 1)[1]:  # type: ignore[index]
        j += 1  # "two more weeks", "20 more years": the added stretch
    unit = _unit(t, j)
    hyphen = False
    if unit is None and t.at(j) == "-" and _unit(t, j + 1):
        unit, hyphen = _unit(t, j + 1), True
    if unit is None:
        return None
    code, plural, end = unit
    if code == "WE":
        return None
    if lead in ("first", "last", "final") and code == "Q" and n == 2.0 and not hyphen:
        # "the first two quarters (of 1990)", "the last two quarters of 1990": a half-year
        # ("the last two quarters" alone are the latest two, not a half)
        half = 1 if lead == "first" else 2
        year = _year_tok(t, end + 1) if t.at(end) == "of" else None
        if year:
            return Expr(start, end + 2, value=f"{year:04d}-H{half}", mod=mod)
        if half == 1:
            return Expr(start, end, kind="quarter", rel="dct", unit="H", day=half, mod=mod)
    word_tok = t.doc[end - 1]
    if word_tok.text.istitle() and not t.doc[start].is_sent_start and not t.doc[start].text.isupper():
        return None  # 'CBS's "60 Minutes"': a capitalised unit mid-sentence is a title
    if t.at(end) == "old" or (hyphen and (t.at(end) == "-" or t.at(end + 1) == "old")) or \
            (t.at(end) == "of" and t.at(end + 1) == "age"):
        return None  # ages: "52 years old", "a 30-year-old", "12 years of age"
    if hyphen and code == "Q" and plural:
        return None  # "three-quarters" is a fraction
    if hyphen:
        if n == VAGUE:
            return None
    elif n != VAGUE and n > 1 and not plural and t.at(i) not in ("a", "an", "one") and not _modifier(t, end - 1):
        return None  # "two year" is not English for a duration, but "a five year low" is
    if code == "TS" and not plural and t.at(i) in ("a", "an"):
        return None  # "a second term"
    if t.at(i) == "one" and code == "D" and not plural and lead is None and mod is None and not hyphen \
            and start > 0 and t.at(end) not in BACKWARD | FORWARD and _verb_follows(t, end) and (
                t.doc[start - 1].tag_ == "MD" or _future_verb(t.doc[start - 1])):
        # "she will/hopes one day (to) lead": some day ahead; not the object "promised one day off"
        return Expr(start, end, value="FUTURE_REF")
    if t.at(end) == "and" and t.at(end + 1) == "a" and t.at(end + 2) == "half":
        n, end = n + 0.5, end + 3
    value_n = None if n == VAGUE else n
    if not hyphen and t.at(end) == "or" and t.at(end + 1) == "so":
        end, mod = end + 2, mod or "APPROX"  # "a week or so ago"
    after = t.at(end)
    # "N U ago" (publication date) / "N U earlier" (the preceding time)
    if not hyphen and lead is None and (after == "ago" or (after in BACKWARD | FORWARD and _adverbial(t, end))
                                        or (after == "from" and t.at(end + 1) == "now")):
        back = after == "ago" or after in BACKWARD
        stop = end + 2 if after == "from" else end + 1
        if code in ("TH", "TM", "TS") and value_n is not None and after == "ago":
            return Expr(start, stop, type="TIME", kind="shift", rel="dct", unit="D", mod=mod)
        if code in ("TH", "TM", "TS") and value_n is not None and after in ("earlier", "later"):
            # "an hour later": the gap after an event with no clock time of its own; the
            # referent's day says nothing, the length is what the text gives (TimeBank: PT1H)
            return Expr(start, end, type="DURATION", value=duration(value_n, code), mod=mod)
        if value_n is not None and _gran(code) is not None and value_n == int(value_n):
            unit_g, amount = _shift_amount(code, value_n)
            rel = "dct" if after in ("ago", "from") else "anaphor"
            return Expr(start, stop, kind="shift", rel=rel, unit=unit_g, offset=-amount if back else amount,
                        keep_gran=rel == "anaphor", mod=mod)
        if after == "ago":
            return Expr(start, stop, value="PAST_REF" if value_n is None else "XXXX", mod=mod)
    if not hyphen and lead is None and value_n is not None and value_n == int(value_n) and _in_future(t, start) \
            and _gran(code) in ("Y", "M", "W", "D", "DE"):
        # "will be redeemed in five years": the date that far ahead, as TimeML reads "in" with a future verb
        unit_g, amount = _shift_amount(code, value_n)
        return Expr(start, end, kind="shift", rel="dct", unit=unit_g, offset=amount, mod=mod)
    return Expr(start, end, type="DURATION", value=duration(value_n, code), mod=mod)


def _in_future(t: _Toks, i: int) -> bool:
    """Whether the amount at ``i`` follows "in" on a verb with "will"/"would"/"shall" ("it will
    close in two years"), not a length ("it was built in two years")."""
    if i == 0 or t.at(i - 1) != "in":
        return False
    prep = t.doc[i - 1]
    verb = prep.head
    if verb.pos_ not in ("VERB", "AUX"):
        return False
    return any(c.dep_ in ("aux", "auxpass") and c.lower_ in ("will", "'ll", "would", "shall") for c in verb.children)


def _verb_follows(t: _Toks, i: int) -> bool:
    """Whether a bare verb or an infinitive's "to" (``one day lead``, ``one day to run``) starts at ``i``."""
    tok = t.tok(i)
    return tok is not None and (tok.lower_ == "to" or (tok.tag_ == "VB" and tok.pos_ in ("VERB", "AUX")))


def _future_verb(tok: Token) -> bool:
    """Whether ``tok`` is a verb of hoping or planning ("hopes", "plans"; the lemmatiser reads "hopes" as "hop")."""
    verbs = lexicons.load("times/future_verbs")
    words = (tok.lemma_.lower(), tok.lower_, tok.lower_[:-1])
    return tok.pos_ in ("VERB", "AUX") and any(w in verbs for w in words)


def _modifier(t: _Toks, i: int) -> bool:
    """Whether the unit word at ``i`` modifies a noun after it ("a two day rally")."""
    tok, nxt = t.doc[i], t.tok(i + 1)
    return nxt is not None and nxt.pos_ in ("NOUN", "ADJ") and tok.head.i > i


def _a_unit_ok(t: _Toks, i: int) -> bool:
    """"a year" is a duration after for/in/within/over/about..., or before ago/earlier/later."""
    prev = t.at(i - 1)
    unit = _unit(t, i + 1)
    if unit is None:
        return False
    after = t.at(i + 2)
    if after == "or" and t.at(i + 3) == "so":
        after = t.at(i + 4)  # "a week or so ago"
    if after in ("ago", "earlier", "later", "before", "after", "prior", "and"):
        return True
    return prev in ("for", "in", "within", "over", "after", "than", "least", "nearly", "about", "almost", "just",
                    "only", "of", "than", "past", "last", "around", "roughly", "barely", "lasting", "took", "take",
                    "takes", "spent", "spend", "spends")


def _vague_plural(t: _Toks, i: int) -> Expr | None:
    """"for years", "over the years", "in years", "for decades" -> P_Y, P_DE (preposition kept)."""
    if t.at(i) not in ("for", "over", "in", "within"):
        return None
    j = i + 1
    if t.at(i) == "over" and t.at(j) == "the":
        j += 1
    elif t.at(i) in ("in", "within") and t.at(j) != "years":
        return None
    unit = _unit(t, j)
    if not unit or not unit[1] or unit[0] in ("WE", "Q"):
        return None
    nxt = t.tok(j + 1)
    if nxt is not None and (nxt.lower_ in ("of", "old", "'", "’") or nxt.pos_ in ("NOUN", "PROPN")):
        return None  # "for years of service" is still fine, but "in years past"... keep it simple
    return Expr(i, j + 1, type="DURATION", value=duration(None, unit[0]))


def _set(t: _Toks, i: int) -> Expr | None:
    """every/each + unit or weekday, frequency words, "$5 a year", plural weekdays."""
    lex = _lex()
    word = t.at(i)
    if word in ("every", "each"):
        j = i + 1
        if t.at(j) == "other":
            j += 1
        n = 1.0
        num = _number(t, j)
        if num and num[0] != VAGUE and t.at(j) not in ("a", "an"):
            n, j = num
        wd = _weekday(t, j)
        if wd:
            return Expr(i, j + 1, type="SET", value=f"XXXX-WXX-{wd}")
        month = _month(t, j)
        if month and t.doc[j].text[:1].isupper() and n == 1.0 and not _day(t, month[1]):
            return Expr(i, month[1], type="SET", value=f"XXXX-{month[0]:02d}")  # "each July": every July
        unit = _unit(t, j)
        if unit and unit[0] != "WE":
            if t.at(i + 1) == "other":
                n *= 2
            return Expr(i, unit[2], type="SET", value=duration(n, unit[0]))
        return None
    nxt = t.tok(i + 1)
    if word in lex["freq"] and t.doc[i].pos_ in ("ADV", "ADJ") and \
            not (nxt is not None and nxt.pos_ == "PROPN" and nxt.text[:1].isupper()):
        # "the party daily Granma" is a newspaper
        return Expr(i, i + 1, type="SET", value=lex["freq"][word])
    if word in ("a", "per") and t.at(i + 1) in ("year", "month", "week", "day", "hour"):
        prev = t.tok(i - 1)
        if prev is not None and (prev.like_num or prev.lower_ in ("%", "percent", "cents", "dollars", "times")
                                 or prev.ent_type_ in ("MONEY", "PERCENT", "QUANTITY")):
            unit = _unit(t, i + 1)
            assert unit is not None
            return Expr(i, i + 2, type="SET", value=duration(1, unit[0]))
    wd = _weekday(t, i)
    part = t.at(i + 1)
    if wd and part.endswith("s") and part[:-1] in lex["parts"]:  # "Tuesday nights": every Tuesday night
        return Expr(i, i + 2, type="SET", value=f"XXXX-WXX-{wd}T{lex['parts'][part[:-1]]}")
    if word.endswith("s") and t.at(i - 1) == "on":
        weekday = _lex()["weekdays"].get(word[:-1])
        if weekday and t.doc[i].text[:1].isupper():
            return Expr(i, i + 1, type="SET", value=f"XXXX-WXX-{weekday}")
    return None


def _weekday_rule(t: _Toks, i: int) -> Expr | None:
    """A weekday alone, with a part of the day ("Friday night")."""
    wd = _weekday(t, i)
    if not wd:
        return None
    if t.at(i + 1) in _lex()["parts"]:
        part = _lex()["parts"][t.at(i + 1)]
        if part == "EV":
            # "Friday evening": the day and its part, as TimeML writes it ("...TEV"); for "Friday
            # morning/night" TimeBank and AQUAINT mostly write the day alone, and the day is what facts need
            return Expr(i, i + 2, kind="weekday", rel="dct", weekday=wd, suffix="T" + part)
        return Expr(i, i + 2, kind="weekday", rel="dct", weekday=wd)
    return Expr(i, i + 1, kind="weekday", rel="dct", weekday=wd)


def _season(t: _Toks, i: int) -> Expr | None:
    """"summer 2019", "the fall of 2019", "early summer", "in the summer"."""
    lex = _lex()
    start = i
    mod = None
    if t.at(i) == "the":
        i += 1
    if t.at(i) in ("early", "late", "mid"):
        mod = {"early": "START", "late": "END", "mid": "MID"}[t.at(i)]
        i += 1
    word = t.at(i)
    if word not in lex["seasons"]:
        return None
    code = lex["seasons"][word]
    tok = t.doc[i]
    if tok.pos_ in ("VERB", "AUX"):
        return None
    j = i + 2 if t.at(i + 1) == "of" else i + 1
    ys = _year_span(t, j)
    if ys:
        return Expr(start, ys[1], value=f"{ys[0]:04d}-{code}", mod=mod)
    if t.at(i + 1) == "of":
        return None  # "the fall of Rome"
    prev = t.at(start - 1)
    if (mod or prev in ("in", "during", "over", "through", "by", "until", "since", "this", "before", "after")) and \
            (word != "fall" or t.at(start) == "the" or mod):
        if t.tok(i + 1) is not None and t.doc[i + 1].pos_ in ("NOUN", "PROPN"):
            return None  # "summer camp", "spring training"
        return Expr(start, i + 1, kind="season", rel="dct", season=code, offset=0, mod=mod)
    return None


def _quarter(t: _Toks, i: int) -> Expr | None:
    """"the third quarter (of 1989)", "third-quarter", "the first half of 2024",
    "this year's third quarter", "the 1988 second quarter", "the 1988 period"."""
    lex = _lex()
    start = i
    if t.at(i) == "the":
        i += 1
    year = None
    offset = 0
    named_year = False
    if t.at(i) in ("this", "last", "next") and t.at(i + 1) == "year" and t.at(i + 2) in ("'s", "’s"):
        offset = {"this": 0, "last": -1, "next": 1}[t.at(i)]
        named_year = True
        i += 3
    elif start != i and _year_tok(t, i) and not _not_a_year(t, i):
        year = _year_tok(t, i)
        if t.at(i + 1) in ("quarter", "period"):
            # the quarter under discussion, in that year
            return Expr(start, i + 2, kind="quarter", rel="quarter", unit="Q", year=year)
        i += 1
    if t.at(i) == "fiscal":
        i += 1
    word = t.at(i)
    short = QUARTER_RE.match(t.doc[i].text) if i < t.n else None
    if short and start == i:  # "Q3", "Q3 2024": the quarter written short
        n, unit, end = int(short[1]), "Q", i + 1
    elif word not in lex["ordinals"]:
        return None
    else:
        n = int(lex["ordinals"][word])
        j = i + 1
        if t.at(j) == "-":
            j += 1
        kind = t.at(j)
        if kind == "quarter" and n <= 4:
            unit = "Q"
        elif kind == "half" and word in ("first", "second", "last"):
            unit, n = "H", (1 if word == "first" else 2)
            month = _month(t, j + 2) if t.at(j + 1) == "of" and start != i else None
            if month and not _day(t, month[1]):  # "the second half of July": that month, its end
                inner = _explicit_date(t, j + 2)
                if inner is not None and inner.start == j + 2:
                    inner.start, inner.mod = start, "START" if n == 1 else "END"
                    return inner
        else:
            return None
        end = j + 1
    rel_year = _relative_year(t, end) if year is None and not named_year else None
    if rel_year:  # "the first quarter of next year"
        (offset, end), named_year = rel_year, True
    if year is None:
        k = end + 1 if t.at(end) in ("of", "in", ",") else end
        if t.at(k) == "fiscal":
            k += 1
        year = _year_tok(t, k)
        if year:
            end = k + 1
    if year:
        return Expr(start, end, value=f"{year:04d}-{unit}{n}")
    # a year named ("this year's", "of this year") is that year, whatever the tense
    return Expr(start, end, kind="quarter", rel="dct", unit=unit, day=n, offset=offset, strict=named_year)


QUARTER_LEADS = ("latest", "last", "recent", "current", "fiscal", "same", "comparable", "just-ended", "most")
PERIOD_LEADS = ("latest", "same", "comparable", "corresponding", "year-ago", "year-earlier")


def _the_quarter(t: _Toks, i: int) -> Expr | None:
    """Business news: "the (latest) quarter" is the quarter under discussion, else the last one ended;
    so is "the latest period"; "the same period last year" is that quarter a year back."""
    if t.at(i) != "the":
        return None
    j = i + 1
    while t.at(j) in QUARTER_LEADS or (t.at(j) == "recent" and t.at(j - 1) == "most"):
        j += 1
    if t.at(i + 1) in PERIOD_LEADS and t.at(i + 2) == "period":
        j = i + 2
        back = _year_back(t, j + 1)
        if back:
            return Expr(i, back, kind="shift", rel="quarter", unit="Q", offset=-4)
        if t.at(i + 1) != "latest":
            return None
        return Expr(i, j + 1, kind="shift", rel="quarter", unit="Q")
    if t.at(j) != "quarter" or t.at(j + 1) in ("of", "-", "century", "mile", "point", "inch") \
            or t.doc[j].text != "quarter":
        return None
    if t.at(i + 1) == "current":
        return Expr(i, j + 1, kind="shift", rel="dct", unit="Q")
    ended = _quarter_ended(t, j + 1)
    if ended is not None:
        # the quarter under discussion if one is named before, else the one the end date gives
        return Expr(i, j + 1, kind="quarter", rel="quarter", unit="Q", day=ended[0], offset=ended[1],
                    month=ended[2])
    back = _year_back(t, j + 1)
    if back:  # "the quarter a year ago": the quarter under discussion, a year back
        return Expr(i, back, kind="shift", rel="quarter", unit="Q", offset=-4)
    return Expr(i, j + 1, kind="shift", rel="quarter", unit="Q")


def _quarter_ended(t: _Toks, i: int) -> tuple[int, int, int] | None:
    """(calendar quarter, year offset, end month) of the three months "ended July 31" at ``i``, or None.

    A company's quarter "ended July 31" ran from May to July: most of it lies in the second
    calendar quarter. The offset is -1 for a quarter mostly in the year before the end date's
    (one ended in January).
    """
    if t.at(i) not in ("ended", "ending"):
        return None
    month = _month(t, i + 1)
    if month is None or not _day(t, month[1]):
        return None
    middle = month[0] - 1 or 12  # the middle month of the three
    return (middle - 1) // 3 + 1, -1 if middle == 12 else 0, month[0]


YEAR_LEADS = {"full": 0, "fiscal": 0, "current": 0, "calendar": 0, "latest": -1}
THE_YEAR_PREPS = ("for", "of", "during", "throughout", "over", "in", "through")


def _the_year(t: _Toks, i: int) -> Expr | None:
    """Business news: "for the year", "the full/fiscal/current year" are the publication's year
    ("the latest fiscal year" the one before); "the year ended/ending June 30" is a year's span."""
    if t.at(i) != "the":
        return None
    j = i + 1
    offset = 0
    while t.at(j) in YEAR_LEADS:
        offset = min(offset, YEAR_LEADS[t.at(j)])
        j += 1
    if t.at(j) != "year" or t.doc[j].text != "year":
        return None
    nxt = t.at(j + 1)
    if nxt in ("ended", "ending", "to", "through"):
        return Expr(i, j + 1, type="DURATION", value=duration(1, "Y"))
    if j == i + 1 and t.at(i - 1) not in THE_YEAR_PREPS:
        return None
    if nxt in ("of", "'s", "’s", "-", "when", "that", "which", "in", "since", "before", "after", "earlier", "later",
               "ago") or _year_span(t, j + 1):
        return None
    return Expr(i, j + 1, kind="shift", rel="dct", unit="Y", offset=offset)


def _year_end(t: _Toks, i: int) -> Expr | None:
    """"by year-end", "around year end", "by year's end": the end of the publication's year."""
    if t.at(i) != "year" or t.at(i - 1) not in ("by", "around", "at", "until", "before", "since", "till"):
        return None
    j = i + 1
    if t.at(j) in ("-", "'s", "’s"):
        j += 1
    if t.at(j) != "end":
        return None
    nxt = t.tok(j + 1)
    if nxt is not None and nxt.pos_ in ("NOUN", "PROPN", "ADJ"):
        return None  # "year-end bonuses"
    return Expr(i, j + 1, kind="shift", rel="dct", unit="Y", offset=-1 if t.at(i - 1) == "since" else 0, mod="END")


def _coming(t: _Toks, i: int) -> Expr | None:
    """"(the) coming weeks" (FUTURE_REF), "the weeks ahead": an unknown stretch from now (P_W)."""
    start = i
    if t.at(i) == "the":
        i += 1
    unit = None
    if t.at(i) in ("coming", "upcoming"):
        return _vague_stretch(t, start, i + 1, "FUTURE_REF")
    if start != i and t.at(i + 1) == "ahead":
        unit = _unit(t, i)
        end = i + 2
    if unit is None or not unit[1] or unit[0] in ("WE",):
        return None
    code = "M" if unit[0] == "Q" else unit[0]
    return Expr(start, end, type="DURATION", value=duration(None, code))


def _year_back(t: _Toks, i: int) -> int | None:
    """The end of "last year", "a year ago", "a year earlier" at ``i``, or None."""
    if t.at(i) == "last" and t.at(i + 1) == "year":
        return i + 2
    if t.at(i) in ("a", "one") and t.at(i + 1) == "year" and t.at(i + 2) in ("ago", "earlier", "before"):
        return i + 3
    return None


def _year_ago(t: _Toks, i: int) -> Expr | None:
    """Financial "year-earlier"/"year-ago" (+ quarter/period): the referent a year back."""
    start = i
    if t.at(i) == "the":
        i += 1
        if t.at(i) in ("comparable", "corresponding", "same"):
            i += 1
    if t.at(i) == "year" and t.at(i + 1) == "-" and t.at(i + 2) in ("earlier", "ago"):
        end = i + 3
        if t.at(end) in ("quarter", "period"):
            return Expr(start, end + 1, kind="shift", rel="quarter", unit="Q", offset=-4)
        k = end + 1 if t.at(end) == "fiscal" else end
        n = _lex()["ordinals"].get(t.at(k))
        q = k + 2 if t.at(k + 1) == "-" else k + 1
        if n and int(n) <= 4 and t.at(q) == "quarter":  # "the year-earlier third quarter"
            return Expr(start, q + 1, kind="quarter", rel="dct", unit="Q", day=int(n), offset=-1)
        if start != i and t.at(start + 1) != "year":
            return None  # "the comparable year-ago results": not a time by itself
        return Expr(i, end, kind="shift", rel="anaphor", unit="Y", offset=-1, keep_gran=True)
    return None


def _anaphoric_adverb(t: _Toks, i: int) -> Expr | None:
    """"earlier/later that day", "earlier this year", "earlier in the year"."""
    word = t.at(i)
    if word not in ("earlier", "later"):
        return None
    j = i + 1
    if t.at(j) == "in" and t.at(j + 1) == "the":
        unit = _unit(t, j + 2)
        if unit and not unit[1] and _gran(unit[0]):
            # "later in the day": the day last named (a "Friday" letter's day), else publication's
            rel = "anaphor" if unit[0] == "D" else "dct"
            return Expr(i, j + 3, kind="shift", rel=rel, unit=_gran(unit[0]))  # type: ignore[arg-type]
        return None
    if t.at(j) in ("that", "this"):
        unit = _unit(t, j + 1)
        if unit and not unit[1] and _gran(unit[0]):
            rel = "anaphor" if t.at(j) == "that" else "dct"
            return Expr(i, j + 2, kind="shift", rel=rel, unit=_gran(unit[0]))  # type: ignore[arg-type]
        part = _lex()["parts"].get(t.at(j + 1))
        if part:
            rel = "anaphor" if t.at(j) == "that" else "dct"
            return Expr(i, j + 2, type="TIME", kind="shift", rel=rel, unit="D", suffix="T" + part)
    return None


def _holiday(t: _Toks, i: int) -> Expr | None:
    """Named holidays, fixed or movable ("Christmas 2023", "Thanksgiving", "last Easter")."""
    hol = _lex()["holidays"]
    start = i
    direction = {"last": "past", "next": "future", "this": None}.get(t.at(i), "")
    if direction != "":
        i += 1
    tok = t.tok(i)
    if tok is None or not tok.text[:1].isupper() or tok.ent_type_ in ("PERSON", "ORG", "WORK_OF_ART"):
        return None
    for size in (4, 3, 2, 1):
        phrase = " ".join(t.at(j) for j in range(i, i + size)).replace(" 's", "'s").replace(" ’s", "'s")
        if phrase not in hol:
            continue
        end = i + size
        spec = hol[phrase]
        nxt = t.tok(end)
        if nxt is not None and nxt.text[:1].isupper() and nxt.pos_ == "PROPN" and not _year_tok(t, end):
            return None  # a name: "Easter Island", "Christmas Carol Society"
        if t.at(end) == "week":  # "Easter week": the ISO week holding it
            return Expr(start, end + 1, kind="holiday", rel="dct", value=spec, unit="W", direction=direction or None)
        year = _year_tok(t, end) if direction == "" else None
        return Expr(start, end + 1 if year else end, kind="holiday", rel="dct", value=spec, year=year,
                    direction=direction or None)
    return None


def _clock(t: _Toks, i: int) -> Expr | None:
    """Clock times: "10:35 a.m.", "5 p.m. EDT", "noon", "midnight" (+ a following day)."""
    word = t.at(i)
    hour = minute = None
    end = i + 1
    if word in ("noon", "midday") and t.at(i - 1) != "high" and not (t.doc[i].text[0].isupper() and i and
                                                                      not t.doc[i].is_sent_start):
        hour, minute = 12, 0  # "High Noon" is a film, "high noon" a figure of speech
    elif word == "midnight":
        hour, minute = 24, 0
    else:
        m = CLOCK_RE.match(word)
        if not m:
            return None
        ampm = m[3]
        if not ampm and t.at(i + 1) in ("a.m.", "p.m.", "am", "pm", "a.m", "p.m", "o'clock"):
            ampm = t.at(i + 1)
            end = i + 2
        part = _clock_part(t, end) if not ampm and not m[2] and 1 <= int(m[1]) <= 12 else None
        if part is not None:  # "4 in the morning", "9 at night"
            ampm = "a.m." if part[0] == "MO" or (part[0] == "NI" and int(m[1]) < 6) else "p.m."
            end = part[1]
        if not ampm and not m[2]:
            return None
        if not ampm and t.doc[i].ent_type_ != "TIME":
            return None
        hour, minute = int(m[1]), int(m[2] or 0)
        if hour > 24 or minute > 59:
            return None
        if ampm and ampm.startswith("p") and hour < 12:
            hour += 12
        if ampm and ampm.startswith("a") and hour == 12:
            hour = 0
    if t.at(end) in lexicons.load("times/zones") or (t.at(end) == "local" and t.at(end + 1) == "time"):
        end += 2 if t.at(end) == "local" else 1
    suffix = f"T{hour:02d}:{minute:02d}"
    k = end + 1 if t.at(end) in (",", "on") else end
    if t.at(k) == "(":  # "10:35 a.m. (0735 GMT) Friday": the day after the aside, the extent without it
        close = next((j for j in range(k + 1, min(k + 7, t.n)) if t.at(j) == ")"), None)
        after = _scan_one(t, close + 1, (_weekday_rule, _deictic_day)) if close is not None else None
        if after is not None and after.kind in ("weekday", "shift") and after.type == "DATE":
            after.start, after.end, after.type, after.suffix = i, end, "TIME", suffix
            return after
    day = _scan_one(t, k, (_explicit_date, _deictic_day, _weekday_rule))
    if day is not None and day.kind in ("fixed", "calendar", "weekday", "shift") and \
            (day.kind != "fixed" or re.fullmatch(r"\d{4}-\d\d-\d\d", day.value)) and \
            (day.kind != "calendar" or day.day is not None):
        day.start, day.type = i, "TIME"
        day.suffix = suffix
        if day.kind == "fixed":
            day.value += suffix
        return day
    return Expr(i, end, type="TIME", kind="shift", rel="anaphor", unit="D", suffix=suffix)


def _the_part(t: _Toks, i: int) -> Expr | None:
    """"in the morning", "during the afternoon": that part of the day last named (or of publication)."""
    if t.at(i) != "the" or t.at(i - 1) not in ("in", "during", "by") or \
            t.at(i + 1) not in ("morning", "afternoon", "evening"):
        return None
    prev = t.tok(i - 2)
    if prev is not None and (prev.like_num or CLOCK_RE.match(prev.lower_)):
        return None  # "4 in the morning" is a clock time
    nxt = t.tok(i + 2)
    if nxt is not None and nxt.pos_ in ("NOUN", "PROPN"):
        return None  # "in the morning session", "in the evening news"
    return Expr(i, i + 2, type="TIME", kind="shift", rel="anaphor", unit="D",
                suffix="T" + _lex()["parts"][t.at(i + 1)])


def _clock_part(t: _Toks, i: int) -> tuple[str, int] | None:
    """(part of day, end) of "in the morning/afternoon/evening" or "at night" at ``i`` after an hour."""
    if t.at(i) == "in" and t.at(i + 1) == "the" and t.at(i + 2) in ("morning", "afternoon", "evening"):
        end = i + 3
    elif t.at(i) == "at" and t.at(i + 1) == "night":
        end = i + 2
    else:
        return None
    nxt = t.tok(end)
    if nxt is not None and nxt.pos_ == "NOUN":
        return None  # "3 in the morning session"
    return _lex()["parts"][t.at(end - 1)], end


def _position_mod(t: _Toks, i: int) -> Expr | None:
    """"the end of 2024", "the beginning of October", "early 2024", "late November", "mid-November"."""
    start = i
    mod = None
    if t.at(i) == "the" and t.at(i + 1) in ("beginning", "start", "end", "middle", "close") and t.at(i + 2) == "of":
        mod = {"beginning": "START", "start": "START", "end": "END", "middle": "MID", "close": "END"}[t.at(i + 1)]
        i += 3
    elif t.at(i) in ("early", "late", "mid"):
        mod = {"early": "START", "late": "END", "mid": "MID"}[t.at(i)]
        i += 2 if t.at(i + 1) == "-" else 1
    elif t.at(i).startswith("mid-"):
        rest = t.doc[i].text[4:]
        lex = _lex()
        if rest.lower() in lex["months"] and rest[:1].isupper():
            return Expr(i, i + 1, kind="calendar", rel="dct", month=int(lex["months"][rest.lower()]), mod="MID")
        return None
    else:
        return None
    inner = _scan_one(t, i, (_explicit_date, _year_strict, _relative, _season, _quarter, _unit_the, _weekday_rule))
    if inner is None or inner.start != i or inner.type != "DATE":
        return None
    inner.start, inner.mod = start, mod
    return inner


def _year_strict(t: _Toks, i: int) -> Expr | None:
    year = _year_tok(t, i)
    if year and not _not_a_year(t, i):
        return Expr(i, i + 1, value=f"{year:04d}")
    return _year(t, i)


def _not_a_year(t: _Toks, i: int) -> bool:
    tok = t.doc[i]
    return tok.ent_type_ in NOT_YEAR_ENTS or t.at(i + 1) in ("%", "percent")


def _unit_the(t: _Toks, i: int) -> Expr | None:
    """"the year"/"the month"/"the week"/"the decade" after "the end of": the publication's."""
    unit = _unit(t, i + 1) if t.at(i) == "the" else None
    if unit and not unit[1] and unit[0] in ("Y", "M", "W", "Q", "10Y", "100Y"):
        return Expr(i, i + 2, kind="shift", rel="dct", unit=_gran(unit[0]))  # type: ignore[arg-type]
    return None


def _scan_one(t: _Toks, i: int, rules: tuple[Rule, ...]) -> Expr | None:
    best = None
    for rule in rules:
        e = rule(t, i)
        if e is not None and (best is None or e.end > best.end):
            best = e
    return best


RULES: tuple[Callable[[_Toks, int], Expr | None], ...] = (
    _set, _explicit_date, _year, _deictic_day, _reference, _relative, _unit_before_after, _amount,
    _vague_plural, _weekday_rule, _season, _quarter, _year_ago, _anaphoric_adverb, _holiday,
    _clock, _position_mod, _the_quarter, _weekend, _the_year, _year_end, _coming, _week_of, _the_part,
)


# ---------------------------------------------------------------- the rule index
# Which rules can match at a token depends on its lower-cased form alone, so each
# distinct word is classified once and most tokens ("the" aside) try no rule at all.
# Every test below is a superset of the first-token condition of its rule.


def _first_words(keys: Iterable[str]) -> frozenset[str]:
    return frozenset(k.split(" ")[0] for k in keys)


@lru_cache(maxsize=1)
def _starters() -> tuple[tuple[Rule, Callable[[str], bool]], ...]:
    lex = _lex()
    weekdays = frozenset(lex["weekdays"])
    months = frozenset(lex["months"]) | frozenset(lex["abbrevs"])
    vague = lexicons.load("times/vague_amounts")
    holidays = tuple(lex["holidays"])

    def weekday(w: str) -> bool:
        return w.rstrip(".") in weekdays

    def month(w: str) -> bool:
        return w in months or w.rstrip(".") in months

    def words(*groups: Iterable[str]) -> Callable[[str], bool]:
        found = frozenset(w for group in groups for w in group)
        return found.__contains__

    def number(w: str) -> bool:
        return w in ("a", "an") or w in vague or w in lex["numbers"] or re.fullmatch(r"\d+(\.\d+)?", w) is not None

    def year(w: str) -> bool:
        return w in ("the", "year", "fiscal", "early", "late", "mid", "'") or w in CENTURY_WORDS or \
            w.startswith(("mid-", "pre-", "post-")) or any(r.match(w) for r in (DECADE_RE, ORD_NUM_RE, YEAR_RE))

    tests: dict[Rule, Callable[[str], bool]] = {
        _set: lambda w: w in ("every", "each", "a", "per") or w in lex["freq"] or weekday(w)
        or (w.endswith("s") and w[:-1] in weekdays),
        _explicit_date: lambda w: w == "the" or weekday(w) or month(w)
        or any(r.match(w) for r in (ISO_DATE_RE, SLASH_DATE_RE, DAY_RE)),
        _year: year,
        _deictic_day: words(("earlier", "later", "early", "late", "this", "last", "overnight", "mid", "midmorning",
                             "midafternoon"), lex["days"]),
        _reference: words(_first_words(lex["refs"]), ("current", "recent", "future")),
        _relative: words(("early", "late", "earlier", "later", "mid", "this", "the", "that", "same", "preceding"),
                         RELATIVE),
        _unit_before_after: words(("the",)),
        _amount: lambda w: w == "the" or w in _first_words(lex["mods"]) or number(w),
        _vague_plural: words(("for", "over", "in", "within")),
        _weekday_rule: weekday,
        _season: words(("the", "early", "late", "mid"), lex["seasons"]),
        _quarter: lambda w: w in ("the", "this", "last", "next", "fiscal") or w in lex["ordinals"]
        or w in ("q1", "q2", "q3", "q4"),
        _year_ago: words(("the", "year")),
        _anaphoric_adverb: words(("earlier", "later")),
        _holiday: lambda w: w in ("last", "next", "this") or (w != "" and any(h.startswith(w) for h in holidays)),
        _clock: lambda w: w in ("noon", "midday", "midnight") or CLOCK_RE.match(w) is not None,
        _position_mod: lambda w: w in ("the", "early", "late", "mid") or w.startswith("mid-"),
        _the_quarter: words(("the",)),
        _weekend: words(("the",)),
        _the_year: words(("the",)),
        _year_end: words(("year",)),
        _coming: words(("the", "coming", "upcoming")),
        _week_of: words(("the",)),
        _the_part: words(("the",)),
    }
    assert set(tests) == set(RULES), "every rule needs a first-token test"
    return tuple((rule, tests[rule]) for rule in RULES)


@lru_cache(maxsize=65536)
def rules_at(word: str) -> tuple[Rule, ...]:
    """The rules that can match starting at a token whose lower-cased text is ``word``, in RULES order."""
    return tuple(rule for rule, test in _starters() if test(word))


def scan(doc: Doc) -> list[Expr]:
    """All time expressions of ``doc``, longest match first, left to right, not overlapping."""
    t = _Toks(doc)
    out: list[Expr] = []
    i = 0
    while i < t.n:
        if doc[i].is_space or (doc[i].is_punct and t.low[i] != "'"):
            i += 1
            continue
        rules = rules_at(t.low[i])
        best = _scan_one(t, i, rules) if rules else None
        if best is not None and best.end > best.start:
            out.append(best)
            i = best.end
        else:
            i += 1
    taken = {k for e in out for k in range(e.start, e.end)}
    for ent in doc.ents:
        if ent.label_ in ("DATE", "TIME") and not taken.intersection(range(ent.start, ent.end)):
            extra = _unparsed_entity(t, ent.start, ent.end)
            if extra is not None:
                out.append(extra)
    return sorted(out, key=lambda e: e.start)


def _unparsed_entity(t: _Toks, start: int, end: int) -> Expr | None:
    """A spaCy DATE/TIME entity the rules did not read, kept with the value its unit word allows:
    "weeks" -> P_W, "an additional year" -> P1Y, "the week" -> the publication's year,
    week unknown ("1989-WXX").
    Ages ("6-year-old"), bare numbers and entities without a unit word are dropped."""
    if end - start > 4 or any(t.at(k) in ("old", "-old") or t.at(k).endswith("-old") for k in range(start, end + 1)):
        return None
    units = [(k, _unit(t, k)) for k in range(start, end)]
    found = [(k, u) for k, u in units if u is not None and t.doc[k].pos_ == "NOUN"]
    vague = lexicons.load("times/vague_amounts")
    if len(found) != 1 or any(t.doc[k].like_num or t.at(k) in vague for k in range(start, end)):
        return None
    k, (code, plural, _) = found[0]
    if t.at(k + 1) == "-" or t.at(k - 1) == "-" or code in ("WE", "TH", "TM", "TS"):
        return None  # "a no-quarter fight", "a quarter-century" are no stretch of quarters
    if t.doc[start].tag_ == "PRP$" or (start > 0 and t.doc[start - 1].tag_ == "PRP$"):
        return None  # "her years as senator", "our days of attacking him": a life's stretch, no time
    if t.doc[start].pos_ == "ADP" and k > start:
        start += 1  # "around the days": the preposition is not part of the time
    first = t.at(start)
    if plural:
        if first == "the":
            return None  # "the days after the attack": a period the rules cannot place
        return Expr(start, end, type="DURATION", value=duration(None, "M" if code == "Q" else code))
    if first in ("a", "an"):
        return Expr(start, end, type="DURATION", value=duration(1, code))
    gran = _gran(code)
    if gran not in ("Y", "M", "W") or first not in ("the", "this", t.at(k)):
        return None  # "the day", "that quarter", "his year": which one is anyone's guess
    if first == "the" and start >= 2 and t.at(start - 1) == "," and (_year_tok(t, start - 2) or _month(t, start - 2)):
        return Expr(start, end, kind="shift", rel="anaphor", unit=gran)  # "in 2008, the year she left": 2008
    return Expr(start, end, kind="partial", rel="dct", unit=gran)
