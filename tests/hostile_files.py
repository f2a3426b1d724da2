"""Hostile files made on the fly, never committed: a zip-bomb Word document.

Used by the tests and by ``benchmarks/bench_hostile.py``. The bomb is a valid ``.docx`` whose
``word/document.xml`` inflates to ``inflated`` bytes from a file a thousand times smaller; it
is written without inflating it (one deflate block per repeated chunk, each flushed so it
stands alone), so making a 1 GB bomb takes a second and no memory.
"""

from __future__ import annotations

import struct
import zlib
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from pathlib import Path

_CONTENT_TYPES = (
    b'<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n'
    b'<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types">'
    b'<Default Extension="rels" '
    b'ContentType="application/vnd.openxmlformats-package.relationships+xml"/>'
    b'<Default Extension="xml" ContentType="application/xml"/>'
    b'<Override PartName="/word/document.xml" ContentType="application/'
    b'vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml"/>'
    b"</Types>"
)
_RELS = (
    b'<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n'
    b'<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">'
    b'<Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/'
    b'relationships/officeDocument" Target="word/document.xml"/>'
    b"</Relationships>"
)
_HEAD = (
    b'<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n'
    b'<w:document xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main">'
    b"<w:body>"
)
_PARAGRAPH = b"<w:p><w:r><w:t>On 3 March 2025 the convoy left Gao.</w:t></w:r></w:p>"
_TAIL = b"</w:body></w:document>"
_CHUNK = _PARAGRAPH * (1_048_576 // len(_PARAGRAPH))


def _deflated(data: bytes, *, final: bool) -> bytes:
    """``data`` as raw deflate blocks that reference nothing before them."""
    compressor = zlib.compressobj(9, zlib.DEFLATED, -15)
    return compressor.compress(data) + compressor.flush(
        zlib.Z_FINISH if final else zlib.Z_FULL_FLUSH
    )


def _entry(name: bytes, compressed: bytes, crc: int, size: int, offset: int) -> bytes:
    """The central-directory record of one deflated member."""
    return struct.pack(
        "<IHHHHHHIIIHHHHHII",
        0x02014B50, 20, 20, 0, 8, 0, 0, crc, len(compressed), size, len(name), 0, 0, 0, 0, 0,
        offset,
    ) + name  # fmt: skip


def _local(name: bytes, compressed: bytes, crc: int, size: int) -> bytes:
    return (
        struct.pack(
            "<IHHHHHIIIHH", 0x04034B50, 20, 0, 8, 0, 0, crc, len(compressed), size, len(name), 0
        )
        + name
    )


def zip_bomb_docx(
    path: Path, inflated: int = 1_000_000_000, *, declared: int | None = None
) -> Path:
    """A ``.docx`` whose document part inflates to about ``inflated`` bytes; returns ``path``.

    The sizes in the archive are the true ones, as a careless tool would write them (the
    archive is valid, and Word or python-docx would inflate all of it), unless ``declared``
    gives the size the archive claims instead: a lying bomb.
    """
    repeats = max(1, (inflated - len(_HEAD) - len(_TAIL)) // len(_CHUNK))
    head, chunk, tail = (
        _deflated(_HEAD, final=False),
        _deflated(_CHUNK, final=False),
        _deflated(_TAIL, final=True),
    )
    crc = zlib.crc32(_HEAD)
    for _ in range(repeats):
        crc = zlib.crc32(_CHUNK, crc)
    crc = zlib.crc32(_TAIL, crc)
    document_size = len(_HEAD) + repeats * len(_CHUNK) + len(_TAIL)
    document_deflated = len(head) + repeats * len(chunk) + len(tail)

    central: list[bytes] = []
    offset = 0
    with path.open("wb") as out:
        for name, data in ((b"[Content_Types].xml", _CONTENT_TYPES), (b"_rels/.rels", _RELS)):
            compressed = _deflated(data, final=True)
            crc_small = zlib.crc32(data)
            header = _local(name, compressed, crc_small, len(data))
            out.write(header + compressed)
            central.append(_entry(name, compressed, crc_small, len(data), offset))
            offset += len(header) + len(compressed)
        name = b"word/document.xml"
        placeholder = b"\0" * document_deflated  # only its length matters to the record
        claimed = document_size if declared is None else declared
        header = _local(name, placeholder, crc, claimed)
        out.write(header + head)
        for _ in range(repeats):
            out.write(chunk)
        out.write(tail)
        central.append(_entry(name, placeholder, crc, claimed, offset))
        offset += len(header) + document_deflated
        directory = b"".join(central)
        out.write(directory)
        out.write(
            struct.pack(
                "<IHHHHIIH",
                0x06054B50,
                0,
                0,
                len(central),
                len(central),
                len(directory),
                offset,
                0,
            )
        )
    return path
