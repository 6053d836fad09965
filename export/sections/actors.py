"""Matrix 3: the actors table (landscape) and the power/interest grid."""

from __future__ import annotations

from export.context import ExportContext, actor_grid_drawer
from export.docx_runs import Content, FieldSeg, Seg
from export.formats import format_signed
from export.register import RegisterColumn, code_and_name, text_of, write_details, write_register
from matrices.actors import GRID_REF, Actor, StakeholderGrid, display_name

_Column = RegisterColumn[Actor]


def _rating(context: ExportContext, scale: str, value: int | None, signed: bool = False) -> str:
    if value is None:
        return ""
    label = context.refs.label(f"scales.json#{scale}", str(value))
    number = format_signed(value) if signed else str(value)
    return f"{number} · {label}" if label != str(value) else number


def _interest(context: ExportContext, actor: Actor) -> Content:
    rating = _rating(context, "interest", actor.interest)
    if not actor.interest_description:
        return ((rating, "", "interest"),)
    # The cell is the description's: the rating is a piece of its own, so that a comment on it lands on it.
    description = f"\n{actor.interest_description}" if rating else actor.interest_description
    return ((rating, "b", "interest"), (description, ""))


def _position(context: ExportContext, actor: Actor) -> Content:
    rating = _rating(context, "position", actor.position, signed=True)
    if actor.data_type == "illustrative" and rating:
        # The ratings are one judgement: marked once, on the last of the three.
        return ((rating, ""), (f"\n({context.t('illustrative')})", "i"))
    return rating


def _strategy(context: ExportContext, grid: StakeholderGrid, actor: Actor) -> Content:
    quadrant = grid.quadrant(actor)
    label = context.refs.label(GRID_REF, quadrant) if quadrant else ""
    detail = actor.strategy_detail or ""
    if label and detail:
        return ((label, "b"), (f"\n{detail}", ""))
    return ((label, "b"),) if label else detail


def _name(context: ExportContext, actor: Actor) -> Content:
    return code_and_name(context.refs.code(actor.id), display_name(actor))


def _relations(context: ExportContext, actor: Actor) -> Content:
    """Return one line per relation: the other actor, the kind of relation in italics, the participant's note.

    The three are pieces of the relation's fields (relations.actor_id, .type, .note): a comment lands on each.
    """
    refs = context.refs
    several = len(actor.relations) > 1
    segments: list[Seg | FieldSeg] = []
    for number, relation in enumerate(actor.relations):
        kind = refs.label("enums.json#relation_type", relation.type)
        other = refs.ref(relation.actor_id)
        note = relation.note or ""
        segments += [
            ("\n" if number else "", ""),
            ("• " if several else "", ""),
            (other, "", "relations.actor_id"),
            (f" ({kind})" if other and kind else kind, "i", "relations.type"),
            (f": {note}" if note and (other or kind) else note, "", "relations.note"),
        ]
    return segments


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
    grid = StakeholderGrid.from_catalogs(context.catalogs)
    name = _Column(context.entity_label("actor"), 3.2, "name", lambda a: _name(context, a), main=True)
    columns = (
        name,
        _Column(t("actor.type"), 2.4, "type", lambda a: refs.label("actor_types.json", a.type)),
        _Column(t("actor.level"), 1.6, "level", lambda a: refs.label("actor_levels.json", a.level)),
        _Column(t("actor.roles"), 2.6, "roles", lambda a: refs.label_list("actor_roles.json", a.roles)),
        _Column(t("actor.mandate"), 2.5, "mandate", text_of("mandate")),
        _Column(t("actor.interest"), 3.2, "interest_description", lambda a: _interest(context, a)),
        _Column(t("actor.influence"), 2.1, "influence", lambda a: _rating(context, "influence", a.influence)),
        _Column(context.field_label("actor", "position"), 2.4, "position", lambda a: _position(context, a)),
        _Column(t("actor.strategy"), 3.2, "strategy_detail", lambda a: _strategy(context, grid, a)),
        _Column(t("actor.axes"), 1.3, "axis_ids", lambda a: "\n".join(refs.code(axis_id) for axis_id in a.axis_ids)),
    )
    write_register(context, t("actors.register"), "actors", actors, columns)
    if any(actor.data_type == "illustrative" for actor in actors):
        writer.note(t("actors.illustrative_note"))
    write_actor_details(context, actors, name)
    writer.heading(t("actors.grid"), 2)
    context.figure(actor_grid_drawer(context), t("actors.grid_caption"))


def _shared_basis(actors: list[Actor]) -> str:
    """Return the assessment basis when every actor has the same one (a group's disclaimer), else ""."""
    if len(actors) < 2:
        return ""
    first = actors[0].assessment_basis or ""
    return first if first.strip() and all(actor.assessment_basis == first for actor in actors) else ""


def write_actor_details(context: ExportContext, actors: list[Actor], name: RegisterColumn[Actor]) -> None:
    """Write the actors' perceived problems, relations and assessment basis under the register."""
    writer, label = context.writer, context.field_label
    resources = label("actor", "resources")
    texts = [
        _Column(resources, 4.0, "resources", lambda a: context.refs.label_list("actor_resources.json", a.resources)),
        _Column(label("actor", "perceived_problems"), 5.0, "perceived_problems", text_of("perceived_problems")),
        _Column(label("actor", "relations"), 7.0, "relations", lambda a: _relations(context, a)),
    ]
    shared = _shared_basis(actors)
    if shared:
        # Written once, with the ratings it explains: the same sentence in every row of the table below would
        # fill pages and hide the texts that differ.
        anchors = [(writer.matrix, actor.id, "assessment_basis") for actor in actors]
        # A Word comment on it is about every actor: it lands on the matrix, not on the first actor.
        shared_label = context.t("actors.shared_basis", label=label("actor", "assessment_basis"))
        writer.label_value(shared_label, shared, anchors, lands=(writer.matrix, None, None))
    else:
        basis = label("actor", "assessment_basis")
        texts.append(_Column(basis, 5.0, "assessment_basis", text_of("assessment_basis")))
    heading = context.t("actors.details_no_basis" if shared else "actors.details")
    write_details(context, heading, actors, name, texts)
