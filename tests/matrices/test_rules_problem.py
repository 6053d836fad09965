"""Rules D01-D04 and P01-P13 on targeted mutations of the example."""

from __future__ import annotations

import json

import pytest

from matrices.catalogs import Catalogs
from matrices.examples import example_data, load_example
from matrices.fieldmodel import FieldModel
from matrices.findings import Finding
from matrices.problem import Cause, Effect, Evidence
from matrices.proposal import Proposal
from matrices.rules import ALL_RULES, Rulebook, problem

PROBLEM_RULES = [f"D0{n}" for n in range(1, 5)] + [f"P{n:02d}" for n in range(1, 14)]
LOUD_ON_EXAMPLE = {"D02", "D04", "P06"}


def run(rule_id: str, proposal: Proposal, catalogs: Catalogs, field_model: FieldModel) -> list[Finding]:
    return Rulebook(catalogs, field_model, {rule_id: ALL_RULES[rule_id]}).check(proposal)


def where(findings: list[Finding]) -> list[tuple[str, str, str, str | None, str | None]]:
    return [(f.rule, f.severity, f.matrix, f.item, f.field) for f in findings]


def test_problem_rules_are_registered() -> None:
    assert set(problem.RULES) == set(PROBLEM_RULES)
    assert set(PROBLEM_RULES) <= set(ALL_RULES)


@pytest.mark.parametrize("lang", ["es", "en"])
@pytest.mark.parametrize("rule_id", sorted(set(PROBLEM_RULES) - LOUD_ON_EXAMPLE))
def test_problem_rules_are_quiet_on_both_examples(
    rule_id: str, lang: str, catalogs: Catalogs, field_model: FieldModel
) -> None:
    assert run(rule_id, load_example(lang), catalogs, field_model) == []


# --- D01-D04 --------------------------------------------------------------------------------------------


@pytest.mark.parametrize("data_type", ["official", "estimate"])
def test_d01_requires_a_source_for_official_and_estimated_figures(
    data_type: str, example_es: Proposal, catalogs: Catalogs, field_model: FieldModel
) -> None:
    example_es.problem_matrix.evidence[0].data_type = data_type
    example_es.problem_matrix.evidence[0].source = " "
    assert where(run("D01", example_es, catalogs, field_model)) == [("D01", "error", "problem", "D1", "source")]


@pytest.mark.parametrize("data_type", ["qualitative", "illustrative", "to_be_collected", None])
def test_d01_is_quiet_for_other_data_types(
    data_type: str | None, example_es: Proposal, catalogs: Catalogs, field_model: FieldModel
) -> None:
    example_es.problem_matrix.evidence[0].data_type = data_type
    example_es.problem_matrix.evidence[0].source = None
    assert run("D01", example_es, catalogs, field_model) == []


def test_d02_fires_on_the_example_for_d2(example_es: Proposal, catalogs: Catalogs, field_model: FieldModel) -> None:
    findings = run("D02", example_es, catalogs, field_model)
    assert where(findings) == [("D02", "warning", "problem", "D2", "cutoff_date")]
    assert findings[0].message("es") == "Un dato oficial debería indicar su fecha de corte. (D2)"


def test_d02_is_quiet_once_the_date_is_given_or_the_figure_is_not_official(
    example_es: Proposal, catalogs: Catalogs, field_model: FieldModel
) -> None:
    example_es.problem_matrix.evidence[1].cutoff_date = example_es.problem_matrix.evidence[0].cutoff_date
    example_es.problem_matrix.evidence.append(Evidence(id="D5", description="x", data_type="estimate", source="y"))
    assert run("D02", example_es, catalogs, field_model) == []


def test_d03_requires_a_unit_next_to_a_value(example_es: Proposal, catalogs: Catalogs, field_model: FieldModel) -> None:
    example_es.problem_matrix.evidence[0].unit = None
    example_es.problem_matrix.evidence[2].value = 0  # zero is a value too
    assert where(run("D03", example_es, catalogs, field_model)) == [
        ("D03", "error", "problem", "D1", "unit"),
        ("D03", "error", "problem", "D3", "unit"),
    ]


def test_d03_is_quiet_without_a_value(example_es: Proposal, catalogs: Catalogs, field_model: FieldModel) -> None:
    example_es.problem_matrix.evidence[3].unit = None  # D4 has no value
    assert run("D03", example_es, catalogs, field_model) == []


@pytest.mark.parametrize("lang", ["es", "en"])
def test_d04_counts_69_illustrative_values_in_both_examples(
    lang: str, catalogs: Catalogs, field_model: FieldModel
) -> None:
    findings = run("D04", load_example(lang), catalogs, field_model)
    assert where(findings) == [("D04", "info", "problem", None, None)]
    assert findings[0].message("en").endswith("(69 value(s) marked illustrative)")
    assert findings[0].message("es").endswith("(69 valor(es) marcado(s) como ilustrativo(s))")


def test_d04_counts_every_marker_anywhere(example_es: Proposal, catalogs: Catalogs, field_model: FieldModel) -> None:
    example_es.problem_matrix.evidence[0].data_type = "illustrative"
    example_es.strategy_matrix.general_indicators[0].baseline.data_type = "illustrative"
    example_es.actor_matrix.actors[0].data_type = "estimate"  # was illustrative
    [finding] = run("D04", example_es, catalogs, field_model)
    assert "(70 value(s) marked illustrative)" in finding.message("en")


def test_d04_is_quiet_without_illustrative_values(catalogs: Catalogs, field_model: FieldModel) -> None:
    raw = json.dumps(example_data("es")).replace('"illustrative"', '"estimate"')
    proposal = Proposal.model_validate(json.loads(raw))
    assert run("D04", proposal, catalogs, field_model) == []


# --- P01-P03: the central problem -----------------------------------------------------------------------


@pytest.mark.parametrize(
    "text",
    [
        "",
        "   \n ",
        "Alta exposición de los migrantes al tráfico ilícito.\nBaja capacidad de persecución del delito.",
        "- Alta exposición al tráfico\n- Muertes en la selva",
        "Problemas: 1) exposición al tráfico ilícito; 2) muertes en la travesía; 3) saturación de albergues.",
        "Problems: (a) exposure to smuggling, (b) deaths on the crossing.",
        "• Exposición al tráfico • Muertes en la travesía",
    ],
)
def test_p01_fires_on_a_blank_or_listed_central_problem(
    text: str, example_es: Proposal, catalogs: Catalogs, field_model: FieldModel
) -> None:
    example_es.problem_matrix.central_problem = text
    assert where(run("P01", example_es, catalogs, field_model)) == [
        ("P01", "error", "problem", None, "central_problem")
    ]


@pytest.mark.parametrize(
    "text",
    [
        "Niñas y niños (incluidos los no acompañados) quedan expuestos al tráfico ilícito en Darién.",
        "Alta exposición al tráfico ilícito según la Ley No. 36 de 2013 y el artículo 2) del reglamento.",
    ],
)
def test_p01_is_quiet_on_one_stated_problem(
    text: str, example_es: Proposal, catalogs: Catalogs, field_model: FieldModel
) -> None:
    example_es.problem_matrix.central_problem = text
    assert run("P01", example_es, catalogs, field_model) == []


@pytest.mark.parametrize(
    "text",
    [
        "Falta de un protocolo de atención a migrantes en Darién.",
        "La falta de información sobre los riesgos de la ruta.",
        "AUSENCIA DE coordinación binacional.",
        "Carencia de albergues.",
        "Inexistencia de datos.",
        "Insuficiencia de personal formado.",
        "No existe un registro de casos.",
        "No hay protocolos de referencia.",
        "No se cuenta con presupuesto.",
        "«Falta de» personal.",
        "Lack of a referral protocol for migrants in Darien.",
        "The lack of data on smuggling cases.",
    ],
)
def test_p02_flags_a_problem_phrased_as_a_missing_solution(
    text: str, example_es: Proposal, catalogs: Catalogs, field_model: FieldModel
) -> None:
    example_es.problem_matrix.central_problem = text
    assert where(run("P02", example_es, catalogs, field_model)) == [
        ("P02", "warning", "problem", None, "central_problem")
    ]


@pytest.mark.parametrize(
    "text",
    [
        "Alta exposición de las personas migrantes por falta de información.",  # not at the start
        "Faltan datos confiables sobre el tráfico.",  # not one of the phrases
        "Nohay palabra así.",
        "",
    ],
)
def test_p02_is_quiet_otherwise(text: str, example_es: Proposal, catalogs: Catalogs, field_model: FieldModel) -> None:
    example_es.problem_matrix.central_problem = text
    assert run("P02", example_es, catalogs, field_model) == []


@pytest.mark.parametrize(
    "text",
    [
        "Alta exposición de las personas migrantes al tráfico ilícito. Además, faltan albergues en la ruta.",
        "Migrants are exposed to smuggling! Deaths are frequent.",
        "Alta exposición " + "muy " * 80 + "grave.",
    ],
)
def test_p03_flags_long_or_several_sentences(
    text: str, example_es: Proposal, catalogs: Catalogs, field_model: FieldModel
) -> None:
    example_es.problem_matrix.central_problem = text
    assert where(run("P03", example_es, catalogs, field_model)) == [
        ("P03", "warning", "problem", None, "central_problem")
    ]


@pytest.mark.parametrize(
    "text",
    [
        "Alta exposición al tráfico ilícito pese a la Ley No. 36 de 2013 y al plan 2020–2025.",
        "x" * 300,
        "",
    ],
)
def test_p03_is_quiet_on_one_short_sentence(
    text: str, example_es: Proposal, catalogs: Catalogs, field_model: FieldModel
) -> None:
    example_es.problem_matrix.central_problem = text
    assert run("P03", example_es, catalogs, field_model) == []


# --- P04-P08: the trees ---------------------------------------------------------------------------------


def test_p04_needs_three_causes(example_es: Proposal, catalogs: Catalogs, field_model: FieldModel) -> None:
    example_es.problem_matrix.causes = [c for c in example_es.problem_matrix.causes if c.id in ("C1", "C2")]
    findings = run("P04", example_es, catalogs, field_model)
    assert where(findings) == [("P04", "error", "problem", None, "causes")]
    assert "(2 causes, 2 direct)" in findings[0].message("en")


def test_p04_needs_two_direct_causes(example_es: Proposal, catalogs: Catalogs, field_model: FieldModel) -> None:
    example_es.problem_matrix.causes = [c for c in example_es.problem_matrix.causes if c.id.startswith("C1")]
    assert where(run("P04", example_es, catalogs, field_model)) == [("P04", "error", "problem", None, "causes")]


def test_p04_is_quiet_at_the_minimum(example_es: Proposal, catalogs: Catalogs, field_model: FieldModel) -> None:
    example_es.problem_matrix.causes = [c for c in example_es.problem_matrix.causes if c.id in ("C1", "C1.1", "C2")]
    assert run("P04", example_es, catalogs, field_model) == []


def test_p05_indirect_cause_without_parent(example_es: Proposal, catalogs: Catalogs, field_model: FieldModel) -> None:
    example_es.problem_matrix.causes[1].parent_id = None
    assert where(run("P05", example_es, catalogs, field_model)) == [("P05", "error", "problem", "C1.1", "parent_id")]


def test_p05_direct_cause_with_parent(example_es: Proposal, catalogs: Catalogs, field_model: FieldModel) -> None:
    example_es.problem_matrix.causes[3].parent_id = "C1"  # C2
    assert where(run("P05", example_es, catalogs, field_model)) == [("P05", "error", "problem", "C2", "parent_id")]


def test_p13_reports_each_parent_cycle_once_and_p05_leaves_them_to_it(
    example_es: Proposal, catalogs: Catalogs, field_model: FieldModel
) -> None:
    causes = example_es.problem_matrix.causes
    causes[1].parent_id = "C1.2"  # C1.1 -> C1.2
    causes[2].parent_id = "C1.1"  # C1.2 -> C1.1
    causes[4].parent_id = "C2.1"  # C2.1 -> itself
    assert run("P05", example_es, catalogs, field_model) == []
    findings = run("P13", example_es, catalogs, field_model)
    assert where(findings) == [
        ("P13", "error", "problem", "C1.1", "parent_id"),
        ("P13", "error", "problem", "C2.1", "parent_id"),
    ]
    # The findings name the display codes the participant sees; a cycle has no root, so it is numbered last.
    assert all(finding.message("en").startswith("No cause or effect may hang from itself") for finding in findings)
    assert findings[0].message("es").endswith("(C6, C6.1)")


def test_p13_finds_a_cycle_with_no_level_and_no_root_in_the_effects(
    example_es: Proposal, catalogs: Catalogs, field_model: FieldModel
) -> None:
    effects = example_es.problem_matrix.effects
    effects.extend(Effect(id=f"Y{n}", parent_id=f"Y{(n + 1) % 3}") for n in range(3))
    [finding] = run("P13", example_es, catalogs, field_model)
    assert (finding.item, finding.field) == ("Y0", "parent_id")
    assert run("P08", example_es, catalogs, field_model) == []


def test_p13_on_a_cycle_thousands_long_names_five_and_counts_the_rest(
    example_es: Proposal, catalogs: Catalogs, field_model: FieldModel
) -> None:
    causes = example_es.problem_matrix.causes
    size = 5000
    causes.extend(Cause(id=f"X{n}", level="indirect", parent_id=f"X{(n + 1) % size}") for n in range(size))
    causes.extend(Cause(id=f"Z{n}", level="indirect", parent_id=f"X{n}") for n in range(0, size, 7))
    [finding] = run("P13", example_es, catalogs, field_model)
    assert finding.item == "X0"
    assert finding.message("en").endswith(f"C6.1.1.1, C6.1.1.1.1 and {size - 5:,} more)")
    assert finding.message("es").endswith("(C6, C6.1, C6.1.1, C6.1.1.1, C6.1.1.1.1 y 4.995 más)")


def test_p13_is_quiet_on_a_chain_thousands_deep(
    example_es: Proposal, catalogs: Catalogs, field_model: FieldModel
) -> None:
    causes = example_es.problem_matrix.causes
    causes.extend(Cause(id=f"D{n}", level="indirect", parent_id=f"D{n - 1}" if n else "C1") for n in range(5000))
    assert run("P13", example_es, catalogs, field_model) == []
    assert run("P05", example_es, catalogs, field_model) == []


def test_p05_leaves_dangling_parents_to_g02_and_allows_deeper_levels(
    example_es: Proposal, catalogs: Catalogs, field_model: FieldModel
) -> None:
    causes = example_es.problem_matrix.causes
    causes[1].parent_id = "C9"
    causes.append(Cause(id="C2.1.1", level="indirect", parent_id="C2.1", description="x"))
    assert run("P05", example_es, catalogs, field_model) == []


def test_p06_lists_the_direct_causes_without_children(
    example_es: Proposal, catalogs: Catalogs, field_model: FieldModel
) -> None:
    findings = run("P06", example_es, catalogs, field_model)
    assert where(findings) == [("P06", "info", "problem", None, "causes")]
    assert findings[0].message("es").endswith("profundice el árbol si es posible. (C5)")
    example_es.problem_matrix.causes = [c for c in example_es.problem_matrix.causes if c.id not in ("C4.1", "C4.2")]
    assert run("P06", example_es, catalogs, field_model)[0].message("en").endswith("(C4, C5)")


def test_p06_names_five_causes_and_counts_the_rest(
    example_es: Proposal, catalogs: Catalogs, field_model: FieldModel
) -> None:
    """20,000 direct causes without children made one finding of 20,000 codes; it names five."""
    example_es.problem_matrix.causes += [Cause(id=f"Z{n}", level="direct") for n in range(20_000)]
    [finding] = run("P06", example_es, catalogs, field_model)
    assert finding.message("en").endswith("(C5, C6, C7, C8, C9 and 19,996 more)")
    assert finding.message("es").endswith("(C5, C6, C7, C8, C9 y 19.996 más)")


def test_p06_is_quiet_when_every_direct_cause_is_deepened(
    example_es: Proposal, catalogs: Catalogs, field_model: FieldModel
) -> None:
    example_es.problem_matrix.causes.append(Cause(id="C5.1", level="indirect", parent_id="C5", description="x"))
    assert run("P06", example_es, catalogs, field_model) == []


def test_p07_needs_two_direct_effects(example_es: Proposal, catalogs: Catalogs, field_model: FieldModel) -> None:
    example_es.problem_matrix.effects = [e for e in example_es.problem_matrix.effects if e.id.startswith("E1")]
    findings = run("P07", example_es, catalogs, field_model)
    assert where(findings) == [("P07", "error", "problem", None, "effects")]
    assert "(1 direct)" in findings[0].message("en")


def test_p07_is_quiet_with_two_direct_effects(
    example_es: Proposal, catalogs: Catalogs, field_model: FieldModel
) -> None:
    example_es.problem_matrix.effects = [e for e in example_es.problem_matrix.effects if e.id in ("E1", "E2")]
    assert run("P07", example_es, catalogs, field_model) == []


def test_p08_checks_the_effect_tree(example_es: Proposal, catalogs: Catalogs, field_model: FieldModel) -> None:
    effects = example_es.problem_matrix.effects
    effects[1].parent_id = None  # E1.1, indirect
    effects[2].parent_id = "E1"  # E2, direct
    assert where(run("P08", example_es, catalogs, field_model)) == [
        ("P08", "error", "problem", "E1.1", "parent_id"),
        ("P08", "error", "problem", "E2", "parent_id"),
    ]


def test_p08_is_quiet_on_a_deeper_tree(example_es: Proposal, catalogs: Catalogs, field_model: FieldModel) -> None:
    example_es.problem_matrix.effects.append(Effect(id="E1.1.1", level="indirect", parent_id="E1.1", description="x"))
    assert run("P08", example_es, catalogs, field_model) == []


# --- P09-P12 --------------------------------------------------------------------------------------------


def test_p09_needs_evidence(example_es: Proposal, catalogs: Catalogs, field_model: FieldModel) -> None:
    example_es.problem_matrix.evidence = []
    assert where(run("P09", example_es, catalogs, field_model)) == [("P09", "error", "problem", None, "evidence")]


def test_p09_is_quiet_with_one_qualitative_item(
    example_es: Proposal, catalogs: Catalogs, field_model: FieldModel
) -> None:
    example_es.problem_matrix.evidence = example_es.problem_matrix.evidence[2:3]
    assert run("P09", example_es, catalogs, field_model) == []


def test_p10_warns_without_official_evidence(example_es: Proposal, catalogs: Catalogs, field_model: FieldModel) -> None:
    example_es.problem_matrix.evidence = example_es.problem_matrix.evidence[2:]
    assert where(run("P10", example_es, catalogs, field_model)) == [("P10", "warning", "problem", None, "evidence")]


def test_p10_leaves_an_empty_list_to_p09(example_es: Proposal, catalogs: Catalogs, field_model: FieldModel) -> None:
    example_es.problem_matrix.evidence = []
    assert run("P10", example_es, catalogs, field_model) == []


def test_p11_flags_a_cause_that_repeats_the_problem(
    example_es: Proposal, catalogs: Catalogs, field_model: FieldModel
) -> None:
    central = example_es.problem_matrix.central_problem
    example_es.problem_matrix.causes[3].description = central.upper().replace("Darién".upper(), "DARIEN")
    findings = run("P11", example_es, catalogs, field_model)
    assert where(findings) == [("P11", "warning", "problem", "C2", "description")]
    assert "(C2: 100%)" in findings[0].message("en")


def test_p11_threshold_is_85_percent(example_es: Proposal, catalogs: Catalogs, field_model: FieldModel) -> None:
    example_es.problem_matrix.central_problem = "a" * 100
    example_es.problem_matrix.causes[0].description = "a" * 85 + "b" * 15  # ratio 0.85
    example_es.problem_matrix.causes[1].description = "a" * 84 + "b" * 16  # ratio 0.84
    assert where(run("P11", example_es, catalogs, field_model)) == [("P11", "warning", "problem", "C1", "description")]


def test_p12_asks_for_the_missing_approaches(example_es: Proposal, catalogs: Catalogs, field_model: FieldModel) -> None:
    example_es.cross_cutting_approaches = ["human_rights"]
    findings = run("P12", example_es, catalogs, field_model)
    assert where(findings) == [("P12", "info", "problem", None, "affected_population")]
    child, gender = (catalogs.get("cross_cutting_approaches.json").get(key) for key in ("child", "gender"))
    assert child is not None
    assert gender is not None
    assert findings[0].message("es").endswith(f"({child.label('es')}, {gender.label('es')})")
    assert findings[0].message("en").endswith(f"({child.label('en')}, {gender.label('en')})")


@pytest.mark.parametrize(
    ("population", "missing"),
    [
        ("Niñas, niños y adolescentes no acompañados en tránsito", "child"),
        ("Menores de edad en tránsito", "child"),
        ("Unaccompanied children crossing the Darien", "child"),
        ("Mujeres migrantes en tránsito", "gender"),
        ("Pregnant women on the route", "gender"),
    ],
)
def test_p12_matches_spanish_and_english_keywords(
    population: str, missing: str, example_es: Proposal, catalogs: Catalogs, field_model: FieldModel
) -> None:
    example_es.problem_matrix.affected_population = population
    example_es.cross_cutting_approaches = [a for a in example_es.cross_cutting_approaches if a != missing]
    label = catalogs.label("cross_cutting_approaches.json", missing, "en")
    [finding] = run("P12", example_es, catalogs, field_model)
    assert finding.message("en").endswith(f"({label})")


def test_p12_is_quiet_without_keywords(example_es: Proposal, catalogs: Catalogs, field_model: FieldModel) -> None:
    example_es.problem_matrix.affected_population = "Personas migrantes extrarregionales y comunidades de acogida"
    example_es.cross_cutting_approaches = []
    assert run("P12", example_es, catalogs, field_model) == []
