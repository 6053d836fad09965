"""Rules S01–S13 of the strategic-axes matrix, each made to fire and kept quiet from the bundled example."""

from __future__ import annotations

import pytest

from matrices.catalogs import Catalogs
from matrices.examples import load_example
from matrices.fieldmodel import FieldModel
from matrices.findings import Finding
from matrices.problem import Cause
from matrices.proposal import Proposal
from matrices.rules import strategy
from matrices.rules.engine import Rulebook
from matrices.strategy import Axis, ExcludedCause, Indicator

EXPECTED_S08 = ["INDG1", "INDG2", "IND1.1", "IND2.1", "IND3.1", "IND3.2"]


@pytest.fixture(scope="module")
def book(catalogs: Catalogs, field_model: FieldModel) -> Rulebook:
    return Rulebook(catalogs, field_model, strategy.RULES)


@pytest.fixture
def proposal(example_es: Proposal) -> Proposal:
    return example_es.model_copy(deep=True)


def run(book: Rulebook, proposal: Proposal, rule: str) -> list[Finding]:
    return [finding for finding in book.check(proposal) if finding.rule == rule]


def where(findings: list[Finding]) -> list[tuple[str, str, str | None, str | None]]:
    return [(f.severity, f.matrix, f.item, f.field) for f in findings]


def axis(proposal: Proposal, axis_id: str) -> Axis:
    return next(a for a in proposal.strategy_matrix.axes if a.id == axis_id)


def indicator(proposal: Proposal, indicator_id: str) -> Indicator:
    for ind in proposal.strategy_matrix.general_indicators:
        if ind.id == indicator_id:
            return ind
    return next(i for a in proposal.strategy_matrix.axes for i in a.indicators if i.id == indicator_id)


# --- the examples -------------------------------------------------------------------------------------------------


def test_registry_covers_s01_to_s13() -> None:
    assert sorted(strategy.RULES) == [f"S{n:02d}" for n in range(1, 14)]


@pytest.mark.parametrize("lang", ["es", "en"])
@pytest.mark.parametrize("rule", sorted(strategy.RULES))
def test_examples_give_the_expected_result_per_rule(book: Rulebook, lang: str, rule: str) -> None:
    found = run(book, load_example(lang), rule)  # type: ignore[arg-type]
    expected = [("warning", "strategy", item, "baseline") for item in EXPECTED_S08] if rule == "S08" else []
    assert where(found) == expected


@pytest.mark.parametrize("lang", ["es", "en"])
def test_examples_give_exactly_six_s08_warnings(book: Rulebook, lang: str) -> None:
    found = book.check(load_example(lang))  # type: ignore[arg-type]
    assert [(f.rule, f.item) for f in found] == [("S08", item) for item in EXPECTED_S08]
    message = "Línea de base por levantar" if lang == "es" else "Baseline to be collected"
    assert all(f.message(lang).startswith(message) for f in found)  # type: ignore[arg-type]
    assert found[0].message("es").endswith("(INDG1)")


# --- S01 ----------------------------------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Reducir la exposición de las personas migrantes", True),
        ("Fortalecer la cooperación binacional", True),
        ("«Garantizar» la protección", True),
        ("  Reducir", True),
        ("Reducción de la exposición", False),
        ("La reducción de la exposición", False),
        ("A 2025, reducir la exposición", False),
        ("2025: reducir la exposición", False),
        ("Protección de la niñez migrante", False),
    ],
)
def test_s01_spanish_heuristic(text: str, expected: bool) -> None:
    assert strategy.starts_with_infinitive(text, "es") is expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Reduce the exposure of migrants", True),
        ("To reduce the exposure of migrants", True),
        ("Strengthen binational cooperation", True),
        ("Implement a referral protocol", True),
        ("Bring order to the flow", True),
        ("The reduction of exposure", False),
        ("Reduction of the exposure", False),
        ("Strengthening of cooperation", False),
        ("Improvement of services", False),
        ("Awareness of risks", False),
        ("Capacity of the State", False),
        ("By 2025, reduce the exposure", False),
        ("To", False),
        ("Our goal is to reduce", False),
    ],
)
def test_s01_english_heuristic(text: str, expected: bool) -> None:
    assert strategy.starts_with_infinitive(text, "en") is expected


def test_s01_fires_on_a_spanish_noun_phrase(book: Rulebook, proposal: Proposal) -> None:
    proposal.strategy_matrix.general_objective = "Reducción de la exposición de las personas migrantes en Darién."
    found = run(book, proposal, "S01")
    assert where(found) == [("warning", "strategy", None, "general_objective")]
    assert found[0].message("es").endswith("(«Reducción»)")


def test_s01_fires_on_an_english_noun_phrase(book: Rulebook, example_en: Proposal) -> None:
    proposal = example_en.model_copy(deep=True)
    proposal.strategy_matrix.general_objective = "Reduction of the exposure of migrants in transit through Darien."
    assert where(run(book, proposal, "S01")) == [("warning", "strategy", None, "general_objective")]


def test_s01_uses_the_proposal_language(book: Rulebook, example_en: Proposal) -> None:
    # "Reduce" is an English infinitive but fails the Spanish -ar/-er/-ir test, so the language decides.
    proposal = example_en.model_copy(deep=True)
    assert run(book, proposal, "S01") == []
    proposal.language = "es"
    assert where(run(book, proposal, "S01")) == [("warning", "strategy", None, "general_objective")]


def test_s01_quiet_on_an_empty_objective(book: Rulebook, proposal: Proposal) -> None:
    proposal.strategy_matrix.general_objective = "   "
    assert run(book, proposal, "S01") == []


# --- S02 ----------------------------------------------------------------------------------------------------------


def test_s02_fires_on_an_axis_without_causes(book: Rulebook, proposal: Proposal) -> None:
    axis(proposal, "EJ2").addressed_cause_ids = []
    found = run(book, proposal, "S02")
    assert where(found) == [("error", "strategy", "EJ2", "addressed_cause_ids")]


def test_s02_quiet_with_one_cause(book: Rulebook, proposal: Proposal) -> None:
    axis(proposal, "EJ2").addressed_cause_ids = ["C2.3"]
    assert run(book, proposal, "S02") == []


# --- S03 ----------------------------------------------------------------------------------------------------------


def test_s03_fires_on_an_uncovered_direct_cause(book: Rulebook, proposal: Proposal) -> None:
    axis(proposal, "EJ1").addressed_cause_ids = ["C2.1"]
    found = run(book, proposal, "S03")
    assert where(found) == [("error", "strategy", "C1", "excluded_causes")]


def test_s03_fires_on_an_exclusion_without_justification(book: Rulebook, proposal: Proposal) -> None:
    proposal.strategy_matrix.excluded_causes[0].justification = "  "
    found = run(book, proposal, "S03")
    assert where(found) == [("error", "strategy", "C5", "justification")]


def test_s03_fires_when_c5_is_neither_covered_nor_excluded(book: Rulebook, proposal: Proposal) -> None:
    proposal.strategy_matrix.excluded_causes = []
    assert where(run(book, proposal, "S03")) == [("error", "strategy", "C5", "excluded_causes")]


def test_s03_quiet_when_covered_through_an_indirect_cause(book: Rulebook, proposal: Proposal) -> None:
    axis(proposal, "EJ1").addressed_cause_ids = ["C1.2"]
    assert run(book, proposal, "S03") == []


def test_s03_quiet_when_covered_at_any_depth(book: Rulebook, proposal: Proposal) -> None:
    proposal.problem_matrix.causes.append(
        Cause(id="C1.2.1", level="indirect", parent_id="C1.2", description="Causa más profunda.")
    )
    axis(proposal, "EJ1").addressed_cause_ids = ["C1.2.1"]
    assert run(book, proposal, "S03") == []


def test_s03_quiet_when_excluded_with_justification(book: Rulebook, proposal: Proposal) -> None:
    axis(proposal, "EJ1").addressed_cause_ids = ["C2.1"]
    proposal.strategy_matrix.excluded_causes.append(ExcludedCause(cause_id="C1", justification="Fuera de alcance."))
    assert run(book, proposal, "S03") == []


def test_s03_survives_a_cycle_in_the_tree(book: Rulebook, proposal: Proposal) -> None:
    proposal.problem_matrix.causes.append(Cause(id="X1", level="indirect", parent_id="X2"))
    proposal.problem_matrix.causes.append(Cause(id="X2", level="indirect", parent_id="X1"))
    axis(proposal, "EJ1").addressed_cause_ids = ["X1"]
    assert [f.item for f in run(book, proposal, "S03")] == ["C1"]


# --- S04 ----------------------------------------------------------------------------------------------------------


@pytest.mark.parametrize(("cause_id", "axis_id"), [("C1", "EJ1"), ("C4", "EJ4")])
def test_s04_fires_on_excluding_a_governable_direct_cause(
    book: Rulebook, proposal: Proposal, cause_id: str, axis_id: str
) -> None:
    axis(proposal, axis_id).addressed_cause_ids = ["C2"]
    proposal.strategy_matrix.excluded_causes.append(ExcludedCause(cause_id=cause_id, justification="No prioritaria."))
    found = run(book, proposal, "S04")
    assert where(found) == [("warning", "strategy", cause_id, "justification")]
    assert run(book, proposal, "S03") == []


def test_s04_quiet_on_low_governability_and_on_indirect_causes(book: Rulebook, proposal: Proposal) -> None:
    # C5 (low) is excluded in the example; C1.2 is high but indirect, so it is no exclusion of a direct cause.
    proposal.strategy_matrix.excluded_causes.append(ExcludedCause(cause_id="C1.2", justification="Se omite."))
    assert run(book, proposal, "S04") == []


# --- S05 ----------------------------------------------------------------------------------------------------------


def test_s05_fires_on_an_axis_without_lines(book: Rulebook, proposal: Proposal) -> None:
    axis(proposal, "EJ3").lines_of_action = []
    assert where(run(book, proposal, "S05")) == [("error", "strategy", "EJ3", "lines_of_action")]


def test_s05_fires_on_an_axis_without_indicators(book: Rulebook, proposal: Proposal) -> None:
    axis(proposal, "EJ3").indicators = []
    assert where(run(book, proposal, "S05")) == [("error", "strategy", "EJ3", "indicators")]


@pytest.mark.parametrize("lead", [None, "A99"])
def test_s05_fires_on_a_missing_or_unknown_lead(book: Rulebook, proposal: Proposal, lead: str | None) -> None:
    axis(proposal, "EJ2").lead_actor_id = lead
    found = run(book, proposal, "S05")
    assert where(found) == [("error", "strategy", "EJ2", "lead_actor_id")]
    if lead:
        assert "A99" in found[0].message("en")


def test_s05_quiet_with_one_line_one_indicator_and_a_known_lead(book: Rulebook, proposal: Proposal) -> None:
    ej2 = axis(proposal, "EJ2")
    ej2.lines_of_action = ej2.lines_of_action[:1]
    ej2.indicators = ej2.indicators[:1]
    ej2.lead_actor_id = "A21"
    assert run(book, proposal, "S05") == []


# --- S06 ----------------------------------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("path", "value", "field"),
    [
        ("formula", None, "formula"),
        ("unit", " ", "unit"),
        ("frequency", None, "frequency"),
        ("means_of_verification", "", "means_of_verification"),
        ("target.value", None, "target"),
        ("target.year", None, "target"),
    ],
)
@pytest.mark.parametrize("indicator_id", ["INDG1", "IND2.2"])
def test_s06_fires_on_each_missing_part(
    book: Rulebook, proposal: Proposal, indicator_id: str, path: str, value: object, field: str
) -> None:
    target = indicator(proposal, indicator_id)
    *parents, name = path.split(".")
    for parent in parents:
        target = getattr(target, parent)
    setattr(target, name, value)
    assert where(run(book, proposal, "S06")) == [("error", "strategy", indicator_id, field)]


def test_s06_quiet_on_a_zero_target(book: Rulebook, proposal: Proposal) -> None:
    indicator(proposal, "IND1.2").target.value = 0
    assert run(book, proposal, "S06") == []


# --- S07 ----------------------------------------------------------------------------------------------------------


def test_s07_fires_on_a_value_without_source(book: Rulebook, proposal: Proposal) -> None:
    indicator(proposal, "IND1.2").baseline.source = None
    assert where(run(book, proposal, "S07")) == [("error", "strategy", "IND1.2", "baseline")]


def test_s07_fires_on_to_be_collected_without_year(book: Rulebook, proposal: Proposal) -> None:
    indicator(proposal, "INDG2").baseline.year = None
    assert where(run(book, proposal, "S07")) == [("error", "strategy", "INDG2", "baseline")]


def test_s07_fires_on_an_available_baseline_without_value(book: Rulebook, proposal: Proposal) -> None:
    indicator(proposal, "IND2.1").baseline.status = "available"
    assert where(run(book, proposal, "S07")) == [("error", "strategy", "IND2.1", "baseline")]


def test_s07_quiet_on_a_zero_value_with_source(book: Rulebook, proposal: Proposal) -> None:
    baseline = indicator(proposal, "IND4.1").baseline
    assert baseline.value == 0
    baseline.status = None
    assert run(book, proposal, "S07") == []


# --- S08 ----------------------------------------------------------------------------------------------------------


def test_s08_fires_on_a_new_to_be_collected_baseline(book: Rulebook, proposal: Proposal) -> None:
    indicator(proposal, "IND4.2").baseline.status = "to_be_collected"
    found = run(book, proposal, "S08")
    assert ("warning", "strategy", "IND4.2", "baseline") in where(found)
    assert len(found) == 7


def test_s08_quiet_once_the_baseline_is_available(book: Rulebook, proposal: Proposal) -> None:
    baseline = indicator(proposal, "INDG1").baseline
    baseline.status, baseline.value = "available", 12
    assert [f.item for f in run(book, proposal, "S08")] == EXPECTED_S08[1:]


# --- S09 ----------------------------------------------------------------------------------------------------------


def test_s09_fires_on_a_target_after_the_horizon(book: Rulebook, proposal: Proposal) -> None:
    indicator(proposal, "IND3.3").target.year = 2026
    found = run(book, proposal, "S09")
    assert where(found) == [("warning", "strategy", "IND3.3", "target")]
    assert "2026" in found[0].message("es")


def test_s09_fires_on_a_baseline_before_the_horizon(book: Rulebook, proposal: Proposal) -> None:
    indicator(proposal, "INDG1").baseline.year = 2019
    assert where(run(book, proposal, "S09")) == [("warning", "strategy", "INDG1", "baseline")]


def test_s09_quiet_on_the_horizon_bounds(book: Rulebook, proposal: Proposal) -> None:
    ind = indicator(proposal, "IND1.2")
    ind.baseline.year, ind.target.year = 2022, 2025
    assert run(book, proposal, "S09") == []


def test_s09_quiet_on_an_inverted_horizon(book: Rulebook, proposal: Proposal) -> None:
    proposal.horizon.start_year, proposal.horizon.end_year = 2030, 2020
    assert run(book, proposal, "S09") == []


# --- S10 ----------------------------------------------------------------------------------------------------------


def test_s10_fires_on_an_axis_without_gcm_objective(book: Rulebook, proposal: Proposal) -> None:
    axis(proposal, "EJ4").alignment.gcm_objectives = []
    assert where(run(book, proposal, "S10")) == [("error", "strategy", "EJ4", "alignment.gcm_objectives")]


def test_s10_quiet_with_one_objective(book: Rulebook, proposal: Proposal) -> None:
    axis(proposal, "EJ4").alignment.gcm_objectives = ["gcm_23"]
    assert run(book, proposal, "S10") == []


# --- S11 ----------------------------------------------------------------------------------------------------------


def _with_axis_count(proposal: Proposal, count: int) -> Proposal:
    axes = proposal.strategy_matrix.axes
    extra = [axes[0].model_copy(deep=True, update={"id": f"EJX{n}"}) for n in range(max(0, count - len(axes)))]
    proposal.strategy_matrix.axes = (axes + extra)[:count]
    return proposal


@pytest.mark.parametrize("count", [0, 1, 7])
def test_s11_fires_outside_two_to_six_axes(book: Rulebook, proposal: Proposal, count: int) -> None:
    found = run(book, _with_axis_count(proposal, count), "S11")
    assert where(found) == [("warning", "strategy", None, "axes")]


@pytest.mark.parametrize("count", [2, 6])
def test_s11_quiet_at_the_bounds(book: Rulebook, proposal: Proposal, count: int) -> None:
    assert run(book, _with_axis_count(proposal, count), "S11") == []


# --- S12 ----------------------------------------------------------------------------------------------------------


def _set_levels(proposal: Proposal, level: str) -> None:
    for ind in proposal.strategy_matrix.general_indicators:
        ind.level = level
    for ax in proposal.strategy_matrix.axes:
        for ind in ax.indicators:
            ind.level = level


def test_s12_fires_when_only_outputs_and_processes_are_measured(book: Rulebook, proposal: Proposal) -> None:
    _set_levels(proposal, "output")
    indicator(proposal, "IND4.2").level = "process"
    assert where(run(book, proposal, "S12")) == [("warning", "strategy", None, "general_indicators")]


@pytest.mark.parametrize("level", ["impact", "outcome"])
def test_s12_quiet_with_one_impact_or_outcome_indicator(book: Rulebook, proposal: Proposal, level: str) -> None:
    _set_levels(proposal, "output")
    indicator(proposal, "IND3.3").level = level
    assert run(book, proposal, "S12") == []


# --- S13 ----------------------------------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("A 2025, lograr que al menos el 60 % de las personas conozca sus derechos.", (True, True)),
        ("By 2024, have a registry used by at least 5 institutions.", (True, True)),
        ("A 2025, reducir el tráfico ilícito en Darién.", (True, False)),
        ("Atender a 10.000 personas en las estaciones.", (False, True)),
        ("Reducir el tráfico ilícito en Darién.", (False, False)),
        ("Entre 2024 y 2025, reducir el tráfico.", (True, False)),
    ],
)
def test_s13_heuristic(text: str, expected: tuple[bool, bool]) -> None:
    assert strategy.smart_gaps(text) == expected


@pytest.mark.parametrize(
    ("text", "missing"),
    [
        ("Lograr que al menos el 60 % de las personas conozca sus derechos.", "año"),
        ("A 2025, lograr que las personas conozcan sus derechos.", "magnitud"),
        ("Lograr que las personas conozcan sus derechos.", "año ni magnitud"),
    ],
)
def test_s13_fires_without_year_or_magnitude(book: Rulebook, proposal: Proposal, text: str, missing: str) -> None:
    axis(proposal, "EJ1").strategic_objective = text
    found = run(book, proposal, "S13")
    assert where(found) == [("warning", "strategy", "EJ1", "strategic_objective")]
    assert found[0].message("es").endswith(f"(EJ1: sin {missing})")


def test_s13_quiet_with_year_and_magnitude(book: Rulebook, proposal: Proposal) -> None:
    axis(proposal, "EJ1").strategic_objective = "En 2023, capacitar a 300 funcionarios de primera línea."
    assert run(book, proposal, "S13") == []
