"""Calendar arithmetic and tense cues that resolve relative dates against a reference date.

Pure functions of their arguments: the reference date is always passed in, never read from the
clock, so the same article gives the same dates on every machine.
"""

from __future__ import annotations

import calendar
import datetime as dt
import enum
import re
from typing import Final


class Tense(enum.Enum):
    """Which way a year-less or relative date leans, from the verbs around it."""

    PAST = "past"
    FUTURE = "future"
    UNKNOWN = "unknown"


_FUTURE_CUES: Final = re.compile(
    r"\b(?:will|won't|'ll|shall|going to|(?:is|are|be) (?:scheduled|planned|due|set)|"
    r"is to|are to|(?<!\bas )scheduled|plans? to|planned for|set to|intends? to|"
    r"(?<!\bas )expected to|due to|upcoming|next|coming|hopes? to|to be held|"
    r"as soon as|as early as|until|(?<!\bas )planned|planning|would|likely to|postponed|deadline|"
    r"(?:should|might|(?-i:may))(?!\s+(?:not\s+)?have\b))\b",
    re.IGNORECASE,
)
"""Words that put the clause in the future. "As scheduled" and "as planned" report that
something happened on time; a modal ("should be joined Sunday", "may resume Monday")
looks ahead unless it is perfect ("should have been stopped Friday"); "could" is as often
the past of "can" ("could not be reached Wednesday")."""
_PAST_CUES: Final = re.compile(
    r"\b(?:said|says|say|was|were|had|has|have|did|ago|last|earlier|since|reported|"
    r"announced|told|(?<!\bis )(?<!\bare )(?<!\bbe )"
    r"(?!(?:expected|scheduled|slated|poised)\s+(?:to|for)\b)(?-i:[a-z]+[a-df-z]ed)|"
    r"began|came|took|made|met|won|lost|fell|rose|left|held|gave|"
    r"went|saw|became|ran|spent|sold|bought|paid|got|hit|struck|killed|brought)\b",
    re.IGNORECASE,
)
_PLUPERFECT: Final = re.compile(r"\bhad\b[^.;]{0,20}$", re.IGNORECASE)
_CLAUSE_END: Final = re.compile(r"[.;!?\n]")


_PLAN_CUES: Final = re.compile(
    r"\b(?:payable|effective|expects?|expected|may|might|could|should|must|can|aims?|"
    r"seeks?|hopes?|plans?|intends?|through|extend|extends|extended)\b",
    re.IGNORECASE,
)
"""Words that put a date in a plan or a schedule even when the sentence also has a past verb
("declared a dividend, payable Jan. 2")."""
_SENTENCE_END: Final = re.compile(
    r"(?<!\b[A-Z])(?<!\bMr)(?<!\bMs)(?<!\bDr)(?<!\bSt)(?<!\bNo)(?<!\bCo)(?<!\bInc)(?<!\bCorp)"
    r"(?<!\bLtd)(?<!\bJan)(?<!\bFeb)(?<!\bMar)(?<!\bApr)(?<!\bJun)(?<!\bJul)(?<!\bAug)"
    r"(?<!\bSep)(?<!\bSept)(?<!\bOct)(?<!\bNov)(?<!\bDec)(?<!\bMrs)[.!?][\"'’”]?(?:\s+|$)|\n"
)


def same_sentence(text: str, start: int, end: int) -> bool:
    """Whether no sentence ends between offsets ``start`` and ``end`` of ``text``."""
    return start >= 0 and _SENTENCE_END.search(text, start, end) is None


_FRAME_OPENING: Final = re.compile(
    r"(?:[\"“‘'(]\s*)?(?:(?:in|on|by|during|through|until|from|at|as of|since|back in|"
    r"earlier in|later in|late in|early in)\s+)?(?:the\s+)?\s*$",
    re.IGNORECASE,
)


def opens_sentence(text: str, start: int) -> bool:
    """Whether the expression at ``start`` sets the time frame of its sentence: it is the
    sentence's first words, alone or after a preposition ("In 1918, ...", "On May 3, 2009,")."""
    lo = max(0, start - 200)
    cut = max((m.end() for m in _SENTENCE_END.finditer(text, lo, start)), default=lo)
    if cut == lo and lo > 0:
        return False
    return _FRAME_OPENING.fullmatch(text, cut, start) is not None


def settled_past(text: str, start: int, end: int) -> bool:
    """Whether the whole sentence around ``text[start:end]`` narrates the past.

    True when it has a past-tense cue and no cue of a plan, a schedule or a future anywhere:
    "Since KKR bought RJR in February" (in a November article) is this year's February, not
    the next one; "the dividend is payable Jan. 2" is not settled, whatever else was said.
    """
    lo = max(0, start - 200)
    before = text[lo:start]
    cut = max((m.end() for m in _SENTENCE_END.finditer(before)), default=0)
    after = text[end : end + 150]
    stop = _SENTENCE_END.search(after)
    sentence = before[cut:] + " " + after[: stop.start() if stop else len(after)]
    if _FUTURE_CUES.search(sentence) or _PLAN_CUES.search(sentence):
        return False
    return _PAST_CUES.search(sentence) is not None


_UNTIL: Final = re.compile(r"until|till\b", re.IGNORECASE)
_PLUPERFECT_AHEAD: Final = re.compile(r"\bhad\b", re.IGNORECASE)
_SCHEDULE_VERBS: Final = (
    "open|reopen|begin|start|resume|end|close|meet|arrive|leave|visit|travel|head|return|"
    "convene|expire|host|launch|vote|testify|hold|face|play|fly|go|take office|kick off"
)
_SCHEDULE_VERBS_S: Final = (
    "opens|reopens|begins|starts|resumes|ends|closes|meets|arrives|leaves|visits|travels|"
    "heads|returns|convenes|expires|hosts|launches|votes|testifies|holds|faces|plays|flies|"
    "goes|takes office|kicks off"
)
_PRESENT_PLAN: Final = re.compile(
    rf"\b(?:{_SCHEDULE_VERBS_S})(?:\s+\w+ly)?(?:\s+(?:on|until))?\s*$", re.IGNORECASE
)
"""A present-tense scheduling verb just before the date: in news it announces a plan ("the
plant reopens Tuesday", "the summit opens on Monday")."""
_PRESENT_PLAN_BASE: Final = re.compile(
    r"\b(?:they|we|both|leaders|ministers|negotiators|and(?:\s+[\w.'’]+){1,4})\s+"
    rf"(?:{_SCHEDULE_VERBS})(?:\s+\w+ly)?(?:\s+(?:on|until))?\s*$",
    re.IGNORECASE,
)
"""A plural subject with the base form: "He and Arafat meet separately Monday"."""


def _clause_after(text: str, end: int) -> str:
    after = text[end : end + 60]
    stop = _CLAUSE_END.search(after)
    return after[: stop.start()] if stop else after


_LEADS_AHEAD: Final = re.compile(
    r"\b(?:ahead of|starting|beginning|effective)(?:\s+(?:on|from|the|this|next))?\s*$",
    re.IGNORECASE,
)
"""A word right before the date that points forward from the time of the sentence: "ahead of
November elections", "starting Monday"."""


def tense_around(text: str, start: int, end: int) -> Tense:
    """The tense of the clause around ``text[start:end]``: the nearest tense cue wins.

    News writes "said Friday" for the past Friday and "will vote on Friday" for the next one;
    a cue before the expression counts first, then one after it in the same sentence.
    """
    if _LEADS_AHEAD.search(text, max(0, start - 24), start):
        return Tense.FUTURE
    lo = max(0, start - 80)
    before = text[lo:start]
    cut = max((m.end() for m in _CLAUSE_END.finditer(before)), default=0)
    before = before[cut:]
    best: tuple[int, Tense] | None = None
    for pattern, tense in ((_FUTURE_CUES, Tense.FUTURE), (_PAST_CUES, Tense.PAST)):
        for m in pattern.finditer(before):
            if best is None or m.start() > best[0]:
                best = (m.start(), tense)
    if best is not None:
        if best[1] is Tense.FUTURE and _PLUPERFECT.search(before, 0, best[0]):
            return Tense.PAST  # "had been scheduled to expire Friday": a plan in the past
        if best[1] is Tense.FUTURE and _UNTIL.match(before, best[0]):
            # "Until Thursday, they had not called him a suspect": the main clause decides
            main = _clause_after(text, end)
            if _PLUPERFECT_AHEAD.search(main):
                return Tense.PAST
        return best[1]
    if _PRESENT_PLAN.search(before) or _PRESENT_PLAN_BASE.search(before):
        return Tense.FUTURE  # "the plant reopens Tuesday", "the two leaders meet Monday"
    after = _clause_after(text, end)
    future = _FUTURE_CUES.search(after)
    past = _PAST_CUES.search(after)
    if future and (not past or future.start() < past.start()):
        return Tense.FUTURE
    if past:
        return Tense.PAST
    return Tense.UNKNOWN


def day_value(day: dt.date) -> str:
    """``2024-09-17``."""
    return day.isoformat()


def month_value(year: int, month: int) -> str:
    """``2024-07``."""
    return f"{year:04d}-{month:02d}"


def week_value(day: dt.date) -> str:
    """The ISO week holding ``day``: ``2024-W38``."""
    year, week, _ = day.isocalendar()
    return f"{year:04d}-W{week:02d}"


def quarter_of(day: dt.date) -> int:
    """1 to 4."""
    return (day.month - 1) // 3 + 1


def add_months(year: int, month: int, delta: int) -> tuple[int, int]:
    """Year and month ``delta`` months away."""
    index = year * 12 + month - 1 + delta
    return index // 12, index % 12 + 1


def add_years(day: dt.date, delta: int) -> dt.date:
    """The same day ``delta`` years away (29 February becomes the 28th)."""
    year = day.year + delta
    last = calendar.monthrange(year, day.month)[1]
    return dt.date(year, day.month, min(day.day, last))


def resolve_weekday(weekday: int, ref: dt.date, tense: Tense, shift: int = 0) -> dt.date:
    """The day a weekday name refers to, seen from ``ref``.

    The reference day's own weekday means the reference day itself (news: "said Friday" in
    Friday's paper); otherwise the nearest one before, or after when the clause is in the
    future. ``shift`` -1 ("last Friday") and +1 ("next Friday") force the direction.
    """
    delta = weekday - ref.isoweekday()
    if shift < 0:
        return ref + dt.timedelta(days=delta - 7 if delta >= 0 else delta)
    if shift > 0:
        return ref + dt.timedelta(days=delta + 7 if delta <= 0 else delta)
    if delta == 0:
        return ref
    if tense is Tense.FUTURE:
        return ref + dt.timedelta(days=delta % 7)
    return ref - dt.timedelta(days=(-delta) % 7)


def resolve_year(month: int, ref: dt.date, tense: Tense, *, settled: bool = False) -> int:
    """The year of a year-less date ("September 17", "late July"), seen from ``ref``.

    The reference year, unless that puts the date five or more months after the reference
    date (then the year before: news reports the past) or eight or more months before it
    (then the year after: "January" in a November article), except in a sentence that only
    narrates the past (``settled``, see ``settled_past``). Tense decides the middle ground.
    """
    year = ref.year
    gap = month - ref.month
    if gap >= 5 or (gap >= 3 and tense is Tense.PAST):
        return year - 1 if tense is not Tense.FUTURE else year
    if settled:
        return year
    if gap <= -8 or (gap <= -3 and tense is Tense.FUTURE):
        return year + 1
    return year


def thanksgiving(year: int) -> dt.date:
    """The fourth Thursday of November."""
    first = dt.date(year, 11, 1)
    offset = (3 - first.weekday()) % 7
    return first + dt.timedelta(days=offset + 21)


def easter(year: int) -> dt.date:
    """Western Easter Sunday (anonymous Gregorian algorithm)."""
    a = year % 19
    b, c = divmod(year, 100)
    d, e = divmod(b, 4)
    f = (b + 8) // 25
    g = (b - f + 1) // 3
    h = (19 * a + b - d - g + 15) % 30
    i, k = divmod(c, 4)
    l_ = (32 + 2 * e + 2 * i - h - k) % 7
    m = (a + 11 * h + 22 * l_) // 451
    month, day = divmod(h + l_ - 7 * m + 114, 31)
    return dt.date(year, month, day + 1)
