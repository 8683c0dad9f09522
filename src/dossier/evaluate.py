"""Old home of the scorer, kept so ``from dossier.evaluate import score`` goes on working.

The scorer lives in :mod:`dossier.scoring`; the Rich report (``render``) in :mod:`dossier.cli`.
"""

from __future__ import annotations

from typing import Any

from . import scoring
from .scoring import *  # noqa: F403  (the same public names, one list of them)

__all__ = list(scoring.__all__)


def __getattr__(name: str) -> Any:
    if name == "render":  # imported lazily: the scorer does not need Rich or Typer
        from .cli import render_report

        return render_report
    raise AttributeError(name)
