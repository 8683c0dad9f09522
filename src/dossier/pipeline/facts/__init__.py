"""Facts (``dossier_relations``): roles, relations between people and events.

Reads the mentions and entity records, the parse, ``doc_state.TIMES``, ``doc_state.QUOTES``
and statement status; writes ``doc_state.ROLES``, ``doc_state.RELATIONS`` and ``doc_state.EVENTS``.
"""

from .relations import SYMMETRIC, FactFinder, annotate_relations

__all__ = ["SYMMETRIC", "FactFinder", "annotate_relations"]
