"""How much each event matters, from evidence an analyst can check, and that evidence in words.

Two kinds of evidence. A *date's*: how many articles mention the day, and above all how many
later articles (published two or more days after it) come back to it: a story's turning
points are the days its later coverage keeps naming. An *event's*: the articles and outlets
that report it or refer back to it, and how close its sentence is to the collection's story.
A day's evidence goes to its main event (the one citing the most articles); another event of
the same day gets the share of it its own articles make. The burst of publication around a
date is reported with the evidence but not counted: on news collections a rush of articles
marks busy news days as often as important ones, and counting it lowered the agreement with
journalists' timelines (``benchmarks/bench_timeline.py`` measures it).

Unsupervised and deterministic: no model, no download, and the same events give the same
scores in any order.
"""

from __future__ import annotations

import dataclasses
import datetime as dt
import math
from collections import Counter
from collections.abc import Mapping
from dataclasses import dataclass
from typing import TYPE_CHECKING

from briefing.chronology.group import NEWS_DAYS
from briefing.model import Salience
from briefing.similarity import features
from briefing.timex import shift

if TYPE_CHECKING:
    from collections.abc import Iterable, Sequence

    from briefing.model import Article, Event

STORY_TERMS = 40
"""How many of the collection's most widespread terms make its story."""

BURST_DAYS = 3
"""The window of publication counted from an event's first day."""

LATER_WEIGHT = 1.0
ARTICLES_WEIGHT = 0.25
OUTLETS_WEIGHT = 0.25
"""How the evidence adds up, each count entering as ``log(1 + count)``: later articles coming
back to a date first, then every article mentioning it, then independent outlets beyond the
first. The burst of publication is reported, not counted (see the module docstring)."""

STORY_ENOUGH = 0.3
"""Closeness to the story from which an event counts fully: one of the story's widespread
terms is enough to be on topic."""

STORY_FLOOR = 0.5
"""The share of its score an event keeps when it uses none of the story's terms: an
off-topic sentence (a radio listing, another story) can still matter, but rarely."""

_Interval = tuple[dt.date, dt.date]


@dataclass(frozen=True, slots=True)
class Evidence:
    """What the collection says about dates and terms, gathered once for all events."""

    published: Mapping[str, dt.date | None]
    """Article id -> publication date."""
    publisher: Mapping[str, str]
    """Article id -> publisher ("" when unknown)."""
    mentions: Mapping[_Interval, frozenset[str]]
    """Interval -> the articles with a sentence dated by it."""
    daily: Mapping[dt.date, int]
    """Day -> articles published that day."""
    rate: float
    """Articles published per day over the publication span."""
    story: Mapping[str, float]
    """The story's main terms -> weight (the share of articles using them, title and keywords
    counting fully)."""


def gather(
    events: Iterable[Event], articles: Sequence[Article], story_words: Sequence[str] = ()
) -> Evidence:
    """The collection-wide evidence, from every extracted sentence (``events`` before
    grouping): who mentions which date, when articles appeared, and the story's main terms
    (the words most articles use, plus ``story_words``: the briefing's title and keywords)."""
    published = {article.id: article.published for article in articles}
    mentions: dict[_Interval, set[str]] = {}
    usage: dict[str, set[str]] = {}
    for event in events:
        first, last = event.date.first_day, event.date.last_day
        cited = {ref.article for ref in event.sources}
        if first is not None and last is not None:
            mentions.setdefault((first, last), set()).update(cited)
        for term in features(event.text):
            if not term.startswith("N:"):
                usage.setdefault(term, set()).update(cited)
    days = sorted(day for day in published.values() if day is not None)
    span = (days[-1] - days[0]).days + 1 if days else 1
    total = max(1, len(articles))
    story: dict[str, float] = {}
    if len(articles) >= STORY_MIN_ARTICLES:
        widespread = [item for item in usage.items() if len(item[1]) >= _widespread(total)]
        common = sorted(widespread, key=lambda item: (-len(item[1]), item[0]))[:STORY_TERMS]
        story = {term: len(users) / total for term, users in common}
    for term in features(" ".join(story_words)):
        story[term] = 1.0
    return Evidence(
        published=published,
        publisher={article.id: article.publisher for article in articles},
        mentions={key: frozenset(value) for key, value in mentions.items()},
        daily=Counter(days),
        rate=len(days) / span,
        story=story,
    )


STORY_MIN_ARTICLES = 20
"""Fewer articles than this say too little about what is widespread: the story is then only
what the briefing's title and keywords say (and, without them, every event is on it)."""

STORY_SHARE = 0.05
"""A story term is used by at least this share of the articles (and by two of them)."""


def _widespread(articles: int) -> int:
    return max(2, math.ceil(STORY_SHARE * articles))


def weigh_all(events: Sequence[Event], evidence: Evidence) -> tuple[Event, ...]:
    """The events with their salience: each day's evidence to its main event, a share of it
    to the others of that day."""
    by_day: dict[_Interval, list[Event]] = {}
    for event in events:
        found = _interval(event)
        if found is not None:
            by_day.setdefault(found, []).append(event)
    main = {max(group, key=lambda e: (len(_articles(e)), e.id)).id for group in by_day.values()}
    return tuple(
        dataclasses.replace(e, salience=score(e, evidence, main=e.id in main)) for e in events
    )


def _interval(event: Event) -> _Interval | None:
    first, last = event.date.first_day, event.date.last_day
    return (first, last) if first is not None and last is not None else None


def _articles(event: Event) -> frozenset[str]:
    return frozenset(ref.article for ref in event.sources)


def score(event: Event, evidence: Evidence, *, main: bool = True) -> Salience:
    """The salience of one (merged) event, with its reasons; ``main`` when it is its day's
    main event (else it gets the share of the day's evidence its own articles make)."""
    articles = _articles(event)
    outlets = {evidence.publisher.get(a) or f"#{a}" for a in articles}
    found = _interval(event)
    mentioning = evidence.mentions.get(found, articles) if found is not None else articles
    mentioning = mentioning | articles
    later = window = 0
    burst = 0.0
    if found is not None:
        first = found[0]
        cutoff = shift(first, NEWS_DAYS)
        later = sum(1 for a in mentioning if (evidence.published.get(a) or first) >= cutoff)
        days = min(BURST_DAYS, (dt.date.max - first).days + 1)  # none past the calendar's end
        window = sum(evidence.daily.get(first + dt.timedelta(days=n), 0) for n in range(days))
        burst = window / (BURST_DAYS * evidence.rate) if evidence.rate > 0 else 0.0
    story, terms = _closeness(event, evidence.story)
    raw = (
        LATER_WEIGHT * math.log1p(later)
        + ARTICLES_WEIGHT * math.log1p(len(mentioning))
        + OUTLETS_WEIGHT * math.log1p(max(len(outlets) - 1, 0))  # a manual event may cite none
    )
    share = 1.0 if main else len(articles) / len(mentioning)
    topical = STORY_FLOOR + (1 - STORY_FLOOR) * min(1.0, story / STORY_ENOUGH)
    salience = Salience(
        score=round(raw * share * topical, 4),
        articles=len(articles),
        outlets=len(outlets),
        later=later,
        burst=round(burst, 2),
        story=round(story, 2),
        terms=terms,
    )
    said = reasons(salience, mentions=len(mentioning), window=window)
    return dataclasses.replace(salience, reasons=said)


def _closeness(event: Event, story: Mapping[str, float]) -> tuple[float, tuple[str, ...]]:
    """How much of the story's vocabulary the event's sentence uses, from 0 to 1, and which
    terms: three of the story's most widespread terms make a sentence fully on the story."""
    if not story:
        return 1.0, ()
    used = sorted(
        (term for term in features(event.text) if term in story),
        key=lambda term: (-story[term], term),
    )
    top = sorted(story.values(), reverse=True)[:3]
    closeness = min(1.0, sum(story[term] for term in used) / sum(top)) if top else 0.0
    return closeness, tuple(dict.fromkeys(term.removeprefix("E:") for term in used))


def _plural(count: int, word: str) -> str:
    return f"{count} {word}" if count == 1 else f"{count} {word}s"


BURST_NOTABLE = 2.0
BURST_ARTICLES = 3
"""A burst worth naming: twice the usual rate, and at least three articles in the window."""


def reasons(salience: Salience, *, mentions: int = 0, window: int = 0) -> tuple[str, ...]:
    """The evidence in words a reader checks against the sources."""
    said = [
        f"reported or referred to by {_plural(salience.articles, 'article')} "
        f"from {_plural(salience.outlets, 'outlet')}"
    ]
    if salience.later:
        verb = "mentions" if salience.later == 1 else "mention"
        said.append(f"{_plural(salience.later, 'later article')} {verb} its date")
    elif mentions > salience.articles:
        said.append(f"{_plural(mentions, 'article')} mention its date")
    if salience.burst >= BURST_NOTABLE and window >= BURST_ARTICLES:
        said.append(f"a burst of coverage ({salience.burst:.1f} times the usual rate)")
    if salience.story < STORY_ENOUGH / 2:
        said.append("far from the story's main terms")
    return tuple(said)
