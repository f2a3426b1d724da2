"""Numbers and words that are not dates must never date an event (issue 3, item 5).

Each row is a real news sentence; whatever the tagger finds in it, nothing may be a DATE or
TIME mention except the spans listed as genuine.
"""

from __future__ import annotations

import datetime as dt

import pytest

from briefing.extract.dates import find_dates

REF = dt.date(2025, 8, 31)

TRAPS = [
    ("Support the OSINT Ukraine Archive. 2 minutes to read", ()),
    ("roughly 2,000 of its fighters have failed to improve security", ()),
    ("from 736 a year to more than 3,000 annually", ()),
    ("with 80% of fatalities attributed not to jihadists", ()),
    ("Wagner has around 1,500 mercenaries in Mali, 400 in Burkina Faso", ()),
    ("jihadi attacks that killed 100 people despite promises", ()),
    ("they killed at least 84 mercenaries, as well nearly 50 Malian soldiers", ()),
    ("The company paid $2,019 million for the stake.", ()),
    ("Shares rose 2024 points, a record.", ()),
    ("Turnout was 1999 votes short of the quorum.", ()),
    ("The tanker carried 2000 tonnes of fuel.", ()),
    ("He lives at No. 10 Downing Street.", ()),
    ("Theresa May said the vote would go ahead.", ()),
    ("A second attack hit the convoy.", ()),
    ("The 42-year-old commander was arrested.", ()),
    ("Each driver is 30 years old or more.", ()),
    ("The team won 3-1 after extra time.", ()),
    ("Call +223 2022 1234 for details.", ()),
    ("The plane flew at 2,400 km/h, its crew said.", ()),
    ("Coordinates 14.2024, -3.1999 mark the site.", ()),
    ("The vote was 2019 to 1985 in favour.", ()),
    ("He drove the car in the 80s on the motorway.", ()),
    ("Route 1990 was closed to traffic.", ()),
    ("Flight 2021 landed safely in Bamako.", ()),
    ("The march on the capital was halted.", ()),
    ("Police may detain suspects for questioning.", ()),
    ("The Sunday Times reported the story.", ()),
    ("They reported the fall of the town to rebels.", ()),
    ("Inflation is at 12.2020 percent, economists said.", ()),
    ("The report runs to 1,992 pages.", ()),
    ("Model 1911 pistols were seized.", ()),
    ("It was his second term in office.", ()),
    ("The price is 1,995 euros a unit.", ()),
    ("The score was 2010 to 2005 after the recount.", ()),
    ("Confirmed cases have leapt from 297 to 1051 in a week.", ()),
    ("The risk of dying from the infection is put at 1 in 1000.", ()),
    ("Tallies rose from 250 to 1200 between the two reports.", ()),
    ("Her 3:25 mile was a school record.", ()),
    ("The motion passed by a 2:1 margin.", ()),
    ("A 9/11-style attack was feared by officials.", ()),
    ("The fund lost 1.2020 per share on the day.", ()),
    ("High Noon is still his favourite film.", ()),
    ("The Arab Spring toppled four rulers.", ()),
    ("Organisers called the protests the Spring of Life.", ()),
    ('The minister spoke on "This Week" about the strikes.', ()),
    ("The temperature reached 1200 degrees in the furnace.", ()),
    ("About 2,500 troops will stay, the minister said on Sunday.", ("Sunday",)),
    ("After a 2021 coup, a junta led by Assimi Goita seized power.", ("2021",)),
    ("Mali has suffered a deep crisis since at least 2011.", ("2011",)),
    ("Tensions culminated in August reprisals against dozens of officers.", ("August",)),
    ("Oil majors and their dealers run around 1200 to 1500 gas stations each.", ()),
    ("The airline keeps some 2000 to 2500 planes grounded.", ()),
    ("Refiners employ up to 1800 engineers at the plant.", ()),
    ("The claim was first reported by the Daily Telegraph on Monday.", ("Monday",)),
    ("Weekly Standard editors met the senator.", ()),
    ("Crews made an overnight stop in Mobile.", ()),
    ("The spokeswoman told USA Today the budget was cut.", ()),
    ("The chief executive told the BBC's Today programme he hoped for a fix.", ()),
    ("Today, the company said, the leak slowed.", ("Today",)),
]


@pytest.mark.parametrize(("sentence", "genuine"), TRAPS)
def test_non_date_numbers_and_words_never_date_an_event(sentence, genuine):
    dating = tuple(m.text for m in find_dates(sentence, reference=REF) if m.is_dating)
    assert dating == genuine


def test_3000_annually_is_at_most_a_set():
    found = find_dates("more than 3,000 annually in 2022–2024", reference=REF)
    assert [(m.text, m.type.value) for m in found] == [("annually", "SET"), ("2022–2024", "DATE")]


def test_two_minutes_is_a_duration_not_a_date():
    (mention,) = find_dates("2 minutes to read", reference=REF)
    assert (mention.type.value, mention.value, mention.is_dating) == ("DURATION", "PT2M", False)


LIVE_BLOG = (
    "2200: Our live coverage ends now.\n"
    "2155: A reader from Leeds writes: The company must pay for the damage.\n"
    "2152: A political blogger tweets: The speech was vague. Read his tweets 2150: Yikes!\n"
    "2137: Our correspondent in Washington says the address was serious.\n"
)
"""A live blog, newest entry first: each line opens with a 24-hour time, not a year."""

YEAR_LIST = (
    "1918: The Spanish flu pandemic killed more than 50m people.\n"
    "1957: Asian flu killed two million people.\n"
    "1968: Hong Kong flu killed one million people.\n"
)
"""A box of historical events: the same line shape, but years."""


def test_live_blog_entry_times_are_times_on_the_publication_day_not_years():
    found = find_dates(LIVE_BLOG, reference=dt.date(2010, 6, 15))
    assert [(m.text, m.type.value, m.value) for m in found] == [
        ("2200", "TIME", "2010-06-15T22:00"),
        ("now", "DATE", "PRESENT_REF"),
        ("2155", "TIME", "2010-06-15T21:55"),
        ("2152", "TIME", "2010-06-15T21:52"),
        ("2150", "TIME", "2010-06-15T21:50"),
        ("2137", "TIME", "2010-06-15T21:37"),
    ]


def test_a_list_of_historical_years_stays_years():
    found = find_dates(YEAR_LIST, reference=dt.date(2009, 4, 27))
    assert [(m.text, m.value) for m in found] == [
        ("1918", "1918"),
        ("1957", "1957"),
        ("1968", "1968"),
    ]


TIMES_NOT_YEARS = [
    (
        "The flow stopped at 1425 local time (1925 GMT) on Thursday.",
        [
            ("1425 local time", "2010-07-15T14:25"),
            ("1925 GMT", "2010-07-15T19:25"),
            ("Thursday", "2010-07-15"),
        ],
    ),
    (
        "As of 1700 BST on 15 June 2010, 76 countries had cases.",
        [("1700 BST on 15 June 2010", "2010-06-15T17:00")],
    ),
    (
        "The line is open from 0830 BST to 1730 BST.",
        [("0830 BST", "2010-07-16T08:30"), ("1730 BST", "2010-07-16T17:30")],
    ),
    ("The plane landed at 19:52 in Shanghai.", [("19:52", "2010-07-16T19:52")]),
    (
        "At 4:13 pm on 28 May 2010, a reader wrote: shocking.",
        [("4:13 pm on 28 May 2010", "2010-05-28T16:13")],
    ),
    (
        "The blast occurred at about 10:35 a.m. (0735 GMT) Friday.",
        [
            ("about 10:35 a.m.", "2010-07-16T10:35"),
            ("0735 GMT", "2010-07-16T07:35"),
            ("Friday", "2010-07-16"),
        ],
    ),
]


@pytest.mark.parametrize(("sentence", "expected"), TIMES_NOT_YEARS)
def test_four_figures_with_a_time_zone_are_a_time_of_day(sentence, expected):
    found = find_dates(sentence, reference=dt.date(2010, 7, 16))
    assert [(m.text, m.value) for m in found] == expected


FAR_INFERENCES = [
    ("Eton College was founded nearly 570 years ago.", "PAST_REF"),
    ("Nobody can forecast the climate 100 years hence.", "FUTURE_REF"),
    ("The college was founded in 1440.", "1440"),
    ("The treaty expires on 1 Jan 2099.", "2099-01-01"),
]


@pytest.mark.parametrize(("sentence", "value"), FAR_INFERENCES)
def test_dates_before_1900_or_far_ahead_are_kept_when_written_never_when_computed(sentence, value):
    (mention,) = find_dates(sentence, reference=dt.date(2009, 6, 1))
    assert mention.value == value
