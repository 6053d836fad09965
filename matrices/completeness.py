"""Completeness per matrix (weighted filled fields) and the 'ready for review' gate."""

from __future__ import annotations

from collections.abc import Iterable

from matrices.fieldmodel import FieldModel
from matrices.findings import Finding
from matrices.proposal import Proposal
from matrices.review import MATRIX_KEYS, MatrixKey
from matrices.walk import field_values, is_filled, nodes


def completeness(proposal: Proposal, field_model: FieldModel) -> dict[MatrixKey, int]:
    """Return, per matrix, the weighted share of required and recommended fields filled, as a 0-100 integer."""
    earned: dict[MatrixKey, int] = dict.fromkeys(MATRIX_KEYS, 0)
    possible: dict[MatrixKey, int] = dict.fromkeys(MATRIX_KEYS, 0)
    for node in nodes(proposal):
        if not node.core:
            continue  # fields of optional nested objects would make adding a cost lower the score
        for field in field_values(node, field_model):
            weight = field_model.weights.get(field.spec.required, 0)
            if not weight:
                continue
            possible[node.matrix] += weight
            if is_filled(field.value, field.spec.min_items):
                earned[node.matrix] += weight
    # Rounded down, so that 100 % is shown only when nothing is missing.
    return {key: (earned[key] * 100 // possible[key]) if possible[key] else 0 for key in MATRIX_KEYS}


def ready_for_review(findings: Iterable[Finding]) -> bool:
    """Return True when no error-level finding remains (the proposal may be submitted for review)."""
    return not any(finding.severity == "error" for finding in findings)
