"""How the application meets the desktop: its names, the files the system asks it to open, and a start for tests.

- Application sets the names Qt reports to the desktop (the Wayland app id and the Linux desktop entry come from
  the desktop file name) and turns macOS's file-open event (a .pmx double-clicked in the Finder, or dropped on
  the Dock icon) into a signal.
- FirstPaintReport, enabled by the POLICY_MATRIX_QUIT_AFTER_PAINT environment variable, lets a test or the
  bundle's smoke test start the real application, wait for its first paint and quit: it writes what the window
  showed (title, menus, the messages of the dialogs that came up) to the file the variable names, then closes
  the window the way a user would.
"""

from __future__ import annotations

import json
import time
from collections.abc import Sequence
from pathlib import Path

from PySide6.QtCore import QEvent, QObject, QThread, QTimer, Signal
from PySide6.QtGui import QFileOpenEvent
from PySide6.QtWidgets import QApplication, QDialog, QMainWindow, QMessageBox

from ui.version import APP_NAME, APP_VERSION, DESKTOP_NAME, ORGANIZATION

QUIT_AFTER_PAINT = "POLICY_MATRIX_QUIT_AFTER_PAINT"
"""Environment variable: the report file of FirstPaintReport; unset (or empty) for a normal start."""


class Application(QApplication):
    """The QApplication of Policy Matrix: named for the desktop, and listening for file-open requests."""

    file_open_requested = Signal(object)
    """Emitted with the Path of a document the operating system asks the app to open."""

    def __init__(self, argv: Sequence[str]) -> None:
        super().__init__(list(argv))
        self.setOrganizationName(ORGANIZATION)
        self.setApplicationName(APP_NAME)
        self.setApplicationVersion(APP_VERSION)
        self.setDesktopFileName(DESKTOP_NAME)

    def event(self, event: QEvent) -> bool:
        """Take the file-open event (macOS); everything else goes to QApplication."""
        if isinstance(event, QFileOpenEvent) and event.file():
            self.file_open_requested.emit(Path(event.file()))
            return True
        return super().event(event)


class FirstPaintReport(QObject):
    """After the window's first paint: close what dialogs came up (noting their text), report, close the window."""

    def __init__(self, window: QMainWindow, report: Path) -> None:
        super().__init__(window)
        self._window = window
        self._report = report
        self._painted: float | None = None
        self._dialogs: list[str] = []
        self._closing = 0
        self._timer = QTimer(self)
        self._timer.setInterval(20)
        self._timer.timeout.connect(self._step)
        window.installEventFilter(self)

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        """Note the time of the window's first paint and start closing."""
        if self._painted is None and watched is self._window and event.type() == QEvent.Type.Paint:
            self._painted = time.time()
            self._window.removeEventFilter(self)
            self._timer.start()
        return False

    def _step(self) -> None:
        modal = QApplication.activeModalWidget()
        if isinstance(modal, QDialog):
            self._dialogs.append(modal.text() if isinstance(modal, QMessageBox) else modal.windowTitle())
            modal.reject()
            return
        if QThread.currentThread().loopLevel() > 1:
            return  # a dialog's own event loop is ending: close the window from the application's
        if self._closing == 0:
            self._write()
        self._closing += 1
        if self._closing > 3:  # the window refused to close three times: leave with a failure status
            QApplication.exit(3)
            return
        self._window.close()

    def _write(self) -> None:
        report = {
            "painted": self._painted,
            "title": self._window.windowTitle(),
            "menus": [action.text() for action in self._window.menuBar().actions()],
            "dialogs": self._dialogs,
        }
        self._report.write_text(json.dumps(report, ensure_ascii=False), encoding="utf-8")
