"""How a source without a title is named: its first words, as a reader would quote them."""

from __future__ import annotations

from typing import TYPE_CHECKING, Final

if TYPE_CHECKING:
    from briefing.model import Article

_WORDS: Final = 8


def first_words(article: Article, count: int = _WORDS) -> str:
    """The opening words of the article's text, with an ellipsis when there is more:
    "Wagner fighters were seen near Gao, witnesses said…"."""
    words = article.text.split()
    if not words:
        return "(no text)"
    opening = " ".join(words[:count]).rstrip(",;:—–-")
    return opening + ("…" if len(words) > count else "")
