"""What a tagger rule returns: a normalised TIMEX3 reading of one match, before it becomes a
``DateMention``; plus the per-text context the rules read (reference date, prior mentions).

Plain frozen values; the driver in ``dates`` turns them into model objects.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

from briefing.model import Anchoring, Mod, Precision, TimexType

NO_REFERENCE = "the article has no publication date"
"""Why a relative or year-less date could not be placed."""


@dataclass(frozen=True, slots=True, kw_only=True)
class Norm:
    """One normalised temporal expression, its span relative to the rule's match."""

    type: TimexType
    value: str
    precision: Precision
    mod: Mod | None = None
    end_value: str | None = None
    anchoring: Anchoring = Anchoring.EXPLICIT
    inferred: bool = False
    reason: str = ""
    trim_start: int = 0
    """Characters to drop from the start of the match (a rule may look at a leading word)."""
    trim_end: int = 0
    """Characters to drop from the end of the match ("les 6 et 13 avril": the first day's
    span ends at "6")."""


@dataclass(frozen=True, slots=True, kw_only=True)
class Context:
    """What a rule may look at besides its match: the whole text and the reference date."""

    text: str
    ref: dt.date | None
    prior: str = ""
    """TIMEX3 value of the previous anchored DATE mention ("" at the start of the text)."""
    prior_time: str = ""
    """The last time of day the text named ("2003-02-22T15:30"): "à ce moment-là"."""
    prior_day: str = ""
    """The last full day the text named ("2024-09-17"), even when a month or a year came
    after it ("the lowest since 1983 ... ended the day"): the day in focus."""
    prior_quarter: str = ""
    """Value of the previous quarter mention, for "the year-ago quarter"."""
    stamps: frozenset[int] = frozenset()
    """Offsets of the 24-hour entry times of a live blog ("2155: Kedar writes"), which would
    otherwise read as years."""
    focus_year: tuple[int, int] = (-1, 0)
    """(end offset, year) of the last date the text wrote with its year ("In 1918, ..."): a
    year-less month later in the same sentence belongs to that year."""
    story_year: tuple[int, int] = (-1, 0)
    """(end offset, year) of the last date written with its year anywhere in the text, until a
    date placed from the publication follows: a narrative's later year-less dates ("In 1939
    ... In early October") belong to that year."""
    known_days: tuple[str, ...] = ()
    """Days the text has written in full ("2001-09-11"), so that a later "Sept. 11" without
    its year is read as the same day."""


def unanchored(type_: TimexType, value: str, precision: Precision, mod: Mod | None = None) -> Norm:
    """A relative or year-less date in an article without a publication date."""
    return Norm(
        type=type_,
        value=value,
        precision=precision,
        mod=mod,
        anchoring=Anchoring.NONE,
        reason=NO_REFERENCE,
    )


def relative(
    type_: TimexType,
    value: str,
    precision: Precision,
    mod: Mod | None = None,
    *,
    anchoring: Anchoring = Anchoring.PUBLICATION,
) -> Norm:
    """A date placed by the publication date (or a nearby date): its year is inferred."""
    return Norm(
        type=type_, value=value, precision=precision, mod=mod, anchoring=anchoring, inferred=True
    )


def explicit(
    type_: TimexType,
    value: str,
    precision: Precision,
    mod: Mod | None = None,
    end_value: str | None = None,
) -> Norm:
    """A date the text gives in full."""
    return Norm(type=type_, value=value, precision=precision, mod=mod, end_value=end_value)


def vague(type_: TimexType, value: str) -> Norm:
    """Durations, sets and ``*_REF`` values: no calendar position to anchor."""
    precision = Precision.REF if value.endswith("_REF") else Precision.NONE
    return Norm(type=type_, value=value, precision=precision, anchoring=Anchoring.NONE)
