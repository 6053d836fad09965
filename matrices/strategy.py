"""Matrix 2, the strategic axes: general objective, ends, axes with lines of action and indicators."""

from __future__ import annotations

from collections.abc import Iterator

from pydantic import Field

from matrices.base import CatalogId, DomainModel, Id, Items, Number, Text, Year, new_id
from matrices.general import AxisAlignment, EstimatedCost


class Baseline(DomainModel):
    """The value of an indicator before the intervention, or when it will be collected."""

    value: Number | None = None
    year: Year | None = None
    source: Text | None = None
    status: CatalogId | None = None
    data_type: CatalogId | None = None


class Target(DomainModel):
    """The value an indicator should reach, and by which year."""

    value: Number | None = None
    year: Year | None = None
    relative_to_baseline: bool | None = None
    expression: Text | None = None
    data_type: CatalogId | None = None


class Indicator(DomainModel):
    """A SMART indicator of the general objective or of one axis."""

    id: Id = Field(default_factory=new_id)
    name: Text = ""
    level: CatalogId | None = None
    dimension: CatalogId | None = None
    formula: Text | None = None
    unit: Text | None = None
    baseline: Baseline = Field(default_factory=Baseline)
    target: Target = Field(default_factory=Target)
    frequency: CatalogId | None = None
    means_of_verification: Text | None = None
    responsible_actor_id: Id | None = None
    disaggregation: Items[CatalogId] = Field(default_factory=list)
    notes: Text | None = None


class LineOfAction(DomainModel):
    """A concrete course of action within an axis."""

    id: Id = Field(default_factory=new_id)
    text: Text = ""


class End(DomainModel):
    """An end of the objective tree: an effect turned positive."""

    id: Id = Field(default_factory=new_id)
    effect_id: Id | None = None
    description: Text = ""


class ExcludedCause(DomainModel):
    """A direct cause that no axis addresses, with the reason."""

    cause_id: Id | None = None
    justification: Text = ""


class Axis(DomainModel):
    """A strategic axis: the means grouped into one line of intervention."""

    id: Id = Field(default_factory=new_id)
    name: Text = ""
    addressed_cause_ids: Items[Id] = Field(default_factory=list)
    strategic_objective: Text = ""
    lines_of_action: Items[LineOfAction] = Field(default_factory=list)
    expected_results: Items[Text] = Field(default_factory=list)
    indicators: Items[Indicator] = Field(default_factory=list)
    lead_actor_id: Id | None = None
    co_responsible_actor_ids: Items[Id] = Field(default_factory=list)
    timeframe: CatalogId | None = None
    priority: CatalogId | None = None
    assumptions_risks: Items[Text] = Field(default_factory=list)
    alignment: AxisAlignment = Field(default_factory=AxisAlignment)
    estimated_cost: EstimatedCost | None = None


class StrategyMatrix(DomainModel):
    """The second matrix: objectives, strategic axes and indicators."""

    general_objective: Text = ""
    ends: Items[End] = Field(default_factory=list)
    general_indicators: Items[Indicator] = Field(default_factory=list)
    axes: Items[Axis] = Field(default_factory=list)
    excluded_causes: Items[ExcludedCause] = Field(default_factory=list)


def all_indicators(matrix: StrategyMatrix) -> Iterator[tuple[Axis | None, Indicator]]:
    """Yield every indicator with its axis (None for the general objective's indicators)."""
    for indicator in matrix.general_indicators:
        yield None, indicator
    for axis in matrix.axes:
        for indicator in axis.indicators:
            yield axis, indicator
