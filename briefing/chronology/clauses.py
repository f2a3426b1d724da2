"""Where a sentence's date sits: does the sentence report what happened then, or refer back?

News tells a story's key event again and again as background: "BP's shares have fallen since
the rig exploded on 20 April", "the 20 April explosion that caused the leak". Such a sentence
reports its main clause, not the explosion; its date is evidence that the explosion mattered,
and its date clause says which event it points at. Pure functions over one sentence; English
cues only (other languages read as statements, which is the old behaviour).
"""

from __future__ import annotations

import enum
import re
from dataclasses import dataclass


def _words(words: str) -> frozenset[str]:
    """A word table written as one space-separated string."""
    return frozenset(words.split())


class Role(enum.StrEnum):
    """How a sentence relates to the date that dates it."""

    STATEMENT = "statement"
    """The date is in the main clause: the sentence says what happened then."""
    REFERENCE = "reference"
    """The date sits in a background clause or names an earlier event ("since the 20 April
    explosion"): the sentence refers back to an event of that date."""
    BARE = "bare"
    """A reference with nothing said of the date's event ("oil has leaked since 20 April"): it
    counts for the date, and tells nothing about which event of that day it means."""


@dataclass(frozen=True, slots=True)
class Reading:
    """What a sentence says about its date."""

    role: Role
    clause: tuple[int, int]
    """The span of the sentence that speaks of the date's event: the whole sentence for a
    statement, the date's background clause (with what it attaches to) for a reference."""
    head: tuple[int, int] = (0, 0)
    """For a date modifying a noun, the noun phrase that names the event ("explosion" in
    "the 20 April explosion that caused the leak"); empty otherwise."""


_BREAK = re.compile(r"(?<!\d),|,(?!\d)|[;:()\[\]]|\s[-–—]+\s")
"""What ends a clause inside a sentence: commas, semicolons, brackets, dashes between spaces
(tokenised brackets are brackets already: ``ingest.clean.detokenize``)."""

_OPENER = re.compile(
    r"\b(?:ever since|since|after|following|in the wake of|when|which|that|who|whose|where|"
    r"before|prior to|until|till|as a result of|because of|caused by|triggered by)\b",
    re.IGNORECASE,
)
"""Words that open a background clause around a date: "since the rig exploded on 20 April"."""

_PREPOSITION = re.compile(
    r"(?:\b(?:ever since|since|after|following|before|until|till|by|prior to)\s+)$",
    re.IGNORECASE,
)
"""A preposition straight before the date: "since 20 April" dates a state, not an event."""

_DETERMINER = re.compile(r"^(?:the|its|this|that|last|a|an)\s", re.IGNORECASE)
_POSSESSIVE_AFTER = re.compile(r"\s*['’]s?\s")
_WORD_AFTER = re.compile(r"\s*([A-Za-z][A-Za-z-]*)")
_NOT_NOUNS = _words(
    """
    of to in at on and or but when where while which that who as by for from with after before
    since until than is was were are be been has had have will would could should can may might
    did does do this year week month morning afternoon evening night
    """
)
"""Words that can follow "the 20 April" without it naming an event ("the 20 April of …")."""

_WORD = re.compile(r"[A-Za-z][A-Za-z'’-]*")
_FOLLOW_ON = re.compile(r"\s*(?:when\b|where\b|which\b|[a-z]+ing\b|with the loss of|leaving\b)")
"""A segment that carries on the event of the clause before it: ", killing 11 workers",
", when the rig exploded"."""

_RELATIVE = frozenset({"which", "that", "who", "whose", "where"})
_ANTECEDENT_WORDS = 4
"""How many words before a relative opener name what it is about: "the Deepwater Horizon rig
that exploded on 20 April"."""


def read(text: str, start: int, end: int) -> Reading:
    """How ``text`` relates to its date, whose phrase is ``text[start:end]``."""
    if not 0 <= start < end <= len(text):
        return Reading(Role.STATEMENT, (0, len(text)))
    left = _clause_start(text, start)
    right = _clause_end(text, end)
    if _PREPOSITION.search(text[left:start]):
        # "since 20 April(, when the rig exploded)": only what follows the date names an event.
        return _reference(text, start, start, end, right, bare_if_empty=True)
    if _attributive(text, start, end):
        # "the 20 April explosion (that caused the leak)": the noun and what follows it.
        found = _reference(text, start, start, end, right, bare_if_empty=True)
        return Reading(found.role, found.clause, _head(text, end))
    openers = [
        m
        for m in _OPENER.finditer(text, left, start)
        if not _complement(text, m) and not _closed(text, m, start)
    ]
    if openers:
        opener = openers[-1]
        first = opener.start()
        if opener.group().lower() in _RELATIVE:
            first = _antecedent_start(text, first)
        return _reference(text, first, start, end, right, bare_if_empty=False)
    return Reading(Role.STATEMENT, _statement_clause(text, left, start, end, right))


STATEMENT_WORDS = 3
"""Content words a statement's date clause needs to say what happened; "On Tuesday," alone
says nothing, so the clause grows into the next segment until it does."""


def _statement_clause(text: str, left: int, start: int, end: int, right: int) -> tuple[int, int]:
    """The part of a statement that says what happened on its date: the date's clause, grown
    right (then left) segment by segment until it holds ``STATEMENT_WORDS`` content words,
    and on through segments that carry its event on (", killing 11 workers")."""
    while _content(text, left, start, end, right) < STATEMENT_WORDS:
        if right < len(text):
            right = _clause_end(text, right + 1)
        elif left > 0:
            left = _clause_start(text, max(0, left - 1))
        else:
            break
    while right < len(text) and _FOLLOW_ON.match(text, right + 1):
        right = _clause_end(text, right + 1)  # ", killing 11 workers" is the same event
    return left, right


def _content(text: str, left: int, start: int, end: int, right: int) -> int:
    said = _WORD.findall(text[left:start] + " " + text[end:right])
    return sum(1 for word in said if word.lower() not in _FUNCTION)


def _reference(
    text: str, opener: int, start: int, end: int, right: int, *, bare_if_empty: bool
) -> Reading:
    """A reference whose clause runs from ``opener`` to ``right`` (and on through a segment
    that carries its event on)."""
    last = right
    if last < len(text) and _FOLLOW_ON.match(text, last + 1):
        last = _clause_end(text, last + 1)
    said = _WORD.findall(text[opener:start] + " " + text[end:last])
    # Beyond the opener and the preposition, does the clause say anything of the event?
    content = [word for word in said if word.lower() not in _FUNCTION]
    if bare_if_empty and not content:
        return Reading(Role.BARE, (opener, last))
    return Reading(Role.REFERENCE, (opener, last))


_FUNCTION = _words(
    """
    a an the its it this that these those his her their our of to in on at by for from with
    since after following before until till when which who whose where ever prior as is was
    were are be been being has have had will would then there here
    """
)


_SAYING = re.compile(
    r"\b(?:said|says|say|told|tells|announced|announces|confirmed|confirms|reported|reports|"
    r"revealed|reveals|added|adds|stated|states|warned|warns|believes?|believed|expects?|"
    r"expected|thinks?|thought|insisted|insists|claimed|claims|denied|denies|acknowledged|"
    r"admitted|admits|argued|argues|estimated|estimates|predicted|predicts|noted|notes|"
    r"emerged|showed|shows|found|finds|agreed|agrees|decided|decides|hoped|hopes|feared|fears)"
    r"(?:\s+\w+){0,2}\s+$",
    re.IGNORECASE,
)
"""A verb of saying or thinking before "that": "BP said that on Tuesday …" reports a
statement, so its "that" opens no background clause."""


def _complement(text: str, opener: re.Match[str]) -> bool:
    """Whether an opener is the "that" after a verb of saying, which dates what was said."""
    if opener.group().lower() != "that":
        return False
    return _SAYING.search(text, max(0, opener.start() - 60), opener.start()) is not None


_AUXILIARY = _words("was were is are has had have will would can could")


def _closed(text: str, opener: re.Match[str], start: int) -> bool:
    """Whether a relative clause ended before the date: "the blowout preventer that failed
    was recovered on Saturday" (an auxiliary after the clause's own verb starts the main
    clause again, and the date is the main clause's)."""
    if opener.group().lower() not in _RELATIVE:
        return False
    words = [word.lower() for word in _WORD.findall(text, opener.end(), start)]
    return any(word in _AUXILIARY for word in words[1:])


def _clause_start(text: str, start: int) -> int:
    """Where the clause holding ``text[start]`` begins: after the last break before it."""
    last = 0
    for match in _BREAK.finditer(text, 0, start):
        last = match.end()
    return last


def _clause_end(text: str, end: int) -> int:
    """Where the clause holding ``text[end - 1]`` ends: at the next break, or the text's end."""
    found = _BREAK.search(text, end)
    return found.start() if found is not None else len(text)


def _attributive(text: str, start: int, end: int) -> bool:
    """Whether the date modifies a noun after it: "the 20 April explosion", "last week's
    blast"; the noun names the event the sentence refers back to."""
    phrase = text[start:end]
    if _POSSESSIVE_AFTER.match(text, end):
        return True
    before = text[max(0, start - 4) : start].lower()
    if not (_DETERMINER.match(phrase) or before.endswith(("the ", "its "))):
        return False
    word = _WORD_AFTER.match(text, end)
    return word is not None and word.group(1).lower() not in _NOT_NOUNS


HEAD_WORDS = 4
"""The most words of a noun phrase after an attributive date: "the April 20 Deepwater
Horizon rig explosion"."""


def _head(text: str, end: int) -> tuple[int, int]:
    """The noun phrase right after an attributive date, up to a function word or a break."""
    position = end
    possessive = _POSSESSIVE_AFTER.match(text, position)
    if possessive is not None:
        position = possessive.end() - 1
    last = position
    for count, word in enumerate(_WORD.finditer(text, position)):
        between = text[last : word.start()]
        if count >= HEAD_WORDS or word.group().lower() in _NOT_NOUNS or between.strip():
            break
        last = word.end()
    return (position, last) if last > position else (0, 0)


def _antecedent_start(text: str, opener: int) -> int:
    """A few words back from a relative opener: what the clause is about. Within its clause,
    or, for an opener straight after a comma ("the rig, which exploded…"), before it."""
    clause_start = _clause_start(text, opener)
    words = [m.start() for m in _WORD.finditer(text, clause_start, opener)]
    if not words and clause_start > 0:
        words = [m.start() for m in _WORD.finditer(text, _clause_start(text, clause_start - 1),
                                                   clause_start)]  # fmt: skip
    if not words:
        return opener
    return words[-_ANTECEDENT_WORDS] if len(words) >= _ANTECEDENT_WORDS else words[0]
