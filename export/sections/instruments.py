"""Matrix 4: the instruments table (landscape) and the traceability cause → axis → instrument."""

from __future__ import annotations

from export.context import ExportContext
from export.docx_build import Column, Content, Row
from export.sections.strategy import cost_text
from matrices.instruments import Instrument

_FAMILIES = "instrument_families.json"


def _typology(context: ExportContext, instrument: Instrument) -> str:
    t, refs = context.t, context.refs
    nato = " + ".join(refs.label(_FAMILIES, value) for value in (instrument.nato, instrument.nato_secondary) if value)
    lines = (
        (t("instrument.nato"), nato),
        (t("instrument.vedung"), refs.label(_FAMILIES, instrument.vedung)),
        (t("instrument.type"), refs.label("instrument_types.json", instrument.instrument_type)),
    )
    return "\n".join(f"{label}: {value}" for label, value in lines if value)


def _name(context: ExportContext, instrument: Instrument) -> Content:
    # As for actors, the code leads the name cell instead of taking a column of the wide table.
    name = ((f"{context.refs.code(instrument.id)} ", "b"), (instrument.name, "b"))
    return (*name, (f"\n{instrument.description}", "")) if instrument.description else name


def _when_and_cost(context: ExportContext, instrument: Instrument) -> str:
    parts = (
        context.refs.label("enums.json#timeframe", instrument.timeframe),
        cost_text(context, instrument.estimated_cost),
    )
    return "\n".join(part for part in parts if part)


def write_instruments(context: ExportContext) -> None:
    """Write Matrix 4 (in the landscape section that Matrix 3 opened)."""
    writer, t, refs = context.writer, context.t, context.refs
    instruments = context.proposal.instrument_matrix.instruments
    writer.matrix = "instruments"
    writer.heading(t("instruments.title"), 1, writer.anchor(None), new_page=True)
    if not instruments:
        writer.note(t("not_filled"))
        return
    writer.heading(t("instruments.register"), 2, writer.anchor(None, "instruments"))
    columns = (
        Column(t("instrument.name"), 4.4, field="name", main=True),
        Column(t("instrument.axis"), 1.1, field="axis_id"),
        Column(t("instrument.typology"), 3.0, field="instrument_type"),
        Column(t("instrument.responsible"), 2.4, field="responsible_actor_id"),
        Column(t("instrument.target_group"), 2.4, field="target_group"),
        Column(t("instrument.mechanism"), 3.8, field="mechanism"),
        Column(t("instrument.when_cost"), 2.3, field="estimated_cost"),
        Column(t("instrument.indicators"), 3.0, field="indicator_ids"),
    )
    writer.table(
        columns,
        (
            Row(
                (
                    _name(context, instrument),
                    refs.code(instrument.axis_id),
                    _typology(context, instrument),
                    refs.ref(instrument.responsible_actor_id),
                    instrument.target_group,
                    instrument.mechanism,
                    _when_and_cost(context, instrument),
                    refs.refs(instrument.indicator_ids),
                ),
                item=instrument.id,
            )
            for instrument in instruments
        ),
    )
    write_traceability(context)


def write_traceability(context: ExportContext) -> None:
    """Write one row per (cause, axis) with the instruments of that axis, in cause-tree order."""
    writer, t, refs = context.writer, context.t, context.refs
    proposal = context.proposal
    by_axis: dict[str, list[str]] = {}
    for instrument in proposal.instrument_matrix.instruments:
        if instrument.axis_id:
            by_axis.setdefault(instrument.axis_id, []).append(instrument.id)
    axes_of: dict[str, list[str]] = {}
    for axis in proposal.strategy_matrix.axes:
        for cause_id in axis.addressed_cause_ids:
            axes_of.setdefault(cause_id, []).append(axis.id)
    writer.heading(t("instruments.trace"), 2)
    columns = (
        Column(t("trace.cause"), 4.5, indent=True),
        Column(t("trace.axis"), 3.0),
        Column(t("trace.instruments"), 5.5),
    )
    rows = []
    for node, _code, depth in refs.tree_rows(proposal.problem_matrix.causes):
        for axis_id in axes_of.get(node.id, ()):
            instruments = by_axis.get(axis_id)
            rows.append(
                Row(
                    (
                        refs.ref(node.id),
                        refs.ref(axis_id),
                        refs.refs(instruments) if instruments else ((t("trace.no_instrument"), "i"),),
                    ),
                    depth=depth,
                )
            )
    if rows:
        writer.table(columns, rows)
    else:
        writer.note(t("not_filled"))
