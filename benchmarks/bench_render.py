"""Rendering speed: 2,000 events to PDF and DOCX, next to pandoc and pandoc + LibreOffice.

    .venv/bin/python benchmarks/bench_render.py [--events 2000] [--repeats 3]

Builds one synthetic chronology (articles written in memory, extracted and ordered by the real
stages), composes it once, then times on the same content, medians over ``--repeats`` passes:

- ``pdf_writer.write_with_report(document)`` and ``docx_writer.write(document)``;
- ``pandoc -f markdown -t docx`` on the briefing's own Markdown (the template's output);
- that DOCX converted to PDF by LibreOffice (``soffice --headless --convert-to pdf``), so the
  pandoc route to a PDF costs pandoc + LibreOffice.

pandoc and soffice are optional: a missing one is reported and its rows skipped.
"""

from __future__ import annotations

import argparse
import datetime as dt
import random
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path
from typing import TYPE_CHECKING

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from briefing import chronology as chronology_stage  # noqa: E402 (after the path is set)
from briefing.config import Options  # noqa: E402 (after the path is set)
from briefing.extract.events import extract  # noqa: E402 (after the path is set)
from briefing.model import Article, Document, Event  # noqa: E402 (after the path is set)
from briefing.render import docx_writer, pdf_writer  # noqa: E402 (after the path is set)
from briefing.render.compose import compose, markdown  # noqa: E402 (after the path is set)

if TYPE_CHECKING:
    from collections.abc import Callable

WHO = ["Rebels", "The army", "Officials", "Engineers", "The company", "Residents", "Protesters"]
DID = ["attacked", "inspected", "closed", "reopened", "evacuated", "surveyed", "blockaded"]
WHAT = ["the port", "the pipeline", "the northern road", "the refinery", "the airport", "a camp"]
TOWN = ["Kidal", "Gao", "Menaka", "Timbuktu", "Mopti", "Segou", "Kayes", "Sikasso", "Bamako"]


def _articles(events: int) -> list[Article]:
    """Articles of five dated sentences each, all different, so nothing merges."""
    rng = random.Random(7)
    start = dt.date(2020, 1, 1)
    articles = []
    for index in range(events // 5):
        published = start + dt.timedelta(days=index)
        sentences = []
        for offset in range(5):
            day = published - dt.timedelta(days=offset)
            sentences.append(
                f"{rng.choice(WHO)} {rng.choice(DID)} {rng.choice(WHAT)} near "
                f"{rng.choice(TOWN)} on {day.day} {day:%B} {day.year}, "
                f"report {index}-{offset} said, citing {rng.randint(2, 900)} witnesses."
            )
        articles.append(
            Article(
                id=f"article-{index:05}",
                path=Path(f"articles/article-{index:05}.md"),
                text="\n\n".join(sentences),
                title=f"Report {index}",
                publisher="Wire",
                published=published,
            )
        )
    return articles


def build_document(events: int) -> tuple[Document, str, int]:
    """The composed document, its Markdown, and how many events it holds."""
    articles = _articles(events)
    found: list[Event] = [event for article in articles for event in extract(article).events]
    ordered = chronology_stage.order(tuple(found), tuple(articles), ())
    options = Options(title="Render benchmark", today=dt.date(2024, 1, 1))
    text = markdown(ordered, options, project=None)
    return compose(ordered, options, project=None, text=text), text, len(ordered.events)


def _median(action: Callable[[], object], repeats: int) -> float:
    times = []
    for _ in range(repeats):
        began = time.perf_counter()
        action()
        times.append(time.perf_counter() - began)
    return statistics.median(times)


def _run(*command: str) -> None:
    subprocess.run(command, check=True, capture_output=True)


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--events", type=int, default=2000)
    parser.add_argument("--repeats", type=int, default=3)
    args = parser.parse_args()

    document, text, count = build_document(args.events)
    print(f"{count} events, Markdown {len(text):,} characters, medians of {args.repeats} passes")
    # A first small document loads fonts and the reference DOCX: not part of the timing.
    small, _, _ = build_document(10)
    pdf_writer.write(small)
    docx_writer.write(small)
    rows: list[tuple[str, float]] = [
        ("briefing PDF (reportlab)", _median(lambda: pdf_writer.write(document), args.repeats)),
        ("briefing DOCX (python-docx)", _median(lambda: docx_writer.write(document), args.repeats)),
    ]

    pandoc, soffice = shutil.which("pandoc"), shutil.which("soffice")
    with tempfile.TemporaryDirectory() as tmp:
        folder = Path(tmp)
        source = folder / "briefing.md"
        source.write_text(text, encoding="utf-8")
        target = folder / "pandoc.docx"
        if pandoc is None:
            print("pandoc: not installed, its rows are skipped")
        else:
            version = subprocess.run([pandoc, "--version"], capture_output=True, text=True)
            print(version.stdout.splitlines()[0])
            rows.append(
                (
                    "pandoc Markdown -> DOCX",
                    _median(
                        lambda: _run(
                            pandoc, "-f", "markdown", "-t", "docx", str(source), "-o", str(target)
                        ),
                        args.repeats,
                    ),
                )
            )
        if pandoc is None or soffice is None:
            print("soffice: not installed or no pandoc DOCX, the LibreOffice row is skipped")
        else:
            profile = folder / "lo-profile"

            def convert() -> None:
                _run(
                    soffice,
                    f"-env:UserInstallation=file://{profile}",
                    "--headless",
                    "--convert-to",
                    "pdf",
                    "--outdir",
                    str(folder / "pdf"),
                    str(target),
                )

            convert()  # first start creates the LibreOffice profile: not part of the timing
            lo = _median(convert, args.repeats)
            rows.append(("LibreOffice DOCX -> PDF", lo))
            pandoc_docx = next(seconds for name, seconds in rows if name.startswith("pandoc"))
            rows.append(("pandoc + LibreOffice -> PDF", pandoc_docx + lo))

    width = max(len(name) for name, _ in rows)
    print(f"{'':{width}}  seconds  events/s")
    for name, seconds in rows:
        print(f"{name:{width}}  {seconds:7.2f}  {count / seconds:8.0f}")
    ours = dict(rows)
    pdf, word = ours["briefing PDF (reportlab)"], ours["briefing DOCX (python-docx)"]
    if "pandoc Markdown -> DOCX" in ours:
        print(f"DOCX: pandoc takes {ours['pandoc Markdown -> DOCX'] / word:.1f}x briefing's time")
    if "pandoc + LibreOffice -> PDF" in ours:
        print(
            f"PDF: pandoc + LibreOffice take {ours['pandoc + LibreOffice -> PDF'] / pdf:.1f}x "
            "briefing's time"
        )
    return 0


if __name__ == "__main__":
    sys.exit(main())
