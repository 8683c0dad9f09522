"""TIMEX3 values: calendar arithmetic and formatting, free of spaCy.

A *point* is a date with a granularity (``Point(date(2024, 7, 21), "D")``).
Granularities, coarse to fine: ``C`` century, ``DE`` decade, ``Y`` year,
``H`` half-year, ``Q`` quarter, ``SE`` season, ``M`` month, ``W`` ISO week,
``D`` day. :func:`fmt` writes a point in TIMEX3 notation ("19", "199X",
"2024", "2024-H1", "2024-Q3", "2024-SU", "2024-07", "2024-W05",
"2024-07-21"); :func:`parse_point` reads one back so a relative expression
can be resolved against an earlier one. Unknown parts are written ``X``
("XXXX-07-21"); durations are ``P<n><unit>`` ("P8Y", "PT5H") with ``_`` for
an unknown number ("P_Y"), as the contract writes it.
"""

from __future__ import annotations

import re
from calendar import monthrange
from dataclasses import dataclass
from datetime import date, timedelta

ORDER = {"C": 0, "DE": 1, "Y": 2, "H": 3, "Q": 4, "SE": 4, "M": 5, "W": 6, "D": 7}
SEASON_MONTH = {"SP": 4, "SU": 7, "FA": 10, "WI": 1}  # a month inside each season
MONTH_SEASON = {12: "WI", 1: "WI", 2: "WI", 3: "SP", 4: "SP", 5: "SP",
                6: "SU", 7: "SU", 8: "SU", 9: "FA", 10: "FA", 11: "FA"}


@dataclass(frozen=True)
class Point:
    """A date known to granularity ``gran`` (a key of :data:`ORDER`)."""

    day: date
    gran: str
    season: str | None = None


def finer(a: str, b: str) -> str:
    """The finer of two granularities."""
    return a if ORDER[a] >= ORDER[b] else b


def coarser(a: str, b: str) -> str:
    """The coarser of two granularities."""
    return a if ORDER[a] <= ORDER[b] else b


def fmt(p: Point) -> str:
    """``p`` in TIMEX3 notation."""
    d, g = p.day, p.gran
    y = f"{d.year:04d}"
    if g == "C":
        return f"{d.year // 100:02d}"
    if g == "DE":
        return f"{d.year // 10:03d}X"
    if g == "Y":
        return y
    if g == "H":
        return f"{y}-H{1 if d.month <= 6 else 2}"
    if g == "Q":
        return f"{y}-Q{(d.month - 1) // 3 + 1}"
    if g == "SE":
        return f"{y}-{p.season or MONTH_SEASON[d.month]}"
    if g == "M":
        return f"{y}-{d.month:02d}"
    if g == "W":
        iso = d.isocalendar()
        return f"{iso[0]:04d}-W{iso[1]:02d}"
    return d.isoformat()


def fmt_partial(p: Point, gran: str) -> str:
    """``p`` written at ``gran``, with ``X`` for the parts finer than ``p`` knows."""
    if ORDER[gran] <= ORDER[p.gran]:
        return fmt(Point(p.day, gran, p.season))
    if p.gran in ("C", "DE"):
        return fmt(p)
    year = fmt(Point(p.day, "Y"))
    if gran == "D" and p.gran == "M":
        return fmt(p) + "-XX"
    return year + {"H": "-HX", "Q": "-QX", "SE": "-XX", "M": "-XX", "W": "-WXX", "D": "-XX-XX"}[gran]


_VALUE = re.compile(
    r"^(?P<y>\d{4})(?:-(?:(?P<m>\d\d)(?:-(?P<d>\d\d))?|Q(?P<q>[1-4])|H(?P<h>[12])|W(?P<w>\d\d)|(?P<s>SP|SU|FA|WI)))?"
)


def parse_point(value: str) -> Point | None:
    """The point a TIMEX3 date value names, or None (durations, refs, unknown years)."""
    m = _VALUE.match(value)
    if not m:
        return None
    y = int(m["y"])
    if m["d"]:
        try:
            return Point(date(y, int(m["m"]), int(m["d"])), "D")
        except ValueError:
            return None
    if m["m"]:
        return Point(date(y, int(m["m"]), 1), "M")
    if m["q"]:
        return Point(date(y, 3 * int(m["q"]) - 2, 1), "Q")
    if m["h"]:
        return Point(date(y, 1 if m["h"] == "1" else 7, 1), "H")
    if m["w"]:
        try:
            return Point(date.fromisocalendar(y, int(m["w"]), 1), "W")
        except ValueError:
            return None
    if m["s"]:
        return Point(date(y, SEASON_MONTH[m["s"]], 1), "SE", m["s"])
    return Point(date(y, 1, 1), "Y")


def add_months(d: date, n: int) -> date:
    """``d`` moved by ``n`` calendar months (day clamped to the month's length)."""
    total = d.year * 12 + d.month - 1 + n
    y, m = divmod(total, 12)
    return date(y, m + 1, min(d.day, monthrange(y, m + 1)[1]))


def shift(d: date, unit: str, n: int) -> date:
    """``d`` moved by ``n`` units (Y, DE, C, H, Q, SE, M, W, D)."""
    if unit in ("Y", "DE", "C"):
        return add_months(d, 12 * n * {"Y": 1, "DE": 10, "C": 100}[unit])
    if unit in ("H", "Q", "SE", "M"):
        return add_months(d, n * {"H": 6, "Q": 3, "SE": 12, "M": 1}[unit])
    return d + timedelta(days=n * (7 if unit == "W" else 1))


def weekday_near(ref: date, weekday: int, direction: str, strict: bool = False) -> date:
    """The ISO ``weekday`` (1-7) nearest ``ref`` in ``direction`` ("past"/"future");
    ``strict`` excludes ``ref`` itself."""
    if direction == "future":
        delta = (weekday - ref.isoweekday()) % 7
        if strict and delta == 0:
            delta = 7
        return ref + timedelta(days=delta)
    delta = (ref.isoweekday() - weekday) % 7
    if strict and delta == 0:
        delta = 7
    return ref - timedelta(days=delta)


def month_near(ref: date, month: int, direction: str | None, strict: bool = False) -> int:
    """The year of the ``month`` nearest ``ref``: past (on or before), future, or closest."""
    y = ref.year
    if direction == "same":
        return y
    if direction == "past":
        return y if month < ref.month or (month == ref.month and not strict) else y - 1
    if direction == "future":
        return y if month > ref.month or (month == ref.month and not strict) else y + 1
    diff = month - ref.month
    if diff > 6:
        return y - 1
    if diff < -6:
        return y + 1
    return y


def day_year(ref: date, month: int, day: int, direction: str | None) -> int:
    """The year of ``month``/``day`` nearest ``ref`` in ``direction`` (closest when None)."""
    options = []
    for y in (ref.year - 1, ref.year, ref.year + 1):
        try:
            options.append(date(y, month, min(day, monthrange(y, month)[1])))
        except ValueError:
            continue
    if direction == "past":
        past = [o for o in options if o <= ref]
        return max(past).year if past else ref.year
    if direction == "future":
        fut = [o for o in options if o >= ref]
        return min(fut).year if fut else ref.year
    return min(options, key=lambda o: abs((o - ref).days)).year


def season_year(ref: date, season: str, offset: int) -> int:
    """The year of ``season`` relative to ``ref``: -1 last, 0 this, +1 next."""
    start = {"SP": 3, "SU": 6, "FA": 9, "WI": 12}[season]
    end = {"SP": 5, "SU": 8, "FA": 11, "WI": 2}[season]
    y = ref.year
    if offset == 0:
        return y - 1 if season == "WI" and ref.month <= 2 else y
    if offset < 0:
        if season == "WI":
            return y - 1 if ref.month >= 3 else y - 2
        return y if ref.month > end else y - 1
    if season == "WI":
        return y if ref.month < 12 else y + 1
    return y if ref.month < start else y + 1


def duration(n: float | None, unit: str) -> str:
    """A TIMEX3 duration: ``duration(8, "Y") == "P8Y"``, ``duration(None, "Y") == "P_Y"``,
    ``duration(5, "TH") == "PT5H"``; multiplied units ("10Y" decade) are expanded."""
    m = re.match(r"^(\d*)(T?)([A-Z]+)$", unit)
    if not m:
        return "P_" + unit
    mult = int(m[1]) if m[1] else 1
    prefix = "PT" if m[2] else "P"
    if n is None:
        return f"{prefix}_{'DE' if mult == 10 else 'CE' if mult == 100 else m[3]}"
    total = n * mult
    if total != int(total):
        # fractions as whole parts, as TimeML writes them: "2 1/2 years" -> P2Y6M
        whole = int(total)
        sub = {("", "Y"): (12, "M"), ("", "M"): (30, "D"), ("", "W"): (7, "D"), ("", "D"): (24, "H"),
               ("T", "H"): (60, "M"), ("T", "M"): (60, "S")}.get((m[2], m[3]))
        if sub and (total - whole) * sub[0] == int((total - whole) * sub[0]):
            rest = int((total - whole) * sub[0])
            head = f"{whole}{m[3]}" if whole else ""
            if m[3] == "D" and not m[2]:
                return f"P{head}T{rest}H"
            return f"{prefix}{head}{rest}{sub[1]}"
        return f"{prefix}{total:g}{m[3]}"
    return f"{prefix}{int(total)}{m[3]}"


def easter(year: int) -> date:
    """Western Easter Sunday of ``year`` (anonymous Gregorian algorithm)."""
    a, b, c = year % 19, year // 100, year % 100
    d, e = divmod(b, 4)
    g = (8 * b + 13) // 25
    h = (19 * a + b - d - g + 15) % 30
    i, k = divmod(c, 4)
    ll = (32 + 2 * e + 2 * i - h - k) % 7
    m = (a + 11 * h + 22 * ll) // 451
    month, day = divmod(h + ll - 7 * m + 114, 31)
    return date(year, month, day + 1)


def holiday_date(spec: str, year: int) -> date:
    """The date of a holiday in ``year`` from its lexicon rule.

    ``MM-DD`` a fixed date; ``MM-DD/W/N`` the ``N``-th ISO weekday ``W`` on or
    after MM-DD (``N`` -1: the last on or before it), so Thanksgiving is
    ``11-01/4/4``; ``E+N``/``E-N`` days from Easter Sunday.
    """
    if spec.startswith("E"):
        return easter(year) + timedelta(days=int(spec[1:]))
    day_part, _, rule = spec.partition("/")
    month, day = (int(x) for x in day_part.split("-"))
    base = date(year, month, day)
    if not rule:
        return base
    weekday, nth = (int(x) for x in rule.split("/"))
    if nth < 0:
        return weekday_near(base, weekday, "past")
    return weekday_near(base, weekday, "future") + timedelta(days=7 * (nth - 1))


def holiday_year(ref: date, spec: str, direction: str | None) -> int:
    """The year of the holiday ``spec`` nearest ``ref`` in ``direction`` (closest when None)."""
    options = [holiday_date(spec, y) for y in (ref.year - 1, ref.year, ref.year + 1)]
    if direction == "past":
        return max(o for o in options if o <= ref).year
    if direction == "future":
        return min(o for o in options if o >= ref).year
    return min(options, key=lambda o: abs((o - ref).days)).year


@dataclass
class Expr:
    """A detected time expression before resolution (token offsets ``start``/``end``).

    ``kind`` says how the value is computed:

    * ``fixed``: ``value`` is final ("2024-07-21", "P8Y", "PRESENT_REF", "199X");
    * ``calendar``: ``month`` (and ``day``) without a year, taken from the reference date;
    * ``weekday``: ISO ``weekday`` nearest the reference in ``direction``;
    * ``shift``: the reference moved by ``offset`` ``unit``s, written at ``unit``
      (or at the reference's own granularity when ``keep_gran``);
    * ``season``: ``season`` ``offset`` seasons from the reference (last/this/next);
    * ``quarter``: quarter ``day`` (1-4) or half (``unit`` "H") of the reference year
      moved by ``offset`` years, or of ``year`` when set ("the 1988 second
      quarter"); without ``day`` the reference's own quarter ("the 1988 period");
      with ``month``, a quarter that ended in that month, on or before the reference;
      ``strict`` when the text names the year ("this year's", "of next year"), which the
      tense then does not move;
    * ``partial``: only the reference's year is known, written at ``unit`` ("1989-WXX");
    * ``holiday``: the holiday whose lexicon rule is ``value`` (see
      :func:`holiday_date`) in ``year``, else the occurrence nearest the reference
      in ``direction``, written at ``unit`` (D, or W for "Easter week").

    ``rel`` names the reference: "dct" (publication date) or "anaphor" (the
    nearest preceding time); ``suffix`` is appended to day values ("TNI", "T22:00").
    """

    start: int
    end: int
    type: str = "DATE"
    kind: str = "fixed"
    value: str = ""
    rel: str | None = None
    unit: str = "D"
    offset: int = 0
    month: int | None = None
    day: int | None = None
    weekday: int | None = None
    season: str | None = None
    year: int | None = None
    direction: str | None = None
    strict: bool = False
    keep_gran: bool = False
    suffix: str = ""
    mod: str | None = None


UNKNOWN = {"C": "XX", "DE": "XXXX", "Y": "XXXX", "H": "XXXX-HX", "Q": "XXXX-QX", "SE": "XXXX-XX",
           "M": "XXXX-XX", "W": "XXXX-WXX", "D": "XXXX-XX-XX"}


def resolve(e: Expr, ref: Point | None, tense: str | None = None) -> str:
    """The TIMEX3 value of ``e`` against ``ref`` (None: relative parts stay ``X``).

    ``tense`` ("past"/"future"/None) of the governing verb picks between the
    past and the coming occurrence of a bare weekday, month or day. A value that
    falls outside years 1-9999 (a reference at the calendar's edge) is unknown.
    """
    try:
        return _resolve(e, ref, tense)
    except (OverflowError, ValueError):
        return UNKNOWN.get(e.unit, UNKNOWN["D"])


def _resolve(e: Expr, ref: Point | None, tense: str | None) -> str:
    direction = e.direction or tense
    if e.kind == "fixed":
        return e.value
    if e.kind == "calendar":
        assert e.month is not None
        # news convention: the occurrence closest to publication; a past verb
        # only pushes back a date that would otherwise lie months ahead
        direction = e.direction or (tense if tense == "future" else None)
        past_far = tense == "past" and not e.direction
        if ref is None:
            year = "XXXX"
        elif e.direction == "same":  # "June last year": the reference's year moved by offset
            year = f"{ref.day.year + e.offset:04d}"
        elif e.day is not None:
            y = day_year(ref.day, e.month, e.day, direction)
            if past_far and (date(y, e.month, min(e.day, monthrange(y, e.month)[1])) - ref.day).days > 60:
                y -= 1
            year = f"{y:04d}"
        else:
            y = month_near(ref.day, e.month, direction, e.strict)
            if past_far and (y * 12 + e.month) - (ref.day.year * 12 + ref.day.month) > 1:
                y -= 1
            year = f"{y:04d}"
        if e.day is None:
            return f"{year}-{e.month:02d}"
        if e.unit == "W" and year != "XXXX":  # "the week of March 6"
            return fmt(Point(date(int(year), e.month, min(e.day, monthrange(int(year), e.month)[1])), "W"))
        return f"{year}-{e.month:02d}-{e.day:02d}{e.suffix}"
    if e.kind == "weekday":
        assert e.weekday is not None
        if ref is None or ORDER[ref.gran] < ORDER["D"]:
            return f"XXXX-WXX-{e.weekday}{e.suffix}"
        return weekday_near(ref.day, e.weekday, direction or "past", e.strict).isoformat() + e.suffix
    if e.kind == "season":
        assert e.season is not None
        if ref is None:
            return f"XXXX-{e.season}"
        return f"{season_year(ref.day, e.season, e.offset):04d}-{e.season}"
    if e.kind == "quarter":
        number = e.day
        if number is None:
            number = (ref.day.month - 1) // 3 + 1 if ref is not None and ref.gran == "Q" else None
            if number is None:
                return f"{e.year:04d}" if e.year is not None else "XXXX-QX"
        if e.year is not None:
            return f"{e.year:04d}-{e.unit}{number}"
        if ref is None:
            return f"XXXX-{e.unit}{number}"
        qyear = ref.day.year + e.offset
        if e.month is not None:  # a quarter "ended" in that month: the latest such end, by the reference
            qyear -= e.month > ref.day.month
            return f"{qyear:04d}-{e.unit}{number}"
        first_month = 3 * number - 2 if e.unit == "Q" else 6 * number - 5
        just_over = tense == "past" and e.offset == 0 and not e.strict and ref.gran == "D" and qyear > 1
        if just_over and date(qyear, first_month, 1) > ref.day:
            qyear -= 1  # "profits fell in the fourth quarter", said in January: the one just over
        return f"{qyear:04d}-{e.unit}{number}"
    if e.kind == "holiday":
        if e.year is not None:
            day = holiday_date(e.value, e.year)
        elif ref is None:
            return UNKNOWN[e.unit]
        else:
            direction = e.direction or (tense if tense == "future" else None)
            day = holiday_date(e.value, holiday_year(ref.day, e.value, direction))
        return fmt(Point(day, e.unit))
    if e.kind == "partial":
        return UNKNOWN[e.unit] if ref is None else fmt_partial(Point(ref.day, "Y"), e.unit)
    # shift
    if ref is None:
        return UNKNOWN[e.unit] + (e.suffix if e.unit in ("D", "W") else "")
    moved = Point(shift(ref.day, e.unit, e.offset), ref.gran, ref.season if e.unit in ("Y", "DE", "C") else None)
    gran = finer(e.unit, ref.gran) if e.keep_gran else e.unit
    if e.unit == "SE" and ref.gran != "SE":
        gran = "Y"
    out = fmt_partial(moved, gran)
    return out + e.suffix if gran in ("D", "W") and not out.startswith("X") else out
