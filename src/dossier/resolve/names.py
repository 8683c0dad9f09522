"""Person names as parts (first, middles, surname, suffix) and whether two of them can name one person."""

from __future__ import annotations

import re
import sys
import unicodedata
from dataclasses import dataclass
from functools import cache, lru_cache
from importlib import resources, util
from types import ModuleType

# Words in front of a name that are no title but are dropped with one ("the late Sen.", "U.S. Rep.").
_PREFIXES = frozenset({"the", "late", "then", "former", "us", "u.s"})
SUFFIXES = frozenset({"jr", "sr", "ii", "iii", "iv"})
_DROP = re.compile(r"[^\w\s'-]")
_POSSESSIVE = re.compile(r"['’]s?$")


_NOT_NAME = re.compile(r"[^\w\s.'’-]")


def clean(name: str) -> str:
    """A name as written, without stray marks around it ("@Ada Brandt", "George (W. Bush")."""
    return " ".join(_NOT_NAME.sub(" ", name).split()).strip(" .-'")


def fold(text: str) -> str:
    """Lower case, no accents, no punctuation but hyphens and apostrophes inside words, single spaces."""
    plain = "".join(c for c in unicodedata.normalize("NFKD", text) if not unicodedata.combining(c))
    plain = _DROP.sub(" ", plain.casefold().replace("’", "'"))
    words = [_POSSESSIVE.sub("", w).strip("-'") for w in plain.split()]
    return " ".join(w for w in words if w)


@dataclass(frozen=True)
class NameParts:
    """A person's name split into parts; ``first`` is None for a one-word name (a bare surname)."""

    first: str | None
    middles: tuple[str, ...]
    surname: str
    suffix: str | None

    @property
    def form(self) -> str:
        """The form key: ``first|middles|surname|suffix``."""
        return f"{self.first or ''}|{' '.join(self.middles)}|{self.surname}|{self.suffix or ''}"

    @property
    def full(self) -> bool:
        return self.first is not None


_LEXICONS = "dossier.pipeline.lexicons"


def _lexicons() -> ModuleType:
    """The pipeline's lexicon module, loaded without ``dossier.pipeline`` itself, which imports spaCy:
    the store and the web front end resolve names and must start without it."""
    if _LEXICONS not in sys.modules:
        folder = resources.files("dossier").joinpath("pipeline", "lexicons")
        spec = util.spec_from_file_location(_LEXICONS, str(folder.joinpath("__init__.py")),
                                            submodule_search_locations=[str(folder)])
        assert spec is not None and spec.loader is not None
        module = util.module_from_spec(spec)
        sys.modules[_LEXICONS] = module
        spec.loader.exec_module(module)
    return sys.modules[_LEXICONS]


@cache
def titles() -> frozenset[str]:
    """The words dropped in front of a name: the pipeline's one title lexicon (titles, their abbreviations
    and the honorifics), folded as names are, and a few prefixes that come with a title."""
    lex = _lexicons()
    words = {fold(w) for w in lex.title_words()}
    words |= {w for h in lex.pairs("honorifics") for w in fold(h).split()}
    return frozenset(w for w in words if w) | _PREFIXES


@lru_cache(maxsize=65536)
def parse(name: str, literal: bool = False) -> NameParts | None:
    """Split a person's name; None when nothing is left once titles are dropped.

    ``literal`` keeps the titles as part of the name: a user's alias is taken as written.
    """
    words = fold(name).split()
    known = titles()
    while not literal and len(words) > 1 and (
            words[0] in known or all(part in known for part in words[0].split("-"))):
        words.pop(0)  # "Sen.", "then-Gov."
    suffix = None
    if len(words) > 1 and words[-1] in SUFFIXES:
        suffix = words.pop()
    words = [w for w in words if w not in {",", "-"}]
    if not words:
        return None
    if len(words) == 1:
        return NameParts(None, (), words[0], suffix)
    return NameParts(words[0], tuple(words[1:-1]), words[-1], suffix)


@cache
def _nickname_groups() -> dict[str, frozenset[int]]:
    groups: dict[str, set[int]] = {}
    text = resources.files(__package__).joinpath("nicknames.txt").read_text(encoding="utf-8")
    lines = [ln.split() for ln in text.splitlines() if ln.strip() and not ln.startswith("#")]
    for i, names in enumerate(lines):
        for n in names:
            groups.setdefault(n, set()).add(i)
    return {k: frozenset(v) for k, v in groups.items()}


def _initial(word: str) -> bool:
    return len(word) == 1


def first_names(a: str, b: str) -> tuple[str, float] | None:
    """How two given names match: ("same", 1.0), ("nickname", 0.85), ("initial", 0.6); None if they conflict."""
    if a == b:
        return ("same", 1.0)
    if _initial(a) or _initial(b):
        return ("initial", 0.6) if a[0] == b[0] else None
    groups = _nickname_groups()
    if groups.get(a, frozenset()) & groups.get(b, frozenset()):
        return ("nickname", 0.85)
    return None


def _word_matches(a: str, b: str) -> bool:
    return a == b or ((_initial(a) or _initial(b)) and a[0] == b[0])


def middle_names(a: tuple[str, ...], b: tuple[str, ...]) -> tuple[str, float] | None:
    """Middle names agree when the shorter list matches, in order, part of the longer (initials allowed)."""
    if not a or not b:
        return ("one gives none", 0.0)
    short, long_ = (a, b) if len(a) <= len(b) else (b, a)
    if _initial(short[0]) and short[0] != long_[0][0]:
        return None  # an initial stands for the first middle name: George W. is not George H. W.
    i = 0
    for word in long_:
        if i < len(short) and _word_matches(short[i], word):
            i += 1
    if i < len(short):
        return None
    return ("agree", 0.1)


def compatible(a: NameParts, b: NameParts) -> tuple[float, list[str]] | None:
    """Score and reasons when two full names can be one person; None when they cannot.

    Same surname and suffix are required; different given names never match
    (Joe and Jill, Ada and Alma), nicknames and initials do.
    """
    if a.surname != b.surname or a.suffix != b.suffix or not (a.full and b.full):
        return None
    first = first_names(a.first, b.first)  # type: ignore[arg-type]
    if first is None:
        return None
    middle = middle_names(a.middles, b.middles)
    if middle is None:
        return None
    reasons = [f"surname {a.surname}", f"first names {first[0]} ({a.first}/{b.first})"]
    if a.middles or b.middles:
        reasons.append(f"middle names {middle[0]} ({' '.join(a.middles) or '-'}/{' '.join(b.middles) or '-'})")
    if a.suffix:
        reasons.append(f"suffix {a.suffix}")
    return (min(1.0, first[1] + middle[1]), reasons)
