"""Decades and centuries in French, Spanish, German, Russian and Ukrainian: "les années 90",
"la década de los noventa", "in den 1990er Jahren", "в 1990-е годы", "au XXe siècle",
"el siglo XX", "im 20. Jahrhundert", "у XX столітті".

Values follow TIMEX3: ``199`` for the 1990s, ``19`` for the twentieth century. A two-figure
decade ("les années 20") is the latest one that is not after the publication.
"""
# ruff: noqa: RUF001, RUF002, ARG001  (Cyrillic words are meant; handlers share one signature)

from __future__ import annotations

from typing import TYPE_CHECKING, Final

from briefing.extract.dates_grammar import alt
from briefing.extract.dates_norm import Context, Norm, explicit
from briefing.extract.dates_values import words
from briefing.extract.lang import families as fam
from briefing.model import Precision, TimexType

if TYPE_CHECKING:
    import re

    from briefing.extract.dates_rules import Rule

_DATE = TimexType.DATE
_NONE: Final[tuple[Norm, ...]] = ()
_FIGURES: Final = r"(?P<c>1[0-9]|20)?(?P<d>\d)0"
"""A decade in figures: "1990", "90", "2000"."""
_DECADE_WORDS: Final = {
    "fr": {"vingt": 2, "trente": 3, "quarante": 4, "cinquante": 5, "soixante": 6}
    | {"soixante-dix": 7, "quatre-vingt": 8, "quatre-vingts": 8, "quatre-vingt-dix": 9},
    "es": {"veinte": 2, "treinta": 3, "cuarenta": 4, "cincuenta": 5, "sesenta": 6}
    | {"setenta": 7, "ochenta": 8, "noventa": 9},
}
"""Decades written in words ("les années soixante", "los noventa")."""
_DECADES: Final = {
    "fr": rf"(?:(?:les|des|aux) )?années (?:{_FIGURES}(?!\d)|(?P<w>{{words}}))(?!\w)",
    "es": (
        rf"(?:(?:los|la) )?(?:años|década de(?: los)?) (?:{_FIGURES}(?!\d)|(?P<w>{{words}}))"
        r"(?!\w)"
    ),
    "de": rf"(?:(?:den|die|der) )?{_FIGURES}er(?:[- ]?Jahren?|[- ]?Jahre)?(?!\w)(?P<w>)",
    "ru": rf"{_FIGURES}-(?:е|х|ые|ых|ми)(?: (?:годы|годах|годов|гг\.))?(?!\w)(?P<w>)",
    "uk": rf"{_FIGURES}-(?:ті|х|і|тих)(?: (?:роки|роках|років|рр\.))?(?!\w)(?P<w>)",
}
_ROMAN: Final = r"(?P<r>X{0,2}(?:IX|IV|V?I{0,3}))"
_CENTURIES: Final = {
    "fr": rf"(?:le )?(?:{_ROMAN}|(?P<n>\d{{1,2}}))(?:e|ème|ᵉ) siècle(?!\w)",
    "es": rf"(?:el )?siglo (?:{_ROMAN}|(?P<n>\d{{1,2}}))(?!\w)",
    "de": r"(?P<n>\d{1,2})\. Jahrhunderts?(?!\w)(?P<r>)",
    "ru": rf"(?:{_ROMAN}|(?P<n>\d{{1,2}})-?(?:м|й|го)?) (?:век|века|веке|веком|в\.)(?!\w)",
    "uk": rf"(?:{_ROMAN}|(?P<n>\d{{1,2}})-?(?:му|й|го)?) (?:століття|столітті|сторіччя)(?!\w)",
}
_ROMAN_VALUES: Final = {"I": 1, "V": 5, "X": 10}
_TENS: Final = {word: tens for table in _DECADE_WORDS.values() for word, tens in table.items()}


def _numeral(n: int) -> str:
    tens, units = divmod(n, 10)
    ones = ("", "i", "ii", "iii", "iv", "v", "vi", "vii", "viii", "ix")[units]
    return "x" * tens + ones


_ROMAN_STARTS: Final = frozenset(
    _numeral(n) + suffix for n in range(1, 23) for suffix in ("", "e", "ème", "ᵉ")
)
"""A century written in Roman numerals starts with the numeral ("XXe siècle", "XX век"),
a token the word index does not otherwise know."""


def rules(code: str) -> tuple[Rule, ...]:
    """The decade and century rules of a language (``()`` when it has none)."""
    if code not in _DECADES:
        return ()
    decades = _DECADES[code]
    if code in _DECADE_WORDS:
        decades = decades.format(words=alt(_DECADE_WORDS[code]))
    return (
        fam.rule("decade", decades, _decade),
        fam.rule("century", _CENTURIES[code], _century, starts=_ROMAN_STARTS),
    )


def digit_rules() -> frozenset[str]:
    """Names of the rules here that may start with a figure."""
    return frozenset({"decade", "century"})


def _decade(m: re.Match[str], ctx: Context) -> tuple[Norm, ...]:
    """ "les années 90" -> ``199``, "in den 2000er Jahren" -> ``200``."""
    if m["w"]:
        century, tens = 19, _TENS[words(m["w"])]
    elif m["c"]:
        century, tens = int(m["c"]), int(m["d"])
    else:
        tens = int(m["d"])
        now = ctx.ref.year if ctx.ref else 2000
        century = now // 100 if (now // 100) * 100 + tens * 10 <= now else now // 100 - 1
    return (explicit(_DATE, f"{century}{tens}", Precision.DECADE),)


def _century(m: re.Match[str], ctx: Context) -> tuple[Norm, ...]:
    """ "au XXe siècle", "el siglo XIX", "im 20. Jahrhundert" -> ``19``, ``18``, ``19``."""
    n = int(m["n"]) if m["n"] else _roman(m["r"] or "")
    if not 1 <= n <= 22:
        return _NONE
    return (explicit(_DATE, f"{n - 1:02d}", Precision.CENTURY),)


def _roman(numeral: str) -> int:
    """ "XX" -> 20, "XIX" -> 19 (0 for an empty or malformed numeral)."""
    total, previous = 0, 0
    for letter in reversed(numeral.upper()):
        value = _ROMAN_VALUES.get(letter, 0)
        total += -value if value < previous else value
        previous = max(previous, value)
    return total
