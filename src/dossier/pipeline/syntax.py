"""The dependency parse, read one way by every component: label sets, subjects, clause heads, scope.

One vocabulary (spaCy's English labels) and one copy of each walk. Where components
deliberately read the parse differently, the difference is a named parameter of the
one function, never a second function:

* whether ``expl`` and ``csubjpass`` count as a subject (:data:`CLAUSE_SUBJECTS` for
  "does this clause have its own subject", :data:`SUBJECTS` for "who is the subject");
* whether a verb climbs to the clause it hangs from (``borrow``), whether a relative
  clause's subject is the noun it modifies (``relcl_head``), and whether an object
  controls an infinitive (``control``: "urged X to run") -- see :func:`subject_of`.

Scope of a frame: a frame governs the clause of its head, that is the head's subtree
without the parts that are clauses of their own (a coordinated clause with its own
subject, a parenthetical, and for most frames an adverbial clause such as "While X may have ...").
"""

from __future__ import annotations

from collections.abc import Collection, Iterable, Iterator

from spacy.tokens import Doc, Token

SUBJECTS = frozenset({"nsubj", "nsubjpass", "csubj"})
NOMINAL_SUBJECTS = frozenset({"nsubj", "nsubjpass"})
ACTIVE_SUBJECTS = frozenset({"nsubj", "csubj"})
CLAUSE_SUBJECTS = SUBJECTS | {"csubjpass", "expl"}  # any of these makes a clause one of its own
VERBAL = frozenset({"VERB", "AUX"})
EDGE_TRIM = frozenset({"punct", "cc", "mark"})
# Dependents that start a clause of their own (left out of :func:`clause_tokens`).
CLAUSE_BREAKS = frozenset({"advcl", "relcl", "ccomp", "conj", "parataxis", "csubj", "acl"})
# Prepositions of time through which a gerund takes the main clause's subject ("left after clashing").
TEMPORAL_PREPS = frozenset({"after", "before", "while", "since", "upon", "on", "by"})
# Verbs whose infinitive complement has the verb's own subject ("promised X to ..."), not its object.
SUBJECT_CONTROL = frozenset({
    "promise", "vow", "pledge", "threaten", "offer", "agree", "refuse", "decide", "try", "spend",
})


def direct_subject(tok: Token, deps: Collection[str] = SUBJECTS, skip: Collection[int] = ()) -> Token | None:
    """The first child of ``tok`` whose label is in ``deps`` (and whose index is not in ``skip``)."""
    return next((c for c in tok.children if c.dep_ in deps and c.i not in skip), None)


def subject_of(
    verb: Token,
    *,
    borrow: Collection[str],
    steps: int,
    deps: Collection[str] = NOMINAL_SUBJECTS,
    relcl_head: bool = True,
    control: bool = False,
    through_objects: bool = False,
    skip: Collection[int] = (),
) -> Token | None:
    """The subject of ``verb``, climbing at most ``steps`` clauses.

    * ``deps``: the labels that count as the subject;
    * ``borrow``: a verb attached by one of these labels takes its head's subject ("..., adding");
    * ``relcl_head``: a relative clause's subject is the noun it modifies ("the aide who said");
    * ``control``: "urged X to attack Y": X, the object, does the attacking (unless the verb is
      one of :data:`SUBJECT_CONTROL`, "promised X to ...");
    * ``through_objects``: "released a statement endorsing X" and "left after clashing with Y"
      climb to the main verb; a misparsed main verb ("Acme Corp, the firm based in X, named Y")
      takes the proper noun it hangs from;
    * ``skip``: token indices never taken as the subject (a quotation's own words).
    """
    cur = verb
    for _ in range(steps):
        subj = direct_subject(cur, deps, skip)
        if subj is not None:
            return subj
        if control and cur.dep_ == "xcomp" and any(c.lower_ == "to" and c.dep_ == "aux" for c in cur.children):
            ctrl = _controller(cur.head)
            if ctrl is not None:
                return ctrl
        if through_objects and cur.dep_ == "acl" and cur.head.dep_ in {"dobj", "pobj"}:
            if _after_of_phrase(cur):
                return None  # "the wishes of progressives backing his bid": the progressives back it
            cur = cur.head.head
            if cur.dep_ == "prep":
                cur = cur.head
            continue
        if relcl_head and cur.dep_ == "relcl":
            return cur.head
        if cur.dep_ in borrow and cur.head.i != cur.i:
            cur = cur.head
            continue
        if through_objects and cur.dep_ == "pcomp" and cur.head.dep_ == "prep" and cur.head.lower_ in TEMPORAL_PREPS:
            cur = cur.head.head
            continue
        if through_objects and cur.dep_ == "acl" and cur.head.dep_ == "ROOT" and cur.head.pos_ == "PROPN" \
                and cur.tag_ == "VBN":
            return cur.head
        return None
    return None


def _after_of_phrase(participle: Token) -> bool:
    """A participle right after its head noun's ``of`` phrase ("the wishes of voters backing X"): it
    describes the ``of`` object (the parse hangs it on the head), not the clause's subject's act."""
    noun = participle.head
    return any(c.dep_ == "prep" and c.lower_ == "of" and c.i < participle.i and c.right_edge.i == participle.i - 1
               and any(p.dep_ == "pobj" for p in c.children) for c in noun.children)


def _controller(verb: Token) -> Token | None:
    """The object that controls a verb's infinitive complement ("asked *X* to run"), if any."""
    if verb.lemma_.lower() in SUBJECT_CONTROL:
        return None
    for c in verb.children:
        if c.dep_ in {"dobj", "dative"}:
            return c
        if c.dep_ == "prep" and c.lower_ in {"on", "upon"}:
            obj = next((p for p in c.children if p.dep_ == "pobj"), None)
            if obj is not None:
                return obj
    return None


def heads_above(tok: Token, steps: int) -> Iterator[Token]:
    """The heads above ``tok``, nearest first, at most ``steps`` of them, up to the sentence root."""
    t = tok
    for _ in range(steps):
        head = t.head
        if head.i == t.i:
            return
        yield head
        t = head


def has_subject(tok: Token) -> bool:
    """The token heads a clause with a subject of its own (``expl`` and ``csubjpass`` count)."""
    return any(c.dep_ in CLAUSE_SUBJECTS for c in tok.children)


def depth(tok: Token) -> int:
    """Distance from the token to its sentence root."""
    n = 0
    while tok.head.i != tok.i and n < 200:
        tok = tok.head
        n += 1
    return n


def anchor(doc: Doc, start: int, end: int) -> Token:
    """The highest token of ``doc[start:end]`` in the parse (first one on ties)."""
    toks = [t for t in doc[start:end] if not (t.is_punct or t.is_space)] or list(doc[start:end])
    toks = toks or [doc[min(start, len(doc) - 1)]]
    tops = [t for t in toks if not start <= t.head.i < end or t.head.i == t.i] or toks
    return min(tops, key=lambda t: (depth(t), t.i))


def highest(toks: Iterable[Token]) -> Token:
    """The token of ``toks`` nearest the sentence root (the first one on ties)."""
    return min(toks, key=depth)


def clause_head(tok: Token, steps: int = 100) -> Token:
    """The nearest verb (or sentence root) at or above ``tok``, climbing at most ``steps`` heads."""
    cur = tok
    for _ in range(steps):
        if cur.pos_ in VERBAL or cur.head.i == cur.i:
            return cur
        cur = cur.head
    return cur


def governed(
    head: Token,
    *,
    keep_advcl: bool = False,
    keep_subject: bool = True,
    keep_relcl: bool = True,
    skip: Iterable[int] = (),
) -> list[int]:
    """Token indices of the clause ``head`` governs (sorted).

    Left out: coordinated clauses with their own subject and their coordinator, parentheticals,
    adverbial clauses unless ``keep_advcl``, subjects unless ``keep_subject``, relative clauses
    unless ``keep_relcl``, and the subtrees of the tokens in ``skip``.
    """
    skipped = set(skip)
    # A finite verb without a subject (a modal, no nsubj) usually means the parser hung the
    # subject on a misattached adverbial clause to its left: keep that clause.
    lost_subject = not has_subject(head) and any(c.dep_ == "aux" for c in head.children) and head.dep_ != "xcomp"
    out: list[int] = []
    chain = {head.i}  # the head and its xcomp chain ("appears to have found") share one clause
    stack = [head]
    while stack:
        tok = stack.pop()
        if tok.i in skipped:
            continue
        out.append(tok.i)
        for child in tok.children:
            keep_adv = keep_advcl or (lost_subject and tok.i == head.i and child.i < head.i)
            if tok.i in chain and _left_out(child, keep_adv, keep_subject or tok.i != head.i):
                continue
            if tok.i in chain and child.dep_ == "xcomp":
                chain.add(child.i)
            if not keep_relcl and child.dep_ == "relcl":
                continue
            stack.append(child)
    return sorted(out)


def _left_out(child: Token, keep_advcl: bool, keep_subject: bool) -> bool:
    dep = child.dep_
    if dep == "parataxis":
        return True
    if dep == "conj" and has_subject(child):
        return True
    if dep == "cc" and any(s.dep_ == "conj" and has_subject(s) for s in child.head.children):
        return True
    if dep == "advcl" and not keep_advcl:
        return True
    return dep in CLAUSE_SUBJECTS and not keep_subject


def edges(doc: Doc, ids: list[int]) -> tuple[int, int] | None:
    """The contiguous token range ``[start, end)`` spanned by ``ids``, trimmed of edge punctuation."""
    words = [i for i in ids if not (doc[i].is_punct or doc[i].is_space)]
    if not words:
        return None
    start, end = min(words), max(words) + 1
    while start < end and (doc[start].dep_ in EDGE_TRIM or doc[start].is_punct or doc[start].is_space):
        start += 1
    while end > start and (doc[end - 1].is_punct or doc[end - 1].is_space or doc[end - 1].dep_ == "cc"):
        end -= 1
    return (start, end) if start < end else None


def clause_tokens(toks: list[Token]) -> list[Token]:
    """Tokens of the clause of ``toks``: the governing verb's subtree without its nested clauses."""
    if not toks:
        return []
    head = clause_head(highest(toks))
    out: list[Token] = []
    stack = [head]
    while stack:
        t = stack.pop()
        out.append(t)
        stack.extend(c for c in t.children if c.dep_ not in CLAUSE_BREAKS or c in toks)
    return sorted(out, key=lambda t: t.i)


def sentence_ids(tok: Token) -> list[int]:
    """All token indices of the token's sentence."""
    sent = tok.sent
    return list(range(sent.start, sent.end))
