"""The Sources list as CSL-JSON (``sources.json``), the format Zotero, Mendeley and pandoc's
citeproc import.

One item per article, in the order the documents number them (``citation-label`` is that
number), so a reference manager holds the same list the reader sees. Article ids are the
citation keys (``[@id]`` in pandoc).
"""

from __future__ import annotations

import json
from typing import TYPE_CHECKING, Any

from briefing.render.compose import number_sources
from briefing.render.untitled import first_words

if TYPE_CHECKING:
    import datetime as dt
    from collections.abc import Sequence

    from briefing.model import Article, Chronology
    from briefing.render.citations import SourceEntry


def _date(day: dt.date) -> dict[str, Any]:
    return {"date-parts": [[day.year, day.month, day.day]]}


def item(article: Article, number: int) -> dict[str, Any]:
    """One article as a CSL-JSON item."""
    data: dict[str, Any] = {
        "id": article.id,
        "type": "article-newspaper" if article.publisher else "article",
        "citation-label": str(number),
        "title": article.title or first_words(article),
    }
    if article.publisher:
        data["container-title"] = article.publisher
    if article.author:
        # A byline is kept whole: splitting "Jean-Marie Le Pen" or "Ng Wei Ling" into family
        # and given names by position would be wrong as often as right.
        data["author"] = [{"literal": name.strip()} for name in _names(article.author)]
    if article.published is not None:
        data["issued"] = _date(article.published)
    if article.accessed is not None:
        data["accessed"] = _date(article.accessed)
    if article.url:
        data["URL"] = article.url
    if article.language:
        data["language"] = article.language
    if article.reliability:
        data["note"] = f"Source grade (Admiralty): {article.reliability}"
    return data


def _names(byline: str) -> list[str]:
    """The people of a byline: "A. Smith and B. Jones" -> two names."""
    parts = [byline]
    for separator in (" and ", " & ", ";"):
        parts = [piece for part in parts for piece in part.split(separator)]
    return [part for part in (p.strip(" ,") for p in parts) if part]


def write(chronology: Chronology, sources: Sequence[SourceEntry] | None = None) -> bytes:
    """``sources.json``: every source the documents cite as CSL-JSON, numbered as they number
    it (``sources``, from the rendering; without it, as the default briefing cites them)."""
    entries = number_sources(chronology).values() if sources is None else sources
    items = [item(entry.article, entry.number) for entry in entries]
    return (json.dumps(items, ensure_ascii=False, indent=2) + "\n").encode("utf-8")
