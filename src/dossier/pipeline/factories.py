"""Registers dossier's spaCy components by name; the logic lives in the modules."""

from __future__ import annotations

from spacy.language import Language
from spacy.tokens import Doc

from .text import mark_paragraphs


@Language.component("dossier_paragraphs")
def paragraphs_component(doc: Doc) -> Doc:
    return mark_paragraphs(doc)


@Language.component("dossier_entities", requires=["doc.ents"], assigns=["doc.spans"])
def entities_component(doc: Doc) -> Doc:
    from .entities.finder import annotate_entities

    return annotate_entities(doc)


@Language.component("dossier_coref", requires=["doc.spans", "token.dep"], assigns=["doc.spans"])
def coref_component(doc: Doc) -> Doc:
    from .coref.resolver import annotate_coref

    return annotate_coref(doc)


@Language.factory("dossier_quotes", requires=["token.dep", "doc.sents"])
def make_quotes(nlp: Language, name: str):  # type: ignore[no-untyped-def]
    from .quotes.finder import QuoteFinder

    return QuoteFinder(nlp, name)


@Language.component("dossier_times", requires=["token.dep", "doc.ents"])
def times_component(doc: Doc) -> Doc:
    from .times.finder import mark_times

    return mark_times(doc)


@Language.component("dossier_status", assigns=["doc.user_data"])
def status_component(doc: Doc) -> Doc:
    from .status.finder import annotate_status

    return annotate_status(doc)


@Language.component("dossier_relations", requires=["doc.spans", "token.dep"], assigns=["doc.user_data"])
def relations_component(doc: Doc) -> Doc:
    from .facts.relations import annotate_relations

    return annotate_relations(doc)
