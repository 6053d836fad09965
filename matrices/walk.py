"""A generic walk of a proposal along the field model: every item with its entity, matrix and fields."""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass
from datetime import date
from typing import Any

from pydantic import BaseModel

from matrices.fieldmodel import FieldModel, FieldSpec
from matrices.proposal import Proposal
from matrices.review import MatrixKey


@dataclass(frozen=True)
class Node:
    """One object of the proposal seen as an instance of a field-model entity."""

    matrix: MatrixKey
    entity: str
    obj: BaseModel
    item: str | None
    prefix: str = ""
    """Prepended to field keys when the entity is nested in an item (e.g. 'estimated_cost.', 'relations.')."""
    core: bool = True
    """False for nested optional objects (estimated cost, actor relations): their fields do not add to completeness."""


@dataclass(frozen=True)
class FieldValue:
    """A field of a node, flattened: object fields with subfields are expanded into `parent.sub` keys."""

    node: Node
    spec: FieldSpec
    key: str
    value: Any


def nodes(proposal: Proposal) -> Iterator[Node]:
    """Yield every object of the proposal that the field model describes, matrix by matrix."""
    yield Node("general", "proposal", proposal, None)

    problem = proposal.problem_matrix
    yield Node("problem", "problem_matrix", problem, None)
    for evidence in problem.evidence:
        yield Node("problem", "evidence", evidence, evidence.id)
    for cause in problem.causes:
        yield Node("problem", "cause", cause, cause.id)
    for effect in problem.effects:
        yield Node("problem", "effect", effect, effect.id)

    strategy = proposal.strategy_matrix
    yield Node("strategy", "strategy_matrix", strategy, None)
    for end in strategy.ends:
        yield Node("strategy", "end", end, end.id)
    for indicator in strategy.general_indicators:
        yield Node("strategy", "indicator", indicator, indicator.id)
    for axis in strategy.axes:
        yield Node("strategy", "axis", axis, axis.id)
        for line in axis.lines_of_action:
            yield Node("strategy", "line_of_action", line, line.id)
        for indicator in axis.indicators:
            yield Node("strategy", "indicator", indicator, indicator.id)
        if axis.estimated_cost is not None:
            yield Node("strategy", "estimated_cost", axis.estimated_cost, axis.id, "estimated_cost.", core=False)
    for excluded in strategy.excluded_causes:
        # An excluded cause has no id of its own: the cause it names is what the participant sees.
        yield Node("strategy", "excluded_cause", excluded, excluded.cause_id)

    yield Node("actors", "actor_matrix", proposal.actor_matrix, None)
    for actor in proposal.actor_matrix.actors:
        yield Node("actors", "actor", actor, actor.id)
        for relation in actor.relations:
            yield Node("actors", "actor_relation", relation, actor.id, "relations.", core=False)

    yield Node("instruments", "instrument_matrix", proposal.instrument_matrix, None)
    for instrument in proposal.instrument_matrix.instruments:
        yield Node("instruments", "instrument", instrument, instrument.id)
        if instrument.estimated_cost is not None:
            yield Node(
                "instruments", "estimated_cost", instrument.estimated_cost, instrument.id, "estimated_cost.", core=False
            )


def field_values(node: Node, field_model: FieldModel) -> Iterator[FieldValue]:
    """Yield the fields of a node that exist on the model; nested entities (ref objects) are nodes of their own."""
    for spec in field_model.fields(node.entity):
        if spec.type == "object" and spec.ref is not None:
            continue  # the four matrices and estimated costs are walked as nodes
        if not hasattr(node.obj, spec.key):
            continue  # derived fields (the actor's grid quadrant) are computed, not stored
        value = getattr(node.obj, spec.key)
        if spec.subfields:
            for sub in spec.subfields:
                sub_value = getattr(value, sub.key, None) if value is not None else None
                yield FieldValue(node, sub, f"{node.prefix}{spec.key}.{sub.key}", sub_value)
        else:
            yield FieldValue(node, spec, f"{node.prefix}{spec.key}", value)


def is_filled(value: Any, min_items: int | None = None) -> bool:
    """Return whether a value counts as filled in (text not blank, list with enough items, any number)."""
    if value is None:
        return False
    if isinstance(value, str):
        return bool(value.strip())
    if isinstance(value, list):
        return len(value) >= max(min_items or 1, 1)
    if isinstance(value, BaseModel):
        return any(is_filled(getattr(value, name)) for name in type(value).model_fields)
    if isinstance(value, bool | int | float | date):
        return True
    return bool(value)
