"""The entries of ``timeline.yaml`` read into plain records, each checked field by field.

A bad entry becomes a diagnostic naming its line and the fix, never an exception, so one typo
cannot stop a build; the entry itself is left exactly as written. Reads only, writes nothing.
"""

from __future__ import annotations

import datetime as dt
import hashlib
import json
from dataclasses import dataclass
from typing import TYPE_CHECKING

from ruamel.yaml.comments import CommentedMap, CommentedSeq

from briefing.model import Diagnostic, Level, Mod, Precision, SourceRef, Status
from briefing.timex import interval

if TYPE_CHECKING:
    from pathlib import Path

    from briefing.model import Event

EXTRACTED = frozenset({Status.NEW, Status.REVIEWED, Status.EDITED, Status.STALE, Status.KEY})
"""Statuses of events that came from extraction, which ``merge`` keeps up to date."""


@dataclass(frozen=True, slots=True, kw_only=True)
class Entry:
    """One readable entry of the ``events:`` list, as the analyst left it."""

    index: int
    """Position in the ``events:`` list."""
    line: int
    """1-based line of the entry's first key."""
    id: str
    """The event id; "" for a manual entry written without one."""
    status: Status
    """Curation status; an entry without ``status`` is the analyst's own (``manual``)."""
    value: str
    """TIMEX3 value of the date."""
    mod: Mod | None
    """TIMEX3 modifier of the date."""
    end: str | None
    """TIMEX3 value of a range's end."""
    text: str
    attribution: str
    claim: str
    sources: tuple[SourceRef, ...]
    notes: str
    by_id: bool = False
    """An entry that names an extracted event by its id alone (``- id: ev-…`` with a status,
    no date or text): the analyst's decision on that event (``key``, ``rejected``…), which
    shows the extraction's own date and text and is never filled in or rewritten."""

    @property
    def fingerprint(self) -> str:
        """A digest of the fields an analyst may correct, to compare with extraction."""
        return fingerprint_of(
            self.value, self.mod, self.end, self.text, self.attribution, self.claim, self.sources
        )


@dataclass(frozen=True, slots=True, kw_only=True)
class Reading:
    """Every entry of a timeline file, read."""

    entries: tuple[Entry, ...]
    """The readable entries, in file order; the first of two entries sharing an id."""
    ids: frozenset[str]
    """Every id written in the file, readable entry or not: never given to another entry."""
    diagnostics: tuple[Diagnostic, ...]
    """Why entries could not be read; those entries are left exactly as written."""
    starts: tuple[int, ...] = ()
    """The 0-based line where each item of the ``events:`` list starts, readable or not
    (where the text of one entry ends and the next begins)."""


def fingerprint_of(
    value: str,
    mod: Mod | None,
    end: str | None,
    text: str,
    attribution: str,
    claim: str,
    sources: tuple[SourceRef, ...],
) -> str:
    """A short digest of an event's content, identical for identical content."""
    spans = [[s.article, s.start, s.end] for s in sources]
    fields = [value, mod or "", end or "", text, attribution, claim, spans]
    data = json.dumps(fields, ensure_ascii=False, separators=(",", ":"))
    return hashlib.sha256(data.encode()).hexdigest()[:16]


def fingerprint_event(event: Event) -> str:
    """The fingerprint of an event as extraction produced it."""
    date = event.date
    return fingerprint_of(
        date.value,
        date.mod,
        date.end_value,
        event.text,
        event.attribution,
        event.claim,
        event.sources,
    )


class _BadEntry(Exception):  # noqa: N818 (an internal signal, never seen outside this module)
    """Raised while reading one entry; becomes a diagnostic on that entry's line."""

    def __init__(self, message: str, line: int) -> None:
        super().__init__(message)
        self.message = message
        self.line = line


def read_entries(document: CommentedMap, path: Path) -> Reading:
    """Read every entry of the document; bad ones become diagnostics and stay untouched."""
    events = document.get("events")
    items: CommentedSeq = events if isinstance(events, CommentedSeq) else CommentedSeq()
    entries: list[Entry] = []
    ids: set[str] = set()
    diagnostics: list[Diagnostic] = []
    for index, item in enumerate(items):
        line = items.lc.item(index)[0] + 1
        if not isinstance(item, CommentedMap):
            diagnostics.append(_bad(path, line, f"entry {index + 1} is not a mapping of fields"))
            continue
        written_id = _scalar_text(item.get("id"))
        try:
            entry = _read_entry(item, index)
        except _BadEntry as bad:
            ids.add(written_id)
            if _status_text(item) != Status.REJECTED:  # a rejected entry may be half-written
                diagnostics.append(_bad(path, bad.line, bad.message))
            continue
        if entry.id and entry.id in ids:
            diagnostics.append(
                Diagnostic(
                    level=Level.ERROR,
                    code="timeline-duplicate-id",
                    message=f"a second entry has the id '{entry.id}'; give it another id "
                    "(or delete one of the two): it is left as written and out of the briefing",
                    path=path,
                    line=entry.line,
                )
            )
            continue
        ids.add(entry.id)
        entries.append(entry)
    ids.discard("")
    starts = tuple(items.lc.item(index)[0] for index in range(len(items)))
    return Reading(
        entries=tuple(entries), ids=frozenset(ids), diagnostics=tuple(diagnostics), starts=starts
    )


def _bad(path: Path, line: int, message: str) -> Diagnostic:
    return Diagnostic(
        level=Level.ERROR,
        code="timeline-bad-entry",
        message=f"{message}; the entry is left as written and kept out of the briefing",
        path=path,
        line=line,
    )


def _key_line(item: CommentedMap, key: str) -> int:
    """The line of a key, else of the entry (a key written by ``merge`` has no position)."""
    position = (item.lc.data or {}).get(key) if key in item else None
    if position is not None:
        line: int = position[0] + 1
        return line
    first: int = item.lc.line + 1
    return first


def _scalar_text(value: object) -> str:
    """A scalar as text, as the analyst wrote it; "" when missing or not a scalar."""
    if isinstance(value, str):
        return str(value)
    if isinstance(value, int) and not isinstance(value, bool):
        return str(value)
    return ""


def _status_text(item: CommentedMap) -> str:
    return _scalar_text(item.get("status"))


def _read_entry(item: CommentedMap, index: int) -> Entry:
    """One entry, or ``_BadEntry`` saying which field is wrong and how to fix it."""
    status = _read_status(item)
    entry_id = _scalar_text(item.get("id")).strip()
    if not entry_id and status is not Status.MANUAL:
        raise _BadEntry(
            f"entry {index + 1} has no `id`; restore it, or set `status: manual` "
            "for an event of your own",
            _key_line(item, "id"),
        )
    if entry_id and status is not Status.MANUAL and "date" not in item and "text" not in item:
        return Entry(
            index=index,
            line=item.lc.line + 1,
            id=entry_id,
            status=status,
            value="",
            mod=None,
            end=None,
            text="",
            attribution="",
            claim="",
            sources=(),
            notes=_read_text(item, "notes", required=False),
            by_id=True,
        )
    value = _read_value(item, "date", required=True)
    end = _read_value(item, "end", required=False) or None
    mod = _read_mod(item)
    if end is not None and interval(value, mod, end).first is None and interval(value).first:
        raise _BadEntry(
            f"the range ends ({end}) before it starts ({value})", _key_line(item, "end")
        )
    return Entry(
        index=index,
        line=item.lc.line + 1,
        id=entry_id,
        status=status,
        value=value,
        mod=mod,
        end=end,
        text=_read_text(item, "text", required=True),
        attribution=_read_text(item, "attribution", required=False),
        claim=_read_text(item, "claim", required=False),
        sources=_read_sources(item),
        notes=_read_text(item, "notes", required=False),
    )


def _read_status(item: CommentedMap) -> Status:
    raw = item.get("status")
    if raw is None:
        return Status.MANUAL
    text = _scalar_text(raw).strip().lower()
    if text in Status.__members__.values():
        return Status(text)
    choices = ", ".join(Status)
    raise _BadEntry(f"unknown status '{raw}': use one of {choices}", _key_line(item, "status"))


def _read_value(item: CommentedMap, key: str, *, required: bool) -> str:
    """A TIMEX3 value written as ``2025-08-31``, ``2022``, ``2024-07`` or ``XXXX-09-17``."""
    raw = item.get(key)
    line = _key_line(item, key)
    if raw is None:
        if required:
            raise _BadEntry(f"`{key}` is missing: write a date such as 2025-08-31 or 2024-07", line)
        return ""
    if isinstance(raw, dt.datetime):
        value = raw.strftime("%Y-%m-%dT%H:%M")
    elif isinstance(raw, dt.date):
        value = raw.isoformat()
    else:
        value = _scalar_text(raw).strip()
    if interval(value).precision is Precision.NONE:
        raise _BadEntry(
            f"`{key}: {raw}` is not a date; write a TIMEX3 value such as 2025-08-31, 2024-07, "
            "2022, 2024-Q3 or XXXX-09-17 (year unknown)",
            line,
        )
    return value


def _read_mod(item: CommentedMap) -> Mod | None:
    raw = item.get("mod")
    if raw is None:
        return None
    text = _scalar_text(raw).strip().upper()
    if text in Mod.__members__.values():
        return Mod(text)
    raise _BadEntry(
        f"unknown `mod: {raw}`: use one of {', '.join(Mod)} or remove it", _key_line(item, "mod")
    )


def _read_text(item: CommentedMap, key: str, *, required: bool) -> str:
    raw = item.get(key)
    if raw is None:
        if required:
            raise _BadEntry(f"`{key}` is missing", _key_line(item, key))
        return ""
    if isinstance(raw, str | int | float) and not isinstance(raw, bool):
        return str(raw)
    raise _BadEntry(f"`{key}` must be text, not a list or mapping", _key_line(item, key))


def _read_sources(item: CommentedMap) -> tuple[SourceRef, ...]:
    raw = item.get("sources")
    line = _key_line(item, "sources")
    if raw is None:
        return ()
    if not isinstance(raw, CommentedSeq):
        raise _BadEntry("`sources` must be a list of {article, start, end}", line)
    sources = []
    for source in raw:
        article = _scalar_text(source.get("article")) if isinstance(source, CommentedMap) else ""
        if not isinstance(source, CommentedMap) or not article:
            raise _BadEntry("each source needs at least `article:` (the article's id)", line)
        start, end = source.get("start", 0), source.get("end", 0)
        if not (_is_offset(start) and _is_offset(end) and start <= end):
            raise _BadEntry(
                f"source '{article}' needs whole-number offsets with start <= end", line
            )
        sources.append(SourceRef(article=article, start=start, end=end))
    return tuple(sources)


def _is_offset(value: object) -> bool:
    return isinstance(value, int) and not isinstance(value, bool) and value >= 0
