"""Building blocks of the calm, spacious editor forms: form layouts, wrapped field labels and headings."""

from __future__ import annotations

from PySide6.QtCore import QEvent, QModelIndex, QObject, QPersistentModelIndex, QRect, QSize, Qt, Signal
from PySide6.QtGui import QFont
from PySide6.QtWidgets import (
    QAbstractScrollArea,
    QFormLayout,
    QLabel,
    QLineEdit,
    QListView,
    QListWidget,
    QPlainTextEdit,
    QSizePolicy,
    QStyledItemDelegate,
    QStyleOptionViewItem,
    QWidget,
)

from ui.widgets.catalog import CatalogChecklist

QWIDGETSIZE_MAX = (1 << 24) - 1
WRAP_SLACK = 12
"""Checklist entries are measured this much narrower than the list, so painting never has to cut them."""
ROW_PADDING = 6
LABEL_WIDTH = 180
"""Labels wrap within this width, so that long Spanish labels never push the fields off screen."""


def new_form(label_width: int = LABEL_WIDTH) -> QFormLayout:
    """Return a form layout with top-aligned, wrapped labels and fields that take the remaining width."""
    form = QFormLayout()
    form.setFieldGrowthPolicy(QFormLayout.FieldGrowthPolicy.AllNonFixedFieldsGrow)
    form.setRowWrapPolicy(QFormLayout.RowWrapPolicy.DontWrapRows)
    form.setLabelAlignment(Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignTop)
    form.setFormAlignment(Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignTop)
    form.setHorizontalSpacing(18)
    form.setVerticalSpacing(12)
    form.setProperty("pm_label_width", label_width)
    return form


def add_row(form: QFormLayout, text: str, field: QWidget) -> QLabel:
    """Add a row with a word-wrapped label naming field (also its accessible name); return the label."""
    label = QLabel(text)
    label.setWordWrap(True)
    width = form.property("pm_label_width") or LABEL_WIDTH
    label.setFixedWidth(int(width))
    label.setProperty("pm_row_label", True)
    label.setAlignment(Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignTop)
    label.setBuddy(field)
    # The label's first line sits level with the text inside the field.
    label.setContentsMargins(0, 4, 0, 0)
    field.setAccessibleName(text)
    form.addRow(label, field)
    return label


def place_labels(root: QWidget, above: bool) -> None:
    """Put the row labels of the forms under root above their fields (a narrow form) or beside them (a wide one)."""
    policy = QFormLayout.RowWrapPolicy.WrapAllRows if above else QFormLayout.RowWrapPolicy.DontWrapRows
    for form in root.findChildren(QFormLayout):
        if form.rowWrapPolicy() == policy:
            continue
        form.setRowWrapPolicy(policy)
        width = int(form.property("pm_label_width") or LABEL_WIDTH)
        for row in range(form.rowCount()):
            item = form.itemAt(row, QFormLayout.ItemRole.LabelRole)
            label = item.widget() if item is not None else None
            if isinstance(label, QLabel) and label.property("pm_row_label"):
                # Above its field a label has the form's width: one line reads better than a narrow column.
                label.setWordWrap(not above)
                if above:
                    label.setMinimumWidth(0)
                    label.setMaximumWidth(QWIDGETSIZE_MAX)
                    label.setContentsMargins(0, 0, 0, 0)
                else:
                    label.setFixedWidth(width)
                    label.setContentsMargins(0, 4, 0, 0)


class LabelsBesideWhenWide(QObject):
    """Keeps a scrolled form's labels beside its fields while there is room, above them when there is not."""

    def __init__(self, area: QAbstractScrollArea, content: QWidget, wide_from: int) -> None:
        super().__init__(area)
        self._area = area
        self._content = content
        self._wide_from = wide_from
        area.viewport().installEventFilter(self)

    def update(self) -> None:
        """Place the labels for the area's current width (also after rows were added)."""
        place_labels(self._content, above=self._area.viewport().width() < self._wide_from)

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        """Re-place the labels when the area's width changes."""
        del watched  # only the viewport is watched
        if event.type() == QEvent.Type.Resize:
            self.update()
        return False


def set_label(label: QLabel, text: str) -> None:
    """Change a row label and its field's accessible name together (after a language switch)."""
    label.setText(text)
    buddy = label.buddy()
    if buddy is not None:
        buddy.setAccessibleName(text)


def heading(text: str = "", size_delta: float = 5.0) -> QLabel:
    """Return a page or section heading: larger, semi-bold text."""
    label = QLabel(text)
    # Headings show participants' names: '<h1>' or '<img src=file:…>' in a name must stay text, never HTML.
    label.setTextFormat(Qt.TextFormat.PlainText)
    font = QFont(label.font())
    font.setPointSizeF(font.pointSizeF() + size_delta)
    font.setWeight(QFont.Weight.DemiBold)
    label.setFont(font)
    label.setWordWrap(True)
    return label


def hint(text: str = "") -> QLabel:
    """Return a muted, wrapped explanatory line shown under a heading."""
    label = QLabel(text)
    label.setTextFormat(Qt.TextFormat.PlainText)  # hints quote participants' items too (see heading)
    label.setWordWrap(True)
    label.setStyleSheet("color: palette(placeholder-text);")
    return label


def text_box(lines: int = 3, placeholder: str = "") -> QPlainTextEdit:
    """Return a multi-line text field about `lines` lines tall; Tab moves on instead of typing a tab."""
    box = QPlainTextEdit()
    box.setTabChangesFocus(True)
    box.setPlaceholderText(placeholder)
    metrics = box.fontMetrics()
    box.setMinimumHeight(int(metrics.lineSpacing() * lines + 14))
    box.setMaximumHeight(int(metrics.lineSpacing() * (lines + 3) + 14))
    box.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Preferred)
    return box


def wrap_checklist(checklist: CatalogChecklist, height: int = 0) -> None:
    """Wrap long catalogue labels instead of scrolling sideways; size the list to its entries (or height)."""
    view = checklist.findChild(QListWidget)
    if view is None:
        return
    view.setWordWrap(True)
    view.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
    view.setResizeMode(QListView.ResizeMode.Adjust)
    view.setItemDelegate(_WrapDelegate(view))
    if height:
        # A scroll bar that appears after the first layout would leave the first rows wrapped for a wider list.
        view.setVerticalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOn)
        view.setMinimumHeight(height)
    else:
        rows = max(1, view.count())
        view.setFixedHeight(rows * view.sizeHintForRow(0) + 2 * view.frameWidth() + 2)


def name_checklist(checklist: CatalogChecklist, label: str, search: str) -> None:
    """Give a checklist's filter box and list the accessible names a screen reader announces."""
    checklist.setAccessibleName(label)
    filter_box = checklist.findChild(QLineEdit)
    if filter_box is not None:
        filter_box.setAccessibleName(f"{search}: {label}")
    view = checklist.findChild(QListWidget)
    if view is not None:
        view.setAccessibleName(label)


class _WrapDelegate(QStyledItemDelegate):
    """Wraps a little early when measuring, so that painting (a few pixels narrower) never has to elide."""

    def sizeHint(self, option: QStyleOptionViewItem, index: QModelIndex | QPersistentModelIndex) -> QSize:
        """Return the size of the entry wrapped to a slightly narrower width than the list offers."""
        narrower = QStyleOptionViewItem(option)
        narrower.rect = QRect(option.rect.adjusted(0, 0, -WRAP_SLACK, 0))
        size = super().sizeHint(narrower, index)
        return QSize(size.width(), size.height() + ROW_PADDING)


class FocusRelay(QObject):
    """Announces (entity, field) when any part of a compound input gets the focus (a checklist's list or filter)."""

    focused = Signal(str, str)

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._fields: dict[QObject, tuple[str, str]] = {}

    def watch(self, widget: QWidget, entity: str, field: str) -> None:
        """Report focus on widget's children as focus on the field (FieldBinder sees only the outer widget)."""
        for child in (widget, *widget.findChildren(QWidget)):
            self._fields[child] = (entity, field)
            child.installEventFilter(self)

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        """Emit focused for a watched child that gains the focus."""
        if event.type() == QEvent.Type.FocusIn and watched in self._fields:
            self.focused.emit(*self._fields[watched])
        return False
