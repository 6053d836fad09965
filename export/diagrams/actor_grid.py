"""The power/interest grid: actors placed by interest (x) and influence (y), coloured by position.

`layout_actor_grid` (grid_layout.py) computes pure geometry and the value <-> point mapping the editor needs to
drag actors; `paint` draws a layout on any QPainter; `actor_grid_png` renders it offscreen for the Word export.
"""

from __future__ import annotations

import itertools
from collections.abc import Callable, Collection

from PySide6.QtCore import QPointF, QRectF, Qt
from PySide6.QtGui import QBrush, QColor, QImage, QPainter, QPen

from export.diagrams.canvas import (
    INK,
    LINE,
    MUTED_INK,
    PAPER,
    cm_to_px,
    encode_png,
    new_image,
    points_to_px,
    require_gui_application,
)
from export.diagrams.grid_geometry import (
    BOUNDARY,
    CELL_LINE,
    PAD_PT,
    POSITION_COLOURS,
    QUADRANT_INK,
    QUADRANT_TINTS,
    UNRATED_FILL,
    GridLayout,
)
from export.diagrams.grid_layout import layout_actor_grid
from matrices.catalogs import Catalogs
from matrices.localized import Lang
from matrices.proposal import Proposal

__all__ = ["GridLayout", "actor_grid_png", "layout_actor_grid", "paint", "position_colour", "render_actor_grid"]


def position_colour(position: int | None, scale: tuple[int, int] = (-2, 2)) -> QColor:
    """Return the fill of an actor's dot: red (opposes) through grey to green (supports); white if unrated."""
    if position is None:
        return QColor(UNRATED_FILL)
    low, high = scale
    # Five colours span whatever range the catalogue gives the position scale.
    step = round((min(max(position, low), high) - low) / max(1, high - low) * 4) - 2
    return QColor(POSITION_COLOURS[step])


def _dot(
    painter: QPainter, centre: QPointF, radius: float, position: int | None, scale: tuple[int, int], line_width: float
) -> None:
    fill = position_colour(position, scale)
    outline = fill.darker(150) if position is not None else QColor(LINE)
    painter.setPen(QPen(outline, line_width))
    painter.setBrush(QBrush(fill))
    painter.drawEllipse(centre, radius, radius)


def paint(painter: QPainter, layout: GridLayout, *, selected_ids: Collection[str] = ()) -> None:
    """Draw layout with painter (any paint device; the editor may scale the painter first)."""

    def px(points: float) -> float:
        return points_to_px(points, layout.dpi)

    painter.save()
    painter.setRenderHint(QPainter.RenderHint.Antialiasing, True)
    painter.setRenderHint(QPainter.RenderHint.TextAntialiasing, True)
    _paint_quadrants(painter, layout, px)
    _paint_axes(painter, layout, px)
    fonts = layout.fonts
    painter.setFont(fonts.mark.font)
    for mark in layout.marks:
        if mark.actor_id is None:
            painter.setPen(MUTED_INK)
        else:
            _dot(painter, mark.dot_center, mark.dot_radius, mark.position, layout.scales.position, px(0.5))
            if mark.actor_id in selected_ids:
                painter.setPen(QPen(INK, px(0.9)))
                painter.setBrush(Qt.BrushStyle.NoBrush)
                painter.drawRoundedRect(mark.rect.adjusted(-px(1), 0, px(1), 0), px(1.5), px(1.5))
            painter.setPen(INK)
        for number, line in enumerate(mark.lines):
            painter.drawText(QPointF(mark.baseline.x(), mark.baseline.y() + number * fonts.mark.line_height), line)
    _paint_legend(painter, layout, px)
    painter.restore()


def _paint_quadrants(painter: QPainter, layout: GridLayout, px: Callable[[float], float]) -> None:
    """Draw the quadrant tints, the cell lines, the quadrant boundaries and the quadrant labels."""
    fonts = layout.fonts
    painter.setPen(Qt.PenStyle.NoPen)
    for quadrant in layout.quadrants:
        painter.setBrush(QBrush(QUADRANT_TINTS.get(quadrant.quadrant_id, QColor("#F2F2F2"))))
        painter.drawRect(quadrant.rect)
    # White cell lines inside the quadrants only: the label strips stay clean.
    painter.setPen(QPen(CELL_LINE, px(1.0)))
    columns, rows = layout.columns, layout.rows
    for row in rows:
        for column in columns[1:]:
            painter.drawLine(QPointF(column.start, row.start), QPointF(column.start, row.end))
    for upper, lower in itertools.pairwise(rows):
        if upper.end == lower.start:
            painter.drawLine(QPointF(layout.plot.left(), upper.end), QPointF(layout.plot.right(), upper.end))
    painter.setPen(QPen(BOUNDARY, px(0.9)))
    painter.setBrush(Qt.BrushStyle.NoBrush)
    for quadrant in layout.quadrants:
        painter.drawRect(quadrant.rect)
    pad = px(PAD_PT + 1)
    for quadrant in layout.quadrants:
        y = quadrant.rect.top() + px(PAD_PT)
        painter.setFont(fonts.quadrant.font)
        painter.setPen(QUADRANT_INK)
        for line in quadrant.title:
            painter.drawText(QPointF(quadrant.rect.left() + pad, y + fonts.quadrant.ascent), line)
            y += fonts.quadrant.line_height
        painter.setFont(fonts.advice.font)
        painter.setPen(MUTED_INK)
        for line in quadrant.advice:
            painter.drawText(QPointF(quadrant.rect.left() + pad, y + fonts.advice.ascent), line)
            y += fonts.advice.line_height


def _paint_axes(painter: QPainter, layout: GridLayout, px: Callable[[float], float]) -> None:
    """Draw the tick values with their catalogue labels and the two axis titles."""
    fonts, scales, plot = layout.fonts, layout.scales, layout.plot
    top = plot.bottom() + px(2.0)
    for column in layout.columns:
        width = column.end - column.start
        painter.setFont(fonts.tick_bold.font)
        painter.setPen(INK)
        number = QRectF(column.start, top, width, fonts.tick_bold.line_height)
        painter.drawText(number, Qt.AlignmentFlag.AlignCenter, str(column.value))
        painter.setFont(fonts.tick.font)
        painter.setPen(MUTED_INK)
        label = QRectF(column.start, number.bottom(), width, fonts.tick.line_height)
        painter.drawText(label, Qt.AlignmentFlag.AlignCenter, scales.interest_labels.get(column.value, ""))
    right = plot.left() - px(2.0)
    block = fonts.tick_bold.line_height + fonts.tick.line_height
    for row in layout.rows:
        y = (row.start + row.end - block) / 2
        painter.setFont(fonts.tick_bold.font)
        painter.setPen(INK)
        align = Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter
        painter.drawText(QRectF(0, y, right, fonts.tick_bold.line_height), align, str(row.value))
        painter.setFont(fonts.tick.font)
        painter.setPen(MUTED_INK)
        label = scales.influence_labels.get(row.value, "")
        painter.drawText(QRectF(0, y + fonts.tick_bold.line_height, right, fonts.tick.line_height), align, label)
    painter.setFont(fonts.title.font)
    painter.setPen(INK)
    metrics = fonts.title.metrics()
    point, text = layout.x_title
    painter.drawText(QPointF(point.x() - metrics.horizontalAdvance(text) / 2, point.y()), text)
    point, text = layout.y_title
    text = metrics.elidedText(text, Qt.TextElideMode.ElideRight, plot.height())
    painter.save()
    painter.translate(point)
    painter.rotate(-90)
    painter.drawText(QPointF(-metrics.horizontalAdvance(text) / 2, 0), text)
    painter.restore()


def _paint_legend(painter: QPainter, layout: GridLayout, px: Callable[[float], float]) -> None:
    """Draw the position legend and the notes (skipped actors, empty grid)."""
    fonts = layout.fonts
    painter.setFont(fonts.legend.font)
    painter.setPen(INK)
    point, title = layout.legend_title
    painter.drawText(point, title)
    radius = fonts.legend.cap_height * 1.15 / 2
    for item in layout.legend:
        _dot(painter, item.dot_center, radius, item.position, layout.scales.position, px(0.5))
        painter.setPen(INK)
        painter.drawText(item.baseline, item.label)
    painter.setFont(fonts.note.font)
    for rect, text in layout.notes:
        if layout.plot.contains(rect):
            # The empty-grid message sits on the plot: give it a paper background so it reads cleanly.
            painter.setPen(QPen(BOUNDARY, px(0.5)))
            painter.setBrush(QBrush(PAPER))
            painter.drawRoundedRect(rect, px(2), px(2))
            painter.setPen(MUTED_INK)
            painter.drawText(rect, Qt.AlignmentFlag.AlignCenter, text)
        else:
            painter.setPen(MUTED_INK)
            painter.drawText(rect, Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter, text)


def render_actor_grid(layout: GridLayout) -> QImage:
    """Paint layout on a new white image of its size."""
    image = new_image(round(layout.width), round(layout.height), layout.dpi)
    painter = QPainter(image)
    try:
        paint(painter, layout)
    finally:
        painter.end()
    return image


def actor_grid_png(
    proposal: Proposal,
    lang: Lang,
    catalogs: Catalogs,
    *,
    width_cm: float = 16.0,
    dpi: int = 200,
    height_cm: float | None = None,
    max_height_cm: float | None = 22.0,
) -> bytes:
    """Return the power/interest grid as PNG bytes, width_cm wide at dpi (height_cm, or automatic up to max)."""
    require_gui_application()
    layout = layout_actor_grid(
        proposal,
        lang,
        catalogs,
        width_px=cm_to_px(width_cm, dpi),
        dpi=dpi,
        height_px=cm_to_px(height_cm, dpi) if height_cm is not None else None,
        max_height_px=cm_to_px(max_height_cm, dpi) if max_height_cm is not None else None,
    )
    return encode_png(render_actor_grid(layout))
