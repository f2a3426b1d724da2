"""Days and units in focus in French, Spanish, German, Russian and Ukrainian: a day word with
its weekday ("aujourd'hui vendredi", "hoy lunes"), two days of one month ("les 6 et 13
avril"), and the start or end of the unit in focus ("à la fin de l'année", "al final del
día", "в конце месяца", "todo el año").

Pure: the reference date and the day in focus come from the context.
"""
# ruff: noqa: RUF001  (Cyrillic words are meant)

from __future__ import annotations

import datetime as dt
import re
from dataclasses import replace
from typing import TYPE_CHECKING, Final

from briefing.extract import dates_calendar as cal
from briefing.extract import dates_rules as en_rules
from briefing.extract.dates_grammar import alt
from briefing.extract.dates_norm import Context, Norm, relative, unanchored
from briefing.extract.dates_values import words
from briefing.extract.lang import families as fam
from briefing.extract.lang.tense import tense_around
from briefing.model import Anchoring, Precision, TimexType

if TYPE_CHECKING:
    from briefing.extract.dates_rules import Rule
    from briefing.extract.lang.table import LanguageTable
    from briefing.extract.lang.words import Words

_DATE = TimexType.DATE
_NONE: Final[tuple[Norm, ...]] = ()

_UNITS: Final = {
    "fr": {"année": "Y", "an": "Y", "mois": "M", "semaine": "W", "journée": "D"},
    "es": {"año": "Y", "mes": "M", "semana": "W", "día": "D", "jornada": "D"},
    "de": {"jahres": "Y", "jahr": "Y", "monats": "M", "woche": "W", "tages": "D"},
    "ru": {"года": "Y", "месяца": "M", "недели": "W", "дня": "D"},
    "uk": {"року": "Y", "місяця": "M", "тижня": "W", "дня": "D"},
}
"""Units whose start, middle or end a modifier names ("fin d'année", "Ende des Monats")."""
_JOIN: Final = {
    "fr": r"(?:de |d'|d’|du )?(?:la |l'|l’)?",
    "es": r"(?:la |el )?",
    "de": r"(?:des |der )?",
    "ru": r"",
    "uk": r"",
}
_WHOLE: Final = {
    "es": r"todo el (?P<u2>año|mes|día)|toda la (?P<u3>semana|jornada)",
    "fr": r"tout le (?P<u2>mois)|toute la (?P<u3>semaine)",
}
"""The whole unit in focus ("todo el año"): a date, as TimeML marks it."""
_NAMES: Final = {"Y": "year", "M": "month", "W": "week"}
_DAY_OF_MONTH: Final = {
    "es": r"(?:el )?(?:(?P<pre>pasado|próximo) )?día (?P<d>[0-3]?\d)(?![\d,:]|\.\d|\s+de\s)",
    "fr": r"(?:le )?(?P<d>[0-3]?\d)(?:er)? (?:courant|du mois(?: courant)?)(?!\w)(?P<pre>)",
}
"""A day of the month without its month, as agency copy writes it ("el pasado día 15", "el
próximo día 3", "le 15 courant"): the month around the publication."""
_NIGHTS: Final = {
    "fr": r"(?:la )?nuit (?:de |du )(?P<wd>{wd})(?: (?:à|au) (?P<wd2>{wd}))?",
    "es": r"(?:la )?(?:noche|madrugada) (?:del|de este) (?P<wd>{wd})(?: al (?P<wd2>{wd}))?",
    "de": r"(?:in der )?Nacht (?:(?:zum|zu|auf) (?P<wd2>{wd})|von (?P<wd>{wd}) auf (?P<wd3>{wd}))",
    "ru": r"(?:в )?ночь (?:с (?P<wd>{wd}) )?на (?P<wd2>{wd})",
    "uk": r"(?:в |у )?ніч (?:(?:з|із|зі) (?P<wd>{wd}) )?на (?P<wd2>{wd})",
}
"""The night between two days, named by the first ("la nuit de samedi à dimanche") or by
the day it leads to ("in der Nacht zum Sonntag", "в ночь на воскресенье"): ``TNI`` of the
first day."""
NIGHT_DATES: Final = {
    "fr": r"(?:la )?nuit du (?P<d1>[0-3]?\d)(?:er)? au (?P<d>[0-3]?\d)(?:er)? (?P<m>{months})",
    "es": r"(?:la )?(?:noche|madrugada) del (?P<d1>[0-3]?\d) al (?P<d>[0-3]?\d) de (?P<m>{months})",
    "de": (r"Nacht (?:vom (?P<d1>[0-3]?\d)\. )?(?:zum|auf den) (?P<d>[0-3]?\d)\. (?P<m>{months})"),
    "ru": r"(?:в )?ночь (?:с (?P<d1>[0-3]?\d) )?на (?P<d>[0-3]?\d) (?P<m>{months})",
    "uk": r"(?:в |у )?ніч (?:(?:з|із|зі) (?P<d1>[0-3]?\d) )?на (?P<d>[0-3]?\d) (?P<m>{months})",
}
"""The night before a dated day ("la nuit du 3 au 4 mars", "в ночь на 4 марта"); the
pattern takes the month alternation. Its groups are those of a day and month reading."""


def rules(table: LanguageTable, w: Words) -> tuple[Rule, ...]:
    """The rules of this module for one language."""
    code = table.code
    units = _UNITS.get(code)
    if units is None:
        return ()
    deictic = alt(w.deictic_days)
    weekdays = alt(table.weekdays)
    mods = alt(w.mods)
    found = [
        fam.rule(
            "deictic_weekday",
            rf"(?P<dd>{deictic}),? (?:(?:в|во|у) )?(?P<wd>{weekdays})(?!\w)",
            lambda m, ctx: _deictic_weekday(w, m, ctx),
        ),
        fam.rule(
            "mod_unit",
            # "al final de|l día": a Spanish modifier ends in "de", which "del" contracts
            rf"(?P<mod>{mods})l? {_JOIN[code]}(?P<u>{alt(units)})(?!\w)(?P<u2>)(?P<u3>)",
            lambda m, ctx: _unit_in_focus(code, w, m, ctx),
        ),
    ]
    if code in _DAY_OF_MONTH:
        found.append(
            fam.rule(
                "day_of_month",
                _DAY_OF_MONTH[code],
                lambda m, ctx: _day_of_month(code, m, ctx),
                starts=frozenset({"día"}),
            )
        )
    night = _NIGHTS[code].format(wd=weekdays)
    if "wd3" not in night:
        night += "(?P<wd3>)"
    if "(?P<wd>" not in night:
        night += "(?P<wd>)"
    found.append(fam.rule("night", night, lambda m, ctx: _night(table, m, ctx)))
    if code in _WHOLE:
        found.append(
            fam.rule(
                "whole_unit",
                rf"(?:{_WHOLE[code]})(?!\w)(?P<mod>)(?P<u>)",
                lambda m, ctx: _unit_in_focus(code, w, m, ctx),
            )
        )
    return tuple(found)


def _deictic_weekday(w: Words, m: re.Match[str], ctx: Context) -> tuple[Norm, ...]:
    """ "aujourd'hui vendredi", "ayer martes": one expression, the day the first word names."""
    offset = fam.lookup(w.deictic_days, m["dd"])
    if not isinstance(offset, int):
        return _NONE
    if ctx.ref is None:
        return (unanchored(_DATE, "XXXX-XX-XX", Precision.DAY),)
    day = ctx.ref + dt.timedelta(days=offset)
    return (relative(_DATE, day.isoformat(), Precision.DAY),)


def _day_of_month(code: str, m: re.Match[str], ctx: Context) -> tuple[Norm, ...]:
    """ "el pasado día 15": the last 15th; "el próximo día 3": the next 3rd; "el día 20"
    leans with the tense of its clause, and without one is this month's."""
    day = int(m["d"])
    if not 1 <= day <= 31:
        return _NONE
    if ctx.ref is None:
        return (unanchored(_DATE, f"XXXX-XX-{day:02d}", Precision.DAY),)
    pre = words(m["pre"])
    tense = tense_around(code, ctx.text, m.start(), m.end())
    back = pre == "pasado" or (not pre and tense is cal.Tense.PAST)
    ahead = pre == "próximo" or (not pre and tense is cal.Tense.FUTURE)
    year, month = ctx.ref.year, ctx.ref.month
    if back and day > ctx.ref.day:
        year, month = cal.add_months(year, month, -1)
    elif ahead and day < ctx.ref.day:
        year, month = cal.add_months(year, month, 1)
    try:
        found = dt.date(year, month, day)
    except ValueError:
        return _NONE
    return (relative(_DATE, found.isoformat(), Precision.DAY),)


def _night(table: LanguageTable, m: re.Match[str], ctx: Context) -> tuple[Norm, ...]:
    """ "la nuit de samedi à dimanche", "la noche del sábado", "в ночь на воскресенье"."""
    start = m["wd"]
    weekday = table.weekdays.get(words(start or m["wd2"] or m["wd3"]))
    if weekday is None:
        return _NONE
    if ctx.ref is None:
        return (unanchored(TimexType.TIME, "XXXX-XX-XXTNI", Precision.TIME),)
    tense = tense_around(table.code, ctx.text, m.start(), m.end())
    if start:
        day = cal.resolve_weekday(weekday, ctx.ref, tense)
    else:  # named by the morning it leads to: the night begins the day before
        day = cal.resolve_weekday(weekday, ctx.ref + dt.timedelta(days=1), tense)
        day -= dt.timedelta(days=1)
    return (relative(TimexType.TIME, f"{day.isoformat()}TNI", Precision.TIME),)


def _unit_in_focus(code: str, w: Words, m: re.Match[str], ctx: Context) -> tuple[Norm, ...]:
    """ "à la fin de l'année", "al final del día", "Ende des Monats", "todo el año": the
    unit holding the day in focus (the publication's, unless a day was named)."""
    unit = _UNITS[code].get(words(m["u"] or m["u2"] or m["u3"]))
    if unit is None:
        return _NONE
    mod = w.mods.get(words(m["mod"])) if m["mod"] else None
    day, anchoring = fam.focus_day(ctx) if unit == "D" else (ctx.ref, Anchoring.PUBLICATION)
    future = tense_around(code, ctx.text, m.start(), m.end()) is cal.Tense.FUTURE
    if unit == "Y" and ctx.prior[:4].isdigit() and not future:  # "en 2005 ... en todo el año"
        day, anchoring = dt.date(int(ctx.prior[:4]), 7, 1), Anchoring.NEARBY
    if day is None:
        value, precision = en_rules.unanchored_unit(_NAMES.get(unit, "day"))
        return (unanchored(_DATE, value, precision, mod),)
    if unit == "D":
        return (relative(_DATE, day.isoformat(), Precision.DAY, mod, anchoring=anchoring),)
    value, precision = en_rules.unit_value(_NAMES[unit], day, 0)
    return (relative(_DATE, value, precision, mod, anchoring=anchoring),)


def night_before(norms: tuple[Norm, ...]) -> tuple[Norm, ...]:
    """ "в ночь на 4 марта": ``TNI`` of the day before the dated one (``norms`` reads it)."""
    if len(norms) != 1 or not re.fullmatch(r"\d{4}-\d\d-\d\d", norms[0].value):
        return tuple(replace(n, type=TimexType.TIME, value=f"{n.value}TNI") for n in norms[:1])
    day = dt.date.fromisoformat(norms[0].value) - dt.timedelta(days=1)
    return (replace(norms[0], type=TimexType.TIME, value=f"{day.isoformat()}TNI"),)


def day_list(first: re.Match[str], norms: tuple[Norm, ...]) -> tuple[Norm, ...]:
    """ "les 6 et 13 avril", "los días 5 y 6 de mayo": two dates, the first taking the month
    and year of the second. ``norms`` is the second day's reading."""
    if len(norms) != 1:
        return _NONE
    second = norms[0]
    day = int(first["d1"])
    if not re.fullmatch(r"(?:\d{4}|XXXX)-\d\d-\d\d", second.value):
        return _NONE
    if second.value[:4].isdigit():
        try:
            value = dt.date(int(second.value[:4]), int(second.value[5:7]), day).isoformat()
        except ValueError:
            return _NONE
    else:
        value = f"{second.value[:8]}{day:02d}"
    trim = 0 if first["det2"] else first.start("d1") - first.start()  # "du 3": "du" stays out
    head = replace(second, value=value, trim_start=trim, trim_end=first.end() - first.end("d1"))
    tail = replace(second, trim_start=first.start("d") - first.start())
    return (head, tail)
