"""The one place that runs the stages in order: ingest, extract, timeline, chronology, render.

Glue only. Every output is rendered in memory first and written (atomically) only when all of
them succeeded, so a failure halfway leaves the previous files untouched.
"""

from __future__ import annotations

import contextlib
import dataclasses
import hashlib
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING, Protocol, TypeVar

from briefing import chronology as chronology_stage
from briefing import extract_cache, state, timeline
from briefing.config import Options
from briefing.engine import Engine, open_engine
from briefing.errors import InputError
from briefing.extract.events import ExtractResult, extract
from briefing.files import write_all_atomic
from briefing.ingest import (
    READERS,
    FileReading,
    article_files,
    assemble,
    read_file,
    require_project,
)
from briefing.ingest import read as read_article
from briefing.model import Article, Chronology, Diagnostic, Document, Level, Section
from briefing.render.citations import SourceEntry
from briefing.render.resources import default_templates
from briefing.timeline.lock import lock
from briefing.version import __version__

if TYPE_CHECKING:
    from collections.abc import Sequence

    from briefing.render.pdf_writer import PdfResult


_T = TypeVar("_T")


class Progress(Protocol):
    """Wraps the items of a long stage so the caller can show progress; yields them unchanged.

    The library never prints: the command line passes a progress bar here, tests and library
    users the default ``quiet``. ``stage`` names the work ("reading", "extracting",
    "rendering"); ``total`` is how many items will come.
    """

    def __call__(self, items: Iterable[_T], /, *, stage: str, total: int) -> Iterable[_T]:
        """The same items, in the same order."""
        ...


def quiet(items: Iterable[_T], /, *, stage: str, total: int) -> Iterable[_T]:  # noqa: ARG001 -- the Progress signature; nothing to show
    """No progress shown: the items as they come."""
    return items


@dataclass(frozen=True, slots=True, kw_only=True)
class Composed:
    """Everything a writer may draw on: the one document tree and the data behind it."""

    chronology: Chronology
    markdown: str
    document: Document
    options: Options
    sources: tuple[SourceEntry, ...] = ()
    """The sources the document cites, numbered as it cites them (the exports number alike)."""
    layouts: dict[str, object] = field(default_factory=dict)
    """The PDF layout once made (the Word file takes its contents' page numbers from it)."""


@dataclass(frozen=True, slots=True)
class Rendered:
    """One output in memory, with what the writer had to report about it."""

    data: bytes
    diagnostics: tuple[Diagnostic, ...] = ()


# The writers are imported when used: reportlab, python-docx and Jinja2 take most of a second
# to import, which `status`, `check` and `update` never need.


def _pdf_layout(composed: Composed) -> PdfResult:
    """The PDF of the document, laid out once per build."""
    from briefing.render import pdf_writer

    made = composed.layouts.get("pdf")
    if not isinstance(made, pdf_writer.PdfResult):
        made = composed.layouts["pdf"] = pdf_writer.write_with_report(
            composed.document, reproducible=composed.options.reproducible
        )
    return made


def _pdf(composed: Composed) -> Rendered:
    result = _pdf_layout(composed)
    return Rendered(result.data, result.diagnostics)


def reference_docx(options: Options) -> Path | None:
    """The project's own ``templates/reference.docx`` (first input folder), if it has one;
    None lets the Word writer use the package's."""
    own = options.inputs[0] / "templates" / "reference.docx"
    return own if own.is_file() else None


def _docx(composed: Composed) -> Rendered:
    from briefing.render import docx_writer

    reference = reference_docx(composed.options)
    # The contents list shows the pages the PDF layout found (same A4 page, same fonts), so
    # Word has no field to update on opening; F9 in Word recomputes them from its own layout.
    pages = _pdf_layout(composed).headings
    return Rendered(docx_writer.write(composed.document, reference=reference, heading_pages=pages))


def _json(composed: Composed) -> Rendered:
    from briefing.render import json_export

    return Rendered(json_export.write(composed.chronology))


def _markdown(composed: Composed) -> Rendered:
    from briefing.render import markdown_export

    notes = {e.anchor: str(e.citation) for e in composed.sources}
    return Rendered(markdown_export.write(composed.markdown, composed.document.meta, notes))


def _csv(composed: Composed) -> Rendered:
    from briefing.render import table_exports

    return Rendered(table_exports.write_csv(composed.chronology))


def _sources(composed: Composed) -> Rendered:
    from briefing.render import csl

    return Rendered(csl.write(composed.chronology, composed.sources))


def _timelinejs(composed: Composed) -> Rendered:
    from briefing.render import timelinejs

    options = composed.options
    return Rendered(timelinejs.write_json(composed.chronology, options.title, options.subtitle))


def _timelinejs_sheet(composed: Composed) -> Rendered:
    from briefing.render import timelinejs

    options = composed.options
    return Rendered(timelinejs.write_csv(composed.chronology, options.title, options.subtitle))


Writer = Callable[[Composed], Rendered]

WRITERS: dict[str, tuple[str, Writer]] = {
    "pdf": ("briefing.pdf", _pdf),
    "docx": ("briefing.docx", _docx),
    "json": ("timeline.json", _json),
    "md": ("briefing.md", _markdown),
    "csv": ("timeline.csv", _csv),
    "timelinejs": ("timelinejs.json", _timelinejs),
    "timelinejs-csv": ("timelinejs.csv", _timelinejs_sheet),
    "sources": ("sources.json", _sources),
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
    reused: state.State | None = None
    """When nothing changed since the last build (articles, timeline file, settings, templates,
    version, outputs): that build's record. Nothing was read, rendered or written; the
    chronology and the merged timeline are then empty, the counts are the record's."""


def read(
    options: Options,
    *,
    engine: Engine | None = None,
    progress: Progress = quiet,
    cache: Path | None = None,
) -> tuple[tuple[Article, ...], tuple[Diagnostic, ...]]:
    """All articles of all input folders, with what reading them reported.

    The files are read on ``engine`` (in this process without one); what needs a folder's
    articles at once (dropping lines repeated across them) is done here afterwards. With
    ``cache`` (a project folder), a file whose bytes were read before is taken from its
    content-hash cache, and only new or changed files are read.
    """
    articles, diagnostics, _ = _read(options, engine=engine, progress=progress, cache=cache)
    return articles, diagnostics


Fresh = tuple[tuple[FileReading, str], ...]
"""Files read (not taken from the cache) with their content hashes, for ``remember``."""


def _read(
    options: Options, *, engine: Engine | None, progress: Progress, cache: Path | None
) -> tuple[tuple[Article, ...], tuple[Diagnostic, ...], Fresh]:
    files = [(n, path) for n, folder in enumerate(options.inputs) for path in article_files(folder)]
    contents = _contents(options, files) if cache is not None else [""] * len(files)
    pairs = [(path, content) for (_, path), content in zip(files, contents, strict=True)]
    hits = extract_cache.lookup_readings(cache, pairs) if cache is not None else [None] * len(files)
    missing = [path for (_, path), hit in zip(files, hits, strict=True) if hit is None]
    with _engine_for(engine) as running:
        done = progress(running.map(read_file, missing), stage="reading", total=len(missing))
        fresh = iter(tuple(done))
    readings = [hit if hit is not None else next(fresh) for hit in hits]
    new = tuple(
        (reading, content)
        for reading, content, hit in zip(readings, contents, hits, strict=True)
        if hit is None
    )
    by_folder: list[list[FileReading]] = [[] for _ in options.inputs]
    for (index, _), reading in zip(files, readings, strict=True):
        by_folder[index].append(reading)
    articles: list[Article] = []
    diagnostics: list[Diagnostic] = []
    for folder, folder_readings in zip(options.inputs, by_folder, strict=True):
        found, problems = assemble(folder, folder_readings)
        articles.extend(found)
        diagnostics.extend(problems)
    return tuple(articles), tuple(diagnostics), new


def _contents(options: Options, files: Sequence[tuple[int, Path]]) -> list[str]:
    """The content hash of each file, from the project's snapshot (files whose size and time
    match the last run's record are not hashed again); "" for a file it does not list."""
    now = state.snapshot(options.inputs, state.read_snapshot(options.inputs))
    return [key[2] if (key := now.files[n].get(path.name)) is not None else "" for n, path in files]


def _engine_for(engine: Engine | None, jobs: int = 1) -> contextlib.AbstractContextManager[Engine]:
    """``engine`` itself (its owner closes it), else a new one for this call only."""
    if engine is not None:
        return contextlib.nullcontext(engine)
    return open_engine("process", jobs=jobs)


def extract_all(
    articles: Sequence[Article],
    *,
    jobs: int = 1,
    progress: Progress = quiet,
    cache: Path | None = None,
    engine: Engine | None = None,
) -> tuple[ExtractResult, ...]:
    """``extract`` over every article, in order, on ``engine`` (else on ``jobs`` processes).

    With ``cache`` (a project folder), results that ``remember`` stored for an article read
    the same way by the same code are taken from its content-hash cache, and only new or
    changed articles are extracted. ``extract`` is pure, so the results are the same for any
    engine and with or without the cache.
    """
    hits = extract_cache.lookup(cache, articles) if cache is not None else [None] * len(articles)
    missing = [article for article, hit in zip(articles, hits, strict=True) if hit is None]
    with _engine_for(engine, jobs) as running:
        done = progress(running.map(extract, missing), stage="extracting", total=len(missing))
        fresh = iter(tuple(done))
    return tuple(hit if hit is not None else next(fresh) for hit in hits)


def remember(
    cache: Path,
    articles: Sequence[Article],
    results: Sequence[ExtractResult],
    readings: Fresh = (),
) -> None:
    """Store the readings and results not cached yet; called once a run's outputs are safely
    written (a failed run leaves the project as it was)."""
    extract_cache.store_readings(cache, readings)
    extract_cache.store(cache, zip(articles, results, strict=True))


def timeline_path(options: Options) -> Path:
    """The curated timeline file: ``timeline.yaml`` in the first project folder."""
    return options.inputs[0] / TIMELINE_FILE


@dataclass(frozen=True, slots=True, kw_only=True)
class Curated:
    """A run's reading: the chronology, the merged timeline, and what extraction produced."""

    chronology: Chronology
    merged: timeline.Merged
    articles: tuple[Article, ...]
    results: tuple[ExtractResult, ...]
    readings: Fresh
    """The files this run read (not from the cache), to remember with the results."""
    stored_statuses: dict[str, int]
    """How many events of each status the curated timeline holds."""
    stored_ids: frozenset[str]
    """The event ids the last build or update knew (to count the new ones)."""


def curate(
    options: Options, *, jobs: int = 1, progress: Progress = quiet, executor: str = "process"
) -> tuple[Chronology, timeline.Merged]:
    """Read, extract (on ``jobs`` processes, or the ``executor``'s workers: see
    ``briefing.engine``) and merge into the curated timeline; nothing is written."""
    run = _curate(options, jobs=jobs, progress=progress, executor=executor)
    return run.chronology, run.merged


def _curate(
    options: Options, *, jobs: int, progress: Progress, executor: str = "process"
) -> Curated:
    with open_engine(executor, jobs=jobs) as engine:
        articles, diagnostics, readings = _read(
            options, engine=engine, progress=progress, cache=options.inputs[0]
        )
        results = extract_all(articles, progress=progress, cache=options.inputs[0], engine=engine)
    fresh = tuple(event for result in results for event in result.events)
    facts = [fact for result in results for fact in result.facts]
    found = [*diagnostics, *(d for result in results for d in result.diagnostics)]
    stored = timeline.load(timeline_path(options))
    known = frozenset(article.id for article in articles)
    events, rejected = timeline.curated(stored, fresh, known_articles=known)
    ordered = chronology_stage.order(
        (*events, *rejected),
        articles,
        found,
        reviewed_only=options.reviewed_only,
        facts=facts,
        max_events=options.max_events,
        story=_story(options),
    )
    # The file keeps the events the briefing shows (and whatever the analyst touched).
    merged = timeline.merge(stored, fresh, known_articles=known, keep=shown_ids(ordered))
    ordered = dataclasses.replace(ordered, diagnostics=ordered.diagnostics + merged.diagnostics)
    merged = timeline.annotate(merged, notes(ordered))
    return Curated(
        chronology=ordered,
        merged=merged,
        articles=articles,
        results=results,
        readings=readings,
        stored_statuses=merged.statuses,
        stored_ids=_known_ids(options, stored),
    )


def _known_ids(options: Options, stored: timeline.Timeline) -> frozenset[str]:
    """The event ids the last build or update knew (its record), else the file's."""
    recorded = state.read(options.inputs)
    return recorded.ids if recorded is not None else stored.reading.ids


def _record(
    options: Options, run: Curated, *, build: str = "", outputs: Sequence[Path] = ()
) -> None:
    """Store what this run found, for ``status``, ``check`` and the next build (after the
    timeline is saved); ``build`` and ``outputs`` say what a build rendered from and wrote."""
    state.write(
        options.inputs,
        build=build,
        outputs=outputs,
        version=__version__,
        articles=run.articles,
        placed=len(run.chronology.events),
        unplaced=len(run.chronology.unplaced),
        statuses=run.merged.statuses,
        ids=sorted(run.merged.ids),
        diagnostics=run.chronology.diagnostics,
    )


_SECTION_WORDS = {
    Section.KEY: "key event",
    Section.BACKGROUND: "background",
    Section.AHEAD: "looking ahead",
    Section.OTHER: "not selected",
}


_SHOWN = frozenset({Section.KEY, Section.BACKGROUND, Section.AHEAD})


def shown_ids(chronology: Chronology) -> frozenset[str]:
    """The events the briefing shows in its sections (key events, background, looking
    ahead): the id of each one's shown report, which the timeline file keeps."""
    return frozenset(e.id for e in chronology.events if e.section in _SHOWN)


def notes(chronology: Chronology) -> dict[str, str]:
    """The build's note on each timeline entry: where its event is shown and why ("key event,
    salience 6.78: reported or referred to by 91 articles…"), or which event it was merged
    into."""
    said: dict[str, str] = {}
    for event in chronology.events:
        if event.section is None or event.salience is None:
            continue
        where = _SECTION_WORDS[event.section]
        reasons = "; ".join(event.salience.reasons)
        said[event.id] = f"{where}, salience {event.salience.score:.2f}: {reasons}"
        for member in event.members[1:]:
            said[member] = f"merged into {event.id} ({where})"
    return said


def _story(options: Options) -> tuple[str, ...]:
    """What the analyst says the briefing is about: its title (unless the default) and
    keywords."""
    title = () if options.title == Options().title else (options.title,)
    return (*title, *options.keywords)


def update(
    options: Options, *, jobs: int = 1, progress: Progress = quiet, executor: str = "process"
) -> Result:
    """Merge new extraction into ``timeline.yaml`` and write it; render nothing."""
    for folder in options.inputs:
        require_project(folder)
    with lock(options.inputs[0]):
        run = _curate(options, jobs=jobs, progress=progress, executor=executor)
        ordered, merged = run.chronology, run.merged
        timeline.save(timeline_path(options), merged)
        remember(options.inputs[0], run.articles, run.results, run.readings)
        _record(options, run)
    written = (timeline_path(options),) if merged.changed else ()
    return Result(
        chronology=ordered, outputs=written, diagnostics=ordered.diagnostics, merged=merged
    )


def build(
    options: Options, *, jobs: int = 1, progress: Progress = quiet, executor: str = "process"
) -> Result:
    """Build the briefing: timeline merged, every output rendered, then all written.

    Nothing is written until every output has been rendered in memory, and the outputs are
    staged as temporary files before any replaces its old version, so an error in a writer,
    a full disk or an unwritable folder leaves the previous timeline and documents as they were.
    """
    for folder in options.inputs:
        require_project(folder)
    with lock(options.inputs[0]):
        key = build_key(options)
        recorded = _unchanged(options, key)
        if recorded is not None:
            return _reused(recorded)
        run = _curate(options, jobs=jobs, progress=progress, executor=executor)
        ordered, merged = run.chronology, run.merged
        project = options.inputs[0]
        from briefing.render.compose import render

        composition = render(ordered, options, project=project)
        composed = Composed(
            chronology=ordered,
            markdown=composition.markdown,
            document=composition.document,
            options=options,
            sources=composition.sources,
        )
        rendered: list[tuple[Path, bytes]] = []
        notes: list[Diagnostic] = []
        formats = options.formats
        for name in progress(formats, stage="rendering", total=len(formats)):
            filename, writer = WRITERS[name]
            output = writer(composed)
            rendered.append((options.out / filename, output.data))
            notes.extend(output.diagnostics)
        with write_all_atomic(rendered):
            timeline.save(timeline_path(options), merged)
        remember(project, run.articles, run.results, run.readings)
        _record(options, run, build=key, outputs=[path for path, _ in rendered])
    written = (timeline_path(options),) if merged.changed else ()
    return Result(
        chronology=ordered,
        outputs=written + tuple(path for path, _ in rendered),
        diagnostics=ordered.diagnostics + tuple(notes),
        merged=merged,
    )


def build_key(options: Options) -> str:
    """A digest of what a build renders from besides the articles and the timeline file: the
    settings (the briefing's date included), the version, and every template file it may use
    (the project's ``templates/``, a template given as a path, the package's own)."""
    digest = hashlib.sha256(__version__.encode())
    resolved = dataclasses.replace(
        options,
        inputs=tuple(folder.resolve() for folder in options.inputs),
        out=options.out.resolve(),
    )
    digest.update(repr(resolved).encode("utf-8", "surrogatepass"))
    given = Path(options.template)
    places = [options.inputs[0] / "templates", default_templates()]
    files = [given] if given.suffix and given.is_file() else []
    for place in places:
        with contextlib.suppress(OSError):
            files.extend(sorted(path for path in place.rglob("*") if path.is_file()))
    for path in files:
        digest.update(str(path).encode("utf-8", "surrogatepass"))
        with contextlib.suppress(OSError):
            digest.update(hashlib.sha256(path.read_bytes()).digest())
    return digest.hexdigest()


def _unchanged(options: Options, key: str) -> state.State | None:
    """The last build's record when nothing it rendered from has changed since and its outputs
    are still there as written; None when the project must be built."""
    recorded = state.read(options.inputs)
    if recorded is None or recorded.version != __version__ or recorded.build != key:
        return None
    wanted = {str((options.out / WRITERS[name][0]).resolve()) for name in options.formats}
    if set(recorded.outputs) != wanted or not recorded.outputs_intact():
        return None
    now = state.snapshot(options.inputs, recorded.snapshot)
    return recorded if state.compare(recorded, now, options.inputs).none else None


def _reused(recorded: state.State) -> Result:
    """The result of a build with nothing to do: the record's counts and diagnostics."""
    merged = timeline.Merged(
        events=(),
        rejected=(),
        diagnostics=(),
        text="",
        changed=False,
        cache_text="",
        cache_changed=False,
        statuses=recorded.statuses,
        ids=recorded.ids,
    )
    chronology = Chronology(events=(), unplaced=(), articles=(), diagnostics=recorded.diagnostics)
    return Result(
        chronology=chronology,
        outputs=(),
        diagnostics=recorded.diagnostics,
        merged=merged,
        reused=recorded,
    )


@dataclass(frozen=True, slots=True, kw_only=True)
class Overview:
    """What ``briefing status`` and ``briefing check`` report about a project."""

    articles: int
    placed: int
    """Events the documents place on the calendar (as of the last build or update)."""
    unplaced: int
    statuses: dict[str, int]
    """Entries of each status in the timeline file."""
    new_events: int
    """Events extraction finds that the timeline file does not hold yet."""
    diagnostics: tuple[Diagnostic, ...]
    removed: tuple[tuple[Path, int, str, str], ...]
    """Lines removed as page furniture: (article file, line, reason, text)."""
    read_again: tuple[str, ...]
    """Why the project was read again rather than taken from the last run's record; empty
    when the record was used."""


def overview(options: Options, *, jobs: int = 1, progress: Progress = quiet) -> Overview:
    """The project's counts and problems, reading only what changed since the last run.

    When the last build or update left a record (``briefing.state``) and since then articles
    were only added, the record is used and just the new articles are read and extracted.
    Otherwise (never built, an article edited or removed, the timeline file edited) the whole
    project is read as ``update`` would, without writing anything.
    """
    for folder in options.inputs:
        require_project(folder)
    recorded = state.read(options.inputs)
    reasons: tuple[str, ...] = ("no record of a previous build or update",)
    if recorded is not None:
        now = state.snapshot(options.inputs, recorded.snapshot)
        changes = state.compare(recorded, now, options.inputs)
        if recorded.version != __version__:
            reasons = (f"the last run was made by briefing {recorded.version}",)
        elif not changes.other:
            return _added_only(options, recorded, changes.added, jobs=jobs, progress=progress)
        else:
            reasons = changes.other
    run = _curate(options, jobs=jobs, progress=progress)
    return Overview(
        articles=len(run.articles),
        placed=len(run.chronology.events),
        unplaced=len(run.chronology.unplaced),
        statuses=run.stored_statuses,
        new_events=len(run.merged.ids - run.stored_ids),
        diagnostics=run.chronology.diagnostics,
        removed=_removed(run.articles),
        read_again=reasons,
    )


def _removed(articles: Sequence[Article]) -> tuple[tuple[Path, int, str, str], ...]:
    return tuple(
        (article.path, line.line, line.reason, line.text)
        for article in articles
        for line in article.removed
    )


def _added_only(
    options: Options,
    recorded: state.State,
    added: Sequence[Path],
    *,
    jobs: int,
    progress: Progress,
) -> Overview:
    """The recorded overview plus the articles added since (read and extracted, one by one)."""
    articles: list[Article] = []
    found: list[Diagnostic] = []
    for path in added:
        if path.suffix.lower() not in READERS:
            continue
        try:
            article, notes = read_article(path)
        except InputError as error:
            found.append(
                Diagnostic(
                    level=Level.ERROR,
                    code="unreadable-article",
                    message=error.message,
                    path=error.path or path,
                    line=error.line,
                )
            )
            continue
        articles.append(article)
        found.extend(notes)
    results = extract_all(articles, jobs=jobs, progress=progress, cache=options.inputs[0])
    fresh = {event.id for result in results for event in result.events}
    found.extend(d for result in results for d in result.diagnostics)
    return Overview(
        articles=recorded.articles + len(articles),
        placed=recorded.placed,
        unplaced=recorded.unplaced,
        statuses=recorded.statuses,
        new_events=len(fresh - recorded.ids),
        diagnostics=recorded.diagnostics + tuple(found),
        removed=recorded.removed + _removed(articles),
        read_again=(),
    )
