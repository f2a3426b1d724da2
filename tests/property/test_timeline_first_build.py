"""A first build reads its new entries from memory: the same entries as parsing the text.

``merge`` skips parsing the text it just dumped when every entry is new; whatever the
sentences hold (quotes, colons, line breaks, control characters, any script), reading the
document with the lines ``mark_new_lines`` finds must equal reading the parsed text.
"""

from __future__ import annotations

import dataclasses
from pathlib import Path

from hypothesis import given
from hypothesis import strategies as st

from briefing.model import Anchoring, DateMention, Event, Mod, SourceRef, TimexType
from briefing.timeline.entries import read_entries
from briefing.timeline.file import HEADER, dump, entries_of, mark_new_lines, new_entry, parse
from briefing.timex import interval

PATH = Path("timeline.yaml")
VALUES = ("2010", "2010-04", "2010-04-20", "2010-W16", "2010-Q2", "XXXX-04-20", "2010-04-20T10:00")
ARTICLES = ("bbc-1", "a b", "x: y", "'q'", "é", "12", "- z")
WORDS = st.text(max_size=20) | st.sampled_from(
    ["", " ", "a: b", "# x", "- x", "'q'", '"q"', "a\nb", "a\n  - b", "yes", "null", "12", "1e3"]
)


@st.composite
def events(draw: st.DrawFn) -> Event:
    value = draw(st.sampled_from(VALUES))
    span = interval(value)
    n = draw(st.integers(min_value=0, max_value=10**6))
    return Event(
        id=f"{draw(st.sampled_from(['a', 'b-1', 'x y']))}-{n}",
        date=DateMention(
            start=0,
            end=0,
            text="",
            type=TimexType.DATE,
            value=value,
            precision=span.precision,
            mod=draw(st.none() | st.sampled_from(Mod)),
            first_day=span.first,
            last_day=span.last,
            anchoring=Anchoring.EXPLICIT if span.first else Anchoring.NONE,
        ),
        text=draw(WORDS),
        attribution=draw(WORDS),
        claim=draw(WORDS),
        notes=draw(WORDS),
        sources=tuple(
            SourceRef(article=article, start=n, end=n + 5)
            for article in draw(st.lists(st.sampled_from(ARTICLES), max_size=3))
        ),
    )


@given(st.lists(events(), max_size=6, unique_by=lambda event: event.id))
def test_new_entries_read_from_memory_equal_the_parsed_text(fresh: list[Event]) -> None:
    document = parse(HEADER, PATH)
    entries_of(document).extend(new_entry(event) for event in fresh)
    text = dump(document)
    if mark_new_lines(document, text):
        assert read_entries(document, PATH) == read_entries(parse(text, PATH), PATH)


def test_plain_new_entries_take_the_fast_path() -> None:
    document = parse(HEADER, PATH)
    span = interval("2010-04-20")
    event = Event(
        id="bbc-1",
        date=DateMention(
            start=0,
            end=0,
            text="",
            type=TimexType.DATE,
            value="2010-04-20",
            precision=span.precision,
            first_day=span.first,
            last_day=span.last,
        ),
        text="The rig exploded: 11 workers died.",
        sources=(SourceRef(article="bbc-1", start=0, end=34),),
    )
    other = dataclasses.replace(event, id="bbc-2")
    entries_of(document).extend([new_entry(event), new_entry(other)])
    text = dump(document)
    assert mark_new_lines(document, text)
    reading = read_entries(document, PATH)
    header = HEADER.count("\n")
    assert [entry.line for entry in reading.entries] == [header + 1, header + 10]
    assert reading == read_entries(parse(text, PATH), PATH)
