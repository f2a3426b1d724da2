"""JSON lines in, TIMEX3 annotations out: the ``briefing dates`` format, scorable with the
TempEval-3 style scorer of the shared benchmark.

Reads ``{"doc", "dct", "text"[, "language"]}`` per line and writes ``{"doc", "timexes"}``.
No printing and no files: the caller owns the streams.
"""

from __future__ import annotations

import datetime as dt
import json
import re
from typing import TYPE_CHECKING, Any, Final

from briefing.errors import InputError
from briefing.extract.dates import find_dates

if TYPE_CHECKING:
    from collections.abc import Iterable, Iterator

    from briefing.model import DateMention

_RANGE_DASH: Final = re.compile(r"\s*(?:–|—|-|/|to)\s*")


def _timexes(mention: DateMention) -> list[dict[str, Any]]:
    """One TIMEX3 per mention; a year range becomes two, as TimeML annotates "2022–2024"."""
    base: dict[str, Any] = {"type": str(mention.type)}
    if mention.end_value is not None:
        dash = _RANGE_DASH.search(mention.text)
        if dash is not None and dash.start() > 0:
            head = {"start": mention.start, "end": mention.start + dash.start()}
            tail = {"start": mention.start + dash.end(), "end": mention.end}
            parts = []
            for span, value in ((head, mention.value), (tail, mention.end_value)):
                text = mention.text[span["start"] - mention.start : span["end"] - mention.start]
                parts.append({**span, "text": text, **base, "value": value})
            return parts
    timex = {
        "start": mention.start,
        "end": mention.end,
        "text": mention.text,
        **base,
        "value": mention.value,
    }
    if mention.mod is not None:
        timex["mod"] = str(mention.mod)
    return [timex]


def _reference(raw: object, number: int) -> dt.date | None:
    if raw in (None, ""):
        return None
    if not isinstance(raw, str):
        raise InputError(f"line {number}: 'dct' must be a YYYY-MM-DD string", line=number)
    try:
        return dt.date.fromisoformat(raw[:10])
    except ValueError as error:
        raise InputError(f"line {number}: bad 'dct' {raw!r}: {error}", line=number) from error


def tag_line(line: str, number: int) -> str:
    """Tag one JSON document line; ``number`` (1-based) names the line in errors."""
    try:
        doc = json.loads(line)
    except json.JSONDecodeError as error:
        raise InputError(f"line {number}: not valid JSON: {error.msg}", line=number) from error
    if not isinstance(doc, dict) or not isinstance(doc.get("text"), str):
        raise InputError(f"line {number}: expected an object with a 'text' string", line=number)
    reference = _reference(doc.get("dct"), number)
    language = doc.get("language") or "en"
    if not isinstance(language, str):
        raise InputError(f"line {number}: 'language' must be a string", line=number)
    mentions = find_dates(doc["text"], reference=reference, language=language)
    timexes = [t for mention in mentions for t in _timexes(mention)]
    return json.dumps({"doc": doc.get("doc"), "timexes": timexes}, ensure_ascii=False)


def tag_lines(lines: Iterable[str]) -> Iterator[str]:
    """One output JSON line per non-blank input line, in order."""
    for number, line in enumerate(lines, 1):
        if line.strip():
            yield tag_line(line, number)
