"""Chronology + a Jinja2 Markdown template -> Markdown -> the one ``Document`` all writers render.

Every value a template prints is escaped as Markdown unless it was built as markup here
(``Markup``), so article text prints exactly as written. Jinja2 runs with ``StrictUndefined``:
a misspelt variable is an error naming the template file and line, never an empty hole.
"""

from __future__ import annotations

import html
import re
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING, Any

import jinja2

from briefing.config import Citations
from briefing.errors import TemplateError
from briefing.model import (
    Article,
    Document,
    DocumentMeta,
    Event,
    Fact,
    Inline,
    Paragraph,
    TimelineFigure,
    TimelinePoint,
)
from briefing.render.markdown_tree import escape, parse
from briefing.timex import day_words, label, month_words

if TYPE_CHECKING:
    import datetime as dt
    from collections.abc import Sequence

    from briefing.config import Options
    from briefing.model import Chronology

PACKAGE_TEMPLATES = Path(__file__).resolve().parent.parent / "templates"
TEMPLATE_SUFFIX = ".md.j2"
_ANCHOR_NAME = re.compile(r"[A-Za-z][\w.:-]*")


class Markup(str):
    """Markdown written by this module or a template helper: printed without escaping."""

    __slots__ = ()


def _finalize(value: object) -> object:
    """Escape every printed value unless it is already ``Markup``."""
    if isinstance(value, Markup):
        return value
    if value is None:
        return ""
    return escape(str(value))


def day_label(day: dt.date | None) -> str:
    """A calendar day as documents write it: "31 August 2025"."""
    return day_words(day) if day is not None else ""


@dataclass(frozen=True, slots=True, kw_only=True)
class SourceEntry:
    """One numbered entry of the Sources list, as templates see it."""

    number: int
    anchor: str
    article: Article
    published: str
    accessed: str
    footnote: bool = False
    """Cite as a footnote (``citations: footnotes``) rather than a linked ``[k]`` mark."""

    @property
    def mark(self) -> Markup:
        """The citation: a ``[k]`` mark linked to this entry, or the marker of its note.

        The note marker is inert HTML the Markdown tree turns into a ``Note`` holding
        ``citation``; in the Markdown export it still reads as a superscript ``[k]``.
        """
        if self.footnote:
            return Markup(f'<sup data-note="{self.anchor}">[{self.number}]</sup>')
        return Markup(f"[\\[{self.number}\\]](#{self.anchor})")

    @property
    def citation(self) -> Markup:
        """The entry as one line of Markdown: title, publisher, date, URL (a note's text)."""
        article = self.article
        title = escape(f"“{article.title}”") if article.title else "*Untitled article*"
        parts = [title, *(escape(p) for p in (article.publisher, self.published) if p)]
        text = ", ".join(parts) + "."
        if article.url:
            text += f" [{escape(article.url)}](<{article.url}>)"
        return Markup(text)


_CLAIM_PHRASES = {
    "claimed": "claimed by",
    "reported": "reported by",
    "denied": "denied by",
    "estimated": "estimated by",
}
"""How a claim kind reads before the speaker; everything else reads "according to"."""


@dataclass(frozen=True, slots=True, kw_only=True)
class EventEntry:
    """One event as templates see it: its date label, text, sources and flags."""

    event: Event
    label: str
    sources: tuple[SourceEntry, ...]
    reason: str

    @property
    def marks(self) -> Markup:
        """All citation marks of the event, in source order (notes written without spaces)."""
        separator = "" if any(source.footnote for source in self.sources) else " "
        return Markup(separator.join(source.mark for source in self.sources))

    @property
    def text(self) -> str:
        """The event's sentence."""
        return self.event.text

    @property
    def according(self) -> str:
        """Who the event is attributed to, as a phrase: "according to the SZRU", or ""."""
        speaker = self.event.attribution
        if not speaker:
            return ""
        verb = _CLAIM_PHRASES.get(self.event.claim, "according to")
        return f"{verb} {speaker}"

    @property
    def inferred(self) -> bool:
        """Whether its year was inferred from the publication date."""
        return self.event.date.inferred

    @property
    def independent(self) -> int:
        """How many independent sources report it: distinct publishers among its articles.

        An article without a publisher counts on its own, since nothing ties it to another.
        """
        return len({source.article.publisher or f"#{source.article.id}" for source in self.sources})

    @property
    def differ(self) -> bool:
        """Whether merged sources disagree on something (the "sources differ" flag)."""
        return bool(self.event.differences)

    @property
    def differences(self) -> str:
        """What the sources disagree on, as one phrase: "killed: 84 / 100; fighters: …"."""
        return "; ".join(self.event.differences)


@dataclass(frozen=True, slots=True, kw_only=True)
class FactEntry:
    """One key fact as templates see it: text, "as of" label, attribution and sources."""

    fact: Fact
    sources: tuple[SourceEntry, ...]

    @property
    def text(self) -> str:
        """The fact's sentence."""
        return self.fact.text

    @property
    def as_of(self) -> str:
        """When it held: "as of August 2025", or "date unknown" without a publication date."""
        day = self.fact.as_of
        return f"as of {month_words(day)}" if day is not None else "date unknown"

    @property
    def according(self) -> str:
        """Who states it, as a phrase ("according to the SZRU"), or ""."""
        speaker = self.fact.attribution
        if not speaker:
            return ""
        return f"{_CLAIM_PHRASES.get(self.fact.claim, 'according to')} {speaker}"

    @property
    def marks(self) -> Markup:
        """All citation marks of the fact, in source order."""
        return Markup(" ".join(source.mark for source in self.sources))


def _fact_entries(facts: Sequence[Fact], sources: dict[str, SourceEntry]) -> list[FactEntry]:
    entries = []
    for fact in facts:
        cited = {
            ref.article: sources[ref.article] for ref in fact.sources if ref.article in sources
        }
        entries.append(
            FactEntry(
                fact=fact,
                sources=tuple(sorted(cited.values(), key=lambda entry: entry.number)),
            )
        )
    return entries


def number_sources(chronology: Chronology, *, footnote: bool = False) -> dict[str, SourceEntry]:
    """Sources numbered in order of first citation; uncited articles follow in id order."""
    order: list[str] = []
    for event in (*chronology.events, *chronology.unplaced):
        for ref in event.sources:
            if ref.article not in order:
                order.append(ref.article)
    order.extend(article.id for article in chronology.articles if article.id not in order)
    by_id = {article.id: article for article in chronology.articles}
    return {
        article_id: SourceEntry(
            number=number,
            anchor=f"source-{number}",
            article=by_id[article_id],
            published=day_label(by_id[article_id].published),
            accessed=day_label(by_id[article_id].accessed),
            footnote=footnote,
        )
        for number, article_id in enumerate((a for a in order if a in by_id), start=1)
    }


def _entries(events: Sequence[Event], sources: dict[str, SourceEntry]) -> list[EventEntry]:
    entries = []
    for event in events:
        cited = {
            ref.article: sources[ref.article] for ref in event.sources if ref.article in sources
        }
        text = label(event.date)
        if event.date.inferred and event.date.anchored:
            text += " *"
        entries.append(
            EventEntry(
                event=event,
                label=text,
                sources=tuple(sorted(cited.values(), key=lambda entry: entry.number)),
                reason=event.date.reason or "its date is too vague to place",
            )
        )
    return entries


def _reasons(entries: Sequence[EventEntry]) -> list[tuple[Markup, str]]:
    """Why events could not be placed, once per source and reason: (source marks, reason)."""
    seen: dict[tuple[str, str], tuple[Markup, str]] = {}
    for entry in entries:
        reason = entry.reason
        if "publication date" in reason and entry.sources:
            files = ", ".join(source.article.path.name for source in entry.sources)
            reason = f"{reason}; add “published: YYYY-MM-DD” to the front matter of {files}"
        seen.setdefault((entry.marks, reason), (entry.marks, reason))
    return list(seen.values())


def period(chronology: Chronology) -> str:
    """The period the anchored events cover, as a label ("2011 – 31 August 2025")."""
    if not chronology.events:
        return ""
    first, last = chronology.events[0].date, chronology.events[-1].date
    start, end = label(first), label(last)
    return start if start == end else f"{start} – {end}"


def timeline_figure(chronology: Chronology) -> TimelineFigure:
    """The placed events as points of a figure, one per interval, counting the events in it."""
    points: dict[tuple[dt.date, dt.date], TimelinePoint] = {}
    for event in chronology.events:
        first, last = event.date.first_day, event.date.last_day
        if first is None or last is None:
            continue  # an undated event has no place on an axis
        seen = points.get((first, last))
        count = seen.count + 1 if seen is not None else 1
        points[first, last] = TimelinePoint(
            first_day=first, last_day=last, label=label(event.date), count=count
        )
    placed = sum(point.count for point in points.values())
    events = "1 dated event" if placed == 1 else f"{placed} dated events"
    caption = f"Timeline of {events}"
    if period(chronology):
        caption += f", {period(chronology)}"
    caption += "; larger dots mark several events, bars mark periods."
    if chronology.unplaced:
        caption += f" {len(chronology.unplaced)} events without a placeable date are not shown."
    ordered = sorted(points.values(), key=lambda p: (p.first_day, -(p.last_day - p.first_day)))
    return TimelineFigure(points=tuple(ordered), caption=caption)


def _figure_marker(caption: str) -> Markup:
    """``{{ figure() }}``: the marker of the timeline figure, its caption as a stand-in."""
    return Markup(f'<div data-figure="timeline">{html.escape(caption)}</div>')


def _anchor(name: object) -> Markup:
    """A link target for templates: ``{{ anchor("source-1") }}``."""
    text = str(name)
    if not _ANCHOR_NAME.fullmatch(text):
        message = f"anchor name {text!r} must be a letter followed by letters, digits, - _ . :"
        raise TemplateError(message)
    return Markup(f'<a id="{text}"></a>')


def context(chronology: Chronology, options: Options) -> dict[str, Any]:
    """The variables a template sees (documented in the README)."""
    footnotes = options.citations is Citations.FOOTNOTES
    sources = number_sources(chronology, footnote=footnotes)
    caption = timeline_figure(chronology).caption
    return {
        "citations": options.citations.value,
        "title": options.title,
        "subtitle": options.subtitle,
        "author": options.author,
        "date": day_label(options.today),
        "period": period(chronology),
        "marking": options.marking,
        "summary": options.summary,
        "events": _entries(chronology.events, sources),
        "unplaced": _entries(chronology.unplaced, sources),
        "facts": _fact_entries(chronology.facts, sources),
        "unplaced_reasons": _reasons(_entries(chronology.unplaced, sources)),
        "sources": list(sources.values()),
        "diagnostics": chronology.diagnostics,
        "anchor": _anchor,
        "link": lambda text, url: Markup(f"[{escape(str(text))}](<{url}>)"),
        "figure": lambda: _figure_marker(caption),
    }


def find_template(name: str, project: Path | None) -> Path:
    """The template file for a name or path: the project's ``templates/`` first, then ours."""
    candidate = Path(name)
    if candidate.suffix or "/" in name:
        if candidate.is_file():
            return candidate
        raise TemplateError("template file not found; check the --template path", path=candidate)
    folders = [project / "templates"] if project is not None else []
    folders.append(PACKAGE_TEMPLATES)
    for folder in folders:
        path = folder / f"{name}{TEMPLATE_SUFFIX}"
        if path.is_file():
            return path
    known = sorted(
        path.name.removesuffix(TEMPLATE_SUFFIX)
        for folder in folders
        if folder.is_dir()
        for path in folder.glob(f"*{TEMPLATE_SUFFIX}")
    )
    raise TemplateError(f"no template named {name!r}; available: {', '.join(known)}")


def render_markdown(template: Path, variables: dict[str, Any]) -> str:
    """The Markdown a template produces, or a ``TemplateError`` naming file and line."""
    environment = jinja2.Environment(
        loader=jinja2.FileSystemLoader(str(template.parent)),
        undefined=jinja2.StrictUndefined,
        finalize=_finalize,
        autoescape=False,
        keep_trailing_newline=True,
        trim_blocks=True,
        lstrip_blocks=True,
    )
    try:
        return environment.get_template(template.name).render(variables)
    except jinja2.TemplateSyntaxError as error:
        raise TemplateError(
            f"template syntax error: {error.message}", path=template, line=error.lineno
        ) from error
    except jinja2.UndefinedError as error:
        raise TemplateError(
            f"{error.message}; check the variable names in the README",
            path=template,
            line=_template_line(error, template),
        ) from error
    except jinja2.TemplateError as error:
        raise TemplateError(f"template error: {error.message}", path=template) from error


def _template_line(error: BaseException, template: Path) -> int | None:
    """The template line a rendering error happened on, read from the traceback."""
    trace = error.__traceback__
    line = None
    while trace is not None:
        if trace.tb_frame.f_code.co_filename == str(template):
            line = trace.tb_lineno
        trace = trace.tb_next
    return line


def markdown(chronology: Chronology, options: Options, *, project: Path | None) -> str:
    """The briefing as Markdown: the template rendered over the chronology."""
    template = find_template(options.template, project)
    return render_markdown(template, context(chronology, options))


def compose(
    chronology: Chronology, options: Options, *, project: Path | None, text: str | None = None
) -> Document:
    """The document of a briefing: template rendered (unless ``text`` is given), parsed, meta."""
    if text is None:
        text = markdown(chronology, options, project=project)
    meta = DocumentMeta(
        title=options.title,
        subtitle=options.subtitle,
        author=options.author,
        date=options.today,
        period=period(chronology),
        marking=options.marking,
        language=options.language,
        subject=options.subtitle or options.title,
        keywords=options.keywords,
    )
    figures = {"timeline": timeline_figure(chronology)}
    return Document(meta=meta, blocks=parse(text, notes=_notes(chronology), figures=figures))


def _notes(chronology: Chronology) -> dict[str, tuple[Inline, ...]]:
    """The text of each source's note: its Sources entry as inlines."""
    notes: dict[str, tuple[Inline, ...]] = {}
    for entry in number_sources(chronology).values():
        blocks = parse(entry.citation + "\n")
        if blocks and isinstance(blocks[0], Paragraph):
            notes[entry.anchor] = blocks[0].children
    return notes
