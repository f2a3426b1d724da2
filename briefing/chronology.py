"""The chronology: one entry per real-world event, in a total, deterministic order.

Pure and the only place with ordering and merge rules (similarity measures live in
``briefing.similarity``). It never sees raw files or article text beyond what events carry.

Merging runs after the curated timeline merge, so ``timeline.yaml`` keeps one entry per
sentence and the analyst can still reject one report of an event. An event the analyst edited
or added by hand is never merged into another: it may absorb machine duplicates (it stays the
entry shown, with their sources cited), but two curated events are never merged together.
Unplaced events are never merged: without a calendar position no date can be compatible.
"""

from __future__ import annotations

import dataclasses
import datetime as dt
from dataclasses import dataclass
from typing import TYPE_CHECKING

from briefing.model import Chronology, Event, Status
from briefing.similarity import (
    Profile,
    Weights,
    differences,
    features,
    profile_of,
    similarity,
    weigh,
    without_span,
)

if TYPE_CHECKING:
    from collections.abc import Iterable, Sequence

    from briefing.model import Article, Diagnostic, Fact

_FAR_FUTURE = dt.date.max

THRESHOLD = 0.29
"""Weighted cosine from which two date-compatible sentences report one event; chosen on the
labelled pairs of ``benchmarks/merge_pairs.jsonl`` (see ``benchmarks/README.md``)."""

MIN_SHARED = 2
"""Content terms two sentences must share besides their date, so short sentences with one
common word ("BP", "the spill") are never merged on that word alone."""

MAX_CONTAINER_DAYS = 31
"""The widest date (a month, a week, a short range) that may hold a more precise one: an event
"in 2010" is too vague to be called the same as one on 20 April 2010."""

_CURATED = frozenset({Status.EDITED, Status.MANUAL})


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


def compatible_dates(first: Event, second: Event) -> bool:
    """Whether two events can be one: the same day or interval, or one inside the other's month.

    Both must be anchored; a date that contains the other may span at most a month or so.
    """
    a, b = first.date, second.date
    if a.first_day is None or a.last_day is None or b.first_day is None or b.last_day is None:
        return False
    if (a.first_day, a.last_day) == (b.first_day, b.last_day):
        return True
    if a.first_day <= b.first_day and b.last_day <= a.last_day:
        outer = a
    elif b.first_day <= a.first_day and a.last_day <= b.last_day:
        outer = b
    else:
        return False
    assert outer.first_day is not None  # checked above
    assert outer.last_day is not None
    return (outer.last_day - outer.first_day).days < MAX_CONTAINER_DAYS


def _terms(event: Event) -> frozenset[str]:
    return features(without_span(event.text, event.date.start, event.date.end))


def run_weights(events: Iterable[Event]) -> Weights:
    """Term weights over the sentences of a run (every event it holds)."""
    return weigh(_terms(event) for event in events)


def profile(event: Event, weights: Weights) -> Profile:
    """What the merge decision compares of an event: its sentence and its main clause."""
    return profile_of(event.text, event.date.start, event.date.end, weights)


def _similar(
    first: Profile, second: Profile, weights: Weights, threshold: float = THRESHOLD
) -> bool:
    return (
        len(first.terms & second.terms) >= MIN_SHARED
        and similarity(first.terms, second.terms, weights) >= threshold
        and similarity(first.main, second.main, weights) >= threshold
    )


def same_event(
    first: Event, second: Event, weights: Weights, *, threshold: float = THRESHOLD
) -> bool:
    """The merge decision: compatible dates and similar content. A shared date alone never is.

    The whole sentences must be similar, and so must what they report (their main clauses,
    when a date sits in a background clause). ``benchmarks/bench_merge.py`` measures this
    very function on labelled pairs (and tries other thresholds with ``threshold``).
    """
    return compatible_dates(first, second) and _similar(
        profile(first, weights), profile(second, weights), weights, threshold
    )


@dataclass(frozen=True, slots=True)
class _Member:
    event: Event
    profile: Profile


def _processing_key(event: Event) -> tuple[object, ...]:
    """``sort_key`` plus what tells apart events it ties, so clustering sees one order."""
    mod = event.date.mod.value if event.date.mod is not None else ""
    return (*sort_key(event), mod, event.date.value, event.text)


def _clusters(events: Sequence[Event], weights: Weights) -> list[list[_Member]]:
    """Greedy clustering in chronological order: each event joins the most similar group
    whose every member has a compatible date, or starts its own.

    Processing in the total order makes the result independent of the input order.
    """
    groups: list[list[_Member]] = []
    by_interval: dict[tuple[dt.date, dt.date], list[int]] = {}
    for event in sorted(events, key=_processing_key):
        member = _Member(event, profile(event, weights))
        best, best_score = -1, 0.0
        for index in _candidates(event, by_interval):
            group = groups[index]
            if event.status in _CURATED and any(m.event.status in _CURATED for m in group):
                continue
            if not all(compatible_dates(event, other.event) for other in group):
                continue
            score = max(
                (
                    similarity(member.profile.terms, other.profile.terms, weights)
                    for other in group
                    if _similar(member.profile, other.profile, weights)
                ),
                default=0.0,
            )
            if score > best_score:
                best, best_score = index, score
        if best < 0:
            best = len(groups)
            groups.append([])
        groups[best].append(member)
        first, last = event.date.first_day, event.date.last_day
        assert first is not None  # only anchored events are clustered
        assert last is not None
        indexes = by_interval.setdefault((first, last), [])
        if best not in indexes:
            indexes.append(best)
    return groups


def _candidates(event: Event, by_interval: dict[tuple[dt.date, dt.date], list[int]]) -> list[int]:
    """Groups holding an event whose interval is compatible with this event's, in group order."""
    found: set[int] = set()
    for (first, last), indexes in by_interval.items():
        probe = dataclasses.replace(event.date, first_day=first, last_day=last)
        if compatible_dates(event, dataclasses.replace(event, date=probe)):
            found.update(indexes)
    return sorted(found)


def _representative(group: Sequence[Event]) -> Event:
    """The event a group is shown as: the curated one, else the most precise date, then the
    fullest sentence. Text and date come from the same sentence, so the date span indexes
    into the text."""
    curated = [event for event in group if event.status in _CURATED]
    if curated:
        return curated[0]

    def fullness(event: Event) -> tuple[int, int, int]:
        first, last = event.date.first_day, event.date.last_day
        span = (last - first).days if first is not None and last is not None else 0
        return (event.date.precision.rank, -span, len(event.text))

    return max(group, key=fullness)


def merge(group: Sequence[Event]) -> Event:
    """One event for several reports of it: every source cited (the shown sentence's first,
    then in chronological order), the most precise date, the fullest sentence, and what the
    sources disagree on."""
    ordered = sorted(group, key=_processing_key)
    shown = _representative(ordered)
    if len(ordered) == 1:
        return shown
    sources = list(shown.sources)
    for event in ordered:
        sources.extend(ref for ref in event.sources if ref not in sources)
    notes = [shown.notes] if shown.notes else []
    notes.extend(e.notes for e in ordered if e.notes and e.notes not in notes)
    return dataclasses.replace(
        shown,
        sources=tuple(sources),
        notes="\n".join(notes),
        differences=tuple(
            dict.fromkeys((*shown.differences, *differences(e.text for e in ordered)))
        ),
    )


def deduplicate(events: Sequence[Event]) -> tuple[Event, ...]:
    """Anchored events with reports of one real-world event merged, in chronological order."""
    weights = run_weights(events)
    merged = [merge([m.event for m in group]) for group in _clusters(events, weights)]
    return tuple(sorted(merged, key=_processing_key))


def order(
    events: Iterable[Event],
    articles: Iterable[Article],
    diagnostics: Iterable[Diagnostic] = (),
    *,
    reviewed_only: bool = False,
    facts: Iterable[Fact] = (),
) -> Chronology:
    """A ``Chronology`` of the events: anchored ones merged and ordered by date, the rest apart.

    Rejected and stale events never appear; with ``reviewed_only``, new ones are left out too.
    Hidden events are dropped before merging, so a rejected report never adds its source.
    """
    hidden = {Status.REJECTED, Status.STALE}
    if reviewed_only:
        hidden.add(Status.NEW)
    shown = [event for event in events if event.status not in hidden]
    placed = deduplicate([event for event in shown if event.date.anchored])
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
        facts=tuple(
            sorted(facts, key=lambda fact: (fact.sources[0].article, fact.sources[0].start))
        ),
    )
