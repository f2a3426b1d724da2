"""Layout decisions both writers share, so the PDF and the Word file agree on them.

Pure functions over ``model`` types and plain values: no docx or reportlab here, so the two
writers can import this module without importing each other.
"""

from __future__ import annotations

import enum
import unicodedata
from dataclasses import dataclass
from typing import TYPE_CHECKING, assert_never

from briefing.model import (
    Anchor,
    Block,
    Document,
    DocumentMeta,
    Emphasis,
    Heading,
    Inline,
    LineBreak,
    Link,
    ListBlock,
    Note,
    Paragraph,
    Rule,
    Strong,
    Table,
    Text,
    TimelineFigure,
)
from briefing.timex import day_words

if TYPE_CHECKING:
    import datetime as dt
    from collections.abc import Callable, Iterator, Sequence

NARROW_SHARE = 0.4
"""A column whose content fits in this share of the table width is never wrapped."""
WIDE_MINIMUM_SHARE = 0.4
"""The wrapping (text) columns keep at least this share of the table width."""


def format_date(day: dt.date) -> str:
    """The briefing date as the documents print it, "26 November 2026", whatever the locale."""
    return day_words(day)


def plain_text(inlines: Sequence[Inline]) -> str:
    """The text a reader sees, for measuring columns and for outline titles."""
    return "".join(_plain(inline) for inline in inlines)


def _plain(inline: Inline) -> str:
    match inline:
        case Text(text=text):
            return text
        case Strong(children=children) | Emphasis(children=children) | Link(children=children):
            return plain_text(children)
        case Anchor():
            return ""
        case Note():
            return "0"  # a superscript number: about one digit wide
        case LineBreak():
            return "\n"
        case _:
            assert_never(inline)


def anchor_ids(document: Document) -> frozenset[str]:
    """Every ``Anchor`` id in the document: the targets an internal link may point to."""
    return frozenset(_anchors_in_blocks(document.blocks))


def _anchors_in_blocks(blocks: Sequence[Block]) -> Iterator[str]:
    for block in blocks:
        match block:
            case Heading(children=children) | Paragraph(children=children):
                yield from _anchors_in_inlines(children)
            case ListBlock(items=items):
                for item in items:
                    yield from _anchors_in_blocks(item)
            case Table(header=header, rows=rows):
                for row in (header, *rows):
                    for cell in row:
                        yield from _anchors_in_inlines(cell)
            case Rule() | TimelineFigure():
                pass
            case _:
                assert_never(block)


def _anchors_in_inlines(inlines: Sequence[Inline]) -> Iterator[str]:
    for inline in inlines:
        match inline:
            case Anchor(id=anchor_id):
                yield anchor_id
            case Strong(children=children) | Emphasis(children=children) | Link(children=children):
                yield from _anchors_in_inlines(children)
            case Text() | LineBreak() | Note():
                # A note's text is printed apart from the body (and possibly more than
                # once), so an anchor in it would be no single place to link to.
                pass
            case _:
                assert_never(inline)


def title_block_lines(meta: DocumentMeta) -> tuple[tuple[str, str], ...]:
    """The labelled lines under the title ("Prepared by", "Date", "Period covered") that are set."""
    lines = (
        ("Prepared by", meta.author),
        ("Date", format_date(meta.date) if meta.date is not None else ""),
        ("Period covered", meta.period),
    )
    return tuple((label, value) for label, value in lines if value)


# ---------------------------------------------------------------------------------------------
# Marking


class Tlp(enum.StrEnum):
    """The Traffic Light Protocol 2.0 colours; AMBER+STRICT prints in amber."""

    RED = "RED"
    AMBER = "AMBER"
    GREEN = "GREEN"
    CLEAR = "CLEAR"


@dataclass(frozen=True, slots=True, kw_only=True)
class MarkingColours:
    """How a marking label is painted: TLP 2.0 wants coloured text on a black background."""

    text: str
    """Text colour as ``#RRGGBB``."""
    background: str
    """Background colour as ``#RRGGBB``."""


_TLP_TEXT = {
    Tlp.RED: "#FF2B2B",
    Tlp.AMBER: "#FFC000",
    Tlp.GREEN: "#33FF00",
    Tlp.CLEAR: "#FFFFFF",
}
_BLACK = "#000000"


def tlp_colour(marking: str) -> Tlp | None:
    """The TLP colour of a label such as ``TLP:AMBER+STRICT``, or None for another marking."""
    label = marking.strip().upper()
    if not label.startswith("TLP:"):
        return None
    colour = label.removeprefix("TLP:").split("+", 1)[0].strip()
    return Tlp(colour) if colour in Tlp.__members__ else None


def marking_colours(marking: str) -> MarkingColours:
    """Colours for a marking: TLP labels per the standard, anything else black on white."""
    tlp = tlp_colour(marking)
    if tlp is None:
        return MarkingColours(text=_BLACK, background="#FFFFFF")
    return MarkingColours(text=_TLP_TEXT[tlp], background=_BLACK)


# ---------------------------------------------------------------------------------------------
# Characters


def is_invisible(char: str) -> bool:
    """Whether dropping the character changes nothing a reader sees (joiners, selectors)."""
    return unicodedata.category(char) == "Cf" or 0xFE00 <= ord(char) <= 0xFE0F


def xml_safe(text: str) -> str:
    """The text without the control characters XML 1.0 cannot hold (they would break a file)."""
    return "".join(char for char in text if char in "\t\n\r" or unicodedata.category(char) != "Cc")


# ---------------------------------------------------------------------------------------------
# Column widths


def column_widths(
    columns: Sequence[Sequence[str]],
    total: float,
    measure: Callable[[str], float],
    padding: float = 0.0,
) -> tuple[float, ...]:
    """Widths for a table's columns, given each column's cell texts, that add up to ``total``.

    Columns whose longest cell fits in a small share of the width (dates, source marks) get
    exactly that, so they never wrap; the remaining columns share what is left in proportion
    to their content, each at least as wide as its longest word. ``measure`` turns a string
    into a width in the caller's unit; ``padding`` is added to every cell.
    """
    if not columns:
        return ()
    natural = [max((measure(text) for text in column), default=0.0) + padding for column in columns]
    minimum = [_longest_word(column, measure) + padding for column in columns]
    if sum(natural) <= total:
        return _scale(natural, total)
    narrow = [width <= total * NARROW_SHARE for width in natural]
    fixed = sum(width for width, is_narrow in zip(natural, narrow, strict=True) if is_narrow)
    rest = total - fixed
    if all(narrow) or rest < total * WIDE_MINIMUM_SHARE:
        return _share_between_minimum_and_natural(natural, minimum, total)
    wide = [index for index, is_narrow in enumerate(narrow) if not is_narrow]
    shared = _share_between_minimum_and_natural(
        [natural[index] for index in wide], [minimum[index] for index in wide], rest
    )
    widths = list(natural)
    for index, width in zip(wide, shared, strict=True):
        widths[index] = width
    return tuple(widths)


def _longest_word(column: Sequence[str], measure: Callable[[str], float]) -> float:
    return max((measure(word) for text in column for word in text.split()), default=0.0)


def _share_between_minimum_and_natural(
    natural: Sequence[float], minimum: Sequence[float], total: float
) -> tuple[float, ...]:
    """Every column gets its longest word, and the rest goes where there is most text to wrap."""
    if sum(minimum) >= total:
        return _scale(minimum, total)
    slack = [high - low for high, low in zip(natural, minimum, strict=True)]
    spare = total - sum(minimum)
    if sum(slack) <= 0:
        return _scale(minimum, total)
    return tuple(
        low + spare * extra / sum(slack) for low, extra in zip(minimum, slack, strict=True)
    )


def _scale(widths: Sequence[float], total: float) -> tuple[float, ...]:
    current = sum(widths)
    if current <= 0:
        return tuple(total / len(widths) for _ in widths)
    return tuple(width * total / current for width in widths)
