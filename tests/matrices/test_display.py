"""Display codes and labels (matrices/display.py): what participants read instead of internal ids and keys."""

from __future__ import annotations

import re

from matrices.catalogs import Catalogs
from matrices.display import ItemCodes, finding_record, is_chosen_code
from matrices.fieldmodel import FieldModel
from matrices.findings import Finding
from matrices.localized import LocalizedText
from matrices.proposal import Proposal
from matrices.rules import default_rulebook
from tests.conftest import with_uuid_ids
from tests.internal_words import GONE, broken, marked_places

UUID_HEX = re.compile(r"[0-9a-f]{32}")


def test_codes_from_positions_are_the_course_codes(example_es: Proposal, example_uuid_es: Proposal) -> None:
    # The example's ids are the course's codes and follow the items' places: a copy whose ids are UUIDs
    # must be shown with exactly the same codes.
    by_position = ItemCodes(example_uuid_es).codes
    chosen = ItemCodes(example_es).codes
    assert sorted(by_position.values()) == sorted(chosen.values())
    assert {"C1.2", "A03", "EJ1", "IND1.1", "EJ1.L1", "INDG1", "D1", "I01", "E1"} <= set(by_position.values())


def test_chosen_codes_are_shown_and_uuids_are_not() -> None:
    assert is_chosen_code("C1.2")
    assert is_chosen_code("IND1.1")
    assert is_chosen_code("EJ1.L2")
    assert not is_chosen_code("e078756a3fd94a6f8b1c2d3e4f5a6b7c")
    assert not is_chosen_code("deleted-actor")


def test_findings_name_items_by_code_whatever_their_ids(
    example_es: Proposal, catalogs: Catalogs, field_model: FieldModel
) -> None:
    rulebook = default_rulebook(catalogs, field_model)
    draft = broken(example_es)
    with_codes = rulebook.check(draft)
    with_uuids = rulebook.check(with_uuid_ids(draft))
    assert len(with_codes) > 15
    for lang in ("es", "en"):
        assert [f.message(lang) for f in with_uuids] == [f.message(lang) for f in with_codes]
        assert not [f.message(lang) for f in with_uuids if UUID_HEX.search(f.message(lang))]


def test_every_finding_field_has_a_label_in_both_languages(
    example_es: Proposal, catalogs: Catalogs, field_model: FieldModel
) -> None:
    draft = with_uuid_ids(broken(example_es))
    codes = ItemCodes(draft)
    findings = default_rulebook(catalogs, field_model).check(draft)
    for finding in findings:
        for lang in ("es", "en"):
            where = codes.where(field_model, finding.matrix, finding.item, finding.field, lang)
            assert not UUID_HEX.search(where), where
            if finding.field:
                label = codes.field_label(field_model, finding.matrix, finding.item, finding.field, lang)
                assert label, (finding.rule, finding.field)
                assert finding.field not in where.split(" · "), where


def test_a_missing_item_is_named_without_its_id(example_uuid_es: Proposal, field_model: FieldModel) -> None:
    codes = ItemCodes(example_uuid_es)
    missing = codes.shown("0123456789abcdef0123456789abcdef", field_model)
    assert missing.get("es") == "un elemento que ya no existe"
    assert missing.get("en") == "an item that no longer exists"
    assert codes.shown("A99", field_model).get("en") == "A99"


def test_the_json_record_keeps_ids_and_adds_code_and_label(example_uuid_es: Proposal, field_model: FieldModel) -> None:
    evidence = example_uuid_es.problem_matrix.evidence[1]
    finding = Finding(
        rule="D02",
        severity="warning",
        matrix="problem",
        item=evidence.id,
        field="cutoff_date",
        text=LocalizedText.plain("x"),
    )
    record = finding_record(finding, ItemCodes(example_uuid_es), field_model, "es")
    assert record["item"] == evidence.id
    assert record["field"] == "cutoff_date"
    assert record["code"] == "D2"
    assert record["label"] == "Fecha de corte"


def test_every_place_a_comment_may_point_at_has_a_label(
    example_uuid_es: Proposal, catalogs: Catalogs, field_model: FieldModel
) -> None:
    # Each field the Word export marks (an excluded cause's justification, a relation's type among them), and the
    # same field of an item that was deleted: named by its label, or not at all, never by its key.
    codes = ItemCodes(example_uuid_es)
    for matrix, item, key in marked_places(example_uuid_es, catalogs, field_model):
        if key is None:
            continue
        label = codes.field_label(field_model, matrix or "general", item, key, "es")
        assert label, (matrix, item, key)
        gone = codes.field_label(field_model, matrix or "general", GONE, key, "en")
        assert key not in gone.split(" › ")
    cause = example_uuid_es.problem_matrix.causes[0].id
    actor = example_uuid_es.actor_matrix.actors[0].id
    assert codes.field_label(field_model, "strategy", cause, "justification", "es") == "Justificación"
    assert codes.field_label(field_model, "actors", actor, "relations.type", "en") == (
        "Relations with other actors › Relationship type"
    )
    # A deleted item: its field is named when the matrix's items agree on it, left out when they do not.
    assert codes.field_label(field_model, "problem", GONE, "cutoff_date", "es") == "Fecha de corte"
    assert codes.field_label(field_model, "strategy", GONE, "name", "es") == ""  # an axis's or an indicator's?


def test_a_link_to_a_missing_item_shows_a_code_a_person_chose_never_a_uuid(example_uuid_es: Proposal) -> None:
    codes = ItemCodes(example_uuid_es)
    first = example_uuid_es.actor_matrix.actors[0].id
    assert codes.reference(first, "es") == "A01"
    assert codes.reference("A99", "es") == "A99 (no encontrado)"
    assert codes.reference(GONE, "es") == "(elemento eliminado)"
    assert codes.reference(GONE, "en") == "(deleted item)"
