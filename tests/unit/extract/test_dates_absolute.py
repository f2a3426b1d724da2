"""Absolute dates, partial dates, years, ranges, decades, quarters and seasons (issue 3, item 3)."""

from __future__ import annotations

import datetime as dt
import itertools

import pytest

from briefing.extract.dates import find_dates
from briefing.model import Anchoring, Precision

REF = dt.date(2024, 9, 20)

CASES = [
    ("The attacks on September 17, 2024 killed 70 people.", [("September 17, 2024", "2024-09-17")]),
    ("Talks resumed on 17 September 2024 in Bamako.", [("17 September 2024", "2024-09-17")]),
    ("The junta took power on Aug. 18, 2020, in Mali.", [("Aug. 18, 2020", "2020-08-18")]),
    ("The vote is set for Sept. 30, 1989.", [("Sept. 30, 1989", "1989-09-30")]),
    ("The report was dated 2024-09-17.", [("2024-09-17", "2024-09-17")]),
    ("A ceasefire signed on 17/09/2024 collapsed.", [("17/09/2024", "2024-09-17")]),
    ("The filing, dated 09/17/2024, was public.", [("09/17/2024", "2024-09-17")]),
    (
        "The decree of the 17th of September 2024 stands.",
        [("the 17th of September 2024", "2024-09-17")],
    ),
    ("Elections were held in July 2023 under military rule.", [("July 2023", "2023-07")]),
    ("Wagner arrived in Mali in December 2021.", [("December 2021", "2021-12")]),
    ("The coup of 2021 changed everything.", [("2021", "2021")]),
    ("Mali has suffered a deep crisis since at least 2011.", [("2011", "2011")]),
    ("Deaths rose in 2022–2024, the report says.", [("2022–2024", "2022")]),
    ("The fiscal 1998-99 budget was cut.", [("1998-99", "1998")]),
    ("Prices soared in the 1990s.", [("the 1990s", "199")]),
    ("It was a fashion of the '80s.", [("the '80s", "198")]),
    ("The mine was dug in the 19th century.", [("the 19th century", "18")]),
    ("Profit fell in the third quarter.", [("the third quarter", "2024-Q3")]),
    ("Coast Savings reported a third-quarter loss.", [("third-quarter", "2024-Q3")]),
    ("Output grew in Q3 2023.", [("Q3 2023", "2023-Q3")]),
    ("Sales dropped in the first half of 2023.", [("the first half of 2023", "2023-H1")]),
    ("Fighting eased in the summer of 2022.", [("the summer of 2022", "2022-SU")]),
    ("Troops withdrew in spring 2023.", [("spring 2023", "2023-SP")]),
    ("The mission was created in 2013 and ended in 2023.", [("2013", "2013"), ("2023", "2023")]),
    ("He was born on May 26, 1980, in Gao.", [("May 26, 1980", "1980-05-26")]),
    ("The agreement of January 1998 was broken.", [("January 1998", "1998-01")]),
    ("Broadcasters said nineteen ninety-six was a hard year.", [("nineteen ninety-six", "1996")]),
    ("Plans for the year two thousand were dropped.", [("the year two thousand", "2000")]),
    ("The fiscal 1989 results were weak.", [("fiscal 1989", "1989")]),
    ("On Saturday, April 25, 1998 the talks began.", [("Saturday, April 25, 1998", "1998-04-25")]),
]


@pytest.mark.parametrize(("sentence", "expected"), CASES)
def test_absolute_dates_are_found_with_their_timex3_value(sentence, expected):
    found = find_dates(sentence, reference=REF)
    assert [(m.text, m.value) for m in found] == expected


def test_a_year_keeps_year_precision_and_is_explicit():
    (mention,) = find_dates("After a 2021 coup, a junta seized power.", reference=REF)
    assert (mention.value, mention.precision, mention.anchoring) == (
        "2021",
        Precision.YEAR,
        Anchoring.EXPLICIT,
    )
    assert (mention.first_day, mention.last_day) == (dt.date(2021, 1, 1), dt.date(2021, 12, 31))


def test_a_year_range_is_one_mention_spanning_both_years():
    (mention,) = find_dates("from 736 a year to 3,000 annually in 2022–2024", reference=REF)[-1:]
    assert (mention.value, mention.end_value, mention.precision) == ("2022", "2024", Precision.YEAR)
    assert (mention.first_day, mention.last_day) == (dt.date(2022, 1, 1), dt.date(2024, 12, 31))


def test_a_day_with_its_year_is_not_inferred():
    (mention,) = find_dates("It happened on 31 August 2025.", reference=REF)
    assert (mention.value, mention.inferred, mention.anchoring) == (
        "2025-08-31",
        False,
        Anchoring.EXPLICIT,
    )


def test_an_impossible_calendar_day_is_not_read_as_a_day():
    found = find_dates("The form said February 30, 2023.", reference=REF)
    assert [m.precision for m in found if m.precision is Precision.DAY] == []


def test_mentions_are_sorted_and_never_overlap():
    text = "On Monday, March 3, 2003, and again in late July and in 2022–2024 it rained."
    found = find_dates(text, reference=REF)
    spans = [(m.start, m.end) for m in found]
    assert spans == sorted(spans)
    assert all(a[1] <= b[0] for a, b in itertools.pairwise(spans))
    assert all(text[m.start : m.end] == m.text for m in found)


RANGES = [
    ("Talks run from 12 to 14 June.", "12 to 14 June", "2024-06-12", "2024-06-14"),
    ("The fair is on June 12-14, 2024.", "June 12-14, 2024", "2024-06-12", "2024-06-14"),
    ("The summit on 3 and 4 May ended.", "3 and 4 May", "2024-05-03", "2024-05-04"),
    ("Deaths rose in 2022–2024.", "2022–2024", "2022", "2024"),
    ("The 1998-99 budget was cut.", "1998-99", "1998", "1999"),
]


@pytest.mark.parametrize(("sentence", "span", "first", "last"), RANGES)
def test_ranges_are_one_mention_with_a_start_and_an_end_value(sentence, span, first, last):
    (mention,) = find_dates(sentence, reference=REF)
    assert (mention.text, mention.value, mention.end_value) == (span, first, last)


def test_between_two_months_gives_both_months():
    found = find_dates("Fighting raged between March and May.", reference=REF)
    assert [(m.text, m.value) for m in found] == [("March", "2024-03"), ("May", "2024-05")]


HALVES_OF_A_YEAR = [
    # TIMEX3 names a half of a year H1/H2, whichever words name it.
    ("Output should recover in the last half of 2025.", "the last half of 2025", "2025-H2"),
    ("Orders slumped in the latter half of 2022.", "the latter half of 2022", "2022-H2"),
    (
        "The cuts run through the first two quarters of 2025.",
        "the first two quarters of 2025",
        "2025-H1",
    ),
    (
        "Margins improved in the last two quarters of 2023.",
        "the last two quarters of 2023",
        "2023-H2",
    ),
    (
        "Hiring slowed over the final two quarters of 2021.",
        "the final two quarters of 2021",
        "2021-H2",
    ),
]


@pytest.mark.parametrize(("sentence", "span", "value"), HALVES_OF_A_YEAR)
def test_a_half_of_a_named_year_is_that_years_h1_or_h2(sentence, span, value):
    found = find_dates(sentence, reference=REF)
    assert [(m.text, m.value) for m in found] == [(span, value)]


def test_the_first_two_quarters_without_a_year_stay_a_duration():
    found = find_dates("Losses narrowed in the first two quarters.", reference=REF)
    assert [(m.text, m.value) for m in found] == [("the first two quarters", "P2Q")]
