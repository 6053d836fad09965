"""Every delete of the editor: the plan, a confirmation that names the links it clears, one undo step.

The plan comes from matrices/deletion.py; the confirmation lists what will be unlinked by display code and name in
the interface language; the plan's edits are pushed as one undo step. Pages never remove an item any other way.
"""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import QObject, Qt
from PySide6.QtWidgets import QMessageBox, QWidget

from export.refs import Refs
from matrices.deletion import DeletePlan, plan_delete
from matrices.edits import Locator
from matrices.references import Reference, identified
from matrices.walk import Node, nodes
from ui.commands import push_ops
from ui.context import UiContext
from ui.session import DocumentSession

SHOWN_LINKS = 12
"""Links listed by name in the confirmation; the rest are counted (an actor may be named in forty places)."""
NAME_LIMIT = 70


def ask_to_delete(parent: QWidget | None, title: str, question: str) -> bool:
    """Ask before a delete that reaches beyond the chosen item (Cancel is the default button)."""
    box = QMessageBox(QMessageBox.Icon.Question, title, question, parent=parent)
    box.setObjectName("delete_confirmation")
    box.setTextFormat(Qt.TextFormat.PlainText)  # the question quotes participants' texts
    delete = box.addButton(title, QMessageBox.ButtonRole.DestructiveRole)
    delete.setObjectName("delete_confirmation_delete")
    cancel = box.addButton(QMessageBox.StandardButton.Cancel)
    cancel.setObjectName("delete_confirmation_cancel")
    box.setDefaultButton(cancel)
    box.exec()
    return box.clickedButton() is delete


def _short(text: str) -> str:
    text = " ".join(text.split())
    return text if len(text) <= NAME_LIMIT else text[: NAME_LIMIT - 1].rstrip() + "…"


class Deleter(QObject):
    """Deletes items of one session's proposal, asking first when the delete clears links or takes sub-nodes."""

    def __init__(self, session: DocumentSession, context: UiContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._session = session
        self._context = context
        self._widget = parent
        self.confirm: Callable[[str, str], bool] = lambda title, question: ask_to_delete(self._widget, title, question)
        """Asks (title, question) and returns the answer; tests replace it."""

    def plan(self, list_locator: Locator, index: int) -> DeletePlan:
        """Return what deleting the entry at index of the list at list_locator would do."""
        return plan_delete(self._session.proposal, self._context.field_model, list_locator, index)

    def delete(self, list_locator: Locator, index: int, title: str, headline: str | None = None) -> bool:
        """Delete the entry (after asking when the plan reaches further); True when something was deleted."""
        if self._session.read_only:
            return False
        plan = self.plan(list_locator, index)
        if not plan.ops:
            return False
        if plan.asks and not self.confirm(title, self.question(plan, headline)):
            return False
        return push_ops(self._session, plan.ops, title)

    # -- the question -----------------------------------------------------------------------------------------

    def question(self, plan: DeletePlan, headline: str | None = None) -> str:
        """Return the confirmation text: what is deleted, every link that goes with it, and that undo restores."""
        refs = self._session.facts.refs(self._context.catalogs, self._context.lang)
        parts = [headline or self.tr("Delete %1?").replace("%1", self.describe(refs, plan.removed[0]))]
        lines = self.link_lines(refs, plan.unlinked)
        if lines:
            listed = [f"• {line}" for line in lines[:SHOWN_LINKS]]
            if len(lines) > SHOWN_LINKS:
                listed.append(self.tr("… and %n more", "", len(lines) - SHOWN_LINKS))
            parts.append(self.tr("These links to it will be removed:") + "\n" + "\n".join(listed))
        parts.append(self.tr("Undo (Ctrl+Z) brings everything back."))
        return "\n\n".join(parts)

    def describe(self, refs: Refs, node: Node) -> str:
        """Return an item as a participant knows it: its kind, display code and name ('actor A01 Name')."""
        kind = self._context.field_model.entity_label(node.entity).get(self._context.lang)
        kind = kind[:1].lower() + kind[1:] if kind[1:2].islower() else kind
        own = identified(node)
        return f"{kind} {_short(refs.ref(own))}" if own is not None else kind

    def link_lines(self, refs: Refs, links: tuple[Reference, ...]) -> list[str]:
        """Return one line per object and field whose link goes ('EJ2 Name — Addressed causes'), in walk order."""
        by_locator = {node.locator: node for node in nodes(self._session.proposal)}
        lines: list[str] = []
        for link in links:
            line = self._link_line(refs, link, by_locator)
            if line not in lines:
                lines.append(line)
        return lines

    def _link_line(self, refs: Refs, link: Reference, by_locator: dict[Locator, Node]) -> str:
        node = link.node
        if identified(node) is not None:
            field = self._context.label(node.entity, link.key.split(".")[0])
            return f"{_short(refs.ref(node.item))} — {field}"
        # A record of a list (an actor's relation, an excluded cause): named by the list and the item holding it.
        holder = by_locator.get(node.locator[:-2])
        list_key = node.locator[-2]
        if holder is None or not isinstance(list_key, str):
            return self._context.label(node.entity, link.key)
        field = self._context.label(holder.entity, list_key)
        own = identified(holder)
        return f"{_short(refs.ref(own))} — {field}" if own is not None else field
