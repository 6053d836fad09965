"""A generic walk of a proposal along the field model: every item with its entity, matrix and fields."""

from __future__ import annotations

from collections import Counter
from collections.abc import Iterator, Sequence
from dataclasses import dataclass
from datetime import date
from typing import Any

from pydantic import BaseModel

from matrices.edits import Locator, Step
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
    locator: Locator = ()
    """Where the object is in the proposal (matrices/edits.py): items by id, as the editor's views address them;
    by position when an id is shared (rule G03) and for entries without an id (relations, excluded causes)."""


@dataclass(frozen=True)
class FieldValue:
    """A field of a node, flattened: object fields with subfields are expanded into `parent.sub` keys."""

    node: Node
    spec: FieldSpec
    key: str
    value: Any


def _steps(items: Sequence[Any]) -> Iterator[tuple[Step, Any]]:
    """Yield each item with its locator step: its id (what the views follow), or its position if the id is shared."""
    counts = Counter(item.id for item in items)
    for position, item in enumerate(items):
        yield (("id", item.id) if counts[item.id] == 1 else ("index", position)), item


def nodes(proposal: Proposal) -> Iterator[Node]:
    """Yield every object of the proposal that the field model describes, matrix by matrix."""
    yield Node("general", "proposal", proposal, None)

    problem = proposal.problem_matrix
    at: Locator = ("problem_matrix",)
    yield Node("problem", "problem_matrix", problem, None, locator=at)
    for step, evidence in _steps(problem.evidence):
        yield Node("problem", "evidence", evidence, evidence.id, locator=(*at, "evidence", step))
    for step, cause in _steps(problem.causes):
        yield Node("problem", "cause", cause, cause.id, locator=(*at, "causes", step))
    for step, effect in _steps(problem.effects):
        yield Node("problem", "effect", effect, effect.id, locator=(*at, "effects", step))

    strategy = proposal.strategy_matrix
    at = ("strategy_matrix",)
    yield Node("strategy", "strategy_matrix", strategy, None, locator=at)
    for step, end in _steps(strategy.ends):
        yield Node("strategy", "end", end, end.id, locator=(*at, "ends", step))
    for step, indicator in _steps(strategy.general_indicators):
        yield Node("strategy", "indicator", indicator, indicator.id, locator=(*at, "general_indicators", step))
    for step, axis in _steps(strategy.axes):
        axis_at: Locator = (*at, "axes", step)
        yield Node("strategy", "axis", axis, axis.id, locator=axis_at)
        for inner, line in _steps(axis.lines_of_action):
            yield Node("strategy", "line_of_action", line, line.id, locator=(*axis_at, "lines_of_action", inner))
        for inner, indicator in _steps(axis.indicators):
            yield Node("strategy", "indicator", indicator, indicator.id, locator=(*axis_at, "indicators", inner))
        if axis.estimated_cost is not None:
            cost_at = (*axis_at, "estimated_cost")
            yield Node("strategy", "estimated_cost", axis.estimated_cost, axis.id, "estimated_cost.", False, cost_at)
    for n, excluded in enumerate(strategy.excluded_causes):
        # An excluded cause has no id of its own: the cause it names is what the participant sees.
        excluded_at: Locator = (*at, "excluded_causes", ("index", n))
        yield Node("strategy", "excluded_cause", excluded, excluded.cause_id, locator=excluded_at)

    at = ("actor_matrix",)
    yield Node("actors", "actor_matrix", proposal.actor_matrix, None, locator=at)
    for step, actor in _steps(proposal.actor_matrix.actors):
        actor_at: Locator = (*at, "actors", step)
        yield Node("actors", "actor", actor, actor.id, locator=actor_at)
        for k, relation in enumerate(actor.relations):
            relation_at: Locator = (*actor_at, "relations", ("index", k))
            yield Node("actors", "actor_relation", relation, actor.id, "relations.", False, relation_at)

    at = ("instrument_matrix",)
    yield Node("instruments", "instrument_matrix", proposal.instrument_matrix, None, locator=at)
    for step, instrument in _steps(proposal.instrument_matrix.instruments):
        instrument_at: Locator = (*at, "instruments", step)
        yield Node("instruments", "instrument", instrument, instrument.id, locator=instrument_at)
        if instrument.estimated_cost is not None:
            cost_at = (*instrument_at, "estimated_cost")
            yield Node(
                "instruments",
                "estimated_cost",
                instrument.estimated_cost,
                instrument.id,
                "estimated_cost.",
                False,
                cost_at,
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
