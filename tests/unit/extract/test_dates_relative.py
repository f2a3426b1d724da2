"""Dates relative to the publication date, and year inference by tense (issue 3, items 3-4)."""

from __future__ import annotations

import datetime as dt

import pytest

from briefing.extract.dates import find_dates
from briefing.model import Anchoring, Mod

FRIDAY = dt.date(2024, 9, 20)
"""A Friday: the reference date of most cases below."""

CASES = [
    ("The SZRU said Sunday that Wagner is faltering.", [("Sunday", "2024-09-15")]),
    ("Officials said Friday the talks had failed.", [("Friday", "2024-09-20")]),
    ("Parliament will vote on Tuesday.", [("Tuesday", "2024-09-24")]),
    ("The minister is scheduled to arrive Monday.", [("Monday", "2024-09-23")]),
    ("He met the envoy on Wednesday in Bamako.", [("Wednesday", "2024-09-18")]),
    ("On Sunday President Goita visited Gao.", [("Sunday", "2024-09-15")]),
    ("Rebels attacked the base last Thursday.", [("last Thursday", "2024-09-19")]),
    ("The summit opens next Monday.", [("next Monday", "2024-09-23")]),
    ("Troops left the town Thursday night.", [("Thursday night", "2024-09-19TNI")]),
    ("Clashes broke out yesterday near Gao.", [("yesterday", "2024-09-19")]),
    ("The junta will respond tomorrow.", [("tomorrow", "2024-09-21")]),
    ("A statement was issued today.", [("today", "2024-09-20")]),
    ("Shelling continued last night.", [("last night", "2024-09-19TNI")]),
    ("The convoy left this morning.", [("this morning", "2024-09-20TMO")]),
    ("Prices rose last week.", [("last week", "2024-W37")]),
    ("Talks continue this week.", [("this week", "2024-W38")]),
    ("A vote is expected next week.", [("next week", "2024-W39")]),
    ("Inflation slowed last month.", [("last month", "2024-08")]),
    ("The mission ends this month.", [("this month", "2024-09")]),
    ("Elections are due next month.", [("next month", "2024-10")]),
    ("Exports fell last year.", [("last year", "2023")]),
    ("Growth will pick up next year.", [("next year", "2025")]),
    ("The decree was signed earlier this month.", [("earlier this month", "2024-09")]),
    ("The law was passed earlier this year.", [("earlier this year", "2024")]),
    ("The company was sold two years ago.", [("two years ago", "2022")]),
    ("The mine closed three months ago.", [("three months ago", "2024-06")]),
    ("He was arrested 10 days ago.", [("10 days ago", "2024-09-10")]),
    ("The base was hit six weeks ago.", [("six weeks ago", "2024-W32")]),
    ("Wagner arrived a decade ago.", [("a decade ago", "2014")]),
    ("The border reopened in August.", [("August", "2024-08")]),
    ("The mission will end in December.", [("December", "2024-12")]),
    ("Fighting flared in December, officials said.", [("December", "2023-12")]),
    ("Talks are planned for January.", [("January", "2025-01")]),
    ("The attacks on September 17 killed 70 people.", [("September 17", "2024-09-17")]),
    ("Results are due on Oct. 15.", [("Oct. 15", "2024-10-15")]),
    ("The ceasefire began last June.", [("last June", "2024-06")]),
    ("The contract was signed last October.", [("last October", "2023-10")]),
    ("Profit rose in the quarter.", [("the quarter", "2024-Q2")]),
    ("Profit rose in the current quarter.", [("the current quarter", "2024-Q3")]),
    ("The unit was sold last fall.", [("last fall", "2023-FA")]),
    ("Rains came this summer.", [("this summer", "2024-SU")]),
    ("Deliveries resume over the weekend.", [("the weekend", "2024-W38-WE")]),
    ("The plant will reopen at 9 a.m. Tuesday.", [("9 a.m. Tuesday", "2024-09-24T09:00")]),
    ("The curfew starts at 10 p.m.", [("10 p.m.", "2024-09-20T22:00")]),
    ("Shots were heard around 7:15 p.m.", [("around 7:15 p.m.", "2024-09-20T19:15")]),
    ("Markets closed at noon Saturday.", [("noon Saturday", "2024-09-14T12:00")]),
    ("The plant reopens Tuesday after the strike.", [("Tuesday", "2024-09-24")]),
    ("The summit opens on Monday in Bamako.", [("Monday", "2024-09-23")]),
    ("The envoy heads Wednesday to Niamey.", [("Wednesday", "2024-09-25")]),
    (
        "He and the rebel leader meet separately Monday with the mediator.",
        [("Monday", "2024-09-23")],
    ),
    ("The ministers said they would meet again on Thursday.", [("Thursday", "2024-09-26")]),
    ("Officials said the offer would expire Friday.", [("Friday", "2024-09-20")]),
    ("Until Thursday, the police had not called him a suspect.", [("Thursday", "2024-09-19")]),
    ("The curfew stays in force until Thursday.", [("Thursday", "2024-09-26")]),
    ("The plant reopened Tuesday after the strike.", [("Tuesday", "2024-09-17")]),
    ("The deal closes by year-end.", [("year-end", "2024")]),
    ("Revenue was flat for the full year.", [("the full year", "2024")]),
    ("The holiday falls on Christmas Day.", [("Christmas Day", "2024-12-25")]),
    ("Profit was $3 million a year earlier.", [("a year earlier", "2023")]),
    (
        "Sales slumped in the third quarter; a year earlier they rose.",
        [("the third quarter", "2024-Q3"), ("a year earlier", "2023-Q3")],
    ),
]


@pytest.mark.parametrize(("sentence", "expected"), CASES)
def test_relative_expressions_resolve_against_the_publication_date(sentence, expected):
    found = find_dates(sentence, reference=FRIDAY)
    assert [(m.text, m.value) for m in found] == expected


def test_a_weekday_in_the_past_tense_is_the_previous_one_and_marked_inferred():
    (mention,) = find_dates("The SZRU said Sunday.", reference=dt.date(2025, 8, 31 - 2))
    assert (mention.value, mention.inferred, mention.anchoring) == (
        "2025-08-24",
        True,
        Anchoring.PUBLICATION,
    )


def test_a_month_in_an_article_of_the_same_month_is_that_month_of_that_year():
    (mention,) = find_dates(
        "Tensions culminated in August reprisals.", reference=dt.date(2025, 8, 31)
    )
    assert (mention.value, mention.inferred, mention.anchoring) == (
        "2025-08",
        True,
        Anchoring.PUBLICATION,
    )
    assert (mention.first_day, mention.last_day) == (dt.date(2025, 8, 1), dt.date(2025, 8, 31))


def test_the_following_year_is_anchored_on_the_previous_date_of_the_text():
    text = "The mine opened in 2015. The following year it closed."
    found = find_dates(text, reference=FRIDAY)
    assert [(m.text, m.value, m.anchoring) for m in found] == [
        ("2015", "2015", Anchoring.EXPLICIT),
        ("The following year", "2016", Anchoring.NEARBY),
    ]


REFS = [
    ("now", "PRESENT_REF"),
    ("currently", "PRESENT_REF"),
    ("these days", "PRESENT_REF"),
    ("recently", "PAST_REF"),
    ("the past", "PAST_REF"),
    ("the future", "FUTURE_REF"),
]


@pytest.mark.parametrize(("word", "value"), REFS)
def test_vague_references_have_ref_values_and_no_calendar_position(word, value):
    (mention,) = find_dates(f"Mali is {word} a concern, as in {word}.", reference=FRIDAY)[:1]
    assert (mention.value, mention.anchored, mention.is_dating) == (value, False, False)


def test_the_following_day_counts_from_the_previous_date_of_the_text():
    found = find_dates(
        "Talks began on 3 March 2021. The following day they failed.", reference=FRIDAY
    )
    assert [(m.text, m.value, m.anchoring) for m in found] == [
        ("3 March 2021", "2021-03-03", Anchoring.EXPLICIT),
        ("The following day", "2021-03-04", Anchoring.NEARBY),
    ]


def test_the_following_month_counts_from_the_previous_date_of_the_text():
    found = find_dates("It opened in June 1998. The following month it closed.", reference=FRIDAY)
    assert [m.value for m in found] == ["1998-06", "1998-07"]


LATE_AUTUMN = dt.date(2024, 11, 20)
"""A Wednesday late in the year: months named early in the year are either this year's (past
narrative) or next year's (plans)."""

YEAR_BY_TENSE = [
    ("The founder stepped down as chief executive in March.", [("March", "2024-03")]),
    ("Since the junta bought the mine in February, output has doubled.", [("February", "2024-02")]),
    (
        "Revenue was $76 million in the fiscal year ended Jan. 31.",
        [("the fiscal year", "P1Y"), ("Jan. 31", "2024-01-31")],
    ),
    ("The reduced dividend is payable Jan. 2 to holders of record.", [("Jan. 2", "2025-01-02")]),
    ("The bank extended its credit line through January.", [("January", "2025-01")]),
    ("The company said talks would resume in February.", [("February", "2025-02")]),
    ("The boy was rescued at sea on Thanksgiving Day.", [("Thanksgiving Day", "2024-11-28")]),
    ("Shops were looted last Christmas.", [("last Christmas", "2023-12-25")]),
    ("The market will reopen after Christmas.", [("Christmas", "2024-12-25")]),
]


@pytest.mark.parametrize(("sentence", "expected"), YEAR_BY_TENSE)
def test_a_month_early_in_the_year_is_this_years_in_a_sentence_that_only_narrates_the_past(
    sentence, expected
):
    found = find_dates(sentence, reference=LATE_AUTUMN)
    assert [(m.text, m.value) for m in found] == expected


def test_a_holiday_named_in_the_past_tense_is_the_last_one():
    found = find_dates("The boy was found on Thanksgiving Day.", reference=dt.date(2025, 1, 6))
    assert [(m.value, m.inferred) for m in found] == [("2024-11-28", True)]


NEARBY_CASES = [
    (
        "The index closed at 2082 on Friday, down 4.5% from the previous Friday.",
        [("Friday", "2024-09-20"), ("the previous Friday", "2024-09-13")],
    ),
    (
        "The rebels took Kidal on Oct. 7, 2023 and left the following Monday.",
        [("Oct. 7, 2023", "2023-10-07"), ("the following Monday", "2023-10-09")],
    ),
    (
        "The envoy was killed on 23 October 2023. Earlier that day, his office sent a fax.",
        [("23 October 2023", "2023-10-23"), ("Earlier that day", "2023-10-23")],
    ),
    (
        "The list went online on 3 March 2022 and was taken down that same day.",
        [("3 March 2022", "2022-03-03"), ("that same day", "2022-03-03")],
    ),
    (
        "The site was shut in March 2022 and the name crossed out that same day.",
        [("March 2022", "2022-03"), ("that same day", "2022-03-XX")],
    ),
    (
        "The day before last Tuesday's hearing, the father visited the house.",
        [("The day before last Tuesday", "2024-09-16")],
    ),
    (
        "Talks resumed on 5 May 2023; the day after 5 May 2023 they collapsed.",
        [("5 May 2023", "2023-05-05"), ("the day after 5 May 2023", "2023-05-06")],
    ),
    ("By mid-afternoon, officials said the raid was over.", [("mid-afternoon", "2024-09-20TAF")]),
    (
        "In London at mid-afternoon yesterday, shares were up.",
        [("mid-afternoon yesterday", "2024-09-19TAF")],
    ),
    ("The deal is to be completed around Nov. 1.", [("around Nov. 1", "2024-11-01")]),
    ("The unit was scrapped this past spring.", [("this past spring", "2024-SP")]),
    ("The unit will be sold this coming spring.", [("this coming spring", "2025-SP")]),
    ("Snow fell this past winter.", [("this past winter", "2023-WI")]),
]


@pytest.mark.parametrize(("sentence", "expected"), NEARBY_CASES)
def test_expressions_counted_from_a_nearby_date_or_the_season_in_progress(sentence, expected):
    found = find_dates(sentence, reference=FRIDAY)
    assert [(m.text, m.value) for m in found] == expected


def test_around_a_day_keeps_the_approximate_modifier():
    (mention,) = find_dates("The sale closes around Nov. 1.", reference=FRIDAY)
    assert (mention.value, mention.mod) == ("2024-11-01", Mod.APPROX)


def test_a_day_named_from_a_previous_date_is_anchored_nearby():
    found = find_dates(
        "Talks began on 3 March 2021. Earlier that day, shots rang out.", reference=FRIDAY
    )
    assert [(m.anchoring, m.inferred) for m in found] == [
        (Anchoring.EXPLICIT, False),
        (Anchoring.NEARBY, True),
    ]


INFERENCE_FLAGS = [
    ("The SZRU said Sunday that Wagner is faltering.", "2024-09-15", True),
    ("Parliament will vote on Friday.", "2024-09-20", True),
    ("Parliament will vote next Friday.", "2024-09-27", True),
    ("The attacks on September 17 killed 70 people.", "2024-09-17", True),
    ("The attacks on 17 September 2023 killed 70 people.", "2023-09-17", False),
    ("The junta seized power in 2021.", "2021", False),
]


@pytest.mark.parametrize(("sentence", "value", "inferred"), INFERENCE_FLAGS)
def test_a_year_taken_from_the_publication_date_is_recorded_as_inferred(sentence, value, inferred):
    (mention,) = find_dates(sentence, reference=FRIDAY)
    assert (mention.value, mention.inferred) == (value, inferred)
