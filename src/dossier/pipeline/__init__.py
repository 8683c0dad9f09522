"""dossier's spaCy components: entities, coreference, quotes, times, roles, relations, status."""
