"""Scope of a frame in a dependency parse: which tokens a hedge, negation or attribution governs.

A frame governs the clause of its head: the head's subtree without the parts that are
clauses of their own (a coordinated clause with its own subject, a parenthetical, and for
most frames an adverbial clause such as "While X may have ...").
"""

from __future__ import annotations

from collections.abc import Iterable

from spacy.tokens import Doc, Token

SUBJECTS = frozenset({"nsubj", "nsubjpass", "csubj", "csubjpass", "expl"})
VERBAL = frozenset({"VERB", "AUX"})
EDGE_TRIM = frozenset({"punct", "cc", "mark"})


def has_subject(tok: Token) -> bool:
    """The token heads a clause with a subject of its own."""
    return any(c.dep_ in SUBJECTS for c in tok.children)


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


def clause_head(tok: Token) -> Token:
    """The nearest verb (or sentence root) at or above ``tok``."""
    cur = tok
    for _ in range(100):
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
    return dep in SUBJECTS and not keep_subject


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


def sentence_ids(tok: Token) -> list[int]:
    """All token indices of the token's sentence."""
    sent = tok.sent
    return list(range(sent.start, sent.end))
