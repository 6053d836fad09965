"""Undo commands: every edit of the proposal goes through one of these and the session's QUndoStack.

A command names its edit as an operation of matrices/edits.py; the session checks it, announces the change it
will make, applies it and announces it done (DocumentSession.apply), and hands back the operation that undoes it.
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import TYPE_CHECKING, Any

from PySide6.QtGui import QUndoCommand

from matrices.edits import (
    Assign,
    Change,
    Insert,
    Locator,
    Move,
    Op,
    Remove,
    get_value,
)
from matrices.proposal import Proposal

if TYPE_CHECKING:
    from ui.session import DocumentSession

__all__ = [
    "Change",
    "EditCommand",
    "InsertItemCommand",
    "MoveItemCommand",
    "RemoveItemCommand",
    "ReplaceProposalCommand",
    "SetValueCommand",
    "push_ops",
]

# Typing in one field is merged into a single undo step; Qt needs one id shared by mergeable commands.
_MERGE_ID = 1001


class EditCommand(QUndoCommand):
    """Base of the proposal edits: one operation applied through the session, and the one that undoes it."""

    def __init__(self, session: DocumentSession, text: str) -> None:
        super().__init__(text)
        self._session = session
        self._undo: Op | None = None
        """What undoes the edit, as the session prepared it when the edit was last applied."""

    def _operation(self) -> Op:
        raise NotImplementedError

    def redo(self) -> None:
        """Apply the edit (Qt calls this on push and on redo)."""
        self._undo = self._session.apply(self._operation())

    def undo(self) -> None:
        """Revert the edit."""
        if self._undo is not None:
            self._session.apply(self._undo)


class SetValueCommand(EditCommand):
    """Set one field of one object; consecutive typing in the same field merges into one step."""

    def __init__(
        self,
        session: DocumentSession,
        locator: Locator,
        field: str,
        value: Any,
        text: str,
        merge_key: object | None = None,
    ) -> None:
        super().__init__(session, text)
        self.locator = locator
        self.field = field
        self.new = value
        self.old = get_value(session.proposal, locator, field)
        # Keystrokes share a key while the field keeps the focus; leaving it starts a new undo step.
        self._merge_key = merge_key

    def id(self) -> int:
        """Return the merge id (-1: never merge)."""
        return _MERGE_ID if self._merge_key is not None else -1

    def mergeWith(self, other: QUndoCommand) -> bool:
        """Absorb the next keystroke in the same field."""
        if not isinstance(other, SetValueCommand) or other._merge_key is None:
            return False
        if (other.locator, other.field, other._merge_key) != (self.locator, self.field, self._merge_key):
            return False
        self.new = other.new
        return True

    def _operation(self) -> Op:
        return Assign(self.locator, self.field, self.new)


class InsertItemCommand(EditCommand):
    """Insert an item into a list (a cause, an actor, an indicator...)."""

    def __init__(self, session: DocumentSession, list_locator: Locator, index: int, item: Any, text: str) -> None:
        super().__init__(session, text)
        self.list_locator = list_locator
        self.index = index
        self.item = item

    def _operation(self) -> Op:
        return Insert(self.list_locator, self.index, self.item)


class RemoveItemCommand(EditCommand):
    """Remove the item at an index of a list; undo puts the very same item back."""

    def __init__(self, session: DocumentSession, list_locator: Locator, index: int, text: str) -> None:
        super().__init__(session, text)
        self.list_locator = list_locator
        self.index = index

    @property
    def item(self) -> Any:
        """Return the item the edit removed (None before it was applied)."""
        return self._undo.item if isinstance(self._undo, Insert) else None

    def _operation(self) -> Op:
        return Remove(self.list_locator, self.index)


class MoveItemCommand(EditCommand):
    """Move an item within its list."""

    def __init__(
        self, session: DocumentSession, list_locator: Locator, old_index: int, new_index: int, text: str
    ) -> None:
        super().__init__(session, text)
        self.list_locator = list_locator
        self.old_index = old_index
        self.new_index = new_index

    def _operation(self) -> Op:
        return Move(self.list_locator, self.old_index, self.new_index)


class ReplaceProposalCommand(QUndoCommand):
    """Replace the whole content of the proposal (a snapshot restored); undo puts the previous content back."""

    def __init__(self, session: DocumentSession, proposal: Proposal, text: str) -> None:
        super().__init__(text)
        self._session = session
        self.new = proposal.model_copy(deep=True)
        self.old: dict[str, Any] = {}

    def redo(self) -> None:
        """Put the snapshot's content in place of the proposal's."""
        self._session.replace_content(self._swap_in)

    def undo(self) -> None:
        """Put back the content that was replaced."""
        self._session.replace_content(self._swap_back)

    def _swap_in(self) -> None:
        current = self._session.proposal
        names = list(type(current).model_fields)
        # The session keeps its Proposal object (views hold it); its fields are swapped. Undo restores the very
        # objects that were there, so later undo steps find the items they point at.
        self.old = {name: getattr(current, name) for name in names}
        fresh = self.new.model_copy(deep=True)
        for name in names:
            setattr(current, name, getattr(fresh, name))

    def _swap_back(self) -> None:
        current = self._session.proposal
        for name, value in self.old.items():
            setattr(current, name, value)


def push_ops(session: DocumentSession, ops: Sequence[Op], text: str) -> bool:
    """Push planned edits (a delete and the links it clears, a tree move) as one undo step named text.

    Returns False when there is nothing to do or the document is read-only; one undo puts everything back.
    """
    if not ops or session.read_only:
        return False
    stack = session.undo_stack
    stack.beginMacro(text)
    try:
        for op in ops:
            if isinstance(op, Assign):
                session.push(SetValueCommand(session, op.locator, op.field, op.value, text))
            elif isinstance(op, Insert):
                session.push(InsertItemCommand(session, op.target, op.index, op.item, text))
            elif isinstance(op, Remove):
                session.push(RemoveItemCommand(session, op.target, op.index, text))
            else:
                session.push(MoveItemCommand(session, op.target, op.old, op.new, text))
    finally:
        stack.endMacro()
    return True
