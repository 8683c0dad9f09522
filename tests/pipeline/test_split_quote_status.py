"""A split quote's words are attributed to its speaker; the writer's description of the speaker is not."""

from __future__ import annotations

import pytest

from dossier.graph import Article
from dossier.service import extract_articles

pytestmark = pytest.mark.slow

CASES = [
    # (text, role title, statuses of the roles with that title, the quote is split into pieces)
    ('"We will rebuild," said Lina Verhoeven, the mayor of Port Vale. "It will take years, but we will."',
     "mayor", ["asserted"], True),
    ('"We will rebuild," said Lina Verhoeven, the mayor of Port Vale, "and it will take years."',
     "mayor", ["asserted"], True),
    ('Lina Verhoeven, the mayor of Port Vale, said the plan will cost millions.', "mayor", ["asserted"], False),
    # a title inside the speaker's own words is not the writer's fact: no role from it
    ('"Tomas Brill is the best treasurer this county has had," said Lina Verhoeven.',
     "treasurer", [], False),
]


@pytest.mark.parametrize(("text", "title", "status", "split"), CASES)
def test_the_speakers_description_keeps_the_writers_status(nlp, text: str, title: str, status: list[str],
                                                            split: bool) -> None:
    graph = next(iter(extract_articles([Article(id="t", title="", body=text, published="2024-05-01")]))).graph
    assert graph is not None
    assert [r.status for r in graph.roles if r.title == title] == status
    assert [q.pieces is not None for q in graph.quotes] == [split]
