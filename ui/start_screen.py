"""The start screen: create a proposal, open one, open a recent one, or open the course's example."""

from __future__ import annotations

from collections.abc import Mapping
from pathlib import Path

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import (
    QFrame,
    QHBoxLayout,
    QLabel,
    QListWidget,
    QListWidgetItem,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from storage.filenames import shown, shown_name
from ui.widgets.plain_text import literal


class StartScreen(QWidget):
    """Buttons that express intents; the controller acts on them."""

    new_requested = Signal()
    open_requested = Signal()
    example_requested = Signal(str)
    recent_requested = Signal(object)
    review_folder_requested = Signal()
    """A facilitator wants the cohort view of a folder of proposals."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._title = QLabel(self)
        self._title.setStyleSheet("font-size: 26px; font-weight: 600; color: #0b3d6e;")
        self._subtitle = QLabel(self)
        self._subtitle.setWordWrap(True)
        self._subtitle.setStyleSheet("font-size: 14px; color: #44515e;")
        self.new_button = self._button(self.new_requested.emit, primary=True)
        self.open_button = self._button(self.open_requested.emit)
        self.example_es_button = self._button(lambda: self.example_requested.emit("es"))
        self.example_en_button = self._button(lambda: self.example_requested.emit("en"))
        self.review_folder_button = self._button(self.review_folder_requested.emit)
        self._recent_label = QLabel(self)
        self._recent_label.setStyleSheet("font-weight: 600; color: #1d2733;")
        self.recent = QListWidget(self)
        self.recent.setObjectName("recent")
        self.recent.setWordWrap(True)
        # One click opens a recent proposal, as on a web page; Enter does it from the keyboard.
        self.recent.itemClicked.connect(self._open_recent)
        self.recent.itemActivated.connect(self._open_recent)

        actions = QVBoxLayout()
        actions.setSpacing(10)
        for button in (self.new_button, self.open_button, self.example_es_button, self.example_en_button):
            actions.addWidget(button)
        actions.addSpacing(12)
        actions.addWidget(self.review_folder_button)
        actions.addStretch(1)
        recent = QVBoxLayout()
        recent.addWidget(self._recent_label)
        recent.addWidget(self.recent, 1)
        columns = QHBoxLayout()
        columns.setSpacing(32)
        columns.addLayout(actions, 1)
        columns.addLayout(recent, 2)

        card = QFrame(self)
        card.setObjectName("card")
        card.setStyleSheet("#card { background: white; border: 1px solid #d9dee4; border-radius: 10px; }")
        inner = QVBoxLayout(card)
        inner.setContentsMargins(40, 32, 40, 32)
        inner.setSpacing(14)
        inner.addWidget(self._title)
        inner.addWidget(self._subtitle)
        inner.addSpacing(12)
        inner.addLayout(columns, 1)
        card.setMaximumWidth(960)

        outer = QVBoxLayout(self)
        outer.setContentsMargins(40, 40, 40, 40)
        outer.addWidget(card, 1, Qt.AlignmentFlag.AlignHCenter)
        self.setStyleSheet("StartScreen { background: #eef1f5; }")
        self.setAutoFillBackground(True)
        self.retranslate()

    def _button(self, slot: object, primary: bool = False) -> QPushButton:
        button = QPushButton(self)
        button.setMinimumHeight(40)
        button.clicked.connect(slot)
        if primary:
            button.setDefault(True)
            button.setStyleSheet(
                "QPushButton { background: #0b5cad; color: white; border-radius: 6px; padding: 8px 16px; }"
                "QPushButton:focus { border: 2px solid #f2b705; }"
            )
        return button

    def retranslate(self) -> None:
        """Re-apply texts in the interface language."""
        self._title.setText(self.tr("Policy Matrix"))
        self._subtitle.setText(
            self.tr(
                "Draft your public policy proposal step by step through the four matrices of the course: "
                "problem, strategic axes, actors and instruments. Your work is saved as you type."
            )
        )
        self.new_button.setText(self.tr("New proposal…"))
        self.open_button.setText(self.tr("Open a proposal…"))
        self.example_es_button.setText(self.tr("Open the example (Spanish)"))
        self.example_en_button.setText(self.tr("Open the example (English)"))
        self.review_folder_button.setText(self.tr("Review a folder…"))
        self.review_folder_button.setToolTip(
            self.tr("For facilitators: see every proposal of a folder at a glance, and export them to Word")
        )
        self._recent_label.setText(self.tr("Recent proposals"))
        self._recent_label.setBuddy(self.recent)
        self.recent.setAccessibleName(self.tr("Recent proposals"))

    def _open_recent(self, item: QListWidgetItem) -> None:
        path = item.data(Qt.ItemDataRole.UserRole)
        if path is not None:
            self.recent_requested.emit(path)

    def set_recent_files(self, paths: list[Path], titles: Mapping[Path, str] | None = None) -> None:
        """List the recent documents (newest first) by their proposal's title, the file under it."""
        self.recent.clear()
        for path in paths:
            title = (titles or {}).get(path, "").strip() or shown_name(path)
            item = QListWidgetItem(f"{title}\n{shown(path)}", self.recent)
            item.setData(Qt.ItemDataRole.UserRole, path)
            item.setToolTip(literal(shown(path)))  # a file name is untrusted text too
        if not paths:
            placeholder = QListWidgetItem(self.tr("No recent proposals yet."), self.recent)
            placeholder.setFlags(Qt.ItemFlag.NoItemFlags)
