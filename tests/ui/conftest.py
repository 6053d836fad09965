"""Fixtures of the GUI tests."""

from __future__ import annotations

from collections.abc import Iterator

import pytest
from PySide6.QtCore import QLocale
from PySide6.QtWidgets import QApplication

from ui.translation import LanguageSwitcher


@pytest.fixture
def spanish(qapp: QApplication) -> Iterator[LanguageSwitcher]:
    """Install the Spanish translation for one test, then give back the source strings and the default locale."""
    locale = QLocale()
    switcher = LanguageSwitcher(qapp)
    assert switcher.apply("es")
    yield switcher
    switcher.clear()  # other tests expect the untranslated source strings
    QLocale.setDefault(locale)
