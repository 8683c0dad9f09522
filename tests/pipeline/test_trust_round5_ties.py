"""Issue 11 classes 2, 3 and 5, round 5: ties and events a user can trust.

Invented sentences about fictional people. Each table sets a sentence that states the tie or
event beside look-alikes that do not: money given against an interview given, membership against
company kept, a person backed against a plan backed, a race against a war, a rival in an
election against a rival elsewhere, a possibility ("can challenge"), a cut organisation name,
the writer's asides inside reported speech, and time that is a gap rather than a date.
"""

from __future__ import annotations

import pytest

pytestmark = pytest.mark.slow


def _graph(text: str, published: str = "2016-10-12"):  # type: ignore[no-untyped-def]
    from dossier.extraction import extract

    return extract(text, published=published)


def _ties(text: str) -> set[tuple[str | None, str, str | None, str, bool]]:
    """(subject, type, object, status, shown by default) of every tie (symmetric ties both ways)."""
    from dossier.confidence import DEFAULT_MIN_CONFIDENCE
    from dossier.pipeline.facts.relations import SYMMETRIC

    g = _graph(text)
    names = {e.id: e.name for e in g.entities}
    out = set()
    for r in g.relations:
        row = (names.get(r.subject), r.type, names.get(r.object), r.status,
               (r.confidence or 0) >= DEFAULT_MIN_CONFIDENCE)
        out.add(row)
        if r.type in SYMMETRIC:
            out.add((row[2], row[1], row[0], row[3], row[4]))
    return out


def _shown(text: str) -> set[tuple[str | None, str, str | None]]:
    return {(s, t, o) for s, t, o, st, shown in _ties(text) if shown and st != "hypothetical"}


def _events(text: str, typ: str) -> list[tuple[str, ...]]:
    """One (status, when, role=name ...) row per event of ``typ``."""
    g = _graph(text)
    names = {e.id: e.name for e in g.entities}
    return [(e.status, str(e.when), *sorted(f"{p.role}={names.get(p.entity)}" for p in e.participants))
            for e in g.events if e.type == typ]


# a verb trigger in another sense -------------------------------------------------------------------

SENSES = [
    # (text, tie, stated)
    ("Ada Obi gave $2,000 to the Harbor Workers Union.",
     ("Ada Obi", "financial.donated_to", "Harbor Workers Union"), True),
    ("Ada Obi gave an interview to the Harbor Workers Union.",
     ("Ada Obi", "financial.donated_to", "Harbor Workers Union"), False),
    ("Ada Obi gave three interviews to the Harbor Workers Union.",
     ("Ada Obi", "financial.donated_to", "Harbor Workers Union"), False),
    ("Ada Obi joined the Harbor Workers Union in 2010.", ("Ada Obi", "membership.member_of", "Harbor Workers Union"),
     True),
    ('Ada Obi joined the Harbor Workers Union for a "unity" lunch.',
     ("Ada Obi", "membership.member_of", "Harbor Workers Union"), False),
    ("Ada Obi backed Bo Lane.", ("Ada Obi", "political.supported", "Bo Lane"), True),
    ("Ada Obi backed Bo Lane's plan.", ("Ada Obi", "political.supported", "Bo Lane"), False),
    ("Ada Obi's support for Bo Lane was clear.", ("Ada Obi", "political.supported", "Bo Lane"), True),
    ("Ada Obi's support for Bo Lane's funding plan was clear.", ("Ada Obi", "political.supported", "Bo Lane"),
     False),
    ("Ada Obi attacked Bo Lane on Monday.", ("Ada Obi", "political.criticized", "Bo Lane"), True),
    ("Ada Obi's campaign attacked Bo Lane on Monday.", ("Ada Obi", "political.criticized", "Bo Lane"), False),
    ("Ada Obi attacked Bo Lane's campaign on Monday.", ("Ada Obi", "political.criticized", "Bo Lane"), True),
    ("The Harbor Workers Union ran ads on Monday. Ada Obi attacked the union.",
     ("Ada Obi", "political.criticized", "Harbor Workers Union"), True),
    ("The Harbor Workers Union ran ads on Monday. Ada Obi attacked the program.",
     ("Ada Obi", "political.criticized", "Harbor Workers Union"), False),
]


@pytest.mark.parametrize(("text", "tie", "stated"), SENSES)
def test_a_trigger_in_another_sense_states_no_tie(nlp, text, tie, stated) -> None:  # type: ignore[no-untyped-def]
    assert (tie in _shown(text)) is stated


# contests: a possibility, a war, a rival -------------------------------------------------------------

CONTESTS = [
    ("Ada Obi challenged Bo Lane in the primary.", ("Ada Obi", "contest.ran_against", "Bo Lane"), True),
    ("Ada Obi can challenge Bo Lane in the primary.", ("Ada Obi", "contest.ran_against", "Bo Lane"), False),
    ("Ada Obi defeated Bo Lane in the primary.", ("Ada Obi", "contest.ran_against", "Bo Lane"), True),
    ("Ada Obi defeated Bo Lane in the primary.", ("Ada Obi", "contest.defeated", "Bo Lane"), True),
    ("General Ada Obi defeated Bo Lane in the war.", ("Ada Obi", "contest.ran_against", "Bo Lane"), False),
    ("Ada Obi and her Republican rival, Bo Lane, spoke on Monday.", ("Bo Lane", "contest.ran_against", "Ada Obi"),
     True),
    ("Ada Obi and her Republican rival, Bo Lane, spoke on Monday.", ("Bo Lane", "social.tension", "Ada Obi"), False),
    ("Ada Obi and her old rival, Bo Lane, opened a bakery.", ("Bo Lane", "social.tension", "Ada Obi"), False),
    ("Ada Obi and her old rival, Bo Lane, opened a bakery.", ("Bo Lane", "contest.ran_against", "Ada Obi"), False),
    ("Ada Obi and her old friend, Bo Lane, opened a bakery.", ("Bo Lane", "social.friendship", "Ada Obi"), True),
]


@pytest.mark.parametrize(("text", "tie", "stated"), CONTESTS)
def test_contests_are_races_that_happened(nlp, text, tie, stated) -> None:  # type: ignore[no-untyped-def]
    assert (tie in _shown(text)) is stated


def test_a_negated_frame_negates_the_tie_in_reported_speech(nlp) -> None:  # type: ignore[no-untyped-def]
    said = 'Ada Obi told the Courier she was "not quite there yet" on supporting Bo Lane.'
    plain = "Ada Obi told the Courier she was close to supporting Bo Lane."
    assert ("Ada Obi", "political.supported", "Bo Lane", "negated") in {t[:4] for t in _ties(said)}
    assert ("Ada Obi", "political.supported", "Bo Lane", "negated") not in {t[:4] for t in _ties(plain)}


# a cut organisation name is hidden -------------------------------------------------------------------

CUT = [
    ("Ada Obi, a spokeswoman for the Harbor Workers Union, spoke on Monday.", "Harbor Workers Union", True),
    ("Ada Obi, chief executive of the Conference of Mayors of", "Conference of Mayors of", False),
]


@pytest.mark.parametrize(("text", "org", "shown"), CUT)
def test_a_tie_to_a_cut_organisation_is_hidden(nlp, text, org, shown) -> None:  # type: ignore[no-untyped-def]
    ties = {(s, t, o): sh for s, t, o, st, sh in _ties(text)}
    hits = [sh for (s, t, o), sh in ties.items() if s == "Ada Obi" and o == org]
    assert hits, ties
    assert all(sh is shown for sh in hits)


# the writer's descriptions inside reported speech ------------------------------------------------------

STATUSES = [
    # (text, tie, status)
    ('Cal Dunn said Ada Obi, the mother of Bo Reyes, is "absolutely wrong" about the vote.',
     ("Ada Obi", "family.parent", "Bo Reyes"), "asserted"),
    ('"Don\'t forget Ada Obi\'s husband Bo Reyes," Cal Dunn said.', ("Bo Reyes", "family.spouse", "Ada Obi"),
     "attributed"),
    ("Don't forget Ada Obi's husband Bo Reyes.", ("Bo Reyes", "family.spouse", "Ada Obi"), "asserted"),
    ("Cal Reyes told the Courier he backs Bo Lane, who will face Ada Obi in the primary.",
     ("Bo Lane", "contest.ran_against", "Ada Obi"), "asserted"),
    ("Cal Reyes told the Courier that Bo Lane will face Ada Obi in the primary.",
     ("Bo Lane", "contest.ran_against", "Ada Obi"), "attributed"),
]


@pytest.mark.parametrize(("text", "tie", "status"), STATUSES)
def test_the_writers_descriptions_are_the_writers(nlp, text, tie, status) -> None:  # type: ignore[no-untyped-def]
    found = {t[3] for t in _ties(text) if t[:3] == tie}
    assert found == {status}, _ties(text)


def test_a_death_in_the_writers_aside_is_asserted(nlp) -> None:  # type: ignore[no-untyped-def]
    aside = "Cal Reyes said Ada Obi, who died in 2012, was a hero."
    claim = "Cal Reyes said Ada Obi died in 2012."
    assert [e[0] for e in _events(aside, "death")] == ["asserted"]
    assert [e[0] for e in _events(claim, "death")] == ["attributed"]


# events: a trigger in another sense ----------------------------------------------------------------------

EVENTS = [
    # (text, type, agent, stated)
    ("Ada Obi gave $500 to the Harbor Fund.", "donation", "Ada Obi", True),
    ("Ada Obi gave an interview to the Harbor Courier.", "donation", "Ada Obi", False),
    ("Ada Obi gave three interviews to the Harbor Courier.", "donation", "Ada Obi", False),
    ("Ada Obi launched her Senate campaign on Monday.", "candidacy.launch", "Ada Obi", True),
    ("The Harbor Workers Union launched a petition campaign on Monday.", "candidacy.launch",
     "Harbor Workers Union", False),
    ("Ada Obi was confirmed as secretary of state on Monday.", "appointment", "Ada Obi", True),
    ("Ada Obi was confirmed as one of the passengers by Bo Lane.", "appointment", "Ada Obi", False),
    ("Governor Bo Lane nominated Ada Obi to the state supreme court.", "appointment", "Ada Obi", True),
    ("Turnout was high in the primaries that nominated Ada Obi.", "appointment", "Ada Obi", False),
]


@pytest.mark.parametrize(("text", "typ", "agent", "stated"), EVENTS)
def test_an_event_trigger_in_another_sense(nlp, text, typ, agent, stated) -> None:  # type: ignore[no-untyped-def]
    agents = [p for e in _events(text, typ) for p in e[2:] if p.startswith("agent=")]
    assert (f"agent={agent}" in agents) is stated, _events(text, typ)


def test_a_visit_to_a_grave_is_not_a_visit_to_the_person(nlp) -> None:  # type: ignore[no-untyped-def]
    grave = "Ada Obi visited the grave of Bo Lane in May."
    person = "Ada Obi visited Bo Lane in May."
    assert not any("target=Bo Lane" in e for e in _events(grave, "contact.visit"))
    assert any("target=Bo Lane" in e for e in _events(person, "contact.visit"))


# time: a gap is no date; a "when" clause takes the main clause's date ------------------------------------

TIMES = [
    ("Ada Obi's first visit in more than a year drew crowds.", "None"),
    ("Ada Obi made her first visit in May 2015.", "2015-05"),
    ("They met again in July 2008, when Ada Obi had won the primary and was visiting Paris.", "2008-07"),
]


@pytest.mark.parametrize(("text", "when"), TIMES)
def test_an_events_date_is_a_date(nlp, text, when) -> None:  # type: ignore[no-untyped-def]
    visits = _events(text, "contact.visit")
    assert visits, text
    assert visits[0][1] == when


def test_a_duration_is_no_date() -> None:
    from dossier.pipeline.facts.index import duration

    assert [duration(v) for v in ("P1Y", "PT2H", "P_W", "PXY", "PRESENT_REF", "PAST_REF", "2015-05", None)] == [
        True, True, True, True, False, False, False, False]


# ties shown only on surer ground -------------------------------------------------------------------------

HIDDEN = [
    # (text, tie, shown)
    ("Cal Dunn, a longtime backer of Ada Obi, spoke.", ("Cal Dunn", "political.supported", "Ada Obi"), True),
    ("Cal Dunn, a former backer of Ada Obi, spoke.", ("Cal Dunn", "political.supported", "Ada Obi"), False),
    ("Cal Dunn, a former business partner of Ada Obi, spoke.", ("Cal Dunn", "professional.worked_with", "Ada Obi"),
     True),
    ("White House spokeswoman Ada Obi asked the first question.",
     ("Ada Obi", "professional.worked_for", "White House"), True),
    ("White House correspondent Ada Obi asked the first question.",
     ("Ada Obi", "professional.worked_for", "White House"), False),
]


@pytest.mark.parametrize(("text", "tie", "shown"), HIDDEN)
def test_weak_ground_hides_the_tie(nlp, text, tie, shown) -> None:  # type: ignore[no-untyped-def]
    assert (tie in _shown(text)) is shown
    if not shown:  # hidden, not lost: --all keeps it
        assert tie in {t[:3] for t in _ties(text)}


# a condition and its consequence state nothing; a nominal "indictment of" is a speech ------------------

CONDITIONS = [
    ("Ada Ortiz will appoint Bo Lane next week.", ("Ada Ortiz", "professional.hired", "Bo Lane"), True),
    ("If Ada Ortiz wins, she will appoint Bo Lane.", ("Ada Ortiz", "professional.hired", "Bo Lane"), False),
    ("Ada Ortiz defeated Bo Lane, even if the margin was thin.", ("Ada Ortiz", "contest.defeated", "Bo Lane"), True),
    ("If Ada Ortiz defeats Bo Lane, she will be the nominee.", ("Ada Ortiz", "contest.defeated", "Bo Lane"), False),
]


@pytest.mark.parametrize(("text", "tie", "stated"), CONDITIONS)
def test_a_condition_states_no_tie(nlp, text, tie, stated) -> None:  # type: ignore[no-untyped-def]
    assert (tie in {t[:3] for t in _ties(text)}) is stated


def test_an_indictment_of_someone_in_words_is_no_charge(nlp) -> None:  # type: ignore[no-untyped-def]
    speech = "Her indictment of Bo Lane moved the hall, Ada Ortiz said."
    charge = "Bo Lane's indictment on fraud charges shocked the city."
    assert _events(speech, "legal.indictment") == []
    assert [e[2:] for e in _events(charge, "legal.indictment")] == [("agent=Bo Lane",)]


def test_a_win_in_a_condition_is_no_win(nlp) -> None:  # type: ignore[no-untyped-def]
    assert _events("If Ada Ortiz wins the primary, she will face Bo Lane.", "election.win") == []
    assert [e[2:] for e in _events("Ada Ortiz won the primary, so she will face Bo Lane.", "election.win")] == [
        ("agent=Ada Ortiz",)]
