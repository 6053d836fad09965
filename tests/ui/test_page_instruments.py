"""The instruments page: typing, type pre-filling the typology, pickers, optional groups, structure, navigation."""

from __future__ import annotations

import pytest
from PySide6.QtCore import QModelIndex, Qt
from PySide6.QtGui import QTextCursor
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QApplication, QComboBox, QLineEdit, QListWidget, QPlainTextEdit
from pytestqt.qtbot import QtBot

from matrices.catalogs import Catalogs
from matrices.fieldmodel import FieldModel
from matrices.instruments import Instrument
from matrices.proposal import Proposal
from matrices.rules import default_rulebook
from tests.ui.helpers import MemoryDocument, type_text
from ui.context import UiContext
from ui.models.instruments import InstrumentTableModel
from ui.pages.instruments import InstrumentsPage
from ui.session import DocumentSession
from ui.widgets.item_checklist import ItemChecklist
from ui.writer import DocumentWriter


@pytest.fixture
def context(catalogs: Catalogs, field_model: FieldModel) -> UiContext:
    return UiContext(catalogs, field_model, default_rulebook(catalogs, field_model))


def make_page(
    qtbot: QtBot, context: UiContext, proposal: Proposal, read_only: bool = False, *, writer: DocumentWriter
) -> InstrumentsPage:
    page = InstrumentsPage(DocumentSession(MemoryDocument(read_only=read_only), proposal, writer=writer), context)
    qtbot.addWidget(page)
    page.resize(1200, 800)
    return page


def shown(qtbot: QtBot, page: InstrumentsPage) -> None:
    page.show()
    qtbot.waitExposed(page)
    page.activateWindow()


def instrument(proposal: Proposal, instrument_id: str) -> Instrument:
    return next(i for i in proposal.instrument_matrix.instruments if i.id == instrument_id)


def combo(page: InstrumentsPage, key: str) -> QComboBox:
    widget = page.rows[key].widget
    found = widget if isinstance(widget, QComboBox) else widget.findChild(QComboBox)
    assert isinstance(found, QComboBox)
    return found


def choose(widget: QComboBox, data: object) -> None:
    """Pick an entry the way a participant does: the combo's activated signal."""
    index = widget.findData(data)
    assert index >= 0, f"{data!r} is not offered"
    widget.setCurrentIndex(index)
    widget.activated.emit(index)


def test_typing_spanish_changes_the_instrument_and_one_undo_restores_it(
    qtbot: QtBot, context: UiContext, example_es: Proposal, writer: DocumentWriter
) -> None:
    page = make_page(qtbot, context, example_es, writer=writer)
    shown(qtbot, page)
    page.panel.select_id("I08")
    name = page.rows["name"].widget
    assert isinstance(name, QLineEdit)
    original = instrument(example_es, "I08").name
    assert name.text() == original
    name.selectAll()
    type_text(name, "Protocolo de atención a niñez no acompañada")
    assert instrument(example_es, "I08").name == "Protocolo de atención a niñez no acompañada"
    row = page.model.row_of("I08")
    assert page.model.index(row, 1).data() == "Protocolo de atención a niñez no acompañada"
    page.session.undo_stack.undo()
    assert instrument(example_es, "I08").name == original
    assert name.text() == original

    mechanism = page.rows["mechanism"].widget
    assert isinstance(mechanism, QPlainTextEdit)
    mechanism.setFocus()
    mechanism.moveCursor(QTextCursor.MoveOperation.End)
    type_text(mechanism, " Reducción del 30 % — año 2025")
    assert instrument(example_es, "I08").mechanism.endswith(" Reducción del 30 % — año 2025")


def test_choosing_a_type_prefills_the_typology_in_one_undo_step(
    qtbot: QtBot, context: UiContext, example_es: Proposal, writer: DocumentWriter
) -> None:
    page = make_page(qtbot, context, example_es, writer=writer)
    page.panel.select_id("I01")  # an information campaign: nodality, information, substantive
    before = instrument(example_es, "I01").model_dump()
    choose(combo(page, "instrument_type"), "grant_fund")
    item = instrument(example_es, "I01")
    assert (item.instrument_type, item.nato, item.vedung, item.nature) == (
        "grant_fund",
        "treasure",
        "economic",
        "substantive",
    )
    assert combo(page, "nato").currentData() == "treasure"
    assert combo(page, "vedung").currentText() == "Medios económicos («zanahorias»)"
    assert page.session.undo_stack.count() == 1
    choose(combo(page, "vedung"), "information")  # the participant may still override the suggestion
    assert instrument(example_es, "I01").vedung == "information"
    page.session.undo_stack.undo()
    page.session.undo_stack.undo()
    assert instrument(example_es, "I01").model_dump() == before
    assert combo(page, "nato").currentData() == "nodality"


def test_the_typology_pickers_offer_only_their_typology(
    qtbot: QtBot, context: UiContext, example_es: Proposal, writer: DocumentWriter
) -> None:
    page = make_page(qtbot, context, example_es, writer=writer)
    nato = [combo(page, "nato").itemData(i) for i in range(combo(page, "nato").count())]
    vedung = [combo(page, "vedung").itemData(i) for i in range(combo(page, "vedung").count())]
    nature = [combo(page, "nature").itemData(i) for i in range(combo(page, "nature").count())]
    assert nato == [None, "nodality", "authority", "treasure", "organization"]
    assert vedung == [None, "regulation", "economic", "information", "not_applicable"]
    assert nature == [None, "substantive", "procedural"]


def test_line_of_action_picker_follows_the_axis(
    qtbot: QtBot, context: UiContext, example_es: Proposal, writer: DocumentWriter
) -> None:
    page = make_page(qtbot, context, example_es, writer=writer)
    page.panel.select_id("I01")  # EJ1, EJ1.L1
    lines = combo(page, "line_of_action_id")
    assert [lines.itemData(i) for i in range(lines.count())] == [None, "EJ1.L1", "EJ1.L2", "EJ1.L3"]
    assert lines.currentData() == "EJ1.L1"
    choose(combo(page, "axis_id"), "EJ3")
    item = instrument(example_es, "I01")
    assert (item.axis_id, item.line_of_action_id) == ("EJ3", None), "a line of another axis is cleared"
    assert [lines.itemData(i) for i in range(lines.count())] == [None, "EJ3.L1", "EJ3.L2", "EJ3.L3"]
    choose(lines, "EJ3.L2")
    assert instrument(example_es, "I01").line_of_action_id == "EJ3.L2"
    page.session.undo_stack.undo()
    page.session.undo_stack.undo()
    item = instrument(example_es, "I01")
    assert (item.axis_id, item.line_of_action_id) == ("EJ1", "EJ1.L1")
    assert lines.currentData() == "EJ1.L1"


def test_actors_and_indicators_are_picked_from_the_proposal(
    qtbot: QtBot, context: UiContext, example_es: Proposal, writer: DocumentWriter
) -> None:
    page = make_page(qtbot, context, example_es, writer=writer)
    page.panel.select_id("I02")
    responsible = combo(page, "responsible_actor_id")
    assert responsible.count() == 23
    assert responsible.currentText().startswith("A02 ")
    choose(responsible, "A03")
    assert instrument(example_es, "I02").responsible_actor_id == "A03"
    targets = page.rows["target_actor_ids"].widget
    assert isinstance(targets, ItemChecklist)
    items = targets.findChild(QListWidget)
    assert items is not None
    assert items.count() == 22
    assert targets.selected() == ["A17"]
    items.item(0).setCheckState(Qt.CheckState.Checked)
    assert instrument(example_es, "I02").target_actor_ids == ["A17", "A01"]  # a tick goes after those kept
    indicators = page.rows["indicator_ids"].widget
    assert isinstance(indicators, ItemChecklist)
    listed = indicators.findChild(QListWidget)
    assert listed is not None
    assert listed.item(0).text().startswith("INDG1 ")
    assert indicators.selected() == ["IND1.1"]
    # An actor renamed on the actors page shows at once in the pickers here.
    actors = example_es.actor_matrix.actors
    from ui.commands import SetValueCommand

    page.session.push(SetValueCommand(page.session, ("actor_matrix", "actors", ("id", "A03")), "name", "Fiscalía", "x"))
    assert responsible.currentText() == "A03 Fiscalía (MP)"
    assert actors[2].name == "Fiscalía"


def test_estimated_cost_is_switched_on_typed_and_switched_off_with_undo(
    qtbot: QtBot, context: UiContext, example_es: Proposal, writer: DocumentWriter
) -> None:
    page = make_page(qtbot, context, example_es, writer=writer)
    shown(qtbot, page)
    page.panel.select_id("I05")  # a memorandum without cost
    assert instrument(example_es, "I05").estimated_cost is None
    group = page.cost_group
    amount = page.rows["estimated_cost.amount"].widget
    assert not group.isChecked()
    assert not amount.isEnabled()
    group.setChecked(True)
    assert instrument(example_es, "I05").estimated_cost is not None
    assert amount.isEnabled()
    type_text(amount, "25000,5")
    currency = page.rows["estimated_cost.currency"].widget
    type_text(currency, "USD")
    choose(combo(page, "estimated_cost.data_type"), "estimate")
    cost = instrument(example_es, "I05").estimated_cost
    assert cost is not None
    assert (cost.amount, cost.currency, cost.data_type) == (25000.5, "USD", "estimate")
    group.setChecked(False)
    assert instrument(example_es, "I05").estimated_cost is None
    page.session.undo_stack.undo()
    restored = instrument(example_es, "I05").estimated_cost
    assert restored is not None
    assert restored.amount == 25000.5
    assert group.isChecked()
    assert amount.text() == "25000,5"
    for _ in range(4):
        page.session.undo_stack.undo()
    assert instrument(example_es, "I05").estimated_cost is None
    assert not group.isChecked()


def test_ex_ante_assessment_rates_the_seven_criteria(
    qtbot: QtBot, context: UiContext, example_es: Proposal, writer: DocumentWriter
) -> None:
    page = make_page(qtbot, context, example_es, writer=writer)
    page.panel.select_id("I03")
    assessment = instrument(example_es, "I03").ex_ante_assessment
    assert assessment is not None
    assert page.ex_ante_group.isChecked()
    effectiveness = combo(page, "ex_ante_assessment.effectiveness")
    assert [effectiveness.itemText(i) for i in range(effectiveness.count())] == [
        "—",
        "1 · Baja",
        "2 · Media",
        "3 · Alta",
    ]
    assert effectiveness.currentData() == assessment.effectiveness
    choose(effectiveness, 1)
    assert instrument(example_es, "I03").ex_ante_assessment.effectiveness == 1  # type: ignore[union-attr]
    assert page.rows["ex_ante_assessment.equity"].label.text() == "Equidad"  # type: ignore[union-attr]
    page.session.undo_stack.undo()
    assert instrument(example_es, "I03").ex_ante_assessment.effectiveness == assessment.effectiveness  # type: ignore[union-attr]


def test_add_move_and_remove_instruments_are_single_undo_steps(
    qtbot: QtBot, context: UiContext, example_es: Proposal, writer: DocumentWriter
) -> None:
    page = make_page(qtbot, context, example_es, writer=writer)
    shown(qtbot, page)
    stack = page.session.undo_stack

    def ids() -> list[str]:
        return [i.id for i in example_es.instrument_matrix.instruments]

    original = ids()
    page.panel.select_id("I04")  # on EJ2: the new instrument starts on the same axis
    page.panel.table.setFocus()
    qtbot.waitUntil(page.panel.table.hasFocus)
    QTest.keyClick(page.panel.table, Qt.Key.Key_Insert)
    assert len(ids()) == 14
    assert stack.count() == 1
    new_id = ids()[4]
    assert instrument(example_es, new_id).axis_id == "EJ2"
    assert page.panel.current_id() == new_id
    qtbot.waitUntil(page.rows["name"].widget.hasFocus)
    type_text(page.rows["name"].widget, "Señalización bilingüe en los pasos")
    page.panel.table.setFocus()
    qtbot.waitUntil(page.panel.table.hasFocus)
    QTest.keyClick(page.panel.table, Qt.Key.Key_Up, Qt.KeyboardModifier.AltModifier)
    assert ids()[3] == new_id
    QTest.keyClick(page.panel.table, Qt.Key.Key_Delete)
    assert new_id not in ids()
    stack.undo()
    assert ids()[3] == new_id
    assert instrument(example_es, new_id).name == "Señalización bilingüe en los pasos"
    while stack.canUndo():
        stack.undo()
    assert ids() == original
    while stack.canRedo():
        stack.redo()
    assert new_id not in ids()
    assert len(ids()) == 13


def test_show_item_selects_the_instrument_and_focuses_the_field(
    qtbot: QtBot, context: UiContext, example_es: Proposal, writer: DocumentWriter
) -> None:
    page = make_page(qtbot, context, example_es, writer=writer)
    shown(qtbot, page)
    page.show_item("I07", "legal_basis")
    assert page.panel.current_id() == "I07"
    qtbot.waitUntil(lambda: QApplication.focusWidget() is page.rows["legal_basis"].widget)
    page.show_item("I10", "estimated_cost.amount")
    qtbot.waitUntil(lambda: QApplication.focusWidget() is page.rows["estimated_cost.amount"].widget)
    page.show_item("I05", "estimated_cost")  # I05 has no cost yet: the group's switch gets the focus
    qtbot.waitUntil(lambda: QApplication.focusWidget() is page.cost_group)
    page.panel.filter.setText("zzz")
    page.show_item("I12", "instrument_type")
    assert page.panel.filter.text() == ""
    assert page.panel.current_id() == "I12"
    qtbot.waitUntil(lambda: QApplication.focusWidget() is combo(page, "instrument_type"))


def test_switching_to_english_changes_the_visible_labels(
    qtbot: QtBot, context: UiContext, example_es: Proposal, writer: DocumentWriter
) -> None:
    page = make_page(qtbot, context, example_es, writer=writer)
    page.panel.select_id("I01")
    assert page.rows["mechanism"].label.text() == "Mecanismo de cambio"  # type: ignore[union-attr]
    assert combo(page, "nato").currentText() == "Nodalidad (información)"
    context.lang = "en"
    page.retranslate()
    assert page.title() == "Instruments"
    assert page.rows["mechanism"].label.text() == "Change mechanism"  # type: ignore[union-attr]
    assert combo(page, "nato").currentText() == "Nodality (information)"
    assert combo(page, "timeframe").currentText() == "Short term (up to 1 year)"
    assert page.cost_group.title() == "Estimated cost"
    assert page.rows["ex_ante_assessment.equity"].label.text() == "Equity"  # type: ignore[union-attr]
    column = page.model.column_of("vedung")
    assert page.model.headerData(column, Qt.Orientation.Horizontal) == "Vedung"
    assert page.model.headerData(column, Qt.Orientation.Horizontal, Qt.ItemDataRole.ToolTipRole) == "Vedung type"
    assert page.model.index(0, column).data() == 'Information ("sermons")'


def test_read_only_document_shows_the_instruments_but_refuses_edits(
    qtbot: QtBot, context: UiContext, example_es: Proposal, writer: DocumentWriter
) -> None:
    page = make_page(qtbot, context, example_es, read_only=True, writer=writer)
    page.panel.select_id("I01")
    before = example_es.model_dump()
    name = page.rows["name"].widget
    assert isinstance(name, QLineEdit)
    assert name.isReadOnly()
    assert name.text().startswith("Campaña binacional")
    assert not combo(page, "instrument_type").isEnabled()
    assert not page.cost_group.isCheckable()
    assert page.rows["estimated_cost.amount"].widget.text() == "150000"  # type: ignore[attr-defined]
    assert not page.panel.add_button.isEnabled()
    page.add_item()
    page.remove_item()
    assert not page.model.setData(page.model.index(0, 1), "otro nombre")
    assert example_es.model_dump() == before


def test_the_table_model_contract(
    qtbot: QtBot, context: UiContext, example_es: Proposal, writer: DocumentWriter
) -> None:
    session = DocumentSession(MemoryDocument(), example_es, writer=writer)
    model = InstrumentTableModel(session, context)
    assert model.rowCount() == 13
    assert model.columnCount() == 8
    assert model.rowCount(model.index(0, 0)) == 0
    assert model.columnCount(model.index(0, 0)) == 0
    assert model.rowCount(QModelIndex()) == 13
    assert model.index(0, model.column_of("responsible_actor_id")).data() == "SNM"
    assert model.index(0, model.column_of("axis_id")).data() == "EJ1"
    with qtbot.waitSignal(model.dataChanged):
        assert model.setData(model.index(0, 1), "Campaña «Cruza informado»")
    assert example_es.instrument_matrix.instruments[0].name == "Campaña «Cruza informado»"
    session.undo_stack.undo()
    assert example_es.instrument_matrix.instruments[0].name.startswith("Campaña binacional")
