"""Durations without a count in French, Spanish, German, Russian and Ukrainian: the last or
coming units ("ces derniers jours", "los próximos meses", "в последние годы"), units standing
for "many" ("durante años", "seit Jahren", "годами"), fractions ("media hora", "un quart de
siècle", "anderthalb Jahre", "полгода") and nouns that name a period ("quinquennat", "lustro").

Values follow TIMEX3: ``PXY`` for an unknown number of years, ``PT30M``, ``P25Y``. A unit
that counts the units of an event ("la deuxième journée") is left alone. Nothing here reads
the clock.
"""
# ruff: noqa: RUF001, ARG005  (Cyrillic words are meant; rule handlers share one signature)

from __future__ import annotations

import re
from collections.abc import Mapping
from dataclasses import dataclass
from types import MappingProxyType
from typing import TYPE_CHECKING, Final

from briefing.extract.dates_grammar import alt
from briefing.extract.dates_norm import Context, Norm, vague
from briefing.extract.dates_values import words
from briefing.extract.lang import families as fam
from briefing.model import TimexType

if TYPE_CHECKING:
    from briefing.extract.dates_rules import Rule

_M = MappingProxyType
_DURATION = TimexType.DURATION
_NONE: Final[tuple[Norm, ...]] = ()


@dataclass(frozen=True, slots=True, kw_only=True)
class DurationWords:
    """One language's words for durations without a count."""

    recent: str
    """Regex of the plural "last"/"coming" words ("derniers", "próximos", "последние")."""
    recent_det: str
    """Regex of the determiners kept in their span ("ces", "los", "den"); "" for none."""
    recent_one: str
    """Regex of a singular "last" before a singular unit ("la última década": ``P10Y``);
    "" where that reads as a date ("im letzten Jahr" is last year)."""
    plural_units: Mapping[str, str]
    """Plural unit forms -> unit code ("années" Y, "недель" W)."""
    singular_units: Mapping[str, str]
    """Singular unit forms a ``recent_one`` word may qualify -> unit code."""
    bare_cue: str
    """Regex (anchored at its end) of what makes a bare plural unit a duration of many units
    ("durante años", "seit Jahren"); "" for none."""
    bare_det: str
    """Regex of a determiner kept before a bare plural unit ("a lo largo de los años")."""
    adverbs: Mapping[str, str]
    """One-word durations of many units ("jahrelang", "годами") -> value."""
    fixed: Mapping[str, str]
    """Fractions and period nouns ("une demi-heure", "quinquennat", "полгода") -> value."""


DURATIONS: Final = {
    "fr": DurationWords(
        recent=r"derniers|dernières|prochains|prochaines",
        recent_det=r"ces|les|des",
        recent_one=r"(?:la|le|l'|l’) ?(?:dernière|dernier)",
        plural_units=_M({"jours": "D", "semaines": "W", "mois": "M", "années": "Y", "ans": "Y"})
        | {"heures": "H", "minutes": "MIN", "décennies": "DE", "siècles": "CE"},
        singular_units=_M({"année": "Y", "décennie": "DE", "siècle": "CE", "semaine": "W"}),
        bare_cue=r"",
        bare_det=r"",
        adverbs=_M({}),
        fixed=_M(
            {"une demi-heure": "PT30M", "une demi-journée": "PT12H", "un demi-siècle": "P50Y"}
            | {"un quart de siècle": "P25Y", "un quart d'heure": "PT15M", "quinquennat": "P5Y"}
            | {"un quart d’heure": "PT15M", "trois quarts d'heure": "PT45M", "septennat": "P7Y"}
            | {"trois quarts d’heure": "PT45M", "un an et demi": "P1Y6M", "quinquennats": "P5Y"}
            | {"une heure et demie": "PT1H30M", "un mois et demi": "P1M15D"}
            | {"une semaine et demie": "P1W4D", "deux ans et demi": "P2Y6M"}
            | {"deux heures et demie": "PT2H30M", "une demi-douzaine d'années": "P6Y"}
        ),
    ),
    "es": DurationWords(
        recent=r"últimos|últimas|próximos|próximas",
        recent_det=r"los|las|estos|estas",
        recent_one=r"(?:(?:la|el) |(?<=del\s))(?:última|último)",  # "del último año": "del" out
        plural_units=_M({"días": "D", "semanas": "W", "meses": "M", "años": "Y", "horas": "H"})
        | {"minutos": "MIN", "décadas": "DE", "siglos": "CE"},
        singular_units=_M({"año": "Y", "década": "DE", "siglo": "CE", "semana": "W", "mes": "M"}),
        bare_cue=(
            r"\b(?:durante|en|desde hace|tras|después de|lleva|llevan|llevaba|llevaban|llevamos"
            r"|por|hasta hace|a lo largo de|desde hacía|hacía)[\s\"“«]+$"
        ),
        bare_det=r"los|las",
        adverbs=_M({}),
        fixed=_M(
            {"media hora": "PT30M", "medio siglo": "P50Y", "un cuarto de siglo": "P25Y"}
            | {"un cuarto de hora": "PT15M", "tres cuartos de hora": "PT45M", "medio año": "P6M"}
            | {"año y medio": "P1Y6M", "un año y medio": "P1Y6M", "una hora y media": "PT1H30M"}
            | {"hora y media": "PT1H30M", "mes y medio": "P1M15D", "un mes y medio": "P1M15D"}
            | {"dos años y medio": "P2Y6M", "día y medio": "P1DT12H", "lustro": "P5Y"}
            | {"medio día": "PT12H", "lustros": "P5Y", "bienio": "P2Y", "trienio": "P3Y"}
            | {"quinquenio": "P5Y", "sexenio": "P6Y", "decenio": "P10Y", "cuatrienio": "P4Y"}
        ),
    ),
    "de": DurationWords(
        recent=r"letzten|vergangenen|kommenden|nächsten|zurückliegenden",
        recent_det=r"den|die|der",
        recent_one=r"",
        plural_units=_M({"tagen": "D", "tage": "D", "wochen": "W", "monaten": "M", "monate": "M"})
        | {"jahren": "Y", "jahre": "Y", "stunden": "H", "jahrzehnten": "DE", "jahrzehnte": "DE"},
        singular_units=_M({}),
        bare_cue=r"\b(?:seit|nach|über|für)\s+$",
        bare_det=r"",
        adverbs=_M(
            {"jahrelang": "PXY", "monatelang": "PXM", "wochenlang": "PXW", "tagelang": "PXD"}
            | {"stundenlang": "PTXH", "jahrzehntelang": "PXY", "minutenlang": "PTXM"}
            | {"jahrelangen": "PXY", "monatelangen": "PXM", "wochenlangen": "PXW"}
            | {"jahrelange": "PXY", "monatelange": "PXM", "wochenlange": "PXW"}
        ),
        fixed=_M(
            {"eine halbe stunde": "PT30M", "einer halben stunde": "PT30M", "ein halbes jahr": "P6M"}
            | {"einem halben jahr": "P6M", "eines halben jahres": "P6M"}
            | {"ein halbes jahrhundert": "P50Y", "eine viertelstunde": "PT15M"}
            | {"einer viertelstunde": "PT15M", "eine dreiviertelstunde": "PT45M"}
            | {"ein vierteljahrhundert": "P25Y", "einem vierteljahrhundert": "P25Y"}
            | {"ein vierteljahr": "P3M", "einem vierteljahr": "P3M"}
        ),
    ),
    "ru": DurationWords(
        recent=r"последние|последних|ближайшие|ближайших|прошедшие|прошедших|минувшие|минувших",
        recent_det=r"",
        recent_one=r"",
        plural_units=_M({"дни": "D", "дней": "D", "недели": "W", "недель": "W", "месяцы": "M"})
        | {"месяцев": "M", "годы": "Y", "лет": "Y", "годов": "Y", "часы": "H", "часов": "H"}
        | {"десятилетия": "DE", "десятилетий": "DE"},
        singular_units=_M({}),
        bare_cue=r"",
        bare_det=r"",
        adverbs=_M(
            {"годами": "PXY", "месяцами": "PXM", "неделями": "PXW", "часами": "PTXH"}
            | {"десятилетиями": "PXY", "веками": "PXC"}
        ),
        fixed=_M(
            {"полгода": "P6M", "пол года": "P6M", "полчаса": "PT30M", "полвека": "P50Y"}
            | {"четверть века": "P25Y", "четверть часа": "PT15M", "полдня": "PT12H"}
            | {"полугода": "P6M", "получаса": "PT30M", "полувека": "P50Y"}
        ),
    ),
    "uk": DurationWords(
        recent=r"останні|останніх|найближчі|найближчих|найближчими|останніми|минулі|минулих",
        recent_det=r"",
        recent_one=r"",
        plural_units=_M({"дні": "D", "днів": "D", "днями": "D", "тижні": "W", "тижнів": "W"})
        | {"тижнями": "W", "місяці": "M", "місяців": "M", "місяцями": "M", "роки": "Y"}
        | {"років": "Y", "роками": "Y", "години": "H", "годин": "H", "десятиліття": "DE"}
        | {"десятиліть": "DE"},
        singular_units=_M({}),
        bare_cue=r"",
        bare_det=r"",
        adverbs=_M(
            {"роками": "PXY", "місяцями": "PXM", "тижнями": "PXW", "годинами": "PTXH"}
            | {"десятиліттями": "PXY", "століттями": "PXC"}
        ),
        fixed=_M(
            {"півроку": "P6M", "пів року": "P6M", "півгодини": "PT30M", "пів години": "PT30M"}
            | {"півстоліття": "P50Y", "пів століття": "P50Y", "чверть століття": "P25Y"}
            | {"чверть години": "PT15M", "півдня": "PT12H"}
        ),
    ),
}
"""Every language with these duration rules."""

_HALF: Final = {
    "fr": r"et demie?",
    "es": r"y medio|y media",
    "de": r"",
    "ru": r"с половиной",
    "uk": r"з половиною",
}
"""What makes "N units" half a unit longer ("trois ans et demi", "два года с половиной")."""


def plural(code: str, unit: str | None) -> bool:
    """Whether ``unit`` is a plural form ("años", "Jahren"): "hace años" is many years ago."""
    found = DURATIONS.get(code)
    return found is not None and words(unit) in found.plural_units


def half_after(code: str) -> str:
    """Regex of the words after "N units" that add half a unit ("" for none)."""
    return _HALF.get(code, "")


def rules(code: str) -> tuple[Rule, ...]:
    """The duration rules of a language (``()`` when it has none)."""
    d = DURATIONS.get(code)
    if d is None:
        return ()
    det = rf"(?:(?P<det>{d.recent_det}) )?" if d.recent_det else "(?P<det>)"
    recent = rf"{det}(?P<ln>{d.recent}) (?P<unit>{alt(d.plural_units)})(?!\w)"
    found: list[Rule] = [
        fam.rule("recent", recent, lambda m, ctx: _recent(d, m)),
        fam.rule("fixed_duration", rf"(?P<fx>{alt(d.fixed)})(?!\w)", lambda m, ctx: _fixed(d, m)),
    ]
    if d.recent_one:
        one = rf"(?:{d.recent_one}) (?P<unit>{alt(d.singular_units)})(?!\w)"
        found.append(fam.rule("recent_one", one, lambda m, ctx: _recent_one(d, m)))
    if d.adverbs:
        adverbs = rf"(?P<adv>{alt(d.adverbs)})(?!\w)"
        found.append(fam.rule("duration_adverb", adverbs, lambda m, ctx: _adverb(d, m)))
    if d.bare_cue:
        bare_det = rf"(?:(?P<det>{d.bare_det}) )?" if d.bare_det else "(?P<det>)"
        bare = rf"{bare_det}(?P<unit>{alt(d.plural_units)})(?!\w)"
        found.append(fam.rule("many_units", bare, lambda m, ctx: _many(d, m, ctx)))
    return tuple(found)


def _recent(d: DurationWords, m: re.Match[str]) -> tuple[Norm, ...]:
    """ "ces derniers jours", "los próximos meses", "в последние годы": a number of units
    the text does not give."""
    unit = d.plural_units[words(m["unit"])]
    return (vague(_DURATION, fam.duration_value(unit, None)),)


def _recent_one(d: DurationWords, m: re.Match[str]) -> tuple[Norm, ...]:
    """ "la última década", "la dernière décennie": one unit up to the time in focus."""
    unit = d.singular_units[words(m["unit"])]
    return (vague(_DURATION, fam.duration_value(unit, 1)),)


def _fixed(d: DurationWords, m: re.Match[str]) -> tuple[Norm, ...]:
    value = fam.lookup(d.fixed, m["fx"])
    return (vague(_DURATION, str(value)),) if value else _NONE


def _adverb(d: DurationWords, m: re.Match[str]) -> tuple[Norm, ...]:
    value = fam.lookup(d.adverbs, m["adv"])
    return (vague(_DURATION, str(value)),) if value else _NONE


def _many(d: DurationWords, m: re.Match[str], ctx: Context) -> tuple[Norm, ...]:
    """ "durante años", "seit Monaten", "a lo largo de los años": many units, after a word
    that makes a bare plural unit a stretch of time."""
    start = m.start("det") if m["det"] else m.start("unit")
    before = ctx.text[max(0, start - 24) : start]
    if re.search(d.bare_cue, before, re.IGNORECASE) is None:
        return _NONE
    if m["det"] and not re.search(r"\ba lo largo de\s+$", before, re.IGNORECASE):
        return _NONE  # "durante los años 90" is a decade, not many years
    unit = d.plural_units[words(m["unit"])]
    return (vague(_DURATION, fam.duration_value(unit, None)),)
