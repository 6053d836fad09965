"""Completeness drawn as one small bar per matrix, with its percentage, so a cohort can be compared at a glance."""

from __future__ import annotations

from PySide6.QtCore import QModelIndex, QPersistentModelIndex, QRectF, QSize, Qt
from PySide6.QtGui import QColor, QFont, QPainter
from PySide6.QtWidgets import QStyle, QStyledItemDelegate, QStyleOptionViewItem

from ui.dashboard.model import SCORES_ROLE

AnyIndex = QModelIndex | QPersistentModelIndex

BAR_WIDTH = 38
BAR_GAP = 4
TRACK = QColor("#e3e8ee")
LABEL = QColor("#1d2733")


def bar_color(percent: int) -> QColor:
    """Return green for a complete matrix, amber from half, red below."""
    if percent >= 100:
        return QColor("#3a9a5b")
    if percent >= 50:
        return QColor("#e3b341")
    return QColor("#d9534f")


class CompletenessDelegate(QStyledItemDelegate):
    """Paints the SCORES_ROLE of a cell as bars; any other cell (an unreadable file's) as usual."""

    def paint(self, painter: QPainter, option: QStyleOptionViewItem, index: AnyIndex) -> None:
        """Draw the selection background, then one bar per matrix filled to its percentage."""
        scores = index.data(SCORES_ROLE)
        if not scores:
            super().paint(painter, option, index)
            return
        style = option.widget.style() if option.widget is not None else None
        if style is not None:
            # The item without text: selection and hover backgrounds as in the other columns.
            plain = QStyleOptionViewItem(option)
            self.initStyleOption(plain, index)
            plain.text = ""
            style.drawControl(QStyle.ControlElement.CE_ItemViewItem, plain, painter, option.widget)
        painter.save()
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        font = QFont(option.font)
        font.setPointSizeF(max(7.0, font.pointSizeF() - 2))
        painter.setFont(font)
        rect = option.rect.adjusted(4, 5, -4, -5)
        x = float(rect.left())
        for _label, percent in scores:
            track = QRectF(x, rect.top(), BAR_WIDTH, rect.height())
            painter.setPen(Qt.PenStyle.NoPen)
            painter.setBrush(TRACK)
            painter.drawRoundedRect(track, 3, 3)
            if percent > 0:
                painter.setBrush(bar_color(percent))
                painter.drawRoundedRect(QRectF(x, rect.top(), BAR_WIDTH * percent / 100, rect.height()), 3, 3)
            painter.setPen(LABEL)
            painter.drawText(track, Qt.AlignmentFlag.AlignCenter, str(percent))
            x += BAR_WIDTH + BAR_GAP
        painter.restore()

    def sizeHint(self, option: QStyleOptionViewItem, index: AnyIndex) -> QSize:
        """Return room for every bar."""
        scores = index.data(SCORES_ROLE)
        hint = super().sizeHint(option, index)
        if not scores:
            return hint
        return QSize(len(scores) * (BAR_WIDTH + BAR_GAP) + 8, max(hint.height(), 24))
