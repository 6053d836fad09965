"""Dialogs of the editor: a new proposal's basic data."""

from __future__ import annotations

import contextlib
import os
import re
import tempfile
import unicodedata
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

from PySide6.QtWidgets import (
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFileDialog,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPlainTextEdit,
    QPushButton,
    QWidget,
)

from matrices.base import PROPOSAL_LANGUAGES, ProposalLanguage
from matrices.fieldmodel import FieldModel
from matrices.localized import Lang, conventions
from ui.widgets.plain_text import plain_label

ERROR_TEXT = "#b3261e"


@dataclass
class NewProposalData:
    """What the participant gives before the first page opens."""

    title: str
    language: ProposalLanguage
    authors: list[str]
    institution: str
    path: Path


Creator = Callable[[NewProposalData], str | None]
"""Creates the new proposal's file and opens it; returns why it could not (the dialog then stays open), or None."""


def default_folder(documents: Path | None, home: Path) -> Path:
    """Return a folder a new proposal can be saved in: Documents (made when missing), else home, else temp."""
    if documents is not None and documents.parent.is_dir():
        # A read-only home, or a Documents that is a file: the next candidate will do.
        with contextlib.suppress(OSError):
            documents.mkdir(exist_ok=True)
    for folder in (documents, home):
        if folder is not None and folder.is_dir() and os.access(folder, os.W_OK):
            return folder
    return Path(tempfile.gettempdir())


def file_name_for(title: str) -> str:
    """Return a safe file name derived from a title (accents dropped, spaces as dashes)."""
    ascii_title = unicodedata.normalize("NFKD", title).encode("ascii", "ignore").decode()
    slug = re.sub(r"[^A-Za-z0-9]+", "-", ascii_title).strip("-").lower()[:60]
    return f"{slug or 'propuesta'}.pmx"


class NewProposalDialog(QDialog):
    """Asks title, content language, authors, institution and where to save; the file is created at once."""

    def __init__(
        self,
        folder: Path,
        field_model: FieldModel,
        lang: Lang,
        parent: QWidget | None = None,
        create: Creator | None = None,
    ) -> None:
        super().__init__(parent)
        self.setWindowTitle(self.tr("New proposal"))
        self.setMinimumWidth(520)
        self._folder = folder
        self._create = create
        self.title_edit = QLineEdit(self)
        self.title_edit.setObjectName("title")
        self.language = QComboBox(self)
        self.language.setObjectName("language")
        for code in PROPOSAL_LANGUAGES:
            self.language.addItem(conventions(code).name, code)
        self.language.setCurrentIndex(max(self.language.findData(lang), 0))
        self.authors = QPlainTextEdit(self)
        self.authors.setObjectName("authors")
        self.authors.setTabChangesFocus(True)  # one name per line: Tab goes on to the institution
        self.authors.setFixedHeight(64)
        self.authors.setPlaceholderText(self.tr("One name per line"))
        self.institution = QLineEdit(self)
        self.institution.setObjectName("institution")
        self.path_edit = QLineEdit(self)
        self.path_edit.setObjectName("file")
        browse = QPushButton(self.tr("Choose…"), self)
        browse.clicked.connect(self._browse)
        self.problem = plain_label(self)
        self.problem.setObjectName("problem")
        self.problem.setWordWrap(True)
        self.problem.setStyleSheet(f"color: {ERROR_TEXT};")
        self.problem.hide()
        path_row = QHBoxLayout()
        path_row.addWidget(self.path_edit, 1)
        path_row.addWidget(browse)
        self._path_touched = False
        self.path_edit.textEdited.connect(lambda _t: setattr(self, "_path_touched", True))
        self.title_edit.textChanged.connect(self._suggest_path)
        self._suggest_path("")

        form = QFormLayout(self)

        def label(key: str) -> str:
            return field_model.field("proposal", key).label(lang)

        for text, field in (
            (label("title"), self.title_edit),
            (self.tr("Language of the content"), self.language),
            (label("authors"), self.authors),
            (label("proposing_institution"), self.institution),
            (self.tr("Save as"), self.path_edit),
        ):
            label = QLabel(text, self)
            label.setBuddy(field)
            field.setAccessibleName(text)  # what a screen reader says: the visible label
            form.addRow(label, path_row if field is self.path_edit else field)
        browse.setAccessibleName(self.tr("Choose where to save"))
        form.addRow(self.problem)
        self.buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel)
        self.buttons.accepted.connect(self.accept)
        self.buttons.rejected.connect(self.reject)
        form.addRow(self.buttons)

    def accept(self) -> None:
        """Create the proposal; if that fails, say why and stay open with everything typed."""
        if self._create is not None:
            problem = self._create(self.data())
            if problem is not None:
                self.show_problem(problem)
                return
        super().accept()

    def show_problem(self, text: str) -> None:
        """Show why the proposal could not be created, under the fields, and go back to where to save it."""
        self.problem.setText(text)
        self.problem.setAccessibleName(text)
        self.problem.setVisible(bool(text))
        self.path_edit.setFocus()

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
