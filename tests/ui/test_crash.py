"""The exception hook in-process: logged with its traceback, pending edits flushed first, one sentence shown."""

from __future__ import annotations

import logging
import sys
import threading
from collections.abc import Iterator
from pathlib import Path

import pytest
from PySide6.QtCore import QTimer
from PySide6.QtWidgets import QApplication, QMessageBox, QWidget
from pytestqt.qtbot import QtBot

from ui.crash import CrashReporter
from ui.translation import LanguageSwitcher


class Seen:
    """What the hook did: the flushes (and on which thread), and the messages it showed."""

    def __init__(self, saved: bool = True) -> None:
        self.saved = saved
        self.flush_threads: list[str] = []
        self.messages: list[str] = []

    def flush(self) -> bool:
        self.flush_threads.append(threading.current_thread().name)
        return self.saved


@pytest.fixture
def seen(monkeypatch: pytest.MonkeyPatch) -> Seen:
    seen = Seen()

    def record(box: QMessageBox) -> int:
        assert box.objectName() == "unexpected_error"
        seen.messages.append(box.text())
        return 0

    monkeypatch.setattr(QMessageBox, "exec", record)  # a real box would wait for a click
    return seen


@pytest.fixture
def reporter(qtbot: QtBot, seen: Seen, tmp_path: Path) -> Iterator[CrashReporter]:
    window = QWidget()
    qtbot.addWidget(window)
    reporter = CrashReporter(tmp_path / "policy-matrix.log")
    reporter.protect(window, seen.flush)
    reporter.install()
    yield reporter
    reporter.uninstall()


def raise_in_a_slot(qtbot: QtBot) -> None:
    """Raise from a Qt slot, where PySide hands the exception to sys.excepthook and goes on."""

    def fail() -> None:
        raise RuntimeError("boom in a slot")

    # While the reporter is installed its hook stands in for pytest-qt's, which would fail the test.
    QTimer.singleShot(0, fail)
    qtbot.wait(50)


def test_an_error_in_a_slot_is_logged_flushed_and_told(
    reporter: CrashReporter, seen: Seen, qtbot: QtBot, caplog: pytest.LogCaptureFixture
) -> None:
    with caplog.at_level(logging.CRITICAL, logger="ui.crash"):
        raise_in_a_slot(qtbot)
    assert seen.flush_threads == ["MainThread"]
    qtbot.waitUntil(lambda: len(seen.messages) == 1)
    assert str(reporter.log_file) in seen.messages[0]
    assert "saved" in seen.messages[0]
    record = next(r for r in caplog.records if r.name == "ui.crash")
    assert record.exc_info is not None
    assert record.exc_info[0] is RuntimeError


def test_a_burst_of_errors_shows_one_message_and_flushes_each_time(
    reporter: CrashReporter, seen: Seen, qtbot: QtBot
) -> None:
    def fail() -> None:
        raise ValueError("again")

    for _ in range(3):
        QTimer.singleShot(0, fail)
    qtbot.wait(100)
    assert len(seen.flush_threads) == 3
    assert len(seen.messages) == 1


def test_an_error_on_another_thread_is_flushed_and_told_on_the_ui_thread(
    reporter: CrashReporter, seen: Seen, qtbot: QtBot
) -> None:
    def fail() -> None:
        raise OSError("disk gone, on a worker")

    worker = threading.Thread(target=fail, name="worker")
    worker.start()
    worker.join()
    qtbot.waitUntil(lambda: len(seen.messages) == 1)
    assert seen.flush_threads == ["MainThread"]


def test_edits_that_could_not_be_saved_are_said_so(reporter: CrashReporter, seen: Seen, qtbot: QtBot) -> None:
    seen.saved = False
    raise_in_a_slot(qtbot)
    qtbot.waitUntil(lambda: len(seen.messages) == 1)
    assert "not saved" in seen.messages[0]


def test_the_sentence_is_in_the_interface_language(
    reporter: CrashReporter, seen: Seen, qtbot: QtBot, spanish: LanguageSwitcher
) -> None:
    raise_in_a_slot(qtbot)
    qtbot.waitUntil(lambda: len(seen.messages) == 1)
    assert seen.messages[0].startswith("Algo falló en Policy Matrix")


def test_uninstall_gives_the_hooks_back(qapp: QApplication, tmp_path: Path) -> None:
    before = (sys.excepthook, threading.excepthook)
    reporter = CrashReporter(tmp_path / "x.log")
    reporter.install()
    assert sys.excepthook != before[0]
    reporter.uninstall()
    assert (sys.excepthook, threading.excepthook) == before
