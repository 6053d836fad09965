"""A laptop set to a dark theme: the app keeps its own light look, and every text stays readable.

The system's dark palette is set before the app's style, as a dark desktop hands it to Qt; then one page (the
actors, with its table) is drawn and the contrast of its texts measured on the picture, like a reader's eye.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Iterator
from pathlib import Path

import pytest
from PySide6.QtGui import QColor, QImage, QPalette
from PySide6.QtWidgets import QApplication, QHeaderView, QLabel, QWidget
from pytestqt.qtbot import QtBot

from tests.ui.helpers import App, build_app, demo_file
from tests.ui.screen_walk import settle
from ui.style import apply_style
from ui.writer import DocumentWriter

pytestmark = pytest.mark.gui

READABLE = 4.5
"""WCAG's minimum contrast for body text."""

DARK_SYSTEM = {
    QPalette.ColorRole.Window: "#2d2d2d",
    QPalette.ColorRole.WindowText: "#f0f0f0",
    QPalette.ColorRole.Base: "#1e1e1e",
    QPalette.ColorRole.AlternateBase: "#262626",
    QPalette.ColorRole.Text: "#f0f0f0",
    QPalette.ColorRole.Button: "#3a3a3a",
    QPalette.ColorRole.ButtonText: "#ffffff",
    QPalette.ColorRole.ToolTipBase: "#3a3a3a",
    QPalette.ColorRole.ToolTipText: "#ffffff",
    QPalette.ColorRole.PlaceholderText: "#9a9a9a",
    QPalette.ColorRole.Light: "#505050",
    QPalette.ColorRole.Midlight: "#404040",
    QPalette.ColorRole.Mid: "#303030",
    QPalette.ColorRole.Dark: "#202020",
    QPalette.ColorRole.Shadow: "#000000",
    QPalette.ColorRole.BrightText: "#ffffff",
}


@pytest.fixture
def dark_desktop(qapp: QApplication) -> Iterator[QApplication]:
    """A dark system palette under the app's style, for one test."""
    palette, sheet, style, font = qapp.palette(), qapp.styleSheet(), qapp.style().name(), qapp.font()
    dark = QPalette()
    for role, color in DARK_SYSTEM.items():
        dark.setColor(role, QColor(color))
    qapp.setPalette(dark)
    apply_style(qapp)
    yield qapp
    qapp.setStyleSheet(sheet)
    qapp.setPalette(palette)
    qapp.setStyle(style)
    qapp.setFont(font)


@pytest.fixture
def app(dark_desktop: QApplication, qtbot: QtBot, tmp_path: Path, writer: DocumentWriter) -> Iterator[App]:
    app = build_app(qtbot, dark_desktop, tmp_path, writer=writer)
    app.window.resize(1366, 688)
    app.window.show()
    qtbot.waitExposed(app.window)
    yield app
    app.controller.close_document()


def luminance(color: QColor) -> float:
    def channel(value: float) -> float:
        return value / 12.92 if value <= 0.03928 else ((value + 0.055) / 1.055) ** 2.4

    return 0.2126 * channel(color.redF()) + 0.7152 * channel(color.greenF()) + 0.0722 * channel(color.blueF())


def contrast(a: QColor, b: QColor) -> float:
    high, low = sorted((luminance(a), luminance(b)), reverse=True)
    return (high + 0.05) / (low + 0.05)


def text_contrast(image: QImage) -> float:
    """Return the contrast of the text drawn in image with its background (its most common colour)."""
    colors = Counter(image.pixel(x, y) for y in range(image.height()) for x in range(image.width()))
    background = QColor.fromRgb(colors.most_common(1)[0][0])
    return max(contrast(QColor.fromRgb(rgb), background) for rgb in colors)


def test_a_page_under_a_dark_theme_keeps_readable_text(app: App, tmp_path: Path) -> None:
    assert app.controller.open_path(demo_file(tmp_path))
    editor = app.window.editor
    assert editor is not None
    editor.show_step(3)  # the actors: a table with a header, a form, the side panel
    settle()
    page = editor.page(3)
    app.window.grab().save(str(tmp_path / "dark-desktop-actors.png"))  # to look at when this fails
    header = page.panel.table.horizontalHeader()  # type: ignore[attr-defined]
    assert isinstance(header, QHeaderView)
    measured = {"table header": text_contrast(header.grab().toImage())}
    title = page.title_label  # type: ignore[attr-defined]
    assert isinstance(title, QLabel)
    measured["page title"] = text_contrast(title.grab().toImage())
    first_row = page.form.rows["name"].label  # type: ignore[attr-defined]
    assert isinstance(first_row, QWidget)
    measured["field label"] = text_contrast(first_row.grab().toImage())
    measured["guidance"] = text_contrast(app.window.guidance.grab().toImage())
    low = {where: round(value, 2) for where, value in measured.items() if value < READABLE}
    assert not low, f"text hard to read on a dark desktop: {low}"
