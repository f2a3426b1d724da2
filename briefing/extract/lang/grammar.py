"""Tagger rules for French, German, Spanish, Russian and Ukrainian, built from the generated
word tables: absolute dates ("le 17 septembre 2024", "am 17. September", "17 вересня"), months
in any case ("в серпні", "en août"), weekdays, and the common relative expressions.

Normalisation reuses the English calendar logic; nothing here reads the clock.
"""
# ruff: noqa: RUF001, RUF003, ARG001  (Cyrillic words are meant; handlers share one signature)

from __future__ import annotations

import datetime as dt
import re
from dataclasses import replace
from functools import lru_cache
from typing import TYPE_CHECKING, Final

from briefing.extract import dates_calendar as cal
from briefing.extract import dates_rules as en_rules
from briefing.extract.dates_grammar import alt
from briefing.extract.dates_norm import Context, Norm, explicit, relative, unanchored, vague
from briefing.extract.dates_values import words
from briefing.extract.lang import days, durations, eras, periods
from briefing.extract.lang import families as fam
from briefing.extract.lang.tables import TABLES
from briefing.extract.lang.tense import tense_around
from briefing.extract.lang.words import WORDS
from briefing.model import Mod, Precision, TimexType

if TYPE_CHECKING:
    from collections.abc import Mapping

    from briefing.extract.dates_rules import Rule
    from briefing.extract.lang.table import LanguageTable
    from briefing.extract.lang.words import Words

_DATE = TimexType.DATE
_NONE: Final[tuple[Norm, ...]] = ()

DIGIT_RULES: Final = frozenset(
    {"iso", "numeric", "dmy", "year_range", "ago", "year", "duration", "month_year", "clock"}
    | {"set", "mod_year", "day_list", "night_dates"}
    | eras.digit_rules()
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
    | {"vorige woche": ("W", -1), "vergangenes jahr": ("Y", -1), "voriges jahr": ("Y", -1)}
    # genitive after a modifier: "Mitte nächster Woche", "Ende dieses Jahres"
    | {"nächster woche": ("W", 1), "kommender woche": ("W", 1), "vergangener woche": ("W", -1)}
    | {"letzter woche": ("W", -1), "dieses jahres": ("Y", 0), "nächsten jahres": ("Y", 1)}
    | {"vergangenen jahres": ("Y", -1), "letzten jahres": ("Y", -1), "dieses monats": ("M", 0)},
    "es": {
        "lo que va de año": ("Y", 0),
        "lo que va de mes": ("M", 0),
        "la semana próxima": ("W", 1),
        "el mes próximo": ("M", 1),
        "el año próximo": ("Y", 1),
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


def _full_forms(table_forms: list[str]) -> list[str]:
    """Forms that are whole words, not truncations of another form ("сен" of "сентябрь")."""
    return [f for f in table_forms if not any(o != f and o.startswith(f) for o in table_forms)]


def _two_digit_year(two: str, ref: dt.date | None) -> int:
    """ "93" -> 1993, "05" -> 2005: the century that puts the year at most ten years after
    the publication (or after 2000 when there is none)."""
    pivot = (ref.year if ref else 2000) + 10
    year = pivot // 100 * 100 + int(two)
    return year - 100 if year > pivot else year


def _after_shift(w: Words, m: re.Match[str]) -> int:
    """-1 for "le 6 mai dernier", "el pasado 5 de mayo"; +1 for "juin prochain"; else 0."""
    for name in ("post", "pre"):
        word = words(m.groupdict().get(name))
        if word:
            return w.after_date.get(word, 0) or _PRE_SHIFT.get(word, 0)
    return 0


_PRE_SHIFT: Final = {"el pasado": -1, "pasado": -1, "el próximo": 1, "próximo": 1}


def _capital_name(table: LanguageTable, m: re.Match[str], ctx: Context) -> bool:
    """ "Plaza de Mayo", "la Revolución de Octubre": French and Spanish write months in lower
    case, so a capitalised month inside a sentence names something."""
    if table.code not in ("fr", "es"):
        return False
    name = m["m"]
    start = m.start("m")
    if not name[:1].isupper() or name.isupper():
        return False
    before = ctx.text[max(0, start - 3) : start]
    return not re.search(r"(?:^|[.!?:\n]\s*|\d\s*|\b(?:de|del)\s+)$", before) or bool(
        re.search(r"[A-ZÁÉÍÓÚ]\w+\s+(?:de|del)\s+$", ctx.text[max(0, start - 30) : start])
    )


def _resolve_year(
    table: LanguageTable, month: int, m: re.Match[str], ctx: Context, day: int = 0
) -> int:
    """The year of a year-less month (and day): "le 6 mai dernier" written on 27 May is this
    year's 6 May; "juin prochain", next June; else the tense of the clause decides."""
    assert ctx.ref is not None
    shift = _after_shift(WORDS[table.code], m)
    if shift < 0:
        return ctx.ref.year if (month, day) < (ctx.ref.month, ctx.ref.day) else ctx.ref.year - 1
    if shift > 0:
        return ctx.ref.year if (month, day) > (ctx.ref.month, ctx.ref.day) else ctx.ref.year + 1
    tense = tense_around(table.code, ctx.text, m.start(), m.end())
    # a clause told in the past is about the last such month, however far back
    return cal.resolve_year(month, ctx.ref, tense, settled=tense is cal.Tense.PAST)


def _month_day(table: LanguageTable, m: re.Match[str], ctx: Context) -> tuple[Norm, ...]:
    found = _day_of_month(table, m, ctx)
    part = fam.part_code(WORDS[table.code], m.groupdict().get("dpart"))
    if not part:
        return found
    # "le 3 mars au matin", "el 3 de marzo por la tarde": that part of that day
    return tuple(
        replace(n, type=TimexType.TIME, value=f"{n.value}T{part}", precision=Precision.TIME)
        for n in found
    )


def _day_of_month(table: LanguageTable, m: re.Match[str], ctx: Context) -> tuple[Norm, ...]:
    month = table.months[words(m["m"] or m["ma"]).rstrip(".")]
    day = int(m["d"])
    if m["y"] or m["y2"]:
        year = int(m["y"]) if m["y"] else _two_digit_year(m["y2"], ctx.ref)
        found = _date(year, month, day)
        return (explicit(_DATE, found.isoformat(), Precision.DAY),) if found else _NONE
    if ctx.ref is None:
        return (unanchored(_DATE, f"XXXX-{month:02d}-{day:02d}", Precision.DAY),)
    year = _resolve_year(table, month, m, ctx, day)
    weekday = table.weekdays.get(words(m.groupdict().get("wd")))
    if weekday is not None:
        # "le mardi 3 mars": the year in which 3 March is a Tuesday, nearest the tense's
        tense = tense_around(table.code, ctx.text, m.start(), m.end())
        step = 1 if tense is cal.Tense.FUTURE else -1
        for candidate in (year, year + step, year - step):
            day_found = _date(candidate, month, day)
            if day_found is not None and day_found.isoweekday() == weekday:
                year = candidate
                break
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
    if _capital_name(table, m, ctx):
        return _NONE
    placed = m["rely"] or m["post"] or m.groupdict().get("pre")
    if mod is None and not m["y"] and not m["y2"] and not placed:
        before = ctx.text[max(0, m.start() - 16) : m.start()]
        if not re.search(_MONTH_CUES[table.code], before, re.IGNORECASE):
            return _NONE
    month = table.months[words(m["m"])]
    if m["y"] or m["y2"]:
        year = int(m["y"]) if m["y"] else _two_digit_year(m["y2"], ctx.ref)
        return (explicit(_DATE, cal.month_value(year, month), Precision.MONTH, mod),)
    if fam.after_set(WORDS[table.code], ctx.text, m.start()):
        return (fam.generic(f"XXXX-{month:02d}", Precision.MONTH, "a month of every year"),)
    if ctx.ref is None:
        return (unanchored(_DATE, f"XXXX-{month:02d}", Precision.MONTH, mod),)
    if m["rely"]:
        _unit, shift = _RELATIVE_YEARS[table.code][words(m["rely"]).replace("’", "'")]
        value = cal.month_value(ctx.ref.year + shift, month)
        return (relative(_DATE, value, Precision.MONTH, mod),)
    year = _resolve_year(table, month, m, ctx)
    return (relative(_DATE, cal.month_value(year, month), Precision.MONTH, mod),)


def _weekday(table: LanguageTable, m: re.Match[str], ctx: Context) -> tuple[Norm, ...]:
    if fam.capitalised_name(table.code, m.group(), ctx.text, m.start()):
        return _NONE  # "Plácido Domingo", "Radio Lundi": French and Spanish weekdays are lower case
    if words(m["det"]) in ("los", "las"):  # "las reuniones de los martes": every Tuesday
        return (vague(TimexType.SET, f"XXXX-WXX-{table.weekdays[words(m['wd'])]}"),)
    if words(m["wd"]) in _ENVIRONMENT and not _AMBIGUOUS_WEEKDAY_CUE.search(
        ctx.text, max(0, m.start("wd") - 12), m.start("wd")
    ):
        return _NONE  # "окружающей среды": "среда" is also the environment
    title = _WEEKDAY_TITLES.get(table.code)
    if title and re.search(title, ctx.text[max(0, m.start() - 24) : m.start()]):
        return _NONE  # "Welt am Sonntag", "le Journal du dimanche": a newspaper
    weekday = table.weekdays[words(m["wd"])]
    if ctx.ref is None:
        return (unanchored(_DATE, f"XXXX-WXX-{weekday}", Precision.DAY),)
    before, after = _WEEKDAY_SHIFT[table.code]
    shift = before.get(words(m["pre"]), 0) or after.get(words(m["post"]), 0)
    tense = tense_around(table.code, ctx.text, m.start(), m.end())
    if words(m["this"]) and tense is cal.Tense.UNKNOWN:
        tense = cal.Tense.FUTURE  # "ce dimanche", "este lunes": the coming one unless past
    day = cal.resolve_weekday(weekday, ctx.ref, tense, shift)
    return (relative(_DATE, day.isoformat(), Precision.DAY),)


_ENVIRONMENT: Final = frozenset({"среда", "среды", "среду"})
_AMBIGUOUS_WEEKDAY_CUE: Final = re.compile(
    r"(?:(?<!\w)(?:в|во|до|с|со|к|по|на|от|прошлую|следующую|эту|каждую)|\d)[\s,]+$",
    re.IGNORECASE,
)
"""What must stand before "среда" for it to be Wednesday ("в среду", "до среды")."""
_WEEKDAY_TITLES: Final = {
    "de": r"\b(?:Welt|Bild|Tagesspiegel|Kurier|Zeitung) am\s+$",
    "fr": r"\bJournal du\s+$",
}
"""Newspapers named after a weekday."""


def _relative(
    table: LanguageTable,
    m: re.Match[str],
    ctx: Context,
    relatives: Mapping[str, tuple[str, int]],
) -> tuple[Norm, ...]:
    key = words(m["rel"])
    if fam.capitalised_name(table.code, m.group(), ctx.text, m.start()):
        return _NONE  # "el diario Hoy", "Aujourd'hui en France": a title
    unit, shift = relatives.get(key) or relatives[key.replace("’", "'")]
    mod = _MODIFIERS[table.code].get(words(m["mod"])) or WORDS[table.code].mods.get(words(m["mod"]))
    return tuple(replace(n, mod=mod) if mod else n for n in _shifted(unit, shift, ctx))


def _shifted(unit: str, shift: int, ctx: Context) -> tuple[Norm, ...]:
    if unit in ("H", "MIN", "S"):
        if ctx.ref is None:
            return (unanchored(_DATE, "XXXX-XX-XX", Precision.DAY),)
        return (relative(_DATE, ctx.ref.isoformat(), Precision.DAY),)
    name = _UNIT_NAMES.get(unit)
    if name is None:
        return (vague(_DATE, "PAST_REF" if shift < 0 else "FUTURE_REF"),)
    if ctx.ref is None:
        value, precision = en_rules.unanchored_unit(name)
        return (unanchored(_DATE, value, precision),)
    if unit == "D":
        day = ctx.ref + dt.timedelta(days=shift)
        return (relative(_DATE, day.isoformat(), Precision.DAY),)
    if unit == "DE":
        return (relative(_DATE, str(ctx.ref.year + 10 * shift), Precision.YEAR),)
    value, precision = en_rules.unit_value(name, ctx.ref, shift)
    return (relative(_DATE, value, precision),)


_UNIT_NAMES: Final = {"Y": "year", "M": "month", "W": "week", "D": "day", "Q": "quarter"}
_UNIT_NAMES_DE: Final = {"DE": "decade"}


def _ago(table: LanguageTable, m: re.Match[str], ctx: Context) -> tuple[Norm, ...]:
    w = WORDS[table.code]
    unit = fam.unit_code(w, table, m["unit"])
    if unit is None:
        return _NONE
    n = fam.count(w, table, m["n"]) if m["n"] or not durations.plural(table.code, m["unit"]) else 0
    since = ctx.text[max(0, m.start() - 7) : m.start()].lower()
    if re.search(r"\b(?:desde|depuis)\s+$", since):
        # "desde hace un año": for a year (a duration), its quantity is the span
        trim = m.start("n") - m.start() if m["n"] else m.start("unit") - m.start()
        return (
            replace(
                vague(TimexType.DURATION, fam.duration_value(unit, n or None)), trim_start=trim
            ),
        )
    if unit in ("H", "MIN", "S"):
        return _shifted(unit, -1, ctx)
    if unit == "Y" and isinstance(n, float) and (n * 12).is_integer():
        n, unit = int(n * 12), "M"  # "полтора года назад": eighteen months ago
    if n == 0 or not isinstance(n, int):
        return (vague(_DATE, "PAST_REF"),)
    if unit == "DE":
        n, unit = 10 * n, "Y"
    if unit == "CE":
        n, unit = 100 * n, "Y"
    return _shifted(unit, -n, ctx)


def _duration(table: LanguageTable, m: re.Match[str], ctx: Context) -> tuple[Norm, ...]:
    w = WORDS[table.code]
    unit = fam.unit_code(w, table, m["unit"])
    if unit is None:
        return _NONE
    raw = words(m["n"])
    n = fam.count(w, table, m["n"]) if raw else None
    bare_one = n == 1 and raw in _ONES and not (m["q"] or m["ln"] or m["ln2"])
    cued = re.search(_ONE_CUES[table.code], _before(ctx, m, 24), re.IGNORECASE)
    if bare_one and unit in ("D", "Y") and not cued:
        return _NONE  # "un jour, il..." is a story's "one day": a preposition makes a duration
    if raw and unit in _AGE_UNITS and fam.is_age(w, ctx.text, m.start("n"), m.end(), unit):
        return _NONE  # "une fillette de 6 ans", "un bebé de seis meses"
    if not raw and not (m["q"] or m["ln"] or m["ln2"] or m["vg"]):
        return _NONE
    if "des" in (raw, words(m["vg"])) and not cued:
        return _NONE  # "en dehors des heures scolaires": "des" is "de les", not "some"
    if m["vg"]:
        n = fam.count(w, table, m["vg"]) or None
    if m["half"]:
        n = (n or 1) + 0.5  # "trois ans et demi", "два года с половиной"
    value = fam.duration_value(unit, n if n else None)
    trim = 0
    if m["det"] and not (m["ln"] or m["ln2"]):
        trim = m.start("n") - m.start() if m["n"] else 0
    return (replace(vague(TimexType.DURATION, value), trim_start=trim),)


_AGE_UNITS: Final = frozenset({"Y", "M", "W", "D"})


def _before(ctx: Context, m: re.Match[str], size: int) -> str:
    return ctx.text[max(0, m.start() - size) : m.start()]


_ONES: Final = frozenset({"un", "une", "uno", "una", "ein", "eine", "einen", "один", "одна"})
_ONE_CUES: Final = {
    "fr": r"\b(?:pendant|durant|depuis|en|dans|pour|sur|après|avant|d'ici|plus d'|moins d')\s*$",
    "es": r"\b(?:durante|desde hace|hace|en|por|tras|después de|antes de|dentro de)\s+$",
    "de": r"\b(?:für|seit|vor|nach|in|binnen|innerhalb)\s+$",
    "ru": r"(?:за|через|на|в течение|спустя)\s+$",
    "uk": r"(?:за|через|на|протягом|впродовж)\s+$",
}


_RELATIVE_YEARS: Final = {
    "fr": {"l'année dernière": ("Y", -1), "l'an dernier": ("Y", -1), "cette année": ("Y", 0)}
    | {"l'année prochaine": ("Y", 1), "l'an prochain": ("Y", 1), "l'année passée": ("Y", -1)},
    "es": {"el año pasado": ("Y", -1), "este año": ("Y", 0), "el año que viene": ("Y", 1)}
    | {"año pasado": ("Y", -1), "año que viene": ("Y", 1), "el próximo año": ("Y", 1)}
    | {"próximo año": ("Y", 1), "año": ("Y", 0), "el año": ("Y", 0)},
    "de": {"letzten jahres": ("Y", -1), "dieses jahres": ("Y", 0), "nächsten jahres": ("Y", 1)}
    | {"vergangenen jahres": ("Y", -1)},
    "ru": {"прошлого года": ("Y", -1), "этого года": ("Y", 0), "следующего года": ("Y", 1)},
    "uk": {"минулого року": ("Y", -1), "цього року": ("Y", 0), "наступного року": ("Y", 1)},
}
"""Relative years a month or a modifier may be joined to ("septembre de l'année dernière",
"finales de este año", "octubre del año que viene")."""


@lru_cache(maxsize=8)
def rules_for(language: str) -> tuple[Rule, ...]:
    """The rules of a language, or ``()`` when it has no table (English has its own)."""
    table = TABLES.get(language.lower()[:2])
    if table is None:
        return ()
    w = WORDS[table.code]
    forms = list(table.months)
    full = _full_forms(forms)
    abbreviations = [f for f in forms if f not in full]
    months = rf"(?:(?P<m>{alt(full)})(?!\w)|(?P<ma>{alt(abbreviations)})(?:\.|(?!\w)))"
    full_months = alt(full)
    weekdays = alt(table.weekdays)
    units = alt({*table.units, *w.extra_units})
    year_word = _YEAR_WORDS.get(table.code, "")
    year = rf"(?P<y>{_YEAR}){year_word}"
    # "10 novembre 93" is 1993, but "le 10 novembre 93 personnes" counts people
    two_digit = rf"(?P<y2>(?<![\d.,])\d\d)(?![\w%]|[.,:/]\d|\s+(?:{w.counted})(?!\w))"
    mods = alt({*_MODIFIERS[table.code], *w.mods})
    ago_words = alt(table.ago)
    numbers = {*table.numbers, *_NUMBER_WORDS[table.code], *fam._SMALL_COUNTS, *w.vague}
    count = rf"(?<![\d.,])\d{{1,3}}(?:,\d+)?(?![\d.])|(?:{alt(numbers)})(?!\w)"
    quantifiers = w.quantifiers
    if table.ago_after:
        ago = rf"(?:(?:{quantifiers}) )?(?:(?P<n>{count}) )?(?P<unit>{units}) (?:{ago_words})(?!\w)"
    else:
        ago = rf"(?:{ago_words}) (?:(?:{quantifiers}) )?(?:(?P<n>{count}) )?(?P<unit>{units})(?!\w)"
    later_words = {*table.later, *_LATER_EXTRA.get(table.code, ())}
    later = rf"|(?P<later>{alt(later_words)}) (?P<n2>{count}) (?P<unit2>{units})(?!\w)"
    relatives = {**table.relative, **_EXTRA_RELATIVE[table.code]}
    relatives |= {k.replace("'", "’"): v for k, v in relatives.items()}  # typographic apostrophe
    before, after = _WEEKDAY_SHIFT[table.code]
    shift_before = rf"(?:(?P<pre>{alt(before)}) )?" if before else "(?P<pre>)"
    shift_after = rf"(?: (?P<post>{alt(after)})(?!\w))?" if after else "(?P<post>)"
    det = rf"(?:(?P<det>{w.determiners}) ?)?" if w.determiners else "(?P<det>)"
    this = rf"(?:(?P<this>{w.this}) )?"
    after_words = alt(w.after_date)
    post = rf"(?: (?P<post>{after_words})(?!\w))?" if w.after_date else "(?P<post>)"
    pre_day = r"(?:(?P<pre>el pasado|el próximo) )?" if table.code == "es" else "(?P<pre>)"
    # "el pasado mes de junio": the June before publication
    month_pre = r"(?:(?P<pre>el pasado|el próximo) mes de )?" if table.code == "es" else ""
    rel_years = {k.replace("'", "’") for k in _RELATIVE_YEARS[table.code]}
    rel_years |= set(_RELATIVE_YEARS[table.code])
    deictic = alt(w.deictic_days)
    clock = (
        # "hier à 10 h" is one expression; "hier vers 18 h" two (FR-TimeML marks the
        # approximate time apart from its day)
        rf"(?:(?P<dd>{deictic}),? (?:(?:à|a|um|в|о) )?(?!(?:{w.clock_approx}) ))?"
        rf"(?:(?P<approx>{w.clock_approx}) )?"
        rf"(?:(?P<noon>{alt(w.noon)})(?!\w)|{w.clock})"
        rf"(?: (?P<half>{alt(w.clock_parts)})(?!\w))?"
        rf"(?: ?(?P<zone>{w.zones})(?!\w))?(?:,? (?P<dd2>{deictic})(?!\w))?"
    )
    parts = alt(w.parts)
    joins = rf"(?:(?:{w.part_joins}) )?" if w.part_joins else ""
    day_part = (
        rf"(?:{det}(?P<wd>{weekdays}) ?{joins}|(?P<dd>{deictic}) {joins}|(?:{w.this}) (?:même )?)"
        rf"(?P<part>{parts})(?!\w)|(?P<one>{alt(w.one_word_parts)})(?!\w)"
        if w.one_word_parts
        else rf"(?:{det}(?P<wd>{weekdays}) ?{joins}|(?P<dd>{deictic}) {joins}|(?:{w.this}) "
        rf"(?:même )?)(?P<part>{parts})(?!\w)(?P<one>)"
    )
    plural_weekdays = rf"(?P<wd>(?:{weekdays})s?)"
    frequency = (
        rf"(?P<freq>{alt(w.frequency)})(?!\w)"
        rf"|(?:{w.every}) (?:(?P<n>{count}) )?(?:(?P<unit>{units})(?!\w)|{plural_weekdays}(?!\w))"
        rf"|(?:{w.per}) (?P<unit2>{units})(?!\w)"
    )
    last_next_before = alt(w.last_next)
    half = durations.half_after(table.code)
    duration = (
        rf"(?:(?P<q>{quantifiers}) )?{det}(?:(?P<ln>{last_next_before}) )?"
        rf"(?:(?P<n>{count}) |(?P<vg>{alt(w.vague)}) )(?:(?P<ln2>{last_next_before}) )?"
        rf"(?P<unit>{units})(?!\w)(?: (?P<ln3>consecutivos|consecutivas|consécutifs|consécutives))?"
        + (rf"(?: (?P<half>{half})(?!\w))?" if half else "(?P<half>)")
    )
    return (
        en_rules.RULES_BY_NAME["iso"],
        _numeric_rule(),
        fam.rule("clock", clock, lambda m, ctx: fam.clock(w, table, m, ctx)),
        fam.rule(
            "dmy",
            rf"{det}{pre_day}(?:(?P<wd>{weekdays}),? (?:dem |den )?)?(?:día )?(?P<d>[0-3]?\d)"
            rf"(?:\.|er|º|°|-го|-е)? (?:de )?{months}"
            rf"(?:,? (?:de |del )?(?:{year}|{two_digit}))?{post}"
            rf"(?: (?P<dpart>{w.part_after_date})(?!\w))?",
            lambda m, ctx: _month_day(table, m, ctx),
        ),
        fam.rule(
            "day_list",
            rf"(?:(?P<det2>les|los|el|le) |(?:du|del|vom|с|з|із|від) )?(?:días )?"
            r"(?P<d1>[0-3]?\d)(?:\.|er|º)?"
            r"(?: (?:et|y|und|и|і|au|al|bis|по|до|à|a) (?:(?:le|el|zum) )?|, ?| ?[-–] ?)"
            rf"(?P<d>[0-3]?\d)(?:\.|er|º|°|-го|-е)? (?:de )?{months}"
            rf"(?:,? (?:de |del )?(?:{year}|{two_digit}))?{post}",
            lambda m, ctx: days.day_list(m, _month_day(table, m, ctx)),
        ),
        fam.rule(
            "month_year",
            rf"(?:(?P<mod>{mods}) (?:de |d'|d’)?)?(?P<m>{full_months}) (?:de |del |d'|d’)?"
            rf"(?:{year}|{two_digit}|(?P<rely>{alt(rel_years)})(?!\w))(?P<post>)",
            lambda m, ctx: _month(table, m, ctx),
        ),
        en_rules.RULES_BY_NAME["year_range"],
        *periods.rules(table.code, w),
        *days.rules(table, w),
        *eras.rules(table.code),
        fam.rule(
            "night_dates",
            days.NIGHT_DATES[table.code].format(months=full_months) + "(?P<ma>)(?P<y>)(?P<y2>)",
            lambda m, ctx: days.night_before(_month_day(table, m, ctx)),
        ),
        fam.rule(
            "ago",
            ago + later,
            lambda m, ctx: _ago_or_later(table, m, ctx),
        ),
        fam.rule(
            "relative",
            rf"(?:(?P<mod>{mods}) (?:de |d'|d’)?)?(?:el día de |l'|l’)?(?P<rel>{alt(relatives)})"
            r"(?!\w)",
            lambda m, ctx: _relative(table, m, ctx, relatives),
        ),
        fam.rule(
            "day_part",
            day_part,
            lambda m, ctx: fam.day_part(w, table, m, ctx),
            # German writes a weekday and its part as one word: "Dienstagabend"
            starts=frozenset(d + p for d in table.weekdays for p in w.parts),
        ),
        fam.rule(
            "part_alone", rf"(?:{w.part_alone})(?!\w)", lambda m, ctx: fam.part_alone(w, m, ctx)
        ),
        fam.rule(
            "neighbour",
            rf"(?P<nb>{alt(w.neighbours)})(?!\w)",
            lambda m, ctx: fam.neighbour(w, m, ctx),
        ),
        fam.rule(
            "same",
            rf"(?:(?P<day>{w.same})|{w.then})(?!\w)",
            lambda m, ctx: fam.same_day(table, m, ctx),
        ),
        fam.rule(
            "weekend",
            rf"(?:(?:{w.this}|{w.determiners or 'le'}) )?(?:(?P<rel>próximo|pasado) )?"
            rf"(?:{w.weekends})(?!\w)(?: (?P<rel2>{after_words or 'dernier'}))?",
            lambda m, ctx: fam.weekend(table.code, w, m, ctx),
        ),
        fam.rule(
            "month",
            rf"(?:(?P<mod>{mods})(?:-| )(?:de |d'|d’)?)?{month_pre}(?P<m>{full_months})(?!\w)"
            rf"(?P<y>)(?P<y2>)(?P<rely>){post}",
            lambda m, ctx: _month(table, m, ctx),
        ),
        fam.rule(
            "weekday",
            rf"{det}{this}{shift_before}(?P<wd>{weekdays})(?!\w){shift_after}",
            lambda m, ctx: _weekday(table, m, ctx),
        ),
        fam.rule(
            "mod_year",
            rf"(?P<mod>{mods})(?:-| )(?:de |d'|d’|del |l'année |l’année )?(?P<y>{_YEAR})",
            lambda m, ctx: _mod_year(table, m, ctx),
        ),
        fam.rule(
            "year",
            rf"(?:(?P<yw>{w.year_words}|el|del) )?(?P<y>{_YEAR})(?P<mod>)(?P<fy>)",
            lambda m, ctx: _year(w, m, ctx),
        ),
        fam.rule("set", frequency, lambda m, ctx: _set(w, table, m, ctx)),
        fam.rule(
            "ref",
            rf"(?P<ref>{alt(w.refs)})(?!\w)",
            lambda m, ctx: fam.ref(w, table, m, ctx),
            starts=frozenset(re.split(r"[\s'’]", key)[0] for key in w.refs),
        ),
        *durations.rules(table.code),
        fam.rule("duration", duration, lambda m, ctx: _duration(table, m, ctx)),
    )


_LATER_EXTRA: Final = {"es": ("dentro de",), "fr": ("d'ici", "d’ici")}


_NEIGHBOUR_AFTER: Final = re.compile(
    r"\s+(?:anterior|siguiente|pasado|próximo|que viene|en curso|précédent|suivant|dernier)\b"
)


def _set(w: Words, table: LanguageTable, m: re.Match[str], ctx: Context) -> tuple[Norm, ...]:
    if m["unit2"]:
        unit = fam.unit_code(w, table, m["unit2"])
        if unit is None or unit == "X" or _NEIGHBOUR_AFTER.match(ctx.text, m.end()):
            return _NONE  # "con respecto al año anterior" is the year before, not "per year"
        return (vague(TimexType.SET, fam.duration_value(unit, 1)),)
    return fam.frequency(w, table, m, ctx)


def _year(w: Words, m: re.Match[str], ctx: Context) -> tuple[Norm, ...]:
    """A year, unless the number counts something ("2022 voix", "1500 soldados") or
    numbers a text ("décret n° 2024-512", "закон № 2024")."""
    if re.match(rf"\s+(?:{w.counted})(?!\w)", ctx.text[m.end() : m.end() + 24], re.IGNORECASE):
        return _NONE
    if _NUMBERED.search(ctx.text, max(0, m.start() - 8), m.start()):
        return _NONE
    return en_rules.year_rule_handler(m, ctx)


_NUMBERED: Final = re.compile(r"(?:\b[Nn][°ºo]\.?|№|\bNr\.|\bnúm\.|\bnº)\s*$")


def _mod_year(table: LanguageTable, m: re.Match[str], ctx: Context) -> tuple[Norm, ...]:
    mod = _MODIFIERS[table.code].get(words(m["mod"])) or WORDS[table.code].mods.get(words(m["mod"]))
    return (explicit(_DATE, m["y"], Precision.YEAR, mod),)


@lru_cache(maxsize=1)
def neutral_rules() -> tuple[Rule, ...]:
    """Rules for a language without its own: only what is written alike in every language
    (ISO and day-first numeric dates, years and year ranges), never another language's words."""
    return (
        en_rules.RULES_BY_NAME["iso"],
        _numeric_rule(),
        en_rules.RULES_BY_NAME["year_range"],
        fam.rule("year", rf"(?P<y>{_YEAR})(?P<mod>)(?P<fy>)", en_rules.year_rule_handler),
    )


def _numeric_rule() -> Rule:
    return fam.rule(
        "numeric",
        r"(?<![\w/.,-])(?P<a>\d{1,2})(?P<sep>[/.])(?P<b>\d{1,2})(?P=sep)(?P<y>\d{4}|\d\d)"
        r"(?![\w/]|[.,]\d)",
        _numeric,
    )


def _ago_or_later(table: LanguageTable, m: re.Match[str], ctx: Context) -> tuple[Norm, ...]:
    if m.groupdict().get("later"):
        w = WORDS[table.code]
        unit = fam.unit_code(w, table, m["unit2"])
        if unit is None:
            return _NONE
        n = fam.count(w, table, m["n2"])
        return _shifted(unit, int(n), ctx) if n else (vague(_DATE, "FUTURE_REF"),)
    return _ago(table, m, ctx)
