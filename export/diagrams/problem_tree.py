"""The problem tree: effects above, the central problem in the middle, causes below.

`layout_problem_tree` turns a proposal into pure geometry (boxes with their wrapped lines, connectors, zones);
`paint` draws that geometry on any QPainter; `problem_tree_png` does both offscreen for the Word export.
The editor reuses the first two for its live preview (scaling the painter to its widget).
"""

from __future__ import annotations

from collections.abc import Callable, Collection
from dataclasses import dataclass

from PySide6.QtCore import QPointF, QRectF, Qt
from PySide6.QtGui import QBrush, QColor, QImage, QPainter, QPen, QPolygonF

from export.diagrams.canvas import (
    INK,
    LINE,
    MUTED_INK,
    FontSpec,
    cm_to_px,
    encode_png,
    make_font,
    new_image,
    points_to_px,
    require_gui_application,
    wrap_text,
)
from export.diagrams.tree_geometry import (
    DENSITIES,
    BoxKind,
    Density,
    TreeBox,
    TreeFonts,
    TreeLayout,
    TreeZone,
    forest,
)
from export.formats import format_number
from export.labels import Labels
from matrices.fieldmodel import FieldModel
from matrices.localized import Lang
from matrices.problem import MAX_PROBLEM_CHARS, Cause, Effect, TreeRow, tree_walk
from matrices.proposal import Proposal

__all__ = ["PROBLEM_FILL", "TreeLayout", "layout_problem_tree", "paint", "problem_tree_png", "render_problem_tree"]

MAX_BOXES = 60
"""Causes (and effects) drawn at most: the rest is counted in one line, so the picture's cost stays bounded."""

PROBLEM_FILL = QColor("#1F3F66")
"""The central problem's highlight: the one dark box of the picture."""
PROBLEM_INK = QColor("#FFFFFF")
STYLE: dict[str, tuple[QColor, QColor, QColor, QColor]] = {
    # kind: (direct fill, deeper fill, border and code colour, zone tint)
    "cause": (QColor("#DCE7F3"), QColor("#F1F5FA"), QColor("#3F6690"), QColor("#F6F8FB")),
    "effect": (QColor("#F6E4CC"), QColor("#FBF3E7"), QColor("#9A6428"), QColor("#FCF9F4")),
}


# Spacing in points; converted to pixels at the layout's dpi.
MARGIN_PT = 4.0
GUTTER_PT = 13.0
COLUMN_GAP_PT = 7.0
ROW_GAP_PT = 4.0
BAND_GAP_PT = 13.0
ZONE_PAD_PT = 9.0
PROBLEM_GAP_PT = 9.0
PAD_PT = 3.0
INDENT_PT = 8.0
MIN_COLUMN_PT = 78.0
MAX_COLUMN_PT = 190.0
LINE_PT = 0.7
ARROW_PT = 3.2


@dataclass(frozen=True)
class _Trees:
    """The first MAX_BOXES nodes of one tree in display order, split into trees, and how many are left out."""

    nodes: list[Cause] | list[Effect]
    trees: list[list[TreeRow]]
    hidden: int

    @classmethod
    def of(cls, nodes: list[Cause] | list[Effect], prefix: str, walk: list[TreeRow] | None = None) -> _Trees:
        """Walk nodes (unless given walk) and keep the first MAX_BOXES rows (a preorder prefix keeps every parent)."""
        rows = walk if walk is not None else tree_walk(nodes, prefix)
        return cls(nodes, forest(rows[:MAX_BOXES]), max(0, len(rows) - MAX_BOXES))


@dataclass(frozen=True)
class _Shape:
    """What the layout needs from the matrix, worked out once for every density it tries."""

    central_problem: str
    causes: _Trees
    effects: _Trees
    zone_labels: dict[BoxKind, str]
    """The capitalised names of the two zones: the matrix's fields, as the field model names them."""

    @classmethod
    def of(
        cls,
        proposal: Proposal,
        field_model: FieldModel,
        lang: Lang,
        walks: tuple[list[TreeRow], list[TreeRow]] | None = None,
    ) -> _Shape:
        """Return the matrix's trees with their display codes, and the zones' names in lang.

        walks: the causes' and the effects' tree_walk, when the caller already has them.
        """
        matrix = proposal.problem_matrix
        zones: dict[BoxKind, str] = {
            kind: field_model.field("problem_matrix", key).label(lang).upper()
            for kind, key in (("cause", "causes"), ("effect", "effects"))
        }
        cause_walk, effect_walk = walks or (None, None)
        causes, effects = _Trees.of(matrix.causes, "C", cause_walk), _Trees.of(matrix.effects, "E", effect_walk)
        return cls(matrix.central_problem, causes, effects, zones)


class _Builder:
    """Lays out one tree at one density; `build` returns the finished TreeLayout."""

    def __init__(self, shape: _Shape, lang: Lang, width: float, dpi: float, density: Density) -> None:
        self.lang = lang
        self.t = Labels(lang)
        self.shape = shape
        self.width = width
        self.dpi = dpi
        self.density = density
        px = self.px
        body_px = px(density.body_pt)
        self.fonts = TreeFonts(
            body=FontSpec.of(make_font(body_px, condensed=True)),
            code=FontSpec.of(make_font(body_px, bold=True, condensed=True)),
            problem=FontSpec.of(make_font(px(density.problem_pt), bold=True)),
            zone=FontSpec.of(make_font(px(6.5), bold=True)),
            note=FontSpec.of(make_font(px(7.0), italic=True)),
        )
        self.code_metrics = self.fonts.code.metrics()
        self.left = px(MARGIN_PT)
        self.right = width - px(MARGIN_PT)
        self.area_left = self.left + px(GUTTER_PT)
        self.area_right = self.right - px(ZONE_PAD_PT) / 2
        self.boxes: list[TreeBox] = []
        self.connectors: list[tuple[QPointF, ...]] = []
        self.arrow_tips: list[QPointF] = []
        self.zones: list[TreeZone] = []
        self.bands: dict[BoxKind, list[list[list[TreeBox]]]] = {}

    def px(self, points: float) -> float:
        """Convert points to pixels at this layout's dpi."""
        return points_to_px(points, self.dpi)

    def build(self) -> TreeLayout:
        """Place effects, the problem and causes from top to bottom."""
        effect_columns = self._columns(self.shape.effects, kind="effect")
        cause_columns = self._columns(self.shape.causes, kind="cause")
        top = self.px(MARGIN_PT)
        effects_bottom, effect_buses = self._place_zone("effect", effect_columns, top)
        problem = self._problem_box(effects_bottom + self.px(PROBLEM_GAP_PT))
        causes_bottom, cause_buses = self._place_zone("cause", cause_columns, problem.rect.bottom())
        self._connect_problem(problem, effect_buses, upward=True)
        self._connect_problem(problem, cause_buses, upward=False)
        return TreeLayout(
            width=self.width,
            height=causes_bottom + self.px(MARGIN_PT),
            dpi=self.dpi,
            boxes=(problem, *self.boxes),
            connectors=tuple(self.connectors),
            arrow_tips=tuple(self.arrow_tips),
            zones=tuple(self.zones),
            fonts=self.fonts,
            density=self.density,
        )

    # --- columns: one per root, its descendants stacked below it (or above, for effects) ---------------

    def _column_geometry(self, count: int) -> tuple[int, float]:
        """Return (columns per band, column width) for count root columns."""
        span = self.area_right - self.area_left
        gap, minimum = self.px(COLUMN_GAP_PT), self.px(MIN_COLUMN_PT)
        per_band_max = max(1, int((span + gap) // (minimum + gap)))
        bands = -(-count // per_band_max)
        per_band = -(-count // bands)
        column = min((span - gap * (per_band - 1)) / per_band, self.px(MAX_COLUMN_PT))
        return per_band, column

    def _columns(self, shown: _Trees, *, kind: BoxKind) -> list[list[TreeBox]]:
        """Return one column of boxes per tree, at x = 0 and y from 0 downwards (root first)."""
        nodes, trees = shown.nodes, shown.trees
        if not trees:
            return []
        _, column_width = self._column_geometry(len(trees))
        pad, gap = self.px(PAD_PT), self.px(ROW_GAP_PT)
        columns = []
        for tree in trees:
            lefts: dict[int, float] = {}
            column: list[TreeBox] = []
            y = 0.0
            for item in tree:
                node = nodes[item.index]
                left = 0.0 if item.parent is None else lefts[item.parent] + self._step(item.depth, column_width)
                lefts[item.index] = left
                box_width = column_width - left
                inner = box_width - 2 * pad
                code = item.code
                if self.code_metrics.horizontalAdvance(code) > inner:
                    # Only deep chains get codes this long (C1.1.1.1.1...): keep both ends of it.
                    code = self.code_metrics.elidedText(code, Qt.TextElideMode.ElideMiddle, inner)
                code_width = self.code_metrics.horizontalAdvance(code + " ") if code else 0.0
                measure, max_lines = self.fonts.body.measure, self.density.max_lines
                lines = wrap_text(node.description, measure, inner, max_lines, first_indent=code_width)
                placeholder = not lines
                if placeholder:
                    lines = wrap_text(self.t("tree.no_text"), measure, inner, max_lines, first_indent=code_width)
                height = 2 * pad + len(lines) * self.fonts.body.line_height
                rect = QRectF(left, y, box_width, height)
                column.append(TreeBox(kind, node.id, code, item.depth, rect, lines, code_width, placeholder))
                y += height + gap
            columns.append(column)
        return columns

    def _step(self, depth: int, column_width: float) -> float:
        """Return how far a node at depth is indented from its parent."""
        indent = self.px(INDENT_PT)
        if depth <= 3:
            return indent
        # Deep chains keep a small step while the box stays readable, then stack flush.
        return indent / 3 if column_width - (3 + (depth - 3) / 3) * indent > column_width / 2 else 0.0

    # --- zones: bands of columns, connected to the problem by a bus ------------------------------------

    def _place_zone(self, kind: BoxKind, columns: list[list[TreeBox]], edge: float) -> tuple[float, list[float]]:
        """Place a zone below edge (causes) or from edge down to the problem (effects); return its far edge."""
        upward = kind == "effect"
        zone_pad, band_gap = self.px(ZONE_PAD_PT), self.px(BAND_GAP_PT)
        label = self.shape.zone_labels[kind]
        zone_top = edge if upward else edge + self.px(PROBLEM_GAP_PT)
        # The zone is at least as tall as its rotated label, so that the label is never cut.
        label_height = self.fonts.zone.metrics().horizontalAdvance(label) + 2 * zone_pad
        if not columns:
            note_font = self.fonts.note
            note_lines = wrap_text(
                self.t("tree.no_effects" if upward else "tree.no_causes"),
                note_font.measure,
                self.area_right - self.area_left,
                2,
            )
            note_height = len(note_lines) * note_font.line_height
            zone = QRectF(self.left, zone_top, self.right - self.left, max(note_height + 2 * zone_pad, label_height))
            note = QRectF(
                self.area_left, zone.center().y() - note_height / 2, self.area_right - self.area_left, note_height
            )
            self.zones.append(TreeZone(kind, zone, label, note, note_lines))
            return zone.bottom(), []
        per_band, column_width = self._column_geometry(len(columns))
        bands = [columns[start : start + per_band] for start in range(0, len(columns), per_band)]
        heights = [max(column[-1].rect.bottom() for column in band) for band in bands]
        # Effects read bottom-up: the first band sits nearest the problem, so bands are stacked in reverse.
        order = list(reversed(range(len(bands)))) if upward else list(range(len(bands)))
        more_lines = self._more_lines(kind)
        more_height = len(more_lines) * self.fonts.note.line_height + (band_gap if more_lines else 0.0)
        natural = sum(heights) + band_gap * (len(bands) - 1) + 2 * zone_pad + more_height
        # Effects grow away from the problem (upwards), causes downwards; the count of nodes left out of the
        # picture sits at the far end of the zone.
        y = zone_top + zone_pad + (max(0.0, label_height - natural) + more_height if upward else 0.0)
        tops: dict[int, float] = {}
        for band_index in order:
            tops[band_index] = y
            y += heights[band_index] + band_gap
        zone_bottom = max(y - band_gap + zone_pad + (0.0 if upward else more_height), zone_top + label_height)
        buses: list[float] = []
        for band_index, band in enumerate(bands):
            top, height = tops[band_index], heights[band_index]
            gap = self.px(COLUMN_GAP_PT)
            span = len(band) * column_width + (len(band) - 1) * gap
            x = self.area_left + (self.area_right - self.area_left - span) / 2
            for column in band:
                self._place_column(column, x, top, height, upward)
                x += column_width + gap
            bus_offset = self.px(5.0) if band_index == 0 else band_gap / 2
            buses.append(top + height + bus_offset if upward else top - bus_offset)
        zone = QRectF(self.left, zone_top, self.right - self.left, zone_bottom - zone_top)
        note: QRectF | None = None
        if more_lines:
            note_height = more_height - band_gap
            note_top = zone_top + zone_pad if upward else zone_bottom - zone_pad - note_height
            note = QRectF(self.area_left, note_top, self.area_right - self.area_left, note_height)
        self.zones.append(TreeZone(kind, zone, label, note, more_lines))
        self.bands[kind] = bands
        return zone_bottom, buses

    def _more_lines(self, kind: BoxKind) -> tuple[str, ...]:
        """Return the wrapped "... and N more" line of a zone whose nodes are not all drawn (none when all are)."""
        hidden = (self.shape.effects if kind == "effect" else self.shape.causes).hidden
        if not hidden:
            return ()
        text = self.t(
            "tree.more_effects" if kind == "effect" else "tree.more_causes", count=format_number(hidden, self.lang)
        )
        return wrap_text(text, self.fonts.note.measure, self.area_right - self.area_left, 2)

    def _place_column(self, column: list[TreeBox], x: float, top: float, band_height: float, upward: bool) -> None:
        """Move a column's boxes into place (mirrored for effects) and add its comb connectors."""
        placed: list[TreeBox] = []
        for box in column:
            rect = QRectF(box.rect)
            if upward:
                rect.moveTop(top + band_height - box.rect.bottom())
            else:
                rect.moveTop(top + box.rect.top())
            rect.moveLeft(x + box.rect.left())
            placed.append(
                TreeBox(box.kind, box.item_id, box.code, box.depth, rect, box.lines, box.code_width, box.placeholder)
            )
        column[:] = placed
        self.boxes.extend(placed)
        self._comb(placed, upward)

    def _comb(self, column: list[TreeBox], upward: bool) -> None:
        """Connect each box to its children: a spine along the children's left side and a tick into each."""
        parents: dict[int, int] = {}
        stack: list[int] = []
        for position, box in enumerate(column):
            while stack and column[stack[-1]].depth >= box.depth:
                stack.pop()
            if stack:
                parents[position] = stack[-1]
            stack.append(position)
        by_parent: dict[int, list[int]] = {}
        for child, parent in parents.items():
            by_parent.setdefault(parent, []).append(child)
        for parent, children in by_parent.items():
            parent_rect = column[parent].rect
            child_left = column[children[0]].rect.left()
            if child_left > parent_rect.left():
                spine_x = (parent_rect.left() + child_left) / 2
            else:
                spine_x = parent_rect.left() - self.px(INDENT_PT) / 4
            ticks = [column[child].rect.center().y() for child in children]
            start_y = parent_rect.top() if upward else parent_rect.bottom()
            end_y = min(ticks) if upward else max(ticks)
            self.connectors.append((QPointF(spine_x, start_y), QPointF(spine_x, end_y)))
            for child, tick in zip(children, ticks, strict=True):
                self.connectors.append((QPointF(spine_x, tick), QPointF(column[child].rect.left(), tick)))

    # --- the central problem and its connections ------------------------------------------------------

    def _problem_box(self, top: float) -> TreeBox:
        """Return the highlighted central problem box, centred over the columns."""
        span = self.area_right - self.area_left
        width = min(span, max(span * 0.62, self.px(200)))
        pad = self.px(PAD_PT) * 1.6
        font = self.fonts.problem
        inner = width - 2 * pad
        # The whole problem as the course allows it (300 characters) is shown, however many lines it takes; only
        # a longer text (rule P03 warns about it) is cut, after as many lines as 300 characters need.
        allowed = wrap_text(self.shape.central_problem[:MAX_PROBLEM_CHARS], font.measure, inner, MAX_PROBLEM_CHARS)
        limit = max(self.density.problem_max_lines, len(allowed))
        lines = wrap_text(self.shape.central_problem, font.measure, inner, limit)
        placeholder = not lines
        if placeholder:
            lines = wrap_text(self.t("tree.no_problem"), font.measure, inner, 2)
        height = 2 * pad + len(lines) * font.line_height
        rect = QRectF(self.area_left + (span - width) / 2, top, width, height)
        return TreeBox("problem", None, "", 0, rect, lines, 0.0, placeholder)

    def _connect_problem(self, problem: TreeBox, buses: list[float], *, upward: bool) -> None:
        """Join the problem to the roots of each band: a trunk, a bus per band, and a drop to each root."""
        bands = self.bands.get("effect" if upward else "cause", [])
        if not bands:
            return
        centre_x = problem.rect.center().x()
        start = QPointF(centre_x, problem.rect.top() if upward else problem.rect.bottom())
        link_x = centre_x
        previous_y = start.y()
        gap = self.px(COLUMN_GAP_PT)
        for band, bus_y in zip(bands, buses, strict=True):
            roots = [column[0].rect for column in band]
            self.connectors.append((QPointF(link_x, previous_y), QPointF(link_x, bus_y)))
            xs = [rect.center().x() for rect in roots]
            self.connectors.append((QPointF(min([*xs, link_x]), bus_y), QPointF(max([*xs, link_x]), bus_y)))
            for rect in roots:
                end = rect.bottom() if upward else rect.top()
                self.connectors.append((QPointF(rect.center().x(), bus_y), QPointF(rect.center().x(), end)))
                if upward:
                    self.arrow_tips.append(QPointF(rect.center().x(), end))
            # The next band's link runs down the gap between this band's columns nearest the centre.
            if len(roots) > 1:
                gaps = [(roots[i].right() + roots[i + 1].left()) / 2 for i in range(len(roots) - 1)]
                link_x = min(gaps, key=lambda value: abs(value - centre_x))
            else:
                link_x = roots[0].left() - gap / 2
            previous_y = bus_y
        if not upward:
            self.arrow_tips.append(start)


def layout_problem_tree(
    proposal: Proposal,
    lang: Lang,
    field_model: FieldModel,
    *,
    width_px: float,
    dpi: float,
    max_height_px: float | None = None,
    walks: tuple[list[TreeRow], list[TreeRow]] | None = None,
) -> TreeLayout:
    """Lay out the tree width_px wide; step down to smaller type and fewer lines until it fits max_height_px.

    walks: tree_walk of the causes and of the effects, when the caller already has them (the editor's preview).
    """
    shape = _Shape.of(proposal, field_model, lang, walks)
    built: dict[int, TreeLayout] = {}

    def at(index: int) -> TreeLayout:
        if index not in built:
            built[index] = _Builder(shape, lang, width_px, dpi, DENSITIES[index]).build()
        return built[index]

    def fits(index: int) -> bool:
        return max_height_px is None or at(index).height <= max_height_px

    if fits(0):
        return at(0)
    # Heights shrink with density: bisect for the largest type that fits (the last one if none does).
    low, high = 1, len(DENSITIES) - 1
    while low < high:
        middle = (low + high) // 2
        if fits(middle):
            high = middle
        else:
            low = middle + 1
    return at(low)


def _draw_arrow(painter: QPainter, tip: QPointF, size: float) -> None:
    """Draw a small upward arrowhead ending at tip."""
    painter.drawPolygon(
        QPolygonF([tip, QPointF(tip.x() - size / 2, tip.y() + size), QPointF(tip.x() + size / 2, tip.y() + size)])
    )


def paint(painter: QPainter, layout: TreeLayout, *, selected_ids: Collection[str] = ()) -> None:
    """Draw layout with painter (any paint device; the editor may scale the painter first)."""

    def px(points: float) -> float:
        return points_to_px(points, layout.dpi)

    painter.save()
    painter.setRenderHint(QPainter.RenderHint.Antialiasing, True)
    painter.setRenderHint(QPainter.RenderHint.TextAntialiasing, True)
    fonts = layout.fonts
    for zone in layout.zones:
        _paint_zone(painter, zone, fonts, px)
    painter.setPen(QPen(LINE, px(LINE_PT), Qt.PenStyle.SolidLine, Qt.PenCapStyle.FlatCap))
    for line in layout.connectors:
        painter.drawPolyline(QPolygonF(list(line)))
    painter.setBrush(QBrush(LINE))
    painter.setPen(Qt.PenStyle.NoPen)
    for tip in layout.arrow_tips:
        _draw_arrow(painter, tip, px(ARROW_PT))
    radius = px(2.2)
    for box in layout.boxes:
        if box.kind == "problem":
            _paint_problem(painter, box, fonts, px)
            continue
        direct_fill, deep_fill, border, _ = STYLE[box.kind]
        selected = box.item_id in selected_ids
        painter.setPen(QPen(INK if selected else border, px(1.4 if selected else 0.6)))
        painter.setBrush(QBrush(direct_fill if box.depth == 0 else deep_fill))
        painter.drawRoundedRect(box.rect, radius, radius)
        pad = px(PAD_PT)
        baseline = box.rect.top() + pad + fonts.body.ascent
        x = box.rect.left() + pad
        if box.code:
            painter.setFont(fonts.code.font)
            painter.setPen(border)
            painter.drawText(QPointF(x, baseline), box.code)
        painter.setFont(fonts.body.font)
        painter.setPen(MUTED_INK if box.placeholder else INK)
        for number, line in enumerate(box.lines):
            indent = box.code_width if number == 0 else 0.0
            painter.drawText(QPointF(x + indent, baseline + number * fonts.body.line_height), line)
    painter.restore()


def _paint_zone(painter: QPainter, zone: TreeZone, fonts: TreeFonts, px: Callable[[float], float]) -> None:
    """Draw a zone's tint, its rotated label in the gutter, and its note when empty."""
    painter.setPen(Qt.PenStyle.NoPen)
    painter.setBrush(QBrush(STYLE[zone.kind][3]))
    painter.drawRoundedRect(zone.rect, px(3.0), px(3.0))
    painter.save()
    painter.setFont(fonts.zone.font)
    painter.setPen(STYLE[zone.kind][2])
    metrics = fonts.zone.metrics()
    label = metrics.elidedText(zone.label, Qt.TextElideMode.ElideRight, zone.rect.height() - px(4))
    gutter_x = zone.rect.left() + px(GUTTER_PT) / 2
    painter.translate(gutter_x, zone.rect.center().y())
    painter.rotate(-90)
    text_width = metrics.horizontalAdvance(label)
    painter.drawText(QPointF(-text_width / 2, fonts.zone.ascent / 2 - px(0.6)), label)
    painter.restore()
    if zone.note_rect is not None:
        painter.setFont(fonts.note.font)
        painter.setPen(MUTED_INK)
        for number, line in enumerate(zone.note_lines):
            line_rect = QRectF(
                zone.note_rect.left(),
                zone.note_rect.top() + number * fonts.note.line_height,
                zone.note_rect.width(),
                fonts.note.line_height,
            )
            painter.drawText(line_rect, Qt.AlignmentFlag.AlignCenter, line)


def _paint_problem(painter: QPainter, box: TreeBox, fonts: TreeFonts, px: Callable[[float], float]) -> None:
    """Draw the central problem: a dark filled box with centred white text."""
    painter.setPen(Qt.PenStyle.NoPen)
    painter.setBrush(QBrush(PROBLEM_FILL))
    painter.drawRoundedRect(box.rect, px(3.0), px(3.0))
    painter.setFont(fonts.problem.font)
    painter.setPen(PROBLEM_INK)
    line_height = fonts.problem.line_height
    top = box.rect.center().y() - len(box.lines) * line_height / 2
    for number, line in enumerate(box.lines):
        line_rect = QRectF(box.rect.left(), top + number * line_height, box.rect.width(), line_height)
        painter.drawText(line_rect, Qt.AlignmentFlag.AlignCenter, line)


def render_problem_tree(layout: TreeLayout) -> QImage:
    """Paint layout on a new white image of its size."""
    image = new_image(round(layout.width), round(layout.height), layout.dpi)
    painter = QPainter(image)
    try:
        paint(painter, layout)
    finally:
        painter.end()
    return image


def problem_tree_png(
    proposal: Proposal,
    lang: Lang,
    field_model: FieldModel,
    *,
    width_cm: float = 16.0,
    dpi: int = 200,
    max_height_cm: float | None = 22.0,
) -> bytes:
    """Return the problem tree as PNG bytes, width_cm wide at dpi (taller than max_height_cm only if it must)."""
    require_gui_application()
    width = cm_to_px(width_cm, dpi)
    max_height = cm_to_px(max_height_cm, dpi) if max_height_cm is not None else None
    layout = layout_problem_tree(proposal, lang, field_model, width_px=width, dpi=dpi, max_height_px=max_height)
    return encode_png(render_problem_tree(layout))
