"""The whole life of a briefing through the command line: build, curate, add, update, build.

The analyst's work in ``timeline.yaml`` (edits, rejections, manual events, comments) must
survive every update and build; new articles arrive as ``new`` events; a rejected event never
reaches a document. Then a seeded random walk of 50 rounds checks that nothing is ever lost or
duplicated.
"""

from __future__ import annotations

import io
import json
import random
import re
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING, Any

import docx
import pytest
from pypdf import PdfReader
from ruamel.yaml import YAML
from ruamel.yaml.comments import CommentedMap

from briefing.cli import main

if TYPE_CHECKING:
    from collections.abc import Callable

pytestmark = pytest.mark.e2e

HTML = Path(__file__).resolve().parents[1] / "fixtures" / "html"
ROUNDS = 50
MONTHS = ("January", "February", "March", "April", "May", "June", "July", "August")


def editor() -> YAML:
    """The analyst's editor: a round-trip YAML tool, not the store's own code."""
    yaml = YAML(typ="rt")
    yaml.width = 4096
    yaml.indent(mapping=2, sequence=4, offset=2)
    return yaml


def entries(project: Path) -> list[Any]:
    text = (project / "timeline.yaml").read_text(encoding="utf-8")
    return list(editor().load(text)["events"])


def edit(project: Path, change: Callable[[Any], None]) -> None:
    path = project / "timeline.yaml"
    document = editor().load(path.read_text(encoding="utf-8"))
    change(document["events"])
    out = io.StringIO()
    editor().dump(document, out)
    path.write_text(out.getvalue(), encoding="utf-8")


def comment(project: Path, text: str) -> None:
    """Put a comment line above the first entry, as an analyst would in a text editor."""
    path = project / "timeline.yaml"
    content = path.read_text(encoding="utf-8")
    path.write_text(content.replace("events:\n", f"events:\n  # {text}\n", 1), encoding="utf-8")


def run(*argv: str) -> None:
    assert main(list(argv)) == 0, argv


def squeeze(text: str) -> str:
    """Text without whitespace: PDF extraction breaks lines where the layout did."""
    return re.sub(r"\s+", "", text)


def documents(out: Path) -> dict[str, str]:
    """Every output's text: PDF pages, Word paragraphs and tables, JSON events."""
    pdf = "".join(page.extract_text() or "" for page in PdfReader(out / "briefing.pdf").pages)
    word = docx.Document(str(out / "briefing.docx"))
    cells = [cell.text for table in word.tables for row in table.rows for cell in row.cells]
    data = json.loads((out / "timeline.json").read_text(encoding="utf-8"))
    events = [event["text"] for event in data["events"] + data["unplaced"]]
    return {
        "pdf": squeeze(pdf),
        "docx": squeeze(" ".join([p.text for p in word.paragraphs] + cells)),
        "json": squeeze(" ".join(events)),
    }


def test_the_analysts_work_survives_new_articles_and_rebuilds(
    sample_project: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    project, out = sample_project, tmp_path / "out"
    monkeypatch.setenv("SOURCE_DATE_EPOCH", "1756684800")  # 2025-09-01
    run("build", "--inputs", str(project), "--out", str(out))

    before = entries(project)
    edited = next(e for e in before if str(e["date"]) == "2021")
    rejected = next(e for e in before if str(e["date"]) == "2011")
    edited_id, rejected_id = edited["id"], rejected["id"]
    rejected_text = str(rejected["text"])

    def curate(events: Any) -> None:
        for entry in events:
            if entry["id"] == edited_id:
                entry["date"] = "2020-08-18"
                entry["text"] = "Officers led by Assimi Goita overthrew the president."
            if entry["id"] == rejected_id:
                entry["status"] = "rejected"
        manual = CommentedMap()
        manual["date"] = "2024-07-27"
        manual["text"] = "Analyst: the Tinzaouaten ambush ended the column's advance."
        manual["sources"] = [
            {"article": "2025-08-31-osint-ukraine-archive-wagner-failures-in-mali"}
        ]
        manual["status"] = "manual"
        events.append(manual)

    edit(project, curate)
    comment(project, "Analyst: ask the Dakar desk about the 2020 date.")

    # three new articles: a text file, a saved web page, pasted text
    note = tmp_path / "field-note.txt"
    note.write_text(
        "The convoy reached Anefis on 7 October 2024 after two days on the road.\n",
        encoding="utf-8",
    )
    run(
        "add",
        str(note),
        "--inputs",
        str(project),
        "--publisher",
        "Field desk",
        "--published",
        "2024-10-08",
        "--title",
        "Convoy at Anefis",
    )
    run("add", str(HTML / "wordpress-blog.html"), "--inputs", str(project))
    monkeypatch.setattr(
        "sys.stdin", io.StringIO("Drone strikes hit Kidal on 15 October 2024, residents said.\n")
    )
    run(
        "add",
        "-",
        "--inputs",
        str(project),
        "--publisher",
        "Radio Nord",
        "--published",
        "2024-10-16",
        "--reliability",
        "C3",
    )
    new_articles = {path.stem for path in (project / "articles").iterdir()} - {
        "2025-08-31-osint-ukraine-archive-wagner-failures-in-mali",
        "daily-mail-putin-wagner-mali-attacks",
    }
    assert len(new_articles) == 3

    run("update", "--inputs", str(project))
    run("build", "--inputs", str(project), "--out", str(out))

    text = (project / "timeline.yaml").read_text(encoding="utf-8")
    after = entries(project)
    by_id = {entry["id"]: entry for entry in after}
    assert len(by_id) == len(after)  # no duplicated id
    assert "# Analyst: ask the Dakar desk about the 2020 date." in text
    assert (str(by_id[edited_id]["date"]), by_id[edited_id]["text"]) == (
        "2020-08-18",
        "Officers led by Assimi Goita overthrew the president.",
    )
    assert by_id[rejected_id]["status"] == "rejected"
    manual = [e for e in after if e["status"] == "manual"]
    assert [e["text"] for e in manual] == [
        "Analyst: the Tinzaouaten ambush ended the column's advance."
    ]
    for article in new_articles:
        events = [e for e in after if e["sources"][0]["article"] == article]
        assert events, article
        assert {e["status"] for e in events} == {"new"}, article

    for name, content in documents(out).items():
        assert squeeze(rejected_text) not in content, name
        assert squeeze("Officers led by Assimi Goita overthrew the president.") in content, name
        assert squeeze("the Tinzaouaten ambush ended the column") in content, name
        assert squeeze("Drone strikes hit Kidal on 15 October 2024") in content, name

    # a rebuild with nothing new leaves the curated file byte for byte as it was
    run("build", "--inputs", str(project), "--out", str(out), "--format", "json")
    assert (project / "timeline.yaml").read_text(encoding="utf-8") == text


# ---------------------------------------------------------------------------------------------
# The random walk


@dataclass
class Analyst:
    """What the analyst did, which must last."""

    rng: random.Random
    project: Path
    edits: dict[str, tuple[str, str]] = field(default_factory=dict)
    rejected: set[str] = field(default_factory=set)
    manual: list[str] = field(default_factory=list)
    comments: list[str] = field(default_factory=list)
    articles: int = 2
    pasted: list[str] = field(default_factory=list)
    replaced: list[str] = field(default_factory=list)
    """Extracted wordings the analyst replaced by an edit."""
    counter: int = 0

    def next(self) -> int:
        self.counter += 1
        return self.counter

    # what can happen in one round --------------------------------------------------------

    def edit_entry(self) -> None:
        def change(events: Any) -> None:
            candidates = [e for e in events if e["status"] in ("new", "reviewed", "edited")]
            if candidates:
                entry = self.rng.choice(candidates)
                k = self.next()
                if str(entry["id"]) not in self.edits:
                    self.replaced.append(str(entry["text"]))
                entry["date"] = f"2023-{self.rng.randint(1, 12):02d}"
                entry["text"] = f"Edited event {k}."
                self.edits[str(entry["id"])] = (str(entry["date"]), f"Edited event {k}.")

        edit(self.project, change)

    def reject_entry(self) -> None:
        def change(events: Any) -> None:
            candidates = [e for e in events if e["status"] in ("new", "reviewed")]
            if candidates:
                entry = self.rng.choice(candidates)
                entry["status"] = "rejected"
                self.rejected.add(str(entry["id"]))

        edit(self.project, change)

    def add_manual(self) -> None:
        def change(events: Any) -> None:
            entry = CommentedMap()
            entry["date"] = f"2022-{self.rng.randint(1, 12):02d}-{self.rng.randint(1, 28):02d}"
            entry["text"] = f"Manual event {self.next()}."
            entry["sources"] = [{"article": "daily-mail-putin-wagner-mali-attacks"}]
            entry["status"] = "manual"
            events.append(entry)
            self.manual.append(str(entry["text"]))

        edit(self.project, change)

    def add_comment(self) -> None:
        text = f"analyst comment {self.next()}"
        comment(self.project, text)
        self.comments.append(text)

    def add_article(self, monkeypatch: pytest.MonkeyPatch) -> None:
        if self.pasted and self.rng.random() < 0.2:
            body = self.rng.choice(self.pasted)  # the same text again: must not be added
        else:
            k = self.next()
            day, month = self.rng.randint(1, 28), self.rng.choice(MONTHS)
            body = (
                f"Report {k}: the convoy {k} reached Gao on {day} {month} 2024, officials said.\n"
            )
            self.pasted.append(body)
            self.articles += 1
        monkeypatch.setattr("sys.stdin", io.StringIO(body))
        run(
            "add",
            "-",
            "--inputs",
            str(self.project),
            "--publisher",
            "Wire",
            "--published",
            "2024-09-30",
        )

    # what must hold after every round ----------------------------------------------------

    def check(self, round_number: int) -> None:
        text = (self.project / "timeline.yaml").read_text(encoding="utf-8")
        events = entries(self.project)
        ids = [str(e["id"]) for e in events]
        assert len(ids) == len(set(ids)), f"round {round_number}: duplicated id"
        by_id = {str(e["id"]): e for e in events}
        for event_id, (date, wording) in self.edits.items():
            entry = by_id[event_id]
            if event_id in self.rejected:
                continue
            assert (str(entry["date"]), entry["text"]) == (date, wording), round_number
        for event_id in self.rejected:
            assert by_id[event_id]["status"] == "rejected", round_number
        texts = [e["text"] for e in events]
        for wording in self.manual:
            assert texts.count(wording) == 1, (round_number, wording)
        for remark in self.comments:
            assert text.count(f"# {remark}\n") == 1, (round_number, remark)
        sources = [
            (s["article"], s.get("start"), s.get("end"))
            for e in events
            if e["status"] != "manual"
            for s in e["sources"]
        ]
        assert len(sources) == len(set(sources)), f"round {round_number}: duplicated event"
        files = list((self.project / "articles").iterdir())
        assert len(files) == self.articles, round_number
        for body in self.pasted:
            report = body.split(":")[0]
            found = sum(report + ":" in str(e["text"]) for e in events)
            replaced = sum(report + ":" in wording for wording in self.replaced)
            assert found + replaced == 1, (round_number, report)


@pytest.mark.slow
@pytest.mark.parametrize("seed", [6])
def test_random_walk_through_the_command_line_never_loses_or_duplicates_anything(
    sample_project: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch, seed: int
) -> None:
    monkeypatch.setenv("SOURCE_DATE_EPOCH", "1756684800")
    analyst = Analyst(rng=random.Random(seed), project=sample_project)
    out = tmp_path / "out"
    run("build", "--inputs", str(sample_project), "--out", str(out), "--format", "json")
    for round_number in range(ROUNDS):
        action = analyst.rng.choice(["edit", "reject", "manual", "comment", "article", "article"])
        match action:
            case "edit":
                analyst.edit_entry()
            case "reject":
                analyst.reject_entry()
            case "manual":
                analyst.add_manual()
            case "comment":
                analyst.add_comment()
            case _:
                analyst.add_article(monkeypatch)
        if round_number % 2:
            run("update", "--inputs", str(sample_project))
        else:
            run("build", "--inputs", str(sample_project), "--out", str(out), "--format", "json")
            data = json.loads((out / "timeline.json").read_text(encoding="utf-8"))
            shown = {event["id"] for event in data["events"] + data["unplaced"]}
            assert not shown & analyst.rejected, round_number
        analyst.check(round_number)
    run("build", "--inputs", str(sample_project), "--out", str(out))
    for name, content in documents(out).items():
        for wording in analyst.manual:
            assert squeeze(wording) in content, name
