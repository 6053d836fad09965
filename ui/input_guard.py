"""Keys and wheel turns that must mean the same everywhere in the editor.

- Undo and redo: every edit is a step of the document's undo stack, so Ctrl+Z, Ctrl+Y and Ctrl+Shift+Z go to
  the Edit menu even inside a text field (a field's own undo would record a new edit instead of undoing one).
- The mouse wheel scrolls the page: a choice list or number field under the pointer, but not being edited, must
  not change a saved answer (scrolling over "Área temática" once changed the policy area).

The guard is one application-wide event filter, so that it covers every input of an editor page whenever it
was made: a row's editor, a form filled in later, a page built when first shown. Outside the pages (the comments
composer, dialogs) fields keep their own undo and the wheel.
"""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication, QEvent, QObject, Qt
from PySide6.QtGui import QKeyEvent, QKeySequence
from PySide6.QtWidgets import QAbstractScrollArea, QAbstractSpinBox, QComboBox, QLineEdit, QPlainTextEdit, QWidget

from ui.pages.base import Page

UNDO_KEYS = (QKeySequence("Ctrl+Z"),)
REDO_KEYS = (QKeySequence("Ctrl+Y"), QKeySequence("Ctrl+Shift+Z"))
"""Both redo keys on every system: Windows users press Ctrl+Y, Linux and macOS users Ctrl+Shift+Z."""

_CHOICES = (QComboBox, QAbstractSpinBox)
_INPUTS = (*_CHOICES, QLineEdit, QPlainTextEdit)
_WATCHED = (QEvent.Type.ShortcutOverride, QEvent.Type.Wheel, QEvent.Type.Polish)


class InputGuard(QObject):
    """Event filter for the inputs of the editor's pages; install() puts it on the whole application."""

    def install(self) -> None:
        """Filter the events of every object of the application (until this guard is deleted)."""
        application = QCoreApplication.instance()
        if application is not None:
            application.installEventFilter(self)

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        """Leave undo/redo keys to the menu and turn wheel events over idle choices into page scrolling."""
        kind = event.type()
        if kind not in _WATCHED or not isinstance(watched, _INPUTS):  # every event passes here: be quick
            return False
        if not _on_a_page(watched):
            return False
        if kind == QEvent.Type.Polish:
            # Before the widget is first shown: a wheel turn must not give a choice the focus (Qt gives it before
            # any filter sees the turn), or the next turn would change it.
            if isinstance(watched, _CHOICES) and watched.focusPolicy() == Qt.FocusPolicy.WheelFocus:
                watched.setFocusPolicy(Qt.FocusPolicy.StrongFocus)
            return False
        if kind == QEvent.Type.ShortcutOverride and isinstance(event, QKeyEvent):
            return self._is_history_key(event)
        if kind == QEvent.Type.Wheel and isinstance(watched, _CHOICES) and not watched.hasFocus():
            self._scroll_instead(watched, event)
            return True
        return False

    @staticmethod
    def _is_history_key(event: QKeyEvent) -> bool:
        pressed = QKeySequence(event.keyCombination())
        return any(pressed.matches(keys) == QKeySequence.SequenceMatch.ExactMatch for keys in (*UNDO_KEYS, *REDO_KEYS))

    @staticmethod
    def _scroll_instead(widget: QWidget, event: QEvent) -> None:
        parent = widget.parentWidget()
        while parent is not None and not isinstance(parent, QAbstractScrollArea):
            parent = parent.parentWidget()
        if parent is not None:
            QCoreApplication.sendEvent(parent.viewport(), event)


def _on_a_page(widget: QWidget) -> bool:
    parent = widget.parentWidget()
    while parent is not None:
        if isinstance(parent, Page):
            return True
        parent = parent.parentWidget()
    return False
