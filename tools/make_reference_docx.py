"""Build ``templates/reference.docx``: the Word styles the DOCX writer uses by name.

Run ``python tools/make_reference_docx.py`` after changing a style here. It starts from
python-docx's default template and replaces each style the writer uses with a complete
definition, so the look of the Word output is decided in this one file (or in a
user's own reference.docx built in Word, as with pandoc's ``--reference-doc``).
"""

from __future__ import annotations

import argparse
import io
import zipfile
from pathlib import Path

import docx
from docx.opc.constants import RELATIONSHIP_TYPE as RT
from docx.oxml import parse_xml

OUT = Path(__file__).resolve().parent.parent / "templates" / "reference.docx"

W = "http://schemas.openxmlformats.org/wordprocessingml/2006/main"
NS = f'xmlns:w="{W}"'

FONT = "Calibri"
NAVY = "1F3864"
INK = "1A1A1A"
MUTED = "5A6270"
HAIRLINE = "C5CBD6"
ZEBRA = "F1F4F9"
LINK = "1F4E99"
TLP = {"RED": "FF2B2B", "AMBER": "FFC000", "GREEN": "33FF00", "CLEAR": "FFFFFF"}

# A4 in twips, 25 mm side margins: the text is 160 mm = 9071 twips wide.
PAGE = '<w:pgSz w:w="11906" w:h="16838"/>'
MARGINS = (
    '<w:pgMar w:top="1531" w:right="1418" w:bottom="1361" w:left="1418"'
    ' w:header="680" w:footer="680" w:gutter="0"/>'
)
TEXT_WIDTH = 11906 - 2 * 1418
FONTS = f'<w:rFonts w:ascii="{FONT}" w:hAnsi="{FONT}" w:cs="{FONT}" w:eastAsia="{FONT}"/>'


def paragraph_style(
    style_id: str,
    name: str,
    *,
    based_on: str = "Normal",
    ppr: str = "",
    rpr: str = "",
    extra: str = "",
) -> str:
    """A complete paragraph style; ``extra`` holds name-level flags such as ``<w:qFormat/>``."""
    return (
        f'<w:style {NS} w:type="paragraph" w:customStyle="0" w:styleId="{style_id}">'
        f'<w:name w:val="{name}"/><w:basedOn w:val="{based_on}"/>{extra}'
        f"<w:pPr>{ppr}</w:pPr><w:rPr>{rpr}</w:rPr></w:style>"
    )


def character_style(
    style_id: str, name: str, rpr: str, *, based_on: str = "DefaultParagraphFont"
) -> str:
    """A complete character style."""
    return (
        f'<w:style {NS} w:type="character" w:styleId="{style_id}">'
        f'<w:name w:val="{name}"/><w:basedOn w:val="{based_on}"/><w:uiPriority w:val="99"/>'
        f"<w:unhideWhenUsed/><w:qFormat/><w:rPr>{rpr}</w:rPr></w:style>"
    )


def size(points: float) -> str:
    """Font size in Word's half points, for both scripts."""
    half = round(points * 2)
    return f'<w:sz w:val="{half}"/><w:szCs w:val="{half}"/>'


def spacing(before: int = 0, after: int = 0, line: int = 264) -> str:
    """Paragraph spacing in twips; ``line`` in 240ths of a line."""
    return f'<w:spacing w:before="{before}" w:after="{after}" w:line="{line}" w:lineRule="auto"/>'


def colour(hex_value: str) -> str:
    """Text colour."""
    return f'<w:color w:val="{hex_value}"/>'


def border_below(size_eighths: int, hex_value: str, space: int = 1) -> str:
    """A paragraph border under the text."""
    return (
        f'<w:pBdr><w:bottom w:val="single" w:sz="{size_eighths}" w:space="{space}"'
        f' w:color="{hex_value}"/></w:pBdr>'
    )


def heading(level: int, points: float, before: int, after: int) -> str:
    """Heading 1-3: navy bold sans, kept with the next paragraph, in the outline."""
    return paragraph_style(
        f"Heading{level}",
        f"heading {level}",
        extra='<w:next w:val="Normal"/><w:uiPriority w:val="9"/><w:qFormat/>',
        ppr=(
            f"<w:keepNext/><w:keepLines/>{spacing(before, after, 240)}"
            f'<w:outlineLvl w:val="{level - 1}"/>'
        ),
        rpr=f"<w:b/><w:bCs/>{colour(NAVY)}{size(points)}",
    )


def list_style(style_id: str, name: str, num_id: str) -> str:
    """A list paragraph style bound to its numbering definition, with air between items."""
    return paragraph_style(
        style_id,
        name,
        extra='<w:uiPriority w:val="99"/><w:unhideWhenUsed/>',
        ppr=f'<w:numPr><w:numId w:val="{num_id}"/></w:numPr>{spacing(0, 60)}',
    )


def tab_stops() -> str:
    """Centre and right tab stops across the text width, for header and footer lines."""
    return (
        f'<w:tabs><w:tab w:val="center" w:pos="{TEXT_WIDTH // 2}"/>'
        f'<w:tab w:val="right" w:pos="{TEXT_WIDTH}"/></w:tabs>'
    )


def table_style() -> str:
    """ "Briefing Table": navy header row, zebra body rows, hairlines between rows."""
    cell_margins = (
        '<w:tblCellMar><w:top w:w="57" w:type="dxa"/><w:left w:w="100" w:type="dxa"/>'
        '<w:bottom w:w="71" w:type="dxa"/><w:right w:w="100" w:type="dxa"/></w:tblCellMar>'
    )
    borders = (
        f'<w:tblBorders><w:bottom w:val="single" w:sz="8" w:space="0" w:color="{NAVY}"/>'
        f'<w:insideH w:val="single" w:sz="2" w:space="0" w:color="{HAIRLINE}"/></w:tblBorders>'
    )
    return (
        f'<w:style {NS} w:type="table" w:customStyle="1" w:styleId="BriefingTable">'
        '<w:name w:val="Briefing Table"/><w:basedOn w:val="TableNormal"/>'
        '<w:uiPriority w:val="59"/><w:qFormat/>'
        f"<w:pPr>{spacing(0, 0, 240)}</w:pPr><w:rPr>{size(8.5)}</w:rPr>"
        f"<w:tblPr>{borders}{cell_margins}</w:tblPr>"
        '<w:tblStylePr w:type="firstRow"><w:rPr><w:b/><w:bCs/><w:color w:val="FFFFFF"/></w:rPr>'
        "<w:tblPr/><w:trPr><w:tblHeader/></w:trPr>"
        f'<w:tcPr><w:shd w:val="clear" w:color="auto" w:fill="{NAVY}"/></w:tcPr></w:tblStylePr>'
        '<w:tblStylePr w:type="band2Horz"><w:tblPr/>'
        f'<w:tcPr><w:shd w:val="clear" w:color="auto" w:fill="{ZEBRA}"/></w:tcPr></w:tblStylePr>'
        "</w:style>"
    )


def styles() -> list[str]:
    """Every style the writer asks for by name, completely defined."""
    body = f"{FONTS}{colour(INK)}{size(10)}"
    return [
        paragraph_style(
            "Normal", "Normal", based_on="", extra="<w:qFormat/>", ppr=spacing(0, 120), rpr=body
        )
        .replace('<w:basedOn w:val=""/>', "")
        .replace('w:type="paragraph"', 'w:type="paragraph" w:default="1"'),
        paragraph_style(
            "Title",
            "Title",
            extra='<w:next w:val="Normal"/><w:uiPriority w:val="10"/><w:qFormat/>',
            ppr=spacing(0, 60, 240),
            rpr=f'<w:b/><w:bCs/>{colour(NAVY)}<w:kern w:val="28"/>{size(26)}',
        ),
        paragraph_style(
            "Subtitle",
            "Subtitle",
            extra='<w:next w:val="Normal"/><w:uiPriority w:val="11"/><w:qFormat/>',
            ppr=spacing(0, 80, 252),
            rpr=f"{colour(MUTED)}{size(13)}",
        ),
        paragraph_style(
            "TitleRule",
            "Title Rule",
            ppr=f"<w:keepNext/>{border_below(12, NAVY)}{spacing(0, 160, 240)}",
            rpr=size(4),
        ),
        paragraph_style(
            "TitleMeta",
            "Title Meta",
            ppr=f'<w:tabs><w:tab w:val="left" w:pos="1814"/></w:tabs>{spacing(0, 30, 240)}',
            rpr=size(9),
        ),
        character_style("TitleMetaLabel", "Title Meta Label", f"<w:caps/>{colour(MUTED)}{size(8)}"),
        heading(1, 14, 360, 120),
        heading(2, 11.5, 240, 80),
        heading(3, 10.5, 200, 60),
        paragraph_style(
            "Header",
            "header",
            ppr=f"{tab_stops()}{spacing(0, 0, 240)}",
            rpr=f"{colour(MUTED)}{size(7.5)}",
        ),
        paragraph_style(
            "Footer",
            "footer",
            ppr=f"{tab_stops()}{spacing(0, 0, 240)}",
            rpr=f"{colour(MUTED)}{size(7.5)}",
        ),
        character_style("Marking", "Marking", f"<w:b/><w:bCs/>{colour('000000')}{size(8)}"),
        *(
            character_style(
                f"MarkingTLP{name}",
                f"Marking TLP {name}",
                f'{colour(text)}<w:shd w:val="clear" w:color="auto" w:fill="000000"/>',
                based_on="Marking",
            )
            for name, text in TLP.items()
        ),
        character_style("Hyperlink", "Hyperlink", f'{colour(LINK)}<w:u w:val="single"/>'),
        character_style("InternalLink", "Internal Link", colour(NAVY)),
        paragraph_style("TableText", "Table Text", ppr=spacing(0, 0, 240), rpr=size(8.5)),
        paragraph_style(
            "TableHeading",
            "Table Heading",
            based_on="TableText",
            ppr="<w:keepNext/>",
            rpr=f"<w:b/><w:bCs/>{colour('FFFFFF')}",
        ),
        paragraph_style(
            "HorizontalRule",
            "Horizontal Rule",
            ppr=f"{border_below(4, HAIRLINE)}{spacing(0, 200, 240)}",
            rpr=size(4),
        ),
        table_style(),
        paragraph_style(
            "TOCHeading",
            "TOC Heading",
            based_on="Heading1",
            extra='<w:next w:val="Normal"/><w:uiPriority w:val="39"/><w:unhideWhenUsed/>'
            "<w:qFormat/>",
            # not in the outline, so the contents never list their own heading
            ppr=f'{spacing(240, 120, 240)}<w:outlineLvl w:val="9"/>',
        ),
        *(
            paragraph_style(
                f"TOC{level}",
                f"toc {level}",
                extra='<w:next w:val="Normal"/><w:uiPriority w:val="39"/><w:unhideWhenUsed/>',
                ppr=(
                    f'<w:tabs><w:tab w:val="right" w:leader="dot" w:pos="{TEXT_WIDTH}"/></w:tabs>'
                    f'{spacing(0, 40, 240)}<w:ind w:left="{(level - 1) * 240}"/>'
                ),
                rpr="<w:b/><w:bCs/>" if level == 1 else "",
            )
            for level in (1, 2, 3)
        ),
        paragraph_style(
            "FootnoteText",
            "footnote text",
            extra='<w:uiPriority w:val="99"/><w:unhideWhenUsed/>',
            ppr=f'{spacing(0, 20, 240)}<w:ind w:left="170" w:hanging="170"/>',
            rpr=f"{size(7.5)}",
        ),
        character_style(
            "FootnoteReference",
            "footnote reference",
            f'<w:vertAlign w:val="superscript"/>{colour(NAVY)}',
        ),
        paragraph_style(
            "Figure",
            "Figure",
            extra='<w:next w:val="Caption"/><w:qFormat/>',
            ppr=f"<w:keepNext/>{spacing(120, 40, 240)}",
        ),
        paragraph_style(
            "Caption",
            "caption",
            extra='<w:next w:val="Normal"/><w:uiPriority w:val="35"/><w:unhideWhenUsed/>'
            "<w:qFormat/>",
            ppr=spacing(0, 200, 240),
            rpr=f"{colour(MUTED)}{size(8)}",
        ),
        list_style("ListBullet", "List Bullet", "1"),
        list_style("ListBullet2", "List Bullet 2", "2"),
        list_style("ListBullet3", "List Bullet 3", "3"),
        list_style("ListNumber", "List Number", "5"),
        list_style("ListNumber2", "List Number 2", "6"),
        list_style("ListNumber3", "List Number 3", "7"),
    ]


def replace_styles(document: docx.document.Document) -> None:
    """Swap each style for its definition above, keeping the others the template has."""
    root = document.styles.element
    for xml in styles():
        new = parse_xml(xml)
        style_id = new.get(f"{{{W}}}styleId")
        for old in root.findall(f"{{{W}}}style[@{{{W}}}styleId='{style_id}']"):
            root.remove(old)
        root.append(new)
    defaults = root.find(f"{{{W}}}docDefaults")
    if defaults is not None:
        root.remove(defaults)
    root.insert(
        0,
        parse_xml(
            f"<w:docDefaults {NS}><w:rPrDefault><w:rPr>{FONTS}{size(10)}"
            '<w:lang w:val="en-GB"/></w:rPr></w:rPrDefault>'
            f"<w:pPrDefault><w:pPr>{spacing(0, 120)}</w:pPr></w:pPrDefault></w:docDefaults>"
        ),
    )


def plain_bullets(document: docx.document.Document) -> None:
    """Bullets as Unicode characters in the body font, one per level as in the PDF.

    The template's Symbol-font glyph is a private-use character that shows as a box where
    the Symbol font is missing.
    """
    numbering = document.part.numbering_part.element
    marks = {"ListBullet": "\u2022", "ListBullet2": "\u2013", "ListBullet3": "\u25aa"}
    for level in numbering.iter(f"{{{W}}}lvl"):
        if level.find(f"{{{W}}}numFmt").get(f"{{{W}}}val") != "bullet":
            continue
        style = level.find(f"{{{W}}}pStyle")
        mark = marks.get(style.get(f"{{{W}}}val") if style is not None else "", "\u2022")
        level.find(f"{{{W}}}lvlText").set(f"{{{W}}}val", mark)
        fonts = level.find(f"{{{W}}}rPr/{{{W}}}rFonts")
        if fonts is not None:
            for attribute in ("ascii", "hAnsi"):
                fonts.set(f"{{{W}}}{attribute}", FONT)


def page_setup(document: docx.document.Document) -> None:
    """A4 with generous margins; the writer never sets page geometry itself."""
    sect_pr = document.sections[0]._sectPr  # python-docx has no API for page size
    for tag in ("pgSz", "pgMar"):
        for old in sect_pr.findall(f"{{{W}}}{tag}"):
            sect_pr.remove(old)
    sect_pr.insert(0, parse_xml(MARGINS.replace("<w:pgMar", f"<w:pgMar {NS}")))
    sect_pr.insert(0, parse_xml(PAGE.replace("<w:pgSz", f"<w:pgSz {NS}")))


def neutral_properties(document: docx.document.Document) -> None:
    """Core properties the writer overwrites; fixed here so the file itself is reproducible."""
    import datetime as dt

    properties = document.core_properties
    properties.author = ""
    properties.comments = ""
    properties.title = ""
    properties.last_modified_by = ""
    properties.revision = 1
    epoch = dt.datetime(2000, 1, 1, tzinfo=dt.UTC)
    properties.created = epoch
    properties.modified = epoch


def drop_thumbnail(document: docx.document.Document) -> None:
    """The default template's thumbnail shows a blank Letter page: misleading, so drop it."""
    package = document.part.package
    for rel_id, rel in list(package.rels.items()):
        if rel.reltype == RT.THUMBNAIL:
            del package.rels[rel_id]


def reproducible_zip(data: bytes) -> bytes:
    """The same archive with fixed timestamps, so rebuilding gives identical bytes."""
    out = io.BytesIO()
    with zipfile.ZipFile(io.BytesIO(data)) as source, zipfile.ZipFile(out, "w") as target:
        for info in source.infolist():
            fixed = zipfile.ZipInfo(info.filename, date_time=(1980, 1, 1, 0, 0, 0))
            fixed.compress_type = zipfile.ZIP_DEFLATED
            target.writestr(fixed, source.read(info.filename))
    return out.getvalue()


def build() -> bytes:
    """The reference document as bytes."""
    document = docx.Document()
    replace_styles(document)
    plain_bullets(document)
    page_setup(document)
    neutral_properties(document)
    drop_thumbnail(document)
    buffer = io.BytesIO()
    document.save(buffer)
    return reproducible_zip(buffer.getvalue())


def main() -> int:
    """Write the reference document (default: the package's) and say where."""
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--out", type=Path, default=OUT, help=f"output file (default: {OUT})")
    args = parser.parse_args()
    args.out.parent.mkdir(parents=True, exist_ok=True)
    args.out.write_bytes(build())
    print(f"wrote {args.out}")  # noqa: T201 # a developer script reports what it wrote
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
