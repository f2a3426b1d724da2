"""Page furniture removal: banners, reading times, bylines, share buttons, captions, comments.

General rules, line by line, over an article body; every removed line is kept as a
``RemovedLine`` with the rule that removed it. A line with a date survives every rule but
comment threads, date-only timestamps, copyright lines and verbatim repeats of a kept line.
It must not import ``briefing.extract``.
"""

# ruff: noqa: RUF001  # Cyrillic words and typographic quotes are meant as written

from __future__ import annotations

import dataclasses
import difflib
import re
import unicodedata
from collections import Counter
from dataclasses import dataclass
from typing import TYPE_CHECKING, Final

from briefing.ingest.glued import TOP_LINES, Piece, cut
from briefing.model import Article, RemovedLine

if TYPE_CHECKING:
    from collections.abc import Callable, Iterable

__all__ = ["Cleaned", "clean", "drop_boilerplate", "find_boilerplate"]


@dataclass(frozen=True, slots=True, kw_only=True)
class Cleaned:
    """An article body after cleaning, with the map from its offsets back to file lines."""

    text: str
    """The kept lines: one per line, a blank line where the source had a paragraph break."""
    line_starts: tuple[int, ...]
    """Offset in ``text`` of each kept line's start."""
    source_lines: tuple[int, ...]
    """1-based file line of each entry of ``line_starts``."""
    removed: tuple[RemovedLine, ...]
    """Every line (or tail of a line) removed, in file order."""


# ---------------------------------------------------------------------------------------------
# Patterns. Each names one kind of furniture; none is specific to one site or article.

_FUZZY_WORDS: Final = 200
"""Lines longer than this (in words) are never near repeats of one another: captions are short."""
_FUZZY_CHARS: Final = 1_000
"""A title longer than this is only matched exactly against the body's lines."""
_FLAGS: Final = re.IGNORECASE


def _table(words: str) -> frozenset[str]:
    """A word table written as one space-separated string."""
    return frozenset(words.split())


# A cheap date test that protects a line from the weak rules: years, month and weekday names,
# numeric dates, and the common relative words. Word lookups, not a tagger: extraction lives in
# extract/. English names count only capitalised ("May", not "may").
_DATE_WORDS_EN: Final = _table(
    "January February March April May June July August September October November December "
    "Jan Feb Mar Apr Jun Jul Aug Sep Sept Oct Nov Dec Monday Tuesday Wednesday Thursday Friday "
    "Saturday Sunday"
)
_DATE_WORDS: Final = _table(
    "yesterday today tomorrow tonight "
    "janvier février mars avril mai juin juillet août septembre octobre novembre décembre "
    "lundi mardi mercredi jeudi vendredi samedi dimanche hier demain "
    "januar jänner februar märz april juni juli august oktober dezember montag dienstag "
    "mittwoch donnerstag freitag samstag sonntag gestern morgen "
    "enero febrero marzo abril mayo junio julio agosto septiembre octubre noviembre diciembre "
    "lunes martes miércoles jueves viernes sábado domingo ayer "
    "январь января феврали февраль февраля март марта апрель апреля май мая июнь июня июль "
    "июля август августа сентябрь сентября октябрь октября ноябрь ноября декабрь декабря "
    "понедельник вторник среду среда четверг пятницу пятница субботу суббота воскресенье "
    "вчера сегодня завтра "
    "січень січня лютий лютого березень березня квітень квітня травень травня червень червня "
    "липень липня серпень серпня вересень вересня жовтень жовтня листопад листопада грудень "
    "грудня понеділок вівторок середу середа четвер пʼятницю пятницю субботу суботу неділю "
    "вчора сьогодні завтра"
)
_DATE_TOKEN: Final = re.compile(r"\w+")
_YEAR: Final = re.compile(r"(?:1[5-9]|20)\d\ds?")
_NUMERIC_DATE: Final = re.compile(
    r"\b\d{1,2}[/.-]\d{1,2}[/.-]\d{2,4}\b|\b(?:last|this|next) (?:week|month|year)\b", re.I
)

_READING_TIME: Final = re.compile(
    r"^(?:reading time:?\s*)?\d+\s*(?:-\s*\d+\s*)?(?:min|mins|minutes?)\.?(?:\s+(?:to\s+)?read)?"
    r"|^(?:temps de lecture|lesezeit|tiempo de lectura|время чтения|час читання)\s*:?\s*\d+"
    r"|^\d+\s*(?:min(?:utes?)?\.?\s*de lecture|min\.?\s*lesezeit|min(?:utos)?\.?\s*de lectura"
    r"|мин(?:ут[ыа]?)?\.?\s*(?:на )?чтени[яе]|хв(?:илин[иа]?)?\.?\s*(?:на )?читання)",
    _FLAGS,
)

_COMMENT_HEADER: Final = re.compile(
    # "At 12:19 26th Apr 2009, name wrote:" and "At 00:45 am on 16 Jun 2010, name wrote:"
    r"\bAt \d{1,2}[:.]\d{2}\s*(?:[ap]\.?m\.?\s*)?(?:on\s+)?\d{1,2}(?:st|nd|rd|th)?\s+\w+\.?"
    r"\s+\d{4},\s*[^\n]{1,80}?\s+wrote:"
    r"|^[^\n]{1,60}\s+wrote\s+(?:on|at)\s+[^\n]{4,40}:\s*$"
    r"|^(?:posted|comment(?:ed)?) by\s+\S[^\n]{0,60}\s+(?:on|at)\s+[^\n]{0,40}\d"
    # "Re: Posted by Jason-May 1st, 2009 -- 4:59 pm GMT"
    r"|^re:\s*posted by\s+\S[^\n]{0,60}?[\s,|-]+\w+\s+\d{1,2}(?:st|nd|rd|th)?,?\s+\d{4}",
    _FLAGS,
)

_COMMENT_MARKER: Final = re.compile(
    r"^(?:\d+\s+)?(?:reader |user )?comments?(?:\s*\(\d+\))?$|^have your say$"
    r"|^(?:add|post|leave|write|view|show|load|read) (?:a |your |all |the )?comments?$"
    r"|^комментари[ийя]$|^коментар[ііяів]+$|^kommentare?$|^commentaires?$|^comentarios?$",
    _FLAGS,
)

_COMMENT_NOTICE: Final = re.compile(
    r"\bcomments?\b.*\b(?:may be published|may edit|welcome|moderat\w*|house rules"
    r"|do not represent|not represent|limited period|are closed|is closed|closed for)\b"
    r"|\b(?:views|opinions) expressed in the comments\b|\bthis discussion is (?:now )?closed\b"
    r"|\bnot responsible for any content posted\b|\bmoderators? retain editorial control\b"
    r"|\b(?:leave|post|add) a comment\b|\bcomment on this (?:blog|story|article|post)\b",
    _FLAGS,
)

_READER_PROMPT: Final = re.compile(
    r"^(?:tell us|send us|share your (?:thoughts|experiences?|views|stories|story|pictures|photos)"
    r"|get in touch|e-?mail us|contact us|have your say)\b",
    _FLAGS,
)
_READER_QUESTION: Final = re.compile(
    r"^(?:are you|do you|have you|has your|were you|did you|is your|what do you think"
    r"|what are your|how (?:are|were|has|have|did) you)\b.*\?\W*$",
    _FLAGS,
)
# A comment section without per-comment headers: from an opening notice to a closing one.
_COMMENTS_OPEN: Final = re.compile(
    r"\bwe welcome comments that\b|\bviews expressed in the comments\b"
    r"|\bin the comments section below\b|\byour comments may be published\b",
    _FLAGS,
)
_COMMENTS_CLOSE: Final = re.compile(
    r"\bdiscussion is (?:now )?closed\b|\bcomments (?:to this entry )?are (?:now )?closed\b",
    _FLAGS,
)
# A signature line after each comment ("Posted by: name | May 28, 2010 7:17 PM | Report abuse").
# Or a reader's tip signed with its day: "... Posted by chibeetle 2 May 2012".
_COMMENT_FOOTER: Final = re.compile(
    r"\bPosted by:\s*\S[^|\n]{0,60}\|"
    r"|\bPosted by\s+\S+\s+\d{1,2}\s+"
    r"(?:Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sep|Oct|Nov|Dec)\w*\s+\d{4}\b",
    _FLAGS,
)
_AGENCIES: Final = (
    "Associated Press|Getty Images|Rex Features|Reuters|Bloomberg|Corbis|Alamy|Getty|NASA|Nasa"
    "|Sipa|Zuma|Rex|AFP|EPA|AP|PA"
)
_OPENS: Final = r"\s+(?=(?-i:[A-Z0-9\"“‘]))"
"""What follows a credit: a sentence opening."""
_PHOTO_CREDIT: Final = re.compile(
    r"^(?:(?:photograph|photo|picture|image)s?:\s*(?:"
    # A name and its agency: "Gerald Herbert/AP", "Larry W. Smith/EPA", "A/AFP/Getty Images".
    r"\S(?:[^.!?]|(?<=\b[A-Z])\.){0,60}?\\?/\S+(?:\s+Images)?\s+"
    # An agency alone: "AP", "Rex Features".
    rf"|(?-i:{_AGENCIES}){_OPENS})"
    # After "Photograph:" (a credit, where "Photo:" often opens a caption), a photographer's
    # name alone: "Graeme Robertson", "Sarah Lee for the Guardian".
    r"|photograph:\s*(?-i:[A-Z][\w'’-]+(?:\s+[A-Z]\.)?(?:\s+[a-z]{1,3})?\s+[A-Z][\w'’-]+"
    rf"(?:\s+for\s+the\s+[A-Z]\w+)?){_OPENS})",
    _FLAGS,
)
# Tokenised text (the Penn Treebank's conventions, as in many news corpora) writes brackets
# as -LRB- and -RRB- and escapes "/" ("AFP\/Getty", "27\/4"; Markdown and JSON escape it so
# too); a reader expects the characters. "\*" is left alone: in a hand-written article it
# may be meant as it stands.
_TOKENS: Final = re.compile(r"-(?:LRB|LSB|LCB)-\s?|\s?-(?:RRB|RSB|RCB)-|\\/")
_BRACKETS: Final = {"RB": "()", "SB": "[]", "CB": "{}"}

_NAVIGATION: Final = frozenset(
    [
        *("source", "sources", "read more", "read also", "also read", "see also", "more"),
        *("related", "related articles", "related stories", "related topics", "related links"),
        *("more on this story", "share", "share this", "share this article", "share story"),
        *("share this story", "share this page", "advertisement", "advertising", "sponsored"),
        *("sponsored content", "print", "email", "e-mail", "tweet", "click here", "top"),
        *("skip to content", "skip to main content", "back to top", "next", "previous"),
        *("continue reading", "listen", "play video", "watch", "image caption", "image source"),
        *("image copyright", "media caption", "getty images", "loading", "menu", "home", "reply"),
        *("follow us", "like", "report", "show more", "show less", "close", "next story"),
        *("previous story", "top stories", "most read", "most popular", "trending", "video"),
        *("источник", "джерело", "quelle", "fuente", "fonte", "lire aussi", "lire la suite"),
        *("à lire aussi", "partager", "publicité", "читайте также", "читайте також", "реклама"),
        *("поделиться", "поділитися", "werbung", "anzeige", "teilen", "mehr zum thema"),
        *("leer más", "lea también", "compartir", "publicidad", "подробнее", "детальніше"),
    ]
)

_SHARE_WORDS: Final = _table(
    "share this with on via to the article story page copy link email e mail print save "
    "tweet post comment comments whatsapp telegram facebook twitter x linkedin pinterest "
    "reddit messenger vk viber flipboard tumblr mastodon bluesky threads sms google plus "
    "partager teilen compartir поделиться поділитися"
)
_NETWORKS: Final = _table(
    "facebook twitter whatsapp telegram linkedin pinterest reddit messenger vk viber "
    "flipboard tumblr mastodon bluesky email"
)

_BANNER_WORD: Final = re.compile(
    r"\b(?:donat\w*|subscri\w*|newsletter|sign up|support (?:us|our|the)|become a (?:member"
    r"|supporter|patron|subscriber)|patreon|paywall|unterstützen|spenden|abonn\w*|faire un don"
    r"|soutenez|suscríbete|suscripción|пожертв\w*|подпи\w*|підпи\w*|задонат\w*|донат\w*)\b",
    _FLAGS,
)
_IMPERATIVE: Final = re.compile(
    r"^(?:please\s+)?(?:support|donate|subscribe|sign up|join|become|get|follow|like|help|give"
    r"|register|click|download|try|don't miss|never miss|unlock|upgrade|enter your)\b",
    _FLAGS,
)
_CALL_TO_ACTION: Final = re.compile(
    r"\b(?:donate|subscribe|sign up|join) (?:now|here|today)\W*$", _FLAGS
)

_BYLINE: Final = re.compile(
    r"^(?:by|written by|words by|text by|par|von|por|автор[ыи]?:?|by:)\s+"
    r"[\w'’.-]+(?:[\s,&|]+[\w'’.-]+){0,9}$",
    _FLAGS,
)

_TIMESTAMP_LABEL: Final = re.compile(
    r"^(?:published|updated|last updated|first published|posted|modified|date|created"
    r"|publié|mis à jour|veröffentlicht|aktualisiert|publicado|actualizado|опубликовано"
    r"|обновлено|опубліковано|оновлено)\b|\bago$",
    _FLAGS,
)
_TIMESTAMP_PARTS: Final = re.compile(
    r"\b\d{1,2}[:.]\d{2}(?:[:.]\d{2})?\s*(?:[ap]\.?m\.?)?|\b\d+(?:st|nd|rd|th)?\b"
    r"|\b(?:published|updated|last|first|posted|modified|date|created|on|at|am|pm|gmt|bst|utc"
    r"|est|edt|cet|cest|et|pt|msk|kyiv|hours?|minutes?|days?|ago|publié|mis|à|jour|le"
    r"|veröffentlicht|aktualisiert|am|um|uhr|publicado|actualizado|el|a las|опубликовано"
    r"|обновлено|опубліковано|оновлено|в|о)\b"
    r"|[|,:;./()–—-]",
    _FLAGS,
)

_CREDITS: Final = re.compile(
    r"^\(?\s*(?:additional )?(?:reporting|editing|writing|compiled|research) by\b"
    r"|\bcontributed (?:reporting )?to this (?:report|story|article)\b"
    r"|\bmay not be (?:in its final form|published, broadcast|reproduced|rewritten"
    r"|redistributed)\b|\b(?:views|opinions) expressed are (?:his|her|their|the author's) own\b"
    r"|^(?:photo|photograph|picture|image|credit|video|graphic)s?\s*:",
    _FLAGS,
)
# Credits that may carry a date which is not an event: copyright years, print editions.
_COPYRIGHT: Final = re.compile(
    r"^(?:©|\(c\)\s|copyright\b)|\ball rights reserved\b"
    r"|^(?:a version (?:of this (?:article|story) )?|this (?:article|story) )appeared (?:on|in)\b"
    r"|^this (?:article|story) (?:was|has been) (?:amended|corrected)\b",
    _FLAGS,
)
# A news aggregator's list of links, each with its age: "Oil reaches Texas - 17 hrs ago".
_LINK_AGE: Final = re.compile(r"\s-\s\d+\s(?:hrs?|mins?|hours?|minutes?|days?)\sago\b", _FLAGS)
# A wire credit in brackets opening a line: "(Reporting by A; Editing by B)".
_WIRE_CREDIT: Final = re.compile(
    r"^(?:\(|-LRB-)\s*(?:additional )?(?:reporting|editing|writing|compiled|research) by\b",
    _FLAGS,
)
# A bracketed pointer to other pages: "(For more stories on X, click here)".
_POINTER: Final = re.compile(
    r"^(?:\(|-LRB-)\s*for (?:more|a|an|the|full|related)\b.{0,120}\b(?:click|go to|see)\b",
    _FLAGS,
)

# Parenthesised caption cues a copied caption carries and the sentence does not.
_CAPTION_CUE: Final = re.compile(
    r"\s*\((?:[^()]{0,30}\b)?(?:pictured|picture|photo|left|right|centre|center|above|below"
    r"|top|bottom|inset|file)\b[^()]{0,30}\)",
    _FLAGS,
)

# Markup that carries no article text: HTML tags, Markdown images, rules and bare link targets.
_TAG: Final = re.compile(r"<[^<>\n]{1,500}>|&(?:nbsp|amp|#\d+);")
_MD_IMAGE: Final = re.compile(r"!\[[^\]\n]{0,500}\]\([^)\n]{0,1000}\)")
_MD_LINK: Final = re.compile(r"\[([^\]\n]{0,500})\]\([^)\n]{0,1000}\)")
_MD_RULE: Final = re.compile(r"^(?:[-*_=]\s*){3,}$")

_CLOSING: Final = "\"'”’»)]›*_ "
_FINAL: Final = frozenset(".!?…")  # a set: "" is in every string
_CONTINUING: Final = frozenset(",:;–—-")
_WORD: Final = re.compile(r"\w+(?:['’]\w+)*")


# ---------------------------------------------------------------------------------------------
# Line tests


def _words(line: str) -> list[str]:
    return _WORD.findall(line)


def _ending(line: str) -> str:
    """The last meaningful character, past closing quotes and tokenizer brackets."""
    stripped = line
    while True:
        before = stripped
        stripped = stripped.rstrip(_CLOSING)
        if stripped.endswith("-RRB-"):
            stripped = stripped[:-5]
        if stripped == before:
            break
    return stripped[-1:] if stripped else ""


def _is_sentence(line: str) -> bool:
    """A line that reads as a sentence: final punctuation and a verb-ish length."""
    return _ending(line) in _FINAL and len(_words(line)) >= 5


def _has_date(line: str) -> bool:
    for token in _DATE_TOKEN.findall(line):
        if token in _DATE_WORDS_EN or (token[0].isdigit() and _YEAR.fullmatch(token)):
            return True
        if token.casefold() in _DATE_WORDS:
            return True
    return _NUMERIC_DATE.search(line) is not None


def _without_dates(line: str) -> str:
    """The line with its date words and years blanked out (for the timestamp test)."""
    line = _NUMERIC_DATE.sub(" ", line)
    return _DATE_TOKEN.sub(lambda match: " " if _has_date(match.group()) else match.group(), line)


def _key(line: str) -> str:
    """A comparison key: caption cues and punctuation dropped, quotes and case folded."""
    text = unicodedata.normalize("NFKC", line)
    text = _CAPTION_CUE.sub("", text).casefold()
    return " ".join(re.findall(r"\w+", text))


def _normalised(line: str) -> str:
    """The line folded for set lookups: lowercase, no surrounding punctuation or bullets."""
    return line.casefold().strip(" \t.:;,!?-–—|•·»›>*#_\"'“”‘’()[]")


def _is_navigation(line: str) -> bool:
    norm = _normalised(line)
    if norm in _NAVIGATION:
        return True
    # "Share 34", "12 Comments", "Read more »"
    without_count = re.sub(r"^\d+\s+|\s+\d+$", "", norm)
    return without_count != norm and without_count in _NAVIGATION


def _is_share_buttons(line: str) -> bool:
    tokens = [token.casefold() for token in re.findall(r"[\w+]+", line)]
    return (
        bool(tokens)
        and all(token in _SHARE_WORDS for token in tokens)
        and any(token in _NETWORKS for token in tokens)
    )


def _mentions(line: str, stems: tuple[str, ...]) -> bool:
    """A fast substring pre-check, so the slower patterns run on few lines of a long text."""
    folded = line.casefold()
    return any(stem in folded for stem in stems)


_BANNER_STEMS: Final = (
    "donat", "subscri", "newsletter", "sign up", "support", "member", "patreon", "paywall",
    "spende", "unterstütz", "abonn", "faire un don", "soutenez", "suscr", "пожертв", "подпи",
    "підпи", "донат",
)  # fmt: skip
_COMMENT_STEMS: Final = ("comment", "discussion", "moderat", "responsible for any")
_CREDIT_STEMS: Final = (" by", "contributed", "may not be", "expressed", ":")


def _is_banner(line: str) -> bool:
    if not _mentions(line, _BANNER_STEMS) or _BANNER_WORD.search(line) is None:
        return False
    return (
        _IMPERATIVE.search(line) is not None
        or _CALL_TO_ACTION.search(line) is not None
        or (_ending(line) not in _FINAL and len(_words(line)) <= 25)
    )


def _is_byline(line: str) -> bool:
    return _BYLINE.match(line) is not None and _ending(line) not in {"!", "?"}


def _is_timestamp(line: str) -> bool:
    """A line of labels, dates and times only: "Published: 12:19 BST, 26 April 2009"."""
    if len(line) > 120 or _TIMESTAMP_LABEL.search(line) is None:
        return False
    rest = _without_dates(line)
    rest = _TIMESTAMP_PARTS.sub(" ", rest)
    return rest.strip() == ""


def _is_comment_notice(line: str) -> bool:
    return _mentions(line, _COMMENT_STEMS) and _COMMENT_NOTICE.search(line) is not None


def _is_reader_prompt(line: str) -> bool:
    return _READER_PROMPT.search(line) is not None or _READER_QUESTION.search(line) is not None


def _is_credit(line: str) -> bool:
    return (
        len(line) < 400
        and _mentions(line, _CREDIT_STEMS)
        and (_CREDITS.search(line) is not None and len(_words(line)) <= 25)
    ) or _WIRE_CREDIT.search(line) is not None


def _is_copyright(line: str) -> bool:
    return (
        _mentions(line, ("©", "(c)", "copyright", "reserved", "a version", "this "))
        and _COPYRIGHT.search(line) is not None
        and len(_words(line)) <= 60
    )


# ---------------------------------------------------------------------------------------------
# The cleaner


@dataclass(slots=True)
class _Line:
    number: int
    text: str
    reason: str = ""
    kept: str = ""
    """When only part of the line is removed (a comment thread starting mid-line, a photo
    credit glued to a sentence), the part kept; the rest is ``dropped``."""
    dropped: str = ""


def _mark_comment_sections(lines: list[_Line]) -> None:
    """Mark comments between an opening notice ("We welcome comments that...") and a closing one."""
    inside = False
    for index, line in enumerate(lines):
        if not _mentions(line.text, _COMMENT_STEMS):
            if inside:
                line.reason = "comments"
            continue
        if not inside and _COMMENTS_OPEN.search(line.text):
            line.reason = "comments-notice"
            inside = True
            _mark_prompts_before(lines, index)
        elif inside and _COMMENTS_CLOSE.search(line.text):
            line.reason = "comments-notice"
            inside = False
        elif inside:
            line.reason = "comments"


def _mark_comment_thread(lines: list[_Line]) -> None:
    """Mark the first reader-comment header or signature and everything after it."""
    for index, line in enumerate(lines):
        if line.reason:
            continue
        if not _mentions(line.text, ("wrote", "posted by", "commented by")):
            continue
        header = _COMMENT_HEADER.search(line.text)
        if header is None and _COMMENT_FOOTER.search(line.text) is None:
            continue
        # A header may follow the article's last words on the same line; a signature follows
        # the comment's own text, so with a signature the whole line goes.
        start = 0 if header is None else header.start()
        prefix = line.text[:start].rstrip()
        if _words(prefix):
            line.kept, line.dropped = prefix, line.text[start:]
        line.reason = "comments"
        for later in lines[index + 1 :]:
            later.reason = "comments"
        _mark_prompts_before(lines, index)
        return


def _mark_prompts_before(lines: list[_Line], index: int) -> None:
    """Questions to the reader just above a comment thread or notice ("Are you in the region?")."""
    for line in reversed(lines[:index]):
        if not line.text:
            continue
        if line.reason:
            continue
        addressed = re.search(r"\b(?:you|your)\b", line.text, _FLAGS) is not None
        if (_ending(line.text) == "?" and addressed) or _is_reader_prompt(line.text):
            if _has_date(line.text):
                return
            line.reason = "reader-prompt"
            continue
        return


def _markup_reason(text: str) -> str:
    """``image`` or ``markup`` for a line that is only markup, else ""."""
    if _MD_RULE.match(text):
        return "markup"
    if "<" not in text and "](" not in text:
        return ""
    without_images = _MD_IMAGE.sub(" ", text)
    if without_images != text and not _WORD.search(_TAG.sub(" ", without_images)):
        return "image"
    bare = _TAG.sub(" ", without_images)
    if not _WORD.search(bare):
        return "markup"
    linked = _MD_LINK.sub(r"\1", bare).strip()
    if linked != bare.strip() and _is_navigation(linked):
        return "navigation"
    return ""


def _strong_reason(text: str, *, dated: bool) -> str:
    """Rules whose patterns are specific enough to override the sentence test."""
    markup = _markup_reason(text)
    if markup:
        return markup
    if _is_timestamp(text):
        return "timestamp"
    if _is_copyright(text):
        return "credits"
    if " ago" in text and _LINK_AGE.search(text) is not None:
        return "navigation"
    if dated:
        return ""
    short = len(text) <= 80
    checks: tuple[tuple[str, Callable[[], bool]], ...] = (
        ("reading-time", lambda: short and _READING_TIME.search(text) is not None),
        ("comments", lambda: short and _COMMENT_MARKER.search(_normalised(text)) is not None),
        ("comments-notice", lambda: _is_comment_notice(text)),
        ("reader-prompt", lambda: _is_reader_prompt(text)),
        ("credits", lambda: _is_credit(text)),
        ("navigation", lambda: _POINTER.search(text) is not None),
        ("banner", lambda: _is_banner(text)),
    )
    return next((reason for reason, check in checks if check()), "")


def _weak_reason(text: str) -> str:
    """Rules for lines that are not sentences: lone words, share buttons, bylines."""
    if _is_navigation(text):
        return "navigation"
    if _is_share_buttons(text):
        return "share-buttons"
    if _is_byline(text):
        return "byline"
    return ""


def _similar(a: list[str], b: list[str]) -> bool:
    """Whether two word lists are the same line up to a few words (a caption copy)."""
    if min(len(a), len(b)) < 6 or not 0.75 <= len(a) / len(b) <= 1.33:
        return False
    if max(len(a), len(b)) > _FUZZY_WORDS:
        return False  # a caption is short; comparing long lines word by word is quadratic
    matcher = difflib.SequenceMatcher(None, a, b, autojunk=False)
    return matcher.quick_ratio() >= 0.9 and matcher.ratio() >= 0.9


def _is_caption_like(text: str) -> bool:
    return _ending(text) not in _FINAL or _CAPTION_CUE.search(text) is not None


def _mark_repeats(lines: list[_Line]) -> None:
    """Mark a line repeating another one: the caption copy, or a pasted second copy.

    Exact repeats (after dropping caption cues, case and punctuation) are found by key; near
    repeats only for caption-like lines, against lines sharing their first or last words, so
    the cost stays linear on long articles.
    """
    candidates = [line for line in lines if not line.reason and len(_words(line.text)) >= 4]
    keys = {id(line): _key(line.text).split() for line in candidates}
    kept_with_key: dict[str, _Line] = {}
    for line in candidates:
        key = " ".join(keys[id(line)])
        earlier = kept_with_key.setdefault(key, line)
        if earlier is not line:
            _drop_copy(earlier, line)
            if earlier.reason:
                kept_with_key[key] = line
    _mark_near_repeats(candidates, keys)


def _mark_near_repeats(candidates: list[_Line], keys: dict[int, list[str]]) -> None:
    """Caption-like lines that differ from another line by a few words."""
    buckets: dict[str, list[_Line]] = {}
    for line in candidates:
        words = keys[id(line)]
        for bucket_key in {" ".join(words[:3]), " ".join(words[-3:])}:
            bucket = buckets.setdefault(bucket_key, [])
            if len(bucket) < 50:
                bucket.append(line)
    for line in candidates:
        if line.reason or not _is_caption_like(line.text):
            continue
        words = keys[id(line)]
        for bucket_key in {" ".join(words[:3]), " ".join(words[-3:])}:
            for other in buckets.get(bucket_key, ()):
                if other is line or other.reason or line.reason:
                    continue
                if _similar(words, keys[id(other)]):
                    first, second = (other, line) if other.number < line.number else (line, other)
                    _drop_copy(first, second)


def _drop_copy(first: _Line, second: _Line) -> None:
    """Of two repeated lines keep the first full sentence and mark the other one."""
    first_full = _ending(first.text) in _FINAL and not _CAPTION_CUE.search(first.text)
    second_full = _ending(second.text) in _FINAL and not _CAPTION_CUE.search(second.text)
    copy = second if first_full or not second_full else first
    is_caption = _ending(copy.text) not in _FINAL or _CAPTION_CUE.search(copy.text) is not None
    copy.reason = "repeated-caption" if is_caption else "repeated-line"


def _mark_captions(lines: list[_Line]) -> None:
    """Lines without final punctuation inside prose: image captions, pull quotes, subheads."""
    content = [line for line in lines if line.text and not line.reason]
    long_lines = [line for line in content if len(_words(line.text)) >= 5]
    punctuated = [line for line in long_lines if _ending(line.text) in _FINAL]
    if len(punctuated) < 3 or len(punctuated) < 0.6 * len(long_lines):
        return  # not prose: leave headline-style or list-style texts alone
    for line in content[1:]:
        text = line.text
        if text.startswith("#") or _ending(text) in _FINAL | _CONTINUING:
            continue
        if _has_date(text) or not 3 <= len(_words(text)) <= 40:
            continue
        if re.search(r"\d", text):
            continue  # figures and scores are content, not captions
        line.reason = "caption"


def _split_glued(lines: list[_Line], title: str) -> list[_Line]:
    """Lines with furniture glued in (``briefing.ingest.glued``) become one line per piece.

    The pieces keep their file line, so spans and line numbers stay exact; a piece named
    furniture is marked with its reason, a weak one only when it has no date and no final
    punctuation, and the others go through the line rules like any line.
    """
    result: list[_Line] = []
    content = 0
    for line in lines:
        if not line.text or line.reason:
            result.append(line)
            continue
        content += 1
        pieces = cut(line.text, top=content <= TOP_LINES, title=title)
        if (len(pieces) == 1 and not pieces[0].reason) or _strong_reason(line.text, dated=True):
            result.append(line)  # nothing glued, or markup, a timestamp, a credit: judged whole
            continue
        reasons = [_piece_reason(piece) for piece in pieces]
        if all(reasons):
            # Nothing but furniture ("Published: 12:19 BST, 26 April 2009"): one line.
            line.reason = reasons[0]
            result.append(line)
            continue
        result.extend(
            _Line(number=line.number, text=piece.text, reason=reason)
            for piece, reason in zip(pieces, reasons, strict=True)
        )
    return result


def _mark_captions_before_credit(lines: list[_Line]) -> None:
    """At the top of an article, the short lines just before a line that opens with a photo
    credit ("Photograph: Gerald Herbert/AP Underwater robots dived...") are the photo's caption
    ("The Deepwater Horizon oil rig burning last week."), dated or not."""
    numbers: list[int] = []
    for index, line in enumerate(lines):
        if not line.text:
            continue
        if line.number not in numbers:
            numbers.append(line.number)
        if len(numbers) > TOP_LINES + 1:
            return
        if line.reason or _PHOTO_CREDIT.match(line.text) is None:
            continue
        marked = 0
        for earlier in reversed(lines[:index]):
            if not earlier.text:
                continue
            if earlier.reason or marked == 2 or len(_words(earlier.text)) > 40:
                break
            earlier.reason = "caption"
            marked += 1


def _piece_reason(piece: Piece) -> str:
    if piece.weak and (_has_date(piece.text) or _ending(piece.text) in _FINAL):
        return ""
    return piece.reason


def _split_photo_credit(line: _Line) -> str:
    """Drop a photo credit glued to the start of a sentence ("Photograph: A/AP The oil...")."""
    match = _PHOTO_CREDIT.match(line.text)
    if match is None:
        return ""
    rest = line.text[match.end() :]
    if len(_words(rest)) >= 5:
        line.kept, line.dropped = rest, line.text[: match.end()].rstrip()
    return "credits"


def _is_title(text: str, title_key: str) -> bool:
    key = _key(text)
    if not key or not title_key:
        return False
    if key == title_key:
        return True
    # A ratio of 0.9 needs lengths within a fifth of each other; a headline is short, and
    # comparing long texts character by character is quadratic.
    if len(title_key) > _FUZZY_CHARS or not 0.8 <= len(key) / len(title_key) <= 1.25:
        return False
    return difflib.SequenceMatcher(None, key, title_key, autojunk=False).ratio() >= 0.9


def clean(text: str, *, title: str = "", first_line: int = 1) -> Cleaned:
    """Remove page furniture from an article body, keeping a map back to file lines.

    Args:
        text: the body, with ``\\n`` line ends and no front matter.
        title: the headline from the metadata; a body line repeating it is removed.
        first_line: the file line on which ``text`` starts (after the front matter).
    """
    lines = [
        _Line(number=first_line + index, text=detokenize(re.sub(r"[ \t]+", " ", raw).strip()))
        for index, raw in enumerate(text.split("\n"))
    ]
    _mark_comment_sections(lines)
    _mark_comment_thread(lines)
    lines = _split_glued(lines, title)
    _mark_captions_before_credit(lines)
    title_key = _key(title)
    seen_content = 0
    for index, line in enumerate(lines):
        if not line.text or line.reason:
            continue
        seen_content += 1
        if seen_content <= 5 and _is_title(line.text, title_key):
            line.reason = "title"
            continue
        line.reason = _split_photo_credit(line)
        if line.reason:
            continue
        dated = _has_date(line.text)
        line.reason = _strong_reason(line.text, dated=dated)
        if not line.reason and not dated and not _is_sentence(line.text):
            line.reason = _weak_reason(line.text)
        if line.reason in ("comments-notice", "comments"):
            _mark_prompts_before(lines, index)
    _mark_repeats(lines)
    _mark_captions(lines)
    return _assemble(lines)


def detokenize(text: str) -> str:
    """Brackets and characters as written, from tokenised text ("-LRB- 5,000 ft -RRB-" is
    "(5,000 ft)", "AFP\\/Getty" is "AFP/Getty")."""
    if "-" not in text and "\\" not in text:
        return text
    return _TOKENS.sub(_untoken, text)


def _untoken(match: re.Match[str]) -> str:
    token = match.group().strip()
    if token.startswith("\\"):
        return token[1:]
    pair = _BRACKETS[token[2:4]]
    return pair[0] if token[1] == "L" else pair[1]


def _assemble(lines: list[_Line]) -> Cleaned:
    parts: list[str] = []
    starts: list[int] = []
    numbers: list[int] = []
    removed: list[RemovedLine] = []
    offset = 0
    blank_before = False
    for line in lines:
        kept = line.kept if line.reason else line.text
        if line.reason and line.text:
            removed_text = line.dropped if line.kept else line.text
            removed.append(RemovedLine(line=line.number, text=removed_text, reason=line.reason))
        if not kept:
            blank_before = blank_before or not line.text
            continue
        if parts:
            separator = "\n\n" if blank_before else "\n"
            parts.append(separator)
            offset += len(separator)
        starts.append(offset)
        numbers.append(line.number)
        parts.append(kept)
        offset += len(kept)
        blank_before = False
    return Cleaned(
        text="".join(parts),
        line_starts=tuple(starts),
        source_lines=tuple(numbers),
        removed=tuple(removed),
    )


# ---------------------------------------------------------------------------------------------
# Boilerplate across a collection


def find_boilerplate(
    texts: Iterable[str], *, min_articles: int = 5, min_share: float = 0.1
) -> frozenset[str]:
    """Keys of undated lines that recur verbatim in many articles of one collection.

    A site's sidebar teaser or product blurb ("The pun - ancient artform, or the lowest form of
    wit?") is pasted into most articles of an outlet; a sentence that reports news is not. A
    line counts when it has at least four words, no date, and appears in at least
    ``min_articles`` articles and ``min_share`` of them. Too few articles give no keys.
    """
    counts: Counter[str] = Counter()
    total = 0
    for text in texts:
        total += 1
        counts.update(
            {
                _key(line)
                for line in text.split("\n")
                if len(_words(line)) >= 4 and not _has_date(line)
            }
        )
    threshold = max(min_articles, min_share * total)
    return frozenset(key for key, count in counts.items() if count >= threshold and key)


def drop_boilerplate(article: Article, keys: frozenset[str]) -> Article:
    """The article without its lines whose key is in ``keys`` (see ``find_boilerplate``)."""
    if not keys:
        return article
    lines: list[_Line] = []
    numbers = iter(article.source_lines)
    for segment in article.text.split("\n"):
        if not segment:
            lines.append(_Line(number=0, text=""))
            continue
        line = _Line(number=next(numbers), text=segment)
        if _key(segment) in keys and not _has_date(segment):
            line.reason = "boilerplate"
        lines.append(line)
    if not any(line.reason for line in lines):
        return article
    cleaned = _assemble(lines)
    removed = sorted((*article.removed, *cleaned.removed), key=lambda removed: removed.line)
    return dataclasses.replace(
        article,
        text=cleaned.text,
        line_starts=cleaned.line_starts,
        source_lines=cleaned.source_lines,
        removed=tuple(removed),
    )
