"""The command line: the only module that parses argv, reads the clock, prints or exits.

Exit codes: 0 ok, 1 a ``BriefingError`` or error-level diagnostics (warnings too with
``--strict``), 2 usage. Anything else escaping is a bug and shows its traceback.
"""

from __future__ import annotations

import argparse
import contextlib
import datetime as dt
import logging
import os
import sys
from collections import Counter
from pathlib import Path
from typing import TYPE_CHECKING, TypeVar

from briefing import __version__, clock
from briefing.config import (
    DEFAULT_FORMATS,
    FORMATS,
    SETTINGS_FILE,
    TLP_LABELS,
    Citations,
    load_options,
)
from briefing.errors import BriefingError
from briefing.model import Level

if TYPE_CHECKING:
    from collections.abc import Callable, Iterable, Iterator, Sequence

    from briefing.config import Options
    from briefing.model import Diagnostic
    from briefing.pipeline import Overview

# Only what parsing the command line needs is imported above, so `briefing --help` is instant;
# each command imports the stages it runs (reportlab, python-docx, trafilatura load in ~1 s).

EXIT_OK, EXIT_ERROR = 0, 1

_T = TypeVar("_T")


def today() -> dt.date:
    """The briefing's date: ``SOURCE_DATE_EPOCH`` when set (reproducible builds), else today."""
    return clock.today()


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
        help="project folder holding articles/ and briefing.yaml (default: inputs, or this "
        "folder when it is a project); "
        "give it several times to combine folders; settings come from the first",
    )
    parser.add_argument("--strict", action="store_true", help="treat warnings as errors (exit 1)")
    parser.add_argument(
        "--jobs",
        metavar="N",
        type=_jobs,
        default=min(2, os.cpu_count() or 1),
        help="processes for extraction (default: %(default)s); results are the same for any N",
    )


def _add_executor(parser: argparse.ArgumentParser) -> None:
    parser.add_argument(
        "--executor",
        metavar="E",
        type=_executor,
        default="process",
        help="where articles are read and extracted: process (a pool of --jobs processes, "
        "the default), dask (a local Dask cluster of --jobs workers) or dask://HOST:PORT "
        '(an existing Dask scheduler); Dask needs pip install "briefing[dask]"',
    )


def _executor(text: str) -> str:
    from briefing.engine import parse_executor

    try:
        return parse_executor(text)
    except ValueError as error:
        raise argparse.ArgumentTypeError(str(error)) from error


def _jobs(text: str) -> int:
    if not text.isdigit() or int(text) < 1:
        raise argparse.ArgumentTypeError(f"--jobs takes a whole number of 1 or more, not {text!r}")
    return int(text)


def _positive(text: str) -> int:
    if not text.isdigit() or int(text) < 1:
        raise argparse.ArgumentTypeError(f"takes a whole number of 1 or more, not {text!r}")
    return int(text)


def progress(items: Iterable[_T], /, *, stage: str, total: int) -> Iterable[_T]:
    """A progress bar on stderr for a long stage, only when stderr is a terminal.

    Passed to the pipeline (``pipeline.Progress``) so the library itself never prints.
    """
    from tqdm import tqdm

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


def _common() -> argparse.ArgumentParser:
    """Flags every command takes, before or after its name (``SUPPRESS`` keeps a value given
    before the command from being reset by the command's own parser)."""
    common = argparse.ArgumentParser(add_help=False)
    flags = common.add_argument_group("output and errors")
    flags.add_argument(
        "-q",
        "--quiet",
        action="store_true",
        default=argparse.SUPPRESS,
        help="print only errors and the results",
    )
    flags.add_argument(
        "-v",
        "--verbose",
        action="count",
        default=argparse.SUPPRESS,
        help="also print notes (info diagnostics) and where figures come from",
    )
    flags.add_argument(
        "--traceback",
        action="store_true",
        default=argparse.SUPPRESS,
        help="show the Python traceback of an error",
    )
    return common


def _examples(*lines: str) -> str:
    return "examples:\n" + "\n".join(f"  {line}" for line in lines)


def parse_args(argv: Sequence[str] | None = None) -> argparse.Namespace:
    """The parsed command line; argparse exits with status 2 on a usage error."""
    common = _common()
    parser = argparse.ArgumentParser(
        prog="briefing",
        parents=[common],
        formatter_class=argparse.RawDescriptionHelpFormatter,
        description="Turn a folder of news articles into a dated chronology with cited "
        "sources: a PDF briefing, an editable Word document and a timeline as JSON.",
        epilog=_examples(
            "briefing init inputs                 # a new project folder",
            "briefing add story.html --inputs inputs",
            "briefing build                       # out/briefing.pdf, .docx, timeline.json",
            "briefing COMMAND --help              # each command's options and examples",
        ),
    )
    parser.add_argument("--version", action="version", version=f"briefing {__version__}")
    commands = parser.add_subparsers(dest="command", required=True, metavar="COMMAND")

    def command(name: str, *, summary: str, description: str, examples: Sequence[str]) -> Parser:
        return commands.add_parser(
            name,
            parents=[common],
            help=summary,
            description=description,
            epilog=_examples(*examples),
            formatter_class=argparse.RawDescriptionHelpFormatter,
        )

    init = command(
        "init",
        summary="create a project folder (briefing.yaml, articles/, .gitignore)",
        description="Create a project: briefing.yaml with every setting explained (commented "
        "out), an empty articles/ folder and a .gitignore for the cache and the lock file. "
        "An existing project is never overwritten.",
        examples=["briefing init", "briefing init wagner-mali"],
    )
    init.add_argument(
        "folder", nargs="?", type=Path, default=Path("inputs"), help="(default: inputs)"
    )

    build = command(
        "build",
        summary="build the briefing from a project folder",
        description="Read the project's articles, date their events, update timeline.yaml and "
        "write the briefing (by default out/briefing.pdf, out/briefing.docx, "
        "out/timeline.json).",
        examples=[
            "briefing build",
            "briefing build --inputs wagner-mali --out wagner-out --marking TLP:AMBER",
            f"briefing build --format {','.join(FORMATS)}",
            "briefing build --template summary --citations footnotes",
            "briefing build --jobs 8 --executor dask://scheduler.example.org:8786",
        ],
    )
    _add_project_options(build)
    _add_executor(build)
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
    build.add_argument(
        "--max-events",
        type=_positive,
        metavar="N",
        help="the most key events in the chronology (default: from the number of articles "
        "and the weeks they span)",
    )
    build.add_argument(
        "--annex",
        action="store_true",
        help='add the annex "Full chronology" with every other dated event',
    )

    update = command(
        "update",
        summary="merge new articles into inputs/timeline.yaml without rendering",
        description="Extract events from new or changed articles and merge them into the "
        "curated timeline file, keeping every edit, rejection and manual event.",
        examples=["briefing update", "briefing update --inputs wagner-mali"],
    )
    _add_project_options(update)
    _add_executor(update)

    check = command(
        "check",
        summary="list problems in the inputs (file and line), exit 1 on errors",
        description="Lint the project: articles without a publication date, dates that could "
        "not be placed, malformed front matter, stale events, events citing missing articles. "
        "Reads what the last build or update recorded, plus any article added since.",
        examples=["briefing check", "briefing check --strict --inputs wagner-mali"],
    )
    _add_project_options(check)
    check.add_argument(
        "--removed", action="store_true", help="also list lines removed as page furniture"
    )

    status = command(
        "status",
        summary="count articles and events by status",
        description="Counts: articles, events by status, events new since the last build. "
        "Reads what the last build or update recorded, plus any article added since.",
        examples=["briefing status", "briefing status --inputs wagner-mali"],
    )
    _add_project_options(status)

    _add_add_command(command)

    dates = command(
        "dates",
        summary="tag temporal expressions in JSON lines (for scoring)",
        description='Read JSON lines {"doc", "dct", "text"[, "language"]} and write '
        '{"doc", "timexes": [{"start", "end", "text", "type", "value", "mod"}]} per line.',
        examples=[
            "briefing dates docs.jsonl > tagged.jsonl",
            """echo '{"doc": "a", "dct": "2024-09-18", "text": "on Tuesday"}' | briefing dates""",
        ],
    )
    dates.add_argument(
        "file",
        nargs="?",
        type=Path,
        help="JSON lines file to read (default: standard input)",
    )
    return parser.parse_args(argv)


Parser = argparse.ArgumentParser


def _date(text: str) -> dt.date:
    try:
        return dt.date.fromisoformat(text)
    except ValueError:
        raise argparse.ArgumentTypeError(f"{text!r} is not a date; write YYYY-MM-DD") from None


def _reliability(text: str) -> str:
    from briefing.importers.draft import admiralty

    try:
        return admiralty(text)
    except BriefingError as error:
        raise argparse.ArgumentTypeError(error.message) from None


def _add_add_command(command: Callable[..., Parser]) -> None:
    add = command(
        "add",
        summary="import articles (text, saved web pages, URLs, .docx, .pdf, - for pasted text)",
        description="Import each SOURCE into the project's articles/ folder as Markdown with "
        "front matter: a .txt/.md file, a saved .html page, an http(s) URL (fetched, access "
        "date recorded), a .docx or .pdf report, or - for text on standard input. An article "
        "the project already holds (same URL or same text) is not added again; the metadata "
        "given with the flags fills what its file lacks (--force replaces what it has).",
        examples=[
            "briefing add https://example.org/story.html",
            "briefing add report.pdf --publisher 'UN Panel of Experts' --published 2024-06-30",
            "pbpaste | briefing add - --title 'Convoy reaches Kidal' --publisher Reuters",
        ],
    )
    add.add_argument("sources", nargs="+", metavar="SOURCE", help="file, URL, or -")
    add.add_argument(
        "--inputs",
        metavar="DIR",
        type=Path,
        help="project folder holding articles/ (default: inputs, or this folder when it is a "
        "project)",
    )
    add.add_argument("--title", default="", help="headline (overrides the source's)")
    add.add_argument("--publisher", default="", help="outlet or site name")
    add.add_argument("--url", default="", help="canonical URL")
    add.add_argument("--published", type=_date, help="publication date, YYYY-MM-DD")
    add.add_argument("--language", default="", help="ISO 639-1 code of the text (en, fr, ru…)")
    add.add_argument("--author", default="", help="byline")
    add.add_argument("--reliability", type=_reliability, help="Admiralty grade, e.g. B2")
    add.add_argument(
        "--force",
        action="store_true",
        help="for an article already held: replace its metadata with the flags' values",
    )


def _verbosity(args: argparse.Namespace) -> int:
    """-1 quiet, 0 normal, 1 and more verbose."""
    if getattr(args, "quiet", False):
        return -1
    return int(getattr(args, "verbose", 0) or 0)


def default_project() -> Path:
    """The project a command works on without ``--inputs``: ``inputs/``, or the current folder
    when it is a project itself (``briefing init DIR`` then ``cd DIR``) and has no ``inputs/``."""
    here = Path()
    inputs = Path("inputs")
    if not inputs.exists() and (here / SETTINGS_FILE).is_file() and (here / "articles").is_dir():
        return here
    return inputs


def _options(args: argparse.Namespace) -> Options:
    inputs = tuple(args.inputs) if args.inputs else (default_project(),)
    citations = getattr(args, "citations", None)
    return load_options(
        inputs,
        out=getattr(args, "out", None),
        formats=getattr(args, "format", None),
        template=getattr(args, "template", None),
        title=getattr(args, "title", None),
        marking=getattr(args, "marking", None),
        citations=Citations(citations) if citations else None,
        reviewed_only=getattr(args, "reviewed_only", False) or None,
        max_events=getattr(args, "max_events", None),
        annex=getattr(args, "annex", False) or None,
        today=today(),
        reproducible=clock.pinned() or None,
    )


def _report(diagnostics: Sequence[Diagnostic], *, strict: bool, verbosity: int = 0) -> int:
    """Print diagnostics to stderr as verbosity asks; the exit code they call for."""
    worst = EXIT_OK
    for diagnostic in diagnostics:
        if diagnostic.level is Level.ERROR or strict:
            worst = EXIT_ERROR if diagnostic.level is not Level.INFO else worst
        if _shown(diagnostic.level, verbosity):
            print(diagnostic.format(), file=sys.stderr)
    return worst


def _shown(level: Level, verbosity: int) -> bool:
    if level is Level.ERROR:
        return True
    if level is Level.WARNING:
        return verbosity >= 0
    return verbosity >= 1


def _say(args: argparse.Namespace, message: str) -> None:
    """A progress or summary line on stderr, unless --quiet."""
    if _verbosity(args) >= 0:
        print(message, file=sys.stderr)


def _init(args: argparse.Namespace) -> int:
    from briefing.project import init

    folder: Path = args.folder
    for path in init(folder):
        print(path)
    _say(
        args,
        f"\nA briefing project is ready in {folder}. Next:\n"
        f"  1. edit {folder / 'briefing.yaml'} (title, author, marking…)\n"
        f"  2. add articles: briefing add FILE|URL --inputs {folder}  "
        f"(or copy .md/.txt/.html files into {folder / 'articles'})\n"
        f"  3. briefing build --inputs {folder}   # writes out/briefing.pdf, .docx, "
        "timeline.json",
    )
    return EXIT_OK


def _build(args: argparse.Namespace) -> int:
    from briefing import pipeline

    options = _options(args)
    result = pipeline.build(options, jobs=args.jobs, progress=progress, executor=args.executor)
    status = _report(result.diagnostics, strict=args.strict, verbosity=_verbosity(args))
    chronology = result.chronology
    if result.reused is not None:
        last = result.reused
        _say(
            args,
            f"nothing changed since the last build; the outputs are left as they are "
            f"({last.placed} dated events, {last.unplaced} not placed, from {last.articles} "
            "articles)",
        )
        return status
    _say(
        args,
        f"{len(chronology.events)} dated events, {len(chronology.unplaced)} not placed, "
        f"from {len(chronology.articles)} articles",
    )
    for path in result.outputs:
        print(path)
    return status


def _update(args: argparse.Namespace) -> int:
    from briefing import pipeline

    options = _options(args)
    result = pipeline.update(options, jobs=args.jobs, progress=progress, executor=args.executor)
    status = _report(result.diagnostics, strict=args.strict, verbosity=_verbosity(args))
    counts = Counter(event.status.value for event in result.merged.events)
    summary = ", ".join(f"{count} {name}" for name, count in sorted(counts.items()))
    state = "updated" if result.outputs else "unchanged"
    print(f"{pipeline.timeline_path(options)}: {state} ({summary or 'no events'})")
    return status


def _overview(args: argparse.Namespace) -> Overview:
    from briefing import pipeline

    found = pipeline.overview(_options(args), jobs=args.jobs, progress=progress)
    if _verbosity(args) >= 1:
        where = (
            "from the record of the last build or update"
            if not found.read_again
            else "project read again: " + "; ".join(found.read_again[:5])
        )
        print(f"({where})", file=sys.stderr)
    return found


def _check(args: argparse.Namespace) -> int:
    found = _overview(args)
    worst = EXIT_OK
    quiet = _verbosity(args) < 0
    for diagnostic in found.diagnostics:
        if not (quiet and diagnostic.level is Level.INFO):
            print(diagnostic.format())
        if diagnostic.level is Level.ERROR or (args.strict and diagnostic.level is Level.WARNING):
            worst = EXIT_ERROR
    if args.removed:
        for path, line, reason, text in found.removed:
            print(f"{path}:{line}: removed ({reason}): {text}")
    problems = sum(1 for d in found.diagnostics if d.level is not Level.INFO)
    _say(args, f"{found.articles} articles checked, {problems} problem(s)")
    return worst


def _status(args: argparse.Namespace) -> int:
    found = _overview(args)
    print(f"articles: {found.articles}")
    print(f"events placed: {found.placed}, not placed: {found.unplaced}")
    for name, count in sorted(found.statuses.items()):
        print(f"  {name}: {count}")
    print(f"new since the last build or update: {found.new_events}")
    return EXIT_OK


def _add(args: argparse.Namespace) -> int:
    from briefing import importers

    if args.sources.count(importers.STDIN) > 1:
        print("briefing: error: '-' (standard input) can be given only once", file=sys.stderr)
        return EXIT_ERROR
    from briefing.ingest.text import MAX_BYTES

    # One character past the article limit is enough to refuse it: never read more.
    pasted = sys.stdin.read(MAX_BYTES + 1) if importers.STDIN in args.sources else ""
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
        args.sources,
        args.inputs or default_project(),
        today=today(),
        overrides=overrides,
        pasted=pasted,
        force=args.force,
    )
    status = EXIT_OK
    for result in results:
        for diagnostic in result.diagnostics:
            if _shown(diagnostic.level, _verbosity(args)):
                print(diagnostic.format(), file=sys.stderr)
        if result.status is importers.ImportStatus.ADDED:
            print(result.path)
        elif result.status is importers.ImportStatus.DUPLICATE:
            print(f"{result.source}: already in the project as {result.path} ({result.reason})")
        elif result.status is importers.ImportStatus.COMPLETED:
            print(f"{result.path}: {result.reason}")
        else:
            status = EXIT_ERROR
    return status


def _dates(args: argparse.Namespace) -> int:
    from briefing.extract.timex_io import tag_lines

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


@contextlib.contextmanager
def _library_logging(verbosity: int) -> Iterator[None]:
    """Keep what libraries log (pypdf's "incorrect startxref pointer", trafilatura's notes) off
    the console: Python prints a library's warnings raw when nothing handles them. With
    ``--verbose`` they are shown, each line saying which library it comes from."""
    root = logging.getLogger()
    handler: logging.Handler
    if verbosity > 0:
        handler = logging.StreamHandler(sys.stderr)
        handler.setFormatter(logging.Formatter("briefing: note from %(name)s: %(message)s"))
    else:
        handler = logging.NullHandler()
    root.addHandler(handler)
    try:
        yield
    finally:
        root.removeHandler(handler)


def main(argv: Sequence[str] | None = None) -> int:
    """Run the command line; returns the exit status."""
    args = parse_args(argv)
    commands = {
        "init": _init,
        "build": _build,
        "update": _update,
        "check": _check,
        "status": _status,
        "dates": _dates,
        "add": _add,
    }
    try:
        with _library_logging(_verbosity(args)):
            return commands[args.command](args)
    except BriefingError as error:
        if getattr(args, "traceback", False):
            raise
        print(f"briefing: error: {error}", file=sys.stderr)
        return EXIT_ERROR
