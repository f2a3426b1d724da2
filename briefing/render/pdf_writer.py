"""The PDF writer: a ``Document`` to print-ready A4 bytes with reportlab's platypus.

It sees only the document tree, never a chronology, and never imports the Word writer. Every
piece of text is escaped for reportlab's paragraph markup, so article text prints as written.
Notes are real footnotes: each page's frame is shortened by the notes it cites, found by laying
the story out again until every page has room for its own notes.
"""

from __future__ import annotations

import dataclasses
import io
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING, Any, Literal, assert_never
from xml.sax.saxutils import escape

from reportlab.graphics.shapes import Circle, Drawing, Line, Rect, String
from reportlab.lib import colors
from reportlab.lib.attrmap import AttrMap, AttrMapValue
from reportlab.lib.enums import TA_CENTER, TA_LEFT, TA_RIGHT
from reportlab.lib.pagesizes import A4
from reportlab.lib.styles import ParagraphStyle
from reportlab.lib.units import mm
from reportlab.lib.validators import isString
from reportlab.pdfbase import pdfmetrics
from reportlab.pdfbase.pdfdoc import PDFDictionary
from reportlab.pdfbase.ttfonts import TTFont
from reportlab.pdfgen.canvas import Canvas
from reportlab.platypus import (
    BaseDocTemplate,
    CondPageBreak,
    Flowable,
    Frame,
    HRFlowable,
    KeepTogether,
    ListFlowable,
    PageTemplate,
    Paragraph,
    Spacer,
    TableStyle,
)
from reportlab.platypus import (
    Table as RLTable,
)

from briefing.model import (
    Align,
    Anchor,
    Block,
    Diagnostic,
    Document,
    DocumentMeta,
    Emphasis,
    Heading,
    Inline,
    Level,
    LineBreak,
    Link,
    ListBlock,
    Note,
    Rule,
    Strong,
    Table,
    Text,
    TimelineFigure,
)
from briefing.model import (
    Paragraph as ParagraphBlock,
)
from briefing.render import _figure
from briefing.render._layout import (
    anchor_ids,
    column_widths,
    is_invisible,
    marking_colours,
    plain_text,
    title_block_lines,
    tlp_colour,
)
from briefing.render.pdf_tags import Tagger

if TYPE_CHECKING:
    from collections.abc import Iterator, Sequence


# ---------------------------------------------------------------------------------------------
# Fonts, colours and page geometry: the one place the look of the PDF is decided

_FONT_DIR = Path(__file__).resolve().parent.parent / "fonts"
_FAMILY = "DejaVuSans"
_FACES = {
    (False, False): ("DejaVuSans", "DejaVuSans.ttf"),
    (True, False): ("DejaVuSans-Bold", "DejaVuSans-Bold.ttf"),
    (False, True): ("DejaVuSans-Oblique", "DejaVuSans-Oblique.ttf"),
    (True, True): ("DejaVuSans-BoldOblique", "DejaVuSans-BoldOblique.ttf"),
}
_REGULAR = _FACES[False, False][0]
_BOLD = _FACES[True, False][0]

_NAVY = "#1F3864"
_INK = "#1A1A1A"
_MUTED = "#5A6270"
_HAIRLINE = "#C5CBD6"
_ZEBRA = "#F1F4F9"
_LINK = "#1F4E99"

_PAGE_WIDTH, _PAGE_HEIGHT = A4
_MARGIN_X = 25 * mm
_MARGIN_TOP = 27 * mm
_MARGIN_BOTTOM = 24 * mm
_TEXT_WIDTH = _PAGE_WIDTH - 2 * _MARGIN_X
_CELL_PADDING_X = 5.0
_TABLE_FONT_SIZE = 8.5
_FOOTER_Y = 12 * mm
"""Baseline of the footer: author, marking and "Page X of Y"."""
_HEADING_ROOM = 30 * mm
_NOTE_RULE_ROOM = 8.0
"""Space above a page's notes for the short rule that separates them from the text."""
_WINDOW_ROWS = 64
"""Rows of a long table handed to reportlab at a time: more than any page holds (a row is at
least one 11.5 pt line plus 9 pt of padding), few enough that a page break costs no more
than a window (reportlab re-measures every remaining row of a table at each page break)."""
_CONTENTS_SIZE = 9.5
"""Font size of a contents entry (the body's)."""
_CONTENTS_BASELINE = 3.2
"""Baseline of a contents page number above the bottom of its line (body leading 13.5)."""
_CONTENTS_FROM_PAGES = 4
"""A document longer than this many pages opens with a contents list."""
_MAX_PASSES = 8
"""Layout passes before giving up on a stable note placement."""
_NOTE_CALLBACK = "briefing_note"
_LIST_GAP = 5.0
"""Points between a list number and its text."""
_BULLETS = ("\u2022", "\u2013", "\u25aa")
"""Bullet per nesting level, as in the Word reference document."""

_ALIGNMENT: dict[Align, Literal[0, 1, 2]] = {
    Align.LEFT: TA_LEFT,
    Align.CENTER: TA_CENTER,
    Align.RIGHT: TA_RIGHT,
}
"""Reportlab's alignment codes: its paragraph drawing wants the numbers, not the names."""


@dataclass(frozen=True, slots=True, kw_only=True)
class PdfResult:
    """The written PDF and what could not be printed faithfully, for the pipeline to report."""

    data: bytes
    """The PDF file."""
    dropped: tuple[str, ...] = ()
    """Characters no embedded font has (emoji, flags), left out; each once, in order met."""
    broken_links: tuple[str, ...] = ()
    """Internal link targets (without ``#``) that match no ``Anchor``; printed as plain text."""
    headings: tuple[tuple[str, int], ...] = ()
    """(heading text, page) of every heading, in order: where the layout put them."""

    @property
    def diagnostics(self) -> tuple[Diagnostic, ...]:
        """The problems above as warnings the command line can show."""
        found: list[Diagnostic] = []
        if self.dropped:
            shown = " ".join(f"{char} (U+{ord(char):04X})" for char in self.dropped)
            found.append(
                Diagnostic(
                    level=Level.WARNING,
                    code="pdf-dropped-characters",
                    message=f"the PDF font has no glyph for {shown}; left out of the PDF",
                )
            )
        if self.broken_links:
            targets = ", ".join(f"#{target}" for target in self.broken_links)
            found.append(
                Diagnostic(
                    level=Level.WARNING,
                    code="pdf-broken-link",
                    message=f"no anchor for internal link {targets}; printed without a link",
                )
            )
        return tuple(found)


def write(document: Document, *, reproducible: bool = False) -> bytes:
    """Render the document as PDF bytes; see ``write_with_report`` for what was left out."""
    return write_with_report(document, reproducible=reproducible).data


def write_with_report(document: Document, *, reproducible: bool = False) -> PdfResult:
    """Render the document as PDF and report characters dropped and links left unresolved.

    With ``reproducible`` the same document gives the same bytes (reportlab's invariant
    mode; its timestamp then comes from ``SOURCE_DATE_EPOCH`` when that is set, else 2000-01-01).
    The layout runs once, or again while footnotes need more room than their pages kept.
    """
    faces = _register_fonts()
    coverage = {style: frozenset(font.face.charToGlyph) for style, font in faces.items()}
    styles = _make_styles()
    anchors = anchor_ids(document)

    def layout(pass_: _Pass) -> tuple[bytes, _StoryBuilder]:
        builder = _StoryBuilder(styles=styles, coverage=coverage, anchors=anchors)
        story = [
            *_title_block(document.meta, builder),
            *_contents(pass_.contents, styles),
            *builder.blocks(document.blocks),
        ]
        printable = dataclasses.replace(
            document.meta,
            title=builder.text(document.meta.title),
            author=builder.text(document.meta.author),
            marking=builder.text(document.meta.marking, bold=True),
        )
        data = _build(story, printable, pass_, builder, reproducible=reproducible)
        return data, builder

    # Pass 1 finds where notes land and how long the document is; each further pass keeps
    # room for the notes found and, past a few pages, lists the headings with the pages the
    # last pass found, until nothing moves. Reserved room only grows (it restarts once, when
    # the contents list first shifts the pages), so the passes settle; a short document
    # without notes is one pass, as "Page X of Y" takes its total from forms filled in at the
    # end (_BriefingCanvas).
    pass_ = _Pass()
    data, builder = layout(pass_)
    for _ in range(_MAX_PASSES - 1):
        needed = {page: _notes_height(builder, refs) for page, refs in pass_.placed.items()}
        notes_fit = all(h <= pass_.reserve.get(page, 0.0) for page, h in needed.items())
        contents = _contents_entries(pass_)
        if notes_fit and contents == pass_.contents:
            break
        reserve = dict(pass_.reserve) if pass_.contents or not contents else {}
        for page, height in needed.items():
            reserve[page] = max(reserve.get(page, 0.0), height)
        pass_ = _Pass(reserve=reserve, contents=contents)
        data, builder = layout(pass_)
    return PdfResult(
        data=data,
        dropped=tuple(builder.dropped),
        broken_links=tuple(builder.broken_links),
        headings=tuple((title, page) for _key, title, _level, page in pass_.headings),
    )


def _register_fonts() -> dict[tuple[bool, bool], TTFont]:
    """Register the bundled DejaVu faces once per process; reportlab's registry is the cache."""
    registered = set(pdfmetrics.getRegisteredFontNames())
    faces: dict[tuple[bool, bool], TTFont] = {}
    for style, (name, filename) in _FACES.items():
        if name not in registered:
            pdfmetrics.registerFont(TTFont(name, str(_FONT_DIR / filename)))
        font = pdfmetrics.getFont(name)
        # Only another registration under our names could break this: a bug, not bad input.
        assert isinstance(font, TTFont), f"{name} is registered but is not a TrueType font"
        faces[style] = font
    pdfmetrics.registerFontFamily(
        _FAMILY,
        normal=_FACES[False, False][0],
        bold=_FACES[True, False][0],
        italic=_FACES[False, True][0],
        boldItalic=_FACES[True, True][0],
    )
    return faces


# ---------------------------------------------------------------------------------------------
# Styles


@dataclass(frozen=True, slots=True, kw_only=True)
class _Styles:
    """Every paragraph style of the PDF, built in one place."""

    title: ParagraphStyle
    subtitle: ParagraphStyle
    meta_label: ParagraphStyle
    meta_value: ParagraphStyle
    headings: tuple[ParagraphStyle, ...]
    body: ParagraphStyle
    list_body: ParagraphStyle
    cell: ParagraphStyle
    header_cell: ParagraphStyle
    note: ParagraphStyle
    caption: ParagraphStyle


def _make_styles() -> _Styles:
    body = ParagraphStyle(
        "Body",
        fontName=_REGULAR,
        fontSize=9.5,
        leading=13.5,
        textColor=colors.HexColor(_INK),
        spaceAfter=6,
        uriWasteReduce=0.3,
    )
    heading = ParagraphStyle(
        "Heading", parent=body, fontName=_BOLD, textColor=colors.HexColor(_NAVY), keepWithNext=1
    )
    return _Styles(
        title=ParagraphStyle(
            "Title",
            parent=heading,
            fontSize=24,
            leading=29,
            spaceAfter=4,
        ),
        subtitle=ParagraphStyle(
            "Subtitle", parent=body, fontSize=13, leading=17, textColor=colors.HexColor(_MUTED)
        ),
        meta_label=ParagraphStyle(
            "MetaLabel",
            parent=body,
            fontSize=8,
            leading=11,
            spaceAfter=0,
            textColor=colors.HexColor(_MUTED),
        ),
        meta_value=ParagraphStyle("MetaValue", parent=body, fontSize=9, leading=11, spaceAfter=0),
        headings=(
            ParagraphStyle("H1", parent=heading, fontSize=14, leading=18, spaceBefore=16),
            ParagraphStyle("H2", parent=heading, fontSize=11.5, leading=15, spaceBefore=12),
            ParagraphStyle(
                "H3", parent=heading, fontSize=10, leading=13, spaceBefore=10, spaceAfter=4
            ),
        ),
        body=body,
        list_body=ParagraphStyle("ListBody", parent=body, spaceAfter=3),
        cell=ParagraphStyle(
            "Cell", parent=body, fontSize=_TABLE_FONT_SIZE, leading=11.5, spaceAfter=0
        ),
        header_cell=ParagraphStyle(
            "HeaderCell",
            parent=body,
            fontName=_BOLD,
            fontSize=_TABLE_FONT_SIZE,
            leading=11.5,
            spaceAfter=0,
            textColor=colors.white,
        ),
        note=ParagraphStyle(
            "Note",
            parent=body,
            fontSize=7.5,
            leading=9.5,
            spaceAfter=1.5,
            leftIndent=10,
            firstLineIndent=-10,
        ),
        caption=ParagraphStyle(
            "Caption",
            parent=body,
            fontSize=8,
            leading=10.5,
            spaceBefore=2,
            spaceAfter=10,
            textColor=colors.HexColor(_MUTED),
        ),
    )


def _aligned(style: ParagraphStyle, align: Align) -> ParagraphStyle:
    if align is Align.LEFT:
        return style
    return ParagraphStyle(f"{style.name}-{align}", parent=style, alignment=_ALIGNMENT[align])


# ---------------------------------------------------------------------------------------------
# Document tree to flowables


class _FigureDrawing(Drawing):
    """A drawing that carries its alternate text for the tagged PDF."""

    _attrMap = AttrMap(BASE=Drawing, alt_text=AttrMapValue(isString, desc="alternate text"))  # noqa: N815 # reportlab's attribute name
    alt_text: str
    initialFontName: str  # noqa: N815 # reportlab's attribute name


class _HeadingParagraph(Paragraph):
    """A heading that knows its outline entry, so the page template can add it when placed."""

    def __init__(
        self, markup: str, style: ParagraphStyle, *, key: str, title: str, level: int
    ) -> None:
        super().__init__(markup, style)
        self.outline_key = key
        self.outline_title = title
        self.outline_level = level


class _CellParagraph(Paragraph):
    """A table cell's paragraph that breaks its lines once per width.

    Reportlab wraps every cell again whenever a table is measured, split or drawn, and a
    long table is measured again after each page break; the lines depend only on the width
    (``Paragraph.wrap`` ignores the height), so the last wrap is kept and reused while its
    lines are (``Paragraph.split`` may drop them).
    """

    _wrapped: tuple[float, tuple[float, float]] | None = None

    def wrap(self, availWidth: float, availHeight: float) -> tuple[float, float]:  # noqa: N803 -- reportlab's signature
        """The size for this width, breaking lines only when the width is new."""
        wrapped = self._wrapped
        if wrapped is not None and wrapped[0] == availWidth and hasattr(self, "blPara"):
            return wrapped[1]
        size: tuple[float, float] = super().wrap(availWidth, availHeight)
        self._wrapped = (availWidth, size)
        return size


class _Table(RLTable):
    """A table whose rows stay whole on a page, except a row too tall for any page.

    Reportlab gives up (``LayoutError``) on a row taller than the frame: an event of one
    20,000-character sentence, or one cited by hundreds of sources. When the rows cannot be
    split between and more than a third of a page is free, such a row is split inside instead.
    """

    def split(self, availWidth: float, availHeight: float) -> list[Flowable]:  # noqa: N803 -- reportlab's signature
        """Split between rows, or inside a row taller than a third of a page."""
        parts: list[Flowable] = super().split(availWidth, availHeight)
        if parts or availHeight < _PAGE_HEIGHT / 3:
            return parts
        self.splitInRow = 1
        return list(super().split(availWidth, availHeight))


class _LongTable(Flowable):
    """A table of many rows, given to reportlab a window of rows at a time.

    Pages come out as one reportlab table would give them (header row repeated at the top
    of each page, zebra restarting there, rows kept whole), but each page break splits a
    table of ``_WINDOW_ROWS`` rows rather than of all the rows left, so a long chronology
    costs time in proportion to its rows, not to their square.
    """

    def __init__(
        self,
        header: Sequence[Flowable],
        rows: Sequence[Sequence[Flowable]],
        widths: list[float],
        *,
        split_in_row: int = 0,
        rule_above: bool = False,
    ) -> None:
        super().__init__()
        self._header = header
        self._rows = rows
        self._widths = widths
        self._split_in_row = split_in_row
        """Reportlab's ``splitInRow`` of the table this one continues: once a row has been
        split inside, every later part may split rows inside too (``_Table``)."""
        self._rule_above = rule_above
        """Whether the first row has a hairline above: it follows a break between rows."""
        self._whole: _Table | None = None
        """The whole table, when its first window fits a page after all (tiny rows)."""
        self.hAlign = "LEFT"

    def _table(self, rows: Sequence[Sequence[Flowable]]) -> _Table:
        table = _table_of(self._header, rows, self._widths, rule_above=self._rule_above)
        table.splitInRow = self._split_in_row
        return table

    def wrap(self, availWidth: float, availHeight: float) -> tuple[float, float]:  # noqa: N803 -- reportlab's signature
        """The first window's size: taller than the space means the table must be split.

        Only when the window fits (rows so short that a page holds more than a window) is
        the whole table measured, and then it stands in for this one.
        """
        if self._whole is None:
            width, height = self._table(self._rows[:_WINDOW_ROWS]).wrap(availWidth, availHeight)
            if height > availHeight:
                self.width, self.height = width, height
                return width, height
            self._whole = self._table(self._rows)
        self.width, self.height = self._whole.wrap(availWidth, availHeight)
        return self.width, self.height

    def split(self, availWidth: float, availHeight: float) -> list[Flowable]:  # noqa: N803 -- reportlab's signature
        """What fits of the first window, then the rows left (a plain table once few)."""
        if self._whole is not None:
            return self._whole.split(availWidth, availHeight)
        parts = self._table(self._rows[:_WINDOW_ROWS]).split(availWidth, availHeight)
        if len(parts) != 2:  # nothing fits here (try the next page), or a bug: never all
            return parts
        first, second = parts
        # The second part is the window's rest (its first row maybe the rest of a row split
        # inside) under the repeated header: its rows continue with the rows after the window,
        # in a fresh table styled as reportlab styles a split-off part.
        kept: int = len(first._cellvalues) - 1  # type: ignore[attr-defined] # reportlab's rows
        left: list[list[Flowable]] = second._cellvalues[1:]  # type: ignore[attr-defined] # reportlab's rows
        rest = [*left, *self._rows[_WINDOW_ROWS:]]
        tail = _LongTable(
            self._header,
            rest,
            self._widths,
            split_in_row=second.splitInRow,  # type: ignore[attr-defined] # reportlab's flag
            rule_above=kept + len(left) == min(len(self._rows), _WINDOW_ROWS),
        )
        return [first, tail._table(rest) if len(rest) <= _WINDOW_ROWS else tail]

    def draw(self) -> None:
        """Draw the whole table (only reached when it was short enough to stand in)."""
        assert self._whole is not None, "a long table is split before it is drawn"
        self._whole.drawOn(self.canv, 0, 0)


@dataclass(slots=True, kw_only=True)
class _StoryBuilder:
    """Turns blocks into flowables for one layout pass, collecting what could not be printed.

    It holds per-pass state (heading count, outline depth, dropped characters), so a fresh
    one is made for each pass and nothing outlives a call.
    """

    styles: _Styles
    coverage: dict[tuple[bool, bool], frozenset[int]]
    anchors: frozenset[str]
    dropped: dict[str, None] = field(default_factory=dict)
    broken_links: dict[str, None] = field(default_factory=dict)
    note_numbers: dict[str, int] = field(default_factory=dict)
    """Note id -> its number, in order of first reference: a source keeps one number."""
    note_texts: dict[int, str] = field(default_factory=dict)
    """Note number -> the markup of its text."""
    _references: int = 0
    _headings: int = 0
    _outline_level: int = -1

    def blocks(self, blocks: Sequence[Block], *, depth: int = 0) -> list[Flowable]:
        """Flowables for a sequence of blocks, in order; ``depth`` is their list nesting."""
        return [flowable for block in blocks for flowable in self.block(block, depth=depth)]

    def block(self, block: Block, *, depth: int = 0) -> list[Flowable]:
        """Flowables for one block."""
        match block:
            case Heading():
                # keepWithNext cannot hold a heading to a list (a container), so make room.
                return [CondPageBreak(_HEADING_ROOM), self._heading(block)]
            case ParagraphBlock(children=children):
                style = self.styles.list_body if depth else self.styles.body
                return [Paragraph(self.markup(children), style)]
            case ListBlock():
                return [self._list(block, depth=depth)]
            case Table():
                return self._table(block)
            case Rule():
                return [_rule()]
            case TimelineFigure():
                return self._figure(block)
            case _:
                assert_never(block)

    def _figure(self, figure: TimelineFigure) -> list[Flowable]:
        """The figure as vector graphics across the text width, its caption below it."""
        if not figure.points:
            return [Paragraph(escape(self.text(figure.caption)), self.styles.caption)]
        shape = _figure.layout(
            figure,
            _TEXT_WIDTH,
            lambda text: pdfmetrics.stringWidth(text, _REGULAR, _figure.FONT_SIZE),
        )
        drawing = _FigureDrawing(shape.width, shape.height)
        drawing.hAlign = "LEFT"
        drawing.alt_text = figure.caption  # the tagged PDF's /Alt for the figure
        # The renderer opens every drawing in its default font, Helvetica, which would then be
        # named in the PDF without being embedded; print preflight rejects that.
        drawing.initialFontName = _REGULAR
        muted, navy = colors.HexColor(_figure.MUTED), colors.HexColor(_figure.NAVY)
        drawing.add(
            Line(0, shape.axis_y, shape.width, shape.axis_y, strokeColor=muted, strokeWidth=0.8)
        )
        for tick in shape.ticks:
            size = 4.0 if tick.label else 2.0
            drawing.add(
                Line(
                    tick.x,
                    shape.axis_y,
                    tick.x,
                    shape.axis_y - size,
                    strokeColor=muted,
                    strokeWidth=0.6,
                )
            )
            if tick.label:
                drawing.add(self._string(tick.x, shape.axis_y - 12, tick.label, muted))
        for label in shape.labels:
            drawing.add(
                Line(
                    label.mark_x,
                    label.mark_top + 1,
                    label.mark_x,
                    label.y - 2,
                    strokeColor=colors.HexColor(_figure.HAIRLINE),
                    strokeWidth=0.5,
                )
            )
        for mark in shape.marks:
            if mark.is_bar:
                bar = Rect(mark.x0, mark.y - 3, mark.x1 - mark.x0, 6, rx=2, ry=2)
                bar.fillColor = colors.HexColor(_figure.BAR)  # the stubs reject these as kwargs
                bar.strokeColor = None
                drawing.add(bar)
            else:
                drawing.add(
                    Circle(
                        mark.x0,
                        mark.y,
                        mark.radius,
                        fillColor=navy,
                        strokeColor=colors.white,
                        strokeWidth=0.6,
                    )
                )
        for label in shape.labels:
            drawing.add(self._string(label.x, label.y, label.text, colors.HexColor(_INK)))
        caption = Paragraph(escape(self.text(figure.caption)), self.styles.caption)
        return [Spacer(0, 4), KeepTogether([drawing, caption])]

    def _string(self, x: float, y: float, text: str, colour: colors.Color) -> String:
        return String(
            x,
            y,
            self.text(text),
            fontName=_REGULAR,
            fontSize=_figure.FONT_SIZE,
            fillColor=colour,
            textAnchor="middle",
        )

    def _heading(self, heading: Heading) -> Paragraph:
        level = max(1, min(heading.level, len(self.styles.headings)))
        style = self.styles.headings[level - 1]
        # reportlab refuses an outline entry more than one level below the previous one.
        self._outline_level = min(heading.level - 1, self._outline_level + 1)
        self._headings += 1
        key = f"heading-{self._headings}"
        while key in self.anchors:  # never shadow an anchor a link points to
            key += "_"
        title = " ".join(self.text(plain_text(heading.children), bold=True).split())
        markup = f'<a name="{key}"/>' + self.markup(heading.children, bold=True)
        return _HeadingParagraph(
            markup, style, key=key, title=title or "—", level=max(0, self._outline_level)
        )

    def _list(self, block: ListBlock, *, depth: int) -> ListFlowable:
        # An empty item still needs a line for its bullet or number to be drawn on.
        empty = Paragraph("&nbsp;", self.styles.list_body)
        items = [self.blocks(item, depth=depth + 1) or [empty] for item in block.items]
        ordered = block.ordered
        size = self.styles.body.fontSize
        indent, dedent = 16.0, 16.0
        if ordered:
            # Numbers right-aligned in a column as wide as the widest ("100."), the text
            # hanging after it: "9." and "10." line up, and no number runs into its text.
            widest = f"{block.start + len(block.items) - 1}."
            dedent = _LIST_GAP
            indent = max(indent, pdfmetrics.stringWidth(widest, _REGULAR, size) + _LIST_GAP)
        return ListFlowable(
            items,
            bulletType="1" if ordered else "bullet",
            start=block.start if ordered else _BULLETS[depth % len(_BULLETS)],
            bulletFormat="%s." if ordered else None,
            bulletAlign="right" if ordered else "left",
            bulletDedent=dedent,
            bulletFontName=_REGULAR,
            bulletFontSize=size,
            bulletColor=colors.HexColor(_NAVY),
            leftIndent=indent,
            spaceAfter=4,
        )

    def _table(self, table: Table) -> list[Flowable]:
        width = max(len(table.header), *(len(row) for row in table.rows), 0)
        if width == 0:
            return []
        rows = [_padded(row, width) for row in (table.header, *table.rows)]
        aligns = [*table.align, *(Align.LEFT,) * width][:width]
        data = [
            [
                _CellParagraph(
                    self.markup(cell, bold=index == 0),
                    _aligned(self.styles.header_cell if index == 0 else self.styles.cell, align),
                )
                for cell, align in zip(row, aligns, strict=True)
            ]
            for index, row in enumerate(rows)
        ]
        texts = [[plain_text(row[column]) for row in rows] for column in range(width)]
        widths = column_widths(texts, _TEXT_WIDTH, _measure_cell, padding=2 * _CELL_PADDING_X)
        header, body = data[0], data[1:]
        flowable: Flowable = (
            _LongTable(header, body, list(widths))
            if len(body) > _WINDOW_ROWS
            else _table_of(header, body, list(widths))
        )
        return [Spacer(0, 2), flowable, Spacer(0, 8)]

    def markup(self, inlines: Sequence[Inline], *, bold: bool = False, italic: bool = False) -> str:
        """Reportlab paragraph markup for inlines; all text escaped, unprintables dropped."""
        parts: list[str] = []
        for index, inline in enumerate(inlines):
            if isinstance(inline, Note) and index and isinstance(inlines[index - 1], Note):
                parts.append("<super>,</super>")  # "1,2" rather than a misleading "12"
            parts.append(self._inline(inline, bold=bold, italic=italic))
        return "".join(parts)

    def _inline(self, inline: Inline, *, bold: bool, italic: bool) -> str:
        match inline:
            case Text(text=text):
                return escape(self.text(text, bold=bold, italic=italic))
            case Strong(children=children):
                return f"<b>{self.markup(children, bold=True, italic=italic)}</b>"
            case Emphasis(children=children):
                return f"<i>{self.markup(children, bold=bold, italic=True)}</i>"
            case Link():
                return self._link(inline, bold=bold, italic=italic)
            case Anchor(id=anchor_id):
                return f"<a name={_attribute(anchor_id)}/>"
            case LineBreak():
                return "<br/>"
            case Note():
                return self._note(inline)
            case _:
                assert_never(inline)

    def _note(self, note: Note) -> str:
        """A superscript number linked to its note; drawing it tells the page which notes it
        must print (the ``onDraw`` callback), and leaves a target the note links back to."""
        number = self.note_numbers.setdefault(note.id, len(self.note_numbers) + 1)
        if number not in self.note_texts:
            self.note_texts[number] = self.markup(note.children)
        self._references += 1
        ref = self._references
        return (
            f'<onDraw name="{_NOTE_CALLBACK}" label="{ref}:{number}"/><a name="noteref-{ref}"/>'
            f'<super><a href="#note-{ref}" color="{_NAVY}">{number}</a></super>'
        )

    def _link(self, link: Link, *, bold: bool, italic: bool) -> str:
        inner = self.markup(link.children, bold=bold, italic=italic)
        if link.internal:
            target = link.target[1:]
            if target not in self.anchors:
                self.broken_links[target] = None
                return inner
            return f'<a href={_attribute(link.target)} color="{_NAVY}">{inner}</a>'
        return f'<a href={_attribute(link.target)} color="{_LINK}" underline="1">{inner}</a>'

    def text(self, text: str, *, bold: bool = False, italic: bool = False) -> str:
        """The text with characters the face lacks removed (and noted), whitespace kept."""
        glyphs = self.coverage[bold, italic]
        kept: list[str] = []
        for char in text:
            if char in "\t\n\r":
                kept.append(" ")
            elif ord(char) in glyphs:
                kept.append(char)
            elif not is_invisible(char):
                self.dropped[char] = None
        return "".join(kept)


def _padded(row: Sequence[tuple[Inline, ...]], width: int) -> tuple[tuple[Inline, ...], ...]:
    return (*row, *((),) * (width - len(row)))


def _attribute(value: str) -> str:
    """A quoted markup attribute value: quotes and ampersands escaped."""
    return '"' + escape(value, {'"': "&quot;"}) + '"'


def _measure_cell(text: str) -> float:
    """Width of the widest line of a cell in points, measured bold so headers fit too."""
    return max(pdfmetrics.stringWidth(line, _BOLD, _TABLE_FONT_SIZE) for line in text.split("\n"))


def _table_of(
    header: Sequence[Flowable],
    rows: Sequence[Sequence[Flowable]],
    widths: list[float],
    *,
    rule_above: bool = False,
) -> _Table:
    """A table with its header row repeated on each page it runs onto.

    With ``rule_above`` the first row has a hairline above it, as reportlab draws on the
    part it splits off a table between two rows (the line that ended the row before).
    """
    return _Table(
        [list(header), *(list(row) for row in rows)],
        colWidths=widths,
        repeatRows=1,
        hAlign="LEFT",
        style=_table_style(rule_above=rule_above),
    )


def _table_style(*, rule_above: bool = False) -> TableStyle:
    above = [("LINEABOVE", (0, 1), (-1, 1), 0.25, colors.HexColor(_HAIRLINE))]
    return TableStyle(
        [
            *(above if rule_above else []),
            # reportlab's default cell font is Helvetica, which would be referenced unembedded.
            ("FONTNAME", (0, 0), (-1, -1), _REGULAR),
            ("VALIGN", (0, 0), (-1, -1), "TOP"),
            ("LEFTPADDING", (0, 0), (-1, -1), _CELL_PADDING_X),
            ("RIGHTPADDING", (0, 0), (-1, -1), _CELL_PADDING_X),
            ("TOPPADDING", (0, 0), (-1, -1), 4),
            ("BOTTOMPADDING", (0, 0), (-1, -1), 5),
            ("BACKGROUND", (0, 0), (-1, 0), colors.HexColor(_NAVY)),
            ("ROWBACKGROUNDS", (0, 1), (-1, -1), [colors.white, colors.HexColor(_ZEBRA)]),
            ("LINEBELOW", (0, 1), (-1, -1), 0.25, colors.HexColor(_HAIRLINE)),
            ("LINEBELOW", (0, -1), (-1, -1), 0.8, colors.HexColor(_NAVY)),
        ]
    )


def _rule() -> HRFlowable:
    return HRFlowable(
        width="100%",
        thickness=0.5,
        color=colors.HexColor(_HAIRLINE),
        spaceBefore=6,
        spaceAfter=10,
        hAlign="LEFT",
    )


def _title_block(meta: DocumentMeta, builder: _StoryBuilder) -> list[Flowable]:
    """Title, subtitle, a navy rule and the labelled author / date / period lines."""
    styles = builder.styles
    flowables: list[Flowable] = [
        Paragraph(escape(builder.text(meta.title, bold=True)), styles.title)
    ]
    if meta.subtitle:
        flowables.append(Paragraph(escape(builder.text(meta.subtitle)), styles.subtitle))
    flowables.append(
        HRFlowable(
            width="100%",
            thickness=1.5,
            color=colors.HexColor(_NAVY),
            spaceBefore=4,
            spaceAfter=8,
            hAlign="LEFT",
        )
    )
    lines = title_block_lines(meta)
    if lines:
        rows = [
            [
                Paragraph(escape(label.upper()), styles.meta_label),
                Paragraph(escape(builder.text(value)), styles.meta_value),
            ]
            for label, value in lines
        ]
        meta_table = RLTable(rows, colWidths=[32 * mm, _TEXT_WIDTH - 32 * mm], hAlign="LEFT")
        meta_table.setStyle(
            TableStyle(
                [
                    ("FONTNAME", (0, 0), (-1, -1), _REGULAR),
                    ("LEFTPADDING", (0, 0), (-1, -1), 0),
                    ("TOPPADDING", (0, 0), (-1, -1), 1),
                    ("BOTTOMPADDING", (0, 0), (-1, -1), 2),
                    ("VALIGN", (0, 0), (-1, -1), "TOP"),
                    # the smaller label text sits 1 pt lower so both baselines line up
                    ("TOPPADDING", (0, 0), (0, -1), 2),
                ]
            )
        )
        flowables.append(meta_table)
    flowables.append(Spacer(0, 10))
    return flowables


# ---------------------------------------------------------------------------------------------
# Page template, furniture and the build


class _BriefingDocTemplate(BaseDocTemplate):
    """A4 doc template that turns placed headings into outline entries and leaves room at the
    foot of each page for that page's notes."""

    reserve: dict[int, float] = {}  # noqa: RUF012 # replaced per instance before the build
    found: _Pass  # set per instance before the build

    def handle_pageBegin(self) -> None:  # noqa: N802 # reportlab's hook name
        """Give the coming page a text frame that stops above its notes."""
        self.pageTemplate.frames = [_body_frame(self.reserve.get(self.page + 1, 0.0))]
        super().handle_pageBegin()

    def afterFlowable(self, flowable: Flowable) -> None:  # noqa: N802 # reportlab's hook name
        """Add the outline entry once the heading's page (and its destination) is known."""
        if isinstance(flowable, _HeadingParagraph):
            self.canv.addOutlineEntry(
                flowable.outline_title, flowable.outline_key, level=flowable.outline_level
            )
            assert isinstance(self.canv, _BriefingCanvas)
            self.canv.heading_pages[flowable.outline_key] = self.canv.getPageNumber()
            self.found.headings.append(
                (
                    flowable.outline_key,
                    flowable.outline_title,
                    flowable.outline_level,
                    self.canv.getPageNumber(),
                )
            )


class _BriefingCanvas(Canvas):
    """A canvas that prints "Page X of Y" without knowing Y while the pages are laid out, and
    lists every anchor and heading in the catalog's ``/Dests``.

    Each page's footer shows a form XObject of its own (``draw_page_label``), filled in at
    ``save`` once the page count is known: the layout needs no pass just to count pages, and
    the whole label is still one string in one place, so viewers and text extraction read
    "Page X of Y" as before. Reportlab resolves internal links to explicit destinations and
    names none, so without ``/Dests`` ``briefing.pdf#source-1`` would not open at the source
    in a viewer.
    """

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.tagger = Tagger()
        self.page_refs: set[str] = set()
        """Headings whose page number a contents list shows (as a form to fill in)."""
        self.heading_pages: dict[str, int] = {}

    def draw_page_label(self) -> None:
        """Show this page's "Page X of Y" form, right-aligned in the footer."""
        self.doForm(_page_label_form(self.getPageNumber()))

    def _setAnnotations(self, page: object) -> None:  # noqa: N802 # reportlab's hook name
        """Reportlab's last hook on a finished page: give it its structure keys."""
        Tagger.mark_page(page, self.getPageNumber() - 1)
        super()._setAnnotations(page)  # type: ignore[misc] # not in the stubs

    def save(self) -> None:
        """Fill in each page's label, name the destinations, then write the file."""
        # Every page has been shown, so the number of the page being started is one past
        # the last: each form gets the real total.
        total = self.getPageNumber() - 1
        for page in range(1, total + 1):
            self.beginForm(_page_label_form(page))
            self.setFillColor(colors.HexColor(_MUTED))
            self.setFont(_REGULAR, 7.5)
            self.drawRightString(_PAGE_WIDTH - _MARGIN_X, _FOOTER_Y, f"Page {page} of {total}")
            self.endForm()
        for key in sorted(self.page_refs):
            self.beginForm(_page_ref_form(key))
            self.setFillColor(colors.HexColor(_INK))
            self.setFont(_REGULAR, _CONTENTS_SIZE)
            found = self.heading_pages.get(key)
            self.drawRightString(15 * mm, _CONTENTS_BASELINE, str(found) if found else "–")
            self.endForm()
        self.tagger.finish(self, total)
        destinations = self._destinations  # type: ignore[attr-defined] # reportlab keeps them here
        if destinations:
            catalog = self._doc.Catalog  # type: ignore[attr-defined] # not in the stubs
            catalog.Dests = PDFDictionary(dict(sorted(destinations.items())))
        super().save()


def _page_label_form(page: int) -> str:
    """The name of the form holding page ``page``'s "Page X of Y"."""
    return f"briefing-page-label-{page}"


@dataclass(slots=True, kw_only=True)
class _Pass:
    """One layout pass: what it knows from the last one, and what it finds."""

    reserve: dict[int, float] = field(default_factory=dict)
    """Page -> height kept free at the foot of the page for its notes."""
    placed: dict[int, list[tuple[int, int]]] = field(default_factory=dict)
    """Page -> (reference, note number) of each note reference drawn on it, in order."""
    contents: tuple[tuple[str, str, int], ...] = ()
    """The contents list this pass prints: (anchor, title, level) per heading; the page
    numbers are forms the canvas fills in at save, from this very pass."""
    headings: list[tuple[str, str, int, int]] = field(default_factory=list)
    """(anchor, title, level, page) of each heading as this pass placed it."""
    pages: int = 0
    """How many pages this pass made."""


def _contents_entries(pass_: _Pass) -> tuple[tuple[str, str, int], ...]:
    """The contents list a document of this pass's length gets: none up to a few pages, else
    its first two heading levels."""
    if pass_.pages <= _CONTENTS_FROM_PAGES and not pass_.contents:
        return ()
    return tuple((key, title, level) for key, title, level, _page in pass_.headings if level <= 1)


class _PageOf(Flowable):
    """The page number of a heading, right-aligned: a form the canvas fills in at save, once
    the heading is placed (as "Page X of Y" is), so the contents list needs no extra pass."""

    def __init__(self, key: str, height: float, width: float) -> None:
        super().__init__()
        self.key, self.height, self.width = key, height, width

    def wrap(self, availWidth: float, availHeight: float) -> tuple[float, float]:  # noqa: N803, ARG002 -- reportlab's signature; the size is fixed
        return self.width, self.height

    def draw(self) -> None:
        canvas = self.canv
        assert isinstance(canvas, _BriefingCanvas), "page references need the briefing canvas"
        canvas.page_refs.add(self.key)
        canvas.doForm(_page_ref_form(self.key))


def _page_ref_form(key: str) -> str:
    """The name of the form holding the page number of heading ``key``."""
    return f"briefing-page-of-{key}"


def _contents(entries: Sequence[tuple[str, str, int]], styles: _Styles) -> list[Flowable]:
    """ "Contents": each heading linked to its place, its page number right-aligned."""
    if not entries:
        return []
    rows = [
        [
            Paragraph(
                f'<a href="#{key}" color="{_INK}">{escape(title)}</a>',
                _indented(styles.body, 12.0 * level),
            ),
            _PageOf(key, styles.body.leading, 15 * mm),
        ]
        for key, title, level in entries
    ]
    table = RLTable(rows, colWidths=[_TEXT_WIDTH - 15 * mm, 15 * mm], hAlign="LEFT")
    table.setStyle(
        TableStyle(
            [
                ("LEFTPADDING", (0, 0), (-1, -1), 0),
                ("RIGHTPADDING", (0, 0), (-1, -1), 0),
                ("TOPPADDING", (0, 0), (-1, -1), 1),
                ("BOTTOMPADDING", (0, 0), (-1, -1), 1),
                ("LINEBELOW", (0, 0), (-1, -1), 0.25, colors.HexColor(_HAIRLINE)),
            ]
        )
    )
    return [Paragraph("Contents", styles.headings[1]), table, Spacer(0, 12)]


def _indented(style: ParagraphStyle, indent: float) -> ParagraphStyle:
    return ParagraphStyle(f"{style.name}-indent-{indent:g}", parent=style, leftIndent=indent)


def _page_notes(refs: Sequence[tuple[int, int]]) -> Iterator[tuple[int, list[int]]]:
    """Each note number on a page once, in order, with every reference to it there."""
    grouped: dict[int, list[int]] = {}
    for ref, number in refs:
        grouped.setdefault(number, []).append(ref)
    yield from grouped.items()


def _note_paragraph(builder: _StoryBuilder, number: int, refs: Sequence[int]) -> Paragraph:
    """A note as printed at the foot of the page: its number links back to the first
    reference on that page."""
    back = f'<a href="#noteref-{refs[0]}" color="{_NAVY}">{number}</a>'
    return Paragraph(f"{back}&nbsp;&nbsp;{builder.note_texts[number]}", builder.styles.note)


def _notes_height(builder: _StoryBuilder, refs: Sequence[tuple[int, int]]) -> float:
    """Room the page's notes need, separator rule included."""
    height = _NOTE_RULE_ROOM
    for number, page_refs in _page_notes(refs):
        paragraph = _note_paragraph(builder, number, page_refs)
        height += paragraph.wrap(_TEXT_WIDTH, _PAGE_HEIGHT)[1] + builder.styles.note.spaceAfter
    return height


def _draw_notes(canvas: Canvas, builder: _StoryBuilder, refs: Sequence[tuple[int, int]]) -> None:
    """The page's notes at the foot of its text area, under a short rule."""
    y = _MARGIN_BOTTOM + _notes_height(builder, refs) - _NOTE_RULE_ROOM
    canvas.saveState()
    canvas.setStrokeColor(colors.HexColor(_HAIRLINE))
    canvas.setLineWidth(0.5)
    canvas.line(_MARGIN_X, y + _NOTE_RULE_ROOM / 2, _MARGIN_X + 40 * mm, y + _NOTE_RULE_ROOM / 2)
    canvas.restoreState()
    for number, page_refs in _page_notes(refs):
        paragraph = _note_paragraph(builder, number, page_refs)
        height = paragraph.wrap(_TEXT_WIDTH, _PAGE_HEIGHT)[1]
        for ref in page_refs:
            canvas.bookmarkHorizontal(f"note-{ref}", _MARGIN_X, y)
        y -= height
        paragraph.drawOn(canvas, _MARGIN_X, y)
        y -= builder.styles.note.spaceAfter


def _build(
    story: list[Flowable],
    meta: DocumentMeta,
    pass_: _Pass,
    builder: _StoryBuilder,
    *,
    reproducible: bool,
) -> bytes:
    """Lay the story out once, recording in ``pass_`` its pages and where notes landed."""
    buffer = io.BytesIO()
    doc = _BriefingDocTemplate(
        buffer,
        pagesize=A4,
        leftMargin=_MARGIN_X,
        rightMargin=_MARGIN_X,
        topMargin=_MARGIN_TOP,
        bottomMargin=_MARGIN_BOTTOM,
        title=meta.title,
        author=meta.author,
        subject=meta.subject,
        keywords=list(meta.keywords),
        creator="briefing",
        lang=meta.language or None,
        invariant=1 if reproducible else 0,
        initialFontName=_REGULAR,
        displayDocTitle=True,
    )
    doc.reserve = pass_.reserve
    doc.found = pass_

    def record(canvas: Canvas, _kind: str | None, label: str) -> None:
        ref, number = label.split(":")
        pass_.placed.setdefault(canvas.getPageNumber(), []).append((int(ref), int(number)))

    def furniture(canvas: Canvas, _doc: BaseDocTemplate) -> None:
        canvas.setNamedCB(_NOTE_CALLBACK, record)
        Tagger.artifact_begin(canvas)
        _draw_furniture(canvas, meta)
        Tagger.artifact_end(canvas)

    def notes(canvas: Canvas, _doc: BaseDocTemplate) -> None:
        pass_.pages = max(pass_.pages, canvas.getPageNumber())
        refs = pass_.placed.get(canvas.getPageNumber(), [])
        if refs:
            assert isinstance(canvas, _BriefingCanvas)
            mark = canvas.tagger.begin(canvas, "Note")
            _draw_notes(canvas, builder, refs)
            canvas.tagger.end(canvas, mark)

    doc.addPageTemplates(
        [PageTemplate(id="page", frames=[_body_frame(0.0)], onPage=furniture, onPageEnd=notes)]
    )
    doc.build(story, canvasmaker=_BriefingCanvas)
    return buffer.getvalue()


class _TaggingFrame(Frame):
    """The text frame: each block it draws becomes a structure element of the tagged PDF."""

    def add(self, flowable: Flowable, canv: Canvas, trySplit: int = 0) -> Literal[0, 1]:  # noqa: N803 # reportlab's signature
        """Draw the block (reportlab's ``Frame.add``) inside its marked-content sequence;
        spacers and rules are artifacts."""
        if not isinstance(canv, _BriefingCanvas):
            return super().add(flowable, canv, trySplit)
        role, alt = _role(flowable)
        if role is None:
            Tagger.artifact_begin(canv)
            drawn = super().add(flowable, canv, trySplit)
            Tagger.artifact_end(canv)
            return drawn
        mark = canv.tagger.begin(canv, role, alt)
        drawn = super().add(flowable, canv, trySplit)
        canv.tagger.end(canv, mark, drawn=bool(drawn))
        return drawn


def _role(flowable: Flowable) -> tuple[str | None, str]:
    """The structure role of a block (None: layout only, an artifact) and its alternate text."""
    if isinstance(flowable, _HeadingParagraph):
        return f"H{min(flowable.outline_level + 1, 6)}", ""
    if isinstance(flowable, Paragraph):
        return "P", ""
    if isinstance(flowable, ListFlowable):
        return "L", ""
    if isinstance(flowable, (RLTable, _LongTable)):
        return "Table", ""
    if isinstance(flowable, _FigureDrawing):
        return "Figure", str(getattr(flowable, "alt_text", "")) or "Figure"
    return None, ""


def _body_frame(reserve: float) -> Frame:
    """The text area of a page, shortened from below by ``reserve`` points of notes."""
    return _TaggingFrame(
        _MARGIN_X,
        _MARGIN_BOTTOM + reserve,
        _TEXT_WIDTH,
        _PAGE_HEIGHT - _MARGIN_TOP - _MARGIN_BOTTOM - reserve,
        id="body",
        leftPadding=0,
        rightPadding=0,
        topPadding=0,
        bottomPadding=0,
    )


def _draw_furniture(canvas: Canvas, meta: DocumentMeta) -> None:
    """Running title, marking in header and footer, hairlines and "Page X of Y"."""
    page = canvas.getPageNumber()
    header_y = _PAGE_HEIGHT - 15 * mm
    footer_y = _FOOTER_Y
    canvas.saveState()
    canvas.setStrokeColor(colors.HexColor(_HAIRLINE))
    canvas.setLineWidth(0.5)
    canvas.line(_MARGIN_X, header_y - 3 * mm, _PAGE_WIDTH - _MARGIN_X, header_y - 3 * mm)
    canvas.line(_MARGIN_X, footer_y + 5 * mm, _PAGE_WIDTH - _MARGIN_X, footer_y + 5 * mm)
    canvas.setFillColor(colors.HexColor(_MUTED))
    canvas.setFont(_REGULAR, 7.5)
    if page > 1:
        canvas.drawString(_MARGIN_X, header_y, _fit(meta.title, 90 * mm))
    if meta.author:
        canvas.drawString(_MARGIN_X, footer_y, _fit(meta.author, 70 * mm))
    # Only _BriefingCanvas (the canvas of every build) can leave the total to the end.
    assert isinstance(canvas, _BriefingCanvas), "the furniture needs the briefing canvas"
    canvas.draw_page_label()
    if meta.marking:
        _draw_marking(canvas, meta.marking, header_y)
        _draw_marking(canvas, meta.marking, footer_y)
    canvas.restoreState()


def _fit(text: str, width: float) -> str:
    """The text shortened with an ellipsis to fit ``width`` points in the furniture font."""
    if pdfmetrics.stringWidth(text, _REGULAR, 7.5) <= width:
        return text
    while text and pdfmetrics.stringWidth(text + "…", _REGULAR, 7.5) > width:
        text = text[:-1]
    return text.rstrip() + "…"


def _draw_marking(canvas: Canvas, marking: str, baseline: float) -> None:
    """The marking centred on the page; a TLP label as coloured text on a black box."""
    size = 8.0
    label = marking.strip()
    text_width = pdfmetrics.stringWidth(label, _BOLD, size)
    centre = _PAGE_WIDTH / 2
    paint = marking_colours(label)
    if tlp_colour(label) is not None:
        pad_x, pad_y = 4.0, 2.5
        canvas.setFillColor(colors.HexColor(paint.background))
        canvas.rect(
            centre - text_width / 2 - pad_x,
            baseline - pad_y,
            text_width + 2 * pad_x,
            size + 2 * pad_y - 1,
            stroke=0,
            fill=1,
        )
    canvas.setFillColor(colors.HexColor(paint.text))
    canvas.setFont(_BOLD, size)
    canvas.drawCentredString(centre, baseline, label)
