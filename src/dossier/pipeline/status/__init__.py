"""Status (``dossier_status``): whether a statement is asserted, denied, hedged, imagined, ...

Reads the parse, the mentions and ``doc_state.QUOTES``; writes ``doc_state.CLAIMS``, the
per-Doc frame cache and each quote's status.
"""

from .finder import StatusInfo, annotate_status, char_status, statement_status

__all__ = ["StatusInfo", "annotate_status", "char_status", "statement_status"]
