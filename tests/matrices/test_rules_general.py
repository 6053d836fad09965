"""Rules G01-G08: each fires on a targeted mutation of the example and stays quiet on the example itself."""

from __future__ import annotations

import json
from collections.abc import Callable

import pytest

from matrices.actors import ActorRelation
from matrices.catalogs import Catalogs
from matrices.examples import load_example
from matrices.fieldmodel import FieldModel, FieldSpec
from matrices.findings import Finding
from matrices.general import EstimatedCost
from matrices.proposal import Proposal
from matrices.rules import ALL_RULES, Rulebook, default_rulebook, general, problem

GENERAL_RULES = [f"G0{n}" for n in range(1, 9)]
MINE = {**general.RULES, **problem.RULES}


def run(rule_id: str, proposal: Proposal, catalogs: Catalogs, field_model: FieldModel) -> list[Finding]:
    return Rulebook(catalogs, field_model, {rule_id: ALL_RULES[rule_id]}).check(proposal)


def where(findings: list[Finding]) -> list[tuple[str, str, str, str | None, str | None]]:
    return [(f.rule, f.severity, f.matrix, f.item, f.field) for f in findings]


def test_general_rules_are_registered() -> None:
    assert set(GENERAL_RULES) <= set(ALL_RULES)
    assert set(general.RULES) == set(GENERAL_RULES)


@pytest.mark.parametrize("lang", ["es", "en"])
@pytest.mark.parametrize("rule_id", GENERAL_RULES)
def test_general_rules_are_quiet_on_both_examples(
    rule_id: str, lang: str, catalogs: Catalogs, field_model: FieldModel
) -> None:
    assert run(rule_id, load_example(lang), catalogs, field_model) == []


@pytest.mark.parametrize("lang", ["es", "en"])
def test_my_rules_find_exactly_the_expected_result_on_both_examples(
    lang: str, catalogs: Catalogs, field_model: FieldModel
) -> None:
    # docs/domain.md §5.2, restricted to the G, D and P rules.
    findings = Rulebook(catalogs, field_model, MINE).check(load_example(lang))
    assert where(findings) == [
        ("D02", "warning", "problem", "D2", "cutoff_date"),
        ("D04", "info", "problem", None, None),
        ("P06", "info", "problem", None, "causes"),
    ]
    assert not [f for f in findings if f.severity == "error"]


# --- G01 ------------------------------------------------------------------------------------------------


def _blank_title(p: Proposal) -> None:
    p.title = "  "


def _blank_institution(p: Proposal) -> None:
    p.proposing_institution = ""


def _blank_affected(p: Proposal) -> None:
    p.problem_matrix.affected_population = ""


def _blank_evidence(p: Proposal) -> None:
    p.problem_matrix.evidence[0].description = ""


def _blank_cause(p: Proposal) -> None:
    p.problem_matrix.causes[1].description = "\n"


def _blank_effect(p: Proposal) -> None:
    p.problem_matrix.effects[0].description = ""


def _blank_general_objective(p: Proposal) -> None:
    p.strategy_matrix.general_objective = ""


def _blank_end(p: Proposal) -> None:
    p.strategy_matrix.ends[0].description = ""


def _blank_axis_name(p: Proposal) -> None:
    p.strategy_matrix.axes[1].name = ""


def _blank_axis_objective(p: Proposal) -> None:
    p.strategy_matrix.axes[0].strategic_objective = ""


def _blank_line(p: Proposal) -> None:
    p.strategy_matrix.axes[0].lines_of_action[1].text = ""


def _blank_indicator(p: Proposal) -> None:
    p.strategy_matrix.general_indicators[0].name = ""


def _blank_justification(p: Proposal) -> None:
    p.strategy_matrix.excluded_causes[0].justification = ""


def _blank_actor(p: Proposal) -> None:
    p.actor_matrix.actors[2].interest_description = ""


def _blank_instrument(p: Proposal) -> None:
    p.instrument_matrix.instruments[0].description = ""


@pytest.mark.parametrize(
    ("mutate", "matrix", "item", "field", "label_es"),
    [
        (_blank_title, "general", None, "title", "Título de la propuesta"),
        (_blank_institution, "general", None, "proposing_institution", "Institución proponente"),
        (_blank_affected, "problem", None, "affected_population", "Población afectada"),
        (_blank_evidence, "problem", "D1", "description", "Descripción del dato"),
        (_blank_cause, "problem", "C1.1", "description", "Descripción de la causa"),
        (_blank_effect, "problem", "E1", "description", "Descripción del efecto"),
        (_blank_general_objective, "strategy", None, "general_objective", "Objetivo general"),
        (_blank_end, "strategy", "F1", "description", "Descripción"),
        (_blank_axis_name, "strategy", "EJ2", "name", "Nombre del eje"),
        (_blank_axis_objective, "strategy", "EJ1", "strategic_objective", "Objetivo estratégico"),
        (_blank_line, "strategy", "EJ1.L2", "text", None),
        (_blank_indicator, "strategy", "INDG1", "name", None),
        (_blank_justification, "strategy", "C5", "justification", "Justificación"),
        (_blank_actor, "actors", "A03", "interest_description", None),
        (_blank_instrument, "instruments", "I01", "description", None),
    ],
)
def test_g01_reports_a_blank_required_text_with_its_location_and_label(
    mutate: Callable[[Proposal], None],
    matrix: str,
    item: str | None,
    field: str,
    label_es: str | None,
    example_es: Proposal,
    catalogs: Catalogs,
    field_model: FieldModel,
) -> None:
    mutate(example_es)
    findings = run("G01", example_es, catalogs, field_model)
    assert where(findings) == [("G01", "error", matrix, item, field)]
    if label_es:
        assert f"({label_es})" in findings[0].message("es")


def test_g01_gives_the_english_label_in_the_english_message(
    example_en: Proposal, catalogs: Catalogs, field_model: FieldModel
) -> None:
    example_en.title = ""
    [finding] = run("G01", example_en, catalogs, field_model)
    assert finding.message("en").endswith("(Proposal title)")


def test_g01_does_not_ask_for_text_in_a_dropdown(
    example_es: Proposal, catalogs: Catalogs, field_model: FieldModel
) -> None:
    example_es.policy_area = None  # a choice from the catalogue, not a text
    [finding] = run("G01", example_es, catalogs, field_model)
    assert finding.message("es") == "Falta completar un campo obligatorio. (Área temática)"
    assert "text" not in finding.message("en").lower()


def test_g01_leaves_recommended_and_rule_owned_fields_alone(
    example_es: Proposal, catalogs: Catalogs, field_model: FieldModel
) -> None:
    example_es.territory = None  # recommended
    example_es.problem_matrix.context = None  # optional
    example_es.problem_matrix.central_problem = ""  # required, but P01 reports it
    example_es.strategy_matrix.axes[0].indicators[0].formula = ""  # required, but S06 reports it
    example_es.instrument_matrix.instruments[0].mechanism = ""  # required, but I02 reports it
    assert run("G01", example_es, catalogs, field_model) == []


def test_g01_reports_every_blank_field_of_an_empty_item(catalogs: Catalogs, field_model: FieldModel) -> None:
    proposal = Proposal.model_validate({"problem_matrix": {"causes": [{"id": "C1"}]}})
    located = {(f.matrix, f.item, f.field) for f in run("G01", proposal, catalogs, field_model)}
    assert ("problem", "C1", "description") in located
    assert ("general", None, "title") in located
    assert ("strategy", None, "general_objective") in located


@pytest.mark.parametrize(
    ("mutate", "matrix", "item", "field"),
    [
        (lambda p: setattr(p.problem_matrix.causes[0], "category", None), "problem", "C1", "category"),
        (lambda p: setattr(p.problem_matrix.causes[1], "governability", None), "problem", "C1.1", "governability"),
        (lambda p: setattr(p, "policy_area", None), "general", None, "policy_area"),
        (lambda p: setattr(p.horizon, "end_year", None), "general", None, "horizon.end_year"),
        (lambda p: setattr(p.actor_matrix.actors[2], "roles", []), "actors", "A03", "roles"),
        (lambda p: setattr(p.instrument_matrix.instruments[0], "axis_id", None), "instruments", "I01", "axis_id"),
    ],
)
def test_g01_reports_a_required_choice_left_empty(
    mutate: Callable[[Proposal], None],
    matrix: str,
    item: str | None,
    field: str,
    example_es: Proposal,
    catalogs: Catalogs,
    field_model: FieldModel,
) -> None:
    mutate(example_es)
    assert where(run("G01", example_es, catalogs, field_model)) == [("G01", "error", matrix, item, field)]


# --- G02 ------------------------------------------------------------------------------------------------


def _set(path: Callable[[Proposal], object], attribute: str, value: object) -> Callable[[Proposal], None]:
    def mutate(p: Proposal) -> None:
        setattr(path(p), attribute, value)

    return mutate


def _add_relation(p: Proposal) -> None:
    p.actor_matrix.actors[1].relations.append(ActorRelation(actor_id="A99", type="collaboration"))


@pytest.mark.parametrize(
    ("mutate", "matrix", "item", "field", "dangling"),
    [
        (_set(lambda p: p.problem_matrix.causes[1], "parent_id", "C9"), "problem", "C1.1", "parent_id", "C9"),
        (
            _set(lambda p: p.problem_matrix.causes[0], "evidence_ids", ["D3", "D9"]),
            "problem",
            "C1",
            "evidence_ids",
            "D9",
        ),
        (_set(lambda p: p.problem_matrix.effects[1], "parent_id", "E9"), "problem", "E1.1", "parent_id", "E9"),
        (_set(lambda p: p.strategy_matrix.ends[0], "effect_id", "E9"), "strategy", "F1", "effect_id", "E9"),
        (_set(lambda p: p.strategy_matrix.excluded_causes[0], "cause_id", "C9"), "strategy", "C9", "cause_id", "C9"),
        (
            _set(lambda p: p.strategy_matrix.axes[0], "addressed_cause_ids", ["C1", "C7"]),
            "strategy",
            "EJ1",
            "addressed_cause_ids",
            "C7",
        ),
        (
            _set(lambda p: p.strategy_matrix.axes[1], "co_responsible_actor_ids", ["A98"]),
            "strategy",
            "EJ2",
            "co_responsible_actor_ids",
            "A98",
        ),
        (
            _set(lambda p: p.strategy_matrix.axes[2].indicators[0], "responsible_actor_id", "A99"),
            "strategy",
            "IND3.1",
            "responsible_actor_id",
            "A99",
        ),
        (
            _set(lambda p: p.strategy_matrix.general_indicators[1], "responsible_actor_id", "A99"),
            "strategy",
            "INDG2",
            "responsible_actor_id",
            "A99",
        ),
        (_set(lambda p: p.actor_matrix.actors[0], "axis_ids", ["EJ9"]), "actors", "A01", "axis_ids", "EJ9"),
        (_add_relation, "actors", "A02", "relations.actor_id", "A99"),
        (_set(lambda p: p.instrument_matrix.instruments[0], "axis_id", "EJ9"), "instruments", "I01", "axis_id", "EJ9"),
        (
            _set(lambda p: p.instrument_matrix.instruments[0], "line_of_action_id", "EJ1.L9"),
            "instruments",
            "I01",
            "line_of_action_id",
            "EJ1.L9",
        ),
        (
            _set(lambda p: p.instrument_matrix.instruments[1], "target_actor_ids", ["A17", "A99"]),
            "instruments",
            "I02",
            "target_actor_ids",
            "A99",
        ),
        (
            _set(lambda p: p.instrument_matrix.instruments[2], "indicator_ids", ["IND9.9"]),
            "instruments",
            "I03",
            "indicator_ids",
            "IND9.9",
        ),
    ],
)
def test_g02_reports_each_dangling_reference_on_the_referring_item(
    mutate: Callable[[Proposal], None],
    matrix: str,
    item: str,
    field: str,
    dangling: str,
    example_es: Proposal,
    catalogs: Catalogs,
    field_model: FieldModel,
) -> None:
    mutate(example_es)
    findings = run("G02", example_es, catalogs, field_model)
    assert where(findings) == [("G02", "error", matrix, item, field)]
    assert f"({dangling})" in findings[0].message("en")


def test_g02_reports_one_finding_per_dangling_reference(
    example_es: Proposal, catalogs: Catalogs, field_model: FieldModel
) -> None:
    example_es.instrument_matrix.instruments[0].target_actor_ids = ["A97", "A17", "A98"]
    assert len(run("G02", example_es, catalogs, field_model)) == 2


def test_g02_does_not_confuse_kinds(example_es: Proposal, catalogs: Catalogs, field_model: FieldModel) -> None:
    # "EJ1" exists, but as an axis: an actor reference to it still dangles.
    example_es.strategy_matrix.axes[0].co_responsible_actor_ids = ["EJ1"]
    assert where(run("G02", example_es, catalogs, field_model)) == [
        ("G02", "error", "strategy", "EJ1", "co_responsible_actor_ids")
    ]


@pytest.mark.parametrize(
    ("mutate", "owner"),
    [
        (_set(lambda p: p.strategy_matrix.axes[1], "lead_actor_id", "A99"), "S05"),
        (_set(lambda p: p.instrument_matrix.instruments[1], "responsible_actor_id", "A99"), "I02"),
        (_set(lambda p: p.instrument_matrix.instruments[0], "nato", "regulation"), "I02"),
    ],
)
def test_a_gap_with_its_own_rule_is_reported_once(
    mutate: Callable[[Proposal], None], owner: str, example_es: Proposal, catalogs: Catalogs, field_model: FieldModel
) -> None:
    mutate(example_es)
    errors = [f.rule for f in default_rulebook(catalogs, field_model).check(example_es) if f.severity == "error"]
    assert errors == [owner]


def test_g02_is_quiet_when_a_reference_is_moved_to_another_existing_item(
    example_es: Proposal, catalogs: Catalogs, field_model: FieldModel
) -> None:
    example_es.instrument_matrix.instruments[0].responsible_actor_id = "A22"
    example_es.instrument_matrix.instruments[0].line_of_action_id = "EJ4.L3"  # exists (wrong axis is I09's job)
    assert run("G02", example_es, catalogs, field_model) == []


# --- G03 ------------------------------------------------------------------------------------------------


def test_g03_reports_an_id_shared_by_two_kinds_of_item(
    example_es: Proposal, catalogs: Catalogs, field_model: FieldModel
) -> None:
    example_es.actor_matrix.actors[1].id = "EJ1"
    findings = run("G03", example_es, catalogs, field_model)
    assert where(findings) == [("G03", "error", "actors", "EJ1", "id")]
    assert "(EJ1)" in findings[0].message("es")


def test_g03_reports_each_repeated_occurrence(
    example_es: Proposal, catalogs: Catalogs, field_model: FieldModel
) -> None:
    causes = example_es.problem_matrix.causes
    causes[3].id = "C1"
    causes[8].id = "C1"
    example_es.strategy_matrix.axes[0].lines_of_action[0].id = "IND1.1"
    assert where(run("G03", example_es, catalogs, field_model)) == [
        ("G03", "error", "problem", "C1", "id"),
        ("G03", "error", "problem", "C1", "id"),
        ("G03", "error", "strategy", "IND1.1", "id"),
    ]


def test_g03_ignores_the_proposal_id(example_es: Proposal, catalogs: Catalogs, field_model: FieldModel) -> None:
    example_es.id = "C1"
    assert run("G03", example_es, catalogs, field_model) == []


# --- G04 ------------------------------------------------------------------------------------------------


def _axis_cost(p: Proposal) -> None:
    p.strategy_matrix.axes[0].estimated_cost = EstimatedCost(amount=1, currency="USD", data_type="guess")


def _ex_ante_score(p: Proposal) -> None:
    assessment = p.instrument_matrix.instruments[3].ex_ante_assessment
    assert assessment is not None
    assessment.equity = 4


def _ex_ante_type(p: Proposal) -> None:
    assessment = p.instrument_matrix.instruments[3].ex_ante_assessment
    assert assessment is not None
    assessment.data_type = "made_up"


def _relation_type(p: Proposal) -> None:
    p.actor_matrix.actors[0].relations[0].type = "friendship"


def _baseline_status(p: Proposal) -> None:
    p.strategy_matrix.axes[0].indicators[0].baseline.status = "maybe"


def _target_type(p: Proposal) -> None:
    p.strategy_matrix.general_indicators[0].target.data_type = "official_ish"


@pytest.mark.parametrize(
    ("mutate", "matrix", "item", "field", "bad"),
    [
        (_set(lambda p: p, "policy_area", "tourism"), "general", None, "policy_area", "tourism"),
        (_set(lambda p: p, "status", "published"), "general", None, "status", "published"),
        (
            _set(lambda p: p.alignment, "gcm_objectives", ["gcm_09", "gcm_24"]),
            "general",
            None,
            "alignment.gcm_objectives",
            "gcm_24",
        ),
        (
            _set(lambda p: p.alignment, "sdg_targets", ["10.7", "10.77"]),
            "general",
            None,
            "alignment.sdg_targets",
            "10.77",
        ),
        (
            _set(lambda p: p, "cross_cutting_approaches", ["feminist"]),
            "general",
            None,
            "cross_cutting_approaches",
            "feminist",
        ),
        (_set(lambda p: p.problem_matrix.evidence[0], "data_type", "real"), "problem", "D1", "data_type", "real"),
        (_set(lambda p: p.problem_matrix.causes[0], "level", "root"), "problem", "C1", "level", "root"),
        (_set(lambda p: p.problem_matrix.causes[0], "governability", "3"), "problem", "C1", "governability", "3"),
        (_set(lambda p: p.problem_matrix.causes[2], "category", "misc"), "problem", "C1.2", "category", "misc"),
        (_set(lambda p: p.problem_matrix.effects[0], "severity", "extreme"), "problem", "E1", "severity", "extreme"),
        (_set(lambda p: p.strategy_matrix.axes[1], "priority", "urgent"), "strategy", "EJ2", "priority", "urgent"),
        (
            _set(lambda p: p.strategy_matrix.axes[1].alignment, "gcm_objectives", ["gcm_00"]),
            "strategy",
            "EJ2",
            "alignment.gcm_objectives",
            "gcm_00",
        ),
        (_baseline_status, "strategy", "IND1.1", "baseline.status", "maybe"),
        (_target_type, "strategy", "INDG1", "target.data_type", "official_ish"),
        (
            _set(lambda p: p.strategy_matrix.axes[0].indicators[1], "disaggregation", ["sex", "gender"]),
            "strategy",
            "IND1.2",
            "disaggregation",
            "gender",
        ),
        (_axis_cost, "strategy", "EJ1", "estimated_cost.data_type", "guess"),
        (_set(lambda p: p.actor_matrix.actors[0], "type", "ngo"), "actors", "A01", "type", "ngo"),
        (_set(lambda p: p.actor_matrix.actors[0], "roles", ["lead", "boss"]), "actors", "A01", "roles", "boss"),
        (_relation_type, "actors", "A01", "relations.type", "friendship"),
        # nato, vedung and nature share one catalogue file: the typology filter tells them apart (a wrong
        # typology in nato/vedung is I02's finding, see test_a_gap_with_its_own_rule_is_reported_once).
        (
            _set(lambda p: p.instrument_matrix.instruments[0], "vedung", "made_up"),
            "instruments",
            "I01",
            "vedung",
            "made_up",
        ),
        (
            _set(lambda p: p.instrument_matrix.instruments[0], "nature", "economic"),
            "instruments",
            "I01",
            "nature",
            "economic",
        ),
        (
            _set(lambda p: p.instrument_matrix.instruments[1], "instrument_type", "magic"),
            "instruments",
            "I02",
            "instrument_type",
            "magic",
        ),
        (_ex_ante_score, "instruments", "I04", "ex_ante_assessment.equity", "4"),
        (_ex_ante_type, "instruments", "I04", "ex_ante_assessment.data_type", "made_up"),
    ],
)
def test_g04_reports_a_value_missing_from_its_catalogue(
    mutate: Callable[[Proposal], None],
    matrix: str,
    item: str | None,
    field: str,
    bad: str,
    example_es: Proposal,
    catalogs: Catalogs,
    field_model: FieldModel,
) -> None:
    mutate(example_es)
    findings = run("G04", example_es, catalogs, field_model)
    assert where(findings) == [("G04", "error", matrix, item, field)]
    assert f": {bad})" in findings[0].message("en")


def test_g04_leaves_actor_ratings_to_a03_and_blank_values_to_other_rules(
    example_es: Proposal, catalogs: Catalogs, field_model: FieldModel
) -> None:
    actor = example_es.actor_matrix.actors[0]
    actor.interest, actor.influence, actor.position = 9, 0, -5
    example_es.policy_area = None
    example_es.problem_matrix.causes[0].category = None
    example_es.instrument_matrix.instruments[0].nature = None
    assert run("G04", example_es, catalogs, field_model) == []


def test_every_catalogue_the_field_model_names_is_shipped(catalogs: Catalogs, field_model: FieldModel) -> None:
    # G04 skips a catalogue it cannot find; this keeps that from hiding a typo in the field model.
    def refs(specs: tuple[FieldSpec, ...]) -> set[str]:
        found = set()
        for spec in specs:
            if spec.catalog:
                found.add(spec.catalog)
            found |= refs(spec.subfields)
        return found

    named = set().union(*(refs(specs) for specs in field_model.entities.values()))
    assert {ref for ref in named if ref not in catalogs} == set()


def test_field_model_filters_are_read(field_model: FieldModel) -> None:
    assert field_model.field("instrument", "nato").filter == "typology=nato"
    assert field_model.field("instrument", "vedung").filter == "typology=vedung"


# --- G05 / G06 / G07 ------------------------------------------------------------------------------------


def test_g05_requires_a_gcm_objective(example_es: Proposal, catalogs: Catalogs, field_model: FieldModel) -> None:
    example_es.alignment.gcm_objectives = []
    assert where(run("G05", example_es, catalogs, field_model)) == [
        ("G05", "error", "general", None, "alignment.gcm_objectives")
    ]


def test_g05_requires_a_known_sdg_target(example_es: Proposal, catalogs: Catalogs, field_model: FieldModel) -> None:
    example_es.alignment.sdg_targets = ["99.9"]
    assert where(run("G05", example_es, catalogs, field_model)) == [
        ("G05", "error", "general", None, "alignment.sdg_targets")
    ]


def test_g05_is_quiet_with_one_of_each(example_es: Proposal, catalogs: Catalogs, field_model: FieldModel) -> None:
    example_es.alignment.gcm_objectives = ["gcm_09"]
    example_es.alignment.sdg_targets = ["10.7"]
    assert run("G05", example_es, catalogs, field_model) == []


def test_g06_recommends_migof_and_mgi(example_es: Proposal, catalogs: Catalogs, field_model: FieldModel) -> None:
    example_es.alignment.migof = []
    example_es.alignment.mgi_domains = []
    findings = run("G06", example_es, catalogs, field_model)
    assert where(findings) == [
        ("G06", "warning", "general", None, "alignment.migof"),
        ("G06", "warning", "general", None, "alignment.mgi_domains"),
    ]


def test_g06_is_quiet_with_one_of_each(example_es: Proposal, catalogs: Catalogs, field_model: FieldModel) -> None:
    example_es.alignment.migof = ["migof_o3"]
    example_es.alignment.mgi_domains = ["mgi_6"]
    assert run("G06", example_es, catalogs, field_model) == []


def test_g07_reports_a_start_after_the_end(example_es: Proposal, catalogs: Catalogs, field_model: FieldModel) -> None:
    example_es.horizon.start_year = 2026
    findings = run("G07", example_es, catalogs, field_model)
    assert where(findings) == [("G07", "error", "general", None, "horizon.start_year")]
    assert "(2026 > 2025)" in findings[0].message("en")


@pytest.mark.parametrize(("start", "end"), [(2025, 2025), (None, 2025), (2030, None)])
def test_g07_is_quiet_on_a_one_year_or_open_horizon(
    start: int | None, end: int | None, example_es: Proposal, catalogs: Catalogs, field_model: FieldModel
) -> None:
    example_es.horizon.start_year = start
    example_es.horizon.end_year = end
    assert run("G07", example_es, catalogs, field_model) == []


# --- G08 ------------------------------------------------------------------------------------------------


@pytest.mark.parametrize("lang", ["es", "en"])
def test_g08_never_fires_on_monolingual_proposals(lang: str, catalogs: Catalogs, field_model: FieldModel) -> None:
    assert run("G08", load_example(lang), catalogs, field_model) == []
    # Not even on a Spanish proposal with no text at all: there is no English version to miss.
    assert run("G08", Proposal(language="es"), catalogs, field_model) == []


def test_the_rules_survive_an_empty_draft(catalogs: Catalogs, field_model: FieldModel) -> None:
    findings = Rulebook(catalogs, field_model, MINE).check(Proposal())
    rules = {f.rule for f in findings}
    assert {"G01", "G05", "P01", "P04", "P07", "P09"} <= rules
    assert not rules & {"G02", "G03", "G04", "G07", "G08"}


def test_findings_serialize(example_es: Proposal, catalogs: Catalogs, field_model: FieldModel) -> None:
    example_es.title = ""
    payload = [f.as_dict("en") for f in Rulebook(catalogs, field_model, MINE).check(example_es)]
    assert json.loads(json.dumps(payload))[0]["rule"] == "G01"
