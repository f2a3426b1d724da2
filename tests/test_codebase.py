"""The house rules, checked like behaviour: public API, lint, types and import layers."""

from __future__ import annotations

import shutil
import subprocess
import sys
import types

import pytest

import briefing
from tests.conftest import ROOT


def test_all_lists_exactly_the_public_names() -> None:
    for name in briefing.__all__:  # names load on first use: each one must resolve
        assert not isinstance(getattr(briefing, name), types.ModuleType), name
    public = {name for name in dir(briefing) if not name.startswith("_")}
    modules = {name for name in public if isinstance(getattr(briefing, name), types.ModuleType)}
    assert sorted(briefing.__all__) == briefing.__all__
    assert set(briefing.__all__) - {"__version__"} == public - modules


def test_importing_the_package_loads_no_document_or_web_library() -> None:
    """``briefing --help`` and ``import briefing`` stay instant (issue 13: 1.4 s before)."""
    code = (
        "import sys, briefing, briefing.cli; "
        "heavy = {'reportlab', 'docx', 'trafilatura', 'jinja2', 'pypdf', 'ruamel', 'tqdm'}; "
        "print(sorted(heavy & {name.split('.')[0] for name in sys.modules}))"
    )
    result = subprocess.run(
        [sys.executable, "-c", code], capture_output=True, text=True, check=True, cwd=ROOT
    )
    assert result.stdout.strip() == "[]"


def _tool(name: str) -> list[str]:
    found = shutil.which(name, path=str(ROOT / ".venv" / "bin")) or shutil.which(name)
    if found is None:
        pytest.skip(f"{name} is not installed (pip install '.[test]')")
    return [found]


@pytest.mark.parametrize(
    "command",
    [
        ["ruff", "check", "."],
        ["ruff", "format", "--check", "."],
        ["lint-imports"],
        ["mypy"],
    ],
    ids=["ruff", "ruff-format", "import-layers", "mypy"],
)
def test_code_passes_the_house_checks(command: list[str]) -> None:
    result = subprocess.run(
        [*_tool(command[0]), *command[1:]],
        cwd=ROOT,
        capture_output=True,
        text=True,
        check=False,
        timeout=600,
    )
    assert result.returncode == 0, result.stdout[-3000:] + result.stderr[-2000:]


def test_the_package_runs_as_a_module() -> None:
    result = subprocess.run(
        [sys.executable, "-m", "briefing", "--version"], capture_output=True, text=True, check=False
    )
    assert result.returncode == 0
    assert briefing.__version__ in result.stdout
