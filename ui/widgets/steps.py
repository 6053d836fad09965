"""The step list on the left of the editor: the six steps with their completeness."""

from __future__ import annotations

from PySide6.QtCore import QSize, Qt, Signal
from PySide6.QtGui import QColor, QFont
from PySide6.QtWidgets import QListWidget, QListWidgetItem, QWidget

from ui.style import FOCUS_RING


class StepList(QListWidget):
    """A vertical list of steps; each row shows the step title and a short status (e.g. "80 %")."""

    step_selected = Signal(int)

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("steps")
        self.setAccessibleName(self.tr("Steps"))
        self.setSpacing(2)
        self.setUniformItemSizes(True)
        self.setWordWrap(True)
        self.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self.setTextElideMode(Qt.TextElideMode.ElideNone)
        # "Revisión y exportación" fits in 190 px; every pixel more would be taken from the page on a laptop.
        self.setFixedWidth(190)
        self.setStyleSheet(
            "QListWidget { border: 2px solid transparent; background: #f4f6f8; padding: 6px 2px; }"
            # The steps are a Tab stop: a keyboard user must see when the arrows will move between them.
            f"QListWidget:focus {{ border: {FOCUS_RING}; }}"
            "QListWidget::item { padding: 10px 8px; border-radius: 6px; color: #1d2733; }"
            "QListWidget::item:selected { background: #dbe7f5; color: #0b3d6e; }"
        )
        self.currentRowChanged.connect(self.step_selected.emit)

    def set_steps(self, titles: list[str]) -> None:
        """Show these step titles (keeps the current row); they come again after a language switch."""
        self.setAccessibleName(self.tr("Steps"))
        row = max(self.currentRow(), 0)
        self.clear()
        for title in titles:
            item = QListWidgetItem(title, self)
            item.setSizeHint(QSize(170, 58))
            item.setData(Qt.ItemDataRole.UserRole, title)
        self.setCurrentRow(min(row, self.count() - 1))

    def set_status(self, row: int, status: str, complete: bool = False) -> None:
        """Show a short status next to a step's title (completeness, number of errors)."""
        item = self.item(row)
        if item is None:
            return
        title = str(item.data(Qt.ItemDataRole.UserRole))
        item.setText(f"{title}\n{status}" if status else title)
        font = QFont(item.font())
        font.setBold(self.currentRow() == row)
        item.setFont(font)
        item.setForeground(QColor("#1b5e20") if complete else QColor("#1d2733"))
        item.setToolTip(status)
