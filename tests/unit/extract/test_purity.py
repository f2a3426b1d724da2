"""``extract`` is a pure per-article function: what lets a process pool, Dask, Spark or Ray map it.

Same article in, same result out, whatever ran before; articles and results survive pickling
(how they travel to and from workers); and the pipeline's pool gives exactly the sequence one
process gives.
"""

from __future__ import annotations

import datetime as dt
import pickle
import shutil
from collections.abc import Iterable, Iterator
from pathlib import Path
from typing import TypeVar

import pytest

from briefing import pipeline
from briefing.config import Options
from briefing.extract.events import ExtractResult, extract
from briefing.ingest import read, read_folder
from tests.conftest import SAMPLE, SHARED

T = TypeVar("T")

BBC = SHARED / "data" / "tls" / "bpoil_bbc"

SENTENCES = [
    "Rebels attacked Kidal on 3 May 2024, officials said.",
    "The army left the next day.",
    "Talks resumed in late June, according to the ministry.",
    "A ceasefire was signed on Friday.",
    "Prices rose 3% in 2023.",
]


def _articles(tmp_path: Path, count: int) -> tuple[Path, ...]:
    """``count`` small articles with varied dates, enough for the pool to be used."""
    folder = tmp_path / "project"
    (folder / "articles").mkdir(parents=True)
    for index in range(count):
        day = dt.date(2024, 1, 1) + dt.timedelta(days=index * 7)
        body = " ".join(SENTENCES[index % len(SENTENCES) :] + SENTENCES[: index % len(SENTENCES)])
        (folder / "articles" / f"article-{index:03}.md").write_text(
            f"---\npublished: {day.isoformat()}\n---\n{body}\n", encoding="utf-8"
        )
    return (folder,)


def _sample_articles() -> list[Path]:
    return sorted((SAMPLE / "articles").glob("*.md"))


@pytest.mark.parametrize("path", _sample_articles(), ids=lambda p: p.stem)
def test_same_article_gives_the_same_result_every_time(path: Path) -> None:
    article, _ = read(path)

    first = extract(article)
    extract(read(_sample_articles()[0])[0])  # anything run in between changes nothing
    second = extract(article)

    assert first == second
    assert first.events


@pytest.mark.parametrize("path", _sample_articles(), ids=lambda p: p.stem)
def test_article_and_result_survive_pickling(path: Path) -> None:
    article, _ = read(path)
    result = extract(article)

    assert pickle.loads(pickle.dumps(article)) == article
    assert pickle.loads(pickle.dumps(result)) == result
    assert extract(pickle.loads(pickle.dumps(article))) == result


def test_two_workers_give_the_same_results_as_one(tmp_path: Path) -> None:
    inputs = _articles(tmp_path, 40)
    articles, _ = pipeline.read(Options(inputs=inputs))
    assert len(articles) >= 16  # below that the pipeline does not start a pool

    serial = pipeline.extract_all(articles, jobs=1)
    parallel = pipeline.extract_all(articles, jobs=2)

    assert parallel == serial
    assert all(isinstance(result, ExtractResult) for result in parallel)
    assert sum(len(result.events) for result in serial) > 40


def test_progress_sees_every_article_in_order(tmp_path: Path) -> None:
    articles, _ = pipeline.read(Options(inputs=_articles(tmp_path, 20)))
    seen: list[tuple[str, int, int]] = []

    def progress(items: Iterable[T], /, *, stage: str, total: int) -> Iterator[T]:
        for index, item in enumerate(items):
            seen.append((stage, index, total))
            yield item

    results = pipeline.extract_all(articles, jobs=2, progress=progress)

    assert results == pipeline.extract_all(articles, jobs=1)
    assert seen == [("extracting", index, 20) for index in range(20)]


@pytest.mark.skipif(not BBC.is_dir(), reason="the bpoil collections are not on this machine")
def test_real_articles_give_the_same_results_on_two_workers(tmp_path: Path) -> None:
    project = tmp_path / "bbc"
    (project / "articles").mkdir(parents=True)
    for path in sorted((BBC / "articles").glob("*.md"))[:48]:
        shutil.copy(path, project / "articles")
    articles, _ = read_folder(project)

    assert pipeline.extract_all(articles, jobs=2) == pipeline.extract_all(articles, jobs=1)
