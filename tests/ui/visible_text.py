"""Every text a participant can read or hear in a window: labels, buttons, tabs, headers, cells, tooltips, choices."""

from __future__ import annotations

from collections.abc import Iterator

from PySide6.QtCore import QAbstractItemModel, QAbstractListModel, QModelIndex, Qt
from PySide6.QtWidgets import (
    QAbstractButton,
    QAbstractItemView,
    QComboBox,
    QGroupBox,
    QLabel,
    QLineEdit,
    QMenu,
    QPlainTextEdit,
    QTabBar,
    QTextEdit,
    QWidget,
)

from ui.comments.thread_view import META_ROLE, WHERE_ROLE, ThreadList

ROLES = (
    Qt.ItemDataRole.DisplayRole,
    Qt.ItemDataRole.ToolTipRole,
    Qt.ItemDataRole.StatusTipRole,
    Qt.ItemDataRole.AccessibleTextRole,
    Qt.ItemDataRole.AccessibleDescriptionRole,
)
"""The roles a view shows or a screen reader reads."""
THREAD_ROLES = (*ROLES, WHERE_ROLE, META_ROLE)
"""The comments list draws each thread's place and details itself, from roles of its own."""


def visible_texts(window: QWidget) -> list[str]:
    """Return the texts of every visible widget of window, one string each (empty ones left out)."""
    texts: list[str] = [window.windowTitle()]
    for widget in [window, *window.findChildren(QWidget)]:
        if widget.isVisible() or isinstance(widget, QMenu):
            texts.extend(_widget_texts(widget))
    return [text for text in texts if text]


def _widget_texts(widget: QWidget) -> Iterator[str]:
    yield from (widget.toolTip(), widget.accessibleName(), widget.accessibleDescription(), widget.statusTip())
    if isinstance(widget, QLabel | QAbstractButton):
        yield widget.text()
    elif isinstance(widget, QGroupBox):
        yield widget.title()
    elif isinstance(widget, QTabBar):
        for index in range(widget.count()):
            yield from (widget.tabText(index), widget.tabToolTip(index))
    elif isinstance(widget, QComboBox):
        yield from _model_texts(widget.model(), ROLES)
    elif isinstance(widget, QLineEdit):
        yield from (widget.text(), widget.placeholderText())
    elif isinstance(widget, QPlainTextEdit | QTextEdit):
        yield from (widget.toPlainText(), widget.placeholderText())
    elif isinstance(widget, QAbstractItemView) and widget.model() is not None:
        yield from _model_texts(widget.model(), THREAD_ROLES if isinstance(widget, ThreadList) else ROLES)
    elif isinstance(widget, QMenu):
        for action in widget.actions():
            yield from (action.text(), action.toolTip(), action.statusTip())


def _model_texts(model: QAbstractItemModel, roles: tuple[int, ...], parent: QModelIndex | None = None) -> Iterator[str]:
    if parent is None:
        parent = QModelIndex()
        for orientation in (Qt.Orientation.Horizontal, Qt.Orientation.Vertical):
            horizontal = orientation == Qt.Orientation.Horizontal
            count = _columns(model, parent) if horizontal else model.rowCount(parent)
            for section in range(min(count, 200)):
                for role in (Qt.ItemDataRole.DisplayRole, Qt.ItemDataRole.ToolTipRole):
                    value = model.headerData(section, orientation, role)
                    if isinstance(value, str):
                        yield value
    for row in range(model.rowCount(parent)):
        for column in range(_columns(model, parent)):
            index = model.index(row, column, parent)
            for role in roles:
                value = index.data(role)
                if isinstance(value, str):
                    yield value
            if column == 0 and not isinstance(model, QAbstractListModel) and model.rowCount(index):
                yield from _model_texts(model, roles, index)


def _columns(model: QAbstractItemModel, parent: QModelIndex) -> int:
    if isinstance(model, QAbstractListModel):
        return 0 if parent.isValid() else 1  # its columnCount is private in Python
    return model.columnCount(parent)
