"""Roles on invented sentences: titles, appositions, predicates, descriptors, and roles held for someone."""

from __future__ import annotations

import pytest

from dossier.pipeline.facts.roles import is_title, normalise


@pytest.mark.parametrize(("raw", "want"), [
    ("Lt. Gov.", "lieutenant governor"), ("Sen.", "senator"), ("State Sen.", "state senator"),
    ("District Attorney", "district attorney"),
])
def test_normalise(raw: str, want: str) -> None:
    assert normalise(raw) == want


@pytest.mark.parametrize(("title", "ok"), [
    ("campaign manager", True), ("chief of staff", True), ("press secretary", True),
    ("painter", False), ("heiress", False),
])
def test_is_title(title: str, ok: bool) -> None:
    assert is_title(title) is ok


def _graph(text: str):  # type: ignore[no-untyped-def]
    from dossier.extraction import extract

    return extract(text, published="2024-05-01")


def _role(g, person: str, title: str):  # type: ignore[no-untyped-def]
    return next((r for r in g.roles if r.person == person and r.title == title), None)


@pytest.mark.slow
def test_premodifier_title(nlp) -> None:
    g = _graph("Senator Ruth Calder endorsed Tomas Ferrer for mayor on Monday.")
    r = _role(g, "ruth_calder", "senator")
    assert r is not None and r.current is True and r.status == "asserted"


@pytest.mark.slow
def test_former_title_is_not_current(nlp) -> None:
    g = _graph("Former Gov. Tom Berg criticized the budget on Monday.")
    r = _role(g, "tom_berg", "governor")
    assert r is not None and r.current is False


@pytest.mark.slow
def test_apposition_gives_two_roles_and_worked_for(nlp) -> None:
    g = _graph("Lena Hart, Governor Tom Berg's 2019 campaign manager and later his chief of staff, resigned.")
    first = _role(g, "lena_hart", "campaign manager")
    assert first is not None and first.org == "tom_berg" and first.when == "2019" and first.current is False
    assert _role(g, "lena_hart", "chief of staff") is not None
    assert any(r.type == "professional.worked_for" and r.subject == "lena_hart" and r.object == "tom_berg"
               and r.when == "2019" for r in g.relations)


@pytest.mark.slow
def test_aide_to_person_gives_worked_for(nlp) -> None:
    g = _graph("Maria Lopez, an aide to Governor Tom Berg, said the budget was late.")
    assert _role(g, "maria_lopez", "aide") is not None
    assert any(r.type == "professional.worked_for" and (r.subject, r.object) == ("maria_lopez", "tom_berg")
               for r in g.relations)


@pytest.mark.slow
def test_copula_place_and_became_start(nlp) -> None:
    g = _graph("Maria Lopez was district attorney in Port Vale before she became attorney general in 2018.")
    da = _role(g, "maria_lopez", "district attorney")
    assert da is not None and da.place == "port_vale" and da.current is False and da.when is None
    ag = _role(g, "maria_lopez", "attorney general")
    assert ag is not None and ag.start == "2018"


@pytest.mark.slow
def test_named_as_gives_role_org_and_hire(nlp) -> None:
    g = _graph("The Berg Foundation hired Lisa Moor as its director in 2021.")
    r = _role(g, "lisa_moor", "director")
    assert r is not None and r.org == "berg_foundation" and r.start == "2021"
    assert any(x.type == "professional.worked_for" and x.subject == "lisa_moor" for x in g.relations)


@pytest.mark.slow
def test_no_role_in_a_what_if(nlp) -> None:
    g = _graph("What if Maria Lopez had won? Mayor Maria Lopez would have rebuilt the rail yard.")
    assert not [r for r in g.roles if r.status != "hypothetical"], g.roles


# --- organisations named through "its", "the museum", "the board"; current; endings ------------------


@pytest.mark.slow
def test_its_title_takes_the_organisation_of_the_clause(nlp) -> None:
    g = _graph("Marlow Shipping Company named Ines Duarte as its chief financial officer on Monday.")
    r = _role(g, "ines_duarte", "chief financial officer")
    assert r is not None and r.org == "marlow_shipping_company"


@pytest.mark.slow
def test_definite_noun_possessor_resolves_to_the_named_organisation(nlp) -> None:
    g = _graph("Petra Lund gave a lecture at the Harwick Museum of Science on Friday. "
               "Tom Okafor, the museum's senior curator, introduced her.")
    r = _role(g, "tom_okafor", "curator")
    assert r is not None and r.org == "harwick_museum_of_science" and r.current is True


@pytest.mark.slow
def test_unknown_definite_noun_gives_no_organisation(nlp) -> None:
    g = _graph("Tom Okafor, the museum's senior curator, introduced Petra Lund.")
    r = _role(g, "tom_okafor", "curator")
    assert r is not None and r.org is None


@pytest.mark.slow
def test_former_apposition_is_not_current_and_later_departure_ends_it(nlp) -> None:
    g = _graph("Greta Lind, the Ostwick Library's former archivist director, who left in 2019, "
               "criticized the plan.")
    r = next((r for r in g.roles if r.person == "greta_lind"), None)
    assert r is not None and r.current is False and r.end == "2019"


@pytest.mark.slow
def test_retirement_ends_the_one_open_role(nlp) -> None:
    g = _graph("Longtime chief executive Paul Ngata retired in March.", )
    r = _role(g, "paul_ngata", "chief executive")
    assert r is not None and r.current is False and r.end == "2024-03"


@pytest.mark.slow
def test_seat_on_a_board_is_a_membership_role(nlp) -> None:
    g = _graph("Dana Marsh has sat on the Calder Hospital board since 2015.")
    r = next((r for r in g.roles if r.person == "dana_marsh" and r.title.endswith("board member")), None)
    assert r is not None and r.start == "2015" and r.current is True


@pytest.mark.slow
def test_never_served_on_the_board_gives_no_role(nlp) -> None:
    g = _graph("Dana Marsh has never served on the Calder Hospital board.")
    assert not any(r.person == "dana_marsh" for r in g.roles)


@pytest.mark.slow
def test_founders_of_a_company(nlp) -> None:
    g = _graph("Lena Hart and Omar Reyes founded Brisk Lane Coffee together in 2011.")
    for p in ("lena_hart", "omar_reyes"):
        r = _role(g, p, "co-founder")
        assert r is not None and r.org == "brisk_lane_coffee" and r.start == "2011"
    assert not any(r.type == "professional.worked_for" for r in g.relations)


@pytest.mark.slow
def test_hyphenated_number_is_not_part_of_the_title(nlp) -> None:
    g = _graph("Otto Brandt, then a three-term city councilman, lost the race.")
    assert any(r.person == "otto_brandt" and r.title in {"city councilman", "councilman"} and r.current is False
               for r in g.roles)


@pytest.mark.slow
def test_legislature_leader_is_a_member_not_an_employee(nlp) -> None:
    g = _graph("Assembly Majority Leader Rosa Pineda criticized the budget. "
               "Rosa Pineda leads the Vale Assembly, where she has served as majority leader since 2020.")
    assert not any(r.type == "professional.worked_for" and r.object == "vale_assembly" for r in g.relations)


@pytest.mark.slow
def test_apposition_inside_a_what_if_clause_stays_real(nlp) -> None:
    g = _graph("Suppose Ivo Kessel had won. In that world, Sara Holm, Dana Marsh's chief of staff, "
               "might be working for Kessel instead.")
    r = _role(g, "sara_holm", "chief of staff")
    assert r is not None and r.status == "asserted" and "might" not in (r.evidence.text or "")
    assert not any(x.type == "professional.worked_for" and x.object == "ivo_kessel" for x in g.relations)
