"""In-place editors for ItemTableModel cells: a combo box for choices, validated line edits for figures."""

from __future__ import annotations

from PySide6.QtCore import QAbstractItemModel, QModelIndex, QPersistentModelIndex, QRegularExpression, QSize, Qt
from PySide6.QtGui import QIntValidator, QRegularExpressionValidator
from PySide6.QtWidgets import QComboBox, QLineEdit, QStyledItemDelegate, QStyleOptionViewItem, QWidget

from ui.models.item_table import NUMBER_PATTERN, ItemTableModel
from ui.widgets.plain_text import literal

AnyIndex = QModelIndex | QPersistentModelIndex


class ColumnDelegate(QStyledItemDelegate):
    """Creates the editor a column's kind calls for; the model turns the result into an undo command."""

    def _model(self, index: AnyIndex) -> ItemTableModel | None:
        model = index.model()
        return model if isinstance(model, ItemTableModel) else None

    def sizeHint(self, option: QStyleOptionViewItem, index: AnyIndex) -> QSize:
        """Leave a little air above and below wrapped text (padding set by a style sheet would skew wrapping)."""
        size = super().sizeHint(option, index)
        return QSize(size.width(), size.height() + 8)

    def createEditor(self, parent: QWidget, option: QStyleOptionViewItem, index: AnyIndex) -> QWidget:
        """Return a combo box for choice columns, a validated line edit for numbers and years."""
        model = self._model(index)
        column = model.columns[index.column()] if model else None
        if column is not None and column.kind == "choice" and column.choices is not None:
            combo = QComboBox(parent)
            combo.setAccessibleName(column.header())
            for value, label in column.choices():
                combo.addItem(label, value)
                combo.setItemData(combo.count() - 1, literal(label), Qt.ItemDataRole.ToolTipRole)
            # The popup can be wider than the cell: long cause descriptions stay readable.
            combo.view().setMinimumWidth(420)
            return combo
        editor = super().createEditor(parent, option, index)
        if isinstance(editor, QLineEdit) and column is not None:
            editor.setAccessibleName(column.header())
            if column.kind == "year":
                editor.setValidator(QIntValidator(0, 9999, editor))
            elif column.kind == "number":
                editor.setValidator(QRegularExpressionValidator(QRegularExpression(NUMBER_PATTERN), editor))
        return editor

    def setEditorData(self, editor: QWidget, index: AnyIndex) -> None:
        """Select the cell's current value in a combo box."""
        if isinstance(editor, QComboBox):
            position = editor.findData(index.data(Qt.ItemDataRole.EditRole))
            editor.setCurrentIndex(max(position, 0))
            return
        super().setEditorData(editor, index)

    def setModelData(self, editor: QWidget, model: QAbstractItemModel, index: AnyIndex) -> None:
        """Hand the chosen value (the item data of a combo box) to the model."""
        if isinstance(editor, QComboBox):
            model.setData(index, editor.currentData(), Qt.ItemDataRole.EditRole)
            return
        super().setModelData(editor, model, index)
