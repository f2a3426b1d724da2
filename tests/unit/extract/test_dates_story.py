"""Dates that follow the story's year, and dates too far in the past to place (issue 11)."""

from __future__ import annotations

import datetime as dt
from typing import TYPE_CHECKING

import pytest

from briefing.cli import main
from briefing.extract.dates import find_dates
from briefing.model import Anchoring

if TYPE_CHECKING:
    from pathlib import Path

REF = dt.date(2024, 9, 20)


def _values(text: str) -> list[tuple[str, str]]:
    return [(m.text, m.value) for m in find_dates(text, reference=REF)]


def test_a_narratives_year_less_frame_follows_the_year_of_the_frame_before():
    text = "In 1939 the war began. In early October the army surrendered. The following year, "
    text += "France fell."
    assert _values(text) == [
        ("1939", "1939"),
        ("early October", "1939-10"),
        ("The following year", "1940"),
    ]


def test_a_year_less_date_inside_a_sentence_stays_with_the_publication():
    # news names old years as background: "agreed in April" is this April
    text = "Talks began in 1998. The rebels agreed in April to a ceasefire."
    assert _values(text) == [("1998", "1998"), ("April", "2024-04")]


def test_a_date_placed_from_the_publication_ends_the_narrative():
    text = "In 1939 the war began. Last week historians met. In October they published."
    (*_, (word, value)) = _values(text)
    assert (word, value[:4]) == ("October", "2024")


def test_a_future_clause_is_not_part_of_the_narrative():
    text = "In 2019 the mine closed. In October it will reopen."
    assert _values(text)[-1] == ("October", "2024-10")


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("The deal was signed on 25 June last year.", ("25 June last year", "2023-06-25")),
        ("It was signed June 25 last year.", ("June 25 last year", "2023-06-25")),
        ("Elections are due on 3 March next year.", ("3 March next year", "2025-03-03")),
    ],
)
def test_a_day_of_last_or_next_year_is_that_day_of_that_year(text, expected):
    assert _values(text) == [expected]


@pytest.mark.parametrize(
    "text",
    [
        "Humans arrived 100,000 to 125,000 years ago.",
        "The site dates from 5,000 years ago.",
        "Les premiers habitants sont arrivés il y a 3000 ans.",
    ],
)
def test_a_date_computed_far_into_the_past_is_left_unplaced_with_a_reason(text):
    language = "fr" if "il y a" in text else "en"
    for mention in find_dates(text, reference=REF, language=language):
        assert not mention.value.startswith("-")
        if mention.value == "PAST_REF":
            assert mention.anchoring is Anchoring.NONE
            assert "too far" in mention.reason


def test_a_far_past_article_builds_and_the_timeline_file_reads_back(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    articles = tmp_path / "articles"
    articles.mkdir()
    (articles / "a.md").write_text(
        "---\npublished: 2024-09-20\nlanguage: en\n---\n"
        "Modern humans reached the region 100,000 to 125,000 years ago, the study said. "
        "The battle of Marathon was fought in 490 BC. The museum opened on 3 May 2021.\n",
        encoding="utf-8",
    )
    args = ["build", "--inputs", str(tmp_path), "--out", str(tmp_path / "out"), "--format", "json"]
    assert main(args) == 0
    assert "-12" not in (tmp_path / "timeline.yaml").read_text(encoding="utf-8")
    assert main(args) == 0  # the file written by the first build is read back without error
