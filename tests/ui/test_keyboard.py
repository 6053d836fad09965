"""Keyboard and pointer on an office laptop: undo keys, the wheel, the Tab chain, focus rings, disabled looks."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest
from PySide6.QtCore import QPoint, QPointF, Qt
from PySide6.QtGui import QColor, QImage, QPalette, QWheelEvent
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QApplication, QComboBox, QLineEdit, QListWidget, QPushButton, QSpinBox, QWidget
from pytestqt.qtbot import QtBot

from tests.ui.helpers import App, build_app, demo_file, type_text
from tests.ui.screen_walk import settle
from ui.main_window import MainWindow
from ui.writer import DocumentWriter

pytestmark = pytest.mark.gui

MAX_TAB_STOPS = 400


@pytest.fixture
def app(qtbot: QtBot, qapp: QApplication, tmp_path: Path, writer: DocumentWriter) -> Iterator[App]:
    app = build_app(qtbot, qapp, tmp_path, writer=writer)
    app.window.resize(1366, 688)
    app.window.show()
    qtbot.waitExposed(app.window)
    app.window.activateWindow()
    qtbot.waitUntil(lambda: QApplication.activeWindow() is app.window)
    yield app
    app.controller.close_document()
    app.languages.clear()


def opened(app: App, tmp_path: Path) -> MainWindow:
    assert app.controller.open_path(demo_file(tmp_path))
    settle()
    return app.window


def title_field(window: MainWindow) -> QLineEdit:
    editor = window.editor
    assert editor is not None
    return next(w for w in editor.page(0).findChildren(QLineEdit) if w.property("pm_field") == "title")


# -- undo and redo --------------------------------------------------------------------------------------------


@pytest.mark.parametrize("redo", ["Ctrl+Y", "Ctrl+Shift+Z"])
def test_undo_and_both_redo_keys_work_in_a_text_field_and_elsewhere(app: App, tmp_path: Path, redo: str) -> None:
    window = opened(app, tmp_path)
    title = title_field(window)
    proposal = app.controller.session.proposal  # type: ignore[union-attr]
    original = proposal.title
    title.setFocus()
    title.end(False)
    type_text(title, " 2030")
    QTest.keyClick(title, Qt.Key.Key_Z, Qt.KeyboardModifier.ControlModifier)
    assert proposal.title == original
    modifiers = Qt.KeyboardModifier.ControlModifier
    if "Shift" in redo:
        modifiers |= Qt.KeyboardModifier.ShiftModifier
    key = Qt.Key.Key_Y if redo == "Ctrl+Y" else Qt.Key.Key_Z
    QTest.keyClick(title, key, modifiers)
    assert proposal.title == original + " 2030"
    assert title.text() == original + " 2030"
    steps = window.editor.steps  # type: ignore[union-attr]
    steps.setFocus()  # the same keys where no field has an undo of its own
    QTest.keyClick(steps, Qt.Key.Key_Z, Qt.KeyboardModifier.ControlModifier)
    assert proposal.title == original
    QTest.keyClick(steps, key, modifiers)
    assert proposal.title == original + " 2030"


# -- the wheel ------------------------------------------------------------------------------------------------------


def wheel(widget: QWidget, steps: int = -1) -> None:
    centre = QPointF(widget.rect().center())
    event = QWheelEvent(
        centre,
        QPointF(widget.mapToGlobal(centre.toPoint())),
        QPoint(0, 0),
        QPoint(0, 120 * steps),
        Qt.MouseButton.NoButton,
        Qt.KeyboardModifier.NoModifier,
        Qt.ScrollPhase.NoScrollPhase,
        False,
    )
    QApplication.sendEvent(widget, event)


def test_the_wheel_over_an_idle_choice_scrolls_instead_of_changing_it(app: App, tmp_path: Path) -> None:
    window = opened(app, tmp_path)
    page = window.editor.page(0)  # type: ignore[union-attr]
    proposal = app.controller.session.proposal  # type: ignore[union-attr]
    area = page.widgets["policy_area"]
    year = page.widgets["horizon.end_year"]
    assert isinstance(area, QComboBox)
    assert isinstance(year, QSpinBox)
    window.editor.steps.setFocus()  # type: ignore[union-attr]
    before = (proposal.policy_area, proposal.horizon.end_year, area.currentIndex(), year.value())
    for widget in (area, year):
        wheel(widget, -1)
        wheel(widget, 1)
        wheel(widget, -1)
    assert (proposal.policy_area, proposal.horizon.end_year, area.currentIndex(), year.value()) == before
    assert area.focusPolicy() != Qt.FocusPolicy.WheelFocus
    assert year.focusPolicy() != Qt.FocusPolicy.WheelFocus


def test_inputs_made_after_the_step_was_shown_are_guarded_too(app: App, tmp_path: Path) -> None:
    # A row's editor, a form filled in later: made while the step is on screen, after the guard last looked.
    window = opened(app, tmp_path)
    page = window.editor.page(0)  # type: ignore[union-attr]
    proposal = app.controller.session.proposal  # type: ignore[union-attr]
    original = proposal.title
    title = title_field(window)
    title.setFocus()
    title.end(False)
    type_text(title, " 2030")
    holder = title.parentWidget()
    choice, number, text = QComboBox(holder), QSpinBox(holder), QLineEdit(holder)
    choice.addItems(["uno", "dos", "tres"])
    number.setRange(0, 10)
    for widget in (choice, number, text):
        holder.layout().addWidget(widget)
        widget.show()
    settle()
    assert page.isAncestorOf(choice)
    assert choice.focusPolicy() != Qt.FocusPolicy.WheelFocus
    assert number.focusPolicy() != Qt.FocusPolicy.WheelFocus
    window.editor.steps.setFocus()  # type: ignore[union-attr]
    for widget in (choice, number):
        wheel(widget, -1)
        wheel(widget, 1)
    assert (choice.currentIndex(), number.value()) == (0, 0)
    text.setFocus()
    QTest.keyClick(text, Qt.Key.Key_Z, Qt.KeyboardModifier.ControlModifier)
    assert proposal.title == original  # the document's undo, not the new field's own


def test_fields_outside_the_pages_keep_their_own_undo(app: App, tmp_path: Path, qtbot: QtBot) -> None:
    window = opened(app, tmp_path)
    outside = QLineEdit()
    qtbot.addWidget(outside)
    outside.show()
    outside.setFocus()
    type_text(outside, "abc")
    QTest.keyClick(outside, Qt.Key.Key_Z, Qt.KeyboardModifier.ControlModifier)
    assert outside.text() == ""
    assert window.editor is not None


# -- the Tab chain and its focus rings -----------------------------------------------------------------------------


def tab_stops(window: MainWindow, start: QWidget) -> list[QWidget]:
    """Press Tab from start until the focus comes back; return every widget that got it."""
    start.setFocus(Qt.FocusReason.TabFocusReason)
    stops: list[QWidget] = []
    for _ in range(MAX_TAB_STOPS):
        current = QApplication.focusWidget()
        assert current is not None
        QTest.keyClick(current, Qt.Key.Key_Tab)
        reached = QApplication.focusWidget()
        if reached is None or reached is start or reached in stops:
            break
        stops.append(reached)
    return stops


def test_tab_never_walks_into_the_panel_tabbed_behind_the_guidance(app: App, tmp_path: Path) -> None:
    window = opened(app, tmp_path)
    assert window.guidance_dock.isVisible()
    stops = tab_stops(window, window.editor.steps)  # type: ignore[union-attr]
    assert stops
    hidden = [w for w in stops if window.comments_dock.isAncestorOf(w)]
    assert not hidden, [type(w).__name__ for w in hidden]


def changed_pixels(before: QImage, after: QImage) -> int:
    if before.size() != after.size():
        return before.width() * before.height()
    return sum(
        1 for y in range(before.height()) for x in range(before.width()) if before.pixel(x, y) != after.pixel(x, y)
    )


def test_every_tab_stop_shows_where_the_focus_is(styled: QApplication, app: App, tmp_path: Path) -> None:
    window = opened(app, tmp_path)
    editor = window.editor
    assert editor is not None
    unseen = []
    for index in range(len(editor.pages)):
        editor.show_step(index)
        settle()
        for widget in tab_stops(window, editor.steps):
            widget.setFocus(Qt.FocusReason.TabFocusReason)
            settle(0.01)
            focused = widget.grab().toImage()
            editor.steps.setFocus()  # somewhere else, so the widget draws itself without the focus
            settle(0.01)
            idle = widget.grab().toImage()
            ring = min(2 * (widget.width() + widget.height()), 80)
            if changed_pixels(focused, idle) < ring:
                unseen.append(
                    f"step {index}: {type(widget).__name__} {widget.objectName()!r} {widget.accessibleName()!r}"
                )
    assert not unseen, "\n".join(dict.fromkeys(unseen))


# -- disabled controls ---------------------------------------------------------------------------------------------


def contrast(a: QColor, b: QColor) -> float:
    def luminance(color: QColor) -> float:
        def channel(value: float) -> float:
            return value / 12.92 if value <= 0.03928 else ((value + 0.055) / 1.055) ** 2.4

        return 0.2126 * channel(color.redF()) + 0.7152 * channel(color.greenF()) + 0.0722 * channel(color.blueF())

    high, low = sorted((luminance(a), luminance(b)), reverse=True)
    return (high + 0.05) / (low + 0.05)


def test_disabled_controls_look_disabled(styled: QApplication, qtbot: QtBot) -> None:
    palette = styled.palette()
    for role in (QPalette.ColorRole.Text, QPalette.ColorRole.WindowText, QPalette.ColorRole.ButtonText):
        enabled = palette.color(QPalette.ColorGroup.Active, role)
        disabled = palette.color(QPalette.ColorGroup.Disabled, role)
        assert contrast(enabled, disabled) > 2, role  # menu items and labels grey out
    for make in (lambda: QLineEdit("Texto"), lambda: QPushButton("Agregar")):
        live, dead = make(), make()
        dead.setEnabled(False)
        for widget in (live, dead):
            qtbot.addWidget(widget)
            widget.resize(160, 32)
            widget.show()
        settle(0.01)
        fill = [w.grab().toImage().pixelColor(20, 16) for w in (live, dead)]
        assert fill[0] != fill[1], type(live).__name__


# -- the start screen, the folder review, the first window ---------------------------------------------------------


def test_recent_files_show_the_proposal_title_and_open_with_one_click(app: App, tmp_path: Path) -> None:
    path = demo_file(tmp_path)
    app.controller.open_path(path)
    title = app.controller.session.proposal.title  # type: ignore[union-attr]
    app.controller._close_to_start()  # File > Close
    recent = app.window.start.findChild(QListWidget, "recent")
    item = recent.item(0)
    assert item.text().splitlines()[0] == title
    QTest.mouseClick(
        recent.viewport(),
        Qt.MouseButton.LeftButton,
        Qt.KeyboardModifier.NoModifier,
        recent.visualItemRect(item).center(),
    )
    assert app.controller.session is not None
    assert app.controller.session.path == path.resolve()


def test_the_folder_review_window_is_large_and_closes_with_escape(app: App, qtbot: QtBot, tmp_path: Path) -> None:
    folder = tmp_path / "cohorte"
    folder.mkdir()
    demo_file(folder)
    dashboard = app.controller.review_folder(folder)
    qtbot.waitExposed(dashboard)
    available = app.window.screen().availableGeometry()
    assert dashboard.width() >= min(1000, available.width() - 40)
    assert dashboard.height() >= min(600, available.height() - 60)
    dashboard.activateWindow()
    qtbot.waitUntil(lambda: QApplication.activeWindow() is dashboard)
    QTest.keyClick(QApplication.focusWidget() or dashboard, Qt.Key.Key_Escape)
    assert not dashboard.isVisible()


def test_the_first_window_fits_the_screen(
    qtbot: QtBot, qapp: QApplication, tmp_path: Path, writer: DocumentWriter
) -> None:
    window = build_app(qtbot, qapp, tmp_path, writer=writer).window
    window.show_first(None, None)
    qtbot.waitExposed(window)
    available = window.screen().availableGeometry()
    assert window.minimumHeight() <= 600
    assert window.isMaximized() or available.contains(window.frameGeometry())
    assert window.width() <= available.width()
    assert window.height() <= available.height()
