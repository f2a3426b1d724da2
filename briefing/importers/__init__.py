"""Import articles into a project: files, saved web pages, URLs, Word and PDF reports, text.

``add`` turns each source into ``<inputs>/articles/<published>-<publisher>-<title>.md`` (YAML
front matter + the text), skipping one the project already holds (same URL, or the same text
once normalised), never overwriting a file, under the project lock. This package sits beside
``briefing.pipeline`` (above ``ingest``, whose readers it reuses) because reading .docx needs
python-docx, which ``ingest`` may not import. The access date is a parameter: the library
never reads the clock.

Dependencies chosen here: trafilatura (HTML, see ``briefing.ingest.html``), python-docx and
pypdf (see ``briefing.importers.documents``), urllib (see ``briefing.importers.fetch``).
"""

from __future__ import annotations

import dataclasses
import enum
import hashlib
import re
import unicodedata
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING, Final

import charset_normalizer

from briefing.errors import BriefingError, InputError
from briefing.files import write_atomic
from briefing.importers.complete import Completion, complete
from briefing.importers.documents import read_docx, read_pdf
from briefing.importers.draft import (
    Draft,
    Overrides,
    admiralty,
    markdown,
    normalised_url,
    slug,
)
from briefing.importers.fetch import (
    DEFAULT_MAX_BYTES,
    DEFAULT_TIMEOUT,
    DEFAULT_TOTAL_TIMEOUT,
    fetch,
    is_url,
)
from briefing.ingest import ARTICLES_DIR, READERS, read
from briefing.ingest import text as text_reader
from briefing.ingest.clean import clean
from briefing.ingest.html import extract_page, read_page
from briefing.ingest.language import detect, name_of
from briefing.model import Diagnostic, Level
from briefing.timeline.lock import lock

if TYPE_CHECKING:
    import datetime as dt
    from collections.abc import Iterable

__all__ = [
    "DEFAULT_LIMITS",
    "NO_OVERRIDES",
    "STDIN",
    "Draft",
    "ImportResult",
    "ImportStatus",
    "Limits",
    "Overrides",
    "add",
    "admiralty",
    "draft_from",
    "import_draft",
]

STDIN: Final = "-"
"""The source name that stands for pasted text (standard input)."""
_HTML_SUFFIXES: Final = frozenset([".html", ".htm", ".xhtml"])
_TEXT_SUFFIXES: Final = frozenset([".txt", ".md", ".markdown", ".text"])
_HTML_TYPES: Final = frozenset(["text/html", "application/xhtml+xml"])


class ImportStatus(enum.StrEnum):
    """What became of one source."""

    ADDED = "added"
    """A new article file was written."""
    DUPLICATE = "duplicate"
    """The project already holds this article; nothing was written."""
    COMPLETED = "completed"
    """The project already holds this article; metadata given for it filled in its file."""
    FAILED = "failed"
    """The source could not be read or fetched; the error is in the diagnostics."""


@dataclass(frozen=True, slots=True, kw_only=True)
class Limits:
    """Bounds on fetching a URL."""

    timeout: float = DEFAULT_TIMEOUT
    """Seconds to wait for the server to connect or send anything."""
    max_bytes: int = DEFAULT_MAX_BYTES
    """Largest body accepted."""
    total_timeout: float = DEFAULT_TOTAL_TIMEOUT
    """Seconds the whole fetch may take, redirects and download included."""


DEFAULT_LIMITS: Final = Limits()
"""20 seconds a wait, 60 seconds in all, 10 MB."""
NO_OVERRIDES: Final = Overrides()
"""Keep the metadata the source gives."""


@dataclass(frozen=True, slots=True, kw_only=True)
class ImportResult:
    """The outcome of importing one source."""

    source: str
    """The source as given (file name, URL or ``-``)."""
    status: ImportStatus
    path: Path
    """The article file written, or (for a duplicate) the file that already holds it; for a
    failure, the articles folder."""
    reason: str = ""
    """Why a duplicate is one (``same URL``, ``same text``); the error for a failure."""
    diagnostics: tuple[Diagnostic, ...] = field(default=())
    """What was noticed: no date found, language unknown, the error of a failure."""


# ---------------------------------------------------------------------------------------------
# Sources to drafts


def draft_from(
    source: str, *, today: dt.date, pasted: str = "", limits: Limits = DEFAULT_LIMITS
) -> Draft:
    """Read one source into a draft: a URL, a file by suffix, or ``-`` for ``pasted``.

    Args:
        source: an http(s) URL, a file path, or ``-``.
        today: the access date recorded for a URL (from the command line's clock).
        pasted: the text standing for ``-``.
        limits: timeout and size cap for a URL.

    Raises:
        InputError: the source cannot be read, fetched or has no text.
    """
    if source == STDIN:
        return _draft_from_text(pasted, source=STDIN)
    if is_url(source):
        fetched = fetch(
            source,
            timeout=limits.timeout,
            max_bytes=limits.max_bytes,
            total_timeout=limits.total_timeout,
        )
        draft = _draft_from_bytes(
            fetched.data,
            content_type=fetched.content_type,
            charset=fetched.charset,
            source=source,
            url=fetched.final_url,
        )
        return dataclasses.replace(
            draft, fetched_from=source, accessed=today, url=draft.url or fetched.final_url
        )
    path = Path(source)
    suffix = path.suffix.lower()
    if not path.is_file():
        raise InputError(
            "no such file; give a file, an http(s):// address, or - for pasted text", path=path
        )
    if suffix == ".docx":
        return read_docx(path)
    if suffix == ".pdf":
        return read_pdf(path)
    if suffix in _TEXT_SUFFIXES:
        return _draft_from_text_file(path)
    if suffix in _HTML_SUFFIXES:
        data = read_page(path)
        return _draft_from_bytes(data, content_type="text/html", charset="", source=source, url="")
    raise InputError(
        f"cannot import '{path.suffix or path.name}' files; import .txt, .md, .html, .docx or "
        ".pdf files, http(s) addresses, or - for pasted text",
        path=path,
    )


def _draft_from_bytes(
    data: bytes, *, content_type: str, charset: str, source: str, url: str
) -> Draft:
    if content_type in _HTML_TYPES or (content_type == "" and b"<html" in data[:2048].lower()):
        page = extract_page(data if not charset else _decode(data, charset), url=url)
        return Draft(
            text=page.text,
            source=source,
            title=page.title,
            publisher=page.publisher,
            url=page.url,
            author=page.author,
            language=page.language,
            published=page.published,
        )
    if content_type.startswith("text/"):
        return _draft_from_text(_decode(data, charset), source=source)
    raise InputError(
        f"{source}: cannot import {content_type or 'unknown'} content; import web pages "
        "(text/html) or text, or download the file and add it"
    )


def _decode(data: bytes, charset: str) -> str:
    if charset:
        try:
            return data.decode(charset)
        except (LookupError, UnicodeDecodeError):
            pass  # a wrong charset header is common: detect instead
    try:
        return data.decode("utf-8-sig")
    except UnicodeDecodeError:
        best = charset_normalizer.from_bytes(data).best()
        if best is None:
            raise InputError("the text is not in any encoding we recognise") from None
        return str(best)


def _draft_from_text(text: str, *, source: str) -> Draft:
    """Pasted or fetched plain text: all of it is the article, the flags give the metadata."""
    return Draft(text=text.replace("\r\n", "\n").replace("\r", "\n"), source=source)


def _draft_from_text_file(path: Path) -> Draft:
    """A text or Markdown file read as the articles folder would read it: its front matter
    (if any) becomes the metadata, its cleaned body the text."""
    article, _ = text_reader.read(path)
    return Draft(
        text=article.text,
        source=str(path),
        title=article.title,
        publisher=article.publisher,
        url=article.url,
        author=article.author,
        language=article.language,
        published=article.published,
        accessed=article.accessed,
        reliability=article.reliability,
    )


# ---------------------------------------------------------------------------------------------
# Duplicates


def text_key(text: str) -> str:
    """A hash of the text's words, case, accents of quotes, spacing and punctuation aside."""
    words = re.findall(r"\w+", unicodedata.normalize("NFKC", text).casefold())
    return hashlib.sha256(" ".join(words).encode("utf-8")).hexdigest()


@dataclass(frozen=True, slots=True)
class _Known:
    """The project's articles, by normalised URL and by text key."""

    urls: dict[str, Path]
    texts: dict[str, Path]


def _known(folder: Path) -> _Known:
    urls: dict[str, Path] = {}
    texts: dict[str, Path] = {}
    if not folder.is_dir():
        return _Known(urls, texts)
    for path in sorted(folder.iterdir()):
        if path.name.startswith(".") or path.suffix.lower() not in READERS:
            continue
        try:
            article, _ = read(path)
        except InputError:
            continue  # an unreadable article cannot be a duplicate; 'briefing check' reports it
        if article.url:
            urls.setdefault(normalised_url(article.url), path)
        if article.text:
            texts.setdefault(text_key(article.text), path)
    return _Known(urls, texts)


def _duplicate(draft: Draft, known: _Known) -> tuple[Path, str] | tuple[()]:
    """The file already holding this article and why, or ``()``."""
    for url in (draft.url, draft.fetched_from):
        if url and normalised_url(url) in known.urls:
            return known.urls[normalised_url(url)], "same URL"
    key = text_key(clean(draft.text, title=draft.title).text)
    if key in known.texts:
        return known.texts[key], "same text"
    return ()


def _free_path(folder: Path, stem: str) -> Path:
    """``stem.md`` in ``folder``, or ``stem-2.md``, ``stem-3.md``… when the name is taken by
    a file of any suffix (article ids are file names without suffix)."""
    taken = {path.stem.lower() for path in folder.iterdir()} if folder.is_dir() else set()
    candidate, number = stem, 1
    while candidate.lower() in taken:
        number += 1
        candidate = f"{stem}-{number}"
    return folder / f"{candidate}.md"


# ---------------------------------------------------------------------------------------------
# Writing


def import_draft(
    draft: Draft, inputs: Path, *, given: Overrides = NO_OVERRIDES, force: bool = False
) -> ImportResult:
    """Write ``draft`` into ``inputs/articles`` unless the project already holds it.

    For an article already held, the metadata ``given`` by the analyst fills in the fields its
    file lacks (status ``completed``); with ``force`` it replaces what the file has. Call it
    under the project lock (``add`` does): the duplicate check and the free file name are only
    valid while no one else writes there.

    Raises:
        InputError: the draft has no text, or more than a build accepts (``MAX_BYTES``).
        RenderError: the file cannot be written.
    """
    folder = inputs / ARTICLES_DIR
    _check_size(draft, len(draft.text.encode("utf-8")))  # before any work on the text
    text = clean(draft.text, title=draft.title).text
    if not text:
        raise InputError(f"{draft.source}: no article text found; nothing to import")
    detected = "" if draft.language else detect(text).code
    if detected:
        draft = dataclasses.replace(draft, language=detected)
    found = _duplicate(draft, _known(folder))
    if found:
        existing, why = found
        return _completed(draft, existing, why, given=given, force=force)
    path = _free_path(folder, slug(draft))
    data = markdown(draft).encode("utf-8")
    _check_size(draft, len(data))
    write_atomic(path, data)
    return ImportResult(
        source=draft.source,
        status=ImportStatus.ADDED,
        path=path,
        diagnostics=_notes(draft, path, detected=detected),
    )


def _completed(
    draft: Draft, existing: Path, why: str, *, given: Overrides, force: bool
) -> ImportResult:
    """The result for an article already held, its metadata filled in from ``given``."""
    # Only a Markdown or text file has front matter to fill in.
    textual = existing.suffix.lower() in _TEXT_SUFFIXES
    done = complete(existing, given, force=force) if textual else Completion()
    if not (done.filled or done.replaced):
        kept = f"; it already has {', '.join(done.kept)} (--force replaces them)"
        return ImportResult(
            source=draft.source,
            status=ImportStatus.DUPLICATE,
            path=existing,
            reason=why + (kept if done.kept else ""),
        )
    parts = [f"{why}: filled in {', '.join(done.filled)}" if done.filled else why]
    if done.replaced:
        parts.append(f"replaced {', '.join(done.replaced)}")
    if done.kept:
        parts.append(f"kept its own {', '.join(done.kept)} (--force replaces them)")
    return ImportResult(
        source=draft.source,
        status=ImportStatus.COMPLETED,
        path=existing,
        reason="; ".join(parts),
    )


def _check_size(draft: Draft, size: int) -> None:
    """The same limit as ``build``: a file it would leave out is never written."""
    if size > text_reader.MAX_BYTES:
        raise text_reader.too_large(
            f"{draft.source}: the article would be {size / 1e6:.1f} MB", None
        )


def _notes(draft: Draft, path: Path, *, detected: str) -> tuple[Diagnostic, ...]:
    notes: list[Diagnostic] = []
    if draft.published is None:
        notes.append(
            Diagnostic(
                level=Level.WARNING,
                code="no-published-date",
                message=(
                    "no publication date found, so relative dates cannot be placed; add "
                    "'published: YYYY-MM-DD' to the front matter (or import with --published)"
                ),
                path=path,
                line=1,
            )
        )
    if detected:
        notes.append(
            Diagnostic(
                level=Level.INFO,
                code="language-detected",
                message=(
                    f"the source does not say its language; the text reads as "
                    f"{name_of(detected)}, written as 'language: {detected}'"
                ),
                path=path,
            )
        )
    elif not draft.language:
        notes.append(
            Diagnostic(
                level=Level.INFO,
                code="language-assumed",
                message=(
                    "the source does not say its language and the text is too short to tell; "
                    "read as English (add 'language:')"
                ),
                path=path,
            )
        )
    return tuple(notes)


def add(
    sources: Iterable[str],
    inputs: Path,
    *,
    today: dt.date,
    overrides: Overrides = NO_OVERRIDES,
    pasted: str = "",
    limits: Limits = DEFAULT_LIMITS,
    force: bool = False,
) -> tuple[ImportResult, ...]:
    """Import every source into the project, in order, under the project lock.

    A source that fails is reported (status ``failed``) and the others are still imported;
    a source repeating one imported earlier in the same call is a duplicate. For an article
    the project holds, ``overrides`` fill in what its file lacks (``force``: replace it).

    Raises:
        InputError: the inputs folder does not exist, or another build holds the lock.
    """
    if not inputs.is_dir():
        raise InputError(
            "the inputs folder does not exist; pass the project folder with --inputs",
            path=inputs,
        )
    results: list[ImportResult] = []
    with lock(inputs):
        for source in sources:
            try:
                draft = draft_from(source, today=today, pasted=pasted, limits=limits)
                results.append(
                    import_draft(
                        draft.with_overrides(overrides), inputs, given=overrides, force=force
                    )
                )
            except BriefingError as error:
                results.append(
                    ImportResult(
                        source=source,
                        status=ImportStatus.FAILED,
                        path=inputs / ARTICLES_DIR,
                        reason=str(error),
                        diagnostics=(
                            Diagnostic(
                                level=Level.ERROR,
                                code="import-failed",
                                message=error.message,
                                path=error.path,
                                line=error.line,
                            ),
                        ),
                    )
                )
    return tuple(results)
