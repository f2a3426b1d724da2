"""The chronology as data: ``timeline.json``, schema 1, stable key order, no clock reads.

Its JSON Schema ships with the package (``SCHEMA_FILE``); objects may gain fields within
schema 1, so readers should ignore keys they do not know.
"""

from __future__ import annotations

import json
from pathlib import Path
from typing import TYPE_CHECKING, Any

from briefing.timex import label

if TYPE_CHECKING:
    import datetime as dt

    from briefing.model import Article, Chronology, Diagnostic, Event, Fact

SCHEMA = 1
SCHEMA_FILE = Path(__file__).resolve().parent.parent / "schemas" / "timeline.schema.json"
"""The JSON Schema (draft 2020-12) of ``timeline.json``."""


def _iso(day: dt.date | None) -> str | None:
    return day.isoformat() if day is not None else None


def event_data(event: Event) -> dict[str, Any]:
    """One event as JSON-ready data."""
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
    }


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
    """``timeline.json``: placed events in order, then unplaced ones, articles, diagnostics."""
    data = {
        "schema": SCHEMA,
        "events": [event_data(event) for event in chronology.events],
        "unplaced": [event_data(event) for event in chronology.unplaced],
        "facts": [_fact_data(fact) for fact in chronology.facts],
        "articles": [_article_data(article) for article in chronology.articles],
        "diagnostics": [_diagnostic_data(d) for d in chronology.diagnostics],
    }
    return (json.dumps(data, ensure_ascii=False, indent=2) + "\n").encode("utf-8")
