"""How rules run: a context with the proposal and the reference data, and a registry of rule functions."""

from __future__ import annotations

from collections.abc import Callable, Iterable
from dataclasses import dataclass
from functools import cached_property

from matrices.base import Lang
from matrices.catalogs import Catalogs
from matrices.display import ItemCodes
from matrices.fieldmodel import FieldModel
from matrices.findings import SEVERITY_ORDER, Finding, Severity
from matrices.proposal import Proposal
from matrices.review import MATRIX_KEYS, MatrixKey


@dataclass(frozen=True)
class RuleContext:
    """What a rule may look at: the proposal, the catalogues and the field model (for messages and labels)."""

    proposal: Proposal
    catalogs: Catalogs
    field_model: FieldModel

    @cached_property
    def codes(self) -> ItemCodes:
        """Return the display codes of the proposal's items: messages name items as participants see them."""
        return ItemCodes(self.proposal)

    def code(self, item_id: str, lang: Lang = "es") -> str:
        """Return how a message in lang names an item (C1.2, A03), never its internal id."""
        return self.codes.shown(item_id, lang)

    def finding(
        self,
        rule_id: str,
        matrix: MatrixKey,
        item: str | None = None,
        field: str | None = None,
        detail_es: str | None = None,
        detail_en: str | None = None,
    ) -> Finding:
        """Build a finding of rule_id; the course's message is completed with an optional detail."""
        rule = self.field_model.rules[rule_id]
        detail_en = detail_en if detail_en is not None else detail_es
        return Finding(
            rule=rule_id,
            severity=_severity(rule.severity),
            matrix=matrix,
            item=item,
            field=field,
            message_es=f"{rule.message_es} ({detail_es})" if detail_es else rule.message_es,
            message_en=f"{rule.message_en} ({detail_en})" if detail_en else rule.message_en,
        )


def _severity(value: str) -> Severity:
    if value not in SEVERITY_ORDER:
        raise ValueError(f"unknown severity {value!r} in the field model")
    return value  # type: ignore[return-value]


RuleFunction = Callable[[RuleContext], Iterable[Finding]]


class Rulebook:
    """Runs every rule of the course on a proposal; the GUI, `check` and the export all call this."""

    def __init__(self, catalogs: Catalogs, field_model: FieldModel, rules: dict[str, RuleFunction]) -> None:
        unknown = set(rules) - set(field_model.rules)
        if unknown:
            raise ValueError(f"rules not in the field model: {sorted(unknown)}")
        self.catalogs = catalogs
        self.field_model = field_model
        self.rules = dict(sorted(rules.items()))

    def check(self, proposal: Proposal) -> list[Finding]:
        """Return all findings, errors first, then in matrix order and rule order."""
        context = RuleContext(proposal, self.catalogs, self.field_model)
        findings = [finding for rule in self.rules.values() for finding in rule(context)]
        matrix_order = {key: index for index, key in enumerate(MATRIX_KEYS)}
        findings.sort(key=lambda f: (SEVERITY_ORDER[f.severity], matrix_order[f.matrix], f.rule))
        return findings
