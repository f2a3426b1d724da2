"""Fill in the metadata of an article file the project already holds (``briefing add`` again).

Only the front matter changes: the fields the analyst gave are added where the file has none
(or an empty one), replaced only with ``force``; every other key, comment and the article text
stay byte for byte. Written through a temporary file renamed into place.
"""

from __future__ import annotations

import dataclasses
import datetime as dt
import io
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any

from ruamel.yaml import YAML
from ruamel.yaml.comments import CommentedMap
from ruamel.yaml.error import YAMLError

from briefing.errors import InputError
from briefing.files import write_atomic
from briefing.importers.draft import normalised_url, scalar

if TYPE_CHECKING:
    from pathlib import Path

    from briefing.importers.draft import Overrides

__all__ = ["Completion", "complete"]


@dataclass(frozen=True, slots=True, kw_only=True)
class Completion:
    """What ``complete`` did to a file's front matter."""

    filled: tuple[str, ...] = ()
    """Fields added (the file had none or an empty one)."""
    replaced: tuple[str, ...] = ()
    """Fields whose value changed (only with ``force``)."""
    kept: tuple[str, ...] = ()
    """Fields given that differ from the file's, left as the file has them."""


def _given(overrides: Overrides) -> dict[str, Any]:
    return {
        field.name: getattr(overrides, field.name)
        for field in dataclasses.fields(overrides)
        if getattr(overrides, field.name) not in ("", None)
    }


def _same(key: str, old: Any, new: Any) -> bool:
    if key == "url":
        return normalised_url(str(old)) == normalised_url(str(new))
    if isinstance(new, dt.date):
        return str(old) == new.isoformat()
    return str(old).strip() == str(new).strip()


def _split(text: str) -> tuple[str, str]:
    """(front matter YAML, everything after its closing fence) of an article file."""
    if not text.startswith("---\n"):
        return "", text
    end = text.find("\n---\n", 3)
    if end < 0:
        end = text.find("\n---", 3)
        if end < 0 or text[end + 4 :].strip():
            raise InputError("the front matter is never closed; add a line '---' after it")
        return text[4 : end + 1], ""
    return text[4 : end + 1], text[end + 5 :]


def complete(path: Path, overrides: Overrides, *, force: bool = False) -> Completion:
    """Fill the file's missing front-matter fields from ``overrides`` (replace them if forced).

    Raises:
        InputError: the file cannot be read, or its front matter is not a YAML mapping.
    """
    given = _given(overrides)
    if not given:
        return Completion()
    try:
        text = path.read_text(encoding="utf-8")
    except (OSError, UnicodeDecodeError) as error:
        raise InputError(f"cannot read the article to complete it ({error})", path=path) from error
    try:
        front_text, body = _split(text)
    except InputError as error:
        raise InputError(error.message, path=path, line=1) from error
    yaml = YAML(typ="rt")
    yaml.width = 4096
    yaml.allow_unicode = True
    try:
        front = yaml.load(front_text) if front_text.strip() else CommentedMap()
    except YAMLError as error:
        raise InputError(
            f"malformed front matter ({error}); fix it before adding metadata", path=path
        ) from error
    if not isinstance(front, CommentedMap):
        raise InputError("the front matter is not 'key: value' lines", path=path, line=2)
    filled, replaced, kept = [], [], []
    for key, value in given.items():
        old = front.get(key)
        if old in (None, ""):
            filled.append(key)
        elif _same(key, old, value):
            continue
        elif force:
            replaced.append(key)
        else:
            kept.append(key)
            continue
        front[key] = value if isinstance(value, dt.date) else scalar(str(value))
    done = Completion(filled=tuple(filled), replaced=tuple(replaced), kept=tuple(kept))
    if filled or replaced:
        out = io.StringIO()
        yaml.dump(front, out)
        write_atomic(path, f"---\n{out.getvalue()}---\n{body}".encode())
    return done
