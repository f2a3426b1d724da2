"""The chronology for TimelineJS: its JSON format and its spreadsheet template as CSV.

Each placed event becomes a slide whose headline is the event in a few words (the date is
the slide's own), whose text links the sources, and whose group is the outlet that reports
it, so TimelineJS draws a handful of rows rather than one per speaker. Both files follow
TimelineJS3's own reading rules (``TimelineConfig``, the Google-sheet column reader): a year
on every start date, an end date only with a year, no markup in ``display_date`` or ``group``.
"""

from __future__ import annotations

import csv
import html
import io
import json
import re
from typing import TYPE_CHECKING, Any, Final

from briefing.model import Precision
from briefing.render.untitled import first_words
from briefing.timex import day_words, label

if TYPE_CHECKING:
    import datetime as dt

    from briefing.model import Article, Chronology, Event

SHEET_COLUMNS: Final = (
    "Year", "Month", "Day", "Time", "End Year", "End Month", "End Day", "End Time",
    "Display Date", "Headline", "Text", "Media", "Media Credit", "Media Caption",
    "Media Thumbnail", "Type", "Group", "Background",
)  # fmt: skip
"""The header of TimelineJS's Google-sheet template, in its order."""

MAX_GROUPS: Final = 8
"""More outlets than this and grouping stops helping: the slides are left ungrouped."""
SEVERAL: Final = "Several outlets"
_HEADLINE_WORDS: Final = 10
_KEEP: Final = {
    Precision.DAY: ("year", "month", "day"),
    Precision.TIME: ("year", "month", "day"),
    Precision.WEEK: ("year", "month", "day"),
    Precision.MONTH: ("year", "month"),
}
_LEAD_IN: Final = re.compile(
    r"(?:\b(?:on|in|by|since|from|at|during|until|through|as of|early|late|mid|around)\s+)+$",
    re.IGNORECASE,
)
_FORMULA: Final = re.compile(r"^[=+\-@\t\r]")
"""What a spreadsheet would run as a formula at the start of a cell."""


# ---------------------------------------------------------------------------------------------
# What a slide says


def headline(event: Event) -> str:
    """The event in a few words: its sentence without the date phrase, cut to about ten words
    at a clause boundary when there is one ("Officers led by Assimi Goita overthrew the
    president")."""
    text = event.text
    mention = event.date
    if mention.text and text[mention.start : mention.end] == mention.text:
        before = _LEAD_IN.sub("", text[: mention.start])
        text = before + text[mention.end :]
    text = re.sub(r"\s+([,.;:!?])", r"\1", " ".join(text.split()))
    text = text.strip(" ,;:—–-")
    words = text.split()
    if not words:
        return label(mention)
    if len(words) > _HEADLINE_WORDS:
        cut = words[:_HEADLINE_WORDS]
        for index in range(len(cut) - 1, 3, -1):
            if cut[index].endswith((",", ";", ":")):
                cut = cut[: index + 1]
                break
        text = " ".join(cut).rstrip(",;:") + "…"
    else:
        text = text.rstrip(".;:,")
    text = _balanced(text)
    return text[0].upper() + text[1:] if text else label(mention)


def _balanced(text: str) -> str:
    """``text`` without a quotation mark left open or closed alone at either end."""
    for opening, closing in (("“", "”"), ('"', '"'), ("‘", "’")):
        if opening == closing:
            if text.count(opening) % 2:
                text = text.strip(opening + " ")
        elif text.count(opening) != text.count(closing):
            text = text.strip(opening + closing + " ")
    return text


def _outlet(article: Article | None) -> str:
    return article.publisher.strip() if article is not None else ""


def groups(chronology: Chronology) -> dict[str, str]:
    """Event id -> its group: the one outlet reporting it, ``Several outlets``, or "" when
    the outlets are unknown, all one, or too many to be a useful grouping."""
    articles = {article.id: article for article in chronology.articles}
    found: dict[str, str] = {}
    for event in chronology.events:
        outlets = {_outlet(articles.get(ref.article)) for ref in event.sources} - {""}
        found[event.id] = SEVERAL if len(outlets) > 1 else next(iter(outlets)) if outlets else ""
    if not 1 < len(set(found.values()) - {""}) <= MAX_GROUPS:
        return dict.fromkeys(found, "")  # one group says nothing; many clutter
    return found


def _link(article: Article) -> str:
    """A source as HTML: its title linked to its URL (http and https only), outlet, date."""
    title = article.title or first_words(article)
    name = html.escape(f"“{title}”" if article.title else title, quote=False)
    if article.url.lower().startswith(("https://", "http://")):
        name = f'<a href="{html.escape(article.url)}" target="_blank">{name}</a>'
    details = [article.publisher, day_words(article.published) if article.published else ""]
    extra = ", ".join(html.escape(part, quote=False) for part in details if part)
    return f"{name} ({extra})" if extra else name


def text(event: Event, articles: dict[str, Article]) -> str:
    """The slide's text: the sentence, who says so, and the sources linked."""
    parts = [f"<p>{html.escape(event.text, quote=False)}</p>"]
    if event.attribution:
        parts.append(f"<p><i>According to {html.escape(event.attribution, quote=False)}.</i></p>")
    cited: list[str] = []
    for ref in event.sources:
        article = articles.get(ref.article)
        if article is not None and ref.article not in cited:
            cited.append(ref.article)
    if cited:
        links = "; ".join(_link(articles[article_id]) for article_id in cited)
        label_text = "Source" if len(cited) == 1 else "Sources"
        parts.append(f"<p>{label_text}: {links}</p>")
    return "".join(parts)


def _inert(value: str) -> str:
    """A cell a spreadsheet will not run: a leading ``=``, ``+``, ``-`` or ``@`` written as an
    HTML character reference, which TimelineJS shows as the character itself."""
    if _FORMULA.match(value):
        return f"&#{ord(value[0])};{value[1:]}"
    return value


# ---------------------------------------------------------------------------------------------
# JSON


def _date(day: dt.date, precision: Precision) -> dict[str, int]:
    """A TimelineJS date holding only the parts the date really has."""
    values = {"year": day.year, "month": day.month, "day": day.day}
    return {part: values[part] for part in _KEEP.get(precision, ("year",))}


def _ranged(event: Event) -> bool:
    return event.date.end_value is not None or event.date.precision not in _KEEP


def _slide(event: Event, articles: dict[str, Article], group: str) -> dict[str, Any]:
    date = event.date
    assert date.first_day is not None  # only placed events become slides
    assert date.last_day is not None
    slide: dict[str, Any] = {
        "unique_id": event.id,
        "start_date": _date(date.first_day, date.precision),
        "display_date": label(date),
        "text": {
            "headline": html.escape(headline(event), quote=False),
            "text": text(event, articles),
        },
    }
    if _ranged(event) and _date(date.last_day, date.precision) != slide["start_date"]:
        slide["end_date"] = _date(date.last_day, date.precision)
    if group:
        slide["group"] = group
    return slide


def write_json(chronology: Chronology, title: str, subtitle: str = "") -> bytes:
    """The placed events in TimelineJS's JSON format (a ``title`` slide, then ``events``)."""
    articles = {article.id: article for article in chronology.articles}
    grouped = groups(chronology)
    data = {
        "title": {
            "text": {
                "headline": html.escape(title, quote=False),
                "text": html.escape(subtitle, quote=False),
            }
        },
        "events": [_slide(event, articles, grouped[event.id]) for event in chronology.events],
    }
    return (json.dumps(data, ensure_ascii=False, indent=2) + "\n").encode("utf-8")


# ---------------------------------------------------------------------------------------------
# The spreadsheet template


def _row(slide: dict[str, Any]) -> dict[str, str]:
    start, end = slide.get("start_date", {}), slide.get("end_date", {})
    row = dict.fromkeys(SHEET_COLUMNS, "")
    row.update(
        {
            "Year": str(start.get("year", "")),
            "Month": str(start.get("month", "")),
            "Day": str(start.get("day", "")),
            "End Year": str(end.get("year", "")),
            "End Month": str(end.get("month", "")),
            "End Day": str(end.get("day", "")),
            "Display Date": _inert(slide.get("display_date", "")),
            "Headline": _inert(slide["text"]["headline"]),
            "Text": _inert(slide["text"]["text"]),
            "Group": _inert(html.escape(slide.get("group", ""), quote=False)),
        }
    )
    return row


def write_csv(chronology: Chronology, title: str, subtitle: str = "") -> bytes:
    """The same slides as rows of TimelineJS's Google-sheet template (paste below its header,
    or import the file): a ``title`` row, then one row per placed event."""
    data = json.loads(write_json(chronology, title, subtitle))
    buffer = io.StringIO(newline="")
    writer = csv.DictWriter(buffer, fieldnames=SHEET_COLUMNS, lineterminator="\r\n")
    writer.writeheader()
    title_row = dict.fromkeys(SHEET_COLUMNS, "")
    title_row.update(
        Headline=_inert(data["title"]["text"]["headline"]),
        Text=_inert(data["title"]["text"]["text"]),
        Type="title",
    )
    writer.writerow(title_row)
    for slide in data["events"]:
        writer.writerow(_row(slide))
    return buffer.getvalue().encode("utf-8")
