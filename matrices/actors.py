"""Matrix 3, the actors: the stakeholder register and the power/interest grid."""

from __future__ import annotations

from pydantic import Field

from matrices.base import CatalogId, DomainModel, Id, Score, Text, new_id

DEFAULT_HIGH_THRESHOLD = 4
"""A rating at or above this counts as 'high' on the grid (scales.json stakeholder_grid)."""


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
    roles: list[CatalogId] = Field(default_factory=list)
    mandate: Text | None = None
    interest_description: Text = ""
    interest: Score | None = None
    influence: Score | None = None
    position: Score | None = None
    resources: list[CatalogId] = Field(default_factory=list)
    perceived_problems: Text | None = None
    relations: list[ActorRelation] = Field(default_factory=list)
    strategy_detail: Text | None = None
    axis_ids: list[Id] = Field(default_factory=list)
    assessment_basis: Text | None = None
    data_type: CatalogId | None = None


class ActorMatrix(DomainModel):
    """The third matrix: every actor that decides, implements, funds, benefits from or opposes the policy."""

    actors: list[Actor] = Field(default_factory=list)


def grid_quadrant(actor: Actor, threshold: int = DEFAULT_HIGH_THRESHOLD) -> str | None:
    """Return the suggested engagement strategy (a stakeholder_grid quadrant id), or None if unrated."""
    if actor.interest is None or actor.influence is None:
        return None
    high_interest = actor.interest >= threshold
    high_influence = actor.influence >= threshold
    if high_influence:
        return "manage_closely" if high_interest else "keep_satisfied"
    return "keep_informed" if high_interest else "monitor"
