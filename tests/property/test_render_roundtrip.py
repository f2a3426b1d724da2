"""Article text prints as written: whatever an article holds comes back out of the PDF and DOCX.

Hypothesis writes articles full of Markdown, HTML, reportlab paragraph markup, Jinja2 syntax,
right-to-left scripts, emoji, combining characters, very long words and URLs; they go through
the real ingest, extraction, chronology, template and writers. Every event sentence and every
source title must read back from both documents (the PDF modulo the characters its fonts lack,
which the writer reports, and modulo line breaks), and nothing in the text may make a renderer
open a file or fetch a URL.
"""

from __future__ import annotations

import builtins
import io
import re
import sys
import tempfile
import unicodedata
import urllib.request
import zipfile
from collections import Counter
from contextlib import contextmanager
from pathlib import Path
from typing import TYPE_CHECKING, Any

import docx
import pytest
from hypothesis import HealthCheck, example, given, settings
from hypothesis import strategies as st
from pypdf import PdfReader

import briefing
from briefing import pipeline
from briefing.config import Options
from briefing.render import docx_writer, pdf_writer
from briefing.render.compose import compose, markdown
from briefing.render.resources import default_templates

if TYPE_CHECKING:
    from collections.abc import Iterator

    from briefing.model import Chronology

FRAGMENTS = (
    # Markdown
    "**bold**",
    "_em_",
    "# not a heading",
    "| a | b |",
    "`code`",
    "~~gone~~",
    "> quote",
    "- item",
    "1. item",
    "\\*",
    "[a link](https://example.org/a_b)",
    "<https://example.org>",
    # HTML and reportlab paragraph markup
    "<b>",
    "</b>",
    "<i>x</i>",
    "&",
    "&amp;",
    "&lt;",
    "<para>",
    "</para>",
    "<br/>",
    '<font color="red">',
    "<super>2</super>",
    '<a href="https://evil.example">x</a>',
    "<script>alert(1)</script>",
    "<!-- c -->",
    # Jinja2
    "{{ x }}",
    "{% if x %}",
    "{% endif %}",
    "{# note #}",
    "{{ self.__init__ }}",
    # Scripts and symbols
    "שלום עולם",
    "مرحبا بالعالم",
    "Привет",
    "中文字符",
    "😀",
    "🇲🇱",
    "e\u0301te\u0301",
    "a\u0308\u0323",
    "ﬁ",
    "½",
    "€",
    "–",
    "“quoted”",
    # Long words and URLs
    "Donaudampfschifffahrtsgesellschaftskapitänswitwe" * 3,
    "https://example.org/" + "segment/" * 25 + "?q=" + "x" * 40,
)
"""Pieces an analyst's pasted article really holds, each a way a renderer could misread text."""

INJECTIONS = (
    "![x](file:///etc/passwd)",
    '<img src="file:///etc/passwd"/>',
    '<img src="/etc/passwd" width="10" height="10"/>',
    '<img src="https://evil.example/pixel.png">',
    "[click](javascript:alert(1))",
    "[local](file:///etc/shadow)",
    "![remote](https://evil.example/a.png)",
    '<a href="file:///etc/passwd">x</a>',
    '<link href="https://evil.example/s.css">',
    '<onDraw name="evil"/>',
)
"""Text that would read a local file or fetch a URL if a renderer interpreted it."""

_TEXT = st.text(
    # Right-to-left letters come from FRAGMENTS: reordered on the page, they are compared
    # by ``_in_pdf`` as runs, which needs them apart from generated punctuation.
    alphabet=st.characters(
        exclude_categories=("Cc", "Cs", "Co", "Cn", "Zl", "Zp"),
        # Bidi embeddings and overrides reorder what follows them on the page.
        exclude_characters="\ufeff\ufffe\u202a\u202b\u202c\u202d\u202e\u2066\u2067\u2068\u2069",
    ).filter(lambda char: unicodedata.bidirectional(char) not in ("R", "AL", "AN")),
    min_size=1,
    max_size=12,
).filter(str.strip)
_PAYLOAD = st.lists(
    st.one_of(st.sampled_from(FRAGMENTS + INJECTIONS), _TEXT), min_size=1, max_size=6
).map(" ".join)

BOUNDED = settings(
    max_examples=max(5, settings().max_examples // 10),
    deadline=None,
    suppress_health_check=[HealthCheck.too_slow],
)
"""A tenth of the profile's examples (20 in CI): each builds a PDF and a DOCX (about a second)."""

_PACKAGE = Path(briefing.__file__).resolve().parent
_ALLOWED = (
    _PACKAGE,
    default_templates(),
    *(Path(p).resolve() for p in sys.path if "site-packages" in p),
)
"""Where rendering may read: our fonts and templates, the libraries' own resources."""


TITLE = "Round trip"
"""The briefing's title, printed in every page's header: not article text."""

_RTL = "\u0590-\u08ff\ufb1d-\ufdff\ufe70-\ufefc\U00010800-\U00010fff\U0001e800-\U0001efff"
_RTL_RUN = re.compile(rf"(?:[^\w]|\d)*(?:[{_RTL}](?:[^\w]|\d)*)+")
"""Right-to-left letters with the digits and punctuation around them: a run whose order on
the page (visual, per line) differs from the order in the text (logical)."""


def _squash(text: str) -> str:
    """Text without whitespace, composed: what survives a PDF's line breaking."""
    return re.sub(r"\s+", "", unicodedata.normalize("NFC", text))


def _in_pdf(text: str, printed: str) -> bool:
    """Whether ``text`` reads back from the PDF's text, right-to-left runs compared as letters.

    The PDF holds right-to-left text in visual order, line by line, so each such run is
    compared by the letters it holds, and the rest of the text exactly.
    """
    wanted, seen = _squash(text), _squash(printed)
    if _RTL_RUN.sub("|", wanted) not in _RTL_RUN.sub("|", seen):
        return False
    letters = Counter(char for char in wanted if re.match(f"[{_RTL}]", char))
    return letters <= Counter(char for char in seen if re.match(f"[{_RTL}]", char))


@contextmanager
def _no_outside_access() -> Iterator[list[str]]:
    """Fail any file open outside the package and libraries, and any URL fetch."""
    attempts: list[str] = []
    real_open = builtins.open

    def guarded_open(file: Any, *args: Any, **kwargs: Any) -> Any:
        if isinstance(file, str | Path):
            path = Path(file).resolve()
            if not any(path.is_relative_to(root) for root in _ALLOWED):
                attempts.append(str(file))
                raise PermissionError(f"renderer tried to open {file}")
        return real_open(file, *args, **kwargs)

    def refuse_url(url: Any, *args: Any, **kwargs: Any) -> Any:
        attempts.append(str(url))
        raise PermissionError(f"renderer tried to fetch {url}")

    with pytest.MonkeyPatch.context() as patch:
        patch.setattr(builtins, "open", guarded_open)
        patch.setattr(io, "open", guarded_open)
        patch.setattr(urllib.request, "urlopen", refuse_url)
        yield attempts


def _chronology(payload: str, folder: Path) -> tuple[Chronology, Options]:
    articles = folder / "articles"
    articles.mkdir(parents=True)
    (articles / "story.md").write_text(
        "---\ntitle: Ministry statement\npublisher: Wire\npublished: 2024-05-04\n---\n"
        f"On 3 May 2024 the ministry quoted {payload} in full, officials said.\n\n"
        f"Rebels attacked Kidal on 2 May 2024 and wrote {payload} on a wall.\n",
        encoding="utf-8",
    )
    # The payload as a title (printed in the Sources list), over a body it does not repeat:
    # ingest drops a line that repeats the title as a headline copy.
    title = payload.replace('"', "'").replace("\\", "/")
    (articles / "titled.md").write_text(
        f'---\ntitle: "{title}"\npublisher: Wire\npublished: 2024-05-02\n---\n'
        "Troops left Gao on 1 May 2024, the army said.\n",
        encoding="utf-8",
    )
    options = Options(inputs=(folder,), out=folder / "out", title=TITLE)
    chronology, _ = pipeline.curate(options)
    return chronology, options


def _docx_text(data: bytes) -> str:
    document = docx.Document(io.BytesIO(data))
    cells = [cell.text for table in document.tables for row in table.rows for cell in row.cells]
    return "\n".join([paragraph.text for paragraph in document.paragraphs] + cells)


def _pdf_text(data: bytes) -> str:
    """The PDF's text without the running header and footer, which break into a paragraph
    continued on the next page."""
    furniture = re.compile(rf"^(?:{re.escape(TITLE)}|Page \d+ of \d+)$")
    return "\n".join(
        line
        for page in PdfReader(io.BytesIO(data)).pages
        for line in page.extract_text().splitlines()
        if not furniture.match(line.strip())
    )


def _check_round_trip(payload: str) -> None:
    with tempfile.TemporaryDirectory() as tmp:
        chronology, options = _chronology(payload, Path(tmp))
        assert chronology.events, "the dated sentences must become events"
        document = compose(
            chronology, options, project=None, text=markdown(chronology, options, project=None)
        )
        with _no_outside_access() as attempts:
            pdf = pdf_writer.write_with_report(document)
            word = docx_writer.write(document)
        assert attempts == []

    printed_pdf = _pdf_text(pdf.data)
    printed_docx = _docx_text(word)
    dropped = set(pdf.dropped)
    wanted = [event.text for event in chronology.events]
    wanted += [article.title for article in chronology.articles]
    assert any(_squash(payload) in _squash(text) for text in wanted)
    for text in wanted:
        assert text in printed_docx
        # Astral characters (emoji) the font has are drawn, but reportlab writes their
        # ToUnicode entry as <1F600> instead of UTF-16 <D83DDE00>, so no PDF reader can
        # extract them: compare without them.
        # Format characters (soft hyphen, zero-width space) are invisible on a page.
        kept = "".join(
            char
            for char in text
            if char not in dropped and ord(char) <= 0xFFFF and unicodedata.category(char) != "Cf"
        )
        assert _in_pdf(kept, printed_pdf), text
    assert b"/Subtype /Image" not in pdf.data
    for target in (b"file:", b"javascript:", b"evil.example"):
        assert b"/URI (" + target not in pdf.data
    parts = _docx_parts(word)
    # The one picture is the timeline figure; article text adds none and links nowhere.
    assert [name for name in parts if name.startswith("word/media/")] == ["word/media/image1.png"]
    for name in ("file:", "javascript:", "evil.example", "etc/passwd"):
        assert name not in parts["word/_rels/document.xml.rels"]


def _docx_parts(data: bytes) -> dict[str, str]:
    """Part name -> its text (XML parts) or "" (binary ones)."""
    with zipfile.ZipFile(io.BytesIO(data)) as archive:
        return {
            name: archive.read(name).decode("utf-8") if name.endswith(".rels") else ""
            for name in archive.namelist()
        }


@pytest.mark.parametrize("injection", INJECTIONS)
def test_link_and_image_syntax_prints_literally_and_touches_nothing(injection: str) -> None:
    _check_round_trip(injection)


@BOUNDED
@given(payload=_PAYLOAD)
@example(payload=" ".join(FRAGMENTS))
def test_any_article_text_reads_back_from_pdf_and_docx(payload: str) -> None:
    _check_round_trip(payload)
