"""The outline a flat list of tree nodes shows, and what one edit of the list does to it.

A cause or effect tree is stored flat: each node names its parent and siblings follow list order. The outline is
matrices.problem.tree_walk's (the one walk of a tree: roots first, then nodes whose parent is missing or that sit
in a parent cycle), with a copy of an id shown once. An edit of the list (a node inserted, removed or moved, a
parent changed) usually changes the outline by one row inserted, removed or moved; step_between() finds that row
so that the item model can tell Qt exactly that, and says COMPLEX when the outline changed otherwise (a damaged
file whose orphans find their parent again).
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from typing import Literal

from matrices.problem import Cause, Effect, TreeRow, tree_walk

Shape = dict[str | None, list[str]]
"""The children of each node in the outline, by parent id (None: the top level)."""
Place = tuple[str | None, int]
"""(parent id, row among its children)."""


@dataclass(frozen=True)
class Outline:
    """A tree as the view shows it: its shape, each node's code (C1.2) and its index in the flat list."""

    shape: Shape
    codes: dict[str, str]
    positions: dict[str, int]


def outline_of(
    nodes: Sequence[Cause] | Sequence[Effect], prefix: str, walk: Sequence[TreeRow] | None = None
) -> Outline:
    """Return the outline of a flat list from its walk (given, or walked here); a repeated id shows its first entry."""
    shape: Shape = {None: []}
    codes: dict[str, str] = {}
    positions: dict[str, int] = {}
    for row in walk if walk is not None else tree_walk(nodes, prefix):
        item_id = nodes[row.index].id
        if item_id in positions:
            continue  # a copy of an id (rule G03): its row would be indistinguishable from the first
        parent = None if row.parent is None else nodes[row.parent].id
        shape.setdefault(parent, []).append(item_id)
        codes[item_id] = row.code
        positions[item_id] = row.index
    return Outline(shape, codes, positions)


def places(shape: Shape) -> dict[str, Place]:
    """Return where each node sits in the outline."""
    return {child: (parent, row) for parent, kids in shape.items() for row, child in enumerate(kids)}


def _without(shape: Shape, item_id: str) -> dict[str | None, list[str]]:
    """Return the outline with item_id taken out of its parent's children (its own children left in place)."""
    trimmed = {parent: [child for child in kids if child != item_id] for parent, kids in shape.items()}
    return {parent: kids for parent, kids in trimmed.items() if kids}


def _plain(shape: Shape) -> dict[str | None, list[str]]:
    return {parent: kids for parent, kids in shape.items() if kids}


@dataclass(frozen=True)
class Step:
    """How the outline changed: one row inserted, removed or moved (with its subtree), nothing, or more."""

    kind: Literal["same", "insert", "remove", "move", "complex"]
    item_id: str | None = None
    before: Place | None = None
    """Where the row was (remove, move)."""
    after: Place | None = None
    """Where the row is (insert, move)."""


SAME = Step("same")
COMPLEX = Step("complex")


def step_between(old: Shape, new: Shape) -> Step:
    """Return the one-row step that turns the outline old into new, SAME, or COMPLEX."""
    old_places, new_places = places(old), places(new)
    old_ids, new_ids = set(old_places), set(new_places)
    if old_ids == new_ids:
        return _move_between(old, new, old_places, new_places)
    added, gone = new_ids - old_ids, old_ids - new_ids
    if len(added) == 1 and not gone:
        (item_id,) = added
        if not new.get(item_id) and _without(new, item_id) == _plain(old):
            return Step("insert", item_id, after=new_places[item_id])
    if len(gone) == 1 and not added:
        (item_id,) = gone
        if not old.get(item_id) and _without(old, item_id) == _plain(new):
            return Step("remove", item_id, before=old_places[item_id])
    return COMPLEX


def _move_between(old: Shape, new: Shape, old_places: dict[str, Place], new_places: dict[str, Place]) -> Step:
    if _plain(old) == _plain(new):
        return SAME
    reparented = [item_id for item_id, place in old_places.items() if new_places[item_id][0] != place[0]]
    if len(reparented) > 1:
        return COMPLEX
    if reparented:
        candidates = reparented
    else:
        lists = [parent for parent in old.keys() | new.keys() if old.get(parent, []) != new.get(parent, [])]
        if len(lists) != 1:
            return COMPLEX
        candidates = old.get(lists[0], [])
    for item_id in candidates:
        if _without(old, item_id) == _without(new, item_id):
            return Step("move", item_id, old_places[item_id], new_places[item_id])
    return COMPLEX
