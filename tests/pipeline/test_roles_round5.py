"""Roles a user can trust (issue 11, class 4), round 5: invented sentences about fictional people.

Each table puts a sentence that states the role beside a look-alike that does not: a post lost
(fired, dead, a campaign that is over), a title used as a form of address inside quotation marks,
a sentence set in the past, a description that belongs to someone else, an organisation whose
name was cut short.
"""

from __future__ import annotations

import pytest

from .role_cases import graph, roles_by_holder

pytestmark = pytest.mark.slow



def _names(text: str) -> dict[str, str]:
    g = graph(text)
    return {e.id: e.name for e in g.entities}


CURRENT = [
    # dismissed: the title is the one the person lost (not a threat to fire)
    ("The board's decision to fire campaign manager Tom Reyes surprised donors.",
     ("Tom Reyes", "campaign manager"), False),
    ("Ada Obi threatened to fire campaign manager Tom Reyes on Monday.", ("Tom Reyes", "campaign manager"), True),
    # named after a death: dead, holds no post now
    ("Police investigated the suicide of deputy counsel Ned Vale last year.", ("Ned Vale", "deputy counsel"), False),
    ("Police praised deputy counsel Ned Vale on Monday.", ("Ned Vale", "deputy counsel"), True),
    # a campaign said to be over
    ("Tom Reyes, a top adviser to Ada Obi's former presidential campaign, floated a plan.",
     ("Tom Reyes", "adviser"), False),
    ("Tom Reyes, a top adviser to Ada Obi's presidential campaign, floated a plan.", ("Tom Reyes", "adviser"), True),
    # a past copula in a story does not undo a title held today; alone it says the post was held
    ("President Tomas Vale met reporters on Monday. Once he was president, Vale made trade a priority.",
     ("Tomas Vale", "president"), True),
    ("When Bo Lane was governor, we went there for the inauguration.", ("Bo Lane", "governor"), False),
    # "former" is said of both coordinated titles before a name
    ("Former prosecutor and Port Vale Mayor Rudy Gill trashed the plan.", ("Rudy Gill", "mayor"), False),
    ("Dr. Ada Obi and Mayor Rudy Gill trashed the plan.", ("Rudy Gill", "mayor"), True),
    ("Former Gov. Ada Obi and Mayor Rudy Gill trashed the plan.", ("Rudy Gill", "mayor"), True),
    # a resignation dated before publication ends the post
    ("Harbor Party Chair Dora Wass spoke. The scandal finally forced Wass to resign from her job Sunday.",
     ("Dora Wass", "chair"), False),
    ("Harbor Party Chair Dora Wass spoke on Sunday.", ("Dora Wass", "chair"), True),
]


@pytest.mark.parametrize(("text", "role", "current"), CURRENT)
def test_a_post_lost_or_ended_is_not_current(nlp, text: str, role: tuple[str, str], current: bool | None) -> None:
    roles = roles_by_holder(text)
    assert role in roles, roles
    assert roles[role].current is current  # type: ignore[attr-defined]


SHOWN = [
    # a courtesy title inside quotation marks is a form of address
    ('"We have seen it with President Tom Carder," Ada Obi said.', ("Tom Carder", "president"), False),
    ("President Tom Carder spoke on Monday.", ("Tom Carder", "president"), True),
    # another title of the sentence held "then": the sentence tells the past
    ("Rob Nolan, the chief of staff, urged a stand, as Ada Obi, then the secretary of state, put it.",
     ("Rob Nolan", "chief of staff"), False),
    ("Rob Nolan, the chief of staff, urged a stand on Monday.", ("Rob Nolan", "chief of staff"), True),
    # a named war sets its clause in the past
    ("The doctrine dates to Ike Dorn, the World War II general who beat them.", ("Ike Dorn", "general"), False),
    ("Ike Dorn, the general who leads the army, spoke on Monday.", ("Ike Dorn", "general"), True),
    # a restrictive clause of the title set long ago; a clause set off by a comma is about the person
    ("Ken Marr, the independent counsel who pursued Bo Lane across the 1990s, spoke on Monday.",
     ("Ken Marr", "independent counsel"), False),
    ("Rich Bee, Lane's deputy campaign manager, who oversaw Ada Obi's 2012 race, spoke on Monday.",
     ("Rich Bee", "deputy campaign manager"), True),
    # a clause dated years back by "N years after"
    ("Thirteen years after President Jo Bosch and Congress embarked on the plan, lawmakers are stepping back.",
     ("Jo Bosch", "president"), False),
    ("Two days after Gov. Al Vane signed the bill, lawmakers met.", ("Al Vane", "governor"), True),
    # a possessor we cannot link leaves a generic title bare
    ("Htay Win, its acting chairman, told reporters they had lost.", ("Htay Win", "chair"), False),
    ("Htay Win, the Harbor Union's chairman, told reporters they had lost.", ("Htay Win", "chair"), True),
]


@pytest.mark.parametrize(("text", "role", "shown"), SHOWN)
def test_roles_whose_time_or_holder_is_unclear_are_hidden(nlp, text: str, role: tuple[str, str], shown: bool) -> None:
    from dossier.confidence import DEFAULT_MIN_CONFIDENCE

    roles = roles_by_holder(text)
    assert role in roles, roles
    r = roles[role]
    assert (r.status != "hypothetical" and (r.confidence or 0) >= DEFAULT_MIN_CONFIDENCE) is shown  # type: ignore[attr-defined]


ARGUMENT = [
    # a list of descriptors and names: "the vice president" is not the next name's
    ("Everyone in the office, the president, the vice president, Susan Reis, was scrambling.",
     ("Susan Reis", "vice president"), False),
    ("Susan Reis, the vice president, was scrambling.", ("Susan Reis", "vice president"), True),
    # a list of titled names: the second title premodifies the second name
    ("They included deputy secretary for management Tom Nides, ambassador for global women's issues Mel Verbeek; "
     "and others.", ("Tom Nides", "ambassador"), False),
    ("Yev Kopa, a former adviser to Mr. Bo Lane, said so.", ("Yev Kopa", "adviser"), True),
    ("Emails came from Jake Sulla, who was Ada Obi's deputy chief of staff.", ("Jake Sulla", "deputy chief of staff"),
     True),
    # joining a body for a meal is company, not a seat
    ("Glen Tomas then joined the Harbor Party Committee for a unity lunch.", ("Glen Tomas", "committee member"),
     False),
    ("Glen Tomas joined the county school board in 2019.", ("Glen Tomas", "school board member"), True),
]


@pytest.mark.parametrize(("text", "role", "present"), ARGUMENT)
def test_a_description_goes_to_the_person_it_describes(nlp, text: str, role: tuple[str, str], present: bool) -> None:
    assert (role in roles_by_holder(text)) is present


ORGS = [
    ("Log Cabin Republicans president Greg Angel said it.", ("Greg Angel", "president"), None),
    ("Harbor Union president Bo Lane said it.", ("Bo Lane", "president"), "Harbor Union"),
    ("Rep. Bob Scotto, ranking member of the House education committee, said it.",
     ("Bob Scotto", "ranking member"), None),
    ("House Speaker Paul Randa said it.", ("Paul Randa", "speaker"), "House"),
]


@pytest.mark.parametrize(("text", "role", "org"), ORGS)
def test_an_organisation_cut_short_is_left_out(nlp, text: str, role: tuple[str, str], org: str | None) -> None:
    g = graph(text)
    names = {e.id: e.name for e in g.entities}
    roles = {(names.get(r.person), r.title): r for r in g.roles}
    assert role in roles, roles
    got = names.get(roles[role].org) if roles[role].org else None
    assert got == org


def test_a_place_inside_the_title_is_kept(nlp) -> None:
    g = graph("Bill Brook, a Nebraska state delegate who is part of the drive, said so.")
    names = {e.id: e.name for e in g.entities}
    places = {r.title: names.get(r.place) for r in g.roles}
    assert places.get("state delegate") == "Nebraska"


WHEN = [
    ("Bo Lane served as a senator for 36 years.", ("Bo Lane", "senator")),
    ("When Bo Lane was governor, we went there every two years.", ("Bo Lane", "governor")),
]


@pytest.mark.parametrize(("text", "role"), WHEN)
def test_a_duration_or_a_frequency_is_not_when_a_post_was_held(nlp, text: str, role: tuple[str, str]) -> None:
    roles = roles_by_holder(text)
    assert role in roles, roles
    r = roles[role]
    assert r.when is None and r.start is None and r.end is None  # type: ignore[attr-defined]


STATUS = [
    ("He said he would not continue President Ted Borka's policy.", ("Ted Borka", "president"), "asserted"),
    ('"I am not a natural politician, unlike President Ted Borka," she said.', ("Ted Borka", "president"),
     "attributed"),
]


@pytest.mark.parametrize(("text", "role", "status"), STATUS)
def test_a_title_does_not_take_the_negation_of_its_clause(nlp, text: str, role: tuple[str, str], status: str) -> None:
    roles = roles_by_holder(text)
    assert role in roles, roles
    assert roles[role].status == status  # type: ignore[attr-defined]


RUNS = [
    # a no-break space inside the title run keeps "former" and the place; a line break ends the run
    ("The race in 1976, when former\u00a0Georgia Gov. Jim Carde won narrowly, was close.",
     ("Jim Carde", "governor"), False),
    ("Ada Obi Is Qualified To Be President.\n\nSen. Bo Lane spoke on Monday.", ("Bo Lane", "president"), None),
]


@pytest.mark.parametrize(("text", "role", "current"), RUNS)
def test_a_title_run_spans_a_no_break_space_but_not_a_line(nlp, text: str, role: tuple[str, str],
                                                         current: bool | None) -> None:
    roles = roles_by_holder(text)
    if current is None:
        assert role not in roles, roles
    else:
        assert role in roles, roles
        assert roles[role].current is current  # type: ignore[attr-defined]


TITLES = [
    ("Lt. Gov. Ada Obi spoke on Monday.", ("Ada Obi", "lieutenant governor"), True),
    ("Lt. Gov. Ada Obi spoke on Monday.", ("Ada Obi", "governor"), False),
    ("Gov. Ted Vale spoke on Monday.", ("Ted Vale", "governor"), True),
]


@pytest.mark.parametrize(("text", "role", "present"), TITLES)
def test_a_lieutenant_governor_is_not_a_governor(nlp, text: str, role: tuple[str, str], present: bool) -> None:
    assert (role in roles_by_holder(text)) is present


@pytest.mark.parametrize(("value", "years"), [
    ("P13Y", 13), ("P2DE", 20), ("P1CE", 100), ("P3C", 300), ("P2M", 0), ("PRESENT_REF", 0), ("P_Y", 0), (None, 0),
])
def test_a_duration_counts_its_years(value: str | None, years: float) -> None:
    from dossier.pipeline.facts.roles import _years

    assert _years(value) == years
