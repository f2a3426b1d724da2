"""One entry per real-world event: reports of an event and sentences referring back to it.

Two kinds of evidence join a group. Two *statements* (sentences whose date is in their main
clause) join when their dates are compatible and their content is similar: the decision
``same_event`` makes, measured on labelled pairs by ``benchmarks/bench_merge.py``. A
*reference* ("since the 20 April explosion", "the rig, which exploded on 20 April") joins the
event its date clause names: compatible dates and that clause's words found in the group. A
*bare* reference ("oil has leaked since 20 April") says nothing of the event, so it counts for
the most reported event of its exact date, if there is one.

Curated events (edited, added, rejected or made key by the analyst) may absorb machine
reports, but two curated events are never merged together. Unplaced events are never
grouped: without a calendar position no date can be compatible.
"""

from __future__ import annotations

import dataclasses
import datetime as dt
import math
from collections import Counter
from collections.abc import Mapping
from dataclasses import dataclass, field
from typing import TYPE_CHECKING

from briefing.chronology.clauses import Reading, Role, read
from briefing.model import Event, Precision, Status
from briefing.similarity import (
    Profile,
    Weights,
    cosine,
    differences,
    features,
    gist,
    norm,
    profile_of,
    similarity,
    squared_weights,
    weigh,
    without_span,
)

if TYPE_CHECKING:
    from collections.abc import Iterable, Sequence

_FAR_FUTURE = dt.date.max

THRESHOLD = 0.29
"""Weighted cosine from which two date-compatible statements report one event; chosen on the
labelled pairs of ``benchmarks/merge_pairs.jsonl`` (see ``benchmarks/README.md``)."""

MIN_SHARED = 2
"""Content terms two statements must share besides their date, so short sentences with one
common word ("BP", "the spill") are never merged on that word alone."""

REFERENCE_THRESHOLD = 0.5
"""Share of a reference clause's weight that a group member must hold for the reference to
join it: "the 20 April explosion" joins a report of an explosion that day."""

CLAUSE_THRESHOLD = 0.5
"""Share of each statement's date-clause weight the other must hold for the two to join."""

MAX_CONTAINER_DAYS = 31
"""The widest date (a month, a week, a short range) that may hold a more precise one: an event
"in 2010" is too vague to be called the same as one on 20 April 2010."""

EXEMPLARS = 48
"""How many members of a group a newcomer is compared with (the first to join): enough to
know an event, and a bound on the work for a group of thousands of references."""

NEWS_DAYS = 2
"""An article published within this many days after a date reports it as news; later ones
refer back to it."""

CURATED = frozenset({Status.EDITED, Status.MANUAL, Status.KEY, Status.REJECTED})
"""Statuses the analyst set by hand: such an event is never merged with another of them."""


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


def processing_key(event: Event) -> tuple[object, ...]:
    """``sort_key`` plus what tells apart events it ties, so every stage sees one order."""
    mod = event.date.mod.value if event.date.mod is not None else ""
    return (*sort_key(event), mod, event.date.value, event.text)


def compatible_dates(first: Event, second: Event) -> bool:
    """Whether two events can be one: the same day or interval, or one inside the other's month.

    Both must be anchored; a date that contains the other may span at most a month or so.
    """
    a, b = first.date, second.date
    if a.first_day is None or a.last_day is None or b.first_day is None or b.last_day is None:
        return False
    return compatible_intervals(a.first_day, a.last_day, b.first_day, b.last_day)


def compatible_intervals(
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
    """The merge decision for two statements: compatible dates and similar content.

    A shared date alone never is. The whole sentences must be similar, and so must what they
    report (their main clauses, when a date sits in a background clause).
    ``benchmarks/bench_merge.py`` measures this very function on labelled pairs (and tries
    other thresholds with ``threshold``).
    """
    return compatible_dates(first, second) and _similar(
        profile(first, weights), profile(second, weights), weights, threshold
    )


def role_of(event: Event) -> Reading:
    """How an event's sentence relates to its date, and the span that speaks of the event.

    A sentence whose date span no longer matches its text (an analyst's rewording) is read as
    a statement: nothing is known of where its date sits.
    """
    date, text = event.date, event.text
    if text[date.start : date.end] != date.text or not date.text:
        return Reading(Role.STATEMENT, (0, len(text)))
    return read(text, date.start, date.end)


@dataclass(frozen=True, slots=True)
class Member:
    """An event being grouped, with what every comparison needs computed once."""

    event: Event
    role: Role
    profile: Profile
    """Statement features (``same_event``'s)."""
    gist: frozenset[str]
    """Coarse features of what it says of the date's event: the whole sentence for a
    statement, the date clause for a reference."""
    head: frozenset[str]
    """Coarse features of the noun a date modifies ("the 20 April *explosion*"), or empty."""
    norm_terms: float
    norm_main: float
    gist_mass: float = 0.0
    """The summed squared gist weights of ``gist`` (``_contained``'s denominator), computed
    once: the same float as summing them at each comparison, which was most of grouping's
    time."""


@dataclass(slots=True)
class Group:
    """A cluster being built: its members and what the joining rules ask of it."""

    members: list[Member] = field(default_factory=list)
    intervals: set[tuple[dt.date, dt.date]] = field(default_factory=set)
    """The distinct intervals of its members: a newcomer must be compatible with each."""
    curated: bool = False
    """Whether a member is curated (a second curated event may not join)."""
    articles: set[str] = field(default_factory=set)


@dataclass(frozen=True, slots=True)
class _Scales:
    """The run's weights: squared statement weights and squared gist weights."""

    squares: Mapping[str, float]
    gist_squares: Mapping[str, float]
    gist_weights: Weights
    """How common each coarse term is over all sentences (for a day's characteristic terms)."""


def _contained(small: Member, large: frozenset[str], squares: Mapping[str, float]) -> float:
    """The share of ``small``'s gist weight that ``large`` holds too."""
    total = small.gist_mass
    if total == 0.0:
        return 0.0
    return sum(squares[term] for term in small.gist & large) / total


def _score(member: Member, other: Member, scales: _Scales) -> float:
    """How strongly ``member`` belongs with ``other``; 0.0 when it must not join it."""
    if member.role is Role.STATEMENT and other.role is Role.STATEMENT:
        return max(_statements(member, other, scales), _clauses(member, other, scales))
    # A reference is judged by its date clause: is what it names found in the other?
    small, large = (member, other) if member.role is Role.REFERENCE else (other, member)
    share = _contained(small, large.gist, scales.gist_squares)
    if small.head and small.head <= large.gist:
        # The noun a date modifies names the event: "the 20 April explosion" is the
        # explosion of that day, whatever else its clause says.
        share = max(share, REFERENCE_THRESHOLD)
    return share if share >= REFERENCE_THRESHOLD else 0.0


def _statements(member: Member, other: Member, scales: _Scales) -> float:
    """``same_event``'s decision on two statements, as a score (0.0 when it says no)."""
    shared = member.profile.terms & other.profile.terms
    if len(shared) < MIN_SHARED:
        return 0.0
    squares = scales.squares
    score = cosine(shared, member.norm_terms, other.norm_terms, squares)
    if score < THRESHOLD:
        return 0.0
    main = member.profile.main & other.profile.main
    if cosine(main, member.norm_main, other.norm_main, squares) < THRESHOLD:
        return 0.0
    return score


def _clauses(member: Member, other: Member, scales: _Scales) -> float:
    """Two statements whose date clauses say the same thing ("An April 20 explosion on the
    rig killed 11 workers" twice, worded apart): each clause mostly found in the other."""
    squares = scales.gist_squares
    share = min(_contained(member, other.gist, squares), _contained(other, member.gist, squares))
    return share if share >= CLAUSE_THRESHOLD else 0.0


def _members(events: Sequence[Event], weights: Weights) -> tuple[list[Member], _Scales]:
    """The events as members, in processing order: statements of a day before references."""
    roles = {event.id: role_of(event) for event in events}
    ordered = sorted(events, key=lambda e: _grouping_key(e, roles[e.id].role))
    profiles = [profile(event, weights) for event in ordered]
    squares = squared_weights(weights, (terms for p in profiles for terms in (p.terms, p.main)))
    gists = [
        gist(event.text, *roles[event.id].clause, event.date.start, event.date.end)
        for event in ordered
    ]
    heads = [
        gist(event.text, *roles[event.id].head, event.date.start, event.date.end)
        for event in ordered
    ]

    gist_weights = weigh(gists)
    scales = _Scales(squares, squared_weights(gist_weights, gists), gist_weights)
    members = [
        Member(
            event=event,
            role=roles[event.id].role,
            profile=found,
            gist=words,
            head=head,
            norm_terms=norm(found.terms, squares),
            norm_main=norm(found.main, squares),
            gist_mass=sum(scales.gist_squares[term] for term in words),
        )
        for event, found, words, head in zip(ordered, profiles, gists, heads, strict=True)
    ]
    return members, scales


def _grouping_key(event: Event, role: Role) -> tuple[object, ...]:
    """The order events are grouped in: days before weeks and months (so "last week's
    explosion" finds the day's event formed already), then by date, statements of a day
    before its references, then the total order."""
    coarseness = -min(event.date.precision.rank, Precision.DAY.rank)
    first = event.date.first_day or _FAR_FUTURE
    return (coarseness, first, role is not Role.STATEMENT, processing_key(event))


def cluster(events: Sequence[Event], weights: Weights, context: Context) -> list[list[Member]]:
    """Greedy clustering in chronological order: each event joins the group it belongs with
    most strongly among those whose every member has a compatible date, or starts its own.

    Processing in a total order makes the result independent of the input order. Groups are
    found through an index of the intervals seen so far, so each event is compared with the
    groups of nearby dates only. Bare references join last, each the group of its exact date
    citing the most articles; those with none form one group per date.
    """
    members, scales = _members(events, weights)
    groups: list[Group] = []
    index = IntervalIndex()
    bare: list[Member] = []
    for member in members:
        if member.role is Role.BARE and member.event.status not in CURATED:
            bare.append(member)
            continue
        _join(member, groups, index, scales)
    _fold(groups, context, scales)
    for member in bare:
        _join_bare(member, groups, index)
    return [group.members for group in groups if group.members]


LIFT = 3.0
"""How many times more often than in all sentences a term must occur among a day's sentences
to be characteristic of that day ("explosion" on 20 April 2010, "cap" on 15 July)."""


def _fold(groups: list[Group], context: Context, scales: _Scales) -> None:
    """Retrospective groups join the day's main event when they speak of it.

    Later articles name a story's key event in many ways ("the April 20 blast", "the
    disaster on 20 April", "the rig that sank after 20 April"), too varied for word overlap.
    A group that no article reported as news (every sentence written days after the date)
    is folded into the day's main group (citing the most articles) when both use a term
    characteristic of that day. Reports of the day itself are never folded: two things that
    happened on one day and were reported as such stay two events.
    """
    by_day: dict[tuple[dt.date, dt.date], list[int]] = {}
    for number, group in enumerate(groups):
        if group.members:
            by_day.setdefault(_interval(group.members[0]), []).append(number)
    frequency, documents = scales.gist_weights.frequency, max(1, scales.gist_weights.documents)
    for numbers in by_day.values():
        if len(numbers) < 2:
            continue
        members = [m for n in numbers for m in groups[n].members]
        counts: Counter[str] = Counter(term for m in members for term in m.gist)
        characteristic = {
            term
            for term, count in counts.items()
            if count >= 2 and count / len(members) >= LIFT * frequency.get(term, 0) / documents
        }
        main = max(numbers, key=lambda n: (len(groups[n].articles), -n))
        words = characteristic & {t for m in groups[main].members for t in m.gist}
        for number in numbers:
            group = groups[number]
            if number == main or (group.curated and groups[main].curated):
                continue
            if any(_is_news(m, context) for m in group.members):
                continue
            if words & {t for m in group.members for t in m.gist}:
                _absorb(groups[main], group)


def _absorb(into: Group, group: Group) -> None:
    """Move every member of ``group`` into ``into`` (the index keeps pointing at ``group``,
    now empty, which is harmless: an empty group scores nothing)."""
    into.members.extend(group.members)
    into.intervals |= group.intervals
    into.curated = into.curated or group.curated
    into.articles |= group.articles
    group.members.clear()
    group.intervals.clear()
    group.articles.clear()


def _interval(member: Member) -> tuple[dt.date, dt.date]:
    first, last = member.event.date.first_day, member.event.date.last_day
    assert first is not None  # only anchored events are grouped
    assert last is not None
    return first, last


def _join(member: Member, groups: list[Group], index: IntervalIndex, scales: _Scales) -> None:
    first, last = _interval(member)
    curated = member.event.status in CURATED
    # A week or a month names a day's event by what it says ("last week's explosion"): of
    # the days it fits, the one most reported; a day's own sentence joins its best match.
    coarse = member.event.date.precision.rank < Precision.DAY.rank
    best, best_key = -1, (0, 0.0)
    for candidate in index.candidates(first, last):
        group = groups[candidate]
        if curated and group.curated:
            continue
        if not all(compatible_intervals(first, last, *seen) for seen in group.intervals):
            continue
        exemplars = group.members[:EXEMPLARS]
        score = max((_score(member, other, scales) for other in exemplars), default=0.0)
        key = (len(group.articles) if coarse and score > 0 else 0, score)
        if score > 0 and key > best_key:
            best, best_key = candidate, key
    if best < 0:
        best = len(groups)
        groups.append(Group())
    _add(groups[best], member, index, best)


def _add(group: Group, member: Member, index: IntervalIndex, number: int) -> None:
    first, last = _interval(member)
    group.members.append(member)
    group.intervals.add((first, last))
    group.curated = group.curated or member.event.status in CURATED
    group.articles.update(ref.article for ref in member.event.sources)
    index.add(first, last, number)


def _join_bare(member: Member, groups: list[Group], index: IntervalIndex) -> None:
    """A bare reference joins the group of its exact interval citing the most articles (the
    first such group on a tie), or the bare group of its date."""
    first, last = _interval(member)
    exact = [
        n for n in index.groups.get((first, last), []) if groups[n].intervals == {(first, last)}
    ]
    with_statements = [n for n in exact if any(m.role is not Role.BARE for m in groups[n].members)]
    pool = with_statements or exact
    if pool:
        best = max(pool, key=lambda n: (len(groups[n].articles), -n))
    else:
        best = len(groups)
        groups.append(Group())
    _add(groups[best], member, index, best)


@dataclass(slots=True)
class IntervalIndex:
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
            if compatible_intervals(first, last, *other):
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


# ---------------------------------------------------------------------------------------------
# One event per group


@dataclass(frozen=True, slots=True)
class Context:
    """What choosing a group's shown report needs to know of the articles."""

    published: Mapping[str, dt.date | None]
    """Article id -> publication date (None when unknown)."""


def _delay(member: Member, context: Context) -> int | None:
    """Days from the event's first day to its article's publication; None when unknown."""
    first = member.event.date.first_day
    source = member.event.sources[0] if member.event.sources else None
    published = context.published.get(source.article) if source is not None else None
    if first is None or published is None:
        return None
    return (published - first).days


def _is_news(member: Member, context: Context) -> bool:
    delay = _delay(member, context)
    return member.role is Role.STATEMENT and delay is not None and 0 <= delay <= NEWS_DAYS


def _is_expected(member: Member, context: Context) -> bool:
    """Whether the sentence was written before its date: a plan or a forecast."""
    delay = _delay(member, context)
    last = member.event.date.last_day
    first = member.event.date.first_day
    if delay is None or last is None or first is None:
        return False
    return delay + (last - first).days < 0


def representative(group: Sequence[Member], context: Context) -> Member:
    """The member a group is shown as: the analyst's own, else the report that states the
    event as news.

    News first (a statement published within ``NEWS_DAYS`` of the date), then any statement
    not written before its date, then a reference. Within each, the most central sentence:
    the one that shares most with the others for its length (so the plainest report of the
    event, not the longest), then the earliest article, the most precise date, the shortest
    sentence.
    """
    curated = [m for m in group if m.event.status in CURATED]
    if curated:
        return curated[0]
    exemplars = list(group[:EXEMPLARS])

    def centrality(member: Member) -> float:
        mine = member.profile.terms
        if not mine:
            return 0.0
        return sum(
            len(mine & other.profile.terms) / math.sqrt(len(mine) * len(other.profile.terms))
            for other in exemplars
            if other is not member and other.profile.terms
        )

    def rank(member: Member) -> tuple[object, ...]:
        delay = _delay(member, context)
        news = _is_news(member, context)
        statement = member.role is Role.STATEMENT and not _is_expected(member, context)
        date = member.event.date
        first, last = date.first_day, date.last_day
        span = (last - first).days if first is not None and last is not None else 0
        return (
            min(date.precision.rank, Precision.DAY.rank),
            statement,
            member.role is not Role.BARE,
            round(centrality(member), 6),
            news,
            -(delay if delay is not None else 0),
            date.precision.rank,
            -span,
            -len(member.event.text),
        )

    return max(group, key=rank)


def merge(group: Sequence[Member], context: Context) -> Event:
    """One event for a group: the shown report, every source cited (the shown sentence's
    first, then in chronological order), and what the news reports of it (not references or
    later retellings) disagree on."""
    ordered = sorted(group, key=lambda m: processing_key(m.event))
    shown_member = representative(ordered, context)
    shown = shown_member.event
    sources = list(shown.sources)
    for member in ordered:
        sources.extend(ref for ref in member.event.sources if ref not in sources)
    notes = [shown.notes] if shown.notes else []
    notes.extend(m.event.notes for m in ordered if m.event.notes and m.event.notes not in notes)
    # What the reports of the event disagree on: the news of it, not later retellings
    # (which bring their own figures: "126 crew were on board" is no conflict with "11 killed").
    reports = [
        m.event.text
        for m in ordered
        if m.role is Role.STATEMENT and (_is_news(m, context) or _delay(m, context) is None)
    ]
    status = next((m.event.status for m in ordered if m.event.status in CURATED), shown.status)
    return dataclasses.replace(
        shown,
        status=status,
        sources=tuple(sources),
        notes="\n".join(notes),
        differences=tuple(dict.fromkeys((*shown.differences, *differences(reports)))),
        members=tuple(
            dict.fromkeys(
                i
                for m in (shown_member, *(m for m in ordered if m is not shown_member))
                for i in (m.event.members or (m.event.id,))
            )
        ),
        references=sum(_references(m) for m in ordered),
        expected=all(_is_expected(m, context) for m in ordered),
        unstated=all(m.role is Role.BARE for m in ordered),
    )


def _references(member: Member) -> int:
    """How many references a member stands for: its own count once merged already."""
    if member.event.members:
        return member.event.references
    return 0 if member.role is Role.STATEMENT else 1


def deduplicate(events: Sequence[Event], context: Context) -> tuple[Event, ...]:
    """Anchored events grouped into one per real-world event, in chronological order."""
    weights = run_weights(events)
    merged = [merge(group, context) for group in cluster(events, weights, context)]
    return tuple(sorted(merged, key=processing_key))
