"""The per-user log file: where warnings, errors and Qt's own messages go, console or not.

A Windows build without a console has sys.stdout and sys.stderr set to None; whatever is logged must still be
written somewhere a facilitator can find it (Help > About names the file). The file is rotated, so it never grows
past LOG_BYTES x (LOG_BACKUPS + 1).
"""

from __future__ import annotations

import io
import logging
import os
import sys
from logging.handlers import RotatingFileHandler
from pathlib import Path
from typing import TextIO

from PySide6.QtCore import QMessageLogContext, QtMsgType, qInstallMessageHandler

from ui.version import APP_NAME, DESKTOP_NAME

LOG_BYTES = 1_000_000
LOG_BACKUPS = 3
LOG_NAME = f"{DESKTOP_NAME}.log"

_FORMAT = "%(asctime)s %(levelname)s %(name)s: %(message)s"


def log_dir() -> Path:
    """Return the platform's folder for this user's log of the app.

    Windows: %LOCALAPPDATA%/Policy Matrix/Logs; macOS: ~/Library/Logs/Policy Matrix; elsewhere the XDG state
    folder, $XDG_STATE_HOME/policy-matrix (~/.local/state/policy-matrix), which XDG reserves for logs and history.
    """
    if sys.platform == "win32":
        base = os.environ.get("LOCALAPPDATA") or str(Path.home() / "AppData" / "Local")
        return Path(base) / APP_NAME / "Logs"
    if sys.platform == "darwin":
        return Path.home() / "Library" / "Logs" / APP_NAME
    state = os.environ.get("XDG_STATE_HOME", "")
    base_dir = Path(state) if os.path.isabs(state) else Path.home() / ".local" / "state"
    return base_dir / DESKTOP_NAME


class LogWriter(io.TextIOBase):
    """A text stream that turns each line written to it into a log record: stands in for a missing stdout/stderr."""

    def __init__(self, logger: logging.Logger, level: int) -> None:
        super().__init__()
        self._logger = logger
        self._level = level
        self._pending = ""

    def writable(self) -> bool:
        """Say that the stream takes writes."""
        return True

    def write(self, text: str) -> int:
        """Log every complete line of text; keep a trailing partial line for the next write."""
        lines = (self._pending + text).split("\n")
        self._pending = lines.pop()
        for line in lines:
            if line:
                self._logger.log(self._level, "%s", line)
        return len(text)

    def flush(self) -> None:
        """Log a partial line left over."""
        if self._pending:
            line, self._pending = self._pending, ""
            self._logger.log(self._level, "%s", line)


def _log_file_handler(logger: logging.Logger) -> RotatingFileHandler | None:
    return next((h for h in logger.handlers if isinstance(h, RotatingFileHandler)), None)


def start_logging(console: TextIO | None, directory: Path | None = None) -> Path | None:
    """Send every logger's records to the per-user log file, and warnings also to console; return the file.

    Called once per process (a second call changes nothing and returns the same file). None when the folder
    cannot be written: then only the console, if any, gets the records.
    """
    root = logging.getLogger()
    existing = _log_file_handler(root)
    if existing is not None:
        return Path(existing.baseFilename)
    folder = directory or log_dir()
    path: Path | None = folder / LOG_NAME
    try:
        folder.mkdir(parents=True, exist_ok=True)
        handler: logging.Handler = RotatingFileHandler(
            path, maxBytes=LOG_BYTES, backupCount=LOG_BACKUPS, encoding="utf-8"
        )
    except OSError:
        path = None
        handler = logging.NullHandler()  # keeps logging's last-resort printer (a missing stderr) out of the way
    handler.setFormatter(logging.Formatter(_FORMAT))
    root.addHandler(handler)
    if console is not None:
        echo = logging.StreamHandler(console)
        echo.setLevel(logging.WARNING)
        echo.setFormatter(logging.Formatter("%(levelname)s: %(message)s"))
        root.addHandler(echo)
    root.setLevel(logging.INFO)
    logging.captureWarnings(True)  # warnings.warn() too: nobody sees them without a console
    qInstallMessageHandler(_qt_message)
    return path


_QT_LEVELS = {
    QtMsgType.QtDebugMsg: logging.DEBUG,
    QtMsgType.QtInfoMsg: logging.INFO,
    QtMsgType.QtWarningMsg: logging.WARNING,
    QtMsgType.QtCriticalMsg: logging.ERROR,
    QtMsgType.QtFatalMsg: logging.CRITICAL,
}


def _qt_message(kind: QtMsgType, _context: QMessageLogContext, message: str) -> None:
    """Log one of Qt's own messages (a missing plugin, a bad translation file) instead of printing it."""
    logging.getLogger("qt").log(_QT_LEVELS.get(kind, logging.WARNING), "%s", message)
