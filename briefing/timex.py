"""TIMEX3 values as calendar intervals and as words a reader understands.

One place knows what ``2024-Q3``, ``199``, ``2024-W38`` or ``XXXX-09-17`` mean, so the tagger,
the timeline file and the documents agree. Pure functions; nothing here reads the clock.
"""

from __future__ import annotations

import calendar
import datetime as dt
import re
from dataclasses import dataclass

from briefing.model import DateMention, Mod, Precision

_MONTHS = ("", "January", "February", "March", "April", "May", "June", "July", "August",
           "September", "October", "November", "December")  # fmt: skip
"""English month names by number (index 0 is ""): fixed, never the process locale's."""

_SEASONS = {"SP": (3, 5), "SU": (6, 8), "FA": (9, 11), "WI": (12, 14)}
"""Season code -> first and last month (northern meteorological seasons; winter runs into the
next year, month 14 being February of the following year)."""

_SEASON_WORDS = {"SP": "spring", "SU": "summer", "FA": "autumn", "WI": "winter"}
_PART_OF_DAY = {"MO": "morning", "MI": "midday", "AF": "afternoon", "EV": "evening", "NI": "night"}
_MOD_WORDS = {
    Mod.START: "early",
    Mod.MID: "mid-",
    Mod.END: "late",
    Mod.APPROX: "around",
    Mod.BEFORE: "before",
    Mod.AFTER: "after",
    Mod.ON_OR_BEFORE: "by",
    Mod.ON_OR_AFTER: "from",
}

_DAY = re.compile(r"(\d{4})-(\d{2})-(\d{2})(?:T(\d{2}):(\d{2})|T(MO|MI|AF|EV|NI))?")
_MONTH = re.compile(r"(\d{4})-(\d{2})")
_WEEK = re.compile(r"(\d{4})-W(\d{2})(-WE)?")
_QUARTER = re.compile(r"(\d{4})-([QH])(\d)")
_SEASON = re.compile(r"(\d{4})-(SP|SU|FA|WI)")
_UNANCHORED = re.compile(r"XXXX-(\d{2})(?:-(\d{2}))?")


@dataclass(frozen=True, slots=True)
class Interval:
    """The days a TIMEX3 value covers; ``first`` and ``last`` are None when it has no place."""

    first: dt.date | None
    last: dt.date | None
    precision: Precision


def _month_end(year: int, month: int) -> dt.date:
    """The last day of a month; the calendar's last day for a month past it (a season or
    quarter of year 9999 that runs into year 10000)."""
    if year > dt.MAXYEAR:
        return dt.date.max
    return dt.date(year, month, calendar.monthrange(year, month)[1])


def shift(day: dt.date, days: int) -> dt.date:
    """``day`` moved by ``days`` (either way), held at the first and last day of the calendar
    Python holds (1 January of year 1, 31 December 9999) rather than overflowing: a date near
    either end (a week of year 9999, a month before year 1) is a date like any other."""
    ordinal = day.toordinal() + days
    if ordinal > _LAST:
        return dt.date.max
    if ordinal < 1:
        return dt.date.min
    return day + dt.timedelta(days=days)


_LAST = dt.date.max.toordinal()


def _years(first: int, last: int, precision: Precision) -> Interval:
    """The days of years ``first`` to ``last``, cut to the calendar Python holds (years 1 to
    9999): the decade ``000`` is years 1 to 9; year 0 (1 BC) has no day, only its precision,
    so it is unplaced rather than an error."""
    if last < dt.MINYEAR or first > dt.MAXYEAR:
        return Interval(None, None, precision)
    low, high = max(first, dt.MINYEAR), min(last, dt.MAXYEAR)
    return Interval(dt.date(low, 1, 1), dt.date(high, 12, 31), precision)


def _month_span(year: int, first_month: int, last_month: int) -> tuple[dt.date, dt.date]:
    """Days from the 1st of ``first_month`` to the end of ``last_month`` (which may exceed 12)."""
    last_year, last_index = divmod(last_month - 1, 12)
    return dt.date(year, first_month, 1), _month_end(year + last_year, last_index + 1)


def _parse(value: str) -> Interval:  # noqa: C901 (one flat dispatch over the TIMEX3 value shapes)
    """The interval of a TIMEX3 value without a modifier."""
    none = Interval(None, None, Precision.NONE)
    if value in ("PAST_REF", "PRESENT_REF", "FUTURE_REF"):
        return Interval(None, None, Precision.REF)
    if "X" in value:
        return Interval(None, None, _unanchored_precision(value))
    try:
        if m := _DAY.fullmatch(value):
            day = dt.date(int(m.group(1)), int(m.group(2)), int(m.group(3)))
            precision = Precision.TIME if (m.group(4) or m.group(6)) else Precision.DAY
            return Interval(day, day, precision)
        if m := _WEEK.fullmatch(value):
            monday = dt.date.fromisocalendar(int(m.group(1)), int(m.group(2)), 1)
            if m.group(3):
                return Interval(shift(monday, 5), shift(monday, 6), Precision.WEEK)
            return Interval(monday, shift(monday, 6), Precision.WEEK)
        if m := _MONTH.fullmatch(value):
            year, month = int(m.group(1)), int(m.group(2))
            return Interval(dt.date(year, month, 1), _month_end(year, month), Precision.MONTH)
        if m := _QUARTER.fullmatch(value):
            year, kind, n = int(m.group(1)), m.group(2), int(m.group(3))
            size = 3 if kind == "Q" else 6
            first, last = _month_span(year, (n - 1) * size + 1, n * size)
            return Interval(first, last, Precision.QUARTER if kind == "Q" else Precision.HALF)
        if m := _SEASON.fullmatch(value):
            first, last = _month_span(int(m.group(1)), *_SEASONS[m.group(2)])
            return Interval(first, last, Precision.SEASON)
    except ValueError:
        # An impossible calendar date such as 2024-02-31 or week 54: it has no place.
        return none
    if re.fullmatch(r"\d{4}", value):
        return _years(int(value), int(value), Precision.YEAR)
    if re.fullmatch(r"\d{3}", value):
        decade = int(value) * 10
        return _years(decade, decade + 9, Precision.DECADE)
    if re.fullmatch(r"\d{2}", value):
        century = int(value) * 100
        return _years(century, century + 99, Precision.CENTURY)
    return none


_UNANCHORED_SHAPES = (
    (re.compile(r"[\dX]{4}-[\dX]{2}-[\dX]{2}T.+"), Precision.TIME),
    (re.compile(r"[\dX]{4}-[\dX]{2}-[\dX]{2}"), Precision.DAY),
    (re.compile(r"[\dX]{4}-W[\dX]{2}(?:-WE)?"), Precision.WEEK),
    (re.compile(r"[\dX]{4}-[\dX]{2}"), Precision.MONTH),
    (re.compile(r"[\dX]{4}-(?:SP|SU|FA|WI)"), Precision.SEASON),
    (re.compile(r"[\dX]{4}-Q[\dX]"), Precision.QUARTER),
    (re.compile(r"[\dX]{4}-H[\dX]"), Precision.HALF),
    (re.compile(r"[\dX]{4}"), Precision.YEAR),
    (re.compile(r"[\dX]{3}"), Precision.DECADE),
    (re.compile(r"[\dX]{2}"), Precision.CENTURY),
)


def _unanchored_precision(value: str) -> Precision:
    """The precision of a value with unknown parts (``XXXX-09-17``, ``XXXX-WXX``), or NONE."""
    for shape, precision in _UNANCHORED_SHAPES:
        if shape.fullmatch(value):
            return precision
    return Precision.NONE


def _apply_mod(first: dt.date, last: dt.date, mod: Mod | None) -> tuple[dt.date, dt.date]:
    """Narrow an interval to the third that "early", "mid-" or "late" speaks of."""
    if mod not in (Mod.START, Mod.MID, Mod.END):
        return first, last
    days = (last - first).days + 1
    if days < 3:
        return first, last
    third = days // 3
    if mod is Mod.START:
        return first, first + dt.timedelta(days=third - 1)
    if mod is Mod.MID:
        return first + dt.timedelta(days=third), last - dt.timedelta(days=third)
    return last - dt.timedelta(days=third - 1), last


def interval(value: str, mod: Mod | None = None, end_value: str | None = None) -> Interval:
    """The days a TIMEX3 value (or a range from ``value`` to ``end_value``) covers.

    ``early``/``mid``/``late`` narrow the interval to its first, middle or last third, so
    "late July 2024" falls after "1 July 2024" and before "August 2024". Values that are not
    calendar positions (durations, sets, ``PAST_REF``, year-less dates) have no days.
    """
    head = _parse(value)
    if head.first is None or head.last is None:
        return head
    last = head.last
    if end_value is not None:
        tail = _parse(end_value)
        if tail.last is None or tail.last < head.first:
            return Interval(None, None, head.precision)
        last = tail.last
    first, last = _apply_mod(head.first, last, mod)
    return Interval(first, last, head.precision)


def day_words(day: dt.date) -> str:
    """A calendar day as every document writes it: "31 August 2025", whatever the locale."""
    return f"{day.day} {_MONTHS[day.month]} {day.year}"


def month_words(day: dt.date) -> str:
    """The month of a day as documents write it: "August 2025"."""
    return f"{_MONTHS[day.month]} {day.year}"


def describe(value: str) -> str:  # noqa: C901 (one flat dispatch over value shapes)
    """A TIMEX3 value in words: ``2024-09-17`` -> "17 September 2024", ``199`` -> "the 1990s"."""
    refs = {"PAST_REF": "in the past", "PRESENT_REF": "now", "FUTURE_REF": "in the future"}
    if value in refs:
        return refs[value]
    if m := _UNANCHORED.fullmatch(value):
        month = _MONTHS[int(m.group(1))] if 1 <= int(m.group(1)) <= 12 else m.group(1)
        if m.group(2):
            return f"{month} {int(m.group(2))} (year unknown)"
        return f"{month} (year unknown)"
    if m := _DAY.fullmatch(value):
        base = describe(value[:10]) if len(value) > 10 else ""
        if m.group(4):
            return f"{base}, {m.group(4)}:{m.group(5)}"
        if m.group(6):
            return f"{base} ({_PART_OF_DAY[m.group(6)]})"
    span = interval(value)
    if span.first is None:
        return value
    match span.precision:
        case Precision.DAY:
            return day_words(span.first)
        case Precision.MONTH:
            return month_words(span.first)
        case Precision.YEAR:
            return value
        case Precision.DECADE:
            return f"the {value}0s"
        case Precision.CENTURY:
            return f"the {_century_ordinal(int(value) + 1)} century"
        case Precision.WEEK:
            return f"week of {day_words(span.first)}"
        case Precision.QUARTER | Precision.HALF:
            kind = "quarter" if span.precision is Precision.QUARTER else "half"
            return f"{_ordinal(int(value[-1]))} {kind} of {value[:4]}"
        case Precision.SEASON:
            return f"{_SEASON_WORDS[value[5:]]} {value[:4]}"
        case _:
            return value


def _century_ordinal(n: int) -> str:
    suffix = "th" if 10 <= n % 100 <= 20 else {1: "st", 2: "nd", 3: "rd"}.get(n % 10, "th")
    return f"{n}{suffix}"


def _ordinal(n: int) -> str:
    return {1: "first", 2: "second", 3: "third", 4: "fourth"}.get(n, str(n))


def label(mention: DateMention) -> str:
    """The date of a mention as a reader should see it, its precision visible.

    "17 September 2024", "late July 2024", "2022–2024", "September 17 (year unknown)".
    """
    text = describe(mention.value)
    if "X" in mention.value and "(year unknown)" not in text:
        # A relative expression with nothing to resolve it against: show it as written.
        return f"{mention.text.strip() or mention.value} (date unknown)"
    if mention.end_value is not None:
        text = f"{text}–{describe(mention.end_value)}"
    word = _MOD_WORDS.get(mention.mod) if mention.mod is not None else None
    if word is None:
        return text
    if text.startswith("the "):
        text = text[4:]
    return f"{word}{text}" if word.endswith("-") else f"{word} {text}"
