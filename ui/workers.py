"""Python work on worker threads: the one policy every worker of the editor and the dashboard follows.

- Python's cyclic garbage collector runs in whichever thread happens to allocate. Were it to run on a worker, it
  would destroy whatever dead widgets and sessions wait in cycles there, off the thread that owns them (and their
  timers), and Qt would crash later. So automatic collection pauses while any worker runs, and resumes on the UI
  thread once the last one has ended (its thread joined). A long job (a Word export, a cohort's feedback) gets
  a collection on the UI thread every COLLECT_EVERY_MS meanwhile: collected there, a dead widget dies where it
  belongs, and garbage does not pile up for the length of the job.
- A worker holds plain data only: nothing the UI thread owns (no widget, no session, no model being edited; what
  it builds for itself, such as a diagram's QImage, is its own). Its result, its error and any progress it sends
  come back through a queued relay owned by the UI thread, where the waiting object is looked up; so the last
  reference to a window or a session is never dropped on a worker.

Built once in main.py and handed to whoever starts work off the UI thread (the document writer, the dashboard's
loader, the Moodle feedback and the Word exports); never a global.
"""

from __future__ import annotations

import gc
import itertools
import logging
import threading
from collections.abc import Callable
from typing import Any

from PySide6.QtCore import QEventLoop, QObject, Qt, QTimer, Signal

logger = logging.getLogger(__name__)

COLLECT_EVERY_MS = 2000
"""While workers run, the UI thread collects the young garbage this often (automatic collection is paused)."""

Send = Callable[[Any], None]
"""Given to the work: sends one piece of progress to the UI thread (queued, in order)."""
Work = Callable[[Send], Any]


class _Relay(QObject):
    """Lives on the UI thread; workers emit its signals, which Qt queues to the UI thread's event loop."""

    finished = Signal(int)
    progress = Signal(int, object)


class _Run:
    """What a worker thread touches: the work and, once it ends, its result or error (plain data)."""

    def __init__(self, work: Work) -> None:
        self.work = work
        self.result: Any = None
        self.error: BaseException | None = None


def _work_in_thread(run: _Run, relay: _Relay, key: int) -> None:
    """Run the work on the worker thread and post its end to the UI thread."""

    def send(payload: Any) -> None:
        relay.progress.emit(key, payload)

    try:
        run.result = run.work(send)
    except BaseException as exc:  # any failure is the caller's to report, on the UI thread
        run.error = exc
    finally:
        relay.finished.emit(key)


class Task:
    """One piece of work started on a worker thread; its outcome is taken on the UI thread, once."""

    def __init__(
        self,
        workers: Workers,
        key: int,
        run: _Run,
        done: Callable[[Task], None] | None,
        progress: Callable[[Any], None] | None,
    ) -> None:
        self._workers = workers
        self.key = key
        self._run = run
        self._done = done
        self._progress = progress
        self.thread: threading.Thread | None = None
        self.finished = False
        """Whether the outcome was taken (the thread has ended and done() was called)."""

    @property
    def result(self) -> Any:
        """Return what the work returned (None until finished, or when it failed)."""
        return self._run.result

    @property
    def error(self) -> BaseException | None:
        """Return what the work raised, if anything."""
        return self._run.error

    def wait(self) -> None:
        """Block the UI thread until the work has ended, then take its outcome now (done() runs before this returns)."""
        self._workers.settle(self)

    def wait_responsive(self) -> None:
        """Wait for the work while the UI thread goes on handling events (a modal progress dialog stays live)."""
        if self.finished:
            return
        loop = QEventLoop()

        def quit_when_mine(key: int) -> None:
            if key == self.key:
                loop.quit()

        self._workers.ended.connect(quit_when_mine)
        try:
            if not self.finished:
                loop.exec()
        finally:
            self._workers.ended.disconnect(quit_when_mine)
        if not self.finished:
            self.wait()  # the application is quitting (every event loop was told to end): wait for the work

    def _deliver_progress(self, payload: Any) -> None:
        if self._progress is not None and not self.finished:
            self._progress(payload)

    def _join(self) -> None:
        """Wait for the thread (it has ended or is ending): from now on no Python runs on it."""
        thread, self.thread = self.thread, None
        if thread is not None:
            thread.join()
        self.finished = True

    def _call_done(self) -> None:
        done, self._done, self._progress = self._done, None, None
        if done is not None:
            done(self)
        elif self.error is not None:  # nobody waits for this outcome: the log keeps it
            logger.warning("work on a worker thread failed: %r", self.error)


class Workers(QObject):
    """Starts work on worker threads with the collector paused, and brings outcomes back to the UI thread."""

    ended = Signal(int)
    """Emitted on the UI thread with a task's key once its outcome was taken."""

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._relay = _Relay(self)
        self._relay.finished.connect(self._on_finished, Qt.ConnectionType.QueuedConnection)
        self._relay.progress.connect(self._on_progress, Qt.ConnectionType.QueuedConnection)
        self._keys = itertools.count(1)
        self._running: dict[int, Task] = {}
        self._collector_was_enabled = False
        self._collect_timer = QTimer(self)
        self._collect_timer.setInterval(COLLECT_EVERY_MS)
        self._collect_timer.timeout.connect(self._collect_here)

    @property
    def running(self) -> int:
        """Return how many tasks have not had their outcome taken."""
        return len(self._running)

    def start(
        self,
        work: Work,
        done: Callable[[Task], None] | None = None,
        progress: Callable[[Any], None] | None = None,
        name: str = "pmx-worker",
    ) -> Task:
        """Run work(send) on a thread of its own; done(task) and progress(payload) are called on the UI thread.

        work must hold plain data only (no Qt object, no model the UI thread goes on editing): see the module.
        """
        key = next(self._keys)
        task = Task(self, key, _Run(work), done, progress)
        self._pause_collector()
        self._running[key] = task
        task.thread = threading.Thread(target=_work_in_thread, args=(task._run, self._relay, key), name=name)
        task.thread.start()
        return task

    def settle(self, task: Task) -> None:
        """Wait for task's thread and take its outcome now, on the UI thread (nothing if already taken)."""
        if self._running.pop(task.key, None) is None:
            return
        task._join()
        self._resume_collector()  # before done(), which may start the next task
        try:
            task._call_done()
        finally:
            self.ended.emit(task.key)

    def wait_all(self) -> None:
        """Wait for every running task and take its outcome (closing the application)."""
        while self._running:
            self.settle(next(iter(self._running.values())))

    def _on_finished(self, key: int) -> None:
        task = self._running.get(key)
        if task is not None:
            self.settle(task)

    def _on_progress(self, key: int, payload: Any) -> None:
        task = self._running.get(key)
        if task is not None:
            task._deliver_progress(payload)

    def run_responsive(self, work: Work, progress: Callable[[Any], None] | None = None, name: str = "pmx-job") -> Any:
        """Run work on a worker while the UI thread goes on handling events; return its result or raise its error."""
        task = self.start(work, progress=progress, name=name)
        task.wait_responsive()
        if task.error is not None:
            raise task.error
        return task.result

    def _pause_collector(self) -> None:
        if not self._running:
            self._collector_was_enabled = gc.isenabled()
            gc.disable()
            self._collect_timer.start()

    def _resume_collector(self) -> None:
        if not self._running:
            self._collect_timer.stop()
            if self._collector_was_enabled:
                gc.enable()

    def _collect_here(self) -> None:
        """Collect on the UI thread: what dies here dies on the thread that owns it (see the module)."""
        if self._collector_was_enabled:
            gc.collect(1)  # the young generations: cheap enough not to be felt; the rest waits for the resume
