"""Two-way binding of editor widgets to fields of the proposal, through undo commands."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from typing import Any

from PySide6.QtCore import QEvent, QObject, QRegularExpression, Qt, Signal
from PySide6.QtGui import QIntValidator, QRegularExpressionValidator
from PySide6.QtWidgets import QCheckBox, QComboBox, QLineEdit, QPlainTextEdit, QSpinBox, QWidget

from matrices.edits import EditError, Locator, resolve
from matrices.review import Anchor, anchor_of
from ui.commands import Change, SetValueCommand
from ui.models.item_table import NUMBER_PATTERN, format_number, parse_number
from ui.session import DocumentSession
from ui.widgets.catalog import CatalogChecklist
from ui.widgets.value_fields import DateField, NumberField

_INVALID_STYLE = "QLineEdit { border: 1px solid #c0392b; }"

Label = str | Callable[[], str]
"""The name of an edit in the undo history: the field's label, read when the edit is made (so, in the interface
language of that moment)."""


def label_text(label: Label) -> str:
    """Return the undo step's name a Label stands for."""
    return label() if callable(label) else label


@dataclass
class _Binding:
    widget: QWidget
    field: str
    read: Callable[[], Any]
    write: Callable[[Any], None]


class FieldBinder(QObject):
    """Binds widgets to fields of one object (fixed, or the current selection) of the session's proposal."""

    focused = Signal(str, str)
    """(entity, field key) of the widget that got the keyboard focus: drives the guidance panel."""

    def __init__(
        self,
        session: DocumentSession,
        locator: Callable[[], Locator | None],
        entity: str,
        parent: QObject | None = None,
    ) -> None:
        super().__init__(parent)
        self._session = session
        self._locator = locator
        self.entity = entity
        self._bindings: list[_Binding] = []
        self._merge_key: object | None = None
        self._updating = False
        session.changed.connect(self._on_change)
        session.comments_changed.connect(self._mark_comments)

    def target(self) -> Any | None:
        """Return the bound object, or None when nothing is selected or it was deleted."""
        locator = self._locator()
        if locator is None:
            return None
        try:
            return resolve(self._session.proposal, locator)
        except EditError:
            return None

    def _nullable(self, field: str) -> bool:
        target = self.target()
        info = type(target).model_fields.get(field) if target is not None else None
        return info is not None and info.default is None

    def _push(self, field: str, value: Any, label: Label) -> None:
        locator = self._locator()
        if self._updating or locator is None or self.target() is None:
            return
        if getattr(self.target(), field) == value:
            return
        if self._merge_key is None:
            self._merge_key = object()
        command = SetValueCommand(self._session, locator, field, value, label_text(label), merge_key=self._merge_key)
        self._session.push(command)

    def _register(self, widget: QWidget, field: str, read: Callable[[], Any], write: Callable[[Any], None]) -> None:
        widget.setProperty("pm_field", field)
        widget.installEventFilter(self)
        self._bindings.append(_Binding(widget, field, read, write))

    def bind_line(self, widget: QLineEdit, field: str, label: Label) -> None:
        """Bind a one-line text field."""

        def read() -> Any:
            text = widget.text()
            return None if not text and self._nullable(field) else text

        def write(value: Any) -> None:
            text = "" if value is None else str(value)
            if widget.text() != text:
                widget.setText(text)

        widget.textEdited.connect(lambda _text: self._push(field, read(), label))
        self._register(widget, field, read, write)

    def bind_text(self, widget: QPlainTextEdit, field: str, label: Label) -> None:
        """Bind a multi-line text field."""

        def read() -> Any:
            text = widget.toPlainText()
            return None if not text and self._nullable(field) else text

        def write(value: Any) -> None:
            text = "" if value is None else str(value)
            if widget.toPlainText() != text:
                widget.setPlainText(text)

        widget.textChanged.connect(lambda: self._push(field, read(), label))
        self._register(widget, field, read, write)

    def bind_combo(self, widget: QComboBox, field: str, label: Label) -> None:
        """Bind a choice among item data values (catalogue ids, or yes/no; None for the empty entry)."""

        def write(value: Any) -> None:
            index = widget.findData(value)
            widget.setCurrentIndex(index if index >= 0 else 0)

        widget.activated.connect(lambda _index: self._push(field, widget.currentData(), label))
        self._register(widget, field, widget.currentData, write)

    def bind_spin(self, widget: QSpinBox, field: str, label: Label) -> None:
        """Bind an integer; the spin box minimum shows as blank (None) through its special value text."""

        def read() -> Any:
            value = widget.value()
            return None if widget.specialValueText() and value == widget.minimum() else value

        def write(value: Any) -> None:
            widget.setValue(widget.minimum() if value is None else int(value))

        widget.valueChanged.connect(lambda _value: self._push(field, read(), label))
        self._register(widget, field, read, write)

    def bind_number(self, widget: NumberField, field: str, label: Label) -> None:
        """Bind a figure typed with a decimal comma or point (blank = None; an unfinished figure is not stored)."""
        widget.value_edited.connect(lambda value: self._push(field, value, label))
        self._register(widget, field, widget.value, widget.set_value)

    def bind_date(self, widget: DateField, field: str, label: Label) -> None:
        """Bind a date typed or picked in a date field (blank = None; an unfinished date is not stored)."""
        widget.date_edited.connect(lambda value: self._push(field, value, label))
        self._register(widget, field, widget.value, widget.set_value)
        # The focus goes to the field's line edit (its focus proxy): undo steps and guidance follow it there.
        widget.line_edit.setProperty("pm_field", field)
        widget.line_edit.installEventFilter(self)

    def bind_figure(self, widget: QLineEdit, field: str, label: Label, year: bool = False) -> None:
        """Bind a figure (or a four-digit year) typed into a plain line edit; incomplete text is marked, not stored."""
        if year:
            widget.setValidator(QIntValidator(0, 9999, widget))
            widget.setMaxLength(4)
        else:
            widget.setValidator(QRegularExpressionValidator(QRegularExpression(NUMBER_PATTERN), widget))

        def read() -> Any:
            return parse_number(widget.text(), year)[1]

        def write(value: Any) -> None:
            ok, shown = parse_number(widget.text(), year)
            # Rewriting "3," as "3" while the participant types "3,5" would eat the comma: compare values.
            if not ok or shown != value:
                widget.setText(format_number(value))
            widget.setStyleSheet("")
            widget.setToolTip("")

        hint = self.tr("Type a four-digit year.") if year else self.tr("Type a figure, such as 1500 or 12,5.")

        def edited(_text: str) -> None:
            ok, value = parse_number(widget.text(), year)
            # An incomplete figure is kept on screen, marked, until it can be stored.
            widget.setStyleSheet("" if ok else _INVALID_STYLE)
            widget.setToolTip("" if ok else hint)
            if ok:
                self._push(field, value, label)

        widget.textEdited.connect(edited)
        self._register(widget, field, read, write)

    def bind_lines(self, widget: QPlainTextEdit, field: str, label: Label) -> None:
        """Bind a list of short texts (authors, expected results) edited one per line."""

        def read() -> Any:
            return [line.strip() for line in widget.toPlainText().splitlines() if line.strip()]

        def write(value: Any) -> None:
            if read() != list(value or []):
                widget.setPlainText("\n".join(value or []))

        widget.textChanged.connect(lambda: self._push(field, read(), label))
        self._register(widget, field, read, write)

    def bind_checklist(self, widget: CatalogChecklist, field: str, label: Label) -> None:
        """Bind a list of catalogue ids to a checklist."""
        widget.selection_edited.connect(lambda ids: self._push(field, list(ids), label))
        self._register(widget, field, widget.selected, lambda value: widget.set_selected(list(value or [])))

    def anchor(self, widget: QWidget) -> Anchor | None:
        """Return the comment anchor (matrix, item id, field key) of a bound widget; None if not bound or no item."""
        # A date field's line edit carries the field too: it answers for the field it is part of.
        binding = next((b for b in self._bindings if b.widget is widget or b.widget.isAncestorOf(widget)), None)
        return self.field_anchor(binding.field) if binding is not None else None

    def field_anchor(self, field: str) -> Anchor | None:
        """Return the comment anchor of a field of the bound object (None while no object is bound)."""
        locator = self._locator()
        return anchor_of(self._session.proposal, locator, field) if locator is not None else None

    def refresh(self) -> None:
        """Show the bound object's current values (blank and disabled when there is none)."""
        target = self.target()
        self._updating = True
        try:
            for binding in self._bindings:
                binding.widget.setEnabled(target is not None)
                _set_read_only(binding.widget, self._session.read_only)
                binding.write(getattr(target, binding.field) if target is not None else None)
        finally:
            self._updating = False
        self._mark_comments()

    def _mark_comments(self) -> None:
        # A field with open review comments gets a coloured edge (the "pm_commented" rule in ui/style.py).
        has_target = self.target() is not None
        for binding in self._bindings:
            anchor = self.anchor(binding.widget) if has_target else None
            count = self._session.comment_count(anchor) if anchor is not None else 0
            note = self.tr("%n open comment(s): right-click to see them", "", count) if count else ""
            _show_comment_mark(binding.widget, count, note)

    def _on_change(self, change: Change) -> None:
        locator = self._locator()
        if locator is None:
            return
        # Only an edit of the bound object, of a list holding it, or of an object replacing it changes the form.
        touched = change.locator if change.field is None else (*change.locator, change.field)
        if change.locator == locator or locator[: len(touched)] == touched:
            self.refresh()

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        """Start a new undo step when a bound widget gains or loses the focus, and announce the field."""
        if event.type() in (QEvent.Type.FocusIn, QEvent.Type.FocusOut):
            self._merge_key = None
        if event.type() == QEvent.Type.FocusIn and isinstance(watched, QWidget):
            self.focused.emit(self.entity, str(watched.property("pm_field")))
        return False


def _show_comment_mark(widget: QWidget, count: int, note: str) -> None:
    if widget.property("pm_plain_tooltip") is None:
        if not count:
            return  # never marked: leave the widget as the page made it
        widget.setProperty("pm_plain_tooltip", widget.toolTip())
    tooltip = "\n".join(text for text in (note, str(widget.property("pm_plain_tooltip") or "")) if text)
    if widget.toolTip() != tooltip:
        widget.setToolTip(tooltip)
    if bool(widget.property("pm_commented")) == (count > 0):
        return
    widget.setProperty("pm_commented", count > 0)
    if isinstance(widget, CatalogChecklist):
        # A plain QWidget paints a style-sheet border only with a styled background.
        widget.setAttribute(Qt.WidgetAttribute.WA_StyledBackground, True)
    widget.style().unpolish(widget)
    widget.style().polish(widget)


def _set_read_only(widget: QWidget, read_only: bool) -> None:
    if isinstance(widget, QLineEdit | QPlainTextEdit):
        widget.setReadOnly(read_only)
    elif isinstance(widget, DateField | CatalogChecklist):
        widget.set_read_only(read_only)
    elif isinstance(widget, QComboBox | QSpinBox | QCheckBox):
        widget.setEnabled(widget.isEnabled() and not read_only)
