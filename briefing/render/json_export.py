"""The chronology as data: ``timeline.json``, schema 1, stable key order, no clock reads.

Its JSON Schema ships with the package (``SCHEMA_FILE``); objects may gain fields within
schema 1, so readers should ignore keys they do not know.
"""

from __future__ import annotations

import datetime as dt
import json
from pathlib import Path
from typing import TYPE_CHECKING, Any

from briefing.model import Section
from briefing.timex import label

if TYPE_CHECKING:
    from collections.abc import Iterable, Mapping, Sequence

    from briefing.model import Article, Chronology, Diagnostic, Event, Fact, Salience

SCHEMA = 1
SCHEMA_FILE = Path(__file__).resolve().parent.parent / "schemas" / "timeline.schema.json"
"""The JSON Schema (draft 2020-12) of ``timeline.json``."""


def _iso(day: dt.date | None) -> str | None:
    return day.isoformat() if day is not None else None


def event_data(event: Event, ranks: Mapping[str, int] | None = None) -> dict[str, Any]:
    """One event as JSON-ready data; ``ranks`` gives its salience rank when known."""
    ranks = ranks or {}
    date = event.date
    return {
        "id": event.id,
        "date": {
            "value": date.value,
            "end_value": date.end_value,
            "mod": date.mod.value if date.mod is not None else None,
            "start": _iso(date.first_day),
            "end": _iso(date.last_day),
            "precision": date.precision.value,
            "anchored": date.anchored,
            "anchoring": date.anchoring.value,
            "inferred": date.inferred,
            "label": label(date),
            "text": date.text,
            "reason": date.reason or None,
        },
        "text": event.text,
        "attribution": event.attribution or None,
        "claim": event.claim or None,
        "status": event.status.value,
        "differences": list(event.differences),
        "sources": [
            {"article": ref.article, "start": ref.start, "end": ref.end} for ref in event.sources
        ],
        "section": event.section.value if event.section is not None else None,
        "key": event.section is Section.KEY,
        "members": list(event.members),
        "references": event.references,
        "expected": event.expected,
        "salience": _salience_data(event.salience, ranks.get(event.id)) if event.salience else None,
    }


def _salience_data(salience: Salience, rank: int | None) -> dict[str, Any]:
    data: dict[str, Any] = {"score": salience.score}
    if rank is not None:
        data["rank"] = rank
    data.update(
        articles=salience.articles,
        outlets=salience.outlets,
        later=salience.later,
        burst=salience.burst,
        story=salience.story,
        terms=list(salience.terms),
        reasons=list(salience.reasons),
    )
    return data


def ranks_of(events: Sequence[Event]) -> dict[str, int]:
    """Event id -> 1-based rank by salience (ties: the earlier event, then the id)."""
    scored = [e for e in events if e.salience is not None]
    ordered = sorted(
        scored,
        key=lambda e: (
            -(e.salience.score if e.salience is not None else 0.0),
            e.date.first_day or dt.date.max,
            e.id,
        ),
    )
    return {event.id: rank for rank, event in enumerate(ordered, start=1)}


def _article_data(article: Article) -> dict[str, Any]:
    return {
        "id": article.id,
        "path": article.path.as_posix(),
        "title": article.title or None,
        "publisher": article.publisher or None,
        "url": article.url or None,
        "author": article.author or None,
        "language": article.language,
        "published": _iso(article.published),
        "published_from": article.date_origin.value,
        "accessed": _iso(article.accessed),
        "reliability": article.reliability or None,
    }


def _fact_data(fact: Fact) -> dict[str, Any]:
    return {
        "text": fact.text,
        "as_of": _iso(fact.as_of),
        "attribution": fact.attribution or None,
        "claim": fact.claim or None,
        "sources": [
            {"article": ref.article, "start": ref.start, "end": ref.end} for ref in fact.sources
        ],
    }


def _diagnostic_data(diagnostic: Diagnostic) -> dict[str, Any]:
    return {
        "level": diagnostic.level.value,
        "code": diagnostic.code,
        "message": diagnostic.message,
        "path": diagnostic.path.as_posix() if diagnostic.path is not None else None,
        "line": diagnostic.line,
    }


def write(chronology: Chronology) -> bytes:
    """``timeline.json``: placed events in order, then unplaced ones, articles, diagnostics.

    The same bytes as ``json.dumps(..., indent=2)`` of the whole document, encoded one item of
    each list at a time: at 50,000 articles the whole document as Python objects and as one
    string raised the build's peak memory by 1 GB.
    """
    ranks = ranks_of(chronology.events)
    period = chronology.period
    head = {
        "schema": SCHEMA,
        "period": {"start": period[0].isoformat(), "end": period[1].isoformat()}
        if period is not None
        else None,
        "budget": chronology.budget,
    }
    lists: dict[str, Iterable[dict[str, Any]]] = {
        "events": (event_data(event, ranks) for event in chronology.events),
        "unplaced": (event_data(event) for event in chronology.unplaced),
        "facts": (_fact_data(fact) for fact in chronology.facts),
        "articles": (_article_data(article) for article in chronology.articles),
        "diagnostics": (_diagnostic_data(d) for d in chronology.diagnostics),
    }
    chunks = [b"{\n"]
    for key, value in head.items():
        text = f"  {_dumps(key)}: {_dumps(value, indent=2)}".replace("\n", "\n  ")
        chunks.append(text.encode("utf-8") + b",\n")
    for number, (key, items) in enumerate(lists.items()):
        chunks.append(f"  {_dumps(key)}: ".encode())
        _array(items, chunks)
        chunks.append(b",\n" if number < len(lists) - 1 else b"\n}\n")
    return b"".join(chunks)


def _dumps(value: object, *, indent: int | None = None) -> str:
    return json.dumps(value, ensure_ascii=False, indent=indent)


def _array(items: Iterable[dict[str, Any]], chunks: list[bytes]) -> None:
    """A list two levels deep as ``json.dumps(indent=2)`` writes it, appended to ``chunks``
    item by item, encoded at once (a JSON string never holds a raw line break, so indenting
    every line is safe)."""
    first = True
    for item in items:
        text = _dumps(item, indent=2).replace("\n", "\n    ")
        chunks.append((("[\n    " if first else ",\n    ") + text).encode("utf-8"))
        first = False
    chunks.append(b"[]" if first else b"\n  ]")
