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
import subprocess
import sys
import time
import zipfile
from pathlib import Path

import pytest
from pypdf import PdfReader
from reportlab.pdfgen import canvas

from briefing.cli import main
from briefing.render.markdown_tree import unsafe_links
from tests.e2e.test_bad_input import build, project

pytestmark = pytest.mark.e2e
__all__ = ["project"]  # the fixture, shared with test_bad_input

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


# ---------------------------------------------------------------------------------------------
# Smaller faults


def test_temporary_files_left_by_a_killed_run_are_removed_by_the_next(
    project: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    done = subprocess.run([sys.executable, "-c", "import os; print(os.getpid())"],
                          check=True, capture_output=True, text=True)  # fmt: skip
    dead = done.stdout.strip()
    out = project / "out"
    out.mkdir()
    left = [
        out / f".briefing.pdf.{dead}-k2j3h4x9.tmp",  # a run killed while writing
        out / ".briefing.docx.k2j3h4x9.tmp",  # from before temporary names held a pid
        project / f".timeline.yaml.{dead}-a8b7c6d5.tmp",
        # The caches, swept with one look per folder however many entries they hold.
        project / ".briefing-cache" / "extract" / f".0123abcd.json.{dead}-q1w2e3r4.tmp",
        project / ".briefing-cache" / "read" / f".4567cdef.json.{dead}-t5y6u7i8.tmp",
    ]
    for path in left:
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_bytes(b"half a file")
    an_hour_ago = time.time() - 3600
    os.utime(left[1], (an_hour_ago, an_hour_ago))
    someone_elses = out / ".notes.tmp"
    someone_elses.write_bytes(b"not ours")
    live = project / ".briefing-cache" / "extract" / f".89ab.json.{os.getpid()}-z9x8c7v6.tmp"
    live.write_bytes(b"being written by a run that still runs")

    run = build(project, capsys)

    assert run.code == 0, run.err
    assert [path for path in left if path.exists()] == []
    assert someone_elses.exists()
    assert live.exists()


def test_a_read_only_timeline_is_not_replaced(
    project: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    assert build(project, capsys).code == 0
    timeline = project / "timeline.yaml"
    before = timeline.read_bytes()
    pdf = (project / "out" / "briefing.pdf").read_bytes()
    timeline.chmod(0o444)
    (project / "articles" / "new.md").write_text(
        "---\npublished: 2024-06-02\n---\nThe army entered Gao on 1 June 2024.\n",
        encoding="utf-8",
    )

    run = build(project, capsys)

    assert run.code == 1
    assert run.err.splitlines() == [
        f"briefing: error: {timeline}: this file is read-only, so it was not replaced and "
        "nothing was written; make it writable (chmod u+w) if briefing should update it, or "
        "build into another folder"
    ]
    assert timeline.read_bytes() == before
    assert (project / "out" / "briefing.pdf").read_bytes() == pdf
    assert list(project.rglob("*.tmp")) == []


def test_git_conflict_markers_in_the_timeline_are_named_with_their_line(
    project: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    (project / "timeline.yaml").write_text(
        "events:\n"
        "  - date: 2024-05-03\n"
        "<<<<<<< HEAD\n"
        "    text: Rebels attacked Kidal.\n"
        "=======\n"
        "    text: Rebels attacked the town of Kidal.\n"
        ">>>>>>> desk-edits\n"
        "    status: manual\n",
        encoding="utf-8",
    )

    run = build(project, capsys)

    assert run.code == 1
    [line] = run.err.splitlines()
    assert line.startswith(f"briefing: error: {project / 'timeline.yaml'}:3: timeline file has")
    assert "unresolved git merge conflict (the marker '<<<<<<< HEAD')" in line


def test_an_article_linking_outside_the_project_is_reported_and_left_out(
    project: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    private = tmp_path / "private-notes.md"
    private.write_text("On 2 May 2024 my password was hunter2.\n", encoding="utf-8")
    link = project / "articles" / "notes.md"
    link.symlink_to(private)
    inside = project / "articles" / "copy.md"
    inside.symlink_to(project / "articles" / "good.md")

    run = build(project, capsys, "--format", "json,md")

    assert run.code == 0
    [line] = [line for line in run.err.splitlines() if "notes.md" in line]
    assert line.startswith(f"{link}: warning: a link to {private}, outside the project")
    assert "[link-outside-project]" in line
    assert "hunter2" not in (project / "out" / "briefing.md").read_text("utf-8")
    assert "hunter2" not in (project / "out" / "timeline.json").read_text("utf-8")


def test_unknown_fields_and_a_bad_grade_are_warnings_with_file_and_line(
    project: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    path = project / "articles" / "typo.md"
    path.write_text(
        "---\ntitle: Gao\npublised: 2024-06-02\nreliability: Z9\n---\n"
        "The army entered Gao on 1 June 2024.\n",
        encoding="utf-8",
    )

    run = build(project, capsys)

    assert run.code == 0
    lines = [line for line in run.err.splitlines() if line.startswith(str(path))]
    assert any(
        line.startswith(
            f"{path}:3: warning: front-matter field 'publised' is not used; did "
            "you mean 'published'?"
        )
        for line in lines
    )
    assert any(
        line.startswith(f"{path}:4: warning: reliability 'Z9' is not an Admiralty grade")
        for line in lines
    )


@pytest.mark.parametrize(
    ("front", "shows"),
    [
        ("title: {a: 1}", "not {a: 1}"),
        ("title: [Gao, 3, null]", "not [Gao, 3, null]"),
        ("author: true", "not true"),
        ("published: [2024, 5]", "not [2024, 5]"),
        ("language: {code: fr}", "not {code: fr}"),
    ],
)
def test_messages_show_values_as_written_never_as_python(
    project: Path, capsys: pytest.CaptureFixture[str], front: str, shows: str
) -> None:
    (project / "articles" / "odd.md").write_text(
        f"---\n{front}\n---\nThe army entered Gao on 1 June 2024.\n", encoding="utf-8"
    )

    run = build(project, capsys)

    [line] = [line for line in run.err.splitlines() if "odd.md" in line]
    assert shows in line
    for python in ("{'", "['", "True", "None", "datetime.", "\\x"):
        assert python not in line


def test_library_chatter_stays_off_the_console(project: Path, tmp_path: Path) -> None:
    buffer = io.BytesIO()
    pdf = canvas.Canvas(buffer, invariant=1)
    pdf.drawString(50, 800, "On 3 May 2024 the convoy left Gao.")
    pdf.save()
    data = buffer.getvalue()
    broken = data[: data.rfind(b"startxref")] + b"startxref\n999\n%%EOF\n"  # a wrong offset
    report = tmp_path / "report.pdf"
    report.write_bytes(broken)
    # A process of its own: inside pytest, its log capture would hide what a user sees.
    command = [sys.executable, "-m", "briefing", "add", str(report), "--inputs", str(project),
               "--published", "2024-05-04", "--language", "en"]  # fmt: skip
    environment = {**os.environ, "PYTHONPATH": str(Path(__file__).resolve().parents[2])}

    quiet = subprocess.run(command, capture_output=True, text=True, env=environment, check=False)
    verbose = subprocess.run(
        [*command, "--verbose"], capture_output=True, text=True, env=environment, check=False
    )

    assert quiet.returncode == 0, quiet.stderr
    assert quiet.stderr == ""  # pypdf's "incorrect startxref pointer" is not shown
    assert quiet.stdout.strip().endswith(".md")
    assert "briefing: note from pypdf" in verbose.stderr  # asked for, it is there, labelled


def test_a_file_mixing_encodings_is_read_right_and_the_change_is_named(
    project: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    path = project / "articles" / "mixed.md"
    path.write_bytes(
        "---\ntitle: Bamako\npublished: 2024-05-04\nlanguage: fr\n---\n"
        "Le président a parlé à Bamako le 2 mai 2024.\n\n".encode()
        + "L'armée a quitté Gao le 3 mai 2024, a déclaré le ministère.\n".encode("cp1252")
    )

    run = build(project, capsys, "--format", "json")

    assert run.code == 0
    [line] = [line for line in run.err.splitlines() if "mixed.md" in line]
    assert line.startswith(f"{path}:8: warning: the file mixes encodings: UTF-8 and cp1252")
    texts = " ".join(event["text"] for event in json.loads(
        (project / "out" / "timeline.json").read_text("utf-8"))["events"])  # fmt: skip
    assert "Le président a parlé" in texts
    assert "L'armée a quitté Gao le 3 mai 2024, a déclaré le ministère." in texts


def test_a_huge_saved_page_is_refused_unread(
    project: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    page = project / "articles" / "dump.html"
    with page.open("wb") as handle:
        handle.write(b"<html><body><p>On 3 May 2024 the convoy left Gao.</p>")
        handle.truncate(11 * 1024 * 1024)  # a sparse file: 11 MB without writing them

    run = build(project, capsys)
    (tmp_path / "other" / "articles").mkdir(parents=True)
    code = main(["add", str(page), "--inputs", str(tmp_path / "other")])
    err = capsys.readouterr().err

    assert run.code == 1
    [line] = [line for line in run.err.splitlines() if "dump.html" in line]
    assert "the page is 11.5 MB, more than the 10 MB a web page may have" in line
    assert code == 1
    assert "more than the 10 MB a web page may have" in err
