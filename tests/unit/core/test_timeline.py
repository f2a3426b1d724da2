"""The curated timeline keeps the analyst's work through every rebuild."""

from __future__ import annotations

import dataclasses
import json
import os
import subprocess
import sys
from pathlib import Path

import pytest
from ruamel.yaml import YAML

from briefing import timeline
from briefing.errors import InputError
from briefing.model import (
    Anchoring,
    DateMention,
    Event,
    Level,
    Mod,
    Precision,
    SourceRef,
    Status,
    TimexType,
)
from briefing.timex import interval

ARTICLES = frozenset({"lemonde", "kyiv"})


def make_event(
    article: str,
    n: int,
    value: str,
    said: str,
    *,
    mod: Mod | None = None,
    attribution: str = "",
    start: int = 0,
) -> Event:
    """A fresh event as extraction makes it: the date phrase at the head of its sentence."""
    sentence = f"On {value}, {said}"
    span = interval(value, mod)
    return Event(
        id=f"{article}-{n:03d}",
        date=DateMention(
            start=3,
            end=3 + len(value),
            text=value,
            type=TimexType.DATE,
            value=value,
            precision=span.precision,
            mod=mod,
            first_day=span.first,
            last_day=span.last,
            anchoring=Anchoring.EXPLICIT if span.first else Anchoring.NONE,
        ),
        text=sentence,
        sources=(SourceRef(article=article, start=start, end=start + len(sentence)),),
        attribution=attribution,
        claim="said" if attribution else "",
    )


FRESH = (
    make_event("lemonde", 1, "2025-08-31", "Wagner announced its withdrawal from Mali."),
    make_event("lemonde", 2, "2021", "the first Wagner contractors arrived.", start=80),
    make_event(
        "kyiv", 1, "2024-07", "an ambush near Tinzaouaten.", mod=Mod.END, attribution="SZRU"
    ),
    make_event("kyiv", 2, "XXXX-09-17", "a drone strike hit a convoy.", start=60),
)


def build(
    path: Path, fresh: tuple[Event, ...] = FRESH, articles: frozenset[str] = ARTICLES
) -> timeline.Merged:
    """One update: load, merge, save, as the pipeline does."""
    merged = timeline.merge(timeline.load(path), fresh, known_articles=articles)
    timeline.save(path, merged)
    return merged


def by_id(merged: timeline.Merged) -> dict[str, Event]:
    return {event.id: event for event in merged.events}


def statuses(path: Path) -> dict[str, Status]:
    return {event.id: event.status for event in timeline.load(path).events}


@pytest.fixture
def path(tmp_path: Path) -> Path:
    return tmp_path / "inputs" / "timeline.yaml"


# ---------------------------------------------------------------------------------------------
# First build and rebuilds


def test_missing_file_is_an_empty_timeline(path: Path) -> None:
    loaded = timeline.load(path)
    assert loaded.events == ()
    assert loaded.diagnostics == ()
    assert not loaded.exists


def test_first_merge_writes_every_event_as_new_in_chronological_order(path: Path) -> None:
    merged = build(path)
    assert merged.changed
    text = path.read_text(encoding="utf-8")
    assert text == merged.text
    assert text.startswith("# The curated timeline")
    order = [e.id for e in timeline.load(path).events]
    assert order == ["lemonde-002", "kyiv-001", "lemonde-001", "kyiv-002"]  # unplaced last
    assert all(e.status is Status.NEW for e in merged.events)
    assert "  - id: lemonde-001\n    date: '2025-08-31'\n" in text  # one type for every reader
    assert "    mod: END\n" in text
    assert "      - {article: kyiv, start: 0, end: " in text


def test_every_date_reads_back_as_a_string_in_any_yaml_reader(path: Path) -> None:
    build(path)
    data = YAML(typ="safe", pure=True).load(path.read_text(encoding="utf-8"))
    dates = [entry["date"] for entry in data["events"]]
    dates += [entry["end"] for entry in data["events"] if "end" in entry]
    assert dates
    assert all(isinstance(value, str) for value in dates), dates


def test_unedited_events_are_the_extractions_own(path: Path) -> None:
    merged = build(path)
    assert by_id(merged) == {e.id: e for e in FRESH}


def test_rebuild_with_the_same_input_is_byte_identical(path: Path) -> None:
    first = build(path)
    before = path.stat().st_mtime_ns
    cache = path.parent / ".briefing-cache" / "extracted.json"
    cache_before = cache.read_bytes()
    again = build(path)
    assert not again.changed
    assert not again.cache_changed
    assert again.text == first.text
    assert path.stat().st_mtime_ns == before  # not even rewritten
    assert cache.read_bytes() == cache_before


def test_empty_extraction_writes_an_explained_empty_file(path: Path) -> None:
    merged = build(path, fresh=())
    assert merged.events == ()
    assert path.read_text(encoding="utf-8").startswith("# The curated timeline")
    assert not build(path, fresh=()).changed


def test_new_events_are_appended_after_the_analysts_entries(path: Path) -> None:
    build(path, fresh=FRESH[:2])
    merged = build(path)
    assert [e.id for e in merged.events] == ["lemonde-002", "lemonde-001", "kyiv-001", "kyiv-002"]


# ---------------------------------------------------------------------------------------------
# The analyst's edits


def edit(path: Path, old: str, new: str) -> None:
    """Change the file as an analyst would in an editor."""
    text = path.read_text(encoding="utf-8")
    assert old in text
    path.write_text(text.replace(old, new, 1), encoding="utf-8")


def test_edited_date_and_text_are_kept_marked_edited_and_the_comment_survives(path: Path) -> None:
    build(path)
    edit(
        path,
        "    date: '2025-08-31'\n    text: On 2025-08-31, Wagner announced",
        "    date: 2025-06-06  # checked with the AP wire\n"
        "    text: On 6 June 2025, Wagner announced",
    )
    merged = build(path)
    text = path.read_text(encoding="utf-8")
    assert "    date: 2025-06-06  # checked with the AP wire\n" in text
    assert "text: On 6 June 2025, Wagner announced its withdrawal from Mali." in text
    event = by_id(merged)["lemonde-001"]
    assert event.status is Status.EDITED
    assert event.text == "On 6 June 2025, Wagner announced its withdrawal from Mali."
    assert event.date.value == "2025-06-06"
    assert (event.date.start, event.date.end, event.date.text) == (0, 0, "")
    assert event.date.anchoring is Anchoring.EXPLICIT
    assert event.date.precision is Precision.DAY
    assert build(path).text == text  # and stays so


def test_an_edit_survives_a_deleted_sidecar(path: Path) -> None:
    build(path)
    edit(path, "Tinzaouaten.", "Tinzaouaten, in which dozens died.")
    (path.parent / ".briefing-cache" / "extracted.json").unlink()
    merged = build(path)
    assert by_id(merged)["kyiv-001"].status is Status.EDITED
    assert "dozens died" in path.read_text(encoding="utf-8")
    assert by_id(merged)["lemonde-001"].status is Status.NEW  # equal to extraction: untouched


def test_reworded_sentence_keeps_the_extracted_date_span(path: Path) -> None:
    build(path)
    edit(path, "text: On 2021, the first", "text: Already in 2021, the first")
    event = by_id(build(path))["lemonde-002"]
    assert event.status is Status.EDITED
    assert event.text[event.date.start : event.date.end] == "2021"
    assert event.date.start == len("Already in ")


def test_unedited_entry_follows_a_better_extraction_and_keeps_its_status(path: Path) -> None:
    build(path)
    set_status(path, "lemonde-002", "reviewed")
    better = (
        FRESH[0],
        make_event("lemonde", 2, "2021-03", "the first Wagner contractors arrived.", start=80),
        *FRESH[2:],
    )
    merged = build(path, fresh=better)
    assert by_id(merged)["lemonde-002"] == dataclasses.replace(better[1], status=Status.REVIEWED)
    assert "    date: '2021-03'\n" in path.read_text(encoding="utf-8")


def test_an_edit_wins_over_a_changed_extraction(path: Path) -> None:
    build(path)
    edit(path, "attribution: SZRU", "attribution: Ukraine's intelligence service (SZRU)")
    changed = (
        *FRESH[:2],
        make_event("kyiv", 1, "2024-07-27", "an ambush near Tinzaouaten."),
        FRESH[3],
    )
    merged = build(path, fresh=changed)
    event = by_id(merged)["kyiv-001"]
    assert event.status is Status.EDITED
    assert event.attribution == "Ukraine's intelligence service (SZRU)"
    assert event.date.value == "2024-07"
    assert event.date.mod is Mod.END


def test_a_crash_between_the_two_writes_does_not_fake_an_edit(path: Path) -> None:
    build(path)
    cache = path.parent / ".briefing-cache" / "extracted.json"
    old_cache = cache.read_bytes()
    better = (
        make_event("lemonde", 1, "2025-08", "Wagner announced its withdrawal from Mali."),
        *FRESH[1:],
    )
    build(path, fresh=better)
    cache.write_bytes(old_cache)  # as if the process died after writing timeline.yaml
    assert by_id(build(path, fresh=better))["lemonde-001"].status is Status.NEW


# ---------------------------------------------------------------------------------------------
# Rejected, manual, stale


def test_rejected_event_leaves_the_documents_and_never_comes_back(path: Path) -> None:
    build(path)
    set_status(path, "kyiv-001", "rejected  # off topic")
    for _ in range(2):
        merged = build(path)
        assert "kyiv-001" not in by_id(merged)
        text = path.read_text(encoding="utf-8")
        assert text.count("id: kyiv-001") == 1
        assert "status: rejected  # off topic" in text


def test_rejected_entry_stays_rejected_when_its_article_goes(path: Path) -> None:
    build(path)
    set_status(path, "kyiv-001", "rejected")
    build(path, fresh=FRESH[:2], articles=frozenset({"lemonde"}))
    assert statuses(path)["kyiv-001"] is Status.REJECTED


def set_status(path: Path, event_id: str, status: str) -> None:
    """Change one entry's status in the file, as the analyst would."""
    text = path.read_text(encoding="utf-8")
    head, _, tail = text.partition(f"  - id: {event_id}\n")
    entry, sep, rest = tail.partition("\n  - id: ")
    assert "    status: new" in entry
    entry = entry.replace("    status: new", f"    status: {status}", 1)
    path.write_text(f"{head}  - id: {event_id}\n{entry}{sep}{rest}", encoding="utf-8")


MANUAL = """\
  # added by hand after a call with the field office
  - date: 2024-08
    mod: START
    text: FAMa and Wagner withdrew from the Tinzaouaten area.
    sources:
      - {article: kyiv}
    status: manual
"""


def test_manual_event_gets_an_id_and_is_never_touched(path: Path) -> None:
    build(path)
    path.write_text(path.read_text(encoding="utf-8") + MANUAL, encoding="utf-8")
    merged = build(path)
    manual = [e for e in merged.events if e.status is Status.MANUAL]
    assert len(manual) == 1
    assert manual[0].id.startswith("manual-")
    assert manual[0].date.first_day is not None
    assert manual[0].date.mod is Mod.START
    assert manual[0].sources == (SourceRef(article="kyiv", start=0, end=0),)
    text = path.read_text(encoding="utf-8")
    assert "  # added by hand after a call with the field office\n" in text
    assert f"  - id: {manual[0].id}\n    date: 2024-08\n    mod: START\n" in text
    assert build(path).text == text
    assert build(path, fresh=()).events[-1] == manual[0]  # survives even an empty extraction


def test_entry_without_status_is_the_analysts_own(path: Path) -> None:
    path.parent.mkdir(parents=True)
    path.write_text(
        "events:\n  - date: 2023\n    text: Wagner's founder died.\n"
        "    sources: [{article: kyiv, start: 5, end: 40}]\n",
        encoding="utf-8",
    )
    merged = build(path, fresh=())
    (event,) = merged.events
    assert event.status is Status.MANUAL
    assert event.id.startswith("manual-")
    assert merged.diagnostics == ()


def test_comment_only_file_keeps_its_comments(path: Path) -> None:
    path.parent.mkdir(parents=True)
    path.write_text("# Wagner in Mali, curated by the Sahel desk\n", encoding="utf-8")
    assert timeline.load(path).events == ()
    build(path)
    text = path.read_text(encoding="utf-8")
    assert text.startswith("# Wagner in Mali, curated by the Sahel desk\nevents:\n  - id: ")
    assert len(timeline.load(path).events) == len(FRESH)


def test_header_names_no_field_as_an_entry_writes_it(path: Path) -> None:
    """Editing `status: new` by search and replace must hit an entry, not the header."""
    build(path)
    header = path.read_text(encoding="utf-8").split("events:\n")[0]
    assert "status: " not in header
    assert "date: " not in header


def test_manual_event_citing_a_missing_article_is_reported_but_shown(path: Path) -> None:
    build(path)
    path.write_text(
        path.read_text(encoding="utf-8") + MANUAL.replace("article: kyiv", "article: gone"),
        encoding="utf-8",
    )
    merged = build(path)
    assert any(e.status is Status.MANUAL for e in merged.events)
    (problem,) = [d for d in merged.diagnostics if d.code == "missing-article"]
    assert problem.path == path
    assert problem.line is not None
    assert (
        path.read_text(encoding="utf-8")
        .splitlines()[problem.line - 1]
        .startswith("  - id: manual-")
    )


def review(path: Path, entry_id: str) -> None:
    """The analyst sets ``status: reviewed`` on an entry."""
    text = path.read_text(encoding="utf-8")
    start = text.index(f"id: {entry_id}\n")
    at = text.index("status: new", start)
    path.write_text(text[:at] + "status: reviewed" + text[at + 11 :], encoding="utf-8")


# Issue 14 changed what an untouched entry (still ``new``, no notes, no comment of the
# analyst's) becomes when its article or sentence goes: it leaves the file, since nothing of
# the analyst's is in it, where it used to stay as ``stale``. Entries the analyst touched
# still become stale, are kept and reported.


def test_removed_article_makes_touched_events_stale_and_drops_untouched_ones(path: Path) -> None:
    build(path)
    review(path, "kyiv-001")
    merged = build(path, fresh=FRESH[:2], articles=frozenset({"lemonde"}))
    assert set(by_id(merged)) == {"lemonde-001", "lemonde-002"}
    assert statuses(path)["kyiv-001"] is Status.STALE
    assert "kyiv-002" not in statuses(path)
    stale = [d for d in merged.diagnostics if d.code == "missing-article"]
    assert len(stale) == 1
    lines = path.read_text(encoding="utf-8").splitlines()
    assert all(lines[d.line - 1].startswith("  - id: kyiv-001") for d in stale if d.line)
    assert all(d.level is Level.WARNING for d in stale)
    back = build(path)  # the article is restored
    assert by_id(back)["kyiv-001"].status is Status.NEW
    assert by_id(back)["kyiv-002"].status is Status.NEW


def test_vanished_sentence_makes_its_reviewed_event_stale(path: Path) -> None:
    build(path)
    review(path, "lemonde-002")
    merged = build(path, fresh=(FRESH[0], *FRESH[2:]))
    assert statuses(path)["lemonde-002"] is Status.STALE
    (problem,) = merged.diagnostics
    assert problem.code == "stale-event"
    assert "'lemonde'" in problem.message


def test_an_untouched_entry_whose_sentence_vanished_leaves_the_file(path: Path) -> None:
    build(path)
    merged = build(path, fresh=(FRESH[0], *FRESH[2:]))
    assert "lemonde-002" not in statuses(path)
    assert merged.diagnostics == ()
    assert "lemonde-002" not in path.read_text(encoding="utf-8")


def test_edited_event_whose_source_goes_stale_keeps_the_edit(path: Path) -> None:
    build(path)
    edit(path, "withdrawal from Mali.", "withdrawal from Mali (confirmed).")
    build(path, fresh=FRESH[1:])
    assert statuses(path)["lemonde-001"] is Status.STALE
    back = by_id(build(path))["lemonde-001"]
    assert back.status is Status.EDITED
    assert back.text.endswith("(confirmed).")


# ---------------------------------------------------------------------------------------------
# Broken input


def test_malformed_yaml_is_an_input_error_naming_the_line(path: Path) -> None:
    build(path)
    edit(path, "    claim: said\n", "    claim: said\n   bad: [unclosed\n")
    with pytest.raises(InputError) as caught:
        timeline.load(path)
    assert caught.value.path == path
    assert caught.value.line is not None
    assert "not valid YAML" in str(caught.value)
    assert str(caught.value).startswith(f"{path}:{caught.value.line}: ")


def test_events_that_are_not_a_list_are_an_input_error(path: Path) -> None:
    path.parent.mkdir(parents=True)
    path.write_text("# mine\nevents:\n  id: x\n", encoding="utf-8")
    with pytest.raises(InputError, match="must be a list") as caught:
        timeline.load(path)
    assert caught.value.line == 2


@pytest.mark.parametrize(
    ("old", "new", "says"),
    [
        ("    status: new", "    status: revieved", "unknown status 'revieved'"),
        ("    date: '2025-08-31'", "    date: 2025-02-30", "`date: 2025-02-30` is not a date"),
        ("    date: '2025-08-31'", "    date: next week", "is not a date"),
        ("    mod: END", "    mod: LATE", "unknown `mod: LATE`"),
    ],
)
def test_bad_entry_is_a_diagnostic_and_stays_as_written(
    path: Path, old: str, new: str, says: str
) -> None:
    build(path, fresh=FRESH[:1] + FRESH[2:3])
    edit(path, old, new)
    written = path.read_text(encoding="utf-8")
    loaded = timeline.load(path)
    (problem,) = loaded.diagnostics
    assert says in problem.message
    assert problem.level is Level.ERROR
    assert problem.path == path
    assert problem.line is not None
    assert new.strip().split("\n")[-1] in written.splitlines()[problem.line - 1]
    merged = build(path, fresh=FRESH[:1] + FRESH[2:3])
    assert path.read_text(encoding="utf-8") == written  # untouched, id not added again
    assert [d.code for d in merged.diagnostics] == ["timeline-bad-entry"]
    assert len(merged.events) == 1  # the bad entry is out of the briefing


def test_duplicate_id_is_reported_and_not_shown_twice(path: Path) -> None:
    build(path, fresh=FRESH[:1])
    text = path.read_text(encoding="utf-8")
    entry = text[text.index("  - id: lemonde-001") :]
    path.write_text(text + entry.replace("status: new", "status: manual"), encoding="utf-8")
    merged = build(path, fresh=FRESH[:1])
    assert [e.id for e in merged.events] == ["lemonde-001"]
    assert [d.code for d in merged.diagnostics] == ["timeline-duplicate-id"]


def test_unreadable_sidecar_is_ignored_with_a_note(path: Path) -> None:
    build(path)
    (path.parent / ".briefing-cache" / "extracted.json").write_text("{oops", encoding="utf-8")
    merged = build(path)
    assert [d.code for d in merged.diagnostics] == ["timeline-cache-unreadable"]
    assert all(e.status is Status.NEW for e in merged.events)
    data = json.loads((path.parent / ".briefing-cache" / "extracted.json").read_text("utf-8"))
    assert set(data["events"]) == {e.id for e in FRESH}


# ---------------------------------------------------------------------------------------------
# Lock


def test_second_build_in_the_same_project_fails_fast(tmp_path: Path) -> None:
    with timeline.lock(tmp_path) as held:
        assert held.read_text(encoding="utf-8").startswith(f"{os.getpid()}\n")
        with (
            pytest.raises(InputError, match="another build is running") as caught,
            timeline.lock(tmp_path),
        ):
            pass  # pragma: no cover
        assert str(held) in str(caught.value)  # says which file to delete
    assert not held.exists()
    with timeline.lock(tmp_path):  # free again
        pass


def test_a_lock_left_by_a_dead_process_is_taken_over(tmp_path: Path) -> None:
    done = subprocess.run(
        [sys.executable, "-c", "import os; print(os.getpid())"],
        check=True,
        capture_output=True,
        text=True,
    )
    (tmp_path / ".briefing.lock").write_text(f"{done.stdout.strip()}\n2020-01-01T00:00:00Z\n")
    with timeline.lock(tmp_path) as held:
        assert held.read_text(encoding="utf-8").startswith(f"{os.getpid()}\n")
    assert not held.exists()


def test_lock_in_a_missing_folder_is_an_input_error(tmp_path: Path) -> None:
    with pytest.raises(InputError, match="project folder exists"), timeline.lock(tmp_path / "no"):
        pass  # pragma: no cover


def test_public_api_is_exactly_the_documented_one() -> None:
    assert timeline.__all__ == [
        "Merged",
        "Timeline",
        "annotate",
        "curated",
        "load",
        "lock",
        "merge",
        "save",
    ]
