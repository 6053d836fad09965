"""The application's look: Fusion with a calm palette and a readable default font, the same on every OS.

The palette is complete (every role, for enabled and disabled widgets) and built from nothing: a laptop set to a
dark theme hands Qt a dark palette, and a light palette that kept some of its roles showed white text on the
light table headers. The style sheet adds what the palette cannot say: a focus ring that is seen, and fields
and buttons that look unavailable when they are.
"""

from __future__ import annotations

import logging
from importlib import resources

from PySide6.QtCore import Qt
from PySide6.QtGui import QColor, QFont, QIcon, QPalette
from PySide6.QtWidgets import QApplication

logger = logging.getLogger(__name__)

ACCENT = "#0b5cad"
COMMENT_MARK = "#e39b17"
"""The colour of review comments: field edges, row icons and the comments panel."""
INK = "#1d2733"
MUTED_INK = "#5c6876"
"""Hints and placeholders: 5:1 against the window background, readable but clearly secondary."""
DISABLED_INK = "#8a94a0"
DISABLED_FILL = "#eef0f3"
FOCUS_RING = f"2px solid {ACCENT}"

_ROLES = QPalette.ColorRole
_LIGHT: dict[QPalette.ColorRole, str] = {
    _ROLES.Window: "#f7f8fa",
    _ROLES.WindowText: INK,
    _ROLES.Base: "#ffffff",
    _ROLES.AlternateBase: "#f2f5f9",
    _ROLES.ToolTipBase: "#fffbe6",
    _ROLES.ToolTipText: INK,
    _ROLES.PlaceholderText: MUTED_INK,
    _ROLES.Text: INK,
    _ROLES.Button: "#eef1f5",
    _ROLES.ButtonText: INK,
    _ROLES.BrightText: "#ffffff",
    _ROLES.Light: "#ffffff",
    _ROLES.Midlight: "#e6e9ee",
    _ROLES.Mid: "#c5ccd4",
    _ROLES.Dark: "#8a94a0",
    _ROLES.Shadow: "#4a5460",
    _ROLES.Highlight: ACCENT,
    _ROLES.HighlightedText: "#ffffff",
    _ROLES.Link: ACCENT,
    _ROLES.LinkVisited: "#5b3fa0",
}
_DISABLED: dict[QPalette.ColorRole, str] = {
    _ROLES.WindowText: DISABLED_INK,
    _ROLES.Text: DISABLED_INK,
    _ROLES.ButtonText: DISABLED_INK,
    _ROLES.PlaceholderText: "#a9b1ba",
    _ROLES.Base: DISABLED_FILL,
    _ROLES.Button: DISABLED_FILL,
    _ROLES.Highlight: "#b8c4d2",
}


def light_palette() -> QPalette:
    """Return the app's palette: every role set, for active, inactive and disabled widgets."""
    palette = QPalette()
    for group in (QPalette.ColorGroup.Active, QPalette.ColorGroup.Inactive, QPalette.ColorGroup.Disabled):
        for role, color in _LIGHT.items():
            palette.setColor(group, role, QColor(color))
    if hasattr(_ROLES, "Accent"):  # Qt 6.6+
        for group in (QPalette.ColorGroup.Active, QPalette.ColorGroup.Inactive):
            palette.setColor(group, _ROLES.Accent, QColor(ACCENT))
    for role, color in _DISABLED.items():
        palette.setColor(QPalette.ColorGroup.Disabled, role, QColor(color))
    return palette


STYLE_SHEET = (
    "QGroupBox { font-weight: 600; border: 1px solid #d9dee4; border-radius: 8px; margin-top: 14px;"
    " padding: 12px 10px 10px 10px; background: #ffffff; }"
    "QGroupBox::title { subcontrol-origin: margin; left: 12px; padding: 0 4px; color: #0b3d6e; }"
    "QLineEdit, QPlainTextEdit, QTextEdit, QComboBox, QSpinBox, QDoubleSpinBox {"
    " border: 1px solid #c5ccd4; border-radius: 4px; padding: 4px; background: #ffffff; }"
    # A ring a keyboard user sees at a glance; the padding gives back the border's extra pixel.
    "QLineEdit:focus, QPlainTextEdit:focus, QTextEdit:focus, QComboBox:focus, QSpinBox:focus,"
    f" QDoubleSpinBox:focus {{ border: {FOCUS_RING}; padding: 3px; }}"
    "QLineEdit:disabled, QPlainTextEdit:disabled, QTextEdit:disabled, QComboBox:disabled, QSpinBox:disabled,"
    f" QDoubleSpinBox:disabled {{ background: {DISABLED_FILL}; color: {DISABLED_INK}; border-color: #dde1e6; }}"
    "QPushButton { padding: 6px 14px; border-radius: 5px; border: 1px solid #c5ccd4; background: #ffffff; }"
    "QPushButton:hover { background: #eaf1fa; }"
    f"QPushButton:focus {{ border: {FOCUS_RING}; padding: 5px 13px; }}"
    f"QPushButton:disabled {{ background: {DISABLED_FILL}; color: {DISABLED_INK}; border-color: #dde1e6; }}"
    f"QToolButton:focus {{ border: {FOCUS_RING}; border-radius: 4px; }}"
    f"QCheckBox:focus, QRadioButton:focus {{ border: {FOCUS_RING}; border-radius: 3px; }}"
    "QCheckBox, QRadioButton { border: 2px solid transparent; padding: 1px 2px; }"
    f"QCheckBox:disabled, QRadioButton:disabled {{ color: {DISABLED_INK}; }}"
    # A scrolled picture (the problem tree's preview) is a Tab stop too, to scroll it with the arrow keys.
    f"QScrollArea:focus {{ border: {FOCUS_RING}; }}"
    "QAbstractItemView { border: 1px solid #c5ccd4; }"
    f"QAbstractItemView:focus {{ border: {FOCUS_RING}; }}"
    f"QAbstractItemView:disabled {{ color: {DISABLED_INK}; background: {DISABLED_FILL}; }}"
    "QTabWidget::pane { border: 1px solid #d9dee4; border-radius: 6px; background: #ffffff; }"
    # Tabs drawn whole by the style sheet (a focus ring needs it): a light card for each, white when selected
    # with a blue edge, and the ring around the current tab while the tab bar has the keyboard.
    f"QTabBar::tab {{ padding: 6px 10px; color: {INK}; background: #e8ecf1; border: 1px solid #d3d9e0;"
    " margin-right: 2px; }"
    "QTabBar::tab:top { border-bottom: none; border-top-left-radius: 5px; border-top-right-radius: 5px; }"
    "QTabBar::tab:bottom { border-top: none; border-bottom-left-radius: 5px; border-bottom-right-radius: 5px; }"
    "QTabBar::tab:hover { background: #f1f4f8; }"
    "QTabBar::tab:selected { background: #ffffff; }"
    f"QTabBar::tab:top:selected {{ border-top: 3px solid {ACCENT}; }}"
    f"QTabBar::tab:bottom:selected {{ border-bottom: 3px solid {ACCENT}; }}"
    f"QTabBar::tab:focus {{ border: {FOCUS_RING}; }}"
    f"QTabBar::tab:disabled {{ color: {DISABLED_INK}; }}"
    # The header's own font is the sections' weight too: Qt sizes columns to their titles with it.
    f"QHeaderView {{ font-weight: 600; color: {INK}; }}"
    "QHeaderView::section { background: #eef1f5; border: none; border-bottom: 1px solid #d9dee4;"
    f" padding: 5px; font-weight: 600; color: {INK}; }}"
    "QStatusBar { background: #eef1f5; }"
    f"QMenu::item:disabled {{ color: {DISABLED_INK}; }}"
    # A field with open review comments (FieldBinder sets the property): an amber edge, like a margin note.
    f'*[pm_commented="true"] {{ border-left: 4px solid {COMMENT_MARK}; }}'
)


def apply_style(app: QApplication) -> None:
    """Use Fusion with a light palette so Windows, macOS and Linux laptops show the same, print-like look."""
    app.setStyle("Fusion")
    hints = app.styleHints()
    if hasattr(hints, "setColorScheme"):  # Qt 6.8+: tell Qt (and the native dialogs) the app is light
        hints.setColorScheme(Qt.ColorScheme.Light)
    icon_path = resources.files("ui") / "icons" / "app.svg"
    icon = QIcon(str(icon_path))
    if icon.pixmap(16).isNull():  # the file, or Qt's SVG plugins, missing from an installation
        logger.warning("the application icon %s could not be drawn", icon_path)
    app.setWindowIcon(icon)
    app.setPalette(light_palette())
    font = QFont(app.font())
    font.setPointSizeF(max(font.pointSizeF(), 10.0))
    app.setFont(font)
    app.setStyleSheet(STYLE_SHEET)
