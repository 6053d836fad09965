"""The Word export's pictures, drawn with QPainter offscreen: the problem tree and the power/interest grid.

Each picture is split into a layout (pure geometry from the proposal and font metrics), `paint` (draws a layout on
any QPainter: a QImage here, a widget in the editor) and a `*_png` helper for the export. Text needs a
QGuiApplication: the composition root (main.py) calls `ensure_gui_application()` before exporting headless.
"""

from __future__ import annotations

import os
import sys

from PySide6.QtCore import QCoreApplication
from PySide6.QtGui import QGuiApplication

from export.diagrams.actor_grid import GridLayout, actor_grid_png, layout_actor_grid, render_actor_grid
from export.diagrams.actor_grid import paint as paint_actor_grid
from export.diagrams.problem_tree import TreeLayout, layout_problem_tree, problem_tree_png, render_problem_tree
from export.diagrams.problem_tree import paint as paint_problem_tree

__all__ = [
    "GridLayout",
    "TreeLayout",
    "actor_grid_png",
    "ensure_gui_application",
    "layout_actor_grid",
    "layout_problem_tree",
    "paint_actor_grid",
    "paint_problem_tree",
    "problem_tree_png",
    "render_actor_grid",
    "render_problem_tree",
]


def _has_display() -> bool:
    """Return whether a windowing system is likely reachable (always on Windows and macOS)."""
    if sys.platform in ("win32", "darwin"):
        return True
    return bool(os.environ.get("DISPLAY") or os.environ.get("WAYLAND_DISPLAY"))


def ensure_gui_application() -> QCoreApplication:
    """Return the running Qt application, first creating a QGuiApplication if none exists (offscreen if no display).

    Called by the composition root before a headless export; the GUI creates its own QApplication instead.
    """
    app = QCoreApplication.instance()
    if app is not None:
        return app
    argv = [sys.argv[0] if sys.argv else "policy-matrix"]
    if not os.environ.get("QT_QPA_PLATFORM") and not _has_display():
        # Without a display the default platform plugin aborts the process; offscreen needs none.
        argv += ["-platform", "offscreen"]
    return QGuiApplication(argv)
