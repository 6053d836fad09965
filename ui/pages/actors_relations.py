"""The actor form's relations: alliances, conflicts and dependencies with other actors, edited in a small table."""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import QAbstractItemModel, QModelIndex, QPersistentModelIndex, Qt
from PySide6.QtWidgets import (
    QAbstractItemView,
    QComboBox,
    QHBoxLayout,
    QPushButton,
    QStyledItemDelegate,
    QStyleOptionViewItem,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from matrices.actors import ActorRelation
from matrices.edits import Locator
from ui.commands import InsertItemCommand
from ui.context import UiContext
from ui.deleting import Deleter
from ui.models.actors import RelationTableModel
from ui.models.matrix_list import RefsCache
from ui.session import DocumentSession
from ui.widgets.column_fit import ColumnFitter
from ui.widgets.plain_text import literal

AnyIndex = QModelIndex | QPersistentModelIndex
Choices = list[tuple[str | None, str]]


class ChoiceDelegate(QStyledItemDelegate):
    """Edits a cell with a combo box of (value, label) choices; choosing commits at once."""

    def __init__(self, choices: Callable[[], Choices], parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._choices = choices

    def createEditor(self, parent: QWidget, option: QStyleOptionViewItem, index: AnyIndex) -> QWidget:
        """Return a combo box with the current choices."""
        del option
        combo = QComboBox(parent)
        for value, label in self._choices():
            combo.addItem(label, value)
            combo.setItemData(combo.count() - 1, literal(label), Qt.ItemDataRole.ToolTipRole)
        combo.setAccessibleName(str(index.model().headerData(index.column(), Qt.Orientation.Horizontal)))
        combo.activated.connect(lambda _i: self._commit(combo))
        return combo

    def _commit(self, combo: QComboBox) -> None:
        self.commitData.emit(combo)
        self.closeEditor.emit(combo, QStyledItemDelegate.EndEditHint.NoHint)

    def setEditorData(self, editor: QWidget, index: AnyIndex) -> None:
        """Select the cell's value."""
        if isinstance(editor, QComboBox):
            editor.setCurrentIndex(max(editor.findData(index.data(Qt.ItemDataRole.EditRole)), 0))

    def setModelData(self, editor: QWidget, model: QAbstractItemModel, index: AnyIndex) -> None:
        """Hand the chosen value to the model (which records it as an undo step)."""
        if isinstance(editor, QComboBox):
            model.setData(index, editor.currentData(), Qt.ItemDataRole.EditRole)


class RelationsEditor(QWidget):
    """The relations of the selected actor: related actor, kind of relation and a short note."""

    def __init__(
        self,
        session: DocumentSession,
        context: UiContext,
        refs: RefsCache,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self._session = session
        self._context = context
        self._refs = refs
        self._actor_id: str | None = None
        self.deleter = Deleter(session, context, self)
        self.model = RelationTableModel(session, context, refs, self)
        self.view = QTableView(self)
        self.view.setModel(self.model)
        self.view.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.view.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.view.setEditTriggers(
            QAbstractItemView.EditTrigger.DoubleClicked
            | QAbstractItemView.EditTrigger.EditKeyPressed
            | QAbstractItemView.EditTrigger.SelectedClicked
        )
        self.view.verticalHeader().setVisible(False)
        self.view.setWordWrap(False)
        self.view.setTabKeyNavigation(False)
        self.view.setItemDelegateForColumn(0, ChoiceDelegate(self._actor_choices, self.view))
        self.view.setItemDelegateForColumn(1, ChoiceDelegate(self._type_choices, self.view))
        header = self.view.horizontalHeader()
        header.setDefaultAlignment(Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter)
        # Every column stays in sight in a form beside the list on a laptop (no scrolling sideways): the actor
        # and the kind of relation as wide as their titles (an actor's name is elided), the note takes the rest.
        self.columns = ColumnFitter(self.view, 2, hide=False)
        self.columns.widths[0] = 0
        row_height = self.view.fontMetrics().height() + 12
        self.view.verticalHeader().setDefaultSectionSize(row_height)
        self.view.setMinimumHeight(row_height * 4 + header.sizeHint().height() + 4)
        self.view.setMaximumHeight(row_height * 6 + header.sizeHint().height() + 4)
        self.add_button = QPushButton(self)
        self.remove_button = QPushButton(self)
        self.add_button.clicked.connect(self.add_relation)
        self.remove_button.clicked.connect(self.remove_relation)
        buttons = QHBoxLayout()
        buttons.setSpacing(6)
        buttons.addWidget(self.add_button)
        buttons.addWidget(self.remove_button)
        buttons.addStretch(1)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.setSpacing(6)
        layout.addWidget(self.view)
        layout.addLayout(buttons)
        self.setFocusProxy(self.view)
        self.retranslate()

    def set_actor(self, actor_locator: Locator | None) -> None:
        """Show the relations of the actor at actor_locator (none when None)."""
        self._actor_id = None
        if actor_locator is not None:
            step = actor_locator[-1]
            self._actor_id = str(step[1]) if isinstance(step, tuple) else None
        relations = (*actor_locator, "relations") if actor_locator is not None else ()
        if relations != self.model.list_locator:
            self.model.set_list_locator(relations)
        self.set_read_only(self._session.read_only)

    def set_read_only(self, read_only: bool) -> None:
        """Show the relations without letting them be changed."""
        editable = not read_only and self._actor_id is not None
        self.add_button.setEnabled(editable)
        self.remove_button.setEnabled(editable)

    def retranslate(self) -> None:
        """Re-apply the texts."""
        self.add_button.setText(self.tr("Add relation"))
        self.remove_button.setText(self.tr("Remove relation"))
        self.view.setAccessibleName(self._context.label("actor", "relations"))
        self.model.retranslate()

    def add_relation(self) -> None:
        """Append an empty relation and open its actor picker."""
        if self._session.read_only or not self.model.list_locator:
            return
        row = self.model.rowCount()
        command = InsertItemCommand(
            self._session, self.model.list_locator, row, ActorRelation(), self.tr("Add relation")
        )
        if self._session.push(command):
            index = self.model.index(row, 0)
            self.view.setCurrentIndex(index)
            self.view.setFocus()
            self.view.edit(index)

    def remove_relation(self) -> None:
        """Remove the selected relation."""
        row = self.view.currentIndex().row()
        if self._session.read_only or row < 0 or not self.model.list_locator:
            return
        self.deleter.delete(self.model.list_locator, row, self.tr("Remove relation"))

    def _actor_choices(self) -> Choices:
        refs = self._refs.get(self._context.lang)
        actors = self._session.proposal.actor_matrix.actors
        return [(None, "—")] + [(actor.id, refs.ref(actor.id)) for actor in actors if actor.id != self._actor_id]

    def _type_choices(self) -> Choices:
        ref = "enums.json#relation_type"
        catalog = self._context.catalogs.get(ref) if ref in self._context.catalogs else []
        return [(None, "—")] + [(entry.id, entry.label(self._context.lang)) for entry in catalog]
