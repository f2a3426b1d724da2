"""The timeline figure laid out once, as plain shapes both writers draw in their own medium.

Pure geometry over ``model`` types (no reportlab, no Pillow), so the PDF's vector drawing and
the Word file's picture show the same axis, ticks, marks and labels. Units are points, with y
measured upwards from the bottom of the figure as in PDF.
"""

from __future__ import annotations

import datetime as dt
import itertools
import math
import re
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
_LABEL_ROWS = 3
_LABEL_GAP = 6.0
"""Space between two labels' texts in a row."""
_LEADER_CLEARANCE = 2.0
"""Space between a leader line and another label's text."""
_LEADER_INSET = 1.5
"""How far a label set beside its leader line reaches over it, so the line meets the text."""
_ASCENT = 0.76
_DESCENT = 0.24
"""The text's ink above and below the baseline, in ems (DejaVu Sans: capitals and digits,
descenders and parentheses)."""
_BAR_HEIGHT = 6.0
_YEARLY_AXIS = 3 * 365
"""Days beyond which the axis is marked in years, not months or days."""
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

    def anchors(self) -> list[tuple[float, float]]:
        """Where a leader line may leave the mark, as (x, y of the mark's edge there): its
        middle first, then towards either end, for a line that must pass another mark."""
        if self.is_bar:
            length = self.x1 - self.x0
            xs = [self.centre, *(self.x0 + length * share for share in (0.25, 0.75, 0.05, 0.95))]
            return [(x, self.top) for x in xs]
        side = 0.7 * self.radius
        lift = math.sqrt(self.radius**2 - side**2)
        return [
            (self.x0, self.top),
            (self.x0 - side, self.y + lift),
            (self.x0 + side, self.y + lift),
        ]

    @property
    def box(self) -> Box:
        """What the mark covers, with the white ring drawn around a dot."""
        if self.is_bar:
            half = _BAR_HEIGHT / 2
            return Box(left=self.x0, bottom=self.y - half, right=self.x1, top=self.y + half)
        reach = self.radius + 0.6
        return Box(
            left=self.x0 - reach, bottom=self.y - reach, right=self.x0 + reach, top=self.y + reach
        )


@dataclass(frozen=True, slots=True, kw_only=True)
class Label:
    """A mark's label: text centred on ``x`` with its baseline at ``y``, and a leader line
    from the top of its mark up to just below the text."""

    x: float
    y: float
    text: str
    width: float
    """The text's width in points, as the writer's font measures it."""
    mark_x: float
    mark_top: float

    @property
    def box(self) -> Box:
        """The ink of the text: from the descenders to the top of the capitals."""
        half = self.width / 2
        return Box(
            left=self.x - half,
            bottom=self.y - _DESCENT * FONT_SIZE,
            right=self.x + half,
            top=self.y + _ASCENT * FONT_SIZE,
        )

    @property
    def leader(self) -> Box:
        """The leader line, a vertical segment as a box of no width."""
        return Box(left=self.mark_x, bottom=self.mark_top + 1, right=self.mark_x, top=self.y - 2)


@dataclass(frozen=True, slots=True, kw_only=True)
class Box:
    """An upright rectangle in figure points (y upwards)."""

    left: float
    bottom: float
    right: float
    top: float

    def meets(self, other: Box, across: float = 0.0, up: float = 0.0) -> bool:
        """Whether the two boxes overlap or come closer than ``across`` side by side or ``up``
        one above the other."""
        return (
            self.left < other.right + across
            and other.left < self.right + across
            and self.bottom < other.top + up
            and other.bottom < self.top + up
        )


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
    # An axis of months or days names the year at its first label and at each January, so
    # a label needs no year of its own; an axis of years does not place a day that closely.
    dated = int(high) - math.ceil(low) <= _YEARLY_AXIS
    labels = _labels(points, marks, lanes, width, measure, yearless=dated)
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
    """Marks in lanes above the axis, so no two overlap while a lane is free: a dot for a day
    or an interval too short to show, a bar for a longer one."""
    lane_ends: list[float] = []
    marks: list[Mark] = []
    for point in points:
        x0 = x_of(point.first_day)
        x1 = x_of(shift(point.last_day, 1))
        if x1 - x0 < _MIN_BAR or point.first_day == point.last_day:  # a day is never a period
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
    *,
    yearless: bool,
) -> list[Label]:
    """As many labels as fit, the weightiest points first (then the busiest, then in time
    order): each in the lowest row where it clears every label, leader line and mark placed
    (``_clear``), centred on its leader line or else beside it, the line leaving the middle of
    its mark or else nearer one end."""
    order = sorted(range(len(points)), key=lambda i: (-points[i].weight, -points[i].count, i))
    labels: list[Label] = []
    for index in order:
        point, mark = points[index], marks[index]
        in_one = yearless and point.first_day.year == point.last_day.year
        text = _short(point.label, point.first_day.year if in_one else None)
        text = text if point.count == 1 else f"{text} ({point.count})"
        size = measure(text)
        if size > width:
            continue
        candidates = (
            Label(
                x=x, y=_label_base(lanes) + row * _LABEL_ROW, text=text, width=size,
                mark_x=leader_x, mark_top=leader_y,
            )
            for row in range(_LABEL_ROWS)
            for leader_x, leader_y in mark.anchors()
            for x in _label_centres(leader_x, size, width)
        )  # fmt: skip
        chosen = next((label for label in candidates if _clear(label, labels, marks, mark)), None)
        if chosen is not None:
            labels.append(chosen)
    labels.sort(key=lambda label: (label.y, label.x))
    return labels


_MONTH_NAME = re.compile(
    r"\b(January|February|March|April|June|July|August|September|October|November|December)\b"
)


def _short(text: str, year: int | None) -> str:
    """A date label as the figure shows it: months as the axis writes them ("20 Apr 2010"),
    and without ``year`` when the axis gives it ("20 Apr")."""
    text = _MONTH_NAME.sub(lambda month: month.group()[:3], text)
    if year is not None:
        shorter = re.sub(rf"\s{year}\b", "", text)
        if shorter.strip():
            text = shorter
    return text


def _label_centres(mark_x: float, size: float, width: float) -> list[float]:
    """Where a label may sit along its row: centred on its mark, else starting or ending at
    the leader line; always inside the figure and over its own leader line."""
    half = size / 2
    wanted = (mark_x, mark_x - _LEADER_INSET + half, mark_x + _LEADER_INSET - half)
    centres: list[float] = []
    for x in wanted:
        x = min(max(x, half), width - half)
        if x - half <= mark_x <= x + half and x not in centres:
            centres.append(x)
    return centres


def _clear(label: Label, placed: Sequence[Label], marks: Sequence[Mark], own: Mark) -> bool:
    """Whether ``label`` can join those placed: its text keeps ``_LABEL_GAP`` from theirs,
    no leader line crosses another label's text, and its leader passes no other mark (which
    would look like the mark it labels)."""
    box, leader = label.box, label.leader
    for other in placed:
        if box.meets(other.box, _LABEL_GAP, 1) or box.meets(other.leader, _LEADER_CLEARANCE, 1):
            return False
        if leader.meets(other.box, _LEADER_CLEARANCE, 1):
            return False
    # from just inside its own mark: where marks overlap (lanes run out), no leader starts
    line = Box(left=leader.left, bottom=label.mark_top - 0.5, right=leader.right, top=leader.top)
    return not any(mark is not own and line.meets(mark.box) for mark in marks)


def _ticks(
    first: dt.date,
    last: dt.date,
    x_of: Callable[[dt.date], float],
    width: float,
    measure: Callable[[str], float],
) -> tuple[Tick, ...]:
    """Ticks at years, months or days, whichever the span needs, labelled without overlap."""
    days = (last - first).days
    if days > _YEARLY_AXIS:
        years = last.year - first.year + 1
        # 1, 2, 5, 10, 20, 50… without end: a typo'd year (0201, 9999) can span millennia.
        steps = (unit * 10**power for power in itertools.count() for unit in (1, 2, 5))
        step = next(s for s in steps if years / s <= 12)
        end = min(last.year + 1, dt.MAXYEAR)
        major = [dt.date(y, 1, 1) for y in range(first.year, end + 1) if y % step == 0]
        labels = [(str(day.year), str(day.year)) for day in major]
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
            (f"{_MONTHS[day.month - 1]} {day.year}" if day.month == 1 else _MONTHS[day.month - 1],
             f"{_MONTHS[day.month - 1]} {day.year}")
            for day in major
        ]  # fmt: skip
        minor = [day for day in months if day not in major]
    else:
        step = next(s for s in (1, 2, 7, 14) if days / s <= 12)
        major = [first + dt.timedelta(days=i) for i in range(0, days + 1, step)]
        labels = [
            (
                f"{day.day} {_MONTHS[day.month - 1]}",
                f"{day.day} {_MONTHS[day.month - 1]} {day.year}",
            )
            for day in major
        ]
        minor = []
    ticks = _tick_labels(major, labels, x_of, width, measure)
    ticks.extend(Tick(x=x_of(day), label="") for day in minor if 0 <= x_of(day) <= width)
    ticks.sort(key=lambda tick: tick.x)
    return tuple(ticks)


def _tick_labels(
    days: Sequence[dt.date],
    labels: Sequence[tuple[str, str]],
    x_of: Callable[[dt.date], float],
    width: float,
    measure: Callable[[str], float],
) -> list[Tick]:
    """Major ticks inside the figure, each labelled where its label clears the one before;
    a label is (as a rule, with the year), and the first one shown gives the year."""
    ticks: list[Tick] = []
    right_edge = -math.inf
    for day, (plain, with_year) in zip(days, labels, strict=True):
        x = x_of(day)
        if not 0 <= x <= width:
            continue
        text = plain if right_edge > -math.inf else with_year
        half = measure(text) / 2
        shown = text if x - half >= right_edge + 4 and half <= x <= width - half else ""
        if shown:
            right_edge = x + half
        ticks.append(Tick(x=x, label=shown))
    return ticks
