"""``citations: footnotes``: notes in the tree, real Word footnotes, PDF notes at the page foot."""

from __future__ import annotations

import dataclasses
import datetime as dt
import io
import zipfile
from typing import Any

import pypdf
import pytest
from docx.oxml import parse_xml
from docx.oxml.ns import nsmap

from briefing.chronology import order
from briefing.config import Citations, Options
from briefing.model import Document, ListBlock, Note, Paragraph, Table, Text
from briefing.render import docx_writer, pdf_writer
from briefing.render.compose import compose, markdown
from briefing.render.markdown_tree import escape, parse
from tests.factories import article, event

W = "{http://schemas.openxmlformats.org/wordprocessingml/2006/main}"
OPTIONS = Options(
    title="Notes", author="Desk", today=dt.date(2025, 9, 1), citations=Citations.FOOTNOTES
)


def _document(rows: int = 3) -> Document:
    events = [
        event(f"{2001 + i}", f"Event {i} in Бамако.", article="a" if i % 2 else "b", start=i)
        for i in range(rows)
    ]
    articles = [
        article("a", title="Розвідка: Вагнер в Малі", publisher="Українська правда"),
        article("b", title="Wagner in Mali", publisher="Daily Mail"),
    ]
    # Every event a key event: the table must be long enough to span pages.
    return compose(order(events, articles, max_events=rows), OPTIONS, project=None)


def _notes(inlines: Any) -> list[Note]:
    return [inline for inline in inlines if isinstance(inline, Note)]


@pytest.fixture(scope="module")
def document() -> Document:
    return _document()


def test_marks_become_notes_holding_the_sources_entry(document: Document) -> None:
    table = next(block for block in document.blocks if isinstance(block, Table))
    assert len(table.header) == 2  # no Sources column: the note follows the event text
    notes = [note for row in table.rows for note in _notes(row[1])]
    assert [note.id for note in notes] == ["source-1", "source-2", "source-1"]
    text = "".join(getattr(inline, "text", "") for inline in notes[0].children)
    assert "Wagner in Mali" in text
    assert "Daily Mail" in text


def test_the_sources_list_stays_in_footnote_mode(document: Document) -> None:
    sources = [block for block in document.blocks if isinstance(block, ListBlock)][-1]
    first = sources.items[0][0]
    assert isinstance(first, Paragraph)
    assert "Wagner in Mali" in "".join(getattr(i, "text", "") for i in first.children)


def test_markdown_export_shows_the_note_as_a_superscript_number() -> None:
    chronology = order([event("2001", "One.")], [article("a", title="T")])
    text = markdown(chronology, OPTIONS, project=None)
    assert '<sup data-note="source-1">[1]</sup>' in text


def test_article_text_cannot_forge_a_note_marker() -> None:
    forged = '<sup data-note="source-1">x</sup>'
    notes = {"source-1": (Text(text="secret"),)}
    assert parse(escape(forged) + "\n", notes=notes) == (Paragraph(children=(Text(text=forged),)),)


def test_a_marker_naming_no_note_stays_raw_text() -> None:
    blocks = parse('A<sup data-note="source-9">[9]</sup>\n', notes={})
    assert blocks == (Paragraph(children=(Text(text='A<sup data-note="source-9">[9]</sup>'),)),)


# --------------------------------------------------------------------------------------------
# Word


@pytest.fixture(scope="module")
def docx_parts(document: Document) -> dict[str, Any]:
    with zipfile.ZipFile(io.BytesIO(docx_writer.write(document))) as archive:
        return {
            name: parse_xml(archive.read(name))
            for name in archive.namelist()
            if name.endswith((".xml", ".rels"))
        }


def test_word_footnotes_part_has_separators_and_one_note_per_source(docx_parts):
    footnotes = docx_parts["word/footnotes.xml"]
    kinds = footnotes.xpath("w:footnote/@w:type", namespaces=nsmap)
    assert kinds == ["separator", "continuationSeparator"]
    notes = footnotes.xpath("w:footnote[not(@w:type)]", namespaces=nsmap)
    assert [note.get(f"{W}id") for note in notes] == ["1", "2"]  # source-1 cited twice
    first = "".join(notes[0].itertext())
    assert "Wagner in Mali" in first
    assert notes[0].xpath(".//w:pStyle/@w:val", namespaces=nsmap) == ["FootnoteText"]
    assert notes[0].xpath(".//w:footnoteRef", namespaces=nsmap)


def test_word_numbers_notes_per_source_as_the_pdf_does(docx_parts):
    """Sources 1, 2, 1 cited: marks 1, 2, 1 (Word alone would count 1, 2, 3); the repeat
    links to the source's note instead of adding another."""
    body = docx_parts["word/document.xml"]
    refs = body.xpath("//w:footnoteReference")
    assert [ref.get(f"{W}id") for ref in refs] == ["1", "2"]
    for ref in refs:
        assert ref.get(f"{W}customMarkFollows") == "1"
        assert ref.getparent().xpath("w:rPr/w:rStyle/@w:val") == ["FootnoteReference"]
    marks = body.xpath("//w:r[w:rPr/w:rStyle/@w:val='FootnoteReference']/w:t/text()")
    assert marks == ["1", "2", "1"]
    (repeat,) = body.xpath("//w:hyperlink[starts-with(@w:anchor, '_Note')]")
    assert repeat.get(f"{W}anchor") == "_Note1"
    assert body.xpath("//w:bookmarkStart[@w:name='_Note1']")


def test_word_footnotes_are_related_typed_and_named_in_the_settings(docx_parts):
    rels = docx_parts["word/_rels/document.xml.rels"]
    types = [rel.get("Type") for rel in rels]
    assert sum(t.endswith("/footnotes") for t in types) == 1
    content_types = " ".join(
        str(item.get("ContentType")) for item in docx_parts["[Content_Types].xml"]
    )
    assert "wordprocessingml.footnotes+xml" in content_types
    settings = docx_parts["word/settings.xml"]
    assert settings.xpath("w:footnotePr/w:footnote/@w:id") == ["-1", "0"]


def test_a_url_in_a_footnote_is_related_from_the_footnotes_part():
    chronology = order(
        [event("2001", "One.")], [article("a", title="T", url="https://example.org/x")]
    )
    document = compose(chronology, OPTIONS, project=None)
    with zipfile.ZipFile(io.BytesIO(docx_writer.write(document))) as archive:
        rels = archive.read("word/_rels/footnotes.xml.rels").decode()
        notes: Any = parse_xml(archive.read("word/footnotes.xml"))  # a plain lxml element
    assert "https://example.org/x" in rels
    assert notes.xpath("//w:hyperlink/@r:id", namespaces=nsmap)


def test_marks_mode_writes_no_footnotes_part():
    document = compose(
        order([event("2001", "One.")], [article("a")]),
        dataclasses.replace(OPTIONS, citations=Citations.MARKS),
        project=None,
    )
    with zipfile.ZipFile(io.BytesIO(docx_writer.write(document))) as archive:
        assert "word/footnotes.xml" not in archive.namelist()


# --------------------------------------------------------------------------------------------
# PDF


def _pdf(document: Document) -> pypdf.PdfReader:
    return pypdf.PdfReader(io.BytesIO(pdf_writer.write(document)))


def test_pdf_prints_each_pages_notes_at_its_foot(document: Document) -> None:
    text = _pdf(document).pages[0].extract_text()
    sources_at = text.index("Sources")
    # below the Sources list: the notes, one per source cited on the page
    foot = text[sources_at:]
    assert "1 “Wagner in Mali”" in " ".join(foot.split())
    assert "2 “Розвідка: Вагнер в Малі”" in " ".join(foot.split())


def test_pdf_note_marks_and_notes_link_to_each_other(document: Document) -> None:
    reader = _pdf(document)
    destinations = {name.lstrip("/") for name in reader.named_destinations}
    assert {"note-1", "note-2", "note-3", "noteref-1", "noteref-2", "noteref-3"} <= destinations
    links = [
        annotation.get_object()
        for annotation in reader.pages[0].get("/Annots", [])
        if annotation.get_object()["/Subtype"] == "/Link"
    ]
    # three marks in the table, two note numbers at the foot, one URL-free Sources list
    assert len([link for link in links if "/URI" not in str(link.get("/A", ""))]) >= 5


def test_pdf_notes_on_a_long_table_stay_on_the_page_that_cites_them() -> None:
    reader = _pdf(_document(rows=60))
    assert len(reader.pages) > 1
    for page in reader.pages:
        text = " ".join(page.extract_text().split())
        cited = "Event" in text
        if cited:
            assert "“Wagner in Mali”" in text or "“Розвідка: Вагнер в Малі”" in text


def test_pdf_with_notes_is_reproducible(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("SOURCE_DATE_EPOCH", "1764115200")
    document = _document(rows=30)
    assert pdf_writer.write(document, reproducible=True) == pdf_writer.write(
        document, reproducible=True
    )
