"""Time expressions: TIMEX3 values, anchors, ambiguous words, governing times.

Sentences are the team's own, about fictional people.
"""

from __future__ import annotations

from datetime import date
from pathlib import Path

import pytest
import spacy
from spacy.tokens import Doc

from dossier.graph import Time
from dossier.pipeline import doc_state
from dossier.pipeline.times.finder import governing_time
from dossier.pipeline.times.grammar import scan
from dossier.pipeline.times.timex import (
    Expr,
    Point,
    duration,
    fmt,
    holiday_date,
    holiday_year,
    parse_point,
    resolve,
    season_year,
    shift,
    weekday_near,
)

# ------------------------------------------------------------------ pure values (no model)


@pytest.mark.parametrize(
    ("point", "expected"),
    [
        (Point(date(2024, 7, 21), "D"), "2024-07-21"),
        (Point(date(2024, 7, 21), "M"), "2024-07"),
        (Point(date(2024, 7, 21), "Y"), "2024"),
        (Point(date(2024, 7, 21), "Q"), "2024-Q3"),
        (Point(date(2024, 1, 31), "W"), "2024-W05"),
        (Point(date(1994, 1, 1), "DE"), "199X"),
        (Point(date(2024, 7, 1), "SE", "SU"), "2024-SU"),
    ],
)
def test_fmt(point: Point, expected: str) -> None:
    assert fmt(point) == expected


def test_parse_point_round_trips_and_refuses_non_dates() -> None:
    for value in ("2024", "2024-08", "2024-07-21", "2024-Q3", "2024-W05", "2024-SU"):
        point = parse_point(value)
        assert point is not None and fmt(point) == value
    for value in ("P8Y", "PRESENT_REF", "XXXX-07-21"):
        assert parse_point(value) is None


def test_calendar_arithmetic() -> None:
    assert shift(date(2024, 2, 29), "Y", -8) == date(2016, 2, 29)
    assert shift(date(2024, 3, 31), "M", -1) == date(2024, 2, 29)
    # 2025-02-05 is a Wednesday
    assert weekday_near(date(2025, 2, 5), 5, "past") == date(2025, 1, 31)
    assert weekday_near(date(2025, 2, 5), 5, "future") == date(2025, 2, 7)
    assert weekday_near(date(2025, 2, 5), 3, "past") == date(2025, 2, 5)
    assert weekday_near(date(2025, 2, 5), 3, "past", strict=True) == date(2025, 1, 29)
    assert season_year(date(2025, 2, 5), "SU", -1) == 2024
    assert season_year(date(2024, 10, 1), "SU", -1) == 2024
    assert season_year(date(2024, 10, 1), "SU", 1) == 2025


@pytest.mark.parametrize(
    ("n", "unit", "expected"),
    [(8, "Y", "P8Y"), (None, "Y", "P_Y"), (3, "10Y", "P30Y"), (5, "TH", "PT5H"), (1.5, "Y", "P1Y6M"), (2, "W", "P2W"),
     (0.5, "Y", "P6M"), (5.5, "TH", "PT5H30M"), (1.5, "D", "P1DT12H")],
)
def test_duration(n: float | None, unit: str, expected: str) -> None:
    assert duration(n, unit) == expected


def test_holiday_rules() -> None:
    assert holiday_date("12-25", 2024) == date(2024, 12, 25)
    assert holiday_date("11-01/4/4", 2024) == date(2024, 11, 28)  # Thanksgiving
    assert holiday_date("11-02/2/1", 2024) == date(2024, 11, 5)  # US Election Day
    assert holiday_date("05-31/1/-1", 2024) == date(2024, 5, 27)  # Memorial Day
    assert holiday_date("E+0", 2024) == date(2024, 3, 31)  # Easter
    assert holiday_date("E-2", 2025) == date(2025, 4, 18)  # Good Friday
    # the nearest occurrence, or the past/coming one when the text says so
    assert holiday_year(date(2025, 2, 5), "11-01/4/4", None) == 2024
    assert holiday_year(date(2025, 2, 5), "11-01/4/4", "future") == 2025


def test_resolve_quarters_partials_and_holidays() -> None:
    q3 = Point(date(2024, 7, 1), "Q")
    assert resolve(Expr(0, 1, kind="quarter", unit="Q", year=2023), q3) == "2023-Q3"
    assert resolve(Expr(0, 1, kind="quarter", unit="Q", year=2023), None) == "2023"
    assert resolve(Expr(0, 1, kind="quarter", unit="Q", day=2, offset=1), Point(date(2025, 2, 5), "D")) == "2026-Q2"
    assert resolve(Expr(0, 1, kind="partial", unit="W"), Point(date(2025, 2, 5), "D")) == "2025-WXX"
    assert resolve(Expr(0, 1, kind="partial", unit="W"), None) == "XXXX-WXX"
    assert resolve(Expr(0, 1, kind="holiday", value="E+0", unit="W"), Point(date(2025, 2, 5), "D")) == "2025-W16"
    assert resolve(Expr(0, 1, kind="holiday", value="11-01/4/4", year=1999), None) == "1999-11-25"


def test_resolve_without_reference_leaves_unknowns() -> None:
    assert resolve(Expr(0, 1, kind="shift", rel="dct", unit="D", offset=-1), None) == "XXXX-XX-XX"
    assert resolve(Expr(0, 1, kind="calendar", rel="dct", month=7, day=21), None) == "XXXX-07-21"
    assert resolve(Expr(0, 1, kind="weekday", rel="dct", weekday=5), None) == "XXXX-WXX-5"


# ------------------------------------------------------------------ rules on hand-built parses


def _doc(words: list[str], tags: list[str], pos: list[str], deps: list[str], heads: list[int],
         ents: list[str] | None = None) -> Doc:
    vocab = spacy.blank("en").vocab
    return Doc(vocab, words=words, tags=tags, pos=pos, deps=deps, heads=heads, ents=ents)


def test_modal_may_is_not_a_month() -> None:
    doc = _doc(["Ada", "may", "resign", "in", "May", "."],
               ["NNP", "MD", "VB", "IN", "NNP", "."], ["PROPN", "AUX", "VERB", "ADP", "PROPN", "PUNCT"],
               ["nsubj", "aux", "ROOT", "prep", "pobj", "punct"], [2, 2, 2, 2, 3, 2])
    assert [doc[e.start:e.end].text for e in scan(doc)] == ["May"]


def test_first_name_june_is_not_a_month() -> None:
    doc = _doc(["June", "Alvarez", "spoke", "in", "June", "."],
               ["NNP", "NNP", "VBD", "IN", "NNP", "."], ["PROPN", "PROPN", "VERB", "ADP", "PROPN", "PUNCT"],
               ["compound", "nsubj", "ROOT", "prep", "pobj", "punct"], [1, 2, 2, 2, 3, 2],
               ents=["B-PERSON", "I-PERSON", "O", "O", "B-DATE", "O"])
    found = scan(doc)
    assert [(e.start, doc[e.start:e.end].text) for e in found] == [(4, "June")]


def test_year_counting_a_plural_noun_is_not_a_year() -> None:
    doc = _doc(["They", "sent", "2000", "troops", "in", "1999", "."],
               ["PRP", "VBD", "CD", "NNS", "IN", "CD", "."], ["PRON", "VERB", "NUM", "NOUN", "ADP", "NUM", "PUNCT"],
               ["nsubj", "ROOT", "nummod", "dobj", "prep", "pobj", "punct"], [1, 1, 3, 1, 1, 4, 1])
    assert [doc[e.start:e.end].text for e in scan(doc)] == ["1999"]


def test_unparsed_date_entity_keeps_a_partial_value() -> None:
    doc = _doc(["Stocks", "fell", "for", "the", "week", "after", "weeks", "of", "talks", "."],
               ["NNS", "VBD", "IN", "DT", "NN", "IN", "NNS", "IN", "NNS", "."],
               ["NOUN", "VERB", "ADP", "DET", "NOUN", "ADP", "NOUN", "ADP", "NOUN", "PUNCT"],
               ["nsubj", "ROOT", "prep", "det", "pobj", "prep", "pobj", "prep", "pobj", "punct"],
               [1, 1, 1, 4, 2, 1, 5, 6, 7, 1],
               ents=["O", "O", "O", "B-DATE", "I-DATE", "O", "B-DATE", "O", "O", "O"])
    found = [(doc[e.start:e.end].text, e.kind, e.type, e.value, e.unit) for e in scan(doc)]
    assert ("the week", "partial", "DATE", "", "W") in found
    assert ("weeks", "fixed", "DURATION", "P_W", "D") in found


def test_a_possessive_stretch_from_the_entity_recogniser_is_no_time() -> None:
    # "her years (as mayor)" is a stretch of a life; "weeks" alone is an unknown number of weeks
    doc = _doc(["She", "noted", "her", "years", "after", "weeks", "."],
               ["PRP", "VBD", "PRP$", "NNS", "IN", "NNS", "."],
               ["PRON", "VERB", "PRON", "NOUN", "ADP", "NOUN", "PUNCT"],
               ["nsubj", "ROOT", "poss", "dobj", "prep", "pobj", "punct"], [1, 1, 3, 1, 1, 4, 1],
               ents=["O", "O", "B-DATE", "I-DATE", "O", "B-DATE", "O"])
    assert [(doc[e.start:e.end].text, e.value) for e in scan(doc)] == [("weeks", "P_W")]


def test_ages_numbers_and_vague_periods_from_the_entity_recogniser_are_dropped() -> None:
    doc = _doc(["A", "6-year-old", "aged", "52", "left", "in", "the", "days", "after", "."],
               ["DT", "JJ", "VBN", "CD", "VBD", "IN", "DT", "NNS", "IN", "."],
               ["DET", "ADJ", "VERB", "NUM", "VERB", "ADP", "DET", "NOUN", "ADP", "PUNCT"],
               ["det", "nsubj", "acl", "dobj", "ROOT", "prep", "det", "pobj", "prep", "punct"],
               [1, 4, 1, 2, 4, 4, 7, 5, 7, 4],
               ents=["O", "B-DATE", "O", "B-DATE", "O", "O", "B-DATE", "I-DATE", "O", "O"])
    assert scan(doc) == []


# ------------------------------------------------------------------ whole pipeline (real model)


@pytest.fixture(scope="module")
def times_nlp():
    from dossier import nlp as nlp_mod

    return nlp_mod.load(components=("dossier_times",))


def run(nlp, text: str, published: str | None = "2025-02-05") -> tuple[Doc, list[Time]]:  # type: ignore[no-untyped-def]
    doc = nlp.make_doc(text)
    doc_state.set_article(doc, published, 0)
    doc = nlp(doc)
    return doc, doc_state.section(doc, doc_state.TIMES)


def values(nlp, text: str, published: str | None = "2025-02-05") -> dict[str, tuple[str, str]]:  # type: ignore[no-untyped-def]
    _, times = run(nlp, text, published)
    return {t.text: (t.type, t.value) for t in times}  # type: ignore[misc]


# 2025-02-05, the publication date of these cases, is a Wednesday.
CASES = [
    ("Mira Osei joined the board on July 21, 2024.", {"July 21, 2024": ("DATE", "2024-07-21")}),
    ("The mayor resigned on 3 March 2019.", {"3 March 2019": ("DATE", "2019-03-03")}),
    ("Tobin Rask spoke to reporters in August 2023.", {"August 2023": ("DATE", "2023-08")}),
    ("Lena Vos won the seat in 2016.", {"2016": ("DATE", "2016")}),
    ("Ilse Brand rebuilt her campaign after her 2022 loss.", {"2022": ("DATE", "2022")}),
    ("Ari Penn met the governor on Friday.", {"Friday": ("DATE", "2025-01-31")}),
    ("Ari Penn will meet the governor on Friday.", {"Friday": ("DATE", "2025-02-07")}),
    ("The council approved the plan last month.", {"last month": ("DATE", "2025-01")}),
    ("The council votes again next week.", {"next week": ("DATE", "2025-W07")}),
    ("Noor Hale visited the plant yesterday.", {"yesterday": ("DATE", "2025-02-04")}),
    ("The two senators toured the coast last summer.", {"last summer": ("DATE", "2024-SU")}),
    ("The band was formed in the 1990s.", {"the 1990s": ("DATE", "199X")}),
    ("Pell and Moran have shared an office for years.", {"for years": ("DURATION", "P_Y")}),
    ("She kept in touch with him over the years.", {"over the years": ("DURATION", "P_Y")}),
    ("Dana Voss taught at the college for three decades.", {"three decades": ("DURATION", "P30Y")}),
    ("The inquiry lasted six months.", {"six months": ("DURATION", "P6M")}),
    ("The clinic is open every Monday.", {"every Monday": ("SET", "XXXX-WXX-1")}),
    ("Turnout has fallen sharply in recent years.", {"recent years": ("DATE", "PAST_REF")}),
    ("Profits rose in the third quarter of 2023.", {"the third quarter of 2023": ("DATE", "2023-Q3")}),
    ("The jury returned at 10:30 a.m. on Tuesday.", {"10:30 a.m. on Tuesday": ("TIME", "2025-02-04T10:30")}),
    ("The company is now worth more.", {"now": ("DATE", "PRESENT_REF")}),
    # years in words (broadcast transcripts)
    ("Rena Soto was born in nineteen seventy-nine.", {"nineteen seventy-nine": ("DATE", "1979")}),
    ("The dam was due by the year two thousand.", {"the year two thousand": ("DATE", "2000")}),
    ("The band toured in January nineteen ninety-seven.", {"January nineteen ninety-seven": ("DATE", "1997-01")}),
    # the publication's year in business news; "the year ended ..." is a year's span
    ("Sales for the full year rose, Ilya Brandt said.", {"the full year": ("DATE", "2025")}),
    ("The co-op expects a loss for the fiscal year.", {"the fiscal year": ("DATE", "2025")}),
    ("In the year ended June 30, the co-op earned more.", {"the year": ("DURATION", "P1Y")}),
    ("The merger should close by year-end.", {"year-end": ("DATE", "2025")}),
    # holidays, fixed and movable
    ("Ola Finch will host a dinner on Thanksgiving.", {"Thanksgiving": ("DATE", "2025-11-27")}),
    ("The Finch family gathered last Easter.", {"last Easter": ("DATE", "2024-03-31")}),
    ("Polls opened on Election Day 2024.", {"Election Day 2024": ("DATE", "2024-11-05")}),
    # durations: compounds, fractions, "a couple", coming weeks
    ("Pia Lund signed a five year contract.", {"five year": ("DURATION", "P5Y")}),
    ("The strike lasted 2 1/2 years.", {"2 1/2 years": ("DURATION", "P2Y6M")}),
    ("The two clubs merged a couple of years ago.", {"a couple of years ago": ("DATE", "2023")}),
    ("Tova Rusk will decide in the coming weeks.", {"the coming weeks": ("DATE", "FUTURE_REF")}),
    # a weekday beside a date; weekday tense
    ("The paper wrote on Monday, Jan. 27: the plan is dead.", {"Monday, Jan. 27": ("DATE", "2025-01-27")}),
    ("Tarn Voss said the plant is to reopen Tuesday.", {"Tuesday": ("DATE", "2025-02-11")}),
    ("Officials could not reach Bo Lind on Tuesday.", {"Tuesday": ("DATE", "2025-02-04")}),
    ("The deal follows Tuesday's vote by the council.", {"Tuesday": ("DATE", "2025-02-04")}),
    ("The union may strike as soon as Monday.", {"Monday": ("DATE", "2025-02-10")}),
]


@pytest.mark.slow
@pytest.mark.parametrize(("text", "expected"), CASES)
def test_values(times_nlp, text: str, expected: dict[str, tuple[str, str]]) -> None:  # type: ignore[no-untyped-def]
    found = values(times_nlp, text)
    for key, want in expected.items():
        assert found.get(key) == want, found


@pytest.mark.slow
def test_rule_index_skips_only_rules_that_cannot_match(times_nlp) -> None:  # type: ignore[no-untyped-def]
    # the index decides from a token's text alone which rules to try; a rule it leaves out
    # must find nothing there, or the indexed scan would differ from trying every rule
    from dossier.pipeline.times import grammar

    text = " ".join(case for case, _ in CASES) + " Every Tuesday night the ferry left at 6 a.m., " \
        "mid-March, pre-1990, the '90s, the year-ago period, Christmas Eve 2023 and the week of March 6."
    doc, _ = run(times_nlp, text)
    toks = grammar._Toks(doc)
    skipped = 0
    for i in range(toks.n):
        indexed = set(grammar.rules_at(toks.low[i]))
        for rule in grammar.RULES:
            if rule not in indexed:
                skipped += 1
                assert rule(toks, i) is None, (rule.__name__, doc[i].text)
    assert skipped > len(doc) * len(grammar.RULES) // 2  # most tokens start no rule at all


@pytest.mark.slow
def test_since_keeps_the_year_with_a_mod(times_nlp) -> None:  # type: ignore[no-untyped-def]
    _, times = run(times_nlp, "Kato Reyes has led the union since 2019.")
    assert [(t.text, t.value, t.mod) for t in times] == [("2019", "2019", "ON_OR_AFTER")]


@pytest.mark.slow
def test_anaphoric_times_take_the_preceding_time(times_nlp) -> None:  # type: ignore[no-untyped-def]
    text = ("Lio Marsh conceded the 2022 race in a short talk. It recalled a loss her mentor took six years before.\n"
            "Marsh announced her run on May 3, 2021, and filed the papers that very day. "
            "She won the primary the following year.")
    _, times = run(times_nlp, text)
    got = {t.text: (t.value, t.anchor) for t in times}
    assert got["six years before"] == ("2016", "2022")
    assert got["that very day"] == ("2021-05-03", "May 3, 2021")
    assert got["the following year"] == ("2022", "that very day")


@pytest.mark.slow
def test_later_and_earlier_shift_the_referent(times_nlp) -> None:  # type: ignore[no-untyped-def]
    text = "Rhea Tam founded the paper in 2010. Two years later she sold it. Earlier that year she had hired Pim Ode."
    got = values(times_nlp, text)
    assert got["Two years later"] == ("DATE", "2012")
    assert got["Earlier that year"] == ("DATE", "2012")


@pytest.mark.slow
def test_relative_values_stay_unknown_without_a_publication_date(times_nlp) -> None:  # type: ignore[no-untyped-def]
    got = values(times_nlp, "Omar Kell met the board yesterday and again last month, then on Friday.", None)
    assert got["yesterday"] == ("DATE", "XXXX-XX-XX")
    assert got["last month"] == ("DATE", "XXXX-XX")
    assert got["Friday"][1].startswith("XXXX")


@pytest.mark.slow
@pytest.mark.parametrize(
    "text",
    [
        "Senator Pia Lund may run again, aides said.",
        "Protesters march through the capital every time the council meets.",
        "June Alvarez said the vote was close.",
        "The measure passed by 12 votes.",
        "Prices fall when demand drops.",
        "The fall of the old regime surprised Tara Quist.",
        "The 19th reported the story first.",
        "Ivo Stam won a second term.",
        "The agency hired 2000 workers.",
        "Ilka Moss told USA TODAY the plan was dead.",
        "Bram Ode, 52 years old, runs the mill.",
        "The nineteen nurses signed the letter.",
        "Two thousand workers marched past Ilse Brand.",
        "The Year of the Dragon parade was cancelled.",
        "Noor Hale praised the year-end bonuses.",
        "The Easter Bunny visited Ada Roe.",
        "The coming storm worried Ivo Lund.",
        "Thanksgiving Foods hired Ada Roe.",
        'Ada Roe told the show "48 Hours" that she would stay.',
        "The party daily Vestnik printed the letter.",
    ],
)
def test_ambiguous_words_are_not_times(times_nlp, text: str) -> None:  # type: ignore[no-untyped-def]
    _, times = run(times_nlp, text)
    assert times == []


@pytest.mark.slow
def test_ambiguous_month_in_date_context_is_a_month(times_nlp) -> None:  # type: ignore[no-untyped-def]
    got = values(times_nlp, "Pia Lund may step down in May, and the rally will march on in March 2026.")
    assert got == {"May": ("DATE", "2025-05"), "March 2026": ("DATE", "2026-03")}


@pytest.mark.slow
def test_quarter_periods_follow_the_quarter_under_discussion(times_nlp) -> None:  # type: ignore[no-untyped-def]
    text = ("Net income at Pell Mills rose in the third quarter of 2024 from a year ago. Profit was lower last year. "
            "In the latest period, sales fell. In the 2023 period, sales rose. "
            "Sales for this year's second quarter will be lower.")
    got = values(times_nlp, text)
    assert got["a year ago"] == ("DATE", "2023-Q3")
    assert got["last year"] == ("DATE", "2024")  # plain "last year" is the calendar year
    assert got["the latest period"] == ("DATE", "2024-Q3")
    assert got["the 2023 period"] == ("DATE", "2023-Q3")
    assert got["this year's second quarter"] == ("DATE", "2025-Q2")


# published 2025-11-05: the third quarter is over, the fourth is still ahead
REPORTED_QUARTERS = [
    # a forecast quarter is not the one under discussion
    ("Corvane Ltd. posted higher third-quarter profit and expects a fourth-quarter loss. "
     "In the latest quarter, sales rose.", {"the latest quarter": ("DATE", "2025-Q3")}),
    # ... unless it is the only one named (a fiscal fourth quarter can end in September)
    ("Halvik Corp. reported a fourth-quarter loss. Sales in the latest period fell.",
     {"the latest period": ("DATE", "2025-Q4")}),
    # "a year ago" beside "the quarter" is that quarter a year back
    ("Brenna Foods posted third-quarter results.\n\nProfit was $2 million in the quarter, compared with "
     "$5 million a year ago.", {"a year ago": ("DATE", "2024-Q3")}),
    # "a year earlier" right after a day is that day a year back
    ("Brenna Foods posted third-quarter results. The fund closed at $9 on Sept. 30, up from $7 a year earlier.",
     {"a year earlier": ("DATE", "2024-09-30")}),
]


@pytest.mark.slow
@pytest.mark.parametrize(("text", "expected"), REPORTED_QUARTERS)
def test_the_quarter_under_discussion_is_a_reported_one(times_nlp, text: str,  # type: ignore[no-untyped-def]
                                                        expected: dict[str, tuple[str, str]]) -> None:
    found = values(times_nlp, text, "2025-11-05")
    for key, want in expected.items():
        assert found.get(key) == want, found


# published 2025-02-05 (a Wednesday)
TENSE_AND_PARTS = [
    ("The council met Tuesday evening.", {"Tuesday evening": ("DATE", "2025-02-04TEV")}),
    # the counterparts of two left-outs among the cases that are not times
    ("Ada Roe waited 48 hours for the ruling.", {"48 hours": ("DURATION", "PT48H")}),
    ("The party prints a daily newsletter.", {"daily": ("SET", "P1D")}),
    ("The council met Tuesday night.", {"Tuesday night": ("DATE", "2025-02-04")}),
    ("The council met Tuesday morning.", {"Tuesday morning": ("DATE", "2025-02-04")}),
    # a past verb puts a month two or more months ahead back a year ...
    ("Orla Dent changed the firm's name in April.", {"April": ("DATE", "2024-04")}),
    ("Orla Dent will change the firm's name in April.", {"April": ("DATE", "2025-04")}),
    # ... a verbless clause says nothing: the nearest October
    ("Her farms, worth $5 million in October, are worth half that now.", {"October": ("DATE", "2024-10")}),
    ("Her farms will be worth $5 million in October.", {"October": ("DATE", "2025-10")}),
    # a participle clause takes the main verb's tense
    ("The stock has swung widely, climbing to $40 in June.", {"June": ("DATE", "2024-06")}),
    ("The stock will swing widely, climbing to $40 in June.", {"June": ("DATE", "2025-06")}),
]


@pytest.mark.slow
@pytest.mark.parametrize(("text", "expected"), TENSE_AND_PARTS)
def test_tense_and_parts_of_the_day(times_nlp, text: str,  # type: ignore[no-untyped-def]
                                    expected: dict[str, tuple[str, str]]) -> None:
    found = values(times_nlp, text)
    for key, want in expected.items():
        assert found.get(key) == want, found


@pytest.mark.slow
def test_spans_are_offsets_into_the_text(times_nlp) -> None:  # type: ignore[no-untyped-def]
    text = ("Tomas Ruiz Was Elected In 2018\n\nRuiz, who took office on Jan. 2, 2019, said last week that "
            "he had served for years and would stand again next spring.")
    doc, times = run(times_nlp, text)
    assert len(times) >= 4
    for t in times:
        assert doc.text[t.start:t.end] == t.text


@pytest.mark.slow
def test_governing_time_prefers_the_clause_of_the_fact(times_nlp) -> None:  # type: ignore[no-untyped-def]
    text = "In 2016 Maya Reed worked for Senator Odell, and she joined the Lark Foundation in 2020."
    doc, _ = run(times_nlp, text)
    worked = text.index("worked")
    joined = text.index("joined")
    first = governing_time(doc, worked, worked + len("worked"))
    second = governing_time(doc, joined, joined + len("joined"))
    assert first is not None and first.value == "2016"
    assert second is not None and second.value == "2020"


@pytest.mark.slow
def test_governing_time_stays_in_the_sentence(times_nlp) -> None:  # type: ignore[no-untyped-def]
    text = "Ezra Holt left the firm in 2019. He now teaches law."
    doc, _ = run(times_nlp, text)
    teaches = text.index("teaches")
    got = governing_time(doc, teaches, teaches + len("teaches"))
    assert got is not None and got.value == "PRESENT_REF"
    assert governing_time(doc, text.index("He"), text.index("He") + 2) is not None
    left = text.index("left")
    assert governing_time(doc, left, left + 4).value == "2019"  # type: ignore[union-attr]


@pytest.mark.slow
def test_governing_time_is_never_a_duration(times_nlp) -> None:  # type: ignore[no-untyped-def]
    # "over five years" says how long, not when; a day in the same clause says when
    text = "Ada Obi proposed spending $5 million over five years. Bo Lane proposed on Monday a plan over two years."
    doc, _ = run(times_nlp, text)
    first = text.index("proposed")
    second = text.index("proposed", first + 1)
    assert governing_time(doc, first, first + len("proposed")) is None
    got = governing_time(doc, second, second + len("proposed"))
    assert got is not None and got.value == "2025-02-03"


# ------------------------------------------------------------------ reference data (skipped when absent)


@pytest.mark.shared
def test_timebank_reader_recovers_gold_spans(shared: Path) -> None:
    import importlib.util
    import sys

    tml = sorted((shared / "datasets" / "timebank" / "TimeBank").glob("*.tml"))
    if not tml:
        pytest.skip("TimeBank is not present")
    spec = importlib.util.spec_from_file_location("eval_time", Path(__file__).parents[2] / "scripts" / "eval_time.py")
    module = importlib.util.module_from_spec(spec)  # type: ignore[arg-type]
    sys.modules["eval_time"] = module
    spec.loader.exec_module(module)  # type: ignore[union-attr]
    doc = module.read_tml(tml[0])
    assert doc.gold and len(doc.dct) == 10
    for g in doc.gold:
        assert doc.text[g.start:g.end] == g.text
