"""The 'General data' step: what the proposal is, where and when, who proposes it, and its alignment."""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import Qt
from PySide6.QtGui import QShowEvent
from PySide6.QtWidgets import (
    QComboBox,
    QFrame,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QListWidget,
    QListWidgetItem,
    QPlainTextEdit,
    QScrollArea,
    QStackedWidget,
    QVBoxLayout,
    QWidget,
)

from matrices.catalogs import numbered
from matrices.fieldmodel import FieldSpec
from matrices.localized import conventions
from ui.binding import FieldBinder
from ui.commands import Change
from ui.context import UiContext
from ui.pages.base import Page
from ui.session import DocumentSession
from ui.widgets.catalog import CatalogChecklist, fill_combo
from ui.widgets.form_layout import (
    FocusRelay,
    add_row,
    heading,
    hint,
    name_checklist,
    new_form,
    set_label,
    text_box,
    wrap_checklist,
)
from ui.widgets.value_fields import YearSpinBox

ALIGNMENT_FIELDS = ("gcm_objectives", "gcm_principles", "sdg_targets", "migof", "mgi_domains", "normative_references")
"""Each content language named in itself, as language pickers do."""
CONTENT_WIDTH = 920
"""Forms stop growing past this width: long lines are hard to read on a wide screen."""


class GeneralPage(Page):
    """General data of the proposal: identification, horizon, cross-cutting approaches and framework alignment."""

    matrix = "general"

    def __init__(self, session: DocumentSession, context: UiContext, parent: QWidget | None = None) -> None:
        super().__init__(session, context, parent)
        self._binder = FieldBinder(session, lambda: (), "proposal", self)
        self._horizon_binder = FieldBinder(session, lambda: ("horizon",), "proposal", self)
        self._alignment_binder = FieldBinder(session, lambda: ("alignment",), "proposal", self)
        self._binder.focused.connect(self.field_focused)
        # The guidance panel knows horizon and alignment as sub-fields of the proposal ("horizon.start_year").
        self._horizon_binder.focused.connect(lambda entity, key: self.field_focused.emit(entity, f"horizon.{key}"))
        self._alignment_binder.focused.connect(lambda entity, key: self.field_focused.emit(entity, f"alignment.{key}"))
        self._relay = FocusRelay(self)
        self._relay.focused.connect(self.field_focused)
        self.widgets: dict[str, QWidget] = {}
        """The input of each field, keyed as the field model and findings name it ('horizon.start_year')."""
        self._labels: dict[str, QLabel] = {}
        self._combos: dict[str, QComboBox] = {}
        self._checklists: dict[str, CatalogChecklist] = {}

        self._title = heading()
        self._intro = hint()
        self._about_title = heading(size_delta=2.0)
        self._alignment_title = heading(size_delta=2.0)
        self._alignment_hint = hint()
        self._approaches_title = heading(size_delta=2.0)
        self._language_value = QLabel()
        self._language_value.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self._alignment_nav = QListWidget()
        self._alignment_stack = QStackedWidget()

        content = QWidget()
        content.setMaximumWidth(CONTENT_WIDTH)
        column = QVBoxLayout(content)
        column.setContentsMargins(28, 24, 28, 28)
        column.setSpacing(10)
        column.addWidget(self._title)
        column.addWidget(self._intro)
        column.addSpacing(12)
        column.addWidget(self._about_title)
        column.addLayout(self._build_about())
        column.addSpacing(18)
        column.addWidget(self._alignment_title)
        column.addWidget(self._alignment_hint)
        column.addWidget(self._build_alignment())
        column.addSpacing(18)
        column.addWidget(self._approaches_title)
        column.addLayout(self._build_approaches())
        column.addStretch(1)

        self._scroll = QScrollArea(self)
        self._scroll.setWidgetResizable(True)
        self._scroll.setFrameShape(QFrame.Shape.NoFrame)
        self._scroll.setWidget(content)
        self._scroll.setAlignment(Qt.AlignmentFlag.AlignHCenter | Qt.AlignmentFlag.AlignTop)
        self._scroll.setFocusPolicy(Qt.FocusPolicy.NoFocus)  # Tab goes to the fields; they scroll into view
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self._scroll)
        self.setMinimumWidth(520)

        self.retranslate()
        self.refresh()

    # -- building ---------------------------------------------------------------------------------------------

    def _spec(self, key: str) -> FieldSpec:
        return self.context.field_model.field("proposal", key)

    def _sub_spec(self, key: str, sub: str) -> FieldSpec:
        return next(spec for spec in self._spec(key).subfields if spec.key == sub)

    def _undo_name(self, key: str, sub: str | None = None) -> Callable[[], str]:
        """Name an edit of a field in the undo history by its label, in the language of the moment."""
        return lambda: (self._sub_spec(key, sub) if sub else self._spec(key)).label(self.context.lang)

    def _combo(self, key: str) -> QComboBox:
        combo = QComboBox()
        # Long catalogue labels must not make the form wider than the window.
        combo.setSizeAdjustPolicy(QComboBox.SizeAdjustPolicy.AdjustToMinimumContentsLengthWithIcon)
        combo.setMinimumContentsLength(24)
        self._combos[key] = combo
        return combo

    def _add(self, form: object, key: str, widget: QWidget) -> None:
        self._labels[key] = add_row(form, key, widget)  # type: ignore[arg-type]
        self.widgets[key] = widget

    def _build_about(self) -> QVBoxLayout:
        form = new_form()
        title = QLineEdit()
        self._add(form, "title", title)
        self._binder.bind_line(title, "title", self._undo_name("title"))
        for key in ("policy_area", "territorial_scope"):
            combo = self._combo(key)
            self._add(form, key, combo)
            self._binder.bind_combo(combo, key, self._undo_name(key))
        for key in ("territory", "proposing_institution"):
            line = QLineEdit()
            self._add(form, key, line)
            self._binder.bind_line(line, key, self._undo_name(key))
        authors = text_box(2)
        authors.setMaximumHeight(authors.minimumHeight() + authors.fontMetrics().lineSpacing())
        self._add(form, "authors", authors)
        self._binder.bind_lines(authors, "authors", self._undo_name("authors"))

        start, end = YearSpinBox(), YearSpinBox()
        self._horizon_binder.bind_spin(start, "start_year", self._undo_name("horizon", "start_year"))
        self._horizon_binder.bind_spin(end, "end_year", self._undo_name("horizon", "end_year"))
        self.widgets["horizon.start_year"], self.widgets["horizon.end_year"] = start, end
        row = QWidget()
        row_layout = QHBoxLayout(row)
        row_layout.setContentsMargins(0, 0, 0, 0)
        row_layout.setSpacing(8)
        self._start_label, self._end_label = QLabel(), QLabel()
        self._start_label.setBuddy(start)
        self._end_label.setBuddy(end)
        for widget in (self._start_label, start, self._end_label, end):
            row_layout.addWidget(widget)
        row_layout.addStretch(1)
        self._labels["horizon"] = add_row(form, "horizon", row)
        row.setFocusProxy(start)
        self.widgets["horizon"] = row

        self._language_label = add_row(form, "language", self._language_value)
        self._language_value.setFocusPolicy(Qt.FocusPolicy.NoFocus)
        wrapper = QVBoxLayout()
        wrapper.addLayout(form)
        return wrapper

    def _build_alignment(self) -> QWidget:
        box = QWidget()
        layout = QHBoxLayout(box)
        layout.setContentsMargins(0, 4, 0, 0)
        layout.setSpacing(12)
        # A list of the six frameworks beside one checklist: every framework and its count stays in sight.
        self._alignment_nav.setFixedWidth(250)
        # "Marco normativo de referencia · 13" wraps rather than scrolling sideways in its fixed column.
        self._alignment_nav.setWordWrap(True)
        self._alignment_nav.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self._alignment_nav.setStyleSheet("QListWidget::item { padding: 7px 8px; }")
        self._alignment_nav.setMinimumHeight(len(ALIGNMENT_FIELDS) * 34 + 8)
        layout.addWidget(self._alignment_nav, 0, Qt.AlignmentFlag.AlignTop)
        layout.addWidget(self._alignment_stack, 1)
        for key in ALIGNMENT_FIELDS:
            catalog = numbered(self.context.catalogs.get(self._sub_spec("alignment", key).catalog or ""))
            checklist = CatalogChecklist(catalog, self.context.lang)
            wrap_checklist(checklist, 300)
            self._checklists[f"alignment.{key}"] = checklist
            self._alignment_binder.bind_checklist(checklist, key, self._undo_name("alignment", key))
            self._relay.watch(checklist, "proposal", f"alignment.{key}")
            checklist.selection_edited.connect(lambda _ids: self._update_counts())
            self.widgets[f"alignment.{key}"] = checklist
            self._alignment_stack.addWidget(checklist)
            QListWidgetItem(key, self._alignment_nav)
        self._alignment_nav.currentRowChanged.connect(self._alignment_stack.setCurrentIndex)
        self._alignment_nav.setCurrentRow(0)
        self.widgets["alignment"] = self._alignment_nav
        self._relay.watch(self._alignment_nav, "proposal", "alignment")
        return box

    def _build_approaches(self) -> QVBoxLayout:
        form = new_form()
        spec = self._spec("cross_cutting_approaches")
        approaches = CatalogChecklist(self.context.catalogs.get(spec.catalog or ""), self.context.lang)
        wrap_checklist(approaches, 0)
        self._checklists["cross_cutting_approaches"] = approaches
        self._add(form, "cross_cutting_approaches", approaches)
        self._binder.bind_checklist(approaches, "cross_cutting_approaches", self._undo_name("cross_cutting_approaches"))
        self._relay.watch(approaches, "proposal", "cross_cutting_approaches")
        note = text_box(3)
        self._add(form, "data_disclaimer", note)
        self._binder.bind_text(note, "data_disclaimer", self._undo_name("data_disclaimer"))
        wrapper = QVBoxLayout()
        wrapper.addLayout(form)
        return wrapper

    # -- Page interface ---------------------------------------------------------------------------------------

    def title(self) -> str:
        """Return the step's title."""
        return self.tr("General data")

    def refresh(self) -> None:
        """Show the proposal's general data."""
        for binder in (self._binder, self._horizon_binder, self._alignment_binder):
            binder.refresh()
        for widget in self.widgets.values():
            # A long title shows its beginning, not its end, until the participant clicks into it.
            if isinstance(widget, QLineEdit) and not widget.hasFocus():
                widget.setCursorPosition(0)
        language = self.session.proposal.language
        self._language_value.setText(conventions(language).name)
        self._update_counts()

    def on_change(self, change: Change) -> None:
        """Keep the counts on the alignment tabs and the content language up to date."""
        if change.locator in ((), ("alignment",)):
            self._update_counts()
        if change.locator == () and change.field in (None, "language"):
            self.refresh()

    def show_item(self, item: str | None, field: str | None) -> None:
        """Scroll to a field and give it the keyboard focus (items are not used on this page)."""
        del item
        key = field or "title"
        widget = self.widgets.get(key) or self.widgets.get(key.split(".", maxsplit=1)[0]) or self.widgets["title"]
        if key.startswith("alignment"):
            target = self.widgets.get(key)
            index = self._alignment_stack.indexOf(target) if target is not None else 0
            self._alignment_nav.setCurrentRow(max(index, 0))
            widget = self._alignment_stack.currentWidget()
        self._scroll.ensureWidgetVisible(widget, 40, 80)
        target = widget.focusProxy() or widget
        if isinstance(widget, CatalogChecklist):
            # The list, not the filter box, is what a reviewer's remark is about.
            target = widget.findChild(QListWidget) or widget
        target.setFocus(Qt.FocusReason.OtherFocusReason)

    def retranslate(self) -> None:
        """Re-apply labels, catalogue entries and texts in the interface language."""
        lang = self.context.lang
        self._title.setText(self.tr("General data"))
        self._intro.setText(
            self.tr("Identify the proposal: what it is about, where and when it applies, and who proposes it.")
        )
        self._about_title.setText(self.tr("The proposal"))
        self._approaches_title.setText(self.tr("Approaches and data"))
        for key, label in self._labels.items():
            if key == "language":
                continue
            set_label(label, self.context.label("proposal", key))
        set_label(self._language_label, self.tr("Content language"))
        self._language_value.setToolTip(self.tr("Chosen when the proposal was created; it cannot be changed here."))
        for key in ("start_year", "end_year"):
            text = self._sub_spec("horizon", key).label(lang)
            (self._start_label if key == "start_year" else self._end_label).setText(text)
            self.widgets[f"horizon.{key}"].setAccessibleName(text)
        self._labels["authors"].setToolTip(self.tr("One name per line"))
        authors = self.widgets["authors"]
        if isinstance(authors, QPlainTextEdit):
            authors.setPlaceholderText(self.tr("One name per line"))
        for key, combo in self._combos.items():
            fill_combo(combo, self.context.catalogs.get(self._spec(key).catalog or ""), lang)
            combo.setAccessibleName(self.context.label("proposal", key))
        for checklist in self._checklists.values():
            checklist.set_language(lang)
        alignment = self._spec("alignment")
        self._alignment_title.setText(alignment.label(lang))
        self._alignment_hint.setText(alignment.guidance(lang))
        search = self.tr("Search")
        for key in ALIGNMENT_FIELDS:
            label = self._sub_spec("alignment", key).label(lang)
            name_checklist(self._checklists[f"alignment.{key}"], label, search)
        approaches = self.context.label("proposal", "cross_cutting_approaches")
        name_checklist(self._checklists["cross_cutting_approaches"], approaches, search)
        # Re-filling the combos reset their shown value from their own state; show the proposal's again.
        self.refresh()

    def showEvent(self, event: QShowEvent) -> None:
        """Re-wrap the checklists once their real width is known (the first layout used a guess)."""
        super().showEvent(event)
        for checklist in self._checklists.values():
            view = checklist.findChild(QListWidget)
            if view is not None:
                view.scheduleDelayedItemsLayout()

    # -- helpers ----------------------------------------------------------------------------------------------

    def _update_counts(self) -> None:
        lang = self.context.lang
        alignment = self.session.proposal.alignment
        for position, key in enumerate(ALIGNMENT_FIELDS):
            label = self._sub_spec("alignment", key).label(lang)
            count = len(getattr(alignment, key))
            item = self._alignment_nav.item(position)
            item.setText(f"{label}  ·  {count}" if count else label)
            item.setToolTip(label)
        self._alignment_nav.setAccessibleName(self._spec("alignment").label(lang))
