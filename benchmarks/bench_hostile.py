"""Hostile inputs, measured: a long unbroken sentence, a zip-bomb Word document, odd shapes.

    .venv/bin/python benchmarks/bench_hostile.py [--repeats 3] [--max-size 5000000]
                                                 [--code DIR] [--skip-bomb] [--skip-shapes]

1. **One-sentence articles, 10 KB to 5 MB.** One article per project: front matter, then
   ``On 3 March 2025 it began. lorem0 lorem1 …`` without another full stop, sized
   5 MB / 2^k (9.8 KB, 19.5 KB, … 5 MB, the largest an article may be). Each size is built with
   ``python -m briefing build`` (PDF, Word, JSON) in a fresh copy of the project, ``--repeats``
   times; printed: the median CPU seconds of the whole process tree, the wall time, and the
   ratio to the previous size (2.00 = linear). A second ratio takes off the CPU of building a
   100-byte article (interpreter start, imports, empty documents), which dominates the small
   sizes. Target (issue 12): near-linear growth, and 5 MB in under 60 s.
2. **Zip bomb.** A 3.5 MB ``.docx`` whose ``word/document.xml`` inflates to 1 GB, made on the
   fly (``tests/hostile_files.py``; nothing big is committed), given to ``briefing add``:
   peak memory (the process's largest resident set), CPU and wall seconds, the message.
   Target: under 300 MB and 5 s, with a clear message.
3. **Shapes.** In process, the extraction stages (cleaning, dates, sentences, attribution)
   on one-sentence texts of 100 and 200 KB made of one repeated shape (capitalised words,
   a reporting verb, dates, abbreviations…): the ratio per doubling of the slowest stage.

``--code DIR`` measures another checkout (its ``briefing`` package) the same way, e.g. the
code before a change; ``--max-size`` stops the size series early (the old code takes minutes
from a few hundred kB on).
"""

from __future__ import annotations

import argparse
import datetime as dt
import os
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from collections.abc import Callable

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from benchmarks import proctree  # noqa: E402 -- after the path is set
from tests.hostile_files import zip_bomb_docx  # noqa: E402 -- after the path is set

LARGEST = 5_000_000
HEAD = "---\ntitle: One sentence\npublisher: Bench Wire\npublished: 2025-03-10\n---\n"
OPENING = "On 3 March 2025 it began. "


def article(size: int) -> str:
    """An article of exactly ``size`` bytes: front matter and one unbroken sentence."""
    words: list[str] = []
    length = len(HEAD) + len(OPENING) + 1
    index = 0
    while True:
        word = f"lorem{index} "
        if length + len(word) > size:
            break
        words.append(word)
        length += len(word)
        index += 1
    body = (OPENING + "".join(words)).rstrip()
    return HEAD + body + "x" * (size - len(HEAD) - len(body) - 1) + "\n"


def _environment(code: Path) -> dict[str, str]:
    return {**os.environ, "PYTHONPATH": str(code), "SOURCE_DATE_EPOCH": "1741600000"}


def build_cpu(size: int, code: Path, work: Path) -> tuple[float, float]:
    """CPU and wall seconds of one build of a fresh one-article project of ``size`` bytes."""
    project = Path(tempfile.mkdtemp(dir=work))
    (project / "articles").mkdir()
    (project / "articles" / "long.md").write_text(article(size), encoding="utf-8")
    run = proctree.run(
        [sys.executable, "-m", "briefing", "build", "--inputs", str(project), "--out",
         str(project / "out")],
        cwd=project,
        env=_environment(code),
    )  # fmt: skip
    if run.returncode != 0:
        raise SystemExit(f"build of {size:,} bytes failed:\n{run.stderr}")
    return run.cpu, run.wall


def sizes(largest: int) -> list[int]:
    return [LARGEST // 2**k for k in range(9, -1, -1) if LARGEST // 2**k <= largest]


def long_sentence(code: Path, repeats: int, largest: int, work: Path) -> None:
    print("1. One-sentence articles: briefing build (PDF, Word, JSON), CPU of the process tree")
    base = statistics.median(build_cpu(100, code, work)[0] for _ in range(repeats))
    print(f"   baseline (a 100-byte article): {base:.2f} s CPU")
    print(f"   {'size':>10} {'CPU s':>8} {'wall s':>8} {'ratio':>7} {'ratio-base':>11}")
    previous = 0.0
    for size in sizes(largest):
        runs = [build_cpu(size, code, work) for _ in range(repeats)]
        cpu = statistics.median(run[0] for run in runs)
        wall = statistics.median(run[1] for run in runs)
        ratio = f"{cpu / previous:7.2f}" if previous else f"{'':>7}"
        net = (
            f"{(cpu - base) / (previous - base):11.2f}"
            if previous and previous - base > 0.05
            else f"{'':>11}"
        )
        print(f"   {size:>10,} {cpu:8.2f} {wall:8.2f} {ratio} {net}", flush=True)
        previous = cpu


def zip_bomb(code: Path, repeats: int, work: Path) -> None:
    print("2. Zip bomb: briefing add on a .docx whose document part inflates to 1 GB")
    bomb = zip_bomb_docx(work / "bomb.docx", 1_000_000_000)
    print(f"   file: {bomb.stat().st_size / 1e6:.1f} MB")
    results = []
    message, code_seen = "", 0
    for _ in range(repeats):
        project = Path(tempfile.mkdtemp(dir=work))
        (project / "articles").mkdir()
        began = time.perf_counter()
        process = subprocess.Popen(
            [sys.executable, "-m", "briefing", "add", str(bomb), "--inputs", str(project)],
            env=_environment(code),
            stdout=subprocess.DEVNULL,
            stderr=subprocess.PIPE,
        )
        assert process.stderr is not None
        message = process.stderr.read().decode("utf-8", errors="replace").strip()
        _, status, usage = os.wait4(process.pid, 0)
        wall = time.perf_counter() - began
        results.append((usage.ru_maxrss / 1024, usage.ru_utime + usage.ru_stime, wall))
        code_seen = os.waitstatus_to_exitcode(status)
    peak = statistics.median(r[0] for r in results)
    cpu = statistics.median(r[1] for r in results)
    wall = statistics.median(r[2] for r in results)
    print(f"   exit {code_seen}; peak memory {peak:.0f} MB; CPU {cpu:.2f} s; wall {wall:.2f} s")
    print(f"   message: {message}")


def shapes() -> None:
    sys.path.insert(0, str(ROOT))
    from briefing.extract.attribution import acronyms, attribute
    from briefing.extract.dates import find_dates
    from briefing.extract.sentences import split_sentences
    from briefing.ingest.clean import clean

    kinds: dict[str, Callable[[int], str]] = {
        "lower words": lambda i: f"lorem{i}",
        "capitalised": lambda i: f"Lorem{i}",
        "reporting verbs": lambda i: f"Officials said {i}",
        "dates": lambda i: f"{i % 28 + 1} March 2025,",
        "month names": lambda i: "March" if i >= 0 else "",
        "abbreviations": lambda i: "U.S." if i >= 0 else "",
        "brackets": lambda i: f"(Word{i} (SZ{i % 9})",
        "quotes": lambda i: f"“Lorem{i},” said",
    }

    def text(kind: str, size: int) -> str:
        out, length, index = [], 0, 0
        while length < size:
            word = kinds[kind](index) + " "
            out.append(word)
            length += len(word)
            index += 1
        return OPENING + "".join(out).strip()

    def stages(sample: str) -> dict[str, float]:
        spent: dict[str, float] = {}
        for name, step in (
            ("clean", lambda: clean(sample, title="A title")),
            ("dates", lambda: find_dates(sample, reference=dt.date(2025, 3, 10), language="en")),
            ("sentences", lambda: split_sentences(sample, "en")),
            ("attribution", lambda: [attribute(sample[a:b], acronyms(sample))
                                     for a, b in split_sentences(sample, "en")]),
        ):  # fmt: skip
            began = time.process_time()
            step()
            spent[name] = time.process_time() - began
        return spent

    print("3. Shapes: extraction stages on one-sentence texts of 100 and 200 kB (CPU s)")
    for kind in kinds:
        small, large = stages(text(kind, 100_000)), stages(text(kind, 200_000))
        worst = max(large, key=lambda name: large[name])
        ratio = large[worst] / small[worst] if small[worst] > 0.005 else float("nan")
        total = sum(large.values())
        print(f"   {kind:16} slowest {worst:11} {small[worst]:.2f} -> {large[worst]:.2f} s "
              f"(x{ratio:.2f}); all stages at 200 kB {total:.2f} s")  # fmt: skip


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n", 1)[0])
    parser.add_argument("--repeats", type=int, default=3)
    parser.add_argument("--max-size", type=int, default=LARGEST)
    parser.add_argument("--code", type=Path, default=ROOT, help="checkout to measure")
    parser.add_argument("--skip-bomb", action="store_true")
    parser.add_argument("--skip-shapes", action="store_true")
    parser.add_argument("--skip-sizes", action="store_true")
    args = parser.parse_args()
    with tempfile.TemporaryDirectory(prefix="bench-hostile-") as folder:
        work = Path(folder)
        if not args.skip_sizes:
            long_sentence(args.code.resolve(), args.repeats, args.max_size, work)
        if not args.skip_bomb:
            zip_bomb(args.code.resolve(), args.repeats, work)
    if not args.skip_shapes:
        shapes()


if __name__ == "__main__":
    main()
