"""Reading summaries off the interface thread: the window stays responsive and fills in as files are read.

One job at a time runs on a worker of the application's worker policy (ui/workers.py); starting a new one cancels
the previous, whose late results are dropped. Results arrive in chunks (every CHUNK files or CHUNK_SECONDS),
relayed to the UI thread by the policy.
"""

from __future__ import annotations

import logging
import threading
import time
from collections.abc import Callable
from pathlib import Path
from typing import Any

from PySide6.QtCore import QObject, Signal

from matrices.rules import Rulebook
from storage.summary import ReviewEntry, read_entry
from ui.workers import Send, Task, Workers

logger = logging.getLogger(__name__)

CHUNK = 25
CHUNK_SECONDS = 0.1

Reader = Callable[[Any], ReviewEntry]
"""Reads one item (a file's path, a participant of a download) into its entry, on the worker."""


def _read_all(
    items: list[Any], read: Reader, cancelled: threading.Event, send: Send, finish: Callable[[], None] | None
) -> None:
    """Read every item (on the worker), sending (entries, files done, files in the job) in chunks; then finish."""
    batch: list[ReviewEntry] = []
    sent_at = time.monotonic()
    total = len(items)
    try:
        for done, item in enumerate(items, start=1):
            if cancelled.is_set():
                return
            batch.append(read(item))
            if len(batch) >= CHUNK or time.monotonic() - sent_at >= CHUNK_SECONDS or done == total:
                send((batch, done, total))
                batch, sent_at = [], time.monotonic()
    finally:
        if finish is not None:
            finish()


class SummaryLoader(QObject):
    """Loads the entries of files in the background; emits them as they come, then finished()."""

    entries_loaded = Signal(object)
    """A list of ReviewEntry."""
    progress = Signal(int, int)
    """(files read, files to read) of the current job."""
    finished = Signal()

    def __init__(self, rulebook: Rulebook, workers: Workers, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._rulebook = rulebook
        self._workers = workers
        self._job = 0
        self._cancel: threading.Event | None = None
        self._tasks: list[Task] = []
        """Jobs still running (a cancelled one ends at its next file)."""

    @property
    def busy(self) -> bool:
        """Return True while a job is reading files."""
        return self._cancel is not None

    def load(self, paths: list[Path]) -> None:
        """Read the summaries of paths (cancelling any job still running)."""
        rulebook = self._rulebook  # the worker gets the rules, never this QObject
        self.load_items(paths, lambda path: read_entry(path, rulebook))

    def load_items(self, items: list[Any], read: Reader, finish: Callable[[], None] | None = None) -> None:
        """Read the entries of items with read on a worker, then call finish there (cancelling any job)."""
        self.cancel()
        self._job += 1
        if not items:
            if finish is not None:
                finish()
            self.finished.emit()
            return
        job, chosen, cancelled = self._job, list(items), threading.Event()
        self._cancel = cancelled
        self.progress.emit(0, len(chosen))
        task = self._workers.start(
            lambda send: _read_all(chosen, read, cancelled, send, finish),
            done=lambda task: self._on_done(job, task),
            progress=lambda chunk: self._on_chunk(job, *chunk),
            name="pmx-summaries",
        )
        self._tasks.append(task)

    def cancel(self) -> None:
        """Stop the running job; what it still sends is dropped."""
        if self._cancel is not None:
            self._cancel.set()
            self._cancel = None
        self._job += 1

    def wait(self) -> None:
        """Block until every job has ended (closing the window, tests)."""
        while self._tasks:
            self._tasks[0].wait()

    def _on_chunk(self, job: int, entries: list[ReviewEntry], done: int, total: int) -> None:
        if job != self._job:
            return
        self.entries_loaded.emit(entries)
        self.progress.emit(done, total)

    def _on_done(self, job: int, task: Task) -> None:
        if task in self._tasks:
            self._tasks.remove(task)
        if task.error is not None:
            logger.warning("reading the summaries failed: %s", task.error)
        if job != self._job:
            return
        self._cancel = None
        self.finished.emit()
