"""Bounds on what one input can put into a document: the longest event text, speaker, title.

An article of 5 MB with no full stop is one "sentence"; printed whole it would fill hundreds
of pages of one table cell, and page layout grows much faster than the text. The documents
print at most ``EVENT_CHARS`` of an event (cut at a word with "…"); ``timeline.json``,
``timeline.csv`` and ``timeline.yaml`` keep the full text.
"""

from __future__ import annotations

from typing import Final

__all__ = ["EVENT_CHARS", "NAME_CHARS", "shorten"]

EVENT_CHARS: Final = 1_000
"""The longest event or fact text a document prints: five times a long news sentence."""
NAME_CHARS: Final = 200
"""The longest speaker, title or publisher a document prints."""
_WORD_BACKTRACK: Final = 40
"""How far back from the limit a cut looks for a space, so a word is not cut in half."""


def shorten(text: str, limit: int = EVENT_CHARS) -> str:
    """``text`` when it has at most ``limit`` characters, else its start cut at a word + "…".

    The result never has more than ``limit`` characters (the "…" included).
    """
    if len(text) <= limit:
        return text
    cut = text[: limit - 1]
    space = cut.rfind(" ", len(cut) - _WORD_BACKTRACK)
    if space > 0:
        cut = cut[:space]
    return cut.rstrip(" ,;:-–—") + "…"
