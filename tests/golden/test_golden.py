"""Golden outputs of the sample project, compared as structure: the DOCX part by part as
canonical XML (pandoc's OOXML goldens), the PDF as extracted text per page plus the page
count, the Markdown and the timeline JSON as text. ``pytest --update-golden`` rewrites them.
"""

from __future__ import annotations

import io
import json
import shutil
import zipfile
from pathlib import Path
from xml.dom import minidom
from xml.etree.ElementTree import canonicalize

import pypdf
import pytest

from briefing.cli import main
from tests.conftest import SAMPLE

pytestmark = pytest.mark.golden

HERE = Path(__file__).resolve().parent
EPOCH = "1764115200"
"""26 November 2025: the briefing date printed in the goldens."""

CASES = {
    "sample-marks": ["--citations", "marks"],
    "sample-footnotes": ["--citations", "footnotes"],
}
DOCX_PARTS = {
    "sample-marks": (
        "word/document.xml", "word/styles.xml", "docProps/core.xml", "word/header1.xml",
        "word/header2.xml", "word/footer1.xml", "word/footer2.xml", "word/settings.xml",
    ),
    "sample-footnotes": ("word/document.xml", "word/footnotes.xml"),
}  # fmt: skip
"""Parts compared per case; the styles and furniture do not depend on the citation mode."""
USING = ("word/document.xml", "word/footnotes.xml", "word/header1.xml", "word/footer1.xml")
"""Parts whose style references decide which styles the styles.xml golden keeps."""


def _pretty_xml(data: bytes) -> str:
    """Canonical XML (C14N 2.0), one element per line, so a diff shows what changed."""
    canonical = canonicalize(data.decode("utf-8"), strip_text=True)
    return minidom.parseString(canonical).toprettyxml(indent=" ")


def _used_styles(styles: bytes, *parts: bytes) -> str:
    """styles.xml cut to the defaults and the styles the parts name (with what they are based
    on): the reference's hundreds of unused and latent styles would bury any change."""
    document = minidom.parseString(canonicalize(styles.decode("utf-8"), strip_text=True))
    root = document.documentElement
    assert root is not None
    by_id = {node.getAttribute("w:styleId"): node for node in root.getElementsByTagName("w:style")}
    wanted: set[str] = set()
    for part in parts:
        text = part.decode("utf-8")
        wanted.update(i for i in by_id if f'Style w:val="{i}"' in text)
    for style_id in list(wanted):
        while (based := by_id[style_id].getElementsByTagName("w:basedOn")) and (
            parent := based[0].getAttribute("w:val")
        ) in by_id:
            wanted.add(parent)
            style_id = parent
    for node in list(root.childNodes):
        keep = node.nodeName == "w:docDefaults" or (
            isinstance(node, minidom.Element)
            and node.nodeName == "w:style"
            and node.getAttribute("w:styleId") in wanted
        )
        if not keep:
            root.removeChild(node)
    return document.toprettyxml(indent=" ")


def _pdf_text(data: bytes) -> str:
    reader = pypdf.PdfReader(io.BytesIO(data))
    pages = [
        f"=== page {number} of {len(reader.pages)} ===\n{page.extract_text().rstrip()}\n"
        for number, page in enumerate(reader.pages, start=1)
    ]
    return "\n".join(pages)


def _outputs(case: str, tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> dict[str, str]:
    """Every golden file of a case, by its name in the case folder."""
    project = tmp_path / "project"
    shutil.copytree(SAMPLE, project)
    out = tmp_path / "out"
    monkeypatch.setenv("SOURCE_DATE_EPOCH", EPOCH)
    formats = "pdf,docx,json,md"
    code = main(["build", "--inputs", str(project), "--out", str(out), "--format", formats,
                 *CASES[case]])  # fmt: skip
    assert code == 0
    files = {
        "briefing.md": (out / "briefing.md").read_text(encoding="utf-8"),
        "briefing.pdf.txt": _pdf_text((out / "briefing.pdf").read_bytes()),
        "timeline.json": (out / "timeline.json").read_text(encoding="utf-8"),
    }
    with zipfile.ZipFile(out / "briefing.docx") as archive:
        for part in DOCX_PARTS[case]:
            data = archive.read(part)
            if part == "word/styles.xml":
                used = [archive.read(name) for name in archive.namelist() if name in USING]
                files["docx/" + part.replace("/", "_")] = _used_styles(data, *used)
            else:
                files["docx/" + part.replace("/", "_")] = _pretty_xml(data)
    return {name: text.replace(str(project), "<project>") for name, text in files.items()}


@pytest.mark.parametrize("case", sorted(CASES))
def test_outputs_match_the_goldens(
    case: str, tmp_path: Path, monkeypatch: pytest.MonkeyPatch, update_golden: bool
) -> None:
    folder = HERE / case
    outputs = _outputs(case, tmp_path, monkeypatch)
    if update_golden:
        shutil.rmtree(folder, ignore_errors=True)
        for name, text in outputs.items():
            (folder / name).parent.mkdir(parents=True, exist_ok=True)
            (folder / name).write_text(text, encoding="utf-8")
    expected = {
        str(path.relative_to(folder)): path.read_text(encoding="utf-8")
        for path in sorted(folder.rglob("*"))
        if path.is_file()
    }
    assert sorted(expected) == sorted(outputs), "run pytest --update-golden to create them"
    for name, text in outputs.items():
        assert text == expected[name], f"{case}/{name} differs; pytest --update-golden accepts it"


def test_the_timeline_json_golden_is_valid_json() -> None:
    for case in CASES:
        data = json.loads((HERE / case / "timeline.json").read_text(encoding="utf-8"))
        assert data["schema"] == 1
