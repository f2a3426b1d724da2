"""Extraction throughput: the TempEval-3 dev set and the 1,460 bpoil articles, one and two cores.

    .venv/bin/python benchmarks/bench_extract.py [--data ../shared/data] [--repeats 3]

Times ``briefing.extract.events.extract`` (dates, sentences, attribution, facts: everything
after reading) per article, medians over ``--repeats`` passes, in characters and articles per
second:

- on the dev temporal set (``temporal/tbaq-dev.jsonl``: 256 news documents with their DCT),
  each document an article published on its DCT;
- on the five ``tls/bpoil_*`` collections (read once with ``briefing.ingest.read_folder``,
  reading not timed), in this process and through ``briefing.pipeline.extract_all`` on
  ``--jobs`` worker processes, with the speed-up of the pool.

A collection that is missing is reported and skipped.
"""

from __future__ import annotations

import argparse
import datetime as dt
import json
import os
import statistics
import sys
import time
from pathlib import Path
from typing import TYPE_CHECKING

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from briefing import pipeline  # noqa: E402 (after the path is set)
from briefing.extract.events import extract  # noqa: E402 (after the path is set)
from briefing.ingest import read_folder  # noqa: E402 (after the path is set)
from briefing.model import Article, DateOrigin  # noqa: E402 (after the path is set)

if TYPE_CHECKING:
    from collections.abc import Callable, Sequence

DATA = ROOT.parent / "shared" / "data"
OUTLETS = ("bbc", "foxnews", "guardian", "reuters", "washingtonpost")


def _dev_articles(path: Path) -> list[Article]:
    articles = []
    for line in path.read_text(encoding="utf-8").splitlines():
        if not line.strip():
            continue
        record = json.loads(line)
        articles.append(
            Article(
                id=record["doc"],
                path=Path(f"{record['doc']}.txt"),
                text=record["text"],
                published=dt.date.fromisoformat(record["dct"][:10]),
                date_origin=DateOrigin.FRONT_MATTER,
            )
        )
    return articles


def _bpoil_articles(tls: Path) -> list[Article]:
    articles: list[Article] = []
    for outlet in OUTLETS:
        folder = tls / f"bpoil_{outlet}"
        if folder.is_dir():
            articles.extend(read_folder(folder)[0])
    return articles


def _median(action: Callable[[], object], repeats: int) -> float:
    times = []
    for _ in range(repeats):
        began = time.perf_counter()
        action()
        times.append(time.perf_counter() - began)
    return statistics.median(times)


def _row(name: str, articles: Sequence[Article], seconds: float) -> str:
    chars = sum(len(article.text) for article in articles)
    return (
        f"{name:34} {len(articles):6} {chars:11,} {seconds:8.2f} "
        f"{chars / seconds:12,.0f} {len(articles) / seconds:10.1f}"
    )


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--data", type=Path, default=DATA)
    parser.add_argument("--repeats", type=int, default=3)
    parser.add_argument("--jobs", type=int, default=min(2, os.cpu_count() or 1))
    args = parser.parse_args()

    print(f"medians of {args.repeats} passes; {os.cpu_count()} cores")
    print(
        f"{'':34} {'docs':>6} {'characters':>11} {'seconds':>8} {'chars/s':>12} {'articles/s':>10}"
    )
    dev = args.data / "temporal" / "tbaq-dev.jsonl"
    if dev.is_file():
        articles = _dev_articles(dev)
        extract(articles[0])  # warm the tagger's caches: not part of the timing
        seconds = _median(lambda: [extract(a) for a in articles], args.repeats)
        print(_row("dev temporal set, 1 process", articles, seconds))
    else:
        print(f"dev temporal set: {dev} not found, skipped")

    bpoil = _bpoil_articles(args.data / "tls")
    if not bpoil:
        print("bpoil collections: not found, skipped")
        return 0
    serial = _median(lambda: [extract(a) for a in bpoil], args.repeats)
    print(_row("bpoil, 1 process", bpoil, serial))
    pooled = _median(lambda: pipeline.extract_all(bpoil, jobs=args.jobs), args.repeats)
    print(_row(f"bpoil, pool of {args.jobs} (extract_all)", bpoil, pooled))
    print(f"pool speed-up: {serial / pooled:.2f}x on {args.jobs} workers")
    same = pipeline.extract_all(bpoil, jobs=args.jobs) == tuple(extract(a) for a in bpoil)
    print(f"pool results identical to one process: {same}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
