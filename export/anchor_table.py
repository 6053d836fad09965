"""The table that names the anchor of every item bookmark, kept in the .docx as a custom XML part.

The export wraps each item text in a hidden bookmark `_PM<n>` (export/docx_build.py). A bookmark name holds at
most 40 characters, too few for (matrix, item id, field), so this part maps each n to its anchor; it also lists
the comments the export wrote, so that importing the document's comments does not bring them back twice.
Word and LibreOffice both keep custom XML parts and hidden bookmarks when they save a document.
"""

from __future__ import annotations

import uuid
from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field

from docx.document import Document
from docx.opc.constants import RELATIONSHIP_TYPE as RT
from docx.opc.packuri import PackURI
from docx.opc.part import Part
from docx.oxml.parser import parse_xml

from export.docx_build import Anchor, esc

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
    """Marker number (the n of bookmark _PM<n>) -> (matrix, item id or None, field or None)."""
    exported: list[ExportedComment] = field(default_factory=list)


def anchor_table_xml(proposal_id: str, bookmarks: Mapping[str, Anchor], exported: Sequence[ExportedComment]) -> bytes:
    """Return the custom XML part's content."""
    parts = [f'<anchors xmlns="{ANCHORS_NS}" proposal="{esc(proposal_id)}">']
    # Matrix keys, item ids (the Id pattern) and field keys hold no character XML escapes: thousands of
    # bookmarks are written without escaping them.
    for tag, (matrix, item, key) in bookmarks.items():
        if item is None:
            parts.append(f'<b n="{tag}" m="{matrix}"/>' if key is None else f'<b n="{tag}" m="{matrix}" f="{key}"/>')
        elif key is None:
            parts.append(f'<b n="{tag}" m="{matrix}" i="{item}"/>')
        else:
            parts.append(f'<b n="{tag}" m="{matrix}" i="{item}" f="{key}"/>')
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
        if root.tag != f"{{{ANCHORS_NS}}}anchors":
            continue
        table = AnchorTable(proposal_id=root.get("proposal"))
        for element in root:
            if element.tag == f"{{{ANCHORS_NS}}}b" and element.get("n") and element.get("m"):
                table.anchors[element.get("n", "")] = (element.get("m", ""), element.get("i"), element.get("f"))
            elif element.tag == f"{{{ANCHORS_NS}}}c":
                table.exported.append(
                    ExportedComment(element.get("id", ""), element.get("author", ""), element.get("text", ""))
                )
        return table
    return None
