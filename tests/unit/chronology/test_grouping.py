"""One entry per real-world event: back-references join the event they name, and the entry
shows the report that states it as news, with every source."""

from __future__ import annotations

import datetime as dt

from briefing.chronology import order
from briefing.model import Event, Status
from tests.factories import article, said

D = dt.date

# The day's news, and later articles naming it as background (real sentence shapes from the
# 2010 oil-spill collections).
NEWS = said(
    "An explosion on the Deepwater Horizon drilling rig on Tuesday killed 11 workers.",
    "Tuesday",
    "2010-04-20",
    article="news",
)
LATER = [
    said(
        "BP has lost a third of its value since the Deepwater Horizon rig exploded on "
        "20 April, killing 11 workers.",
        "20 April",
        "2010-04-20",
        article="may",
    ),
    said(
        "BP and the US government are under fire for failing to prevent the 20 April "
        "explosion that caused the leak.",
        "the 20 April",
        "2010-04-20",
        article="june",
    ),
    said(
        "Transocean, owner of the Deepwater Horizon rig that exploded on 20 April, paid dividends.",
        "20 April",
        "2010-04-20",
        article="july",
    ),
]
BARE = said(
    "Crude oil has been leaking from a well at the bottom of the sea since 20 April.",
    "20 April",
    "2010-04-20",
    article="june",
    start=500,
)
HEARING = said(
    "On Tuesday, lawmakers in Washington questioned the interior secretary about offshore "
    "permits at a budget hearing.",
    "Tuesday",
    "2010-04-20",
    article="news",
    start=300,
)
ARTICLES = (
    article("news", published=D(2010, 4, 21), publisher="Wire"),
    article("may", published=D(2010, 5, 20), publisher="Daily"),
    article("june", published=D(2010, 6, 3), publisher="Daily"),
    article("july", published=D(2010, 7, 9), publisher="Weekly"),
)


def on_day(events: tuple[Event, ...], day: dt.date) -> list[Event]:
    return [e for e in events if e.date.first_day == day]


def test_back_references_join_the_event_they_name_and_cite_their_articles() -> None:
    result = order([NEWS, *LATER, HEARING], ARTICLES)
    explosions = [e for e in on_day(result.events, D(2010, 4, 20)) if "xplo" in e.text]
    assert len(explosions) == 1
    [explosion] = explosions
    assert {ref.article for ref in explosion.sources} == {"news", "may", "june", "july"}
    assert explosion.references == 3
    assert set(explosion.members) == {NEWS.id, *(e.id for e in LATER)}


def test_the_entry_shows_the_report_that_states_the_event_as_news() -> None:
    result = order([*LATER, NEWS], ARTICLES)
    [explosion] = on_day(result.events, D(2010, 4, 20))
    assert explosion.id == NEWS.id
    assert explosion.text == NEWS.text
    assert explosion.sources[0].article == "news"


def test_two_different_things_reported_on_one_day_stay_two_entries() -> None:
    result = order([NEWS, *LATER, HEARING], ARTICLES)
    texts = [e.text for e in on_day(result.events, D(2010, 4, 20))]
    assert HEARING.text in texts
    assert len(texts) == 2


def test_a_bare_since_reference_counts_for_the_days_main_event() -> None:
    result = order([NEWS, *LATER, BARE, HEARING], ARTICLES)
    [explosion] = [e for e in on_day(result.events, D(2010, 4, 20)) if e.id == NEWS.id]
    assert BARE.id in explosion.members
    assert all(e.id != BARE.id for e in result.events)


def test_bare_references_alone_are_an_unstated_event_never_chosen_by_salience() -> None:
    result = order([BARE], ARTICLES)
    [event] = result.events
    assert event.unstated


def test_differences_come_from_reports_not_from_references() -> None:
    other = said(
        "The Deepwater Horizon rig exploded on Tuesday, and 126 crew were on board.",
        "Tuesday",
        "2010-04-20",
        article="news",
        start=900,
    )
    reference = said(
        "BP has paid 126 claims since the Deepwater Horizon rig exploded on 20 April.",
        "20 April",
        "2010-04-20",
        article="july",
        start=50,
    )
    result = order([NEWS, reference], ARTICLES)
    [explosion] = on_day(result.events, D(2010, 4, 20))
    assert explosion.differences == ()
    assert other.text not in [e.text for e in result.events]


def test_rejecting_the_shown_report_takes_its_event_out() -> None:
    rejected = said(NEWS.text, "Tuesday", "2010-04-20", article="news", status=Status.REJECTED)
    result = order([rejected, *LATER, HEARING], ARTICLES)
    assert [e.text for e in result.events] == [HEARING.text]


def test_a_reference_sentence_is_never_shown_as_its_own_row_beside_its_event() -> None:
    result = order([NEWS, *LATER], ARTICLES)
    shown = {e.text for e in result.events}
    assert not shown & {e.text for e in LATER}


def test_a_later_retelling_with_other_figures_is_no_conflict_between_reports() -> None:
    retold = said(
        "On 20 April the Deepwater Horizon drilling rig exploded with 126 workers on board.",
        "20 April",
        "2010-04-20",
        article="july",
        start=70,
    )
    result = order([NEWS, retold], ARTICLES)
    [explosion] = on_day(result.events, D(2010, 4, 20))
    assert set(explosion.members) == {NEWS.id, retold.id}
    assert explosion.differences == ()
