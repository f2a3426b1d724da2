"""Progress bars and ``--jobs``: shown only on a terminal, same outputs for any number of jobs."""

from __future__ import annotations

import io
import sys
from pathlib import Path

import pytest

from briefing.cli import main

pytestmark = pytest.mark.e2e


class _Terminal(io.StringIO):
    """A stderr that says it is a terminal."""

    def isatty(self) -> bool:
        return True


def _project(tmp_path: Path, count: int) -> Path:
    folder = tmp_path / "project"
    (folder / "articles").mkdir(parents=True)
    for index in range(count):
        (folder / "articles" / f"a{index:02}.md").write_text(
            f"---\npublished: 2024-05-{index % 28 + 1:02}\n---\n"
            f"Rebels attacked post {index} on {index % 28 + 1} May 2024, officials said.\n",
            encoding="utf-8",
        )
    return folder


def test_no_progress_bar_when_stderr_is_not_a_terminal(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    project = _project(tmp_path, 3)

    assert main(["build", "--inputs", str(project), "--out", str(tmp_path / "out")]) == 0

    err = capsys.readouterr().err
    assert "extracting" not in err
    assert "reading" not in err


def test_progress_bars_on_a_terminal_name_each_stage(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    project = _project(tmp_path, 3)
    terminal = _Terminal()
    monkeypatch.setattr(sys, "stderr", terminal)

    assert main(["build", "--inputs", str(project), "--out", str(tmp_path / "out")]) == 0

    shown = terminal.getvalue()
    # tqdm redraws at most ten times a second and clears a finished bar (leave=False), so a
    # quick stage may show only its start; each stage shows its name and total.
    assert "reading:   0%|          | 0/3" in shown
    assert "extracting:   0%|          | 0/3" in shown
    assert "rendering:   0%|          | 0/3" in shown
    assert shown.endswith("3 dated events, 0 not placed, from 3 articles\n")


def test_outputs_are_the_same_with_one_or_two_jobs(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("SOURCE_DATE_EPOCH", "1700000000")
    project = _project(tmp_path, 20)  # enough articles for the pool to start
    outputs = {}
    for jobs in ("1", "2"):
        out = tmp_path / f"out-{jobs}"
        (project / "timeline.yaml").unlink(missing_ok=True)
        args = ["build", "--inputs", str(project), "--out", str(out), "--jobs", jobs]
        assert main(args) == 0
        outputs[jobs] = {path.name: path.read_bytes() for path in sorted(out.iterdir())}
    assert outputs["1"] == outputs["2"]


@pytest.mark.parametrize("value", ["0", "-1", "two"])
def test_jobs_must_be_a_positive_whole_number(
    value: str, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    with pytest.raises(SystemExit) as exited:
        main(["build", "--inputs", str(tmp_path), "--jobs", value])

    assert exited.value.code == 2
    assert "--jobs takes a whole number of 1 or more" in capsys.readouterr().err
