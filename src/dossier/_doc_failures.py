"""The pipeline's error handler: a component failure is recorded on the Doc it happened to.

The service sets :func:`record_failure` as the pipeline's one error handler; after each
document it asks :func:`failures`. The record itself lives in
:mod:`dossier.pipeline.doc_state` (plain values, so the Doc stays picklable).
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from typing import Any

from spacy.tokens import Doc

from .pipeline import doc_state


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
        doc_state.add_failure(doc, name or "unknown", exc)


def failures(doc: Doc) -> list[Failure]:
    """The component failures recorded on ``doc``, in the order they happened."""
    return [Failure(f["component"], f["error"]) for f in doc_state.failures(doc)]
