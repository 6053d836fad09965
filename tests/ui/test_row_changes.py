"""Item models follow edits row by row: Qt's model tester stays silent, and no edit resets a model.

Every item model of the editor is watched by QAbstractItemModelTester while a script of edits (every kind the
pages make: tree operations, deletes that clear links in other lists, moves, field edits), their undos and their
redos runs; after each step every model must show exactly what a model built afresh shows. Only a restored
snapshot may reset a model.
"""

from __future__ import annotations

from collections.abc import Callable, Iterator
from dataclasses import dataclass, field
from typing import Any

import pytest
from PySide6.QtCore import QAbstractItemModel, QModelIndex, QtMsgType, qInstallMessageHandler
from PySide6.QtTest import QAbstractItemModelTester
from pytestqt.qtbot import QtBot

from matrices.actors import Actor, ActorRelation
from matrices.deletion import plan_delete
from matrices.edits import Locator, index_of
from matrices.examples import load_example
from matrices.problem import Cause, Evidence
from matrices.proposal import Proposal
from matrices.strategy import Axis, ExcludedCause, Indicator, LineOfAction
from tests.ui.helpers import MemoryDocument, make_context
from ui.commands import (
    InsertItemCommand,
    MoveItemCommand,
    ReplaceProposalCommand,
    SetValueCommand,
    push_ops,
)
from ui.context import UiContext
from ui.models.actors import ACTORS, ActorTableModel, RelationTableModel
from ui.models.evidence import EVIDENCE_LIST, EvidenceTableModel
from ui.models.indicators import IndicatorTableModel
from ui.models.instruments import InstrumentTableModel
from ui.models.matrix_list import ID_ROLE
from ui.models.problem_tree import ProblemTreeModel
from ui.models.strategy_lists import (
    AXES,
    ENDS,
    EXCLUDED,
    AxisTableModel,
    EndTableModel,
    ExcludedCauseTableModel,
    LineOfActionTableModel,
)
from ui.pages.problem_tree_ops import plan_add, plan_indent, plan_move, plan_outdent
from ui.session import DocumentSession
from ui.writer import DocumentWriter

CAUSES: Locator = ("problem_matrix", "causes")
EFFECTS: Locator = ("problem_matrix", "effects")
INSTRUMENTS: Locator = ("instrument_matrix", "instruments")
EJ2 = (*AXES, ("id", "EJ2"))
EJ1 = (*AXES, ("id", "EJ1"))


def _no_choices() -> list[tuple[str | None, str]]:
    return []


def _lines_of(axis: Locator) -> Callable[[DocumentSession, UiContext], QAbstractItemModel]:
    def make(session: DocumentSession, context: UiContext) -> QAbstractItemModel:
        model = LineOfActionTableModel(session, context, lambda: "EJ")
        model.set_list_locator((*axis, "lines_of_action"))
        return model

    return make


def _indicators_of(axis: Locator) -> Callable[[DocumentSession, UiContext], QAbstractItemModel]:
    def make(session: DocumentSession, context: UiContext) -> QAbstractItemModel:
        model = IndicatorTableModel(session, context, lambda: "IND")
        model.set_list_locator((*axis, "indicators"))
        return model

    return make


def _relations(session: DocumentSession, context: UiContext) -> QAbstractItemModel:
    model = RelationTableModel(session, context)
    model.set_list_locator((*ACTORS, ("id", "A01"), "relations"))
    return model


MODELS: dict[str, Callable[[DocumentSession, UiContext], QAbstractItemModel]] = {
    "causes": lambda s, c: ProblemTreeModel(s, c, "causes"),
    "effects": lambda s, c: ProblemTreeModel(s, c, "effects"),
    "evidence": EvidenceTableModel,
    "actors": ActorTableModel,
    "relations of A01": _relations,
    "instruments": InstrumentTableModel,
    "axes": AxisTableModel,
    "ends": lambda s, c: EndTableModel(s, c, _no_choices),
    "excluded causes": lambda s, c: ExcludedCauseTableModel(s, c, _no_choices),
    "lines of EJ1": _lines_of(EJ1),
    "lines of EJ2": _lines_of(EJ2),
    "indicators of EJ1": _indicators_of(EJ1),
    "indicators of EJ2": _indicators_of(EJ2),
}


def rows_of(model: QAbstractItemModel, parent: QModelIndex | None = None) -> list[Any]:
    """Return what a model shows: every cell's text and each row's id, nested under its parent row."""
    parent = parent or QModelIndex()
    shown = []
    for row in range(model.rowCount(parent)):
        first = model.index(row, 0, parent)
        cells = tuple(model.index(row, column, parent).data() for column in range(model.columnCount(parent)))
        shown.append((first.data(ID_ROLE), cells, rows_of(model, first)))
    return shown


@dataclass
class Watch:
    """Every model over one session, each under Qt's model tester, with its resets and row moves counted."""

    session: DocumentSession
    context: UiContext
    models: dict[str, QAbstractItemModel] = field(default_factory=dict)
    testers: list[QAbstractItemModelTester] = field(default_factory=list)
    resets: dict[str, int] = field(default_factory=dict)
    row_signals: dict[str, int] = field(default_factory=dict)

    def __post_init__(self) -> None:
        for name, make in MODELS.items():
            model = make(self.session, self.context)
            self.models[name] = model
            self.testers.append(QAbstractItemModelTester(model, QAbstractItemModelTester.FailureReportingMode.Warning))
            self.resets[name] = 0
            self.row_signals[name] = 0
            model.modelAboutToBeReset.connect(lambda name=name: self._count(self.resets, name))
            for signal in (model.rowsAboutToBeInserted, model.rowsAboutToBeRemoved, model.rowsAboutToBeMoved):
                signal.connect(lambda *_, name=name: self._count(self.row_signals, name))

    @staticmethod
    def _count(counts: dict[str, int], name: str) -> None:
        counts[name] += 1

    def check_against_fresh_models(self, step: str) -> None:
        for name, make in MODELS.items():
            fresh = make(self.session, self.context)
            assert rows_of(self.models[name]) == rows_of(fresh), f"{name} after {step}"


@pytest.fixture
def tester_failures(qapp: object) -> Iterator[list[str]]:
    """Collect what QAbstractItemModelTester reports (it writes 'FAIL!' warnings in Warning mode)."""
    failures: list[str] = []

    def handler(kind: QtMsgType, _context: object, message: str) -> None:
        if "FAIL!" in message or kind in (QtMsgType.QtCriticalMsg, QtMsgType.QtFatalMsg):
            failures.append(message)

    previous = qInstallMessageHandler(handler)
    yield failures
    qInstallMessageHandler(previous)


def _index(proposal: Proposal, locator: Locator, item_id: str) -> int:
    return index_of(proposal, locator, item_id)


def _delete(item_locator: Locator, item_id: str) -> Callable[[DocumentSession, UiContext], object]:
    """Delete an item the way every page does: the plan of matrices/deletion.py, pushed as one undo step."""

    def run(session: DocumentSession, context: UiContext) -> object:
        plan = plan_delete(
            session.proposal, context.field_model, item_locator, _index(session.proposal, item_locator, item_id)
        )
        assert plan.ops
        return push_ops(session, plan.ops, "delete")

    return run


def _tree(
    planner: Callable[..., Any], kind: str, *args: Any, **kwargs: Any
) -> Callable[[DocumentSession, UiContext], object]:
    """Run a tree operation of the problem page: planned in problem_tree_ops, pushed as one undo step."""

    def run(session: DocumentSession, _context: UiContext) -> object:
        nodes = getattr(session.proposal.problem_matrix, kind)
        plan = planner(kind, nodes, *args, **kwargs)
        assert plan.ops
        return push_ops(session, plan.ops, "tree")

    return run


def _push(make: Callable[[DocumentSession], Any]) -> Callable[[DocumentSession, UiContext], object]:
    return lambda session, _context: session.push(make(session))


SCRIPT: list[tuple[str, Callable[[DocumentSession, UiContext], object]]] = [
    (
        "add a cause after C2's subtree",
        _tree(plan_add, "causes", "C2", Cause(id="C9", description="nueva"), child=False),
    ),
    ("add a sub-cause to C9", _tree(plan_add, "causes", "C9", Cause(id="C9.1"), child=True)),
    ("indent C3 under C9", _tree(plan_indent, "causes", "C3")),
    ("outdent C3", _tree(plan_outdent, "causes", "C3")),
    ("move C1 down", _tree(plan_move, "causes", "C1", 1)),
    ("move C4.2 up", _tree(plan_move, "causes", "C4.2", -1)),
    ("hang C5 from C2.1", _push(lambda s: SetValueCommand(s, (*CAUSES, ("id", "C5")), "parent_id", "C2.1", "p"))),
    ("describe C2.1", _push(lambda s: SetValueCommand(s, (*CAUSES, ("id", "C2.1")), "description", "x", "d"))),
    ("delete C2 and its sub-causes", _delete(CAUSES, "C2")),
    ("delete effect E1", _delete(EFFECTS, "E1")),
    ("add a datum", _push(lambda s: InsertItemCommand(s, EVIDENCE_LIST, 1, Evidence(id="D9"), "add"))),
    ("move a datum", _push(lambda s: MoveItemCommand(s, EVIDENCE_LIST, 0, 3, "move"))),
    ("delete datum D2 (cited by causes)", _delete(EVIDENCE_LIST, "D2")),
    (
        "add a relation to A01",
        _push(
            lambda s: InsertItemCommand(
                s, (*ACTORS, ("id", "A01"), "relations"), 0, ActorRelation(actor_id="A05"), "add"
            )
        ),
    ),
    ("add an actor with a new id", _push(lambda s: InsertItemCommand(s, ACTORS, 2, Actor(), "add"))),
    ("add a datum with a new id", _push(lambda s: InsertItemCommand(s, EVIDENCE_LIST, 0, Evidence(), "add"))),
    ("move an actor", _push(lambda s: MoveItemCommand(s, ACTORS, 0, 5, "move"))),
    ("delete actor A03 (named everywhere)", _delete(ACTORS, "A03")),
    ("delete actor A01 (its relations go)", _delete(ACTORS, "A01")),
    ("add an axis", _push(lambda s: InsertItemCommand(s, AXES, 0, Axis(id="EJ9", name="Nuevo"), "add"))),
    ("move an axis", _push(lambda s: MoveItemCommand(s, AXES, 0, 3, "move"))),
    (
        "add a line to EJ2",
        _push(
            lambda s: InsertItemCommand(s, (*EJ2, "lines_of_action"), 2, LineOfAction(id="EJ2.L9", text="línea"), "add")
        ),
    ),
    ("move a line of EJ2", _push(lambda s: MoveItemCommand(s, (*EJ2, "lines_of_action"), 0, 2, "move"))),
    ("delete line EJ2.L2", _delete((*EJ2, "lines_of_action"), "EJ2.L2")),
    (
        "add an indicator to EJ2",
        _push(lambda s: InsertItemCommand(s, (*EJ2, "indicators"), 0, Indicator(id="IND2.9", name="i"), "add")),
    ),
    (
        "rename an indicator",
        _push(lambda s: SetValueCommand(s, (*EJ2, "indicators", ("id", "IND2.9")), "name", "otro", "n")),
    ),
    ("add a line to EJ1", _push(lambda s: InsertItemCommand(s, (*EJ1, "lines_of_action"), 0, LineOfAction(), "add"))),
    ("add an indicator to EJ1", _push(lambda s: InsertItemCommand(s, (*EJ1, "indicators"), 1, Indicator(), "add"))),
    ("add an axis with a new id", _push(lambda s: InsertItemCommand(s, AXES, 1, Axis(), "add"))),
    ("delete axis EJ1 with its lines and indicators", _delete(AXES, "EJ1")),
    ("move an end", _push(lambda s: MoveItemCommand(s, ENDS, 4, 0, "move"))),
    ("delete end F2", _delete(ENDS, "F2")),
    ("exclude cause C4", _push(lambda s: InsertItemCommand(s, EXCLUDED, 0, ExcludedCause(cause_id="C4"), "add"))),
    ("exclude cause C5", _push(lambda s: InsertItemCommand(s, EXCLUDED, 0, ExcludedCause(cause_id="C5"), "add"))),
    ("delete cause C4 (its exclusion goes)", _delete(CAUSES, "C4")),
    ("delete instrument I02", _delete(INSTRUMENTS, "I02")),
    ("move an instrument", _push(lambda s: MoveItemCommand(s, INSTRUMENTS, 3, 1, "move"))),
]


def test_every_model_follows_edits_undos_and_redos_row_by_row(
    qtbot: QtBot, example_es: Proposal, example_en: Proposal, tester_failures: list[str], writer: DocumentWriter
) -> None:
    context = make_context()
    session = DocumentSession(MemoryDocument(), example_es, writer=writer)
    watch = Watch(session, context)
    for step, run in SCRIPT:
        assert run(session, context), step
        assert tester_failures == [], step
        watch.check_against_fresh_models(step)
    stack = session.undo_stack
    while stack.canUndo():
        stack.undo()
        assert tester_failures == [], f"undo of {stack.redoText()}"
        watch.check_against_fresh_models(f"undo of {stack.redoText()}")
    assert session.proposal == load_example("es")
    while stack.canRedo():
        stack.redo()
        assert tester_failures == [], f"redo of {stack.undoText()}"
        watch.check_against_fresh_models(f"redo of {stack.undoText()}")

    assert watch.resets == dict.fromkeys(MODELS, 0), "an edit reset a model"
    moved = {name for name, count in watch.row_signals.items() if count}
    assert moved == set(MODELS), f"rows came, went or moved in every model, not in {set(MODELS) - moved}"

    session.push(ReplaceProposalCommand(session, example_en, "restore a snapshot"))  # a reset is right here
    session.undo_stack.undo()
    assert tester_failures == []
    watch.check_against_fresh_models("a restore and its undo")
    assert set(watch.resets.values()) == {2}
