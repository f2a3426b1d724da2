"""The TimelineJS export, checked against the fields TimelineJS documents for its JSON format.

https://timeline.knightlab.com/docs/json-format.html: a ``title`` slide and ``events``; each
slide has ``text`` (``headline``, ``text``), a ``start_date`` whose ``year`` is required and
whose ``month``/``day`` are optional integers, and optional ``end_date``, ``display_date``,
``unique_id`` and ``group``.
"""

from __future__ import annotations

import json
from typing import Any

from briefing.chronology import order
from briefing.model import Chronology
from briefing.render.table_exports import write_csv, write_timelinejs
from tests.factories import article, event

SLIDE_KEYS = {"start_date", "end_date", "text", "display_date", "unique_id", "group", "media"}
DATE_KEYS = {"year", "month", "day", "hour", "minute", "second", "millisecond", "display_date"}


def _chronology() -> Chronology:
    return order(
        [
            event("2011", "A crisis <b>&</b>."),
            event("2025-07", "A month.", start=10),
            event("2025-08-31", "A day.", start=20),
            event("2022", "A range.", start=30, end_value="2024"),
            event("XXXX-09-17", "Not placed.", start=40),
        ],
        [article("a", title="Source")],
    )


def _check_date(date: Any) -> None:
    assert isinstance(date, dict)
    assert set(date) <= DATE_KEYS
    assert isinstance(date["year"], int)
    for part, top in (("month", 12), ("day", 31)):
        if part in date:
            assert isinstance(date[part], int)
            assert 1 <= date[part] <= top
    if "day" in date:
        assert "month" in date


def test_timelinejs_json_has_only_documented_fields_with_their_types() -> None:
    data = json.loads(write_timelinejs(_chronology(), "Title <x>", "Sub"))
    assert set(data) <= {"title", "events", "eras", "scale"}
    assert data["title"]["text"]["headline"] == "Title &lt;x&gt;"
    ids = []
    for slide in data["events"]:
        assert set(slide) <= SLIDE_KEYS
        _check_date(slide["start_date"])
        if "end_date" in slide:
            _check_date(slide["end_date"])
        assert set(slide["text"]) <= {"headline", "text"}
        assert isinstance(slide["text"]["headline"], str)
        assert isinstance(slide["display_date"], str)
        assert isinstance(slide.get("group", ""), str)
        ids.append(slide["unique_id"])
    assert len(ids) == len(set(ids)) == 4  # the unplaced event is not a slide


def test_timelinejs_dates_keep_their_precision() -> None:
    data = json.loads(write_timelinejs(_chronology(), "T"))
    by_label = {slide["display_date"]: slide for slide in data["events"]}
    assert by_label["2011"]["start_date"] == {"year": 2011}
    assert by_label["July 2025"]["start_date"] == {"year": 2025, "month": 7}
    assert by_label["31 August 2025"]["start_date"] == {"year": 2025, "month": 8, "day": 31}
    assert by_label["2022–2024"]["end_date"] == {"year": 2024}


def test_timelinejs_text_is_escaped_html() -> None:
    data = json.loads(write_timelinejs(_chronology(), "T"))
    texts = " ".join(slide["text"]["text"] for slide in data["events"])
    assert "A crisis &lt;b&gt;&amp;&lt;/b&gt;." in texts


def test_csv_lists_placed_then_unplaced_events() -> None:
    rows = write_csv(_chronology()).decode("utf-8-sig").splitlines()
    assert rows[0].startswith("id,placed,date")
    assert [row.split(",")[1] for row in rows[1:]] == ["yes"] * 4 + ["no"]
