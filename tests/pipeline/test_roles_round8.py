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
