"""Step 4, the instruments: the policy tools of each axis, classified by NATO, Vedung and instrument type."""

from __future__ import annotations

from functools import partial
from typing import Any

from PySide6.QtWidgets import QComboBox, QFormLayout, QLineEdit, QVBoxLayout, QWidget

from matrices.base import new_id
from matrices.catalogs import Catalog
from matrices.instruments import Instrument
from matrices.strategy import all_indicators
from ui.context import UiContext
from ui.models.instruments import FAMILIES, INSTRUMENTS, InstrumentTableModel
from ui.pages.instruments_groups import build_cost_group, build_ex_ante_group, group_row, retranslate_group
from ui.pages.list_detail import ListDetailPage, fit_checklist
from ui.session import DocumentSession
from ui.widgets.catalog import fill_combo
from ui.widgets.form_layout import hint, text_box
from ui.widgets.item_checklist import ItemChecklist, fill_items_combo, items_catalog
from ui.widgets.matrix_list_panel import MatrixListPanel

TYPES = "instrument_types.json"
CATALOG_COMBOS = {
    "character": "enums.json#instrument_character",
    "timeframe": "enums.json#timeframe",
    "instrument_type": TYPES,
}
TYPOLOGY_COMBOS = {"nato": "nato", "nato_secondary": "nato", "vedung": "vedung", "nature": "howlett"}
PREFILLED = {"nato": "nato", "vedung": "vedung", "nature": "howlett"}
"""Instrument field <- attribute of the instrument type (instrument_types.json) it is pre-filled from."""
COLUMN_WIDTHS = {
    "id": 52,
    "name": 250,
    "axis_id": 56,
    "nato": 160,
    "vedung": 170,
    "instrument_type": 170,
    "responsible_actor_id": 110,
    "timeframe": 150,
}
Entries = list[tuple[str, str]]


def _combo(minimum_chars: int = 22) -> QComboBox:
    combo = QComboBox()
    combo.setSizeAdjustPolicy(QComboBox.SizeAdjustPolicy.AdjustToMinimumContentsLengthWithIcon)
    combo.setMinimumContentsLength(minimum_chars)
    return combo


class InstrumentsPage(ListDetailPage):
    """The instruments matrix: a sortable table of instruments and the selected instrument's form."""

    matrix = "instruments"
    entity = "instrument"
    list_locator = INSTRUMENTS

    def __init__(self, session: DocumentSession, context: UiContext, parent: QWidget | None = None) -> None:
        super().__init__(session, context, parent)
        self.model = InstrumentTableModel(session, context, self.refs, self)
        self.panel = MatrixListPanel(self.model)
        self.panel.set_column_widths(COLUMN_WIDTHS)
        self._combos: dict[str, QComboBox] = {}
        self._entries: dict[str, Entries] = {}
        self._binder = self.new_binder()
        self._cost_binder = self.new_binder("estimated_cost")
        self._ex_ante_binder = self.new_binder("ex_ante_assessment")
        self._build_form()
        self.assemble(self.panel)
        self.retranslate()
        self.refresh()

    # -- the form -------------------------------------------------------------------------------------------------

    def _label(self, key: str) -> str:
        return self.context.label("instrument", key)

    def _text(self, form: QFormLayout, key: str, lines: int) -> None:
        box = text_box(lines)
        self.form.add_field(form, key, box)
        self._binder.bind_text(box, key, partial(self._label, key))

    def _choice(self, form: QFormLayout, key: str) -> QComboBox:
        combo = _combo()
        self._combos[key] = combo
        self.form.add_field(form, key, combo)
        self._binder.bind_combo(combo, key, partial(self._label, key))
        return combo

    def _build_form(self) -> None:
        binder = self._binder
        form = self.form.add_section(lambda: self.tr("What it is and where it belongs"))
        name = QLineEdit()
        self.form.add_field(form, "name", name)
        binder.bind_line(name, "name", partial(self._label, "name"))
        self._text(form, "description", 3)
        axis = _combo()
        self._combos["axis_id"] = axis
        self.form.add_field(form, "axis_id", axis)
        binder.bind_combo_with(axis, "axis_id", partial(self._label, "axis_id"), self._keep_line_in_axis)
        self._choice(form, "line_of_action_id")
        self._choice(form, "character")
        self._choice(form, "timeframe")

        form = self.form.add_section(lambda: self.tr("Classification"))
        kind = _combo()
        self._combos["instrument_type"] = kind
        self.type_hint = hint()
        type_box = QWidget()
        column = QVBoxLayout(type_box)
        column.setContentsMargins(0, 0, 0, 0)
        column.setSpacing(3)
        column.addWidget(kind)
        column.addWidget(self.type_hint)
        type_box.setFocusProxy(kind)
        self.form.add_field(form, "instrument_type", type_box)
        binder.bind_combo_with(kind, "instrument_type", partial(self._label, "instrument_type"), self._typology_of)
        for key in TYPOLOGY_COMBOS:
            self._choice(form, key)
        self._text(form, "legal_basis", 2)

        form = self.form.add_section(lambda: self.tr("Who applies it, and to whom"))
        self._choice(form, "responsible_actor_id")
        self.target_actors = ItemChecklist(items_catalog("actors", []), self.context.lang)
        self.form.add_field(form, "target_actor_ids", self.target_actors)
        binder.bind_checklist(self.target_actors, "target_actor_ids", partial(self._label, "target_actor_ids"))
        self._text(form, "target_group", 2)
        self._text(form, "mechanism", 2)

        form = self.form.add_section(lambda: self.tr("Resources and cost"))
        self._text(form, "resources_required", 2)
        self.cost_group = build_cost_group(self, self._cost_binder, self.context)
        form.addRow(self.cost_group)
        group_row(self, "estimated_cost", self.cost_group)

        form = self.form.add_section(lambda: self.tr("Monitoring, risks and assessment"))
        self.indicators = ItemChecklist(items_catalog("indicators", []), self.context.lang)
        self.form.add_field(form, "indicator_ids", self.indicators)
        binder.bind_checklist(self.indicators, "indicator_ids", partial(self._label, "indicator_ids"))
        self._text(form, "risks", 3)
        self.ex_ante_group = build_ex_ante_group(self, self._ex_ante_binder, self.context)
        form.addRow(self.ex_ante_group)
        group_row(self, "ex_ante_assessment", self.ex_ante_group)

    # -- what one choice fills in -----------------------------------------------------------------------------------

    def _typology_of(self, type_id: Any) -> dict[str, Any]:
        """Return the NATO resource, Vedung type and nature an instrument type implies (instrument_types.json)."""
        entry = self.context.catalogs.get(TYPES).get(str(type_id)) if type_id else None
        if entry is None:
            return {}
        return {field: entry.attrs[attr] for field, attr in PREFILLED.items() if entry.attrs.get(attr)}

    def _keep_line_in_axis(self, axis_id: Any) -> dict[str, Any]:
        """Clear the line of action when it does not belong to the newly chosen axis."""
        item = self.current_item()
        if item is None or item.line_of_action_id is None:
            return {}
        axis = next((a for a in self.session.proposal.strategy_matrix.axes if a.id == axis_id), None)
        lines = {line.id for line in axis.lines_of_action} if axis is not None else set()
        return {} if item.line_of_action_id in lines else {"line_of_action_id": None}

    # -- Page interface -----------------------------------------------------------------------------------------------

    def title(self) -> str:
        """Return the step's title: the field model's name of the instruments list."""
        return self.context.label("instrument_matrix", "instruments")

    def new_item(self) -> Instrument:
        """Return a new instrument with a fresh id, on the selected instrument's axis when there is one."""
        current = self.current_item()
        axis_id = current.axis_id if isinstance(current, Instrument) else None
        return Instrument(id=new_id(), axis_id=axis_id)

    def add_text(self) -> str:
        """Return the add button's text."""
        return self.tr("Add instrument")

    def remove_text(self) -> str:
        """Return the remove button's text."""
        return self.tr("Remove instrument")

    def empty_hint(self) -> str:
        """Return the text shown when no instrument is selected."""
        return self.tr("Select an instrument in the list, or add one with “Add instrument”.")

    def retranslate_choices(self) -> None:
        """Refill the catalogue pickers in the interface language."""
        lang, catalogs = self.context.lang, self.context.catalogs
        for key, ref in CATALOG_COMBOS.items():
            fill_combo(self._combos[key], catalogs.get(ref), lang)
        families = catalogs.get(FAMILIES)
        for key, typology in TYPOLOGY_COMBOS.items():
            entries = tuple(entry for entry in families if entry.attrs.get("typology") == typology)
            fill_combo(self._combos[key], Catalog(f"{FAMILIES}#{typology}", entries), lang)
        self.type_hint.setText(self.tr("Choosing a type fills in the classification below; you can still change it."))
        retranslate_group(self.cost_group, self.context)
        retranslate_group(self.ex_ante_group, self.context)
        self._entries.clear()
        self.refresh_choices()

    def refresh_choices(self) -> bool:
        """Offer the proposal's axes, lines of action, actors and indicators, keeping dangling links visible."""
        refs = self.refs.get(self.context.lang)
        proposal = self.session.proposal
        item = self.current_item()
        axis = next((a for a in proposal.strategy_matrix.axes if item is not None and a.id == item.axis_id), None)
        wanted = {
            "axis_id": [(a.id, refs.ref(a.id)) for a in proposal.strategy_matrix.axes],
            "line_of_action_id": [(line.id, refs.ref(line.id)) for line in (axis.lines_of_action if axis else [])],
            "responsible_actor_id": [(a.id, refs.ref(a.id)) for a in proposal.actor_matrix.actors],
            "indicator_ids": [(i.id, refs.ref(i.id)) for _, i in all_indicators(proposal.strategy_matrix)],
        }
        wanted["target_actor_ids"] = wanted["responsible_actor_id"]
        if item is not None:
            for key in ("axis_id", "line_of_action_id", "responsible_actor_id"):
                value = getattr(item, key)
                if value is not None and all(value != entry_id for entry_id, _ in wanted[key]):
                    # A link to something deleted stays visible (and reported by rule G02) instead of vanishing.
                    wanted[key] = [*wanted[key], (value, refs.ref(value))]
        changed = False
        for key, entries in wanted.items():
            if self._entries.get(key) == entries:
                continue
            self._entries[key] = entries
            changed = True
            if key in ("target_actor_ids", "indicator_ids"):
                checklist = self.target_actors if key == "target_actor_ids" else self.indicators
                checklist.set_entries(items_catalog(key, entries), self.context.lang)
                fit_checklist(checklist, max(2, min(len(entries), 7)), show_filter=len(entries) > 8)
            else:
                fill_items_combo(self._combos[key], entries)
        return changed

    def refresh_extras(self, item: Any | None) -> None:
        """Check the optional groups of the instrument that has them."""
        instrument = item if isinstance(item, Instrument) else None
        self.cost_group.show_value(instrument.estimated_cost if instrument else None)
        self.ex_ante_group.show_value(instrument.ex_ante_assessment if instrument else None)

    def apply_read_only(self) -> None:
        """Keep content visible but refuse edits."""
        super().apply_read_only()
        for group in (self.cost_group, self.ex_ante_group):
            group.set_read_only(self.session.read_only)
