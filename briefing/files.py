"""Safe file writes: every output and the timeline file appear whole or not at all.

A leaf module like ``model`` and ``errors``: used by the pipeline and the timeline store.
"""

from __future__ import annotations

import contextlib
import os
import tempfile
from pathlib import Path

from briefing.errors import RenderError


def write_atomic(path: Path, data: bytes) -> None:
    """Write ``data`` to ``path`` through a temporary file renamed into place.

    A reader (or a crash) sees the old file or the new one, never half of one. Raises
    ``RenderError`` naming the file when the folder cannot be written or the disk is full.
    """
    tmp_name = ""
    try:
        path.parent.mkdir(parents=True, exist_ok=True)
        fd, tmp_name = tempfile.mkstemp(dir=path.parent, prefix=f".{path.name}.", suffix=".tmp")
        with os.fdopen(fd, "wb") as handle:
            handle.write(data)
            handle.flush()
            os.fsync(handle.fileno())
        Path(tmp_name).replace(path)
    except OSError as error:
        if tmp_name:
            with contextlib.suppress(OSError):
                Path(tmp_name).unlink()
        reason = error.strerror or str(error)
        raise RenderError(
            f"cannot write this file ({reason}); check that the folder exists, is writable "
            "and that the disk has space",
            path=path,
        ) from error
