"""Reading an exported .docx back with python-docx: texts, headings, tables, sections, comment anchors."""

from __future__ import annotations

import io
from dataclasses import dataclass
from typing import Any

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


@dataclass
class Field:
    """A complex field of the body: its instruction, the field it sits in, and its result paragraph by paragraph."""

    instruction: str
    parent: int | None
    dirty: bool
    lines: list[str]
    coded: bool = True


def fields(element: Any) -> list[Field]:
    """Every complex field under element, in order; fails unless begin, separate and end pair up and nest."""
    found: list[Field] = []
    open_fields: list[int] = []
    for node in element.iter(qn("w:p"), qn("w:fldChar"), qn("w:instrText"), W_T):
        if node.tag == qn("w:p"):
            for index in open_fields:
                if not found[index].coded:
                    found[index].lines.append("")
        elif node.tag == qn("w:instrText"):
            assert open_fields, "an instruction outside any field"
            assert found[open_fields[-1]].coded, "an instruction in a field's result"
            found[open_fields[-1]].instruction += node.text or ""
        elif node.tag == W_T:
            for index in open_fields:
                if not found[index].coded:
                    found[index].lines[-1] += node.text or ""
        else:
            kind = node.get(qn("w:fldCharType"))
            if kind == "begin":
                parent = open_fields[-1] if open_fields else None
                found.append(Field("", parent, node.get(qn("w:dirty")) in ("true", "1"), []))
                open_fields.append(len(found) - 1)
            elif kind == "separate":
                assert open_fields, "a separate outside any field"
                assert found[open_fields[-1]].coded, "a second separate in one field"
                found[open_fields[-1]].coded = False
                found[open_fields[-1]].lines.append("")
            else:
                assert kind == "end", f"a field char of type {kind!r}"
                assert open_fields, "an end with no field open"
                open_fields.pop()
    assert not open_fields, "a field begun and never ended"
    for field in found:
        field.instruction = field.instruction.strip()
    return found


def outline_texts(document: Document, deepest: int) -> list[str]:
    """Texts of the body paragraphs whose outline level (own, or from their style) is 1..deepest, in order.

    These are the paragraphs a Word TOC field with \\o "1-deepest" \\u collects.
    """
    styles = {style.get(qn("w:styleId")): style for style in document.styles.element.iter(qn("w:style"))}

    def level(element: Any) -> int | None:
        ppr = element.find(qn("w:pPr"))
        own = None if ppr is None else ppr.find(qn("w:outlineLvl"))
        if own is not None:
            return int(own.get(qn("w:val")))
        if element.tag == W_P:
            reference = None if ppr is None else ppr.find(qn("w:pStyle"))
        else:
            reference = element.find(qn("w:basedOn"))
        style = styles.get(reference.get(qn("w:val"))) if reference is not None else None
        return None if style is None else level(style)

    texts = []
    for paragraph in document.element.body.iter(W_P):
        found = level(paragraph)
        if found is not None and found < deepest:
            texts.append("".join(t.text or "" for t in paragraph.iter(W_T)))
    return texts
