"""The extraction cache: only new or changed articles are extracted again; results unchanged."""

from __future__ import annotations

import dataclasses
import json
import shutil
from pathlib import Path

import pytest

from briefing import extract_cache, pipeline
from briefing.extract.events import ExtractResult, extract
from briefing.ingest import read_folder
from briefing.model import Article, Diagnostic, Level
from tests.conftest import SAMPLE


def _remembered(articles: tuple[Article, ...], cache: Path) -> tuple[ExtractResult, ...]:
    """Extract with the cache, then store what was extracted, as a successful build does."""
    results = pipeline.extract_all(articles, cache=cache)
    pipeline.remember(cache, articles, results)
    return results


@pytest.fixture
def articles() -> tuple[Article, ...]:
    found, _ = read_folder(SAMPLE)
    return found


def test_cached_results_equal_fresh_extraction(
    tmp_path: Path, articles: tuple[Article, ...]
) -> None:
    first = _remembered(articles, tmp_path)
    second = _remembered(articles, tmp_path)
    assert first == second == tuple(extract(article) for article in articles)
    entries = sorted((tmp_path / extract_cache.CACHE_DIR).glob("*.json"))
    assert len(entries) == len(articles)
    for entry in entries:
        json.loads(entry.read_text(encoding="utf-8"))  # JSON, never pickle


def test_only_new_or_changed_articles_are_extracted_again(
    tmp_path: Path,
    articles: tuple[Article, ...],
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    _remembered(articles, tmp_path)
    calls: list[str] = []

    def counting(article: Article) -> ExtractResult:
        calls.append(article.id)
        return extract(article)

    monkeypatch.setattr(pipeline, "extract", counting)
    _remembered(articles, tmp_path)
    assert calls == []
    edited = dataclasses.replace(articles[0], text=articles[0].text + " On 3 March 2024 it rained.")
    _remembered((edited, *articles[1:]), tmp_path)
    assert calls == [articles[0].id]


def test_a_damaged_entry_is_extracted_again(tmp_path: Path, articles: tuple[Article, ...]) -> None:
    _remembered(articles, tmp_path)
    for entry in (tmp_path / extract_cache.CACHE_DIR).glob("*.json"):
        entry.write_text("{half", encoding="utf-8")
    assert pipeline.extract_all(articles, cache=tmp_path) == tuple(map(extract, articles))


def test_a_change_in_the_extraction_code_misses_the_cache(
    tmp_path: Path,
    articles: tuple[Article, ...],
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    before = extract_cache.key(articles[0])
    monkeypatch.setattr(extract_cache, "code_fingerprint", lambda: "another version")
    assert extract_cache.key(articles[0]) != before


def test_codec_round_trips_every_field(articles: tuple[Article, ...]) -> None:
    for article in articles:
        result: ExtractResult = extract(article)
        data = json.loads(json.dumps(extract_cache._result_data(result, article.path)))
        assert extract_cache._result(data, article.path) == result


def test_a_moved_project_keeps_its_cache_and_names_its_new_files(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    project = tmp_path / "before"
    shutil.copytree(SAMPLE / "articles", project / "articles")
    found, _ = read_folder(project)
    _remembered(found, project)
    (tmp_path / "renamed").mkdir()
    moved = project.rename(tmp_path / "renamed" / "after")
    calls: list[str] = []

    def counting(article: Article) -> ExtractResult:
        calls.append(article.id)
        return extract(article)

    monkeypatch.setattr(pipeline, "extract", counting)
    again, _ = read_folder(moved)
    assert pipeline.extract_all(again, cache=moved) == tuple(extract(a) for a in again)
    assert calls == []  # every article taken from the cache


def test_a_cached_diagnostic_names_the_article_where_it_lies_now(tmp_path: Path) -> None:
    article = Article(id="a", path=tmp_path / "one" / "articles" / "a.md", text="x")
    note = Diagnostic(level=Level.INFO, code="c", message="m", path=article.path, line=3)
    other = Diagnostic(level=Level.INFO, code="d", message="n", path=Path("elsewhere.md"))
    extract_cache.store(tmp_path, [(article, ExtractResult(events=(), diagnostics=(note, other)))])
    moved = dataclasses.replace(article, path=tmp_path / "two" / "articles" / "a.md")
    (hit,) = extract_cache.lookup(tmp_path, [moved])
    assert hit is not None
    assert [d.path for d in hit.diagnostics] == [moved.path, Path("elsewhere.md")]
