"""Markup in a participant's text is shown as text: no label renders it as HTML (Qt's AutoText would).

A hostile name such as `<h1>…</h1><img src='file:///…'><a href='file:///…'>` would otherwise enlarge the
reviewer's screen, load a local file as an image and show a link. Every free-text field of the example, and a
comment, carry the markup; every step of the editor is shown; then every label and tooltip is inspected.
"""

from __future__ import annotations

from pathlib import Path

import pytest
from PySide6.QtCore import QAbstractItemModel, QModelIndex, QSettings, Qt
from PySide6.QtGui import Qt as QtGui
from PySide6.QtWidgets import QAbstractItemView, QApplication, QLabel
from pytestqt.qtbot import QtBot

from matrices.catalogs import Catalogs
from matrices.examples import load_example
from matrices.fieldmodel import FieldModel
from matrices.review import Comment
from matrices.rules import default_rulebook
from storage.document import Document
from tests.faults.model_strategies import mark_every_text
from tests.faults.test_hostile_files import _pages
from ui.context import UiContext
from ui.controller import AppController
from ui.main_window import MainWindow
from ui.settings import Settings
from ui.translation import LanguageSwitcher

MARKER = "GRANDE"
MARKUP = f"<h1 style='font-size:90px'>{MARKER}</h1><img src='file:///etc/hostname'><a href='file:///etc'>x</a>"


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


@pytest.mark.gui
def test_markup_in_texts_is_never_rendered(qtbot: QtBot, qapp: QApplication, tmp_path: Path) -> None:
    proposal = load_example("es")
    mark_every_text(proposal, lambda: MARKUP)
    actor = proposal.actor_matrix.actors[0].id
    comment = Comment(id="K1", matrix="actors", item_id=actor, author=MARKUP, text=MARKUP)
    path = tmp_path / "marcado.pmx"
    Document.create(path, proposal, [comment]).close()
    catalogs, field_model = Catalogs.load(), FieldModel.load()
    context = UiContext(
        catalogs=catalogs,
        field_model=field_model,
        rulebook=default_rulebook(catalogs, field_model),
        example_es=load_example("es"),
        example_en=load_example("en"),
    )
    window = MainWindow(context)
    qtbot.addWidget(window)
    settings = Settings(QSettings(str(tmp_path / "settings.ini"), QSettings.Format.IniFormat))
    controller = AppController(window, context, settings, LanguageSwitcher(qapp), _pages)
    window.resize(1360, 860)
    window.show()
    assert controller.open_path(path)
    editor = window.editor
    assert editor is not None
    rendered: set[str] = set()
    for step in range(editor.steps.count()):
        editor.show_step(step)
        qapp.processEvents()
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
    controller.close_document()
    assert not rendered, "participant text rendered as HTML:\n" + "\n".join(sorted(rendered))
