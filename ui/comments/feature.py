"""Comments in the editor, wired together: the store, the side panel, the context menu and the identity."""

from __future__ import annotations

import contextlib
from collections.abc import Callable

import shiboken6
from PySide6.QtCore import QObject, QTimer
from PySide6.QtWidgets import QApplication, QWidget

from matrices.review import Anchor
from ui.comments.anchors import AnchorNames, anchor_at
from ui.comments.identity import ask_identity
from ui.comments.menu import CommentMenu
from ui.comments.panel import CommentsPanel
from ui.comments.store import CommentFile, CommentStore
from ui.context import UiContext
from ui.editor import EditorView
from ui.settings import Role, Settings

RELABEL_DELAY_MS = 500


class EditorComments(QObject):
    """Owns the comments of one open document for as long as its editor is shown (built by the controller)."""

    def __init__(
        self,
        document: CommentFile,
        editor: EditorView,
        context: UiContext,
        settings: Settings,
        review: bool,
        parent: QObject | None = None,
    ) -> None:
        super().__init__(parent)
        self._editor = editor
        self._settings = settings
        self._review = review
        self._last_widget: QWidget | None = None
        self.ask: Callable[[str, Role], tuple[str, Role] | None] = lambda name, role: ask_identity(
            self.panel, name, role
        )
        """Asks who signs the comments (name, role); tests replace it."""
        session = editor.session
        self.store = CommentStore(document, session, self)
        self.names = AnchorNames(session, context, editor.step_title, self)
        self.panel = CommentsPanel(self.store, self.names, context, self.identity)
        self.panel.current_anchor = self.current_anchor
        self.menu = CommentMenu(
            editor, lambda anchor: len(self.store.threads_at(anchor)), lambda: self.store.writable, self
        )

        # Renamed or renumbered items change how the threads are labelled: relabel once typing pauses.
        self._relabel = QTimer(self)
        self._relabel.setSingleShot(True)
        self._relabel.setInterval(RELABEL_DELAY_MS)
        self._relabel.timeout.connect(self.panel.refresh)
        session.changed.connect(self._on_content_changed)
        self.panel.navigate_requested.connect(editor.navigate)
        editor.step_changed.connect(self.panel.set_step)
        self.menu.comment_requested.connect(self.panel.compose)
        self.menu.show_requested.connect(self.panel.show_anchor)
        app = QApplication.instance()
        if isinstance(app, QApplication):
            app.focusChanged.connect(self._on_focus_changed)

    def identity(self) -> tuple[str, Role] | None:
        """Return who signs the comments; the first time, ask (facilitator is suggested in review mode)."""
        name = self._settings.author_name.strip()
        if name:
            return name, self._settings.author_role
        role: Role = "facilitator" if self._review else self._settings.author_role
        answer = self.ask(name, role)
        if answer is None or not answer[0].strip():
            return None
        self._settings.author_name, self._settings.author_role = answer[0].strip(), answer[1]
        return self._settings.author_name, self._settings.author_role

    def current_anchor(self) -> Anchor | None:
        """Return the anchor of the field, row or node that last had the keyboard focus in the editor."""
        widget = self._last_widget
        if widget is None or not shiboken6.isValid(widget) or not self._editor.isAncestorOf(widget):
            return None
        return anchor_at(widget)

    def save_now(self) -> bool:
        """Write comments whose save failed; False when they still cannot be written."""
        return self.store.save_now()

    def close(self) -> None:
        """Stop following the editor (it is being closed)."""
        self.menu.detach()
        self.store.stop()
        self._relabel.stop()
        app = QApplication.instance()
        if isinstance(app, QApplication):
            with contextlib.suppress(RuntimeError, TypeError):  # already disconnected
                app.focusChanged.disconnect(self._on_focus_changed)

    def _on_content_changed(self, _change: object) -> None:
        self._relabel.start()

    def _on_focus_changed(self, _old: QWidget | None, new: QWidget | None) -> None:
        # Remember where the participant works; focus moving to the panel itself must not forget it.
        if new is not None and shiboken6.isValid(self._editor) and self._editor.isAncestorOf(new):
            self._last_widget = new
