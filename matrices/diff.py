"""What changed between two versions of a proposal (a snapshot and the current state), matrix by matrix.

Items are matched by their stable id, so renaming an item is a change of one of its fields, never a removal
plus an addition. Reordering is not a change of content: an item whose place among its siblings changed is
reported as moved (kind "moved" when nothing else changed, `moved=True` on a changed item) and
`has_content_changes` ignores it. Moving an item to another parent (a sub-cause under another cause, an
indicator to another axis) is a change of its `parent_id` or `axis` field.
"""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass, field
from typing import Any, Literal

from pydantic import BaseModel

from matrices.proposal import Proposal
from matrices.review import MATRIX_KEYS, MatrixKey

ChangeKind = Literal["added", "removed", "changed", "moved"]

# The lists of items each matrix-level object holds: they are compared item by item, not as fields.
_ITEM_LISTS = {
    "proposal": {"problem_matrix", "strategy_matrix", "actor_matrix", "instrument_matrix"},
    "problem_matrix": {"evidence", "causes", "effects"},
    "strategy_matrix": {"ends", "general_indicators", "axes", "excluded_causes"},
    "actor_matrix": {"actors"},
    "instrument_matrix": {"instruments"},
    "axis": {"lines_of_action", "indicators"},
}
_LABEL_FIELDS = ("name", "description", "text", "justification")
AXIS_FIELD = "axis"
"""The synthetic field of lines of action and indicators: the id of the axis holding them (None: general)."""


@dataclass(frozen=True)
class FieldChange:
    """One field whose value differs; nested objects give dotted keys such as `baseline.value`."""

    key: str
    old: Any
    new: Any


@dataclass(frozen=True)
class ItemChange:
    """An item added, removed, changed or only moved among its siblings."""

    entity: str
    """The field-model entity (cause, indicator, actor...): it names the item's fields."""
    item_id: str
    kind: ChangeKind
    label: str
    """The item's name or description (the new version's; the old one's for a removed item)."""
    fields: tuple[FieldChange, ...] = ()
    """For a changed item, the fields that differ."""
    moved: bool = False


@dataclass(frozen=True)
class MatrixDiff:
    """The changes of one matrix: its own texts (central problem, general objective...) and its items."""

    matrix: MatrixKey
    entity: str
    """The field-model entity of the matrix-level fields (proposal, problem_matrix...)."""
    fields: tuple[FieldChange, ...] = ()
    items: tuple[ItemChange, ...] = ()

    def of_kind(self, kind: ChangeKind) -> list[ItemChange]:
        """Return the items of one kind of change, in document order."""
        return [item for item in self.items if item.kind == kind]

    @property
    def has_content_changes(self) -> bool:
        """Return True when something besides the order of items differs."""
        return bool(self.fields) or any(item.kind != "moved" for item in self.items)

    @property
    def is_empty(self) -> bool:
        """Return True when nothing differs, not even the order."""
        return not self.fields and not self.items


@dataclass(frozen=True)
class ProposalDiff:
    """The changes of every matrix, in the order of MATRIX_KEYS."""

    matrices: tuple[MatrixDiff, ...]
    names: dict[str, str] = field(default_factory=dict)
    """Every item id of either version with its label, to show the ids that fields hold (parent_id, axis...)."""

    def matrix(self, key: MatrixKey) -> MatrixDiff:
        """Return the changes of one matrix."""
        return next(diff for diff in self.matrices if diff.matrix == key)

    @property
    def has_content_changes(self) -> bool:
        """Return True when some content differs (a reordering alone does not count)."""
        return any(diff.has_content_changes for diff in self.matrices)

    @property
    def is_empty(self) -> bool:
        """Return True when both versions are the same, order included."""
        return all(diff.is_empty for diff in self.matrices)


@dataclass(frozen=True)
class _Item:
    entity: str
    item_id: str
    obj: BaseModel
    group: str
    """Siblings share a group: the order of items is compared within a group only."""
    extra: tuple[tuple[str, Any], ...] = ()


def diff_proposals(old: Proposal, new: Proposal) -> ProposalDiff:
    """Return what changed from old to new, per matrix: fields of the matrix, and items added, removed, changed."""
    names: dict[str, str] = {}
    for version in (old, new):
        for items in _items_of(version).values():
            for item in items:
                names.setdefault(item.item_id, _label(item))
    matrices = []
    for key in MATRIX_KEYS:
        entity, old_obj = _matrix_object(old, key)
        _entity, new_obj = _matrix_object(new, key)
        skip = _ITEM_LISTS.get(entity, set()) | {"id"}
        fields = _field_changes(_flatten(old_obj, skip), _flatten(new_obj, skip))
        changes = _item_changes(_items_of(old)[key], _items_of(new)[key])
        matrices.append(MatrixDiff(key, entity, fields, changes))
    return ProposalDiff(tuple(matrices), names)


def _matrix_object(proposal: Proposal, key: MatrixKey) -> tuple[str, BaseModel]:
    if key == "general":
        return "proposal", proposal
    if key == "problem":
        return "problem_matrix", proposal.problem_matrix
    if key == "strategy":
        return "strategy_matrix", proposal.strategy_matrix
    if key == "actors":
        return "actor_matrix", proposal.actor_matrix
    return "instrument_matrix", proposal.instrument_matrix


def _items_of(proposal: Proposal) -> dict[MatrixKey, list[_Item]]:
    problem, strategy = proposal.problem_matrix, proposal.strategy_matrix
    strategy_items: list[_Item] = [_Item("end", end.id, end, "ends") for end in strategy.ends]
    strategy_items += [
        _Item("indicator", ind.id, ind, "general_indicators", ((AXIS_FIELD, None),))
        for ind in strategy.general_indicators
    ]
    for axis in strategy.axes:
        strategy_items.append(_Item("axis", axis.id, axis, "axes"))
        strategy_items += [
            _Item("line_of_action", line.id, line, f"lines:{axis.id}", ((AXIS_FIELD, axis.id),))
            for line in axis.lines_of_action
        ]
        strategy_items += [
            _Item("indicator", ind.id, ind, f"indicators:{axis.id}", ((AXIS_FIELD, axis.id),))
            for ind in axis.indicators
        ]
    # An excluded cause has no id of its own: the cause it names identifies it (as in matrices.walk).
    strategy_items += [
        _Item("excluded_cause", excluded.cause_id or f"#{index}", excluded, "excluded_causes")
        for index, excluded in enumerate(strategy.excluded_causes)
    ]
    return {
        "general": [],
        "problem": [
            *(_Item("evidence", e.id, e, "evidence") for e in problem.evidence),
            # Siblings of a tree are the nodes with the same parent: their order gives the display codes.
            *(_Item("cause", c.id, c, f"causes:{c.parent_id}") for c in problem.causes),
            *(_Item("effect", e.id, e, f"effects:{e.parent_id}") for e in problem.effects),
        ],
        "strategy": strategy_items,
        "actors": [_Item("actor", a.id, a, "actors") for a in proposal.actor_matrix.actors],
        "instruments": [_Item("instrument", i.id, i, "instruments") for i in proposal.instrument_matrix.instruments],
    }


def _keyed(items: list[_Item]) -> dict[tuple[str, str], _Item]:
    keyed: dict[tuple[str, str], _Item] = {}
    for item in items:
        key = (item.entity, item.item_id)
        copy = 2
        while key in keyed:
            # A duplicated id (a broken draft: the rules report it) must not hide the second item.
            key = (item.entity, f"{item.item_id}#{copy}")
            copy += 1
        keyed[key] = item
    return keyed


def _item_changes(old_items: list[_Item], new_items: list[_Item]) -> tuple[ItemChange, ...]:
    old, new = _keyed(old_items), _keyed(new_items)
    moved = _moved_keys(old, new)
    changes: list[ItemChange] = []
    for key, item in new.items():
        before = old.get(key)
        if before is None:
            changes.append(ItemChange(item.entity, item.item_id, "added", _label(item)))
            continue
        skip = _ITEM_LISTS.get(item.entity, set()) | {"id"}
        fields = _field_changes(
            {**_flatten(before.obj, skip), **dict(before.extra)}, {**_flatten(item.obj, skip), **dict(item.extra)}
        )
        is_moved = key in moved
        if fields or is_moved:
            kind: ChangeKind = "changed" if fields else "moved"
            changes.append(ItemChange(item.entity, item.item_id, kind, _label(item), fields, is_moved))
    changes += [
        ItemChange(item.entity, item.item_id, "removed", _label(item)) for key, item in old.items() if key not in new
    ]
    return tuple(changes)


def _moved_keys(old: dict[tuple[str, str], _Item], new: dict[tuple[str, str], _Item]) -> set[tuple[str, str]]:
    """Return the items that changed place among the siblings they have in both versions."""
    moved: set[tuple[str, str]] = set()
    groups: dict[str, list[tuple[str, str]]] = {}
    for key, item in old.items():
        if key in new and new[key].group == item.group:
            groups.setdefault(item.group, []).append(key)
    new_position = {key: index for index, key in enumerate(new)}
    for keys in groups.values():
        # The longest run of siblings that kept their relative order stayed; every other sibling moved.
        positions = [new_position[key] for key in keys]
        kept = _longest_increasing(positions)
        moved.update(key for index, key in enumerate(keys) if index not in kept)
    return moved


def _longest_increasing(values: list[int]) -> set[int]:
    """Return the indices of a longest strictly increasing subsequence of values (patience sorting)."""
    tails: list[int] = []  # tails[k]: index of the smallest tail of an increasing run of length k + 1
    previous: list[int] = [-1] * len(values)
    for index, value in enumerate(values):
        low, high = 0, len(tails)
        while low < high:
            middle = (low + high) // 2
            if values[tails[middle]] < value:
                low = middle + 1
            else:
                high = middle
        if low:
            previous[index] = tails[low - 1]
        if low == len(tails):
            tails.append(index)
        else:
            tails[low] = index
    kept: set[int] = set()
    cursor = tails[-1] if tails else -1
    while cursor != -1:
        kept.add(cursor)
        cursor = previous[cursor]
    return kept


def _flatten(obj: BaseModel, skip: set[str], prefix: str = "") -> dict[str, Any]:
    """Return the fields of obj by dotted key; nested objects are expanded, lists of objects kept as data."""
    flat: dict[str, Any] = {}
    for name in type(obj).model_fields:
        if name in skip:
            continue
        value = getattr(obj, name)
        key = f"{prefix}{name}"
        if isinstance(value, BaseModel):
            flat.update(_flatten(value, set(), f"{key}."))
        else:
            flat[key] = _plain(value)
    return flat


def _plain(value: Any) -> Any:
    if isinstance(value, list):
        return [item.model_dump(mode="json") if isinstance(item, BaseModel) else item for item in value]
    return value


def _field_changes(old: dict[str, Any], new: dict[str, Any]) -> tuple[FieldChange, ...]:
    # A key present on one side only is an optional object (an estimated cost) that the other side lacks.
    keys = list(new) + [key for key in old if key not in new]
    return tuple(FieldChange(key, old.get(key), new.get(key)) for key in keys if old.get(key) != new.get(key))


def _label(item: _Item) -> str:
    for name in _LABEL_FIELDS:
        value = getattr(item.obj, name, None)
        if isinstance(value, str) and value.strip():
            return value.strip()
    return item.item_id


def iter_changes(diff: ProposalDiff) -> Iterator[tuple[MatrixKey, ItemChange | None, FieldChange | None]]:
    """Yield every change flat: (matrix, item or None for a matrix-level field, field or None)."""
    for matrix in diff.matrices:
        for change in matrix.fields:
            yield matrix.matrix, None, change
        for item in matrix.items:
            if item.fields:
                for change in item.fields:
                    yield matrix.matrix, item, change
            else:
                yield matrix.matrix, item, None
