"""``briefing check`` lists what needs the analyst (with file and line); ``status`` counts."""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from briefing.cli import main

pytestmark = pytest.mark.e2e

FIRST = "2025-08-31-osint-ukraine-archive-wagner-failures-in-mali"
SECOND = "daily-mail-putin-wagner-mali-attacks"


@pytest.fixture
def built(sample_project: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> Path:
    assert (
        main(
            [
                "build",
                "--inputs",
                str(sample_project),
                "--out",
                str(tmp_path / "out"),
                "--format",
                "json",
            ]
        )
        == 0
    )
    capsys.readouterr()
    return sample_project


def test_check_lists_articles_without_a_publication_date_with_file_and_line(
    built: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    code = main(["check", "--inputs", str(built)])
    out = capsys.readouterr().out
    assert code == 0  # a warning is not an error
    assert f"{built / 'articles' / SECOND}.md:1: warning:" in out
    assert "[no-published-date]" in out


def test_check_lists_stale_events_at_their_line_in_the_timeline(
    built: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    # The analyst reviewed every entry; entries never touched would just leave the file when
    # their article goes (issue 14), with nothing to report.
    timeline = built / "timeline.yaml"
    reviewed = timeline.read_text(encoding="utf-8").replace("status: new", "status: reviewed")
    timeline.write_text(reviewed, encoding="utf-8")
    (built / "articles" / f"{FIRST}.md").unlink()
    code = main(["check", "--inputs", str(built)])
    out = capsys.readouterr().out
    lines = (built / "timeline.yaml").read_text(encoding="utf-8").splitlines()
    stale = re.findall(
        rf"^{re.escape(str(built / 'timeline.yaml'))}:(\d+): warning: event '([^']+)' is stale",
        out,
        re.M,
    )
    assert stale
    for line, event_id in stale:
        assert lines[int(line) - 1] == f"  - id: {event_id}"
    assert code == 0


def test_strict_makes_warnings_errors(built: Path, capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["check", "--inputs", str(built), "--strict"]) == 1


def test_check_exits_1_on_errors_naming_the_file_and_line(
    built: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    broken = built / "articles" / "broken.md"
    broken.write_text("---\ntitle: a: b: c\npublished: 2024-01-01\n---\nText.\n", encoding="utf-8")
    code = main(["check", "--inputs", str(built)])
    out = capsys.readouterr().out
    assert code == 1
    assert f"{broken}:2: error: malformed front matter" in out


def test_status_counts_events_by_status_and_new_since_the_last_build(
    built: Path,
    tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch,
    capsys: pytest.CaptureFixture[str],
) -> None:
    timeline = built / "timeline.yaml"
    text = timeline.read_text(encoding="utf-8")
    timeline.write_text(text.replace("status: new", "status: rejected", 1), encoding="utf-8")
    assert main(["status", "--inputs", str(built)]) == 0
    out = capsys.readouterr().out
    assert "articles: 2\n" in out
    assert "  rejected: 1\n" in out
    assert re.search(r"^  new: \d+$", out, re.M)
    assert "new since the last build or update: 0\n" in out

    note = tmp_path / "note.txt"
    note.write_text(
        "The convoy reached Anefis on 7 October 2024.\nIt left for Kidal on 9 October 2024.\n",
        encoding="utf-8",
    )
    assert main(["add", str(note), "--inputs", str(built), "--published", "2024-10-10"]) == 0
    capsys.readouterr()
    assert main(["status", "--inputs", str(built)]) == 0
    out = capsys.readouterr().out
    assert "articles: 3\n" in out
    assert "new since the last build or update: 2\n" in out
