"""Coreference (``dossier_coref``): aliases, descriptors and pronouns tied to the named entities.

Reads the mentions and entity records of ``dossier_entities``, the parse and quotation
marks; writes more mentions (aliases, descriptors, pronouns, possessives), their
confidences (``doc_state.MENTION_CONFIDENCE``) and the appositions it read.
"""

from .resolver import CorefResolver, annotate_coref

__all__ = ["CorefResolver", "annotate_coref"]
