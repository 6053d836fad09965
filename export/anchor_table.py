"""The table that names the anchor of every item bookmark, kept in the .docx as a custom XML part.

The export wraps each text a comment may point at in a hidden bookmark `_PM<n>` (export/docx_build.py). A
bookmark name holds at most 40 characters, too few for (matrix, item id, field), so this part maps each n to
where a comment on that text lands; headings are flagged (the text below them without a bookmark of its own
belongs to them), cells showing several fields say where each starts, and each anchored table row records its
place, its fingerprint and its cells' bookmarks, for a writer that drops the bookmarks. The part also lists
the comments the export wrote, so that importing the document's comments does not bring them back twice. Word
and LibreOffice both keep custom XML parts and hidden bookmarks when they save a document
(docs/word-comments.md says what they rewrite).
"""

from __future__ import annotations

import uuid
from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field
from typing import Any

from docx.document import Document
from docx.opc.constants import RELATIONSHIP_TYPE as RT
from docx.opc.packuri import PackURI
from docx.opc.part import Part
from docx.oxml.parser import parse_xml

from export.docx_runs import esc
from export.word_marks import Anchor, Mark, RowPlace

ANCHORS_NS = "urn:policy-matrix:word-anchors:1"
_ITEM_CT = "application/xml"
_PROPS_CT = "application/vnd.openxmlformats-officedocument.customXmlProperties+xml"
_DS_NS = "http://schemas.openxmlformats.org/officeDocument/2006/customXml"


@dataclass(frozen=True)
class ExportedComment:
    """A comment the export wrote into the document: its id and the text Word shows for it."""

    comment_id: str
    author: str
    text: str


@dataclass
class AnchorTable:
    """The anchors of the document's item bookmarks and the comments it was exported with."""

    proposal_id: str | None = None
    anchors: dict[str, Anchor] = field(default_factory=dict)
    """Marker number (the n of bookmark _PM<n>) -> (matrix, item id or None, field or None); matrix "" is the
    whole proposal."""
    sections: set[str] = field(default_factory=set)
    """The marker numbers of headings."""
    pieces: dict[str, tuple[tuple[int, str], ...]] = field(default_factory=dict)
    """Marker number -> (visible characters before it, field key) of each piece showing a field of its own."""
    cells: dict[tuple[int, int, int], tuple[str, str]] = field(default_factory=dict)
    """(table, row, cell) -> (the marker number of the cell's bookmark, its row's fingerprint)."""
    exported: list[ExportedComment] = field(default_factory=list)


def anchor_table_xml(
    proposal_id: str, bookmarks: Mapping[str, Mark], rows: Sequence[RowPlace], exported: Sequence[ExportedComment]
) -> bytes:
    """Return the custom XML part's content."""
    parts = [f'<anchors xmlns="{ANCHORS_NS}" proposal="{esc(proposal_id)}">']
    # Matrix keys, item ids (the Id pattern), field keys and fingerprints hold no character XML escapes:
    # thousands of bookmarks are written without escaping them.
    for tag, ((matrix, item, key), section, pieces) in bookmarks.items():
        i = "" if item is None else f' i="{item}"'
        f = "" if key is None else f' f="{key}"'
        s = ' s="1"' if section else ""
        p = "" if not pieces else f' p="{" ".join(f"{offset}:{name}" for offset, name in pieces)}"'
        parts.append(f'<b n="{tag}" m="{matrix}"{i}{f}{s}{p}/>')
    for table, row, printed, cells in rows:
        parts.append(f'<r at="{table}.{row}" h="{printed}" c="{" ".join(tag or "-" for tag in cells)}"/>')
    for comment in exported:
        parts.append(f'<c id="{esc(comment.comment_id)}" author="{esc(comment.author)}" text="{esc(comment.text)}"/>')
    parts.append("</anchors>")
    return "".join(parts).encode("utf-8")


def install_anchor_table(document: Document, xml: bytes) -> None:
    """Add the anchor table to the document as a custom XML part with its properties part."""
    package = document.part.package
    item_name = package.next_partname("/customXml/item%d.xml")
    number = str(item_name)[len("/customXml/item") : -len(".xml")]
    props_name = PackURI(f"/customXml/itemProps{number}.xml")
    if any(part.partname == props_name for part in package.iter_parts()):
        props_name = package.next_partname("/customXml/itemProps%d.xml")
    # Word identifies a custom XML part by the GUID of its properties part; without one it may drop the part.
    props = (
        f'<?xml version="1.0" encoding="UTF-8" standalone="no"?>\n<ds:datastoreItem ds:itemID="{{{uuid.uuid4()}}}" '
        f'xmlns:ds="{_DS_NS}"><ds:schemaRefs><ds:schemaRef ds:uri="{ANCHORS_NS}"/></ds:schemaRefs></ds:datastoreItem>'
    ).encode()
    item_part = Part(item_name, _ITEM_CT, b'<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n' + xml, package)
    props_part = Part(props_name, _PROPS_CT, props, package)
    item_part.relate_to(props_part, RT.CUSTOM_XML_PROPS)
    document.part.relate_to(item_part, RT.CUSTOM_XML)


def read_anchor_table(document: Document) -> AnchorTable | None:
    """Return the anchor table of a document exported by Policy Matrix, or None when it has none."""
    for part in document.part.package.iter_parts():
        if not str(part.partname).startswith("/customXml/item") or part.content_type == _PROPS_CT:
            continue
        try:
            root = parse_xml(part.blob)
        except SyntaxError:  # lxml's XMLSyntaxError: a foreign part that is not XML
            continue
        table = anchor_table_of(root)
        if table is not None:
            return table
    return None


def anchor_table_of(root: Any) -> AnchorTable | None:
    """Return the anchor table a parsed custom XML part holds, or None when the part is not one."""
    if root.tag != f"{{{ANCHORS_NS}}}anchors":
        return None
    table = AnchorTable(proposal_id=root.get("proposal"))
    for element in root:
        if element.tag == f"{{{ANCHORS_NS}}}b" and element.get("n") and element.get("m") is not None:
            tag = element.get("n", "")
            anchor = (element.get("m", ""), element.get("i"), element.get("f"))
            table.anchors[tag] = anchor
            if element.get("s") == "1":
                table.sections.add(tag)
            pieces = _pieces(element.get("p"))
            if pieces:
                table.pieces[tag] = pieces
        elif element.tag == f"{{{ANCHORS_NS}}}r":
            place = _place(element.get("at"))
            if place is None:
                continue
            printed = element.get("h", "")
            for number, cell_tag in enumerate(element.get("c", "").split()):
                if cell_tag in table.anchors:
                    table.cells.setdefault((*place, number), (cell_tag, printed))
        elif element.tag == f"{{{ANCHORS_NS}}}c":
            table.exported.append(
                ExportedComment(element.get("id", ""), element.get("author", ""), element.get("text", ""))
            )
    return table


def _place(text: str | None) -> tuple[int, int] | None:
    parts = (text or "").split(".")
    if len(parts) != 2 or not all(part.isascii() and part.isdigit() and len(part) < 9 for part in parts):
        return None
    return int(parts[0]), int(parts[1])


def _pieces(text: str | None) -> tuple[tuple[int, str], ...]:
    found = []
    for entry in (text or "").split():
        offset, _, key = entry.partition(":")
        if offset.isascii() and offset.isdigit() and len(offset) < 9 and key:
            found.append((int(offset), key))
    return tuple(found)
