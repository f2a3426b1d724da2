"""A project folder made by someone else, or left in a bad state: what ``briefing`` does.

Each case is one of the faults of issue 12 (hostile input and faults): the command's whole
message and exit status, and what is (not) written. Reader-level details are unit-tested.
"""

from __future__ import annotations

import errno
import importlib
import os
import time
from dataclasses import dataclass
from pathlib import Path

import pytest

from briefing.cli import main

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
