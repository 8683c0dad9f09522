"""Time values against the publication date: (text, published, expected) tables, issue 16.

Each rule has a positive case beside a negative or contrasting one. Sentences are the team's
own, about fictional people. ``None`` as the expected value means the text must not be a time.
"""

from __future__ import annotations

import pytest

from dossier.pipeline import doc_state

# 2025-02-05 is a Wednesday; 2025-10-27 a Monday.
CASES = [
    # a month (and day) with "this/last/next year": that year, whatever the tense
    ("Ilsa Marek joined the council in June last year.", "2025-02-05", "June last year", "2024-06"),
    ("Ilsa Marek will leave the council in June.", "2025-02-05", "June", "2025-06"),
    ("The vote is set for April next year.", "2025-10-27", "April next year", "2026-04"),
    ("Tallis Greer was hired in February this year.", "2025-10-27", "February this year", "2025-02"),
    ("The plant closed on March 3 last year.", "2025-02-05", "March 3 last year", "2024-03-03"),
    ("Last year's budget was approved in March.", "2025-10-27", "March", "2025-03"),
    # "last" + month and day: the latest past one
    ("Ravi Lund was hurt last Oct. 23 near his home.", "2025-05-06", "last Oct. 23", "2024-10-23"),
    ("Ravi Lund was hurt on Oct. 23 near his home.", "2025-10-27", "Oct. 23", "2025-10-23"),
    # "since" points back: the date is on or before publication
    ("Police have been searching for Orla Finch since shortly after the Oct. 23 fire.", "2025-05-06", "Oct. 23",
     "2024-10-23"),
    ("Police will search the river bank on Oct. 23, Orla Finch said.", "2025-05-06", "Oct. 23", "2025-10-23"),
    # "effective" points ahead
    ("The co-op named Bram Oyelaran chairman, effective Jan. 1.", "2025-06-10", "Jan. 1", "2026-01-01"),
    ("The co-op named Bram Oyelaran chairman on Jan. 1.", "2025-06-10", "Jan. 1", "2025-01-01"),
    # a deadline moved "until" a weekday lies ahead; a past event "until" a weekday does not
    ("The board postponed until Tuesday any vote on the plan.", "2025-02-05", "Tuesday", "2025-02-11"),
    ("The board met until Tuesday, Ada Quill said.", "2025-02-05", "Tuesday", "2025-02-04"),
    # past perfect of a plan: the planned day is past
    ("The offer had been scheduled to expire Friday.", "2025-10-27", "Friday", "2025-10-24"),
    ("The offer is scheduled to expire Friday.", "2025-10-27", "Friday", "2025-10-31"),
    ("The offer had been due to expire Friday.", "2025-10-27", "Friday", "2025-10-24"),
    # "could" with a negative subject reports a failed attempt (past); plain "could" is a possibility ahead
    ("Neither Ivo Marsh nor his aides could be reached Tuesday.", "2025-02-05", "Tuesday", "2025-02-04"),
    ("Ivo Marsh could be reached Tuesday, his aides said.", "2025-02-05", "Tuesday", "2025-02-11"),
    # business news: a quarter a year back
    ("In the year-earlier third quarter, the co-op earned less.", "2025-10-27", "the year-earlier third quarter",
     "2024-Q3"),
    ("In the third quarter, the co-op earned more.", "2025-10-27", "the third quarter", "2025-Q3"),
    ("Sales rose in the third quarter. For the quarter a year ago, the co-op lost money.", "2025-10-27",
     "the quarter a year ago", "2024-Q3"),
    # "the week of" a day: its ISO week
    ("The hearing is set for the week of March 3.", "2025-02-05", "the week of March 3", "2025-W10"),
    ("The hearing is set for March 3.", "2025-02-05", "March 3", "2025-03-03"),
    # a clock time takes its day past an aside, and a day (not a year) from the text before it
    ("The blast came at 10:35 a.m. (0735 GMT) Tuesday, Pia Rowe said.", "2025-02-05", "10:35 a.m.",
     "2025-02-04T10:35"),
    ("Sales fell last year. Noor Vale will speak at noon, her office said.", "2025-02-05", "noon",
     "2025-02-05T12:00"),
    ("She called it high noon for the council.", "2025-02-05", "noon", None),
    # "current" before a noun is the present; an accounting term or "the current year" is not
    ("Lio Brandt moved to his current post in May.", "2025-02-05", "current", "PRESENT_REF"),
    ("The co-op reported a current account surplus.", "2025-02-05", "current", None),
    ("Sales rose in the current fiscal year that ends in June.", "2025-02-05", "current", None),
    ("Investors hope for gains in the near future.", "2025-02-05", "the near future", "FUTURE_REF"),
    # "ahead of the weekend" is the coming one, early in the week too; "over the weekend" the last
    ("Traders sold shares ahead of the weekend.", "2025-02-03", "the weekend", "2025-W06-WE"),
    ("Traders sold shares over the weekend.", "2025-02-03", "the weekend", "2025-W05-WE"),
    # "N more U" is the added stretch; "N U on" is later only without an object
    ("Tam Roe will stay for two more weeks.", "2025-02-05", "two more weeks", "P2W"),
    ("Tam Roe will stay for two weeks.", "2025-02-05", "two weeks", "P2W"),
    ("Tam Roe survived two days on a raft.", "2025-02-05", "two days", "P2D"),
    ("The storm hit on Monday. Two days on, the roads were still shut.", "2025-02-05", "Two days on", "2025-02-05"),
    # a weekday with a plural part of the day recurs; a singular one is one day
    ("The bar hosts quiz games on Tuesday nights.", "2025-02-05", "Tuesday nights", "XXXX-WXX-2TNI"),
    ("The bar hosted a quiz game on Tuesday night.", "2025-02-05", "Tuesday night", "2025-02-04"),
    # a quotation opening on "Today" is the publication day, not a title
    ("``Today, we have a deal,'' Juno Pell said.", "2025-02-05", "Today", "2025-02-05"),
    ("``Today,'' a song by Juno Pell, was a hit.", "2025-02-05", "Today", None),
    # a capitalised unit inside a sentence is a title
    ('Rafe Imlay said on ABC\'s "This Week" that he would run.', "2025-02-05", "This Week", None),
    ("Rafe Imlay said this week that he would run.", "2025-02-05", "this week", "2025-W06"),
    # round 5. A decade in words is a decade; temperatures are not decades
    ("The Osei twins grew up in the early 1980s.", "2025-02-05", "the early 1980s", "198X"),
    ("Ferry traffic fell through the nineties, Cai Dunmore said.", "2025-02-05", "the nineties", "199X"),
    ("Highs will climb into the nineties, forecasters said.", "2025-02-05", "the nineties", None),
    # "recent/future/coming" + a plural unit is a reference (HeidelTime's date rules), a count is a duration
    ("The mill has lost workers in recent years.", "2025-02-05", "recent years", "PAST_REF"),
    ("The mill has lost workers in the past three years.", "2025-02-05", "the past three years", "P3Y"),
    ("Traders sold bonds in recent weeks and months.", "2025-02-05", "recent weeks and months", "PAST_REF"),
    ("The loss will cut taxes in future quarters.", "2025-02-05", "future quarters", "FUTURE_REF"),
    ("Rates should fall in coming months, Ines Corr said.", "2025-02-05", "coming months", "FUTURE_REF"),
    ("Rates should fall in the coming month, Ines Corr said.", "2025-02-05", "coming month", "2025-03"),
    # "now that" is now; "from now on" is not a time of its own
    ("Prices will rise now that the mill has closed.", "2025-02-05", "now", "PRESENT_REF"),
    ("From now on the mill opens at dawn.", "2025-02-05", "now", None),
    # "N U before/after" an event in a gerund is a stretch; standing alone it moves the date
    ("The co-op must wait at least 30 days before closing the sale.", "2025-02-05", "at least 30 days", "P30D"),
    ("The co-op closed the sale. Thirty days before, it had no buyer.", "2025-02-05", "Thirty days before",
     "2025-01-06"),
    # a numbered quarter reported in the past, before that quarter of the year has begun: last year's
    ("Profits fell 18 percent in the fourth quarter, Vela Corp. said.", "2025-01-20", "the fourth quarter",
     "2024-Q4"),
    ("Profits will fall in the fourth quarter, Vela Corp. said.", "2025-01-20", "the fourth quarter", "2025-Q4"),
    ("Profits fell in the second quarter, Vela Corp. said.", "2025-10-27", "the second quarter", "2025-Q2"),
    # "year-ago" after a period already a year back is that period, not one a year before it
    ("In the nine months, net fell from $5 million in the 2024 period. The year-ago results included a charge.",
     "2025-10-27", "year-ago", "2024"),
    ("Net rose in the third quarter. The year-ago results included a charge.", "2025-10-27", "year-ago",
     "2024-Q3"),
    # "each July" recurs; "in July" is one month
    ("The pipers march each July through the town.", "2025-02-05", "each July", "XXXX-07"),
    ("The pipers marched in July through the town.", "2025-02-05", "July", "2024-07"),
    # "or so" leaves the count approximate
    ("Then, a week or so ago, Dara Pell changed her mind.", "2025-02-05", "a week or so ago", "2025-W05"),
    # the middle of a part of the day, of the day named after it or the publication day
    ("By mid afternoon, the roads were open again.", "2025-02-05", "mid afternoon", "2025-02-05TAF"),
    ("At mid-afternoon yesterday, shares of Vela were up.", "2025-02-05", "mid-afternoon yesterday",
     "2025-02-04TAF"),
    # an hour "in the morning" / "at night" is a clock time; an hour before a noun is not
    ("The ferry leaves at 4 in the morning, Rhea Oduya said.", "2025-02-05", "4 in the morning", "2025-02-05T04:00"),
    ("The ferry left at 11 at night.", "2025-02-05", "11 at night", "2025-02-05T23:00"),
    ("Tam Roe scored 3 in the morning session.", "2025-02-05", "3 in the morning", None),
    # "now on the board" is now; only "from now on" is not
    ("The people who are now on the board agreed.", "2025-02-05", "now", "PRESENT_REF"),
    # "that quarter" is the last quarter named
    ("Sales rose in the second quarter. Results for that quarter included a charge.", "2025-10-27", "that quarter",
     "2025-Q2"),
    # "the next couple of years" counts two
    ("Over the next couple of years, Vela will hire.", "2025-02-05", "the next couple of years", "P2Y"),
    # a deadline extended "through" a month lies ahead; a past event "through" a month does not
    ("Banks have extended the co-op's loans through January.", "2025-10-27", "January", "2026-01"),
    ("The strike lasted through January.", "2025-10-27", "January", "2025-01"),
    # beside "the nine months", a year back is last year (not a quarter); beside a named day, from that day
    ("For the nine months, Vela earned $5 million, up from $4 million a year earlier.", "2025-10-27",
     "a year earlier", "2024"),
    ("In the third quarter, Vela earned $5 million, up from $4 million a year earlier.", "2025-10-27",
     "a year earlier", "2024-Q3"),
    ("For the six months ended Aug. 12, Vela earned $5 million, against $4 million a year earlier.", "2025-10-27",
     "a year earlier", "2024-08-12"),
    # a range of counts is read at its lower bound; a range of percentages is no time
    ("Shipments will resume within two to three weeks.", "2025-02-05", "two to three weeks", "P2W"),
    ("Prices rose 2 to 3 percent last week.", "2025-02-05", "3 percent", None),
    # "the first two quarters" are the first half; "the last two quarters" alone are not a half
    ("The slump will last through the first two quarters of 2026.", "2025-10-27", "the first two quarters of 2026",
     "2026-H1"),
    ("Sales fell in the last two quarters.", "2025-10-27", "the last two quarters", "P2Q"),
    # a bare participle of planning takes the tense of the clause it hangs from
    ("A vigil planned for Saturday was cancelled, Nell Osei said.", "2025-02-05", "Saturday", "2025-02-01"),
    ("Organisers expect thousands at a vigil planned for Saturday.", "2025-02-05", "Saturday", "2025-02-08"),
    ("Gen. Tarr let the march begin as planned Saturday night.", "2025-02-05", "Saturday night", "2025-02-01"),
    ("The ruling issued Thursday stands, Nell Osei said.", "2025-02-05", "Thursday", "2025-01-30"),
    # the period under discussion is the latest reported quarter, not an earlier one named for contrast
    ("Vela posted a gain in third-quarter net. After a flat second quarter, sales rose. In the 2025 period "
     "also, costs fell.", "2025-10-27", "the 2025 period", "2025-Q3"),
    ("Vela posted a gain in second-quarter net. In the 2025 period also, costs fell.", "2025-10-27",
     "the 2025 period", "2025-Q2"),
    # "the quarter ended July 31" ran from May: the second quarter, unless a quarter was named before it
    ("In the quarter ended July 31, Vela earned $5 million.", "2025-10-27", "the quarter", "2025-Q2"),
    ("In the quarter ended Jan. 31, Vela earned $5 million.", "2025-10-27", "the quarter", "2024-Q4"),
    ("Vela reported a fiscal first-quarter gain. In the quarter ended Sept. 30, it earned $5 million.",
     "2025-10-27", "the quarter", "2025-Q1"),
    # "in the morning" is that part of the day last named; a noun after it makes it a kind of thing
    ("Shares fell on Monday. Traders sold heavily in the morning.", "2025-02-05", "the morning",
     "2025-02-03TMO"),
    ("Ada Quill reads the news in the morning paper.", "2025-02-05", "the morning", None),
    ("Ada Quill met the mayor in the afternoon.", "2025-02-05", "the afternoon", None),
    # "an hour later" after an event with no clock time is the gap's length; "two hours ago" a time
    ("Ada Obi collapsed at the rally. Just over an hour later, she was declared dead.", "2025-02-05",
     "over an hour", "PT1H"),
    ("Two hours ago Ada Obi spoke to the crowd.", "2025-02-05", "Two hours ago", "2025-02-05"),
    # "will one day" is some day ahead; "spent one day" is a length
    ("Ada Obi says the co-op will one day own the mill.", "2025-02-05", "one day", "FUTURE_REF"),
    ("Ada Obi spent one day in Oslo.", "2025-02-05", "one day", "P1D"),
    # the second day of "April 24 and 25" shares the month; "25 people" is a count
    ("The summit is set for April 24 and 25 in Oslo.", "2025-02-05", "25", "2025-04-25"),
    ("Bo Lane spoke on April 24 and 25 people cheered.", "2025-05-06", "25", None),
    # "the 2028 Olympics" is that year's games; "2000 Marines" a count
    ("Ada Obi will run at the 2028 Olympics.", "2025-02-05", "2028", "2028"),
    ("Sen. Rita Holt sent 2000 Marines to the coast.", "2025-02-05", "2000", None),
    # an ambiguous month before an event noun dates it; before another noun it is a name
    ("The March vote will let Bo Lane take office.", "2025-02-05", "March", "2025-03"),
    ("The May queen waved to Bo Lane.", "2025-02-05", "May", None),
    # a quarter or half "of next year" is that year's, and "of this year" is not moved back by a past verb
    ("Ada Obi expects a profit in the first quarter of next year.", "2025-02-05", "the first quarter of next year",
     "2026-Q1"),
    ("Ada Obi expects a profit in the first quarter.", "2025-10-27", "the first quarter", "2025-Q1"),
    ("The third quarter of this year was weak, Bo Lane said.", "2025-02-05", "The third quarter of this year",
     "2025-Q3"),
    ("The third quarter was weak, Bo Lane said.", "2025-02-05", "The third quarter", "2024-Q3"),
    # "Q3" is the quarter written short; "Q&A" is not
    ("Bo Lane said results are due in Q3.", "2025-02-05", "Q3", "2025-Q3"),
    ("Bo Lane took questions in a Q&A session.", "2025-02-05", "Q", None),
    # "the end of the decade" is the publication's decade; "the decade" alone is not dated
    ("The rules expire at the end of the decade, Ada Obi said.", "2025-02-05", "the end of the decade", "202X"),
    ("Ada Obi said the decade ended badly.", "2025-02-05", "decade", None),
    # "late Tuesday" is that day (late in it)
    ("The talks broke down late Tuesday, Bo Lane said.", "2025-02-05", "late Tuesday", "2025-02-04"),
    ("The talks broke down Tuesday, Bo Lane said.", "2025-02-05", "Tuesday", "2025-02-04"),
    # an event noun with a present "is" is on the calendar ahead; a past "was" or a person is not
    ("The vote is Thursday, Bo Lane said.", "2025-02-05", "Thursday", "2025-02-06"),
    ("The vote was Thursday, Bo Lane said.", "2025-02-05", "Thursday", "2025-01-30"),
    # "ahead of" / "in the run-up to" a weekday's event: still to come; a past verb alone: past
    ("Ada Obi is campaigning hard ahead of Tuesday's vote.", "2025-02-05", "Tuesday", "2025-02-11"),
    ("The latest news in the run-up to Tuesday's vote.", "2025-02-05", "Tuesday", "2025-02-11"),
    ("Ada Obi sent emails in the hours leading up to Tuesday's vote.", "2025-02-05", "Tuesday", "2025-02-04"),
    # a clock time on a line of its own (a live blog's header) is on the publication day
    ("Bo Lane will speak on Monday.\n\n9:34 p.m.\n\nAda Obi spoke to the crowd.", "2025-02-05", "9:34 p.m.",
     "2025-02-05T21:34"),
    ("Bo Lane spoke on Monday. Ada Obi followed at 9:34 p.m.", "2025-02-05", "9:34 p.m.", "2025-02-03T21:34"),
    # "hopes one day to" is some day ahead; "took one day to" a length
    ("Ada Obi hopes one day to run the co-op.", "2025-02-05", "one day", "FUTURE_REF"),
    ("It took Ada Obi one day to fix the roof.", "2025-02-05", "one day", "P1D"),
    # ... but "one day" as the object of such a verb is a length: "promised one day off"
    ("Bo Lane promised one day off for the crew.", "2025-02-05", "one day", "P1D"),
    ("The court will need one day for the hearing.", "2025-02-05", "one day", "P1D"),
    # "come November" is when November comes; a past verb with a month keeps it behind
    ("Bo Lane will need those votes come November.", "2025-02-05", "November", "2025-11"),
    ("Bo Lane won those votes in November.", "2025-02-05", "November", "2024-11"),
    # a perfect "had come" is past: no "when it comes"
    ("The ruling had come Tuesday, Ada Obi said.", "2025-02-05", "Tuesday", "2025-02-04"),
    # "the second half of July" is July (its end); "the second half" alone a half-year
    ("The co-op holds its fair in the second half of July.", "2025-02-05", "the second half of July", "2025-07"),
    ("Sales rose in the second half, Bo Lane said.", "2025-02-05", "the second half", "2024-H2"),
    # a plain present does not put a month a year ahead (it does a weekday); "will" does
    ("Bo Lane raised the rent the co-op pays to $900 in July.", "2025-08-20", "July", "2025-07"),
    ("Bo Lane will raise the rent to $900 in July.", "2025-08-20", "July", "2026-07"),
    ("The co-op meets Monday, Bo Lane said.", "2025-02-05", "Monday", "2025-02-10"),
    # ... and a month with its day is a scheduled date, not a recurring month
    ("The co-op meets Feb. 3 to vote on the rent.", "2025-07-20", "Feb. 3", "2026-02-03"),
    # "to be delivered Wednesday": still to happen; "delivered Wednesday": past
    ("Ada Obi wrote a speech, to be delivered Wednesday at the hall.", "2025-02-04", "Wednesday", "2025-02-05"),
    ("Ada Obi wrote a speech, delivered Wednesday at the hall.", "2025-02-06", "Wednesday", "2025-02-05"),
    ("She is the favourite to win the race come November, aides said.", "2025-02-05", "November", "2025-11"),
    # a quarter-century is 25 years; a quarter alone is three months
    ("Ada Obi left Oslo nearly a quarter-century ago.", "2025-02-05", "nearly a quarter-century ago", "2000"),
    ("Ada Obi has led the co-op for a quarter.", "2025-02-05", "a quarter", "P1Q"),
    # "today's youth", "the leaders of tomorrow" are the age, not a day; "today's vote" is a day
    ("Ada Obi said the plan is for today's youth.", "2025-02-05", "today", None),
    ("Ada Obi lost today's vote.", "2025-02-05", "today", "2025-02-05"),
    ("Bo Lane trains the leaders of tomorrow.", "2025-02-05", "tomorrow", None),
    ("Bo Lane will train the leaders tomorrow.", "2025-02-05", "tomorrow", "2025-02-06"),
    # "in five years" on a "will/would" verb is the date that far ahead; on a past verb a length
    ("The co-op will repay the loan in five years, Ada Obi said.", "2025-02-05", "five years", "2030"),
    ("The co-op repaid the loan in five years, Ada Obi said.", "2025-02-05", "five years", "P5Y"),
    # "that Friday" is the first Friday from the day last named; with none, the tense's
    ("Ada Obi spoke on Oct. 1, 2024. By that Friday, she had resigned.", "2025-02-05", "that Friday",
     "2024-10-04"),
    ("Ada Obi said she resigned that Friday.", "2025-02-05", "that Friday", "2025-01-31"),
    # "later in the day" is the day last named; with none, the publication's
    ("Bo Lane wrote to the board on Friday. Later in the day, he quit.", "2025-02-05", "Later in the day",
     "2025-01-31"),
    ("Later in the day, Bo Lane quit.", "2025-02-05", "Later in the day", "2025-02-05"),
    # ... the day last named, even with a quarter named after it
    ("The co-op said Tuesday that profit rose in the fourth quarter. Later in the day, Bo Lane quit.",
     "2025-02-05", "Later in the day", "2025-02-04"),
    # a bare gerund takes the time of the clause it hangs from
    ("Ada Obi quit the board before announcing her run in April.", "2025-12-15", "April", "2025-04"),
    ("Ada Obi will quit the board before announcing her run in April.", "2025-12-15", "April", "2026-04"),
    # "in 2008, the year she returned" is 2008; "the year" alone (for the year) the publication's
    ("Ada Obi founded the group in 2008, the year she returned to Oslo.", "2025-02-05", "the year", "2008"),
    ("Ada Obi expects profit to rise for the year.", "2025-02-05", "the year", "2025"),
    # an age is no time: "12 years of age"; "for 12 years" is a length
    ("The boy, 12 years of age, ran to Ada Obi.", "2025-02-05", "12 years", None),
    ("The boy ran to Ada Obi for 12 years.", "2025-02-05", "12 years", "P12Y"),
]


def _values(nlp, text: str, published: str) -> dict[str, str]:  # type: ignore[no-untyped-def]
    doc = nlp.make_doc(text)
    doc_state.set_article(doc, published, 0)
    doc = nlp(doc)
    return {t.text: t.value for t in doc_state.section(doc, doc_state.TIMES)}


@pytest.mark.slow
@pytest.mark.parametrize(("text", "published", "span", "expected"), CASES)
def test_time_value(nlp, text: str, published: str, span: str, expected: str | None) -> None:  # type: ignore[no-untyped-def]
    found = _values(nlp, text, published)
    assert found.get(span) == expected, found
