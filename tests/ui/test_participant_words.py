"""Words a participant reads: no internal id or key in findings, the undo history or the guidance panel."""

from __future__ import annotations

import re
from collections.abc import Iterator
from datetime import date
from pathlib import Path

import pytest
from PySide6.QtCore import Qt
from PySide6.QtTest import QTest
from PySide6.QtWidgets import (
    QApplication,
    QComboBox,
    QLineEdit,
    QListWidget,
    QPlainTextEdit,
    QSpinBox,
    QTextBrowser,
    QTreeWidget,
    QTreeWidgetItem,
    QWidget,
)
from pytestqt.qtbot import QtBot

from matrices.examples import load_example
from matrices.proposal import Proposal
from storage.document import Document
from tests.conftest import with_uuid_ids
from tests.internal_words import broken, comments_everywhere, internal_words, leaks, with_dangling_links
from tests.ui.helpers import App, MemoryDocument, build_app, demo_file, make_context, type_text
from tests.ui.screen_walk import screens, settle
from tests.ui.visible_text import visible_texts
from ui.context import UiContext
from ui.pages.general import GeneralPage
from ui.pages.review import ReviewPage
from ui.session import DocumentSession
from ui.snapshots.diff_view import CompareDialog
from ui.translation import LanguageSwitcher
from ui.widgets.catalog import CatalogChecklist
from ui.widgets.guidance import GuidancePanel
from ui.widgets.value_fields import DateField, NumberField
from ui.writer import DocumentWriter

pytestmark = pytest.mark.gui

UUID_HEX = re.compile(r"[0-9a-f]{32}")


@pytest.fixture
def context() -> UiContext:
    return make_context("es")


@pytest.fixture
def app(qtbot: QtBot, qapp: QApplication, tmp_path: Path, writer: DocumentWriter) -> Iterator[App]:
    app = build_app(qtbot, qapp, tmp_path, writer=writer)
    yield app
    app.controller.close_document()
    app.languages.clear()


def finding_rows(page: ReviewPage) -> list[QTreeWidgetItem]:
    tree = page.findChild(QTreeWidget, "findings")
    assert tree is not None
    return [
        tree.topLevelItem(i).child(j)
        for i in range(tree.topLevelItemCount())
        for j in range(tree.topLevelItem(i).childCount())
    ]


def test_findings_on_items_made_in_the_app_show_codes_and_labels(
    qtbot: QtBot, context: UiContext, example_es: Proposal, writer: DocumentWriter
) -> None:
    proposal = with_uuid_ids(example_es)
    proposal.actor_matrix.actors[1].mandate = ""
    session = DocumentSession(MemoryDocument(), proposal, writer=writer)
    page = ReviewPage(session, context, lambda *_args: None)
    qtbot.addWidget(page)
    page.set_findings(context.rulebook.check(proposal), {})
    rows = finding_rows(page)
    assert rows
    for row in rows:
        assert not UUID_HEX.search(row.text(0) + row.text(2)), (row.text(0), row.text(2))
    places = {row.text(2) for row in rows}
    assert {"A02 · Mandato o competencia", "D2 · Fecha de corte", "IND1.1 · Línea de base"} <= places


def test_one_click_on_a_finding_goes_to_its_field(app: App, qtbot: QtBot, tmp_path: Path) -> None:
    app.window.show()
    qtbot.waitExposed(app.window)
    app.controller.open_path(demo_file(tmp_path))
    editor = app.window.editor
    assert editor is not None
    editor.show_step(len(editor.pages) - 1)
    tree = editor.review.findChild(QTreeWidget, "findings")
    row = next(r for r in finding_rows(editor.review) if r.text(1) == "S08")
    tree.scrollToItem(row)
    rect = tree.visualItemRect(row)
    assert rect.isValid()
    QTest.mouseClick(tree.viewport(), Qt.MouseButton.LeftButton, Qt.KeyboardModifier.NoModifier, rect.center())
    assert editor.current_page().matrix == "strategy"


def test_the_undo_history_names_fields_by_their_spanish_labels(
    qtbot: QtBot, spanish: LanguageSwitcher, context: UiContext, example_es: Proposal, writer: DocumentWriter
) -> None:
    session = DocumentSession(MemoryDocument(), example_es, writer=writer)
    page = GeneralPage(session, context)
    qtbot.addWidget(page)
    page.show()
    end = page.widgets["horizon.end_year"]
    assert isinstance(end, QSpinBox)
    end.setValue(2030)
    sdg = page.widgets["alignment.sdg_targets"]
    assert isinstance(sdg, CatalogChecklist)
    items = sdg.findChild(QListWidget)
    items.item(0).setCheckState(Qt.CheckState.Checked)
    title = page.widgets["title"]
    title.setFocus()
    type_text(title, " 2")
    stack = session.undo_stack
    texts = [stack.text(i) for i in range(stack.count())]
    assert texts == ["Año de fin", "Metas ODS", "Título de la propuesta"]


def test_the_guidance_example_shows_labels_not_catalogue_keys(
    qtbot: QtBot, spanish: LanguageSwitcher, context: UiContext
) -> None:
    panel = GuidancePanel(context)
    qtbot.addWidget(panel)
    for entity, field, shown, key in (
        ("actor", "type", "Gobierno nacional", "gov_national"),
        ("indicator", "baseline.status", "Por levantar", "to_be_collected"),
        ("indicator", "target.relative_to_baseline", "Sí", "true"),
        ("actor", "strategy", "Gestionar de cerca", "manage_closely"),
        ("proposal", "alignment.sdg_targets", "10.7", "10.7"),
    ):
        panel.show_field(entity, field)
        text = panel.findChild(QTextBrowser).toPlainText()
        example = text.split("Ejemplo:")[1]
        assert shown in example, (field, example)
        if key != shown:
            assert key not in example, (field, example)


def test_the_guidance_panel_starts_again_when_another_document_opens(app: App, tmp_path: Path) -> None:
    app.controller.open_path(demo_file(tmp_path))
    app.window.guidance.show_field("proposal", "title")
    assert "Título de la propuesta" in app.window.guidance.html() or "Proposal title" in app.window.guidance.html()
    other = tmp_path / "otra.pmx"
    Document.create(other, with_uuid_ids(load_example("es"))).close()
    app.controller.open_path(other)
    html = app.window.guidance.html()
    assert "Título de la propuesta" not in html
    assert "Proposal title" not in html


def _edit(widget: QWidget) -> None:
    """Change a bound field's value as a participant would, so that the edit enters the undo history."""
    if isinstance(widget, NumberField):
        widget.value_edited.emit(12.5)
    elif isinstance(widget, DateField):
        widget.date_edited.emit(date(2024, 5, 1))
    elif isinstance(widget, CatalogChecklist):
        widget.selection_edited.emit([])
    elif isinstance(widget, QComboBox) and widget.count() > 1:
        widget.setCurrentIndex((widget.currentIndex() + 1) % widget.count())
        widget.activated.emit(widget.currentIndex())
    elif isinstance(widget, QSpinBox):
        widget.setValue(widget.value() + 1 if widget.value() < widget.maximum() else widget.minimum())
    elif isinstance(widget, QLineEdit):
        widget.setText(widget.text() + "1")
        widget.textEdited.emit(widget.text())
    elif isinstance(widget, QPlainTextEdit):
        widget.appendPlainText("más")


@pytest.mark.parametrize("lang", ["es", "en"])
def test_no_id_or_key_anywhere_in_the_editor(app: App, tmp_path: Path, lang: str) -> None:
    # Items made in the app (UUIDs), findings naming them, links to items that are gone, a comment on every place
    # the export marks and on the same field of a deleted item: every step, sub-tab, table cell, choice, tooltip,
    # the comments panel and the undo history after an edit of every field are read as a participant sees them.
    proposal = with_dangling_links(with_uuid_ids(broken(load_example(lang))))
    comments = comments_everywhere(proposal, app.context.catalogs, app.context.field_model)
    path = tmp_path / "propuesta.pmx"
    Document.create(path, proposal, comments).close()
    app.controller.set_language(lang)
    app.window.resize(1366, 688)
    app.window.show()
    assert app.controller.open_path(path)
    app.window.comments_dock.show()
    app.window.comments_dock.raise_()
    app.window.history_dock.show()
    settle()
    keys = internal_words(app.context.field_model, app.context.catalogs, lang)
    found: dict[str, str] = {}
    texts: list[str] = []
    for screen in screens(app.window):
        shown = visible_texts(app.window)
        texts += shown
        found.update((text, screen) for text in leaks(shown, keys) if text not in found)
    session = app.controller.session
    assert session is not None
    bound = [w for w in app.window.findChildren(QWidget) if w.property("pm_field") and w.isEnabled()]
    for widget in bound:
        _edit(widget)
    stack = session.undo_stack
    history = [stack.text(index) for index in range(stack.count())]
    assert len(history) > 60
    found.update((text, "undo history") for text in leaks(history, keys))
    # The preview of a Word comments import names where each comment lands as the panel does, in few words.
    assert app.controller.comments is not None
    places = [app.controller.comments.names.place((c.matrix, c.item_id, c.field)) for c in comments]
    found.update((text, "import preview") for text in leaks(places, keys))
    assert not found, "\n".join(f"{where}: {text[:160]!r}" for text, where in found.items())
    gone = "(elemento eliminado)" if lang == "es" else "(deleted item)"
    assert sum(gone in text for text in texts) > 10  # the comments on deleted items, the links to them


def test_no_id_or_key_in_the_comparison_with_a_snapshot(qtbot: QtBot, context: UiContext, example_es: Proposal) -> None:
    # Every field changed (the English example over the Spanish one), items added, removed and gone.
    old = with_dangling_links(with_uuid_ids(example_es))
    new = broken(old)
    english = load_example("en")
    new.language = "en"
    new.title, new.problem_matrix.central_problem = english.title, english.problem_matrix.central_problem
    instrument = new.instrument_matrix.instruments[0]
    instrument.ex_ante_assessment.effectiveness = 1 if instrument.ex_ante_assessment.effectiveness != 1 else 2
    instrument.estimated_cost.amount = 5
    new.actor_matrix.actors[0].relations[0].type = "conflict"
    del new.actor_matrix.actors[3]
    dialog = CompareDialog(context, "Primera versión", old, new)
    qtbot.addWidget(dialog)
    dialog.show()
    texts = visible_texts(dialog)
    assert len(texts) > 40
    found = leaks(texts, internal_words(context.field_model, context.catalogs, "es"))
    assert not found, "\n".join(found)
