"""The Word file: a contents list with its page numbers filled in (no update prompt), and a
heading's introduction kept with what it introduces."""

from __future__ import annotations

import io
import shutil
import zipfile
from pathlib import Path
from typing import Any

import docx
import pypdf
from docx.oxml import parse_xml

from briefing.cli import main
from briefing.model import Document, DocumentMeta, Heading, ListBlock, Paragraph, Text
from briefing.render import docx_writer
from tests.conftest import SAMPLE

W = "{http://schemas.openxmlformats.org/wordprocessingml/2006/main}"


def _parts(data: bytes) -> dict[str, Any]:
    with zipfile.ZipFile(io.BytesIO(data)) as archive:
        return {
            name: parse_xml(archive.read(name))
            for name in archive.namelist()
            if name.endswith(".xml")
        }


def _para(text: str) -> Paragraph:
    return Paragraph(children=(Text(text=text),))


DOCUMENT = Document(
    meta=DocumentMeta(title="T"),
    blocks=(
        Heading(level=1, children=(Text(text="Summary"),)),
        _para("Bottom line."),
        Heading(level=1, children=(Text(text="Key facts"),)),
        _para("Stated in the articles without a date."),
        ListBlock(ordered=False, items=((_para("A fact."),), (_para("Another."),))),
        _para("A closing remark."),
    ),
)


def test_contents_page_numbers_come_filled_in_and_word_is_not_asked_to_update() -> None:
    data = docx_writer.write(DOCUMENT, heading_pages=(("Summary", 1), ("Key facts", 3)))
    parts = _parts(data)
    body = parts["word/document.xml"]
    instructions = [" ".join(t.split()) for t in body.xpath("//w:instrText/text()")]
    assert instructions[1:] == ["PAGEREF _Toc1 \\h", "PAGEREF _Toc2 \\h"]
    entries = body.xpath("//w:p[w:pPr/w:pStyle/@w:val='TOC1']")
    assert ["".join(entry.xpath(".//w:t/text()")) for entry in entries] == [
        "Summary1",
        "Key facts3",
    ]
    assert all(entry.xpath(".//w:tab[@w:leader='dot']") for entry in entries)
    assert not parts["word/settings.xml"].xpath("w:updateFields")


def test_without_a_layout_word_is_asked_to_update_the_contents() -> None:
    parts = _parts(docx_writer.write(DOCUMENT))
    assert parts["word/settings.xml"].xpath("w:updateFields/@w:val") == ["true"]
    assert not any("PAGEREF" in t for t in parts["word/document.xml"].xpath("//w:instrText/text()"))


def test_an_introduction_keeps_with_the_list_it_introduces() -> None:
    word = docx.Document(io.BytesIO(docx_writer.write(DOCUMENT)))
    keep = {p.text: p.paragraph_format.keep_with_next for p in word.paragraphs if p.text}
    assert keep["Stated in the articles without a date."] is True
    assert not keep["Bottom line."]  # followed by a heading: nothing to keep it with
    assert not keep["A closing remark."]
    heading = next(
        p
        for p in word.paragraphs
        if p.text == "Key facts" and p.style is not None and p.style.name == "Heading 1"
    )
    assert heading.style is not None
    assert heading.style.paragraph_format.keep_with_next is True


def test_the_build_lists_the_pages_of_the_pdf_layout(tmp_path: Path) -> None:
    shutil.copytree(SAMPLE, tmp_path / "project")
    args = ["build", "--inputs", str(tmp_path / "project"), "--out", str(tmp_path / "out")]
    assert main([*args, "--format", "pdf,docx", "-q"]) == 0
    word = docx.Document(str(tmp_path / "out" / "briefing.docx"))
    listed = {
        p.text.rsplit("\t", 1)[0]: int(p.text.rsplit("\t", 1)[1])
        for p in word.paragraphs
        if p.style is not None and p.style.name == "toc 1"
    }
    assert set(listed) == {
        "Summary",
        "Chronology",
        "Key facts",
        "Dates that could not be placed",
        "Sources",
    }
    reader = pypdf.PdfReader(tmp_path / "out" / "briefing.pdf")
    bookmarks: dict[str, int] = {}
    for item in reader.outline:
        assert not isinstance(item, list)
        number = reader.get_destination_page_number(item)
        assert number is not None
        bookmarks[str(item.title)] = number + 1
    assert listed == bookmarks
