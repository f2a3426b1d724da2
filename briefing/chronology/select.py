"""Which events a briefing shows, and where: key events of the news period, background before
it, expectations after it, and the rest for the annex and the data files.

A briefing of hundreds of articles is a selection; the analyst decides last: ``key`` forces an
event into the key events and ``rejected`` keeps it out of every section. With no more events
than the budget there is nothing to select away, and every placed event up to the latest
article is a key event, as in a briefing of a few articles.
"""

from __future__ import annotations

import dataclasses
import datetime as dt
import math
from dataclasses import dataclass
from typing import TYPE_CHECKING

from briefing.model import Precision, Section, Status
from briefing.timex import shift

if TYPE_CHECKING:
    from collections.abc import Sequence

    from briefing.model import Article, Event

MIN_BUDGET = 10
MAX_BUDGET = 60
"""The default number of key events stays within what journalists' timelines hold."""

BACKGROUND_SHOWN = 6
AHEAD_SHOWN = 8
"""How many of the most salient events the Background and Looking ahead sections show."""

LOOKBACK_DAYS = 30
"""How far before the first article the news period reaches at least: the event that set off
the coverage often happened days before the first article about it."""

LOOKBACK_SHARE = 0.25
"""…or this share of the publication span, when that is longer."""

TRIM = 0.01
"""The share of the earliest articles set aside when finding where the coverage starts, so
one old report in the folder does not stretch the news period back by years."""

KEY_PRECISIONS = frozenset({Precision.DAY, Precision.TIME})
"""How precise a date must be for its event to be chosen as a key event by its salience: a
chronology of hundreds of articles is told day by day; "in April" or "last week" is what
later articles say of a day they could name. (With nothing to select away, every placed event
is shown, whatever its precision.)"""


@dataclass(frozen=True, slots=True)
class Scope:
    """The news period and the budget of key events."""

    first: dt.date
    """The news period's first day."""
    last: dt.date
    """Its last day: the latest article's publication; later dates are expectations."""
    budget: int
    """How many key events the Chronology section shows."""


def budget(articles: int, first: dt.date, last: dt.date) -> int:
    """The default number of key events, from the collection's size and time span.

    One and a half per square root of the articles plus one and a half per month of
    coverage, between ``MIN_BUDGET`` and ``MAX_BUDGET``: about 20 for a hundred articles over
    two months, 40 for three hundred over nine, a few pages either way, like the timelines
    journalists publish.
    """
    months = max(0, (last - first).days) / 30.4
    wanted = round(1.5 * math.sqrt(articles) + 1.5 * months)
    return max(MIN_BUDGET, min(MAX_BUDGET, wanted))


def scope(articles: Sequence[Article], events: Sequence[Event], limit: int | None) -> Scope | None:
    """The news period (where the articles lie) and the key-event budget; None when nothing
    has a calendar position."""
    days = sorted(article.published for article in articles if article.published is not None)
    if not days:
        # Without publication dates nothing says where the news lies: the whole span is.
        firsts = [e.date.first_day for e in events if e.date.first_day is not None]
        lasts = [e.date.last_day for e in events if e.date.last_day is not None]
        if not firsts or not lasts:
            return None
        size = limit if limit is not None else budget(len(articles), max(lasts), max(lasts))
        return Scope(first=min(firsts), last=max(lasts), budget=size)
    start = days[int(TRIM * (len(days) - 1))]
    last = days[-1]
    lookback = max(LOOKBACK_DAYS, round(LOOKBACK_SHARE * (last - start).days))
    first = shift(start, -lookback)
    size = limit if limit is not None else budget(len(articles), start, last)
    return Scope(first=first, last=last, budget=size)


def _eligible(event: Event) -> bool:
    """Whether an event may be chosen as key by its salience: a precise date, reported (not
    only expected or referred to without a word of what happened)."""
    date = event.date
    return date.precision in KEY_PRECISIONS and not event.expected and not event.unstated


def _background(event: Event) -> bool:
    """Whether an event may be chosen for Background: reported, and dated at least to the
    year ("the 1989 Exxon Valdez spill" is background; "the 1600s" is too vague)."""
    return _reported(event) and event.date.precision.rank >= Precision.YEAR.rank


def _reported(event: Event) -> bool:
    """Whether an event is reported at all (not only expected, not a bare date reference)."""
    return not event.expected and not event.unstated


def _salience(event: Event) -> float:
    return event.salience.score if event.salience is not None else 0.0


def _top(events: Sequence[Event], count: int) -> set[str]:
    """Ids of the ``count`` most salient events (ties: the earlier event, then the id)."""
    ranked = sorted(events, key=lambda e: (-_salience(e), e.date.first_day or dt.date.max, e.id))
    return {event.id for event in ranked[:count]}


def place(events: Sequence[Event], found: Scope | None) -> tuple[Event, ...]:
    """Every event with its section; the order is kept.

    An analyst's ``key`` event is always a key event. With no more events up to the latest
    article than the budget, all of them are key events; otherwise the most salient eligible
    events of the news period are, events before it go to Background (the most salient few)
    and the rest to the annex. Events after the latest article are expectations: the most
    salient few are shown under Looking ahead, never in the chronology.
    """
    if found is None:
        return tuple(dataclasses.replace(e, section=Section.OTHER) for e in events)
    past = [e for e in events if not _after(e, found)]
    future = [e for e in events if _after(e, found)]
    sections: dict[str, Section] = {}
    if len(past) <= found.budget:
        sections.update((e.id, Section.KEY) for e in past)
    else:
        news = [e for e in past if not _before(e, found)]
        old = [e for e in past if _before(e, found)]
        chosen = _top([e for e in news if _eligible(e)], found.budget)
        if len(chosen) < found.budget:
            # Too few precise reports: the most salient coarser or vaguer events fill in.
            rest = [e for e in news if e.id not in chosen and _reported(e)]
            chosen |= _top(rest, found.budget - len(chosen))
        sections.update((e.id, Section.KEY) for e in news if e.id in chosen)
        shown = _top([e for e in old if _background(e)], BACKGROUND_SHOWN)
        sections.update((e.id, Section.BACKGROUND) for e in old if e.id in shown)
    ahead = _top([e for e in future if e.date.precision is not Precision.REF], AHEAD_SHOWN)
    sections.update((e.id, Section.AHEAD) for e in future if e.id in ahead)
    sections.update((e.id, Section.KEY) for e in events if e.status is Status.KEY)
    return tuple(dataclasses.replace(e, section=sections.get(e.id, Section.OTHER)) for e in events)


def _after(event: Event, found: Scope) -> bool:
    first = event.date.first_day
    return first is not None and first > found.last


def _before(event: Event, found: Scope) -> bool:
    last = event.date.last_day
    return last is not None and last < found.first


def period(events: Sequence[Event]) -> tuple[dt.date, dt.date] | None:
    """The first and last day the key events cover, or None without key events."""
    key = [e for e in events if e.section is Section.KEY and e.date.first_day is not None]
    if not key:
        return None
    first = min(e.date.first_day for e in key if e.date.first_day is not None)
    last = max(e.date.last_day or e.date.first_day for e in key if e.date.first_day is not None)
    return first, last
