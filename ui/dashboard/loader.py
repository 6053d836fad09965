"""Reading summaries off the interface thread: the window stays responsive and fills in as files are read.

One job at a time runs on the loader's own thread pool; starting a new one cancels the previous, whose late
results are dropped. Results arrive in chunks (every CHUNK files or CHUNK_SECONDS), through queued signals.
"""

from __future__ import annotations

import logging
import threading
import time
from collections.abc import Callable
from pathlib import Path
from typing import Any

from PySide6.QtCore import QObject, QRunnable, QThreadPool, Signal

from matrices.rules import Rulebook
from storage.summary import ReviewEntry, read_entry

logger = logging.getLogger(__name__)

CHUNK = 25
CHUNK_SECONDS = 0.1


class _Relay(QObject):
    """Carries a job's results from its worker thread to the loader (a queued connection)."""

    chunk = Signal(int, object, int, int)
    """(job, [ReviewEntry], files done, files in the job)"""
    done = Signal(int)


Reader = Callable[[Any], ReviewEntry]
"""Reads one item (a file's path, a participant of a download) into its entry, on the loader's thread."""


class _Job(QRunnable):
    """Reads the entries of a list of items, unless cancelled; then calls finish (on the same thread)."""

    def __init__(
        self,
        job: int,
        items: list[Any],
        read: Reader,
        relay: _Relay,
        cancelled: threading.Event,
        finish: Callable[[], None] | None,
    ) -> None:
        super().__init__()
        # The pool owns and deletes the job once run; the loader keeps only the cancel flag, never the job.
        self.setAutoDelete(True)
        self.cancelled = cancelled
        self._job, self._items, self._read, self._relay, self._finish = job, items, read, relay, finish

    def run(self) -> None:
        """Read every item, sending the entries in chunks."""
        batch: list[ReviewEntry] = []
        sent_at = time.monotonic()
        total = len(self._items)
        try:
            for done, item in enumerate(self._items, start=1):
                if self.cancelled.is_set():
                    return
                batch.append(self._read(item))
                if len(batch) >= CHUNK or time.monotonic() - sent_at >= CHUNK_SECONDS or done == total:
                    self._relay.chunk.emit(self._job, batch, done, total)
                    batch, sent_at = [], time.monotonic()
            self._relay.done.emit(self._job)
        except RuntimeError:
            logger.debug("summary job %s ended: its window was closed", self._job)
        finally:
            if self._finish is not None:
                self._finish()


class SummaryLoader(QObject):
    """Loads the entries of files in the background; emits them as they come, then finished()."""

    entries_loaded = Signal(object)
    """A list of ReviewEntry."""
    progress = Signal(int, int)
    """(files read, files to read) of the current job."""
    finished = Signal()

    def __init__(self, rulebook: Rulebook, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._rulebook = rulebook
        self._pool = QThreadPool(self)
        self._pool.setMaxThreadCount(1)
        self._relay = _Relay(self)
        self._relay.chunk.connect(self._on_chunk)
        self._relay.done.connect(self._on_done)
        self._job = 0
        self._cancel: threading.Event | None = None

    @property
    def busy(self) -> bool:
        """Return True while a job is reading files."""
        return self._cancel is not None

    def load(self, paths: list[Path]) -> None:
        """Read the summaries of paths (cancelling any job still running)."""
        self.load_items(paths, lambda path: read_entry(path, self._rulebook))

    def load_items(self, items: list[Any], read: Reader, finish: Callable[[], None] | None = None) -> None:
        """Read the entries of items with read on the loader's thread, then call finish there (cancelling any job)."""
        self.cancel()
        self._job += 1
        if not items:
            if finish is not None:
                finish()
            self.finished.emit()
            return
        self._cancel = threading.Event()
        self.progress.emit(0, len(items))
        self._pool.start(_Job(self._job, list(items), read, self._relay, self._cancel, finish))

    def cancel(self) -> None:
        """Stop the running job; what it still sends is dropped."""
        if self._cancel is not None:
            self._cancel.set()
            self._cancel = None
        self._job += 1

    def wait(self, msecs: int = 30_000) -> bool:
        """Block until the worker is idle (closing the window, tests); True when it is."""
        return bool(self._pool.waitForDone(msecs))

    def _on_chunk(self, job: int, entries: list[ReviewEntry], done: int, total: int) -> None:
        if job != self._job:
            return
        self.entries_loaded.emit(entries)
        self.progress.emit(done, total)

    def _on_done(self, job: int) -> None:
        if job != self._job:
            return
        self._cancel = None
        self.finished.emit()
