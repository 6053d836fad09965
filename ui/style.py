"""The application's look: Fusion with a calm palette and a readable default font, the same on every OS."""

from __future__ import annotations

import logging
from importlib import resources

from PySide6.QtGui import QColor, QFont, QIcon, QPalette
from PySide6.QtWidgets import QApplication

logger = logging.getLogger(__name__)

ACCENT = "#0b5cad"
COMMENT_MARK = "#e39b17"
"""The colour of review comments: field edges, row icons and the comments panel."""


def apply_style(app: QApplication) -> None:
    """Use Fusion with a light palette so Windows, macOS and Linux laptops show the same, print-like look."""
    app.setStyle("Fusion")
    icon_path = resources.files("ui") / "icons" / "app.svg"
    icon = QIcon(str(icon_path))
    if icon.pixmap(16).isNull():  # the file, or Qt's SVG plugins, missing from an installation
        logger.warning("the application icon %s could not be drawn", icon_path)
    app.setWindowIcon(icon)
    palette = app.palette()
    palette.setColor(QPalette.ColorRole.Window, QColor("#f7f8fa"))
    palette.setColor(QPalette.ColorRole.Base, QColor("#ffffff"))
    palette.setColor(QPalette.ColorRole.AlternateBase, QColor("#f2f5f9"))
    palette.setColor(QPalette.ColorRole.Highlight, QColor(ACCENT))
    palette.setColor(QPalette.ColorRole.HighlightedText, QColor("#ffffff"))
    palette.setColor(QPalette.ColorRole.Button, QColor("#eef1f5"))
    palette.setColor(QPalette.ColorRole.Text, QColor("#1d2733"))
    palette.setColor(QPalette.ColorRole.WindowText, QColor("#1d2733"))
    app.setPalette(palette)
    font = QFont(app.font())
    font.setPointSizeF(max(font.pointSizeF(), 10.0))
    app.setFont(font)
    app.setStyleSheet(
        "QGroupBox { font-weight: 600; border: 1px solid #d9dee4; border-radius: 8px; margin-top: 14px;"
        " padding: 12px 10px 10px 10px; background: #ffffff; }"
        "QGroupBox::title { subcontrol-origin: margin; left: 12px; padding: 0 4px; color: #0b3d6e; }"
        "QLineEdit, QPlainTextEdit, QTextEdit, QComboBox, QSpinBox, QDoubleSpinBox {"
        " border: 1px solid #c5ccd4; border-radius: 4px; padding: 4px; background: #ffffff; }"
        "QLineEdit:focus, QPlainTextEdit:focus, QComboBox:focus, QSpinBox:focus { border: 1px solid #0b5cad; }"
        "QPushButton { padding: 6px 14px; border-radius: 5px; border: 1px solid #c5ccd4; background: #ffffff; }"
        "QPushButton:hover { background: #eaf1fa; }"
        "QPushButton:focus { border: 1px solid #0b5cad; }"
        "QTabWidget::pane { border: 1px solid #d9dee4; border-radius: 6px; background: #ffffff; }"
        "QTabBar::tab { padding: 7px 10px; }"
        # The header's own font is the sections' weight too: Qt sizes columns to their titles with it.
        "QHeaderView { font-weight: 600; }"
        "QHeaderView::section { background: #eef1f5; border: none; border-bottom: 1px solid #d9dee4;"
        " padding: 5px; font-weight: 600; }"
        "QStatusBar { background: #eef1f5; }"
        # A field with open review comments (FieldBinder sets the property): an amber edge, like a margin note.
        f'*[pm_commented="true"] {{ border-left: 4px solid {COMMENT_MARK}; }}'
    )
