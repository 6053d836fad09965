"""The actors page: typing, ratings, the register's structure, the power/interest grid, navigation, languages."""

from __future__ import annotations

import pytest
from PySide6.QtCore import QEvent, QModelIndex, QPoint, Qt
from PySide6.QtGui import QHelpEvent, QTextCursor
from PySide6.QtGui import Qt as QtGui
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QApplication, QComboBox, QLineEdit, QPlainTextEdit, QToolTip
from pytestqt.qtbot import QtBot

from matrices.catalogs import Catalogs
from matrices.fieldmodel import FieldModel
from matrices.proposal import Proposal
from matrices.rules import default_rulebook
from tests.ui.helpers import MemoryDocument, type_text
from ui.context import UiContext
from ui.models.actors import ActorTableModel
from ui.pages.actors import ActorsPage
from ui.session import DocumentSession
from ui.writer import DocumentWriter


@pytest.fixture
def context(catalogs: Catalogs, field_model: FieldModel) -> UiContext:
    return UiContext(catalogs, field_model, default_rulebook(catalogs, field_model))


def make_page(
    qtbot: QtBot, context: UiContext, proposal: Proposal, read_only: bool = False, *, writer: DocumentWriter
) -> ActorsPage:
    session = DocumentSession(MemoryDocument(read_only=read_only), proposal, writer=writer)
    page = ActorsPage(session, context)
    qtbot.addWidget(page)
    page.resize(1200, 800)
    return page


def actor(proposal: Proposal, actor_id: str):
    return next(a for a in proposal.actor_matrix.actors if a.id == actor_id)


def shown(qtbot: QtBot, page: ActorsPage) -> None:
    page.show()
    qtbot.waitExposed(page)
    page.activateWindow()


def test_typing_spanish_in_the_form_changes_the_actor_and_one_undo_restores_it(
    qtbot: QtBot, context: UiContext, example_es: Proposal, writer: DocumentWriter
) -> None:
    page = make_page(qtbot, context, example_es, writer=writer)
    shown(qtbot, page)
    assert page.panel.select_id("A03")
    name = page.rows["name"].widget
    assert isinstance(name, QLineEdit)
    assert name.text() == "Ministerio Público (fiscalías especializadas)"
    name.selectAll()
    type_text(name, "Fiscalía de Darién: niñez y señales")
    assert actor(example_es, "A03").name == "Fiscalía de Darién: niñez y señales"
    row = page.model.row_of("A03")
    assert page.model.index(row, page.model.column_of("name")).data() == "Fiscalía de Darién: niñez y señales"
    assert page.item_heading.text().endswith("Fiscalía de Darién: niñez y señales")
    page.session.undo_stack.undo()
    assert actor(example_es, "A03").name == "Ministerio Público (fiscalías especializadas)"
    assert name.text() == "Ministerio Público (fiscalías especializadas)"

    mandate = page.rows["mandate"].widget
    assert isinstance(mandate, QPlainTextEdit)
    mandate.setFocus()
    mandate.moveCursor(QTextCursor.MoveOperation.End)
    type_text(mandate, " Ley 36 — artículo 5º")
    assert actor(example_es, "A03").mandate.endswith(" Ley 36 — artículo 5º")


def test_rating_combos_use_the_scale_labels_and_update_the_suggested_strategy(
    qtbot: QtBot, context: UiContext, example_es: Proposal, writer: DocumentWriter
) -> None:
    page = make_page(qtbot, context, example_es, writer=writer)
    page.panel.select_id("A20")  # interest 3, influence 2: monitor
    assert "Monitorear" in page.strategy_value.text()
    influence = page.rows["influence"].widget
    assert isinstance(influence, QComboBox)
    assert [influence.itemText(i) for i in range(influence.count())][1:3] == ["1 · Muy baja", "2 · Baja"]
    influence.setFocus()
    QTest.keyClick(influence, Qt.Key.Key_End)  # 5 · Muy alta
    assert actor(example_es, "A20").influence == 5
    assert "Mantener satisfecho" in page.strategy_value.text()
    position = page.rows["position"].widget
    assert isinstance(position, QComboBox)
    assert position.currentText() == "0 · Neutral / indiferente"
    QTest.keyClick(position, Qt.Key.Key_Home)
    assert actor(example_es, "A20").position is None  # the first entry is "not rated"
    page.session.undo_stack.undo()
    page.session.undo_stack.undo()
    assert (actor(example_es, "A20").influence, actor(example_es, "A20").position) == (2, 0)
    assert "Monitorear" in page.strategy_value.text()


def test_add_move_and_remove_actors_are_single_undo_steps(
    qtbot: QtBot, context: UiContext, example_es: Proposal, writer: DocumentWriter
) -> None:
    page = make_page(qtbot, context, example_es, writer=writer)
    shown(qtbot, page)
    stack = page.session.undo_stack
    page.panel.select_id("A02")
    qtbot.mouseClick(page.panel.add_button, Qt.MouseButton.LeftButton)
    assert len(example_es.actor_matrix.actors) == 23
    assert stack.count() == 1
    new_id = example_es.actor_matrix.actors[2].id
    assert page.panel.current_id() == new_id
    qtbot.waitUntil(page.rows["name"].widget.hasFocus)
    type_text(page.rows["name"].widget, "Asociación de transportistas")
    assert example_es.actor_matrix.actors[2].name == "Asociación de transportistas"

    qtbot.mouseClick(page.panel.down_button, Qt.MouseButton.LeftButton)
    assert example_es.actor_matrix.actors[3].id == new_id
    assert page.panel.current_id() == new_id
    qtbot.mouseClick(page.panel.up_button, Qt.MouseButton.LeftButton)
    qtbot.mouseClick(page.panel.up_button, Qt.MouseButton.LeftButton)
    assert example_es.actor_matrix.actors[1].id == new_id

    before = [a.id for a in example_es.actor_matrix.actors]
    qtbot.mouseClick(page.panel.remove_button, Qt.MouseButton.LeftButton)
    assert new_id not in [a.id for a in example_es.actor_matrix.actors]
    stack.undo()
    assert [a.id for a in example_es.actor_matrix.actors] == before
    assert page.panel.current_id() == new_id, "undoing a removal selects the actor that came back"
    assert example_es.actor_matrix.actors[1].name == "Asociación de transportistas"
    for _ in range(5):  # the moves, the typed name and the insertion
        stack.undo()
    assert len(example_es.actor_matrix.actors) == 22
    assert new_id not in [a.id for a in example_es.actor_matrix.actors]
    while stack.canRedo():
        stack.redo()
    assert new_id not in [a.id for a in example_es.actor_matrix.actors]
    assert len(example_es.actor_matrix.actors) == 22
    stack.undo()
    assert example_es.actor_matrix.actors[1].id == new_id
    assert example_es.actor_matrix.actors[1].name == "Asociación de transportistas"


def test_dragging_an_actor_on_the_grid_changes_both_ratings_in_one_undo_step(
    qtbot: QtBot, context: UiContext, example_es: Proposal, writer: DocumentWriter
) -> None:
    page = make_page(qtbot, context, example_es, writer=writer)
    shown(qtbot, page)
    page.tabs.setCurrentWidget(page.grid_page)
    qtbot.waitExposed(page.grid)
    grid = page.grid
    layout = grid.grid_layout()
    mark = grid.mark_of("A19")  # UAF: interest 2, influence 3
    assert layout is not None
    assert mark is not None
    assert (mark.interest, mark.influence) == (2, 3)
    start = mark.dot_center.toPoint()
    target = layout.value_to_point(5, 5).toPoint()
    QTest.mousePress(grid, Qt.MouseButton.LeftButton, Qt.KeyboardModifier.NoModifier, start)
    assert page.panel.current_id() == "A19", "pressing a mark selects the actor"
    middle = QPoint((start.x() + target.x()) // 2, (start.y() + target.y()) // 2)
    QTest.mouseMove(grid, middle)
    QTest.mouseMove(grid, target)
    QTest.mouseRelease(grid, Qt.MouseButton.LeftButton, Qt.KeyboardModifier.NoModifier, target)
    uaf = actor(example_es, "A19")
    assert (uaf.interest, uaf.influence) == (5, 5)
    assert page.session.undo_stack.count() == 1
    moved = grid.mark_of("A19")
    assert moved is not None
    assert (moved.interest, moved.influence) == (5, 5)
    assert "Gestionar de cerca" in page.strategy_value.text()
    assert "<" not in page.strategy_value.text(), "a plain label would show markup literally"
    assert page.strategy_value.font().bold()
    page.session.undo_stack.undo()
    assert (uaf.interest, uaf.influence) == (2, 3)
    back = grid.mark_of("A19")
    assert back is not None
    assert (back.interest, back.influence) == (2, 3)


def test_clicking_a_mark_selects_the_actor_and_arrow_keys_move_it(
    qtbot: QtBot, context: UiContext, example_es: Proposal, writer: DocumentWriter
) -> None:
    page = make_page(qtbot, context, example_es, writer=writer)
    shown(qtbot, page)
    page.tabs.setCurrentWidget(page.grid_page)
    mark = page.grid.mark_of("A07")  # MINSA: interest 3, influence 3
    assert mark is not None
    QTest.mouseClick(page.grid, Qt.MouseButton.LeftButton, Qt.KeyboardModifier.NoModifier, mark.dot_center.toPoint())
    assert page.panel.current_id() == "A07"
    assert page.session.undo_stack.count() == 0, "a click is not a move"
    assert page.rows["name"].widget.text() == actor(example_es, "A07").name  # type: ignore[attr-defined]
    QTest.keyClick(page.grid, Qt.Key.Key_Right)
    QTest.keyClick(page.grid, Qt.Key.Key_Up)
    assert (actor(example_es, "A07").interest, actor(example_es, "A07").influence) == (4, 4)
    page.session.undo_stack.undo()
    assert (actor(example_es, "A07").interest, actor(example_es, "A07").influence) == (4, 3)


def test_show_item_selects_the_actor_and_focuses_the_field(
    qtbot: QtBot, context: UiContext, example_es: Proposal, writer: DocumentWriter
) -> None:
    page = make_page(qtbot, context, example_es, writer=writer)
    shown(qtbot, page)
    page.tabs.setCurrentWidget(page.grid_page)
    page.show_item("A18", "strategy_detail")
    assert page.panel.current_id() == "A18"
    assert page.tabs.currentWidget() is page.panel
    widget = page.rows["strategy_detail"].widget
    qtbot.waitUntil(lambda: QApplication.focusWidget() is widget)
    page.show_item("A01", "relations.actor_id")
    assert page.panel.current_id() == "A01"
    qtbot.waitUntil(page.relations.view.hasFocus)
    page.show_item(None, "actors")  # a finding about the whole matrix (fewer than 4 actors)
    qtbot.waitUntil(page.panel.table.hasFocus)


def test_focusing_a_field_tells_the_guidance_panel(
    qtbot: QtBot, context: UiContext, example_es: Proposal, writer: DocumentWriter
) -> None:
    page = make_page(qtbot, context, example_es, writer=writer)
    shown(qtbot, page)
    with qtbot.waitSignal(page.field_focused) as blocker:
        page.rows["interest_description"].widget.setFocus()
    assert blocker.args == ["actor", "interest_description"]
    with qtbot.waitSignal(page.field_focused) as blocker:
        page.show_item("A02", "roles")
    assert blocker.args == ["actor", "roles"]


def test_switching_to_english_changes_the_visible_labels(
    qtbot: QtBot, context: UiContext, example_es: Proposal, writer: DocumentWriter
) -> None:
    page = make_page(qtbot, context, example_es, writer=writer)
    page.panel.select_id("A01")
    assert page.rows["name"].label.text() == "Nombre"  # type: ignore[union-attr]
    type_combo = page.rows["type"].widget
    assert isinstance(type_combo, QComboBox)
    assert type_combo.currentText().startswith("Gobierno nacional")
    context.lang = "en"
    page.retranslate()
    assert page.title() == "Actors"
    assert page.rows["name"].label.text() == "Name"  # type: ignore[union-attr]
    assert page.rows["name"].widget.accessibleName() == "Name"
    assert type_combo.currentText().startswith("National government")
    assert page.model.headerData(page.model.column_of("name"), Qt.Orientation.Horizontal) == "Name"
    assert "Manage closely" in page.strategy_value.text()
    layout = page.grid.grid_layout()
    assert layout is not None
    assert layout.scales.interest_title == "Interest"


def test_read_only_document_shows_the_actors_but_refuses_edits(
    qtbot: QtBot, context: UiContext, example_es: Proposal, writer: DocumentWriter
) -> None:
    page = make_page(qtbot, context, example_es, read_only=True, writer=writer)
    shown(qtbot, page)
    page.panel.select_id("A01")
    name = page.rows["name"].widget
    assert isinstance(name, QLineEdit)
    assert name.text() == "Servicio Nacional de Migración"
    assert name.isReadOnly()
    assert not page.rows["type"].widget.isEnabled()
    assert not page.panel.add_button.isEnabled()
    assert not page.panel.remove_button.isEnabled()
    assert not page.relations.add_button.isEnabled()
    index = page.model.index(0, page.model.column_of("name"))
    assert not page.model.flags(index) & Qt.ItemFlag.ItemIsEditable
    page.add_item()
    page.set_ratings("A01", 1, 1)
    QTest.keyClick(page.grid, Qt.Key.Key_Left)
    assert len(example_es.actor_matrix.actors) == 22
    assert (actor(example_es, "A01").interest, actor(example_es, "A01").influence) == (5, 5)


def test_the_table_model_edits_through_undo_commands(
    qtbot: QtBot, context: UiContext, example_es: Proposal, writer: DocumentWriter
) -> None:
    session = DocumentSession(MemoryDocument(), example_es, writer=writer)
    model = ActorTableModel(session, context)
    assert model.rowCount() == 22
    assert model.columnCount() == 9
    assert model.rowCount(model.index(0, 0)) == 0
    assert model.columnCount(model.index(0, 0)) == 0
    assert model.rowCount(QModelIndex()) == 22
    interest = model.index(0, model.column_of("interest"))
    assert not model.setData(interest, 9), "outside the scale: refused"
    assert model.setData(interest, 2)
    assert example_es.actor_matrix.actors[0].interest == 2
    strategy = model.index(0, model.column_of("strategy"))
    assert strategy.data() == "Mantener satisfecho"
    session.undo_stack.undo()
    assert example_es.actor_matrix.actors[0].interest == 5
    assert strategy.data() == "Gestionar de cerca"
    assert model.index(17, model.column_of("position")).data() == "−2"


def test_filter_ignores_accents_and_sorting_keeps_numbers_numeric(
    qtbot: QtBot, context: UiContext, example_es: Proposal, writer: DocumentWriter
) -> None:
    page = make_page(qtbot, context, example_es, writer=writer)
    page.panel.filter.setText("migracion")
    names = [page.panel.proxy.index(r, 1).data() for r in range(page.panel.proxy.rowCount())]
    assert "Servicio Nacional de Migración" in names
    assert len(names) < 22
    page.panel.filter.clear()
    column = page.model.column_of("influence")
    page.panel.table.sortByColumn(column, Qt.SortOrder.DescendingOrder)
    top = [page.panel.proxy.index(r, column).data() for r in range(3)]
    assert top == ["5", "5", "5"]
    assert not page.panel.up_button.isEnabled(), "moving makes no sense while sorted"


def test_relations_are_added_edited_and_removed_with_undo(
    qtbot: QtBot, context: UiContext, example_es: Proposal, writer: DocumentWriter
) -> None:
    page = make_page(qtbot, context, example_es, writer=writer)
    shown(qtbot, page)
    page.panel.select_id("A03")
    relations = actor(example_es, "A03").relations
    assert page.relations.model.rowCount() == 1
    page.relations.add_relation()
    assert len(actor(example_es, "A03").relations) == 2
    model = page.relations.model
    assert model.setData(model.index(1, 0), "A01")
    assert model.setData(model.index(1, 1), "conflict")
    assert model.setData(model.index(1, 2), "Competencia por la coordinación")
    relation = actor(example_es, "A03").relations[1]
    assert (relation.actor_id, relation.type, relation.note) == ("A01", "conflict", "Competencia por la coordinación")
    assert model.index(1, 1).data() == "Conflicto"
    page.relations.view.setCurrentIndex(model.index(0, 0))
    page.relations.remove_relation()
    assert [r.actor_id for r in actor(example_es, "A03").relations] == ["A01"]
    for _ in range(5):
        page.session.undo_stack.undo()
    assert [r.model_dump() for r in actor(example_es, "A03").relations] == [r.model_dump() for r in relations]


def test_the_grid_tooltip_shows_an_actor_name_as_text(
    qtbot: QtBot, context: UiContext, example_es: Proposal, monkeypatch: pytest.MonkeyPatch, writer: DocumentWriter
) -> None:
    actor(example_es, "A19").name = "<h1>UAF</h1><img src='file:///etc/hostname'>"
    page = make_page(qtbot, context, example_es, writer=writer)
    shown(qtbot, page)
    page.tabs.setCurrentWidget(page.grid_page)
    qtbot.waitExposed(page.grid)
    mark = page.grid.mark_of("A19")
    assert mark is not None
    tips: list[str] = []
    monkeypatch.setattr(QToolTip, "showText", lambda _pos, text, *_args: tips.append(text))
    point = mark.dot_center.toPoint()
    QApplication.sendEvent(page.grid, QHelpEvent(QEvent.Type.ToolTip, point, page.grid.mapToGlobal(point)))
    (tip,) = tips
    assert "<h1>UAF</h1>" in tip.replace("\u2060", "")
    assert not QtGui.mightBeRichText(tip)
