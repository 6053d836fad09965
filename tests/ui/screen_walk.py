"""Walking every screen of the editor (each step and every sub-tab) and finding what a participant cannot see whole.

The checks are geometric: a horizontal scroll bar in a page, a label whose text is wider (or, wrapped, taller) than
the room it has, a button, check box or tab narrower than its text, a widget cut by the edge of a parent, and a
table too short to work in.
"""

from __future__ import annotations

import time
from collections.abc import Iterator

from PySide6.QtCore import QRect, Qt
from PySide6.QtGui import QFont, QFontMetrics, QTextDocument
from PySide6.QtGui import Qt as QtGui
from PySide6.QtWidgets import (
    QAbstractButton,
    QAbstractItemView,
    QAbstractScrollArea,
    QApplication,
    QCheckBox,
    QDockWidget,
    QGroupBox,
    QHeaderView,
    QLabel,
    QListView,
    QPushButton,
    QRadioButton,
    QScrollBar,
    QTabBar,
    QTableView,
    QTabWidget,
    QToolBar,
    QToolButton,
    QTreeView,
    QWidget,
)

from ui.main_window import MainWindow

HEADER_PADDING = 10
"""A column title needs its text and the header's padding (ui/style.py: 5 px each side)."""
MIN_TABLE_ROWS = 3
"""A table or tree shows at least this many rows, so that one can work in it without scrolling row by row."""


def settle(seconds: float = 0.05) -> None:
    """Let layouts, deferred resizes and queued events happen."""
    deadline = time.monotonic() + seconds
    QApplication.processEvents()
    while time.monotonic() < deadline:
        QApplication.processEvents()
        time.sleep(0.005)
    QApplication.processEvents()


def screens(window: MainWindow) -> Iterator[str]:
    """Show every step of the open document and each tab of every tab widget in it; yield a name for each."""
    editor = window.editor
    assert editor is not None
    for index in range(len(editor.pages)):
        editor.show_step(index)
        settle()
        page = editor.page(index)
        yield f"step {index} ({editor.steps.item(index).text().splitlines()[0]})"
        yield from _tabs(page, f"step {index}", set())
    editor.show_step(0)


def _tabs(root: QWidget, where: str, seen: set[int]) -> Iterator[str]:
    for tabs in root.findChildren(QTabWidget):
        if id(tabs) in seen or not tabs.isVisible():
            continue
        seen.add(id(tabs))
        keep = tabs.currentIndex()
        for index in range(tabs.count()):
            if not tabs.isTabVisible(index):
                continue
            tabs.setCurrentIndex(index)
            settle()
            name = f"{where} › {tabs.tabText(index)}"
            if index != keep:
                yield name
            yield from _tabs(tabs.widget(index), name, seen)
        tabs.setCurrentIndex(keep)
        settle()


def problems(window: MainWindow) -> list[str]:
    """Return what does not fit in the window as shown now, one line each."""
    found: list[str] = []
    central = window.centralWidget()
    for widget in window.findChildren(QWidget):
        if not widget.isVisible() or widget.window() is not window or _behind_another_tab(widget, window):
            continue
        where = _name(widget)
        if isinstance(widget, QScrollBar):
            if widget.orientation() == Qt.Orientation.Horizontal and central.isAncestorOf(widget):
                found.append(f"horizontal scroll bar in {_name(widget.parentWidget().parentWidget())}")
            continue
        if _clipped_sideways(widget):
            found.append(f"cut by its parent: {where}")
        if isinstance(widget, QLabel):
            problem = _label_problem(widget)
        elif isinstance(widget, QAbstractButton):
            problem = _button_problem(widget)
        elif isinstance(widget, QTabBar):
            problem = _tab_problem(widget)
        elif isinstance(widget, QGroupBox):
            problem = _group_problem(widget)
        elif isinstance(widget, QHeaderView):
            problem = _header_problem(widget)
        elif isinstance(widget, QAbstractItemView):
            problem = _table_problem(widget)
        elif isinstance(widget, QToolBar):
            problem = _toolbar_problem(widget)
        else:
            problem = None
        if problem:
            found.append(f"{problem}: {where}")
    return found


def _behind_another_tab(widget: QWidget, window: MainWindow) -> bool:
    """Return True for a widget of a side panel tabbed behind another (Qt keeps it "visible", off screen)."""
    parent: QWidget | None = widget
    while parent is not None and not isinstance(parent, QDockWidget):
        parent = parent.parentWidget()
    return parent is not None and not parent.geometry().intersects(window.rect())


def _name(widget: QWidget | None) -> str:
    if widget is None:
        return "?"
    text = ""
    if isinstance(widget, QLabel | QAbstractButton):
        text = widget.text()
    elif isinstance(widget, QGroupBox):
        text = widget.title()
    return f"{type(widget).__name__} {widget.objectName() or ''} {text!r}".replace("  ", " ")


def _visible_rect(widget: QWidget) -> QRect:
    """Return the part of widget (in its own coordinates) that its ancestors leave visible."""
    rect = widget.rect()
    current = widget
    offset_x, offset_y = 0, 0
    while current.parentWidget() is not None and not current.isWindow():
        offset_x += current.x()
        offset_y += current.y()
        current = current.parentWidget()
        rect = rect.intersected(current.rect().translated(-offset_x, -offset_y))
    return rect


def _inside_scroll_area(widget: QWidget) -> bool:
    parent = widget.parentWidget()
    while parent is not None:
        if isinstance(parent, QAbstractScrollArea):
            return True
        parent = parent.parentWidget()
    return False


def _clipped_sideways(widget: QWidget) -> bool:
    """Return True when a visible widget is cut on the left or right by an ancestor (scrolled rows excepted)."""
    if widget.width() <= 1 or isinstance(widget, QScrollBar) or widget.inherits("QSplitterHandle"):
        return False
    parent = widget.parentWidget()
    if parent is not None and isinstance(parent.parentWidget(), QAbstractScrollArea):
        # The scrolled content itself (or an item view's editor): its viewport shows part of it by design; a
        # horizontal scroll bar is reported instead.
        return False
    visible = _visible_rect(widget)
    if visible.isEmpty():
        return not _inside_scroll_area(widget)  # scrolled out of view is fine; hidden by a plain parent is not
    return visible.width() < widget.width() - 1


def _label_problem(label: QLabel) -> str | None:
    text = label.text()
    if not text or (label.pixmap() is not None and not label.pixmap().isNull()):
        return None
    room = label.contentsRect().adjusted(label.margin(), label.margin(), -label.margin(), -label.margin())
    rich = label.textFormat() == Qt.TextFormat.RichText or (
        label.textFormat() == Qt.TextFormat.AutoText and QtGui.mightBeRichText(text)
    )
    if label.wordWrap() or rich:
        document = QTextDocument()
        document.setDefaultFont(label.font())
        document.setDocumentMargin(0)
        if rich:
            document.setHtml(text)
        else:
            document.setPlainText(text)
        document.setTextWidth(room.width() if label.wordWrap() else -1)
        needed_width = document.idealWidth()
        needed_height = document.size().height()
        if needed_width > room.width() + 1:
            return f"text wider than its label ({needed_width:.0f} > {room.width()})"
        if needed_height > room.height() + 2:
            return f"text taller than its label ({needed_height:.0f} > {room.height()})"
        return None
    lines = text.split("\n")
    widest = max(label.fontMetrics().horizontalAdvance(line) for line in lines)
    if widest > room.width():
        return f"text cut ({widest} > {room.width()})"
    if label.fontMetrics().lineSpacing() * len(lines) > room.height() + 2:
        return "text cut at the bottom"
    return None


def _button_problem(button: QAbstractButton) -> str | None:
    if not button.text() or button.inherits("QTabBar") or isinstance(button.parentWidget(), QTabBar):
        return None
    if isinstance(button, QToolButton) and button.toolButtonStyle() == Qt.ToolButtonStyle.ToolButtonIconOnly:
        return None
    if isinstance(button, QPushButton | QCheckBox | QRadioButton | QToolButton):
        needed = button.sizeHint().width()
        if button.width() < needed:
            return f"text cut ({button.width()} < {needed})"
    return None


def _tab_problem(bar: QTabBar) -> str | None:
    for child in bar.findChildren(QToolButton):
        if child.isVisible():
            return "tab bar scrolls: some tabs are out of sight"
    for index in range(bar.count()):
        if not bar.isTabVisible(index):
            continue
        rect = bar.tabRect(index)
        if not bar.rect().contains(rect):
            return f"tab {bar.tabText(index)!r} out of sight"
        needed = bar.fontMetrics().horizontalAdvance(bar.tabText(index).replace("&", ""))
        if rect.width() < needed:
            return f"tab {bar.tabText(index)!r} cut"
    return None


def _header_problem(header: QHeaderView) -> str | None:
    if header.orientation() != Qt.Orientation.Horizontal or header.model() is None:
        return None
    bold = QFont(header.font())
    bold.setWeight(QFont.Weight.DemiBold)  # the sections' weight in ui/style.py
    metrics = QFontMetrics(bold)
    for section in range(header.count()):
        if header.isSectionHidden(section):
            continue
        title = str(header.model().headerData(section, Qt.Orientation.Horizontal) or "")
        needed = max((metrics.horizontalAdvance(line) for line in title.splitlines()), default=0) + HEADER_PADDING
        if title and header.sectionSize(section) < needed:
            return f"column title {title!r} cut ({header.sectionSize(section)} < {needed})"
    return None


def _toolbar_problem(bar: QToolBar) -> str | None:
    extension = bar.findChild(QToolButton, "qt_toolbar_ext_button")
    return "tool bar hides buttons behind »" if extension is not None and extension.isVisible() else None


def _group_problem(group: QGroupBox) -> str | None:
    if not group.title():
        return None
    needed = group.fontMetrics().horizontalAdvance(group.title()) + 24
    return f"title cut ({group.width()} < {needed})" if group.width() < needed else None


def _table_problem(view: QAbstractItemView) -> str | None:
    if not isinstance(view, QTableView | QTreeView) or isinstance(view, QListView):
        return None
    model = view.model()
    if model is None or model.rowCount() == 0 or _inside_scroll_area(view.parentWidget()):
        return None
    row = max(view.sizeHintForRow(0), view.fontMetrics().height() + 4)
    rows = min(MIN_TABLE_ROWS, model.rowCount())
    if view.viewport().height() < rows * row:
        return f"table too short ({view.viewport().height()} px for {rows} rows of {row})"
    return None
