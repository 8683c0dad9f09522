"""Old home of the scorer, kept so ``from dossier.evaluate import score`` goes on working.

The scorer lives in :mod:`dossier.scoring`; the Rich report (``render``) in :mod:`dossier.cli`.
"""

from __future__ import annotations

from typing import Any

from .scoring import (
    SECTIONS,
    Issue,
    Report,
    SectionScore,
    coverage,
    dirty_name,
    is_descriptor,
    load_gold,
    norm_name,
    norm_text,
    score,
    text_overlap,
    validate_gold,
    when_ok,
)


def __getattr__(name: str) -> Any:
    if name == "render":  # imported lazily: the scorer does not need Rich or Typer
        from .cli import render_report

        return render_report
    raise AttributeError(name)


__all__ = [
    "SECTIONS",
    "Issue",
    "Report",
    "SectionScore",
    "coverage",
    "dirty_name",
    "is_descriptor",
    "load_gold",
    "norm_name",
    "norm_text",
    "score",
    "text_overlap",
    "validate_gold",
    "when_ok",
]
