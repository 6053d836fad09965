"""The list half of a list-and-detail page: a filter box, a sortable table and add/remove/move buttons."""

from __future__ import annotations

import unicodedata

from PySide6.QtCore import QModelIndex, QPersistentModelIndex, QPoint, QSortFilterProxyModel, Qt, Signal
from PySide6.QtGui import QKeySequence, QShortcut
from PySide6.QtWidgets import (
    QAbstractItemView,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QMenu,
    QPushButton,
    QStyle,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from ui.models.matrix_list import ID_ROLE, SORT_ROLE, MatrixListModel
from ui.widgets.column_fit import ColumnFitter

AnyIndex = QModelIndex | QPersistentModelIndex


def fold(text: str) -> str:
    """Return text without case and accents, so that 'migracion' finds 'Migración'."""
    decomposed = unicodedata.normalize("NFD", text.casefold())
    return "".join(char for char in decomposed if not unicodedata.combining(char))


class ItemFilterProxy(QSortFilterProxyModel):
    """Sorts by each column's sort key and keeps the rows where any cell contains the filter text."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._needle = ""
        self.setSortRole(SORT_ROLE)
        self.setDynamicSortFilter(True)

    def set_needle(self, text: str) -> None:
        """Show only the rows containing text (case and accents ignored)."""
        if not hasattr(self, "beginFilterChange"):  # Qt < 6.10 (pyproject allows PySide6 6.6)
            self._needle = fold(text.strip())
            self.invalidateFilter()
            return
        self.beginFilterChange()
        self._needle = fold(text.strip())
        self.endFilterChange(QSortFilterProxyModel.Direction.Rows)

    def filterAcceptsRow(self, source_row: int, source_parent: AnyIndex) -> bool:
        """Accept a row when one of its cells contains the needle."""
        if not self._needle:
            return True
        model = self.sourceModel()
        for column in range(model.columnCount(source_parent)):
            text = model.index(source_row, column, source_parent).data(Qt.ItemDataRole.DisplayRole)
            if text and self._needle in fold(str(text)):
                return True
        return False


class MatrixListPanel(QWidget):
    """Lists the items of one matrix list; the page reacts to the intent signals with undo commands."""

    current_changed = Signal(object)
    """The id of the newly selected item, or None."""
    add_requested = Signal()
    remove_requested = Signal()
    move_requested = Signal(int)
    """-1: one place up, +1: one place down."""

    def __init__(self, model: MatrixListModel, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.model = model
        self._last_id: str | None = None
        self._read_only = False
        self.proxy = ItemFilterProxy(self)
        self.proxy.setSourceModel(model)

        self.filter = QLineEdit(self)
        self.filter.setClearButtonEnabled(True)
        self.filter.textChanged.connect(self.proxy.set_needle)
        self.count = QLabel(self)
        self.count.setStyleSheet("color: palette(placeholder-text);")

        self.table = QTableView(self)
        self.table.setModel(self.proxy)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.table.setEditTriggers(
            QAbstractItemView.EditTrigger.DoubleClicked | QAbstractItemView.EditTrigger.EditKeyPressed
        )
        self.table.setAlternatingRowColors(True)
        self.table.setWordWrap(False)
        self.table.setTextElideMode(Qt.TextElideMode.ElideRight)
        self.table.setSortingEnabled(True)
        self.table.verticalHeader().setVisible(False)
        self.table.verticalHeader().setDefaultSectionSize(self.table.fontMetrics().height() + 12)
        self.table.setHorizontalScrollMode(QAbstractItemView.ScrollMode.ScrollPerPixel)
        self.table.setMinimumWidth(280)
        header = self.table.horizontalHeader()
        header.setSortIndicatorClearable(True)  # a third click returns to the participant's own order
        header.setSortIndicator(-1, Qt.SortOrder.AscendingOrder)
        header.setHighlightSections(False)
        header.setDefaultAlignment(Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter)
        header.setSectionResizeMode(QHeaderView.ResizeMode.Interactive)
        header.setDefaultSectionSize(110)
        # The table fits its width: the name stretches, and the columns that do not fit are left out (the
        # header's menu lists them) rather than scrolled to sideways.
        self.columns = ColumnFitter(self.table, max(model.column_of("name"), 0), frozenset({model.column_of("id")}))
        header.sortIndicatorChanged.connect(lambda *_: self.update_buttons())
        header.setContextMenuPolicy(Qt.ContextMenuPolicy.CustomContextMenu)
        header.customContextMenuRequested.connect(self._header_menu)

        self.add_button = QPushButton(self)
        self.remove_button = QPushButton(self)
        self.up_button = QPushButton(self)
        self.down_button = QPushButton(self)
        self.add_button.clicked.connect(self.add_requested)
        self.remove_button.clicked.connect(self.remove_requested)
        self.up_button.clicked.connect(lambda: self.move_requested.emit(-1))
        self.down_button.clicked.connect(lambda: self.move_requested.emit(1))
        self.add_button.setDefault(False)
        self.up_button.setIcon(self.style().standardIcon(QStyle.StandardPixmap.SP_ArrowUp))
        self.down_button.setIcon(self.style().standardIcon(QStyle.StandardPixmap.SP_ArrowDown))
        for key, slot in (
            (QKeySequence(Qt.Key.Key_Insert), self.add_requested.emit),
            (QKeySequence(Qt.Key.Key_Delete), self.remove_requested.emit),
            (QKeySequence(Qt.Modifier.ALT | Qt.Key.Key_Up), lambda: self.move_requested.emit(-1)),
            (QKeySequence(Qt.Modifier.ALT | Qt.Key.Key_Down), lambda: self.move_requested.emit(1)),
        ):
            shortcut = QShortcut(key, self.table)
            shortcut.setContext(Qt.ShortcutContext.WidgetShortcut)
            shortcut.activated.connect(slot)

        top = QHBoxLayout()
        top.setSpacing(10)
        top.addWidget(self.filter, 1)
        top.addWidget(self.count)
        top.addSpacing(4)
        buttons = QHBoxLayout()
        buttons.setSpacing(6)
        buttons.addWidget(self.add_button)
        buttons.addWidget(self.remove_button)
        buttons.addStretch(1)
        buttons.addWidget(self.up_button)
        buttons.addWidget(self.down_button)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.setSpacing(8)
        layout.addLayout(top)
        layout.addWidget(self.table, 1)
        layout.addLayout(buttons)

        self.table.selectionModel().currentRowChanged.connect(self._on_current)
        # Edits add, remove and move single rows: the table keeps its selection and current cell by itself.
        self.proxy.modelReset.connect(self._show_first)
        self.proxy.rowsInserted.connect(self._update_count)
        self.proxy.rowsRemoved.connect(self._update_count)
        self.proxy.rowsMoved.connect(lambda *_: self.update_buttons())
        model.rowsInserted.connect(self._select_brought_back)
        self.retranslate()

    # -- selection ----------------------------------------------------------------------------------------

    def current_id(self) -> str | None:
        """Return the id of the selected item, or None."""
        index = self.table.currentIndex()
        return index.data(ID_ROLE) if index.isValid() else None

    def current_source_row(self) -> int:
        """Return the selected item's position in its list, or -1."""
        index = self.table.currentIndex()
        return self.proxy.mapToSource(index).row() if index.isValid() else -1

    def select_id(self, item_id: str | None, column_key: str | None = None) -> bool:
        """Select an item (clearing the filter if it hides it); False when there is no such item."""
        row = self.model.row_of(item_id) if item_id is not None else -1
        if row < 0:
            self.table.setCurrentIndex(QModelIndex())
            self.table.clearSelection()
            self._on_current(QModelIndex(), QModelIndex())
            return False
        column = max(self.model.column_of(column_key), 0) if column_key else 0
        index = self.proxy.mapFromSource(self.model.index(row, column))
        if not index.isValid():
            self.filter.clear()
            index = self.proxy.mapFromSource(self.model.index(row, column))
        self.table.setCurrentIndex(index)
        self.table.scrollTo(index)
        return True

    def _on_current(self, current: AnyIndex, _previous: AnyIndex) -> None:
        item_id = current.data(ID_ROLE) if current.isValid() else None
        self.update_buttons()
        if item_id != self._last_id:
            self._last_id = item_id
            self.current_changed.emit(item_id)

    def _select_brought_back(self, _parent: AnyIndex, first: int, last: int) -> None:
        """Select the item an undo or redo brings back (a removal undone, an addition redone)."""
        if first == last and self.model.session.replaying:
            item = self.model.item_at(first)
            self.select_id(getattr(item, "id", None))

    def _show_first(self) -> None:
        """Select the first item (the list shown is another one, or its content was replaced)."""
        self._last_id = None  # announce the selection again: the page re-reads the item's form
        first = self.proxy.index(0, 0)
        self.select_id(first.data(ID_ROLE) if first.isValid() else None)
        self._update_count()

    # -- appearance -----------------------------------------------------------------------------------------

    def set_column_widths(self, widths: dict[str, int]) -> None:
        """Give columns their starting widths (the participant can still drag them); the name stretches."""
        for key, width in widths.items():
            column = self.model.column_of(key)
            if column >= 0 and key != "name":
                self.columns.widths[column] = width
                self.table.horizontalHeader().resizeSection(column, width)
        self.columns.fit()

    def _header_menu(self, point: QPoint) -> None:
        """Let the participant hide or show columns (all but the code and the name)."""
        menu = QMenu(self)
        header = self.table.horizontalHeader()
        for column, spec in enumerate(self.model.columns):
            if spec.key in ("id", "name"):
                continue
            action = menu.addAction(spec.header())
            action.setCheckable(True)
            action.setChecked(not header.isSectionHidden(column))
            action.toggled.connect(lambda shown, number=column: self.columns.choose(number, shown))
        menu.popup(header.mapToGlobal(point))

    def set_button_texts(self, add: str, remove: str) -> None:
        """Name the add and remove buttons after the page's items ('Add actor')."""
        self.add_button.setText(add)
        self.remove_button.setText(remove)
        self.add_button.setToolTip(f"{add} (Insert)")
        self.remove_button.setToolTip(f"{remove} (Supr / Delete)")

    def retranslate(self) -> None:
        """Re-apply the panel's own texts and the model's headers."""
        self.filter.setPlaceholderText(self.tr("Filter the list…"))
        self.filter.setAccessibleName(self.tr("Filter the list"))
        self.table.setAccessibleName(self.tr("List"))
        # Arrows only: with the guidance panel open the list is narrow, and "Mover hacia arriba" would be cut.
        self.up_button.setAccessibleName(self.tr("Move up"))
        self.down_button.setAccessibleName(self.tr("Move down"))
        self.up_button.setToolTip(self.tr("Move the selected item one place up (Alt+Up)"))
        self.down_button.setToolTip(self.tr("Move the selected item one place down (Alt+Down)"))
        self.model.retranslate()
        self._update_count()

    def set_read_only(self, read_only: bool) -> None:
        """Disable adding, removing and moving."""
        self._read_only = read_only
        self.update_buttons()

    def update_buttons(self) -> None:
        """Enable the buttons that make sense for the selection (moving only in the list's own order)."""
        row = self.current_source_row()
        count = self.model.rowCount()
        own_order = self.proxy.sortColumn() < 0
        editable = not self._read_only
        self.add_button.setEnabled(editable)
        self.remove_button.setEnabled(editable and row >= 0)
        self.up_button.setEnabled(editable and own_order and row > 0)
        self.down_button.setEnabled(editable and own_order and 0 <= row < count - 1)

    def _update_count(self) -> None:
        shown, total = self.proxy.rowCount(), self.model.rowCount()
        text = self.tr("%1 of %2").replace("%1", str(shown)).replace("%2", str(total))
        self.count.setText(str(total) if shown == total else text)
