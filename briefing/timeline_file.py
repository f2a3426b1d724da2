"""The text of ``inputs/timeline.yaml``: parse, read entries, write entries, dump back.

Kept apart from the merge rules in ``timeline`` so those read as rules. Round-trip YAML only
(ruamel.yaml), so the analyst's comments, quotes and key order survive; no document libraries.
"""

from __future__ import annotations

import datetime as dt
import hashlib
import io
import json
import re
from dataclasses import dataclass
from typing import TYPE_CHECKING

from ruamel.yaml import YAML
from ruamel.yaml.comments import CommentedMap, CommentedSeq
from ruamel.yaml.constructor import RoundTripConstructor
from ruamel.yaml.error import MarkedYAMLError, YAMLError
from ruamel.yaml.representer import RoundTripRepresenter

from briefing.errors import InputError
from briefing.extract.timex import interval
from briefing.model import Diagnostic, Level, Mod, Precision, SourceRef, Status

if TYPE_CHECKING:
    from pathlib import Path

    from ruamel.yaml.nodes import ScalarNode

    from briefing.model import Event

HEADER = """\
# The curated timeline of this briefing: one entry per dated event, and the documents show it.
#
# `briefing update` (and `build`) adds newly extracted events with the status `new` and never
# overwrites your work: correct an entry's date, text or attribution and your version is kept
# (its status becomes `edited`); set the status to `reviewed` once checked, to `rejected` to
# drop an event for good (deleting the entry instead brings it back as new), and add events of
# your own with the status `manual` (the id is optional). An event whose sentence or article
# disappeared becomes `stale`: kept here, left out of the documents, listed by `briefing check`.
# Dates are TIMEX3 values (2025-08-31, 2024-07, 2022, 2024-Q3, XXXX-09-17 when the year is
# unknown); `mod` is START, MID, END, APPROX, BEFORE, AFTER...; `end` closes a range.
events:
"""
"""The text of a timeline file that does not exist yet."""

EXTRACTED = frozenset({Status.NEW, Status.REVIEWED, Status.EDITED, Status.STALE})
"""Statuses of events that came from extraction, which ``merge`` keeps up to date."""

_DAY = re.compile(r"\d{4}-\d{2}-\d{2}")
_TIMESTAMP = "tag:yaml.org,2002:timestamp"


class _RawTimestamp(str):
    """A scalar that looks like a YAML timestamp but is no calendar date (``2025-02-30``).

    Kept as written, so a bad date in one entry is a diagnostic on that entry, not a failure
    of the whole file, and dumps back unquoted, byte for byte.
    """

    __slots__ = ()


class _Constructor(RoundTripConstructor):
    """Round-trip constructor that keeps impossible timestamps as text instead of raising."""

    def construct_yaml_timestamp(  # type: ignore[override]  # also returns text: the point
        self, node: ScalarNode, values: dict[str, str] | None = None
    ) -> object:
        """A ``datetime.date``/``datetime`` when the scalar is a real date, else its text."""
        try:
            result: object = super().construct_yaml_timestamp(node, values)
        except ValueError:
            return _RawTimestamp(node.value)
        return result


class _Representer(RoundTripRepresenter):
    """Round-trip representer that writes a kept-as-text timestamp back unquoted."""

    def represent_raw_timestamp(self, data: _RawTimestamp) -> object:
        """The scalar as it was read, tagged as a timestamp so it needs no quotes."""
        return self.represent_scalar(_TIMESTAMP, str(data))


# Registering on our own subclasses copies ruamel's tables: other ruamel users are unaffected.
_Constructor.add_constructor(_TIMESTAMP, _Constructor.construct_yaml_timestamp)
_Representer.add_representer(_RawTimestamp, _Representer.represent_raw_timestamp)


def _yaml() -> YAML:
    """A fresh round-trip YAML instance (no shared mutable state between calls)."""
    yaml = YAML(typ="rt")
    yaml.Constructor = _Constructor
    yaml.Representer = _Representer
    yaml.preserve_quotes = True
    yaml.width = 1_000_000  # a sentence stays on one line: readable diffs, no folding
    yaml.indent(mapping=2, sequence=4, offset=2)
    return yaml


# ---------------------------------------------------------------------------------------------
# Whole file


def parse(text: str, path: Path) -> CommentedMap:
    """The round-trip document of a timeline file's text.

    Raises ``InputError`` naming the file, the line and the fix when the text is not YAML or
    not a mapping with an ``events:`` list. A file with nothing but comments is an empty
    timeline whose comments are kept.
    """
    body = text.removeprefix("\ufeff")
    if not body.strip() or _only_comments(body):
        body = (body.rstrip("\n") + "\n" if body.strip() else "") + "events:\n"
    try:
        document = _yaml().load(body)
    except MarkedYAMLError as error:
        mark = error.problem_mark or error.context_mark
        line = mark.line + 1 if mark is not None else None
        problem = error.problem or error.context or "not valid YAML"
        raise InputError(
            f"timeline file is not valid YAML ({problem}); fix the line shown "
            "(often an unquoted ':' or '#' in a text, or a bad indentation), "
            "or restore the file from version control",
            path=path,
            line=line,
        ) from error
    except YAMLError as error:
        raise InputError(
            f"timeline file is not valid YAML ({error}); fix it or restore it from version control",
            path=path,
        ) from error
    if not isinstance(document, CommentedMap):
        raise InputError(
            "timeline file must be a mapping with an `events:` list; "
            "fix it or delete it to start a new timeline",
            path=path,
            line=1,
        )
    events = document.get("events")
    if events is not None and not isinstance(events, CommentedSeq):
        raise InputError(
            "`events:` must be a list of entries (each line starting with '- '); "
            "fix it or delete the file to start a new timeline",
            path=path,
            line=document.lc.key("events")[0] + 1,
        )
    return document


def _only_comments(text: str) -> bool:
    return all(not line.strip() or line.lstrip().startswith("#") for line in text.splitlines())


def dump(document: CommentedMap) -> str:
    """The document as YAML text, comments and key order as they were."""
    stream = io.StringIO()
    _yaml().dump(document, stream)
    return stream.getvalue()


def entries_of(document: CommentedMap) -> CommentedSeq:
    """The ``events:`` list, created (empty) when the file has none yet."""
    events = document.get("events")
    if isinstance(events, CommentedSeq):
        return events
    events = CommentedSeq()
    document["events"] = events
    return events


# ---------------------------------------------------------------------------------------------
# Reading entries


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
    return Reading(entries=tuple(entries), ids=frozenset(ids), diagnostics=tuple(diagnostics))


def _bad(path: Path, line: int, message: str) -> Diagnostic:
    return Diagnostic(
        level=Level.ERROR,
        code="timeline-bad-entry",
        message=f"{message}; the entry is left as written and kept out of the briefing",
        path=path,
        line=line,
    )


def _key_line(item: CommentedMap, key: str) -> int:
    if key in item:
        line: int = item.lc.key(key)[0] + 1
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


# ---------------------------------------------------------------------------------------------
# Writing entries


def _yaml_value(value: str) -> object:
    """A TIMEX3 value as the YAML scalar an analyst would type: unquoted where possible."""
    if _DAY.fullmatch(value):
        try:
            return dt.date.fromisoformat(value)
        except ValueError:
            return _RawTimestamp(value)
    if value.isdigit() and str(int(value)) == value:
        return int(value)
    return value


def _source_map(source: SourceRef) -> CommentedMap:
    mapping = CommentedMap(article=source.article, start=source.start, end=source.end)
    mapping.fa.set_flow_style()  # one line per source: {article: x, start: 1, end: 9}
    return mapping


def _sources_seq(sources: tuple[SourceRef, ...]) -> CommentedSeq:
    return CommentedSeq(_source_map(s) for s in sources)


def new_entry(event: Event) -> CommentedMap:
    """A new ``status: new`` entry for an extracted event, keys in the documented order."""
    entry = CommentedMap()
    entry["id"] = event.id
    entry["date"] = _yaml_value(event.date.value)
    if event.date.mod is not None:
        entry["mod"] = str(event.date.mod)
    if event.date.end_value is not None:
        entry["end"] = _yaml_value(event.date.end_value)
    entry["text"] = event.text
    entry["attribution"] = event.attribution
    entry["claim"] = event.claim
    entry["sources"] = _sources_seq(event.sources)
    entry["status"] = str(Status.NEW)
    entry["notes"] = event.notes
    return entry


def refresh_entry(item: CommentedMap, entry: Entry, event: Event) -> bool:
    """Bring an entry the analyst never changed up to date with a new extraction.

    Only the fields that differ are written, so comments on the others stay where they are.
    Returns whether anything changed.
    """
    changed = False
    if entry.value != event.date.value:
        item["date"] = _yaml_value(event.date.value)
        changed = True
    changed |= _set_optional(item, "mod", entry.mod, event.date.mod, after="date")
    changed |= _set_optional(item, "end", entry.end, event.date.end_value, after="mod")
    for key, old, new in (
        ("text", entry.text, event.text),
        ("attribution", entry.attribution, event.attribution),
        ("claim", entry.claim, event.claim),
    ):
        if old != new:
            item[key] = new
            changed = True
    if entry.sources != event.sources:
        item["sources"] = _sources_seq(event.sources)
        changed = True
    return changed


def _set_optional(
    item: CommentedMap, key: str, old: str | None, new: str | None, after: str
) -> bool:
    if old == new:
        return False
    if new is None:
        del item[key]
    elif key in item:
        item[key] = _yaml_value(new)
    else:
        anchor = after if after in item else "date"
        item.insert(list(item).index(anchor) + 1, key, _yaml_value(new))
    return True


def set_status(item: CommentedMap, status: Status) -> None:
    """Write an entry's status (its key and comment kept in place)."""
    item["status"] = str(status)


def set_id(item: CommentedMap, entry_id: str) -> None:
    """Give an entry written without an id its generated one, as the first key."""
    item.insert(0, "id", entry_id)
