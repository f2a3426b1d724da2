"""Exceptions: failures that stop a run. Problems in the data are ``Diagnostic``s instead.

The tree::

    BriefingError              anything the command line reports without a traceback
    ├── InputError             a file or folder cannot be read or parsed (names file and line)
    ├── TemplateError          a template is missing or broken (names template file and line)
    └── RenderError            a document cannot be written (names the output file)
"""

from __future__ import annotations

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
