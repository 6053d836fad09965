"""Geometry of the problem tree: the finished layout (boxes, zones, connectors) and the trees of a walk."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from typing import Literal

from PySide6.QtCore import QPointF, QRectF

from export.diagrams.canvas import FontSpec
from matrices.problem import TreeRow

BoxKind = Literal["problem", "cause", "effect"]


@dataclass(frozen=True)
class Density:
    """Type sizes (points) and line limits; the layout steps down through these to fit a height."""

    body_pt: float
    problem_pt: float
    max_lines: int
    problem_max_lines: int


DENSITIES = (
    Density(7.5, 9.5, 8, 5),
    Density(7.0, 9.0, 6, 4),
    Density(6.5, 8.5, 5, 4),
    Density(6.0, 8.0, 4, 3),
)


@dataclass(frozen=True)
class TreeBox:
    """One box: the central problem, a cause or an effect, with its wrapped lines (read-only geometry)."""

    kind: BoxKind
    item_id: str | None
    code: str
    depth: int
    rect: QRectF
    lines: tuple[str, ...]
    code_width: float
    placeholder: bool = False


@dataclass(frozen=True)
class TreeZone:
    """The tinted band of effects or causes, with its label and, when empty, a note."""

    kind: BoxKind
    rect: QRectF
    label: str
    note_rect: QRectF | None = None
    note_lines: tuple[str, ...] = ()


@dataclass(frozen=True)
class TreeFonts:
    """The fonts a tree is laid out with (paint must use the same ones)."""

    body: FontSpec
    code: FontSpec
    problem: FontSpec
    zone: FontSpec
    note: FontSpec


@dataclass(frozen=True)
class TreeLayout:
    """The problem tree as geometry in pixels: what `paint` draws and what an editor hit-tests.

    A preview scales the painter by (widget width / layout.width) and maps mouse points back the same way.
    """

    width: float
    height: float
    dpi: float
    boxes: tuple[TreeBox, ...]
    connectors: tuple[tuple[QPointF, ...], ...]
    arrow_tips: tuple[QPointF, ...]
    zones: tuple[TreeZone, ...]
    fonts: TreeFonts
    density: Density

    def box_at(self, point: QPointF) -> TreeBox | None:
        """Return the box under point, or None."""
        return next((box for box in self.boxes if box.rect.contains(point)), None)

    def box_for(self, item_id: str) -> TreeBox | None:
        """Return the box of a cause or effect by id, or None."""
        return next((box for box in self.boxes if box.item_id == item_id), None)

    @property
    def problem(self) -> TreeBox:
        """Return the central problem's box."""
        return next(box for box in self.boxes if box.kind == "problem")


def forest(rows: Sequence[TreeRow]) -> list[list[TreeRow]]:
    """Split a tree walk (matrices.problem.tree_walk) into its trees: each starts at a row of depth 0.

    A copy of a root (a repeated id) follows the root in the walk and shares its code: it stays in the root's tree.
    """
    trees: list[list[TreeRow]] = []
    for row in rows:
        if not trees or (row.depth == 0 and row.code != trees[-1][0].code):
            trees.append([])
        trees[-1].append(row)
    return trees
