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
