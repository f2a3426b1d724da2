"""Markdown text to the document tree, through markdown-it-py's tokens.

Only Markdown written by a template reaches this parser with meaning: article text is escaped
before it enters the Markdown, so whatever it contains comes out as ``Text``. Raw HTML is never
interpreted, except the one anchor form templates use (``<a id="name"></a>``); images become
their alt text, so nothing here can make a writer read a file or fetch a URL.
"""

from __future__ import annotations

import re
from typing import TYPE_CHECKING

from markdown_it import MarkdownIt

from briefing.model import (
    Align,
    Anchor,
    Block,
    Emphasis,
    Heading,
    Inline,
    LineBreak,
    Link,
    ListBlock,
    Paragraph,
    Rule,
    Strong,
    Table,
    Text,
)

if TYPE_CHECKING:
    from collections.abc import Sequence

    from markdown_it.token import Token

_ANCHOR = re.compile(r'<a id="([A-Za-z][\w.:-]*)">')
_ANCHOR_CLOSE = "</a>"
_SAFE_SCHEMES = ("http://", "https://", "mailto:", "#")

_PUNCTUATION = re.compile(r"([!\"#$%&'()*+,\-./:;<=>?@\[\\\]^_`{|}~])")
_NEWLINES = re.compile(r"\s*[\r\n]+\s*")


def escape(text: str) -> str:
    """``text`` as Markdown that prints exactly as written, on one line.

    Every ASCII punctuation character is backslash-escaped (CommonMark allows that for all of
    them), so ``*``, ``|``, ``<``, ``&``, ``[x](y)`` and ``{{ x }}`` are never interpreted.
    Line breaks become spaces: a table cell or list item is one line of Markdown.
    """
    return _PUNCTUATION.sub(r"\\\1", _NEWLINES.sub(" ", text))


def _parser() -> MarkdownIt:
    return MarkdownIt("commonmark", {"html": True}).enable("table")


def parse(markdown: str) -> tuple[Block, ...]:
    """The blocks of a Markdown text."""
    tokens = _parser().parse(markdown)
    blocks, _ = _blocks(tokens, 0, "")
    return tuple(blocks)


def _blocks(tokens: Sequence[Token], i: int, until: str) -> tuple[list[Block], int]:
    """Blocks from ``tokens[i]`` up to the closing token ``until``; returns them and the index
    after that closing token."""
    blocks: list[Block] = []
    while i < len(tokens):
        token = tokens[i]
        kind = token.type
        if kind == until:
            return blocks, i + 1
        if kind == "heading_open":
            level = int(token.tag[1])
            blocks.append(Heading(level=level, children=_inlines(tokens[i + 1])))
            i += 3
        elif kind == "paragraph_open":
            blocks.append(Paragraph(children=_inlines(tokens[i + 1])))
            i += 3
        elif kind in ("bullet_list_open", "ordered_list_open"):
            listing, i = _list(tokens, i)
            blocks.append(listing)
        elif kind == "table_open":
            table, i = _table(tokens, i)
            blocks.append(table)
        elif kind == "hr":
            blocks.append(Rule())
            i += 1
        elif kind == "blockquote_open":
            inner, i = _blocks(tokens, i + 1, "blockquote_close")
            blocks.extend(inner)
        elif kind in ("fence", "code_block", "html_block"):
            blocks.append(Paragraph(children=(Text(text=token.content.rstrip("\n")),)))
            i += 1
        else:
            i += 1
    return blocks, i


def _list(tokens: Sequence[Token], i: int) -> tuple[ListBlock, int]:
    opening = tokens[i]
    ordered = opening.type == "ordered_list_open"
    closing = "ordered_list_close" if ordered else "bullet_list_close"
    start = int(str(opening.attrs.get("start", 1)))
    items: list[tuple[Block, ...]] = []
    i += 1
    while tokens[i].type != closing:
        # Tight lists hide their paragraphs but still emit them as tokens: _blocks sees them.
        item, i = _blocks(tokens, i + 1, "list_item_close")
        items.append(tuple(item))
    return ListBlock(ordered=ordered, items=tuple(items), start=start), i + 1


def _table(tokens: Sequence[Token], i: int) -> tuple[Table, int]:
    header: list[tuple[Inline, ...]] = []
    rows: list[tuple[tuple[Inline, ...], ...]] = []
    align: list[Align] = []
    row: list[tuple[Inline, ...]] = []
    in_head = False
    while tokens[i].type != "table_close":
        token = tokens[i]
        if token.type == "thead_open":
            in_head = True
        elif token.type == "thead_close":
            in_head = False
        elif token.type in ("th_open", "td_open"):
            if in_head:
                style = str(token.attrs.get("style", ""))
                align.append(
                    Align.CENTER
                    if "center" in style
                    else Align.RIGHT
                    if "right" in style
                    else Align.LEFT
                )
            row.append(_inlines(tokens[i + 1]))
        elif token.type == "tr_close":
            if in_head:
                header = row
            else:
                rows.append(tuple(row))
            row = []
        i += 1
    return Table(header=tuple(header), rows=tuple(rows), align=tuple(align)), i + 1


def _inlines(token: Token) -> tuple[Inline, ...]:
    children, _ = _inline_run(token.children or [], 0, "")
    return tuple(_merge_text(children))


def _inline_run(  # noqa: C901 (one flat dispatch over inline token types)
    tokens: Sequence[Token], i: int, until: str
) -> tuple[list[Inline], int]:
    out: list[Inline] = []
    while i < len(tokens):
        token = tokens[i]
        kind = token.type
        if kind == until:
            return out, i + 1
        if kind == "text" or kind == "code_inline":
            out.append(Text(text=token.content))
        elif kind == "softbreak":
            out.append(Text(text=" "))
        elif kind == "hardbreak":
            out.append(LineBreak())
        elif kind == "strong_open":
            inner, i = _inline_run(tokens, i + 1, "strong_close")
            out.append(Strong(children=tuple(_merge_text(inner))))
            continue
        elif kind == "em_open":
            inner, i = _inline_run(tokens, i + 1, "em_close")
            out.append(Emphasis(children=tuple(_merge_text(inner))))
            continue
        elif kind == "link_open":
            target = str(token.attrs.get("href", ""))
            inner, i = _inline_run(tokens, i + 1, "link_close")
            if target.startswith(_SAFE_SCHEMES):
                out.append(Link(target=target, children=tuple(_merge_text(inner))))
            else:
                out.extend(inner)
            continue
        elif kind == "image":
            out.append(Text(text=token.content))
        elif kind == "html_inline":
            match = _ANCHOR.fullmatch(token.content)
            if match:
                out.append(Anchor(id=match.group(1)))
            elif token.content != _ANCHOR_CLOSE:
                out.append(Text(text=token.content))
        i += 1
    return out, i


def _merge_text(inlines: list[Inline]) -> list[Inline]:
    """Adjacent ``Text`` runs joined, so writers and tests see whole words."""
    merged: list[Inline] = []
    for inline in inlines:
        if isinstance(inline, Text) and merged and isinstance(merged[-1], Text):
            merged[-1] = Text(text=merged[-1].text + inline.text)
        else:
            merged.append(inline)
    return merged
