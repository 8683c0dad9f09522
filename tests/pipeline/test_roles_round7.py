"""Roles a user can trust (issue 11), round 7: invented sentences about fictional people.

Each table puts a sentence that states the role beside a look-alike that does not: a title dated by a
past post held under its holder, "fellow" as a peer, a cut general counsel, an aside on a speaker, a
one-word organisation or a person as the body of an elected office.
"""

from __future__ import annotations

from types import SimpleNamespace

import pytest

from .role_cases import roles_by_holder

pytestmark = pytest.mark.slow


@pytest.mark.parametrize(("text", "role", "current", "shown"), [
    # a titled name whom a past post was held under or for: the title is dated by that post
    ('"It matters," said Ada Obi, the former health director under President Ned Vale.',
     ("Ned Vale", "president"), None, False),
    ('"It matters," said Ada Obi, the health director under President Ned Vale.',
     ("Ned Vale", "president"), True, True),
    ("Ada Obi, who served under Gov. Ned Vale, said it matters.", ("Ned Vale", "governor"), None, False),
    ("Ada Obi, who serves under Gov. Ned Vale, said it matters.", ("Ned Vale", "governor"), True, True),
    ('"It matters," said Ada Obi, a former adviser to President Ned Vale and President Bo Lane.',
     ("Bo Lane", "president"), None, False),
])
def test_a_title_dated_by_a_past_post_under_it_is_not_current(nlp, text: str, role: tuple[str, str],
                                                              current: bool | None, shown: bool) -> None:
    roles = roles_by_holder(text)
    assert role in roles, roles
    assert roles[role].current is current  # type: ignore[attr-defined]
    assert (roles[role].confidence >= 0.6) is shown  # type: ignore[attr-defined]


@pytest.mark.parametrize(("text", "role"), [
    # "fellow" before a name in lower case is a peer; a fellow of a society is a post
    ("Bo Lane stood in solidarity with his fellow Ruritanians on Monday.", None),
    ("Bo Lane is a fellow at the Harbor Institute.", ("Bo Lane", "fellow")),
])
def test_fellow_before_a_name_is_no_post(nlp, text: str, role: tuple[str, str] | None) -> None:
    roles = roles_by_holder(text)
    if role is None:
        assert not any(t == "fellow" for _, t in roles), roles
    else:
        assert role in roles, roles


@pytest.mark.parametrize(("text", "title"), [
    # "General Counsel" is one title, not "counsel"
    ("Harbor Bank General Counsel Rita Holt wrote in a letter.", "general counsel"),
    ("Harbor Bank counsel Rita Holt wrote in a letter.", "counsel"),
])
def test_general_counsel_is_kept_whole(nlp, text: str, title: str) -> None:
    roles = roles_by_holder(text)
    assert ("Rita Holt", title) in roles, roles


@pytest.mark.parametrize(("text", "status"), [
    # a relative clause set off by a comma after the speaker is the writer's aside, not the speaker's words
    ('"She needs one big idea," said Bo Lane, who served as labor secretary during the first term yet '
     "endorsed Rita Holt in the primary.", "asserted"),
    ("Ada Obi said that Bo Lane was labor secretary during the first term.", "attributed"),
])
def test_an_aside_on_the_speaker_is_the_writers(nlp, text: str, status: str) -> None:
    roles = roles_by_holder(text)
    assert roles[("Bo Lane", "labor secretary")].status == status  # type: ignore[attr-defined]


def _role(title: str, org: str) -> SimpleNamespace:
    return SimpleNamespace(title=title, org=org)


@pytest.mark.parametrize(("title", "org", "want"), [
    ("senator", "state", ("state senator", None)),  # "State Sen. Bo Lane": no organisation "State"
    ("spokeswoman", "pac", ("spokeswoman", None)),  # "super PAC spokeswoman": which PAC?
    ("secretary", "labor", ("secretary", "labor")),  # "Labor Secretary": the portfolio is kept
    ("spokeswoman", "harbor_pac", ("spokeswoman", "harbor_pac")),
    ("president", "obi", ("president", None)),  # "president and ally of Ada Obi": no presidency of a person
    ("adviser", "obi", ("adviser", "obi")),  # an adviser to a person is one
    ("secretary of state", "obi", ("secretary of state", "obi")),  # "Obi's secretary of state"
])
def test_a_generic_word_or_a_person_is_no_body_of_an_office(title: str, org: str,
                                                            want: tuple[str, str | None]) -> None:
    from dossier.pipeline.facts.roles import _generic_org

    records = {"state": {"name": "State", "type": "ORG"}, "pac": {"name": "PAC", "type": "ORG"},
               "labor": {"name": "Labor", "type": "ORG"}, "harbor_pac": {"name": "Harbor PAC", "type": "ORG"},
               "obi": {"name": "Ada Obi", "type": "PERSON"}}
    facts = SimpleNamespace(records=records, type=lambda k: (records.get(k or "") or {}).get("type"))
    r = _role(title, org)
    _generic_org(facts, r)  # type: ignore[arg-type]
    assert (r.title, r.org) == want


@pytest.mark.parametrize(("text", "title"), [
    # a rank that makes a title of its own stays; one that only grades the holder goes
    ("Ada Obi, a senior vice president at Harbor Bank, spoke on Monday.", "senior vice president"),
    ("Harbor Bank Senior Vice President Ada Obi spoke on Monday.", "senior vice president"),
    ("Ada Obi, a senior adviser to Ned Vale, spoke on Monday.", "adviser"),
    # a generic title keeps the unit it heads; a named body after "of" is the organisation
    ("Ada Obi, head of retail at Harbor Bank, spoke on Monday.", "head of retail"),
    ("Ada Obi, the bank's vice president of human resources, spoke on Monday.", "vice president of human resources"),
    ("Ada Obi, head of the Harbor Fund, spoke on Monday.", "head"),
])
def test_a_title_keeps_its_rank_and_remit(nlp, text: str, title: str) -> None:
    roles = roles_by_holder(text)
    assert ("Ada Obi", title) in roles, roles


@pytest.mark.parametrize(("text", "role", "current"), [
    # "ex-" split from its title by the tokenizer still says the post is past
    ("Ned Vale, the ex-president of the Harbor Club, spoke on Monday.", ("Ned Vale", "president"), False),
    ("Ned Vale, an ex-adviser to Ada Obi, spoke on Monday.", ("Ned Vale", "adviser"), False),
    ("Ned Vale, an adviser to Ada Obi, spoke on Monday.", ("Ned Vale", "adviser"), True),
])
def test_ex_split_from_its_title_is_past(nlp, text: str, role: tuple[str, str], current: bool) -> None:
    roles = roles_by_holder(text)
    assert role in roles, roles
    assert roles[role].current is current  # type: ignore[attr-defined]


@pytest.mark.parametrize(("text", "current", "end"), [
    # "until" a time before publication ends the post; a later time or none leaves it held
    ("Ada Obi, Ned Vale's chief of staff until last year, spoke on Monday.", False, "2015"),
    ("Ada Obi, Ned Vale's chief of staff until 2012, spoke on Monday.", False, "2012"),
    ("Ada Obi, Ned Vale's chief of staff until 2020, spoke on Monday.", True, None),
    ("Ada Obi, Ned Vale's chief of staff, spoke on Monday.", True, None),
])
def test_a_post_held_until_a_past_time_has_ended(nlp, text: str, current: bool, end: str | None) -> None:
    role = roles_by_holder(text)[("Ada Obi", "chief of staff")]
    assert role.current is current  # type: ignore[attr-defined]
    assert role.end == end  # type: ignore[attr-defined]


@pytest.mark.parametrize(("text", "role", "current"), [
    # leaving the legislature ends a legislator's seat named with no body
    ("Rep. Ada Obi told Mr. Vale last year, before leaving Congress, that the bill would fail.",
     ("Ada Obi", "representative"), False),
    ("Sen. Ada Obi left the Senate last month.", ("Ada Obi", "senator"), False),
    ("Sen. Ada Obi left the Senate floor in anger on Monday.", ("Ada Obi", "senator"), True),
    # leaving some other body or place ends no post named without it
    ("Rep. Ada Obi left the Harbor Bank board last month.", ("Ada Obi", "representative"), True),
    ("Coach Ada Obi left the stage in May.", ("Ada Obi", "coach"), True),
    ("Ada Obi, a member of the Harbor Bank board, left the board last month.", ("Ada Obi", "member"), False),
    ("Gov. Ada Obi left office last month.", ("Ada Obi", "governor"), False),
])
def test_leaving_ends_only_the_post_left(nlp, text: str, role: tuple[str, str], current: bool) -> None:
    roles = roles_by_holder(text)
    assert role in roles, roles
    assert roles[role].current is current  # type: ignore[attr-defined]


@pytest.mark.parametrize(("text", "title"), [
    # a bare title keeps the unnamed body it heads, in the article's words; a named body is the org
    ("Ada Obi, chair of the party's platform drafting committee, said the draft was done.",
     "chair of the party's platform drafting committee"),
    ("Ada Obi, chair of the board, spoke on Monday.", "chair"),  # "the board": one named before, or none
    ("Ada Obi, chair of the Harbor Bank board, spoke on Monday.", "chair"),
])
def test_a_bare_title_keeps_its_unnamed_body(nlp, text: str, title: str) -> None:
    roles = roles_by_holder(text)
    assert ("Ada Obi", title) in roles, roles


@pytest.mark.parametrize(("name", "broken"), [
    ("advocacy for the Harbor Union", True),  # a unit phrase, not a name
    ("Harbor Union", False),
    ("eBay", False),
])
def test_an_org_name_opening_on_a_common_word_is_broken(name: str, broken: bool) -> None:
    from dossier.pipeline.facts.roles import _broken_org

    records = {"o": {"name": name, "type": "ORG"}}
    facts = SimpleNamespace(records=records, type=lambda k: records[k]["type"])
    assert _broken_org(facts, "o") is broken  # type: ignore[arg-type]


@pytest.mark.parametrize(("text", "title"), [
    # a body's size before its name is no part of the seat's title
    ("In 2004, Ada Obi was elected to the seven member Harbor Council, the city's executive body.",
     "council member"),
    ("In 2004, Ada Obi was elected to the city council.", "city council member"),
])
def test_a_body_size_is_no_part_of_a_seat(nlp, text: str, title: str) -> None:
    roles = roles_by_holder(text)
    assert ("Ada Obi", title) in roles, roles


@pytest.mark.parametrize(("text", "current", "shown"), [
    # a campaign post in a sentence set years ago, before the holder is named: held now? unsaid
    ('He guarded the delegates at the convention in 1996, in what Ada Obi, a spokeswoman for Ned Vale\'s '
     'insurgent campaign, called "combat."', None, False),
    ("Ada Obi, a spokeswoman for Ned Vale's campaign, said Vale lost in 2012 but will win now.", True, True),
])
def test_a_campaign_post_in_a_scene_set_long_ago_is_not_current(nlp, text: str, current: bool | None,
                                                                 shown: bool) -> None:
    role = roles_by_holder(text)[("Ada Obi", "spokeswoman")]
    assert role.current is current  # type: ignore[attr-defined]
    assert (role.confidence >= 0.6) is shown  # type: ignore[attr-defined]


@pytest.mark.parametrize(("text", "role"), [
    # a minister's brief after "for" completes the title; a body after "for" does not
    ("The firm and Ruritania's secretary of state for the elderly, Ada Obi, confirmed the news.",
     ("Ada Obi", "secretary of state for the elderly")),
    ("Ada Obi, the minister for higher education, spoke on Monday.", ("Ada Obi", "minister for higher education")),
    ("Bo Lane, the secretary for the club, spoke on Monday.", ("Bo Lane", "secretary")),
    ("Ada Obi, who was secretary of state for four years, spoke.", ("Ada Obi", "secretary of state")),
])
def test_a_ministers_brief_after_for_is_part_of_the_title(nlp, text: str, role: tuple[str, str]) -> None:
    roles = roles_by_holder(text)
    assert role in roles, roles
