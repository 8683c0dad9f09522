"""Titles, appositions and definite descriptors ("the former attorney general") of people.

* **Ties**: the article ties a title to a person by a title before the name
  (``Sen. Ada Obi``), an apposition (``Obi, the mayor,`` / ``the mayor, Ada
  Obi``), a copula or similar verb (``Obi was attorney general``, ``Obi became
  vice president``, ``served as``, ``was elected``) or an age (``Obi, 45,``).
* **Appositions** are also recorded as plain records for the relations
  component, and a kin apposition (``Obi's brother, Nnamdi,``) gives a person
  named by first name only the surname of the relative.
* **Definite descriptors** (``the senator``, ``the 45-year-old``) resolve to
  the one person tied to their title (of several, the most salient, unless
  someone tied to no title is far more salient); failing a tie, to the most salient
  compatible person of the paragraph who is not another argument of the same
  clause (and not the speaker, inside a quotation; nor anyone named in the quotation
  the descriptor itself speaks). Otherwise they abstain.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache

from spacy.tokens import Token

from .. import lexicons
from .discourse import Discourse

AGE = re.compile(r"^(\d{1,3})-year-old$")
TIE_VERBS = {"be", "become", "serve", "remain", "elect", "name", "appoint", "nominate", "select", "confirm"}
# "the next president", "the same candidate": not a reference back to someone named.
NON_REFERRING_MODIFIERS = {"next", "new", "future", "first", "same", "only", "last", "other", "two"}
UNREAL = "unreal "  # a title tied by a copula that does not assert it ("would be senator"): a tie to no one
DESCRIPTOR_MIN_SCORE = 60.0
DESCRIPTOR_MARGIN = 1.5


@dataclass
class Descriptor:
    """A definite noun phrase that may refer to a person: tokens ``start:end``, title normalised."""

    start: int
    end: int
    head: int
    title: str
    gender: str | None
    former: bool
    restricted: bool  # has a relative clause or a restricting phrase: needs a tie to resolve


@lru_cache(maxsize=1)
def role_nouns() -> dict[str, str | None]:
    """Descriptor heads and the gender they state, if any."""
    out: dict[str, str | None] = {}
    for line in lexicons.lines("coref/role_nouns"):
        noun, _, gender = line.partition(":")
        out[noun.strip().lower()] = gender.strip().lower() or None
    return out


@lru_cache(maxsize=1)
def _abbreviations() -> dict[str, str]:
    out = {}
    for line in lexicons.lines("coref/title_abbreviations"):
        parts = line.lower().split()
        # The abbreviation is every word ending in "." or the first word.
        n = max(1, sum(1 for p in parts if p.endswith(".")))
        out[" ".join(parts[:n])] = " ".join(parts[n:])
    return out


@lru_cache(maxsize=1)
def kin_nouns() -> dict[str, tuple[str | None, bool]]:
    """Kin noun -> (gender, usually shares the surname)."""
    out = {}
    for line in lexicons.lines("coref/kin_nouns"):
        noun, gender, same = line.lower().split()
        out[noun] = (None if gender == "-" else gender, same == "yes")
    return out


def normalise_title(words: list[str]) -> tuple[str, bool]:
    """Lower-case title without modifiers ("Former Sen." -> "senator"), and whether it said "former"."""
    mods = lexicons.load("coref/title_modifiers")
    ws = [w.lower().strip("-") for w in words if w.strip("-")]
    former = any(w in {"former", "ex"} for w in ws)
    while ws and (ws[0] in mods or ws[0] in {"the", "a", "an"}):
        ws = ws[1:]
    text = " ".join(ws)
    abbr = _abbreviations()
    for short, full in sorted(abbr.items(), key=lambda kv: -len(kv[0])):
        if text == short or text.startswith(short + " "):
            text = full + text[len(short) :]
            break
    return text, former


def title_matches(descriptor: str, tied: str) -> bool:
    """``the senator`` matches ``state senator``; ``the president`` does not match ``vice president``."""
    if descriptor == tied:
        return True
    if tied.endswith(" " + descriptor):
        extra = tied[: -len(descriptor) - 1].split()
        return not any(w.strip("-") in lexicons.load("coref/title_rank_prefixes") for w in extra)
    return False


def role_phrase(tok: Token) -> tuple[int, str] | None:
    """The longest role noun ending at noun ``tok`` (with ``of``-complement): (first token, title)."""
    roles = role_nouns()
    doc = tok.doc
    words = [tok.lower_]
    # "secretary of state": the complement belongs to the title.
    nxt = tok.i + 2 < len(doc) and doc[tok.i + 1].lower_ == "of"
    if nxt and f"{tok.lower_} of {doc[tok.i + 2].lower_}" in roles:
        return tok.i, f"{tok.lower_} of {doc[tok.i + 2].lower_}"
    best: tuple[int, str] | None = None
    i = tok.i
    while i >= 0 and len(words) <= 4:
        text, _ = normalise_title(words)
        if text in roles:
            best = (i, text)
        i -= 1
        if i < 0 or (doc[i].is_punct and doc[i].text != "-"):
            break
        words.insert(0, doc[i].text)
    return best


# --- ties ------------------------------------------------------------------------------------------


def collect_ties(d: Discourse, skip: set[int] | frozenset[int] = frozenset()) -> dict[str, dict[str, int]]:
    """``{title: {entity key: first token}}`` from titles before names, appositions and copulas.

    Mentions starting at a token of ``skip`` tie nothing (a bare surname whose bearer is unsure).
    """
    ties: dict[str, dict[str, int]] = {}

    def tie(title: str, key: str, at: int) -> None:
        if title:
            ties.setdefault(title, {}).setdefault(key, at)

    doc = d.doc
    titles = lexicons.load("person_titles") | set(role_nouns())
    for span in d.spans:
        if span.label_ != "PERSON" or not span.kb_id_ or span.id_ == "descriptor" or span.start in skip:
            continue
        key = span.kb_id_
        # A title right before the name ("Former Sen. Ada Obi", "Vice President Obi").
        best = ""
        for n in range(1, 5):
            a = span.start - n
            if a < 0 or (doc[a].is_punct and doc[a].text not in {"-", "."}):
                break
            text, _ = normalise_title([t.text for t in doc[a : span.start]])
            if text in titles and text not in {"mr.", "mrs.", "ms.", "miss", "mx.", "dr.", "former", "then"}:
                best = text
        tie(best, key, span.start)
        root = span.root
        for child in root.children:
            if child.dep_ == "appos":
                for title in titles_in(child):
                    tie(title, key, span.start)
                age = _age_of(child)
                if age:
                    tie(f"age {age}", key, span.start)
        if root.dep_ == "appos":
            for title in titles_in(root.head, stop=root.i):
                tie(title, key, span.start)
        # "Obi, 45," as a number right after the name.
        j = span.end
        if j + 2 < len(doc) and doc[j].text == "," and doc[j + 1].like_num and doc[j + 2].text in {",", "."}:
            tie(f"age {doc[j + 1].text}", key, span.start)
        if span.start > 0:
            m = AGE.match(doc[span.start - 1].text)
            if m:
                tie(f"age {m.group(1)}", key, span.start)
        # Copula and appointment verbs: "Obi was attorney general", "Obi became vice president".
        subj = root
        while subj.dep_ == "conj" and subj.head.i != subj.i:
            subj = subj.head
        verb = subj.head if subj.dep_ in {"nsubj", "nsubjpass"} else None
        if subj.dep_ == "dobj" and subj.head.lemma_ in TIE_VERBS:  # "named Obi secretary"
            verb = subj.head
        if verb is not None:
            for title in _copula_titles(verb):
                tie(title, key, span.start)
        for child in root.children:  # "Obi, who was attorney general"
            if child.dep_ == "relcl":
                for title in _copula_titles(child):
                    tie(title, key, span.start)
    return ties


def titles_in(head: Token, stop: int | None = None) -> list[str]:
    """Titles of a noun phrase and its coordinated heads ("press secretary and later director")."""
    out = []
    for tok in [head, *[c for c in head.children if c.dep_ == "conj"]]:
        if stop is not None and tok.i == stop:
            continue
        rp = role_phrase(tok)
        if rp:
            out.append(rp[1])
    return out


def _age_of(tok: Token) -> str | None:
    if tok.like_num and tok.text.isdigit() and 0 < int(tok.text) < 120:
        return tok.text
    return None


def _copula_titles(verb: Token) -> list[str]:
    """Titles predicated by ``verb`` and the verbs coordinated with it that share its subject."""
    out: list[str] = []
    verbs = [verb] + [
        c for c in verb.children if c.dep_ == "conj" and not any(g.dep_ in {"nsubj", "nsubjpass"} for g in c.children)
    ]
    for v in verbs:
        if v.lemma_.lower() not in TIE_VERBS:
            continue
        found: list[str] = []
        for child in v.children:
            if child.dep_ in {"attr", "oprd", "xcomp"} and child.pos_ in {"NOUN", "PROPN"}:
                found.extend(titles_in(child))
            elif child.dep_ == "prep" and child.lower_ == "as":
                for c in child.children:
                    if c.dep_ == "pobj":
                        found.extend(titles_in(c))
        out.extend(UNREAL + t if _unreal(v) else t for t in found)
    return out


def _unreal(verb: Token) -> bool:
    """"would be president", "could become senator", "wants to be mayor", "is not the nominee", "if
    elected": a copula that does not say the person holds the title."""
    if any(c.dep_ == "neg" or (c.dep_ == "aux" and c.tag_ == "MD")
           or (c.dep_ == "mark" and c.lower_ in {"if", "unless"}) for c in verb.children):
        return True
    if verb.dep_ == "xcomp" and verb.head.lemma_.lower() not in TIE_VERBS:
        return True  # "wants to be", "hopes to become", "running to be"
    return verb.dep_ == "advcl" and any(c.lower_ in {"if", "unless", "should"} for c in verb.children)


# --- appositions and kin ---------------------------------------------------------------------------


def appositions(d: Discourse) -> list[dict[str, object]]:
    """Plain records ``{"entity", "start", "end", "text"}`` (doc-text char offsets) of appositions."""
    doc = d.doc
    out: list[dict[str, object]] = []
    seen: set[tuple[str, int]] = set()
    for span in d.spans:
        if span.label_ != "PERSON" or not span.kb_id_ or span.id_ in {"descriptor", "pronoun"}:
            continue
        root = span.root
        nps: list[Token] = [c for c in root.children if c.dep_ == "appos"]
        if root.dep_ == "appos" and root.head.pos_ in {"NOUN", "PROPN"} and d.mention_at.get(root.head.i) is None:
            nps.append(root.head)
        for np in nps:
            other = d.mention_at.get(np.i)
            if other is not None and other.label_ == "PERSON":
                continue  # two names side by side are not a descriptor of each other
            if np.like_num:
                continue
            toks = [t for t in np.subtree if not (span.start <= t.i < span.end) and t.i != root.i]
            if np is root.head:
                toks = [t for t in toks if t.i < span.start]
            toks = [t for t in toks if not (t.is_punct and t.text not in {"'", "’"})] or [np]
            a, b = min(t.i for t in toks), max(t.i for t in toks) + 1
            while b > a and doc[b - 1].is_punct:
                b -= 1
            if (span.kb_id_, a) in seen:
                continue
            seen.add((span.kb_id_, a))
            piece = doc[a:b]
            out.append({"entity": span.kb_id_, "start": piece.start_char, "end": piece.end_char, "text": piece.text})
    return out


def kin_surnames(d: Discourse) -> dict[str, str]:
    """``{key: full name}`` for people named by first name only whose kin apposition gives a surname.

    ``Obi's brother, Nnamdi,`` / ``Nnamdi, Obi's brother,``: the relative's surname,
    when the kin noun usually shares it and the person has no other surname here.
    Also sets the person's gender from the kin noun when it was unknown.
    """
    doc = d.doc
    kin = kin_nouns()
    out: dict[str, str] = {}
    for tok in doc:
        info = kin.get(tok.lower_)
        if info is None:
            continue
        owner = next((c for c in tok.children if c.dep_ == "poss"), None)
        owner_key = d.key_at(owner.i) if owner is not None else None
        if owner_key is None or d.records.get(owner_key, {}).get("type") != "PERSON":
            continue
        named = [c for c in tok.children if c.dep_ in {"appos", "compound"} and c.i > tok.i]
        if tok.dep_ == "appos":
            named.append(tok.head)
        for n in named:
            span = d.mention_at.get(n.i)
            if span is None or span.label_ != "PERSON" or not span.kb_id_ or span.kb_id_ == owner_key:
                continue
            rec = d.records[span.kb_id_]
            gender, same = info
            if gender and not rec.get("gender"):
                rec["gender"] = gender
            owner_name = str(d.records[owner_key]["name"]).split()
            if same and len(str(rec["name"]).split()) == 1 and owner_name:
                out[span.kb_id_] = f"{rec['name']} {owner_name[-1]}"
    return out


# --- definite descriptors --------------------------------------------------------------------------


def find_descriptor(d: Discourse, det: Token) -> Descriptor | None:
    """The person descriptor introduced by ``det`` ("the"), if it is one that refers."""
    if det.lower_ != "the" or det.dep_ != "det" or det.i in d.mention_at:
        return None
    head = det.head
    doc = d.doc
    if head.i <= det.i or head.i in d.mention_at:
        return None
    if head.tag_ in {"NNS", "NNPS"} or head.dep_ in {"attr", "oprd", "xcomp", "acomp", "compound", "appos"}:
        return None
    if det.i > 0 and doc[det.i - 1].lower_ == "as":
        return None
    nxt = doc[head.i + 1] if head.i + 1 < len(doc) else None
    if nxt is not None and nxt.i in d.mention_at and d.mention_at[nxt.i].label_ == "PERSON":
        return None  # "the former attorney general Ada Obi": a title before the name
    m = AGE.match(head.text) or (
        re.match(r"^(\d{1,3})-year-old$", doc[det.i + 1 : head.i + 1].text.replace(" ", ""))
        if head.lower_ == "old"
        else None
    )
    if m:
        return Descriptor(det.i, head.i + 1, head.i, f"age {m.group(1)}", None, False, False)
    rp = role_phrase(head)
    if rp is None:
        return None
    first, title = rp
    end = head.i + 1
    if " of " in title:
        end = head.i + 3
    mods = doc[det.i + 1 : first]
    if title != "first lady" and any(t.lower_ in NON_REFERRING_MODIFIERS for t in mods):
        return None
    former = any(t.lower_ in {"former", "ex"} for t in doc[det.i : end])
    # A relative clause after a comma describes ("the senator, who ..."); without one it restricts.
    restricted = any(
        (c.dep_ in {"relcl", "acl"} and doc[c.left_edge.i - 1].text != ",") or (c.dep_ == "prep" and c.i >= end)
        for c in head.children
    )
    return Descriptor(det.i, end, head.i, title, role_nouns().get(title), former, restricted)


def resolve_descriptor(d: Discourse, desc: Descriptor, ties: dict[str, dict[str, int]]) -> tuple[str, float] | None:
    """Entity key and confidence for ``desc``, or None to abstain."""
    doc = d.doc
    head = doc[desc.head]
    excluded = d.excluded_by_syntax(head, possessive=False) | _commanding_subjects(d, head)
    excluded |= d.named_in_own_quotes(head)  # '"Obi is wrong," the senator said' is not Obi
    speaker = d.speaker_of(head)
    if speaker is not None and d.key_at(speaker):
        excluded.add(d.key_at(speaker) or "")
    # An apposition names the person outright: "the mayor, Ada Obi," (not across a quotation mark).
    for child in head.children:
        if (child.dep_ == "appos" and child.i in d.mention_at and d.mention_at[child.i].label_ == "PERSON"
                and d.quote_of[child.i] == d.quote_of[head.i]):
            key = d.mention_at[child.i].kb_id_
            if key:
                return key, 0.95
    tied = {k: at for t, keys in ties.items() if not t.startswith(UNREAL) and title_matches(desc.title, t)
            for k, at in keys.items()}
    if tied and all(at > desc.start for at in tied.values()):
        return None  # a descriptor refers back; the one the article ties to the title only later: unsure
    tied = {k: at for k, at in tied.items() if at < desc.start}
    if not tied and any(t.startswith(UNREAL) and title_matches(desc.title, t[len(UNREAL):]) for t in ties):
        return None  # "Ives would be senator ... the senator": perhaps someone the article does not name
    tied = {k: at for k, at in tied.items() if k not in excluded and _gender_ok(d, k, desc.gender)}
    scores = d.scores(head)
    if len(tied) == 1:
        return next(iter(tied)), 0.9
    if len(tied) > 1:
        ranked = sorted(tied, key=lambda k: -scores.get(k, (0.0, None))[0])
        top, second = (scores.get(k, (0.0, None))[0] for k in ranked[:2])
        if top > 0 and top >= DESCRIPTOR_MARGIN * second and not _untied_rival(d, desc, ties, excluded, top):
            return ranked[0], 0.7
        return None
    if desc.restricted:
        return None
    para = d.para_of[head.i]
    cands: list[tuple[float, str]] = []
    for key, (score, entry) in scores.items():
        if key.startswith("#"):
            # Someone unnamed is as good a referent as a named person: it competes.
            if entry.plural or not _gender_ok_value(entry.gender, desc.gender):
                continue
            cands.append((score, key))
            continue
        rec = d.records.get(key, {})
        if rec.get("type") != "PERSON" or key in excluded or not _gender_ok(d, key, desc.gender):
            continue
        if para - d.para_of[entry.tok] > 1:
            continue
        score += d.prominence(key, head.i)
        other_titles = [t for t, keys in ties.items() if key in keys and not t.startswith(("age ", UNREAL))]
        if other_titles and not desc.former and not desc.title.startswith("age "):
            score *= 0.5  # tied to another title: less likely to be this one
        cands.append((score, key))
    cands.sort(reverse=True)
    if not cands or cands[0][1].startswith("#") or cands[0][0] < DESCRIPTOR_MIN_SCORE:
        return None
    second = cands[1][0] if len(cands) > 1 else 0.0
    if cands[0][0] < DESCRIPTOR_MARGIN * second:
        return None
    conf = 0.55 + 0.3 * (1 - second / cands[0][0])
    return cands[0][1], round(conf, 2)


def _untied_rival(
    d: Discourse, desc: Descriptor, ties: dict[str, dict[str, int]], excluded: set[str], top: float
) -> bool:
    """Whether someone tied to no title is far more salient than the best of several people tied to
    this one: "Sen. Obi ... Sen. Lane ... Ives spoke ... the senator said" may well be Ives, whose
    title the article never states; several ties leave salience to decide, and it points elsewhere."""
    titled = {k for t, keys in ties.items() if not t.startswith(("age ", UNREAL)) for k in keys}
    return any(
        score >= DESCRIPTOR_MARGIN * top and key not in titled | excluded
        and d.records.get(key, {}).get("type") == "PERSON" and _gender_ok(d, key, desc.gender)
        for key, (score, _) in d.scores(d.doc[desc.head]).items()
    )


def _commanding_subjects(d: Discourse, head: Token) -> set[str]:
    """People named as the subject of a clause the descriptor lies inside: "Obi insisted that the
    senator go" is not Obi (a writer would say "she"); nor is "she" there, once resolved."""
    out: set[str] = set()
    t = head
    for _ in range(8):
        if t.head.i == t.i:
            break
        t = t.head
        if t.pos_ not in {"VERB", "AUX"}:
            continue
        for c in t.children:
            if c.dep_ in {"nsubj", "nsubjpass"} and c.i != head.i and not (c.left_edge.i <= head.i <= c.right_edge.i):
                key = d.key_at(c.i)
                if key:
                    out.add(key)
    return out


def _gender_ok(d: Discourse, key: str, gender: str | None) -> bool:
    return _gender_ok_value(d.genders.get(key), gender)


def _gender_ok_value(have: str | None, want: str | None) -> bool:
    return want is None or have is None or have == want
