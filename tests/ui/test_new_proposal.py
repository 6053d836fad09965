"""The New proposal dialog never loses what was typed: a writable default folder, and errors that keep it open."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest
from PySide6.QtCore import QStandardPaths, Qt
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QApplication, QDialog, QFileDialog
from pytestqt.qtbot import QtBot

from matrices.fieldmodel import FieldModel
from storage.document import Document
from tests.ui.helpers import App, build_app, type_text
from ui.dialogs import NewProposalDialog, default_folder
from ui.writer import DocumentWriter

pytestmark = pytest.mark.gui


@pytest.fixture
def app(qtbot: QtBot, qapp: QApplication, tmp_path: Path, writer: DocumentWriter) -> Iterator[App]:
    app = build_app(qtbot, qapp, tmp_path, writer=writer)
    yield app
    app.controller.close_document()


def fill(dialog: NewProposalDialog) -> None:
    type_text(dialog.title_edit, "Niñez migrante en Darién")
    dialog.authors.setPlainText("Ana Pérez\nJosé Núñez")
    type_text(dialog.institution, "Servicio Nacional de Migración")


def test_a_missing_documents_folder_is_made(tmp_path: Path) -> None:
    home = tmp_path / "home"
    home.mkdir()
    assert default_folder(home / "Documents", home) == home / "Documents"
    assert (home / "Documents").is_dir()


def test_a_documents_path_that_is_a_file_falls_back_to_home(tmp_path: Path) -> None:
    home = tmp_path / "home"
    home.mkdir()
    (home / "Documents").write_text("not a folder")
    assert default_folder(home / "Documents", home) == home


def test_without_documents_the_new_proposal_is_saved_in_a_folder_that_exists(
    app: App, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    home = tmp_path / "home"
    home.mkdir()
    monkeypatch.setattr(QStandardPaths, "writableLocation", lambda _kind: str(home / "Documents"))
    monkeypatch.setattr(Path, "home", classmethod(lambda _cls: home))
    seen: list[NewProposalDialog] = []

    def fill_and_ok(dialog: NewProposalDialog) -> int:
        seen.append(dialog)
        fill(dialog)
        dialog.accept()
        return dialog.result()

    monkeypatch.setattr(NewProposalDialog, "exec", fill_and_ok)
    app.window.start.new_button.click()
    [dialog] = seen
    assert dialog.result() == QDialog.DialogCode.Accepted, dialog.problem.text()
    session = app.controller.session
    assert session is not None
    assert session.path.parent == home / "Documents"
    assert session.proposal.authors == ["Ana Pérez", "José Núñez"]


def test_an_error_keeps_the_dialog_open_with_what_was_typed_and_says_why(
    app: App, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    results: list[int] = []

    def try_twice(dialog: NewProposalDialog) -> int:
        fill(dialog)
        dialog.path_edit.setText(str(tmp_path / "gone" / "propuesta.pmx"))
        dialog.accept()
        results.append(dialog.result())
        assert dialog.title_edit.text() == "Niñez migrante en Darién"
        assert dialog.authors.toPlainText() == "Ana Pérez\nJosé Núñez"
        assert dialog.institution.text() == "Servicio Nacional de Migración"
        assert not dialog.problem.isHidden()
        assert str(tmp_path / "gone") in dialog.problem.text()
        assert "does not exist" in dialog.problem.text()
        assert "full" not in dialog.problem.text()
        dialog.path_edit.setText(str(tmp_path / "propuesta.pmx"))
        dialog.accept()
        return dialog.result()

    monkeypatch.setattr(NewProposalDialog, "exec", try_twice)
    app.window.start.new_button.click()
    assert results == [QDialog.DialogCode.Rejected]
    assert (tmp_path / "propuesta.pmx").exists()
    with Document.open(tmp_path / "propuesta.pmx", read_only=True) as document:
        assert document.load().title == "Niñez migrante en Darién"


def test_an_existing_file_is_not_replaced_and_the_dialog_stays(
    app: App, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    taken = tmp_path / "ocupado.pmx"
    taken.write_bytes(b"someone else's")
    seen: list[NewProposalDialog] = []

    def fill_and_ok(dialog: NewProposalDialog) -> int:
        seen.append(dialog)
        fill(dialog)
        dialog.path_edit.setText(str(taken))
        dialog.accept()
        return dialog.result()

    monkeypatch.setattr(NewProposalDialog, "exec", fill_and_ok)
    app.window.start.new_button.click()
    assert seen[0].result() != QDialog.DialogCode.Accepted
    assert "ocupado.pmx" in seen[0].problem.text()
    assert taken.read_bytes() == b"someone else's"


def test_tab_leaves_the_authors_box(qtbot: QtBot, tmp_path: Path) -> None:
    dialog = NewProposalDialog(tmp_path, FieldModel.load(), "es")
    qtbot.addWidget(dialog)
    dialog.show()
    qtbot.waitExposed(dialog)
    dialog.activateWindow()
    qtbot.waitUntil(lambda: QApplication.activeWindow() is dialog)
    dialog.authors.setFocus()
    dialog.authors.setPlainText("Ana Pérez")
    QTest.keyClick(dialog.authors, Qt.Key.Key_Tab)
    assert dialog.authors.toPlainText() == "Ana Pérez"
    assert QApplication.focusWidget() is dialog.institution


@pytest.mark.parametrize(("lang", "name"), [("es", "ejemplo-darien.pmx"), ("en", "example-darien.pmx")])
def test_a_copy_of_the_example_is_offered_under_a_name_in_its_own_language(
    app: App, monkeypatch: pytest.MonkeyPatch, lang: str, name: str
) -> None:
    offered: list[str] = []
    monkeypatch.setattr(
        QFileDialog, "getSaveFileName", lambda _parent, _title, path, _filter: (offered.append(path), ("", ""))[1]
    )
    app.controller.open_example(lang)
    assert [Path(path).name for path in offered] == [name]
