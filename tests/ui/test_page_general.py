"""The 'General data' page: typing Spanish, catalogue pickers, undo, navigation, language switch, read-only."""

from __future__ import annotations

import pytest
from PySide6.QtCore import Qt
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QApplication, QComboBox, QLineEdit, QListWidget, QPlainTextEdit, QSpinBox
from pytestqt.qtbot import QtBot

from matrices.catalogs import Catalogs
from matrices.examples import load_example
from matrices.fieldmodel import FieldModel
from matrices.proposal import Proposal
from matrices.rules import default_rulebook
from tests.ui.helpers import MemoryDocument, type_text
from ui.context import UiContext
from ui.pages.general import GeneralPage
from ui.session import DocumentSession
from ui.widgets.catalog import CatalogChecklist
from ui.writer import DocumentWriter

pytestmark = pytest.mark.gui


@pytest.fixture
def context(catalogs: Catalogs, field_model: FieldModel) -> UiContext:
    return UiContext(catalogs, field_model, default_rulebook(catalogs, field_model))


def make_page(
    qtbot: QtBot, context: UiContext, proposal: Proposal, *, read_only: bool = False, writer: DocumentWriter
) -> GeneralPage:
    session = DocumentSession(MemoryDocument(read_only=read_only), proposal, writer=writer)
    page = GeneralPage(session, context)
    qtbot.addWidget(page)
    page.resize(1200, 800)
    page.show()
    qtbot.waitExposed(page)
    return page


@pytest.fixture
def page(qtbot: QtBot, context: UiContext, example_es: Proposal, writer: DocumentWriter) -> GeneralPage:
    return make_page(qtbot, context, example_es, writer=writer)


def checklist_items(checklist: CatalogChecklist) -> QListWidget:
    view = checklist.findChild(QListWidget)
    assert view is not None
    return view


def test_typing_spanish_in_the_title_is_one_undo_step(page: GeneralPage) -> None:
    title = page.widgets["title"]
    assert isinstance(title, QLineEdit)
    original = page.session.proposal.title
    title.setCursorPosition(len(title.text()))
    type_text(title, " — niñez, género y protección €")
    assert page.session.proposal.title == original + " — niñez, género y protección €"
    page.session.undo_stack.undo()
    assert page.session.proposal.title == original
    assert title.text() == original


def test_every_text_field_writes_the_proposal(page: GeneralPage) -> None:
    proposal = page.session.proposal
    for key, text in (
        ("territory", "Comarca Guna Yala"),
        ("proposing_institution", "Servicio Nacional de Migración"),
        ("data_disclaimer", "Cifras ilustrativas: año 2024."),
    ):
        widget = page.widgets[key]
        widget.clear()  # type: ignore[attr-defined]
        type_text(widget, text)
        assert getattr(proposal, key) == text
    authors = page.widgets["authors"]
    assert isinstance(authors, QPlainTextEdit)
    authors.clear()
    type_text(authors, "Ana Núñez")
    QTest.keyClick(authors, Qt.Key.Key_Return)
    type_text(authors, "José Pérez")
    assert proposal.authors == ["Ana Núñez", "José Pérez"]


def test_combo_shows_catalogue_labels_and_keyboard_choice_is_undoable(page: GeneralPage) -> None:
    combo = page.widgets["policy_area"]
    assert isinstance(combo, QComboBox)
    assert combo.currentText() == "Tráfico ilícito de migrantes"  # a label, never the id "smuggling"
    before = page.session.proposal.policy_area
    combo.setFocus()
    QTest.keyClick(combo, Qt.Key.Key_Down)
    assert page.session.proposal.policy_area != before
    assert page.session.proposal.policy_area == combo.currentData()
    page.session.undo_stack.undo()
    assert page.session.proposal.policy_area == before
    assert combo.currentData() == before


def test_horizon_years_can_be_typed_and_blanked(page: GeneralPage) -> None:
    end = page.widgets["horizon.end_year"]
    assert isinstance(end, QSpinBox)
    end.lineEdit().selectAll()
    type_text(end, "2030")
    assert page.session.proposal.horizon.end_year == 2030
    end.lineEdit().selectAll()
    QTest.keyClick(end, Qt.Key.Key_Backspace)
    end.interpretText()
    assert page.session.proposal.horizon.end_year is None
    assert end.text() == "—"
    page.session.undo_stack.undo()
    assert page.session.proposal.horizon.end_year == 2025


def test_blank_year_steps_to_the_current_year(qtbot: QtBot, context: UiContext, writer: DocumentWriter) -> None:
    page = make_page(qtbot, context, Proposal(), writer=writer)
    start = page.widgets["horizon.start_year"]
    assert isinstance(start, QSpinBox)
    assert page.session.proposal.horizon.start_year is None
    assert start.text() == "—"
    start.stepUp()
    assert page.session.proposal.horizon.start_year is not None
    assert page.session.proposal.horizon.start_year >= 2024


def test_alignment_checklist_shows_numbered_labels_and_ticking_is_undoable(page: GeneralPage) -> None:
    checklist = page.widgets["alignment.sdg_targets"]
    assert isinstance(checklist, CatalogChecklist)
    view = checklist_items(checklist)
    texts = [view.item(row).text() for row in range(view.count())]
    target = next(row for row, text in enumerate(texts) if text.startswith("10.7 "))
    assert "migración" in texts[target]
    unchecked = next(row for row in range(view.count()) if view.item(row).checkState() == Qt.CheckState.Unchecked)
    before = list(page.session.proposal.alignment.sdg_targets)
    view.item(unchecked).setCheckState(Qt.CheckState.Checked)
    added = view.item(unchecked).data(Qt.ItemDataRole.UserRole)
    assert added in page.session.proposal.alignment.sdg_targets
    assert page._alignment_nav.item(2).text().endswith(str(len(before) + 1))  # the count follows
    page.session.undo_stack.undo()
    assert page.session.proposal.alignment.sdg_targets == before
    assert view.item(unchecked).checkState() == Qt.CheckState.Unchecked


def test_cross_cutting_approaches_and_content_language(page: GeneralPage) -> None:
    approaches = page.widgets["cross_cutting_approaches"]
    assert isinstance(approaches, CatalogChecklist)
    view = checklist_items(approaches)
    disability = next(row for row in range(view.count()) if "discapacidad" in view.item(row).text())
    view.item(disability).setCheckState(Qt.CheckState.Checked)
    assert "disability" in page.session.proposal.cross_cutting_approaches
    assert page._language_value.text() == "Español"


def test_focus_announces_the_field_for_the_guidance_panel(page: GeneralPage, qtbot: QtBot) -> None:
    with qtbot.waitSignal(page.field_focused, timeout=1000) as blocker:
        page.show_item(None, "horizon.start_year")
    assert blocker.args == ["proposal", "horizon.start_year"]
    with qtbot.waitSignal(page.field_focused, timeout=1000) as blocker:
        page.show_item(None, "alignment.gcm_objectives")
    assert blocker.args == ["proposal", "alignment.gcm_objectives"]


def test_show_item_focuses_the_field(page: GeneralPage) -> None:
    page.show_item(None, "territory")
    assert QApplication.focusWidget() is page.widgets["territory"]
    page.show_item(None, "alignment.mgi_domains")
    checklist = page.widgets["alignment.mgi_domains"]
    assert page._alignment_stack.currentWidget() is checklist
    assert QApplication.focusWidget() is checklist_items(checklist)  # type: ignore[arg-type]
    page.show_item(None, "horizon")
    assert QApplication.focusWidget() is page.widgets["horizon.start_year"]


def test_retranslate_shows_english_labels_and_catalogues(page: GeneralPage) -> None:
    title_label = page._labels["title"]
    assert title_label.text() == "Título de la propuesta"
    page.context.lang = "en"
    page.retranslate()
    assert title_label.text() == "Proposal title"
    assert page.widgets["title"].accessibleName() == "Proposal title"
    combo = page.widgets["policy_area"]
    assert isinstance(combo, QComboBox)
    assert combo.currentText() == "Migrant smuggling"
    assert page._alignment_nav.item(0).text().startswith("GCM objectives")
    view = checklist_items(page.widgets["alignment.gcm_objectives"])  # type: ignore[arg-type]
    assert view.item(8).text().startswith("9.  Strengthen")
    # The proposal's own text is content, not interface: it stays in Spanish.
    assert page.session.proposal.title.startswith("Estrategia")


def test_read_only_session_shows_content_but_refuses_edits(
    qtbot: QtBot, context: UiContext, writer: DocumentWriter
) -> None:
    proposal = load_example("es")
    page = make_page(qtbot, context, proposal, read_only=True, writer=writer)
    title = page.widgets["title"]
    assert isinstance(title, QLineEdit)
    assert title.text() == proposal.title
    assert title.isReadOnly()
    type_text(title, "x")
    assert proposal.title == load_example("es").title
    assert not page.widgets["policy_area"].isEnabled()
    assert not page.widgets["horizon.end_year"].isEnabled()
    assert not checklist_items(page.widgets["alignment.gcm_objectives"]).isEnabled()  # type: ignore[arg-type]
    assert page.session.undo_stack.count() == 0
