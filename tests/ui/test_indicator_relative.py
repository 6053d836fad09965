"""'Relative to baseline' shows and sets its three states (yes, no, not given), each through the undo stack."""

from __future__ import annotations

import pytest
from PySide6.QtWidgets import QComboBox
from pytestqt.qtbot import QtBot

from matrices.catalogs import Catalogs
from matrices.fieldmodel import FieldModel
from matrices.proposal import Proposal
from matrices.rules import default_rulebook
from tests.ui.helpers import MemoryDocument
from ui.context import UiContext
from ui.pages.strategy import TAB_INDICATORS, StrategyPage
from ui.session import DocumentSession
from ui.translation import LanguageSwitcher
from ui.writer import DocumentWriter


@pytest.fixture
def page(
    qtbot: QtBot,
    catalogs: Catalogs,
    field_model: FieldModel,
    example_es: Proposal,
    spanish: LanguageSwitcher,
    writer: DocumentWriter,
) -> StrategyPage:
    context = UiContext(catalogs, field_model, default_rulebook(catalogs, field_model))
    strategy = StrategyPage(DocumentSession(MemoryDocument(), example_es, writer=writer), context)
    qtbot.addWidget(strategy)
    strategy.tabs.setCurrentIndex(TAB_INDICATORS)
    return strategy


def pick(combo: QComboBox, index: int) -> None:
    """Choose an entry as a click in the popup does (current index, then activated)."""
    combo.setCurrentIndex(index)
    combo.activated.emit(index)


def test_relative_to_baseline_shows_and_sets_yes_no_and_not_given(page: StrategyPage) -> None:
    editor = page.general_indicators
    combo = editor.widgets["target.relative_to_baseline"]
    assert isinstance(combo, QComboBox)
    assert [combo.itemText(i) for i in range(combo.count())] == ["—", "Sí", "No"]
    target = lambda: page.session.proposal.strategy_matrix.general_indicators[0].target  # noqa: E731
    assert target().relative_to_baseline is True
    assert combo.currentText() == "Sí"
    stack = page.session.undo_stack
    steps = stack.count()

    pick(combo, combo.findText("No"))
    assert target().relative_to_baseline is False
    assert stack.count() == steps + 1
    stack.undo()
    assert target().relative_to_baseline is True
    assert combo.currentText() == "Sí"
    stack.redo()
    assert combo.currentText() == "No", "'no' does not look like 'not given'"
    stack.undo()

    pick(combo, combo.findText("—"))
    assert target().relative_to_baseline is None, "'not given' is a state of its own, not 'no'"
    assert stack.count() == steps + 1
    stack.undo()
    assert target().relative_to_baseline is True
    stack.redo()
    assert target().relative_to_baseline is None
    assert combo.currentText() == "—"


def test_a_new_indicator_shows_not_given_and_no_differs_from_it(page: StrategyPage) -> None:
    editor = page.general_indicators
    combo = editor.widgets["target.relative_to_baseline"]
    assert isinstance(combo, QComboBox)
    assert combo.currentText() == "Sí"
    editor.list.add_button.click()
    indicators = lambda: page.session.proposal.strategy_matrix.general_indicators  # noqa: E731
    new_id = editor.current_id()
    assert new_id not in {"INDG1", "INDG2"}
    assert next(i for i in indicators() if i.id == new_id).target.relative_to_baseline is None
    assert combo.currentText() == "—"
    pick(combo, combo.findText("No"))
    assert next(i for i in indicators() if i.id == new_id).target.relative_to_baseline is False
    assert combo.currentText() != "—"
