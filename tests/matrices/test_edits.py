"""Locator-based edits: what undo commands use to change a proposal."""

from __future__ import annotations

import pytest
from pydantic import ValidationError

from matrices.edits import EditError, get_value, index_of, insert_item, move_item, remove_item, resolve, set_value
from matrices.problem import Cause
from matrices.proposal import Proposal

CAUSES = ("problem_matrix", "causes")


def test_set_value_by_id_survives_reordering(example_es: Proposal) -> None:
    locator = (*CAUSES, ("id", "C2.1"))
    move_item(example_es, CAUSES, index_of(example_es, CAUSES, "C2.1"), 0)
    old = set_value(example_es, locator, "description", "Nueva descripción")
    assert example_es.problem_matrix.causes[0].description == "Nueva descripción"
    assert old.startswith("Formación")
    assert get_value(example_es, locator, "description") == "Nueva descripción"


def test_set_value_is_validated(example_es: Proposal) -> None:
    with pytest.raises(ValidationError):
        set_value(example_es, ("horizon",), "start_year", 12)
    assert example_es.horizon.start_year == 2022


def test_nested_objects_and_index_steps(example_es: Proposal) -> None:
    locator = ("strategy_matrix", "axes", ("id", "EJ2"), "indicators", ("id", "IND2.1"), "baseline")
    set_value(example_es, locator, "year", 2023)
    assert example_es.strategy_matrix.axes[1].indicators[0].baseline.year == 2023
    set_value(example_es, ("strategy_matrix", "excluded_causes", ("index", 0)), "justification", "x")
    assert example_es.strategy_matrix.excluded_causes[0].justification == "x"


def test_insert_remove_move_round_trip(example_es: Proposal) -> None:
    before = example_es.model_dump()
    insert_item(example_es, CAUSES, 3, Cause(id="NEW", description="nueva"))
    assert example_es.problem_matrix.causes[3].id == "NEW"
    removed = remove_item(example_es, CAUSES, 3)
    assert removed.id == "NEW"
    move_item(example_es, CAUSES, 0, 5)
    move_item(example_es, CAUSES, 5, 0)
    assert example_es.model_dump() == before


def test_inserting_a_wrong_type_is_refused(example_es: Proposal) -> None:
    with pytest.raises(ValidationError):
        insert_item(example_es, CAUSES, 0, {"id": "bad id"})


def test_a_deleted_target_raises_edit_error(example_es: Proposal) -> None:
    with pytest.raises(EditError):
        resolve(example_es, (*CAUSES, ("id", "C99")))
    with pytest.raises(EditError):
        remove_item(example_es, CAUSES, 99)
    with pytest.raises(EditError):
        index_of(example_es, CAUSES, "C99")
