"""Exceptions: failures that stop a run. Problems in the data are ``Diagnostic``s instead.

The tree::

    BriefingError              anything the command line reports without a traceback
    ├── InputError             a file or folder cannot be read or parsed (names file and line)
    ├── TemplateError          a template is missing or broken (names template file and line)
    └── RenderError            a document cannot be written (names the output file)
"""

from __future__ import annotations

import datetime as dt
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from pathlib import Path


class BriefingError(Exception):
    """Base of every error the command line reports as one line, without a traceback."""

    def __init__(self, message: str, *, path: Path | None = None, line: int | None = None):
        super().__init__(message)
        self.message = message
        self.path = path
        self.line = line

    def __str__(self) -> str:
        if self.path is None:
            return self.message
        where = f"{self.path}:{self.line}" if self.line is not None else str(self.path)
        return f"{where}: {self.message}"


class InputError(BriefingError):
    """An input file or folder cannot be read or parsed."""


class TemplateError(BriefingError):
    """A template cannot be found, parsed or rendered."""


class RenderError(BriefingError):
    """An output document cannot be produced or written."""


def shown(value: object, limit: int = 60) -> str:
    """A value from an input file as a message shows it: as the user would write it.

    Never Python's ``repr``: text in single quotes, a date as YYYY-MM-DD, true/false/null as
    YAML writes them, lists and mappings in YAML's flow style; long values cut with "…".
    """
    text = _plain(value)
    if len(text) > limit:
        text = text[: limit - 1] + "…"
    return f"'{text}'" if isinstance(value, str) else text


def _plain(value: object) -> str:
    if value is None:
        return "null"
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, str):
        return " ".join(value.split())
    if isinstance(value, dt.date):
        return value.isoformat()
    if isinstance(value, dict):
        return "{" + ", ".join(f"{_plain(k)}: {_plain(v)}" for k, v in value.items()) + "}"
    if isinstance(value, list | tuple | set | frozenset):
        return "[" + ", ".join(_plain(item) for item in value) + "]"
    return str(value)
