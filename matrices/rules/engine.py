"""How rules run: a context with the proposal and the reference data, and a registry of rule functions."""

from __future__ import annotations

from collections.abc import Callable, Iterable
from dataclasses import dataclass
from functools import cached_property

from matrices.catalogs import Catalogs
from matrices.display import ItemCodes
from matrices.fieldmodel import FieldModel
from matrices.findings import SEVERITY_ORDER, Finding, Severity
from matrices.localized import LocalizedText
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

    def code(self, item_id: str) -> LocalizedText:
        """Return how a message names an item (C1.2, A03), never its internal id."""
        return self.codes.shown(item_id, self.field_model)

    def label(self, entity: str, key: str) -> LocalizedText:
        """Return the course's label of a field (its key when the field model has no such field)."""
        try:
            return self.field_model.field(entity, key).label_text or LocalizedText.plain(key)
        except KeyError:
            return LocalizedText.plain(key)

    def detail(self, key: str, **values: object) -> LocalizedText:
        """Return a detail of a message, from its template in texts.json (keyed by rule id) filled with values."""
        return self.field_model.text(key).format(**values)

    def finding(
        self,
        rule_id: str,
        matrix: MatrixKey,
        item: str | None = None,
        field: str | None = None,
        detail: LocalizedText | str | None = None,
    ) -> Finding:
        """Build a finding of rule_id; the course's message is completed with an optional detail.

        A plain string detail reads the same in every language (a code, a figure, a quoted word).
        """
        rule = self.field_model.rules[rule_id]
        text = rule.message
        if detail:
            text = self.field_model.text("finding.detailed").format(message=rule.message, detail=detail)
        return Finding(
            rule=rule_id, severity=_severity(rule.severity), matrix=matrix, item=item, field=field, text=text
        )


def _severity(value: str) -> Severity:
    for severity in SEVERITY_ORDER:
        if severity == value:
            return severity
    raise ValueError(f"unknown severity {value!r} in the field model")


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
