"""The evidence of the problem: a table of data with a form for the selected datum; illustrative figures badged."""

from __future__ import annotations

from typing import Literal

from PySide6.QtCore import (
    QItemSelectionModel,
    QModelIndex,
    QPersistentModelIndex,
    QRectF,
    QSize,
    Qt,
    Signal,
)
from PySide6.QtGui import QAction, QColor, QKeySequence, QPainter
from PySide6.QtWidgets import (
    QAbstractItemView,
    QComboBox,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QSplitter,
    QStyle,
    QStyledItemDelegate,
    QStyleOptionViewItem,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from matrices.edits import Locator
from matrices.problem import Evidence
from ui.binding import FieldBinder
from ui.commands import Change, InsertItemCommand, MoveItemCommand
from ui.context import UiContext
from ui.deleting import Deleter
from ui.models.evidence import COLUMNS, DATA_TYPE_ROLE, EVIDENCE_LIST, ILLUSTRATIVE, EvidenceTableModel
from ui.pages.problem_tree_ops import item_locator
from ui.session import DocumentSession
from ui.widgets.catalog import fill_combo
from ui.widgets.column_fit import ColumnFitter
from ui.widgets.form_layout import add_row, heading, new_form, set_label, text_box
from ui.widgets.value_fields import DateField, NumberField

AnyIndex = QModelIndex | QPersistentModelIndex
DATA_TYPES = "enums.json#evidence_type"
BADGES: dict[str, tuple[str, str]] = {
    # data type: (fill, ink) of its badge; illustrative is the loud one on purpose.
    "official": ("#E2F2E7", "#1D6B3A"),
    "estimate": ("#E5EEF9", "#244F8A"),
    "illustrative": ("#FBD99B", "#7A4300"),
    "qualitative": ("#ECEEF1", "#4A5562"),
    "to_be_collected": ("#F1E6F6", "#6B2F80"),
}
WARNING_SIGN = "⚠"
FORM_WIDTH = 820
"""The datum form stops growing here: a 1,000-pixel-wide text field is hard to read."""


class BadgeDelegate(QStyledItemDelegate):
    """Paints the data type as a rounded badge; 'illustrative' carries a warning sign."""

    def paint(self, painter: QPainter, option: QStyleOptionViewItem, index: AnyIndex) -> None:
        """Draw the cell's background (selection included), then the badge."""
        data_type = index.data(DATA_TYPE_ROLE)
        text = str(index.data(Qt.ItemDataRole.DisplayRole) or "")
        opt = QStyleOptionViewItem(option)
        self.initStyleOption(opt, index)
        opt.text = ""
        widget = opt.widget
        style = widget.style() if widget is not None else None
        if style is not None:
            style.drawControl(QStyle.ControlElement.CE_ItemViewItem, opt, painter, widget)
        if not text:
            return
        fill, ink = BADGES.get(str(data_type), ("#ECEEF1", "#4A5562"))
        label = f"{WARNING_SIGN} {text}" if data_type == ILLUSTRATIVE else text
        metrics = option.fontMetrics
        width = min(metrics.horizontalAdvance(label) + 16, option.rect.width() - 8)
        height = metrics.height() + 4
        rect = QRectF(option.rect.left() + 4, option.rect.center().y() - height / 2 + 0.5, width, height)
        painter.save()
        painter.setRenderHint(QPainter.RenderHint.Antialiasing, True)
        painter.setPen(Qt.PenStyle.NoPen)
        painter.setBrush(QColor(fill))
        painter.drawRoundedRect(rect, height / 2, height / 2)
        painter.setPen(QColor(ink))
        elided = metrics.elidedText(label, Qt.TextElideMode.ElideRight, round(width - 12))
        painter.drawText(rect, Qt.AlignmentFlag.AlignCenter, elided)
        painter.restore()

    def sizeHint(self, option: QStyleOptionViewItem, index: AnyIndex) -> QSize:
        """Leave room for the badge's padding and warning sign."""
        size = super().sizeHint(option, index)
        return QSize(size.width() + 28, size.height() + 6)


class EvidencePanel(QWidget):
    """Table of the data that size the problem, with add/remove/move and a form for the selected datum."""

    field_focused = Signal(str, str)

    def __init__(self, session: DocumentSession, context: UiContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.session = session
        self.context = context
        self.model = EvidenceTableModel(session, context, self)
        self.deleter = Deleter(session, context, self)

        self.table = QTableView()
        self.table.setModel(self.model)
        self.table.setItemDelegateForColumn(COLUMNS.index("data_type"), BadgeDelegate(self.table))
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.table.setAlternatingRowColors(True)
        self.table.setTabKeyNavigation(False)
        self.table.setWordWrap(False)
        self.table.setEditTriggers(
            QAbstractItemView.EditTrigger.DoubleClicked | QAbstractItemView.EditTrigger.EditKeyPressed
        )
        self.table.verticalHeader().setVisible(False)
        self.table.verticalHeader().setDefaultSectionSize(self.table.fontMetrics().height() + 14)
        header = self.table.horizontalHeader()
        header.setDefaultAlignment(Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter)
        header.setHighlightSections(False)
        # The form below shows every field: columns that do not fit beside the description wait for more room.
        self.columns = ColumnFitter(self.table, COLUMNS.index("description"), frozenset({COLUMNS.index("code")}))
        for key, width in (("value", 90), ("unit", 90), ("cutoff_date", 100), ("source", 170)):
            self.columns.widths[COLUMNS.index(key)] = width
        self.table.setMinimumHeight(150)

        self.actions_: dict[str, QAction] = {}
        self.buttons: dict[str, QPushButton] = {}
        buttons = QHBoxLayout()
        buttons.setContentsMargins(0, 0, 0, 0)
        icons = {
            "add": QStyle.StandardPixmap.SP_FileDialogNewFolder,
            "remove": QStyle.StandardPixmap.SP_TrashIcon,
            "up": QStyle.StandardPixmap.SP_ArrowUp,
            "down": QStyle.StandardPixmap.SP_ArrowDown,
        }
        shortcuts = {
            "add": [QKeySequence(Qt.Key.Key_Insert)],
            "remove": [QKeySequence(Qt.Key.Key_Delete), QKeySequence(Qt.Modifier.CTRL | Qt.Key.Key_Delete)],
            "up": [QKeySequence(Qt.Modifier.ALT | Qt.Key.Key_Up), QKeySequence(Qt.Modifier.CTRL | Qt.Key.Key_Up)],
            "down": [
                QKeySequence(Qt.Modifier.ALT | Qt.Key.Key_Down),
                QKeySequence(Qt.Modifier.CTRL | Qt.Key.Key_Down),
            ],
        }
        slots = {"add": self.add, "remove": self.remove, "up": lambda: self.move(-1), "down": lambda: self.move(1)}
        for key, slot in slots.items():
            action = QAction(self)
            action.setShortcuts(shortcuts[key])
            action.setShortcutContext(Qt.ShortcutContext.WidgetShortcut)
            action.triggered.connect(slot)
            self.table.addAction(action)
            self.actions_[key] = action
            button = QPushButton(self.style().standardIcon(icons[key]), "")
            button.setAutoDefault(False)
            button.clicked.connect(action.trigger)
            buttons.addWidget(button)
            self.buttons[key] = button
        buttons.addStretch(1)

        top = QWidget()
        top_layout = QVBoxLayout(top)
        top_layout.setContentsMargins(0, 0, 0, 0)
        top_layout.addWidget(self.table, 1)
        top_layout.addLayout(buttons)
        splitter = QSplitter(Qt.Orientation.Vertical)
        splitter.setChildrenCollapsible(False)
        splitter.addWidget(top)
        splitter.addWidget(self._build_form())
        splitter.setStretchFactor(0, 1)
        splitter.setStretchFactor(1, 1)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(splitter)

        # Edits add, remove and move single rows: the table keeps its selection by itself. Only a whole new
        # content (a snapshot restored) resets the model, and is shown from its first datum.
        self.model.modelReset.connect(self._show_first)
        for rows_changed in (self.model.rowsInserted, self.model.rowsRemoved, self.model.rowsMoved):
            rows_changed.connect(lambda *_: self._update_actions())
        self.table.selectionModel().currentRowChanged.connect(lambda *_: self._on_current_changed())
        session.changed.connect(self._on_change)
        self.retranslate()
        if self.model.rowCount():
            self.select(self.model.item_at(0).id)  # type: ignore[union-attr]

    # -- the form ---------------------------------------------------------------------------------------------

    def _build_form(self) -> QWidget:
        self.binder = FieldBinder(self.session, self._locator, "evidence", self)
        self.binder.focused.connect(self.field_focused)
        self.widgets: dict[str, QWidget] = {}
        self._labels: dict[str, QLabel] = {}
        form = new_form(150)
        description = text_box(2)
        self._add(form, "description", description)
        self.binder.bind_text(description, "description", self.context.undo_name("evidence", "description"))
        self.value = NumberField()
        self.illustrative_badge = QLabel()
        fill, ink = BADGES[ILLUSTRATIVE]
        self.illustrative_badge.setStyleSheet(
            f"background: {fill}; color: {ink}; border-radius: 9px; padding: 2px 10px;"
        )
        value_row = QWidget()
        row_layout = QHBoxLayout(value_row)
        row_layout.setContentsMargins(0, 0, 0, 0)
        row_layout.addWidget(self.value)
        row_layout.addWidget(self.illustrative_badge)
        row_layout.addStretch(1)
        value_row.setFocusProxy(self.value)
        self._add(form, "value", value_row, self.value)
        unit = QLineEdit()
        self._add(form, "unit", unit)
        self.binder.bind_line(unit, "unit", self.context.undo_name("evidence", "unit"))
        self.cutoff = DateField()
        self._add(form, "cutoff_date", self.cutoff)
        source = text_box(2)
        self._add(form, "source", source)
        self.binder.bind_text(source, "source", self.context.undo_name("evidence", "source"))
        self.data_type = QComboBox()
        self._add(form, "data_type", self.data_type)
        self.binder.bind_combo(self.data_type, "data_type", self.context.undo_name("evidence", "data_type"))
        self.binder.bind_number(self.value, "value", self.context.undo_name("evidence", "value"))
        self.binder.bind_date(self.cutoff, "cutoff_date", self.context.undo_name("evidence", "cutoff_date"))

        self._form_title = heading(size_delta=1.5)
        for widget, width in ((self.value, 180), (unit, 240), (self.cutoff, 200), (self.data_type, 280)):
            widget.setMaximumWidth(width)
        box = QWidget()
        box.setMaximumWidth(FORM_WIDTH)
        box_layout = QVBoxLayout(box)
        box_layout.setContentsMargins(4, 10, 4, 4)
        box_layout.setSpacing(8)
        box_layout.addWidget(self._form_title)
        box_layout.addLayout(form)
        box_layout.addStretch(1)
        # The splitter takes its children's maximum width: the limit goes on an inner box, not on the pane.
        pane = QWidget()
        pane_layout = QHBoxLayout(pane)
        pane_layout.setContentsMargins(0, 0, 0, 0)
        pane_layout.addWidget(box, 1)
        pane_layout.addStretch(0)
        return pane

    def _add(self, form: object, key: str, widget: QWidget, named: QWidget | None = None) -> None:
        self._labels[key] = add_row(form, key, widget)  # type: ignore[arg-type]
        self.widgets[key] = named or widget

    def _locator(self) -> Locator | None:
        item_id = self.selected_id()
        return item_locator("evidence", item_id) if item_id else None

    def refresh_form(self) -> None:
        """Show the selected datum in the form (blank and disabled without one)."""
        self.value.lang = self.cutoff.lang = self.context.lang  # before the binder writes the figure and the date
        self.binder.refresh()
        item = self._selected()
        self.illustrative_badge.setVisible(item is not None and item.data_type == ILLUSTRATIVE)
        name = self.context.field_model.entity_label("evidence").get(self.context.lang)
        self._form_title.setText(f"{name} {self.model.code(item.id)}" if item is not None else name)
        self._update_actions()

    # -- selection --------------------------------------------------------------------------------------------

    def _selected(self) -> Evidence | None:
        index = self.table.currentIndex()
        return self.model.item_at(index.row()) if index.isValid() else None

    def selected_id(self) -> str | None:
        """Return the id of the selected datum, or None."""
        item = self._selected()
        return item.id if item is not None else None

    def select(self, item_id: str | None, column: int = 1) -> None:
        """Select the datum's row (nothing for None)."""
        row = self.model.row_of(item_id)
        selection = self.table.selectionModel()
        if row < 0:
            selection.clear()
            self.refresh_form()
            return
        index = self.model.index(row, column)
        flags = QItemSelectionModel.SelectionFlag.ClearAndSelect | QItemSelectionModel.SelectionFlag.Rows
        selection.setCurrentIndex(index, flags)
        self.table.scrollTo(index)

    def focus_field(self, field: str | None) -> None:
        """Focus a field of the form, or the table for anything else."""
        widget = self.widgets.get(field or "")
        (widget or self.table).setFocus(Qt.FocusReason.OtherFocusReason)

    def _on_current_changed(self) -> None:
        self.refresh_form()

    def _show_first(self) -> None:
        item = self.model.item_at(0)
        self.select(item.id if item is not None else None)
        self.refresh_form()

    def _on_change(self, change: Change) -> None:
        if change.locator[:3] == (*EVIDENCE_LIST, ("id", self.selected_id())) and change.field == "data_type":
            self.refresh_form()  # the badge beside the value follows the data type

    # -- structure --------------------------------------------------------------------------------------------

    def add(self) -> None:
        """Add a datum after the selected one (at the end without a selection) and start typing its description."""
        if self.session.read_only:
            return
        row = self.table.currentIndex().row() if self.table.currentIndex().isValid() else self.model.rowCount() - 1
        item = Evidence()
        if self.session.push(
            InsertItemCommand(self.session, EVIDENCE_LIST, row + 1, item, self.actions_["add"].text())
        ):
            self.select(item.id)
            self.focus_field("description")

    def remove(self) -> None:
        """Remove the selected datum, and its links from the causes that cite it, as one undo step."""
        evidence = self.session.proposal.problem_matrix.evidence
        index = next((n for n, item in enumerate(evidence) if item.id == self.selected_id()), -1)
        if index < 0:
            return
        neighbour = evidence[index + 1] if index + 1 < len(evidence) else evidence[index - 1] if index > 0 else None
        if self.deleter.delete(EVIDENCE_LIST, index, self.actions_["remove"].text()):
            self.select(neighbour.id if neighbour is not None else None)
            self.table.setFocus(Qt.FocusReason.OtherFocusReason)

    def move(self, step: Literal[-1, 1]) -> None:
        """Move the selected datum up or down."""
        item_id = self.selected_id()
        row = self.model.row_of(item_id)
        if row < 0 or not 0 <= row + step < self.model.rowCount() or self.session.read_only:
            return
        text = self.actions_["up" if step < 0 else "down"].text()
        self.session.push(MoveItemCommand(self.session, EVIDENCE_LIST, row, row + step, text))

    def _update_actions(self) -> None:
        row = self.model.row_of(self.selected_id())
        editable = not self.session.read_only
        enabled = {
            "add": True,
            "remove": row >= 0,
            "up": row > 0,
            "down": 0 <= row < self.model.rowCount() - 1,
        }
        for key, action in self.actions_.items():
            action.setEnabled(editable and enabled[key])
            self.buttons[key].setEnabled(editable and enabled[key])

    # -- texts ------------------------------------------------------------------------------------------------

    def retranslate(self) -> None:
        """Re-apply labels, buttons and the data-type choices in the interface language."""
        lang = self.context.lang
        for key, label in self._labels.items():
            set_label(label, self.context.label("evidence", key))
        # Compound rows: the input inside them carries the name a screen reader announces.
        self.value.setAccessibleName(self.context.label("evidence", "value"))
        self.cutoff.line_edit.setAccessibleName(self.context.label("evidence", "cutoff_date"))
        self.cutoff.button.setAccessibleName(self.tr("Pick a date"))
        self.cutoff.button.setToolTip(self.tr("Pick a date"))
        fill_combo(self.data_type, self.context.catalogs.get(DATA_TYPES), lang)
        self.cutoff.set_language(lang)
        badge = self.tr("Illustrative: not a real statistic")
        self.illustrative_badge.setText(f"{WARNING_SIGN} {badge}")
        texts = {
            "add": (self.tr("Add datum"), self.tr("Add")),
            "remove": (self.tr("Remove datum"), self.tr("Remove")),
            "up": (self.tr("Move up"), self.tr("Up")),
            "down": (self.tr("Move down"), self.tr("Down")),
        }
        for key, (text, short) in texts.items():
            action = self.actions_[key]
            action.setText(text)
            keys = action.shortcut().toString(QKeySequence.SequenceFormat.NativeText)
            self.buttons[key].setText(short)
            self.buttons[key].setToolTip(f"{text} ({keys})")
            self.buttons[key].setAccessibleName(text)
        self.table.setAccessibleName(self.context.label("problem_matrix", "evidence"))
        self.model.retranslate()
        self.refresh_form()
