"""Matrix 3, the actors: the stakeholder register and the power/interest grid."""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, field
from typing import Any

from pydantic import Field

from matrices.base import CatalogId, DomainModel, Id, Items, Score, Text, new_id
from matrices.catalogs import Catalogs

DEFAULT_HIGH_THRESHOLD = 4
"""A rating at or above this counts as 'high' on the grid when the course's scales.json sets no other."""
GRID_REF = "scales.json#stakeholder_grid"
"""The catalogue of the grid's quadrants: the suggested engagement strategies."""


class ActorRelation(DomainModel):
    """An alliance, conflict or dependency with another actor."""

    actor_id: Id | None = None
    type: CatalogId | None = None
    note: Text | None = None


class Actor(DomainModel):
    """One stakeholder with its ratings, mandate and engagement strategy."""

    id: Id = Field(default_factory=new_id)
    name: Text = ""
    acronym: Text | None = None
    type: CatalogId | None = None
    level: CatalogId | None = None
    roles: Items[CatalogId] = Field(default_factory=list)
    mandate: Text | None = None
    interest_description: Text = ""
    interest: Score | None = None
    influence: Score | None = None
    position: Score | None = None
    resources: Items[CatalogId] = Field(default_factory=list)
    perceived_problems: Text | None = None
    relations: Items[ActorRelation] = Field(default_factory=list)
    strategy_detail: Text | None = None
    axis_ids: Items[Id] = Field(default_factory=list)
    assessment_basis: Text | None = None
    data_type: CatalogId | None = None


class ActorMatrix(DomainModel):
    """The third matrix: every actor that decides, implements, funds, benefits from or opposes the policy."""

    actors: Items[Actor] = Field(default_factory=list)


def display_name(actor: Actor) -> str:
    """Return an actor as 'Name (ACRONYM)', the acronym left out when the name already contains it."""
    name, acronym = actor.name.strip(), (actor.acronym or "").strip()
    if not acronym or acronym in name:
        return name
    return f"{name} ({acronym})" if name else acronym


def short_name(actor: Actor) -> str:
    """Return the short form of an actor (its acronym, else its name), as on the grid; '' when both are blank."""
    return (actor.acronym or "").strip() or actor.name.strip()


Quadrant = tuple[bool, bool]
"""(high interest, high influence)."""

_QUADRANT_IDS: dict[Quadrant, str] = {
    (True, True): "manage_closely",
    (False, True): "keep_satisfied",
    (True, False): "keep_informed",
    (False, False): "monitor",
}


@dataclass(frozen=True)
class StakeholderGrid:
    """The power/interest grid as the course sets it: the 'high' threshold and the quadrant of each corner.

    The editor's table, the grid it draws, the Word table and the Word picture all read the suggested strategy
    from here, so a course that moves the threshold sees the same quadrants everywhere.
    """

    threshold: int = DEFAULT_HIGH_THRESHOLD
    quadrant_ids: Mapping[Quadrant, str] = field(default_factory=lambda: dict(_QUADRANT_IDS))

    @classmethod
    def from_catalogs(cls, catalogs: Catalogs) -> StakeholderGrid:
        """Read the threshold and the quadrants from scales.json's stakeholder_grid (defaults when absent)."""
        raw: dict[str, Any] = catalogs.raw("scales.json") if "scales.json" in catalogs else {}
        grid = raw.get("stakeholder_grid")
        grid = grid if isinstance(grid, dict) else {}
        try:
            threshold = int(grid.get("high_threshold", DEFAULT_HIGH_THRESHOLD))
        except (TypeError, ValueError):
            threshold = DEFAULT_HIGH_THRESHOLD  # a course designer's typo must not stop the editor
        quadrant_ids = dict(_QUADRANT_IDS)
        if GRID_REF in catalogs:
            for entry in catalogs.get(GRID_REF):
                key = (entry.attrs.get("interest") == "high", entry.attrs.get("influence") == "high")
                quadrant_ids[key] = entry.id
        return cls(threshold, quadrant_ids)

    def is_high(self, rating: int) -> bool:
        """Return whether an interest or influence rating counts as high."""
        return rating >= self.threshold

    def quadrant_id(self, high_interest: bool, high_influence: bool) -> str:
        """Return the id of the quadrant of a corner of the grid."""
        return self.quadrant_ids[(high_interest, high_influence)]

    def quadrant(self, actor: Actor) -> str | None:
        """Return an actor's suggested engagement strategy (a quadrant id), or None if it is not rated."""
        if actor.interest is None or actor.influence is None:
            return None
        return self.quadrant_id(self.is_high(actor.interest), self.is_high(actor.influence))
