"""Shapes found by running the tagger on news it was never tuned on (issue 3, generalisation).

Each row is a sentence written in the style of wire and newspaper copy, with the publication
date it is read against and every expression the tagger must return, span and value.
"""

from __future__ import annotations

import datetime as dt

import pytest

from briefing.extract.dates import find_dates
from briefing.model import TimexType

FRIDAY = dt.date(2024, 9, 20)
SATURDAY = dt.date(2024, 9, 21)
OCTOBER = dt.date(2024, 10, 4)
"""A Friday in October, for months that lie a season behind."""

TENSE = [
    (
        SATURDAY,
        "Feinberg toured the coast on Friday. On Monday, he is scheduled to meet the governor.",
        [("Friday", "2024-09-20"), ("Monday", "2024-09-23")],
    ),
    (
        SATURDAY,
        "The second vessel should be joined Sunday by a larger tanker.",
        [("Sunday", "2024-09-22")],
    ),
    (
        SATURDAY,
        "Repairs may resume Monday if the weather holds.",
        [("Monday", "2024-09-23")],
    ),
    (
        SATURDAY,
        "The admiral said he will join the Rand Corp. as a fellow, starting Monday.",
        [("Monday", "2024-09-23")],
    ),
    (
        SATURDAY,
        "Officials could not be reached Thursday for comment.",
        [("Thursday", "2024-09-19")],
    ),
    (
        SATURDAY,
        "The bill should have been signed Tuesday, aides said.",
        [("Tuesday", "2024-09-17")],
    ),
    (
        OCTOBER,
        "He retired from the navy, as scheduled, on June 30 but kept advising the panel.",
        [("June 30", "2024-06-30")],
    ),
    (
        OCTOBER,
        "The vote went ahead, as planned, in July.",
        [("July", "2024-07")],
    ),
    (
        dt.date(2024, 6, 19),
        "Lawmakers held hearings to gather ammunition ahead of November elections.",
        [("November", "2024-11")],
    ),
    (
        dt.date(2024, 5, 26),
        "The anger could play into the November elections that are widely expected to hurt "
        "the party.",
        [("November", "2024-11")],
    ),
    (
        SATURDAY,
        "The deal is scheduled to close Monday, the company said.",
        [("Monday", "2024-09-23")],
    ),
]


@pytest.mark.parametrize(("reference", "sentence", "expected"), TENSE)
def test_the_tense_of_the_clause_places_a_year_less_or_weekday_date(reference, sentence, expected):
    found = find_dates(sentence, reference=reference)
    assert [(m.text, m.value) for m in found] == expected


def test_a_modal_date_is_typed_as_a_date():
    (mention,) = find_dates("Talks may resume Monday.", reference=SATURDAY)
    assert (mention.type, mention.value) == (TimexType.DATE, "2024-09-23")


FRAME = [
    (
        FRIDAY,
        "In 1918, there was a first wave of mild flu in April and a deadly one in October.",
        [("1918", "1918"), ("April", "1918-04"), ("October", "1918-10")],
    ),
    (
        FRIDAY,
        "In 2005, an explosion at a Texas refinery killed 15 workers in March.",
        [("2005", "2005"), ("March", "2005-03")],
    ),
    (
        FRIDAY,
        "In 1995 the drought peaked during the summer.",
        [("1995", "1995"), ("the summer", "1995-SU")],
    ),
    (
        FRIDAY,
        "Under a plan approved in 2019, the firm bought 481,000 shares through Sept. 13.",
        [("2019", "2019"), ("Sept. 13", "2024-09-13")],
    ),
    (
        FRIDAY,
        "Invited to join the alliance in July 2023, Sweden will formally join on Oct. 12.",
        [("July 2023", "2023-07"), ("Oct. 12", "2024-10-12")],
    ),
    (
        FRIDAY,
        "In 2018, sales rose. Shipments fell in August.",
        [("2018", "2018"), ("August", "2024-08")],
    ),
    (
        FRIDAY,
        "In 1957, the flu reached Britain. In June of that awful year, schools closed.",
        [("1957", "1957"), ("June", "1957-06")],
    ),
    (
        FRIDAY,
        "Families of those who died in the Sept. 11, 2001, attacks were paid. "
        "The fund for the Sept. 11 victims closed later.",
        [("Sept. 11, 2001", "2001-09-11"), ("Sept. 11", "2001-09-11")],
    ),
]


@pytest.mark.parametrize(("reference", "sentence", "expected"), FRAME)
def test_a_year_less_date_takes_the_year_its_sentence_opened_with_or_the_text_wrote(
    reference, sentence, expected
):
    found = find_dates(sentence, reference=reference)
    assert [(m.text, m.value) for m in found] == expected


COUNTED_FROM_PRIOR = [
    (
        "In May, the sheriff closed the beach. A month later, he asked for help.",
        [("May", "2024-05"), ("A month later", "2024-06")],
    ),
    (
        "The rig exploded on April 20. Two weeks later, the slick reached the shore.",
        [("April 20", "2024-04-20"), ("Two weeks later", "2024-W18")],
    ),
    (
        "The well was capped on July 15. Three days later, engineers began tests.",
        [("July 15", "2024-07-15"), ("Three days later", "2024-07-18")],
    ),
]


@pytest.mark.parametrize(("sentence", "expected"), COUNTED_FROM_PRIOR)
def test_units_later_or_earlier_count_from_the_previous_date_of_the_text(sentence, expected):
    found = find_dates(sentence, reference=FRIDAY)
    assert [(m.text, m.value) for m in found] == expected


OVERNIGHT = [
    ("Four more patients died in the hospital overnight.", "2024-09-19TNI"),
    ("Overnight, the Justice Department opened an inquiry.", "2024-09-19TNI"),
    ("The dispersant was released overnight at the site of the leak.", "2024-09-19TNI"),
    ("Engineers will work overnight to fit the cap.", "2024-09-20TNI"),
]


@pytest.mark.parametrize(("sentence", "value"), OVERNIGHT)
def test_overnight_is_the_night_before_publication_or_the_coming_one(sentence, value):
    (mention,) = find_dates(sentence, reference=FRIDAY)
    assert (mention.text.lower(), mention.type, mention.value) == (
        "overnight",
        TimexType.TIME,
        value,
    )
