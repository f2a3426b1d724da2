"""The timeline file changed as text: entries appended, dropped, replaced, statuses set.

The analyst's file is never dumped again as a whole: what the analyst wrote stays byte for
byte, and the work is linear in the file's size. Each item of the ``events:`` list is a block
of lines, from its ``- `` line to its last line of content (comment lines after it belong to
what follows, so they stay where they are when the entry goes). New entries are dumped on their
own (ruamel, the same form as ever) and appended at the end of the list.

This works on the shape ``briefing`` writes: a top-level ``events:`` block list, its items at
``ENTRY_START``, nothing after it but comments. ``fits`` says whether a text has that shape;
the caller falls back to a round-trip through ruamel when it does not.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from typing import TYPE_CHECKING, Final

if TYPE_CHECKING:
    from collections.abc import Mapping, Sequence

ENTRY_START: Final = "  - "
"""How an item of the ``events:`` list starts, as ``dump`` writes it."""

_NOTE = re.compile(r"[ \t]+# briefing: [^\n]*")
_STATUS = re.compile(r"(?P<key>[ ]+status:[ ]*)(?P<value>[A-Za-z]+)(?P<rest>[^\n]*)")


@dataclass(frozen=True, slots=True)
class Block:
    """The lines of one item: ``start`` (its ``- `` line) to ``end`` (exclusive), 0-based,
    trailing blank and comment lines left out."""

    start: int
    end: int


def fits(lines: Sequence[str], starts: Sequence[int]) -> bool:
    """Whether ``lines`` have the shape the text edits rely on (see the module docstring)."""
    try:
        head = next(i for i, line in enumerate(lines) if line.rstrip("\r\n") == "events:")
    except StopIteration:
        return False
    if any(start <= head or not lines[start].startswith(ENTRY_START) for start in starts):
        return False
    return all(line[:1] in ("", " ", "#", "\n", "\r") for line in lines[head + 1 :])


def blocks(lines: Sequence[str], starts: Sequence[int]) -> list[Block]:
    """Each item's block of lines, in list order."""
    found: list[Block] = []
    for number, start in enumerate(starts):
        stop = starts[number + 1] if number + 1 < len(starts) else len(lines)
        end = stop
        while end > start + 1 and _blank_or_comment(lines[end - 1]):
            end -= 1
        found.append(Block(start, end))
    return found


def _blank_or_comment(line: str) -> bool:
    stripped = line.strip()
    return not stripped or stripped.startswith("#")


def own_comment(lines: Sequence[str], block: Block) -> bool:
    """Whether the analyst put a comment inside the block (the build's note does not count).

    A ``#`` after a space inside a quoted text counts too: it can only keep an entry in the
    file that could have gone, never lose anything.
    """
    for line in lines[block.start : block.end]:
        body = _NOTE.sub("", line.rstrip("\r\n"))
        if body.lstrip().startswith("#") or " #" in body:
            return True
    return False


def set_status(lines: list[str], block: Block, status: str) -> bool:
    """Write ``status`` as the value of the block's ``status:`` line (its comment kept);
    False when the block has no such line at the entry's key indentation."""
    key = " " * len(ENTRY_START) + "status:"
    for number in range(block.start + 1, block.end):
        line = lines[number]
        found = _STATUS.fullmatch(line.rstrip("\r\n")) if line.startswith(key) else None
        if found is not None:
            ending = line[len(line.rstrip("\r\n")) :]
            lines[number] = found.group("key") + status + found.group("rest") + ending
            return True
    return False


@dataclass(frozen=True, slots=True)
class Rewritten:
    """The new text and where each kept item starts in it."""

    text: str
    starts: dict[int, int]
    """Old item number -> 0-based line where it starts now (items dropped are absent)."""
    shift: dict[int, int]
    """Old item number -> how many lines it moved (for the lines of diagnostics)."""
    appended_at: int
    """0-based line where the appended text starts."""


def rewrite(
    lines: Sequence[str],
    items: Sequence[Block],
    *,
    drop: frozenset[int],
    replace: Mapping[int, str],
    appended: str,
) -> Rewritten:
    """The text with items ``drop`` left out, items ``replace`` replaced by new text (whole
    lines), and ``appended`` added at the end; everything else as it was."""
    out: list[str] = []
    starts: dict[int, int] = {}
    shift: dict[int, int] = {}
    position = 0
    first = items[0].start if items else len(lines)
    out.extend(lines[:first])
    position = first
    for number, block in enumerate(items):
        if number not in drop:
            starts[number] = len(out)
            shift[number] = len(out) - block.start
            if number in replace:
                out.extend(replace[number].splitlines(keepends=True))
            else:
                out.extend(lines[block.start : block.end])
        stop = items[number + 1].start if number + 1 < len(items) else len(lines)
        out.extend(lines[block.end : stop])  # comments and blank lines after it stay
        position = stop
    out.extend(lines[position:])
    if out and not out[-1].endswith("\n"):
        out[-1] += "\n"
    appended_at = len(out)
    out.extend(appended.splitlines(keepends=True))
    return Rewritten(text="".join(out), starts=starts, shift=shift, appended_at=appended_at)
