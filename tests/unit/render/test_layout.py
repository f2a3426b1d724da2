"""Layout decisions the two writers share: dates, markings, anchors and column widths."""

from __future__ import annotations

import datetime as dt

import pytest

from briefing.model import (
    Anchor,
    Document,
    DocumentMeta,
    Emphasis,
    LineBreak,
    Link,
    ListBlock,
    Paragraph,
    Strong,
    Table,
    Text,
)
from briefing.render._layout import (
    Tlp,
    anchor_ids,
    column_widths,
    format_date,
    marking_colours,
    plain_text,
    title_block_lines,
    tlp_colour,
    xml_safe,
)


def _chars(text: str) -> float:
    return float(len(text))


@pytest.mark.parametrize(
    ("day", "expected"),
    [
        (dt.date(2026, 11, 26), "26 November 2026"),
        (dt.date(2025, 8, 1), "1 August 2025"),
    ],
)
def test_briefing_date_is_day_month_name_year_without_leading_zero(day, expected):
    assert format_date(day) == expected


def test_title_block_lines_leave_out_what_is_not_set():
    meta = DocumentMeta(title="T", author="Unit", date=dt.date(2026, 11, 26))
    assert title_block_lines(meta) == (("Prepared by", "Unit"), ("Date", "26 November 2026"))


@pytest.mark.parametrize(
    ("marking", "expected"),
    [
        ("TLP:RED", Tlp.RED),
        ("TLP:AMBER+STRICT", Tlp.AMBER),
        ("tlp:green", Tlp.GREEN),
        ("TLP:CLEAR", Tlp.CLEAR),
        ("TLP:WHITE", None),
        ("OFFICIAL", None),
    ],
)
def test_tlp_colour_of_a_label(marking, expected):
    assert tlp_colour(marking) == expected


def test_tlp_labels_are_coloured_text_on_black():
    assert marking_colours("TLP:AMBER").text == "#FFC000"
    assert marking_colours("TLP:RED").text == "#FF2B2B"
    assert marking_colours("TLP:GREEN").text == "#33FF00"
    assert marking_colours("TLP:CLEAR").text == "#FFFFFF"
    assert {marking_colours(f"TLP:{c}").background for c in Tlp} == {"#000000"}


def test_a_marking_that_is_not_tlp_is_black_on_white():
    assert marking_colours("OFFICIAL").text == "#000000"
    assert marking_colours("OFFICIAL").background == "#FFFFFF"


def test_plain_text_flattens_formatting_and_links():
    inlines = (
        Strong(children=(Text(text="a"),)),
        Emphasis(children=(Link(target="#x", children=(Text(text="b"),)),)),
        Anchor(id="x"),
        LineBreak(),
        Text(text="c"),
    )
    assert plain_text(inlines) == "ab\nc"


def test_anchor_ids_are_found_in_lists_and_table_cells():
    document = Document(
        meta=DocumentMeta(title="T"),
        blocks=(
            ListBlock(
                ordered=True,
                items=((Paragraph(children=(Anchor(id="source-1"),)),),),
            ),
            Table(
                header=((Text(text="h"),),),
                rows=(((Strong(children=(Anchor(id="row-1"),)),),),),
            ),
        ),
    )
    assert anchor_ids(document) == frozenset({"source-1", "row-1"})


def test_xml_safe_drops_control_characters_but_keeps_whitespace():
    assert xml_safe("a\x00b\x07c\td\ne") == "abc\td\ne"


def test_columns_that_fit_keep_their_content_width_and_the_text_column_takes_the_rest():
    dates = ["Date", "17 September 2024", "2011"]
    events = ["Event", "word " * 200]
    marks = ["Sources", "[1] [2]"]
    widths = column_widths([dates, events, marks], 100.0, _chars, padding=2.0)
    assert sum(widths) == pytest.approx(100.0)
    assert widths[0] == pytest.approx(len("17 September 2024") + 2.0)
    assert widths[2] == pytest.approx(len("Sources") + 2.0)
    assert widths[1] > 60


def test_short_tables_are_stretched_to_the_full_width_in_proportion():
    widths = column_widths([["ab"], ["abcdef"]], 80.0, _chars)
    assert widths == pytest.approx((20.0, 60.0))


def test_many_wide_columns_each_keep_their_longest_word():
    columns = [["x" * 12 + " " + "y " * 40] for _ in range(4)]
    widths = column_widths(columns, 100.0, _chars)
    assert sum(widths) == pytest.approx(100.0)
    assert all(width >= 12 for width in widths)


def test_no_columns_no_widths():
    assert column_widths([], 100.0, _chars) == ()


def test_narrow_columns_are_never_squeezed_by_a_wrapping_column_with_long_words():
    marks = ["Sources", "[1]"]
    words = ["Event", "incomprehensibilities " * 30]
    widths = column_widths([["September 17 (year unknown)"], words, marks], 120.0, _chars, 2.0)
    assert widths[0] == pytest.approx(len("September 17 (year unknown)") + 2.0)
    assert widths[2] == pytest.approx(len("Sources") + 2.0)
    assert sum(widths) == pytest.approx(120.0)
