"""Entities (``dossier_entities``): who and what an article names.

Reads ``doc.ents``, the parse and the title length (:mod:`..doc_state`); writes the name
mentions (``doc_state.MENTIONS``) and the entity records (``doc_state.ENTITIES``).
"""

from .finder import EntityFinder, annotate_entities, gender_of_first_name

__all__ = ["EntityFinder", "annotate_entities", "gender_of_first_name"]
