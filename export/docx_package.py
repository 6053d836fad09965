"""The body of the Word document goes into the package as text, never as a parsed tree.

Parsing the body into python-docx's tree cost ten times its size in memory: the export of 20,000 causes (a
49 MB document.xml of two million elements) took 960 MB. Instead, python-docx holds a skeleton body (only the
section breaks and the final section properties, which the header and footer steps change), and the package it
saves gets the real body written in, part by part, in place of a placeholder element.
"""

from __future__ import annotations

import io
import zipfile
from collections.abc import Iterable

from docx.document import Document
from docx.oxml.ns import qn
from docx.oxml.parser import parse_xml
from lxml import etree

from export.docx_build import BodyWriter
from export.docx_runs import NSDECLS

_PLACEHOLDER_NS = "urn:x-policy-matrix:body"
_PLACEHOLDER = f'<pm:body xmlns:pm="{_PLACEHOLDER_NS}"/>'.encode()
_DOCUMENT_PART = "word/document.xml"


def install_skeleton(document: Document, writer: BodyWriter, final_sect_pr: str) -> None:
    """Give the document a body of only the writer's section breaks and the final sectPr."""
    breaks = "".join(writer.part(index) for index in writer.section_breaks())
    skeleton = parse_xml(f"<w:body {NSDECLS}>{breaks}{final_sect_pr}</w:body>".encode())
    document.element.replace(document.element.body, skeleton)


def adopt_skeleton(document: Document, writer: BodyWriter) -> str:
    """Copy the skeleton's section breaks (headers and footers now linked) back into the writer.

    Return the final sectPr as text, and put the placeholder where the body was.
    """
    body = document.element.body
    for index, paragraph in zip(writer.section_breaks(), body.findall(qn("w:p")), strict=True):
        writer.fill(index, etree.tostring(paragraph, encoding="unicode"))
    final = body.find(qn("w:sectPr"))
    tail = etree.tostring(final, encoding="unicode") if final is not None else ""
    document.element.replace(body, etree.Element(f"{{{_PLACEHOLDER_NS}}}body", nsmap={"pm": _PLACEHOLDER_NS}))
    return tail


def save_with_body(document: Document, chunks: Iterable[str]) -> bytes:
    """Save the document, writing the body's chunks into document.xml where the placeholder stands."""
    saved = io.BytesIO()
    document.save(saved)
    out = io.BytesIO()
    with zipfile.ZipFile(saved) as source, zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as target:
        for info in source.infolist():
            data = source.read(info)
            copy = zipfile.ZipInfo(info.filename, date_time=info.date_time)
            copy.compress_type = zipfile.ZIP_DEFLATED
            copy.external_attr = info.external_attr
            if info.filename != _DOCUMENT_PART:
                target.writestr(copy, data)
                continue
            head, found, tail = data.partition(_PLACEHOLDER)
            if not found:
                raise ValueError("the document part lost its body placeholder")
            with target.open(copy, "w") as stream:
                stream.write(head)
                for chunk in chunks:
                    stream.write(chunk.encode("utf-8"))
                stream.write(tail)
    return out.getvalue()
