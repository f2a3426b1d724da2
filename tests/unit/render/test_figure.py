"""The timeline figure: built from placed events only, laid out without overlaps, drawn in both."""

from __future__ import annotations

import datetime as dt
import io
import re
import zipfile

import pypdf
import pytest
from hypothesis import given
from hypothesis import strategies as st
from PIL import Image

from briefing.chronology import order
from briefing.config import Options
from briefing.model import Chronology, Document, Table, TimelineFigure, TimelinePoint
from briefing.render import _figure, docx_writer, figure_png, pdf_writer
from briefing.render.compose import compose, timeline_figure
from briefing.timex import day_words
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


# Label geometry computed here, independently of the layout's own boxes: the ink of a 7 pt
# label from its descenders to its capitals, the leader from its mark up to below the text.
_ASCENT = 0.76 * _figure.FONT_SIZE
_DESCENT = 0.24 * _figure.FONT_SIZE
Rect = tuple[float, float, float, float]
"""left, bottom, right, top"""


def _text(label: _figure.Label) -> Rect:
    half = _measure(label.text) / 2
    return (label.x - half, label.y - _DESCENT, label.x + half, label.y + _ASCENT)


def _leader(label: _figure.Label) -> Rect:
    return (label.mark_x, label.mark_top + 1, label.mark_x, label.y - 2)


def _covers(mark: _figure.Mark) -> Rect:
    if mark.is_bar:
        return (mark.x0, mark.y - 3, mark.x1, mark.y + 3)
    return (
        mark.x0 - mark.radius,
        mark.y - mark.radius,
        mark.x0 + mark.radius,
        mark.y + mark.radius,
    )


def _meet(a: Rect, b: Rect, margin: float = 0.0) -> bool:
    return (
        a[0] < b[2] + margin
        and b[0] < a[2] + margin
        and a[1] < b[3] + margin
        and b[1] < a[3] + margin
    )


def _check_labels(shape: _figure.FigureLayout) -> None:
    """No label's text meets another's or another label's leader line; a leader line leaves
    its own mark and passes no other; every label lies inside the figure, above its leader."""
    for label in shape.labels:
        left, bottom, right, _ = _text(label)
        assert left >= 0, label
        assert right <= shape.width, label
        assert left <= label.mark_x <= right, label  # the leader meets its own text
        assert label.y - 2 < bottom, label
        start = (label.mark_x, label.mark_top - 0.5, label.mark_x, label.mark_top - 0.5)
        own = [mark for mark in shape.marks if _meet(start, _covers(mark))]
        assert len(own) == 1, label  # the leader starts on one mark
        crossed = [m for m in shape.marks if m is not own[0] and _meet(_leader(label), _covers(m))]
        assert not crossed, (label, crossed)
        for other in shape.labels:
            if other is not label:
                assert not _meet(_text(label), _text(other), margin=2), (label, other)
                assert not _meet(_leader(label), _text(other), margin=1), (label, other)


def _day(offset: int) -> dt.date:
    return dt.date(2010, 1, 1) + dt.timedelta(days=offset)


_POINT = st.tuples(
    st.integers(0, 3650),  # first day, as days after 1 January 2010
    st.one_of(st.just(0), st.just(0), st.integers(0, 400)),  # length in days
    st.integers(1, 4),  # events
    st.floats(0, 6),  # weight
)


@given(
    st.lists(_POINT, min_size=1, max_size=60),
    st.sampled_from([30, 180, 1000, 3650]),
    st.sampled_from([300.0, 453.5]),
)
def test_labels_never_meet_each_other_or_another_label_s_leader_line(
    raw: list[tuple[int, int, int, float]], span: int, width: float
) -> None:
    points = sorted(
        (
            TimelinePoint(
                first_day=_day(start % span),
                last_day=_day(start % span + length % span),
                label=f"{_day(start % span).day} {_day(start % span):%B} 2010",
                count=count,
                weight=weight,
            )
            for start, length, count, weight in raw
        ),
        key=lambda p: (p.first_day, -(p.last_day - p.first_day)),
    )
    shape = _figure.layout(TimelineFigure(points=tuple(points), caption=""), width, _measure)
    assert shape.labels  # the weightiest point always has room
    _check_labels(shape)


_NEWS_PERIOD = (  # the key events of a 287-article collection on one oil spill: day, weight
    (108, 1.37), (109, 5.73), (111, 1.37), (118, 1.55), (119, 2.34), (121, 1.5), (122, 1.5),
    (123, 1.18), (124, 1.55), (127, 1.14), (129, 1.38), (133, 1.83), (135, 1.59), (143, 1.45),
    (144, 1.73), (145, 2.87), (147, 1.24), (148, 1.18), (149, 1.65), (151, 3.0), (153, 2.29),
    (158, 1.55), (159, 2.13), (160, 2.32), (165, 2.3), (166, 2.51), (167, 2.05), (173, 1.24),
    (175, 1.55), (192, 1.5), (195, 3.4), (196, 1.65), (199, 2.37), (200, 1.5), (203, 1.55),
    (207, 1.31), (215, 2.39), (258, 1.63), (273, 1.5),
)  # fmt: skip


def test_a_crowded_news_period_labels_its_weightiest_days_without_the_year() -> None:
    points = tuple(
        TimelinePoint(
            first_day=_day(offset), last_day=_day(offset), label=day_words(_day(offset)), weight=w
        )
        for offset, w in _NEWS_PERIOD
    )
    shape = _figure.layout(TimelineFigure(points=points, caption=""), 453.5, _measure)
    _check_labels(shape)
    texts = {label.text for label in shape.labels}
    assert {"20 Apr", "15 Jul", "1 Jun", "26 May"} <= texts  # the four weightiest
    assert len(texts) >= 10
    assert next(t.label for t in shape.ticks if t.label) == "May 2010"  # the year, on the axis


@pytest.mark.parametrize(
    ("text", "year", "shown"),
    [
        ("20 April 2010", 2010, "20 Apr"),
        ("26 May 2010, 14:00", 2010, "26 May, 14:00"),
        ("late September 2010", 2010, "late Sep"),
        ("2010", 2010, "2010"),
        ("20 April 2010", None, "20 Apr 2010"),
        ("2009–2011", None, "2009–2011"),
    ],
)
def test_labels_write_months_as_the_axis_and_leave_out_a_year_all_points_share(
    text: str, year: int | None, shown: str
) -> None:
    assert _figure._short(text, year) == shown


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
    inline = re.search(r"<wp:inline [^>]*>", body)
    assert inline is not None
    for side in ("distT", "distB", "distL", "distR"):  # at the margin, in LibreOffice too
        assert f'{side}="0"' in inline.group()
    assert '<w:pStyle w:val="Caption"/>' in body


def test_the_png_is_the_same_bytes_every_time() -> None:
    figure = timeline_figure(_chronology())
    assert figure_png.draw(figure, 450)[0] == figure_png.draw(figure, 450)[0]


def test_a_day_is_a_dot_however_wide_the_day_is_on_the_axis() -> None:
    """On a month-long axis a day spans 12 pt; it is still an event, not a period."""
    points = (
        TimelinePoint(first_day=dt.date(2010, 4, 20), last_day=dt.date(2010, 4, 20), label="a"),
        TimelinePoint(first_day=dt.date(2010, 5, 1), last_day=dt.date(2010, 5, 7), label="b"),
        TimelinePoint(first_day=dt.date(2010, 5, 24), last_day=dt.date(2010, 5, 24), label="c"),
    )
    shape = _figure.layout(TimelineFigure(points=points, caption=""), 453.5, _measure)
    assert [mark.is_bar for mark in shape.marks] == [False, True, False]


@pytest.mark.parametrize(
    ("last", "shown"),
    [
        (dt.date(2011, 1, 5), {"20 Apr", "5 Jan"}),  # months on the axis: it gives the years
        (dt.date(2016, 1, 5), {"20 Apr 2010", "5 Jan 2016"}),  # years on the axis
    ],
)
def test_labels_leave_the_year_to_an_axis_of_months(last: dt.date, shown: set[str]) -> None:
    first = dt.date(2010, 4, 20)
    points = tuple(
        TimelinePoint(first_day=day, last_day=day, label=day_words(day)) for day in (first, last)
    )
    shape = _figure.layout(TimelineFigure(points=points, caption=""), 453.5, _measure)
    assert {label.text for label in shape.labels} == shown
