"""Every link from one item of a proposal to another, found where the field model declares it.

A link is a field of type `ref` (one id) or `ref_list` (ids) whose `ref` names the kind of item it points at: a
cause's parent and evidence, an end's effect, an axis's causes and actors, an indicator's responsible actor, an
actor's axes and relations, an instrument's axis, line of action, actors and indicators, an excluded cause. Rule
G02 and the delete planner (matrices/deletion.py) both read them from here, so a link added to the field model is
checked and cleaned up without a second list to keep in step. Comment anchors are not links between items: they
belong to the review (matrices/review.py).
"""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass
from typing import Any

from matrices.edits import Locator
from matrices.fieldmodel import FieldModel, FieldSpec
from matrices.proposal import Proposal
from matrices.review import MatrixKey
from matrices.walk import Node, nodes

LINK_TYPES = frozenset({"ref", "ref_list"})


@dataclass(frozen=True)
class Reference:
    """One link: the object that holds it, the field, and the kind and id of the item it points at."""

    node: Node
    """The object holding the link: an item, or a part of one (an actor's relation, an excluded cause)."""
    key: str
    """The field key as findings name it ('axis_ids', 'relations.actor_id')."""
    owner: Locator
    """Where the object with the field is (node.locator, or a nested object of it for a subfield)."""
    field: str
    """The attribute of that object."""
    kind: str
    """The field-model entity of the item pointed at (cause, actor, line_of_action, ...)."""
    target: str
    many: bool
    """The field holds a list of ids (ref_list), not one id."""

    @property
    def matrix(self) -> MatrixKey:
        """Return the matrix of the object holding the link."""
        return self.node.matrix

    @property
    def item(self) -> str | None:
        """Return the item a finding about this link names (an actor for its relation, the cause excluded)."""
        return self.node.item


def link_fields(field_model: FieldModel) -> dict[str, list[tuple[tuple[str, ...], FieldSpec]]]:
    """Return, by entity, the path and spec of each link field (a subfield's path is (field, subfield))."""
    found: dict[str, list[tuple[tuple[str, ...], FieldSpec]]] = {}
    for entity, specs in field_model.entities.items():
        for spec in specs:
            candidates = [((spec.key,), spec), *(((spec.key, sub.key), sub) for sub in spec.subfields)]
            for path, link in candidates:
                if link.type in LINK_TYPES and link.ref is not None:
                    found.setdefault(entity, []).append((path, link))
    return found


def references(proposal: Proposal, field_model: FieldModel) -> Iterator[Reference]:
    """Yield every link the proposal holds, in the order of the walk (matrix by matrix, item by item)."""
    fields = link_fields(field_model)
    for node in nodes(proposal):
        for path, spec in fields.get(node.entity, ()):
            value: Any = node.obj
            for step in path:
                value = getattr(value, step, None)
            if not value or spec.ref is None:
                continue
            owner: Locator = (*node.locator, *path[:-1])
            key = node.prefix + ".".join(path)
            many = spec.type == "ref_list"
            for target in value if many else (value,):
                if target:
                    yield Reference(node, key, owner, path[-1], spec.ref, str(target), many)


def identified(node: Node) -> str | None:
    """Return the id of the item a node is, or None for objects without an id of their own (relations, costs)."""
    if node.item is None or node.prefix:
        return None
    own = getattr(node.obj, "id", None)
    return own if isinstance(own, str) else None


def known_ids(proposal: Proposal) -> dict[str, set[str]]:
    """Return the ids of the proposal's items by entity (cause, actor, indicator, ...)."""
    known: dict[str, set[str]] = {}
    for node in nodes(proposal):
        own = identified(node)
        if own is not None:
            known.setdefault(node.entity, set()).add(own)
    return known
