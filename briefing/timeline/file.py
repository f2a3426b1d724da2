"""The text of ``inputs/timeline.yaml``: parse it, write entries into it, dump it back.

Kept apart from the merge rules in ``timeline`` so those read as rules. Round-trip YAML only
(ruamel.yaml), so the analyst's comments, quotes and key order survive; no document libraries.
"""

from __future__ import annotations

import io
import re
from typing import TYPE_CHECKING

from ruamel.yaml import YAML
from ruamel.yaml.comments import CommentedMap, CommentedSeq
from ruamel.yaml.constructor import RoundTripConstructor
from ruamel.yaml.error import MarkedYAMLError, YAMLError
from ruamel.yaml.representer import RoundTripRepresenter
from ruamel.yaml.scalarstring import SingleQuotedScalarString

from briefing.errors import InputError
from briefing.model import SourceRef, Status

if TYPE_CHECKING:
    from pathlib import Path

    from ruamel.yaml.nodes import ScalarNode

    from briefing.model import Event
    from briefing.timeline.entries import Entry

HEADER = """\
# The curated timeline of this briefing: the events it shows (key events, background, looking
# ahead) and every entry you touched. Every other event found is in out/timeline.json.
#
# `briefing update` (and `build`) adds the events the briefing shows with the status `new` and
# never overwrites your work: correct an entry's date, text or attribution and your version is
# kept (its status becomes `edited`); set the status to `reviewed` once checked, to `key` to
# keep an event among the key events, to `rejected` to drop it for good (deleting the entry
# instead brings it back as new while the briefing shows it), and add events of your own with
# the status `manual` (the id is optional). To decide on an event not listed here, add an entry
# of two lines: its id from timeline.json (`- id: ev-...`) and its status (`key`...). An entry
# you never changed leaves the file when the briefing stops showing its event. One whose
# sentence or article disappeared becomes `stale`: kept here, left out of the documents, listed
# by `briefing check`.
# Dates are TIMEX3 values (2025-08-31, 2024-07, 2022, 2024-Q3, XXXX-09-17 when the year is
# unknown); `mod` is START, MID, END, APPROX, BEFORE, AFTER...; `end` closes a range.
events:
"""
"""The text of a timeline file that does not exist yet."""

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
    _refuse_conflict(body, path)
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


_CONFLICT = re.compile(r"^(<{7}|={7}|>{7}|\|{7})(?: .*)?$", re.MULTILINE)
"""A line git writes around the two sides of a merge conflict."""


def _refuse_conflict(text: str, path: Path) -> None:
    """Name an unresolved git merge conflict as such, at its first marker's line."""
    match = _CONFLICT.search(text)
    if match is None:
        return
    line = text.count("\n", 0, match.start()) + 1
    raise InputError(
        f"timeline file has an unresolved git merge conflict (the marker "
        f"'{match.group(0)[:40]}'); keep the lines you want between '<<<<<<<' and "
        "'>>>>>>>', delete the three marker lines, and build again",
        path=path,
        line=line,
    )


def _only_comments(text: str) -> bool:
    return all(not line.strip() or line.lstrip().startswith("#") for line in text.splitlines())


def dump(document: CommentedMap) -> str:
    """The document as YAML text, comments and key order as they were."""
    stream = io.StringIO()
    _yaml().dump(document, stream)
    return stream.getvalue()


_ENTRY_START = "  - "
"""How ``dump`` starts an entry of the ``events:`` list, and nothing else, at a line's start,
when every value is printable text: an entry's keys are indented by four spaces, and a value
too long for one line continues on lines indented at least as much."""


def mark_new_lines(document: CommentedMap, text: str) -> bool:
    """Record on the entries of a document only ``merge`` wrote the lines ``dump`` gave them.

    This is what ``parse(text)`` would record for the entries themselves (the line of each
    entry's first key), without parsing ``text`` again: for a timeline whose every entry
    ``merge`` just wrote, reading the document and reading its parsed text agree. Returns
    False, recording nothing, when the text does not have the expected shape (one entry
    start per entry, under a top-level ``events:``) or a value holds a character YAML may
    read back otherwise (a control character
    or a break other than a newline: ``\\x85`` comes back as a space); parse the text then.
    """
    items = entries_of(document)
    lines = text.split("\n")
    try:
        first = lines.index("events:")
    except ValueError:
        return False
    starts = [n for n, line in enumerate(lines) if line.startswith(_ENTRY_START)]
    if len(starts) != len(items) or (starts and starts[0] <= first):
        return False
    if not all(isinstance(item, CommentedMap) and _printable(item) for item in items):
        return False
    column = len(_ENTRY_START)
    for index, (item, line) in enumerate(zip(items, starts, strict=True)):
        items.lc.add_kv_line_col(index, [line, column])
        item.lc.line, item.lc.col = line, column
    return True


_UNSAFE = re.compile("[\x00-\x09\x0b-\x1f\x7f-\x9f\u2028\u2029\ud800-\udfff\ufeff\ufffe\uffff]")
"""Controls and breaks other than "\\n": YAML may read them back otherwise (NEL as a space)."""


def _printable(value: object) -> bool:
    """Whether every text in a value (an entry, its sources) reads back from YAML unchanged."""
    if isinstance(value, str):
        return _UNSAFE.search(value) is None
    if isinstance(value, CommentedMap):
        return all(_printable(key) and _printable(item) for key, item in value.items())
    if isinstance(value, CommentedSeq):
        return all(_printable(item) for item in value)
    return True


def entries_of(document: CommentedMap) -> CommentedSeq:
    """The ``events:`` list, created (empty) when the file has none yet."""
    events = document.get("events")
    if isinstance(events, CommentedSeq):
        return events
    events = CommentedSeq()
    document["events"] = events
    return events


# ---------------------------------------------------------------------------------------------
# Writing entries


def _yaml_value(value: str) -> object:
    """A TIMEX3 value as a quoted YAML string (``'2024-09-17'``, ``'2024'``, ``'XXXX-09-17'``).

    Quoted so that every YAML reader gets one type: unquoted, ``2024-09-17`` is a date to
    most readers, ``2024`` an integer and ``2024-07`` a string. The reader here accepts an
    analyst's unquoted dates just the same.
    """
    return SingleQuotedScalarString(value)


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
