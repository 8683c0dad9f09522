"""Entity clean-up and clustering rules, on the team's own sentences."""

from __future__ import annotations

import pytest
import spacy
from spacy.tokens import Doc

import dossier
from dossier.graph import ArticleGraph
from dossier.pipeline import doc_state
from dossier.pipeline.entities.finder import annotate_entities


def ents_of(graph: ArticleGraph) -> dict[str, tuple[str, set[str]]]:
    """name -> (type, mention texts)."""
    return {e.name: (e.type, {m.text for m in e.mentions}) for e in graph.entities}


def entity_named(graph: ArticleGraph, name: str):
    found = [e for e in graph.entities if e.name == name]
    assert found, f"no entity named {name!r} in {[e.name for e in graph.entities]}"
    return found[0]


@pytest.mark.slow
@pytest.mark.parametrize(
    ("text", "name", "kind"),
    [
        ("Governor Lucas Reyes' plan for the harbor drew praise from unions on Monday.", "Lucas Reyes", "possessive"),
        ("Councilwoman Dana Whitfield's office declined to comment on the audit.", "Dana Whitfield", "possessive"),
        ("State Sen. Ada Nwosu voted against the measure in committee.", "Ada Nwosu", "name"),
        ("Former Mayor Felipe Arroyo returned to the city hall steps for a rally.", "Felipe Arroyo", "name"),
    ],
)
def test_titles_and_possessives_are_stripped(text: str, name: str, kind: str) -> None:
    graph = dossier.extract(text, published="2024-03-02")
    ent = entity_named(graph, name)
    assert ent.type == "PERSON"
    assert ent.mentions[0].kind == kind
    assert ent.mentions[0].text == name
    body = graph.article.body
    assert body[ent.mentions[0].start : ent.mentions[0].end] == name


@pytest.mark.slow
def test_inverted_cue_is_not_part_of_the_name() -> None:
    text = 'Ryan Ellis, an accountant, opposed the levy.\n\nSaid Ellis: "The town will regret this vote."'
    graph = dossier.extract(text, published="2024-05-01")
    assert [e.name for e in graph.entities if e.type == "PERSON"] == ["Ryan Ellis"]
    (quote,) = [q for q in graph.quotes if q.kind == "direct"]
    assert graph.entity(quote.speaker).name == "Ryan Ellis"


@pytest.mark.slow
def test_surname_joins_the_full_name() -> None:
    text = (
        "Elena Varga announced her bid for the county board on Friday. "
        "Varga, a retired nurse, said the clinic closures pushed her to run. "
        "Supporters of Varga's campaign gathered outside the library."
    )
    graph = dossier.extract(text, published="2023-05-12")
    varga = entity_named(graph, "Elena Varga")
    assert [m.text for m in varga.mentions if m.kind != "pronoun"][:3] == ["Elena Varga", "Varga", "Varga"]
    assert varga.gender == "female"
    assert sum(1 for e in graph.entities if "Varga" in e.name) == 1


@pytest.mark.slow
def test_two_people_sharing_a_surname_stay_apart() -> None:
    text = (
        "Tomas Brandt and his wife, Ilse Brandt, both sat on the hospital board. "
        "Ilse Brandt left the board in 2021, while Tomas Brandt stayed on as treasurer."
    )
    graph = dossier.extract(text, published="2023-05-12")
    names = {e.name for e in graph.entities if e.type == "PERSON"}
    assert {"Tomas Brandt", "Ilse Brandt"} <= names
    assert len(entity_named(graph, "Ilse Brandt").mentions) >= 2


@pytest.mark.slow
def test_outlets_from_tell_and_according_to() -> None:
    text = (
        "Mara Quint told The Morning Lantern in June that she would not seek a third term. "
        "According to the Valley Gazette, the decision surprised her allies. "
        "Quint later repeated the point, telling the outlet she had no regrets."
    )
    graph = dossier.extract(text, published="2023-09-01")
    lantern = entity_named(graph, "The Morning Lantern")
    assert lantern.type == "OUTLET"
    gazette = entity_named(graph, "Valley Gazette")
    assert gazette.type == "OUTLET"
    # "the outlet" refers back to the last named outlet before it.
    descriptors = [m.text for e in graph.entities for m in e.mentions if m.kind == "descriptor" and e.type == "OUTLET"]
    assert "the outlet" in descriptors
    assert any(m.text == "the outlet" for m in gazette.mentions)


@pytest.mark.slow
def test_agency_after_according_to_is_not_an_outlet() -> None:
    text = "According to the Harbor Department, the pier will reopen in April."
    graph = dossier.extract(text, published="2023-09-01")
    assert all(e.type != "OUTLET" for e in graph.entities)


@pytest.mark.slow
@pytest.mark.parametrize(
    ("text", "outlet"),
    [  # a name inside a relative clause on the source noun is its author, not part of an outlet's name
        ("Bo Lane met city officials, according to filings Mr. Lane made as a lobbyist.", None),
        ("Bo Lane met city officials, according to the Harbor Ledger.", "Harbor Ledger"),
    ],
)
def test_a_clause_on_the_source_noun_is_no_outlet_name(text: str, outlet: str | None) -> None:
    graph = dossier.extract(text, published="2023-09-01")
    assert [e.name for e in graph.entities if e.type == "OUTLET"] == ([outlet] if outlet else [])


@pytest.mark.slow
def test_family_group_is_separate_from_its_members() -> None:
    text = (
        "Marisol Okafor thanked her donors at the gala. "
        "The next morning the Okafors flew to Lagos to visit relatives."
    )
    graph = dossier.extract(text, published="2022-11-20")
    group = entity_named(graph, "the Okafors")
    assert group.type == "GROUP"
    assert {m.text for m in entity_named(graph, "Marisol Okafor").mentions}.isdisjoint({"the Okafors", "Okafors"})


@pytest.mark.slow
def test_title_only_noise_is_dropped_but_title_mentions_link() -> None:
    graph = dossier.extract(
        "Jonah Pell, the club's owner, said the stadium deal was dead.",
        published="2024-01-09",
        title="Stadium Deal Collapses As Jonah Pell Walks Away",
    )
    pell = entity_named(graph, "Jonah Pell")
    assert {m.in_ for m in pell.mentions} == {"title", "body"}
    title_mention = next(m for m in pell.mentions if m.in_ == "title")
    assert graph.article.title[title_mention.start : title_mention.end] == "Jonah Pell"
    # Headline words the NER may take for names must not become entities of their own.
    assert all(e.name != "Stadium Deal" for e in graph.entities)


def _hand_doc(words: list[str], ents: list[str], tags: list[str]) -> Doc:
    doc = Doc(spacy.blank("en").vocab, words=words, ents=ents, tags=tags)
    doc_state.set_article(doc, None, 0)
    return doc


def test_one_word_org_that_is_a_persons_surname_becomes_that_person() -> None:
    words = ["Rina", "Sallow", "spoke", ".", "Sallow", "left", "."]
    doc = _hand_doc(
        words,
        ["B-PERSON", "I-PERSON", "O", "O", "B-ORG", "O", "O"],
        ["NNP", "NNP", "VBD", ".", "NNP", "VBD", "."],
    )
    annotate_entities(doc)
    keys = {s.kb_id_ for s in doc_state.mentions(doc)}
    assert keys == {"rina_sallow"}
    assert doc_state.entities(doc)["rina_sallow"]["type"] == "PERSON"


def test_inner_possessive_splits_owner_from_place() -> None:
    words = ["Rina", "Sallow", "praised", "Sallow", "'s", "Lake", "Vale", "."]
    doc = _hand_doc(
        words,
        ["B-PERSON", "I-PERSON", "O", "B-LOC", "I-LOC", "I-LOC", "I-LOC", "O"],
        ["NNP", "NNP", "VBD", "NNP", "POS", "NNP", "NNP", "."],
    )
    annotate_entities(doc)
    records = doc_state.entities(doc)
    assert records["lake_vale"]["type"] == "LOC"
    assert records["rina_sallow"]["type"] == "PERSON"
    kinds = [(s.text, s.id_) for s in doc_state.mentions(doc) if s.kb_id_ == "rina_sallow"]
    assert kinds == [("Rina Sallow", "name"), ("Sallow", "possessive")]


@pytest.mark.slow
def test_organisation_short_form_and_outlet_last_word_join_the_full_name() -> None:
    text = (
        "Pellmark Logistics cut 40 jobs on Monday, its chief executive, Hana Ito, told the Corran Evening Journal. "
        "Pellmark had warned of losses since spring. Ito later told the Journal that no more cuts were planned."
    )
    graph = dossier.extract(text, published="2024-03-02")
    company = entity_named(graph, "Pellmark Logistics")
    assert "Pellmark" in {m.text for m in company.mentions}
    journal = entity_named(graph, "Corran Evening Journal")
    assert journal.type == "OUTLET"
    assert "Journal" in {m.text for m in journal.mentions}
    assert all(e.name not in {"Pellmark", "Journal"} for e in graph.entities)


@pytest.mark.slow
def test_one_half_of_a_double_barrelled_surname_is_the_same_person() -> None:
    text = (
        "Katya Lund-Moreno won the club presidency on Sunday. "
        "Lund-Moreno thanked her rivals, and Moreno's allies celebrated late into the night."
    )
    graph = dossier.extract(text, published="2024-03-02")
    person = entity_named(graph, "Katya Lund-Moreno")
    assert {"Lund-Moreno", "Moreno"} <= {m.text for m in person.mentions}
    assert sum(1 for e in graph.entities if e.type == "PERSON") == 1


@pytest.mark.slow
def test_sentence_initial_word_glued_to_a_surname_is_not_a_new_person() -> None:
    text = (
        "Odile Ferrand lost the mayoral race by 300 votes in 2022. "
        "Suppose Ferrand had won: the port would look different today."
    )
    graph = dossier.extract(text, published="2024-03-02")
    names = {e.name for e in graph.entities if e.type == "PERSON"}
    assert names == {"Odile Ferrand"}


@pytest.mark.slow
def test_a_first_name_before_a_place_word_is_still_a_person() -> None:
    text = "Lena Park, a nurse at the county hospital, said the ward was full."
    graph = dossier.extract(text, published="2024-03-02")
    assert entity_named(graph, "Lena Park").type == "PERSON"


@pytest.mark.slow
def test_honorific_makes_a_one_word_name_a_person() -> None:
    graph = dossier.extract("Dr. Okonkwo spoke first. Okonkwo said more beds were coming.", published="2024-03-02")
    people = [e for e in graph.entities if e.name == "Okonkwo"]
    assert len(people) == 1 and people[0].type == "PERSON"
    assert len([m for m in people[0].mentions if m.kind != "pronoun"]) == 2


@pytest.mark.slow
def test_platforms_and_numbers_are_not_people_or_organisations() -> None:
    text = "Rosa Imbert posted the poll on Twitter, where 15 percent of replies were hostile."
    graph = dossier.extract(text, published="2024-03-02")
    types = {e.name: (e.type, e.subtype) for e in graph.entities}
    if "Twitter" in types:
        assert types["Twitter"] == ("ORG", "platform")
    assert "15 percent" not in types


@pytest.mark.slow
def test_one_name_is_one_entity_whatever_label_the_ner_gives() -> None:
    text = (
        "The Harbor Renewal Plan passed in March. Critics of the Harbor Renewal Plan, led by Ivo Brandt, "
        'called the \u201cQuiet Streets Act\u201d a distraction.'
    )
    graph = dossier.extract(text, published="2024-03-02")
    plans = [e for e in graph.entities if e.name == "Harbor Renewal Plan"]
    assert len(plans) == 1 and len(plans[0].mentions) == 2
    assert all(not e.name.startswith(("\u201c", '"')) and not e.name.endswith(("\u201d", '"')) for e in graph.entities)


@pytest.mark.slow
def test_headline_words_do_not_make_a_person_of_a_town() -> None:
    graph = dossier.extract(
        "Nurses in Brackwater voted on Monday to strike. Brackwater's mayor, Ines Dahl, urged talks.",
        published="2024-05-07",
        title="Brackwater Nurses Vote to Strike",
    )
    town = [e for e in graph.entities if e.name == "Brackwater"]
    assert town and town[0].type == "GPE"
    assert all(e.type != "PERSON" or e.name == "Ines Dahl" for e in graph.entities)


@pytest.mark.slow
def test_a_name_the_ner_missed_is_found_by_its_first_name() -> None:
    graph = dossier.extract("Ada Obi won the seat on Tuesday. She thanked her volunteers.", published="2024-01-01")
    ada = entity_named(graph, "Ada Obi")
    assert ada.type == "PERSON" and ada.gender == "female"
    pronouns = [m for m in ada.mentions if m.kind == "pronoun"]
    assert pronouns and all(m.confidence is not None and 0 < m.confidence <= 1 for m in pronouns)


@pytest.mark.slow
def test_a_name_the_ner_cut_short_is_completed() -> None:
    text = "Mayor Ada Obi told the Lantern on Monday that the pier would reopen."
    graph = dossier.extract(text, published="2024-05-01")
    names = {e.name: e.type for e in graph.entities}
    assert names.get("Ada Obi") == "PERSON"
    assert "Ada" not in names


def _people(text: str, title: str = "") -> set[str]:
    graph = dossier.extract(text, title=title, published="2024-03-02")
    return {e.name for e in graph.entities if e.type == "PERSON"}


@pytest.mark.slow
@pytest.mark.parametrize(
    ("text", "title", "people"),
    [
        # two names run together where a line break was lost: the glued piece is nobody
        ("The panel heard from Sen. Ada ObiSen. Bo Lane on Monday. Lane said yes.", "", {"Bo Lane"}),
        ("The panel heard from Sen. Ada Obi and Sen. Bo Lane on Monday. Lane said yes.", "", {"Ada Obi", "Bo Lane"}),
        # a surname used as a word before the full name ("out-Lane Bo Lane") is not part of it
        ("Bo Lane spoke first. Ada Obi managed to out-Lane Bo Lane in the debate.", "", {"Bo Lane", "Ada Obi"}),
        # a headline verb that doubles as a first name, glued to a surname the body gives another first name
        ("Bo Lane won the caucus on Monday. Lane thanked voters.", "Voters May Have Won Lane The Caucus",
         {"Bo Lane"}),
        ("Won Lane won the caucus on Monday. Lane thanked voters.", "", {"Won Lane"}),
        # a headline name that is the end of the body's longer name is that person
        ("Thanks to his act, Norbert Leo Obi can add a title. Obi said he was happy.",
         "Star Norbert Leo Obi Is Ready To Go", {"Norbert Leo Obi"}),
        ("Star Norbert Leo Obi Is Ready To Go.\n\nThanks to his act, Norbert Leo Obi can add a title.",
         "Star Norbert Leo Obi Is Ready To Go", {"Norbert Leo Obi"}),  # the feed repeats the title
        # an entry titled with its subject's name opens with that name in a sentence: no headline copy
        # in the body, the shorter name may be someone else
        ("Norbert Leo Obi and his cousin, Leo Obi, ran the shop on Main Street.", "", {"Norbert Leo Obi", "Leo Obi"}),
        # a group named by a plural party word, and a holiday, are nobody
        ("Gay Republicans met on Monday with Log Cabin Republicans. Ada Obi spoke.", "", {"Ada Obi"}),
        ("The emails released on New Year's Eve were long, Ada Obi said.", "", {"Ada Obi"}),
    ],
)
def test_not_people_and_glued_names(text: str, title: str, people: set[str]) -> None:
    assert _people(text, title) == people


@pytest.mark.parametrize(
    ("title", "body", "copied"),
    [
        ("Star Ada Obi Is Ready", "Star Ada Obi Is Ready\n\nAda Obi can add a title.", True),
        ("Star Ada Obi Is Ready", "Star Ada Obi Is Ready.\n\nAda Obi can add a title.", True),
        ("Star Ada Obi Is Ready", "Star Ada Obi Is Ready", True),
        # an entry titled with its subject's name whose first sentence opens with that name: no copy
        ("Ada Obi", "Ada Obi ( born 1950 ) is a Swiss skier.", False),
        ("Ada Obi", "Ada Obi, a skier, won.\n\nShe retired.", False),
    ],
)
def test_the_headline_copy_is_the_title_as_a_line_of_its_own(title: str, body: str, copied: bool) -> None:
    import spacy

    from dossier.pipeline.entities.finder import _headline_copy

    doc = spacy.blank("en")(f"{title}\n\n{body}")
    start, end = _headline_copy(doc, len(title))
    assert (end > start) is copied
    if copied:
        assert doc.text[start:end] == title


@pytest.mark.slow
@pytest.mark.parametrize(
    ("text", "name"),
    [
        # a surname with an elided particle, tagged a common noun, still ends the name the NER cut short
        ("Former Ohio Gov. Martin O’Keefe gets 1 percent support.", "Martin O’Keefe"),
        ("Former Ohio Gov. Martin O'Keefe gets 1 percent support.", "Martin O'Keefe"),
        # a name the NER read whole stays as it is
        ("Former Ohio Gov. Tom D’Anza gets 1 percent support.", "Tom D’Anza"),
    ],
)
def test_an_apostrophe_surname_completes_a_first_name(text: str, name: str) -> None:
    graph = dossier.extract(text, published="2024-03-02")
    assert entity_named(graph, name).type == "PERSON"
