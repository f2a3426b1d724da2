"""The PDF writer, read back with pypdf: fonts, text, links, outline, furniture, metadata."""

from __future__ import annotations

import io
from typing import Any

import pypdf
import pytest

from briefing.model import (
    Anchor,
    Document,
    DocumentMeta,
    Heading,
    Inline,
    Link,
    ListBlock,
    Paragraph,
    Rule,
    Table,
)
from briefing.render import pdf_writer
from tests.render_samples import (
    CYRILLIC,
    MARKUP,
    UKRAINIAN,
    URL,
    mark,
    sample_document,
    text_of,
)


def _read(data: bytes) -> pypdf.PdfReader:
    return pypdf.PdfReader(io.BytesIO(data))


def _page_texts(reader: pypdf.PdfReader) -> list[str]:
    return [page.extract_text() for page in reader.pages]


def _fonts(reader: pypdf.PdfReader) -> dict[str, Any]:
    found: dict[str, Any] = {}
    for page in reader.pages:
        resources: Any = page["/Resources"]
        for font in resources.get("/Font", {}).values():
            font = font.get_object()
            found[str(font["/BaseFont"])] = font
    return found


def _links(reader: pypdf.PdfReader) -> list[tuple[int, Any]]:
    return [
        (number, annotation.get_object())
        for number, page in enumerate(reader.pages)
        for annotation in page.get("/Annots", [])
        if annotation.get_object()["/Subtype"] == "/Link"
    ]


@pytest.fixture(scope="module")
def pdf() -> pypdf.PdfReader:
    return _read(pdf_writer.write(sample_document()))


@pytest.fixture(scope="module")
def long_pdf() -> pypdf.PdfReader:
    return _read(pdf_writer.write(sample_document(rows=120)))


def test_every_font_is_an_embedded_truetype_dejavu_face(pdf):
    fonts = _fonts(pdf)
    assert fonts
    for name, font in fonts.items():
        assert "DejaVuSans" in name
        assert "/FontFile2" in font["/FontDescriptor"]


def test_no_standard_unembedded_font_is_referenced(pdf):
    assert not [name for name in _fonts(pdf) if "Helvetica" in name or "Times" in name]


def test_bold_and_italic_use_real_bold_and_oblique_faces(pdf):
    faces = {name.split("+", 1)[-1] for name in _fonts(pdf)}
    assert {
        "DejaVuSans",
        "DejaVuSans-Bold",
        "DejaVuSans-Oblique",
        "DejaVuSans-BoldOblique",
    } <= faces


def test_cyrillic_and_ukrainian_text_is_extracted_intact(pdf):
    text = "".join(_page_texts(pdf))
    assert CYRILLIC in text
    assert UKRAINIAN in text


def test_reportlab_markup_in_text_prints_literally(pdf):
    assert MARKUP in _page_texts(pdf)[0]


def test_title_block_shows_title_date_and_period(pdf):
    first = _page_texts(pdf)[0]
    for expected in ("Wagner in Mali", "A chronology", "26 November 2026", "2011 – 31 August 2025"):
        assert expected in first
    assert "Sahel Analysis Unit" in first


def test_every_page_says_page_x_of_y(long_pdf):
    texts = _page_texts(long_pdf)
    assert len(texts) > 2
    for number, text in enumerate(texts, start=1):
        assert f"Page {number} of {len(texts)}" in text


def test_table_header_row_is_repeated_on_every_page_the_table_spans(long_pdf):
    spanned = [text for text in _page_texts(long_pdf) if "Tinzaouaten" in text]
    assert len(spanned) > 1
    for text in spanned:
        assert "Date" in text
        assert "Event" in text


def test_marking_is_printed_in_header_and_footer_of_every_page(long_pdf):
    for text in _page_texts(long_pdf):
        assert text.count("TLP:AMBER") == 2


def test_no_marking_is_printed_when_none_is_set():
    reader = _read(pdf_writer.write(sample_document(marking="")))
    assert not any("TLP" in text for text in _page_texts(reader))


def test_metadata_carries_title_author_subject_keywords_and_language(pdf):
    metadata = pdf.metadata
    assert metadata is not None
    assert metadata.title == "Wagner in Mali"
    assert metadata.author == "Sahel Analysis Unit"
    assert metadata.subject == "Wagner Group in Mali"
    assert metadata["/Keywords"] == "Wagner, Mali"
    assert pdf.trailer["/Root"]["/Lang"] == "en"


def test_outline_lists_the_headings_in_order_and_nests_level_two(pdf):
    outline = pdf.outline
    titles = [entry.title for entry in outline if not isinstance(entry, list)]
    assert titles == ["Summary", "Chronology", "Sources"]
    nested = [entry for entry in outline if isinstance(entry, list)]
    assert [entry.title for entry in nested[0]] == ["Dates that could not be placed"]


def test_source_marks_link_inside_the_document_to_their_sources_entry(pdf):
    internal = [link for _, link in _links(pdf) if "/Dest" in link]
    assert len(internal) >= 5  # four table marks and one in the list
    sources_page = next(i for i, t in enumerate(_page_texts(pdf)) if "Українська правда" in t)
    targets = {pdf.get_page_number(link["/Dest"][0].get_object()) for link in internal}
    assert targets == {sources_page}
    heights = {float(link["/Dest"][3]) for link in internal}
    assert len(heights) == 2  # [1] and [2] land on different entries


def test_anchors_and_headings_are_named_destinations(pdf):
    names = pdf.named_destinations
    assert {"/source-1", "/source-2"} <= set(names)
    sources_page = next(i for i, t in enumerate(_page_texts(pdf)) if "Українська правда" in t)
    assert pdf.get_destination_page_number(names["/source-1"]) == sources_page
    assert sum(name.startswith("/heading-") for name in names) == 4


def test_external_links_are_clickable_uris(pdf):
    uris = [link["/A"]["/URI"] for _, link in _links(pdf) if "/A" in link]
    assert URL in uris


def test_characters_no_font_has_are_dropped_and_reported():
    document = Document(
        meta=DocumentMeta(title="Flags"),
        blocks=(
            Paragraph(
                children=(
                    text_of(
                        "Mali \U0001f1f2\U0001f1f1 and Russia \U0001f1f7\U0001f1fa\u200d\ufe0f."
                    ),
                )
            ),
        ),
    )
    result = pdf_writer.write_with_report(document)
    assert result.dropped == ("\U0001f1f2", "\U0001f1f1", "\U0001f1f7", "\U0001f1fa")
    assert [d.code for d in result.diagnostics] == ["pdf-dropped-characters"]
    text = _page_texts(_read(result.data))[0]
    assert "Mali" in text
    assert "and Russia" in text
    assert not any(char in text for char in result.dropped)


def test_characters_no_font_has_are_dropped_from_the_title_and_page_furniture_too():
    document = Document(
        meta=DocumentMeta(title="Mali \U0001f1f2\U0001f1f1", author="Unit \U0001f1fa\U0001f1e6")
    )
    result = pdf_writer.write_with_report(document)
    assert result.dropped == ("\U0001f1f2", "\U0001f1f1", "\U0001f1fa", "\U0001f1e6")
    assert not any(char in _page_texts(_read(result.data))[0] for char in result.dropped)


def test_a_heading_never_takes_the_name_of_an_anchor():
    document = Document(
        meta=DocumentMeta(title="T"),
        blocks=(
            Paragraph(children=(Link(target="#heading-1", children=(text_of("go"),)),)),
            Heading(level=1, children=(text_of("First"),)),
            Paragraph(children=(Anchor(id="heading-1"), text_of("target"))),
        ),
    )
    reader = _read(pdf_writer.write(document))
    names = reader.named_destinations
    assert "/heading-1" in names
    assert "/heading-1_" in names
    tops: list[Any] = [names[key]["/Top"] for key in ("/heading-1", "/heading-1_")]
    assert tops[0] < tops[1]  # the anchor sits below the heading


def test_internal_link_without_anchor_is_plain_text_and_reported():
    document = Document(
        meta=DocumentMeta(title="Broken"),
        blocks=(Paragraph(children=(mark(9),)),),
    )
    result = pdf_writer.write_with_report(document)
    assert result.broken_links == ("source-9",)
    assert [d.code for d in result.diagnostics] == ["pdf-broken-link"]
    assert not _links(_read(result.data))
    assert "[9]" in _page_texts(_read(result.data))[0]


def test_a_clean_document_reports_nothing():
    result = pdf_writer.write_with_report(sample_document())
    assert result.dropped == ()
    assert result.broken_links == ()
    assert result.diagnostics == ()


def test_reproducible_mode_gives_identical_bytes(monkeypatch):
    monkeypatch.delenv("SOURCE_DATE_EPOCH", raising=False)
    first = pdf_writer.write(sample_document(), reproducible=True)
    assert pdf_writer.write(sample_document(), reproducible=True) == first


def test_reproducible_mode_dates_the_file_from_source_date_epoch(monkeypatch):
    monkeypatch.setenv("SOURCE_DATE_EPOCH", "1764115200")  # 2025-11-26 00:00 UTC
    data = pdf_writer.write(sample_document(), reproducible=True)
    metadata = _read(data).metadata
    assert metadata is not None
    assert str(metadata["/CreationDate"]).startswith("D:20251126")


def test_odd_shapes_render_deep_headings_ragged_rows_empty_tables_and_items():
    inlines: tuple[Inline, ...] = (text_of("x"),)
    document = Document(
        meta=DocumentMeta(title=""),
        blocks=(
            Heading(level=1, children=()),
            Heading(level=6, children=inlines),
            Heading(level=2, children=inlines),
            Table(header=(), rows=()),
            Table(header=(inlines, inlines), rows=((inlines,), (inlines, inlines, inlines))),
            ListBlock(ordered=True, start=4, items=((), (Rule(),))),
        ),
    )
    reader = _read(pdf_writer.write(document))
    assert len(reader.pages) == 1
    assert "4." in _page_texts(reader)[0]
