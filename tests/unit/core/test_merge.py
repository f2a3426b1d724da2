"""Merging reports of one event: same event merged with every source, others kept apart."""

from __future__ import annotations

import random

from hypothesis import given
from hypothesis import strategies as st

from briefing.chronology import compatible_dates, order, run_weights, same_event
from briefing.model import Event, SourceRef, Status
from briefing.render.citations import Citer
from briefing.render.compose import EventEntry
from tests.factories import article, event

ARTICLES = (article("a"), article("b"), article("c"))

EXPLOSION_A = "The Deepwater Horizon rig exploded on 20 April, killing 11 workers off Louisiana."
EXPLOSION_B = "An explosion destroyed the Deepwater Horizon rig off Louisiana, killing 11 workers."
HEARING = "Lawmakers questioned the chief executive about safety at a congressional hearing."
FILLER = [
    "Shares in the company fell sharply in London trading.",
    "Fishermen in the state say their season is ruined.",
    "The coast guard sent ships to protect the marshes.",
    "Engineers lowered a containment dome over the leak.",
]


def run(*events: Event) -> tuple[Event, ...]:
    return order(list(events), ARTICLES).events


def test_same_event_from_two_articles_is_merged_citing_both() -> None:
    first = event("2010-04-20", EXPLOSION_A, article="a")
    second = event("2010-04-20", EXPLOSION_B, article="b")
    merged = run(
        first, second, *(event("2010-05-01", t, article="c", start=i) for i, t in enumerate(FILLER))
    )
    [explosion] = [e for e in merged if e.date.value == "2010-04-20"]
    assert {ref.article for ref in explosion.sources} == {"a", "b"}


def test_different_events_on_the_same_day_are_never_merged() -> None:
    first = event("2010-04-20", EXPLOSION_A, article="a")
    other = event("2010-04-20", HEARING, article="b")
    assert len(run(first, other)) == 2


def test_same_text_on_incompatible_dates_is_never_merged() -> None:
    first = event("2010-04-20", EXPLOSION_A, article="a")
    later = event("2010-04-21", EXPLOSION_A, article="b")
    assert len(run(first, later)) == 2


def test_a_day_merges_into_its_month_and_the_day_is_kept() -> None:
    day = event("2010-04-20", EXPLOSION_A, article="a")
    month = event("2010-04", EXPLOSION_B, article="b")
    [merged] = run(day, month)
    assert merged.date.value == "2010-04-20"
    assert len(merged.sources) == 2


def test_a_year_is_too_vague_to_hold_a_day() -> None:
    assert not compatible_dates(event("2010"), event("2010-04-20"))
    assert compatible_dates(event("2010"), event("2010"))
    assert compatible_dates(event("2010-04"), event("2010-04-20"))


def test_number_conflicts_are_kept_and_flagged() -> None:
    first = event(
        "2025-09-17",
        "Jihadi attacks in Bamako killed 84 police recruits at the school.",
        article="a",
    )
    second = event(
        "2025-09-17",
        "Jihadi attacks in Bamako killed 100 police recruits at the school.",
        article="b",
    )
    [merged] = run(first, second)
    assert "killed: 84 / 100" in merged.differences


def test_agreeing_sources_record_no_difference() -> None:
    first = event("2010-04-20", EXPLOSION_A, article="a")
    second = event("2010-04-20", EXPLOSION_B, article="b")
    [merged] = run(first, second)
    assert merged.differences == ()


def test_curated_events_are_never_merged_together() -> None:
    first = event("2010-04-20", EXPLOSION_A, article="a", status=Status.EDITED)
    second = event("2010-04-20", EXPLOSION_B, article="b", status=Status.MANUAL)
    assert len(run(first, second)) == 2


def test_a_curated_event_absorbs_a_machine_duplicate_and_stays_shown() -> None:
    edited = event("2010-04", EXPLOSION_B, article="b", status=Status.EDITED)
    fresh = event("2010-04-20", EXPLOSION_A, article="a")
    [merged] = run(edited, fresh)
    assert merged.id == edited.id
    assert merged.text == EXPLOSION_B
    assert [ref.article for ref in merged.sources] == ["b", "a"]


def test_same_event_is_the_decision_the_chronology_uses() -> None:
    first = event("2010-04-20", EXPLOSION_A, article="a")
    second = event("2010-04-20", EXPLOSION_B, article="b")
    weights = run_weights([first, second, event("2010-04-20", HEARING, article="c")])
    assert same_event(first, second, weights)
    assert not same_event(first, event("2010-04-21", EXPLOSION_B, article="b"), weights)


def test_independent_sources_are_distinct_publishers() -> None:
    articles = [article(i, publisher=p) for i, p in [("a", "BBC"), ("b", "BBC"), ("c", "Reuters")]]
    reported = Event(
        id="ev-1",
        date=event("2010").date,
        text="Something happened.",
        sources=tuple(SourceRef(article=a.id, start=0, end=10) for a in articles),
    )
    entry = EventEntry(event=reported, label="2010", reason="", citer=Citer(articles))
    assert entry.independent == 2
    assert entry.reach == "reported by 3 articles from 2 outlets"


TEXTS = st.sampled_from([EXPLOSION_A, EXPLOSION_B, HEARING, *FILLER])
VALUES = st.sampled_from(["2010-04-20", "2010-04", "2010-04-21", "2010", "XXXX-04-20"])
EVENTS = st.lists(
    st.builds(
        event, VALUES, TEXTS, article=st.sampled_from(["a", "b", "c"]), start=st.integers(0, 30)
    ),
    max_size=10,
    # Extraction makes one event per sentence: a sentence (article, start) is never cited twice.
    unique_by=lambda e: (e.sources[0].article, e.sources[0].start),
)


@given(EVENTS, st.randoms())
def test_merged_chronology_does_not_depend_on_input_order(
    events: list[Event], rng: random.Random
) -> None:
    shuffled = list(events)
    rng.shuffle(shuffled)
    assert order(events, ARTICLES) == order(shuffled, ARTICLES)


@given(EVENTS)
def test_merging_keeps_every_source_exactly_once(events: list[Event]) -> None:
    result = order(events, ARTICLES)
    cited = [ref for e in (*result.events, *result.unplaced) for ref in e.sources]
    assert sorted(cited, key=repr) == sorted((ref for e in events for ref in e.sources), key=repr)
