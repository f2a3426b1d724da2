"""``sources.json`` is CSL-JSON that reference managers and pandoc's citeproc read."""

from __future__ import annotations

import datetime as dt
import json
import shutil
import subprocess
from pathlib import Path

import pytest

from briefing.chronology import order
from briefing.model import Article, Chronology
from briefing.render.csl import write
from tests.factories import article, event

CSL_TYPES = {"article", "article-newspaper", "article-magazine", "webpage", "report"}


def _chronology() -> Chronology:
    wire = Article(
        id="2024-07-30-reuters-ambush",
        path=Path("articles/2024-07-30-reuters-ambush.md"),
        text="Rebels said they killed dozens of Wagner fighters near Tinzaouaten.",
        title="Ambush near Tinzaouaten",
        publisher="Reuters",
        url="https://example.org/ambush",
        author="A. Diallo and B. Smith",
        published=dt.date(2024, 7, 30),
        accessed=dt.date(2024, 8, 1),
        reliability="B2",
    )
    untitled = article("blog", text="Convoys were seen leaving Gao at dawn on Sunday, locals said.")
    return order(
        [
            event("2024-07-27", "Ambush.", article=wire.id),
            event("2024-07-28", "Convoy.", article="blog"),
        ],
        [wire, untitled],
    )


def test_each_source_is_a_csl_item_numbered_as_in_the_documents() -> None:
    items = json.loads(write(_chronology()))
    assert [item["citation-label"] for item in items] == ["1", "2"]
    wire, blog = items
    assert wire == {
        "id": "2024-07-30-reuters-ambush",
        "type": "article-newspaper",
        "citation-label": "1",
        "title": "Ambush near Tinzaouaten",
        "container-title": "Reuters",
        "author": [{"literal": "A. Diallo"}, {"literal": "B. Smith"}],
        "issued": {"date-parts": [[2024, 7, 30]]},
        "accessed": {"date-parts": [[2024, 8, 1]]},
        "URL": "https://example.org/ambush",
        "language": "en",
        "note": "Source grade (Admiralty): B2",
    }
    assert blog["type"] in CSL_TYPES
    assert blog["title"] == "Convoys were seen leaving Gao at dawn on…"  # its first words


@pytest.mark.skipif(shutil.which("pandoc") is None, reason="pandoc is not installed")
def test_pandoc_citeproc_reads_the_sources(tmp_path: Path) -> None:
    (tmp_path / "sources.json").write_bytes(write(_chronology()))
    (tmp_path / "doc.md").write_text("See [@2024-07-30-reuters-ambush].\n", encoding="utf-8")
    done = subprocess.run(
        ["pandoc", "--citeproc", "--bibliography", "sources.json", "-t", "plain", "doc.md"],
        cwd=tmp_path,
        capture_output=True,
        text=True,
        check=True,
        timeout=120,
    )
    assert "Diallo" in done.stdout
    assert "ambush near tinzaouaten" in done.stdout.lower()  # the style title-cases it
    assert "2024" in done.stdout
    assert "[WARNING]" not in done.stderr
