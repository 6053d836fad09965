"""The power/interest grid as an interactive widget, drawn by the export's own code.

Clicking an actor selects it; dragging it to another cell (or moving it with the arrow keys) asks for new
interest and influence ratings through `ratings_dropped`: the page turns that into one undo step.
"""

from __future__ import annotations

from PySide6.QtCore import QEvent, QPointF, QRectF, Qt, Signal
from PySide6.QtGui import (
    QBrush,
    QColor,
    QFocusEvent,
    QHelpEvent,
    QKeyEvent,
    QMouseEvent,
    QPainter,
    QPaintEvent,
    QPalette,
    QPen,
    QResizeEvent,
)
from PySide6.QtWidgets import QApplication, QMenu, QSizePolicy, QToolTip, QWidget

from export.diagrams.actor_grid import layout_actor_grid, paint, position_colour
from export.diagrams.canvas import PAPER
from export.diagrams.grid_geometry import ActorMark, GridLayout
from matrices.actors import Actor, display_name
from matrices.catalogs import Catalogs
from matrices.localized import COURSE_LANGUAGE, Lang
from matrices.proposal import Proposal
from ui.widgets.plain_text import literal

SCREEN_DPI = 118.0
"""The grid's type is set in points; at this resolution its 7-point labels read like the app's own text."""
DROP_INK = QColor("#1F5F99")


class ActorGridWidget(QWidget):
    """Actors placed by interest (x) and influence (y), coloured by position; click selects, drag re-rates."""

    actor_selected = Signal(str)
    """The id of the actor the participant clicked."""
    ratings_dropped = Signal(str, int, int)
    """(actor id, interest, influence) after a drag or an arrow key: the page records it as one undo step."""

    def __init__(self, catalogs: Catalogs, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._catalogs = catalogs
        self._proposal: Proposal | None = None
        self._lang: Lang = COURSE_LANGUAGE
        self._layout: GridLayout | None = None
        self._selected: str | None = None
        self._read_only = False
        self._press: tuple[ActorMark, QPointF] | None = None
        self._drag_point: QPointF | None = None
        self.setFocusPolicy(Qt.FocusPolicy.StrongFocus)
        self.setMouseTracking(True)
        self.setMinimumSize(420, 340)
        self.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Expanding)
        self.setAutoFillBackground(True)
        palette = self.palette()
        palette.setColor(QPalette.ColorRole.Window, PAPER)
        self.setPalette(palette)

    # -- state --------------------------------------------------------------------------------------------

    def set_proposal(self, proposal: Proposal, lang: Lang) -> None:
        """Show the actors of proposal with labels in lang."""
        self._proposal = proposal
        self._lang = lang
        self.invalidate()

    def invalidate(self) -> None:
        """Lay the grid out again before the next paint (an actor was added, renamed or re-rated)."""
        self._layout = None
        self.update()

    def set_selected(self, actor_id: str | None) -> None:
        """Outline the selected actor's mark."""
        if actor_id != self._selected:
            self._selected = actor_id
            self.update()

    def selected(self) -> str | None:
        """Return the id of the outlined actor."""
        return self._selected

    def set_read_only(self, read_only: bool) -> None:
        """Allow selecting but not moving actors."""
        self._read_only = read_only
        self._cancel_drag()

    def grid_layout(self) -> GridLayout | None:
        """Return the current layout (computed at the widget's size), or None before a proposal is set."""
        if self._layout is None and self._proposal is not None:
            self._layout = layout_actor_grid(
                self._proposal,
                self._lang,
                self._catalogs,
                width_px=max(200, self.width()),
                dpi=SCREEN_DPI,
                height_px=max(200, self.height()),
            )
        return self._layout

    def mark_of(self, actor_id: str) -> ActorMark | None:
        """Return the mark of an actor (None when it is not rated or hidden in a crowded cell)."""
        layout = self.grid_layout()
        return next((m for m in layout.marks if m.actor_id == actor_id), None) if layout else None

    def _actor(self, actor_id: str | None) -> Actor | None:
        if self._proposal is None or actor_id is None:
            return None
        return next((a for a in self._proposal.actor_matrix.actors if a.id == actor_id), None)

    # -- painting -----------------------------------------------------------------------------------------

    def paintEvent(self, event: QPaintEvent) -> None:
        """Draw the grid, then the drop target while an actor is being dragged."""
        del event
        layout = self.grid_layout()
        if layout is None:
            return
        painter = QPainter(self)
        try:
            selected = (self._selected,) if self._selected else ()
            paint(painter, layout, selected_ids=selected)
            if self._press is not None and self._drag_point is not None:
                self._paint_drop(painter, layout, self._press[0], self._drag_point)
            if self.hasFocus():
                painter.setPen(QPen(DROP_INK, 1.5, Qt.PenStyle.DotLine))
                painter.setBrush(Qt.BrushStyle.NoBrush)
                painter.drawRect(QRectF(self.rect()).adjusted(1, 1, -1, -1))
        finally:
            painter.end()

    def _paint_drop(self, painter: QPainter, layout: GridLayout, mark: ActorMark, point: QPointF) -> None:
        interest, influence = layout.value_at(point)
        cell = layout.cell_rect(interest, influence)
        painter.setPen(QPen(DROP_INK, 2.0, Qt.PenStyle.DashLine))
        painter.setBrush(QBrush(QColor(31, 95, 153, 28)))
        painter.drawRoundedRect(cell.adjusted(1, 1, -1, -1), 4, 4)
        radius = max(mark.dot_radius, 5.0)
        fill = position_colour(mark.position)
        painter.setPen(QPen(fill.darker(160), 1.0))
        painter.setBrush(QBrush(fill))
        painter.drawEllipse(point, radius * 1.3, radius * 1.3)
        text = f"{mark.label}  ({interest}, {influence})"
        font = layout.fonts.mark
        width = font.metrics().horizontalAdvance(text)
        baseline = point + QPointF(radius * 1.3 + 6, font.cap_height / 2)
        # A paper-coloured label so that the preview reads clearly over the marks already in the cell.
        box = QRectF(baseline.x() - 3, baseline.y() - font.ascent - 1, width + 6, font.line_height + 2)
        painter.setPen(QPen(DROP_INK, 0.8))
        painter.setBrush(QBrush(PAPER))
        painter.drawRoundedRect(box, 3, 3)
        painter.setPen(DROP_INK)
        painter.setFont(font.font)
        painter.drawText(baseline, text)

    # -- mouse and keyboard ---------------------------------------------------------------------------------

    def mousePressEvent(self, event: QMouseEvent) -> None:
        """Select the actor under the pointer; remember it in case the press becomes a drag."""
        layout = self.grid_layout()
        mark = layout.mark_at(event.position()) if layout and event.button() == Qt.MouseButton.LeftButton else None
        if mark is None:
            super().mousePressEvent(event)
            return
        self.setFocus(Qt.FocusReason.MouseFocusReason)
        if mark.actor_id is None:
            self._choose_hidden(mark, event.globalPosition().toPoint())
            return
        self._selected = mark.actor_id
        self.actor_selected.emit(mark.actor_id)
        self._press = (mark, event.position())
        self.update()

    def mouseMoveEvent(self, event: QMouseEvent) -> None:
        """Follow a drag with a preview of the cell the actor would land in."""
        if self._press is not None and not self._read_only:
            distance = (event.position() - self._press[1]).manhattanLength()
            if self._drag_point is not None or distance >= QApplication.startDragDistance():
                self._drag_point = event.position()
                self.setCursor(Qt.CursorShape.ClosedHandCursor)
                self.update()
                return
        layout = self.grid_layout()
        over = layout.mark_at(event.position()) if layout else None
        if over is None:
            self.unsetCursor()
        elif over.actor_id is not None and not self._read_only:
            self.setCursor(Qt.CursorShape.OpenHandCursor)
        else:
            self.setCursor(Qt.CursorShape.PointingHandCursor)

    def mouseReleaseEvent(self, event: QMouseEvent) -> None:
        """Drop the dragged actor on the cell under the pointer."""
        press, point = self._press, self._drag_point
        self._cancel_drag()
        layout = self.grid_layout()
        if press is None or point is None or layout is None or press[0].actor_id is None:
            super().mouseReleaseEvent(event)
            return
        interest, influence = layout.value_at(event.position())
        if (interest, influence) != (press[0].interest, press[0].influence):
            self.ratings_dropped.emit(press[0].actor_id, interest, influence)

    def keyPressEvent(self, event: QKeyEvent) -> None:
        """Arrow keys move the selected actor one cell (left/right: interest, up/down: influence)."""
        steps = {
            Qt.Key.Key_Left: (-1, 0),
            Qt.Key.Key_Right: (1, 0),
            Qt.Key.Key_Up: (0, 1),
            Qt.Key.Key_Down: (0, -1),
        }
        if event.key() == Qt.Key.Key_Escape and self._press is not None:
            self._cancel_drag()
            return
        actor = self._actor(self._selected)
        layout = self.grid_layout()
        if event.key() not in steps or actor is None or layout is None or self._read_only:
            super().keyPressEvent(event)
            return
        scales = layout.scales
        d_interest, d_influence = steps[Qt.Key(event.key())]
        middle = (scales.interest[0] + scales.interest[1]) // 2, (scales.influence[0] + scales.influence[1]) // 2
        interest = actor.interest if actor.interest is not None else middle[0]
        influence = actor.influence if actor.influence is not None else middle[1]
        interest = min(max(interest + d_interest, scales.interest[0]), scales.interest[1])
        influence = min(max(influence + d_influence, scales.influence[0]), scales.influence[1])
        if (interest, influence) != (actor.interest, actor.influence):
            self.ratings_dropped.emit(actor.id, interest, influence)

    def focusInEvent(self, event: QFocusEvent) -> None:
        """Show the focus frame."""
        super().focusInEvent(event)
        self.update()

    def focusOutEvent(self, event: QFocusEvent) -> None:
        """Hide the focus frame and abandon a drag."""
        super().focusOutEvent(event)
        self._cancel_drag()

    def event(self, event: QEvent) -> bool:
        """Explain a mark in a tooltip: the actor's name and ratings."""
        if event.type() == QEvent.Type.ToolTip and isinstance(event, QHelpEvent):
            layout = self.grid_layout()
            mark = layout.mark_at(QPointF(event.pos())) if layout else None
            if mark is None:
                QToolTip.hideText()
                event.ignore()
                return True
            QToolTip.showText(event.globalPos(), literal(self._tooltip(mark, layout)), self)  # names are untrusted
            return True
        return super().event(event)

    def resizeEvent(self, event: QResizeEvent) -> None:
        """Lay the grid out for the new size."""
        super().resizeEvent(event)
        self._layout = None

    # -- helpers ----------------------------------------------------------------------------------------------

    def _cancel_drag(self) -> None:
        self._press = None
        self._drag_point = None
        self.unsetCursor()
        self.update()

    def _tooltip(self, mark: ActorMark, layout: GridLayout | None) -> str:
        if mark.actor_id is None:
            names = [self._name(self._actor(actor_id)) for actor_id in mark.hidden_ids]
            return "\n".join(name for name in names if name)
        actor = self._actor(mark.actor_id)
        scales = layout.scales if layout else None
        lines = [self._name(actor)]
        if scales is not None:
            lines.append(
                f"{scales.interest_title}: {mark.interest} · {scales.interest_labels.get(mark.interest, '')}\n"
                f"{scales.influence_title}: {mark.influence} · {scales.influence_labels.get(mark.influence, '')}"
            )
            if mark.position is not None:
                lines.append(scales.position_labels.get(mark.position, str(mark.position)))
        return "\n".join(lines)

    @staticmethod
    def _name(actor: Actor | None) -> str:
        if actor is None:
            return ""
        return display_name(actor)

    def _choose_hidden(self, mark: ActorMark, where: object) -> None:
        """Offer the actors a crowded cell could not show, so that each can still be selected."""
        menu = QMenu(self)
        for actor_id in mark.hidden_ids:
            action = menu.addAction(self._name(self._actor(actor_id)) or actor_id)
            action.triggered.connect(lambda _checked=False, chosen=actor_id: self._select_hidden(chosen))
        menu.popup(where)  # type: ignore[arg-type]

    def _select_hidden(self, actor_id: str) -> None:
        self._selected = actor_id
        self.actor_selected.emit(actor_id)
        self.update()
