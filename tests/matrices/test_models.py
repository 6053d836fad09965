"""The domain model: what it accepts (incomplete drafts, dangling references) and what it refuses."""

from __future__ import annotations

import pytest
from pydantic import ValidationError

from matrices.actors import Actor, StakeholderGrid, display_name
from matrices.catalogs import Catalogs
from matrices.examples import example_data, load_example
from matrices.fieldmodel import FieldModel
from matrices.problem import Cause, Evidence, tree_codes
from matrices.proposal import Proposal
from matrices.strategy import Axis, Indicator, all_indicators


@pytest.mark.parametrize("lang", ["es", "en"])
def test_examples_load_without_losing_a_key(lang: str) -> None:
    raw = example_data(lang)
    dumped = Proposal.model_validate(raw).model_dump(mode="json")

    def contained(a: object, b: object, path: str) -> None:
        if isinstance(a, dict):
            assert isinstance(b, dict), path
            for key, value in a.items():
                assert key in b, f"{path}.{key} dropped"
                contained(value, b[key], f"{path}.{key}")
        elif isinstance(a, list):
            assert isinstance(b, list)
            assert len(a) == len(b), path
            for index, (x, y) in enumerate(zip(a, b, strict=True)):
                contained(x, y, f"{path}[{index}]")
        else:
            assert a == b, path
            assert type(a) is type(b), f"{path}: {type(a).__name__} became {type(b).__name__}"

    contained(raw, dumped, "proposal")


def test_an_empty_draft_is_a_valid_proposal() -> None:
    draft = Proposal()
    assert draft.language == "es"
    assert draft.status == "draft"
    assert draft.problem_matrix.causes == []
    assert len(draft.id) == 32


def test_a_draft_with_dangling_references_and_duplicate_ids_loads() -> None:
    draft = Proposal.model_validate(
        {
            "problem_matrix": {"causes": [{"id": "C1", "parent_id": "C9"}, {"id": "C1"}]},
            "instrument_matrix": {"instruments": [{"id": "I01", "axis_id": "EJ7", "responsible_actor_id": "A99"}]},
            "actor_matrix": {"actors": [{"id": "A01", "interest": 9, "position": -5}]},
        }
    )
    assert draft.problem_matrix.causes[0].parent_id == "C9"
    assert draft.actor_matrix.actors[0].interest == 9


@pytest.mark.parametrize(
    "patch",
    [
        {"unknown_key": 1},
        {"title": "bad \ud800 surrogate"},
        {"language": "fr"},
        {"horizon": {"start_year": 99}},
        {"problem_matrix": {"evidence": [{"value": float("nan")}]}},
        {"problem_matrix": {"evidence": [{"value": 10**30}]}},
        {"problem_matrix": {"causes": [{"id": "has space"}]}},
        {"problem_matrix": {"causes": [{"id": ""}]}},
        {"actor_matrix": {"actors": [{"interest": 10**6}]}},
    ],
)
def test_the_model_refuses_what_no_format_can_carry(patch: dict[str, object]) -> None:
    with pytest.raises(ValidationError):
        Proposal.model_validate(patch)


def test_integral_floats_become_ints_so_formats_agree() -> None:
    evidence = Evidence(value=16742.0)
    assert evidence.value == 16742
    assert isinstance(evidence.value, int)
    assert isinstance(Evidence(value=0.5).value, float)


def test_assignment_is_validated() -> None:
    cause = Cause()
    with pytest.raises(ValidationError):
        cause.id = "no spaces allowed"


def test_control_characters_pasted_from_word_are_kept_in_the_model() -> None:
    # Cleaning belongs to the export: the participant's text is stored exactly as typed.
    assert Cause(description="línea\x0botra").description == "línea\x0botra"


def test_tree_codes_follow_position_not_ids() -> None:
    causes = [
        Cause(id="x", level="direct"),
        Cause(id="y", level="direct"),
        Cause(id="z", level="indirect", parent_id="y"),
        Cause(id="w", level="indirect", parent_id="y"),
    ]
    assert tree_codes(causes, "C") == {"x": "C1", "y": "C2", "z": "C2.1", "w": "C2.2"}
    causes.insert(0, causes.pop(1))  # the participant moves y above x
    assert tree_codes(causes, "C") == {"y": "C1", "z": "C1.1", "w": "C1.2", "x": "C2"}


def test_tree_codes_survive_cycles_and_orphans() -> None:
    causes = [Cause(id="a", parent_id="b"), Cause(id="b", parent_id="a"), Cause(id="c", parent_id="gone")]
    codes = tree_codes(causes, "C")
    assert set(codes) == {"a", "b", "c"}
    assert len(set(codes.values())) == 3


@pytest.mark.parametrize(
    ("interest", "influence", "quadrant"),
    [(5, 5, "manage_closely"), (2, 4, "keep_satisfied"), (4, 3, "keep_informed"), (1, 1, "monitor"), (None, 3, None)],
)
def test_grid_quadrant(interest: int | None, influence: int | None, quadrant: str | None) -> None:
    assert StakeholderGrid().quadrant(Actor(interest=interest, influence=influence)) == quadrant


def test_example_actor_strategies_match_the_course_table() -> None:
    actors = {a.id: a for a in load_example("es").actor_matrix.actors}
    assert StakeholderGrid().quadrant(actors["A18"]) == "manage_closely"
    assert StakeholderGrid().quadrant(actors["A16"]) == "keep_satisfied"
    assert StakeholderGrid().quadrant(actors["A21"]) == "monitor"


def test_all_indicators_walks_general_then_axes() -> None:
    proposal = load_example("es")
    ids = [indicator.id for _axis, indicator in all_indicators(proposal.strategy_matrix)]
    assert ids[:2] == ["INDG1", "INDG2"]
    assert "IND1.1" in ids
    assert len(ids) == len(set(ids))
    empty = Axis(indicators=[Indicator()])
    assert [axis for axis, _ in all_indicators(Proposal().strategy_matrix)] == []
    assert empty.indicators[0].baseline.status is None


def test_catalogues_load_with_both_labels(catalogs: Catalogs) -> None:
    gcm = catalogs.get("gcm_objectives.json")
    assert len(gcm) == 23
    assert "gcm_09" in gcm
    assert gcm.label("gcm_09", "es").startswith("Reforzar")
    assert gcm.label("gcm_09", "en").startswith("Strengthen")
    assert catalogs.label("enums.json#evidence_type", "illustrative", "es") != "illustrative"
    assert catalogs.get("scales.json#position").ids() == ["-2", "-1", "0", "1", "2"]
    assert catalogs.get("actor_types.json").get("gov_national").attrs["sector"] == "public"
    assert catalogs.label("policy_areas.json", "no-such-id", "en") == "no-such-id"


def test_every_catalogue_the_field_model_names_exists(catalogs: Catalogs, field_model: FieldModel) -> None:
    def refs(specs):  # type: ignore[no-untyped-def]
        for spec in specs:
            if spec.catalog:
                yield spec.catalog
            yield from refs(spec.subfields)

    named = {ref for entity in field_model.entities.values() for ref in refs(entity)}
    assert named
    assert all(ref in catalogs for ref in named), sorted(r for r in named if r not in catalogs)


def test_field_model_has_every_rule_and_labels(field_model: FieldModel) -> None:
    assert len(field_model.rules) == 54
    title = field_model.field("proposal", "title")
    assert title.required == "yes"
    assert title.label("es") == "Título de la propuesta"
    assert title.guidance("en")
    assert field_model.weights == {"yes": 2, "recommended": 1, "conditional": 0, "no": 0}


@pytest.mark.parametrize(
    ("name", "acronym", "shown"),
    [
        ("Servicio Nacional de Migración", "SNM", "Servicio Nacional de Migración (SNM)"),
        ("Oficina de la OIM en Panamá", "OIM", "Oficina de la OIM en Panamá"),
        ("Defensoría del Pueblo", None, "Defensoría del Pueblo"),
        ("Defensoría del Pueblo", "  ", "Defensoría del Pueblo"),
        ("", "SENAFRONT", "SENAFRONT"),
        ("", None, ""),
    ],
)
def test_an_actor_is_shown_as_name_and_acronym_once(name: str, acronym: str | None, shown: str) -> None:
    assert display_name(Actor(name=name, acronym=acronym)) == shown


def test_the_grid_threshold_and_quadrants_come_from_the_course_catalogue(catalogs: Catalogs) -> None:
    assert StakeholderGrid.from_catalogs(catalogs) == StakeholderGrid()
    files = {ref: catalogs.raw(ref) for ref in catalogs.refs() if "#" not in ref}
    files["scales.json"] = {**files["scales.json"], "stakeholder_grid": {"high_threshold": 2, "quadrants": []}}
    grid = StakeholderGrid.from_catalogs(Catalogs(files))
    assert grid.threshold == 2
    assert grid.quadrant(Actor(interest=2, influence=1)) == "keep_informed"
    assert grid.quadrant(Actor(interest=1, influence=2)) == "keep_satisfied"
