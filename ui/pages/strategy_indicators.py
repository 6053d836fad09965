"""The indicators editor: a table of a list of indicators and a detail form for the selected one."""

from __future__ import annotations

from collections.abc import Callable
from functools import partial

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import (
    QComboBox,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QSplitter,
    QVBoxLayout,
    QWidget,
)

from matrices.edits import Locator
from matrices.strategy import Indicator
from ui.binding import FieldBinder
from ui.commands import Change
from ui.context import UiContext
from ui.deleting import Deleter
from ui.models.indicators import BASELINE_STATUS, FREQUENCY, LEVELS, IndicatorTableModel
from ui.models.item_table import short
from ui.pages.strategy_binding import actor_entries, entity_label, field_label
from ui.pages.strategy_forms import (
    add_row,
    chain_tab_order,
    fit_short_checklist,
    focus,
    group,
    scrolled,
    section_title,
    text_box,
)
from ui.session import DocumentSession
from ui.widgets.catalog import CatalogChecklist, fill_combo
from ui.widgets.form_layout import name_checklist
from ui.widgets.item_checklist import fill_items_combo
from ui.widgets.list_editor import ListEditor

ENTITY = "indicator"
DIMENSIONS = "enums.json#indicator_dimension"
DATA_TYPES = "enums.json#evidence_type"
DISAGGREGATION = "enums.json#disaggregation"


class IndicatorEditor(QWidget):
    """Edits one list of indicators: cells in the table, every field of the selected one in the form below."""

    field_focused = Signal(str, str)

    def __init__(
        self,
        session: DocumentSession,
        context: UiContext,
        code_prefix: Callable[[], str],
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.session = session
        self.context = context
        self._current_id: str | None = None
        self.labels: dict[str, QLabel] = {}
        self.widgets: dict[str, QWidget] = {}
        self._combos: dict[str, tuple[QComboBox, str]] = {}

        self.model = IndicatorTableModel(session, context, code_prefix, self)
        # One line per indicator: the table is mostly a selector here, the form below shows every field whole.
        self.deleter = Deleter(session, context, self)
        self.list = ListEditor(
            self.model,
            Indicator,
            lambda: entity_label(context, ENTITY),
            self,
            wrap=False,
            deleter=self.deleter,
            fit_columns=True,
        )
        # Four rows under a two-line header: enough to pick an indicator without scrolling row by row.
        table = self.list.table
        table.setMinimumHeight(table.horizontalHeader().sizeHint().height() + 4 * (table.fontMetrics().height() + 12))
        self.binder = FieldBinder(session, self._locator, ENTITY, self)
        self.baseline_binder = FieldBinder(session, lambda: self._sub_locator("baseline"), ENTITY, self)
        self.target_binder = FieldBinder(session, lambda: self._sub_locator("target"), ENTITY, self)

        self.heading = section_title(self)
        self.heading.setWordWrap(True)
        self._build_definition()
        self._build_measures()
        # Baseline and target side by side: the participant reads where the indicator starts and ends.
        measures = QHBoxLayout()
        measures.setSpacing(16)
        measures.addWidget(self.baseline_box, 1)
        measures.addWidget(self.target_box, 1)
        detail_layout = QVBoxLayout()
        detail_layout.setContentsMargins(0, 4, 8, 8)
        detail_layout.setSpacing(14)
        detail_layout.addWidget(self.heading)
        detail_layout.addWidget(self.definition_box)
        detail_layout.addLayout(measures)
        detail_layout.addWidget(self.disaggregation_box)
        detail_layout.addStretch(1)
        self.detail, _ = scrolled(detail_layout, self)

        splitter = QSplitter(Qt.Orientation.Vertical, self)
        splitter.setChildrenCollapsible(False)
        splitter.addWidget(self.list)
        splitter.addWidget(self.detail)
        splitter.setStretchFactor(0, 1)
        splitter.setStretchFactor(1, 3)
        splitter.setSizes([170, 530])
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(splitter)

        self.list.current_changed.connect(self._on_current_changed)
        self.list.item_added.connect(lambda _row: self.show_indicator(self._current_id or "", "name"))
        session.changed.connect(self._on_change)
        self.list.cell_focused.connect(lambda key: self.field_focused.emit(ENTITY, key))
        self.binder.focused.connect(lambda _entity, key: self.field_focused.emit(ENTITY, key))
        self.baseline_binder.focused.connect(lambda _e, key: self.field_focused.emit(ENTITY, f"baseline.{key}"))
        self.target_binder.focused.connect(lambda _e, key: self.field_focused.emit(ENTITY, f"target.{key}"))
        order = [
            "name", "level", "dimension", "formula", "unit", "frequency", "means_of_verification",
            "responsible_actor_id", "notes", "baseline.value", "baseline.year", "baseline.status", "baseline.source",
            "baseline.data_type", "target.value", "target.year", "target.relative_to_baseline", "target.expression",
            "target.data_type",
        ]  # fmt: skip
        chain_tab_order([self.list.down_button] + [self.widgets[key] for key in order])
        self.retranslate()

    # -- building -----------------------------------------------------------------------------------------------

    def _combo(self, key: str, ref: str) -> QComboBox:
        combo = QComboBox(self)
        combo.setMinimumContentsLength(12)
        combo.setSizeAdjustPolicy(QComboBox.SizeAdjustPolicy.AdjustToMinimumContentsLengthWithIcon)
        self._combos[key] = (combo, ref)
        return combo

    def _build_definition(self) -> None:
        self.definition_box, form = group(self)
        name, formula, notes = text_box(3, self), text_box(3, self), text_box(2, self)
        level, dimension = self._combo("level", LEVELS), self._combo("dimension", DIMENSIONS)
        frequency = self._combo("frequency", FREQUENCY)
        unit, means = QLineEdit(self), text_box(2, self)
        self.actor_combo = QComboBox(self)
        self.actor_combo.setMinimumContentsLength(16)
        self.actor_combo.setSizeAdjustPolicy(QComboBox.SizeAdjustPolicy.AdjustToMinimumContentsLengthWithIcon)
        rows: list[tuple[str, QWidget]] = [
            ("name", name),
            ("level", level),
            ("dimension", dimension),
            ("formula", formula),
            ("unit", unit),
            ("frequency", frequency),
            ("means_of_verification", means),
            ("responsible_actor_id", self.actor_combo),
            ("notes", notes),
        ]
        for key, widget in rows:
            add_row(form, widget, self.labels, key)
            self.widgets[key] = widget
        self.binder.bind_text(name, "name", partial(self._label, "name"))
        self.binder.bind_combo(level, "level", partial(self._label, "level"))
        self.binder.bind_combo(dimension, "dimension", partial(self._label, "dimension"))
        self.binder.bind_text(formula, "formula", partial(self._label, "formula"))
        self.binder.bind_line(unit, "unit", partial(self._label, "unit"))
        self.binder.bind_combo(frequency, "frequency", partial(self._label, "frequency"))
        self.binder.bind_text(means, "means_of_verification", partial(self._label, "means_of_verification"))
        self.binder.bind_combo(self.actor_combo, "responsible_actor_id", partial(self._label, "responsible_actor_id"))
        self.binder.bind_text(notes, "notes", partial(self._label, "notes"))

    def _build_measures(self) -> None:
        self.baseline_box, baseline = group(self)
        value, year, source = QLineEdit(self), QLineEdit(self), text_box(3, self)
        status, data_type = (
            self._combo("baseline.status", BASELINE_STATUS),
            self._combo("baseline.data_type", DATA_TYPES),
        )
        for key, widget in (("value", value), ("year", year), ("status", status), ("source", source)):
            add_row(baseline, widget, self.labels, f"baseline.{key}")
            self.widgets[f"baseline.{key}"] = widget
        add_row(baseline, data_type, self.labels, "baseline.data_type")
        self.widgets["baseline.data_type"] = data_type
        self.baseline_binder.bind_figure(value, "value", partial(self._label, "baseline.value"))
        self.baseline_binder.bind_figure(year, "year", partial(self._label, "baseline.year"), year=True)
        self.baseline_binder.bind_combo(status, "status", partial(self._label, "baseline.status"))
        self.baseline_binder.bind_text(source, "source", partial(self._label, "baseline.source"))
        self.baseline_binder.bind_combo(data_type, "data_type", partial(self._label, "baseline.data_type"))

        self.target_box, target = group(self)
        t_value, t_year, expression = QLineEdit(self), QLineEdit(self), QLineEdit(self)
        # Three answers, all visible: "no" is an answer the participant gave, "—" means not given yet.
        self.relative_combo = relative = QComboBox(self)
        for answer in (None, True, False):
            relative.addItem("", answer)
        t_type = self._combo("target.data_type", DATA_TYPES)
        for key, widget in (("value", t_value), ("year", t_year), ("relative_to_baseline", relative)):
            add_row(target, widget, self.labels, f"target.{key}")
            self.widgets[f"target.{key}"] = widget
        add_row(target, expression, self.labels, "target.expression")
        add_row(target, t_type, self.labels, "target.data_type")
        self.widgets["target.expression"], self.widgets["target.data_type"] = expression, t_type
        self.target_binder.bind_figure(t_value, "value", partial(self._label, "target.value"))
        self.target_binder.bind_figure(t_year, "year", partial(self._label, "target.year"), year=True)
        self.target_binder.bind_combo(
            relative, "relative_to_baseline", partial(self._label, "target.relative_to_baseline")
        )
        self.target_binder.bind_line(expression, "expression", partial(self._label, "target.expression"))
        self.target_binder.bind_combo(t_type, "data_type", partial(self._label, "target.data_type"))

        self.disaggregation_box, form = group(self)
        self.disaggregation = CatalogChecklist(self.context.catalogs.get(DISAGGREGATION), self.context.lang, self)
        fit_short_checklist(self.disaggregation, len(self.context.catalogs.get(DISAGGREGATION)))
        form.addRow(self.disaggregation)
        self.widgets["disaggregation"] = self.disaggregation
        self.binder.bind_checklist(self.disaggregation, "disaggregation", partial(self._label, "disaggregation"))
        # A finding on the whole baseline or target lands on its value, the first thing to fill in.
        self.widgets["baseline"], self.widgets["target"] = value, t_value

    def _label(self, key: str) -> str:
        return field_label(self.context, ENTITY, key)

    # -- what is shown --------------------------------------------------------------------------------------------

    def _locator(self) -> Locator | None:
        locator = self.model.list_locator()
        if locator is None or self._current_id is None:
            return None
        return (*locator, ("id", self._current_id))

    def _sub_locator(self, name: str) -> Locator | None:
        locator = self._locator()
        return None if locator is None else (*locator, name)

    def set_list_locator(self, locator: Locator | None) -> None:
        """Show another list of indicators (another axis); the first one is selected."""
        self.model.set_list_locator(locator)
        self.list.select_row(0 if self.model.rowCount() else -1)
        self._on_current_changed(self.list.current_row())

    def current_id(self) -> str | None:
        """Return the id of the indicator in the form."""
        return self._current_id

    def _on_current_changed(self, row: int) -> None:
        items = self.model.items()
        self._current_id = items[row].id if 0 <= row < len(items) else None
        self._refresh_form()

    def _refresh_form(self) -> None:
        for binder in (self.binder, self.baseline_binder, self.target_binder):
            binder.refresh()
        self._update_heading()
        self.list.update_buttons()

    def _on_change(self, change: Change) -> None:
        locator = self._locator()
        if locator is not None and change.locator[: len(locator)] == locator and change.field == "name":
            self._update_heading()

    def _update_heading(self) -> None:
        row = self.list.current_row()
        if self._current_id is None or row < 0:
            self.heading.setText(self.tr("Add an indicator, or select one in the table to edit all its fields."))
        else:
            name = " ".join(self.model.items()[row].name.split())
            self.heading.setText(f"{self.model.code(row)}  ·  {short(name, 70)}" if name else self.model.code(row))

    def refresh_actors(self) -> None:
        """Offer the current actors as data owners."""
        fill_items_combo(self.actor_combo, actor_entries(self.session.proposal))
        self.binder.refresh()

    def refresh(self) -> None:
        """Show the proposal's current content."""
        self.model.refresh_labels()
        self.refresh_actors()
        self._refresh_form()

    def retranslate(self) -> None:
        """Re-apply labels, catalogue texts and titles in the interface language (the owner then refreshes)."""
        lang = self.context.lang
        for key, label in self.labels.items():
            label.setText(self._label(key))
            self.widgets[key].setAccessibleName(label.text())
        for combo, ref in self._combos.values():
            fill_combo(combo, self.context.catalogs.get(ref), lang)
        for index, text in enumerate(("—", self.tr("Yes"), self.tr("No"))):
            self.relative_combo.setItemText(index, text)
        self.relative_combo.setItemData(0, self.tr("Not given yet"), Qt.ItemDataRole.ToolTipRole)
        self.disaggregation.set_language(lang)
        name_checklist(self.disaggregation, self._label("disaggregation"), self.tr("Search"))
        self.definition_box.setTitle(self.tr("Definition"))
        self.baseline_box.setTitle(self._label("baseline"))
        self.target_box.setTitle(self._label("target"))
        self.disaggregation_box.setTitle(self._label("disaggregation"))
        for key in ("baseline.year", "target.year"):
            line = self.widgets[key]
            if isinstance(line, QLineEdit):
                line.setPlaceholderText(self.tr("yyyy"))
        self.list.retranslate()

    # -- navigation -----------------------------------------------------------------------------------------------

    def show_indicator(self, item_id: str, field: str | None) -> bool:
        """Select the indicator and focus the field (a table cell when the form lacks it); False if absent."""
        row = self.model.row_of(item_id)
        if row < 0:
            return False
        self.list.select_row(row)
        widget = self.widgets.get(field or "name") or self.widgets.get((field or "").split(".")[0])
        if widget is None:
            self.list.focus_cell(row, max(self.model.column_of(field or "name"), 0))
            return True
        self.detail.ensureWidgetVisible(widget)
        focus(widget)
        return True

    def focus_table(self) -> None:
        """Give the table the keyboard focus."""
        self.list.focus_cell(max(self.list.current_row(), 0), 1)
