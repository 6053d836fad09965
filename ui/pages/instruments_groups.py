"""The instrument form's optional parts: the estimated cost and the ex-ante assessment, each switched on by a box."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from PySide6.QtCore import QSignalBlocker, Qt
from PySide6.QtWidgets import QComboBox, QGroupBox, QLineEdit, QVBoxLayout, QWidget

from matrices.catalogs import CatalogEntry
from matrices.general import EstimatedCost
from matrices.instruments import ExAnteAssessment
from ui.commands import SetValueCommand
from ui.context import UiContext
from ui.pages.list_detail import DetailBinder, FormRow, ListDetailPage
from ui.widgets.catalog import fill_combo
from ui.widgets.form_layout import new_form
from ui.widgets.value_fields import NumberField

EVIDENCE_TYPES = "enums.json#evidence_type"
FEASIBILITY = "scales.json#feasibility"


class OptionalGroup(QGroupBox):
    """A group whose check box creates (checked) or removes (unchecked) an optional object of the instrument."""

    def __init__(
        self,
        page: ListDetailPage,
        field: str,
        factory: Callable[[], Any],
        title: Callable[[], str],
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self._page = page
        self._field = field
        self._factory = factory
        self._title = title
        self.setCheckable(True)
        self.setChecked(False)
        self.form = new_form(130)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(14, 10, 14, 12)
        layout.addLayout(self.form)
        self.toggled.connect(self._on_toggled)

    def show_value(self, value: Any | None) -> None:
        """Check the box when the instrument has the object (without recording an edit)."""
        with QSignalBlocker(self):
            self.setChecked(value is not None)

    def set_read_only(self, read_only: bool) -> None:
        """Hide the switch in a read-only document; the content stays visible."""
        self.setCheckable(not read_only)

    def retranslate(self) -> None:
        """Re-apply the title (the field model's label of the optional object)."""
        self.setTitle(self._title())
        self.setAccessibleName(self._title())

    def _on_toggled(self, checked: bool) -> None:
        page = self._page
        locator, item = page.item_locator(), page.current_item()
        if locator is None or item is None or page.session.read_only:
            return
        has_value = getattr(item, self._field) is not None
        if checked == has_value:
            return
        value = self._factory() if checked else None
        page.session.push(SetValueCommand(page.session, locator, self._field, value, self._title()))
        if checked and page.rows.get(f"{self._field}.first") is not None:
            page.reveal(page.rows[f"{self._field}.first"].widget)


def build_cost_group(page: ListDetailPage, binder: DetailBinder, context: UiContext) -> OptionalGroup:
    """Return the estimated-cost group: amount, currency, funding source and data type."""
    group = OptionalGroup(page, "estimated_cost", EstimatedCost, lambda: context.label("instrument", "estimated_cost"))
    amount = NumberField()
    amount.setMaximumWidth(200)
    page.form.add_field(group.form, "amount", amount, "estimated_cost")
    binder.bind_number(amount, "amount", context.undo_name("estimated_cost", "amount"))
    currency = QLineEdit()
    currency.setMaximumWidth(120)
    currency.setPlaceholderText("USD")
    page.form.add_field(group.form, "currency", currency, "estimated_cost")
    binder.bind_line(currency, "currency", context.undo_name("estimated_cost", "currency"))
    source = QLineEdit()
    page.form.add_field(group.form, "funding_source", source, "estimated_cost")
    binder.bind_line(source, "funding_source", context.undo_name("estimated_cost", "funding_source"))
    data_type = _combo()
    page.form.add_field(group.form, "data_type", data_type, "estimated_cost")
    binder.bind_combo(data_type, "data_type", context.undo_name("estimated_cost", "data_type"))
    group.setProperty("pm_combos", [data_type])
    page.rows["estimated_cost.first"] = page.rows["estimated_cost.amount"]
    return group


def build_ex_ante_group(page: ListDetailPage, binder: DetailBinder, context: UiContext) -> OptionalGroup:
    """Return the ex-ante assessment group: the seven criteria rated 1-3, and the data type."""
    group = OptionalGroup(
        page, "ex_ante_assessment", ExAnteAssessment, lambda: context.label("instrument", "ex_ante_assessment")
    )
    combos = []
    criteria = context.catalogs.feasibility_criteria()
    for criterion in criteria:
        key = criterion.id
        combo = _combo(12)
        combo.setMaximumWidth(200)

        def text(entry: CatalogEntry = criterion) -> str:
            return entry.label(context.lang)

        # Guidance explains the assessment as a whole: the criteria are not fields of the field model.
        page.form.add_field(
            group.form, "ex_ante_assessment", combo, "instrument", text=text, full_key=f"ex_ante_assessment.{key}"
        )
        binder.bind_combo(combo, key, text)
        combos.append(combo)
    data_type = _combo()
    page.form.add_field(
        group.form,
        "ex_ante_assessment",
        data_type,
        "instrument",
        text=lambda: context.label("estimated_cost", "data_type"),
        full_key="ex_ante_assessment.data_type",
    )
    binder.bind_combo(data_type, "data_type", context.undo_name("estimated_cost", "data_type"))
    group.setProperty("pm_scores", combos)
    group.setProperty("pm_combos", [data_type])
    first = page.rows.get(f"ex_ante_assessment.{criteria[0].id}")
    if first is not None:
        page.rows["ex_ante_assessment.first"] = first
    return group


def retranslate_group(group: OptionalGroup, context: UiContext) -> None:
    """Refill a group's choices in the interface language."""
    group.retranslate()
    for number in group.findChildren(NumberField):
        number.lang = context.lang  # decimal comma in Spanish, point in English
    for combo in group.property("pm_combos") or []:
        fill_combo(combo, context.catalogs.get(EVIDENCE_TYPES), context.lang)
    scale = context.catalogs.get(FEASIBILITY) if FEASIBILITY in context.catalogs else []
    for combo in group.property("pm_scores") or []:
        current = combo.currentData()
        with QSignalBlocker(combo):
            combo.clear()
            combo.addItem("—", None)
            for entry in scale:
                combo.addItem(f"{entry.id} · {entry.label(context.lang)}", int(entry.attrs.get("value", entry.id)))
                combo.setItemData(combo.count() - 1, entry.label(context.lang), Qt.ItemDataRole.ToolTipRole)
            combo.setCurrentIndex(max(combo.findData(current), 0))


def group_row(page: ListDetailPage, field: str, group: OptionalGroup) -> None:
    """Register the group itself as the input of its field (navigation goes to its check box)."""
    page.form.register(FormRow("instrument", field, None, group, group.title), full_key=field)


def _combo(minimum_chars: int = 16) -> QComboBox:
    combo = QComboBox()
    combo.setSizeAdjustPolicy(QComboBox.SizeAdjustPolicy.AdjustToMinimumContentsLengthWithIcon)
    combo.setMinimumContentsLength(minimum_chars)
    return combo
