"""Interface language: Qt Linguist translations of our strings and of Qt's own dialogs, switchable live."""

from __future__ import annotations

import logging
from importlib import resources
from pathlib import Path

from PySide6.QtCore import QCoreApplication, QLibraryInfo, QLocale, QTranslator

from matrices.localized import Lang

logger = logging.getLogger(__name__)


def translations_dir() -> Path:
    """Return the folder holding the compiled .qm files."""
    return Path(str(resources.files("ui") / "i18n"))


class LanguageSwitcher:
    """Installs the translators of one language into the application, replacing the previous ones."""

    def __init__(self, app: QCoreApplication) -> None:
        self._app = app
        self._installed: list[QTranslator] = []

    def clear(self) -> None:
        """Remove the translators this switcher installed (the source strings, English, show again)."""
        for translator in self._installed:
            self._app.removeTranslator(translator)
        self._installed.clear()

    def apply(self, lang: Lang) -> bool:
        """Install lang's translations; return False when our own .qm could not be loaded."""
        self.clear()
        QLocale.setDefault(QLocale(lang))  # the language's own (default) country: es_ES, en_US
        ours = QTranslator(self._app)
        path = translations_dir() / f"policy_matrix_{lang}.qm"
        loaded = ours.load(str(path))
        if loaded:
            self._app.installTranslator(ours)
            self._installed.append(ours)
        else:
            logger.warning("the interface translation %s could not be loaded", path)
        qt_own = QTranslator(self._app)
        qt_folder = QLibraryInfo.path(QLibraryInfo.LibraryPath.TranslationsPath)
        if qt_own.load(f"qtbase_{lang}", qt_folder):
            self._app.installTranslator(qt_own)
            self._installed.append(qt_own)
        else:
            logger.warning("Qt's translation qtbase_%s could not be loaded from %s", lang, qt_folder)
        return loaded
