"""Rebuilds do only what changed, and give what a cold build gives (issue 14, item 1).

Each path (nothing changed, an article added, edited or removed, the timeline file edited by
the analyst) is built incrementally in one project and cold in a fresh copy of the same
inputs at the same path; every output and the timeline file must be the same bytes.
"""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest

from briefing import ingest, pipeline
from briefing.cli import main
from briefing.extract import events as extract_events
from tests.conftest import SHARED

pytestmark = [pytest.mark.e2e, pytest.mark.slow]

COLLECTION = SHARED / "data" / "tls" / "bpoil_guardian" / "articles"
FORMATS = "pdf,docx,json,md,csv"
OUTPUTS = ("briefing.pdf", "briefing.docx", "timeline.json", "briefing.md", "timeline.csv")


def _sources() -> list[Path]:
    if not COLLECTION.is_dir():
        pytest.skip(f"the shared news collections are not at {COLLECTION}")
    return sorted(COLLECTION.glob("*.md"))[:30]


def _build(project: Path) -> int:
    out = project.parent / "out"
    return main(["-q", "build", "--inputs", str(project), "--out", str(out), "--format", FORMATS])


def _files(project: Path) -> dict[str, bytes]:
    out = project.parent / "out"
    files = {name: (out / name).read_bytes() for name in OUTPUTS}
    files["timeline.yaml"] = (project / "timeline.yaml").read_bytes()
    return files


def _cold(project: Path) -> dict[str, bytes]:
    """A cold build of the project's inputs as they are now (articles and timeline file), at
    the same path (outputs name the articles' paths): caches, record and outputs removed, the
    project's own files put back afterwards."""
    keep = project.parent / "kept"
    shutil.copytree(project, keep)
    shutil.rmtree(project / ".briefing-cache")
    shutil.rmtree(project.parent / "out")
    try:
        assert _build(project) in (0, 1)
        return _files(project)
    finally:
        shutil.rmtree(project)
        keep.rename(project)


@pytest.fixture
def project(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    monkeypatch.setenv("SOURCE_DATE_EPOCH", "1700000000")
    folder = tmp_path / "p"
    (folder / "articles").mkdir(parents=True)
    for path in _sources()[:-1]:
        shutil.copy(path, folder / "articles" / path.name)
    assert _build(folder) in (0, 1)
    return folder


def _same_as_cold(project: Path) -> None:
    incremental = _files(project)
    cold = _cold(project)
    for name, data in cold.items():
        assert incremental[name] == data, name


def test_nothing_changed_renders_nothing_and_leaves_every_file(
    project: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    before = {path: path.stat().st_mtime_ns for path in (project.parent / "out").iterdir()}
    called: list[str] = []
    monkeypatch.setattr(pipeline, "_curate", lambda *a, **k: called.append("curate"))
    capsys.readouterr()
    assert main(["build", "--inputs", str(project), "--out", str(project.parent / "out"),
                 "--format", FORMATS]) in (0, 1)  # fmt: skip
    assert called == []
    assert "nothing changed since the last build" in capsys.readouterr().err
    after = {path: path.stat().st_mtime_ns for path in (project.parent / "out").iterdir()}
    assert after == before


def test_a_changed_setting_or_a_missing_output_builds_again(project: Path) -> None:
    (project.parent / "out" / "briefing.md").unlink()
    assert _build(project) in (0, 1)
    assert (project.parent / "out" / "briefing.md").is_file()
    (project / "briefing.yaml").write_text("title: Another title\n", encoding="utf-8")
    assert _build(project) in (0, 1)
    assert b"Another title" in (project.parent / "out" / "briefing.md").read_bytes()


def test_one_article_added_is_the_only_one_read_and_extracted(
    project: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    added = _sources()[-1]
    shutil.copy(added, project / "articles" / added.name)
    read: list[str] = []
    extracted: list[str] = []
    real_read, real_extract = ingest.read_file, extract_events.extract

    def reading(path: Path) -> ingest.FileReading:
        read.append(path.name)
        return real_read(path)

    def extracting(article: object) -> object:
        extracted.append(getattr(article, "id", ""))
        return real_extract(article)  # type: ignore[arg-type]

    monkeypatch.setattr(pipeline, "read_file", reading)
    monkeypatch.setattr(pipeline, "extract", extracting)
    assert _build(project) in (0, 1)
    assert read == [added.name]
    assert extracted == [added.stem]
    monkeypatch.undo()
    monkeypatch.setenv("SOURCE_DATE_EPOCH", "1700000000")
    _same_as_cold(project)


def test_one_article_edited_gives_the_cold_build(project: Path) -> None:
    path = sorted((project / "articles").glob("*.md"))[3]
    text = path.read_text(encoding="utf-8")
    path.write_text(text + "\nOn 3 June 2010 the company said it would sell assets.\n", "utf-8")
    assert _build(project) in (0, 1)
    _same_as_cold(project)


def test_one_article_removed_gives_the_cold_build(project: Path) -> None:
    sorted((project / "articles").glob("*.md"))[5].unlink()
    assert _build(project) in (0, 1)
    _same_as_cold(project)


def test_the_timeline_file_edited_by_the_analyst_gives_the_cold_build(project: Path) -> None:
    path = project / "timeline.yaml"
    text = path.read_text(encoding="utf-8")
    first = text.index("    text: ")
    end = text.index("\n", first)
    edited = text[:first] + "    text: The analyst's own wording of this event." + text[end:]
    path.write_text(edited.replace("status: new", "status: reviewed", 2), encoding="utf-8")
    assert _build(project) in (0, 1)
    assert "The analyst's own wording" in path.read_text(encoding="utf-8")
    _same_as_cold(project)
