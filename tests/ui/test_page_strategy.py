"""The strategic axes page: typing Spanish, structural edits with undo, navigation, language and read-only."""

from __future__ import annotations

from collections.abc import Callable

import pytest
from PySide6.QtCore import Qt
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QApplication, QLineEdit, QListWidget, QPlainTextEdit, QWidget
from pytestqt.qtbot import QtBot

from matrices.catalogs import Catalogs
from matrices.examples import load_example
from matrices.fieldmodel import FieldModel
from matrices.proposal import Proposal
from matrices.rules import default_rulebook
from matrices.strategy import Axis
from tests.conftest import with_uuid_ids
from tests.ui.helpers import MemoryDocument, type_text
from ui.commands import RemoveItemCommand, SetValueCommand
from ui.context import UiContext
from ui.models.item_table import ItemTableModel, parse_number
from ui.pages.strategy import TAB_AXES, TAB_EXCLUDED, TAB_INDICATORS, TAB_OBJECTIVE, StrategyPage
from ui.pages.strategy_axes import TAB_ALIGNMENT, TAB_LINES, TAB_RESPONSIBILITY
from ui.session import DocumentSession
from ui.writer import DocumentWriter

PageFactory = Callable[..., StrategyPage]


@pytest.fixture
def context(catalogs: Catalogs, field_model: FieldModel) -> UiContext:
    return UiContext(catalogs, field_model, default_rulebook(catalogs, field_model))


@pytest.fixture
def make_page(qtbot: QtBot, context: UiContext, example_es: Proposal, writer: DocumentWriter) -> PageFactory:
    def make(read_only: bool = False, proposal: Proposal | None = None) -> StrategyPage:
        session = DocumentSession(MemoryDocument(read_only=read_only), proposal or example_es, writer=writer)
        page = StrategyPage(session, context)
        qtbot.addWidget(page)
        page.resize(1200, 800)
        page.show()
        qtbot.waitExposed(page)
        # Focus changes end an undo step, and Qt only delivers them to the active window.
        page.activateWindow()
        qtbot.waitUntil(lambda: QApplication.activeWindow() is page)
        return page

    return make


def axes_of(page: StrategyPage) -> list[Axis]:
    """Return the axes list as it is now (structural edits replace the list object)."""
    return page.session.proposal.strategy_matrix.axes


def undo(page: StrategyPage, steps: int = 1) -> None:
    for _ in range(steps):
        page.session.undo_stack.undo()


def replace_text(widget: QLineEdit | QPlainTextEdit, text: str) -> None:
    """Select everything and type over it, as a participant would."""
    widget.setFocus()
    widget.selectAll()
    type_text(widget, text)


def column(model: ItemTableModel, key: str) -> int:
    number = model.column_of(key)
    assert number >= 0, key
    return number


def focused(page: StrategyPage) -> QWidget | None:
    return page.window().focusWidget()


# -- typing ---------------------------------------------------------------------------------------------------------


def test_typing_the_general_objective_and_one_undo_restores_it(make_page: PageFactory) -> None:
    page = make_page()
    original = page.session.proposal.strategy_matrix.general_objective
    replace_text(page.general_objective, "Reducir la exposición de niñas y niños en tránsito")
    assert (
        page.session.proposal.strategy_matrix.general_objective == "Reducir la exposición de niñas y niños en tránsito"
    )
    undo(page)
    assert page.session.proposal.strategy_matrix.general_objective == original
    assert page.general_objective.toPlainText() == original


def test_typing_in_the_selected_axis_form(make_page: PageFactory) -> None:
    page = make_page()
    page.tabs.setCurrentIndex(TAB_AXES)
    assert page.axes.select_axis("EJ2")
    axes = page.session.proposal.strategy_matrix.axes
    original = axes[1].strategic_objective
    name = page.axes.widgets["name"]
    assert isinstance(name, QPlainTextEdit)
    assert name.toPlainText() == axes[1].name
    replace_text(name, "Persecución del delito y cooperación con Colombia")
    assert axes[1].name == "Persecución del delito y cooperación con Colombia"
    assert "Colombia" in page.axes.title.text(), "the form's title follows the name"
    objective = page.axes.widgets["strategic_objective"]
    assert isinstance(objective, QPlainTextEdit)
    replace_text(objective, "A 2025, aumentar en 50 % los casos judicializados")
    assert axes[1].strategic_objective == "A 2025, aumentar en 50 % los casos judicializados"
    undo(page)
    assert axes[1].strategic_objective == original
    undo(page)
    assert axes[1].name == "Persecución del delito y cooperación binacional"
    assert axes[0].name == "Prevención e información para personas migrantes", "other axes are untouched"


def test_expected_results_are_one_per_line(make_page: PageFactory) -> None:
    page = make_page()
    page.tabs.setCurrentIndex(TAB_AXES)
    page.axes.tabs.setCurrentIndex(TAB_LINES)
    results = page.axes.widgets["expected_results"]
    assert isinstance(results, QPlainTextEdit)
    replace_text(results, "Campaña en cinco idiomas")
    QTest.keyClick(results, Qt.Key.Key_Return)
    type_text(results, "Canal de denuncia en señas")
    axis = page.session.proposal.strategy_matrix.axes[0]
    assert axis.expected_results == ["Campaña en cinco idiomas", "Canal de denuncia en señas"]
    undo(page)
    assert axis.expected_results == [
        "Materiales de la campaña disponibles en cinco idiomas.",
        "Canal oficial operativo con protocolo de respuesta.",
    ]


def test_numbers_and_years_in_the_indicator_form(make_page: PageFactory) -> None:
    page = make_page()
    page.tabs.setCurrentIndex(TAB_INDICATORS)
    editor = page.general_indicators
    indicator = page.session.proposal.strategy_matrix.general_indicators[0]
    assert editor.current_id() == indicator.id
    value = editor.widgets["baseline.value"]
    year = editor.widgets["target.year"]
    assert isinstance(value, QLineEdit)
    assert isinstance(year, QLineEdit)
    replace_text(value, "12,5")
    assert indicator.baseline.value == 12.5
    assert value.text() == "12,5", "the decimal comma is kept while typing"
    replace_text(year, "20")
    assert indicator.target.year == 2025, "an incomplete year is not stored"
    type_text(year, "24")
    assert indicator.target.year == 2024
    undo(page)
    assert indicator.target.year == 2025
    undo(page)
    assert indicator.baseline.value is None
    assert value.text() == ""


def test_indicator_table_cells_edit_through_commands(make_page: PageFactory) -> None:
    page = make_page()
    model = page.general_indicators.model
    indicator = page.session.proposal.strategy_matrix.general_indicators[1]
    frequency = model.index(1, column(model, "frequency"))
    assert frequency.data() == "Trimestral"
    assert model.setData(frequency, "monthly")
    assert indicator.frequency == "monthly"
    assert frequency.data() == "Mensual"
    target_year = model.index(1, column(model, "target.year"))
    assert not model.setData(target_year, "20"), "an incomplete year is refused"
    assert model.setData(target_year, "2024")
    assert indicator.target.year == 2024
    assert model.rowCount(frequency) == 0
    assert model.columnCount(frequency) == 0
    undo(page, 2)
    assert indicator.frequency == "quarterly"
    assert indicator.target.year == 2025


def test_lines_of_action_are_typed_in_place(make_page: PageFactory, qtbot: QtBot) -> None:
    page = make_page()
    page.tabs.setCurrentIndex(TAB_AXES)
    page.axes.tabs.setCurrentIndex(TAB_LINES)
    lines = page.axes.lines
    axis = page.session.proposal.strategy_matrix.axes[0]
    lines.select_row(2)
    lines.add_button.click()
    assert len(axis.lines_of_action) == 4
    assert lines.current_row() == 3
    index = lines.model.index(3, column(lines.model, "text"))
    lines.table.edit(index)
    editor = lines.table.findChild(QLineEdit)
    assert editor is not None
    type_text(editor, "Capacitar a guías comunitarios en señas y lenguas emberá")
    QTest.keyClick(editor, Qt.Key.Key_Return)
    qtbot.waitUntil(lambda: axis.lines_of_action[3].text != "")
    assert axis.lines_of_action[3].text == "Capacitar a guías comunitarios en señas y lenguas emberá"
    assert lines.model.index(3, 0).data() == "EJ1.L4", "a new line gets a code from its position"
    undo(page)
    assert axis.lines_of_action[3].text == ""
    undo(page)
    assert len(axis.lines_of_action) == 3


# -- structure ------------------------------------------------------------------------------------------------------


def test_add_move_and_remove_axes_one_undo_step_each(make_page: PageFactory) -> None:
    page = make_page()
    page.tabs.setCurrentIndex(TAB_AXES)
    before = [axis.model_dump() for axis in axes_of(page)]
    panel = page.axes
    panel.select_axis("EJ2")
    panel.axes.add_button.click()
    assert [axis.id for axis in axes_of(page)][:2] == ["EJ1", "EJ2"]
    new = axes_of(page)[2]
    assert len(new.id) == 32, "new axes get a fresh stable id"
    assert panel.current_axis() is new, "the new axis is selected and shown in the form"
    assert panel.axis_code() == "EJ3"
    name = panel.widgets["name"]
    assert isinstance(name, QPlainTextEdit)
    assert name.isEnabled()
    assert name.toPlainText() == ""
    panel.axes.up_button.click()
    assert axes_of(page)[1] is new
    panel.axes.down_button.click()
    panel.axes.down_button.click()
    assert axes_of(page)[3] is new
    panel.axes.remove_button.click()
    assert new.id not in [axis.id for axis in axes_of(page)]
    assert len(axes_of(page)) == 4
    undo(page)
    assert axes_of(page)[3].id == new.id
    undo(page, 3)
    assert len(axes_of(page)) == 5
    assert axes_of(page)[2].id == new.id
    undo(page)
    assert [axis.model_dump() for axis in axes_of(page)] == before
    page.session.undo_stack.redo()
    assert len(axes_of(page)) == 5
    assert panel.axes.model.rowCount() == 5


def test_removing_an_axis_keeps_its_content_for_undo(make_page: PageFactory) -> None:
    page = make_page()
    page.tabs.setCurrentIndex(TAB_AXES)
    removed = axes_of(page)[0].model_dump()
    page.axes.select_axis("EJ1")
    page.axes.axes.remove_button.click()
    assert axes_of(page)[0].id == "EJ2"
    assert page.axes.current_axis() is axes_of(page)[0], "the next axis is shown"
    undo(page)
    assert axes_of(page)[0].model_dump() == removed
    page.session.undo_stack.redo()
    assert [axis.id for axis in axes_of(page)] == ["EJ2", "EJ3", "EJ4"]


def test_an_axis_list_can_be_emptied_and_started_again(make_page: PageFactory) -> None:
    page = make_page(proposal=Proposal())
    page.tabs.setCurrentIndex(TAB_AXES)
    panel = page.axes
    assert panel.stack.currentIndex() == 0, "an empty list shows the hint, not a disabled form"
    assert not panel.axes.remove_button.isEnabled()
    panel.axes.add_button.click()
    assert panel.stack.currentIndex() == 1
    replace_text(panel.widgets["name"], "Protección de la niñez")  # type: ignore[arg-type]
    assert page.session.proposal.strategy_matrix.axes[0].name == "Protección de la niñez"


def test_indicators_of_an_axis_add_and_remove(make_page: PageFactory) -> None:
    page = make_page()
    page.tabs.setCurrentIndex(TAB_AXES)
    page.axes.select_axis("EJ2")
    editor = page.axes.indicators
    axis = page.session.proposal.strategy_matrix.axes[1]
    assert editor.model.rowCount() == len(axis.indicators) == 3
    editor.list.select_row(2)
    editor.list.add_button.click()
    assert len(axis.indicators) == 4
    assert editor.current_id() == axis.indicators[3].id
    assert editor.model.index(3, 0).data() == "IND2.4"
    replace_text(editor.widgets["name"], "Número de fiscales certificados en Darién")  # type: ignore[arg-type]
    assert axis.indicators[3].name == "Número de fiscales certificados en Darién"
    page.axes.select_axis("EJ1")
    assert editor.model.rowCount() == 2, "the table follows the selected axis"
    undo(page, 2)
    assert len(axis.indicators) == 3


# -- links to other matrices and optional objects --------------------------------------------------------------------


def test_cost_is_created_on_first_edit_in_one_undo_step(make_page: PageFactory) -> None:
    proposal = load_example("es")
    proposal.strategy_matrix.axes[3].estimated_cost = None
    page = make_page(proposal=proposal)
    page.tabs.setCurrentIndex(TAB_AXES)
    page.axes.select_axis("EJ4")
    page.axes.tabs.setCurrentIndex(TAB_RESPONSIBILITY)
    amount = page.axes.widgets["estimated_cost.amount"]
    currency = page.axes.widgets["estimated_cost.currency"]
    assert isinstance(amount, QLineEdit)
    assert isinstance(currency, QLineEdit)
    assert amount.isEnabled()
    assert not page.axes.remove_cost.isEnabled()
    type_text(amount, "150000")
    axis = proposal.strategy_matrix.axes[3]
    assert axis.estimated_cost is not None
    assert axis.estimated_cost.amount == 150000
    assert page.session.undo_stack.count() == 1, "creating the cost and typing the figure is one step"
    type_text(currency, "USD")
    assert axis.estimated_cost.currency == "USD"
    assert page.axes.remove_cost.isEnabled()
    undo(page)
    assert axis.estimated_cost.currency is None
    undo(page)
    assert axis.estimated_cost is None
    assert amount.text() == ""
    page.session.undo_stack.redo()
    page.session.undo_stack.redo()
    page.axes.remove_cost.click()
    assert axis.estimated_cost is None
    undo(page)
    assert axis.estimated_cost is not None
    assert axis.estimated_cost.amount == 150000


def test_causes_checklist_shows_tree_codes_and_edits(make_page: PageFactory) -> None:
    page = make_page()
    page.tabs.setCurrentIndex(TAB_AXES)
    page.axes.select_axis("EJ1")
    view = page.axes.causes.findChild(QListWidget)
    assert view is not None
    texts = [view.item(row).text() for row in range(view.count())]
    assert texts[0].startswith("C1  Información escasa")
    assert texts[1].strip().startswith("C1.1  Las redes")
    axis = page.session.proposal.strategy_matrix.axes[0]
    view.item(3).setCheckState(Qt.CheckState.Checked)  # C2
    assert axis.addressed_cause_ids == ["C1", "C1.1", "C1.2", "C2"]
    undo(page)
    assert axis.addressed_cause_ids == ["C1", "C1.1", "C1.2"]
    # A cause edited on the problem page shows here with its new wording.
    causes = ("problem_matrix", "causes", ("id", "C2"))
    page.session.push(SetValueCommand(page.session, causes, "description", "Débil persecución penal", "causa"))
    assert view.item(3).text() == "C2  Débil persecución penal"


def test_actor_pickers_follow_the_actors_matrix(make_page: PageFactory) -> None:
    page = make_page()
    page.tabs.setCurrentIndex(TAB_AXES)
    page.axes.tabs.setCurrentIndex(TAB_RESPONSIBILITY)
    lead = page.axes.lead
    axis = page.session.proposal.strategy_matrix.axes[0]
    assert lead.currentText() == "Servicio Nacional de Migración (SNM)"
    index = lead.findData("A03")
    lead.setCurrentIndex(index)
    lead.activated.emit(index)
    assert axis.lead_actor_id == "A03"
    actor = ("actor_matrix", "actors", ("id", "A03"))
    page.hide()  # renamed while another page is shown: caught up when this page shows again
    page.session.push(SetValueCommand(page.session, actor, "name", "Procuraduría General", "nombre"))
    page.show()
    assert lead.currentText() == "Procuraduría General (MP)"
    undo(page, 2)
    assert axis.lead_actor_id == "A01"


def test_ends_pick_an_effect_and_excluded_causes_update_the_coverage(make_page: PageFactory) -> None:
    page = make_page()
    ends = page.ends_model
    effect = ends.index(1, column(ends, "effect_id"))
    assert effect.data().startswith("E2  Robos")
    assert ends.setData(effect, "E2.1")
    assert page.session.proposal.strategy_matrix.ends[1].effect_id == "E2.1"
    page.tabs.setCurrentIndex(TAB_EXCLUDED)
    assert "C5" in page.coverage.text().split("Neither")[0]
    page.excluded.select_row(0)
    page.excluded.remove_button.click()
    assert page.session.proposal.strategy_matrix.excluded_causes == []
    assert "C5" in page.coverage.text().split("Neither")[1], "C5 is now neither addressed nor excluded"
    page.excluded.add_button.click()
    excluded = page.excluded_model
    cause = excluded.index(0, column(excluded, "cause_id"))
    assert excluded.setData(cause, "C5")
    assert excluded.setData(
        excluded.index(0, column(excluded, "justification")), "Baja gobernabilidad: países de origen"
    )
    item = page.session.proposal.strategy_matrix.excluded_causes[0]
    assert (item.cause_id, item.justification) == ("C5", "Baja gobernabilidad: países de origen")
    assert "C5" in page.coverage.text().split("Neither")[0]
    undo(page, 4)
    assert page.session.proposal.strategy_matrix.excluded_causes[0].justification.startswith("Causa de gobernabilidad")
    assert page.tabs.tabText(TAB_EXCLUDED).endswith("(1)")


# -- navigation, language, read-only --------------------------------------------------------------------------------


def test_show_item_selects_and_focuses_the_field(make_page: PageFactory) -> None:
    page = make_page()
    page.activateWindow()
    page.show_item(None, "general_objective")
    assert page.tabs.currentIndex() == TAB_OBJECTIVE
    assert focused(page) is page.general_objective

    page.show_item("EJ2", "alignment.gcm_objectives")
    assert page.tabs.currentIndex() == TAB_AXES
    assert page.axes.current_axis().id == "EJ2"  # type: ignore[union-attr]
    assert page.axes.tabs.currentIndex() == TAB_ALIGNMENT
    assert focused(page) is page.axes.alignment_lists["gcm_objectives"].findChild(QListWidget)

    page.show_item("EJ3", "estimated_cost.amount")
    assert page.axes.current_axis().id == "EJ3"  # type: ignore[union-attr]
    assert focused(page) is page.axes.widgets["estimated_cost.amount"]

    page.show_item("IND2.1", "baseline")
    assert page.axes.current_axis().id == "EJ2"  # type: ignore[union-attr]
    assert page.axes.indicators.current_id() == "IND2.1"
    assert focused(page) is page.axes.indicators.widgets["baseline.value"]

    page.show_item("INDG2", "means_of_verification")
    assert page.tabs.currentIndex() == TAB_INDICATORS
    assert page.general_indicators.current_id() == "INDG2"
    assert focused(page) is page.general_indicators.widgets["means_of_verification"]

    page.show_item("EJ1.L2", "text")
    assert page.axes.tabs.currentIndex() == TAB_LINES
    assert page.axes.lines.current_row() == 1
    assert focused(page) is page.axes.lines.table

    page.show_item("F2", "description")
    assert page.ends.table.currentIndex().row() == 1
    assert focused(page) is page.ends.table

    page.show_item("C5", "justification")
    assert page.tabs.currentIndex() == TAB_EXCLUDED
    current = page.excluded.table.currentIndex()
    assert (current.row(), current.column()) == (0, column(page.excluded_model, "justification"))


def test_focusing_a_field_announces_it_for_the_guidance_panel(make_page: PageFactory, qtbot: QtBot) -> None:
    page = make_page()
    page.activateWindow()
    page.tabs.setCurrentIndex(TAB_INDICATORS)
    with qtbot.waitSignal(page.field_focused) as blocker:
        page.general_indicators.widgets["baseline.year"].setFocus()
    assert blocker.args == ["indicator", "baseline.year"]
    page.tabs.setCurrentIndex(TAB_AXES)
    with qtbot.waitSignal(page.field_focused) as blocker:
        page.axes.widgets["strategic_objective"].setFocus()
    assert blocker.args == ["axis", "strategic_objective"]


def test_retranslate_to_english_changes_the_visible_labels(make_page: PageFactory) -> None:
    page = make_page()
    label = page.labels["general_objective"]
    assert label.text() == "Objetivo general"
    assert page.title() == "Ejes estratégicos"
    timeframe = page.axes.timeframe
    assert timeframe.currentText() == "Mediano plazo (1 a 3 años)"
    page.context.lang = "en"
    page.retranslate()
    assert label.text() == "General objective"
    assert page.title() == "Strategic axes"
    assert page.tabs.tabText(TAB_AXES) == "Strategic axes (4)"
    assert page.axes.labels["strategic_objective"].text() == "Strategic objective"
    assert timeframe.currentText().startswith("Medium"), "catalogue labels follow the language, the value stays"
    assert page.general_indicators.model.headerData(2, Qt.Orientation.Horizontal) == "Level"
    assert page.general_indicators.model.index(0, 2).data() == "Impact (goal)"
    assert page.axes.labels["alignment.sdg_targets"].text() == "SDG targets"
    assert page.session.proposal.strategy_matrix.axes[0].timeframe == "medium"


def test_read_only_document_shows_content_but_refuses_edits(make_page: PageFactory) -> None:
    page = make_page(read_only=True)
    before = page.session.proposal.model_dump()
    assert page.general_objective.toPlainText().startswith("Reducir la exposición")
    assert page.general_objective.isReadOnly()
    type_text(page.general_objective, "x")
    page.tabs.setCurrentIndex(TAB_AXES)
    panel = page.axes
    name = panel.widgets["name"]
    assert isinstance(name, QPlainTextEdit)
    assert name.isReadOnly()
    assert not panel.axes.add_button.isEnabled()
    assert not panel.axes.remove_button.isEnabled()
    assert not panel.lines.add_button.isEnabled()
    assert not panel.remove_cost.isEnabled()
    assert not panel.timeframe.isEnabled()
    assert isinstance(panel.widgets["estimated_cost.amount"], QLineEdit)
    assert panel.widgets["estimated_cost.amount"].isReadOnly()
    model = page.general_indicators.model
    index = model.index(0, column(model, "name"))
    assert not model.flags(index) & Qt.ItemFlag.ItemIsEditable
    assert not model.setData(index, "otro")
    panel.axes.add_item()
    assert page.session.proposal.model_dump() == before
    assert page.session.undo_stack.count() == 0


def test_parse_number_accepts_a_decimal_comma() -> None:
    assert parse_number("1,5") == (True, 1.5)
    assert parse_number("-30") == (True, -30)
    assert parse_number("") == (True, None)
    assert parse_number("3,") == (False, None)
    assert parse_number("2025", year=True) == (True, 2025)
    assert parse_number("202", year=True) == (False, None)


def test_a_cause_removed_elsewhere_leaves_the_axis_selection_intact(make_page: PageFactory) -> None:
    page = make_page()
    page.tabs.setCurrentIndex(TAB_AXES)
    causes = ("problem_matrix", "causes")
    page.session.push(RemoveItemCommand(page.session, causes, 1, "borrar"))  # C1.1, addressed by EJ1
    axis = page.session.proposal.strategy_matrix.axes[0]
    assert axis.addressed_cause_ids == ["C1", "C1.1", "C1.2"], "a dangling link is kept, for the rules to report"
    view = page.axes.causes.findChild(QListWidget)
    assert view is not None
    assert all("C1.1  Las redes" not in view.item(row).text() for row in range(view.count()))
    # The unknown id survives the next edit of the checklist instead of being dropped silently.
    view.item(3).setCheckState(Qt.CheckState.Checked)
    assert "C1.1" in axis.addressed_cause_ids


def test_keyboard_walks_the_indicator_form_in_visual_order(make_page: PageFactory) -> None:
    page = make_page()
    page.tabs.setCurrentIndex(TAB_INDICATORS)
    widgets = page.general_indicators.widgets
    visited = []
    widgets["name"].setFocus()
    for _ in range(5):
        QTest.keyClick(focused(page), Qt.Key.Key_Tab)  # type: ignore[arg-type]
        visited.append(focused(page))
    keys = ["level", "dimension", "formula", "unit", "frequency"]
    assert visited == [widgets[key] for key in keys]
    widgets["notes"].setFocus()
    QTest.keyClick(widgets["notes"], Qt.Key.Key_Tab)
    assert focused(page) is widgets["baseline.value"]


def test_a_new_axis_takes_the_keyboard_to_its_name(make_page: PageFactory) -> None:
    page = make_page()
    page.tabs.setCurrentIndex(TAB_AXES)
    page.axes.tabs.setCurrentIndex(TAB_ALIGNMENT)
    page.axes.axes.table.setFocus()
    QTest.keyClick(page.axes.axes.table, Qt.Key.Key_Insert)
    assert len(axes_of(page)) == 5
    assert page.axes.tabs.currentIndex() != TAB_ALIGNMENT
    assert focused(page) is page.axes.widgets["name"]
    type_text(page.axes.widgets["name"], "Integración local")
    assert axes_of(page)[1].name == "Integración local"


def test_the_axis_sdg_list_shows_target_numbers_and_finds_one_by_its_number(make_page: PageFactory) -> None:
    page = make_page()
    checklist = page.axes.alignment_lists["sdg_targets"]
    checklist.findChild(QLineEdit).setText("8.8")
    items = checklist.findChild(QListWidget)
    shown = [items.item(row).text() for row in range(items.count()) if not items.item(row).isHidden()]
    assert len(shown) == 1
    assert shown[0].startswith("8.8 ")


def test_items_with_ids_from_elsewhere_are_shown_by_code(make_page: PageFactory, example_es: Proposal) -> None:
    # A proposal written by another tool may carry UUIDs with hyphens: still codes, never ids, on screen.
    page = make_page(proposal=with_uuid_ids(example_es, hyphens=True))
    model = page.axes.axes_model
    assert [model.code(row) for row in range(model.rowCount())] == ["EJ1", "EJ2", "EJ3", "EJ4"]
    assert "C1 (EJ1)" in page.coverage.text()
    assert "-" not in page.coverage.text().split("C1 (")[1].split(")")[0]
