"""The one place that runs the stages in order: ingest, extract, timeline, chronology, render.

Glue only. Every output is rendered in memory first and written (atomically) only when all of
them succeeded, so a failure halfway leaves the previous files untouched.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING

from briefing import chronology as chronology_stage
from briefing import timeline
from briefing.config import Options
from briefing.extract.events import extract
from briefing.files import write_atomic
from briefing.ingest import read_folder
from briefing.model import Chronology, Diagnostic, Document
from briefing.render import docx_writer, json_export, pdf_writer, table_exports
from briefing.render.compose import compose, markdown
from briefing.timeline.lock import lock

if TYPE_CHECKING:
    from briefing.model import Article, Event, Fact


@dataclass(frozen=True, slots=True, kw_only=True)
class Composed:
    """Everything a writer may draw on: the one document tree and the data behind it."""

    chronology: Chronology
    markdown: str
    document: Document
    options: Options


@dataclass(frozen=True, slots=True)
class Rendered:
    """One output in memory, with what the writer had to report about it."""

    data: bytes
    diagnostics: tuple[Diagnostic, ...] = ()


def _pdf(composed: Composed) -> Rendered:
    result = pdf_writer.write_with_report(
        composed.document, reproducible=composed.options.reproducible
    )
    return Rendered(result.data, result.diagnostics)


def reference_docx(options: Options) -> Path | None:
    """The project's own ``templates/reference.docx`` (first input folder), if it has one;
    None lets the Word writer use the package's."""
    own = options.inputs[0] / "templates" / "reference.docx"
    return own if own.is_file() else None


Writer = Callable[[Composed], Rendered]

WRITERS: dict[str, tuple[str, Writer]] = {
    "pdf": ("briefing.pdf", _pdf),
    "docx": (
        "briefing.docx",
        lambda c: Rendered(docx_writer.write(c.document, reference=reference_docx(c.options))),
    ),
    "json": ("timeline.json", lambda c: Rendered(json_export.write(c.chronology))),
    "md": ("briefing.md", lambda c: Rendered(c.markdown.encode("utf-8"))),
    "csv": ("timeline.csv", lambda c: Rendered(table_exports.write_csv(c.chronology))),
    "timelinejs": (
        "timelinejs.json",
        lambda c: Rendered(
            table_exports.write_timelinejs(c.chronology, c.options.title, c.options.subtitle)
        ),
    ),
}
"""Output format -> (file name, writer)."""


TIMELINE_FILE = "timeline.yaml"


@dataclass(frozen=True, slots=True, kw_only=True)
class Result:
    """What a run produced."""

    chronology: Chronology
    outputs: tuple[Path, ...]
    """Files written, in format order (the timeline file first when it changed)."""
    diagnostics: tuple[Diagnostic, ...]
    merged: timeline.Merged
    """The curated timeline after merging fresh extraction."""


def read(options: Options) -> tuple[tuple[Article, ...], tuple[Diagnostic, ...]]:
    """All articles of all input folders, with what reading them reported."""
    articles: list[Article] = []
    diagnostics: list[Diagnostic] = []
    for folder in options.inputs:
        found, problems = read_folder(folder)
        articles.extend(found)
        diagnostics.extend(problems)
    return tuple(articles), tuple(diagnostics)


def timeline_path(options: Options) -> Path:
    """The curated timeline file: ``timeline.yaml`` in the first project folder."""
    return options.inputs[0] / TIMELINE_FILE


def stored_statuses(options: Options) -> dict[str, int]:
    """How many events of each status the timeline file holds now (before any merge)."""
    return dict(
        Counter(event.status.value for event in timeline.load(timeline_path(options)).events)
    )


def curate(options: Options) -> tuple[Chronology, timeline.Merged]:
    """Read, extract and merge into the curated timeline; nothing is written."""
    articles, diagnostics = read(options)
    fresh: list[Event] = []
    facts: list[Fact] = []
    found: list[Diagnostic] = list(diagnostics)
    for article in articles:
        result = extract(article)
        fresh.extend(result.events)
        facts.extend(result.facts)
        found.extend(result.diagnostics)
    stored = timeline.load(timeline_path(options))
    merged = timeline.merge(
        stored, tuple(fresh), known_articles=frozenset(article.id for article in articles)
    )
    found.extend(merged.diagnostics)
    ordered = chronology_stage.order(
        merged.events, articles, found, reviewed_only=options.reviewed_only, facts=facts
    )
    return ordered, merged


def update(options: Options) -> Result:
    """Merge new extraction into ``timeline.yaml`` and write it; render nothing."""
    with lock(options.inputs[0]):
        ordered, merged = curate(options)
        timeline.save(timeline_path(options), merged)
    written = (timeline_path(options),) if merged.changed else ()
    return Result(
        chronology=ordered, outputs=written, diagnostics=ordered.diagnostics, merged=merged
    )


def build(options: Options) -> Result:
    """Build the briefing: timeline merged, every output rendered, then all written.

    Nothing is written until every output has been rendered in memory, so an error in any
    writer leaves the previous timeline and documents as they were.
    """
    with lock(options.inputs[0]):
        ordered, merged = curate(options)
        project = options.inputs[0]
        text = markdown(ordered, options, project=project)
        composed = Composed(
            chronology=ordered,
            markdown=text,
            document=compose(ordered, options, project=project, text=text),
            options=options,
        )
        rendered: list[tuple[Path, bytes]] = []
        notes: list[Diagnostic] = []
        for name in options.formats:
            filename, writer = WRITERS[name]
            output = writer(composed)
            rendered.append((options.out / filename, output.data))
            notes.extend(output.diagnostics)
        timeline.save(timeline_path(options), merged)
        for path, data in rendered:
            write_atomic(path, data)
    written = (timeline_path(options),) if merged.changed else ()
    return Result(
        chronology=ordered,
        outputs=written + tuple(path for path, _ in rendered),
        diagnostics=ordered.diagnostics + tuple(notes),
        merged=merged,
    )
