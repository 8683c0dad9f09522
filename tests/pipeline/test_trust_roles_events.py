"""Issue 11, roles and events, on invented sentences about fictional people.

Each table puts a sentence that states the fact beside look-alikes that do not: a possibility,
a call or a supposition (class 2), a figurative or nominal trigger (class 3), a title that is
no longer held or a truncated organisation (class 4). A look-alike gives no fact of that kind,
or one that is not asserted / not shown as current.
"""

from __future__ import annotations

import pytest

pytestmark = pytest.mark.slow


def _graph(text: str):  # type: ignore[no-untyped-def]
    from dossier.extraction import extract

    return extract(text, published="2016-10-12")


def _events(text: str, typ: str) -> list[str | None]:
    """Agents of the asserted or attributed events of ``typ``."""
    g = _graph(text)
    names = {e.id: e.name for e in g.entities}
    return [names.get(p.entity) for e in g.events if e.type == typ and e.status in {"asserted", "attributed"}
            for p in e.participants if p.role == "agent"]


def _shown_events(text: str, typ: str) -> list[str | None]:
    """Agents of the events of ``typ`` a user sees by default (confidence threshold applied)."""
    from dossier.confidence import DEFAULT_MIN_CONFIDENCE

    g = _graph(text)
    names = {e.id: e.name for e in g.entities}
    return [names.get(p.entity) for e in g.events if e.type == typ and e.status != "hypothetical"
            and (e.confidence or 0) >= DEFAULT_MIN_CONFIDENCE for p in e.participants if p.role == "agent"]


def _roles(text: str) -> dict[tuple[str | None, str], bool | None]:
    """(person, title) -> current, for every role."""
    g = _graph(text)
    names = {e.id: e.name for e in g.entities}
    return {(names.get(r.person), r.title): r.current for r in g.roles}


# class 2: calls, predictions, suppositions ------------------------------------------------------

MODAL_EVENTS = [
    ("Governor Ada Ortiz resigned on Monday.", "resignation", ["Ada Ortiz"]),
    ("Senator Bo Lane said Governor Ada Ortiz should resign.", "resignation", []),
    ("\"For that reason alone, she should step down,\" Bo Lane said of Ada Ortiz.", "resignation", []),
    ("Ada Ortiz won the Vermont primary on Tuesday.", "election.win", ["Ada Ortiz"]),
    ("Ada Ortiz will likely win the Vermont primary, a county official predicted.", "election.win", []),
    ("Ada Ortiz could win Vermont and still lose the nomination.", "election.loss", []),
    ("Bo Lane said he would visit Port Vale in case Ada Ortiz wins the race.", "election.win", []),
    ("So let's assume for the moment that Ada Ortiz gets elected and her plan becomes law.", "election.win", []),
    ("Bo Lane endorsed Ada Ortiz on Thursday.", "endorsement", ["Bo Lane"]),
    ("The deal is an agreement that would see Bo Lane endorse Ada Ortiz next week.", "endorsement", []),
    ("Bo Lane is going to endorse Ada Ortiz, his aides say.", "endorsement", []),
    ("Bo Lane announced that he will retire from the Senate.", "retirement", ["Bo Lane"]),
    ("Sen. Ada Ortiz, who endorsed Bo Lane two weeks ago, spoke on Monday.", "endorsement", ["Ada Ortiz"]),
]


@pytest.mark.parametrize(("text", "typ", "agents"), MODAL_EVENTS)
def test_a_call_or_a_prediction_is_no_event(nlp, text: str, typ: str, agents: list[str]) -> None:
    assert _events(text, typ) == agents


# class 3: figurative triggers -------------------------------------------------------------------

FIGURATIVE_EVENTS = [
    ("Ada Ortiz called Bo Lane on Sunday to concede the race.", "contact.phone_call", ["Ada Ortiz"]),
    ("Ada Ortiz telephoned Bo Lane after the debate.", "contact.phone_call", ["Ada Ortiz"]),
    ("Ada Ortiz called Bo Lane \"my partner in this campaign.\"", "contact.phone_call", []),
    ("At the time, Ada Ortiz called Bo Lane, a former trucking boss, an outstanding leader.",
     "contact.phone_call", []),
    ("Ada Ortiz donated $2,700 to the Lane campaign.", "donation", ["Ada Ortiz"]),
    ("Tom Reyes contributed to this story.", "donation", []),
    ("Mayor Ada Ortiz contributed to Bo Lane's primary win by sending volunteers.", "donation", []),
    ("She relied on savings after giving birth to her son, Ada Ortiz said.", "donation", []),
    ("Bo Lane endorsed Ada Ortiz for mayor.", "endorsement", ["Bo Lane"]),
    ("Bo Lane and Ada Ortiz endorsed the compromise on Monday.", "endorsement", []),
    ("Bo Lane campaigned for Ada Ortiz in Port Vale.", "political.campaigning", ["Bo Lane"]),
    ("Ada Ortiz had campaigned for paid family leave.", "political.campaigning", []),
    ("Sen. Ada Ortiz spent Saturday knocking on doors in Port Vale for a candidate she knows well.",
     "political.campaigning", ["Ada Ortiz"]),
    ("Bo Lane dropped out of the race on Monday.", "candidacy.withdrawal", ["Bo Lane"]),
    ("Afterward, Bo Lane mostly dropped out of the public eye.", "candidacy.withdrawal", []),
    ("Ada Ortiz conceded the race on Wednesday night.", "concession", ["Ada Ortiz"]),
    ("\"We know how the state will go,\" Lane adviser Ada Ortiz conceded in an interview.", "concession", []),
    ("Ada Ortiz won the Vermont primary.", "election.win", ["Ada Ortiz"]),
    ("Ada Ortiz won just 470,000 votes nationally.", "election.win", []),
    ("Karl Berg died on Monday.", "death", ["Karl Berg"]),
    ("The attack left Ambassador Karl Berg and three aides dead.", "death", ["Karl Berg"]),
    ("The Whigs died, but the party's ideas survived.", "death", []),
]


@pytest.mark.parametrize(("text", "typ", "agents"), FIGURATIVE_EVENTS)
def test_figurative_triggers_are_no_events(nlp, text: str, typ: str, agents: list[str]) -> None:
    assert _shown_events(text, typ) == agents


APPOINTMENTS = [
    ("The Harbor Trust named Ada Ortiz as its chief executive in May.", ["Ada Ortiz"]),
    ("Bo Lane was named chairman of the Port Vale board.", ["Bo Lane"]),
    ("Harbor Freight, the trucking company, named Ada Ortiz as its chief executive on Thursday.", ["Ada Ortiz"]),
    ("The senator was rallying for a retired teacher named Ada Ortiz.", []),
    ("Bo Lane named Ada Ortiz when asked to pick a possible running mate.", []),
    ("The report named Port Vale as the most dangerous city in the state.", []),
    ("Ada Ortiz appointed dozens of her supporters to the committees.", []),
    ("Bo Lane questioned how Ada Ortiz had chosen her discretionary appointments.", []),
    ("Ada Ortiz recovered after her tough nomination battle with Bo Lane.", []),
]


@pytest.mark.parametrize(("text", "agents"), APPOINTMENTS)
def test_an_appointment_needs_a_post(nlp, text: str, agents: list[str]) -> None:
    assert _shown_events(text, "appointment") == agents


# class 4: roles that are no longer held, truncated organisations ---------------------------------

ROLE_STATUS = [
    ("Retired Rep. Ada Ortiz spoke on Monday.", ("Ada Ortiz", "representative"), False),
    ("Ada Ortiz, a retired Army officer, taught at the academy.", ("Ada Ortiz", "officer"), False),
    ("Sen. Ada Ortiz spoke on Monday.", ("Ada Ortiz", "senator"), True),
    ("Bo Lane, Ada Ortiz's chief strategist in her 2012 campaign, said so.", ("Bo Lane", "chief strategist"), False),
    ("Bo Lane, Ada Ortiz's chief strategist, said so.", ("Bo Lane", "chief strategist"), True),
    ("In 1964, Gov. Ada Ortiz toured the state.", ("Ada Ortiz", "governor"), None),
    ("On Monday, Gov. Ada Ortiz toured the state.", ("Ada Ortiz", "governor"), True),
    ("The attack left Ambassador Karl Berg and two aides dead.", ("Karl Berg", "ambassador"), False),
    ("\"I have seen Secretary Ada Ortiz work hard,\" Bo Lane said.", ("Ada Ortiz", "secretary"), None),
    ("Former Treasurer Ada Ortiz spoke first. Later, Treasurer Ortiz took questions.", ("Ada Ortiz", "treasurer"),
     False),
]


@pytest.mark.parametrize(("text", "role", "current"), ROLE_STATUS)
def test_a_role_is_current_only_when_the_text_says_so(nlp, text: str, role: tuple[str, str],
                                                      current: bool | None) -> None:
    roles = _roles(text)
    assert role in roles, roles
    assert roles[role] is current


def test_a_courtesy_title_of_a_former_holder_is_not_current(nlp) -> None:
    roles = _roles("Ada Ortiz, the former secretary of state, spoke. Later, Secretary Ortiz took questions.")
    assert roles.get(("Ada Ortiz", "secretary of state")) is False
    assert roles.get(("Ada Ortiz", "secretary")) is not True


QUOTED_TITLES = [
    ("The crowd cheered for Sen. Bo Lane on Friday.", True),
    ("The band got the crowd to cheer for \"President Bo Lane.\"", False),
]


@pytest.mark.parametrize(("text", "role"), QUOTED_TITLES)
def test_a_title_chanted_in_quotes_is_no_role(nlp, text: str, role: bool) -> None:
    assert bool([t for p, t in _roles(text) if p == "Bo Lane"]) is role


ORGS = [
    ("Ada Ortiz, a member of the Congressional Black Caucus, spoke.", "Congressional Black Caucus"),
    ("Bo Lane, president of the Port Vale Police Patrolmen's Association, spoke.", None),
]


@pytest.mark.parametrize(("text", "org"), ORGS)
def test_an_organisation_is_named_in_full_or_not_at_all(nlp, text: str, org: str | None) -> None:
    g = _graph(text)
    names = {e.id: e.name for e in g.entities}
    orgs = [names.get(r.org) for r in g.roles if r.org]
    assert orgs == ([org] if org else []), orgs
