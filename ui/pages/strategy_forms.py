"""Small form-building helpers shared by the strategy page's panels (labels, text boxes, scroll areas)."""

from __future__ import annotations

import itertools

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QFormLayout,
    QFrame,
    QGroupBox,
    QLabel,
    QLayout,
    QLineEdit,
    QListView,
    QListWidget,
    QPlainTextEdit,
    QScrollArea,
    QSizePolicy,
    QVBoxLayout,
    QWidget,
)

from ui.widgets.plain_text import plain_label

FORM_SPACING = 10
SECTION_SPACING = 18


def text_box(lines: int, parent: QWidget | None = None) -> QPlainTextEdit:
    """Return a multi-line text field sized for about `lines` lines, where Tab moves on to the next field."""
    box = QPlainTextEdit(parent)
    box.setTabChangesFocus(True)
    metrics = box.fontMetrics()
    box.setFixedHeight(int(metrics.lineSpacing() * lines + 2 * box.frameWidth() + 12))
    box.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Fixed)
    return box


def form_layout(parent: QWidget | None = None) -> QFormLayout:
    """Return a calm, spacious form layout whose labels wrap instead of widening the form."""
    form = QFormLayout(parent)
    form.setRowWrapPolicy(QFormLayout.RowWrapPolicy.WrapLongRows)
    form.setFieldGrowthPolicy(QFormLayout.FieldGrowthPolicy.AllNonFixedFieldsGrow)
    form.setLabelAlignment(Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignTop)
    form.setHorizontalSpacing(14)
    form.setVerticalSpacing(FORM_SPACING)
    return form


def add_row(form: QFormLayout, widget: QWidget, labels: dict[str, QLabel], key: str) -> QLabel:
    """Add a labelled row; the label is kept under key so that retranslate() can re-apply its text."""
    label = QLabel(form.parentWidget())
    label.setWordWrap(True)
    label.setMinimumWidth(110)
    label.setMaximumWidth(170)
    label.setBuddy(widget)
    labels[key] = label
    form.addRow(label, widget)
    return label


def section_title(parent: QWidget | None = None) -> QLabel:
    """Return a section header label (bold, a little larger than the body text)."""
    label = plain_label(parent)  # titles quote an axis's or an indicator's name
    font = label.font()
    font.setBold(True)
    font.setPointSizeF(font.pointSizeF() * 1.1)
    label.setFont(font)
    label.setContentsMargins(0, 6, 0, 0)
    return label


def hint_label(parent: QWidget | None = None) -> QLabel:
    """Return a muted, word-wrapped explanatory line."""
    label = plain_label(parent)
    label.setWordWrap(True)
    label.setStyleSheet("color: palette(placeholder-text);")
    return label


def group(parent: QWidget | None = None) -> tuple[QGroupBox, QFormLayout]:
    """Return a group box holding a form layout."""
    box = QGroupBox(parent)
    return box, form_layout(box)


def scrolled(content_layout: QLayout, parent: QWidget | None = None) -> tuple[QScrollArea, QWidget]:
    """Put a layout in a frameless vertical scroll area; return the area and the content widget."""
    area = QScrollArea(parent)
    area.setWidgetResizable(True)
    area.setFrameShape(QFrame.Shape.NoFrame)
    area.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
    area.setFocusPolicy(Qt.FocusPolicy.NoFocus)  # Tab goes to the fields; they scroll into view
    content = QWidget(area)
    content.setLayout(content_layout)
    area.setWidget(content)
    return area, content


def wrap_entries(checklist: QWidget) -> None:
    """Let a checklist's long entries (GCM objectives, cause descriptions) wrap instead of scrolling sideways."""
    for view in checklist.findChildren(QListWidget):
        view.setWordWrap(True)
        view.setResizeMode(QListView.ResizeMode.Adjust)
        view.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        view.setTextElideMode(Qt.TextElideMode.ElideNone)


SHORT_LIST = 8
"""Checklists with at most this many entries show them all, without a search box."""


def fit_short_checklist(checklist: QWidget, entries: int) -> None:
    """Show every entry of a short checklist at once and drop its search box, which would only be clutter."""
    if entries > SHORT_LIST:
        return
    for search in checklist.findChildren(QLineEdit):
        search.hide()
    for view in checklist.findChildren(QListWidget):
        row = max(view.sizeHintForRow(0), view.fontMetrics().height() + 4)
        view.setFixedHeight(row * entries + 2 * view.frameWidth() + 4)
    checklist.setMinimumHeight(0)


def chain_tab_order(widgets: list[QWidget]) -> None:
    """Make Tab visit widgets in this (visual) order, whatever order they were created in."""
    for first, second in itertools.pairwise(widgets):
        QWidget.setTabOrder(first, second)


def focus(widget: QWidget) -> None:
    """Give the keyboard focus to widget, or to its list when it is a checklist (which takes no focus itself)."""
    if widget.focusPolicy() == Qt.FocusPolicy.NoFocus:
        lists = widget.findChildren(QListWidget)
        if lists:
            widget = lists[0]
    widget.setFocus(Qt.FocusReason.OtherFocusReason)


def column(*widgets: QWidget, stretch: bool = True) -> QVBoxLayout:
    """Stack widgets vertically with section spacing."""
    layout = QVBoxLayout()
    layout.setSpacing(SECTION_SPACING)
    for widget in widgets:
        layout.addWidget(widget)
    if stretch:
        layout.addStretch(1)
    return layout
