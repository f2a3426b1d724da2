"""The sample project's chronology reads like a hand-made one: key facts listed, entries merged."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from briefing.cli import main

pytestmark = pytest.mark.e2e


@pytest.fixture
def built(sample_project: Path, tmp_path: Path) -> Path:
    out = tmp_path / "out"
    code = main(
        ["build", "--inputs", str(sample_project), "--out", str(out), "--format", "md,json"]
    )
    assert code == 0
    return out


def test_the_briefing_lists_the_key_fact_about_1500_mercenaries(built: Path) -> None:
    text = (built / "briefing.md").read_text(encoding="utf-8")
    facts = text.split("# Key facts", 1)[1].split("\n# ", 1)[0]
    assert "Wagner has around 1,500 mercenaries in Mali" in facts
    assert "[\\[" in facts  # cited


def test_the_key_fact_is_not_in_the_chronology(built: Path) -> None:
    data = json.loads((built / "timeline.json").read_text(encoding="utf-8"))
    texts = [event["text"] for event in (*data["events"], *data["unplaced"])]
    assert not any("1,500 mercenaries" in text for text in texts)


def test_every_sample_entry_is_one_event(built: Path) -> None:
    data = json.loads((built / "timeline.json").read_text(encoding="utf-8"))
    texts = [event["text"] for event in data["events"]]
    assert len(texts) == len(set(texts))
