"""The engines against each other: cold builds of the 1,460 ``bpoil_*`` articles on a pool of
processes and on a local Dask cluster, the same number of workers, alternated in one run.

    .venv/bin/python benchmarks/bench_engine.py [--data ../shared/data/tls] [--repeats 3]
                                                [--jobs 2] [--executors process,dask]

Each repeat runs a cold ``briefing build --jobs N --executor E`` (pdf, docx and json; timeline
file, caches and outputs removed first) for each executor in turn, so a slow minute of a
shared machine does not fall on one engine only. Prints the medians of CPU seconds of the
whole process tree (``proctree``: main process, fork server or Dask's nanny and worker
processes) and of wall seconds, their ratio to the first executor's, and whether every output
(``timeline.yaml``, ``timeline.json``, the PDF and the Word file) is the same byte for byte
as the first executor's, run after run (``SOURCE_DATE_EPOCH`` fixes the documents' dates).
Needs the ``dask`` extra for ``dask``.
"""

from __future__ import annotations

import argparse
import hashlib
import os
import shutil
import statistics
import sys
import tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from benchmarks import proctree  # noqa: E402 - needs ROOT on the path
from benchmarks.bench_incremental import DATA, clean, make_project  # noqa: E402

OUTPUTS = ("timeline.yaml", "out/timeline.json", "out/briefing.pdf", "out/briefing.docx")


def _digests(folder: Path) -> dict[str, str]:
    """The SHA-256 of each output, by its path under ``folder``."""
    return {
        name: hashlib.sha256((folder / name).read_bytes()).hexdigest()
        for name in OUTPUTS
        if (folder / name).exists()
    }


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--data", type=Path, default=DATA)
    parser.add_argument("--repeats", type=int, default=3)
    parser.add_argument("--jobs", type=int, default=2)
    parser.add_argument("--executors", default="process,dask")
    args = parser.parse_args()
    executors = args.executors.split(",")
    environment = {**os.environ, "SOURCE_DATE_EPOCH": "1700000000", "PYTHONPATH": str(ROOT)}
    runs: dict[str, list[proctree.Run]] = {executor: [] for executor in executors}
    digests: dict[str, list[dict[str, str]]] = {executor: [] for executor in executors}
    with tempfile.TemporaryDirectory() as tmp:
        folder = Path(tmp)
        project, out = folder / "bpoil", folder / "out"
        count = make_project(args.data, project)
        if not count:
            print(f"skipped: no bpoil_* collections under {args.data}")
            return 0
        for repeat in range(args.repeats):
            for executor in executors:
                clean(project, out)
                command = [sys.executable, "-m", "briefing", "-q", "build"]
                command += ["--jobs", str(args.jobs), "--executor", executor]
                command += ["--inputs", str(project), "--out", str(out)]
                run = proctree.run(command, cwd=folder, env=environment)
                if run.returncode not in (0, 1):  # 1: the data has error-level diagnostics
                    raise SystemExit(f"build failed ({run.returncode}):\n{run.stderr[-3000:]}")
                runs[executor].append(run)
                digests[executor].append(_digests(project) | _digests(folder))
                print(f"  repeat {repeat + 1} {executor:<10} {run.cpu:8.1f} s CPU "
                      f"{run.wall:8.1f} s wall", flush=True)  # fmt: skip
        shutil.rmtree(out, ignore_errors=True)
    first = executors[0]
    reference = digests[first][0]
    cpu0 = statistics.median(run.cpu for run in runs[first])
    wall0 = statistics.median(run.wall for run in runs[first])
    print(f"briefing build --jobs {args.jobs}, cold, {count} articles, medians of {args.repeats}")
    print(f"{'executor':<12} {'CPU s':>8} {'wall s':>8} {'CPU ratio':>9} {'wall ratio':>10}  "
          "outputs")  # fmt: skip
    for executor in executors:
        cpu = statistics.median(run.cpu for run in runs[executor])
        wall = statistics.median(run.wall for run in runs[executor])
        same = all(found == reference for found in digests[executor])
        verdict = f"identical to {first}'s" if same else f"DIFFER from {first}'s"
        print(f"{executor:<12} {cpu:8.2f} {wall:8.2f} {cpu / cpu0:9.3f} {wall / wall0:10.3f}  "
              f"{verdict} ({len(reference)} files)")  # fmt: skip
    return 0


if __name__ == "__main__":
    sys.exit(main())
