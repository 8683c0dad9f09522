"""Roles on invented sentences: titles, appositions, predicates, descriptors, and roles held for someone."""

from __future__ import annotations

import pytest

from dossier.pipeline.roles import is_title, normalise


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
