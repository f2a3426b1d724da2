"""Key facts: undated sentences stating how things stand ("Wagner has around 1,500 mercenaries").

Pure and conservative: a sentence becomes a fact only when it is a simple present statement
whose subject is a named actor, or which gives a number, near its start; quotes, questions,
opinions and first-person text never do. A missed fact costs little; a wrong one misleads,
because the documents present it "as of" the article's publication date.
"""

from __future__ import annotations

import re
from typing import TYPE_CHECKING

from briefing.extract.attribution import attribute
from briefing.model import Fact, SourceRef

if TYPE_CHECKING:
    from collections.abc import Iterable, Mapping

    from briefing.model import Article

_PRESENT = re.compile(
    r"\b(?:is|are|has|have|remains|remain|controls|control|holds|hold|employs|employ|"
    r"operates|operate|owns|own|numbers|includes|include|accounts|produces|produce|deploys|"
    r"deploy|runs|run|stands|lives|contains|contain|covers|cover|counts)\b"
)
_NOT_CURRENT = re.compile(
    r"\b(?:has|have|is|are)\s+(?:not\s+|also\s+|now\s+|already\s+)*"
    r"(?:been|being|\w+ed|\w+en|\w+ing|gone|done|made|seen|said|told|become|begun|got|to)\b"
)
_NUMBER = re.compile(r"(?<![\w.])\d[\d,]*(?:\.\d+)?(?!\d)")
_YEAR = re.compile(r"\b(?:1[89]|20)\d\d\b")
_QUOTE = re.compile(r"[“”\"]|(?:^|\s)[‘'](?=[A-Z])")
_OPINION = re.compile(
    r"\b(?:I|we|you|my|our|your|think|thinks|believe|believes|should|must|may|might|could|"
    r"would|will|perhaps|probably|if)\b",
    re.IGNORECASE,
)
_STARTERS = frozenset(
    re.findall(
        r"\w+",
        "The A An This That These Those It Its He She They There Here However But And Or So Yet "
        "In On At By For From With As If When While Although Some Many Most All Each Every One "
        "Other Such What Which Who Why How Instead Unlike After Before Since During Meanwhile",
    )
)
"""Capitalised words that open a sentence without naming anyone."""
_WORD = re.compile(r"[\w’'-]+")

MAX_VERB_POSITION = 8
"""The present-tense verb must come within this many words: the statement's own verb, not
one buried in a subordinate clause."""


def _is_fact(sentence: str) -> bool:
    """Whether a sentence reads as a present fact with a number or a named subject."""
    text = sentence.strip()
    words = _WORD.findall(text)
    if not 6 <= len(words) <= 60 or text.endswith("?") or not text.endswith((".", "!")):
        return False
    if _QUOTE.search(text) or _OPINION.search(text):
        return False
    verb = _PRESENT.search(text)
    if verb is None or _NOT_CURRENT.search(text, verb.start()) is not None:
        return False
    if len(_WORD.findall(text[: verb.start()])) > MAX_VERB_POSITION:
        return False
    numbers = [n for n in _NUMBER.findall(text) if not _YEAR.fullmatch(n)]
    named = words[0][0].isupper() and words[0] not in _STARTERS
    return bool(numbers) or named


def find_facts(
    article: Article,
    sentences: Iterable[tuple[int, int]],
    known: Mapping[str, str] | None = None,
) -> tuple[Fact, ...]:
    """The key facts among ``sentences`` (spans of ``article.text`` that carry no date).

    Each fact is attributed like an event (``known`` resolves short forms such as "the
    SZRU") and holds "as of" the article's publication date.
    """
    facts = []
    for start, end in sentences:
        sentence = article.text[start:end]
        if not _is_fact(sentence):
            continue
        said = attribute(sentence, dict(known or {}))
        facts.append(
            Fact(
                text=sentence,
                sources=(SourceRef(article=article.id, start=start, end=end),),
                as_of=article.published,
                attribution=said.speaker,
                claim=said.claim,
            )
        )
    return tuple(facts)
