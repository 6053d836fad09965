"""Crash-test driver: the real editor, offscreen, editing a .pmx without pause until it is killed.

    python -m tests.faults.crash_driver FILE.pmx LOG.jsonl [--seed N]

It builds the window and the controller as main.py's run_gui does, opens FILE through AppController.open_path
and then edits it the way a participant's keys do: characters typed into the title, a cause's description and
an actor's name (key events into the bound widgets), actors added and removed with the list's buttons, and
undo/redo on the document's undo stack. After every edit it appends the document's state to LOG as one JSON
line, flushed and fsync'ed, so that the killer (tests/faults/test_crash.py) knows what was on screen and when.
"""

from __future__ import annotations

import argparse
import json
import os
import random
import sys
import time
from pathlib import Path
from typing import Any

# The domain (and pydantic) must be imported before PySide6, as in main.py.
from matrices.proposal import Proposal  # isort: split

DRIVER_PREFIX = "Crash "
"""Names of the actors this driver adds start with this, so that it only ever removes its own."""
MAX_TYPED = 300
"""A typed field is replaced (select all, then type) once it is this long, so files stay small over 200 runs."""
TYPING_MS = (30, 220)
"""Pause between two edits: a fast and a slow typist; never a pause long enough for a debounced save."""
MAX_DRIVER_ACTORS = 4
EXIT_OPEN_FAILED = 3
ALPHABET = "abcdefghijklmnopqrstuvwxyz áéíóúñü ÁÉÑ €«»—🧭 0123456789"


def fingerprint(proposal: Proposal) -> dict[str, Any]:
    """Return the part of a proposal the driver edits: what must be found in the file after a kill."""
    causes = proposal.problem_matrix.causes
    return {
        "title": proposal.title,
        "cause": causes[0].description if causes else None,
        "actors": [[actor.id, actor.name] for actor in proposal.actor_matrix.actors],
    }


class EditLog:
    """Appends one JSON line per event, flushed and fsync'ed before the next edit can happen."""

    def __init__(self, path: Path) -> None:
        self._fd = os.open(path, os.O_WRONLY | os.O_CREAT | os.O_APPEND, 0o644)

    def write(self, kind: str, **data: Any) -> None:
        """Record one event with the wall-clock time at which it was done."""
        line = json.dumps({"t": time.time(), "kind": kind, **data}, ensure_ascii=False)
        os.write(self._fd, (line + "\n").encode("utf-8"))
        os.fsync(self._fd)


class Typist:
    """Makes one edit per timer tick through the editor's widgets and logs the resulting state."""

    def __init__(self, window: Any, controller: Any, log: EditLog, rng: random.Random) -> None:
        from PySide6.QtCore import QTimer

        self.window = window
        self.controller = controller
        self.log = log
        self.rng = rng
        self.target = "title"
        self.burst = 0
        self.timer = QTimer()
        self.timer.setSingleShot(True)
        self.timer.timeout.connect(self.tick)

    @property
    def editor(self) -> Any:
        """Return the editor view of the open document."""
        return self.window.editor

    @property
    def session(self) -> Any:
        """Return the open document's session."""
        return self.controller.session

    def start(self) -> None:
        """Begin editing."""
        self.timer.start(self.rng.randint(*TYPING_MS))

    def tick(self) -> None:
        """Do one edit, log it, and schedule the next."""
        if self.burst <= 0:
            self.target = self.rng.choices(
                ["title", "cause", "actor_name", "add_actor", "remove_actor", "undo"], weights=[5, 5, 3, 1, 1, 1]
            )[0]
            self.burst = self.rng.randint(3, 25)
        self.burst -= 1
        kind = getattr(self, f"_edit_{self.target}")()
        self.check_and_log(kind)
        self.timer.start(self.rng.randint(*TYPING_MS))

    def check_and_log(self, kind: str) -> None:
        """Log the proposal as the session now holds it."""
        state = fingerprint(self.session.proposal)
        self.log.write(kind, state=state)

    # -- the edits ------------------------------------------------------------------------------------------

    def _type(self, widget: Any, value: str) -> str:
        from PySide6.QtCore import Qt
        from PySide6.QtTest import QTest
        from PySide6.QtWidgets import QLineEdit

        widget.setFocus()
        text = widget.text() if isinstance(widget, QLineEdit) else widget.toPlainText()
        if len(text) >= MAX_TYPED:
            widget.selectAll()
        char = self.rng.choice(ALPHABET)
        QTest.sendKeyEvent(QTest.KeyAction.Click, widget, Qt.Key.Key_unknown, char, Qt.KeyboardModifier.NoModifier)
        now = widget.text() if isinstance(widget, QLineEdit) else widget.toPlainText()
        if now == text and len(text) < MAX_TYPED:
            return "ignored key"
        return f"typed into {value}"

    def _edit_title(self) -> str:
        self.editor.navigate("general", None, "title")
        return self._type(self.editor.pages[0].widgets["title"], "title")

    def _edit_cause(self) -> str:
        problem = self.editor.pages[1]
        cause_id = self.session.proposal.problem_matrix.causes[0].id
        self.editor.navigate("problem", cause_id, "description")
        return self._type(problem.causes.form.widgets["description"], "cause")

    def _driver_actor_ids(self) -> list[str]:
        actors = self.session.proposal.actor_matrix.actors
        return [actor.id for actor in actors if actor.name.startswith(DRIVER_PREFIX)]

    def _edit_actor_name(self) -> str:
        ids = self._driver_actor_ids()
        if not ids:
            return self._edit_add_actor()
        actors = self.editor.pages[3]
        self.editor.navigate("actors", ids[-1], "name")
        return self._type(actors.rows["name"].widget, "actor name")

    def _edit_add_actor(self) -> str:
        from PySide6.QtWidgets import QLineEdit

        if len(self._driver_actor_ids()) >= MAX_DRIVER_ACTORS:
            return self._edit_remove_actor()
        actors = self.editor.pages[3]
        self.editor.navigate("actors", None, None)
        actors.panel.add_button.click()
        name: QLineEdit = actors.rows["name"].widget
        for char in DRIVER_PREFIX:
            self._type_exact(name, char)
        self.burst = 0
        return "added an actor"

    def _type_exact(self, widget: Any, char: str) -> None:
        from PySide6.QtCore import Qt
        from PySide6.QtTest import QTest

        widget.setFocus()
        QTest.sendKeyEvent(QTest.KeyAction.Click, widget, Qt.Key.Key_unknown, char, Qt.KeyboardModifier.NoModifier)

    def _edit_remove_actor(self) -> str:
        ids = self._driver_actor_ids()
        if not ids:
            return self._edit_add_actor()
        actors = self.editor.pages[3]
        self.editor.navigate("actors", ids[0], None)
        actors.panel.select_id(ids[0])
        actors.panel.remove_button.click()
        self.burst = 0
        return "removed an actor"

    def _edit_undo(self) -> str:
        stack = self.session.undo_stack
        if stack.canRedo() and self.rng.random() < 0.5:
            stack.redo()
            return "redo"
        if stack.canUndo():
            stack.undo()
            return "undo"
        return self._edit_title()


def run(path: Path, log_path: Path, seed: int) -> int:
    """Open path in the editor and edit it until killed; exit 3 when the file could not be opened."""
    os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
    from PySide6.QtCore import QSettings
    from PySide6.QtWidgets import QApplication, QMessageBox

    from ui.context import UiContext
    from ui.controller import AppController
    from ui.main_window import MainWindow
    from ui.settings import Settings
    from ui.translation import LanguageSwitcher
    from ui.workers import Workers
    from ui.writer import DocumentWriter

    log = EditLog(log_path)
    app = QApplication(["crash-driver"])
    # A warning would wait for a click that never comes: record it and stop instead.
    QMessageBox.warning = lambda _parent, _title, text, *_args: (  # type: ignore[method-assign]
        log.write("warning", text=text),
        os._exit(EXIT_OPEN_FAILED),
    )
    settings = Settings(QSettings(str(log_path.with_suffix(".ini")), QSettings.Format.IniFormat))
    context = UiContext.load()
    window = MainWindow(context)

    from ui.pages.editor_pages import default_pages

    pages = default_pages

    writer = DocumentWriter(Workers(app), app)  # as main.py wires them
    controller = AppController(window, context, settings, LanguageSwitcher(app), pages, writer=writer)
    window.resize(1360, 860)
    window.show()
    if not controller.open_path(path) or controller.session is None or controller.session.read_only:
        log.write("open failed")
        return EXIT_OPEN_FAILED
    log.write("ready", state=fingerprint(controller.session.proposal), pid=os.getpid())
    typist = Typist(window, controller, log, random.Random(seed))
    typist.start()
    return int(app.exec())


def main() -> None:
    """Parse the command line and run the driver."""
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0] if __doc__ else None)
    parser.add_argument("path", type=Path)
    parser.add_argument("log", type=Path)
    parser.add_argument("--seed", type=int, default=0)
    args = parser.parse_args()
    sys.exit(run(args.path, args.log, args.seed))


if __name__ == "__main__":
    main()
