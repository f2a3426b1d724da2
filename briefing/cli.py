"""The command line: the only module that parses argv, reads the clock, prints or exits.

Exit codes: 0 ok, 1 a ``BriefingError`` or error-level diagnostics (warnings too with
``--strict``), 2 usage. Anything else escaping is a bug and shows its traceback.
"""

from __future__ import annotations

import argparse
import datetime as dt
import os
import sys
from collections import Counter
from pathlib import Path
from typing import TYPE_CHECKING, TypeVar

from tqdm import tqdm

from briefing import __version__, importers, pipeline
from briefing.config import (
    DEFAULT_FORMATS,
    FORMATS,
    TLP_LABELS,
    Citations,
    options_from,
    read_settings,
)
from briefing.errors import BriefingError
from briefing.extract.timex_io import tag_lines
from briefing.model import Level

if TYPE_CHECKING:
    from collections.abc import Iterable, Sequence

    from briefing.config import Options
    from briefing.model import Diagnostic

EXIT_OK, EXIT_ERROR = 0, 1

_T = TypeVar("_T")


def today() -> dt.date:
    """The briefing's date: ``SOURCE_DATE_EPOCH`` when set (reproducible builds), else today."""
    epoch = os.environ.get("SOURCE_DATE_EPOCH", "").strip()
    if epoch.isdigit():
        return dt.datetime.fromtimestamp(int(epoch), tz=dt.UTC).date()
    return dt.datetime.now(tz=dt.UTC).date()


def _formats(text: str) -> tuple[str, ...]:
    names = tuple(name.strip().lower() for name in text.split(",") if name.strip())
    unknown = [name for name in names if name not in FORMATS]
    if unknown or not names:
        message = f"unknown format {', '.join(unknown)!r}; choose from {','.join(FORMATS)}"
        raise argparse.ArgumentTypeError(message)
    return names


def _add_project_options(parser: argparse.ArgumentParser) -> None:
    parser.add_argument(
        "--inputs",
        metavar="DIR",
        type=Path,
        action="append",
        help="project folder holding articles/ and briefing.yaml (default: inputs); "
        "give it several times to combine folders; settings come from the first",
    )
    parser.add_argument("--strict", action="store_true", help="treat warnings as errors (exit 1)")
    parser.add_argument(
        "--traceback", action="store_true", help="show the Python traceback of an error"
    )
    parser.add_argument(
        "--jobs",
        metavar="N",
        type=_jobs,
        default=min(2, os.cpu_count() or 1),
        help="processes for extraction (default: %(default)s); results are the same for any N",
    )


def _jobs(text: str) -> int:
    if not text.isdigit() or int(text) < 1:
        raise argparse.ArgumentTypeError(f"--jobs takes a whole number of 1 or more, not {text!r}")
    return int(text)


def progress(items: Iterable[_T], /, *, stage: str, total: int) -> Iterable[_T]:
    """A progress bar on stderr for a long stage, only when stderr is a terminal.

    Passed to the pipeline (``pipeline.Progress``) so the library itself never prints.
    """
    return tqdm(
        items,
        desc=stage,
        total=total,
        unit="file" if stage == "reading" else "item" if stage == "rendering" else "article",
        file=sys.stderr,
        disable=not sys.stderr.isatty(),
        leave=False,
        dynamic_ncols=True,
    )


def parse_args(argv: Sequence[str] | None = None) -> argparse.Namespace:
    """The parsed command line; argparse exits with status 2 on a usage error."""
    parser = argparse.ArgumentParser(
        prog="briefing",
        description="Turn a folder of news articles into a dated chronology with cited "
        "sources: a PDF briefing, an editable Word document and a timeline as JSON.",
    )
    parser.add_argument("--version", action="version", version=f"briefing {__version__}")
    commands = parser.add_subparsers(dest="command", required=True, metavar="COMMAND")

    build = commands.add_parser(
        "build",
        help="build the briefing from a project folder",
        description="Read the project's articles, date their events and write the briefing "
        "(out/briefing.pdf, out/briefing.docx, out/timeline.json).",
    )
    _add_project_options(build)
    build.add_argument(
        "--out", metavar="DIR", type=Path, default=Path("out"), help="output folder (default: out)"
    )
    build.add_argument(
        "--format",
        metavar="LIST",
        type=_formats,
        default=DEFAULT_FORMATS,
        help=f"comma-separated outputs to write, from {','.join(FORMATS)} "
        f"(default: {','.join(DEFAULT_FORMATS)})",
    )
    build.add_argument(
        "--template", metavar="NAME|PATH", help="template name or .md.j2 file (default: briefing)"
    )
    build.add_argument("--title", help="title of the briefing (overrides briefing.yaml)")
    build.add_argument(
        "--marking", choices=TLP_LABELS, help="TLP 2.0 marking for header and footer"
    )
    build.add_argument(
        "--citations", choices=[c.value for c in Citations], help="how sources are cited"
    )
    build.add_argument(
        "--reviewed-only", action="store_true", help="leave events with status `new` out"
    )

    update = commands.add_parser(
        "update",
        help="merge new articles into inputs/timeline.yaml without rendering",
        description="Extract events from new or changed articles and merge them into the "
        "curated timeline file, keeping every edit, rejection and manual event.",
    )
    _add_project_options(update)

    check = commands.add_parser(
        "check",
        help="list problems in the inputs (file and line), exit 1 on errors",
        description="Lint the project: articles without a publication date, dates that could "
        "not be placed, malformed front matter, stale events, events citing missing articles.",
    )
    _add_project_options(check)
    check.add_argument(
        "--removed", action="store_true", help="also list lines removed as page furniture"
    )

    status = commands.add_parser(
        "status",
        help="count articles and events by status",
        description="Counts: articles, events by status, events new since the last build.",
    )
    _add_project_options(status)

    _add_add_command(commands)

    dates = commands.add_parser(
        "dates",
        help="tag temporal expressions in JSON lines (for scoring)",
        description='Read JSON lines {"doc", "dct", "text"[, "language"]} and write '
        '{"doc", "timexes": [{"start", "end", "text", "type", "value", "mod"}]} per line.',
    )
    dates.add_argument(
        "file",
        nargs="?",
        type=Path,
        help="JSON lines file to read (default: standard input)",
    )
    dates.add_argument("--traceback", action="store_true", help="show the Python traceback")
    return parser.parse_args(argv)


def _date(text: str) -> dt.date:
    try:
        return dt.date.fromisoformat(text)
    except ValueError:
        raise argparse.ArgumentTypeError(f"{text!r} is not a date; write YYYY-MM-DD") from None


def _reliability(text: str) -> str:
    try:
        return importers.admiralty(text)
    except BriefingError as error:
        raise argparse.ArgumentTypeError(error.message) from None


def _add_add_command(commands: argparse._SubParsersAction[argparse.ArgumentParser]) -> None:
    add = commands.add_parser(
        "add",
        help="import articles (text, saved web pages, URLs, .docx, .pdf, - for pasted text)",
        description="Import each SOURCE into the project's articles/ folder as Markdown with "
        "front matter: a .txt/.md file, a saved .html page, an http(s) URL (fetched, access "
        "date recorded), a .docx or .pdf report, or - for text on standard input. An article "
        "the project already holds (same URL or same text) is not added again.",
    )
    add.add_argument("sources", nargs="+", metavar="SOURCE", help="file, URL, or -")
    add.add_argument(
        "--inputs",
        metavar="DIR",
        type=Path,
        default=Path("inputs"),
        help="project folder holding articles/ (default: inputs)",
    )
    add.add_argument("--title", default="", help="headline (overrides the source's)")
    add.add_argument("--publisher", default="", help="outlet or site name")
    add.add_argument("--url", default="", help="canonical URL")
    add.add_argument("--published", type=_date, help="publication date, YYYY-MM-DD")
    add.add_argument("--language", default="", help="ISO 639-1 code of the text (en, fr, ru…)")
    add.add_argument("--author", default="", help="byline")
    add.add_argument("--reliability", type=_reliability, help="Admiralty grade, e.g. B2")
    add.add_argument("--traceback", action="store_true", help="show the Python traceback")


def _options(args: argparse.Namespace) -> Options:
    inputs = tuple(args.inputs) if args.inputs else (Path("inputs"),)
    settings = read_settings(inputs[0])
    citations = getattr(args, "citations", None)
    return options_from(
        settings,
        inputs=inputs,
        out=getattr(args, "out", None),
        formats=getattr(args, "format", None),
        template=getattr(args, "template", None),
        title=getattr(args, "title", None),
        marking=getattr(args, "marking", None),
        citations=Citations(citations) if citations else None,
        reviewed_only=getattr(args, "reviewed_only", False) or None,
        today=today(),
        reproducible="SOURCE_DATE_EPOCH" in os.environ or None,
    )


def _report(diagnostics: Sequence[Diagnostic], *, strict: bool) -> int:
    """Print warnings and errors to stderr; the exit code they call for."""
    worst = EXIT_OK
    for diagnostic in diagnostics:
        if diagnostic.level is Level.INFO:
            continue
        print(diagnostic.format(), file=sys.stderr)
        if diagnostic.level is Level.ERROR or strict:
            worst = EXIT_ERROR
    return worst


def _build(args: argparse.Namespace) -> int:
    options = _options(args)
    result = pipeline.build(options, jobs=args.jobs, progress=progress)
    status = _report(result.diagnostics, strict=args.strict)
    chronology = result.chronology
    print(
        f"{len(chronology.events)} dated events, {len(chronology.unplaced)} not placed, "
        f"from {len(chronology.articles)} articles",
        file=sys.stderr,
    )
    for path in result.outputs:
        print(path)
    return status


def _update(args: argparse.Namespace) -> int:
    result = pipeline.update(_options(args), jobs=args.jobs, progress=progress)
    status = _report(result.diagnostics, strict=args.strict)
    counts = Counter(event.status.value for event in result.merged.events)
    summary = ", ".join(f"{count} {name}" for name, count in sorted(counts.items()))
    state = "updated" if result.outputs else "unchanged"
    print(f"{pipeline.timeline_path(_options(args))}: {state} ({summary or 'no events'})")
    return status


def _check(args: argparse.Namespace) -> int:
    options = _options(args)
    chronology, _ = pipeline.curate(options, jobs=args.jobs, progress=progress)
    worst = EXIT_OK
    for diagnostic in chronology.diagnostics:
        print(diagnostic.format())
        if diagnostic.level is Level.ERROR or (args.strict and diagnostic.level is Level.WARNING):
            worst = EXIT_ERROR
    if args.removed:
        for article in chronology.articles:
            for line in article.removed:
                print(f"{article.path}:{line.line}: removed ({line.reason}): {line.text}")
    problems = sum(1 for d in chronology.diagnostics if d.level is not Level.INFO)
    print(f"{len(chronology.articles)} articles checked, {problems} problem(s)", file=sys.stderr)
    return worst


def _status(args: argparse.Namespace) -> int:
    options = _options(args)
    chronology, merged = pipeline.curate(options, jobs=args.jobs, progress=progress)
    stored = pipeline.stored_statuses(options)
    print(f"articles: {len(chronology.articles)}")
    print(f"events placed: {len(chronology.events)}, not placed: {len(chronology.unplaced)}")
    for name, count in sorted(stored.items()):
        print(f"  {name}: {count}")
    added = len(merged.events) - sum(
        count for name, count in stored.items() if name not in ("rejected", "stale")
    )
    print(f"new since the last build or update: {max(added, 0)}")
    return EXIT_OK


def _add(args: argparse.Namespace) -> int:
    if args.sources.count(importers.STDIN) > 1:
        print("briefing: error: '-' (standard input) can be given only once", file=sys.stderr)
        return EXIT_ERROR
    pasted = sys.stdin.read() if importers.STDIN in args.sources else ""
    overrides = importers.Overrides(
        title=args.title,
        publisher=args.publisher,
        url=args.url,
        published=args.published,
        language=args.language,
        author=args.author,
        reliability=args.reliability or "",
    )
    results = importers.add(
        args.sources, args.inputs, today=today(), overrides=overrides, pasted=pasted
    )
    status = EXIT_OK
    for result in results:
        for diagnostic in result.diagnostics:
            if diagnostic.level is not Level.INFO:
                print(diagnostic.format(), file=sys.stderr)
        if result.status is importers.ImportStatus.ADDED:
            print(result.path)
        elif result.status is importers.ImportStatus.DUPLICATE:
            print(f"{result.source}: already in the project as {result.path} ({result.reason})")
        else:
            status = EXIT_ERROR
    return status


def _dates(args: argparse.Namespace) -> int:
    if args.file is None:
        for line in tag_lines(sys.stdin):
            sys.stdout.write(line.rstrip("\n") + "\n")
        return EXIT_OK
    try:
        handle = args.file.open(encoding="utf-8")
    except OSError as error:
        print(f"briefing: {args.file}: cannot read ({error.strerror})", file=sys.stderr)
        return EXIT_ERROR
    with handle:
        for line in tag_lines(handle):
            sys.stdout.write(line.rstrip("\n") + "\n")
    return EXIT_OK


def main(argv: Sequence[str] | None = None) -> int:
    """Run the command line; returns the exit status."""
    args = parse_args(argv)
    commands = {
        "build": _build,
        "update": _update,
        "check": _check,
        "status": _status,
        "dates": _dates,
        "add": _add,
    }
    try:
        return commands[args.command](args)
    except BriefingError as error:
        if args.traceback:
            raise
        print(f"briefing: error: {error}", file=sys.stderr)
        return EXIT_ERROR
