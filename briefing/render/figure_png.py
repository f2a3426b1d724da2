"""The timeline figure as a PNG picture, for writers that cannot draw vectors (Word).

It draws the same shapes as the PDF (``_figure.layout``) with Pillow and the bundled DejaVu
font, so both documents show one picture. The bytes depend only on the figure and the width:
Pillow writes no timestamp into a PNG.
"""

from __future__ import annotations

import io
from pathlib import Path
from typing import TYPE_CHECKING

from PIL import Image, ImageDraw, ImageFont

from briefing.render import _figure

if TYPE_CHECKING:
    from briefing.model import TimelineFigure

FONT = Path(__file__).resolve().parent.parent / "fonts" / "DejaVuSans.ttf"
DPI = 220
"""Pixels per inch: sharp in print, small enough to keep the Word file light."""
_INK = "#1A1A1A"


def draw(figure: TimelineFigure, width: float) -> tuple[bytes, float]:
    """The figure ``width`` points wide as PNG bytes, and its height in points."""
    scale = DPI / 72
    font = ImageFont.truetype(str(FONT), round(_figure.FONT_SIZE * scale))

    def measure(text: str) -> float:
        return font.getlength(text) / scale

    shape = _figure.layout(figure, width, measure)
    size = (round(shape.width * scale), round(shape.height * scale))
    image = Image.new("RGB", size, "white")
    pen = ImageDraw.Draw(image)

    def at(x: float, y: float) -> tuple[float, float]:
        """Figure points (y up) to pixels (y down)."""
        return x * scale, (shape.height - y) * scale

    def line(x0: float, y0: float, x1: float, y1: float, colour: str, points: float) -> None:
        pen.line([at(x0, y0), at(x1, y1)], fill=colour, width=max(1, round(points * scale)))

    line(0, shape.axis_y, shape.width, shape.axis_y, _figure.MUTED, 0.8)
    for tick in shape.ticks:
        length = 4.0 if tick.label else 2.0
        line(tick.x, shape.axis_y, tick.x, shape.axis_y - length, _figure.MUTED, 0.6)
        if tick.label:
            pen.text(
                at(tick.x, shape.axis_y - 12),
                tick.label,
                fill=_figure.MUTED,
                font=font,
                anchor="ms",
            )
    for label in shape.labels:
        line(label.mark_x, label.mark_top + 1, label.mark_x, label.y - 2, _figure.HAIRLINE, 0.5)
    for mark in shape.marks:
        if mark.is_bar:
            left, top = at(mark.x0, mark.y + 3)
            right, bottom = at(mark.x1, mark.y - 3)
            pen.rounded_rectangle((left, top, right, bottom), radius=2 * scale, fill=_figure.BAR)
        else:
            left, top = at(mark.x0 - mark.radius, mark.y + mark.radius)
            right, bottom = at(mark.x0 + mark.radius, mark.y - mark.radius)
            pen.ellipse((left, top, right, bottom), fill=_figure.NAVY, outline="white", width=2)
    for label in shape.labels:
        pen.text(at(label.x, label.y), label.text, fill=_INK, font=font, anchor="ms")
    buffer = io.BytesIO()
    image.save(buffer, format="PNG", dpi=(DPI, DPI), optimize=False)
    return buffer.getvalue(), shape.height
