"""Right-click on any bound field, table row or tree node of the editor: "Comment…" and "Show comments"."""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import QEvent, QObject, QPoint, Signal
from PySide6.QtGui import QAction, QContextMenuEvent
from PySide6.QtWidgets import QApplication, QLineEdit, QMenu, QPlainTextEdit, QTextEdit, QWidget

from matrices.review import Anchor
from ui.comments.anchors import anchor_at
from ui.comments.marks import comment_icon


class CommentMenu(QObject):
    """An application event filter that adds the comment actions to context menus inside the editor.

    Filtering at the application is what reaches every field: a line edit handles its context menu itself,
    so an event filter on the editor would never see it. Only events aimed at the editor's own widgets are
    looked at, and only a field, a row or a node with an anchor gets the comment menu; anything else keeps
    its usual menu.
    """

    comment_requested = Signal(object)
    """The anchor to write a comment on."""
    show_requested = Signal(object)
    """The anchor whose comments to list."""

    def __init__(
        self,
        editor: QWidget,
        count: Callable[[Anchor], int],
        can_comment: Callable[[], bool],
        parent: QObject | None = None,
    ) -> None:
        super().__init__(parent)
        self._editor = editor
        self._count = count
        self._can_comment = can_comment
        self.popup: Callable[[QMenu, QPoint], QAction | None] = lambda menu, pos: menu.exec(pos)
        """Shows the menu and returns the chosen action; tests replace it (QMenu.exec waits for a click)."""
        app = QApplication.instance()
        if app is not None:
            app.installEventFilter(self)

    def detach(self) -> None:
        """Stop looking at context menus (the editor is closing)."""
        app = QApplication.instance()
        if app is not None:
            app.removeEventFilter(self)

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        """Replace the context menu of an anchored widget with its usual actions plus the comment actions."""
        if event.type() != QEvent.Type.ContextMenu or not isinstance(watched, QWidget):
            return False
        if not isinstance(event, QContextMenuEvent) or not self._editor.isAncestorOf(watched):
            return False
        by_mouse = event.reason() == QContextMenuEvent.Reason.Mouse
        anchor = anchor_at(watched, event.pos() if by_mouse else None)
        if anchor is None:
            return False
        self.open_menu(watched, anchor, event.globalPos())
        return True

    def build_menu(self, widget: QWidget, anchor: Anchor) -> QMenu:
        """Return the menu for widget: its standard text actions (copy, paste...) and the comment actions."""
        text_widget = _text_widget(widget)
        menu = text_widget.createStandardContextMenu() if text_widget is not None else QMenu()
        if not menu.isEmpty():
            menu.addSeparator()
        comment = menu.addAction(comment_icon(), self.tr("Comment…"))
        comment.setObjectName("comment")
        comment.setEnabled(self._can_comment())
        count = self._count(anchor)
        if count:
            shown = menu.addAction(self.tr("Show comments (%1)").replace("%1", str(count)))
            shown.setObjectName("show_comments")
        return menu

    def open_menu(self, widget: QWidget, anchor: Anchor, pos: QPoint) -> None:
        """Show the menu at pos and act on the chosen comment action."""
        menu = self.build_menu(widget, anchor)
        try:
            chosen = self.popup(menu, pos)
            name = chosen.objectName() if chosen is not None else ""
        finally:
            menu.deleteLater()
        if name == "comment":
            self.comment_requested.emit(anchor)
        elif name == "show_comments":
            self.show_requested.emit(anchor)


def _text_widget(widget: QWidget) -> QLineEdit | QPlainTextEdit | QTextEdit | None:
    # A text box's context menu event arrives at its viewport; a spin box's at its inner line edit.
    for candidate in (widget, widget.parentWidget()):
        if isinstance(candidate, QLineEdit | QPlainTextEdit | QTextEdit):
            return candidate
    return None
