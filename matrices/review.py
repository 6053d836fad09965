"""Facilitator review: comments anchored on a matrix, an item and a field."""

from __future__ import annotations

from datetime import UTC, datetime
from typing import Literal

from pydantic import BaseModel, Field

from matrices.base import DomainModel, Id, Text, Timestamp, new_id
from matrices.edits import EditError, Locator, resolve

MatrixKey = Literal["general", "problem", "strategy", "actors", "instruments"]
MATRIX_KEYS: tuple[MatrixKey, ...] = ("general", "problem", "strategy", "actors", "instruments")


def _now() -> datetime:
    return datetime.now(UTC).replace(microsecond=0)


class Comment(DomainModel):
    """A review comment, or a reply to one (parent_id), anchored on (matrix, item, field) or on the proposal."""

    id: Id = Field(default_factory=new_id)
    matrix: MatrixKey | None = None
    item_id: Id | None = None
    field: Text | None = None
    parent_id: Id | None = None
    author: Text = ""
    role: Literal["facilitator", "participant"] = "facilitator"
    created_at: Timestamp = Field(default_factory=_now)
    text: Text = ""
    status: Literal["open", "resolved"] = "open"


Anchor = tuple[MatrixKey | None, str | None, str | None]
"""Where a comment points: (matrix, item id, field key); (None, None, None) is the whole proposal."""

_MATRIX_OF_ROOT: dict[str, MatrixKey] = {
    "problem_matrix": "problem",
    "strategy_matrix": "strategy",
    "actor_matrix": "actors",
    "instrument_matrix": "instruments",
}


def anchor_of(root: BaseModel, locator: Locator, field: str) -> Anchor:
    """Return the comment anchor of a field of the object at locator, named as the findings name it.

    The item is the last object picked by id; the attributes after it prefix the field ('estimated_cost.amount',
    'relations.note'), so that the anchor names the stable id, never a position that reordering would change.
    """
    first = locator[0] if locator else None
    matrix: MatrixKey = _MATRIX_OF_ROOT.get(first, "general") if isinstance(first, str) else "general"
    item: str | None = None
    path: list[str] = []
    for number, step in enumerate(locator):
        if isinstance(step, str):
            path.append(step)
            continue
        kind, key = step
        if kind == "id":
            item, path = str(key), []
            continue
        try:
            target = resolve(root, locator[: number + 1])
        except EditError:
            target = None
        # An excluded cause has no id: the cause it names is the item, as in the findings.
        ident = getattr(target, "id", None) or getattr(target, "cause_id", None)
        if ident:
            item, path = str(ident), []
        # Otherwise the entry is a part of its item (an actor's relation): its fields go under the list's name.
    if item is None and path and path[0] == first and first in _MATRIX_OF_ROOT:
        path = path[1:]
    return matrix, item, ".".join([*path, field])
