"""WordprocessingML runs as text: escaping, emphasis, and the tokens that mark where comment ranges go."""

from __future__ import annotations

from collections.abc import Callable, Sequence

from export.text import clean_text

Seg = tuple[str, str]
"""A piece of text with its emphasis: "" plain, "b" bold, "i" italic, "bi" both, "stamp", "muted"."""

FieldSeg = tuple[str, str, str]
"""A piece of a table cell that shows one field of the row's item: (text, emphasis, field key). The cell's
bookmark records where each such piece starts, so that a comment on an indicator's formula lands on the
formula, not on the name; the app's comments on that field are placed on the piece itself."""

Content = str | Sequence[Seg | FieldSeg]
"""What a paragraph or a cell holds: plain text or a sequence of emphasised pieces."""

NSDECLS = (
    'xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main" '
    'xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships" '
    'xmlns:wp="http://schemas.openxmlformats.org/drawingml/2006/wordprocessingDrawing" '
    'xmlns:a="http://schemas.openxmlformats.org/drawingml/2006/main" '
    'xmlns:pic="http://schemas.openxmlformats.org/drawingml/2006/picture"'
)

_RPR = {
    "": "",
    "b": "<w:rPr><w:b/></w:rPr>",
    "i": "<w:rPr><w:i/></w:rPr>",
    "bi": "<w:rPr><w:b/><w:i/></w:rPr>",
    "stamp": '<w:rPr><w:b/><w:color w:val="C00000"/><w:spacing w:val="40"/><w:sz w:val="40"/></w:rPr>',
    "muted": '<w:rPr><w:i/><w:color w:val="595959"/></w:rPr>',
}


def esc(text: str | None) -> str:
    """Return text cleaned of XML-forbidden characters and escaped for element or attribute content."""
    return _escape(clean_text(text)).replace('"', "&quot;")


def _escape(text: str) -> str:
    # Three C-level scans: several times faster than str.translate with a mapping on long texts.
    return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")


def _t(text: str) -> str:
    # Word drops leading and trailing spaces unless told to keep them; most texts have none.
    if text[0] == " " or text[-1] == " ":
        return f'<w:t xml:space="preserve">{_escape(text)}</w:t>'
    return f"<w:t>{_escape(text)}</w:t>"


def _text_xml(text: str) -> str:
    """Return the run content of cleaned text: tabs and line breaks become w:tab and w:br."""
    if "\n" not in text and "\t" not in text:
        return _t(text) if text else ""
    out: list[str] = []
    for number, line in enumerate(text.split("\n")):
        if number:
            out.append("<w:br/>")
        for position, chunk in enumerate(line.split("\t")):
            if position:
                out.append("<w:tab/>")
            if chunk:
                out.append(_t(chunk))
    return "".join(out)


def runs_xml(
    content: Content, marker: str | None = None, piece_marker: Callable[[str], str | None] | None = None
) -> str:
    """Return the w:r elements of content; marker brackets them so a comment can be anchored on them later.

    piece_marker gives the marker of a piece that shows a field of its own (a FieldSeg); without it, or when
    it returns None, the piece is written like any other.
    """
    if isinstance(content, str):
        text = clean_text(content)
        runs = f"<w:r>{_text_xml(text)}</w:r>" if text else ""
    else:
        # A field's piece continues the run before it when their emphasis is the same: the bookmark of the cell
        # records where each piece starts, so runs need not be split (unless a comment is placed on the piece).
        parts: list[str] = []
        texts: list[str] = []
        flags = ""
        for piece in content:
            text = piece[0]
            if not text:
                continue
            inner = piece_marker(piece[2]) if piece_marker is not None and len(piece) == 3 else None
            if inner is None and texts and len(piece) == 3 and piece[1] == flags:
                texts.append(text)
                continue
            if texts:
                parts.append(f"<w:r>{_RPR[flags]}{_text_xml(clean_text(''.join(texts)))}</w:r>")
                texts = []
            if inner is None:
                texts, flags = [text], piece[1]
            else:
                run = f"<w:r>{_RPR[piece[1]]}{_text_xml(clean_text(text))}</w:r>"
                parts.append(f"{range_start(inner)}{run}{range_end(inner)}")
        if texts:
            parts.append(f"<w:r>{_RPR[flags]}{_text_xml(clean_text(''.join(texts)))}</w:r>")
        runs = "".join(parts)
    return f"{range_start(marker)}{runs}{range_end(marker)}" if marker else runs


# A comment's range is marked in the text by these tokens and turned into commentRangeStart/End when the
# comments are placed. NUL can never reach the XML otherwise (clean_text removes it), so the tokens are safe.


def range_start(marker: str) -> str:
    """Return the token where a comment range may start."""
    return f"\x00S{marker}\x00"


def range_end(marker: str) -> str:
    """Return the token where a comment range may end."""
    return f"\x00E{marker}\x00"


def content_text(content: Content) -> str:
    """Return the plain text of content (for headings recorded in the table of contents)."""
    return content if isinstance(content, str) else "".join(piece[0] for piece in content)
