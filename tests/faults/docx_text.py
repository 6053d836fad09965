"""The text of a .docx as Word shows it, read straight from its XML parts (fast enough for property tests)."""

from __future__ import annotations

import io
import re
import zipfile

from lxml import etree

W = "{http://schemas.openxmlformats.org/wordprocessingml/2006/main}"
_PARTS = re.compile(r"word/(document|header\d*|footer\d*)\.xml")


def docx_text(data: bytes) -> tuple[str, list[str]]:
    """Return the text of the body, headers and footers, and the text of each comment.

    w:t text, w:tab as a tab, w:br and w:cr as line breaks, one line per paragraph: what docx2python gives,
    without the most of a second per document it takes, which would cap the number of examples drawn.
    """
    with zipfile.ZipFile(io.BytesIO(data)) as archive:
        names = archive.namelist()
        body = "\n".join(paragraphs(etree.fromstring(archive.read(name))) for name in names if _PARTS.fullmatch(name))
        comments: list[str] = []
        if "word/comments.xml" in names:
            root = etree.fromstring(archive.read("word/comments.xml"))
            comments = [paragraphs(comment) for comment in root.iter(f"{W}comment")]
    return body, comments


def paragraphs(element: etree._Element) -> str:
    """Return the text of every paragraph under element, one per line."""
    lines = []
    for paragraph in element.iter(f"{W}p"):
        pieces = []
        for node in paragraph.iter(f"{W}t", f"{W}tab", f"{W}br", f"{W}cr"):
            if node.tag == f"{W}t":
                pieces.append(node.text or "")
            else:
                pieces.append("\t" if node.tag == f"{W}tab" else "\n")
        lines.append("".join(pieces))
    return "\n".join(lines)
