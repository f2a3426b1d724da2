"""What the last build or update found, stored so ``status`` and ``check`` need not redo it.

``<project>/.briefing-cache/state.json`` records every article file (size, modification time,
content hash), the timeline file's hash, the counts, the statuses, the event ids and the
diagnostics of the run. ``compare`` tells, from file metadata alone (hashing only files whose
size or time moved), whether the project is still as that run left it and, if not, which
articles were added. Nothing here reads articles, extracts or parses YAML: that is the point.
"""

from __future__ import annotations

import hashlib
import json
import os
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING, Any, Final

from briefing.files import write_atomic
from briefing.model import Diagnostic, Level

if TYPE_CHECKING:
    from collections.abc import Mapping, Sequence

    from briefing.model import Article

__all__ = ["STATE_FILE", "Changes", "Snapshot", "State", "compare", "read", "snapshot", "write"]

STATE_FILE: Final = Path(".briefing-cache") / "state.json"
"""Where, inside the first project folder, the state lives."""
_SCHEMA: Final = 2
_ARTICLES: Final = "articles"
_TIMELINE: Final = "timeline.yaml"

FileKey = tuple[int, int, str]
"""(size, modification time in ns, SHA-256 of the bytes)."""


@dataclass(frozen=True, slots=True, kw_only=True)
class Snapshot:
    """The project's files as they are on disk: articles per folder, and the timeline file."""

    folders: tuple[str, ...]
    """Resolved project folders, in ``--inputs`` order."""
    files: tuple[dict[str, FileKey], ...]
    """Per folder: article file name -> key."""
    timeline: FileKey | None
    """The timeline file's key; None when it does not exist."""


@dataclass(frozen=True, slots=True, kw_only=True)
class State:
    """What the last build or update recorded (see the module docstring)."""

    version: str
    snapshot: Snapshot
    articles: int
    placed: int
    unplaced: int
    statuses: dict[str, int]
    ids: frozenset[str]
    """Every event id in the timeline file as written."""
    diagnostics: tuple[Diagnostic, ...]
    """The run's diagnostics, paths rebased on the folders as given now."""
    removed: tuple[tuple[Path, int, str, str], ...]
    """Lines removed as page furniture: (article file, line, reason, text)."""
    build: str = ""
    """What the last build rendered from besides the articles and the timeline file (settings,
    templates, version: ``pipeline.build_key``); "" after an ``update``, which renders nothing."""
    outputs: dict[str, tuple[int, int]] = field(default_factory=dict)
    """The files the last build wrote: path -> (size, modification time in ns)."""

    def outputs_intact(self) -> bool:
        """Whether every output the last build wrote is still there as it was written."""
        for name, known in self.outputs.items():
            try:
                found = Path(name).stat()
            except OSError:
                return False
            if (found.st_size, found.st_mtime_ns) != known:
                return False
        return bool(self.outputs)


@dataclass(frozen=True, slots=True, kw_only=True)
class Changes:
    """How the project differs from the recorded state."""

    added: tuple[Path, ...]
    """Article files that are new since the run."""
    other: tuple[str, ...]
    """Anything else that changed (an article edited or removed, the timeline file edited,
    another set of folders): reasons to read the project again."""

    @property
    def none(self) -> bool:
        """Whether the project is exactly as the run left it."""
        return not self.added and not self.other


def _hash(path: Path) -> str:
    return hashlib.sha256(path.read_bytes()).hexdigest()


def _key(path: Path, stat: os.stat_result, known: FileKey | None) -> FileKey:
    """The file's key; the hash is reused when size and time match the known key."""
    if known is not None and (stat.st_size, stat.st_mtime_ns) == known[:2]:
        return known
    return (stat.st_size, stat.st_mtime_ns, _hash(path))


def _scan(folder: Path, known: Mapping[str, FileKey]) -> dict[str, FileKey]:
    files: dict[str, FileKey] = {}
    try:
        entries = sorted(os.scandir(folder / _ARTICLES), key=lambda entry: entry.name)
    except OSError:
        return files
    for entry in entries:
        if entry.name.startswith(".") or not entry.is_file():
            continue
        try:
            files[entry.name] = _key(Path(entry.path), entry.stat(), known.get(entry.name))
        except OSError:
            continue  # removed meanwhile
    return files


def snapshot(folders: Sequence[Path], previous: Snapshot | None = None) -> Snapshot:
    """The files of ``folders`` now; hashes are taken from ``previous`` where nothing moved."""
    resolved = tuple(str(folder.resolve()) for folder in folders)
    same = previous is not None and previous.folders == resolved
    files = tuple(
        _scan(folder, previous.files[i] if same and previous is not None else {})
        for i, folder in enumerate(folders)
    )
    timeline = folders[0] / _TIMELINE
    try:
        stat = timeline.stat()
    except OSError:
        return Snapshot(folders=resolved, files=files, timeline=None)
    known = previous.timeline if previous is not None else None
    return Snapshot(folders=resolved, files=files, timeline=_key(timeline, stat, known))


def compare(state: State, now: Snapshot, folders: Sequence[Path]) -> Changes:
    """What changed between the recorded run and ``now``."""
    then = state.snapshot
    if then.folders != now.folders:
        return Changes(added=(), other=("the project folders differ from the last run's",))
    added: list[Path] = []
    other: list[str] = []
    if then.timeline != now.timeline:
        other.append(f"{folders[0] / _TIMELINE} changed")
    for folder, before, after in zip(folders, then.files, now.files, strict=True):
        for name, key in after.items():
            if name not in before:
                added.append(folder / _ARTICLES / name)
            elif before[name] != key:
                other.append(f"{folder / _ARTICLES / name} changed")
        other.extend(f"{folder / _ARTICLES / name} removed" for name in before if name not in after)
    return Changes(added=tuple(added), other=tuple(other))


# ---------------------------------------------------------------------------------------------
# Writing and reading


def _where(path: Path | None, folders: Sequence[Path]) -> list[Any]:
    """A path as (folder index, path inside it), so it can be rebased on another spelling."""
    if path is None:
        return [None, None]
    for index, folder in enumerate(folders):
        try:
            return [index, path.relative_to(folder).as_posix()]
        except ValueError:
            continue
    return [None, path.as_posix()]


def _place(where: list[Any], folders: Sequence[Path]) -> Path | None:
    index, inner = where
    if inner is None:
        return None
    if index is None:
        return Path(inner)
    return Path(folders[index]) / str(inner)


def write(
    folders: Sequence[Path],
    *,
    version: str,
    articles: Sequence[Article],
    placed: int,
    unplaced: int,
    statuses: Mapping[str, int],
    ids: Sequence[str],
    diagnostics: Sequence[Diagnostic],
    build: str = "",
    outputs: Sequence[Path] = (),
) -> None:
    """Record a run that has just written its timeline file (call it after the save); a build
    also records what it rendered from (``build``) and the files it wrote."""
    now = snapshot(folders, read_snapshot(folders))
    data = {
        "schema": _SCHEMA,
        "version": version,
        "folders": list(now.folders),
        "files": [{name: list(key) for name, key in sorted(files.items())} for files in now.files],
        "timeline": list(now.timeline) if now.timeline is not None else None,
        "articles": len(articles),
        "placed": placed,
        "unplaced": unplaced,
        "statuses": dict(sorted(statuses.items())),
        "ids": sorted(ids),
        "diagnostics": [
            [d.level.value, d.code, d.message, *_where(d.path, folders), d.line]
            for d in diagnostics
        ],
        "removed": [
            [*_where(article.path, folders), line.line, line.reason, line.text]
            for article in articles
            for line in article.removed
        ],
        "build": build,
        "outputs": {str(path.resolve()): _written(path) for path in outputs},
    }
    text = json.dumps(data, ensure_ascii=False, separators=(",", ":"))
    write_atomic(folders[0] / STATE_FILE, text.encode("utf-8"))


def _written(path: Path) -> list[int]:
    try:
        found = path.stat()
    except OSError:
        return [-1, -1]
    return [found.st_size, found.st_mtime_ns]


def _load(folders: Sequence[Path]) -> dict[str, Any] | None:
    try:
        data = json.loads((folders[0] / STATE_FILE).read_text(encoding="utf-8"))
    except (OSError, ValueError):
        return None  # never built, or a damaged file: the caller reads the project instead
    if not isinstance(data, dict) or data.get("schema") != _SCHEMA:
        return None
    return data


def _snapshot_of(data: dict[str, Any]) -> Snapshot:
    timeline = data["timeline"]
    return Snapshot(
        folders=tuple(str(folder) for folder in data["folders"]),
        files=tuple(
            {str(name): (int(k[0]), int(k[1]), str(k[2])) for name, k in files.items()}
            for files in data["files"]
        ),
        timeline=(int(timeline[0]), int(timeline[1]), str(timeline[2])) if timeline else None,
    )


def read_snapshot(folders: Sequence[Path]) -> Snapshot | None:
    """The files as the last run saw them, to reuse their hashes; None without a state."""
    data = _load(folders)
    try:
        return _snapshot_of(data) if data is not None else None
    except (KeyError, TypeError, ValueError, IndexError):
        return None


def read(folders: Sequence[Path]) -> State | None:
    """The recorded state of the project; None when there is none or it cannot be read."""
    data = _load(folders)
    if data is None:
        return None
    try:
        return State(
            version=str(data["version"]),
            snapshot=_snapshot_of(data),
            articles=int(data["articles"]),
            placed=int(data["placed"]),
            unplaced=int(data["unplaced"]),
            statuses={str(k): int(v) for k, v in data["statuses"].items()},
            ids=frozenset(str(i) for i in data["ids"]),
            diagnostics=tuple(
                Diagnostic(
                    level=Level(level),
                    code=str(code),
                    message=str(message),
                    path=_place([index, inner], folders),
                    line=line,
                )
                for level, code, message, index, inner, line in data["diagnostics"]
            ),
            removed=tuple(
                (_place([index, inner], folders) or Path(), int(line), str(reason), str(text))
                for index, inner, line, reason, text in data["removed"]
            ),
            build=str(data["build"]),
            outputs={str(k): (int(v[0]), int(v[1])) for k, v in data["outputs"].items()},
        )
    except (KeyError, TypeError, ValueError, IndexError):
        return None
