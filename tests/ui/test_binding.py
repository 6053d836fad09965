"""FieldBinder's figures and dates: typed text reaches the proposal through undo commands, a form follows an undo."""

from __future__ import annotations

from datetime import date

from PySide6.QtWidgets import QLineEdit, QWidget
from pytestqt.qtbot import QtBot

from matrices.examples import load_example
from tests.ui.helpers import MemoryDocument, type_text
from ui.binding import FieldBinder
from ui.pages.problem_tree_ops import item_locator
from ui.session import DocumentSession
from ui.widgets.value_fields import DateField, NumberField
from ui.writer import DocumentWriter


class Form(QWidget):
    """An evidence datum's figure and cut-off date, bound by a FieldBinder."""

    def __init__(self, read_only: bool, writer: DocumentWriter) -> None:
        super().__init__()
        self.session = DocumentSession(MemoryDocument(read_only=read_only), load_example("es"), self, writer=writer)
        self.binder = FieldBinder(self.session, lambda: item_locator("evidence", "D1"), "evidence", self)
        self.value, self.cutoff = NumberField(self), DateField(self)
        self.binder.bind_number(self.value, "value", "Valor")
        self.binder.bind_date(self.cutoff, "cutoff_date", "Fecha de corte")
        self.binder.refresh()


def _form(qtbot: QtBot, read_only: bool = False, *, writer: DocumentWriter) -> Form:
    form = Form(read_only, writer=writer)
    qtbot.addWidget(form)
    return form


def test_a_typed_figure_and_date_are_stored_and_one_undo_each_restores_them(
    qtbot: QtBot, writer: DocumentWriter
) -> None:
    form = _form(qtbot, writer=writer)
    session, value, cutoff = form.session, form.value, form.cutoff
    evidence = session.proposal.problem_matrix.evidence[0]
    assert value.text() == "16742"
    assert cutoff.value() == date(2021, 5, 31)
    value.setFocus()
    value.selectAll()
    type_text(value, "12,5")
    assert evidence.value == 12.5
    cutoff.line_edit.selectAll()
    type_text(cutoff.line_edit, "01/02/2024")
    assert evidence.cutoff_date == date(2024, 2, 1)
    session.undo_stack.undo()
    assert evidence.cutoff_date == date(2021, 5, 31)
    assert cutoff.value() == date(2021, 5, 31), "the form follows the undo"
    session.undo_stack.undo()
    assert evidence.value == 16742
    assert value.text() == "16742"


def test_an_unfinished_date_is_not_stored(qtbot: QtBot, writer: DocumentWriter) -> None:
    form = _form(qtbot, writer=writer)
    session, cutoff = form.session, form.cutoff
    cutoff.line_edit.selectAll()
    type_text(cutoff.line_edit, "31/02/20")
    assert session.proposal.problem_matrix.evidence[0].cutoff_date == date(2021, 5, 31)
    assert not session.undo_stack.count()


def test_read_only_figures_and_dates_cannot_be_typed_into(qtbot: QtBot, writer: DocumentWriter) -> None:
    form = _form(qtbot, read_only=True, writer=writer)
    binder, value, cutoff = form.binder, form.value, form.cutoff
    assert value.isReadOnly()
    assert cutoff.line_edit.isReadOnly()
    assert not cutoff.button.isEnabled()
    assert binder.anchor(cutoff.line_edit) == ("problem", "D1", "cutoff_date"), "the date's line edit is the field"
    assert binder.anchor(QLineEdit()) is None
