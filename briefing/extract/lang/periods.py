"""Periods of the year in French, Spanish, German, Russian and Ukrainian: quarters and halves
("le premier trimestre 2005", "el cuarto trimestre del año pasado", "im dritten Quartal",
"во втором квартале"), the same period a year before ("el mismo periodo del año anterior",
"im Vorjahreszeitraum"), and seasons ("l'été 2003", "el verano pasado", "летом").

Words per language and the rules built from them; values follow the TIMEX3 guidelines
(``2005-Q4``, ``2024-H1``, ``2003-SU``). Nothing here reads the clock.
"""
# ruff: noqa: RUF001  (Cyrillic words are meant)

from __future__ import annotations

import re
from collections.abc import Mapping
from dataclasses import dataclass
from types import MappingProxyType
from typing import TYPE_CHECKING, Final

from briefing.extract import dates_calendar as cal
from briefing.extract.dates_grammar import alt
from briefing.extract.dates_norm import Context, Norm, explicit, relative, unanchored
from briefing.extract.dates_values import words
from briefing.extract.lang import families as fam
from briefing.extract.lang.tense import tense_around
from briefing.model import Anchoring, Precision, TimexType

if TYPE_CHECKING:
    from briefing.extract.dates_rules import Rule
    from briefing.extract.lang.words import Words

_M = MappingProxyType
_DATE = TimexType.DATE
_NONE: Final[tuple[Norm, ...]] = ()
_LAST: Final = 0
"""The ordinal "last" ("le dernier trimestre"): the fourth quarter of a year given, else the
last one completed."""


@dataclass(frozen=True, slots=True, kw_only=True)
class PeriodWords:
    """One language's words for quarters, halves, "the same period a year before", seasons."""

    code: str
    """ISO 639-1 code."""
    ordinals: Mapping[str, int]
    """Ordinals of a quarter or half in every case form -> 1..4 (0 for "last")."""
    units: Mapping[str, str]
    """Quarter and half nouns in every case form -> ``Q`` or ``H``."""
    det: str
    """Regex of the determiners kept inside the span ("le", "el"); prepositions stay out."""
    year_join: str
    """Regex of what joins a period to its year ("de ", "del año ", "des Jahres ")."""
    year_after: str
    """Regex of a word after the year that belongs to the span ("года", "року")."""
    relative_years: Mapping[str, int]
    """Phrases naming a year after a period ("del año pasado" -1, "этого года" 0)."""
    shifts: Mapping[str, int]
    """Words before or after a bare period noun ("el próximo trimestre" +1, "le trimestre
    dernier" -1, "в текущем квартале" 0)."""
    same: str
    """Regex of "the same period/quarter/month of the year before", with group ``u`` (the
    unit noun) when it names one."""
    same_units: Mapping[str, str]
    """Unit nouns of ``same`` -> ``Q``, ``M``, ``H`` or ``P`` (any period)."""
    seasons: Mapping[str, str]
    """Season words in every case form -> ``SP``, ``SU``, ``FA``, ``WI``."""
    season_cue: str
    """Regex (anchored at its end) of what makes a season standing alone a date ("en été",
    "pendant l'hiver", "durante el verano"): a bare noun ("le printemps arabe") is not."""
    season_adverbs: frozenset[str]
    """Season forms that are a date on their own ("летом", "влітку")."""
    season_shifts: Mapping[str, int]
    """Words before or after a season that place it ("cet" 0, "dernier" -1, "прошлым" -1)."""
    names_after: str
    """Regex of words after a season that make it the name of an event ("arabe")."""


_YEAR: Final = r"(?<![\w$£€#.,/+])(?:1\d|20)\d\d(?![\w%]|[.,:]\d)"

PERIODS: Final = {
    "fr": PeriodWords(
        code="fr",
        ordinals=_M(
            {"premier": 1, "1er": 1, "deuxième": 2, "2e": 2, "second": 2, "troisième": 3}
            | {"3e": 3, "quatrième": 4, "4e": 4, "dernier": _LAST}
        ),
        units=_M({"trimestre": "Q", "semestre": "H"}),
        det=r"le|ce|cet",
        year_join=r"(?:de |d'|d’)?(?:l'année |l’année )?",
        year_after=r"",
        relative_years=_M(
            {"de l'année dernière": -1, "de l'année passée": -1, "de l'an dernier": -1}
            | {"de l'an passé": -1, "de l'année précédente": -1, "de cette année": 0}
            | {"de l'année en cours": 0, "de l'année prochaine": 1, "de l'an prochain": 1}
        ),
        shifts=_M({"dernier": -1, "précédent": -1, "prochain": 1, "suivant": 1, "en cours": 0})
        | {"ce": 0},
        same=(
            r"(?:la même (?P<u>période)|le même (?P<u2>trimestre|mois|semestre)) "
            r"(?:de l'année (?:précédente|dernière|passée)|de l'an (?:dernier|passé))"
        ),
        same_units=_M({"période": "P", "trimestre": "Q", "mois": "M", "semestre": "H"}),
        seasons=_M({"été": "SU", "hiver": "WI", "printemps": "SP", "automne": "FA"}),
        season_cue=(
            r"\b(?:en|au|cet|ce|mois d['’]|(?:pendant|durant|depuis|jusqu'à|jusqu’à|dès|de|à"
            r"|avant|après|pour|tout|toute) l['’])\s*$"
        ),
        season_adverbs=frozenset(),
        season_shifts=_M({"cet": 0, "ce": 0, "dernier": -1, "passé": -1, "prochain": 1}),
        names_after=r"arabe|de Prague|des peuples|républicain",
    ),
    "es": PeriodWords(
        code="es",
        ordinals=_M(
            {"primer": 1, "primero": 1, "1er": 1, "segundo": 2, "2º": 2, "tercer": 3}
            | {"tercero": 3, "cuarto": 4, "último": _LAST}
        ),
        units=_M({"trimestre": "Q", "semestre": "H"}),
        det=r"el|este|ese",
        year_join=r"(?:de |del )(?:año |ejercicio )?",
        year_after=r"",
        relative_years=_M(
            {"de este año": 0, "del año pasado": -1, "del pasado año": -1, "del año anterior": -1}
            | {"del año": 0, "del próximo año": 1, "del año que viene": 1}
            | {"del año en curso": 0, "del presente año": 0, "del presente ejercicio": 0}
        ),
        shifts=_M({"pasado": -1, "anterior": -1, "próximo": 1, "siguiente": 1, "en curso": 0})
        | {"este": 0, "actual": 0, "que viene": 1},
        same=(
            r"(?:(?:el )?mismo (?P<u>periodo|período|trimestre|mes|semestre)"
            r"|(?:la )?misma (?P<u2>época)) "
            r"(?:del año (?:anterior|pasado)|del pasado año|del ejercicio anterior)"
        ),
        same_units=_M({"periodo": "P", "período": "P", "trimestre": "Q", "mes": "M"})
        | {"semestre": "H", "época": "P"},
        seasons=_M({"verano": "SU", "invierno": "WI", "primavera": "SP", "otoño": "FA"}),
        season_cue=(
            r"\b(?:en|durante el|durante la|desde el|desde la|hasta el|hasta la|del|de la"
            r"|todo el|toda la|en el|en la)\s+$"
        ),
        season_adverbs=frozenset(),
        season_shifts=_M({"este": 0, "esta": 0, "pasado": -1, "pasada": -1, "próximo": 1})
        | {"próxima": 1, "que viene": 1},
        names_after=r"árabe|de Praga",
    ),
    "de": PeriodWords(
        code="de",
        ordinals=_M(
            {"ersten": 1, "erste": 1, "erstes": 1, "1.": 1, "zweiten": 2, "zweite": 2, "2.": 2}
            | {"dritten": 3, "dritte": 3, "3.": 3, "vierten": 4, "vierte": 4, "4.": 4}
            | {"letzten": _LAST, "letzte": _LAST}
        ),
        units=_M({"quartal": "Q", "quartals": "Q", "halbjahr": "H", "halbjahres": "H"})
        | {"jahreshälfte": "H"},
        det=r"",
        year_join=r"(?:des Jahres )?",
        year_after=r"",
        relative_years=_M(
            {"dieses jahres": 0, "des laufenden jahres": 0, "des vorjahres": -1}
            | {"letzten jahres": -1, "vergangenen jahres": -1, "des vergangenen jahres": -1}
            | {"nächsten jahres": 1, "des kommenden jahres": 1}
        ),
        shifts=_M({"vergangenen": -1, "abgelaufenen": -1, "laufenden": 0, "diesem": 0})
        | {"kommenden": 1, "nächsten": 1},
        same=(
            r"(?:gleichen|selben|entsprechenden) (?P<u>Zeitraum|Quartal|Monat) des Vorjahres"
            r"|(?P<u2>Vorjahreszeitraum|Vorjahresquartal|Vorjahresmonat)"
        ),
        same_units=_M({"zeitraum": "P", "quartal": "Q", "monat": "M", "vorjahresmonat": "M"})
        | {"vorjahreszeitraum": "P", "vorjahresquartal": "Q"},
        seasons=_M({"sommer": "SU", "winter": "WI", "frühling": "SP", "frühjahr": "SP"})
        | {"herbst": "FA"},
        season_cue=r"\b(?:im|seit dem|bis zum|den ganzen|während des|nach dem|vor dem)\s+$",
        season_adverbs=frozenset(),
        season_shifts=_M({"diesen": 0, "diesem": 0, "letzten": -1, "vergangenen": -1})
        | {"nächsten": 1, "kommenden": 1},
        names_after=r"der Völker",
    ),
    "ru": PeriodWords(
        code="ru",
        ordinals=_M(
            {"первый": 1, "первом": 1, "первого": 1, "первым": 1, "i": 1, "1-м": 1, "1-й": 1}
            | {"второй": 2, "втором": 2, "второго": 2, "вторым": 2, "ii": 2, "2-м": 2, "2-й": 2}
            | {"третий": 3, "третьем": 3, "третьего": 3, "третьим": 3, "iii": 3, "3-м": 3}
            | {"3-й": 3, "четвертый": 4, "четвёртый": 4, "четвертом": 4, "четвёртом": 4}
            | {"четвертого": 4, "четвёртого": 4, "iv": 4, "4-м": 4, "4-й": 4}
            | {"последний": _LAST, "последнем": _LAST, "последнего": _LAST}
        ),
        units=_M({"квартал": "Q", "квартале": "Q", "квартала": "Q", "кварталом": "Q"})
        | {"полугодие": "H", "полугодии": "H", "полугодия": "H"},
        det=r"",
        year_join=r"",
        year_after=r"(?: (?:года|г\.))?",
        relative_years=_M(
            {"этого года": 0, "текущего года": 0, "прошлого года": -1, "следующего года": 1}
        ),
        shifts=_M({"прошлом": -1, "прошлый": -1, "прошлого": -1, "этом": 0, "этот": 0})
        | {"текущем": 0, "текущий": 0, "следующем": 1, "следующий": 1},
        same=(
            r"(?:аналогичный|аналогичном|аналогичным|тот же|том же|тем же) "
            r"(?P<u>период|периоде|периодом|квартал|квартале|кварталом) прошлого года"
        ),
        same_units=_M({"период": "P", "периоде": "P", "периодом": "P", "квартал": "Q"})
        | {"квартале": "Q", "кварталом": "Q"},
        seasons=_M({"лето": "SU", "летом": "SU", "лета": "SU", "зима": "WI", "зимой": "WI"})
        | {"зимы": "WI", "зиму": "WI", "весна": "SP", "весной": "SP", "весны": "SP"}
        | {"весну": "SP", "осень": "FA", "осенью": "FA", "осени": "FA"},
        season_cue=r"(?<!\w)(?:в начале|в конце|в середине|до|с|после)\s+$",
        season_adverbs=frozenset({"летом", "зимой", "весной", "осенью"}),
        season_shifts=_M({"этим": 0, "этой": 0, "этого": 0, "прошлым": -1, "прошлой": -1})
        | {"прошлого": -1, "следующим": 1, "следующей": 1, "будущей": 1, "будущим": 1},
        names_after=r"",
    ),
    "uk": PeriodWords(
        code="uk",
        ordinals=_M(
            {"перший": 1, "першому": 1, "першого": 1, "i": 1, "1-му": 1, "1-й": 1}
            | {"другий": 2, "другому": 2, "другого": 2, "ii": 2, "2-му": 2, "2-й": 2}
            | {"третій": 3, "третьому": 3, "третього": 3, "iii": 3, "3-му": 3, "3-й": 3}
            | {"четвертий": 4, "четвертому": 4, "четвертого": 4, "iv": 4, "4-му": 4}
            | {"останній": _LAST, "останньому": _LAST, "останнього": _LAST}
        ),
        units=_M({"квартал": "Q", "кварталі": "Q", "кварталу": "Q", "кварталом": "Q"})
        | {"півріччя": "H", "півріччі": "H"},
        det=r"",
        year_join=r"",
        year_after=r"(?: (?:року|р\.))?",
        relative_years=_M(
            {"цього року": 0, "поточного року": 0, "минулого року": -1, "наступного року": 1}
        ),
        shifts=_M({"минулому": -1, "минулий": -1, "минулого": -1, "цьому": 0, "цей": 0})
        | {"поточному": 0, "поточний": 0, "наступному": 1, "наступний": 1},
        same=(
            r"(?:аналогічний|аналогічному|аналогічним|той самий|тому ж|тим самим) "
            r"(?P<u>період|періоді|періодом|квартал|кварталі|кварталом) минулого року"
        ),
        same_units=_M({"період": "P", "періоді": "P", "періодом": "P", "квартал": "Q"})
        | {"кварталі": "Q", "кварталом": "Q"},
        seasons=_M({"літо": "SU", "влітку": "SU", "улітку": "SU", "літа": "SU", "зима": "WI"})
        | {"взимку": "WI", "узимку": "WI", "зими": "WI", "весна": "SP", "навесні": "SP"}
        | {"весни": "SP", "осінь": "FA", "восени": "FA", "осені": "FA"},
        season_cue=r"(?<!\w)(?:на початку|в кінці|у кінці|наприкінці|до|з|після)\s+$",
        season_adverbs=frozenset({"влітку", "улітку", "взимку", "узимку", "навесні", "восени"}),
        season_shifts=_M({"цього": 0, "цієї": 0, "минулого": -1, "минулої": -1})
        | {"наступного": 1, "наступної": 1},
        names_after=r"",
    ),
}
"""Every language with period rules."""


def rules(code: str, w: Words) -> tuple[Rule, ...]:
    """The period rules of a language (``()`` when it has none)."""
    p = PERIODS.get(code)
    if p is None:
        return ()
    det = rf"(?:(?P<det>{p.det}) )?" if p.det else "(?P<det>)"
    year = rf"(?P<y>{_YEAR}){p.year_after}"
    relative_years = {k.replace("'", "’") for k in p.relative_years} | set(p.relative_years)
    tail = rf"(?: (?:{p.year_join}{year}|(?P<rely>{alt(relative_years)})(?!\w)))?"
    ordinal = rf"(?P<ord>{alt(p.ordinals)})"
    unit = rf"(?P<unit>{alt(p.units)})(?!\w)"
    shift = alt(p.shifts)
    quarter = rf"{det}{ordinal} {unit}{tail}(?P<pre>)(?P<post>)"
    placed = (
        rf"{det}(?:(?P<pre>{shift}) )?{unit}(?: (?P<post>{shift})(?!\w))?"
        r"(?P<ord>)(?P<y>)(?P<rely>)"
    )
    seasons = alt(p.seasons)
    mods = alt(w.mods)
    season_shift = alt(p.season_shifts)
    names = rf"(?! (?:{p.names_after})(?!\w))" if p.names_after else ""
    season = (
        rf"(?:(?P<mod>{mods}) (?:de |d'|d’|del )?)?(?:(?:l'|l’|le |la |el )?)"
        rf"(?:(?P<pre>{season_shift}) )?(?P<s>{seasons})(?!\w){names}"
        rf"(?: (?:de |del )?{year}| (?P<post>{season_shift})(?!\w))?"
    )
    return (
        fam.rule("quarter", quarter, lambda m, ctx: _quarter(p, m, ctx)),
        fam.rule("quarter_placed", placed, lambda m, ctx: _quarter(p, m, ctx)),
        fam.rule(
            "same_period",
            p.same,
            lambda m, ctx: _same_period(p, m, ctx),
            starts=frozenset(key for key in p.same_units if " " not in key),  # one-word compounds
        ),
        fam.rule("season", season, lambda m, ctx: _season(p, w, m, ctx)),
    )


def _quarter(p: PeriodWords, m: re.Match[str], ctx: Context) -> tuple[Norm, ...]:
    """ "le premier trimestre 2005", "el último trimestre", "le trimestre dernier"."""
    unit = p.units[words(m["unit"])]
    count = 4 if unit == "Q" else 2
    raw = words(m["ord"])
    n = p.ordinals.get(raw, -1) if raw else -1
    if n > count:
        return _NONE
    rely = words(m["rely"]).replace("’", "'")
    if m["y"] or rely:
        year = int(m["y"]) if m["y"] else (ctx.ref.year if ctx.ref else 0) + p.relative_years[rely]
        if not m["y"] and ctx.ref is None:
            return (unanchored(_DATE, f"XXXX-{unit}{max(n, 1)}", _precision(unit)),)
        made = explicit if m["y"] else relative
        return (made(_DATE, f"{year}-{unit}{n or count}", _precision(unit)),)
    if ctx.ref is None:
        return (unanchored(_DATE, f"XXXX-{unit}{n if n > 0 else 'X'}", _precision(unit)),)
    current = (ctx.ref.month - 1) // (12 // count) + 1
    if n < 0:  # a bare noun: only with a word that places it ("le trimestre dernier")
        key = words(m["pre"] or m["post"]) or words(m["det"])
        if key not in p.shifts:
            return _NONE
        return (_period(ctx.ref.year, current + p.shifts[key], unit, count),)
    if n == _LAST:
        return (_period(ctx.ref.year, current - 1, unit, count),)
    year = ctx.ref.year
    if n > current + (1 if unit == "Q" else 0):
        tense = tense_around(p.code, ctx.text, m.start(), m.end())
        year -= 0 if tense is cal.Tense.FUTURE else 1
    return (relative(_DATE, f"{year}-{unit}{n}", _precision(unit)),)


def _period(year: int, index: int, unit: str, count: int) -> Norm:
    """Quarter or half number ``index`` of ``year``, carried across years (0 is the last of
    the year before)."""
    year += (index - 1) // count
    n = (index - 1) % count + 1
    return relative(_DATE, f"{year}-{unit}{n}", _precision(unit))


def _precision(unit: str) -> Precision:
    return Precision.QUARTER if unit == "Q" else Precision.HALF


_PERIOD_VALUE: Final = re.compile(r"(\d{4})(-(?:Q\d|H\d|\d\d))?$")


def _same_period(p: PeriodWords, m: re.Match[str], ctx: Context) -> tuple[Norm, ...]:
    """ "el mismo periodo del año anterior", "le même mois de l'année dernière": the period in
    focus (the quarter, month or year last named), a year earlier."""
    unit = p.same_units.get(words(m["u"] or m["u2"] or "").lower(), "P")
    focus = ctx.prior_quarter if unit in ("Q", "P") and ctx.prior_quarter else ctx.prior
    found = _PERIOD_VALUE.match(focus)
    if found is None or (unit == "M" and not re.fullmatch(r"-\d\d", found.group(2) or "")):
        if ctx.ref is None:
            return (unanchored(_DATE, "XXXX", Precision.YEAR),)
        return (relative(_DATE, str(ctx.ref.year - 1), Precision.YEAR),)
    value = f"{int(found.group(1)) - 1}{found.group(2) or ''}"
    precision = fam.precision_of(value)
    return (relative(_DATE, value, precision, anchoring=Anchoring.NEARBY),)


_SEASON_START: Final = {"SP": 3, "SU": 6, "FA": 9, "WI": 12}


def _season(p: PeriodWords, w: Words, m: re.Match[str], ctx: Context) -> tuple[Norm, ...]:
    """ "l'été 2003", "cet hiver", "el verano pasado", "im Sommer", "летом", "влітку".

    A season with a year, or a word that places it, is that season; one on its own ("en
    été", "летом") leans with the tense of its clause, and in a clause with no tense at all
    ("les campings affichent complet en été") is the season in general, ``XXXX-SU``.
    """
    season = p.seasons[words(m["s"])]
    if fam.capitalised_name(p.code, m["s"], ctx.text, m.start("s")):
        return _NONE  # "au Printemps Haussmann", "le Printemps de Bourges": a name
    mod = w.mods.get(words(m["mod"])) if m["mod"] else None
    if m["y"]:
        return (explicit(_DATE, f"{m['y']}-{season}", Precision.SEASON, mod),)
    key = words(m["pre"] or m["post"])
    if not key and not mod and not _alone(p, m, ctx):
        return _NONE
    if ctx.ref is None:
        return (unanchored(_DATE, f"XXXX-{season}", Precision.SEASON, mod),)
    begins = _SEASON_START[season]
    year = ctx.ref.year
    if key:
        shift = p.season_shifts[key]
        if shift < 0:  # the last one over: "l'été dernier" in October is this year's
            year -= 0 if begins + 3 <= ctx.ref.month else 1
        elif shift > 0:  # the first one to come
            year += 0 if begins > ctx.ref.month else 1
        return (relative(_DATE, f"{year}-{season}", Precision.SEASON, mod),)
    tense = tense_around(p.code, ctx.text, m.start(), m.end())
    if tense is cal.Tense.UNKNOWN and not mod:
        return (fam.generic(f"XXXX-{season}", Precision.SEASON, "a season in general"),)
    if tense is cal.Tense.PAST and begins > ctx.ref.month:
        year -= 1
    elif tense is cal.Tense.FUTURE and begins + 3 <= ctx.ref.month:
        year += 1
    return (relative(_DATE, f"{year}-{season}", Precision.SEASON, mod),)


def _alone(p: PeriodWords, m: re.Match[str], ctx: Context) -> bool:
    """Whether a season without a year or placing word stands where a date does (after its
    preposition, or in its adverbial case form)."""
    if words(m["s"]) in p.season_adverbs:
        return True
    before = ctx.text[max(0, m.start("s") - 24) : m.start("s")]
    return re.search(p.season_cue, before, re.IGNORECASE) is not None
