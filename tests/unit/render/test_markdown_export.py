"""``briefing.md``: YAML metadata pandoc reads, the marking shown, plain Markdown only."""

from __future__ import annotations

import json
import re
import shutil
import subprocess
from pathlib import Path

import pytest

from briefing.cli import main
from tests.conftest import SAMPLE


def _build(tmp_path: Path, *flags: str) -> str:
    shutil.copytree(SAMPLE, tmp_path / "project")
    args = ["build", "--inputs", str(tmp_path / "project"), "--out", str(tmp_path / "out")]
    assert main([*args, "--format", "md", "-q", *flags]) == 0
    return (tmp_path / "out" / "briefing.md").read_text(encoding="utf-8")


def test_the_markdown_opens_with_metadata_and_shows_the_marking(tmp_path: Path) -> None:
    text = _build(tmp_path, "--marking", "TLP:AMBER+STRICT")
    head, body = text.split("\n...\n", 1)
    assert head.startswith('---\ntitle: "Wagner in Mali"\n')
    assert "subtitle: \"Russia's mercenaries and the Sahel insurgency" in head
    assert 'author: "Open-source analysis desk"' in head
    assert re.search(r'^date: "\d{1,2} \w+ \d{4}"$', head, re.M)
    assert 'marking: "TLP:AMBER+STRICT"' in head
    assert body.lstrip().startswith("**TLP:AMBER+STRICT**\n")
    assert body.rstrip().endswith("**TLP:AMBER+STRICT**")


def test_no_html_and_no_needless_escapes_are_left(tmp_path: Path) -> None:
    text = _build(tmp_path, "--citations", "footnotes")
    assert "<" not in text.replace("](<https://", "")  # links keep their <url> form only
    assert "3,000" in text
    assert "3\\,000" not in text
    assert "https\\:" not in text
    assert "[^source-1]" in text
    assert re.search(r"^\[\^source-1\]: ", text, re.M)  # every footnote is defined
    assert "[]{#source-1}" in text


@pytest.mark.skipif(shutil.which("pandoc") is None, reason="pandoc is not installed")
@pytest.mark.parametrize("citations", ["marks", "footnotes"])
def test_pandoc_reads_title_block_and_citations(tmp_path: Path, citations: str) -> None:
    _build(tmp_path, "--marking", "TLP:AMBER", "--citations", citations)
    done = subprocess.run(
        ["pandoc", "-f", "markdown", "-t", "json", "briefing.md"],
        cwd=tmp_path / "out",
        capture_output=True,
        text=True,
        check=True,
        timeout=120,
    )
    assert done.stderr == ""  # no warning (duplicate ids, undefined notes)
    document = json.loads(done.stdout)
    meta = document["meta"]
    assert _text(meta["title"]) == "Wagner in Mali"
    assert _text(meta["author"]) == "Open-source analysis desk"
    assert _text(meta["marking"]) == "TLP:AMBER"
    kinds = {block["t"] for block in document["blocks"]}
    assert "RawBlock" not in kinds
    assert "Table" in kinds


def _text(value: dict[str, object]) -> str:
    """The plain text of a pandoc MetaInlines value."""
    inlines = value["c"]
    assert isinstance(inlines, list)
    return "".join(i["c"] if i["t"] == "Str" else " " for i in inlines)
