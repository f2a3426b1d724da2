"""Shared fixtures: a fixed reference date, hypothesis profiles, the sample project."""

from __future__ import annotations

import datetime as dt
import os
import shutil
from pathlib import Path

import pytest
from hypothesis import HealthCheck, settings

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
