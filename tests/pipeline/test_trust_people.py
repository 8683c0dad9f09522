"""Issue 11 on invented sentences: same-surname people, roles, family ties, quotes and entities.

Positive and negative cases side by side; the negative ones are the shapes real news
produced wrong facts from.
"""

from __future__ import annotations

import pytest

pytestmark = pytest.mark.slow


def _graph(text: str):  # type: ignore[no-untyped-def]
    from dossier.extraction import extract

    return extract(text, published="2016-10-12")


def _names(g) -> dict[str, str]:  # type: ignore[no-untyped-def]
    return {e.id: e.name for e in g.entities}


def _speakers(text: str) -> list[tuple[str | None, str]]:
    g = _graph(text)
    n = _names(g)
    return [(n.get(q.speaker) if q.speaker else None, q.text or "") for q in g.quotes]


# class 1: a bare surname two people share ---------------------------------------------------------

SURNAMES = [
    # the pronoun that continues the name says who it is
    ("Hillary Lane spoke in Ohio. Lane said her plan would cut costs.\n"
     "Bill Lane campaigned in Iowa. Lane told voters he was proud.",
     [("Hillary Lane", "her plan would cut costs"), ("Bill Lane", "he was proud")]),
    # an honorific does
    ("Hillary Lane spoke in Ohio. Mrs. Lane said the plan would cut costs. Bill Lane campaigned in Iowa. "
     "Mr. Lane said voters were ready.",
     [("Hillary Lane", "the plan would cut costs"), ("Bill Lane", "voters were ready")]),
    # both just named in the paragraph, nothing decides: no one rather than a guess
    ("Hillary Lane and Bill Lane arrived together. Lane said the plan would cut costs.",
     [(None, "the plan would cut costs")]),
    # one bearer only: the surname is hers
    ("Hillary Lane spoke in Ohio. Lane said the plan would cut costs.", [("Hillary Lane", "the plan would cut costs")]),
]


@pytest.mark.parametrize(("text", "expected"), SURNAMES)
def test_shared_surname_goes_by_cues_or_to_no_one(nlp, text: str, expected: list[tuple[str | None, str]]) -> None:
    assert _speakers(text) == expected


# class 4: roles ----------------------------------------------------------------------------------

ROLES = [
    ("Former Florida governor Ada Ortiz spoke on Monday.", ("Ada Ortiz", "governor", False)),
    ("Florida Gov. Ada Ortiz spoke on Monday.", ("Ada Ortiz", "governor", True)),
    ("Clinton ties former Fla. Gov. Ada Ortiz at 41-41.", ("Ada Ortiz", "governor", False)),
    ("The then-Gov. Ada Ortiz signed the bill.", ("Ada Ortiz", "governor", False)),
    ('"Nothing has changed," White House press secretary Bo Lane said.', ("Bo Lane", "press secretary", True)),
    ("NATO Secretary General Bo Lane said the test was a breach.", ("Bo Lane", "secretary general", True)),
    ("Bo Lane, the incoming ambassador, has served in three consulates.", ("Bo Lane", "ambassador", None)),
    ("Bo Lane became mayor in 2012.", ("Bo Lane", "mayor", None)),
    ('"It was a comeback," said former Ortiz adviser Bo Lane.', ("Bo Lane", "adviser", False)),
    ("Rules are rare, although a former U.S. congressman, Bo Lane, pleaded guilty.", ("Bo Lane", "congressman", False)),
    ("It's possible that the former district attorney, Ada Ortiz, may have called.", ("Ada Ortiz", "district attorney",
                                                                                      False)),
]


@pytest.mark.parametrize(("text", "expected"), ROLES)
def test_role_title_and_whether_current(nlp, text: str, expected: tuple[str, str, bool | None]) -> None:
    g = _graph(text)
    n = _names(g)
    person, title, current = expected
    got = [(r.title, r.current) for r in g.roles if n.get(r.person) == person]
    assert (title, current) in got, got


NO_ROLES = [
    ("Mary Lane said she would be the first woman president.", "Mary Lane"),
    ('"Over the years, Mary Lane has done things to show why she shouldn\'t be president," he said.', "Mary Lane"),
    ("Mary Lane wants to be mayor.", "Mary Lane"),
    ('"He is in good shape, even though he is a senator," said James Ruiz, a pollster.', "James Ruiz"),
    ('"I was banned for life - that is what the judge said," Monte Hale said.', "Monte Hale"),
    ("Tim Kaine spoke in Richmond. He was a contender for the vice president's position.", "Tim Kaine"),
]


@pytest.mark.parametrize(("text", "person"), NO_ROLES)
def test_no_role_from_a_wish_a_quote_or_a_post(nlp, text: str, person: str) -> None:
    g = _graph(text)
    n = _names(g)
    wrong = {"president", "woman president", "mayor", "senator", "judge", "vice president"}
    assert not [r.title for r in g.roles if n.get(r.person) == person and r.title in wrong]


# class 5: family ties only from kinship words ------------------------------------------------------

FAMILY = [
    ("Ada Ortiz is the wife of Bo Lane.", {("Ada Ortiz", "family.spouse", "Bo Lane")}),
    ("Ada Ortiz, Bo Lane's sister, spoke first.", {("Ada Ortiz", "family.sibling", "Bo Lane")}),
    ("Ada Ortiz said she wanted to marry Bo Lane.", set()),
    ("Bo Lane's accusers, including Ada Ortiz, spoke on Monday.", set()),
    ("Ada Ortiz and Bo Lane were named in the lawsuit.", set()),
]


@pytest.mark.parametrize(("text", "expected"), FAMILY)
def test_family_ties_need_kinship_words(nlp, text: str, expected: set[tuple[str, str, str]]) -> None:
    g = _graph(text)
    n = _names(g)
    got = {(n.get(r.subject), r.type, n.get(r.object)) for r in g.relations if r.type.startswith("family.")}
    assert got == expected
    assert not [e for e in g.events if e.type in {"marriage", "appointment"}]


def test_a_descriptor_keeps_the_writers_status_not_the_clauses_hedge(nlp) -> None:
    g = _graph("It's possible that Ada Ortiz, the former district attorney, may have called Bo Lane.")
    n = _names(g)
    assert [r.status for r in g.roles if n.get(r.person) == "Ada Ortiz"] == ["asserted"]


# class 6: quotes -----------------------------------------------------------------------------------

CUES = [  # "shown": a quote a user sees by default; "hidden": under the default threshold; "none": no quote
    ("Bo Lane said the port would reopen in May.", "the port would reopen in May", "shown"),
    ("Bo Lane pledged Saturday to rid the city of crime but said little about how.", "little about how", "none"),
    ("Much like Bo Lane found himself playing defense, Ada Ortiz now struggles.", "himself playing defense", "hidden"),
    ("Bo Lane is hoping voters see him as ready for the job.", "voters see him as ready", "hidden"),
    ("Bo Lane asked Ada Ortiz about her comments.", "her comments", "hidden"),
    ("Officials said the port would reopen in May.", "the port would reopen in May", "shown"),
    ("The senator said the port would reopen in May.", "the port would reopen in May", "hidden"),
]


@pytest.mark.parametrize(("text", "content", "expected"), CUES)
def test_cues_that_report_no_words_are_no_or_unsure_quotes(nlp, text: str, content: str, expected: str) -> None:
    from dossier.confidence import DEFAULT_MIN_CONFIDENCE

    quotes = [q for q in _graph(text).quotes if content in (q.text or "")]
    if expected == "none":
        assert not quotes
    elif expected == "shown":
        assert quotes and all((q.confidence or 0) >= DEFAULT_MIN_CONFIDENCE for q in quotes)
    else:
        assert all((q.confidence or 0) < DEFAULT_MIN_CONFIDENCE for q in quotes)


def test_advisers_speak_not_the_man_they_advise(nlp) -> None:
    said = _speakers("Bo Lane spoke in Ohio. Former Lane advisers told the Ledger that a shakeup is necessary.")
    assert [s for s, text in said if "shakeup" in text] == [None]
    said = _speakers("Lane aide Ada Ortiz told the Ledger that a shakeup is necessary.")
    assert [s for s, text in said if "shakeup" in text] == ["Ada Ortiz"]


# class 7: entities --------------------------------------------------------------------------------

PLACES = [
    ("Lower-polling candidates such as former Florida governor Ada Ortiz also have credentials.", "Florida"),
    ("Former Texas governor Bo Lane endorsed her.", "Texas"),
]


@pytest.mark.parametrize(("text", "place"), PLACES)
def test_a_place_before_a_title_is_no_person(nlp, text: str, place: str) -> None:
    types = {e.name: e.type for e in _graph(text).entities}
    assert types.get(place) in {"GPE", "LOC"}


def test_a_company_sharing_a_surname_speaks_as_the_company(nlp) -> None:
    text = ("Quill Media L.P. and Forbes disagree about Ada Vale. Michael R. Quill is rich too.\n\n"
            "Yet Quill says its deeper reporting has found problems. Mr. Quill said he was proud.")
    said = {words: who for who, words in _speakers(text)}
    assert said.get("its deeper reporting has found problems") == "Quill Media L.P."
    assert said.get("he was proud") == "Michael R. Quill"
