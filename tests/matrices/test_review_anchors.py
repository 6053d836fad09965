"""The anchor of a field: the matrix, the stable id of the item holding it, and its key as findings name it."""

from __future__ import annotations

import pytest

from matrices.edits import Locator, index_of, move_item
from matrices.proposal import Proposal
from matrices.review import anchor_of


@pytest.mark.parametrize(
    ("locator", "field", "anchor"),
    [
        ((), "title", ("general", None, "title")),
        (("horizon",), "start_year", ("general", None, "horizon.start_year")),
        (("problem_matrix",), "central_problem", ("problem", None, "central_problem")),
        (("problem_matrix", "causes", ("id", "C1.2")), "description", ("problem", "C1.2", "description")),
        (("strategy_matrix",), "general_objective", ("strategy", None, "general_objective")),
        (
            ("strategy_matrix", "axes", ("id", "EJ1"), "estimated_cost"),
            "amount",
            ("strategy", "EJ1", "estimated_cost.amount"),
        ),
        (("strategy_matrix", "excluded_causes", ("index", 0)), "justification", ("strategy", "C5", "justification")),
        (
            ("actor_matrix", "actors", ("id", "A01"), "relations", ("index", 0)),
            "note",
            ("actors", "A01", "relations.note"),
        ),
        (("instrument_matrix", "instruments", ("id", "I01")), "name", ("instruments", "I01", "name")),
    ],
)
def test_anchor_of_a_field(example_es: Proposal, locator: Locator, field: str, anchor: tuple[object, ...]) -> None:
    assert anchor_of(example_es, locator, field) == anchor


def test_the_anchor_names_the_id_not_the_position(example_es: Proposal) -> None:
    causes = ("problem_matrix", "causes")
    before = anchor_of(example_es, (*causes, ("id", "C2.1")), "description")
    move_item(example_es, causes, index_of(example_es, causes, "C2.1"), 0)
    assert (
        anchor_of(example_es, (*causes, ("id", "C2.1")), "description") == before == ("problem", "C2.1", "description")
    )
