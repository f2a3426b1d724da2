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
from briefing.extract.events import extract
from briefing.files import write_atomic
from briefing.ingest import read_folder
from briefing.model import Chronology, Diagnostic
from briefing.render import docx_writer, json_export, pdf_writer
from briefing.render.compose import compose

if TYPE_CHECKING:
    from briefing.config import Options
    from briefing.model import Article, Document, Event

Writer = Callable[["Document", "Chronology"], bytes]

WRITERS: dict[str, tuple[str, Writer]] = {
    "pdf": ("briefing.pdf", lambda document, _: pdf_writer.write(document)),
    "docx": ("briefing.docx", lambda document, _: docx_writer.write(document)),
    "json": ("timeline.json", lambda _, chronology: json_export.write(chronology)),
}
"""Output format -> (file name, writer). Writers get the document and the chronology."""


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
    document = compose(ordered, options, project=project)
    rendered: list[tuple[Path, bytes]] = []
    for name in options.formats:
        filename, writer = WRITERS[name]
        rendered.append((options.out / filename, writer(document, ordered)))
    for path, data in rendered:
        write_atomic(path, data)
    return Result(
        chronology=ordered,
        outputs=tuple(path for path, _ in rendered),
        diagnostics=ordered.diagnostics,
    )
