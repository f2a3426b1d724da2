"""Read the text and core metadata of Word (.docx) and PDF reports, for import as articles.

Word documents are read by ``briefing.importers.word`` (a zip checked for bombs, then streamed).
Why pypdf: pure Python (no poppler to install), reads the document information dictionary,
has its own limits on what one stream may inflate to, and the test suite already uses it to
read our own PDFs back. Both stop once the text is larger than an article may be
(``briefing.ingest.text.MAX_BYTES``), and the PDF reader also after ``PDF_CPU_SECONDS`` of
work, so a hostile report cannot keep ``add`` busy for hours. They live outside
``briefing.ingest``, which must stay free of document libraries (import-linter enforces it).
"""

from __future__ import annotations

import re
import time
from typing import TYPE_CHECKING, Final

import pypdf
from pypdf.errors import PyPdfError

from briefing.errors import InputError
from briefing.importers.draft import Draft
from briefing.importers.word import read_word
from briefing.ingest.text import MAX_BYTES

if TYPE_CHECKING:
    import datetime as dt
    from pathlib import Path

__all__ = ["PDF_CPU_SECONDS", "read_docx", "read_pdf", "unwrap"]

PDF_CPU_SECONDS: Final = 60.0
"""CPU seconds a PDF's text may take to read: a 500-page report takes well under half."""
_GENERATOR_AUTHORS: Final = frozenset(["python-docx", "unknown", "author", "user", "admin"])
"""Author values that name a program or a default account, not a person."""
_SENTENCE_END: Final = re.compile(r"[.!?:;\"'”’»)]$")
_SHORT_LINE: Final = 0.75
"""A line shorter than this share of the page's longest line that ends a sentence ends a
paragraph: PDF text has hard line breaks and rarely blank lines between paragraphs."""


def read_docx(path: Path) -> Draft:
    """The paragraphs and core properties (title, author, created) of a Word document.

    Raises:
        InputError: the file is not a readable .docx (a .doc, a damaged zip, broken XML, a
            zip bomb) or its text is larger than an article may be.
    """
    word = read_word(path, max_text=MAX_BYTES)
    paragraphs = [text.strip() for text in word.paragraphs if text.strip()]
    return Draft(
        text="\n".join(paragraphs),
        source=str(path),
        title=word.title,
        author="" if word.author.lower() in _GENERATOR_AUTHORS else word.author,
        language=_language(word.language),
        published=word.created,
    )


def read_pdf(path: Path, *, max_text: int = MAX_BYTES) -> Draft:
    """The text (lines joined into paragraphs) and information dictionary of a PDF.

    Raises:
        InputError: the file is not a readable PDF, is encrypted, has no text layer, its
            text is larger than ``max_text`` bytes, or reading it takes too long.
    """
    try:
        reader = pypdf.PdfReader(str(path))
        pages = _page_texts(reader, path, max_text)
        info = reader.metadata
    except (PyPdfError, OSError, ValueError, RecursionError) as error:
        # pypdf reports damaged objects with ValueError as well as its own errors, and a
        # stream over its safety limits with LimitReachedError; a loop of references can
        # recurse without end.
        raise InputError(
            f"not a readable PDF ({_reason(error)}); open it and save or print it again as "
            "PDF, or copy its text into a .txt file and add that",
            path=path,
        ) from error
    text = "\n".join(unwrap(page) for page in pages if page.strip())
    if not text.strip():
        raise InputError(
            "the PDF has no text layer (a scan); run it through OCR or copy the text into a "
            ".txt file and add that",
            path=path,
        )
    title = author = ""
    published: dt.date | None = None
    if info is not None:
        title = (info.title or "").strip()
        author = (info.author or "").strip()
        try:
            created = info.creation_date
        except ValueError:
            created = None  # a malformed /CreationDate is common and only metadata
        published = created.date() if created is not None else None
    return Draft(
        text=text,
        source=str(path),
        title=title,
        author="" if author.lower() in _GENERATOR_AUTHORS else author,
        published=published,
    )


def _page_texts(reader: pypdf.PdfReader, path: Path, max_text: int) -> list[str]:
    """The text of each page, stopping when it outgrows an article or takes too long."""
    started = time.process_time()
    pages: list[str] = []
    size = 0
    for number, page in enumerate(reader.pages, start=1):
        text = page.extract_text() or ""
        pages.append(text)
        size += len(text.encode("utf-8"))
        if size > max_text:
            raise InputError(
                f"the text of the first {number:,} of {len(reader.pages):,} pages is already "
                f"larger than the {_megabytes(max_text)} an article may have; split the "
                "report, or copy the part you need into a .txt file and add that",
                path=path,
            )
        if time.process_time() - started > PDF_CPU_SECONDS:
            raise InputError(
                f"reading the text of the PDF took more than {PDF_CPU_SECONDS:.0f} seconds "
                f"and was stopped at page {number:,} of {len(reader.pages):,} (a damaged or "
                "hostile file?); copy its text into a .txt file and add that",
                path=path,
            )
    return pages


def _megabytes(size: int) -> str:
    return f"{size / 1e6:.0f} MB" if size >= 1_000_000 else f"{size:,} bytes"


def _reason(error: BaseException) -> str:
    text = str(error).strip()
    return text.splitlines()[0] if text else type(error).__name__


def unwrap(page: str) -> str:
    """A page of PDF text with hard-wrapped lines joined into one line per paragraph.

    A paragraph ends at a blank line, or at a line that ends a sentence and is clearly
    shorter than the page's full lines. A word hyphenated across lines is joined again.
    """
    lines = [line.strip() for line in page.splitlines()]
    width = max((len(line) for line in lines), default=0)
    paragraphs: list[str] = []
    current = ""
    for line in lines:
        if not line:
            if current:
                paragraphs.append(current)
            current = ""
            continue
        if current.endswith("-") and line[:1].islower():
            current = current[:-1] + line
        else:
            current = f"{current} {line}" if current else line
        if _SENTENCE_END.search(line) and len(line) < _SHORT_LINE * width:
            paragraphs.append(current)
            current = ""
    if current:
        paragraphs.append(current)
    return "\n".join(paragraphs)


def _language(value: str) -> str:
    match = re.match(r"^([A-Za-z]{2})(?:[-_]|$)", value.strip())
    return match.group(1).lower() if match else ""
