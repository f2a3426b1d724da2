"""Furniture glued into a line of text: headlines, datelines, wire credits, bullets, subheads.

Copied and re-joined news text often runs a headline, a standfirst, a timestamp or a caption
into the first sentence on one line ("Deepwater Horizon disaster sparks investor panic Thursday
29 April 2010 17.33 BST Shares in BP plunged..."). ``cut`` splits such a line into pieces at the
boundaries it finds and names the pieces that are furniture; the cleaner makes each piece a line
of its own, so the usual line rules judge the rest and every span still indexes the cleaned
text. Pure string rules; it must not import ``briefing.extract``.
"""

from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass
from typing import Final

__all__ = ["TOP_LINES", "Piece", "cut"]


def _table(words: str) -> frozenset[str]:
    """A word table written as one space-separated string."""
    return frozenset(words.split())


@dataclass(frozen=True, slots=True)
class Piece:
    """A stretch of a line, with the rule that found it to be furniture ("" when it is not)."""

    text: str
    reason: str = ""
    weak: bool = False
    """The reason holds only when the piece has no date and no final punctuation (a glued
    fragment may also be a dated sentence that lost its full stop)."""


_WEEKDAY: Final = (
    r"(?:Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday"
    r"|Mon|Tues?|Wed|Thu(?:rs?)?|Fri|Sat|Sun)\.?"
)
_MONTH: Final = (
    r"(?:January|February|March|April|May|June|July|August|September|October|November"
    r"|December|Jan|Feb|Mar|Apr|Jun|Jul|Aug|Sept?|Oct|Nov|Dec)\.?"
)
_DATE: Final = (
    rf"(?:{_WEEKDAY},?\s+)?(?:\d{{1,2}}(?:st|nd|rd|th)?\s+{_MONTH},?\s+\d{{4}}"
    rf"|{_MONTH}\s+\d{{1,2}},?\s+\d{{4}})"
)
_ZONE: Final = r"(?:BST|GMT|UTC|EDT|EST|CDT|CST|MDT|MST|PDT|PST|ET|CET|CEST|UK time|UK|local time)"
_CLOCK: Final = rf"\d{{1,2}}[:.]\d{{2}}(?:[:.]\d{{2}})?\s*(?:[ap]\.?m\.?)?(?:\s*{_ZONE}\b)?"
_UPDATED: Final = r"(?:(?:page\s+)?last\s+updated:?(?:\s+at)?\s*)"

# A publication timestamp: a full date and a clock time side by side, with the labels and
# separators sites put around them ("Thursday 29 April 2010 17.33 BST", "22 June 2010 Last
# updated at 05:09 GMT Help", "18:17 UK time, Tuesday, 16 June 2009", "Wed Apr 29, 2009 3:21 pm
# BST", "Thursday, April 29, 2010; 4:49 PM"). A sentence says "at 9.45pm on 20 April", never
# this, so what comes before it on its line (headline, standfirst, byline) is furniture too.
_STAMP: Final = re.compile(
    rf"{_UPDATED}?(?:{_DATE}[\s,;|-]*{_UPDATED}?{_CLOCK}|{_CLOCK}[\s,;|-]*{_DATE})"
    rf"(?:\s+{_CLOCK})?(?:\s+Help\b)?[\s|:;,-]*",
    re.IGNORECASE,
)
_CLOCK_HINT: Final = re.compile(r"\d[:.]\d\d")
# A wire service's credit closing a dateline: "WASHINGTON, April 27 (Reuters) - ".
_WIRE: Final = re.compile(r"\(\s*(?:Reuters|AP|AFP|UPI|dpa|Bloomberg)\s*\)\s*(?:--?|—|–)\s+")
# The place of a dateline: "HOUSTON", "SAO PAULO, Brazil, June 21", "" (none).
_PLACE: Final = re.compile(
    r"(?:[A-Z][A-Z.'’\\/-]+(?:\s+[A-Z][A-Z.'’\\/-]+)*(?:,\s+[A-Z][\w.]*(?:\s+[A-Z][\w.]*)?)*"
    rf"(?:,\s+{_MONTH}\s+\d{{1,2}})?)?"
)
# An agency's dateline in capitals, at an article's start: "OCEAN SPRINGS, Miss. -- ".
_PLACE_DASH: Final = re.compile(
    r"(?:[A-Z][A-Z.'’\\/-]+\s+)*[A-Z][A-Z.'’\\/-]+"
    r"(?:,\s+[A-Z][A-Za-z]*\.?(?:\s+[A-Z][A-Za-z]*\.?)?)?"
    r"\s+--\s+(?=[\"“A-Z])"
)
# Credits and pointers opening a line: a photo agency ("(Reuters) Despite today's focus..."),
# the tail of a site address split off by a tokenizer ("guardian." / "co. uk Engineers
# will..."), a bracketed link to elsewhere. A live blog's entry time ("10.20 am ET: ...")
# stays: it is when the entry's news happened.
_OPENING: Final = (
    (
        "credits",
        re.compile(
            r"^\(\s*(?:Reuters|AP|AFP|EPA|Getty Images)\s*\)\s+(?=[A-Z])"
            r"|^co\.\s?uk\s+(?=[A-Z])"
        ),
    ),
    (
        "credits",
        re.compile(
            r"^(?:a version (?:of this (?:article|story) )?|this (?:article|story) )appeared "
            r"(?:on|in)\b.{0,160}?\b\d{4}\b\.?\s*(?=[\"“A-Z])",
            re.IGNORECASE,
        ),
    ),
    (
        "navigation",
        re.compile(
            r"^\([^()]{0,200}?\bclick\b[^()]{0,100}?\)\s*(?=[\"“A-Z])"
            r"|^(?:-\s+){3,}[^-]{0,200}?\bclick here\b[\s-]*(?=[\"“A-Z])",
            re.IGNORECASE,
        ),
    ),
)
# A photo credit inside a line, between its caption and the next sentence: "...operated by BP
# Photograph: Al Grillo/AP BP shares slid..."
_PHOTO_CREDIT: Final = re.compile(
    r"(?<=\s)(?:Photograph|Photo|Picture|Image)s?:\s+[^.!?]{0,60}?\\?/\S+(?:\s+Images)?\s+"
    r"(?=[\"“A-Z])"
)
# List bullets as tokenised text renders them: "•" became "cents" in some collections.
# A marker is a bullet where it opens the line or follows a colon, before a capital, quote
# or (not after a number: "2 cents in") a digit, and before anything once a line has bullets.
_BULLET: Final = re.compile(r"(?:^|\s)(?:cents|\\?\*|•|·)\s+(?=\S)")
# A subheading in capitals run into its paragraph: "NEW CAP FOR LEAKING OIL WELL When ...".
_SUBHEAD: Final = re.compile(
    r"^(?P<head>(?:(?:[A-Z0-9][A-Z0-9'’&:,-]*|[-–—])\s+){2,}[A-Z0-9][A-Z0-9'’&:,-]*)"
    r"\s+(?=[A-Z][a-z])"
)
# A sentence start glued to a fragment before it: "...miles of coastline The company said...".
# Only words that open sentences and are not names, followed by a lowercase word.
_OPENERS: Final = (
    "The A An This These Those It He She They We There Its His Her Their Our In On At After "
    "As When While But For From With Some Many Most Two Three Four Five Six Seven Eight Nine Ten"
)
# Matched from the space before the opener (lines have single spaces); the character before
# it must end a word: a letter, a digit, "%", or a closing quote after a word.
_GLUE: Final = re.compile(rf" (?=(?P<opener>{'|'.join(_OPENERS.split())}) (?P<next>\w[\w’'-]*))")
_WORD_END: Final = re.compile(r"(?:[A-Za-z0-9%]|\w[’'”\"])$")
# "The" before a name ("The White House", "The US") opens a sentence too, except after the
# words that introduce a title: "told The Associated Press", "in The Times".
_BEFORE_TITLE: Final = _table(
    "in of to by from on at for with via into than as like about and or that told tell "
    "tells said says wrote writes read reads call calls called named dubbed quoted cited "
    "watch watched see book books film show programme program newspaper paper magazine"
)
# "Believe It or Not": a capitalised word, an opener, then one of these is a title.
_IN_TITLE: Final = _table("or and nor of")
# "influenza A virus", "type A flu": "A" after these words is a name, not an article.
_NAMED_A: Final = _table(
    "influenza flu type subtype sub-type strain grade class category vitamin hepatitis "
    "plan exhibit group phase list division section level tier part schedule"
)
# The last sentence end inside a stretch: a fragment keeps the sentences before it. Not
# after a title or an initial ("Prof. John Oxford", "George W. Bush", "U.S. Navy").
_SENTENCE_END: Final = re.compile(
    r"(?<!\b[A-Z])(?<!\b(?:Mr|Ms|Dr|St|Lt|Co))(?<!\b(?:Mrs|Gen|Sen|Rep|Gov|Adm|Col|Sgt|Rev))"
    r"(?<!\b(?:Prof|Capt|Supt))[.!?…][\"'”’)]*\s+(?=[\"“A-Z0-9])"
)
_WORD: Final = re.compile(r"\w+")
TOP_LINES: Final = 3
"""How many first lines of an article may hold a headline, standfirst and dateline."""


def _words(text: str) -> int:
    return len(_WORD.findall(text))


def _ends_sentence(text: str) -> bool:
    return text.rstrip(" \"'”’)").endswith((".", "!", "?", "…", ":"))


def _fragment(text: str, reason: str) -> list[Piece]:
    """Pieces for a stretch that ran into what follows: the sentences before its last full
    stop stay, the rest is furniture under ``reason`` (a weak reason: dated text stays)."""
    text = text.strip()
    if not text:
        return []
    ends = list(_SENTENCE_END.finditer(text))
    if not ends:
        return [Piece(text, reason, weak=True)]
    split = ends[-1].end()
    return [Piece(text[:split].rstrip()), Piece(text[split:], reason, weak=True)]


def _head(text: str, start: int, end: int) -> list[Piece]:
    """The pieces for a dateline at ``text[start:end]`` and what precedes it: a sentence
    before it stays, anything else before it is its headline, standfirst or byline."""
    before = text[:start].strip()
    furniture = Piece(text[start:end].strip(), "dateline")
    if not before:
        return [furniture]
    if _ends_sentence(before):
        return [Piece(before), furniture]
    ends = list(_SENTENCE_END.finditer(before))
    if ends:  # sentences, then the headline: "...the agency responsible... NEW ORLEANS"
        split = ends[-1].end()
        return [Piece(before[:split].rstrip()), Piece(before[split:], "headline"), furniture]
    return [Piece(before, "headline"), furniture]


def _cut_stamps(line: str, *, top: bool) -> list[Piece]:
    """Cut publication timestamps and wire datelines (with the headline before them)."""
    pieces: list[Piece] = []
    rest = line
    while True:
        match = _first_dateline(rest, top=top)
        if match is None:
            break
        start, end = match
        pieces.extend(_head(rest, start, end))
        rest = rest[end:]
    if rest.strip():
        pieces.append(Piece(rest.strip()))
    return pieces


def _first_dateline(text: str, *, top: bool) -> tuple[int, int] | None:
    """The span of the first timestamp or wire dateline in ``text``, if any."""
    found = []
    # The full patterns are slow to try at every character: cheap tests first.
    if _CLOCK_HINT.search(text) is not None and (match := _STAMP.search(text)) is not None:
        found.append((match.start(), match.end()))
    # Below the top, an agency dateline still opens its line (articles pasted one after
    # another): only the place may precede it.
    if (match := _WIRE.search(text)) is not None and (
        top or _PLACE.fullmatch(text[: match.start()].strip())
    ):
        found.append((match.start(), match.end()))
    place = None
    if " -- " in text:
        place = _PLACE_DASH.search(text) if top else _PLACE_DASH.match(text)
    if (
        place is not None
        and (top or place.start() == 0)
        and sum(char.isupper() for char in place.group()) >= 4
    ):
        found.append((place.start(), place.end()))
    return min(found) if found else None


def _cut_bullets(piece: Piece) -> list[Piece]:
    """Bullet markers dropped; each item becomes a piece of its own."""
    if piece.reason or _BULLET.search(piece.text) is None:
        return [piece]
    pieces: list[Piece] = []
    position = 0
    listing = False
    for match in _BULLET.finditer(piece.text):
        before = piece.text[: match.start()].rstrip()
        after = piece.text[match.end()]
        after_number = before[-1:].isdigit()
        if not (
            not before
            or before.endswith(":")
            or after.isupper()
            or after in '"“'
            or (not after_number and (after.isdigit() or listing))
        ):
            continue
        listing = True
        if piece.text[position : match.start()].strip():
            pieces.append(Piece(piece.text[position : match.start()].strip()))
        pieces.append(Piece(match.group().strip(), "bullet"))
        position = match.end()
    pieces.append(Piece(piece.text[position:].strip()))
    return pieces


def _cut_credit(piece: Piece, *, top: bool) -> list[Piece]:
    """A photo credit inside a line: the caption before it and the credit go."""
    match = None if piece.reason else _PHOTO_CREDIT.search(piece.text)
    if match is None:
        return [piece]
    caption = _cut_glue(Piece(piece.text[: match.start()].strip()), top=top)
    if caption and not caption[-1].reason:
        # The caption itself, right before its credit: dropped even when dated ("...seen
        # burning in April"); sentences before it on the line stay.
        fragment = _fragment(caption[-1].text, "caption")
        fragment[-1] = Piece(fragment[-1].text, "caption")
        caption[-1:] = fragment
    credit = Piece(match.group().strip(), "credits")
    return [*caption, credit, Piece(piece.text[match.end() :].strip())]


def _cut_glue(piece: Piece, *, top: bool) -> list[Piece]:
    """A subhead, headline or caption run into the sentence that follows it.

    At the top of an article the fragment is a headline or standfirst (dropped unless dated);
    further down it is only split off, and the caption rule judges it as a line of its own.
    """
    if piece.reason:
        return [piece]
    text = piece.text
    pieces: list[Piece] = []
    if (match := _SUBHEAD.match(text)) is not None:
        head = match.group("head")
        if sum(1 for word in head.split() if len(word) >= 4 and word.isalpha()) >= 2:
            pieces.append(Piece(head, "subhead", weak=True))
            text = text[match.end() :]
    position = 0
    for match in _GLUE.finditer(text):
        if not _ends_word(text, match.start()):
            continue
        before = text[position : match.start()]
        if not _glues(before, match.group("opener"), match.group("next")):
            continue
        if _words(before) < 3 or _words(text[match.end() :]) < 3:
            continue
        pieces.extend(_fragment(before, "headline" if top else ""))
        position = match.end()
    pieces.append(Piece(text[position:].strip()))
    return [piece for piece in pieces if piece.text]


def _ends_word(text: str, end: int) -> bool:
    """Whether ``text[:end]`` ends a word (no punctuation between it and what follows)."""
    return _WORD_END.search(text, max(0, end - 2), end) is not None


def _glues(before: str, opener: str, following: str) -> bool:
    """Whether ``opener`` (then ``following``) starts a new sentence after ``before``."""
    previous = before.split()[-1].lstrip("\"“‘'`(") if before.split() else ""
    folded = previous.casefold()
    if following[:1].isupper():
        # "...the leaking well The US government has...", not "...told The Associated Press"
        # nor "Radio 4's The Report"
        return (
            opener == "The"
            and folded not in _BEFORE_TITLE
            and not previous[:1].isupper()
            and not folded.endswith(("'s", "’s"))
        )
    if not (following[:1].islower() or following[:1].isdigit()):
        return False  # "A (H1N1)", "A _"
    if opener == "A" and folded in _NAMED_A:
        return False  # "influenza A virus"
    return not (previous[:1].isupper() and following in _IN_TITLE)  # "Believe It or Not"


def _cut_title(line: str, title_words: tuple[str, ...]) -> list[Piece]:
    """The known headline opening a longer line, split off as furniture."""
    if not title_words:
        return []
    words = list(_WORD.finditer(line))
    count = len(title_words)
    if len(words) < count + 4:
        return []
    if tuple(word.group().casefold() for word in words[:count]) != title_words:
        return []
    end = words[count - 1].end()
    return [Piece(line[:end], "title"), Piece(line[end:].lstrip(" \t:|-–—"))]


def cut(line: str, *, top: bool = False, title: str = "") -> tuple[Piece, ...]:
    """Split ``line`` where glued furniture starts or ends; one piece when there is none.

    Args:
        line: one line of an article body, spaces already collapsed.
        top: whether the line is among the article's first lines, where a headline,
            standfirst or agency dateline may open it without a timestamp.
        title: the article's known headline, split off when a longer line starts with it.
    """
    if not line:
        return (Piece(line),)
    pieces: list[Piece] = []
    if top and (titled := _cut_title(line, title_words(title))):
        pieces.append(titled[0])
        line = titled[1].text
    for reason, pattern in _OPENING:
        if (match := pattern.match(line)) is not None:
            pieces.append(Piece(match.group().strip(), reason))
            line = line[match.end() :]
    for stamped in _cut_stamps(line, top=top):
        for item in _cut_bullets(stamped):
            credited = _cut_credit(item, top=top)
            if len(credited) == 1:
                pieces.extend(_cut_glue(credited[0], top=top))
            else:
                pieces.extend(credited[:-1])
                pieces.extend(_cut_glue(credited[-1], top=top))
    return tuple(pieces) if pieces else (Piece(line),)


def title_words(title: str) -> tuple[str, ...]:
    """The words of a headline, folded, as ``cut`` compares them."""
    return tuple(word.casefold() for word in _WORD.findall(unicodedata.normalize("NFKC", title)))
