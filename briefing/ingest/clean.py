"""Page furniture removal: banners, reading times, bylines, share buttons, captions, comments.

General rules, line by line, over an article body; every removed line is kept as a
``RemovedLine`` with the rule that removed it. It never removes a line that reads as a dated
sentence (except inside a reader-comment thread) and must not import ``briefing.extract``.
"""

# ruff: noqa: RUF001  # Cyrillic words and typographic quotes are meant as written

from __future__ import annotations

import difflib
import re
import unicodedata
from dataclasses import dataclass
from typing import Final

from briefing.model import RemovedLine

__all__ = ["Cleaned", "clean"]


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

_FLAGS: Final = re.IGNORECASE


def _table(words: str) -> frozenset[str]:
    """A word table written as one space-separated string."""
    return frozenset(words.split())


# A cheap date test that protects a line from the weak rules: years, month and weekday names,
# numeric dates, and the common relative words. Not a tagger: extraction lives in extract/.
_DATE: Final = re.compile(
    r"\b(?:1[5-9]\d\d|20\d\d)s?\b"
    r"|\b(?:January|February|March|April|May|June|July|August|September|October|November"
    r"|December|Jan|Feb|Mar|Apr|Jun|Jul|Aug|Sept?|Oct|Nov|Dec)\b"
    r"|\b(?:Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday)\b"
    r"|\b\d{1,2}[/.-]\d{1,2}[/.-]\d{2,4}\b"
    r"|\b(?:yesterday|today|tomorrow|tonight|(?:last|this|next) (?:week|month|year))\b"
    r"|(?i:\b(?:janvier|février|mars|avril|mai|juin|juillet|août|septembre|octobre|novembre"
    r"|décembre|januar|februar|märz|april|juni|juli|august|oktober|dezember|enero|febrero"
    r"|marzo|abril|mayo|junio|julio|agosto|septiembre|octubre|noviembre|diciembre"
    r"|январ[ьяе]|феврал[ьяе]|марта?|апрел[ьяе]|ма[йяе]|июн[ьяе]|июл[ьяе]|августа?"
    r"|сентябр[ьяе]|октябр[ьяе]|ноябр[ьяе]|декабр[ьяе]|січ(?:ень|ня)|лют(?:ий|ого)"
    r"|берез(?:ень|ня)|квіт(?:ень|ня)|трав(?:ень|ня)|черв(?:ень|ня)|лип(?:ень|ня)"
    r"|серп(?:ень|ня)|верес(?:ень|ня)|жовт(?:ень|ня)|листопада?|груд(?:ень|ня))\b)"
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
    r"|^[^\n]{1,60}\s+(?:wrote|said)\s+(?:on|at)\s+[^\n]{4,40}:\s*$"
    r"|^(?:posted|comment(?:ed)?) by\s+\S[^\n]{0,60}\s+(?:on|at)\s+[^\n]{0,40}\d",
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
_COMMENT_FOOTER: Final = re.compile(r"\bPosted by:\s*\S[^|\n]{0,60}\|", _FLAGS)
_PHOTO_CREDIT: Final = re.compile(
    r"^(?:photograph|photo|picture|image)s?:\s*\S[^.!?]{0,60}?\\?/\S+\s+", _FLAGS
)

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
    r"|^a version (?:of this article )?appeared (?:on|in) (?:p|page )\d+",
    _FLAGS,
)
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

_CLOSING: Final = "\"'”’»)]›*_ "
_FINAL: Final = ".!?…"
_CONTINUING: Final = ",:;–—-"
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
    return _DATE.search(line) is not None


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


def _is_banner(line: str) -> bool:
    if _BANNER_WORD.search(line) is None:
        return False
    return (
        _IMPERATIVE.search(line) is not None
        or _CALL_TO_ACTION.search(line) is not None
        or (_ending(line) not in _FINAL and len(_words(line)) <= 25)
    )


def _is_byline(line: str) -> bool:
    return _BYLINE.match(line) is not None and _ending(line) not in "!?"


def _is_timestamp(line: str) -> bool:
    """A line of labels, dates and times only: "Published: 12:19 BST, 26 April 2009"."""
    if _TIMESTAMP_LABEL.search(line) is None or len(line) > 120:
        return False
    rest = _DATE.sub(" ", line)
    rest = _TIMESTAMP_PARTS.sub(" ", rest)
    return rest.strip() == ""


def _is_comment_notice(line: str) -> bool:
    return _COMMENT_NOTICE.search(line) is not None


def _is_reader_prompt(line: str) -> bool:
    return _READER_PROMPT.search(line) is not None or _READER_QUESTION.search(line) is not None


def _is_credit(line: str) -> bool:
    return _CREDITS.search(line) is not None and len(_words(line)) <= 25


def _is_copyright(line: str) -> bool:
    return _COPYRIGHT.search(line) is not None and len(_words(line)) <= 60


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


def _strong_reason(text: str, *, dated: bool) -> str:
    """Rules whose patterns are specific enough to override the sentence test."""
    if _is_timestamp(text):
        return "timestamp"
    if _is_copyright(text):
        return "credits"
    if dated:
        return ""
    checks = (
        ("reading-time", _READING_TIME.search(text) is not None),
        ("comments", _COMMENT_MARKER.search(_normalised(text)) is not None),
        ("comments-notice", _is_comment_notice(text)),
        ("reader-prompt", _is_reader_prompt(text)),
        ("credits", _is_credit(text) or _WIRE_CREDIT.search(text) is not None),
        ("navigation", _POINTER.search(text) is not None),
        ("banner", _is_banner(text)),
    )
    return next((reason for reason, hit in checks if hit), "")


def _weak_reason(text: str) -> str:
    """Rules for lines that are not sentences: lone words, share buttons, bylines."""
    if _is_navigation(text):
        return "navigation"
    if _is_share_buttons(text):
        return "share-buttons"
    if _is_byline(text):
        return "byline"
    return ""


def _same(a: str, b: str) -> bool:
    """Whether two keys are the same line up to a few words (a caption copy of a sentence)."""
    if a == b:
        return True
    words_a, words_b = a.split(), b.split()
    if min(len(words_a), len(words_b)) < 6:
        return False
    return difflib.SequenceMatcher(None, words_a, words_b, autojunk=False).ratio() >= 0.9


def _mark_repeats(lines: list[_Line]) -> None:
    """Mark a line repeating another one: the caption copy, or a pasted second copy."""
    candidates = [line for line in lines if not line.reason and len(_words(line.text)) >= 4]
    buckets: dict[str, list[_Line]] = {}
    for line in candidates:
        words = _key(line.text).split()
        for bucket_key in {" ".join(words[:3]), " ".join(words[-3:])}:
            buckets.setdefault(bucket_key, []).append(line)
    for bucket in buckets.values():
        for i, first in enumerate(bucket[:50]):
            for second in bucket[i + 1 : 50]:
                if first.reason or second.reason or first is second:
                    continue
                if _same(_key(first.text), _key(second.text)):
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
        if text.startswith("#") or _ending(text) in _FINAL + _CONTINUING:
            continue
        if _has_date(text) or not 3 <= len(_words(text)) <= 40:
            continue
        if re.search(r"\d", text):
            continue  # figures and scores are content, not captions
        line.reason = "caption"


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
    return key == title_key or (
        difflib.SequenceMatcher(None, key, title_key, autojunk=False).ratio() >= 0.9
    )


def clean(text: str, *, title: str = "", first_line: int = 1) -> Cleaned:
    """Remove page furniture from an article body, keeping a map back to file lines.

    Args:
        text: the body, with ``\\n`` line ends and no front matter.
        title: the headline from the metadata; a body line repeating it is removed.
        first_line: the file line on which ``text`` starts (after the front matter).
    """
    lines = [
        _Line(number=first_line + index, text=re.sub(r"[ \t]+", " ", raw).strip())
        for index, raw in enumerate(text.split("\n"))
    ]
    _mark_comment_sections(lines)
    _mark_comment_thread(lines)
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
