"""Synthetic article graphs (no spaCy): a fictional population written about in varying name forms.

Used by ``benchmarks/bench_graph.py`` and load tests to fill large stores quickly.
The same ``(n, seed)`` always yields the same graphs.
"""

from __future__ import annotations

import random
from collections.abc import Iterator
from dataclasses import dataclass
from datetime import date, timedelta
from typing import Literal

from .graph import Article, ArticleGraph, Entity, Mention, Relation, Role, Span, Status

_FIRST_F = ["Anna", "Brenna", "Carla", "Dina", "Elsa", "Fiona", "Greta", "Hanna", "Ilse", "Jora", "Katrin", "Lena",
            "Mira", "Nadia", "Olga", "Petra", "Rosa", "Selma", "Tova", "Vera"]
_FIRST_M = ["Aldo", "Bruno", "Cyril", "Dario", "Emil", "Felix", "Gunnar", "Hugo", "Ivo", "Jonas", "Kasimir", "Lorenz",
            "Milo", "Niko", "Oskar", "Pavel", "Rune", "Stellan", "Tomas", "Viktor"]
_SYLLABLES = ["bar", "cor", "dal", "fen", "gar", "hol", "kes", "lin", "mor", "nes", "pal", "quin", "ros", "sar",
              "tav", "ulm", "vor", "wen", "yar", "zel"]
_ORG_WORDS = ["Council", "Party", "Union", "Institute", "Bank", "Foundation", "Agency", "Board"]
_OUTLETS = ["The Harbor Ledger", "Northgate Post", "Calloway Courier", "Estmark Daily", "Lisle Chronicle",
            "Osterby Weekly", "Merrow Times", "Fenwick Tribune"]
_TITLES = ["senator", "mayor", "director", "chair", "minister", "treasurer", "judge", "chief executive"]
_RELATIONS = ["social.friendship", "professional.worked_with", "political.endorsed", "political.criticized",
              "contest.defeated", "contact.met", "family.sibling", "social.tension"]
_STATUSES: list[Status] = [
    "asserted", "asserted", "asserted", "asserted", "asserted", "asserted", "attributed", "attributed", "attributed",
    "reported", "hedged", "negated"]


@dataclass(frozen=True)
class _Person:
    first: str
    middle: str
    surname: str
    gender: Literal["female", "male"]
    title: str
    org: int


class _Body:
    """Sentences joined by spaces; calling it adds one and returns its span."""

    def __init__(self) -> None:
        self.parts: list[str] = []
        self.offset = 0

    def __call__(self, text: str) -> Span:
        span = Span(self.offset, self.offset + len(text))
        self.parts.append(text)
        self.offset += len(text) + 1
        return span


def _surname(rng: random.Random) -> str:
    return "".join(rng.choice(_SYLLABLES) for _ in range(rng.choice((2, 3)))).capitalize()


def population(n_people: int, seed: int = 0) -> list[_Person]:
    """A fictional population; surnames repeat (about three people each) so resolution has work to do."""
    rng = random.Random(seed)
    surnames = [_surname(rng) for _ in range(max(1, n_people // 3))]
    people = []
    for _ in range(n_people):
        female = rng.random() < 0.5
        first = rng.choice(_FIRST_F if female else _FIRST_M)
        people.append(_Person(first, rng.choice("ABCDEFGHJKLMNPRST"), rng.choice(surnames),
                              "female" if female else "male", rng.choice(_TITLES), rng.randrange(40)))
    return people


def _forms(p: _Person) -> list[str]:
    return [f"{p.first} {p.surname}", f"{p.first} {p.middle}. {p.surname}", p.surname]


def synthetic_graphs(n: int, seed: int = 0, n_people: int | None = None) -> Iterator[ArticleGraph]:
    """``n`` article graphs about a fictional population (default ``max(50, n // 20)`` people)."""
    rng = random.Random(seed)
    people = population(n_people or max(50, n // 20), seed)
    # A skewed popularity: a few people appear in many articles, as in real news.
    weights = [1.0 / (i + 1) ** 0.8 for i in range(len(people))]
    orgs = [f"{_surname(random.Random(seed * 1000 + i))} {_ORG_WORDS[i % len(_ORG_WORDS)]}" for i in range(40)]
    start = date(2015, 1, 1)
    for i in range(n):
        cast = list(dict.fromkeys(rng.choices(range(len(people)), weights=weights, k=rng.randint(2, 5))))
        published = (start + timedelta(days=rng.randrange(3650))).isoformat()
        say = _Body()
        entities: list[Entity] = []
        spans: dict[int, Span] = {}
        surnames_here = [people[k].surname for k in cast]
        for j, k in enumerate(cast):
            p = people[k]
            forms = _forms(p)
            # A bare surname only when nobody else in the article shares it (as coreference would leave it).
            name = forms[rng.randrange(3 if surnames_here.count(p.surname) == 1 else 2)]
            span = say(f"{name} spoke on {published}.")
            spans[j] = span
            mention = Mention(span.start, span.start + len(name), name, "body", "name")
            entities.append(Entity(f"e{j}", name, "PERSON", [mention], p.gender))
        org_ids: dict[int, str] = {}
        roles: list[Role] = []
        relations: list[Relation] = []
        for j, k in enumerate(cast):
            p = people[k]
            if rng.random() < 0.4:
                if p.org not in org_ids:
                    org_name = orgs[p.org]
                    span = say(f"The {org_name} met.")
                    org_ids[p.org] = f"o{p.org}"
                    entities.append(Entity(f"o{p.org}", org_name, "ORG",
                                           [Mention(span.start + 4, span.start + 4 + len(org_name), org_name)]))
                roles.append(Role(f"e{j}", p.title, rng.choice(_STATUSES), org=org_ids[p.org],
                                  start=str(rng.randint(2000, 2020)), evidence=spans[j]))
        for j in range(len(cast) - 1):
            if rng.random() < 0.7:
                a, b = cast[j], cast[j + 1]
                kind = _RELATIONS[(a * 7 + b * 3) % len(_RELATIONS)]
                ev = say(f"The two were linked in {published[:4]}.")
                relations.append(Relation(kind, f"e{j}", f"e{j + 1}", ev, rng.choice(_STATUSES),
                                          start=str(rng.randint(2000, 2024)) if rng.random() < 0.3 else None,
                                          confidence=round(rng.uniform(0.5, 0.99), 2)))
        body = " ".join(say.parts)
        article = Article(f"syn{seed}-{i:07d}", f"Synthetic report {i}", body, published,
                          _OUTLETS[rng.randrange(len(_OUTLETS))], f"https://example.org/syn/{seed}/{i}")
        yield ArticleGraph(article, entities=entities, roles=roles, relations=relations)
