"""Help > About: the versions and the log file a facilitator reads out when asking for help."""

from __future__ import annotations

import platform
from pathlib import Path

import PySide6
from PySide6.QtCore import qVersion
from PySide6.QtWidgets import QLabel, QPushButton
from pytestqt.qtbot import QtBot

from storage.schema import SCHEMA_VERSION
from tests.ui.helpers import make_context
from ui.about import AboutDialog
from ui.main_window import MainWindow
from ui.translation import LanguageSwitcher
from ui.version import APP_VERSION


def test_about_names_every_version_and_the_log_file(qtbot: QtBot, tmp_path: Path) -> None:
    log = tmp_path / "logs" / "policy-matrix.log"
    dialog = AboutDialog(log)
    qtbot.addWidget(dialog)
    facts = dialog.findChild(QLabel, "about_facts").text()
    for fact in (APP_VERSION, f"(.pmx): version {SCHEMA_VERSION}", PySide6.__version__, qVersion()):
        assert fact in facts
    assert f"Python {platform.python_version()}" in facts
    assert str(log) in facts
    assert dialog.findChild(QPushButton, "about_open_logs").isEnabled()


def test_about_says_when_there_is_no_log_file(qtbot: QtBot, spanish: LanguageSwitcher) -> None:
    dialog = AboutDialog(None)
    qtbot.addWidget(dialog)
    facts = dialog.findChild(QLabel, "about_facts").text()
    assert "Formato de archivo (.pmx): versión" in facts
    assert "ninguno" in facts
    assert not dialog.findChild(QPushButton, "about_open_logs").isEnabled()


def test_the_help_menu_asks_for_about(qtbot: QtBot) -> None:
    window = MainWindow(make_context())
    qtbot.addWidget(window)
    assert window.help_menu in [action.menu() for action in window.menuBar().actions()]
    with qtbot.waitSignal(window.about_requested, timeout=1000):
        window.about_action.trigger()
