"""Quote speakers and the confidence of quote constructions, on the team's own invented sentences."""

from __future__ import annotations

import pytest

from dossier.confidence import DEFAULT_MIN_CONFIDENCE
from dossier.graph import ArticleGraph, Quote


def _graph(nlp, body: str) -> ArticleGraph:  # type: ignore[no-untyped-def]
    from dossier.extraction import article_doc, doc_to_graph
    from dossier.graph import Article

    article = Article(id="t", title="", body=body, published="2023-06-01")
    return doc_to_graph(article_doc(article, nlp), article)


def _quote(graph: ArticleGraph, fragment: str) -> Quote:
    found = [q for q in graph.quotes if fragment in (q.text or "")]
    assert found, f"no quote containing {fragment!r} in {[q.text for q in graph.quotes]}"
    return found[0]


def _name(graph: ArticleGraph, key: str | None) -> str | None:
    return next((e.name for e in graph.entities if e.id == key), None)


def _shown(q: Quote) -> bool:
    return q.status != "hypothetical" and (q.confidence or 0.0) >= DEFAULT_MIN_CONFIDENCE


# (text, a fragment of the quote, shown by default): constructions outside the verbs of saying that
# are as sure as those are shown; stance, intent, belief and calls without their content are not.
PRIOR_CASES = [
    ("Holt: Tariff Plan Is a Disaster for Farmers", "Disaster for Farmers", True),
    ("A new poll shows Dana Holt leading in every county.", "leading in every county", True),
    ("The audit found that the agency had lost track of millions.", "lost track of millions", True),
    # a call's object is what is called for, not a statement (kept in --all: PolNeAR marks it an attribution)
    ("Mayor Ada Reyes called for a recount of the ballots.", "recount of the ballots", False),
    ('Mayor Ada Reyes described the budget as "a gift to the ferry lobby."', "gift to the ferry", True),
    ('"Get out of my harbor," Ada Reyes barked at the reporters.', "Get out of my harbor", True),
    ("Mayor Ada Reyes called on the council to reject the plan.", "the council", False),
    ('"Would you cut the ferry budget?" Ada Hill pressed.', "cut the ferry budget", False),
    ('Mayor Ada Reyes rails against its "wall of harbor fees."', "wall of harbor fees", False),
    ("Mayor Ada Reyes called Tom Baird to congratulate him.", "congratulate", False),
    ('Mayor Ada Reyes criticized the council for its "reckless" vote.', "reckless", False),
    ("Mayor Ada Reyes praised the crew for its work on the pier.", "work on the pier", False),
    ("Mayor Ada Reyes hopes the council will act soon.", "council will act", False),
    ("Mayor Ada Reyes sought to delay the vote on the pier.", "delay the vote", False),
]


@pytest.mark.slow
@pytest.mark.parametrize(("body", "fragment", "shown"), PRIOR_CASES)
def test_construction_prior_decides_the_default_view(nlp, body: str, fragment: str, shown: bool) -> None:  # type: ignore[no-untyped-def]
    assert _shown(_quote(_graph(nlp, body), fragment)) is shown


# (text, fragment, speaker entity, speaker span): an unnamed source is never the person named beside it.
UNNAMED_CASES = [
    ("Senator Dana Holt toured the plant on Monday. A spokesman for Holt said the senator would not attend.",
     "would not attend", None, "A spokesman for Holt"),
    ("Mayor Ada Reyes spoke on Tuesday. Reyes advisers said a shakeup of the staff was imminent.",
     "shakeup", None, "Reyes advisers"),
    ("Mayor Ada Reyes spoke on Tuesday. A person familiar with her plans said she would run again.",
     "run again", None, "A person familiar with her plans"),
    ("Senator Dana Holt toured the plant on Monday. Holt's campaign said the ad was false.",
     "ad was false", None, "Holt's campaign"),
    ("Tony Marsh runs the firm. One former Marsh employee said the firm had hidden its fees.",
     "hidden its fees", None, "One former Marsh employee"),
    ("Senator Dana Holt toured the plant. The Holt campaign said the plant would stay open.",
     "stay open", None, "The Holt campaign"),
    ("Senator Dana Holt toured the plant. The independent Ohio senator told reporters the plant would stay open.",
     "stay open", None, "The independent Ohio senator"),
    ("White House spokesman Josh Earnest said the plant would stay open.",
     "stay open", "Josh Earnest", "White House spokesman Josh Earnest"),
    ("Senator Dana Holt's campaign manager, Bo Lund, said the race was close.",
     "race was close", "Bo Lund", "Senator Dana Holt's campaign manager, Bo Lund"),
    ("Mayor Ada Reyes spoke on Tuesday. Mayor Ada Reyes said the ferry would run.",
     "ferry would run", "Ada Reyes", "Mayor Ada Reyes"),
]


@pytest.mark.slow
@pytest.mark.parametrize(("body", "fragment", "speaker", "span"), UNNAMED_CASES)
def test_unnamed_source_is_not_the_person_beside_it(  # type: ignore[no-untyped-def]
    nlp, body: str, fragment: str, speaker: str | None, span: str
) -> None:
    g = _graph(nlp, body)
    q = _quote(g, fragment)
    assert _name(g, q.speaker) == speaker
    assert q.speaker_span is not None and q.speaker_span.text == span


@pytest.mark.slow
def test_cueless_quote_after_another_speaker_has_no_speaker(nlp) -> None:  # type: ignore[no-untyped-def]
    body = ('Mayor Ada Reyes addressed the crowd. "We will build the bridge," Reyes said.\n'
            "Her rival, Tom Baird, disagreed.\n"
            '"The bridge will never be built and she knows it well."')
    g = _graph(nlp, body)
    assert _name(g, _quote(g, "build the bridge").speaker) == "Ada Reyes"
    assert _quote(g, "never be built").speaker is None


@pytest.mark.slow
@pytest.mark.parametrize(
    ("body", "span"),
    [
        ("Rep. Ada Obi (D-Ore.) said the bill would pass.", "Rep. Ada Obi (D-Ore.)"),
        ("Sen. Tom Baird (R-Texas), the committee chair, said the bill would pass.",
         "Sen. Tom Baird (R-Texas), the committee chair"),
        ("The harbor union said that the bill would pass.", "The harbor union"),
        ("Both Ada Obi and Tom Baird said the bill would pass.", "Ada Obi and Tom Baird"),
        ("Even the harbor union said the bill would pass.", "the harbor union"),
    ],
)
def test_source_span_keeps_a_closing_bracket(nlp, body: str, span: str) -> None:  # type: ignore[no-untyped-def]
    q = _quote(_graph(nlp, body), "bill would pass")
    assert q.speaker_span is not None and q.speaker_span.text == span


@pytest.mark.slow
def test_quote_signed_after_a_dash(nlp) -> None:  # type: ignore[no-untyped-def]
    body = ("We asked readers what they made of the debate.\n"
            "“He never answered a single question about the harbor.” ― Dana Holt\n"
            "“The mayor was calm and clear. She won the night.” ― Tomas Brill")
    g = _graph(nlp, body)
    first, second = _quote(g, "single question"), _quote(g, "won the night")
    assert first.speaker_span is not None and first.speaker_span.text == "Dana Holt"
    assert second.speaker_span is not None and second.speaker_span.text == "Tomas Brill"
    assert first.cue is not None and first.cue.text == "―"
    assert _shown(first)


@pytest.mark.slow
@pytest.mark.parametrize(
    "body",
    [
        "The lesson of the week: “Never trust a quiet harbor at night.” ― and nobody disagreed.",
        "Dana Holt spoke last. “Never trust a quiet harbor at night.” ― Dana Holt's grandfather, a fisherman.",
    ],
)
def test_dash_without_a_name_signs_nothing(nlp, body: str) -> None:  # type: ignore[no-untyped-def]
    q = _quote(_graph(nlp, body), "quiet harbor")
    assert q.speaker is None and q.speaker_span is None


@pytest.mark.slow
@pytest.mark.parametrize(
    ("body", "speaker"),
    [
        ('Pollster Ada Hill: "The race is tied in every county we measured."', "Ada Hill"),
        ('The mayor\'s reply came quickly. Ada Hill: "The race is tied in every county we measured."', "Ada Hill"),
        ('Senator Dana Holt had harsh words for Tom Baird: "He has never built anything in this town."', None),
        ('Senator Dana Holt sent a message to Tom Baird: "You have never built anything in this town."',
         "Dana Holt"),
    ],
)
def test_name_before_a_colon_speaks_only_when_it_is_all_the_clause(  # type: ignore[no-untyped-def]
    nlp, body: str, speaker: str | None
) -> None:
    g = _graph(nlp, body)
    q = _quote(g, "town" if "town" in body else "race is tied")
    assert _name(g, q.speaker) == speaker


@pytest.mark.slow
@pytest.mark.parametrize("closing", ['?"', "?"])  # each turn closed, or one passage over both paragraphs
def test_quoted_transcript_turns_take_their_labels(nlp, closing: str) -> None:  # type: ignore[no-untyped-def]
    body = ("Senator Dana Holt spoke with the host on Sunday. A partial transcript follows:\n\n"
            f'"HOST: Will you run again next year{closing}\n\n'
            '"HOLT: I think the state needs a steady hand, and I will decide after the session."')
    g = _graph(nlp, body)
    host, holt = _quote(g, "run again"), _quote(g, "steady hand")
    assert host.speaker_span is not None and host.speaker_span.text == "HOST"
    assert not _shown(host)  # a question, not a statement
    assert _name(g, holt.speaker) == "Dana Holt" and holt.text is not None and not holt.text.startswith("HOLT")
    assert "transcript" not in " ".join(q.speaker_span.text for q in g.quotes if q.speaker_span)


@pytest.mark.slow
@pytest.mark.parametrize(
    ("body", "quotes"),
    [
        ('Senator Dana Holt avoided the charged term, "harbor tax," in her speech.', 0),
        ('"We will win the harbor vote," Dana Holt said.', 1),
    ],
)
def test_participle_describing_a_noun_is_no_cue(nlp, body: str, quotes: int) -> None:  # type: ignore[no-untyped-def]
    assert len(_graph(nlp, body).quotes) == quotes
