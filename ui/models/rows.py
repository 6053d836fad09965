"""Keeping a flat item model in step with the session's edits, one row at a time.

The session announces each change before applying it and again once it is applied (DocumentSession.apply). A
model over one list of the proposal answers with the matching Qt notifications: an insert, remove or move of one
of its rows becomes beginInsertRows/beginRemoveRows/beginMoveRows and their end; an edit that reaches the list
from above (its owner deleted or put back, the list replaced whole) becomes a layout change, with every
persistent index (the views' selection and current cell) kept on its item; only a whole new content (a snapshot
restored) resets the model. Selection, current cell, scroll position and open editors therefore survive edits
made anywhere else, without the views having to put them back.
"""

from __future__ import annotations

from collections.abc import Callable
from enum import Enum
from typing import Any

from PySide6.QtCore import QAbstractItemModel, QModelIndex, QObject

from matrices.edits import Change, ContentReplaced, Locator, RowInserted, RowMoved, RowRemoved, Step
from ui.session import DocumentSession


class Effect(Enum):
    """What a change does to the rows of one list."""

    NONE = "none"
    ROWS = "rows"
    """An insert, remove or move in the list itself."""
    LAYOUT = "layout"
    """The list is reached from above: it may appear, vanish or be replaced whole."""
    RESET = "reset"


def _step_picks(step: Step, item: Any) -> bool:
    """Return whether a locator step (("id", x) or an attribute) may pick item; index steps always may."""
    if not isinstance(step, tuple):
        return False
    kind, key = step
    return kind != "id" or getattr(item, "id", None) == key


def effect_on(own: Locator, change: Change) -> Effect:
    """Return what change does to the rows of the list at own."""
    if isinstance(change, ContentReplaced):
        return Effect.RESET
    where = change.locator
    if isinstance(change, RowInserted | RowRemoved | RowMoved):
        if where == own:
            return Effect.ROWS
        if own[: len(where)] != where or len(own) <= len(where):
            return Effect.NONE
        step = own[len(where)]
        if isinstance(change, RowMoved):
            # An item picked by id is the same item wherever it moves; one picked by position is not.
            return Effect.LAYOUT if isinstance(step, tuple) and step[0] != "id" else Effect.NONE
        return Effect.LAYOUT if _step_picks(step, change.item) else Effect.NONE
    touched = (*where, change.field)
    return Effect.LAYOUT if own[: len(touched)] == touched else Effect.NONE


class RowFollower(QObject):
    """Sends a flat model's row notifications around each change of the list it shows."""

    def __init__(
        self,
        model: QAbstractItemModel,
        session: DocumentSession,
        list_locator: Callable[[], Locator | None],
        items: Callable[[], list[Any]],
    ) -> None:
        super().__init__(model)
        self._model = model
        self._list_locator = list_locator
        self._items = items
        self._owed: Effect = Effect.NONE
        self._before: list[Any] = []
        """The rows as they were when a layout change began: persistent indexes are moved to the same items."""
        session.about_to_change.connect(self._about)
        session.change_applied.connect(self._applied)

    def _about(self, change: Change) -> None:
        own = self._list_locator()
        effect = Effect.NONE if own is None else effect_on(own, change)
        model = self._model
        self._owed = effect
        if effect is Effect.RESET:
            model.beginResetModel()
        elif effect is Effect.LAYOUT:
            model.layoutAboutToBeChanged.emit()
            self._before = list(self._items())
        elif effect is Effect.ROWS and not self._begin_rows(change):
            self._owed = Effect.NONE

    def _begin_rows(self, change: Change) -> bool:
        model, top = self._model, QModelIndex()
        if isinstance(change, RowInserted):
            model.beginInsertRows(top, change.index, change.index)
            return True
        if isinstance(change, RowRemoved):
            model.beginRemoveRows(top, change.index, change.index)
            return True
        if isinstance(change, RowMoved):
            # Qt counts the destination before the move: one further down when the row moves down.
            destination = change.new + 1 if change.new > change.old else change.new
            return bool(model.beginMoveRows(top, change.old, change.old, top, destination))
        return False

    def _applied(self, change: Change) -> None:
        effect, self._owed = self._owed, Effect.NONE
        model = self._model
        if effect is Effect.RESET:
            model.endResetModel()
        elif effect is Effect.LAYOUT:
            self._end_layout()
        elif effect is Effect.ROWS:
            if isinstance(change, RowInserted):
                model.endInsertRows()
            elif isinstance(change, RowRemoved):
                model.endRemoveRows()
            else:
                model.endMoveRows()

    def _end_layout(self) -> None:
        model, before, self._before = self._model, self._before, []
        rows = {id(item): row for row, item in enumerate(self._items())}
        old = model.persistentIndexList()
        new = []
        for index in old:
            row = rows.get(id(before[index.row()]), -1) if 0 <= index.row() < len(before) else -1
            new.append(model.index(row, index.column()) if row >= 0 else QModelIndex())
        model.changePersistentIndexList(old, new)
        model.layoutChanged.emit()
