"""Handlers for the rule families every language other than English shares: clock times,
parts of the day, vague references, sets, durations and ages, quarters, days next to the one
in focus. Each reads its words from ``words.WORDS`` and its match; none reads the clock.
"""
# ruff: noqa: RUF001  (Cyrillic words are meant)

from __future__ import annotations

import datetime as dt
import re
from typing import TYPE_CHECKING, Final

from briefing.extract import dates_calendar as cal
from briefing.extract import dates_rules as en_rules
from briefing.extract.dates_grammar import spaced
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
    if _DAY_VALUE.match(ctx.prior_day):
        return dt.date.fromisoformat(ctx.prior_day), Anchoring.NEARBY
    return ctx.ref, Anchoring.PUBLICATION


def rule(
    name: str, pattern: str, handler: en_rules.Handler, starts: frozenset[str] = frozenset()
) -> en_rules.Rule:
    """A rule of a language other than English: case-blind, starting at a word boundary, its
    pattern's spaces read as any run of whitespace."""
    compiled = re.compile(rf"(?<!\w)(?:{spaced(pattern)})", re.IGNORECASE)
    return en_rules.Rule(name, compiled, handler, starts)


_SENTENCE_START: Final = re.compile(r"(?:^|[.!?:;\n«»\"“”(—–_-])[\s'’]*$")


def capitalised_name(code: str, found: str, text: str, start: int) -> bool:
    """Whether a weekday or day word written with a capital inside a sentence is a name or a
    noun: French and Spanish write weekdays and "hoy" in lower case ("Plácido Domingo", "el
    diario Hoy"); German writes "heute", "gestern", "morgen" in lower case and capitalises
    the nouns ("der Morgen", the morning)."""
    if not found[:1].isupper() or found.isupper():
        return False
    if code == "de" and words(found) not in _GERMAN_ADVERBS:
        return False
    if code not in ("fr", "es", "de"):
        return False
    return _SENTENCE_START.search(text, max(0, start - 6), start) is None


_GERMAN_ADVERBS: Final = frozenset({"heute", "gestern", "morgen", "vorgestern", "übermorgen"})


def after_set(w: Words, text: str, start: int) -> bool:
    """Whether a date follows a recurrence in its clause ("chaque année en juin", "cada año
    en marzo", "jedes Jahr im Juni"): then it names a month of every year, not one June."""
    before = text[max(0, start - 32) : start]
    return re.search(rf"\b(?:{w.every}) [\w'’-]+,? (?:[\w'’-]+ )?$", before, re.I) is not None


def generic(value: str, precision: Precision, reason: str) -> Norm:
    """A date in general ("XXXX-06", "XXXX-SU"): no calendar position, and a reason why."""
    return Norm(
        type=_DATE, value=value, precision=precision, anchoring=Anchoring.NONE, reason=reason
    )


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


def clock(w: Words, table: LanguageTable, m: re.Match[str], ctx: Context) -> tuple[Norm, ...]:
    """ "vers 14 h 30", "a las 16:08 UTC", "um 14 Uhr", "hier à 10 h": a time on the day
    the text speaks of (a day word joined to it, a weekday right after it as in "vers 0 h 40,
    jeudi", else the day last named, else publication)."""
    noon = lookup(w.noon, m["noon"])
    if isinstance(noon, int):
        hh, mi = noon, 0
    else:
        hour = first(m, "h", "h2", "hw", "h4")
        if hour is None:
            return _NONE
        hh = int(hour) if hour.isdigit() else _HOUR_WORDS[words(hour)]
        mi = int(first(m, "mi", "mi2", "mi3", "mi4") or 0) + {"media": 30, "cuarto": 15}.get(
            words(first(m, "frac")), 0
        )
        shift = lookup(w.clock_parts, m["half"])
        if shift == 12 and hh < 12 and not (hh < 5 and "noche" in words(m["half"])):
            hh += 12  # "8 heures du soir", "las ocho de la tarde", "в 8 часов вечера"
    zone = "Z" if re.search(r"UTC|GMT|Zulu", m["zone"] or "") else ""
    offset = lookup(w.deictic_days, first(m, "dd", "dd2"))
    weekday = _weekday_after(table, ctx.text, m.end())
    if isinstance(offset, int) and ctx.ref is not None:
        day: dt.date | None = ctx.ref + dt.timedelta(days=offset)
        anchoring = Anchoring.PUBLICATION
    elif weekday is not None and ctx.ref is not None:
        tense = tense_around(table.code, ctx.text, m.start(), m.end())
        day, anchoring = cal.resolve_weekday(weekday, ctx.ref, tense), Anchoring.PUBLICATION
    else:
        day, anchoring = focus_day(ctx)
    clock_value = f"T{hh:02d}:{mi:02d}{zone}"
    mod = Mod.APPROX if m["approx"] else None
    if day is None:
        return (unanchored(_TIME, "XXXX-XX-XX" + clock_value, Precision.TIME, mod),)
    return (
        relative(_TIME, day.isoformat() + clock_value, Precision.TIME, mod, anchoring=anchoring),
    )


_WEEKDAY_AFTER: Final = re.compile(r",?\s+(?:(?:del|de|du|am|в|во|у)\s+)?(\w+)")
_HOUR_WORDS: Final = {"una": 1, "dos": 2, "tres": 3, "cuatro": 4, "cinco": 5, "seis": 6} | {
    "siete": 7,
    "ocho": 8,
    "nueve": 9,
    "diez": 10,
    "once": 11,
    "doce": 12,
}


def _weekday_after(table: LanguageTable, text: str, end: int) -> int | None:
    """The weekday written right after a clock time ("à 14 h 30 lundi"), if any: the time is
    on that day (the weekday is a mention of its own)."""
    m = _WEEKDAY_AFTER.match(text, end, end + 16)
    return table.weekdays.get(m.group(1).lower()) if m else None


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


_GERMAN_ADVERB_PARTS: Final = {"morgens": "MO", "vormittags": "MO", "nachmittags": "AF"} | {
    "abends": "EV",
    "nachts": "NI",
}


def part_code(w: Words, phrase: str | None) -> str:
    """The TIMEX3 part of the day a phrase names ("au matin" MO, "por la tarde" AF,
    "abends" EV), "" for none."""
    key = words(phrase).split()
    if not key:
        return ""
    last = key[-1]
    return str(w.parts.get(last) or _GERMAN_ADVERB_PARTS.get(last, ""))


def ref(w: Words, table: LanguageTable, m: re.Match[str], ctx: Context) -> tuple[Norm, ...]:
    """ "désormais", "actualmente", "hoy por hoy", "récemment": vague references. "в
    прошлом квартале", "el pasado día 15": before a time word, "the past" is an adjective."""
    after = _NEXT_WORD.match(ctx.text, m.end())
    if after and words(m["ref"]) in _ADJECTIVE_REFS:
        word = after.group(1).lower()
        if word in table.units or word in table.weekdays or word in table.months:
            return _NONE
        if word in _TIME_NOUNS or w.extra_units.get(word):
            return _NONE
    value = lookup(w.refs, m["ref"])
    return (vague(_DATE, str(value)),) if value else _NONE


_ADJECTIVE_REFS: Final = frozenset(
    {"в прошлом", "в будущем", "у минулому", "у майбутньому", "el pasado", "del pasado"}
)
_NEXT_WORD: Final = re.compile(r"\s+(\w+)")
_TIME_NOUNS: Final = frozenset(
    {"día", "fin", "ejercicio", "periodo", "período", "verano", "invierno", "otoño"}
    | {"primavera", "квартале", "полугодии", "периоде", "кварталі", "півріччі", "періоді"}
)


def frequency(w: Words, table: LanguageTable, m: re.Match[str], ctx: Context) -> tuple[Norm, ...]:
    """ "chaque année", "tous les jeudis", "par semestre", "al año", "quotidien"."""
    freq = lookup(w.frequency, m["freq"])
    if freq:
        if _publication(ctx.text, m.start("freq"), m["freq"]):
            return _NONE
        return (vague(TimexType.SET, str(freq)),)
    if m["wd"]:
        weekday = table.weekdays.get(words(m["wd"])) or table.weekdays.get(words(m["wd"])[:-1])
        return (vague(TimexType.SET, f"XXXX-WXX-{weekday}"),) if weekday else _NONE
    unit = unit_code(w, table, m["unit"])
    if unit is None:
        return _NONE
    n = count(w, table, m["n"]) if m["n"] else 1
    return (vague(TimexType.SET, duration_value(unit, n or None)),)


_NOUN_BEFORE: Final = re.compile(
    r"(?:\b(?:le|les|un|des|du|de|d'|d’|ce|ces|au|aux|leur|leurs|son|ses|notre|nos|votre|mon"
    r"|principaux|grands|el|los|del|al|otro|otros|este|ese|su|sus|der|die|das|dem|den|des"
    r"|ein|eine|einer|einem|presse|prensa|journal|journaux|periódico)|['’])\s*$",
    re.IGNORECASE,
)
"""What stands before "quotidien", "diario", "hebdomadaire" when they name a newspaper
("le quotidien local", "según el diario", "la presse quotidienne")."""


def _publication(text: str, start: int, word: str) -> bool:
    """Whether a frequency word names a newspaper or a magazine, not a recurrence: after a
    determiner it is a noun, and a capitalised one inside a sentence is a title ("Le
    Quotidien du peuple", "Diario de Sevilla")."""
    if word[:1].isupper() and not cal.opens_sentence(text, start):
        return True
    return _NOUN_BEFORE.search(text, max(0, start - 16), start) is not None


def neighbour(w: Words, m: re.Match[str], ctx: Context) -> tuple[Norm, ...]:
    """ "la veille", "le lendemain", "al día siguiente", "накануне": next to the day in focus
    (to the publication date when the text named none)."""
    found = lookup(w.neighbours, m["nb"])
    if not isinstance(found, tuple):
        return _NONE
    unit, shift = found
    base, anchoring = focus_day(ctx)
    if unit in ("Y", "M") and ctx.prior[:4].isdigit():
        # "l'année précédente", "el mes siguiente": next to the year or month in focus
        month = int(ctx.prior[5:7]) if unit == "M" and ctx.prior[5:7].isdigit() else 7
        if unit == "Y" or month != 7 or ctx.prior[5:7] == "07":
            base, anchoring = dt.date(int(ctx.prior[:4]), month, 1), Anchoring.NEARBY
    if base is None and ctx.prior[:4].isdigit():
        base, anchoring = dt.date(int(ctx.prior[:4]), 7, 1), Anchoring.NEARBY
    if base is None:
        value, precision = en_rules.unanchored_unit(_UNIT_NAMES[unit])
        return (unanchored(_DATE, value, precision),)
    value, precision = en_rules.unit_value(_UNIT_NAMES[unit], base, shift)
    return (relative(_DATE, value, precision, anchoring=anchoring),)


def same_day(table: LanguageTable, m: re.Match[str], ctx: Context) -> tuple[Norm, ...]:
    """ "ce jour-là", "el mismo día", "desde entonces": the date in focus (for a day, the
    last day named). "la jornada del martes" names the day after it: that date is the
    expression, not the day in focus."""
    after = _NAMED_AFTER.match(ctx.text, m.end())
    if after and (after.group(1)[0].isdigit() or after.group(1).lower() in table.weekdays):
        return _NONE
    moment = "moment" in words(m.group())  # "à ce moment-là", "ese momento", "в тот момент"
    if moment and ctx.prior_time[:10] == ctx.prior_day and ctx.prior_day:
        return (relative(_TIME, ctx.prior_time, Precision.TIME, anchoring=Anchoring.NEARBY),)
    if m["day"] and _DAY_VALUE.match(ctx.prior_day):
        return (relative(_DATE, ctx.prior_day, Precision.DAY, anchoring=Anchoring.NEARBY),)
    if not ctx.prior or not ctx.prior[:4].isdigit():
        return _NONE
    return (relative(_DATE, ctx.prior, precision_of(ctx.prior), anchoring=Anchoring.NEARBY),)


_NAMED_AFTER: Final = re.compile(r"\s+(?:del?|du|d['’])\s*(\w+)")


def precision_of(value: str) -> Precision:
    """The precision of a date value ("2024-09-17" DAY, "2024-Q3" QUARTER, "2024" YEAR)."""
    if len(value) == 10:
        return Precision.DAY
    if "-W" in value:
        return Precision.WEEK
    if "-Q" in value:
        return Precision.QUARTER
    if "-H" in value:
        return Precision.HALF
    return Precision.MONTH if len(value) == 7 else Precision.YEAR


def weekend(code: str, w: Words, m: re.Match[str], ctx: Context) -> tuple[Norm, ...]:
    """ "ce week-end", "el próximo fin de semana", "le week-end dernier". Without a word
    that places it, a weekend told in the past from a weekday is the one just gone ("se sont
    rendus ce week-end à Saint-Gervais", written on a Tuesday)."""
    rel = m["rel"] or m["rel2"]
    shift = w.after_date.get(words(rel), 0)
    if ctx.ref is None:
        return (unanchored(_DATE, "XXXX-WXX-WE", Precision.WEEK),)
    past = tense_around(code, ctx.text, m.start(), m.end()) is cal.Tense.PAST
    if not rel and ctx.ref.isoweekday() <= 5 and past:
        shift = -1
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
    "anderthalb": 1.5,
    "eineinhalb": 1.5,
    "zweieinhalb": 2.5,
    "dreieinhalb": 3.5,
    "полтора": 1.5,
    "полторы": 1.5,
    "півтора": 1.5,
    "півтори": 1.5,
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


_AGE_AFTER: Final = re.compile(r"\s+alt(?:e[rnms]?)?\b")


_AT_AGE: Final = re.compile(r"(?:\bà|\ba los|\bmit)\s+$", re.IGNORECASE)
_NOT_AT_AGE: Final = re.compile(
    r"\b(?:condamnée?s?|jusqu['’]|passée?s?|portée?s?|réduite?s?|prolongée?s?|fixée?s?"
    r"|limitée?s?|allant|de \d+|jusqu|ici|de [\w-]+)\s*à\s+$",
    re.IGNORECASE,
)
_AT_AGE_FOLLOWED: Final = re.compile(
    r"\s+(?:de\b|d['’]|del\b|von\b|der\b|des\b|après|después|später|plus tard|más tarde"
    r"|[A-ZÄÖÜ])"
)


def is_age(w: Words, text: str, start: int, end: int, unit: str = "Y") -> bool:
    """Whether "N ans"/"N años" at ``text[start:end]`` gives someone's age, not a duration.

    "Florian, 26 ans, demeurant", "une fillette de 6 ans", "âgée de 90 ans", "les moins de
    17 ans", "les 6-16 ans", "Jobs, de 55 años": ages are not durations in TimeML.
    """
    before = text[max(0, start - 48) : start]
    cue = re.search(w.age_before, before, re.IGNORECASE)
    if cue and unit != "Y" and cue.group().lstrip().startswith(","):
        return False  # "le 11 novembre, trois jours plus tard": only years follow a name
    if cue:
        pattern = rf"\b(?:{w.duration_nouns})\w*(?: [\w'’-]+){{0,2}} (?:de|von) $"
        return re.search(pattern, before, re.IGNORECASE) is None
    if _AGE_AFTER.match(text, end):
        return True  # "38 Jahre alt", "ein 38 Jahre alter Mann"
    if unit == "Y" and _AT_AGE.search(before) and not _NOT_AT_AGE.search(before):
        # "mort à 87 ans", "murió a los 87 años", "mit 87 Jahren": at that age, unless a
        # phrase follows ("à 20 ans de prison", "a los dos años de su llegada")
        return _AT_AGE_FOLLOWED.match(text, end) is None
    if re.search(r"\d\s*[-–]\s*$", before):
        return True  # "les 6-16 ans": an age group
    return bool(re.match(r",|\s+(?:et|y|und|и|і)\s+\d", text[end : end + 6])) and bool(
        re.search(r"[A-ZÀ-Ý][\w-]+,\s*$", before)
    )
