"""One hand-built document both writers' tests render: title block, Cyrillic and Ukrainian,
reportlab mini-markup, a chronology table with linked marks, nested lists, numbered sources."""

from __future__ import annotations

import dataclasses
import datetime as dt
from typing import Any

from briefing.model import (
    Align,
    Anchor,
    Block,
    Document,
    DocumentMeta,
    Emphasis,
    Heading,
    LineBreak,
    Link,
    ListBlock,
    Paragraph,
    Rule,
    Strong,
    Table,
    Text,
)

CYRILLIC = "Вагнер в Мали"
UKRAINIAN = "Розвідка України: ї є ґ"
MARKUP = "<b>&<para> & </para>"
URL = "https://example.org/wagner?x=1&y=2"


def text_of(value: str) -> Text:
    return Text(text=value)


def mark(number: int) -> Link:
    return Link(target=f"#source-{number}", children=(text_of(f"[{number}]"),))


def chronology_table(rows: int = 4) -> Table:
    return Table(
        header=((text_of("Date"),), (text_of("Event"),), (text_of("Sources"),)),
        rows=tuple(
            (
                (text_of(f"{day + 1} August 2025"),),
                (text_of(f"Event number {day} happened near Tinzaouaten, {CYRILLIC}."),),
                (mark(1 + day % 2),),
            )
            for day in range(rows)
        ),
        align=(Align.LEFT, Align.LEFT, Align.CENTER),
    )


def sources_list() -> ListBlock:
    return ListBlock(
        ordered=True,
        items=(
            (
                Paragraph(
                    children=(
                        Anchor(id="source-1"),
                        Emphasis(children=(text_of("Wagner's failures in Mali"),)),
                        text_of(". The Kyiv Independent. "),
                        Link(target=URL, children=(text_of(URL),)),
                    )
                ),
            ),
            (
                Paragraph(
                    children=(Anchor(id="source-2"), text_of(f"«{UKRAINIAN}». Українська правда."))
                ),
            ),
        ),
    )


def sample_meta(**changes: Any) -> DocumentMeta:
    meta = DocumentMeta(
        title="Wagner in Mali",
        subtitle="A chronology",
        author="Sahel Analysis Unit",
        date=dt.date(2026, 11, 26),
        period="2011 – 31 August 2025",
        marking="TLP:AMBER",
        language="en",
        subject="Wagner Group in Mali",
        keywords=("Wagner", "Mali"),
    )
    return dataclasses.replace(meta, **changes)


def sample_document(*, rows: int = 4, **meta_changes: Any) -> Document:
    blocks: tuple[Block, ...] = (
        Heading(level=1, children=(text_of("Summary"),)),
        Paragraph(
            children=(
                text_of(f"{CYRILLIC}. {UKRAINIAN}. {MARKUP}"),
                LineBreak(),
                Strong(children=(text_of("bold "), Emphasis(children=(text_of("bold italic"),)))),
            )
        ),
        Heading(level=1, children=(text_of("Chronology"),)),
        chronology_table(rows),
        Heading(level=2, children=(text_of("Dates that could not be placed"),)),
        ListBlock(
            ordered=False,
            items=(
                (
                    Paragraph(children=(text_of("September 17 (year unknown) "), mark(2))),
                    ListBlock(ordered=False, items=((Paragraph(children=(text_of("nested"),)),),)),
                ),
            ),
        ),
        Rule(),
        Heading(level=1, children=(text_of("Sources"),)),
        sources_list(),
    )
    return Document(meta=sample_meta(**meta_changes), blocks=blocks)
