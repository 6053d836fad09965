"""Lays out the power/interest grid: cells and quadrants, actors flowed into their cells, axes and legend."""

from __future__ import annotations

from dataclasses import dataclass, replace

from PySide6.QtCore import QPointF, QRectF

from export.diagrams.canvas import FontSpec, make_font, points_to_px, wrap_text
from export.diagrams.grid_geometry import (
    DEFAULT_ASPECT,
    DOT_GAP_PT,
    DOT_SCALE,
    ITEM_GAP_PT,
    MARGIN_PT,
    MARK_SIZES_PT,
    PAD_PT,
    ActorMark,
    Band,
    GridFonts,
    GridLayout,
    GridScales,
    LegendItem,
    QuadrantBox,
    actor_label,
    band_for,
    clamp,
)
from export.labels import Labels
from matrices.catalogs import Catalogs
from matrices.localized import Lang
from matrices.proposal import Proposal


@dataclass(frozen=True)
class _Item:
    """An actor waiting to be placed in its cell."""

    actor_id: str | None
    label: str
    interest: int
    influence: int
    position: int | None
    hidden_ids: tuple[str, ...] = ()


@dataclass(frozen=True)
class _Shape:
    """An item's label as it will be drawn in its cell: its lines and the room they take."""

    item: _Item
    lines: tuple[str, ...]
    width: float
    height: float


def _quadrant_label(label: str) -> tuple[str, str]:
    """Split "Manage closely (involve in decisions)" into its title and its advice."""
    title, _, advice = label.partition("(")
    return title.strip(), advice.rstrip(") ").strip()


class _Builder:
    """Lays out one grid; `build` returns the finished GridLayout."""

    def __init__(self, proposal: Proposal, lang: Lang, scales: GridScales, width: float, dpi: float) -> None:
        self.lang = lang
        self.t = Labels(lang)
        self.scales = scales
        self.width = width
        self.dpi = dpi
        px = self.px
        self.fonts = GridFonts(
            mark=FontSpec.of(make_font(px(MARK_SIZES_PT[0]), condensed=True)),
            tick=FontSpec.of(make_font(px(6.0))),
            tick_bold=FontSpec.of(make_font(px(7.0), bold=True)),
            title=FontSpec.of(make_font(px(7.5), bold=True)),
            quadrant=FontSpec.of(make_font(px(7.0), bold=True)),
            advice=FontSpec.of(make_font(px(6.0), italic=True)),
            legend=FontSpec.of(make_font(px(6.5))),
            note=FontSpec.of(make_font(px(6.5), italic=True)),
        )
        self.items: list[_Item] = []
        self.skipped: list[str] = []
        for actor in proposal.actor_matrix.actors:
            if actor.interest is None or actor.influence is None:
                self.skipped.append(actor_label(actor))
                continue
            position = None if actor.position is None else clamp(actor.position, scales.position)
            interest = clamp(actor.interest, scales.interest)
            influence = clamp(actor.influence, scales.influence)
            self.items.append(_Item(actor.id, actor_label(actor), interest, influence, position))
        low, high = scales.interest
        # A threshold outside the scale would leave a quadrant with no cells; keep all four visible.
        self.x_split = min(max(scales.threshold, low + 1), high)
        low, high = scales.influence
        self.y_split = min(max(scales.threshold, low + 1), high)

    def px(self, points: float) -> float:
        """Convert points to pixels at this layout's dpi."""
        return points_to_px(points, self.dpi)

    def build(self, height: float | None, max_height: float | None) -> GridLayout:
        """Lay out the grid at height (None: a default aspect, taller when cells are crowded)."""
        px, fonts = self.px, self.fonts
        margin = px(MARGIN_PT)
        tick_column = px(3.0) + max(
            [fonts.tick.metrics().horizontalAdvance(label) for label in self.scales.influence_labels.values()]
            + [fonts.tick_bold.metrics().horizontalAdvance("5")]
        )
        plot_left = margin + fonts.title.line_height + px(2.0) + tick_column
        plot_right = self.width - margin
        columns = self._columns(plot_left, plot_right)
        legend_width = plot_right - plot_left
        legend_height = self._legend_height(legend_width)
        note_lines = self._skipped_note(legend_width)
        bottom_area = (
            px(2.0)
            + fonts.tick_bold.line_height
            + fonts.tick.line_height
            + px(1.0)
            + fonts.title.line_height
            + px(4.0)
            + legend_height
            + len(note_lines) * fonts.note.line_height
            + margin
        )
        strips = self._strips(columns)
        rows_count = self.scales.influence[1] - self.scales.influence[0] + 1
        chrome = margin + strips[0] + strips[1] + bottom_area
        total = height if height is not None else self.width * DEFAULT_ASPECT
        cell_height = max(px(12.0), (total - chrome) / rows_count)
        column_width = columns[0].end - columns[0].start
        mark, needed = self._choose_mark_font(column_width, cell_height)
        if height is None and needed > cell_height:
            # Crowded cells make the picture taller rather than unreadable, up to max_height.
            ceiling = (max_height - chrome) / rows_count if max_height is not None else needed
            cell_height = max(cell_height, min(needed, ceiling))
        rows = self._rows(margin, strips, cell_height)
        plot = QRectF(plot_left, margin, plot_right - plot_left, rows[-1].end - margin)
        quadrants = self._quadrants(plot, columns, rows)
        marks = self._marks(mark, columns, rows)
        y = plot.bottom() + px(2.0) + fonts.tick_bold.line_height + fonts.tick.line_height + px(1.0)
        x_title = (QPointF(plot.center().x(), y + fonts.title.ascent), self._arrow(self.scales.interest_title))
        y += fonts.title.line_height + px(4.0)
        legend, legend_title = self._legend(plot.left(), y, legend_width)
        y += legend_height
        notes = []
        for line in note_lines:
            notes.append((QRectF(plot.left(), y, legend_width, fonts.note.line_height), line))
            y += fonts.note.line_height
        if not self.items:
            message = self.t("grid.empty")
            box_width = min(plot.width() * 0.8, fonts.note.metrics().horizontalAdvance(message) + px(12))
            box = QRectF(0, 0, box_width, fonts.note.line_height + px(6))
            # Centred on the middle row rather than the plot, whose centre may fall on a quadrant label.
            middle = band_for(rows, (self.scales.influence[0] + self.scales.influence[1]) // 2)
            box.moveCenter(QPointF(plot.center().x(), (middle.start + middle.end) / 2))
            notes.append((box, message))
        y_title_point = QPointF(margin + fonts.title.ascent, plot.center().y())
        return GridLayout(
            width=self.width,
            height=y + margin,
            dpi=self.dpi,
            scales=self.scales,
            plot=plot,
            columns=columns,
            rows=rows,
            quadrants=quadrants,
            marks=marks,
            legend=legend,
            legend_title=legend_title,
            notes=tuple(notes),
            x_title=x_title,
            y_title=(y_title_point, self._arrow(self.scales.influence_title)),
            fonts=replace(fonts, mark=mark),
        )

    @staticmethod
    def _arrow(title: str) -> str:
        return f"{title} →"

    # --- the grid: columns, quadrant label strips, rows ------------------------------------------------

    def _columns(self, left: float, right: float) -> tuple[Band, ...]:
        low, high = self.scales.interest
        width = (right - left) / (high - low + 1)
        return tuple(
            Band(value, left + i * width, left + (i + 1) * width) for i, value in enumerate(range(low, high + 1))
        )

    def _quadrant_text(
        self, high_interest: bool, high_influence: bool, width: float
    ) -> tuple[tuple[str, ...], tuple[str, ...]]:
        _, label = self.scales.quadrants.get((high_interest, high_influence), ("", ""))
        title, advice = _quadrant_label(label)
        inner = width - 2 * self.px(PAD_PT + 1)
        return (
            wrap_text(title, self.fonts.quadrant.measure, inner, 2),
            wrap_text(advice, self.fonts.advice.measure, inner, 2),
        )

    def _strips(self, columns: tuple[Band, ...]) -> tuple[float, float]:
        """Return the heights of the label strips above the high and the low influence quadrants."""
        heights = []
        for high_influence in (True, False):
            tallest = 0.0
            for high_interest in (False, True):
                span = [band for band in columns if (band.value >= self.x_split) == high_interest]
                title, advice = self._quadrant_text(high_interest, high_influence, span[-1].end - span[0].start)
                tallest = max(
                    tallest, len(title) * self.fonts.quadrant.line_height + len(advice) * self.fonts.advice.line_height
                )
            heights.append(tallest + 2 * self.px(PAD_PT))
        return heights[0], heights[1]

    def _rows(self, top: float, strips: tuple[float, float], cell_height: float) -> tuple[Band, ...]:
        low, high = self.scales.influence
        rows = []
        y = top + strips[0]
        for value in range(high, low - 1, -1):
            if value == self.y_split - 1:
                y += strips[1]
            rows.append(Band(value, y, y + cell_height))
            y += cell_height
        return tuple(rows)

    def _quadrants(self, plot: QRectF, columns: tuple[Band, ...], rows: tuple[Band, ...]) -> tuple[QuadrantBox, ...]:
        boundary_y = next(row.end for row in rows if row.value == self.y_split)
        boundary_x = next(column.start for column in columns if column.value == self.x_split)
        boxes = []
        for high_influence in (True, False):
            top, bottom = (plot.top(), boundary_y) if high_influence else (boundary_y, plot.bottom())
            for high_interest in (False, True):
                left, right = (boundary_x, plot.right()) if high_interest else (plot.left(), boundary_x)
                quadrant_id, _ = self.scales.quadrants.get((high_interest, high_influence), ("", ""))
                title, advice = self._quadrant_text(high_interest, high_influence, right - left)
                boxes.append(QuadrantBox(quadrant_id, QRectF(left, top, right - left, bottom - top), title, advice))
        return tuple(boxes)

    # --- marks: actors flowed into their cells ----------------------------------------------------------

    def _cells(self) -> dict[tuple[int, int], list[_Item]]:
        cells: dict[tuple[int, int], list[_Item]] = {}
        for item in self.items:
            cells.setdefault((item.interest, item.influence), []).append(item)
        return cells

    def _shapes(self, items: list[_Item], spec: FontSpec, inner: float, max_lines: int) -> list[_Shape]:
        """Return each item's label wrapped to max_lines within a cell's inner width, with its size."""
        metrics = spec.metrics()
        dot, gap = spec.cap_height * DOT_SCALE, self.px(DOT_GAP_PT)
        shapes = []
        for item in items:
            lead = dot + gap if item.actor_id is not None else 0.0
            lines = wrap_text(item.label, spec.measure, max(1.0, inner - lead), max_lines) or (item.label,)
            width = lead + max(metrics.horizontalAdvance(line) for line in lines)
            shapes.append(_Shape(item, lines, width, len(lines) * spec.line_height))
        return shapes

    def _flow(self, shapes: list[_Shape], inner: float) -> list[list[_Shape]]:
        """Fill rows left to right like words in a paragraph."""
        rows: list[list[_Shape]] = []
        used = 0.0
        gap = self.px(ITEM_GAP_PT)
        for shape in shapes:
            if rows and used + gap + shape.width <= inner:
                rows[-1].append(shape)
                used += gap + shape.width
            else:
                rows.append([shape])
                used = shape.width
        return rows

    @staticmethod
    def _flow_height(rows: list[list[_Shape]]) -> float:
        return sum(max(shape.height for shape in row) for row in rows)

    def _choose_mark_font(self, column_width: float, cell_height: float) -> tuple[FontSpec, float]:
        """Return the largest mark font at which the most crowded cell fits, and the cell height it needs."""
        inner = column_width - 2 * self.px(PAD_PT)
        cells = self._cells()
        spec, needed = self.fonts.mark, 0.0
        for size in MARK_SIZES_PT:
            spec = FontSpec.of(make_font(self.px(size), condensed=True))
            tallest = max(
                (self._flow_height(self._flow(self._shapes(items, spec, inner, 1), inner)) for items in cells.values()),
                default=0.0,
            )
            needed = tallest + 2 * self.px(PAD_PT)
            if needed <= cell_height:
                break
        return spec, needed

    def _cell_rows(
        self, items: list[_Item], spec: FontSpec, inner_width: float, inner_height: float
    ) -> list[list[_Shape]]:
        """Return a cell's rows: labels on two lines if they fit, else on one, else the first few and "+n more"."""
        for max_lines in (2, 1):
            shapes = self._shapes(items, spec, inner_width, max_lines)
            rows = self._flow(shapes, inner_width)
            if self._flow_height(rows) <= inner_height:
                return rows

        def with_more(kept: int) -> list[list[_Shape]]:
            hidden = items[kept:]
            label = self.t("grid.more", n=len(hidden))
            more = _Item(
                None, label, hidden[0].interest, hidden[0].influence, None, tuple(i.actor_id or "" for i in hidden)
            )
            return self._flow([*shapes[:kept], *self._shapes([more], spec, inner_width, 1)], inner_width)

        # Too many for the cell even at the smallest type: show as many as fit and say how many are left.
        # The height grows with the number kept, so a binary search finds that number in a few flows.
        low, high = 0, len(items) - 1
        while low < high:
            middle = (low + high + 1) // 2
            if self._flow_height(with_more(middle)) <= inner_height:
                low = middle
            else:
                high = middle - 1
        return with_more(low)

    def _marks(self, spec: FontSpec, columns: tuple[Band, ...], rows: tuple[Band, ...]) -> tuple[ActorMark, ...]:
        """Place every rated actor in its cell, flowed in rows, so that no two labels overlap."""
        pad, gap = self.px(PAD_PT), self.px(ITEM_GAP_PT)
        dot, dot_gap = spec.cap_height * DOT_SCALE, self.px(DOT_GAP_PT)
        marks: list[ActorMark] = []
        for (interest, influence), items in self._cells().items():
            column, row = band_for(columns, interest), band_for(rows, influence)
            inner_width = column.end - column.start - 2 * pad
            cell_rows = self._cell_rows(items, spec, inner_width, row.end - row.start - 2 * pad)
            y = (row.start + row.end - self._flow_height(cell_rows)) / 2
            # Rows start at the same x, inside a block centred in the cell: columns of dots line up.
            block = max(sum(shape.width for shape in line) + gap * (len(line) - 1) for line in cell_rows)
            left = (column.start + column.end - block) / 2
            for line in cell_rows:
                x = left
                centre_y = y + spec.line_height / 2
                for shape in line:
                    item = shape.item
                    has_dot = item.actor_id is not None
                    marks.append(
                        ActorMark(
                            actor_id=item.actor_id,
                            label=item.label,
                            lines=shape.lines,
                            interest=interest,
                            influence=influence,
                            position=item.position,
                            dot_center=QPointF(x + dot / 2, centre_y),
                            dot_radius=dot / 2 if has_dot else 0.0,
                            baseline=QPointF(x + (dot + dot_gap if has_dot else 0.0), centre_y + spec.cap_height / 2),
                            rect=QRectF(x, y, shape.width, shape.height),
                            hidden_ids=item.hidden_ids,
                        )
                    )
                    x += shape.width + gap
                y += max(shape.height for shape in line)
        return tuple(marks)

    # --- legend and notes ---------------------------------------------------------------------------------

    def _legend_entries(self) -> list[tuple[int | None, str]]:
        low, high = self.scales.position
        entries: list[tuple[int | None, str]] = [
            (value, self.scales.position_labels.get(value, f"{value:+d}")) for value in range(low, high + 1)
        ]
        if any(item.position is None for item in self.items):
            entries.append((None, self.t("grid.unrated")))
        return entries

    def _legend_flow(self, width: float) -> tuple[str, list[list[tuple[int | None, str, float]]]]:
        metrics = self.fonts.legend.metrics()
        title = self.t("grid.position")
        dot = self.fonts.legend.cap_height * 1.15
        sized = [
            (value, label, dot + self.px(2) + metrics.horizontalAdvance(label))
            for value, label in self._legend_entries()
        ]
        spacing = self.px(9)
        lines: list[list[tuple[int | None, str, float]]] = [[]]
        used = metrics.horizontalAdvance(title) + spacing / 2
        for entry in sized:
            if lines[-1] and used + entry[2] > width:
                lines.append([])
                used = 0.0
            lines[-1].append(entry)
            used += entry[2] + spacing
        return title, lines

    def _legend_height(self, width: float) -> float:
        _, lines = self._legend_flow(width)
        return len(lines) * self.fonts.legend.line_height

    def _legend(self, left: float, top: float, width: float) -> tuple[tuple[LegendItem, ...], tuple[QPointF, str]]:
        spec = self.fonts.legend
        metrics = spec.metrics()
        title, lines = self._legend_flow(width)
        dot = spec.cap_height * 1.15
        spacing = self.px(9)
        items = []
        y = top
        x = left + metrics.horizontalAdvance(title) + spacing / 2
        for line in lines:
            centre_y = y + spec.line_height / 2
            for value, label, entry_width in line:
                items.append(
                    LegendItem(
                        value,
                        QPointF(x + dot / 2, centre_y),
                        QPointF(x + dot + self.px(2), centre_y + spec.cap_height / 2),
                        label,
                    )
                )
                x += entry_width + spacing
            y += spec.line_height
            x = left
        title_point = QPointF(left, top + spec.line_height / 2 + spec.cap_height / 2)
        return tuple(items), (title_point, title)

    def _skipped_note(self, width: float) -> tuple[str, ...]:
        if not self.skipped:
            return ()
        text = self.t.count("grid.skipped", len(self.skipped), names="; ".join(self.skipped))
        return wrap_text(text, self.fonts.note.measure, width, 2)


def layout_actor_grid(
    proposal: Proposal,
    lang: Lang,
    catalogs: Catalogs,
    *,
    width_px: float,
    dpi: float,
    height_px: float | None = None,
    max_height_px: float | None = None,
) -> GridLayout:
    """Lay out the grid width_px wide (height_px, or a default aspect that grows for crowded cells)."""
    scales = GridScales.from_catalogs(catalogs, lang)
    return _Builder(proposal, lang, scales, width_px, dpi).build(height_px, max_height_px)
