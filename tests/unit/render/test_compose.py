"""Composing: the template turns the chronology into the document tree, safely."""

from __future__ import annotations

import dataclasses
import datetime as dt
from pathlib import Path

import pytest

from briefing.chronology import order
from briefing.config import Options
from briefing.errors import TemplateError
from briefing.model import (
    Anchor,
    Article,
    Chronology,
    Event,
    Fact,
    Heading,
    Link,
    ListBlock,
    Paragraph,
    Table,
    Text,
)
from briefing.render.citations import Citer
from briefing.render.compose import EventEntry, FactEntry, compose, find_template, markdown
from tests.factories import article, event

OPTIONS = Options(title="Test briefing", author="Desk", today=dt.date(2025, 9, 1))


def chronology_of(*items: Event | Article) -> Chronology:
    events = [item for item in items if isinstance(item, Event)]
    articles = [item for item in items if isinstance(item, Article)]
    return order(events, articles)


def cells(table: Table, column: int) -> list[str]:
    return ["".join(getattr(i, "text", "") for i in row[column]) for row in table.rows]


def test_chronology_table_lists_events_in_order_with_linked_marks() -> None:
    chronology = chronology_of(
        event("2021", "A coup.", article="b"),
        event("2011", "A crisis.", article="a"),
        article("a", title="First"),
        article("b", title="Second"),
    )
    document = compose(chronology, OPTIONS, project=None)
    table = next(block for block in document.blocks if isinstance(block, Table))
    assert cells(table, 0) == ["2011", "2021"]
    assert cells(table, 1) == ["A crisis.", "A coup."]
    marks = [row[2] for row in table.rows]
    assert marks == [
        (Link(target="#source-1", children=(Text(text="[1]"),)),),
        (Link(target="#source-2", children=(Text(text="[2]"),)),),
    ]


def test_each_mark_resolves_to_the_cited_articles_entry() -> None:
    chronology = chronology_of(
        event("2021", "A coup.", article="b"),
        article("a", title="First"),
        article("b", title="Second"),
    )
    document = compose(chronology, OPTIONS, project=None)
    sources = next(block for block in document.blocks if isinstance(block, ListBlock))
    first = sources.items[0][0]
    assert isinstance(first, Paragraph)
    assert first.children[0] == Anchor(id="source-1")
    assert "Second" in "".join(getattr(i, "text", "") for i in first.children)


def test_same_source_cited_twice_keeps_one_number() -> None:
    chronology = chronology_of(
        event("2021", "One.", article="a"),
        event("2022", "Two.", article="a", start=10),
        article("a"),
    )
    text = markdown(chronology, OPTIONS, project=None)
    assert "[\\[1\\]](#source-1)" in text
    assert "source-2" not in text


def test_article_text_with_markup_prints_literally_in_the_table() -> None:
    nasty = "Killed *84* | <b>100</b> & [x](https://evil) {{ title }} {% raw %}"
    chronology = chronology_of(event("2021", nasty), article("a"))
    document = compose(chronology, OPTIONS, project=None)
    table = next(block for block in document.blocks if isinstance(block, Table))
    assert cells(table, 1) == [nasty]


def test_unplaced_events_get_their_own_section_with_the_reason() -> None:
    chronology = chronology_of(event("XXXX-09-17", "Attacks."), article("a"))
    document = compose(chronology, OPTIONS, project=None)
    headings = [
        "".join(getattr(c, "text", "") for c in b.children)
        for b in document.blocks
        if isinstance(b, Heading)
    ]
    assert "Dates that could not be placed" in headings
    table = [block for block in document.blocks if isinstance(block, Table)][-1]
    assert cells(table, 0) == ["September 17 (year unknown)"]
    reasons = next(b for b in document.blocks if isinstance(b, ListBlock))
    reason = reasons.items[0][0]
    assert isinstance(reason, Paragraph)
    said = "".join(getattr(c, "text", "") for c in reason.children)
    assert "the article has no publication date" in said
    assert "published:" not in said  # the fix is for the analyst (briefing check), not the reader
    assert "a.md" not in said  # file names stay out of the document


def test_unknown_template_variable_names_the_template_file_and_line(tmp_path: Path) -> None:
    template = tmp_path / "bad.md.j2"
    template.write_text("# Title\n\n{{ titel }}\n", encoding="utf-8")
    options = Options(template=str(template), today=dt.date(2025, 9, 1))
    with pytest.raises(TemplateError) as caught:
        compose(chronology_of(article("a")), options, project=None)
    assert caught.value.path == template
    assert caught.value.line == 3
    assert "titel" in str(caught.value)


def test_template_syntax_error_names_the_line(tmp_path: Path) -> None:
    template = tmp_path / "bad.md.j2"
    template.write_text("ok\n{% for x in %}\n", encoding="utf-8")
    options = Options(template=str(template), today=dt.date(2025, 9, 1))
    with pytest.raises(TemplateError) as caught:
        compose(chronology_of(article("a")), options, project=None)
    assert caught.value.line == 2


def test_project_template_wins_over_the_packaged_one(tmp_path: Path) -> None:
    (tmp_path / "templates").mkdir()
    own = tmp_path / "templates" / "briefing.md.j2"
    own.write_text("# Mine\n", encoding="utf-8")
    assert find_template("briefing", tmp_path) == own
    assert find_template("briefing", None).parent.name == "templates"


def test_unknown_template_name_lists_the_available_ones() -> None:
    with pytest.raises(TemplateError, match="briefing"):
        find_template("nonexistent", None)


def test_sources_list_gives_author_access_date_and_reliability_grade() -> None:
    source = Article(
        id="a",
        path=Path("articles/a.md"),
        text="Text.",
        title="Mali attack",
        publisher="Le Monde",
        author="Jane Roe",
        url="https://example.org/a",
        published=dt.date(2025, 9, 18),
        accessed=dt.date(2025, 9, 20),
        reliability="B2",
    )
    chronology = chronology_of(event("2025-09-17", "Attack.", article="a"), source)
    document = compose(chronology, OPTIONS, project=None)
    sources = [b for b in document.blocks if isinstance(b, ListBlock)][-1]
    entry = sources.items[0][0]
    assert isinstance(entry, Paragraph)
    said = "".join(
        getattr(c, "text", "")
        or "".join(getattr(x, "text", "") for x in getattr(c, "children", ()))
        for c in entry.children
    )
    for part in (
        "Mali attack",
        "by Jane Roe",
        "Le Monde",
        "18 September 2025",
        "https://example.org/a",
        "Accessed 20 September 2025",
        "(Admiralty): B2",
    ):
        assert part in said, part


SZRU = "Ukraine’s Foreign Intelligence Service (SZRU)"


@pytest.mark.parametrize(
    ("text", "speaker", "claim", "according"),
    [
        # The sentence names the speaker: the entry does not say it twice.
        (f"Wagner is faltering in Mali, {SZRU} said Sunday.", SZRU, "said", ""),
        ("Three people were killed, police said.", "police", "said", ""),
        ("The death toll rose, according to the Red Cross.", "the Red Cross", "according to", ""),
        ("The US Coast Guard said on Friday the leak had grown.", "The US Coast Guard", "said", ""),
        ("The rebels claimed the attack on Monday.", "the rebels", "claimed", ""),
        # The short form is all the sentence gives: the entry spells it out.
        ("The SZRU said deaths quadrupled.", SZRU, "said", f"according to {SZRU}"),
        # An analyst's edited text no longer names the speaker.
        ("Deaths quadrupled in 2022.", "the SZRU", "claimed", "claimed by the SZRU"),
    ],
)
def test_according_is_empty_when_the_sentence_names_the_speaker(
    text: str, speaker: str, claim: str, according: str
) -> None:
    dated = dataclasses.replace(event("2025-08-31", text), attribution=speaker, claim=claim)
    fact = Fact(text=text, sources=dated.sources, attribution=speaker, claim=claim)
    entry = EventEntry(event=dated, label="", reason="", citer=Citer(()))
    assert entry.according == according
    assert FactEntry(fact=fact, citer=Citer(())).according == according
