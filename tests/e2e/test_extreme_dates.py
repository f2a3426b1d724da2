"""Dates at the edges of the calendar never crash a build (issue 14, item 6).

A 4,600-article build once died in the PDF figure with ``ordinal must be >= 1`` after
500 CPU seconds: a date near year 1 plus the axis padding. Every value the tagger or the
analyst can write (year 1, year 0 and before, the last day Python can hold, weeks, seasons and
decades that run past it, ranges over millennia) goes through the tagger, the timeline file,
the chronology, the figure and every writer here.
"""

from __future__ import annotations

import datetime as dt
import json
from pathlib import Path

import pytest
from pypdf import PdfReader

from briefing.cli import main
from briefing.timex import interval

pytestmark = pytest.mark.e2e

EXTREMES = [
    "0001",
    "0001-01-01",
    "0001-W01",
    "0001-Q1",
    "0001-WI",
    "000",
    "0000",
    "00",
    "99",
    "999",
    "9999",
    "9999-12-31",
    "9999-12-31T23:59",
    "9999-W52",
    "9999-Q4",
    "9999-H2",
    "9999-WI",
    "9999-12",
]
"""TIMEX3 values at or past the ends of the calendar Python's dates can hold."""


@pytest.mark.parametrize("value", EXTREMES)
def test_every_extreme_value_has_an_interval_inside_the_calendar(value: str) -> None:
    span = interval(value)
    assert span.precision.value != "none", value  # a date the timeline file accepts
    if span.first is not None and span.last is not None:
        assert dt.date.min <= span.first <= span.last <= dt.date.max


def test_a_range_over_the_whole_calendar_has_its_interval() -> None:
    span = interval("0001-01-01", None, "9999-12-31")
    assert (span.first, span.last) == (dt.date.min, dt.date.max)


def _article(folder: Path, name: str, published: str, body: str) -> None:
    text = f"---\ntitle: {name}\npublisher: Desk\npublished: {published}\n---\n{body}\n"
    (folder / "articles" / f"{name}.md").write_text(text, encoding="utf-8")


def _manual(value: str, n: int, end: str | None = None) -> str:
    closing = f"\n    end: '{end}'" if end else ""
    return (
        f"  - id: manual-edge-{n}\n    date: '{value}'{closing}\n"
        f"    text: Something happened at the edge {n}.\n"
        "    sources:\n      - {article: early, start: 0, end: 10}\n    status: manual\n"
    )


def test_a_build_with_dates_at_the_calendar_edges_writes_every_format(tmp_path: Path) -> None:
    project = tmp_path / "edges"
    (project / "articles").mkdir(parents=True)
    _article(
        project,
        "early",
        "0001-01-02",
        "The council met on 0001-01-01. The town was founded in the year 0001.",
    )
    _article(
        project,
        "late",
        "9999-12-30",
        "The vault opens on 9999-12-31. The archive will close in week 52 of 9999.",
    )
    _article(project, "middle", "2010-05-01", "The rig exploded on 20 April 2010.")
    entries = [_manual(value, n) for n, value in enumerate(EXTREMES)]
    entries.append(_manual("0001-01-01", len(EXTREMES), end="9999-12-31"))
    (project / "timeline.yaml").write_text("events:\n" + "".join(entries), encoding="utf-8")
    out = tmp_path / "out"
    formats = "pdf,docx,json,md,csv,timelinejs,timelinejs-csv,sources"
    code = main(["build", "--inputs", str(project), "--out", str(out), "--format", formats])
    assert code in (0, 1)  # 1 only for warnings-as-errors; here: never a crash
    assert len(PdfReader(out / "briefing.pdf").pages) >= 1
    data = json.loads((out / "timeline.json").read_text(encoding="utf-8"))
    texts = {event["text"] for event in data["events"]}
    assert "The vault opens on 9999-12-31." in texts
    assert "The council met on 0001-01-01." in texts
    for name in ("briefing.docx", "briefing.md", "timeline.csv", "timelinejs.json"):
        assert (out / name).stat().st_size > 0
    # The timeline file takes them back: a second build reads what the first one wrote.
    assert main(["build", "--inputs", str(project), "--out", str(out), "--format", "json"]) in (
        0,
        1,
    )
