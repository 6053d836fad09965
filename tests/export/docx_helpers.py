"""Reading an exported .docx back with python-docx: texts, headings, tables, sections, comment anchors."""

from __future__ import annotations

import io
from dataclasses import dataclass

import docx
from docx.document import Document
from docx.oxml.ns import qn

from export.docx_export import export_docx
from export.options import ExportOptions
from matrices.catalogs import Catalogs
from matrices.fieldmodel import FieldModel
from matrices.proposal import Proposal
from matrices.review import Comment
from matrices.rules import default_rulebook

W_P, W_TBL, W_T, W_SECT = qn("w:p"), qn("w:tbl"), qn("w:t"), qn("w:sectPr")


def export(
    proposal: Proposal,
    catalogs: Catalogs,
    field_model: FieldModel,
    comments: list[Comment] | None = None,
    **options: object,
) -> bytes:
    """Export with the real rules, pictures off unless asked for."""
    options.setdefault("include_pictures", False)
    if comments is not None:
        options.setdefault("include_comments", True)
    findings = default_rulebook(catalogs, field_model).check(proposal)
    return export_docx(
        proposal,
        catalogs=catalogs,
        field_model=field_model,
        findings=findings,
        comments=comments or (),
        options=ExportOptions(**options),  # type: ignore[arg-type]
    )


def open_docx(data: bytes) -> Document:
    return docx.Document(io.BytesIO(data))


def all_text(document: Document) -> str:
    """Every w:t of the body, runs of a paragraph joined, paragraphs separated by newlines."""
    lines = []
    for paragraph in document.element.body.iter(W_P):
        lines.append("".join(t.text or "" for t in paragraph.iter(W_T)))
    return "\n".join(lines)


def headings(document: Document) -> list[tuple[int, str]]:
    """(level, text) of every Heading 1-3 paragraph, in order."""
    found = []
    for paragraph in document.paragraphs:
        name = paragraph.style.name if paragraph.style is not None else ""
        if name.startswith("Heading "):
            found.append((int(name.split()[1]), paragraph.text))
    return found


def header_rows(document: Document) -> list[list[str]]:
    """The header row texts of every table whose first row repeats on each page."""
    rows = []
    for table in document.tables:
        tr = table.rows[0]._tr
        if tr.trPr is not None and tr.trPr.find(qn("w:tblHeader")) is not None:
            rows.append([cell.text for cell in table.rows[0].cells])
    return rows


@dataclass(frozen=True)
class Block:
    """A top-level body element with the index of the section it belongs to."""

    section: int
    kind: str
    text: str
    style: str = ""


def blocks(document: Document) -> list[Block]:
    """Walk the body: paragraphs and tables with the section they are in (a sectPr in a paragraph ends one)."""
    found, section = [], 0
    for child in document.element.body:
        if child.tag == W_P:
            style = child.find(f"{qn('w:pPr')}/{qn('w:pStyle')}")
            style_id = style.get(qn("w:val")) if style is not None else ""
            found.append(Block(section, "p", "".join(t.text or "" for t in child.iter(W_T)), style_id))
            if child.find(f"{qn('w:pPr')}/{W_SECT}") is not None:
                section += 1
        elif child.tag == W_TBL:
            found.append(Block(section, "tbl", ""))
    return found


def section_of(document: Document, heading: str) -> int:
    """Return the section index of the heading with this text (not its table-of-contents entry)."""
    return next(
        block.section
        for block in blocks(document)
        if block.kind == "p" and block.text == heading and block.style.startswith("Heading")
    )


def comment_anchors(document: Document) -> dict[int, str]:
    """Map each comment id to the document text between its commentRangeStart and commentRangeEnd."""
    open_ids: dict[int, list[str]] = {}
    anchors: dict[int, str] = {}
    start, end = qn("w:commentRangeStart"), qn("w:commentRangeEnd")
    for element in document.element.body.iter(start, end, W_T, W_P):
        if element.tag == start:
            open_ids[int(element.get(qn("w:id")))] = []
        elif element.tag == end:
            number = int(element.get(qn("w:id")))
            anchors[number] = "".join(open_ids.pop(number, [])).strip()
        elif element.tag == W_T:
            for pieces in open_ids.values():
                pieces.append(element.text or "")
        else:
            for pieces in open_ids.values():
                if pieces:
                    pieces.append("\n")
    return anchors
