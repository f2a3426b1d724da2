"""The Word writer: a ``Document`` to DOCX bytes, styled only by a reference document's styles.

Like pandoc's ``--reference-doc``: python-docx opens ``templates/reference.docx`` (or the user's),
empties its body and writes paragraphs that name their style, so restyling the reference
restyles the output. It never imports the PDF writer and never sets fonts or sizes itself.
Notes become real Word footnotes (a ``word/footnotes.xml`` part), the timeline figure an inline
PNG picture, and a TOC field after the title block lists the headings once Word updates it.
"""

from __future__ import annotations

import datetime as dt
import io
import re
import zipfile
from dataclasses import dataclass, field
from typing import TYPE_CHECKING, assert_never

import docx
from docx.document import Document as WordDocument
from docx.enum.style import WD_STYLE_TYPE
from docx.enum.text import WD_ALIGN_PARAGRAPH
from docx.opc.constants import CONTENT_TYPE as CT
from docx.opc.constants import RELATIONSHIP_TYPE as RT
from docx.opc.exceptions import PackageNotFoundError
from docx.opc.packuri import PackURI
from docx.oxml import OxmlElement, parse_xml
from docx.oxml.ns import nsdecls, qn
from docx.oxml.xmlchemy import BaseOxmlElement
from docx.parts.story import StoryPart
from docx.shared import Emu, Pt
from docx.text.paragraph import Paragraph
from docx.text.run import Run

from briefing.errors import RenderError, shown
from briefing.model import (
    Align,
    Anchor,
    Block,
    Document,
    DocumentMeta,
    Emphasis,
    Heading,
    Inline,
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
from briefing.model import Paragraph as ParagraphBlock
from briefing.render import figure_png
from briefing.render._layout import (
    anchor_ids,
    column_widths,
    plain_text,
    title_block_lines,
    tlp_colour,
    xml_safe,
)
from briefing.render.resources import default_reference
from briefing.safezip import ZipLimits, check_zip

if TYPE_CHECKING:
    from collections.abc import Sequence
    from pathlib import Path

    from docx.section import _Footer, _Header
    from docx.table import Table as WordTable

_PARAGRAPH_STYLES = (
    "Title",
    "Subtitle",
    "Title Rule",
    "Title Meta",
    "Heading 1",
    "Heading 2",
    "Heading 3",
    "Normal",
    "Header",
    "Footer",
    "Table Text",
    "Table Heading",
    "Horizontal Rule",
    "List Bullet",
    "List Bullet 2",
    "List Bullet 3",
    "List Number",
    "List Number 2",
    "List Number 3",
    "List Continue",
    "List Continue 2",
    "List Continue 3",
    "TOC Heading",
    "toc 1",
    "toc 2",
    "toc 3",
)
_REFERENCE_LIMITS = ZipLimits(member_bytes=16_000_000, total_bytes=32_000_000)
"""The largest reference document opened: styles, perhaps a logo in a header."""
_NOTE_STYLES = ("footnote text", "footnote reference")
"""Needed only when the document has notes, so older references still write other documents."""
_FIGURE_STYLES = ("Figure", "Caption")
"""Needed only when the document has a figure."""
_TOC_INSTRUCTION = 'TOC \\o "1-3" \\h \\z \\u'
_TOC_PLACEHOLDER = (
    "Right-click here and choose Update Field (or press F9) to show the table of contents."
)
_SETTINGS_AFTER_UPDATE_FIELDS = (
    "w:hdrShapeDefaults", "w:footnotePr", "w:endnotePr", "w:compat", "w:docVars", "w:rsids",
    "m:mathPr", "w:attachedSchema", "w:themeFontLang", "w:clrSchemeMapping",
    "w:doNotIncludeSubdocsInStats", "w:doNotAutoCompressPictures", "w:forceUpgrade",
    "w:captions", "w:readModeInkLockDown", "w:smartTagType", "sl:schemaLibrary",
    "w:shapeDefaults", "w:doNotEmbedSmartTags", "w:decimalSymbol", "w:listSeparator",
)  # fmt: skip
"""The children of ``w:settings`` that must follow ``w:updateFields`` (ECMA-376 order)."""
_CHARACTER_STYLES = (
    "Title Meta Label",
    "Strong",
    "Emphasis",
    "Hyperlink",
    "Internal Link",
    "Marking",
    "Marking TLP RED",
    "Marking TLP AMBER",
    "Marking TLP GREEN",
    "Marking TLP CLEAR",
)
_TABLE_STYLE = "Briefing Table"
_MAX_DEPTH = 3
"""Headings and list levels the reference styles: deeper ones use the deepest style."""
_JUSTIFY = {
    Align.LEFT: WD_ALIGN_PARAGRAPH.LEFT,
    Align.CENTER: WD_ALIGN_PARAGRAPH.CENTER,
    Align.RIGHT: WD_ALIGN_PARAGRAPH.RIGHT,
}
_TABLE_FONT_POINTS = 8.5
_CELL_PADDING_POINTS = 10.0
_CHAR_WIDTH_EM = 0.7
"""Average character width in ems, generous so bold headers fit in wide fonts (DejaVu: ~0.65)."""
_ZIP_EPOCH = (1980, 1, 1, 0, 0, 0)


def write(
    document: Document,
    *,
    reference: Path | None = None,
    heading_pages: Sequence[tuple[str, int]] = (),
) -> bytes:
    """Render the document as DOCX bytes on the styles of ``reference`` (default: the package's).

    ``heading_pages`` gives (heading text, page) in document order, from a layout of the same
    document (the PDF's, on the same A4 page): the contents list then shows page numbers and
    Word has no field to update on opening. Without it the contents list has no numbers and
    Word offers to update it. The bytes depend only on the arguments: core property dates
    come from ``meta.date`` and the archive's timestamps are fixed, so goldens compare bytes.
    """
    reference = reference or default_reference()
    has_notes, has_figure = _uses(document.blocks)
    optional = (*(_NOTE_STYLES if has_notes else ()), *(_FIGURE_STYLES if has_figure else ()))
    word = _open_reference(reference, optional)
    _clear_body(word)
    _set_language(word, document.meta.language)
    _set_core_properties(word, document.meta)
    _write_furniture(word, document.meta)
    if not heading_pages:
        _ask_to_update_fields(word)
    notes = _footnotes_part(word) if has_notes else None
    body = _BodyWriter(
        word=word,
        anchors=anchor_ids(document),
        style_ids=_style_ids(word, optional),
        notes=notes,
    )
    body.title_block(document.meta)
    body.contents([block for block in document.blocks if isinstance(block, Heading)], heading_pages)
    body.blocks(document.blocks)
    buffer = io.BytesIO()
    word.save(buffer)
    return _reproducible_zip(buffer.getvalue())


def _uses(blocks: Sequence[Block]) -> tuple[bool, bool]:
    """Whether the blocks hold any note, and any figure: what needs the optional styles."""
    notes = figure = False
    for block in blocks:
        match block:
            case Heading(children=children) | ParagraphBlock(children=children):
                notes = notes or _has_note(children)
            case ListBlock(items=items):
                for item in items:
                    inner_notes, inner_figure = _uses(item)
                    notes, figure = notes or inner_notes, figure or inner_figure
            case Table(header=header, rows=rows):
                notes = notes or any(_has_note(cell) for row in (header, *rows) for cell in row)
            case TimelineFigure():
                figure = True
            case Rule():
                pass
            case _:
                assert_never(block)
    return notes, figure


def _has_note(inlines: Sequence[Inline]) -> bool:
    for inline in inlines:
        match inline:
            case Note():
                return True
            case Strong(children=children) | Emphasis(children=children) | Link(children=children):
                if _has_note(children):
                    return True
            case Text() | Anchor() | LineBreak():
                pass
            case _:
                assert_never(inline)
    return False


def _open_reference(reference: Path, optional: Sequence[str] = ()) -> WordDocument:
    """Open the reference document and check it has every style the writer will name.

    A project's reference may come from someone else: its archive is checked for a zip bomb
    before python-docx inflates it (a reference holds styles, a few hundred kB).
    """
    check_zip(reference, _REFERENCE_LIMITS)
    try:
        word = docx.Document(str(reference))
    except (PackageNotFoundError, OSError, KeyError, ValueError, zipfile.BadZipFile) as error:
        raise RenderError(f"cannot open the reference document: {error}", path=reference) from error
    wanted = (
        [(name, WD_STYLE_TYPE.PARAGRAPH) for name in _PARAGRAPH_STYLES]
        + [(name, WD_STYLE_TYPE.CHARACTER) for name in _CHARACTER_STYLES]
        + [
            (name, WD_STYLE_TYPE.CHARACTER if "reference" in name else WD_STYLE_TYPE.PARAGRAPH)
            for name in optional
        ]
        + [(_TABLE_STYLE, WD_STYLE_TYPE.TABLE)]
    )
    missing = [
        name for name, kind in wanted if name not in word.styles or word.styles[name].type != kind
    ]
    if missing:
        raise RenderError(
            "the reference document lacks the styles "
            + ", ".join(shown(m) for m in missing)
            + "; start from tools/make_reference_docx.py's output and restyle it",
            path=reference,
        )
    return word


def _style_ids(word: WordDocument, optional: Sequence[str] = ()) -> dict[str, str]:
    """Style name to style id, looked up once: python-docx's lookup by name is slow."""
    names = (*_PARAGRAPH_STYLES, *_CHARACTER_STYLES, *optional)
    return {name: word.styles[name].style_id for name in names}


def _clear_body(word: WordDocument) -> None:
    """Drop the reference's sample content; only its section settings (page, margins) stay."""
    body = word.element.body
    for child in list(body):
        if child.tag != qn("w:sectPr"):
            body.remove(child)


def _set_language(word: WordDocument, language: str) -> None:
    """Make the document language the default for every run, as Word's language setting does."""
    if not language:
        return
    styles = word.styles.element
    defaults = _child(styles, "w:docDefaults", first=True)
    run_defaults = _child(_child(defaults, "w:rPrDefault"), "w:rPr")
    _child(run_defaults, "w:lang").set(qn("w:val"), language)


def _child(parent: BaseOxmlElement, tag: str, *, first: bool = False) -> BaseOxmlElement:
    """The existing child with this tag, or a new one (at the start when ``first``)."""
    found: BaseOxmlElement | None = parent.find(qn(tag))
    if found is not None:
        return found
    created = OxmlElement(tag)
    if first:
        parent.insert(0, created)
    else:
        parent.append(created)
    return created


def _set_core_properties(word: WordDocument, meta: DocumentMeta) -> None:
    """Title, author, subject, keywords, language, and dates from the briefing date."""
    properties = word.core_properties
    properties.title = _clean(meta.title)
    properties.subject = _clean(meta.subject)
    properties.author = _clean(meta.author)
    properties.last_modified_by = _clean(meta.author)
    properties.keywords = _clean(", ".join(meta.keywords))
    properties.language = _clean(meta.language)
    properties.comments = ""
    properties.revision = 1
    if meta.date is not None:
        midnight = dt.datetime.combine(meta.date, dt.time(), tzinfo=dt.UTC)
        properties.created = midnight
        properties.modified = midnight


def _ask_to_update_fields(word: WordDocument) -> None:
    """``w:updateFields`` in the settings: Word offers to update the TOC field on opening."""
    settings = word.settings.element
    if settings.find(qn("w:updateFields")) is None:
        element = OxmlElement("w:updateFields", {qn("w:val"): "true"})
        settings.insert_element_before(element, *_SETTINGS_AFTER_UPDATE_FIELDS)


def _footnotes_part(word: WordDocument) -> StoryPart:
    """A fresh ``word/footnotes.xml`` holding Word's two separator notes (ids -1 and 0).

    A footnotes part the reference already has is replaced: its notes are sample content.
    The settings name the separators, as Word's own files do.
    """
    document_part = word.part
    for rel_id, rel in list(document_part.rels.items()):
        if rel.reltype == RT.FOOTNOTES:
            document_part.drop_rel(rel_id)
    separators = "".join(
        f'<w:footnote w:type="{kind}" w:id="{number}"><w:p><w:pPr>'
        '<w:spacing w:before="0" w:after="0" w:line="240" w:lineRule="auto"/></w:pPr>'
        f"<w:r><w:{kind}/></w:r></w:p></w:footnote>"
        for number, kind in ((-1, "separator"), (0, "continuationSeparator"))
    )
    element = parse_xml(f"<w:footnotes {nsdecls('w', 'r')}>{separators}</w:footnotes>")
    part = StoryPart(
        PackURI("/word/footnotes.xml"), CT.WML_FOOTNOTES, element, document_part.package
    )
    document_part.relate_to(part, RT.FOOTNOTES)
    settings = word.settings.element
    if settings.find(qn("w:footnotePr")) is None:
        properties = parse_xml(
            f'<w:footnotePr {nsdecls("w")}><w:footnote w:id="-1"/><w:footnote w:id="0"/>'
            "</w:footnotePr>"
        )
        settings.insert_element_before(properties, *_SETTINGS_AFTER_UPDATE_FIELDS[2:])
    return part


# ---------------------------------------------------------------------------------------------
# Header and footer


def _write_furniture(word: WordDocument, meta: DocumentMeta) -> None:
    """Header: running title and marking. Footer: author, marking and "Page X of Y".

    The first page carries the title block itself, so its header shows only the marking
    (as the PDF does); its footer is the same as every other page's.
    """
    for section in word.sections:
        section.different_first_page_header_footer = True
        _header_line(_emptied(section.header), meta, running_title=True)
        _header_line(_emptied(section.first_page_header), meta, running_title=False)
        _footer_line(_emptied(section.footer), meta)
        _footer_line(_emptied(section.first_page_footer), meta)


def _header_line(header: _Header | _Footer, meta: DocumentMeta, *, running_title: bool) -> None:
    line = header.add_paragraph(style="Header")
    if running_title:
        line.add_run(_clean(meta.title))
    if meta.marking:
        line.add_run("\t")
        _add_marking(line, meta.marking)


def _footer_line(footer: _Header | _Footer, meta: DocumentMeta) -> None:
    line = footer.add_paragraph(style="Footer")
    line.add_run(_clean(meta.author) + "\t")
    if meta.marking:
        _add_marking(line, meta.marking)
    line.add_run("\tPage ")
    _add_field(line, "PAGE", "1")
    line.add_run(" of ")
    _add_field(line, "NUMPAGES", "1")


def _emptied(part: _Header | _Footer) -> _Header | _Footer:
    """The section's own header or footer with the reference's content removed."""
    part.is_linked_to_previous = False
    for paragraph in part.paragraphs:
        element = paragraph._p  # python-docx has no remove()
        element.getparent().remove(element)
    for table in part.tables:
        element = table._tbl  # python-docx has no remove()
        element.getparent().remove(element)
    return part


def _add_marking(paragraph: Paragraph, marking: str) -> None:
    tlp = tlp_colour(marking)
    style = "Marking" if tlp is None else f"Marking TLP {tlp}"
    paragraph.add_run(f" {_clean(marking.strip())} ", style=style)


def _field_part(
    paragraph: Paragraph, part: str, value: str = "", *, into: BaseOxmlElement | None = None
) -> None:
    """One run of a complex field: ``begin``, ``separate`` or ``end`` (a ``w:fldChar``), an
    ``instruction`` or the result ``text``; appended to the paragraph, or to ``into``."""
    run = OxmlElement("w:r")
    if part in ("begin", "separate", "end"):
        run.append(OxmlElement("w:fldChar", {qn("w:fldCharType"): part}))
    elif part == "instruction":
        run.append(OxmlElement("w:instrText", {qn("xml:space"): "preserve"}))
        run[-1].text = value
    else:
        run.append(OxmlElement("w:t", {qn("xml:space"): "preserve"}))
        run[-1].text = value
    (paragraph._p if into is None else into).append(run)  # python-docx has no field API


def _match_pages(
    titles: Sequence[str], heading_pages: Sequence[tuple[str, int]]
) -> list[int | None]:
    """The page of each title, matched in order against the layout's (heading, page) list;
    None for every title when there is no layout or a title is not found in it."""
    if not heading_pages:
        return [None] * len(titles)
    found: list[int | None] = []
    position = 0
    for title in titles:
        wanted = " ".join(title.split())
        while position < len(heading_pages) and heading_pages[position][0] != wanted:
            position += 1
        if position == len(heading_pages):
            return [None] * len(titles)
        found.append(heading_pages[position][1])
        position += 1
    return found


def _right_tab(paragraph: Paragraph, width: float) -> None:
    """A right-aligned tab stop with a dotted leader at the text's right edge."""
    properties = paragraph._p.get_or_add_pPr()
    tabs = OxmlElement("w:tabs")
    tabs.append(
        OxmlElement(
            "w:tab",
            {
                qn("w:val"): "right",
                qn("w:leader"): "dot",
                qn("w:pos"): str(int(width * 20)),
            },
        )
    )
    properties.append(tabs)


def _add_field(paragraph: Paragraph, instruction: str, placeholder: str) -> None:
    """A complex field (begin, instruction, separate, result, end) that Word and LibreOffice
    both update when the document is laid out."""
    _field_part(paragraph, "begin")
    _field_part(paragraph, "instruction", f" {instruction} ")
    _field_part(paragraph, "separate")
    _field_part(paragraph, "text", placeholder)
    _field_part(paragraph, "end")


# ---------------------------------------------------------------------------------------------
# Body


@dataclass(frozen=True, slots=True, kw_only=True)
class _Format:
    """The inline formatting in force: nesting of Strong, Emphasis and Link."""

    bold: bool = False
    italic: bool = False
    link: str = ""
    """"" outside links, else the character style of the link ("Hyperlink", "Internal Link")."""


@dataclass(frozen=True, slots=True)
class _Story:
    """The parent python-docx wants for a paragraph outside the body: it names the part, so
    a hyperlink in a footnote is related from ``footnotes.xml``, not from the document."""

    part: StoryPart


@dataclass(slots=True, kw_only=True)
class _BodyWriter:
    """Writes blocks into the document body; holds per-call counters (bookmark and note ids)."""

    word: WordDocument
    anchors: frozenset[str]
    style_ids: dict[str, str]
    notes: StoryPart | None = None
    """The footnotes part, when the document has notes."""
    _bookmarks: int = 0
    _footnotes: int = 0
    _note_numbers: dict[str, int] = field(default_factory=dict)
    """Note id (a source) -> its number, in order of first citation, as the PDF numbers."""
    _headings: int = 0
    _text_width: float = field(init=False, default=0.0)
    _end: BaseOxmlElement | None = field(init=False, default=None)
    """The body's closing section properties, before which every paragraph goes."""

    def __post_init__(self) -> None:
        section = self.word.sections[-1]
        width = (section.page_width or 0) - (section.left_margin or 0) - (section.right_margin or 0)
        self._text_width = Emu(width).pt

    def title_block(self, meta: DocumentMeta) -> None:
        """Title, subtitle, a rule and the labelled author / date / period lines."""
        self._paragraph("Title").add_run(_clean(meta.title))
        if meta.subtitle:
            self._paragraph("Subtitle").add_run(_clean(meta.subtitle))
        self._paragraph("Title Rule")
        for label, value in title_block_lines(meta):
            line = self._paragraph("Title Meta")
            line.add_run(label, style="Title Meta Label")
            line.add_run("\t" + _clean(value))

    def contents(
        self, headings: Sequence[Heading], heading_pages: Sequence[tuple[str, int]] = ()
    ) -> None:
        """A "Contents" heading and a TOC field of heading levels 1-3 with hyperlinks.

        The field's result is filled in already: one line per top-level heading, linked to
        the heading's ``_Toc`` bookmark and, given ``heading_pages``, its page number as a
        ``PAGEREF`` field holding that number, after a dotted right tab (as Word writes a
        TOC). Word rebuilds the field when asked (F9); without page numbers the settings make
        it offer that on opening. Without headings, the result is a line asking to update it.
        """
        self._paragraph("TOC Heading").add_run("Contents")
        entries = [
            (index, heading)
            for index, heading in enumerate(headings, start=1)
            if heading.level <= _MAX_DEPTH
        ]
        if not entries:
            _add_field(self._paragraph("Normal"), _TOC_INSTRUCTION, _TOC_PLACEHOLDER)
            return
        pages = _match_pages([plain_text(h.children) for _, h in entries], heading_pages)
        for position, ((index, heading), page) in enumerate(zip(entries, pages, strict=True)):
            paragraph = self._paragraph(f"toc {heading.level}")
            if position == 0:
                _field_part(paragraph, "begin")
                _field_part(paragraph, "instruction", f" {_TOC_INSTRUCTION} ")
                _field_part(paragraph, "separate")
            link = OxmlElement(
                "w:hyperlink", {qn("w:anchor"): f"_Toc{index}", qn("w:history"): "1"}
            )
            paragraph._p.append(link)  # python-docx has no hyperlink API
            text = OxmlElement("w:r")
            text.append(OxmlElement("w:t", {qn("xml:space"): "preserve"}))
            text[-1].text = _clean(plain_text(heading.children)).strip()
            link.append(text)
            if page is not None:
                _right_tab(paragraph, self._text_width)
                tab = OxmlElement("w:r")
                tab.append(OxmlElement("w:tab"))
                link.append(tab)
                for part, value in (
                    ("begin", ""),
                    ("instruction", f" PAGEREF _Toc{index} \\h "),
                    ("separate", ""),
                    ("text", str(page)),
                    ("end", ""),
                ):
                    _field_part(paragraph, part, value, into=link)
            if position == len(entries) - 1:
                _field_part(paragraph, "end")

    def blocks(self, blocks: Sequence[Block], *, depth: int = 0) -> None:
        """Write blocks in order; ``depth`` is the list nesting they sit in."""
        for block in blocks:
            self.block(block, depth=depth)

    def block(self, block: Block, *, depth: int = 0) -> None:
        """Write one block."""
        match block:
            case Heading(level=level, children=children):
                # The heading styles keep with the next paragraph, so a heading never ends a
                # page; the paragraph after it (an introduction) does not keep with what it
                # introduces: LibreOffice breaks a chain of three kept paragraphs at a page
                # foot, moving the introduction to its list and leaving the heading alone.
                style = f"Heading {max(1, min(level, _MAX_DEPTH))}"
                paragraph = self._paragraph(style)
                if depth == 0:  # the contents list top-level headings: give each its target
                    self._headings += 1
                    self._raw_bookmark(paragraph._p, f"_Toc{self._headings}")
                self.inlines(paragraph, children)
            case ParagraphBlock(children=children):
                style = "Normal" if depth == 0 else _leveled("List Continue", depth)
                self.inlines(self._paragraph(style), children)
            case ListBlock():
                self._list(block, depth=depth)
            case Table():
                self._table(block)
            case Rule():
                self._paragraph("Horizontal Rule")
            case TimelineFigure():
                self._figure(block)
            case _:
                assert_never(block)

    def _figure(self, figure: TimelineFigure) -> None:
        """The figure as an inline PNG across the text width, its caption below it."""
        if figure.points:
            png, _ = figure_png.draw(figure, self._text_width)
            run = self._paragraph("Figure").add_run()
            picture = run.add_picture(io.BytesIO(png), width=Pt(self._text_width))
            # No space around the picture: LibreOffice otherwise sets it 9 pt in from the
            # margin, past the right margin at the text width.
            for side in ("distT", "distB", "distL", "distR"):
                picture._inline.set(side, "0")
        self._paragraph("Caption").add_run(_clean(figure.caption))

    def _list(self, block: ListBlock, *, depth: int) -> None:
        """Each item's first paragraph carries the bullet or number; the rest continue it."""
        style = _leveled("List Number" if block.ordered else "List Bullet", depth + 1)
        num_id = self._restart_numbering(style, block.start) if block.ordered else None
        for item in block.items:
            first, rest = _split_first_paragraph(item)
            paragraph = self._paragraph(style)
            if num_id is not None:
                _number(paragraph, num_id)
            self.inlines(paragraph, first)
            self.blocks(rest, depth=depth + 1)

    def _restart_numbering(self, style: str, start: int) -> int | None:
        """A new numbering instance so this list counts from ``start``, whatever came before.

        None when the reference gives the style no numbering: the list is then unnumbered.
        """
        style_element = self.word.styles[style].element
        num_ids = style_element.xpath("./w:pPr/w:numPr/w:numId/@w:val")
        if not num_ids:
            return None
        numbering = self.word.part.numbering_part.element
        abstract_ids = numbering.xpath(f'./w:num[@w:numId="{num_ids[0]}"]/w:abstractNumId/@w:val')
        if not abstract_ids:
            return None
        num = numbering.add_num(int(abstract_ids[0]))
        num.add_lvlOverride(ilvl=0).add_startOverride(start)
        return int(num.numId)

    def _table(self, table: Table) -> None:
        """A "Briefing Table": header row repeated on each page, rows never split."""
        width = max(len(table.header), *(len(row) for row in table.rows), 0)
        if width == 0:
            return
        rows = [(*row, *((),) * (width - len(row))) for row in (table.header, *table.rows)]
        aligns = [*table.align, *(Align.LEFT,) * width][:width]
        word_table = self.word.add_table(rows=len(rows), cols=width)
        word_table.style = self.word.styles[_TABLE_STYLE]
        _mark_rows(word_table)
        _set_widths(word_table, rows, self._text_width)
        for index, (row, word_row) in enumerate(zip(rows, word_table.rows, strict=True)):
            style = "Table Heading" if index == 0 else "Table Text"
            for cell, word_cell, align in zip(row, word_row.cells, aligns, strict=True):
                paragraph = word_cell.paragraphs[0]
                self._style(paragraph, style)
                if align is not Align.LEFT:
                    paragraph.alignment = _JUSTIFY[align]  # no style per alignment: direct
                self.inlines(paragraph, cell)

    def inlines(
        self,
        paragraph: Paragraph,
        inlines: Sequence[Inline],
        fmt: _Format = _Format(),  # frozen, so a shared default is safe
        container: BaseOxmlElement | None = None,
    ) -> None:
        """Append inlines to the paragraph (or to a hyperlink inside it)."""
        target = container if container is not None else paragraph._p  # runs go in hyperlinks too
        for index, inline in enumerate(inlines):
            if isinstance(inline, Note) and index and isinstance(inlines[index - 1], Note):
                self._note_run(target, text=",")  # "1,2" rather than a misleading "12"
            self._inline(paragraph, inline, fmt, target)

    def _inline(
        self, paragraph: Paragraph, inline: Inline, fmt: _Format, target: BaseOxmlElement
    ) -> None:
        match inline:
            case Text(text=text):
                self._add_run(paragraph, target, _clean(text), fmt)
            case Strong(children=children):
                self.inlines(
                    paragraph,
                    children,
                    _Format(bold=True, italic=fmt.italic, link=fmt.link),
                    target,
                )
            case Emphasis(children=children):
                self.inlines(
                    paragraph, children, _Format(bold=fmt.bold, italic=True, link=fmt.link), target
                )
            case Link():
                self._link(paragraph, inline, fmt, target)
            case Anchor(id=anchor_id):
                self._bookmark(target, anchor_id)
            case LineBreak():
                run = OxmlElement("w:r")
                run.append(OxmlElement("w:br"))
                target.append(run)
            case Note(id=note_id, children=children):
                self._footnote(target, note_id, children)
            case _:
                assert_never(inline)

    def _footnote(self, target: BaseOxmlElement, note_id: str, children: Sequence[Inline]) -> None:
        """A footnote numbered as the PDF numbers it: one number per source, in order of
        first citation. The first citation of a source is a real footnote whose mark is that
        number (``w:customMarkFollows``: Word would otherwise count every reference); a later
        one prints the same number, linked to the note."""
        assert self.notes is not None, "_uses() found no note, yet the tree has one"
        number = self._note_numbers.get(note_id)
        if number is not None:
            link = OxmlElement(
                "w:hyperlink", {qn("w:anchor"): f"_Note{number}", qn("w:history"): "1"}
            )
            target.append(link)
            self._note_run(link, text=str(number))
            return
        number = self._note_numbers[note_id] = len(self._note_numbers) + 1
        self._footnotes += 1
        footnote_id = str(self._footnotes)
        self._raw_bookmark(target, f"_Note{number}")
        self._note_run(target, reference=footnote_id, text=str(number))
        footnote = OxmlElement("w:footnote", {qn("w:id"): footnote_id})
        self.notes.element.append(footnote)
        element = OxmlElement("w:p")
        footnote.append(element)
        paragraph = Paragraph(element, _Story(self.notes))
        self._style(paragraph, "footnote text")
        self._note_run(element, mark=True)
        space = OxmlElement("w:r")
        space.append(OxmlElement("w:t", {qn("xml:space"): "preserve"}))
        space[-1].text = " "
        element.append(space)
        self.inlines(paragraph, children)

    def _note_run(
        self, target: BaseOxmlElement, *, reference: str = "", mark: bool = False, text: str = ""
    ) -> None:
        """A run in the footnote reference style: ``text`` alone; with ``reference``, the
        reference to that footnote with ``text`` as its mark; with ``mark``, the note's own
        mark inside it (``w:footnoteRef``, which shows the custom mark)."""
        run = OxmlElement("w:r")
        properties = OxmlElement("w:rPr")
        properties.append(
            OxmlElement("w:rStyle", {qn("w:val"): self.style_ids["footnote reference"]})
        )
        run.append(properties)
        if reference:
            run.append(
                OxmlElement(
                    "w:footnoteReference",
                    {qn("w:customMarkFollows"): "1", qn("w:id"): reference},
                )
            )
        if mark:
            run.append(OxmlElement("w:footnoteRef"))
        else:
            run.append(OxmlElement("w:t"))
            run[-1].text = text
        target.append(run)

    def _link(
        self, paragraph: Paragraph, link: Link, fmt: _Format, target: BaseOxmlElement
    ) -> None:
        """A w:hyperlink: to a bookmark for ``#id``, else to an external relationship."""
        if link.internal and link.target[1:] not in self.anchors:
            self.inlines(paragraph, link.children, fmt, target)
            return
        hyperlink = OxmlElement("w:hyperlink")
        if link.internal:
            hyperlink.set(qn("w:anchor"), bookmark_name(link.target[1:]))
            style = "Internal Link"
        else:
            rel_id = paragraph.part.relate_to(link.target, RT.HYPERLINK, is_external=True)
            hyperlink.set(qn("r:id"), rel_id)
            style = "Hyperlink"
        hyperlink.set(qn("w:history"), "1")
        target.append(hyperlink)
        self.inlines(
            paragraph,
            link.children,
            _Format(bold=fmt.bold, italic=fmt.italic, link=style),
            hyperlink,
        )

    def _paragraph(self, style: str) -> Paragraph:
        """A new body paragraph in the named style, before the body's closing section
        properties. Placed by hand: python-docx's ``add_paragraph`` looks for them through
        every paragraph of the body each time, quadratic in a long briefing (at 50,000
        articles the Word file took 24.6 s of CPU that way, 5.5 s this way)."""
        element = OxmlElement("w:p")
        if self._end is None:
            self._end = self.word.element.body.sectPr  # found once: a search of the body
        if self._end is None:
            self.word.element.body.append(element)
        else:
            self._end.addprevious(element)
        paragraph = Paragraph(element, self.word._body)
        self._style(paragraph, style)
        return paragraph

    def _style(self, paragraph: Paragraph, style: str) -> None:
        paragraph._p.get_or_add_pPr().style = self.style_ids[style]  # skips the slow name lookup

    def _add_run(
        self, paragraph: Paragraph, target: BaseOxmlElement, text: str, fmt: _Format
    ) -> None:
        """A run in a character style; bold or italic on top of a link style is set directly."""
        element = OxmlElement("w:r")
        target.append(element)
        run = Run(element, paragraph)
        style = fmt.link or ("Strong" if fmt.bold else "Emphasis" if fmt.italic else "")
        if style:
            run._r.get_or_add_rPr().style = self.style_ids[style]
        if fmt.link:
            run.bold = fmt.bold or None
        if fmt.link or fmt.bold:
            run.italic = fmt.italic or None
        run.text = text

    def _bookmark(self, target: BaseOxmlElement, anchor_id: str) -> None:
        """An empty bookmark at this point: the destination of ``#anchor_id`` links."""
        self._raw_bookmark(target, bookmark_name(anchor_id))

    def _raw_bookmark(self, target: BaseOxmlElement, name: str) -> None:
        """An empty bookmark named exactly ``name`` (``_Toc`` names are Word's hidden ones)."""
        self._bookmarks += 1
        number = str(self._bookmarks)
        target.append(OxmlElement("w:bookmarkStart", {qn("w:id"): number, qn("w:name"): name}))
        target.append(OxmlElement("w:bookmarkEnd", {qn("w:id"): number}))


def bookmark_name(anchor_id: str) -> str:
    """A Word-valid bookmark name for an anchor id: letters, digits and ``_``, starting with a
    letter, at most 40 characters (``source-1`` becomes ``source_1``)."""
    name = re.sub(r"\W", "_", anchor_id, flags=re.ASCII)
    if not name[:1].isalpha():
        name = "a_" + name
    return name[:40]


def _leveled(style: str, level: int) -> str:
    """``List Bullet`` at level 1, ``List Bullet 2`` below it, down to the deepest styled."""
    level = min(level, _MAX_DEPTH)
    return style if level == 1 else f"{style} {level}"


def _split_first_paragraph(
    item: Sequence[Block],
) -> tuple[tuple[Inline, ...], Sequence[Block]]:
    """The inlines that go on the item's numbered line, and the blocks that follow it."""
    if item and isinstance(item[0], ParagraphBlock):
        return item[0].children, item[1:]
    return (), item


def _number(paragraph: Paragraph, num_id: int) -> None:
    """Point the paragraph at a restarted numbering instance (direct, as Word itself does)."""
    num_pr = paragraph._p.get_or_add_pPr().get_or_add_numPr()  # no numbering API
    num_pr.get_or_add_ilvl().val = 0
    num_pr.get_or_add_numId().val = num_id


def _mark_rows(table: WordTable) -> None:
    """Repeat the header row on every page and keep each row on one page."""
    for index, row in enumerate(table.rows):
        tr_pr = row._tr.get_or_add_trPr()  # python-docx has no row flags API
        tr_pr.append(OxmlElement("w:cantSplit"))
        if index == 0:
            tr_pr.append(OxmlElement("w:tblHeader"))


def _set_widths(
    table: WordTable, rows: Sequence[Sequence[tuple[Inline, ...]]], text_width: float
) -> None:
    """Column widths from the cells' text, on both the grid (LibreOffice) and cells (Word)."""
    count = len(rows[0])
    texts = [[plain_text(row[column]) for row in rows] for column in range(count)]
    widths = column_widths(texts, text_width, _measure, padding=_CELL_PADDING_POINTS)
    table.autofit = False
    for column, width in zip(table.columns, widths, strict=True):
        column.width = Pt(width)
    for row in table.rows:
        for cell, width in zip(row.cells, widths, strict=True):
            cell.width = Pt(width)


def _measure(text: str) -> float:
    """An estimate of the text's width in points: Word measures with fonts we do not have."""
    return max(len(line) for line in text.split("\n")) * _TABLE_FONT_POINTS * _CHAR_WIDTH_EM


def _clean(text: str) -> str:
    """Text Word can hold, with tabs and newlines as spaces (line breaks are ``LineBreak``)."""
    return re.sub(r"[\t\n\r]", " ", xml_safe(text))


def _reproducible_zip(data: bytes) -> bytes:
    """The same archive with fixed timestamps, so the same document gives the same bytes."""
    out = io.BytesIO()
    with zipfile.ZipFile(io.BytesIO(data)) as source, zipfile.ZipFile(out, "w") as target:
        for info in source.infolist():
            fixed = zipfile.ZipInfo(info.filename, date_time=_ZIP_EPOCH)
            fixed.compress_type = zipfile.ZIP_DEFLATED
            target.writestr(fixed, source.read(info.filename))
    return out.getvalue()
