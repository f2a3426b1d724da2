"""Turning the merged timeline's entries into the events the documents show, and its problems.

An entry left as extracted shows the extraction's own event (its date span, its anchoring);
an edited or manual one shows what the analyst wrote. Pure functions over read entries.
"""

from __future__ import annotations

import dataclasses
from typing import TYPE_CHECKING

from briefing.errors import shown as quoted
from briefing.model import (
    Anchoring,
    DateMention,
    Diagnostic,
    Event,
    Level,
    Precision,
    Status,
    TimexType,
)
from briefing.timeline.entries import fingerprint_event
from briefing.timex import interval

if TYPE_CHECKING:
    from pathlib import Path

    from briefing.timeline.entries import Entry


def shown(
    entries: tuple[Entry, ...],
    by_id: dict[str, Event],
    known_articles: frozenset[str],
    path: Path,
) -> tuple[tuple[Event, ...], tuple[Event, ...], tuple[Diagnostic, ...]]:
    """The events to show, the rejected ones and the problems to report, from the merged
    file's entries. Rejected events are returned apart: the chronology needs them to keep
    their event out, and nothing else may show them."""
    rejected: list[Event] = []
    events: list[Event] = []
    problems: list[Diagnostic] = []
    for entry in entries:
        missing = sorted({s.article for s in entry.sources} - known_articles)
        if entry.status is Status.REJECTED:
            rejected.append(_event(entry, by_id.get(entry.id)))
            continue
        if entry.status is Status.STALE:
            problems.append(_stale(entry, missing, path))
            continue
        if entry.status is Status.MANUAL:
            problems.extend(_manual_problems(entry, missing, path))
        fresh = by_id.get(entry.id) if entry.status is not Status.MANUAL else None
        events.append(_event(entry, fresh))
    return tuple(events), tuple(rejected), tuple(problems)


def _stale(entry: Entry, missing: list[str], path: Path) -> Diagnostic:
    if entry.by_id:
        code = "stale-event"
        why = "no extracted event has this id (copy the id of an event from timeline.json)"
    elif missing:
        code = "missing-article"
        why = f"cites {', '.join(quoted(m) for m in missing)}, no longer among the articles"
    else:
        code = "stale-event"
        articles = ", ".join(sorted({quoted(s.article) for s in entry.sources})) or "its article"
        why = f"its sentence is no longer found in {articles} (was the article edited?)"
    return Diagnostic(
        level=Level.WARNING,
        code=code,
        message=f"event '{entry.id}' is stale: {why}; it stays in the file and out of the "
        "briefing. Set `status: rejected` to drop it, or `status: manual` to keep it as written",
        path=path,
        line=entry.line,
    )


def _manual_problems(entry: Entry, missing: list[str], path: Path) -> tuple[Diagnostic, ...]:
    if missing:
        return (
            Diagnostic(
                level=Level.WARNING,
                code="missing-article",
                message=f"manual event '{entry.id}' cites "
                f"{', '.join(quoted(m) for m in missing)}, not among the articles: "
                "fix the article id (a file name without its suffix) or add the article",
                path=path,
                line=entry.line,
            ),
        )
    if not entry.sources:
        return (
            Diagnostic(
                level=Level.WARNING,
                code="manual-without-source",
                message=f"manual event '{entry.id}' has no `sources:`; every statement of a "
                "briefing should cite the article it comes from",
                path=path,
                line=entry.line,
            ),
        )
    return ()


def _event(entry: Entry, fresh: Event | None) -> Event:
    """The event an entry shows: the extraction's own where the analyst left it as extracted."""
    if fresh is None:
        return event_as_written(entry)
    if entry.by_id or entry.fingerprint == fingerprint_event(fresh):
        return dataclasses.replace(fresh, status=entry.status, notes=entry.notes)
    date = fresh.date
    same_date = (entry.value, entry.mod, entry.end) == (date.value, date.mod, date.end_value)
    mention = _rebase(date, entry.text) if same_date else _written_mention(entry)
    return event_as_written(entry, mention)


def event_as_written(entry: Entry, mention: DateMention | None = None) -> Event:
    """The event an entry shows as written; its date the analyst's unless ``mention`` is given."""
    return Event(
        id=entry.id,
        date=mention if mention is not None else _written_mention(entry),
        text=entry.text,
        sources=entry.sources,
        attribution=entry.attribution,
        claim=entry.claim,
        status=entry.status,
        notes=entry.notes,
    )


def _written_mention(entry: Entry) -> DateMention:
    """A date the analyst wrote: explicit, with no span in the sentence."""
    span = interval(entry.value, entry.mod, entry.end)
    anchored = span.first is not None
    reason = ""
    if not anchored:
        reason = (
            "the date has no year: write the full date (e.g. 2024-09-17) in the timeline file"
            if entry.value.startswith("XXXX")
            else "the date is too vague to place in a chronology"
        )
    return DateMention(
        start=0,
        end=0,
        text="",
        type=TimexType.TIME if span.precision is Precision.TIME else TimexType.DATE,
        value=entry.value,
        precision=span.precision,
        mod=entry.mod,
        end_value=entry.end,
        first_day=span.first,
        last_day=span.last,
        anchoring=Anchoring.EXPLICIT if anchored else Anchoring.NONE,
        reason=reason,
    )


def _rebase(mention: DateMention, sentence: str) -> DateMention:
    """The extracted mention, its offsets moved into a sentence the analyst reworded."""
    if mention.text and sentence[mention.start : mention.end] == mention.text:
        return mention
    at = sentence.find(mention.text) if mention.text else -1
    if at < 0:
        return dataclasses.replace(mention, start=0, end=0, text="")
    return dataclasses.replace(mention, start=at, end=at + len(mention.text))
