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
from dataclasses import dataclass, field
from typing import TYPE_CHECKING

from briefing.model import Chronology, Event, Status
from briefing.similarity import (
    Profile,
    Weights,
    cosine,
    differences,
    features,
    norm,
    profile_of,
    similarity,
    squared_weights,
    weigh,
    without_span,
)

if TYPE_CHECKING:
    from collections.abc import Iterable, Mapping, Sequence

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
    return _compatible_intervals(a.first_day, a.last_day, b.first_day, b.last_day)


def _compatible_intervals(
    a_first: dt.date, a_last: dt.date, b_first: dt.date, b_last: dt.date
) -> bool:
    """``compatible_dates`` on the days alone, so clustering can test intervals it indexed."""
    if a_first == b_first and a_last == b_last:
        return True
    if a_first <= b_first and b_last <= a_last:
        outer_first, outer_last = a_first, a_last
    elif b_first <= a_first and a_last <= b_last:
        outer_first, outer_last = b_first, b_last
    else:
        return False
    return (outer_last - outer_first).days < MAX_CONTAINER_DAYS


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
    """An event being clustered, with what every comparison needs computed once."""

    event: Event
    profile: Profile
    norm_terms: float
    """Euclidean norm of ``profile.terms`` under the run's weights."""
    norm_main: float
    """Euclidean norm of ``profile.main``."""


def _processing_key(event: Event) -> tuple[object, ...]:
    """``sort_key`` plus what tells apart events it ties, so clustering sees one order."""
    mod = event.date.mod.value if event.date.mod is not None else ""
    return (*sort_key(event), mod, event.date.value, event.text)


def _score(member: _Member, other: _Member, squares: Mapping[str, float]) -> float:
    """``similarity`` of the two sentences when ``_similar`` holds for them, else 0.0.

    The same arithmetic as ``_similar`` and ``similarity`` in the same order (so the same
    floats, bit for bit), with each sentence's norms taken from its member instead of
    recomputed for every pair.
    """
    shared = member.profile.terms & other.profile.terms
    if len(shared) < MIN_SHARED:
        return 0.0
    score = cosine(shared, member.norm_terms, other.norm_terms, squares)
    if score < THRESHOLD:
        return 0.0
    main = member.profile.main & other.profile.main
    if cosine(main, member.norm_main, other.norm_main, squares) < THRESHOLD:
        return 0.0
    return score


@dataclass(slots=True)
class _Group:
    """A cluster being built: its members and what the joining rules ask of it."""

    members: list[_Member]
    intervals: set[tuple[dt.date, dt.date]]
    """The distinct intervals of its members: a newcomer must be compatible with each."""
    curated: bool
    """Whether a member is curated (a second curated event may not join)."""


def _clusters(events: Sequence[Event], weights: Weights) -> list[list[_Member]]:
    """Greedy clustering in chronological order: each event joins the most similar group
    whose every member has a compatible date, or starts its own.

    Processing in the total order makes the result independent of the input order. Groups
    are found through an index of the intervals seen so far (``_IntervalIndex``), so each
    event is compared with the groups of nearby dates only, never with the whole run.
    """
    ordered = sorted(events, key=_processing_key)
    profiles = [profile(event, weights) for event in ordered]
    squares = squared_weights(weights, (terms for p in profiles for terms in (p.terms, p.main)))
    groups: list[_Group] = []
    index = _IntervalIndex()
    for event, found in zip(ordered, profiles, strict=True):
        first, last = event.date.first_day, event.date.last_day
        assert first is not None  # only anchored events are clustered
        assert last is not None
        member = _Member(event, found, norm(found.terms, squares), norm(found.main, squares))
        curated = event.status in _CURATED
        best, best_score = -1, 0.0
        for candidate in index.candidates(first, last):
            group = groups[candidate]
            if curated and group.curated:
                continue
            if not all(_compatible_intervals(first, last, *seen) for seen in group.intervals):
                continue
            score = max((_score(member, other, squares) for other in group.members), default=0.0)
            if score > best_score:
                best, best_score = candidate, score
        if best < 0:
            best = len(groups)
            groups.append(_Group(members=[], intervals=set(), curated=False))
        group = groups[best]
        group.members.append(member)
        group.intervals.add((first, last))
        group.curated = group.curated or curated
        index.add(first, last, best)
    return [group.members for group in groups]


@dataclass(slots=True)
class _IntervalIndex:
    """Which groups hold an event of which interval, searchable by date.

    Two intervals are compatible when equal, or when one holds the other and spans less than
    ``MAX_CONTAINER_DAYS``; so a compatible interval other than an equal one starts at most
    ``MAX_CONTAINER_DAYS - 1`` days before the probe's last day and no later than it, and a
    lookup reads that many days of ``by_start``. Inverted intervals (last before first), which
    that reasoning does not cover, are compared one by one.
    """

    groups: dict[tuple[dt.date, dt.date], list[int]] = field(default_factory=dict)
    """Interval -> the groups holding an event with it, in the order they got it."""
    by_start: dict[dt.date, list[dt.date]] = field(default_factory=dict)
    """First day -> the last days of the (regular) intervals starting then."""
    inverted: list[tuple[dt.date, dt.date]] = field(default_factory=list)

    def add(self, first: dt.date, last: dt.date, group: int) -> None:
        """Record that ``group`` holds an event of this interval."""
        indexes = self.groups.get((first, last))
        if indexes is None:
            self.groups[(first, last)] = indexes = []
            if first <= last:
                self.by_start.setdefault(first, []).append(last)
            else:
                self.inverted.append((first, last))
        if group not in indexes:
            indexes.append(group)

    def candidates(self, first: dt.date, last: dt.date) -> list[int]:
        """Groups holding an event whose interval is compatible with this one, in group order."""
        if first > last:
            seen: Iterable[tuple[dt.date, dt.date]] = self.groups
        else:
            seen = [*self._near(first, last), *self.inverted]
        found: set[int] = set()
        for other in seen:
            if _compatible_intervals(first, last, *other):
                found.update(self.groups[other])
        return sorted(found)

    def _near(self, first: dt.date, last: dt.date) -> list[tuple[dt.date, dt.date]]:
        """The regular intervals that may be compatible with a regular one."""
        near = [(first, last)] if (first, last) in self.groups else []
        if (last - first).days >= MAX_CONTAINER_DAYS:
            return near  # only an equal interval is compatible with a wide one
        reach = min(MAX_CONTAINER_DAYS - 1, (last - dt.date.min).days)
        for back in range(reach + 1):
            start = last - dt.timedelta(days=back)
            near.extend(
                (start, end)
                for end in self.by_start.get(start, ())
                if end != last or start != first
            )
        return near


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
