"""Salience: evidence an analyst can check, the same whatever the order of the input."""

from __future__ import annotations

import datetime as dt
import math
import random

from hypothesis import given, settings
from hypothesis import strategies as st

from briefing.chronology import order
from briefing.chronology.salience import gather, score
from briefing.model import Event
from tests.factories import article, event, said

D = dt.date

ARTICLES = (
    article("a", published=D(2010, 4, 21), publisher="Wire"),
    article("b", published=D(2010, 4, 21), publisher="Daily"),
    article("c", published=D(2010, 5, 30), publisher="Daily"),
    article("d", published=D(2010, 6, 30), publisher="Weekly"),
)


def test_the_evidence_is_counted_in_distinct_articles_outlets_and_later_articles() -> None:
    events = [
        event("2010-04-20", "The rig exploded, killing 11 workers.", article="a"),
        event("2010-04-20", "The rig exploded, killing 11 workers.", article="b"),
        event("2010-04-20", "The rig exploded, killing 11 workers.", article="c"),
        event("2010-04-20", "The rig exploded, killing 11 workers.", article="d"),
    ]
    [merged] = order(events, ARTICLES).events
    salience = merged.salience
    assert salience is not None
    assert (salience.articles, salience.outlets, salience.later) == (4, 3, 2)
    # later articles (c, d) come first, then all four articles, then outlets beyond the first
    expected = math.log1p(2) + 0.25 * math.log1p(4) + 0.25 * math.log1p(2)
    assert salience.score == round(expected, 4)
    assert salience.reasons[:2] == (
        "reported or referred to by 4 articles from 3 outlets",
        "2 later articles mention its date",
    )


def test_a_days_evidence_goes_to_its_main_event_and_a_share_to_the_others() -> None:
    main = [event("2010-04-20", "The rig exploded, killing 11 workers.", article=a) for a in "abc"]
    other = said(
        "On Tuesday lawmakers questioned the interior secretary about permits.",
        "Tuesday",
        "2010-04-20",
        article="d",
    )
    result = order([*main, other], ARTICLES)
    scores = {e.text: e.salience.score for e in result.events if e.salience is not None}
    assert scores[main[0].text] > 2 * scores[other.text] > 0


def test_an_off_topic_sentence_weighs_less_than_one_on_the_story() -> None:
    many = [article(f"s{n}", published=D(2010, 5, 1) + dt.timedelta(days=n)) for n in range(20)]
    story = [
        event("2010-05-01", "BP failed to stop the oil leaking from its well.", article=a.id)
        for a in many
    ]
    on = event("2010-06-01", "BP lowered a new cap onto the leaking oil well.", article="s3")
    off = event("2010-06-02", "Radio listings: a concert of chamber music tonight.", article="s3")
    evidence = gather([*story, on, off], many)
    assert score(on, evidence).score > score(off, evidence).score
    assert "far from the story's main terms" in score(off, evidence).reasons
    assert "far from the story's main terms" not in score(on, evidence).reasons


def test_a_few_articles_say_nothing_of_the_story_unless_the_title_does() -> None:
    off = event("2010-06-02", "Radio listings: a concert of chamber music tonight.", article="c")
    plain = gather([off], ARTICLES)
    assert score(off, plain).story == 1.0
    titled = gather([off], ARTICLES, ("Deepwater Horizon oil spill",))
    assert score(off, titled).story == 0.0


TEXTS = st.sampled_from(
    [
        "The rig exploded, killing 11 workers.",
        "BP lowered a cap onto the leaking well.",
        "Lawmakers questioned the chief executive.",
        "Oil reached the marshes of Louisiana.",
    ]
)
EVENTS = st.lists(
    st.builds(
        event,
        st.sampled_from(["2010-04-20", "2010-04-21", "2010-05", "2010-06-01", "2011"]),
        TEXTS,
        article=st.sampled_from("abcd"),
        start=st.integers(0, 40),
    ),
    max_size=12,
    unique_by=lambda e: (e.sources[0].article, e.sources[0].start),
)


@settings(max_examples=40)
@given(EVENTS, st.randoms())
def test_salience_is_deterministic_and_independent_of_input_order(
    events: list[Event], rng: random.Random
) -> None:
    shuffled = list(events)
    rng.shuffle(shuffled)
    articles = list(ARTICLES)
    rng.shuffle(articles)
    first, second = order(events, ARTICLES), order(shuffled, articles)
    assert [(e.id, e.salience, e.section) for e in first.events] == [
        (e.id, e.salience, e.section) for e in second.events
    ]
