"""Selection: key events of the news period, background before it, expectations after it."""

from __future__ import annotations

import dataclasses
import datetime as dt

import pytest

from briefing.chronology import order
from briefing.chronology.select import budget
from briefing.model import Event, Section, Status
from tests.factories import article, event, said

D = dt.date

# Forty articles over two months of 2010; every day of coverage has one dated report.
ARTICLES = tuple(
    article(f"n{n:02}", published=D(2010, 4, 26) + dt.timedelta(days=n), publisher="Wire")
    for n in range(40)
)


def daily_news() -> list[Event]:
    """One report per article, dated the day before it was published."""
    return [
        event(
            (D(2010, 4, 25) + dt.timedelta(days=n)).isoformat(),
            f"Officials reported development number {n} of the oil spill response.",
            article=f"n{n:02}",
        )
        for n in range(len(ARTICLES))
    ]


def sections(result_events: tuple[Event, ...]) -> dict[str, Section | None]:
    return {e.text: e.section for e in result_events}


def test_the_chronology_shows_at_most_the_budget_of_key_events() -> None:
    result = order(daily_news(), ARTICLES, max_events=12)
    assert result.budget == 12
    assert sum(1 for e in result.events if e.section is Section.KEY) == 12
    assert len(result.events) == 40  # the rest stays in the data, for the annex


def test_forecasts_go_to_looking_ahead_never_to_the_chronology() -> None:
    forecast = said(
        "By 2050, sea levels in the delta are expected to rise by 40cm, scientists said.",
        "By 2050",
        "2050",
        article="n39",
        start=900,
    )
    vote = event("2010-07-20", "Next month's vote on the drilling moratorium.", article="n39")
    result = order([*daily_news(), forecast, vote], ARTICLES, max_events=12)
    found = sections(result.events)
    assert found[forecast.text] is Section.AHEAD
    assert found[vote.text] is Section.AHEAD
    assert result.period is not None
    assert result.period[1] <= D(2010, 6, 4)  # the latest article's day


def test_forecasts_stay_out_even_when_there_is_nothing_to_select_away() -> None:
    forecast = event("2050", "Sea levels will rise by 2050.", article="n00", start=500)
    result = order([daily_news()[0], forecast], ARTICLES[:1])
    assert sections(result.events)[forecast.text] is Section.AHEAD


def test_events_long_before_the_news_go_to_background() -> None:
    old = [
        event("1989-03-24", "The Exxon Valdez ran aground in Alaska.", article=f"n{n:02}")
        for n in range(5)
    ]
    vague = event("160", "The scientific revolution of the 1600s.", article="n07", start=300)
    year = [
        event("2003", "BP's last safety incident.", article=f"n{n:02}", start=99) for n in (1, 2)
    ]
    result = order([*daily_news(), *old, vague, *year], ARTICLES, max_events=12)
    found = sections(result.events)
    assert found[old[0].text] is Section.BACKGROUND
    assert found[year[0].text] is Section.BACKGROUND  # a year is precise enough for background
    assert found[vague.text] is Section.OTHER  # "the 1600s" is not
    assert result.period is not None
    assert result.period[0] >= D(2010, 1, 1)


def test_with_nothing_to_select_away_every_placed_event_is_a_key_event() -> None:
    events = [event("2011", "A crisis."), event("2021", "A coup.", start=10)]
    result = order(events, (article("a", published=D(2025, 8, 31)),))
    assert [e.section for e in result.events] == [Section.KEY, Section.KEY]


def test_the_analysts_key_status_forces_an_event_into_the_key_events() -> None:
    minor = event("1990-01-01", "A minor matter.", article="n05", status=Status.KEY)
    result = order([*daily_news(), minor], ARTICLES, max_events=5)
    assert sections(result.events)[minor.text] is Section.KEY


def test_a_rejected_event_never_appears_in_any_section() -> None:
    news = daily_news()
    rejected = [*news[:-1], dataclasses.replace(news[-1], status=Status.REJECTED)]
    result = order(rejected, ARTICLES, max_events=5)
    assert news[-1].text not in sections(result.events)


@pytest.mark.parametrize(
    ("articles", "days", "expected"),
    [(2, 0, 10), (100, 61, 18), (287, 279, 39), (5000, 700, 60)],
)
def test_the_default_budget_grows_with_size_and_span_within_ten_to_sixty(
    articles: int, days: int, expected: int
) -> None:
    assert budget(articles, D(2010, 1, 1), D(2010, 1, 1) + dt.timedelta(days=days)) == expected
