"""The one writer of the open documents: every write (content, comments, summary) in order, off the UI thread.

The UI thread only plans a write: it decides what to write and captures it as plain data (a planned save of the
changed rows, a copy of the comments), then queues it here. The writer runs the queued writes one at a time, in
the order they were queued, each on a worker thread (ui/workers.py: collector paused, outcome relayed); the one
who queued a write hears its outcome on the UI thread. Two writes of a file never overlap, a comment saved after
an edit reaches the file after it, and the UI thread waits for the disk only when it asks to: closing (flush),
and the commands whose next step needs the written file, a snapshot and Save As (call).

Built once in main.py and handed to every document session; never a global.
"""

from __future__ import annotations

from collections import deque
from collections.abc import Callable
from dataclasses import dataclass
from typing import TypeVar

from PySide6.QtCore import QObject, Signal

from ui.workers import Task, Workers

T = TypeVar("T")

Outcome = Callable[[BaseException | None], None]
"""Called on the UI thread with the error of a write, or None once it is in the file."""


@dataclass(eq=False)
class _Queued:
    run: Callable[[], object]
    outcome: Outcome
    name: str
    task: Task | None = None


class DocumentWriter(QObject):
    """Runs the queued writes of every open document, one at a time and in order, on worker threads."""

    idle = Signal()
    """Emitted on the UI thread when the last queued write has finished."""

    def __init__(self, workers: Workers, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.workers = workers
        """The policy the writes run under (the dashboard and the exports use the same one)."""
        self._queue: deque[_Queued] = deque()
        self._running: _Queued | None = None

    @property
    def busy(self) -> bool:
        """Return whether a write is running or queued."""
        return self._running is not None or bool(self._queue)

    def write(self, run: Callable[[], object], outcome: Outcome, name: str = "pmx-write") -> None:
        """Queue run (a planned write holding plain data only); outcome(error) follows on the UI thread."""
        self._queue.append(_Queued(run, outcome, name))
        self._next()

    def call(self, run: Callable[[], T], name: str = "pmx-write") -> T:
        """Queue run after every write queued before it, wait for it, and return its result or raise its error."""
        results: list[T] = []
        errors: list[BaseException] = []

        def keep() -> T:
            results.append(run())
            return results[0]

        self.write(keep, lambda error: errors.append(error) if error is not None else None, name)
        self.flush()
        if errors:
            raise errors[0]
        return results[0]

    def flush(self) -> None:
        """Block until every queued write (and any it queues in turn) is in the file; outcomes are told first."""
        while self._running is not None or self._queue:
            if self._running is None:
                self._next()
            running = self._running
            if running is not None and running.task is not None:
                running.task.wait()

    def _next(self) -> None:
        if self._running is not None or not self._queue:
            return
        queued = self._queue.popleft()
        self._running = queued
        run = queued.run
        queued.task = self.workers.start(lambda _send: run(), self._finished, name=queued.name)

    def _finished(self, task: Task) -> None:
        queued, self._running = self._running, None
        try:
            if queued is not None:
                queued.outcome(task.error)
        finally:
            self._next()
            if not self.busy:
                self.idle.emit()
