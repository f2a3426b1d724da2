"""briefing: a folder of news articles in, a dated and cited chronology out (PDF, Word, JSON)."""

__version__ = "0.1.0"
