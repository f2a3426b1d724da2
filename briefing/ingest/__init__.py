"""Ingest: read article files into ``Article``s, one reader per suffix.

``read`` reads one file; ``read_folder`` reads a project's ``articles/`` folder, turning files
it cannot use into diagnostics so one bad file never stops a run. This package must not import
``briefing.extract`` (a sibling stage) nor docx, reportlab or jinja2.
"""

from __future__ import annotations

import dataclasses
from collections import Counter
from collections.abc import Callable, Iterable, Mapping
from dataclasses import dataclass
from pathlib import Path
from types import MappingProxyType
from typing import Final

from briefing.errors import InputError, shown
from briefing.ingest import text
from briefing.ingest.clean import drop_boilerplate, find_boilerplate
from briefing.ingest.language import DATE_RULES, name_of
from briefing.model import Article, Diagnostic, Level

__all__ = [
    "ARTICLES_DIR",
    "READERS",
    "FileReading",
    "Reader",
    "article_files",
    "assemble",
    "count_files",
    "read",
    "read_file",
    "read_folder",
]

Reader = Callable[["Path"], tuple[Article, tuple[Diagnostic, ...]]]
"""A reader: one file in, the article and what was noticed out; raises ``InputError``."""


def _read_html(path: Path) -> tuple[Article, tuple[Diagnostic, ...]]:
    """``html.read``, imported on first use: trafilatura is slow to import and most projects
    hold Markdown only."""
    from briefing.ingest import html

    return html.read(path)


READERS: Final[Mapping[str, Reader]] = MappingProxyType(
    {
        ".htm": _read_html,
        ".html": _read_html,
        ".md": text.read,
        ".markdown": text.read,
        ".txt": text.read,
    }
)
"""Readers by lowercase file suffix. A saved web page dropped into ``articles/`` is read as it
is (main text by trafilatura), so nothing the analyst saved is silently skipped; ``briefing
add`` is still the better way, since it writes Markdown whose lines can be cited and edited."""

ARTICLES_DIR: Final = "articles"
"""The folder, inside an inputs folder, that holds the articles."""


def read(path: Path) -> tuple[Article, tuple[Diagnostic, ...]]:
    """Read one article with the reader for its suffix.

    Raises:
        InputError: no reader handles the suffix, or the reader cannot use the file.
    """
    reader = READERS.get(path.suffix.lower())
    if reader is None:
        known = ", ".join(sorted(READERS))
        raise InputError(
            f"no reader for '{path.suffix or path.name}' files; save the article as one of {known}",
            path=path,
        )
    return reader(path)


def count_files(folder: Path) -> int:
    """How many files ``read_folder`` will look at (for a progress bar); 0 without a folder."""
    articles_dir = folder / ARTICLES_DIR
    if not articles_dir.is_dir():
        return 0
    return sum(1 for path in articles_dir.iterdir() if _candidate(path))


def _candidate(path: Path) -> bool:
    return not path.name.startswith(".") and not path.is_dir()


def _ignore(_path: Path) -> object:
    return None


def require_project(folder: Path) -> None:
    """Check that ``folder`` is a project (it holds ``articles/``) before anything is written.

    Raises:
        InputError: no such folder, or no ``articles/`` in it; the message says how to make one.
    """
    if not folder.is_dir():
        raise InputError(
            "no briefing project here: the folder does not exist; create a project with "
            f"`briefing init {folder}` or pass the folder that holds 'articles/' with --inputs",
            path=folder,
        )
    if not (folder / ARTICLES_DIR).is_dir():
        raise InputError(
            f"no briefing project here: no '{ARTICLES_DIR}/' folder; run `briefing init "
            f"{folder}` to make one, then put the articles in it as "
            f"{', '.join(sorted(READERS))} files (or use `briefing add`)",
            path=folder,
        )


def _outside(path: Path, folder: Path) -> Diagnostic | None:
    """A warning when ``path`` leads out of the project folder (a symbolic link, or a link in
    its path): a project made by someone else must not make briefing read the user's files."""
    try:
        target = path.resolve(strict=True)
        inside = target.is_relative_to(folder.resolve(strict=True))
    except (OSError, RuntimeError):  # a broken link, a loop of links
        return Diagnostic(
            level=Level.WARNING,
            code="broken-link",
            message="a link that leads nowhere; it is skipped",
            path=path,
        )
    if inside:
        return None
    return Diagnostic(
        level=Level.WARNING,
        code="link-outside-project",
        message=(
            f"a link to {target}, outside the project; it is left out, since a project from "
            f"someone else must never make briefing read other files: copy the file into "
            f"{ARTICLES_DIR}/ to use it"
        ),
        path=path,
    )


@dataclass(frozen=True, slots=True)
class FileReading:
    """One article file as read on its own: the article (None when the file gave none) and
    what reading it reported. Plain data that pickles, so files are read on any worker."""

    path: Path
    article: Article | None
    diagnostics: tuple[Diagnostic, ...]


def article_files(folder: Path) -> tuple[Path, ...]:
    """The files ``read_folder`` looks at, in sorted file-name order.

    Raises:
        InputError: ``folder`` or its ``articles`` folder does not exist.
    """
    require_project(folder)
    return tuple(path for path in sorted((folder / ARTICLES_DIR).iterdir()) if _candidate(path))


def read_file(path: Path) -> FileReading:
    """One file of ``articles/`` read on its own (the part of ``read_folder`` that needs no
    other file): a file of another kind is skipped with an info diagnostic, one that cannot be
    read becomes an error diagnostic; a link leading out of the project folder (the folder
    holding ``articles/``) is skipped with a warning."""
    outside = _outside(path, path.parent.parent)
    if outside is not None:
        return FileReading(path, None, (outside,))
    if path.suffix.lower() not in READERS:
        skipped = Diagnostic(
            level=Level.INFO,
            code="skipped-file",
            message=(
                f"not an article file ({path.suffix or 'no suffix'}); readable kinds "
                f"are {', '.join(sorted(READERS))}"
            ),
            path=path,
        )
        return FileReading(path, None, (skipped,))
    try:
        article, notes = read(path)
    except InputError as error:
        unreadable = Diagnostic(
            level=Level.ERROR,
            code="unreadable-article",
            message=f"{error.message}; the article is skipped",
            path=error.path or path,
            line=error.line,
        )
        return FileReading(path, None, (unreadable,))
    return FileReading(path, article, notes)


def read_folder(
    folder: Path, *, on_file: Callable[[Path], object] = _ignore
) -> tuple[tuple[Article, ...], tuple[Diagnostic, ...]]:
    """Read every article in ``folder/articles``, in sorted file-name order.

    ``on_file`` is called with each file as it is taken up, so a caller can show progress.
    The same as ``assemble`` over ``read_file`` of each of ``article_files``, which is how a
    caller reads the files on several processes.

    Raises:
        InputError: ``folder`` or its ``articles`` folder does not exist.
    """

    def each(path: Path) -> FileReading:
        on_file(path)
        return read_file(path)

    return assemble(folder, map(each, article_files(folder)))


def assemble(
    folder: Path, readings: Iterable[FileReading]
) -> tuple[tuple[Article, ...], tuple[Diagnostic, ...]]:
    """A folder's articles from its files read one by one, with what needs them all.

    Empty articles are left out; articles sharing an id (same name, different suffix) keep the
    first one; lines repeated across many articles of the folder are dropped (site furniture);
    languages without date rules are reported once.
    """
    articles_dir = folder / ARTICLES_DIR
    articles: list[Article] = []
    notes: list[Diagnostic] = []
    ids: set[str] = set()
    for reading in readings:
        notes.extend(reading.diagnostics)
        article = reading.article
        if article is None or not article.text:
            continue
        if article.id in ids:
            notes.append(
                Diagnostic(
                    level=Level.WARNING,
                    code="duplicate-article-id",
                    message=(
                        f"another file is also named {shown(article.id)}; this one is skipped, "
                        "rename it to keep both"
                    ),
                    path=reading.path,
                )
            )
            continue
        ids.add(article.id)
        articles.append(article)
    notes = _once_per_field(notes)
    articles = _without_boilerplate(articles, articles_dir, notes)
    notes.extend(_languages_without_rules(articles))
    if not articles:
        notes.append(
            Diagnostic(
                level=Level.WARNING,
                code="no-articles",
                message=f"no readable article in {articles_dir}; add .md or .txt files there",
                path=articles_dir,
            )
        )
    return tuple(articles), tuple(notes)


def _once_per_field(notes: list[Diagnostic]) -> list[Diagnostic]:
    """One warning per unknown front-matter field, at its first file and line, with the
    count of other articles using it: a field a whole collection carries is one line."""
    first: dict[str, int] = {}
    count: dict[str, int] = {}
    kept: list[Diagnostic] = []
    for note in notes:
        if note.code != "unknown-field":
            kept.append(note)
            continue
        if note.message not in first:
            first[note.message] = len(kept)
            kept.append(note)
        count[note.message] = count.get(note.message, 0) + 1
    for message, index in first.items():
        others = count[message] - 1
        if others:
            more = "article" if others == 1 else "articles"
            kept[index] = dataclasses.replace(
                kept[index], message=f"{message} (also in {others:,} other {more})"
            )
    return kept


def _without_boilerplate(
    articles: list[Article], folder: Path, notes: list[Diagnostic]
) -> list[Article]:
    """Drop lines repeated across many articles of the folder (an outlet's sidebar text)."""
    keys = find_boilerplate(article.text for article in articles)
    cleaned = [drop_boilerplate(article, keys) for article in articles]
    count = sum(
        len(new.removed) - len(old.removed) for new, old in zip(cleaned, articles, strict=True)
    )
    if count:
        notes.append(
            Diagnostic(
                level=Level.INFO,
                code="boilerplate",
                message=(
                    f"removed {count} line(s) repeated word for word across many articles "
                    "(site furniture); 'briefing check --removed' lists them"
                ),
                path=folder,
            )
        )
    return [article for article in cleaned if article.text]


def _languages_without_rules(articles: list[Article]) -> list[Diagnostic]:
    """One warning per language the date rules do not cover, naming its first article.

    Reading such an article with another language's rules would misdate it; the tagger reads
    only the dates written the same way in every language (ISO and numeric dates, years).
    """
    counts = Counter(article.language for article in articles)
    notes = []
    for code in sorted(counts.keys() - DATE_RULES):
        first = next(article for article in articles if article.language == code)
        notes.append(
            Diagnostic(
                level=Level.WARNING,
                code="language-without-date-rules",
                message=(
                    f"{counts[code]} article(s) in {name_of(code)}, which has no date rules: "
                    "only ISO and numeric dates and years are read in them (this is the "
                    "first); set 'language:' if the language is wrong"
                ),
                path=first.path,
            )
        )
    return notes
