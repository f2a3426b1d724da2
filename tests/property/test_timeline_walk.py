"""A long life of one timeline: nothing the analyst did is ever lost or duplicated.

A seeded random walk over what happens to a briefing: articles arrive, change and go; the
tagger improves; the analyst edits, rejects, reviews, adds events and comments, and the
extraction cache is wiped. After every update the invariants are checked.
"""

from __future__ import annotations

import io
import random
from dataclasses import dataclass, field
from typing import TYPE_CHECKING

import pytest
from ruamel.yaml import YAML
from ruamel.yaml.comments import CommentedMap, CommentedSeq

from briefing import timeline
from briefing.model import Anchoring, DateMention, Event, SourceRef, Status, TimexType
from briefing.timex import interval

if TYPE_CHECKING:
    from collections.abc import Callable
    from pathlib import Path

ROUNDS = 50
VALUES = ("2011", "2021", "2022", "2024-07", "2024-08-01", "2025-08", "2025-08-31", "XXXX-09-17")


def make_event(article: str, n: int, value: str) -> Event:
    sentence = f"Sentence {n} of {article}, dated {value}."
    at = sentence.index(value)
    span = interval(value)
    return Event(
        id=f"{article}-{n}",
        date=DateMention(
            start=at,
            end=at + len(value),
            text=value,
            type=TimexType.DATE,
            value=value,
            precision=span.precision,
            first_day=span.first,
            last_day=span.last,
            anchoring=Anchoring.EXPLICIT if span.first else Anchoring.NONE,
        ),
        text=sentence,
        sources=(SourceRef(article=article, start=n * 100, end=n * 100 + len(sentence)),),
    )


@dataclass
class World:
    """The articles folder (what extraction sees) and what the analyst did (what must last)."""

    rng: random.Random
    articles: dict[str, dict[int, str]] = field(default_factory=dict)
    """Present article -> sentence number -> date value the tagger gives it."""
    removed: dict[str, dict[int, str]] = field(default_factory=dict)
    """Articles taken out of the folder, which may come back."""
    edits: dict[str, tuple[str, str]] = field(default_factory=dict)
    """Event id -> (date, text) the analyst wrote."""
    rejected: set[str] = field(default_factory=set)
    manual: set[str] = field(default_factory=set)
    """Texts of the analyst's own events."""
    comments: list[str] = field(default_factory=list)
    seen: set[str] = field(default_factory=set)
    """Every id in the file the analyst touched (a status other than ``new``): since issue 14
    an untouched entry may leave the file (its event is gone), a touched one never does."""
    counter: int = 0

    def next(self) -> int:
        self.counter += 1
        return self.counter

    def fresh(self) -> tuple[Event, ...]:
        return tuple(
            make_event(article, n, value)
            for article, sentences in sorted(self.articles.items())
            for n, value in sorted(sentences.items())
        )


def yaml() -> YAML:
    """The analyst's editor: any round-trip YAML tool, not the store's own code."""
    editor = YAML(typ="rt")
    editor.width = 4096
    editor.indent(mapping=2, sequence=4, offset=2)
    return editor


def edit_file(path: Path, change: Callable[[CommentedSeq], None]) -> None:
    document = yaml().load(path.read_text(encoding="utf-8"))
    change(document["events"])
    out = io.StringIO()
    yaml().dump(document, out)
    path.write_text(out.getvalue(), encoding="utf-8")


# ---------------------------------------------------------------------------------------------
# What can happen in one round


def add_article(world: World, path: Path) -> None:
    name = f"art{world.next()}"
    world.articles[name] = {
        n: world.rng.choice(VALUES) for n in range(1, world.rng.randint(1, 4) + 1)
    }


def add_sentence(world: World, path: Path) -> None:
    if world.articles:
        sentences = world.articles[world.rng.choice(sorted(world.articles))]
        sentences[max(sentences, default=0) + 1] = world.rng.choice(VALUES)


def drop_sentence(world: World, path: Path) -> None:
    if world.articles:
        sentences = world.articles[world.rng.choice(sorted(world.articles))]
        if sentences:
            del sentences[world.rng.choice(sorted(sentences))]


def remove_article(world: World, path: Path) -> None:
    if world.articles:
        name = world.rng.choice(sorted(world.articles))
        world.removed[name] = world.articles.pop(name)


def restore_article(world: World, path: Path) -> None:
    if world.removed:
        name = world.rng.choice(sorted(world.removed))
        world.articles[name] = world.removed.pop(name)


def retag(world: World, path: Path) -> None:
    """The tagger improved: one sentence gets another date."""
    if world.articles:
        sentences = world.articles[world.rng.choice(sorted(world.articles))]
        if sentences:
            sentences[world.rng.choice(sorted(sentences))] = world.rng.choice(VALUES)


def _extracted_entries(events: CommentedSeq) -> list[CommentedMap]:
    return [e for e in events if e["status"] in ("new", "reviewed", "edited", "stale")]


def edit_entry(world: World, path: Path) -> None:
    def change(events: CommentedSeq) -> None:
        candidates = _extracted_entries(events)
        if candidates:
            entry = world.rng.choice(candidates)
            k = world.next()
            entry["date"] = f"19{k % 90 + 10}"
            entry["text"] = f"{entry['text']} [edited {k}]"
            world.edits[entry["id"]] = (entry["date"], entry["text"])

    edit_file(path, change)


def reject_entry(world: World, path: Path) -> None:
    def change(events: CommentedSeq) -> None:
        candidates = _extracted_entries(events)
        if candidates:
            entry = world.rng.choice(candidates)
            entry["status"] = "rejected"
            world.rejected.add(entry["id"])

    edit_file(path, change)


def review_entry(world: World, path: Path) -> None:
    def change(events: CommentedSeq) -> None:
        candidates = [e for e in events if e["status"] == "new"]
        if candidates:
            world.rng.choice(candidates)["status"] = "reviewed"

    edit_file(path, change)


def add_manual(world: World, path: Path) -> None:
    def change(events: CommentedSeq) -> None:
        k = world.next()
        entry = CommentedMap()
        if world.rng.random() < 0.5:
            entry["id"] = f"mine-{k}"
        entry["date"] = world.rng.choice(VALUES)
        entry["text"] = f"Manual event {k}."
        article = world.rng.choice(sorted(world.articles) or ["nowhere"])
        entry["sources"] = [{"article": article, "start": 0, "end": 0}]
        entry["status"] = "manual"
        events.append(entry)
        world.manual.add(entry["text"])

    edit_file(path, change)


def add_comment(world: World, path: Path) -> None:
    lines = path.read_text(encoding="utf-8").splitlines(keepends=True)
    starts = [i for i, line in enumerate(lines) if line.startswith("  - ")]
    if starts:
        comment = f"  # analyst comment {world.next()}\n"
        lines.insert(world.rng.choice(starts), comment)
        world.comments.append(comment.strip())
        path.write_text("".join(lines), encoding="utf-8")


def wipe_cache(world: World, path: Path) -> None:
    (path.parent / ".briefing-cache" / "extracted.json").unlink(missing_ok=True)


ACTIONS = (
    add_article,
    add_article,
    add_sentence,
    drop_sentence,
    remove_article,
    restore_article,
    retag,
    edit_entry,
    edit_entry,
    reject_entry,
    review_entry,
    add_manual,
    add_comment,
    wipe_cache,
)


# ---------------------------------------------------------------------------------------------
# The walk


def check(world: World, path: Path, merged: timeline.Merged) -> None:
    """Every invariant of the store after an update."""
    assert merged.diagnostics == () or all(
        d.code in ("stale-event", "missing-article", "manual-without-source")
        for d in merged.diagnostics
    ), [d.format() for d in merged.diagnostics]
    loaded = timeline.load(path)
    entries = {e.id: e for e in loaded.events}
    assert len(entries) == len(loaded.events), "an id appears twice in the file"
    assert world.seen <= set(entries), "an entry the analyst touched was lost"
    world.seen -= {i for i, e in entries.items() if e.status is Status.NEW}
    world.seen |= {i for i, e in entries.items() if e.status is not Status.NEW}
    shown = [e.id for e in merged.events]
    assert len(shown) == len(set(shown))

    fresh = {e.id: e for e in world.fresh()}
    for event_id, (value, text) in world.edits.items():
        assert (entries[event_id].date.value, entries[event_id].text) == (value, text)
        if event_id not in world.rejected:
            expected = Status.EDITED if event_id in fresh else Status.STALE
            assert entries[event_id].status is expected
    for event_id in world.rejected:
        assert entries[event_id].status is Status.REJECTED
        assert event_id not in shown
    manual = [e for e in loaded.events if e.status is Status.MANUAL]
    assert sorted(e.text for e in manual) == sorted(world.manual)
    assert all(e.id for e in manual)
    for event_id, event in fresh.items():
        entry = entries[event_id]
        if event_id in world.rejected:
            continue
        assert event_id in shown
        if event_id not in world.edits:
            assert entry.status in (Status.NEW, Status.REVIEWED)
            assert (entry.date.value, entry.text) == (event.date.value, event.text)
    for event_id, entry in entries.items():
        if event_id not in fresh and entry.status not in (Status.MANUAL, Status.REJECTED):
            assert entry.status is Status.STALE
            assert event_id not in shown
    text = path.read_text(encoding="utf-8")
    for comment in world.comments:
        assert text.count(comment) == 1, comment


def update(world: World, path: Path) -> timeline.Merged:
    articles = frozenset(world.articles)
    merged = timeline.merge(timeline.load(path), world.fresh(), known_articles=articles)
    timeline.save(path, merged)
    return merged


@pytest.mark.parametrize("seed", [1, 3, 4])
def test_random_walk_never_loses_or_duplicates_anything(tmp_path: Path, seed: int) -> None:
    world = World(rng=random.Random(seed))
    path = tmp_path / "inputs" / "timeline.yaml"
    add_article(world, path)
    add_article(world, path)
    for _ in range(ROUNDS):
        if path.exists():
            world.rng.choice(ACTIONS)(world, path)
        merged = update(world, path)
        check(world, path, merged)
        again = update(world, path)
        assert not again.changed, "a rebuild with no new input changed the file"
        assert not again.cache_changed
        assert again.text == path.read_text(encoding="utf-8")
    assert world.edits, "the walk should have edited something"
