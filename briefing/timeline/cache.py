"""The sidecar ``.briefing-cache/extracted.json``: what extraction last produced, per event.

It is how an analyst's edit is recognised without marking anything (an entry that differs from
what was last extracted was edited). Only a cache: missing or unreadable, it is ignored and
merging falls back to comparing with the fresh extraction.
"""

from __future__ import annotations

import json
from typing import TYPE_CHECKING

from briefing.model import Diagnostic, Level

if TYPE_CHECKING:
    from pathlib import Path

CACHE_UNREADABLE = "timeline-cache-unreadable"
"""Diagnostic code of a sidecar that could not be read."""

_DIR = ".briefing-cache"
_FILE = "extracted.json"
_SCHEMA = 1


def cache_path(path: Path) -> Path:
    """Where the sidecar of a timeline file lives."""
    return path.parent / _DIR / _FILE


def read_cache(path: Path) -> tuple[str, dict[str, str], tuple[Diagnostic, ...]]:
    """The sidecar's text and fingerprints; an unreadable one is ignored (it is only a cache)."""
    cache = cache_path(path)
    try:
        text = cache.read_text(encoding="utf-8")
    except FileNotFoundError:
        return "", {}, ()
    except (OSError, UnicodeDecodeError):
        text = ""
    try:
        data = json.loads(text)
    except json.JSONDecodeError:
        data = None
    events = data.get("events") if isinstance(data, dict) else None
    if isinstance(events, dict) and all(
        isinstance(k, str) and isinstance(v, str) for k, v in events.items()
    ):
        return text, dict(events), ()
    note = Diagnostic(
        level=Level.INFO,
        code=CACHE_UNREADABLE,
        message="the record of what was last extracted is unreadable and was ignored: "
        "entries that differ from the new extraction are treated as your edits",
        path=cache,
    )
    return text, {}, (note,)


def cache_text_of(extracted: dict[str, str], ids: frozenset[str]) -> str:
    """The sidecar's text: fingerprints of the events still in the file, in id order."""
    kept = {key: extracted[key] for key in sorted(extracted) if key in ids}
    data = {
        "schema": _SCHEMA,
        "about": "what extraction last produced for each event of the timeline file, to "
        "recognise the analyst's edits; safe to delete",
        "events": kept,
    }
    return json.dumps(data, indent=1, ensure_ascii=False) + "\n"
