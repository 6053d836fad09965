"""Edits of a proposal addressed by locators, so that undo commands survive reordering and renaming.

A locator is a path from the proposal to an object: attribute names, and `("id", item_id)` steps to pick an
item of a list by its stable id (`("index", n)` for the few lists without ids, such as excluded causes).
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from pydantic import BaseModel

Step = str | tuple[str, str | int]
Locator = tuple[Step, ...]


class EditError(LookupError):
    """A locator no longer points at anything (the item was deleted meanwhile)."""


def _find(items: list[Any], step: tuple[str, str | int]) -> Any:
    kind, key = step
    if kind == "index":
        index = int(key)
        if 0 <= index < len(items):
            return items[index]
        raise EditError(f"no item at index {index}")
    for item in items:
        if getattr(item, "id", None) == key:
            return item
    raise EditError(f"no item with id {key!r}")


def resolve(root: BaseModel, locator: Locator) -> Any:
    """Return the object or list the locator points at."""
    current: Any = root
    for step in locator:
        if isinstance(step, tuple):
            if not isinstance(current, list):
                raise EditError(f"{step!r} applied to a non-list")
            current = _find(current, step)
        else:
            if not hasattr(current, step):
                raise EditError(f"no attribute {step!r}")
            current = getattr(current, step)
    return current


def get_value(root: BaseModel, locator: Locator, field: str) -> Any:
    """Return one field of the object at locator."""
    return getattr(resolve(root, locator), field)


def set_value(root: BaseModel, locator: Locator, field: str, value: Any) -> Any:
    """Set one field (validated by the model) and return the previous value."""
    target = resolve(root, locator)
    old = getattr(target, field)
    setattr(target, field, value)
    return old


def _list_at(root: BaseModel, locator: Locator) -> list[Any]:
    items = resolve(root, locator)
    if not isinstance(items, list):
        raise EditError("locator does not point at a list")
    return items


def _validated_list(root: BaseModel, locator: Locator, items: list[Any]) -> None:
    # Re-assigning the list through its owner runs pydantic's validation, so a wrong item type never gets in.
    owner = resolve(root, locator[:-1])
    field = locator[-1]
    if not isinstance(field, str):
        raise EditError("a list must be an attribute of its owner")
    setattr(owner, field, items)


def insert_item(root: BaseModel, list_locator: Locator, index: int, item: Any) -> None:
    """Insert item at index (clamped) in the list at list_locator."""
    items = list(_list_at(root, list_locator))
    items.insert(max(0, min(index, len(items))), item)
    _validated_list(root, list_locator, items)


def remove_item(root: BaseModel, list_locator: Locator, index: int) -> Any:
    """Remove and return the item at index of the list at list_locator."""
    items = list(_list_at(root, list_locator))
    if not 0 <= index < len(items):
        raise EditError(f"no item at index {index}")
    item = items.pop(index)
    _validated_list(root, list_locator, items)
    return item


def move_item(root: BaseModel, list_locator: Locator, old_index: int, new_index: int) -> None:
    """Move the item at old_index to new_index within its list."""
    items = list(_list_at(root, list_locator))
    if not 0 <= old_index < len(items):
        raise EditError(f"no item at index {old_index}")
    item = items.pop(old_index)
    items.insert(max(0, min(new_index, len(items))), item)
    _validated_list(root, list_locator, items)


def index_of(root: BaseModel, list_locator: Locator, item_id: str) -> int:
    """Return the position of the item with item_id in the list at list_locator."""
    for index, item in enumerate(_list_at(root, list_locator)):
        if getattr(item, "id", None) == item_id:
            return index
    raise EditError(f"no item with id {item_id!r}")


# -- planned edits --------------------------------------------------------------------------------------------
# An operation that touches several places (a delete and the links it clears, a tree move) is planned as a list
# of these primitive edits; the editor pushes each as one undo command inside one undo step.


@dataclass(frozen=True)
class Assign:
    """Set one field of the object at locator."""

    locator: Locator
    field: str
    value: Any


@dataclass(frozen=True)
class Insert:
    """Insert item at index of the list at target."""

    target: Locator
    index: int
    item: Any


@dataclass(frozen=True)
class Remove:
    """Remove the item at index of the list at target."""

    target: Locator
    index: int


@dataclass(frozen=True)
class Move:
    """Move the item at old to new within the list at target."""

    target: Locator
    old: int
    new: int


Op = Assign | Insert | Remove | Move


def apply(root: BaseModel, op: Op) -> None:
    """Apply one planned edit to the proposal (the editor does the same through undo commands)."""
    if isinstance(op, Assign):
        set_value(root, op.locator, op.field, op.value)
    elif isinstance(op, Insert):
        insert_item(root, op.target, op.index, op.item)
    elif isinstance(op, Remove):
        remove_item(root, op.target, op.index)
    else:
        move_item(root, op.target, op.old, op.new)
