"""One problem tree (causes or effects) as an outline: add, nest, move and delete nodes, each one undo step."""

from __future__ import annotations

from collections.abc import Callable, Sequence
from typing import Literal

from PySide6.QtCore import QEvent, QItemSelectionModel, QModelIndex, QObject, Qt, Signal
from PySide6.QtGui import QAction, QKeySequence
from PySide6.QtWidgets import (
    QAbstractItemView,
    QSplitter,
    QStyle,
    QToolBar,
    QToolButton,
    QTreeView,
    QVBoxLayout,
    QWidget,
)

from matrices.base import new_id
from matrices.problem import Cause, Effect
from ui.context import UiContext
from ui.deleting import Deleter
from ui.models.problem_tree import DESCRIPTION, ProblemTreeModel, TreeKind
from ui.pages.problem_node_form import NodeForm
from ui.pages.problem_tree_ops import (
    Plan,
    find,
    list_locator,
    neighbour_after_delete,
    plan_add,
    plan_indent,
    plan_move,
    plan_outdent,
    push_plan,
    siblings,
)
from ui.session import DocumentSession
from ui.widgets.column_fit import ColumnFitter

ActionKey = Literal["add", "child", "indent", "outdent", "up", "down", "delete"]
SHORTCUTS: dict[ActionKey, QKeySequence] = {
    "add": QKeySequence(Qt.Key.Key_Insert),
    "child": QKeySequence(Qt.Modifier.CTRL | Qt.Key.Key_Insert),
    "indent": QKeySequence(Qt.Modifier.CTRL | Qt.Key.Key_Right),
    "outdent": QKeySequence(Qt.Modifier.CTRL | Qt.Key.Key_Left),
    "up": QKeySequence(Qt.Modifier.CTRL | Qt.Key.Key_Up),
    "down": QKeySequence(Qt.Modifier.CTRL | Qt.Key.Key_Down),
    "delete": QKeySequence(Qt.Key.Key_Delete),
}
_ICONS = {
    "indent": QStyle.StandardPixmap.SP_ArrowRight,
    "outdent": QStyle.StandardPixmap.SP_ArrowLeft,
    "up": QStyle.StandardPixmap.SP_ArrowUp,
    "down": QStyle.StandardPixmap.SP_ArrowDown,
    "delete": QStyle.StandardPixmap.SP_TrashIcon,
}


class TreeEditor(QWidget):
    """The cause tree or the effect tree: an outline with a toolbar above and the node's form below."""

    field_focused = Signal(str, str)
    selection_changed = Signal(str)
    """The id of the selected node ('' when none)."""

    def __init__(
        self,
        session: DocumentSession,
        context: UiContext,
        kind: TreeKind,
        evidence_entries: Callable[[], list[tuple[str, str]]],
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.session = session
        self.context = context
        self.kind: TreeKind = kind
        self.deleter = Deleter(session, context, self)

        self.model = ProblemTreeModel(session, context, kind, self)
        self.view = QTreeView()
        self.view.setModel(self.model)
        self.view.setUniformRowHeights(True)
        self.view.setAlternatingRowColors(True)
        self.view.setAllColumnsShowFocus(True)
        self.view.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.view.setEditTriggers(
            QAbstractItemView.EditTrigger.DoubleClicked | QAbstractItemView.EditTrigger.EditKeyPressed
        )
        self.view.setIndentation(18)
        self.view.setStyleSheet("QTreeView::item { padding: 3px 2px; }")
        # Code and rating as wide as their titles and cells, the description takes the rest.
        self.columns = ColumnFitter(self.view, DESCRIPTION, hide=False)
        self.view.setMinimumHeight(180)

        self.toolbar = QToolBar()
        self.toolbar.setToolButtonStyle(Qt.ToolButtonStyle.ToolButtonTextBesideIcon)
        self.toolbar.setIconSize(self.toolbar.iconSize() * 0.8)
        self.actions_: dict[ActionKey, QAction] = {}
        for key, slot in (
            ("add", self.add_sibling),
            ("child", self.add_child),
            ("indent", self.indent),
            ("outdent", self.outdent),
            ("up", lambda: self.move(-1)),
            ("down", lambda: self.move(1)),
            ("delete", self.delete),
        ):
            action = QAction(self)
            action.setShortcut(SHORTCUTS[key])
            # Shortcuts act only while the tree has the focus: Delete in a text field must delete text.
            action.setShortcutContext(Qt.ShortcutContext.WidgetShortcut)
            if key in _ICONS:
                action.setIcon(self.style().standardIcon(_ICONS[key]))
            action.triggered.connect(slot)
            self.view.addAction(action)
            self.toolbar.addAction(action)
            self.actions_[key] = action
            if key in ("child", "down"):
                self.toolbar.addSeparator()

        self.form = NodeForm(session, context, kind, evidence_entries)
        self.form.set_code_lookup(self.model.code)
        self.form.field_focused.connect(self.field_focused)
        self.form.escape_pressed.connect(lambda: self.view.setFocus(Qt.FocusReason.ShortcutFocusReason))

        top = QWidget()
        top_layout = QVBoxLayout(top)
        top_layout.setContentsMargins(0, 0, 0, 0)
        top_layout.setSpacing(4)
        top_layout.addWidget(self.toolbar)
        top_layout.addWidget(self.view, 1)
        splitter = QSplitter(Qt.Orientation.Vertical)
        splitter.setChildrenCollapsible(False)
        splitter.addWidget(top)
        splitter.addWidget(self.form)
        splitter.setStretchFactor(0, 3)
        splitter.setStretchFactor(1, 2)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(splitter)
        self.setTabOrder(self.view, self.form)
        self.toolbar.installEventFilter(self)

        # Edits move, add and remove single rows: the view keeps its selection and open branches by itself. Only
        # a whole new content (a snapshot restored) resets the model, and is shown like a document just opened.
        self.model.modelReset.connect(self._show_from_start)
        self.model.rowsInserted.connect(self._show_inserted)
        self.model.rowsRemoved.connect(self._update_actions)
        self.model.rowsMoved.connect(self._update_actions)
        self.view.selectionModel().currentChanged.connect(self._on_current_changed)
        self.retranslate()
        self._show_from_start()

    # -- selection --------------------------------------------------------------------------------------------

    def selected_id(self) -> str | None:
        """Return the id of the selected node, or None."""
        return self.model.item_id(self.view.currentIndex())

    def select(self, item_id: str | None) -> None:
        """Make the node current, selected and visible (clears the selection for None)."""
        index = self.model.index_of(item_id)
        selection = self.view.selectionModel()
        if not index.isValid():
            selection.clearSelection()
            selection.setCurrentIndex(QModelIndex(), QItemSelectionModel.SelectionFlag.Clear)
            self._on_current_changed(QModelIndex(), QModelIndex())
            return
        parent = index.parent()
        while parent.isValid():
            self.view.expand(parent)
            parent = parent.parent()
        flags = QItemSelectionModel.SelectionFlag.ClearAndSelect | QItemSelectionModel.SelectionFlag.Rows
        selection.setCurrentIndex(index, flags)
        self.view.scrollTo(index)

    def focus_field(self, field: str | None) -> None:
        """Focus a field of the selected node's form, or the tree itself (for level, parent and the list)."""
        if not self.form.focus_field(field):
            self.view.setFocus(Qt.FocusReason.OtherFocusReason)

    def _on_current_changed(self, current: QModelIndex, _previous: QModelIndex) -> None:
        item_id = self.model.item_id(current)
        self.form.set_item(item_id)
        self._update_actions()
        self.selection_changed.emit(item_id or "")

    def _show_inserted(self, parent: QModelIndex, _first: int, _last: int) -> None:
        """Open the branch that received a node (added, or brought back by undo): a new node is never hidden."""
        if parent.isValid():
            self.view.expand(parent)
        self._update_actions()

    def _show_from_start(self) -> None:
        """Open every branch and select the first node (the tree was built, or its content replaced)."""
        self.view.expandAll()
        first = self.model.ids_in_order()[:1]
        self.select(first[0] if first else None)

    # -- operations -------------------------------------------------------------------------------------------

    def _nodes(self) -> list[Cause] | list[Effect]:
        return getattr(self.session.proposal.problem_matrix, self.kind)

    def _new_node(self) -> Cause | Effect:
        return Cause(id=new_id()) if self.kind == "causes" else Effect(id=new_id())

    def _apply(self, plan: Plan, key: ActionKey) -> bool:
        if not push_plan(self.session, plan, self.actions_[key].text()):
            return False
        self.select(plan.select)
        return True

    def add_sibling(self) -> None:
        """Add a direct cause (effect) after the selected one's branch; "Add sub-cause" adds an indirect one."""
        nodes = self._nodes()
        root = self._root_of(nodes, self.selected_id())
        if self._apply(plan_add(self.kind, nodes, root, self._new_node(), child=False), "add"):
            self.form.focus_field("description")

    @staticmethod
    def _root_of(nodes: Sequence[Cause] | Sequence[Effect], item_id: str | None) -> str | None:
        """Return the direct node whose branch holds item_id (item_id itself in a broken, cyclic chain)."""
        node, seen = find(nodes, item_id), set()
        while node is not None and node.parent_id is not None and node.id not in seen:
            seen.add(node.id)
            parent = find(nodes, node.parent_id)
            if parent is None:
                break
            node = parent
        return node.id if node is not None else None

    def add_child(self) -> None:
        """Add a node under the selected one, after its other children."""
        if self.selected_id() is None:
            return
        if self._apply(plan_add(self.kind, self._nodes(), self.selected_id(), self._new_node(), child=True), "child"):
            self.form.focus_field("description")

    def indent(self) -> None:
        """Make the selected node a child of its previous sibling."""
        if self.selected_id():
            self._apply(plan_indent(self.kind, self._nodes(), self.selected_id() or ""), "indent")

    def outdent(self) -> None:
        """Make the selected node a sibling of its parent."""
        if self.selected_id():
            self._apply(plan_outdent(self.kind, self._nodes(), self.selected_id() or ""), "outdent")

    def move(self, step: Literal[-1, 1]) -> None:
        """Move the selected node (with its sub-nodes) up or down among its siblings."""
        if self.selected_id():
            self._apply(
                plan_move(self.kind, self._nodes(), self.selected_id() or "", step), "up" if step < 0 else "down"
            )

    def delete(self) -> None:
        """Delete the selected node, its sub-nodes and the links to them (asking first when there are any)."""
        item_id = self.selected_id()
        nodes = self._nodes()
        index = next((position for position, node in enumerate(nodes) if node.id == item_id), -1)
        if item_id is None or index < 0 or self.session.read_only:
            return
        below = len(self.deleter.plan(list_locator(self.kind), index).below)
        headline = self._delete_question(item_id, below) if below else None
        select = neighbour_after_delete(nodes, item_id)
        had_focus = self.view.hasFocus()
        if not self.deleter.delete(list_locator(self.kind), index, self.actions_["delete"].text(), headline):
            return
        self.select(select)
        if had_focus or self.selected_id() is None:
            self.view.setFocus(Qt.FocusReason.OtherFocusReason)

    # -- texts and state --------------------------------------------------------------------------------------

    def retranslate(self) -> None:
        """Re-apply action texts, headers and the form in the interface language."""
        causes = self.kind == "causes"
        texts: dict[ActionKey, tuple[str, str]] = {
            "add": (self.tr("Add cause") if causes else self.tr("Add effect"), ""),
            "child": (self.tr("Add sub-cause") if causes else self.tr("Add sub-effect"), ""),
            "indent": (self.tr("Indent: hang from the previous sibling"), self.tr("Indent")),
            "outdent": (self.tr("Outdent: move up one level"), self.tr("Outdent")),
            "up": (self.tr("Move up"), self.tr("Up")),
            "down": (self.tr("Move down"), self.tr("Down")),
            "delete": (self.tr("Delete cause") if causes else self.tr("Delete effect"), self.tr("Delete")),
        }
        for key, (text, short) in texts.items():
            action = self.actions_[key]
            action.setText(text)
            action.setIconText(short or text)
            shortcut = SHORTCUTS[key].toString(QKeySequence.SequenceFormat.NativeText)
            action.setToolTip(f"{text} ({shortcut})")
            button = self.toolbar.widgetForAction(action)
            if isinstance(button, QToolButton):
                button.setAccessibleName(text)
                if key in ("up", "down"):
                    button.setToolButtonStyle(Qt.ToolButtonStyle.ToolButtonIconOnly)
        self.view.setAccessibleName(self.context.label("problem_matrix", self.kind))
        self.model.retranslate()
        self.form.retranslate()
        self._fit_toolbar()

    def _fit_toolbar(self) -> None:
        # Beside the tree preview on a laptop the tool bar has ~500 px: indent, outdent and delete show their
        # icons only (names in tooltips and for screen readers) rather than hiding behind a "»" menu.
        wide = Qt.ToolButtonStyle.ToolButtonTextBesideIcon
        buttons = {key: self.toolbar.widgetForAction(action) for key, action in self.actions_.items()}
        secondary = [buttons[key] for key in ("indent", "outdent", "delete") if isinstance(buttons[key], QToolButton)]
        for button in secondary:
            button.setToolButtonStyle(wide)
        spare = self.toolbar.width() - self.toolbar.sizeHint().width()
        for button in secondary:
            if spare >= 0:
                break
            before = button.sizeHint().width()
            button.setToolButtonStyle(Qt.ToolButtonStyle.ToolButtonIconOnly)
            spare += before - button.sizeHint().width()

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        """Fit the tool bar's buttons to its width."""
        if watched is self.toolbar and event.type() == QEvent.Type.Resize:
            self._fit_toolbar()
        return super().eventFilter(watched, event)

    def _update_actions(self, *_rows: object) -> None:
        nodes = self._nodes()
        node = find(nodes, self.selected_id())
        editable = not self.session.read_only
        row = siblings(nodes, node) if node is not None else []
        position = row.index(node) if node is not None else -1
        enabled: dict[ActionKey, bool] = {
            "add": True,
            "child": node is not None,
            "indent": position > 0,
            "outdent": node is not None and node.parent_id is not None,
            "up": position > 0,
            "down": 0 <= position < len(row) - 1,
            "delete": node is not None,
        }
        for key, action in self.actions_.items():
            action.setEnabled(editable and enabled[key])

    def _delete_question(self, item_id: str, below: int) -> str:
        code = self.model.code(item_id)
        if self.kind == "causes":
            text = self.tr("Delete cause %1 and its %n sub-cause(s)?", "", below)
        else:
            text = self.tr("Delete effect %1 and its %n sub-effect(s)?", "", below)
        return text.replace("%1", code)
