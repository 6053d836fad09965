"""The comments side panel: threads with their replies, filters, and writing, answering and resolving comments."""

from __future__ import annotations

from collections.abc import Callable
from typing import Literal

from PySide6.QtCore import QDateTime, QLocale, Qt, Signal
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QDockWidget,
    QFrame,
    QHBoxLayout,
    QPlainTextEdit,
    QPushButton,
    QTreeWidget,
    QTreeWidgetItem,
    QVBoxLayout,
    QWidget,
)

from matrices.review import Anchor, Comment
from ui.comments.anchors import WHOLE_PROPOSAL, AnchorNames
from ui.comments.marks import comment_icon
from ui.comments.store import CommentStore
from ui.comments.thread_view import ID_ROLE, META_ROLE, RESOLVED_ROLE, WHERE_ROLE, ThreadList
from ui.context import UiContext
from ui.settings import Role
from ui.style import COMMENT_MARK
from ui.widgets.plain_text import plain_label

StatusFilter = Literal["all", "open", "resolved"]


class CommentsPanel(QWidget):
    """Lists the document's comment threads; activating one goes to its item in the editor."""

    navigate_requested = Signal(str, object, object)
    """(matrix, item id or None, field or None) of the activated comment."""

    def __init__(
        self,
        store: CommentStore,
        names: AnchorNames,
        context: UiContext,
        identity: Callable[[], tuple[str, Role] | None],
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.store = store
        self._names = names
        self._context = context
        self._identity = identity
        self.current_anchor: Callable[[], Anchor | None] = lambda: None
        """What the participant is working on in the editor (set by the owner): where "Comment…" comments."""
        self._step = "general"
        self._focus: Anchor | None = None
        self._composing: tuple[Literal["new", "reply"], Anchor, str | None] | None = None

        self.status_filter = QComboBox(self)
        for value in ("all", "open", "resolved"):
            self.status_filter.addItem("", value)
        # The side panel of a 1280-pixel laptop is 240-260 px: the filter and the check box on rows of their own.
        self.status_filter.setSizeAdjustPolicy(QComboBox.SizeAdjustPolicy.AdjustToMinimumContentsLengthWithIcon)
        self.status_filter.setMinimumContentsLength(10)
        self.step_only = QCheckBox(self)
        filters = QVBoxLayout()
        filters.addWidget(self.status_filter)
        filters.addWidget(self.step_only)

        self.focus_label = plain_label(self)
        self.focus_label.setWordWrap(True)
        self.show_all_button = QPushButton(self)
        self.show_all_button.clicked.connect(lambda: self.show_anchor(None))
        self.focus_bar = QFrame(self)
        self.focus_bar.setObjectName("focusBar")
        self.focus_bar.setStyleSheet(
            f"QFrame#focusBar {{ background: #fdf3df; border-left: 3px solid {COMMENT_MARK}; }}"
        )
        focus_layout = QHBoxLayout(self.focus_bar)
        focus_layout.setContentsMargins(8, 4, 4, 4)
        focus_layout.addWidget(self.focus_label, 1)
        focus_layout.addWidget(self.show_all_button)
        self.focus_bar.hide()

        self.tree = ThreadList(self)
        self.tree.itemActivated.connect(lambda item, _column: self._go_to(item))
        self.tree.itemClicked.connect(lambda item, _column: self._go_to(item))
        self.tree.currentItemChanged.connect(lambda *_: self._update_buttons())
        self.empty_label = plain_label(self)
        self.empty_label.setWordWrap(True)
        self.empty_label.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.empty_label.setStyleSheet("color: #7a8694; padding: 18px;")

        self.reply_button = QPushButton(self)
        self.resolve_button = QPushButton(self)
        self.reply_button.clicked.connect(self.start_reply)
        self.resolve_button.clicked.connect(self.toggle_status)
        thread_buttons = QHBoxLayout()
        thread_buttons.addWidget(self.reply_button)
        thread_buttons.addWidget(self.resolve_button)
        thread_buttons.addStretch(1)

        self.add_button = QPushButton(self)
        self.add_button.setIcon(comment_icon())
        self.add_button.clicked.connect(self.comment_on_current)
        self.add_general_button = QPushButton(self)
        self.add_general_button.clicked.connect(lambda: self.compose(WHOLE_PROPOSAL))

        self.composer_label = plain_label(self)
        self.composer_label.setWordWrap(True)
        self.composer_text = QPlainTextEdit(self)
        self.composer_text.setTabChangesFocus(True)
        self.composer_text.setMinimumHeight(70)
        self.composer_text.setMaximumHeight(160)
        self.send_button = QPushButton(self)
        self.send_button.setDefault(True)
        self.cancel_button = QPushButton(self)
        self.send_button.clicked.connect(self.send)
        self.cancel_button.clicked.connect(self.cancel)
        self.composer_text.textChanged.connect(self._update_buttons)
        self.composer = QFrame(self)
        self.composer.setFrameShape(QFrame.Shape.StyledPanel)
        composer_buttons = QHBoxLayout()
        composer_buttons.addStretch(1)
        composer_buttons.addWidget(self.cancel_button)
        composer_buttons.addWidget(self.send_button)
        composer_layout = QVBoxLayout(self.composer)
        composer_layout.setContentsMargins(8, 8, 8, 8)
        composer_layout.addWidget(self.composer_label)
        composer_layout.addWidget(self.composer_text)
        composer_layout.addLayout(composer_buttons)
        self.composer.hide()

        self.status_label = plain_label(self)
        self.status_label.setWordWrap(True)
        self.status_label.hide()

        layout = QVBoxLayout(self)
        layout.setContentsMargins(8, 8, 8, 8)
        layout.setSpacing(6)
        layout.addLayout(filters)
        layout.addWidget(self.focus_bar)
        layout.addWidget(self.tree, 1)
        layout.addWidget(self.empty_label, 1)
        layout.addLayout(thread_buttons)
        layout.addWidget(self.composer)
        layout.addWidget(self.add_button)
        layout.addWidget(self.add_general_button)
        layout.addWidget(self.status_label)
        self.setMinimumWidth(240)  # the side panel of a 1280-pixel laptop screen

        self.status_filter.currentIndexChanged.connect(lambda _index: self.refresh())
        self.step_only.toggled.connect(lambda _checked: self.refresh())
        store.changed.connect(self.refresh)
        store.save_state_changed.connect(self._show_save_state)
        self.retranslate()

    # -- texts ---------------------------------------------------------------------------------------------

    def retranslate(self) -> None:
        """Re-apply every text in the interface language."""
        texts = {"all": self.tr("All comments"), "open": self.tr("Open"), "resolved": self.tr("Resolved")}
        for index in range(self.status_filter.count()):
            self.status_filter.setItemText(index, texts[str(self.status_filter.itemData(index))])
        self.status_filter.setAccessibleName(self.tr("Show"))
        self.step_only.setText(self.tr("This step only"))
        self.show_all_button.setText(self.tr("Show all"))
        self.reply_button.setText(self.tr("Reply…"))
        self.add_button.setText(self.tr("Comment on this field…"))
        self.add_button.setToolTip(self.tr("Or right-click any field, table row or tree node and choose Comment…"))
        self.add_general_button.setText(self.tr("Comment on the proposal…"))
        self.cancel_button.setText(self.tr("Cancel"))
        self.tree.setAccessibleName(self.tr("Comments"))
        self.composer_text.setAccessibleName(self.tr("Comment text"))
        self.empty_label.setText(self.tr("No comments to show."))
        self.refresh()

    def _role_label(self, role: str) -> str:
        return self.tr("Facilitator") if role == "facilitator" else self.tr("Participant")

    def _date(self, comment: Comment) -> str:
        locale = QLocale(self._context.lang)
        moment = QDateTime.fromSecsSinceEpoch(int(comment.created_at.timestamp()))
        return locale.toString(moment, QLocale.FormatType.ShortFormat)

    # -- the list ----------------------------------------------------------------------------------------

    def set_step(self, matrix: str) -> None:
        """Record the editor's current step (its matrix), for the "This step only" filter."""
        self._step = matrix
        if self.step_only.isChecked():
            self.refresh()

    def visible_threads(self) -> list[Comment]:
        """Return the threads the filters let through, oldest first."""
        wanted: StatusFilter = self.status_filter.currentData() or "all"
        roots = self.store.threads_at(self._focus) if self._focus is not None else self.store.threads()
        if wanted != "all":
            roots = [root for root in roots if root.status == wanted]
        if self.step_only.isChecked():
            roots = [root for root in roots if (root.matrix or "general") == self._step]
        return roots

    def refresh(self) -> None:
        """Rebuild the list of threads, keeping the selected one."""
        selected = self.selected_root()
        self.tree.clear()
        replies = self.store.replies()
        for root in self.visible_threads():
            resolved = root.status == "resolved"
            item = self._row(self.tree, root, self._where(root), resolved)
            for reply in replies.get(root.id, []):
                self._row(item, reply, "", resolved)
            item.setExpanded(True)
            if selected is not None and root.id == selected.id:
                self.tree.setCurrentItem(item)
        empty = self.tree.topLevelItemCount() == 0
        self.tree.setVisible(not empty)
        self.empty_label.setVisible(empty)
        self._update_buttons()

    def _row(
        self, parent: QTreeWidget | QTreeWidgetItem, comment: Comment, where: str, resolved: bool
    ) -> QTreeWidgetItem:
        item = QTreeWidgetItem(parent, [comment.text])
        author = comment.author or self.tr("(no name)")
        meta = [author, self._role_label(comment.role), self._date(comment)]
        if where:
            meta.append(self.tr("Resolved") if resolved else self.tr("Open"))
        item.setData(0, ID_ROLE, comment.id)
        item.setData(0, WHERE_ROLE, where)
        item.setData(0, META_ROLE, " · ".join(meta))
        item.setData(0, RESOLVED_ROLE, resolved)
        item.setData(0, Qt.ItemDataRole.AccessibleTextRole, " — ".join(p for p in (where, *meta, comment.text) if p))
        return item

    def _where(self, root: Comment) -> str:
        # A deleted item's place says so ("(deleted item)") where the item's name would be.
        return self._names.describe((root.matrix, root.item_id, root.field))

    def selected_root(self) -> Comment | None:
        """Return the thread the selected row belongs to, or None."""
        item = self.tree.currentItem()
        comment = self.store.get(str(item.data(0, ID_ROLE))) if item is not None else None
        return self.store.root_of(comment) if comment is not None else None

    def select_thread(self, comment_id: str) -> bool:
        """Select the row of a thread; False when the filters hide it."""
        for row in range(self.tree.topLevelItemCount()):
            item = self.tree.topLevelItem(row)
            if item.data(0, ID_ROLE) == comment_id:
                self.tree.setCurrentItem(item)
                self.tree.scrollToItem(item)
                return True
        return False

    def show_anchor(self, anchor: Anchor | None) -> None:
        """Show only the threads on anchor ("Show comments" in a context menu); None shows every thread again."""
        self._focus = anchor
        self.focus_bar.setVisible(anchor is not None)
        if anchor is not None:
            self.focus_label.setText(self.tr("Comments on: %1").replace("%1", self._names.describe(anchor)))
            self.status_filter.setCurrentIndex(0)
            self.step_only.setChecked(False)
        self.refresh()
        if anchor is not None and self.tree.topLevelItemCount():
            self.tree.setCurrentItem(self.tree.topLevelItem(0))
        self.reveal()

    def _go_to(self, item: QTreeWidgetItem) -> None:
        comment = self.store.get(str(item.data(0, ID_ROLE)))
        if comment is not None:
            self.navigate_requested.emit(comment.matrix or "general", comment.item_id, comment.field)

    # -- writing -------------------------------------------------------------------------------------------

    def comment_on_current(self) -> None:
        """Start a comment on what the participant is working on (the whole proposal when nothing is selected)."""
        self.compose(self.current_anchor() or WHOLE_PROPOSAL)

    def compose(self, anchor: Anchor) -> bool:
        """Open the writing box for a new comment on anchor (asking who signs it the first time)."""
        if not self.store.writable or self._identity() is None:
            return False
        self._composing = ("new", anchor, None)
        self.composer_label.setText(self.tr("New comment on: %1").replace("%1", self._names.describe(anchor)))
        self.send_button.setText(self.tr("Add comment"))
        self._open_composer()
        return True

    def start_reply(self) -> bool:
        """Open the writing box for a reply to the selected thread."""
        root = self.selected_root()
        if root is None or not self.store.writable or self._identity() is None:
            return False
        self._composing = ("reply", (root.matrix, root.item_id, root.field), root.id)
        author = root.author or self.tr("(no name)")
        self.composer_label.setText(self.tr("Reply to %1").replace("%1", author))
        self.send_button.setText(self.tr("Send reply"))
        self._open_composer()
        return True

    def _open_composer(self) -> None:
        self.composer_text.clear()
        self.composer.show()
        self.reveal()
        self.composer_text.setFocus(Qt.FocusReason.OtherFocusReason)
        self._update_buttons()

    def send(self) -> Comment | None:
        """Save the comment or reply being written; the writing box closes once it is stored."""
        identity = self._identity() if self._composing is not None else None
        if self._composing is None or identity is None:
            return None
        kind, anchor, parent_id = self._composing
        text = self.composer_text.toPlainText()
        author, role = identity
        if kind == "reply" and parent_id is not None:
            written = self.store.reply(parent_id, text, author, role)
        else:
            written = self.store.add(anchor, text, author, role)
        if written is None:
            return None
        self.cancel()
        if self._focus is not None and kind == "new" and written not in self.store.threads_at(self._focus):
            self.show_anchor(None)
        self.select_thread(self.store.root_of(written).id)
        return written

    def cancel(self) -> None:
        """Close the writing box without saving."""
        self._composing = None
        self.composer_text.clear()
        self.composer.hide()
        self._update_buttons()

    def toggle_status(self) -> bool:
        """Resolve the selected thread, or reopen it when it is resolved."""
        root = self.selected_root()
        if root is None:
            return False
        changed = self.store.set_status(root.id, "resolved" if root.status == "open" else "open")
        self.select_thread(root.id)
        return changed

    # -- state ---------------------------------------------------------------------------------------------

    def reveal(self) -> None:
        """Show the dock holding the panel (it may have been closed)."""
        dock = self.parentWidget()
        if isinstance(dock, QDockWidget):
            dock.show()
            dock.raise_()

    def _update_buttons(self) -> None:
        root = self.selected_root()
        writable = self.store.writable
        self.reply_button.setEnabled(writable and root is not None)
        self.resolve_button.setEnabled(writable and root is not None)
        reopen = root is not None and root.status == "resolved"
        self.resolve_button.setText(self.tr("Reopen") if reopen else self.tr("Resolve"))
        self.add_button.setEnabled(writable)
        self.add_general_button.setEnabled(writable)
        self.send_button.setEnabled(writable and bool(self.composer_text.toPlainText().strip()))
        self._show_save_state()

    def _show_save_state(self) -> None:
        if self.store.last_error is not None:
            text = self.tr("Your comments could not be saved; they are kept and saving is retried. %1")
            self._status(text.replace("%1", self.store.last_error), "#8a1c12", "#fdecea")
        elif self.store.load_error is not None:
            text = self.tr("The comments of this file could not be read (%1).").replace("%1", self.store.load_error)
            self._status(text, "#8a1c12", "#fdecea")
        elif not self.store.writable:
            text = self.tr("This proposal is open in another window: comments can be read but not added.")
            self._status(text, "#7a4b00", "#fff4e0")
        else:
            self.status_label.hide()

    def _status(self, text: str, ink: str, fill: str) -> None:
        self.status_label.setText(text)
        self.status_label.setStyleSheet(f"color: {ink}; background: {fill}; padding: 6px; border-radius: 4px;")
        self.status_label.show()
