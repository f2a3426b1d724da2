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
