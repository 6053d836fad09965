"""Helpers for GUI tests: the whole app on a settings file of its own, typing any Unicode safely, recorded message
boxes, and an in-memory stand-in for the document file."""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass, field
from pathlib import Path

import pytest
from PySide6.QtCore import QSettings, Qt
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QApplication, QMessageBox, QWidget
from pytestqt.qtbot import QtBot

from matrices.examples import load_example
from matrices.localized import Lang
from matrices.proposal import Proposal
from matrices.review import Comment
from storage.document import Document
from ui.context import UiContext
from ui.controller import AppController
from ui.main_window import MainWindow
from ui.pages.editor_pages import default_pages
from ui.settings import Settings
from ui.translation import LanguageSwitcher
from ui.writer import DocumentWriter


def make_context(lang: Lang = "es") -> UiContext:
    """Return the reference data main.py gives the pages: bundled catalogues, field model, rules and examples."""
    return UiContext.load(lang)


@dataclass
class App:
    window: MainWindow
    controller: AppController
    settings: Settings
    languages: LanguageSwitcher
    context: UiContext


def build_app(qtbot: QtBot, qapp: QApplication, tmp_path: Path, writer: DocumentWriter) -> App:
    """Build the main window and its controller as main.py does, with settings in an ini file under tmp_path."""
    context = make_context()
    settings = Settings(QSettings(str(tmp_path / "settings.ini"), QSettings.Format.IniFormat))
    window = MainWindow(context)
    qtbot.addWidget(window)
    languages = LanguageSwitcher(qapp)
    controller = AppController(window, context, settings, languages, default_pages, writer=writer)
    return App(window, controller, settings, languages, context)


def record_message_boxes(
    monkeypatch: pytest.MonkeyPatch,
    kinds: Iterable[str] = ("warning",),
    answer: QMessageBox.StandardButton = QMessageBox.StandardButton.Cancel,
) -> list[str]:
    """Record the text of each QMessageBox of these kinds, answered `answer`: a real one would wait for a click."""
    shown: list[str] = []

    def record(_parent: object, _title: str, text: str, *_args: object) -> QMessageBox.StandardButton:
        shown.append(text)
        return answer

    for kind in kinds:
        monkeypatch.setattr(QMessageBox, kind, record)
    return shown


def demo_file(folder: Path, comments: Iterable[Comment] = (), name: str = "demo.pmx") -> Path:
    path = folder / name
    Document.create(path, load_example("es"), comments).close()
    return path


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
