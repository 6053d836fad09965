"""What the pages derive from the whole proposal is computed once per change, never per cell, row or finding.

A proposal may hold 25,000 causes (docs/limits.md). Numbering the items (ItemCodes) or walking a tree (tree_walk)
costs time in proportion to it; done for every cell painted, every choice offered or every finding listed, the
Problem and Strategic axes pages of a 20,000-cause proposal took seconds each (bench/bench_editor_size.py). These
tests count the work instead of timing it: the count must not grow with the number of rows shown.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

import pytest
from PySide6.QtCore import QModelIndex, Qt
from PySide6.QtWidgets import QApplication, QWidget
from pytestqt.qtbot import QtBot

import export.diagrams.problem_tree
import export.refs
import matrices.problem
import ui.models.proposal_facts
import ui.models.tree_shape
import ui.pages.strategy_binding
from matrices.catalogs import Catalogs
from matrices.display import ItemCodes
from matrices.examples import load_example
from matrices.fieldmodel import FieldModel
from matrices.findings import Finding
from matrices.localized import LocalizedText
from matrices.problem import Cause
from matrices.proposal import Proposal
from matrices.rules import default_rulebook
from matrices.strategy import End
from tests.ui.helpers import MemoryDocument
from ui.commands import SetValueCommand
from ui.context import UiContext
from ui.pages.problem import CAUSES, ProblemPage
from ui.pages.review import ReviewPage
from ui.pages.strategy import StrategyPage
from ui.session import DocumentSession
from ui.widgets.column_fit import ColumnFitter
from ui.writer import DocumentWriter

_WALKERS = (
    matrices.problem,
    export.refs,
    export.diagrams.problem_tree,
    ui.models.proposal_facts,
    ui.models.tree_shape,
    ui.pages.strategy_binding,
)
"""Every module that calls tree_walk by its own name for it."""


@pytest.fixture
def context(catalogs: Catalogs, field_model: FieldModel) -> UiContext:
    rulebook = default_rulebook(catalogs, field_model)
    return UiContext(catalogs, field_model, rulebook)


@pytest.fixture
def counts(monkeypatch: pytest.MonkeyPatch) -> dict[str, int]:
    """Count the tree walks and the numberings of the proposal from now on."""
    counted = {"tree_walk": 0, "ItemCodes": 0}
    walk = matrices.problem.tree_walk

    def counting_walk(*args: Any, **kwargs: Any) -> Any:
        counted["tree_walk"] += 1
        return walk(*args, **kwargs)

    for module in _WALKERS:
        monkeypatch.setattr(module, "tree_walk", counting_walk)
    numbering = ItemCodes.__init__

    def counting_codes(self: ItemCodes, *args: Any, **kwargs: Any) -> None:
        counted["ItemCodes"] += 1
        numbering(self, *args, **kwargs)

    monkeypatch.setattr(ItemCodes, "__init__", counting_codes)
    return counted


def _grown(causes: int, ends: int) -> Proposal:
    """The example with `causes` more direct causes and `ends` more ends, each reversing an effect."""
    proposal = load_example("es")
    problem, strategy = proposal.problem_matrix, proposal.strategy_matrix
    problem.causes.extend(
        Cause(id=f"CX{i}", level="direct", description=f"Causa añadida {i}", category="capacities")
        for i in range(causes)
    )
    effect = problem.effects[0].id
    strategy.ends.extend(End(id=f"FX{i}", effect_id=effect, description=f"Fin {i}") for i in range(ends))
    return proposal


def _every_cell(page: QWidget) -> None:
    """Ask every table model under page for every cell, as views painting all their rows would."""
    from PySide6.QtCore import QAbstractItemModel
    from PySide6.QtWidgets import QAbstractItemView

    views = page.findChildren(QAbstractItemView)
    models: list[QAbstractItemModel] = [view.model() for view in views]
    for model in models:
        if not type(model).__module__.startswith("ui."):
            continue  # Qt's own list models (combo boxes) hold no item codes
        stack = [QModelIndex()]
        while stack:
            parent = stack.pop()
            for row in range(model.rowCount(parent)):
                for column in range(model.columnCount(parent)):
                    index = model.index(row, column, parent)
                    for role in (Qt.ItemDataRole.DisplayRole, Qt.ItemDataRole.EditRole, Qt.ItemDataRole.ToolTipRole):
                        model.data(index, role)
                stack.append(model.index(row, 0, parent))


def _show(qtbot: QtBot, page: QWidget) -> None:
    qtbot.addWidget(page)
    page.resize(1360, 860)
    page.show()
    qtbot.waitExposed(page)


PageMaker = Callable[[DocumentSession, UiContext], QWidget]


def _problem_on_causes(session: DocumentSession, context: UiContext) -> QWidget:
    page = ProblemPage(session, context)
    page.tabs.setCurrentIndex(CAUSES)
    return page


@pytest.mark.parametrize("make", [_problem_on_causes, StrategyPage], ids=["problem", "strategy"])
@pytest.mark.parametrize("rows", [5, 60])
def test_after_an_edit_a_page_walks_each_tree_and_numbers_the_items_at_most_once(
    make: PageMaker,
    rows: int,
    qtbot: QtBot,
    qapp: QApplication,
    context: UiContext,
    writer: DocumentWriter,
    counts: dict[str, int],
) -> None:
    session = DocumentSession(MemoryDocument(), _grown(causes=rows, ends=rows), writer=writer)
    page = make(session, context)
    _show(qtbot, page)
    cause = session.proposal.problem_matrix.causes[-1].id
    session.push(SetValueCommand(session, ("problem_matrix", "causes", ("id", cause)), "description", "Otra", "t"))
    counts.update(tree_walk=0, ItemCodes=0)

    page.grab()  # paints every visible row, cell and the tree picture
    qapp.processEvents()
    _every_cell(page)
    page.grab()
    qapp.processEvents()

    assert counts["tree_walk"] <= 2, counts  # the causes' and the effects', whatever the number of rows
    assert counts["ItemCodes"] <= 1, counts


@pytest.mark.parametrize("findings", [3, 300])
def test_listing_findings_fits_the_columns_once_per_group_not_per_finding(
    findings: int,
    qtbot: QtBot,
    context: UiContext,
    writer: DocumentWriter,
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    fits: list[int] = []
    fit = ColumnFitter.fit

    def counting_fit(self: ColumnFitter) -> None:
        fits.append(1)
        fit(self)

    monkeypatch.setattr(ColumnFitter, "fit", counting_fit)
    session = DocumentSession(MemoryDocument(), load_example("es"), writer=writer)
    page = ReviewPage(session, context, lambda *_args: None)
    _show(qtbot, page)
    listed = [
        Finding(rule="P01", severity="warning", matrix="problem", text=LocalizedText({"es": f"Aviso {i}"}))
        for i in range(findings)
    ]
    fits.clear()
    page.set_findings(listed, {})
    assert len(fits) <= 4, len(fits)  # clearing, the group's row, its findings at once, expanding it
