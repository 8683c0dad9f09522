"""Tokenizer repair for names glued by a lost separator: "Sen. Ada OrtizSen. Bo Lane".

A title abbreviation stuck to the end of a lower-case word ("OrtizSen.") is split off,
so the NER sees two names. Only abbreviations the title list ends with a period
count, and only after three lower-case letters (``McDonald``, ``DeSantis`` stay whole).
"""

from __future__ import annotations

import re
from typing import Any

from spacy.language import Language
from spacy.util import compile_infix_regex

from .. import lexicons


def glued_title_pattern() -> str:
    """The infix pattern: a capitalised title abbreviation ending a word after lower-case letters."""
    abbrevs = sorted(
        {t.rstrip(".").capitalize() for t in lexicons.load("person_titles") if t.endswith(".") and " " not in t},
        key=len, reverse=True,
    )
    alternatives = "|".join(re.escape(a) for a in abbrevs)
    return rf"(?<=[a-z]{{3}})(?:{alternatives})$"


def split_glued_titles(nlp: Language) -> None:
    """Add the glued-title infix to ``nlp``'s tokenizer."""
    infixes = [*(nlp.Defaults.infixes or ()), glued_title_pattern()]
    tokenizer: Any = nlp.tokenizer
    tokenizer.infix_finditer = compile_infix_regex(infixes).finditer
