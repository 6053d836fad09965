"""The dashboard's "Feedback for Moodle…": where to write the zip, which worksheet to fill, then a progress bar.

The work is ui.cohort.feedback's, the same as `main.py feedback`; this only asks and reports. It runs on a worker of
the application's worker policy (ui/workers.py) while the progress bar and its Cancel button stay live.
"""

from __future__ import annotations

import threading
from pathlib import Path

from PySide6.QtCore import QCoreApplication, Qt
from PySide6.QtWidgets import (
    QCheckBox,
    QDialog,
    QDialogButtonBox,
    QFileDialog,
    QFormLayout,
    QHBoxLayout,
    QLineEdit,
    QMessageBox,
    QProgressDialog,
    QPushButton,
    QWidget,
)

from matrices.localized import Lang
from storage.errors import DocumentError
from storage.moodle import sent_text
from ui.cohort.feedback import FeedbackError, FeedbackRequest, FeedbackResult, build_feedback, worksheet_output
from ui.messages import error_details, error_message
from ui.widgets.plain_text import literal
from ui.workers import Send, Workers


class FeedbackDialog(QDialog):
    """Asks for the feedback zip's name, an optional grading worksheet, and whether Word files carry the comments."""

    def __init__(self, source: Path, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._source = source
        self.setWindowTitle(self.tr("Feedback for Moodle"))
        stem = source.stem if source.suffix.lower() == ".zip" else source.name
        self.out_edit = QLineEdit(str(source.with_name(f"{stem}-feedback.zip")), self)
        self.out_edit.setObjectName("feedbackOut")
        self.worksheet_edit = QLineEdit(self)
        self.worksheet_edit.setObjectName("feedbackWorksheet")
        self.worksheet_edit.setPlaceholderText(self.tr("Optional: the grading worksheet downloaded from Moodle"))
        self.comments_box = QCheckBox(self.tr("Also put the review comments in the Word files, as Word comments"), self)
        self.comments_box.setObjectName("feedbackWordComments")
        self.comments_box.setChecked(True)
        form = QFormLayout(self)
        form.addRow(self.tr("Feedback zip:"), self._with_button(self.out_edit, self._choose_out))
        form.addRow(self.tr("Grading worksheet:"), self._with_button(self.worksheet_edit, self._choose_worksheet))
        form.addRow(self.comments_box)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel, self)
        buttons.button(QDialogButtonBox.StandardButton.Ok).setText(self.tr("Write the feedback"))
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        form.addRow(buttons)

    def _with_button(self, edit: QLineEdit, choose: object) -> QWidget:
        row = QWidget(self)
        layout = QHBoxLayout(row)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(edit, 1)
        button = QPushButton(self.tr("Choose…"), row)
        button.clicked.connect(choose)
        layout.addWidget(button)
        return row

    def _choose_out(self) -> None:
        chosen, _filter = QFileDialog.getSaveFileName(
            self, self.tr("Feedback zip"), self.out_edit.text(), self.tr("Zip files (*.zip)")
        )
        if chosen:
            self.out_edit.setText(chosen)

    def _choose_worksheet(self) -> None:
        chosen, _filter = QFileDialog.getOpenFileName(
            self, self.tr("Grading worksheet"), str(self._source.parent), self.tr("CSV files (*.csv)")
        )
        if chosen:
            self.worksheet_edit.setText(chosen)

    def request(self) -> FeedbackRequest:
        """Return what the facilitator chose."""
        worksheet = self.worksheet_edit.text().strip()
        return FeedbackRequest(
            self._source,
            Path(self.out_edit.text().strip()),
            Path(worksheet) if worksheet else None,
            word_comments=self.comments_box.isChecked(),
        )


def run_feedback(parent: QWidget, request: FeedbackRequest, lang: Lang, workers: Workers) -> FeedbackResult | None:
    """Build the feedback on a worker with a progress bar; report what was written and who failed (None if refused)."""
    dialog = QProgressDialog(
        QCoreApplication.translate("FeedbackDialog", "Preparing the feedback…"),
        QCoreApplication.translate("FeedbackDialog", "Cancel"),
        0,
        1,
        parent,
    )
    dialog.setWindowTitle(QCoreApplication.translate("FeedbackDialog", "Feedback for Moodle"))
    dialog.setWindowModality(Qt.WindowModality.WindowModal)
    dialog.setMinimumDuration(0)

    cancelled = threading.Event()
    dialog.canceled.connect(cancelled.set)

    def show(step: tuple[int, int, str]) -> None:
        done, total, name = step
        dialog.setMaximum(max(total, 1))
        if name:
            dialog.setLabelText(
                QCoreApplication.translate("FeedbackDialog", "Preparing the feedback of %1 (%2 of %3)…")
                .replace("%1", name)
                .replace("%2", str(done + 1))
                .replace("%3", str(total))
            )
        dialog.setValue(done)

    def work(send: Send) -> FeedbackResult:
        def progress(done: int, total: int, name: str) -> bool:
            send((done, total, name))
            return not cancelled.is_set()

        return build_feedback(request, progress)

    try:
        result: FeedbackResult = workers.run_responsive(work, show, name="pmx-feedback")
    except (FeedbackError, DocumentError, OSError) as exc:
        QMessageBox.warning(
            parent,
            QCoreApplication.translate("FeedbackDialog", "Feedback for Moodle"),
            literal(f"{error_message(exc, request.out)}\n\n{error_details(exc)}"),
        )
        return None
    finally:
        dialog.reset()
        dialog.deleteLater()
    _report(parent, request, result, lang)
    return result


def _report(parent: QWidget, request: FeedbackRequest, result: FeedbackResult, lang: Lang) -> None:
    """Say what was written and where to upload it, without blocking; the failures go in the details."""
    box = QMessageBox(parent)
    box.setObjectName("feedbackReport")
    box.setWindowTitle(QCoreApplication.translate("FeedbackDialog", "Feedback for Moodle"))
    if result.cancelled:
        text = QCoreApplication.translate("FeedbackDialog", "The feedback was cancelled; nothing was written.")
    else:
        text = (
            QCoreApplication.translate("FeedbackDialog", "Feedback for %1 participant(s) written to %2.")
            .replace("%1", str(len(result.written)))
            .replace("%2", str(request.out))
        )
        text += " " + QCoreApplication.translate(
            "FeedbackDialog", 'Upload it in Moodle with "Upload multiple feedback files in a zip".'
        )
        if result.worksheet_out is not None:
            text += " " + QCoreApplication.translate(
                "FeedbackDialog", 'The worksheet %1 has their feedback comments: "Upload grading worksheet".'
            ).replace("%1", str(worksheet_output(request.out)))
    details = [f"{name}: {reason}" for name, reason in result.failed]
    details += [f"{name}: {sent_text(status).get(lang)}" for name, status in result.skipped]
    if result.failed:
        text += " " + QCoreApplication.translate(
            "FeedbackDialog", "%1 could not be prepared (see the details)."
        ).replace("%1", str(len(result.failed)))
    if details:
        box.setDetailedText("\n".join(details))
    box.setIcon(QMessageBox.Icon.Warning if result.failed else QMessageBox.Icon.Information)
    box.setTextFormat(Qt.TextFormat.PlainText)  # names are the participants' own
    box.setText(text)
    box.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
    box.open()
