"""Who says so: the speaker and the reporting verb of a sentence, as written.

A claim is not a fact, so a chronology must show "according to the SZRU". Rules over the
sentence's surface (English news reporting patterns): "X said", "said X", "according to X",
"X told Y", "X claimed". Later short forms ("the SZRU") resolve to the first full mention
("Ukraine's Foreign Intelligence Service (SZRU)") through the acronyms an article defines.
"""

from __future__ import annotations

import re
from dataclasses import dataclass


def _table(words: str) -> frozenset[str]:
    """A word table written as one space-separated string."""
    return frozenset(words.split())


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
# Words and names have bounded lengths (a word of 40 characters, a name of 12 words): an
# unbounded ``[A-Z]\w*(?:\s+[A-Z]\w*)*`` tried at every position of a long run of capitalised
# words backtracks over the whole run each time, which is quadratic in the sentence.
_WORD = r"[\w'’-]{0,40}"
_NAME_WORD = r"(?:[A-Z][\w'’.&-]{0,40}|(?:of|for|the|and|de|du|al|on)(?=\s+[A-Z]))"
# A name may end with an acronym or a party tag in brackets: "(SZRU)", "(R)", "(D-Calif.)".
_TAG = r"\((?:[A-Z][A-Za-z]{1,9}|[A-Z](?:-[A-Z][A-Za-z.]{0,9})?)\)"
_PROPER = rf"{_NAME_WORD}(?:\s+{_NAME_WORD}){{0,11}}(?:\s+{_TAG})?"
_PRONOUNS = {"he", "she", "they", "it", "we", "i", "you", "this", "that", "which", "who"}

_ACCORDING = re.compile(r"\baccording to\s+(?P<who>[^,.;:]{2,80}?)(?=\s*(?:[,.;:]|$))")
_INVERTED = re.compile(
    rf"[,”\"’']\s*(?P<verb>{_VERB})\s+"
    rf"(?P<who>(?:(?:the|a|an|one)\s+(?:[\w'’-]{{1,41}}\s+){{0,4}}?[\w'’-]{{1,41}}"
    # "said BP chief operating officer Doug Suttles": a name, a title in lowercase, a name
    rf"|{_PROPER}\s+(?:[a-z]{_WORD}\s+){{1,4}}{_PROPER}|{_PROPER}))"
    r"(?=\s*(?:[,.;:]|$))"
)
_AUXILIARY = re.compile(r"\b(?:is|was|were|are|had|has|have|would|will|could|may|might)\b")
_FORWARD = re.compile(
    rf"(?P<who>(?:(?:[A-Z][\w'’.&-]{{0,40}}|the|The|a|A|an|An|[a-z]{_WORD})\s+){{0,7}}?"
    rf"(?:{_PROPER}|[a-z]{_WORD})(?:\s+{_TAG})?)"
    rf",?\s+(?P<verb>{_VERB})\b"
)
_ANY_VERB = re.compile(rf"\b(?:{_VERB})\b")
"""A reporting verb anywhere: without one only "according to" can attribute a sentence."""
_APPOSITION = re.compile(rf"^(?P<name>{_PROPER}),\s+[^,]{{3,120}},\s+(?P<verb>{_VERB})\b")
_ACRONYM = re.compile(rf"(?P<full>{_PROPER})\s+\((?P<short>[A-Z][A-Za-z]{{1,9}})\)")
_LEADING = re.compile(r"^(?:and|but|while|as|when|because|so|then|however|also)\s+", re.I)
_TIME_WORDS = re.compile(
    r"\s+(?:on\s+)?(?:Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday|today|"
    r"yesterday|last\s+\w+|this\s+\w+|earlier|later|recently|on\s+\w+)\b.*$"
)
_TIME_START = re.compile(
    r"^(?:on\s+)?(?:Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday|today|"
    r"yesterday|tonight|earlier|later|recently|(?:last|this|next)\s+(?:week|month|year|weekend"
    r"|morning|afternoon|evening|night))\b",
    re.IGNORECASE,
)
# Words a speaker never ends with ("BP has said", "the company had previously said"): they
# are dropped; a speaker ending with a word that needs a continuation is no speaker at all
# ("...pledged swift action and said", "percent of the estimated").
_AUXILIARY_TAIL = re.compile(
    r"(?:\s+(?:has|have|had|also|previously|already|first|then|now|again|repeatedly|publicly"
    r"|would|will|could|may|might|did|does|do))+$",
    re.IGNORECASE,
)
# "is now said to be", "were first reported by", "due to be announced": a passive names no
# speaker before the verb.
_PASSIVE = re.compile(
    r"\b(?:is|are|was|were|be|been|being)(?:\s+(?:now|also|first|widely|often|still|not))*$",
    re.IGNORECASE,
)
_DANGLING = _table("and or nor but of the a an to in on at for with by from as than")
# A clause opening with a preposition or a participle is a circumstance, not a speaker:
# "In another step announced Monday", "Even at the minimum estimated rate", "appearing".
_NOT_SUBJECT = _table(
    "in at on for with by from after before during even to of as since until under over about into"
)
# Tokenised text writes brackets as -LRB- and -RRB-; the rules read them as brackets.
_TOKEN_BRACKETS = (("-LRB- ", "("), (" -RRB-", ")"), ("-LRB-", "("), ("-RRB-", ")"))


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
    if _PASSIVE.search(who):
        return ""
    who = _AUXILIARY_TAIL.sub("", who)
    if who.endswith(".") and len(who.split()[-1]) > 4:
        who = who[:-1]  # "said BP Vice-President Kent Wells." (not "Inc.", "Jr.")
    if not who or _TIME_START.match(who):
        return ""
    words = who.split()
    first, last = words[0].lower(), words[-1].lower()
    if first in _PRONOUNS or who.lower() in _PRONOUNS or first in _NOT_SUBJECT:
        return ""
    if last in _DANGLING or (len(words) == 1 and who.islower() and who.endswith(("ing", "ed"))):
        return ""  # "...swift action and", "appearing", "resumed"
    return who


def _resolve(who: str, known: dict[str, str]) -> str:
    bare = re.sub(r"^(?:the|The)\s+", "", who)
    return known.get(bare, who)


def attribute(sentence: str, known: dict[str, str] | None = None) -> Attribution:
    """The source a sentence gives for what it says, resolving known short forms.

    The speaker is written as in the sentence, tokeniser brackets included ("Bill McCollum
    -LRB- R -RRB-"), so a reader can tell whether the sentence names it.
    """
    if "-LRB-" in sentence or "-RRB-" in sentence:
        found = _attribute(_unbracket(sentence), known or {})
        return Attribution(_rebracket(found.speaker), found.claim)
    return _attribute(sentence, known or {})


def _unbracket(text: str) -> str:
    for token, bracket in _TOKEN_BRACKETS:
        text = text.replace(token, bracket)
    return text


def _rebracket(text: str) -> str:
    return text.replace("(", "-LRB- ").replace(")", " -RRB-")


def _attribute(sentence: str, table: dict[str, str]) -> Attribution:
    if match := _ACCORDING.search(sentence):
        who = _clean(match.group("who"))
        if who:
            return Attribution(_resolve(who, table), "according to")
    if _ANY_VERB.search(sentence) is None:
        return Attribution()
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
