"""Content-hash caches of the per-file work, so a rebuild reads and extracts only what changed.

The reading of each article file (``ingest.read_file``) is stored under
``<project>/.briefing-cache/read/``, named by a hash of the file's name and bytes and of the
code; a rebuild reads only the files whose bytes changed.

Each article's ``ExtractResult`` is stored as JSON under ``<project>/.briefing-cache/extract/``,
named by a hash of the article as read (text, metadata, line map, file name) and of the
extraction code itself, so an edited article or a new version of the tagger misses the cache.
The folder the file lies in is not part of the key: a project moved or renamed keeps its cache,
and the paths in the stored diagnostics are the article's own, set on the way out. JSON rather
than pickle: a project folder shared between analysts must never be able to run code. The
folder is safe to delete at any time; a damaged entry is simply extracted again.
"""

from __future__ import annotations

import contextlib
import dataclasses
import datetime as dt
import hashlib
import json
from functools import lru_cache
from pathlib import Path
from typing import TYPE_CHECKING, Any

from briefing.errors import RenderError
from briefing.extract.events import ExtractResult
from briefing.files import sweep_folder, write_atomic
from briefing.ingest import FileReading
from briefing.model import (
    Anchoring,
    Article,
    DateMention,
    DateOrigin,
    Diagnostic,
    Event,
    Fact,
    Level,
    Mod,
    Precision,
    RemovedLine,
    SourceRef,
    TimexType,
)

if TYPE_CHECKING:
    from collections.abc import Iterable

CACHE_DIR = Path(".briefing-cache") / "extract"
"""Where, inside a project folder, the entries live."""

_PACKAGE = Path(__file__).resolve().parent
_CODE = ("extract", "timex.py", "model.py", "ingest")
"""What extraction results depend on besides the article: a change here misses the cache."""


@lru_cache(maxsize=1)
def code_fingerprint() -> str:
    """A hash of the extraction code's source files (same code, same results)."""
    digest = hashlib.sha256()
    for name in _CODE:
        root = _PACKAGE / name
        files = sorted(root.rglob("*.py")) if root.is_dir() else [root]
        for path in files:
            digest.update(path.relative_to(_PACKAGE).as_posix().encode())
            digest.update(path.read_bytes())
    return digest.hexdigest()


def key(article: Article) -> str:
    """The cache key of an article: its full reading (``repr`` covers every field) but the
    folder it lies in, and the code."""
    digest = hashlib.sha256(code_fingerprint().encode())
    placeless = dataclasses.replace(article, path=Path(article.path.name))
    digest.update(repr(placeless).encode("utf-8", "surrogatepass"))
    return digest.hexdigest()[:32]


def lookup(project: Path, articles: Iterable[Article]) -> list[ExtractResult | None]:
    """The cached result of each article (None where there is no usable entry), its
    diagnostics naming the article's file where it lies now."""
    found: list[ExtractResult | None] = []
    for article in articles:
        path = project / CACHE_DIR / f"{key(article)}.json"
        try:
            found.append(_result(json.loads(path.read_text(encoding="utf-8")), article.path))
        except (OSError, ValueError, KeyError, TypeError):
            # Missing, half-written by a killed process, or from an older layout: extract again.
            found.append(None)
    return found


def store(project: Path, results: Iterable[tuple[Article, ExtractResult]]) -> None:
    """Remember the result of each article unless it is there; an unwritable project is left
    alone. What killed runs left in the cache is removed first, with one look at the folder."""
    sweep_folder(project / CACHE_DIR)
    for article, result in results:
        path = project / CACHE_DIR / f"{key(article)}.json"
        if path.is_file():
            continue
        data = _result_data(result, article.path)
        text = json.dumps(data, ensure_ascii=False, separators=(",", ":"))
        with contextlib.suppress(RenderError):  # the cache only saves time; never fail a run
            write_atomic(path, text.encode("utf-8"), swept=True)


# ---------------------------------------------------------------------------------------------
# JSON codec of the result types


def _iso(day: dt.date | None) -> str | None:
    return day.isoformat() if day is not None else None


def _day(text: str | None) -> dt.date | None:
    return dt.date.fromisoformat(text) if text is not None else None


def _mention_data(mention: DateMention) -> dict[str, Any]:
    return {
        "start": mention.start,
        "end": mention.end,
        "text": mention.text,
        "type": mention.type.value,
        "value": mention.value,
        "precision": mention.precision.value,
        "mod": mention.mod.value if mention.mod is not None else None,
        "end_value": mention.end_value,
        "first_day": _iso(mention.first_day),
        "last_day": _iso(mention.last_day),
        "anchoring": mention.anchoring.value,
        "inferred": mention.inferred,
        "reason": mention.reason,
    }


def _mention(data: dict[str, Any]) -> DateMention:
    return DateMention(
        start=data["start"],
        end=data["end"],
        text=data["text"],
        type=TimexType(data["type"]),
        value=data["value"],
        precision=Precision(data["precision"]),
        mod=Mod(data["mod"]) if data["mod"] is not None else None,
        end_value=data["end_value"],
        first_day=_day(data["first_day"]),
        last_day=_day(data["last_day"]),
        anchoring=Anchoring(data["anchoring"]),
        inferred=data["inferred"],
        reason=data["reason"],
    )


def _refs_data(refs: tuple[SourceRef, ...]) -> list[list[Any]]:
    return [[ref.article, ref.start, ref.end] for ref in refs]


def _refs(data: list[list[Any]]) -> tuple[SourceRef, ...]:
    return tuple(SourceRef(article=a, start=s, end=e) for a, s, e in data)


_HERE = "@article"
"""How a stored diagnostic names the article's own file, wherever the project lies."""


def _path_data(path: Path | None, here: Path) -> str | None:
    if path is None:
        return None
    return _HERE if path == here else path.as_posix()


def _path(data: str | None, here: Path) -> Path | None:
    if data is None:
        return None
    return here if data == _HERE else Path(data)


def _result_data(result: ExtractResult, here: Path) -> dict[str, Any]:
    return {
        "events": [
            {
                "id": event.id,
                "date": _mention_data(event.date),
                "text": event.text,
                "sources": _refs_data(event.sources),
                "attribution": event.attribution,
                "claim": event.claim,
            }
            for event in result.events
        ],
        "facts": [
            {
                "text": fact.text,
                "sources": _refs_data(fact.sources),
                "as_of": _iso(fact.as_of),
                "attribution": fact.attribution,
                "claim": fact.claim,
            }
            for fact in result.facts
        ],
        "diagnostics": [
            {
                "level": d.level.value,
                "code": d.code,
                "message": d.message,
                "path": _path_data(d.path, here),
                "line": d.line,
            }
            for d in result.diagnostics
        ],
    }


def _result(data: dict[str, Any], here: Path) -> ExtractResult:
    return ExtractResult(
        events=tuple(
            Event(
                id=item["id"],
                date=_mention(item["date"]),
                text=item["text"],
                sources=_refs(item["sources"]),
                attribution=item["attribution"],
                claim=item["claim"],
            )
            for item in data["events"]
        ),
        facts=tuple(
            Fact(
                text=item["text"],
                sources=_refs(item["sources"]),
                as_of=_day(item["as_of"]),
                attribution=item["attribution"],
                claim=item["claim"],
            )
            for item in data["facts"]
        ),
        diagnostics=tuple(
            Diagnostic(
                level=Level(item["level"]),
                code=item["code"],
                message=item["message"],
                path=_path(item["path"], here),
                line=item["line"],
            )
            for item in data["diagnostics"]
        ),
    )


# ---------------------------------------------------------------------------------------------
# The reading of each file, so a rebuild reads only the files that changed

READ_DIR = Path(".briefing-cache") / "read"
"""Where, inside a project folder, the readings live."""


def reading_key(path: Path, content: str) -> str:
    """The cache key of a file's reading: its name, the hash of its bytes (``content``, as
    ``state.snapshot`` found it) and the reading code; never the folder it lies in."""
    digest = hashlib.sha256(code_fingerprint().encode())
    digest.update(f"\n{path.name}\n{content}".encode("utf-8", "surrogatepass"))
    return digest.hexdigest()[:32]


def lookup_readings(project: Path, files: Iterable[tuple[Path, str]]) -> list[FileReading | None]:
    """The cached reading of each (file, content hash); None where there is none (or the file
    is a link, read again every time: where it leads may have changed)."""
    found: list[FileReading | None] = []
    for path, content in files:
        entry = project / READ_DIR / f"{reading_key(path, content)}.json"
        try:
            if not content or path.is_symlink():
                raise FileNotFoundError(path)
            found.append(_reading(json.loads(entry.read_text(encoding="utf-8")), path))
        except (OSError, ValueError, KeyError, TypeError):
            found.append(None)
    return found


def store_readings(project: Path, readings: Iterable[tuple[FileReading, str]]) -> None:
    """Remember each reading under its file's content hash unless it is there."""
    sweep_folder(project / READ_DIR)
    for reading, content in readings:
        if not content:
            continue
        entry = project / READ_DIR / f"{reading_key(reading.path, content)}.json"
        if entry.is_file():
            continue
        data = json.dumps(_reading_data(reading), ensure_ascii=False, separators=(",", ":"))
        with contextlib.suppress(RenderError):
            write_atomic(entry, data.encode("utf-8"), swept=True)


def _diagnostics_data(diagnostics: Iterable[Diagnostic], here: Path) -> list[dict[str, Any]]:
    return [
        {
            "level": d.level.value,
            "code": d.code,
            "message": d.message,
            "path": _path_data(d.path, here),
            "line": d.line,
        }
        for d in diagnostics
    ]


def _diagnostics(data: list[dict[str, Any]], here: Path) -> tuple[Diagnostic, ...]:
    return tuple(
        Diagnostic(
            level=Level(item["level"]),
            code=item["code"],
            message=item["message"],
            path=_path(item["path"], here),
            line=item["line"],
        )
        for item in data
    )


def _reading_data(reading: FileReading) -> dict[str, Any]:
    here, article = reading.path, reading.article
    data: dict[str, Any] = {"diagnostics": _diagnostics_data(reading.diagnostics, here)}
    if article is not None:
        data["article"] = {
            "id": article.id,
            "path": _path_data(article.path, here),
            "text": article.text,
            "title": article.title,
            "publisher": article.publisher,
            "url": article.url,
            "author": article.author,
            "language": article.language,
            "published": _iso(article.published),
            "date_origin": article.date_origin.value,
            "accessed": _iso(article.accessed),
            "reliability": article.reliability,
            "body_line": article.body_line,
            "line_starts": list(article.line_starts),
            "source_lines": list(article.source_lines),
            "removed": [[r.line, r.text, r.reason] for r in article.removed],
        }
    return data


def _reading(data: dict[str, Any], here: Path) -> FileReading:
    item = data.get("article")
    article = None
    if item is not None:
        article = Article(
            id=item["id"],
            path=_path(item["path"], here) or here,
            text=item["text"],
            title=item["title"],
            publisher=item["publisher"],
            url=item["url"],
            author=item["author"],
            language=item["language"],
            published=_day(item["published"]),
            date_origin=DateOrigin(item["date_origin"]),
            accessed=_day(item["accessed"]),
            reliability=item["reliability"],
            body_line=item["body_line"],
            line_starts=tuple(item["line_starts"]),
            source_lines=tuple(item["source_lines"]),
            removed=tuple(RemovedLine(line=n, text=t, reason=r) for n, t, r in item["removed"]),
        )
    return FileReading(here, article, _diagnostics(data["diagnostics"], here))
