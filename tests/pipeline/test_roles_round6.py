"""Roles a user can trust (issue 11), round 6: invented sentences about fictional people.

Each table puts a sentence that states the role beside a look-alike that does not: "former" before
a named employer, a campaign of a past year, a departure still to come, a form of address, a part in
an event, a rank or ministry cut short, an organisation typed as a place, a subject taken for a place.
"""

from __future__ import annotations

import pytest

from .role_cases import roles_by_holder

pytestmark = pytest.mark.slow



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
    roles = roles_by_holder(text)
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
    assert (role in roles_by_holder(text)) is present


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
    assert (role in roles_by_holder(text)) is present


WHERE = [
    # an organisation typed as a place is the organisation; a subject after "on" is no place
    ("Bo Lane, a former executive director of the South Carolina Republican Party, said so.",
     ("Bo Lane", "executive director"), "South Carolina Republican Party", None),
    ("Kim Vale, the mayor of Port Vale, spoke.", ("Kim Vale", "mayor"), None, "Port Vale"),
    ("Karl Berg, a former adviser on Syria in the administration, said so.", ("Karl Berg", "adviser"), None, None),
    ("Karl Berg, a former ambassador to Syria, said so.", ("Karl Berg", "ambassador"), None, "Syria"),
    # a generic title takes the employer named inside its phrase
    ("Bo Lane, a former IBM head of global human resources, said so.",
     ("Bo Lane", "head of global human resources"), "IBM", None),
    ("Kim Vale, the former Treasury secretary, opined on the world.", ("Kim Vale", "secretary"), "Treasury", None),
]


@pytest.mark.parametrize(("text", "role", "org", "place"), WHERE)
def test_org_and_place_are_where_the_post_is_held(nlp, text: str, role: tuple[str, str], org: str | None,
                                                  place: str | None) -> None:
    roles = roles_by_holder(text)
    assert role in roles, roles
    r = roles[role]
    assert (r.org_name, r.place_name) == (org, place)  # type: ignore[attr-defined]


TIME = [
    # a time fronted before the first comma sets every clause after it, however it was parsed
    ("In 1999, a year after managing the case against President Tom Vale, Rep. Bo Lane lined up with his wife.",
     ("Bo Lane", "representative"), None),
    ("In May, a week after meeting President Tom Vale, Rep. Bo Lane lined up with his wife.",
     ("Bo Lane", "representative"), True),
    ("Back in 1999, Gov. Kim Vale signed a law with Rep. Bo Lane.", ("Bo Lane", "representative"), None),
    ("Back in May, Gov. Kim Vale signed a law.", ("Kim Vale", "governor"), True),
    # "now" in the phrase says the post is held today, whatever the sentence's time
    ("In 2012, Ada Obi hired Bo Lane, now the city's chief of staff, as an intern.", ("Bo Lane", "chief of staff"),
     True),
    # "retired" is said of its own phrase, not of a second one with its own article
    ("Kim Vale is a retired marketing executive in Tucson and a fellow with the Harbor Project.",
     ("Kim Vale", "fellow"), True),
    ("Kim Vale is a former governor and two-term mayor.", ("Kim Vale", "mayor"), False),
]


@pytest.mark.parametrize(("text", "role", "current"), TIME)
def test_the_time_of_a_title_is_its_own(nlp, text: str, role: tuple[str, str], current: bool | None) -> None:
    roles = roles_by_holder(text)
    assert role in roles, roles
    assert roles[role].current is current  # type: ignore[attr-defined]


SHOWN = [
    # a head-of-state title after a name we did not link lost its organisation
    ("American Beacon President Kim Vale issued a statement.", ("Kim Vale", "president"), False),
    ("Russian President Kim Vale issued a statement.", ("Kim Vale", "president"), True),
]


@pytest.mark.parametrize(("text", "role", "shown"), SHOWN)
def test_a_title_whose_organisation_was_lost_is_hidden(nlp, text: str, role: tuple[str, str], shown: bool) -> None:
    from dossier.confidence import DEFAULT_MIN_CONFIDENCE

    roles = roles_by_holder(text)
    assert role in roles, roles
    assert ((roles[role].confidence or 0) >= DEFAULT_MIN_CONFIDENCE) is shown  # type: ignore[attr-defined]


STATUS = [
    # the writer's title for someone inside a hedged reported clause is the writer's own
    ("Bo Lane says that he would probably replace Federal Reserve Chair Kim Vale.", ("Kim Vale", "chair"), True),
    # inside quotation marks the title is the speaker's words
    ('"I would probably replace Chair Kim Vale," Bo Lane said.', ("Kim Vale", "chair"), False),
]


@pytest.mark.parametrize(("text", "role", "asserted"), STATUS)
def test_a_title_does_not_take_its_clause_hedge(nlp, text: str, role: tuple[str, str], asserted: bool) -> None:
    roles = roles_by_holder(text)
    assert role in roles, roles
    assert (roles[role].status == "asserted") is asserted  # type: ignore[attr-defined]


def test_a_title_read_twice_in_one_sentence_keeps_its_former() -> None:
    from dossier.graph import Role, Span
    from dossier.pipeline.facts.roles import _courtesy_titles

    ev, other = Span(10, 90, "x"), Span(200, 260, "y")
    long = Role(person="p", title="state chair", current=False, evidence=ev)
    short = Role(person="p", title="chair", current=True, evidence=ev)
    later = Role(person="q", title="chair", current=True, evidence=other)
    past = Role(person="q", title="party chair", current=False, evidence=ev)
    roles = {("p", "state chair"): long, ("p", "chair"): short, ("q", "chair"): later, ("q", "party chair"): past}
    _courtesy_titles(roles)
    assert short.current is False  # the same sentence: the same post, "former" and all
    assert later.current is None  # another sentence: a courtesy title, held now unsaid


def test_a_sentence_opening_word_is_no_lost_organisation(nlp) -> None:
    from dossier.confidence import DEFAULT_MIN_CONFIDENCE

    roles = roles_by_holder("After President Kim Vale's second inauguration, a user posted a video.")
    assert (roles[("Kim Vale", "president")].confidence or 0) >= DEFAULT_MIN_CONFIDENCE  # type: ignore[attr-defined]


HOLDER = [
    # a description whose title names another person of its sentence is theirs, not the paragraph's subject
    ("Senator Tom Reyes has persuaded donors. The thing that Mr. Reyes most needs, aides said, is for Gov. Bo "
     "Lane of Ohio to quit the campaign - which the Ohio governor has shown little inclination to do.",
     ("Tom Reyes", "governor"), False),
    ("Senator Tom Reyes has persuaded donors. The thing that Mr. Reyes most needs, aides said, is for Gov. Bo "
     "Lane of Ohio to quit the campaign - which the Ohio governor has shown little inclination to do.",
     ("Bo Lane", "governor"), True),
    # a name that is the subject of a clause about the title is not its holder
    ("Kim Vale attacked the judge. The federal judge Vale was referring to is Tom Reyes.", ("Kim Vale", "judge"),
     False),
    ("Judge Kim Vale ruled on Monday.", ("Kim Vale", "judge"), True),
]


@pytest.mark.parametrize(("text", "role", "present"), HOLDER)
def test_a_title_goes_to_its_holder(nlp, text: str, role: tuple[str, str], present: bool) -> None:
    assert (role in roles_by_holder(text)) is present


def test_a_firm_rank_is_no_office_of_state(nlp) -> None:
    from dossier.confidence import DEFAULT_MIN_CONFIDENCE

    ranked = roles_by_holder("Rather than a rise, said Kim Vale, senior vice president for sustainability, "
                             "the firm wants less.")
    state = roles_by_holder("Kim Vale, the vice president, spoke on Monday.")
    assert (ranked[("Kim Vale", "senior vice president")].confidence or 0) < DEFAULT_MIN_CONFIDENCE  # type: ignore[attr-defined]
    assert (state[("Kim Vale", "vice president")].confidence or 0) >= DEFAULT_MIN_CONFIDENCE  # type: ignore[attr-defined]


@pytest.mark.parametrize(("text", "current"), [
    ("Tom Reyes. The former Florida governor took just 6 percent of the vote in a poll released Sunday.", False),
    ("Tom Reyes. The Florida governor took just 6 percent of the vote in a poll released Sunday.", None),
])
def test_a_description_keeps_its_former(nlp, text: str, current: bool | None) -> None:
    roles = roles_by_holder(text)
    assert roles[("Tom Reyes", "governor")].current is current  # type: ignore[attr-defined]


PORTFOLIOS = [
    # a bare portfolio after "of" completes a minister's title; a body with an article does not
    ("I welcome a debate, said Tom Reyes, the secretary of labor.", ("Tom Reyes", "secretary of labor"), True),
    ("Bo Lane, the secretary of the rowing club, spoke.", ("Bo Lane", "secretary"), True),
    ("Kim Vale, the minister of homeland security, spoke.", ("Kim Vale", "minister of homeland security"), True),
    ("Kim Vale, the minister of homeland security, spoke.", ("Kim Vale", "minister"), False),
]


@pytest.mark.parametrize(("text", "role", "present"), PORTFOLIOS)
def test_a_portfolio_completes_a_ministers_title(nlp, text: str, role: tuple[str, str], present: bool) -> None:
    assert (role in roles_by_holder(text)) is present


@pytest.mark.parametrize(("text", "current"), [
    ("That saved us, said Kim Vale, the provincial minister of finance at the time the tax was introduced.", False),
    ("That saved us, said Kim Vale, the provincial minister of finance.", True),
])
def test_a_title_held_at_the_time_is_not_current(nlp, text: str, current: bool) -> None:
    roles = roles_by_holder(text)
    assert roles[("Kim Vale", "provincial minister of finance")].current is current  # type: ignore[attr-defined]


@pytest.mark.parametrize(("text", "when"), [
    ("Tom Vale praised the memo his budget director, Kim Lane, sent last week, in which the office took credit "
     "for the cuts.", None),
    ("Kim Lane, Mayor Obi's 2012 budget director, resigned.", "2012"),
])
def test_a_time_of_a_clause_on_the_title_is_not_the_posts(nlp, text: str, when: str | None) -> None:
    roles = {t: r for (_, t), r in roles_by_holder(text).items()}
    r = roles.get("budget director")
    assert r is not None, roles
    assert r.when == when  # type: ignore[attr-defined]


@pytest.mark.parametrize(("text", "role", "shown"), [
    # a post guessed at is kept but hidden; one a person was appointed to is shown
    ("Would-be President Kim Vale spoke.", ("Kim Vale", "president"), False),
    ("Kim Vale, the next president, spoke.", ("Kim Vale", "president"), False),
    ("Kim Vale, the incoming ambassador, spoke.", ("Kim Vale", "ambassador"), True),
    ("The board named Kim Vale as its next provost.", ("Kim Vale", "provost"), True),
])
def test_a_post_guessed_at_is_hidden(nlp, text: str, role: tuple[str, str], shown: bool) -> None:
    from dossier.confidence import DEFAULT_MIN_CONFIDENCE

    roles = roles_by_holder(text)
    assert role in roles, roles
    assert ((roles[role].confidence or 0) >= DEFAULT_MIN_CONFIDENCE) is shown  # type: ignore[attr-defined]


@pytest.mark.parametrize(("text", "current"), [
    # "then" before an apposition dates it, wherever the parser put the adverb
    ("Bo Lane praised Kim Vale, then the mayor of Port Vale, for the plan.", False),
    ("Bo Lane praised Kim Vale, the mayor of Port Vale, for the plan.", True),
])
def test_then_before_an_apposition_dates_it(nlp, text: str, current: bool) -> None:
    assert roles_by_holder(text)[("Kim Vale", "mayor")].current is current  # type: ignore[attr-defined]


@pytest.mark.parametrize(("text", "role", "present"), [
    # a capitalised name we did not link is no part of an apposition's title; a capitalised title is
    ("Kim Vale, an Obi delegate from Ohio, spoke.", ("Kim Vale", "delegate"), True),
    ("Kim Vale, an Obi delegate from Ohio, spoke.", ("Kim Vale", "obi delegate"), False),
    ("Kim Vale, the Attorney General, spoke.", ("Kim Vale", "attorney general"), True),
    ("Kim Vale, the Vice President, spoke.", ("Kim Vale", "vice president"), True),
])
def test_an_unlinked_name_is_no_part_of_a_title(nlp, text: str, role: tuple[str, str], present: bool) -> None:
    assert (role in roles_by_holder(text)) is present


def test_an_organisation_typed_as_a_place_inside_a_title_is_the_org(nlp) -> None:
    r = roles_by_holder("Kim Vale, a Harbor Bank vice president, spoke.")[("Kim Vale", "vice president")]
    assert (r.org_name, r.place_name) == ("Harbor Bank", None)  # type: ignore[attr-defined]


@pytest.mark.parametrize(("text", "role", "current"), [
    # a hyphenated past modifier split in three tokens still says the post is over
    ("Kim Vale, a one-time aide to Ada Obi, spoke.", ("Kim Vale", "aide"), False),
    ("One-time Gov. Kim Vale spoke.", ("Kim Vale", "governor"), False),
    ("Kim Vale, a two-term mayor, spoke.", ("Kim Vale", "mayor"), True),
    # dismissed in the past: the post is lost; a dismissal that may come is not
    ("Kim Vale, the campaign manager who was fired in June, spoke.", ("Kim Vale", "campaign manager"), False),
    ("Kim Vale, the campaign manager who could be fired in June, spoke.", ("Kim Vale", "campaign manager"), True),
])
def test_a_post_ended_by_a_modifier_or_a_dismissal(nlp, text: str, role: tuple[str, str], current: bool) -> None:
    roles = roles_by_holder(text)
    assert role in roles, roles
    assert roles[role].current is current  # type: ignore[attr-defined]


@pytest.mark.parametrize(("text", "role", "present"), [
    # praise or blame is not a post
    ("Obi said that Kim Vale is the best mayor the city has had.", ("Kim Vale", "best mayor"), False),
    ("Obi called Kim Vale the real mayor of the city.", ("Kim Vale", "real mayor"), False),
    # a superlative describes the holder and is no part of the title
    ("Kim Vale, the youngest mayor in the city's history, spoke.", ("Kim Vale", "mayor"), True),
])
def test_praise_is_no_post(nlp, text: str, role: tuple[str, str], present: bool) -> None:
    assert (role in roles_by_holder(text)) is present


@pytest.mark.parametrize(("text", "role", "shown"), [
    # "a President X" supposes a holder; the article of a following noun does not
    ("Obi fears a President Kim Vale.", ("Kim Vale", "president"), False),
    ("Ada Obi, a Republican Sen. Kim Vale ally, spoke.", ("Kim Vale", "senator"), True),
    ("A former Gov. Kim Vale aide spoke.", ("Kim Vale", "governor"), True),
    ("Obi met a former President Kim Vale.", ("Kim Vale", "president"), True),
])
def test_a_supposed_holder_is_hidden(nlp, text: str, role: tuple[str, str], shown: bool) -> None:
    from dossier.confidence import DEFAULT_MIN_CONFIDENCE

    roles = roles_by_holder(text)
    assert role in roles, roles
    assert ((roles[role].confidence or 0) >= DEFAULT_MIN_CONFIDENCE) is shown  # type: ignore[attr-defined]


@pytest.mark.parametrize(("name", "wrong"), [
    ("Harbor Policy Center", True), ("HP", True), ("Kim Vale", False), ("Bo", False), ("Tom O'Reyes", False),
])
def test_an_organisation_typed_as_a_person_holds_no_post(name: str, wrong: bool) -> None:
    from types import SimpleNamespace

    from dossier.pipeline.facts.roles import _not_a_person

    facts = SimpleNamespace(records={"p": {"name": name}})
    assert _not_a_person(facts, "p") is wrong  # type: ignore[arg-type]


@pytest.mark.parametrize(("key", "typ"), [
    ("vale_place", "PERSON"),  # a "place" named as a person of the article is the person
    ("harbor", "GPE"),
    ("center", "ORG"),  # a "place" whose name ends like a body is the organisation
])
def test_a_place_named_like_a_person_or_a_body_is_not_a_place(key: str, typ: str) -> None:
    from types import SimpleNamespace

    from dossier.pipeline.facts.roles import _place_or_org

    records = {"vale_place": {"name": "Vale", "type": "GPE"}, "vale": {"name": "Vale", "type": "PERSON"},
               "harbor": {"name": "Port Harbor", "type": "GPE"},
               "center": {"name": "Harbor Policy Center", "type": "GPE"}}
    facts = SimpleNamespace(records=records, type=lambda k: records.get(k or "", {}).get("type"))
    assert _place_or_org(facts, key) == typ  # type: ignore[arg-type]


@pytest.mark.parametrize(("text", "current"), [
    # a departure told as a gerund in a past clause has happened; in a future one it has not
    ("Rep. Ada Obi met Mr. Vale last year after leaving Congress.", False),
    ("Rep. Ada Obi will meet Mr. Vale after leaving Congress.", True),
])
def test_a_past_gerund_departure_ends_the_post(nlp, text: str, current: bool) -> None:
    assert roles_by_holder(text)[("Ada Obi", "representative")].current is current  # type: ignore[attr-defined]


@pytest.mark.parametrize(("text", "org"), [
    # a body named before its common noun is that body, not one named earlier
    ("The Harbor Retail Federation opposed the rule. Paul Port, a truck driver who is a member of the Teamsters "
     "union, favored it.", "Teamsters"),
    ("The Harbor Retail Federation opposed the rule. Paul Port, who is a member of the federation, favored it.",
     "Harbor Retail Federation"),
    ("The Harbor Retail Federation opposed the rule. Paul Port, a member of the Kelby Rowing club, favored it.",
     None),
])
def test_a_body_with_its_own_name_is_not_an_earlier_one(nlp, text: str, org: str | None) -> None:
    assert roles_by_holder(text)[("Paul Port", "member")].org_name == org  # type: ignore[attr-defined]


@pytest.mark.parametrize(("text", "role", "current"), [
    # a dismissal verb in its physical sense ends no post
    ("Sheriff Kim Vale was fired upon by a gunman on Monday.", ("Kim Vale", "sheriff"), True),
    ("Councilwoman Kim Vale was removed from the stage by police on Monday.", ("Kim Vale", "councilwoman"), True),
    ("Coach Kim Vale was fired on Monday.", ("Kim Vale", "coach"), False),
    ("Councilwoman Kim Vale was removed from office on Monday.", ("Kim Vale", "councilwoman"), False),
])
def test_a_dismissal_verb_in_its_physical_sense_ends_no_post(nlp, text: str, role: tuple[str, str],
                                                             current: bool) -> None:
    roles = roles_by_holder(text)
    assert role in roles, roles
    assert roles[role].current is current  # type: ignore[attr-defined]


@pytest.mark.parametrize(("text", "title"), [
    # a capitalised word of a known longer title is part of it, unlike a name we did not link
    ("Kim Vale, the firm's Chief Operating Officer, spoke on Monday.", "chief operating officer"),
    ("Kim Vale, the Chief Financial Officer of Harbor Bank, spoke on Monday.", "chief financial officer"),
    ("Kim Vale, an Obi delegate, spoke on Monday.", "delegate"),
])
def test_a_capitalised_word_of_a_known_title_stays_in_it(nlp, text: str, title: str) -> None:
    roles = roles_by_holder(text)
    assert ("Kim Vale", title) in roles, roles
