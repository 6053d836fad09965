"""The bundled examples give exactly the validation result the course documents (docs/domain.md §5.2)."""

from __future__ import annotations

from collections import Counter

import pytest

from matrices.catalogs import Catalogs
from matrices.completeness import completeness, ready_for_review
from matrices.examples import load_example
from matrices.fieldmodel import FieldModel
from matrices.rules import ALL_RULES, default_rulebook

EXPECTED = [
    ("D02", "warning", "D2"),
    ("S08", "warning", "INDG1"),
    ("S08", "warning", "INDG2"),
    ("S08", "warning", "IND1.1"),
    ("S08", "warning", "IND2.1"),
    ("S08", "warning", "IND3.1"),
    ("S08", "warning", "IND3.2"),
    ("D04", "info", None),
    ("P06", "info", None),
]


@pytest.mark.parametrize("lang", ["es", "en"])
def test_example_matches_the_documented_validation_result(
    lang: str, catalogs: Catalogs, field_model: FieldModel
) -> None:
    proposal = load_example(lang)
    findings = default_rulebook(catalogs, field_model).check(proposal)
    assert [(f.rule, f.severity, f.item) for f in findings] == EXPECTED
    assert Counter(f.severity for f in findings) == {"warning": 7, "info": 2}
    assert ready_for_review(findings)
    assert completeness(proposal, field_model) == {
        "general": 100,
        "problem": 100,
        "strategy": 99,
        "actors": 100,
        "instruments": 100,
    }
    d04 = next(f for f in findings if f.rule == "D04")
    assert "69" in d04.message("en")


def test_every_rule_of_the_field_model_is_implemented(field_model: FieldModel) -> None:
    assert sorted(ALL_RULES) == sorted(field_model.rules)
