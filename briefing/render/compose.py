"""Chronology + a Jinja2 Markdown template -> Markdown -> the one ``Document`` all writers render.

Every value a template prints is escaped as Markdown unless it was built as markup here
(``Markup``), so article text prints exactly as written. Jinja2 runs with ``StrictUndefined``:
a misspelt variable is an error naming the template file and line, never an empty hole.
"""

from __future__ import annotations

import dataclasses
import datetime as dt
import html
import re
from collections.abc import Callable, Iterator, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING, Any, overload

import jinja2
from jinja2.exceptions import SecurityError

from briefing.config import Citations, Options
from briefing.errors import TemplateError, shown
from briefing.model import (
    DateMention,
    Document,
    DocumentMeta,
    Event,
    Fact,
    Inline,
    Paragraph,
    Precision,
    Section,
    Status,
    TimelineFigure,
    TimelinePoint,
)
from briefing.render.citations import Cited, Citer, Markup, SourceEntry
from briefing.render.limits import NAME_CHARS, shorten
from briefing.render.markdown_tree import escape, link, parse, unsafe_links
from briefing.render.resources import TEMPLATE_SUFFIX, default_templates
from briefing.render.sandbox import (
    DEFAULT_TEMPLATE_LIMITS,
    BoundedEnvironment,
    TemplateLimits,
    TemplateTimeoutError,
    TooLargeError,
)
from briefing.timex import day_words, label, month_words

if TYPE_CHECKING:
    from briefing.model import Chronology

_ANCHOR_NAME = re.compile(r"[A-Za-z][\w.:-]*")


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


_CLAIM_PHRASES = {
    "claimed": "claimed by",
    "reported": "reported by",
    "denied": "denied by",
    "estimated": "estimated by",
}
"""How a claim kind reads before the speaker; everything else reads "according to"."""


def _marks(sources: Sequence[SourceEntry]) -> Markup:
    """Citation marks in number order; a run of three or more consecutive ``[k]`` marks reads
    as a range, "[4]–[9]", each end linked (notes are never shortened)."""
    if any(source.footnote for source in sources):
        return Markup("".join(source.mark for source in sources))
    ordered = sorted(sources, key=lambda source: source.number)
    parts: list[str] = []
    run: list[SourceEntry] = []
    for source in [*ordered, None]:
        if source is not None and run and source.number == run[-1].number + 1:
            run.append(source)
            continue
        if len(run) >= 3:
            parts.append(f"{run[0].mark}–{run[-1].mark}")
        else:
            parts.extend(entry.mark for entry in run)
        run = [source] if source is not None else []
    return Markup(" ".join(parts))


def _names(text: str, speaker: str) -> bool:
    """Whether ``text`` names ``speaker`` as written (case, spacing, apostrophes and a leading
    "the" aside), so an "(according to ...)" after it would repeat the sentence."""

    def fold(words: str) -> str:
        return " ".join(words.replace("’", "'").casefold().split())

    named = fold(speaker)
    named = named.removeprefix("the ") if named != "the" else named
    return bool(named) and named in fold(text)


@dataclass(frozen=True, slots=True, kw_only=True)
class EventEntry:
    """One event as templates see it: its date label, text, sources and flags.

    Its sources are numbered when a template first reads them (``sources``, ``marks``), so a
    document numbers exactly the sources it cites, in reading order.
    """

    event: Event
    label: str
    reason: str
    citer: Citer = field(repr=False, compare=False)

    @property
    def sources(self) -> tuple[SourceEntry, ...]:
        """The numbered sources of the event (the shown report's first), by number."""
        ids = dict.fromkeys(r.article for r in self.event.sources if self.citer.knows(r.article))
        return tuple(sorted((self.citer.cite(a) for a in ids), key=lambda e: e.number))

    @property
    def reworded(self) -> bool:
        """Whether the text is the analyst's wording, not a source's: an edited sentence or a
        manual event. Documents mark it (†), so it is never passed off as a source's words."""
        if self.event.status is Status.MANUAL:
            return True
        if self.event.status is not Status.EDITED:
            return False  # the extraction's own sentence, as the article wrote it
        said = " ".join(self.event.text.split())
        for ref in self.event.sources:
            if not self.citer.knows(ref.article):
                continue
            quoted = self.citer.article(ref.article).text[ref.start : ref.end]
            if " ".join(quoted.split()) == said:
                return False
        return True  # the analyst changed the wording, not only the date or the speaker

    @property
    def marks(self) -> Markup:
        """All citation marks of the event (runs of numbers as ranges; notes without spaces)."""
        return _marks(self.sources)

    def cite(self, most: int) -> Markup:
        """Marks of the first ``most`` sources only (the shown report's first), for a page
        too short to cite every report of a big event; the rest are not numbered."""
        ids = dict.fromkeys(r.article for r in self.event.sources if self.citer.knows(r.article))
        return _marks([self.citer.cite(a) for a in list(ids)[:most]])

    @property
    def articles(self) -> int:
        """How many distinct articles report the event or refer back to it."""
        return len({ref.article for ref in self.event.sources})

    @property
    def reach(self) -> str:
        """ "reported by 14 articles from 3 outlets", or "" for a single article."""
        outlets = self.independent
        if self.articles < 2:
            return ""
        where = "1 outlet" if outlets == 1 else f"{outlets} outlets"
        return f"reported by {self.articles} articles from {where}"

    @property
    def as_of(self) -> str:
        """When its sources said so: "as of 30 January 2011" (the latest of them), or ""."""
        days = [
            self.citer.article(ref.article).published
            for ref in self.event.sources
            if self.citer.knows(ref.article)
        ]
        known = [day for day in days if day is not None]
        return f"as of {day_words(max(known))}" if known else ""

    @property
    def why(self) -> str:
        """Why it was chosen, in a reader's words: "reported by 91 articles from 1 outlet; 94
        later articles mention its date" ("" when not scored). The full evidence is in
        ``event.salience.reasons``."""
        salience = self.event.salience
        if salience is None:
            return ""
        outlets = "1 outlet" if salience.outlets == 1 else f"{salience.outlets} outlets"
        articles = "1 article" if salience.articles == 1 else f"{salience.articles} articles"
        said = f"reported by {articles} from {outlets}"
        if salience.later:
            later = (
                "1 later article mentions"
                if salience.later == 1
                else (f"{salience.later} later articles mention")
            )
            said += f"; {later} its date"
        return said

    @property
    def salience(self) -> float:
        """The event's salience score (0.0 when not scored)."""
        salience = self.event.salience
        return salience.score if salience is not None else 0.0

    @property
    def text(self) -> str:
        """The event's sentence, cut with "…" when absurdly long (``render.limits``)."""
        return shorten(self.event.text)

    @property
    def according(self) -> str:
        """Who the event is attributed to, as a phrase: "according to the SZRU", or "".

        Empty when the sentence already names the speaker ("..., the SZRU said Sunday."): it
        shows only what the text does not say, such as the full name behind "the SZRU".
        """
        speaker = shorten(self.event.attribution, NAME_CHARS)
        if not speaker or _names(self.event.text, self.event.attribution):
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
        publishers = set()
        for ref in self.event.sources:
            if self.citer.knows(ref.article):
                article = self.citer.article(ref.article)
                publishers.add(article.publisher or f"#{article.id}")
        return len(publishers)

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
    citer: Citer = field(repr=False, compare=False)

    @property
    def sources(self) -> tuple[SourceEntry, ...]:
        """The numbered sources of the fact, by number."""
        ids = dict.fromkeys(r.article for r in self.fact.sources if self.citer.knows(r.article))
        return tuple(sorted((self.citer.cite(a) for a in ids), key=lambda e: e.number))

    @property
    def text(self) -> str:
        """The fact's sentence, cut with "…" when absurdly long (``render.limits``)."""
        return shorten(self.fact.text)

    @property
    def as_of(self) -> str:
        """When it held: "as of August 2025", or "date unknown" without a publication date."""
        day = self.fact.as_of
        return f"as of {month_words(day)}" if day is not None else "date unknown"

    @property
    def according(self) -> str:
        """Who states it, as a phrase ("according to the SZRU"), or "" (as for events, also
        when the sentence names the speaker itself)."""
        speaker = shorten(self.fact.attribution, NAME_CHARS)
        if not speaker or _names(self.fact.text, self.fact.attribution):
            return ""
        return f"{_CLAIM_PHRASES.get(self.fact.claim, 'according to')} {speaker}"

    @property
    def marks(self) -> Markup:
        """All citation marks of the fact, in source order."""
        return Markup(" ".join(source.mark for source in self.sources))


def _entries(events: Sequence[Event], citer: Citer) -> list[EventEntry]:
    entries = []
    for event in events:
        text = label(event.date)
        if event.date.inferred and event.date.anchored:
            text += " *"
        reason = event.date.reason or "its date is too vague to place"
        entries.append(EventEntry(event=event, label=text, reason=reason, citer=citer))
    return entries


def _reasons(entries: Sequence[EventEntry]) -> list[tuple[Markup, str]]:
    """Why events could not be placed, once per source and reason: (source marks, reason)."""
    seen: dict[tuple[str, str], tuple[Markup, str]] = {}
    for entry in entries:
        # What to do about it (add `published:` to a file) is for the analyst: `briefing check`
        # and the build's warnings say it; the reader only learns why.
        reason = entry.reason
        seen.setdefault((entry.marks, reason), (entry.marks, reason))
    return list(seen.values())


def key_events(chronology: Chronology) -> tuple[Event, ...]:
    """The events of the Chronology section, in order."""
    return tuple(e for e in chronology.events if e.section in (Section.KEY, None))


def period(chronology: Chronology) -> str:
    """The period the key events cover, as a label ("20 April 2010 – 5 January 2011"); days,
    never times of day."""
    key = key_events(chronology)
    if not key:
        return ""
    last = max(key, key=lambda e: (e.date.last_day or dt.date.min, e.date.precision.rank)).date
    start, end = label(_by_day(key[0].date)), label(_by_day(last))
    return start if start == end else f"{start} – {end}"


def _by_day(date: DateMention) -> DateMention:
    """A time of day's date as its day ("5 January 2011 (night)" -> "5 January 2011")."""
    if date.precision is not Precision.TIME or date.first_day is None:
        return date
    day = date.first_day.isoformat()
    return dataclasses.replace(date, value=day, precision=Precision.DAY, mod=None)


def timeline_figure(chronology: Chronology) -> TimelineFigure:
    """The key events as points of a figure, one per interval, counting the events in it."""
    points: dict[tuple[dt.date, dt.date], TimelinePoint] = {}
    for event in key_events(chronology):
        first, last = event.date.first_day, event.date.last_day
        if first is None or last is None:
            continue  # an undated event has no place on an axis
        seen = points.get((first, last))
        weight = event.salience.score if event.salience is not None else 0.0
        points[first, last] = TimelinePoint(
            first_day=first,
            last_day=last,
            label=label(event.date),
            count=seen.count + 1 if seen is not None else 1,
            weight=max(weight, seen.weight) if seen is not None else weight,
        )
    placed = sum(point.count for point in points.values())
    events = "1 dated event" if placed == 1 else f"{placed} dated events"
    caption = f"Timeline of {events}"
    if period(chronology):
        caption += f", {period(chronology)}"
    caption += "; larger dots mark several events, bars mark periods."
    if chronology.unplaced:
        unplaced = len(chronology.unplaced)
        caption += (
            " 1 event without a placeable date is not shown."
            if unplaced == 1
            else f" {unplaced} events without a placeable date are not shown."
        )
    ordered = sorted(points.values(), key=lambda p: (p.first_day, -(p.last_day - p.first_day)))
    return TimelineFigure(points=tuple(ordered), caption=caption)


LATEST_SHOWN = 6
"""How many events the one-page summary shows."""

LATEST_SHARE = 0.25
"""The latest part of the period the summary draws on: its last quarter."""


def _latest(entries: Sequence[EventEntry]) -> list[EventEntry]:
    """The most salient key events of the latest part of the period, newest first.

    The latest part is the last quarter of the period the key events cover; when it holds
    fewer than ``LATEST_SHOWN`` events, the most recent ones fill the page.
    """
    dated = [e for e in entries if e.event.date.first_day is not None]
    if not dated:
        return []
    first = min(e.event.date.first_day for e in dated if e.event.date.first_day is not None)
    last = max(e.event.date.first_day for e in dated if e.event.date.first_day is not None)
    since = last - dt.timedelta(days=int((last - first).days * LATEST_SHARE))
    recent = [
        e for e in dated if e.event.date.first_day is not None and e.event.date.first_day >= since
    ]
    if len(recent) < LATEST_SHOWN:
        recent = dated[-LATEST_SHOWN:]
    chosen = sorted(recent, key=lambda e: (-e.salience, e.event.id))[:LATEST_SHOWN]
    return sorted(chosen, key=lambda e: dated.index(e), reverse=True)


def _section(chronology: Chronology, section: Section) -> tuple[Event, ...]:
    return tuple(e for e in chronology.events if e.section is section)


def _figure_marker(caption: str) -> Markup:
    """``{{ figure() }}``: the marker of the timeline figure, its caption as a stand-in."""
    return Markup(f'<div data-figure="timeline">{html.escape(caption)}</div>')


def _anchor(name: object) -> Markup:
    """A link target for templates: ``{{ anchor("source-1") }}``."""
    text = str(name)
    if not _ANCHOR_NAME.fullmatch(text):
        message = f"anchor name {shown(text)} must be a letter followed by letters, digits, - _ . :"
        raise TemplateError(message)
    return Markup(f'<a id="{text}"></a>')


class _Later(Sequence[Any]):
    """A list computed when a template first reads it, so the citations it numbers come in
    reading order (the reasons under "Dates that could not be placed" cite sources)."""

    def __init__(self, make: Callable[[], list[Any]]) -> None:
        self._make = make
        self._items: list[Any] | None = None

    def _get(self) -> list[Any]:
        if self._items is None:
            self._items = self._make()
        return self._items

    def __len__(self) -> int:
        return len(self._get())

    def __iter__(self) -> Iterator[Any]:
        return iter(self._get())

    @overload
    def __getitem__(self, index: int) -> Any: ...
    @overload
    def __getitem__(self, index: slice) -> Sequence[Any]: ...
    def __getitem__(self, index: int | slice) -> Any:
        return self._get()[index]


def context(chronology: Chronology, options: Options, citer: Citer | None = None) -> dict[str, Any]:
    """The variables a template sees (documented in the README).

    ``citer`` numbers the sources as the template cites them; pass one to read the numbers
    given once the template has rendered.
    """
    footnotes = options.citations is Citations.FOOTNOTES
    if citer is None:
        citer = Citer(chronology.articles, footnote=footnotes)
    caption = timeline_figure(chronology).caption
    unplaced = _entries(chronology.unplaced, citer)
    events = _entries(key_events(chronology), citer)
    return {
        "citations": options.citations.value,
        "title": options.title,
        "subtitle": options.subtitle,
        "author": options.author,
        "date": day_label(options.today),
        "period": period(chronology),
        "marking": options.marking,
        "summary": options.summary,
        "events": events,
        "selected": len(events) < len(chronology.events),
        "placed": len(chronology.events),
        "latest": _latest(events),
        "background": _entries(_section(chronology, Section.BACKGROUND), citer),
        "ahead": _entries(_section(chronology, Section.AHEAD), citer),
        "annex": _entries(_section(chronology, Section.OTHER), citer) if options.annex else [],
        "unplaced": unplaced,
        "facts": [FactEntry(fact=fact, citer=citer) for fact in chronology.facts],
        "unplaced_reasons": _Later(lambda: _reasons(unplaced)),
        "sources": Cited(citer),
        "diagnostics": chronology.diagnostics,
        "anchor": _anchor,
        "link": lambda text, url: Markup(link(str(text), str(url))),
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
    folders.append(default_templates())
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
    raise TemplateError(f"no template named {shown(name)}; available: {', '.join(known)}")


def render_markdown(
    template: Path, variables: dict[str, Any], *, limits: TemplateLimits = DEFAULT_TEMPLATE_LIMITS
) -> str:
    """The Markdown a template produces, or a ``TemplateError`` naming file and line.

    The template runs in Jinja2's sandbox within ``limits`` (``briefing.render.sandbox``): it
    cannot run code, read files outside its folder, or run or write without end.
    """
    environment = BoundedEnvironment(
        template.parent,
        limits,
        undefined=jinja2.StrictUndefined,
        finalize=_finalize,
        autoescape=False,
        keep_trailing_newline=True,
        trim_blocks=True,
        lstrip_blocks=True,
    )
    try:
        text = environment.render(environment.get_template(template.name), variables)
    except jinja2.TemplateSyntaxError as error:
        where = Path(error.filename) if error.filename else template
        raise TemplateError(
            f"template syntax error: {error.message}", path=where, line=error.lineno
        ) from error
    except jinja2.UndefinedError as error:
        raise _located(
            f"{error.message}; check the variable names in the README", error, template
        ) from error
    except SecurityError as error:
        raise _located(
            f"the template tried something templates may not do ({error.message}); templates "
            "only print the variables listed in the README",
            error,
            template,
        ) from error
    except (TemplateTimeoutError, TooLargeError) as error:
        raise _located(str(error.message), error, template) from error
    except jinja2.TemplateNotFound as error:
        why = error.message if error.message and error.message != error.name else "not found"
        message = f"cannot include {error.name}: {why} (templates come from their own folder)"
        raise _located(message, error, template) from error
    except RecursionError as error:
        raise _located("the template calls itself without end", error, template) from error
    except jinja2.TemplateError as error:
        raise _located(f"template error: {error.message}", error, template) from error
    bad = unsafe_links(text)
    if bad:
        raise TemplateError(
            f"the template writes a link to {bad[0][:80]}; only http, https and mailto "
            "addresses may be links (use link(text, url) for addresses from the data)",
            path=template,
        )
    return text


def _located(message: str, error: BaseException, template: Path) -> TemplateError:
    """A ``TemplateError`` at the template file and line the rendering error happened on."""
    where, line = _template_line(error, template)
    return TemplateError(message, path=where, line=line)


def _template_line(error: BaseException, template: Path) -> tuple[Path, int | None]:
    """The template file and line a rendering error happened on, read from the traceback
    (Jinja2 rewrites it so that template code shows with the template's own lines); an
    included template counts as well as the one rendered."""
    trace = error.__traceback__
    where, line = template, None
    folder = str(template.parent)
    while trace is not None:
        filename = trace.tb_frame.f_code.co_filename
        if filename == str(template) or (
            filename.startswith(folder) and filename.endswith(TEMPLATE_SUFFIX)
        ):
            where, line = Path(filename), trace.tb_lineno
        trace = trace.tb_next
    return where, line


@dataclass(frozen=True, slots=True)
class Composition:
    """A rendered briefing: its Markdown and the document tree parsed from it."""

    markdown: str
    document: Document
    sources: tuple[SourceEntry, ...]
    """The sources the document cites, by number."""


def number_sources(
    chronology: Chronology, options: Options | None = None, *, project: Path | None = None
) -> dict[str, SourceEntry]:
    """Article id -> its numbered entry, as the briefing of ``options`` (the default one
    without) cites it; articles it never cites are absent."""
    composition = render(chronology, options or Options(), project=project)
    return {entry.article.id: entry for entry in composition.sources}


def render(chronology: Chronology, options: Options, *, project: Path | None) -> Composition:
    """The briefing as Markdown and as the document every writer renders: the template
    rendered once, its citations numbered as it cites them."""
    citer = Citer(chronology.articles, footnote=options.citations is Citations.FOOTNOTES)
    template = find_template(options.template, project)
    text = render_markdown(template, context(chronology, options, citer))
    document = _document(chronology, options, text, citer)
    return Composition(markdown=text, document=document, sources=citer.cited)


def markdown(chronology: Chronology, options: Options, *, project: Path | None) -> str:
    """The briefing as Markdown: the template rendered over the chronology."""
    return render(chronology, options, project=project).markdown


def compose(
    chronology: Chronology, options: Options, *, project: Path | None, text: str | None = None
) -> Document:
    """The document of a briefing: template rendered, parsed, with its meta.

    ``text``, when given, must be what ``markdown`` gave for the same arguments; it is parsed
    instead of the fresh rendering (whose citations give the notes' texts).
    """
    composition = render(chronology, options, project=project)
    if text is None or text == composition.markdown:
        return composition.document
    citer = Citer(chronology.articles, footnote=options.citations is Citations.FOOTNOTES)
    render_markdown(find_template(options.template, project), context(chronology, options, citer))
    return _document(chronology, options, text, citer)


def _document(chronology: Chronology, options: Options, text: str, citer: Citer) -> Document:
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
    return Document(meta=meta, blocks=parse(text, notes=_notes(citer), figures=figures))


def _notes(citer: Citer) -> dict[str, tuple[Inline, ...]]:
    """The text of each cited source's note: its Sources entry as inlines."""
    notes: dict[str, tuple[Inline, ...]] = {}
    for entry in citer.cited:
        blocks = parse(entry.citation + "\n")
        if blocks and isinstance(blocks[0], Paragraph):
            notes[entry.anchor] = blocks[0].children
    return notes
