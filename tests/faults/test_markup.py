"""Markup in a participant's text is shown as text: no label renders it as HTML (Qt's AutoText would).

A hostile name such as `<h1>…</h1><img src='file:///…'><a href='file:///…'>` would otherwise enlarge the
reviewer's screen, load a local file as an image and show a link. Every free-text field of the example, and a
comment, carry the markup; every step of the editor is shown; then every label and tooltip is inspected. The
snapshots (named with the markup, compared with a clean proposal) and the Word comments import (files named with
markup) are inspected the same way, message boxes included.
"""

from __future__ import annotations

from pathlib import Path

import pytest
from PySide6.QtCore import QAbstractItemModel, QModelIndex, Qt
from PySide6.QtGui import Qt as QtGui
from PySide6.QtWidgets import QAbstractItemView, QApplication, QLabel, QMessageBox, QWidget
from pytestqt.qtbot import QtBot

from matrices.examples import load_example
from matrices.review import Comment
from storage.document import Document
from storage.errors import CorruptDocumentError
from tests.faults.model_strategies import mark_every_text
from tests.ui.helpers import build_app, make_context, record_message_boxes
from ui.commands import ReplaceProposalCommand
from ui.comments_import import choose_and_import_word_comments
from ui.session import DocumentSession
from ui.snapshots import SnapshotsDialog
from ui.writer import DocumentWriter

MARKER = "GRANDE"
MARKUP = f"<h1 style='font-size:90px'>{MARKER}</h1><img src='file:///etc/hostname'><a href='file:///etc'>x</a>"
FILE_MARKUP = f"<h1>{MARKER}<img src=x>"
"""Markup a file name can carry (no '/')."""


def renders_markup(text: str, text_format: Qt.TextFormat) -> bool:
    """Return True when Qt would lay text out as HTML in a widget with this text format."""
    if text_format == Qt.TextFormat.PlainText:
        return False
    return text_format == Qt.TextFormat.RichText or bool(QtGui.mightBeRichText(text))


def _tooltips(model: QAbstractItemModel, parent: QModelIndex, depth: int = 0) -> list[str]:
    found = []
    try:
        columns = model.columnCount(parent)
    except TypeError:  # list models keep columnCount private in PySide6
        columns = 1
    for row in range(min(model.rowCount(parent), 8)):
        for column in range(max(1, columns)):
            index = model.index(row, column, parent)
            tip = index.data(Qt.ItemDataRole.ToolTipRole)
            if isinstance(tip, str):
                found.append(tip)
            if depth < 3 and column == 0 and model.rowCount(index) > 0:
                found.extend(_tooltips(model, index, depth + 1))
    return found


def _rendered(window: QWidget) -> set[str]:
    """Return the labels and item tooltips under window that would lay the marker out as HTML."""
    rendered: set[str] = set()
    for label in window.findChildren(QLabel):
        if MARKER in label.text() and renders_markup(label.text(), label.textFormat()):
            owner = label.parent()
            rendered.add(f"label in {type(owner).__name__ if owner else '?'}: {label.text()[:40]!r}")
    for view in window.findChildren(QAbstractItemView):
        model = view.model()
        if model is None:
            continue
        for tip in _tooltips(model, QModelIndex()):
            if MARKER in tip and renders_markup(tip, Qt.TextFormat.AutoText):
                rendered.add(f"tooltip in {type(view).__name__} of {type(view.parent()).__name__}: {tip[:40]!r}")
    return rendered


def _rendered_messages(shown: list[str]) -> set[str]:
    return {f"message box: {text[:40]!r}" for text in shown if renders_markup(text, Qt.TextFormat.AutoText)}


@pytest.mark.gui
def test_markup_in_texts_is_never_rendered(
    qtbot: QtBot, qapp: QApplication, tmp_path: Path, writer: DocumentWriter
) -> None:
    proposal = load_example("es")
    mark_every_text(proposal, lambda: MARKUP)
    actor = proposal.actor_matrix.actors[0].id
    comment = Comment(id="K1", matrix="actors", item_id=actor, author=MARKUP, text=MARKUP)
    path = tmp_path / "marcado.pmx"
    Document.create(path, proposal, [comment]).close()
    app = build_app(qtbot, qapp, tmp_path, writer=writer)
    window, controller = app.window, app.controller
    window.resize(1360, 860)
    window.show()
    assert controller.open_path(path)
    editor = window.editor
    assert editor is not None
    rendered: set[str] = set()
    for step in range(editor.steps.count()):
        editor.show_step(step)
        qapp.processEvents()
        rendered |= _rendered(window)
    controller.close_document()
    assert not rendered, "participant text rendered as HTML:\n" + "\n".join(sorted(rendered))


@pytest.mark.gui
def test_markup_in_snapshots_is_never_rendered(
    qtbot: QtBot, tmp_path: Path, monkeypatch: pytest.MonkeyPatch, writer: DocumentWriter
) -> None:
    shown = record_message_boxes(monkeypatch, ("warning", "question", "information"), QMessageBox.StandardButton.No)
    proposal = load_example("es")
    mark_every_text(proposal, lambda: MARKUP)
    path = tmp_path / f"{FILE_MARKUP}.pmx"
    Document.create(path, proposal).close()
    with Document.open(path) as document:
        session = DocumentSession(document, document.load(), writer=writer)
        dialog = SnapshotsDialog(session, document, make_context())
        qtbot.addWidget(dialog)
        assert dialog.create_snapshot(MARKUP) is not None
        rendered = _rendered(dialog)  # the status line quotes the name
        # Every text of the snapshot now differs from the proposal: the comparison shows the markup as old values.
        session.push(ReplaceProposalCommand(session, load_example("es"), "clean"))
        compare = dialog.compare_selected()
        viewer = dialog.view_selected()
        assert compare is not None
        assert viewer is not None
        assert compare.tree.topLevelItemCount() >= 4
        assert dialog.restore_selected() is None  # the question quotes the name; answered No

        def damaged(snapshot_id: int) -> None:
            raise CorruptDocumentError(f"snapshot {snapshot_id} is damaged", path)

        monkeypatch.setattr(document, "load_snapshot", damaged)
        assert dialog.compare_selected() is None  # the warning names the file
        rendered |= _rendered(dialog) | _rendered(compare) | _rendered(viewer) | _rendered_messages(shown)
    assert not rendered, "participant text rendered as HTML:\n" + "\n".join(sorted(rendered))
    assert len(shown) == 2
    assert all(MARKER in text for text in shown), shown


class _DamagedComments:
    """A document whose comments cannot be read: the report names the .pmx."""

    def __init__(self, path: Path) -> None:
        self.path = path

    def load_comments(self) -> list[Comment]:
        raise CorruptDocumentError("the comments table is damaged", self.path)

    def save_comments(self, comments: object) -> None:
        raise AssertionError(comments)


@pytest.mark.gui
def test_markup_in_an_import_report_is_never_rendered(
    qtbot: QtBot, tmp_path: Path, monkeypatch: pytest.MonkeyPatch, writer: DocumentWriter
) -> None:
    shown = record_message_boxes(monkeypatch, ("warning", "question", "information"), QMessageBox.StandardButton.No)
    path = tmp_path / f"{FILE_MARKUP}.pmx"
    Document.create(path, load_example("es")).close()
    junk = tmp_path / f"{FILE_MARKUP}.docx"
    junk.write_bytes(b"nada")
    with Document.open(path) as document:
        session = DocumentSession(document, document.load(), writer=writer)
        assert choose_and_import_word_comments(session, document, None, junk, describe=str, lang="es") is None
        damaged = _DamagedComments(path)
        assert choose_and_import_word_comments(session, damaged, None, junk, describe=str, lang="es") is None
    rendered = _rendered_messages(shown)
    assert not rendered, "participant text rendered as HTML:\n" + "\n".join(sorted(rendered))
    assert len(shown) == 2
    assert all(MARKER in text for text in shown), shown
