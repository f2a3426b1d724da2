"""The timeline figure laid out once, as plain shapes both writers draw in their own medium.

Pure geometry over ``model`` types (no reportlab, no Pillow), so the PDF's vector drawing and
the Word file's picture show the same axis, ticks, marks and labels. Units are points, with y
measured upwards from the bottom of the figure as in PDF.
"""

from __future__ import annotations

import datetime as dt
import itertools
import math
from dataclasses import dataclass
from typing import TYPE_CHECKING

from briefing.timex import shift

if TYPE_CHECKING:
    from collections.abc import Callable, Sequence

    from briefing.model import TimelineFigure, TimelinePoint

NAVY = "#1F3864"
"""Marks: the headings' colour."""
BAR = "#5B7DB1"
"""Interval bars: a lighter navy so dots on top of them stay visible."""
MUTED = "#5A6270"
"""Axis, ticks and text."""
HAIRLINE = "#C5CBD6"
"""Leader lines from a label to its mark."""

FONT_SIZE = 7.0
"""Tick and mark labels, in points."""

_MONTHS = ("Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec")
_LAST = dt.date.max.toordinal()
_AXIS_Y = 16.0
_LANE_BASE = 12.0
"""Height of the first lane's centre above the axis."""
_LANE_STEP = 11.0
_MAX_LANES = 4
_LABEL_ROW = 11.0
_LABEL_ROWS = 2
_LABEL_GAP = 6.0
_BAR_HEIGHT = 6.0
_MIN_BAR = 4.0
"""An interval narrower than this on the axis is drawn as a dot."""
_TOP_MARGIN = 3.0


@dataclass(frozen=True, slots=True, kw_only=True)
class Tick:
    """A tick on the axis; ``label`` is "" for a minor tick."""

    x: float
    label: str


@dataclass(frozen=True, slots=True, kw_only=True)
class Mark:
    """A dot (one day or a short interval) or a bar (a longer interval) in a lane."""

    x0: float
    x1: float
    y: float
    """Centre line of the mark."""
    radius: float
    """Dot radius; 0 for a bar."""
    count: int

    @property
    def is_bar(self) -> bool:
        """Whether the mark is drawn as a bar from ``x0`` to ``x1``."""
        return self.radius == 0

    @property
    def top(self) -> float:
        """The highest point of the mark, where a leader line ends."""
        return self.y + (self.radius or _BAR_HEIGHT / 2)

    @property
    def centre(self) -> float:
        """The horizontal middle of the mark."""
        return (self.x0 + self.x1) / 2


@dataclass(frozen=True, slots=True, kw_only=True)
class Label:
    """A mark's label: text centred on ``x`` with its baseline at ``y``, and a leader line."""

    x: float
    y: float
    text: str
    mark_x: float
    mark_top: float


@dataclass(frozen=True, slots=True, kw_only=True)
class FigureLayout:
    """Everything to draw, in points; ``height`` grows with the lanes and label rows used."""

    width: float
    height: float
    axis_y: float
    ticks: tuple[Tick, ...]
    marks: tuple[Mark, ...]
    labels: tuple[Label, ...]


def layout(figure: TimelineFigure, width: float, measure: Callable[[str], float]) -> FigureLayout:
    """The figure laid out across ``width`` points; ``measure`` gives a label's width in points
    at ``FONT_SIZE`` in the writer's font, so labels never overlap."""
    points = figure.points
    if not points:
        return FigureLayout(
            width=width, height=_AXIS_Y + _TOP_MARGIN, axis_y=_AXIS_Y, ticks=(), marks=(), labels=()
        )
    start = min(point.first_day for point in points)
    end = max(point.last_day for point in points).toordinal() + 1
    span = max(end - start.toordinal(), 1)
    pad = span * 0.04 + 1
    # The axis holds only days Python can: padding is cut at year 1 and at 9999's end.
    low = max(start.toordinal() - pad, 1.0)
    high = min(end + pad, float(_LAST))

    def x_of(day: dt.date) -> float:
        return (day.toordinal() - low) / (high - low) * width

    marks, lanes = _marks(points, x_of)
    labels = _labels(points, marks, lanes, width, measure)
    rows = max(
        (round((label.y - _label_base(lanes)) / _LABEL_ROW) + 1 for label in labels), default=0
    )
    height = _label_base(lanes) + rows * _LABEL_ROW + _TOP_MARGIN
    return FigureLayout(
        width=width,
        height=height,
        axis_y=_AXIS_Y,
        ticks=_ticks(
            dt.date.fromordinal(math.ceil(low)),
            dt.date.fromordinal(int(high)),
            x_of,
            width,
            measure,
        ),
        marks=tuple(marks),
        labels=tuple(labels),
    )


def _marks(
    points: Sequence[TimelinePoint], x_of: Callable[[dt.date], float]
) -> tuple[list[Mark], int]:
    """Marks in lanes above the axis, so no two overlap while a lane is free."""
    lane_ends: list[float] = []
    marks: list[Mark] = []
    for point in points:
        x0 = x_of(point.first_day)
        x1 = x_of(shift(point.last_day, 1))
        if x1 - x0 < _MIN_BAR:
            centre = (x0 + x1) / 2
            radius = min(2.4 * math.sqrt(point.count), 6.0)
            x0, x1 = centre, centre
            extent = (centre - radius, centre + radius)
        else:
            radius = 0.0
            extent = (x0, x1)
        lane = next(
            (i for i, end in enumerate(lane_ends) if end + 2 < extent[0]),
            len(lane_ends) if len(lane_ends) < _MAX_LANES else len(lane_ends) - 1,
        )
        if lane == len(lane_ends):
            lane_ends.append(extent[1])
        lane_ends[lane] = max(lane_ends[lane], extent[1])
        y = _AXIS_Y + _LANE_BASE + lane * _LANE_STEP
        marks.append(Mark(x0=x0, x1=x1, y=y, radius=radius, count=point.count))
    return marks, len(lane_ends)


def _label_base(lanes: int) -> float:
    """Baseline of the first label row: above the highest lane."""
    return _AXIS_Y + _LANE_BASE + (lanes - 1) * _LANE_STEP + 10


def _labels(
    points: Sequence[TimelinePoint],
    marks: Sequence[Mark],
    lanes: int,
    width: float,
    measure: Callable[[str], float],
) -> list[Label]:
    """As many labels as fit without overlap: the busiest marks first, then in time order."""
    order = sorted(range(len(points)), key=lambda i: (-points[i].count, i))
    taken: list[list[tuple[float, float]]] = [[] for _ in range(_LABEL_ROWS)]
    labels: list[Label] = []
    for index in order:
        point, mark = points[index], marks[index]
        text = point.label if point.count == 1 else f"{point.label} ({point.count})"
        half = measure(text) / 2
        x = min(max(mark.centre, half), width - half)
        span = (x - half - _LABEL_GAP / 2, x + half + _LABEL_GAP / 2)
        for row, used in enumerate(taken):
            if all(span[1] <= a or span[0] >= b for a, b in used):
                used.append(span)
                y = _label_base(lanes) + row * _LABEL_ROW
                labels.append(Label(x=x, y=y, text=text, mark_x=mark.centre, mark_top=mark.top))
                break
    labels.sort(key=lambda label: (label.y, label.x))
    return labels


def _ticks(
    first: dt.date,
    last: dt.date,
    x_of: Callable[[dt.date], float],
    width: float,
    measure: Callable[[str], float],
) -> tuple[Tick, ...]:
    """Ticks at years, months or days, whichever the span needs, labelled without overlap."""
    days = (last - first).days
    if days > 3 * 365:
        years = last.year - first.year + 1
        # 1, 2, 5, 10, 20, 50… without end: a typo'd year (0201, 9999) can span millennia.
        steps = (unit * 10**power for power in itertools.count() for unit in (1, 2, 5))
        step = next(s for s in steps if years / s <= 12)
        end = min(last.year + 1, dt.MAXYEAR)
        major = [dt.date(y, 1, 1) for y in range(first.year, end + 1) if y % step == 0]
        labels = [str(day.year) for day in major]
        minor: list[dt.date] = []
        if step == 1 and years <= 6:
            minor = [dt.date(y, m, 1) for y in range(first.year, last.year + 1) for m in (4, 7, 10)]
    elif days > 75:
        months = [
            dt.date(first.year + (first.month - 1 + i) // 12, (first.month - 1 + i) % 12 + 1, 1)
            for i in range(days // 28 + 2)
            if first.year + (first.month - 1 + i) // 12 <= dt.MAXYEAR
        ]
        step = next(s for s in (1, 2, 3, 6, 12) if len(months) / s <= 12)
        major = [day for day in months if (day.month - 1) % step == 0]
        labels = [
            f"{_MONTHS[day.month - 1]} {day.year}"
            if day.month == 1 or i == 0
            else _MONTHS[day.month - 1]
            for i, day in enumerate(major)
        ]
        minor = [day for day in months if day not in major]
    else:
        step = next(s for s in (1, 2, 7, 14) if days / s <= 12)
        major = [first + dt.timedelta(days=i) for i in range(0, days + 1, step)]
        labels = [f"{day.day} {_MONTHS[day.month - 1]}" for day in major]
        minor = []
    ticks: list[Tick] = []
    right_edge = -math.inf
    for day, text in zip(major, labels, strict=True):
        x = x_of(day)
        if not 0 <= x <= width:
            continue
        half = measure(text) / 2
        shown = text if x - half >= right_edge + 4 and half <= x <= width - half else ""
        if shown:
            right_edge = x + half
        ticks.append(Tick(x=x, label=shown))
    ticks.extend(Tick(x=x_of(day), label="") for day in minor if 0 <= x_of(day) <= width)
    ticks.sort(key=lambda tick: tick.x)
    return tuple(ticks)
