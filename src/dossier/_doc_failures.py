"""Component failures recorded on the Doc they happened to (until ``dossier.pipeline`` provides its own).

The service sets :func:`record_failure` as the pipeline's one error handler
(``nlp.set_error_handler``); after each document it asks :func:`failures`.
The record is a plain list in ``doc.user_data`` so the Doc stays picklable.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from typing import Any

from spacy.tokens import Doc

FAILURES = "dossier.failures"


@dataclass(frozen=True)
class Failure:
    """One component that raised on a document: its name and the error as text."""

    component: str
    error: str


def record_failure(name: str | None, component: Any, docs: Iterable[Doc] | None, exc: Exception) -> None:
    """spaCy error handler: note on each document which component failed and why; never re-raise.

    A worker process that failed as a whole reports no documents (``docs`` is None); those
    articles come back missing and :func:`dossier.extraction.pipe_docs` reports them.
    """
    for doc in docs or ():
        doc.user_data.setdefault(FAILURES, []).append((name or "unknown", f"{type(exc).__name__}: {exc}"))


def failures(doc: Doc) -> list[Failure]:
    """The component failures recorded on ``doc``, in the order they happened."""
    return [Failure(name, error) for name, error in doc.user_data.get(FAILURES, [])]
