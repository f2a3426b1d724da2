"""Fuzzy and modified dates: early/mid/late, around, the end of (issue 3, item 3)."""

from __future__ import annotations

import datetime as dt

import pytest

from briefing.extract.dates import find_dates
from briefing.model import Mod

REF = dt.date(2024, 9, 20)

CASES = [
    ("Prior to the killings in late July, a column was ambushed.", "late July", "2024-07", Mod.END),
    ("Output recovered in early 2023.", "early 2023", "2023", Mod.START),
    ("Prices peaked in the mid-1990s.", "the mid-1990s", "199", Mod.MID),
    ("The group was founded around 2015.", "around 2015", "2015", Mod.APPROX),
    ("The deal should close by the end of 1990.", "the end of 1990", "1990", Mod.END),
    ("Shipments resume in mid-November.", "mid-November", "2024-11", Mod.MID),
    ("Rates rose in late November 1999.", "late November 1999", "1999-11", Mod.END),
    ("Talks began in early September.", "early September", "2024-09", Mod.START),
    ("A recovery is expected early next year.", "early next year", "2025", Mod.START),
    ("The report is due at the end of the month.", "the end of the month", "2024-09", Mod.END),
    ("Unrest grew in the early 1980s.", "the early 1980s", "198", Mod.START),
    ("Output fell in the late 1970s.", "the late 1970s", "197", Mod.END),
    ("Work resumed at the beginning of 2022.", "the beginning of 2022", "2022", Mod.START),
    ("The plant opened in mid-1996.", "mid-1996", "1996", Mod.MID),
    ("Shares fell late yesterday.", "late yesterday", "2024-09-19", Mod.END),
]


@pytest.mark.parametrize(("sentence", "span", "value", "mod"), CASES)
def test_modified_dates_keep_their_value_and_carry_a_mod(sentence, span, value, mod):
    found = find_dates(sentence, reference=REF)
    assert [(m.text, m.value, m.mod) for m in found] == [(span, value, mod)]


def test_late_july_falls_after_the_first_of_july_and_before_august():
    late, first, august = (
        find_dates(text, reference=REF)[0] for text in ("late July", "1 July", "in August")
    )
    assert late.first_day is not None
    assert first.first_day is not None
    assert august.first_day is not None
    assert first.first_day < late.first_day < august.first_day
    assert late.last_day == dt.date(2024, 7, 31)


def test_early_2023_covers_the_first_third_of_the_year():
    (mention,) = find_dates("in early 2023", reference=REF)
    assert (mention.first_day, mention.last_day) == (dt.date(2023, 1, 1), dt.date(2023, 5, 1))
