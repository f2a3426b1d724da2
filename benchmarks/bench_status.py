"""The small commands on a built 1,460-article project: ``--help``, ``status``, ``check``.

    .venv/bin/python benchmarks/bench_status.py [--data ../shared/data/tls] [--repeats 3]
                                                [--project DIR]

Copies every ``bpoil_*`` article into one project folder under a temporary directory, builds
it once (JSON only; the build is not what is measured), then runs ``briefing --help``,
``briefing status`` and ``briefing check`` ``--repeats`` times each as subprocesses and prints
the median wall time and the median CPU seconds (user + system) of the whole process tree.
``--project`` reuses a project that is already built. Targets (issue 13): ``--help`` under
0.3 s, ``status`` and ``check`` under 2 s, read from what the build recorded.
"""

from __future__ import annotations

import argparse
import os
import resource
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
DATA = ROOT.parent / "shared" / "data" / "tls"
sys.path.insert(0, str(ROOT))

from benchmarks.bench_incremental import make_project  # noqa: E402 - needs ROOT on the path

ENVIRONMENT = {**os.environ, "SOURCE_DATE_EPOCH": "1700000000", "PYTHONPATH": str(ROOT)}


def _timed(command: list[str], cwd: Path) -> tuple[float, float, int]:
    """Wall seconds, CPU seconds of the process tree, exit code."""
    before = resource.getrusage(resource.RUSAGE_CHILDREN)
    began = time.perf_counter()
    done = subprocess.run(
        command, cwd=cwd, env=ENVIRONMENT, capture_output=True, check=False, timeout=3600
    )
    wall = time.perf_counter() - began
    after = resource.getrusage(resource.RUSAGE_CHILDREN)
    cpu = (after.ru_utime - before.ru_utime) + (after.ru_stime - before.ru_stime)
    if done.returncode not in (0, 1):
        raise SystemExit(f"{' '.join(command)} failed:\n{done.stderr.decode()[-2000:]}")
    return wall, cpu, done.returncode


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--data", type=Path, default=DATA)
    parser.add_argument("--repeats", type=int, default=3)
    parser.add_argument("--project", type=Path, help="a built project to reuse")
    args = parser.parse_args()

    briefing = [sys.executable, "-m", "briefing"]
    with tempfile.TemporaryDirectory() as tmp:
        project = args.project
        if project is None:
            project = Path(tmp) / "bpoil"
            count = make_project(args.data, project)
            if not count:
                print(f"skipped: no bpoil_* collections under {args.data}")
                return 0
            wall, cpu, _ = _timed(
                [*briefing, "build", "--inputs", str(project), "--format", "json"], Path(tmp)
            )
            print(f"built {count} articles once: {wall:.1f} s wall, {cpu:.1f} s CPU")
        runs = {
            "briefing --help": [*briefing, "--help"],
            "briefing status": [*briefing, "status", "--inputs", str(project)],
            "briefing check": [*briefing, "check", "--inputs", str(project)],
        }
        print(f"{'command':<18} {'runs':>4} {'median wall s':>14} {'median CPU s':>13}")
        for name, command in runs.items():
            times = [_timed(command, project.parent) for _ in range(args.repeats)]
            wall = statistics.median(t[0] for t in times)
            cpu = statistics.median(t[1] for t in times)
            print(f"{name:<18} {args.repeats:>4} {wall:>14.2f} {cpu:>13.2f}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
