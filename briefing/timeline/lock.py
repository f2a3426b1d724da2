"""One build at a time per project: a lock file created exclusively, taken over when stale.

Two builds writing ``timeline.yaml`` at once would each keep only their own merge. The lock
makes the second fail fast with a message saying what to do; it never waits.
"""

from __future__ import annotations

import contextlib
import errno
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
STARTING_SECONDS = 10.0
"""How long an empty lock counts as one being taken: writing a line takes microseconds."""


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
            if _holder_alive(held, path):
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
        _write(fd, path, mine)
        return
    raise InputError(
        "cannot take the lock: other builds keep starting in this project; try again",
        path=path,
    )


def _write(fd: int, path: Path, mine: str) -> None:
    """Write our process id into the lock just created; on failure remove it and say why.

    A lock left empty (the disk filled up between creating and writing it) would look like
    one being taken right now and block every later build.
    """
    data = mine.encode("utf-8")
    try:
        written = os.write(fd, data)
        if written != len(data):
            raise OSError(errno.ENOSPC, os.strerror(errno.ENOSPC))
    except OSError as error:
        with contextlib.suppress(OSError):
            path.unlink()
        raise InputError(
            f"cannot write the lock file ({error.strerror or error}); free some disk space "
            "(or check the folder's permissions) and try again; nothing was changed",
            path=path,
        ) from error
    finally:
        os.close(fd)


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


def _holder_alive(held: str, path: Path) -> bool:
    """Whether the lock's process may still run; unsure counts as alive (never steal a lock).

    An empty lock is one being written by another build right now, so it counts as held for
    ``STARTING_SECONDS``; one older than that was left by a build that died while taking it
    (or a disk that filled up, before this was handled) and is taken over.
    """
    pid = _pid(held)
    if pid <= 0:
        return _age(path) < STARTING_SECONDS
    if sys.platform == "win32":  # os.kill(pid, 0) would kill on Windows
        return True
    try:
        os.kill(pid, 0)
    except ProcessLookupError:
        return False
    except OSError:  # PermissionError: alive, run by another user
        return True
    return True


def _age(path: Path) -> float:
    """Seconds since the lock file was last written; 0 when it cannot be read (held)."""
    try:
        return time.time() - path.stat().st_mtime
    except OSError:
        return 0.0


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
