"""Edits of a proposal addressed by locators, so that undo commands survive reordering and renaming.

A locator is a path from the proposal to an object: attribute names, and `("id", item_id)` steps to pick an
item of a list by its stable id (`("index", n)` for the few lists without ids, such as excluded causes).

An edit is planned as an operation (Assign, Insert, Remove, Move), checked with prepare() and only then applied:
prepare() says what the edit will change (a field, or one row of one list) before anything changes, so that
whoever shows the proposal can get ready (Qt's beginInsertRows) and finish once it is applied (endInsertRows).
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from typing import Any, ClassVar, Literal

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
    prepared = prepare(root, Assign(locator, field, value))
    old = get_value(root, locator, field)
    prepared.apply()
    return old


def _list_at(root: BaseModel, locator: Locator) -> list[Any]:
    items = resolve(root, locator)
    if not isinstance(items, list):
        raise EditError("locator does not point at a list")
    return items


def insert_item(root: BaseModel, list_locator: Locator, index: int, item: Any) -> None:
    """Insert item at index (clamped) in the list at list_locator."""
    prepare(root, Insert(list_locator, index, item)).apply()


def remove_item(root: BaseModel, list_locator: Locator, index: int) -> Any:
    """Remove and return the item at index of the list at list_locator."""
    prepared = prepare(root, Remove(list_locator, index))
    item = _list_at(root, list_locator)[index]
    prepared.apply()
    return item


def move_item(root: BaseModel, list_locator: Locator, old_index: int, new_index: int) -> None:
    """Move the item at old_index to new_index within its list."""
    prepare(root, Move(list_locator, old_index, new_index)).apply()


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
    prepare(root, op).apply()


# -- what an edit changes -------------------------------------------------------------------------------------
# Every change has the same three attributes (locator, field, kind) for readers that only need to know where:
# a value change names the object and its field; a row change names the list (field None).


@dataclass(frozen=True)
class ValueChanged:
    """One field of the object at locator takes value."""

    locator: Locator
    field: str
    value: Any
    kind: ClassVar[Literal["value"]] = "value"


@dataclass(frozen=True)
class RowInserted:
    """item enters the list at locator at position index."""

    locator: Locator
    index: int
    item: Any
    field: ClassVar[None] = None
    kind: ClassVar[Literal["structure"]] = "structure"


@dataclass(frozen=True)
class RowRemoved:
    """The item at position index leaves the list at locator."""

    locator: Locator
    index: int
    item: Any
    field: ClassVar[None] = None
    kind: ClassVar[Literal["structure"]] = "structure"


@dataclass(frozen=True)
class RowMoved:
    """The item at position old of the list at locator ends at position new (both counted in the whole list)."""

    locator: Locator
    old: int
    new: int
    field: ClassVar[None] = None
    kind: ClassVar[Literal["structure"]] = "structure"


@dataclass(frozen=True)
class ContentReplaced:
    """The whole content of the proposal is replaced (a snapshot restored, or that restore undone)."""

    locator: ClassVar[Locator] = ()
    field: ClassVar[None] = None
    kind: ClassVar[Literal["structure"]] = "structure"


Change = ValueChanged | RowInserted | RowRemoved | RowMoved | ContentReplaced


@dataclass(frozen=True)
class Prepared:
    """An edit checked against the proposal: what it will change, the edit that undoes it, and how to apply it."""

    change: Change
    undo: Op
    _apply: Callable[[], None]

    def apply(self) -> None:
        """Make the change (it was validated by prepare: nothing is left to refuse it)."""
        self._apply()


def _checked(owner: Any, field: str, value: Any) -> Any:
    """Return value as owner's field would hold it, validated on a copy of owner (ValidationError if refused)."""
    if not isinstance(owner, BaseModel):
        return value
    trial = owner.model_copy()  # shallow: only the field's own validation and the model's validators run
    setattr(trial, field, value)
    return getattr(trial, field)


def _owner_of(root: BaseModel, list_locator: Locator) -> tuple[Any, str]:
    owner = resolve(root, list_locator[:-1])
    field = list_locator[-1]
    if not isinstance(field, str):
        raise EditError("a list must be an attribute of its owner")
    return owner, field


def _list_change(root: BaseModel, list_locator: Locator, items: list[Any]) -> tuple[list[Any], Callable[[], None]]:
    """Return the validated new list and what assigns it to its owner."""
    owner, field = _owner_of(root, list_locator)
    checked = _checked(owner, field, items)
    return checked, lambda: setattr(owner, field, checked)


def prepare(root: BaseModel, op: Op) -> Prepared:
    """Check op against root and say what it will change; EditError or ValidationError before anything changes."""
    if isinstance(op, Assign):
        target = resolve(root, op.locator)
        old = getattr(target, op.field)
        value = _checked(target, op.field, op.value)
        return Prepared(
            ValueChanged(op.locator, op.field, value),
            Assign(op.locator, op.field, old),
            lambda: setattr(target, op.field, value),
        )
    items = list(_list_at(root, op.target))
    if isinstance(op, Insert):
        index = max(0, min(op.index, len(items)))
        items.insert(index, op.item)
        checked, assign = _list_change(root, op.target, items)
        return Prepared(RowInserted(op.target, index, checked[index]), Remove(op.target, index), assign)
    if isinstance(op, Remove):
        if not 0 <= op.index < len(items):
            raise EditError(f"no item at index {op.index}")
        item = items.pop(op.index)
        _checked_items, assign = _list_change(root, op.target, items)
        return Prepared(RowRemoved(op.target, op.index, item), Insert(op.target, op.index, item), assign)
    if not 0 <= op.old < len(items):
        raise EditError(f"no item at index {op.old}")
    item = items.pop(op.old)
    new = max(0, min(op.new, len(items)))
    items.insert(new, item)
    _checked_items, assign = _list_change(root, op.target, items)
    return Prepared(RowMoved(op.target, op.old, new), Move(op.target, new, op.old), assign)
