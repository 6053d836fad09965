"""Facilitator review: comments anchored on a matrix, an item and a field."""

from __future__ import annotations

from datetime import UTC, datetime
from typing import Literal

from pydantic import Field

from matrices.base import DomainModel, Id, Text, new_id

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
    created_at: datetime = Field(default_factory=_now)
    text: Text = ""
    status: Literal["open", "resolved"] = "open"
