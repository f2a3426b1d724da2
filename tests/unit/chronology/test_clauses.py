"""Where a sentence's date sits: a report of what happened then, or a reference back to it.

The sentences are real ones from the news collections the project is developed on (the 2010
oil spill), as extraction splits them.
"""

from __future__ import annotations

import pytest

from briefing.chronology.clauses import Role, read

STATEMENTS = [
    ("The rig exploded on 20 April, killing 11 workers.", "20 April"),
    (
        "On Thursday BP said its operation to drill a new relief well to stop the Deepwater "
        "Horizon leak was ahead of schedule.",
        "Thursday",
    ),
    (
        "US officials announced on Friday that they had closed Breton National Wildlife "
        "Refuge to the public after a silver sheen of oil reached the shoreline.",
        "Friday",
    ),
    ("BP said that on Tuesday the well was capped.", "Tuesday"),
    (
        "The blowout preventer that failed was recovered from the Gulf of Mexico on Saturday.",
        "Saturday",
    ),
]


@pytest.mark.parametrize(("text", "phrase"), STATEMENTS)
def test_a_date_in_the_main_clause_dates_what_the_sentence_reports(text: str, phrase: str) -> None:
    start = text.index(phrase)
    assert read(text, start, start + len(phrase)).role is Role.STATEMENT


REFERENCES = [
    (
        "Satellite images found the surface area of the spill from the Deepwater Horizon rig, "
        "which exploded on 20 April with the loss of 11 lives, had increased.",
        "20 April",
        "Deepwater Horizon rig, which exploded on 20 April with the loss of 11 lives",
    ),
    (
        "BP and the US government are under fire for failing to take adequate measures to "
        "prevent the 20 April explosion that caused the leak.",
        "the 20 April",
        "the 20 April explosion that caused the leak",
    ),
    (
        "Some 1,000 barrels of oil a day have been gushing from the well since a drilling rig "
        "exploded and sank off the Louisiana coast last week.",
        "last week",
        "since a drilling rig exploded and sank off the Louisiana coast last week",
    ),
    (
        "Up to 5,000 barrels of oil a day are thought to be spilling into the water after "
        "last week's explosion on a BP-operated rig, which then sank.",
        "last week",
        "last week's explosion on a BP-operated rig",
    ),
    (
        "BP has now lost 44bn of its market capitalization since 20 April, when the "
        "Deepwater Horizon oil rig exploded.",
        "20 April",
        "20 April, when the Deepwater Horizon oil rig exploded",
    ),
    (
        "The two senators had previously lobbied Transocean, owner of the Deepwater Horizon "
        "rig that exploded on 20 April, against paying dividends.",
        "20 April",
        "Deepwater Horizon rig that exploded on 20 April",
    ),
]


@pytest.mark.parametrize(("text", "phrase", "clause"), REFERENCES)
def test_a_date_in_a_background_clause_refers_back_to_the_event_the_clause_names(
    text: str, phrase: str, clause: str
) -> None:
    start = text.index(phrase)
    found = read(text, start, start + len(phrase))
    assert found.role is Role.REFERENCE
    first, last = found.clause
    assert clause in text[first:last]
    assert "surface area" not in text[first:last]  # never the main clause's news


BARE = [
    "If the high end is true, that means nearly 400m litres have spilled since 20 April.",
    "Crude oil has been leaking from a well at the bottom of the sea since 20 April.",
]


@pytest.mark.parametrize("text", BARE)
def test_since_a_date_alone_refers_to_the_day_without_naming_its_event(text: str) -> None:
    start = text.index("20 April")
    assert read(text, start, start + len("20 April")).role is Role.BARE


def test_a_statement_clause_grows_past_a_fronted_date_to_what_happened() -> None:
    text = "On Monday, BP pledged to fund a 10-year research effort on the shoreline."
    start = text.index("Monday")
    found = read(text, start, start + len("Monday"))
    assert found.role is Role.STATEMENT
    assert "pledged to fund" in text[found.clause[0] : found.clause[1]]


def test_a_span_outside_the_text_reads_as_a_statement() -> None:
    assert read("Short.", 3, 40).role is Role.STATEMENT
