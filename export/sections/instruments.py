"""Matrix 4: the instruments table (landscape) and the traceability cause → axis → instrument."""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import replace

from export.context import ExportContext
from export.docx_build import Column, Row
from export.docx_runs import Content
from export.register import RegisterColumn, code_and_name, text_of, write_details, write_register
from export.sections.strategy import cost_text
from matrices.instruments import ExAnteAssessment, Instrument

_FAMILIES = "instrument_families.json"
_CHARACTER = "enums.json#instrument_character"
_FEASIBILITY = "scales.json#feasibility"
_DATA_TYPE = "enums.json#evidence_type"
_Column = RegisterColumn[Instrument]


def _lines(pieces: Sequence[tuple[str, str]]) -> Content:
    """Return (field, text) lines as one cell whose every line is a piece of its own field (see FieldSeg)."""
    shown = [(key, text) for key, text in pieces if text]
    return [(f"\n{text}" if number else text, "", key) for number, (key, text) in enumerate(shown)]


def _typology(context: ExportContext, instrument: Instrument) -> Content:
    t, refs, label = context.t, context.refs, context.field_label
    nato = " + ".join(refs.label(_FAMILIES, value) for value in (instrument.nato, instrument.nato_secondary) if value)
    lines = (
        ("nato", t("instrument.nato"), nato),
        ("vedung", t("instrument.vedung"), refs.label(_FAMILIES, instrument.vedung)),
        ("instrument_type", t("instrument.type"), refs.label("instrument_types.json", instrument.instrument_type)),
        ("nature", label("instrument", "nature"), refs.label(_FAMILIES, instrument.nature)),
        ("character", label("instrument", "character"), refs.label(_CHARACTER, instrument.character)),
    )
    return _lines([(key, f"{label}: {value}" if value else "") for key, label, value in lines])


def _axis_and_line(context: ExportContext, instrument: Instrument) -> Content:
    refs = context.refs
    items = (("axis_id", instrument.axis_id), ("line_of_action_id", instrument.line_of_action_id))
    return _lines([(key, refs.code(item) if item else "") for key, item in items])


def _targets(context: ExportContext, instrument: Instrument) -> Content:
    """Return the target group as written, then the target actors one per line under the field's label."""
    if not instrument.target_actor_ids:
        return instrument.target_group
    actors = "".join(f"\n{context.refs.ref(actor_id)}" for actor_id in instrument.target_actor_ids)
    head = f"{instrument.target_group}\n" if instrument.target_group.strip() else ""
    key = "target_actor_ids"
    return ((head, ""), (f"{context.field_label('instrument', key)}:", "i", key), (actors, "", key))


def _name(context: ExportContext, instrument: Instrument) -> Content:
    return code_and_name(context.refs.code(instrument.id), instrument.name, instrument.description, bold_name=True)


def _when_and_cost(context: ExportContext, instrument: Instrument) -> Content:
    return _lines(
        (
            ("timeframe", context.refs.label("enums.json#timeframe", instrument.timeframe)),
            ("estimated_cost", cost_text(context, instrument.estimated_cost)),
        )
    )


def write_instruments(context: ExportContext) -> None:
    """Write Matrix 4 (in the landscape section that Matrix 3 opened)."""
    writer, t, refs = context.writer, context.t, context.refs
    instruments = context.proposal.instrument_matrix.instruments
    writer.matrix = "instruments"
    writer.heading(t("instruments.title"), 1, writer.anchor(None), new_page=True)
    if not instruments:
        writer.note(t("not_filled"))
        return
    columns = (
        _Column(context.entity_label("instrument"), 4.4, "name", lambda i: _name(context, i), main=True),
        _Column(t("instrument.axis_line"), 1.4, "axis_id", lambda i: _axis_and_line(context, i)),
        _Column(t("instrument.typology"), 3.0, "instrument_type", lambda i: _typology(context, i)),
        _Column(t("instrument.responsible"), 2.4, "responsible_actor_id", lambda i: refs.ref(i.responsible_actor_id)),
        _Column(context.field_label("instrument", "target_group"), 2.8, "target_group", lambda i: _targets(context, i)),
        _Column(context.field_label("instrument", "mechanism"), 3.8, "mechanism", text_of("mechanism")),
        _Column(t("instrument.when_cost"), 2.3, "estimated_cost", lambda i: _when_and_cost(context, i)),
        _Column(t("instrument.indicators"), 3.0, "indicator_ids", lambda i: refs.refs(i.indicator_ids)),
    )
    write_register(context, t("instruments.register"), "instruments", instruments, columns)
    label = context.field_label
    name = _Column(
        context.entity_label("instrument"),
        4.4,
        "name",
        lambda i: code_and_name(refs.code(i.id), i.name, bold_name=True),
        main=True,
    )
    texts = (
        _Column(label("instrument", "legal_basis"), 5.5, "legal_basis", text_of("legal_basis")),
        _Column(label("instrument", "resources_required"), 5.0, "resources_required", text_of("resources_required")),
        _Column(label("instrument", "risks"), 7.0, "risks", text_of("risks")),
    )
    write_details(context, t("instruments.details"), instruments, name, texts)
    write_ex_ante(context, instruments, name)
    write_traceability(context)


def _score(context: ExportContext, score: int | None) -> str:
    if score is None:
        return ""
    label = context.refs.label(_FEASIBILITY, str(score))
    return f"{score} · {label}" if label != str(score) else str(score)


def write_ex_ante(context: ExportContext, instruments: list[Instrument], name: _Column) -> None:
    """Write the ex-ante assessment: one column per criterion of scales.json, and the data type, per instrument."""
    refs = context.refs
    scale = context.catalogs.get("scales.json").get("feasibility") if "scales.json" in context.catalogs else None
    criteria = [c for c in (scale.attrs.get("criteria", []) if scale else []) if isinstance(c, dict) and "id" in c]
    key = "ex_ante_assessment"

    def rating(criterion: str) -> Callable[[Instrument], str]:
        return lambda i: _score(context, getattr(i.ex_ante_assessment, criterion, None))

    # Each criterion is a field of its own: a comment on a score lands on that criterion.
    columns = [
        _Column(str(c.get(context.lang, c["id"])), 2.0, f"{key}.{c['id']}", rating(str(c["id"])))
        for c in criteria
        if str(c["id"]) in ExAnteAssessment.model_fields
    ]
    data_type = context.field_label("estimated_cost", "data_type")
    columns.append(
        _Column(
            data_type,
            1.5,
            f"{key}.data_type",
            lambda i: refs.label(_DATA_TYPE, getattr(i.ex_ante_assessment, "data_type", None)),
        )
    )
    # A narrower name leaves each criterion room for its longest word ("administrativa") on one line.
    write_details(context, context.field_label("instrument", key), instruments, replace(name, width=3.4), columns)


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
        Column(context.entity_label("cause"), 4.5, indent=True),
        Column(t("trace.axis"), 3.0),
        Column(context.field_label("instrument_matrix", "instruments"), 5.5),
    )
    rows = []
    for node, code, depth in refs.tree_rows(proposal.problem_matrix.causes):
        for axis_id in axes_of.get(node.id, ()):
            instruments = by_axis.get(axis_id)
            rows.append(
                Row(
                    (
                        # The node's own text, not refs.ref: a copy sharing an id (rule G03) has its own.
                        f"{code} {node.description}".rstrip(),
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
