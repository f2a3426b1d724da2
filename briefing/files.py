"""Safe file writes: every output and the timeline file appear whole or not at all.

A leaf module like ``model`` and ``errors``: used by the pipeline and the timeline store.
Temporary files are named ``.<name>.<pid>-<random>.tmp``: one left by a run that was killed
(``kill -9``, a power cut) names a process that is gone, and the next write to that folder
removes it. A file the analyst made read-only is never replaced: the write stops with a
message instead, before anything changed.
"""

from __future__ import annotations

import contextlib
import os
import re
import stat
import sys
import tempfile
import time
from pathlib import Path
from typing import TYPE_CHECKING, Final

from briefing.errors import RenderError

if TYPE_CHECKING:
    from collections.abc import Iterator, Sequence

_RANDOM: Final = re.compile(r"^(?:(\d+)-)?[A-Za-z0-9_]{6,12}$")
"""What ``mkstemp`` puts between our prefix and ``.tmp``, after the process id."""
_UNNAMED_AGE: Final = 600.0
"""Seconds after which a temporary file without a process id counts as left behind."""


def write_atomic(path: Path, data: bytes, *, swept: bool = False) -> None:
    """Write ``data`` to ``path`` through a temporary file renamed into place.

    A reader (or a crash) sees the old file or the new one, never half of one. Raises
    ``RenderError`` naming the file when the folder cannot be written or the disk is full.
    ``swept``: the caller has removed what killed runs left in the folder (``sweep_folder``,
    once for many files: looking at a folder of 50,000 cache entries per write is quadratic).
    """
    with write_all_atomic([(path, data)], swept=swept):
        pass


@contextlib.contextmanager
def write_all_atomic(files: Sequence[tuple[Path, bytes]], *, swept: bool = False) -> Iterator[None]:
    """Stage every file as a temporary file, run the ``with`` body, then rename all into place.

    A full disk or an unwritable folder shows while staging, before any old file is replaced,
    so a group of outputs changes together or not at all; if the body raises, the staged files
    are removed and the old ones stay. Raises ``RenderError`` naming the file that failed.
    """
    for path, _ in files:
        if not swept:
            sweep(path)
    staged: list[tuple[Path, Path]] = []
    try:
        for path, data in files:
            staged.append((_stage(path, data, staged), path))
        yield
        for index, (tmp, path) in enumerate(staged):
            try:
                tmp.replace(path)
            except OSError as error:
                _discard(staged[index:])
                raise _cannot_write(path, error) from error
    except BaseException:
        _discard(staged)
        raise


def _stage(path: Path, data: bytes, staged: list[tuple[Path, Path]]) -> Path:
    """``data`` in a new temporary file next to ``path``, synced to disk."""
    _refuse_read_only(path, staged)
    tmp_name = ""
    try:
        path.parent.mkdir(parents=True, exist_ok=True)
        fd, tmp_name = tempfile.mkstemp(
            dir=path.parent, prefix=f".{path.name}.{os.getpid()}-", suffix=".tmp"
        )
        with os.fdopen(fd, "wb") as handle:
            # mkstemp makes the file private (0600); a briefing is meant to be shared, and a
            # file replaced keeps the permissions it had.
            os.fchmod(handle.fileno(), _mode(path))
            handle.write(data)
            handle.flush()
            os.fsync(handle.fileno())
    except OSError as error:
        if tmp_name:
            _discard([(Path(tmp_name), path)])
        _discard(staged)
        staged.clear()
        raise _cannot_write(path, error) from error
    return Path(tmp_name)


def _refuse_read_only(path: Path, staged: list[tuple[Path, Path]]) -> None:
    """Stop before replacing a file without any write permission: someone made it so.

    Checked on the permission bits, not with ``os.access``, so it holds for root too.
    """
    try:
        mode = path.stat().st_mode
    except OSError:
        return  # no such file yet
    if stat.S_ISREG(mode) and not mode & (stat.S_IWUSR | stat.S_IWGRP | stat.S_IWOTH):
        _discard(staged)
        staged.clear()
        raise RenderError(
            "this file is read-only, so it was not replaced and nothing was written; make it "
            "writable (chmod u+w) if briefing should update it, or build into another folder",
            path=path,
        )


def sweep(path: Path) -> None:
    """Remove the temporary files of ``path`` that a killed run left: those naming a process
    that no longer runs, or (older names, without a process id) older than ten minutes.

    Only ``.<name>.…tmp`` files of this very ``path`` are looked at, so nothing else in the
    folder is ever touched.
    """
    prefix = f".{path.name}."
    try:
        entries = [e for e in os.scandir(path.parent) if e.name.startswith(prefix)]
    except OSError:
        return
    for entry in entries:
        _remove_if_left(entry, entry.name[len(prefix) :].removesuffix(".tmp"))


def sweep_folder(folder: Path) -> None:
    """``sweep`` for every file of ``folder`` at once: one look at the folder."""
    try:
        entries = [e for e in os.scandir(folder) if e.name.startswith(".")]
    except OSError:
        return
    for entry in entries:
        _remove_if_left(entry, entry.name.removesuffix(".tmp").rsplit(".", 1)[-1])


def _remove_if_left(entry: os.DirEntry[str], middle: str) -> None:
    """Remove ``entry`` when it is one of our temporary files (``middle``: what ``mkstemp``
    put between the file's name and ``.tmp``) and the run that made it is gone."""
    match = _RANDOM.match(middle)
    if not entry.name.endswith(".tmp") or match is None:
        return
    pid = int(match.group(1)) if match.group(1) else 0
    with contextlib.suppress(OSError):
        if not entry.is_file(follow_symlinks=False):
            return
        age = time.time() - entry.stat(follow_symlinks=False).st_mtime
        if (not _alive(pid)) if pid else age > _UNNAMED_AGE:
            Path(entry.path).unlink()


def _alive(pid: int) -> bool:
    """Whether a process may still run; unsure counts as alive (never remove its file)."""
    if pid == os.getpid() or sys.platform == "win32":
        return True
    try:
        os.kill(pid, 0)
    except ProcessLookupError:
        return False
    except OSError:
        return True
    return True


def _mode(path: Path) -> int:
    """The permission bits for ``path``: those of the file it replaces, else rw-r--r--."""
    try:
        return path.stat().st_mode & 0o7777
    except OSError:
        return 0o644


def _discard(staged: Sequence[tuple[Path, Path]]) -> None:
    for tmp, _path in staged:
        with contextlib.suppress(OSError):
            tmp.unlink(missing_ok=True)


def _cannot_write(path: Path, error: OSError) -> RenderError:
    reason = error.strerror or str(error)
    return RenderError(
        f"cannot write this file ({reason}); check that the folder exists, is writable "
        "and that the disk has space; the previous files were left as they were",
        path=path,
    )
