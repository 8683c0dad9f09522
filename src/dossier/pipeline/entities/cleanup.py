"""Repairs of PERSON spans the NER ran together with other words, and PERSON spans that name no one.

Span repairs (token offsets in, token offsets out):

* a comma or semicolon separates names (``Bush, Christie, Rubio``; not ``Obi, Jr.``);
* a lower-case word that is no name particle ends a name: ``Carson distanced`` ->
  ``Carson``; ``pro-Lane`` -> ``Lane``; ``Ana Ruiz of Tustin`` -> ``Ana Ruiz`` (a
  dash between capitalised words joins them: ``Torjeman - Besson``);
* a trailing number is no part of a name (``Lane 42-40``);
* a demonym or similar descriptor before a full name is not its first name:
  ``Kentuckian Ada Ortiz`` -> ``Ada Ortiz``;
* a headline word after a name (``Fred Lane Dies``) is cut off;
* a common word that doubles as a first name, capitalised only because it opens a
  headline (``Will Lane concede?``), is not the first name.

Retyping: initials only (``U.S.``), a title alone (``Sgt``), a one-word all-caps label
(``ABSTRACT``), a hashtag, a word list of well-known non-people (``Medicare``), a name
whose last word, or the lower-case word after a one-word name, says it is an event, award,
law or place (``the Lane Classic``, ``the Dodd-Ives law``), an adjective (``Mexican``), a
demonym (``Latinos``), a US state or a news site: none is a PERSON.
"""

from __future__ import annotations

import re

from spacy.tokens import Doc

from .. import lexicons
from .gender import first_name_lean

DASHES = {"-", "–", "—", "--"}
_INITIALS = re.compile(r"^(?:[A-Za-z]\.){1,4}[A-Za-z]?\.?$")
_GLUED = re.compile(r"^([A-Z][a-z]{2,})([A-Z][a-z]{1,3})\.?$")


def _particle(word: str) -> bool:
    return word in lexicons.load("entities/name_particles")


def _separator(doc: Doc, i: int) -> bool:
    tok = doc[i]
    if tok.text in {",", ";"}:
        # "Bush, Christie, Rubio": a list of names; "Ada Obi, Jr.": a suffix after the comma stays
        nxt = doc[i + 1].lower_ if i + 1 < len(doc) else ""
        return nxt not in lexicons.load("entities/name_suffixes")
    if tok.text in DASHES:
        # "pro-Lane": a dash after a lower-case word; between capitalised words it joins ("Torjeman - Besson").
        return i > 0 and doc[i - 1].is_lower and not _particle(doc[i - 1].text)
    if i > 0 and doc[i - 1].text in DASHES and i > 1 and not doc[i - 2].is_lower:
        return False  # "Jong-un": a hyphenated part of the name
    return tok.is_alpha and tok.is_lower and not _particle(tok.text)


def split_person(doc: Doc, start: int, end: int, title_len: int) -> list[tuple[int, int]]:
    """The name parts of a PERSON span ``start:end`` (see the module docstring); a part shorter
    than the span is checked again once the article's names are known (:func:`debris`)."""
    parts: list[tuple[int, int]] = []
    s = start
    for i in range(start, end):
        if _separator(doc, i):
            if i > s:
                parts.append((s, i))
            s = i + 1
    if s < end:
        parts.append((s, end))
    out = []
    for a, b in parts:
        while b > a and (doc[b - 1].like_num or doc[b - 1].text[:1].isdigit() or doc[b - 1].text in DASHES
                         or doc[b - 1].text == ":"):
            b -= 1
        while a < b and (doc[a].text in DASHES or (_particle(doc[a].text) and b - a == 1)):
            a += 1
        a = _drop_descriptor(doc, a, b)
        b = _drop_headline_word(doc, a, b)
        a = _drop_common_first_word(doc, a, b, title_len)
        if b > a and any(t.text[:1].isupper() for t in doc[a:b]):
            out.append((a, b))
    return out


def _drop_descriptor(doc: Doc, a: int, b: int) -> int:
    """``Kentuckian Ada Ortiz`` / ``Democrat Ada Ortiz``: the word before a full name that is no first name."""
    if b - a < 3:
        return a
    word = doc[a].lower_
    if first_name_lean(doc[a].text) is not None or first_name_lean(doc[a + 1].text) is None:
        return a
    if word in lexicons.load("entities/demonyms"):
        return a + 1
    return a


def _drop_headline_word(doc: Doc, a: int, b: int) -> int:
    """``Fred Lane Dies`` -> ``Fred Lane``: a headline verb or noun after at least one name word."""
    words = lexicons.load("entities/headline_words")
    for i in range(a + 1, b):
        if doc[i].lower_ in words:
            return i
    return b


def _drop_common_first_word(doc: Doc, a: int, b: int, title_len: int) -> int:
    """``Will Lane concede?`` / ``Young Lane voters``: a common word capitalised by position only."""
    if b - a != 2 or doc[a].lower_ not in lexicons.load("entities/common_word_names"):
        return a
    if doc[a].idx < title_len and (a == 0 or doc[a].is_sent_start or doc[a - 1].is_punct):
        return a + 1  # in the body, only beside a namesake (``finder._stray_first_word``)
    return a


def debris(doc: Doc, start: int, end: int, names: set[str]) -> bool:
    """A one-word piece split off a longer span that is no first name and no name the article uses."""
    if end - start != 1:
        return False
    word = doc[start].text
    return first_name_lean(word) is None and word.lower() not in names


def not_a_person(doc: Doc, start: int, end: int, names: set[str]) -> str | None:
    """The type a PERSON span really has ("OTHER" for debris), or None when it may be a person.

    ``names``: the first names and surnames of the people the article names in full; a one-word
    span that is one of them stays a person.
    """
    span = doc[start:end]
    text = span.text
    norm = " ".join(text.lower().split())
    known = lexicons.pairs("entities/not_people")
    if norm in known:
        return known[norm].upper()
    if start > 0 and doc[start - 1].text == "#" and not doc[start - 1].whitespace_:
        return "OTHER"  # a hashtag
    if any(t.text.startswith(("@", "#")) or t.like_url for t in span):
        return "OTHER"  # "Twitter @AdaObi", "@AdaObi Twitter feed": a handle, not the person
    heads = lexicons.pairs("entities/non_person_heads")
    if end - start >= 2 and span[-1].lower_ in heads:
        return heads[span[-1].lower_].upper()
    last = span[-1].lower_
    if last.endswith("s") and last in lexicons.load("entities/demonyms"):
        # "Log Cabin Republicans", "Young Democrats", "Republicans": a group named by a plural party word
        return "NORP"
    if _glued_title(doc, start, end):
        return "OTHER"  # "Sen. Ada ObiSen. Bo Lane": two names run together by a lost line break
    if end - start != 1:
        return None
    word = span[0]
    lower = word.lower_
    if lower in names:
        return None
    j = end
    while j + 1 < len(doc) and doc[j].text in DASHES and not doc[j - 1].whitespace_:
        j += 2  # "Dodd-Ives law": past the rest of a hyphenated name
    nxt = doc[j].lower_ if j < len(doc) else ""
    if nxt in heads and doc[j].is_lower:
        return heads[nxt].upper()  # "the Dodd-Ives law", "the Vale attack": a law or an event named by a word
    if word.tag_ == "JJ" and not word.is_sent_start:
        return "NORP"  # "a Mexican judge", "the Franco-Dutch plan": an adjective is nobody
    if _INITIALS.match(text) and "." in text:
        return "OTHER"  # "U.S.", "O.K.": initials, not a name
    titles = lexicons.load("person_titles")
    if lower in titles or lower + "." in titles:
        return "OTHER"  # "Sgt", "Fr": a title left alone
    if lower in lexicons.load("entities/demonyms"):
        return "NORP"
    if lower in lexicons.load("entities/us_states"):
        return "GPE"
    if lower in lexicons.load("entities/news_sites"):
        return "OUTLET"
    if word.is_upper and len(text) > 2 and first_name_lean(text) is None:
        return "OTHER"  # an all-caps section label: "ABSTRACT", "WATCH"
    return None


def _glued_title(doc: Doc, start: int, end: int) -> bool:
    """``ObiSen.`` in "Sen. Ada ObiSen. Bo Lane": a name word that runs into the next name's title."""
    titles = {t.rstrip(".") for t in lexicons.load("person_titles") if t.endswith(".")}
    for tok in doc[start:end]:
        m = _GLUED.match(tok.text)
        if m is None or m.group(2).lower() not in titles:
            continue
        nxt = doc[tok.i + 1] if tok.i + 1 < len(doc) else None
        if tok.text.endswith(".") or (nxt is not None and nxt.text == "." and not tok.whitespace_):
            return True
    return False


def place_opener(word: str) -> bool:
    """Whether ``word`` opens place names rather than people's ("Des Moines", "El Paso", "San Jose")."""
    return word.lower() in lexicons.load("entities/place_openers")
