"""Sentence splitting by rules: abbreviations, initials, numbers, quotes and line breaks.

A pure function over cleaned article text. It must not import ``briefing.ingest`` (a sibling
layer) nor any NLP package: the rest of the program only ever sees ``split_sentences``.
"""

# ruff: noqa: RUF001, RUF003  # Cyrillic words and typographic quotes are meant as written

from __future__ import annotations

import re
from typing import Final

__all__ = ["split_sentences"]


def _words(words: str) -> frozenset[str]:
    """A word table written as one space-separated string."""
    return frozenset(words.split())


# Abbreviations are written lowercase, without their final period. Internal periods stay
# ("u.s", "e.g"). Two kinds: TITLES precede a name and never end a sentence; the others end
# one only when the next word is a typical sentence opener ("... Apple Inc. The company").

_TITLES: Final[dict[str, frozenset[str]]] = {
    "en": _words(
        "mr mrs ms messrs dr prof gen lt col sgt capt cmdr maj adm brig rep reps sen gov "
        "rev hon pres supt insp det cpl pvt amb atty fr gens sens"
    ),
    "fr": _words("m mm mme mlle mgr dr pr me gal col cdt lt sgt"),
    "de": _words("hr hrn fr frl dr prof gen oberst"),
    "es": _words("sr sra srta sres dr dra lic ing gral cnel tte sgto don dña"),
    "ru": _words("г-н г-жа проф акад ген полк подп"),
    "uk": _words("п пані проф акад ген полк"),
}

_MONTHS_ABBR: Final[dict[str, frozenset[str]]] = {
    "en": _words("jan feb mar apr jun jul aug sep sept oct nov dec"),
    "fr": _words("janv févr fév avr juil sept oct nov déc"),
    "de": _words("jan feb febr mär apr jun jul aug sep sept okt nov dez"),
    "es": _words("ene feb mar abr jun jul ago sep sept set oct nov dic"),
    "ru": _words("янв фев февр мар апр авг сен сент окт нояб дек"),
    "uk": _words("січ лют бер квіт трав черв лип серп вер жовт лист груд"),
}

_ABBREVIATIONS: Final[dict[str, frozenset[str]]] = {
    "en": _words(
        "u.s u.k u.n e.u u.s.a u.a.e d.c a.m p.m e.g i.e etc vs cf al approx est "
        "inc corp co ltd llc plc bros jr sr st mt ft no nos vol fig pp p para art dept "
        "univ assn govt intl natl min max ca c.e b.c a.d ph.d b.a m.a"
    ),
    "fr": _words(
        "etc cf p.ex env av apr j.-c n° no nos vol éd chap art bd st ste ex c.-à-d dir sté cie"
    ),
    "de": _words(
        "z.b u.a d.h usw bzw ca nr st evtl ggf vgl mio mrd inkl abs bd zit s "
        "u.ä o.ä u.s.w z.t i.d.r v.a v.chr n.chr jh"
    ),
    "es": _words("ee.uu etc p.ej pág núm no art vol ud uds cía s.a avda av ej aprox a.c d.c"),
    "ru": _words("г гг т.е т.д т.п т.к др пр им ул д руб млн млрд тыс см напр стр рис т.н ок"),
    "uk": _words("р рр т.зв т.д т.п тис млн млрд грн ім вул див с ст напр м обл др пр"),
}

# Words that typically open a sentence: after an abbreviation that may also end one
# ("in the U.S. The president ..."), such a word means the sentence did end there.
_STARTERS: Final[dict[str, frozenset[str]]] = {
    "en": _words(
        "the a an he she it they we i you his her its their our this that these those there "
        "but and in on at after before when while if as however meanwhile then so yet also "
        "what who why how some many most one no"
    ),
    "fr": _words(
        "le la les l il elle ils elles on nous je un une des ce cet cette ces mais et en "
        "dans selon après avant lorsque quand si cependant puis"
    ),
    "de": _words(
        "der die das ein eine er sie es wir ich man aber und in im am nach vor als wenn "
        "doch dann dies diese dieser auch"
    ),
    "es": _words(
        "el la los las un una él ella ellos ellas pero y en según después antes cuando si "
        "sin este esta estos estas también"
    ),
    "ru": _words(
        "он она оно они мы я это этот эта эти в на но и а по после до когда если как так "
        "однако также"
    ),
    "uk": _words(
        "він вона воно вони ми я це цей ця ці в у на але і й а по після до коли якщо як однак також"
    ),
}

_MONTH_NAMES_DE: Final = _words(
    "januar jänner februar märz april mai juni juli august september oktober november dezember"
)

_TERMINATOR: Final = re.compile(r"[.!?…]+|\.\.\.")
_CLOSERS: Final = "\"'”’»)]›"
_SENTENCE_END: Final = ".!?…" + _CLOSERS
_OPENERS: Final = "\"'“‘«([¿¡‹"
_HAS_WORD: Final = re.compile(r"\w")


def _table(tables: dict[str, frozenset[str]], language: str) -> frozenset[str]:
    """The language's table, falling back to English for languages without one."""
    return tables.get(language.lower()[:2], tables["en"])


def _word_before(text: str, end: int) -> str:
    """The non-space token that ends at ``end`` (the period excluded), without opening quotes."""
    start = end
    while start > 0 and not text[start - 1].isspace():
        start -= 1
    return text[start:end].lstrip(_OPENERS)


def _word_after(text: str, start: int) -> str:
    """The next token after ``start``, without opening quotes or brackets."""
    end = start
    while end < len(text) and not text[end].isspace():
        end += 1
    return text[start:end].lstrip(_OPENERS).rstrip(".,;:!?" + _CLOSERS)


def _is_boundary(text: str, dot: int, nxt: int, language: str) -> bool:
    """Whether the period at ``dot`` ends a sentence, the next token starting at ``nxt``."""
    following = _word_after(text, nxt)
    first = text[nxt]
    if first.islower() or first in "),;:":
        return False  # the sentence goes on: "(R-La.) said", "the U.S. and"
    starter = following.lower() in _table(_STARTERS, language)
    word = _word_before(text, dot)
    key = word.lower()
    if key in _table(_TITLES, language):
        return False
    if key in _table(_MONTHS_ABBR, language):
        return not following[:1].isdigit() and starter
    if key in _table(_ABBREVIATIONS, language):
        return starter
    if len(word) == 1 and word.isalpha():
        # An initial ("J. R. R. Tolkien", "В. В. Путин") or a one-letter abbreviation.
        return starter and not re.match(r"\w\.(?:\s|$)", text[nxt : nxt + 3])
    if re.fullmatch(r"(?:\w{1,3}\.)+\w{1,3}", word):
        # Dotted acronyms not in the tables: "U.S.A.", "D.C.", "т.е."
        return starter
    if language.startswith("de") and word.isdigit() and len(word) <= 2:
        # German ordinals: "am 17. September", "der 3. Oktober".
        return following.lower() not in _MONTH_NAMES_DE
    return first.isupper() or first.isdigit() or first in _OPENERS or not first.isalpha()


def _split_segment(text: str, start: int, end: int, language: str) -> list[tuple[int, int]]:
    """Sentence spans of ``text[start:end]``, a stretch with no line-break boundary inside."""
    spans: list[tuple[int, int]] = []
    sentence_start = start
    pos = start
    while True:
        match = _TERMINATOR.search(text, pos, end)
        if match is None:
            break
        close = match.end()
        while close < end and text[close] in _CLOSERS:
            close += 1
        nxt = close
        while nxt < end and text[nxt].isspace():
            nxt += 1
        pos = close
        if nxt == close or nxt >= end:
            # No space after the mark (3.5, U.S.A, "end."Next) or end of the stretch.
            continue
        dot = match.start()
        boundary = (
            _is_boundary(text, dot, nxt, language)
            if text[match.start() : match.end()] == "."
            else not text[nxt].islower()
        )
        if boundary:
            spans.append((sentence_start, close))
            sentence_start = nxt
    spans.append((sentence_start, end))
    return spans


def _segments(text: str) -> list[tuple[int, int]]:
    """Stretches separated by line breaks that end a sentence (one sentence per line)."""
    segments: list[tuple[int, int]] = []
    seg_start = 0
    for match in re.finditer(r"\n", text):
        before = text[seg_start : match.start()].rstrip()
        after = text[match.end() : match.end() + 1]
        blank = not before or after in ("\n", "")
        wrapped = (not blank) and before[-1] not in _SENTENCE_END and after.islower()
        if not wrapped:
            segments.append((seg_start, match.start()))
            seg_start = match.end()
    segments.append((seg_start, len(text)))
    return segments


def _strip(text: str, start: int, end: int) -> tuple[int, int]:
    """The span without surrounding whitespace."""
    while start < end and text[start].isspace():
        start += 1
    while end > start and text[end - 1].isspace():
        end -= 1
    return start, end


def split_sentences(text: str, language: str = "en") -> tuple[tuple[int, int], ...]:
    """Split ``text`` into sentences: ``(start, end)`` offsets, stripped of surrounding spaces.

    A line break ends a sentence unless the line stops mid-sentence and the next one starts in
    lowercase (hard-wrapped text). Within a line, ``.``, ``!``, ``?`` and ``…`` end a sentence
    when followed by a space and a capital, digit or quote, except after abbreviations of
    ``language`` (``en``, ``fr``, ``de``, ``es``, ``ru``, ``uk``; others use English), initials
    and month abbreviations before a day ("Sept. 17"). Closing quotes after the period belong to
    the sentence. Fragments without a letter or digit (a stray quote) join the sentence before.
    """
    spans: list[tuple[int, int]] = []
    for seg_start, seg_end in _segments(text):
        for start, end in _split_segment(text, seg_start, seg_end, language):
            start, end = _strip(text, start, end)
            if start == end:
                continue
            if spans and not _HAS_WORD.search(text, start, end):
                previous_start, previous_end = spans[-1]
                if "\n\n" not in text[previous_end:start]:
                    spans[-1] = (previous_start, end)
                    continue
            spans.append((start, end))
    return tuple(spans)
