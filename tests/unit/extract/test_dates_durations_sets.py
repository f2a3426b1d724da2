"""Durations and sets are typed as such: they describe, they never date (issue 3, item 3)."""

from __future__ import annotations

import datetime as dt

import pytest

from briefing.extract.dates import find_dates
from briefing.model import Precision, TimexType

REF = dt.date(2024, 9, 20)

DURATIONS = [
    ("The siege lasted two years.", "two years", "P2Y"),
    ("Deaths rose over the past two years.", "the past two years", "P2Y"),
    ("The talks took three hours.", "three hours", "PT3H"),
    ("It is a 2 minutes read.", "2 minutes", "PT2M"),
    ("He spent 2 1/2 years in prison.", "2 1/2 years", "P2Y6M"),
    ("Profit rose in the first nine months.", "the first nine months", "P9M"),
    ("They waited for several weeks.", "several weeks", "PXW"),
    ("The fighting lasted for days.", "days", "PXD"),
    ("He signed a two-year contract.", "two-year", "P2Y"),
    ("Workers went on a 16-hour strike.", "16-hour", "PT16H"),
    ("Clashes went on for nearly an hour.", "nearly an hour", "PT1H"),
    ("Output fell in the next three quarters.", "the next three quarters", "P3Q"),
    ("The pact runs for an additional year.", "an additional year", "P1Y"),
    ("Shares fell for eight trading days.", "eight trading days", "P8D"),
    ("A day-long strike shut the port.", "day-long", "P1D"),
    ("The mission lasted two decades.", "two decades", "P20Y"),
    ("Power was cut for half an hour.", "half an hour", "PT30M"),
    ("Troops stayed for 24 hours.", "24 hours", "PT24H"),
    ("The truce held for a week.", "a week", "P1W"),
]


@pytest.mark.parametrize(("sentence", "span", "value"), DURATIONS)
def test_durations_are_typed_duration_with_a_period_value(sentence, span, value):
    found = find_dates(sentence, reference=REF)
    assert [(m.text, m.type, m.value) for m in found] == [(span, TimexType.DURATION, value)]
    assert found[0].precision is Precision.NONE
    assert not found[0].is_dating


SETS = [
    ("Patrols go out daily.", "daily", "P1D"),
    ("The council meets every Monday.", "every Monday", "XXXX-WXX-1"),
    ("Fees are paid annually.", "annually", "P1Y"),
    ("The report is published each month.", "each month", "P1M"),
    ("Classes meet Tuesday nights.", "Tuesday nights", "XXXX-WXX-2TNI"),
    ("Deaths rose from 736 a year.", "a year", "P1Y"),
    ("Buses run every day.", "every day", "P1D"),
    ("Inspections happen weekly.", "weekly", "P1W"),
    ("The festival is held each July.", "each July", "XXXX-07"),
    ("Rations come every other week.", "every other week", "P2W"),
]


@pytest.mark.parametrize(("sentence", "span", "value"), SETS)
def test_sets_are_typed_set_and_never_dating(sentence, span, value):
    found = find_dates(sentence, reference=REF)
    assert [(m.text, m.type, m.value) for m in found] == [(span, TimexType.SET, value)]
    assert not found[0].is_dating


ADJECTIVAL_DURATIONS = [
    # A number joined to a singular unit qualifies the noun after it; the determiner belongs
    # to that noun and stays outside the TIMEX3 (TimeBank marks "the |30-day| rate").
    ("The union called off the 48-hour stoppage at dawn.", "48-hour", "PT48H"),
    ("Rebels broke the six-month ceasefire on the border.", "six-month", "P6M"),
    ("The airline unveiled its three-year recovery plan.", "three-year", "P3Y"),
    ("Bond yields rose above their 52-week average.", "52-week", "P52W"),
    ("Delegates left after the three day summit in the capital.", "three day", "P3D"),
    ("These 90-day notes pay a floating rate.", "90-day", "P90D"),
    ("The ministry extended the 10-day quarantine for travellers.", "10-day", "P10D"),
]


@pytest.mark.parametrize(("sentence", "span", "value"), ADJECTIVAL_DURATIONS)
def test_an_adjectival_duration_leaves_its_determiner_to_the_noun(sentence, span, value):
    found = find_dates(sentence, reference=REF)
    assert [(m.text, m.type, m.value) for m in found] == [(span, TimexType.DURATION, value)]


PLURAL_DURATIONS_KEEP_THE_ARTICLE = [
    ("Exports fell in the nine months to June.", "the nine months", "P9M"),
    ("Prices doubled over the two years of the war.", "the two years", "P2Y"),
]


@pytest.mark.parametrize(("sentence", "span", "value"), PLURAL_DURATIONS_KEEP_THE_ARTICLE)
def test_a_plural_duration_keeps_its_article(sentence, span, value):
    found = find_dates(sentence, reference=REF)
    assert [(m.text, m.value) for m in found][:1] == [(span, value)]


PERIOD_ENDED = [
    # "ended"/"ending" introduce the period's last day, which is a TIMEX3 of its own.
    (
        "The insurer earned $12 million in the year ended June 30.",
        [("the year", "P1Y"), ("June 30", "2024-06-30")],
    ),
    (
        "The miner expects a loss for the fiscal year ending March 31, 2025.",
        [("the fiscal year", "P1Y"), ("March 31, 2025", "2025-03-31")],
    ),
    (
        "Sales rose 8% in the year that ended in May.",
        [("the year", "P1Y"), ("May", "2024-05")],
    ),
]


@pytest.mark.parametrize(("sentence", "expected"), PERIOD_ENDED)
def test_a_period_ended_on_a_day_stops_before_ended(sentence, expected):
    found = find_dates(sentence, reference=REF)
    assert [(m.text, m.value) for m in found] == expected


def test_for_the_year_opening_a_sentence_is_the_current_year():
    found = find_dates("For the year, the bank expects flat profit.", reference=REF)
    assert [(m.text, m.type, m.value) for m in found] == [("the year", TimexType.DATE, "2024")]
