"""Who says so: the speaker and the reporting verb of a sentence, as written.

A claim is not a fact, so a chronology must show "according to the SZRU". Rules over the
sentence's surface (English news reporting patterns): "X said", "said X", "according to X",
"X told Y", "X claimed". Later short forms ("the SZRU") resolve to the first full mention
("Ukraine's Foreign Intelligence Service (SZRU)") through the acronyms an article defines.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

_VERBS = {
    "said": "said",
    "says": "said",
    "told": "said",
    "tells": "said",
    "added": "said",
    "noted": "said",
    "stated": "said",
    "announced": "announced",
    "warned": "warned",
    "confirmed": "confirmed",
    "denied": "denied",
    "claimed": "claimed",
    "claims": "claimed",
    "alleged": "claimed",
    "reported": "reported",
    "reports": "reported",
    "estimated": "estimated",
}
"""Reporting verb -> the claim kind shown in documents."""

_VERB = "|".join(sorted(_VERBS, key=len, reverse=True))
_NAME_WORD = r"(?:[A-Z][\w'’.-]*|(?:of|for|the|and|de|du|al|on)(?=\s+[A-Z]))"
_PROPER = rf"{_NAME_WORD}(?:\s+{_NAME_WORD})*(?:\s+\([A-Z][A-Za-z]{{1,9}}\))?"
_PRONOUNS = {"he", "she", "they", "it", "we", "i", "you", "this", "that", "which", "who"}

_ACCORDING = re.compile(r"\baccording to\s+(?P<who>[^,.;:]{2,80}?)(?=\s*(?:[,.;:]|$))")
_INVERTED = re.compile(
    rf"[,”\"’']\s*(?P<verb>{_VERB})\s+"
    rf"(?P<who>(?:(?:the|a|an|one)\s+(?:[\w'’-]+\s+){{0,4}}?[\w'’-]+|{_PROPER}))"
    r"(?=\s*(?:[,.;:]|$))"
)
_AUXILIARY = re.compile(r"\b(?:is|was|were|are|had|has|have|would|will|could|may|might)\b")
_FORWARD = re.compile(
    rf"(?P<who>(?:(?:[A-Z][\w'’.-]*|the|The|a|A|an|An|[a-z][\w'’-]*)\s+){{0,7}}?"
    rf"(?:{_PROPER}|[a-z][\w'’-]*)(?:\s+\([A-Z][A-Za-z]{{1,9}}\))?)"
    rf",?\s+(?P<verb>{_VERB})\b"
)
_APPOSITION = re.compile(rf"^(?P<name>{_PROPER}),\s+[^,]{{3,120}},\s+(?P<verb>{_VERB})\b")
_ACRONYM = re.compile(rf"(?P<full>{_PROPER})\s+\((?P<short>[A-Z][A-Za-z]{{1,9}})\)")
_LEADING = re.compile(r"^(?:and|but|while|as|when|because|so|then|however|also)\s+", re.I)
_TIME_WORDS = re.compile(
    r"\s+(?:on\s+)?(?:Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday|today|"
    r"yesterday|last\s+\w+|this\s+\w+|earlier|later|recently|on\s+\w+)\b.*$"
)


@dataclass(frozen=True, slots=True)
class Attribution:
    """The speaker as written ("" when the sentence states it without a source) and the claim."""

    speaker: str = ""
    claim: str = ""


def acronyms(text: str) -> dict[str, str]:
    """Short forms an article defines, "SZRU" -> "Ukraine's Foreign Intelligence Service (SZRU)"."""
    found: dict[str, str] = {}
    for match in _ACRONYM.finditer(text):
        full = _LEADING.sub("", match.group("full")).strip()
        if full.split()[0] in ("The", "A", "An") and len(full.split()) > 1:
            full = full.split(maxsplit=1)[1]
        found.setdefault(match.group("short"), f"{full} ({match.group('short')})")
    return found


def _clean(who: str) -> str:
    who = _TIME_WORDS.sub("", who.strip())
    who = _LEADING.sub("", who).strip(" \t\"“”‘’'-—–")
    if not who or who.lower() in _PRONOUNS or who.split()[0].lower() in _PRONOUNS:
        return ""
    return who


def _resolve(who: str, known: dict[str, str]) -> str:
    bare = re.sub(r"^(?:the|The)\s+", "", who)
    return known.get(bare, who)


def attribute(sentence: str, known: dict[str, str] | None = None) -> Attribution:
    """The source a sentence gives for what it says, resolving known short forms."""
    table = known or {}
    if match := _ACCORDING.search(sentence):
        who = _clean(match.group("who"))
        if who:
            return Attribution(_resolve(who, table), "according to")
    if match := _APPOSITION.match(sentence):
        return Attribution(_resolve(match.group("name"), table), _VERBS[match.group("verb")])
    for match in _INVERTED.finditer(sentence):
        who = _clean(match.group("who"))
        if who and not _AUXILIARY.search(who):
            return Attribution(_resolve(who, table), _VERBS[match.group("verb")])
    for match in _FORWARD.finditer(sentence):
        who = _subject(match.group("who"))
        if who:
            return Attribution(_resolve(who, table), _VERBS[match.group("verb")])
    return Attribution()


def _subject(words: str) -> str:
    """The speaker in the words before a reporting verb: the last noun phrase of the clause."""
    clause = re.split(r"[,;:“”\"]|\bthat\b|\bwhich\b", words)[-1]
    who = _clean(clause)
    if not who:
        return ""
    first = who.split()[0]
    # A speaker is a name, a possessive ("Mali's army") or a determiner phrase ("the report").
    if first[0].isupper() or first.lower() in ("the", "a", "an") or "'" in first or "’" in first:
        return who
    return who if len(who.split()) <= 3 else ""
