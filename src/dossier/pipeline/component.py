"""The one shape of a dossier component: ``match`` finds on the Doc, ``set_annotations`` writes.

As in spaCy's ``SpanRuler``, ``__call__`` runs both under the component's error handler:
spaCy's default re-raises; :func:`dossier.pipeline.record_failure` (set with
``nlp.set_error_handler``) records the failure on the Doc and lets it go on down the
pipeline. A component whose inputs come from a component that failed on this Doc writes
nothing: a fact must never rest on missing state.
"""

from __future__ import annotations

from typing import ClassVar, Generic, TypeVar

from spacy.language import Language
from spacy.pipeline import Pipe
from spacy.tokens import Doc

from . import doc_state

FoundT = TypeVar("FoundT")


class DossierComponent(Pipe, Generic[FoundT]):
    """Base of every dossier component (subclasses set ``reads`` and implement the two steps)."""

    # The components whose annotations this one reads, by their registered names.
    reads: ClassVar[tuple[str, ...]] = ()

    def __init__(self, nlp: Language, name: str) -> None:
        self.name = name

    def __call__(self, doc: Doc) -> Doc:
        error_handler = self.get_error_handler()
        try:
            if self.reads and doc_state.failed(doc, *self.reads):
                return doc
            self.set_annotations(doc, self.match(doc))
            return doc
        except Exception as e:
            result: Doc = error_handler(self.name, self, [doc], e)
            return result

    def match(self, doc: Doc) -> FoundT:
        """What the component finds on ``doc`` (nothing written yet)."""
        raise NotImplementedError

    def set_annotations(self, doc: Doc, found: FoundT) -> None:
        """Write ``found`` onto ``doc`` (through :mod:`.doc_state`)."""
        raise NotImplementedError
