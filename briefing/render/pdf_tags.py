"""A tagged PDF from reportlab: marked content on the pages, a structure tree in the catalog.

Reportlab writes untagged PDFs; screen readers and accessibility checkers (PDF/UA, WCAG) need
the reading structure. What this adds, following ISO 32000-1 §14.7-14.8: every block drawn in
the text frame is a marked-content sequence (``/P <</MCID n>> BDC … EMC``) owned by a
structure element of its kind (``H1``…``H6``, ``P``, ``L``, ``Table``, ``Figure`` with its
``/Alt`` text, ``Note``); running heads, footers and rules are ``/Artifact``; the elements sit
in reading order under one ``Document`` element; each page has ``/StructParents`` and
``/Tabs /S`` and the ``/ParentTree`` maps its marked content back to the elements; the
catalog says ``/MarkInfo <</Marked true>>``. The document's language and title are set by the
writer (``/Lang``, ``/DisplayDocTitle``).
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import TYPE_CHECKING

from reportlab.pdfbase.pdfdoc import (
    PDFArray,
    PDFDictionary,
    PDFName,
    PDFObjectReference,
    PDFString,
)

if TYPE_CHECKING:
    from reportlab.pdfgen.canvas import Canvas

__all__ = ["Tagger"]

_ROOT = "BriefingStructTreeRoot"
_DOCUMENT = "BriefingStructDocument"


@dataclass(slots=True)
class _Element:
    role: str
    page: int
    """0-based page index."""
    mcid: int
    alt: str = ""


@dataclass(slots=True)
class Tagger:
    """Marks content while pages are drawn, then writes the structure tree at save."""

    elements: list[_Element] = field(default_factory=list)
    per_page: dict[int, int] = field(default_factory=dict)
    """0-based page -> how many MCIDs it has used."""

    def begin(self, canvas: Canvas, role: str, alt: str = "") -> tuple[int, int]:
        """Open a marked-content sequence for a new element; returns a mark for ``end``."""
        page = canvas.getPageNumber() - 1
        mcid = self.per_page.get(page, 0)
        self.per_page[page] = mcid + 1
        self.elements.append(_Element(role=role, page=page, mcid=mcid, alt=alt))
        mark = (len(canvas._code), len(self.elements))  # type: ignore[attr-defined] # reportlab's content list
        canvas.addLiteral(f"/{role} <</MCID {mcid}>> BDC")
        return mark

    def end(self, canvas: Canvas, mark: tuple[int, int], *, drawn: bool = True) -> None:
        """Close the sequence; one that drew nothing (a block that did not fit) is undone."""
        if drawn:
            canvas.addLiteral("EMC")
            return
        code_length, count = mark
        del canvas._code[code_length:]  # type: ignore[attr-defined] # reportlab's content list
        element = self.elements.pop(count - 1)
        self.per_page[element.page] -= 1

    @staticmethod
    def artifact_begin(canvas: Canvas) -> None:
        """Open a sequence of page furniture (running heads, footers, rules)."""
        canvas.addLiteral("/Artifact BMC")

    @staticmethod
    def artifact_end(canvas: Canvas) -> None:
        """Close page furniture."""
        canvas.addLiteral("EMC")

    @staticmethod
    def mark_page(page: object, index: int) -> None:
        """Give a page object its ``/StructParents`` key and structure tab order."""
        keys = list(getattr(page, "__NoDefault__", []))
        page.__NoDefault__ = [*keys, "StructParents", "Tabs"]  # type: ignore[attr-defined] # reportlab reads the keys to write from here
        page.StructParents = index  # type: ignore[attr-defined] # see above
        page.Tabs = PDFName("S")  # type: ignore[attr-defined] # see above

    def finish(self, canvas: Canvas, pages: int) -> None:
        """Write the structure tree and mark the document as tagged (call before saving)."""
        doc = canvas._doc  # type: ignore[attr-defined] # not in the stubs
        refs: list[PDFObjectReference] = []
        parents: dict[int, list[PDFObjectReference | None]] = {
            page: [None] * count for page, count in self.per_page.items()
        }
        for number, element in enumerate(self.elements):
            entries: dict[str, object] = {
                "Type": PDFName("StructElem"),
                "S": PDFName(element.role),
                "P": PDFObjectReference(_DOCUMENT),
                "Pg": PDFObjectReference(f"Page{element.page + 1}"),
                "K": element.mcid,
            }
            if element.alt:
                entries["Alt"] = PDFString(element.alt)
            name = f"BriefingStructElem{number}"
            doc.Reference(PDFDictionary(entries), name)
            ref = PDFObjectReference(name)
            refs.append(ref)
            parents[element.page][element.mcid] = ref
        document = {
            "Type": PDFName("StructElem"),
            "S": PDFName("Document"),
            "P": PDFObjectReference(_ROOT),
            "K": PDFArray(refs),
        }
        doc.Reference(PDFDictionary(document), _DOCUMENT)
        nums: list[object] = []
        for page in range(pages):
            nums += [page, PDFArray([ref for ref in parents.get(page, []) if ref is not None])]
        root = {
            "Type": PDFName("StructTreeRoot"),
            "K": PDFObjectReference(_DOCUMENT),
            "ParentTree": PDFDictionary({"Nums": PDFArray(nums)}),
            "ParentTreeNextKey": pages,
        }
        doc.Reference(PDFDictionary(root), _ROOT)
        catalog = doc.Catalog
        catalog.StructTreeRoot = PDFObjectReference(_ROOT)
        catalog.MarkInfo = PDFDictionary({"Marked": "true"})
