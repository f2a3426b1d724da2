"""Zip archives (``.docx``) checked before any library inflates them: no zip bombs.

A Word document is a zip archive, and a 3 MB one can inflate to gigabytes. python-docx reads
every part whole into memory, so the sizes the archive declares are checked first, from its
central directory alone. Python's ``zipfile`` never inflates a member beyond its declared
size (it stops there and reports a bad CRC), so a lying archive cannot get past the check
either. A leaf module: used by the importers and by the Word writer (a project's own
``reference.docx`` may come from someone else too).
"""

from __future__ import annotations

import zipfile
from dataclasses import dataclass
from typing import TYPE_CHECKING, Final

from briefing.errors import InputError

if TYPE_CHECKING:
    from pathlib import Path

__all__ = ["DEFAULT_ZIP_LIMITS", "ZipLimits", "check_zip"]

_MB: Final = 1_000_000


@dataclass(frozen=True, slots=True, kw_only=True)
class ZipLimits:
    """The largest archive accepted, by what it declares once inflated."""

    members: int = 2_000
    """Parts in the archive: a long Word report with many images has a few hundred."""
    member_bytes: int = 64 * _MB
    """One part inflated: the text of a 2,000-page report is about 15 MB of XML."""
    total_bytes: int = 160 * _MB
    """All parts inflated together (images included)."""


DEFAULT_ZIP_LIMITS: Final = ZipLimits()


def check_zip(path: Path, limits: ZipLimits = DEFAULT_ZIP_LIMITS) -> None:
    """Raise ``InputError`` naming ``path`` when its archive would inflate beyond ``limits``.

    Only the central directory is read. A file that is not a zip archive at all passes: the
    reader that opens it next reports that in its own words.
    """
    try:
        with zipfile.ZipFile(path) as archive:
            members = archive.infolist()
    except (zipfile.BadZipFile, OSError, ValueError, EOFError):
        return
    if len(members) > limits.members:
        raise InputError(
            f"the archive holds {len(members):,} parts, more than the {limits.members:,} a "
            "document may have (a zip bomb?); it was not opened",
            path=path,
        )
    total = 0
    for member in members:
        total += member.file_size
        if member.file_size > limits.member_bytes:
            raise _too_large(path, f"its part {member.filename}", member, limits.member_bytes)
    if total > limits.total_bytes:
        raise InputError(
            f"the archive would inflate to {total / _MB:,.0f} MB, more than the "
            f"{limits.total_bytes / _MB:,.0f} MB a document may have (a zip bomb?); it was "
            "not opened. Save the text as .txt and add that instead",
            path=path,
        )


def _too_large(path: Path, what: str, member: zipfile.ZipInfo, limit: int) -> InputError:
    ratio = member.file_size / max(member.compress_size, 1)
    return InputError(
        f"{what} would inflate to {member.file_size / _MB:,.0f} MB ({ratio:,.0f} times its "
        f"packed size), more than the {limit / _MB:,.0f} MB a document part may have (a zip "
        "bomb?); it was not opened. Save the text as .txt and add that instead",
        path=path,
    )
