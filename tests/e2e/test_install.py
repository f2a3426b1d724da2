"""Installed from a wheel, outside the repository, briefing still finds its templates (issue 13).

The default templates live in the repository's top-level ``templates/`` folder and a wheel
carries them as ``briefing/templates``; these tests build the wheel as pip does, unpack it
where site-packages would be and run it from another folder.
"""

from __future__ import annotations

import json
import os
import shutil
import subprocess
import sys
import tomllib
import zipfile
from pathlib import Path

import pypdf
import pytest

from briefing.render.compose import find_template
from briefing.render.resources import default_reference, default_templates
from tests.conftest import ROOT, SAMPLE

pytestmark = pytest.mark.e2e

SHIPPED = {"briefing.md.j2", "summary.md.j2", "reference.docx"}


def test_a_checkout_uses_the_top_level_templates_and_a_project_overrides_them(
    tmp_path: Path,
) -> None:
    assert default_templates() == ROOT / "templates"
    assert {path.name for path in default_templates().iterdir()} >= SHIPPED
    assert default_reference() == ROOT / "templates" / "reference.docx"
    assert not (ROOT / "briefing" / "templates").exists()  # one copy, at the top
    (tmp_path / "templates").mkdir()
    own = tmp_path / "templates" / "briefing.md.j2"
    own.write_text("# Ours\n", encoding="utf-8")
    assert find_template("briefing", tmp_path) == own
    assert find_template("summary", tmp_path) == ROOT / "templates" / "summary.md.j2"


def test_pyproject_lists_every_folder_of_the_package() -> None:
    """Mapping ``templates/`` into the package rules out automatic discovery, so a new
    subpackage or data folder must be listed by hand: one left out would be missing from the
    wheel."""
    config = tomllib.loads((ROOT / "pyproject.toml").read_text(encoding="utf-8"))
    listed = set(config["tool"]["setuptools"]["packages"])
    tree = {
        ".".join(path.relative_to(ROOT).parts)
        for path in [ROOT / "briefing", *(ROOT / "briefing").rglob("*")]
        if path.is_dir() and path.name != "__pycache__"
    }
    assert listed == tree | {"briefing.templates"}
    assert config["tool"]["setuptools"]["package-dir"] == {"briefing.templates": "templates"}


@pytest.fixture(scope="module")
def installed(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The wheel built from a copy of the source, unpacked as pip installs it."""
    pytest.importorskip("setuptools", reason="pip install '.[test]' installs setuptools")
    work = tmp_path_factory.mktemp("wheel")
    source = work / "source"
    source.mkdir()
    for name in ("pyproject.toml", "README.md"):
        shutil.copy2(ROOT / name, source / name)
    ignore = shutil.ignore_patterns("__pycache__", "*.pyc")
    for name in ("briefing", "templates"):
        shutil.copytree(ROOT / name, source / name, ignore=ignore)
    build = "from setuptools import build_meta; print(build_meta.build_wheel('dist'))"
    result = subprocess.run(
        [sys.executable, "-c", build], cwd=source, capture_output=True, text=True, check=False
    )
    assert result.returncode == 0, result.stderr[-3000:]
    wheel = source / "dist" / result.stdout.strip().splitlines()[-1]
    site = work / "site-packages"
    with zipfile.ZipFile(wheel) as archive:
        names = set(archive.namelist())
        archive.extractall(site)
    assert {f"briefing/templates/{name}" for name in SHIPPED} <= names
    assert not any(name.startswith("templates/") for name in names)  # no top-level package
    return site


def _run(site: Path, cwd: Path, code: str, *args: str) -> str:
    """Run ``code`` with the unpacked wheel first on the path, from a folder outside the
    repository (the test environment supplies the dependencies)."""
    env = {**os.environ, "PYTHONPATH": str(site)}
    result = subprocess.run(
        [sys.executable, "-c", code, *args],
        cwd=cwd,
        env=env,
        capture_output=True,
        text=True,
        check=False,
    )
    assert result.returncode == 0, result.stderr[-3000:]
    return result.stdout


@pytest.mark.slow
def test_an_installed_wheel_builds_with_its_templates_and_a_project_overrides_one(
    installed: Path, tmp_path: Path
) -> None:
    project = tmp_path / "project"
    shutil.copytree(SAMPLE / "articles", project / "articles")
    (project / "templates").mkdir()
    (project / "templates" / "briefing.md.j2").write_text(
        "# Our own template\n\n{% for e in events %}- {{ e.text }}\n{% endfor %}\n",
        encoding="utf-8",
    )
    found = json.loads(
        _run(
            installed,
            tmp_path,
            "import json, briefing\n"
            "from pathlib import Path\n"
            "from briefing.render.compose import find_template\n"
            "from briefing.render.resources import default_reference\n"
            "print(json.dumps({'package': briefing.__file__,\n"
            "  'summary': str(find_template('summary', Path('project'))),\n"
            "  'briefing': str(find_template('briefing', Path('project'))),\n"
            "  'reference': str(default_reference())}))\n",
        )
    )
    assert Path(found["package"]).is_relative_to(installed)  # not the checkout's copy
    assert Path(found["summary"]) == installed / "briefing" / "templates" / "summary.md.j2"
    assert Path(found["briefing"]) == Path("project/templates/briefing.md.j2")
    assert Path(found["reference"]) == installed / "briefing" / "templates" / "reference.docx"

    main = "import sys; from briefing.cli import main; sys.exit(main(sys.argv[1:]))"
    for template, out in (("briefing", "own"), ("summary", "packaged")):
        _run(installed, tmp_path, main, "build", "--inputs", "project", "--out", out,
             "--format", "pdf", "--title", "Installed", "--template", template, "-q")  # fmt: skip
    own = pypdf.PdfReader(tmp_path / "own" / "briefing.pdf").pages[0].extract_text()
    packaged = pypdf.PdfReader(tmp_path / "packaged" / "briefing.pdf").pages[0].extract_text()
    assert "Our own template" in own
    assert "Our own template" not in packaged
    assert "Installed" in packaged
