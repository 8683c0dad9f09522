"""Round 8 ties and events on invented sentences: each error fixed beside a near case that must keep working."""

from __future__ import annotations

import pytest

from dossier.pipeline.facts.relations import SYMMETRIC

pytestmark = pytest.mark.slow

SHOWN = 0.6


def _graph(text: str, published: str = "2024-05-01"):  # type: ignore[no-untyped-def]
    from dossier.extraction import extract

    return extract(text, published=published)


def _ties(text: str, typ: str, a: str, b: str, published: str = "2024-05-01"):  # type: ignore[no-untyped-def]
    out = []
    for r in _graph(text, published).relations:
        ends = (r.subject, r.object)
        if r.type == typ and (ends == (a, b) or (typ in SYMMETRIC and ends == (b, a))):
            out.append(r)
    return out


def _events(text: str, typ: str, who: str, published: str = "2024-05-01"):  # type: ignore[no-untyped-def]
    return [e for e in _graph(text, published).events
            if e.type == typ and who in [p.entity for p in e.participants if p.role == "agent"]]


# --- "X, his wife, Y, and Z": a list, the pronoun is X --------------------------------------------


@pytest.mark.parametrize(("text", "owner"), [
    ("Those not on the Lane slate included Gov. Cy Vance, his wife, Betsy Vance, and the endorsed candidate "
     "for governor, Dan Reyes.", "cy_vance"),
    ("Cy Vance was at home on Monday. Betsy Vance, his wife, said he was ill.", "cy_vance"),
])
def test_a_pronoun_kin_phrase_listed_after_a_name_is_that_name(nlp, text: str, owner: str) -> None:
    ties = [r for r in _graph(text).relations if r.type == "family.spouse" and "betsy_vance" in (r.subject, r.object)]
    assert ties and all(owner in (r.subject, r.object) for r in ties), ties


def test_a_listed_kin_phrase_gives_no_tie_to_a_slate_name(nlp) -> None:
    text = ("Those not on the Lane slate included Gov. Cy Vance, his wife, Betsy Vance, and the endorsed "
            "candidate for governor, Dan Reyes.")
    assert not [r for r in _graph(text).relations if "lane" in (r.subject, r.object)]


# --- "challenged X on/about Y": a point argued, no race --------------------------------------------


@pytest.mark.parametrize(("text", "race"), [
    ("Ada Ortiz challenged Bo Lane about this line of attack.", False),
    ("When Ada Ortiz challenges Bo Lane on the Obi legacy, she is making a play for black voters.", False),
    ("Ada Ortiz challenged Bo Lane on Tuesday in the Vale primary.", True),
    ("Ada Ortiz is challenging Bo Lane for the Senate seat.", True),
])
def test_challenging_someone_on_a_point_is_no_race(nlp, text: str, race: bool) -> None:
    assert bool(_ties(text, "contest.ran_against", "ada_ortiz", "bo_lane")) is race


# --- times a tie or event takes from another clause ------------------------------------------------


@pytest.mark.parametrize(("text", "start"), [
    ("Ada Ortiz, a daughter of former Governor Bo Lane, has been a contributor to the show since 2009.", None),
    ("Ada Ortiz, Bo Lane's wife since 2009, spoke on Monday.", "2009"),
])
def test_an_apposed_tie_starts_only_with_its_own_since(nlp, text: str, start: str | None) -> None:
    ties = [r for r in _graph(text).relations if r.type.startswith("family.")]
    assert ties and all(r.start == start for r in ties), ties


@pytest.mark.parametrize(("text", "when"), [
    ("Before his death, Bo Lane rebuked Ada Ortiz in December when she called for a ban.", None),
    ("Bo Lane's death in December shocked Ada Ortiz.", "2023-12"),
])
def test_an_event_noun_after_before_or_after_is_not_dated_by_its_clause(nlp, text: str, when: str | None) -> None:
    evs = _events(text, "death", "bo_lane")
    assert evs and evs[0].when == when, evs


@pytest.mark.parametrize(("text", "when"), [
    ("On Sunday, she disclosed for the first time that after the attack, Bo Lane called Ada Ortiz to get "
     "together again.", None),
    ("In 2020, after she won the primary, Ada Ortiz endorsed Bo Lane.", "2020"),
])
def test_an_after_phrase_is_no_time_clause_that_borrows_the_main_date(nlp, text: str, when: str | None) -> None:
    evs = [e for e in _graph(text).events if e.type in {"contact.phone_call", "election.win"}]
    assert evs and evs[0].when == when, evs


@pytest.mark.parametrize(("text", "when"), [
    ("By the time Bo Lane entered the race two weeks later, Ada Ortiz had stolen his thunder.", None),
    ("On June 16, 2015, Ada Ortiz joined the race. Bo Lane entered the race two weeks later.", "2015-06-30"),
])
def test_a_later_counted_from_no_earlier_time_is_no_date(nlp, text: str, when: str | None) -> None:
    evs = _events(text, "candidacy.launch", "bo_lane", published="2016-02-11")
    assert evs and evs[0].when == when, evs


# --- event triggers in another sense, or all but denied --------------------------------------------


@pytest.mark.parametrize(("text", "death"), [
    ("As an investor, Ada Ortiz lives or dies by her big bets.", False),
    ("Ada Ortiz lived in Vale and died there in 2019.", True),
])
def test_live_or_die_is_no_death(nlp, text: str, death: bool) -> None:
    assert bool(_events(text, "death", "ada_ortiz")) is death


@pytest.mark.parametrize(("text", "done"), [
    ("Hours before Mr. Bo Lane was to speak at the convention, word emerged that he was preparing his exit "
     "from the race.", False),
    ("Bo Lane announced his exit from the race on Monday.", True),
])
def test_an_exit_being_prepared_has_not_happened(nlp, text: str, done: bool) -> None:
    assert bool(_events(text, "candidacy.withdrawal", "bo_lane")) is done


@pytest.mark.parametrize(("text", "typ", "shown"), [
    ("Bo Lane barely visited the city of Tellford in 2008.", "contact.visit", False),
    ("Bo Lane visited the city of Tellford in 2008.", "contact.visit", True),
    ("Bo Lane barely won the primary in 2008.", "election.win", True),
])
def test_an_act_all_but_denied_is_hidden(nlp, text: str, typ: str, shown: bool) -> None:
    evs = _events(text, typ, "bo_lane")
    assert evs and ((evs[0].confidence or 0) >= SHOWN) is shown, evs


# --- kin nouns as figures of speech ----------------------------------------------------------------


@pytest.mark.parametrize(("text", "siblings"), [
    ("The primaries in Ohio and Florida are must-win contests for native sons John Kessel and Marco Lane, "
     "respectively.", False),
    ("Ada Ortiz's sons John Kessel and Marco Lane spoke.", True),
])
def test_native_sons_are_no_family(nlp, text: str, siblings: bool) -> None:
    assert bool(_ties(text, "family.sibling", "john_kessel", "marco_lane")) is siblings


# --- a tie is about a person -----------------------------------------------------------------------


@pytest.mark.parametrize(("text", "tie"), [
    ("The Vale Teachers Union is a key ally of the Tellford Party.", False),
    ("The Vale Teachers Union endorsed Ada Ortiz.", True),
])
def test_a_tie_between_two_bodies_names_no_person(nlp, text: str, tie: bool) -> None:
    assert bool([r for r in _graph(text).relations if r.type.startswith("political.")]) is tie


# --- an event's agent and time from the clause that states it --------------------------------------


@pytest.mark.parametrize(("text", "who", "shown"), [
    ("Bo Lane was joined by Ada Vance, the oldest daughter of Cy Vance, whose death in New York in 2014 "
     "helped inspire the movement.", "ada_vance", False),
    ("Bo Lane praised Cy Vance, whose death in 2014 shocked the city.", "cy_vance", True),
])
def test_whose_right_after_another_name_is_doubtful(nlp, text: str, who: str, shown: bool) -> None:
    evs = _events(text, "death", who)
    assert evs and ((evs[0].confidence or 0) >= SHOWN) is shown, evs


@pytest.mark.parametrize(("text", "when"), [
    ("Bo Lane, who is running for reelection this year, praised Ada Ortiz.", None),
    ("Bo Lane entered the race this year.", "2024"),
    ("Bo Lane ran for mayor in 2019.", "2019"),
])
def test_a_race_under_way_does_not_date_its_entry(nlp, text: str, when: str | None) -> None:
    evs = _events(text, "candidacy.launch", "bo_lane")
    assert evs and evs[0].when == when, evs


# --- a list of kin whose pronoun owner coreference put inside the list -----------------------------


# The rule for the first case (clear the owners) was withdrawn: on Re-DocRED dev it cost parent recall
# 31.4 -> 26.5 and precision 88.1 -> 86.1 (a child named after the parent shares the parent's key too).
@pytest.mark.parametrize(("owner", "parent"), [
    pytest.param("james_vance", False, marks=pytest.mark.xfail(strict=True, reason="rule withdrawn, see above")),
    ("rupert_vance", True)])
def test_a_pronoun_owner_linked_to_one_of_the_listed_kin_owns_none(nlp, monkeypatch, owner: str,
                                                                    parent: bool) -> None:
    from dossier.pipeline.facts import kinship

    real = kinship._owners

    def owners(facts, noun):  # type: ignore[no-untyped-def]
        found, weak = real(facts, noun)
        return ([owner], True) if noun.lower_ == "sons" else (found, weak)

    monkeypatch.setattr(kinship, "_owners", owners)
    text = "Rupert Vance runs the studio. The future rests with his two sons, Lachlan Vance, 44, and James Vance, 43."
    rels = _graph(text).relations
    assert bool([r for r in rels if r.type == "family.parent" and r.subject == owner]) is parent, rels
    assert _ties(text, "family.sibling", "lachlan_vance", "james_vance")


# --- "met X last week, and this week with Y": each part its own date -------------------------------


@pytest.mark.parametrize(("other", "when"), [("cy_vance", "2016-W16"), ("ada_ortiz", "2016-W16"),
                                             ("dan_reyes", "2016-W17")])
def test_a_gapped_second_part_keeps_its_own_date(nlp, other: str, when: str) -> None:
    text = ("Bo Lane met with Cy Vance and Ada Ortiz last week, and this week with Gov. Dan Reyes, the third "
            "candidate in the race.")
    ties = _ties(text, "contact.met", "bo_lane", other, published="2016-04-30")
    assert ties and ties[0].when == when, ties


def test_one_date_for_one_part_is_kept(nlp) -> None:
    ties = _ties("Bo Lane met with Cy Vance last week and praised him on Monday.", "contact.met", "bo_lane",
                 "cy_vance", published="2016-04-30")
    assert ties and ties[0].when == "2016-W16", ties


# --- a criticism's reason has its own date ---------------------------------------------------------


@pytest.mark.parametrize(("text", "when"), [
    ("Ada Ortiz criticized Bo Lane for his votes against the bill in the 1990s.", None),
    ("Ada Ortiz criticized Bo Lane in 2019 for his votes.", "2019"),
])
def test_a_date_after_the_reason_dates_the_reason(nlp, text: str, when: str | None) -> None:
    ties = _ties(text, "political.criticized", "ada_ortiz", "bo_lane")
    assert ties and ties[0].when == when, ties


# --- a lead among a group of voters is no contest won ----------------------------------------------


@pytest.mark.parametrize(("text", "shown"), [
    ("Ada Ortiz has beaten Bo Lane handily among non-white primary voters in the state.", False),
    ("Ada Ortiz beat Bo Lane in the Vale primary.", True),
])
def test_beating_someone_among_voters_is_no_defeat(nlp, text: str, shown: bool) -> None:
    ties = _ties(text, "contest.defeated", "ada_ortiz", "bo_lane")
    assert ties and ((ties[0].confidence or 0) >= SHOWN) is shown, ties
    race = _ties(text, "contest.ran_against", "ada_ortiz", "bo_lane")
    assert race and (race[0].confidence or 0) >= SHOWN, race


# --- "worked for X, although she left in 2014": the tie's end --------------------------------------


@pytest.mark.parametrize(("text", "end"), [
    ("Ada Ortiz, the daughter of Bo Lane, also worked for Vale News, although she left in 2014.", "2014"),
    ("Ada Ortiz worked for Vale News until she left in 2014.", "2014"),
    ("Ada Ortiz worked for Vale News and left the city in 2014.", None),
])
def test_a_leaving_verb_of_the_same_person_ends_the_tie(nlp, text: str, end: str | None) -> None:
    ties = _ties(text, "professional.worked_for", "ada_ortiz", "vale_news")
    assert ties and ties[0].end == end, ties
