"""Registers dossier's spaCy components by name with what each requires and assigns (the logic is in the packages)."""

from __future__ import annotations

from spacy.language import Language
from spacy.tokens import Doc

from .component import DossierComponent
from .coref import CorefResolver
from .doc_state import attr, register_extensions
from .entities import EntityFinder
from .facts import FactFinder
from .quotes import QuoteFinder
from .status import StatusFinder
from .text import paragraph_starts
from .times import TimeFinder

register_extensions()

ENTITIES, COREF, TIMES = attr("dossier_entities"), attr("dossier_coref"), attr("dossier_times")
QUOTES, STATUS, FACTS = attr("dossier_quotes"), attr("dossier_status"), attr("dossier_facts")
# (token.pos too, but the pinned models declare it for no component: token.tag stands for it)
PARSE = ["token.dep", "token.tag", "token.lemma", "doc.sents"]


class ParagraphMarker(DossierComponent[list[int]]):
    """``dossier_paragraphs`` (before the parser): a paragraph boundary is a sentence boundary."""

    def match(self, doc: Doc) -> list[int]:
        return paragraph_starts(doc)

    def set_annotations(self, doc: Doc, found: list[int]) -> None:
        for i in found:
            doc[i].is_sent_start = True


@Language.factory("dossier_paragraphs", assigns=["token.is_sent_start"])
def make_paragraphs(nlp: Language, name: str) -> ParagraphMarker:
    return ParagraphMarker(nlp, name)


@Language.factory("dossier_entities", requires=["doc.ents", *PARSE], assigns=["doc.spans", ENTITIES])
def make_entities(nlp: Language, name: str) -> EntityFinder:
    return EntityFinder(nlp, name)


@Language.factory("dossier_coref", requires=[ENTITIES, *PARSE], assigns=["doc.spans", COREF])
def make_coref(nlp: Language, name: str) -> CorefResolver:
    return CorefResolver(nlp, name)


@Language.factory("dossier_times", requires=["doc.ents", *PARSE], assigns=[TIMES])
def make_times(nlp: Language, name: str) -> TimeFinder:
    return TimeFinder(nlp, name)


@Language.factory("dossier_quotes", requires=[ENTITIES, COREF, TIMES, *PARSE], assigns=[QUOTES])
def make_quotes(nlp: Language, name: str) -> QuoteFinder:
    return QuoteFinder(nlp, name)


@Language.factory(
    "dossier_status",
    requires=[ENTITIES, COREF, TIMES, QUOTES, *PARSE],
    assigns=[STATUS],
    default_config={"refine_quotes": True, "asserted_claims": True},
)
def make_status(nlp: Language, name: str, refine_quotes: bool, asserted_claims: bool) -> StatusFinder:
    return StatusFinder(nlp, name, refine_quotes=refine_quotes, asserted_claims=asserted_claims)


@Language.factory("dossier_relations", requires=[ENTITIES, COREF, TIMES, QUOTES, STATUS, *PARSE], assigns=[FACTS])
def make_relations(nlp: Language, name: str) -> FactFinder:
    return FactFinder(nlp, name)


__all__ = ["ParagraphMarker"]
