"""The base of every editor page: access to the session and context, refresh and navigation hooks."""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import QModelIndex, QPersistentModelIndex, Signal
from PySide6.QtWidgets import QAbstractItemView, QWidget

from matrices.review import MatrixKey
from ui.commands import Change
from ui.context import UiContext
from ui.models.matrix_list import ID_ROLE
from ui.session import DocumentSession


class Page(QWidget):
    """A step of the editor. Subclasses build their widgets in __init__ and keep them in sync with the session."""

    matrix: MatrixKey = "general"
    field_focused = Signal(str, str)
    """(entity, field key) the participant is working on: the main window shows its guidance."""

    def __init__(self, session: DocumentSession, context: UiContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.session = session
        self.context = context
        session.changed.connect(self.on_change)

    def title(self) -> str:
        """Return the step's title in the interface language (shown in the step list)."""
        raise NotImplementedError

    def refresh(self) -> None:
        """Show the proposal's current content (after opening, language switch or a restore)."""

    def on_change(self, change: Change) -> None:
        """React to an edit, undo or redo (default: nothing; bound forms refresh themselves)."""

    def show_item(self, item: str | None, field: str | None) -> None:
        """Bring the given item and field into view and focus it (finding activation, comment navigation)."""

    def anchor_at(
        self, view: QAbstractItemView, index: QModelIndex | QPersistentModelIndex
    ) -> tuple[str | None, str | None] | None:
        """Return the (item id, field) a row of one of the page's views shows, for comments; None when none.

        The default reads the item id every item model of ui/models answers for ID_ROLE; a page overrides this
        for views whose rows are parts of an item (an actor's relations).
        """
        del view
        item_id = index.siblingAtColumn(0).data(ID_ROLE) if index.isValid() else None
        return (str(item_id), None) if item_id else None

    def retranslate(self) -> None:
        """Re-apply every visible text after a language switch."""


PageBuilder = Callable[[DocumentSession, UiContext], Page]
"""Builds a step's page (imports its module on first use: the pages' widgets are most of the start-up)."""


class DeferredPage(Page):
    """Holds a step's place until its page is first needed; EditorView then builds the page and swaps it in.

    Building the five pages before the first paint took most of the start-up; a step knows its matrix and title
    without them, so the step list is complete from the start.
    """

    def __init__(
        self,
        session: DocumentSession,
        context: UiContext,
        matrix: MatrixKey,
        title: Callable[[UiContext], str],
        build: PageBuilder,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(session, context, parent)
        self.matrix = matrix
        self._title = title
        self._build = build

    def title(self) -> str:
        """Return the title the page will have, in the interface language."""
        return self._title(self.context)

    def build(self) -> Page:
        """Build the page this step stands for, in the interface language and showing the current content."""
        # Every page retranslates and refreshes itself as its constructor ends: doing it again here doubled the
        # cost of showing a step of a large proposal.
        return self._build(self.session, self.context)
