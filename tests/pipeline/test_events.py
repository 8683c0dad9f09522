"""Events on invented sentences, with the imagined-scene and negation traps."""

from __future__ import annotations

import pytest

pytestmark = pytest.mark.slow


def _events(text: str):  # type: ignore[no-untyped-def]
    from dossier.extraction import extract

    return extract(text, published="2024-05-01").events


def _who(e) -> list[str | None]:  # type: ignore[no-untyped-def]
    return [p.entity for p in e.participants if p.role == "agent"]


CASES = [
    ("Tom Berg dropped out of the race on March 3, 2023.", "candidacy.withdrawal", "tom_berg", "2023-03-03"),
    ("Maria Lopez won the election in November 2022.", "election.win", "maria_lopez", "2022-11"),
    ("Ivo Kessel lost to Dana Marsh in the 2022 primary.", "election.loss", "ivo_kessel", "2022"),
    ("Tom Berg was arrested in Port Vale on Tuesday.", "legal.arrest", "tom_berg", "2024-04-30"),
    ("Karl Berg died in 2020.", "death", "karl_berg", "2020"),
    ("Lena Hart resigned on Friday.", "resignation", "lena_hart", None),
    ("Senator Ruth Calder endorsed Tomas Ferrer for mayor on Monday.", "endorsement", "ruth_calder", None),
]


@pytest.mark.parametrize(("text", "typ", "who", "when"), CASES)
def test_event_types(nlp, text: str, typ: str, who: str, when: str | None) -> None:
    evs = [e for e in _events(text) if e.type == typ and who in _who(e)]
    assert evs, _events(text)
    assert evs[0].status == "asserted"
    if when:
        assert evs[0].when == when


def test_nominal_loss_and_ordinal_inauguration(nlp) -> None:
    evs = _events("After Governor Tom Berg's second inauguration, Maria Lopez mourned her 2022 election loss.")
    inaug = [e for e in evs if e.type == "inauguration"]
    assert inaug and _who(inaug[0]) == ["tom_berg"]
    if hasattr(inaug[0], "ordinal"):
        assert inaug[0].ordinal == 2
    loss = [e for e in evs if e.type == "election.loss"]
    assert loss and loss[0].when == "2022"


def test_endorsement_target(nlp) -> None:
    evs = _events("Senator Ruth Calder endorsed Tomas Ferrer on Monday.")
    e = next(e for e in evs if e.type == "endorsement")
    assert ("target", "tomas_ferrer") in [(p.role, p.entity) for p in e.participants]


@pytest.mark.parametrize("text", [
    "A comedy sketch that imagined Tom Berg resigning drew millions of views.",
    "What if Maria Lopez had won the race? She would have resigned within a year.",
    "Maria Lopez hinted that she may not resign.",
])
def test_imagined_or_negated_events_are_not_emitted(nlp, text: str) -> None:
    assert not [e for e in _events(text) if e.status != "hypothetical"], _events(text)


# --- event types added for the team's examples (invented sentences) -----------------------------------

NEW_CASES = [
    ("Lena Hart visited the Calder Museum on Friday.", "contact.visit", "lena_hart", "calder_museum"),
    ("Lena Hart and Omar Reyes founded Brisk Lane Coffee in 2011.", "organization.founding", "lena_hart",
     "brisk_lane_coffee"),
    ("Pavel Orlov donated $2,000 to Maria Lopez's campaign in March.", "donation", "pavel_orlov", "maria_lopez"),
    ("Lena Hart and Omar Hart have pledged $5 million to the Calder Museum.", "donation.pledge", "lena_hart",
     "calder_museum"),
    ("Mayor Dana Marsh hired Sam Reed in 2021.", "employment.hiring", "dana_marsh", "sam_reed"),
    ("Nina Orlov called Tom Berg on Sunday.", "contact.phone_call", "nina_orlov", "tom_berg"),
    ("Maria Lopez campaigned for Tomas Ferrer in the river wards.", "political.campaigning", "maria_lopez",
     "tomas_ferrer"),
]


@pytest.mark.parametrize(("text", "typ", "who", "target"), NEW_CASES)
def test_new_event_types(nlp, text: str, typ: str, who: str, target: str) -> None:
    evs = [e for e in _events(text) if e.type == typ]
    assert evs, [(e.type, _who(e)) for e in _events(text)]
    assert who in _who(evs[0])
    assert target in [p.entity for p in evs[0].participants if p.role == "target"]


def test_couple_visit_includes_the_family_group(nlp) -> None:
    evs = _events("The Harts gave the museum a painting. Lena Hart and her husband, Omar Hart, toured "
                  "the Calder Museum on Friday.")
    visit = [e for e in evs if e.type == "contact.visit"]
    assert visit and {"lena_hart", "omar_hart"} <= set(_who(visit[0]))


@pytest.mark.parametrize("text", [
    "Nina Orlov called the vote a disgrace.",  # "called X Y": no phone call
    "Nina Orlov called off the strike.",
    "If Lena Hart had visited the Calder Museum, she would have loved it.",
    "Lena Hart did not visit the Calder Museum.",
])
def test_no_call_or_visit_event(nlp, text: str) -> None:
    evs = _events(text)
    assert not any(e.type in {"contact.phone_call", "contact.visit"} for e in evs), [(e.type, _who(e)) for e in evs]


# --- round 6: possibilities, figurative objects and who did what (invented sentences) ---------------------------

def _facts(text: str) -> list[tuple[str, list[str | None], list[str | None]]]:
    return [(e.type, _who(e), [p.entity for p in e.participants if p.role != "agent"]) for e in _events(text)]


@pytest.mark.parametrize(("text", "typ", "happened"), [
    ("Ada Obi isn’t really running for president anymore.", "candidacy.launch", False),
    ("Ada Obi is running for president.", "candidacy.launch", True),
    ("Aides are talking about what Ada Obi wants before she throws her support to Bo Lane or formally bows out.",
     "candidacy.withdrawal", False),
    ("Ada Obi bowed out before she endorsed Bo Lane.", "candidacy.withdrawal", True),
    ("If Rita Holt wins in November, she could re-nominate Bo Lane to the same seat.", "appointment", False),
    ("Rita Holt re-nominated Bo Lane to the seat in 2017.", "appointment", True),
    ("Bo Lane agreed to appear on the condition that Acme Corp contribute $5 million to his charity.", "donation",
     False),
    ("Acme Corp contributed $5 million to Bo Lane's campaign.", "donation", True),
    ("Rita Holt's endorsement of Bo Lane, many think, is only a matter of time.", "endorsement", False),
    ("Rita Holt's endorsement of Bo Lane came on Friday.", "endorsement", True),
    ("Rita Holt's resignation would be a blow to the party.", "resignation", False),
    ("Rita Holt's resignation would have been a blow to the party.", "resignation", False),
    ("Rita Holt's endorsement may have helped Bo Lane win.", "endorsement", True),
    ("Bo Lane's arrest could have been avoided.", "legal.arrest", True),
    ("Bo Lane's resignation is a matter of public record.", "resignation", True),
    ("Rita Holt nearly won the race in 2010.", "election.win", False),
    ("Rita Holt narrowly won the race in 2010.", "election.win", True),
    ("Rita Holt is considering dropping out of the race.", "candidacy.withdrawal", False),
    ("Rita Holt began campaigning for Bo Lane in May.", "political.campaigning", True),
])
def test_a_possibility_is_no_event(nlp, text: str, typ: str, happened: bool) -> None:
    shown = [f for f in _facts(text) if f[0] == typ]
    assert bool(shown) == happened, _facts(text)


@pytest.mark.parametrize(("text", "typ", "happened"), [
    ("Ada Obi is losing support to Bo Lane.", "election.loss", False),
    ("Ada Obi lost the race to Bo Lane.", "election.loss", True),
    ("Ada Obi lost Ohio to Bo Lane in 2012.", "election.loss", True),
    ("Ada Obi lost the county to Bo Lane in 2012.", "election.loss", True),
    ("Ada Obi lost ground to Bo Lane in 2012.", "election.loss", False),
    ("Rita Holt endorsed Bo Lane's approach on Saturday.", "endorsement", False),
    ("Rita Holt endorsed Bo Lane's candidacy on Saturday.", "endorsement", True),
    ("Tom Reyes is donating his services as chairman.", "donation", False),
    ("Tom Reyes donated $500 to Bo Lane.", "donation", True),
    ("Acme Corp is bowing out of the trade war.", "candidacy.withdrawal", False),
    ("Ada Obi bowed out of the race on Friday.", "candidacy.withdrawal", True),
    ("Tom Reyes blamed the press for Ada Obi's 'Bo Lane founded Acme Corp' remark.", "organization.founding", False),
    ('Tom Reyes said Ada Obi "founded Acme Corp in a garage."', "organization.founding", True),
    ("Ada Obi, who grew up near the Reyes’ farm with Bo Lane, resigned from the board on Monday, the “Courier”"
     " reported.", "resignation", True),
])
def test_a_figurative_or_quoted_trigger_is_no_event(nlp, text: str, typ: str, happened: bool) -> None:
    shown = [f for f in _facts(text) if f[0] == typ]
    assert bool(shown) == happened, _facts(text)


@pytest.mark.parametrize(("text", "typ", "agent", "other"), [
    ("Rita Holt praised Acme Corp, the firm founded by Ada Obi, on Monday.", "organization.founding", "ada_obi",
     "acme_corp"),
    ("Ada Obi founded Acme Corp in 2010.", "organization.founding", "ada_obi", "acme_corp"),
    ("Sam Reed, hired by Dana Marsh in 2021, left.", "employment.hiring", "dana_marsh", "sam_reed"),
    ("Of Lane, Bo Reyes, who has given money to Ada Obi, said he was wary.", "donation", "bo_reyes", "ada_obi"),
])
def test_the_doer_is_the_one_the_sentence_names(nlp, text: str, typ: str, agent: str, other: str) -> None:
    found = [f for f in _facts(text) if f[0] == typ]
    assert found and found[0][1] == [agent] and other in found[0][2], _facts(text)


def test_the_hired_person_is_not_the_hirer(nlp) -> None:
    assert not [f for f in _facts("The casual way of Sam Reed's hiring worried Dana Marsh.")
                if f[0] == "employment.hiring"]


def test_a_doubtful_pronoun_hides_the_event(nlp) -> None:
    from dossier.confidence import DEFAULT_MIN_CONFIDENCE

    evs = _events("When she ran for the Senate in 2010, incumbent Rita Holt attacked Ada Obi.")
    assert all(e.confidence < DEFAULT_MIN_CONFIDENCE for e in evs if e.type == "candidacy.launch"), evs
    evs = _events("A paper owned by Tom Reyes ran an interview with Bo Lane after his primary victory.")
    assert all(e.confidence < DEFAULT_MIN_CONFIDENCE for e in evs if e.type == "election.win"), evs
    evs = _events("After he won the primary, Bo Lane declared victory.")
    assert any(e.confidence >= DEFAULT_MIN_CONFIDENCE for e in evs if e.type == "election.win"), evs


@pytest.mark.parametrize(("text", "when"), [
    ("Bo Lane, the 2000 nominee who lost to Ada Obi in a close race, spoke on Monday.", "2000"),
    ("On Sunday, Pastor Bo Lane stood at his pulpit and endorsed Senator Ada Obi.", "2016-05-01"),
])
def test_a_shared_date(nlp, text: str, when: str) -> None:
    from dossier.extraction import extract

    evs = extract(text, published="2016-05-03").events
    assert any(e.when == when for e in evs), [(e.type, e.when) for e in evs]


def test_won_then_resigned_keeps_its_own_date(nlp) -> None:
    evs = _events("Bo Lane won the race in 2010 and resigned.")
    assert [e.when for e in evs if e.type == "resignation"] == [None]


def test_a_description_in_reported_speech_is_the_writers(nlp) -> None:
    text = ("Ada Obi, the senator from Ohio who is running against Bo Lane for the nomination, is joining the suit, "
            "according to one of her aides.")
    assert [e.status for e in _events(text) if e.type == "candidacy.launch"] == ["asserted"]
    text = "Ada Obi is running against Bo Lane for the nomination, according to one of her aides."
    assert [e.status for e in _events(text) if e.type == "candidacy.launch"] == ["attributed"]


@pytest.mark.parametrize(("text", "typ", "agent"), [
    ("Bo Lane is congratulating Tom Reyes for his victory in the primary.", "election.win", None),
    ("Tom Reyes thanked his staff for his victory in the primary.", "election.win", "tom_reyes"),
    ("Tom Reyes made no mention of Bo Lane, who announced he is suspending his campaign.", "candidacy.withdrawal",
     None),
    ("Bo Lane announced he is suspending his campaign.", "candidacy.withdrawal", "bo_lane"),
    ("Bo Lane ran in Ohio. After he won the primary in 2012, Ada Obi praised the voters.", "election.win",
     "bo_lane"),
    ("When she ran for the Senate in 2010, Ada Obi attacked Bo Lane.", "candidacy.launch", "ada_obi"),
])
def test_a_pronoun_the_sentence_gives_to_another_is_hidden(nlp, text: str, typ: str, agent: str | None) -> None:
    from dossier.confidence import DEFAULT_MIN_CONFIDENCE

    shown = [_who(e) for e in _events(text) if e.type == typ and e.confidence >= DEFAULT_MIN_CONFIDENCE]
    assert shown == ([[agent]] if agent else []), [(e.type, _who(e), e.confidence) for e in _events(text)]


@pytest.mark.parametrize(("text", "typ", "happened"), [
    ("Tom Reyes hopes his latest celebrity endorsement will give him a boost.", "endorsement", False),
    ("Tom Reyes's endorsement of Bo Lane came on Friday.", "endorsement", True),
    ("Rita Holt's first endorsement of Bo Lane came in 2012.", "endorsement", True),
    ("Rita Holt's first union endorsement came in 2012.", "endorsement", False),
    ("Bo Lane was ousted as campaign manager on Monday.", "election.loss", False),
    ("Bo Lane was ousted in the primary on Monday.", "election.loss", True),
])
def test_received_endorsements_and_dismissals(nlp, text: str, typ: str, happened: bool) -> None:
    assert bool([f for f in _facts(text) if f[0] == typ]) == happened, _facts(text)


@pytest.mark.parametrize(("text", "when"), [
    ("Bo Lane entered the 2016 presidential race as a favorite.", None),
    ("Bo Lane entered the race in 2015.", "2015"),
    ("Bo Lane won the 2016 primary.", "2016"),
])
def test_the_year_of_a_race_is_not_the_day_it_was_entered(nlp, text: str, when: str | None) -> None:
    assert [e.when for e in _events(text)] == [when], [(e.type, e.when) for e in _events(text)]


@pytest.mark.parametrize(("text", "when"), [
    ("Ada Obi resigned after the 2012 election.", None),
    ("Ada Obi resigned in 2012.", "2012"),
    ("The group was founded by Ada Obi after her 2004 campaign for governor.", None),
    ("The group was founded by Ada Obi in 2004.", "2004"),
])
def test_the_year_of_a_noun_after_after_is_not_the_events(nlp, text: str, when: str | None) -> None:
    assert [e.when for e in _events(text)] == [when], [(e.type, e.when) for e in _events(text)]


@pytest.mark.parametrize(("text", "typ", "happened"), [
    ("Ada Obi often visits Rome in the summer.", "contact.visit", False),
    ("Ada Obi visits Rome every summer.", "contact.visit", False),
    ("Ada Obi often visited Rome in 2010.", "contact.visit", True),
    ("Ada Obi visits Rome on Monday.", "contact.visit", True),
    ("Ada Obi ran for cover.", "candidacy.launch", False),
    ("Ada Obi ran for mayor in 2012.", "candidacy.launch", True),
    ("Ada Obi retired the debt in 2012.", "retirement", False),
    ("The jersey was retired by Ada Obi in 2012.", "retirement", False),
    ("Bo Lane praised the debt retired by Ada Obi in 2012.", "retirement", False),
    ("Ada Obi retired from the Senate in 2012.", "retirement", True),
    ("Ada Obi would rather retire than endorse Bo Lane.", "endorsement", False),
    ("Ada Obi endorsed Bo Lane rather than Tom Reyes.", "endorsement", True),
])
def test_habits_and_other_non_events(nlp, text: str, typ: str, happened: bool) -> None:
    assert bool([f for f in _facts(text) if f[0] == typ]) == happened, _facts(text)


def test_stepping_aside_without_a_post_is_hidden(nlp) -> None:
    from dossier.confidence import DEFAULT_MIN_CONFIDENCE

    def shown(text: str) -> bool:
        return any(e.type == "resignation" and e.confidence >= DEFAULT_MIN_CONFIDENCE for e in _events(text))

    assert not shown("Ada Obi stepped aside to let Bo Lane speak.")
    assert shown("Ada Obi stepped aside as party leader in 2012.")


@pytest.mark.parametrize(("text", "typ", "status"), [
    ("We asked what our readers thought about Ada Obi's decisive win in the primary.", "election.win", "asserted"),
    ("Bo Lane said Ada Obi's win in the primary was rigged.", "election.win", "attributed"),
    ("Bo Lane said Ada Obi, who converted when she married Tom Reyes in 2001, was wrong.", "marriage", "asserted"),
    ("Bo Lane said Ada Obi married Tom Reyes in 2001.", "marriage", "attributed"),
])
def test_the_writers_reference_inside_reported_speech(nlp, text: str, typ: str, status: str) -> None:
    assert [e.status for e in _events(text) if e.type == typ] == [status], _events(text)


@pytest.mark.parametrize(("text", "typ", "happened"), [
    ("Ada Obi was charged with overseeing the transition.", "legal.indictment", False),
    ("Ada Obi was charged with fraud in 2012.", "legal.indictment", True),
    ("Ada Obi won the vote on the budget bill.", "election.win", False),
    ("Ada Obi won the vote in Ohio.", "election.win", True),
    ("Ada Obi founded her argument on facts.", "organization.founding", False),
    ("Ada Obi founded Acme Corp on Monday.", "organization.founding", True),
    ("Ada Obi campaigned for Bo Lane's reelection.", "election.win", False),
    ("Ada Obi won reelection in 2012.", "election.win", True),
    ("Bo Lane fought his conviction for years.", "legal.conviction", True),
    ("Ada Obi fought her arrest in court.", "legal.arrest", True),
])
def test_duties_bills_bases_and_sought_wins_are_no_events(nlp, text: str, typ: str, happened: bool) -> None:
    assert bool([f for f in _facts(text) if f[0] == typ]) == happened, _facts(text)


@pytest.mark.parametrize(("text", "typ", "agent"), [
    ("Ada Obi's defeat of Bo Lane in 2012 stunned the party.", "election.loss", None),
    ("Ada Obi's defeat in the 2012 race stunned the party.", "election.loss", "ada_obi"),
    ("Ada Obi's arrest of the suspect in 2012 drew praise.", "legal.arrest", None),
    ("Ada Obi's arrest in 2012 drew crowds.", "legal.arrest", "ada_obi"),
    ("Ada Obi's appointment of Bo Lane in 2012 drew praise.", "appointment", "bo_lane"),
    ("Ada Obi's endorsement by the union in 2012 drew praise.", "endorsement", None),
    ("Ada Obi's endorsement of Bo Lane by video on Monday drew praise.", "endorsement", "ada_obi"),
    ("Ada Obi's endorsement of Bo Lane in 2012 drew praise.", "endorsement", "ada_obi"),
    ("Ada Obi's concession on taxes drew praise.", "concession", None),
    ("Ada Obi's concession to Bo Lane in 2012 drew praise.", "concession", "ada_obi"),
    ("Ada Obi's conviction that taxes are too high drew praise.", "legal.conviction", None),
    ("Ada Obi's conviction in 2012 drew crowds.", "legal.conviction", "ada_obi"),
    ("Bo Lane's 2013 conviction, handed down by a federal jury, was overturned.", "legal.conviction", "bo_lane"),
    ("Ada Obi's concession that she had lost drew praise.", "concession", None),
])
def test_an_event_noun_gives_each_person_their_part(nlp, text: str, typ: str, agent: str | None) -> None:
    assert [f[1] for f in _facts(text) if f[0] == typ] == ([[agent]] if agent else []), _facts(text)


@pytest.mark.parametrize(("text", "typ", "happened"), [
    ("Ada Obi called Bo Lane out on Monday.", "contact.phone_call", False),
    ("Ada Obi called Bo Lane up on Monday.", "contact.phone_call", True),
    ("Ada Obi nominated Bo Lane for the award.", "appointment", False),
    ("Bo Lane was nominated for the Golden Globe in 2012.", "appointment", False),
    ("Bo Lane was nominated for best actor in 2012.", "appointment", False),
    ("Ada Obi nominated Bo Lane for the court in 2012.", "appointment", True),
])
def test_calling_out_and_award_nominations(nlp, text: str, typ: str, happened: bool) -> None:
    assert bool([f for f in _facts(text) if f[0] == typ]) == happened, _facts(text)


@pytest.mark.parametrize(("text", "shown"), [
    ("Bo Lane, who is retiring at the end of his current term, spoke.", False),
    ("Bo Lane is stepping down next month.", False),
    ("Bo Lane said he was retiring at the end of the year.", False),
    ("Bo Lane and Ada Obi said they're stepping down next month.", False),
    ("Bo Lane retired at the end of his term.", True),
    ("Bo Lane is stepping down from the board, which he joined at the end of 2019.", True),
    ("Bo Lane announced he is suspending his campaign.", True),
])
def test_a_departure_announced_for_later_is_hidden(nlp, text: str, shown: bool) -> None:
    from dossier.confidence import DEFAULT_MIN_CONFIDENCE

    evs = [e for e in _events(text) if e.type in {"retirement", "resignation", "candidacy.withdrawal"}]
    assert evs and any(e.confidence >= DEFAULT_MIN_CONFIDENCE for e in evs) == shown, evs


@pytest.mark.parametrize(("text", "typ"), [
    ("The award was won by Ada Obi in 2019.", "honor.award"),
    ("Bo Lane praised the fellowship won by Ada Obi in 2019.", "honor.award"),
    ("The election was won by Ada Obi in 2019.", "election.win"),
    ("Bo Lane has been endorsed by Ada Obi.", "endorsement"),
    ("Acme Corp had been founded by Ada Obi in 2010.", "organization.founding"),
])
def test_a_passive_by_object_tries_every_trigger_of_the_verb(nlp, text: str, typ: str) -> None:
    assert [f for f in _facts(text) if f[0] == typ and f[1] == ["ada_obi"]], _facts(text)


@pytest.mark.parametrize(("text", "typ"), [
    ("Bo Lane regained the support lost by Ada Obi in 2012.", "election.loss"),
    ("Bo Lane praised the point conceded by Ada Obi in 2012.", "concession"),
])
def test_a_passive_by_object_needs_the_triggers_preposition(nlp, text: str, typ: str) -> None:
    assert not [f for f in _facts(text) if f[0] == typ], _facts(text)


@pytest.mark.parametrize(("text", "charged"), [
    ("Ada Obi was charged with murdering her husband in 2012.", True),
    ("Bo Lane was charged with obstructing justice.", True),
    ("Bo Lane was charged with stealing a car.", True),
    ("Bo Lane was charged with writing bad checks.", True),
    ("Ada Obi was charged with leading the effort.", False),
    ("Ada Obi was charged with the task of finding a new chief.", False),
])
def test_a_gerund_after_charged_with_is_a_task_only_for_a_duty_verb(nlp, text: str, charged: bool) -> None:
    assert bool([f for f in _facts(text) if f[0] == "legal.indictment"]) == charged, _facts(text)


@pytest.mark.parametrize(("text", "typ", "hers"), [
    ("Ada Obi's death of cancer in 2012 shocked the town.", "death", True),
    ("Ada Obi's loss of the nomination in 2012 stunned the party.", "election.loss", True),
    ("Ada Obi's defeat of Bo Lane in 2012 stunned the party.", "election.loss", False),
    ("Ada Obi's arrest of the suspect in 2012 drew praise.", "legal.arrest", False),
])
def test_a_possessor_and_an_of_object_make_her_the_doer_only_on_a_person(nlp, text: str, typ: str,
                                                                         hers: bool) -> None:
    assert bool([f for f in _facts(text) if f[0] == typ and f[1] == ["ada_obi"]]) == hers, _facts(text)


# --- round 7: possibilities, habits and participants read off the wrong word ----------------------------


@pytest.mark.parametrize(("text", "typ", "shown"), [
    ("Hank Mott discusses burying guns, dying a free man and shooting agents.", "death", False),
    ("Hank Mott died a free man in 2010.", "death", True),
    ("Ada Obi talked with voters, endorsing Bo Lane.", "endorsement", True),
    ("Ada Obi moved that Bo Lane be nominated by acclamation.", "appointment", False),
    ("Bo Lane was nominated by Ada Obi in May.", "appointment", True),
    ("Ada Obi insisted that Bo Lane resign.", "resignation", False),
    ("Ada Obi watched Bo Lane resign.", "resignation", True),
    ("Ada Obi helped Bo Lane win the primary in May.", "election.win", True),
    ("The Tax Initiative was called by the Green Party to force the government to act.", "contact.phone_call", False),
    ("Bo Lane was called by Ada Obi on Sunday.", "contact.phone_call", True),
    ("During his frequent visits to Linden, Bo Lane met farmers.", "contact.visit", False),
    ("During his visit to Linden in May, Bo Lane met farmers.", "contact.visit", True),
])
def test_a_topic_a_motion_a_called_thing_and_a_habit_are_no_events(nlp, text: str, typ: str, shown: bool) -> None:
    assert bool([e for e in _events(text) if e.type == typ]) is shown, _events(text)


def test_a_relative_clause_after_a_named_son_is_the_sons(nlp) -> None:
    evs = _events("She thanked Governor Tom Reyes and his late son Bo Reyes, the former Attorney General of "
                  "Linden, who died of cancer last year.")
    assert [_who(e) for e in evs if e.type == "death"] == [["bo_reyes"]], evs


def test_a_complement_misparsed_onto_a_postposed_speaker_is_the_writers_description() -> None:
    from dossier.pipeline.facts.index import _speaker_description

    from ..conftest import parsed

    # '" Go , " said Obi , who ran yet endorsed Lane .' with "endorsed" parsed as what was said
    words = ['"', "Go", ",", '"', "said", "Obi", ",", "who", "ran", "yet", "endorsed", "Lane", "."]
    doc = parsed(words, heads=[4, 4, 4, 4, 4, 10, 5, 8, 5, 10, 4, 10, 4],
                 deps=["punct", "ccomp", "punct", "punct", "ROOT", "nsubj", "punct", "nsubj", "relcl", "advmod",
                       "ccomp", "dobj", "punct"],
                 pos=["PUNCT", "VERB", "PUNCT", "PUNCT", "VERB", "PROPN", "PUNCT", "PRON", "VERB", "ADV", "VERB",
                      "PROPN", "PUNCT"],
                 tags=["``", "VB", ",", "''", "VBD", "NNP", ",", "WP", "VBD", "RB", "VBD", "NNP", "."])
    assert _speaker_description(doc[10])
    # 'Obi said Lane endorsed Reyes .': what Obi said
    said = parsed(["Obi", "said", "Lane", "endorsed", "Reyes", "."], heads=[1, 1, 3, 1, 3, 1],
                  deps=["nsubj", "ROOT", "nsubj", "ccomp", "dobj", "punct"],
                  pos=["PROPN", "VERB", "PROPN", "VERB", "PROPN", "PUNCT"],
                  tags=["NNP", "VBD", "NNP", "VBD", "NNP", "."])
    assert not _speaker_description(said[3])


@pytest.mark.parametrize(("text", "typ", "shown"), [
    ("Ada Obi's visit today to Linden will draw crowds.", "contact.visit", False),
    ("Ada Obi's visit next week to Linden will draw crowds.", "contact.visit", False),
    ("Ada Obi's visit today to Linden drew crowds.", "contact.visit", True),
    ("The convention is nominating Ada Obi for president.", "appointment", False),
    ("Mayor Bo Lane nominated Ada Obi for the Linden school board.", "appointment", True),
])
def test_a_visit_still_to_come_and_a_party_nomination_are_no_events(nlp, text: str, typ: str, shown: bool) -> None:
    assert bool([e for e in _events(text) if e.type == typ]) is shown, _events(text)


@pytest.mark.parametrize(("text", "typ", "shown"), [
    ("Ada Obi says she will vote for Bo Lane but has withheld her endorsement.", "endorsement", False),
    ("Ada Obi announced her endorsement of Bo Lane on Monday.", "endorsement", True),
    ("In 2008, Bo Lane had been losing the black vote badly.", "election.loss", False),
    ("Bo Lane lost the popular vote in 2008.", "election.loss", True),
    ("Some 90 students met at the Linden home of editor Bo Lane and Ada Obi, where they founded the Linden Club.",
     "organization.founding", False),
    ("Ada Obi and Bo Lane met in Linden, where they founded the Linden Club.", "organization.founding", True),
    ("Aides said Ada Obi and Bo Lane met in May, and they founded the Linden Club.", "organization.founding", True),
])
def test_a_withheld_endorsement_a_voter_bloc_and_a_crowds_they_are_no_events(nlp, text: str, typ: str,
                                                                             shown: bool) -> None:
    assert bool([e for e in _events(text) if e.type == typ]) is shown, _events(text)


def test_a_participle_on_a_person_noun_has_that_person_as_subject() -> None:
    from dossier.pipeline.facts.index import fact_subject

    from ..conftest import parsed

    # "Obi praised a woman running for office ."
    doc = parsed(["Obi", "praised", "a", "woman", "running", "for", "office", "."], heads=[1, 1, 3, 1, 3, 4, 5, 1],
                 deps=["nsubj", "ROOT", "det", "dobj", "acl", "prep", "pobj", "punct"],
                 pos=["PROPN", "VERB", "DET", "NOUN", "VERB", "ADP", "NOUN", "PUNCT"],
                 lemmas=["Obi", "praise", "a", "woman", "run", "for", "office", "."])
    got_woman = fact_subject(doc[4])
    assert got_woman is not None and got_woman.text == "woman"  # an unnamed person, not Obi
    # "Obi released a statement endorsing Lane ."
    stmt = parsed(["Obi", "released", "a", "statement", "endorsing", "Lane", "."], heads=[1, 1, 3, 1, 3, 4, 1],
                  deps=["nsubj", "ROOT", "det", "dobj", "acl", "dobj", "punct"],
                  pos=["PROPN", "VERB", "DET", "NOUN", "VERB", "PROPN", "PUNCT"],
                  lemmas=["Obi", "release", "a", "statement", "endorse", "Lane", "."])
    got = fact_subject(stmt[4])
    assert got is not None and got.text == "Obi"


def test_an_endorsed_nomination_of_someone_targets_the_nominee(nlp) -> None:
    evs = [e for e in _events("Last week, Ada Obi endorsed Tom Reyes's nomination of Bo Lane to the Linden "
                              "District Court.") if e.type == "endorsement"]
    assert evs and [p.entity for p in evs[0].participants if p.role == "target"] == ["bo_lane"], evs
    own = [e for e in _events("Ada Obi endorsed Bo Lane's nomination.") if e.type == "endorsement"]
    assert own and [p.entity for p in own[0].participants if p.role == "target"] == ["bo_lane"], own


@pytest.mark.parametrize(("text", "shown"), [
    ("\"It was close,\" said Sam Reed, who worked for Gov. Bo Lane before he dropped out, and guided Tom Ortiz to "
     "victory in 2008.", False),
    ("Sam Reed worked for a small firm before he dropped out of the race in May.", True),
])
def test_a_time_clause_pronoun_after_a_person_object_is_doubtful(nlp, text: str, shown: bool) -> None:
    evs = [e for e in _events(text) if e.type == "candidacy.withdrawal" and "sam_reed" in _who(e)]
    assert bool([e for e in evs if (e.confidence or 0) >= 0.6]) is shown, evs
