"""Write comments on a .docx with python-docx, threads and resolved state written as Word writes them.

Takes the same specification as lo_annotate.py (LibreOffice): each comment names where it goes ("table" cell or
"paragraph"), what it selects ("all", "point", "next-paragraph" or a {"sub": text} inside), and optionally
"reply_to" (an earlier comment's name), "resolved", a "date" (none: the comment has no date) and "existing"
(a comment the export wrote, to answer or to resolve, found by its text). Replies and resolved state go into
commentsExtended.xml: the reply's paragraph names its parent's (w15:paraIdParent), w15:done="1" resolves.
"""

from __future__ import annotations

import copy
from typing import Any

from docx.document import Document
from docx.opc.packuri import PackURI
from docx.opc.part import Part
from docx.oxml.ns import qn
from docx.oxml.parser import parse_xml
from docx.table import _Cell
from docx.text.paragraph import Paragraph
from docx.text.run import Run
from lxml import etree

W14 = "http://schemas.microsoft.com/office/word/2010/wordml"
W15 = "http://schemas.microsoft.com/office/word/2012/wordml"
EXTENDED_RT = "http://schemas.microsoft.com/office/2011/relationships/commentsExtended"
EXTENDED_CT = "application/vnd.openxmlformats-officedocument.wordprocessingml.commentsExtended+xml"


def cell(document: Document, where: dict[str, Any]) -> _Cell:
    """Return the cell of the first table headed where["table"] whose row shows where["row"]."""
    for table in document.tables:
        if table.rows[0].cells[0].text != where["table"]:
            continue
        for row in table.rows:
            if any(where["row"] in c.text for c in row.cells):
                return row.cells[where["cell"]]
    raise AssertionError(f"no row shows {where['row']!r} under {where['table']!r}")


def paragraph(document: Document, where: dict[str, Any]) -> Paragraph:
    """Return the body paragraph reading where["paragraph"] (its style name starting with where["style"])."""
    for found in document.paragraphs:
        style = found.style.name if found.style is not None else ""
        if found.text == where["paragraph"] and style.startswith(where.get("style", "")):
            return found
    raise AssertionError(f"no paragraph reads {where['paragraph']!r}")


def _runs(document: Document, spec: dict[str, Any]) -> tuple[list[Run], bool]:
    """Return the runs a comment marks, and whether it has a range (False: a point)."""
    where, select = spec["where"], spec.get("select", "all")
    if "table" in where:
        first = cell(document, where).paragraphs[0]
        runs = first.runs or [first.add_run("")]  # an empty cell: Word marks the empty paragraph
    else:
        first = paragraph(document, where)
        runs = first.runs
    if select == "all":
        return runs, True
    if select == "point":
        return runs[:1], False
    if select == "next-paragraph":
        following = Paragraph(first._p.getnext(), first._parent)
        return [runs[0], following.runs[-1]], True
    inside = [run for run in runs if select["sub"] in run.text]
    assert inside, f"no run holds {select['sub']!r}"
    return [_split(inside[0], select["sub"])], True


def _split(run: Run, sub: str) -> Run:
    """Split run around sub, as Word does when a comment marks part of a run; return the run of sub."""
    before, _, after = run.text.partition(sub)
    for text, place in ((before, "addprevious"), (after, "addnext")):
        if text:
            piece = copy.deepcopy(run._r)
            getattr(run._r, place)(piece)
            Run(piece, run._parent).text = text
    run.text = sub
    return run


def _extended(document: Document) -> tuple[Any, Part]:
    for rel in document.part.rels.values():
        if rel.reltype == EXTENDED_RT:
            part = rel.target_part
            return parse_xml(part.blob), part
    part = Part(PackURI("/word/commentsExtended.xml"), EXTENDED_CT, b"", document.part.package)
    document.part.relate_to(part, EXTENDED_RT)
    return parse_xml(f'<w15:commentsEx xmlns:w15="{W15}"/>'.encode()), part


def annotate(document: Document, specs: list[dict[str, Any]]) -> None:
    """Add each comment of specs to the document."""
    root, part = _extended(document)
    para_ids: dict[str, str] = {}
    by_name: dict[str, dict[str, Any]] = {}
    for number, given in enumerate(specs):
        if given.get("existing"):
            word = next(c for c in document.comments if c.text.startswith(given["text"]))
            last = word._comment_elm.findall(qn("w:p"))[-1]
            para = last.get(f"{{{W14}}}paraId") or f"{0x6000_0000 + number:08X}"
            last.set(f"{{{W14}}}paraId", para)
            para_ids[given["name"]] = para
            by_name[given["name"]] = given
            entry = next((e for e in root if e.get(f"{{{W15}}}paraId") == para), None)
            if entry is None:
                entry = root.makeelement(f"{{{W15}}}commentEx", {f"{{{W15}}}paraId": para})
                root.append(entry)
            if given.get("resolved"):
                entry.set(f"{{{W15}}}done", "1")
            continue
        parent = by_name.get(given.get("reply_to", ""))
        spec = {**given, "where": parent["where"], "select": parent.get("select", "all")} if parent else given
        runs, ranged = _runs(document, spec)
        comment = document.add_comment(runs, text=spec["text"], author=spec["author"], initials="ER")
        element = comment._comment_elm
        if spec.get("date"):
            element.set(qn("w:date"), f"{spec['date']}Z")
        elif qn("w:date") in element.attrib:
            del element.attrib[qn("w:date")]
        if not ranged:
            for tag in ("w:commentRangeStart", "w:commentRangeEnd"):
                for mark in document.element.body.iter(qn(tag)):
                    if mark.get(qn("w:id")) == str(comment.comment_id):
                        mark.getparent().remove(mark)
                        break
        para = f"{0x7000_0000 + number:08X}"
        element.findall(qn("w:p"))[-1].set(f"{{{W14}}}paraId", para)
        para_ids[spec["name"]] = para
        entry = root.makeelement(f"{{{W15}}}commentEx", {f"{{{W15}}}paraId": para})
        if parent is not None:
            entry.set(f"{{{W15}}}paraIdParent", para_ids[given["reply_to"]])
        entry.set(f"{{{W15}}}done", "1" if spec.get("resolved") else "0")
        root.append(entry)
        by_name[spec["name"]] = spec
    part._blob = etree.tostring(root, xml_declaration=True, encoding="UTF-8", standalone=True)
