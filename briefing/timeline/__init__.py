"""The curated timeline, ``inputs/timeline.yaml``: load it, merge fresh extraction in, save it.

The analyst's work in that file is never lost: edits, rejections and manual events survive every
rebuild, and a rebuild with no new input leaves the file byte-identical. What extraction last
produced is remembered in a sidecar (``.briefing-cache/extracted.json`` beside the file), which
is how an edit is recognised without the analyst marking anything; it is safe to delete.
No document libraries here, and nothing that renders, runs the pipeline or prints.
"""

from __future__ import annotations

import bisect
import dataclasses
import datetime as dt
import hashlib
import re
from collections import Counter
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING

from ruamel.yaml.comments import CommentedMap

from briefing.errors import InputError
from briefing.files import write_atomic
from briefing.model import (
    Diagnostic,
    Event,
    Level,
    Status,
)
from briefing.timeline import text as text_edits
from briefing.timeline.cache import CACHE_UNREADABLE, cache_path, cache_text_of, read_cache
from briefing.timeline.entries import (
    EXTRACTED,
    Entry,
    Reading,
    fingerprint_event,
    read_entries,
)
from briefing.timeline.events import event_as_written, shown
from briefing.timeline.file import (
    HEADER,
    dump,
    entries_of,
    mark_new_lines,
    new_entry,
    parse,
    refresh_entry,
    set_id,
    set_status,
)
from briefing.timeline.lock import lock

if TYPE_CHECKING:
    from collections.abc import Mapping

__all__ = ["Merged", "Timeline", "annotate", "curated", "load", "lock", "merge", "save"]


@dataclass(frozen=True, slots=True, kw_only=True)
class Timeline:
    """A timeline file as read: its text, its round-trip document and its events."""

    path: Path
    """The timeline file (it may not exist yet)."""
    exists: bool
    """Whether the file exists; a missing file is an empty timeline."""
    text: str
    """The file's text exactly as read; "" when missing. ``merge`` works on a copy parsed
    from it, so this object is never changed."""
    document: CommentedMap
    """The round-trip YAML document (comments and key order included). Read it, don't change
    it: ``merge`` parses its own copy."""
    events: tuple[Event, ...]
    """Every readable entry in file order, whatever its status, dated as written."""
    diagnostics: tuple[Diagnostic, ...]
    """Entries that could not be read (with file and line); they are left as written."""
    reading: Reading
    """The entries with their positions and lines, as ``merge`` needs them."""
    extracted: dict[str, str]
    """Event id -> fingerprint of what extraction last produced for it (from the sidecar)."""
    cache_text: str
    """The sidecar's text as read; "" when missing."""


@dataclass(frozen=True, slots=True, kw_only=True)
class Merged:
    """The result of merging fresh extraction into a timeline: what to show and what to write."""

    events: tuple[Event, ...]
    """What the documents may show: new, reviewed, edited, manual and key events, in file
    order."""
    rejected: tuple[Event, ...]
    """The events the analyst rejected, in file order: the chronology keeps their events out."""
    diagnostics: tuple[Diagnostic, ...]
    """Unreadable entries, stale events, events citing missing articles; file and line of the
    entry in the new text."""
    text: str
    """The new text of the timeline file."""
    changed: bool
    """Whether ``text`` differs from the file on disk (or the file does not exist yet)."""
    cache_text: str
    """The new text of the sidecar recording what extraction produced."""
    cache_changed: bool
    """Whether the sidecar must be written."""
    statuses: dict[str, int]
    """How many readable entries of each status the new text holds (for ``briefing status``)."""
    ids: frozenset[str]
    """Every id the new text holds."""
    lines: dict[str, int] = field(default_factory=dict)
    """Entry id -> 1-based line where the entry starts in ``text`` (for ``annotate``)."""
    stored: str | None = None
    """The file's text as it was on disk, None when it did not exist."""


# ---------------------------------------------------------------------------------------------
# load


def load(path: Path) -> Timeline:
    """Read a timeline file; a missing file is an empty timeline.

    Raises ``InputError`` (file, line, fix) when the file cannot be read or is not YAML. A bad
    entry (unknown status, impossible date) is a diagnostic instead and is left untouched.
    """
    exists = path.is_file()
    text = _read_text(path) if exists else ""
    document = parse(text or HEADER, path)
    reading = read_entries(document, path)
    events = tuple(event_as_written(entry) for entry in reading.entries)
    cache_text, extracted, cache_problem = read_cache(path)
    return Timeline(
        path=path,
        exists=exists,
        text=text,
        document=document,
        events=events,
        diagnostics=reading.diagnostics + cache_problem,
        reading=reading,
        extracted=extracted,
        cache_text=cache_text,
    )


def _read_text(path: Path) -> str:
    try:
        return path.read_text(encoding="utf-8")
    except UnicodeDecodeError as error:
        raise InputError(
            "timeline file is not UTF-8 text; save it as UTF-8 in your editor", path=path
        ) from error
    except OSError as error:
        raise InputError(
            f"cannot read the timeline file ({error.strerror or error}); check its permissions",
            path=path,
        ) from error


# ---------------------------------------------------------------------------------------------
# merge


def curated(
    timeline: Timeline, fresh: tuple[Event, ...], *, known_articles: frozenset[str]
) -> tuple[tuple[Event, ...], tuple[Event, ...]]:
    """The events ``merge`` gives (those to show, and the rejected ones), without writing
    anything: what the chronology needs before it can say which events the file keeps."""
    by_id, _ = _index_fresh(fresh)
    taken = set(timeline.reading.ids)
    changes, _ = _plan(timeline.reading.entries, by_id, timeline.extracted, known_articles, taken)
    planned = {change.entry.index: change for change in changes}
    entries = []
    for entry in timeline.reading.entries:
        change = planned.get(entry.index)
        if change is not None:
            entry = _changed(entry, change)
        entries.append(entry)
    events, rejected, _ = shown(tuple(entries), by_id, known_articles, timeline.path)
    unfiled = sorted(
        (e for e in by_id.values() if e.id not in timeline.reading.ids), key=_chronological
    )
    return events + tuple(dataclasses.replace(e, status=Status.NEW) for e in unfiled), rejected


def _changed(entry: Entry, change: _Change) -> Entry:
    """An entry as a planned change leaves it."""
    entry = dataclasses.replace(entry, id=change.new_id or entry.id, status=change.status)
    event = change.refresh
    if event is None:
        return entry
    date = event.date
    return dataclasses.replace(
        entry,
        value=date.value,
        mod=date.mod,
        end=date.end_value,
        text=event.text,
        attribution=event.attribution,
        claim=event.claim,
        sources=event.sources,
    )


def merge(
    timeline: Timeline,
    fresh: tuple[Event, ...],
    *,
    known_articles: frozenset[str],
    keep: frozenset[str] | None = None,
) -> Merged:
    """Merge a complete fresh extraction (every current article's events) into the timeline.

    The curated timeline is every extracted event, as the file says where it holds an entry:

    - an entry the analyst changed (date, mod, end, text, attribution, claim or sources differ
      from what was last extracted) becomes ``edited`` and is never overwritten;
    - an entry the analyst did not change follows the extraction and keeps its status;
    - ``manual`` and ``rejected`` entries are never touched, and a rejected event never
      comes back;
    - an entry the analyst touched (any status but ``new``, notes, a comment of theirs) whose
      id is no longer extracted, or whose article is gone, becomes ``stale``: kept in the
      file, left out of ``events``, reported in ``diagnostics``;
    - an event without an entry is ``new``.

    What the file holds: every entry the analyst touched, and an entry for each id of ``keep``
    (the events the briefing shows), appended with ``status: new`` when missing; an untouched
    entry whose id is not in ``keep`` (or whose event is gone) leaves the file. Without
    ``keep``, every extracted event gets an entry. The file is changed as text (entries
    appended, dropped or replaced, statuses set): what the analyst wrote stays byte for byte.
    """
    path = timeline.path
    by_id, duplicates = _index_fresh(fresh)
    held = frozenset(by_id) if keep is None else keep
    taken = set(timeline.reading.ids)
    changes, extracted = _plan(
        timeline.reading.entries, by_id, timeline.extracted, known_articles, taken
    )
    text, reading = _written(timeline, changes, by_id, held, taken, extracted)
    events, rejected, problems = shown(reading.entries, by_id, known_articles, path)
    unfiled = sorted((e for e in by_id.values() if e.id not in reading.ids), key=_chronological)
    events += tuple(dataclasses.replace(event, status=Status.NEW) for event in unfiled)
    cache_text = cache_text_of(extracted, reading.ids)
    cache_notes = tuple(d for d in timeline.diagnostics if d.code == CACHE_UNREADABLE)
    statuses = Counter(entry.status.value for entry in reading.entries)
    if unfiled:
        statuses[Status.NEW.value] += len(unfiled)
    return Merged(
        events=events,
        rejected=rejected,
        diagnostics=reading.diagnostics + problems + duplicates + cache_notes,
        text=text,
        changed=text != timeline.text or not timeline.exists,
        cache_text=cache_text,
        cache_changed=cache_text != timeline.cache_text,
        statuses=dict(statuses),
        ids=reading.ids | frozenset(by_id),
        lines={entry.id: entry.line for entry in reading.entries if entry.id},
        stored=timeline.text if timeline.exists else None,
    )


@dataclass(frozen=True, slots=True, kw_only=True)
class _Edits:
    """What the text edits do to the file's items (by their number in the list)."""

    drop: set[int] = field(default_factory=set)
    replace: dict[int, Event] = field(default_factory=dict)
    statuses: dict[int, Status] = field(default_factory=dict)
    hard: list[_Change] = field(default_factory=list)
    """Changes only a round-trip can make (see ``_written``)."""


def _edits(
    reading: Reading,
    lines: list[str],
    items: list[text_edits.Block],
    changes: list[_Change],
    held: frozenset[str],
    extracted: Mapping[str, str],
) -> _Edits:
    """The curation rules' changes as edits of the text, and which entries leave the file."""
    edits = _Edits()
    planned = {change.entry.index: change for change in changes}
    for entry in reading.entries:
        change = planned.get(entry.index)
        free = (
            entry.status is Status.NEW
            and not entry.notes
            and not text_edits.own_comment(lines, items[entry.index])
        )
        if change is None:
            if free and entry.id not in held:
                edits.drop.add(entry.index)
        elif change.new_id or (change.refresh is not None and not free):
            edits.hard.append(change)
        elif change.status is Status.STALE and free and _as_extracted(entry, extracted):
            edits.drop.add(entry.index)  # never touched, and its event is gone
        elif change.refresh is not None and free and change.status is Status.NEW:
            if entry.id in held:
                edits.replace[entry.index] = change.refresh
            else:
                edits.drop.add(entry.index)
        elif change.status is not entry.status:
            edits.statuses[entry.index] = change.status
    return edits


def _written(
    timeline: Timeline,
    changes: list[_Change],
    by_id: dict[str, Event],
    held: frozenset[str],
    taken: set[str],
    extracted: dict[str, str],
) -> tuple[str, Reading]:
    """The file's new text and its entries, lines included.

    As text where the file has the shape ``briefing`` writes. The few changes text cannot make
    (an entry the analyst touched brought up to a new extraction, an id given to a manual
    entry, a status written another way) go through one round-trip of the document first; a
    file of another shape goes through it whole.
    """
    path, text, reading = timeline.path, timeline.text or HEADER, timeline.reading
    lines = text.splitlines(keepends=True)
    if not text_edits.fits(lines, reading.starts):
        return _round_trip(text, path, changes, by_id, held, taken, extracted)
    items = text_edits.blocks(lines, reading.starts)
    edits = _edits(reading, lines, items, changes, held, extracted)
    statuses = edits.statuses
    if edits.hard or not all(
        text_edits.set_status(lines, items[index], status.value)
        for index, status in statuses.items()
    ):
        # Through ruamel once: every planned change but the drops and replacements.
        skip = edits.drop | set(edits.replace)
        text, reading = _applied(text, path, [c for c in changes if c.entry.index not in skip])
        lines = text.splitlines(keepends=True)
        items = text_edits.blocks(lines, reading.starts)
        taken.update(reading.ids)
        statuses = {}
    taken.difference_update(e.id for e in reading.entries if e.index in edits.drop)
    additions = sorted(
        (by_id[i] for i in held if i in by_id and i not in taken), key=_chronological
    )
    extracted.update((event.id, fingerprint_event(event)) for event in additions)
    extracted.update((event.id, fingerprint_event(event)) for event in edits.replace.values())
    order = sorted(edits.replace)
    replaced = dict(zip(order, _dumped([edits.replace[n] for n in order], path), strict=True))
    appended = _dumped(additions, path)
    rewritten = text_edits.rewrite(
        lines,
        items,
        drop=frozenset(edits.drop),
        replace={index: chunk for index, (chunk, _) in replaced.items()},
        appended="".join(chunk for chunk, _ in appended),
    )
    return rewritten.text, _reading_after(reading, rewritten, statuses, replaced, appended)


def _as_extracted(entry: Entry, extracted: Mapping[str, str]) -> bool:
    """Whether the entry is exactly what extraction last produced (known from the sidecar)."""
    return extracted.get(entry.id) == entry.fingerprint


def _dumped(events: list[Event], path: Path) -> list[tuple[str, Entry]]:
    """Each event as the text of a new entry, and the entry that text reads back as (its line
    counted from the entry's first line)."""
    if not events:
        return []
    document = parse("events:\n", path)
    entries_of(document).extend(new_entry(event) for event in events)
    text = dump(document)
    if not mark_new_lines(document, text):
        document = parse(text, path)  # a character YAML may read back otherwise
    reading = read_entries(document, path)
    lines = text.splitlines(keepends=True)
    bounds = [*reading.starts, len(lines)]
    return [
        (
            "".join(lines[bounds[n] : bounds[n + 1]]),
            dataclasses.replace(entry, line=entry.line - bounds[n]),
        )
        for n, entry in enumerate(reading.entries)
    ]


def _reading_after(
    reading: Reading,
    rewritten: text_edits.Rewritten,
    statuses: Mapping[int, Status],
    replaced: Mapping[int, tuple[str, Entry]],
    appended: list[tuple[str, Entry]],
) -> Reading:
    """The entries of the rewritten text with the lines they have there, in file order."""
    entries: list[Entry] = []
    for entry in reading.entries:
        start = rewritten.starts.get(entry.index)
        if start is None:
            continue
        if entry.index in replaced:
            _, new = replaced[entry.index]
            entries.append(dataclasses.replace(new, line=start + new.line))
            continue
        status = statuses.get(entry.index, entry.status)
        line = entry.line + rewritten.shift[entry.index]
        entries.append(dataclasses.replace(entry, line=line, status=status))
    starts = [start for _, start in sorted(rewritten.starts.items())]
    at = rewritten.appended_at
    for chunk, entry in appended:
        entries.append(dataclasses.replace(entry, line=at + entry.line))
        starts.append(at)
        at += chunk.count("\n")
    entries.sort(key=lambda entry: entry.line)
    entries = [dataclasses.replace(entry, index=n) for n, entry in enumerate(entries)]
    moved = [rewritten.shift.get(n) for n in range(len(reading.starts))]
    diagnostics = (_moved(d, reading.starts, moved) for d in reading.diagnostics)
    readable = {entry.id for entry in reading.entries}
    unreadable = {i for i in reading.ids if i not in readable}
    return Reading(
        entries=tuple(entries),
        ids=frozenset({entry.id for entry in entries} | unreadable) - {""},
        diagnostics=tuple(d for d in diagnostics if d is not None),
        starts=tuple(sorted(starts)),
    )


def _moved(
    diagnostic: Diagnostic, starts: tuple[int, ...], moved: list[int | None]
) -> Diagnostic | None:
    """A diagnostic on an item, its line moved with the item (None if the item left)."""
    if diagnostic.line is None or not starts:
        return diagnostic
    item = bisect.bisect_right(starts, diagnostic.line - 1) - 1
    if item < 0:
        return diagnostic
    shift = moved[item]
    if shift is None:
        return None
    return dataclasses.replace(diagnostic, line=diagnostic.line + shift)


def _applied(text: str, path: Path, changes: list[_Change]) -> tuple[str, Reading]:
    """``changes`` made through one ruamel round-trip; the new text and its entries."""
    document = parse(text, path)
    _apply(document, changes, [])
    text = dump(document)
    return text, read_entries(parse(text, path), path)


def _round_trip(
    text: str,
    path: Path,
    changes: list[_Change],
    by_id: dict[str, Event],
    held: frozenset[str],
    taken: set[str],
    extracted: dict[str, str],
) -> tuple[str, Reading]:
    """A file of another shape than ``briefing`` writes (a flow list, another top-level key
    after ``events:``, entries indented otherwise): every change made through ruamel, new
    entries appended, nothing dropped."""
    additions = sorted(
        (by_id[i] for i in held if i in by_id and i not in taken), key=_chronological
    )
    extracted.update((event.id, fingerprint_event(event)) for event in additions)
    if not changes and not additions:
        return text, read_entries(parse(text, path), path)
    document = parse(text, path)
    _apply(document, changes, additions)
    text = dump(document)
    return text, read_entries(parse(text, path), path)


def _index_fresh(fresh: tuple[Event, ...]) -> tuple[dict[str, Event], tuple[Diagnostic, ...]]:
    """Fresh events by id; a repeated id is reported and its later events ignored."""
    by_id: dict[str, Event] = {}
    problems: list[Diagnostic] = []
    for event in fresh:
        if event.id in by_id:
            problems.append(
                Diagnostic(
                    level=Level.WARNING,
                    code="duplicate-event-id",
                    message=f"extraction produced the id '{event.id}' twice; only the first "
                    "event is kept (please report this as a bug)",
                )
            )
            continue
        by_id[event.id] = event
    return by_id, tuple(problems)


def _chronological(event: Event) -> tuple[bool, dt.date, int, str, int, str]:
    """Order of new entries: by date (unplaced last), coarser first, then by source."""
    first = event.date.first_day
    source = event.sources[0] if event.sources else None
    return (
        first is None,
        first or dt.date.min,
        event.date.precision.rank,
        source.article if source else "",
        source.start if source else 0,
        event.id,
    )


@dataclass(frozen=True, slots=True, kw_only=True)
class _Change:
    """What merging does to one existing entry."""

    entry: Entry
    status: Status
    """The entry's status afterwards (maybe unchanged)."""
    new_id: str = ""
    """An id to give a manual entry written without one."""
    refresh: Event | None = None
    """The extraction to copy into an entry the analyst did not change."""


def _plan(
    entries: tuple[Entry, ...],
    by_id: dict[str, Event],
    last: dict[str, str],
    known_articles: frozenset[str],
    taken: set[str],
) -> tuple[list[_Change], dict[str, str]]:
    """The curation rules: what to change in each existing entry, without changing anything.

    Returns the changes and the fingerprints to remember for next time; ``taken`` (every id
    in the file) grows by the ids given to manual entries.
    """
    changes: list[_Change] = []
    remembered: dict[str, str] = {}
    for entry in entries:
        if entry.status is Status.MANUAL and not entry.id:
            new_id = _manual_id(entry, taken)
            taken.add(new_id)
            changes.append(_Change(entry=entry, status=entry.status, new_id=new_id))
        if entry.status not in EXTRACTED:
            continue
        event = by_id.get(entry.id)
        if event is None or any(s.article not in known_articles for s in entry.sources):
            # (an entry named by id alone has no sources: it is stale when its id is gone)
            if entry.id in last:
                remembered[entry.id] = last[entry.id]
            if entry.status is not Status.STALE:
                changes.append(_Change(entry=entry, status=Status.STALE))
            continue
        remembered[entry.id] = fresh_print = fingerprint_event(event)
        if entry.by_id:
            # A decision on an event named by its id: it shows the extraction as it comes.
            if entry.status is Status.STALE:
                changes.append(_Change(entry=entry, status=Status.NEW))
            continue
        change = _follow(entry, event, fresh_print, last.get(entry.id, ""))
        if change.status is not entry.status or change.refresh is not None:
            changes.append(change)
    return changes, remembered


def _follow(entry: Entry, event: Event, fresh_print: str, last: str) -> _Change:
    """What becomes of an entry extraction still produces.

    Edited means: differs from the fresh extraction and from the last one (when the sidecar
    is gone, from the fresh one only, which can only err towards keeping the analyst's text).
    An entry not edited follows the extraction.
    """
    current = entry.fingerprint
    if current not in (fresh_print, last):
        # An edit is kept; a key event stays key (its edit is recognised the same way).
        kept = Status.KEY if entry.status is Status.KEY else Status.EDITED
        return _Change(entry=entry, status=kept)
    refresh = event if current != fresh_print else None
    if entry.status is Status.STALE:
        status = Status.NEW  # back after going away: to be looked at again
    elif entry.status is Status.EDITED:
        status = Status.REVIEWED  # the analyst's version is the extraction's now
    else:
        status = entry.status
    return _Change(entry=entry, status=status, refresh=refresh)


def _apply(document: CommentedMap, changes: list[_Change], additions: list[Event]) -> None:
    """Carry out the planned changes on a document, then append the new events."""
    items = entries_of(document)
    for change in changes:
        item = items[change.entry.index]
        if change.new_id:
            set_id(item, change.new_id)
        if change.refresh is not None:
            refresh_entry(item, change.entry, change.refresh)
        if change.status is not change.entry.status:
            set_status(item, change.status)
    for event in additions:
        items.append(new_entry(event))


def _manual_id(entry: Entry, taken: set[str]) -> str:
    """A stable id for a manual entry written without one, from its date and text."""
    digest = hashlib.sha256(f"{entry.value}\n{entry.text}".encode()).hexdigest()
    base = f"manual-{digest[:8]}"
    candidate, n = base, 2
    while candidate in taken:
        candidate, n = f"{base}-{n}", n + 1
    return candidate


# ---------------------------------------------------------------------------------------------
# annotate

NOTE_MARK = "# briefing: "
"""How the build's note on an entry begins; the analyst's own comments never do."""

_ENTRY = re.compile(r"(?P<indent>[ \t]*)- ")
_STATUS_LINE = re.compile(r"(?P<key>[ ]*status:[ ]*[A-Za-z]+)(?:[ ]+# briefing: [^\n]*)?")


def annotate(merged: Merged, notes: Mapping[str, str]) -> Merged:
    """The merged timeline with the build's note at the end of each entry's ``status:`` line:
    where the briefing shows the event and why ("key event, salience 6.78: reported or
    referred to by 91 articles…"); notes of entries no longer shown are removed.

    A comment, not a field: it never shifts a line, is never mistaken for an edit, and an
    analyst's own comment on that line (or a status written another way) is left alone, the
    note then omitted. Linear in the file's size: no YAML parsing.
    """
    lines = merged.text.splitlines(keepends=True)
    starts = sorted(merged.lines.items(), key=lambda item: item[1])
    ends = [line for _, line in starts[1:]] + [len(lines) + 1]
    changed = False
    for (entry_id, first), end in zip(starts, ends, strict=True):
        number = _status_line(lines, first, end)
        if number is None:
            continue
        line = lines[number]
        body = line.rstrip("\r\n")
        found = _STATUS_LINE.fullmatch(body)
        if found is None:
            continue
        note = " ".join(notes.get(entry_id, "").split())
        new = found.group("key") + (f"  {NOTE_MARK}{note}" if note else "") + line[len(body) :]
        if new != line:
            lines[number] = new
            changed = True
    if not changed:
        return merged
    text = "".join(lines)
    return dataclasses.replace(
        merged, text=text, changed=merged.stored is None or text != merged.stored
    )


def _status_line(lines: list[str], first: int, end: int) -> int | None:
    """The 0-based index of the ``status:`` line of the block entry on lines ``first`` to
    ``end - 1`` (1-based), at the indentation of its keys; None when there is none."""
    if not 0 < first <= len(lines):
        return None
    opening = _ENTRY.match(lines[first - 1])
    if opening is None:
        return None  # a flow-style entry or another shape: left as written
    key = " " * (len(opening.group("indent")) + 2) + "status:"
    for number in range(first, min(end - 1, len(lines))):
        if lines[number].startswith(key):
            return number
    return None


# ---------------------------------------------------------------------------------------------
# save


def save(path: Path, merged: Merged) -> None:
    """Write the timeline file and its sidecar atomically, each only when it changed.

    The timeline goes first: if the process dies between the two writes, the old sidecar
    still lets the next merge recognise every entry that equals the fresh extraction.
    """
    if merged.changed:
        write_atomic(path, merged.text.encode("utf-8"))
    if merged.cache_changed:
        write_atomic(cache_path(path), merged.cache_text.encode("utf-8"))
