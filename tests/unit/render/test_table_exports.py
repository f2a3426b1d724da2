"""The chronology as CSV: placed events, then unplaced ones."""

from __future__ import annotations

from briefing.chronology import order
from briefing.model import Chronology
from briefing.render.table_exports import write_csv
from tests.factories import article, event


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


def test_csv_lists_placed_then_unplaced_events() -> None:
    rows = write_csv(_chronology()).decode("utf-8-sig").splitlines()
    assert rows[0].startswith("id,placed,date")
    assert [row.split(",")[1] for row in rows[1:]] == ["yes"] * 4 + ["no"]
