"""Interface language: Qt Linguist translations of our strings and of Qt's own dialogs, switchable live."""

from __future__ import annotations

from importlib import resources
from pathlib import Path

from PySide6.QtCore import QCoreApplication, QLibraryInfo, QLocale, QTranslator

from matrices.base import Lang


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
        QLocale.setDefault(QLocale(QLocale.Language.Spanish if lang == "es" else QLocale.Language.English))
        ours = QTranslator(self._app)
        loaded = ours.load(str(translations_dir() / f"policy_matrix_{lang}.qm"))
        if loaded:
            self._app.installTranslator(ours)
            self._installed.append(ours)
        qt_own = QTranslator(self._app)
        if qt_own.load(f"qtbase_{lang}", QLibraryInfo.path(QLibraryInfo.LibraryPath.TranslationsPath)):
            self._app.installTranslator(qt_own)
            self._installed.append(qt_own)
        return loaded
