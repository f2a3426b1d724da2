"""briefing: a folder of news articles in, a dated and cited chronology out (PDF, Word, JSON).

The public surface is small: run the whole job with ``build(Options(...))``, or use the stages
one by one (``read`` an article, ``extract`` its events, ``find_dates`` in any text).
"""

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
from briefing.pipeline import build, update

__version__ = "0.1.0"

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
    "read",
    "update",
]
