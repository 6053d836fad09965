"""The list of comment threads: each comment drawn as a small card (where, who and when, then the text)."""

from __future__ import annotations

from PySide6.QtCore import QModelIndex, QPersistentModelIndex, QRect, QSize, Qt
from PySide6.QtGui import QColor, QFont, QFontMetrics, QPainter, QPalette, QResizeEvent
from PySide6.QtWidgets import QStyle, QStyledItemDelegate, QStyleOptionViewItem, QTreeWidget, QWidget

from ui.style import COMMENT_MARK

ID_ROLE = Qt.ItemDataRole.UserRole + 2
"""The comment id of a row."""
WHERE_ROLE = Qt.ItemDataRole.UserRole + 3
"""What a thread is about ('Problem · C1.2 … · Description'); empty for replies."""
META_ROLE = Qt.ItemDataRole.UserRole + 4
"""Author, role, date and status."""
RESOLVED_ROLE = Qt.ItemDataRole.UserRole + 5
"""True when the thread is resolved: the card is drawn greyed."""

AnyIndex = QModelIndex | QPersistentModelIndex
_PAD = 8
_BAR = 4
_GAP = 3
_WHERE_INK = QColor("#0b3d6e")
_META_INK = QColor("#5d6b7a")
_RESOLVED_INK = QColor("#8a96a3")
_RESOLVED_BAR = QColor("#b9c2cc")
_WRAP = int(Qt.TextFlag.TextWordWrap)
_SELECTED_FILL = QColor("#dceaf8")


class ThreadDelegate(QStyledItemDelegate):
    """Paints a comment as a card with a coloured edge: amber while open, grey once resolved."""

    def _fonts(self, option: QStyleOptionViewItem) -> tuple[QFont, QFont, QFont]:
        where = QFont(option.font)
        where.setBold(True)
        meta = QFont(option.font)
        meta.setPointSizeF(max(option.font.pointSizeF() * 0.88, 7.0))
        return where, meta, QFont(option.font)

    def _blocks(self, index: AnyIndex) -> list[tuple[str, int]]:
        where = str(index.data(WHERE_ROLE) or "")
        meta = str(index.data(META_ROLE) or "")
        text = str(index.data(Qt.ItemDataRole.DisplayRole) or "")
        return [(part, kind) for part, kind in ((where, 0), (meta, 1), (text, 2)) if part]

    def _text_width(self, option: QStyleOptionViewItem) -> int:
        width = option.rect.width()
        view = option.widget
        if width <= 0 and isinstance(view, QTreeWidget):
            width = view.viewport().width() - view.indentation()
        return max(width - 2 * _PAD - _BAR, 60)

    def sizeHint(self, option: QStyleOptionViewItem, index: AnyIndex) -> QSize:
        """Return the height the wrapped lines need at the view's width."""
        fonts = self._fonts(option)
        width = self._text_width(option)
        height = 2 * _PAD
        for number, (text, kind) in enumerate(self._blocks(index)):
            bounds = QFontMetrics(fonts[kind]).boundingRect(QRect(0, 0, width, 100_000), _WRAP, text)
            height += bounds.height() + (_GAP if number else 0)
        return QSize(width + 2 * _PAD + _BAR, height)

    def paint(self, painter: QPainter, option: QStyleOptionViewItem, index: AnyIndex) -> None:
        """Draw the card: selection, the edge, then each block of wrapped text."""
        resolved = bool(index.data(RESOLVED_ROLE))
        selected = bool(option.state & QStyle.StateFlag.State_Selected)
        rect = option.rect
        painter.save()
        painter.fillRect(rect, _SELECTED_FILL if selected else option.palette.color(QPalette.ColorRole.Base))
        painter.fillRect(QRect(rect.left(), rect.top() + 2, _BAR, rect.height() - 4), _bar_colour(resolved))
        painter.setPen(QColor("#e3e7ec"))
        painter.drawLine(rect.bottomLeft(), rect.bottomRight())
        fonts = self._fonts(option)
        width = self._text_width(option)
        top = rect.top() + _PAD
        for number, (text, kind) in enumerate(self._blocks(index)):
            painter.setFont(fonts[kind])
            painter.setPen(_ink(kind, resolved))
            top += _GAP if number else 0
            area = QRect(rect.left() + _BAR + _PAD, top, width, 100_000)
            bounds = QFontMetrics(fonts[kind]).boundingRect(area, _WRAP, text)
            painter.drawText(area, _WRAP, text)
            top += bounds.height()
        painter.restore()


def _bar_colour(resolved: bool) -> QColor:
    return _RESOLVED_BAR if resolved else QColor(COMMENT_MARK)


def _ink(kind: int, resolved: bool) -> QColor:
    if resolved:
        return _RESOLVED_INK
    return (_WHERE_INK, _META_INK, QColor("#1d2733"))[kind]


class ThreadList(QTreeWidget):
    """A tree of threads (replies under their comment) whose cards re-wrap when the panel is resized."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setHeaderHidden(True)
        self.setColumnCount(1)
        self.setUniformRowHeights(False)
        self.setIndentation(18)
        self.setRootIsDecorated(False)
        self.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self.setVerticalScrollMode(QTreeWidget.ScrollMode.ScrollPerPixel)
        self.setItemDelegate(ThreadDelegate(self))
        # A light selection, so that the card's dark text stays readable (the delegate paints the same colour).
        self.setStyleSheet(
            "QTreeView::item:selected, QTreeView::branch:selected { background: #dceaf8; }"
            "QTreeView { border: 1px solid #d9dee4; border-radius: 4px; background: #ffffff; }"
        )

    def resizeEvent(self, event: QResizeEvent) -> None:
        """Lay the rows out again: their heights depend on the width."""
        super().resizeEvent(event)
        self.scheduleDelayedItemsLayout()
