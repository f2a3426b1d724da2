"""The text and core properties of a Word (.docx) report, read with bounded memory and time.

Why not python-docx here: it reads every part of the package whole into memory and builds a
tree of every element (a 60 MB ``document.xml`` took 31 s and 760 MB), while an import needs
only the body's paragraphs and four properties. This reader checks the archive's declared
sizes first (``briefing.safezip``: a zip bomb is refused unopened), then streams
``document.xml`` with lxml's ``iterparse``, dropping each paragraph once read, and stops as
soon as the text is larger than an article may be. The XML is parsed without DTDs or
entities (no file is ever read through an entity, no "billion laughs"). The text is that of
python-docx's ``Document.paragraphs``: the body's own paragraphs, runs and hyperlinks, a tab
for ``w:tab``/``w:ptab``, a line break for ``w:br``/``w:cr``.
"""

from __future__ import annotations

import datetime as dt
import posixpath
import re
import zipfile
from typing import IO, TYPE_CHECKING, Final

from lxml import etree

from briefing.errors import InputError
from briefing.safezip import check_zip

if TYPE_CHECKING:
    from collections.abc import Iterator
    from pathlib import Path

__all__ = ["WordText", "read_word"]

_W: Final = "{http://schemas.openxmlformats.org/wordprocessingml/2006/main}"
_REL: Final = "{http://schemas.openxmlformats.org/package/2006/relationships}Relationship"
_DC: Final = "{http://purl.org/dc/elements/1.1/}"
_DCTERMS: Final = "{http://purl.org/dc/terms/}"
_OFFICE_DOCUMENT: Final = "/officeDocument"
_CORE_PROPERTIES: Final = "/core-properties"
_SMALL_PART: Final = 1_000_000
"""The largest relationships or properties part read (they hold a few lines)."""
_RUN_TEXT: Final = {
    f"{_W}tab": "\t",
    f"{_W}ptab": "\t",
    f"{_W}cr": "\n",
    f"{_W}noBreakHyphen": "-",
}


class WordText:
    """What a Word document says: its paragraphs and core properties."""

    __slots__ = ("author", "created", "language", "paragraphs", "title")

    def __init__(self) -> None:
        self.paragraphs: list[str] = []
        self.title = ""
        self.author = ""
        self.language = ""
        self.created: dt.date | None = None


def _parser() -> etree.XMLParser:
    """A parser that never loads a DTD, resolves an entity or touches the network."""
    return etree.XMLParser(resolve_entities=False, load_dtd=False, no_network=True)


def read_word(path: Path, *, max_text: int) -> WordText:
    """The body paragraphs and core properties of a .docx, stopping past ``max_text`` bytes.

    Raises:
        InputError: the archive would inflate too much (``safezip``), is not a Word document,
            is damaged, or its text is larger than ``max_text`` bytes of UTF-8.
    """
    check_zip(path)
    result = WordText()
    try:
        with zipfile.ZipFile(path) as archive:
            targets = _package_targets(archive)
            main = targets.get(_OFFICE_DOCUMENT, "")
            if not main:
                raise _not_word(path, "it has no main document part")
            with archive.open(main) as stream:
                result.paragraphs = list(_paragraphs(stream, path, max_text))
            core = targets.get(_CORE_PROPERTIES, "")
            if core:
                _read_core(archive, core, result)
    except (zipfile.BadZipFile, KeyError, etree.XMLSyntaxError, EOFError, OSError) as error:
        # KeyError: a part named in the package is missing; OSError: the file went away.
        raise InputError(
            f"not a readable Word document ({_reason(error)}); open it in Word or LibreOffice "
            "and save it again as .docx, or save the text as .txt and add that",
            path=path,
        ) from error
    return result


def _reason(error: BaseException) -> str:
    text = str(error).strip("'\"")
    return text.splitlines()[0] if text else type(error).__name__


def _not_word(path: Path, why: str) -> InputError:
    return InputError(f"not a Word document ({why}); save it as .docx and try again", path=path)


def _small(archive: zipfile.ZipFile, name: str) -> bytes:
    info = archive.getinfo(name)
    if info.file_size > _SMALL_PART:
        raise KeyError(f"{name} is {info.file_size:,} bytes, too large for its kind")
    return archive.read(info)


def _package_targets(archive: zipfile.ZipFile) -> dict[str, str]:
    """Relationship type suffix -> part name, from the package's ``_rels/.rels``."""
    root = etree.fromstring(_small(archive, "_rels/.rels"), _parser())
    targets: dict[str, str] = {}
    for relation in root.iter(_REL):
        kind = relation.get("Type", "")
        target = posixpath.normpath(relation.get("Target", "").lstrip("/"))
        suffix = kind[kind.rfind("/") :]
        if relation.get("TargetMode") != "External" and not target.startswith(".."):
            targets.setdefault(suffix, target)
    return targets


def _paragraphs(stream: IO[bytes], path: Path, max_text: int) -> Iterator[str]:
    """The text of each paragraph directly in the body, read as the XML streams in."""
    size = 0
    events = etree.iterparse(
        stream, events=("start", "end"), resolve_entities=False, load_dtd=False, no_network=True
    )
    depth = 0
    for event, element in events:
        if event == "start":
            depth += 1
            if depth == 1 and element.tag != f"{_W}document":
                raise _not_word(path, f"its main part is a {etree.QName(element).localname}")
            continue
        depth -= 1
        if depth != 2:  # 0 document, 1 body, 2 the body's blocks
            continue
        if element.tag == f"{_W}p":
            text = _paragraph_text(element)
            size += len(text.encode("utf-8")) + 1
            if size > max_text:
                raise InputError(
                    f"the document's text is larger than the {max_text / 1e6:.0f} MB an article "
                    "may have; split it into one file per article, or copy the part you need "
                    "into a .txt file and add that",
                    path=path,
                )
            yield text
        # Drop what was read, so memory stays that of one paragraph.
        element.clear()
        parent = element.getparent()
        while parent is not None and element.getprevious() is not None:
            del parent[0]


def _paragraph_text(paragraph: etree._Element) -> str:
    parts: list[str] = []
    for child in paragraph:
        if child.tag == f"{_W}r":
            parts.append(_run_text(child))
        elif child.tag == f"{_W}hyperlink":
            parts.extend(_run_text(run) for run in child if run.tag == f"{_W}r")
    return "".join(parts)


def _run_text(run: etree._Element) -> str:
    parts: list[str] = []
    for item in run:
        tag = item.tag
        if tag == f"{_W}t":
            parts.append(item.text or "")
        elif tag == f"{_W}br":
            parts.append("\n" if item.get(f"{_W}type", "textWrapping") == "textWrapping" else "")
        elif isinstance(tag, str) and tag in _RUN_TEXT:
            parts.append(_RUN_TEXT[tag])
    return "".join(parts)


def _read_core(archive: zipfile.ZipFile, name: str, result: WordText) -> None:
    root = etree.fromstring(_small(archive, name), _parser())
    result.title = _field(root, f"{_DC}title")
    result.author = _field(root, f"{_DC}creator")
    result.language = _field(root, f"{_DC}language")
    result.created = _w3cdtf(_field(root, f"{_DCTERMS}created"))


def _field(root: etree._Element, tag: str) -> str:
    element = root.find(tag)
    return (element.text or "").strip() if element is not None else ""


def _w3cdtf(value: str) -> dt.date | None:
    """The day of a W3CDTF timestamp ("2024-05-06T10:00:00Z"); None when there is none."""
    match = re.match(r"^(\d{4})-(\d{2})-(\d{2})", value)
    if match is None:
        return None
    try:
        return dt.date(*(int(part) for part in match.groups()))
    except ValueError:
        return None
