"""The indicators table: general-objective or axis indicators with baseline, target and verification."""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import QObject

from matrices.catalogs import Catalog
from ui.context import UiContext
from ui.models.item_table import Choices, Column, ItemTableModel, display_code
from ui.session import DocumentSession

ENTITY = "indicator"
LEVELS = "enums.json#indicator_level"
BASELINE_STATUS = "enums.json#baseline_status"
FREQUENCY = "enums.json#frequency"


def _sub_label(context: UiContext, key: str) -> str:
    parent, _, sub = key.partition(".")
    spec = context.field_model.field(ENTITY, parent)
    label = next((s.label(context.lang) for s in spec.subfields if s.key == sub), sub)
    return f"{spec.label(context.lang)}\n{label}"


class IndicatorTableModel(ItemTableModel):
    """One row per indicator of a list (the general objective's or one axis's); cells edit through commands."""

    def __init__(
        self,
        session: DocumentSession,
        context: UiContext,
        code_prefix: Callable[[], str],
        parent: QObject | None = None,
    ) -> None:
        self._prefix = code_prefix
        super().__init__(session, context, self._make_columns(context), self._indicator_code, parent)

    def _indicator_code(self, row: int, item: object) -> str:
        return display_code(str(getattr(item, "id", "")), f"{self._prefix()}{row + 1}")

    def _catalog_choices(self, ref: str) -> Callable[[], Choices]:
        def choices() -> Choices:
            catalog: Catalog = self.context.catalogs.get(ref)
            return [(None, "—")] + [(entry.id, entry.label(self.context.lang)) for entry in catalog]

        return choices

    def _make_columns(self, context: UiContext) -> list[Column]:
        def label(key: str) -> Callable[[], str]:
            return lambda: _sub_label(context, key) if "." in key else context.label(ENTITY, key)

        return [
            Column("id", lambda: self.tr("Code"), "code"),
            Column("name", label("name"), "text", width=260),
            Column("level", label("level"), "choice", self._catalog_choices(LEVELS), width=130),
            Column("baseline.value", label("baseline.value"), "number"),
            Column("baseline.year", label("baseline.year"), "year"),
            Column("baseline.status", label("baseline.status"), "choice", self._catalog_choices(BASELINE_STATUS)),
            Column("target.value", label("target.value"), "number"),
            Column("target.year", label("target.year"), "year"),
            Column("frequency", label("frequency"), "choice", self._catalog_choices(FREQUENCY), width=120),
            Column("means_of_verification", label("means_of_verification"), "text"),
        ]
