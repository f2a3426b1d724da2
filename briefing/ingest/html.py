"""The reader for web pages saved from a browser: main text and metadata, furniture removed.

Why trafilatura: it is the extractor with the best published scores on news pages (it wins the
ScrapingHub and Bevendorff et al. benchmarks), it finds title, author, site name and canonical
URL in JSON-LD, Open Graph and plain meta tags, and it dates pages with its companion htmldate,
which reads structured markup (``datePublished``, ``article:published_time``, ``<time>``) before
anything else. We call htmldate without its text search and with an explicit latest date, so
it never guesses a date from the body or a comment and never reads the clock.

This module must not import ``briefing.extract`` nor any document library, and never fetches:
the bytes come from the caller.
"""

from __future__ import annotations

import datetime as dt
import json
import re
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any, Final

import trafilatura
from trafilatura.settings import Document

from briefing.errors import InputError
from briefing.ingest.clean import clean
from briefing.ingest.language import settle
from briefing.model import Article, DateOrigin, Diagnostic, Level

if TYPE_CHECKING:
    from pathlib import Path

__all__ = ["MAX_PAGE_BYTES", "Page", "extract_page", "read", "read_page"]

MAX_PAGE_BYTES: Final = 10 * 1024 * 1024
"""The largest saved page read, as for a page fetched from a URL: an article is well under 1 MB."""
_LATEST: Final = "2100-12-31"
"""The latest date htmldate may return: explicit, so it never asks for today's date."""

_BLOCKS: Final = "self::div or self::section or self::aside or self::ul or self::ol or self::form"
_FURNITURE_WORDS: Final = (
    # comment threads in the languages of the briefings (trafilatura knows English ones)
    "comment",
    "reaction",
    "réaction",
    "reagir",
    "réagir",
    "kommentar",
    "komment",
    "коммент",
    "discussion",
    # share bars, cookie banners, advertising
    "share",
    "partage",
    "social",
    "cookie",
    "consent",
    "bandeau",
    "pub-",
    "-pub",
    "advert",
    "ad-slot",
    "lire-aussi",
    "related",
    "newsletter",
)
_LINES: Final = "self::p or self::span or self::address or self::ul"
_BYLINE_WORDS: Final = ("byline", "dateline", "infos-", "-meta", "auteur")
_LOWER: Final = "translate({}, 'ABCDEFGHIJKLMNOPQRSTUVWXYZ', 'abcdefghijklmnopqrstuvwxyz')"


def _named(elements: str, word: str) -> str:
    """An XPath for ``elements`` whose class or id contains ``word`` (any case)."""
    return (
        f"//*[({elements}) and (contains({_LOWER.format('@class')}, '{word}') "
        f"or contains({_LOWER.format('@id')}, '{word}'))]"
    )


_PRUNE: Final = tuple(
    [_named(_BLOCKS, word) for word in _FURNITURE_WORDS]
    + [_named(_LINES, word) for word in _BYLINE_WORDS]
)
"""Blocks dropped before extraction: comment threads, share bars, banners, ads and byline
lines that trafilatura's English-only rules miss on other sites (``réactions``, ``partage``,
``pub``, ``infos-article``)."""

_LANG: Final = re.compile(r"^([A-Za-z]{2})(?:[-_][A-Za-z0-9]+)*$")


@dataclass(frozen=True, slots=True, kw_only=True)
class Page:
    """What a web page says: its main text and metadata, "" (or None) where it says nothing."""

    text: str
    """The main text, one paragraph per line; "" when the page has none."""
    title: str = ""
    """Headline (``og:title``, JSON-LD ``headline`` or ``<title>`` without the site name)."""
    author: str = ""
    """Byline."""
    publisher: str = ""
    """Site name (``og:site_name``, JSON-LD publisher, ``application-name``)."""
    url: str = ""
    """Canonical URL (``<link rel=canonical>``, ``og:url``)."""
    published: dt.date | None = None
    """Publication date from the page's markup (htmldate, original date preferred)."""
    language: str = ""
    """ISO 639-1 code from ``<html lang>``, ``og:locale`` or JSON-LD ``inLanguage``."""


def extract_page(data: bytes | str, *, url: str = "") -> Page:
    """The main text and metadata of one HTML page.

    Furniture (navigation, ads, share buttons, related links, cookie banners, comments) is
    dropped. When pruning the extra furniture blocks leaves no text (a site whose article
    container is named like furniture), the page is extracted again without that pruning.

    Args:
        data: the page as bytes (its encoding is detected) or text.
        url: where the page came from, used when the page names no canonical URL.
    """
    found = _extract(data, url=url, prune=True)
    if not found.text:
        found = _extract(data, url=url, prune=False)
    return found


def _extract(data: bytes | str, *, url: str, prune: bool) -> Page:
    document = trafilatura.bare_extraction(
        data,
        url=url or None,
        with_metadata=True,
        include_comments=False,
        include_tables=False,
        include_images=False,
        favor_precision=True,
        prune_xpath=list(_PRUNE) if prune else None,
        date_extraction_params={
            "extensive_search": False,
            "original_date": True,
            "outputformat": "%Y-%m-%d",
            "max_date": _LATEST,
        },
    )
    if not isinstance(document, Document):
        return Page(text="", language=_language(data))
    text = "\n".join(line.strip() for line in (document.text or "").splitlines() if line.strip())
    return Page(
        text=text,
        title=_plain(document.title),
        author=_plain(document.author),
        publisher=_plain(document.sitename),
        url=_plain(document.url) or url,
        published=_date(document.date),
        language=_language(data),
    )


def _plain(value: object) -> str:
    return " ".join(str(value).split()) if isinstance(value, str) else ""


def _date(value: object) -> dt.date | None:
    """The page's date, or None when htmldate found none (kept as "not known")."""
    if not isinstance(value, str):
        return None
    try:
        return dt.date.fromisoformat(value[:10])
    except ValueError:
        return None  # htmldate gave something that is not a calendar date: treat as unknown


def _language(data: bytes | str) -> str:
    """The page's declared language: ``<html lang>``, then ``og:locale``, then JSON-LD."""
    tree: Any = trafilatura.load_html(data)
    if tree is None:
        return ""
    candidates: list[str] = [
        *tree.xpath("/html/@lang"),
        *tree.xpath("/html/@xml:lang", namespaces={"xml": "http://www.w3.org/XML/1998/namespace"}),
        *tree.xpath("//meta[@property='og:locale']/@content"),
        *tree.xpath(
            "//meta[translate(@http-equiv, 'CONTENT-LANGUAGE', 'content-language')"
            "='content-language']/@content"
        ),
    ]
    for script in tree.xpath("//script[@type='application/ld+json']/text()"):
        candidates.extend(_json_ld_languages(str(script)))
    for candidate in candidates:
        match = _LANG.match(str(candidate).strip())
        if match is not None:
            return match.group(1).lower()
    return ""


def _json_ld_languages(text: str) -> list[str]:
    try:
        data = json.loads(text)
    except json.JSONDecodeError:
        return []  # broken JSON-LD is common; the other sources of a language still count
    items = data if isinstance(data, list) else [data]
    return [
        item["inLanguage"]
        for item in items
        if isinstance(item, dict) and isinstance(item.get("inLanguage"), str)
    ]


def read_page(path: Path) -> bytes:
    """The bytes of a saved page, refused unread past ``MAX_PAGE_BYTES``.

    Raises:
        InputError: the file cannot be read or is larger than a web page may be.
    """
    try:
        size = path.stat().st_size
        if size > MAX_PAGE_BYTES:
            raise InputError(
                f"the page is {size / 1e6:.1f} MB, more than the "
                f"{MAX_PAGE_BYTES / 1e6:.0f} MB a web page may have; save only the article "
                "(or its text as .txt) and add that",
                path=path,
            )
        return path.read_bytes()
    except OSError as error:
        raise InputError(
            f"cannot read the file ({error.strerror}); check that it exists and is readable",
            path=path,
        ) from error


def read(path: Path) -> tuple[Article, tuple[Diagnostic, ...]]:
    """Read a saved web page dropped into ``articles/`` as it is.

    Spans map to line 1 (the page's lines are not the text's lines); ``briefing add`` turns a
    page into a Markdown article whose lines can be cited and edited.

    Raises:
        InputError: the file cannot be read.
    """
    data = read_page(path)
    page = extract_page(data)
    cleaned = clean(page.text, title=page.title)
    notes = [
        Diagnostic(
            level=Level.INFO,
            code="html-page",
            message=(
                "read as a saved web page; 'briefing add' turns it into a Markdown article "
                "you can check and edit"
            ),
            path=path,
        )
    ]
    language, language_notes = settle(page.language, cleaned.text, path=path, line=1)
    notes.extend(language_notes if cleaned.text else ())
    if not cleaned.text:
        notes.append(
            Diagnostic(
                level=Level.WARNING,
                code="empty-article",
                message="no article text found in the page; it is skipped",
                path=path,
            )
        )
    elif page.published is None:
        notes.append(
            Diagnostic(
                level=Level.WARNING,
                code="no-published-date",
                message=(
                    "the page gives no publication date, so relative dates cannot be placed; "
                    "import it with 'briefing add PAGE --published YYYY-MM-DD'"
                ),
                path=path,
                line=1,
            )
        )
    article = Article(
        id=path.stem,
        path=path,
        text=cleaned.text,
        title=page.title,
        publisher=page.publisher,
        url=page.url,
        author=page.author,
        language=language,
        published=page.published,
        date_origin=DateOrigin.METADATA if page.published else DateOrigin.UNKNOWN,
    )
    return article, tuple(notes)
