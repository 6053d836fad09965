"""The marker of table and tree rows whose item has open review comments: an icon and a tooltip."""

from __future__ import annotations

from collections.abc import Callable
from importlib import resources

from PySide6.QtCore import QObject
from PySide6.QtGui import QIcon

from ui.session import DocumentSession


def comment_icon() -> QIcon:
    """Return the speech-bubble icon that marks review comments."""
    return QIcon(str(resources.files("ui") / "icons" / "comment.svg"))


class RowMarks(QObject):
    """Asked by an item model for its first column; repaints the model when the comments change."""

    def __init__(self, session: DocumentSession, repaint: Callable[[], None], parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._session = session
        self._icon: QIcon | None = None
        session.comments_changed.connect(repaint)

    def icon(self, item_id: object) -> QIcon | None:
        """Return the comment icon when the item has open comments, else None (no decoration)."""
        if not isinstance(item_id, str) or not self._session.item_comment_count(item_id):
            return None
        if self._icon is None:
            self._icon = comment_icon()
        return self._icon

    def tooltip(self, item_id: object) -> str | None:
        """Return 'n open comments' for a marked row, else None (the model's own tooltip stays)."""
        count = self._session.item_comment_count(item_id) if isinstance(item_id, str) else 0
        return self.tr("%n open comment(s): right-click to see them", "", count) if count else None
