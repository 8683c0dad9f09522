"""Issue 11 classes 2-5 and issue 16 item 5, round 4: roles, events and ties a user can trust.

Invented sentences about fictional people; each table sets a sentence that states the fact beside
look-alikes that do not (a past role, a bare title, a plea, a withdrawn endorsement, a question,
a kin word whose owner is someone else).
"""

from __future__ import annotations

import pytest

pytestmark = pytest.mark.slow


def _graph(text: str, published: str = "2016-10-12"):  # type: ignore[no-untyped-def]
    from dossier.extraction import extract

    return extract(text, published=published)


def _roles(text: str, published: str = "2016-10-12") -> dict[tuple[str | None, str], tuple[bool | None, bool]]:
    """(person, title) -> (current, shown by default)."""
    from dossier.confidence import DEFAULT_MIN_CONFIDENCE

    g = _graph(text, published)
    names = {e.id: e.name for e in g.entities}
    return {(names.get(r.person), r.title): (r.current, (r.confidence or 0) >= DEFAULT_MIN_CONFIDENCE)
            for r in g.roles if r.status != "hypothetical"}


def _ties(text: str) -> list[tuple[str | None, str, str | None, bool]]:
    """(subject, type, object, shown by default) of every tie."""
    from dossier.confidence import DEFAULT_MIN_CONFIDENCE

    g = _graph(text)
    names = {e.id: e.name for e in g.entities}
    return [(names.get(r.subject), r.type, names.get(r.object), (r.confidence or 0) >= DEFAULT_MIN_CONFIDENCE)
            for r in g.relations if r.status != "hypothetical"]


def _events(text: str, typ: str) -> list[str | None]:
    g = _graph(text)
    names = {e.id: e.name for e in g.entities}
    return [names.get(p.entity) for e in g.events if e.type == typ and e.status in {"asserted", "attributed"}
            for p in e.participants if p.role == "agent"]


# role status: "former" reaches every title it modifies ---------------------------------------------

PAST_ROLES = [
    # (text, (person, title), current)
    ("Talia Brandt, a two-term Kessford mayor, spoke on Monday.", ("Talia Brandt", "mayor"), True),
    ("Talia Brandt, a former Ostria governor and two-term Kessford mayor, spoke on Monday.",
     ("Talia Brandt", "mayor"), False),
    ("Talia Brandt, a former governor and now senator, spoke on Monday.", ("Talia Brandt", "senator"), True),
    ("Vale campaign manager Orrin Stokes spoke on Monday.", ("Orrin Stokes", "campaign manager"), True),
    ("Former Vale campaign manager Orrin Stokes spoke on Monday.", ("Orrin Stokes", "campaign manager"), False),
    ("Former homeland security secretary Orrin Stokes spoke.", ("Orrin Stokes", "homeland security secretary"),
     False),
]


@pytest.mark.parametrize(("text", "role", "current"), PAST_ROLES)
def test_a_past_modifier_reaches_the_titles_it_governs(nlp, text: str, role: tuple[str, str],
                                                       current: bool) -> None:
    roles = _roles(text)
    assert role in roles, roles
    assert roles[role][0] is current


def test_a_description_after_two_names_belongs_to_the_second(nlp) -> None:
    alone = _roles("Mira Calder, the club's entertainment manager, was honoured.")
    assert ("Mira Calder", "entertainment manager") in alone
    pair = _roles("Club owner Jonas Pell and Mira Calder, the club's entertainment manager, were honoured.")
    assert ("Jonas Pell", "entertainment manager") not in pair


PREDICTED_ROLES = [
    ("Wren Dallow was our mayor for six years.", True),
    ("Our movement will make sure Wren Dallow is our next mayor.", False),
]


@pytest.mark.parametrize(("text", "role"), PREDICTED_ROLES)
def test_a_predicted_post_is_no_role(nlp, text: str, role: bool) -> None:
    assert (("Wren Dallow", "mayor") in _roles(text)) is role


def test_a_post_in_a_story_of_long_ago_is_not_shown_current(nlp) -> None:
    now = _roles("On Monday, Gov. Petra Lusk vetoed the bill.")
    assert now[("Petra Lusk", "governor")] == (True, True)
    then = _roles("In 1962, Gov. Petra Lusk vetoed the bill.")
    assert then[("Petra Lusk", "governor")][1] is False  # kept, hidden by default
    story = _roles("In 1974, the party turned to Ivo Renner. (Renner also gained from Gov. Petra Lusk's "
                   "unpopular handling of the strike.)")
    assert story.get(("Petra Lusk", "governor"), (None, False))[1] is False


BARE_TITLES = [
    # (text, person, title, shown by default)
    ("Nils Arden, president of Corvel Partners, spoke.", "Nils Arden", "president", True),
    ("\"It is a bubble,\" said Nils Arden, president of Wealth-X, a firm that tracks yachts.", "Nils Arden",
     "president", False),
    ("Nils Arden was named chair of the Port Vale harbor board on Wednesday.", "Nils Arden", "chair", True),
    ("\"It is a bubble,\" said Nils Arden, the executive director.", "Nils Arden", "executive director", False),
    ("President Nils Arden spoke on Monday.", "Nils Arden", "president", True),
    ("In 2020 Nils Arden became vice president.", "Nils Arden", "vice president", True),
    ("The board's chair, Nils Arden, said the vote was unanimous.", "Nils Arden", "chair", True),
]


@pytest.mark.parametrize(("text", "person", "title", "shown"), BARE_TITLES)
def test_a_title_that_says_nothing_without_its_organisation_is_hidden(nlp, text: str, person: str, title: str,
                                                                     shown: bool) -> None:
    roles = _roles(text)
    assert (person, title) in roles, roles
    assert roles[(person, title)][1] is shown


def test_a_possessor_before_a_title_is_its_organisation(nlp) -> None:
    g = _graph("Brightwell Trust's president Nils Arden said the fund was sound.")
    names = {e.id: e.name for e in g.entities}
    assert [(names.get(r.person), names.get(r.org)) for r in g.roles if r.title == "president"] == \
        [("Nils Arden", "Brightwell Trust")]


# events: a plea is not a verdict; a withdrawn or thwarted endorsement is none -----------------------

EVENTS = [
    ("Dario Venn pleaded guilty to fraud on Monday.", "legal.conviction", ["Dario Venn"]),
    ("Dario Venn pleaded not guilty to fraud on Monday.", "legal.conviction", []),
    ("Sen. Hale Imrie endorsed Dario Venn on Friday.", "endorsement", ["Hale Imrie"]),
    ("Sen. Hale Imrie rescinded his endorsement of Dario Venn on Friday.", "endorsement", []),
    ("Hale Imrie tried to torpedo Dario Venn's endorsement.", "endorsement", []),
]


@pytest.mark.parametrize(("text", "typ", "agents"), EVENTS)
def test_a_plea_or_an_undone_endorsement_is_no_event(nlp, text: str, typ: str, agents: list[str]) -> None:
    assert _events(text, typ) == agents


# ties: a question is not shown; a nomination is not a hire; "X and his wife" -------------------------

def test_a_tie_asked_about_is_hidden(nlp) -> None:
    stated = _ties("Mara Quill voted for Oren Basset on Tuesday.")
    assert ("Mara Quill", "political.supported", "Oren Basset", True) in stated
    asked = _ties("Did that mean Mara Quill would vote for Oren Basset?")
    assert not [t for t in asked if t[1] == "political.supported" and t[3]]


NOT_HIRES = [
    ("Mara Quill hired Oren Basset as her chief of staff.", True),
    ("In 1968, the party nominated Oren Basset.", False),
    ("Mara Quill consolidated support by picking Oren Basset as a running mate.", False),
]


@pytest.mark.parametrize(("text", "hired"), NOT_HIRES)
def test_a_nomination_or_a_running_mate_is_no_hire(nlp, text: str, hired: bool) -> None:
    assert bool([t for t in _ties(text) if t[1] == "professional.hired"]) is hired


KIN_OWNERS = [
    # (text, expected spouse pairs (subject, object))
    ("Ilse Varga and her husband, Tomas Berg, arrived.", {("Tomas Berg", "Ilse Varga")}),
    ("The play was produced by Ilse Varga, whose role was taken by the Korrin Players and his wife Lotte "
     "by Ana Fisk.", set()),
]


@pytest.mark.parametrize(("text", "pairs"), KIN_OWNERS)
def test_his_wife_after_a_conjunct_is_that_conjuncts(nlp, text: str, pairs: set[tuple[str, str]]) -> None:
    assert {(s, o) for s, t, o, _ in _ties(text) if t == "family.spouse"} == pairs


def test_a_name_in_brackets_after_a_parent_is_the_parents_other_name(nlp) -> None:
    ties = _ties("Yoran is believed to have been the third son of Abiel ( Avel ), and his favourite.")
    assert not [t for t in ties if t[1] == "family.parent" and t[2] == "Avel"]


CONDITIONAL_TIES = [
    ("Mara Quill voted for Oren Basset.", True),
    ("Just 8 percent of the voters said they would vote for Oren Basset.", False),
    ("Mara Quill said she could back Oren Basset.", False),
]

PLANNED_CONTACTS = [
    ("Mara Quill met with Oren Basset on Monday.", True),
    ("Mara Quill will meet with Oren Basset later this month, officials said.", False),
]


@pytest.mark.parametrize(("text", "met"), PLANNED_CONTACTS)
def test_a_planned_meeting_is_no_meeting(nlp, text: str, met: bool) -> None:
    assert bool([t for t in _ties(text) if t[1] == "contact.met"]) is met


@pytest.mark.parametrize(("text", "tie"), CONDITIONAL_TIES)
def test_a_tie_someone_would_make_is_no_tie(nlp, text: str, tie: bool) -> None:
    assert bool([t for t in _ties(text) if t[1] == "political.supported"]) is tie


def test_brothers_after_a_named_conjunct_are_that_persons(nlp) -> None:
    ties = _ties("The battle of Varnholt was fought between his sons Edo Marr (the eldest son) and his two "
                 "younger brothers Ivo Marr and Pell Marr.")
    siblings = {frozenset((s, o)) for s, t, o, _ in ties if t == "family.sibling"}
    assert frozenset(("Ivo Marr", "Edo Marr")) in siblings
    assert not [t for t in ties if "Varnholt" in (t[0] or "", t[2] or "")]


def test_a_figurative_call_is_no_contact(nlp) -> None:
    ties = _ties("At the time, Mara Quill called Oren Basset, a former mill owner who was twice fined, "
                 "an outstanding leader.")
    assert not [t for t in ties if t[1] == "contact.spoke_with" and t[3]]


KIN_LISTS = [
    # (text, expected sibling pairs)
    ("The fund was set up for the three Marr sisters: Ida Marr, Una Marr and Vera Marr.",
     {frozenset(("Ida Marr", "Una Marr")), frozenset(("Ida Marr", "Vera Marr")), frozenset(("Una Marr", "Vera Marr"))}),
    ("The shop has three owners: Ida Marr, Una Marr and Vera Marr.", set()),
    ("Ida Marr and Una Marr were the daughters of Cato Marr.", {frozenset(("Ida Marr", "Una Marr"))}),
    ("Ida Marr and Una Marr were the children in the photo.", set()),
]


@pytest.mark.parametrize(("text", "pairs"), KIN_LISTS)
def test_a_kin_list_after_a_colon_or_a_copula(nlp, text: str, pairs: set[frozenset[str]]) -> None:
    assert {frozenset((s, o)) for s, t, o, _ in _ties(text) if t == "family.sibling"} == pairs
