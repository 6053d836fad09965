"""A live picture of the problem tree, drawn by the Word export's own layout and paint code."""

from __future__ import annotations

from collections.abc import Collection

from PySide6.QtCore import QPointF, QSize, Qt, QTimer, Signal
from PySide6.QtGui import QMouseEvent, QPainter, QPaintEvent, QResizeEvent
from PySide6.QtWidgets import QFrame, QScrollArea, QWidget

from export.diagrams.canvas import PAPER
from export.diagrams.problem_tree import TreeLayout, layout_problem_tree, paint
from ui.commands import Change
from ui.context import UiContext
from ui.session import DocumentSession

DEBOUNCE_MS = 200
"""Typing in a description redraws the picture this long after the last keystroke, never on every key."""
LAYOUT_DPI = 110.0
"""Type in the picture is set in points; at this resolution the export's 7.5 pt reads like 11 px screen text."""
MIN_LAYOUT_WIDTH = 440
"""Narrower panels show the picture scaled down rather than squeezing the boxes into unreadable columns."""


class _Canvas(QWidget):
    """The drawing surface inside the scroll area: paints one layout at one scale."""

    box_clicked = Signal(str, str)

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.layout_: TreeLayout | None = None
        self.scale = 1.0
        self.selected: frozenset[str] = frozenset()
        self.setMouseTracking(True)

    def sizeHint(self) -> QSize:
        """Return the scaled size of the picture."""
        if self.layout_ is None:
            return QSize(MIN_LAYOUT_WIDTH, 200)
        return QSize(round(self.layout_.width * self.scale), round(self.layout_.height * self.scale))

    def paintEvent(self, event: QPaintEvent) -> None:
        """Draw the tree with the export's painter, scaled to the widget."""
        painter = QPainter(self)
        try:
            painter.fillRect(event.rect(), PAPER)
            if self.layout_ is not None:
                painter.scale(self.scale, self.scale)
                paint(painter, self.layout_, selected_ids=self.selected)
        finally:
            painter.end()

    def mouseMoveEvent(self, event: QMouseEvent) -> None:
        """Show a pointing hand over causes and effects: clicking one selects it in the editor."""
        box = self._box_at(event.position())
        self.setCursor(Qt.CursorShape.PointingHandCursor if box else Qt.CursorShape.ArrowCursor)
        super().mouseMoveEvent(event)

    def mousePressEvent(self, event: QMouseEvent) -> None:
        """Announce the cause or effect under the pointer."""
        box = self._box_at(event.position())
        if box is not None and box.item_id is not None and event.button() == Qt.MouseButton.LeftButton:
            self.box_clicked.emit("causes" if box.kind == "cause" else "effects", box.item_id)
        super().mousePressEvent(event)

    def _box_at(self, point: QPointF) -> object:
        if self.layout_ is None or self.scale <= 0:
            return None
        box = self.layout_.box_at(QPointF(point.x() / self.scale, point.y() / self.scale))
        return box if box is not None and box.item_id is not None else None


class TreePreview(QScrollArea):
    """Effects above, the central problem in the middle, causes below: redrawn shortly after each edit."""

    box_clicked = Signal(str, str)
    """(kind "causes" | "effects", item id) of a box the participant clicked."""

    def __init__(self, session: DocumentSession, context: UiContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._session = session
        self._context = context
        self._canvas = _Canvas()
        self._canvas.box_clicked.connect(self.box_clicked)
        self.setWidget(self._canvas)
        self.setWidgetResizable(False)
        self.setFrameShape(QFrame.Shape.NoFrame)
        self.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self.setAlignment(Qt.AlignmentFlag.AlignHCenter | Qt.AlignmentFlag.AlignTop)
        self.setMinimumWidth(240)
        self.viewport().setAutoFillBackground(True)
        self.viewport().setStyleSheet(f"background: {PAPER.name()};")
        self._timer = QTimer(self)
        self._timer.setSingleShot(True)
        self._timer.setInterval(DEBOUNCE_MS)
        self._timer.timeout.connect(self.redraw)
        session.changed.connect(self._on_change)
        self.redraw()

    @property
    def tree_layout(self) -> TreeLayout | None:
        """Return the layout on screen (for tests and hit-testing)."""
        return self._canvas.layout_

    @property
    def scale(self) -> float:
        """Return the factor the picture is drawn at."""
        return self._canvas.scale

    def is_pending(self) -> bool:
        """Return whether a redraw is scheduled."""
        return self._timer.isActive()

    def set_selected(self, item_ids: Collection[str]) -> None:
        """Outline these causes or effects (the one selected in the editor)."""
        selected = frozenset(item_ids)
        if selected != self._canvas.selected:
            self._canvas.selected = selected
            self._canvas.update()
            box = self._canvas.layout_.box_for(next(iter(selected))) if selected and self._canvas.layout_ else None
            if box is not None:
                rect = box.rect
                self.ensureVisible(round(rect.center().x() * self.scale), round(rect.center().y() * self.scale), 20, 60)

    def schedule(self) -> None:
        """Redraw after the debounce delay (restarted by every call)."""
        self._timer.start()

    def redraw(self) -> None:
        """Lay the tree out again for the current proposal, language and width, and repaint."""
        self._timer.stop()
        available = max(1, self.viewport().width())
        width = max(available, MIN_LAYOUT_WIDTH)
        facts = self._session.facts
        self._canvas.layout_ = layout_problem_tree(
            self._session.proposal,
            self._context.lang,
            self._context.field_model,
            width_px=width,
            dpi=LAYOUT_DPI,
            walks=(facts.walk("C"), facts.walk("E")),
        )
        self._canvas.scale = min(1.0, available / width)
        self._canvas.resize(self._canvas.sizeHint())
        self._canvas.update()

    def resizeEvent(self, event: QResizeEvent) -> None:
        """Fit the picture to the new width (soon: dragging the splitter must stay smooth)."""
        super().resizeEvent(event)
        if event.size().width() != event.oldSize().width():
            self.schedule()

    def _on_change(self, change: Change) -> None:
        # Only the problem matrix (or a whole new proposal) changes the picture.
        touched = change.locator if change.field is None else (*change.locator, change.field)
        if not touched or touched[0] == "problem_matrix":
            self.schedule()
