"""Edits of the cause and effect trees, planned as primitive list edits and pushed as one undo step.

A tree is stored flat: each node names its parent (`parent_id`; None for a direct cause or effect) and siblings
are ordered by their position in the list. The edits here keep the list in preorder (each node followed by its
descendants, as the bundled example and the Word tables list them), and keep `level` consistent with
`parent_id`: "direct" at the root, "indirect" below it.

Deleting a node is planned by matrices/deletion.py (the node, its subtree, and every link to them); this module
only adds which node to select afterwards. Every plan is pushed as one undo step (ui/commands.py push_ops): one
undo puts every node, field and link back exactly as it was.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from typing import Literal

from matrices.deletion import plan_delete as plan_item_delete
from matrices.edits import Assign, Insert, Locator, Move, Op
from matrices.fieldmodel import FieldModel
from matrices.problem import Cause, Effect
from matrices.proposal import Proposal
from ui.commands import push_ops
from ui.session import DocumentSession

Node = Cause | Effect
ListKind = Literal["causes", "effects", "evidence"]
DIRECT, INDIRECT = "direct", "indirect"


@dataclass(frozen=True)
class Plan:
    """The primitive edits of one tree operation and the node to select once they are applied."""

    ops: tuple[Op, ...] = ()
    select: str | None = None


def list_locator(kind: ListKind) -> Locator:
    """Return the locator of the causes, effects or evidence list."""
    return ("problem_matrix", kind)


def item_locator(kind: ListKind, item_id: str) -> Locator:
    """Return the locator of one node (or datum) by id."""
    return (*list_locator(kind), ("id", item_id))


# -- reading the tree -----------------------------------------------------------------------------------------


def _index(nodes: Sequence[Node], item_id: str) -> int:
    return next(position for position, node in enumerate(nodes) if node.id == item_id)


def find(nodes: Sequence[Node], item_id: str | None) -> Node | None:
    """Return the node with item_id, or None."""
    return next((node for node in nodes if node.id == item_id), None)


def siblings(nodes: Sequence[Node], node: Node) -> list[Node]:
    """Return the nodes sharing node's parent, in list order (node included)."""
    return [other for other in nodes if other.parent_id == node.parent_id]


def descendants(nodes: Sequence[Node], item_id: str) -> set[str]:
    """Return the ids below item_id at any depth (safe against parent cycles in a damaged file)."""
    below: set[str] = set()
    frontier = [item_id]
    while frontier:
        parent = frontier.pop()
        for node in nodes:
            if node.parent_id == parent and node.id not in below and node.id != item_id:
                below.add(node.id)
                frontier.append(node.id)
    return below


def _block(nodes: Sequence[Node], item_id: str) -> list[str]:
    """Return node and its descendants in list order: what moves when the node moves."""
    members = descendants(nodes, item_id) | {item_id}
    return [node.id for node in nodes if node.id in members]


def _block_end(ids: Sequence[str], nodes: Sequence[Node], item_id: str) -> int:
    """Return the position just after the last member of item_id's block within ids."""
    members = set(_block(nodes, item_id))
    return max(position for position, other in enumerate(ids) if other in members) + 1


def _reorder(kind: ListKind, current: Sequence[str], final: Sequence[str]) -> list[Move]:
    """Return moves that turn the order current into final (a selection sort: at most one move per item)."""
    ids = list(current)
    moves: list[Move] = []
    for position, wanted in enumerate(final):
        if ids[position] != wanted:
            old = ids.index(wanted)
            ids.insert(position, ids.pop(old))
            moves.append(Move(list_locator(kind), old, position))
    return moves


def _relocate(kind: ListKind, nodes: Sequence[Node], item_id: str, anchor: str, after: bool) -> list[Move]:
    """Return moves that put item_id's block just before anchor, or just after anchor's whole block."""
    ids = [node.id for node in nodes]
    block = _block(nodes, item_id)
    rest = [other for other in ids if other not in block]
    if after:
        kept = [node for node in nodes if node.id not in block]
        target = _block_end(rest, kept, anchor)
    else:
        target = rest.index(anchor)
    return _reorder(kind, ids, [*rest[:target], *block, *rest[target:]])


# -- operations -----------------------------------------------------------------------------------------------


def plan_add(kind: ListKind, nodes: Sequence[Node], selected: str | None, new: Node, *, child: bool) -> Plan:
    """Add new as the last child of selected, or as the sibling just after it (a new root without selection)."""
    anchor = find(nodes, selected)
    if anchor is None:
        new = new.model_copy(update={"parent_id": None, "level": DIRECT})
        return Plan((Insert(list_locator(kind), len(nodes), new),), new.id)
    parent_id = anchor.id if child else anchor.parent_id
    new = new.model_copy(update={"parent_id": parent_id, "level": DIRECT if parent_id is None else INDIRECT})
    # After the anchor's whole subtree: as a sibling it follows the anchor, as a child it comes last.
    index = _block_end([node.id for node in nodes], nodes, anchor.id)
    return Plan((Insert(list_locator(kind), index, new),), new.id)


def plan_indent(kind: ListKind, nodes: Sequence[Node], item_id: str) -> Plan:
    """Make the node the last child of its previous sibling (nothing to do for a first sibling)."""
    node = find(nodes, item_id)
    if node is None:
        return Plan()
    row = siblings(nodes, node)
    position = row.index(node)
    if position == 0:
        return Plan()
    new_parent = row[position - 1]
    ops: list[Op] = [
        Assign(item_locator(kind, item_id), "parent_id", new_parent.id),
        Assign(item_locator(kind, item_id), "level", INDIRECT),
    ]
    # In a preorder list the node already follows its new parent's subtree; a reordered file may need a move.
    moved = [_with_parent(other, item_id, new_parent.id) for other in nodes]
    ops.extend(_relocate(kind, moved, item_id, new_parent.id, after=True))
    return Plan(_set_only_changed(node, ops), item_id)


def plan_outdent(kind: ListKind, nodes: Sequence[Node], item_id: str) -> Plan:
    """Make the node the sibling that follows its parent (a direct cause or effect when it reaches the root)."""
    node = find(nodes, item_id)
    if node is None or node.parent_id is None:
        return Plan()
    parent = find(nodes, node.parent_id)
    grandparent = parent.parent_id if parent is not None else None
    if parent is not None and grandparent is not None and grandparent in descendants(nodes, item_id):
        grandparent = None  # a parent cycle in a damaged file: break it at the root
    ops: list[Op] = [
        Assign(item_locator(kind, item_id), "parent_id", grandparent),
        Assign(item_locator(kind, item_id), "level", DIRECT if grandparent is None else INDIRECT),
    ]
    if parent is not None:
        moved = [_with_parent(other, item_id, grandparent) for other in nodes]
        ops.extend(_relocate(kind, moved, item_id, parent.id, after=True))
    return Plan(_set_only_changed(node, ops), item_id)


def plan_move(kind: ListKind, nodes: Sequence[Node], item_id: str, step: Literal[-1, 1]) -> Plan:
    """Move the node (with its subtree) before its previous sibling or after its next one."""
    node = find(nodes, item_id)
    if node is None:
        return Plan()
    row = siblings(nodes, node)
    position = row.index(node)
    if not 0 <= position + step < len(row):
        return Plan()
    other = row[position + step]
    return Plan(tuple(_relocate(kind, nodes, item_id, other.id, after=step > 0)), item_id)


def plan_delete(kind: ListKind, proposal: Proposal, field_model: FieldModel, item_id: str) -> Plan:
    """Delete the node, its subtree and the links to them; select the next sibling, the previous or the parent."""
    nodes: list[Node] = getattr(proposal.problem_matrix, kind)
    node = find(nodes, item_id)
    if node is None:
        return Plan()
    planned = plan_item_delete(proposal, field_model, list_locator(kind), _index(nodes, item_id))
    return Plan(planned.ops, neighbour_after_delete(nodes, item_id))


def neighbour_after_delete(nodes: Sequence[Node], item_id: str) -> str | None:
    """Return the node to select once item_id is deleted: its next sibling, else the previous one, else its parent."""
    node = find(nodes, item_id)
    if node is None:
        return None
    row = siblings(nodes, node)
    position = row.index(node)
    neighbour = row[position + 1] if position + 1 < len(row) else row[position - 1] if position > 0 else None
    return neighbour.id if neighbour is not None else node.parent_id


def _with_parent(node: Node, item_id: str, parent_id: str | None) -> Node:
    return node.model_copy(update={"parent_id": parent_id}) if node.id == item_id else node


def _set_only_changed(node: Node, ops: list[Op]) -> tuple[Op, ...]:
    """Drop assignments that would not change anything, so undo history shows only real edits."""
    return tuple(op for op in ops if not (isinstance(op, Assign) and getattr(node, op.field) == op.value))


# -- applying -------------------------------------------------------------------------------------------------


def push_plan(session: DocumentSession, plan: Plan, text: str) -> bool:
    """Apply a plan's edits as one undo step named text; False when there is nothing to do or no right to."""
    return push_ops(session, plan.ops, text)
