"""Short invented news articles about fictional people, built by code, for tests and benchmarks.

Every article is different (names, places, numbers and dates vary with its number), so
a corpus of any size exercises the whole pipeline and ingests without duplicates.
"""

from __future__ import annotations

import json
import random
from collections.abc import Iterator
from datetime import date, timedelta
from pathlib import Path

FIRST = ["Ines", "Rui", "Marta", "Tobias", "Anika", "Joel", "Priya", "Lucas", "Mirela", "Owen", "Sana", "Felix"]
LAST = ["Morrow", "Salgado", "Quint", "Varga", "Okafor", "Lindqvist", "Ferreira", "Havel", "Brandt", "Castell"]
PLACES = ["Port Aster", "Linden Hill", "Almera", "Caddo Falls", "Westmere", "Brightwater"]
BODIES = ["harbor board", "city council", "transit authority", "school board", "water utility", "port commission"]
ROLES = ["chair", "treasurer", "chief executive", "director", "spokesperson"]
TOPICS = ["ferry fares", "a new pier", "road repairs", "library hours", "bus routes", "flood barriers"]

TEMPLATES = [
    (
        "{place} {body_t} Names {first} {last} {role_t}",
        "{first} {last} was named {role} of the {place} {body} on {weekday}, replacing {first2} {last2}, "
        "who retired after {years} years.\n"
        '"We have a lot of work to do on {topic}," {last} told the {place} Courier.\n'
        "{last2} said {pronoun2} would stay on as an adviser until {month}.",
    ),
    (
        "{place} {body_t} Approves Plan on {topic_t}",
        "The {place} {body} voted {votes} to approve a ${amount} million plan for {topic} on {weekday}.\n"
        "{first} {last}, the board's {role}, said the money would be spent by {month}.\n"
        '{first2} {last2}, a longtime critic, called the plan "a good start" but said residents had waited too long.',
    ),
    (
        "{first} {last} Resigns From {place} {body_t}",
        "{first} {last} resigned as {role} of the {place} {body} on {weekday}, citing a dispute over {topic}.\n"
        "According to {first2} {last2}, a member of the board, the vote on the dispute had been set for {month}.\n"
        "{last} joined the {body} in {since} and had led its work on {topic} since then.",
    ),
]
WEEKDAYS = ["Monday", "Tuesday", "Wednesday", "Thursday", "Friday"]
MONTHS = ["March", "April", "June", "September", "November"]


def article(n: int) -> dict[str, str]:
    """The ``n``-th invented article as a JSONL record (id, published, title, body, outlet)."""
    rng = random.Random(n)
    first, first2 = rng.sample(FIRST, 2)
    last, last2 = rng.sample(LAST, 2)
    place, body, role, topic = rng.choice(PLACES), rng.choice(BODIES), rng.choice(ROLES), rng.choice(TOPICS)
    fields = {
        "first": first, "last": last, "first2": first2, "last2": last2, "place": place, "body": body,
        "body_t": body.title(), "role": role, "role_t": role.title(), "topic": topic, "topic_t": topic.title(),
        "weekday": rng.choice(WEEKDAYS), "month": rng.choice(MONTHS), "years": str(rng.randint(3, 20)),
        "votes": f"{rng.randint(5, 9)}-{rng.randint(0, 4)}", "amount": str(rng.randint(2, 400)),
        "since": str(rng.randint(1998, 2020)), "pronoun2": rng.choice(["she", "he"]),
    }
    title, text = TEMPLATES[n % len(TEMPLATES)]
    published = date(2024, 1, 1) + timedelta(days=n % 700)
    return {
        "id": f"syn-{n:07d}",
        "published": published.isoformat(),
        "title": title.format(**fields),
        "body": text.format(**fields) + f"\nThe minutes list it as meeting number {n + 1}.",
        "outlet": f"{place} Courier",
    }


def articles(count: int, start: int = 0) -> Iterator[dict[str, str]]:
    """``count`` invented articles, numbered from ``start``."""
    for n in range(start, start + count):
        yield article(n)


def write_jsonl(path: str | Path, count: int, start: int = 0) -> Path:
    """Write ``count`` invented articles (numbered from ``start``) to a JSONL file, one at a time."""
    path = Path(path)
    with path.open("w", encoding="utf-8") as out:
        for record in articles(count, start):
            out.write(json.dumps(record, ensure_ascii=False) + "\n")
    return path
