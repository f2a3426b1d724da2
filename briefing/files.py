"""Safe file writes: every output and the timeline file appear whole or not at all.

A leaf module like ``model`` and ``errors``: used by the pipeline and the timeline store.
"""

from __future__ import annotations

import contextlib
import os
import tempfile
from pathlib import Path
from typing import TYPE_CHECKING

from briefing.errors import RenderError

if TYPE_CHECKING:
    from collections.abc import Iterator, Sequence


def write_atomic(path: Path, data: bytes) -> None:
    """Write ``data`` to ``path`` through a temporary file renamed into place.

    A reader (or a crash) sees the old file or the new one, never half of one. Raises
    ``RenderError`` naming the file when the folder cannot be written or the disk is full.
    """
    with write_all_atomic([(path, data)]):
        pass


@contextlib.contextmanager
def write_all_atomic(files: Sequence[tuple[Path, bytes]]) -> Iterator[None]:
    """Stage every file as a temporary file, run the ``with`` body, then rename all into place.

    A full disk or an unwritable folder shows while staging, before any old file is replaced,
    so a group of outputs changes together or not at all; if the body raises, the staged files
    are removed and the old ones stay. Raises ``RenderError`` naming the file that failed.
    """
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
    tmp_name = ""
    try:
        path.parent.mkdir(parents=True, exist_ok=True)
        fd, tmp_name = tempfile.mkstemp(dir=path.parent, prefix=f".{path.name}.", suffix=".tmp")
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
