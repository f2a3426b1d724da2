"""An article about to be imported: its text and metadata, its file name, its Markdown.

Pure functions only: nothing here reads or writes a file, so slugs and front matter are easy
to test on their own.
"""

from __future__ import annotations

import dataclasses
import datetime as dt
import io
import re
import unicodedata
import urllib.parse
from dataclasses import dataclass
from typing import Final, cast

from anyascii import anyascii
from ruamel.yaml import YAML
from ruamel.yaml.comments import CommentedMap
from ruamel.yaml.scalarstring import DoubleQuotedScalarString

from briefing.errors import InputError, shown

__all__ = ["Draft", "Overrides", "admiralty", "markdown", "normalised_url", "scalar", "slug"]

_ADMIRALTY: Final = re.compile(r"^([A-Fa-f])([1-6])$")
_TRACKING: Final = re.compile(r"^(utm_[a-z]+|fbclid|gclid|mc_cid|mc_eid|ocid|cmpid)$", re.I)
_YAML11_WORDS: Final = frozenset(
    ["y", "n", "yes", "no", "on", "off", "true", "false", "null", "~", ""]
)
"""Strings an older (YAML 1.1) reader would take for booleans or null: always quoted."""
_TITLE_CHARS: Final = 60
_PUBLISHER_CHARS: Final = 30
_FALLBACK_WORDS: Final = 8


@dataclass(frozen=True, slots=True, kw_only=True)
class Overrides:
    """Metadata given on the command line; "" or None means "use what the source says"."""

    title: str = ""
    publisher: str = ""
    url: str = ""
    published: dt.date | None = None
    language: str = ""
    author: str = ""
    reliability: str = ""
    """Admiralty grade, already checked with ``admiralty``."""


@dataclass(frozen=True, slots=True, kw_only=True)
class Draft:
    """An article read from a source but not yet written: text plus front-matter fields."""

    text: str
    """The article text, one paragraph per line."""
    source: str
    """What it came from (file name, URL or ``-``), for messages."""
    title: str = ""
    publisher: str = ""
    url: str = ""
    """Canonical URL when the source names one, else the address it was fetched from."""
    fetched_from: str = ""
    """The address it was fetched from (also compared when looking for duplicates)."""
    author: str = ""
    language: str = ""
    """ISO 639-1 code; "" when the source does not say (the reader then assumes ``en``)."""
    published: dt.date | None = None
    accessed: dt.date | None = None
    """The day it was fetched, for URL imports."""
    reliability: str = ""

    def with_overrides(self, overrides: Overrides) -> Draft:
        """This draft with every field the analyst gave replacing the extracted one."""
        given = {
            field.name: getattr(overrides, field.name)
            for field in dataclasses.fields(overrides)
            if getattr(overrides, field.name) not in ("", None)
        }
        return dataclasses.replace(self, **given)


def admiralty(code: str) -> str:
    """The Admiralty (NATO) source grade in canonical form: reliability A-F, credibility 1-6.

    Raises:
        InputError: ``code`` is not a letter A-F followed by a digit 1-6 (``B2``).
    """
    match = _ADMIRALTY.match(code.strip())
    if match is None:
        raise InputError(
            f"reliability {shown(code)} is not an Admiralty code: a letter A-F (source "
            "reliability) then a digit 1-6 (information credibility), e.g. B2"
        )
    return match.group(1).upper() + match.group(2)


def _ascii_words(text: str) -> str:
    """Words of any script as lower-case ASCII joined by hyphens: "Путин заявил" ->
    "putin-zayavil", "Gbagbo: «Côte d'Ivoire»" -> "gbagbo-cote-d-ivoire".

    anyascii transliterates every script (Cyrillic, Greek, Arabic, CJK…), where dropping the
    non-ASCII characters left Cyrillic titles with nothing but their digits.
    """
    ascii_text = anyascii(unicodedata.normalize("NFC", text))
    # A possessive joins its word ("Wagner's" -> "wagners"); an elision does not ("l-armee").
    ascii_text = re.sub(r"'s\b", "s", ascii_text, flags=re.IGNORECASE)
    return re.sub(r"[^a-z0-9]+", "-", ascii_text.lower()).strip("-")


def _capped(words: str, limit: int) -> str:
    """``words`` cut to ``limit`` characters at a hyphen when there is one to cut at."""
    if len(words) <= limit:
        return words
    cut = words[:limit]
    return (cut.rsplit("-", 1)[0] if "-" in cut else cut).strip("-")


def slug(draft: Draft) -> str:
    """The file-name stem ``<published>-<publisher>-<title>``: ASCII, lower case, capped.

    ``undated`` stands for a missing date; the first words of the text stand in for a
    missing title, so the same article always gets the same name.
    """
    date = draft.published.isoformat() if draft.published else "undated"
    publisher = _capped(_ascii_words(draft.publisher), _PUBLISHER_CHARS)
    title = _ascii_words(draft.title) or _ascii_words(
        " ".join(draft.text.split()[:_FALLBACK_WORDS])
    )
    parts = [date, publisher, _capped(title, _TITLE_CHARS) or "article"]
    return "-".join(part for part in parts if part)


def scalar(value: str) -> str:
    """A string that every YAML reader reads back as the same string."""
    if value.strip().lower() in _YAML11_WORDS or value != value.strip():
        return cast("str", DoubleQuotedScalarString(value))
    return value


def markdown(draft: Draft) -> str:
    """The article file: YAML front matter (only the fields known) and the text as the body.

    Written with ruamel.yaml so titles with ``: ``, ``#``, quotes or leading dashes are
    quoted correctly; paragraphs are separated by blank lines.
    """
    front = CommentedMap()
    for key in ("title", "publisher", "author", "url"):
        value: str = getattr(draft, key)
        if value:
            front[key] = scalar(value)
    if draft.published is not None:
        front["published"] = draft.published
    if draft.accessed is not None:
        front["accessed"] = draft.accessed
    if draft.language:
        front["language"] = scalar(draft.language)
    if draft.reliability:
        front["reliability"] = scalar(draft.reliability)
    yaml = YAML(typ="rt")
    yaml.width = 4096  # one field per line, however long the title
    yaml.allow_unicode = True
    out = io.StringIO()
    if front:
        yaml.dump(front, out)
    paragraphs = [line.strip() for line in draft.text.splitlines() if line.strip()]
    return f"---\n{out.getvalue()}---\n" + "\n\n".join(paragraphs) + "\n"


def normalised_url(url: str) -> str:
    """The URL as compared for duplicates: scheme and host lower case, no fragment, no
    tracking parameters, no trailing slash, ``http`` and ``https`` alike."""
    parts = urllib.parse.urlsplit(url.strip())
    host = (parts.hostname or "").lower()
    if host.startswith("www."):
        host = host[4:]
    query = urllib.parse.urlencode(
        [(k, v) for k, v in urllib.parse.parse_qsl(parts.query) if not _TRACKING.match(k)]
    )
    path = parts.path.rstrip("/")
    return f"{host}{path}" + (f"?{query}" if query else "")
