"""The reader for Markdown and plain-text articles with optional YAML front matter.

Decodes the bytes (UTF-8, UTF-16 with a byte-order mark, or a detected legacy encoding), parses
the ``---`` front matter with ruamel.yaml's safe loader, and cleans the body. It raises
``InputError`` for a file that cannot be used at all; every other problem is a ``Diagnostic``.
It must not import ``briefing.extract`` nor any document library.
"""

from __future__ import annotations

import codecs
import datetime as dt
import difflib
import re
import threading
import unicodedata
from dataclasses import dataclass
from typing import TYPE_CHECKING, Final

import charset_normalizer
from ruamel.yaml import YAML
from ruamel.yaml.error import MarkedYAMLError, YAMLError

from briefing.errors import InputError, shown
from briefing.ingest.clean import clean
from briefing.ingest.language import settle
from briefing.ingest.mixed import decode_mixed
from briefing.model import Article, DateOrigin, Diagnostic, Level

if TYPE_CHECKING:
    from pathlib import Path

__all__ = ["FIELDS", "MAX_BYTES", "read", "too_large"]

FIELDS: Final = frozenset(
    ["title", "publisher", "url", "published", "language", "author", "accessed", "reliability"]
)
"""The front-matter keys the reader understands; others are reported and ignored."""

_TEXT_FIELDS: Final = ("title", "publisher", "url", "author", "reliability")
_FIELD_CHARS: Final = 1_000
"""The longest title, publisher or author kept (a headline is under 200 characters): a longer
one would fill pages of the Sources list."""
_URL_CHARS: Final = 4_000
"""The longest URL kept (browsers and servers stop at a few thousand characters)."""
_ADMIRALTY: Final = re.compile(r"^([A-Fa-f])\s*([1-6])$")
"""An Admiralty (NATO) grade: source reliability A-F, information credibility 1-6."""
_ALIASES: Final = {
    "date": "published",
    "pubdate": "published",
    "publication_date": "published",
    "published_at": "published",
    "source": "publisher",
    "outlet": "publisher",
    "site": "publisher",
    "link": "url",
    "lang": "language",
    "by": "author",
    "byline": "author",
    "grade": "reliability",
}
"""Keys other tools use for fields the reader knows by another name."""
_FENCE: Final = re.compile(r"^---[ \t]*$")
_CLOSE_FENCE: Final = re.compile(r"^(?:---|\.\.\.)[ \t]*$")
_ISO_DATE: Final = re.compile(r"^(\d{4})-(\d{2})-(\d{2})(?:[T ][0-9:.+\-Z ]*)?$")
_PLAUSIBLE_YEARS: Final = range(1900, 2101)
_FILENAME_DATE: Final = re.compile(r"^(\d{4})-(\d{2})-(\d{2})(?:\D|$)")
# C0 and C1 controls except tab and newline, plus stray byte-order marks and separators.
_CONTROL: Final = re.compile(r"[\x00-\x08\x0b-\x1f\x7f-\x9f\ufeff\ufffe\u2028\u2029]")
_BINARY_CONTROL_SHARE: Final = 0.1
_SAMPLE: Final = 65536
MAX_BYTES: Final = 5_000_000
"""The largest article file read: 60 times the longest of 1,460 real news articles (78 kB).

A bigger file is an export of many articles or not an article at all; reading and dating it
would take minutes and fill the chronology with one file's lines, so it is refused unread.
"""


@dataclass(frozen=True, slots=True, kw_only=True)
class _Metadata:
    """What the front matter says, already checked."""

    title: str = ""
    publisher: str = ""
    url: str = ""
    author: str = ""
    reliability: str = ""
    language: str = ""
    """ISO 639-1 code the front matter gives; "" when it gives none (the text then tells)."""
    published: dt.date | None = None
    accessed: dt.date | None = None


def too_large(what: str, path: Path | None) -> InputError:
    """The error for an article over ``MAX_BYTES``; ``what`` says how big it is."""
    return InputError(
        f"{what}, more than the {MAX_BYTES / 1e6:.0f} MB an article may have; split it into "
        "one file per article",
        path=path,
    )


# ---------------------------------------------------------------------------------------------
# Bytes to text


def _decode(data: bytes, path: Path) -> tuple[str, tuple[Diagnostic, ...]]:
    """The file's text and a diagnostic when its encoding had to be guessed."""
    if data.startswith(codecs.BOM_UTF8):
        return _decode_with(data[len(codecs.BOM_UTF8) :], "utf-8", path), ()
    for bom, name in (
        (codecs.BOM_UTF32_LE, "utf-32"),
        (codecs.BOM_UTF32_BE, "utf-32"),
        (codecs.BOM_UTF16_LE, "utf-16"),
        (codecs.BOM_UTF16_BE, "utf-16"),
    ):
        if data.startswith(bom):
            note = Diagnostic(
                level=Level.INFO,
                code="encoding",
                message=f"read as {name.upper()} (byte-order mark)",
                path=path,
            )
            return _decode_with(data, name, path), (note,)
    sample = data[:_SAMPLE]
    if sample.count(0) > _BINARY_CONTROL_SHARE * len(sample):
        return _decode_utf16_without_bom(data, path)
    try:
        return data.decode("utf-8"), ()
    except UnicodeDecodeError:
        pass
    mixed = decode_mixed(data)
    if mixed is not None:
        note = Diagnostic(
            level=Level.WARNING,
            code="mixed-encoding",
            message=(
                f"the file mixes encodings: UTF-8 and {mixed.encoding}, changing on this line; "
                "each line was read in its own, but save the file as UTF-8 throughout"
            ),
            path=path,
            line=mixed.line,
        )
        return mixed.text, (note,)
    text, encoding = _detect(data, path)
    note = Diagnostic(
        level=Level.WARNING,
        code="encoding",
        message=(
            f"not UTF-8: read as {encoding} (detected); if the text looks wrong, "
            "save the file as UTF-8"
        ),
        path=path,
    )
    return text, (note,)


def _detect(data: bytes, path: Path) -> tuple[str, str]:
    """Text and encoding name, guessed from a sample first so long files stay fast."""
    sample = charset_normalizer.from_bytes(data[:_SAMPLE]).best()
    if sample is not None:
        try:
            return data.decode(sample.encoding), sample.encoding
        except (UnicodeDecodeError, LookupError):
            pass  # the sample misled the detector: look at the whole file
    best = charset_normalizer.from_bytes(data).best()
    if best is None:
        raise _binary(path)
    return str(best), best.encoding


def _decode_utf16_without_bom(data: bytes, path: Path) -> tuple[str, tuple[Diagnostic, ...]]:
    """Text saved as UTF-16 without a byte-order mark has a NUL in every other byte."""
    sample = data[:_SAMPLE]
    even, odd = sample[0::2].count(0), sample[1::2].count(0)
    half = len(sample) // 2
    if len(data) % 2 == 0 and max(even, odd) > 0.6 * half and min(even, odd) < 0.05 * half:
        codec = "utf-16-le" if odd > even else "utf-16-be"
        try:
            text = data.decode(codec)
        except UnicodeDecodeError:
            raise _binary(path) from None
        note = Diagnostic(
            level=Level.WARNING,
            code="encoding",
            message=f"read as {codec.upper()} (detected, no byte-order mark); save it as UTF-8",
            path=path,
        )
        return text, (note,)
    raise _binary(path)


def _decode_with(data: bytes, encoding: str, path: Path) -> str:
    try:
        return data.decode(encoding)
    except UnicodeDecodeError as error:
        raise InputError(
            f"the file starts with a {encoding.upper()} byte-order mark but is not valid "
            f"{encoding.upper()} (byte {error.start}); save it again as UTF-8",
            path=path,
        ) from error


def _binary(path: Path) -> InputError:
    return InputError(
        "this is not a text file (binary content); export the article as .md or .txt text, "
        "or move it out of the articles folder",
        path=path,
    )


def _sanitize(text: str, path: Path) -> tuple[str, tuple[Diagnostic, ...]]:
    """Unify line ends, strip control characters, and refuse text that is mostly controls."""
    text = text.replace("\r\n", "\n").replace("\r", "\n")
    text = unicodedata.normalize("NFC", text)
    count = len(_CONTROL.findall(text))
    if count == 0:
        return text, ()
    if count > _BINARY_CONTROL_SHARE * len(text):
        raise _binary(path)
    cleaned = _CONTROL.sub("", text)
    note = Diagnostic(
        level=Level.WARNING,
        code="control-characters",
        message=f"removed {count} control character(s) (NUL and the like) from the text",
        path=path,
    )
    return cleaned, (note,)


# ---------------------------------------------------------------------------------------------
# Front matter


def _split_front_matter(text: str, path: Path) -> tuple[list[str], str, int]:
    """The front-matter lines, the body, and the file line on which the body starts."""
    lines = text.split("\n")
    if not lines or not _FENCE.match(lines[0]):
        return [], text, 1
    for index in range(1, len(lines)):
        if _CLOSE_FENCE.match(lines[index]):
            body = "\n".join(lines[index + 1 :])
            return lines[1:index], body, index + 2
    raise InputError(
        "the front matter opened by '---' on line 1 is never closed; add a line '---' "
        "after its last field",
        path=path,
        line=1,
    )


_LOADERS = threading.local()


def _loader() -> YAML:
    """This thread's safe YAML loader: building one costs about as much as parsing a short
    front matter, and a loader is not safe to share between threads."""
    yaml: YAML | None = getattr(_LOADERS, "yaml", None)
    if yaml is None:
        yaml = _LOADERS.yaml = YAML(typ="safe", pure=True)
    return yaml


def _load_yaml(lines: list[str], path: Path) -> dict[object, object]:
    """The front matter as a mapping; YAML errors name the file line (counting the ``---``)."""
    source = "\n".join(lines)
    if not source.strip():
        return {}
    try:
        data = _loader().load(source)
    except MarkedYAMLError as error:
        mark = error.problem_mark or error.context_mark
        # +2: the opening '---' is file line 1; a mark at the stream end is the last line.
        line = min(mark.line, len(lines) - 1) + 2 if mark is not None else 2
        problem = error.problem or error.context or "invalid YAML"
        raise InputError(
            f"malformed front matter: {problem.strip()}; write one 'key: value' per line and "
            "put quotes around values that contain ': ' or start with a special character",
            path=path,
            line=line,
        ) from error
    except YAMLError as error:
        raise InputError(
            f"malformed front matter: {error}; write one 'key: value' per line",
            path=path,
            line=2,
        ) from error
    except ValueError as error:
        # The loader turns "2024-13-01" into a date and the calendar refuses it.
        raise InputError(
            f"impossible date in the front matter ({error}); write dates as YYYY-MM-DD",
            path=path,
            line=_first_bad_date_line(lines),
        ) from error
    if data is None:
        return {}
    if not isinstance(data, dict):
        raise InputError(
            "the front matter must be 'key: value' lines (title, publisher, url, published…), "
            f"not a {type(data).__name__}",
            path=path,
            line=2,
        )
    return data


def _first_bad_date_line(lines: list[str]) -> int:
    for index, line in enumerate(lines):
        match = re.search(r"\b(\d{4})-(\d{1,2})-(\d{1,2})\b", line)
        if match is not None and _calendar_date(*match.groups()) is None:
            return index + 2
    return 2


def _calendar_date(year: str, month: str, day: str) -> dt.date | None:
    """The date, or None when the calendar has no such day (only for the parse step)."""
    try:
        return dt.date(int(year), int(month), int(day))
    except ValueError:
        return None


def _key_line(lines: list[str], key: str) -> int:
    """The file line of ``key:`` in the front matter (2 is the first front-matter line)."""
    pattern = re.compile(rf"^\s*['\"]?{re.escape(key)}['\"]?\s*:")
    for index, line in enumerate(lines):
        if pattern.match(line):
            return index + 2
    return 2


def _as_date(value: object, key: str, lines: list[str], path: Path) -> dt.date:
    if isinstance(value, dt.datetime):
        return value.date()
    if isinstance(value, dt.date):
        return value
    if isinstance(value, str):
        match = _ISO_DATE.match(value.strip())
        if match is not None:
            parsed = _calendar_date(*match.groups())
            if parsed is not None:
                return parsed
    raise InputError(
        f"'{key}' must be a date written YYYY-MM-DD (for example {key}: 2025-08-31), "
        f"not {shown(value)}; fix it or remove the line",
        path=path,
        line=_key_line(lines, key),
    )


def _as_text(value: object, key: str, lines: list[str], path: Path) -> str:
    if isinstance(value, str):
        return value.strip()
    if isinstance(value, bool) or value is None:
        pass
    elif isinstance(value, int | float):
        return str(value)
    elif isinstance(value, list) and all(isinstance(item, str) for item in value):
        return ", ".join(str(item).strip() for item in value)
    raise InputError(
        f"'{key}' must be text, not {shown(value)}; put the value in quotes",
        path=path,
        line=_key_line(lines, key),
    )


def _metadata(lines: list[str], path: Path) -> tuple[_Metadata, tuple[Diagnostic, ...]]:
    data = _load_yaml(lines, path)
    notes: list[Diagnostic] = []
    texts: dict[str, str] = {}
    for key in _TEXT_FIELDS:
        value = data.get(key)
        if value is not None:
            texts[key] = _as_text(value, key, lines, path)
            limit = _URL_CHARS if key == "url" else _FIELD_CHARS
            if len(texts[key]) > limit:
                # A cut address would lead elsewhere: it is dropped instead.
                texts[key] = "" if key == "url" else texts[key][: limit - 1] + "…"
                what = "left out" if key == "url" else "cut"
                notes.append(
                    Diagnostic(
                        level=Level.WARNING,
                        code="long-field",
                        message=(
                            f"'{key}' is longer than {limit:,} characters and was {what}; "
                            "shorten it"
                        ),
                        path=path,
                        line=_key_line(lines, key),
                    )
                )
    published = data.get("published")
    accessed = data.get("accessed")
    notes.extend(_unknown_fields(data, lines, path))
    reliability, checked = _reliability(texts.pop("reliability", ""), lines, path)
    notes.extend(checked)
    language, note = _language(data.get("language"), lines, path)
    notes.extend(note)
    meta = _Metadata(
        **texts,
        reliability=reliability,
        language=language,
        published=None if published is None else _as_date(published, "published", lines, path),
        accessed=None if accessed is None else _as_date(accessed, "accessed", lines, path),
    )
    return meta, tuple(notes)


def _unknown_fields(data: dict[object, object], lines: list[str], path: Path) -> list[Diagnostic]:
    """A warning for each key the reader does not use, with its line and the likely meaning."""
    notes = []
    for key in sorted((str(key) for key in data if key not in FIELDS), key=str.casefold):
        guess = _ALIASES.get(key.casefold()) or next(
            iter(difflib.get_close_matches(key.casefold(), FIELDS, n=1, cutoff=0.75)), ""
        )
        hint = f"did you mean '{guess}'? " if guess else ""
        notes.append(
            Diagnostic(
                level=Level.WARNING,
                code="unknown-field",
                message=(
                    f"front-matter field '{key}' is not used; {hint}the fields read are "
                    f"{', '.join(sorted(FIELDS))}"
                ),
                path=path,
                line=_key_line(lines, key),
            )
        )
    return notes


def _reliability(text: str, lines: list[str], path: Path) -> tuple[str, tuple[Diagnostic, ...]]:
    """The Admiralty grade in canonical form ("B2"), or "" and a warning for another value."""
    if not text:
        return "", ()
    match = _ADMIRALTY.match(text)
    if match is not None:
        return match.group(1).upper() + match.group(2), ()
    note = Diagnostic(
        level=Level.WARNING,
        code="bad-reliability",
        message=(
            f"reliability '{text[:40]}' is not an Admiralty grade: a letter A-F (how reliable "
            "the source is) then a digit 1-6 (how credible the information), e.g. B2; the "
            "value is left out of the documents"
        ),
        path=path,
        line=_key_line(lines, "reliability"),
    )
    return "", (note,)


def _language(value: object, lines: list[str], path: Path) -> tuple[str, tuple[Diagnostic, ...]]:
    if value is None:
        return "", ()
    text = _as_text(value, "language", lines, path)
    match = re.match(r"^([A-Za-z]{2})(?:[-_][A-Za-z0-9]+)*$", text)
    if match is not None:
        return match.group(1).lower(), ()
    note = Diagnostic(
        level=Level.WARNING,
        code="unknown-language",
        message=(
            f"language {shown(text)} is not a two-letter ISO 639-1 code (en, fr, ru…); the "
            "language is told from the text"
        ),
        path=path,
        line=_key_line(lines, "language"),
    )
    return "", (note,)


# ---------------------------------------------------------------------------------------------
# The reader


def _date_from_name(stem: str) -> dt.date | None:
    match = _FILENAME_DATE.match(stem)
    return None if match is None else _calendar_date(*match.groups())


def read(path: Path) -> tuple[Article, tuple[Diagnostic, ...]]:
    """Read one text or Markdown article.

    Returns the article, its text cleaned of page furniture, and what was noticed on the way
    (guessed encoding, control characters, unknown fields, missing date, empty text). An
    article whose cleaned text is empty comes back with ``text == ""`` and a warning.

    Raises:
        InputError: the file cannot be read, is larger than ``MAX_BYTES``, is binary, or its
            front matter is malformed.
    """
    try:
        size = path.stat().st_size
        if size > MAX_BYTES:
            raise too_large(f"the file is {size / 1e6:.1f} MB", path)
        data = path.read_bytes()
    except OSError as error:
        raise InputError(
            f"cannot read the file ({error.strerror}); check that it exists and is readable",
            path=path,
        ) from error
    text, encoding_notes = _decode(data, path)
    text, control_notes = _sanitize(text, path)
    front, body, body_line = _split_front_matter(text, path)
    meta, meta_notes = _metadata(front, path)
    notes = [*encoding_notes, *control_notes, *meta_notes]

    cleaned = clean(body, title=meta.title, first_line=body_line)
    language, language_notes = settle(
        meta.language,
        cleaned.text,
        path=path,
        line=_key_line(front, "language") if meta.language else 1,
    )
    notes.extend(language_notes if cleaned.text else ())
    if not cleaned.text:
        what = "is empty" if not body.strip() else "has no text left after removing furniture"
        notes.append(
            Diagnostic(
                level=Level.WARNING,
                code="empty-article",
                message=f"the article {what}; it is skipped",
                path=path,
            )
        )
    published, origin = meta.published, DateOrigin.FRONT_MATTER
    if published is None:
        published, origin = _date_from_name(path.stem), DateOrigin.FILENAME
        if published is not None:
            notes.append(
                Diagnostic(
                    level=Level.INFO,
                    code="published-from-filename",
                    message=(
                        f"publication date {published.isoformat()} taken from the file name; "
                        "add 'published:' to the front matter to confirm it"
                    ),
                    path=path,
                )
            )
    if published is None:
        origin = DateOrigin.UNKNOWN
    elif published.year not in _PLAUSIBLE_YEARS:
        notes.append(
            Diagnostic(
                level=Level.WARNING,
                code="implausible-published-date",
                message=(
                    f"publication date {published.isoformat()} looks wrong (before 1900 or "
                    "after 2100); check the year in 'published:'"
                ),
                path=path,
                line=_key_line(front, "published") if origin is DateOrigin.FRONT_MATTER else None,
            )
        )
    if published is None and cleaned.text:
        notes.append(
            Diagnostic(
                level=Level.WARNING,
                code="no-published-date",
                message=(
                    "no publication date, so relative dates ('Sunday', 'last year', "
                    "'September 17') cannot be placed; add 'published: YYYY-MM-DD' to the "
                    "front matter"
                ),
                path=path,
                line=1,
            )
        )

    article = Article(
        id=path.stem,
        path=path,
        text=cleaned.text,
        title=meta.title,
        publisher=meta.publisher,
        url=meta.url,
        author=meta.author,
        language=language,
        published=published,
        date_origin=origin,
        accessed=meta.accessed,
        reliability=meta.reliability,
        body_line=body_line,
        line_starts=cleaned.line_starts,
        source_lines=cleaned.source_lines,
        removed=cleaned.removed,
    )
    return article, tuple(notes)
