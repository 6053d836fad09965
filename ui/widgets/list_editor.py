"""A table of one list of the proposal with add, remove and move buttons; each action is one undo step."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from PySide6.QtCore import QItemSelectionModel, QModelIndex, Qt, Signal
from PySide6.QtGui import QKeySequence, QShortcut
from PySide6.QtWidgets import (
    QAbstractItemView,
    QHBoxLayout,
    QHeaderView,
    QPushButton,
    QSizePolicy,
    QStyle,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from ui.commands import InsertItemCommand, MoveItemCommand
from ui.deleting import Deleter
from ui.models.item_table import ItemTableModel
from ui.widgets.column_delegate import ColumnDelegate
from ui.widgets.column_fit import ColumnFitter


class ListEditor(QWidget):
    """Shows an ItemTableModel and edits the list's structure through undo commands."""

    current_changed = Signal(int)
    """The current row (-1: none)."""
    cell_focused = Signal(str)
    """The field key of the cell that became current while the table has the focus."""
    item_added = Signal(int)
    """The row of an item just added with the Add button or the Insert key (a form may take the focus)."""

    def __init__(
        self,
        model: ItemTableModel,
        factory: Callable[[], Any],
        noun: Callable[[], str],
        parent: QWidget | None = None,
        visible_rows: int = 4,
        compact: bool = False,
        wrap: bool = True,
        *,
        deleter: Deleter,
        fit_columns: bool = False,
    ) -> None:
        super().__init__(parent)
        self.model = model
        self.deleter = deleter
        """Plans and pushes the Remove button's delete (with the links to the item), asking when it must."""
        self._factory = factory
        self._noun = noun
        self._compact = compact

        self.table = QTableView(self)
        self.table.setModel(model)
        self.table.setItemDelegate(ColumnDelegate(self.table))
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.table.setAlternatingRowColors(True)
        # Wrapped rows show long descriptions whole; one-line rows (with tooltips) make a denser selector.
        self.table.setWordWrap(wrap)
        # Tab leaves the table (arrow keys move between cells), so a keyboard user can walk through the form.
        self.table.setTabKeyNavigation(False)
        self.table.setEditTriggers(
            QAbstractItemView.EditTrigger.DoubleClicked
            | QAbstractItemView.EditTrigger.EditKeyPressed
            | QAbstractItemView.EditTrigger.AnyKeyPressed
        )
        self.table.verticalHeader().setVisible(False)
        if wrap:
            self.table.verticalHeader().setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        else:
            self.table.verticalHeader().setDefaultSectionSize(self.table.fontMetrics().height() + 12)
        header = self.table.horizontalHeader()
        header.setDefaultAlignment(Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter)
        header.setHighlightSections(False)
        # Wrapped rows must grow or shrink when a column is resized, not keep the height of the first layout.
        if wrap:
            header.sectionResized.connect(lambda *_: self.table.resizeRowsToContents())
        # Columns as wide as their titles and cells, one stretching; a selector above a form that shows every
        # field (the indicators) leaves out the columns that do not fit rather than scroll sideways.
        self.columns = ColumnFitter(self.table, self._stretch_column(fit_columns), frozenset({0}), hide=fit_columns)
        self.columns.widths.update({n: c.width for n, c in enumerate(self.model.columns) if c.width})
        row_height = self.table.fontMetrics().height() + 12
        self.table.setMinimumHeight(header.sizeHint().height() + visible_rows * row_height + 4)
        self.table.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Expanding)

        style = self.style()
        self.add_button = QPushButton(self)
        self.add_button.setIcon(style.standardIcon(QStyle.StandardPixmap.SP_FileDialogNewFolder))
        self.remove_button = QPushButton(self)
        self.remove_button.setIcon(style.standardIcon(QStyle.StandardPixmap.SP_DialogDiscardButton))
        self.up_button = QPushButton(self)
        self.up_button.setIcon(style.standardIcon(QStyle.StandardPixmap.SP_ArrowUp))
        self.down_button = QPushButton(self)
        self.down_button.setIcon(style.standardIcon(QStyle.StandardPixmap.SP_ArrowDown))
        buttons = QHBoxLayout()
        buttons.setContentsMargins(0, 0, 0, 0)
        for button in (self.add_button, self.remove_button, self.up_button, self.down_button):
            button.setAutoDefault(False)
            buttons.addWidget(button)
        buttons.addStretch(1)

        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.setSpacing(6)
        layout.addWidget(self.table, 1)
        if compact:
            # A narrow column (the axis list): "Add" on a row of its own, the three icon buttons under it.
            buttons.removeWidget(self.add_button)
            layout.addWidget(self.add_button)
        layout.addLayout(buttons)

        self.add_button.clicked.connect(self.add_item)
        self.remove_button.clicked.connect(self.remove_current)
        self.up_button.clicked.connect(lambda: self.move_current(-1))
        self.down_button.clicked.connect(lambda: self.move_current(1))
        for keys, action in (
            (QKeySequence(Qt.Key.Key_Insert), self.add_item),
            (QKeySequence(Qt.Modifier.CTRL | Qt.Key.Key_Delete), self.remove_current),
            (QKeySequence(Qt.Modifier.ALT | Qt.Key.Key_Up), lambda: self.move_current(-1)),
            (QKeySequence(Qt.Modifier.ALT | Qt.Key.Key_Down), lambda: self.move_current(1)),
        ):
            shortcut = QShortcut(QKeySequence(keys), self.table)
            shortcut.setContext(Qt.ShortcutContext.WidgetShortcut)
            shortcut.activated.connect(action)
        # Edits add, remove and move single rows: the table keeps its selection and current cell by itself. A reset
        # means another list (another axis's lines) or a whole new content: its first row is shown.
        model.modelReset.connect(self._show_first)
        for rows_changed in (model.rowsInserted, model.rowsRemoved, model.rowsMoved):
            rows_changed.connect(lambda *_: self.update_buttons())
        self.table.selectionModel().currentRowChanged.connect(self._on_current_changed)
        self.table.selectionModel().currentChanged.connect(self._on_cell_changed)
        self.retranslate()

    def retranslate(self) -> None:
        """Re-apply button texts and the table's accessible name in the interface language."""
        noun = self._noun()
        self.add_button.setText(self.tr("Add"))
        self.add_button.setToolTip(self.tr("Add: %1").replace("%1", noun))
        remove = self.tr("Remove")
        self.remove_button.setText("" if self._compact else remove)
        up, down = self.tr("Up"), self.tr("Down")
        # In a narrow column (the axis list) the icons speak for themselves; the names stay for screen readers.
        self.up_button.setText("" if self._compact else up)
        self.up_button.setToolTip(self.tr("Move the selected row up (Alt+Up)"))
        self.down_button.setText("" if self._compact else down)
        self.down_button.setToolTip(self.tr("Move the selected row down (Alt+Down)"))
        self.add_button.setToolTip(self.add_button.toolTip() + " (Insert)")
        self.remove_button.setToolTip(self.tr("Remove the selected row (Ctrl+Delete)"))
        self.table.setAccessibleName(noun)
        for button, text in (
            (self.add_button, self.add_button.text()),
            (self.remove_button, remove),
            (self.up_button, up),
            (self.down_button, down),
        ):
            button.setAccessibleName(f"{text} — {noun}")
        self.model.refresh_labels()

    def _stretch_column(self, fit_columns: bool = False) -> int:
        last = len(self.model.columns) - 1
        if self.model.columns[last].width == 0 and not fit_columns:
            return last
        # The widest text column (an indicator's name) reads best when it takes the spare width.
        return max(range(last + 1), key=lambda number: self.model.columns[number].width)

    # -- selection --------------------------------------------------------------------------------------------

    def current_row(self) -> int:
        """Return the selected row, or -1."""
        index = self.table.currentIndex()
        return index.row() if index.isValid() else -1

    def select_row(self, row: int, column: int = 0) -> None:
        """Make row (and column) current and visible."""
        if not 0 <= row < self.model.rowCount():
            self.table.setCurrentIndex(QModelIndex())
            self.update_buttons()
            return
        index = self.model.index(row, max(column, 0))
        flags = QItemSelectionModel.SelectionFlag.ClearAndSelect | QItemSelectionModel.SelectionFlag.Rows
        self.table.selectionModel().setCurrentIndex(index, flags)
        self.table.scrollTo(index)
        self.update_buttons()

    def focus_cell(self, row: int, column: int) -> None:
        """Select a cell and give the table the keyboard focus (navigation from a finding)."""
        self.select_row(row, column)
        self.table.setFocus(Qt.FocusReason.OtherFocusReason)

    def _on_current_changed(self, current: QModelIndex, _previous: QModelIndex) -> None:
        self.update_buttons()
        self.current_changed.emit(current.row() if current.isValid() else -1)

    def _on_cell_changed(self, current: QModelIndex, _previous: QModelIndex) -> None:
        if current.isValid() and self.table.hasFocus():
            self.cell_focused.emit(self.model.columns[current.column()].key)

    def _show_first(self) -> None:
        self.select_row(0 if self.model.rowCount() else -1)
        self.current_changed.emit(self.current_row())

    def update_buttons(self) -> None:
        """Enable the actions that make sense for the selection and the document."""
        editable = self.model.list_locator() is not None and not self.model.session.read_only
        row, count = self.current_row(), self.model.rowCount()
        self.add_button.setEnabled(editable)
        self.remove_button.setEnabled(editable and row >= 0)
        self.up_button.setEnabled(editable and row > 0)
        self.down_button.setEnabled(editable and 0 <= row < count - 1)

    # -- structural edits ---------------------------------------------------------------------------------------

    def add_item(self) -> Any | None:
        """Insert a new item after the selected one (or at the end) and select it; return it."""
        locator = self.model.list_locator()
        if locator is None:
            return None
        row = self.current_row()
        position = row + 1 if row >= 0 else self.model.rowCount()
        item = self._factory()
        text = self.tr("Add: %1").replace("%1", self._noun())
        if not self.model.session.push(InsertItemCommand(self.model.session, locator, position, item, text)):
            return None
        self.focus_cell(position, self._first_editable_column())
        self.item_added.emit(position)
        return item

    def remove_current(self) -> None:
        """Remove the selected item and the links to it (undo brings everything back)."""
        locator, row = self.model.list_locator(), self.current_row()
        if locator is None or row < 0:
            return
        text = self.tr("Remove: %1").replace("%1", self._noun())
        self.deleter.delete(locator, row, text)

    def move_current(self, delta: int) -> None:
        """Move the selected item up (-1) or down (+1) and keep it selected."""
        locator, row = self.model.list_locator(), self.current_row()
        target = row + delta
        if locator is None or row < 0 or not 0 <= target < self.model.rowCount():
            return
        text = self.tr("Move: %1").replace("%1", self._noun())
        self.model.session.push(MoveItemCommand(self.model.session, locator, row, target, text))

    def _first_editable_column(self) -> int:
        return next((n for n, column in enumerate(self.model.columns) if column.editable), 0)
