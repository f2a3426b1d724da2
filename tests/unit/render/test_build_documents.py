"""The documents a build writes: the project's own reference.docx, and the Word file as
LibreOffice lays it out (page count agreeing with its own "Page X of N" footer)."""

from __future__ import annotations

import io
import re
import shutil
import subprocess
import zipfile
from typing import TYPE_CHECKING

import pypdf
import pytest

from briefing.cli import main
from tools.make_reference_docx import build as build_reference

if TYPE_CHECKING:
    from pathlib import Path


def test_the_projects_reference_docx_overrides_the_packaged_one(
    sample_project: Path, tmp_path: Path
) -> None:
    with zipfile.ZipFile(io.BytesIO(build_reference())) as source:
        parts = {name: source.read(name) for name in source.namelist()}
    # restyle the title: the output must carry the project's style, not the package's
    styles = parts["word/styles.xml"].decode()
    title = '<w:name w:val="Title"/>'
    assert title in styles
    parts["word/styles.xml"] = styles.replace(
        title, title + '<w:aliases w:val="Project"/>'
    ).encode()
    (sample_project / "templates").mkdir(exist_ok=True)
    with zipfile.ZipFile(sample_project / "templates" / "reference.docx", "w") as target:
        for name, data in parts.items():
            target.writestr(name, data)
    out = tmp_path / "out"
    assert (
        main(["build", "--inputs", str(sample_project), "--out", str(out), "--format", "docx"]) == 0
    )
    with zipfile.ZipFile(out / "briefing.docx") as written:
        assert "Project" in written.read("word/styles.xml").decode()


@pytest.mark.skipif(shutil.which("soffice") is None, reason="LibreOffice (soffice) is not on PATH")
@pytest.mark.parametrize("citations", ["marks", "footnotes"])
def test_libreoffice_lays_out_the_sample_with_the_page_count_its_footer_says(
    sample_project: Path, tmp_path: Path, citations: str
) -> None:
    out = tmp_path / "out"
    args = ["build", "--inputs", str(sample_project), "--out", str(out), "--format", "docx"]
    assert main([*args, "--citations", citations]) == 0
    profile = (tmp_path / "profile").as_uri()
    subprocess.run(
        ["soffice", f"-env:UserInstallation={profile}", "--headless", "--convert-to", "pdf",
         "--outdir", str(tmp_path), str(out / "briefing.docx")],
        check=True, capture_output=True, timeout=180,
    )  # fmt: skip
    reader = pypdf.PdfReader(tmp_path / "briefing.pdf")
    pages = len(reader.pages)
    assert pages >= 1
    first = reader.pages[0].extract_text()
    assert re.search(rf"Page\s*1\s*of\s*{pages}\b", first)
    assert "Contents" in first
    assert "Chronology" in first
