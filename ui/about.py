"""Help > About: the versions a facilitator reads out when asking for help, and where the log file is."""

from __future__ import annotations

import platform
from pathlib import Path

import PySide6
from PySide6.QtCore import Qt, QUrl, qVersion
from PySide6.QtGui import QDesktopServices
from PySide6.QtWidgets import QDialog, QDialogButtonBox, QLabel, QVBoxLayout, QWidget

from storage.schema import SCHEMA_VERSION
from ui.version import APP_NAME, APP_VERSION


def versions_line() -> str:
    """Return the application, file-format, PySide6/Qt and Python versions on one line (the log's first line)."""
    return (
        f"{APP_NAME} {APP_VERSION}, file format {SCHEMA_VERSION}, PySide6 {PySide6.__version__}, Qt {qVersion()}, "
        f"Python {platform.python_version()} on {platform.system()} {platform.release()} {platform.machine()}"
    )


class AboutDialog(QDialog):
    """The application and file-format versions, PySide6/Qt and Python versions, and the log file."""

    def __init__(self, log_file: Path | None, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("about")
        self.log_file = log_file
        self.setWindowTitle(self.tr("About %1").replace("%1", APP_NAME))
        title = QLabel(f"{APP_NAME} {APP_VERSION}", self)
        title.setObjectName("about_title")
        font = title.font()
        font.setPointSizeF(font.pointSizeF() * 1.4)
        font.setBold(True)
        title.setFont(font)
        self.facts = QLabel(self.facts_text(), self)
        self.facts.setObjectName("about_facts")
        self.facts.setTextFormat(Qt.TextFormat.PlainText)
        self.facts.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)  # to copy into an email
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close, self)
        buttons.rejected.connect(self.reject)
        self.open_logs = buttons.addButton(self.tr("Open the log folder"), QDialogButtonBox.ButtonRole.ActionRole)
        self.open_logs.setObjectName("about_open_logs")
        self.open_logs.setEnabled(log_file is not None)
        self.open_logs.clicked.connect(self._open_log_folder)
        layout = QVBoxLayout(self)
        layout.addWidget(title)
        layout.addWidget(self.facts)
        layout.addWidget(buttons)

    def facts_text(self) -> str:
        """Return the versions and the log file, one per line."""
        log = str(self.log_file) if self.log_file is not None else self.tr("none (its folder cannot be written)")
        lines = [
            self.tr("Version: %1").replace("%1", APP_VERSION),
            self.tr("File format (.pmx): version %1").replace("%1", str(SCHEMA_VERSION)),
            f"PySide6 {PySide6.__version__}, Qt {qVersion()}",
            f"Python {platform.python_version()}",
            self.tr("Log file: %1").replace("%1", log),
        ]
        return "\n".join(lines)

    def _open_log_folder(self) -> None:
        if self.log_file is not None:
            QDesktopServices.openUrl(QUrl.fromLocalFile(str(self.log_file.parent)))
