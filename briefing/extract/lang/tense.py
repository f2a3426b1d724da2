"""The tense of the clause around a date in French, Spanish, German, Russian and Ukrainian.

"samedi" in "le match aura lieu samedi" is the coming Saturday and in "il a été arrêté samedi"
the last one; a year-less month leans the same way. The cue nearest the date in its clause
wins, one before it first (as ``dates_calendar.tense_around`` does for English).
"""

from __future__ import annotations

import re
from functools import lru_cache

from briefing.extract.dates_calendar import Tense
from briefing.extract.lang.words import WORDS

_CLAUSE_END = re.compile(r"[.;!?\n«»\"“”]|\s[-–—]\s")


@lru_cache(maxsize=8)
def _cues(language: str) -> tuple[re.Pattern[str], re.Pattern[str]]:
    words = WORDS[language]
    return re.compile(words.future, re.IGNORECASE), re.compile(words.past, re.IGNORECASE)


def _nearest(before: str, future: re.Pattern[str], past: re.Pattern[str]) -> Tense:
    best: tuple[int, Tense] | None = None
    for pattern, tense in ((future, Tense.FUTURE), (past, Tense.PAST)):
        for m in pattern.finditer(before):
            if best is None or m.end() > best[0] or (m.end() == best[0] and tense is Tense.FUTURE):
                best = (m.end(), tense)
    return Tense.UNKNOWN if best is None else best[1]


def tense_around(language: str, text: str, start: int, end: int) -> Tense:
    """The tense of the clause holding ``text[start:end]`` (UNKNOWN without a cue)."""
    if language not in WORDS:
        return Tense.UNKNOWN
    future, past = _cues(language)
    lo = max(0, start - 90)
    before = text[lo:start]
    cut = max((m.end() for m in _CLAUSE_END.finditer(before)), default=0)
    found = _nearest(before[cut:], future, past)
    if found is not Tense.UNKNOWN:
        return found
    after = text[end : end + 70]
    stop = _CLAUSE_END.search(after)
    after = after[: stop.start()] if stop else after
    first_future = future.search(after)
    first_past = past.search(after)
    if first_future and (not first_past or first_future.start() <= first_past.start()):
        return Tense.FUTURE
    return Tense.PAST if first_past else Tense.UNKNOWN
