"""Matrix 2: general objective, ends, indicators, each strategic axis, excluded causes and cause coverage."""

from __future__ import annotations

from collections.abc import Sequence

from export.context import ExportContext
from export.docx_build import Column, Row
from export.docx_runs import Content
from export.formats import format_money, format_number
from export.sections.general import framework_item
from export.text import clean_text
from matrices.general import AxisAlignment, EstimatedCost
from matrices.strategy import Axis, Baseline, Indicator, StrategyMatrix, Target


def _is_empty(strategy: StrategyMatrix) -> bool:
    return not (
        strategy.general_objective.strip()
        or strategy.ends
        or strategy.general_indicators
        or strategy.axes
        or strategy.excluded_causes
    )


def write_strategy(context: ExportContext) -> None:
    """Write Matrix 2."""
    writer, t, refs, label = context.writer, context.t, context.refs, context.field_label
    strategy = context.proposal.strategy_matrix
    writer.matrix = "strategy"
    writer.heading(t("strategy.title"), 1, writer.anchor(None), new_page=True)
    if _is_empty(strategy):
        writer.note(t("not_filled"))
        return
    filled = bool(strategy.general_objective.strip())
    heading = label("strategy_matrix", "general_objective")
    writer.heading(heading, 2, () if filled else writer.anchor(None, "general_objective"))
    if filled:
        writer.body_text(strategy.general_objective, writer.anchor(None, "general_objective"))
    else:
        writer.note(t("not_filled"))
    if strategy.ends:
        writer.heading(label("strategy_matrix", "ends"), 2, writer.anchor(None, "ends"))
        columns = (
            Column(t("code"), 1.4),
            Column(context.entity_label("end"), 6.0, field="description", main=True),
            Column(label("end", "effect_id"), 4.0, field="effect_id"),
        )
        writer.table(
            columns,
            (Row((refs.code(end.id), end.description, refs.ref(end.effect_id)), item=end.id) for end in strategy.ends),
        )
    if strategy.general_indicators:
        writer.heading(label("strategy_matrix", "general_indicators"), 2, writer.anchor(None, "general_indicators"))
        write_indicators(context, strategy.general_indicators)
    writer.heading(label("strategy_matrix", "axes"), 2, writer.anchor(None, "axes"))
    if not strategy.axes:
        writer.note(t("not_filled"))
    for axis in strategy.axes:
        write_axis(context, axis)
    write_excluded(context, strategy)
    write_coverage(context, strategy)


def _quantity(context: ExportContext, value: float, unit: str | None) -> str:
    number = format_number(value, context.lang)
    if not unit:
        return number
    return f"{number} %" if unit.strip() == "%" else f"{number} {unit}"


def _data_type_line(context: ExportContext, data_type: str | None, marked: bool, shown: str = "") -> str:
    """Return 'Data type: Official figure', unless the illustrative mark or the text above already says it."""
    if not data_type or (marked and data_type == "illustrative"):
        return ""
    label = context.refs.label("enums.json#evidence_type", data_type)
    if label and label in shown:
        return ""
    return f"{context.field_label('indicator', 'baseline.data_type')}: {label}"


def _field_lines(lines: list[tuple[str | None, str]]) -> Content:
    """Return (field key, line) pairs as one cell: each line after the first a piece of its own field (FieldSeg)."""
    shown = [(key, line) for key, line in lines if line]
    return [
        (f"\n{line}" if number else line, "", key) if key else (f"\n{line}" if number else line, "")
        for number, (key, line) in enumerate(shown)
    ]


def baseline_text(context: ExportContext, baseline: Baseline, unit: str | None) -> Content:
    """Return a baseline as a reader checks it: value and year (or its status), status, data type and source.

    The lines after the first are pieces of their fields (baseline.status, ...): a comment on one lands there.
    """
    year = f" ({baseline.year})" if baseline.year else ""
    status = context.refs.label("enums.json#baseline_status", baseline.status)
    lines: list[tuple[str | None, str]] = []
    if baseline.value is not None:
        lines.append((None, context.mark(_quantity(context, baseline.value, unit) + year, baseline.data_type)))
        if status:
            lines.append(("baseline.status", f"{context.field_label('indicator', 'baseline.status')}: {status}"))
    else:
        lines.append((None, f"{status}{year}" if status else year.strip(" ()")))
    lines.append(
        ("baseline.data_type", _data_type_line(context, baseline.data_type, baseline.value is not None, status))
    )
    if baseline.source:
        lines.append(("baseline.source", f"{context.field_label('indicator', 'baseline.source')}: {baseline.source}"))
    return _field_lines(lines)


def target_text(context: ExportContext, target: Target, unit: str | None) -> Content:
    """Return a target: expression (or value) and year, then the value, 'relative to baseline' and data type.

    The lines after the first are pieces of their fields (target.value, ...): a comment on one lands there.
    """
    year = f" ({target.year})" if target.year else ""
    label = context.field_label
    if target.expression:
        text = target.expression
    elif target.value is not None:
        text = _quantity(context, target.value, unit)
    else:
        text = ""
    head = context.mark(text + year, target.data_type) if text else year.strip(" ()")
    lines: list[tuple[str | None, str]] = [(None, head)]
    if target.expression and target.value is not None:
        lines.append(
            ("target.value", f"{label('indicator', 'target.value')}: {_quantity(context, target.value, unit)}")
        )
    if target.relative_to_baseline is not None:
        answer = context.field_model.text("boolean.true" if target.relative_to_baseline else "boolean.false").get(
            context.lang
        )
        lines.append(("target.relative_to_baseline", f"{label('indicator', 'target.relative_to_baseline')}: {answer}"))
    lines.append(("target.data_type", _data_type_line(context, target.data_type, bool(text))))
    return _field_lines(lines)


def _shows_unit(indicator: Indicator) -> bool:
    """Return whether the baseline or target cell writes a figure, followed by the indicator's unit."""
    target = indicator.target
    return indicator.baseline.value is not None or (not target.expression and target.value is not None)


def write_indicators(context: ExportContext, indicators: Sequence[Indicator]) -> None:
    """Write an indicators table: baseline, target, frequency and means of verification."""
    t, refs, label = context.t, context.refs, context.field_label
    columns = (
        Column(t("code"), 1.4),
        Column(context.entity_label("indicator"), 4.4, field="name", main=True),
        # Wide enough for the baseline's source under its value.
        Column(label("indicator", "baseline"), 2.8, field="baseline"),
        Column(label("indicator", "target"), 2.2, field="target"),
        Column(t("indicator.frequency"), 2.0, field="frequency"),
        Column(label("indicator", "means_of_verification"), 3.2, field="means_of_verification"),
    )
    unit_label, notes_label = label("indicator", "unit"), label("indicator", "notes")
    rows = []
    for indicator in indicators:
        dimension = refs.label("enums.json#indicator_dimension", indicator.dimension)
        disaggregation = refs.labels("enums.json#disaggregation", indicator.disaggregation)
        # (field, line): each line is a piece of its own, so that a comment on the formula lands on the formula.
        details = [
            ("level", f"{label('indicator', 'level')}: {refs.label('enums.json#indicator_level', indicator.level)}")
            if indicator.level
            else ("", ""),
            ("dimension", f"{label('indicator', 'dimension')}: {dimension}" if dimension else ""),
            ("formula", f"{t('indicator.formula')}: {indicator.formula}" if indicator.formula else ""),
            ("disaggregation", f"{label('indicator', 'disaggregation')}: {disaggregation}" if disaggregation else ""),
            (
                "responsible_actor_id",
                f"{label('indicator', 'responsible_actor_id')}: {refs.ref(indicator.responsible_actor_id)}"
                if indicator.responsible_actor_id
                else "",
            ),
            # The unit follows the baseline and target figures; without a figure it would be lost.
            ("unit", "" if not indicator.unit or _shows_unit(indicator) else f"{unit_label}: {indicator.unit}"),
            ("notes", f"{notes_label}: {indicator.notes}" if indicator.notes else ""),
        ]
        muted = [(f"\n{line}", "muted", key) for key, line in details if line]
        name: Content = ((indicator.name, ""), *muted) if muted else indicator.name
        rows.append(
            Row(
                (
                    refs.code(indicator.id),
                    name,
                    baseline_text(context, indicator.baseline, indicator.unit),
                    target_text(context, indicator.target, indicator.unit),
                    refs.label("enums.json#frequency", indicator.frequency),
                    indicator.means_of_verification or "",
                ),
                item=indicator.id,
            )
        )
    context.writer.table(columns, rows)


def cost_text(context: ExportContext, cost: EstimatedCost | None) -> str:
    """Return an estimated cost with its illustrative mark and funding source."""
    if cost is None:
        return ""
    text = context.mark(format_money(cost.amount, cost.currency, context.lang), cost.data_type)
    if cost.amount is None and cost.currency:
        # Without an amount there is no figure to put the currency code in front of.
        text = f"{context.field_label('estimated_cost', 'currency')}: {cost.currency}"
    if cost.funding_source:
        text = f"{text}\n{context.t('cost.funding')}: {cost.funding_source}" if text else cost.funding_source
    return text


def alignment_text(context: ExportContext, alignment: AxisAlignment) -> Content:
    """Return an axis's alignment, one framework item per line, each with its framework's short name.

    Each line is a piece of its framework's list (alignment.gcm_objectives, ...): a comment on it lands there.
    """
    t = context.t
    lines = [
        ("gcm_objectives", f"{t('general.gcm_short')} · {framework_item(context, 'gcm_objectives.json', i)}")
        for i in alignment.gcm_objectives
    ]
    lines += [
        ("sdg_targets", f"{t('general.sdg_short')} · {framework_item(context, 'sdg_targets.json', i)}")
        for i in alignment.sdg_targets
    ]
    lines += [("migof", f"MiGOF · {context.refs.label('migof.json', i)}") for i in alignment.migof]
    lines += [
        ("mgi_domains", f"{t('general.mgi_short')} · {context.refs.label('mgi_domains.json', i)}")
        for i in alignment.mgi_domains
    ]
    return [(f"\n{line}" if number else line, "", f"alignment.{key}") for number, (key, line) in enumerate(lines)]


def write_axis(context: ExportContext, axis: Axis) -> None:
    """Write one strategic axis: its table of attributes, lines of action, results, indicators and risks."""
    writer, t, refs = context.writer, context.t, context.refs

    def label(key: str) -> str:
        return context.field_label("axis", key)

    # A name is written as entered, dashes and spaces it ends with included; a blank one leaves the code alone.
    code = refs.code(axis.id)
    heading = f"{code} — {axis.name}" if clean_text(axis.name).strip() else code
    writer.heading(heading, 3, writer.anchor(axis.id, "name", main=True))
    writer.key_values(
        (
            (label("addressed_cause_ids"), refs.refs(axis.addressed_cause_ids), "addressed_cause_ids"),
            (label("strategic_objective"), axis.strategic_objective, "strategic_objective"),
            (label("lead_actor_id"), refs.ref(axis.lead_actor_id), "lead_actor_id"),
            (label("co_responsible_actor_ids"), refs.refs(axis.co_responsible_actor_ids), "co_responsible_actor_ids"),
            (label("timeframe"), refs.label("enums.json#timeframe", axis.timeframe), "timeframe"),
            (label("priority"), refs.label("scales.json#priority", axis.priority), "priority"),
            (label("alignment"), alignment_text(context, axis.alignment), "alignment"),
            (label("estimated_cost"), cost_text(context, axis.estimated_cost), "estimated_cost"),
        ),
        item=axis.id,
    )
    if axis.lines_of_action:
        writer.subheading(label("lines_of_action"), writer.anchor(axis.id, "lines_of_action"))
        writer.bullets(
            (((f"{refs.code(line.id)} ", "b"), (line.text, "")), writer.anchor(line.id, "text", main=True))
            for line in axis.lines_of_action
        )
    if axis.expected_results:
        writer.subheading(label("expected_results"), writer.anchor(axis.id, "expected_results"))
        writer.bullets((result, ()) for result in axis.expected_results)
    writer.subheading(label("indicators"), writer.anchor(axis.id, "indicators"))
    if axis.indicators:
        write_indicators(context, axis.indicators)
    else:
        writer.note(t("not_filled"))
    if axis.assumptions_risks:
        writer.subheading(label("assumptions_risks"), writer.anchor(axis.id, "assumptions_risks"))
        writer.bullets((risk, ()) for risk in axis.assumptions_risks)


def write_excluded(context: ExportContext, strategy: StrategyMatrix) -> None:
    """Write the causes no axis addresses, with the participant's justification."""
    if not strategy.excluded_causes:
        return
    writer, refs, label = context.writer, context.refs, context.field_label
    writer.heading(label("strategy_matrix", "excluded_causes"), 2, writer.anchor(None, "excluded_causes"))
    columns = (Column(label("excluded_cause", "cause_id"), 4.0), Column(label("excluded_cause", "justification"), 7.0))
    writer.table(
        columns,
        (
            Row(
                (refs.ref(excluded.cause_id), excluded.justification),
                item=excluded.cause_id,
                fields=(None, "justification"),
            )
            for excluded in strategy.excluded_causes
        ),
    )


def write_coverage(context: ExportContext, strategy: StrategyMatrix) -> None:
    """Write, for every cause, the axes that address it (or that it is excluded, or not covered)."""
    causes = context.proposal.problem_matrix.causes
    if not causes:
        return
    writer, t, refs = context.writer, context.t, context.refs
    writer.heading(t("strategy.coverage"), 2)
    addressed: dict[str, list[str]] = {}
    for axis in strategy.axes:
        for cause_id in axis.addressed_cause_ids:
            addressed.setdefault(cause_id, []).append(axis.id)
    excluded = {item.cause_id for item in strategy.excluded_causes}
    columns = (
        Column(t("code"), 1.4),
        Column(context.entity_label("cause"), 6.0, indent=True),
        Column(t("coverage.axes"), 4.0),
    )
    rows = []
    for node, code, depth in refs.tree_rows(causes):
        axes = addressed.get(node.id)
        if axes:
            covered: Content = refs.refs(axes)
        elif node.id in excluded:
            covered = ((t("coverage.excluded"), "i"),)
        else:
            covered = ((t("coverage.uncovered"), "i"),)
        rows.append(Row((code, node.description, covered), depth=depth))
    writer.table(columns, rows)
