"""The delete planner keeps a proposal whole: whatever is deleted, no link is left pointing at nothing."""

from __future__ import annotations

import pytest

from matrices.actors import ActorRelation
from matrices.catalogs import Catalogs
from matrices.deletion import plan_delete
from matrices.edits import Assign, Locator, Remove, apply, resolve
from matrices.examples import load_example
from matrices.fieldmodel import FieldModel
from matrices.findings import Finding
from matrices.localized import Lang
from matrices.problem import Cause
from matrices.proposal import Proposal
from matrices.references import known_ids, references
from matrices.rules import ALL_RULES
from matrices.rules.engine import Rulebook
from matrices.strategy import Indicator
from matrices.walk import nodes


def g02(proposal: Proposal, catalogs: Catalogs, field_model: FieldModel) -> set[tuple[str, str | None, str | None]]:
    findings: list[Finding] = Rulebook(catalogs, field_model, {"G02": ALL_RULES["G02"]}).check(proposal)
    return {(f.matrix, f.item, f.field) for f in findings}


def entries(proposal: Proposal) -> list[tuple[Locator, int, str]]:
    """Every entry of a list of the proposal: (list locator, index, entity)."""
    found = []
    for node in nodes(proposal):
        step = node.locator[-1] if node.locator else None
        if isinstance(step, tuple):
            items = resolve(proposal, node.locator[:-1])
            found.append((node.locator[:-1], next(n for n, item in enumerate(items) if item is node.obj), node.entity))
    return found


def deleted(proposal: Proposal, field_model: FieldModel, target: Locator, index: int) -> Proposal:
    copy = proposal.model_copy(deep=True)
    for op in plan_delete(copy, field_model, target, index).ops:
        apply(copy, op)
    return copy


def test_every_link_field_of_the_field_model_is_found_in_the_example(field_model: FieldModel) -> None:
    declared = {
        (entity, spec.key)
        for entity, specs in field_model.entities.items()
        for spec in specs
        if spec.type in ("ref", "ref_list")
    }
    proposal = load_example("es")
    found = {(link.node.entity, link.key.removeprefix(link.node.prefix)) for link in references(proposal, field_model)}
    assert found == declared


@pytest.mark.parametrize("lang", ["es", "en"])
def test_deleting_any_item_of_the_example_leaves_no_dangling_reference(
    lang: Lang, catalogs: Catalogs, field_model: FieldModel
) -> None:
    proposal = load_example(lang)
    before = g02(proposal, catalogs, field_model)
    every = entries(proposal)
    assert {entity for _, _, entity in every} >= {
        "evidence",
        "cause",
        "effect",
        "end",
        "indicator",
        "axis",
        "line_of_action",
        "excluded_cause",
        "actor",
        "actor_relation",
        "instrument",
    }
    for target, index, entity in every:
        chosen = resolve(proposal, (*target, ("index", index)))
        after = deleted(proposal, field_model, target, index)
        assert g02(after, catalogs, field_model) <= before, (entity, index)
        assert all(item is not chosen for item in resolve(after, target)), (entity, index)


def test_deleting_an_actor_clears_every_link_to_it_and_removes_relations_with_it(
    example_es: Proposal, field_model: FieldModel
) -> None:
    example_es.actor_matrix.actors[2].relations.append(ActorRelation(actor_id="A01", type="collaboration"))
    relations = len(example_es.actor_matrix.actors[2].relations)
    plan = plan_delete(example_es, field_model, ("actor_matrix", "actors"), 0)
    assert plan.removed[0].item == "A01"
    holders = {(link.node.item, link.key) for link in plan.unlinked}
    assert ("EJ1", "lead_actor_id") in holders
    assert ("EJ2", "co_responsible_actor_ids") in holders
    assert ("I01", "responsible_actor_id") in holders
    assert ("A03", "relations.actor_id") in holders
    after = deleted(example_es, field_model, ("actor_matrix", "actors"), 0)
    assert after.strategy_matrix.axes[0].lead_actor_id is None
    assert "A01" not in after.strategy_matrix.axes[1].co_responsible_actor_ids
    assert len(after.actor_matrix.actors[1].relations) == relations - 1  # A03 is now second
    assert "A01" not in known_ids(after)["actor"]


def test_deleting_an_axis_takes_its_lines_and_indicators_and_clears_the_instruments_links(
    example_es: Proposal, field_model: FieldModel
) -> None:
    axis = example_es.strategy_matrix.axes[0]
    inner = {line.id for line in axis.lines_of_action} | {indicator.id for indicator in axis.indicators}
    plan = plan_delete(example_es, field_model, ("strategy_matrix", "axes"), 0)
    assert {node.item for node in plan.removed} == {axis.id} | inner
    assert not plan.below, "lines and indicators are part of the axis, not sub-axes"
    after = deleted(example_es, field_model, ("strategy_matrix", "axes"), 0)
    for instrument in after.instrument_matrix.instruments:
        assert instrument.axis_id != axis.id
        assert instrument.line_of_action_id not in inner
        assert not set(instrument.indicator_ids) & inner
    assert all(axis.id not in actor.axis_ids for actor in after.actor_matrix.actors)


def test_deleting_a_cause_takes_its_subtree_and_the_excluded_cause_record(
    example_es: Proposal, field_model: FieldModel
) -> None:
    excluded = example_es.strategy_matrix.excluded_causes[0].cause_id
    causes = example_es.problem_matrix.causes
    index = next(n for n, cause in enumerate(causes) if cause.id == excluded)
    plan = plan_delete(example_es, field_model, ("problem_matrix", "causes"), index)
    assert Remove(("strategy_matrix", "excluded_causes"), 0) in plan.ops
    after = deleted(example_es, field_model, ("problem_matrix", "causes"), index)
    assert after.strategy_matrix.excluded_causes == []
    below = {node.item for node in plan.below}
    assert not below & {cause.id for cause in after.problem_matrix.causes}


def test_a_cycle_of_parents_is_deleted_whole_without_recursion(field_model: FieldModel) -> None:
    proposal = Proposal()
    depth = 5000  # far beyond Python's recursion limit
    proposal.problem_matrix.causes = [
        Cause(id=f"C{n}", parent_id=f"C{n - 1}" if n else f"C{depth - 1}") for n in range(depth)
    ]
    plan = plan_delete(proposal, field_model, ("problem_matrix", "causes"), 0)
    assert len(plan.removed) == depth
    after = deleted(proposal, field_model, ("problem_matrix", "causes"), 0)
    assert after.problem_matrix.causes == []


def test_a_duplicated_id_still_names_the_copy_that_stays(example_es: Proposal, field_model: FieldModel) -> None:
    # Rule G03 reports the duplicate; deleting one copy must not unlink the other.
    axis = example_es.strategy_matrix.axes[0]
    axis.indicators.append(Indicator(id=axis.indicators[0].id, name="copia"))
    plan = plan_delete(example_es, field_model, (*("strategy_matrix", "axes", ("index", 0)), "indicators"), 0)
    assert plan.unlinked == ()
    assert plan.ops == (Remove(("strategy_matrix", "axes", ("id", axis.id), "indicators"), 0),)


def test_a_list_of_plain_texts_is_a_bare_remove(example_es: Proposal, field_model: FieldModel) -> None:
    target: Locator = ("strategy_matrix", "axes", ("index", 0), "expected_results")
    plan = plan_delete(example_es, field_model, target, 0)
    assert plan.ops == (Remove(target, 0),)
    assert plan_delete(example_es, field_model, target, 99).ops == ()


def test_single_links_are_emptied_and_lists_lose_only_the_deleted_id(
    example_es: Proposal, field_model: FieldModel
) -> None:
    plan = plan_delete(example_es, field_model, ("actor_matrix", "actors"), 0)
    assigns = [op for op in plan.ops if isinstance(op, Assign)]
    assert Assign(("strategy_matrix", "axes", ("id", "EJ1")), "lead_actor_id", None) in assigns
    co = next(op for op in assigns if op.field == "co_responsible_actor_ids")
    original = resolve(example_es, co.locator).co_responsible_actor_ids
    assert co.value == [actor for actor in original if actor != "A01"]
    # Every edit that clears a link comes before the remove, whose index is still right when its turn comes.
    assert isinstance(plan.ops[-1], Remove)
