"""The chronology: a total, deterministic order over events, anchored ones apart from the rest.

Pure and the only place with ordering rules. It never sees raw files or article text beyond
what the events carry.
"""

from __future__ import annotations

import datetime as dt
from typing import TYPE_CHECKING

from briefing.model import Chronology, Status

if TYPE_CHECKING:
    from collections.abc import Iterable

    from briefing.model import Article, Diagnostic, Event

_FAR_FUTURE = dt.date.max


def sort_key(event: Event) -> tuple[dt.date, int, int, str, int, str]:
    """Where an event goes: by first day, a coarser date before a finer one starting that day.

    "2024" and "July 2024" and "1 July 2024" that start together come out year, month, day;
    "late July 2024" (its last third) falls after "1 July 2024" and before "August 2024". The
    remaining keys (article, position, id) make the order total, so no input order leaks out.
    """
    date = event.date
    first = date.first_day or _FAR_FUTURE
    last = date.last_day or _FAR_FUTURE
    source = event.sources[0] if event.sources else None
    article = source.article if source else ""
    position = source.start if source else 0
    # Among equal starts and precisions, the longer interval (a range) comes first.
    return (first, date.precision.rank, -(last - first).days, article, position, event.id)


def order(
    events: Iterable[Event],
    articles: Iterable[Article],
    diagnostics: Iterable[Diagnostic] = (),
    *,
    reviewed_only: bool = False,
) -> Chronology:
    """A ``Chronology`` of the events: anchored ones ordered by date, the rest set apart.

    Rejected and stale events never appear; with ``reviewed_only``, new ones are left out too.
    """
    hidden = {Status.REJECTED, Status.STALE}
    if reviewed_only:
        hidden.add(Status.NEW)
    shown = [event for event in events if event.status not in hidden]
    placed = sorted((event for event in shown if event.date.anchored), key=sort_key)
    unplaced = sorted(
        (event for event in shown if not event.date.anchored),
        key=lambda event: (
            event.sources[0].article if event.sources else "",
            event.sources[0].start if event.sources else 0,
            event.id,
        ),
    )
    return Chronology(
        events=tuple(placed),
        unplaced=tuple(unplaced),
        articles=tuple(sorted(articles, key=lambda article: article.id)),
        diagnostics=tuple(diagnostics),
    )
