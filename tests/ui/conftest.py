"""Fixtures of the GUI tests."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest
from PySide6.QtCore import QLocale
from PySide6.QtWidgets import QApplication

from matrices.proposal import Proposal
from storage.document import Document
from ui.style import apply_style
from ui.translation import LanguageSwitcher


@pytest.fixture
def styled(qapp: QApplication) -> Iterator[QApplication]:
    """Give the test application the app's own look (ui/style.py) for one test, then its own back."""
    palette, sheet, style, font = qapp.palette(), qapp.styleSheet(), qapp.style().name(), qapp.font()
    apply_style(qapp)
    yield qapp
    qapp.setStyleSheet(sheet)
    qapp.setPalette(palette)
    qapp.setStyle(style)
    qapp.setFont(font)


@pytest.fixture
def spanish(qapp: QApplication) -> Iterator[LanguageSwitcher]:
    """Install the Spanish translation for one test, then give back the source strings and the default locale."""
    locale = QLocale()
    switcher = LanguageSwitcher(qapp)
    assert switcher.apply("es")
    yield switcher
    switcher.clear()  # other tests expect the untranslated source strings
    QLocale.setDefault(locale)


@pytest.fixture(autouse=True)
def confirmations(monkeypatch: pytest.MonkeyPatch) -> list[str]:
    """Answer every delete confirmation with Delete and keep its question: a real modal box would stall the run.

    A test of the dialog itself puts the real ui.deleting.ask_to_delete back with monkeypatch.
    """
    asked: list[str] = []

    def answer(parent: object, title: str, question: str) -> bool:
        del parent, title
        asked.append(question)
        return True

    monkeypatch.setattr("ui.deleting.ask_to_delete", answer)
    return asked


@pytest.fixture
def opened(tmp_path: Path, example_es: Proposal) -> Iterator[Document]:
    """The example, in a .pmx file opened for writing (closed after the test)."""
    path = tmp_path / "propuesta.pmx"
    Document.create(path, example_es).close()
    document = Document.open(path)
    yield document
    document.close()
