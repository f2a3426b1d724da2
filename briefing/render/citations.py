"""Numbered sources: a number for each article in the order a template first cites it.

A briefing of hundreds of articles cites only some of them; a one-page summary fewer still.
Numbering as the template renders makes every Sources list hold exactly what its document
cites, numbered ``[1]``, ``[2]``… in reading order, whatever the template. One ``Citer`` per
rendering; nothing here is shared between renderings.
"""

from __future__ import annotations

from collections.abc import Iterator, Sequence
from dataclasses import dataclass
from typing import TYPE_CHECKING, overload

from briefing.model import Article
from briefing.render.markdown_tree import escape, link
from briefing.render.untitled import first_words
from briefing.timex import day_words

if TYPE_CHECKING:
    import datetime as dt
    from collections.abc import Iterable


class Markup(str):
    """Markdown written by this package or a template helper: printed without escaping."""

    __slots__ = ()


def _day(day: dt.date | None) -> str:
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
    def opening(self) -> str:
        """What a source without a title is cited by: its first words ("Russia's Wagner
        private military company is faltering…"); never its file name."""
        return first_words(self.article)

    @property
    def citation(self) -> Markup:
        """The entry as one line of Markdown: title (or first words), publisher, date, URL."""
        article = self.article
        title = escape(f"“{article.title or self.opening}”")
        parts = [title, *(escape(p) for p in (article.publisher, self.published) if p)]
        text = ", ".join(parts) + "."
        if article.url:
            text += " " + link(article.url, article.url)
        return Markup(text)


class Citer:
    """Numbers articles as they are first cited during one rendering."""

    def __init__(self, articles: Iterable[Article], *, footnote: bool = False) -> None:
        self._articles = {article.id: article for article in articles}
        self._footnote = footnote
        self._entries: dict[str, SourceEntry] = {}

    def knows(self, article_id: str) -> bool:
        """Whether the article is among those read (a manual event may cite a missing one)."""
        return article_id in self._articles

    def article(self, article_id: str) -> Article:
        """The article of an id ``knows``."""
        return self._articles[article_id]

    def cite(self, article_id: str) -> SourceEntry:
        """The entry of an article, numbered now if this is its first citation."""
        entry = self._entries.get(article_id)
        if entry is None:
            number = len(self._entries) + 1
            article = self._articles[article_id]
            entry = SourceEntry(
                number=number,
                anchor=f"source-{number}",
                article=article,
                published=_day(article.published),
                accessed=_day(article.accessed),
                footnote=self._footnote,
            )
            self._entries[article_id] = entry
        return entry

    @property
    def cited(self) -> tuple[SourceEntry, ...]:
        """The entries cited so far, by number."""
        return tuple(self._entries.values())


class Cited(Sequence[SourceEntry]):
    """The Sources list as a template sees it: what has been cited when it is read.

    A template lists its sources after citing them (as the Sources section closes a
    document); read earlier, the list holds only what was cited before that point.
    """

    def __init__(self, citer: Citer) -> None:
        self._citer = citer

    def __len__(self) -> int:
        return len(self._citer.cited)

    def __iter__(self) -> Iterator[SourceEntry]:
        return iter(self._citer.cited)

    @overload
    def __getitem__(self, index: int) -> SourceEntry: ...
    @overload
    def __getitem__(self, index: slice) -> Sequence[SourceEntry]: ...
    def __getitem__(self, index: int | slice) -> SourceEntry | Sequence[SourceEntry]:
        return self._citer.cited[index]
