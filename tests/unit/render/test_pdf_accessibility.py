"""The PDF as print preflight and assistive technology read it: every font embedded, a tagged
structure with language and title, source numbers in a column, a contents list when long."""

from __future__ import annotations

import io
import re
import shutil
import subprocess
from pathlib import Path
from typing import Any

import pypdf
import pytest
from reportlab.pdfbase import pdfmetrics

from briefing.cli import main
from briefing.model import Document, Heading, ListBlock, Paragraph
from briefing.render import pdf_writer
from tests.conftest import SAMPLE
from tests.render_samples import sample_document, sample_meta, text_of

NUMBER = re.compile(r"^(\d+)\.$")


@pytest.fixture(scope="module")
def sample_pdf(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The sample project's briefing: title block, timeline figure, tables, sources."""
    root = tmp_path_factory.mktemp("pdf")
    shutil.copytree(SAMPLE, root / "project")
    args = ["build", "--inputs", str(root / "project"), "--out", str(root / "out")]
    assert main([*args, "--format", "pdf", "-q"]) == 0
    return root / "out" / "briefing.pdf"


def _numbered(count: int) -> Document:
    items = tuple(
        (Paragraph(children=(text_of(f"Source number {n}, The Outlet, 1 May 2010."),)),)
        for n in range(1, count + 1)
    )
    blocks = (
        Heading(level=1, children=(text_of("Sources"),)),
        ListBlock(ordered=True, items=items),
    )
    return Document(meta=sample_meta(), blocks=blocks)


def _runs(page: Any) -> list[tuple[str, float]]:
    """(text, x) of every text run drawn on a page."""
    runs: list[tuple[str, float]] = []

    def visit(text: str, cm: Any, tm: Any, font: Any, size: Any) -> None:
        if text.strip():
            runs.append((text.strip(), cm[4] + tm[4]))

    page.extract_text(visitor_text=visit)
    return runs


def test_source_numbers_from_10_and_100_line_up_with_their_text_hanging() -> None:
    reader = pypdf.PdfReader(io.BytesIO(pdf_writer.write(_numbered(120))))
    numbers: dict[int, float] = {}
    texts: set[float] = set()
    for page in reader.pages:
        for text, x in _runs(page):
            match = NUMBER.match(text)
            if match:
                numbers[int(match.group(1))] = x
            elif text.startswith("Source number"):
                texts.add(round(x, 1))
    assert set(numbers) == set(range(1, 121))
    assert len(texts) == 1  # every entry's text starts at the same x
    (text_x,) = texts
    ends = {
        number: x + pdfmetrics.stringWidth(f"{number}.", "DejaVuSans", 9.5)
        for number, x in numbers.items()
    }
    assert max(ends.values()) < text_x - 2  # "100." never touches its text
    assert max(ends.values()) - min(ends.values()) < 0.5  # right-aligned in one column


def _font_names(reader: pypdf.PdfReader) -> list[tuple[str, Any]]:
    """Every font the file defines, wherever it is used (pages, forms, drawings)."""
    found = []
    trailer: Any = reader.trailer
    for number in range(1, int(trailer["/Size"])):
        try:
            obj: Any = reader.get_object(number)
        except (KeyError, IndexError, pypdf.errors.PdfReadError):
            continue
        if isinstance(obj, dict) and obj.get("/Type") == "/Font":
            found.append((str(obj.get("/BaseFont")), obj))
    return found


def test_no_font_is_referenced_without_being_embedded(sample_pdf: Path) -> None:
    reader = pypdf.PdfReader(sample_pdf)
    fonts = _font_names(reader)
    assert fonts
    for name, font in fonts:
        assert "/FontFile2" in font["/FontDescriptor"], name  # TrueType, embedded
    if shutil.which("pdffonts"):
        listing = subprocess.run(
            ["pdffonts", str(sample_pdf)], capture_output=True, text=True, check=True
        ).stdout.splitlines()[2:]
        assert listing
        assert all(line.split()[-5] == "yes" for line in listing), listing  # the "emb" column


def test_the_pdf_is_tagged_with_its_language_and_title(sample_pdf: Path) -> None:
    reader = pypdf.PdfReader(sample_pdf)
    root: Any = reader.trailer["/Root"]
    assert root["/MarkInfo"]["/Marked"]
    assert root["/Lang"] == "en"
    assert root["/ViewerPreferences"]["/DisplayDocTitle"]
    assert reader.metadata is not None
    assert reader.metadata.title == "Wagner in Mali"
    document = root["/StructTreeRoot"]["/K"].get_object()
    assert document["/S"] == "/Document"
    roles = [kid.get_object()["/S"] for kid in document["/K"]]
    assert roles[:2] == ["/P", "/P"]  # title and subtitle open the reading order
    assert roles.count("/H1") == 5  # Summary, Chronology, Key facts, Dates that could…, Sources
    assert "/Table" in roles
    assert "/L" in roles
    (figure,) = [kid.get_object() for kid in document["/K"] if kid.get_object()["/S"] == "/Figure"]
    assert str(figure["/Alt"]).startswith("Timeline of 5 dated events")


def test_every_marked_content_belongs_to_a_structure_element(sample_pdf: Path) -> None:
    reader = pypdf.PdfReader(sample_pdf)
    trailer: Any = reader.trailer
    tree: Any = trailer["/Root"]["/StructTreeRoot"]
    nums = tree["/ParentTree"]["/Nums"]
    parents = {int(nums[i]): nums[i + 1] for i in range(0, len(nums), 2)}
    pages: list[Any] = list(reader.pages)
    for index, page in enumerate(pages):
        assert page["/StructParents"] == index
        assert page["/Tabs"] == "/S"
        content = page.get_contents()
        assert content is not None
        stream = content.get_data().decode("latin-1")
        mcids = [int(m) for m in re.findall(r"<</MCID (\d+)>> BDC", stream)]
        assert mcids == list(range(len(mcids)))
        assert len(parents[index]) == len(mcids)
        for mcid, element in enumerate(parents[index]):
            element = element.get_object()
            assert element["/K"] == mcid
            assert element["/Pg"].get_object() == page.get_object()
        # running heads and footers are artifacts, outside the structure
        assert stream.count("/Artifact BMC") >= 1
        assert stream.count(" BDC") + stream.count(" BMC") == stream.count("EMC")


def _contents_of(reader: pypdf.PdfReader) -> dict[str, int]:
    """Heading -> page as the contents list on page 1 prints it."""
    text = reader.pages[0].extract_text()
    assert "Contents" in text
    listed = text.split("Contents", 1)[1].split("Summary\n", 1)
    pairs = re.findall(r"^ ?([A-Z][^\n]*)\n(\d+)$", "Summary\n" + listed[1], re.M)
    return {title.strip(): int(page) for title, page in pairs}


def _outline_pages(reader: pypdf.PdfReader) -> dict[str, int]:
    """Heading -> the page its bookmark opens at."""
    found: dict[str, int] = {}

    def walk(items: list[Any]) -> None:
        for item in items:
            if isinstance(item, list):
                walk(item)
            else:
                number = reader.get_destination_page_number(item)
                assert number is not None
                found[str(item.title)] = number + 1

    walk(reader.outline)
    return found


def test_a_long_pdf_opens_with_a_contents_list_with_the_right_pages() -> None:
    reader = pypdf.PdfReader(io.BytesIO(pdf_writer.write(sample_document(rows=150))))
    assert len(reader.pages) > 4
    listed = _contents_of(reader)
    outline = _outline_pages(reader)
    assert set(listed) == {"Summary", "Chronology", "Dates that could not be placed", "Sources"}
    assert listed == {title: outline[title] for title in listed}
    assert listed["Sources"] == len(reader.pages)


def test_a_short_pdf_has_no_contents_list(sample_pdf: Path) -> None:
    reader = pypdf.PdfReader(sample_pdf)
    assert len(reader.pages) <= 4
    assert "Contents" not in reader.pages[0].extract_text()
