"""Keys and wheel turns that must mean the same everywhere in the editor.

- Undo and redo: every edit is a step of the document's undo stack, so Ctrl+Z, Ctrl+Y and Ctrl+Shift+Z go to
  the Edit menu even inside a text field (a field's own undo would record a new edit instead of undoing one).
- The mouse wheel scrolls the page: a choice list or number field under the pointer, but not being edited, must
  not change a saved answer (scrolling over "Área temática" once changed the policy area).
"""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication, QEvent, QObject, Qt
from PySide6.QtGui import QKeyEvent, QKeySequence
from PySide6.QtWidgets import QAbstractScrollArea, QAbstractSpinBox, QComboBox, QLineEdit, QPlainTextEdit, QWidget

UNDO_KEYS = (QKeySequence("Ctrl+Z"),)
REDO_KEYS = (QKeySequence("Ctrl+Y"), QKeySequence("Ctrl+Shift+Z"))
"""Both redo keys on every system: Windows users press Ctrl+Y, Linux and macOS users Ctrl+Shift+Z."""


class InputGuard(QObject):
    """Event filter for the editor's fields, installed on each page's inputs as the page is shown."""

    def watch(self, root: QWidget) -> None:
        """Guard the text fields, choice lists and number fields under root (again after a page is rebuilt)."""
        for widget in root.findChildren(QWidget):
            if isinstance(widget, QComboBox | QAbstractSpinBox):
                if widget.focusPolicy() == Qt.FocusPolicy.WheelFocus:
                    widget.setFocusPolicy(Qt.FocusPolicy.StrongFocus)  # a wheel turn must not take the focus
                widget.installEventFilter(self)
            elif isinstance(widget, QLineEdit | QPlainTextEdit):
                widget.installEventFilter(self)

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        """Leave undo/redo keys to the menu and turn wheel events over idle choices into page scrolling."""
        kind = event.type()
        if kind == QEvent.Type.ShortcutOverride and isinstance(event, QKeyEvent):
            return self._is_history_key(event)
        if kind == QEvent.Type.Wheel and isinstance(watched, QComboBox | QAbstractSpinBox) and not watched.hasFocus():
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
