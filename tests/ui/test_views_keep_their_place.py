"""An edit elsewhere leaves a view as it was: the same item selected, the same current cell, the same branches open.

The views do nothing to keep their place: the models tell Qt which single row came, went or moved, and Qt moves
the selection, the current cell and the open branches with their items. Each test also holds a persistent index,
as an open editor or a delegate does, and finds it still on its item.
"""

from __future__ import annotations

from collections.abc import Callable

import pytest
from PySide6.QtCore import QItemSelectionModel, QPersistentModelIndex
from PySide6.QtWidgets import QAbstractItemView
from pytestqt.qtbot import QtBot

from matrices.actors import Actor
from matrices.deletion import plan_delete
from matrices.edits import Locator, index_of
from matrices.problem import Cause, Evidence
from matrices.proposal import Proposal
from matrices.strategy import End, LineOfAction
from tests.ui.helpers import MemoryDocument, make_context
from ui.commands import InsertItemCommand, MoveItemCommand, push_ops
from ui.context import UiContext
from ui.models.actors import ACTORS
from ui.models.evidence import EVIDENCE_LIST
from ui.models.matrix_list import ID_ROLE
from ui.models.problem_tree import DESCRIPTION
from ui.models.strategy_lists import ENDS
from ui.pages.actors import ActorsPage
from ui.pages.problem_evidence import EvidencePanel
from ui.pages.problem_tree_ops import Plan, plan_add, plan_move
from ui.pages.problem_tree_panel import TreeEditor
from ui.pages.strategy import StrategyPage
from ui.session import DocumentSession
from ui.writer import DocumentWriter

CAUSES: Locator = ("problem_matrix", "causes")
Edit = Callable[[DocumentSession], object]


@pytest.fixture
def context() -> UiContext:
    return make_context()


@pytest.fixture
def session(example_es: Proposal, writer: DocumentWriter) -> DocumentSession:
    return DocumentSession(MemoryDocument(), example_es, writer=writer)


def delete(list_locator: Locator, item_id: str) -> Edit:
    """Delete an item as every page does (its links too), as one undo step."""

    def run(session: DocumentSession) -> object:
        proposal = session.proposal
        plan = plan_delete(
            proposal, make_context().field_model, list_locator, index_of(proposal, list_locator, item_id)
        )
        return push_ops(session, plan.ops, "delete")

    return run


def tree_op(plan: Callable[[list[Cause]], Plan]) -> Edit:
    return lambda session: push_ops(session, plan(session.proposal.problem_matrix.causes).ops, "tree")


def edits_then_undos(session: DocumentSession, edits: list[Edit], check: Callable[[str], None]) -> None:
    """Make each edit, then undo them one by one, checking the view after every step."""
    for number, edit in enumerate(edits):
        assert edit(session)
        check(f"edit {number}")
    for number in range(len(edits)):
        session.undo_stack.undo()
        check(f"undo {number}")


def current_cell(view: QAbstractItemView) -> tuple[object, int]:
    index = view.currentIndex()
    return index.siblingAtColumn(0).data(ID_ROLE), index.column()


def selected_ids(view: QAbstractItemView) -> set[object]:
    return {index.siblingAtColumn(0).data(ID_ROLE) for index in view.selectionModel().selectedIndexes()}


def test_the_cause_tree_keeps_selection_current_cell_and_open_branches(
    qtbot: QtBot, session: DocumentSession, context: UiContext
) -> None:
    editor = TreeEditor(session, context, "causes", list)
    qtbot.addWidget(editor)
    view, model = editor.view, editor.model
    editor.select("C3.2")
    view.selectionModel().setCurrentIndex(
        model.index_of("C3.2", DESCRIPTION), QItemSelectionModel.SelectionFlag.NoUpdate
    )
    view.collapse(model.index_of("C1"))
    held = QPersistentModelIndex(model.index_of("C3.2"))

    def check(step: str) -> None:
        assert current_cell(view) == ("C3.2", DESCRIPTION), step
        assert selected_ids(view) == {"C3.2"}, step
        assert editor.selected_id() == "C3.2", step
        assert not view.isExpanded(model.index_of("C1")), f"{step}: a closed branch opened"
        assert view.isExpanded(model.index_of("C2")), step
        assert view.isExpanded(model.index_of("C3")), step
        assert held.isValid(), step
        assert held.data(ID_ROLE) == "C3.2", step

    edits_then_undos(
        session,
        [
            lambda s: s.push(InsertItemCommand(s, CAUSES, 99, Cause(id="C9", description="al final"), "add")),
            tree_op(lambda nodes: plan_add("causes", nodes, "C4", Cause(id="C4.9"), child=True)),
            tree_op(lambda nodes: plan_move("causes", nodes, "C2", 1)),  # C3 and its branch move up a row
            tree_op(lambda nodes: plan_move("causes", nodes, "C1", 1)),  # a closed branch moves
            delete(CAUSES, "C4"),  # a branch with sub-causes goes, and the links to them
        ],
        check,
    )


def test_the_evidence_table_keeps_its_current_cell(qtbot: QtBot, session: DocumentSession, context: UiContext) -> None:
    panel = EvidencePanel(session, context)
    qtbot.addWidget(panel)
    panel.select("D3", column=5)
    held = QPersistentModelIndex(panel.model.index(panel.model.row_of("D3"), 5))

    def check(step: str) -> None:
        assert current_cell(panel.table) == ("D3", 5), step
        assert selected_ids(panel.table) == {"D3"}, step
        assert held.isValid(), step
        assert held.data(ID_ROLE) == "D3", step

    edits_then_undos(
        session,
        [
            lambda s: s.push(InsertItemCommand(s, EVIDENCE_LIST, 0, Evidence(id="D9"), "add")),
            lambda s: s.push(MoveItemCommand(s, EVIDENCE_LIST, 4, 0, "move")),
            delete(EVIDENCE_LIST, "D1"),  # cited by causes: their links are cleared in the same step
        ],
        check,
    )


def test_the_actor_list_keeps_its_current_cell(qtbot: QtBot, session: DocumentSession, context: UiContext) -> None:
    page = ActorsPage(session, context)
    qtbot.addWidget(page)
    panel = page.panel
    assert panel.select_id("A05", "acronym")
    column = panel.model.column_of("acronym")
    held = QPersistentModelIndex(panel.table.currentIndex())

    def check(step: str) -> None:
        assert current_cell(panel.table) == ("A05", column), step
        assert selected_ids(panel.table) == {"A05"}, step
        assert held.isValid(), step
        assert held.data(ID_ROLE) == "A05", step

    assert delete(ACTORS, "A02")(session)
    check("a delete elsewhere")
    # An undo that brings an actor back selects it (see MatrixListPanel): the other undos leave the list alone.
    edits_then_undos(
        session,
        [
            lambda s: s.push(InsertItemCommand(s, ACTORS, 0, Actor(id="A99", name="Nuevo"), "add")),
            lambda s: s.push(MoveItemCommand(s, ACTORS, 1, 10, "move")),
        ],
        check,
    )


def test_the_strategy_lists_keep_their_current_cell(qtbot: QtBot, session: DocumentSession, context: UiContext) -> None:
    page = StrategyPage(session, context)
    qtbot.addWidget(page)
    assert page.axes.select_axis("EJ2")
    lines = page.axes.lines
    lines.select_row(2, 1)
    ends = page.ends
    ends.select_row(3, 2)
    line_id, end_id = lines.model.item_id(2), ends.model.item_id(3)
    axis_lines = ("strategy_matrix", "axes", ("id", "EJ2"), "lines_of_action")

    def check(step: str) -> None:
        assert (lines.model.item_id(lines.current_row()), lines.table.currentIndex().column()) == (line_id, 1), step
        assert (ends.model.item_id(ends.current_row()), ends.table.currentIndex().column()) == (end_id, 2), step

    edits_then_undos(
        session,
        [
            lambda s: s.push(InsertItemCommand(s, axis_lines, 0, LineOfAction(text="nueva"), "add")),
            lambda s: s.push(MoveItemCommand(s, axis_lines, 0, 3, "move")),
            lambda s: s.push(InsertItemCommand(s, ENDS, 0, End(description="fin"), "add")),
            delete(ENDS, "F1"),
            delete(("strategy_matrix", "axes"), "EJ1"),  # another axis, with its own lines, goes
        ],
        check,
    )
