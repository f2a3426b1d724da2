"""The English temporal grammar: regular-expression fragments built from the word tables.

Each rule pattern is written with single spaces (read as "one or more whitespace", since news
text breaks lines inside expressions) and ``~`` (a hyphen or whitespace: "third-quarter").
Nothing here interprets a match; ``dates_rules`` does.
"""

from __future__ import annotations

import re
from typing import TYPE_CHECKING, Final

from briefing.extract import dates_en as en

if TYPE_CHECKING:
    from collections.abc import Iterable


def alt(words: Iterable[str]) -> str:
    """A regex alternation of literal words, longest first so the longest one wins."""
    escaped = (re.escape(w).replace("\\ ", " ") for w in sorted(set(words), key=len, reverse=True))
    return "|".join(escaped)


def spaced(pattern: str) -> str:
    """Turn the readable spacing of a rule pattern into whitespace-tolerant regex.

    " " is one or more whitespace characters, " ?" optional whitespace, "~" a hyphen or space.
    """
    return pattern.replace(" ?", r"\s*").replace(" ", r"\s+").replace("~", r"(?:-|\s+)")


_ABBREVIATIONS: Final = tuple(
    m for m in en.MONTHS if len(m) <= 4 and m not in ("may", "june", "july")
)
_FULL_MONTHS: Final = tuple(m for m in en.MONTHS if m not in _ABBREVIATIONS)
_FULL_WEEKDAYS: Final = tuple(w for w in en.WEEKDAYS if len(w) > 5)
_TENS: Final = "twenty|thirty|forty|fifty|sixty|seventy|eighty|ninety"
_UNITS_1_9: Final = "one|two|three|four|five|six|seven|eight|nine"


def month(group: str) -> str:
    """A month name or abbreviation ("Sept." keeps its full stop)."""
    return rf"(?P<{group}>(?:{alt(_FULL_MONTHS)})(?!\w)|(?:{alt(_ABBREVIATIONS)})(?:\.|(?![\w'’])))"


def day(group: str) -> str:
    """A day of the month, in figures ("17", "17th") or words ("seventeenth")."""
    return rf"(?P<{group}>[0-3]?\d(?:st|nd|rd|th)?(?![\w%:.,]\d|[\w%])|{alt(en.ORDINALS)}(?!\w))"


SPELLED_YEAR: Final = rf"nineteen~(?:{_TENS}|ten)(?:~(?:{_UNITS_1_9}))?"
"""Broadcast transcripts spell years out: "nineteen ninety-six"."""


def year(group: str, *, range_start: bool = False) -> str:
    """A four-digit year 1000-2099 that is not part of a larger number, amount or code.

    Unless it opens a range, "1998" in "1998-99" is not a year on its own.
    """
    after = r"(?![\w%]|[.,:]\d)" if range_start else r"(?![\w%]|[.,:]\d|[-–/]\d\d(?!\d)|-\d\d\d)"
    return rf"(?P<{group}>(?<![\w$£€#.,/+])(?:1\d|20)\d\d{after}|{SPELLED_YEAR})"


def weekday(group: str) -> str:
    """A full weekday name."""
    return rf"(?P<{group}>{alt(_FULL_WEEKDAYS)})"


def modifier(group: str) -> str:
    """An optional fuzzy modifier in front of a date: "late", "mid-", "the end of", "around"."""
    words = (
        "early|late|mid|middle|end|the end of|the beginning of|the start of|the middle of|"
        "the close of|the turn of|the early|the late|the mid|around|about|circa|"
        "approximately|roughly|the first half of|the second half of|the latter half of|"
        "the last half of|the first part of|the latter part of|the early part of|"
        "the later part of|the final months of|beginning of|end of|start of"
    )
    return rf"(?:(?P<{group}>{words})(?:-| ))?"


NUMBER: Final = (
    rf"(?:\d+(?:\.\d+)?(?: 1/2|½)?|\d{{1,3}}(?:,\d\d\d)+|(?:{_TENS})(?:~(?:{_UNITS_1_9}))?"
    rf"|{alt(k for k in en.CARDINALS if k not in ('a', 'an'))}|{alt(en.VAGUE_QUANTITIES)}"
    r"|an?|(?:one|two|a) or two|(?:two|three|four|five) or (?:three|four|five|six))(?!\w)"
)
"""A quantity: figures, number words, or a vague "several", "a few"."""

UNIT: Final = rf"(?P<unit>{alt(en.UNITS)})(?P<plural>s)?(?!\w)"
"""A calendar unit, singular or plural."""

DAY_PART: Final = "morning|afternoon|evening|night|overnight"

QUANTIFIER: Final = (
    "about|nearly|almost|roughly|some|more than|less than|at least|at most|up to|over|under|"
    "no more than|no less than|not more than|approximately|around|fewer than|"
    "upwards of|well over|a full|an additional|another|an extra|a further|the next|"
    "the past|the last|the first|the final|the previous|the coming|the latest|the remaining|"
    "the following|the initial|the entire|the full|the whole|the same|the|these|those|past|"
    "last|next|first|coming|recent|the recent|each of the past|each of the last|"
    "the preceding|the ensuing|the subsequent|the current|"
    "at least the past|at least the last|its first|its|their"
)
"""Words that open a duration phrase and belong inside its span."""

QUARTER_ADJECTIVE: Final = (
    "latest|current|recent|flat|fiscal|year-ago|year-earlier|comparable|corresponding|same|"
    "traditional|seasonal|seasonally|strong|weak|disappointing|just-ended|just-completed|"
    "previous|prior|first|second|third|fourth|final|last"
)
"""Adjectives found between a determiner and "quarter"/"period" in financial news."""

HOLIDAY: Final = alt(en.HOLIDAYS)
SET_WORD: Final = alt(en.SETS)
REF_WORD: Final = alt(en.REFS)
ORDINAL: Final = alt(en.ORDINALS)
SEASON: Final = alt(en.SEASONS)
