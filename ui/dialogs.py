"""Dialogs of the editor: a new proposal's basic data."""

from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass
from pathlib import Path

from PySide6.QtWidgets import (
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFileDialog,
    QFormLayout,
    QHBoxLayout,
    QLineEdit,
    QPlainTextEdit,
    QPushButton,
    QWidget,
)

from matrices.base import Lang


@dataclass
class NewProposalData:
    """What the participant gives before the first page opens."""

    title: str
    language: Lang
    authors: list[str]
    institution: str
    path: Path


def file_name_for(title: str) -> str:
    """Return a safe file name derived from a title (accents dropped, spaces as dashes)."""
    ascii_title = unicodedata.normalize("NFKD", title).encode("ascii", "ignore").decode()
    slug = re.sub(r"[^A-Za-z0-9]+", "-", ascii_title).strip("-").lower()[:60]
    return f"{slug or 'propuesta'}.pmx"


class NewProposalDialog(QDialog):
    """Asks title, content language, authors, institution and where to save; the file is created at once."""

    def __init__(self, folder: Path, lang: Lang, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle(self.tr("New proposal"))
        self.setMinimumWidth(520)
        self._folder = folder
        self.title_edit = QLineEdit(self)
        self.title_edit.setAccessibleName("title")
        self.language = QComboBox(self)
        self.language.addItem("Español", "es")
        self.language.addItem("English", "en")
        self.language.setCurrentIndex(0 if lang == "es" else 1)
        self.authors = QPlainTextEdit(self)
        self.authors.setAccessibleName("authors")
        self.authors.setFixedHeight(64)
        self.institution = QLineEdit(self)
        self.institution.setAccessibleName("institution")
        self.path_edit = QLineEdit(self)
        self.path_edit.setAccessibleName("file")
        browse = QPushButton(self.tr("Choose…"), self)
        browse.clicked.connect(self._browse)
        path_row = QHBoxLayout()
        path_row.addWidget(self.path_edit, 1)
        path_row.addWidget(browse)
        self._path_touched = False
        self.path_edit.textEdited.connect(lambda _t: setattr(self, "_path_touched", True))
        self.title_edit.textChanged.connect(self._suggest_path)
        self._suggest_path("")

        form = QFormLayout(self)
        form.addRow(self.tr("Title"), self.title_edit)
        form.addRow(self.tr("Language of the content"), self.language)
        form.addRow(self.tr("Authors (one per line)"), self.authors)
        form.addRow(self.tr("Proposing institution"), self.institution)
        form.addRow(self.tr("Save as"), path_row)
        self.buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel)
        self.buttons.accepted.connect(self.accept)
        self.buttons.rejected.connect(self.reject)
        form.addRow(self.buttons)

    def _suggest_path(self, title: str) -> None:
        if not self._path_touched:
            self.path_edit.setText(str(self._folder / file_name_for(title)))

    def _browse(self) -> None:
        name, _ = QFileDialog.getSaveFileName(
            self, self.tr("Save as"), self.path_edit.text(), self.tr("Policy Matrix proposals (*.pmx)")
        )
        if name:
            self._path_touched = True
            self.path_edit.setText(name if name.endswith(".pmx") else f"{name}.pmx")

    def data(self) -> NewProposalData:
        """Return what was entered."""
        path = Path(self.path_edit.text().strip() or str(self._folder / "propuesta.pmx"))
        if path.suffix.lower() != ".pmx":
            path = path.with_suffix(".pmx")
        return NewProposalData(
            title=self.title_edit.text().strip(),
            language=self.language.currentData(),
            authors=[line.strip() for line in self.authors.toPlainText().splitlines() if line.strip()],
            institution=self.institution.text().strip(),
            path=path,
        )
