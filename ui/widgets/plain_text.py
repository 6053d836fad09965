"""Participants' texts shown as text: names, comments and file names that look like HTML must never render as HTML.

A hostile `<img src='file:///…'>` or `<h1>` in a name would otherwise load a local file, show a link or fill the
reviewer's screen: Qt lays out a label, tooltip or message box text as HTML whenever `Qt.mightBeRichText` says so.
"""

from __future__ import annotations

import html

from PySide6.QtCore import Qt
from PySide6.QtGui import Qt as QtGui
from PySide6.QtWidgets import QLabel, QWidget

_WORD_JOINER = "\u2060"


def literal(text: str) -> str:
    """Return text that a tooltip or message box shows literally, never laid out as HTML."""
    # Tooltips and QMessageBox's static functions have no text-format setting: Qt renders the text as HTML when
    # mightBeRichText() accepts it, which looks at the first tag (or '&lt;') of the first line. An invisible word
    # joiner after each '<' and '&' makes none of them a tag or an entity, and the text reads the same.
    if not QtGui.mightBeRichText(text):
        return text
    return text.replace("&", "&" + _WORD_JOINER).replace("<", "<" + _WORD_JOINER)


def optional_literal(text: str | None) -> str | None:
    """Return literal(text), or None for no text (a model's 'no tooltip')."""
    return literal(text) if text else None


def escape(text: str) -> str:
    """Return text escaped for a rich-text label built by the app (its own markup around a participant's text)."""
    return html.escape(text, quote=True)


def plain_label(parent: QWidget | None = None, text: str = "") -> QLabel:
    """Return a label that shows its text literally (it may quote a participant's text or a file name)."""
    label = QLabel(text, parent)
    label.setTextFormat(Qt.TextFormat.PlainText)
    return label
