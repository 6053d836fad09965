"""Matrix 3: the actors table (landscape) and the power/interest grid."""

from __future__ import annotations

from export.context import ExportContext, actor_grid_drawer
from export.docx_build import Column, Content, Row
from export.formats import format_signed
from matrices.actors import Actor, grid_quadrant


def _rating(context: ExportContext, scale: str, value: int | None, signed: bool = False) -> str:
    if value is None:
        return ""
    label = context.refs.label(f"scales.json#{scale}", str(value))
    number = format_signed(value) if signed else str(value)
    return f"{number} · {label}" if label != str(value) else number


def _interest(context: ExportContext, actor: Actor) -> Content:
    rating = _rating(context, "interest", actor.interest)
    if not actor.interest_description:
        return rating
    return ((rating, "b"), (f"\n{actor.interest_description}" if rating else actor.interest_description, ""))


def _position(context: ExportContext, actor: Actor) -> Content:
    rating = _rating(context, "position", actor.position, signed=True)
    if actor.data_type == "illustrative" and rating:
        # The ratings are one judgement: marked once, on the last of the three.
        return ((rating, ""), (f"\n({context.t('illustrative')})", "i"))
    return rating


def _strategy(context: ExportContext, actor: Actor) -> Content:
    quadrant = grid_quadrant(actor)
    label = context.refs.label("scales.json#stakeholder_grid", quadrant) if quadrant else ""
    detail = actor.strategy_detail or ""
    if label and detail:
        return ((label, "b"), (f"\n{detail}", ""))
    return ((label, "b"),) if label else detail


def _name(context: ExportContext, actor: Actor) -> Content:
    # The code leads the name cell: a separate narrow column would cost the wide table a column.
    return ((context.refs.code(actor.id), "b"), (f" {context.refs.names.get(actor.id, actor.name)}", ""))


def write_actors(context: ExportContext) -> None:
    """Write Matrix 3 (the caller has switched to a landscape section)."""
    writer, t, refs = context.writer, context.t, context.refs
    actors = context.proposal.actor_matrix.actors
    writer.matrix = "actors"
    writer.heading(t("actors.title"), 1, writer.anchor(None))
    if not actors:
        writer.note(t("not_filled"))
        writer.heading(t("actors.grid"), 2)
        writer.note(t("actors.no_actors"))
        return
    writer.heading(t("actors.register"), 2, writer.anchor(None, "actors"))
    columns = (
        Column(t("actor.name"), 3.2, field="name", main=True),
        Column(t("actor.type"), 2.4, field="type"),
        Column(t("actor.level"), 1.6, field="level"),
        Column(t("actor.roles"), 2.6, field="roles"),
        Column(t("actor.mandate"), 2.5, field="mandate"),
        Column(t("actor.interest"), 3.2, field="interest_description"),
        Column(t("actor.influence"), 2.1, field="influence"),
        Column(t("actor.position"), 2.4, field="position"),
        Column(t("actor.strategy"), 3.2, field="strategy_detail"),
    )
    writer.table(
        columns,
        (
            Row(
                (
                    _name(context, actor),
                    refs.label("actor_types.json", actor.type),
                    refs.label("actor_levels.json", actor.level),
                    refs.label_list("actor_roles.json", actor.roles),
                    actor.mandate or "",
                    _interest(context, actor),
                    _rating(context, "influence", actor.influence),
                    _position(context, actor),
                    _strategy(context, actor),
                ),
                item=actor.id,
            )
            for actor in actors
        ),
    )
    if any(actor.data_type == "illustrative" for actor in actors):
        writer.note(t("actors.illustrative_note"))
    writer.heading(t("actors.grid"), 2)
    context.figure(actor_grid_drawer(context), t("actors.grid_caption"))
