"""Geometry of the problem tree: the finished layout (boxes, zones, connectors) and the forest of causes or effects."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from typing import Literal

from PySide6.QtCore import QPointF, QRectF

from export.diagrams.canvas import FontSpec
from matrices.problem import Cause, Effect

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


@dataclass(frozen=True)
class TreeNode:
    """A node in display order: list index, depth below its root and the index it hangs from."""

    index: int
    depth: int
    parent: int | None


def forest(nodes: Sequence[Cause] | Sequence[Effect]) -> list[list[TreeNode]]:
    """Split nodes into trees in preorder, like tree_codes: roots first, then orphans and cycles as roots."""
    children: dict[str, list[int]] = {}
    for index, node in enumerate(nodes):
        if node.parent_id is not None:
            children.setdefault(node.parent_id, []).append(index)
    seen: set[int] = set()

    def walk(root: int) -> list[TreeNode]:
        # An explicit stack: a chain of thousands of nodes must not hit Python's recursion limit.
        order: list[TreeNode] = []
        stack = [TreeNode(root, 0, None)]
        while stack:
            item = stack.pop()
            if item.index in seen:
                continue  # a cycle or a duplicate id: each node is drawn once
            seen.add(item.index)
            order.append(item)
            below = children.get(nodes[item.index].id, [])
            stack.extend(TreeNode(child, item.depth + 1, item.index) for child in reversed(below))
        return order

    trees = [walk(index) for index, node in enumerate(nodes) if node.parent_id is None]
    trees += [walk(index) for index in range(len(nodes)) if index not in seen]
    return [tree for tree in trees if tree]
