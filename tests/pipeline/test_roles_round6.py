"""Roles a user can trust (issue 11), round 6: invented sentences about fictional people.

Each table puts a sentence that states the role beside a look-alike that does not: "former" before
a named employer, a campaign of a past year, a departure still to come, a form of address, a part in
an event, a rank or ministry cut short, an organisation typed as a place, a subject taken for a place.
"""

from __future__ import annotations

import pytest

pytestmark = pytest.mark.slow

PUBLISHED = "2016-10-12"


def _graph(text: str):  # type: ignore[no-untyped-def]
    from dossier.extraction import extract

    return extract(text, published=PUBLISHED)


def _roles(text: str) -> dict[tuple[str | None, str], object]:
    """(person, title) -> the role, with its org and place as names."""
    g = _graph(text)
    names = {e.id: e.name for e in g.entities}
    out: dict[tuple[str | None, str], object] = {}
    for r in g.roles:
        r.org_name, r.place_name = names.get(r.org), names.get(r.place)  # type: ignore[attr-defined]
        out[(names.get(r.person), r.title)] = r
    return out


CURRENT = [
    # "former" before a person named as the employer is said of the title after the name
    ("Former Ada Obi speechwriter Bo Lane wrote a column.", ("Bo Lane", "speechwriter"), False),
    ("Ada Obi speechwriter Bo Lane wrote a column.", ("Bo Lane", "speechwriter"), True),
    # a post in a campaign of a year before publication ended with the race
    ("Kim Vale, a spokeswoman for Ada Obi's 2000 presidential campaign, spoke.", ("Kim Vale", "spokeswoman"), False),
    ("Kim Vale, a spokeswoman for Ada Obi's 2016 campaign, spoke.", ("Kim Vale", "spokeswoman"), True),
    # a departure in a clause about the future ends nothing yet
    ("President Tom Vale met Karl Berg on Monday. Analysts believe a shift will come only when Mr. Vale has "
     "left office.", ("Tom Vale", "president"), True),
    ("President Tom Vale met Karl Berg on Monday. Mr. Vale has left office.", ("Tom Vale", "president"), False),
]


@pytest.mark.parametrize(("text", "role", "current"), CURRENT)
def test_a_role_is_current_only_while_held(nlp, text: str, role: tuple[str, str], current: bool | None) -> None:
    roles = _roles(text)
    assert role in roles, roles
    assert roles[role].current is current  # type: ignore[attr-defined]


NO_POST = [
    # a form of address said to someone else, a part in an event
    ("''That was a good speech, Mr. President,'' Rep. Ada Obi told Mr. Vale.", ("Ada Obi", "mr. president"), False),
    ("''That was a good speech, Mr. President,'' Rep. Ada Obi told Mr. Vale.", ("Ada Obi", "representative"), True),
    ("Bo Lane was a featured speaker at the 2004 convention.", ("Bo Lane", "featured speaker"), False),
    ("Bo Lane, the speaker of the state assembly, spoke.", ("Bo Lane", "speaker"), True),
]


@pytest.mark.parametrize(("text", "role", "present"), NO_POST)
def test_a_form_of_address_or_a_part_is_no_post(nlp, text: str, role: tuple[str, str], present: bool) -> None:
    assert (role in _roles(text)) is present


TITLES = [
    # a rank or a ministry keeps its first word; a descriptive adjective is not part of the title
    ("Retired Lt. Gen. Karl Berg spoke.", ("Karl Berg", "lieutenant general"), True),
    ("Retired Lt. Gen. Karl Berg spoke.", ("Karl Berg", "general"), False),
    ("Gen. Karl Berg spoke.", ("Karl Berg", "general"), True),
    ("Bo Lane met the Russian foreign minister, Karl Berg, on Sunday.", ("Karl Berg", "foreign minister"), True),
    ("Kim Vale, the billionaire chief executive of a roofing company, gave money.", ("Kim Vale", "chief executive"),
     True),
    ("Kim Vale, the billionaire chief executive of a roofing company, gave money.",
     ("Kim Vale", "billionaire chief executive"), False),
]


@pytest.mark.parametrize(("text", "role", "present"), TITLES)
def test_a_title_keeps_its_rank_and_drops_description(nlp, text: str, role: tuple[str, str], present: bool) -> None:
    assert (role in _roles(text)) is present


WHERE = [
    # an organisation typed as a place is the organisation; a subject after "on" is no place
    ("Bo Lane, a former executive director of the South Carolina Republican Party, said so.",
     ("Bo Lane", "executive director"), "South Carolina Republican Party", None),
    ("Kim Vale, the mayor of Port Vale, spoke.", ("Kim Vale", "mayor"), None, "Port Vale"),
    ("Karl Berg, a former adviser on Syria in the administration, said so.", ("Karl Berg", "adviser"), None, None),
    ("Karl Berg, a former ambassador to Syria, said so.", ("Karl Berg", "ambassador"), None, "Syria"),
    # a generic title takes the employer named inside its phrase
    ("Bo Lane, a former IBM head of global human resources, said so.", ("Bo Lane", "head"), "IBM", None),
]


@pytest.mark.parametrize(("text", "role", "org", "place"), WHERE)
def test_org_and_place_are_where_the_post_is_held(nlp, text: str, role: tuple[str, str], org: str | None,
                                                  place: str | None) -> None:
    roles = _roles(text)
    assert role in roles, roles
    r = roles[role]
    assert (r.org_name, r.place_name) == (org, place)  # type: ignore[attr-defined]
