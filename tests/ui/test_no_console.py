"""The real application with no console (a GUI-only Windows build sets sys.stdout and sys.stderr to None).

Each test starts main.py's own entry point in a subprocess through a launcher that removes the streams first, and
lets it run to its first paint (POLICY_MATRIX_QUIT_AFTER_PAINT): warnings and errors must still reach the user
and the log file, and an unexpected error must not cost the document's pending edits.
"""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

from storage.document import Document
from tests.ui.helpers import demo_file
from ui.app_log import LOG_NAME
from ui.desktop import QUIT_AFTER_PAINT
from ui.version import APP_NAME, APP_VERSION, DESKTOP_NAME, ORGANIZATION

ROOT = Path(__file__).resolve().parents[2]

LAUNCHER = """
import json, os, sys
sys.stdout = sys.stderr = None  # what pythonw.exe and a windowed PyInstaller build give the program
sys.path.insert(0, {root!r})
import main  # the domain before PySide6, as main.py requires

from PySide6.QtCore import QCoreApplication, QTimer
from PySide6.QtGui import QFileOpenEvent
from ui.commands import SetValueCommand
from ui.controller import AppController
from ui.desktop import Application

mode = os.environ.get("TEST_MODE", "")
if mode in ("die", "tell"):
    opened = AppController.open_path

    def open_then_fail(self, path, review=False):
        result = opened(self, path, review)
        self.session.push(SetValueCommand(self.session, (), "title", "Editado antes del error", "test"))

        def fail():
            if mode == "die":  # the process ends right after the error is handled, before any other save
                QTimer.singleShot(0, lambda: os._exit(0))
            raise RuntimeError("injected failure")

        QTimer.singleShot(0, fail)
        return result

    AppController.open_path = open_then_fail
if mode == "file-open":
    created = Application.__init__

    def post_file_open(self, argv):
        created(self, argv)
        names = [self.organizationName(), self.applicationName(), self.applicationVersion(), self.desktopFileName()]
        with open(os.environ["TEST_NAMES"], "w", encoding="utf-8") as out:
            json.dump(names, out)
        QCoreApplication.postEvent(self, QFileOpenEvent(os.environ["TEST_OPEN"]))  # what macOS's Finder sends

    Application.__init__ = post_file_open
sys.argv = ["policy-matrix", *sys.argv[1:]]
main.main()
"""


def start(tmp_path: Path, *args: str | Path, **env: str) -> tuple[int, dict[str, object], str]:
    """Run the launcher; return (exit status, the first-paint report, the log file's text)."""
    report = tmp_path / "report.json"
    environment = {
        **os.environ,
        "QT_QPA_PLATFORM": "offscreen",
        "HOME": str(tmp_path),
        "XDG_CONFIG_HOME": str(tmp_path / "config"),
        "XDG_STATE_HOME": str(tmp_path / "state"),
        QUIT_AFTER_PAINT: str(report),
        **env,
    }
    done = subprocess.run(
        [sys.executable, "-c", LAUNCHER.format(root=str(ROOT)), *map(str, args)],
        capture_output=True,
        text=True,
        env=environment,
        timeout=180,
        check=False,
    )
    assert (done.stdout, done.stderr) == ("", ""), "nothing may be printed: there are no streams"
    log = tmp_path / "state" / DESKTOP_NAME / LOG_NAME
    shown = json.loads(report.read_text(encoding="utf-8")) if report.is_file() else {}
    return done.returncode, shown, log.read_text(encoding="utf-8") if log.is_file() else ""


def test_a_damaged_file_is_reported_to_the_user_and_to_the_log(tmp_path: Path) -> None:
    damaged = tmp_path / "dañado.pmx"
    damaged.write_bytes(b"SQLite format 3\x00" + b"\x00" * 300)
    status, shown, log = start(tmp_path, damaged)
    assert status == 0
    assert len(shown["dialogs"]) == 1, shown  # type: ignore[arg-type]
    assert "dañado.pmx" in shown["dialogs"][0]  # type: ignore[index]
    assert "WARNING" in log
    assert "dañado.pmx" in log


def test_a_command_with_no_console_writes_its_error_line_to_the_log(tmp_path: Path) -> None:
    damaged = tmp_path / "dañado.pmx"
    damaged.write_bytes(b"not a proposal at all")
    status, _shown, log = start(tmp_path, "check", damaged)
    assert status == 2
    assert "error: " in log
    assert "dañado.pmx" in log


def test_an_unexpected_error_saves_the_pending_edit_before_anything_else(tmp_path: Path) -> None:
    path = demo_file(tmp_path)
    status, _shown, log = start(tmp_path, path, TEST_MODE="die")
    assert status == 0
    with Document.open(path, read_only=True) as reread:
        assert reread.load().title == "Editado antes del error"
    assert "Traceback" in log
    assert "RuntimeError: injected failure" in log


def test_an_unexpected_error_is_told_in_one_sentence_naming_the_log(tmp_path: Path) -> None:
    path = demo_file(tmp_path)
    status, shown, log = start(tmp_path, path, TEST_MODE="tell")
    assert status == 0
    log_file = tmp_path / "state" / DESKTOP_NAME / LOG_NAME
    assert len(shown["dialogs"]) == 1, shown  # type: ignore[arg-type]
    sentence = shown["dialogs"][0]  # type: ignore[index]
    assert str(log_file) in sentence
    assert "\n" not in sentence
    assert sentence.count(". ") == 0  # one sentence (the log path may hold dots, never ". ")
    assert "se guardó" in sentence  # the interface language (Spanish by default), and the work was saved
    assert "RuntimeError: injected failure" in log


def test_a_file_open_event_opens_the_document(tmp_path: Path) -> None:
    path = demo_file(tmp_path, name="abierto.pmx")
    names = tmp_path / "names.json"
    status, shown, _log = start(tmp_path, TEST_MODE="file-open", TEST_OPEN=str(path), TEST_NAMES=str(names))
    assert status == 0
    assert "abierto.pmx" in str(shown["title"])
    assert json.loads(names.read_text(encoding="utf-8")) == [ORGANIZATION, APP_NAME, APP_VERSION, DESKTOP_NAME]
