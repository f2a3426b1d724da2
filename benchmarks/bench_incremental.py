"""The analyst's loop on 1,460 articles: a cold build, a rebuild with nothing changed, a rebuild
after adding one article; CPU seconds of the whole process tree and wall seconds.

    .venv/bin/python benchmarks/bench_incremental.py [--data ../shared/data/tls] [--repeats 3]
                                                     [--jobs 2] [--root DIR] [--executor E]

Copies every ``bpoil_*`` article into one project folder under a temporary directory. Each
repeat runs, in this order and in one run so the ratios compare like with like: a cold build
(timeline file, caches and outputs removed first), a rebuild with nothing changed, and a
rebuild after one new article was copied in (a different ``H1N1_*`` article each repeat, so
the project grows by one each time). ``briefing build --jobs N`` (pdf, docx and json) runs as
a subprocess; CPU is user + system time of the main process, the fork server and the workers
(``proctree``). Prints the median of each over the repeats and its ratio to the cold build's.
``--root`` runs another checkout's code (to measure the code before a change);
``--executor`` passes ``--executor`` to ``build`` (e.g. ``dask``).
"""

from __future__ import annotations

import argparse
import os
import shutil
import statistics
import sys
import tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from benchmarks import proctree  # noqa: E402 - needs ROOT on the path

DATA = ROOT.parent / "shared" / "data" / "tls"


def make_project(data: Path, folder: Path) -> int:
    """Every bpoil_* article copied into ``folder/articles``; how many."""
    articles = folder / "articles"
    articles.mkdir(parents=True)
    count = 0
    for collection in sorted(data.glob("bpoil_*")):
        for path in sorted((collection / "articles").glob("*.md")):
            shutil.copy(path, articles / f"{collection.name}-{path.name}")
            count += 1
    return count


def _extras(data: Path) -> list[Path]:
    """Articles to add one at a time: from the other collections, in a fixed order."""
    return sorted(path for path in data.glob("H1N1_*/articles/*.md"))


def clean(project: Path, out: Path) -> None:
    """Back to a project that was never built."""
    shutil.rmtree(project / ".briefing-cache", ignore_errors=True)
    shutil.rmtree(out, ignore_errors=True)
    (project / "timeline.yaml").unlink(missing_ok=True)


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--data", type=Path, default=DATA)
    parser.add_argument("--repeats", type=int, default=3)
    parser.add_argument("--jobs", type=int, default=2)
    parser.add_argument("--root", type=Path, default=ROOT, help="the code to run")
    parser.add_argument("--executor", default="", help="passed to build --executor")
    args = parser.parse_args()

    environment = {
        **os.environ,
        "SOURCE_DATE_EPOCH": "1700000000",
        "PYTHONPATH": str(args.root.resolve()),
    }
    runs: dict[str, list[proctree.Run]] = {"cold": [], "nothing": [], "added": []}
    extras = _extras(args.data)
    with tempfile.TemporaryDirectory() as tmp:
        project, out = Path(tmp) / "bpoil", Path(tmp) / "out"
        count = make_project(args.data, project)
        if not count or len(extras) < args.repeats:
            print(f"skipped: no bpoil_* and H1N1_* collections under {args.data}")
            return 0
        command = [sys.executable, "-m", "briefing", "-q", "build", "--jobs", str(args.jobs)]
        command += ["--inputs", str(project), "--out", str(out)]
        if args.executor:
            command += ["--executor", args.executor]
        for repeat in range(args.repeats):
            clean(project, out)
            for name in runs:
                if name == "added":
                    extra = extras[repeat]
                    shutil.copy(extra, project / "articles" / f"new-{extra.name}")
                run = proctree.run(command, cwd=Path(tmp), env=environment)
                if run.returncode not in (0, 1):  # 1: the data has error-level diagnostics
                    raise SystemExit(f"build failed ({run.returncode}):\n{run.stderr[-3000:]}")
                runs[name].append(run)
                print(
                    f"  repeat {repeat + 1} {name:<8} {run.cpu:8.1f} s CPU {run.wall:8.1f} s wall"
                )
                sys.stdout.flush()
    labels = {
        "cold": f"cold build ({count} articles)",
        "nothing": "rebuild, nothing changed",
        "added": "rebuild after adding one article",
    }
    cold_cpu = statistics.median(run.cpu for run in runs["cold"])
    cold_wall = statistics.median(run.wall for run in runs["cold"])
    executor = f" --executor {args.executor}" if args.executor else ""
    print(f"briefing build --jobs {args.jobs}{executor}")
    print(f"{'':<34} {'CPU s':>8} {'wall s':>8} {'CPU ratio':>9} {'wall ratio':>10}")
    for name, label in labels.items():
        cpu = statistics.median(run.cpu for run in runs[name])
        wall = statistics.median(run.wall for run in runs[name])
        print(f"{label:<34} {cpu:8.2f} {wall:8.2f} {cpu / cold_cpu:9.3f} {wall / cold_wall:10.3f}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
