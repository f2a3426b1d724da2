"""Small builders of model objects for tests: dates from TIMEX3 values, events, articles."""

from __future__ import annotations

import dataclasses
from pathlib import Path
from typing import TYPE_CHECKING

from briefing.model import (
    Anchoring,
    Article,
    DateMention,
    DateOrigin,
    Event,
    Mod,
    SourceRef,
    Status,
    TimexType,
)
from briefing.timex import interval

if TYPE_CHECKING:
    import datetime as dt


def mention(value: str, *, mod: Mod | None = None, end_value: str | None = None) -> DateMention:
    """A DATE mention of ``value`` as if the text had said it explicitly."""
    span = interval(value, mod, end_value)
    return DateMention(
        start=0,
        end=len(value),
        text=value,
        type=TimexType.DATE,
        value=value,
        precision=span.precision,
        mod=mod,
        end_value=end_value,
        first_day=span.first,
        last_day=span.last,
        anchoring=Anchoring.EXPLICIT if span.first else Anchoring.NONE,
        reason="" if span.first else "the article has no publication date",
    )


def event(
    value: str,
    text: str = "Something happened.",
    *,
    article: str = "a",
    start: int = 0,
    mod: Mod | None = None,
    end_value: str | None = None,
    status: Status = Status.NEW,
) -> Event:
    """An event dated ``value``, cited from ``article`` at ``start``."""
    return Event(
        id=f"ev-{article}-{start}-{value}",
        date=mention(value, mod=mod, end_value=end_value),
        text=text,
        sources=(SourceRef(article=article, start=start, end=start + len(text)),),
        status=status,
    )


def said(
    text: str,
    phrase: str,
    value: str,
    *,
    article: str = "a",
    start: int = 0,
    status: Status = Status.NEW,
) -> Event:
    """An event whose sentence ``text`` dates it by ``phrase`` (found in the text), as
    extraction gives it: the date's span indexes into the sentence."""
    at = text.index(phrase)
    date = dataclasses.replace(mention(value), start=at, end=at + len(phrase), text=phrase)
    return Event(
        id=f"ev-{article}-{start}",
        date=date,
        text=text,
        sources=(SourceRef(article=article, start=start, end=start + len(text)),),
        status=status,
    )


def article(
    article_id: str = "a",
    text: str = "Text.",
    *,
    published: dt.date | None = None,
    title: str = "",
    publisher: str = "",
    url: str = "",
) -> Article:
    """An article held in memory, as ingest would return it."""
    return Article(
        id=article_id,
        path=Path(f"articles/{article_id}.md"),
        text=text,
        title=title,
        publisher=publisher,
        url=url,
        published=published,
        date_origin=DateOrigin.FRONT_MATTER if published else DateOrigin.UNKNOWN,
    )
