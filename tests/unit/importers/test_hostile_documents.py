"""Hostile reports on ``briefing add``: zip bombs, entities, oversized text; same limits as build.

The zip bomb is made on the fly (``tests.hostile_files``): a 3.5 MB ``.docx`` whose document
part inflates to 1 GB. Its memory and time are measured by ``benchmarks/bench_hostile.py``;
here the point is what the user sees and that nothing is written.
"""

from __future__ import annotations

import datetime as dt
import io
import zipfile
from pathlib import Path

import docx
import pytest
from docx.enum.text import WD_BREAK
from reportlab.pdfgen import canvas

from briefing.cli import main
from briefing.errors import InputError
from briefing.importers import ImportStatus, add
from briefing.importers.documents import read_docx, read_pdf
from briefing.ingest.text import MAX_BYTES
from tests.hostile_files import zip_bomb_docx

TODAY = dt.date(2025, 9, 1)


@pytest.fixture
def project(tmp_path: Path) -> Path:
    (tmp_path / "project" / "articles").mkdir(parents=True)
    return tmp_path / "project"


def _articles(project: Path) -> list[str]:
    return sorted(path.name for path in (project / "articles").iterdir())


def test_a_zip_bomb_docx_is_refused_unopened_with_a_clear_message(
    project: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    bomb = zip_bomb_docx(tmp_path / "report.docx", 1_000_000_000)
    assert bomb.stat().st_size < 5_000_000

    code = main(["add", str(bomb), "--inputs", str(project)])
    captured = capsys.readouterr()

    assert code == 1
    [line] = captured.err.splitlines()
    assert line.startswith(f"{bomb}: error: its part word/document.xml would inflate to 999 MB")
    assert "zip bomb" in line
    assert "add that instead" in line
    assert captured.out == ""
    assert _articles(project) == []


def test_a_bomb_that_lies_about_its_size_is_stopped_at_the_size_it_declares(
    project: Path, tmp_path: Path
) -> None:
    bomb = zip_bomb_docx(tmp_path / "liar.docx", 200_000_000, declared=2_000_000)
    with zipfile.ZipFile(bomb) as archive:
        assert archive.getinfo("word/document.xml").file_size == 2_000_000

    [result] = add([str(bomb)], project, today=TODAY)

    assert result.status is ImportStatus.FAILED
    assert "not a readable Word document" in result.reason
    assert _articles(project) == []


def test_a_docx_whose_text_is_larger_than_an_article_is_refused(
    project: Path, tmp_path: Path
) -> None:
    # 16 MB of XML (within the archive limits) holding 8 MB of text.
    report = zip_bomb_docx(tmp_path / "export.docx", 16_000_000)

    [result] = add([str(report)], project, today=TODAY)

    assert result.status is ImportStatus.FAILED
    assert "larger than the 5 MB an article may have" in result.reason
    assert "split it into one file per article" in result.reason
    assert _articles(project) == []


def test_entities_in_a_docx_are_never_resolved(tmp_path: Path) -> None:
    secret = tmp_path / "secret.txt"
    secret.write_text("TOP-SECRET-CONTENT", encoding="utf-8")
    source = tmp_path / "plain.docx"
    document = docx.Document()
    document.add_paragraph("PLACEHOLDER")
    document.save(str(source))
    hostile = tmp_path / "xxe.docx"
    with zipfile.ZipFile(source) as original, zipfile.ZipFile(hostile, "w") as out:
        for item in original.infolist():
            data = original.read(item)
            if item.filename == "word/document.xml":
                data = data.replace(
                    b"<w:document",
                    b'<!DOCTYPE w:document [<!ENTITY x SYSTEM "'
                    + secret.as_uri().encode()
                    + b'">]><w:document',
                    1,
                ).replace(b"PLACEHOLDER", b"On 3 May 2024 &x; happened.")
            out.writestr(item, data)

    text = read_docx(hostile).text

    assert "TOP-SECRET" not in text
    assert text.startswith("On 3 May 2024")


def test_word_text_reads_as_python_docx_reads_it(tmp_path: Path) -> None:
    path = tmp_path / "report.docx"
    document = docx.Document()
    document.add_paragraph("On 6 May 2024\tthe desk met.")
    paragraph = document.add_paragraph("First line")
    paragraph.add_run().add_break()
    paragraph.add_run("second line, and a page break")
    paragraph.add_run().add_break(WD_BREAK.PAGE)
    document.add_table(rows=1, cols=1).cell(0, 0).text = "A table cell"
    document.add_paragraph("Closing words.")
    document.save(str(path))
    expected = "\n".join(
        p.text.strip() for p in docx.Document(str(path)).paragraphs if p.text.strip()
    )

    assert read_docx(path).text == expected
    assert "A table cell" not in expected


def test_other_office_files_are_named_as_such(tmp_path: Path) -> None:
    path = tmp_path / "sheet.docx"
    with zipfile.ZipFile(path, "w") as archive:
        archive.writestr(
            "_rels/.rels",
            '<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">'
            '<Relationship Id="r1" Target="xl/workbook.xml" Type="http://schemas.openxmlformats'
            '.org/officeDocument/2006/relationships/officeDocument"/></Relationships>',
        )
        archive.writestr("xl/workbook.xml", "<workbook/>")
    with pytest.raises(InputError, match=r"not a Word document \(its main part is a workbook\)"):
        read_docx(path)


def _long_pdf(path: Path, pages: int, line: str) -> Path:
    buffer = io.BytesIO()
    pdf = canvas.Canvas(buffer, invariant=1)
    for _ in range(pages):
        for row in range(50):
            pdf.drawString(40, 800 - 15 * row, line)
        pdf.showPage()
    pdf.save()
    path.write_bytes(buffer.getvalue())
    return path


def test_a_pdf_stops_being_read_once_its_text_outgrows_an_article(tmp_path: Path) -> None:
    line = "On 3 May 2024 the convoy left Gao and drove north towards Kidal at dawn."
    report = _long_pdf(tmp_path / "report.pdf", 40, line)

    with pytest.raises(InputError) as caught:
        read_pdf(report, max_text=50_000)

    assert "the text of the first 14 of 40 pages is already larger than the 50,000 bytes" in str(
        caught.value
    )
    assert "copy the part you need into a .txt file" in str(caught.value)


def test_add_refuses_what_build_would_skip_with_the_same_message(
    project: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    sentence = "On 3 May 2024 the convoy left Gao and drove north towards Kidal at dawn. "
    pasted = sentence * (MAX_BYTES // len(sentence) + 100)
    monkeypatch.setattr("sys.stdin", io.StringIO(pasted))

    code = main(["add", "-", "--inputs", str(project), "--title", "Export"])
    err = capsys.readouterr().err

    assert code == 1
    assert "-: the article would be 5.0 MB, more than the 5 MB an article may have" in err
    assert "split it into one file per article" in err
    assert _articles(project) == []
