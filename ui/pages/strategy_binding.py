"""Helpers of the strategy page: the cost binding, and labels of the items it links to."""

from __future__ import annotations

from collections.abc import Callable, Iterable
from typing import Any

from PySide6.QtCore import QObject

from matrices.actors import Actor, display_name
from matrices.display import missing_reference
from matrices.edits import EditError, Locator, resolve
from matrices.general import EstimatedCost
from matrices.localized import Lang
from matrices.problem import MAX_CODE_DEPTH, Cause, TreeRow, tree_walk
from matrices.proposal import Proposal
from matrices.strategy import Axis
from ui.binding import FieldBinder, Label, label_text
from ui.commands import SetValueCommand
from ui.context import UiContext
from ui.models.item_table import Choices, short
from ui.session import DocumentSession


def field_label(context: UiContext, entity: str, key: str) -> str:
    """Return the label of a field or of a subfield given as 'parent.sub' (e.g. 'baseline.value')."""
    parent, _, sub = key.partition(".")
    if not sub:
        return context.label(entity, key)
    try:
        spec = context.field_model.field(entity, parent)
    except KeyError:
        return key
    for subfield in spec.subfields:
        if subfield.key == sub:
            return subfield.label(context.lang)
    return context.label(entity, sub) if entity == "estimated_cost" else key


def entity_label(context: UiContext, entity: str) -> str:
    """Return an entity's name (Indicador, Eje estratégico...) in the interface language."""
    return context.field_model.entity_label(entity).get(context.lang)


def is_direct(cause: Cause) -> bool:
    """Return whether a cause is direct (the level chosen, or being a root of the tree when it has none)."""
    return cause.level == "direct" if cause.level else cause.parent_id is None


def cause_entries(
    proposal: Proposal, direct_only: bool = False, walk: list[TreeRow] | None = None
) -> list[tuple[str, str]]:
    """Return (id, 'C1.2  description') for the causes in tree order, indirect ones indented.

    walk: the causes' tree_walk when the caller has it (the session's facts), else it is walked here.
    """
    causes = proposal.problem_matrix.causes
    entries = []
    for row in walk if walk is not None else tree_walk(causes, "C"):
        cause, code = causes[row.index], row.code
        if direct_only and not is_direct(cause):
            continue
        # The indent stops where the codes stop spelling out levels: a chain thousands deep stays on screen.
        indent = "" if direct_only else "    " * min(row.depth, MAX_CODE_DEPTH)
        # The checklist wraps long lines, so it can show more of each cause than a one-line combo box.
        limit = 110 if direct_only else 240
        entries.append((cause.id, f"{indent}{code}  {short(cause.description or '…', limit)}"))
    return entries


def effect_choices(proposal: Proposal, walk: list[TreeRow] | None = None) -> Choices:
    """Return the effects as (id, 'E1  description') choices in tree order, after an empty choice."""
    effects = proposal.problem_matrix.effects
    rows = [(effects[row.index], row.code) for row in (walk if walk is not None else tree_walk(effects, "E"))]
    return [(None, "—")] + [(e.id, f"{code}  {short(e.description or '…', 110)}") for e, code in rows]


def with_linked(
    offered: Choices, linked: Iterable[str | None], lang: Lang, known: Callable[[], dict[str, str]] = dict
) -> Choices:
    """Return the choices and each linked id they do not offer, named by known() or as a missing item.

    A link to an item the list does not offer (an indirect cause, an item that is gone) stays visible, and
    editing its cell keeps it until the participant picks another.
    """
    have = {value for value, _ in offered}
    extra = [item_id for item_id in dict.fromkeys(linked) if item_id is not None and item_id not in have]
    if not extra:
        return offered
    names = known()
    return [*offered, *((item_id, names.get(item_id) or missing_reference(item_id, lang)) for item_id in extra)]


def actor_label(actor: Actor) -> str:
    """Return an actor as 'Name (ACRONYM)' ('…' while both are blank)."""
    return display_name(actor) or "…"


def actor_entries(proposal: Proposal) -> list[tuple[str, str]]:
    """Return (id, label) for every actor, in the order of the actors matrix."""
    return [(actor.id, actor_label(actor)) for actor in proposal.actor_matrix.actors]


class CostBinder(FieldBinder):
    """Binds an axis's optional estimated cost: the first edit creates the cost object, as one undo step."""

    def __init__(
        self, session: DocumentSession, axis_locator: Callable[[], Locator | None], parent: QObject | None = None
    ) -> None:
        super().__init__(session, self._cost_locator, "estimated_cost", parent)
        self._axis_locator = axis_locator
        self._creation_key: object | None = None

    def _cost_locator(self) -> Locator | None:
        locator = self._axis_locator()
        return None if locator is None else (*locator, "estimated_cost")

    def axis(self) -> Axis | None:
        """Return the axis whose cost is shown."""
        locator = self._axis_locator()
        if locator is None:
            return None
        try:
            axis = resolve(self._session.proposal, locator)
        except EditError:
            return None
        return axis if isinstance(axis, Axis) else None

    def target(self) -> Any | None:
        """Return the cost, or a blank one (not attached) while the axis has none, so the form stays editable."""
        axis = self.axis()
        if axis is None:
            return None
        return axis.estimated_cost if axis.estimated_cost is not None else EstimatedCost()

    def _push(self, field: str, value: Any, label: Label) -> None:
        axis, locator = self.axis(), self._axis_locator()
        if self._updating or axis is None or locator is None:
            return
        creating = self._creation_key is not None and self._creation_key is self._merge_key
        if axis.estimated_cost is not None and not creating:
            super()._push(field, value, label)
            return
        current = axis.estimated_cost or EstimatedCost()
        if getattr(current, field) == value:
            return
        cost = EstimatedCost.model_validate({**current.model_dump(), field: value})
        if self._merge_key is None:
            self._merge_key = object()
        # While the focus stays in the field, later keystrokes replace the new object too: one undo step.
        self._creation_key = self._merge_key
        command = SetValueCommand(
            self._session, locator, "estimated_cost", cost, label_text(label), merge_key=self._merge_key
        )
        self._session.push(command)


def cause_coverage(proposal: Proposal) -> dict[str, list[str]]:
    """Map each direct cause id to the ids of the axes addressing it or one of its sub-causes (S03)."""
    causes = proposal.problem_matrix.causes
    children: dict[str | None, list[str]] = {}
    for cause in causes:
        children.setdefault(cause.parent_id, []).append(cause.id)
    coverage: dict[str, list[str]] = {}
    for cause in causes:
        if not is_direct(cause):
            continue
        family, stack = {cause.id}, [cause.id]
        while stack:  # cycle-safe: a broken tree must not hang the page
            for child in children.get(stack.pop(), []):
                if child not in family:
                    family.add(child)
                    stack.append(child)
        axes = proposal.strategy_matrix.axes
        coverage[cause.id] = [axis.id for axis in axes if family & set(axis.addressed_cause_ids)]
    return coverage
