"""The one place that runs the stages in order: ingest, extract, timeline, chronology, render.

Glue only. Every output is rendered in memory first and written (atomically) only when all of
them succeeded, so a failure halfway leaves the previous files untouched.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING

from briefing import chronology as chronology_stage
from briefing.config import Options
from briefing.extract.events import extract
from briefing.files import write_atomic
from briefing.ingest import read_folder
from briefing.model import Chronology, Diagnostic, Document
from briefing.render import docx_writer, json_export, pdf_writer, table_exports
from briefing.render.compose import compose, markdown

if TYPE_CHECKING:
    from briefing.model import Article, Event


@dataclass(frozen=True, slots=True, kw_only=True)
class Composed:
    """Everything a writer may draw on: the one document tree and the data behind it."""

    chronology: Chronology
    markdown: str
    document: Document
    options: Options


Writer = Callable[[Composed], bytes]

WRITERS: dict[str, tuple[str, Writer]] = {
    "pdf": ("briefing.pdf", lambda c: pdf_writer.write(c.document)),
    "docx": ("briefing.docx", lambda c: docx_writer.write(c.document)),
    "json": ("timeline.json", lambda c: json_export.write(c.chronology)),
    "md": ("briefing.md", lambda c: c.markdown.encode("utf-8")),
    "csv": ("timeline.csv", lambda c: table_exports.write_csv(c.chronology)),
    "timelinejs": (
        "timelinejs.json",
        lambda c: table_exports.write_timelinejs(c.chronology, c.options.title, c.options.subtitle),
    ),
}
"""Output format -> (file name, writer)."""


@dataclass(frozen=True, slots=True, kw_only=True)
class Result:
    """What a build produced."""

    chronology: Chronology
    outputs: tuple[Path, ...]
    """Files written, in format order."""
    diagnostics: tuple[Diagnostic, ...]


def read(options: Options) -> tuple[tuple[Article, ...], tuple[Diagnostic, ...]]:
    """All articles of all input folders, with what reading them reported."""
    articles: list[Article] = []
    diagnostics: list[Diagnostic] = []
    for folder in options.inputs:
        found, problems = read_folder(folder)
        articles.extend(found)
        diagnostics.extend(problems)
    return tuple(articles), tuple(diagnostics)


def chronology(options: Options) -> Chronology:
    """Read and extract everything and order it: the chronology, without writing anything."""
    articles, diagnostics = read(options)
    events: list[Event] = []
    found: list[Diagnostic] = list(diagnostics)
    for article in articles:
        result = extract(article)
        events.extend(result.events)
        found.extend(result.diagnostics)
    return chronology_stage.order(events, articles, found, reviewed_only=options.reviewed_only)


def build(options: Options) -> Result:
    """Build the briefing: every requested output rendered, then all written."""
    ordered = chronology(options)
    project = options.inputs[0] if options.inputs else None
    text = markdown(ordered, options, project=project)
    composed = Composed(
        chronology=ordered,
        markdown=text,
        document=compose(ordered, options, project=project, text=text),
        options=options,
    )
    rendered: list[tuple[Path, bytes]] = []
    for name in options.formats:
        filename, writer = WRITERS[name]
        rendered.append((options.out / filename, writer(composed)))
    for path, data in rendered:
        write_atomic(path, data)
    return Result(
        chronology=ordered,
        outputs=tuple(path for path, _ in rendered),
        diagnostics=ordered.diagnostics,
    )
