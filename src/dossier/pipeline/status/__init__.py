"""Status (``dossier_status``): whether a statement is asserted, denied, hedged, imagined, ...

Reads the parse, the mentions and ``doc_state.QUOTES``; writes ``doc_state.CLAIMS``, the
per-Doc frame cache and ``doc_state.QUOTE_STATUS`` (it never changes the quote objects).
:func:`statement_status` / :func:`char_status` are the one way to ask a statement's status.
"""

from .finder import (
    StatusFinder,
    StatusInfo,
    annotate_status,
    char_status,
    fiction_word,
    imagined_scene,
    imagining_word,
    statement_status,
)

__all__ = [
    "StatusFinder", "StatusInfo", "annotate_status", "char_status", "fiction_word", "imagined_scene",
    "imagining_word", "statement_status",
]
