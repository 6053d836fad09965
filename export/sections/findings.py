"""Appendix of a draft: the findings of the automatic review that are still open."""

from __future__ import annotations

from export.context import ExportContext
from export.docx_build import Column, Row
from matrices.findings import SEVERITY_ORDER
from matrices.review import MATRIX_KEYS

_MATRIX_ORDER = {key: index for index, key in enumerate(MATRIX_KEYS)}


def wants_appendix(context: ExportContext) -> bool:
    """Return True when the document gets the appendix: a draft with findings still open."""
    return context.is_draft and bool(context.findings)


def write_findings(context: ExportContext) -> None:
    """Write the appendix table: severity, matrix, item and message, errors first."""
    writer, t, refs = context.writer, context.t, context.refs
    writer.matrix = "general"
    writer.heading(t("findings.title"), 1)
    writer.paragraph(t("findings.intro"))
    findings = sorted(
        context.findings, key=lambda f: (SEVERITY_ORDER.get(f.severity, 9), _MATRIX_ORDER.get(f.matrix, 9))
    )
    columns = (
        Column(t("findings.severity"), 1.6),
        Column(t("findings.matrix"), 2.0),
        Column(t("findings.item"), 2.4),
        Column(t("findings.message"), 7.0),
    )
    rows = []
    for finding in findings:
        where = refs.items.where(context.field_model, finding.matrix, finding.item, finding.field, context.lang)
        severity = t(f"severity.{finding.severity}")
        rows.append(
            Row(
                (
                    ((severity, "b"),) if finding.severity == "error" else severity,
                    t(f"matrix.{finding.matrix}"),
                    where or "—",
                    finding.message(context.lang),
                )
            )
        )
    writer.table(columns, rows)
