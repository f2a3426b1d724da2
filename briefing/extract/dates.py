"""The temporal tagger: finds date, time, duration and set expressions in a text and
normalises them as TIMEX3 values with their calendar interval and how they were anchored.

Pure: the reference (publication) date is a parameter and the clock is never read. The text is
split into words once; at each word only the rules whose patterns contain it are tried, the
longest accepted reading wins, and the scan resumes after it.
"""

from __future__ import annotations

import datetime as dt
import itertools
import re
from collections.abc import Iterator, Mapping, Sequence
from dataclasses import dataclass, replace
from functools import lru_cache
from types import MappingProxyType
from typing import Final

from briefing.extract.dates_calendar import opens_sentence
from briefing.extract.dates_norm import Context, Norm
from briefing.extract.dates_rules import DIGIT_RULES, RULES, Rule
from briefing.model import Anchoring, DateMention, Precision, TimexType
from briefing.timex import interval

_TOKEN: Final = re.compile(r"\w+")
_WORD: Final = re.compile(r"[^\W\d_]+")
_SYNTAX: Final = re.compile(r"\(\?P<\w+>|\(\?P=\w+\)|\\[a-z]")
r"""Group names and escapes such as ``\s``: regex syntax, not words of the language."""
_NEVER_FIRST: Final = frozenset(
    {"in", "of", "to", "or", "and", "s", "t", "m", "p", "nd", "rd", "st", "th", "ended"}
    | {"ending", "for", "with", "on", "de", "en", "и", "à"}
)
"""Frequent words that occur inside expressions but never start one in any grammar: trying
every rule at each of them would only cost time."""


@dataclass(frozen=True, slots=True)
class Grammar:
    """A language's rules, indexed by the words an expression may start with.

    Scanning the text word by word and trying only the rules whose patterns contain that word
    is several times faster than one alternation of every rule tried at every position.
    """

    rules: tuple[Rule, ...]
    by_word: Mapping[str, tuple[int, ...]]
    """Lower-case word -> indexes of the rules whose pattern contains it (in priority order)."""
    by_digit: tuple[int, ...]
    """Indexes of the rules that may start with a figure."""


def build_grammar(rules: Sequence[Rule], digit_rules: frozenset[str]) -> Grammar:
    """Index ``rules`` (in priority order) by the literal words of their patterns."""
    index: dict[str, list[int]] = {}
    for i, rule in enumerate(rules):
        source = _SYNTAX.sub(" ", rule.pattern.pattern).lower()
        for word in (set(_WORD.findall(source)) - _NEVER_FIRST) | rule.starts:
            index.setdefault(word, []).append(i)
    digits = tuple(i for i, rule in enumerate(rules) if rule.name in digit_rules)
    frozen = MappingProxyType({w: tuple(ids) for w, ids in index.items()})
    return Grammar(tuple(rules), frozen, digits)


def languages() -> frozenset[str]:
    """The languages with date rules of their own (ISO 639-1 codes)."""
    from briefing.extract.lang.tables import TABLES

    return frozenset({"en", *TABLES})


@lru_cache(maxsize=16)
def grammar_for(language: str) -> Grammar:
    """The grammar of a language code. A language without rules of its own gets only the
    language-neutral ones (ISO and numeric dates, years): another language's words would
    misread it."""
    if language.lower()[:2] == "en":
        return build_grammar(RULES, DIGIT_RULES)
    from briefing.extract.lang import grammar as foreign

    rules = foreign.rules_for(language) or foreign.neutral_rules()
    return build_grammar(rules, foreign.DIGIT_RULES)


def _mention(text: str, start: int, end: int, norm: Norm) -> DateMention:
    first: dt.date | None = None
    last: dt.date | None = None
    if norm.anchoring is not Anchoring.NONE and norm.type in (TimexType.DATE, TimexType.TIME):
        span = interval(norm.value, norm.mod, norm.end_value)
        first, last = span.first, span.last
    anchoring = norm.anchoring
    if first is None and anchoring is not Anchoring.NONE:
        anchoring = Anchoring.NONE
    return DateMention(
        start=start,
        end=end,
        text=text[start:end],
        type=norm.type,
        value=norm.value,
        precision=norm.precision,
        mod=norm.mod,
        end_value=norm.end_value,
        first_day=first,
        last_day=last,
        anchoring=anchoring,
        inferred=norm.inferred,
        reason=norm.reason,
    )


def find_dates(
    text: str, *, reference: dt.date | None, language: str = "en"
) -> tuple[DateMention, ...]:
    """Every temporal expression of ``text``, sorted by start and non-overlapping.

    ``reference`` is the article's publication date; None means relative and year-less
    expressions stay unanchored (value ``XXXX-09-17``, no interval, a reason given).
    """
    grammar = grammar_for(language)
    ctx = Context(text=text, ref=reference, stamps=live_blog_stamps(text))
    found: list[DateMention] = []
    resume = 0
    for token in _TOKEN.finditer(text):
        pos = token.start()
        if pos < resume:
            continue
        first = token.group()
        if first[0].isdigit():
            candidates = grammar.by_digit
            if pos and text[pos - 1] in "'’":
                pos -= 1
        else:
            lower = first.lower()
            candidates = grammar.by_word.get(lower, ())
            if lower.endswith("s") and len(lower) > 3:  # "weeks", "Tuesdays": the singular's rules
                plural = grammar.by_word.get(lower[:-1], ())
                candidates = tuple(sorted({*candidates, *plural})) if plural else candidates
            if not candidates and lower[-1].isdigit():
                candidates = grammar.by_word.get(lower.rstrip("0123456789"), ())  # "Q3"
        if not candidates:
            continue
        for m, norms in _readings(grammar, candidates, text, pos, ctx):
            for norm in norms:
                start, shifted = _day_offset(
                    text, m.start() + norm.trim_start, _trusted(norm, reference)
                )
                if found and start < found[-1].end:
                    start, shifted = m.start() + norm.trim_start, norm
                mention = _mention(text, start, m.end() - norm.trim_end, shifted)
                found.append(mention)
                ctx = _remember(ctx, mention)
            resume = m.end()
            break
    return tuple(found)


_LINE_STAMP: Final = re.compile(r"^[ \t]*(\d\d)(\d\d)(?::? +(?=\S))", re.MULTILINE)
_ANY_STAMP: Final = re.compile(r"(?<![\w$£€#.,:/-])([01]\d|2[0-3])([0-5]\d): +(?=[A-Z\"“'‘])")
_BLOG_ENTRIES: Final = 3
"""A text is a live blog when at least this many lines open with a 24-hour time."""
_BLOG_GAP_MINUTES: Final = 45
"""...and the median step between consecutive entry times is at most this."""


def live_blog_stamps(text: str) -> frozenset[int]:
    """Offsets of the entry times of a live blog ("2155: Kedar writes", newest first).

    A line-opening "1952" is a year in a list of historical events ("1918: Spanish flu",
    "1957: Asian flu") and a time in a live blog. The blog's times are all valid 24-hour clock
    readings that run in one direction in small steps; a list of years jumps by decades and
    soon holds an impossible minute ("1968"). Once the text is a blog, the same "HHMM:" shape
    inside a line (entries run together when paragraphs are joined) is a time as well.
    """
    if not text[:1].isdigit() and "\n" not in text:
        return frozenset()
    heads = [(int(m.group(1)), int(m.group(2))) for m in _LINE_STAMP.finditer(text)]
    if len(heads) < _BLOG_ENTRIES or any(h > 23 or mi > 59 for h, mi in heads):
        return frozenset()
    minutes = [h * 60 + mi for h, mi in heads]
    steps = [b - a for a, b in itertools.pairwise(minutes)]
    if not (all(s <= 0 for s in steps) or all(s >= 0 for s in steps)):
        return frozenset()
    gaps = sorted(abs(s) for s in steps)
    if gaps[len(gaps) // 2] > _BLOG_GAP_MINUTES:
        return frozenset()
    inline = (m.start() for m in _ANY_STAMP.finditer(text))
    lines = (m.start(1) for m in _LINE_STAMP.finditer(text))
    return frozenset((*lines, *inline))


def _readings(
    grammar: Grammar, candidates: tuple[int, ...], text: str, pos: int, ctx: Context
) -> Iterator[tuple[re.Match[str], tuple[Norm, ...]]]:
    """Readings of the text at ``pos``: longest match first, then rule priority; only those
    whose handler accepts them (a rejected "May" lets a shorter rule try)."""
    matches = []
    for i in candidates:
        m = grammar.rules[i].pattern.match(text, pos)
        if m is not None and m.end() > pos:
            matches.append((-m.end(), i, m))
    matches.sort(key=lambda item: (item[0], item[1]))
    for _, i, m in matches:
        norms = tuple(n for n in grammar.rules[i].handler(m, ctx) if n.value != "INVALID")
        if norms:
            yield m, norms


_DAY_OFFSET: Final = re.compile(r"(?<![\w-])(?:the|a) day (before|after) $", re.IGNORECASE)
_FULL_DAY: Final = re.compile(r"\d{4}-\d\d-\d\d")


def _day_offset(text: str, start: int, norm: Norm) -> tuple[int, Norm]:
    """ "the day before last Tuesday's hearing": the day next to a date the text names.

    The phrase joins the date's span (TimeML annotates "the day before last Tuesday" as one
    expression) and moves it by one day; any other reading is returned unchanged.
    """
    if norm.type is not TimexType.DATE or not _FULL_DAY.fullmatch(norm.value):
        return start, norm
    m = _DAY_OFFSET.search(text, max(0, start - 16), start)
    if m is None:
        return start, norm
    delta = -1 if m.group(1).lower() == "before" else 1
    day = dt.date.fromisoformat(norm.value) + dt.timedelta(days=delta)
    return m.start(), replace(norm, value=day.isoformat())


_EARLIEST_INFERRED: Final = 1900
_LATEST_INFERRED_AHEAD: Final = 50
"""Inferred years outside 1900 .. publication year + 50 are not trusted (explicit ones are)."""
_FAR_YEAR: Final = re.compile(r"-?\d{4,}")
"""The year of a computed value, including one before year 0 ("-122976") or past 9999."""


def _trusted(norm: Norm, reference: dt.date | None) -> Norm:
    """A date computed rather than read ("570 years ago", "100 years hence") that lands before
    1900 or far after the publication is kept only as a vague past or future reference:
    arithmetic on a round number is no ground for a date that far away."""
    if reference is None or not norm.inferred:
        return norm
    far = _FAR_YEAR.match(norm.value)
    if far is None:
        return norm
    year = int(far.group())
    if _EARLIEST_INFERRED <= year <= reference.year + _LATEST_INFERRED_AHEAD:
        return norm
    return replace(
        norm,
        value="PAST_REF" if year < reference.year else "FUTURE_REF",
        precision=Precision.REF,
        anchoring=Anchoring.NONE,
        inferred=False,
        reason=f"an inferred date in {year} is too far from the publication to trust",
    )


_WRITTEN_YEAR: Final = re.compile(r"\d{4}(?:-(?:\d\d(?:-\d\d)?|Q\d|H\d|SP|SU|FA|WI))?")
"""Values of a date whose year the text wrote: "1918", "1918-04", "2001-09-11", "2009-Q3"."""


def _remember(ctx: Context, mention: DateMention) -> Context:
    """Keep the last anchored date (and quarter) for expressions such as "a year earlier",
    and the last year and the days the text wrote in full."""
    if mention.type is TimexType.TIME and mention.first_day is not None:
        # "dimanche après-midi ... vers 18 h 55 ... dans la nuit": the day of a time of day
        # is the day in focus for the times and parts of the day that follow
        day = mention.first_day.isoformat()
        return replace(ctx, prior=day, prior_day=day, prior_time=mention.value)
    if mention.type is not TimexType.DATE or mention.first_day is None:
        return ctx
    if mention.precision is Precision.DAY and mention.end_value is None:
        ctx = replace(ctx, prior_day=mention.value)
    if mention.anchoring is Anchoring.PUBLICATION and mention.inferred:
        ctx = replace(ctx, story_year=(-1, 0))  # "last week": the story is back to the present
    if (
        mention.anchoring is Anchoring.EXPLICIT
        and mention.end_value is None
        and _WRITTEN_YEAR.fullmatch(mention.value)
    ):
        if opens_sentence(ctx.text, mention.start):
            year = int(mention.value[:4])
            ctx = replace(ctx, focus_year=(mention.end, year), story_year=(mention.end, year))
        if mention.precision is Precision.DAY and mention.value not in ctx.known_days:
            ctx = replace(ctx, known_days=(*ctx.known_days, mention.value))
    if mention.precision is Precision.QUARTER:
        if mention.anchoring is Anchoring.NEARBY:
            return ctx  # "the year-ago quarter" is a comparison, not the period in focus
        return replace(ctx, prior=mention.value, prior_quarter=mention.value)
    if mention.precision in (Precision.YEAR, Precision.MONTH, Precision.DAY, Precision.HALF):
        return replace(ctx, prior=mention.value)
    return ctx
