"""Geometry of the power/interest grid: the catalogue's scales, the finished layout and value <-> point mapping."""

from __future__ import annotations

import itertools
from dataclasses import dataclass, field

from PySide6.QtCore import QPointF, QRectF
from PySide6.QtGui import QColor

from export.diagrams.canvas import (
    FontSpec,
    clean_text,
)
from matrices.actors import DEFAULT_HIGH_THRESHOLD, GRID_REF, Actor, StakeholderGrid, short_name
from matrices.catalogs import Catalogs
from matrices.localized import Lang

POSITION_COLOURS = {
    -2: QColor("#B0392E"),
    -1: QColor("#E3967A"),
    0: QColor("#9EA4AA"),
    1: QColor("#86BB84"),
    2: QColor("#2D7A4B"),
}
UNRATED_FILL = QColor("#FFFFFF")
QUADRANT_TINTS = {
    "manage_closely": QColor("#DCE7F3"),
    "keep_satisfied": QColor("#EBF0F6"),
    "keep_informed": QColor("#EEF4EA"),
    "monitor": QColor("#F4F4F1"),
}
QUADRANT_INK = QColor("#2B4A6B")
CELL_LINE = QColor("#FFFFFF")
BOUNDARY = QColor("#6F7E8E")

MARGIN_PT = 4.0
PAD_PT = 2.5
ITEM_GAP_PT = 3.5
DOT_GAP_PT = 1.5
DOT_SCALE = 1.15
"""A dot's diameter as a multiple of the label's capital height."""
MARK_SIZES_PT = (7.0, 6.5, 6.0, 5.5)
MAX_SCALE_STEPS = 10
DEFAULT_ASPECT = 0.66


def _as_int(value: object) -> int | None:
    """Return value as an int, or None when the catalogue holds something else."""
    try:
        return int(value)  # type: ignore[call-overload]
    except (TypeError, ValueError):
        return None


@dataclass(frozen=True)
class GridScales:
    """What the grid reads from the catalogue: ranges, threshold, and labels in one language."""

    interest: tuple[int, int] = (1, 5)
    influence: tuple[int, int] = (1, 5)
    position: tuple[int, int] = (-2, 2)
    threshold: int = DEFAULT_HIGH_THRESHOLD
    interest_title: str = "Interest"
    influence_title: str = "Influence"
    interest_labels: dict[int, str] = field(default_factory=dict)
    influence_labels: dict[int, str] = field(default_factory=dict)
    position_labels: dict[int, str] = field(default_factory=dict)
    quadrants: dict[tuple[bool, bool], tuple[str, str]] = field(default_factory=dict)
    """(high interest, high influence) -> (quadrant id, label)."""

    @classmethod
    def from_catalogs(cls, catalogs: Catalogs, lang: Lang) -> GridScales:
        """Read scales.json: interest, influence and position scales and the stakeholder grid."""
        scales = catalogs.get("scales.json") if "scales.json" in catalogs else None

        def scale(name: str, default: tuple[int, int]) -> tuple[tuple[int, int], str, dict[int, str]]:
            entry = scales.get(name) if scales else None
            if entry is None:
                return default, name, {}
            low, high = _as_int(entry.attrs.get("min")), _as_int(entry.attrs.get("max"))
            # A course designer's typo must not collapse or explode the grid.
            bounds = (
                (low, high) if low is not None and high is not None and 1 <= high - low <= MAX_SCALE_STEPS else default
            )
            ref = f"scales.json#{name}"
            values = catalogs.get(ref) if ref in catalogs else []
            labels = {_as_int(value.attrs.get("value", value.id)): value.label(lang) for value in values}
            return bounds, entry.label(lang), {key: label for key, label in labels.items() if key is not None}

        interest, interest_title, interest_labels = scale("interest", (1, 5))
        influence, influence_title, influence_labels = scale("influence", (1, 5))
        position, _, position_labels = scale("position", (-2, 2))
        grid = StakeholderGrid.from_catalogs(catalogs)
        names = {entry.id: entry.label(lang) for entry in catalogs.get(GRID_REF)} if GRID_REF in catalogs else {}
        quadrants = {}
        for key, quadrant_id in grid.quadrant_ids.items():
            quadrants[key] = (quadrant_id, names.get(quadrant_id, ""))
        return cls(
            interest=interest,
            influence=influence,
            position=position,
            threshold=grid.threshold,
            interest_title=interest_title,
            influence_title=influence_title,
            interest_labels=interest_labels,
            influence_labels=influence_labels,
            position_labels=position_labels,
            quadrants=quadrants,
        )


@dataclass(frozen=True)
class ActorMark:
    """One actor on the grid (or, with actor_id None, a "+n more" mark for a crowded cell)."""

    actor_id: str | None
    label: str
    lines: tuple[str, ...]
    interest: int
    influence: int
    position: int | None
    dot_center: QPointF
    dot_radius: float
    baseline: QPointF
    rect: QRectF
    hidden_ids: tuple[str, ...] = ()


@dataclass(frozen=True)
class Band:
    """A column (interest value) or row (influence value) of the grid, with its pixel extent."""

    value: int
    start: float
    end: float


@dataclass(frozen=True)
class QuadrantBox:
    """A quadrant's area and its label lines (a bold title, then the parenthesised advice)."""

    quadrant_id: str
    rect: QRectF
    title: tuple[str, ...]
    advice: tuple[str, ...]


@dataclass(frozen=True)
class LegendItem:
    """A coloured dot and its label in the legend."""

    position: int | None
    dot_center: QPointF
    baseline: QPointF
    label: str


@dataclass(frozen=True)
class GridFonts:
    """The fonts a grid is laid out with (paint must use the same ones)."""

    mark: FontSpec
    tick: FontSpec
    tick_bold: FontSpec
    title: FontSpec
    quadrant: FontSpec
    advice: FontSpec
    legend: FontSpec
    note: FontSpec


@dataclass(frozen=True)
class GridLayout:
    """The power/interest grid as geometry in pixels, with the value <-> point mapping for an editor."""

    width: float
    height: float
    dpi: float
    scales: GridScales
    plot: QRectF
    columns: tuple[Band, ...]
    rows: tuple[Band, ...]
    quadrants: tuple[QuadrantBox, ...]
    marks: tuple[ActorMark, ...]
    legend: tuple[LegendItem, ...]
    legend_title: tuple[QPointF, str]
    notes: tuple[tuple[QRectF, str], ...]
    x_title: tuple[QPointF, str]
    y_title: tuple[QPointF, str]
    fonts: GridFonts

    def value_to_point(self, interest: float, influence: float) -> QPointF:
        """Return the centre of the cell for (interest, influence), clamped; fractions interpolate."""
        return QPointF(_interpolate(self.columns, interest), _interpolate(self.rows, influence))

    def value_at(self, point: QPointF) -> tuple[int, int]:
        """Return the (interest, influence) of the cell under point, clamped to the scales (for dragging)."""
        return _band_at(self.columns, point.x()), _band_at(self.rows, point.y())

    def cell_rect(self, interest: int, influence: int) -> QRectF:
        """Return the cell of (interest, influence), clamped to the scales."""
        column = band_for(self.columns, interest)
        row = band_for(self.rows, influence)
        return QRectF(column.start, row.start, column.end - column.start, row.end - row.start)

    def quadrant_at(self, point: QPointF) -> str | None:
        """Return the id of the quadrant under point, or None outside the plot."""
        return next((q.quadrant_id for q in self.quadrants if q.rect.contains(point)), None)

    def quadrant_rect(self, quadrant_id: str) -> QRectF | None:
        """Return a quadrant's area by id."""
        return next((q.rect for q in self.quadrants if q.quadrant_id == quadrant_id), None)

    def mark_at(self, point: QPointF) -> ActorMark | None:
        """Return the actor mark under point, or None."""
        return next((mark for mark in self.marks if mark.rect.contains(point)), None)


def _interpolate(bands: tuple[Band, ...], value: float) -> float:
    ordered = sorted(bands, key=lambda band: band.value)
    value = min(max(value, ordered[0].value), ordered[-1].value)
    for low, high in itertools.pairwise(ordered):
        if low.value <= value <= high.value:
            share = (value - low.value) / (high.value - low.value)
            start, end = (low.start + low.end) / 2, (high.start + high.end) / 2
            return start + share * (end - start)
    return (ordered[0].start + ordered[0].end) / 2


def _band_at(bands: tuple[Band, ...], coordinate: float) -> int:
    for band in bands:
        if band.start <= coordinate < band.end:
            return band.value
    return min(bands, key=lambda band: min(abs(coordinate - band.start), abs(coordinate - band.end))).value


def band_for(bands: tuple[Band, ...], value: int) -> Band:
    values = [band.value for band in bands]
    clamped = min(max(value, min(values)), max(values))
    return next(band for band in bands if band.value == clamped)


def clamp(value: int, bounds: tuple[int, int]) -> int:
    """Clamp a rating into a scale's bounds (out-of-range values still load; rule A03 reports them)."""
    return min(max(value, bounds[0]), bounds[1])


def actor_label(actor: Actor) -> str:
    """Return the short label of an actor on the grid: its acronym, else its name, else its id."""
    return clean_text(short_name(actor)) or actor.id
