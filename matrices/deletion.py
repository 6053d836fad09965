"""Planning a delete so that the proposal stays whole: what goes with the item, and the links to it that go too.

Deleting an item takes with it what cannot stand alone: the sub-causes or sub-effects hanging from it, and what
it contains (an axis's lines of action and indicators, an actor's relations). Every link to what goes, held by an
item that stays, is then cleared: a list of ids loses the id, a single reference becomes empty, and a record that
exists only for its link (an actor's relation with the deleted actor, the justification of an excluded cause that
is deleted) is removed. The plan is pure: the editor shows `removed` and `unlinked` in its confirmation and pushes
`ops` as one undo step; nothing else decides what a delete does.
"""

from __future__ import annotations

from collections import defaultdict
from dataclasses import dataclass

from matrices.edits import Assign, EditError, Locator, Op, Remove, index_of, resolve
from matrices.fieldmodel import FieldModel
from matrices.proposal import Proposal
from matrices.references import Reference, identified, references
from matrices.walk import Node, nodes

TREE_LINK = "parent_id"
"""The link from a sub-cause (sub-effect) to its parent: a node goes with the parent it hangs from."""


@dataclass(frozen=True)
class DeletePlan:
    """The edits of one delete, in order, and what they remove and unlink (for the confirmation)."""

    ops: tuple[Op, ...] = ()
    removed: tuple[Node, ...] = ()
    """The items that go: the one chosen first, then those that go with it (sub-causes, an axis's lines...)."""
    unlinked: tuple[Reference, ...] = ()
    """The links to removed items held by objects that stay: cleared, or removed with their record."""

    @property
    def below(self) -> tuple[Node, ...]:
        """Return the sub-causes or sub-effects that go with the chosen node (empty for other items)."""
        if not self.removed:
            return ()
        chosen = self.removed[0]
        return tuple(node for node in self.removed[1:] if node.entity == chosen.entity and identified(node))

    @property
    def asks(self) -> bool:
        """Return whether the delete reaches beyond the chosen item: links to clear, or sub-nodes to take along."""
        return bool(self.unlinked or self.below)


def _within(locator: Locator, roots: set[Locator]) -> bool:
    """Return whether locator is one of roots or lies inside one (a line of action inside a deleted axis)."""
    return any(locator[:length] in roots for length in range(1, len(locator) + 1))


def _is_entry(locator: Locator) -> bool:
    """Return whether the locator ends on an entry of a list (not on an object nested in an item)."""
    return bool(locator) and isinstance(locator[-1], tuple)


def _index(proposal: Proposal, locator: Locator) -> int:
    """Return the position of the list entry a walked locator names (by its id, unique in its list, or position)."""
    step = locator[-1]
    if not isinstance(step, tuple):
        raise ValueError(f"{locator!r} does not end on an entry of a list")
    kind, key = step
    if kind == "index":
        return int(key)
    return index_of(proposal, locator[:-1], str(key))


def _tree_roots(chosen: Node, links: list[Reference]) -> list[Locator]:
    """Return the locators of the chosen item and of every node below it in its tree (no recursion: a loop)."""
    children: dict[str, list[Node]] = defaultdict(list)
    for link in links:
        if link.field == TREE_LINK and link.kind == link.node.entity:
            children[link.target].append(link.node)
    roots, seen = [chosen.locator], {chosen.locator}
    frontier = [chosen]
    while frontier:
        parent = frontier.pop()
        own = identified(parent)
        for child in children.get(own, []) if own is not None else []:
            if child.locator not in seen and child.entity == parent.entity:
                seen.add(child.locator)
                roots.append(child.locator)
                frontier.append(child)
    return roots


def _removals(proposal: Proposal, locators: list[Locator]) -> list[Remove]:
    """Return the removes of list entries given by locator, last position first in each list (earlier ones hold)."""
    found = [Remove(locator[:-1], _index(proposal, locator)) for locator in locators]
    return sorted(found, key=lambda remove: (repr(remove.target), -remove.index))


def plan_delete(proposal: Proposal, field_model: FieldModel, list_locator: Locator, index: int) -> DeletePlan:
    """Plan the delete of the item at index of the list at list_locator (nothing to do when there is none)."""
    try:
        items = resolve(proposal, list_locator)
    except EditError:
        return DeletePlan()
    if not isinstance(items, list) or not 0 <= index < len(items):
        return DeletePlan()
    all_nodes = list(nodes(proposal))
    chosen = next((node for node in all_nodes if node.obj is items[index]), None)
    if chosen is None:
        # A list the field model does not describe (plain texts): nothing can point at its entries.
        return DeletePlan((Remove(list_locator, index),))
    item = chosen.locator
    links = list(references(proposal, field_model))
    roots = _tree_roots(chosen, links)
    inside = set(roots)
    removed = [node for node in all_nodes if _within(node.locator, inside)]
    removed.sort(key=lambda node: node.locator != item)  # the chosen item first, then the rest in walk order
    kept = [node for node in all_nodes if not _within(node.locator, inside)]
    # An id used twice (rule G03) still names the copy that stays: links to it are not broken.
    staying = {(node.entity, identified(node)) for node in kept}
    gone = {(node.entity, identified(node)) for node in removed if identified(node)} - staying
    unlinked = [link for link in links if (link.kind, link.target) in gone and not _within(link.node.locator, inside)]
    ops = (*_unlink_ops(proposal, unlinked, gone), *_removals(proposal, roots))
    return DeletePlan(ops, tuple(removed), tuple(unlinked))


def _unlink_ops(proposal: Proposal, unlinked: list[Reference], gone: set[tuple[str, str | None]]) -> list[Op]:
    """Return the edits that clear the links: lists lose the ids, single links become empty, bare records go."""
    ops: list[Op] = []
    records: list[Locator] = []
    done: set[tuple[Locator, str]] = set()
    for link in unlinked:
        if identified(link.node) is None and _is_entry(link.node.locator):
            # An actor's relation or an excluded cause has no id of its own: it exists for this link.
            if link.node.locator not in records:
                records.append(link.node.locator)
            continue
        if (link.owner, link.field) in done:
            continue
        done.add((link.owner, link.field))
        if link.many:
            current = getattr(resolve(proposal, link.owner), link.field)
            ops.append(Assign(link.owner, link.field, [i for i in current if (link.kind, i) not in gone]))
        else:
            ops.append(Assign(link.owner, link.field, None))
    return [*ops, *_removals(proposal, records)]
