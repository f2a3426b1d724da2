"""How alike two event sentences are: content words and named entities, weighted by rarity.

Helpers of ``briefing.chronology`` (which holds the merge rules). Pure functions over strings:
no files, no document libraries. A shared date is never evidence here: the date phrase, month
and weekday names and years are left out of the features, so two events that only share a day
score nothing.
"""

from __future__ import annotations

import functools
import math
import re
from collections import Counter
from collections.abc import Mapping
from dataclasses import dataclass
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from collections.abc import Iterable


def _words(words: str) -> frozenset[str]:
    """A word table written as one space-separated string."""
    return frozenset(words.split())


_STOPWORDS = _words(
    """
    a about above after again against all almost also although am among an and any are
    around as at be because been before being below between both but by can could did do
    does doing down during each either else even ever every few for from further had has have
    having he her here hers herself him himself his how however i if in into is it its itself
    just least less like many may me might more most much must my myself near nearly no nor
    not now of off on once one only or other others our ours ourselves out over own per
    rather same several she should since so some still such than that the their theirs them
    themselves then there these they this those though through thus to too under until up
    upon us very via was we were what whatever when where whether which while who whom whose
    why will with within without would yet you your yours yourself yourselves
    said says say saying told tell tells according added adding also reported reporting
    report reports mr mrs ms dr new year years day days week weeks month months time
    today yesterday tomorrow tonight morning afternoon evening night last next ago early
    late earlier later recently yesterday's today's
    january february march april may june july august september october november december
    jan feb mar apr jun jul aug sep sept oct nov dec
    monday tuesday wednesday thursday friday saturday sunday
    """
)
"""Function words, reporting verbs and calendar words: none of them says what happened."""

_WORD = re.compile(r"[A-Za-z][A-Za-z'’-]*")
_YEAR = re.compile(r"(?:1[89]|20)\d\d")
_ENTITY = re.compile(r"[A-Z][\w’'&.-]*(?:\s+(?:(?:of|the|de|for|and|on)\s+)?[A-Z][\w’'&.-]*)*")
_POSSESSIVE = re.compile(r"['’]s?$")

ENTITY_BOOST = 1.5
"""How much more a named entity or a number counts than a plain content word."""


def stem(word: str) -> str:
    """A light stem: plural, past and gerund endings off ("killed", "kills" -> "kill").

    Light on purpose: it only has to make two reports of one event share their words; a real
    stemmer's conflations ("organ"/"organization") would only add false matches.
    """
    for suffix, replacement in (("ies", "y"), ("ing", ""), ("ed", ""), ("es", ""), ("s", "")):
        if word.endswith(suffix) and len(word) - len(suffix) >= 3:
            if suffix == "es" and not word.endswith(("ses", "xes", "ches", "shes", "zes")):
                word = word[:-1]
            else:
                word = word[: len(word) - len(suffix)] + replacement
            break
    # A final double letter is collapsed everywhere, so "spill", "spilled", "spilling" agree.
    if len(word) > 3 and word[-1] == word[-2]:
        word = word[:-1]
    return word


def _entities(text: str) -> set[str]:
    """Capitalised sequences not opening the sentence with a function word ("The", "But")."""
    found: set[str] = set()
    for match in _ENTITY.finditer(text):
        words = [_POSSESSIVE.sub("", word) for word in match.group().split()]
        while words and words[0].lower() in _STOPWORDS:
            words.pop(0)
        while words and words[-1].lower() in _STOPWORDS:
            words.pop()
        if words:
            found.add("E:" + " ".join(words).lower())
    return found


@functools.lru_cache(maxsize=1 << 16)
def features(text: str) -> frozenset[str]:
    """The terms of a sentence: stemmed content words, ``E:`` entities and ``N:`` numbers.

    Pass the sentence with its date phrase already blanked out (``without_span``). Cached
    (a bounded number of texts): grouping and salience ask for the same sentences' terms
    several times.
    """
    terms: set[str] = set()
    for match in _WORD.finditer(text):
        word = _POSSESSIVE.sub("", match.group().lower()).strip("-")
        if len(word) > 1 and word not in _STOPWORDS:
            terms.add(stem(word))
    terms |= _entities(text)
    for match in _QUANTITY.finditer(text):
        number, unit = match.group("number"), match.group("unit") or ""
        if not (_YEAR.fullmatch(number) and not unit):
            # "$350m" and "350 million" are one number.
            terms.add(f"N:{_value(number, unit):g}")
    return frozenset(terms)


GIST_PREFIX = 5
"""Letters a word is cut to for the coarse features: "explosion", "exploded", "explode" all
become "explo", so a reference and a report that word one event differently still meet."""


def gist(text: str, first: int, last: int, start: int, end: int) -> frozenset[str]:
    """Coarse features of ``text[first:last]`` (its date phrase ``text[start:end]`` left out):
    content words cut to ``GIST_PREFIX`` letters, entities and numbers.

    Coarser than ``features`` on purpose: it compares a short clause ("the 20 April blast")
    with whole reports, where any shared word of substance is evidence.
    """
    terms = features(without_span(text, start, end)[first:last])
    return frozenset(term if ":" in term else term[:GIST_PREFIX] for term in terms)


_SUBORDINATE = re.compile(
    r"\b(?:since|after|following|when|in the wake of|before|until|that|which|as)\b", re.I
)
BACKGROUND_SHARE = 0.6
"""How much of a sentence's weight must lie outside the clause of its date for that clause to
count as background ("BP's shares have fallen since the April 20 explosion")."""


def main_clause(text: str, start: int, end: int) -> str:
    """The sentence without the subordinate clause that holds its date, or "" if none does.

    News repeats the story's key event as background: "..., since the rig exploded on 20
    April". Such a sentence reports its main clause, not the explosion, so two sentences
    merge only when their main clauses agree too.
    """
    before = max(text.rfind(",", 0, start), text.rfind(";", 0, start), text.rfind(" -- ", 0, start))
    after = [index for index in (text.find(",", end), text.find(";", end)) if index >= 0]
    segment_end = min(after) if after else len(text)
    openers = list(_SUBORDINATE.finditer(text, before + 1, start))
    if not openers:
        return ""
    clause_start = openers[-1].start()
    return f"{text[:clause_start]} {text[segment_end:]}"


@dataclass(frozen=True, slots=True, kw_only=True)
class Profile:
    """What the merge decision compares of a sentence."""

    terms: frozenset[str]
    """Features of the whole sentence, its date phrase left out."""
    main: frozenset[str]
    """Features of what the sentence reports: its main clause when the date sits in a
    background clause, else the same as ``terms``."""


def profile_of(text: str, start: int, end: int, weights: Weights | None = None) -> Profile:
    """The profile of a sentence whose date phrase is ``text[start:end]``.

    Without weights every clause counts as the main one (weights are computed from the
    ``terms`` of all profiles, then profiles are taken again with them).
    """
    terms = features(without_span(text, start, end))
    rest = main_clause(text, start, end)
    if not rest or weights is None:
        return Profile(terms=terms, main=terms)
    main = features(rest)
    if weights.mass(main) >= BACKGROUND_SHARE * weights.mass(terms):
        return Profile(terms=terms, main=main)
    return Profile(terms=terms, main=terms)


def without_span(text: str, start: int, end: int) -> str:
    """``text`` with ``text[start:end]`` blanked: the date phrase must not count as content."""
    if 0 <= start < end <= len(text):
        return text[:start] + " " * (end - start) + text[end:]
    return text


@dataclass(frozen=True, slots=True, kw_only=True)
class Weights:
    """Inverse document frequencies over the sentences of one run.

    Computed per run because rarity depends on the story: in a folder about an oil spill,
    "oil" and "BP" say nothing about which event a sentence reports; "Hayward" might.
    """

    documents: int
    """How many sentences the frequencies were counted over."""
    frequency: Mapping[str, int]
    """Term -> number of sentences holding it."""

    def weight(self, term: str) -> float:
        """Smoothed IDF, boosted for entities and numbers; an unseen term weighs the most."""
        idf = math.log((1 + self.documents) / (1 + self.frequency.get(term, 0))) + 1.0
        return idf * ENTITY_BOOST if term[:2] in ("E:", "N:") else idf

    def mass(self, terms: frozenset[str]) -> float:
        """The squared weight of a set of terms: how much it says."""
        return sum(self.weight(term) ** 2 for term in terms)


def weigh(profiles: Iterable[frozenset[str]]) -> Weights:
    """The weights of a run, from the feature sets of all its sentences."""
    counts: Counter[str] = Counter()
    documents = 0
    for terms in profiles:
        counts.update(terms)
        documents += 1
    return Weights(documents=documents, frequency=dict(counts))


def similarity(first: frozenset[str], second: frozenset[str], weights: Weights) -> float:
    """Weighted cosine of two feature sets (binary term frequency, IDF weights), in [0, 1]."""
    if not first or not second:
        return 0.0
    shared = sum(weights.weight(term) ** 2 for term in first & second)
    if shared == 0.0:
        return 0.0
    norm_first = math.sqrt(sum(weights.weight(term) ** 2 for term in first))
    norm_second = math.sqrt(sum(weights.weight(term) ** 2 for term in second))
    return shared / (norm_first * norm_second)


def squared_weights(weights: Weights, term_sets: Iterable[frozenset[str]]) -> dict[str, float]:
    """``weights.weight(term) ** 2`` for every term of the sets.

    Comparing many pairs of one run needs each term's squared weight again and again; taken
    from this table, it is computed once (the same float as ``similarity`` computes).
    """
    squares: dict[str, float] = {}
    for terms in term_sets:
        for term in terms:
            if term not in squares:
                squares[term] = weights.weight(term) ** 2
    return squares


def norm(terms: frozenset[str], squares: Mapping[str, float]) -> float:
    """The norm ``similarity`` divides by, computed once per sentence instead of once per pair."""
    return math.sqrt(sum(squares[term] for term in terms))


def cosine(
    shared: frozenset[str], norm_first: float, norm_second: float, squares: Mapping[str, float]
) -> float:
    """``similarity`` from the terms two sets share and their ``norm``: the same value, bit for
    bit, when ``shared`` is ``first & second`` (the sum runs over the same set in its order)."""
    total = sum(squares[term] for term in shared)
    if total == 0.0:
        return 0.0
    return total / (norm_first * norm_second)


_QUANTITY = re.compile(
    r"(?<![\w.,])(?P<number>\d[\d,]*(?:\.\d+)?)(?P<unit>\s?(?:%|per ?cent|million|billion|"
    r"bn|m\b|thousand|hundred))?(?![\w])"
)
_MONTH_WORDS = _words(
    "january february march april may june july august september october november december "
    "jan feb mar apr jun jul aug sep sept oct nov dec"
)
_FILLERS = _words(
    "of its their the his her more than about some around nearly at least up to almost over "
    "an a additional other another estimated roughly approximately"
)
_VERB_WORDS = _words("killed kill kills killing left leaving dead injured wounded")


@dataclass(frozen=True, slots=True)
class Quantity:
    """A number a sentence attaches to a word: "killed 84", "1,500 mercenaries"."""

    key: str
    """The stem of the word it counts or the verb it follows ("mercenary", "kil")."""
    word: str
    """That word as written, for the reader ("mercenaries", "killed")."""
    number: str
    """The number as written, unit included ("1,500", "5,000", "80%")."""
    value: float
    """Its value, for comparing and sorting."""


def _value(number: str, unit: str) -> float:
    scale = {"million": 1e6, "m": 1e6, "billion": 1e9, "bn": 1e9, "thousand": 1e3}
    return float(number.replace(",", "")) * scale.get(unit.strip().lower(), 1.0)


def quantities(text: str) -> tuple[Quantity, ...]:
    """The numbers of a sentence with the noun after them or the verb ("killed") before them.

    Years and day numbers next to a month name are dates, not quantities, and are skipped.
    """
    found: list[Quantity] = []
    for match in _QUANTITY.finditer(text):
        number, unit = match.group("number"), match.group("unit") or ""
        if _YEAR.fullmatch(number) and not unit:
            continue
        before = _WORD.findall(text[max(0, match.start() - 40) : match.start()])
        after = _WORD.findall(text[match.end() : match.end() + 60])
        if (before and before[-1].lower() in _MONTH_WORDS) or (
            after and after[0].lower() in _MONTH_WORDS
        ):
            continue
        written = f"{number}{unit}"
        value = _value(number, unit)
        # A share is not a count: "80% of workers" never disagrees with "11 workers".
        kind = "%" if unit.strip().lower() in ("%", "per cent", "percent") else ""
        nouns = [word for word in after[:4] if word.lower() not in _FILLERS]
        if nouns and nouns[0].lower() not in _STOPWORDS:
            found.append(Quantity(kind + stem(nouns[0].lower()), nouns[0], written, value))
        verbs = [word for word in before[-3:] if word.lower() not in _FILLERS]
        if verbs and verbs[-1].lower() in _VERB_WORDS:
            found.append(Quantity(kind + stem(verbs[-1].lower()), verbs[-1], written, value))
    return tuple(found)


def differences(texts: Iterable[str]) -> tuple[str, ...]:
    """What sentences reporting one event disagree on: "killed: 84 / 100", in key order.

    Two sentences disagree on a word when both attach numbers to it and no number is shared;
    a sentence that gives two figures for one word ("5,000 or 1,000 barrels") disagrees with
    neither of them.
    """
    per_text = [quantities(text) for text in texts]
    values: dict[str, dict[float, str]] = {}
    words: dict[str, str] = {}
    sets: dict[str, list[frozenset[float]]] = {}
    for found in per_text:
        by_key: dict[str, set[float]] = {}
        for quantity in found:
            by_key.setdefault(quantity.key, set()).add(quantity.value)
            values.setdefault(quantity.key, {}).setdefault(quantity.value, quantity.number)
            words.setdefault(quantity.key, quantity.word)
        for key, numbers in by_key.items():
            sets.setdefault(key, []).append(frozenset(numbers))
    notes = []
    for key in sorted(sets):
        groups = sets[key]
        if any(not (one & other) for i, one in enumerate(groups) for other in groups[i + 1 :]):
            written = " / ".join(values[key][value] for value in sorted(values[key]))
            notes.append(f"{words[key]}: {written}")
    return tuple(notes)
