"""A person's gender as weighed evidence, so that one cue does not decide against many.

Evidence is a tally ``{"female": w, "male": w}``: an honorific before a name ("Mrs.")
weighs most, a first name the name list is sure of less, one it only leans on
("Bernie": mostly female in the list) least, too little to decide alone, and each
pronoun that the article uses for the person (counted by coreference) one unit.
The gender is the side with at least twice the other's weight; a close tally, or a
leaning first name with nothing else, gives no gender, so pronouns of either kind
may still refer to the person (and then count).
"""

from __future__ import annotations

from functools import lru_cache
from typing import Any

HONORIFIC = 6.0  # an explicit "Mrs." outweighs the name list
FIRST_NAME_CLEAR = 3.0
FIRST_NAME_LEANING = 0.5
MIN_WEIGHT = 1.0  # a first name the list only leans on ("Bernie", "Jody") decides nothing alone
KIN_NOUN = 2.0
PRONOUN = 1.0
DOMINANCE = 2.0  # the winning side needs this many times the other's weight

Evidence = dict[str, float]


@lru_cache(maxsize=1)
def _detector() -> Any:
    import gender_guesser.detector as gd

    return gd.Detector(case_sensitive=False)


@lru_cache(maxsize=4096)
def first_name_lean(first: str) -> tuple[str, float] | None:
    """(gender, weight) the first-name list gives ``first``, or None when it is no known first name."""
    guess = _detector().get_gender(first)
    if guess in {"female", "male"}:
        return guess, FIRST_NAME_CLEAR
    if guess in {"mostly_female", "mostly_male"}:
        return guess.removeprefix("mostly_"), FIRST_NAME_LEANING
    return None


def add(evidence: Evidence, gender: str | None, weight: float) -> None:
    """Add ``weight`` for ``gender`` (nothing for None)."""
    if gender in {"female", "male"}:
        evidence[gender] = evidence.get(gender, 0.0) + weight


def decide(evidence: Evidence) -> str | None:
    """The gender the tally supports clearly, or None."""
    f, m = evidence.get("female", 0.0), evidence.get("male", 0.0)
    if max(f, m) < MIN_WEIGHT:
        return None
    if f > 0 and f >= DOMINANCE * m:
        return "female"
    if m > 0 and m >= DOMINANCE * f:
        return "male"
    return None
