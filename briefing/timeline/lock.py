"""One build at a time per project: a lock file created exclusively, taken over when stale.

Two builds writing ``timeline.yaml`` at once would each keep only their own merge. The lock
makes the second fail fast with a message saying what to do; it never waits.
"""

from __future__ import annotations

import contextlib
import os
import sys
import time
from typing import TYPE_CHECKING

from briefing.errors import InputError

if TYPE_CHECKING:
    from collections.abc import Iterator
    from pathlib import Path

LOCK_NAME = ".briefing.lock"
"""The lock file's name inside the project folder."""


@contextlib.contextmanager
def lock(project: Path) -> Iterator[Path]:
    """Hold the project's lock for the duration of the ``with`` block; yields the lock file.

    Raises ``InputError`` when another live process holds it, naming the process, when it
    started and how to remove a lock left behind. A lock whose process is gone (killed build,
    reboot) is taken over silently.
    """
    path = project / LOCK_NAME
    # The clock is read for the human in the error message only; no output depends on it.
    mine = f"{os.getpid()}\n{time.strftime('%Y-%m-%dT%H:%M:%SZ', time.gmtime())}\n"
    _acquire(path, mine)
    try:
        yield path
    finally:
        _release(path, mine)


def _acquire(path: Path, mine: str) -> None:
    for _attempt in range(3):
        try:
            fd = os.open(path, os.O_CREAT | os.O_EXCL | os.O_WRONLY, 0o644)
        except FileExistsError:
            held = _read(path)
            if _holder_alive(held):
                raise _busy(path, held) from None
            # The holder is gone: remove its lock unless someone replaced it meanwhile, retry.
            if _read(path) == held:
                with contextlib.suppress(FileNotFoundError):
                    path.unlink()
            continue
        except OSError as error:
            raise InputError(
                f"cannot create the lock file ({error.strerror or error}); check that the "
                "project folder exists and is writable",
                path=path,
            ) from error
        with os.fdopen(fd, "w", encoding="utf-8") as handle:
            handle.write(mine)
        return
    raise InputError(
        "cannot take the lock: other builds keep starting in this project; try again",
        path=path,
    )


def _release(path: Path, mine: str) -> None:
    """Remove the lock if it is still ours (never another build's)."""
    if _read(path) == mine:
        with contextlib.suppress(FileNotFoundError):
            path.unlink()


def _read(path: Path) -> str:
    try:
        return path.read_text(encoding="utf-8", errors="replace")
    except FileNotFoundError:
        return ""
    except OSError as error:
        raise InputError(
            f"cannot read the lock file ({error.strerror or error}); delete it if no build is "
            "running",
            path=path,
        ) from error


def _pid(held: str) -> int:
    """The process id written in a lock; 0 when the lock is empty or garbled."""
    first = held.split("\n", 1)[0].strip()
    return int(first) if first.isdigit() else 0


def _holder_alive(held: str) -> bool:
    """Whether the lock's process may still run; unsure counts as alive (never steal a lock).

    An empty lock is one being written by another build right now, so it counts as held.
    """
    pid = _pid(held)
    if pid <= 0 or sys.platform == "win32":  # os.kill(pid, 0) would kill on Windows
        return True
    try:
        os.kill(pid, 0)
    except ProcessLookupError:
        return False
    except OSError:  # PermissionError: alive, run by another user
        return True
    return True


def _busy(path: Path, held: str) -> InputError:
    pid = _pid(held)
    parts = held.split("\n")
    since = parts[1].strip() if len(parts) > 1 and parts[1].strip() else "an unknown time"
    who = f"process {pid}, started {since}" if pid else "a build that is starting"
    return InputError(
        f"another build is running in this project ({who}); wait for it to finish. "
        f"If none is running (a killed build, a restart), delete {path} and try again",
        path=path,
    )
