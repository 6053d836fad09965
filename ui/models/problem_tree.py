"""A Qt item model of the cause tree or the effect tree, built from the flat list and its parent ids."""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any, Literal

from PySide6.QtCore import QAbstractItemModel, QModelIndex, QObject, QPersistentModelIndex, Qt
from PySide6.QtGui import QBrush, QColor, QFont

from matrices.edits import Change, ContentReplaced, EditError, RowInserted, RowMoved, RowRemoved, ValueChanged, resolve
from matrices.problem import Cause, Effect
from ui.commands import SetValueCommand
from ui.comments.marks import RowMarks
from ui.context import UiContext
from ui.models.rows import Effect as ListEffect
from ui.models.rows import effect_on
from ui.models.tree_shape import COMPLEX, Outline, Place, Step, outline_of, step_between
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
_PREFIX: dict[str, Literal["C", "E"]] = {"causes": "C", "effects": "E"}
# Editing these fields may move a node in the outline: the rows are compared, not just repainted.
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
    """The item's index in the flat list (kept current by every change): a lookup that needs no scan."""


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
        self._outline = Outline({None: []}, {}, {})
        """The outline the rows show (its codes are shown once the change that made them has been told)."""
        # Qt keeps a bare pointer to a row's _TreeNode in every index it hands out (persistent ones included):
        # nodes taken out of the outline are kept here so that no index held anywhere ever points at freed memory.
        self._retired: list[_TreeNode] = []
        self._owed: tuple[str, Step, Outline | None] | None = None
        """What the change being applied was announced as (rows, same, layout or reset), and the outline after."""
        self._rebuild()
        session.about_to_change.connect(self._about)
        session.change_applied.connect(self._applied)
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

    def _about(self, change: Change) -> None:
        """Announce the change: one row inserted, removed or moved, a layout change, or a reset."""
        if isinstance(change, ContentReplaced):
            self._owed = ("reset", COMPLEX, None)
            self.beginResetModel()
            return
        if effect_on(self.list_locator, change) is ListEffect.LAYOUT:
            self._begin_layout()
            return
        nodes = self._nodes_after(change)
        if nodes is None:
            return
        after = outline_of(nodes, _PREFIX[self.kind])
        step = step_between(self._outline.shape, after.shape)
        if step.kind == "same":
            self._owed = ("same", step, after)  # no row moves in the view; the list's positions may have
        elif step.kind in ("insert", "remove", "move") and self._begin_rows(step):
            self._owed = ("rows", step, after)
        else:
            self._begin_layout()

    def _applied(self, _change: Change) -> None:
        owed, self._owed = self._owed, None
        if owed is None:
            return
        kind, step, after = owed
        if kind == "reset":
            self._rebuild()
            self.endResetModel()
        elif kind == "layout":
            self._end_layout()
        elif after is not None and kind == "same":
            self._take(after)
        elif after is not None:
            self._relink(step, after)
            if step.kind == "insert":
                self.endInsertRows()
            elif step.kind == "remove":
                self.endRemoveRows()
            else:
                self.endMoveRows()

    def _nodes_after(self, change: Change) -> list[Cause] | list[Effect] | None:
        """Return the flat list as the change will leave it; None when the change cannot move a row."""
        depth = len(self.list_locator)
        nodes: list[Any] = list(self.nodes())
        if isinstance(change, RowInserted | RowRemoved | RowMoved):
            if change.locator != self.list_locator:
                return None
            if isinstance(change, RowInserted):
                nodes.insert(change.index, change.item)
            elif isinstance(change, RowRemoved):
                nodes.pop(change.index)
            else:
                nodes.insert(change.new, nodes.pop(change.old))
            return nodes
        if not isinstance(change, ValueChanged) or change.field not in _STRUCTURAL_FIELDS:
            return None
        if change.locator[:depth] != self.list_locator or len(change.locator) != depth + 1:
            return None
        position = self._position(change.locator[depth])
        if position < 0:
            return None
        nodes[position] = nodes[position].model_copy(update={change.field: change.value})
        return nodes

    def _position(self, step: object) -> int:
        """Return the list position a locator step picks (-1 when none)."""
        if not isinstance(step, tuple):
            return -1
        kind, key = step
        if kind == "index":
            return int(key) if 0 <= int(key) < len(self.nodes()) else -1
        return self._outline.positions.get(str(key), -1)

    def _parent_index(self, parent_id: str | None) -> QModelIndex:
        return self.index_of(parent_id) if parent_id is not None else QModelIndex()

    def _begin_rows(self, step: Step) -> bool:
        if step.kind == "insert" and step.after is not None:
            parent, row = step.after
            self.beginInsertRows(self._parent_index(parent), row, row)
            return True
        if step.kind == "remove" and step.before is not None:
            parent, row = step.before
            self.beginRemoveRows(self._parent_index(parent), row, row)
            return True
        if step.before is None or step.after is None:
            return False
        (source, old), (target, new) = step.before, step.after
        # Qt counts the destination before the move: one further down when the row moves down its own list.
        destination = new + 1 if source == target and new > old else new
        return bool(self.beginMoveRows(self._parent_index(source), old, old, self._parent_index(target), destination))

    def _relink(self, step: Step, after: Outline) -> None:
        """Make the one-row step on the nodes themselves, keeping every other node (and the indexes on it)."""
        item_id = step.item_id or ""
        if step.before is not None:
            node = self._by_id[item_id]
            self._detach(node)
            if step.after is None:
                del self._by_id[item_id]
                self._retired.append(node)
        if step.after is not None:
            node = self._by_id.get(item_id) or _TreeNode(item_id)
            self._attach(node, step.after)
        self._take(after)

    def _take(self, after: Outline) -> None:
        """Hold the outline the applied change left (its codes are shown later: see _on_change)."""
        # The codes (C1.2) are shown once the row change has been told: while Qt reports the new row, every other
        # row still shows what it showed.
        self._outline = after
        for item_id, node in self._by_id.items():
            node.position = after.positions.get(item_id, -1)

    def _detach(self, node: _TreeNode) -> None:
        owner = node.parent or self._root
        owner.children.remove(node)
        for row, sibling in enumerate(owner.children):
            sibling.row = row

    def _attach(self, node: _TreeNode, place: Place) -> None:
        parent_id, row = place
        owner = self._by_id[parent_id] if parent_id is not None else self._root
        node.parent = owner
        owner.children.insert(row, node)
        for position, sibling in enumerate(owner.children):
            sibling.row = position
        self._by_id[node.item_id or ""] = node

    def _begin_layout(self) -> None:
        self._owed = ("layout", COMPLEX)
        self.layoutAboutToBeChanged.emit()

    def _end_layout(self) -> None:
        """Rebuild the outline and move every persistent index to the row now showing its item."""
        old = self.persistentIndexList()
        kept = [self.item_id(index) for index in old]
        self._retired.extend(self._by_id.values())
        self._rebuild()
        new = []
        for index, item_id in zip(old, kept, strict=True):
            node = self._by_id.get(item_id or "")
            new.append(self.createIndex(node.row, index.column(), node) if node is not None else QModelIndex())
        self.changePersistentIndexList(old, new)
        self.layoutChanged.emit()

    def _on_change(self, change: Change) -> None:
        """Repaint what the applied change shows differently (rows came and went in _about/_applied)."""
        if change.kind == "structure" or change.field in _STRUCTURAL_FIELDS:
            if change.locator[: len(self.list_locator)] == self.list_locator or not change.locator:
                self._codes = dict(self._outline.codes)
                self._all_changed()  # codes such as C1.2 follow the rows' positions
            return
        depth = len(self.list_locator)
        if change.locator[:depth] != self.list_locator or len(change.locator) <= depth:
            return
        position = self._position(change.locator[depth])
        node = self._by_id.get(self.nodes()[position].id) if position >= 0 else None
        if node is not None:
            index = self.createIndex(node.row, 0, node)
            self.dataChanged.emit(index, index.siblingAtColumn(RATING))

    # -- helpers ----------------------------------------------------------------------------------------------

    def _node(self, index: AnyIndex) -> _TreeNode | None:
        if not index.isValid():
            return None
        node = index.internalPointer()
        return node if isinstance(node, _TreeNode) else None

    def _rebuild(self) -> None:
        prefix = _PREFIX[self.kind]
        # The proposal's own list as it is now: the session has its walk (forgotten at each change).
        self._outline = outline_of(self.nodes(), prefix, self._session.facts.walk(prefix))
        self._codes = dict(self._outline.codes)
        self._root = _TreeNode(None)
        self._by_id = {}
        shape, positions = self._outline.shape, self._outline.positions
        stack = [(self._root, child) for child in reversed(shape.get(None, []))]
        while stack:
            owner, item_id = stack.pop()
            node = _TreeNode(item_id, owner, row=len(owner.children), position=positions[item_id])
            owner.children.append(node)
            self._by_id[item_id] = node
            stack.extend((node, child) for child in reversed(shape.get(item_id, [])))

    def _all_changed(self) -> None:
        # Straight over the nodes (the indexes index() would make): through rowCount and index, a tree of 20,000
        # causes took a noticeable moment for each retranslation.
        stack = [self._root]
        while stack:
            children = stack.pop().children
            if children:
                last = len(children) - 1
                self.dataChanged.emit(self.createIndex(0, 0, children[0]), self.createIndex(last, 2, children[last]))
                stack.extend(children)

    def _rating_label(self, item: Cause | Effect) -> str:
        field_name, ref = _RATING[self.kind]
        return self._context.catalog_label(ref, getattr(item, field_name))


def _first_line(text: str) -> str:
    return text.strip().splitlines()[0] if text.strip() else ""
