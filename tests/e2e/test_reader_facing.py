"""The deliverable speaks to its reader: no tool instructions or file names, untitled sources
cited by their first words, and the analyst's wording marked as such."""

from __future__ import annotations

import re
import shutil
from pathlib import Path

import docx
import pypdf
import pytest

from briefing.cli import main
from tests.conftest import SAMPLE

pytestmark = pytest.mark.e2e

UNTITLED = "daily-mail-putin-wagner-mali-attacks"
REWORDED = "A junta led by Assimi Goita took power in a coup."


def _build(project: Path, out: Path) -> dict[str, str]:
    args = ["build", "--inputs", str(project), "--out", str(out), "-q"]
    assert main([*args, "--format", "pdf,docx,md"]) == 0
    pdf = "\n".join(page.extract_text() for page in pypdf.PdfReader(out / "briefing.pdf").pages)
    word = docx.Document(str(out / "briefing.docx"))
    cells = [cell.text for table in word.tables for row in table.rows for cell in row.cells]
    return {
        "pdf": " ".join(pdf.split()),
        "docx": " ".join(" ".join([p.text for p in word.paragraphs] + cells).split()),
        "md": (out / "briefing.md").read_text(encoding="utf-8"),
    }


@pytest.fixture
def project(tmp_path: Path) -> Path:
    shutil.copytree(SAMPLE, tmp_path / "project")
    return tmp_path / "project"


def test_no_tool_instructions_or_file_names_reach_the_documents(
    project: Path, tmp_path: Path
) -> None:
    for name, text in _build(project, tmp_path / "out").items():
        assert UNTITLED not in text, name
        assert ".md" not in text.replace("briefing.md", ""), name
        assert "published: YYYY-MM-DD" not in text, name
        assert "front matter" not in text, name
        assert "timeline.json" not in text, name
        assert "Untitled article" not in text, name
        # the untitled source is cited by publisher, date and its first words
        assert "“Vladimir Putin is facing shame in Mali after…”" in text, name


def test_the_analysts_wording_is_marked_and_a_date_fix_is_not(
    project: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    _build(project, tmp_path / "first")
    timeline = project / "timeline.yaml"
    text = timeline.read_text(encoding="utf-8")
    text = text.replace(
        "text: After a 2021 coup, a junta led by Assimi Goita seized power.", f"text: {REWORDED}"
    )
    text = re.sub(r"(date: )'2011'", r"\g<1>'2012'", text)  # a date fix only
    text += (
        "  - date: '2025-09-01'\n"
        "    text: The desk confirmed the convoy's arrival by phone.\n"
        "    sources:\n"
        "      - {article: 2025-08-31-osint-ukraine-archive-wagner-failures-in-mali, "
        "start: 0, end: 0}\n"
    )
    timeline.write_text(text, encoding="utf-8")
    outputs = _build(project, tmp_path / "second")
    for name, said in outputs.items():
        assert f"{REWORDED} †" in said, name
        assert "The desk confirmed the convoy's arrival by phone. †" in said, name
        assert "† Wording by the analyst, not the source" in said, name
        assert "2012" in said, name
        assert "various other towns. †" not in said, name  # only its date was changed
    manual = re.search(
        r"The desk confirmed the convoy's arrival by phone\. †[^|]*\| (\S+)", outputs["md"]
    )
    assert manual is not None
    assert manual.group(1).startswith("[\\[")  # the manual event cites its own source
