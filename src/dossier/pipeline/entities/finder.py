"""Entity mentions and their clustering within one article (component ``dossier_entities``).

spaCy's NER gives candidate spans; general rules about news English then fix
what statistical models get wrong on news and group mentions into entities:

* names lose a trailing possessive (``Ada Obi's`` -> ``Ada Obi``, kind
  ``possessive``) and leading titles (``State Sen. Ada Obi`` -> ``Ada Obi``);
  a span with an inner possessive (``Obi's Lake Vale``) is split in two;
* the object of *tell* that is capitalised (``told The Daily Lantern``) is a
  news OUTLET whatever the NER said, as is an organisation quoted with
  "according to" unless its head word says it is an agency, a party, ...; an
  organisation whose last word is a media word (``Magazine``, ``Gazette``) is
  an OUTLET; ``the outlet`` / ``the paper`` as the object of *tell* or of
  "according to" refers back to the last named outlet (kind ``descriptor``);
* ``the Obis`` (a plural surname after "the") is a family GROUP;
* a one-word ORG or GPE that is the surname of a person of the article is
  that person;
* PERSON clusters: full names by (first, last); a lone surname or first name
  joins the one full name it fits, the most recently mentioned one when two
  people share it; otherwise it stands alone. Other types cluster by their
  normalised text.

Results go to ``doc.spans["dossier_mentions"]`` and the entity records (see
:mod:`dossier.pipeline.doc_state`).
"""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Iterable
from dataclasses import dataclass, field

from spacy.tokens import Doc, Span, Token

from .. import doc_state, lexicons
from ..component import DossierComponent
from . import cleanup
from . import gender as gender_mod

NER_TYPES = {
    "PERSON": "PERSON",
    "ORG": "ORG",
    "GPE": "GPE",
    "LOC": "LOC",
    "FAC": "LOC",
    "NORP": "NORP",
    "EVENT": "EVENT",
    "WORK_OF_ART": "WORK",
}
POSSESSIVE = {"'s", "'", "’s", "’"}
PLACE_PREPS = {"in", "near", "across", "around", "outside", "throughout", "into", "within"}
_WORD = re.compile(r"\w")


@dataclass
class Candidate:
    """A mention before clustering: token offsets of the name proper (no title, no possessive)."""

    start: int
    end: int
    label: str
    kind: str = "name"
    subtype: str | None = None
    honorific: str | None = None  # a stripped title such as "Mr." (gender evidence)
    refers_to_last: str | None = None  # descriptors: refer back to the last entity of this label
    rule: str = "ner"

    def overlaps(self, other: Candidate) -> bool:
        return self.start < other.end and other.start < self.end


@dataclass
class Cluster:
    label: str
    mentions: list[Candidate] = field(default_factory=list)
    first: str | None = None
    last: str | None = None
    subtype: str | None = None
    key: str = ""


class EntityFinder(DossierComponent[list[Cluster]]):
    """``dossier_entities``: candidates from the NER, cleaned, retyped and clustered."""

    def match(self, doc: Doc) -> list[Cluster]:
        return find_entities(doc)

    def set_annotations(self, doc: Doc, found: list[Cluster]) -> None:
        _write(doc, found)


def find_entities(doc: Doc) -> list[Cluster]:
    """Find, clean and cluster the entity mentions of ``doc`` (nothing written)."""
    title_len = doc_state.title_len(doc)
    cands = _candidates(doc)
    _cut_to_known_names(doc, cands)
    _trim_headline_names(doc, cands, title_len)
    cands = _headline_filter(doc, cands, title_len)
    cands = _retype(doc, cands)
    clusters = _cluster(doc, cands)
    return [c for c in clusters if c.mentions]


def annotate_entities(doc: Doc) -> Doc:
    """Find, clean and cluster the entity mentions of ``doc`` and write them."""
    _write(doc, find_entities(doc))
    return doc


# --- candidates ------------------------------------------------------------------------------


def _candidates(doc: Doc) -> list[Candidate]:
    out: list[Candidate] = []
    for ent in doc.ents:
        label = NER_TYPES.get(ent.label_)
        if label is None and _place_object(ent):
            label = "GPE"  # "knocking on doors in Fenwick": a one-word PRODUCT after "in" is a place
        if label is None and ent.label_ == "PRODUCT" and _looks_like_full_name(ent):
            label = "PRODUCT"  # a person only if a surname of the article says so (_person_by_surname)
        if label is None:
            continue
        end = _extend_short_name(doc, ent) if label == "PERSON" else ent.end
        for cand in _clean(doc, ent.start, end, label):
            out.append(cand)
    out.extend(_missed_people(doc))
    for cand in _tell_and_according_to(doc):
        out = [c for c in out if not c.overlaps(cand)] + [cand]
    out.sort(key=lambda c: (c.start, c.end))
    return out


# "O’Malley", "D'Amato": a surname with an elided particle, which the tagger often reads as a common noun
APOSTROPHE_SURNAME = re.compile(r"^[A-Z][’'][A-Z][a-z]+$")


def _extend_short_name(doc: Doc, ent: Span) -> int:
    """The NER cut a name after its first word ("Ada" of "Mayor Ada Obi"): take the capitalised
    proper nouns that follow, when they belong to no other entity."""
    end = ent.end
    if len(ent) != 1 or first_name_known(ent.text) is None:
        return end
    while end < len(doc) and end - ent.start < 3 and (
            (doc[end].pos_ == "PROPN" and doc[end].is_title) or APOSTROPHE_SURNAME.match(doc[end].text)):
        if doc[end].ent_type_ or doc[end].is_sent_start:
            break
        end += 1
    return end


def _missed_people(doc: Doc) -> Iterable[Candidate]:
    """Names the NER missed: two or three capitalised proper nouns opening with a known first name."""
    covered = {i for ent in doc.ents for i in range(ent.start, ent.end)}
    i = 0
    while i < len(doc):
        tok = doc[i]
        if i in covered or tok.pos_ != "PROPN" or not tok.is_title or first_name_known(tok.text) is None:
            i += 1
            continue
        j = i + 1
        while j < len(doc) and j - i < 3 and j not in covered and doc[j].pos_ == "PROPN" and doc[j].is_title:
            j += 1
        titles = lexicons.load("person_titles")
        longer = j < len(doc) and doc[j].pos_ == "PROPN" and doc[j].is_title  # "The Ada Obi Morning Show"
        if j - i >= 2 and not longer and not any(t.lower_ in titles or t.like_num for t in doc[i:j]):
            cand = _strip(doc, i, j, "PERSON")
            if cand is not None:
                cand.rule = "first_name_pattern"
                yield cand
        i = j


def _place_object(ent: Span) -> bool:
    return (
        len(ent) == 1 and ent.label_ == "PRODUCT" and ent.root.pos_ == "PROPN"
        and ent.root.dep_ == "pobj" and ent.root.head.lower_ in PLACE_PREPS
    )


def _clean(doc: Doc, start: int, end: int, label: str) -> list[Candidate]:
    """Split on inner possessives, strip titles, determiners and a trailing possessive."""
    parts: list[tuple[int, int, bool]] = []
    s = start
    for i in range(start, end):
        if doc[i].text in POSSESSIVE or doc[i].tag_ == "POS":
            if i > s:
                parts.append((s, i, True))
            s = i + 1
    if s < end:
        # A trailing possessive the NER left outside the span still makes this a possessive mention.
        poss = end < len(doc) and (doc[end].tag_ == "POS" or doc[end].text in POSSESSIVE)
        parts.append((s, end, poss))
    out = []
    for idx, (a, b, poss) in enumerate(parts):
        inner_label = label
        if len(parts) > 1 and idx < len(parts) - 1:
            # "Obi's Lake Vale": what precedes an inner possessive is an owner; typed later.
            inner_label = "PERSON" if _looks_like_name(doc[a:b]) else label
        cand = _strip(doc, a, b, inner_label)
        if cand is None:
            continue
        pieces = [cand]
        if cand.label == "PERSON":
            pieces = [
                Candidate(x, y, "PERSON", honorific=cand.honorific if x == cand.start else None,
                          rule=cand.rule if (x, y) == (cand.start, cand.end) else "split")
                for x, y in cleanup.split_person(doc, cand.start, cand.end, doc_state.title_len(doc))
            ]
        for piece in pieces:
            if poss and piece.end == cand.end:
                piece.kind = "possessive"
            out.append(piece)
    return out


def _strip(doc: Doc, start: int, end: int, label: str) -> Candidate | None:
    honorific = None
    while start < end:
        tok = doc[start]
        if tok.is_quote or tok.is_space or tok.text in {"(", "[", "―", "—", "–"}:
            start += 1  # also the dash that signs a quote: '"..." ― Ada Obi'
        elif tok.lower_ in {"the", "a", "an"} and (label != "ORG" or tok.text == "the" or tok.is_sent_start):
            # "The" inside a sentence may be part of a name ("told The Lantern"); at its start it may not.
            start += 1
        else:
            break
    if end - start >= 2 and doc[start].lower_ in lexicons.load("reporting_verbs") and (
        doc[start].is_sent_start or doc[start - 1].is_punct
    ):
        start += 1  # an inverted cue the NER took into the name: "Said Ellis:", "..., added Obi"
    if label == "PERSON":
        while start < end:
            n = _title_len(doc, start, end)
            if not n:
                break
            honorific = doc[start : start + n].text
            start += n
            while start < end and doc[start].text in {"-", "–"}:
                start += 1
        while end > start and (doc[end - 1].is_punct or doc[end - 1].is_space):
            end -= 1
    while end > start and (doc[end - 1].is_space or doc[end - 1].is_quote or doc[end - 1].text in {",", ";", ":", ")"}):
        end -= 1
    if start >= end or not any(_WORD.search(t.text) for t in doc[start:end]):
        return None
    if not any(t.text[:1].isupper() for t in doc[start:end]):
        return None  # a name has a capital somewhere: "15 percent" is no organisation
    return Candidate(start, end, label, honorific=honorific)


def _title_len(doc: Doc, start: int, end: int) -> int:
    """Number of tokens at ``start`` that form a title (longest match), leaving a name after it."""
    titles = lexicons.load("person_titles")
    best = 0
    for n in range(1, min(4, end - start - 1) + 1):
        words = " ".join(t.lower_ for t in doc[start : start + n])
        if words in titles or words.rstrip(".") in titles or words + "." in titles:
            best = n
    return best


def _looks_like_name(span: Span) -> bool:
    return all(t.text[:1].isupper() for t in span if t.is_alpha) and len(span) <= 3


def _family_groups(doc: Doc, cands: list[Candidate]) -> None:
    """``the Obis``: a plural surname after "the" names a family, not one person."""
    surnames = _surnames(doc, cands)
    for cand in cands:
        if cand.end - cand.start != 1 or cand.label not in {"PERSON", "ORG", "NORP"}:
            continue
        tok = doc[cand.start]
        prev = doc[cand.start - 1] if cand.start else None
        if prev is None or prev.lower_ != "the" or not tok.text.endswith("s") or not tok.text[:1].isupper():
            continue
        stems = {tok.lower_[:-1], tok.lower_[:-2] if tok.lower_.endswith("es") else ""}
        if tok.lower_ in surnames and not stems & surnames:
            continue  # "the Voss brothers": the surname itself ends in s
        if cand.label == "PERSON" or stems & surnames:
            cand.label = "GROUP"
            cand.subtype = "family"
            cand.start -= 1  # the group's name includes its article: "the Obis"
            cand.rule = "family_group"


def _object_span(doc: Doc, head: Token) -> tuple[int, int]:
    """The proper-name part of a noun phrase: its capitalised/numeric tokens around the head."""
    left = head.i
    while left > head.left_edge.i and _name_token(doc[left - 1]):
        left -= 1
    right = head.i + 1
    while (right < len(doc) and right <= head.right_edge.i and _name_token(doc[right]) and doc[right].dep_ == "compound"
           and not _in_clause_under(doc[right], head)):
        right += 1
    return left, right


def _in_clause_under(tok: Token, head: Token) -> bool:
    """Whether ``tok`` belongs to a clause on ``head`` ("filings Mr. Obi made"), not to its name."""
    t = tok
    while t.i != head.i and t.head.i != t.i:
        t = t.head
        if t.i != head.i and t.pos_ in {"VERB", "AUX"}:
            return True
    return False


def _name_token(tok: Token) -> bool:
    return tok.text[:1].isupper() or tok.like_num or tok.text[:1].isdigit()


def _tell_and_according_to(doc: Doc) -> Iterable[Candidate]:
    """Outlets as the party told (``told The Lantern``) or the source (``according to the Lantern``)."""
    tell = lexicons.load("tell_verbs")
    outlet_nouns = lexicons.load("outlet_nouns")
    org_heads = lexicons.load("entities/org_heads")
    unnamed = lexicons.load("quotes/unnamed_sources") | lexicons.load("person_nouns")
    for tok in doc:
        obj: Token | None = None
        via = ""
        if tok.lemma_.lower() in tell and tok.pos_ in {"VERB", "AUX"}:
            obj = next((c for c in tok.children if c.dep_ in {"dobj", "dative", "iobj"}), None)
            via = "tell"
        elif tok.lower_ == "to" and tok.i and doc[tok.i - 1].lower_ == "according":
            obj = next((c for c in tok.children if c.dep_ == "pobj"), None)
            via = "according_to"
        if obj is None or obj.pos_ == "PRON":
            continue
        if obj.lower_ in unnamed:
            continue  # "according to a Crossroads official": an unnamed person, not an outlet
        if obj.lemma_.lower() in outlet_nouns and any(c.lower_ == "the" for c in obj.children):
            det = next(c for c in obj.children if c.lower_ == "the")
            yield Candidate(det.i, obj.i + 1, "OUTLET", kind="descriptor", refers_to_last="OUTLET", rule=via)
            continue
        start, end = _object_span(doc, obj)
        if start >= end or not any(t.text[:1].isupper() for t in doc[start:end]):
            continue
        if doc[start].lower_ == "the" and doc[start].text == "the":
            start += 1
        ner = {e.label_ for e in doc.ents if e.start < end and start < e.end}
        if ner & {"PERSON", "NORP", "GPE"}:
            continue
        if via == "according_to" and (doc[end - 1].lower_ in org_heads or not (ner & {"ORG"} or ner == set())):
            continue
        yield Candidate(start, end, "OUTLET", subtype="news_outlet", rule=via)


def _person_by_first_name(doc: Doc, cands: list[Candidate]) -> None:
    """A 2-3 word ORG/GPE/NORP that opens with a known first name (``Rosa Quill``) is a person."""
    places = lexicons.load("entities/place_heads") | lexicons.load("entities/org_heads") | lexicons.load(
        "entities/media_heads"
    )
    for cand in cands:
        span = doc[cand.start : cand.end]
        if cand.label not in {"ORG", "GPE", "NORP"} or not 2 <= len(span) <= 3:
            continue
        if not all(t.is_alpha and t.text[:1].isupper() and not t.is_upper for t in span):
            continue
        if span[-1].lower_ in places or span[0].tag_ != "NNP" or cleanup.place_opener(span[0].text):
            continue
        if gender_of_first_name(span[0].text) is not None:
            cand.label = "PERSON"
            cand.rule = "first_name"


def _looks_like_full_name(span: Span) -> bool:
    """Two or three capitalised proper nouns, none all capitals (``Ada Obi``, not ``NATO Summit``)."""
    return 2 <= len(span) <= 3 and all(
        t.is_alpha and t.text[:1].isupper() and not t.is_upper and t.pos_ == "PROPN" for t in span)


def _person_by_surname(doc: Doc, cands: list[Candidate]) -> list[Candidate]:
    """A two- or three-word name the NER typed otherwise (PRODUCT, ORG, GPE, NORP, WORK) whose last
    word is the surname of a person the article names in full, and whose first word is not (``Naghmeh
    Obi`` beside ``Saeed Obi``: his wife, not a product): a person. PRODUCT spans left are dropped."""
    heads = lexicons.load("entities/place_heads") | lexicons.load("entities/org_heads") | lexicons.load(
        "entities/media_heads")
    surnames = _surnames(doc, cands)
    for cand in cands:
        span = doc[cand.start : cand.end]
        if cand.label not in {"PRODUCT", "ORG", "GPE", "NORP", "WORK"} or not _looks_like_full_name(span):
            continue
        first, last = span[0].lower_, span[-1].lower_
        if last in surnames and first not in surnames and last not in heads and not cleanup.place_opener(span[0].text):
            cand.label, cand.rule = "PERSON", "surname"
    return [c for c in cands if c.label != "PRODUCT"]


def _not_people(doc: Doc, cands: list[Candidate]) -> None:
    """PERSON spans that are institutions (``Tavi Polytechnic``) or places (``in Fenwick``)."""
    org_heads = lexicons.load("entities/org_heads")
    place_heads = lexicons.load("entities/place_heads")
    full = _surnames(doc, cands)
    for cand in cands:
        if cand.label != "PERSON":
            continue
        last = doc[cand.end - 1].lower_
        if cand.end - cand.start >= 2 and last in org_heads:
            cand.label = "ORG"
        elif cand.end - cand.start >= 2 and last in place_heads and first_name_known(doc[cand.start].text) is None:
            cand.label = "LOC"
        elif cand.end - cand.start == 1 and doc[cand.start].lower_ not in full:
            head = doc[cand.start].head
            if doc[cand.start].dep_ == "pobj" and head.lower_ in PLACE_PREPS:
                cand.label = "GPE"
    places = {doc[c.start].lower_ for c in cands if c.label == "GPE" and c.end - c.start == 1}
    for cand in cands:
        if cand.label == "PERSON" and cand.end - cand.start == 1 and doc[cand.start].lower_ in places - full:
            cand.label = "GPE"


def _names_a_post(doc: Doc, cand: Candidate) -> bool:
    """A place or party right before a title names the post, not a person: "former Florida governor Bush"."""
    if cand.end >= len(doc):
        return False
    nxt = doc[cand.end].lower_
    return nxt in lexicons.load("facts/role_titles") or nxt in lexicons.load("person_titles") or nxt.rstrip(".") in {
        t.rstrip(".") for t in lexicons.load("person_titles")}


def _after_title(doc: Doc, i: int) -> bool:
    """Whether a person's title or honorific stands right before token ``i`` (``Dr. Obi``)."""
    return any(_title_len(doc, j, i + 1) == i - j for j in range(max(0, i - 3), i))


def _retype(doc: Doc, cands: list[Candidate]) -> list[Candidate]:
    _person_by_first_name(doc, cands)
    cands = _person_by_surname(doc, cands)
    _family_groups(doc, cands)
    media = lexicons.load("entities/media_heads")
    platforms = lexicons.load("entities/platforms")
    org_heads = lexicons.load("entities/org_heads")
    _not_people(doc, cands)
    surnames = _surnames(doc, cands)
    singles = [(doc[c.start].lower_, c.label == "PERSON") for c in cands if c.end - c.start == 1]
    # A one-word name the NER calls a person at least half the time is a person throughout.
    votes = Counter(w for w, is_person in singles if is_person)
    one_word_people = {w for w in votes if 2 * votes[w] >= sum(x == w for x, _ in singles)}
    first_names = {f for f, _ in (_name_parts(doc, c) for c in cands if c.label == "PERSON") if f}
    outlet_names = {_norm(doc[c.start : c.end].text) for c in cands if c.label == "OUTLET"}
    for cand in cands:
        span = doc[cand.start : cand.end]
        last = doc[cand.end - 1].lower_
        if _norm(span.text) in platforms and cand.label in {"ORG", "PERSON", "GPE", "NORP", "WORK"}:
            cand.label, cand.subtype = "ORG", "platform"
            continue
        if cand.label == "ORG" and (_norm(span.text) in outlet_names or (last in media and last not in org_heads)):
            cand.label, cand.subtype = "OUTLET", "news_outlet"
        word = span[0].lower_
        if cand.label in {"ORG", "GPE", "NORP", "LOC"} and len(span) == 1 and not _names_a_post(doc, cand) and (
            word in surnames or word in first_names or word in one_word_people or _after_title(doc, cand.start)
        ):
            cand.label = "PERSON"
    return _not_people_after_all(doc, cands, surnames | first_names, {w for w in votes if votes[w] >= 2})


def _not_people_after_all(doc: Doc, cands: list[Candidate], names: set[str], repeated: set[str]) -> list[Candidate]:
    """PERSON candidates that name no one (see :mod:`.cleanup`): retyped, or dropped as debris.

    ``names``: first names and surnames of the people named in full; ``repeated``: one-word
    names the NER calls a person more than once (a split-off piece that is one of them stays).
    """
    keep = []
    known = lexicons.pairs("entities/not_people")
    for cand in cands:
        listed = known.get(" ".join(doc[cand.start : cand.end].text.lower().split()))
        if listed is not None:
            cand.label = listed.upper()
        elif cand.label == "PERSON" and cand.honorific is None:
            if cand.rule == "split" and cleanup.debris(doc, cand.start, cand.end, names | repeated):
                continue
            if cand.end - cand.start >= 2 and cleanup.place_opener(doc[cand.start].text):
                cand.label = "GPE"
            label = cleanup.not_a_person(doc, cand.start, cand.end, names)
            if label == "OTHER" and cand.end - cand.start == 1:
                continue  # debris: initials, a lone title, a section label
            if label is not None:
                cand.label = label
        keep.append(cand)
    return keep


def _cut_to_known_names(doc: Doc, cands: list[Candidate]) -> None:
    """``Ada Ortiz Super PAC``, ``Ortiz Campaign Manager``: a PERSON span that opens with a name the
    article uses on its own, followed by words the article also writes in lower case, is that name."""
    suffixes = lexicons.load("entities/name_suffixes")
    people = [c for c in cands if c.label == "PERSON"]
    full = {tuple(t.lower_ for t in doc[c.start : c.end]) for c in people if c.end - c.start >= 2}
    surnames = {words[-1] for words in full}
    lower_words = {t.text for t in doc if t.is_lower}
    for cand in people:
        words = tuple(t.lower_ for t in doc[cand.start : cand.end])
        if len(words) >= 3 and words[1:] in full and words[0] == words[-1]:
            cand.start += 1  # "out-Obi Ada Obi" -> "Ada Obi": the surname used as a word, then the name
            continue
        for n in range(len(words) - 1, 0, -1):
            rest = doc[cand.start + n : cand.end]
            if rest[0].lower_ in suffixes or rest[0].lower_.rstrip(".") in suffixes:
                continue
            common = all(t.lower_ in lower_words or t.lower_ in lexicons.load("entities/headline_words") for t in rest)
            if (n >= 2 and words[:n] in full) or (
                n == 1 and words[0] in surnames and common and first_name_known(doc[cand.start].text) is None
            ) or (n >= 2 and words[:n] in full and common):
                cand.end = cand.start + n
                break


def _trim_headline_names(doc: Doc, cands: list[Candidate], title_len: int) -> None:
    """Headline NER runs names into capitalised words ("Ada Obi Walks"): cut to a name the body uses."""
    copy = _headline_copy(doc, title_len)
    body_names = {
        tuple(t.lower_ for t in doc[c.start : c.end])
        for c in cands
        if not _in_headline(doc[c.start].idx, title_len, copy) and (c.end - c.start >= 2 or c.label != "PERSON")
    }
    for cand in cands:
        if not _in_headline(doc[cand.start].idx, title_len, copy):
            continue
        words = tuple(t.lower_ for t in doc[cand.start : cand.end])
        if words in body_names:
            continue
        # The longest body name inside the span, the earliest of equally long ones (never set order:
        # that would make the cut, and so the entity, depend on the process's hash seed).
        found = [(-len(name), i, name) for name in body_names for i in range(len(words) - len(name) + 1)
                 if words[i : i + len(name)] == name]
        if found:
            size, i, _ = min(found)
            cand.start, cand.end = cand.start + i, cand.start + i - size


def _headline_filter(doc: Doc, cands: list[Candidate], title_len: int) -> list[Candidate]:
    """Headlines are title-cased and fool NER: a headline name must be one the body uses, or look
    like a person's full name (two or three words opening with a known first name)."""
    body = {_norm(doc[c.start : c.end].text) for c in cands if doc[c.start].idx >= title_len}
    body_words = {w for name in body for w in name.split()}
    keep = []
    for cand in cands:
        if doc[cand.start].idx >= title_len:
            keep.append(cand)
            continue
        words = doc[cand.start : cand.end].text.split()
        if _norm(doc[cand.start : cand.end].text) in body or (cand.label == "PERSON" and (
            (len(words) == 1 and words[0].lower() in body_words)
            or (2 <= len(words) <= 3 and first_name_known(words[0]) is not None)
        )):
            keep.append(cand)
    return keep


# --- clustering ------------------------------------------------------------------------------


def _name_parts(doc: Doc, cand: Candidate) -> tuple[str | None, str | None]:
    """(first, last) of a person's name, lower-cased; first is None for a one-word name.

    Words are split on white space so that ``Solberg-Aro`` stays one surname;
    suffixes (``Jr.``) and initials (``J.``) are not names.
    """
    suffixes = lexicons.load("entities/name_suffixes")
    words = [w.strip(",;:") for w in doc[cand.start : cand.end].text.split()]
    words = [w for w in words if w and w.lower() not in suffixes and not (len(w) <= 2 and w.endswith("."))]
    while len(words) > 1 and words[0] in lexicons.load("entities/name_particles"):
        words = words[1:]  # "de Blasio": a surname with its particle, no first name
    if not words:
        return None, None
    if len(words) == 1:
        return None, words[0].lower()
    return words[0].lower(), words[-1].lower()


def _surnames(doc: Doc, cands: list[Candidate]) -> set[str]:
    """Surnames of the people the article names in full."""
    out = set()
    for c in cands:
        if c.label == "PERSON":
            first, last = _name_parts(doc, c)
            if first and last:
                out.add(last)
                out.update(part for part in last.split("-") if len(part) > 2)
    return out


def _stray_first_word(doc: Doc, cand: Candidate, first: str, last: str, cands: list[Candidate]) -> bool:
    """``Suppose Obi ...``, ``Wisconsin Obi voters``: a sentence-initial word, a place or a verb that is no
    first name, before the surname of another person of the article."""
    common = first in lexicons.load("entities/common_word_names")  # "Young Obi supporters"
    word = doc[cand.start]
    # "Wisconsin Obi supporters", "Impeaching Obi", "Stop Obi": a place or a verb is no first name
    gerund = first.endswith("ing") and len(first) > 5  # tagged NNP when capitalised
    not_a_name = (word.tag_ in {"VB", "VBG"} or gerund or first in lexicons.load("entities/us_states")
                  or first in lexicons.load("entities/demonyms")) and first_name_known(first) is None
    headline = word.idx < doc_state.title_len(doc) and common  # "... May Have Won Obi The Caucus"
    if cand.end - cand.start != 2 or not (word.is_sent_start or not_a_name or headline) or (
            first_name_known(first) is not None and not common):
        return False
    others = [_name_parts(doc, c) for c in cands if c.label == "PERSON" and c is not cand]
    return any(f and f != first and l_ == last for f, l_ in others)


def _cluster(doc: Doc, cands: list[Candidate]) -> list[Cluster]:
    clusters: list[Cluster] = []
    persons: dict[tuple[str, str], Cluster] = {}
    singles: list[tuple[Candidate, str]] = []
    by_text: dict[tuple[str, str], Cluster] = {}
    descriptors: list[Candidate] = []
    for cand in cands:
        if cand.refers_to_last:
            descriptors.append(cand)
            continue
        if cand.label == "PERSON":
            first, last = _name_parts(doc, cand)
            if last is None:
                continue
            if first is None:
                singles.append((cand, last))
                continue
            if _stray_first_word(doc, cand, first, last, cands):
                cand.start += 1
                singles.append((cand, last))
                continue
            cl = persons.get((first, last))
            if cl is None:
                cl = Cluster("PERSON", first=first, last=last)
                persons[(first, last)] = cl
                clusters.append(cl)
            cl.mentions.append(cand)
            continue
        # One name, one entity: the NER may call the same name ORG here and WORK there.
        key = ("GROUP" if cand.label == "GROUP" else "", _norm(doc[cand.start : cand.end].text))
        cl = by_text.get(key)
        if cl is None:
            cl = Cluster(cand.label, subtype=cand.subtype)
            by_text[key] = cl
            clusters.append(cl)
        elif cand.label == "OUTLET":
            cl.label, cl.subtype = "OUTLET", cand.subtype
        cl.mentions.append(cand)
    for cl in clusters:
        if cl.label not in {"PERSON", "GROUP"}:
            cl.label = _majority_label(cl)
    clusters = _join_name_variants(doc, clusters)
    persons = {k: cl for k, cl in persons.items() if cl in clusters}
    for cand, word in singles:
        _attach_single(doc, cand, word, persons, clusters)
    for cand in descriptors:
        target = _last_of_label(clusters, cand.refers_to_last or "", cand.start)
        if target is not None:
            target.mentions.append(cand)
    clusters = _merge_short_forms(doc, clusters)
    for cl in clusters:
        cl.mentions.sort(key=lambda c: c.start)
    return clusters


def _squeeze(word: str) -> str:
    return re.sub(r"(.)\1", r"\1", word)


def _join_name_variants(doc: Doc, clusters: list[Cluster]) -> list[Cluster]:
    """One person under two spellings: ``Wasserman Schultz`` for ``Debbie Wasserman Schultz`` (the
    end of a longer name, opening with no first name), ``Hilary Obi`` for ``Hillary Obi`` (a first
    name differing only by a doubled letter)."""
    people = [cl for cl in clusters if cl.label == "PERSON" and cl.first and cl.last]
    names = {id(cl): {tuple(doc[m.start : m.end].text.lower().split()) for m in cl.mentions} for cl in people}
    title_len = doc_state.title_len(doc)
    copy = _headline_copy(doc, title_len)
    target: dict[int, Cluster] = {}
    for cl in people:
        # a headline-only name may be the end of a longer one whatever its first word: headline
        # NER starts late after a capitalised word ("Star Norbert Leo Obi" -> "Leo Obi")
        headline = all(_in_headline(doc[m.start].idx, title_len, copy) for m in cl.mentions)
        for other in people:
            if other is cl or id(other) in target:
                continue
            tail = (headline or first_name_known(cl.first or "") is None) and any(
                len(long) > len(short) >= 2 and long[-len(short):] == short
                for short in names[id(cl)] for long in names[id(other)]
            )
            spelled = (
                cl.last == other.last and cl.first != other.first
                and _squeeze(cl.first or "") == _squeeze(other.first or "")
                and (len(cl.mentions), -cl.mentions[0].start) < (len(other.mentions), -other.mentions[0].start)
            )
            if tail or spelled:
                target[id(cl)] = other
                break
    keep: list[Cluster] = []
    for cl in clusters:
        into = target.get(id(cl))
        if into is None:
            keep.append(cl)
        else:
            into.mentions.extend(cl.mentions)
    return keep


def _headline_copy(doc: Doc, title_len: int) -> tuple[int, int]:
    """Character range of the copy of the title that opens the body of many feeds ((0, 0) when none): the
    title again as a line of its own, not a first sentence that opens with the title's words (an
    encyclopedia entry titled "Ada Obi" that starts "Ada Obi (born 1950) is ...")."""
    text = doc.text
    title = text[:title_len].strip()
    start = title_len
    while start < len(text) and text[start].isspace():
        start += 1
    if not title or not text.startswith(title, start):
        return 0, 0
    end = start + len(title)
    rest = text[end:].lstrip(" \t.!?:'\"’”")
    if rest and not rest.startswith(("\n", "\r")):
        return 0, 0
    return start, end


def _in_headline(idx: int, title_len: int, copy: tuple[int, int]) -> bool:
    """Whether character ``idx`` is in the title or in its copy at the top of the body (:func:`_headline_copy`)."""
    return idx < title_len or copy[0] <= idx < copy[1]


def _words(doc: Doc, cand: Candidate) -> tuple[str, ...]:
    words = tuple(t.lower_ for t in doc[cand.start : cand.end])
    return words[1:] if words and words[0] == "the" else words


def _short_form_ok(doc: Doc, cl: Cluster) -> bool:
    """Whether a shorter name may stand for an organisation: an ORG, or a place name never used as a place
    ("Pellwood's board", "worked at Linden Hill" yes; "in Port Vale" no)."""
    if cl.label in {"ORG", "OUTLET"}:
        return True
    if cl.label not in {"GPE", "LOC", "PERSON"}:
        return False
    for m in cl.mentions:
        head = doc[m.end - 1]
        if head.dep_ == "pobj" and head.head.lower_ in PLACE_PREPS:
            return False
    return True


def _merge_short_forms(doc: Doc, clusters: list[Cluster]) -> list[Cluster]:
    """An organisation called by the start of its name after the full name (``Pellwood`` for
    ``Pellwood Freight``), or an outlet by its last word (``the Journal``), is the same entity."""
    longs = [cl for cl in clusters if cl.label != "PERSON" and any(len(_words(doc, m)) >= 2 for m in cl.mentions)]
    keep = []
    for cl in clusters:
        target = None
        names = {_words(doc, m) for m in cl.mentions if not m.refers_to_last}
        maybe_short = cl.label != "PERSON" or (cl.first is None or first_name_known(cl.first) is None)
        if maybe_short and len(names) == 1 and not any(m.refers_to_last for m in cl.mentions):
            (short,) = names
            first_pos = min(m.start for m in cl.mentions)
            for other in longs:
                if other is cl:
                    continue
                long_names = {_words(doc, m) for m in other.mentions}
                before = min(m.start for m in other.mentions) < first_pos
                prefix = _short_form_ok(doc, cl) and other.label in {"ORG", "OUTLET"} and before and any(
                    len(n) > len(short) and n[: len(short)] == short for n in long_names
                )
                last_word = cl.label == "OUTLET" and len(short) == 1 and any(
                    len(n) > 1 and n[-1] == short[0] for n in long_names
                )
                if prefix or last_word:
                    target = other
                    break
        if target is None:
            keep.append(cl)
            continue
        target.mentions.extend(cl.mentions)
        if cl.label == "OUTLET":
            target.label, target.subtype = "OUTLET", cl.subtype or "news_outlet"
    return keep


def _majority_label(cl: Cluster) -> str:
    """An outlet once is an outlet; otherwise the label most mentions got (first one on a tie)."""
    labels = [m.label for m in cl.mentions if not m.refers_to_last]
    if "OUTLET" in labels:
        return "OUTLET"
    return max(dict.fromkeys(labels), key=labels.count) if labels else cl.label


def _attach_single(
    doc: Doc, cand: Candidate, word: str, persons: dict[tuple[str, str], Cluster], clusters: list[Cluster]
) -> None:
    company = _company_named(doc, cand, word, clusters)
    if company is not None:  # "Bloomberg says its reporting ...": the company, not Michael Bloomberg
        company.mentions.append(cand)
        return
    fits = [cl for (first, last), cl in persons.items() if last == word]
    if not fits:
        # "Solberg" for "Katrin Solberg-Aro": one half of a double-barrelled surname.
        fits = [cl for (first, last), cl in persons.items() if first and "-" in last and word in last.split("-")]
    if not fits:
        fits = [cl for (first, last), cl in persons.items() if first == word]
    gender = _honorific_gender(doc, cand)
    if gender is not None:
        # "Mrs. Obi" is not her husband Saeed Obi: a full name of the other gender does not fit.
        fits = [cl for cl in fits if gender_mod.decide(_gender_evidence(doc, cl, set())) in {gender, None}]
    if len(fits) > 1:
        # Two people share the name: the one mentioned most recently before this point.
        before = [(max((m.start for m in cl.mentions if m.start < cand.start), default=-1), cl) for cl in fits]
        recent = max(before, key=lambda p: p[0])
        fits = [recent[1]] if recent[0] >= 0 else sorted(fits, key=lambda cl: -len(cl.mentions))[:1]
    if fits:
        fits[0].mentions.append(cand)
        return
    key = ("", word)
    cl = persons.get(key)
    if cl is None:
        cl = Cluster("PERSON", last=word)
        persons[key] = cl
        clusters.append(cl)
    cl.mentions.append(cand)


def _honorific_gender(doc: Doc, cand: Candidate) -> str | None:
    """The gender an honorific before a name gives (``Mrs. Obi``: female), or None."""
    before = cand.honorific or (doc[cand.start - 1].text if cand.start else "")
    return lexicons.pairs("honorifics").get(before.lower().rstrip("."))


def _company_named(doc: Doc, cand: Candidate, word: str, clusters: list[Cluster]) -> Cluster | None:
    """The organisation a bare name stands for when one is named after the same word ("Bloomberg L.P.")
    and the sentence goes on with "it"/"its" before any other name, without a "Mr." before the word."""
    if cand.honorific is not None:
        return None
    orgs = [cl for cl in clusters if cl.label in {"ORG", "OUTLET"} and any(
        m.end - m.start >= 2 and doc[m.start].lower_ == word for m in cl.mentions)]
    if len(orgs) != 1:
        return None
    for tok in doc[cand.end : doc[cand.start].sent.end]:
        if tok.lower_ in {"it", "its", "itself"}:
            cand.label = orgs[0].label
            return orgs[0]
        if tok.lower_ in {"he", "his", "him", "she", "her"} or (tok.ent_type_ == "PERSON" and tok.i >= cand.end):
            return None
    return None


def _last_of_label(clusters: list[Cluster], label: str, before: int) -> Cluster | None:
    best: tuple[int, Cluster] | None = None
    for cl in clusters:
        if cl.label != label:
            continue
        starts = [m.start for m in cl.mentions if m.start < before and not m.refers_to_last]
        if starts and (best is None or max(starts) > best[0]):
            best = (max(starts), cl)
    return best[1] if best else None


# --- writing ---------------------------------------------------------------------------------


def _write(doc: Doc, clusters: list[Cluster]) -> None:
    records = doc_state.entities(doc)
    spans: list[Span] = []
    used: set[str] = set()
    lasts = Counter(cl.last for cl in clusters if cl.label == "PERSON" and cl.first and cl.last)
    shared = {last for last, n in lasts.items() if n > 1 and last}
    for cl in clusters:
        name = _best_name(doc, cl)
        key = _unique(_slug(name), used)
        cl.key = key
        evidence = _gender_evidence(doc, cl, shared) if cl.label == "PERSON" else {}
        records[key] = {
            "name": name,
            "type": cl.label,
            "subtype": cl.subtype or (cl.mentions[0].subtype if cl.mentions else None),
            "gender": gender_mod.decide(evidence) if evidence else None,
            "gender_evidence": evidence,
            "aliases": sorted({doc[m.start : m.end].text for m in cl.mentions if m.kind != "descriptor"}),
        }
        for m in cl.mentions:
            kind = m.kind
            if kind == "name" and _norm(doc[m.start : m.end].text) != _norm(name):
                kind = "alias"
            spans.append(Span(doc, m.start, m.end, label=cl.label, kb_id=key, span_id=kind))
    doc_state.set_mentions(doc, spans)


def _best_name(doc: Doc, cl: Cluster) -> str:
    names = [doc[m.start : m.end].text for m in cl.mentions if m.kind != "descriptor"]
    if not names:
        return doc[cl.mentions[0].start : cl.mentions[0].end].text
    # Prefer the longest body form; a headline's capitalisation is not the name's.
    return max(names, key=lambda n: (len(n.split()), not n.isupper(), len(n)))


def _gender_evidence(doc: Doc, cl: Cluster, shared: set[str]) -> gender_mod.Evidence:
    """Honorifics before the cluster's names and its first name, weighed (see :mod:`.gender`).

    A bare surname two people share (``shared``) gives no evidence: coreference decides whose it is.
    """
    evidence: gender_mod.Evidence = {}
    honorifics = lexicons.pairs("honorifics")
    for m in cl.mentions:
        if m.end - m.start == 1 and doc[m.start].lower_ in shared:
            continue
        before = m.honorific or (doc[m.start - 1].text if m.start else "")  # "Mrs." the NER left outside
        gender_mod.add(evidence, honorifics.get(before.lower().rstrip(".")), gender_mod.HONORIFIC)
    lean = gender_mod.first_name_lean(cl.first) if cl.first else None
    if lean is not None:
        gender_mod.add(evidence, *lean)
    return evidence


def first_name_known(word: str) -> str | None:
    """The gender the first-name list gives ``word``, or None when it is not a first name."""
    return gender_of_first_name(word)


def gender_of_first_name(first: str) -> str | None:
    """"female"/"male" when the first-name list leans that way for ``first``, else None."""
    lean = gender_mod.first_name_lean(first)
    return lean[0] if lean else None


def _norm(text: str) -> str:
    text = re.sub(r"(’s|'s|'|’)$", "", text.strip())
    text = re.sub(r"^the\s+", "", text, flags=re.I)
    return re.sub(r"\s+", " ", text).lower()


def _slug(name: str) -> str:
    slug = re.sub(r"[^a-z0-9]+", "_", name.lower()).strip("_")
    return slug or "entity"


def _unique(key: str, used: set[str]) -> str:
    out, n = key, 2
    while out in used:
        out = f"{key}_{n}"
        n += 1
    used.add(out)
    return out
