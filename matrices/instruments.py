"""Matrix 4, the instruments: the policy tools chosen for each axis."""

from __future__ import annotations

from pydantic import Field

from matrices.base import CatalogId, DomainModel, Id, Items, Score, Text, new_id
from matrices.general import EstimatedCost


class ExAnteAssessment(DomainModel):
    """Optional 1-3 ratings of an instrument on the feasibility criteria of scales.json."""

    effectiveness: Score | None = None
    efficiency: Score | None = None
    equity: Score | None = None
    political_feasibility: Score | None = None
    legal_feasibility: Score | None = None
    administrative_feasibility: Score | None = None
    financial_feasibility: Score | None = None
    data_type: CatalogId | None = None


class Instrument(DomainModel):
    """A policy instrument classified by NATO resource, Vedung type and instrument type."""

    id: Id = Field(default_factory=new_id)
    name: Text = ""
    description: Text = ""
    axis_id: Id | None = None
    line_of_action_id: Id | None = None
    nato: CatalogId | None = None
    nato_secondary: CatalogId | None = None
    vedung: CatalogId | None = None
    instrument_type: CatalogId | None = None
    nature: CatalogId | None = None
    character: CatalogId | None = None
    legal_basis: Text | None = None
    responsible_actor_id: Id | None = None
    target_group: Text = ""
    target_actor_ids: Items[Id] = Field(default_factory=list)
    mechanism: Text = ""
    resources_required: Text | None = None
    estimated_cost: EstimatedCost | None = None
    timeframe: CatalogId | None = None
    indicator_ids: Items[Id] = Field(default_factory=list)
    risks: Text | None = None
    ex_ante_assessment: ExAnteAssessment | None = None


class InstrumentMatrix(DomainModel):
    """The fourth matrix: the instrument mix."""

    instruments: Items[Instrument] = Field(default_factory=list)
