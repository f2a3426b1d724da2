"""The JSON-lines interface of ``briefing dates``: documents in, TIMEX3 annotations out."""

from __future__ import annotations

import json
from typing import Any

import pytest

from briefing.errors import InputError
from briefing.extract.timex_io import tag_lines


def _tag(*docs: dict[str, object]) -> list[dict[str, Any]]:
    return [json.loads(line) for line in tag_lines(json.dumps(d) for d in docs)]


def test_each_document_gives_one_line_with_its_timexes():
    out = _tag({"doc": "a", "dct": "1998-08-07", "text": "He left on Friday."})
    assert out == [
        {
            "doc": "a",
            "timexes": [
                {"start": 11, "end": 17, "text": "Friday", "type": "DATE", "value": "1998-08-07"}
            ],
        }
    ]


def test_a_modifier_is_written_when_there_is_one():
    (out,) = _tag({"doc": "b", "dct": "1998-08-07", "text": "in late July"})
    assert out["timexes"] == [
        {
            "start": 3,
            "end": 12,
            "text": "late July",
            "type": "DATE",
            "value": "1998-07",
            "mod": "END",
        }
    ]


def test_a_year_range_becomes_two_timexes_as_timeml_annotates_it():
    (out,) = _tag({"doc": "c", "dct": "2025-08-31", "text": "in 2022–2024"})
    assert out["timexes"] == [
        {"start": 3, "end": 7, "text": "2022", "type": "DATE", "value": "2022"},
        {"start": 8, "end": 12, "text": "2024", "type": "DATE", "value": "2024"},
    ]


def test_the_language_key_chooses_the_rules():
    (out,) = _tag({"doc": "d", "dct": "2024-09-20", "text": "17 вересня", "language": "uk"})
    assert [(t["text"], t["value"]) for t in out["timexes"]] == [("17 вересня", "2024-09-17")]


def test_a_missing_dct_leaves_relative_dates_unanchored():
    (out,) = _tag({"doc": "e", "text": "on September 17"})
    assert [t["value"] for t in out["timexes"]] == ["XXXX-09-17"]


def test_blank_lines_are_skipped():
    lines = ["", json.dumps({"doc": "f", "dct": "2024-01-01", "text": "now"}), "  "]
    assert len(list(tag_lines(lines))) == 1


def test_bad_json_names_the_line_number():
    lines = [json.dumps({"doc": "g", "dct": "2024-01-01", "text": ""}), "{not json"]
    with pytest.raises(InputError, match="line 2"):
        list(tag_lines(lines))


def test_a_line_without_text_is_an_input_error():
    with pytest.raises(InputError, match="line 1"):
        list(tag_lines([json.dumps({"doc": "h"})]))


def test_a_malformed_dct_is_an_input_error():
    with pytest.raises(InputError, match="bad 'dct'"):
        list(tag_lines([json.dumps({"doc": "i", "dct": "yesterday", "text": "x"})]))
