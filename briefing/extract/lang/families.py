"""Handlers for the rule families every language other than English shares: clock times,
parts of the day, vague references, sets, durations and ages, quarters, days next to the one
in focus. Each reads its words from ``words.WORDS`` and its match; none reads the clock.
"""
# ruff: noqa: ARG001, RUF001  (handlers share one signature; Cyrillic words are meant)

from __future__ import annotations

import datetime as dt
import re
from typing import TYPE_CHECKING, Final

from briefing.extract import dates_calendar as cal
from briefing.extract import dates_rules as en_rules
from briefing.extract.dates_norm import Context, Norm, relative, unanchored, vague
from briefing.extract.dates_values import format_quantity, words
from briefing.extract.lang.tense import tense_around
from briefing.model import Anchoring, Mod, Precision, TimexType

if TYPE_CHECKING:
    from collections.abc import Mapping

    from briefing.extract.lang.table import LanguageTable
    from briefing.extract.lang.words import Words

_DATE = TimexType.DATE
_TIME = TimexType.TIME
_NONE: Final[tuple[Norm, ...]] = ()
_DAY_VALUE: Final = re.compile(r"\d{4}-\d\d-\d\d$")
_UNIT_NAMES: Final = {"Y": "year", "M": "month", "W": "week", "D": "day", "Q": "quarter"}


def focus_day(ctx: Context) -> tuple[dt.date | None, Anchoring]:
    """The day in focus: the last full day the text named, else the publication date."""
    if _DAY_VALUE.match(ctx.prior):
        return dt.date.fromisoformat(ctx.prior), Anchoring.NEARBY
    return ctx.ref, Anchoring.PUBLICATION


def first(m: re.Match[str], *names: str) -> str | None:
    """The first of the named groups that matched (groups absent from the pattern skipped)."""
    found = m.groupdict()
    for name in names:
        if found.get(name):
            return found[name]
    return None


def lookup(table: Mapping[str, object], text: str | None) -> object:
    """A table entry by its lower-case, single-spaced key (apostrophes made typographic-neutral)."""
    key = words(text)
    if key in table:
        return table[key]
    return table.get(key.replace("’", "'"), table.get(key.replace("'", "’")))


# --------------------------------------------------------------------------------------------
# Clock times and parts of the day


def clock(w: Words, m: re.Match[str], ctx: Context) -> tuple[Norm, ...]:
    """ "vers 14 h 30", "a las 16:08 UTC", "um 14 Uhr", "hier à 10 h": a time on the day
    the text speaks of (a day word joined to it, else the day last named, else publication)."""
    noon = words(m["noon"])
    if noon:
        hh, mi = (12, 0) if noon == w.noon[0] else (24, 0)
    else:
        hour = first(m, "h", "h2")
        if hour is None:
            return _NONE
        hh, mi = int(hour), int(first(m, "mi", "mi2", "mi3") or 0)
    zone = "Z" if re.search(r"UTC|GMT|Zulu", m["zone"] or "") else ""
    offset = lookup(w.deictic_days, first(m, "dd", "dd2"))
    if isinstance(offset, int) and ctx.ref is not None:
        day: dt.date | None = ctx.ref + dt.timedelta(days=offset)
        anchoring = Anchoring.PUBLICATION
    else:
        day, anchoring = focus_day(ctx)
    clock_value = f"T{hh:02d}:{mi:02d}{zone}"
    mod = Mod.APPROX if m["approx"] else None
    if day is None:
        return (unanchored(_TIME, "XXXX-XX-XX" + clock_value, Precision.TIME, mod),)
    return (
        relative(_TIME, day.isoformat() + clock_value, Precision.TIME, mod, anchoring=anchoring),
    )


def day_part(w: Words, table: LanguageTable, m: re.Match[str], ctx: Context) -> tuple[Norm, ...]:
    """ "hier matin", "ce soir", "el jueves por la noche", "Montagabend", "anoche"."""
    one = lookup(w.one_word_parts, m["one"])
    if isinstance(one, tuple):
        offset, part = one
        return _part_on(ctx, offset, part)
    part = str(lookup(w.parts, m["part"]) or "")
    if not part:
        return _NONE
    if m["wd"]:
        weekday = table.weekdays.get(words(m["wd"]))
        if weekday is None or ctx.ref is None:
            return (unanchored(_TIME, f"XXXX-WXX-{weekday or 'X'}T{part}", Precision.TIME),)
        tense = tense_around(table.code, ctx.text, m.start(), m.end())
        day = cal.resolve_weekday(weekday, ctx.ref, tense)
        return (relative(_TIME, f"{day.isoformat()}T{part}", Precision.TIME),)
    offset = lookup(w.deictic_days, m["dd"])
    return _part_on(ctx, offset if isinstance(offset, int) else 0, part)


def _part_on(ctx: Context, offset: int, part: str) -> tuple[Norm, ...]:
    if ctx.ref is None:
        return (unanchored(_TIME, f"XXXX-XX-XXT{part}", Precision.TIME),)
    day = ctx.ref + dt.timedelta(days=offset)
    return (relative(_TIME, f"{day.isoformat()}T{part}", Precision.TIME),)


def part_alone(w: Words, m: re.Match[str], ctx: Context) -> tuple[Norm, ...]:
    """ "pendant la nuit", "dans la soirée": that part of the day in focus."""
    tail = words(m.group()).split()
    part = next((str(w.parts[t]) for t in reversed(tail) if t in w.parts), "")
    if not part:
        return _NONE
    day, anchoring = focus_day(ctx)
    if day is None:
        return (unanchored(_TIME, f"XXXX-XX-XXT{part}", Precision.TIME),)
    return (relative(_TIME, f"{day.isoformat()}T{part}", Precision.TIME, anchoring=anchoring),)


# --------------------------------------------------------------------------------------------
# References, sets, days next to the one in focus


def ref(w: Words, m: re.Match[str], ctx: Context) -> tuple[Norm, ...]:
    """ "désormais", "actualmente", "hoy por hoy", "récemment": vague references."""
    value = lookup(w.refs, m["ref"])
    return (vague(_DATE, str(value)),) if value else _NONE


def frequency(w: Words, table: LanguageTable, m: re.Match[str], ctx: Context) -> tuple[Norm, ...]:
    """ "chaque année", "tous les jeudis", "par semestre", "al año", "quotidien"."""
    freq = lookup(w.frequency, m["freq"])
    if freq:
        return (vague(TimexType.SET, str(freq)),)
    if m["wd"]:
        weekday = table.weekdays.get(words(m["wd"])) or table.weekdays.get(words(m["wd"])[:-1])
        return (vague(TimexType.SET, f"XXXX-WXX-{weekday}"),) if weekday else _NONE
    unit = unit_code(w, table, m["unit"])
    if unit is None:
        return _NONE
    n = count(w, table, m["n"]) if m["n"] else 1
    return (vague(TimexType.SET, duration_value(unit, n or None)),)


def neighbour(w: Words, m: re.Match[str], ctx: Context) -> tuple[Norm, ...]:
    """ "la veille", "le lendemain", "al día siguiente", "накануне": next to the day in focus
    (to the publication date when the text named none)."""
    found = lookup(w.neighbours, m["nb"])
    if not isinstance(found, tuple):
        return _NONE
    unit, shift = found
    base, anchoring = focus_day(ctx)
    if base is None and ctx.prior[:4].isdigit():
        base, anchoring = dt.date(int(ctx.prior[:4]), 7, 1), Anchoring.NEARBY
    if base is None:
        value, precision = en_rules.unanchored_unit(_UNIT_NAMES[unit])
        return (unanchored(_DATE, value, precision),)
    value, precision = en_rules.unit_value(_UNIT_NAMES[unit], base, shift)
    return (relative(_DATE, value, precision, anchoring=anchoring),)


def same_day(m: re.Match[str], ctx: Context) -> tuple[Norm, ...]:
    """ "ce jour-là", "el mismo día", "desde entonces": the date in focus."""
    if not ctx.prior or not ctx.prior[:4].isdigit():
        return _NONE
    return (relative(_DATE, ctx.prior, _precision_of(ctx.prior), anchoring=Anchoring.NEARBY),)


def _precision_of(value: str) -> Precision:
    if len(value) == 10:
        return Precision.DAY
    if "-W" in value:
        return Precision.WEEK
    if "-Q" in value:
        return Precision.QUARTER
    return Precision.MONTH if len(value) == 7 else Precision.YEAR


def weekend(w: Words, rel: str | None, ctx: Context) -> tuple[Norm, ...]:
    """ "ce week-end", "el próximo fin de semana", "le week-end dernier"."""
    shift = w.after_date.get(words(rel), 0)
    if ctx.ref is None:
        return (unanchored(_DATE, "XXXX-WXX-WE", Precision.WEEK),)
    value, precision = en_rules.unit_value("weekend", ctx.ref, shift)
    return (relative(_DATE, value, precision),)


# --------------------------------------------------------------------------------------------
# Counts, durations and ages


def unit_code(w: Words, table: LanguageTable, word: str | None) -> str | None:
    """ "années" -> ``Y``, "décennies" -> ``DE``, "quinquennat" -> ``5Y``."""
    key = words(word)
    return table.units.get(key) or w.extra_units.get(key)


def count(w: Words, table: LanguageTable, text: str | None) -> int | float:
    """A count in figures ("3", "30,4") or words ("dix-huit"); 1 for none; 0 for a vague one
    ("plusieurs", "des")."""
    key = words(text)
    if not key:
        return 1
    figures = key.replace(",", ".").replace(" ", "")
    if re.fullmatch(r"\d+(?:\.\d+)?", figures):
        value = float(figures)
        return int(value) if value == int(value) else value
    if key in w.vague:
        return w.vague[key]
    return table.numbers.get(key) or _SMALL_COUNTS.get(key, 0)


_SMALL_COUNTS: Final = {
    "une": 1,
    "una": 1,
    "un": 1,
    "eine": 1,
    "einem": 1,
    "einer": 1,
    "einen": 1,
    "ein": 1,
    "одна": 1,
    "одну": 1,
    "одного": 1,
    "две": 2,
    "двух": 2,
    "трёх": 3,
    "трех": 3,
    "четырёх": 4,
    "пяти": 5,
    "десяти": 10,
    "дві": 2,
    "двох": 2,
    "трьох": 3,
    "чотирьох": 4,
    "п'яти": 5,
    "п’яти": 5,
    "п’ять": 5,
    "дев’ять": 9,
    "дев’яносто": 90,
    "veintiún": 21,
    "veintiuna": 21,
    "cent": 100,
    "mil": 1000,
    "mille": 1000,
}
"""Forms the generated number words lack: feminine and oblique cases, apocopes."""


def duration_value(unit: str, n: float | None) -> str:
    """``P3Y``, ``PT2H``, ``P25Y`` for "un quart de siècle", ``P5Y`` for a "quinquennat"."""
    if unit[:1].isdigit():
        size, base = int(unit[:-1]), unit[-1]
        return en_rules.duration_value(base, None if n is None else size * n)
    if unit == "H" and n is not None and n != int(n):
        return f"PT{format_quantity(n)}H"
    if unit == "S":
        return f"PT{format_quantity(n)}S"
    if unit == "X":
        return "PXD"
    return en_rules.duration_value(unit, n)


def is_age(w: Words, text: str, start: int, end: int) -> bool:
    """Whether "N ans"/"N años" at ``text[start:end]`` gives someone's age, not a duration.

    "Florian, 26 ans, demeurant", "une fillette de 6 ans", "âgée de 90 ans", "les moins de
    17 ans", "les 6-16 ans", "Jobs, de 55 años": ages are not durations in TimeML.
    """
    before = text[max(0, start - 40) : start]
    if re.search(w.age_before, before, re.IGNORECASE):
        noun = re.search(rf"\b(?:{w.duration_nouns})\w*(?: [\w-]+)? de $", before, re.I)
        return noun is None
    if re.search(r"\d\s*[-–]\s*$", before):
        return True  # "les 6-16 ans": an age group
    return bool(re.match(r",|\s+(?:et|y|und|и|і)\s+\d", text[end : end + 6])) and bool(
        re.search(r"[A-ZÀ-Ý][\w-]+,\s*$", before)
    )


def last_next_value(w: Words, n: float, unit: str, m: re.Match[str]) -> str:
    """A duration; "les trois derniers mois", "los próximos cuatro años" are durations too."""
    return duration_value(unit, n or None)
