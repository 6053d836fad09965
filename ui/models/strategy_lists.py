"""Table models of the strategy matrix's smaller lists: axes, ends, excluded causes and lines of action."""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import QObject

from ui.context import UiContext
from ui.models.item_table import Choices, Column, ItemTableModel, display_code
from ui.session import DocumentSession

AXES = ("strategy_matrix", "axes")
ENDS = ("strategy_matrix", "ends")
EXCLUDED = ("strategy_matrix", "excluded_causes")


class AxisTableModel(ItemTableModel):
    """The list of strategic axes: code and name (the rest is edited in the axis form)."""

    def __init__(self, session: DocumentSession, context: UiContext, parent: QObject | None = None) -> None:
        columns = [
            Column("id", lambda: self.tr("Code"), "code"),
            Column("name", lambda: context.label("axis", "name"), "text", read_only=True),
        ]
        super().__init__(session, context, columns, self._axis_code, parent)
        self.set_list_locator(AXES)

    @staticmethod
    def _axis_code(row: int, item: object) -> str:
        return display_code(str(getattr(item, "id", "")), f"EJ{row + 1}")


class EndTableModel(ItemTableModel):
    """The ends of the objective tree: the effect each one turns positive, and its wording."""

    def __init__(
        self,
        session: DocumentSession,
        context: UiContext,
        effects: Callable[[], Choices],
        parent: QObject | None = None,
    ) -> None:
        columns = [
            Column("id", lambda: self.tr("Code"), "code"),
            Column("effect_id", lambda: context.label("end", "effect_id"), "choice", effects, width=260),
            Column("description", lambda: context.label("end", "description"), "text"),
        ]
        super().__init__(session, context, columns, self._end_code, parent)
        self.set_list_locator(ENDS)

    @staticmethod
    def _end_code(row: int, item: object) -> str:
        return display_code(str(getattr(item, "id", "")), f"F{row + 1}")


class ExcludedCauseTableModel(ItemTableModel):
    """Direct causes that no axis addresses, each with the reason for leaving it out."""

    def __init__(
        self, session: DocumentSession, context: UiContext, causes: Callable[[], Choices], parent: QObject | None = None
    ) -> None:
        columns = [
            Column("cause_id", lambda: context.label("excluded_cause", "cause_id"), "choice", causes, width=260),
            Column("justification", lambda: context.label("excluded_cause", "justification"), "text"),
        ]
        super().__init__(session, context, columns, None, parent)
        self.set_list_locator(EXCLUDED)

    def item_id(self, row: int) -> str | None:
        """Return the excluded cause's id: an exclusion has no id of its own, findings and comments name the cause."""
        cause_id = getattr(self.items()[row], "cause_id", None)
        return str(cause_id) if cause_id is not None else None

    def row_of_cause(self, cause_id: str) -> int:
        """Return the row excluding this cause (-1 when none does)."""
        return next((row for row, item in enumerate(self.items()) if item.cause_id == cause_id), -1)


class LineOfActionTableModel(ItemTableModel):
    """The lines of action of the selected axis."""

    def __init__(
        self, session: DocumentSession, context: UiContext, axis_code: Callable[[], str], parent: QObject | None = None
    ) -> None:
        self._axis_code = axis_code
        columns = [
            Column("id", lambda: self.tr("Code"), "code"),
            Column("text", lambda: context.label("line_of_action", "text"), "text"),
        ]
        super().__init__(session, context, columns, self._line_code, parent)

    def _line_code(self, row: int, item: object) -> str:
        return display_code(str(getattr(item, "id", "")), f"{self._axis_code()}.L{row + 1}")
