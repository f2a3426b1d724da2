"""Which language an article is written in, told from its text by CLD2 (``pycld2``).

The date rules are chosen by language, so an article whose front matter does not name one is
detected rather than read as English. CLD2 was chosen over lingua, py3langid and fastText's
small model (``benchmarks/bench_language.py``): as accurate on whole articles, deterministic,
and 20 times faster than the next, so detecting costs a small share of extraction. It must
not import ``briefing.extract`` (a sibling stage).
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from types import MappingProxyType
from typing import TYPE_CHECKING, Final

import pycld2

from briefing.model import Diagnostic, Level

if TYPE_CHECKING:
    from pathlib import Path

__all__ = ["DATE_RULES", "NAMES", "Detection", "detect", "name_of", "settle"]

SAMPLE_CHARS: Final = 20_000
"""Only the start of a very long text is looked at: its language is settled long before."""
_MIN_SHARE: Final = 40
"""Percent of the text the language must cover for the detection to be trusted."""
_CONTROLS: Final = re.compile(r"[\x00-\x08\x0b\x0c\x0e-\x1f\x7f]")
"""CLD2 takes control characters for broken UTF-8 and refuses the whole text."""
_OLD_CODES: Final = {"iw": "he", "jw": "jv", "in": "id", "mo": "ro", "tl": "fil"}
"""CLD2 keeps a few withdrawn ISO 639 codes; the current ones are used everywhere else."""

DATE_RULES: Final = frozenset({"en", "fr", "de", "es", "ru", "uk"})
"""Languages the temporal tagger has rules for (``briefing.extract.lang``); the others are
read with language-neutral rules only (ISO and numeric dates, years). A test keeps this set
equal to the tagger's."""

NAMES: Final = MappingProxyType(
    {
        "ar": "Arabic",
        "de": "German",
        "en": "English",
        "es": "Spanish",
        "fa": "Persian",
        "fr": "French",
        "it": "Italian",
        "ja": "Japanese",
        "nl": "Dutch",
        "pl": "Polish",
        "pt": "Portuguese",
        "ru": "Russian",
        "tr": "Turkish",
        "uk": "Ukrainian",
        "vi": "Vietnamese",
        "zh": "Chinese",
    }
)
"""English names of the languages analysts meet most, for messages."""


@dataclass(frozen=True, slots=True)
class Detection:
    """What the text says about its language."""

    code: str
    """ISO 639-1 code of the main language, "" when the text does not tell."""
    reliable: bool
    """Whether CLD2 trusts its answer and the language covers most of the text."""


UNKNOWN: Final = Detection("", reliable=False)


def name_of(code: str) -> str:
    """ "French (fr)" for messages; the bare code for a language without a listed name."""
    name = NAMES.get(code)
    return f"{name} ({code})" if name else code


def detect(text: str) -> Detection:
    """The language of ``text`` (its first ``SAMPLE_CHARS`` characters).

    Returns ``UNKNOWN`` for a text too short or too mixed to tell, never a guess presented
    as a finding.
    """
    sample = _CONTROLS.sub(" ", text[:SAMPLE_CHARS]).encode("utf-8", errors="replace")
    if not sample.strip():
        return UNKNOWN
    try:
        reliable, _, details = pycld2.detect(sample)
    except pycld2.error:
        return UNKNOWN  # CLD2 refuses a few byte sequences; the text then names no language
    # CLD2 ranks its (up to three) languages by the share of bytes each covers; in a short
    # text two related languages may split the bytes ("Хунта во вторник..." is 53% Serbian,
    # 46% Russian), and the one whose share is better attested (share x score) is the answer.
    _name, code, share, _score = max(details, key=lambda d: d[2] * d[3])
    if code in ("un", "xx") or not code:
        return UNKNOWN
    code = code.split("-")[0].lower()
    code = _OLD_CODES.get(code, code)
    return Detection(code, reliable=bool(reliable) and share >= _MIN_SHARE)


def settle(
    declared: str, text: str, *, path: Path, line: int | None
) -> tuple[str, tuple[Diagnostic, ...]]:
    """The language to read ``text`` with, and what is worth telling the analyst.

    A declared language (front matter, page metadata) is kept, with a warning when the text
    clearly reads as another; otherwise the detected one is used. A text too short to tell is
    read as English, and the note says so.
    """
    found = detect(text)
    if declared:
        if found.reliable and found.code != declared:
            return declared, (
                Diagnostic(
                    level=Level.WARNING,
                    code="language-mismatch",
                    message=(
                        f"'language: {declared}' but the text reads as {name_of(found.code)}; "
                        f"its dates are read with the {name_of(declared)} rules: correct "
                        "'language:' if the text is not in that language"
                    ),
                    path=path,
                    line=line,
                ),
            )
        return declared, ()
    if found.code:
        return found.code, ()
    return "en", (
        Diagnostic(
            level=Level.INFO,
            code="language-undetected",
            message=(
                "the text is too short or too mixed to tell its language; its dates are read "
                "as English: add 'language: xx' to the front matter if it is not"
            ),
            path=path,
            line=line,
        ),
    )
