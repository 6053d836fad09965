"""Completeness per matrix and the 'ready for review' gate."""

from __future__ import annotations

import json
from importlib import resources

import pytest

from matrices.catalogs import Catalogs
from matrices.completeness import completeness, ready_for_review
from matrices.examples import load_example
from matrices.fieldmodel import FieldModel
from matrices.findings import Finding
from matrices.general import EstimatedCost
from matrices.localized import LocalizedText
from matrices.proposal import Proposal
from matrices.rules import Rulebook, general, problem

EXPECTED = {"general": 100, "problem": 100, "strategy": 99, "actors": 100, "instruments": 100}


@pytest.mark.parametrize("lang", ["es", "en"])
def test_examples_match_domain_md(lang: str, field_model: FieldModel) -> None:
    assert completeness(load_example(lang), field_model) == EXPECTED


def test_the_missing_point_of_the_example_is_the_recommended_disaggregation(
    example_es: Proposal, field_model: FieldModel
) -> None:
    for axis in example_es.strategy_matrix.axes:
        for indicator in axis.indicators:
            indicator.disaggregation = indicator.disaggregation or ["sex"]
    assert completeness(example_es, field_model)["strategy"] == 100


def test_an_empty_proposal_scores_zero_in_every_matrix(field_model: FieldModel) -> None:
    scores = completeness(Proposal(), field_model)
    assert scores["problem"] == scores["strategy"] == scores["actors"] == scores["instruments"] == 0
    # The app fills id, status and both dates: 4 required fields of 16 (weights: 8 of 32).
    assert scores["general"] == 25


def test_no_weights_means_zero_not_a_division_by_zero(example_es: Proposal) -> None:
    raw = json.loads((resources.files("matrices") / "data" / "field_model.json").read_text(encoding="utf-8"))
    raw["completeness"]["weights"] = {"yes": 0, "recommended": 0, "conditional": 0, "no": 0}
    assert set(completeness(example_es, FieldModel(raw)).values()) == {0}


def test_required_fields_weigh_two_and_recommended_one(example_es: Proposal, field_model: FieldModel) -> None:
    example_es.title = ""
    assert completeness(example_es, field_model)["general"] == 30 * 100 // 32
    example_es.territory = None
    assert completeness(example_es, field_model)["general"] == 29 * 100 // 32
    example_es.alignment.migof = []  # recommended subfield of an object
    assert completeness(example_es, field_model)["general"] == 28 * 100 // 32


def test_conditional_and_optional_fields_do_not_count(example_es: Proposal, field_model: FieldModel) -> None:
    example_es.problem_matrix.context = None  # no
    example_es.problem_matrix.evidence[0].cutoff_date = None  # conditional
    example_es.problem_matrix.causes[1].evidence_ids = []  # no
    example_es.strategy_matrix.axes[0].indicators[0].baseline.source = None  # conditional subfield
    example_es.instrument_matrix.instruments[0].estimated_cost = None  # conditional
    example_es.instrument_matrix.instruments[0].ex_ante_assessment = None  # no
    assert completeness(example_es, field_model) == EXPECTED


def test_subfields_of_baseline_and_target_count(example_es: Proposal, field_model: FieldModel) -> None:
    example_es.strategy_matrix.general_indicators[0].target.year = None
    assert completeness(example_es, field_model)["strategy"] < EXPECTED["strategy"]


def test_a_list_counts_once_it_has_its_minimum(example_es: Proposal, field_model: FieldModel) -> None:
    actors = example_es.actor_matrix.actors
    example_es.actor_matrix.actors = actors[:4]
    assert completeness(example_es, field_model)["actors"] == 100
    example_es.actor_matrix.actors = actors[:3]
    assert completeness(example_es, field_model)["actors"] < 100


def test_each_item_adds_its_own_fields(example_es: Proposal, field_model: FieldModel) -> None:
    example_es.problem_matrix.causes[0].category = None
    example_es.instrument_matrix.instruments[2].mechanism = " "
    scores = completeness(example_es, field_model)
    assert scores["problem"] < 100
    assert scores["instruments"] < 100
    assert scores["general"] == scores["actors"] == 100


def test_a_partial_optional_cost_does_not_lower_the_score(example_es: Proposal, field_model: FieldModel) -> None:
    example_es.strategy_matrix.axes[0].estimated_cost = EstimatedCost(amount=1000)
    assert completeness(example_es, field_model) == EXPECTED


def test_scores_round_down_so_100_means_complete(example_es: Proposal, field_model: FieldModel) -> None:
    # One missing recommended point among hundreds still shows 99, never a rounded-up 100.
    example_es.problem_matrix.effects[0].severity = None
    assert completeness(example_es, field_model)["problem"] == 99


def _finding(severity: str) -> Finding:
    return Finding.model_validate(
        {"rule": "X", "severity": severity, "matrix": "general", "text": LocalizedText.plain("m")}
    )


def test_ready_for_review_means_no_error() -> None:
    assert ready_for_review([])
    assert ready_for_review([_finding("warning"), _finding("info")])
    assert not ready_for_review([_finding("info"), _finding("error")])


def test_the_example_is_ready_for_review_and_a_broken_one_is_not(
    example_es: Proposal, catalogs: Catalogs, field_model: FieldModel
) -> None:
    book = Rulebook(catalogs, field_model, {**general.RULES, **problem.RULES})
    assert ready_for_review(book.check(example_es))
    example_es.horizon.start_year = 2030
    assert not ready_for_review(book.check(example_es))
