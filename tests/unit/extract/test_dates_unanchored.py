"""Without a publication date, relative and year-less dates stay unanchored (issue 2)."""

from __future__ import annotations

import datetime as dt

import pytest

from briefing.extract.dates import find_dates
from briefing.model import Anchoring, Mod, Precision

UNANCHORED = [
    ("The attacks on September 17 killed 100 people.", "September 17", "XXXX-09-17", Precision.DAY),
    (
        "Prior to the killings in late July, a column was ambushed.",
        "late July",
        "XXXX-07",
        Precision.MONTH,
    ),
    ("Putin was promoting this week in a summit.", "this week", "XXXX-WXX", Precision.WEEK),
    ("The SZRU said Sunday that Wagner is faltering.", "Sunday", "XXXX-WXX-7", Precision.DAY),
    ("Exports fell last year.", "last year", "XXXX", Precision.YEAR),
    ("Clashes broke out yesterday.", "yesterday", "XXXX-XX-XX", Precision.DAY),
    ("Talks resume in December.", "December", "XXXX-12", Precision.MONTH),
    ("Profit rose in the third quarter.", "the third quarter", "XXXX-Q3", Precision.QUARTER),
]


@pytest.mark.parametrize(("sentence", "span", "value", "precision"), UNANCHORED)
def test_relative_dates_without_a_reference_are_not_anchored(sentence, span, value, precision):
    (mention,) = find_dates(sentence, reference=None)
    assert (mention.text, mention.value, mention.precision) == (span, value, precision)
    assert (mention.anchoring, mention.first_day, mention.last_day) == (Anchoring.NONE, None, None)
    assert mention.reason == "the article has no publication date"
    assert not mention.anchored


def test_late_july_without_a_reference_keeps_its_end_modifier():
    (mention,) = find_dates("in late July", reference=None)
    assert (mention.value, mention.mod, mention.anchored) == ("XXXX-07", Mod.END, False)


EXPLICIT = [
    ("After a 2021 coup, a junta seized power.", "2021", "2021"),
    ("Mali has suffered a crisis since at least 2011.", "2011", "2011"),
    ("The attacks on September 17, 2024 killed 70.", "September 17, 2024", "2024-09-17"),
    ("Wagner arrived in December 2021.", "December 2021", "2021-12"),
]


@pytest.mark.parametrize(("sentence", "span", "value"), EXPLICIT)
def test_explicit_dates_are_anchored_even_without_a_reference(sentence, span, value):
    (mention,) = find_dates(sentence, reference=None)
    assert (mention.text, mention.value, mention.anchoring) == (span, value, Anchoring.EXPLICIT)
    assert mention.anchored


def test_a_year_range_without_a_reference_is_still_placed():
    (mention,) = find_dates("3,000 annually in 2022–2024", reference=None)[1:]
    assert (mention.value, mention.end_value) == ("2022", "2024")
    assert (mention.first_day, mention.last_day) == (dt.date(2022, 1, 1), dt.date(2024, 12, 31))


def test_adding_the_reference_places_the_same_mentions():
    text = "The attacks on September 17 came after the killings in late July."
    placed = find_dates(text, reference=dt.date(2024, 9, 20))
    assert [(m.value, m.inferred, m.anchoring) for m in placed] == [
        ("2024-09-17", True, Anchoring.PUBLICATION),
        ("2024-07", True, Anchoring.PUBLICATION),
    ]
