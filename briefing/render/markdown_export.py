"""``briefing.md``: the briefing's Markdown with a YAML metadata block pandoc reads.

The body is what the template wrote (the same text every other format is parsed from); in
front of it go the title block as pandoc metadata (``title``, ``subtitle``, ``author``,
``date``, ``lang``, ``keywords``, and ``marking``) and, when the briefing has a marking, the
marking as the first and last line of the text, where header and footer carry it in the PDF
and the Word file. The three inert HTML forms the template helpers print become plain
Markdown: an anchor becomes an empty span with that id (``[]{#source-1}``), a note marker a
footnote (``[^source-1]``, defined at the end), and the timeline figure, which only the PDF
and the Word file draw, is left out.
"""

from __future__ import annotations

import json
import re
from typing import TYPE_CHECKING, Final

from briefing.render.markdown_tree import escape
from briefing.timex import day_words

if TYPE_CHECKING:
    from collections.abc import Mapping

    from briefing.model import DocumentMeta


_ANCHOR: Final = re.compile(r'<a id="([A-Za-z][\w.:-]*)"></a>')
_NOTE: Final = re.compile(r'<sup data-note="([A-Za-z][\w.:-]*)">[^<]*</sup>')
_FIGURE: Final = re.compile(r'^<div data-figure="[A-Za-z][\w.:-]*">[^<]*</div>\n\n?', re.M)


def _scalar(text: str) -> str:
    """A metadata string: pandoc reads metadata values as Markdown, so it is escaped like
    body text, then written as a double-quoted YAML scalar (a JSON string is one)."""
    return json.dumps(escape(text), ensure_ascii=False)


def metadata(meta: DocumentMeta) -> str:
    """The YAML metadata block, ``---`` to ``...``."""
    lines = ["---", f"title: {_scalar(meta.title)}"]
    if meta.subtitle:
        lines.append(f"subtitle: {_scalar(meta.subtitle)}")
    if meta.author:
        lines.append(f"author: {_scalar(meta.author)}")
    if meta.date is not None:
        lines.append(f"date: {_scalar(day_words(meta.date))}")
    if meta.period:
        lines.append(f"period: {_scalar(meta.period)}")
    if meta.marking:
        lines.append(f"marking: {_scalar(meta.marking)}")
    lines.append(f"lang: {_scalar(meta.language)}")
    if meta.keywords:
        lines.append("keywords: [" + ", ".join(_scalar(word) for word in meta.keywords) + "]")
    lines.append("...")
    return "\n".join(lines) + "\n"


def plain(body: str, notes: Mapping[str, str]) -> str:
    """The template's Markdown without its inert HTML; footnotes defined at the end.

    ``notes`` gives the Markdown of each note a marker names (its Sources entry).
    """
    used: list[str] = []

    def footnote(match: re.Match[str]) -> str:
        name = match.group(1)
        if name not in notes:
            return ""
        if name not in used:
            used.append(name)
        return f"[^{name}]"

    text = _FIGURE.sub("", body)
    text = _ANCHOR.sub(lambda match: f"[]{{#{match.group(1)}}}", text)
    text = _NOTE.sub(footnote, text).rstrip("\n") + "\n"
    if used:
        text += "\n" + "".join(f"[^{name}]: {notes[name]}\n" for name in used)
    return text


def write(body: str, meta: DocumentMeta, notes: Mapping[str, str]) -> bytes:
    """The Markdown export: metadata block, the marking above and below the body."""
    marking = f"**{escape(meta.marking)}**\n" if meta.marking else ""
    parts = [metadata(meta), "\n"]
    if marking:
        parts += [marking, "\n"]
    parts.append(plain(body, notes))
    if marking:
        parts += ["\n", marking]
    return "".join(parts).encode("utf-8")
