"""Step 3, the actors: the stakeholder register, each actor's form and the power/interest grid."""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import QSignalBlocker, Qt
from PySide6.QtWidgets import QComboBox, QLineEdit, QTabWidget, QVBoxLayout, QWidget

from matrices.actors import Actor, short_name
from matrices.base import new_id
from ui.commands import Change, SetValueCommand
from ui.context import UiContext
from ui.models.actors import ACTORS, ActorTableModel, rating_text, scale_values
from ui.pages.actors_relations import RelationsEditor
from ui.pages.list_detail import FormRow, ListDetailPage, fit_checklist
from ui.session import DocumentSession
from ui.widgets.actor_grid import ActorGridWidget
from ui.widgets.catalog import CatalogChecklist, fill_combo
from ui.widgets.form_layout import hint, text_box
from ui.widgets.item_checklist import ItemChecklist, items_catalog
from ui.widgets.matrix_list_panel import MatrixListPanel
from ui.widgets.plain_text import plain_label

CATALOG_COMBOS = {"type": "actor_types.json", "level": "actor_levels.json", "data_type": "enums.json#evidence_type"}
CHECKLISTS = {"roles": "actor_roles.json", "resources": "actor_resources.json"}
RATINGS = {"interest": "interest", "influence": "influence", "position": "position"}
COLUMN_WIDTHS = {
    "id": 52,
    "name": 220,
    "acronym": 86,
    "type": 150,
    "level": 96,
    "interest": 62,
    "influence": 78,
    "position": 72,
    "strategy": 150,
}


def combo_box(minimum_chars: int = 22) -> QComboBox:
    """Return a combo box that long catalogue labels cannot widen past the form."""
    combo = QComboBox()
    combo.setSizeAdjustPolicy(QComboBox.SizeAdjustPolicy.AdjustToMinimumContentsLengthWithIcon)
    combo.setMinimumContentsLength(minimum_chars)
    return combo


class ActorsPage(ListDetailPage):
    """The actors matrix: a sortable register, the selected actor's form and an interactive power/interest grid."""

    matrix = "actors"
    entity = "actor"
    list_locator = ACTORS

    def __init__(self, session: DocumentSession, context: UiContext, parent: QWidget | None = None) -> None:
        super().__init__(session, context, parent)
        self.model = ActorTableModel(session, context, self.refs, self)
        self.panel = MatrixListPanel(self.model)
        self.panel.set_column_widths(COLUMN_WIDTHS)
        self.grid = ActorGridWidget(context.catalogs)
        self.grid.actor_selected.connect(self.panel.select_id)
        self.grid.ratings_dropped.connect(self.set_ratings)
        self.tabs = QTabWidget()
        self.tabs.setDocumentMode(True)
        self.grid_hint = hint()
        grid_page = QWidget()
        grid_column = QVBoxLayout(grid_page)
        grid_column.setContentsMargins(0, 6, 0, 0)
        grid_column.setSpacing(6)
        grid_column.addWidget(self.grid_hint)
        grid_column.addWidget(self.grid, 1)
        self.grid_page = grid_page
        self.tabs.addTab(self.panel, "")
        self.tabs.addTab(grid_page, "")
        self.tabs.currentChanged.connect(lambda _index: self._show_grid_selection())
        self._combos: dict[str, QComboBox] = {}
        self._ratings: dict[str, QComboBox] = {}
        self._checklists: dict[str, CatalogChecklist] = {}
        self._binder = self.new_binder()
        self._build_form()
        # On the grid the participant is rating: the guidance explains the suggested strategy.
        self.form.register(
            FormRow("actor", "strategy", None, self.grid, lambda: self.tr("Power/interest grid")), "grid"
        )
        self.assemble(self.tabs)
        self.retranslate()
        self.refresh()

    # -- the form ---------------------------------------------------------------------------------------------

    def _build_form(self) -> None:
        binder = self._binder
        form = self.form.add_section(lambda: self.tr("Identification"))
        name = QLineEdit()
        self.form.add_field(form, "name", name)
        binder.bind_line(name, "name", self.context.undo_name("actor", "name"))
        acronym = QLineEdit()
        acronym.setMaximumWidth(180)
        self.form.add_field(form, "acronym", acronym)
        binder.bind_line(acronym, "acronym", self.context.undo_name("actor", "acronym"))
        for key in ("type", "level"):
            self._add_combo(form, key)
        mandate = text_box(2)
        self.form.add_field(form, "mandate", mandate)
        binder.bind_text(mandate, "mandate", self.context.undo_name("actor", "mandate"))

        form = self.form.add_section(lambda: self.tr("Role and interest"))
        self._add_checklist(form, "roles", rows=6)
        for key, lines in (("interest_description", 3), ("perceived_problems", 2)):
            box = text_box(lines)
            self.form.add_field(form, key, box)
            binder.bind_text(box, key, self.context.undo_name("actor", key))
        self._add_checklist(form, "resources", rows=5)

        form = self.form.add_section(lambda: self.tr("Ratings and suggested strategy"))
        for key in RATINGS:
            combo = combo_box(18)
            self._ratings[key] = combo
            self.form.add_field(form, key, combo)
            binder.bind_combo(combo, key, self.context.undo_name("actor", key))
        self.strategy_value = plain_label()
        self.strategy_value.setWordWrap(True)
        self.strategy_value.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.strategy_note = hint()
        strategy_box = QWidget()
        column = QVBoxLayout(strategy_box)
        column.setContentsMargins(0, 0, 0, 0)
        column.setSpacing(2)
        column.addWidget(self.strategy_value)
        column.addWidget(self.strategy_note)
        self.form.add_field(form, "strategy", strategy_box)
        basis = text_box(2)
        self.form.add_field(form, "assessment_basis", basis)
        binder.bind_text(basis, "assessment_basis", self.context.undo_name("actor", "assessment_basis"))
        self._add_combo(form, "data_type")

        form = self.form.add_section(lambda: self.tr("Engagement"))
        detail = text_box(3)
        self.form.add_field(form, "strategy_detail", detail)
        binder.bind_text(detail, "strategy_detail", self.context.undo_name("actor", "strategy_detail"))
        self.axes = ItemChecklist(items_catalog("axes", []), self.context.lang)
        self.form.add_field(form, "axis_ids", self.axes)
        binder.bind_checklist(self.axes, "axis_ids", self.context.undo_name("actor", "axis_ids"))
        self.relations = RelationsEditor(self.session, self.context, self.refs)
        self.form.add_field(form, "relations", self.relations)

    def _add_combo(self, form: Any, key: str) -> None:
        combo = combo_box()
        self._combos[key] = combo
        self.form.add_field(form, key, combo)
        self._binder.bind_combo(combo, key, self.context.undo_name("actor", key))

    def _add_checklist(self, form: Any, key: str, rows: int) -> None:
        catalog = self.context.catalogs.get(CHECKLISTS[key])
        checklist = CatalogChecklist(catalog, self.context.lang)
        fit_checklist(checklist, rows, show_filter=len(catalog) > 10)
        self._checklists[key] = checklist
        self.form.add_field(form, key, checklist)
        self._binder.bind_checklist(checklist, key, self.context.undo_name("actor", key))

    # -- Page interface -------------------------------------------------------------------------------------------

    def title(self) -> str:
        """Return the step's title: the field model's name of the actors list."""
        return self.context.label("actor_matrix", "actors")

    def new_item(self) -> Actor:
        """Return a new actor with a fresh id."""
        return Actor(id=new_id())

    def add_text(self) -> str:
        """Return the add button's text."""
        return self.tr("Add actor")

    def remove_text(self) -> str:
        """Return the remove button's text."""
        return self.tr("Remove actor")

    def empty_hint(self) -> str:
        """Return the text shown when no actor is selected."""
        return self.tr("Select an actor in the list or on the grid, or add one with “Add actor”.")

    def retranslate_choices(self) -> None:
        """Refill the catalogue pickers, the rating scales and the tabs in the interface language."""
        lang = self.context.lang
        for key, ref in CATALOG_COMBOS.items():
            fill_combo(self._combos[key], self.context.catalogs.get(ref), lang)
        for key, scale in RATINGS.items():
            self._fill_rating(self._ratings[key], scale)
        for checklist in self._checklists.values():
            checklist.set_language(lang)
        self.tabs.setTabText(0, self.tr("List"))
        self.tabs.setTabText(1, self.tr("Power/interest grid"))
        self.grid_hint.setText(
            self.tr("Drag an actor to another cell to change its interest and influence, or use the arrow keys.")
        )
        self.strategy_note.setText(
            self.tr("Derived from interest and influence; drag the actor on the grid to re-rate it.")
        )
        self.relations.retranslate()
        self.refresh_choices(force=True)
        self.grid.set_proposal(self.session.proposal, lang)

    def _fill_rating(self, combo: QComboBox, scale: str) -> None:
        current = combo.currentData()
        with QSignalBlocker(combo):
            combo.clear()
            combo.addItem("—", None)
            for value, label, description in scale_values(self.context.catalogs, scale, self.context.lang):
                combo.addItem(f"{rating_text(value, signed=scale == 'position')} · {label}", value)
                combo.setItemData(combo.count() - 1, description, Qt.ItemDataRole.ToolTipRole)
            combo.setCurrentIndex(max(combo.findData(current), 0))

    def refresh_choices(self, force: bool = False) -> bool:
        """Offer the proposal's axes in the 'axes it takes part in' checklist."""
        refs = self.refs.get(self.context.lang)
        entries = [(axis.id, refs.ref(axis.id)) for axis in self.session.proposal.strategy_matrix.axes]
        if not force and entries == getattr(self, "_axis_entries", None):
            return False
        self._axis_entries = entries
        self.axes.set_entries(items_catalog("axes", entries), self.context.lang)
        fit_checklist(self.axes, max(2, min(len(entries), 6)), show_filter=len(entries) > 8)
        return True

    def refresh_extras(self, item: Any | None) -> None:
        """Show the suggested strategy, the actor's relations, and mark it on the grid."""
        actor = item if isinstance(item, Actor) else None
        strategy = self.model.strategy_label(actor) if actor is not None else ""
        # A plain label (the quadrant's name comes from the catalogue): bold by its font, not by markup.
        font = self.strategy_value.font()
        font.setBold(bool(strategy))
        self.strategy_value.setFont(font)
        self.strategy_value.setText(strategy or self.tr("Rate interest and influence first."))
        self.relations.set_actor(self.item_locator() if actor is not None else None)
        self.grid.set_selected(actor.id if actor is not None else None)

    def apply_read_only(self) -> None:
        """Keep content visible but refuse edits (the grid still selects)."""
        super().apply_read_only()
        self.grid.set_read_only(self.session.read_only)
        self.relations.set_read_only(self.session.read_only)

    def after_change(self, change: Change) -> None:
        """Re-lay out the grid when actors change (names, ratings, the list itself)."""
        if change.locator[:1] == ACTORS[:1]:
            self.grid.invalidate()

    def refresh(self) -> None:
        """Re-read the proposal (it may have been replaced by a restore)."""
        self.grid.set_proposal(self.session.proposal, self.context.lang)
        super().refresh()

    def show_item(self, item: str | None, field: str | None) -> None:
        """Select the actor (switching to the list) and focus the field."""
        if field in ("interest", "influence") and self.tabs.currentWidget() is self.grid_page and item:
            self.panel.select_id(item)
            self.grid.setFocus()
            return
        self.tabs.setCurrentWidget(self.panel)
        super().show_item(item, field)

    # -- the grid -----------------------------------------------------------------------------------------------------

    def set_ratings(self, actor_id: str, interest: int, influence: int) -> None:
        """Give an actor new interest and influence ratings in one undo step (a drag on the grid)."""
        actor = next((a for a in self.session.proposal.actor_matrix.actors if a.id == actor_id), None)
        if actor is None or self.session.read_only:
            return
        changes = [(key, value) for key, value in (("interest", interest), ("influence", influence))]
        changes = [(key, value) for key, value in changes if getattr(actor, key) != value]
        if not changes:
            return
        locator = (*ACTORS, ("id", actor_id))
        text = self.tr("Move %1 on the grid").replace("%1", short_name(actor))
        stack = self.session.undo_stack
        stack.beginMacro(text)
        try:
            for key, value in changes:
                self.session.push(SetValueCommand(self.session, locator, key, value, text))
        finally:
            stack.endMacro()
        self.panel.select_id(actor_id)

    def _show_grid_selection(self) -> None:
        self.grid.set_selected(self.panel.current_id())
