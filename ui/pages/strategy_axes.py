"""The strategic axes: the list of axes on the left and the selected axis's form, in tabs, on the right."""

from __future__ import annotations

from functools import partial

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import (
    QComboBox,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QScrollArea,
    QSplitter,
    QStackedWidget,
    QTabWidget,
    QVBoxLayout,
    QWidget,
)

from matrices.base import new_id
from matrices.catalogs import numbered
from matrices.edits import Locator
from matrices.strategy import Axis, LineOfAction
from ui.binding import FieldBinder
from ui.commands import SetValueCommand
from ui.context import UiContext
from ui.deleting import Deleter
from ui.models.strategy_lists import AXES, AxisTableModel, LineOfActionTableModel
from ui.pages.strategy_binding import (
    CostBinder,
    actor_entries,
    cause_entries,
    entity_label,
    field_label,
)
from ui.pages.strategy_forms import (
    add_row,
    column,
    fit_short_checklist,
    focus,
    form_layout,
    group,
    hint_label,
    scrolled,
    section_title,
    text_box,
    wrap_entries,
)
from ui.pages.strategy_indicators import IndicatorEditor
from ui.session import DocumentSession
from ui.widgets.catalog import CatalogChecklist, fill_combo
from ui.widgets.form_layout import name_checklist
from ui.widgets.item_checklist import ItemChecklist, fill_items_combo, items_catalog
from ui.widgets.list_editor import ListEditor

ENTITY = "axis"
TIMEFRAMES = "enums.json#timeframe"
PRIORITIES = "scales.json#priority"
DATA_TYPES = "enums.json#evidence_type"
ALIGNMENT = (
    ("gcm_objectives", "gcm_objectives.json"),
    ("sdg_targets", "sdg_targets.json"),
    ("migof", "migof.json"),
    ("mgi_domains", "mgi_domains.json"),
)
TAB_OBJECTIVE, TAB_LINES, TAB_INDICATORS, TAB_RESPONSIBILITY, TAB_ALIGNMENT = range(5)
# Which tab of the axis form holds each field, for navigation from a finding.
FIELD_TABS = {
    "name": TAB_OBJECTIVE,
    "strategic_objective": TAB_OBJECTIVE,
    "addressed_cause_ids": TAB_OBJECTIVE,
    "lines_of_action": TAB_LINES,
    "expected_results": TAB_LINES,
    "assumptions_risks": TAB_LINES,
    "indicators": TAB_INDICATORS,
    "lead_actor_id": TAB_RESPONSIBILITY,
    "co_responsible_actor_ids": TAB_RESPONSIBILITY,
    "timeframe": TAB_RESPONSIBILITY,
    "priority": TAB_RESPONSIBILITY,
    "estimated_cost": TAB_RESPONSIBILITY,
    "alignment": TAB_ALIGNMENT,
}


class AxisPanel(QWidget):
    """Lists the axes (add, remove, move: one undo step each) and edits the selected one."""

    field_focused = Signal(str, str)

    def __init__(self, session: DocumentSession, context: UiContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.session = session
        self.context = context
        self._current_id: str | None = None
        self.labels: dict[str, QLabel] = {}
        self.widgets: dict[str, QWidget] = {}
        self._areas: dict[int, QScrollArea] = {}
        self.deleter = Deleter(session, context, self)

        self.axes_model = AxisTableModel(session, context, self)
        self.axes = ListEditor(
            self.axes_model,
            lambda: Axis(id=new_id()),
            lambda: entity_label(context, ENTITY),
            self,
            compact=True,
            deleter=self.deleter,
        )
        self.axes.table.horizontalHeader().setVisible(False)
        # As narrow as its four buttons: the axis's five tabs need the rest of a laptop screen.
        self.binder = FieldBinder(session, self.axis_locator, ENTITY, self)
        self.alignment_binder = FieldBinder(session, lambda: self._sub_locator("alignment"), ENTITY, self)
        self.cost_binder = CostBinder(session, self.axis_locator, self)

        self.title = section_title(self)
        self.title.setWordWrap(True)
        self.tabs = QTabWidget(self)
        self.tabs.setDocumentMode(True)
        self._add_tab(TAB_OBJECTIVE, self._build_objective())
        self._add_tab(TAB_LINES, self._build_lines())
        self.indicators = IndicatorEditor(session, context, self._indicator_prefix, self)
        self.tabs.insertTab(TAB_INDICATORS, self.indicators, "")
        self._add_tab(TAB_RESPONSIBILITY, self._build_responsibility())
        self._add_tab(TAB_ALIGNMENT, self._build_alignment())
        form_side = QWidget(self)
        form_layout_ = QVBoxLayout(form_side)
        form_layout_.setContentsMargins(12, 0, 0, 0)
        form_layout_.addWidget(self.title)
        form_layout_.addWidget(self.tabs, 1)
        self.empty = hint_label(self)
        self.empty.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.stack = QStackedWidget(self)
        self.stack.addWidget(self.empty)
        self.stack.addWidget(form_side)

        splitter = QSplitter(Qt.Orientation.Horizontal, self)
        splitter.setChildrenCollapsible(False)
        splitter.addWidget(self.axes)
        splitter.addWidget(self.stack)
        splitter.setStretchFactor(0, 0)
        splitter.setStretchFactor(1, 1)
        splitter.setSizes([self.axes.minimumSizeHint().width(), 800])
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(splitter)

        self.axes.current_changed.connect(self._on_axis_changed)
        # A new axis is named first: the keyboard goes straight to its name.
        self.axes.item_added.connect(lambda _row: self.show_field(self._current_id or "", "name"))
        self.axes.cell_focused.connect(lambda key: self.field_focused.emit(ENTITY, key))
        self.binder.focused.connect(lambda _e, key: self.field_focused.emit(ENTITY, key))
        self.alignment_binder.focused.connect(lambda _e, key: self.field_focused.emit(ENTITY, f"alignment.{key}"))
        self.cost_binder.focused.connect(self.field_focused.emit)
        self.lines.cell_focused.connect(lambda key: self.field_focused.emit("line_of_action", key))
        self.indicators.field_focused.connect(self.field_focused.emit)
        self.axes.select_row(0)
        self._on_axis_changed(self.axes.current_row())

    # -- building -----------------------------------------------------------------------------------------------

    def _add_tab(self, index: int, layout: QVBoxLayout) -> None:
        layout.setContentsMargins(4, 12, 12, 12)
        area, _ = scrolled(layout, self)
        self._areas[index] = area
        self.tabs.insertTab(index, area, "")

    def _row(self, form: QFormLayout, key: str, widget: QWidget) -> None:
        add_row(form, widget, self.labels, key)
        self.widgets[key] = widget

    def _build_objective(self) -> QVBoxLayout:
        form = form_layout()
        name, objective = text_box(2, self), text_box(4, self)
        self._row(form, "name", name)
        self._row(form, "strategic_objective", objective)
        self.binder.bind_text(name, "name", partial(self._label, "name"))
        self.binder.bind_text(objective, "strategic_objective", partial(self._label, "strategic_objective"))
        self.causes_title = section_title(self)
        self.causes_hint = hint_label(self)
        self.causes = ItemChecklist(items_catalog("causes", []), self.context.lang, self)
        self.causes.setMinimumHeight(240)
        wrap_entries(self.causes)
        self.widgets["addressed_cause_ids"] = self.causes
        self.binder.bind_checklist(self.causes, "addressed_cause_ids", partial(self._label, "addressed_cause_ids"))
        layout = QVBoxLayout()
        layout.setSpacing(8)
        layout.addLayout(form)
        layout.addSpacing(8)
        for widget in (self.causes_title, self.causes_hint):
            layout.addWidget(widget)
        layout.addWidget(self.causes, 1)
        return layout

    def _build_lines(self) -> QVBoxLayout:
        self.lines_title = section_title(self)
        self.lines_model = LineOfActionTableModel(self.session, self.context, self.axis_code, self)
        self.lines = ListEditor(
            self.lines_model,
            lambda: LineOfAction(id=new_id()),
            lambda: entity_label(self.context, "line_of_action"),
            self,
            visible_rows=5,
            deleter=self.deleter,
        )
        self.widgets["lines_of_action"] = self.lines.table
        form = form_layout()
        results, risks = text_box(4, self), text_box(4, self)
        self._row(form, "expected_results", results)
        self._row(form, "assumptions_risks", risks)
        self.binder.bind_lines(results, "expected_results", partial(self._label, "expected_results"))
        self.binder.bind_lines(risks, "assumptions_risks", partial(self._label, "assumptions_risks"))
        self.lines_hint = hint_label(self)
        layout = QVBoxLayout()
        layout.setSpacing(8)
        layout.addWidget(self.lines_title)
        layout.addWidget(self.lines, 1)
        layout.addSpacing(12)
        layout.addWidget(self.lines_hint)
        layout.addLayout(form)
        return layout

    def _build_responsibility(self) -> QVBoxLayout:
        self.actors_box, form = group(self)
        self.lead = QComboBox(self)
        self.lead.setMinimumContentsLength(24)
        self.lead.setSizeAdjustPolicy(QComboBox.SizeAdjustPolicy.AdjustToMinimumContentsLengthWithIcon)
        self.co_responsible = ItemChecklist(items_catalog("actors", []), self.context.lang, self)
        self.co_responsible.setMinimumHeight(200)
        wrap_entries(self.co_responsible)
        self.timeframe, self.priority = QComboBox(self), QComboBox(self)
        for key, widget in (
            ("lead_actor_id", self.lead),
            ("co_responsible_actor_ids", self.co_responsible),
            ("timeframe", self.timeframe),
            ("priority", self.priority),
        ):
            self._row(form, key, widget)
        self.binder.bind_combo(self.lead, "lead_actor_id", partial(self._label, "lead_actor_id"))
        self.binder.bind_checklist(
            self.co_responsible, "co_responsible_actor_ids", partial(self._label, "co_responsible_actor_ids")
        )
        self.binder.bind_combo(self.timeframe, "timeframe", partial(self._label, "timeframe"))
        self.binder.bind_combo(self.priority, "priority", partial(self._label, "priority"))

        self.cost_box, cost = group(self)
        self.cost_hint = hint_label(self)
        cost.addRow(self.cost_hint)
        amount, currency, funding = QLineEdit(self), QLineEdit(self), QLineEdit(self)
        self.cost_type = QComboBox(self)
        for key, widget in (("amount", amount), ("currency", currency), ("funding_source", funding)):
            self._row(cost, f"estimated_cost.{key}", widget)
        self._row(cost, "estimated_cost.data_type", self.cost_type)
        self.widgets["estimated_cost"] = amount
        currency.setMaximumWidth(160)
        self.cost_binder.bind_figure(amount, "amount", partial(self._cost_label, "amount"))
        self.cost_binder.bind_line(currency, "currency", partial(self._cost_label, "currency"))
        self.cost_binder.bind_line(funding, "funding_source", partial(self._cost_label, "funding_source"))
        self.cost_binder.bind_combo(self.cost_type, "data_type", partial(self._cost_label, "data_type"))
        self.remove_cost = QPushButton(self)
        self.remove_cost.setAutoDefault(False)
        self.remove_cost.clicked.connect(self._remove_cost)
        buttons = QHBoxLayout()
        buttons.addStretch(1)
        buttons.addWidget(self.remove_cost)
        cost.addRow(buttons)
        return column(self.actors_box, self.cost_box)

    def _build_alignment(self) -> QVBoxLayout:
        self.alignment_hint = hint_label(self)
        layout = QVBoxLayout()
        layout.setSpacing(8)
        layout.addWidget(self.alignment_hint)
        self.alignment_lists: dict[str, CatalogChecklist] = {}
        for key, ref in ALIGNMENT:
            title = section_title(self)
            # With the official numbers, as on the general page: "8.8" finds its SDG target in either list.
            checklist = CatalogChecklist(numbered(self.context.catalogs.get(ref)), self.context.lang, self)
            wrap_entries(checklist)
            checklist.setMinimumHeight(230)
            # Short catalogues (MiGOF, MGI: six entries) are shown whole; the GCM's 23 objectives scroll.
            fit_short_checklist(checklist, len(self.context.catalogs.get(ref)))
            self.labels[f"alignment.{key}"] = title
            self.widgets[f"alignment.{key}"] = checklist
            self.alignment_lists[key] = checklist
            self.alignment_binder.bind_checklist(checklist, key, partial(self._label, f"alignment.{key}"))
            layout.addSpacing(6)
            layout.addWidget(title)
            layout.addWidget(checklist)
        self.widgets["alignment"] = self.alignment_lists["gcm_objectives"]
        layout.addStretch(1)
        return layout

    def _label(self, key: str) -> str:
        return field_label(self.context, ENTITY, key)

    def _cost_label(self, key: str) -> str:
        return self.context.label("estimated_cost", key)

    # -- selection ------------------------------------------------------------------------------------------------

    def axis_locator(self) -> Locator | None:
        """Return the locator of the selected axis (None when there is none)."""
        return None if self._current_id is None else (*AXES, ("id", self._current_id))

    def _sub_locator(self, name: str) -> Locator | None:
        locator = self.axis_locator()
        return None if locator is None else (*locator, name)

    def current_axis(self) -> Axis | None:
        """Return the selected axis."""
        row = self.axes_model.row_of(self._current_id) if self._current_id else -1
        return self.axes_model.items()[row] if row >= 0 else None

    def axis_code(self) -> str:
        """Return the code shown for the selected axis (EJ1...)."""
        row = self.axes_model.row_of(self._current_id) if self._current_id else -1
        return self.axes_model.code(row) if row >= 0 else ""

    def _indicator_prefix(self) -> str:
        row = self.axes_model.row_of(self._current_id) if self._current_id else -1
        return f"IND{row + 1}."

    def select_axis(self, axis_id: str) -> bool:
        """Select an axis by id; False if there is no such axis."""
        row = self.axes_model.row_of(axis_id)
        if row >= 0:
            self.axes.select_row(row)
            self._on_axis_changed(row)
        return row >= 0

    def _on_axis_changed(self, row: int) -> None:
        items = self.axes_model.items()
        new_id_ = items[row].id if 0 <= row < len(items) else None
        changed = new_id_ != self._current_id
        self._current_id = new_id_
        self.stack.setCurrentIndex(1 if new_id_ else 0)
        if changed:
            self.lines_model.set_list_locator(self._sub_locator("lines_of_action"))
            self.lines.select_row(0 if self.lines_model.rowCount() else -1)
            self.indicators.set_list_locator(self._sub_locator("indicators"))
        self._refresh_form()

    def _refresh_form(self) -> None:
        for binder in (self.binder, self.alignment_binder, self.cost_binder):
            binder.refresh()
        self._update_header()
        self.lines.update_buttons()
        self.axes.update_buttons()

    def _update_header(self) -> None:
        axis = self.current_axis()
        name = " ".join(axis.name.split()) if axis else ""
        self.title.setText(f"{self.axis_code()}  ·  {name}" if name else self.axis_code())
        has_cost = axis is not None and axis.estimated_cost is not None
        self.remove_cost.setEnabled(has_cost and not self.session.read_only)

    def on_axes_edited(self, reordered: bool) -> None:
        """Follow an edit of the axes (the binders refresh their own fields): title, cost button, codes."""
        self._update_header()
        if reordered:  # codes such as EJ2.L1 and IND2.1 follow the axis's position
            self.lines_model.refresh_labels()
            self.indicators.model.refresh_labels()

    def _remove_cost(self) -> None:
        locator = self.axis_locator()
        axis = self.current_axis()
        if locator is None or axis is None or axis.estimated_cost is None:
            return
        text = self.tr("Remove the estimated cost")
        self.session.push(SetValueCommand(self.session, locator, "estimated_cost", None, text))

    # -- refresh and language -------------------------------------------------------------------------------------

    def refresh_causes(self) -> None:
        """Offer the causes of the problem tree, with their codes."""
        entries = cause_entries(self.session.proposal, walk=self.session.facts.walk("C"))
        self.causes.set_entries(items_catalog("causes", entries), self.context.lang)
        self.binder.refresh()

    def refresh_actors(self) -> None:
        """Offer the actors of the actors matrix as lead and co-responsible actors."""
        entries = actor_entries(self.session.proposal)
        fill_items_combo(self.lead, entries)
        self.co_responsible.set_entries(items_catalog("actors", entries), self.context.lang)
        self.indicators.refresh_actors()
        self.binder.refresh()

    def refresh(self) -> None:
        """Show the proposal's current content."""
        self.axes_model.refresh_labels()
        self.refresh_causes()
        self.refresh_actors()
        self._on_axis_changed(self.axes.current_row())
        self.indicators.refresh()

    def retranslate(self) -> None:
        """Re-apply every text in the interface language (the page refreshes the content afterwards)."""
        lang = self.context.lang
        search = self.tr("Search")
        for key, label in self.labels.items():
            text = self._cost_label(key.split(".")[1]) if key.startswith("estimated_cost.") else self._label(key)
            label.setText(text)
            widget = self.widgets[key]
            if isinstance(widget, CatalogChecklist):
                name_checklist(widget, text, search)  # its search box and list are what the keyboard reaches
            else:
                widget.setAccessibleName(text)
        # Short tab titles: at 1280×800 the axis form is only about 550 pixels wide.
        self.tabs.setTabText(TAB_OBJECTIVE, self.tr("Objective"))
        self.tabs.setTabText(TAB_LINES, self._label("lines_of_action"))
        self.tabs.setTabText(TAB_INDICATORS, self._label("indicators"))
        self.tabs.setTabText(TAB_RESPONSIBILITY, self.tr("Responsibility and cost"))
        self.tabs.setTabText(TAB_ALIGNMENT, self.tr("Alignment"))
        self.causes_title.setText(self._label("addressed_cause_ids"))
        name_checklist(self.causes, self._label("addressed_cause_ids"), search)
        self.causes_hint.setText(
            self.tr("Tick the causes of the problem tree that this axis tackles (direct ones or their sub-causes).")
        )
        self.lines_title.setText(self._label("lines_of_action"))
        self.lines_hint.setText(self.tr("One item per line."))
        self.actors_box.setTitle(self.tr("Responsibility and timing"))
        self.cost_box.setTitle(entity_label(self.context, "estimated_cost"))
        self.cost_hint.setText(self.tr("Optional. Filling in any field records a cost for this axis."))
        self.remove_cost.setText(self.tr("Remove the cost"))
        self.alignment_hint.setText(
            self.tr("Link the axis to the international frameworks it contributes to. Use the search boxes to filter.")
        )
        fill_combo(self.timeframe, self.context.catalogs.get(TIMEFRAMES), lang)
        fill_combo(self.priority, self.context.catalogs.get(PRIORITIES), lang)
        fill_combo(self.cost_type, self.context.catalogs.get(DATA_TYPES), lang)
        for checklist in self.alignment_lists.values():
            checklist.set_language(lang)
        self.empty.setText(self.tr("No strategic axis yet. Use Add to create the first one (2 to 6 are expected)."))
        self.axes.retranslate()
        self.lines.retranslate()
        self.indicators.retranslate()

    # -- navigation -----------------------------------------------------------------------------------------------

    def show_field(self, axis_id: str, field: str | None) -> bool:
        """Select the axis, open the tab holding the field and focus it; False if the axis is absent."""
        if not self.select_axis(axis_id):
            return False
        key = field or "name"
        tab = FIELD_TABS.get(key.split(".")[0], TAB_OBJECTIVE)
        self.tabs.setCurrentIndex(tab)
        if tab == TAB_INDICATORS:
            self.indicators.focus_table()
            return True
        widget = self.widgets.get(key) or self.widgets.get(key.split(".")[0]) or self.widgets["name"]
        area = self._areas.get(tab)
        if area is not None:
            area.ensureWidgetVisible(widget)
        focus(widget)
        return True

    def show_child(self, item_id: str, field: str | None) -> bool:
        """Go to an indicator or a line of action of any axis; False if no axis holds it."""
        for axis in self.axes_model.items():
            if any(indicator.id == item_id for indicator in axis.indicators):
                self.select_axis(axis.id)
                self.tabs.setCurrentIndex(TAB_INDICATORS)
                return self.indicators.show_indicator(item_id, field)
            if any(line.id == item_id for line in axis.lines_of_action):
                self.select_axis(axis.id)
                self.tabs.setCurrentIndex(TAB_LINES)
                row = self.lines_model.row_of(item_id)
                self.lines.focus_cell(row, max(self.lines_model.column_of(field or "text"), 0))
                return True
        return False
