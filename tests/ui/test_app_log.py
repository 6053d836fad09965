"""The per-user log file: where it lives on each platform, what reaches it, rotation, and the stand-in streams."""

from __future__ import annotations

import io
import logging
import sys
from collections.abc import Iterator
from logging.handlers import RotatingFileHandler
from pathlib import Path

import pytest
from PySide6.QtCore import qInstallMessageHandler, qWarning

from ui import app_log


@pytest.fixture
def root_logger() -> Iterator[logging.Logger]:
    """Give the test the root logger and put its handlers, level and Qt's message handler back afterwards."""
    root = logging.getLogger()
    handlers, level = list(root.handlers), root.level
    yield root
    for handler in root.handlers:
        if handler not in handlers:
            handler.close()
    root.handlers[:] = handlers
    root.setLevel(level)
    logging.captureWarnings(False)
    qInstallMessageHandler(None)


def test_the_log_folder_follows_each_platforms_rules(monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> None:
    monkeypatch.setattr(sys, "platform", "linux")
    monkeypatch.setenv("XDG_STATE_HOME", str(tmp_path / "state"))
    assert app_log.log_dir() == tmp_path / "state" / "policy-matrix"
    monkeypatch.setenv("XDG_STATE_HOME", "relative/ignored")  # XDG: a relative path is invalid
    monkeypatch.setenv("HOME", str(tmp_path))
    assert app_log.log_dir() == tmp_path / ".local" / "state" / "policy-matrix"
    monkeypatch.setattr(sys, "platform", "win32")
    monkeypatch.setenv("LOCALAPPDATA", str(tmp_path / "Local"))
    assert app_log.log_dir() == tmp_path / "Local" / "Policy Matrix" / "Logs"
    monkeypatch.setattr(sys, "platform", "darwin")
    assert app_log.log_dir() == tmp_path / "Library" / "Logs" / "Policy Matrix"


def test_records_and_qt_messages_reach_the_file_and_warnings_the_console(
    root_logger: logging.Logger, tmp_path: Path
) -> None:
    console = io.StringIO()
    path = app_log.start_logging(console, tmp_path / "logs")
    assert path == tmp_path / "logs" / app_log.LOG_NAME
    logging.getLogger("ui.something").info("opened a file")
    logging.getLogger("ui.something").warning("could not read ñandú.pmx")
    qWarning("a Qt plugin is missing")
    text = path.read_text(encoding="utf-8")
    assert "INFO ui.something: opened a file" in text
    assert "WARNING ui.something: could not read ñandú.pmx" in text
    assert "WARNING qt: a Qt plugin is missing" in text
    assert "could not read ñandú.pmx" in console.getvalue()
    assert "opened a file" not in console.getvalue()


def test_starting_twice_keeps_one_file(root_logger: logging.Logger, tmp_path: Path) -> None:
    first = app_log.start_logging(None, tmp_path / "a")
    handlers = list(root_logger.handlers)
    assert app_log.start_logging(None, tmp_path / "b") == first
    assert root_logger.handlers == handlers


def test_the_file_is_rotated(root_logger: logging.Logger, tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(app_log, "LOG_BYTES", 2_000)
    path = app_log.start_logging(None, tmp_path)
    assert path is not None
    for n in range(200):
        logging.getLogger("ui.test").warning("line %d of a long session", n)
    backups = sorted(tmp_path.glob(f"{app_log.LOG_NAME}.*"))
    assert [p.name for p in backups] == [f"{app_log.LOG_NAME}.{n}" for n in range(1, app_log.LOG_BACKUPS + 1)]
    assert all(p.stat().st_size <= 2_200 for p in [path, *backups])


def test_an_unwritable_folder_leaves_no_file_and_no_error(root_logger: logging.Logger, tmp_path: Path) -> None:
    blocker = tmp_path / "not-a-folder"
    blocker.write_text("a file where the folder should be")
    assert app_log.start_logging(None, blocker / "logs") is None
    logging.getLogger("ui.test").warning("goes nowhere, raises nothing")
    assert not any(isinstance(h, RotatingFileHandler) for h in root_logger.handlers)


def test_a_log_writer_turns_lines_into_records(caplog: pytest.LogCaptureFixture) -> None:
    writer = app_log.LogWriter(logging.getLogger("policy_matrix.output"), logging.WARNING)
    with caplog.at_level(logging.INFO, logger="policy_matrix.output"):
        print("error: x.pmx: not a proposal", file=writer)
        writer.write("partial ")
        writer.write("line")
        assert [r.getMessage() for r in caplog.records] == ["error: x.pmx: not a proposal"]
        writer.flush()
    assert [r.getMessage() for r in caplog.records] == ["error: x.pmx: not a proposal", "partial line"]
    assert {r.levelno for r in caplog.records} == {logging.WARNING}
