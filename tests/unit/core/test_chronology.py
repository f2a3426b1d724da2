"""Ordering: a total order by date that respects precision, ranges and modifiers."""

from __future__ import annotations

import random

from hypothesis import given
from hypothesis import strategies as st

from briefing.chronology import order
from briefing.model import Event, Mod, Status
from tests.factories import article, event

ARTICLES = (article("a"), article("b"))


def labels(values: list[str]) -> list[str]:
    return [e.date.value for e in order([event(v) for v in values], ARTICLES).events]


def test_coarser_date_comes_before_a_finer_one_starting_the_same_day() -> None:
    assert labels(["2024-07-01", "2024-07", "2024"]) == ["2024", "2024-07", "2024-07-01"]


def test_late_july_sorts_after_first_of_july_and_before_august() -> None:
    late = event("2024-07", mod=Mod.END)
    events = [event("2024-08"), late, event("2024-07-01")]
    ordered = order(events, ARTICLES).events
    assert [(e.date.value, e.date.mod) for e in ordered] == [
        ("2024-07-01", None),
        ("2024-07", Mod.END),
        ("2024-08", None),
    ]


def test_a_range_sorts_at_its_start_before_the_single_year() -> None:
    span = event("2022", end_value="2024")
    ordered = order([event("2023"), event("2022"), span], ARTICLES).events
    assert [(e.date.value, e.date.end_value) for e in ordered] == [
        ("2022", "2024"),
        ("2022", None),
        ("2023", None),
    ]


def test_unanchored_events_are_kept_apart() -> None:
    result = order([event("XXXX-09-17"), event("2021")], ARTICLES)
    assert [e.date.value for e in result.events] == ["2021"]
    assert [e.date.value for e in result.unplaced] == ["XXXX-09-17"]


def test_rejected_and_stale_events_never_appear() -> None:
    events = [event("2021", status=Status.REJECTED), event("2022", status=Status.STALE)]
    result = order(events, ARTICLES)
    assert result.events == ()
    assert result.unplaced == ()


def test_reviewed_only_leaves_new_events_out() -> None:
    events = [event("2021"), event("2022", status=Status.REVIEWED)]
    result = order(events, ARTICLES, reviewed_only=True)
    assert [e.date.value for e in result.events] == ["2022"]


VALUES = st.sampled_from(
    [
        "2021",
        "2022",
        "2022-03",
        "2022-03-01",
        "2022-03-15",
        "199",
        "2022-Q1",
        "2022-W10",
        "2022-SU",
        "XXXX-03-01",
        "2022-03-01T10:00",
    ]
)
EVENTS = st.lists(
    st.builds(
        event,
        VALUES,
        article=st.sampled_from(["a", "b"]),
        start=st.integers(0, 50),
        mod=st.sampled_from([None, Mod.START, Mod.MID, Mod.END]),
    ),
    max_size=12,
    unique_by=lambda e: (e.sources[0].article, e.sources[0].start),  # one event per sentence
)


@given(EVENTS, st.randoms())
def test_order_does_not_depend_on_input_order(events: list[Event], rng: random.Random) -> None:
    shuffled = list(events)
    rng.shuffle(shuffled)
    assert order(events, ARTICLES) == order(shuffled, ARTICLES)


@given(EVENTS)
def test_order_is_idempotent_and_chronological(events: list[Event]) -> None:
    once = order(events, ARTICLES)
    twice = order([*once.events, *once.unplaced], ARTICLES)
    assert once == twice
    starts = [e.date.first_day for e in once.events if e.date.first_day is not None]
    assert len(starts) == len(once.events)
    assert starts == sorted(starts)
