"""``briefing build`` fed bad input: the whole command's message, exit code and outputs.

Each case says what the analyst sees (file, line where there is one, what to do), the exit
status (0 with warnings when the briefing can still be made, 1 when a file was left out or
nothing could be written) and that no output is half written: after a failure the previous
outputs and timeline are byte for byte as they were, and no temporary file is left behind.
The reader-level details (which encodings, which control characters) are unit-tested in
``tests/unit/ingest``; here the point is what the command does with them.
"""

from __future__ import annotations

import codecs
import errno
import json
import os
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import docx
import pytest
from pypdf import PdfReader

from briefing.cli import main
from briefing.ingest.text import MAX_BYTES

pytestmark = pytest.mark.e2e

GOOD = (
    "---\ntitle: Kidal attack\npublisher: Test Wire\npublished: 2024-05-04\n---\n"
    "Rebels attacked the town of Kidal on 3 May 2024, officials said.\n"
)
"""An article that always builds, so each case shows what happens to the rest of a project."""

NEW = (
    "---\ntitle: Gao\npublisher: Test Wire\npublished: 2024-06-02\n---\n"
    "The army entered Gao on 1 June 2024, the ministry said.\n"
)
"""A second article, added before a failing build so the timeline would have changed."""


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
    args = ["build", "--inputs", str(project), "--out", str(project / "out"), *extra]
    code = main(args)
    captured = capsys.readouterr()
    return Run(code, captured.out, captured.err)


def check(project: Path, capsys: pytest.CaptureFixture[str]) -> Run:
    code = main(["check", "--inputs", str(project)])
    captured = capsys.readouterr()
    return Run(code, captured.out, captured.err)


def add(project: Path, name: str, content: str | bytes) -> Path:
    path = project / "articles" / name
    if isinstance(content, bytes):
        path.write_bytes(content)
    else:
        path.write_text(content, encoding="utf-8")
    return path


def timeline(project: Path) -> dict[str, Any]:
    data: dict[str, Any] = json.loads((project / "out" / "timeline.json").read_text("utf-8"))
    return data


def docx_text(path: Path) -> str:
    document = docx.Document(str(path))
    cells = [cell.text for table in document.tables for row in table.rows for cell in row.cells]
    return "\n".join([paragraph.text for paragraph in document.paragraphs] + cells)


def pdf_text(path: Path) -> str:
    return " ".join(page.extract_text() for page in PdfReader(path).pages)


def state(project: Path) -> dict[str, bytes]:
    """Every file of the project (outputs, timeline, its sidecar), by relative path."""
    return {
        str(path.relative_to(project)): path.read_bytes()
        for path in sorted(project.rglob("*"))
        if path.is_file() and "articles" not in path.parts and "templates" not in path.parts
    }


def leftovers(root: Path) -> list[str]:
    """Temporary files and locks a run must never leave behind."""
    return sorted(
        str(path)
        for path in root.rglob(".*")
        if path.name.endswith(".tmp") or path.name == ".briefing.lock"
    )


def lines_about(err: str, name: str) -> list[str]:
    return [line for line in err.splitlines() if name in line]


def assert_outputs_open(project: Path) -> None:
    out = project / "out"
    assert pdf_text(out / "briefing.pdf")
    assert docx_text(out / "briefing.docx")
    assert timeline(project)["schema"] == 1


# ---------------------------------------------------------------------------------------------
# Encodings: detected, reported, and the text printed right


RUSSIAN = "Президент заявил, что войска покинут Мали 17 сентября 2024 года."
FRENCH = "Le président a déclaré le 17 septembre 2024 que les troupes quitteraient le Mali."


@pytest.mark.parametrize(
    ("text", "codec", "language"),
    [(RUSSIAN, "cp1251", "ru"), (FRENCH, "latin-1", "fr")],
    ids=["cp1251-cyrillic", "latin1-french"],
)
def test_legacy_encoding_builds_with_a_warning_naming_the_file(
    project: Path, capsys: pytest.CaptureFixture[str], text: str, codec: str, language: str
) -> None:
    content = f"---\nlanguage: {language}\npublished: 2024-09-18\n---\n{text}\n"
    add(project, "legacy.md", content.encode(codec))

    run = build(project, capsys)

    assert run.code == 0
    [line] = lines_about(run.err, "legacy.md")
    assert "warning: not UTF-8" in line
    assert "save the file as UTF-8" in line
    assert_outputs_open(project)
    assert text in [event["text"] for event in timeline(project)["events"]]
    assert text in docx_text(project / "out" / "briefing.docx")


def test_utf16_with_bom_builds_and_check_reports_the_encoding(
    project: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    content = f"---\nlanguage: ru\npublished: 2024-09-18\n---\n{RUSSIAN}\n"
    add(project, "utf16.md", codecs.BOM_UTF16_LE + content.encode("utf-16-le"))

    run = build(project, capsys)

    assert run.code == 0
    assert lines_about(run.err, "utf16.md") == []  # an unambiguous encoding is no warning
    assert RUSSIAN in docx_text(project / "out" / "briefing.docx")
    [line] = lines_about(check(project, capsys).out, "utf16.md")
    assert "read as UTF-16 (byte-order mark)" in line


# ---------------------------------------------------------------------------------------------
# Files that are not articles


def test_binary_file_is_left_out_with_an_error_and_the_rest_is_built(
    project: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    add(project, "scan.md", b"%PDF-1.4\n" + bytes(range(256)) * 64)

    run = build(project, capsys)

    assert run.code == 1  # a file the analyst gave is missing from the briefing
    [line] = lines_about(run.err, "scan.md")
    assert "error: this is not a text file" in line
    assert "export the article as .md or .txt" in line
    assert_outputs_open(project)
    assert [a["id"] for a in timeline(project)["articles"]] == ["good"]


def test_empty_file_is_a_warning_and_the_build_succeeds(
    project: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    add(project, "empty.md", b"")

    run = build(project, capsys)

    assert run.code == 0
    [line] = lines_about(run.err, "empty.md")
    assert "warning: the article is empty; it is skipped" in line
    assert_outputs_open(project)


def test_article_that_is_all_markup_is_a_warning_and_the_build_succeeds(
    project: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    markup = '<div class="story">\n<p></p>\n<img src="photo.jpg">\n</div>\n![](photo.png)\n'
    add(project, "markup.md", "---\npublished: 2024-05-04\n---\n" + markup * 50)

    run = build(project, capsys)

    assert run.code == 0
    [line] = lines_about(run.err, "markup.md")
    assert "has no text left after removing furniture" in line
    assert_outputs_open(project)


def test_fifty_megabyte_file_is_refused_unread_and_the_rest_is_built(
    project: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    sentence = b"On 3 May 2024 the rebels attacked again, officials said. "
    path = project / "articles" / "export.md"
    with path.open("wb") as handle:
        for _ in range(50_000_000 // (len(sentence) * 1000) + 1):
            handle.write(sentence * 1000)
    assert path.stat().st_size > 50_000_000 > MAX_BYTES

    run = build(project, capsys)

    assert run.code == 1
    [line] = lines_about(run.err, "export.md")
    assert "error: the file is 50.0 MB, more than the 5 MB an article may have" in line
    assert "split it into one file per article" in line
    assert [a["id"] for a in timeline(project)["articles"]] == ["good"]


def test_line_of_twenty_thousand_characters_is_cut_in_the_documents_and_whole_in_the_data(
    project: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    filler = " ".join(f"barrel{i}" for i in range(2500))
    sentence = f"On 5 May 2024 the well leaked {filler} before it was capped."
    assert len(sentence) > 20_000
    add(project, "long.md", f"---\npublished: 2024-05-06\n---\n{sentence}\n")

    run = build(project, capsys, "--format", "pdf,docx,md,json")

    assert run.code == 0, run.err
    out = project / "out"
    for text in (
        docx_text(out / "briefing.docx"),
        pdf_text(out / "briefing.pdf"),
        (out / "briefing.md").read_text("utf-8"),
    ):
        words = text.split()
        assert "barrel100" in words
        assert "barrel150" not in words
        assert "capped." not in words
        assert "…" in text
    [event] = [e for e in timeline(project)["events"] if "barrel" in e["text"]]
    assert event["text"] == sentence  # the data keeps every word


def test_control_characters_and_nuls_are_removed_with_a_warning(
    project: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    text = "Troops\x00 left\x07 Menaka on 2 May 2024,\x1b officials\x0c said.\r\n"
    add(project, "controls.md", "---\npublished: 2024-05-04\n---\n" + text)

    run = build(project, capsys)

    assert run.code == 0
    [line] = lines_about(run.err, "controls.md")
    assert "warning: removed 4 control character(s)" in line
    texts = [event["text"] for event in timeline(project)["events"]]
    assert "Troops left Menaka on 2 May 2024, officials said." in texts
    assert "Troops left Menaka" in docx_text(project / "out" / "briefing.docx")


# ---------------------------------------------------------------------------------------------
# Front matter and dates


def test_invalid_front_matter_names_file_and_line_and_the_rest_is_built(
    project: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    add(
        project,
        "broken.md",
        "---\ntitle: Kidal\npublisher: [Test Wire\npublished: 2024-05-04\n---\nText.\n",
    )

    run = build(project, capsys)

    assert run.code == 1
    [line] = lines_about(run.err, "broken.md")
    assert line.startswith(f"{project / 'articles' / 'broken.md'}:")
    assert ": error: malformed front matter" in line
    assert "write one 'key: value' per line" in line
    assert_outputs_open(project)


@pytest.mark.parametrize("published", ["2024-02-31", "2024-13-01"])
def test_impossible_publication_date_names_the_line(
    project: Path, capsys: pytest.CaptureFixture[str], published: str
) -> None:
    add(project, "bad-date.md", f"---\ntitle: T\npublished: {published}\n---\nText.\n")

    run = build(project, capsys)

    assert run.code == 1
    [line] = lines_about(run.err, "bad-date.md")
    assert "bad-date.md:3: error: " in line
    assert "YYYY-MM-DD" in line


def test_impossible_dates_in_the_text_never_become_a_wrong_day(
    project: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    add(
        project,
        "impossible.md",
        "---\npublished: 2024-05-04\n---\n"
        "The truce was signed on 31 February 2024, the rebels claimed.\n\n"
        "A report dated 2024-13-01 was circulated by the ministry.\n",
    )

    run = build(project, capsys)

    assert run.code == 0
    data = timeline(project)
    for event in data["events"] + data["unplaced"]:
        date = event["date"]
        if "February" in event["text"]:
            # No 31 February and no roll-over to 2 March: at most the month is kept.
            assert date["start"] in (None, "2024-02-01"), date
            assert date["precision"] != "day", date
        if "ministry" in event["text"]:
            assert not (date["value"] or "").startswith("2024-13"), date
            assert date["start"] != "2025-01-01", date
    assert_outputs_open(project)


def test_publication_date_before_1900_is_a_warning_with_its_line(
    project: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    add(project, "old.md", "---\ntitle: T\npublished: 1850-03-01\n---\nThe fort fell in 1849.\n")

    run = build(project, capsys)

    assert run.code == 0
    [line] = lines_about(run.err, "old.md")
    assert "old.md:3: warning: publication date 1850-03-01 looks wrong" in line


def test_dates_centuries_apart_build_a_chronology_and_figure(
    project: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    add(
        project,
        "history.md",
        "---\npublished: 2024-05-04\n---\n"
        "The Normans invaded England in 1066, the museum notes.\n\n"
        "The fort was built in 1850 by the colonial army.\n\n"
        "The lease runs until 2150, the company said.\n",
    )

    run = build(project, capsys)

    assert run.code == 0, run.err
    labels = [event["date"]["label"] for event in timeline(project)["events"]]
    assert labels.index("1066") < labels.index("1850") < labels.index("3 May 2024")
    assert "1066" in pdf_text(project / "out" / "briefing.pdf")


def test_far_future_day_is_not_given_the_articles_year(
    project: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    add(
        project,
        "future.md",
        "---\npublished: 2024-05-04\n---\nThe lease runs until 5 June 2150, the company said.\n",
    )

    assert build(project, capsys).code == 0
    data = timeline(project)
    [event] = [e for e in data["events"] + data["unplaced"] if "lease" in e["text"]]
    assert event["date"]["start"] is None
    assert "outside the years" in event["date"]["reason"]


# ---------------------------------------------------------------------------------------------
# Failures: nothing written, nothing half written


@pytest.fixture
def built(project: Path, capsys: pytest.CaptureFixture[str]) -> dict[str, bytes]:
    """A first good build; then a new article, so a second build would change every file."""
    assert build(project, capsys).code == 0
    before = state(project)
    assert {"out/briefing.pdf", "out/briefing.docx", "out/timeline.json", "timeline.yaml"} <= set(
        before
    )
    add(project, "new.md", NEW)
    return before


@pytest.mark.parametrize(
    ("template", "where", "what"),
    [
        ("# {{ title }}\n{% for event in events %}\n- {{ event.text }}\n", 3, "endfor"),
        ("# {{ title }}\n\n{{ no_such_variable }}\n", 3, "no_such_variable"),
        ("# {{ title }}\n\n{{ events | no_such_filter }}\n", 3, "no_such_filter"),
    ],
    ids=["syntax", "undefined", "unknown-filter"],
)
def test_broken_template_names_file_and_line_and_changes_nothing(
    project: Path,
    capsys: pytest.CaptureFixture[str],
    built: dict[str, bytes],
    template: str,
    where: int,
    what: str,
) -> None:
    (project / "templates").mkdir()
    broken = project / "templates" / "briefing.md.j2"
    broken.write_text(template, encoding="utf-8")

    run = build(project, capsys)

    assert run.code == 1
    [line] = run.err.splitlines()
    assert line.startswith(f"briefing: error: {broken}:{where}: ")
    assert what in line
    assert state(project) == built
    assert leftovers(project) == []


def test_output_folder_that_cannot_be_created_changes_nothing(
    project: Path, capsys: pytest.CaptureFixture[str], built: dict[str, bytes]
) -> None:
    # Tests run as root, where chmod does not stop a write: a file in place of a folder does.
    (project / "blocker").write_text("a file, not a folder", encoding="utf-8")
    out = project / "blocker" / "out"

    code = main(["build", "--inputs", str(project), "--out", str(out)])
    err = capsys.readouterr().err

    assert code == 1
    [line] = err.splitlines()
    assert line.startswith(f"briefing: error: {out / 'briefing.pdf'}: cannot write this file")
    assert "is writable" in line
    assert state(project) == {**built, "blocker": b"a file, not a folder"}
    assert leftovers(project) == []


def test_output_folder_without_write_permission_changes_nothing(
    project: Path,
    capsys: pytest.CaptureFixture[str],
    built: dict[str, bytes],
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    import tempfile

    real = tempfile.mkstemp
    out = project / "out"

    def refuse(*args: Any, **kwargs: Any) -> tuple[int, str]:
        if Path(str(kwargs.get("dir"))) == out:
            raise PermissionError(errno.EACCES, os.strerror(errno.EACCES))
        return real(*args, **kwargs)

    monkeypatch.setattr(tempfile, "mkstemp", refuse)

    run = build(project, capsys)

    assert run.code == 1
    [line] = run.err.splitlines()
    assert f"{out / 'briefing.pdf'}: cannot write this file (Permission denied)" in line
    assert state(project) == built
    assert leftovers(project) == []


@pytest.mark.parametrize("failing_write", [1, 2, 3])
def test_disk_full_while_writing_changes_nothing_and_leaves_no_temporary_file(
    project: Path,
    capsys: pytest.CaptureFixture[str],
    built: dict[str, bytes],
    monkeypatch: pytest.MonkeyPatch,
    failing_write: int,
) -> None:
    """The disk fills up at the first, second or third output file."""
    real = os.fsync
    calls = {"count": 0}

    def fsync(fd: int) -> None:
        calls["count"] += 1
        if calls["count"] == failing_write:
            raise OSError(errno.ENOSPC, os.strerror(errno.ENOSPC))
        real(fd)

    monkeypatch.setattr(os, "fsync", fsync)

    run = build(project, capsys)

    assert run.code == 1
    [line] = run.err.splitlines()
    assert "cannot write this file (No space left on device)" in line
    assert "the disk has space" in line
    assert state(project) == built
    assert leftovers(project) == []
    monkeypatch.undo()
    assert build(project, capsys).code == 0  # once there is room, the same build succeeds
    assert state(project) != built


def test_outputs_are_readable_by_others_and_keep_the_mode_they_had(
    project: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    assert build(project, capsys).code == 0
    pdf = project / "out" / "briefing.pdf"
    assert pdf.stat().st_mode & 0o777 == 0o644
    pdf.chmod(0o640)

    add(project, "new.md", NEW)
    assert build(project, capsys).code == 0

    assert pdf.stat().st_mode & 0o777 == 0o640
    assert (project / "out" / "briefing.docx").stat().st_mode & 0o777 == 0o644
