"""English tagging rules: one regular expression and one handler per kind of expression.

A handler reads its match and returns the TIMEX3 reading (or ``()`` when the match is not a
date after all, such as "May" the politician). Rules are tried in order at each position, so
longer and more specific ones come first. Resolution against the reference date lives in
``dates_calendar``; nothing here reads the clock.
"""
# ruff: noqa: ARG001  (every handler takes (match, context); some need only one)

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Callable
from dataclasses import dataclass, replace
from typing import Final

from briefing.extract import dates_calendar as cal
from briefing.extract import dates_en as en
from briefing.extract import dates_grammar as g
from briefing.extract.dates_norm import Context, Norm, explicit, relative, unanchored, vague
from briefing.extract.dates_values import (
    day_of,
    format_quantity,
    mod_of,
    month_of,
    number,
    words,
    year_of,
)
from briefing.model import Anchoring, Mod, Precision, TimexType

Handler = Callable[[re.Match[str], Context], tuple[Norm, ...]]

_DATE = TimexType.DATE
_TIME = TimexType.TIME
_DURATION = TimexType.DURATION
_SET = TimexType.SET
_NOT_A_DATE: Final[tuple[Norm, ...]] = ()
_FULL_WEEKDAY_NAMES: Final = tuple(w.capitalize() for w in en.WEEKDAYS if len(w) > 5)
_FOLLOWING_NOUN: Final = re.compile(r"\s+[A-Z][a-z]")
_PLAIN_WORD_AFTER: Final = re.compile(r"[ \t]+[a-z]")
_ON_BEFORE: Final = re.compile(r"\b[Oo]n\s+$")
""""On Sunday President Obama…": after "on", a weekday is a day even before a capital."""


@dataclass(frozen=True, slots=True)
class Rule:
    """A named pattern and the handler that normalises its matches."""

    name: str
    pattern: re.Pattern[str]
    handler: Handler
    starts: frozenset[str] = frozenset()
    """Words the rule may start with that the index otherwise skips as too frequent to start
    an expression ("en estos días", "à l'avenir")."""


# --------------------------------------------------------------------------------------------
# Shared helpers


def _capitalised(text: str) -> bool:
    """Month and weekday names are capitalised in English; "march" and "may" are verbs."""
    return text[:1].isupper()


def _day_norm(day: dt.date, *, inferred: bool, mod: Mod | None = None) -> Norm:
    if inferred:
        return relative(_DATE, cal.day_value(day), Precision.DAY, mod)
    return explicit(_DATE, cal.day_value(day), Precision.DAY, mod)


def _safe_date(year: int, month: int, day: int) -> dt.date | None:
    """The calendar day, or None for an impossible one such as 31 June."""
    if not (1 <= month <= 12 and 1 <= day <= 31):
        return None
    try:
        return dt.date(year, month, day)
    except ValueError:
        return None


_YEAR_OUT_OF_RANGE: Final = re.compile(r",?[ \t]+\d{4,}(?![\d.,]\d)")
"""Four or more figures right after a day and month: a written year outside 1000-2099."""


def _month_day(month: int, day: int, year: int | None, m: re.Match[str], ctx: Context) -> Norm:
    """A day of a month, with its year given, inferred from the reference date, or unknown."""
    if year is not None:
        found = _safe_date(year, month, day)
        return explicit(_DATE, cal.day_value(found), Precision.DAY) if found else _INVALID
    if _YEAR_OUT_OF_RANGE.match(ctx.text, m.end()):
        # "5 June 2150": a year the grammar does not read. Inferring one would date the day
        # wrongly; leave it unplaced and say why.
        return replace(
            unanchored(_DATE, f"XXXX-{month:02d}-{day:02d}", Precision.DAY),
            reason="its year is outside the years read as dates (1000–2099)",
        )
    rely = words(m.groupdict().get("rely"))
    if rely and ctx.ref is not None:
        # "on 25 June last year": that day of the year before publication
        shift = {"last": -1, "this": 0, "next": 1}[rely]
        found = _safe_date(ctx.ref.year + shift, month, day)
        return _day_norm(found, inferred=True) if found else _INVALID
    written = _written_year(month, day, m, ctx)
    if written is not None:
        found = _safe_date(written, month, day)
        return _nearby_day(found) if found else _INVALID
    if ctx.ref is None:
        return unanchored(_DATE, f"XXXX-{month:02d}-{day:02d}", Precision.DAY)
    tense = cal.tense_around(ctx.text, m.start(), m.end())
    settled = tense is cal.Tense.PAST and cal.settled_past(ctx.text, m.start(), m.end())
    resolved = cal.resolve_year(month, ctx.ref, tense, settled=settled)
    found = _safe_date(resolved, month, day)
    return _day_norm(found, inferred=True) if found else _INVALID


def _nearby_day(day: dt.date) -> Norm:
    return relative(_DATE, cal.day_value(day), Precision.DAY, anchoring=Anchoring.NEARBY)


def _focus_year(m: re.Match[str], ctx: Context) -> int | None:
    """The year the sentence opened with ("In 1918, ... in April"), if any.

    TimeML anchors a year-less date on the time in focus; a sentence that opens with a dated
    frame keeps that year for its later months and seasons (a year inside a relative clause,
    "approved in 1987", does not set the frame).
    """
    end, year = ctx.focus_year
    if end < 0 or not cal.same_sentence(ctx.text, end, m.start()):
        return _story_year(m, ctx)
    if ctx.ref is not None and year < ctx.ref.year:
        tense = cal.tense_around(ctx.text, m.start(), m.end())
        if tense is cal.Tense.FUTURE:
            return None  # "joined in July 1997, will join on March 12": a later plan
    return year


_STORY_REACH: Final = 600
"""How far (in characters) a narrative's year carries to later year-less dates."""


def _story_year(m: re.Match[str], ctx: Context) -> int | None:
    """The year a past narrative is in: "In 1939 the war began. In early October, Warsaw
    fell." A narrative sets each sentence's time with a frame that opens it: a year-less
    frame in a past-tense clause follows the year-framed sentence before it, when that year
    is before the publication's and no date placed from the publication came between. A
    year-less date inside a sentence ("agreed in April") stays with the publication: news
    names old years as background, not as the time of the story."""
    end, year = ctx.story_year
    if end < 0 or ctx.ref is None or year >= ctx.ref.year or m.start() - end > _STORY_REACH:
        return None
    if not cal.opens_sentence(ctx.text, m.start()):
        return None
    if cal.tense_around(ctx.text, m.start(), m.end()) is not cal.Tense.PAST:
        return None
    return year


def _written_year(month: int, day: int, m: re.Match[str], ctx: Context) -> int | None:
    """The year of a year-less day: the one the text gave the same day earlier ("Sept. 11,
    2001" ... "the Sept. 11 attacks"), else the year named earlier in the sentence."""
    tail = f"-{month:02d}-{day:02d}"
    for known in reversed(ctx.known_days):
        if known.endswith(tail):
            return int(known[:4])
    return _focus_year(m, ctx)


_INVALID: Final = vague(_DATE, "INVALID")
"""Placeholder for impossible calendar dates; the driver drops it."""


def _one(norm: Norm) -> tuple[Norm, ...]:
    return _NOT_A_DATE if norm is _INVALID else (norm,)


# --------------------------------------------------------------------------------------------
# Absolute dates


def _iso(m: re.Match[str], ctx: Context) -> tuple[Norm, ...]:
    found = _safe_date(int(m["y"]), int(m["mo"]), int(m["d"]))
    if found is None:
        return _NOT_A_DATE
    if m["hh"]:
        return (explicit(_TIME, f"{found.isoformat()}T{m['hh']}:{m['mi']}", Precision.TIME),)
    return (explicit(_DATE, found.isoformat(), Precision.DAY),)


def _numeric(m: re.Match[str], ctx: Context) -> tuple[Norm, ...]:
    """17/09/2024 or 09/17/2024: month first in English unless the first number exceeds 12."""
    a, b, y = int(m["a"]), int(m["b"]), int(m["y"])
    if len(m["y"]) == 2:
        y += 1900 if y > 30 else 2000
    month, day = (a, b) if a <= 12 and m["sep"] == "/" else (b, a)
    found = _safe_date(y, month, day)
    return (explicit(_DATE, found.isoformat(), Precision.DAY),) if found else _NOT_A_DATE


def _mdy(m: re.Match[str], ctx: Context) -> tuple[Norm, ...]:
    """ "Sept. 17", "Tuesday, Sept. 17, 2024", "around Nov. 1" (mod APPROX)."""
    if not _capitalised(m["m"]):
        return _NOT_A_DATE
    day = day_of(m["d"])
    year = year_of(m["y"]) if m["y"] else None
    norm = _month_day(month_of(m["m"]), day, year, m, ctx)
    if m["approx"] and norm is not _INVALID:
        norm = replace(norm, mod=Mod.APPROX)
    return _one(norm)


def _day_range(m: re.Match[str], ctx: Context) -> tuple[Norm, ...]:
    """ "from 12 to 14 June", "June 12-14, 2024": one mention from the first day to the last."""
    name = m["m"] or m["m2"]
    if not _capitalised(name):
        return _NOT_A_DATE
    month = month_of(name)
    year = year_of(m["y"]) if m["y"] else None
    first = _month_day(month, day_of(m["d"] or m["d3"]), year, m, ctx)
    last = _month_day(month, day_of(m["d2"] or m["d4"]), year, m, ctx)
    if _INVALID in (first, last) or last.value <= first.value:
        return _NOT_A_DATE
    return (replace(first, end_value=last.value),)


def _month_year(m: re.Match[str], ctx: Context) -> tuple[Norm, ...]:
    month = month_of(m["m"])
    mod = mod_of(m["mod"])
    if m["y"]:
        return (explicit(_DATE, cal.month_value(year_of(m["y"]), month), Precision.MONTH, mod),)
    if ctx.ref is None:
        return (unanchored(_DATE, f"XXXX-{month:02d}", Precision.MONTH, mod),)
    shift = {"last": -1, "next": 1}.get(words(m["rel"]), 0)
    return (relative(_DATE, cal.month_value(ctx.ref.year + shift, month), Precision.MONTH, mod),)


def _year_range(m: re.Match[str], ctx: Context) -> tuple[Norm, ...]:
    first = int(m["y"])
    last = int(m["y2"]) if len(m["y2"]) == 4 else first // 100 * 100 + int(m["y2"])
    if not first < last <= first + 100:
        return _NOT_A_DATE
    return (explicit(_DATE, str(first), Precision.YEAR, end_value=str(last)),)


_DECADE_WORDS: Final = (
    "twenties",
    "thirties",
    "forties",
    "fifties",
    "sixties",
    "seventies",
    "eighties",
    "nineties",
)


def _decade(m: re.Match[str], ctx: Context) -> tuple[Norm, ...]:
    mod = mod_of(m["mod"])
    if m["c"]:
        value = f"{m['c']}{m['d']}"
    elif m["d2"]:
        century = (ctx.ref.year // 100) if ctx.ref else 19
        decade = int(m["d2"])
        if ctx.ref is not None and century * 100 + decade * 10 > ctx.ref.year:
            century -= 1
        value = f"{century}{decade}"
    else:
        tens = _DECADE_WORDS
        value = f"19{tens.index(words(m['w'])) + 2}"
    return (explicit(_DATE, value, Precision.DECADE, mod),)


def _century(m: re.Match[str], ctx: Context) -> tuple[Norm, ...]:
    n = int(m["n"]) if m["n"] else en.ORDINALS[words(m["o"])]
    if not 1 <= n <= 22:
        return _NOT_A_DATE
    return (explicit(_DATE, f"{n - 1:02d}", Precision.CENTURY, mod_of(m["mod"])),)


_AFTER_YEAR_NOT_DATE: Final = re.compile(
    r"\s*(?:%|percent|per\b|people|persons|troops|soldiers|fighters|men|women|children|"
    r"mercenaries|dollars|euros|pounds|shares|tons|tonnes|km|kilomet|miles|meters|metres|feet|"
    r"acres|hectares|votes|cases|deaths|units|cars|jobs|employees|workers|members|points|"
    r"barrels|copies|rounds|guns|rifles|tanks|kg|lbs|mph|yards|calories|victims|prisoners|"
    r"square|sq\b|cc\b|hp\b|rpm\b|\$|x\b|[-–]\s*[a-z]+\s+(?:old|long)|\d{4}(?!\d))",
    re.IGNORECASE,
)
_BEFORE_YEAR_NOT_DATE: Final = re.compile(
    r"(?:\b(?:no|number|nos|route|room|flight|page|pp|p|article|section|chapter|rule|"
    r"resolution|code|model|version|v|id|tel|phone|box|suite|apt|bus|highway|hwy|item|"
    r"paragraph|par|vol|issue|ticker|nasdaq|dow|index|to|of|by|from|at)\.?\s*|[$€£#+±\u00d7]\s*)$",
    re.IGNORECASE,
)
_YEAR_CUE_BEFORE: Final = re.compile(
    r"\b(?:in|since|by|until|till|from|during|before|after|of|year|years|circa|c\.|fiscal|"
    r"and|or|to|through|early|late|mid|around|about|between|summer|winter|spring|autumn|fall"
    r")\s*$",
    re.IGNORECASE,
)


_COUNT_BEFORE: Final = re.compile(
    r"(?:(?<![\d,.])\b(?:\d{1,3}|one)\s+in|\bfrom\s+\d{1,3}(?:\.\d+)?\s+to|"
    r"\bbetween\s+\d{1,3}(?:\.\d+)?\s+and)\s+$",
    re.IGNORECASE,
)
"""A number paired with a small one is a ratio or a count: "1 in 1000", "from 297 to 1051"."""
_NUMBER_AFTER: Final = re.compile(r"\s*(?:to|-|–|—)\s*(\d{4})(?!\d)")
_NUMBER_BEFORE: Final = re.compile(r"(?<!\d)(\d{4})\s*(?:to|-|–|—)\s*$")


_ESTIMATE: Final = "around|about|some|roughly|approximately|nearly|almost|up to|an estimated"
_ESTIMATE_BEFORE: Final = re.compile(rf"\b(?:{_ESTIMATE})\s+$", re.IGNORECASE)
_ESTIMATED_PAIR: Final = re.compile(
    rf"\b(?:{_ESTIMATE})\s+\d[\d,]*\s*(?:to|or|-|–)\s*$", re.IGNORECASE
)
_COUNT_ONLY: Final = frozenset({"up to", "some", "an estimated", "nearly", "almost"})
_PAIR_TAIL: Final = re.compile(r"\s*(?:to|or|-|–)\s*\d[\d,]*\s+(?:[a-z]+\s+)?[a-z]{2,}s\b")
_PLURAL_AFTER: Final = re.compile(r"\s+(?:[a-z]+\s+)?[a-z]{2,}s\b")


def _estimated_count(text: str, start: int, end: int) -> bool:
    """ "around 1200 to 1500 gas stations": an estimate of a count, not a span of years.

    Both numbers of a pair after "around", "some", "up to" are counts when a plural noun
    follows the pair; so is a lone number after "up to", "some" or "nearly" before one.
    """
    head = _ESTIMATE_BEFORE.search(text, max(0, start - 16), start)
    if head is not None:
        if words(head.group()) in _COUNT_ONLY and _PLURAL_AFTER.match(text, end):
            return True  # "up to 1800 engineers": no one writes "up to 1800" for a year
        return _PAIR_TAIL.match(text, end) is not None
    if _ESTIMATED_PAIR.search(text, max(0, start - 40), start) is None:
        return False
    return _PLURAL_AFTER.match(text, end) is not None


def _descending_pair(text: str, start: int, end: int, year: int) -> bool:
    """Whether the number is half of "N to M" with M below N: a score or a tally, not years."""
    after = _NUMBER_AFTER.match(text, end)
    if after is not None and int(after.group(1)) < year:
        return True
    before = _NUMBER_BEFORE.search(text, max(0, start - 12), start)
    return before is not None and int(before.group(1)) > year


def _year(m: re.Match[str], ctx: Context) -> tuple[Norm, ...]:
    """A year on its own, unless the number around it is a count, an amount or a code."""
    y = year_of(m["y"])
    start = m.start("y")
    before = ctx.text[max(0, start - 12) : start]
    if not m["y"].isdigit():
        return (explicit(_DATE, str(y), Precision.YEAR, mod_of(m["mod"])),)
    if _AFTER_YEAR_NOT_DATE.match(ctx.text, m.end()):
        return _NOT_A_DATE
    if _estimated_count(ctx.text, start, m.end()):
        return _NOT_A_DATE  # "around 1200 to 1500 gas stations"
    if _descending_pair(ctx.text, m.start("y"), m.end(), y):
        return _NOT_A_DATE  # "The vote was 2019 to 1985": a score, years would ascend
    if not m["mod"] and before.endswith("-") and before[-2:-1].isalnum():
        return _NOT_A_DATE  # "F-1990", "A-2000": a code, not "mid-1990"
    if _COUNT_BEFORE.search(ctx.text, max(0, start - 20), start):
        return _NOT_A_DATE  # "1 in 1000", "from 297 to 1051": a ratio or a count
    cued = bool(m["mod"] or m["fy"] or _YEAR_CUE_BEFORE.search(before))
    if not cued and _BEFORE_YEAR_NOT_DATE.search(before):
        return _NOT_A_DATE
    if not cued and not 1900 <= y <= 2099:
        return _NOT_A_DATE
    return (explicit(_DATE, str(y), Precision.YEAR, mod_of(m["mod"])),)


def _spelled_2000(m: re.Match[str], ctx: Context) -> tuple[Norm, ...]:
    ones = number(m["u"]) if m["u"] else 0.0
    return (explicit(_DATE, str(2000 + int(ones or 0)), Precision.YEAR),)


# --------------------------------------------------------------------------------------------
# Months, seasons, quarters


_MAY_CONTEXT: Final = re.compile(
    r"\b(?:in|since|until|till|by|last|this|next|early|late|mid|of|from|through|before|after|"
    r"during|and|or|to|end|beginning|start|middle|between)[\s-]*$",
    re.IGNORECASE,
)


_THAT_YEAR_AFTER: Final = re.compile(r"\s+of\s+(?:that|the same)(?:\s+\w+)?\s+year\b", re.I)


def _month(m: re.Match[str], ctx: Context) -> tuple[Norm, ...]:
    """A month without a day or a year: placed in the year the reference date suggests."""
    name = m["m"]
    if not _capitalised(name):
        return _NOT_A_DATE
    before = ctx.text[max(0, m.start() - 12) : m.start()]
    if (
        words(name) in ("may", "march", "jan", "mar", "jun", "dec")
        and not m["mod"]
        and not m["rel"]
        and not _MAY_CONTEXT.search(before)
    ):
        return _NOT_A_DATE
    bare = not name.endswith(".") and not m["mod"] and not m["rel"]
    if bare and len(name) <= 4 and words(name) not in ("may", "june", "july"):
        return _NOT_A_DATE
    month = month_of(name)
    mod = mod_of(m["mod"])
    if ctx.ref is None:
        return (unanchored(_DATE, f"XXXX-{month:02d}", Precision.MONTH, mod),)
    rel = words(m["rel"])
    focus = _focus_year(m, ctx) if not rel else None
    if not rel and _THAT_YEAR_AFTER.match(ctx.text, m.end()) and ctx.prior[:4].isdigit():
        focus = int(ctx.prior[:4])  # "in June of that year": the year the text last named
    if focus is not None:
        value = cal.month_value(focus, month)
        return (relative(_DATE, value, Precision.MONTH, mod, anchoring=Anchoring.NEARBY),)
    if rel in ("last", "this past", "past"):
        year = ctx.ref.year if month < ctx.ref.month else ctx.ref.year - 1
    elif rel in ("next", "this coming", "coming"):
        year = ctx.ref.year if month > ctx.ref.month else ctx.ref.year + 1
    elif rel == "this":
        year = ctx.ref.year
    else:
        tense = cal.tense_around(ctx.text, m.start(), m.end())
        settled = tense is cal.Tense.PAST and cal.settled_past(ctx.text, m.start(), m.end())
        year = cal.resolve_year(month, ctx.ref, tense, settled=settled)
    return (relative(_DATE, cal.month_value(year, month), Precision.MONTH, mod),)


_SEASON_START: Final = {"SP": 3, "SU": 6, "FA": 9, "WI": 12}
"""The month each (northern, meteorological) season starts; TIMEX3 winter ``1997-WI`` starts in
December 1997."""
_SEASON_CUE: Final = re.compile(r"\b(?:in|during|by|until|since|through|over)\s+$", re.I)


_NAME_BEFORE: Final = re.compile(r"[^.!?:;\s\"“(]\s+[A-Z][a-z]+\s+$")
"""A capitalised word that does not open a sentence, just before the season."""
_NAME_AFTER: Final = re.compile(r"\s+of\s+(?:the\s+)?[A-Z]")


def _season_in_a_name(m: re.Match[str], ctx: Context) -> bool:
    """ "the Arab Spring", "the Prague Spring", "the Spring of Life": a capitalised season
    after another capitalised word, or before "of" and a capitalised word, is part of a name
    (British news capitalises "the Autumn", so capitals alone prove nothing)."""
    word = m["season"]
    if not word[:1].isupper() or m["y"] or m["rel"] or m["mod"]:
        return False
    start = m.start("season")
    if _NAME_AFTER.match(ctx.text, m.end("season")):
        return True
    return _NAME_BEFORE.search(ctx.text, max(0, start - 24), start) is not None


def _season(m: re.Match[str], ctx: Context) -> tuple[Norm, ...]:
    season = en.SEASONS[words(m["season"])]
    rel = words(m["rel"])
    if _season_in_a_name(m, ctx):
        return _NOT_A_DATE
    if words(m["season"]) == "fall" and not (m["rel"] or m["y"] or m["mod"]):
        before = ctx.text[max(0, m.start() - 10) : m.start()]
        if not (m["the"] and _SEASON_CUE.search(before)):
            return _NOT_A_DATE  # "the fall of the town" is not autumn
    mod = mod_of(m["mod"])
    if m["y"]:
        return (explicit(_DATE, f"{year_of(m['y'])}-{season}", Precision.SEASON, mod),)
    focus = _focus_year(m, ctx) if not rel else None
    if focus is not None:
        value = f"{focus}-{season}"
        return (relative(_DATE, value, Precision.SEASON, mod, anchoring=Anchoring.NEARBY),)
    if ctx.ref is None:
        return (unanchored(_DATE, f"XXXX-{season}", Precision.SEASON, mod),)
    shift = {"last": -1, "past": -1, "next": 1, "coming": 1}.get(rel, 0)
    begins = _SEASON_START[season]
    if rel == "this past":  # the latest one that has begun: "this past spring" in October
        shift = 0 if begins < ctx.ref.month else -1
    elif rel == "this coming":  # the first one that has not begun
        shift = 0 if begins > ctx.ref.month else 1
    value = f"{ctx.ref.year + shift}-{season}"
    return (relative(_DATE, value, Precision.SEASON, mod),)


def _quarter_value(year: int, n: int, unit: str) -> tuple[str, Precision]:
    if unit == "half":
        return f"{year}-H{n}", Precision.HALF
    return f"{year}-Q{n}", Precision.QUARTER


def _prior_quarter_number(ctx: Context) -> int:
    if ctx.prior_quarter:
        return int(ctx.prior_quarter[-1])
    return cal.quarter_of(ctx.ref) - 1 if ctx.ref and cal.quarter_of(ctx.ref) > 1 else 4


def _ordinal_quarter(m: re.Match[str], ctx: Context) -> tuple[Norm, ...]:
    """ "the third quarter", "fiscal second-quarter", "Q3 2024", "the first half of 1990".

    A possessive stays outside the span, and so does any determiner of the adjective
    "third-quarter" ("a third-quarter loss"): the article belongs to the noun it qualifies.
    """
    return tuple(replace(n, trim_start=_quarter_trim(m)) for n in _ordinal_quarter_value(m, ctx))


def _quarter_trim(m: re.Match[str]) -> int:
    det = words(m["det"])
    if not det:
        return 0
    adjectival = m["unit"] is not None and ctx_hyphen(m)
    if det in ("its", "their", "his", "her", "our", "a", "an") or adjectival:
        return len(m["det"]) + (m.end("det") < m.end() and _space_after(m, "det"))
    return 0


def ctx_hyphen(m: re.Match[str]) -> bool:
    """Whether "quarter" is joined to its ordinal by a hyphen ("third-quarter")."""
    return m.string[m.end("ord") : m.start("unit")] == "-"


def _space_after(m: re.Match[str], group: str) -> int:
    end = m.end(group)
    rest = m.string[end : m.end()]
    return len(rest) - len(rest.lstrip())


def _ordinal_quarter_value(m: re.Match[str], ctx: Context) -> tuple[Norm, ...]:
    unit = words(m["unit"]) if m["unit"] else "quarter"
    raw = words(m["ord"] or m["qq"])
    ordinals = {"first": 1, "1st": 1, "second": 2, "2nd": 2, "third": 3, "3rd": 3}
    ordinals |= {"fourth": 4, "4th": 4, "q1": 1, "q2": 2, "q3": 3, "q4": 4, "last": 2, "latter": 2}
    n = ordinals.get(raw, 4 if unit == "quarter" else 2)
    if unit == "half" and n > 2:
        return _NOT_A_DATE
    given = m["qy"] or m["qy2"]
    if given:
        value, precision = _quarter_value(year_of(given), n, unit)
        return (explicit(_DATE, value, precision),)
    if ctx.ref is None:
        return (unanchored(_DATE, f"XXXX-{'H' if unit == 'half' else 'Q'}{n}", Precision.QUARTER),)
    text = words(m.group())
    year = ctx.ref.year
    if "year-ago" in text or "year-earlier" in text or words(m["poss"]) == "last":
        year -= 1
    elif words(m["poss"]) == "next" or words(m["rel"]) == "next":
        year += 1
    elif words(m["rel"]) == "last":
        year -= 1
    elif unit == "quarter" and n > cal.quarter_of(ctx.ref) + 1:
        tense = cal.tense_around(ctx.text, m.start(), m.end())
        year -= 0 if tense is cal.Tense.FUTURE else 1
    value, precision = _quarter_value(year, n, unit)
    return (relative(_DATE, value, precision),)


_LATEST: Final = re.compile(r"\b(?:latest|just-ended|just-completed|recent)\b")


def _relative_quarter(m: re.Match[str], ctx: Context) -> tuple[Norm, ...]:
    """ "the quarter", "the latest quarter", "the year-ago period": financial reporting periods.

    The period in focus is the last quarter the text named, else the last completed one; a
    "year-ago" or "year-earlier" one is the same quarter a year before.
    """
    text = words(m.group())
    det = words(m["det"])
    unit = words(m["unit"])
    year_given = m["qy"] or m["qy2"]
    year_ago = any(k in text for k in ("year-ago", "year-earlier", "last year", "a year"))
    has_adjective = year_ago or any(
        k in text for k in ("latest", "current", "recent", "just-ended", "just-completed")
    )
    if unit == "period" and not (has_adjective or year_given or "comparable" in text):
        return _NOT_A_DATE
    if det == "a" and not has_adjective:
        return _NOT_A_DATE
    if ctx.ref is None:
        return (unanchored(_DATE, "XXXX-QX", Precision.QUARTER),)
    if det == "this" or "current" in text:
        year, q = ctx.ref.year, cal.quarter_of(ctx.ref)
    elif det in ("next", "last") and not year_ago:
        year, month = cal.add_months(ctx.ref.year, ctx.ref.month, 3 if det == "next" else -3)
        q = (month - 1) // 3 + 1
    elif ctx.prior_quarter and not _LATEST.search(text):
        year, q = int(ctx.prior_quarter[:4]), int(ctx.prior_quarter[-1])
    else:  # "the latest quarter" is the last one completed, whatever was named before
        year, month = cal.add_months(ctx.ref.year, ctx.ref.month, -3)
        q = (month - 1) // 3 + 1
    anchoring = Anchoring.PUBLICATION
    if year_given:
        year = year_of(year_given)
        if unit == "period" and not ctx.prior_quarter:
            return (explicit(_DATE, str(year), Precision.YEAR),)
    elif year_ago:
        year -= 1
        anchoring = Anchoring.NEARBY
    return (relative(_DATE, f"{year}-Q{q}", Precision.QUARTER, anchoring=anchoring),)


# --------------------------------------------------------------------------------------------
# Relative to the reference date


def _unit_value(unit: str, ref: dt.date, shift: int) -> tuple[str, Precision] | None:
    """The calendar unit containing ``ref``, moved by ``shift`` units."""
    match unit:
        case "year" | "fiscal year":
            return str(ref.year + shift), Precision.YEAR
        case "month":
            return cal.month_value(*cal.add_months(ref.year, ref.month, shift)), Precision.MONTH
        case "week":
            return cal.week_value(ref + dt.timedelta(weeks=shift)), Precision.WEEK
        case "weekend":
            return cal.week_value(ref + dt.timedelta(weeks=shift)) + "-WE", Precision.WEEK
        case "quarter":
            year, month = cal.add_months(ref.year, ref.month, 3 * shift)
            return f"{year}-Q{(month - 1) // 3 + 1}", Precision.QUARTER
        case "decade":
            return str(ref.year // 10 + shift), Precision.DECADE
        case "century":
            return f"{ref.year // 100 + shift:02d}", Precision.CENTURY
        case "day":
            return cal.day_value(ref + dt.timedelta(days=shift)), Precision.DAY
    return None


_UNANCHORED_UNIT: Final = {
    "year": ("XXXX", Precision.YEAR),
    "fiscal year": ("XXXX", Precision.YEAR),
    "month": ("XXXX-XX", Precision.MONTH),
    "week": ("XXXX-WXX", Precision.WEEK),
    "weekend": ("XXXX-WXX-WE", Precision.WEEK),
    "quarter": ("XXXX-QX", Precision.QUARTER),
    "decade": ("XXX", Precision.DECADE),
    "century": ("XX", Precision.CENTURY),
    "day": ("XXXX-XX-XX", Precision.DAY),
}


_OPENING_QUOTES: Final = frozenset({'"', "“", "‘", "'"})


def _quoted_title(m: re.Match[str], ctx: Context) -> bool:
    """A capitalised unit right after an opening quote: the title of a programme or a book."""
    unit = m["unit"] or ""
    return unit[:1].isupper() and ctx.text[max(0, m.start() - 1) : m.start()] in _OPENING_QUOTES


_THAT_DAY: Final = frozenset({("that", "earlier"), ("that", "later")})


def _that_day(ctx: Context) -> tuple[Norm, ...]:
    """ "Earlier that day", "that same day": the day the text last named, if it named one.

    Without a previous day the phrase is not anchored and not dated (bare "that day" is too
    often "the day they dreaded" to be read at all).
    """
    base = _prior_day(ctx.prior, "day")
    if base is not None and len(ctx.prior) == 10:
        return (relative(_DATE, cal.day_value(base), Precision.DAY, anchoring=Anchoring.NEARBY),)
    known = ctx.prior if re.fullmatch(r"\d{4}(?:-\d\d)?", ctx.prior) else "XXXX"
    value = known + "-XX" * (3 - len(known.split("-")))  # "1998-10-XX": a day of that month
    return (
        Norm(
            type=_DATE,
            value=value,
            precision=Precision.DAY,
            anchoring=Anchoring.NONE,
            reason="the text names no day before it",
        ),
    )


def _relative_unit(m: re.Match[str], ctx: Context) -> tuple[Norm, ...]:
    """ "last year", "this week", "earlier this month", "the end of the year", "next quarter"."""
    unit = words(m["unit"] or m["unit2"])
    rel = words(m["rel"])
    mod = mod_of(m["mod"])
    if unit == "weekend" and rel in ("the", "this"):
        return _weekend(m, ctx)
    if _quoted_title(m, ctx):
        return _NOT_A_DATE  # "This Week", a programme's title
    if unit == "day" and (rel in ("that same", "the same") or (rel, words(m["mod"])) in _THAT_DAY):
        return _that_day(ctx)
    if rel in ("the", "that", "same") and mod is None and not m["unit2"]:
        return _NOT_A_DATE
    if ctx.ref is None:
        value, precision = _UNANCHORED_UNIT[unit]
        return (unanchored(_DATE, value, precision, mod),)
    shift = 0
    if rel in ("last", "past", "previous", "preceding", "this past"):
        shift = -1
    elif rel in ("next", "coming", "following", "this coming"):
        shift = 1
    if rel in ("past", "last") and unit == "decade":
        return (vague(_DURATION, "P10Y"),)
    found = _unit_value(unit, ctx.ref, shift)
    if found is None:
        return _NOT_A_DATE
    anchoring = Anchoring.PUBLICATION
    base = _prior_day(ctx.prior, unit)
    if rel in ("following", "previous", "preceding", "that", "same") and base is not None:
        found = _unit_value(unit, base, shift)
        anchoring = Anchoring.NEARBY
    assert found is not None
    value, precision = found
    return (relative(_DATE, value, precision, mod, anchoring=anchoring),)


_PRIOR_PRECISION: Final = {"year": 4, "decade": 4, "century": 4, "month": 7, "week": 10, "day": 10}


def _prior_day(prior: str, unit: str) -> dt.date | None:
    """A day inside the previous date of the text, if that date is fine enough for ``unit``.

    "The following month" needs a previous month or day; "the following year" a year.
    """
    need = _PRIOR_PRECISION.get(unit)
    if need is None or not re.match(r"\d{4}(?:-\d\d(?:-\d\d)?)?$", prior) or len(prior) < need:
        return None
    parts = [int(p) for p in prior.split("-")]
    year, month, day = [*parts, 7, 1][:3] if len(parts) == 1 else [*parts, 1][:3]
    return dt.date(year, month, day)


def _weekend(m: re.Match[str], ctx: Context) -> tuple[Norm, ...]:
    if ctx.ref is None:
        return (unanchored(_DATE, "XXXX-WXX-WE", Precision.WEEK),)
    tense = cal.tense_around(ctx.text, m.start(), m.end())
    back = ctx.ref.isoweekday() <= 2 and tense is not cal.Tense.FUTURE
    day = ctx.ref - dt.timedelta(weeks=1) if back else ctx.ref
    return (relative(_DATE, cal.week_value(day) + "-WE", Precision.WEEK),)


_AGO_UNITS: Final = {"Y": "year", "M": "month", "W": "week", "D": "day", "DE": "decade", "Q": "Q"}


def _ago(m: re.Match[str], ctx: Context) -> tuple[Norm, ...]:
    """ "two years ago", "a year earlier", "three days later": a date at the unit's precision."""
    unit = en.UNITS[words(m["unit"]).removesuffix("s")]
    n = number(m["n"])
    direction = words(m["dir"])
    sign = 1 if direction in ("later", "after", "from now", "hence") else -1
    mod = Mod.APPROX if m["q"] and words(m["q"]) in ("about", "around", "roughly", "some") else None
    if n is None or unit in ("S", "MIN", "H") or unit not in _AGO_UNITS:
        return (vague(_DATE, "FUTURE_REF" if sign > 0 else "PAST_REF"),)
    if ctx.ref is None:
        return (unanchored(_DATE, _UNANCHORED_UNIT[_AGO_UNITS[unit]][0], Precision.NONE, mod),)
    k = int(n) * sign
    anchor = ctx.ref
    base = ctx.ref.isoformat()
    anchoring = Anchoring.PUBLICATION
    if direction in ("earlier", "later", "before", "after") and ctx.prior:
        base = ctx.prior_quarter or ctx.prior
        anchoring = Anchoring.NEARBY
    elif unit == "Y" and k == -1 and ctx.prior_quarter:
        base = ctx.prior_quarter  # "a year ago" in results news: the same quarter last year
        anchoring = Anchoring.NEARBY
    if unit == "Y":
        return (_shift_years(base, k, mod, anchoring),)
    near = _prior_day(base, _AGO_UNITS[unit]) if anchoring is Anchoring.NEARBY else None
    if near is not None:
        anchor = near  # "In May, ... A month later": counted from May, not from publication
    else:
        anchoring = Anchoring.PUBLICATION
    if unit == "DE":
        return (
            relative(_DATE, str(anchor.year + 10 * k), Precision.YEAR, mod, anchoring=anchoring),
        )
    if unit == "M":
        value = cal.month_value(*cal.add_months(anchor.year, anchor.month, k))
        return (relative(_DATE, value, Precision.MONTH, mod, anchoring=anchoring),)
    if unit == "W":
        value = cal.week_value(anchor + dt.timedelta(weeks=k))
        return (relative(_DATE, value, Precision.WEEK, mod, anchoring=anchoring),)
    if unit == "D":
        value = cal.day_value(anchor + dt.timedelta(days=k))
        return (relative(_DATE, value, Precision.DAY, mod, anchoring=anchoring),)
    year, month = cal.add_months(anchor.year, anchor.month, 3 * k)
    value = f"{year}-Q{(month - 1) // 3 + 1}"
    return (relative(_DATE, value, Precision.QUARTER, mod, anchoring=anchoring),)


def _shift_years(base: str, k: int, mod: Mod | None, anchoring: Anchoring) -> Norm:
    """``base`` (a TIMEX3 value of year precision or finer) moved by ``k`` years."""
    year = int(base[:4]) + k
    rest = base[4:]
    if re.fullmatch(r"-Q\d|-H\d|-\d\d|-(?:SP|SU|FA|WI)", rest):
        precision = Precision.MONTH if rest[1:].isdigit() else Precision.QUARTER
        return relative(_DATE, f"{year}{rest}", precision, mod, anchoring=anchoring)
    if anchoring is Anchoring.PUBLICATION or not re.fullmatch(r"-\d\d-\d\d", rest):
        return relative(_DATE, str(year), Precision.YEAR, mod, anchoring=anchoring)
    return relative(_DATE, f"{year}{rest}", Precision.DAY, mod, anchoring=anchoring)


def _fiscal_year(m: re.Match[str], ctx: Context) -> tuple[Norm, ...]:
    """ "the year ended June 30" is a twelve-month period; "the full year" the current one."""
    kind = words(m["kind"])
    if m["ended"]:
        return (replace(vague(_DURATION, "P1Y"), trim_start=0),) if kind != "full" else _NOT_A_DATE
    if not kind and not re.search(
        r"\bfor\s+$", ctx.text[max(0, m.start() - 8) : m.start()], re.IGNORECASE
    ):
        return _NOT_A_DATE
    if ctx.ref is None:
        return (unanchored(_DATE, "XXXX", Precision.YEAR),)
    return (relative(_DATE, str(ctx.ref.year), Precision.YEAR),)


def _year_end(m: re.Match[str], ctx: Context) -> tuple[Norm, ...]:
    """ "year-end": the end of the reference year (of the year before, after "since")."""
    if ctx.ref is None:
        return (unanchored(_DATE, "XXXX", Precision.YEAR, Mod.END),)
    shift = {"last": -1, "next": 1}.get(words(m["rel"]), 0)
    before = ctx.text[max(0, m.start() - 8) : m.start()]
    if not m["rel"] and re.search(r"\bsince\s+$", before):
        shift = -1
    return (relative(_DATE, str(ctx.ref.year + shift), Precision.YEAR, Mod.END),)


def _year_ago_adjective(m: re.Match[str], ctx: Context) -> tuple[Norm, ...]:
    """ "year-earlier" / "year-ago" used as an adjective: the same period a year before."""
    if ctx.ref is None:
        return (unanchored(_DATE, "XXXX", Precision.YEAR),)
    base = ctx.prior_quarter or str(ctx.ref.year)
    return (_shift_years(base, -1, None, Anchoring.NEARBY),)


_RELATIVE_DAYS: Final = {"today": 0, "yesterday": -1, "tomorrow": 1, "tonight": 0}


_TITLE_BEFORE: Final = re.compile(r"(?:[A-Z][\w.]*|'s|’s)[ \t]+$")
_PROGRAMME_AFTER: Final = re.compile(r"[ \t]+(?:program|programme|show|newspaper)\b", re.I)


def _in_a_title(text: str, start: int, end: int) -> bool:
    """A capitalised "Today" inside a sentence names a paper or a programme: it follows a
    capitalised word or a possessive ("USA Today", "the BBC's Today") or precedes
    "programme"."""
    if _PROGRAMME_AFTER.match(text, end):
        return True
    return _TITLE_BEFORE.search(text, max(0, start - 24), start) is not None


def _relative_day(m: re.Match[str], ctx: Context) -> tuple[Norm, ...]:
    """ "yesterday", "late yesterday", "tomorrow morning", "tonight", "last night"."""
    word = words(m["rd"])
    if m["rd"] == "Today" and not m["mod"] and _in_a_title(ctx.text, m.start("rd"), m.end()):
        return _NOT_A_DATE  # "USA Today", "the BBC's Today programme"
    part = en.DAY_PARTS.get(words(m["part"]), "")
    offset = {"this": 0, "last": -1}.get(word, _RELATIVE_DAYS.get(word, 0))
    if word == "tonight":
        part = "NI"
    if word in ("last", "this") and not part:
        return _NOT_A_DATE
    if m["before"]:
        offset += -1 if "before" in words(m["before"]) else 1
    mod = mod_of(m["mod"]) if words(m["mod"]) in ("early", "late", "mid") else None
    if words(m["mod"]).startswith("mid"):
        part = part or "AF"
    if ctx.ref is None:
        value = "XXXX-XX-XX" + (f"T{part}" if part else "")
        return (unanchored(_TIME if part else _DATE, value, Precision.DAY, mod),)
    value = cal.day_value(ctx.ref + dt.timedelta(days=offset))
    if part:
        return (relative(_TIME, f"{value}T{part}", Precision.TIME, mod),)
    return (relative(_DATE, value, Precision.DAY, mod),)


_FROM_PRIOR: Final = {"the previous": -1, "the preceding": -1, "the following": 1}


def _weekday_from_prior(weekday: int, ctx: Context, shift: int, part: str) -> Norm:
    """ "the previous Friday", "the following Monday": counted from the day the text last named
    (from the publication date when it named none)."""
    assert ctx.ref is not None
    base = _prior_day(ctx.prior, "day") if len(ctx.prior) == 10 else None
    day = cal.resolve_weekday(weekday, base or ctx.ref, cal.Tense.UNKNOWN, shift)
    anchoring = Anchoring.NEARBY if base is not None else Anchoring.PUBLICATION
    if part:
        return relative(_TIME, f"{day.isoformat()}T{part}", Precision.TIME, anchoring=anchoring)
    return relative(_DATE, day.isoformat(), Precision.DAY, anchoring=anchoring)


_ADVERB_FOLLOWERS: Final = (
    "in|on|at|to|from|and|or|but|as|after|before|when|while|with|by|for|near|into|amid|"
    "across|along|around|outside|inside|off|out|up|down|that|than|so|because|despite"
)
_NOUN_AFTER: Final = re.compile(rf"[ \t]+(?!(?:{_ADVERB_FOLLOWERS})\b)[a-z]")


def _overnight(m: re.Match[str], ctx: Context) -> tuple[Norm, ...]:
    """ "four more died overnight": the night before the publication day (the coming one in
    a clause about the future). As an adjective ("an overnight stay") it names no night."""
    if _NOUN_AFTER.match(ctx.text, m.end()):
        return _NOT_A_DATE
    if ctx.ref is None:
        return (unanchored(_TIME, "XXXX-XX-XXTNI", Precision.TIME),)
    ahead = cal.tense_around(ctx.text, m.start(), m.end()) is cal.Tense.FUTURE
    night = ctx.ref if ahead else ctx.ref - dt.timedelta(days=1)
    return (relative(_TIME, f"{night.isoformat()}TNI", Precision.TIME),)


def _day_part(m: re.Match[str], ctx: Context) -> tuple[Norm, ...]:
    """ "by mid-afternoon", "in the late evening": that part of the day last named (of the
    publication date when the text named none)."""
    part = en.DAY_PARTS[words(m["part"])]
    mod = mod_of(m["mod"]) if words(m["mod"]) != "mid" else None
    base = _prior_day(ctx.prior, "day") if len(ctx.prior) == 10 else None
    if base is None and ctx.ref is None:
        return (unanchored(_TIME, f"XXXX-XX-XXT{part}", Precision.TIME, mod),)
    anchoring = Anchoring.NEARBY if base is not None else Anchoring.PUBLICATION
    day = base or ctx.ref
    assert day is not None
    return (relative(_TIME, f"{day.isoformat()}T{part}", Precision.TIME, mod, anchoring=anchoring),)


def _weekday(m: re.Match[str], ctx: Context) -> tuple[Norm, ...]:
    """ "Friday", "last Tuesday", "Wednesday night": the day the tense around it points to."""
    if not _capitalised(m["wd"]):
        return _NOT_A_DATE
    if (
        not m["part"]
        and not m["rel"]
        and _FOLLOWING_NOUN.match(ctx.text, m.end())
        and not _ON_BEFORE.search(ctx.text, max(0, m.start() - 4), m.start())
    ):
        follower = ctx.text[m.end() :].split(None, 1)[0] if ctx.text[m.end() :].strip() else ""
        if words(follower).rstrip(".,") not in en.MONTHS:
            return _NOT_A_DATE
    weekday = en.WEEKDAYS[words(m["wd"])]
    rel = words(m["rel"])
    part = en.DAY_PARTS.get(words(m["part"]), "")
    mod = mod_of(m["mod"]) if words(m["mod"]) in ("early", "late") else None
    if ctx.ref is None:
        value = f"XXXX-WXX-{weekday}" + (f"T{part}" if part else "")
        return (unanchored(_TIME if part else _DATE, value, Precision.DAY, mod),)
    shift = {"last": -1, "past": -1, "this past": -1, "next": 1, "this coming": 1}.get(rel, 0)
    if rel in _FROM_PRIOR:
        return (_weekday_from_prior(weekday, ctx, _FROM_PRIOR[rel], part),)
    tense = cal.tense_around(ctx.text, m.start(), m.end())
    if ctx.text.startswith(("'s", "’s"), m.end()):
        tense = cal.Tense.PAST  # "Wednesday's ruling": something that has happened
    if rel in ("coming", "this"):
        tense = cal.Tense.FUTURE if rel == "coming" else tense
    day = cal.resolve_weekday(weekday, ctx.ref, tense, shift)
    trim = m.start("wd") - m.start() if words(m["mod"]) in ("earlier", "later") else 0
    if part:
        norm = relative(_TIME, f"{day.isoformat()}T{part}", Precision.TIME, mod)
    else:
        norm = relative(_DATE, day.isoformat(), Precision.DAY, mod)
    return (replace(norm, trim_start=trim),)


def _holiday(m: re.Match[str], ctx: Context) -> tuple[Norm, ...]:
    """ "Christmas", "last Thanksgiving": the occurrence the tense points to.

    "Last" is the latest one before the reference date and "next" the first one after it;
    a bare holiday is placed like a year-less month ("was found on Thanksgiving Day" in a
    January article is last November's).
    """
    month, day = en.HOLIDAYS[words(m["h"])]
    if ctx.ref is None:
        value = f"XXXX-{month:02d}-{day:02d}" if day else f"XXXX-{month:02d}"
        return (unanchored(_DATE, value, Precision.DAY if day else Precision.MONTH),)

    def on(year: int) -> dt.date:
        return cal.thanksgiving(year) if day == 0 else dt.date(year, month, day)

    rel = words(m["rel"])
    if rel == "last":
        year = ctx.ref.year if on(ctx.ref.year) < ctx.ref else ctx.ref.year - 1
    elif rel == "next":
        year = ctx.ref.year if on(ctx.ref.year) > ctx.ref else ctx.ref.year + 1
    elif rel == "this":
        year = ctx.ref.year
    else:
        tense = cal.tense_around(ctx.text, m.start(), m.end())
        year = cal.resolve_year(month, ctx.ref, tense)
    return (relative(_DATE, on(year).isoformat(), Precision.DAY),)


def _stamp(m: re.Match[str], ctx: Context) -> tuple[Norm, ...]:
    """ "2155: Kedar from India writes": the entry time of a live blog, on the blog's day."""
    if m.start() not in ctx.stamps:
        return _NOT_A_DATE
    clock = f"T{m['h']}:{m['mi']}"
    if ctx.ref is None:
        return (unanchored(_TIME, "XXXX-XX-XX" + clock, Precision.TIME),)
    return (relative(_TIME, ctx.ref.isoformat() + clock, Precision.TIME),)


_WEEKDAY_AFTER_BRACKET: Final = re.compile(
    rf"(?: ?\([^()\n]{{1,24}}\))?\)? (?:on )?({g.alt(_FULL_WEEKDAY_NAMES)})(?!\w)"
)
_HIGH_BEFORE: Final = re.compile(r"\bhigh[ -]$", re.IGNORECASE)
_CLOCK_CUE: Final = re.compile(
    r"(?:^|\n|\b(?:at|from|until|till|by|around|about|before|after|since|to|and|on)\s+)$",
    re.IGNORECASE,
)
"""What may stand before a 24-hour "19:52" for it to be a time of day: a preposition of time
or the start of a line (a live-blog entry)."""


def _time(m: re.Match[str], ctx: Context) -> tuple[Norm, ...]:
    """ "5 p.m. EST Nov. 9", "noon Saturday", "around 7:15 p.m.": a clock time on a day."""
    clock = words(m["clock"])
    if clock == "noon" and _HIGH_BEFORE.search(ctx.text, max(0, m.start() - 6), m.start()):
        return _NOT_A_DATE  # "High Noon", "high noon for the alliance": an idiom
    if clock in ("noon", "midday"):
        hh, mi = 12, 0
    elif clock == "midnight":
        hh, mi = 24, 0
    elif m["h24"]:
        hh, mi = int(m["h24"]), int(m["mi24"])
    elif m["hc"]:
        at = m.start("clock")
        cued = _CLOCK_CUE.search(ctx.text, max(0, at - 8), at)
        if not (m["zone"] or m["approx"] or at in ctx.stamps or cued):
            return _NOT_A_DATE  # "a 3:25 mile", "John 3:16", "a 2:1 vote": not times of day
        hh, mi = int(m["hc"]), int(m["mic"])
    else:
        hh, mi = int(m["h"]), int(m["mi"] or 0)
        pm = words(m["ap"]).startswith("p")
        if hh > 12 or hh == 0:
            return _NOT_A_DATE
        hh = (hh % 12) + (12 if pm else 0)
    mod = Mod.APPROX if m["approx"] else None
    day, inferred = _clock_day(m, ctx)
    if day is None:
        return (unanchored(_TIME, f"XXXX-XX-XXT{hh:02d}:{mi:02d}", Precision.TIME, mod),)
    value = f"{day.isoformat()}T{hh:02d}:{mi:02d}"
    return (
        Norm(
            type=_TIME,
            value=value,
            precision=Precision.TIME,
            mod=mod,
            inferred=inferred,
            anchoring=Anchoring.PUBLICATION if inferred else Anchoring.EXPLICIT,
        ),
    )


def _clock_day(m: re.Match[str], ctx: Context) -> tuple[dt.date | None, bool]:
    """The day a clock time is on (None when it cannot be placed) and whether it was inferred:
    the day written after it, else the publication date."""
    day: dt.date | None = ctx.ref
    inferred = True
    weekday = m["wd"]
    if not (weekday or m["md"] or m["dm"] or m["rd"]):
        # "10:35 a.m. (0735 GMT) Friday": the day after a bracketed other zone, kept out of span
        after = _WEEKDAY_AFTER_BRACKET.match(ctx.text, m.end())
        weekday = after.group(1) if after else None
    if weekday and ctx.ref is not None:
        tense = cal.tense_around(ctx.text, m.start(), m.end())
        day = cal.resolve_weekday(en.WEEKDAYS[words(weekday)], ctx.ref, tense)
    elif m["md"] or m["dm"]:
        month, year = (m["mo"], m["ty"]) if m["md"] else (m["mo2"], m["ty2"])
        number = day_of(m["d"] or m["d2"])
        resolved = _month_day(month_of(month), number, year_of(year) if year else None, m, ctx)
        placed = resolved is not _INVALID and resolved.anchoring is not Anchoring.NONE
        day = dt.date.fromisoformat(resolved.value) if placed else None
        inferred = resolved.inferred
    elif m["rd"] and ctx.ref is not None:
        day = ctx.ref + dt.timedelta(days=_RELATIVE_DAYS[words(m["rd"])])
    return day, inferred


# --------------------------------------------------------------------------------------------
# Durations, sets and vague references

_TIME_UNITS: Final = {"S": "S", "MIN": "M", "H": "H"}
_DATE_UNITS: Final = {"D": "D", "W": "W", "M": "M", "Q": "Q", "Y": "Y", "DE": "E", "CE": "C"}
_PREPOSITION_BEFORE: Final = re.compile(
    r"\b(?:for|in|over|within|after|of|lasting|took|takes|spent|spend|about)\s+$", re.IGNORECASE
)
_AGE_AFTER: Final = re.compile(r"\s+old\b|-old\b")
"""Ages ("a 6-year-old", "52 years old") are not durations a chronology or TimeML wants."""
_SET_CUE_BEFORE: Final = re.compile(
    r"(?:\d|\b(?:once|twice|times|percent|million|billion|thousand|hundred|dollars?|cents?))"
    r"[\s,]*$",
    re.IGNORECASE,
)


_SMALLER: Final = {
    "Y": ("M", 12),
    "M": ("D", 30),
    "D": ("H", 24),
    "H": ("MIN", 60),
    "MIN": ("S", 60),
    "W": ("D", 7),
}


def duration_value(unit: str, n: float | None) -> str:
    """``P3Y``, ``PT2H``, ``PXD``, ``P2Y6M`` from an internal unit code and a quantity."""
    if unit == "FN":
        return f"P{format_quantity(None if n is None else 2 * n)}W"
    if unit == "DE":
        return f"P{format_quantity(None if n is None else 10 * n)}Y"
    if n is not None and n != int(n) and unit in _SMALLER:
        small, factor = _SMALLER[unit]
        whole, rest = int(n), round((n - int(n)) * factor)
        head = duration_value(unit, whole) if whole else ("PT" if unit in _TIME_UNITS else "P")
        tail = duration_value(small, rest).lstrip("PT")
        if small in _TIME_UNITS and "T" not in head:
            tail = "T" + tail
        return head + tail
    if unit in _TIME_UNITS:
        return f"PT{format_quantity(n)}{_TIME_UNITS[unit]}"
    return f"P{format_quantity(n)}{_DATE_UNITS[unit]}"


_ONE_MORE: Final = ("an additional", "another", "an extra", "a further", "a full")


def _not_a_duration(m: re.Match[str], ctx: Context) -> bool:
    """Ages, bare singular units, "a second attack", compounds such as "a year-earlier"."""
    unit = en.UNITS[words(m["unit"])]
    quantity, raw, suffix = words(m["q"]), words(m["n"]), words(m["suffix"])
    if not raw and not m["plural"] and quantity not in _ONE_MORE and suffix != "-long":
        return True
    if suffix == "-old" or _AGE_AFTER.match(ctx.text, m.end()):
        return True
    if not raw and not quantity and not suffix:
        before = ctx.text[max(0, m.start() - 12) : m.start()]
        if not _PREPOSITION_BEFORE.search(before):
            return True
    if raw in ("a", "an", "one", "per") and unit == "S":
        return bool(_PLAIN_WORD_AFTER.match(ctx.text, m.end()))
    return ctx.text.startswith("-", m.end())


def _duration(m: re.Match[str], ctx: Context) -> tuple[Norm, ...]:
    """ "two years", "the past six months", "a 16-hour", "several weeks", "736 a year" (a SET)."""
    if _not_a_duration(m, ctx):
        return _NOT_A_DATE
    unit = en.UNITS[words(m["unit"])]
    quantity, raw = words(m["q"]), words(m["n"])
    if raw in ("a", "an") and not quantity:
        before = ctx.text[max(0, m.start() - 24) : m.start()]
        if _SET_CUE_BEFORE.search(before):
            return (vague(_SET, duration_value(unit, 1)),)
        if words(m["suffix"]) == "-long":
            # "a day-long strike": the article belongs to the noun, not to the duration
            trim = m.start("unit") - m.start()
            return (replace(vague(_DURATION, duration_value(unit, 1)), trim_start=trim),)
    trim = _determiner_trim(m, quantity, raw)
    if trim:
        return (replace(vague(_DURATION, duration_value(unit, number(raw))), trim_start=trim),)
    n = number(raw) if raw else (1.0 if quantity in _ONE_MORE or not m["plural"] else None)
    if m["half"] and n is not None:
        n += 0.5
    if raw == "the" or (raw and n is None and raw not in en.VAGUE_QUANTITIES):
        n = None
    if quantity in ("recent", "the recent", "past", "the past") and not raw and unit == "Y":
        return (vague(_DATE, "PAST_REF"),)
    if quantity == "these" and not raw and unit == "D":
        return (vague(_DATE, "PRESENT_REF"),)  # "these days" is now, not a number of days
    return (vague(_DURATION, duration_value(unit, n)),)


_DETERMINERS: Final = frozenset({"the", "its", "their", "these", "those", "his", "her", "our"})


def _determiner_trim(m: re.Match[str], quantity: str, raw: str) -> int:
    """How far a determiner of an adjectival duration stays outside the span: 0 when none.

    "the 14-day waiting period", "its two-year plan", "the two day rally": a number joined to
    a singular unit qualifies the noun after it, and the determiner belongs to that noun, as
    with "a third-quarter loss". Plural units ("the nine months") keep their article.
    """
    if quantity not in _DETERMINERS or not raw or m["plural"] or m["suffix"]:
        return 0
    n = number(raw)
    if n is None or (n <= 1 and m.string[m.end("n") : m.start("unit")] != "-"):
        return 0
    return m.start("n") - m.start()


def _half_unit(m: re.Match[str], ctx: Context) -> tuple[Norm, ...]:
    unit = en.UNITS[words(m["unit"])]
    values = {"H": "PT30M", "D": "PT12H", "Y": "P6M", "CE": "P50Y", "M": "P2W", "MIN": "PT30S"}
    return (vague(_DURATION, values.get(unit, duration_value(unit, 0.5))),)


_TITLE_WORD_AFTER: Final = re.compile(r"[ \t]+(?:[A-Z][a-z]|[A-Z]{2})")
"""A capitalised word right after a capitalised frequency word makes a title ("Daily Mail")."""


def _set(m: re.Match[str], ctx: Context) -> tuple[Norm, ...]:
    """ "daily", "every Monday", "each year", "Tuesday nights": recurring times."""
    if m["sw"]:
        if m["sw"][:1].isupper() and _TITLE_WORD_AFTER.match(ctx.text, m.end()):
            return _NOT_A_DATE  # "the Daily Telegraph", "Weekly Standard": a title
        return (vague(_SET, en.SETS[words(m["sw"])]),)
    part = en.DAY_PARTS.get(words(m["part"]), "")
    if m["wd"]:
        value = f"XXXX-WXX-{en.WEEKDAYS[words(m['wd'])]}" + (f"T{part}" if part else "")
        return (vague(_SET, value),)
    if m["m"]:
        return (vague(_SET, f"XXXX-{month_of(m['m']):02d}"),)
    if part:
        return (vague(_SET, f"XXXX-XX-XXT{part}"),)
    unit = en.UNITS[words(m["unit"])]
    n = number(m["n"]) if m["n"] else 1.0
    if words(m["other"]):
        n = 2.0 * (n or 1.0)
    return (vague(_SET, duration_value(unit, n)),)


def _weekday_plural(m: re.Match[str], ctx: Context) -> tuple[Norm, ...]:
    if not _capitalised(m["wd"]):
        return _NOT_A_DATE
    part = en.DAY_PARTS.get(words(m["part"] or m["part2"]), "")
    value = f"XXXX-WXX-{en.WEEKDAYS[words(m['wd'])]}" + (f"T{part}" if part else "")
    return (vague(_SET, value),)


def _ref(m: re.Match[str], ctx: Context) -> tuple[Norm, ...]:
    """ "now", "recently", "the future": vague references, never placed in a chronology."""
    word = words(m["ref"])
    if word == "future" and not re.match(r"\s+[a-z]", ctx.text[m.end() : m.end() + 3]):
        return _NOT_A_DATE
    return (vague(_DATE, en.REFS[word]),)


# --------------------------------------------------------------------------------------------
# The rule table


def _two_quarters(m: re.Match[str], _ctx: Context) -> tuple[Norm, ...]:
    """ "the first two quarters of 1990": a named half of that year, like "the first half"."""
    half = 1 if words(m["end"]) == "first" else 2
    return (explicit(_DATE, f"{year_of(m['y'])}-H{half}", Precision.HALF),)


def _rule(name: str, pattern: str, handler: Handler) -> Rule:
    """Compile a rule; every rule starts at a word boundary ("now" is not in "know")."""
    return Rule(name, re.compile(rf"(?<!\w)(?:{g.spaced(pattern)})", re.IGNORECASE), handler)


_ZONES: Final = "EST|EDT|CST|CDT|MST|MDT|PST|PDT|GMT|UTC|BST|CET|CEST|ET|local time|hours|hrs|Zulu"
"""Time zones and the "hours" of a 24-hour clock: after four figures they make a time of day
("1930 GMT", "0600 hours"), never a year."""
_WD = g.weekday("wd")
_MOD = g.modifier("mod")
_Y = g.year("y")
_DAY_REF = (
    rf"(?:,?(?: on)? (?:(?P<wd>{g.alt(en.WEEKDAYS)})(?!\w)"
    rf"|(?P<md>{g.month('mo')} {g.day('d')}(?:,? {g.year('ty')})?(?!\w))"
    rf"|(?P<dm>{g.day('d2')} (?:of )?{g.month('mo2')}(?:,? {g.year('ty2')})?(?!\w))"
    r"|(?P<rd>today|yesterday|tomorrow)))"
)
"""The day a clock time is on: "5 p.m. EST Nov. 9", "at 4:13 pm on 28 May 2010"."""

RULES: Final = (
    _rule(
        "iso",
        r"(?<![\w-])(?P<y>\d{4})-(?P<mo>\d\d)-(?P<d>\d\d)(?:T(?P<hh>\d\d):(?P<mi>\d\d))?(?![\w-])",
        _iso,
    ),
    _rule(
        "numeric",
        r"(?<![\w/.,-])(?P<a>\d{1,2})(?P<sep>[/.])(?P<b>\d{1,2})(?P=sep)(?P<y>\d{4}|\d\d)"
        r"(?![\w/]|[.,]\d)",
        _numeric,
    ),
    _rule(
        "time",
        r"(?:(?P<approx>around|about|approximately|roughly|shortly after|shortly before) )?"
        r"(?P<clock>(?P<h>[012]?\d)(?:[:.](?P<mi>[0-5]\d))? ?(?P<ap>a\.m\.|p\.m\.|am|pm)(?!\w)"
        rf"|(?<![\d.,:])(?P<h24>[01]\d|2[0-3])(?P<mi24>[0-5]\d)(?= ?(?:{_ZONES})(?!\w))"
        r"|(?<![\d.,:])(?P<hc>[01]?\d|2[0-3]):(?P<mic>[0-5]\d)(?![\d:]|[.,]\d| ?[ap]\.?m\b)"
        r"|noon|midnight|midday)"
        rf"(?: ?(?P<zone>{_ZONES})(?!\w))?"
        rf"{_DAY_REF}?",
        _time,
    ),
    _rule(
        "day_range",
        rf"(?:{g.month('m')} {g.day('d')} ?(?:–|-|to|through|until) ?{g.day('d2')}"
        rf"|{g.day('d3')} ?(?:–|-|to|and|until) ?{g.day('d4')} (?:of )?{g.month('m2')})"
        rf"(?:,? {_Y})?(?!\w)",
        _day_range,
    ),
    _rule(
        "mdy",
        rf"(?:(?P<approx>around|about|approximately|roughly|circa|on or about) )?"
        rf"(?:{_WD},? )?{g.month('m')} (?:the )?{g.day('d')}(?:,? {_Y}"
        r"|,? (?P<rely>last|this|next) year)?(?!\w)",
        _mdy,
    ),
    _rule(
        "dmy",
        rf"(?:{_WD},? )?(?:the )?{g.day('d')} (?:of )?{g.month('m')}(?:,? {_Y}"
        r"|,? (?P<rely>last|this|next) year(?!\w))?",
        lambda m, ctx: (
            _one(
                _month_day(
                    month_of(m["m"]), day_of(m["d"]), year_of(m["y"]) if m["y"] else None, m, ctx
                )
            )
            if _capitalised(m["m"])
            else _NOT_A_DATE
        ),
    ),
    _rule(
        "month_year",
        rf"{_MOD}(?:the month of )?{g.month('m')},? "
        rf"(?:(?:of )?{_Y}(?!\w)|(?P<rel>this|last|next) year(?!\w))",
        _month_year,
    ),
    _rule(
        "year_range",
        rf"{g.year('y', range_start=True)}(?:–|—|-|/)(?P<y2>(?:1\d|20)\d\d|\d\d)(?![\w%]|-\d)",
        _year_range,
    ),
    _rule(
        "decade",
        rf"(?:the )?{_MOD}(?:the )?(?:(?P<c>1\d|20)(?P<d>\d)0['’]?s|['’](?P<d2>\d)0s"
        r"|(?P<w>twenties|thirties|forties|fifties|sixties|seventies|eighties|nineties))(?!\w)",
        _decade,
    ),
    _rule(
        "century",
        rf"(?:the )?{_MOD}(?:(?P<n>\d{{1,2}})(?:st|nd|rd|th)|(?P<o>{g.ORDINAL}))~century(?!\w)",
        _century,
    ),
    _rule(
        "quarter",
        r"(?:(?P<det>the|its|a|an|this|that|their|his|her|our) )?"
        r"(?:(?P<poss>this|last|next) year's )?"
        r"(?:(?:fiscal|year-ago|year-earlier|comparable|latest|current|flat|same)~)*"
        rf"(?:{g.year('qy')} )?(?:fiscal~)?"
        r"(?:(?P<ord>first|second|third|fourth|1st|2nd|3rd|4th|(?:last|latter)(?=~half))~(?:fiscal~)?"
        r"(?P<unit>quarter|half)(?!\w)"
        rf"(?:,? (?:of )?(?:fiscal )?{g.year('qy2')}| (?P<rel>this|last|next) year)?"
        r"|(?P<qq>Q[1-4])(?:,? (?P<qy3>(?:19|20)\d\d))?(?!\w))",
        lambda m, ctx: _ordinal_quarter(m, ctx) if not m["qy3"] else _q_year(m),
    ),
    _rule(
        "two_quarters",
        r"the (?P<end>first|second|last|final) two quarters,? (?:of |in )?(?:fiscal )?"
        rf"{g.year('y')}",
        _two_quarters,
    ),
    _rule(
        "quarter_relative",
        r"(?P<det>the|its|this|that|last|next|a) "
        rf"(?:(?:{g.QUARTER_ADJECTIVE})~)*(?:{g.year('qy')} )?(?P<unit>quarter|period)(?!\w)"
        rf"(?: (?:last year|a year ago|a year earlier|of {g.year('qy2')}))?",
        _relative_quarter,
    ),
    _rule(
        "ago",
        rf"(?:(?P<q>about|nearly|almost|roughly|some|more than|less than|over|just|only|"
        rf"approximately|around|barely) )?(?P<n>{g.NUMBER}) {g.UNIT}"
        r"(?P<dir> ago| earlier| later| from now| hence| back)(?!\w)",
        _ago,
    ),
    _rule(
        "relative_unit",
        r"(?:(?P<mod>earlier|later|early|late|mid|the end of|the beginning of|the start of|"
        r"the middle of|the close of|end of|the rest of|the remainder of|around)(?:-| ))?"
        r"(?:(?P<rel>this coming|this past|this|last|next|the|that same|that|the same)"
        r"|the (?P<rel2>past|coming|current|previous|following|preceding|next|last))"
        r"(?: fiscal)?(?: calendar)? (?P<unit>year|month|week|weekend|decade|century|quarter|day)"
        r"(?!\w|-)"
        r"|(?P<mod2>earlier|later|early|late) in the (?P<unit2>year|month|week)(?!\w)",
        lambda m, ctx: _relative_unit_dispatch(m, ctx),
    ),
    _rule(
        "season",
        rf"{_MOD}(?:(?P<the>the) )?(?:(?P<rel>this coming|this past|this|last|next|past|coming) )?"
        rf"(?P<season>{g.SEASON})(?!\w)(?:(?: of)? {_Y}(?!\w))?",
        _season,
    ),
    _rule(
        "relative_day",
        r"(?:(?P<mod>early|late|earlier|later|mid~afternoon|mid) )?"
        r"(?:(?P<before>the day before|the day after) )?"
        r"(?P<rd>today|yesterday|tomorrow|tonight|this|last)(?!\w)"
        r"(?: (?P<part>morning|afternoon|evening|night))?(?!\w)",
        _relative_day,
    ),
    _rule("overnight", r"overnight(?!\w|-)", _overnight),
    _rule(
        "day_part",
        r"(?P<mod>early|late|mid)~(?P<part>morning|afternoon|evening)(?!\w)",
        _day_part,
    ),
    _rule(
        "weekday",
        r"(?:(?P<mod>early|late|earlier|later|mid) )?"
        r"(?:(?P<rel>this coming|this past|last|this|next|past|coming|the previous|"
        r"the preceding|the following) )?"
        rf"{_WD}(?!\w)(?: (?P<part>morning|afternoon|evening|night|overnight)(?!\w))?",
        _weekday,
    ),
    _rule(
        "weekday_plural",
        rf"{_WD}(?:s(?: (?P<part>morning|afternoon|evening|night)s?)?"
        r"| (?P<part2>morning|afternoon|evening|night)s)(?!\w)",
        _weekday_plural,
    ),
    _rule("holiday", rf"(?:(?P<rel>last|this|next) )?(?P<h>{g.HOLIDAY})(?!\w)", _holiday),
    _rule(
        "month",
        rf"{_MOD}(?:(?P<rel>this coming|this past|last|this|next|past|coming) )?{g.month('m')}",
        _month,
    ),
    _rule("stamp", r"(?P<h>[01]\d|2[0-3])(?P<mi>[0-5]\d)(?=:? )", _stamp),
    _rule(
        "year",
        rf"{_MOD}(?:(?P<fy>fiscal|the year|calendar|FY|the fiscal year|fiscal year) ?)?{_Y}",
        _year,
    ),
    _rule(
        "year_2000",
        r"the year two thousand(?: and (?P<u>one|two|three|four|five|six|seven|eight|nine))?"
        r"(?!\w)",
        _spelled_2000,
    ),
    _rule(
        "fiscal_year",
        # "ended"/"ending" introduce the period's last day, a TIMEX of its own: outside the span
        r"the (?P<kind>fiscal |full |calendar )?year"
        r"(?=(?P<ended> (?:that )?(?:ended|ending|to))?[\s,.;])",
        _fiscal_year,
    ),
    _rule(
        "year_end",
        r"(?P<rel>(?:this|last|next) )?(?:year-end|year end|year's end)(?!\w)",
        _year_end,
    ),
    _rule("year_ago_adjective", r"(?:the )?(?:year-earlier|year-ago)(?!\w)", _year_ago_adjective),
    _rule(
        "half",
        r"(?:(?:about|nearly|almost|more than|less than|at least|over) )?half (?:an|a) "
        r"(?P<unit>hour|day|year|century|month|minute)(?!\w)",
        _half_unit,
    ),
    _rule(
        "set",
        rf"(?P<sw>{g.SET_WORD})(?!\w)|(?:every|each|per) (?P<other>other )?"
        rf"(?:(?P<n>{g.NUMBER}) )?(?:{g.UNIT}|{_WD}(?!\w)|{g.month('m')}"
        r"|(?P<part>morning|afternoon|evening|night)(?!\w))",
        _set,
    ),
    _rule(
        "duration",
        rf"(?:(?P<q>{g.QUANTIFIER}) )?(?:(?P<n>{g.NUMBER})~)?"
        r"(?:(?:more|additional|extra|further|trading|business|working|calendar|straight|"
        r"consecutive|full) )?"
        rf"{g.UNIT}(?P<half> and a half)?(?P<suffix>-(?:long|old))?",
        _duration,
    ),
    _rule("ref", rf"(?P<ref>{g.REF_WORD})(?!\w)", _ref),
)
"""Every English rule, most specific first."""

DIGIT_RULES: Final = frozenset(
    {
        "iso",
        "numeric",
        "time",
        "dmy",
        "day_range",
        "year_range",
        "decade",
        "century",
        "quarter",
        "ago",
    }
    | {"duration", "year", "set", "stamp"}
)
"""Rules whose expressions may start with a figure ("17 September", "1990s", "'90s")."""


def _q_year(m: re.Match[str]) -> tuple[Norm, ...]:
    n = int(m["qq"][1])
    return (explicit(_DATE, f"{m['qy3']}-Q{n}", Precision.QUARTER),)


def _relative_unit_dispatch(m: re.Match[str], ctx: Context) -> tuple[Norm, ...]:
    if m["unit2"]:
        if ctx.ref is None:
            value, precision = _UNANCHORED_UNIT[words(m["unit2"])]
            return (unanchored(_DATE, value, precision),)
        found = _unit_value(words(m["unit2"]), ctx.ref, 0)
        assert found is not None
        return (relative(_DATE, found[0], found[1], mod_of(m["mod2"])),)
    if m["rel2"]:
        return _relative_unit_named(m, ctx, words(m["rel2"]))
    return _relative_unit(m, ctx)


def _relative_unit_named(m: re.Match[str], ctx: Context, rel: str) -> tuple[Norm, ...]:
    unit = words(m["unit"])
    if ctx.ref is None:
        value, precision = _UNANCHORED_UNIT[unit]
        return (unanchored(_DATE, value, precision, mod_of(m["mod"])),)
    if rel in ("past", "last") and unit == "decade":
        return (vague(_DURATION, "P10Y"),)
    if rel == "current":
        shift = 0
    elif rel in ("past", "previous", "preceding", "last"):
        shift = -1
    else:
        shift = 1
    if unit == "quarter" and rel == "current":
        shift = 0
    found = _unit_value(unit, ctx.ref, shift)
    assert found is not None
    anchoring = Anchoring.PUBLICATION
    base = _prior_day(ctx.prior, unit)
    if rel in ("following", "previous", "preceding") and base is not None:
        found = _unit_value(unit, base, shift)
        assert found is not None
        anchoring = Anchoring.NEARBY
    return (relative(_DATE, found[0], found[1], mod_of(m["mod"]), anchoring=anchoring),)


RULES_BY_NAME: Final = {rule.name: rule for rule in RULES}
"""English rules by name, for grammars that share the language-neutral ones (ISO dates)."""


def unit_value(unit: str, ref: dt.date, shift: int) -> tuple[str, Precision]:
    """The calendar ``unit`` ("year", "month", "week", "day") holding ``ref``, ``shift`` away."""
    found = _unit_value(unit, ref, shift)
    assert found is not None, unit
    return found


def unanchored_unit(unit: str) -> tuple[str, Precision]:
    """The TIMEX3 value of a calendar unit whose position is unknown ("XXXX-WXX")."""
    return _UNANCHORED_UNIT[unit]


year_rule_handler: Final = _year
"""The year handler (amounts, codes and counts are not years), shared with other grammars."""
