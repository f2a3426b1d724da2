"""``timeline.json`` follows the JSON Schema shipped in the package, and the schema stays true."""

from __future__ import annotations

import copy
import enum
import json
import shutil
from pathlib import Path
from typing import Any

import pytest

from briefing.cli import main
from briefing.model import Anchoring, Chronology, DateOrigin, Level, Mod, Precision, Status
from briefing.render.json_export import SCHEMA_FILE, write
from tests import schema
from tests.conftest import SAMPLE, SHARED


@pytest.fixture(scope="module")
def sample_json(tmp_path_factory: pytest.TempPathFactory) -> dict[str, Any]:
    root = tmp_path_factory.mktemp("schema")
    shutil.copytree(SAMPLE, root / "project")
    args = ["build", "--inputs", str(root / "project"), "--out", str(root / "out")]
    assert main([*args, "--format", "json", "-q"]) == 0
    data: dict[str, Any] = json.loads((root / "out" / "timeline.json").read_text("utf-8"))
    return data


def test_the_schema_ships_inside_the_package_and_is_a_valid_schema() -> None:
    assert SCHEMA_FILE.is_file()
    assert SCHEMA_FILE.parent.parent.name == "briefing"
    schema.validator()  # check_schema raises on a malformed schema


def test_the_sample_build_follows_the_schema(sample_json: dict[str, Any]) -> None:
    assert sample_json["events"]
    assert sample_json["unplaced"]
    assert sample_json["articles"]
    assert schema.errors(sample_json) == []


def test_fields_added_later_are_accepted(sample_json: dict[str, Any]) -> None:
    data = copy.deepcopy(sample_json)
    data["events"][0]["salience"] = {"score": 0.8, "reasons": ["3 outlets"]}
    data["selection"] = {"key_events": 12}
    assert schema.errors(data) == []


@pytest.mark.parametrize(
    ("where", "value"),
    [
        (("events", 0, "date", "precision"), "fortnight"),
        (("events", 0, "status"), "approved"),
        (("events", 0, "sources", 0, "start"), -1),
        (("articles", 0, "published"), "31/08/2025"),
        (("schema",), 2),
    ],
)
def test_a_wrong_value_breaks_the_schema(
    sample_json: dict[str, Any], where: tuple[Any, ...], value: object
) -> None:
    data = copy.deepcopy(sample_json)
    target = data
    for key in where[:-1]:
        target = target[key]
    target[where[-1]] = value
    assert schema.errors(data)


def test_a_missing_field_breaks_the_schema(sample_json: dict[str, Any]) -> None:
    data = copy.deepcopy(sample_json)
    del data["events"][0]["date"]["label"]
    assert schema.errors(data)


@pytest.mark.parametrize(
    ("definition", "field", "values"),
    [
        ("date", "precision", Precision),
        ("date", "mod", Mod),
        ("date", "anchoring", Anchoring),
        ("event", "status", Status),
        ("diagnostic", "level", Level),
        ("article", "published_from", DateOrigin),
    ],
)
def test_the_schema_enums_are_the_models(
    definition: str, field: str, values: type[enum.StrEnum]
) -> None:
    document = json.loads(SCHEMA_FILE.read_text(encoding="utf-8"))
    allowed = set(document["$defs"][definition]["properties"][field]["enum"]) - {None}
    assert allowed == {member.value for member in values}


def test_a_real_news_collection_follows_the_schema(tmp_path: Path) -> None:
    """Forty bpoil articles of one outlet: facts, unplaced dates, merged sources."""
    articles = SHARED / "data" / "tls" / "bpoil_guardian" / "articles"
    if not articles.is_dir():
        pytest.skip("the shared news collections are not available")
    (tmp_path / "p" / "articles").mkdir(parents=True)
    for path in sorted(articles.glob("*.md"))[:40]:
        (tmp_path / "p" / "articles" / path.name).write_bytes(path.read_bytes())
    args = ["build", "--inputs", str(tmp_path / "p"), "--out", str(tmp_path / "out")]
    assert main([*args, "--format", "json", "-q", "--jobs", "1"]) in (0, 1)
    data = json.loads((tmp_path / "out" / "timeline.json").read_text(encoding="utf-8"))
    assert len(data["events"]) > 20
    assert schema.errors(data) == []
    text = (tmp_path / "out" / "timeline.json").read_text(encoding="utf-8")
    assert text == _canonical(text)


def _canonical(text: str) -> str:
    """The file as ``json.dumps(indent=2)`` writes the whole document at once (the writer
    encodes it an item at a time and must give the same text)."""
    return json.dumps(json.loads(text), ensure_ascii=False, indent=2) + "\n"


def test_the_written_text_is_the_whole_document_dumped_at_once(tmp_path: Path) -> None:
    shutil.copytree(SAMPLE, tmp_path / "project")
    args = ["build", "--inputs", str(tmp_path / "project"), "--out", str(tmp_path / "out")]
    assert main([*args, "--format", "json", "-q"]) == 0
    text = (tmp_path / "out" / "timeline.json").read_text("utf-8")
    assert text == _canonical(text)
    empty = write(Chronology(events=(), unplaced=(), articles=(), diagnostics=())).decode()
    assert empty == _canonical(empty)
    assert json.loads(empty)["events"] == []
