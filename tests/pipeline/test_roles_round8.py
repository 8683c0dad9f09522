"""Roles a user can trust (issue 11), round 8: invented sentences about fictional people.

Each table puts a sentence that states the role beside a look-alike that does not: "former" said of a title
across a hyphenated word, a run of names or a coordination.
"""

from __future__ import annotations

import pytest

from .role_cases import roles_by_holder

pytestmark = pytest.mark.slow


@pytest.mark.parametrize(("text", "role", "current"), [
    # "former" before a hyphenated word, a place or a body's name still says the post is over
    ("Bo Lane, a former two-term Ohio governor, sits at 10 percent.", ("Bo Lane", "governor"), False),
    ("Bo Lane, a two-term Ohio governor, sits at 10 percent.", ("Bo Lane", "governor"), True),
    ("Bo Lane, a former two-term governor, spoke on Monday.", ("Bo Lane", "governor"), False),
    ("Bo Lane, a two-term governor, spoke on Monday.", ("Bo Lane", "governor"), True),
    ("Ada Obi, Lane’s former Office of Management and Budget director, decamped to Harbor Bank.",
     ("Ada Obi", "director"), False),
    ("Ada Obi, Lane’s former budget director, decamped to Harbor Bank.", ("Ada Obi", "budget director"), False),
    ("Ada Obi, Lane’s budget director, decamped to Harbor Bank.", ("Ada Obi", "budget director"), True),
    # "former" conjoined with another modifier, and shared by the conjoined title
    ('"It is fine," said Bo Lane, a Republican and former Ohio governor and senator.',
     ("Bo Lane", "governor"), False),
    ('"It is fine," said Bo Lane, a Republican and former Ohio governor and senator.',
     ("Bo Lane", "senator"), False),
    ('"It is fine," said Bo Lane, a Republican and Ohio governor.', ("Bo Lane", "governor"), True),
])
def test_former_reaches_the_title_across_names_and_hyphens(nlp, text: str, role: tuple[str, str],
                                                          current: bool) -> None:
    roles = roles_by_holder(text)
    assert role in roles, roles
    assert roles[role].current is current  # type: ignore[attr-defined]
    assert roles[role].confidence >= 0.6  # type: ignore[attr-defined]


@pytest.mark.parametrize(("text", "role", "shown"), [
    # a holder known by a first name alone: a name cut short, or one given the way kin are named
    ("“Obi and (then House Majority Leader Tom) DeLay were unyielding,” said Bo Lane.", ("Tom", "majority leader"),
     False),
    ("Voters watch Bo Lane clash with Megyn Kelly, a star anchor at Fox News.", ("Kelly", "star anchor"), False),
    ("Bo Lane's wife, Kathryn, is a trustee of the Environmental Defense Fund.", ("Kathryn", "trustee"), False),
    # a one-word name after a title is a surname; a full name is no first name alone
    ("Gov. Lane spoke on Monday.", ("Lane", "governor"), True),
    ("Bo Lane's wife, Kathryn Lane, is a trustee of the Environmental Defense Fund.",
     ("Kathryn Lane", "trustee"), True),
])
def test_a_holder_named_by_a_first_name_alone_is_hidden(nlp, text: str, role: tuple[str, str], shown: bool) -> None:
    roles = roles_by_holder(text)
    assert role in roles, roles
    assert (roles[role].confidence >= 0.6) is shown  # type: ignore[attr-defined]


def test_a_description_of_a_post_never_given_to_a_titled_person_is_hidden(nlp) -> None:
    # "the former secretary of state" resolved to the adviser named before it: another person's post
    roles = roles_by_holder("Ada Obi is running for president. This one featured Bo Lane, Gov. Rita Holt’s former top "
                            "adviser, who logged on to correct the record against the former secretary of state as "
                            "she doubled down.")
    assert ("Bo Lane", "adviser") in roles, roles
    assert roles[("Bo Lane", "adviser")].confidence >= 0.6  # type: ignore[attr-defined]
    assert roles[("Bo Lane", "secretary of state")].confidence < 0.6  # type: ignore[attr-defined]


@pytest.mark.parametrize(("stated", "shown"), [
    ([("bo_lane", "adviser")], False),  # Lane is given other posts, never this one
    ([("bo_lane", "senator")], True),  # Lane is given this post by name ("Sen. Lane")
    ([], True),  # Lane is given no post: the description is the article's only word on him
])
def test_a_description_is_kept_when_it_agrees_with_the_posts_given_by_name(stated: list[tuple[str, str]],
                                                                           shown: bool) -> None:
    from dossier.graph import Role
    from dossier.pipeline.facts.roles import _uncorroborated_descriptors

    key = ("bo_lane", "vermont senator")
    roles = {key: Role(person="bo_lane", title="vermont senator", confidence=0.8)}
    _uncorroborated_descriptors(roles, {key}, set(stated))
    assert (roles[key].confidence >= 0.6) is shown  # type: ignore[operator]


@pytest.mark.parametrize(("text", "current"), [
    # joining a board is taking a seat: past tense says when it started, not that it ended
    ("Bo Lane joined the board of Vale Bank last week.", True),
    ("Bo Lane joined the board of Vale Bank in 2009.", None),
    ("Bo Lane joined the board of Vale Bank in 2009 and left it in 2012.", False),
    ("Bo Lane sat on the board of Vale Bank in 2009.", False),
])
def test_a_seat_joined_in_the_past_is_not_over(nlp, text: str, current: bool | None) -> None:
    roles = roles_by_holder(text)
    assert ("Bo Lane", "board member") in roles, roles
    assert roles[("Bo Lane", "board member")].current is current  # type: ignore[attr-defined]


@pytest.mark.parametrize(("text", "role", "current"), [
    # a loss asked for has not happened: the post is held still
    ("Bo Lane used his speech to call for the resignation of President Ada Obi.", ("Ada Obi", "president"), True),
    ("Protesters demanded the ouster of Gov. Ada Obi on Monday.", ("Ada Obi", "governor"), True),
    ("Bo Lane welcomed the resignation of President Ada Obi on Monday.", ("Ada Obi", "president"), False),
])
def test_a_loss_of_post_asked_for_ends_no_post(nlp, text: str, role: tuple[str, str], current: bool) -> None:
    roles = roles_by_holder(text)
    assert role in roles, roles
    assert roles[role].current is current  # type: ignore[attr-defined]


def test_a_description_agrees_with_a_post_of_the_same_head() -> None:
    from dossier.graph import Role
    from dossier.pipeline.facts.roles import _uncorroborated_descriptors

    # "Secretary Obi" and "the former secretary of state": one post, named twice
    key = ("ada_obi", "secretary of state")
    roles = {key: Role(person="ada_obi", title="secretary of state", confidence=0.8)}
    _uncorroborated_descriptors(roles, {key}, {("ada_obi", "secretary")})
    assert roles[key].confidence == 0.8


@pytest.mark.parametrize(("text", "role"), [
    # a post someone fears or hopes another will take is not taken
    ("Horrified at the prospect of Bo Lane becoming president, Ada Obi backs the union.", None),
    ("Horrified that Bo Lane became president, Ada Obi backs the union.", ("Bo Lane", "president")),
])
def test_a_post_in_a_prospect_is_not_held(nlp, text: str, role: tuple[str, str] | None) -> None:
    roles = roles_by_holder(text)
    if role is None:
        assert not any(t == "president" for _, t in roles), roles
    else:
        assert role in roles, roles


@pytest.mark.parametrize(("text", "title"), [
    # fame is said of the holder, not of the post
    ("Her boss, Ada Obi, the legendary chairman of Harbor Bank, had an apartment there.", "chair"),
    ("Her boss, Ada Obi, the chairman of Harbor Bank, had an apartment there.", "chair"),
])
def test_fame_is_no_part_of_a_title(nlp, text: str, title: str) -> None:
    roles = roles_by_holder(text)
    assert ("Ada Obi", title) in roles, roles


@pytest.mark.parametrize(("text", "current"), [
    # a relative clause telling the holder's death ends the post, and its year is not the post's
    ("Her boss, Ada Obi, the legendary chairman of Harbor Bank, who died in 2014, had an apartment there.", False),
    ("Her boss, Ada Obi, the chairman of Harbor Bank, who joined in 2014, had an apartment there.", True),
])
def test_a_holder_who_died_holds_no_post(nlp, text: str, current: bool) -> None:
    roles = roles_by_holder(text)
    assert ("Ada Obi", "chair") in roles, roles
    assert roles[("Ada Obi", "chair")].current is current  # type: ignore[attr-defined]
    assert roles[("Ada Obi", "chair")].when is None  # type: ignore[attr-defined]
