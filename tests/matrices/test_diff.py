"""The snapshot diff: items matched by id, fields with old and new values, reordering reported as a move only."""

from __future__ import annotations

import random

from matrices.actors import Actor, ActorRelation
from matrices.diff import AXIS_FIELD, FieldChange, ItemChange, ProposalDiff, diff_proposals, iter_changes
from matrices.general import EstimatedCost
from matrices.instruments import Instrument
from matrices.problem import Cause
from matrices.proposal import Proposal
from matrices.strategy import ExcludedCause


def edited(proposal: Proposal) -> Proposal:
    return proposal.model_copy(deep=True)


def item(diff: ProposalDiff, matrix: str, item_id: str) -> ItemChange:
    return next(change for change in diff.matrix(matrix).items if change.item_id == item_id)  # type: ignore[arg-type]


def test_identical_proposals_have_no_changes(example_es: Proposal) -> None:
    diff = diff_proposals(example_es, edited(example_es))
    assert diff.is_empty
    assert not diff.has_content_changes
    assert [m.matrix for m in diff.matrices] == ["general", "problem", "strategy", "actors", "instruments"]
    assert list(iter_changes(diff)) == []


def test_a_json_round_trip_is_not_a_change(example_es: Proposal) -> None:
    again = Proposal.model_validate_json(example_es.model_dump_json())
    assert diff_proposals(example_es, again).is_empty


def test_general_data_fields_with_dotted_keys(example_es: Proposal) -> None:
    new = edited(example_es)
    new.title = "Otro título"
    new.horizon.start_year = 2030
    new.alignment.sdg_targets = [*new.alignment.sdg_targets, "16.9"]
    new.authors = ["Ana Pérez"]
    general = diff_proposals(example_es, new).matrix("general")
    changes = {change.key: change for change in general.fields}
    assert set(changes) == {"title", "horizon.start_year", "alignment.sdg_targets", "authors"}
    assert changes["title"] == FieldChange("title", example_es.title, "Otro título")
    assert changes["horizon.start_year"].old == example_es.horizon.start_year
    assert changes["horizon.start_year"].new == 2030
    assert changes["alignment.sdg_targets"].new[-1] == "16.9"
    assert general.entity == "proposal"
    assert general.items == ()


def test_matrix_level_texts(example_es: Proposal) -> None:
    new = edited(example_es)
    new.problem_matrix.central_problem = "Nuevo problema central"
    new.strategy_matrix.general_objective = "Nuevo objetivo"
    diff = diff_proposals(example_es, new)
    assert [c.key for c in diff.matrix("problem").fields] == ["central_problem"]
    assert diff.matrix("problem").fields[0].new == "Nuevo problema central"
    assert [c.key for c in diff.matrix("strategy").fields] == ["general_objective"]
    assert diff.matrix("actors").is_empty
    assert diff.matrix("general").is_empty


def test_items_added_removed_and_changed_in_every_matrix(example_es: Proposal) -> None:
    new = edited(example_es)
    problem = new.problem_matrix
    removed_cause = problem.causes[-1]
    problem.causes = [c for c in problem.causes if c.id != removed_cause.id and c.parent_id != removed_cause.id]
    problem.causes.append(Cause(id="C9", description="Una causa nueva"))
    problem.effects[0].description = "Efecto reescrito"
    new.actor_matrix.actors.append(Actor(id="A99", name="Nuevo actor"))
    new.actor_matrix.actors[0].influence = 1
    removed_instrument = new.instrument_matrix.instruments.pop(1)
    new.instrument_matrix.instruments[0].name = "Instrumento renombrado"
    diff = diff_proposals(example_es, new)

    causes = diff.matrix("problem")
    assert item(diff, "problem", "C9").kind == "added"
    assert item(diff, "problem", "C9").label == "Una causa nueva"
    assert item(diff, "problem", removed_cause.id).kind == "removed"
    assert item(diff, "problem", removed_cause.id).label == removed_cause.description
    effect = item(diff, "problem", example_es.problem_matrix.effects[0].id)
    assert effect.kind == "changed"
    assert effect.fields == (
        FieldChange("description", example_es.problem_matrix.effects[0].description, "Efecto reescrito"),
    )
    assert {c.kind for c in causes.items} >= {"added", "removed", "changed"}

    assert item(diff, "actors", "A99").kind == "added"
    first_actor = item(diff, "actors", example_es.actor_matrix.actors[0].id)
    assert first_actor.fields == (FieldChange("influence", example_es.actor_matrix.actors[0].influence, 1),)

    assert item(diff, "instruments", removed_instrument.id).kind == "removed"
    renamed = item(diff, "instruments", example_es.instrument_matrix.instruments[0].id)
    assert renamed.kind == "changed"
    assert renamed.label == "Instrumento renombrado"
    assert diff.has_content_changes


def test_renaming_is_a_change_not_a_removal_and_an_addition(example_es: Proposal) -> None:
    new = edited(example_es)
    new.actor_matrix.actors[3].name = "Nombre nuevo"
    actors = diff_proposals(example_es, new).matrix("actors")
    assert [(c.kind, c.item_id) for c in actors.items] == [("changed", example_es.actor_matrix.actors[3].id)]
    assert actors.items[0].fields[0].key == "name"


def test_nested_objects_give_dotted_keys(example_es: Proposal) -> None:
    new = edited(example_es)
    indicator = new.strategy_matrix.axes[0].indicators[0]
    indicator.baseline.value = 12345
    indicator.target.year = 2031
    instrument = new.instrument_matrix.instruments[0]
    old_cost = example_es.instrument_matrix.instruments[0].estimated_cost
    instrument.estimated_cost = EstimatedCost(amount=250000, currency="USD")
    diff = diff_proposals(example_es, new)
    keys = {c.key: c for c in item(diff, "strategy", indicator.id).fields}
    assert set(keys) == {"baseline.value", "target.year"}
    assert keys["baseline.value"].new == 12345
    cost = {c.key: c for c in item(diff, "instruments", instrument.id).fields}
    assert cost["estimated_cost.amount"] == FieldChange(
        "estimated_cost.amount", old_cost.amount if old_cost else None, 250000
    )
    assert all(key.startswith("estimated_cost.") for key in cost)


def test_an_optional_object_added_or_dropped_shows_its_filled_subfields() -> None:
    old = Proposal(instrument_matrix={"instruments": [Instrument(id="I1", name="x")]})
    new = old.model_copy(deep=True)
    new.instrument_matrix.instruments[0].estimated_cost = EstimatedCost(amount=10)
    changes = item(diff_proposals(old, new), "instruments", "I1").fields
    assert changes == (FieldChange("estimated_cost.amount", None, 10),)
    assert item(diff_proposals(new, old), "instruments", "I1").fields == (
        FieldChange("estimated_cost.amount", 10, None),
    )
    empty = old.model_copy(deep=True)
    empty.instrument_matrix.instruments[0].estimated_cost = EstimatedCost()
    assert diff_proposals(old, empty).is_empty  # an empty cost and no cost say the same


def test_reordering_alone_is_a_move_not_a_change_of_content(example_es: Proposal) -> None:
    new = edited(example_es)
    actors = new.actor_matrix.actors
    actors.insert(0, actors.pop(4))
    diff = diff_proposals(example_es, new)
    assert not diff.has_content_changes
    assert not diff.is_empty
    moves = diff.matrix("actors").items
    # Only the actor taken out of its place moved; the others kept their order among themselves.
    assert [(c.item_id, c.kind, c.moved, c.fields) for c in moves] == [
        (example_es.actor_matrix.actors[4].id, "moved", True, ())
    ]


def test_a_moved_and_edited_item_is_changed_and_flagged_moved(example_es: Proposal) -> None:
    new = edited(example_es)
    instruments = new.instrument_matrix.instruments
    instruments.append(instruments.pop(0))
    instruments[-1].mechanism = "Otro mecanismo"
    change = item(diff_proposals(example_es, new), "instruments", example_es.instrument_matrix.instruments[0].id)
    assert change.kind == "changed"
    assert change.moved
    assert [c.key for c in change.fields] == ["mechanism"]


def test_shuffling_every_list_changes_no_content(example_es: Proposal) -> None:
    shuffle = random.Random(5).shuffle
    new = edited(example_es)
    for items in (
        new.problem_matrix.causes,
        new.problem_matrix.effects,
        new.problem_matrix.evidence,
        new.actor_matrix.actors,
        new.instrument_matrix.instruments,
        new.strategy_matrix.axes,
    ):
        shuffle(items)
    for axis in new.strategy_matrix.axes:
        shuffle(axis.indicators)
    diff = diff_proposals(example_es, new)
    assert not diff.has_content_changes
    assert all(change.kind == "moved" for _m, change, _f in iter_changes(diff) if change is not None)


def test_reordering_causes_of_different_parents_is_no_move(example_es: Proposal) -> None:
    new = edited(example_es)
    causes = new.problem_matrix.causes
    # Interleaving the flat list without changing any sibling order leaves every code as it was.
    roots = [c for c in causes if c.parent_id is None]
    children = [c for c in causes if c.parent_id is not None]
    new.problem_matrix.causes = children + roots
    assert diff_proposals(example_es, new).is_empty


def test_moving_a_sub_cause_to_another_parent_is_a_parent_change(example_es: Proposal) -> None:
    new = edited(example_es)
    child = next(c for c in new.problem_matrix.causes if c.parent_id is not None)
    other = next(c for c in new.problem_matrix.causes if c.parent_id is None and c.id != child.parent_id)
    old_parent = child.parent_id
    child.parent_id = other.id
    change = item(diff_proposals(example_es, new), "problem", child.id)
    assert change.kind == "changed"
    assert not change.moved
    assert change.fields == (FieldChange("parent_id", old_parent, other.id),)


def test_an_indicator_moved_to_another_axis_changes_its_axis_field(example_es: Proposal) -> None:
    new = edited(example_es)
    first, second = new.strategy_matrix.axes[0], new.strategy_matrix.axes[1]
    indicator = first.indicators.pop(0)
    second.indicators.append(indicator)
    diff = diff_proposals(example_es, new)
    change = item(diff, "strategy", indicator.id)
    assert change.kind == "changed"
    assert change.fields == (FieldChange(AXIS_FIELD, first.id, second.id),)
    assert diff.names[first.id] == first.name
    # The axes themselves are unchanged: their indicators are items of their own, not fields of the axis.
    assert all(c.item_id != first.id for c in diff.matrix("strategy").items)


def test_lines_of_action_and_excluded_causes(example_es: Proposal) -> None:
    new = edited(example_es)
    line = new.strategy_matrix.axes[0].lines_of_action[0]
    line.text = "Línea reescrita"
    cause_id = example_es.problem_matrix.causes[0].id
    new.strategy_matrix.excluded_causes.append(ExcludedCause(cause_id=cause_id, justification="Fuera de alcance"))
    diff = diff_proposals(example_es, new)
    assert item(diff, "strategy", line.id).fields == (
        FieldChange("text", example_es.strategy_matrix.axes[0].lines_of_action[0].text, "Línea reescrita"),
    )
    excluded = next(c for c in diff.matrix("strategy").items if c.entity == "excluded_cause" and c.item_id == cause_id)
    assert excluded.kind == "added"
    assert excluded.label == "Fuera de alcance"


def test_lists_of_objects_without_ids_are_compared_as_one_field() -> None:
    old = Proposal(actor_matrix={"actors": [Actor(id="A1", name="Uno"), Actor(id="A2", name="Dos")]})
    new = old.model_copy(deep=True)
    new.actor_matrix.actors[0].relations.append(ActorRelation(actor_id="A2", type="alliance"))
    (change,) = item(diff_proposals(old, new), "actors", "A1").fields
    assert change.key == "relations"
    assert change.old == []
    assert change.new == [{"actor_id": "A2", "type": "alliance", "note": None}]


def test_duplicate_ids_in_a_broken_draft_are_all_compared() -> None:
    old = Proposal(problem_matrix={"causes": [Cause(id="C1", description="a"), Cause(id="C1", description="b")]})
    new = old.model_copy(deep=True)
    new.problem_matrix.causes[1].description = "b2"
    (change,) = diff_proposals(old, new).matrix("problem").items
    assert change.fields == (FieldChange("description", "b", "b2"),)


def test_an_empty_proposal_against_the_example_lists_everything_as_added(example_es: Proposal) -> None:
    diff = diff_proposals(Proposal(id=example_es.id), example_es)
    added = [c for _m, c, _f in iter_changes(diff) if c is not None]
    assert {c.kind for c in added} == {"added"}
    assert len([c for c in added if c.entity == "actor"]) == len(example_es.actor_matrix.actors)
    reverse = diff_proposals(example_es, Proposal(id=example_es.id))
    assert {c.kind for m in reverse.matrices for c in m.items} == {"removed"}
