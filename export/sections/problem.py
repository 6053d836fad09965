"""Matrix 1: central problem, context, affected population, evidence, causes, effects and the problem tree."""

from __future__ import annotations

from export.context import ExportContext, problem_tree_drawer
from export.docx_build import Column, Row
from export.formats import format_date, format_number
from matrices.problem import Cause, Effect, Evidence, ProblemMatrix


def _is_empty(problem: ProblemMatrix) -> bool:
    return not (
        problem.central_problem.strip()
        or (problem.context or "").strip()
        or problem.affected_population.strip()
        or problem.evidence
        or problem.causes
        or problem.effects
    )


def write_problem(context: ExportContext) -> None:
    """Write Matrix 1."""
    writer, t = context.writer, context.t
    problem = context.proposal.problem_matrix
    writer.matrix = "problem"
    writer.heading(t("problem.title"), 1, writer.anchor(None), new_page=True)
    if _is_empty(problem):
        writer.note(t("not_filled"))
        return
    for key in ("central_problem", "context", "affected_population"):
        text: str | None = getattr(problem, key)
        if key == "context" and not (text or "").strip():
            continue  # context is optional; the two others show their gap
        filled = bool((text or "").strip())
        # A comment on an empty field goes on its heading; on a filled one, on the text itself.
        writer.heading(context.field_label("problem_matrix", key), 2, () if filled else writer.anchor(None, key))
        if filled:
            writer.body_text(text, writer.anchor(None, key))
        else:
            writer.note(t("not_filled"))
    write_evidence(context, problem.evidence)
    write_causes(context, problem.causes)
    write_effects(context, problem.effects)
    writer.heading(t("problem.tree"), 2)
    if problem.central_problem.strip() or problem.causes or problem.effects:
        context.figure(problem_tree_drawer(context), t("problem.tree_caption"))
    else:
        writer.note(t("not_filled"))


def _evidence_value(context: ExportContext, evidence: Evidence) -> str:
    if evidence.value is None:
        return "—"
    return context.mark(format_number(evidence.value, context.lang), evidence.data_type)


def write_evidence(context: ExportContext, evidence: list[Evidence]) -> None:
    """Write the evidence table: value, unit, cut-off date, source, data type."""
    writer, t, refs, label = context.writer, context.t, context.refs, context.field_label
    writer.heading(label("problem_matrix", "evidence"), 2, writer.anchor(None, "evidence"))
    if not evidence:
        writer.note(t("not_filled"))
        return
    columns = (
        Column(t("code"), 1.4),
        Column(t("evidence.description"), 3.8, field="description", main=True),
        Column(label("evidence", "value"), 1.8, field="value"),
        Column(label("evidence", "unit"), 1.8, field="unit"),
        Column(label("evidence", "cutoff_date"), 1.9, field="cutoff_date"),
        Column(label("evidence", "source"), 3.4, field="source"),
        Column(label("evidence", "data_type"), 1.8, field="data_type"),
    )
    writer.table(
        columns,
        (
            Row(
                (
                    refs.code(item.id),
                    item.description,
                    _evidence_value(context, item),
                    item.unit or "",
                    format_date(item.cutoff_date, t),
                    item.source or "",
                    refs.label("enums.json#evidence_type", item.data_type),
                ),
                item=item.id,
            )
            for item in evidence
        ),
    )


def write_causes(context: ExportContext, causes: list[Cause]) -> None:
    """Write the causes in tree order with their hierarchical codes; sub-causes are indented."""
    writer, t, refs, label = context.writer, context.t, context.refs, context.field_label
    writer.heading(label("problem_matrix", "causes"), 2, writer.anchor(None, "causes"))
    if not causes:
        writer.note(t("not_filled"))
        return
    columns = (
        Column(t("code"), 1.4),
        Column(context.entity_label("cause"), 5.7, field="description", main=True, indent=True),
        Column(label("cause", "level"), 1.6, field="level"),
        Column(label("cause", "category"), 2.4, field="category"),
        Column(label("cause", "governability"), 2.6, field="governability"),
        Column(t("cause.evidence"), 1.7, field="evidence_ids"),
    )
    rows = []
    for node, code, depth in refs.tree_rows(causes):
        assert isinstance(node, Cause)
        rows.append(
            Row(
                (
                    code,
                    node.description,
                    refs.label("enums.json#cause_level", node.level),
                    refs.label("cause_categories.json", node.category),
                    refs.label("scales.json#governability", node.governability),
                    ", ".join(refs.code(evidence_id) for evidence_id in node.evidence_ids),
                ),
                item=node.id,
                depth=depth,
            )
        )
    writer.table(columns, rows)


def write_effects(context: ExportContext, effects: list[Effect]) -> None:
    """Write the effects in tree order with their hierarchical codes."""
    writer, t, refs, label = context.writer, context.t, context.refs, context.field_label
    writer.heading(label("problem_matrix", "effects"), 2, writer.anchor(None, "effects"))
    if not effects:
        writer.note(t("not_filled"))
        return
    columns = (
        Column(t("code"), 1.4),
        Column(context.entity_label("effect"), 6.0, field="description", main=True, indent=True),
        Column(label("effect", "level"), 1.6, field="level"),
        Column(label("effect", "affected"), 3.4, field="affected"),
        Column(label("effect", "severity"), 1.8, field="severity"),
    )
    rows = []
    for node, code, depth in refs.tree_rows(effects):
        assert isinstance(node, Effect)
        rows.append(
            Row(
                (
                    code,
                    node.description,
                    refs.label("enums.json#effect_level", node.level),
                    node.affected or "",
                    refs.label("scales.json#severity", node.severity),
                ),
                item=node.id,
                depth=depth,
            )
        )
    writer.table(columns, rows)
