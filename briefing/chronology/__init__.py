"""The chronology stage: one entry per real-world event, scored, ordered and placed.

Pure: events, articles and settings in; a ``Chronology`` out. It never sees raw files or
document libraries. ``group`` merges reports and references of one event, ``salience`` weighs
the evidence of each, ``select`` chooses the key events and the sections they go to.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from briefing.chronology.group import (
    THRESHOLD,
    Context,
    compatible_dates,
    deduplicate,
    processing_key,
    run_weights,
    same_event,
    sort_key,
)
from briefing.chronology.salience import gather, weigh_all
from briefing.chronology.select import period, place, scope
from briefing.model import Chronology, Status

if TYPE_CHECKING:
    from collections.abc import Iterable, Sequence

    from briefing.model import Article, Diagnostic, Event, Fact

__all__ = [
    "THRESHOLD",
    "compatible_dates",
    "order",
    "run_weights",
    "same_event",
    "sort_key",
]


def order(
    events: Iterable[Event],
    articles: Iterable[Article],
    diagnostics: Iterable[Diagnostic] = (),
    *,
    reviewed_only: bool = False,
    facts: Iterable[Fact] = (),
    max_events: int | None = None,
    story: Sequence[str] = (),
) -> Chronology:
    """A ``Chronology``: anchored events grouped, scored, ordered and placed in sections.

    Stale events never appear; with ``reviewed_only``, new ones are left out too (both before
    grouping, so they add no source). A rejected event takes its group out with it: the
    analyst rejected the event, whichever report of it the briefing showed. ``max_events``
    overrides the budget of key events; ``story`` (the briefing's title and keywords) tells
    what the collection is about, besides its most widespread words.
    """
    hidden = {Status.STALE}
    if reviewed_only:
        hidden.add(Status.NEW)
    read = tuple(sorted(articles, key=lambda article: article.id))
    shown = [event for event in events if event.status not in hidden]
    anchored = [event for event in shown if event.date.anchored]
    context = Context(published={article.id: article.published for article in read})
    grouped = [e for e in deduplicate(anchored, context) if e.status is not Status.REJECTED]
    evidence = gather(anchored, read, story)
    scored = weigh_all(grouped, evidence)
    found = scope(read, scored, max_events)
    placed = place(scored, found)
    unplaced = sorted(
        (e for e in shown if not e.date.anchored and e.status is not Status.REJECTED),
        key=lambda event: (
            event.sources[0].article if event.sources else "",
            event.sources[0].start if event.sources else 0,
            event.id,
        ),
    )
    return Chronology(
        events=tuple(sorted(placed, key=processing_key)),
        unplaced=tuple(unplaced),
        articles=read,
        diagnostics=tuple(diagnostics),
        facts=tuple(
            sorted(facts, key=lambda fact: (fact.sources[0].article, fact.sources[0].start))
        ),
        period=period(placed),
        budget=found.budget if found is not None else 0,
    )
