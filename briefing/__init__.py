"""briefing: a folder of news articles in, a dated and cited chronology out (PDF, Word, JSON).

The public surface is small: ``build("inputs")`` runs the whole job on a project folder as
the command line does (its ``briefing.yaml``, today's date), ``update`` merges new articles
into its timeline; or use the stages one by one (``read`` an article, ``extract`` its events,
``find_dates`` in any text).

Names are imported on first use (PEP 562), so ``import briefing`` and ``briefing --help`` stay
fast: the document libraries load only when a document is written.
"""

from __future__ import annotations

import importlib
import sys
import types
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from briefing.api import build, options, update
    from briefing.config import Options
    from briefing.errors import BriefingError, InputError, RenderError, TemplateError
    from briefing.extract.dates import find_dates
    from briefing.extract.events import extract
    from briefing.ingest import read
    from briefing.model import (
        Article,
        Chronology,
        DateMention,
        Diagnostic,
        Document,
        Event,
        Fact,
        SourceRef,
    )

from briefing.version import __version__

__all__ = [
    "Article",
    "BriefingError",
    "Chronology",
    "DateMention",
    "Diagnostic",
    "Document",
    "Event",
    "Fact",
    "InputError",
    "Options",
    "RenderError",
    "SourceRef",
    "TemplateError",
    "__version__",
    "build",
    "extract",
    "find_dates",
    "options",
    "read",
    "update",
]

_HOMES = {
    "build": "briefing.api",
    "options": "briefing.api",
    "update": "briefing.api",
    "Options": "briefing.config",
    "BriefingError": "briefing.errors",
    "InputError": "briefing.errors",
    "RenderError": "briefing.errors",
    "TemplateError": "briefing.errors",
    "find_dates": "briefing.extract.dates",
    "extract": "briefing.extract.events",
    "read": "briefing.ingest",
    "Article": "briefing.model",
    "Chronology": "briefing.model",
    "DateMention": "briefing.model",
    "Diagnostic": "briefing.model",
    "Document": "briefing.model",
    "Event": "briefing.model",
    "Fact": "briefing.model",
    "SourceRef": "briefing.model",
}
"""Public name -> the module that defines it."""


def __getattr__(name: str) -> Any:
    home = _HOMES.get(name)
    if home is None:
        raise AttributeError(f"module 'briefing' has no attribute {name!r}")
    value = getattr(importlib.import_module(home), name)
    globals()[name] = value  # the next access is a plain lookup
    return value


def __dir__() -> list[str]:
    return sorted(__all__)


class _Package(types.ModuleType):
    """This package's module type: ``briefing.extract`` stays the function.

    Importing the subpackage ``briefing.extract`` would otherwise bind its module over the
    public name; the subpackage is still imported as usual (``from briefing.extract...``).
    """

    def __setattr__(self, name: str, value: object) -> None:
        if name == "extract" and isinstance(value, types.ModuleType):
            return
        super().__setattr__(name, value)


sys.modules[__name__].__class__ = _Package
