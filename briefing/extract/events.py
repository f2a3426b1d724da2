"""Events: one per dated sentence, with the span it came from and a stable id.

Pure: an ``Article`` in, events and diagnostics out. The date tagger runs once over the whole
text (so "the following day" can see the previous date); each mention then belongs to the
sentence that holds it.
"""

from __future__ import annotations

import bisect
import dataclasses
import hashlib
import re
from dataclasses import dataclass
from typing import TYPE_CHECKING

from briefing.extract.attribution import acronyms, attribute
from briefing.extract.dates import find_dates
from briefing.extract.facts import find_facts
from briefing.extract.sentences import split_sentences
from briefing.model import Diagnostic, Event, Fact, Level, SourceRef

if TYPE_CHECKING:
    from briefing.model import Article, DateMention


@dataclass(frozen=True, slots=True, kw_only=True)
class ExtractResult:
    """What extraction found in one article."""

    events: tuple[Event, ...]
    """Dated events in text order, anchored or not."""
    diagnostics: tuple[Diagnostic, ...]
    facts: tuple[Fact, ...] = ()
    """Undated key facts in text order (``briefing.extract.facts``)."""


_SPACE = re.compile(r"\s+")


def event_id(article_id: str, sentence: str, occurrence: int = 0) -> str:
    """A stable id for the event of ``sentence`` in an article.

    It depends only on the article id and the sentence's words, so re-extracting an unchanged
    article gives the same ids and the timeline file can recognise its events.
    """
    normal = _SPACE.sub(" ", sentence).strip().casefold()
    digest = hashlib.sha1(f"{article_id}\n{normal}\n{occurrence}".encode()).hexdigest()
    return f"ev-{digest[:12]}"


def _choose(mentions: list[DateMention]) -> DateMention | None:
    """The mention that dates a sentence: the first anchored one, else the first unanchored."""
    dating = [mention for mention in mentions if mention.is_dating]
    anchored = [mention for mention in dating if mention.anchored]
    if anchored:
        return anchored[0]
    return dating[0] if dating else None


def extract(article: Article) -> ExtractResult:
    """The dated events of an article: DATE and TIME expressions only, never durations."""
    text = article.text
    mentions = find_dates(text, reference=article.published, language=article.language)
    starts = [mention.start for mention in mentions]
    events: list[Event] = []
    seen: dict[str, int] = {}
    known = acronyms(text)
    undated: list[tuple[int, int]] = []
    for start, end in split_sentences(text, article.language):
        low = bisect.bisect_left(starts, start)
        high = bisect.bisect_left(starts, end)
        inside = [mention for mention in mentions[low:high] if mention.end <= end]
        chosen = _choose(inside)
        if chosen is None:
            if not inside:
                undated.append((start, end))
            continue
        sentence = text[start:end]
        occurrence = seen.get(sentence, 0)
        seen[sentence] = occurrence + 1
        said = attribute(sentence, known)
        events.append(
            Event(
                id=event_id(article.id, sentence, occurrence),
                date=dataclasses.replace(
                    chosen, start=chosen.start - start, end=chosen.end - start
                ),
                text=sentence,
                sources=(SourceRef(article=article.id, start=start, end=end),),
                attribution=said.speaker,
                claim=said.claim,
            )
        )
    return ExtractResult(
        events=tuple(events),
        diagnostics=_diagnose(article, events),
        facts=find_facts(article, undated, known),
    )


def _diagnose(article: Article, events: list[Event]) -> tuple[Diagnostic, ...]:
    """A note on the dates of an article that could not be placed, when it has a date.

    An article without a publication date is already reported once by ingest, with the fix.
    """
    unplaced = [event for event in events if not event.date.anchored]
    if not unplaced or article.published is None:
        return ()
    quoted = ", ".join(f"“{event.date.text}”" for event in unplaced[:4])
    more = f" and {len(unplaced) - 4} more" if len(unplaced) > 4 else ""
    message = f"{len(unplaced)} date(s) could not be placed: {quoted}{more}"
    line = article.line_of(unplaced[0].sources[0].start)
    return (
        Diagnostic(
            level=Level.INFO, code="unanchored-date", message=message, path=article.path, line=line
        ),
    )
