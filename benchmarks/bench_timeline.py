"""The tool's key dates scored against journalists' timelines, as the research field does.

    .venv/bin/python benchmarks/bench_timeline.py [--data ../shared/data/tls]
        [--collections bpoil_bbc,H1N1_reuters] [--jobs 2] [--keep DIR | --from-json DIR]

For each collection of ``--data`` (a folder with ``articles/`` and ``timelines/*.json``), the
articles are copied to a temporary folder (or ``--keep DIR``/<collection>), ``briefing build
--format json`` runs there as a subprocess, and its ``out/timeline.json`` is scored against
each journalists' timeline: k = the number of dates of that timeline; the tool's k key days
and their summaries, and the floor's (the k days mentioned most), are built as
``benchmarks/tls_select.py`` says and scored with tilse's metrics (``benchmarks/tls_metrics.py``):
date F1, ROUGE-1/2 F of the concatenated summaries and of the date-aligned many-to-one
alignment (news-tls' AR1/AR2). ``--from-json DIR`` scores the ``timeline.json`` files that
``--keep DIR`` left, without building. The figures are printed per collection and reference
timeline, then their mean; CPU is the build's whole process tree (``benchmarks/proctree.py``).
"""

from __future__ import annotations

import argparse
import dataclasses
import json
import os
import shutil
import statistics
import sys
import tempfile
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parent.parent
if str(ROOT) not in sys.path:  # run as a script, from any folder
    sys.path.insert(0, str(ROOT))

from benchmarks import proctree, tls_metrics, tls_select  # noqa: E402 - needs ROOT on the path

DATA = ROOT.parent / "shared" / "data" / "tls"
COLUMNS = ("date F1", "concat R1", "concat R2", "align R1", "align R2")


@dataclasses.dataclass(frozen=True, slots=True)
class Row:
    """One reference timeline's figures: the tool's and the floor's, per column."""

    name: str
    articles: int
    k: int
    cpu: float | None
    tool: tuple[float, ...]
    floor: tuple[float, ...]


def _collections(data: Path, names: str | None) -> list[Path]:
    found = sorted(p for p in data.iterdir() if (p / "articles").is_dir()) if data.is_dir() else []
    if names is None:
        return found
    wanted = [name.strip() for name in names.split(",") if name.strip()]
    unknown = sorted(set(wanted) - {p.name for p in found})
    if unknown:
        raise SystemExit(f"no such collection under {data}: {', '.join(unknown)}")
    return [p for p in found if p.name in wanted]


def _build(collection: Path, folder: Path, jobs: int) -> float:
    """Copy the articles into ``folder``, build ``folder/out/timeline.json``; CPU seconds."""
    if folder.exists():
        shutil.rmtree(folder)
    shutil.copytree(collection / "articles", folder / "articles")
    command = [sys.executable, "-m", "briefing", "build", "--inputs", str(folder)]
    command += ["--out", str(folder / "out"), "--format", "json", "--jobs", str(jobs)]
    environment = {**os.environ, "SOURCE_DATE_EPOCH": "1700000000", "PYTHONPATH": str(ROOT)}
    result = proctree.run(command, cwd=folder, env=environment)
    if result.returncode not in (0, 1):  # 1: the data has error-level diagnostics
        raise SystemExit(
            f"build of {collection.name} failed ({result.returncode}):\n{result.stderr[-2000:]}"
        )
    return result.cpu


def _timeline_json(folder: Path) -> dict[str, Any]:
    for path in (folder / "out" / "timeline.json", folder / "timeline.json"):
        if path.is_file():
            data: dict[str, Any] = json.loads(path.read_text(encoding="utf-8"))
            return data
    raise SystemExit(f"no timeline.json in {folder} or {folder / 'out'}")


def _figures(
    predicted: dict[Any, tuple[str, ...]],
    reference: dict[Any, tuple[str, ...]],
    rouge: tls_metrics.Rouge,
) -> tuple[float, ...]:
    concat = tls_metrics.concat(predicted, [reference], rouge)
    aligned = tls_metrics.align_many_to_one(predicted, [reference], rouge)
    return (
        tls_metrics.date_f1(predicted, reference).f1,
        concat[1].f1,
        concat[2].f1,
        aligned[1].f1,
        aligned[2].f1,
    )


def score(
    collection: Path, data: dict[str, Any], cpu: float | None, rouge: tls_metrics.Rouge
) -> list[Row]:
    """One row per journalists' timeline of the collection (news-tls scores each alone)."""
    articles = sorted((collection / "articles").glob("*.md"))
    span = tls_select.publication_span(articles)
    rows = []
    references = sorted((collection / "timelines").glob("*.json"))
    for path in references:
        reference = tls_select.read_reference(path)
        k, per_date = len(reference), tls_select.sentences_per_date(reference)
        tool = tls_select.tool_timeline(data, span, k, per_date)
        floor = tls_select.floor_timeline(data, span, k, per_date)
        name = collection.name if len(references) == 1 else f"{collection.name}/{path.stem}"
        rows.append(
            Row(
                name=name,
                articles=len(articles),
                k=k,
                cpu=cpu,
                tool=_figures(tool, reference, rouge),
                floor=_figures(floor, reference, rouge),
            )
        )
    return rows


def _line(name: str, articles: str, k: str, cpu: str, tool: Any, floor: Any) -> str:
    cells = "".join(f" | {t:>5.3f} {f:>5.3f}" for t, f in zip(tool, floor, strict=True))
    return f"{name:<28} {articles:>8} {k:>4} {cpu:>6}{cells}"


def report(rows: list[Row]) -> str:
    """The table: per reference timeline, then the mean of each column."""
    head = f"{'collection':<28} {'articles':>8} {'k':>4} {'CPU s':>6}"
    head += "".join(f" | {column:^11}" for column in COLUMNS)
    sub = " " * 49 + " | tool  floor" * len(COLUMNS)
    lines = [head, sub]
    for row in rows:
        cpu = "-" if row.cpu is None else f"{row.cpu:.1f}"
        lines.append(_line(row.name, str(row.articles), str(row.k), cpu, row.tool, row.floor))
    if rows:
        cpus = [row.cpu for row in rows if row.cpu is not None]
        tool = [statistics.mean(column) for column in zip(*(r.tool for r in rows), strict=True)]
        floor = [statistics.mean(column) for column in zip(*(r.floor for r in rows), strict=True)]
        total = f"{sum(cpus):.1f}" if cpus else "-"
        articles = str(sum(row.articles for row in rows))
        lines.append(_line(f"mean of {len(rows)}", articles, "", total, tool, floor))
    return "\n".join(lines)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--data", type=Path, default=DATA, help="the collections' folder")
    parser.add_argument("--collections", help="comma-separated names (default: all)")
    parser.add_argument("--jobs", type=int, default=2, help="briefing build --jobs")
    where = parser.add_mutually_exclusive_group()
    where.add_argument("--keep", type=Path, metavar="DIR", help="build in DIR/<collection>")
    where.add_argument("--from-json", type=Path, metavar="DIR", help="score DIR/<collection>")
    args = parser.parse_args(argv)

    collections = _collections(args.data, args.collections)
    if not collections:
        print(f"skipped: no collections under {args.data}")
        return 0
    keep: Path | None = args.keep.resolve() if args.keep else None
    if keep is not None and keep.is_relative_to(args.data.resolve()):
        raise SystemExit("--keep must be outside the data folder: builds write into their inputs")
    rouge = tls_metrics.Rouge()
    rows: list[Row] = []
    with tempfile.TemporaryDirectory(prefix="bench_timeline-") as scratch:
        for collection in collections:
            cpu: float | None = None
            if args.from_json is not None:
                folder = args.from_json / collection.name
            else:
                folder = (keep or Path(scratch)) / collection.name
                cpu = _build(collection, folder, args.jobs)
            rows.extend(score(collection, _timeline_json(folder), cpu, rouge))
            if keep is None and args.from_json is None:
                shutil.rmtree(folder)
    mode = "scored from existing timeline.json" if args.from_json else f"built, --jobs {args.jobs}"
    print(f"briefing against journalists' timelines ({mode}); F1 of tool and floor per column")
    print(report(rows))
    return 0


if __name__ == "__main__":
    sys.exit(main())
