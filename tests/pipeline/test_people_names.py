"""Who a mention is: gender as weighed evidence, same-surname people, PERSON spans that name no one.

Every sentence is invented, about fictional people; positive and negative cases side by side.
"""

from __future__ import annotations

import pytest
import spacy
from spacy.tokens import Doc

from dossier.pipeline import doc_state
from dossier.pipeline.entities import cleanup, gender
from dossier.pipeline.entities.tokens import glued_title_pattern

# --- without the model -----------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("evidence", "expected"),
    [
        ({"female": 1.0, "male": 3.0}, "male"),  # a leaning first name outvoted by the article's "he"
        ({"female": gender.FIRST_NAME_LEANING}, None),  # a leaning first name alone decides nothing
        ({"female": gender.FIRST_NAME_LEANING + gender.PRONOUN}, "female"),  # with the article's "she" it does
        ({"female": 3.0, "male": 1.0}, "female"),  # one stray "he" does not flip a clear first name
        ({"female": 3.0, "male": 2.0}, None),  # close: no gender, either pronoun may still refer
        ({"female": 1.0, "male": 1.0}, None),
        ({"male": 4.0}, "male"),
        ({}, None),
    ],
)
def test_gender_decision(evidence: dict[str, float], expected: str | None) -> None:
    assert gender.decide(evidence) == expected


def test_first_name_lean_weighs_clear_names_more() -> None:
    clear, leaning = gender.first_name_lean("Ada"), gender.first_name_lean("Bernie")
    assert clear is not None and clear[1] == gender.FIRST_NAME_CLEAR
    assert leaning is not None and leaning[1] < clear[1]
    assert gender.first_name_lean("Xqzt") is None


@pytest.mark.parametrize(
    ("word", "split"),
    [("OrtizSen", True), ("LaneRep", True), ("McDonald", False), ("DeSantis", False), ("Sen", False),
     ("Tomsen", False)],
)
def test_glued_title_pattern(word: str, split: bool) -> None:
    import re

    assert bool(re.search(glued_title_pattern(), word)) is split


def _hand_doc(words: list[str], spaces: list[bool] | None = None) -> Doc:
    return Doc(spacy.blank("en").vocab, words=words, spaces=spaces)


@pytest.mark.parametrize(
    ("words", "spaces", "parts"),
    [
        (["Carson", "distanced"], None, [(0, 1)]),  # a lower-case word ends a name
        (["Ana", "Ruiz", "of", "Tustin"], None, [(0, 2), (3, 4)]),
        (["pro", "-", "Lane"], [False, False, True], [(2, 3)]),
        (["Kim", "Jong", "-", "un"], [True, False, False, True], [(0, 4)]),  # hyphenated: one name
        (["Yasmine", "Torjeman", "-", "Besson"], None, [(0, 4)]),  # a spaced hyphen between names joins
        (["Bill", "de", "Rossi"], None, [(0, 3)]),  # a particle is part of the name
        (["Lane", "42", "-", "40"], [True, False, False, True], [(0, 1)]),  # a trailing score
        (["Fred", "Lane", "Dies"], None, [(0, 2)]),  # a headline verb
        (["Kentuckian", "Rand", "Pell"], None, [(1, 3)]),  # a demonym before a full name
        (["Anna", "Richardson", "White"], None, [(0, 3)]),  # a real three-word name stays whole
        (["Democrat", "Pell"], None, [(0, 2)]),  # no full name after it: left to the other rules
    ],
)
def test_split_person(words: list[str], spaces: list[bool] | None, parts: list[tuple[int, int]]) -> None:
    doc = _hand_doc(words, spaces)
    assert cleanup.split_person(doc, 0, len(doc), title_len=0) == parts


@pytest.mark.parametrize(
    ("words", "expected"),
    [
        (["U.S."], "OTHER"),
        (["Medicare"], "OTHER"),
        (["Latinos"], "NORP"),
        (["Colorado"], "GPE"),
        (["Politico"], "OUTLET"),
        (["ABSTRACT"], "OTHER"),
        (["Heisman", "Trophy"], "OTHER"),
        (["Evin", "Prison"], "LOC"),
        (["Delia"], None),
        (["Delia", "Moss"], None),
        (["DELIA"], None),  # an all-caps first name may be a name
    ],
)
def test_not_a_person(words: list[str], expected: str | None) -> None:
    doc = _hand_doc(words)
    assert cleanup.not_a_person(doc, 0, len(doc), names=set()) == expected


def test_a_name_the_article_uses_stays_a_person() -> None:
    doc = _hand_doc(["Politico"])
    assert cleanup.not_a_person(doc, 0, 1, names={"politico"}) is None


# --- with the model --------------------------------------------------------------------------------


def _people(nlp, text: str, title: str = "") -> dict[str, dict]:  # type: ignore[no-untyped-def]
    from dossier.extraction import article_doc
    from dossier.graph import Article

    doc = article_doc(Article(id="t", title=title, body=text, published="2024-03-02"), nlp)
    return {str(r["name"]): r for r in doc_state.entities(doc).values() if r["type"] == "PERSON"} | {
        "__doc__": {"doc": doc}
    }


def _owner(nlp, text: str, surname: str) -> str | None:  # type: ignore[no-untyped-def]
    """Name of the entity the last bare ``surname`` mention goes to (None: no one)."""
    doc = _people(nlp, text)["__doc__"]["doc"]
    records = doc_state.entities(doc)
    last = [t.i for t in doc if t.text == surname][-1]
    for span in doc_state.mentions(doc):
        if span.start == last and len(span) == 1:
            return str(records[span.kb_id_]["name"]) if span.kb_id_ else None
    return None


@pytest.mark.slow
@pytest.mark.parametrize(
    ("text", "name", "expected"),
    [
        # The article's own pronouns outweigh a first-name list that only leans the other way.
        ("Bernie Walsh spoke in Dover on Monday. Walsh said he would fight the plan. "
         "Walsh added that he had the votes. Later, Walsh told reporters he was tired.", "Bernie Walsh", "male"),
        # A clear first name holds against one stray pronoun.
        ("Ada Osei opened the clinic on Monday. Osei said she was proud. Osei said he was wrong, "
         "pointing at the plans.", "Ada Osei", "female"),
        # A first name the list only leans on, and nothing else, gives no gender (so "he" may still refer).
        ("Bernie Walsh spoke in Dover on Monday. The plan, Walsh said, would fail.", "Bernie Walsh", None),
        # An honorific decides on its own.
        ("Mrs. Robin Tate chaired the meeting on Monday.", "Robin Tate", "female"),
    ],
)
def test_gender_from_weighed_evidence(nlp, text: str, name: str, expected: str | None) -> None:  # type: ignore[no-untyped-def]
    assert _people(nlp, text)[name]["gender"] == expected


@pytest.mark.slow
@pytest.mark.parametrize(
    ("text", "surname", "expected"),
    [
        # "Mr." rules out the woman even when the man's first name says nothing.
        ("Lena Quarry and Zorab Quarry spoke at the rally on Monday. Later, Mr. Quarry told reporters "
         "the crowd was large.", "Quarry", "Zorab Quarry"),
        ("Lena Quarry and Zorab Quarry spoke at the rally on Monday. Later, Mrs. Quarry told reporters "
         "the crowd was large.", "Quarry", "Lena Quarry"),
        # The pronoun that continues the name decides, when nobody else could be meant.
        ("Lena Quarry and Zorab Quarry spoke at the rally on Monday.\n\nThe next day Quarry and his "
         "brother drove home.", "Quarry", "Zorab Quarry"),
        # A dead son is not the one who speaks now; without a death, both stay live: no one.
        ("Amir Sato and his son, Army Capt. Dario Sato, who died in Iraq in 2004, were honored. "
         "Dario Sato was 27. \"We miss him every day,\" Sato says.", "Sato", "Amir Sato"),
        ("Amir Sato and his son, Army Capt. Dario Sato, were honored. Dario Sato was 27. "
         "\"We miss the old days,\" Sato says.", "Sato", None),
        # "the Orr brothers" is both of them; "Orr said" after naming both in the paragraph is no one.
        ("Dan Orr and Carl Orr run the firm. Critics attacked the Orr brothers on Monday.", "Orr", None),
        # A pronoun before the name already means someone else: "he" after it decides nothing.
        ("Ada Marr and her husband, Tom Marr, held a rally. She endorsed Marr, but told reporters "
         "that she had doubts.", "Marr", None),
        ("Ada Marr and her husband, Tom Marr, held a rally.\n\nMarr told reporters that she had "
         "doubts.", "Marr", "Ada Marr"),
    ],
)
def test_same_surname_people(nlp, text: str, surname: str, expected: str | None) -> None:  # type: ignore[no-untyped-def]
    assert _owner(nlp, text, surname) == expected


@pytest.mark.slow
@pytest.mark.parametrize(
    ("text", "present", "absent"),
    [
        ("The panel heard Sen. Ada OrtizSen. Bo Lane and Gov. Kit Marsh on Monday.",
         {"Ada Ortiz", "Bo Lane"}, {"Ada OrtizSen"}),
        ("Kentuckian Rand Pell spoke in Dover on Monday.", {"Rand Pell"}, {"Kentuckian Rand Pell"}),
        ("Carson Vale spoke first. Vale distanced himself from the plan on Monday.", {"Carson Vale"},
         {"Vale distanced"}),
        ("Ana Ruiz of Tustin backed the measure.", {"Ana Ruiz"}, {"Ana Ruiz of Tustin"}),
        ("Debbie Wasserman Kolb resigned on Sunday. Wasserman Kolb said the vote was fair.",
         {"Debbie Wasserman Kolb"}, {"Wasserman Kolb"}),
        ("Hillary Obi thanked the crowd. Hilary Obi's aides were silent.", {"Hillary Obi"}, {"Hilary Obi"}),
        ("Mayor Bill de Rossi cut the ribbon. de Rossi said the bridge was late.", {"Bill de Rossi"},
         {"de Rossi"}),
        # A verb before another person's surname is no first name; a comma separates listed names.
        ("“Impeaching Lane, or helping him impeach himself, is one imperative,” said Ada Moss. Donald Lane "
         "did not reply.", {"Donald Lane", "Ada Moss"}, {"Impeaching Lane"}),
        ("Any of the four mainstreamers — Bush, Christie, Rubio or Kasich — could win, said Ada Moss.",
         {"Ada Moss"}, {"Christie, Rubio"}),
        ("Carl Pike, Jr., spoke on Monday.", {"Carl Pike"}, set()),
        # A one-word name before a law or event word names the law or the event; a person's surname stays.
        ("Ada Moss criticized the Dodd-Ives law on Monday.", {"Ada Moss"}, {"Dodd", "Dodd-Ives"}),
        ("Ada Moss said the Vale attack was a tragedy.", {"Ada Moss"}, {"Vale"}),
        ("Ada Moss and Tom Vale met on Monday. Later Vale attacks the plan in a speech.", {"Ada Moss", "Tom Vale"},
         set()),
        # Negative: a real three-word name and a hyphenated one stay whole.
        ("Anna Richardson White spoke for the union on Monday.", {"Anna Richardson White"}, set()),
        ("Kim Jong-un met the envoy on Monday.", {"Kim Jong-un"}, {"Kim Jong"}),
    ],
)
def test_person_span_repairs(nlp, text: str, present: set[str], absent: set[str]) -> None:  # type: ignore[no-untyped-def]
    names = set(_people(nlp, text)) - {"__doc__"}
    assert present <= names, names
    assert not (absent & names), names


@pytest.mark.slow
def test_headline_word_is_not_part_of_the_name(nlp) -> None:  # type: ignore[no-untyped-def]
    names = set(_people(nlp, "Fred Lane was a painter. Lane lived in Dover.", title="Fred Lane Dies At 90"))
    assert "Fred Lane" in names and "Fred Lane Dies" not in names


@pytest.mark.slow
@pytest.mark.parametrize(
    ("text", "word", "person"),
    [
        ("Ivo Brandt said Medicare should cover the drug.", "Medicare", False),
        ("Ivo Brandt wrote to the Heisman Trophy committee.", "Heisman Trophy", False),
        ("Ivo Brandt met Latinos in Des Moines on Monday.", "Des Moines", False),
        ("Ivo Brandt met Latinos in Des Moines on Monday.", "Latinos", False),
        ("O.K. Ivo Brandt said on Monday.", "O.K.", False),
        ("Ivo Brandt met Delia Moss in Dover.", "Delia Moss", True),
    ],
)
def test_non_people_are_not_person(nlp, text: str, word: str, person: bool) -> None:  # type: ignore[no-untyped-def]
    assert (word in _people(nlp, text)) is person
