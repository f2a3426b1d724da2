"""Shared fixtures: a fixed reference date, hypothesis profiles, the sample project."""

from __future__ import annotations

import datetime as dt
import os
import shutil
from pathlib import Path
from typing import TYPE_CHECKING

import pytest
from hypothesis import HealthCheck, settings

if TYPE_CHECKING:
    from collections.abc import Iterator

    from briefing.model import Chronology

ROOT = Path(__file__).resolve().parent.parent
SAMPLE = ROOT / "inputs"
SHARED = ROOT.parent / "shared"

# Tests never time anything (speed is measured in benchmarks/): no deadlines, no "too slow".
settings.register_profile(
    "dev",
    max_examples=50,
    derandomize=True,
    deadline=None,
    suppress_health_check=[HealthCheck.too_slow],
)
settings.register_profile(
    "ci",
    max_examples=200,
    deadline=None,
    print_blob=True,
    derandomize=True,
    suppress_health_check=[HealthCheck.too_slow],
)
settings.register_profile("long", max_examples=2000, deadline=None)
settings.load_profile(os.environ.get("HYPOTHESIS_PROFILE", "dev"))


def pytest_addoption(parser: pytest.Parser) -> None:
    parser.addoption(
        "--update-golden", action="store_true", help="rewrite golden files from current output"
    )


@pytest.fixture(scope="session", autouse=True)
def _every_timeline_json_follows_its_schema() -> Iterator[None]:
    """Every ``timeline.json`` any test writes is checked against the shipped JSON Schema."""
    from briefing.render import json_export
    from tests import schema

    original = json_export.write

    def write_checked(chronology: Chronology) -> bytes:
        payload = original(chronology)
        schema.check(payload)
        return payload

    json_export.write = write_checked
    try:
        yield
    finally:
        json_export.write = original


@pytest.fixture
def update_golden(request: pytest.FixtureRequest) -> bool:
    return bool(request.config.getoption("--update-golden"))


@pytest.fixture
def ref_date() -> dt.date:
    """The publication date of the first sample article (a Sunday)."""
    return dt.date(2025, 8, 31)


@pytest.fixture
def sample_project(tmp_path: Path) -> Path:
    """A private copy of the bundled sample project, safe to edit."""
    target = tmp_path / "project"
    shutil.copytree(SAMPLE, target)
    return target
