"""A child process of bench/run_all.py: start a window, report when it first paints, and exit.

    python bench/startup_child.py bare                     a bare PySide6 main window
    python bench/startup_child.py app FILE.pmx             Policy Matrix exactly as `main.py FILE.pmx` starts it
    python bench/startup_child.py editor FILE.pmx [EDITS]  the app on FILE, then peak memory and UI-thread saves

It prints one JSON line: `painted` (time.time() of the first paint of the main window), the peak resident
memory (VmHWM, else ru_maxrss), and for `editor`, after every step has been shown, for each save the longest
time the UI thread was kept from its event loop while the save ran (`ui_saves_s`), and how long each save took
from its start until the file was committed (`save_latency_s`, mostly on the worker thread).
`app` and `editor` run main.run_gui itself: only QApplication.exec is replaced, by a loop that stops at the
first paint, so nothing of the real start-up is skipped or reordered.
"""

from __future__ import annotations

import json
import os
import resource
import sys
import time
from pathlib import Path
from typing import Any

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
sys.path.insert(0, str(Path(__file__).resolve().parent.parent))


def _peak_rss_mb() -> float:
    """Return this process's peak resident memory in MB.

    On Linux, VmHWM of /proc/self/status: ru_maxrss also keeps the high-water mark of the parent that forked this
    process (Linux folds it in at exec), so a benchmark parent grown large would inflate the child's figure.
    """
    try:
        with open("/proc/self/status", encoding="ascii") as status:
            for line in status:
                if line.startswith("VmHWM:"):
                    return int(line.split()[1]) / 1024
    except OSError:
        pass
    peak = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
    return peak / 1024 if sys.platform != "darwin" else peak / (1024 * 1024)  # KiB on Linux, bytes on macOS


def _wait_for_first_paint(app: Any) -> float:
    """Run the event loop until a main window paints; return when it did."""
    from PySide6.QtCore import QEvent, QObject
    from PySide6.QtWidgets import QMainWindow, QWidget

    painted: list[float] = []

    class PaintSpy(QObject):
        def eventFilter(self, watched: QObject, event: QEvent) -> bool:  # noqa: N802 (Qt's name)
            if not painted and event.type() == QEvent.Type.Paint and isinstance(watched, QWidget):
                window = watched.window()
                if isinstance(window, QMainWindow) and window.isVisible():
                    painted.append(time.time())
            return False

    spy = PaintSpy()
    app.installEventFilter(spy)
    deadline = time.monotonic() + 60
    while not painted and time.monotonic() < deadline:
        app.processEvents()
        time.sleep(0.001)
    app.removeEventFilter(spy)
    if not painted:
        raise SystemExit("the window never painted")
    return painted[0]


def bare() -> dict[str, Any]:
    """Start a bare PySide6 main window the same way (a fresh interpreter, offscreen)."""
    from PySide6.QtWidgets import QApplication, QLabel, QMainWindow

    app = QApplication([sys.argv[0]])
    window = QMainWindow()
    window.setCentralWidget(QLabel("Hola"))
    window.resize(1360, 860)
    window.show()
    return {"painted": _wait_for_first_paint(app), "peak_rss_mb": _peak_rss_mb()}


def app(path: Path, edits: int = 0) -> dict[str, Any]:
    """Start Policy Matrix on path through main.run_gui and measure what was asked."""
    # The domain first, then PySide6, as main.py itself imports them.
    import main

    # isort: split
    from PySide6.QtWidgets import QApplication

    result: dict[str, Any] = {}

    def until_painted(self: QApplication) -> int:
        result["painted"] = _wait_for_first_paint(self)
        if edits:
            result.update(_editor_figures(self, edits))
        print(json.dumps(result), flush=True)
        os._exit(0)  # no settings written back, nothing else timed

    QApplication.exec = until_painted  # type: ignore[method-assign]
    main.run_gui(path)
    raise SystemExit("run_gui returned without reaching the event loop")


def _editor_figures(app: Any, edits: int) -> dict[str, Any]:
    """Show every step, then edit one actor field `edits` times and measure how each save holds the UI thread.

    Each save is the editor's own continuous save (what its debounce timer starts): planned on the UI thread,
    written and committed on a worker, its outcome handled on the UI thread. From the moment it starts until the
    commit's outcome has been handled, the UI thread runs its event loop without pause; the longest stretch
    between two turns of the loop (the planning itself, the outcome handler, any wait for the worker's
    interpreter lock) is the time a user would have seen the window frozen.
    """
    from PySide6.QtWidgets import QMainWindow

    from ui.commands import SetValueCommand
    from ui.models.actors import ACTORS
    from ui.session import SaveState

    window = next(w for w in app.topLevelWidgets() if isinstance(w, QMainWindow) and w.isVisible())
    editor = window.editor
    for step in range(editor.steps.count()):
        editor.show_step(step)
        app.processEvents()
    session = editor.session
    # What opening set going (the first findings, the summary handed to the document) finishes first.
    settle_until = time.monotonic() + 1.5
    while time.monotonic() < settle_until:
        app.processEvents()
        time.sleep(0.005)
    blocked, latency = [], []
    actors = session.proposal.actor_matrix.actors
    for run in range(edits):
        while session.writing:  # the summary written after opening, or the previous save's follow-up
            app.processEvents()
        actor = actors[run % len(actors)]
        locator = (*ACTORS, ("id", actor.id))
        session.push(SetValueCommand(session, locator, "interest_description", f"Texto editado {run}", "bench"))
        app.processEvents()  # the edit's own repaint, done long before its save starts (SAVE_DELAY_MS later)
        start = time.perf_counter()
        session.write_pending()
        last = time.perf_counter()
        longest = last - start
        deadline = start + 10
        while (session.writing or session.save_state is not SaveState.SAVED) and last < deadline:
            app.processEvents()
            now = time.perf_counter()
            longest, last = max(longest, now - last), now
        if session.save_state is not SaveState.SAVED:
            raise SystemExit(f"save {run} did not finish: {session.last_error}")
        blocked.append(longest)
        latency.append(last - start)
    return {"peak_rss_mb": _peak_rss_mb(), "ui_saves_s": blocked, "save_latency_s": latency}


def main() -> None:
    """Run the mode named on the command line."""
    mode = sys.argv[1]
    if mode == "bare":
        print(json.dumps(bare()), flush=True)
        os._exit(0)
    edits = int(sys.argv[3]) if mode == "editor" and len(sys.argv) > 3 else (30 if mode == "editor" else 0)
    app(Path(sys.argv[2]), edits)


if __name__ == "__main__":
    main()
