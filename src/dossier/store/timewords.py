"""TIMEX3 values in words for people reading a timeline ("2015-FA" -> "fall 2015").

Only presentation: the stored values and ``--json`` keep the TIMEX3 notation.
"""

from __future__ import annotations

import re

MONTHS = ("January", "February", "March", "April", "May", "June", "July", "August", "September", "October",
          "November", "December")
SEASONS = {"SP": "spring", "SU": "summer", "FA": "fall", "WI": "winter"}
QUARTERS = {"1": "first", "2": "second", "3": "third", "4": "fourth"}
HALVES = {"1": "first", "2": "second"}
DAY_PARTS = {"MO": "morning", "AF": "afternoon", "EV": "evening", "NI": "night", "DT": "daytime"}
UNITS = {"Y": "year", "M": "month", "W": "week", "D": "day", "H": "hour", "S": "second", "Q": "quarter",
         "DE": "decade", "CE": "century"}
TIME_UNITS = {"H": "hour", "M": "minute", "S": "second"}
REFS = {"PAST_REF": "in the past", "FUTURE_REF": "in the future"}

_CAL = re.compile(
    r"^(?P<y>\d{4}|XXXX)"
    r"(?:-(?:(?P<m>\d\d|XX)(?:-(?P<d>\d\d|XX))?|Q(?P<q>[1-4])|H(?P<h>[12])|W(?P<w>\d\d|XX)(?P<we>-WE)?"
    r"|(?P<s>SP|SU|FA|WI)))?"
    r"(?:T(?P<t>\d\d:\d\d(?::\d\d)?|MO|AF|EV|NI|DT))?$"
)
_DECADE = re.compile(r"^(\d{3})X?$")
_CENTURY = re.compile(r"^(\d{2})$")
_DURATION = re.compile(r"^P(?:(?P<n>\d+(?:\.\d+)?|_)(?P<u>DE|CE|Y|M|W|D|Q))?(?:T(?P<tn>\d+|_)(?P<tu>[HMS]))?$")


def in_words(value: str | None, published: str | None = None) -> str | None:
    """A TIMEX3 value as words; ``published`` anchors "now". None for no value or a form it cannot read."""
    if not value:
        return None
    if value == "PRESENT_REF":
        return f"now ({published})" if published else "now"
    if value in REFS:
        return REFS[value]
    if value.startswith("P"):
        return _duration(value)
    return _calendar(value)


def _calendar(value: str) -> str | None:
    m = _CAL.match(value)
    if not m:
        decade = _DECADE.match(value)
        if decade:  # "199" (or "199X"): the 1990s
            return f"the {decade.group(1)}0s"
        century = _CENTURY.match(value)
        if century:
            return f"the {century.group(1)}00s"
        return None
    year = None if m["y"] == "XXXX" else m["y"]
    out: str | None
    if m["s"]:
        out = f"{SEASONS[m['s']]} {year or ''}".strip()
    elif m["q"]:
        out = f"the {QUARTERS[m['q']]} quarter" + (f" of {year}" if year else "")
    elif m["h"]:
        out = f"the {HALVES[m['h']]} half" + (f" of {year}" if year else "")
    elif m["w"]:
        week = "a week" if m["w"] == "XX" else f"week {int(m['w'])}"
        out = ("the weekend of " if m["we"] else "") + week + (f" of {year}" if year else "")
    elif m["m"] and m["m"] != "XX":
        month = MONTHS[int(m["m"]) - 1]
        if m["d"] and m["d"] != "XX":
            out = f"{int(m['d'])} {month}" + (f" {year}" if year else "")
        else:
            out = f"{month} {year}" if year else month
    else:
        out = year
    if m["t"]:
        part = DAY_PARTS.get(m["t"], m["t"])
        out = f"{out or 'a day'}, {part}"
    return out or "an unknown date"


def _duration(value: str) -> str | None:
    m = _DURATION.match(value)
    if not m or not (m["u"] or m["tu"]):
        return None
    n, unit = (m["n"], UNITS[m["u"]]) if m["u"] else (m["tn"], TIME_UNITS[m["tu"]])
    if n == "_":
        return f"for some {unit}s"
    if n in {"1", "1.0"}:
        return f"for a{'n' if unit == 'hour' else ''} {unit}"
    return f"for {n} {unit}s"


__all__ = ["in_words"]
