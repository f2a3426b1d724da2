"""``briefing build`` at thousands of articles: cost per article and memory, by stage.

    .venv/bin/python benchmarks/bench_scale.py [--data ../shared/data/tls] [--sizes 1460,10000]
                                               [--jobs 2] [--executor process] [--stages]

Makes a project of N articles from the 1,460 ``bpoil_*`` articles, replicated as often as
needed with changed ids and dates: copy k of an article is named ``…-k<k>.md`` and every year
in its text and front matter is moved 4·k years later (leap days stay leap days), so copies
tell the same stories in other years instead of piling onto the same days. For each size it
runs a cold ``briefing build --jobs N`` (pdf, docx and json) as a subprocess and prints CPU
seconds of the whole process tree, wall seconds, the peak resident memory of the tree
(sampled every 50 ms from ``/proc``), and the cost per article against the first size.

``--stages`` then times, in a process of its own per size, the stages that need every event
at once and stay on the client with any executor (the timeline merge, the chronology,
composing and the writers), from the caches the build left: CPU seconds and the process's
peak resident memory after each stage.
"""

from __future__ import annotations

import argparse
import json
import os
import re
import resource
import shutil
import subprocess
import sys
import tempfile
import threading
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from benchmarks import proctree  # noqa: E402 - needs ROOT on the path

DATA = ROOT.parent / "shared" / "data" / "tls"
ENVIRONMENT = {**os.environ, "SOURCE_DATE_EPOCH": "1700000000", "PYTHONPATH": str(ROOT)}
_YEAR = re.compile(r"(?<!\d)(19[5-9]\d|20\d\d)(?!\d)")


def _sources(data: Path) -> list[Path]:
    return sorted(
        path for collection in sorted(data.glob("bpoil_*")) for path in collection.glob("*/*.md")
    )


def make_project(data: Path, folder: Path, size: int) -> int:
    """``size`` articles in ``folder/articles``: the collections, then shifted copies."""
    sources = _sources(data)
    articles = folder / "articles"
    articles.mkdir(parents=True)
    for n in range(size):
        path = sources[n % len(sources)]
        copy = n // len(sources)
        name = f"{path.parent.parent.name}-{path.stem}"
        if copy == 0:
            shutil.copy(path, articles / f"{name}.md")
            continue
        text = path.read_text(encoding="utf-8")
        moved = _YEAR.sub(lambda m: str(int(m.group(1)) + 4 * copy), text)  # noqa: B023
        (articles / f"{name}-k{copy}.md").write_text(moved, encoding="utf-8")
    return min(size, len(sources) * (size // len(sources) + 1))


def build(project: Path, jobs: int, executor: str) -> tuple[proctree.Run, int]:
    """A cold build of ``project``; the run and the tree's peak memory in bytes."""
    command = [sys.executable, "-m", "briefing", "-q", "build", "--jobs", str(jobs)]
    command += ["--inputs", str(project), "--out", str(project.parent / "out")]
    command += ["--executor", executor]
    peak = 0
    done = threading.Event()

    def sample() -> None:
        nonlocal peak
        while not done.wait(0.05):
            for entry in Path("/proc").iterdir():
                if entry.name.isdigit() and _is_build(entry, project):
                    peak = max(peak, proctree.tree_rss(int(entry.name)))

    sampler = threading.Thread(target=sample, daemon=True)
    sampler.start()
    run = proctree.run(command, cwd=project.parent, env=ENVIRONMENT)
    done.set()
    sampler.join()
    if run.returncode not in (0, 1):
        raise SystemExit(f"build failed ({run.returncode}):\n{run.stderr[-3000:]}")
    return run, peak


def _is_build(entry: Path, project: Path) -> bool:
    try:
        line = (entry / "cmdline").read_bytes().replace(b"\0", b" ")
    except OSError:
        return False
    return b"briefing" in line and b" build " in line and str(project).encode() in line


def stages(project: Path) -> dict[str, tuple[float, float]]:
    """The client stages timed in this process, from the build's caches: name -> (CPU s, peak
    resident MB after it)."""
    from briefing import chronology, pipeline, timeline
    from briefing.config import load_options
    from briefing.render.compose import render

    options = load_options(project, out=project.parent / "stages-out")
    found: dict[str, tuple[float, float]] = {}
    began = time.process_time()

    def lap(name: str) -> None:
        nonlocal began
        now = time.process_time()
        peak = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
        found[name] = (now - began, peak)
        began = now

    articles, _ = pipeline.read(options, cache=project)
    results = pipeline.extract_all(articles, cache=project)
    fresh = tuple(event for result in results for event in result.events)
    lap("caches (read + extraction)")
    empty = timeline.load(project.parent / "none" / "timeline.yaml")
    known = frozenset(article.id for article in articles)
    events, rejected = timeline.curated(empty, fresh, known_articles=known)
    lap("timeline: curated events")
    ordered = chronology.order((*events, *rejected), articles, (), max_events=options.max_events)
    lap("chronology (group, salience, select)")
    merged = timeline.merge(empty, fresh, known_articles=known, keep=pipeline.shown_ids(ordered))
    merged = timeline.annotate(merged, pipeline.notes(ordered))
    lap("timeline: file text and notes")
    composition = render(ordered, options, project=project)
    composed = pipeline.Composed(
        chronology=ordered,
        markdown=composition.markdown,
        document=composition.document,
        options=options,
        sources=composition.sources,
    )
    lap("compose")
    for name in ("pdf", "docx", "json"):
        pipeline.WRITERS[name][1](composed)
        lap(f"writer: {name}")
    found["events"] = (float(len(fresh)), float(len(ordered.events)))
    return found


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--data", type=Path, default=DATA)
    parser.add_argument("--sizes", default="1460,10000")
    parser.add_argument("--jobs", type=int, default=2)
    parser.add_argument("--executor", default="process")
    parser.add_argument("--stages", action="store_true")
    parser.add_argument("--child", type=Path, help=argparse.SUPPRESS)
    args = parser.parse_args()
    if args.child is not None:
        print(json.dumps(stages(args.child)))
        return 0
    if not _sources(args.data):
        print(f"skipped: no bpoil_* collections under {args.data}")
        return 0
    sizes = [int(size) for size in args.sizes.split(",")]
    print(f"briefing build --jobs {args.jobs} --executor {args.executor}; cold")
    print(
        f"{'articles':>8} {'CPU s':>8} {'wall s':>8} {'CPU ms/article':>15} {'vs first':>9}", end=""
    )
    print(f" {'peak MB':>8}")
    first = 0.0
    timings: dict[int, dict[str, tuple[float, float]]] = {}
    for size in sizes:
        with tempfile.TemporaryDirectory() as tmp:
            project = Path(tmp) / "project"
            make_project(args.data, project, size)
            run, peak = build(project, args.jobs, args.executor)
            per = run.cpu / size * 1000
            first = first or per
            print(f"{size:8} {run.cpu:8.1f} {run.wall:8.1f} {per:15.1f} {per / first:9.2f} "
                  f"{peak / 2**20:8.0f}", flush=True)  # fmt: skip
            if args.stages:
                command = [sys.executable, str(Path(__file__).resolve()), "--child", str(project)]
                done = subprocess.run(command, env=ENVIRONMENT, capture_output=True, check=True)
                timings[size] = json.loads(done.stdout.decode().strip().splitlines()[-1])
    for size, found in timings.items():
        counts = found.pop("events")
        print(f"\nat {size} articles ({counts[0]:.0f} events, {counts[1]:.0f} placed):")
        for name, (cpu, resident) in found.items():
            print(f"  {name:<40} {cpu:8.2f} s CPU {cpu / size * 1000:8.2f} ms/article "
                  f"{resident:8.0f} MB peak")  # fmt: skip
    return 0


if __name__ == "__main__":
    sys.exit(main())
