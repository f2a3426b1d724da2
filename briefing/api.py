"""The Python entry points: ``build`` and ``update`` a project folder as the command line does.

``briefing.build("inputs")`` reads the project's ``briefing.yaml``, dates the briefing today
(or ``SOURCE_DATE_EPOCH``'s day) and writes the default outputs to ``out/``; keyword
arguments override the settings as the command line's flags do. An ``Options`` object is used
as given, for full control.
"""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING, Any

from briefing import pipeline
from briefing.config import Options, load_options

if TYPE_CHECKING:
    import os

__all__ = ["build", "options", "update"]


def options(project: str | os.PathLike[str] | Options = "inputs", **overrides: Any) -> Options:
    """The options a run of ``project`` uses: its ``briefing.yaml``, then ``overrides``.

    ``overrides`` take the names of ``Options`` fields (``out``, ``formats``, ``title``,
    ``marking``, ``template``, ``citations``…); None leaves a setting as the file says.
    """
    if isinstance(project, Options):
        return project
    return load_options(Path(project), **overrides)


def build(
    project: str | os.PathLike[str] | Options = "inputs", *, jobs: int = 1, **overrides: Any
) -> pipeline.Result:
    """Build the briefing of a project folder: timeline merged, every output written.

    Raises:
        BriefingError: the folder is not a project, a setting or template is wrong, or an
            output cannot be written (the message names the file and the fix).
    """
    return pipeline.build(options(project, **overrides), jobs=jobs)


def update(
    project: str | os.PathLike[str] | Options = "inputs", *, jobs: int = 1, **overrides: Any
) -> pipeline.Result:
    """Merge new or changed articles into the project's ``timeline.yaml``; render nothing."""
    return pipeline.update(options(project, **overrides), jobs=jobs)
