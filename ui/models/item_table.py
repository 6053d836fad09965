"""A table model over one list of the proposal, described by column specs; edits go through undo commands."""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import dataclass
from typing import Any, Literal

from pydantic import BaseModel, ValidationError
from PySide6.QtCore import QAbstractTableModel, QModelIndex, QObject, QPersistentModelIndex, Qt

from matrices.display import is_chosen_code
from matrices.edits import EditError, Locator, Step, resolve
from ui.commands import Change, SetValueCommand
from ui.comments.marks import RowMarks
from ui.context import UiContext
from ui.models.rows import RowFollower
from ui.session import DocumentSession
from ui.widgets.plain_text import literal

ColumnKind = Literal["code", "text", "number", "year", "choice"]
Choices = list[tuple[str | None, str]]
"""(value, label) pairs offered by a choice column; the first is usually (None, "—")."""

_NUMBER = re.compile(r"-?\d{1,15}(?:[.,]\d{1,6})?")
_YEAR = re.compile(r"\d{4}")
NUMBER_PATTERN = r"-?\d{0,15}(?:[.,]\d{0,6})?"
"""What a number field lets the participant type (intermediate states included)."""

AnyIndex = QModelIndex | QPersistentModelIndex
ID_ROLE = Qt.ItemDataRole.UserRole + 2
"""The role that returns a row's item id (the same in every column), as in the other item models."""
_ROLES = frozenset(
    {
        ID_ROLE,
        Qt.ItemDataRole.DecorationRole,
        Qt.ItemDataRole.DisplayRole,
        Qt.ItemDataRole.ToolTipRole,
        Qt.ItemDataRole.AccessibleTextRole,
        Qt.ItemDataRole.EditRole,
        Qt.ItemDataRole.TextAlignmentRole,
    }
)


def display_code(item_id: str, fallback: str) -> str:
    """Return the item's id when a person chose it (C1.2, IND1.1), else a code derived from its position."""
    return item_id if is_chosen_code(item_id) else fallback


def parse_number(text: str, year: bool = False) -> tuple[bool, int | float | None]:
    """Parse a typed figure ('' is None; ',' or '.' as decimal mark); (False, None) while it is incomplete."""
    text = text.strip()
    if not text:
        return True, None
    if year:
        if _YEAR.fullmatch(text) and 1000 <= int(text) <= 9999:
            return True, int(text)
        return False, None
    if not _NUMBER.fullmatch(text):
        return False, None
    if "." not in text and "," not in text:
        return True, int(text)
    return True, float(text.replace(",", "."))


def format_number(value: Any) -> str:
    """Show a figure without thousands separators, so that what is shown can be typed back."""
    if value is None:
        return ""
    if isinstance(value, float) and value.is_integer():
        return str(int(value))
    return str(value)


def short(text: str, limit: int = 90) -> str:
    """Cut a long description to one readable line."""
    text = " ".join(text.split())
    return text if len(text) <= limit else text[: limit - 1].rstrip() + "…"


@dataclass(frozen=True)
class Column:
    """One column: which field of the item (or of a nested object) it shows and how it is edited."""

    key: str
    """Dotted field key as findings name it (e.g. 'baseline.value'); also the key for show_item."""
    header: Callable[[], str]
    kind: ColumnKind = "text"
    choices: Callable[[], Choices] | None = None
    """For choice columns: the values offered, labelled in the interface language."""
    width: int = 0
    """Preferred width in pixels (0: fit to contents)."""
    read_only: bool = False
    """Shown but edited elsewhere (e.g. in a detail form with more room)."""

    @property
    def path(self) -> tuple[str, ...]:
        """Return the attributes leading from the item to the object that holds the field."""
        return tuple(self.key.split(".")[:-1])

    @property
    def field(self) -> str:
        """Return the field name on that object."""
        return self.key.split(".")[-1]

    @property
    def editable(self) -> bool:
        """Return whether a cell of this column can be edited in place."""
        return self.kind != "code" and not self.read_only


class ItemTableModel(QAbstractTableModel):
    """Rows are the items of one list of the proposal (addressed by a locator); columns come from specs."""

    def __init__(
        self,
        session: DocumentSession,
        context: UiContext,
        columns: list[Column],
        code: Callable[[int, Any], str] | None = None,
        parent: QObject | None = None,
    ) -> None:
        super().__init__(parent)
        self.session = session
        self.context = context
        self.columns = columns
        self._code = code or (lambda row, item: display_code(str(getattr(item, "id", "")), str(row + 1)))
        self._list_locator: Locator | None = None
        self._codes: dict[int, str] = {}
        """The codes shown, by item (identity), until a change is applied: a code by position (EJ2) must not
        change under Qt's feet while a row is being inserted or removed before it; _on_change repaints them."""
        RowFollower(self, session, self.list_locator, self.items)
        session.changed.connect(self._on_change)
        self._marks = RowMarks(session, self.refresh_labels, self)

    # -- which list -------------------------------------------------------------------------------------------

    def list_locator(self) -> Locator | None:
        """Return the locator of the list shown (None: no list, e.g. no axis selected)."""
        return self._list_locator

    def set_list_locator(self, locator: Locator | None) -> None:
        """Show another list (e.g. the indicators of the newly selected axis)."""
        if locator == self._list_locator:
            return
        self.beginResetModel()
        self._list_locator = locator
        self._codes = {}
        self.endResetModel()

    def items(self) -> list[Any]:
        """Return the items of the list shown ([] when it no longer exists)."""
        if self._list_locator is None:
            return []
        try:
            items = resolve(self.session.proposal, self._list_locator)
        except EditError:
            return []
        return items if isinstance(items, list) else []

    def item_step(self, row: int) -> Step:
        """Return the locator step that picks the item at row (by id when the items have one)."""
        item = self.items()[row]
        item_id = getattr(item, "id", None)
        return ("id", item_id) if item_id is not None else ("index", row)

    def item_locator(self, row: int) -> Locator | None:
        """Return the locator of the item at row."""
        if self._list_locator is None or not 0 <= row < len(self.items()):
            return None
        return (*self._list_locator, self.item_step(row))

    def item_id(self, row: int) -> str | None:
        """Return the id of the item at row, as comments and findings name it (None when it has none)."""
        item_id = getattr(self.items()[row], "id", None)
        return str(item_id) if item_id is not None else None

    def row_of(self, item_id: str) -> int:
        """Return the row of the item with this id (-1 when absent)."""
        for row, item in enumerate(self.items()):
            if getattr(item, "id", None) == item_id:
                return row
        return -1

    def column_of(self, key: str) -> int:
        """Return the column showing the field key (or the first column of its parent object), -1 if none."""
        for number, column in enumerate(self.columns):
            if column.key == key:
                return number
        for number, column in enumerate(self.columns):
            if column.key.startswith(key + ".") or key.startswith(column.key + "."):
                return number
        return -1

    def code(self, row: int) -> str:
        """Return the code shown for the item at row."""
        item = self.items()[row]
        code = self._codes.get(id(item))
        if code is None:
            code = self._codes[id(item)] = self._code(row, item)
        return code

    # -- Qt model interface -----------------------------------------------------------------------------------

    def rowCount(self, parent: AnyIndex | None = None) -> int:
        """Return the number of items (0 under a valid parent: this is a flat table)."""
        if parent is not None and parent.isValid():
            return 0
        return len(self.items())

    def columnCount(self, parent: AnyIndex | None = None) -> int:
        """Return the number of columns (0 under a valid parent)."""
        if parent is not None and parent.isValid():
            return 0
        return len(self.columns)

    def headerData(self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        """Return the column titles in the interface language."""
        horizontal = orientation == Qt.Orientation.Horizontal and 0 <= section < len(self.columns)
        if horizontal and role in (Qt.ItemDataRole.DisplayRole, Qt.ItemDataRole.ToolTipRole):
            return self.columns[section].header()
        return None

    def flags(self, index: AnyIndex) -> Qt.ItemFlag:
        """Allow in-place editing of editable columns unless the document is read-only."""
        if not index.isValid():
            return Qt.ItemFlag.NoItemFlags
        flags = Qt.ItemFlag.ItemIsEnabled | Qt.ItemFlag.ItemIsSelectable
        if self.columns[index.column()].editable and not self.session.read_only:
            flags |= Qt.ItemFlag.ItemIsEditable
        return flags

    def value(self, row: int, column: Column) -> Any:
        """Return the raw value of a cell."""
        target: Any = self.items()[row]
        for attribute in column.path:
            target = getattr(target, attribute, None)
            if target is None:
                return None
        return getattr(target, column.field, None)

    def display(self, row: int, column: Column) -> str:
        """Return a cell as text in the interface language."""
        if column.kind == "code":
            return self.code(row)
        value = self.value(row, column)
        if column.kind in ("number", "year"):
            return format_number(value)
        if column.kind == "choice":
            if value is None:
                return ""
            labels = dict(column.choices() if column.choices else [])
            return labels.get(value, f"{value} (?)")
        return "" if value is None else str(value)

    def data(self, index: AnyIndex, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        """Return a cell's text, raw value (EditRole), tooltip or alignment."""
        # Views ask for a dozen roles per cell while sizing rows: answer the unused ones before resolving the list.
        if role not in _ROLES or not index.isValid() or not 0 <= index.row() < len(self.items()):
            return None
        column = self.columns[index.column()]
        if role == ID_ROLE:
            return self.item_id(index.row())
        if role == Qt.ItemDataRole.DecorationRole:
            return self._marks.icon(self.item_id(index.row())) if index.column() == 0 else None
        if (
            role == Qt.ItemDataRole.ToolTipRole
            and index.column() == 0
            and self._marks.tooltip(self.item_id(index.row()))
        ):
            return self._marks.tooltip(self.item_id(index.row()))
        if role in (Qt.ItemDataRole.DisplayRole, Qt.ItemDataRole.AccessibleTextRole):
            return self.display(index.row(), column)
        if role == Qt.ItemDataRole.ToolTipRole:
            return literal(self.display(index.row(), column))
        if role == Qt.ItemDataRole.EditRole:
            value = self.value(index.row(), column)
            return format_number(value) if column.kind in ("number", "year") else value
        if role == Qt.ItemDataRole.TextAlignmentRole and column.kind in ("number", "year"):
            return int(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
        return None

    def setData(self, index: AnyIndex, value: Any, role: int = Qt.ItemDataRole.EditRole) -> bool:
        """Push the edit as an undo command (never mutate directly); False when invalid or unchanged."""
        if role != Qt.ItemDataRole.EditRole or not index.isValid() or self.session.read_only:
            return False
        column = self.columns[index.column()]
        if not column.editable:
            return False
        if column.kind in ("number", "year"):
            ok, value = parse_number("" if value is None else str(value), year=column.kind == "year")
            if not ok:
                return False
        elif column.kind == "text" and isinstance(value, str) and not value.strip() and self._nullable(column):
            value = None
        locator = self.item_locator(index.row())
        if locator is None or self.value(index.row(), column) == value:
            return False
        command = SetValueCommand(self.session, (*locator, *column.path), column.field, value, column.header())
        try:
            return self.session.push(command)
        except ValidationError:
            # The model refused the value (e.g. a year out of range): nothing was changed.
            return False

    def _nullable(self, column: Column) -> bool:
        owner = self.items()[0] if self.items() else None
        for attribute in column.path:
            owner = getattr(owner, attribute, None)
        if not isinstance(owner, BaseModel):
            return False
        info = type(owner).model_fields.get(column.field)
        return info is not None and info.default is None

    # -- keeping in sync ----------------------------------------------------------------------------------------

    def refresh_labels(self) -> None:
        """Repaint every cell and header (language switch, renamed causes or actors)."""
        self._codes = {}
        self._repaint()
        self.headerDataChanged.emit(Qt.Orientation.Horizontal, 0, max(self.columnCount() - 1, 0))

    def _on_change(self, change: Change) -> None:
        # Rows come and go through the RowFollower; here cells are repainted once the change is applied.
        self._codes = {}
        own = self._list_locator
        if own is None:
            return
        if change.kind == "structure":
            if change.locator == own:
                self._repaint()  # codes such as EJ2 or F3 follow the rows' positions
            return
        touched = (*change.locator, change.field)
        if touched[: len(own)] == own and len(touched) > len(own):
            step = touched[len(own)]
            row = next((r for r in range(self.rowCount()) if self.item_step(r) == step), -1)
            if row >= 0:
                self.dataChanged.emit(self.index(row, 0), self.index(row, self.columnCount() - 1))

    def _repaint(self) -> None:
        if self.rowCount() and self.columnCount():
            self.dataChanged.emit(self.index(0, 0), self.index(self.rowCount() - 1, self.columnCount() - 1))
