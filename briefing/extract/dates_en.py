"""English word tables for the temporal tagger: month, weekday, number and unit words.

Frozen data only; the grammar in ``dates_rules`` turns these into regular expressions.
"""

from __future__ import annotations

from types import MappingProxyType
from typing import Final

MONTHS: Final = MappingProxyType(
    {
        "january": 1,
        "jan": 1,
        "february": 2,
        "feb": 2,
        "march": 3,
        "mar": 3,
        "april": 4,
        "apr": 4,
        "may": 5,
        "june": 6,
        "jun": 6,
        "july": 7,
        "jul": 7,
        "august": 8,
        "aug": 8,
        "september": 9,
        "sept": 9,
        "sep": 9,
        "october": 10,
        "oct": 10,
        "november": 11,
        "nov": 11,
        "december": 12,
        "dec": 12,
    }
)
"""Month names and their abbreviations (which may carry a full stop in the text)."""

WEEKDAYS: Final = MappingProxyType(
    {
        "monday": 1,
        "tuesday": 2,
        "wednesday": 3,
        "thursday": 4,
        "friday": 5,
        "saturday": 6,
        "sunday": 7,
        "mon": 1,
        "tue": 2,
        "tues": 2,
        "wed": 3,
        "thu": 4,
        "thur": 4,
        "thurs": 4,
        "fri": 5,
        "sat": 6,
        "sun": 7,
    }
)
"""ISO weekday numbers; the abbreviations are only accepted with a full stop."""

CARDINALS: Final = MappingProxyType(
    {
        "a": 1,
        "an": 1,
        "one": 1,
        "two": 2,
        "three": 3,
        "four": 4,
        "five": 5,
        "six": 6,
        "seven": 7,
        "eight": 8,
        "nine": 9,
        "ten": 10,
        "eleven": 11,
        "twelve": 12,
        "thirteen": 13,
        "fourteen": 14,
        "fifteen": 15,
        "sixteen": 16,
        "seventeen": 17,
        "eighteen": 18,
        "nineteen": 19,
        "twenty": 20,
        "thirty": 30,
        "forty": 40,
        "fifty": 50,
        "sixty": 60,
        "seventy": 70,
        "eighty": 80,
        "ninety": 90,
        "hundred": 100,
        "a hundred": 100,
        "a dozen": 12,
        "a couple of": 2,
        "a couple": 2,
        "couple of": 2,
        "dozen": 12,
    }
)
"""Number words a duration or an "ago" phrase may use."""

VAGUE_QUANTITIES: Final = frozenset({"several", "a few", "few", "some", "many", "the"})
"""Words that make a quantity unknown: "several years" is ``PXY``."""

ORDINALS: Final = MappingProxyType(
    {
        "first": 1,
        "second": 2,
        "third": 3,
        "fourth": 4,
        "fifth": 5,
        "sixth": 6,
        "seventh": 7,
        "eighth": 8,
        "ninth": 9,
        "tenth": 10,
        "eleventh": 11,
        "twelfth": 12,
        "thirteenth": 13,
        "fourteenth": 14,
        "fifteenth": 15,
        "sixteenth": 16,
        "seventeenth": 17,
        "eighteenth": 18,
        "nineteenth": 19,
        "twentieth": 20,
        "twenty-first": 21,
        "twenty-second": 22,
        "twenty-third": 23,
        "twenty-fourth": 24,
        "twenty-fifth": 25,
        "twenty-sixth": 26,
        "twenty-seventh": 27,
        "twenty-eighth": 28,
        "twenty-ninth": 29,
        "thirtieth": 30,
        "thirty-first": 31,
    }
)
"""Ordinal words for days of the month, quarters and centuries."""

UNITS: Final = MappingProxyType(
    {
        "second": "S",
        "minute": "MIN",
        "hour": "H",
        "day": "D",
        "week": "W",
        "fortnight": "FN",
        "month": "M",
        "quarter": "Q",
        "year": "Y",
        "decade": "DE",
        "century": "CE",
        "centurie": "CE",
    }
)
"""Calendar units (singular; the grammar adds the plural ``s``) and their internal codes."""

SEASONS: Final = MappingProxyType(
    {"spring": "SP", "summer": "SU", "fall": "FA", "autumn": "FA", "winter": "WI"}
)
"""Season words and their TIMEX3 codes."""

DAY_PARTS: Final = MappingProxyType(
    {
        "morning": "MO",
        "afternoon": "AF",
        "mid-afternoon": "AF",
        "evening": "EV",
        "night": "NI",
        "overnight": "NI",
    }
)
"""Parts of the day and their TIMEX3 codes (``1998-08-07TNI``)."""

SETS: Final = MappingProxyType(
    {
        "hourly": "PT1H",
        "daily": "P1D",
        "nightly": "P1D",
        "weekly": "P1W",
        "biweekly": "P2W",
        "monthly": "P1M",
        "annually": "P1Y",
        "yearly": "P1Y",
        "biannually": "P6M",
    }
)
"""Frequency adverbs: each is a TIMEX3 SET with this value."""

REFS: Final = MappingProxyType(
    {
        "now": "PRESENT_REF",
        "right now": "PRESENT_REF",
        "currently": "PRESENT_REF",
        "current": "PRESENT_REF",
        "nowadays": "PRESENT_REF",
        "these days": "PRESENT_REF",
        "at present": "PRESENT_REF",
        "presently": "PRESENT_REF",
        "the present": "PRESENT_REF",
        "recently": "PAST_REF",
        "more recently": "PAST_REF",
        "most recently": "PAST_REF",
        "lately": "PAST_REF",
        "the past": "PAST_REF",
        "the future": "FUTURE_REF",
        "the near future": "FUTURE_REF",
        "the distant future": "FUTURE_REF",
        "a later date": "FUTURE_REF",
    }
)
"""Vague references to the present, past and future (TIMEX3 ``*_REF`` values)."""

HOLIDAYS: Final = MappingProxyType(
    {
        "new year's day": (1, 1),
        "new year's eve": (12, 31),
        "christmas day": (12, 25),
        "christmas eve": (12, 24),
        "christmas": (12, 25),
        "independence day": (7, 4),
        "halloween": (10, 31),
        "valentine's day": (2, 14),
        "bastille day": (7, 14),
        "thanksgiving day": (11, 0),
        "thanksgiving": (11, 0),
    }
)
"""Holidays on a fixed day (month, day); day 0 marks Thanksgiving, the fourth Thursday."""
