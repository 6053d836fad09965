"""A coloured strip above the page for states the participant must not miss (read-only, save failures)."""

from __future__ import annotations

from enum import Enum

from PySide6.QtGui import QAccessible, QAccessibleEvent
from PySide6.QtWidgets import QFrame, QHBoxLayout, QWidget

from ui.widgets.plain_text import plain_label


class BannerKind(Enum):
    """How serious the message is; sets the colours."""

    INFO = ("#e8f1fb", "#1f4e79")
    WARNING = ("#fff4e0", "#7a4b00")
    ERROR = ("#fdecea", "#8a1c12")


class Banner(QFrame):
    """A dismiss-free message strip: it stays until the state that caused it is gone."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("banner")
        self._label = plain_label(self)
        self._label.setObjectName("banner_text")
        self._label.setWordWrap(True)
        layout = QHBoxLayout(self)
        layout.setContentsMargins(12, 8, 12, 8)
        layout.addWidget(self._label)
        self.hide()

    def show_message(self, text: str, kind: BannerKind = BannerKind.INFO) -> None:
        """Show text with the colours of kind."""
        background, foreground = kind.value
        self.setStyleSheet(
            f"Banner {{ background: {background}; border-bottom: 1px solid {foreground}; }}"
            f"QLabel {{ color: {foreground}; }}"
        )
        self._label.setText(text)
        # A screen reader reads the strip as what it says, and is told at once that it appeared or changed.
        self.setAccessibleName(text)
        self._label.setAccessibleName(text)
        self.show()
        QAccessible.updateAccessibility(QAccessibleEvent(self._label, QAccessible.Event.Alert))

    def text(self) -> str:
        """Return the message shown (empty when hidden)."""
        return self._label.text() if self.isVisible() or not self.isHidden() else ""

    def clear(self) -> None:
        """Hide the banner."""
        self._label.clear()
        self.setAccessibleName("")
        self._label.setAccessibleName("")
        self.hide()
