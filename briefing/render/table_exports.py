"""The chronology as CSV and as TimelineJS JSON: for spreadsheets and interactive web timelines.

Both read the ``Chronology`` directly (not the document tree): they carry data, not layout.
"""

from __future__ import annotations

import csv
import io
import json
from typing import TYPE_CHECKING, Any

from briefing.model import Precision
from briefing.timex import label

if TYPE_CHECKING:
    import datetime as dt

    from briefing.model import Chronology, DateMention, Event

CSV_COLUMNS = (
    "id", "placed", "date", "label", "start", "end", "precision", "mod", "inferred", "text",
    "attribution", "claim", "status", "sources",
)  # fmt: skip


def _iso(day: dt.date | None) -> str:
    return day.isoformat() if day is not None else ""


def _row(event: Event, *, placed: bool) -> dict[str, str]:
    date = event.date
    return {
        "id": event.id,
        "placed": "yes" if placed else "no",
        "date": date.value if date.end_value is None else f"{date.value}/{date.end_value}",
        "label": label(date),
        "start": _iso(date.first_day),
        "end": _iso(date.last_day),
        "precision": date.precision.value,
        "mod": date.mod.value if date.mod is not None else "",
        "inferred": "yes" if date.inferred else "no",
        "text": event.text,
        "attribution": event.attribution,
        "claim": event.claim,
        "status": event.status.value,
        "sources": "; ".join(f"{ref.article}:{ref.start}-{ref.end}" for ref in event.sources),
    }


def write_csv(chronology: Chronology) -> bytes:
    """The chronology as CSV (UTF-8 with a BOM so spreadsheet programs detect the encoding)."""
    buffer = io.StringIO(newline="")
    writer = csv.DictWriter(buffer, fieldnames=CSV_COLUMNS, lineterminator="\r\n")
    writer.writeheader()
    for event in chronology.events:
        writer.writerow(_row(event, placed=True))
    for event in chronology.unplaced:
        writer.writerow(_row(event, placed=False))
    return buffer.getvalue().encode("utf-8-sig")


_KEEP = {
    Precision.DAY: ("year", "month", "day"),
    Precision.TIME: ("year", "month", "day"),
    Precision.WEEK: ("year", "month", "day"),
    Precision.MONTH: ("year", "month"),
}


def _timeline_date(day: dt.date, precision: Precision) -> dict[str, int]:
    """A TimelineJS date object holding only the parts the date really has."""
    parts = _KEEP.get(precision, ("year",))
    values = {"year": day.year, "month": day.month, "day": day.day}
    return {part: values[part] for part in parts}


def _slide(event: Event, sources: dict[str, str]) -> dict[str, Any]:
    date: DateMention = event.date
    assert date.first_day is not None  # only placed events become slides
    assert date.last_day is not None
    cited = ", ".join(sources.get(ref.article, ref.article) for ref in event.sources)
    slide: dict[str, Any] = {
        "unique_id": event.id,
        "start_date": _timeline_date(date.first_day, date.precision),
        "display_date": label(date),
        "text": {
            "headline": label(date),
            "text": _html(event.text) + f"<p><i>{_html(cited)}</i></p>",
        },
    }
    if date.end_value is not None or date.precision not in _KEEP:
        slide["end_date"] = _timeline_date(date.last_day, date.precision)
    if event.attribution:
        slide["group"] = event.attribution
    return slide


def _html(text: str) -> str:
    """Text for TimelineJS's HTML fields, escaped so it prints as written."""
    return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")


def write_timelinejs(chronology: Chronology, title: str, subtitle: str = "") -> bytes:
    """The placed events in TimelineJS's JSON format (``title`` slide plus ``events``)."""
    sources = {
        article.id: article.title or article.publisher or article.id
        for article in chronology.articles
    }
    data = {
        "title": {"text": {"headline": _html(title), "text": _html(subtitle)}},
        "events": [_slide(event, sources) for event in chronology.events],
    }
    return (json.dumps(data, ensure_ascii=False, indent=2) + "\n").encode("utf-8")
