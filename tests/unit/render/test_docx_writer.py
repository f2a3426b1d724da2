"""The Word writer, read back with python-docx and as XML; and converted by LibreOffice."""

from __future__ import annotations

import datetime as dt
import io
import re
import shutil
import subprocess
import zipfile
from typing import TYPE_CHECKING, Any

import docx
import pypdf
import pytest
from docx.enum.style import WD_STYLE_TYPE
from docx.opc.constants import RELATIONSHIP_TYPE as RT

from briefing.errors import RenderError
from briefing.model import (
    Document,
    DocumentMeta,
    Heading,
    ListBlock,
    Paragraph,
    Rule,
    Table,
)
from briefing.render import docx_writer
from briefing.render.resources import default_reference
from tests.render_samples import (
    CYRILLIC,
    MARKUP,
    UKRAINIAN,
    URL,
    mark,
    sample_document,
    sample_meta,
    text_of,
)

if TYPE_CHECKING:
    from pathlib import Path

    from docx.document import Document as WordDocument


def _document(*, rows: int = 4, **meta_changes: Any) -> Document:
    """The shared sample document, in British English as Word documents here declare it."""
    meta_changes.setdefault("language", "en-GB")
    return sample_document(rows=rows, **meta_changes)


def _open(data: bytes) -> WordDocument:
    return docx.Document(io.BytesIO(data))


def _xpath(element: Any, path: str) -> list[Any]:
    return list(element.xpath(path))


@pytest.fixture(scope="module")
def data() -> bytes:
    return docx_writer.write(_document())


@pytest.fixture(scope="module")
def word(data: bytes) -> WordDocument:
    return _open(data)


def test_paragraphs_name_their_styles(word):
    styles = [paragraph.style.name for paragraph in word.paragraphs if paragraph.style]
    assert styles[:3] == ["Title", "Subtitle", "Title Rule"]
    for expected in ("Title Meta", "Heading 1", "Heading 2", "Normal", "List Bullet"):
        assert expected in styles
    assert "List Bullet 2" in styles
    assert "List Number" in styles
    assert "Horizontal Rule" in styles


def test_body_has_no_direct_font_formatting(data):
    with zipfile.ZipFile(io.BytesIO(data)) as archive:
        body = archive.read("word/document.xml").decode()
    for direct in ("<w:rFonts", "<w:sz ", "<w:color ", "<w:shd "):
        assert direct not in body


def test_strong_and_emphasis_are_character_styles(word):
    runs = {run.text: run for paragraph in word.paragraphs for run in paragraph.runs}
    assert runs["bold "].style.name == "Strong"
    assert runs["bold italic"].style.name == "Strong"
    assert runs["bold italic"].italic is True
    assert runs["Wagner's failures in Mali"].style.name == "Emphasis"


def test_title_block_shows_title_author_date_and_period(word):
    text = "\n".join(paragraph.text for paragraph in word.paragraphs[:8])
    for expected in (
        "Wagner in Mali",
        "Sahel Analysis Unit",
        "26 November 2026",
        "2011 – 31 August",
    ):
        assert expected in text


def test_cyrillic_ukrainian_and_markup_characters_are_kept_as_written(word):
    text = "\n".join(paragraph.text for paragraph in word.paragraphs)
    assert CYRILLIC in text
    assert UKRAINIAN in text
    assert MARKUP in text


def test_source_marks_are_hyperlinks_to_bookmarks_in_the_sources_list(word):
    body = word.element.body
    # the contents' links to the headings' _Toc bookmarks are checked on their own
    anchors = [a for a in _xpath(body, ".//w:hyperlink/@w:anchor") if not a.startswith("_Toc")]
    bookmarks = set(_xpath(body, ".//w:bookmarkStart/@w:name"))
    assert set(anchors) == {"source_1", "source_2"}
    assert set(anchors) <= bookmarks
    assert len(anchors) == 5  # four table marks and one in the list
    numbered = [p for p in word.paragraphs if p.style is not None and p.style.name == "List Number"]
    assert _xpath(numbered[0]._p, ".//w:bookmarkStart/@w:name") == ["source_1"]


def test_bookmark_ids_are_unique(word):
    ids = _xpath(word.element.body, ".//w:bookmarkStart/@w:id")
    assert len(ids) == len(set(ids))


def test_internal_links_use_the_internal_link_style(word):
    styles = _xpath(word.element.body, ".//w:hyperlink[@w:anchor]/w:r/w:rPr/w:rStyle/@w:val")
    assert set(styles) == {"InternalLink"}


def test_external_links_point_to_an_external_relationship(word):
    rel_ids = _xpath(word.element.body, ".//w:hyperlink/@r:id")
    assert len(rel_ids) == 1
    relationship = word.part.rels[rel_ids[0]]
    assert relationship.is_external
    assert relationship.reltype == RT.HYPERLINK
    assert relationship.target_ref == URL


def test_table_uses_the_named_style_and_repeats_its_header_row(word):
    table = word.tables[0]
    assert table.style is not None
    assert table.style.name == "Briefing Table"
    rows = table._tbl.tr_lst
    assert _xpath(rows[0], "./w:trPr/w:tblHeader")
    assert not any(_xpath(row, "./w:trPr/w:tblHeader") for row in rows[1:])
    assert all(_xpath(row, "./w:trPr/w:cantSplit") for row in rows)


def test_table_cells_use_table_paragraph_styles(word):
    table = word.tables[0]
    header_styles = {cell.paragraphs[0].style.name for cell in table.rows[0].cells}
    body_styles = {cell.paragraphs[0].style.name for cell in table.rows[1].cells}
    assert header_styles == {"Table Heading"}
    assert body_styles == {"Table Text"}


def test_table_columns_are_sized_from_their_content(word):
    grid = [int(width) for width in _xpath(word.tables[0]._tbl, "./w:tblGrid/w:gridCol/@w:w")]
    date, event, sources = grid
    assert event > 2 * date
    assert event > 3 * sources
    section = word.sections[0]
    text_width = section.page_width - section.left_margin - section.right_margin
    assert abs(sum(grid) - text_width / 635) < 5  # twips


def test_core_properties_come_from_the_document_meta(word):
    properties = word.core_properties
    assert properties.title == "Wagner in Mali"
    assert properties.author == "Sahel Analysis Unit"
    assert properties.subject == "Wagner Group in Mali"
    assert properties.keywords == "Wagner, Mali"
    assert properties.language == "en-GB"
    assert properties.created == dt.datetime(2026, 11, 26, tzinfo=dt.UTC)
    assert properties.modified == dt.datetime(2026, 11, 26, tzinfo=dt.UTC)


def test_document_language_is_the_default_for_every_run(word):
    languages = _xpath(word.styles.element, "./w:docDefaults/w:rPrDefault/w:rPr/w:lang/@w:val")
    assert languages == ["en-GB"]


def test_header_and_footer_carry_the_marking_in_its_tlp_style(word):
    section = word.sections[0]
    for part in (section.header, section.footer):
        marks = [run for p in part.paragraphs for run in p.runs if "TLP:AMBER" in run.text]
        assert len(marks) == 1
        assert marks[0].style.name == "Marking TLP AMBER"


def test_first_page_shows_the_marking_but_not_the_running_title(word):
    section = word.sections[0]
    assert section.different_first_page_header_footer
    first = "".join(p.text for p in section.first_page_header.paragraphs)
    later = "".join(p.text for p in section.header.paragraphs)
    assert "TLP:AMBER" in first
    assert word.core_properties.title not in first
    assert word.core_properties.title in later
    footer = "".join(p.text for p in section.first_page_footer.paragraphs)
    assert "Page 1 of 1" in footer


def test_footer_counts_pages_with_page_and_numpages_fields(word):
    footer = word.sections[0].footer
    instructions = [i.strip() for i in _xpath(footer._element, ".//w:instrText/text()")]
    assert instructions == ["PAGE", "NUMPAGES"]
    assert footer.paragraphs[0].text.startswith("Sahel Analysis Unit")
    assert "Page 1 of 1" in footer.paragraphs[0].text


def test_no_marking_when_none_is_set():
    word = _open(docx_writer.write(_document(marking="")))
    section = word.sections[0]
    for part in (section.header, section.footer):
        assert "TLP" not in "".join(p.text for p in part.paragraphs)


def test_each_ordered_list_restarts_its_numbering_at_its_start():
    lists = tuple(
        ListBlock(ordered=True, start=start, items=((Paragraph(children=(text_of("x"),)),),))
        for start in (1, 7)
    )
    word = _open(docx_writer.write(Document(meta=sample_meta(), blocks=lists)))
    num_ids = _xpath(word.element.body, ".//w:numPr/w:numId/@w:val")
    assert len(set(num_ids)) == 2
    numbering = word.part.numbering_part.element
    starts = [
        _xpath(numbering, f'./w:num[@w:numId="{num_id}"]//w:startOverride/@w:val')
        for num_id in num_ids
    ]
    assert starts == [["1"], ["7"]]


def test_output_is_byte_for_byte_reproducible():
    assert docx_writer.write(_document()) == docx_writer.write(_document())


def test_control_characters_and_newlines_do_not_break_the_file():
    document = Document(
        meta=DocumentMeta(title="a\x00b"),
        blocks=(Paragraph(children=(text_of("line\none\x07\ttab"),)),),
    )
    word = _open(docx_writer.write(document))
    assert word.paragraphs[0].text == "ab"
    assert word.paragraphs[-1].text == "line one tab"


def test_odd_shapes_are_written_deep_headings_ragged_rows_empty_tables_and_items():
    inline = (text_of("x"),)
    document = Document(
        meta=DocumentMeta(title=""),
        blocks=(
            Heading(level=6, children=inline),
            Table(header=(), rows=()),
            Table(header=(inline, inline), rows=((inline,), (inline, inline, inline))),
            ListBlock(ordered=True, items=((), (Rule(),), (Heading(level=1, children=inline),))),
        ),
    )
    word = _open(docx_writer.write(document))
    assert "Heading 3" in [p.style.name for p in word.paragraphs if p.style]
    assert len(word.tables) == 1
    assert len(word.tables[0].columns) == 3


def test_a_reference_without_the_styles_is_a_render_error(tmp_path):
    plain = tmp_path / "plain.docx"
    docx.Document().save(str(plain))
    with pytest.raises(RenderError, match="lacks the styles"):
        docx_writer.write(_document(), reference=plain)


def test_a_missing_reference_is_a_render_error(tmp_path):
    with pytest.raises(RenderError, match="cannot open the reference document"):
        docx_writer.write(_document(), reference=tmp_path / "missing.docx")


def test_bookmark_names_are_valid_word_names():
    assert docx_writer.bookmark_name("source-1") == "source_1"
    assert docx_writer.bookmark_name("1st") == "a_1st"
    assert len(docx_writer.bookmark_name("x" * 80)) == 40


@pytest.mark.skipif(shutil.which("soffice") is None, reason="LibreOffice (soffice) is not on PATH")
def test_libreoffice_converts_the_docx_to_a_pdf_with_page_numbers(tmp_path: Path) -> None:
    source = tmp_path / "briefing.docx"
    source.write_bytes(docx_writer.write(_document(rows=80)))
    profile = (tmp_path / "profile").as_uri()  # a private profile: parallel runs do not clash
    subprocess.run(
        [
            "soffice",
            f"-env:UserInstallation={profile}",
            "--headless",
            "--convert-to",
            "pdf",
            "--outdir",
            str(tmp_path),
            str(source),
        ],
        check=True,
        capture_output=True,
        timeout=180,
    )
    reader = pypdf.PdfReader(tmp_path / "briefing.pdf")
    texts = [page.extract_text() for page in reader.pages]
    assert len(texts) > 1
    for number, text in enumerate(texts, start=1):
        assert re.search(rf"Page\s*{number}\s*of\s*{len(texts)}", text)
        assert "TLP:AMBER" in text
    assert CYRILLIC in "".join(texts)


def test_internal_link_without_anchor_is_written_as_plain_text():
    document = Document(meta=sample_meta(), blocks=(Paragraph(children=(mark(9),)),))
    word = _open(docx_writer.write(document))
    assert not _xpath(word.element.body, ".//w:hyperlink")
    assert word.paragraphs[-1].text == "[9]"


def test_contents_is_a_toc_field_after_the_title_block(word):
    body = word.element.body
    instructions = "".join(_xpath(body, ".//w:instrText/text()"))
    assert 'TOC \\o "1-3" \\h \\z \\u' in instructions
    kinds = _xpath(body, ".//w:fldChar/@w:fldCharType")
    assert kinds[:2] == ["begin", "separate"]
    styles = [p.style.name for p in word.paragraphs if p.style is not None]
    assert styles.index("TOC Heading") < styles.index("Heading 1")
    assert styles.index("Title Meta") < styles.index("TOC Heading")


def test_contents_lines_link_to_bookmarks_on_the_headings(word):
    body = word.element.body
    entries = [p for p in word.paragraphs if p.style is not None and p.style.name == "toc 1"]
    assert [p.text for p in entries] == ["Summary", "Chronology", "Sources"]
    targets = [a for a in _xpath(body, ".//w:hyperlink/@w:anchor") if a.startswith("_Toc")]
    headings = [
        p for p in word.paragraphs if p.style is not None and p.style.name.startswith("Heading")
    ]
    marks = [_xpath(p._p, "./w:bookmarkStart/@w:name") for p in headings]
    assert [[t] for t in targets] == marks


def test_settings_ask_word_to_update_fields_on_opening(data):
    with zipfile.ZipFile(io.BytesIO(data)) as archive:
        settings = archive.read("word/settings.xml").decode()
    assert '<w:updateFields w:val="true"/>' in settings


def test_reference_has_the_contents_footnote_and_caption_styles():
    styles = docx.Document(str(default_reference())).styles
    for name in ("TOC Heading", "toc 1", "toc 2", "toc 3", "footnote text", "Figure", "Caption"):
        assert styles[name].type == WD_STYLE_TYPE.PARAGRAPH
    assert styles["footnote reference"].type == WD_STYLE_TYPE.CHARACTER
