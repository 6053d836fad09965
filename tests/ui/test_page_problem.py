"""The 'Problem' page: statement, evidence table, cause and effect trees with undo, live picture, navigation."""

from __future__ import annotations

from datetime import date

import pytest
from PySide6.QtCore import QPoint, Qt
from PySide6.QtGui import QBrush
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QApplication, QComboBox, QListWidget, QPlainTextEdit
from pytestqt.qtbot import QtBot

from matrices.catalogs import Catalogs
from matrices.examples import load_example
from matrices.fieldmodel import FieldModel
from matrices.problem import Cause
from matrices.proposal import Proposal
from matrices.rules import default_rulebook
from tests.ui.helpers import MemoryDocument, type_text
from ui.commands import SetValueCommand
from ui.context import UiContext
from ui.models.evidence import COLUMNS, ILLUSTRATIVE_FILL
from ui.pages.problem import CAUSES, EFFECTS, EVIDENCE, STATEMENT, ProblemPage
from ui.pages.problem_tree_panel import TreeEditor
from ui.session import DocumentSession
from ui.widgets.tree_preview import DEBOUNCE_MS
from ui.writer import DocumentWriter

pytestmark = pytest.mark.gui


@pytest.fixture
def context(catalogs: Catalogs, field_model: FieldModel) -> UiContext:
    return UiContext(catalogs, field_model, default_rulebook(catalogs, field_model))


def make_page(
    qtbot: QtBot, context: UiContext, proposal: Proposal, *, read_only: bool = False, writer: DocumentWriter
) -> ProblemPage:
    page = ProblemPage(DocumentSession(MemoryDocument(read_only=read_only), proposal, writer=writer), context)
    qtbot.addWidget(page)
    page.resize(1200, 800)
    page.show()
    qtbot.waitExposed(page)
    page.activateWindow()
    # Shortcuts reach only the active window: wait until this page is it.
    qtbot.waitUntil(lambda: QApplication.activeWindow() is page, timeout=2000)
    return page


@pytest.fixture
def page(qtbot: QtBot, context: UiContext, example_es: Proposal, writer: DocumentWriter) -> ProblemPage:
    return make_page(qtbot, context, example_es, writer=writer)


def snapshot(page: ProblemPage) -> dict:
    return page.session.proposal.model_dump()


def press(editor: TreeEditor, key: Qt.Key, modifier: Qt.KeyboardModifier = Qt.KeyboardModifier.NoModifier) -> None:
    """Press a shortcut with the tree focused, as a participant would."""
    editor.view.setFocus()
    QTest.keyClick(editor.view, key, modifier)


def causes_by_id(page: ProblemPage) -> dict[str, Cause]:
    return {cause.id: cause for cause in page.session.proposal.problem_matrix.causes}


def assert_tree_consistent(page: ProblemPage) -> None:
    """Levels follow parents, every parent exists, and the list is in preorder (children after their parent)."""
    for kind in ("causes", "effects"):
        nodes = getattr(page.session.proposal.problem_matrix, kind)
        position = {node.id: index for index, node in enumerate(nodes)}
        for node in nodes:
            assert node.level == ("direct" if node.parent_id is None else "indirect"), node
            if node.parent_id is not None:
                assert node.parent_id in position
                assert position[node.parent_id] < position[node.id]


# -- statement ---------------------------------------------------------------------------------------------------


def test_statement_fields_show_and_take_spanish_text(page: ProblemPage) -> None:
    central = page.widgets["central_problem"]
    assert isinstance(central, QPlainTextEdit)
    original = page.session.proposal.problem_matrix.central_problem
    assert central.toPlainText() == original
    central.moveCursor(central.textCursor().MoveOperation.End)
    type_text(central, " Niñas y niños: ¿cuántos?")
    assert page.session.proposal.problem_matrix.central_problem == original + " Niñas y niños: ¿cuántos?"
    page.session.undo_stack.undo()
    assert page.session.proposal.problem_matrix.central_problem == original
    affected = page.widgets["affected_population"]
    affected.clear()  # type: ignore[attr-defined]
    type_text(affected, "Población migrante en tránsito")
    assert page.session.proposal.problem_matrix.affected_population == "Población migrante en tránsito"


# -- evidence ----------------------------------------------------------------------------------------------------


def test_evidence_table_shows_the_columns_and_codes(page: ProblemPage) -> None:
    model = page.evidence.model
    assert model.rowCount() == 4
    assert [model.headerData(c, Qt.Orientation.Horizontal) for c in range(1, len(COLUMNS))] == [
        "Descripción del dato",
        "Valor",
        "Unidad",
        "Fecha de corte",
        "Fuente",
        "Tipo de dato",
    ]
    row = [model.index(0, column).data() for column in range(len(COLUMNS))]
    assert row[0] == "D1"
    assert row[2] == "16.742"
    assert row[3] == "personas"
    assert row[4] == "31/05/2021"
    assert row[6] == "Dato oficial"
    assert model.rowCount(model.index(0, 0)) == 0
    assert model.columnCount(model.index(0, 0)) == 0


def test_illustrative_values_are_badged(page: ProblemPage) -> None:
    evidence = page.evidence
    evidence.select("D2")
    value_index = evidence.model.index(1, COLUMNS.index("value"))
    assert value_index.data(Qt.ItemDataRole.BackgroundRole) is None
    assert evidence.illustrative_badge.isHidden()
    combo = evidence.data_type
    combo.setCurrentIndex(combo.findData("illustrative"))
    combo.activated.emit(combo.currentIndex())
    assert page.session.proposal.problem_matrix.evidence[1].data_type == "illustrative"
    background = value_index.data(Qt.ItemDataRole.BackgroundRole)
    assert isinstance(background, QBrush)
    assert background.color() == ILLUSTRATIVE_FILL
    assert "not a real statistic" in value_index.data(Qt.ItemDataRole.ToolTipRole)
    assert not evidence.illustrative_badge.isHidden()


def test_add_a_datum_and_type_its_figures(page: ProblemPage) -> None:
    page.tabs.setCurrentIndex(EVIDENCE)
    evidence = page.evidence
    evidence.select("D4")
    evidence.table.setFocus()
    QTest.keyClick(evidence.table, Qt.Key.Key_Insert)
    items = page.session.proposal.problem_matrix.evidence
    assert len(items) == 5
    new = items[4]
    assert QApplication.focusWidget() is evidence.widgets["description"]
    type_text(evidence.widgets["description"], "Niñas y niños no acompañados registrados")
    type_text(evidence.value, "1250,5")
    evidence.cutoff.line_edit.setFocus()
    type_text(evidence.cutoff.line_edit, "31/12/2023")
    assert new.description == "Niñas y niños no acompañados registrados"
    assert new.value == 1250.5
    assert new.cutoff_date == date(2023, 12, 31)
    assert evidence.model.index(4, COLUMNS.index("value")).data() == "1.250,5"
    # Each field is its own undo step; the insertion is one more.
    for _ in range(4):
        page.session.undo_stack.undo()
    assert len(page.session.proposal.problem_matrix.evidence) == 4


def test_incomplete_date_is_kept_on_screen_but_not_stored(page: ProblemPage) -> None:
    evidence = page.evidence
    evidence.select("D1")
    line = evidence.cutoff.line_edit
    line.selectAll()
    type_text(line, "30/0")
    assert page.session.proposal.problem_matrix.evidence[0].cutoff_date == date(2021, 5, 31)
    assert line.text() == "30/0"
    type_text(line, "6/2022")
    assert page.session.proposal.problem_matrix.evidence[0].cutoff_date == date(2022, 6, 30)
    type_text(line, "9")  # 30/06/20229: no longer a date; the stored one stays
    assert page.session.proposal.problem_matrix.evidence[0].cutoff_date == date(2022, 6, 30)


def test_inline_edit_of_the_value_goes_through_undo(page: ProblemPage) -> None:
    model = page.evidence.model
    index = model.index(0, COLUMNS.index("value"))
    assert index.data(Qt.ItemDataRole.EditRole) == "16742"
    assert model.setData(index, "17000")
    assert page.session.proposal.problem_matrix.evidence[0].value == 17000
    assert not model.setData(index, "diecisiete")
    page.session.undo_stack.undo()
    assert page.session.proposal.problem_matrix.evidence[0].value == 16742


def test_removing_a_datum_unlinks_it_from_causes_in_one_undo_step(page: ProblemPage) -> None:
    page.tabs.setCurrentIndex(EVIDENCE)
    before = snapshot(page)
    page.evidence.select("D1")
    page.evidence.table.setFocus()
    QTest.keyClick(page.evidence.table, Qt.Key.Key_Delete)
    matrix = page.session.proposal.problem_matrix
    assert [item.id for item in matrix.evidence] == ["D2", "D3", "D4"]
    assert all("D1" not in cause.evidence_ids for cause in matrix.causes)
    assert page.evidence.selected_id() == "D2"
    page.session.undo_stack.undo()
    assert snapshot(page) == before
    page.session.undo_stack.redo()
    assert [item.id for item in page.session.proposal.problem_matrix.evidence] == ["D2", "D3", "D4"]


def test_moving_a_datum_keeps_it_selected(page: ProblemPage) -> None:
    page.tabs.setCurrentIndex(EVIDENCE)
    page.evidence.select("D3")
    page.evidence.table.setFocus()
    QTest.keyClick(page.evidence.table, Qt.Key.Key_Up, Qt.KeyboardModifier.AltModifier)
    assert [item.id for item in page.session.proposal.problem_matrix.evidence] == ["D1", "D3", "D2", "D4"]
    assert page.evidence.selected_id() == "D3"
    page.session.undo_stack.undo()
    assert [item.id for item in page.session.proposal.problem_matrix.evidence] == ["D1", "D2", "D3", "D4"]


# -- trees -------------------------------------------------------------------------------------------------------


def test_tree_model_nests_by_parent_and_shows_codes(page: ProblemPage) -> None:
    model = page.causes.model
    assert model.rowCount() == 5
    c2 = model.index_of("C2")
    assert model.rowCount(c2) == 4
    assert model.index(1, 0, c2).data() == "C2.2"
    assert model.parent(model.index_of("C2.2")).data(Qt.ItemDataRole.DisplayRole) == "C2"
    assert model.index_of("C2.2", 2).data() == "Media"
    assert page.effects.model.ids_in_order()[:2] == ["E1", "E1.1"]


def test_add_sibling_and_child_with_the_keyboard(page: ProblemPage) -> None:
    page.tabs.setCurrentIndex(CAUSES)
    causes = page.causes
    causes.select("C2.1")
    count = page.session.undo_stack.count()
    press(causes, Qt.Key.Key_Insert)
    new_sibling = causes.selected_id()
    node = causes_by_id(page)[new_sibling]  # type: ignore[index]
    # "Add cause" adds a direct cause, even from an indirect one ("Add sub-cause" is for indirect ones).
    assert (node.parent_id, node.level) == (None, "direct")
    assert causes.model.code(new_sibling) == "C3"  # right after C2's branch
    assert QApplication.focusWidget() is causes.form.widgets["description"]
    type_text(causes.form.widgets["description"], "Falta de intérpretes")
    assert node.description == "Falta de intérpretes"
    press(causes, Qt.Key.Key_Insert, Qt.KeyboardModifier.ControlModifier)
    child = causes.selected_id()
    assert causes_by_id(page)[child].parent_id == new_sibling  # type: ignore[index]
    assert causes.model.code(child) == "C3.1"
    assert page.session.undo_stack.count() == count + 3  # add, typing, add child
    assert_tree_consistent(page)
    page.session.undo_stack.undo()
    assert child not in causes_by_id(page)


def test_tree_keys_do_not_fire_while_typing_and_escape_returns_to_the_tree(page: ProblemPage) -> None:
    page.tabs.setCurrentIndex(CAUSES)
    causes = page.causes
    causes.select("C1.2")
    description = causes.form.widgets["description"]
    assert isinstance(description, QPlainTextEdit)
    description.setFocus()
    description.moveCursor(description.textCursor().MoveOperation.Start)
    QTest.keyClick(description, Qt.Key.Key_Delete)  # deletes a character, not the cause
    QTest.keyClick(description, Qt.Key.Key_Insert)
    assert "C1.2" in causes_by_id(page)
    assert len(causes_by_id(page)) == 16
    assert causes_by_id(page)["C1.2"].description.startswith("ampañas")
    QTest.keyClick(description, Qt.Key.Key_Escape)
    assert QApplication.focusWidget() is causes.view


def test_the_evidence_table_paints_its_badges(page: ProblemPage) -> None:
    page.tabs.setCurrentIndex(EVIDENCE)
    locator = ("problem_matrix", "evidence", ("id", "D3"))
    page.session.push(SetValueCommand(page.session, locator, "data_type", "illustrative", "tipo"))
    image = page.evidence.table.grab().toImage()
    assert not image.isNull()


def test_add_without_selection_makes_a_direct_cause(qtbot: QtBot, context: UiContext, writer: DocumentWriter) -> None:
    page = make_page(qtbot, context, Proposal(), writer=writer)
    page.tabs.setCurrentIndex(CAUSES)
    assert not page.causes.actions_["child"].isEnabled()
    press(page.causes, Qt.Key.Key_Insert)
    (cause,) = page.session.proposal.problem_matrix.causes
    assert (cause.parent_id, cause.level) == (None, "direct")
    assert len(cause.id) == 32  # matrices.base.new_id
    assert page.causes.model.code(cause.id) == "C1"


def test_indent_outdent_and_move_are_single_undo_steps(page: ProblemPage) -> None:
    page.tabs.setCurrentIndex(CAUSES)
    causes = page.causes
    before = snapshot(page)
    causes.select("C3")
    count = page.session.undo_stack.count()

    press(causes, Qt.Key.Key_Right, Qt.KeyboardModifier.ControlModifier)  # indent under C2
    c3 = causes_by_id(page)["C3"]
    assert (c3.parent_id, c3.level) == ("C2", "indirect")
    assert causes_by_id(page)["C3.1"].parent_id == "C3"  # the subtree moves along
    assert causes.model.code("C3") == "C2.5"
    assert causes.selected_id() == "C3"
    assert page.session.undo_stack.count() == count + 1
    assert_tree_consistent(page)

    press(causes, Qt.Key.Key_Up, Qt.KeyboardModifier.ControlModifier)  # before C2.4
    assert causes.model.code("C3") == "C2.4"
    press(causes, Qt.Key.Key_Left, Qt.KeyboardModifier.ControlModifier)  # back to the root, after C2
    c3 = causes_by_id(page)["C3"]
    assert (c3.parent_id, c3.level) == (None, "direct")
    assert causes.model.code("C3") == "C3"
    assert page.session.undo_stack.count() == count + 3
    assert_tree_consistent(page)

    press(causes, Qt.Key.Key_Down, Qt.KeyboardModifier.ControlModifier)
    assert causes.model.code("C3") == "C4"
    assert causes.model.code("C3.2") == "C4.2"

    for _ in range(4):
        page.session.undo_stack.undo()
    assert snapshot(page) == before
    for _ in range(4):
        page.session.undo_stack.redo()
    assert causes.model.code("C3") == "C4"
    assert_tree_consistent(page)


def test_first_sibling_cannot_be_indented_and_roots_cannot_be_outdented(page: ProblemPage) -> None:
    causes = page.causes
    causes.select("C1")
    assert not causes.actions_["indent"].isEnabled()
    assert not causes.actions_["outdent"].isEnabled()
    count = page.session.undo_stack.count()
    press(causes, Qt.Key.Key_Right, Qt.KeyboardModifier.ControlModifier)
    press(causes, Qt.Key.Key_Up, Qt.KeyboardModifier.ControlModifier)
    assert page.session.undo_stack.count() == count


def test_deleting_a_subtree_asks_and_undo_restores_links(page: ProblemPage) -> None:
    page.tabs.setCurrentIndex(CAUSES)
    causes = page.causes
    proposal = page.session.proposal
    before = snapshot(page)
    addressing = [axis.id for axis in proposal.strategy_matrix.axes if "C2.1" in axis.addressed_cause_ids]
    assert addressing, "the example links an axis to C2.1"
    questions: list[str] = []
    causes.deleter.confirm = lambda _title, question: questions.append(question) is None and False
    causes.select("C2")
    press(causes, Qt.Key.Key_Delete)
    assert len(questions) == 1
    assert "4" in questions[0]
    assert "C2" in questions[0]
    assert "C2" in causes_by_id(page)  # refused: nothing deleted
    causes.deleter.confirm = lambda _title, _question: True
    count = page.session.undo_stack.count()
    press(causes, Qt.Key.Key_Delete)
    ids = causes_by_id(page)
    assert not {"C2", "C2.1", "C2.2", "C2.3", "C2.4"} & set(ids)
    assert all("C2.1" not in axis.addressed_cause_ids for axis in proposal.strategy_matrix.axes)
    assert causes.selected_id() == "C3"
    assert page.session.undo_stack.count() == count + 1
    page.session.undo_stack.undo()
    assert snapshot(page) == before
    assert causes.model.code("C2.4") == "C2.4"


def test_deleting_a_leaf_does_not_ask(page: ProblemPage) -> None:
    page.tabs.setCurrentIndex(EFFECTS)
    effects = page.effects
    effects.deleter.confirm = lambda _title, _question: pytest.fail("a leaf must be deleted without asking")
    effects.select("E1.1")
    press(effects, Qt.Key.Key_Delete)
    assert "E1.1" not in [effect.id for effect in page.session.proposal.problem_matrix.effects]
    assert effects.selected_id() == "E1"  # no sibling left: the parent


def test_effect_form_edits_through_the_binder(page: ProblemPage) -> None:
    page.tabs.setCurrentIndex(EFFECTS)
    effects = page.effects
    effects.select("E2")
    severity = effects.form.widgets["severity"]
    assert isinstance(severity, QComboBox)
    severity.setCurrentIndex(severity.findData("low"))
    severity.activated.emit(severity.currentIndex())
    effect = next(effect for effect in page.session.proposal.problem_matrix.effects if effect.id == "E2")
    assert effect.severity == "low"
    assert effects.model.index_of("E2", 2).data() == "Baja"
    affected = effects.form.widgets["affected"]
    affected.clear()  # type: ignore[attr-defined]
    type_text(affected, "Niñas, niños y adolescentes")
    assert effect.affected == "Niñas, niños y adolescentes"


def test_cause_evidence_checklist_offers_the_data(page: ProblemPage) -> None:
    causes = page.causes
    causes.select("C2.2")
    view = causes.form.widgets["evidence_ids"].findChild(QListWidget)
    assert view.count() == 4
    assert view.item(0).text().startswith("D1 Migrantes")
    view.item(1).setCheckState(Qt.CheckState.Checked)
    assert causes_by_id(page)["C2.2"].evidence_ids == ["D2"]
    page.evidence.select("D4")
    page.evidence.remove()
    assert view.count() == 3  # the checklist follows the evidence list


def test_inline_edit_of_a_description(page: ProblemPage) -> None:
    model = page.causes.model
    page.causes.select("C1")
    index = model.index_of("C1", 1)
    assert model.flags(index) & Qt.ItemFlag.ItemIsEditable
    assert model.setData(index, "Información escasa")
    assert causes_by_id(page)["C1"].description == "Información escasa"
    assert index.data() == "Información escasa"
    assert page.causes.form.widgets["description"].toPlainText() == "Información escasa"  # type: ignore[attr-defined]


# -- picture, navigation, language, read-only --------------------------------------------------------------------


def test_picture_follows_edits_after_the_debounce(page: ProblemPage, qtbot: QtBot) -> None:
    preview = page.preview
    layout = preview.tree_layout
    assert layout is not None
    assert layout.box_for("C2.3") is not None
    page.tabs.setCurrentIndex(CAUSES)
    page.causes.select("C2.3")
    page.causes.deleter.confirm = lambda _title, _question: True
    press(page.causes, Qt.Key.Key_Delete)
    assert preview.is_pending()
    assert preview.tree_layout.box_for("C2.3") is not None  # not yet: typing must stay smooth
    qtbot.waitUntil(lambda: not preview.is_pending(), timeout=DEBOUNCE_MS * 10)
    assert preview.tree_layout.box_for("C2.3") is None
    image = preview.widget().grab().toImage()
    assert image.width() > 100
    assert image.height() > 100


def test_clicking_a_box_selects_it_in_its_tree(page: ProblemPage, qtbot: QtBot) -> None:
    preview = page.preview
    box = preview.tree_layout.box_for("E3")
    assert box is not None
    centre = box.rect.center()
    point = QPoint(round(centre.x() * preview.scale), round(centre.y() * preview.scale))
    QTest.mouseClick(preview.widget(), Qt.MouseButton.LeftButton, Qt.KeyboardModifier.NoModifier, point)
    assert page.tabs.currentIndex() == EFFECTS
    assert page.effects.selected_id() == "E3"


def test_show_item_selects_and_focuses(page: ProblemPage) -> None:
    page.show_item("C3.2", "governability")
    assert page.tabs.currentIndex() == CAUSES
    assert page.causes.selected_id() == "C3.2"
    assert QApplication.focusWidget() is page.causes.form.widgets["governability"]
    page.show_item("C1", "evidence_ids")
    assert isinstance(QApplication.focusWidget(), QListWidget)
    assert QApplication.focusWidget().parent() is page.causes.form.widgets["evidence_ids"]
    page.show_item("D2", "source")
    assert page.tabs.currentIndex() == EVIDENCE
    assert page.evidence.selected_id() == "D2"
    assert QApplication.focusWidget() is page.evidence.widgets["source"]
    page.show_item("E4.1", "parent_id")
    assert page.effects.selected_id() == "E4.1"
    assert QApplication.focusWidget() is page.effects.view
    page.show_item(None, "affected_population")
    assert page.tabs.currentIndex() == STATEMENT
    assert QApplication.focusWidget() is page.widgets["affected_population"]
    page.show_item(None, "evidence")
    assert QApplication.focusWidget() is page.evidence.table


def test_field_focus_is_announced(page: ProblemPage, qtbot: QtBot) -> None:
    with qtbot.waitSignal(page.field_focused, timeout=1000) as blocker:
        page.show_item("C1", "category")
    assert blocker.args == ["cause", "category"]
    with qtbot.waitSignal(page.field_focused, timeout=1000) as blocker:
        page.show_item("D1", "value")
    assert blocker.args == ["evidence", "value"]


def test_retranslate_to_english(page: ProblemPage) -> None:
    page.context.lang = "en"
    page.retranslate()
    assert page.tabs.tabText(CAUSES) == "Causes (16)"
    assert page.tabs.tabText(STATEMENT) == "Central problem"
    assert page._labels["context"].text() == "Context and background"
    assert page.causes.model.headerData(1, Qt.Orientation.Horizontal) == "Cause description"
    assert page.causes.model.index_of("C1", 2).data() == "Medium"
    assert page.evidence.model.index(0, COLUMNS.index("value")).data() == "16,742"
    assert page.evidence.model.index(0, COLUMNS.index("data_type")).data() == "Official figure"
    assert page.causes.form._labels["governability"].text() == "Governability"
    page.tabs.setCurrentIndex(CAUSES)
    zone_labels = {zone.label for zone in page.preview.tree_layout.zones}
    assert zone_labels == {"CAUSES", "EFFECTS"}


def test_read_only_shows_content_and_disables_editing(qtbot: QtBot, context: UiContext, writer: DocumentWriter) -> None:
    proposal = load_example("es")
    page = make_page(qtbot, context, proposal, read_only=True, writer=writer)
    central = page.widgets["central_problem"]
    assert isinstance(central, QPlainTextEdit)
    assert central.toPlainText() == proposal.problem_matrix.central_problem
    assert central.isReadOnly()
    page.tabs.setCurrentIndex(CAUSES)
    page.causes.select("C1")
    assert all(not action.isEnabled() for action in page.causes.actions_.values())
    press(page.causes, Qt.Key.Key_Insert)
    press(page.causes, Qt.Key.Key_Delete)
    assert len(proposal.problem_matrix.causes) == 16
    assert not page.causes.model.flags(page.causes.model.index_of("C1", 1)) & Qt.ItemFlag.ItemIsEditable
    assert not page.evidence.buttons["add"].isEnabled()
    assert page.evidence.value.isReadOnly()
    assert page.session.undo_stack.count() == 0
