"""Inputs for values that may be left blank: a year, a figure and a date, each typed freely on the keyboard."""

from __future__ import annotations

import re
from datetime import date

from PySide6.QtCore import QDate, QRegularExpression, Signal
from PySide6.QtGui import QIcon, QRegularExpressionValidator, QValidator
from PySide6.QtWidgets import (
    QCalendarWidget,
    QHBoxLayout,
    QLineEdit,
    QMenu,
    QSpinBox,
    QToolButton,
    QWidget,
    QWidgetAction,
)

from export.formats import format_number
from matrices.base import MAX_NUMBER
from matrices.localized import COURSE_LANGUAGE, Lang, conventions

BLANK = "—"

NUMBER_PATTERN = r"-?\d{0,15}([.,]\d{0,6})?"
"""What a figure may look like while it is typed: digits and one decimal mark (comma or point)."""

_DATE_DMY = re.compile(r"^\s*(\d{1,2})[/.\-](\d{1,2})[/.\-](\d{4})\s*$")
_DATE_ISO = re.compile(r"^\s*(\d{4})-(\d{1,2})-(\d{1,2})\s*$")


class YearSpinBox(QSpinBox):
    """A year that can be blank: the value below the range shows as a dash and means 'not given'."""

    def __init__(self, first: int = 2000, last: int = 2100, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        # The minimum is a sentinel: FieldBinder.bind_spin reads it as None through the special value text.
        self.setRange(first - 1, last)
        self.setSpecialValueText(BLANK)
        self.setValue(self.minimum())
        self.setGroupSeparatorShown(False)
        self.setMinimumWidth(96)

    def stepBy(self, steps: int) -> None:
        """Start from the current year rather than from the sentinel when the field is blank."""
        if self.value() == self.minimum() and steps > 0:
            self.setValue(max(self.minimum() + 1, min(date.today().year, self.maximum())))
            return
        super().stepBy(steps)

    def validate(self, text: str, pos: int) -> object:
        """Accept an empty text (the participant cleared the year)."""
        if not text.strip() or text == BLANK:
            return QValidator.State.Acceptable, text, pos
        return super().validate(text, pos)

    def valueFromText(self, text: str) -> int:
        """Read an empty text as the blank sentinel."""
        if not text.strip() or text == BLANK:
            return self.minimum()
        return super().valueFromText(text)


def parse_number(text: str) -> int | float | None:
    """Read a typed figure ('16742', '12,5', '0.25'); None when blank; ValueError when not a number."""
    cleaned = text.strip().replace(" ", "")
    if not cleaned:
        return None
    value = float(cleaned.replace(",", "."))
    if abs(value) > MAX_NUMBER:
        raise ValueError("number too large")
    return int(value) if value.is_integer() and "." not in cleaned and "," not in cleaned else value


def edit_text_of_number(value: int | float | None, lang: Lang) -> str:
    """Return a figure as it is typed back (no thousands separators; the language's decimal mark)."""
    return "" if value is None else conventions(lang).typed_number(value)


def display_number(value: int | float | None, lang: Lang) -> str:
    """Return a figure as the export writes it (16.742 in Spanish, 16,742 in English)."""
    return "" if value is None else format_number(value, lang)


def parse_date(text: str) -> date | None:
    """Read 31/05/2021, 31-05-2021 or 2021-05-31; None when blank; ValueError when not a real date."""
    if not text.strip():
        return None
    match = _DATE_DMY.match(text)
    if match:
        day, month, year = (int(part) for part in match.groups())
        return date(year, month, day)
    match = _DATE_ISO.match(text)
    if match:
        year, month, day = (int(part) for part in match.groups())
        return date(year, month, day)
    raise ValueError(f"not a date: {text!r}")


def display_date(value: date | None, lang: Lang) -> str:
    """Return a date as the language types it: dd/mm/yyyy (Panama's usage) in Spanish, ISO yyyy-mm-dd in English."""
    return "" if value is None else conventions(lang).typed_date(value)


class NumberField(QLineEdit):
    """A figure typed as text; only digits and one decimal mark get in, so nothing typed is refused later."""

    value_edited = Signal(object)
    """The new value (int, float or None) after each keystroke that leaves a valid figure."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.lang: Lang = COURSE_LANGUAGE
        self.setValidator(QRegularExpressionValidator(QRegularExpression(NUMBER_PATTERN), self))
        self.textEdited.connect(self._on_edited)

    def value(self) -> int | float | None:
        """Return the figure shown (None when blank or incomplete)."""
        try:
            return parse_number(self.text())
        except ValueError:
            return None

    def set_value(self, value: int | float | None) -> None:
        """Show value, unless the text already reads as it (so the cursor never jumps while typing)."""
        if self.value() != value or (value is None and self.text().strip() not in ("", "-")):
            self.setText(edit_text_of_number(value, self.lang))

    def _on_edited(self, text: str) -> None:
        try:
            self.value_edited.emit(parse_number(text))
        except ValueError:
            return  # "-" or "," alone: wait for the next keystroke


class DateField(QWidget):
    """A date typed as dd/mm/aaaa (or picked from a calendar); blank means 'not given'."""

    date_edited = Signal(object)
    """The new date (or None) once the text is a complete, real date or is cleared."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.lang: Lang = COURSE_LANGUAGE
        self.line_edit = QLineEdit(self)
        self.line_edit.setMaxLength(10)
        self.line_edit.setClearButtonEnabled(True)
        self.button = QToolButton(self)
        # A themed calendar icon where the desktop has one; a plain arrow (in every font) elsewhere.
        self.button.setIcon(QIcon.fromTheme("x-office-calendar"))
        if self.button.icon().isNull():
            self.button.setText("▾")
        self.button.setAutoRaise(True)
        self.button.setStyleSheet("QToolButton::menu-indicator { image: none; width: 0px; }")
        self.button.setPopupMode(QToolButton.ToolButtonPopupMode.InstantPopup)
        self._calendar = QCalendarWidget(self)
        self._calendar.setGridVisible(False)
        menu = QMenu(self.button)
        action = QWidgetAction(menu)
        action.setDefaultWidget(self._calendar)
        menu.addAction(action)
        menu.aboutToShow.connect(self._prepare_calendar)
        self.button.setMenu(menu)
        self._calendar.clicked.connect(self._on_picked)
        self._calendar.activated.connect(self._on_picked)
        layout = QHBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.setSpacing(4)
        layout.addWidget(self.line_edit, 1)
        layout.addWidget(self.button)
        self.setFocusProxy(self.line_edit)
        self.line_edit.textEdited.connect(self._on_edited)

    def value(self) -> date | None:
        """Return the date shown (None when blank or not yet a complete date)."""
        try:
            return parse_date(self.line_edit.text())
        except ValueError:
            return None

    def set_value(self, value: date | None) -> None:
        """Show value unless the text already reads as it."""
        if self.value() != value or (value is None and self.line_edit.text().strip()):
            self.line_edit.setText(display_date(value, self.lang))
        self._mark_invalid(False)

    def set_language(self, lang: Lang) -> None:
        """Show dates the way lang writes them."""
        current = self.value()
        self.lang = lang
        self.line_edit.setPlaceholderText(conventions(lang).date_typed_hint)
        if current is not None:
            self.line_edit.setText(display_date(current, lang))

    def set_read_only(self, read_only: bool) -> None:
        """Allow or forbid changing the date."""
        self.line_edit.setReadOnly(read_only)
        self.button.setEnabled(not read_only)

    def _prepare_calendar(self) -> None:
        self._calendar.setSelectedDate(QDate(self.value() or date.today()))

    def _on_picked(self, picked: QDate) -> None:
        value = date(picked.year(), picked.month(), picked.day())
        self.line_edit.setText(display_date(value, self.lang))
        self.button.menu().hide()
        self._mark_invalid(False)
        self.date_edited.emit(value)

    def _on_edited(self, text: str) -> None:
        try:
            value = parse_date(text)
        except ValueError:
            # An unfinished date stays on screen, marked, until it is complete; the stored date is unchanged.
            self._mark_invalid(True)
            return
        self._mark_invalid(False)
        self.date_edited.emit(value)

    def _mark_invalid(self, invalid: bool) -> None:
        self.line_edit.setStyleSheet("QLineEdit { border: 1px solid #c0392b; }" if invalid else "")
