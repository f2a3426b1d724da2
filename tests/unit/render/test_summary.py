"""The one-page summary: the most salient events of the latest part of the period, never a
forecast, and a Sources list of exactly what the page cites."""

from __future__ import annotations

import datetime as dt
import re

from briefing.chronology import order
from briefing.config import Options
from briefing.model import Event, Inline, ListBlock, Section, Table
from briefing.render.compose import compose
from tests.factories import article, event

D = dt.date
ARTICLES = tuple(
    article(f"a{n:02}", published=D(2010, 4, 21) + dt.timedelta(days=3 * n), title=f"Story {n}")
    for n in range(30)
)
OPTIONS = Options(title="Spill", template="summary", today=D(2010, 8, 1))


def reports() -> list[Event]:
    """One report per article, the day before it; the first day is referred to again later."""
    events = [
        event(
            (a.published - dt.timedelta(days=1)).isoformat() if a.published else "2010",
            f"Officials reported development {n} of the response.",
            article=a.id,
        )
        for n, a in enumerate(ARTICLES)
    ]
    events += [
        event("2010-04-20", "The rig exploded, killing 11 workers.", article=a.id, start=400)
        for a in ARTICLES[10:20]
    ]
    return events


def rows(events: list[Event]) -> list[str]:
    document = compose(order(events, ARTICLES, max_events=10), OPTIONS, project=None)
    table = next(block for block in document.blocks if isinstance(block, Table))
    return ["".join(getattr(i, "text", "") for i in row[1]) for row in table.rows]


def test_the_summary_shows_the_latest_key_events_newest_first() -> None:
    chronology = order(reports(), ARTICLES, max_events=10)
    key = [e.text for e in chronology.events if e.section is Section.KEY]
    shown = rows(reports())
    assert 0 < len(shown) <= 6
    assert shown == list(reversed(key))[: len(shown)]


def test_a_forecast_is_never_among_the_latest_events() -> None:
    forecast = event(
        "2050", "Sea levels will rise by 2050, scientists said.", article="a29", start=900
    )
    assert not any("2050" in text for text in rows([*reports(), forecast]))


def test_the_summary_lists_only_the_sources_it_cites() -> None:
    document = compose(order(reports(), ARTICLES, max_events=10), OPTIONS, project=None)
    table = next(block for block in document.blocks if isinstance(block, Table))
    marks = "".join(getattr(i, "text", "") for row in table.rows for i in _flat(row[2]))
    cited = {int(n) for n in re.findall(r"\[(\d+)\]", marks)}
    sources = [block for block in document.blocks if isinstance(block, ListBlock)][-1]
    assert cited == set(range(1, len(sources.items) + 1))


def _flat(inlines: tuple[Inline, ...]) -> list[Inline]:
    found: list[Inline] = []
    for inline in inlines:
        found.append(inline)
        found.extend(_flat(getattr(inline, "children", ())))
    return found
