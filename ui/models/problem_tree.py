"""A Qt item model of the cause tree or the effect tree, built from the flat list and its parent ids."""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any, Literal

from PySide6.QtCore import QAbstractItemModel, QModelIndex, QObject, QPersistentModelIndex, Qt
from PySide6.QtGui import QBrush, QColor, QFont

from matrices.edits import EditError, resolve
from matrices.problem import Cause, Effect, tree_walk
from ui.commands import Change, SetValueCommand
from ui.comments.marks import RowMarks
from ui.context import UiContext
from ui.session import DocumentSession
from ui.widgets.plain_text import literal

AnyIndex = QModelIndex | QPersistentModelIndex
TreeKind = Literal["causes", "effects"]
ID_ROLE = Qt.ItemDataRole.UserRole + 2
"""The role that returns a row's item id (the same in every column)."""

CODE, DESCRIPTION, RATING = range(3)
# The third column shows the rating a reviewer looks at first: governability for causes, severity for effects.
_RATING = {"causes": ("governability", "scales.json#governability"), "effects": ("severity", "scales.json#severity")}
_ENTITY = {"causes": "cause", "effects": "effect"}
_PREFIX = {"causes": "C", "effects": "E"}
# Editing these fields moves a node in the tree (or renumbers it): the rows are rebuilt, not just repainted.
_STRUCTURAL_FIELDS = {"parent_id", "id"}
_PLACEHOLDER = QColor("#7a8694")


@dataclass(eq=False)
class _TreeNode:
    """A row of the view: the item id it shows, its parent row and its children (identity-compared)."""

    item_id: str | None
    parent: _TreeNode | None = None
    children: list[_TreeNode] = field(default_factory=list)
    row: int = 0
    position: int = -1
    """The item's index in the flat list when the rows were built: a lookup that needs no scan."""


class ProblemTreeModel(QAbstractItemModel):
    """Rows are causes (or effects) nested by parent_id, in list order, with their position codes (C1.2)."""

    def __init__(
        self, session: DocumentSession, context: UiContext, kind: TreeKind, parent: QObject | None = None
    ) -> None:
        super().__init__(parent)
        self._session = session
        self._context = context
        self.kind: TreeKind = kind
        self.list_locator = ("problem_matrix", kind)
        self.entity = _ENTITY[kind]
        self._root = _TreeNode(None)
        self._by_id: dict[str, _TreeNode] = {}
        self._codes: dict[str, str] = {}
        self._rebuild()
        session.changed.connect(self._on_change)
        self._marks = RowMarks(session, self._all_changed, self)

    # -- access -----------------------------------------------------------------------------------------------

    def nodes(self) -> list[Cause] | list[Effect]:
        """Return the flat list the model shows."""
        try:
            items = resolve(self._session.proposal, self.list_locator)
        except EditError:
            return []
        return items if isinstance(items, list) else []

    def item(self, index: AnyIndex) -> Cause | Effect | None:
        """Return the cause or effect of a row, or None."""
        tree_node = self._node(index)
        if tree_node is None or tree_node.item_id is None:
            return None
        nodes, position = self.nodes(), tree_node.position
        if 0 <= position < len(nodes) and nodes[position].id == tree_node.item_id:
            return nodes[position]
        return next((node for node in nodes if node.id == tree_node.item_id), None)

    def item_id(self, index: AnyIndex) -> str | None:
        """Return the item id of a row (None for an invalid index)."""
        node = self._node(index)
        return node.item_id if node is not None else None

    def index_of(self, item_id: str | None, column: int = 0) -> QModelIndex:
        """Return the index of the row showing item_id (invalid when absent)."""
        node = self._by_id.get(item_id or "")
        if node is None:
            return QModelIndex()
        return self.createIndex(node.row, column, node)

    def code(self, item_id: str | None) -> str:
        """Return the position code of an item (C1.2), '' when unknown."""
        return self._codes.get(item_id or "", "")

    def ids_in_order(self) -> list[str]:
        """Return the item ids in display order (depth first), for tests and keyboard walks."""
        order: list[str] = []
        stack = list(reversed(self._root.children))
        while stack:
            node = stack.pop()
            order.append(node.item_id or "")
            stack.extend(reversed(node.children))
        return order

    def reset(self) -> None:
        """Rebuild every row (after a structural edit, a language switch or a restore)."""
        self.beginResetModel()
        self._rebuild()
        self.endResetModel()

    # -- Qt model interface -----------------------------------------------------------------------------------

    def index(self, row: int, column: int, parent: AnyIndex = QModelIndex()) -> QModelIndex:  # noqa: B008
        """Return the index of a child row of parent."""
        owner = self._node(parent) if parent.isValid() else self._root
        if owner is None or not 0 <= row < len(owner.children) or not 0 <= column < 3:
            return QModelIndex()
        return self.createIndex(row, column, owner.children[row])

    def parent(self, index: AnyIndex = QModelIndex()) -> QModelIndex:  # type: ignore[override]  # noqa: B008
        """Return the index of a row's parent row (invalid for top-level rows)."""
        node = self._node(index)
        if node is None or node.parent is None or node.parent is self._root:
            return QModelIndex()
        return self.createIndex(node.parent.row, 0, node.parent)

    def rowCount(self, parent: AnyIndex = QModelIndex()) -> int:  # noqa: B008
        """Return the number of children (only the first column has children, as Qt's views expect)."""
        if parent.isValid() and parent.column() != 0:
            return 0
        owner = self._node(parent) if parent.isValid() else self._root
        return len(owner.children) if owner is not None else 0

    def columnCount(self, parent: AnyIndex = QModelIndex()) -> int:  # noqa: B008
        """Return the number of columns: code, description, rating."""
        del parent
        return 3

    def data(self, index: AnyIndex, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        """Return a cell's text, tooltip, font or item id."""
        item = self.item(index)
        if item is None:
            return None
        column = index.column()
        if role == ID_ROLE:
            return item.id
        if column == CODE and role == Qt.ItemDataRole.DecorationRole:
            return self._marks.icon(item.id)
        if column == CODE and role == Qt.ItemDataRole.ToolTipRole:
            return self._marks.tooltip(item.id)
        if role == Qt.ItemDataRole.DisplayRole:
            if column == CODE:
                return self.code(item.id)
            if column == DESCRIPTION:
                return _first_line(item.description) or self.tr("(no description)")
            return self._rating_label(item)
        if role == Qt.ItemDataRole.EditRole and column == DESCRIPTION:
            return item.description
        if role == Qt.ItemDataRole.ToolTipRole and column == DESCRIPTION and item.description.strip():
            return literal(item.description)
        if role == Qt.ItemDataRole.ForegroundRole and column == DESCRIPTION and not item.description.strip():
            return QBrush(_PLACEHOLDER)
        if role == Qt.ItemDataRole.FontRole and column == CODE:
            font = QFont()
            font.setBold(item.parent_id is None)
            return font
        if role == Qt.ItemDataRole.AccessibleTextRole:
            return f"{self.code(item.id)} {item.description}"
        return None

    def headerData(self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        """Return the column headers in the interface language."""
        if orientation != Qt.Orientation.Horizontal or role != Qt.ItemDataRole.DisplayRole:
            return None
        if section == CODE:
            return self.tr("Code")
        if section == DESCRIPTION:
            return self._context.label(self.entity, "description")
        if section == RATING:
            return self._context.label(self.entity, _RATING[self.kind][0])
        return None

    def flags(self, index: AnyIndex) -> Qt.ItemFlag:
        """Let the description be edited in place unless the document is read-only."""
        flags = super().flags(index)
        if index.isValid() and index.column() == DESCRIPTION and not self._session.read_only:
            flags |= Qt.ItemFlag.ItemIsEditable
        return flags

    def setData(self, index: AnyIndex, value: Any, role: int = Qt.ItemDataRole.EditRole) -> bool:
        """Push an undo command that sets the description; the row updates when the session reports it."""
        item = self.item(index)
        if item is None or role != Qt.ItemDataRole.EditRole or index.column() != DESCRIPTION:
            return False
        text = str(value)
        if text == item.description:
            return True
        locator = (*self.list_locator, ("id", item.id))
        label = self._context.label(self.entity, "description")
        return self._session.push(SetValueCommand(self._session, locator, "description", text, label))

    def retranslate(self) -> None:
        """Show headers, placeholders and rating labels in the interface language."""
        self.headerDataChanged.emit(Qt.Orientation.Horizontal, 0, 2)
        self._all_changed()

    # -- keeping up with the session --------------------------------------------------------------------------

    def _on_change(self, change: Change) -> None:
        depth = len(self.list_locator)
        touched = change.locator if change.field is None else (*change.locator, change.field)
        if self.list_locator[: len(touched)] == touched:
            self.reset()  # the list itself, or an object holding it, was replaced or restructured
            return
        if change.locator[:depth] != self.list_locator or len(change.locator) <= depth:
            return
        step = change.locator[depth]
        if len(change.locator) > depth + 1 or change.field in _STRUCTURAL_FIELDS:
            self.reset()
            return
        item_id = step[1] if isinstance(step, tuple) and step[0] == "id" else None
        index = self.index_of(str(item_id) if item_id is not None else None)
        if index.isValid():
            self.dataChanged.emit(index, index.siblingAtColumn(RATING))
        else:
            self.reset()

    # -- helpers ----------------------------------------------------------------------------------------------

    def _node(self, index: AnyIndex) -> _TreeNode | None:
        if not index.isValid():
            return None
        node = index.internalPointer()
        return node if isinstance(node, _TreeNode) else None

    def _rebuild(self) -> None:
        nodes = self.nodes()
        rows = tree_walk(nodes, _PREFIX[self.kind])
        self._codes = {nodes[row.index].id: row.code for row in rows}
        self._root = _TreeNode(None)
        self._by_id = {}
        # The walk's order: roots first, then nodes whose parent is missing or that sit in a cycle. A copy of an
        # id (rule G03) is not shown twice: its row would be indistinguishable from the first.
        for row in rows:
            item_id = nodes[row.index].id
            if item_id in self._by_id:
                continue
            owner = self._root if row.parent is None else self._by_id[nodes[row.parent].id]
            tree_node = _TreeNode(item_id, owner, row=len(owner.children), position=row.index)
            owner.children.append(tree_node)
            self._by_id[item_id] = tree_node

    def _all_changed(self) -> None:
        stack = [QModelIndex()]
        while stack:
            parent = stack.pop()
            rows = self.rowCount(parent)
            if rows:
                self.dataChanged.emit(self.index(0, 0, parent), self.index(rows - 1, 2, parent))
                stack.extend(self.index(row, 0, parent) for row in range(rows))

    def _rating_label(self, item: Cause | Effect) -> str:
        field_name, ref = _RATING[self.kind]
        return self._context.catalog_label(ref, getattr(item, field_name))


def _first_line(text: str) -> str:
    return text.strip().splitlines()[0] if text.strip() else ""
