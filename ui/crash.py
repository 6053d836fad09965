"""The last line of defence: an error nothing else caught is logged, the pending edits saved, the user told.

A Python exception in a Qt slot or event handler does not stop the application: PySide hands it to
sys.excepthook and the event loop goes on. Without a console the default hook prints to nowhere; this one writes the
traceback to the log file, writes the open document's pending edits at once, and says in one sentence what
happened and where the details are. Exceptions on other threads (threading.excepthook) take the same path, handed
over to the UI thread by a queued signal.
"""

from __future__ import annotations

import logging
import sys
import threading
from collections.abc import Callable
from pathlib import Path
from types import TracebackType

from PySide6.QtCore import QObject, QTimer, Signal
from PySide6.QtWidgets import QMessageBox, QWidget

from ui.version import APP_NAME
from ui.widgets.plain_text import literal

logger = logging.getLogger(__name__)


class CrashReporter(QObject):
    """Installs the exception hooks; create it on the UI thread."""

    _failed = Signal()

    def __init__(self, log_file: Path | None, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.log_file = log_file
        self._flush: Callable[[], bool] = lambda: True
        self._window: QWidget | None = None
        self._telling = False
        self._saved = True
        self._previous: tuple[object, object] | None = None
        self._failed.connect(self._after_failure)  # direct on the UI thread, queued from any other

    def protect(self, window: QWidget, flush: Callable[[], bool]) -> None:
        """Save through flush (True: nothing left unsaved) and tell the user over window, once they exist."""
        self._window, self._flush = window, flush

    def install(self) -> None:
        """Replace sys.excepthook and threading.excepthook (uninstall() puts the previous ones back)."""
        self._previous = (sys.excepthook, threading.excepthook)
        sys.excepthook = self._on_exception
        threading.excepthook = self._on_thread_exception

    def uninstall(self) -> None:
        """Restore the hooks found by install()."""
        if self._previous is not None:
            sys.excepthook, threading.excepthook = self._previous  # type: ignore[assignment]
            self._previous = None

    def _on_exception(self, kind: type[BaseException], value: BaseException, traceback: TracebackType | None) -> None:
        if issubclass(kind, KeyboardInterrupt):
            sys.__excepthook__(kind, value, traceback)
            return
        logger.critical("unexpected error", exc_info=(kind, value, traceback))
        self._failed.emit()

    def _on_thread_exception(self, args: threading.ExceptHookArgs) -> None:
        if args.exc_type is SystemExit:
            return
        name = args.thread.name if args.thread is not None else "?"
        logger.critical(
            "unexpected error in thread %s", name, exc_info=(args.exc_type, args.exc_value, args.exc_traceback)
        )
        self._failed.emit()

    def _after_failure(self) -> None:
        """Write the pending edits now (the failure may recur before the next save), then tell the user soon."""
        try:
            saved = self._flush()
        except Exception:  # the error may be in the document itself: the edits stay in memory, saving retries
            logger.exception("saving the pending edits after an unexpected error failed")
            saved = False
        self._saved = self._saved and saved
        if not self._telling:
            self._telling = True
            # Not from inside the failed slot or paint event: from the event loop, once for a burst of errors.
            QTimer.singleShot(0, self._tell)

    def message(self) -> str:
        """Return the one sentence the user reads, in the interface language."""
        where = str(self.log_file) if self.log_file is not None else self.tr("(no log file could be written)")
        if self._saved:
            text = self.tr("Something went wrong in Policy Matrix; your work is saved, and the details are in %1.")
        else:
            text = self.tr(
                "Something went wrong in Policy Matrix and your latest changes are not saved yet (saving is retried); "
                "the details are in %1."
            )
        return text.replace("%1", where)

    def _tell(self) -> None:
        try:
            box = QMessageBox(QMessageBox.Icon.Critical, APP_NAME, literal(self.message()), parent=self._window)
            box.setObjectName("unexpected_error")
            box.exec()
        finally:
            self._telling = False
            self._saved = True
