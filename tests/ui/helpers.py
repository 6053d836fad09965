"""Helpers for GUI tests: typing any Unicode safely, and an in-memory stand-in for the document file."""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path

from PySide6.QtCore import Qt
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QWidget

from matrices.proposal import Proposal


def type_text(widget: QWidget, text: str) -> None:
    """Type text key by key; qtbot.keyClicks aborts the process on non-ASCII characters (ñ, á, €)."""
    widget.setFocus()
    for char in text:
        QTest.sendKeyEvent(QTest.KeyAction.Click, widget, Qt.Key.Key_unknown, char, Qt.KeyboardModifier.NoModifier)


@dataclass
class MemoryDocument:
    """Records saves instead of writing a file; can be told to fail like a full disk."""

    path: Path = Path("memoria.pmx")
    read_only: bool = False
    fail: bool = False
    saved: list[dict] = field(default_factory=list)
    closed: bool = False

    def save(self, proposal: Proposal) -> None:
        if self.fail:
            raise OSError(28, "No space left on device")
        self.saved.append(proposal.model_dump(mode="json"))

    def close(self) -> None:
        self.closed = True

    def save_summary(self, summary: object, proposal: object = None) -> bool:
        self.summary = summary
        return True
