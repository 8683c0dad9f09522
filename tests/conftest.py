"""Shared fixtures: the spaCy pipeline (loaded once per session) and the ../shared folder."""

from __future__ import annotations

from pathlib import Path

import pytest

REPO = Path(__file__).resolve().parents[1]
SHARED = (REPO / ".." / "shared").resolve()
EXAMPLES = REPO / "examples"


@pytest.fixture(scope="session")
def nlp():
    """The full dossier pipeline with the default model."""
    from dossier import nlp as nlp_mod

    return nlp_mod.load()


@pytest.fixture(scope="session")
def shared() -> Path:
    """The team's shared folder; tests that need it skip cleanly when it is absent."""
    if not SHARED.is_dir():
        pytest.skip("../shared is not present")
    return SHARED


@pytest.fixture(scope="session")
def seed(shared: Path) -> Path:
    path = shared / "seed" / "000_4ed56cca851698d7.txt"
    if not path.is_file():
        pytest.skip("the reference article is not present")
    return path


# --------------------------------------------------------------------------- hand-built parses
# (layout helper) Rule tests build their parse by hand, as spaCy's own tests do, so they run
# without a model and say exactly which parse the rule reads.

_VOCAB = None


def parsed(
    words: list[str],
    heads: list[int] | None = None,
    deps: list[str] | None = None,
    pos: list[str] | None = None,
    *,
    tags: list[str] | None = None,
    lemmas: list[str] | None = None,
    ents: list[str] | None = None,
    spaces: list[bool] | None = None,
    sent_starts: list[bool] | None = None,
):  # type: ignore[no-untyped-def]
    """A Doc with the given parse: ``heads`` are absolute token indices (a root is its own head),
    ``ents`` IOB tags (``B-PERSON``, ``I-PERSON``, ``O``); lemmas default to the lower-cased words
    and a parse to one sentence."""
    global _VOCAB
    import spacy
    from spacy.tokens import Doc

    if _VOCAB is None:
        _VOCAB = spacy.blank("en").vocab  # English lexical attributes (lower_, like_num, ...)
    n = len(words)
    if heads is not None and sent_starts is None:
        sent_starts = [True] + [False] * (n - 1)
    return Doc(
        _VOCAB, words=words, spaces=spaces, heads=heads, deps=deps, pos=pos, tags=tags,
        lemmas=lemmas if lemmas is not None else [w.lower() for w in words], ents=ents, sent_starts=sent_starts,
    )
