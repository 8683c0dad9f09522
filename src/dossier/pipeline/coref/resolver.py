"""People coreference within one article (component ``dossier_coref``).

Runs after ``dossier_entities``, whose name clusters it refines and extends:

1. names: a first name coordinated with a full name takes its surname (``Joe
   and Jill Obi``), a kin apposition gives one (``Obi's brother, Nnamdi,``),
   and a bare surname that two people share goes to the one a title or an
   honorific before it points to (``Mrs. Obi``, ``Senator Obi``);
2. appositions are recorded for the relations component;
3. definite descriptors and third-person pronouns are resolved in reading
   order (see :mod:`.descriptors` and :mod:`.pronouns`), each resolution
   feeding the salience of later ones; unsure cases are left unresolved;
4. a person's gender is set where the article's own pronouns decide it.

Writes: new mentions to ``doc.spans["dossier_mentions"]`` (kind ``pronoun`` or
``descriptor``), ``doc.user_data[CONFIDENCE]`` = ``{(start_char, end_char):
float}`` for the mentions this component added or re-assigned, and
``doc.user_data[APPOSITIONS]`` = ``[{"entity", "start", "end", "text"}]``
(character offsets into ``doc.text``).
"""

from __future__ import annotations

import re
from dataclasses import dataclass, replace
from itertools import pairwise

from spacy.tokens import Doc, Span, Token

from .. import doc_state, lexicons
from ..component import DossierComponent
from ..entities.finder import gender_of_first_name
from . import gender_votes, surname_cues
from .descriptors import (
    UNREAL,
    Descriptor,
    appositions,
    collect_ties,
    find_descriptor,
    kin_nouns,
    kin_surnames,
    normalise_title,
    resolve_descriptor,
    role_nouns,
    title_matches,
    titles_in,
)
from .discourse import Discourse
from .pronouns import features, resolve_at

CONFIDENCE = doc_state.MENTION_CONFIDENCE
PLACE_MODIFIERS = frozenset({"GPE", "LOC"})
PARTY_MODIFIERS = frozenset({"NORP", "ORG"})
APPOSITIONS = doc_state.APPOSITIONS
CUED = 0.85  # a shared bare surname decided by an honorific, a title or a pronoun's gender
DEFAULT = 0.7  # ... given to the article's principal bearer for want of a cue
CONTESTED = 0.5  # ... given to the principal when the other bearer is about as prominent, or is dead


@dataclass
class Resolution:
    """What coref found: the mentions to add, entities to rename, appositions and confidences."""

    discourse: Discourse
    added: list[tuple[int, int, str, str, float]]
    renames: dict[str, str]
    appositions: list[dict[str, object]]
    confidence: dict[tuple[int, int], float]


class CorefResolver(DossierComponent[Resolution]):
    """``dossier_coref``: aliases, descriptors and pronouns tied to the named entities.

    Its passes build on each other (a surname re-keyed by one is read by the next), so
    ``match`` already re-keys existing mentions in place; ``set_annotations`` writes
    the new mentions, the genders learnt and the appositions.
    """

    reads = ("dossier_entities",)

    def match(self, doc: Doc) -> Resolution:
        return resolve(doc)

    def set_annotations(self, doc: Doc, found: Resolution) -> None:
        _finish(found)


def annotate_coref(doc: Doc) -> Doc:
    """Resolve pronouns and descriptors of ``doc`` to its entities; see the module docstring."""
    _finish(resolve(doc))
    return doc


def resolve(doc: Doc) -> Resolution:
    """Run coref's passes over ``doc`` in reading order (see the module docstring)."""
    _missed_names(doc)
    d = Discourse.build(doc)
    gender_votes.count(d)
    confidence = doc_state.mention_confidence(doc)
    renames = {**_joint_first_names(d), **kin_surnames(d)}
    kin = surname_cues.described_kin(d)
    _kin_genders(d, kin)
    shared = _shared_bare_surnames(d)
    ties = collect_ties(d, skip=shared)  # a bare "Clinton" is not yet known to be one of the Clintons
    unsure: set[int] = set()
    for span, key, conf in _shared_surnames(d, ties, kin):
        _rekey(d, span, key)
        if key is not None:
            confidence[(span.start_char, span.end_char)] = conf
        if conf < CUED:
            unsure.add(span.start)
    ties = collect_ties(d, skip=unsure)  # and now those a cue decided are
    apps = appositions(d)
    _unnamed_people(d)
    added: list[tuple[int, int, str, str, float]] = []
    for tok in doc:
        if tok.lower_ == "the":
            desc = find_descriptor(d, tok)
            desc = _after_modifiers(d, desc) if desc is not None else None
            if desc is not None and not any(i in d.mention_at for i in range(desc.start, desc.end)):
                res = resolve_descriptor(d, desc, ties)
                d.resolved[desc.head] = res
                if res is not None:
                    d.add(desc.head, desc.start, desc.end, res[0], "descriptor")
                    added.append((desc.start, desc.end, res[0], "descriptor", res[1]))
                elif not _party_inside(d, tok.i, desc.start):
                    d.add(desc.head, desc.start, desc.end, None, "descriptor", gender=desc.gender)
                continue
            outlet = _outlet_descriptor(d, tok)
            if outlet is not None:
                added.append(outlet)
        elif features(tok) is not None and tok.i not in d.mention_at:
            resolve_at(d, tok.i)
    resolved_pronouns: dict[int, tuple[str, float]] = {}
    for e in d.entries:
        if e.kind == "pronoun" and e.key is not None:
            res = d.resolved.get(e.tok)
            resolved_pronouns[e.tok] = (e.key, res[1] if res else 0.5)
            added.append((e.start, e.end, e.key, "pronoun", resolved_pronouns[e.tok][1]))
    added.extend(_repeated_pronouns(d, resolved_pronouns))
    return Resolution(d, added, renames, apps, confidence)


def _finish(res: Resolution) -> None:
    d = res.discourse
    for key, gender in d.genders.items():
        rec = d.records[key]
        if gender and not rec.get("gender"):
            rec["gender"] = gender
        elif d.gender_evidence.get(key) and rec.get("type") == "PERSON":
            rec["gender"] = gender  # the weighed evidence, pronouns included, decides
        rec.pop("gender_evidence", None)
    _write(d, res.added, res.renames, res.appositions, res.confidence)


# --- names ---------------------------------------------------------------------------------------


def _after_modifiers(d: Discourse, desc: Descriptor) -> Descriptor | None:
    """``the Indiana governor``, ``the New York businessman``: a place named inside a descriptor
    modifies it; the descriptor mention starts after it. A person named there (``the Obi aide``) is
    someone else, and a party (``the GOP nominee``) resolved this way went wrong as often as right
    on PolNeAR dev: both are left alone."""
    inner = [i for i in range(desc.start, desc.end) if i in d.mention_at]
    if not inner:
        return desc
    if max(inner) >= desc.head or any(d.mention_at[i].label_ not in PLACE_MODIFIERS | PARTY_MODIFIERS for i in inner):
        return None  # a person inside ("the Obi aide"): someone else
    if any(d.mention_at[i].label_ in PARTY_MODIFIERS for i in inner):
        # "the GOP nominee": only the one person the article ties to the title (salience alone went
        # wrong as often as right on PolNeAR dev)
        return replace(desc, start=max(inner) + 1, restricted=True)
    return replace(desc, start=max(inner) + 1)


def _party_inside(d: Discourse, det: int, start: int) -> bool:
    """Whether a party or organisation modifies the descriptor between ``det`` and ``start``.

    Unresolved, such a descriptor ("the GOP nominee") is often generic: it does not enter the
    discourse as someone unnamed, which would take later pronouns from the named."""
    return any(i in d.mention_at and d.mention_at[i].label_ in PARTY_MODIFIERS for i in range(det, start))


def _one_word(d: Discourse, key: str) -> bool:
    return len(str(d.records[key]["name"]).split()) == 1


def _joint_first_names(d: Discourse) -> dict[str, str]:
    """``Joe and Jill Obi``: a known first name coordinated with a full name shares its surname."""
    doc = d.doc
    out: dict[str, str] = {}
    persons = [s for s in d.spans if s.label_ == "PERSON" and s.kb_id_]
    for a, b in pairwise(persons):
        if a.end + 1 != b.start or doc[a.end].lower_ not in {"and", "&"} or len(a) != 1:
            continue
        if not _one_word(d, a.kb_id_) or _one_word(d, b.kb_id_) or gender_of_first_name(a.text) is None:
            continue
        out[a.kb_id_] = f"{d.records[a.kb_id_]['name']} {str(d.records[b.kb_id_]['name']).split()[-1]}"
    return out


def _shared_bare_surnames(d: Discourse) -> set[int]:
    """Start tokens of the one-word PERSON mentions whose word is the surname of two people of the article."""
    lasts: dict[str, int] = {}
    for rec in d.records.values():
        words = str(rec["name"]).split()
        if rec.get("type") == "PERSON" and len(words) >= 2:
            lasts[words[-1].lower()] = lasts.get(words[-1].lower(), 0) + 1
    return {s.start for s in d.spans if s.label_ == "PERSON" and len(s) == 1 and lasts.get(s.text.lower(), 0) > 1}


def _kin_genders(d: Discourse, kin: dict[str, set[str]]) -> None:
    """"his son, Sam Obi": the kin noun gives the gender of a person whose name did not."""
    nouns = kin_nouns()
    for key, said in kin.items():
        genders = {nouns[n][0] for n in said} - {None}
        if len(genders) == 1 and d.genders.get(key) is None:
            d.genders[key] = genders.pop()


def _shared_surnames(
    d: Discourse, ties: dict[str, dict[str, int]], kin: dict[str, set[str]] | None = None
) -> list[tuple[Span, str | None, float]]:
    """Bare surnames two people share, re-assigned: an honorific or a title decides, then the gender of
    the pronoun that continues the name, then whether one of them is dead and the name speaks or acts
    now, then who the paragraph has named; else the principal.

    When the paragraph has named both and no cue decides, the surname goes to no one (key None).
    The principal bearer is the one named in the headline, else the one named most
    often, else the first named ("daughter Chelsea Obi" does not take over "Obi");
    the other one only while just named and the principal not. The principal gets a weak
    confidence (hidden by default) when the other bearer is nearly as prominent, counting the
    bare surnames a cue gave each, or when the principal is the one the article says is dead.
    """
    by_last: dict[str, list[str]] = {}
    for key, rec in d.records.items():
        words = str(rec["name"]).split()
        if rec.get("type") == "PERSON" and len(words) >= 2:
            by_last.setdefault(words[-1].lower(), []).append(key)
    full: dict[str, list[Span]] = {}
    for span in d.spans:
        if span.kb_id_ and len(span) >= 2 and span.label_ == "PERSON":
            full.setdefault(span.kb_id_, []).append(span)
    out: list[tuple[Span, str | None, float]] = []
    votes: dict[str, int] = {}  # bare surnames a cue gave each bearer
    pending: list[tuple[int, Span, list[str]]] = []  # decided by prominence once the votes are in
    for span in d.spans:
        if span.label_ != "PERSON" or len(span) != 1 or span.id_ not in {"alias", "possessive"}:
            continue
        keys = by_last.get(span.text.lower(), [])
        if len(keys) < 2:
            continue
        decided = _surname_cue(d, span, keys, ties, full, kin or {})
        if decided is None:
            pending.append((len(out), span, _honorific_fits(d, span, keys)))
            out.append((span, None, 0.0))
            continue
        out.append(decided)
        if decided[1] is not None and decided[2] >= CUED:
            votes[decided[1]] = votes.get(decided[1], 0) + 1
    for at, span, keys in pending:
        out[at] = _by_prominence(d, span, keys, full, votes)
    return out


def _surname_cue(
    d: Discourse, span: Span, keys: list[str], ties: dict[str, dict[str, int]], full: dict[str, list[Span]],
    kin: dict[str, set[str]],
) -> tuple[Span, str | None, float] | None:
    """The bearer a cue gives ``span`` (key None: both, or nobody fits), or None when no cue decides."""
    doc = d.doc
    if surname_cues.names_a_group(d, span):
        return span, None, 0.0  # "the Obi brothers": both of them, not one
    prev = doc[span.start - 1].lower_.rstrip(".") if span.start else ""
    chosen: list[str] = []
    free: list[str] = []
    honorific = lexicons.pairs("honorifics").get(prev)
    if honorific is not None:
        # "Mr. Obi": not the woman; of two men, the other cues decide.
        keys = _honorific_fits(d, span, keys)
        chosen = [k for k in keys if d.genders.get(k) == honorific]
        if len(keys) == 1:
            chosen = keys
        if len(chosen) > 1:
            chosen = _established_form(d, span, chosen, full) or chosen
    elif _titled(d, span):
        title = normalise_title([_title_before(d, span) or ""])[0]  # "Sen." ties as "senator"
        chosen = [k for k in keys if any(k in tied for t, tied in ties.items() if _title_fits(prev, t)
                                         or _title_fits(title, t))]
        if not chosen:
            # "President Obi" beside "first lady Michelle Obi": not the one the article gives another title
            other = {k for t, tied in ties.items() if not t.startswith(("age ", UNREAL))
                     and not (_title_fits(prev, t) or _title_fits(title, t)) for k in tied}
            free = [k for k in keys if k not in other]
    if not chosen and honorific is None:
        # "Obi, the senator, said": a title in apposition points like one before the name
        titles = [t for c in span.root.children if c.dep_ == "appos" for t in titles_in(c)]
        chosen = [k for k in keys if any(k in tied for t, tied in ties.items() for title in titles
                                         if _title_fits(title, t))]
    if len(chosen) == 1:
        return span, chosen[0], 0.9
    if not keys:
        return span, None, 0.0
    # "'My mother ...,' Obi said": the one introduced as her son; "Obi's son": the other one
    by_kin = (surname_cues.kin_speaker(d, span, keys, kin) or surname_cues.kin_owner(d, span, keys, kin)
              or surname_cues.kin_by_age(d, span, keys, kin))  # "the younger Obi": the son
    if by_kin is not None:
        return span, by_kin, CUED
    office = surname_cues.presidency(d, span, keys, ties)  # "the Obi administration": the president
    if office is not False:
        return (span, office, CUED) if isinstance(office, str) else (span, None, 0.0)
    if surname_cues.age_word(d, span) is not None:
        return span, None, 0.0  # "the younger Obi" of two the article does not tell apart by age: no one
    gender = surname_cues.pronoun_gender(d, span)  # "Clinton said her plan ..."
    # A bearer of the other gender is ruled out; one whose gender is unknown makes the cue weaker.
    by_gender = [k for k in keys if gender and d.genders.get(k) in {gender, None}]
    if len(by_gender) == 1:
        return span, by_gender[0], CUED
    known = [k for k in by_gender if d.genders.get(k) == gender]
    if len(known) == 1 and not surname_cues.dead(d, known[0]):
        return span, known[0], 0.75
    living = surname_cues.living_speakers(d, keys, span)  # "Khan says ...": not his late son
    if len(living) == 1:
        return span, living[0], 0.8
    if len(free) == 1 and len(keys) > 1:
        return span, free[0], 0.75  # the one bearer the article gives no other title
    keys = living or keys
    named = surname_cues.paragraph_bearers(d, keys, full, span)
    if len(named) == 1:
        return span, named[0], 0.75
    if len(named) > 1:
        return span, None, 0.0  # both named in this paragraph and nothing decides: no one
    return None


def _established_form(d: Discourse, span: Span, keys: list[str], full: dict[str, list[Span]]) -> list[str]:
    """The one of ``keys`` the article called by this honorific and surname ("Mrs. Obi") before
    the others were first named in full: a form a writer has given someone stays theirs, a namesake
    met later ("her daughter, Ana Obi") gets her own; [] when that does not single one out."""
    doc = d.doc
    word = doc[span.start - 1].lower_
    first = next((t.i + 1 for t in doc[: span.start - 1] if t.lower_ == word and doc[t.i + 1].text == span.text),
                 span.start)
    earlier = [k for k in keys if min((s.start for s in full.get(k, [])), default=len(doc)) < first]
    return earlier if len(earlier) == 1 else []


def _title_before(d: Discourse, span: Span) -> str | None:
    """The title or role noun right before ``span`` ("Sen." of "Sen. Obi", "Capt. Obi", "President Obi")."""
    doc = d.doc
    i = span.start - 1
    if i < 0:
        return None
    word = doc[i].text
    titles = lexicons.load("person_titles")
    if word == "." and i > 0 and not doc[i - 1].is_punct:
        word = doc[i - 1].text + "."  # "Capt" "." as two tokens
        if word.lower() not in titles:
            return None  # "... cheered the senator. Obi said": the sentence's end, no abbreviated title
    low = word.lower()
    if low.rstrip(".") in lexicons.pairs("honorifics"):
        return None  # "Mr. Obi": an honorific, weighed on its own
    if any(w in role_nouns() or w in titles for w in {low, low.rstrip("."), low.rstrip(".") + "."}):
        return word
    return None


def _titled(d: Discourse, span: Span) -> bool:
    return _title_before(d, span) is not None


def _title_fits(title: str, tied: str) -> bool:
    """Whether a title before a bare surname ("Secretary Obi") is one the article tied to a bearer
    ("secretary of state", "state senator")."""
    return bool(title) and (title_matches(title, tied) or tied.startswith(title + " of "))


def _honorific_fits(d: Discourse, span: Span, keys: list[str]) -> list[str]:
    """``keys`` without the bearers the honorific before ``span`` rules out ("Mrs. Obi" is no man)."""
    prev = d.doc[span.start - 1].lower_.rstrip(".") if span.start else ""
    honorific = lexicons.pairs("honorifics").get(prev)
    if honorific is None:
        return keys
    return [k for k in keys if d.genders.get(k) in {honorific, None}]


def _by_prominence(
    d: Discourse, span: Span, keys: list[str], full: dict[str, list[Span]], votes: dict[str, int]
) -> tuple[Span, str | None, float]:
    """The principal bearer of a shared bare surname no cue decided (see :func:`_shared_surnames`)."""
    title_len = doc_state.title_len(d.doc)

    def rank(key: str) -> tuple[bool, int, int]:
        spans = full.get(key, [])
        in_title = any(s.start_char < title_len for s in spans)
        return in_title, len(spans) + votes.get(key, 0), -min((s.start for s in spans), default=len(d.doc))

    principal = max(keys, key=rank)
    recent = [k for k in keys if k != principal and _just_named(d, full.get(k, []), span)]
    if len(recent) == 1 and not _just_named(d, full.get(principal, []), span):
        return span, recent[0], 0.6
    if surname_cues.dead(d, principal) and any(not surname_cues.dead(d, k) for k in keys):
        return span, principal, CONTESTED  # an obituary's subject, or a living namesake who acts: unsure
    top = rank(principal)[1]
    others = max((rank(k)[1] for k in keys if k != principal), default=0)
    if top and others >= 0.6 * top and others >= 3:
        return span, principal, CONTESTED
    if _titled(d, span):
        return span, principal, CONTESTED  # "President Obi" with neither tied to the title: a guess
    return span, principal, DEFAULT


def _just_named(d: Discourse, names: list[Span], span: Span) -> bool:
    """Whether one of ``names`` comes before ``span`` in its sentence or the one before."""
    s_now = d.sent_of[span.start]
    return any(0 <= s_now - d.sent_of[s.start] <= 1 and s.start < span.start for s in names)


def _missed_names(doc: Doc) -> None:
    """Add the surnames and first names of the article's people that the NER missed ("Ham said")."""
    records = doc_state.entities(doc)
    index: dict[str, set[str]] = {}
    for key, rec in records.items():
        words = str(rec["name"]).split()
        if rec.get("type") != "PERSON" or len(words) < 2:
            continue
        index.setdefault(words[-1], set()).add(key)
        if gender_of_first_name(words[0]) is not None:
            index.setdefault(words[0], set()).add(key)
    if not index:
        return
    covered = {i for s in doc_state.mentions(doc) for i in range(s.start, s.end)}
    ents = {i for e in doc.ents if len(e) > 1 or e.label_ != "PERSON" for i in range(e.start, e.end)}
    for tok in doc:
        keys = index.get(tok.text)
        # A capitalised surname mid-sentence is a name even when the tagger calls it a noun.
        name_like = tok.pos_ == "PROPN" or (tok.pos_ == "NOUN" and tok.is_title and not tok.is_sent_start)
        if not keys or tok.i in covered or tok.i in ents or not name_like:
            continue
        nxt = doc[tok.i + 1] if tok.i + 1 < len(doc) else None
        prv = doc[tok.i - 1] if tok.i else None
        if (nxt is not None and nxt.pos_ == "PROPN" and nxt.text[:1].isupper()) or (
            prv is not None and prv.pos_ == "PROPN" and prv.text[:1].isupper() and prv.i not in covered
        ):
            continue  # part of another name ("Obi Tower", "Lake Obi")
        kind = "possessive" if nxt is not None and (nxt.tag_ == "POS" or nxt.text in {"'s", "’s"}) else "alias"
        doc_state.add_mention(doc, tok.i, tok.i + 1, "PERSON", sorted(keys)[0], kind)


def _rekey(d: Discourse, span: Span, key: str | None) -> None:
    """Point ``span`` at entity ``key``; None leaves it unresolved (it then names no one)."""
    if span.kb_id_ == (key or ""):
        return
    new = Span(d.doc, span.start, span.end, label=span.label_, kb_id=key or "", span_id=span.id_)
    d.spans[d.spans.index(span)] = new
    for i in range(span.start, span.end):
        d.mention_at[i] = new
    for e in d.entries:
        if e.start == span.start and e.end == span.end:
            e.key = key


# --- unnamed people and outlets ----------------------------------------------------------------------


def _unnamed_people(d: Discourse) -> None:
    """People the article does not name ("a campaign aide", "sources") and plural referents."""
    doc = d.doc
    people = lexicons.load("person_nouns") | {r for r in role_nouns() if " " not in r}
    for tok in doc:
        if tok.i in d.mention_at or tok.pos_ not in {"NOUN", "PROPN"}:
            continue
        if tok.dep_ in {"attr", "oprd", "appos", "compound", "poss"}:
            continue
        det = next((c for c in tok.children if c.dep_ == "det"), None)
        if det is not None and det.lower_ == "the" and tok.tag_ not in {"NNS", "NNPS"}:
            continue  # definite descriptors are resolved in reading order
        plural = tok.tag_ in {"NNS", "NNPS"}
        if tok.lemma_.lower() in people or tok.lower_ in people:
            gender = role_nouns().get(tok.lower_) or {"man": "male", "woman": "female"}.get(tok.lower_)
            d.add(tok.i, tok.i, tok.i + 1, None, "unnamed", plural=plural, gender=gender)
        elif plural and tok.dep_ in {"nsubj", "nsubjpass", "dobj", "pobj"}:
            d.add(tok.i, tok.i, tok.i + 1, None, "unnamed", plural=True)
    # "Obi and Vance ...": two people together are a plural referent, not a group entity.
    for span in d.spans:
        root = span.root
        if span.label_ == "PERSON" and any(
            c.dep_ == "conj" and c.i in d.mention_at and d.mention_at[c.i].label_ == "PERSON" for c in root.children
        ):
            d.add(root.i, span.start, span.end, None, "unnamed", plural=True)
    # Organisations are what "they" most often means in news: they compete with groups.
    for span in d.spans:
        if span.label_ in {"ORG", "NORP", "OUTLET"}:
            d.add(span.root.i, span.start, span.end, None, "unnamed", plural=True)


def _outlet_descriptor(d: Discourse, tok: Token) -> tuple[int, int, str, str, float] | None:
    """``the outlet`` / ``the paper``: the news outlet the article named last, within three paragraphs."""
    head = tok.head
    if tok.dep_ != "det" or head.i != tok.i + 1 or head.i in d.mention_at:
        return None
    if head.lemma_.lower() not in lexicons.load("outlet_nouns") or head.tag_ in {"NNS", "NNPS"}:
        return None
    last = None
    for span in d.spans:
        if span.start >= tok.i:
            break
        if span.label_ == "OUTLET" and span.kb_id_:
            last = span
    if last is None or d.para_of[tok.i] - d.para_of[last.start] > 3:
        return None
    d.add(head.i, tok.i, head.i + 1, last.kb_id_, "descriptor")
    return tok.i, head.i + 1, last.kb_id_, "descriptor", 0.8


# --- writing -----------------------------------------------------------------------------------------


def _write(
    d: Discourse,
    added: list[tuple[int, int, str, str, float]],
    renames: dict[str, str],
    apps: list[dict[str, object]],
    confidence: dict[tuple[int, int], float],
) -> None:
    doc = d.doc
    keymap: dict[str, str] = {}
    used = set(d.records)
    for key, name in renames.items():
        rec = d.records[key]
        rec["name"] = name
        new = _slug(name)
        if new not in used:
            used.add(new)
            keymap[key] = new
    for old, new in keymap.items():
        d.records[new] = d.records.pop(old)
    spans = [
        Span(doc, s.start, s.end, label=s.label_, kb_id=keymap.get(s.kb_id_, s.kb_id_), span_id=s.id_) for s in d.spans
    ]
    for start, end, key, kind, conf in added:
        label = d.records.get(keymap.get(key, key), {}).get("type", "PERSON")
        span = Span(doc, start, end, label=label, kb_id=keymap.get(key, key), span_id=kind)
        spans.append(span)
        confidence[(span.start_char, span.end_char)] = conf
    doc_state.set_mentions(doc, spans)
    for app in apps:
        app["entity"] = keymap.get(str(app["entity"]), app["entity"])
    doc_state.set_appositions(doc, apps)


def _repeated_pronouns(
    d: Discourse, resolved: dict[int, tuple[str, float]]
) -> list[tuple[int, int, str, str, float]]:
    """"endorsed her and campaigned for her": a pronoun repeated in one sentence keeps its referent, on
    the same side of a quotation mark ('"He is a new dad," he said': the speaker is not the one he speaks of)."""
    doc = d.doc
    out = []
    for tok in doc:
        if tok.i in resolved or features(tok) is None:
            continue
        same = [j for j in resolved if tok.sent.start <= j < tok.i and doc[j].lower_ == tok.lower_
                and d.quote_of[j] == d.quote_of[tok.i]]
        if same:
            key, conf = resolved[same[-1]]
            resolved[tok.i] = (key, round(0.8 * conf, 3))
            out.append((tok.i, tok.i + 1, key, "pronoun", resolved[tok.i][1]))
    return out


def _slug(name: str) -> str:
    return re.sub(r"[^a-z0-9]+", "_", name.lower()).strip("_") or "entity"
