"""The TimelineJS exports, read as TimelineJS3 reads them.

The rules are TimelineJS3's own (``src/js/core/TimelineConfig.js`` and the sheet reader in
``ConfigFactory.js``): every event needs a ``start_date`` with a year; month and day are
optional integers; an end date needs a year, and one equal to the start date is dropped as
redundant; ``display_date`` and ``group`` have their markup stripped (so must have none);
``unique_id`` must be unique; the sheet has the template's column header, a ``title`` row
and one row per event, read by column name.
"""

from __future__ import annotations

import calendar
import csv
import io
import json
import re
from html.parser import HTMLParser
from pathlib import Path
from typing import Any

import pytest

from briefing.chronology import order
from briefing.cli import main
from briefing.model import Chronology, Event, SourceRef
from briefing.render.timelinejs import (
    MAX_GROUPS,
    SEVERAL,
    SHEET_COLUMNS,
    headline,
    write_csv,
    write_json,
)
from tests.conftest import SHARED
from tests.factories import article, event, mention

SLIDE_KEYS = {"start_date", "end_date", "text", "display_date", "unique_id", "group", "media"}
DATE_KEYS = {"year", "month", "day", "hour", "minute", "second", "millisecond", "display_date"}
TEMPLATE_HEADER = (
    "Year,Month,Day,Time,End Year,End Month,End Day,End Time,Display Date,Headline,Text,"
    "Media,Media Credit,Media Caption,Media Thumbnail,Type,Group,Background"
)


def _chronology() -> Chronology:
    return order(
        [
            event("2011", "A crisis <b>&</b>."),
            event("2025-07", "A month.", start=10, article="b"),
            event("2025-08-31", "A day.", start=20),
            event("2022", "A range.", start=30, end_value="2024", article="b"),
            event("XXXX-09-17", "Not placed.", start=40),
        ],
        [
            article("a", title="Source", publisher="Reuters", url="https://example.org/a"),
            article("b", text="An untitled wire story about the spill.", publisher="AP"),
        ],
    )


def _check_date(date: Any) -> None:
    assert isinstance(date, dict)
    assert set(date) <= DATE_KEYS
    assert isinstance(date["year"], int)
    if "month" in date:
        assert isinstance(date["month"], int)
        assert 1 <= date["month"] <= 12
    if "day" in date:
        assert "month" in date
        assert 1 <= date["day"] <= calendar.monthrange(date["year"], date["month"])[1]


class _Tags(HTMLParser):
    def __init__(self) -> None:
        super().__init__()
        self.tags: list[str] = []

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        self.tags.append(tag)


def _tags(text: str) -> list[str]:
    parser = _Tags()
    parser.feed(text)
    return parser.tags


def check_timelinejs(data: dict[str, Any]) -> None:
    """What TimelineConfig accepts without logging an error, plus what it would strip."""
    assert set(data) <= {"title", "events", "eras", "scale"}
    assert "start_date" not in data["title"]  # the title slide has no date
    assert data["events"], "Timeline configuration has no events."
    ids = [data["title"].get("unique_id", "title")]
    for slide in data["events"]:
        assert set(slide) <= SLIDE_KEYS
        _check_date(slide["start_date"])
        if "end_date" in slide:
            _check_date(slide["end_date"])
            assert slide["end_date"] != slide["start_date"]  # redundant: TimelineJS drops it
        assert set(slide["text"]) <= {"headline", "text"}
        assert slide["text"]["headline"].strip()
        assert slide["text"]["headline"] != slide["display_date"]
        assert not _tags(slide["display_date"])  # markup stripped there
        assert not _tags(slide.get("group", ""))
        assert set(_tags(slide["text"]["text"])) <= {"p", "i", "a"}
        ids.append(slide["unique_id"])
    assert len(ids) == len(set(ids))
    assert len({s.get("group") for s in data["events"]} - {None}) <= MAX_GROUPS


def test_json_follows_timelinejs_rules() -> None:
    data = json.loads(write_json(_chronology(), "Title <x>", "Sub"))
    check_timelinejs(data)
    assert data["title"]["text"]["headline"] == "Title &lt;x&gt;"
    assert len(data["events"]) == 4  # the unplaced event is not a slide


def test_dates_keep_their_precision() -> None:
    data = json.loads(write_json(_chronology(), "T"))
    by_label = {slide["display_date"]: slide for slide in data["events"]}
    assert by_label["2011"]["start_date"] == {"year": 2011}
    assert "end_date" not in by_label["2011"]
    assert by_label["July 2025"]["start_date"] == {"year": 2025, "month": 7}
    assert by_label["31 August 2025"]["start_date"] == {"year": 2025, "month": 8, "day": 31}
    assert by_label["2022–2024"]["end_date"] == {"year": 2024}


def test_text_is_escaped_html_that_links_the_sources() -> None:
    data = json.loads(write_json(_chronology(), "T"))
    by_label = {slide["display_date"]: slide for slide in data["events"]}
    crisis = by_label["2011"]["text"]["text"]
    assert "A crisis &lt;b&gt;&amp;&lt;/b&gt;." in crisis
    assert '<a href="https://example.org/a" target="_blank">“Source”</a> (Reuters)' in crisis
    untitled = by_label["July 2025"]["text"]["text"]
    assert "Source: An untitled wire story about the spill. (AP)" in untitled


def test_groups_are_the_outlets_never_the_speakers() -> None:
    data = json.loads(write_json(_chronology(), "T"))
    assert {slide["group"] for slide in data["events"]} == {"Reuters", "AP"}
    merged = Event(
        id="both",
        date=mention("2020"),
        text="Reported twice.",
        sources=(SourceRef(article="a", start=0, end=1), SourceRef(article="b", start=0, end=1)),
        attribution="the ministry",
    )
    chronology = order([merged], [article("a", publisher="Reuters"), article("b", publisher="AP")])
    (slide,) = json.loads(write_json(chronology, "T"))["events"]
    assert "group" not in slide  # one group alone says nothing
    assert "According to the ministry." in slide["text"]["text"]


def test_many_outlets_leave_the_slides_ungrouped() -> None:
    events = [event("2020-01-0" + str(n), f"Story {n}.", article=f"x{n}") for n in range(1, 10)]
    articles = [article(f"x{n}", publisher=f"Outlet {n}") for n in range(1, 10)]
    data = json.loads(write_json(order(events, articles), "T"))
    assert all("group" not in slide for slide in data["events"])
    assert SEVERAL == "Several outlets"


def test_headline_is_the_event_in_a_few_words_not_its_date() -> None:
    text = "On 18 August 2020, officers led by Assimi Goita overthrew the president."
    day = mention("2020-08-18")
    dated = Event(
        id="x",
        date=type(day)(**{**_fields(day), "start": 3, "end": 17, "text": "18 August 2020"}),
        text=text,
        sources=(),
    )
    assert headline(dated) == "Officers led by Assimi Goita overthrew the president"
    long = Event(
        id="y",
        date=mention("2010"),
        text="The rig, which BP leased from Transocean, exploded and sank in the Gulf of "
        "Mexico, killing eleven workers.",
        sources=(),
    )
    assert headline(long) == "The rig, which BP leased from Transocean…"  # cut at a clause


def _fields(day: Any) -> dict[str, Any]:
    return {name: getattr(day, name) for name in day.__slots__}


def test_sheet_has_the_template_header_and_reads_back_as_the_json() -> None:
    chronology = _chronology()
    sheet = write_csv(chronology, "Title", "Sub").decode("utf-8")
    assert sheet.splitlines()[0] == TEMPLATE_HEADER
    assert ",".join(SHEET_COLUMNS) == TEMPLATE_HEADER
    rows = list(csv.DictReader(io.StringIO(sheet)))
    assert rows[0]["Type"] == "title"
    assert rows[0]["Headline"] == "Title"
    slides = json.loads(write_json(chronology, "Title", "Sub"))["events"]
    assert len(rows) == 1 + len(slides)
    for row, slide in zip(rows[1:], slides, strict=True):
        # as TimelineJS's sheet reader builds a slide from a row
        start = {
            k: int(row[c])
            for k, c in (("year", "Year"), ("month", "Month"), ("day", "Day"))
            if row[c]
        }
        assert start == slide["start_date"]
        if any(row[c] for c in ("End Month", "End Day")):
            assert row["End Year"]  # "Must have a year if any other date fields are specified"
        assert row["Headline"] == slide["text"]["headline"]
        assert row["Text"] == slide["text"]["text"]
        assert row["Display Date"] == slide["display_date"]


def test_sheet_cells_never_start_a_formula() -> None:
    chronology = order(
        [event("2020-05-01", '=HYPERLINK("http://x") +1 was reported.')],
        [article("a", publisher="@desk")],
    )
    sheet = write_csv(chronology, "-Title", "+Sub").decode("utf-8")
    for row in csv.reader(io.StringIO(sheet)):
        for cell in row:
            assert not re.match(r"[=+\-@]", cell), cell
    data = json.loads(write_json(chronology, "T"))
    check_timelinejs(data)


def test_a_real_news_build_gives_timelinejs_what_it_accepts(tmp_path: Path) -> None:
    """Two outlets of the oil-spill collection: headlines, few groups, linked sources."""
    collections = [SHARED / "data" / "tls" / f"bpoil_{name}" for name in ("bbc", "reuters")]
    if not all(folder.is_dir() for folder in collections):
        pytest.skip("the shared news collections are not available")
    (tmp_path / "p" / "articles").mkdir(parents=True)
    for folder in collections:
        for path in sorted((folder / "articles").glob("*.md"))[:25]:
            (tmp_path / "p" / "articles" / f"{folder.name}-{path.name}").write_bytes(
                path.read_bytes()
            )
    out = tmp_path / "out"
    args = ["build", "--inputs", str(tmp_path / "p"), "--out", str(out), "-q", "--jobs", "1"]
    assert main([*args, "--format", "timelinejs,timelinejs-csv"]) in (0, 1)
    data = json.loads((out / "timelinejs.json").read_text(encoding="utf-8"))
    check_timelinejs(data)
    assert len(data["events"]) > 20
    assert {slide.get("group") for slide in data["events"]} <= {"BBC News", "Reuters", SEVERAL}
    rows = list(csv.DictReader(io.StringIO((out / "timelinejs.csv").read_text(encoding="utf-8"))))
    assert len(rows) == 1 + len(data["events"])
