"""Every type the stages share: articles, dates, events, the chronology and the document tree.

A leaf module: it imports nothing from ``briefing`` and holds no docx, reportlab or lxml
objects, so any stage can depend on it and the types can cross process boundaries (pickle).
"""

from __future__ import annotations

import datetime as dt
import enum
from dataclasses import dataclass, field
from pathlib import Path

# ---------------------------------------------------------------------------------------------
# Diagnostics


class Level(enum.StrEnum):
    """How serious a diagnostic is, ordered like docutils' reporter levels."""

    INFO = "info"
    WARNING = "warning"
    ERROR = "error"

    @property
    def rank(self) -> int:
        """A number that orders levels: info < warning < error."""
        return ("info", "warning", "error").index(self.value)


@dataclass(frozen=True, slots=True, kw_only=True)
class Diagnostic:
    """A problem found in the data: shown to the user, carried in results, never raised."""

    level: Level
    """How serious it is; ``error`` makes the command exit 1."""
    code: str
    """A short stable identifier, e.g. ``no-published-date``, for filtering and tests."""
    message: str
    """One sentence saying what is wrong and what to do about it."""
    path: Path | None = None
    """The file concerned, when there is one."""
    line: int | None = None
    """1-based line in that file, when known."""

    def format(self) -> str:
        """The diagnostic as one line, ``file:line: level: message [code]``."""
        where = ""
        if self.path is not None:
            where = f"{self.path}:{self.line}: " if self.line is not None else f"{self.path}: "
        return f"{where}{self.level}: {self.message} [{self.code}]"


# ---------------------------------------------------------------------------------------------
# Articles


class DateOrigin(enum.StrEnum):
    """Where an article's reference (publication) date came from."""

    FRONT_MATTER = "front-matter"
    """The ``published:`` field of the article's front matter."""
    METADATA = "metadata"
    """Metadata of an imported document (HTML meta tags, DOCX core properties)."""
    FILENAME = "filename"
    """A ``YYYY-MM-DD`` prefix of the file name."""
    UNKNOWN = "unknown"
    """No publication date: relative dates in the article cannot be anchored."""


@dataclass(frozen=True, slots=True, kw_only=True)
class Article:
    """One news article as read from disk, its text cleaned of page furniture."""

    id: str
    """Stable identifier: the file name without its suffix."""
    path: Path
    """The file it was read from."""
    text: str
    """The article body after cleaning; every span in the program indexes into this string."""
    title: str = ""
    """Headline, or "" when not known."""
    publisher: str = ""
    """Outlet or site name, or "" when not known."""
    url: str = ""
    """Canonical URL, or "" when not known."""
    author: str = ""
    """Byline, or "" when not known."""
    language: str = "en"
    """ISO 639-1 code of the text's language; chooses the date rules."""
    published: dt.date | None = None
    """Publication date: the reference date for relative expressions. None when unknown."""
    date_origin: DateOrigin = DateOrigin.UNKNOWN
    """Where ``published`` came from."""
    accessed: dt.date | None = None
    """When the analyst retrieved it, if recorded."""
    reliability: str = ""
    """Source grade from the front matter (Admiralty code, e.g. ``B2``), or ""."""
    body_line: int = 1
    """1-based line of the file on which the body starts (after the front matter)."""
    line_starts: tuple[int, ...] = ()
    """Offset in ``text`` of each kept line's start, paired with ``source_lines``."""
    source_lines: tuple[int, ...] = ()
    """1-based file line of each entry of ``line_starts``: maps a span back to a file line."""
    removed: tuple[RemovedLine, ...] = ()
    """Lines dropped as page furniture, kept so the user can check what cleaning did."""

    def line_of(self, offset: int) -> int:
        """The 1-based line in the source file that holds ``text[offset]``."""
        line = self.body_line
        for start, source_line in zip(self.line_starts, self.source_lines, strict=True):
            if start > offset:
                break
            line = source_line
        return line


@dataclass(frozen=True, slots=True, kw_only=True)
class RemovedLine:
    """A line of the original article that cleaning removed, and why."""

    line: int
    """1-based line number in the source file."""
    text: str
    """The line as it was."""
    reason: str
    """Which rule removed it, e.g. ``reading-time`` or ``repeated-caption``."""


# ---------------------------------------------------------------------------------------------
# Dates


class TimexType(enum.StrEnum):
    """TIMEX3 types; only DATE and TIME date an event, durations and sets describe."""

    DATE = "DATE"
    TIME = "TIME"
    DURATION = "DURATION"
    SET = "SET"


class Precision(enum.StrEnum):
    """How finely a date is known, from coarsest to finest."""

    CENTURY = "century"
    DECADE = "decade"
    YEAR = "year"
    HALF = "half"
    QUARTER = "quarter"
    SEASON = "season"
    MONTH = "month"
    WEEK = "week"
    DAY = "day"
    TIME = "time"
    REF = "ref"
    """PAST_REF / PRESENT_REF / FUTURE_REF: a vague reference, never placed in a chronology."""
    NONE = "none"
    """Durations and sets: no calendar position."""

    @property
    def rank(self) -> int:
        """Coarse-to-fine order, for sorting a coarser date before a finer one."""
        return list(Precision).index(self)


class Mod(enum.StrEnum):
    """TIMEX3 ``mod`` values a news chronology meets."""

    START = "START"
    MID = "MID"
    END = "END"
    APPROX = "APPROX"
    BEFORE = "BEFORE"
    AFTER = "AFTER"
    ON_OR_BEFORE = "ON_OR_BEFORE"
    ON_OR_AFTER = "ON_OR_AFTER"
    LESS_THAN = "LESS_THAN"
    MORE_THAN = "MORE_THAN"
    EQUAL_OR_LESS = "EQUAL_OR_LESS"
    EQUAL_OR_MORE = "EQUAL_OR_MORE"


class Anchoring(enum.StrEnum):
    """How a date mention got its position on the calendar."""

    EXPLICIT = "explicit"
    """The text gives the full date ("17 September 2024", "2021")."""
    PUBLICATION = "publication"
    """Resolved against the article's publication date ("Sunday", "last year", "September 17")."""
    NEARBY = "nearby"
    """Resolved against another date in the text ("the following day")."""
    NONE = "none"
    """Not placed: no reference date, or the phrase is too vague."""


@dataclass(frozen=True, slots=True, kw_only=True)
class DateMention:
    """One temporal expression found in a text, normalised as TIMEX3."""

    start: int
    """Offset of the first character in the text searched."""
    end: int
    """Offset one past the last character (Python slice convention)."""
    text: str
    """The expression as written: ``text[start:end]`` of the text searched."""
    type: TimexType
    """DATE, TIME, DURATION or SET."""
    value: str
    """TIMEX3 value: ``2024-09-17``, ``2024-07``, ``199``, ``XXXX-09-17``, ``P3Y``, ``PAST_REF``."""
    precision: Precision
    """How finely the value is known."""
    mod: Mod | None = None
    """TIMEX3 modifier: "late July" has END, "around 2015" APPROX."""
    end_value: str | None = None
    """For a range ("2022–2024", "from 12 to 14 June"), the TIMEX3 value of its last part."""
    first_day: dt.date | None = None
    """First day of the interval the expression denotes; None when not anchored."""
    last_day: dt.date | None = None
    """Last day of that interval (inclusive); None when not anchored."""
    anchoring: Anchoring = Anchoring.EXPLICIT
    """How the calendar position was obtained."""
    inferred: bool = False
    """True when the year (or more) came from the reference date, not from the text."""
    reason: str = ""
    """Why the mention could not be anchored, in words a user understands; "" otherwise."""

    @property
    def anchored(self) -> bool:
        """Whether the mention has a place on the calendar."""
        return self.first_day is not None

    @property
    def is_dating(self) -> bool:
        """Whether this mention can date an event: DATE or TIME, not a vague reference."""
        return self.type in (TimexType.DATE, TimexType.TIME) and self.precision not in (
            Precision.REF,
            Precision.NONE,
        )


# ---------------------------------------------------------------------------------------------
# Events and the chronology


@dataclass(frozen=True, slots=True, kw_only=True)
class SourceRef:
    """Where a statement comes from: a character span of an article's text."""

    article: str
    """The ``Article.id``."""
    start: int
    """Start offset of the sentence in ``Article.text``."""
    end: int
    """End offset (exclusive)."""


class Status(enum.StrEnum):
    """Where an event stands in the analyst's curation."""

    NEW = "new"
    REVIEWED = "reviewed"
    EDITED = "edited"
    MANUAL = "manual"
    REJECTED = "rejected"
    STALE = "stale"
    KEY = "key"
    """Set by the analyst: the event is one of the key events, whatever its salience."""


class Section(enum.StrEnum):
    """Where a placed event goes in a briefing (it is always in ``timeline.json``)."""

    KEY = "key"
    """A key event of the news period: shown in the Chronology section."""
    BACKGROUND = "background"
    """Long before the news period: the most salient are shown under Background."""
    AHEAD = "ahead"
    """After the latest article: an expectation, shown under Looking ahead."""
    OTHER = "other"
    """Not selected: only in the optional annex (Full chronology) and the data files."""


@dataclass(frozen=True, slots=True, kw_only=True)
class Salience:
    """How much an event matters to the story, and the evidence for it an analyst can check.

    Every count is of distinct articles or outlets, so one article repeating itself adds
    nothing; ``score`` combines them (``briefing.chronology.salience`` says how).
    """

    score: float
    """The combined evidence; higher is more salient. Comparable within one briefing only."""
    articles: int
    """Distinct articles that report the event or refer back to it."""
    outlets: int
    """Distinct publishers among them (an article without a publisher counts as its own)."""
    later: int
    """Distinct articles published two or more days after its date that mention the date
    (any of the day's events): later coverage coming back to it."""
    burst: float
    """Articles published in the three days from its date, over the collection's usual rate
    for three days (1.0 is usual)."""
    story: float
    """How close the event is to the story, from 0 (off-topic) to 1: the share of its weight
    on the collection's main terms (and the briefing's title and keywords)."""
    terms: tuple[str, ...] = ()
    """The story's main terms the event uses, most characteristic first."""
    reasons: tuple[str, ...] = ()
    """The evidence in words, for the documents and the data files."""


@dataclass(frozen=True, slots=True, kw_only=True)
class Event:
    """A dated statement taken from one sentence (or several, once merged)."""

    id: str
    """Stable id derived from the source article and sentence, so re-extraction finds it."""
    date: DateMention
    """The mention that dates the event; its offsets index into ``text``."""
    text: str
    """The sentence as written in the article."""
    sources: tuple[SourceRef, ...]
    """Every sentence this event was taken from; at least one."""
    attribution: str = ""
    """Who says so ("Ukraine's Foreign Intelligence Service (SZRU)"), or "" when unattributed."""
    claim: str = ""
    """How it is said: ``said``, ``claimed``, ``reported``, ``according to``, or ""."""
    status: Status = Status.NEW
    """Curation status from the timeline file."""
    notes: str = ""
    """The analyst's notes."""
    differences: tuple[str, ...] = ()
    """What merged sources disagree on, in words ("killed: 84 / 100"); empty when they agree."""
    members: tuple[str, ...] = ()
    """Ids of the events merged into this one (itself first); empty before merging."""
    references: int = 0
    """How many of the merged sentences refer back to the event rather than report it."""
    expected: bool = False
    """Whether every source was published before the date: an expectation, not a report."""
    unstated: bool = False
    """Whether no merged sentence says what happened on the date: each only dates something
    else from it ("oil has leaked since 20 April")."""
    salience: Salience | None = None
    """The evidence of its importance; None before the chronology stage."""
    section: Section | None = None
    """Where the briefing shows it; None before the chronology stage."""


@dataclass(frozen=True, slots=True, kw_only=True)
class Fact:
    """A current fact stated without a date ("Wagner has around 1,500 mercenaries in Mali").

    It belongs in a "Key facts" list dated by its article's publication date, not in the
    chronology.
    """

    text: str
    """The sentence as written."""
    sources: tuple[SourceRef, ...]
    """Where it is stated; at least one."""
    as_of: dt.date | None = None
    """The publication date of the (earliest) source: the fact holds "as of" then."""
    attribution: str = ""
    """Who says so, or ""."""
    claim: str = ""
    """How it is said, or ""."""


@dataclass(frozen=True, slots=True, kw_only=True)
class Chronology:
    """The ordered events of a briefing with the articles they cite."""

    events: tuple[Event, ...]
    """Anchored events in chronological order."""
    unplaced: tuple[Event, ...]
    """Events whose date could not be anchored, in article and text order."""
    articles: tuple[Article, ...]
    """Every article read, in the order of their ids."""
    diagnostics: tuple[Diagnostic, ...] = ()
    """Problems met on the way."""
    facts: tuple[Fact, ...] = ()
    """Undated key facts, in article and text order."""
    period: tuple[dt.date, dt.date] | None = None
    """The news period (first and last day) the Chronology section covers; None without
    placed events."""
    budget: int = 0
    """The most key events the Chronology section shows (the analyst's ``key`` events may
    add to it)."""


# ---------------------------------------------------------------------------------------------
# Document tree: what the template produces and every writer consumes


@dataclass(frozen=True, slots=True, kw_only=True)
class Text:
    """Plain text, printed exactly as given."""

    text: str


@dataclass(frozen=True, slots=True, kw_only=True)
class Strong:
    """Bold text."""

    children: tuple[Inline, ...]


@dataclass(frozen=True, slots=True, kw_only=True)
class Emphasis:
    """Italic text."""

    children: tuple[Inline, ...]


@dataclass(frozen=True, slots=True, kw_only=True)
class Link:
    """A hyperlink to a URL, or to an ``Anchor`` of this document when ``target`` is ``#id``."""

    target: str
    children: tuple[Inline, ...]

    @property
    def internal(self) -> bool:
        """Whether the link points inside the document."""
        return self.target.startswith("#")


@dataclass(frozen=True, slots=True, kw_only=True)
class Anchor:
    """An invisible link target (a PDF destination, a Word bookmark)."""

    id: str


@dataclass(frozen=True, slots=True, kw_only=True)
class LineBreak:
    """A hard line break inside a paragraph."""


@dataclass(frozen=True, slots=True, kw_only=True)
class Note:
    """A footnote: a numbered reference mark here, ``children`` at the foot of the page (Word)
    or in the notes (PDF). Used for citations in ``citations: footnotes`` mode."""

    id: str
    """Stable id of the note's content (e.g. ``source-3``); the same id cited twice may share
    one note text but each reference gets its own mark."""
    children: tuple[Inline, ...]


Inline = Text | Strong | Emphasis | Link | Anchor | LineBreak | Note


@dataclass(frozen=True, slots=True, kw_only=True)
class Heading:
    """A section heading; level 1 is the top level below the title."""

    level: int
    children: tuple[Inline, ...]


@dataclass(frozen=True, slots=True, kw_only=True)
class Paragraph:
    """A paragraph of running text."""

    children: tuple[Inline, ...]


@dataclass(frozen=True, slots=True, kw_only=True)
class ListBlock:
    """A bulleted or numbered list; each item is a sequence of blocks."""

    ordered: bool
    items: tuple[tuple[Block, ...], ...]
    start: int = 1
    """Number of the first item of an ordered list."""


class Align(enum.StrEnum):
    """Horizontal alignment of a table column."""

    LEFT = "left"
    CENTER = "center"
    RIGHT = "right"


@dataclass(frozen=True, slots=True, kw_only=True)
class Table:
    """A table with one header row, repeated on every page it spans."""

    header: tuple[tuple[Inline, ...], ...]
    """One cell per column."""
    rows: tuple[tuple[tuple[Inline, ...], ...], ...]
    """Body rows, each with one cell per column."""
    align: tuple[Align, ...] = ()
    """Alignment per column; empty means all left."""


@dataclass(frozen=True, slots=True, kw_only=True)
class Rule:
    """A thematic break (horizontal rule)."""


@dataclass(frozen=True, slots=True, kw_only=True)
class TimelinePoint:
    """One mark on the timeline figure: an event's interval and a short label."""

    first_day: dt.date
    last_day: dt.date
    label: str
    """The date label ("late July 2024"); writers may shorten it to fit."""
    count: int = 1
    """How many events share this point."""
    weight: float = 0.0
    """How salient its most salient event is (``Salience.score``): when not every label fits,
    the weightiest points are labelled first."""


@dataclass(frozen=True, slots=True, kw_only=True)
class TimelineFigure:
    """A picture of the chronology: the placed events along a time axis."""

    points: tuple[TimelinePoint, ...]
    """In chronological order; undated events are never here."""
    caption: str
    """What the figure shows, including the period covered."""


Block = Heading | Paragraph | ListBlock | Table | Rule | TimelineFigure


@dataclass(frozen=True, slots=True, kw_only=True)
class DocumentMeta:
    """What a writer needs besides the body: title block, marking, metadata."""

    title: str
    subtitle: str = ""
    author: str = ""
    """Author or organisation."""
    date: dt.date | None = None
    """Date of the briefing; also the documents' creation date."""
    period: str = ""
    """The period covered, as a human label ("2011 – 31 August 2025")."""
    marking: str = ""
    """TLP 2.0 label printed in header and footer ("TLP:AMBER"), or "" for none."""
    language: str = "en"
    """BCP 47 / ISO 639-1 language code of the document."""
    subject: str = ""
    keywords: tuple[str, ...] = ()


@dataclass(frozen=True, slots=True, kw_only=True)
class Document:
    """The one tree every writer renders: meta plus blocks, no format-specific objects."""

    meta: DocumentMeta
    blocks: tuple[Block, ...] = field(default_factory=tuple)
