"""Key events through the command line: the analyst's `key` and `rejected` decide last, and
both survive every update and rebuild; the timeline file says why each event is shown."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import pytest

from briefing.cli import main
from tests.e2e.test_cycle import documents, edit, entries

pytestmark = pytest.mark.e2e

REPORTS = [
    ("2010-04-21", "On Tuesday the Deepwater Horizon rig exploded in the Gulf, killing 11."),
    ("2010-04-23", "On Thursday the burning rig sank in the Gulf of Mexico."),
    ("2010-05-03", "On Sunday President Obama visited the Louisiana coast."),
    ("2010-05-09", "On Saturday a containment dome failed when hydrates formed."),
    ("2010-05-27", "On Wednesday engineers began the top kill, pumping mud into the well."),
    ("2010-06-17", "On Wednesday BP agreed to a $20bn compensation fund."),
    ("2010-07-16", "On Thursday a new cap stopped the flow of oil for the first time."),
]


def project_with_reports(root: Path) -> Path:
    """Seven articles, each reporting one day's news; later ones refer back to the explosion."""
    project = root / "spill"
    (project / "articles").mkdir(parents=True)
    for published, sentence in REPORTS:
        later = "BP shares have fallen since the rig exploded on 20 April, killing 11 workers."
        body = f"{sentence}\n{later if published > '2010-05' else ''}\n"
        (project / "articles" / f"{published}.md").write_text(
            f"---\npublisher: Wire\npublished: {published}\n---\n{body}", encoding="utf-8"
        )
    return project


def build(project: Path, out: Path, *flags: str) -> dict[str, Any]:
    assert main(["build", "--inputs", str(project), "--out", str(out), *flags]) == 0
    data: dict[str, Any] = json.loads((out / "timeline.json").read_text(encoding="utf-8"))
    return data


def key_texts(data: dict[str, Any]) -> list[str]:
    return [e["text"] for e in data["events"] if e["key"]]


def test_key_and_rejected_decide_last_and_survive_updates(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("SOURCE_DATE_EPOCH", "1280620800")  # 2010-08-01
    project, out = project_with_reports(tmp_path), tmp_path / "out"
    data = build(project, out, "--max-events", "2")
    assert len(key_texts(data)) == 2
    explosion = next(e for e in data["events"] if "exploded in the Gulf" in e["text"])
    assert explosion["key"]  # the day later articles keep coming back to
    assert explosion["salience"]["later"] >= 5
    minor = next(e for e in data["events"] if not e["key"] and "Obama" in e["text"])

    # The file holds the events the briefing shows: the explosion is there; the minor event
    # is promoted by its id alone (taken from timeline.json), as the README says.
    assert explosion["id"] in {entry["id"] for entry in entries(project)}
    assert minor["id"] not in {entry["id"] for entry in entries(project)}

    def decide(events: Any) -> None:
        for entry in events:
            if entry["id"] == explosion["id"]:
                entry["status"] = "rejected"

    edit(project, decide)
    path = project / "timeline.yaml"
    promoted = f"  - id: {minor['id']}\n    status: key\n"
    path.write_text(path.read_text(encoding="utf-8") + promoted, encoding="utf-8")
    for _ in range(2):  # an update, then a rebuild: the decisions hold
        assert main(["update", "--inputs", str(project)]) == 0
        data = build(project, out, "--max-events", "2")
        assert minor["text"] in key_texts(data)
        assert all("exploded" not in text for text in key_texts(data))
        assert all(e["id"] != explosion["id"] for e in data["events"])
        statuses = {e["id"]: e["status"] for e in entries(project)}
        assert statuses[minor["id"]] == "key"
        assert statuses[explosion["id"]] == "rejected"
    assert "Obama" in documents(out)["pdf"]
    assert "killing11" not in documents(out)["pdf"].split("Sources")[0]


def test_the_timeline_file_says_where_each_event_is_shown_and_why(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("SOURCE_DATE_EPOCH", "1280620800")
    project, out = project_with_reports(tmp_path), tmp_path / "out"
    data = build(project, out, "--max-events", "2")
    text = (project / "timeline.yaml").read_text(encoding="utf-8")
    assert text.count("# briefing: key event, salience ") == 2
    assert text.count("  - id: ") == 2  # the file holds what the briefing shows
    assert "reported or referred to by 6 articles from 1 outlet" in text
    # An event the briefing does not show, and a report merged into another, promoted by id:
    # their notes say so.
    other = next(e for e in data["events"] if not e["key"])
    member = next(m for e in data["events"] for m in e.get("members", [])[1:])
    path = project / "timeline.yaml"
    ids = f"  - id: {other['id']}\n    status: reviewed\n  - id: {member}\n    status: reviewed\n"
    path.write_text(text + ids, encoding="utf-8")
    build(project, out, "--max-events", "2")
    text = path.read_text(encoding="utf-8")
    assert "# briefing: not selected, salience " in text
    assert "# briefing: merged into ev-" in text
    before = text
    build(project, out, "--max-events", "2")
    assert (project / "timeline.yaml").read_text(encoding="utf-8") == before  # byte-identical


def test_the_annex_lists_every_other_event_and_is_off_by_default(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("SOURCE_DATE_EPOCH", "1280620800")
    project, out = project_with_reports(tmp_path), tmp_path / "out"
    build(project, out, "--max-events", "2")
    assert "Fullchronology" not in documents(out)["pdf"]
    build(project, out, "--max-events", "2", "--annex")
    text = documents(out)["pdf"]
    assert "Annex:Fullchronology" in text
    assert "thetopkill" in text  # not a key event, but in the annex
