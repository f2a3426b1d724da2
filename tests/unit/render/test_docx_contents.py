"""The Word file: a contents list with its page numbers filled in (no update prompt), and a
heading that never ends a page, in Word as in LibreOffice."""

from __future__ import annotations

import io
import re
import shutil
import subprocess
import zipfile
from pathlib import Path
from typing import Any

import docx
import pypdf
import pytest
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
        _para("Stated in the articles without a date; each holds as of its article's publication."),
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


def test_a_heading_keeps_with_its_introduction_in_a_chain_two_paragraphs_long() -> None:
    """The heading styles keep with the next paragraph; the paragraph after a heading does not
    keep with the list it introduces, since LibreOffice leaves the heading alone at the foot
    of a page when a chain of three kept paragraphs breaks (issue 13)."""
    body = _parts(docx_writer.write(DOCUMENT))["word/document.xml"]
    styles = _parts(docx_writer.write(DOCUMENT))["word/styles.xml"]
    paragraphs = body.xpath("//w:body/w:p")
    headings = [p for p in paragraphs if p.xpath("w:pPr/w:pStyle[@w:val='Heading1']")]
    assert len(headings) == 2
    assert styles.xpath("//w:style[@w:styleId='Heading1']/w:pPr/w:keepNext")
    kept = [p for p in paragraphs if p.xpath("w:pPr/w:keepNext")]
    assert not kept, [("".join(p.xpath(".//w:t/text()"))) for p in kept]


def _page_endings(pdf: Path) -> list[str]:
    """The last line of each page's body, above the footer (marking, "Page N of M")."""
    result = subprocess.run(
        ["pdftotext", "-layout", str(pdf), "-"], capture_output=True, text=True, check=True
    )
    endings = []
    for page in result.stdout.split("\f")[:-1]:
        lines = [line.strip() for line in page.splitlines() if line.strip()]
        body = [line for line in lines if not re.search(r"Page \d+ of \d+$|^TLP:AMBER$", line)]
        endings.append(body[-1] if body else "")
    return endings


@pytest.mark.skipif(
    shutil.which("soffice") is None or shutil.which("pdftotext") is None,
    reason="LibreOffice (soffice) and pdftotext are needed",
)
def test_libreoffice_ends_no_page_of_the_sample_with_a_heading(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """The sample as the README pictures it: with the introduction kept with its list too,
    LibreOffice left "Key facts" alone at the foot of page 1."""
    monkeypatch.setenv("SOURCE_DATE_EPOCH", "1764633600")  # 2 December 2025, as pictured
    shutil.copytree(SAMPLE, tmp_path / "project")
    args = ["build", "--inputs", str(tmp_path / "project"), "--out", str(tmp_path / "out")]
    assert main([*args, "--format", "docx", "--marking", "TLP:AMBER", "-q"]) == 0
    word = docx.Document(str(tmp_path / "out" / "briefing.docx"))
    headings = {
        p.text for p in word.paragraphs if p.style is not None and p.style.name == "Heading 1"
    }
    profile = (tmp_path / "profile").as_uri()  # a private profile: parallel runs do not clash
    subprocess.run(
        ["soffice", f"-env:UserInstallation={profile}", "--headless", "--convert-to", "pdf",
         "--outdir", str(tmp_path), str(tmp_path / "out" / "briefing.docx")],
        check=True, capture_output=True, timeout=300,
    )  # fmt: skip
    endings = _page_endings(tmp_path / "briefing.pdf")
    assert len(endings) > 1
    assert not headings & set(endings), endings


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
