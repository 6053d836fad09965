"""Table model of the instruments matrix: each policy instrument with its axis, typology and responsible actor."""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import QObject

from matrices.edits import Locator
from matrices.instruments import Instrument
from ui.context import UiContext
from ui.models.matrix_list import Column, MatrixListModel, RefsCache
from ui.session import DocumentSession

INSTRUMENTS: Locator = ("instrument_matrix", "instruments")
FAMILIES = "instrument_families.json"


def _text(value: Any) -> str:
    return str(value or "").strip()


class InstrumentTableModel(MatrixListModel):
    """The instrument mix: code, name, axis, NATO resource, Vedung type, type, responsible actor and timeframe."""

    def __init__(
        self,
        session: DocumentSession,
        context: UiContext,
        refs: RefsCache | None = None,
        parent: QObject | None = None,
    ) -> None:
        self.context = context

        def label(key: str) -> Any:
            return lambda: context.label("instrument", key)

        def catalog(ref: str, key: str) -> Any:
            return lambda item: context.catalog_label(ref, getattr(item, key))

        def code(key: str) -> Any:
            return lambda item: self.refs.get(context.lang).code(getattr(item, key)) if getattr(item, key) else ""

        def ref(key: str) -> Any:
            return lambda item: self.refs.get(context.lang).ref(getattr(item, key)) if getattr(item, key) else None

        columns = [
            Column("id", lambda: self.tr("Code"), code("id")),
            Column("name", label("name"), lambda item: item.name, parse=_text),
            Column(
                "axis_id",
                label("axis_id"),
                code("axis_id"),
                tooltip=ref("axis_id"),
                short_header=lambda: self.tr("Axis"),
            ),
            # The typologies are known by their authors' names, the same in both languages.
            Column("nato", label("nato"), catalog(FAMILIES, "nato"), short_header=lambda: "NATO"),
            Column("vedung", label("vedung"), catalog(FAMILIES, "vedung"), short_header=lambda: "Vedung"),
            Column(
                "instrument_type",
                label("instrument_type"),
                catalog("instrument_types.json", "instrument_type"),
                short_header=lambda: self.tr("Type"),
            ),
            Column(
                "responsible_actor_id",
                label("responsible_actor_id"),
                self._actor,
                tooltip=ref("responsible_actor_id"),
            ),
            Column("timeframe", label("timeframe"), catalog("enums.json#timeframe", "timeframe")),
        ]
        super().__init__(session, INSTRUMENTS, columns, refs or RefsCache(session, context.catalogs), parent)

    def _actor(self, instrument: Instrument) -> str:
        """Show the responsible actor by its acronym (short and familiar), else by its code."""
        actor_id = instrument.responsible_actor_id
        if actor_id is None:
            return ""
        actor = next((a for a in self._session.proposal.actor_matrix.actors if a.id == actor_id), None)
        if actor is not None and actor.acronym:
            return actor.acronym
        return self.refs.get(self.context.lang).code(actor_id)
