"""Tagger rules for French, German, Spanish, Russian and Ukrainian, built from the generated
word tables: absolute dates ("le 17 septembre 2024", "am 17. September", "17 вересня"), months
in any case ("в серпні", "en août"), weekdays, and the common relative expressions.

Normalisation reuses the English calendar logic; nothing here reads the clock.
"""
# ruff: noqa: RUF001, ARG001  (Cyrillic words are meant; handlers share one signature)

from __future__ import annotations

import datetime as dt
import re
from functools import lru_cache
from typing import TYPE_CHECKING, Final

from briefing.extract import dates_calendar as cal
from briefing.extract import dates_rules as en_rules
from briefing.extract.dates_grammar import alt, spaced
from briefing.extract.dates_norm import Context, Norm, explicit, relative, unanchored, vague
from briefing.extract.dates_rules import Rule
from briefing.extract.dates_values import words
from briefing.extract.lang.tables import TABLES
from briefing.model import Mod, Precision, TimexType

if TYPE_CHECKING:
    from briefing.extract.lang.table import LanguageTable

_DATE = TimexType.DATE
_NONE: Final[tuple[Norm, ...]] = ()

DIGIT_RULES: Final = frozenset(
    {"iso", "numeric", "dmy", "year_range", "ago", "year", "duration", "month_year"}
)
"""Rules whose expressions may start with a figure."""

_MODIFIERS: Final = {
    "fr": {"fin": Mod.END, "début": Mod.START, "mi": Mod.MID, "courant": Mod.MID},
    "de": {"ende": Mod.END, "anfang": Mod.START, "mitte": Mod.MID},
    "es": {
        "finales de": Mod.END,
        "fines de": Mod.END,
        "principios de": Mod.START,
        "comienzos de": Mod.START,
        "mediados de": Mod.MID,
    },
    "ru": {"в конце": Mod.END, "в начале": Mod.START, "в середине": Mod.MID},
    "uk": {
        "наприкінці": Mod.END,
        "в кінці": Mod.END,
        "у кінці": Mod.END,
        "на початку": Mod.START,
        "в середині": Mod.MID,
        "у середині": Mod.MID,
        "посередині": Mod.MID,
    },
}
"""Words for early/mid/late: kept inside the span as TimeML keeps modifiers."""

_MONTH_CUES: Final = {
    "fr": r"(?:en|d'|d’|de|depuis|dès|jusqu'en|au mois de|mois de|fin|début|courant)\s*$",
    "de": r"(?:im|seit|bis|ab|anfang|ende|mitte|vom|zum|monat|bis zum)\s+$",
    "es": r"(?:en|de|desde|hasta|el mes de|del)\s+$",
    "ru": r"(?:в|во|с|до|к|по|от|месяце|конце|начале|середине)\s+$",
    "uk": r"(?:у|в|з|із|до|по|від|кінці|початку|середині|наприкінці|місяці)\s+$",
}
"""A bare month name counts only after one of these ("en août", "в серпні"): alone, "mars" or
"лютий" is too often something else."""

_YEAR_WORDS: Final = {
    "ru": r"(?: (?:г\.|года|году|год))?",
    "uk": r"(?: (?:р\.|року|рік|році))?",
}
_YEAR: Final = r"(?<![\w$£€#.,/+])(?:1\d|20)\d\d(?![\w%]|[.,:]\d)"


def _full_forms(forms: dict[str, int] | None, table_forms: list[str]) -> list[str]:
    """Forms that are whole words, not truncations of another form ("сен" of "сентябрь")."""
    del forms
    return [f for f in table_forms if not any(o != f and o.startswith(f) for o in table_forms)]


def _month_day(table: LanguageTable, m: re.Match[str], ctx: Context) -> tuple[Norm, ...]:
    month = table.months[words(m["m"]).rstrip(".")]
    day = int(m["d"])
    if m["y"]:
        found = _date(int(m["y"]), month, day)
        return (explicit(_DATE, found.isoformat(), Precision.DAY),) if found else _NONE
    if ctx.ref is None:
        return (unanchored(_DATE, f"XXXX-{month:02d}-{day:02d}", Precision.DAY),)
    year = cal.resolve_year(month, ctx.ref, cal.Tense.UNKNOWN)
    found = _date(year, month, day)
    return (relative(_DATE, found.isoformat(), Precision.DAY),) if found else _NONE


def _date(year: int, month: int, day: int) -> dt.date | None:
    try:
        return dt.date(year, month, day)
    except ValueError:
        return None


def _numeric(m: re.Match[str], ctx: Context) -> tuple[Norm, ...]:
    """17.09.2024 or 17/09/2024: day first outside English."""
    year = int(m["y"]) + (0 if len(m["y"]) == 4 else 2000 if int(m["y"]) < 50 else 1900)
    found = _date(year, int(m["b"]), int(m["a"]))
    return (explicit(_DATE, found.isoformat(), Precision.DAY),) if found else _NONE


def _month(table: LanguageTable, m: re.Match[str], ctx: Context) -> tuple[Norm, ...]:
    mod = _MODIFIERS[table.code].get(words(m["mod"])) if m["mod"] else None
    if mod is None:
        before = ctx.text[max(0, m.start() - 16) : m.start()]
        if not re.search(_MONTH_CUES[table.code], before, re.IGNORECASE):
            return _NONE
    month = table.months[words(m["m"])]
    if m["y"]:
        return (explicit(_DATE, cal.month_value(int(m["y"]), month), Precision.MONTH, mod),)
    if ctx.ref is None:
        return (unanchored(_DATE, f"XXXX-{month:02d}", Precision.MONTH, mod),)
    year = cal.resolve_year(month, ctx.ref, cal.Tense.UNKNOWN)
    return (relative(_DATE, cal.month_value(year, month), Precision.MONTH, mod),)


def _weekday(table: LanguageTable, m: re.Match[str], ctx: Context) -> tuple[Norm, ...]:
    weekday = table.weekdays[words(m["wd"])]
    if ctx.ref is None:
        return (unanchored(_DATE, f"XXXX-WXX-{weekday}", Precision.DAY),)
    day = cal.resolve_weekday(weekday, ctx.ref, cal.Tense.UNKNOWN)
    return (relative(_DATE, day.isoformat(), Precision.DAY),)


_UNIT_NAMES: Final = {"Y": "year", "M": "month", "W": "week", "D": "day"}


def _relative(table: LanguageTable, m: re.Match[str], ctx: Context) -> tuple[Norm, ...]:
    unit, shift = table.relative[words(m["rel"])]
    return _shifted(unit, shift, ctx)


def _shifted(unit: str, shift: int, ctx: Context) -> tuple[Norm, ...]:
    name = _UNIT_NAMES[unit]
    if ctx.ref is None:
        value, precision = en_rules.unanchored_unit(name)
        return (unanchored(_DATE, value, precision),)
    if unit == "D":
        day = ctx.ref + dt.timedelta(days=shift)
        return (relative(_DATE, day.isoformat(), Precision.DAY),)
    value, precision = en_rules.unit_value(name, ctx.ref, shift)
    return (relative(_DATE, value, precision),)


def _ago(table: LanguageTable, m: re.Match[str], ctx: Context) -> tuple[Norm, ...]:
    unit = table.units[words(m["unit"])]
    return _shifted(unit, -int(m["n"]), ctx)


def _duration(table: LanguageTable, m: re.Match[str], ctx: Context) -> tuple[Norm, ...]:
    unit = table.units[words(m["unit"])]
    return (vague(TimexType.DURATION, f"P{int(m['n'])}{unit}"),)


def _rule(name: str, pattern: str, handler: en_rules.Handler) -> Rule:
    compiled = re.compile(rf"(?<!\w)(?:{spaced(pattern)})", re.IGNORECASE)
    return Rule(name, compiled, handler)


@lru_cache(maxsize=8)
def rules_for(language: str) -> tuple[Rule, ...]:
    """The rules of a language, or ``()`` when it has no table (English has its own)."""
    table = TABLES.get(language.lower()[:2])
    if table is None:
        return ()
    months = alt(table.months)
    full_months = alt(_full_forms(None, list(table.months)))
    weekdays = alt(table.weekdays)
    units = alt(table.units)
    year_word = _YEAR_WORDS.get(table.code, "")
    year = rf"(?P<y>{_YEAR}){year_word}"
    mods = alt(_MODIFIERS[table.code])
    ago_words = alt(table.ago)
    if table.ago_after:
        ago = rf"(?P<n>\d{{1,3}}) (?P<unit>{units}) (?:{ago_words})(?!\w)"
    else:
        ago = rf"(?:{ago_words}) (?P<n>\d{{1,3}}) (?P<unit>{units})(?!\w)"
    later = rf"|(?P<later>{alt(table.later)}) (?P<n2>\d{{1,3}}) (?P<unit2>{units})(?!\w)"
    return (
        en_rules.RULES_BY_NAME["iso"],
        _rule(
            "numeric",
            r"(?<![\w/.,-])(?P<a>\d{1,2})(?P<sep>[/.])(?P<b>\d{1,2})(?P=sep)(?P<y>\d{4}|\d\d)"
            r"(?![\w/]|[.,]\d)",
            _numeric,
        ),
        _rule(
            "dmy",
            rf"(?:(?P<wd>{weekdays}),? )?(?P<d>[0-3]?\d)(?:\.|er|º|°|-го|-е)? (?:de )?"
            rf"(?P<m>{months})(?!\w)\.?(?:,? (?:de |del )?{year})?",
            lambda m, ctx: _month_day(table, m, ctx),
        ),
        _rule(
            "month_year",
            rf"(?:(?P<mod>{mods}) (?:de |d'|d’)?)?(?P<m>{full_months}) (?:de |del )?{year}",
            lambda m, ctx: _month(table, m, ctx),
        ),
        en_rules.RULES_BY_NAME["year_range"],
        _rule(
            "ago",
            ago + (later if table.later else ""),
            lambda m, ctx: _ago_or_later(table, m, ctx),
        ),
        _rule(
            "relative",
            rf"(?P<rel>{alt(table.relative)})(?!\w)",
            lambda m, ctx: _relative(table, m, ctx),
        ),
        _rule(
            "month",
            rf"(?:(?P<mod>{mods})(?:-| )(?:de |d'|d’)?)?(?P<m>{full_months})(?!\w)(?P<y>)",
            lambda m, ctx: _month(table, m, ctx),
        ),
        _rule("weekday", rf"(?P<wd>{weekdays})(?!\w)", lambda m, ctx: _weekday(table, m, ctx)),
        _rule("year", rf"(?P<y>{_YEAR})(?P<mod>)(?P<fy>)", en_rules.year_rule_handler),
        _rule(
            "duration",
            rf"(?P<n>\d{{1,3}}) (?P<unit>{units})(?!\w)",
            lambda m, ctx: _duration(table, m, ctx),
        ),
    )


def _ago_or_later(table: LanguageTable, m: re.Match[str], ctx: Context) -> tuple[Norm, ...]:
    if m.groupdict().get("later"):
        unit = table.units[words(m["unit2"])]
        return _shifted(unit, int(m["n2"]), ctx)
    return _ago(table, m, ctx)
