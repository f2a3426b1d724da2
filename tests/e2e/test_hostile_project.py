"""A project folder made by someone else, or left in a bad state: what ``briefing`` does.

Each case is one of the faults of issue 12 (hostile input and faults): the command's whole
message and exit status, and what is (not) written. Reader-level details are unit-tested.
"""

from __future__ import annotations

import csv
import errno
import importlib
import io
import json
import os
import re
import time
import zipfile
from dataclasses import dataclass
from pathlib import Path

import pytest
from pypdf import PdfReader

from briefing.cli import main
from briefing.render.markdown_tree import unsafe_links

pytestmark = pytest.mark.e2e

GOOD = (
    "---\ntitle: Kidal attack\npublisher: Test Wire\npublished: 2024-05-04\n---\n"
    "Rebels attacked the town of Kidal on 3 May 2024, officials said.\n"
)


@dataclass(frozen=True)
class Run:
    code: int
    out: str
    err: str


@pytest.fixture
def project(tmp_path: Path) -> Path:
    folder = tmp_path / "project"
    (folder / "articles").mkdir(parents=True)
    (folder / "articles" / "good.md").write_text(GOOD, encoding="utf-8")
    return folder


def build(project: Path, capsys: pytest.CaptureFixture[str], *extra: str) -> Run:
    code = main(["build", "--inputs", str(project), "--out", str(project / "out"), *extra])
    captured = capsys.readouterr()
    return Run(code, captured.out, captured.err)


# ---------------------------------------------------------------------------------------------
# The lock


def test_disk_full_while_taking_the_lock_is_a_clear_error_and_blocks_nothing(
    project: Path, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    def full(fd: int, data: bytes) -> int:
        raise OSError(errno.ENOSPC, os.strerror(errno.ENOSPC))

    lock_module = importlib.import_module("briefing.timeline.lock")
    monkeypatch.setattr(lock_module.os, "write", full)
    run = build(project, capsys)
    monkeypatch.undo()  # space was freed

    assert run.code == 1
    lock = project / ".briefing.lock"
    assert run.err.splitlines() == [
        f"briefing: error: {lock}: cannot write the lock file (No space left on device); free "
        "some disk space (or check the folder's permissions) and try again; nothing was changed"
    ]
    assert not lock.exists()
    assert not (project / "out").exists()
    assert build(project, capsys).code == 0  # the next build is not blocked


def test_an_empty_lock_left_behind_is_taken_over(
    project: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    lock = project / ".briefing.lock"
    lock.write_text("", encoding="utf-8")
    a_minute_ago = time.time() - 60
    os.utime(lock, (a_minute_ago, a_minute_ago))

    run = build(project, capsys)

    assert run.code == 0, run.err
    assert not lock.exists()


def test_an_empty_lock_just_created_is_a_build_starting(
    project: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    (project / ".briefing.lock").write_text("", encoding="utf-8")

    run = build(project, capsys)

    assert run.code == 1
    assert "another build is running in this project (a build that is starting)" in run.err


# ---------------------------------------------------------------------------------------------
# Exports a spreadsheet or a browser would run


FORMULAS = [
    '=HYPERLINK("http://evil.example/steal","Click for details")',
    "+cmd|' /C calc'!A0",
    "-2+3+cmd|' /C calc'!A0",
    "@SUM(1+1)*cmd|' /C calc'!A0",
    "\t=1+1",
    "\r=1+1",
]


def test_csv_cells_a_spreadsheet_would_run_are_written_as_text(
    project: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    entries = "".join(
        f"  - date: 2024-05-0{number}\n"
        f"    text: {json.dumps(payload)}\n"
        f"    attribution: {json.dumps(payload)}\n"
        "    status: manual\n"
        for number, payload in enumerate(FORMULAS, start=1)
    )
    (project / "timeline.yaml").write_text(f"events:\n{entries}", encoding="utf-8")

    run = build(project, capsys, "--format", "csv")

    assert run.code == 0, run.err
    data = (project / "out" / "timeline.csv").read_bytes().decode("utf-8-sig")
    rows = list(csv.DictReader(io.StringIO(data, newline="")))
    texts = {row["text"] for row in rows}
    for payload in FORMULAS:
        assert f"'{payload}" in texts  # shown as written, behind the quote a spreadsheet hides
        assert f"'{payload}" in {row["attribution"] for row in rows}
    for row in rows:
        for value in row.values():
            assert not value.startswith(("=", "+", "-", "@", "\t", "\r")), value


HOSTILE_URLS = [
    "javascript:alert(document.cookie)",
    "JavaScript:alert(1)",
    "data:text/html;base64,PHNjcmlwdD5hbGVydCgxKTwvc2NyaXB0Pg==",
    "file:///etc/passwd",
    "http://a.example/> [click](javascript:alert(1)",
]


@pytest.mark.parametrize("url", HOSTILE_URLS)
def test_an_unsafe_url_in_front_matter_is_text_in_every_format(
    project: Path, capsys: pytest.CaptureFixture[str], url: str
) -> None:
    (project / "articles" / "evil.md").write_text(
        f"---\ntitle: Evil\npublished: 2024-05-05\nurl: {json.dumps(url)}\n---\n"
        "The militia left Gao on 4 May 2024.\n",
        encoding="utf-8",
    )

    run = build(project, capsys, "--format", "pdf,docx,md")

    assert run.code == 0, run.err
    out = project / "out"
    markdown = (out / "briefing.md").read_text("utf-8")
    assert unsafe_links(markdown) == []
    links = [
        annotation.get_object()["/A"].get("/URI", "")
        for page in PdfReader(out / "briefing.pdf").pages
        for annotation in page.get("/Annots") or []
        if "/A" in annotation.get_object()
    ]
    assert all(str(target).startswith(("http://", "https://", "mailto:")) for target in links)
    with zipfile.ZipFile(out / "briefing.docx") as word:
        relations = word.read("word/_rels/document.xml.rels").decode("utf-8")
    targets = re.findall(r'Target="([^"]*)"[^>]*TargetMode="External"', relations)
    assert all(target.startswith(("http://", "https://", "mailto:")) for target in targets)


def test_a_template_that_writes_an_unsafe_link_is_refused(
    project: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    (project / "templates").mkdir()
    template = project / "templates" / "briefing.md.j2"
    template.write_text("# {{ title }}\n\n[Open](javascript:alert(1))\n", encoding="utf-8")

    run = build(project, capsys)

    assert run.code == 1
    [line] = run.err.splitlines()
    assert line.startswith(f"briefing: error: {template}: the template writes a link to ")
    assert "javascript:" in line
    assert not (project / "out").exists()


# ---------------------------------------------------------------------------------------------
# Templates from someone else


def test_a_project_template_cannot_run_a_command(
    project: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    marker = project / "owned"
    (project / "templates").mkdir()
    template = project / "templates" / "briefing.md.j2"
    template.write_text(
        "# {{ title }}\n\n"
        f"{{{{ cycler.__init__.__globals__.os.popen('id > {marker}').read() }}}}\n",
        encoding="utf-8",
    )

    run = build(project, capsys)

    assert run.code == 1
    [line] = run.err.splitlines()
    assert line.startswith(f"briefing: error: {template}:3: the template tried something")
    assert not marker.exists()
    assert not (project / "out").exists()
