"""The chronology as CSV, one row per event, for spreadsheets.

It reads the ``Chronology`` directly (not the document tree): it carries data, not layout.
Article text is hostile input: a cell a spreadsheet would run as a formula is neutralised as
OWASP recommends ("CSV Injection"): a single quote before a leading ``=``, ``+``, ``-``,
``@``, tab or carriage return, so it is shown as text; separators and quotes inside a cell are
quoted by the csv module.
TimelineJS's formats are in ``briefing.render.timelinejs``.
"""

from __future__ import annotations

import csv
import io
import re
from typing import TYPE_CHECKING, Final

from briefing.timex import label

if TYPE_CHECKING:
    import datetime as dt

    from briefing.model import Chronology, Event

CSV_COLUMNS = (
    "id", "placed", "date", "label", "start", "end", "precision", "mod", "inferred", "text",
    "attribution", "claim", "status", "sources",
)  # fmt: skip


_FORMULA: Final = re.compile(r"^[=+\-@\t\r\n]")
"""A cell a spreadsheet would read as a formula (OWASP's list, plus a line feed)."""


def cell(value: str) -> str:
    """``value`` as a spreadsheet shows it without running it: ``'`` before a formula start."""
    return f"'{value}" if _FORMULA.match(value) else value


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
    rows = [_row(event, placed=True) for event in chronology.events]
    rows += [_row(event, placed=False) for event in chronology.unplaced]
    for row in rows:
        writer.writerow({key: cell(value) for key, value in row.items()})
    return buffer.getvalue().encode("utf-8-sig")
