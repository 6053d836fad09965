"""The proposal: general data plus the four matrices. The root of the domain model."""

from __future__ import annotations

from datetime import date
from typing import Any

from pydantic import Field, model_validator

from matrices.actors import ActorMatrix
from matrices.base import CatalogId, DomainModel, Id, Items, ProposalLanguage, Text, check_item_counts, new_id
from matrices.general import Alignment, Horizon
from matrices.instruments import InstrumentMatrix
from matrices.problem import ProblemMatrix
from matrices.strategy import StrategyMatrix


class Proposal(DomainModel):
    """A policy proposal drafted through the four matrices; text is written in `language`."""

    language: ProposalLanguage = "es"
    id: Id = Field(default_factory=new_id)
    title: Text = ""
    policy_area: CatalogId | None = None
    territorial_scope: CatalogId | None = None
    territory: Text | None = None
    proposing_institution: Text = ""
    authors: Items[Text] = Field(default_factory=list)
    horizon: Horizon = Field(default_factory=Horizon)
    status: CatalogId = "draft"
    alignment: Alignment = Field(default_factory=Alignment)
    cross_cutting_approaches: Items[CatalogId] = Field(default_factory=list)
    data_disclaimer: Text | None = None
    created_at: date = Field(default_factory=date.today)
    updated_at: date = Field(default_factory=date.today)
    problem_matrix: ProblemMatrix = Field(default_factory=ProblemMatrix)
    strategy_matrix: StrategyMatrix = Field(default_factory=StrategyMatrix)
    actor_matrix: ActorMatrix = Field(default_factory=ActorMatrix)
    instrument_matrix: InstrumentMatrix = Field(default_factory=InstrumentMatrix)

    @model_validator(mode="before")
    @classmethod
    def _bounded(cls, data: Any) -> Any:
        """Refuse data with more items than a proposal may hold before any item is validated (one error)."""
        if isinstance(data, dict):
            check_item_counts(data)
        return data
