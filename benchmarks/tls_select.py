"""Turn a ``timeline.json`` into timelines to score: the tool's key dates and the floor's.

The tool's selection: its events ranked by salience (``event["salience"]["rank"]``, the
tool's own order; else ``["score"]``, highest first, ties by id) or, in a ``timeline.json``
without salience, by the number of distinct articles an event cites (the ranking measured
before issue 10). The ranking is walked,
collecting distinct dates, until there are k (the number of dates of the journalists'
timeline). A ``key`` flag or a section an event may carry is ignored: the ranking is scored.

The floor: the k days mentioned most, i.e. with the most sentences dated with them (the
sources of the day's events), ties to the earlier day.

Candidates for both are events dated to a day (precision ``day`` or ``time``) within the
collection's publication span, first to last article, never the journalists' span. A chosen
day's summary is the text of its events in ranking order (the floor: most sources first),
as many sentences as the journalists write per date on average (rounded half to even as
news-tls does, at least 1); a text already taken for that day is not repeated.
"""

from __future__ import annotations

import datetime as dt
import json
import math
import re
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from collections.abc import Iterable, Sequence
    from pathlib import Path

DAY_PRECISIONS = frozenset({"day", "time"})
_PUBLISHED = re.compile(r"^published:\s*['\"]?(\d{4}-\d{2}-\d{2})", re.MULTILINE)

Event = dict[str, Any]
"""One event of ``timeline.json`` (``briefing.render.json_export.event_data``)."""


def publication_span(articles: Iterable[Path]) -> tuple[dt.date, dt.date]:
    """First and last ``published:`` date in the articles' front matter."""
    days = []
    for path in articles:
        text = path.read_text(encoding="utf-8", errors="replace")
        front = text.split("\n---", 1)[0] if text.startswith("---") else ""
        found = _PUBLISHED.search(front)
        if found is not None:
            days.append(dt.date.fromisoformat(found.group(1)))
    if not days:
        raise ValueError("no article has a `published:` date in its front matter")
    return min(days), max(days)


def read_reference(path: Path) -> dict[dt.date, tuple[str, ...]]:
    """A journalists' timeline: ``[{"date": "YYYY-MM-DD", "summary": [sentences]}]``."""
    entries = json.loads(path.read_text(encoding="utf-8"))
    timeline: dict[dt.date, tuple[str, ...]] = {}
    for entry in entries:
        day = dt.date.fromisoformat(entry["date"])
        timeline[day] = timeline.get(day, ()) + tuple(s.strip() for s in entry["summary"])
    return timeline


def sentences_per_date(reference: dict[dt.date, tuple[str, ...]]) -> int:
    """The journalists' average sentences per date, rounded (news-tls), at least 1."""
    if not reference:
        return 1
    return max(1, round(sum(len(s) for s in reference.values()) / len(reference)))


def candidates(data: dict[str, Any], span: tuple[dt.date, dt.date]) -> list[Event]:
    """The placed events dated to a day within the publication span."""
    first, last = span
    chosen = []
    for event in data.get("events", []):
        date = event.get("date") or {}
        if date.get("precision") not in DAY_PRECISIONS or not date.get("start"):
            continue
        if first <= dt.date.fromisoformat(date["start"]) <= last:
            chosen.append(event)
    return chosen


def day(event: Event) -> dt.date:
    """The day an event is dated to."""
    return dt.date.fromisoformat(event["date"]["start"])


def _articles(event: Event) -> int:
    return len({source["article"] for source in event.get("sources", [])})


def _salience(event: Event) -> float:
    salience = event.get("salience")
    if isinstance(salience, dict) and isinstance(salience.get("score"), int | float):
        return float(salience["score"])
    return -math.inf  # an event without a score ranks after every scored one


def _rank(event: Event) -> float:
    salience = event.get("salience")
    if isinstance(salience, dict) and isinstance(salience.get("rank"), int):
        return float(salience["rank"])
    return math.inf


def rank(events: Sequence[Event]) -> list[Event]:
    """Most salient first: by the tool's own salience rank when the file gives one, else by
    score (ties by id), else by distinct articles."""
    if any(_rank(event) < math.inf for event in events):
        return sorted(events, key=lambda e: (_rank(e), -_salience(e), e["id"]))
    if any("salience" in event for event in events):
        return sorted(events, key=lambda e: (-_salience(e), e["id"]))
    return sorted(events, key=lambda e: (-_articles(e), e["id"]))


def _summaries(
    days: Iterable[dt.date], ranked: Sequence[Event], per_date: int
) -> dict[dt.date, tuple[str, ...]]:
    """Each chosen day's summary: its events' texts in ``ranked`` order, ``per_date`` of them."""
    texts: dict[dt.date, list[str]] = {d: [] for d in days}
    for event in ranked:
        taken = texts.get(day(event))
        text = " ".join(str(event.get("text", "")).split())
        if taken is not None and text and text not in taken and len(taken) < per_date:
            taken.append(text)
    return {d: tuple(sentences) for d, sentences in texts.items()}


def _first_days(ranked: Iterable[Event], k: int) -> list[dt.date]:
    days: list[dt.date] = []
    for event in ranked:
        if len(days) == k:
            break
        if day(event) not in days:
            days.append(day(event))
    return days


def _most_sources(event: Event) -> tuple[int, str]:
    return -len(event.get("sources", [])), event["id"]


def tool_timeline(
    data: dict[str, Any], span: tuple[dt.date, dt.date], k: int, per_date: int
) -> dict[dt.date, tuple[str, ...]]:
    """The tool's k key days by its ranking, each with its summary."""
    ranked = rank(candidates(data, span))
    return _summaries(_first_days(ranked, k), ranked, per_date)


def floor_timeline(
    data: dict[str, Any], span: tuple[dt.date, dt.date], k: int, per_date: int
) -> dict[dt.date, tuple[str, ...]]:
    """The floor: the k days with the most dated sentences, each with its summary."""
    events = candidates(data, span)
    mentions: dict[dt.date, int] = {}
    for event in events:
        mentions[day(event)] = mentions.get(day(event), 0) + len(event.get("sources", []))
    days = sorted(mentions, key=lambda d: (-mentions[d], d))[:k]
    return _summaries(days, sorted(events, key=_most_sources), per_date)
