"""``briefing build`` end to end on 10, 100 and 1,460 articles: wall time and peak memory.

    .venv/bin/python benchmarks/bench_build.py [--data ../shared/data/tls] [--sizes 10,100,1460]
                                               [--repeats 3] [--jobs 2]

Each run copies a fresh project to a temporary folder (one ``--inputs`` folder per outlet, the
articles taken round-robin across the five ``bpoil_*`` collections, so every size mixes the
outlets) and runs ``python -m briefing build`` there as a subprocess. Reported per size: the
median wall time over ``--repeats`` runs (the largest size runs once unless
``--repeats-largest`` says otherwise), time per article and the growth against the previous
size (1.00 = linear), and peak memory: the largest resident set of the whole process tree
(main process, fork server and extraction workers together), sampled every 50 ms from
``/proc``.
"""

from __future__ import annotations

import argparse
import os
import shutil
import statistics
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
OUTLETS = ("bbc", "foxnews", "guardian", "reuters", "washingtonpost")


def _sources(data: Path) -> list[tuple[str, Path]]:
    """(outlet, article file) round-robin across the collections, in a fixed order."""
    lists = [
        [(outlet, path) for path in sorted((data / f"bpoil_{outlet}" / "articles").glob("*.md"))]
        for outlet in OUTLETS
        if (data / f"bpoil_{outlet}" / "articles").is_dir()
    ]
    mixed: list[tuple[str, Path]] = []
    for index in range(max((len(items) for items in lists), default=0)):
        mixed.extend(items[index] for items in lists if index < len(items))
    return mixed


def _project(root: Path, sources: list[tuple[str, Path]]) -> list[Path]:
    """A fresh copy of the articles, one project folder per outlet; the folders in use."""
    folders: dict[str, Path] = {}
    for outlet, path in sources:
        folder = folders.setdefault(outlet, root / outlet)
        (folder / "articles").mkdir(parents=True, exist_ok=True)
        shutil.copy(path, folder / "articles" / path.name)
    return list(folders.values())


def _run(folders: list[Path], out: Path, jobs: int) -> tuple[float, int]:
    """Wall seconds and peak tree memory (bytes) of one build."""
    command = [sys.executable, "-m", "briefing", "build", "--jobs", str(jobs), "--out", str(out)]
    for folder in folders:
        command += ["--inputs", str(folder)]
    environment = {**os.environ, "SOURCE_DATE_EPOCH": "1700000000", "PYTHONPATH": str(ROOT)}
    peak = 0
    began = time.perf_counter()
    process = subprocess.Popen(
        command,
        cwd=folders[0].parent,
        env=environment,
        stdout=subprocess.DEVNULL,
        stderr=subprocess.PIPE,
    )
    done = threading.Event()

    def sample() -> None:
        nonlocal peak
        while not done.is_set():
            peak = max(peak, proctree.tree_rss(process.pid))
            done.wait(0.05)

    sampler = threading.Thread(target=sample)
    sampler.start()
    _, errors = process.communicate()
    seconds = time.perf_counter() - began
    done.set()
    sampler.join()
    if process.returncode not in (0, 1):  # 1: the data has error-level diagnostics
        raise SystemExit(f"build failed ({process.returncode}):\n{errors.decode()[-2000:]}")
    return seconds, peak


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--data", type=Path, default=DATA)
    parser.add_argument("--sizes", default="10,100,1460")
    parser.add_argument("--repeats", type=int, default=3)
    parser.add_argument("--repeats-largest", type=int, default=1)
    parser.add_argument("--jobs", type=int, default=min(2, os.cpu_count() or 1))
    args = parser.parse_args()

    sources = _sources(args.data)
    if not sources:
        print(f"skipped: no bpoil_* collections under {args.data}")
        return 0
    sizes = [min(int(size), len(sources)) for size in args.sizes.split(",")]
    print(f"briefing build --jobs {args.jobs}; {os.cpu_count()} cores; fresh copy per run")
    print(
        f"{'articles':>8} {'runs':>4} {'median s':>9} {'ms/article':>10} {'growth':>7} "
        f"{'peak MB':>8}"
    )
    previous: tuple[int, float] | None = None
    for size in sizes:
        repeats = args.repeats_largest if size == max(sizes) else args.repeats
        times, peaks = [], []
        for _ in range(repeats):
            with tempfile.TemporaryDirectory() as tmp:
                folders = _project(Path(tmp), sources[:size])
                seconds, peak = _run(folders, Path(tmp) / "out", args.jobs)
            times.append(seconds)
            peaks.append(peak)
        median = statistics.median(times)
        per_article = median / size
        growth = "" if previous is None else f"{per_article / (previous[1] / previous[0]):7.2f}"
        print(
            f"{size:8} {repeats:4} {median:9.1f} {per_article * 1000:10.1f} {growth:>7} "
            f"{max(peaks) / 2**20:8.0f}"
        )
        previous = (size, median)
    return 0


if __name__ == "__main__":
    sys.exit(main())
