"""Page set-up and document furniture: paper, sections, header, footer, fields, settings, properties, pictures."""

from __future__ import annotations

import copy
import io
from dataclasses import dataclass
from datetime import date, datetime, time
from pathlib import Path

import docx
from docx.document import Document
from docx.enum.section import WD_ORIENT
from docx.oxml.ns import qn
from docx.oxml.parser import OxmlElement, parse_xml
from docx.oxml.section import CT_SectPr
from docx.shared import Twips

from export.docx_build import Heading
from export.docx_runs import NSDECLS, esc
from export.docx_safety import open_docx
from export.docx_styles import StyleIds
from export.options import Paper
from export.text import clean_text

PAPER_TWIPS: dict[Paper, tuple[int, int]] = {"letter": (12240, 15840), "a4": (11906, 16838)}
"""Portrait width and height: Letter is 8.5 × 11 in, A4 is 21 × 29.7 cm (1 twip = 1/1440 in)."""

MARGIN = 1417
"""2.5 cm on every side when the export does not start from a template."""
EMU_PER_TWIP = 635


@dataclass(frozen=True)
class Template:
    """What the document starts from: its own page header and footer, if any."""

    has_header: bool
    has_footer: bool


def open_document(template: Path | None) -> tuple[Document, Template]:
    """Return a document to fill (the template's styles, header and logo, with an empty body).

    The template (.docx or .dotx) is only read, never written, and only through the bounded reader
    (export/docx_safety.py): a template that is damaged, encrypted or a zip bomb raises DocxRefusedError.
    """
    document = open_docx(template) if template is not None else docx.Document()
    body = document.element.body
    sentinel = body.get_or_add_sectPr()
    # clear_content keeps the final sectPr: the template's page set-up and header/footer references survive.
    body.clear_content()
    found = Template(bool(sentinel.xpath("w:headerReference")), bool(sentinel.xpath("w:footerReference")))
    if template is None:
        pg_mar = sentinel.get_or_add_pgMar()
        for side in ("top", "bottom", "left", "right"):
            pg_mar.set(qn(f"w:{side}"), str(MARGIN))
        pg_mar.set(qn("w:header"), "709")
        pg_mar.set(qn("w:footer"), "709")
    return document, found


@dataclass(frozen=True)
class PageSetup:
    """The sections' page set-up: paper and margins from the options or the template, in both orientations."""

    base: CT_SectPr
    paper: Paper
    own_header: bool
    """True when the export writes the page header (no template header): the cover page then has none."""

    def _margins(self) -> tuple[int, int, int, int]:
        pg_mar = self.base.pgMar
        if pg_mar is None:
            return MARGIN, MARGIN, MARGIN, MARGIN
        values = [pg_mar.get(qn(f"w:{side}")) for side in ("top", "right", "bottom", "left")]
        top, right, bottom, left = (int(float(v)) if v else MARGIN for v in values)
        return abs(top), right, abs(bottom), left

    def text_width(self, landscape: bool) -> int:
        """Return the width between the margins, in twips."""
        width, height = PAPER_TWIPS[self.paper]
        _, right, _, left = self._margins()
        return (height if landscape else width) - left - right

    def text_height(self, landscape: bool) -> int:
        """Return the height between the margins, in twips."""
        width, height = PAPER_TWIPS[self.paper]
        top, _, bottom, _ = self._margins()
        return (width if landscape else height) - top - bottom

    def configure(self, sect_pr: CT_SectPr, landscape: bool, first: bool) -> CT_SectPr:
        """Set paper and orientation explicitly; only the first section keeps the header references."""
        width, height = PAPER_TWIPS[self.paper]
        sect_pr.orientation = WD_ORIENT.LANDSCAPE if landscape else WD_ORIENT.PORTRAIT
        sect_pr.page_width = Twips(height if landscape else width)
        sect_pr.page_height = Twips(width if landscape else height)
        sect_pr.start_type = None  # a new page, Word's default
        if not first:
            for reference in sect_pr.xpath("w:headerReference|w:footerReference"):
                sect_pr.remove(reference)
            sect_pr.titlePg_val = False
        elif self.own_header:
            # The cover carries no running header or page number.
            sect_pr.titlePg_val = True
        return sect_pr

    def sect_pr_xml(self, landscape: bool, first: bool) -> str:
        """Return the sectPr XML that ends a section with this set-up."""
        clone = self.configure(copy.deepcopy(self.base), landscape, first)
        return clone.xml


TOC_INSTRUCTION = 'TOC \\o "1-3" \\h \\z \\u'
"""Word's table of contents: heading levels 1-3, linked entries, no page numbers in web view, outline levels."""
LIST_INSTRUCTION = 'QUOTE ""'
"""The field whose stored result is the written contents list: Word shows it until it updates it to nothing."""
_PAGEREF = "PAGEREF {bookmark} \\h"
_FIELD_END = '<w:r><w:fldChar w:fldCharType="end"/></w:r>'


def toc_xml(headings: list[Heading], styles: StyleIds, title: str, width: int) -> str:
    """Return the contents: a list every reader shows with page numbers, and Word's TOC field that replaces it.

    LibreOffice shows a TOC field's stored result as written, with every field inside it frozen (a PAGEREF or
    even a PAGE field there shows no number), and the export lays out no pages to write the numbers in. So the
    list is written outside the TOC field: each entry a link to its heading, its page a PAGEREF field that
    LibreOffice computes as it lays the pages out and Word on opening (settings updateFields; the fields are
    dirty). The list is the stored result of a QUOTE field of empty text: Word shows a field's stored result
    until it updates it (Protected View updates nothing), and updating the QUOTE leaves nothing, while the TOC
    field after it becomes Word's own table of contents, which "Update Table" then keeps up to date. Not a SET
    field: Word shows what a SET field holds only through a REF field, so the page would be blank until then.
    The TOC field's stored result is one empty paragraph: LibreOffice makes it an empty index (nothing printed)
    and writes the field back when it saves, so a copy saved by LibreOffice, where the QUOTE field stays around
    the list, still gets Word's table when Word updates it. Without that paragraph LibreOffice drops the field.
    """
    parts = [
        f'<w:p><w:pPr><w:pStyle w:val="{styles.toc_heading}"/><w:pageBreakBefore/></w:pPr>'
        f"<w:r><w:t>{esc(title)}</w:t></w:r></w:p>"
    ]
    tabs = f'<w:tabs><w:tab w:val="right" w:leader="dot" w:pos="{width}"/></w:tabs>'
    last = len(headings) - 1
    for number, heading in enumerate(headings):
        style = styles.toc[min(heading.level, 3) - 1]
        opens = _field_start(LIST_INSTRUCTION) if number == 0 else ""
        page = _field_start(_PAGEREF.format(bookmark=heading.bookmark)) + "<w:r><w:t></w:t></w:r>" + _FIELD_END
        parts.append(
            f'<w:p><w:pPr><w:pStyle w:val="{style}"/>{tabs}</w:pPr>{opens}'
            f'<w:hyperlink w:anchor="{heading.bookmark}" w:history="1">'
            f'<w:r><w:t xml:space="preserve">{esc(heading.text)}</w:t></w:r><w:r><w:tab/></w:r>{page}'
            f"</w:hyperlink>{_FIELD_END if number == last else ''}</w:p>"
        )
    paragraph = f'<w:p><w:pPr><w:pStyle w:val="{styles.toc[0]}"/>{tabs}</w:pPr>'
    parts.append(f"{paragraph}{_field_start(TOC_INSTRUCTION)}</w:p>{paragraph}{_FIELD_END}</w:p>")
    return "".join(parts)


def _field_start(instruction: str) -> str:
    """Return the runs that open a field Word must update (dirty) up to its stored result."""
    return (
        '<w:r><w:fldChar w:fldCharType="begin" w:dirty="true"/></w:r>'
        f'<w:r><w:instrText xml:space="preserve"> {esc(instruction)} </w:instrText></w:r>'
        '<w:r><w:fldChar w:fldCharType="separate"/></w:r>'
    )


def _field(instruction: str, cached: str) -> str:
    return (
        '<w:r><w:fldChar w:fldCharType="begin"/></w:r>'
        f'<w:r><w:instrText xml:space="preserve"> {instruction} </w:instrText></w:r>'
        f'<w:r><w:fldChar w:fldCharType="separate"/></w:r><w:r><w:t>{cached}</w:t></w:r>'
        '<w:r><w:fldChar w:fldCharType="end"/></w:r>'
    )


def write_header(document: Document, styles: StyleIds, title: str) -> None:
    """Put the proposal title, right-aligned in small grey type, in the header of every page but the cover."""
    header = document.sections[0].header
    header.is_linked_to_previous = False
    element = header._element
    for child in list(element):
        element.remove(child)
    element.append(
        parse_xml(
            f'<w:p {NSDECLS}><w:pPr><w:pStyle w:val="{styles.header}"/><w:jc w:val="right"/></w:pPr>'
            f'<w:r><w:rPr><w:color w:val="595959"/><w:sz w:val="16"/></w:rPr>'
            f'<w:t xml:space="preserve">{esc(title)}</w:t></w:r></w:p>'
        )
    )


def write_footer(document: Document, styles: StyleIds, page: str, of: str) -> None:
    """Write the footer 'Page X of Y' from PAGE and NUMPAGES fields, centred."""
    footer = document.sections[0].footer
    footer.is_linked_to_previous = False
    element = footer._element
    for child in list(element):
        element.remove(child)
    element.append(
        parse_xml(
            f'<w:p {NSDECLS}><w:pPr><w:pStyle w:val="{styles.footer}"/><w:jc w:val="center"/></w:pPr>'
            f'<w:r><w:t xml:space="preserve">{esc(page)} </w:t></w:r>{_field("PAGE", "1")}'
            f'<w:r><w:t xml:space="preserve"> {esc(of)} </w:t></w:r>{_field("NUMPAGES", "1")}</w:p>'
        )
    )


# Elements of w:settings that come after w:updateFields in the schema's fixed order.
_AFTER_UPDATE_FIELDS = {
    "hdrShapeDefaults", "footnotePr", "endnotePr", "compat", "docVars", "rsids", "mathPr", "attachedSchema",
    "themeFontLang", "clrSchemeMapping", "doNotIncludeSubdocsInStats", "doNotAutoCompressPictures",
    "forceUpgrade", "captions", "readModeInkLockDown", "smartTagType", "schemaLibrary", "shapeDefaults",
    "doNotEmbedSmartTags", "decimalSymbol", "listSeparator",
}  # fmt: skip


def enable_update_fields(document: Document) -> None:
    """Ask Word to update the fields (the table of contents, page numbers) when it opens the file."""
    settings = document.settings.element
    for old in settings.findall(qn("w:updateFields")):
        settings.remove(old)
    element = OxmlElement("w:updateFields")
    element.set(qn("w:val"), "true")
    for child in settings:
        if isinstance(child.tag, str) and child.tag.rpartition("}")[2] in _AFTER_UPDATE_FIELDS:
            child.addprevious(element)
            return
    settings.append(element)


def set_properties(
    document: Document, *, title: str, author: str, subject: str, language: str, created: date, modified: date
) -> None:
    """Fill the core properties Word shows under File > Info (dates from the proposal, so output is stable)."""
    props = document.core_properties
    # Core properties are XML too: an unknown catalogue id or a name with a control character must not break them.
    props.title = clean_text(title)[:255]
    props.author = clean_text(author)[:255]
    props.subject = clean_text(subject)[:255]
    props.language = language
    props.keywords = ""
    props.comments = ""
    props.category = ""
    props.last_modified_by = "Policy Matrix"
    props.revision = 1
    props.created = datetime.combine(created, time())
    props.modified = datetime.combine(modified, time())


def picture_xml(document: Document, png: bytes, *, width: int, max_height: int, shape_id: int, descr: str) -> str:
    """Return a centred paragraph holding the PNG as an inline picture, width and max_height in twips."""
    r_id, image = document.part.get_or_add_image(io.BytesIO(png))
    px_w, px_h = max(image.px_width, 1), max(image.px_height, 1)
    cx = width * EMU_PER_TWIP
    cy = cx * px_h // px_w
    limit = max_height * EMU_PER_TWIP
    if cy > limit:
        cx, cy = cx * limit // cy, limit
    name = f"Picture {shape_id}"
    return (
        '<w:p><w:pPr><w:keepNext/><w:spacing w:before="120" w:after="60"/><w:jc w:val="center"/></w:pPr>'
        '<w:r><w:drawing><wp:inline distT="0" distB="0" distL="0" distR="0">'
        f'<wp:extent cx="{cx}" cy="{cy}"/><wp:docPr id="{shape_id}" name="{name}" descr="{esc(descr)}"/>'
        '<wp:cNvGraphicFramePr><a:graphicFrameLocks noChangeAspect="1"/></wp:cNvGraphicFramePr>'
        '<a:graphic><a:graphicData uri="http://schemas.openxmlformats.org/drawingml/2006/picture"><pic:pic>'
        f'<pic:nvPicPr><pic:cNvPr id="0" name="{name}.png"/><pic:cNvPicPr/></pic:nvPicPr>'
        f'<pic:blipFill><a:blip r:embed="{r_id}"/><a:stretch><a:fillRect/></a:stretch></pic:blipFill>'
        f'<pic:spPr><a:xfrm><a:off x="0" y="0"/><a:ext cx="{cx}" cy="{cy}"/></a:xfrm>'
        '<a:prstGeom prst="rect"><a:avLst/></a:prstGeom></pic:spPr>'
        "</pic:pic></a:graphicData></a:graphic></wp:inline></w:drawing></w:r></w:p>"
    )
