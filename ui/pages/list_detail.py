"""What the actors and instruments pages share: a list of items beside the form of the selected one."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from typing import Any

from PySide6.QtCore import QEvent, QModelIndex, QObject, QPersistentModelIndex, Qt, Signal
from PySide6.QtWidgets import (
    QAbstractItemView,
    QComboBox,
    QFormLayout,
    QFrame,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QListWidget,
    QScrollArea,
    QSplitter,
    QVBoxLayout,
    QWidget,
)

from matrices.edits import EditError, Locator, resolve
from ui.binding import FieldBinder, Label, label_text
from ui.commands import Change, InsertItemCommand, MoveItemCommand, SetValueCommand
from ui.context import UiContext
from ui.deleting import Deleter
from ui.models.matrix_list import RefsCache
from ui.pages.base import Page
from ui.session import DocumentSession
from ui.widgets.form_layout import LabelsBesideWhenWide, add_row, heading, hint, new_form, set_label
from ui.widgets.matrix_list_panel import MatrixListPanel

FORM_LABEL_WIDTH = 150
"""The detail form sits beside a table: its labels get less room than a full-width page's."""
FORM_WIDE_FROM = FORM_LABEL_WIDTH + 18 + 300 + 44
"""Below this width (label, spacing, a field of 300 px, margins) the labels go above their fields."""


def fit_checklist(checklist: QWidget, rows: int, show_filter: bool) -> None:
    """Make a checklist about `rows` entries tall, wrap long entries, and hide its search box when it is short."""
    items = checklist.findChild(QListWidget)
    search = checklist.findChild(QLineEdit)
    if search is not None:
        search.setVisible(show_filter)
    if items is not None:
        # Long entries ("A12 Organización Internacional para las Migraciones") wrap instead of scrolling sideways.
        items.setWordWrap(True)
        items.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        row = items.fontMetrics().height() + 6
        items.setFixedHeight(row * rows + 2 * items.frameWidth() + 4)


def name_parts(widget: QWidget, name: str) -> None:
    """Name the inner list and search box of a composite input (a checklist) after its field, for screen readers."""
    proxy = widget.focusProxy()
    if proxy is not None:
        proxy.setAccessibleName(name)
    for items in widget.findChildren(QListWidget):
        items.setAccessibleName(name)
    for search in widget.findChildren(QLineEdit):
        if not search.accessibleName() or search.property("pm_named"):
            search.setAccessibleName(f"{name}: {search.placeholderText()}".rstrip(": "))
            search.setProperty("pm_named", True)


class DetailBinder(FieldBinder):
    """The foundation's binder plus choices that fill in other fields in one step."""

    def bind_combo_with(
        self, widget: QComboBox, field: str, label: Label, also: Callable[[Any], dict[str, Any]]
    ) -> None:
        """Bind a choice whose value also sets other fields (an instrument type pre-fills its typology)."""

        def write(value: Any) -> None:
            index = widget.findData(value)
            widget.setCurrentIndex(index if index >= 0 else 0)

        widget.activated.connect(lambda _index: self._choose(field, widget.currentData(), label, also))
        self._register(widget, field, widget.currentData, write)

    def _choose(self, field: str, value: Any, label: Label, also: Callable[[Any], dict[str, Any]]) -> None:
        locator, target = self._locator(), self.target()
        if self._updating or locator is None or target is None or self._session.read_only:
            return
        wanted = {field: value, **also(value)}
        changes = {key: new for key, new in wanted.items() if getattr(target, key) != new}
        if not changes:
            return
        stack = self._session.undo_stack
        text = label_text(label)
        stack.beginMacro(text)  # the choice and what it fills in are undone together
        try:
            for key, new in changes.items():
                self._session.push(SetValueCommand(self._session, locator, key, new, text))
        finally:
            stack.endMacro()


@dataclass
class FormRow:
    """A field's label and input, with the field-model entity and key that name them."""

    entity: str
    key: str
    label: QLabel | None
    widget: QWidget
    text: Callable[[], str] | None = None
    """Where the label comes from when it is not a field of the field model (the ex-ante criteria)."""


class DetailForm(QObject):
    """The rows of a detail form: labels from the field model, inputs found by field key, focus reported."""

    focused = Signal(str, str)
    """(entity, field key) of the input that got the keyboard focus."""

    def __init__(self, context: UiContext, entity: str, column: QVBoxLayout, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._context = context
        self._entity = entity
        self._column = column
        self.rows: dict[str, FormRow] = {}
        self._sections: list[tuple[QLabel, Callable[[], str]]] = []
        self._focus_owner: dict[QObject, FormRow] = {}

    def add_section(self, title: Callable[[], str]) -> QFormLayout:
        """Add a section heading and its form; the title is re-read on a language switch."""
        label = heading(size_delta=1.5)
        label.setContentsMargins(0, 10, 0, 0)
        self._sections.append((label, title))
        form = new_form(FORM_LABEL_WIDTH)
        self._column.addWidget(label)
        self._column.addLayout(form)
        return form

    def add_field(
        self,
        form: QFormLayout,
        key: str,
        widget: QWidget,
        entity: str | None = None,
        *,
        text: Callable[[], str] | None = None,
        full_key: str | None = None,
    ) -> QLabel:
        """Add a labelled row for a field; its label comes from the field model in the interface language."""
        row = FormRow(entity or self._entity, key, None, widget, text)
        row.label = add_row(form, self.row_text(row), widget)
        name_parts(widget, self.row_text(row))
        self.register(row, full_key)
        return row.label

    def register(self, row: FormRow, full_key: str | None = None) -> None:
        """Remember a field's input for navigation (by the key findings use), guidance and language switches."""
        if full_key is None:
            full_key = row.key if row.entity == self._entity else f"{row.entity}.{row.key}"
        self.rows[full_key] = row
        for target in (row.widget, *row.widget.findChildren(QWidget)):
            if target is row.widget or target not in self._focus_owner:  # an inner field keeps its own row
                self._focus_owner[target] = row
                target.installEventFilter(self)

    def row_text(self, row: FormRow) -> str:
        """Return a row's label in the interface language."""
        return row.text() if row.text is not None else self._context.label(row.entity, row.key)

    def retranslate(self) -> None:
        """Re-apply section titles, row labels and the inputs' accessible names."""
        for label, title in self._sections:
            label.setText(title())
        for row in self.rows.values():
            text = self.row_text(row)
            if row.label is not None:
                set_label(row.label, text)
            else:
                row.widget.setAccessibleName(text)
            name_parts(row.widget, text)

    def field_widget(self, field: str | None) -> QWidget | None:
        """Return the input of a field key as findings name it ('mandate', 'estimated_cost.amount')."""
        if not field:
            return None
        row = self.rows.get(field) or self.rows.get(field.split(".", maxsplit=1)[0])
        if row is None:
            return None
        if not row.widget.isEnabled() and "." in field:
            # A part of an optional object that is not there yet: go to the object's switch instead.
            head = self.rows.get(field.split(".", maxsplit=1)[0])
            return head.widget if head is not None else row.widget
        return row.widget

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        """Tell the guidance panel which field the participant is in."""
        if event.type() == QEvent.Type.FocusIn:
            row = self._focus_owner.get(watched)
            if row is not None:
                self.focused.emit(row.entity, row.key)
        return super().eventFilter(watched, event)


class ListDetailPage(Page):
    """A page with a table of items on the left and the selected item's form on the right."""

    entity = ""
    """The field-model entity of the items (actor, instrument)."""
    list_locator: Locator = ()

    def __init__(self, session: DocumentSession, context: UiContext, parent: QWidget | None = None) -> None:
        super().__init__(session, context, parent)
        self.refs = RefsCache(session, context.catalogs)
        self.deleter = Deleter(session, context, self)
        self.binders: list[DetailBinder] = []
        self.panel: MatrixListPanel
        self.title_label = heading()
        self.item_heading = heading(size_delta=3.0)
        self.item_hint = hint()
        self.form_content = QWidget()
        self.form_column = QVBoxLayout(self.form_content)
        self.form_column.setContentsMargins(22, 8, 22, 24)
        self.form_column.setSpacing(10)
        self.form_column.addWidget(self.item_heading)
        self.form_column.addWidget(self.item_hint)
        self.form = DetailForm(context, self.entity, self.form_column, self)
        self.form.focused.connect(self.field_focused)
        self.rows = self.form.rows
        """The form's rows by field key (the same dict as self.form.rows)."""
        self.scroll = QScrollArea()
        self.scroll.setWidgetResizable(True)
        self.scroll.setFrameShape(QFrame.Shape.NoFrame)
        self.scroll.setWidget(self.form_content)
        self.scroll.setMinimumWidth(300)
        self.scroll.setFocusPolicy(Qt.FocusPolicy.NoFocus)  # Tab goes from the list straight to the first field
        self.scroll.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        # On a laptop the form beside the list has ~400 px: labels go above the fields instead of squeezing them.
        self.label_placer = LabelsBesideWhenWide(self.scroll, self.form_content, FORM_WIDE_FROM)

    # -- building -----------------------------------------------------------------------------------------

    def item_locator(self) -> Locator | None:
        """Return the locator of the selected item, or None."""
        item_id = self.panel.current_id() if hasattr(self, "panel") else None
        return None if item_id is None else (*self.list_locator, ("id", item_id))

    def current_item(self) -> Any | None:
        """Return the selected item, or None."""
        locator = self.item_locator()
        if locator is None:
            return None
        try:
            return resolve(self.session.proposal, locator)
        except EditError:
            return None

    def new_binder(self, *suffix: str) -> DetailBinder:
        """Return a binder of the selected item (or of an object inside it, e.g. its estimated cost)."""

        def locator() -> Locator | None:
            base = self.item_locator()
            return None if base is None else (*base, *suffix)

        binder = DetailBinder(self.session, locator, self.entity, self)
        self.binders.append(binder)
        return binder

    def assemble(self, left: QWidget) -> None:
        """Put the list (left) and the form (right) side by side under the page title."""
        self.form_column.addStretch(1)
        splitter = QSplitter(Qt.Orientation.Horizontal, self)
        splitter.setChildrenCollapsible(False)
        splitter.addWidget(left)
        splitter.addWidget(self.scroll)
        splitter.setStretchFactor(0, 1)
        splitter.setStretchFactor(1, 1)
        splitter.setSizes([450, 550])
        splitter.setHandleWidth(10)
        self.splitter = splitter
        header = QHBoxLayout()
        header.addWidget(self.title_label, 1)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(22, 18, 12, 12)
        layout.setSpacing(12)
        layout.addLayout(header)
        layout.addWidget(splitter, 1)
        self.panel.current_changed.connect(self._on_current_changed)
        self.panel.add_requested.connect(self.add_item)
        self.panel.remove_requested.connect(self.remove_item)
        self.panel.move_requested.connect(self.move_item)
        self.session.changed.connect(self._follow_change)

    # -- the list's intents, as undo commands ------------------------------------------------------------------

    def new_item(self) -> Any:
        """Return a new, empty item (subclasses give it a fresh id)."""
        raise NotImplementedError

    def add_item(self) -> None:
        """Insert a new item after the selected one (at the end when none is) and start editing its name."""
        if self.session.read_only:
            return
        row = self.panel.current_source_row()
        index = row + 1 if row >= 0 else self.panel.model.rowCount()
        item = self.new_item()
        self.session.push(InsertItemCommand(self.session, self.list_locator, index, item, self.add_text()))
        self.panel.select_id(item.id)
        self.focus_first_field()

    def remove_item(self) -> None:
        """Remove the selected item and the links to it (undo brings back everything, with all typed in it)."""
        row = self.panel.current_source_row()
        if row < 0 or self.session.read_only:
            return
        self.deleter.delete(self.list_locator, row, self.remove_text())
        self.panel.table.setFocus()

    def move_item(self, delta: int) -> None:
        """Move the selected item one place up (-1) or down (+1) in the list's own order."""
        row, count = self.panel.current_source_row(), self.panel.model.rowCount()
        if row < 0 or not 0 <= row + delta < count or self.session.read_only or self.panel.proxy.sortColumn() >= 0:
            return
        self.session.push(MoveItemCommand(self.session, self.list_locator, row, row + delta, self.tr("Move")))

    def add_text(self) -> str:
        """Return the add button's text (and undo step name)."""
        return self.tr("Add")

    def remove_text(self) -> str:
        """Return the remove button's text (and undo step name)."""
        return self.tr("Remove")

    def focus_first_field(self) -> None:
        """Put the cursor in the item's first field (its name)."""
        row = self.rows.get("name")
        if row is not None:
            self.reveal(row.widget)

    # -- keeping in step ------------------------------------------------------------------------------------------

    def _on_current_changed(self, _item_id: object) -> None:
        self.refresh_form()

    def refresh_form(self) -> None:
        """Show the selected item in the form (blank and disabled when none is selected)."""
        item = self.current_item()
        self.refresh_choices()
        for binder in self.binders:
            binder.refresh()
        for row in self.rows.values():
            if isinstance(row.widget, QLineEdit) and not row.widget.hasFocus():
                row.widget.setCursorPosition(0)  # show a long name from its start, not its end
        self.form_content.setEnabled(item is not None)
        self.update_item_heading(item)
        self.refresh_extras(item)

    def refresh_choices(self) -> bool:
        """Refill the pickers whose entries come from the proposal (actors, axes); True if any changed."""
        return False

    def refresh_extras(self, item: Any | None) -> None:
        """Update what the binders do not show (derived values, optional groups)."""

    def update_item_heading(self, item: Any | None) -> None:
        """Show the selected item's code and name above its form."""
        if item is None:
            self.item_heading.setText("")
            self.item_hint.setText(self.empty_hint())
            self.item_hint.setVisible(True)
            return
        refs = self.refs.get(self.context.lang)
        name = getattr(item, "name", "") or self.tr("(no name yet)")
        self.item_heading.setText(f"{refs.code(item.id)} · {name}")
        self.item_hint.setVisible(False)

    def empty_hint(self) -> str:
        """Return the text shown when no item is selected."""
        return self.tr("Select an item in the list, or add one.")

    def on_change(self, change: Change) -> None:
        """Forget the display codes: an edit may have renamed, added or moved an item."""
        del change
        self.refs.invalidate()

    def _follow_change(self, change: Change) -> None:
        # Connected after the table model and the binders: the list is already up to date when this runs.
        if self.refresh_choices():
            for binder in self.binders:
                binder.refresh()
        item = self.current_item()
        self.update_item_heading(item)
        self.refresh_extras(item)
        self.after_change(change)

    def after_change(self, change: Change) -> None:
        """React to an edit in a page-specific way (the actors page re-lays out its grid)."""

    def refresh(self) -> None:
        """Show the selected item (the first when none is) after opening or a language switch."""
        if self.panel.current_id() is None:
            items = self.panel.model.items()
            self.panel.select_id(items[0].id if items else None)
        self.apply_read_only()
        self.refresh_form()

    def apply_read_only(self) -> None:
        """Disable editing when the document is read-only (content stays visible)."""
        self.panel.set_read_only(self.session.read_only)

    def retranslate(self) -> None:
        """Re-apply every label, heading and catalogue choice in the interface language."""
        self.refs.invalidate()
        self.title_label.setText(self.title())
        self.form.retranslate()
        self.panel.set_button_texts(self.add_text(), self.remove_text())
        self.panel.retranslate()
        self.panel.table.setAccessibleName(self.title())
        self.retranslate_choices()
        self.refresh_form()

    def retranslate_choices(self) -> None:
        """Refill catalogue combos and checklists in the interface language."""

    # -- navigation and guidance ------------------------------------------------------------------------------------

    def anchor_at(
        self, view: QAbstractItemView, index: QModelIndex | QPersistentModelIndex
    ) -> tuple[str | None, str | None] | None:
        """Return the row's item; a table inside the item's form (its relations) names the item and that field."""
        found = super().anchor_at(view, index)
        if found is not None:
            return found
        item = self.current_item()
        for key, row in self.rows.items():
            if item is not None and (row.widget is view or row.widget.isAncestorOf(view)):
                return str(item.id), key
        return None

    def show_item(self, item: str | None, field: str | None) -> None:
        """Select the item and put the cursor in the field (finding activation, comment navigation)."""
        found = self.panel.select_id(item) if item else False
        widget = self.form.field_widget(field) if found else None
        if widget is None:
            self.panel.table.setFocus(Qt.FocusReason.OtherFocusReason)
            return
        self.reveal(widget)

    def reveal(self, widget: QWidget) -> None:
        """Scroll a form input into view and give it the keyboard focus."""
        self.scroll.ensureWidgetVisible(widget, 40, 60)
        widget.setFocus(Qt.FocusReason.OtherFocusReason)
