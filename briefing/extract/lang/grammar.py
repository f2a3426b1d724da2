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
    from collections.abc import Mapping

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
    "ru": {
        "в конце": Mod.END,
        "в начале": Mod.START,
        "в середине": Mod.MID,
        "с начала": Mod.START,
        "до конца": Mod.END,
        "к концу": Mod.END,
        "с середины": Mod.MID,
        "с конца": Mod.END,
    },
    "uk": {
        "наприкінці": Mod.END,
        "в кінці": Mod.END,
        "у кінці": Mod.END,
        "на початку": Mod.START,
        "в середині": Mod.MID,
        "у середині": Mod.MID,
        "посередині": Mod.MID,
        "з початку": Mod.START,
        "до кінця": Mod.END,
        "з середини": Mod.MID,
        "з кінця": Mod.END,
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

_NUMBER_WORDS: Final = {
    "fr": {"un": 1, "une": 1, "deux": 2, "trois": 3, "quatre": 4, "cinq": 5, "six": 6}
    | {"sept": 7, "huit": 8, "neuf": 9, "dix": 10, "quelques": 0, "plusieurs": 0},
    "de": {"ein": 1, "eine": 1, "einem": 1, "einer": 1, "einen": 1, "zwei": 2, "drei": 3}
    | {"vier": 4, "fünf": 5, "sechs": 6, "sieben": 7, "acht": 8, "neun": 9, "zehn": 10}
    | {"einigen": 0, "einige": 0, "mehreren": 0, "mehrere": 0, "wenigen": 0},
    "es": {"un": 1, "una": 1, "uno": 1, "dos": 2, "tres": 3, "cuatro": 4, "cinco": 5}
    | {"seis": 6, "siete": 7, "ocho": 8, "nueve": 9, "diez": 10, "unos": 0, "unas": 0}
    | {"varios": 0, "varias": 0},
    "ru": {"один": 1, "одна": 1, "одну": 1, "одного": 1, "два": 2, "две": 2, "двух": 2}
    | {"три": 3, "трёх": 3, "трех": 3, "четыре": 4, "пять": 5, "шесть": 6, "семь": 7}
    | {"восемь": 8, "девять": 9, "десять": 10, "несколько": 0, "нескольких": 0},
    "uk": {"один": 1, "одна": 1, "одну": 1, "одного": 1, "два": 2, "дві": 2, "двох": 2}
    | {"три": 3, "трьох": 3, "чотири": 4, "п'ять": 5, "п’ять": 5, "шість": 6, "сім": 7}
    | {"вісім": 8, "дев'ять": 9, "дев’ять": 9, "десять": 10, "кілька": 0, "кількох": 0},
}
"""Small counts written as words ("il y a trois jours", "три дні тому"); 0 stands for a vague
count ("plusieurs", "несколько"): a duration ``PX…`` but no date."""

_EXTRA_RELATIVE: Final = {
    "fr": {"l'an dernier": ("Y", -1), "l’an dernier": ("Y", -1), "l'an passé": ("Y", -1)}
    | {"l’année dernière": ("Y", -1), "l’année prochaine": ("Y", 1), "l'an prochain": ("Y", 1)}
    | {"le mois passé": ("M", -1), "la semaine passée": ("W", -1), "ce mois": ("M", 0)},
    "de": {
        "diesem jahr": ("Y", 0),
        "im vergangenen jahr": ("Y", -1),
        "vergangene woche": ("W", -1),
    }
    | {"im letzten jahr": ("Y", -1), "im nächsten jahr": ("Y", 1), "im kommenden jahr": ("Y", 1)}
    | {"vergangenen monat": ("M", -1), "kommende woche": ("W", 1), "dieser woche": ("W", 0)}
    | {"vorige woche": ("W", -1), "vergangenes jahr": ("Y", -1), "voriges jahr": ("Y", -1)},
    "es": {
        "el año que viene": ("Y", 1),
        "la semana que viene": ("W", 1),
        "el mes que viene": ("M", 1),
    }
    | {"el pasado año": ("Y", -1), "el pasado mes": ("M", -1), "la pasada semana": ("W", -1)},
    "ru": {"в прошлом году": ("Y", -1), "на этой неделе": ("W", 0), "в этом месяце": ("M", 0)}
    | {"на минувшей неделе": ("W", -1), "в минувшем году": ("Y", -1)},
    "uk": {"на минулому тижні": ("W", -1), "минулого тижня": ("W", -1), "цього тижня": ("W", 0)}
    | {"на цьому тижні": ("W", 0), "на наступному тижні": ("W", 1), "у минулому році": ("Y", -1)},
}
"""Relative phrases news uses that dateparser's locale data does not list."""

_WEEKDAY_SHIFT: Final = {
    "fr": ({}, {"dernier": -1, "passé": -1, "prochain": 1}),
    "de": ({"letzten": -1, "vergangenen": -1, "vorigen": -1, "nächsten": 1, "kommenden": 1}, {}),
    "es": ({"el pasado": -1, "el próximo": 1}, {"pasado": -1, "próximo": 1, "que viene": 1}),
    "ru": (
        {"в прошлый": -1, "в прошлую": -1, "в прошлое": -1, "в минувший": -1}
        | {"в минувшую": -1, "в следующий": 1, "в следующую": 1, "в следующее": 1},
        {},
    ),
    "uk": (
        {"в минулий": -1, "у минулий": -1, "в минулу": -1, "у минулу": -1}
        | {"в наступний": 1, "у наступний": 1, "в наступну": 1, "у наступну": 1},
        {},
    ),
}
"""Words before or after a weekday that choose the past or the coming one ("mardi dernier",
"nächsten Montag", "в прошлую среду")."""

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
    before, after = _WEEKDAY_SHIFT[table.code]
    shift = before.get(words(m["pre"]), 0) or after.get(words(m["post"]), 0)
    day = cal.resolve_weekday(weekday, ctx.ref, cal.Tense.UNKNOWN, shift)
    return (relative(_DATE, day.isoformat(), Precision.DAY),)


_UNIT_NAMES: Final = {"Y": "year", "M": "month", "W": "week", "D": "day"}


def _relative(
    table: LanguageTable,
    m: re.Match[str],
    ctx: Context,
    relatives: Mapping[str, tuple[str, int]],
) -> tuple[Norm, ...]:
    del table
    unit, shift = relatives[words(m["rel"])]
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


def _count(table: LanguageTable, text: str | None) -> int:
    """A count in figures or words; 1 when the phrase has none ("год назад"), 0 when vague."""
    w = words(text)
    if not w:
        return 1
    if w.isdigit():
        return int(w)
    return _NUMBER_WORDS[table.code].get(w, 0)


def _ago(table: LanguageTable, m: re.Match[str], ctx: Context) -> tuple[Norm, ...]:
    unit = table.units[words(m["unit"])]
    n = _count(table, m["n"])
    if n == 0:
        return (vague(_DATE, "PAST_REF"),)
    return _shifted(unit, -n, ctx)


def _duration(table: LanguageTable, m: re.Match[str], ctx: Context) -> tuple[Norm, ...]:
    unit = table.units[words(m["unit"])]
    n = _count(table, m["n"])
    return (vague(TimexType.DURATION, f"P{n or 'X'}{unit}"),)


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
    count = rf"\d{{1,3}}|(?:{alt(_NUMBER_WORDS[table.code])})(?!\w)"
    if table.ago_after:
        ago = rf"(?:(?P<n>{count}) )?(?P<unit>{units}) (?:{ago_words})(?!\w)"
    else:
        ago = rf"(?:{ago_words}) (?P<n>{count}) (?P<unit>{units})(?!\w)"
    later = rf"|(?P<later>{alt(table.later)}) (?P<n2>{count}) (?P<unit2>{units})(?!\w)"
    relatives = {**table.relative, **_EXTRA_RELATIVE[table.code]}
    relatives |= {k.replace("'", "’"): v for k, v in relatives.items()}  # typographic apostrophe
    plural_count = alt(w for w, n in _NUMBER_WORDS[table.code].items() if n != 1)
    before, after = _WEEKDAY_SHIFT[table.code]
    shift_before = rf"(?:(?P<pre>{alt(before)}) )?" if before else "(?P<pre>)"
    shift_after = rf"(?: (?P<post>{alt(after)})(?!\w))?" if after else "(?P<post>)"
    return (
        en_rules.RULES_BY_NAME["iso"],
        _numeric_rule(),
        _rule(
            "dmy",
            rf"(?:(?P<wd>{weekdays}),? (?:dem |den )?)?(?P<d>[0-3]?\d)(?:\.|er|º|°|-го|-е)? "
            rf"(?:de )?(?P<m>{months})(?!\w)(?:(?<![^\W\d_]{{5}})\.)?(?:,? (?:de |del )?{year})?",
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
            rf"(?P<rel>{alt(relatives)})(?!\w)",
            lambda m, ctx: _relative(table, m, ctx, relatives),
        ),
        _rule(
            "month",
            rf"(?:(?P<mod>{mods})(?:-| )(?:de |d'|d’)?)?(?P<m>{full_months})(?!\w)(?P<y>)",
            lambda m, ctx: _month(table, m, ctx),
        ),
        _rule(
            "weekday",
            rf"{shift_before}(?P<wd>{weekdays})(?!\w){shift_after}",
            lambda m, ctx: _weekday(table, m, ctx),
        ),
        _rule("year", rf"(?P<y>{_YEAR})(?P<mod>)(?P<fy>)", en_rules.year_rule_handler),
        _rule(
            "duration",
            rf"(?P<n>\d{{1,3}}|(?:{plural_count})(?!\w)) (?P<unit>{units})(?!\w)",
            lambda m, ctx: _duration(table, m, ctx),
        ),
    )


@lru_cache(maxsize=1)
def neutral_rules() -> tuple[Rule, ...]:
    """Rules for a language without its own: only what is written alike in every language
    (ISO and day-first numeric dates, years and year ranges), never another language's words."""
    return (
        en_rules.RULES_BY_NAME["iso"],
        _numeric_rule(),
        en_rules.RULES_BY_NAME["year_range"],
        _rule("year", rf"(?P<y>{_YEAR})(?P<mod>)(?P<fy>)", en_rules.year_rule_handler),
    )


def _numeric_rule() -> Rule:
    return _rule(
        "numeric",
        r"(?<![\w/.,-])(?P<a>\d{1,2})(?P<sep>[/.])(?P<b>\d{1,2})(?P=sep)(?P<y>\d{4}|\d\d)"
        r"(?![\w/]|[.,]\d)",
        _numeric,
    )


def _ago_or_later(table: LanguageTable, m: re.Match[str], ctx: Context) -> tuple[Norm, ...]:
    if m.groupdict().get("later"):
        unit = table.units[words(m["unit2"])]
        n = _count(table, m["n2"])
        return _shifted(unit, n, ctx) if n else (vague(_DATE, "FUTURE_REF"),)
    return _ago(table, m, ctx)
