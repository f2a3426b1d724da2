"""Read the text and core metadata of Word (.docx) and PDF reports, for import as articles.

Why python-docx: it is already the Word writer's library, and its ``core_properties`` give
title, author and creation date without touching the XML. Why pypdf: pure Python (no poppler
to install), reads the document information dictionary, and the test suite already uses it
to read our own PDFs back. Both live outside ``briefing.ingest``, which must stay free of
document libraries (import-linter enforces it).
"""

from __future__ import annotations

import datetime as dt
import re
import zipfile
from typing import TYPE_CHECKING, Final

import docx
import pypdf
from docx.opc.exceptions import PackageNotFoundError
from lxml.etree import XMLSyntaxError
from pypdf.errors import PdfReadError

from briefing.errors import InputError
from briefing.importers.draft import Draft

if TYPE_CHECKING:
    from pathlib import Path

__all__ = ["read_docx", "read_pdf", "unwrap"]

_GENERATOR_AUTHORS: Final = frozenset(["python-docx", "unknown", "author", "user", "admin"])
"""Author values that name a program or a default account, not a person."""
_SENTENCE_END: Final = re.compile(r"[.!?:;\"'”’»)]$")
_SHORT_LINE: Final = 0.75
"""A line shorter than this share of the page's longest line that ends a sentence ends a
paragraph: PDF text has hard line breaks and rarely blank lines between paragraphs."""


def read_docx(path: Path) -> Draft:
    """The paragraphs and core properties (title, author, created) of a Word document.

    Raises:
        InputError: the file is not a readable .docx (a .doc, a damaged zip, broken XML).
    """
    try:
        document = docx.Document(str(path))
    except (PackageNotFoundError, zipfile.BadZipFile, XMLSyntaxError, KeyError) as error:
        # KeyError: a zip without the parts a Word document must have.
        raise InputError(
            f"not a readable Word document ({error}); open it in Word or LibreOffice and save "
            "it again as .docx, or save the text as .txt and add that",
            path=path,
        ) from error
    except ValueError as error:
        # python-docx refuses other Office files (a .dotx, .xlsx) with a ValueError.
        raise InputError(
            f"not a Word document ({error}); save it as .docx and try again", path=path
        ) from error
    paragraphs = [p.text.strip() for p in document.paragraphs if p.text.strip()]
    properties = document.core_properties
    author = (properties.author or "").strip()
    created = properties.created
    return Draft(
        text="\n".join(paragraphs),
        source=str(path),
        title=(properties.title or "").strip(),
        author="" if author.lower() in _GENERATOR_AUTHORS else author,
        language=_language(properties.language or ""),
        published=created.date() if isinstance(created, dt.datetime) else None,
    )


def read_pdf(path: Path) -> Draft:
    """The text (lines joined into paragraphs) and information dictionary of a PDF.

    Raises:
        InputError: the file is not a readable PDF, is encrypted, or has no text layer.
    """
    try:
        reader = pypdf.PdfReader(str(path))
        pages = [page.extract_text() or "" for page in reader.pages]
        info = reader.metadata
    except (PdfReadError, OSError, ValueError) as error:
        # pypdf reports damaged objects with ValueError as well as PdfReadError.
        raise InputError(
            f"not a readable PDF ({error}); open it and save or print it again as PDF, or "
            "copy its text into a .txt file and add that",
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
