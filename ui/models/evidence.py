"""A table model of the problem's evidence: each datum with its value, unit, cut-off date, source and data type."""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import QAbstractTableModel, QModelIndex, QObject, QPersistentModelIndex, Qt
from PySide6.QtGui import QBrush, QColor

from matrices.edits import EditError, resolve
from matrices.problem import Evidence
from ui.commands import Change, SetValueCommand
from ui.comments.marks import RowMarks
from ui.context import UiContext
from ui.models.rows import RowFollower
from ui.session import DocumentSession
from ui.widgets.plain_text import optional_literal
from ui.widgets.value_fields import display_date, display_number, edit_text_of_number, parse_date, parse_number

AnyIndex = QModelIndex | QPersistentModelIndex
ID_ROLE = Qt.ItemDataRole.UserRole + 2
"""The role that returns a row's item id (the same in every column)."""
DATA_TYPE_ROLE = Qt.ItemDataRole.UserRole + 3
"""The role that returns the row's data type id (official, illustrative...), for the badge painter."""

EVIDENCE_LIST = ("problem_matrix", "evidence")
COLUMNS = ("code", "description", "value", "unit", "cutoff_date", "source", "data_type")
EDITABLE = {"description", "value", "unit", "cutoff_date", "source"}
ILLUSTRATIVE = "illustrative"
ILLUSTRATIVE_FILL = QColor("#FDEBC8")
"""The amber of an illustrative figure: a demo number must never pass for a real statistic."""


class EvidenceTableModel(QAbstractTableModel):
    """Rows are the data of the problem matrix; cell edits go through undo commands on the session."""

    def __init__(self, session: DocumentSession, context: UiContext, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._session = session
        self._context = context
        RowFollower(self, session, lambda: EVIDENCE_LIST, self.items)
        session.changed.connect(self._on_change)
        self._marks = RowMarks(session, self._repaint_codes, self)

    # -- access -----------------------------------------------------------------------------------------------

    def items(self) -> list[Evidence]:
        """Return the evidence list."""
        try:
            items = resolve(self._session.proposal, EVIDENCE_LIST)
        except EditError:
            return []
        return items if isinstance(items, list) else []

    def item_at(self, row: int) -> Evidence | None:
        """Return the datum of a row, or None."""
        items = self.items()
        return items[row] if 0 <= row < len(items) else None

    def row_of(self, item_id: str | None) -> int:
        """Return the row of the datum with item_id, or -1."""
        return next((row for row, item in enumerate(self.items()) if item.id == item_id), -1)

    def code(self, item_id: str) -> str:
        """Return the datum's display code (D1), the same the Word export prints."""
        return self._session.facts.item_codes().codes.get(item_id, "")

    def column_of(self, key: str) -> int:
        """Return the column showing a field (-1 when none does)."""
        return COLUMNS.index(key) if key in COLUMNS else -1

    # -- Qt model interface -----------------------------------------------------------------------------------

    def rowCount(self, parent: AnyIndex = QModelIndex()) -> int:  # noqa: B008
        """Return the number of data (0 under a valid parent: this is a flat table)."""
        return 0 if parent.isValid() else len(self.items())

    def columnCount(self, parent: AnyIndex = QModelIndex()) -> int:  # noqa: B008
        """Return the number of columns (0 under a valid parent)."""
        return 0 if parent.isValid() else len(COLUMNS)

    def data(self, index: AnyIndex, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        """Return a cell's text, edit value, tooltip, badge colours or item id."""
        item = self.item_at(index.row()) if index.isValid() else None
        if item is None:
            return None
        key = COLUMNS[index.column()]
        illustrative = item.data_type == ILLUSTRATIVE
        if role == Qt.ItemDataRole.DisplayRole:
            return self._display(item, key)
        if role == Qt.ItemDataRole.EditRole:
            return self._edit_text(item, key)
        if role == ID_ROLE:
            return item.id
        if key == "code" and role == Qt.ItemDataRole.DecorationRole:
            return self._marks.icon(item.id)
        if key == "code" and role == Qt.ItemDataRole.ToolTipRole and self._marks.tooltip(item.id):
            return self._marks.tooltip(item.id)
        if role == DATA_TYPE_ROLE:
            return item.data_type
        if role == Qt.ItemDataRole.ToolTipRole:
            if illustrative and key in ("value", "data_type"):
                return self.tr("Illustrative value: for the exercise only, not a real statistic.")
            return optional_literal(self._display(item, key))
        if role == Qt.ItemDataRole.BackgroundRole and illustrative and key == "value":
            return QBrush(ILLUSTRATIVE_FILL)
        if role == Qt.ItemDataRole.TextAlignmentRole and key == "value":
            return int(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
        return None

    def headerData(self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        """Return the column headers: field labels from the field model, in the interface language."""
        if orientation != Qt.Orientation.Horizontal or not 0 <= section < len(COLUMNS):
            return None
        if role not in (Qt.ItemDataRole.DisplayRole, Qt.ItemDataRole.ToolTipRole):
            return None
        key = COLUMNS[section]
        if key == "code":
            return self.tr("Code")
        return self._context.label("evidence", key)

    def flags(self, index: AnyIndex) -> Qt.ItemFlag:
        """Let text, figure and date cells be edited in place unless the document is read-only."""
        flags = super().flags(index)
        if index.isValid() and COLUMNS[index.column()] in EDITABLE and not self._session.read_only:
            flags |= Qt.ItemFlag.ItemIsEditable
        return flags

    def setData(self, index: AnyIndex, value: Any, role: int = Qt.ItemDataRole.EditRole) -> bool:
        """Push an undo command that sets the cell's field; refuse text that is not a figure or a date."""
        item = self.item_at(index.row()) if index.isValid() else None
        if item is None or role != Qt.ItemDataRole.EditRole:
            return False
        key = COLUMNS[index.column()]
        try:
            new = _parse(key, value)
        except (TypeError, ValueError):
            return False
        if key == "code":
            return False
        if getattr(item, key) == new:
            return True
        locator = (*EVIDENCE_LIST, ("id", item.id))
        label = self._context.label("evidence", key)
        return self._session.push(SetValueCommand(self._session, locator, key, new, label))

    def retranslate(self) -> None:
        """Show headers, numbers, dates and data types the way the interface language writes them."""
        self.headerDataChanged.emit(Qt.Orientation.Horizontal, 0, len(COLUMNS) - 1)
        if self.rowCount():
            self.dataChanged.emit(self.index(0, 0), self.index(self.rowCount() - 1, len(COLUMNS) - 1))

    # -- keeping up with the session --------------------------------------------------------------------------

    def _repaint_codes(self) -> None:
        if self.rowCount():
            self.dataChanged.emit(self.index(0, 0), self.index(self.rowCount() - 1, 0))

    def _on_change(self, change: Change) -> None:
        # Rows come and go through the RowFollower; here cells are repainted once the change is applied.
        depth = len(EVIDENCE_LIST)
        if change.locator == EVIDENCE_LIST:
            self._repaint_codes()  # D1, D2... follow the rows' positions
        elif change.locator[:depth] == EVIDENCE_LIST and len(change.locator) == depth + 1:
            step = change.locator[depth]
            row = self.row_of(str(step[1])) if isinstance(step, tuple) else -1
            if row >= 0:
                self.dataChanged.emit(self.index(row, 0), self.index(row, len(COLUMNS) - 1))

    # -- helpers ----------------------------------------------------------------------------------------------

    def _display(self, item: Evidence, key: str) -> str:
        lang = self._context.lang
        if key == "code":
            return self.code(item.id)
        if key == "value":
            return display_number(item.value, lang)
        if key == "cutoff_date":
            return display_date(item.cutoff_date, lang)
        if key == "data_type":
            return self._context.catalog_label("enums.json#evidence_type", item.data_type)
        value = getattr(item, key)
        return "" if value is None else str(value)

    def _edit_text(self, item: Evidence, key: str) -> str:
        lang = self._context.lang
        if key == "value":
            return edit_text_of_number(item.value, lang)
        return self._display(item, key)


def _parse(key: str, value: Any) -> Any:
    """Turn an editor's text into the field's value (ValueError when it is not one)."""
    if key == "value":
        return parse_number(str(value or ""))
    if key == "cutoff_date":
        return parse_date(str(value or ""))
    if key == "description":
        return str(value or "")
    if key in ("unit", "source", "data_type"):
        text = str(value or "")
        return text if text.strip() else None
    return value
