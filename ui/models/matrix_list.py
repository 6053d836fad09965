"""A table model over one list of items of the proposal (actors, instruments), built from column specs."""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import dataclass
from typing import Any

from PySide6.QtCore import QAbstractTableModel, QModelIndex, QObject, QPersistentModelIndex, Qt

from export.refs import Refs
from matrices.catalogs import Catalogs
from matrices.edits import EditError, Locator, resolve
from matrices.localized import COURSE_LANGUAGE, Lang
from ui.commands import Change, SetValueCommand
from ui.comments.marks import RowMarks
from ui.models.rows import RowFollower
from ui.session import DocumentSession
from ui.widgets.plain_text import optional_literal

SORT_ROLE = Qt.ItemDataRole.UserRole + 1
"""The role a QSortFilterProxyModel sorts by: numbers sort as numbers, codes in their natural order."""
ID_ROLE = Qt.ItemDataRole.UserRole + 2
"""The role that returns the row's item id (the same in every column)."""

AnyIndex = QModelIndex | QPersistentModelIndex


class RefsCache:
    """Display codes (A01, EJ2.L1, IND1.2) and names of the proposal's items, rebuilt lazily after each edit."""

    def __init__(self, session: DocumentSession, catalogs: Catalogs) -> None:
        self._session = session
        self._catalogs = catalogs
        self._refs: Refs | None = None
        self._lang: Lang = COURSE_LANGUAGE

    def invalidate(self) -> None:
        """Forget the codes (call before telling views that something changed)."""
        self._refs = None

    def get(self, lang: Lang) -> Refs:
        """Return the codes and names of the current proposal."""
        if self._refs is None or self._lang != lang:
            # The export's numbering, so that the codes on screen are the codes in the Word file.
            self._refs = self._session.facts.refs(self._catalogs, lang)
            self._lang = lang
        return self._refs


@dataclass(frozen=True)
class Column:
    """One column: its field, header and how a cell is shown, sorted and (optionally) edited."""

    key: str
    header: Callable[[], str]
    display: Callable[[Any], str]
    sort_key: Callable[[Any], int | float | str] | None = None
    """A value Qt can compare (not a tuple): numbers sort as numbers."""
    tooltip: Callable[[Any], str] | None = None
    decoration: Callable[[Any], Any] | None = None
    parse: Callable[[Any], Any] | None = None
    """Turns an editor's value into the field's value (raise ValueError to refuse); None: not editable."""
    edit_value: Callable[[Any], Any] | None = None
    short_header: Callable[[], str] | None = None
    """A shorter header for a narrow column; the full one becomes its tooltip."""


def natural_key(text: str) -> str:
    """Return a sort key (a plain string, which Qt can compare) that puts A2 before A10 and ignores case."""
    return re.sub(r"\d+", lambda match: match.group().zfill(12), text.casefold())


class MatrixListModel(QAbstractTableModel):
    """Rows are the items of one list of the proposal; edits go through undo commands on the session."""

    def __init__(
        self,
        session: DocumentSession,
        list_locator: Locator,
        columns: list[Column],
        refs: RefsCache,
        parent: QObject | None = None,
    ) -> None:
        super().__init__(parent)
        self._session = session
        self.list_locator = list_locator
        self.columns = columns
        self.refs = refs
        RowFollower(self, session, lambda: self.list_locator, self.items)
        session.changed.connect(self._on_change)
        self._marks = RowMarks(session, self._all_changed, self)

    # -- access -----------------------------------------------------------------------------------------

    @property
    def session(self) -> DocumentSession:
        """Return the session whose proposal the model shows."""
        return self._session

    def items(self) -> list[Any]:
        """Return the list the model shows (empty when the locator no longer resolves)."""
        try:
            items = resolve(self._session.proposal, self.list_locator)
        except EditError:
            return []
        return items if isinstance(items, list) else []

    def item_at(self, row: int) -> Any | None:
        """Return the item of a row, or None."""
        items = self.items()
        return items[row] if 0 <= row < len(items) else None

    def row_of(self, item_id: str | None) -> int:
        """Return the row of the item with item_id, or -1."""
        for row, item in enumerate(self.items()):
            if getattr(item, "id", None) == item_id:
                return row
        return -1

    def locator_step(self, row: int, item: Any) -> tuple[str, str | int]:
        """Return the locator step that picks a row's item (by id; lists without ids override with an index)."""
        del row
        return ("id", item.id)

    def item_locator(self, row: int) -> Locator | None:
        """Return the locator of a row's item, or None when there is no such row."""
        item = self.item_at(row)
        return None if item is None else (*self.list_locator, self.locator_step(row, item))

    def set_list_locator(self, list_locator: Locator) -> None:
        """Show another list (the relations of another actor)."""
        self.refs.invalidate()
        self.beginResetModel()
        self.list_locator = list_locator
        self.endResetModel()

    def column_of(self, key: str) -> int:
        """Return the column showing a field, or -1."""
        return next((number for number, column in enumerate(self.columns) if column.key == key), -1)

    def retranslate(self) -> None:
        """Show headers and catalogue labels in the interface language (the columns read it when asked)."""
        self.refs.invalidate()
        self.headerDataChanged.emit(Qt.Orientation.Horizontal, 0, len(self.columns) - 1)
        self._all_changed()

    # -- Qt model interface -------------------------------------------------------------------------------

    def rowCount(self, parent: AnyIndex = QModelIndex()) -> int:  # noqa: B008
        """Return the number of items (0 under a valid parent: this is a flat table)."""
        return 0 if parent.isValid() else len(self.items())

    def columnCount(self, parent: AnyIndex = QModelIndex()) -> int:  # noqa: B008
        """Return the number of columns (0 under a valid parent)."""
        return 0 if parent.isValid() else len(self.columns)

    def data(self, index: AnyIndex, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        """Return a cell's text, sort key, tooltip, colour dot or edit value."""
        item = self.item_at(index.row()) if index.isValid() else None
        if item is None or not 0 <= index.column() < len(self.columns):
            return None
        column = self.columns[index.column()]
        if role == Qt.ItemDataRole.DisplayRole:
            return column.display(item)
        if role == ID_ROLE:
            return getattr(item, "id", None)
        if index.column() == 0 and role == Qt.ItemDataRole.DecorationRole and column.decoration is None:
            return self._marks.icon(getattr(item, "id", None))
        if (
            index.column() == 0
            and role == Qt.ItemDataRole.ToolTipRole
            and self._marks.tooltip(getattr(item, "id", None))
        ):
            return self._marks.tooltip(getattr(item, "id", None))
        if role == SORT_ROLE:
            if column.sort_key is not None:
                return column.sort_key(item)
            return natural_key(column.display(item))
        if role == Qt.ItemDataRole.ToolTipRole:
            return optional_literal(column.tooltip(item) if column.tooltip else column.display(item))
        if role == Qt.ItemDataRole.DecorationRole and column.decoration is not None:
            return column.decoration(item)
        if role == Qt.ItemDataRole.EditRole and column.parse is not None:
            return column.edit_value(item) if column.edit_value else getattr(item, column.key)
        return None

    def headerData(self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        """Return the column headers in the interface language."""
        if orientation != Qt.Orientation.Horizontal or not 0 <= section < len(self.columns):
            return None
        column = self.columns[section]
        if role == Qt.ItemDataRole.DisplayRole:
            return (column.short_header or column.header)()
        if role == Qt.ItemDataRole.ToolTipRole:
            return column.header()
        return None

    def flags(self, index: AnyIndex) -> Qt.ItemFlag:
        """Let the editable columns be edited in place unless the document is read-only."""
        flags = super().flags(index)
        if index.isValid() and self.columns[index.column()].parse is not None and not self._session.read_only:
            flags |= Qt.ItemFlag.ItemIsEditable
        return flags

    def setData(self, index: AnyIndex, value: Any, role: int = Qt.ItemDataRole.EditRole) -> bool:
        """Push an undo command that sets the cell's field; the model updates when the session says so."""
        item = self.item_at(index.row()) if index.isValid() else None
        column = self.columns[index.column()] if item is not None else None
        if item is None or column is None or column.parse is None or role != Qt.ItemDataRole.EditRole:
            return False
        try:
            new = column.parse(value)
        except (TypeError, ValueError):
            return False
        if getattr(item, column.key) == new:
            return True
        locator = (*self.list_locator, self.locator_step(index.row(), item))
        return self._session.push(SetValueCommand(self._session, locator, column.key, new, column.header()))

    # -- keeping up with the session ------------------------------------------------------------------------

    def _all_changed(self) -> None:
        if self.rowCount():
            self.dataChanged.emit(self.index(0, 0), self.index(self.rowCount() - 1, len(self.columns) - 1))

    def _on_change(self, change: Change) -> None:
        # Rows come and go through the RowFollower; here cells are repainted once the change is applied.
        self.refs.invalidate()
        depth = len(self.list_locator)
        if change.locator[:depth] == self.list_locator and len(change.locator) > depth:
            step = change.locator[depth]
            row = -1
            if isinstance(step, tuple):
                row = self.row_of(str(step[1])) if step[0] == "id" else int(step[1])
            if 0 <= row < self.rowCount():
                self.dataChanged.emit(self.index(row, 0), self.index(row, len(self.columns) - 1))
                return
        # Anything else may change a code or a name these rows show (an axis renamed, an actor removed).
        self._all_changed()
