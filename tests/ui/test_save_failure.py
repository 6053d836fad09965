"""A save that fails is told in the interface language (Ctrl+S, the banner, the status bar, closing); comments from
Word are offered only where the file takes comments."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest
from PySide6.QtWidgets import QApplication
from pytestqt.qtbot import QtBot

from storage.document import Document
from storage.errors import ReadOnlyDocumentError, WriteFailedError
from tests.ui.helpers import build_app, demo_file, record_message_boxes
from ui.commands import SetValueCommand
from ui.comments.store import CommentStore
from ui.session import DocumentSession, SaveState
from ui.writer import DocumentWriter

SENTENCE = "No se pudo escribir demo.pmx. Compruebe que el disco no está lleno"
SYSTEM = "(Mensaje del sistema: No space left on device)"


@pytest.fixture
def gui(
    qtbot: QtBot, qapp: QApplication, tmp_path: Path, monkeypatch: pytest.MonkeyPatch, writer: DocumentWriter
) -> Iterator[tuple]:
    """The Spanish main window and its controller; message boxes are recorded and answered Cancel."""
    warnings = record_message_boxes(monkeypatch)
    app = build_app(qtbot, qapp, tmp_path, writer=writer)
    app.controller.set_language("es")
    yield app.window, app.controller, warnings
    app.controller.close_document()
    app.languages.clear()  # other tests expect the untranslated source strings


def fill_the_disk(document: Document, monkeypatch: pytest.MonkeyPatch) -> None:
    """Make every write of document fail the way a full disk does (storage's error, raised from the OS one)."""

    def full(*_args: object) -> None:
        try:
            raise OSError(28, "No space left on device")
        except OSError as exc:
            raise WriteFailedError("could not be saved: database or disk is full", document.path) from exc

    monkeypatch.setattr(document, "save", full)
    monkeypatch.setattr(document, "write_prepared", full)


def test_ctrl_s_on_a_full_disk_says_so_in_spanish(gui, tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:  # type: ignore[no-untyped-def]
    window, controller, warnings = gui
    assert controller.open_path(demo_file(tmp_path))
    session = controller.session
    assert isinstance(session.document, Document)
    fill_the_disk(session.document, monkeypatch)
    session.push(SetValueCommand(session, (), "title", "Título nuevo", "título"))
    window.save_action.trigger()  # Ctrl+S: writes at once and waits
    assert session.save_state is SaveState.FAILED
    banner = window.editor.banner
    assert not banner.isHidden()
    assert banner.text().startswith("Sus cambios no se pudieron guardar; se conservan en memoria")
    assert SENTENCE in banner.text()
    assert banner.text().endswith(SYSTEM)
    assert "could not" not in banner.text()
    assert window.save_label.text() == "Sin guardar — reintentando"
    assert SENTENCE in window.save_label.toolTip()

    assert not controller.close_document(), "Cancel keeps the document open"
    assert len(warnings) == 1
    assert warnings[0].startswith(f"Sus últimos cambios no se pudieron guardar. {SENTENCE}")
    assert warnings[0].endswith(f"{SYSTEM} ¿Desea guardar la propuesta en otra ubicación?")

    monkeypatch.undo()
    window.save_action.trigger()
    assert session.save_state is SaveState.SAVED
    assert window.save_label.text().startswith("Guardado")
    assert window.save_label.toolTip() == ""
    assert banner.isHidden()


def test_comments_from_word_are_offered_only_where_the_file_takes_comments(gui, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    window, controller, _ = gui
    path = demo_file(tmp_path)
    assert controller.open_path(path)
    assert window.import_word_comments_action.isEnabled()
    assert controller.close_document()
    assert controller.open_for_review(path)
    assert window.import_word_comments_action.isEnabled(), "review mode takes comments"
    assert controller.close_document()
    with Document.open(path) as holder:
        assert not holder.read_only
        assert controller.open_path(path)
        assert controller.session.document.read_only
        assert not window.import_word_comments_action.isEnabled()
        assert controller.close_document()
    assert not window.import_word_comments_action.isEnabled()


def test_the_comment_store_refuses_a_read_only_file_with_a_storage_error(
    qtbot: QtBot, tmp_path: Path, writer: DocumentWriter
) -> None:
    path = demo_file(tmp_path)
    with Document.open(path, read_only=True) as reader:
        store = CommentStore(reader, DocumentSession(reader, reader.load(), writer=writer))
        with pytest.raises(ReadOnlyDocumentError) as caught:
            store.save_comments([])
        assert caught.value.path == path
