"""The benchmark's reading of ``timeline.json``: the tool's ranked key days and the floor's."""

from __future__ import annotations

import datetime as dt
import json
from pathlib import Path
from typing import Any

from benchmarks.tls_select import (
    floor_timeline,
    publication_span,
    read_reference,
    sentences_per_date,
    tool_timeline,
)

SPAN = (dt.date(2010, 4, 20), dt.date(2010, 5, 2))


def event(
    ident: str, start: str, text: str, articles: list[str], precision: str = "day"
) -> dict[str, Any]:
    """An event as ``timeline.json`` writes it (only the fields the benchmark reads)."""
    return {
        "id": ident,
        "date": {"start": start, "end": start, "precision": precision},
        "text": text,
        "sources": [{"article": a, "start": 0, "end": 10} for a in articles],
    }


def timeline() -> dict[str, Any]:
    return {
        "schema": 1,
        "events": [
            event("e1", "2010-04-20", "Rig explodes.", ["a1", "a2", "a3"]),
            event("e2", "2010-04-20", "Eleven workers missing.", ["a1"]),
            # four sentences of one article: the most mentioned day, but one article only
            event("e3", "2010-04-22", "Rig sinks.", ["a2", "a2", "a2", "a2"]),
            event("e4", "2010-05-01", "Spill reaches coast.", ["a4", "a5"]),
            event("e8", "2010-05-01", "Coast guard briefs.", ["a6"], precision="time"),
            # never candidates: a year, a forecast, a day before the first article
            event("e5", "2010-01-01", "A year of drilling.", ["a1", "a2", "a3", "a4"], "year"),
            event("e6", "2050-01-01", "Gulf recovered by 2050.", ["a1", "a2", "a3", "a4", "a5"]),
            event("e7", "2010-04-10", "Rig passes inspection.", ["a1", "a2", "a3", "a4"]),
        ],
        "unplaced": [{"id": "u1", "date": None, "text": "Undated.", "sources": []}],
    }


def test_today_ranking_is_by_distinct_articles_within_the_publication_span() -> None:
    # e1 cites 3 articles, e4 2; e2, e3 and e8 one each (ties by id). Years, forecasts and
    # days before the first article are never candidates, however often cited.
    chosen = tool_timeline(timeline(), SPAN, k=2, per_date=1)
    assert chosen == {
        dt.date(2010, 4, 20): ("Rig explodes.",),
        dt.date(2010, 5, 1): ("Spill reaches coast.",),
    }
    three = tool_timeline(timeline(), SPAN, k=3, per_date=2)
    assert three == {
        dt.date(2010, 4, 20): ("Rig explodes.", "Eleven workers missing."),
        dt.date(2010, 5, 1): ("Spill reaches coast.", "Coast guard briefs."),
        dt.date(2010, 4, 22): ("Rig sinks.",),
    }


def test_salience_scores_rank_when_present_and_key_flags_are_ignored() -> None:
    data = timeline()
    scores = {"e3": 0.9, "e2": 0.8, "e1": 0.5, "e4": 0.5}
    for item in data["events"]:
        item["salience"] = {"score": scores.get(item["id"], 0.1), "reasons": []}
        item["key"] = item["id"] == "e4"
    # Ranking e3, e2, e1 = e4 (ties by id: e1 first): the days 22 April, then 20 April,
    # whose summary starts with its most salient event, e2.
    chosen = tool_timeline(data, SPAN, k=2, per_date=1)
    assert chosen == {
        dt.date(2010, 4, 22): ("Rig sinks.",),
        dt.date(2010, 4, 20): ("Eleven workers missing.",),
    }


def test_floor_takes_the_days_mentioned_most_earlier_first_on_ties() -> None:
    # Sentences dated with each day: 20 April 3 + 1 = 4, 22 April 4, 1 May 2 + 1 = 3.
    assert list(floor_timeline(timeline(), SPAN, k=1, per_date=1)) == [dt.date(2010, 4, 20)]
    floor = floor_timeline(timeline(), SPAN, k=2, per_date=2)
    assert floor == {
        dt.date(2010, 4, 20): ("Rig explodes.", "Eleven workers missing."),
        dt.date(2010, 4, 22): ("Rig sinks.",),
    }


def test_fewer_candidate_days_than_k_gives_a_shorter_timeline() -> None:
    assert len(tool_timeline(timeline(), SPAN, k=10, per_date=1)) == 3
    assert tool_timeline({"events": []}, SPAN, k=5, per_date=1) == {}


def test_the_same_text_is_not_repeated_within_a_day() -> None:
    data = timeline()
    data["events"].append(event("e9", "2010-04-20", "Rig  explodes.", ["a7"]))
    chosen = tool_timeline(data, SPAN, k=1, per_date=3)
    assert chosen[dt.date(2010, 4, 20)] == ("Rig explodes.", "Eleven workers missing.")


def test_publication_span_reads_the_front_matter(tmp_path: Path) -> None:
    texts = {
        "b.md": "---\npublisher: X\npublished: 2010-05-02\n---\nText of published: 2011-01-01\n",
        "a.md": "---\npublished: '2010-04-20'\n---\nText.\n",
        "c.md": "No front matter; published: 2009-01-01\n",
    }
    for name, text in texts.items():
        (tmp_path / name).write_text(text, encoding="utf-8")
    assert publication_span(sorted(tmp_path.glob("*.md"))) == SPAN


def test_reference_sentences_per_date_round_like_news_tls(tmp_path: Path) -> None:
    path = tmp_path / "tl.json"
    entries = [
        {"date": "2010-04-20", "summary": ["One.", "Two."]},
        {"date": "2010-04-22", "summary": ["Three.", "Four.", "Five."]},
    ]
    path.write_text(json.dumps(entries), encoding="utf-8")
    reference = read_reference(path)
    assert reference[dt.date(2010, 4, 22)] == ("Three.", "Four.", "Five.")
    assert sentences_per_date(reference) == 2  # 2.5 rounds half to even, as Python's round
    assert sentences_per_date({dt.date(2010, 4, 20): ()}) == 1
