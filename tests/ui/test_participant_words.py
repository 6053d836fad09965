"""Words a participant reads: no internal id or key in findings, the undo history or the guidance panel."""

from __future__ import annotations

import re
from collections.abc import Iterator
from pathlib import Path

import pytest
from PySide6.QtCore import Qt
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QApplication, QListWidget, QSpinBox, QTextBrowser, QTreeWidget, QTreeWidgetItem
from pytestqt.qtbot import QtBot

from matrices.examples import load_example
from matrices.proposal import Proposal
from storage.document import Document
from tests.conftest import with_uuid_ids
from tests.ui.helpers import App, MemoryDocument, build_app, demo_file, make_context, type_text
from ui.context import UiContext
from ui.pages.general import GeneralPage
from ui.pages.review import ReviewPage
from ui.session import DocumentSession
from ui.translation import LanguageSwitcher
from ui.widgets.catalog import CatalogChecklist
from ui.widgets.guidance import GuidancePanel
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
