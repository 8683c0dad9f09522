"""One rule of each component on a hand-built parse (no model): invented sentences, fictional people."""

from __future__ import annotations

from spacy.tokens import Doc

from dossier.pipeline import doc_state
from dossier.pipeline.coref import annotate_coref
from dossier.pipeline.entities import annotate_entities
from dossier.pipeline.facts import annotate_relations
from dossier.pipeline.quotes import find_quotes
from dossier.pipeline.status import annotate_status, statement_status
from dossier.pipeline.text import ParagraphIndex, find_marked, paragraph_starts
from dossier.pipeline.times import find_times

from ..conftest import parsed


def with_entities(doc: Doc, published: str = "2024-03-07") -> Doc:
    doc_state.set_article(doc, published, 0)
    return annotate_entities(doc)


def test_entities_cluster_a_full_name_and_its_surname() -> None:
    # "Ada Obi spoke . Obi left ."
    doc = with_entities(parsed(
        ["Ada", "Obi", "spoke", ".", "Obi", "left", "."],
        heads=[1, 2, 2, 2, 5, 5, 5],
        deps=["compound", "nsubj", "ROOT", "punct", "nsubj", "ROOT", "punct"],
        pos=["PROPN", "PROPN", "VERB", "PUNCT", "PROPN", "VERB", "PUNCT"],
        ents=["B-PERSON", "I-PERSON", "O", "O", "B-PERSON", "O", "O"],
        sent_starts=[True, False, False, False, True, False, False],
    ))
    assert [(m.text, m.kb_id_) for m in doc_state.mentions(doc)] == [("Ada Obi", "ada_obi"), ("Obi", "ada_obi")]
    assert doc_state.entities(doc)["ada_obi"]["type"] == "PERSON"


def test_coref_ties_a_reported_pronoun_to_the_speaker() -> None:
    # "Ada Obi said she would run ."
    doc = with_entities(parsed(
        ["Ada", "Obi", "said", "she", "would", "run", "."],
        heads=[1, 2, 2, 5, 5, 2, 2],
        deps=["compound", "nsubj", "ROOT", "nsubj", "aux", "ccomp", "punct"],
        pos=["PROPN", "PROPN", "VERB", "PRON", "AUX", "VERB", "PUNCT"],
        tags=["NNP", "NNP", "VBD", "PRP", "MD", "VB", "."],
        lemmas=["Ada", "Obi", "say", "she", "would", "run", "."],
        ents=["B-PERSON", "I-PERSON", "O", "O", "O", "O", "O"],
    ))
    annotate_coref(doc)
    assert ("she", "ada_obi", "pronoun") in [(m.text, m.kb_id_, m.id_) for m in doc_state.mentions(doc)]


def test_times_resolve_a_weekday_against_the_publication_date() -> None:
    # "Obi met Osk on Tuesday ." published Thursday 2024-03-07: the Tuesday before
    doc = parsed(
        ["Obi", "met", "Osk", "on", "Tuesday", "."],
        heads=[1, 1, 1, 1, 3, 1],
        deps=["nsubj", "ROOT", "dobj", "prep", "pobj", "punct"],
        pos=["PROPN", "VERB", "PROPN", "ADP", "PROPN", "PUNCT"],
        tags=["NNP", "VBD", "NNP", "IN", "NNP", "."],
        ents=["B-PERSON", "O", "B-PERSON", "O", "B-DATE", "O"],
    )
    doc_state.set_article(doc, "2024-03-07", 0)
    (time,) = find_times(doc)
    assert (time.text, time.value, time.anchor) == ("Tuesday", "2024-03-05", "published")


def test_quotes_attribute_a_direct_quote_to_the_subject_of_its_cue() -> None:
    # '"We will win," Obi said.'
    doc = with_entities(parsed(
        ['"', "We", "will", "win", ",", '"', "Obi", "said", "."],
        heads=[3, 3, 3, 7, 3, 3, 7, 7, 7],
        deps=["punct", "nsubj", "aux", "ccomp", "punct", "punct", "nsubj", "ROOT", "punct"],
        pos=["PUNCT", "PRON", "AUX", "VERB", "PUNCT", "PUNCT", "PROPN", "VERB", "PUNCT"],
        tags=["``", "PRP", "MD", "VB", ",", "''", "NNP", "VBD", "."],
        lemmas=['"', "we", "will", "win", ",", '"', "Obi", "say", "."],
        ents=["O", "O", "O", "O", "O", "O", "B-PERSON", "O", "O"],
        spaces=[False, True, True, False, False, True, True, False, False],
    ))
    (quote,) = find_quotes(doc)
    assert (quote.kind, quote.text, quote.speaker, quote.cue.text) == ("direct", "We will win,", "obi", "said")


def negated_meeting() -> Doc:
    # "Obi did not meet Osk ."
    return with_entities(parsed(
        ["Obi", "did", "not", "meet", "Osk", "."],
        heads=[3, 3, 3, 3, 3, 3],
        deps=["nsubj", "aux", "neg", "ROOT", "dobj", "punct"],
        pos=["PROPN", "AUX", "PART", "VERB", "PROPN", "PUNCT"],
        tags=["NNP", "VBD", "RB", "VB", "NNP", "."],
        lemmas=["Obi", "do", "not", "meet", "Osk", "."],
        ents=["B-PERSON", "O", "O", "O", "B-PERSON", "O"],
    ))


def test_status_reads_a_negation_of_the_predicate() -> None:
    info = statement_status(negated_meeting(), 3, 4)
    assert (info.status, info.cues, info.negative) == ("negated", ("not",), True)


def test_facts_find_a_marriage_and_a_denied_meeting_as_negated() -> None:
    # "Ada Obi married Kim Osk in 2019 ."
    doc = with_entities(parsed(
        ["Ada", "Obi", "married", "Kim", "Osk", "in", "2019", "."],
        heads=[1, 2, 2, 4, 2, 2, 5, 2],
        deps=["compound", "nsubj", "ROOT", "compound", "dobj", "prep", "pobj", "punct"],
        pos=["PROPN", "PROPN", "VERB", "PROPN", "PROPN", "ADP", "NUM", "PUNCT"],
        tags=["NNP", "NNP", "VBD", "NNP", "NNP", "IN", "CD", "."],
        lemmas=["Ada", "Obi", "marry", "Kim", "Osk", "in", "2019", "."],
        ents=["B-PERSON", "I-PERSON", "O", "B-PERSON", "I-PERSON", "O", "B-DATE", "O"],
    ))
    annotate_status(doc)
    annotate_relations(doc)
    rels = [(r.type, r.subject, r.object, r.status) for r in doc_state.section(doc, doc_state.RELATIONS)]
    assert rels == [("family.spouse", "ada_obi", "kim_osk", "asserted")]
    denied = negated_meeting()
    annotate_status(denied)
    annotate_relations(denied)
    met = [(r.type, r.status) for r in doc_state.section(denied, doc_state.RELATIONS)]
    assert met == [("contact.met", "negated")]  # kept, but never as asserted


def test_text_layer_paragraphs_and_marks() -> None:
    text = 'Obi spoke.\n\n"We will win," she said.'
    assert ParagraphIndex(text).of(0) == 0 and ParagraphIndex(text).of(text.index("We")) == 1
    (marked,) = find_marked(text)
    assert text[marked.start : marked.end] == "We will win,"
    doc = parsed(["Obi", "spoke", ".", "\n\n", '"', "We"], spaces=[True, False, False, False, False, False])
    assert paragraph_starts(doc) == [4]
