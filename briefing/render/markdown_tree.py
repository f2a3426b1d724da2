"""Markdown text to the document tree, through markdown-it-py's tokens.

Only Markdown written by a template reaches this parser with meaning: article text is escaped
before it enters the Markdown, so whatever it contains comes out as ``Text``. Raw HTML is never
interpreted, except three inert forms the template helpers print: the anchor
``<a id="name"></a>``, the note marker ``<sup data-note="id">…</sup>`` and the figure marker
``<div data-figure="name">…</div>``; the last two only stand for entries of the tables the
caller passes. Images become their alt text, so nothing here can make a writer read a file or
fetch a URL.
"""

from __future__ import annotations

import re
import urllib.parse
from types import MappingProxyType
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
    Note,
    Paragraph,
    Rule,
    Strong,
    Table,
    Text,
    TimelineFigure,
)

if TYPE_CHECKING:
    from collections.abc import Mapping, Sequence

    from markdown_it.token import Token

_ANCHOR = re.compile(r'<a id="([A-Za-z][\w.:-]*)">')
_ANCHOR_CLOSE = "</a>"
_NOTE = re.compile(r'<sup data-note="([A-Za-z][\w.:-]*)">')
_NOTE_CLOSE = "</sup>"
_FIGURE = re.compile(r'<div data-figure="([A-Za-z][\w.:-]*)">[^<]*</div>')
_NO_NOTES: Mapping[str, tuple[Inline, ...]] = MappingProxyType({})
_NO_FIGURES: Mapping[str, TimelineFigure] = MappingProxyType({})
_SAFE_SCHEMES = ("http://", "https://", "mailto:", "#")
_UNSAFE_IN_URL = re.compile(r"[\s\x00-\x1f\x7f<>\"'`\\]")
_SCHEME = re.compile(r"^([A-Za-z][A-Za-z0-9+.-]*):")

_ALWAYS = re.compile(r"([\\`*\[\]<|$~^])")
"""Characters that start markup anywhere in a line: emphasis, code, links and images, raw
HTML and autolinks, table cells, and pandoc's math, strikeout, sub- and superscript."""
_ENTITY = re.compile(r"&(?=#[0-9]+;|#[xX][0-9a-fA-F]+;|[A-Za-z][A-Za-z0-9]*;)")
"""An ``&`` that would start a character reference (``&amp;``, ``&#64;``)."""
_UNDERSCORE = re.compile(r"(?<![^\W_])_|_(?![^\W_])")
"""An ``_`` at a word's edge (inside a word, as in ``snake_case``, it cannot open emphasis)."""
_CITATION = re.compile(r"(?<![^\W_])@")
"""An ``@`` that pandoc would read as a citation (``@smith``), not one inside an address."""
_LINE_START = re.compile(r"^(\s*)(?:([#>+\-=:%(])|(\w{1,9})([.)])(?=\s|$))")
"""Block markers at the start of a line: headings, quotes, list items (``-``, ``+``, ``1.``,
``a)``, pandoc's ``A.``, ``iv.`` and ``(1)``), setext rules, definitions, title blocks."""
_NEWLINES = re.compile(r"\s*[\r\n]+\s*")


def _line_start(match: re.Match[str]) -> str:
    space, marker, number, closing = match.groups()
    if marker is not None:
        return f"{space}\\{marker}"
    return f"{space}{number}\\{closing}"


def escape(text: str) -> str:
    """``text`` as Markdown that prints exactly as written, on one line.

    Only what Markdown (CommonMark, GFM tables, and pandoc's extensions) would read as markup
    is backslash-escaped, so the Markdown export stays readable ("3,000", "https://…"):
    ``*``, ``|``, ``<``, ``[x](y)``, a ``&`` before a character reference, an ``_`` or ``@``
    at a word's edge, and list or heading markers at the start. Line breaks become spaces: a
    table cell or list item is one line of Markdown.
    """
    text = _NEWLINES.sub(" ", text)
    text = _ALWAYS.sub(r"\\\1", text)
    text = _ENTITY.sub(r"\\&", text)
    text = _UNDERSCORE.sub(r"\\_", text)
    text = _CITATION.sub(r"\\@", text)
    return _LINE_START.sub(_line_start, text, count=1)


def link_target(url: str) -> str:
    """``url`` when a document may make it a link, else "": only http(s) and mailto.

    ``javascript:``, ``data:``, ``file:`` and every other scheme are printed as text, never
    linked, in every format. So is an address with spaces, controls, quotes, angle brackets
    or backslashes, which could end the Markdown link early and start markup of its own.
    """
    candidate = url.strip()
    if not candidate or _UNSAFE_IN_URL.search(candidate):
        return ""
    parts = urllib.parse.urlsplit(candidate)
    scheme = parts.scheme.lower()
    if scheme == "mailto" or (scheme in ("http", "https") and parts.netloc):
        return candidate
    return ""


def link(text: str, url: str) -> str:
    """``[text](<url>)`` for a safe ``url`` (``link_target``); the escaped text otherwise."""
    target = link_target(url)
    return f"[{escape(text)}](<{target}>)" if target else escape(text)


def unsafe_links(markdown: str) -> list[str]:
    """The destinations of links and images in ``markdown`` that are not safe to follow:
    any with a scheme other than http, https and mailto (``#anchors`` and relative paths are
    fine). A template's own text is checked with this; data never writes links."""
    found: list[str] = []
    for token in _SeeEveryLink("commonmark", {"html": True}).enable("table").parse(markdown):
        for child in token.children or ():
            href = str(child.attrs.get("href", child.attrs.get("src", "")))
            if child.type in ("link_open", "image") and _has_bad_scheme(href):
                found.append(href)
    return found


class _SeeEveryLink(MarkdownIt):
    """A parser that keeps every link (markdown-it drops ``javascript:`` ones as text)."""

    def validateLink(self, url: str) -> bool:  # noqa: N802, ARG002 -- markdown-it's signature
        """Every destination is kept, so that it can be checked."""
        return True


def _has_bad_scheme(href: str) -> bool:
    match = _SCHEME.match(href.strip())
    return match is not None and match.group(1).lower() not in ("http", "https", "mailto")


def _parser() -> MarkdownIt:
    return MarkdownIt("commonmark", {"html": True}).enable("table")


def parse(
    markdown: str,
    *,
    notes: Mapping[str, tuple[Inline, ...]] = _NO_NOTES,
    figures: Mapping[str, TimelineFigure] = _NO_FIGURES,
) -> tuple[Block, ...]:
    """The blocks of a Markdown text.

    ``notes`` gives the text of each note a ``<sup data-note="id">`` marker stands for, and
    ``figures`` the figure of each ``<div data-figure="name">`` marker; a marker naming no
    entry is printed as the raw text it is, like any other HTML.
    """
    tokens = _parser().parse(markdown)
    blocks, _ = _Reader(notes=notes, figures=figures).blocks(tokens, 0, "")
    return tuple(blocks)


class _Reader:
    """The token walk, holding the note and figure tables the markers refer to."""

    def __init__(
        self, *, notes: Mapping[str, tuple[Inline, ...]], figures: Mapping[str, TimelineFigure]
    ) -> None:
        self.notes = notes
        self.figures = figures

    def blocks(self, tokens: Sequence[Token], i: int, until: str) -> tuple[list[Block], int]:
        """Blocks from ``tokens[i]`` up to the closing token ``until``; returns them and the
        index after that closing token."""
        return _blocks(self, tokens, i, until)

    def inlines(self, token: Token) -> tuple[Inline, ...]:
        """The inlines of an ``inline`` token."""
        children, _ = _inline_run(self, token.children or [], 0, "")
        return tuple(_merge_text(children))


def _blocks(
    reader: _Reader, tokens: Sequence[Token], i: int, until: str
) -> tuple[list[Block], int]:
    blocks: list[Block] = []
    while i < len(tokens):
        token = tokens[i]
        kind = token.type
        if kind == until:
            return blocks, i + 1
        if kind == "heading_open":
            level = int(token.tag[1])
            blocks.append(Heading(level=level, children=reader.inlines(tokens[i + 1])))
            i += 3
        elif kind == "paragraph_open":
            blocks.append(Paragraph(children=reader.inlines(tokens[i + 1])))
            i += 3
        elif kind in ("bullet_list_open", "ordered_list_open"):
            listing, i = _list(reader, tokens, i)
            blocks.append(listing)
        elif kind == "table_open":
            table, i = _table(reader, tokens, i)
            blocks.append(table)
        elif kind == "hr":
            blocks.append(Rule())
            i += 1
        elif kind == "blockquote_open":
            inner, i = _blocks(reader, tokens, i + 1, "blockquote_close")
            blocks.extend(inner)
        elif kind == "html_block" and (figure := _figure(reader, token.content)) is not None:
            blocks.append(figure)
            i += 1
        elif kind in ("fence", "code_block", "html_block"):
            blocks.append(Paragraph(children=(Text(text=token.content.rstrip("\n")),)))
            i += 1
        else:
            i += 1
    return blocks, i


def _figure(reader: _Reader, html: str) -> TimelineFigure | None:
    """The figure a ``<div data-figure>`` block stands for; None for any other HTML block."""
    match = _FIGURE.fullmatch(html.strip())
    return reader.figures.get(match.group(1)) if match else None


def _list(reader: _Reader, tokens: Sequence[Token], i: int) -> tuple[ListBlock, int]:
    opening = tokens[i]
    ordered = opening.type == "ordered_list_open"
    closing = "ordered_list_close" if ordered else "bullet_list_close"
    start = int(str(opening.attrs.get("start", 1)))
    items: list[tuple[Block, ...]] = []
    i += 1
    while tokens[i].type != closing:
        # Tight lists hide their paragraphs but still emit them as tokens: _blocks sees them.
        item, i = _blocks(reader, tokens, i + 1, "list_item_close")
        items.append(tuple(item))
    return ListBlock(ordered=ordered, items=tuple(items), start=start), i + 1


def _table(reader: _Reader, tokens: Sequence[Token], i: int) -> tuple[Table, int]:
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
            row.append(reader.inlines(tokens[i + 1]))
        elif token.type == "tr_close":
            if in_head:
                header = row
            else:
                rows.append(tuple(row))
            row = []
        i += 1
    return Table(header=tuple(header), rows=tuple(rows), align=tuple(align)), i + 1


def _inline_run(  # noqa: C901 (one flat dispatch over inline token types)
    reader: _Reader, tokens: Sequence[Token], i: int, until: str
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
            inner, i = _inline_run(reader, tokens, i + 1, "strong_close")
            out.append(Strong(children=tuple(_merge_text(inner))))
            continue
        elif kind == "em_open":
            inner, i = _inline_run(reader, tokens, i + 1, "em_close")
            out.append(Emphasis(children=tuple(_merge_text(inner))))
            continue
        elif kind == "link_open":
            target = str(token.attrs.get("href", ""))
            inner, i = _inline_run(reader, tokens, i + 1, "link_close")
            if target.startswith(_SAFE_SCHEMES):
                out.append(Link(target=target, children=tuple(_merge_text(inner))))
            else:
                out.extend(inner)
            continue
        elif kind == "image":
            out.append(Text(text=token.content))
        elif kind == "html_inline":
            match = _ANCHOR.fullmatch(token.content)
            note = _NOTE.fullmatch(token.content)
            if match:
                out.append(Anchor(id=match.group(1)))
            elif note and note.group(1) in reader.notes:
                out.append(Note(id=note.group(1), children=reader.notes[note.group(1)]))
                # The marker's content is its plain-Markdown stand-in ("[3]"): skip it.
                while i + 1 < len(tokens) and tokens[i + 1].content != _NOTE_CLOSE:
                    i += 1
                i += 1
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
