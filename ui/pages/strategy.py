"""Step 2, the strategic axes: general objective, ends, general indicators, axes and excluded causes."""

from __future__ import annotations

from functools import partial

from PySide6.QtCore import Qt
from PySide6.QtGui import QShowEvent
from PySide6.QtWidgets import QLabel, QTabWidget, QVBoxLayout, QWidget

from matrices.review import MatrixKey
from matrices.strategy import End, ExcludedCause
from ui.binding import FieldBinder
from ui.commands import Change
from ui.context import UiContext
from ui.deleting import Deleter
from ui.models.item_table import Choices
from ui.models.strategy_lists import AXES, EndTableModel, ExcludedCauseTableModel
from ui.pages.base import Page
from ui.pages.strategy_axes import AxisPanel
from ui.pages.strategy_binding import cause_coverage, cause_entries, effect_choices, entity_label, with_linked
from ui.pages.strategy_forms import add_row, form_layout, hint_label, scrolled, section_title, text_box
from ui.pages.strategy_indicators import IndicatorEditor
from ui.session import DocumentSession
from ui.widgets.list_editor import ListEditor
from ui.widgets.plain_text import escape

ENTITY = "strategy_matrix"
GENERAL_INDICATORS = (ENTITY, "general_indicators")
TAB_OBJECTIVE, TAB_AXES, TAB_INDICATORS, TAB_EXCLUDED = range(4)
# Links to these parts of the proposal are shown by name: an edit there changes what this page displays.
_LINKED = ("problem_matrix", "actor_matrix")


class StrategyPage(Page):
    """The second matrix: what the policy wants to achieve, and the axes through which it gets there."""

    matrix: MatrixKey = "strategy"

    def __init__(self, session: DocumentSession, context: UiContext, parent: QWidget | None = None) -> None:
        super().__init__(session, context, parent)
        self._links_stale = False
        self.labels: dict[str, QLabel] = {}
        self.binder = FieldBinder(session, lambda: (ENTITY,), ENTITY, self)
        self.deleter = Deleter(session, context, self)

        self.tabs = QTabWidget(self)
        self.tabs.insertTab(TAB_OBJECTIVE, self._build_objective(), "")
        self.axes = AxisPanel(session, context, self)
        self.tabs.insertTab(TAB_AXES, self._padded(self.axes), "")
        self.general_indicators = IndicatorEditor(session, context, lambda: "INDG", self)
        self.general_indicators.set_list_locator(GENERAL_INDICATORS)
        self.tabs.insertTab(TAB_INDICATORS, self._padded(self.general_indicators), "")
        self.tabs.insertTab(TAB_EXCLUDED, self._build_excluded(), "")
        layout = QVBoxLayout(self)
        layout.setContentsMargins(16, 12, 16, 12)
        layout.addWidget(self.tabs)

        self.binder.focused.connect(self.field_focused.emit)
        self.axes.field_focused.connect(self.field_focused.emit)
        self.general_indicators.field_focused.connect(self.field_focused.emit)
        self.ends.cell_focused.connect(lambda key: self.field_focused.emit("end", key))
        self.excluded.cell_focused.connect(lambda key: self.field_focused.emit("excluded_cause", key))
        self.retranslate()

    # -- building -----------------------------------------------------------------------------------------------

    def _padded(self, widget: QWidget) -> QWidget:
        holder = QWidget(self)
        layout = QVBoxLayout(holder)
        layout.setContentsMargins(8, 12, 8, 8)
        layout.addWidget(widget)
        return holder

    def _build_objective(self) -> QWidget:
        self.objective_intro = hint_label(self)
        form = form_layout()
        self.general_objective = text_box(4, self)
        add_row(form, self.general_objective, self.labels, "general_objective")
        self.binder.bind_text(self.general_objective, "general_objective", partial(self._label, "general_objective"))
        self.ends_title, self.ends_hint = section_title(self), hint_label(self)
        self.ends_model = EndTableModel(self.session, self.context, self._effect_choices, self)
        self.ends = ListEditor(
            self.ends_model,
            End,
            lambda: entity_label(self.context, "end"),
            self,
            visible_rows=5,
            deleter=self.deleter,
        )
        layout = QVBoxLayout()
        layout.setContentsMargins(8, 14, 12, 12)
        layout.setSpacing(8)
        layout.addWidget(self.objective_intro)
        layout.addLayout(form)
        layout.addSpacing(14)
        for widget in (self.ends_title, self.ends_hint):
            layout.addWidget(widget)
        layout.addWidget(self.ends, 1)
        area, _ = scrolled(layout, self)
        return area

    def _build_excluded(self) -> QWidget:
        self.excluded_hint = hint_label(self)
        self.coverage_title = section_title(self)
        self.coverage = QLabel(self)
        self.coverage.setWordWrap(True)
        self.coverage.setTextFormat(Qt.TextFormat.RichText)
        self.excluded_title = section_title(self)
        self.excluded_model = ExcludedCauseTableModel(self.session, self.context, self._direct_cause_choices, self)
        self.excluded = ListEditor(
            self.excluded_model,
            ExcludedCause,
            lambda: entity_label(self.context, "excluded_cause"),
            self,
            deleter=self.deleter,
        )
        layout = QVBoxLayout()
        layout.setContentsMargins(8, 14, 12, 12)
        layout.setSpacing(8)
        for widget in (self.excluded_hint, self.coverage_title, self.coverage):
            layout.addWidget(widget)
        layout.addSpacing(14)
        layout.addWidget(self.excluded_title)
        layout.addWidget(self.excluded, 1)
        area, _ = scrolled(layout, self)
        return area

    def _label(self, key: str) -> str:
        return self.context.label(ENTITY, key)

    # The tables ask for their choices per cell: computed once per change of the proposal (session.facts).
    def _effect_choices(self) -> Choices:
        return self.session.facts.memo(("effect_choices", self.context.lang), self._compute_effect_choices)

    def _compute_effect_choices(self) -> Choices:
        proposal, facts = self.session.proposal, self.session.facts
        linked = (end.effect_id for end in proposal.strategy_matrix.ends)
        return with_linked(effect_choices(proposal, facts.walk("E")), linked, self.context.lang)

    def _direct_cause_choices(self) -> Choices:
        return self.session.facts.memo(("direct_cause_choices", self.context.lang), self._compute_direct_cause_choices)

    def _compute_direct_cause_choices(self) -> Choices:
        proposal, walk = self.session.proposal, self.session.facts.walk("C")
        linked = (excluded.cause_id for excluded in proposal.strategy_matrix.excluded_causes)
        offered: Choices = [(None, "—"), *cause_entries(proposal, direct_only=True, walk=walk)]
        return with_linked(offered, linked, self.context.lang, lambda: dict(cause_entries(proposal, walk=walk)))

    # -- Page interface -----------------------------------------------------------------------------------------

    def title(self) -> str:
        """Return the step's title in the interface language."""
        return self._label("axes")

    def refresh(self) -> None:
        """Show the proposal's current content."""
        self._links_stale = False
        self.binder.refresh()
        self.ends_model.refresh_labels()
        self.excluded_model.refresh_labels()
        self.general_indicators.refresh()
        self.axes.refresh()
        self._update_summaries()
        self._update_buttons()

    def on_change(self, change: Change) -> None:
        """Follow edits made here or on other pages (renamed causes and actors are shown here)."""
        locator = change.locator
        if locator[:1] and locator[0] in _LINKED:
            # Rebuilding the pickers is cheap but pointless while another page is shown: do it on showing.
            self._links_stale = True
            if self.isVisible():
                self._refresh_links()
            return
        if locator[:2] == AXES:
            self.axes.on_axes_edited(reordered=locator == AXES and change.kind == "structure")
        if locator[:1] == (ENTITY,):
            self._update_summaries()

    def showEvent(self, event: QShowEvent) -> None:
        """Catch up with edits of the problem tree or the actors made while another page was shown."""
        if self._links_stale:
            self._refresh_links()
        super().showEvent(event)

    def _refresh_links(self) -> None:
        self._links_stale = False
        self.ends_model.refresh_labels()
        self.excluded_model.refresh_labels()
        self.axes.refresh_causes()
        self.axes.refresh_actors()
        self.general_indicators.refresh_actors()
        self._update_summaries()

    def _update_buttons(self) -> None:
        for editor in (self.ends, self.excluded):
            editor.update_buttons()

    def _update_summaries(self) -> None:
        strategy = self.session.proposal.strategy_matrix
        counts = {
            TAB_AXES: (self._label("axes"), len(strategy.axes)),
            TAB_INDICATORS: (self._label("general_indicators"), len(strategy.general_indicators)),
            TAB_EXCLUDED: (self._label("excluded_causes"), len(strategy.excluded_causes)),
        }
        for tab, (label, count) in counts.items():
            self.tabs.setTabText(tab, f"{label} ({count})" if count else label)
        self.coverage.setText(self._coverage_html())

    def _coverage_html(self) -> str:
        proposal = self.session.proposal
        codes = self.session.facts.item_codes()
        lang, field_model = self.context.lang, self.context.field_model
        excluded = {item.cause_id for item in proposal.strategy_matrix.excluded_causes if item.cause_id}
        covered, left_out, missing = [], [], []
        for cause_id, axis_ids in cause_coverage(proposal).items():
            code = codes.shown(cause_id, field_model).get(lang)
            if axis_ids:
                axes = ", ".join(codes.shown(a, field_model).get(lang) for a in axis_ids)
                covered.append(f"{code} ({axes})")
            elif cause_id in excluded:
                left_out.append(code)
            else:
                missing.append(code)
        rows = [
            (self.tr("Addressed by an axis"), covered, "#2e7d32"),
            (self.tr("Excluded with a justification below"), left_out, "#555555"),
            (self.tr("Neither addressed nor excluded"), missing, "#c0392b"),
        ]
        none = self.tr("none")
        # Rich text for the coloured dots; codes a person chose (a hostile file's ids) are escaped like any text.
        return "<br>".join(
            f"<span style='color:{color}'>●</span> {escape(title)}: <b>{escape(', '.join(items) or none)}</b>"
            for title, items, color in rows
        )

    def retranslate(self) -> None:
        """Re-apply every text in the interface language."""
        for key, label in self.labels.items():
            label.setText(self._label(key))
        self.general_objective.setAccessibleName(self._label("general_objective"))
        self.tabs.setTabText(TAB_OBJECTIVE, self.tr("Objective and ends"))
        self.objective_intro.setText(
            self.tr(
                "Turn the central problem into the general objective, and each effect of the problem tree into an end."
            )
        )
        self.ends_title.setText(self._label("ends"))
        self.ends_hint.setText(self.tr("Pick the effect each end reverses, then word the end as a positive situation."))
        self.excluded_hint.setText(
            self.tr(
                "Every direct cause must be addressed by an axis (itself or one of its sub-causes) "
                "or excluded here with a justification."
            )
        )
        self.coverage_title.setText(self.tr("Direct causes"))
        self.excluded_title.setText(self._label("excluded_causes"))
        self.ends.retranslate()
        self.excluded.retranslate()
        self.general_indicators.retranslate()
        self.axes.retranslate()
        self.refresh()

    def show_item(self, item: str | None, field: str | None) -> None:
        """Select the item (end, indicator, axis, line of action, excluded cause) and focus the field."""
        strategy = self.session.proposal.strategy_matrix
        if item is None:
            self._show_matrix_field(field)
        elif self.ends_model.row_of(item) >= 0:
            self.tabs.setCurrentIndex(TAB_OBJECTIVE)
            column = self.ends_model.column_of(field or "description")
            self.ends.focus_cell(self.ends_model.row_of(item), max(column, 0))
        elif any(indicator.id == item for indicator in strategy.general_indicators):
            self.tabs.setCurrentIndex(TAB_INDICATORS)
            self.general_indicators.show_indicator(item, field)
        elif any(axis.id == item for axis in strategy.axes):
            self.tabs.setCurrentIndex(TAB_AXES)
            self.axes.show_field(item, field)
        elif self.axes.show_child(item, field):
            self.tabs.setCurrentIndex(TAB_AXES)
        else:
            # Excluded causes have no id: findings name the cause they concern (S03, S04).
            self.tabs.setCurrentIndex(TAB_EXCLUDED)
            row = self.excluded_model.row_of_cause(item)
            column = self.excluded_model.column_of("justification" if field != "cause_id" else "cause_id")
            self.excluded.focus_cell(max(row, 0), column)

    def _show_matrix_field(self, field: str | None) -> None:
        if field == "ends":
            self.tabs.setCurrentIndex(TAB_OBJECTIVE)
            self.ends.focus_cell(max(self.ends.current_row(), 0), 1)
        elif field == "general_indicators":
            self.tabs.setCurrentIndex(TAB_INDICATORS)
            self.general_indicators.focus_table()
        elif field == "axes":
            self.tabs.setCurrentIndex(TAB_AXES)
            self.axes.axes.focus_cell(max(self.axes.axes.current_row(), 0), 1)
        elif field == "excluded_causes":
            self.tabs.setCurrentIndex(TAB_EXCLUDED)
            self.excluded.focus_cell(max(self.excluded.current_row(), 0), 1)
        else:
            self.tabs.setCurrentIndex(TAB_OBJECTIVE)
            self.general_objective.setFocus(Qt.FocusReason.OtherFocusReason)
