"""Reading the pieces a rule matched: numbers, years, months, modifiers, as plain values.

Small pure helpers shared by the rule handlers of every language.
"""

from __future__ import annotations

import re
from typing import Final

from briefing.extract import dates_en as en
from briefing.model import Mod

_MOD_WORDS: Final = (
    (("early", "beginning", "start", "first half", "first part", "early part"), Mod.START),
    (
        ("late", "end", "close", "second half", "latter", "last half", "later part", "final"),
        Mod.END,
    ),
    (("mid", "middle"), Mod.MID),
    (("around", "about", "circa", "approximately", "roughly", "turn of"), Mod.APPROX),
)
_SPACE: Final = re.compile(r"\s+")
_TENS: Final = {
    "ten": 10,
    "twenty": 20,
    "thirty": 30,
    "forty": 40,
    "fifty": 50,
    "sixty": 60,
    "seventy": 70,
    "eighty": 80,
    "ninety": 90,
}
_ONES: Final = {w: n for w, n in en.CARDINALS.items() if n < 10 and w not in ("a", "an")}


def words(text: str | None) -> str:
    """Lower-case text with runs of whitespace made one space ("" for a missing group)."""
    if text is None:
        return ""
    return _SPACE.sub(" ", text).strip().lower()


def mod_of(word: str | None) -> Mod | None:
    """The TIMEX3 modifier a fuzzy word gives: "late" -> END, "around" -> APPROX."""
    w = words(word)
    if not w:
        return None
    for keys, mod in _MOD_WORDS:
        if any(k in w for k in keys):
            return mod
    return None


def number(text: str) -> float | None:
    """The quantity of a number phrase; None for a vague one ("several", "a few")."""
    w = words(text).replace("½", " 1/2").strip()
    if w in en.VAGUE_QUANTITIES:
        return None
    if " or " in w:
        return None
    half = 0.5 if w.endswith(" 1/2") else 0.0
    w = w.removesuffix(" 1/2").replace(",", "")
    if re.fullmatch(r"\d+(?:\.\d+)?", w):
        return float(w) + half
    if w in en.CARDINALS:
        return float(en.CARDINALS[w])
    parts = re.split(r"[- ]", w)
    if len(parts) == 2 and parts[0] in _TENS and parts[1] in _ONES:
        return float(_TENS[parts[0]] + _ONES[parts[1]])
    return None


def year_of(text: str) -> int:
    """A year in figures or spelled out ("nineteen ninety-six" -> 1996)."""
    w = words(text)
    if w.isdigit():
        return int(w)
    parts = re.split(r"[- ]", w)
    tens = _TENS.get(parts[1], 0) if len(parts) > 1 else 0
    ones = _ONES.get(parts[2], 0) if len(parts) > 2 else 0
    return 1900 + tens + ones


def day_of(text: str) -> int:
    """A day of the month from "17", "17th" or "seventeenth"."""
    w = words(text)
    if w in en.ORDINALS:
        return en.ORDINALS[w]
    return int(re.sub(r"\D", "", w))


def month_of(text: str) -> int:
    """A month number from an English name or abbreviation."""
    return en.MONTHS[words(text).rstrip(".")]


def format_quantity(n: float | None) -> str:
    """``3``, ``2.5`` or ``X`` (unknown) as a TIMEX3 duration figure."""
    if n is None:
        return "X"
    return str(int(n)) if n == int(n) else f"{n:g}"
