"""The timeline figure: built from placed events only, laid out without overlaps, drawn in both."""

from __future__ import annotations

import datetime as dt
import io
import itertools
import zipfile

import pypdf
import pytest
from PIL import Image

from briefing.chronology import order
from briefing.config import Options
from briefing.model import Chronology, Document, Table, TimelineFigure, TimelinePoint
from briefing.render import _figure, docx_writer, figure_png, pdf_writer
from briefing.render.compose import compose, timeline_figure
from tests.factories import article, event

OPTIONS = Options(title="Figure", today=dt.date(2025, 9, 1))


def _chronology() -> Chronology:
    return order(
        [
            event("2011", "A crisis."),
            event("2021", "A coup.", start=10),
            event("2025-08-31", "One.", start=20),
            event("2025-08-31", "Two.", start=30),
            event("2022", "From then on.", start=40, end_value="2024"),
            event("XXXX-09-17", "Undated.", start=50),
        ],
        [article("a")],
    )


def test_points_group_placed_events_by_interval_and_leave_undated_ones_out() -> None:
    figure = timeline_figure(_chronology())
    assert [(p.first_day.isoformat(), p.last_day.isoformat(), p.count) for p in figure.points] == [
        ("2011-01-01", "2011-12-31", 1),
        ("2021-01-01", "2021-12-31", 1),
        ("2022-01-01", "2024-12-31", 1),
        ("2025-08-31", "2025-08-31", 2),
    ]
    assert "2011 – 31 August 2025" in figure.caption
    assert "1 event without a placeable date is not shown" in figure.caption  # number agrees


def test_the_briefing_template_puts_the_figure_above_the_chronology_table() -> None:
    document = compose(_chronology(), OPTIONS, project=None)
    kinds = [type(block) for block in document.blocks]
    assert kinds.index(TimelineFigure) + 1 == kinds.index(Table)


def _measure(text: str) -> float:
    return len(text) * 4.0


@pytest.mark.parametrize(
    ("first", "last", "expected"),
    [
        (dt.date(2011, 1, 1), dt.date(2025, 8, 31), "2014"),
        (dt.date(2025, 1, 10), dt.date(2025, 9, 30), "Mar"),
        (dt.date(2025, 9, 1), dt.date(2025, 9, 20), "10 Sep"),
    ],
)
def test_ticks_follow_the_span_years_months_or_days(
    first: dt.date, last: dt.date, expected: str
) -> None:
    points = (
        TimelinePoint(first_day=first, last_day=first, label="a"),
        TimelinePoint(first_day=last, last_day=last, label="b"),
    )
    shape = _figure.layout(TimelineFigure(points=points, caption=""), 450, _measure)
    labels = [tick.label for tick in shape.ticks if tick.label]
    assert expected in labels
    assert len(labels) <= 12


def test_labels_never_overlap_and_stay_inside_the_width() -> None:
    points = tuple(
        TimelinePoint(first_day=dt.date(2025, 1, 1 + i), last_day=dt.date(2025, 1, 1 + i),
                      label=f"{1 + i} January 2025")
        for i in range(20)
    )  # fmt: skip
    shape = _figure.layout(TimelineFigure(points=points, caption=""), 450, _measure)
    assert shape.labels
    rows: dict[float, list[tuple[float, float]]] = {}
    for label in shape.labels:
        half = _measure(label.text) / 2
        assert label.x - half >= 0
        assert label.x + half <= 450
        rows.setdefault(label.y, []).append((label.x - half, label.x + half))
    for spans in rows.values():
        spans.sort()
        assert all(a[1] <= b[0] for a, b in itertools.pairwise(spans))


def _document() -> Document:
    return compose(_chronology(), OPTIONS, project=None)


def test_pdf_draws_the_figure_with_its_axis_labels_and_caption() -> None:
    reader = pypdf.PdfReader(io.BytesIO(pdf_writer.write(_document())))
    text = " ".join(reader.pages[0].extract_text().split())
    assert "2014" in text  # a tick label
    assert "Timeline of 5 dated events" in text


def test_word_gets_the_figure_as_an_inline_png_with_a_caption() -> None:
    data = docx_writer.write(_document())
    with zipfile.ZipFile(io.BytesIO(data)) as archive:
        media = [name for name in archive.namelist() if name.startswith("word/media/")]
        assert len(media) == 1
        image = Image.open(io.BytesIO(archive.read(media[0])))
        body = archive.read("word/document.xml").decode()
    assert image.format == "PNG"
    assert image.width > 1000  # sharp enough to print at the text width
    assert "<wp:inline" in body
    assert '<w:pStyle w:val="Caption"/>' in body


def test_the_png_is_the_same_bytes_every_time() -> None:
    figure = timeline_figure(_chronology())
    assert figure_png.draw(figure, 450)[0] == figure_png.draw(figure, 450)[0]
