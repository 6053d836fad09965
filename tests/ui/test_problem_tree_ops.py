"""The tree edits behind the Problem page, on random trees: consistent levels, preorder, and exact undo."""

from __future__ import annotations

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from PySide6.QtWidgets import QApplication

from matrices.fieldmodel import FieldModel
from matrices.problem import Cause
from matrices.proposal import Proposal
from tests.ui.helpers import MemoryDocument
from ui.pages import problem_tree_ops as ops
from ui.session import DocumentSession
from ui.writer import DocumentWriter

pytestmark = pytest.mark.gui


def preorder_ids(nodes: list[Cause]) -> list[str]:
    """Walk the tree from its roots (children in list order): a tidy list equals this walk."""
    order: list[str] = []
    stack = [node.id for node in reversed(nodes) if node.parent_id is None]
    while stack:
        current = stack.pop()
        order.append(current)
        stack.extend(node.id for node in reversed(nodes) if node.parent_id == current)
    return order


@st.composite
def cause_trees(draw: st.DrawFn) -> list[Cause]:
    depths = [0]
    for _ in range(draw(st.integers(0, 9))):
        depths.append(draw(st.integers(0, depths[-1] + 1)))
    causes: list[Cause] = []
    last_at: dict[int, str] = {}
    for number, depth in enumerate(depths):
        parent = last_at[depth - 1] if depth else None
        causes.append(Cause(id=f"N{number}", parent_id=parent, level="indirect" if parent else "direct"))
        last_at[depth] = f"N{number}"
    return causes


OPERATIONS = ("sibling", "child", "indent", "outdent", "up", "down", "delete")


@settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(tree=cause_trees(), script=st.lists(st.tuples(st.sampled_from(OPERATIONS), st.integers(0, 30)), max_size=8))
def test_random_tree_edits_stay_consistent_and_undo_exactly(
    qapp: QApplication,
    field_model: FieldModel,
    tree: list[Cause],
    script: list[tuple[str, int]],
    writer: DocumentWriter,
) -> None:
    proposal = Proposal()
    proposal.problem_matrix.causes = tree
    session = DocumentSession(MemoryDocument(), proposal, writer=writer)
    original = proposal.model_dump()
    steps = 0
    for operation, pick in script:
        nodes = proposal.problem_matrix.causes
        target = nodes[pick % len(nodes)].id if nodes else None
        new = Cause(id=f"X{steps}")
        if operation in ("sibling", "child"):
            plan = ops.plan_add("causes", nodes, target, new, child=operation == "child")
        elif target is None:
            continue
        elif operation == "indent":
            plan = ops.plan_indent("causes", nodes, target)
        elif operation == "outdent":
            plan = ops.plan_outdent("causes", nodes, target)
        elif operation in ("up", "down"):
            plan = ops.plan_move("causes", nodes, target, -1 if operation == "up" else 1)
        else:
            plan = ops.plan_delete("causes", proposal, field_model, target)
        before = [node.id for node in proposal.problem_matrix.causes]
        if ops.push_plan(session, plan, operation):
            steps += 1
        nodes = proposal.problem_matrix.causes
        assert [node.id for node in nodes] == preorder_ids(nodes), (operation, before)
        ids = {node.id for node in nodes}
        for node in nodes:
            assert node.level == ("direct" if node.parent_id is None else "indirect")
            assert node.parent_id is None or node.parent_id in ids
        if operation == "delete" and plan.ops:
            assert target not in ids
    assert session.undo_stack.count() == steps
    final = proposal.model_dump()
    for _ in range(steps):
        session.undo_stack.undo()
    assert proposal.model_dump() == original
    for _ in range(steps):
        session.undo_stack.redo()
    assert proposal.model_dump() == final


def test_indent_in_a_list_out_of_preorder_puts_the_node_last_among_the_new_siblings(
    qapp: QApplication, writer: DocumentWriter
) -> None:
    # A file edited elsewhere may list a child after an unrelated node; indenting must still end up last.
    causes = [
        Cause(id="A", level="direct"),
        Cause(id="B", level="direct"),
        Cause(id="A1", parent_id="A", level="indirect"),
    ]
    plan = ops.plan_indent("causes", causes, "B")
    proposal = Proposal()
    proposal.problem_matrix.causes = causes
    session = DocumentSession(MemoryDocument(), proposal, writer=writer)
    assert ops.push_plan(session, plan, "indent")
    assert [cause.id for cause in proposal.problem_matrix.causes] == ["A", "A1", "B"]
    assert proposal.problem_matrix.causes[2].parent_id == "A"
