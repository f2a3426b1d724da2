"""The briefing's settings: ``briefing.yaml`` plus command-line flags, as one frozen object.

Read once at the edge and passed down; no stage reads settings from anywhere else.
"""

from __future__ import annotations

import datetime as dt
import enum
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from briefing import clock
from briefing.errors import InputError, shown

SETTINGS_FILE = "briefing.yaml"

TLP_LABELS = ("TLP:CLEAR", "TLP:GREEN", "TLP:AMBER", "TLP:AMBER+STRICT", "TLP:RED")
"""The Traffic Light Protocol 2.0 labels a marking may take."""

FORMATS = ("pdf", "docx", "json", "md", "csv", "timelinejs", "timelinejs-csv", "sources")
"""Output formats ``build`` knows."""

DEFAULT_FORMATS = ("pdf", "docx", "json")
"""What ``build`` writes when no ``--format`` is given."""


class Citations(enum.StrEnum):
    """How documents cite their sources."""

    MARKS = "marks"
    """Numbered ``[k]`` marks linked to the Sources list."""
    FOOTNOTES = "footnotes"
    """Footnotes (Word) and per-page notes (PDF)."""


@dataclass(frozen=True, slots=True, kw_only=True)
class Options:
    """Everything a run needs to know besides the articles themselves."""

    inputs: tuple[Path, ...] = (Path("inputs"),)
    """Project folders; each has ``articles/`` and may have ``briefing.yaml``."""
    out: Path = Path("out")
    """Where documents are written."""
    formats: tuple[str, ...] = DEFAULT_FORMATS
    """Which outputs to write."""
    title: str = "Briefing"
    subtitle: str = ""
    author: str = ""
    """Author or organisation shown in the title block."""
    marking: str = ""
    """A TLP 2.0 label for header and footer, or "" for none."""
    template: str = "briefing"
    """A template name (looked up in the project's ``templates/``, then the package) or a path."""
    language: str = "en"
    """Language of the briefing itself (document language, labels)."""
    summary: str = ""
    """The analyst's bottom line up front; an empty summary leaves a space to fill in."""
    citations: Citations = Citations.MARKS
    reviewed_only: bool = False
    """Leave events with status ``new`` out of the documents."""
    today: dt.date = field(default_factory=clock.today)
    """The briefing's date: today, or ``SOURCE_DATE_EPOCH``'s day when that is set."""
    keywords: tuple[str, ...] = field(default_factory=tuple)
    max_events: int | None = None
    """The most key events the Chronology section shows; None chooses from the collection's
    size and time span."""
    annex: bool = False
    """Add the annex "Full chronology" (every placed event not among the key events)."""
    reproducible: bool = field(default_factory=clock.pinned)
    """Byte-identical outputs for identical inputs (on when ``SOURCE_DATE_EPOCH`` is set)."""


_KEYS: dict[str, type] = {
    "title": str,
    "subtitle": str,
    "author": str,
    "marking": str,
    "template": str,
    "language": str,
    "summary": str,
    "citations": str,
    "keywords": list,
    "max_events": int,
    "annex": bool,
}


def _load_yaml(path: Path) -> Any:
    # Imported here: `briefing --help` and other small commands never read YAML.
    from ruamel.yaml import YAML
    from ruamel.yaml.error import MarkedYAMLError, YAMLError

    try:
        text = path.read_text(encoding="utf-8-sig")
    except OSError as error:
        raise InputError(f"cannot read the settings file ({error.strerror})", path=path) from error
    except UnicodeDecodeError as error:
        raise InputError(
            "the settings file is not UTF-8 text; save it as UTF-8", path=path
        ) from error
    try:
        return YAML(typ="safe", pure=True).load(text)
    except MarkedYAMLError as error:
        line = error.problem_mark.line + 1 if error.problem_mark is not None else None
        raise InputError(
            f"invalid YAML ({error.problem}); fix the syntax of this line", path=path, line=line
        ) from error
    except YAMLError as error:
        raise InputError(f"invalid YAML ({error})", path=path) from error


def read_settings(folder: Path) -> dict[str, Any]:
    """The validated settings of ``folder/briefing.yaml``; ``{}`` when the file is absent."""
    path = folder / SETTINGS_FILE
    if not path.is_file():
        return {}
    data = _load_yaml(path)
    if data is None:
        return {}
    if not isinstance(data, dict):
        raise InputError("settings must be a mapping of `key: value` lines", path=path, line=1)
    settings: dict[str, Any] = {}
    for key, value in data.items():
        expected = _KEYS.get(str(key))
        if expected is None:
            known = ", ".join(sorted(_KEYS))
            raise InputError(f"unknown setting {shown(key)}; the settings are: {known}", path=path)
        if value is None:
            continue
        if not isinstance(value, expected):
            raise InputError(f"setting {shown(key)} must be a {expected.__name__}", path=path)
        settings[str(key)] = value
    _check_values(settings, path)
    return settings


def _check_values(settings: dict[str, Any], path: Path) -> None:
    marking = settings.get("marking", "")
    if marking and marking not in TLP_LABELS:
        raise InputError(
            f"marking {shown(marking)} is not a TLP 2.0 label; use one of {', '.join(TLP_LABELS)} "
            "or leave it empty",
            path=path,
        )
    limit = settings.get("max_events")
    if limit is not None and (isinstance(limit, bool) or limit < 1):
        raise InputError("max_events must be a whole number of at least 1", path=path)
    citations = settings.get("citations", Citations.MARKS.value)
    if citations not in {c.value for c in Citations}:
        raise InputError("citations must be `marks` or `footnotes`", path=path)


def options_from(settings: dict[str, Any], **overrides: Any) -> Options:
    """Options from validated settings, with command-line values taking precedence."""
    values: dict[str, Any] = {key: value for key, value in settings.items() if key != "keywords"}
    if "keywords" in settings:
        values["keywords"] = tuple(str(word) for word in settings["keywords"])
    if "citations" in values:
        values["citations"] = Citations(values["citations"])
    values.update({key: value for key, value in overrides.items() if value is not None})
    return Options(**values)


def load_options(inputs: Path | tuple[Path, ...], **overrides: Any) -> Options:
    """The options of a project as the command line sees them: the first folder's
    ``briefing.yaml``, then ``overrides`` (None means "as the settings say")."""
    folders = (inputs,) if isinstance(inputs, Path) else inputs
    return options_from(read_settings(folders[0]), inputs=folders, **overrides)
