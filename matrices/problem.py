"""Matrix 1, the problem: central problem, evidence, and the trees of causes and effects."""

from __future__ import annotations

from collections.abc import Iterator, Sequence
from dataclasses import dataclass
from datetime import date
from typing import Protocol

from pydantic import Field

from matrices.base import CatalogId, DomainModel, Id, Identified, Items, Number, Text, new_id

MAX_PROBLEM_CHARS = 300
"""The course's length for a central problem: longer draws a warning (rule P03), and the tree shows it whole."""


class Evidence(DomainModel):
    """A figure or statement that sizes the problem, with its source and data type."""

    id: Id = Field(default_factory=new_id)
    description: Text = ""
    value: Number | None = None
    unit: Text | None = None
    cutoff_date: date | None = None
    source: Text | None = None
    data_type: CatalogId | None = None


class Cause(DomainModel):
    """A node of the cause tree: direct causes have no parent, indirect ones hang from another cause."""

    id: Id = Field(default_factory=new_id)
    level: CatalogId | None = None
    parent_id: Id | None = None
    description: Text = ""
    category: CatalogId | None = None
    governability: CatalogId | None = None
    evidence_ids: Items[Id] = Field(default_factory=list)


class Effect(DomainModel):
    """A node of the effect tree: direct effects have no parent, indirect ones derive from another effect."""

    id: Id = Field(default_factory=new_id)
    level: CatalogId | None = None
    parent_id: Id | None = None
    description: Text = ""
    affected: Text | None = None
    severity: CatalogId | None = None


class ProblemMatrix(DomainModel):
    """The first matrix: the problem tree and the evidence behind it."""

    central_problem: Text = ""
    context: Text | None = None
    affected_population: Text = ""
    evidence: Items[Evidence] = Field(default_factory=list)
    causes: Items[Cause] = Field(default_factory=list)
    effects: Items[Effect] = Field(default_factory=list)


class TreeNode(Identified, Protocol):
    """What a walk of a tree reads of its nodes: a cause or an effect."""

    @property
    def parent_id(self) -> str | None: ...


MAX_CODE_DEPTH = 10
"""Levels a display code spells out (C1.2.1...); a node deeper than that is numbered below its ancestor there."""


@dataclass(frozen=True)
class TreeRow:
    """A node of a cause or effect tree in display order: its list index, code, depth and the index above it."""

    index: int
    code: str
    depth: int
    parent: int | None


def tree_walk(nodes: Sequence[TreeNode], prefix: str) -> list[TreeRow]:
    """Return every node once, in preorder, numbered by position (C1, C1.1, ...): the one walk of a tree.

    Roots come first, then nodes whose parent is missing or that sit in a parent cycle, each as a new root, so
    every node of a broken draft can be shown and pointed at. Nodes sharing an id (a draft's duplicate) share
    the first one's code and follow it, before its children. The walk keeps its own stack: a chain thousands of
    levels deep is data, not recursion.
    Codes stay short however deep the tree: below MAX_CODE_DEPTH levels a node is numbered in preorder under
    its ancestor at that depth (C1.1.1.1.1.1.1.1.1.1…37).
    """
    children: dict[str | None, list[int]] = {}
    for index, node in enumerate(nodes):
        children.setdefault(node.parent_id, []).append(index)
    codes: dict[str, str] = {}
    rows: list[TreeRow] = []
    visited = bytearray(len(nodes))
    deep_counts: dict[str, int] = {}

    copies: dict[str, list[int]] = {}
    for index, node in enumerate(nodes):
        copies.setdefault(node.id, []).append(index)

    def emit(index: int, code: str, depth: int, parent: int | None) -> bool:
        """Record a row, and right after it any copy of its id; return whether it was not yet shown."""
        if visited[index]:
            return False
        node_id = nodes[index].id
        codes[node_id] = code
        for copy in copies[node_id]:
            if not visited[copy]:
                visited[copy] = 1
                rows.append(TreeRow(copy, code, depth, parent))
        return True

    def walk(start: int, code: str) -> None:
        if not emit(start, code, 0, None):
            return
        # Each frame: the row's index, its code, its depth, the code of its ancestor at MAX_CODE_DEPTH (if any)
        # and an iterator over its children with their positions.
        stack: list[tuple[int, str, int, str | None, Iterator[tuple[int, int]]]] = [
            (start, code, 0, None, enumerate(children.get(nodes[start].id, ()), start=1))
        ]
        while stack:
            parent, parent_code, depth, anchor, pending = stack[-1]
            for position, child in pending:
                if visited[child]:
                    continue  # reached again through a cycle
                child_depth = depth + 1
                child_anchor = anchor if anchor is not None else (parent_code if depth == MAX_CODE_DEPTH else None)
                if child_anchor is None:
                    child_code = f"{parent_code}.{position}"
                else:
                    deep_counts[child_anchor] = deep_counts.get(child_anchor, 0) + 1
                    child_code = f"{child_anchor}…{deep_counts[child_anchor]}"
                if emit(child, child_code, child_depth, parent):
                    below = enumerate(children.get(nodes[child].id, ()), start=1)
                    stack.append((child, codes[nodes[child].id], child_depth, child_anchor, below))
                    break
            else:
                stack.pop()

    roots = children.get(None, [])
    for position, index in enumerate(roots, start=1):
        if not visited[index]:
            walk(index, f"{prefix}{position}")
    next_root = len(roots)
    for index in range(len(nodes)):
        if not visited[index]:
            next_root += 1
            walk(index, f"{prefix}{next_root}")
    return rows


def tree_codes(nodes: Sequence[TreeNode], prefix: str, walk: Sequence[TreeRow] | None = None) -> dict[str, str]:
    """Number a tree by position (C1, C1.1, ...) so that display codes follow the order the participant chose.

    walk: tree_walk(nodes, prefix) when the caller already has it.
    """
    return {nodes[row.index].id: row.code for row in (walk if walk is not None else tree_walk(nodes, prefix))}
