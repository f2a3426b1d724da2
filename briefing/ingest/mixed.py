"""Files that mix encodings: UTF-8 in some lines, a legacy code page in others.

Pasting from one program into a file saved by another, or joining two files, gives a file
whose first half is UTF-8 and whose second half is Windows-1252 (or the reverse). Read as
one encoding, half of it comes out as "Ã©" or as replacement characters. Read line by line,
each line in the encoding it is written in, all of it comes out right, and the analyst is
told the line where the encoding changes so they can save the file as UTF-8 throughout.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Final

import charset_normalizer

__all__ = ["Mixed", "decode_mixed"]


@dataclass(frozen=True, slots=True, kw_only=True)
class Mixed:
    """A file read line by line in two encodings."""

    text: str
    encoding: str
    """The legacy encoding of the lines that are not UTF-8."""
    line: int
    """The first file line (1-based) whose encoding differs from the line before it that has
    non-ASCII text."""


def decode_mixed(data: bytes) -> Mixed | None:
    """The text of ``data`` when some lines are UTF-8 with non-ASCII text and others are not
    UTF-8 at all; None when the file is in one encoding (or no legacy encoding fits)."""
    lines = data.split(b"\n")
    kinds: list[str] = []  # "ascii", "utf-8" or "legacy", per line
    for line in lines:
        if line.isascii():
            kinds.append("ascii")
            continue
        try:
            line.decode("utf-8")
        except UnicodeDecodeError:
            kinds.append("legacy")
        else:
            kinds.append("utf-8")
    if "utf-8" not in kinds or "legacy" not in kinds:
        return None
    legacy = b"\n".join(line for line, kind in zip(lines, kinds, strict=True) if kind == "legacy")
    utf8 = b"\n".join(line for line, kind in zip(lines, kinds, strict=True) if kind == "utf-8")
    encoding = _legacy_encoding(legacy, utf8.decode("utf-8"))
    decoded: list[str] = []
    for line, kind in zip(lines, kinds, strict=True):
        try:
            decoded.append(line.decode(encoding if kind == "legacy" else "utf-8"))
        except (UnicodeDecodeError, LookupError):
            return None
    return Mixed(text="\n".join(decoded), encoding=encoding, line=_change(kinds))


_COMMON: Final = ("cp1252", "iso8859_15", "latin_1", "cp1251", "koi8_r", "cp1250", "iso8859_2")
"""Legacy encodings by how often news text is saved in them, to break a detector's ties."""


def _legacy_encoding(legacy: bytes, utf8_text: str) -> str:
    """The encoding of the legacy lines: among the detector's least chaotic guesses, the one
    whose letters the file's UTF-8 lines also use (the same language), then the commonest.

    A line or two is too little for a detector alone: "ministère" in Windows-1252 reads as
    well in Windows-1250 ("ministčre"), but the UTF-8 half of the file writes "è", not "č".
    """
    matches = list(charset_normalizer.from_bytes(legacy))
    if not matches:
        return "cp1252"
    calm = min(match.chaos for match in matches)
    seen = {char for char in utf8_text if not char.isascii()}

    def rank(match: charset_normalizer.CharsetMatch) -> tuple[int, int]:
        text = str(match)
        shared = sum(1 for char in text if not char.isascii() and char in seen)
        strange = sum(1 for char in text if not char.isascii() and char not in seen)
        common = _COMMON.index(match.encoding) if match.encoding in _COMMON else len(_COMMON)
        return (strange - shared, common)

    return min((m for m in matches if m.chaos <= calm + 0.01), key=rank).encoding


def _change(kinds: list[str]) -> int:
    """The 1-based number of the first non-ASCII line in another encoding than the one before."""
    previous = ""
    for number, kind in enumerate(kinds, start=1):
        if kind == "ascii":
            continue
        if previous and kind != previous:
            return number
        previous = kind
    return 1
