"""The Markdown a template writes becomes the document tree; article text stays literal."""

from __future__ import annotations

import json
import shutil
import subprocess
from pathlib import Path

import pytest

from briefing.model import Anchor, Heading, Link, ListBlock, Paragraph, Table, Text
from briefing.render.markdown_tree import escape, parse

TRICKY = [
    "A *starred* word and _underscores_",
    "Pipes | inside | a cell",
    "<b>bold?</b> & <para>mini-markup</para> &amp;",
    "[a link](https://example.org) and ![image](file:///etc/passwd)",
    "{{ jinja }} {% if x %} {# comment #}",
    "# not a heading",
    "1. not a list",
    "back\\slash and `code` and ~~strike~~",
    "Кириллица: 17 вересня, «лапки»",
    "RTL: مرحبا بالعالم and emoji 🇺🇦",
    "Prices of $5 and $6, 2^10^ and H~2~O, @BP_America and press@bp.com",
    "A. Smith said",
    "(1) first and a) second",
    "- a dash",
    "+ a plus",
    "> a quote",
    ": a definition",
    "&amp; &#64; &copy; AT&T",
    "snake_case, __init__ and _edge_",
    "iv. roman",
]


@pytest.mark.parametrize("text", TRICKY)
def test_escaped_article_text_prints_exactly_as_written(text: str) -> None:
    blocks = parse(escape(text) + "\n")
    assert blocks == (Paragraph(children=(Text(text=text),)),)


@pytest.mark.parametrize("text", TRICKY)
def test_escaped_text_stays_inside_its_table_cell(text: str) -> None:
    markdown = f"| A | B |\n|---|---|\n| {escape(text)} | x |\n"
    (table,) = parse(markdown)
    assert isinstance(table, Table)
    assert table.rows == (((Text(text=text),), (Text(text="x"),)),)


def test_line_breaks_in_article_text_become_spaces() -> None:
    assert parse(escape("one\ntwo\r\n\nthree") + "\n") == (
        Paragraph(children=(Text(text="one two three"),)),
    )


def test_template_anchor_and_internal_link_become_tree_nodes() -> None:
    markdown = '[\\[1\\]](#source-1)\n\n1. <a id="source-1"></a>Title\n'
    link_paragraph, sources = parse(markdown)
    assert link_paragraph == Paragraph(
        children=(Link(target="#source-1", children=(Text(text="[1]"),)),)
    )
    assert sources == ListBlock(
        ordered=True,
        items=((Paragraph(children=(Anchor(id="source-1"), Text(text="Title"))),),),
    )


def test_only_web_and_internal_links_survive() -> None:
    (paragraph,) = parse("[x](javascript:alert(1)) [y](https://a.b/c)\n")
    assert isinstance(paragraph, Paragraph)
    links = [child for child in paragraph.children if isinstance(child, Link)]
    assert links == [Link(target="https://a.b/c", children=(Text(text="y"),))]


def test_other_raw_html_from_a_template_is_printed_not_run() -> None:
    (paragraph,) = parse('before <img src="file:///etc/passwd"> after\n')
    assert paragraph == Paragraph(
        children=(Text(text='before <img src="file:///etc/passwd"> after'),)
    )


def test_headings_keep_their_level() -> None:
    assert parse("# One\n\n## Two\n") == (
        Heading(level=1, children=(Text(text="One"),)),
        Heading(level=2, children=(Text(text="Two"),)),
    )


@pytest.mark.parametrize(
    "text",
    [
        "3,000 barrels",
        "https://example.org/story.html?id=1",
        "The U.S. Coast Guard (USCG) said: 11 dead, 17 injured - BP's rig.",
        "snake_case and e-mail press@bp.com",
        'It\'s 50% more; "quoted" — fine!',
    ],
)
def test_ordinary_punctuation_is_not_escaped(text: str) -> None:
    assert escape(text) == text


@pytest.mark.skipif(shutil.which("pandoc") is None, reason="pandoc is not installed")
def test_pandoc_reads_escaped_text_exactly_as_written(tmp_path: Path) -> None:
    texts = [text for text in TRICKY if "\n" not in text]
    source = "\n\n".join(escape(text) for text in texts) + "\n"
    (tmp_path / "in.md").write_text(source, encoding="utf-8")
    done = subprocess.run(
        ["pandoc", "-f", "markdown-smart", "-t", "json", "in.md"],
        cwd=tmp_path,
        capture_output=True,
        text=True,
        check=True,
        timeout=120,
    )
    blocks = json.loads(done.stdout)["blocks"]
    assert [block["t"] for block in blocks] == ["Para"] * len(texts)
    assert [_plain(block["c"]) for block in blocks] == texts


def _plain(inlines: list[dict[str, object]]) -> str:
    """The text of pandoc inlines that hold no markup: Str and Space only."""
    parts = []
    for inline in inlines:
        assert inline["t"] in ("Str", "Space"), inline
        parts.append(str(inline["c"]) if inline["t"] == "Str" else " ")
    return "".join(parts)
