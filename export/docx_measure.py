"""How wide the words of table cells are in the document's own table font, so no column is narrower than a word.

Word and LibreOffice break a word inside itself only when it is wider than its column ("Naciona l"). The width of
each word is measured with Qt's metrics of the font the table text is set in (the template's, or Arial, which
LibreOffice replaces by the metric-compatible Liberation Sans), at the table text's size.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from dataclasses import dataclass
from typing import Any

from docx.document import Document
from docx.opc.constants import RELATIONSHIP_TYPE as RT
from docx.oxml.ns import qn
from PySide6.QtGui import QFont, QFontMetricsF

from export.docx_runs import Content
from export.docx_styles import BODY_FONT, StyleIds

EM_PX = 1000
"""Words are measured in a font this many pixels tall, then scaled: sizes in twips keep their precision."""
WORD_CELL_MARGIN = 108
"""Word's default left and right cell margin (0.19 cm), when the table style sets none."""
WORD_DEFAULT_HALF_POINTS = 22


@dataclass(frozen=True)
class TableFont:
    """The font of table text and the table's inner cell margins (left + right), as the document defines them."""

    family: str
    points: float
    margins: int


def _style_chain(document: Document, style_id: str) -> list[Any]:
    """Return the style and its basedOn ancestors, nearest first (a loop in a template's styles stops the walk)."""
    by_id = {s.get(qn("w:styleId")): s for s in document.styles.element.iterchildren(qn("w:style"))}
    chain: list[Any] = []
    current = by_id.get(style_id)
    while current is not None and all(current is not seen for seen in chain):
        chain.append(current)
        based = current.find(qn("w:basedOn"))
        current = by_id.get(based.get(qn("w:val"))) if based is not None else None
    return chain


def _theme_font(document: Document, which: str) -> str | None:
    try:
        blob = document.part.part_related_by(RT.THEME).blob
    except KeyError:
        return None
    found = re.search(rb"<a:" + which.encode() + rb'Font>\s*<a:latin typeface="([^"]*)"', blob)
    return found.group(1).decode("utf-8", "replace") if found and found.group(1) else None


def _run_properties(document: Document, style_id: str) -> list[Any]:
    """Return the rPr elements that apply to a paragraph style: its chain's, then the document defaults'."""
    found = [rpr for style in _style_chain(document, style_id) if (rpr := style.find(qn("w:rPr"))) is not None]
    defaults = document.styles.element.find(f"{qn('w:docDefaults')}/{qn('w:rPrDefault')}/{qn('w:rPr')}")
    return [*found, defaults] if defaults is not None else found


def table_font(document: Document, styles: StyleIds) -> TableFont:
    """Return the table text's typeface and size and the table style's cell margins."""
    family, half_points = None, None
    for rpr in _run_properties(document, styles.table_text):
        fonts = rpr.find(qn("w:rFonts"))
        if family is None and fonts is not None:
            family = fonts.get(qn("w:ascii"))
            theme = fonts.get(qn("w:asciiTheme"))
            if family is None and theme:
                family = _theme_font(document, "major" if theme.startswith("major") else "minor")
        size = rpr.find(qn("w:sz"))
        if half_points is None and size is not None and (size.get(qn("w:val")) or "").isdigit():
            half_points = int(size.get(qn("w:val")))
    family = family or _theme_font(document, "minor") or BODY_FONT
    margins = 0
    for style in _style_chain(document, styles.table):
        cell_margins = style.find(f"{qn('w:tblPr')}/{qn('w:tblCellMar')}")
        if cell_margins is not None:
            for side in ("left", "right"):
                value = cell_margins.find(qn(f"w:{side}"))
                width = value.get(qn("w:w")) if value is not None else None
                margins += int(width) if width and width.isdigit() else WORD_CELL_MARGIN
            break
    return TableFont(family, (half_points or WORD_DEFAULT_HALF_POINTS) / 2, margins or 2 * WORD_CELL_MARGIN)


class WordWidths:
    """The width in twips of the widest word of a column's cells, in the table font (each word measured once)."""

    def __init__(self, font: TableFont) -> None:
        from export.diagrams import ensure_gui_application

        ensure_gui_application()  # Qt measures fonts only with a GUI application (offscreen when headless)
        self.font = font
        self._scale = font.points * 20 / EM_PX
        self._metrics: dict[tuple[bool, bool], QFontMetricsF] = {}
        for bold in (False, True):
            for italic in (False, True):
                qfont = QFont(font.family)
                qfont.setPixelSize(EM_PX)
                qfont.setBold(bold)
                qfont.setItalic(italic)
                qfont.setHintingPreference(QFont.HintingPreference.PreferNoHinting)
                self._metrics[(bold, italic)] = QFontMetricsF(qfont)
        self._cache: dict[tuple[bool, bool], dict[str, float]] = {key: {} for key in self._metrics}

    def word(self, word: str, bold: bool = False, italic: bool = False) -> float:
        """Return the width of one word in twips."""
        return self._widest({word}, bold, italic)

    def _widest(self, words: set[str], bold: bool, italic: bool) -> float:
        cache, measure = self._cache[(bold, italic)], self._metrics[(bold, italic)].horizontalAdvance
        widest = 0.0
        for word in words:
            width = cache.get(word)
            if width is None:
                width = cache[word] = measure(word) * self._scale
            widest = max(widest, width)
        return widest

    def longest(self, cells: Iterable[Content], bold: bool = False) -> float:
        """Return the width of the widest word in any of cells (segments keep their own bold and italics)."""
        words: dict[tuple[bool, bool], set[str]] = {key: set() for key in self._metrics}
        for content in cells:
            if isinstance(content, str):
                words[(bold, False)].update(content.split())
                continue
            for piece in content:  # (text, flags), or (text, flags, field) for a FieldSeg
                flags = piece[1]
                words[(bold or "b" in flags, "i" in flags or flags == "muted")].update(piece[0].split())
        return max(self._widest(found, *key) for key, found in words.items())
