"""What the rules return: a finding with its rule, severity, location and message in every language."""

from __future__ import annotations

from typing import Literal

from pydantic import BaseModel, ConfigDict

from matrices.localized import Lang, LocalizedText
from matrices.review import MatrixKey

Severity = Literal["error", "warning", "info"]
SEVERITY_ORDER: dict[Severity, int] = {"error": 0, "warning": 1, "info": 2}


class Finding(BaseModel):
    """One result of a rule, located on (matrix, item id, field)."""

    model_config = ConfigDict(frozen=True, arbitrary_types_allowed=True)

    rule: str
    severity: Severity
    matrix: MatrixKey
    item: str | None = None
    field: str | None = None
    text: LocalizedText

    def message(self, lang: Lang) -> str:
        """Return the message in the requested language."""
        return self.text.get(lang)

    def as_dict(self, lang: Lang, code: str | None = None, label: str | None = None) -> dict[str, str | None]:
        """Return the finding as the flat record printed by `check --json` (code and label: matrices/display.py)."""
        return {
            "rule": self.rule,
            "severity": self.severity,
            "matrix": self.matrix,
            "item": self.item,
            "code": code,
            "field": self.field,
            "label": label,
            "message": self.message(lang),
        }
