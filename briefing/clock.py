"""The briefing's date: the one place the library reads the clock.

``SOURCE_DATE_EPOCH`` (reproducible-builds.org) pins it, so the same inputs give byte-identical
outputs; without it a briefing is dated the day it is built.
"""

from __future__ import annotations

import datetime as dt
import os

__all__ = ["pinned", "today"]


def pinned() -> bool:
    """Whether ``SOURCE_DATE_EPOCH`` pins the date (and asks for reproducible outputs)."""
    return os.environ.get("SOURCE_DATE_EPOCH", "").strip().isdigit()


def today() -> dt.date:
    """``SOURCE_DATE_EPOCH``'s day (UTC) when set, else today's (UTC)."""
    epoch = os.environ.get("SOURCE_DATE_EPOCH", "").strip()
    if epoch.isdigit():
        return dt.datetime.fromtimestamp(int(epoch), tz=dt.UTC).date()
    return dt.datetime.now(tz=dt.UTC).date()
