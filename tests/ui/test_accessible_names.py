"""Screen readers: every input of every page has a name in the interface language, and banners say their text.

Object names are the tests' handles (English, stable); accessible names are what a screen reader says: the
visible label of the field, in Spanish or English as the interface is.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from pathlib import Path

import pytest
from PySide6.QtGui import QAccessible
from PySide6.QtWidgets import (
    QAbstractButton,
    QAbstractItemView,
    QAbstractSpinBox,
    QApplication,
    QComboBox,
    QHeaderView,
    QLineEdit,
    QPlainTextEdit,
    QTextEdit,
    QWidget,
)
from pytestqt.qtbot import QtBot

from matrices.fieldmodel import FieldModel
from storage.document import Document
from tests.ui.helpers import App, build_app, demo_file
from tests.ui.screen_walk import screens, settle
from ui.dialogs import NewProposalDialog
from ui.main_window import MainWindow
from ui.widgets.banner import BannerKind
from ui.writer import DocumentWriter

pytestmark = pytest.mark.gui

INPUTS = (QLineEdit, QPlainTextEdit, QTextEdit, QComboBox, QAbstractSpinBox, QAbstractButton, QAbstractItemView)
"""What a participant types in, picks, presses or walks through (a tab bar names itself by its tabs)."""
HOOK = re.compile(r"[a-z_]+( [a-z_]+)*")
"""An English test handle ("title", "recent files"), not a label a person reads."""


@pytest.fixture
def app(qtbot: QtBot, qapp: QApplication, tmp_path: Path, writer: DocumentWriter) -> Iterator[App]:
    app = build_app(qtbot, qapp, tmp_path, writer=writer)
    app.window.resize(1366, 688)
    app.window.show()
    qtbot.waitExposed(app.window)
    yield app
    app.controller.close_document()
    app.languages.clear()


def name_of(widget: QWidget) -> str:
    if isinstance(widget, QComboBox):
        # On Linux Qt reads a list's current choice as its name (its label comes through a relation); the
        # name set for every system is the label.
        return widget.accessibleName().strip()
    interface = QAccessible.queryAccessibleInterface(widget)
    return interface.text(QAccessible.Text.Name).strip() if interface is not None else ""


def inputs(window: MainWindow) -> Iterator[QWidget]:
    """Yield the inputs a participant can reach now (Qt's own parts are named by Qt or by their owner)."""
    for widget in window.findChildren(QWidget):
        if not isinstance(widget, INPUTS) or isinstance(widget, QHeaderView):
            continue
        if not widget.isVisible() or not widget.isEnabled():
            continue
        if isinstance(widget.parentWidget(), QAbstractSpinBox | QComboBox | QLineEdit):
            continue  # a spin box's line edit, a line edit's clear button
        if widget.objectName().startswith("qt_"):
            continue  # a dock's close button, a tab bar's scroll arrows
        yield widget


def unnamed(window: MainWindow, where: str) -> list[str]:
    found = []
    for widget in inputs(window):
        name = name_of(widget)
        label = f"{where}: {type(widget).__name__} {widget.objectName()!r}"
        if not name:
            found.append(f"{label} has no name")
        elif HOOK.fullmatch(name):
            found.append(f"{label} is named by a test handle {name!r}")
    return found


@pytest.mark.parametrize("lang", ["es", "en"])
def test_every_input_of_every_page_has_a_name(app: App, tmp_path: Path, lang: str) -> None:
    app.controller.set_language(lang)
    settle()
    found = unnamed(app.window, "start screen")
    assert app.controller.open_path(demo_file(tmp_path))
    app.window.comments_dock.raise_()
    settle()
    found += unnamed(app.window, "comments panel")
    app.window.guidance_dock.raise_()
    for where in screens(app.window):
        found += unnamed(app.window, where)
    assert not found, "\n".join(dict.fromkeys(found))


def names(window: MainWindow) -> dict[int, tuple[str, str]]:
    return {id(w): (f"{type(w).__name__} {w.objectName()!r}", name_of(w)) for w in inputs(window)}


def test_names_follow_the_interface_language(app: App, tmp_path: Path) -> None:
    app.controller.set_language("es")
    assert app.controller.open_path(demo_file(tmp_path))
    spanish: dict[int, tuple[str, str]] = {}
    for _where in screens(app.window):
        spanish.update(names(app.window))
    app.controller.set_language("en")
    english: dict[int, tuple[str, str]] = {}
    for _where in screens(app.window):
        english.update(names(app.window))
    # Labels the course writes the same in both languages ("MiGOF") say nothing about the interface's language.
    model = app.context.field_model
    alike = {
        spec.label("es")
        for entity in model.entities
        for field in model.fields(entity)
        for spec in (field, *field.subfields)
        if spec.label("es") == spec.label("en")
    }
    same = sorted(
        {spanish[key] for key in spanish.keys() & english.keys() if spanish[key] == english[key]}
        - {pair for pair in spanish.values() if pair[1] in alike}
    )
    assert not same, "\n".join(f"{what}: {name!r}" for what, name in same)


def test_a_banner_is_read_as_what_it_says(app: App, tmp_path: Path) -> None:
    path = demo_file(tmp_path)
    with Document.open(path):  # another window holds the file: this one opens it read-only, with a banner
        assert app.controller.open_path(path)
        banner = app.window.editor.banner  # type: ignore[union-attr]
        text = banner.text()
        assert text
        label = banner.findChild(QWidget, "banner_text")
        assert name_of(label) == text
        assert name_of(banner) == text
        banner.show_message("Guardado fallido", BannerKind.ERROR)
        assert name_of(label) == "Guardado fallido"
        assert app.controller.close_document()


def test_the_new_proposal_dialog_names_its_fields_by_their_labels(
    qtbot: QtBot, spanish: object, tmp_path: Path
) -> None:
    field_model = FieldModel.load()
    dialog = NewProposalDialog(tmp_path, field_model, "es")
    qtbot.addWidget(dialog)
    dialog.show()
    fields = (dialog.title_edit, dialog.language, dialog.authors, dialog.institution, dialog.path_edit)
    named = [name_of(field) for field in fields]
    assert all(named), named
    assert not [name for name in named if HOOK.fullmatch(name)], named
    # The proposal's fields are named as the field model and the General page name them.
    assert [named[0], named[2], named[3]] == ["Título de la propuesta", "Autoría", "Institución proponente"]
